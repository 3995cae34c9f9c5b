"""Rules and the claim model decide together.

The rules give exact spans, rule ids and rewrites; the model gives every sentence a
probability of being an overclaim. A rule's finding stands only where the model gives its
sentence, or one of its clauses, at least ``keep_rule`` (below that, the words are read in a
sense that is no claim: neutral health information, statistics, research reporting). A
sentence of fewer than ``OVERRULE_WORDS`` words gives the model too little context to overrule
a rule ("The device is risk-free."): there, the rule's finding stands, unless its document
informs rather than sells (below): the document is the context the sentence lacks. A
sentence no rule flagged is flagged when the model gives it ``flag_alone`` or more and it reads
as promotion (first or second person, a call to action, a superlative or an exclamation), or
``flag_alone_plain`` or more when it does not ("Magnetic bracelets improve circulation"),
and its claim stands without the words of selling: scored again without them, it still
gets ``CLAIM_WITHOUT_SELLING``; and it reports no study (``Cues.reports_a_study``: "our
results show", "a 2019 trial found"), where a rule's claim would be exempt too. Such a
finding of the model sits on the words that weigh most
in its score, with the rule id ``<category>.model``.

A whole document weighs in too. One of at least ``informational_sentences`` sentences of
which fewer than ``informational_share`` score 0.5 or more informs rather than sells (patient
information, an encyclopedia, a research summary): there, a rule's finding needs
``informational_keep_rule``, and the model adds none of its own. One of which at least
``selling_share`` score 0.5 or more sells (a clinic's page, a product page): there, the model
flags a sentence no rule flagged at ``flag_alone_selling`` (``flag_alone_selling_plain`` where
it does not read as promotion), since a sentence the model finds likely on such a page is
mostly a claim. A single sentence, or a short page, is judged on its own.

Two readers give the score. The linear model (``lint.model.claim_model``) reads every
sentence; where the model has an encoder (``lint.model.encoder``, a fine-tuned transformer)
and the linear score leaves the decision in doubt (``in_doubt``: a sentence with a rule's
trigger words from ``rule_from``, any other from ``alone_from``), the encoder's score replaces
the linear one, and every threshold above applies to it. The document's stance is the linear
model's, so that a page of patient information is read by the encoder only where a rule's
finding would stand.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from lint.model.claim_model import ClaimModel
from lint.model.features import FIRST_SECOND, IMPERATIVE, SCOPE_HEDGE, SCOPE_NEGATION, tokens
from lint.rulebook.rules import Cues, Rule

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# Words of promotion: with a first or second person, a call to action or an exclamation,
# what tells copy that sells from copy that informs (written from the claims guide).
PROMOTION = frozenset(
    """best leading ultimate revolutionary breakthrough miracle guaranteed guarantee proven
    amazing incredible powerful unique only most top premier world-class cutting-edge
    life-changing transform transforms transformative instantly instant""".split()
)
# The fewest words in which the model may overrule a rule: in shorter sentences, out of fold
# on the training corpus, it dropped about as many true claims (2) as false alarms (3).
OVERRULE_WORDS = 8
# How often a rule's finding in such a short sentence was right on the training corpus.
SHORT_SENTENCE_CONFIDENCE = 0.80
# A finding of the model names every category at least this likely (and the likeliest).
CATEGORY_SHARE = 0.5
CLAIM_WITHOUT_SELLING = 0.5
# The words of selling: a call to action, an offer, the reader and the seller.
SELLING = (
    FIRST_SECOND
    | IMPERATIVE
    | frozenset(
        "us today now free book call schedule contact shop order visit appointment consultation".split()
    )
)
_WORD = re.compile(r"[\w'%-]+|[!?]")
# Where a sentence's clauses part: a comma, semicolon or colon, or "and"/"but" between them.
_CLAUSES = re.compile(r"[,;:]\s+|\s+(?:and|but|while|whereas)\s+", re.IGNORECASE)


_HEDGES = SCOPE_HEDGE | SCOPE_NEGATION
# What a whole document does, by the scores of its sentences (None: too short to say).
INFORMS = "informs"
SELLS = "sells"


def _short(text: str) -> bool:
    """Too short a sentence for the model to overrule a rule in."""
    return len(_WORD.findall(text)) < OVERRULE_WORDS


def without_selling(text: str) -> str:
    """The sentence without the words of selling."""
    return " ".join(w for w in _WORD.findall(text) if w.lower() not in SELLING)


def promotional(text: str) -> bool:
    """Whether a sentence reads as promotion rather than information."""
    words = tokens(text)
    present = set(words)
    return bool(
        present & FIRST_SECOND
        or present & PROMOTION
        or "!" in present
        or (words and words[0] in IMPERATIVE)
    )


@dataclass(frozen=True)
class Claim:
    """A claim found in a parsed sentence: by a rule, by the model, or by both."""

    rule: Rule
    span: Span
    edits: list[Any] = field(default_factory=list)
    source: str = "rule"
    confidence: float | None = None


class Fusion:
    """The model's say on each sentence, with the rules' claims."""

    def __init__(self, model: ClaimModel, rules: dict[str, Rule], cues: Cues | None = None):
        self.model = model
        self.rules = rules
        self.cues = cues or Cues()
        thresholds = model.thresholds
        self.keep_rule = thresholds["keep_rule"]
        self.flag_alone = thresholds["flag_alone"]
        self.flag_alone_plain = thresholds.get("flag_alone_plain", 1.01)
        self.informational_sentences = int(thresholds.get("informational_sentences", 5))
        self.informational_share = thresholds.get("informational_share", 0.0)
        self.informational_keep_rule = thresholds.get("informational_keep_rule", self.keep_rule)
        self.selling_share = thresholds.get("selling_share", 1.01)
        self.flag_alone_selling = thresholds.get("flag_alone_selling", self.flag_alone)
        self.flag_alone_selling_plain = thresholds.get(
            "flag_alone_selling_plain", self.flag_alone_plain
        )
        self._rule_bands = model.rule_confidence
        self._model_bands = model.model_confidence
        self.encoder_bars = model.encoder_bars
        # With an encoder, a rule's finding also stands where the linear model gives its
        # sentence ``keep_rule_linear`` and the encoder is not sure it is no claim (it gives
        # at least ``encoder_veto``): either reader may vouch for the rule.
        self.keep_rule_linear = thresholds.get("keep_rule_linear", self.keep_rule)
        self.encoder_veto = thresholds.get("encoder_veto", 0.0)

    def score(
        self,
        text: str,
        ruled: bool = False,
        stance: str | None = None,
        linear: float | None = None,
    ) -> float:
        """The sentence's score: the linear model's (``linear``, where already known), or
        the encoder's where in doubt."""
        first = self.model.score(text) if linear is None else linear
        return self.second_reading([text], [first], [ruled], stance)[0]

    def in_doubt(self, score: float, ruled: bool, stance: str | None) -> bool:
        """Whether the encoder reads a sentence the linear model scored ``score``: one with
        a rule's trigger words (``ruled``) from ``rule_from``, one without from
        ``alone_from``. In a document that informs, the model adds no finding and a rule's
        needs ``informational_keep_rule``: there the encoder reads only the sentences whose
        rule findings the linear model would keep, and may drop them."""
        if self.model.encoder is None:
            return False
        if stance == INFORMS:
            return ruled and score >= self.informational_keep_rule
        return score >= self.encoder_bars["rule_from" if ruled else "alone_from"]

    def second_reading(
        self, texts: list[str], scores: list[float], ruled: list[bool], stance: str | None
    ) -> list[float]:
        """The scores with the encoder's in place of the linear model's for the sentences
        in doubt (read in one batch)."""
        encoder = self.model.encoder
        doubt = [i for i, s in enumerate(scores) if self.in_doubt(s, ruled[i], stance)]
        if encoder is None or not doubt:
            return scores
        read = encoder.scores([texts[i] for i in doubt])
        out = list(scores)
        for i, score in zip(doubt, read, strict=True):
            out[i] = score
        return out

    def read_ahead(
        self,
        documents: list[tuple[list[str], list[float], list[bool], str | None]],
        meanwhile: Callable[[], None] | None = None,
    ) -> None:
        """Let the encoder read, in one go, the sentences in doubt of many documents (each
        its sentences, their linear scores, whether a rule's words are in each, its stance),
        so that their second readings find them read; ``meanwhile`` is called first, when
        there is something to read."""
        encoder = self.model.encoder
        if encoder is None:
            return
        doubtful = [
            text
            for texts, scores, ruled, stance in documents
            for text, score, rule in zip(texts, scores, ruled, strict=True)
            if self.in_doubt(score, rule, stance)
        ]
        if doubtful and meanwhile is not None:
            meanwhile()
        encoder.scores(doubtful)

    def stance(self, scores: list[float]) -> str | None:
        """What a document does by the scores of its sentences: ``INFORMS``, ``SELLS``, or
        None (too short a document to say, or neither)."""
        if len(scores) < self.informational_sentences:
            return None
        share = sum(1 for s in scores if s >= 0.5) / len(scores)
        if share < self.informational_share:
            return INFORMS
        return SELLS if share >= self.selling_share else None

    def keeps_rules(
        self,
        text: str,
        score: float,
        words: frozenset[str],
        stance: str | None = None,
        linear: float | None = None,
    ) -> bool:
        """Whether the rules' findings in this sentence stand: its score reaches the
        threshold (or, outside a document that informs, its ``linear`` score reaches
        ``keep_rule_linear`` and its score ``encoder_veto``), or, where some of its clauses
        are hedged or negated, the score of an unhedged clause with the rules' trigger
        ``words`` does (a hedge in one clause does not excuse a claim in another)."""
        informational = stance == INFORMS
        needed = self.informational_keep_rule if informational else self.keep_rule
        if score >= needed:
            return True
        if not informational and (
            _short(text)
            or (
                linear is not None
                and linear >= self.keep_rule_linear
                and score >= self.encoder_veto
            )
        ):
            return True
        hedged: list[str] = []
        plain: list[str] = []
        for clause in _CLAUSES.split(text):
            (hedged if _HEDGES.intersection(tokens(clause)) else plain).append(clause)
        return bool(hedged) and any(
            self.model.score(c) >= needed for c in plain if words.intersection(tokens(c))
        )

    def flags_alone(self, text: str, score: float, stance: str | None = None) -> bool:
        """Whether the model flags a sentence no rule flagged."""
        if stance == SELLS:
            needed = self.flag_alone_selling if promotional(text) else self.flag_alone_selling_plain
        else:
            needed = self.flag_alone if promotional(text) else self.flag_alone_plain
        if stance == INFORMS or score < needed:
            return False
        if self.cues.reports_a_study(text):
            return False
        claim = without_selling(text)
        return (
            any(c.isalpha() for c in claim)
            and self.score(claim, stance=stance) >= CLAIM_WITHOUT_SELLING
        )

    @staticmethod
    def _measured(bands: list[tuple[float, float]], score: float) -> float:
        """How often a finding was right for sentences the model scored like this one
        (measured on the training corpus), or the score itself where unmeasured."""
        confidence = score
        for lower, measured in bands:
            if score >= lower:
                confidence = measured
        return round(confidence, 3)

    def rule_confidence(self, text: str, score: float) -> float:
        measured = self._measured(self._rule_bands, score)
        return max(SHORT_SENTENCE_CONFIDENCE, measured) if _short(text) else measured

    def combine(
        self, doc: Doc, found: list[tuple[Rule, Span]], score: float, stance: str | None = None
    ) -> list[Claim]:
        """The claims of a sentence: the rules' (marked as the model's too where it agrees),
        and the model's own where no rule found any (``stance``: what its document does)."""
        both = score >= self.flag_alone
        confidence = self.rule_confidence(doc.text, score)
        claims = [
            Claim(rule, span, [], "both" if both else "rule", confidence)
            for rule, span in found
            if score >= rule.model_support
        ]
        if claims or not self.flags_alone(doc.text, score, stance):
            return claims
        where = self.model.span(doc.text)
        span = doc.char_span(*where, alignment_mode="expand") if where else None
        if span is None or not len(span):
            span = doc[:]
        for category in self._categories(doc.text):
            rule = self.rules.get(f"{category}.model")
            if rule is not None:
                confidence = self._measured(self._model_bands, score)
                claims.append(Claim(rule, span, [], "model", confidence))
        return claims

    def _categories(self, text: str) -> list[str]:
        shares = self.model.category_probabilities(text)
        likeliest = max(shares, key=lambda c: shares[c])
        return [c for c, share in shares.items() if share >= CATEGORY_SHARE or c == likeliest]
