"""The report for people: one block per finding, or one line each, and a summary."""

from __future__ import annotations

import re
from collections import Counter

import click

from lint.data import Finding, Report, one_line

_COLORS = {"error": "red", "warning": "yellow", "info": "cyan"}


def render_text(report: Report, quiet: bool = False, color: bool = False) -> str:
    """One block per finding: location, the line with the span underlined, suggestions.

    ``quiet`` gives one line per finding and no summary.
    """

    def paint(text: str, **style) -> str:
        return click.style(text, **style) if color else text

    findings, texts, files = report.findings, report.texts, report.files
    if quiet:
        return "\n".join(
            one_line(f"{f.path}:{f.line}:{f.column}: {f.severity} [{f.rule}] {f.message}")
            for f in findings
        )
    blocks = []
    for f in findings:
        severity = paint(f.severity, fg=_COLORS.get(f.severity), bold=True)
        lines = [
            f"{paint(one_line(f.path), bold=True)}:{f.line}:{f.column}: {severity} [{f.rule}] {one_line(f.message)}"
        ]
        source = texts.get(f.path)
        if source is not None:
            excerpt, underline = _excerpt(source, f)
            lines += [excerpt, paint(underline, fg=_COLORS.get(f.severity))]
        label = paint("suggest:", fg="green")
        for s in f.suggestions:
            if s.replacement is None:
                lines.append(f"  {label} {s.advice}")
            else:
                old = source[s.start : s.end] if source is not None else ""
                unsafe = "" if s.safe else "  (unsafe fix)"
                lines.append(f"  {label} “{old}” → “{s.replacement}”{unsafe}")
        blocks.append("\n".join(lines))
    counts = report.severity_counts()
    tail = (
        f"{counts['findings']} finding{'s' if counts['findings'] != 1 else ''} in {files} "
        f"file{'s' if files != 1 else ''} ({counts['errors']} errors, "
        f"{counts['warnings']} warnings, {counts['infos']} info)"
    )
    return "\n\n".join(blocks + [tail]) if blocks else tail


_CONTEXT = 50


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _excerpt(source: str, f: Finding) -> list[str]:
    """A window of the finding's line around its span, with the span underlined.

    Only the window is read, however long the line; control characters are shown as "?",
    so copy cannot send escape sequences to the terminal."""
    line_start = f.start - (f.column - 1)
    lo = max(line_start, f.start - _CONTEXT)
    newline = source.find("\n", f.start, f.end + _CONTEXT)
    hi = newline if newline != -1 else min(len(source), f.end + _CONTEXT)
    prefix = "…" if lo > line_start else ""
    suffix = "…" if newline == -1 and hi < len(source) and source[hi] not in "\r\n" else ""
    window = source[lo:hi].rstrip("\r").replace("\t", " ")
    shown = prefix + _CONTROL.sub("?", window) + suffix
    offset = len(prefix) + (f.start - lo)
    width = min(f.end, hi) - f.start
    return [f"  {shown}", "  " + " " * offset + "^" * max(width, 1)]


def render_statistics(report: Report) -> str:
    """The number of findings per rule, most frequent first."""
    counts = Counter((f.rule, f.severity) for f in report.findings)
    width = max((len(rule) for rule, _ in counts), default=0)
    rows = [f"{n:5}  {rule:<{width}}  {severity}" for (rule, severity), n in counts.most_common()]
    rows.append(f"{len(report.findings)} findings in {report.files} files")
    return "\n".join(rows)
