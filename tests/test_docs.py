"""The documentation stays in step with the code."""

from __future__ import annotations

from lint.rulebook.docs import DOC, updated
from lint.rulebook.loading import load_rulebook
from tests.conftest import ROOT


def test_shipped_rule_list_is_current():
    text = DOC.read_text(encoding="utf-8")
    assert updated(text, load_rulebook()) == text, "run `python -m lint.rulebook.docs`"


def test_readme_commands_are_the_ones_ci_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python -m pytest -q" in readme and "python -m pytest -q" in ci
    assert "overclaim check samples/" in readme
