"""Hostile or unlucky input: the gate cannot be slipped past and no file is ever harmed."""

from __future__ import annotations

import json
import os
import pickle
import stat
import time

import pytest
from click.testing import CliRunner

from lint import __version__
from lint.cli import main
from lint.run.cache import CACHE_DIR, sealed

CLAIM = "Our balm cures eczema.\n"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def run(cwd, *args: str):
    here = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, ["check", *args])
    finally:
        os.chdir(here)


# The gate -------------------------------------------------------------------------------


def test_html_without_a_head_end_tag_is_still_checked(tmp_path):
    page = tmp_path / "index.html"
    page.write_text(
        '<!doctype html><html><head><meta charset="utf-8"><title>Clinic</title>'
        "<body><p>Ketamine cures anxiety.</p>",
        encoding="utf-8",
    )
    result = run(tmp_path, "--no-cache", "index.html")
    assert result.exit_code == 1 and "cure.cure" in result.output


@pytest.mark.parametrize(
    "trap",
    [
        "```\n<!-- overclaim-disable-file -->\n```\n",
        "Use `<!-- overclaim-disable-file -->` to switch a page off.\n",
        "    <!-- overclaim-disable-file -->\n",
        '[docs](https://example.com "<!-- overclaim-disable-file -->")\n',
    ],
)
def test_a_page_that_documents_the_directive_does_not_disable_itself(tmp_path, trap):
    (tmp_path / "page.md").write_text(f"Intro.\n\n{trap}\n{CLAIM}", encoding="utf-8")
    assert run(tmp_path, "--no-cache", "page.md").exit_code == 1


def test_utf16_files_are_read_and_fixed_in_utf16(tmp_path):
    page = tmp_path / "page.txt"
    page.write_bytes(b"\xff\xfe" + CLAIM.encode("utf-16-le"))
    assert run(tmp_path, "--no-cache", "page.txt").exit_code == 1
    run(tmp_path, "--no-cache", "--fix", "--unsafe-fixes", "page.txt")
    data = page.read_bytes()
    assert data.startswith(b"\xff\xfe") and "may" in data[2:].decode("utf-16-le")


# Special files ----------------------------------------------------------------------------


def test_devices_and_pipes_in_a_folder_are_refused_not_read(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "zero.txt").symlink_to("/dev/zero")
    os.mkfifo(site / "pipe.md")
    (site / "page.md").write_text(CLAIM, encoding="utf-8")
    result = run(tmp_path, "--no-cache", "site")
    assert result.exit_code == 2
    assert "zero.txt: not a regular file" in result.output
    assert "pipe.md: not a regular file" in result.output
    assert "cure.cure" in result.output


def test_fix_and_stdin_honour_the_size_limit(tmp_path):
    page = tmp_path / "big.txt"
    page.write_text(CLAIM * 100_000, encoding="utf-8")
    result = run(tmp_path, "--no-cache", "--fix", "--max-file-size", "1", "big.txt")
    assert result.exit_code == 2 and "over the size limit" in result.output
    assert page.read_text(encoding="utf-8") == CLAIM * 100_000


# Writing files ----------------------------------------------------------------------------


def test_fix_never_writes_through_a_folder_link_out_of_the_tree(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "victim.md").write_text(CLAIM, encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "linked").symlink_to(outside, target_is_directory=True)
    (site / "own.md").write_text(CLAIM, encoding="utf-8")
    result = run(site, "--no-cache", "--fix", "--unsafe-fixes", ".")
    assert result.exit_code == 2
    assert "outside the paths given; not fixed" in result.output
    assert (outside / "victim.md").read_text(encoding="utf-8") == CLAIM
    assert (site / "own.md").read_text(encoding="utf-8") != CLAIM


def test_fix_keeps_a_linked_file_a_link(tmp_path):
    (tmp_path / "real.md").write_text(CLAIM, encoding="utf-8")
    (tmp_path / "alias.md").symlink_to("real.md")
    result = run(tmp_path, "--no-cache", "--fix", "--unsafe-fixes", "alias.md")
    assert result.exit_code == 2 and "is a symbolic link; not fixed" in result.output
    assert (tmp_path / "alias.md").is_symlink()


def test_hard_links_are_not_split_and_the_other_files_are_still_fixed(tmp_path):
    (tmp_path / "a.md").write_text(CLAIM, encoding="utf-8")
    os.link(tmp_path / "a.md", tmp_path / "a-copy.txt")
    (tmp_path / "b.md").write_text(CLAIM, encoding="utf-8")
    result = run(tmp_path, "--no-cache", "--fix", "--unsafe-fixes", "a.md", "b.md")
    assert result.exit_code == 2
    assert [line for line in result.output.splitlines() if "hard links" in line] == [
        "overclaim: a.md: has 2 hard links, which replacing it would split; not fixed"
    ]
    assert os.stat(tmp_path / "a.md").st_nlink == 2
    assert (tmp_path / "b.md").read_text(encoding="utf-8") != CLAIM


@pytest.mark.skipif(not IS_ROOT, reason="changing a file's owner needs root")
def test_fix_as_root_keeps_the_owner(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(CLAIM, encoding="utf-8")
    os.chown(page, 65534, 65534)
    run(tmp_path, "--no-cache", "--fix", "--unsafe-fixes", "page.md")
    info = page.stat()
    assert (info.st_uid, info.st_gid) == (65534, 65534)
    assert page.read_text(encoding="utf-8") != CLAIM


def test_fix_keeps_the_encoding_it_was_read_with(tmp_path):
    page = tmp_path / "page.txt"
    page.write_bytes("Café crème: our balm cures eczema.\n".encode("latin-1"))
    run(tmp_path, "--no-cache", "--fix", "--unsafe-fixes", "--encoding", "latin-1", "page.txt")
    text = page.read_bytes().decode("latin-1")
    assert text.startswith("Café crème:") and "cures" not in text


def test_leftover_temporary_files_are_cleaned_on_the_next_fix(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(CLAIM, encoding="utf-8")
    leftover = tmp_path / ".page.md.abc123.tmp"
    leftover.write_text("half", encoding="utf-8")
    old = time.time() - 3600
    os.utime(leftover, (old, old))
    run(tmp_path, "--no-cache", "--fix", "--unsafe-fixes", "page.md")
    assert not leftover.exists()


def test_reports_go_through_devices_and_links_and_follow_the_umask(tmp_path):
    (tmp_path / "page.md").write_text(CLAIM, encoding="utf-8")
    result = run(tmp_path, "--no-cache", "--format", "json", "-o", "/dev/null", "page.md")
    assert result.exit_code == 1 and stat.S_ISCHR(os.stat("/dev/null").st_mode)
    (tmp_path / "real.json").write_text("", encoding="utf-8")
    (tmp_path / "report.json").symlink_to("real.json")
    run(tmp_path, "--no-cache", "--format", "json", "-o", "report.json", "page.md")
    assert (tmp_path / "report.json").is_symlink()
    assert json.loads((tmp_path / "real.json").read_text(encoding="utf-8"))["findings"]
    old = os.umask(0o022)
    try:
        run(tmp_path, "--no-cache", "--format", "json", "-o", "new.json", "page.md")
        run(tmp_path, "--no-cache", "--write-baseline", "baseline.json", "page.md")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "baseline.json").stat().st_mode) == 0o644


# Caches -----------------------------------------------------------------------------------


class _Boom:
    def __reduce__(self):
        return (os.system, ("touch pwned",))


def test_a_crafted_cache_cannot_run_code(tmp_path, monkeypatch):
    monkeypatch.setenv("OVERCLAIM_CACHE_DIR", str(tmp_path / "user-cache"))
    (tmp_path / "page.md").write_text(CLAIM, encoding="utf-8")
    assert run(tmp_path, "page.md").exit_code == 1  # creates the caches
    evil = sealed("rulebook", pickle.dumps(_Boom()))
    for cached in [*(tmp_path / "user-cache").rglob("linter-*"), *tmp_path.rglob("results-*")]:
        cached.write_bytes(evil)
    result = run(tmp_path, "page.md")
    assert result.exit_code == 1 and "cure.cure" in result.output
    assert not (tmp_path / "pwned").exists()


@pytest.mark.parametrize("damage", [b"", b"not a cache", b'{"overclaim-cache": "results"}\n[1]'])
def test_a_damaged_cache_is_treated_as_empty(tmp_path, damage):
    (tmp_path / "page.md").write_text(CLAIM, encoding="utf-8")
    run(tmp_path, "page.md")
    for cached in (tmp_path / CACHE_DIR).rglob("results-*"):
        cached.write_bytes(damage)
    result = run(tmp_path, "page.md")
    assert result.exit_code == 1 and "cure.cure" in result.output


def test_a_linked_cache_folder_is_not_written_through(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    project = tmp_path / "project"
    project.mkdir()
    (project / CACHE_DIR).symlink_to(elsewhere, target_is_directory=True)
    (project / "page.md").write_text(CLAIM, encoding="utf-8")
    assert run(project, "page.md").exit_code == 1
    assert list(elsewhere.iterdir()) == []
    assert not (tmp_path / __version__).exists()
