"""Output: a run's report in, what the user reads or a CI system stores out.

Reporters (text, json, sarif, github, junit, gitlab, html) render a ``Report``; the fixer turns
findings' suggestions into edited files or a diff. Nothing here imports spaCy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from lint.data import Report
from lint.rulebook.rules import Rulebook

if TYPE_CHECKING:
    from lint.config import Settings

FORMATS = ("text", "json", "sarif", "github", "junit", "gitlab", "html")


@dataclass(frozen=True)
class OutputOptions:
    """How a report is rendered: ``root`` is the repository its paths are relative to (SARIF,
    GitLab), ``fail_on`` the severity that fails a JUnit test case; ``rulebook`` describes the
    rules (SARIF, HTML) and ``settings`` the run (HTML)."""

    output_format: str = "text"
    version: str = ""
    rulebook: Rulebook | None = None
    settings: Settings | None = None
    root: Path = field(default_factory=Path.cwd)
    fail_on: str = "warning"
    quiet: bool = False
    statistics: bool = False
    color: bool = False


def render(report: Report, options: OutputOptions) -> str:
    """The report in the chosen format."""
    kind = options.output_format
    if kind == "json":
        from lint.output.json_report import render_json

        return render_json(report, options.version)
    if kind == "html":
        from lint.output.html import render_html

        return render_html(report, options.version, options.rulebook, options.settings)
    if kind == "sarif":
        from lint.output.sarif import render_sarif

        rulebook = options.rulebook
        rules = {r.id: r for r in rulebook.rules} if rulebook else {}
        precision = (
            {name: c.precision for name, c in rulebook.categories.items() if c.precision}
            if rulebook
            else {}
        )
        return render_sarif(report.findings, rules, options.version, options.root, precision)
    if kind == "github":
        from lint.output.github import render_github

        return render_github(report.findings)
    if kind == "junit":
        from lint.output.junit import render_junit

        return render_junit(report.findings, list(report.texts), options.fail_on)
    if kind == "gitlab":
        from lint.output.gitlab import render_gitlab

        return render_gitlab(report.findings, options.root)
    from lint.output.text import render_statistics, render_text

    if options.statistics:
        return render_statistics(report)
    return render_text(report, quiet=options.quiet, color=options.color)
