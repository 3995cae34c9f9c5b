"""Data that flows between the stages of the linter."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lint.input.positions import LineIndex

SEVERITIES = ("info", "warning", "error")
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}


class OverclaimError(Exception):
    """A problem the user must fix (bad path, bad rulebook, bad input): exit code 2."""


_LINE_BREAKING = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(text: str) -> str:
    """The text with control characters and line breaks escaped ("\\r"), so a message or a
    report line naming a file stays one line whatever the file is called."""
    return _LINE_BREAKING.sub(lambda m: repr(m.group())[1:-1], text)


def excerpt(value: object, limit: int = 24) -> str:
    """A short, escaped excerpt of user content for an error message: quoted, control
    characters escaped, cut after ``limit`` characters."""
    text = value if isinstance(value, str) else repr(value)
    shown = repr(text[:limit])
    return shown[:-1] + "…" + shown[-1] if len(text) > limit else shown


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

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"start": self.start, "end": self.end}
        out["replacement"] = self.replacement
        out["safe"] = self.safe
        if self.advice:
            out["advice"] = self.advice
        return out


@dataclass(frozen=True)
class Finding:
    """One sentence fragment that states more than the evidence supports.

    ``start``/``end`` are offsets of the flagged words in the file's decoded text, and
    ``sentence_start``/``sentence_end`` those of the sentence they are in. ``fingerprint``
    identifies the finding across edits elsewhere in the file (set by the pipeline).
    """

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
    suggestions: tuple[Suggestion, ...] = ()
    sentence_start: int = 0
    sentence_end: int = 0
    fingerprint: str = ""
    source: str = "rule"  # what raised it: "rule", "model" or "both"
    confidence: float | None = None  # calibrated probability that it is an overclaim

    def to_dict(self) -> dict[str, Any]:
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
            "sentence_start": self.sentence_start,
            "sentence_end": self.sentence_end,
            "fingerprint": self.fingerprint,
            "source": self.source,
            "confidence": self.confidence,
            "suggestions": [s.to_dict() for s in self.suggestions],
        }

    @classmethod
    def at(
        cls,
        source: SourceText,
        lines: LineIndex,
        where: tuple[int, int],
        rule: str,
        category: str,
        severity: str,
        message: str,
        suggestions: tuple[Suggestion, ...] = (),
        sentence: tuple[int, int] | None = None,
    ) -> Finding:
        """A finding on ``source.text[start:end]``; ``message`` may name it as ``{match}``."""
        start, end = where
        line, column = lines.position(start)
        end_line, end_column = lines.position(end)
        text = source.text[start:end]
        sentence_start, sentence_end = sentence or where
        return cls(
            path=source.path,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            start=start,
            end=end,
            rule=rule,
            category=category,
            severity=severity,
            message=message.replace("{match}", text),
            text=text,
            suggestions=suggestions,
            sentence_start=sentence_start,
            sentence_end=sentence_end,
        )

    @classmethod
    def from_dict(cls, data: dict[str, Any], path: str) -> Finding:
        """A finding from ``to_dict``'s output (as the result cache stores it), at ``path``."""
        suggestions = tuple(Suggestion(**s) for s in data["suggestions"])
        return cls(**{**data, "path": path, "suggestions": suggestions})


@dataclass(frozen=True)
class Sentence:
    """A sentence of prose: its text and where it starts in the prose text."""

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


@dataclass(frozen=True)
class Report:
    """What a run over files found.

    ``texts`` holds each checked file's decoded text by path; ``skipped`` the files passed
    over and why; ``errors`` one line per file that could not be checked; ``notices`` one
    line per file skipped on purpose (binaries); ``stale`` the baseline entries of checked
    files that no finding matched any more.
    """

    files: int
    findings: list[Finding]
    texts: dict[str, str] = field(default_factory=dict)
    skipped: list[tuple[Path, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    stale: list[dict[str, Any]] = field(default_factory=list)

    def severity_counts(self) -> dict[str, int]:
        """The summary of the JSON report: files, findings, and findings per severity."""
        counts = Counter(f.severity for f in self.findings)
        return {
            "files": self.files,
            "findings": len(self.findings),
            "errors": counts["error"],
            "warnings": counts["warning"],
            "infos": counts["info"],
        }
