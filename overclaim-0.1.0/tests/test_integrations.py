"""What CI systems and terminals expect: SARIF code scanning reads, GitLab and JUnit
conventions, and the command-line habits of ruff and ESLint."""

from __future__ import annotations

import json
import subprocess
import sys
from xml.etree import ElementTree

from jsonschema import Draft4Validator

from tests.conftest import ROOT, invoke_in

SARIF_SCHEMA = json.loads((ROOT / "tests" / "schemas" / "sarif-schema-2.1.0.json").read_text())
CLAIMS = "Our balm cures eczema.\n\nIt is a breakthrough.\n"


def run(cwd, *args: str, env: dict | None = None):
    return invoke_in(cwd, ["check", "--no-cache", *args], env=env)


def repo_with_site(tmp_path):
    (tmp_path / ".git").mkdir()
    site = tmp_path / "site"
    site.mkdir()
    (site / "page.md").write_text(CLAIMS, encoding="utf-8")
    return site


def test_sarif_has_what_code_scanning_reads_with_paths_from_the_repository_root(tmp_path):
    site = repo_with_site(tmp_path)
    sarif = json.loads(run(site, "--format", "sarif", "page.md").output)
    Draft4Validator(SARIF_SCHEMA).validate(sarif)
    the_run = sarif["runs"][0]
    assert the_run["automationDetails"]["id"] == "overclaim/"
    assert the_run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.resolve().as_uri() + "/"
    for rule in the_run["tool"]["driver"]["rules"]:
        assert rule["helpUri"].startswith("https://")
        assert rule["help"]["markdown"] and rule["fullDescription"]["text"]
        assert rule["properties"]["precision"] in ("very-high", "high", "medium", "low")
        assert rule["properties"]["problem.severity"] in ("error", "warning", "recommendation")
    cure = next(r for r in the_run["tool"]["driver"]["rules"] if r["id"] == "cure.cure")
    assert cure["helpUri"].endswith("docs/rules.md#cure.cure")
    assert '<a id="cure.cure"></a>' in (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for result in the_run["results"]:
        location = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert location == {"uri": "site/page.md", "uriBaseId": "%SRCROOT%"}
        assert result["properties"]["source"] in ("rule", "both")


def test_sarif_describes_the_unused_suppression_rule(tmp_path):
    (tmp_path / "page.md").write_text("<!-- overclaim-disable cure -->\nPlain.\n", encoding="utf-8")
    sarif = json.loads(
        run(tmp_path, "--format", "sarif", "--report-unused-suppressions", "page.md").output
    )
    Draft4Validator(SARIF_SCHEMA).validate(sarif)
    rule = next(
        r for r in sarif["runs"][0]["tool"]["driver"]["rules"] if r["id"] == "unused-suppression"
    )
    assert rule["fullDescription"]["text"] and rule["help"]["text"] and rule["helpUri"]


def test_gitlab_paths_are_relative_to_the_repository_even_when_given_absolute(tmp_path):
    site = repo_with_site(tmp_path)
    issues = json.loads(run(tmp_path, "--format", "gitlab", str(site / "page.md")).output)
    assert {i["location"]["path"] for i in issues} == {"site/page.md"}


def test_junit_follows_fail_on(tmp_path):
    (tmp_path / "hype.md").write_text("It is a breakthrough.\n", encoding="utf-8")
    (tmp_path / "cure.md").write_text("Our balm cures eczema.\n", encoding="utf-8")
    output = run(tmp_path, "--format", "junit", "--fail-on", "error", ".").output
    cases = {c.get("name"): c for c in ElementTree.fromstring(output.encode()).iter("testcase")}
    assert cases["hype.md"].find("failure") is None
    assert "hype.breakthrough" in cases["hype.md"].find("system-out").text
    assert cases["cure.md"].find("failure") is not None


def test_check_defaults_to_the_current_folder(tmp_path):
    (tmp_path / "page.md").write_text(CLAIMS, encoding="utf-8")
    result = run(tmp_path)
    assert result.exit_code == 1 and "page.md" in result.output


def test_a_run_that_matches_no_file_says_so(tmp_path):
    (tmp_path / "notes.rst").write_text(CLAIMS, encoding="utf-8")
    result = run(tmp_path, ".")
    assert result.exit_code == 0
    assert "overclaim: warning: no files to check in . (looked for .txt" in result.output


def test_exit_zero_and_colour_choices(tmp_path):
    (tmp_path / "page.md").write_text(CLAIMS, encoding="utf-8")
    assert run(tmp_path, "--exit-zero", "page.md").exit_code == 0
    assert "\x1b[" in run(tmp_path, "--color", "always", "page.md").output
    assert "\x1b[" not in run(tmp_path, "--color", "never", "page.md").output
    forced = run(tmp_path, "page.md", env={"FORCE_COLOR": "1"}).output
    assert "\x1b[" in forced
    assert "\x1b[" not in run(tmp_path, "page.md", env={"NO_COLOR": "1"}).output


def test_force_exclude_applies_excludes_to_named_files(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.overclaim]\nexclude = ["legal/"]\n', encoding="utf-8"
    )
    (tmp_path / "legal").mkdir()
    (tmp_path / "legal" / "quotes.md").write_text(CLAIMS, encoding="utf-8")
    assert run(tmp_path, "legal/quotes.md").exit_code == 1
    assert run(tmp_path, "--force-exclude", "legal/quotes.md").exit_code == 0


def test_a_folder_linked_twice_is_searched_once_and_a_loop_is_reported(tmp_path):
    static = tmp_path / "static"
    static.mkdir()
    (static / "page.md").write_text(CLAIMS, encoding="utf-8")
    (tmp_path / "public").symlink_to(static, target_is_directory=True)
    result = run(tmp_path, "--format", "json", ".")
    assert result.exit_code == 1
    assert json.loads(result.output)["summary"]["files"] == 1
    (static / "loop").symlink_to(tmp_path, target_is_directory=True)
    assert "folder loop" in run(tmp_path, ".").output


def test_python_dash_m_overclaim(tmp_path):
    (tmp_path / "page.md").write_text(CLAIMS, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "overclaim", "check", "--no-cache", "page.md"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1 and "cure.cure" in result.stdout


def test_fix_and_diff_report_progress_once(tmp_path):
    from lint.pipeline import Pipeline, RunOptions

    for n in range(70):
        (tmp_path / f"p{n}.md").write_text("Our balm cures eczema.\n", encoding="utf-8")
    calls: list[tuple[int, int]] = []
    pipeline = Pipeline(
        options=RunOptions(progress=lambda done, total: calls.append((done, total)))
    )
    pipeline.fix(pipeline.read([tmp_path]), unsafe=True, write=False)
    assert sum(done for done, _ in calls) == 70 and {total for _, total in calls} == {70}
