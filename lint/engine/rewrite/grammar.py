"""Word forms for rewrites: verb inflection, agreement, case and "a"/"an"."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Token

from lint.engine.nlp import is_verb_form, verb_lemmas

BE = frozenset({"is", "are", "was", "were", "am", "'re", "'m", "be"})
HAVE = frozenset({"has", "have", "had", "'ve"})
DO = frozenset({"do", "does", "did"})
SMALL_WORDS = frozenset("a an and as at but by for from in of on or the to with".split())
_VOWEL_SOUND = re.compile(r"^(?:[aeiou]|hour|honest|heir|fda|fdas|mri|ms\b|nsaid)", re.IGNORECASE)
_CONSONANT_SOUND = re.compile(r"^(?:uni|use|usu|euro|one\b|once\b)", re.IGNORECASE)
_PLURAL_PRONOUNS = frozenset({"they", "we", "you", "i", "these", "those", "both", "many"})


def uncontracted(token: Token) -> str:
    """The word, with "'s" read as "has" before "been" and as "is" otherwise."""
    if token.lower_ != "'s":
        return token.lower_
    after = next_token(token)
    return "has" if after is not None and after.lower_ == "been" else "is"


def next_token(token: Token) -> Token | None:
    return token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None


def base_form(word: str) -> str:
    """The base form of a verb ("cures" → "cure", "is" → "be")."""
    word = word.lower()
    if word in BE:
        return "be"
    if word in HAVE:
        return "have"
    if word in DO:
        return "do"
    if word.endswith(("ss", "us", "is")):
        return word  # no verb's "-s" ends so: "focus", "stress" are what they are
    return verb_lemmas(word)[0]


def base_phrase(text: str) -> str:
    """The base form of the first word of a verb phrase ("eases pain" → "ease pain")."""
    head, *rest = text.split(" ")
    return " ".join([base_form(head), *rest])


def regular_third_person(lemma: str) -> str:
    """ "work" → "works", "reach" → "reaches", "carry" → "carries" (no tables needed)."""
    if lemma.endswith(("s", "x", "z", "ch", "sh", "o")):
        return lemma + "es"
    if len(lemma) > 1 and lemma[-1] == "y" and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ies"
    return lemma + "s"


@lru_cache(maxsize=1024)
def inflect(lemma: str, tag: str) -> str:
    """A form of a verb: "VBZ" (third person), "VBN" (participle), "VBG"."""
    from lemminflect import getInflection

    forms = getInflection(lemma, tag=tag)
    return forms[0] if forms else lemma


def is_known_verb(word: str) -> bool:
    return word in BE | HAVE | DO or is_verb_form(word)


# Nouns that follow a noun and could be read as its verb, but never are: "side effects".
NOUN_AFTER_NOUN = frozenset({("side", "effects"), ("side", "effect")})


def noun_by_position(token: Token) -> bool:
    """A word that could read as a verb but stands where only a noun does: the subject of
    the auxiliary after it ("Brain supplements have emerged"), or the object of a
    preposition after a word that modifies it and before the next clause's subject ("in
    numerous research studies it is …")."""
    doc = token.doc
    before = doc[token.i - 1] if token.i else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if after is None:
        return False
    if token.dep_ in ("nsubj", "nsubjpass") and after.dep_ in ("aux", "auxpass"):
        return True
    return (
        token.dep_ == "pobj"
        and before is not None
        and before.dep_ in ("amod", "compound")
        and after.dep_ in ("nsubj", "nsubjpass")
    )


def is_present_verb(word: str) -> bool:
    """Whether the word can be a third-person present verb ("cures", "works", "carries")."""
    return is_verb_form(word) and any(
        word in (f"{lemma}s", f"{lemma}es", f"{lemma[:-1]}ies") for lemma in verb_lemmas(word)
    )


def is_plural_subject(subject: Token | None) -> bool:
    """Whether a verb agreeing with this subject takes "are" rather than "is"."""
    if subject is None:
        return False
    if subject.lower_ in ("that", "which", "who") and subject.head.dep_ in ("relcl", "acl"):
        subject = subject.head.head  # "exercises that stimulate": the noun it stands for
    if subject.lower_ in _PLURAL_PRONOUNS or subject.tag_ in ("NNS", "NNPS"):
        return True
    return any(c.dep_ == "conj" for c in subject.children)


def existential(verb: Token) -> bool:
    """The verb of "there is/are": it has no subject a hedge or a rewrite could speak of."""
    return any(c.dep_ == "expl" for c in verb.children)


def subject_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "expl", "csubj"):
            return child
    if verb.dep_ == "conj":
        return subject_of(verb.head)
    return None


def article_for(word: str, capital: bool = False) -> str:
    """ "a" or "an" before this word."""
    wanted = "an" if _VOWEL_SOUND.match(word) and not _CONSONANT_SOUND.match(word) else "a"
    return wanted.capitalize() if capital else wanted


def is_title(doc: Doc) -> bool:
    """A heading in Title Case: most longer words start with a capital."""
    words = [t.text for t in doc if t.is_alpha and len(t) > 3]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) / len(words) > 0.7


def match_case(original: str, new: str, title: bool, first: bool = True) -> str:
    """``new`` in the case of the word it replaces (upper case, Title Case, capitalized);
    ``first``: the word opens the sentence (in Title Case, "a" keeps its capital only there)."""
    if not new:
        return new
    if original.isupper() and len(original) > 1 and len(new.split(" ")) == 1:
        return new.upper()
    if title:
        return " ".join(
            w if w in SMALL_WORDS and (i or not first) else w[:1].upper() + w[1:]
            for i, w in enumerate(new.split(" "))
        )
    if original[:1].isupper():
        return new[:1].upper() + new[1:]
    return new


def keeps_capital(token: Token) -> bool:
    """A word that stays capitalized anywhere in a sentence (a name, an acronym, "I"). The
    tagger reads a common noun that opens a sentence as a name ("Magnesium has been shown
    …"): a word the dictionary knows, alone, is one."""
    if token.text.isupper() or token.lower_ == "i":
        return True
    if token.pos_ != "PROPN":
        return False
    doc = token.doc
    alone = token.i + 1 >= len(doc) or doc[token.i + 1].pos_ != "PROPN"
    common = _dictionary_word(token.lower_) or token.lower_.endswith(_GENERIC_DRUG_STEMS)
    return not (token.i == 0 and token.is_title and alone and common)


# The endings of generic drug names (the WHO's stems), written lower case in running text:
# "ketamine", "fluoxetine", "atorvastatin" (brand names, which keep their capital, have none).
_GENERIC_DRUG_STEMS = (
    "amine",
    "azine",
    "etine",
    "olol",
    "pril",
    "sartan",
    "statin",
    "mab",
    "cillin",
    "mycin",
    "caine",
    "azepam",
    "azolam",
    "idone",
    "oxone",
    "triptan",
    "tidine",
    "prazole",
    "dronate",
    "gliptin",
    "floxacin",
    "vir",
)


@lru_cache(maxsize=1024)
def _dictionary_word(word: str) -> bool:
    """Whether the lemma dictionary knows the word (names and new drugs it does not)."""
    from lemminflect import getAllLemmas

    return bool(getAllLemmas(word))
