"""A second parse for a sentence whose verb the small parser read as a noun.

In "Nootropics enhance memory, focus and mood" the parser reads "Nootropics enhance" as one
noun, so no verb is left to hedge. With the subject put as a pronoun ("They enhance memory,
…") the same words parse as a clause; the rewrite is made on that parse and moved back onto
the sentence, where the subject stands as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Set as AbstractSet
from dataclasses import replace
from typing import TYPE_CHECKING

from lint.engine.nlp import verb_lemmas
from lint.engine.rewrite.checks import spoiled
from lint.engine.rewrite.edit import Edit
from lint.engine.rewrite.grammar import is_present_verb

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Doc, Token

    from lint.engine.rewrite.sentence import Claim

# What may stand before a verb read as a noun and still be its subject: "Ice baths soothe",
# "The new drops relieve".
_SUBJECT_PARTS = frozenset({"compound", "amod", "det", "nmod"})
# Where a claim is not the verb's own: in a clause or phrase that hangs on a word after it.
_ASIDES = frozenset({"relcl", "acl", "appos", "advcl", "parataxis"})


def verb_read_as_noun(doc: Doc) -> Token | None:
    """The sentence's verb, where the parser read it into a noun phrase with its subject
    ("Nootropics enhance …") or its object ("Nootropics sharpen memory …", with "memory" the
    head), else None."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ == "VERB" or root.tag_ not in ("NN", "NNS"):
        return None
    for word in doc[1 : root.i + 1]:
        if any(t.dep_ not in _SUBJECT_PARTS or t.is_punct for t in doc[: word.i]):
            return None
        if word.i + 1 >= len(doc) or doc[word.i + 1].is_punct:
            return None
        if word.tag_ not in ("NN", "NNS", "JJ") or not (word == root or word.head == root):
            continue
        before = doc[word.i - 1]  # a plural, whatever the tagger made of a capital
        plural = before.tag_ in ("NNS", "NNPS") or before.lower_.endswith("s")
        if is_present_verb(word.lower_) or (plural and word.lower_ in verb_lemmas(word.lower_)):
            return word
    return None


def rewrite_reparsed(
    claims: Sequence[Claim],
    parse: Callable[[str], Doc],
    rewrite: Callable[[Sequence[Claim]], list[Edit]],
    population: AbstractSet[str],
) -> list[Edit]:
    """The rewrites of a sentence whose verb was read as a noun, made on the parse with its
    subject as a pronoun and moved back onto the sentence. None where the subject is people
    (what they felt is theirs to report), where that parse reads no clause either, where a
    claim is not the verb's own, or where a rewrite would not hedge the verb or would
    change the subject."""
    doc = claims[0].span.doc
    verb = verb_read_as_noun(doc)
    if verb is None or any(t.lower_ in population for t in doc[: verb.i]):
        return []
    pronoun = "It" if is_present_verb(verb.lower_) else "They"
    shift = verb.idx - len(pronoun) - 1
    variant = parse(f"{pronoun} {doc.text[verb.idx :]}")
    root = next((t for t in variant if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ != "VERB" or variant[0].dep_ != "nsubj" or variant[0].head != root:
        return []
    moved = []
    for claim in claims:
        start = max(claim.span.start_char - shift, 0)
        end = max(claim.span.end_char - shift, len(pronoun))
        span = variant.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return []
        if any(a.dep_ in _ASIDES for t in span for a in (t, *t.ancestors)):
            return []  # "…, an effect that lingers": a hedge on the verb leaves it
        moved.append(replace(claim, span=span))
    at = len(pronoun) + 1  # where the verb starts in the second parse
    edits = []
    for edit in rewrite(moved):
        if any(start < at for start, _, _ in edit.pieces):
            continue  # the rewrite changes the subject, which the pronoun stood for
        if not any(start <= at < end for start, end, _ in edit.pieces):
            continue  # the hedge is not on the verb
        pieces = tuple((start + shift, end + shift, new) for start, end, new in edit.pieces)
        back = Edit(edit.start + shift, edit.end + shift, pieces, edit.safe)
        if not spoiled(doc.text, back.apply(doc.text)):
            edits.append(back)
    return edits
