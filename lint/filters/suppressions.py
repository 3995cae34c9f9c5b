"""Inline suppressions in HTML/Markdown comments.

    <!-- overclaim-disable [rule, ...] -->  ...  <!-- overclaim-enable [rule, ...] -->
    <!-- overclaim-disable-next-line [rule, ...] -->
    <!-- overclaim-disable-file [rule, ...] -->

Rules are ids, categories or globs ("efficacy.*"); none means every rule.
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass, field

from lint.data import Finding

_DIRECTIVE = re.compile(
    r"<!--\s*overclaim-(disable-next-line|disable-file|disable|enable)\b([^>]*?)\s*-->",
    re.IGNORECASE,
)
UNUSED_RULE = "unused-suppression"


@dataclass
class Directive:
    kind: str  # disable, enable, disable-next-line, disable-file
    rules: tuple[str, ...]  # empty: every rule
    start: int  # offset of the comment in the source
    end: int
    covers: list[tuple[int, int]] = field(default_factory=list)  # source ranges it silences
    used: bool = False

    def applies_to(self, finding: Finding) -> bool:
        return not self.rules or any(
            pattern in (finding.rule, finding.category)
            or fnmatch.fnmatchcase(finding.rule, pattern)
            for pattern in self.rules
        )


def parse_directives(text: str) -> list[Directive]:
    """The suppression comments of a source text, with the ranges each one covers."""
    directives = []
    for match in _DIRECTIVE.finditer(text):
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
