"""Inline suppressions in HTML/Markdown comments.

    <!-- overclaim-disable [rule, ...] -->  ...  <!-- overclaim-enable [rule, ...] -->
    <!-- overclaim-disable-next-line [rule, ...] -->
    <!-- overclaim-disable-file [rule, ...] -->

Rules are ids, categories or globs ("efficacy.*"); none means every rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lint.data import Finding, SourceText
from lint.input.formats import extract
from lint.input.positions import LineIndex
from lint.rulebook.selectors import any_selects

_DIRECTIVE = re.compile(
    r"<!--\s*overclaim-(disable-next-line|disable-file|disable|enable)\b([^>]*?)\s*-->",
    re.IGNORECASE,
)
UNUSED_RULE = "unused-suppression"
UNUSED_CATEGORY = "suppression"


@dataclass
class Directive:
    kind: str  # disable, enable, disable-next-line, disable-file
    rules: tuple[str, ...]  # empty: every rule
    start: int  # offset of the comment in the source
    end: int
    covers: list[tuple[int, int]] = field(default_factory=list)  # source ranges it silences
    used: bool = False

    def applies_to(self, finding: Finding) -> bool:
        return not self.rules or any_selects(self.rules, finding.rule, finding.category)


def parse_directives(text: str, comments: list[tuple[int, int]]) -> list[Directive]:
    """The suppression comments of a source text, with the ranges each one covers.

    Only real comments count (``comments``: their source ranges, as the input stage found
    them): the same words in a code block, a URL or an attribute are not a directive."""
    directives = []
    matches = (m for start, end in sorted(comments) for m in _DIRECTIVE.finditer(text, start, end))
    for match in matches:
        rules = tuple(r for r in re.split(r"[\s,]+", match.group(2).strip()) if r)
        directives.append(Directive(match.group(1).lower(), rules, match.start(), match.end()))
    for index, directive in enumerate(directives):
        if directive.kind == "disable-file":
            directive.covers.append((0, len(text)))
        elif directive.kind == "disable-next-line":
            directive.covers.append(_next_line(text, directive.end))
        elif directive.kind == "disable":
            stop = len(text)
            for later in directives[index + 1 :]:
                if later.kind == "enable" and (
                    not later.rules
                    or not directive.rules
                    or set(later.rules) & set(directive.rules)
                ):
                    stop = later.start
                    break
            directive.covers.append((directive.end, stop))
    return [d for d in directives if d.kind != "enable"]


def _next_line(text: str, position: int) -> tuple[int, int]:
    """The first line after the one ``position`` is on that has something on it."""
    line_end = text.find("\n", position)
    while line_end != -1:
        start = line_end + 1
        end = text.find("\n", start)
        end = len(text) if end == -1 else end
        if text[start:end].strip():
            return start, end
        line_end = end if end < len(text) else -1
    return len(text), len(text)


def apply_suppressions(findings: list[Finding], directives: list[Directive]) -> list[Finding]:
    """The findings no directive silences; directives that silence one are marked used."""
    kept = []
    for finding in findings:
        silenced = False
        for directive in directives:
            if directive.applies_to(finding) and any(
                start <= finding.start < end for start, end in directive.covers
            ):
                directive.used = silenced = True
        if not silenced:
            kept.append(finding)
    return kept


def suppress(source: SourceText, findings: list[Finding], report_unused: bool) -> list[Finding]:
    """The findings no inline comment silences; with ``report_unused``, also a finding for
    each comment that silences nothing."""
    if "overclaim-" not in source.text:
        return findings
    directives = parse_directives(source.text, extract(source).comments)
    kept = apply_suppressions(findings, directives)
    if report_unused:
        lines = LineIndex(source.text)
        kept += [_unused(source, lines, d) for d in directives if not d.used]
        kept.sort(key=lambda f: (f.start, f.end, f.rule))
    return kept


def _unused(source: SourceText, lines: LineIndex, directive: Directive) -> Finding:
    what = ", ".join(directive.rules) or "all rules"
    return Finding.at(
        source,
        lines,
        (directive.start, directive.end),
        UNUSED_RULE,
        UNUSED_CATEGORY,
        "warning",
        f"This overclaim-{directive.kind} comment ({what}) silences nothing.",
    )
