"""Hostile or unlucky input: the gate cannot be slipped past and no file is ever harmed."""

from __future__ import annotations

import json
import os
import pickle
import shutil
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


# One line and exit 2, never a traceback ------------------------------------------------------


def _one_line_exit_2(result) -> str:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("overclaim: ")]
    assert len(errors) == 1, result.output
    return errors[0]


RULEBOOK_TRAPS = {
    "a list as a mapping key": "? [a]\n: b\n",
    "5,000-deep nesting": "rules: " + "[" * 5000 + "]" * 5000 + "\n",
    "a 100 KB scalar": "rules: " + "x" * 100_000 + "\n",
}


@pytest.mark.parametrize("trap", RULEBOOK_TRAPS)
def test_hostile_rulebooks_give_one_short_line(tmp_path, trap):
    (tmp_path / "bad.yaml").write_text(RULEBOOK_TRAPS[trap], encoding="utf-8")
    (tmp_path / "page.md").write_text(CLAIM, encoding="utf-8")
    line = _one_line_exit_2(run(tmp_path, "--no-cache", "--rules", "bad.yaml", "page.md"))
    assert len(line) < 300


def test_a_folder_named_like_a_rulebook_file_is_passed_over(tmp_path):
    (tmp_path / "rules" / "x.yaml").mkdir(parents=True)
    (tmp_path / "page.md").write_text(CLAIM, encoding="utf-8")
    assert run(tmp_path, "--no-cache", "--rules", "rules", "page.md").exit_code == 1


def test_configuration_errors_never_print_a_file_s_content(tmp_path):
    secret = tmp_path / "credentials"
    secret.write_text("token: s3cr3t-value-that-must-not-leak\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        f'[tool.overclaim]\nextend = ["{secret}"]\n', encoding="utf-8"
    )
    (tmp_path / "page.md").write_text(CLAIM, encoding="utf-8")
    line = _one_line_exit_2(run(tmp_path, "--no-cache", "page.md"))
    assert "s3cr3t" not in line and "not a rulebook file" in line


@pytest.mark.parametrize(
    "content",
    [
        '{"overclaim-baseline": 2, "findings": [1]}',
        '{"overclaim-baseline": 2, "findings": [{"fingerprint": ["x"]}]}',
        "[]",
    ],
)
def test_malformed_baselines(tmp_path, content):
    (tmp_path / "b.json").write_text(content, encoding="utf-8")
    (tmp_path / "page.md").write_text(CLAIM, encoding="utf-8")
    _one_line_exit_2(run(tmp_path, "--no-cache", "--baseline", "b.json", "page.md"))


def test_eval_refuses_records_of_the_wrong_shape(tmp_path):
    (tmp_path / "set.jsonl").write_text('{"text": 5, "label": "ok"}\n', encoding="utf-8")
    here = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = CliRunner().invoke(main, ["eval", "set.jsonl"])
    finally:
        os.chdir(here)
    _one_line_exit_2(result)


def test_size_limits_and_encodings_that_cannot_give_text(tmp_path):
    (tmp_path / "page.md").write_text(CLAIM, encoding="utf-8")
    assert run(tmp_path, "--no-cache", "--max-file-size", "inf", "page.md").exit_code == 1
    (tmp_path / "escaped.txt").write_bytes(b"cures \\ud800 acne\n")
    line = _one_line_exit_2(
        run(tmp_path, "--no-cache", "--encoding", "unicode_escape", "escaped.txt")
    )
    assert "not Unicode text" in line


def test_closed_standard_input(tmp_path):
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "lint", "check", "-"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        preexec_fn=lambda: os.close(0),
    )
    assert result.returncode == 2
    assert result.stderr.strip() == "overclaim: standard input is closed"


@pytest.mark.parametrize("output_format", ["json", "sarif", "gitlab", "junit", "text"])
def test_file_names_that_are_not_utf8(tmp_path, output_format):
    name = os.fsdecode(b"caf\xe9.md")
    try:
        (tmp_path / name).write_text(CLAIM, encoding="utf-8")
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system refuses names that are not UTF-8")
    result = run(tmp_path, "--no-cache", "--format", output_format, "-o", "out.txt", ".")
    assert result.exit_code == 1, result.output
    report = (tmp_path / "out.txt").read_bytes().decode("utf-8")
    assert "caf\ufffd.md" in report or "caf%EF%BF%BD.md" in report


# Output that cannot be forged or broken ------------------------------------------------------


def test_junit_stays_valid_xml_with_control_characters(tmp_path):
    from xml.etree import ElementTree

    (tmp_path / "p\x1bage.md").write_text(
        "It is completely\x0bsafe.\nIt cures\x0bacne.\n", encoding="utf-8"
    )
    result = run(tmp_path, "--no-cache", "--format", "junit", ".")
    ElementTree.fromstring(result.output.encode("utf-8"))


def test_github_annotations_cannot_be_forged_by_a_file_name(tmp_path):
    (tmp_path / "x\n::error file=evil.md::forged.md").write_text(CLAIM, encoding="utf-8")
    lines = run(tmp_path, "--no-cache", "--format", "github", ".").output.splitlines()
    assert len(lines) == 1 and lines[0].startswith("::error file=x%0A%3A%3Aerror")


def test_diff_of_a_file_name_with_a_space_applies_with_patch(tmp_path):
    import subprocess

    if shutil.which("patch") is None:
        pytest.skip("the patch program is not installed")
    page = tmp_path / "my page.md"
    page.write_text(CLAIM, encoding="utf-8")
    diff = run(tmp_path, "--no-cache", "--diff", "--unsafe-fixes", "my page.md").output
    subprocess.run(["patch", "-p1", "--quiet"], input=diff, text=True, cwd=tmp_path, check=True)
    assert page.read_text(encoding="utf-8") != CLAIM


def test_text_output_of_a_very_long_line_reads_only_a_window(tmp_path):
    page = tmp_path / "long.txt"
    page.write_text(
        ("Plain words here. " * 20_000) + "Our tea cures insomnia for good! " + "More. " * 20_000,
        encoding="utf-8",
    )
    lines = run(tmp_path, "--no-cache", "long.txt").output.splitlines()
    excerpt = lines[1]
    assert excerpt.startswith("  …") and excerpt.endswith("…") and len(excerpt) < 200


def test_ctrl_c_during_a_parallel_run_prints_one_line(tmp_path):
    import signal
    import subprocess
    import sys

    site = tmp_path / "site"
    site.mkdir()
    for n in range(400):
        (site / f"p{n}.txt").write_text(
            ("Our balm cures eczema and more. " * 60) + "\n", encoding="utf-8"
        )
    process = subprocess.Popen(
        [sys.executable, "-m", "lint", "check", "--no-cache", "--jobs", "2", "site"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(2.5)
    process.send_signal(signal.SIGINT)
    _, errors = process.communicate(timeout=60)
    if process.returncode in (0, 1):
        pytest.skip("the run ended before the interrupt")
    assert process.returncode == 130
    assert errors.strip() == "overclaim: interrupted"


def test_an_append_during_the_fix_is_kept_and_the_file_reported(tmp_path, monkeypatch):
    import lint.atomic

    page = tmp_path / "page.md"
    page.write_text(CLAIM, encoding="utf-8")
    real_fsync = lint.atomic.os.fsync

    def append_while_writing(handle):
        """Another program appends while the fixed text is being written and synced."""
        with open(page, "a", encoding="utf-8") as other_program:
            other_program.write("Appended meanwhile.\n")
        real_fsync(handle)

    monkeypatch.setattr(lint.atomic.os, "fsync", append_while_writing)
    result = run(tmp_path, "--no-cache", "--fix", "--unsafe-fixes", "page.md")
    assert result.exit_code == 2 and "changed on disk" in result.output
    assert page.read_text(encoding="utf-8") == CLAIM + "Appended meanwhile.\n"


def test_a_file_that_cannot_be_replaced_is_one_line_and_the_rest_are_fixed(tmp_path, monkeypatch):
    import errno

    import lint.atomic

    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text(CLAIM, encoding="utf-8")
    real_replace = lint.atomic.os.replace

    def read_only_a(source, target):
        if str(target).endswith("a.md"):
            raise OSError(errno.EROFS, "Read-only file system")
        real_replace(source, target)

    monkeypatch.setattr(lint.atomic.os, "replace", read_only_a)
    result = run(tmp_path, "--no-cache", "--fix", "--unsafe-fixes", "a.md", "b.md")
    assert result.exit_code == 2
    assert "overclaim: a.md: cannot write: Read-only file system" in result.output
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == CLAIM
    assert (tmp_path / "b.md").read_text(encoding="utf-8") != CLAIM
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
