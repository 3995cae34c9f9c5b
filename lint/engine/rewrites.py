"""Hedged rewrites of the claims found in a sentence (the work is in lint.engine.rewrite)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from lint.engine.rewrite import Claim, Edit, Lexicon, rewrite_sentence, specs_for
from lint.engine.rewrite.roles import may_be_testimonial, testimonial
from lint.rulebook.fixspec import Fix

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from lint.rulebook.rules import Rule, Rulebook

__all__ = ["Edit", "Rewriter"]


class Rewriter:
    """The rulebook's rewrite templates, ready to rewrite the claims of a sentence."""

    def __init__(
        self,
        rulebook: Rulebook,
        plurals: dict[str, str],
        clause_score: Callable[[str], float] | None = None,
    ):
        self.specs = specs_for(rulebook)
        # a majority in a prepositional phrase ("in most cases"), which a hedge leaves standing
        general = self.specs.get("generalization") or Fix()
        majority = {
            k: v for k, v in general.swaps.items() if k.split()[0] in ("in", "for") and " " in k
        }
        # the praise the hype template drops before a noun ("amazing", "powerful/amod")
        hype = self.specs.get("hype") or Fix()
        praise = {
            k.split("/")[0]
            for k, v in hype.swaps.items()
            if not v and " " not in k and ("/" not in k or k.endswith("/amod"))
        }
        self.lexicon = Lexicon.from_vocabulary(rulebook.vocabulary, plurals, majority, praise)
        self.clause_score = clause_score  # the claim model's score of a clause, if any
        self.testimonial_advice = rulebook.advice.get("testimonial")

    def advice(self, sentence: str, nlp: Callable[[str], Doc]) -> tuple[str, ...] | None:
        """The advice for every finding of the sentence in place of each rule's own, if the
        sentence is of a kind that needs its own (someone's experience), else None. The whole
        sentence is read, not the window of it that was parsed for its claims."""
        if self.testimonial_advice and may_be_testimonial(sentence) and testimonial(nlp(sentence)):
            return (self.testimonial_advice,)
        return None

    def sentence_edits(self, found: Sequence[tuple[Rule, Span]]) -> list[Edit]:
        """One rewrite of the sentence from all its claims (every finding shares it): the
        edit with every change first, then the safe-only edit when that one is unsafe."""
        claims = [
            Claim(
                rule.category,
                span,
                self.specs.get(rule.id) or self.specs.get(rule.category) or Fix(),
                model=rule.id == f"{rule.category}.model",
            )
            for rule, span in found
        ]
        return rewrite_sentence(claims, self.lexicon, self.clause_score)
