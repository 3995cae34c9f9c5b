"""Output: a run's report in, what the user reads or a CI system stores out.

Reporters (text, json, sarif, github, junit, gitlab, html) render a ``Report``; the fixer turns
findings' suggestions into edited files or a diff. Nothing here imports spaCy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lint.data import Report
from lint.rulebook.rules import Rule

if TYPE_CHECKING:
    from lint.config import Settings
    from lint.rulebook.rules import Rulebook

FORMATS = ("text", "json", "sarif", "github", "junit", "gitlab", "html")


def render(
    report: Report,
    output_format: str,
    version: str,
    rules: dict[str, Rule] | None = None,
    quiet: bool = False,
    statistics: bool = False,
    color: bool = False,
    rulebook: Rulebook | None = None,
    settings: Settings | None = None,
) -> str:
    """The report in ``output_format``; ``rules`` describe the rules in SARIF, ``rulebook``
    and ``settings`` the rules and the run in HTML."""
    if output_format == "json":
        from lint.output.json_report import render_json

        return render_json(report, version)
    if output_format == "html":
        from lint.output.html import render_html

        return render_html(report, version, rulebook, settings)
    if output_format == "sarif":
        from lint.output.sarif import render_sarif

        return render_sarif(report.findings, rules or {}, version)
    if output_format == "github":
        from lint.output.github import render_github

        return render_github(report.findings)
    if output_format == "junit":
        from lint.output.junit import render_junit

        return render_junit(report.findings, list(report.texts))
    if output_format == "gitlab":
        from lint.output.gitlab import render_gitlab

        return render_gitlab(report.findings)
    from lint.output.text import render_statistics, render_text

    if statistics:
        return render_statistics(report)
    return render_text(report, quiet=quiet, color=color)
