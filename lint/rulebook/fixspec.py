"""How a category or a rule asks for its claims to be rewritten (the edits are made by
lint.engine.rewrite)."""

from __future__ import annotations

from dataclasses import dataclass

# How a claim that is the predicate of its clause is hedged.
HOW = ("may", "thought", "evidence", "some", "swap", "advice")


@dataclass(frozen=True)
class Fix:
    """A rewrite template: how to hedge the claim, and which words to change.

    ``how``: "may" puts "may" on the verb that governs the claim; "thought" says "is thought
    to"; "evidence" turns "research shows" into "early studies suggest"; "some" bounds a
    majority ("most patients" → "some patients"); "swap" only swaps words; "advice" never
    rewrites. ``swap``: strength swaps of single words, safe ("permanent" → "lasting"; an
    empty text drops an intensifier such as "completely"); a key "word/POS" or "word/dep"
    applies to that use only. ``phrases``: rewrites of whole phrases, unsafe
    ("minimal side effects" → "side effects that are usually mild"). ``drop``: claim words that
    go when they only modify a noun ("a safe alternative" → "an alternative"), unsafe.
    """

    how: str | None = None  # None: the category's (and "may" when it has none)
    swap: tuple[tuple[str, str], ...] = ()
    phrases: tuple[tuple[str, str], ...] = ()
    drop: frozenset[str] = frozenset()

    @property
    def swaps(self) -> dict[str, str]:
        return dict(self.swap)

    @property
    def rewrites(self) -> dict[str, str]:
        return dict(self.phrases)

    def over(self, base: Fix | None) -> Fix:
        """This template with ``base`` (the category's) filling in what it leaves out."""
        if base is None:
            return self
        return Fix(
            how=self.how or base.how,
            swap=tuple({**base.swaps, **self.swaps}.items()),
            phrases=tuple({**base.rewrites, **self.rewrites}.items()),
            drop=base.drop | self.drop,
        )
