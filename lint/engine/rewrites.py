"""Hedged rewrites of a matched claim, computed on the parse of its sentence.

A rule's ``fix:`` entries are tried in order; each gives at most one edit:

- ``hedge: true`` puts "may" on the verb that governs the claim: "ketamine works" →
  "ketamine may work", "will feel" → "may feel", "has been shown" → "may have been shown",
  "is safe" → "may be safe". Meaning-preserving, so safe by default.
- ``replace: {word: other}`` swaps words inside the match ("permanent" → "lasting").
- ``rewrite: text`` replaces the matched words (``{match}`` stands for them).

Entries that combine ``hedge`` with ``replace`` make one edit. Capitals at the start of a
sentence or in Title Case headings, and "a"/"an" before a rewritten word, come out right.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from lint.engine.context import governing_chain
from lint.engine.nlp import is_verb_form, verb_lemmas
from lint.rulebook.fixspec import Fix

_MODALS_TO_REPLACE = frozenset({"will", "can", "shall", "'ll", "wo"})
_DO = frozenset({"do", "does", "did"})
_HAVE = frozenset({"has", "have", "had", "'ve"})
_BE = frozenset({"is", "are", "was", "were", "am", "'re", "'m"})
_SMALL_WORDS = frozenset("a an and as at but by for from in of on or the to with".split())
_VOWEL_SOUND = re.compile(r"^(?:[aeiou]|hour|honest|heir|fda|fdas)", re.IGNORECASE)


@dataclass(frozen=True)
class Edit:
    """A rewrite of the parse-text characters [start, end): each piece (start, end, text)
    inside it is replaced, and everything else in the region is kept as it is."""

    start: int
    end: int
    pieces: tuple[tuple[int, int, str], ...]
    safe: bool

    def text(self, original: str) -> str:
        """The region's new text, given the region's original text."""
        out, cursor = [], self.start
        for start, end, new in sorted(self.pieces):
            out += [original[cursor - self.start : start - self.start], new]
            cursor = end
        out.append(original[cursor - self.start :])
        return "".join(out)


def edits_for(
    span: Span, fixes: tuple[Fix, ...], plurals: Mapping[str, str] | None = None
) -> list[Edit]:
    """The edits a rule's fixes give for this match, in the rule's order, without repeats.

    ``plurals`` are known plurals of nouns; others are looked up in lemminflect's lexicon.
    """
    edits: list[Edit] = []
    title = _is_title(span.doc) if fixes else False
    for fix in fixes:
        edit = _apply(span, fix, title, plurals or {})
        if edit is not None and edit not in edits:
            edits.append(edit)
    return edits


def _apply(span: Span, fix: Fix, title: bool, plurals: Mapping[str, str]) -> Edit | None:
    doc = span.doc
    if fix.qualify:
        return _qualify(span, title, fix.is_safe)
    if fix.rewrite is not None:
        text = _rewrite_text(span, fix)
        if text is None:
            return None
        return _with_article(span, _cased(span, text, title), fix.is_safe)
    pieces: dict[int, str] = {}  # token index -> its new text ("" deletes it)
    if fix.replace:
        replacements = fix.replacements
        for token in span:
            new = replacements.get(
                f"{token.lower_}/{token.dep_}",
                replacements.get(f"{token.lower_}/{token.pos_}", replacements.get(token.lower_)),
            )
            if new is not None:
                pieces[token.i] = _match_case(token.text, new, title) if new else ""
                pieces.update(_plural_after(token, new, title, plurals))
        if not pieces:
            return None
    if fix.hedge:
        hedged = _hedge_replaced_verb(span, title, pieces) or _hedge(span, title, pieces)
        if hedged is None:
            return None
        pieces.update(hedged)
    if not pieces:
        return None
    first = min(pieces)
    parts = []
    for i, new in sorted(pieces.items()):
        token = doc[i]
        end = token.idx + len(token)
        if (
            new
            and token.text[0] in "'’"
            and new[0] not in "'’"
            and i
            and not doc[i - 1].whitespace_
        ):
            new = " " + new  # "it's" → "it may be"
        if not new and token.whitespace_ and i < len(doc) - 1:
            end += len(token.whitespace_)  # a deleted word takes its space with it
        parts.append((token.idx, end, new))
    start = doc[first].idx
    stop = max(end for _, end, _ in parts)
    return _with_article_at(doc, first, Edit(start, stop, tuple(parts), fix.is_safe))


def _qualify(span: Span, title: bool, safe: bool) -> Edit | None:
    """Put "potential" before a verbless noun claim, "possibly" before an adjective or verb."""
    if _clause_verb(span) is not None or any(
        t.lower_ in ("may", "might", "could") for t in span.doc
    ):
        return None  # a clause with a finite verb is hedged on the verb instead
    root, first = span.root, span[0]
    if root.tag_ in ("VB", "VBZ", "VBP", "VBD"):
        return None  # an imperative ("Say goodbye to ...") needs a rewrite, not a qualifier
    if first.i > 0 and span.doc[first.i - 1].lower_ in ("potential", "possibly"):
        return None  # already qualified
    if root.pos_ in ("NOUN", "PROPN"):
        word = "potential"
    elif root.pos_ in ("ADJ", "ADV", "VERB"):
        word = "possibly"
    else:
        return None
    starts = first.i == 0 or all(not t.is_alpha for t in span.doc[: first.i])
    if title:
        new = f"{word.capitalize()} {first.text}"
    elif starts:
        rest = first.text if first.pos_ == "PROPN" or first.text.isupper() else first.text.lower()
        new = f"{word.capitalize()} {rest}"
    else:
        new = f"{word} {first.text}"
    edit = Edit(
        first.idx, first.idx + len(first), ((first.idx, first.idx + len(first), new),), safe
    )
    return _with_article_at(span.doc, first.i, edit)


_SINGULAR_DETERMINERS = frozenset({"every", "each", "any"})


def _plural_after(
    token: Token, new: str, title: bool, plurals: Mapping[str, str]
) -> dict[int, str]:
    """A determiner that became plural takes a plural noun: every client → some clients."""
    if token.lower_ not in _SINGULAR_DETERMINERS or new.lower() not in ("some", "many", "most"):
        return {}
    after = _next(token)
    noun: Token | None
    if after is not None and after.lower_ in plurals:
        noun = after  # "every patient", even when the parser reads "patient" as a modifier
    else:
        noun = token.head if token.head.i > token.i else None
    if noun is None or (noun.tag_ != "NN" and noun.lower_ not in plurals):
        return {}
    plural = plurals.get(noun.lower_) or _plural(noun.lower_)
    return {noun.i: _match_case(noun.text, plural, title)} if plural else {}


def _plural(noun: str) -> str | None:
    from lemminflect import getInflection

    forms = getInflection(noun, tag="NNS")
    return forms[0] if forms else None


def _rewrite_text(span: Span, fix: Fix) -> str | None:
    """The rewrite for this match: one text for every match, or one per matched phrase."""
    rewrite = fix.rewrite
    if isinstance(rewrite, str):
        if "{match}" in rewrite:
            before, after = rewrite.split("{match}", 1)
            text = span.doc.text
            if (
                text[span.end_char : span.end_char + len(after)] == after
                and text[max(0, span.start_char - len(before)) : span.start_char] == before
            ):
                return None  # already rewritten: a second pass must change nothing
        return rewrite.replace("{match}", span.text)
    key = " ".join(span.text.lower().split())
    return dict(rewrite).get(key) if rewrite else None


def _hedge(span: Span, title: bool, replaced: dict[int, str]) -> dict[int, str] | None:
    """New text for the tokens that put "may" on the claim's clause verb, or None.

    A verb that a ``replace`` already changed is hedged in its new form; verbs coordinated
    with it ("lowers stress and blunts ...") take the base form too, and "may" goes before an
    adverb that leads the verb ("usually may notice" becomes "may usually notice").
    """
    verb = _clause_verb(span)
    if verb is None or any(c.dep_ == "neg" for c in verb.children):
        return None
    auxiliaries = _auxiliaries(verb)
    if auxiliaries:
        first = auxiliaries[0]
        word = _uncontracted(first)
        if word in _MODALS_TO_REPLACE or word in _DO:
            return {first.i: _match_case(first.text, "may", title)}
        if word in _HAVE:
            return {first.i: _match_case(first.text, "may have", title)}
        if word in _BE:
            return {first.i: _match_case(first.text, "may be", title)}
        return None
    if not _is_known_verb(_uncontracted(verb)):
        return None
    base = _base_phrase(replaced.get(verb.i, _uncontracted(verb)))
    if base is None:
        return None
    pieces = {}
    lead = verb.doc[verb.i - 1] if verb.i > 0 else None
    if lead is not None and lead.dep_ == "advmod" and lead.head.i == verb.i and lead.tag_ == "RB":
        pieces[lead.i] = _match_case(lead.text, f"may {lead.lower_}", title)
        pieces[verb.i] = _match_case(verb.text, base, title)
    else:
        pieces[verb.i] = _match_case(verb.text, f"may {base}", title)
    for other in verb.children:
        if (
            other.dep_ == "conj"
            and other.tag_ in ("VBZ", "VBP", "VBD")
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in other.children)
        ):
            other_base = _base_phrase(replaced.get(other.i, other.text))
            if other_base is not None:
                pieces[other.i] = _match_case(other.text, other_base, title)
    return pieces


def _hedge_replaced_verb(
    span: Span, title: bool, replaced: dict[int, str]
) -> dict[int, str] | None:
    """When a ``replace`` swapped the claim's own finite verb ("cures" → "ease"), hedge that."""
    for index, new in replaced.items():
        token = span.doc[index]
        finite = token.tag_ in ("VBZ", "VBP", "VBD") or (
            token.tag_ == "NNS" and _is_present_verb(token.lower_) and not _before_verb(token)
        )
        if new and finite and not _auxiliaries(token):
            base = _base_phrase(new)
            return {index: _match_case(token.text, f"may {base}", title)} if base else None
    return None


def _next(token: Token) -> Token | None:
    return token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None


def _before_verb(token: Token) -> bool:
    """A finite verb comes next, so the word is a noun ("insomnia cures is that ...")."""
    after = _next(token)
    return after is not None and after.tag_ in ("VBZ", "VBP", "VBD", "MD")


def _uncontracted(token: Token) -> str:
    """The word, with "'s" read as "has" before "been" and as "is" otherwise."""
    if token.lower_ != "'s":
        return token.lower_
    after = _next(token)
    return "has" if after is not None and after.lower_ == "been" else "is"


def _base_phrase(text: str) -> str | None:
    """The base form of a verb (or of the first word of a verb phrase)."""
    word = text.lower()
    if not word:
        return None
    if word in _BE:
        return "be"
    if word in _HAVE:
        return "have"
    if word in _DO:
        return "do"
    head, *rest = word.split(" ")
    return " ".join([_base_form(head), *rest])


def _is_known_verb(word: str) -> bool:
    return word in _BE | _HAVE | _DO or is_verb_form(word)


def _auxiliaries(verb: Token) -> list[Token]:
    """The verb's finite auxiliaries ("will", "has", "is"; not the "to" of an infinitive)."""
    return [
        c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i and c.tag_ != "TO"
    ]


def _clause_verb(span: Span) -> Token | None:
    """The first finite verb on the chain of heads from the match to its clause root.

    The tagger sometimes reads "tea cures" or "ketamine works" as nouns; a word that can be
    a present-tense verb right after a noun or pronoun, with no verb in its clause, counts.
    """
    chain = governing_chain(span)
    for token in chain:
        if token.pos_ not in ("VERB", "AUX") or token.dep_ in ("aux", "auxpass"):
            continue
        if _auxiliaries(token):
            return token
        has_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in token.children) or any(
            c.pos_ in ("NOUN", "PROPN", "PRON")
            for c in token.lefts  # a subject misparsed
        )
        if token.tag_ in ("VBZ", "VBP", "VBD") and has_subject:
            return token
    if any(t.pos_ in ("VERB", "AUX") for t in chain):
        return None
    before_span = reversed(span.doc[: span.start])
    for token in (*span, *chain, *before_span):
        before = span.doc[token.i - 1] if token.i > 0 else None
        if (
            token.tag_ == "NNS"
            and before is not None
            and before.pos_ in ("NOUN", "PROPN", "PRON")
            and _is_present_verb(token.lower_)
        ):
            return token
    return None


def _is_present_verb(word: str) -> bool:
    """Whether the word can be a third-person present verb ("cures", "works", "carries")."""
    return is_verb_form(word) and any(
        word in (f"{lemma}s", f"{lemma}es", f"{lemma[:-1]}ies") for lemma in verb_lemmas(word)
    )


def _base_form(word: str) -> str:
    return verb_lemmas(word)[0]


def _is_title(doc: Doc) -> bool:
    """A heading in Title Case: most longer words start with a capital."""
    words = [t.text for t in doc if t.is_alpha and len(t) > 3]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) / len(words) > 0.7


def _match_case(original: str, new: str, title: bool) -> str:
    if original.isupper() and len(original) > 1:
        return new.upper()
    if title:
        return " ".join(
            w if w in _SMALL_WORDS and i else w[:1].upper() + w[1:]
            for i, w in enumerate(new.split(" "))
        )
    if original[:1].isupper():
        return new[:1].upper() + new[1:]
    return new


def _cased(span: Span, text: str, title: bool) -> str:
    first = span[0]
    starts_sentence = first.i == 0 or all(not t.is_alpha for t in span.doc[: first.i])
    if title:
        return _match_case("X", text, True)
    if starts_sentence or first.text[:1].isupper() and not first.text.isupper():
        return text[:1].upper() + text[1:]
    return text


def _with_article(span: Span, text: str, safe: bool) -> Edit:
    edit = Edit(span.start_char, span.end_char, ((span.start_char, span.end_char, text),), safe)
    return _with_article_at(span.doc, span.start, edit)


def _with_article_at(doc: Doc, first: int, edit: Edit) -> Edit:
    """Make an "a"/"an" just before a changed word agree with its new text."""
    pieces = list(edit.pieces)
    start = edit.start
    for piece_start, _, new in edit.pieces:
        piece = doc.char_span(piece_start, piece_start + 1, alignment_mode="expand")
        index = piece.start if piece is not None else None
        if not index or not new.strip():
            continue
        article = doc[index - 1]
        if article.lower_ not in ("a", "an") or any(p[0] == article.idx for p in pieces):
            continue
        wanted = "an" if _VOWEL_SOUND.match(new.lstrip()) else "a"
        if wanted != article.lower_:
            wanted = wanted.capitalize() if article.text[:1].isupper() else wanted
            pieces.append((article.idx, article.idx + len(article), wanted))
            start = min(start, article.idx)
    return Edit(start, edit.end, tuple(sorted(pieces)), edit.safe)
