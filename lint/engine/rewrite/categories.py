"""The rewrite of one claim, by category: what the claims guide's table does for each."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Token

from lint.engine.rewrite import evidence
from lint.engine.rewrite.claim import (
    Job,
    claim_words,
    drops,
    hedge,
    hyphenated,
    phrase,
    splits_compound,
    swaps,
    verb_is_hedged,
)
from lint.engine.rewrite.edit import lowered
from lint.engine.rewrite.grammar import (
    article_for,
    base_form,
    existential,
    is_plural_subject,
    is_title,
    regular_third_person,
    subject_of,
)
from lint.engine.rewrite.roles import REPORTING, Role, own_action
from lint.engine.rewrite.verbs import (
    BE,
    CERTAINTY,
    EVIDENCE,
    approximators,
    auxiliaries,
    in_perfect,
)

_OPTION_NOUNS = frozenset("option options choice choices".split())
_SUPERIORITY_WORDS = frozenset(
    "best leading top most gold choice premier finest number ultimate highest preferred "
    "highest-quality ideal perfect complete definitive go-to".split()
)
# Nouns that take no "a": what a superlative becomes without its "the".
_UNCOUNTABLE = frozenset(
    "care relief support help guidance protection recovery healing sleep comfort value quality "
    "nutrition hydration wellness wellbeing well-being health research evidence "
    "science equipment technology information machinery software".split()
)
_SUPERLATIVE_NOUNS = frozenset(
    "treatment treatments therapy therapies option options choice choices approach approaches "
    "method methods solution solutions remedy remedies standard answer".split()
)
_PROOF = frozenset(
    "proven proved shown demonstrated confirmed established found show shows prove proves".split()
)
_COPULAS = BE | {"'s"}
_MAJORITY_ADVERBS = frozenset(
    "usually generally typically always consistently routinely reliably".split()
)
_ADDICTION_WORDS = {
    "addiction": "addiction",
    "addictive": "addiction",
    "dependence": "dependence",
    "dependency": "dependence",
    "habit": "dependence",
    "abuse": "misuse",
    "misuse": "misuse",
    "overdose": "overdose",
    "withdrawal": "withdrawal",
}


def rewrite_claim(job: Job) -> None:
    """Add the changes that rewrite this claim to the sentence's plan (if any fits)."""
    how = job.spec.how or "may"
    if how == "advice":
        return
    if job.category == "generalization" and SAFETY_WORDS.intersection(t.lower_ for t in job.doc):
        job.plan.advice_only = True  # "safe for most patients" → "for some patients" would
        return  # say it harms the rest
    special = _SPECIAL.get(job.category)
    if special is not None and special(job):
        return
    proof = any(t.lower_ in _PROOF for t in job.span)
    if (how == "evidence" or proof) and evidence.rewrite(job):
        return
    if phrase(job):
        if job.category == "generalization" and job.plan.ops:
            _mark_subject_hedged(job, job.plan.ops[-1].pieces)  # "some patients" hedges it
        return
    _generic(job, how)


def _hedging_swap(job: Job, replaced: dict[int, str]) -> bool:
    """A swap that hedges by itself, in an infinitive of purpose: "to guarantee a restful
    night" → "to help bring a restful night"."""
    doc = job.doc
    return any(
        new.lower().startswith("help ") and doc[i].tag_ == "VB" and i and doc[i - 1].lower_ == "to"
        for i, new in replaced.items()
    )


# Words of safety: a majority in a sentence that has one is left to the advice.
SAFETY_WORDS = frozenset(
    "safe safely safety harmless tolerate tolerates tolerated side adverse risk risks "
    "complications".split()
)


def _generic(job: Job, how: str) -> None:
    role = job.role
    replaced = swaps(job, claim_words(job.span))
    if _hedging_swap(job, replaced):
        job.add(replaced, safe=True, name="swap")
        return
    # "may be a cure", "may be a miracle": a hedge beside the noun leaves its claim
    noun_claim = (
        job.category in ("cure", "hype")
        and role.kind == "predicate"
        and job.span.root.pos_ in ("NOUN", "PROPN")
    )
    if role.kind == "predicate" and _says_what_it_is_for(job):
        dropped = drops(job, job.span)
        if dropped is not None and job.add({**replaced, **dropped}, safe=True, name="drop"):
            return  # "an option for long-lasting relief" → "an option for relief", not "may be"
    if role.kind in ("verb", "predicate") and how in ("may", "thought", "evidence"):
        if verb_is_hedged(job) and not noun_claim:
            job.add(replaced, safe=True, name="swap")
            return
        if how == "thought" and _thought_for_modal(job, replaced):
            return
        if how != "evidence" and not noun_claim:
            pieces = hedge(job, replaced, thought=how == "thought")
            if pieces is not None:
                job.add(pieces, safe=True, name="hedge")
                return
        if role.kind == "verb":
            return
    elif how == "some":
        doc = job.doc
        replaced = {  # "half of all patients" is a figure; "most user-friendly" a superlative
            i: new
            for i, new in replaced.items()
            if not (i and doc[i - 1].lower_ == "of")
            and not (i + 1 < len(doc) and doc[i + 1].pos_ in ("ADJ", "ADV"))
            and not (i + 2 < len(doc) and doc[i + 2].text == "-")  # "most user-friendly"
        }
        replaced = {**replaced, **_agreement(job, replaced)}
        if replaced and job.add(replaced, safe=True, name="some"):
            _mark_subject_hedged(job, replaced)
            return
        if role.kind in ("verb", "predicate") and not verb_is_hedged(job):
            pieces = hedge(job, replaced)
            if pieces is not None:
                job.add(pieces, safe=True, name="hedge")
        return
    elif how == "swap" and replaced:
        job.add(replaced, safe=True, name="swap")
        return
    # A claim that only qualifies a noun, or a heading: drop its words, or at least swap.
    dropped = drops(job, job.span)
    if dropped is not None and _presupposes_benefit(job, dropped):
        return  # "clinically proven reductions in X" → "reductions in X" still asserts them
    if dropped is not None and job.add(
        {**replaced, **dropped}, safe=_safe_drop(job, dropped), name="drop"
    ):
        return
    if role.kind == "modifier" and _hedge_governing(job, replaced, thought=how == "thought"):
        return
    # A swap alone leaves a weaker claim still stated as fact ("makes the formula
    # effective", "Manages Fatigue"): only where swapping is the whole rewrite.
    alone = (
        how in ("swap", "some")
        or (role.kind == "bare" and job.category not in ("cure", "efficacy"))
        or _only_intensity(job, replaced)
    )
    if replaced and alone:
        job.add(replaced, safe=True, name="swap")


# Words of proof on a noun, and the outcomes that, without them, are still taken as given.
_PROOF_MODIFIERS = frozenset(
    "proven clinically scientifically medically evidence-based science-backed research-backed "
    "documented demonstrated".split()
)
_OUTCOME_TAKEN = frozenset(
    "efficacy effectiveness reduction reductions improvement improvements benefit benefits "
    "results result relief outcomes effects".split()
)


def _thought_for_modal(job: Job, replaced: dict[int, str]) -> bool:
    """ "ketamine can correct chemical imbalances" → "ketamine is thought to correct …": where
    the claim is the verb's object named with its qualities, "may" on the verb would read as
    hedging the act and not what it is said to do to the body (safe: only the hedge changes)."""
    verb, root = job.role.verb, job.span.root
    if verb is None or job.title or verb.tag_ != "VB" or root.dep_ != "dobj" or root.head != verb:
        return False
    if not any(t.dep_ in ("amod", "compound") and t.head == root for t in job.span):
        return False
    modal = next((a for a in auxiliaries(verb) if a.lower_ in ("can", "will")), None)
    subject = subject_of(verb)
    if modal is None or subject is None or subject.lower_ in ("you", "i", "we"):
        return False
    be = "are" if is_plural_subject(subject) else "is"
    return job.add({**replaced, modal.i: f"{be} thought to"}, safe=True, name="thought to")


def _says_what_it_is_for(job: Job) -> bool:
    """A duration or speed only on what the thing is for ("an option for long-lasting relief"):
    the sentence says what the thing is, which no hedge should doubt."""
    if job.category not in ("permanence", "speed"):
        return False
    words = [t for t in job.span if t.lower_ in job.spec.drop and t.is_alpha]
    words = [t for t in words if t.head not in words]  # "lasting" of "long-lasting"
    return bool(words) and all(
        t.dep_ == "amod"
        and t.head.dep_ == "pobj"
        and t.head.head.lower_ == "for"
        and not any(c.lower_ in ("more", "most") for c in t.children)  # "a more lasting …"
        for t in words
    )


def _presupposes_benefit(job: Job, dropped: dict[int, str]) -> bool:
    """Dropping only the proof from an outcome leaves the outcome taken as given: "producing
    clinically proven reductions in anxiety", "The proven efficacy of X is due to …"."""
    doc = job.doc
    if any(doc[i].lower_ not in _PROOF_MODIFIERS for i in dropped if doc[i].is_alpha):
        return False
    heads = {doc[i].head for i in dropped if doc[i].head.i not in dropped}
    return any(h.lower_ in _OUTCOME_TAKEN for h in heads)


def _only_intensity(job: Job, replaced: dict[int, str]) -> bool:
    """The swap only drops the words of size on an outcome ("report major improvements" →
    "report improvements", as the claims guide does): what is left names no size."""
    if job.category != "efficacy" or job.role.kind not in ("modifier", "predicate"):
        return False
    if not _drops_only_modifiers(job, replaced):
        return False  # "a 30% improvement" keeps its figure
    heads = {job.doc[i].head for i in replaced if job.doc[i].head.i not in replaced}
    if any(h.head.lower_ == "with" for h in heads):
        return False  # ", with amazing results" goes whole, never "with results"
    return all(h.lower_ in _OUTCOME_NOUNS for h in heads)


def _drops_only_modifiers(job: Job, replaced: dict[int, str]) -> bool:
    """The change only drops words, and only adjectives and adverbs."""
    return (
        bool(replaced)
        and not any(replaced.values())
        and all(job.doc[i].pos_ in ("ADJ", "ADV") for i in replaced)
    )


# Claims whose words, dropped, leave what the noun is ("a safe procedure" → "a procedure",
# "rapid relief" → "relief", "a clinically validated path" → "a path", "lasting results" →
# "results"): only the strength goes.
_SAFE_DROPS = frozenset({"speed", "safety", "consensus", "permanence"})
# Nouns that carry the claim themselves: "the proven efficacy" without "proven" still
# presupposes it.
_CLAIM_NOUNS = frozenset("efficacy effectiveness safety success potency power fix".split())
# Outcomes: "report major improvements" → "report improvements" is the claims guide's own
# rewrite; a boast of one after a comma (", with excellent results") goes whole.
_OUTCOME_NOUNS = frozenset(
    "benefits benefit results result success recovery relief reduction reductions improvement "
    "improvements gains outcome outcomes effect effects response remission healing change "
    "changes progress".split()
)
# "evidence-based practice", "science-backed ingredients": without them the noun names
# something else; only an unsafe fix drops them.
_NAMING = frozenset("based backed supported tested driven informed".split())


def _safe_drop(job: Job, dropped: dict[int, str]) -> bool:
    """Whether dropping the claim's words is safe: the claim is only a modifier of a noun
    that does not carry the claim itself, and nothing else changed. An outcome keeps its
    promise in a sentence that states it ("…, producing clinically proven reductions in
    anxiety" → "…, producing reductions in anxiety"): there only a heading or a fragment
    ("Rapid symptom relief") is safely left with the outcome alone."""
    doc = job.doc
    fragment = not any(t.tag_ in ("VBZ", "VBP", "VBD", "MD") for t in doc)
    # "An Effective Treatment for ED" → "A Treatment for ED"; in a sentence the treatment
    # would still be said to treat it
    droppable = _SAFE_DROPS | ({"efficacy"} if fragment else set())
    if job.category not in droppable or any(new for new in dropped.values()):
        return False
    if any(doc[i].lower_ in _NAMING for i in dropped):
        return False
    heads = {doc[i].head for i in dropped if doc[i].head.i not in dropped}
    claimed = _CLAIM_NOUNS if fragment else _CLAIM_NOUNS | _OUTCOME_NOUNS
    if job.category == "permanence":
        claimed = _CLAIM_NOUNS  # "a lasting positive effect" is only made plain
    adverbs = all(doc[i].dep_ == "advmod" for i in dropped)
    return all(
        (h.pos_ in ("NOUN", "PROPN") and h.dep_ != "amod" and h.lower_ not in claimed)
        # "…, instantly rehydrating your body": how fast a participle says it goes
        or (job.category == "speed" and adverbs and h.tag_ in ("VBG", "VBN"))
        for h in heads
    )


# Claims that a hedge on the verb governing them covers: "They carry powerful healing
# properties" → "They may carry healing properties"; "…, restoring normal signalling" → "… is
# thought to reshape …, restoring normal signalling".
_GOVERNED = frozenset({"efficacy", "mechanism", "cure", "permanence", "speed"})


def _hedge_governing(job: Job, replaced: dict[int, str], thought: bool) -> bool:
    """A claim that qualifies a noun or sits in a participle phrase is hedged on the finite
    verb that governs it, unless that verb is the writer's own act or a report. Unsafe: the
    hedge covers more than the claim's own words; but a mechanism is the verb's own claim, and
    "is thought to" on that verb keeps its meaning ("TMS helps balance …, restoring …")."""
    verb = job.role.verb if job.role.verb is not None else finite_above(job.span.root)
    # safe only where the rule's claim is the verb's own: one set off after a comma ("…,
    # producing new neurons") reads as a further claim that "is thought to" leaves stated
    own = job.model or not set_off(job.span, verb)
    safe = job.category == "mechanism" and thought and own
    if job.category not in _GOVERNED or not (job.unsafe or safe):
        return False
    if verb is None or verb.lower_ in REPORTING or own_action(verb) or verb_is_hedged(job):
        return False
    if verb.lower_ in _COPULAS and any(c.dep_ == "prep" for c in verb.children):
        return False  # "It's about a powerful tool": not a claim "may" can carry
    if verb.lower_ in _COPULAS and _in_a_phrase_of_the_noun(job.span.root, verb):
        return False  # "is now a routine operation with good success rates": "may now be"
        # would doubt what the operation is, and leave the success rates stated
    if any(
        (t.lower_ in _PROOF or base_form(t.text) in EVIDENCE) and t.i not in replaced
        for t in verb.subtree
    ):
        return False  # "may have a proven success rate", "may keep confirming"
    if in_perfect(verb):
        return False  # "has emerged as a powerful tool": "may have emerged" doubts a fact
    if thought and verb.lower_ in _COPULAS:
        return False  # "The problem is thought to be that …"
    governed = replace(job, role=Role("predicate", verb))
    degree = [c for c in verb.children if c.dep_ == "advmod" and c.i not in replaced]
    replaced = {**replaced, **swaps(job, degree)}  # "rates rise dramatically" → "may rise"
    pieces = hedge(governed, replaced, thought=thought)
    safe = safe or _only_size_in_main_clause(job, verb, replaced)
    return pieces is not None and job.add(pieces, safe=safe, name="hedge the governing verb")


def _in_a_phrase_of_the_noun(word: Token, verb: Token) -> bool:
    """The word sits in a prepositional phrase of the noun the copula says the subject is
    ("a routine operation with good success rates"; not "one of the most effective tools")."""
    token = word
    while token.i != verb.i and token.head.i != token.i:
        if token.dep_ == "prep" and token.lower_ != "of":
            return token.head.dep_ == "attr" and token.head.head.i == verb.i
        token = token.head
    return False


def _only_size_in_main_clause(job: Job, verb: Token, replaced: dict[int, str]) -> bool:
    """The claim is only how big an outcome is, said of the sentence's main verb or its
    object, and the rewrite only drops those words: "patients see a significant drop in
    symptoms" → "patients may see a drop in symptoms", "success rates climb dramatically" →
    "success rates may climb". The hedge covers the one clause the claim is in."""
    if job.category != "efficacy" or verb.dep_ != "ROOT" or verb.lower_ in _COPULAS:
        return False
    if not _drops_only_modifiers(job, replaced):
        return False
    doc = job.doc
    for i in replaced:
        head = doc[i].head
        while head.i in replaced and head.i != head.head.i:
            head = head.head  # "rapid and dramatic": the conjunct's head
        if not (head.i == verb.i or (head.dep_ == "dobj" and head.head.i == verb.i)):
            return False
    return True


def set_off(span, verb: Token | None) -> bool:
    """The claim is in a phrase set off after its verb by a comma ("…, easing pain")."""
    if verb is None or span.start <= verb.i:
        return False
    phrase = span.root
    while phrase.head.i != verb.i and phrase.head.i != phrase.i:
        phrase = phrase.head
    before = phrase.left_edge.i - 1
    return phrase.head.i == verb.i and before > verb.i and span.doc[before].text in (",", "—", ";")


def finite_above(token: Token) -> Token | None:
    """The first finite verb above a non-finite one ("easing" of "…, easing pain")."""
    passed = _adverbial(token)
    while token.head.i != token.i:
        if token.dep_ in ("relcl", "ccomp", "parataxis", "nsubj", "nsubjpass", "csubj"):
            return None  # a clause of its own, or the subject: "The method for ending …"
        token = token.head
        if token.pos_ not in ("VERB", "AUX"):
            continue
        if token.tag_ in ("VBZ", "VBP", "VBD") or auxiliaries(token):
            return token if passed else None
        passed = passed or _adverbial(token)
    return None


def _adverbial(token: Token) -> bool:
    """A participle or infinitive phrase that adds to its clause's verb ("…, easing pain",
    "by rebalancing …"), not one that qualifies a noun ("a proven method")."""
    return (
        token.pos_ in ("VERB", "AUX")
        and token.tag_ in ("VBG", "VBN", "VB")
        and token.dep_ in ("advcl", "pcomp", "xcomp", "conj", "pobj", "dep")
    )


def _agreement(job: Job, replaced: dict[int, str]) -> dict[int, str]:
    """ "every patient recovers" → "some patients recover": the noun after a determiner
    that became "some" turns plural, and so does its verb ("every one of" → "some of")."""
    out: dict[int, str] = {}
    doc = job.doc
    for index, new in replaced.items():
        token = doc[index]
        if token.lower_ not in ("every", "each", "any") or new.lower() != "some":
            continue
        after = doc[index + 1] if index + 1 < len(doc) else None
        if after is not None and after.lower_ == "one" and doc[after.i + 1 :][:1].text == "of":
            out[after.i] = ""  # "every one of our patients recovers" → "some of … recover"
            if after.dep_ in ("nsubj", "nsubjpass"):
                out.update(_plural_verb(job, after.head))
            continue
        noun: Token | None
        if after is not None and after.lower_ in job.lexicon.plurals:
            noun = after  # "every patient", even when the parser reads it as a modifier
        else:
            noun = token.head if token.head.i > token.i and token.head.tag_ == "NN" else None
        if noun is None:
            continue
        plural = job.lexicon.plurals.get(noun.lower_) or inflect_noun(noun.lower_)
        out[noun.i] = job.cased(noun, plural)
        verb = job.role.verb
        if verb is not None and (noun.dep_ in ("nsubj", "nsubjpass") or verb.i == noun.i + 1):
            out.update(_plural_verb(job, verb))
    for index in replaced:  # "everyone responds" → "some people respond"
        token = doc[index]
        if token.lower_ not in ("everyone", "everybody", "anyone"):
            continue
        if token.dep_ in ("nsubj", "nsubjpass"):
            out.update(_plural_verb(job, token.head))
        for clause in (c for c in token.children if c.dep_ == "relcl"):
            out.update(_plural_verb(job, clause))  # "anyone who plays" → "some people who play"
            for joined in (c for c in clause.children if c.dep_ == "conj"):
                out.update(_plural_verb(job, joined))  # "… or stays active" → "… or stay"
    return out


def _plural_verb(job: Job, verb: Token) -> dict[int, str]:
    forms = {"is": "are", "was": "were", "has": "have", "does": "do", "'s": "'re"}
    for token in (*auxiliaries(verb), verb):
        if token.lower_ in forms:
            return {token.i: job.cased(token, forms[token.lower_])}
        if token.tag_ in ("VBZ", "NNS"):
            return {token.i: job.cased(token, base_form(token.text))}
        if token.tag_ in ("MD", "VBD", "VBP"):
            return {}
    return {}


def inflect_noun(noun: str) -> str:
    from lemminflect import getInflection

    forms = getInflection(noun, tag="NNS")
    return forms[0] if forms else noun


def _mark_subject_hedged(job: Job, changed: dict[int, str]) -> None:
    """A subject that now says "some" hedges its verb: no "may" goes on it as well."""
    verb = job.role.verb
    if verb is None:
        return
    subject = subject_of(verb)
    inside = {t.i for t in subject.subtree} if subject is not None else set()
    if subject is None or verb.tag_ == "NNS":
        inside = set(range(0, verb.i))
    if inside.intersection(changed):
        job.hedged.add(verb.i)


# Categories with more to do than swap, drop and hedge -------------------------------------


_DISORDERS = frozenset("ocd ptsd adhd depression anxiety insomnia eczema psoriasis ibs".split())


def _cure(job: Job) -> bool:
    """ "It cures OCD." → "It may ease OCD symptoms for some people." (the claims guide's
    rewrite), when the verb's object is a disorder's name that ends the clause."""
    verb = job.role.verb
    if job.title and (_cure_heading(job) or _how_to(job) or heading_verb(job)):
        return True
    if _or_even_ended(job):
        return True
    if job.role.kind == "predicate" and verb is not None:
        if existential(verb):
            return False  # "There is a cure for X" has no subject to "may ease" it
        return _is_the_cure(job, verb)
    if job.role.kind != "verb" or verb is None or verb.lower_ not in ("cures", "cure"):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if len(objects) != 1 or objects[0].lower_ not in _DISORDERS or list(objects[0].children):
        return False
    after = objects[0].i + 1
    doc = job.doc
    if after < len(doc) and not doc[after].is_punct:
        return False
    replaced = swaps(job, [verb])
    pieces = hedge(job, replaced)
    if pieces is None:
        return False
    pieces[objects[0].i] = f"{objects[0].text} symptoms for some people"
    return job.add(pieces, safe=True, name="may ease symptoms for some people")


# Verbs that end a condition, and the weaker ones they are joined to: "reduce or even
# eliminate snoring", "improve or reverse obesity-related diseases".
_ENDING = frozenset(
    "eliminate reverse cure end stop heal eradicate wipe resolve erase banish".split()
)
_WEAKER = frozenset(
    """reduce ease relieve manage improve lessen control slow lower soothe calm treat
    alleviate minimize minimise diminish shrink decrease""".split()
)
# Adverbs that make a cure absolute: "How to Completely Reverse …", "… Permanently".
_FOR_GOOD = frozenset("completely fully totally entirely permanently forever naturally".split())
# The absolutes that go with the stronger verb: "wiped out entirely".
_WHOLLY = (_FOR_GOOD - {"naturally"}) | {"altogether"}
# What may stand between the two: "or", "and", ", and even", "or possibly completely".
_BETWEEN = frozenset(
    ", or and even possibly sometimes potentially completely fully totally entirely".split()
)


def _or_even_ended(job: Job) -> bool:
    """ "can reduce or even eliminate snoring" → "can reduce snoring": the stronger verb goes
    with what joins it to the weaker one, which says what the treatment may do (safe: only
    the strength goes); a weaker verb stated as fact is hedged ("reduces or eliminates pain"
    → "may reduce pain")."""
    doc = job.doc
    ending = next(
        (
            t
            for t in doc[job.span.start : job.span.end]
            if t.dep_ == "conj" and base_form(t.lower_) in _ENDING
        ),
        None,
    )
    if ending is None:
        return False
    weaker = ending.head
    if weaker.i >= ending.i or base_form(weaker.lower_) not in _WEAKER:
        return False
    between = doc[weaker.i + 1 : ending.i]
    if not between or any(t.lower_ not in _BETWEEN for t in between):
        return False
    if base_form(ending.lower_) == "wipe" and not (
        ending.i + 1 < len(doc) and doc[ending.i + 1].lower_ == "out"
    ):
        return False  # "wipe" alone is no ending: "reduce and wipe the skin"
    gone = {t.i: "" for t in between} | {ending.i: ""}
    last = ending.i
    if last + 1 < len(doc) and doc[last + 1].dep_ == "prt":
        last += 1
        gone[last] = ""  # "wipe out"
    if between[0].text == "," and last + 1 < len(doc) and doc[last + 1].text == ",":
        gone[last + 1] = ""  # "control, and even reverse, your diabetes"
    # its absolutes go with it: "reduced or even wiped out entirely"
    gone.update(
        {
            c.i: ""
            for c in (*ending.children, *weaker.children)
            if c.dep_ == "advmod" and c.lower_ in _WHOLLY and c.i > ending.i
        }
    )
    verb_job = replace(job, role=Role("verb", weaker))
    if not verb_is_hedged(verb_job):
        hedged = hedge(verb_job, gone)
        if hedged is not None:
            gone = hedged  # "can reduce" → "may reduce"
        elif weaker.tag_ in ("VBZ", "VBP"):
            return False  # a fact would be left: "reduces pain"
    return job.add(gone, safe=True, name="the weaker verb stays")


_HYPE_WORDS = frozenset("ultimate best perfect miracle magic real true only natural".split())
# What a heading says of its cure that only adds strength: "The Legendary Cure for X".
_CURE_PRAISE = _HYPE_WORDS - {"natural"} | frozenset(
    """legendary rapid fast quick instant permanent lasting definitive proven amazing
    incredible revolutionary guaranteed complete total miraculous one""".split()
)


def _how_to(job: Job) -> bool:
    """A "How to" heading promises what its verb does: the verb takes its template's weaker
    word and its absolutes go ("How to Completely Reverse Arthritis" → "How to Ease
    Arthritis", "How to Beat Insomnia Permanently" → "How to Manage Insomnia")."""
    doc = job.doc
    verb = next((t for t in job.span if t.tag_ == "VB" and t.dep_ == "ROOT"), None)
    if verb is None:
        verb = next((t for t in doc if t.tag_ == "VB" and t.dep_ == "ROOT"), None)
    if (
        verb is None
        or not any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children)
        or not any(c.lower_ == "how" for c in verb.children)
    ):
        return False
    new = swaps(job, [verb]).get(verb.i)
    if not new:
        return False
    pieces = {verb.i: job.cased(verb, new)}
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in _FOR_GOOD and child.lower_ != "naturally":
            pieces[child.i] = ""
    return job.add(pieces, safe=True, name="how to ease")


# Adverbs that only say how well: what a heading's verb loses ("Treats PTSD Effectively").
_HOW_WELL = (_FOR_GOOD - {"naturally"}) | frozenset(
    "effectively successfully dramatically significantly quickly rapidly fast instantly "
    "powerfully safely".split()
)


def heading_verb(job: Job) -> bool:
    """A heading's verb of cure or benefit takes its template's weaker word and loses the
    adverbs beside it that only say how well: "Helping You Successfully Overcome Migraine" →
    "Helping You Manage Migraine", "Clinic Treats Back Pain Effectively" → "Clinic Treats
    Back Pain" (a heading takes no "may"). Title case misleads the parser, so the verb is
    the word the template swaps as a verb."""
    doc = job.doc
    table = job.spec.swaps
    pieces: dict[int, str] = {}
    verb = None
    for token in job.span:
        new = table.get(f"{token.lower_}/VERB", table.get(token.lower_))
        if f"{token.lower_}/NOUN" in job.spec.rewrites and token.pos_ != "VERB":
            continue  # "the Ultimate Hangover Cure" names a thing
        if any(t.lower_ in _AUXILIARIES for t in doc[max(0, token.i - 2) : token.i]):
            return False  # "Can Be Reversed" takes the hedge on its modal
        if new and token.is_alpha and token.lower_ not in _HOW_WELL:
            verb = token
            pieces[token.i] = job.cased(token, _heading_form(token.lower_, new))
            break
    if verb is None:
        verb = next((t for t in job.span if t.pos_ == "VERB" or t.tag_ == "NNPS"), None)
    if verb is None:
        return False
    last = len(doc) - 1 if not doc[-1].is_punct else len(doc) - 2
    for i in (verb.i - 1, verb.i + 1, *(t.i for t in job.span), last):
        if not 0 <= i < len(doc) or doc[i].lower_ not in _HOW_WELL:
            continue
        if doc[i].dep_ == "advmod" or doc[i].tag_ == "RB":
            pieces[i] = ""
            if i == last and doc[i - 1].is_punct:
                pieces[i - 1] = ""  # "…, Fast" goes with its comma
    words = [t for t in doc if t.is_alpha and pieces.get(t.i) != ""]
    if not pieces or len(words) < 3:
        return False  # what is left must still say what it does to what
    return job.add(pieces, safe=True, name="heading verb")


_AUXILIARIES = frozenset("can could will would be is are was were been".split())


def _heading_form(word: str, new: str) -> str:
    """The swapped word in the heading verb's form: "Cures" → "Eases", "Curing" → "Easing"."""
    if " " in new or new.endswith(("ing", "ed")):
        return new
    if word.endswith("ing"):
        return new[:-1] + "ing" if new.endswith("e") else new + "ing"
    if word.endswith("s") and not word.endswith("ss") and not new.endswith("s"):
        return regular_third_person(new)
    return new


def _cure_heading(job: Job) -> bool:
    """A heading that names a cure for something ("The Legendary Cure for Back Pain",
    "Acupuncture: The Natural Cure for Migraines") names a treatment for it: "A Natural
    Treatment for Migraines"; its praise goes."""
    noun = next((t for t in job.span if t.lower_ in ("cure", "cures")), None)
    if noun is None or noun.pos_ not in ("NOUN", "PROPN"):
        return False
    if not (noun.dep_ == "ROOT" or (noun.dep_ == "appos" and noun.head.dep_ == "ROOT")):
        return False
    if not any(c.dep_ == "prep" and c.lower_ == "for" for c in noun.children):
        return False
    if any(t.dep_ in ("relcl", "acl") for t in noun.subtree):
        return False  # "… That Works" claims on
    before = [t for t in noun.lefts]
    if any(t.dep_ not in ("det", "amod", "compound") for t in before):
        return False
    if noun.i - (before[0].i if before else noun.i) != len(before):
        return False
    plural = noun.lower_ == "cures"
    pieces = {noun.i: job.cased(noun, "treatments" if plural else "treatment")}
    for token in before:
        if token.dep_ == "det" and token.lower_ == "the" and not plural:
            pieces[token.i] = "A" if token.text[:1].isupper() else "a"
        elif token.dep_ != "det" and token.lower_ in _CURE_PRAISE:
            pieces[token.i] = ""
        elif token.dep_ != "det" and token.tag_ not in ("JJ", "NNP"):
            return False  # a compound noun: "Hangover Cure for …" says what it cures
    return job.add(pieces, safe=True, name="a treatment for")


def _is_the_cure(job: Job, verb: Token) -> bool:
    """ "IV hydration is the ultimate hangover cure" → "IV hydration may ease hangover
    symptoms for some people"; "X is a cure for insomnia" → "X may ease symptoms of insomnia
    for some people" (unsafe: the sentence says less)."""
    if verb.lower_ not in ("is", "are", "'s", "'re") or any(
        c.dep_ in ("aux", "neg") for c in verb.children
    ):
        return False
    noun = next((t for t in job.span if t.lower_ in ("cure", "cures", "remedy")), None)
    if noun is None or noun.dep_ != "attr" or noun.head.i != verb.i:
        return False
    doc = job.doc
    words = list(noun.subtree)
    if words[-1].i - words[0].i + 1 != len(words) or words[0].i != verb.i + 1:
        return False
    condition = [c for c in noun.lefts if c.dep_ == "compound"]
    of = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "for"), None)
    if of is not None and not condition:
        what = [t for t in of.subtree if t.i != of.i]
        if not what or any(t.pos_ in ("VERB", "AUX") for t in what):
            return False
        new = f"symptoms of {doc[what[0].i : what[-1].i + 1].text} for some people"
    elif condition and of is None:
        first = noun.i
        while (
            first - 1 > verb.i
            and doc[first - 1].dep_ == "compound"
            and doc[first - 1].lower_ not in _HYPE_WORDS
        ):
            first -= 1  # "hangover" of "the ultimate hangover cure", not "ultimate"
        if first == noun.i:
            return False
        condition_words = doc[first : noun.i].text
        new = (
            f"{condition_words if job.title else condition_words.lower()} symptoms for some people"
        )
    else:
        return False
    pieces = {t.i: "" for t in words}
    pieces[verb.i] = job.cased(verb, "may ease")
    pieces[words[0].i] = job.cased(words[0], new) if job.title else new
    return job.add(pieces, safe=False, name="may ease symptoms for some people")


def _superiority(job: Job) -> bool:
    """ "Unlike X, ..." goes; "the best treatment" → "an option"; "recover much faster than
    traditional methods" → "recover"."""
    words = [t.lower_ for t in job.span]
    if words and words[0] in ("unlike", "instead", "rather"):
        return _drop_contrast(job)
    if _measured_comparison(job):
        return True  # "2 to 3 times more effective than …": a figure to source, not to hedge
    if _an_alternative(job) or _works_differently(job) or _drop_comparison(job):
        return True
    if (
        job.category == "superiority"
        and any(w in _SUPERIORITY_WORDS for w in words)
        and not any(w in ("than",) for w in words)
    ):
        return _one_option(job)
    return False


_MULTIPLES = frozenset("times twice double triple half % percent".split())


def _measured_comparison(job: Job) -> bool:
    """A comparison by a figure ("2 to 3 times more effective", "twice as good as", "50% faster
    than"): "may be twice as good" still states the figure, so it gets advice (cite it)."""
    doc = job.doc
    start = max(0, job.span.start - 4)
    return any(t.lower_ in _MULTIPLES for t in doc[start : job.span.end]) and any(
        t.lower_ in ("than", "as") for t in doc[job.span.start : min(len(doc), job.span.end + 3)]
    )


# Comparatives that praise: what "X is safer and more effective than Y" claims.
_BETTER = frozenset(
    "better safer stronger superior effective efficacious powerful potent successful "
    "beneficial gentler".split()
)


def _comparison(job: Job) -> Token | None:
    """The "than" (or the "to" of "superior to") of the claim's comparison."""
    doc = job.doc
    return next(
        (
            t
            for t in doc[job.span.start : min(len(doc), job.span.end + 3)]
            if t.lower_ == "than" or (t.lower_ == "to" and t.head.lower_ == "superior")
        ),
        None,
    )


def _degree(word: Token) -> list[Token]:
    """A comparative with the comparatives joined to it and their "more", "far", "much"."""
    return _joined_words(word, lambda c: c.dep_ == "advmod" and c.pos_ == "ADV")


def _joined_words(word: Token, also: Callable[[Token], bool]) -> list[Token]:
    """The word with the words joined to it ("and", conjuncts), and, all through, the children
    that ``also`` keeps."""
    words = [word]
    for child in word.children:
        if child.dep_ in ("cc", "conj") or also(child):
            words += _joined_words(child, also)
    return words


def _an_alternative(job: Job) -> bool:
    """ "X is safer and more effective than Y", "More Effective Than Y", "X is superior to Y"
    → "X is an alternative to Y" (unsafe: the comparison goes, what it names stays)."""
    link = _comparison(job)
    if link is None:
        return False
    top = link.head
    while top.dep_ == "conj":
        top = top.head
    verb = top.head
    copula = top.dep_ == "acomp" and verb.lower_ in BE
    if top.pos_ != "ADJ" or not (copula or (top.dep_ == "ROOT" and job.title)):
        return False
    words = sorted({*_degree(top), link} - set(link.subtree) | {link}, key=lambda t: t.i)
    adjectives = {t.lower_ for t in words if t.pos_ == "ADJ"}
    if not adjectives <= _BETTER or any(t.like_num for t in words):
        return False  # "3 times more effective": a figure to source
    if _other_comparative(job, words):
        return False
    first = words[0].i
    if words[-1].i - first + 1 != len(words) or first != (verb.i + 1 if copula else 0):
        return False
    if not any(c.dep_ in ("pobj", "pcomp") for c in link.children):
        return False
    plural = copula and is_plural_subject(subject_of(verb))
    pieces = {t.i: "" for t in words}
    pieces[first] = job.cased(words[0], "alternatives to" if plural else "an alternative to")
    return job.add(pieces, safe=False, name="an alternative")


def _other_comparative(job: Job, words: list[Token]) -> bool:
    """Another comparison that praises, which the "than" phrase also serves ("work better
    and are safer than Y"): without Y it would compare with nothing."""
    taken = {t.i for t in words}
    return any(
        t.tag_ in ("JJR", "RBR") and t.lower_ in _BETTER | {"faster", "quicker"}
        for t in job.doc
        if t.i not in taken
    )


def _works_differently(job: Job) -> bool:
    """ "works better than Y", "acts faster than Y" → "works differently from Y" (the
    rulebook's own advice; unsafe: the comparison goes)."""
    link = _comparison(job)
    if link is None or link.lower_ != "than":
        return False
    comparative = link.head
    verb = comparative.head
    if comparative.dep_ not in ("advmod", "conj") or comparative.pos_ != "ADV":
        return False
    if base_form(verb.lower_) not in ("work", "act", "perform"):
        return False
    words = sorted({*_degree(comparative), link} - set(link.subtree) | {link}, key=lambda t: t.i)
    if words[-1].i - words[0].i + 1 != len(words) or words[0].i != verb.i + 1:
        return False
    if _other_comparative(job, words) or any(
        c.lower_ == "for" for t in (verb, *link.children) for c in t.children
    ):
        return False  # "works better than pills for lasting results" is no difference
    pieces = {t.i: "" for t in words}
    pieces[words[0].i] = job.cased(words[0], "differently from")
    return job.add(pieces, safe=False, name="works differently")


def _drop_comparison(job: Job) -> bool:
    """An adverb of comparison on a verb, with its "than" phrase, goes whole: "rehydrate your
    body faster than water alone" → "rehydrate your body" (unsafe). Not on "works" or "is",
    which would be left saying only that it works."""
    doc, span = job.doc, job.span
    than = next((t for t in doc[span.start : span.end + 3] if t.lower_ == "than"), None)
    if than is None:
        return False
    comparative = than.head
    if comparative.tag_ != "RBR" or comparative.dep_ != "advmod":
        return False
    verb = comparative.head
    if verb.pos_ != "VERB" or base_form(verb.text) in ("work", "be", "act", "perform", "do"):
        return False
    if base_form(verb.text) in _LINKING:
        return False  # "looking far better than before": the comparative is what it says
    words = sorted(comparative.subtree, key=lambda t: t.i)
    if words[-1].i - words[0].i + 1 != len(words) or words[0].i <= verb.i:
        return False
    gone = {t.i for t in words}
    after = words[-1].i + 1
    if (
        after < len(doc)
        and doc[after].is_alpha
        and doc[after].pos_ not in ("CCONJ", "ADP", "SCONJ")
    ):
        return False
    return job.add({i: "" for i in gone}, safe=False, name="drop comparison")


def _drop_contrast(job: Job) -> bool:
    """Remove an "Unlike X," or "instead of masking symptoms" phrase whole."""
    head = job.span[0]
    doc = job.doc
    words = list(head.subtree)
    if head.lower_ in ("instead", "rather") and head.i + 1 < len(doc):
        link = doc[head.i + 1]  # "instead of masking symptoms": "of" may hang elsewhere
        words = sorted({*words, *link.subtree}, key=lambda t: t.i)
        if not any(c.dep_ in ("pobj", "pcomp") for c in link.children):
            # the parse left "of" without its object: take the noun phrase after it whole
            chunk = next((c for c in doc.noun_chunks if c.start == link.i + 1), None)
            if chunk is None:
                return False
            words = sorted({*words, *doc[head.i : chunk.end]}, key=lambda t: t.i)
    if words[-1].i - words[0].i + 1 != len(words):
        return False
    if not any(t.pos_ in ("NOUN", "PROPN", "PRON", "VERB") for t in words[1:]):
        return False  # not a whole phrase: "instead of" alone
    gone = {t.i for t in words}
    after = words[-1].i + 1
    before = words[0].i - 1
    if after < len(doc) and doc[after].text == ",":
        gone.add(after)  # "Unlike X, it ..." and "it, unlike X, does ..." lose this comma
    if before >= 0 and doc[before].text == "," and words[0].i != 0:
        gone.add(before)  # "..., unlike X." and the parenthesis's opening comma
    if after < len(doc) and doc[after].is_alpha and doc[after].pos_ not in ("CCONJ", "ADP"):
        # the phrase ran into the next words: only a whole constituent goes
        nxt = doc[after]
        if nxt.head.i in gone or any(t.head.i == nxt.i for t in words):
            return False
    if all(i in gone or not t.is_alpha for i, t in enumerate(doc)):
        return False
    if head.lower_ == "unlike" and any(_compares(t, job) for t in doc if t.i not in gone):
        # what is left compares with X ("… work faster", "safer for long-term use"): without
        # X it would compare with nothing, and named it stays a comparison: advice
        job.plan.advice_only = True
        return True
    # the phrase is the claim and all of it goes: the rest of the sentence says what it said
    return job.add({i: "" for i in gone}, safe=True, name="drop contrast")


# Verbs whose comparative says what something becomes: "look better", "feel younger".
_LINKING = frozenset("look feel seem appear become get stay remain sound grow".split())
_COMPARED_NOUNS = frozenset("impact option choice alternative way treatment".split())
# Comparatives that compare with nothing named: "more" of a quantity, "later" of time.
_NOT_COMPARED = frozenset({"more", "less", "further", "later", "earlier", "older", "younger"})


def _compares(token: Token, job: Job) -> bool:
    """A comparative left to compare with what "Unlike" named ("work faster", "are safer",
    "more effective", "faster relief"); not one with its own "than" ("fewer than 1%"), not
    "more sessions", not a noun's kind ("the deeper layers of muscle")."""
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if token.tag_ not in ("JJR", "RBR") or (after is not None and after.lower_ == "than"):
        return False
    if token.lower_ in _NOT_COMPARED:
        return after is not None and after.pos_ in ("ADJ", "ADV")
    if token.dep_ == "amod":
        return token.head.lower_ in job.lexicon.benefit | _COMPARED_NOUNS
    return True


def _one_option(job: Job) -> bool:
    """ "the most effective treatment for X" → "an option for X" (safe: only the praise
    goes)."""
    span, doc = job.span, job.doc
    if _one_of_these(job):
        return True
    if [t.lower_ for t in span[:3]] == ["one", "of", "the"] and len(span) > 4:
        span = span[2:]  # "one of the most powerful tools" → "one of the tools"
    noun = span.root if span.root.pos_ in ("NOUN", "PROPN") else span.root.head
    while noun.dep_ in ("compound", "amod") and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head  # "highest-quality" qualifies "option", not "quality"
    if noun.pos_ not in ("NOUN", "PROPN") or noun.lower_ in _EMPTY_NOUNS:
        return False  # "the most effective one", "kind": nothing left to name the option
    if _scoped(noun):
        return False  # "the most potent drugs available", "the top program in the country"
    if _reason_given(noun):
        return False  # "the ideal treatment, because a trance mirrors sleep": the reason stays
    first = min(
        [
            span.start,
            *(
                c.i
                for c in noun.children
                if c.dep_ in ("det", "amod", "advmod", "compound", "nummod") and c.i < noun.i
            ),
        ]
    )
    claim_words = [
        t
        for t in doc[first : noun.i]
        if span.start <= t.i < span.end or t.dep_ == "det" or t.lower_ in ("most", "the")
    ]
    if not claim_words or claim_words[0].i != first:
        return False
    plural = noun.tag_ in ("NNS", "NNPS")
    between = doc[claim_words[-1].i + 1 : noun.i]
    # the words that say what the noun is ("addiction treatment option") stay; a list of
    # praise after a comma ("the most proven, lasting solution") goes with the superlative
    kept = [t for t in between if t.dep_ in ("compound", "amod")]
    if any(t.text == "," for t in between) or noun.lower_ not in _OPTION_NOUNS:
        kept = []  # "the most effective ketamine treatment" → "an option"
    if first > 0 and doc[first - 1].lower_ == "of" and doc[first].lower_ == "the":
        # "one of the best tools" → "one of the tools"; "one of the most powerful
        # foundation nootropics" → "one of the foundation nootropics"
        pieces = {t.i: "" for t in claim_words if t.i != first and _superlative(t)}
        if any(c.dep_ in ("cc", "conj") for i in pieces for c in doc[i].children):
            return False  # "the most effective and safest": no words to keep in between
        return bool(pieces) and job.add(pieces, safe=True, name="one of the")
    safe = True  # only the praise goes
    if not kept and (noun.lower_ in _SUPERLATIVE_NOUNS or noun.lower_ in ("standard", "choice")):
        new_noun = "options" if plural else "option"
        pieces = {t.i: "" for t in doc[first : noun.i + 1]}
        # "of choice" after the noun is part of the superlative
        tail = _of_choice(noun)
        pieces.update({t.i: "" for t in tail})
        det = "some" if plural else article_for(new_noun)
        pieces[first] = job.cased(doc[first], f"{det} {new_noun}")
        after = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
        if noun.lower_ == "standard" and after is not None and after.lower_ == "of":
            pieces.setdefault(after.i, "for")  # "the gold standard of care" → "an option for"
    else:
        # the superlative goes; words that say what the noun is stay ("The 10 Most Powerful
        # Natural Sleep Aids" → "10 Natural Sleep Aids"): unsafe, "the" may have named one
        safe = False
        if noun.dep_ in ("nsubj", "nsubjpass") and noun.lower_ != "way":
            return False  # "The most effective tools are the ones …": not "Some tools are"
        pieces = {
            w.i: ""
            for t in claim_words
            if t.i < noun.i and (t.i == first or t.dep_ == "det" or _superlative(t))
            for w in hyphenated(doc, t)
            if w.i < noun.i
        }
        if splits_compound(doc, set(pieces)):
            return False  # "the highest-quality care": not "a-quality care"
        following = next((t for t in doc[first : noun.i + 1] if t.i not in pieces), noun)
        if following.is_punct:
            return False  # "the highest-quality, cream-of-the-crop centers": advice
        plural = plural or (
            is_title(doc) and noun.lower_.endswith("s") and noun.lower_[-2:] != "ss"
        )
        det = "some" if plural else article_for(following.text)
        if following.like_num:
            det = ""  # "the 10 most powerful aids" → "10 aids"
        if not plural and noun.lower_ in _UNCOUNTABLE:
            det = ""  # "the most advanced pain care" → "pain care", never "a pain care"
        pieces[first] = job.cased(doc[first], det) if det else ""
        if noun.lower_ == "way":
            pieces[first] = job.cased(doc[first], "one")  # "the most efficient way" → "one way"
            safe = True
    pieces.update({t.i: "" for t in _there_is(noun)})
    # "is simply the best choice" → "is an option": the emphasis goes with the superlative
    pieces.update(
        {
            c.i: ""
            for c in (*noun.head.children, *noun.children)
            if c.dep_ == "advmod" and c.lower_ in _EMPHASIS and c.i < first
        }
    )
    if first >= 2 and [t.lower_ for t in doc[first - 2 : first]] == ["by", "far"]:
        pieces.update({first - 2: "", first - 1: ""})  # "is by far the gold standard"
    return job.add(pieces, safe=safe, name="an option")


_EMPHASIS = CERTAINTY | {"quite", "easily"}


# Nouns that name no option of their own: "the best one", "the most successful kind".
_EMPTY_NOUNS = frozenset("one ones kind kinds type types sort sorts form forms".split())
# What a superlative ranks within: "in the country", "in nature", "available", "ever".
_SCOPES = frozenset(
    """country world nation nature market area region city town state industry field planet
    business universe us uk""".split()
)


def _reason_given(noun: Token) -> bool:
    """The sentence says why its superlative holds ("… because a trance mirrors the doorway
    into sleep"): "an option" would keep the reason stated as fact."""
    return _argued(noun.head if noun.dep_ in ("attr", "dobj", "appos") else noun, _BECAUSE)


def _argued(verb: Token, openers: frozenset[str]) -> bool:
    """Whether a clause opened by one of these words ("because", "although") is set under
    the verb."""
    return any(
        c.dep_ == "advcl" and any(m.lower_ in openers for m in c.children) for c in verb.children
    )


def _scoped(noun: Token) -> bool:
    """The noun phrase says what its superlative ranks it within ("X is the most potent drug
    available", "ranks as the top program in the country"): without the superlative it says
    nothing ("uses the most advanced equipment available" too). (Not a place where something
    is offered: "offers the best care in the region".)"""
    if any(c.lower_ in ("available", "ever", "anywhere", "around", "today") for c in noun.rights):
        return True
    if noun.dep_ not in ("attr", "pobj", "oprd"):
        return False
    return any(
        child.dep_ == "prep" and any(t.lower_ in _SCOPES for t in child.subtree)
        for child in noun.rights
    )


def _superlative(token: Token) -> bool:
    """A word of the superlative: "best", "most" and the word it grades, "leading"."""
    if token.tag_ in ("JJS", "RBS") or token.lower_ in _SUPERIORITY_WORDS:
        return True
    return any(c.tag_ == "RBS" and c.dep_ == "advmod" for c in token.children)


def _there_is(noun: Token) -> list[Token]:
    """ "there is" after a superlative's noun ("the best option there is") goes with it."""
    clause = next((c for c in noun.rights if c.dep_ == "relcl"), None)
    if clause is None:
        return []
    words = sorted(clause.subtree, key=lambda t: t.i)
    if [t.lower_ for t in words] in (["there", "is"], ["there", "are"]):
        return words
    return []


def _one_of_these(job: Job) -> bool:
    """ "the most profound of these tools" → "one of these tools"."""
    adjective = job.span.root
    if adjective.pos_ != "ADJ" or not any(
        c.dep_ == "prep" and c.lower_ == "of" for c in adjective.children
    ):
        return False
    lead = [c for c in adjective.lefts if c.dep_ in ("det", "advmod")]
    if not lead or lead[0].lower_ != "the" or any(c.lower_ not in ("the", "most") for c in lead):
        return False
    pieces = {c.i: "" for c in lead}
    pieces[lead[0].i] = job.cased(lead[0], "one")
    pieces[adjective.i] = ""
    return job.add(pieces, safe=False, name="one of the")


def _of_choice(noun: Token) -> list[Token]:
    doc = noun.doc
    if (
        noun.i + 2 < len(doc)
        and doc[noun.i + 1].lower_ == "of"
        and doc[noun.i + 2].lower_ == "choice"
    ):
        return [doc[noun.i + 1], doc[noun.i + 2]]
    return []


_PRIVATIVE = frozenset({"without", "no", "never", "not", "n't", "nothing", "none", "free"})


def _generalization(job: Job) -> bool:
    """ "patients usually report" → "some patients report"; a figure ("85% of our clients",
    "one in three patients", "45 to 75% of people") is a fact to source, not to soften: the
    claim gets advice only."""
    span, doc = job.span, job.doc
    tokens = list(span)
    verb = job.role.verb
    # "Most patients go through it without side effects" → "some patients … without side
    # effects" would say the others have them; a figure is a fact to source: advice only,
    # and no "may" on the verb either.
    negated = verb is not None and any(t.lower_ in _PRIVATIVE for t in _own_words(verb))
    if _statistic(job):
        # an unsourced figure ("two out of three patients") needs its source, not a softer
        # word: hedging the sentence's other claims would leave it standing as if fixed
        job.plan.advice_only = True
        return True
    if negated:
        job.plan.advice_only = True  # "Some patients have side effects …" would say more
        return True
    if _majority_of_things(job):
        # "every one of our programs beats the national average" is the clinic's own record
        # to source; "some of our programs" would state a different one
        job.plan.advice_only = True
        return True
    for token in tokens:
        if token.lower_ in _MAJORITY_ADVERBS and token.dep_ == "advmod":
            subject = subject_of(token.head)
            if subject is None or any(c.dep_ == "det" for c in subject.children):
                return False
            gone = {token.i: ""}
            gone.update(approximators(doc, gone))
            if subject.lower_ not in job.lexicon.population:
                # "Hip replacement almost always reduces pain": what the treatment does, not
                # for whom → "Hip replacement may reduce pain"
                hedged = hedge(job, gone)
                return hedged is not None and job.add(hedged, safe=True, name="may, not always")
            first = min(t.i for t in subject.subtree)
            pieces = {**gone, first: job.cased(doc[first], f"some {lowered(doc[first])}")}
            ok = job.add(pieces, safe=True, name="some patients")
            if ok:
                job.hedged.add(token.head.i)
            return ok
    return False


_QUANTIFIERS = frozenset("every each all most majority".split())


def _majority_of_things(job: Job) -> bool:
    """The majority counts something other than people: "every one of our programs", "most of
    the time", "all our products"."""
    doc = job.doc
    for token in job.span:
        if token.lower_ not in _QUANTIFIERS:
            continue
        after = doc[token.i + 1 : token.i + 5]
        if token.lower_ == "most" and after[:1] and after[0].pos_ in ("ADJ", "ADV"):
            continue  # "the most serious disorders": a superlative, not a majority
        of = next((t for t in after if t.lower_ == "of"), None)
        if of is not None:
            noun = next((c for c in of.children if c.dep_ == "pobj"), None)
        else:
            noun = next((t for t in after if t.pos_ in ("NOUN", "PROPN")), None)
        if noun is None or noun.pos_ not in ("NOUN", "PROPN"):
            continue
        return noun.lower_ not in job.lexicon.population | _OCCASIONS
    return False


# What a frequency counts: "every single night", "most of the time", "in most cases".
_OCCASIONS = frozenset(
    "time times night nights day days morning mornings session sessions week weeks month "
    "months year years dose doses case cases visit visits treatment treatments".split()
)


def _own_words(verb: Token) -> list[Token]:
    """The verb's clause without the clauses set under it with a subject of their own
    ("While no one can promise …, | most clients notice …")."""
    skip = {
        t.i
        for c in verb.children
        if c.dep_ in ("advcl", "ccomp", "conj", "relcl")
        and any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children)
        for t in c.subtree
    }
    return [t for t in verb.subtree if t.i not in skip]


def _safety(job: Job) -> bool:
    """ "X is non-addictive" → "X's risk of addiction is still being studied"; "eases pain
    without the side effects of pills" → "may ease pain"; "X has no side effects" → "X can
    have side effects, like any treatment"; "side effects are minimal" → "… usually mild"."""
    doc = job.doc
    words = {t.lower_ for t in doc[job.span.start : min(len(doc), job.span.end + 2)]}
    if any(w.split("-")[-1] in _ADDICTION_WORDS or w in _ADDICTION_WORDS for w in words):
        return _addiction(job)
    return (
        _without_side_effects(job)
        or _no_side_effects(job)
        or _rare_side_effects(job)
        or _safe_beside(job)
        or _safe_in_a_list(job)
        or _safely(job)
        or _safety_profile(job)
        or _none_or_few(job)
    )


def _none_or_few(job: Job) -> bool:
    """ "has hardly any side effects" that no rewrite above reached is left for advice (done,
    with no change): "may have hardly any side effects" would still say there are none."""
    effects = _effects_near(job)
    return (
        effects is not None
        and effects.dep_ == "dobj"
        and any(t.lower_ in _NONE_OR_FEW for t in effects.subtree if t.i < effects.i)
    )


def _safe_beside(job: Job) -> bool:
    """ "a safe and effective treatment" → "an effective treatment": "safe" joined to
    "effective" goes, and the hedge of "effective" carries the rest (unsafe: a claim goes; the
    advice says what to say of the risks)."""
    safe = [t for t in job.span if t.lower_ in ("safe", "safer") and t.pos_ == "ADJ"]
    if len(safe) != 1:
        return False
    word, doc = safe[0], job.doc
    joined = [c for c in word.children if c.dep_ == "conj"]
    if word.dep_ == "conj":
        joined.append(word.head)
    if len(joined) != 1 or joined[0].lower_ not in _EFFECTIVE:
        return False  # "safe, natural and gentle": no other claim's hedge would carry it
    after = doc[word.i + 1] if word.i + 1 < len(doc) else None
    before = doc[word.i - 1] if word.i else None
    gone = [word, *(c for c in word.children if c.dep_ == "advmod")]
    if after is not None and after.lower_ in ("and", ",", "&"):
        gone.append(after)  # "safe and effective" → "effective"
    elif before is not None and before.lower_ in ("and", ",", "&"):
        gone.append(before)  # "effective and safe" → "effective"
    else:
        return False
    both = next((t for t in doc[max(0, word.i - 2) : word.i] if t.lower_ == "both"), None)
    if both is not None:
        gone.append(both)  # "both safe and effective" → "effective"
    return job.add({t.i: "" for t in gone}, safe=False, name="drop safe")


_EFFECTIVE = frozenset("effective efficacious".split())
_SAFE_WORDS = frozenset("safe safer tolerated".split())
_EFFECTIVELY = frozenset("effectively successfully efficiently".split())


def _safe_in_a_list(job: Job) -> bool:
    """ "a safe, routine procedure" → "a routine procedure", "a safer, less invasive
    alternative" → "a less invasive alternative": the safety word goes from a list of the
    noun's qualities, which still describe it (safe, as "a safe procedure" → "a procedure":
    only the strength goes; the advice says what to say of the risks). A hedge beside it
    ("may be a safe, routine procedure") would keep it."""
    doc = job.doc
    words = [t for t in job.span if t.lower_ in _SAFE_WORDS and t.dep_ in ("amod", "conj")]
    if len(words) != 1:
        return False
    word = words[0]
    first = _well_of(word)
    noun = word.head
    while noun.dep_ == "conj" and noun.pos_ == "ADJ":
        noun = noun.head  # "safe, effective, non-surgical": the list hangs off its first word
    if noun.pos_ == "ADJ" and noun.dep_ == "amod":
        noun = noun.head
    if noun.pos_ not in ("NOUN", "PROPN") or noun.i < word.i:
        return False
    after = doc[word.i + 1] if word.i + 1 < noun.i else None
    if after is None or after.text not in (",", "and"):
        return False  # "a safe treatment": nothing else would be said of it
    rest = doc[after.i + 1 : noun.i]
    if not rest or any(t.lower_ in _EFFECTIVE or t.lower_ in _SAFE_WORDS for t in rest):
        return False  # "safe, effective relief" is the efficacy claim's to rewrite
    if any(t.pos_ not in ("ADJ", "ADV", "NOUN", "PUNCT", "CCONJ", "VERB") for t in rest):
        return False
    gone = {i: "" for i in range(first.i, word.i + 1)}
    if job.plan.free([after.i]):
        gone[after.i] = ""  # else an earlier claim's rewrite took it: ", proven" went
    for adverb in (c for c in word.children if c.dep_ == "advmod"):
        gone[adverb.i] = ""  # "a remarkably safe, routine …"
    return job.add(gone, safe=True, name="drop safe from a list")


_PROFILE_PRAISE = frozenset(
    "low risk low-risk excellent favorable favourable clean mild good great outstanding strong "
    "proven superb impressive".split()
)


def _safety_profile(job: Job) -> bool:
    """ "the pillow's low-risk safety profile" → "the pillow's safety profile", "an excellent
    safety record" → "a safety record": the praise of the profile goes and the profile stays,
    so that a study that "examined" it no longer confirms it (safe: only the praise goes)."""
    nouns = [t for t in job.span if t.lower_ in ("profile", "record")]
    if len(nouns) != 1:
        return False
    noun = nouns[0]
    verb = noun.head
    if noun.dep_ != "dobj" or base_form(verb.text) not in EVIDENCE:
        return False  # "has an excellent safety profile": "has a safety profile" says nothing
    praise = [t for t in job.doc[max(0, noun.i - 5) : noun.i] if t.lower_ in _PROFILE_PRAISE]
    kinds = ("safety", "side", "effect", "side-effect")
    if not praise or not any(t.lower_ in kinds for t in job.doc[praise[-1].i : noun.i]):
        return False
    gone: dict[int, str] = {}
    for word in praise:
        gone[word.i] = ""
        after = job.doc[word.i + 1]
        if after.text == "-" and job.doc[word.i + 2].lower_ in _PROFILE_PRAISE:
            gone[after.i] = ""  # "low-risk"
        elif after.text == ",":
            gone[after.i] = ""
    return job.add(gone, safe=True, name="drop the praise of a safety profile")


def _well_of(word: Token) -> Token:
    """The first word of "well-tolerated" (split "well", "-", "tolerated"), else the word."""
    doc = word.doc
    if word.lower_ == "tolerated" and word.i >= 2 and doc[word.i - 1].text == "-":
        return doc[word.i - 2] if doc[word.i - 2].lower_ == "well" else word
    return word


def _safely(job: Job) -> bool:
    """ "can safely relieve" → "can relieve", "safely and quickly" → "quickly", "safely and
    effectively" and "safely and painlessly" go whole, "gently and painlessly stretches" →
    "gently stretches": how safely (and how well) it does it goes, what it does is hedged on
    its own (safe: only the strength goes)."""
    doc = job.doc
    words = [t for t in job.span if t.lower_ in _SAFELY and t.dep_ in ("advmod", "conj")]
    if len(words) == 2 and words[1].i == words[0].i + 2 and doc[words[0].i + 1].lower_ == "and":
        words = words[:1]  # "safely and painlessly" goes whole, below
    if len(words) != 1:
        return False
    word = words[0]
    gone = {word.i: ""}
    after = doc[word.i + 1] if word.i + 1 < len(doc) else None
    before = doc[word.i - 1] if word.i else None
    if after is not None and after.lower_ == "and" and word.i + 2 < len(doc):
        partner = doc[word.i + 2]
        if partner.pos_ != "ADV":
            return False
        gone[after.i] = ""  # "safely and quickly" → "quickly"
        if partner.lower_ in _EFFECTIVELY | _SAFELY:
            gone[partner.i] = ""  # "safely and effectively", "safely and painlessly" go whole
    elif before is not None and before.lower_ == "and" and word.i >= 2:
        partner = doc[word.i - 2]
        if partner.pos_ != "ADV":
            return False
        gone[before.i] = ""  # "quickly and safely" → "quickly"
        if partner.lower_ in _EFFECTIVELY:
            gone[partner.i] = ""
    elif before is not None and before.text == "," or (after is not None and after.text == ","):
        return False  # a list of manners: the writer's to reword
    verb = word.head if word.dep_ == "advmod" else word.head.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if verb.tag_ in ("VBZ", "VBP") and word.lower_ == "safely":
        # what it does is still a claim: "deals with the problem safely" → "may deal with …"
        verb_job = replace(job, role=Role("verb", verb))
        if not verb_is_hedged(verb_job):
            hedged = hedge(verb_job, gone)
            if hedged is None:
                return False
            gone = hedged
    return job.add(gone, safe=True, name="drop safely")


# How a treatment is said to do its work without harm: the manner goes, the work stays
# ("gently and painlessly stretches the spine" → "gently stretches the spine").
_SAFELY = frozenset({"safely", "painlessly"})
_NONE_OF = frozenset("no zero any hardly barely scarcely none minimal few the of known".split())
_HARM_WORDS = frozenset(
    "harmful serious significant unpleasant nasty dangerous unwanted major adverse".split()
)
_EFFECTS = frozenset("effects effect reactions risks".split())
_MAJORITY = frozenset("most majority all every everyone everybody nearly almost".split())


def _without_side_effects(job: Job) -> bool:
    """The phrase that says there are no side effects, from its "without" (or the "no" after
    "with") to "effects", with an "of X" comparison after it, goes where it closes its
    clause: "ease anxiety without the side effects of pills" → "ease anxiety" (unsafe: a claim
    goes; the advice says to name the side effects)."""
    doc = job.doc
    if job.title or job.role.kind == "bare":
        return False  # a heading ("Effective Without Side Effects") would lose its point
    if any(t.lower_ in _MAJORITY for t in doc):
        return False  # "Most patients … without side effects": the others would have them
    end = next((t.i for t in doc[job.span.start : job.span.end + 2] if t.lower_ in _EFFECTS), None)
    if end is None:
        return False
    start = end - 1
    while start >= 0 and (
        doc[start].lower_ in _NONE_OF
        or doc[start].lower_ in _HARM_WORDS
        or doc[start].lower_ in ("side", "-", "causing", "having")
    ):
        start -= 1
    if start < 1 or doc[start].lower_ not in ("without", "with"):
        return False
    opener = doc[start]
    between = {t.lower_ for t in doc[start + 1 : end]}
    if opener.lower_ == "with" and not between & {"no", "zero", "hardly", "minimal", "few"}:
        return False  # "with side effects": nothing said about their absence
    last = end
    after = doc[end + 1] if end + 1 < len(doc) else None
    if after is not None and after.lower_ in ("of", "from", "associated", "that", "like"):
        if after.lower_ not in ("of", "from"):
            return False  # a clause about the effects: the writer must say what it means
        last = max(t.i for t in after.subtree)  # "of pills like ibuprofen"
    if any(t.is_punct and t.text != "-" for t in doc[start : last + 1]):
        return False
    closes = last + 1 >= len(doc) or doc[last + 1].text in (".", "!", ";", ",")
    if not closes or opener.head.i == opener.i or doc[start - 1].lower_ in ("and", "or"):
        return False  # only a phrase added at the end of its clause goes whole
    gone = set(range(start, last + 1))
    if doc[start - 1].text == ",":
        gone.add(start - 1)  # "…, without side effects."
    pieces = {i: "" for i in gone}
    verb = opener.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head  # "results | with zero side effects": the verb of "get results"
    clause = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    if verb.pos_ == "VERB" and verb.tag_ in ("VBZ", "VBP") and not verb_is_hedged(job):
        if not clause or verb.lower_ in job.lexicon.benefit:
            return False  # "gives X results without …": "results" read as a verb
        # what it does without them is still a claim: "soothes sore joints" → "may soothe"
        hedged = hedge(replace(job, role=Role("verb", verb)), pieces)
        if hedged is None:
            return False  # "You get results" would be left a promise without its hedge
        pieces = hedged
    # the phrase is the claim, gone whole, and the verb it qualified is hedged
    return job.add(pieces, safe=True, name="drop no side effects")


# Verbs that say what a treatment brings with it: "causes no side effects".
_BRINGING = frozenset("cause causes has have carry carries produce produces pose poses".split())
_TOTALLY = frozenset("completely totally entirely absolutely virtually almost 100%".split())
# What opens a clause the side-effect claim is argued from or set against.
_BECAUSE = frozenset("because since as".split())
_REASONS = _BECAUSE | frozenset("although though while whereas".split())
# "no", and the words that all but say it: "very few", "hardly any", "barely any".
_NONE_OR_FEW = frozenset("no zero free few hardly barely scarcely".split())


def _no_side_effects(job: Job) -> bool:
    """ "X causes no side effects (at all)", "X is completely free of harmful side effects" →
    "X can have side effects, like any treatment" (what is true of every treatment; unsafe:
    the advice says to name them)."""
    doc = job.doc
    effects = _effects_near(job)
    if effects is None or job.title:
        return False
    head = effects.head
    verb = head.head.head if head.lower_ == "of" and head.head.lower_ == "free" else head
    free = head.lower_ == "of"
    if free and (verb.lower_ not in BE or head.head.dep_ != "acomp"):
        return False
    if not free and (verb.lower_ not in _BRINGING or effects.dep_ != "dobj"):
        return False
    if not any(t.lower_ in _NONE_OR_FEW for t in doc[head.i - 1 : effects.i]):
        return False
    subject = subject_of(verb)
    if subject is None or subject.i > verb.i or subject.lower_ in ("you", "i", "we", "there"):
        return False
    if any(t.lower_ in _MAJORITY for t in subject.subtree) or any(
        c.lower_ in _MAJORITY_ADVERBS for c in verb.children
    ):
        return False  # "Most patients have no side effects": the others would have them
    if any(c.dep_ in ("aux", "auxpass", "neg") for c in verb.children):
        return False
    last_of_main = verb.dep_ == "conj" and verb.head.dep_ == "ROOT" and verb.head.i < verb.i
    if (verb.dep_ != "ROOT" and not last_of_main) or any(c.dep_ == "conj" for c in verb.children):
        return False  # "cost little, have no side effects and lay …", "The advantage is that
        # they have none": only a main clause that says it alone, or says it last ("They
        # can be used at home and have no side effects at all")
    if _argued(verb, _REASONS):
        return False  # "Because it isn't absorbed, …", "…, although it may cause discomfort":
        # what the writer argues from, or grants, no longer follows
    first = (head.head if free else effects).left_edge.i
    if free:
        first = min([first, *(c.i for c in head.head.children if c.dep_ == "advmod")])
    last = effects.i
    while last + 1 < len(doc) and doc[last + 1].lower_ in ("at", "all", "whatsoever"):
        last += 1
    if last + 1 < len(doc) and not (doc[last + 1].is_punct or doc[last + 1].lower_ == "and"):
        return False  # "no side effects like weight gain": the writer says what they are
    kept = [
        t.text
        for t in doc[first:last]
        if t.i > (head.i if free else first - 1)
        and t.i != effects.i
        and t.lower_
        not in _NONE_OF | _HARM_WORDS | _TOTALLY | {"side", "at", "all", "free", "very"}
        and t.pos_ != "CCONJ"  # the "or" of "few or no side effects"
    ]
    if verb.i + 1 != first:
        return False  # only "causes | no side effects": nothing between verb and phrase
    if subject.lower_ in job.lexicon.population:
        return False  # "Patients have no side effects": what they felt is theirs to report
    pieces = {t.i: "" for t in doc[first : last + 1]}
    pieces[verb.i] = job.cased(verb, "can have")
    pieces[first] = " ".join([*kept, "side effects, like any treatment"])
    return job.add(pieces, safe=False, name="side effects like any treatment")


# What a writer says to make side effects sound harmless: "minimal", "minor". (Not "rare":
# how often they come is the writer's to say, and "usually mild" would not say it.)
_SLIGHT = frozenset("minimal negligible minor mild insignificant serious".split())


def _rare_side_effects(job: Job) -> bool:
    """ "Side effects are minimal and not serious" → "Side effects are usually mild"."""
    doc = job.doc
    effects = _effects_near(job)
    if effects is None or effects.dep_ != "nsubj" or effects.head.lower_ not in BE:
        return False
    verb = effects.head
    said = [c for c in verb.children if c.dep_ == "acomp"]
    if len(said) != 1 or any(c.dep_ in ("aux", "neg") for c in verb.children):
        return False
    words = sorted(_adjectives(said[0]), key=lambda t: t.i)
    if words[0].i != verb.i + 1 or words[-1].i - words[0].i + 1 != len(words):
        return False
    if not {t.lower_ for t in words if t.pos_ == "ADJ"} <= _SLIGHT:
        return False
    after = doc[words[-1].i + 1] if words[-1].i + 1 < len(doc) else None
    if after is not None and not (after.is_punct or after.dep_ in ("advmod", "mark")):
        return False
    pieces = {t.i: "" for t in words}
    pieces[words[0].i] = "usually mild"
    return job.add(pieces, safe=False, name="side effects usually mild")


_DEGREE_WORDS = frozenset("very extremely quite relatively generally usually so".split())


def _adjectives(word: Token) -> list[Token]:
    """An adjective with the adjectives joined to it and their degree words and "not"
    ("minimal and not serious"), without a clause set under them ("as long as …")."""
    return _joined_words(
        word,
        lambda c: c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in _DEGREE_WORDS),
    )


def _effects_near(job: Job) -> Token | None:
    """The "effects" (or "reactions") noun of a side-effects claim, in or just after its span."""
    doc = job.doc
    words = doc[job.span.start : min(len(doc), job.span.end + 2)]
    return next((t for t in words if t.lower_ in _SIDE_EFFECTS and t.pos_ == "NOUN"), None)


_SIDE_EFFECTS = frozenset("effects effect reactions".split())


_HAVING = frozenset("is are has have carries carry poses pose 's 're".split())


def _addiction(job: Job) -> bool:
    """ "X is non-addictive", "X carries no risk of overdose" → "X's risk of addiction /
    overdose is still being studied" (the claims guide's wording)."""
    doc = job.doc
    end = job.span.end
    last = doc[end - 1].lower_
    if last in ("of", "risk"):
        end = min(len(doc), end + (1 if last == "of" else 2))  # "no risk" + "of X"
    tokens = doc[job.span.start : end]
    words = {t.lower_.split("-")[-1] for t in tokens} | {t.lower_ for t in tokens}
    noun = next((_ADDICTION_WORDS[w] for w in words if w in _ADDICTION_WORDS), None)
    verb = job.role.verb
    if noun is None or verb is None or verb.lower_ not in _HAVING:
        return False
    if job.role.kind not in ("predicate", "modifier") and job.span.start != verb.i:
        return False
    subject = subject_of(verb)
    if subject is None or subject.i > verb.i:
        return False
    if end < len(doc) and not (doc[end].is_punct or doc[end].lower_ in ("and", "but")):
        return False
    if any(c.dep_ in ("aux", "neg") for c in verb.children):
        return False
    if any(c.dep_ == "conj" and c.i >= end for t in tokens for c in t.children) or any(
        c.dep_ in ("acomp", "attr") and c.i >= end for c in verb.children
    ):
        return False  # "is non-habit-forming, easy to find and good for you": one of a list
    if any(c.lower_ in _COUNTING for c in subject.children):
        return False  # not "Most sleep gummies' risk of dependence is still being studied"
    owner = {"it": "its", "they": "their", "this": "its", "that": "its"}.get(subject.lower_)
    pieces = {t.i: "" for t in doc[verb.i : end]}
    if owner is not None:
        pieces[subject.i] = job.cased(subject, owner)
    elif subject.pos_ in ("NOUN", "PROPN") and subject.i + 1 == verb.i:
        pieces[subject.i] = subject.text + (
            "'" if subject.text.endswith("s") and is_plural_subject(subject) else "'s"
        )
    else:
        return False
    pieces[verb.i] = f"risk of {noun} is still being studied"
    return job.add(pieces, safe=False, name="risk still being studied")


# Words that count a subject: "most sleep gummies", "many patients".
_COUNTING = frozenset("most many all some few several every each".split())


def _statistic(job: Job) -> bool:
    """The claim states a figure: digits or a number word with "%"/"percent", "N in M",
    "N out of M", a range."""
    doc = job.doc
    lead = min(t.i for t in claim_words(job.span))  # "Two out of three" before "clients"
    first = max(0, min(lead, job.span.start) - 3)
    words = list(doc[first : min(len(doc), job.span.end + 3)])
    for k, token in enumerate(words):
        if not token.like_num:
            continue
        rest = [t.lower_ for t in words[k + 1 : k + 4]]
        if rest[:1] in (["%"], ["percent"], ["per"]) or rest[:2] in (["in", "every"],):
            return True
        if rest[:1] == ["in"] and len(rest) > 1 and words[k + 2].like_num:
            return True
        if rest[:2] == ["out", "of"]:
            return True
    return False


def _efficacy(job: Job) -> bool:
    """A boast that closes its clause goes whole: "widely used to treat it, with excellent
    results" → "widely used to treat it", "treats back pain with remarkable success" →
    "treats back pain", "play it at bedtime to great effect" → "play it at bedtime" (safe:
    the sentence says what it said, less loudly)."""
    if job.title and heading_verb(job):
        return True
    if _imperative_with(job):
        return True
    if _aim_of_means(job):
        return True
    doc = job.doc
    preposition = next((t for t in job.span if t.lower_ in _BOASTING and t.dep_ == "prep"), None)
    head = job.span.root.head
    if preposition is None and head.lower_ in _BOASTING and head.dep_ == "prep":
        preposition = head  # "amazing results" in ", with amazing results"
    if preposition is None or preposition.i == 0:
        return False
    words = sorted(preposition.subtree, key=lambda t: t.i)
    noun = next((c for c in preposition.children if c.dep_ == "pobj"), None)
    if noun is None or noun.lower_ not in _BOASTING[preposition.lower_]:
        return False
    after = words[-1].i + 1
    if after < len(doc) and not doc[after].is_punct:
        return False  # only a phrase that closes the clause
    comma = doc[preposition.i - 1].text == ","
    if not comma and not _done_to_something(preposition.head):
        return False  # "is associated with excellent results" needs its phrase
    gone = {*(t.i for t in words), *([preposition.i - 1] if comma else [])}
    return job.add({i: "" for i in gone}, safe=True, name="drop boast")


def _imperative_with(job: Job) -> bool:
    """ "Boost your quality of life with our collagen shots" → "Our collagen shots may help
    boost your quality of life": a benefit told to the reader becomes what the product may
    help with (unsafe: the words are put in another order)."""
    doc = job.doc
    verb = doc[0]
    if job.title or verb.tag_ != "VB" or verb.dep_ != "ROOT" or not job.unsafe:
        return False
    if any(c.dep_ in ("nsubj", "conj", "aux", "neg") for c in verb.children):
        return False  # "Don't …", "Ease X and feel Y": not one benefit
    with_ = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"), None)
    if with_ is None:
        return False
    phrase = sorted(with_.subtree, key=lambda t: t.i)
    product = phrase[1:]
    last = len(doc) - 1 if not doc[-1].is_punct else len(doc) - 2
    if not product or phrase[-1].i != last or product[0].lower_ not in _PRODUCT_DETERMINERS:
        return False  # "… with every piece you wear" names no product
    subject = doc[product[0].i : product[-1].i + 1].text
    pieces = {t.i: "" for t in phrase}
    if doc[with_.i - 1].text == ",":
        pieces[with_.i - 1] = ""
    pieces[verb.i] = f"{subject[0].upper()}{subject[1:]} may help {verb.lower_}"
    return job.add(pieces, safe=False, name="what the product may help with")


_PRODUCT_DETERMINERS = frozenset("our the this these a an".split())


# The phrases a boast is added in: "with excellent results", "to great effect".
_BOASTING = {"with": _OUTCOME_NOUNS, "to": frozenset({"effect"})}


def _done_to_something(head: Token) -> bool:
    """The phrase hangs on a verb with its object, or on that object: what is left still
    says what was done ("treats back pain", "performed 900 facelifts")."""
    if head.pos_ in ("NOUN", "PROPN"):
        return head.dep_ in ("dobj", "pobj") and head.head.pos_ in ("VERB", "ADP")
    return head.pos_ == "VERB" and any(c.dep_ == "dobj" for c in head.children)


# Verbs that name the means a treatment uses: "uses magnetic pulses to restore …".
MEANS_VERBS = frozenset("use uses used using apply applies applied applying".split())


def _aim_of_means(job: Job) -> bool:
    """What a means is used for is an aim, not a fact: "uses gentle currents to restore nerve
    activity" → "uses gentle currents intended to restore nerve activity" (and every verb
    joined to it, and a claim in its object: "to stimulate cellular repair and reduce
    inflammation")."""
    verb = job.span.root
    if verb.pos_ in ("NOUN", "PROPN") and verb.dep_ == "dobj":
        verb = verb.head  # "to stimulate cellular repair": the claim is the verb's object
    while verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        verb = verb.head  # "… and reduce inflammation" shares the first verb's "to"
    to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    means = verb.head
    if to is None or verb.dep_ not in ("xcomp", "advcl") or means.lower_ not in MEANS_VERBS:
        return False
    used = next((c for c in means.children if c.dep_ == "dobj" and c.i < to.i), None)
    if used is None or to.i - 1 not in {t.i for t in used.subtree}:
        return False  # "intended to" follows what is used
    intended = job.cased(to, "intended to")
    if job.plan.new_text(to.i) == intended:
        return True  # another claim of the same aim put it there
    if not job.add({to.i: intended}, safe=True, name="intended to"):
        return False
    job.hedged.add(verb.i)  # its strength goes too: "intended to give a deep sleep"
    return True


_SPECIAL: dict[str, Callable[[Job], bool]] = {
    "mechanism": _aim_of_means,
    "efficacy": _efficacy,
    "superiority": _superiority,
    "generalization": _generalization,
    "safety": _safety,
    "cure": _cure,
}
