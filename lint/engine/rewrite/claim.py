"""One claim of a sentence turned into word changes: phrases, swaps, drops and a hedge."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from lint.engine.rewrite.edit import Plan, opens_its_part
from lint.engine.rewrite.grammar import (
    BE,
    base_form,
    base_phrase,
    existential,
    is_present_verb,
    match_case,
    subject_of,
)
from lint.engine.rewrite.roles import Lexicon, Role
from lint.engine.rewrite.verbs import (
    HEDGES,
    MODALS_TO_REPLACE,
    approximators,
    auxiliaries,
    hedge_pieces,
    is_hedged,
    relative_verb_between,
)
from lint.rulebook.fixspec import Fix

_DROPPABLE = frozenset({"amod", "compound", "nmod", "advmod", "npadvmod", "nummod", "det"})
_GLUE = frozenset({"and", "or", ",", "&", "-", "/"})


@dataclass
class Job:
    """Everything the rewrite of one claim needs; ``unsafe``: unsafe changes are allowed."""

    plan: Plan
    span: Span
    category: str
    spec: Fix
    role: Role
    lexicon: Lexicon
    title: bool
    unsafe: bool
    hedged: set[int] = field(default_factory=set)  # verbs whose clause a change has hedged
    model: bool = False  # found by the claim model: its words are a guess at the claim

    @property
    def doc(self) -> Doc:
        return self.span.doc

    def add(self, pieces: dict[int, str], safe: bool, name: str = "") -> bool:
        if not safe and not self.unsafe:
            return False
        return self.plan.add(pieces, safe, name)

    def cased(self, token: Token, new: str) -> str:
        return match_case(token.text, new, self.title, first=opens_its_part(token))


_MODIFIERS = ("det", "predet", "amod", "nummod", "quantmod", "advmod", "npadvmod")


def claim_words(span: Span) -> list[Token]:
    """The claim's words and the modifiers that lead them ("Most" of "Most patients ...")."""
    words = {t.i for t in span}
    for token in span:
        for child in token.lefts:
            if child.dep_ in _MODIFIERS and child.i < span.start:
                words.update(t.i for t in child.subtree)
    return [span.doc[i] for i in sorted(words)]


# Nouns that "major" names a kind of, not praises: "major depression", "major surgery".
_DIAGNOSES = frozenset(
    "depression depressive disorder disorders surgery surgeries illness trauma injury "
    "injuries burns bleeding".split()
)


def swaps(job: Job, tokens) -> dict[int, str]:
    """The rule's single-word strength swaps on these tokens (safe)."""
    table = job.spec.swaps
    out = {}
    for token in tokens:
        word = hyphenated(job.doc, token)
        if len(word) > 1:
            # a hyphenated word is swapped whole ("game-changing" → "new"), never in part
            if token.i == word.start and word.end <= tokens[-1].i + 1:
                new = table.get(word.text.lower())
                if new is not None and not degree_modified(word.root):
                    out.update({t.i: "" for t in word})
                    out[token.i] = job.cased(token, new) if new else ""
            continue
        new = table.get(
            f"{token.lower_}/{token.dep_}",
            table.get(f"{token.lower_}/{pos_of(job, token)}", table.get(token.lower_)),
        )
        if new and job.category == "hype" and degree_modified(token):
            continue  # "so revolutionary", "the more revolutionary": "so new" changes it
        if new and new.split(" ")[0] in _FREQUENCIES and _has_a_degree(token):
            continue  # "nearly painless": "nearly rarely painful" says nothing
        if new == "" and token.lower_ == "major" and token.head.lower_ in _DIAGNOSES:
            continue  # "major depression" is a diagnosis, not a boast
        if new == "" and token.lower_ in _BOASTING_NOUNS and _names_what_it_is(job, token.head):
            continue  # "it has become a miracle substance": "a substance" would say nothing
        if new is None and _degree_of_efficacy(job, token):
            new = ""
        if new == "eased" and _people_cured(job, token):
            new = "helped"  # "patients were cured" → "were helped", never "were eased"
        if new is not None:
            out[token.i] = job.cased(token, _inflected(job, token, new)) if new else ""
    for i, new in list(out.items()):
        if new:
            out.update(_absolute_gone(job.doc, job.doc[i], new, out))
        if new and job.category == "hype":
            out.update(_manner_gone(job.doc[i], out))
    gone = {i for i, new in out.items() if not new}
    for i in list(gone):
        for child in job.doc[i].lefts:
            if _adverb_on(child) and child.dep_ == "advmod" and child.i not in out:
                out[child.i] = ""
                gone.add(child.i)
    out.update({i: "" for i in _left_behind(job.doc, gone) if i not in out})
    out.update({i: "" for i in _glue(job.doc, gone) if i not in out})
    return out


def _manner_gone(token: Token, out: dict[int, str]) -> dict[int, str]:
    """The adverb on a hype word swapped for a plain one goes with it ("the quietly
    revolutionary world" → "the new world", not "the quietly new world")."""
    before = token.doc[token.i - 1] if token.i else None
    if (
        before is not None
        and before.i not in out
        and before.tag_ == "RB"
        and before.dep_ in ("advmod", "amod")
        and before.head.i in (token.i, token.head.i)
    ):
        return {before.i: ""}
    return {}


def _people_cured(job: Job, token: Token) -> bool:
    """A passive "cured" whose subject is people ("those who took it were cured")."""
    subject = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
    while subject is not None and subject.lower_ in _PARTITIVES:  # "the majority of those"
        of = next((c for c in subject.children if c.dep_ == "prep"), None)
        subject = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
    return subject is not None and (
        subject.lower_ in job.lexicon.population
        or subject.lower_ in ("those", "they", "we", "many")
    )


_PARTITIVES = frozenset("majority most many some all thousands hundreds millions".split())


# Prepositions before a breakthrough that was made, not a treatment that is one.
_EVENT_PREPOSITIONS = frozenset("in after following since with through".split())
_BREAKTHROUGH = frozenset({"breakthrough", "breakthroughs"})


def _an_event(run) -> bool:
    """The phrase names a discovery, not the treatment: "in a breakthrough made by …",
    "Parkinson's breakthrough", "Arthritis breakthrough"."""
    head = next((t for t in run if t.lower_ in _BREAKTHROUGH and t.pos_ == "NOUN"), None)
    if head is None:
        return False
    return (head.dep_ == "pobj" and head.head.lower_ in _EVENT_PREPOSITIONS) or any(
        c.dep_ in ("poss", "compound") and c.pos_ in ("PROPN", "NOUN") for c in head.children
    )


def _adverb_on(token: Token) -> bool:
    """An adverb that goes with the dropped word it modifies (not the "That" the tagger hangs
    on "Instantly" in "Oils That Instantly Soothe")."""
    return token.dep_ in ("advmod", "npadvmod") and token.tag_ != "IN"


# Words of how often, which a swap may bring ("painless" → "rarely painful").
_FREQUENCIES = frozenset("rarely usually seldom often".split())


def _has_a_degree(token: Token) -> bool:
    """The word already has a degree of its own: "nearly painless", "close to painless"."""
    before = token.doc[token.i - 2 : token.i]
    return any(c.dep_ == "advmod" for c in token.children) or (
        [t.lower_ for t in before] == ["close", "to"]
    )


# Nouns that make a claim of the noun they qualify: "a miracle drug", "a wonder herb".
_BOASTING_NOUNS = frozenset("miracle wonder".split())


def _names_what_it_is(job: Job, noun: Token) -> bool:
    """The noun is what the sentence says the thing is (after a copula or "become"), or the
    heading's subject: without its modifier it says nothing of it."""
    if job.title or noun.dep_ in ("ROOT", "appos"):
        return True
    return noun.dep_ in ("attr", "oprd") or noun.head.lower_ in ("become", "became", "becomes")


def _degree_of_efficacy(job: Job, token: Token) -> bool:
    """Any degree adverb the efficacy rule matched on its adjective ("astonishingly
    effective"): the rule leaves out hedges and other senses, so what it matched is a boast."""
    head = token.head
    return (
        job.category == "efficacy"
        and token.tag_ == "RB"
        and token.dep_ == "advmod"
        and token.lower_.endswith("ly")
        and head.pos_ == "ADJ"
        and job.span.start <= head.i < job.span.end
    )


def _left_behind(doc: Doc, gone: set[int]) -> set[int]:
    """What dropped words leave with nothing to do: a degree word ("the quicker and more
    long-lasting the reversal" → "the quicker the reversal", not "… and more the reversal"),
    and brackets ("remedies (completely safe) for kids" → "remedies for kids")."""
    out: set[int] = set()
    for token in doc:
        if token.text == "(":
            close = next((t for t in doc[token.i + 1 :] if t.text == ")"), None)
            inside = range(token.i + 1, close.i) if close is not None else range(0)
            if close is not None and inside and all(i in gone for i in inside):
                out.update({token.i, close.i})
    for i in sorted(gone):
        if i - 1 in gone or i == 0 or doc[i - 1].lower_ not in DEGREE:
            continue
        following = next((t for t in doc[i + 1 :] if t.i not in gone), None)
        if following is None or following.pos_ in ("DET", "PUNCT", "CCONJ", "ADP", "PRON"):
            out.add(i - 1)
            before = doc[i - 2] if i >= 2 else None
            if before is not None and before.lower_ in ("and", "or") and before.i not in gone:
                out.add(before.i)  # the "and" that joined it goes too
    return out


_ABSOLUTE = frozenset(
    "virtually completely totally entirely fully wholly altogether absolutely practically "
    "permanently forever".split()
)


def _absolute_gone(doc: Doc, token: Token, new: str, out: dict[int, str]) -> dict[int, str]:
    """A verb swapped for a weaker one ("eliminate" → "reduce") loses the absolute adverbs
    on it ("virtually eliminate" → "reduce"), and a swap that repeats the verb it is joined
    to ("reduce or eliminate" → "reduce or reduce", "helps heal" → "helps help") collapses
    into that verb."""
    gone = {
        c.i: ""
        for c in token.children
        if c.dep_ == "advmod" and c.lower_ in _ABSOLUTE and c.i not in out
    }
    if token.pos_ not in ("VERB", "AUX") and not gone:
        return gone
    lemma = base_form(new.split(" ")[0])
    before = doc[token.i - 1] if token.i else None
    if before is not None and token.head.i == before.i and base_form(before.text) == lemma:
        gone[token.i] = ""  # "helps heal" → "helps", never "helps help"
        return gone
    partner = None
    if token.dep_ == "conj" and token.head.i < token.i:
        partner = token.head
    else:
        partner = next((c for c in token.children if c.dep_ == "conj"), None)
    if partner is None or partner.i in out or base_form(partner.text) != lemma:
        return gone
    low, high = sorted((partner.i, token.i))
    if not all(t.lower_ in ("and", "or", ",") or t.i in gone for t in doc[low + 1 : high]):
        return gone
    # "reduce or virtually eliminate" → "reduce"; "eliminate or reduce" → "reduce"
    drop = range(partner.i + 1, token.i + 1) if token.i > partner.i else range(token.i, partner.i)
    for k in drop:
        gone[k] = ""
    return gone


# Prepositions that make a breakthrough an event: "in a breakthrough", "after the breakthrough".
_EVENT_PREPOSITIONS = frozenset("in after since following before with".split())


# Words a cure's weaker noun phrase may be made of: "a full resolution of" → "an
# improvement in", "Cures" → "Remedies", "pain-free" → "with less pain".
_NOUN_PHRASE_WORDS = frozenset(
    "a an the remedy remedies improvement improvements relief with less fewer symptoms "
    "in of for treatment treatments pain anxiety".split()
)


def _weaker_noun(run: list[Token], new: str | None) -> bool:
    """A cure named by a noun traded for a weaker noun (safe, like a swap of strength): no
    verb goes or comes ("get rid of" → "ease" changes what is done)."""
    if new is None or any(t.pos_ in ("VERB", "AUX") for t in run):
        return False
    if any(c.lower_ == "the" for t in run for c in t.children if c.dep_ == "det"):
        return False  # "the Hangover Remedy" would still be the one
    return all(word in _NOUN_PHRASE_WORDS for word in new.lower().split())


def _misread_or_graded(run: list[Token]) -> bool:
    """A cure's noun that is a verb read as a noun ("cures phobias fast"), or one graded
    by words outside the phrase ("an almost complete cure"): no noun swap fits."""
    if len(run) != 1 or run[0].lower_ not in ("cure", "cures"):
        return False
    doc = run[0].doc
    after = doc[run[-1].i + 1] if run[-1].i + 1 < len(doc) else None
    verb_read = (
        after is not None
        and after.tag_ == "VBZ"
        and run[-1].tag_ == "NNS"
        and after.lower_ not in ("is", "has", "does", "was", "'s")
    )
    if (
        after is not None
        and not run[-1].is_title
        and (after.pos_ in ("NOUN", "PROPN") or verb_read)
    ):
        return True  # "cures phobias", even with "phobias" read as the verb
    return any(
        c.dep_ in ("amod", "advmod")
        and c.i < run[0].i
        and any(g.dep_ == "advmod" for g in c.children)
        for t in run
        for c in t.children
    )


# Praise of a novelty's size, which goes with the novelty's boast.
_GRAND = frozenset(
    """shocking huge major big massive stunning true real genuine exciting remarkable
    tremendous astonishing amazing incredible significant""".split()
)


def _plain(doc: Doc, run: list[Token], new: str | None) -> bool:
    """A hype phrase's plain words keep the sentence's meaning ("is changing the landscape
    of" → "is an option in", "nothing short of astonishing" → "encouraging"), unless they make
    an event an "option" ("In a breakthrough made by researchers") or leave a preposition
    that the boast took ("works wonders for people" → "helps for people")."""
    if new is None:
        return False
    noun = next((t for t in run if t.pos_ in ("NOUN", "PROPN")), None)
    event = noun is not None and (
        (noun.dep_ == "pobj" and noun.head.lower_ in _EVENT_PREPOSITIONS)
        or any(c.dep_ == "acl" for c in noun.children)
    )
    if "option" in new and event:
        return False  # "In a breakthrough made by researchers": an event, not an option
    after = doc[run[-1].i + 1] if run[-1].i + 1 < len(doc) else None
    return after is None or after.lower_ not in ("for", "to", "on")


def _inflected(job: Job, token: Token, new: str) -> str:
    """A verb swapped in takes the form of the verb it replaces ("Beats" → "Manages")."""
    from lint.engine.rewrite.grammar import inflect, is_known_verb

    if " " in new or not is_known_verb(new):
        return new

    if pos_of(job, token) not in ("VERB", "AUX"):
        third = token.lower_.endswith("s") and is_present_verb(token.lower_)
        return inflect(new, "VBZ") if third and base_form(new) == new else new
    tag = "VBZ" if token.tag_ == "NNS" else token.tag_
    if tag in ("VBZ", "VBD", "VBN", "VBG") and base_form(new) == new:
        return inflect(new, tag)
    return new


def phrase(job: Job) -> bool:
    """A rewrite of a whole phrase inside the claim: a multi-word swap (safe) or one of the
    template's phrases (unsafe; safe where a hype phrase only trades a boast for plain words,
    ``_plain``). A verb it replaces is hedged."""
    swap = {k: v for k, v in job.spec.swaps.items() if " " in k}
    table = job.spec.rewrites
    if not table and not swap:
        return False
    tokens = _window(job)
    for length in range(len(tokens), 0, -1):
        for first in range(0, len(tokens) - length + 1):
            run = tokens[first : first + length]
            safe = True
            new = _lookup(job, swap, run) if swap and length > 1 else None
            if new is None:
                new = _lookup(job, table, run)
                safe = (job.category == "hype" and _plain(job.doc, run, new)) or (
                    job.category == "cure" and _weaker_noun(run, new)
                )
                if job.category == "cure" and new is not None and _misread_or_graded(run):
                    continue
            if new is None or _modifies_noun(run) or _repeats(job.doc, run[0].i, new):
                continue
            if splits_compound(job.doc, {t.i for t in run}) or (
                new and job.category == "hype" and any(degree_modified(t, outside=run) for t in run)
            ):
                continue  # "the biggest breakthrough", "a total game-changer": advice
            if new.endswith("reported") and any(
                c.dep_ == "conj" and c.pos_ == "ADJ" for c in run[-1].children
            ):
                continue  # "well documented and profound" is no "reported and profound"
            if _an_event(run):
                continue  # "In a breakthrough made by …" is no "In a new option made by …"
            if _breaks_ellipsis(run):
                continue  # "Get out of pain and back into your life": advice
            if _turns_a_subject_around(run, new):
                continue  # "No side effects are reported" is no "Side effects … are reported"
            if _shares_its_auxiliary(run):
                continue  # "does not cause seizures or need sedation": "need" keeps "does not"
            pieces = {t.i: "" for t in run}
            pieces.update({i: "" for i in _leading_adverbs(run)})
            if job.category == "hype":
                # "a huge breakthrough" → "a new option", not "a huge new option"
                pieces.update(
                    {
                        c.i: ""
                        for t in run
                        for c in t.lefts
                        if c.dep_ == "amod" and c.lower_ in _GRAND
                    }
                )
            new, extra = _bare_of(job.doc, run, new)
            pieces.update(extra)
            head = run[0]
            if new.lower().split(" ")[:1] == ["some"]:
                # "the vast majority" → "some": the quantifier's determiner and intensifier go
                lead = [c for c in head.lefts if c.dep_ in ("det", "amod", "advmod", "predet")]
                if lead and all(t.i not in pieces for c in lead for t in c.subtree):
                    first_lead = min(t.i for c in lead for t in c.subtree)
                    pieces.update({k: "" for k in range(first_lead, head.i)})
                    pieces[first_lead] = job.cased(job.doc[first_lead], new)
                    new = ""
            verb = job.role.verb
            if (
                new
                and verb is not None
                and head.i == verb.i
                and head.tag_ in ("VBZ", "VBP")
                and not HEDGES.intersection(new.lower().split())
                and new.lower().split(" ")[0] not in ("can", "could")
            ):
                if is_hedged(verb):
                    new = base_phrase(new) if head.tag_ == "VBZ" else new
                else:
                    new = f"may {base_phrase(new)}"
                job.hedged.add(verb.i)
            elif (
                new
                and verb is not None
                and head.i == verb.i
                and not is_hedged(verb)
                and not any(c.dep_ == "neg" for c in verb.children)
            ):
                # "will clear up eczema" → "may ease eczema", never "will ease eczema"
                modal = [a for a in auxiliaries(verb) if a.lower_ in MODALS_TO_REPLACE]
                if modal and modal[0].i not in pieces and job.plan.free([modal[0].i]):
                    pieces[modal[0].i] = job.cased(modal[0], "may")
                    job.hedged.add(verb.i)
            pieces[head.i] = job.cased(head, new) if new else ""
            pieces.update(_trailing_all(run[-1]))
            return job.add(pieces, safe=safe, name="phrase")
    return False


def _turns_a_subject_around(run: list[Token], new: str) -> bool:
    """A subject with "no" rewritten without it or a "not": the sentence would now state
    the opposite."""
    words = new.lower().split(" ")
    return (
        run[0].lower_ == "no"
        and words[:1] not in (["no"], ["few"], ["little"])
        and "not" not in words
        and any(t.dep_ in ("nsubj", "nsubjpass") for t in run)
    )


def _breaks_ellipsis(run: list[Token]) -> bool:
    """A verb phrase whose verb a later conjunct shares without repeating it ("get out of
    pain and back into your life"): replacing the phrase leaves that conjunct without it."""
    ends = {t.i for t in run}
    if run[0].pos_ not in ("VERB", "AUX"):
        return False
    return any(
        (c.dep_ == "conj" and c.i > run[-1].i and c.pos_ not in ("VERB", "AUX"))
        and (c.head.i in ends or c.pos_ in ("ADV", "ADP", "PART"))
        for t in run
        for c in t.subtree
        if c.i not in ends
    )


def _bare_of(doc: Doc, run: list[Token], new: str) -> tuple[str, dict[int, str]]:
    """ "the majority of adults" → "some adults", not "some of adults": the "of" of a
    quantifier goes before a noun with no determiner of its own."""
    last = run[-1]
    if new.endswith(" of") and last.lower_ == "of":
        of, text = last.i, new[: -len(" of")]
    elif (
        new.split(" ")[-1:] == ["some"] and last.i + 1 < len(doc) and doc[last.i + 1].lower_ == "of"
    ):
        of, text = last.i + 1, new
    else:
        return new, {}
    after = of + 1
    if after >= len(doc):
        return new, {}
    following = doc[after]
    if following.pos_ in ("DET", "PRON", "PROPN", "NUM") or following.tag_ == "PRP$":
        return new, {}  # "some of the patients", "some of our clients", "some of them"
    return text, ({of: ""} if of != last.i else {})


_DEGREE = frozenset({"so", "truly", "really", "simply", "very"})


def _window(job: Job) -> list[Token]:
    """The claim's words, with its verb and the verb's auxiliaries when they come just
    before it ("has" + "high efficacy", "is" + "guaranteed to")."""
    doc, span = job.doc, job.span
    first = span.start
    if (
        first > 1
        and doc[first - 1].lower_ in ("total", "real", "true", "complete", "absolute")
        and doc[first - 2].lower_ in ("a", "an")
    ):
        first -= 1  # "a total game-changer": the phrase table has it whole
    so_that = span.end < len(doc) and doc[span.end].lower_ == "that"
    if (
        first
        and doc[first - 1].lower_ in _DEGREE
        and doc[first - 1].head.i in range(span.start, span.end)
        and not so_that
    ):
        first -= 1  # "so revolutionary": the phrase table has it whole ("so … that" not)
    if (
        job.category == "hype"
        and first > 1
        and doc[first - 1].dep_ == "amod"
        and doc[first - 1].head.i in range(span.start, span.end)
        and doc[first - 2].lower_ in ("a", "an", "the")
    ):
        first -= 1  # "a major leap forward": the phrase table has it whole
    if first and doc[first - 1].lower_ in ("a", "an", "the"):
        first -= 1
    verb = job.role.verb
    if verb is not None and verb.i < first:
        group = {verb.i, *(c.i for c in verb.children if c.dep_ in ("aux", "auxpass"))}
        while first - 1 in group:
            first -= 1
    elif verb is not None and span.start <= verb.i < span.end:
        group = {c.i for c in verb.children if c.dep_ in ("aux", "auxpass")}
        while first - 1 in group:
            first -= 1
    return list(doc[first : span.end])


def _repeats(doc: Doc, first: int, new: str) -> bool:
    """A word of the rewrite stands just before it ("usually have" + "... usually mild")."""
    near = {t.lower_ for t in doc[max(0, first - 3) : first]}
    return any(len(w) > 3 and w in near for w in new.lower().split())


def _leading_adverbs(run: list[Token]) -> list[int]:
    """Adverbs that lead a rewritten phrase ("very" of "very few side effects") go with it."""
    first = run[0]
    ends = {t.i for t in run}
    return [
        c.i
        for t in run
        for c in t.lefts
        if c.dep_ == "advmod" and c.i == first.i - 1 and c.i not in ends
    ]


def _modifies_noun(run: list[Token]) -> bool:
    """The words only qualify a noun after them ("evidence-based practice"): a phrase
    rewrite written for a predicate does not fit there."""
    last = run[-1]
    ends = {t.i for t in run}
    return (
        last.dep_ in ("amod", "compound")
        and last.head.i not in ends
        and last.head.i > last.i
        and last.head.pos_ in ("NOUN", "PROPN")
    )


def pos_of(job: Job, token: Token) -> str:
    """The token's part of speech, a verb where the parse took the clause's verb for a noun."""
    verb = job.role.verb
    if verb is not None and verb.i == token.i:
        return "VERB"
    doc = token.doc
    if (
        token.tag_ == "NNS"
        and 0 < token.i < len(doc) - 1
        and doc[token.i - 1].pos_ in ("NOUN", "PROPN", "PRON")
        and doc[token.i + 1].pos_ in ("NOUN", "PROPN", "DET", "ADJ", "PRON")
        and is_present_verb(token.lower_)
    ):
        return "VERB"  # "Our tea cures insomnia", with "cures" tagged as a noun
    if (
        token.i == 0
        and token.tag_ == "NNS"
        and len(doc) > 1
        and is_present_verb(token.lower_)
        and doc[1].pos_ in ("NOUN", "ADJ", "DET", "PRON", "PROPN")
    ):
        return "VERB"  # a heading that starts with a verb: "Cures headaches"
    last = token.i == len(doc) - 1 or doc[token.i + 1].is_punct
    if (
        job.title
        and last
        and token.tag_ in ("NNS", "NNPS", "VBZ")
        and token.i > 0
        and doc[token.i - 1].pos_ in ("NOUN", "PROPN", "ADJ")
    ):
        return "NOUN"  # the last word of a heading's noun phrase: "Natural Migraine Cures"
    return token.pos_


def _lookup(job: Job, table: dict[str, str], run: list[Token]) -> str | None:
    doc = job.doc
    words = " ".join(doc[run[0].i : run[-1].i + 1].text.lower().split())
    if words in table:
        return table[words]
    if len(run) == 1 and f"{words}/{pos_of(job, run[0])}" in table:
        return table[f"{words}/{pos_of(job, run[0])}"]
    if run[0].pos_ in ("VERB", "AUX"):  # a phrase that starts with a verb, in any form
        lemma = " ".join([base_form(run[0].text), *(t.lower_ for t in run[1:])])
        if lemma in table:
            new = table[lemma]
            return new if not new or run[0].tag_ not in ("VBZ",) else _third_person(new)
    return None


def _shares_its_auxiliary(run: list[Token]) -> bool:
    """The phrase's verb has a bare verb joined to it that its auxiliary also governs ("does
    not trigger seizures or need anesthesia"): rewriting the auxiliary would strand it."""
    verb = run[-1]
    return any(t.dep_ == "aux" for t in run) and any(
        t.dep_ == "conj" and t.tag_ == "VB" and verb in (t.head, t.head.head) for t in verb.subtree
    )


def _third_person(text: str) -> str:
    from lint.engine.rewrite.grammar import inflect

    head, *rest = text.split(" ")
    return " ".join([inflect(head, "VBZ"), *rest])


def _trailing_all(token: Token) -> dict[int, str]:
    """ "at all" after a rewritten "no side effects" goes with it."""
    doc = token.doc
    if (
        token.i + 2 < len(doc)
        and doc[token.i + 1].lower_ == "at"
        and doc[token.i + 2].lower_ == "all"
    ):
        return {token.i + 1: "", token.i + 2: ""}
    return {}


_ONLY_HYPHENATED = frozenset({"long", "term", "-"})


def drops(job: Job, tokens) -> dict[int, str] | None:
    """Delete the claim's modifier words (with the "and" or comma that joined them), or None
    where that would leave a noun phrase or the sentence without its words."""
    words = job.spec.drop
    bare = job.role.kind == "bare"
    doc = job.doc
    gone = {
        t.i
        for t in tokens
        if t.lower_ in words
        and (bare or (t.dep_ in _DROPPABLE and t.head.i > t.i))
        # a noun goes only with what it names ("research-backed", "science backed"), never
        # from the noun it modifies ("numerous research studies")
        and not (
            t.pos_ == "NOUN" and not splits_compound(doc, {t.i}) and t.head.lower_ not in words
        )
    }
    if not gone:
        return None
    # Hyphenated words go whole ("fast-acting"), and so do the adverbs on a dropped word.
    changed = True
    while changed:
        changed = False
        for i in sorted(gone):
            for j in (i - 1, i + 1):
                if 0 <= j < len(doc) and j not in gone and _joined(doc, i, j):
                    gone.add(j)
                    changed = True
            for child in doc[i].children:
                if _adverb_on(child) and child.i not in gone and child.i < i:
                    gone.add(child.i)
                    changed = True
    # "long" and "term" go only as the parts of "long-term", never from "the long term"
    gone -= {
        i
        for i in gone
        if doc[i].lower_ in _ONLY_HYPHENATED
        and not any(0 <= j < len(doc) and _joined(doc, i, j) for j in (i - 1, i + 1))
    }
    if not gone:
        return None
    gone |= _left_behind(doc, gone)
    gone |= _glue(doc, gone)
    if any(
        doc[i].pos_ in ("NOUN", "PROPN")
        and doc[i].dep_ not in ("compound", "amod", "nmod", "npadvmod")
        for i in gone
    ):
        return None
    if any(
        doc[i].pos_ == "NOUN"
        and doc[i].dep_ == "compound"
        and doc[i].head.i not in gone
        and base_form(doc[i].head.text) in ("show", "prove", "confirm", "demonstrate", "suggest")
        for i in gone
    ):
        return None  # "Decades of research show", read as a noun "show": not "Decades of show"
    if sum(1 for i, t in enumerate(doc) if i not in gone and t.is_alpha) < 2:
        return None  # "Rapid Relief" is no "Relief": a heading left with one word says nothing
    if any(doc[i].dep_ == "ROOT" for i in gone):
        return None  # "Especially effective for X" would be left a bare "For X"
    return {i: "" for i in gone}


# Words that grade the word after them: a swap under one no longer fits ("so new").
DEGREE = frozenset(
    "more most so very truly too really quite total totally absolute absolutely complete "
    "completely utter utterly real true genuine biggest greatest largest best single "
    "such extremely incredibly".split()
)


def degree_modified(token: Token, outside: list[Token] | None = None) -> bool:
    """The word is graded by a degree word or a superlative before it ("so revolutionary",
    "the biggest breakthrough", "a total game-changer")."""
    if token.pos_ not in ("ADJ", "NOUN", "PROPN"):
        return False  # a verb's adverbs are dealt with by the hedge
    skip = {t.i for t in outside or [token]}
    for child in token.lefts:
        if child.i in skip or child.dep_ not in ("advmod", "amod", "npadvmod", "nmod"):
            continue
        if child.lower_ in DEGREE or child.tag_ in ("JJS", "RBS", "RBR", "JJR"):
            return True
    return False


def splits_compound(doc: Doc, indices: set[int]) -> bool:
    """Changing these tokens would change a part of a hyphenated word and leave the rest."""
    for i in indices:
        for j in (i - 1, i + 1):
            if 0 <= j < len(doc) and j not in indices and _joined(doc, i, j):
                return True
    return False


def hyphenated(doc: Doc, token: Token) -> Span:
    """The hyphenated word the token is a part of ("game-changing"), or the token alone."""
    first = last = token.i
    while first > 0 and _joined(doc, first - 1, first):
        first -= 1
    while last + 1 < len(doc) and _joined(doc, last, last + 1):
        last += 1
    return doc[first : last + 1]


def _joined(doc: Doc, i: int, j: int) -> bool:
    """Tokens i and j are parts of one hyphenated word."""
    left, right = (doc[min(i, j)], doc[max(i, j)])
    return not left.whitespace_ and (left.text == "-" or right.text == "-")


def _glue(doc: Doc, gone: set[int]) -> set[int]:
    """The "and"/comma between a dropped word and a kept or dropped neighbour."""
    extra = set()
    for i in sorted(gone):
        j = i + 1
        if j < len(doc) and j not in gone and doc[j].lower_ in _GLUE:
            after = j + 1
            if after < len(doc) and (
                after in gone
                or (
                    doc[after].pos_ in ("ADJ", "ADV", "VERB")
                    and (
                        _coordinated(doc, i, after)
                        or (  # "safer and more effective": "more" leads the conjunct
                            doc[after].dep_ == "advmod"
                            and doc[after].head.i > after
                            and _coordinated(doc, i, doc[after].head.i)
                        )
                    )
                )
            ):
                extra.add(j)
                continue
            kept = i - 1
            while kept >= 0 and kept in gone:
                kept -= 1  # the word before the dropped run ("a" of "a clinically validated,")
            if doc[j].text == "," and (kept < 0 or doc[kept].pos_ in ("ADJ", "DET", "PUNCT")):
                extra.add(j)
        if doc[i].dep_ == "conj" and doc[i].head.i < i and doc[i].head.i not in gone:
            # "quickly and substantially boost" → "quickly boost": the coordinator goes too
            for k in range(i - 1, doc[i].head.i, -1):
                if k in gone:
                    continue
                if doc[k].lower_ in ("and", "or", "&", "/", ",", "but", "yet"):
                    extra.add(k)
                else:
                    break
        after = i + 1
        while after < len(doc) and after in gone:
            after += 1
        if (
            i > 1
            and doc[i - 1].text == ","
            and i - 1 not in gone
            and after < len(doc)
            and doc[after].pos_ in ("NOUN", "PROPN")
            # not a list of nouns: "Instant Hydration, Lasting Energy"
            and (
                doc[i - 2].pos_ not in ("NOUN", "PROPN")
                or doc[i - 2].dep_ in ("amod", "compound", "nmod")
                or doc[i - 2].head.i == doc[after].i
                or any(c.dep_ == "det" for c in doc[i - 2].children)  # "this upbeat, …"
            )
        ):
            extra.add(i - 1)  # "a definitive, permanent fix" → "a definitive fix"
        k = i - 1
        if (
            k >= 1
            and k not in gone
            and k - 1 not in gone
            and doc[k].lower_ in ("and", "or", "&")
            and doc[k - 1].pos_ == doc[i].pos_
            and doc[i].pos_ in ("ADV", "ADJ")
            and (_coordinated(doc, k - 1, i) or doc[i].pos_ == "ADV")
        ):
            extra.add(k)  # "quickly and substantially boost" → "quickly boost"
        if (
            k >= 0
            and k not in gone
            and doc[k].lower_ in ("and", "or", "&")
            and (j >= len(doc) or doc[j].pos_ in ("NOUN", "PROPN", "PUNCT"))
            # not an "and" between nouns: "results and lasting quality of life"
            and not (
                k >= 1 and doc[k - 1].pos_ in ("NOUN", "PROPN") and doc[k - 1].dep_ != "compound"
            )
        ):
            extra.add(k)
            if k - 1 >= 0 and doc[k - 1].text == ",":
                extra.add(k - 1)
    return extra


def _coordinated(doc: Doc, i: int, j: int) -> bool:
    """Tokens i and j are members of one list: one is the other's conjunct, or both modify
    the same word ("fast, effective relief")."""
    a, b = doc[i], doc[j]
    return (
        (b.dep_ == "conj" and b.head.i == i)
        or (a.dep_ == "conj" and a.head.i == j)
        or (a.head.i == b.head.i and a.dep_ == b.dep_ and a.i != a.head.i)
        or (b.dep_ == "conj" and b.head.head.i == a.head.i and b.head.i != b.i)
    )


def _hedged_nearby(job: Job, verb: Token) -> bool:
    """Another hedge of this rewrite sits in the same stretch of the sentence (no "." ";"
    ":" between, nor a comma before a clause with its own subject: "…, and relief lasts"):
    a second "may" there would stack on it."""
    doc = job.doc
    stops = {".", ";", ":", "!", "?"}
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        stops.add(",")
    for index in job.hedged:
        low, high = sorted((index, verb.i))
        if not any(t.text in stops for t in doc[low:high]):
            return True
    return False


def _reports_figure(verb: Token) -> bool:
    """ "has achieved an 80% remission rate": a figure is checked, not hedged."""
    return any(
        t.text == "%" or (t.like_num and t.lower_ not in ("one", "1"))
        for t in verb.subtree
        if t.i > verb.i
    ) and any(c.dep_ == "aux" and c.lower_ in ("has", "have", "had") for c in verb.children)


def _shared_hedge(job: Job, verb: Token, replaced: dict[int, str]) -> dict[int, str] | None:
    """ "may ease insomnia and is safe" → "... and be safe": a verb right after "and" with
    no subject of its own shares the "may" before it."""
    doc = job.doc
    before = doc[verb.i - 1] if verb.i else None
    earlier = [i for i in job.hedged if i < verb.i]
    own_subject = any(
        c.dep_ in ("nsubj", "nsubjpass", "expl") and (not earlier or c.i > max(earlier))
        for c in verb.children
    )
    if (
        before is None
        or not earlier
        or before.lower_ not in ("and", "or")
        or own_subject
        or verb.tag_ not in ("VBZ", "VBP")
        or any(c.dep_ in ("aux", "auxpass", "neg") for c in verb.children)
    ):
        return None
    job.hedged.add(verb.i)
    current = replaced.get(verb.i, verb.text)
    return {**replaced, verb.i: base_phrase(current.lower())}


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


# Verbs that report, attribute or describe use: "may" on them hedges the report ("experts
# may have reported"), not the claim.
_ATTRIBUTION = frozenset(
    "report say note observe describe mention state claim tell use employ prescribe "
    "recommend cite document record".split()
)
_MANNER = frozenset("way ways how manner method".split())
# What a product holds ("also contains quercetin, which …") and what research does ("these
# studies shed light on …"): facts, whatever the claim beside them.
_CONTENT = frozenset("contain include comprise consist feature incorporate".split())
_INQUIRY = frozenset("shed explore examine investigate assess evaluate".split())
_OUTCOMES = frozenset(
    "benefit advantage result effect outcome improvement gain risk reduction relief".split()
)
_CONDITIONS = frozenset("once when whenever if after before until unless".split())


def _figure_subject(verb: Token) -> bool:
    """The subject is a figure ("Three out of four runners", "70% of users"): a statistic
    is checked against its source, not hedged."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and verb.dep_ == "conj":
        subject = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return False
    words = list(subject.subtree)
    for k, token in enumerate(words):
        rest = [t.lower_ for t in words[k + 1 : k + 3]]
        if token.like_num and (
            rest[:1] in (["%"], ["percent"]) or rest[:2] == ["out", "of"] or rest[:1] == ["in"]
        ):
            return True
    return False


def _not_the_claim(verb: Token) -> bool:
    """The verb reports or attributes the claim, states a fact of use ("is widely used to
    treat") or of content, reports an inquiry, or sits in a clause about how someone acts
    ("the way we treat pain")."""
    lemma = base_form(verb.text)
    words = {c.lower_ for c in verb.children}
    subject = subject_of(verb)
    if lemma in _ATTRIBUTION | _INQUIRY:
        return True
    if lemma in _CONTENT:
        # what the benefits include is the claim: "Benefits may include better sleep", "They
        # may also include a reduced risk of …"
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        return not any(
            base_form(t.lower_) in _OUTCOMES
            for t in (*([subject] if subject is not None else []), *objects)
        )
    if verb.dep_ in ("relcl", "acl") and verb.head.lower_ in _MANNER:
        return True
    if lemma == "stand" and "for" in words and "out" not in words:
        return True  # "the R stands for reprocessing": what a name means
    if "it" in words and (lemma == "come" or lemma == "take" and "what" in words):
        return True  # "when it comes to", "what it takes to recover": turns of phrase
    if (
        verb.dep_ == "advcl"
        and verb.head.tag_ in ("VBZ", "VBP", "VBD", "VB", "MD")
        and any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in verb.children)
    ):
        return True  # "Once the muscles are stronger, women have …": the claim is the main clause
    if subject is None:
        return False
    if (
        verb.tag_ in ("VB", "VBP")
        and subject.i + 2 == verb.i
        and verb.doc[subject.i + 1].text == ":"
    ):
        return True  # "Visualization: spend a few minutes …": a label, then an instruction
    return (
        verb.dep_ in ("relcl", "acl", "advcl", "ccomp")
        and subject.dep_ in ("nsubj", "nsubjpass")
        and subject.head.i == verb.i
        and subject.lower_ in ("we", "us", "you", "i")
    )


_CAUSATIVE = frozenset("help make let see watch hear have feel".split())


def _bare_infinitive(verb: Token) -> bool:
    """ "helped thousands of patients recover": the verb has no tense of its own to hedge
    ("helped … patients may recover" is broken)."""
    return (
        verb.dep_ in ("ccomp", "xcomp")
        and base_form(verb.head.text) in _CAUSATIVE
        and not any(c.dep_ in ("aux", "mark") for c in verb.children)
    )


def _after_a_leading_verb(verb: Token, lexicon: Lexicon) -> bool:
    """A heading or list item that starts with a verb the tagger read as a noun ("Relieves
    pain quickly"): the word after it is its object, not a verb to hedge ("Relieves may pain").
    A benefit noun is a subject ("Results last")."""
    doc = verb.doc
    first = doc[0]
    return (
        verb.i == 1
        and verb.pos_ != "AUX"
        and first.tag_ in ("NNS", "VBZ", "NNP")
        and is_present_verb(first.lower_)
        and first.lower_ not in lexicon.benefit
        and first.lower_ not in lexicon.population
        and not list(first.children)
    )


def hedge(job: Job, replaced: dict[int, str], thought: bool = False) -> dict[int, str] | None:
    """Swaps plus a hedge on the claim's verb, or None where the verb cannot take one."""
    verb = job.role.verb
    while (
        verb is not None
        and verb.dep_ == "conj"
        and not _has_subject(verb)
        # not "is an ingredient of X and speeds up …" (but "is a flower that soothes …,
        # eases …", where the parse joined "eases" to "is")
        and not (_says_what_it_is(verb.head) and relative_verb_between(verb.head, verb) is None)
        and (
            verb.head.pos_ in ("VERB", "AUX")
            and verb.head.tag_ in ("VBZ", "VBP")
            or verb.head.tag_ == "VB"  # a bare verb under "helps" ("helps men lead …")
            and verb.head.dep_ in ("ccomp", "xcomp")
            and verb.head.head.tag_ == "VBZ"
            and verb.tag_ == "VBZ"
            or verb.head.tag_ == "NNS"  # "cleanses and restores": the first read as a noun
            and verb.tag_ == "VBZ"
            and is_present_verb(verb.head.lower_)
            or verb.head.tag_ == verb.tag_ == "NNS"  # "soothes and repairs": both read so
            and verb.head.dep_ == "ROOT"
            and is_present_verb(verb.head.lower_)
            and is_present_verb(verb.lower_)
            or verb.head.tag_ == "NNS"  # "repairs joints and stimulates", parsed as joined
            and verb.head.dep_ == "dobj"  # to the object
            and verb.head.head.tag_ == verb.tag_
            and verb.tag_ in ("VBZ", "VBP")
        )
    ):
        if verb.head.tag_ == "VB" and verb.tag_ == "VBZ":
            verb = verb.head.head  # "helps men lead … and counteracts …": "helps" agrees
            break
        if verb.head.tag_ == "NNS" and verb.head.dep_ == "dobj":
            verb = verb.head.head  # "repairs joints and stimulates …", read as "joints and
            break  # stimulates": the verb of the object leads the list
        relative = relative_verb_between(verb.head, verb)
        if relative is not None:
            verb = relative  # "is an herb that calms …, relaxes … and relieves …"
            break
        verb = verb.head  # "is well tolerated and has fewer ...": "may" goes on the first
    if verb is not None and thought and verb.lower_ in BE:
        # "X is a relatively new discipline that addresses …": the claim is what it does,
        # not what it is
        verb = _described_by(verb)
    if (
        verb is None
        or verb.i in job.hedged
        or _reports_figure(verb)
        or _not_the_claim(verb)
        or _figure_subject(verb)
        or _after_a_leading_verb(verb, job.lexicon)
        or _bare_infinitive(verb)
        or existential(verb)  # not "there may be safe remedies"
    ):
        return None
    if _hedged_nearby(job, verb):
        return _shared_hedge(job, verb, replaced)
    pieces = hedge_pieces(verb, job.title, replaced, thought)
    if pieces is None:
        return None
    job.hedged.add(verb.i)
    return {**replaced, **pieces, **approximators(job.doc, pieces), **_only_gone(job, verb)}


def _says_what_it_is(verb: Token) -> bool:
    """A copula with a noun after it ("is a key ingredient of joint fluid"): what it says is a
    fact, and the claim joined to it takes its own hedge, not one on "is"."""
    return verb.lower_ in BE and any(
        c.dep_ == "attr" and not any(m.tag_ == "JJS" or m.lower_ in _PRAISING for m in c.lefts)
        for c in verb.children
    )


# What makes "what it is" praise: "the real deal", "the perfect answer".
_PRAISING = frozenset("real true perfect ideal ultimate only best top genuine".split())


def _described_by(copula: Token) -> Token | None:
    """The verb of the relative clause on what a copula says something is ("is a discipline
    that addresses …" → "addresses"), or the copula itself where it says no such thing
    (None where it only defines: "is a relatively new discipline")."""
    attribute = next((c for c in copula.children if c.dep_ == "attr"), None)
    if attribute is None or attribute.lower_ not in _KINDS_OF_CARE:
        return copula  # "is effective", "is a form of detox": what it is is the claim
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in attribute.children):
        return copula  # "is the treatment that works"
    return next(
        (
            c
            for c in attribute.children
            if c.dep_ == "relcl"
            and c.tag_ in ("VBZ", "VBP")
            and any(s.lower_ in ("that", "which") for s in c.children if s.dep_ == "nsubj")
        ),
        None,
    )


# What a treatment is said to be, by kind: "a relatively new discipline", "a procedure".
_KINDS_OF_CARE = frozenset(
    """discipline procedure treatment therapy method technique approach device test program
    programme practice field system tool supplement product drug medication""".split()
)


def _only_gone(job: Job, verb: Token) -> dict[int, str]:
    """ "Only X can help" → "X may help": a hedge leaves "only" excluding everything else."""
    subject = subject_of(verb)
    if subject is None:
        return {}
    only = subject.left_edge
    if only.lower_ != "only" or only.dep_ not in ("advmod", "amod", "det", "preconj"):
        return {}
    if only.i >= subject.i:
        return {}
    after = subject.doc[only.i + 1]
    if only.text[:1].isupper():  # the capital goes to the word that now opens the sentence
        return {only.i: "", after.i: after.text[:1].upper() + after.text[1:]}
    return {only.i: ""}


def verb_is_hedged(job: Job) -> bool:
    verb = job.role.verb
    return verb is not None and (verb.i in job.hedged or is_hedged(verb) or _under_hedge(job, verb))


def _under_hedge(job: Job, verb: Token) -> bool:
    token = verb
    while token.dep_ in ("ccomp", "xcomp", "conj", "advcl") and token.head.i != token.i:
        if token.dep_ == "conj" and _has_subject(token):
            return False  # a clause of its own: "..., and it works"
        token = token.head
        if token.i in job.hedged:
            return True
    return False
