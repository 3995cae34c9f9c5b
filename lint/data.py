"""Data that flows between the stages of the linter."""

from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES = ("info", "warning", "error")
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}

CATEGORIES = (
    "efficacy",
    "cure",
    "permanence",
    "speed",
    "safety",
    "superiority",
    "consensus",
    "mechanism",
    "generalization",
    "regulatory",
    "hype",
)


class OverclaimError(Exception):
    """A problem the user must fix (bad path, bad rulebook, bad input): exit code 2."""


@dataclass(frozen=True)
class Suggestion:
    """A hedged rewrite: replace ``text[start:end]`` with ``replacement``.

    ``safe`` edits only add a hedge; ``--fix`` applies the others with ``--unsafe-fixes``.
    A suggestion without a replacement is advice for the writer (``advice``).
    """

    start: int
    end: int
    replacement: str | None
    safe: bool = False
    advice: str | None = None

    def to_dict(self) -> dict:
        out = {"start": self.start, "end": self.end, "replacement": self.replacement}
        out["safe"] = self.safe
        if self.advice:
            out["advice"] = self.advice
        return out


@dataclass(frozen=True)
class Finding:
    """One sentence fragment that states more than the evidence supports."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    start: int
    end: int
    rule: str
    category: str
    severity: str
    message: str
    text: str
    suggestions: tuple[Suggestion, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "start": self.start,
            "end": self.end,
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "text": self.text,
            "suggestions": [s.to_dict() for s in self.suggestions],
        }


@dataclass(frozen=True)
class Sentence:
    """A sentence of prose: its text and where it starts in the source text."""

    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True)
class SourceText:
    """A decoded input: its display path, text and format (plain, markdown, html)."""

    path: str
    text: str
    format: str = "plain"
