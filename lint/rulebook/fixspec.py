"""How a rule asks for its matches to be rewritten (the edits are made by lint.engine.rewrites)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Fix:
    """One way to rewrite a rule's match: hedge its verb with "may", swap words, or rewrite
    the matched words; ``safe`` fixes only add a hedge."""

    hedge: bool = False
    qualify: bool = False  # for a claim without a finite verb: "potential"/"possibly" before it
    replace: tuple[tuple[str, str], ...] = ()  # (lower-case word, replacement) pairs
    rewrite: str | tuple[tuple[str, str], ...] | None = None  # one text, or (phrase, text) pairs
    safe: bool | None = None

    @property
    def replacements(self) -> dict[str, str]:
        return dict(self.replace)

    @property
    def is_safe(self) -> bool:
        if self.safe is not None:
            return self.safe
        return (self.hedge or self.qualify) and not self.replace and self.rewrite is None
