"""Adopting overclaim as a gate: report formats, baselines and exit codes."""

from __future__ import annotations

import json
import re
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner
from jsonschema import Draft4Validator

from lint.cli import main
from tests.conftest import ROOT, SAMPLES

SARIF_SCHEMA = json.loads((ROOT / "tests" / "schemas" / "sarif-schema-2.1.0.json").read_text())


def run(*args: str, cwd=None):
    return CliRunner().invoke(main, ["check", "--no-cache", *args])


def test_sarif_for_the_samples_validates_against_the_schema():
    result = run("--format", "sarif", str(SAMPLES))
    sarif = json.loads(result.output)
    Draft4Validator(SARIF_SCHEMA).validate(sarif)
    run_ = sarif["runs"][0]
    rules = {r["id"]: r for r in run_["tool"]["driver"]["rules"]}
    assert len(run_["results"]) > 50
    for res in run_["results"]:
        assert rules[res["ruleId"]] == run_["tool"]["driver"]["rules"][res["ruleIndex"]]
        assert res["level"] in ("error", "warning", "note")
    assert rules["cure.cure"]["help"]["text"].startswith("Claiming that a product cures")
    assert any("fixes" in res for res in run_["results"])


def test_junit_has_one_testcase_per_file():
    tree = ElementTree.fromstring(run("--format", "junit", str(SAMPLES)).output.encode())
    cases = tree.findall(".//testcase")
    assert sorted(c.get("name") for c in cases) == sorted(str(p) for p in SAMPLES.iterdir())
    failing = {c.get("name") for c in cases if c.find("failure") is not None}
    assert str(SAMPLES / "ketamine-ocd-clinic-compliant.txt") not in failing
    assert len(failing) == 5


GITHUB_COMMAND = re.compile(
    r"^::(error|warning|notice) file=[^,]+,line=\d+,endLine=\d+,col=\d+,endColumn=\d+,"
    r"title=[^,:]+::[^\r\n]+$"
)


def test_github_lines_are_workflow_commands():
    lines = run("--format", "github", str(SAMPLES)).output.splitlines()
    assert lines and all(GITHUB_COMMAND.match(line) for line in lines), lines[:3]


def test_gitlab_code_quality_report():
    issues = json.loads(run("--format", "gitlab", str(SAMPLES)).output)
    assert issues and {i["severity"] for i in issues} <= {"info", "major", "critical"}
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    assert all(set(i["location"]) == {"path", "lines"} for i in issues)


def test_statistics_and_quiet(tmp_path):
    page = tmp_path / "p.txt"
    page.write_text("It cures acne. It cures warts. A miracle.\n", encoding="utf-8")
    stats = run("--statistics", str(page)).output.splitlines()
    assert stats[0].split() == ["2", "cure.cure", "error"]
    quiet = run("--quiet", str(page)).output.splitlines()
    assert len(quiet) == 3 and all(line.startswith(str(page)) for line in quiet)


def test_output_file(tmp_path):
    page = tmp_path / "p.txt"
    page.write_text("It cures acne.\n", encoding="utf-8")
    report = tmp_path / "reports" / "overclaim.sarif"
    result = run("--format", "sarif", "--output-file", str(report), str(page))
    assert result.exit_code == 1 and result.output == ""
    Draft4Validator(SARIF_SCHEMA).validate(json.loads(report.read_text()))


PAGE = """\
# Our clinic

Ketamine infusions are completely safe.

Our staff are friendly and parking is free.
"""


def test_baseline_reports_only_new_findings(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(PAGE, encoding="utf-8")
    baseline = tmp_path / "overclaim-baseline.json"
    written = run("--write-baseline", str(baseline), str(page))
    assert written.exit_code == 0
    assert run("--baseline", str(baseline), str(page)).exit_code == 0
    # Paragraphs inserted above the known finding, and another sentence edited into a claim.
    edited = PAGE.replace("# Our clinic\n", "# Our clinic\n\nWelcome.\n\nOpen daily.\n").replace(
        "Our staff are friendly", "Our staff guarantee instant relief, and they are friendly"
    )
    page.write_text(edited, encoding="utf-8")
    result = CliRunner().invoke(
        main, ["check", "--no-cache", "--format", "json", "--baseline", str(baseline), str(page)]
    )
    data = json.loads(result.stdout)
    assert [(f["rule"], f["text"]) for f in data["findings"]] == [
        ("speed.instant-relief", "instant relief")
    ]
    assert result.exit_code == 1
    lenient = run("--baseline", str(baseline), "--fail-on", "error", str(page))
    assert lenient.exit_code == 0  # the new finding is a warning


def test_stale_baseline_entries_are_reported(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(PAGE, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    run("--write-baseline", str(baseline), str(page))
    page.write_text(PAGE.replace("completely safe", "generally well run"), encoding="utf-8")
    result = CliRunner().invoke(
        main, ["check", "--no-cache", "--baseline", str(baseline), str(page)]
    )
    assert result.exit_code == 0
    assert "1 baseline entries no longer match" in result.stderr


CONTENT = {
    "none": "Our office opens at nine.\n",
    "info": "A breakthrough in sleep care.\n",
    "warning": "Relief within hours.\n",
    "error": "Our tea cures insomnia.\n",
}
EXPECTED = {  # (worst finding, --fail-on) -> exit code
    (worst, fail_on): int(
        fail_on != "never"
        and worst != "none"
        and ["info", "warning", "error"].index(worst) >= ["info", "warning", "error"].index(fail_on)
    )
    for worst in CONTENT
    for fail_on in ("error", "warning", "info", "never")
}


@pytest.mark.parametrize(("worst", "fail_on"), sorted(EXPECTED))
def test_exit_code_matrix(tmp_path, worst, fail_on):
    page = tmp_path / "page.txt"
    page.write_text(CONTENT[worst], encoding="utf-8")
    result = run("--fail-on", fail_on, str(page))
    assert result.exit_code == EXPECTED[(worst, fail_on)], result.output


def test_default_fails_on_warnings(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(CONTENT["warning"], encoding="utf-8")
    assert run(str(page)).exit_code == 1
