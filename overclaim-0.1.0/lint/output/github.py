"""GitHub Actions workflow commands, which GitHub shows as annotations on the changed lines."""

from __future__ import annotations

import re

from lint.data import Finding

GITHUB_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}
# Other characters some readers take for line breaks: shown escaped, never raw.
_OTHER_BREAKS = re.compile("[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def _escape_data(text: str) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return _OTHER_BREAKS.sub(lambda m: repr(m.group())[1:-1], text)


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(findings: list[Finding]) -> str:
    """GitHub Actions workflow commands, one per finding, shown as annotations."""
    lines = []
    for f in findings:
        properties = ",".join(
            [
                f"file={_escape_property(f.path)}",
                f"line={f.line}",
                f"endLine={f.end_line}",
                f"col={f.column}",
                f"endColumn={f.end_column}",
                f"title={_escape_property(f'overclaim {f.rule}')}",
            ]
        )
        message = f.message
        if f.suggestions:
            first = f.suggestions[0]
            advice = next((s.advice for s in f.suggestions if s.advice), None)
            message += f" Suggestion: {advice if advice is not None else first.replacement}"
        lines.append(f"::{GITHUB_COMMAND[f.severity]} {properties}::{_escape_data(message)}")
    return "\n".join(lines)
