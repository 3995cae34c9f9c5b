"""Findings as LSP diagnostics, and what a hover says about them.

Each diagnostic carries, in ``data``, its rule id, the words it flags and its rewrite
edits, so code actions need no second lint.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lsprotocol import types

from lint.data import Finding
from lint.rulebook.docs import rule_url
from lint.rulebook.loading import shipped_rulebook_dir
from lint.rulebook.rules import Rule
from lint.server.positions import LineMap

SOURCE = "overclaim"
SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}


@dataclass(frozen=True)
class RuleNote:
    """What a hover says about a rule."""

    id: str
    why: str
    refs: tuple[str, ...]
    href: str | None

    @classmethod
    def of(cls, rule: Rule) -> RuleNote:
        return cls(rule.id, rule.why, rule.refs, rule_href(rule))


def rule_href(rule: Rule) -> str | None:
    """A shipped rule's documentation; the file a project's own rule is defined in."""
    file = Path(rule.source.rsplit(":", 1)[0])
    if file.parent == shipped_rulebook_dir():
        return rule_url(rule.id)
    return file.as_uri() if file.is_absolute() else None


def lsp_range(lines: LineMap, start: int, end: int) -> types.Range:
    (line, character), (end_line, end_character) = lines.position(start), lines.position(end)
    return types.Range(types.Position(line, character), types.Position(end_line, end_character))


def _range_data(lines: LineMap, start: int, end: int) -> dict[str, Any]:
    (line, character), (end_line, end_character) = lines.position(start), lines.position(end)
    return {
        "start": {"line": line, "character": character},
        "end": {"line": end_line, "character": end_character},
    }


def diagnostic(finding: Finding, lines: LineMap, href: str | None) -> types.Diagnostic:
    """The diagnostic of one finding, in the positions of ``lines``."""
    text = lines.text
    fixes = [
        {
            "range": _range_data(lines, s.start, s.end),
            "old": text[s.start : s.end],
            "new": s.replacement,
            "safe": s.safe,
        }
        for s in finding.suggestions
        if s.replacement is not None
    ]
    data = {"rule": finding.rule, "text": finding.text, "fixes": fixes}
    if finding.fingerprint:
        data["fingerprint"] = finding.fingerprint
    return types.Diagnostic(
        range=lsp_range(lines, finding.start, finding.end),
        message=finding.message,
        severity=SEVERITY.get(finding.severity, types.DiagnosticSeverity.Warning),
        code=finding.rule,
        code_description=types.CodeDescription(href=href) if href else None,
        source=SOURCE,
        data=data,
    )


def hover_text(finding: Finding, note: RuleNote | None, markdown: bool) -> str:
    """The rule, the message, why the rule exists, what it rests on, and the advice."""
    bold = (lambda s: f"**{s}**") if markdown else (lambda s: s)
    parts = [f"{bold(finding.rule)} ({finding.severity}): {finding.message}"]
    if note and note.why:
        parts.append(f"{bold('Why:')} {note.why}")
    if note and note.refs:
        parts.append(f"{bold('Rests on:')} " + "; ".join(note.refs))
    advice = [s.advice for s in finding.suggestions if s.advice]
    if advice:
        parts.append(f"{bold('Advice:')} " + " ".join(advice))
    if note and note.href:
        parts.append(f"[{finding.rule} documentation]({note.href})" if markdown else note.href)
    return "\n\n".join(parts)
