"""The verb that governs a claim, and how to hedge it: "may" or "is thought to"."""

from __future__ import annotations

from spacy.tokens import Span, Token

from lint.engine.context import governing_chain
from lint.engine.rewrite.grammar import (
    BE,
    DO,
    HAVE,
    NOUN_AFTER_NOUN,
    base_form,
    base_phrase,
    inflect,
    is_known_verb,
    is_plural_subject,
    is_present_verb,
    is_title,
    match_case,
    noun_by_position,
    regular_third_person,
    subject_of,
    uncontracted,
)

FINITE = ("VBZ", "VBP", "VBD")
MODALS_TO_REPLACE = frozenset({"will", "can", "shall", "'ll", "wo"})
# Words that already hedge a clause: another hedge would stack on them.
HEDGES = frozenset(
    "may might could would should possibly potentially perhaps maybe likely unlikely "
    "suggest suggests suggested appear appears seem seems thought believed hope hopes "
    "promising promise sometimes rarely seldom some tend tends tended aim aims intend intends "
    "intended designed".split()
)
# Verbs of proof: "may" on them stacks two hedges ("may have been shown"); they are
# rewritten as "early studies suggest" instead.
EVIDENCE = frozenset("show prove demonstrate confirm establish find validate document".split())
# Certainty words that a hedge must never sit next to: they go when a verb is hedged.
CERTAINTY = frozenset(
    "definitely certainly surely absolutely undoubtedly truly really actually always "
    "guaranteed guarantee guarantees clearly simply genuinely just".split()
)


def auxiliaries(verb: Token) -> list[Token]:
    """The verb's finite auxiliaries ("will", "has", "is"; not the "to" of an infinitive)."""
    return [
        c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i and c.tag_ != "TO"
    ]


def clause_verb(span: Span) -> Token | None:
    """The first finite verb on the chain of heads from the match to its clause root.

    The tagger sometimes reads "tea cures" or "ketamine works" as nouns; a word that can be
    a present-tense verb right after a noun or pronoun, with no verb in its clause, counts
    (not at the end of a heading: "Holistic Anxiety Remedies").
    """
    chain = _own_clause(governing_chain(span))
    for token in chain:
        if token.pos_ not in ("VERB", "AUX") or token.dep_ in ("aux", "auxpass"):
            continue
        if auxiliaries(token):
            return token
        has_subject = any(
            c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in token.children
        ) or any(c.pos_ in ("NOUN", "PROPN", "PRON") for c in token.lefts)
        if token.tag_ in FINITE and (has_subject or token.dep_ == "conj"):
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
            and before.tag_ != "PRP$"
            and is_present_verb(token.lower_)
            and (before.lower_, token.lower_) not in NOUN_AFTER_NOUN
            and not noun_by_position(token)
            and not _ends_a_title(token)
            and not _object_of_opening_verb(token)
        ):
            return token
    return None


def opening_head(doc) -> Token:
    """The word the sentence's first word is read as part of: the tagger reads "Keeps" in
    "Keeps A1c blood sugar levels healthy" into the noun "levels"."""
    head = doc[0]
    while head.dep_ == "compound" and head.head.i > head.i:
        head = head.head
    return head


def _object_of_opening_verb(token: Token) -> bool:
    """The noun the tagger made of an opening verb and its object ("Keeps LDL cholesterol
    levels healthy"): "levels" is the object, "Keeps" the verb."""
    first = token.doc[0]
    if first.i == token.i or not is_present_verb(first.lower_):
        return False
    return opening_head(token.doc).i == token.i


_SINGULAR_PRONOUNS = frozenset("it he she this".split())
# Where a clause inside another begins: a verb above it does not make its claim.
_BOUNDARIES = frozenset({"ccomp", "advcl", "relcl", "acl", "csubj", "parataxis", "pcomp"})


def _own_clause(chain: list[Token]) -> list[Token]:
    """The chain up to the first head of a clause of its own ("that it works" in "says that
    it works"): the claim's verb is there or nowhere."""
    for position, token in enumerate(chain):
        if token.dep_ in _BOUNDARIES:
            return chain[: position + 1]
    return chain


def is_hedged(verb: Token) -> bool:
    """The clause of this verb already has a hedge: a modal, an evidential verb above it,
    a hedged subject ("some patients", "early studies")."""
    if verb.lower_ in HEDGES:
        return True  # "tend to work", "seems"
    token: Token | None = verb
    while token is not None:
        for child in token.children:
            if child.dep_ in ("aux", "auxpass", "advmod", "neg") and child.lower_ in HEDGES:
                return True
            if child.dep_ in ("aux", "auxpass", "advmod") and child.lower_ in (
                "not",
                "n't",
                "never",
            ):
                return True
            if child.dep_ in ("nsubj", "nsubjpass") and any(
                _hedging_quantity(g) for g in child.subtree
            ):
                return True
        if token.lower_ in HEDGES and token is not verb:
            return True
        own = token.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
        climbs = token.dep_ in ("ccomp", "xcomp", "conj") and not own
        token = token.head if token.head.i != token.i and climbs else None
    return False


def _hedging_quantity(word: Token) -> bool:
    """A word that hedges the subject it is in: "some patients", "early studies", "few
    users" (but not "a few minutes a day", which is an amount)."""
    if word.lower_ == "few":
        return not (word.i and word.nbor(-1).lower_ == "a")
    return word.lower_ in ("some", "early", "preliminary")


_NEARBY = frozenset(
    "may might could suggest suggests suggested indicate indicates thought believed".split()
)
_STOPS = frozenset({".", ";", ":", "!", "?"})


def _hedge_nearby(verb: Token) -> bool:
    """A modal or an evidential verb earlier in the sentence part (up to a contrast: "They
    may look odd, but they work" hedges only the look), or a modal later in the same
    stretch without punctuation."""
    doc = verb.doc
    index = verb.i - 1
    while index >= 0 and doc[index].text not in _STOPS:
        if doc[index].lower_ in _NEARBY:
            return True
        if _contrast_before(verb, doc[index]):
            break
        index -= 1
    index = verb.i + 1
    while index < len(doc) and not doc[index].is_punct:
        if doc[index].lower_ in ("may", "might", "could"):
            return True
        index += 1
    return False


def opens_a_contrast(word: Token) -> bool:
    """ ", but" or ", yet": the clause after it is one of its own."""
    return word.lower_ in ("but", "yet") and word.i > 0 and word.nbor(-1).text == ","


def _contrast_before(verb: Token, word: Token) -> bool:
    """ ", but" or ", yet" that opens the clause of this verb."""
    return opens_a_contrast(word) and verb.dep_ == "conj" and verb.head == word.head


def hedge_pieces(
    verb: Token, title: bool, replaced: dict[int, str], thought: bool = False
) -> dict[int, str] | None:
    """New text for the words that put a hedge on this verb, or None where it cannot go.

    "works" → "may work", "will feel" → "may feel", "has helped" → "may have helped",
    "is" → "may be"; with ``thought``, "rewires" → "is thought to rewire". A verb that a
    swap already changed ("cures" → "ease") is hedged in its new form; a certainty adverb
    next to it goes ("will definitely clear" → "may clear").
    """
    # "prove" with what it proves to be is a verb of becoming: "will prove effective" → "may
    # prove effective"; "show up" is no proof either
    becoming = verb.tag_ in ("VB", "VBZ", "VBP") and any(
        c.dep_ in ("acomp", "oprd") and c.pos_ == "ADJ" for c in verb.children
    )
    proof = (
        base_form(verb.text) in EVIDENCE
        and not becoming
        and not any(c.dep_ == "prt" for c in verb.children)
    )
    certain = verb.lower_ in CERTAINTY and verb.i not in replaced  # "guarantees" → "brings"
    if is_hedged(verb) or certain or proof:
        return None  # never "may be guaranteed", "may have been shown" (but "may show up")
    if verb.doc.text.rstrip().endswith("?"):
        return None  # a question asks, it does not claim: not "Why may pellets work?"
    if verb.lower_ in BE and any(
        c.dep_ == "acomp"
        and c.lower_ in ("likely", "unlikely")
        and not any(m.lower_ in ("less", "more") for m in c.children)
        for c in verb.children
    ):
        return None  # "are very unlikely to" weighs the odds already: not "may be unlikely"
        # (but "are less likely to come back" compares: "may be less likely")
    negation = next((c for c in verb.children if c.dep_ == "neg"), None)
    if negation is not None:
        if any(c.lower_ in _NOT_ONLY and c.i > negation.i for c in verb.children):
            return None  # "doesn't just look magical" says more, not less: not "may not look"
            # (but "simply won't be" is an emphatic no, hedged as one)
        if base_form(verb.text) in _HARMING:
            return None  # "does not harm the tissue" → "may not harm" is still a safety claim
    if verb.lower_ in BE and any(
        c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        for c in verb.children
    ):
        return None  # "The thing is that relief is possible": not "may be that", which doubts
        # what the writer says, not the claim inside it
    if any(c.dep_ == "xcomp" and base_form(c.text) in EVIDENCE for c in verb.children):
        return None  # nor "may keep confirming", "may continue to show"
    if any(
        c.dep_ in ("nsubj", "nsubjpass") and any(d.lower_ == "no" for d in c.children)
        for c in verb.children
    ):
        return None  # nor "no maintenance may be needed"
    if (
        base_form(verb.text) in _MAKING
        and any(c.dep_ == "auxpass" for c in verb.children)
        and any(c.dep_ in ("xcomp", "advcl") and c.tag_ == "VB" for c in verb.children)
    ):
        return None  # "is built to boost X" states an aim already: not "may be built to"
    if base_form(verb.text) in _ACCLAIM:
        return None  # "may boast success rates", "may be celebrated for": a hedge on the fame
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if (
        verb.tag_ in ("VBZ", "VBP")
        and base_form(verb.text) == "look"
        and following is not None
        and following.lower_ == "like"
    ):
        return None  # "looks like one of the best ways" seems already: not "may look like"
        # (but "will look like yourself" → "may look like yourself")
    if base_form(verb.text) in _BECOMING and in_perfect(verb):
        return None  # "has become the treatment of choice": "may have become" doubts a fact
    if _hedge_nearby(verb):
        return None  # "may" twice in a stretch of words reads as one hedge on another
    doc = verb.doc
    if verb.lower_ == "known" and verb.i + 1 < len(doc) and doc[verb.i + 1].lower_ == "to":
        return {verb.i: "thought"}  # "are known to ease" → "are thought to ease"
    pieces: dict[int, str] = {}
    for child in verb.children:
        if (
            child.dep_ == "advmod"
            and (child.lower_ in CERTAINTY or (child.lower_ in _WHOLLY and verb.tag_ == "VBN"))
            and child.i not in replaced
        ):
            pieces[child.i] = ""  # "can be completely transformed" → "may be transformed"
        if (
            child.dep_ == "prep"
            and child.lower_ == "in"
            and [c.lower_ for c in child.children] == ["fact"]
        ):
            pieces.update({child.i: "", child.i + 1: ""})  # "can in fact be" → "may be"
            after = child.i + 2
            if after < len(verb.doc) and verb.doc[after].text == ",":
                pieces[after] = ""  # "In fact, one day can equal" → "One day may equal"
        if child.dep_ in ("acomp", "attr", "oprd"):  # "is truly remarkable" → "may be remarkable"
            for grandchild in child.children:
                if grandchild.dep_ == "advmod" and (
                    grandchild.lower_ in CERTAINTY or grandchild.lower_ in _WHOLLY
                ):
                    pieces[grandchild.i] = ""  # "is completely free" → "may be free"
    auxes = auxiliaries(verb)
    if auxes:
        first = auxes[0]
        word = uncontracted(first)
        if word in MODALS_TO_REPLACE or word in ("do", "does"):
            pieces[first.i] = match_case(first.text, "may", title)
            after = first.i + 1
            if after < len(verb.doc) and verb.doc[after].lower_ in ("n't", "n’t"):
                pieces[first.i] = match_case(first.text, "may not", title)  # not "mayn't"
                pieces[after] = ""
            elif after < verb.i and verb.doc[after].lower_ in _AS_A_RULE:
                pieces[after] = ""  # "can routinely be reversed" → "may be eased"
            if verb.lower_ == "expect" and verb.i not in replaced:
                pieces[verb.i] = "see"  # "can expect relief" → "may see relief", not "may expect"
                to = verb.i + 1
                if (
                    to < len(verb.doc)
                    and verb.doc[to].lower_ == "to"
                    and any(c.dep_ == "xcomp" and c.i == to + 1 for c in verb.children)
                ):
                    pieces.update({verb.i: "", to: ""})  # "can expect to lose" → "may lose"
        elif word in ("has", "have", "'ve"):
            pieces[first.i] = match_case(first.text, "may have", title)
            if verb.lower_ == "got" and verb.i not in replaced:
                pieces[verb.i] = ""  # "you've got a solution" → "you may have a solution"
        elif word in ("is", "are", "am", "'re", "'m") and not thought:
            frequency = _frequency_after(first)
            if frequency is not None and frequency.lower_ in _AS_A_RULE:
                pieces[first.i] = match_case(first.text, "may be", title)
                pieces[frequency.i] = ""  # "are generally effective" → "may be effective"
            elif frequency is not None:  # "are often absorbed" → "may often be absorbed"
                pieces[first.i] = match_case(first.text, f"may {frequency.lower_}", title)
                pieces[frequency.i] = "be"
            else:
                pieces[first.i] = match_case(first.text, "may be", title)
        else:
            return None  # past tense ("was", "did", "had"): a fact, not a promise
        return pieces
    if verb.tag_ not in ("VBZ", "VBP", "NNS") or not is_known_verb(uncontracted(verb)):
        return None  # past tense, an imperative or an infinitive
    current = replaced.get(verb.i, uncontracted(verb))
    if not current:
        return None
    base = base_phrase(current.lower())
    if verb.i not in replaced and not _round_trips(uncontracted(verb), base.split(" ")[0]):
        return None  # "rates" → "rat": not a form of the verb it would become
    frequency = _frequency_after(verb) if base == "be" and not thought else None
    if frequency is not None and frequency.lower_ in _AS_A_RULE:
        pieces[verb.i] = match_case(verb.text, "may be", title)
        pieces[frequency.i] = ""  # "Results are typically lasting" → "Results may be lasting"
        return pieces
    if frequency is not None:  # "is now a preferred method" → "may now be an option"
        pieces[verb.i] = match_case(verb.text, "may", title)
        pieces[frequency.i] = f"{frequency.lower_} be"
        return pieces
    if thought:
        # the verb's own form says it: "BHRT brings" is singular whatever the tag of "BHRT",
        # and so does a singular pronoun ("It also revs up", where "revs" was read as VBP)
        subject = subject_of(verb)
        singular = subject is not None and subject.lower_ in _SINGULAR_PRONOUNS
        plural = not singular and (
            verb.tag_ == "VBP" or (verb.tag_ != "VBZ" and is_plural_subject(subject))
        )
        be = "are" if plural else "is"
        new = f"{be} thought to {base}"
    else:
        new = f"may {base}"
    lead = _leading_adverb(verb, {**replaced, **pieces})
    if lead is not None:
        # "may gently ease"; "are thought to gradually build"; "is also thought to raise"
        word, rest = new.rsplit(" ", 1) if thought else new.split(" ", 1)
        if thought and lead.lower_ == "also":  # it adds to what is thought
            be, thought_to = word.split(" ", 1)
            pieces[lead.i] = match_case(lead.text, f"{be} {lead.lower_} {thought_to}", title)
        else:
            pieces[lead.i] = match_case(lead.text, f"{word} {lead.lower_}", title)
        pieces[verb.i] = rest if thought else match_case(verb.text, rest, title)
    else:
        pieces[verb.i] = match_case(verb.text, new, title)
    # the verbs joined to it share the hedge: "acts …, strengthens … and raises …" (and
    # one that agrees with it but hangs on its bare complement: "helps men lead … and
    # counteracts …")
    joined = (
        [c for c in verb.children if c.dep_ == "conj"]
        + [
            g
            for c in verb.children
            if c.dep_ in ("ccomp", "xcomp") and c.tag_ == "VB"
            for g in c.children
            if g.dep_ == "conj" and g.tag_ == verb.tag_ == "VBZ"
        ]
        + [  # one the parse joined to its object ("repairs joints and stimulates …")
            g
            for c in verb.children
            if c.dep_ == "dobj" and c.tag_ == "NNS"
            for g in c.children
            if g.dep_ == "conj" and g.tag_ == verb.tag_ and g.pos_ == "VERB"
        ]
    )
    while joined:
        other = joined.pop()
        if (
            other.tag_ not in ("VBZ", "VBP")
            or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in other.children)
            or relative_verb_between(verb, other) is not None
        ):
            continue
        if other.i not in replaced:
            pieces[other.i] = match_case(other.text, base_form(other.text), title)
        for child in other.children:  # "and are actually good" → "and be good"
            if child.dep_ == "advmod" and child.lower_ in CERTAINTY and child.i not in replaced:
                pieces[child.i] = ""
        joined += [c for c in other.children if c.dep_ == "conj"]
    return pieces


_WHOLLY = frozenset("completely totally entirely fully wholly".split())
_NOT_ONLY = frozenset("just only merely simply".split())
_HARMING = frozenset("harm damage hurt injure irritate burn scar".split())
_MAKING = frozenset("build design make formulate engineer develop create craft".split())
_ACCLAIM = frozenset("boast celebrate tout hail acclaim praise".split())
_BECOMING = frozenset("become emerge grow turn prove be".split())
_FREQUENCY = frozenset(
    "often usually generally typically frequently commonly normally now also still already "
    "routinely reliably consistently invariably always".split()
)
# Of those, the ones that say "as a rule": beside "may" they read as a second hedge ("may
# typically be") or undo it ("may routinely be"), so they go.
_AS_A_RULE = frozenset(
    "usually generally typically commonly normally routinely reliably consistently invariably "
    "always".split()
)


def in_perfect(verb: Token) -> bool:
    """ "has emerged", "'ve become": a hedge there ("may have emerged") doubts a fact."""
    return any(a.lower_ in HAVE or a.lower_ == "'s" for a in auxiliaries(verb))


_APPROXIMATE = frozenset("nearly almost virtually practically".split())


def approximators(doc, pieces: dict[int, str]) -> dict[int, str]:
    """The "nearly" of an adverb the pieces delete goes with it ("is nearly always
    reversible" → "may be reversible", not "may be nearly reversible")."""
    return {
        c.i: ""
        for i, new in pieces.items()
        if new == "" and doc[i].pos_ == "ADV"
        for c in doc[i].children
        if c.dep_ == "advmod" and c.lower_ in _APPROXIMATE and c.i not in pieces
    }


def _frequency_after(auxiliary: Token) -> Token | None:
    """A frequency or time adverb right after "is"/"are" ("often", "now"): "may" goes before
    it, "be" after it."""
    doc = auxiliary.doc
    after = doc[auxiliary.i + 1] if auxiliary.i + 1 < len(doc) else None
    return after if after is not None and after.lower_ in _FREQUENCY else None


def _round_trips(word: str, lemma: str) -> bool:
    """The word is a present form of this lemma ("works" of "work"; not "rates" of "rat")."""
    if word in BE | HAVE | DO or word == lemma or word == regular_third_person(lemma):
        return True
    from lemminflect import getInflection  # its tables take a tenth of a second to load

    return word in getInflection(lemma, tag="VBZ") or word in getInflection(lemma, tag="VBP")


def _leading_adverb(verb: Token, changed: dict[int, str]) -> Token | None:
    """The first kept adverb of the run of adverbs right before the verb ("gently and
    dramatically improves"): "may" goes before it, not between it and its verb."""
    doc = verb.doc
    k, lead = verb.i - 1, None
    while k >= 0:
        token = doc[k]
        if k in changed and not changed[k]:
            k -= 1
            continue
        if k in changed:
            break
        if token.lower_ in ("not", "n't", "never"):
            return None  # "not only brings": "may" stays at the verb
        if token.lower_ == "longer" and k > 0 and doc[k - 1].lower_ == "no":
            return doc[k - 1]  # "no longer exists" → "may no longer exist"
        if token.tag_ == "RB" and token.dep_ in ("advmod", "conj"):
            lead = token
        elif not (
            lead is not None and token.lower_ in ("and", "or") and k > 0 and doc[k - 1].tag_ == "RB"
        ):
            break
        k -= 1
    if lead is None or (lead.head.i != verb.i and not lead.i < lead.head.i <= lead.i + 3):
        return None  # an adverb of the words before ("Starting X late | is safe")
    return lead


def relative_verb_between(verb: Token, other: Token) -> Token | None:
    """The verb of a relative clause that stands between two joined verbs: in "is an herb
    that calms the nerves, relaxes the muscles …", "relaxes" belongs to "calms", whatever the
    parse says."""
    return next(
        (
            t
            for t in verb.doc[verb.i + 1 : other.i]
            if t.dep_ == "relcl" and t.tag_ in ("VBZ", "VBP")
        ),
        None,
    )


def participle(word: str) -> str:
    return inflect(base_form(word), "VBN")


__all__ = [
    "BE",
    "DO",
    "HAVE",
    "auxiliaries",
    "clause_verb",
    "hedge_pieces",
    "in_perfect",
    "is_hedged",
]


def _ends_a_title(token: Token) -> bool:
    """The word ends a heading in title case, or the part of it before a colon or a dash
    ("Hydration Drips: Your Shortcut …"), where a plural noun is far likelier than a verb."""
    doc = token.doc
    rest = []
    for t in doc[token.i + 1 :]:
        if t.text in (":", "–", "—", "|"):
            break
        if not t.is_punct and not t.is_space:
            rest.append(t)
    return not rest and is_title(doc)
