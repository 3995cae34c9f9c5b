"""Appeals to proof and authority, said the way the claims guide says them:
"research shows" → "early studies suggest", "X has been shown to help" → "early studies
suggest X can help", "the medical community recognizes" → "some clinicians consider"."""

from __future__ import annotations

import re

from spacy.tokens import Token

from lint.engine.rewrite.claim import Job
from lint.engine.rewrite.edit import lowered
from lint.engine.rewrite.grammar import base_form, inflect, is_plural_subject, subject_of
from lint.engine.rewrite.verbs import BE

_SHOW = frozenset(
    "show prove demonstrate confirm establish support back validate find document".split()
)
RESEARCH_NOUNS = frozenset(
    "research study studies science evidence data trial trials literature body decades "
    "years experience analysis analyses meta-analysis meta-analyses review reviews".split()
)
_PEOPLE = {
    "community": "clinicians",
    "expert": "experts",
    "experts": "experts",
    "doctor": "doctors",
    "doctors": "doctors",
    "physicians": "physicians",
    "physician": "physicians",
    "psychiatrists": "psychiatrists",
    "scientists": "scientists",
    "clinicians": "clinicians",
    "researchers": "researchers",
    "specialists": "specialists",
    "providers": "providers",
    "practitioners": "practitioners",
    "therapists": "therapists",
    "surgeons": "surgeons",
    "professionals": "professionals",
}
_PEOPLE_VERBS = {
    "recognize": "consider",
    "recognise": "consider",
    "agree": "think",
    "accept": "consider",
    "acknowledge": "consider",
    "endorse": "support",
}
_SUBJECT_LIMIT = 7
_PRACTICE = frozenset("use apply offer provide perform practise practice treat prescribe".split())


def rewrite(job: Job) -> bool:
    """The first of the evidence rewrites that fits the claim."""
    return (
        _research_shows(job)
        or _authority(job)
        or _shown_to(job)
        or _keeps_confirming(job)
        or _people_report(job)
        or _beyond_doubt(job)
        or _certain_frame(job)
    )


# A frame that states a clause as settled: "it is well established that", "there is no doubt
# that", "there is general agreement that".
_FRAME = re.compile(
    r"(?:it is|it 's|it has been) (?:(?:well|widely|now|long|firmly) )*"
    r"(?:established|known|proven|documented|accepted|recognized|recognised)"
    r"|there is (?:no|little) (?:doubt|question|dispute)(?: at all| whatsoever)?"
    r"|there is (?:general|broad|wide|universal|strong) (?:agreement|consensus)"
)


def _certain_frame(job: Job) -> bool:
    """ "It is well established that omega-3s protect the heart" → "Some studies suggest that
    omega-3s protect the heart" (safe: the certainty becomes the state of the evidence, and
    "suggest" carries the clause, as "research shows" → "research suggests")."""
    doc, span = job.doc, job.span
    that = next((t for t in doc[span.start : span.end + 5] if t.lower_ == "that"), None)
    if that is None or that.dep_ != "mark" or that.head.pos_ not in ("VERB", "AUX"):
        return False
    first = next(
        (
            t
            for t in reversed(doc[: span.start + 1])
            if t.lower_ in ("it", "there")
            and (t.i == 0 or doc[t.i - 1].is_punct or doc[t.i - 1].dep_ == "cc")
        ),
        None,
    )
    if first is None or not _FRAME.fullmatch(" ".join(t.lower_ for t in doc[first.i : that.i])):
        return False
    pieces = {t.i: "" for t in doc[first.i : that.i]}
    pieces[first.i] = (
        job.cased(first, "some studies suggest") if first.i else "Some studies suggest"
    )
    job.hedged.add(that.head.i)
    return job.add(pieces, safe=True, name="some studies suggest that")


def _verb(job: Job) -> Token | None:
    verb = job.role.verb
    if verb is None:
        return None
    for token in (*job.span, verb):
        if token.pos_ in ("VERB", "AUX") and base_form(token.text) in _SHOW:
            return token
    return None


def _subject_run(subject: Token, participles: bool = False) -> list[Token] | None:
    """The subject's words, when they are one short run with no clause of their own (with
    ``participles``, a participle that only describes it may be among them: "a growing body
    of research")."""
    words = list(subject.subtree)
    if len(words) > _SUBJECT_LIMIT or words[-1].i - words[0].i + 1 != len(words):
        return None
    if any(t.pos_ in ("VERB", "AUX") and not (participles and t.dep_ == "amod") for t in words):
        return None
    return words


_REPEATED = (
    ("again", "and", "again"),
    ("time", "and", "again"),
    ("over", "and", "over"),
    ("time", "after", "time"),
)


def _repetition_after(verb: Token) -> dict[int, str]:
    """ "has shown again and again that" → "suggests that": what is shown repeatedly goes
    with the proof, never "suggests again and again"."""
    doc = verb.doc
    words = tuple(t.lower_ for t in doc[verb.i + 1 : verb.i + 4])
    return {verb.i + k: "" for k in (1, 2, 3)} if words in _REPEATED else {}


def _verb_group(verb: Token) -> list[Token]:
    """The verb with its auxiliaries and the adverbs between them ("have consistently shown")."""
    before = {c.i for c in verb.children if c.dep_ in ("aux", "auxpass", "advmod", "neg")}
    first = verb.i
    while first - 1 in before:
        first -= 1
    return list(verb.doc[first : verb.i + 1])


def _clause_object(verb: Token) -> Token | None:
    """The finite clause the verb reports ("shows that it works"), if any."""
    for child in verb.children:
        if child.dep_ == "ccomp" and (
            child.tag_ in ("VBZ", "VBP", "VBD", "MD")
            or any(c.dep_ in ("aux", "auxpass") and c.tag_ != "TO" for c in child.children)
        ):
            return child
    return None


def _noun_object(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "dobj" and child.pos_ in ("NOUN", "PROPN"):
            return child
    return None


_VOLUME = frozenset(
    "numerous multiple several many countless solid extensive substantial robust overwhelming "
    "consistent ample strong".split()
)
_AMOUNT = frozenset("decades years body wealth number host mountain".split())


def _bounded(job: Job, subject: Token) -> tuple[dict[int, str], bool]:
    """The subject's weight of evidence made modest: "Numerous studies" → "Some studies",
    "Decades of research" and "A growing body of evidence" → "Some research", "Some
    evidence"; and whether the new subject is plural. Empty where it claims no weight."""
    run = _subject_run(subject, participles=True)
    if run is None:
        return {}, False
    of = next((k for k, t in enumerate(run) if t.lower_ == "of"), None)
    if of is not None and of + 1 < len(run) and any(t.lower_ in _AMOUNT for t in run[:of]):
        head = run[of + 1 :]  # "research" of "decades of research"
        if not head or any(t.pos_ == "DET" for t in head):
            return {}, False
        pieces = {t.i: "" for t in run[: of + 1]}
        pieces[run[0].i] = job.cased(run[0], "some")
        if head[0].lower_ in _VOLUME:  # "decades of solid research"
            pieces[head[0].i] = ""
        return pieces, head[-1].tag_ == "NNS"
    volume = [t for t in run if t.lower_ in _VOLUME and t.i < subject.i]
    if not volume:
        return {}, False
    pieces = {t.i: "" for t in volume}
    if subject.lower_ == "science":  # "Solid science shows" → "Research suggests"
        pieces[subject.i] = job.cased(subject, "research")
        return pieces, False
    lead = min([*(t.i for t in volume), *(t.i for t in run if t.dep_ == "det")])
    pieces[lead] = job.cased(job.doc[lead], "some")
    return pieces, subject.tag_ == "NNS"


def _research_shows(job: Job) -> bool:
    """ "Research shows that ..." → "Research suggests that ..."; "Studies have shown X to be
    safe" → "Studies suggest X is safe"; a subject that weighs ("Numerous studies", "Decades of
    research") becomes "Some studies", "Some research"."""
    verb = _verb(job)
    if verb is None or verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.children):
        return False
    finite = verb
    if verb.dep_ == "xcomp" and base_form(verb.head.text) in ("continue", "keep"):
        finite = verb.head  # "Research continues to show that …"
    subject = subject_of(finite)
    if subject is None or subject.lower_ not in RESEARCH_NOUNS or subject.i > verb.i:
        return False
    group = _verb_group(finite)
    group += list(verb.doc[finite.i + 1 : verb.i + 1])
    if any(t.lower_ in ("not", "n't", "never") for t in group):
        return False
    pieces = {t.i: "" for t in group}
    pieces[group[-1].i] = _suggest(finite, _verb_group(finite), subject)
    pieces.update(_repetition_after(verb))
    weight, plural = _bounded(job, subject)
    if weight:
        pieces.update(weight)
        pieces[group[-1].i] = "suggest" if plural else "suggests"
    if _clause_object(verb) is None and not _says_that(verb):
        infinitive = _object_infinitive(verb)
        if infinitive is None:
            return _studied(job, verb)
        pieces.update(infinitive)
    job.hedged.add(verb.i)
    return job.add(pieces, safe=True, name="studies suggest")


# A span of time the research covers: "over the last twenty years", "for decades".
_OVER_TIME = re.compile(
    r"\b(?:over|in|during|across) the (?:last|past) [\w-]+ (?:years|decades)\b"
    r"|\bfor (?:years|decades)\b|\bin recent years\b|\bsince (?:19|20)\d\d\b",
    re.I,
)


def _spans_years(verb: Token) -> bool:
    """The research is said to span years before its verb ("Over the last twenty years,
    studies have shown"; not "… proven safe, even for people depressed for years")."""
    match = _OVER_TIME.search(verb.doc.text)
    return match is not None and match.start() < verb.idx


def _studies_suggest(verb: Token) -> str:
    """ "early studies suggest", or over a span of time "some studies have suggested" ("In
    recent years, some studies have suggested that …")."""
    if _spans_years(verb):
        return "some studies have suggested"
    return "early studies suggest"


def _suggest(verb: Token, group: list[Token], subject: Token) -> str:
    """ "suggests" or "suggest", agreeing with the subject as the verb group did, "suggested"
    for a past tense; over a span of time, "have suggested" ("Over the last twenty years,
    studies have suggested …")."""
    if verb.tag_ == "VBD" and len(group) == 1:
        return "suggested"  # "A 2016 study proved that …": what it suggested, then
    agreed = _agreeing_suggest(verb, group, subject)
    if _spans_years(verb):
        return "has suggested" if agreed == "suggests" else "have suggested"
    return agreed


def _agreeing_suggest(verb: Token, group: list[Token], subject: Token) -> str:
    words = {t.lower_ for t in group}
    if words & {"has", "'s", "is", "was", "does"}:
        return "suggests"
    if words & {"have", "'ve", "are", "were", "do"}:
        return "suggest"
    if verb.tag_ == "VBZ":
        return "suggests"
    if verb.tag_ == "VBP":
        return "suggest"
    return "suggest" if is_plural_subject(subject) else "suggests"


def _object_infinitive(verb: Token) -> dict[int, str] | None:
    """ "shown X to be safe" → "X is safe"; "shown X to reduce Y" → "X can reduce Y"."""
    doc = verb.doc
    obj = _noun_object(verb) or next(
        (c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "PRON"), None
    )
    if obj is None:
        return None
    words = [t for t in obj.subtree if t.i <= obj.i]
    if words[0].i != verb.i + 1 or words[-1].i - words[0].i + 1 != len(words):
        return None
    to = obj.i + 1
    if to + 1 >= len(doc) or doc[to].lower_ != "to":
        return None
    action = doc[to + 1]
    if action.tag_ != "VB" or action.head.i not in (verb.i, obj.i):
        return None
    if action.lower_ == "be":
        plural = obj.tag_ in ("NNS", "NNPS") or obj.lower_ in ("they", "them")
        return {to: "", action.i: "are" if plural else "is"}
    return {to: "can", **_joined_infinitives(doc[to])}


def _joined_infinitives(to: Token) -> dict[int, str]:
    """The "to" of each infinitive joined to the one after ``to``: "shown to bring on sleep
    and to reduce anxiety" → "can bring on sleep and reduce anxiety"."""
    doc = to.doc
    if to.i + 1 >= len(doc):
        return {}
    return {
        c.i - 1: ""
        for c in doc[to.i + 1].conjuncts
        if c.i > to.i + 1 and c.tag_ == "VB" and doc[c.i - 1].lower_ == "to"
    }


_PROVE = frozenset("show prove demonstrate confirm establish".split())


def _studied(job: Job, verb: Token) -> bool:
    """ "Trials have established the safety of X" → "Trials have examined the safety of X";
    in the present, "Studies show marked drops" → "Studies suggest marked drops" and
    "Research supports X" → "Early research supports X"."""
    if _noun_object(verb) is None or _says_that(verb):
        return False  # "has proven that X does Y" read as a noun: a clause is not examined
    if verb.tag_ in ("VBZ", "VBP"):
        return _present_support(job, verb)
    if _found_a_link(job, verb):
        return True
    new = {"VBD": "examined", "VBN": "examined"}.get(verb.tag_)
    if new is None:
        return False
    job.hedged.add(verb.i)
    return job.add({verb.i: job.cased(verb, new)}, safe=True, name="studied")


# What research finds between two things, which it suggests rather than examines.
_LINKS = frozenset("link links association associations connection connections correlation".split())


def _found_a_link(job: Job, verb: Token) -> bool:
    """ "Research has shown a positive link between X and Y" → "Research suggests a positive
    link …" (not "has examined a link", which says nothing of what it found)."""
    found = _noun_object(verb)
    group = _verb_group(verb)
    subject = subject_of(verb)
    if (
        found is None
        or found.lower_ not in _LINKS
        or subject is None
        or verb.tag_ != "VBN"
        or [t.lower_ for t in group[:-1]] not in (["has"], ["have"])
    ):
        return False
    pieces = {t.i: "" for t in group}
    pieces[group[0].i] = "suggest" if is_plural_subject(subject) else "suggests"
    job.hedged.add(verb.i)
    return job.add(pieces, safe=True, name="suggests a link")


def _says_that(verb: Token) -> bool:
    """The verb is followed by "that": what comes next is a clause, however the parse attached
    it ("shown that lozenges reduce …" with the verb read as VB, "proven that cupping releases
    endorphins" with "cupping releases" read as a noun phrase)."""
    after = verb.i + 1
    return after < len(verb.doc) and verb.doc[after].lower_ == "that"


def _authority(job: Job) -> bool:
    """ "The medical community recognizes X as Y" → "Some clinicians consider X Y"."""
    verb = job.role.verb
    if verb is None or verb.tag_ not in ("VBZ", "VBP"):
        return False
    subject = subject_of(verb)
    if subject is None or subject.lower_ not in _PEOPLE:
        return False
    if base_form(verb.text) in _PRACTICE:
        return False  # "therapists use …": what they do, not what they hold to be true
    run = _subject_run(subject, participles=True)
    if run is None or run[-1].i >= verb.i:
        return False
    people = _PEOPLE[subject.lower_]
    compound = [t for t in run if t.dep_ == "compound"]
    if compound and people == subject.lower_:
        # the kind of people stays: "Most health care providers" → "Some health care providers"
        people = job.doc[compound[0].i : subject.i + 1].text
    pieces = {t.i: "" for t in run}
    pieces[run[0].i] = job.cased(run[0], f"some {people}") if run[0].i else f"Some {people}"
    lemma = base_form(verb.text)
    pieces[verb.i] = _PEOPLE_VERBS.get(lemma, lemma)
    if pieces[verb.i] == "consider":
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ == "as":
                pieces[child.i] = ""
    job.hedged.add(verb.i)
    return job.add(pieces, safe=True, name="some clinicians consider")


def _shown_to(job: Job) -> bool:
    """ "X has been shown to help" → "Early studies suggest X can help"; "X is proven
    effective" → "Early studies suggest X is effective"; "X has proven itself a Y" → "Early
    studies suggest X can be a Y"."""
    verb = _verb(job)
    if verb is None or verb.tag_ != "VBN":
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    if not auxes:
        return False
    subject = subject_of(verb)
    if subject is None:
        return False
    group = _verb_group(verb)
    if subject.lower_ == "it" and _clause_object(verb) is not None:
        # "It has been shown that X" → "Early studies suggest that X"
        if subject.i + 1 != group[0].i:
            return False
        pieces = {t.i: "" for t in group}
        pieces[subject.i] = job.cased(subject, _studies_suggest(verb))
        job.hedged.add(verb.i)
        return job.add(pieces, safe=True, name="early studies suggest that")
    run = _subject_run(subject)
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if after is None or any(t.lower_ in ("not", "n't", "never") for t in group):
        return False
    names_studies = _NAMES_ITS_STUDIES.match(verb.doc.text) or _in_studies(verb)
    if names_studies and _shown_promise(job, verb, group, after):
        return True
    if run is None and subject.i < group[0].i:
        return _shown_in_place(job, verb, group, after)
    if run is not None and _fronted_participle(verb, run[0].i):
        # "First introduced in the 1970s, X has been shown to …": a frame before X would
        # leave the opening phrase describing the studies
        return _shown_promise(job, verb, group, after) or _shown_in_place(job, verb, group, after)
    if run is None or run[-1].i >= group[0].i:
        return False
    if verb.dep_ == "relcl" or run[0].tag_ in ("WDT", "WP", "WP$"):
        return _shown_in_place(job, verb, group, after)  # not "the device early studies
        # suggest whose benefits …": the proof becomes a hedge where it stands
    first_verb = verb.head if verb.dep_ == "conj" and verb.head.i < verb.i else None
    shared = subject_of(first_verb) if first_verb is not None else None
    if shared is not None and shared.i == subject.i:
        return _shown_in_place(job, verb, group, after)  # "has been used for decades and is
        # proven to ease …": a frame before the subject would cover the first verb's fact
    plural = is_plural_subject(subject)
    pieces = {t.i: "" for t in group}
    if after.lower_ == "to":
        pieces[after.i] = ""
        pieces[group[0].i] = "can"
        pieces.update(_joined_infinitives(after))
    elif after.lower_ in ("itself", "themselves"):
        # "X has proven itself (as / to be) a Y" → "Early studies suggest X can be a Y"
        doc = verb.doc
        pieces[group[0].i] = "can"
        pieces[after.i] = "be"
        following = [t.lower_ for t in doc[after.i + 1 : after.i + 3]]
        if following[:1] == ["as"]:
            pieces[after.i + 1] = ""
        elif following == ["to", "be"]:
            pieces.update({after.i + 1: "", after.i + 2: ""})
    elif _predicate(after):
        pieces[group[0].i] = "are" if plural else "is"
    else:
        return False
    first = run[0]
    intro = _studies_suggest(verb)
    if first.i and not job.title:
        intro += " that"  # after an opening phrase: "As a supplement, early studies suggest that …"
    pieces[first.i] = (
        (job.cased(first, f"{intro} {lowered(first)}") if job.title else f"{intro} {first.text}")
        if first.i
        else f"{intro.capitalize()} {lowered(first)}"
    )
    job.hedged.add(verb.i)
    return job.add(pieces, safe=True, name="early studies suggest X can")


def _in_studies(verb: Token) -> bool:
    """The verb's clause names where it was shown: "… to relieve pain in numerous studies"."""
    return any(
        t.lower_ == "in" and any(c.dep_ == "pobj" and c.lemma_ in _STUDY_NOUNS for c in t.children)
        for t in verb.subtree
    )


_STUDY_NOUNS = frozenset("study trial research".split())


def _fronted_participle(verb: Token, subject_start: int) -> bool:
    """The verb's clause opens, before its subject, with a participle without a subject of
    its own, which describes the subject: "First introduced in the 1970s", "Taken daily"."""
    return any(
        c.tag_ in ("VBN", "VBG")
        and c.dep_ == "advcl"
        and c.i < subject_start
        and not any(g.dep_ in ("nsubj", "nsubjpass", "mark") for g in c.children)
        for c in verb.children
    )


def _predicate(word: Token) -> bool:
    """What the proof says the subject is ("proven effective"), not a word of an object it
    names ("has demonstrated positive results")."""
    if word.dep_ == "advmod" and word.head.pos_ == "ADJ" and word.head.i == word.i + 1:
        word = word.head  # "proven extremely safe": the degree word goes with the hedge
    if word.dep_ in ("amod", "advmod", "npadvmod") or word.head.dep_ in ("dobj", "pobj"):
        return False  # "positive results", "again and again"
    return word.pos_ in ("ADJ", "ADV") or word.lower_ in ("safe", "effective")


# A sentence that opens by naming where it was shown: "In clinical trials, …".
_NAMES_ITS_STUDIES = re.compile(
    r"\s*in\s+(?:(?:a|an|one|two|several|recent|clinical|randomi[sz]ed|controlled|small|large|"
    r"early|human|published)\s+)*(?:study|studies|trial|trials|research)\b",
    re.I,
)


def _shown_promise(job: Job, verb: Token, group: list[Token], after: Token) -> bool:
    """Where the sentence names its studies, "early studies suggest" would name them twice:
    "In clinical trials, X has been shown to improve Y" → "…, X has shown promise in
    improving Y" (the claims guide's own hedge)."""
    doc = verb.doc
    if after.lower_ != "to" or after.i + 1 >= len(doc):
        return False
    action = doc[after.i + 1]
    if action.tag_ != "VB" or any(c.dep_ == "conj" and c.tag_ == "VB" for c in action.children):
        return False  # "to improve X and (to) reduce Y" would need two gerunds
    first = group[0].lower_
    if first in ("has", "have"):
        shown = f"{first} shown promise in"
    elif first in ("was", "were"):
        shown = "showed promise in"
    else:
        return False
    pieces = {t.i: "" for t in group}
    pieces[group[0].i] = shown
    pieces[after.i] = ""
    pieces[action.i] = inflect(action.lower_, "VBG")
    job.hedged.add(verb.i)
    return job.add(pieces, safe=True, name="has shown promise in")


def _shown_in_place(job: Job, verb: Token, group: list[Token], after: Token) -> bool:
    """A subject too long to follow "early studies suggest": the proof becomes a hedge where
    it stands ("… has been found effective against migraines" → "… may be effective against
    migraines", "… has been shown to reduce" → "… may reduce")."""
    pieces = {t.i: "" for t in group}
    if after.lower_ == "to" and after.i + 1 < len(verb.doc):
        following = verb.doc[after.i + 1]
        if following.tag_ != "VB":
            return False
        pieces[after.i] = ""
        pieces[group[0].i] = "may"
    elif _predicate(after):
        pieces[group[0].i] = "may be"
    else:
        return False
    job.hedged.add(verb.i)
    return job.add(pieces, safe=True, name="may in place of proof")


def _present_support(job: Job, verb: Token) -> bool:
    subject = subject_of(verb)
    run = _subject_run(subject, participles=True) if subject is not None else None
    if subject is None or run is None or run[-1].i >= verb.i:
        return False
    group = _verb_group(verb)
    if any(t.lower_ in ("not", "n't", "never") or t.pos_ == "AUX" for t in group):
        return False
    pieces = {t.i: "" for t in group if t.i != verb.i}  # "strongly supports" → "supports"
    weight, plural = _bounded(job, subject)
    if base_form(verb.text) in _PROVE:
        pieces[verb.i] = _suggest(verb, group, subject)
        if weight:
            pieces.update(weight)
            pieces[verb.i] = "suggest" if plural else "suggests"
    elif weight:
        pieces.update(weight)  # "A growing body of evidence supports" → "Some evidence supports"
        lemma = base_form(verb.text)
        pieces[verb.i] = lemma if plural else verb.text if verb.tag_ == "VBZ" else lemma + "s"
    elif any(t.lower_ in ("early", "some", "preliminary", "emerging", "limited") for t in run):
        return False
    else:
        first = run[0]
        if first.dep_ == "det":
            pieces[first.i] = job.cased(first, "some")
        elif first.i != subject.i:  # "Recent clinical studies" → "Some recent clinical studies"
            pieces[first.i] = (
                job.cased(first, f"some {lowered(first)}")
                if first.i
                else (f"Some {lowered(first)}")
            )
        else:
            pieces[first.i] = (
                job.cased(first, f"early {lowered(first)}")
                if first.i
                else (f"Early {lowered(first)}")
            )
    if base_form(verb.text) in _PROVE:
        pieces.update(_effectiveness_as_clause(verb))
        pieces.update(_repetition_after(verb))
    job.hedged.add(verb.i)
    return job.add(pieces, safe=True, name="early research supports")


_EFFECTIVENESS = frozenset("effectiveness efficacy".split())


def _effectiveness_as_clause(verb: Token) -> dict[int, str]:
    """What research "suggests" said as a clause: "suggest the tea's effectiveness in easing
    anxiety" → "suggest that the tea can help ease anxiety", "suggests the effectiveness of
    many methods" → "suggests that many methods can help" (not "suggests the effectiveness")."""
    doc = verb.doc
    noun = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if noun is None or noun.lower_ not in _EFFECTIVENESS:
        return {}
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    preps = [c for c in noun.children if c.dep_ == "prep"]
    if owner is not None and len(preps) == 1 and preps[0].lower_ in ("in", "at"):
        doing = doc[preps[0].i + 1] if doc[preps[0].i + 1].tag_ == "VBG" else None
        mark = next((c for c in owner.children if c.dep_ == "case"), None)
        first = min(t.i for t in owner.subtree)
        if doing is None or mark is None or first != verb.i + 1:
            return {}
        pieces = {
            noun.i: "",
            preps[0].i: "",
            mark.i: "",
            doing.i: f"can help {base_form(doing.text)}",
        }
        pieces[first] = f"that {doc[first].text}"
        return pieces
    if owner is None and len(preps) == 1 and preps[0].lower_ == "of":
        what = next((c for c in preps[0].children if c.dep_ == "pobj"), None)
        last = max(t.i for t in noun.subtree)
        if what is None or noun.i - 1 != verb.i + 1 or doc[noun.i - 1].lower_ != "the":
            return {}
        if last + 1 < len(doc) and not doc[last + 1].is_punct:
            return {}
        pieces = {noun.i - 1: "", noun.i: "", preps[0].i: "that"}
        pieces[last] = f"{doc[last].text} can help"
        return pieces
    return {}


def _keeps_confirming(job: Job) -> bool:
    """ "Science keeps confirming X", "Modern science is backing up X" → "Some studies
    support X" (safe: a body of work that grows and agrees becomes some studies)."""
    verb = _verb(job)
    if verb is None or verb.tag_ != "VBG" or _noun_object(verb) is None:
        return False
    doc = verb.doc
    keeps = verb.head if verb.dep_ == "xcomp" and verb.head.lower_ in _KEEP else None
    finite = keeps or verb
    if keeps is None and not any(c.dep_ == "aux" and c.lower_ in BE for c in verb.children):
        return False
    subject = subject_of(finite)
    run = _subject_run(subject, participles=True) if subject is not None else None
    if subject is None or run is None or subject.lower_ not in RESEARCH_NOUNS:
        return False
    if not run[-1].i < finite.i or any(t.lower_ in ("not", "n't") for t in doc[run[0].i : verb.i]):
        return False
    end = verb.i
    if end + 1 < len(doc) and doc[end + 1].dep_ == "prt":
        end += 1  # "backing up"
    if any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children):
        return False  # "confirming X as Y": the writer's own verdict
    pieces = {t.i: "" for t in doc[run[0].i : end + 1]}
    pieces[run[0].i] = (
        job.cased(run[0], "some studies support") if run[0].i else "Some studies support"
    )
    job.hedged.add(verb.i)
    return job.add(pieces, safe=True, name="some studies support")


_KEEP = frozenset("keeps keep continues continue".split())
_OBSERVE = frozenset(
    "report reported observe observed note noted see seen document documented".split()
)


def _people_report(job: Job) -> bool:
    """ "Experts have reported dramatic improvement in X" → "Some experts have reported
    improvement in X": what people saw, said of some of them."""
    verb = job.role.verb
    if verb is None or verb.tag_ != "VBN" or verb.lower_ not in _OBSERVE:
        return False
    if not any(c.dep_ == "aux" and c.lower_ in ("have", "has") for c in verb.children):
        return False
    subject = subject_of(verb)
    if subject is None or subject.lower_ not in _PEOPLE or subject.tag_ != "NNS":
        return False
    run = _subject_run(subject)
    if run is None or run[0].i != subject.i or run[-1].i >= verb.i:
        return False  # "Our doctors", "Many experts": only a bare plural
    new = f"some {subject.text}" if subject.i else f"Some {lowered(subject)}"
    job.hedged.add(verb.i)
    return job.add({subject.i: new}, safe=True, name="some experts")


_CERTAIN = frozenset(
    "undeniable indisputable unquestionable undisputed incontrovertible clear".split()
)
_BENEFIT_NOUNS = frozenset("benefits benefit effects effectiveness efficacy value".split())


def _beyond_doubt(job: Job) -> bool:
    """ "The benefits of X are beyond doubt" (or undeniable) → "The benefits of X are still
    being studied" (safe: only the certainty changes, to the state of the evidence)."""
    verb = job.role.verb
    if verb is None or verb.lower_ not in BE or verb.tag_ not in ("VBZ", "VBP"):
        return False
    subject = subject_of(verb)
    if subject is None or subject.lower_ not in _BENEFIT_NOUNS or subject.i > verb.i:
        return False
    doc = verb.doc
    said = [c for c in verb.children if c.i > verb.i and c.dep_ in ("prep", "acomp", "attr")]
    if len(said) != 1:
        return False
    words = sorted(said[0].subtree, key=lambda t: t.i)
    text = " ".join(t.lower_ for t in words)
    if not (text in ("beyond doubt", "beyond question", "beyond dispute") or text in _CERTAIN):
        return False
    last = words[-1].i
    if words[0].i != verb.i + 1 or (last + 1 < len(doc) and doc[last + 1].text not in ".!"):
        return False  # "… are clear: X does Y" leaves the claim after the colon
    pieces = {t.i: "" for t in words}
    pieces[words[0].i] = "still being studied"
    job.hedged.add(verb.i)
    return job.add(pieces, safe=True, name="still being studied")
