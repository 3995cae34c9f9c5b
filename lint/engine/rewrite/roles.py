"""What part a claim plays in its sentence, and when a sentence must not be rewritten."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from lint.engine.rewrite.grammar import (
    NOUN_AFTER_NOUN,
    is_present_verb,
    noun_by_position,
    subject_of,
)
from lint.engine.rewrite.verbs import clause_verb

_YEAR = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b")
_FIRST_PERSON = frozenset({"i", "me", "my", "myself", "mine"})
_COPULAS = frozenset(
    {
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "'s",
        "'re",
        "become",
        "becomes",
        "remain",
        "remains",
        "seem",
        "seems",
    }
)
_QUOTES = '"“”'
REPORTING = frozenset(
    "say says said tell tells told explain explains note notes add adds write writes".split()
)
_PROVIDERS = frozenset(
    "clinic clinics team doctors staff specialists center centre practice providers physicians".split()
)


@dataclass(frozen=True)
class Lexicon:
    """Word families the rewrites need, with their plurals."""

    benefit: frozenset[str]
    treatment: frozenset[str]
    population: frozenset[str]
    authority: frozenset[str]
    condition: frozenset[str]
    plurals: dict[str, str]
    # the generalization template's majority phrases and their minority ("in most cases" →
    # "in some cases"), as words
    majority: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    praise: frozenset[str] = frozenset()  # "a vital intervention": how good, and no more

    @classmethod
    def from_vocabulary(
        cls,
        vocabulary: dict[str, tuple[str, ...]],
        plurals: dict[str, str],
        majority: dict[str, str] | None = None,
        praise: Iterable[str] = (),
    ) -> Lexicon:
        def family(name: str) -> frozenset[str]:
            words = {w.lower() for w in vocabulary.get(name, ()) if not w.startswith("@")}
            return frozenset(words | {plurals[w] for w in words if w in plurals})

        return cls(
            family("benefit") | {"changes", "change", "effects", "effect", "difference", "gains"},
            family("treatment"),
            family("population") | {"everyone", "anyone", "everybody"},
            family("authority") | {"scientists", "experts", "doctors", "studies"},
            family("condition"),
            plurals,
            {tuple(k.split()): tuple(v.split()) for k, v in (majority or {}).items()},
            family("praise") | frozenset(praise),
        )


@dataclass(frozen=True)
class Role:
    """``kind``: "verb" (the claim is its clause's verb: "cures"), "predicate" (what the
    verb says: "is safe", "provides lasting relief"), "modifier" (words that qualify a
    noun the verb does not assert: "offers a safe alternative") or "bare" (no verb: a
    heading). ``verb`` is the finite verb that governs the claim, if any."""

    kind: str
    verb: Token | None


def role_of(span: Span, lexicon: Lexicon, category: str) -> Role:
    subject_clause = _subject_clause_verb(span)
    if subject_clause is not None:
        return Role("predicate", subject_clause)
    verb = _misparsed_verb(span) or clause_verb(span)
    made = _made_into(span)
    if made is not None and (verb is None or verb.i == made.i):
        return Role("predicate", made)
    if verb is None or verb.tag_ == "VB" and not _has_auxiliary(verb):
        finite = any(t.tag_ in ("VBZ", "VBP", "VBD", "MD") for t in span.doc)
        # a heading has no finite verb; a claim in a phrase of a sentence that has one
        # only qualifies what that sentence is about
        return Role("modifier" if finite and verb is None else "bare", verb)
    if span.start <= verb.i < span.end:
        return Role("verb", verb)
    if verb.lower_ in REPORTING or own_action(verb):
        return Role("modifier", verb)  # "says", "we offer": the writer's act, never hedged
    root = span.root
    noun = root if root.pos_ in ("NOUN", "PROPN") else None
    if (
        noun is None
        and root.dep_ in ("amod", "compound", "nmod")
        and root.head.pos_ in ("NOUN", "PROPN")
    ):
        noun = root.head
    if noun is None:
        return Role("predicate", verb)
    if noun.dep_ in ("nsubj", "nsubjpass") and category != "generalization":
        return Role("modifier", verb)  # "Full recovery is ...": the subject is not asserted
    if noun.lower_ in lexicon.benefit or _is_predicate_noun(noun, verb, category):
        return Role("predicate", verb)
    if category == "mechanism" and noun.dep_ in ("dobj", "pobj"):
        return Role("predicate", verb)  # "corrects the chemical imbalance": the verb says it
    if category == "generalization" and noun.dep_ in ("nsubj", "nsubjpass", "pobj"):
        return Role("predicate", verb)
    return Role("modifier", verb)


_MAKES = frozenset("make makes made".split())


def _made_into(span: Span) -> Token | None:
    """The finite verb that makes something what the claim says: "which makes it an effective
    remedy" (the parse reads the noun as a clause of its own)."""
    noun = span.root
    while noun.dep_ in ("amod", "compound") and noun.head.i != noun.i:
        noun = noun.head
    verb = noun.head
    if (
        noun.dep_ in ("ccomp", "oprd", "xcomp")
        and verb.lower_ in _MAKES
        and verb.tag_ in ("VBZ", "VBP", "VBD")
    ):
        return verb
    return None


def _subject_clause_verb(span: Span) -> Token | None:
    """The finite verb of which the claim's words are the subject clause ("Stimulating the
    nerve resets the signals"): what that verb says of it is the claim."""
    top = span.root
    while top.dep_ not in ("csubj", "ROOT") and top.head.i != top.i:
        top = top.head
    head = top.head
    if top.dep_ != "csubj" or span.root.tag_ != "VBG":
        return None
    return head if head.tag_ in ("VBZ", "VBP", "VBD") or _has_auxiliary(head) else None


def _misparsed_verb(span: Span) -> Token | None:
    """A claim word the tagger took for a plural noun between two nouns ("tea cures
    insomnia"), or a verb the parser hung on the next noun as a compound ("Magnesium
    stimulates neuroplasticity, giving …")."""
    doc = span.doc
    for token in span:
        if (
            (token.tag_ == "NNS" or token.tag_ == "VBZ" and token.dep_ == "compound")
            and 0 < token.i < len(doc) - 1
            and (
                doc[token.i - 1].pos_ in ("NOUN", "PROPN", "PRON")
                or doc[token.i - 1].lower_ in ("and", "or")
            )
            and doc[token.i - 1].tag_ != "PRP$"  # "its compounds rebalance": a noun
            and (
                doc[token.i + 1].pos_ in ("NOUN", "PROPN", "DET", "ADJ", "PRON")
                or doc[token.i + 1].tag_ == "VBP"
            )
            and is_present_verb(token.lower_)
            and (doc[token.i - 1].lower_, token.lower_) not in NOUN_AFTER_NOUN
            and not (token.dep_ == "dobj" and token.head.tag_ in ("VBZ", "VBP"))
            and not noun_by_position(token)
            and not _has_verb_after(token)
            and not _noun_like(token)
        ):
            return token
    return None


def _noun_like(token: Token) -> bool:
    """The word has what only a noun has: a relative clause ("benefits that last"), a
    number, or it is joined to a participle ("delivering relief and benefits"). (Not a
    determiner: "Our tea cures" is parsed with "Our" on "cures".)"""
    if any(c.dep_ in ("relcl", "nummod") for c in token.children):
        return True
    return token.dep_ == "conj" and token.head.tag_ in ("VBG", "VBN", "VB")


def _has_verb_after(token: Token) -> bool:
    """A finite verb follows in the clause ("success rates climb"): the word is its subject
    noun, not a misread verb."""
    for later in token.doc[token.i + 1 :]:
        if later.is_punct or later.lower_ in ("and", "or", "but"):
            return False
        if later.tag_ in ("VBP", "VBZ", "VBD", "MD") and later.pos_ in ("VERB", "AUX"):
            return later.dep_ in ("ROOT", "conj", "ccomp", "advcl", "relcl") or any(
                c.i == token.i for c in later.children
            )
    return False


def own_action(verb: Token) -> bool:
    """The clinic or the writer does it: "we offer", "our team provides"."""
    subject = subject_of(verb)
    if subject is None:
        return False
    words = {t.lower_ for t in subject.subtree}
    return subject.lower_ in ("we", "us", "i") or ("our" in words and subject.lower_ in _PROVIDERS)


def _has_auxiliary(verb: Token) -> bool:
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ != "TO" for c in verb.children)


def _is_predicate_noun(noun: Token, verb: Token, category: str) -> bool:
    """The noun is what a copula says the subject is: "X is an effective treatment"."""
    token = noun
    while token.dep_ in ("conj", "appos") and token.head.i != token.i:
        token = token.head
    if category != "efficacy" and any(c.dep_ in ("relcl", "acl") for c in noun.children):
        return False  # "a fast-acting gel you apply before sex": what it is, not a claim
    return token.dep_ in ("attr", "oprd") and token.head.i == verb.i and verb.lower_ in _COPULAS


def _single_quoted(text: str, span: Span) -> bool:
    """Inside 'single quotes' that open a sentence or follow a space."""
    opened = text.startswith("'") or " '" in text[: span.start_char]
    rest = text[span.end_char :]
    return opened and ("' " in rest or "'," in rest or text.rstrip(".").endswith("'"))


# Verbs with which a named source characterizes something: "The Harvard Health Letter calls
# melatonin a sleep aid that …".
_CHARACTERIZES = frozenset("calls call called describes described dubs dubbed labels".split())


def _attributed(doc: Doc, span: Span) -> bool:
    """The claim is what a named source says: "according to the FDA labeling" before it, or
    the sentence's verb is a source characterizing something ("X calls it …")."""
    for token in doc[: span.start]:
        if token.lower_ == "according" and doc[token.i + 1 :][:1].text.lower() == "to":
            source = [t for c in doc[token.i + 1].children for t in c.subtree]
            if any(t.pos_ == "PROPN" for t in source):
                return True  # a named source ("the FDA labeling"), not "research"
    return any(
        t.dep_ == "ROOT"
        and (
            (t.lower_ in _CHARACTERIZES and any(_subject(c, ("PROPN", "NOUN")) for c in t.children))
            or (t.lower_ in _FINDS and any(_subject(c, ("PROPN",)) for c in t.children))
        )
        for t in doc
    )


# What a named body is said to have found: "The National Cancer Institute has found that …".
_FINDS = frozenset(
    "found finds concluded concludes determined determines reported states stated notes noted".split()
)


def _subject(token: Token, kinds: tuple[str, ...]) -> bool:
    return token.dep_ == "nsubj" and token.pos_ in kinds


def testimonial(doc: Doc) -> bool:
    """Someone's own experience: a first-person story in the past ("my pain was gone in a
    week", "I've seen it work"), or words quoted from someone and reported ("'It's a game
    changer,' she told us")."""
    first_person = any(
        t.lower_ in _FIRST_PERSON and t.pos_ == "PRON" and not _in_a_name(t) for t in doc
    )
    past = any(
        t.tag_ == "VBD" or (t.tag_ == "VBN" and any(a.lower_ in _PERFECT for a in t.children))
        for t in doc
    )
    quoted = any(q in doc.text for q in (*_QUOTES, "'", "‘", "’"))
    reported = any(
        t.dep_ in ("ROOT", "parataxis")
        and (t.lower_ in REPORTING or t.lower_ in _GOES_ON)
        and t.tag_ in ("VBD", "VBZ")
        and t.i > 2
        and any(_speaker(c) for c in t.children)
        for t in doc
    )
    return (first_person and past) or (quoted and reported)


_PERFECT = frozenset({"have", "has", "had", "'ve", "'d"})
# What a speaker does between two parts of a quotation: "…," the surgeon continues.
_GOES_ON = frozenset("continues continued adds added explains explained recalls recalled".split())


def _speaker(token: Token) -> bool:
    """The subject of a verb of saying is someone ("one gym owner", "the surgeon", "Anna"),
    not research ("studies say")."""
    return token.dep_ == "nsubj" and token.lower_ not in _NOT_SPEAKERS


_NOT_SPEAKERS = frozenset("research study studies science evidence data it this that".split())
_REPORTING_WORD = re.compile(r"\b(?:" + "|".join(sorted(REPORTING | _GOES_ON)) + r")\b", re.I)
_FIRST_PERSON_WORD = re.compile(r"\b(?:I|[Mm]e|[Mm]y|[Mm]yself|[Mm]ine)\b")


def may_be_testimonial(sentence: str) -> bool:
    """Whether the sentence has the words of a testimonial (a first-person singular pronoun,
    or a quotation mark and a verb of saying), before it is parsed to tell."""
    quoted = any(q in sentence for q in (*_QUOTES, "'", "‘", "’"))
    return bool(
        _FIRST_PERSON_WORD.search(sentence) or (quoted and _REPORTING_WORD.search(sentence))
    )


def _in_a_name(token: Token) -> bool:
    """The word ends a hyphenated name ("CBT-I"), not a speaker's "I"."""
    before = token.doc[token.i - 1] if token.i else None
    return before is not None and before.text == "-" and not before.whitespace_


def advice_only(doc: Doc, span: Span, role: Role) -> bool:
    """A testimonial, a quotation, a dated fact: only the writer can say what it should say."""
    if any(t.lower_ in _FIRST_PERSON and t.pos_ == "PRON" and not _in_a_name(t) for t in doc):
        return True
    before = doc.text[: span.start_char]
    if sum(before.count(q) for q in _QUOTES) % 2 == 1 or _single_quoted(doc.text, span):
        return True
    if any(
        t.dep_ == "ROOT"
        and t.lower_ in REPORTING
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
        for t in doc
    ):
        return True  # "..., says our founder": someone's words (not "How to Say Goodbye …")
    if _attributed(doc, span):
        return True  # "According to the FDA labeling, …": the source's words, to check
    verb = role.verb
    return (
        bool(_YEAR.search(doc.text))
        and verb is not None
        and verb.lower_ not in ("proved", "proven")  # "A 2016 study proved": the claim itself
        and (
            verb.tag_ == "VBD"
            or any(c.lower_ in ("was", "were", "had", "did") for c in verb.children)
        )
    )
