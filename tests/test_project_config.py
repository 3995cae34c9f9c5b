"""A project with its own configuration and rulebook: findings change exactly as configured."""

from __future__ import annotations

import json

from tests.conftest import ROOT, invoke_in

PROJECT = ROOT / "tests" / "fixtures" / "hair-clinic"


def run_in_project(*args: str):
    return invoke_in(PROJECT, list(args))


def findings(result) -> list[tuple[str, int, str, str]]:
    data = json.loads(result.output)
    return [(f["path"], f["line"], f["rule"], f["severity"]) for f in data["findings"]]


def test_configured_project_findings():
    result = run_in_project("check", "--format", "json", "site")
    assert findings(result) == [
        # The project's own rule for a new domain.
        ("site/index.md", 3, "efficacy.hair-regrowth", "error"),
        # hype.* raised from info to warning; superiority.best ignored (and the model, on a
        # page that sells, adds no superiority finding on its words); the hedge cue
        # 'reportedly' (added in the configuration) keeps line 9 quiet; legal.txt ignores
        # regulatory rules; drafts/ is excluded.
        ("site/index.md", 7, "hype.breakthrough", "warning"),
    ]
    assert json.loads(result.output)["summary"]["files"] == 2
    assert result.exit_code == 1  # fail-on = error, and there is an error


def test_without_configuration_the_shipped_rules_apply():
    result = run_in_project(
        "check", "--format", "json", "--config", str(ROOT / "pyproject.toml"), "site"
    )
    rules = {r for _, _, r, _ in findings(result)}
    assert "efficacy.hair-regrowth" not in rules
    assert {"superiority.best", "regulatory.approved-for-use", "cure.cure"} <= rules


def test_command_line_overrides_configuration():
    result = run_in_project("check", "--format", "json", "--select", "hype", "site")
    assert [r for _, _, r, _ in findings(result)] == ["hype.breakthrough"]
    assert result.exit_code == 0  # only a warning, and the project fails on errors
    result = run_in_project(
        "check", "--format", "json", "--ignore", "efficacy.hair-regrowth", "site"
    )
    assert "efficacy.hair-regrowth" not in {r for _, _, r, _ in findings(result)}


def test_project_rule_is_listed_explained_and_tested():
    listing = json.loads(run_in_project("rules", "--format", "json").output)
    assert {
        "id": "efficacy.hair-regrowth",
        "category": "efficacy",
        "severity": "error",
        "summary": "“…” promises hair regrowth as a certainty.",
    } in listing
    assert "superiority.best" not in {r["id"] for r in listing}
    explained = run_in_project("explain", "efficacy.hair-regrowth").output
    assert "Regrowth claims" in explained and "rules/hair-loss.yaml" in explained
    result = run_in_project("test-rules")
    assert result.exit_code == 0
    assert result.output.strip().endswith("passed, 0 failed")
