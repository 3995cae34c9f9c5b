"""The `overclaim` command line: a thin layer over the Python API."""

from __future__ import annotations

import sys

import click

from lint import __version__
from lint.api import check_paths
from lint.model import SEVERITY_RANK, OverclaimError
from lint.report import render_json, render_text

FAIL_ON = ("error", "warning", "info", "never")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="overclaim")
def main() -> None:
    """Flag health-marketing claims that state more than the evidence supports."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    default="warning",
    show_default=True,
    help="Exit 1 when a finding is at or above this severity.",
)
def check(paths: tuple[str, ...], output_format: str, fail_on: str) -> None:
    """Lint files and folders of .txt, .md and .html copy."""
    try:
        report = check_paths(list(paths))
    except OverclaimError as exc:
        _fail(exc)
    if output_format == "json":
        click.echo(render_json(report.files, report.findings, __version__))
    else:
        click.echo(render_text(report.files, report.findings, report.texts))
    sys.exit(exit_code([f.severity for f in report.findings], fail_on))


def exit_code(severities: list[str], fail_on: str) -> int:
    """1 when some finding is at or above the failing severity, else 0."""
    if fail_on == "never":
        return 0
    threshold = SEVERITY_RANK[fail_on]
    return 1 if any(SEVERITY_RANK[s] >= threshold for s in severities) else 0


def _fail(exc: Exception) -> None:
    click.echo(f"overclaim: {exc}", err=True)
    sys.exit(2)
