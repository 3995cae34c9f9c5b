"""The pre-commit hook, run by the real pre-commit tool against this repository."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.precommit


def _git(repo, *args):
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    if shutil.which("pre-commit") is None or shutil.which("git") is None:
        pytest.skip("pre-commit and git are needed (pip install -e '.[test]')")
    repo = tmp_path_factory.mktemp("site")
    _git(repo, "init", "-q")
    (repo / "claims.md").write_text(
        "# Our serum\n\nOur serum cures acne and is completely safe.\n", encoding="utf-8"
    )
    (repo / "compliant.md").write_text(
        "# Our serum\n\nSome people may notice clearer skin after several weeks.\n",
        encoding="utf-8",
    )
    (repo / "legal").mkdir()
    (repo / "legal" / "quotes.md").write_text(
        "A reviewer wrote: it cures acne.\n", encoding="utf-8"
    )
    (repo / "pyproject.toml").write_text(
        '[tool.overclaim]\nexclude = ["legal/"]\n', encoding="utf-8"
    )
    pages = repo / "pages"
    pages.mkdir()
    for n in range(500):
        (pages / f"page-{n:03}.md").write_text(
            f"# Page {n}\n\nOur clinic is open on weekdays. It cures acne.\n", encoding="utf-8"
        )
    _git(repo, "add", ".")
    return repo


def try_repo(repo, *files):
    env = {**os.environ, "PRE_COMMIT_HOME": str(repo.parent / "pre-commit-home")}
    return subprocess.run(
        ["pre-commit", "try-repo", str(ROOT), "overclaim", "--files", *files],
        cwd=repo,
        capture_output=True,
        text=True,
        env=env,
        timeout=1200,
    )


def test_hook_fails_on_overclaims(repo):
    result = try_repo(repo, "claims.md")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "[cure.cure]" in result.stdout and "[safety.safe]" in result.stdout


def test_hook_passes_compliant_copy(repo):
    result = try_repo(repo, "compliant.md")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout


def test_configured_excludes_apply_to_files_pre_commit_names(repo):
    result = try_repo(repo, "legal/quotes.md", "compliant.md")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "cure.cure" not in result.stdout


def test_five_hundred_files_run_in_one_process_with_one_summary(repo):
    files = sorted(str(p.relative_to(repo)) for p in (repo / "pages").iterdir())
    result = try_repo(repo, *files)
    assert result.returncode == 1
    summaries = [line for line in result.stdout.splitlines() if " findings in " in line]
    assert summaries == ["500 findings in 500 files (500 errors, 0 warnings, 0 info)"]
