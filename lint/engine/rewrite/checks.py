"""Automatic checks of a rewritten sentence: stacked hedges, inserted qualifiers, a hedge
next to a certainty word, and grammar damage. Used by bench/rewrites.py and the tests; the
cheap shape checks (``broken_shape``) also stop the fixer from offering a broken rewrite."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

_CLAUSE = r"[^,;:.!?()]"
STACKED = (
    re.compile(
        r"\b(?:may|might|could)\s+(?:have\s+)?(?:been\s+)?(?:shown|proven|proved|demonstrated|found|established|confirmed|suggested)\b",
        re.I,
    ),
    re.compile(
        r"\b(?:studies|research|evidence|data|trials|experts|science)\s+(?:may|might|could)\s+(?:suggest|indicate|show)",
        re.I,
    ),
    re.compile(rf"\b(?:may|might|could)\b{_CLAUSE}*\b(?:may|might|could)\b", re.I),
    re.compile(r"\b(?:may|might|could)\s+(?:be\s+)?(?:possibly|potentially|perhaps)\b", re.I),
    re.compile(
        rf"\b(?:suggest|suggests|suggested|indicate|indicates)\b{_CLAUSE}*\b(?:may|might|could)\b",
        re.I,
    ),
)
CERTAIN = re.compile(
    r"\b(?:may|might|could)\s+(?:be\s+|have\s+)?(?:absolutely|definitely|certainly|surely|undoubtedly|always|guaranteed?|guarantees|completely|totally|truly|100\s?%"
    r"|(?:an?\s+)?(?:surefire|sure-fire|foolproof|fail-?safe)\b)",
    re.I,
)
QUALIFIERS = re.compile(r"\b(?:potential|possibly|potentially)\b", re.I)
_ARTICLE = re.compile(r"\b(a|an)\s+([A-Za-z][\w-]*)", re.I)
_MODAL_VERB = re.compile(r"\b(?:may|might|could|can|will)\s+(?:not\s+)?([a-z]+)\b", re.I)
# A hedged verb, then a verb joined to it within a few words that kept its "-s" ("may slow
# digestion and curbs appetite") and followed by its object, not by what follows a list of
# nouns ("may ease aches, pains and stress", "… ligaments and joints so …"); not past a word
# that opens a clause of its own.
_OPENS_A_CLAUSE = r"because|when|which|that|who|if|while|so|as|where|whose|since|although"
_NOT_AN_OBJECT = r"and|or|of|so|to|in|with|for|that|which|as|from|at|on|by|but|while|when|are|is"


def _joined_s_verb_pattern(reach: int) -> re.Pattern[str]:
    """A verb with its "-s" joined to a hedged one at most ``reach`` words after it."""
    return re.compile(
        rf"\b(?:may|might|could|thought to)\s+[a-z]+\b"
        rf"((?:,?\s+(?!(?:{_OPENS_A_CLAUSE})\b)[\w'-]+){{0,{reach}}}?)\s*(?:,|\band\b|\bor\b)"
        rf"\s+([a-z]+s)\s+(?!(?:{_NOT_AN_OBJECT})\b)[a-z]",
        re.I,
    )


# what the checks count as damage (six words between), and how far a repair looks (eight)
_JOINED_S_VERB = {reach: _joined_s_verb_pattern(reach) for reach in (6, 8)}
_SPACING = re.compile(r" [,.;:!?)]|[(\[] |  |,,|, ,|\(\s*\)|\b(\w+) \1\b", re.I)
_GLUED_NOT = re.compile(r"\b(?:may|might|could)n['’]t\b", re.I)
# Shapes a rewrite can leave that are broken wherever they appear (each counts only where the
# rewrite made it): a conjunct swapped into its neighbour ("eased and even eased"), a
# conjunction left before a comma ("partly or, with"), a modal after a negation ("no longer
# may exist"), an evidence frame glued to an agent ("suggest by a body of evidence") or to a
# study the sentence names ("In a recent study, early studies suggest"), a hedged verb joined
# to a "to" infinitive ("can bring on sleep and to reduce"), a hedge on the verb of another
# verb's object or list ("helping patients may feel", "to plan your future, may uncover"), a
# modal inverted after "only" ("Only by X may we improve"), a proof of a hedged claim ("data
# proving how well it may treat"), a hedge before "not" ("may be not wishful thinking") or on
# what is known ("may be known to", "we know that … is thought to"), "help from" (what "heals
# from" is not), "may too soon be", "support help are thought to".
_BROKEN = {
    "repeated conjunct": re.compile(
        r"\b(\w{3,})(?:,|\s+and|\s+or)(?:\s+even|\s+also|\s+then)?\s+\1\b", re.I
    ),
    "dangling conjunction": re.compile(r"\b(?:and|or|but|nor)\s*[,;:.!?)]", re.I),
    "modal after negation": re.compile(r"\b(?:no longer|not|never)\s+(?:may|might|could)\b", re.I),
    "frame + agent": re.compile(r"\b(?:suggest|suggests|suggested)\s+(?:by|with|from|of)\b", re.I),
    "two studies": re.compile(
        r"\bin\s+(?:(?:a|one|the|this|that|our|their)\s+)?(?:[\w-]+\s+){0,3}"
        r"(?:study|studies|trial|trials|review)\b,?\s+(?:early\s+|some\s+)?(?:studies|research)\s+suggests?\b",
        re.I,
    ),
    "modal before not": re.compile(r"\b(?:may|might)\s+be\s+not\b(?!\s+only)", re.I),
    "hedged knowledge": re.compile(
        r"\b(?:may|might)\s+be\s+known\b|\bknows?\s+that\b[^,;:.!?]*\b(?:may|might|thought\s+to)\b",
        re.I,
    ),
    "help from": re.compile(r"\bhelps?\s+from\b", re.I),
    "modal + too": re.compile(r"\b(?:may|might)\s+too\b", re.I),
    "help + thought": re.compile(r"\bhelps?\s+(?:is|are)\s+thought\b", re.I),
    "modal + and to": re.compile(
        r"\b(?:can|may|might|could)\s+\w+(?:\s+[\w'-]+){0,5}\s+and\s+to\s+"
        r"(?!(?:the|a|an|your|their|our|his|her|its|all|any|some|this|that|these|those|them|you|me|us)\b)[a-z]+\b",
        re.I,
    ),
    "hedge on an object's verb": re.compile(
        r"\b(?:help|helps|helping|helped|let|lets|letting|make|makes|making)\s+(?:[\w-]+\s+){1,3}(?:may|might)\s+[a-z]+",
        re.I,
    ),
    "hedge in a to-list": re.compile(
        r"\bto\s+[a-z]+(?:\s+[\w'-]+){0,4},\s+(?:may|might)\s+[a-z]+", re.I
    ),
    "inverted modal": re.compile(
        r"\bonly\b[^,;:.!?]*\b(?:may|might)\s+(?:we|you|they|i|it|he|she)\b", re.I
    ),
    "proof + hedge": re.compile(
        r"\b(?:prove|proves|proved|proven|proving)\b[^,;:.!?()]*\b(?:may|might)\b", re.I
    ),
}


# "may or may not" is one hedge, said both ways
_EITHER_WAY = re.compile(r"\b(may|might|could) or \1 not\b", re.I)


def stacked_hedge(text: str) -> bool:
    text = _EITHER_WAY.sub(r"\1", text)
    return any(p.search(text) for p in STACKED)


def certainty_hedge(text: str) -> bool:
    return bool(CERTAIN.search(text))


def inserted_qualifier(before: str, after: str) -> bool:
    """ "potential" or "possibly" added by the rewrite."""
    return len(QUALIFIERS.findall(after)) > len(QUALIFIERS.findall(before))


def grammar_damage(before: str, after: str) -> list[str]:
    """What looks broken in the rewrite and was not broken before."""
    return _damage(
        before,
        after,
        (
            ("modal + -s verb", _modal_with_s),
            ("hedged verb + joined -s verb", _joined_s_verb),
            ("a/an", _article_mismatch),
        ),
    )


def broken_shape(before: str, after: str) -> list[str]:
    """The checks of ``grammar_damage`` that need no word lists: cheap enough for every
    rewrite the fixer offers."""
    return _damage(before, after, ())


def spoiled(before: str, after: str) -> bool:
    """The rewrite adds a broken shape, a stacked hedge or a hedge beside a certainty word:
    the fixer offers the advice instead."""
    return bool(
        broken_shape(before, after)
        or (stacked_hedge(after) and not stacked_hedge(before))
        or (certainty_hedge(after) and not certainty_hedge(before))
    )


_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*%")


def _lost_percent(before: str, after: str) -> list[str]:
    """A figure that kept its number and lost its "%" ("Over 95% Effective" → "Over 95
    Effective")."""
    kept = {m.group(1) for m in _PERCENT.finditer(after)}
    return [
        f"lost %: {m.group(1)}"
        for m in _PERCENT.finditer(before)
        if m.group(1) not in kept
        and re.search(rf"(?<![\d.]){re.escape(m.group(1))}(?![\d.])", after)
    ]


Check = Callable[[str], list[str]]


def _damage(before: str, after: str, checks: tuple[tuple[str, Check], ...]) -> list[str]:
    found = []
    for name, check in (
        *checks,
        ("spacing", lambda t: [m.group(0) for m in _SPACING.finditer(t)]),
        ("modal + n't", lambda t: _GLUED_NOT.findall(t)),
        *((name, pattern_check(pattern)) for name, pattern in _BROKEN.items()),
    ):
        new = set(check(after)) - set(check(before))
        if new:
            found.append(f"{name}: {', '.join(sorted(new))}")
    if not any(c.isalpha() for c in after) or (len(after.split()) < 2 and len(before.split()) >= 3):
        found.append("emptied")
    if before[:1].isupper() and after[:1].islower():
        found.append("lower-case start")
    found += _lost_percent(before, after)
    return found


def pattern_check(pattern: re.Pattern[str]) -> Check:
    """The check that lists a pattern's matches in a text."""
    return lambda text: [m.group(0).lower() for m in pattern.finditer(text)]


def _modal_with_s(text: str) -> list[str]:
    out = []
    for match in _MODAL_VERB.finditer(text):
        word = match.group(1).lower()
        if word.endswith("s") and _is_third_person(word):
            out.append(match.group(0))
    return out


@lru_cache(maxsize=4096)
def _is_third_person(word: str) -> bool:
    from lemminflect import getAllLemmas, getInflection

    lemmas = getAllLemmas(word, upos="VERB").get("VERB", ())
    return any(lemma != word and word in getInflection(lemma, tag="VBZ") for lemma in lemmas)


def joined_s_verbs(text: str, reach: int = 6) -> list[tuple[int, int]]:
    """Where a verb joined to a hedged one kept its "-s" ("may slow digestion and curbs
    appetite"), at most ``reach`` words after it: the character offsets of each such verb."""
    return [
        m.span(2)
        for m in _JOINED_S_VERB[reach].finditer(text)
        if _is_third_person(m.group(2).lower()) and not m.group(2).lower().endswith("ss")
    ]


def _joined_s_verb(text: str) -> list[str]:
    return [text[start:end] for start, end in joined_s_verbs(text)]


def _article_mismatch(text: str) -> list[str]:
    from lint.engine.rewrite.grammar import article_for

    out = []
    for match in _ARTICLE.finditer(text):
        article, word = match.group(1), match.group(2)
        if word.isupper() and len(word) > 1:
            continue  # an acronym: "an FDA", "a NICE" depend on how it is read
        if article_for(word).lower() != article.lower():
            out.append(match.group(0))
    return out


def problems(before: str, after: str) -> list[str]:
    """Every automatic check the rewrite fails."""
    out: list[str] = []
    if after == before:
        return out
    if stacked_hedge(after):
        out.append("stacked hedge")
    if certainty_hedge(after):
        out.append("hedge next to a certainty word")
    if inserted_qualifier(before, after):
        out.append("potential/possibly inserted")
    out += grammar_damage(before, after)
    return out
