"""Decide from the dependency parse whether a matched claim is exempt: hedged, negated, ...

A claim's scope is its clause: the chain of heads from the matched words up to the clause
root, stopping where a coordinated clause with its own subject begins.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from lint.engine.nlp import is_verb_form
from lint.rulebook.loading import Cues

_CLAUSE_VERBS = ("VERB", "AUX")
_COPULAS = frozenset(
    {"is", "are", "was", "were", "be", "been", "being", "become", "becomes", "remain", "remains"}
)
_SUBJECTS = ("nsubj", "nsubjpass", "csubj", "expl")
_QUANTIFIED = ("nsubj", "nsubjpass", "dobj", "dative", "prep", "npadvmod", "pobj", "attr", "advmod")


def exemption(
    span: Span,
    matched: frozenset[int],
    unless: frozenset[str],
    cues: Cues,
    sentence: str | None = None,
) -> str | None:
    """The context that exempts this claim (one of the rule's ``unless``), or None.

    ``sentence`` is the text of the span's document, when the caller has it already."""
    sentence = span.doc.text if sentence is None else sentence
    if "question" in unless and sentence.rstrip(" \"'”’)").endswith("?"):
        return "question"
    if "attributed" in unless and cues.reports_a_study(sentence):
        return "attributed"
    chain = governing_chain(span)
    claim = Claim(span, matched, chain)
    checks = (
        ("negated", _is_negated),
        ("hedged", _is_hedged),
        ("suggested", _is_suggested),
        ("reported", _is_reported),
        ("condition", _is_about_condition),
        ("purpose", _is_purpose),
        ("past_result", _is_past_result),
        ("association", _is_association),
    )
    for name, check in checks:
        if name in unless and check(claim, cues):
            return name
    return None


def governing_chain(span: Span) -> list[Token]:
    """The span's root and its heads up to the root of its clause."""
    token = span.root
    chain = [token]
    while token.head.i != token.i and not _starts_own_clause(token):
        token = token.head
        chain.append(token)
    return chain


# Subordinators whose clause states a premise as fact: "Since X has no side effects, you
# should …" asserts X has none, whatever the main clause's modal. (Not a concession: "Although
# trials report X, the benefits may have been overstated" qualifies what it concedes.)
_PREMISE = frozenset("since because as".split())


def _starts_own_clause(token: Token) -> bool:
    if token.dep_ == "parataxis":
        return True
    own_subject = token.pos_ in _CLAUSE_VERBS and any(c.dep_ in _SUBJECTS for c in token.children)
    if token.dep_ == "advcl" and own_subject:
        return any(c.dep_ == "mark" and c.lower_ in _PREMISE for c in token.children)
    return token.dep_ == "conj" and own_subject


@dataclass(frozen=True)
class Claim:
    """A matched claim: its span, the token indices the pattern matched, its governing chain."""

    span: Span
    matched: frozenset[int]
    chain: list[Token]

    def outside(self, token: Token) -> bool:
        return token.i not in self.matched

    def above(self) -> list[Token]:
        """Chain tokens that are not part of the matched words."""
        return [t for t in self.chain if self.outside(t)]


def _is_negated(claim: Claim, cues: Cues) -> bool:
    negations = cues["negation"]
    for token in claim.chain:
        if claim.outside(token) and token.lower_ in negations:
            return True
        for child in token.children:
            if not claim.outside(child):
                continue
            if (child.dep_ == "neg" and not _not_only(child)) or child.lower_ in (
                "never",
                "nothing",
            ):
                return True
            if child.dep_ in _SUBJECTS + ("det",) and child.lower_ in ("no", "none", "nothing"):
                return True
            if child.dep_ in _SUBJECTS and any(
                g.lower_ == "no" and g.dep_ == "det" for g in child.children
            ):
                return True
    return False


def _not_only(token: Token) -> bool:
    """ "not only … but also", "not just": a negation that adds, not one that denies."""
    doc = token.doc
    return token.i + 1 < len(doc) and doc[token.i + 1].lower_ in ("only", "just", "merely")


def _title_hedge(claim: Claim, cues: Cues) -> bool:
    """A heading in Title Case with a modal before the claim ("Ketamine May Ease Depression
    Within 2 Hours"): the parser reads such a "May" as a month, so the chain misses it."""
    words = [t for t in claim.span.doc if t.is_alpha]
    if len(words) < 3 or sum(t.is_title for t in words) < 0.7 * len(words):
        return False
    return any(t.lower_ in cues["modal"] for t in claim.span.doc[: claim.span.start])


# Words that open a clause of its own: a modal before them does not reach past them.
_OPENS_A_CLAUSE = frozenset(
    "because which that who whom whose when while whereas so if unless although since but".split()
)


def _listed_hedge(claim: Claim, cues: Cues) -> bool:
    """A verb in a list whose first verb is hedged ("may strengthen immunity, calm
    inflammation and improve circulation"), where the parse did not tie them together: the
    claim opens with a verb in its base form right after a comma or "and", and a modal leads
    the list, with no clause of its own and no other verb with an "-s" between."""
    doc = claim.span.doc
    first = claim.span[0]
    if first.i < 2 or doc[first.i - 1].lower_ not in (",", "and", "or"):
        return False
    if first.lower_.endswith("s") or first.tag_ in ("VBZ", "VBD", "VBG", "VBN"):
        return False
    if first.pos_ != "VERB" and not is_verb_form(first.lower_):
        return False  # "a definitive, permanent fix": a list of adjectives
    for token in reversed(doc[max(0, first.i - 14) : first.i - 1]):
        if token.lower_ in cues["modal"]:
            return True
        if token.is_sent_start or token.text in (".", ";", ":", "!", "?"):
            return False
        if token.lower_ in _OPENS_A_CLAUSE or token.tag_ in ("VBZ", "VBD"):
            return False
    return False


def _is_hedged(claim: Claim, cues: Cues) -> bool:
    if _title_hedge(claim, cues) or _listed_hedge(claim, cues):
        return True
    # A modal or a bounded subject on the verb of a claim that only qualifies its object
    # ("may offer a clinically proven, safe alternative") hedges the offering, not the claim.
    skip = _verb_above_modifier(claim, cues)
    for token in claim.chain:
        if claim.outside(token) and token.lower_ in cues["hedge"]:
            return True
        if skip is not None and token.i == skip.i:
            continue
        if token.pos_ == "AUX" and token.lower_ in cues["modal"]:
            return True
        for child in token.children:
            if child.dep_ in _SUBJECTS and _hedged_subject(child, claim, cues):
                return True
            if child.dep_ in ("aux", "auxpass") and child.lower_ in cues["modal"]:
                return True  # even when a pattern's gap swallowed it: "patients may feel"
            if not claim.outside(child):
                continue
            word = child.lower_
            if child.dep_ in ("aux", "auxpass", "advmod") and word in cues["modal"]:
                return True
            if child.dep_ == "mark" and child.lower_ in cues["conditional"]:
                return True
            if child.dep_ in ("advmod", "npadvmod", "amod", "acomp", "compound") and (
                word in cues["hedge_modifier"] or word in cues["hedge"]
            ):
                return True
            if child.dep_ in _QUANTIFIED and _has_quantifier(child, cues):
                return True
    return False


def _is_suggested(claim: Claim, cues: Cues) -> bool:
    """An evidential verb governs the claim: "studies suggest the patch is safe"."""
    return any(claim.outside(t) and t.lower_ in cues["evidential"] for t in claim.chain)


_OBJECTS = ("dobj", "pobj", "appos", "conj")


def _verb_above_modifier(claim: Claim, cues: Cues) -> Token | None:
    """The verb whose hedge does not reach the claim, when the claim's words qualify a noun
    that is the verb's object (not an outcome such as "relief", and not what a copula says
    the subject is); None otherwise."""
    root = claim.span.root
    noun = root
    if root.pos_ not in ("NOUN", "PROPN"):
        if root.dep_ not in ("amod", "compound", "nmod") or root.head.pos_ not in ("NOUN", "PROPN"):
            return None
        noun = root.head
    if noun.lower_ in cues["outcome"] or noun.dep_ not in _OBJECTS:
        return None
    if noun.i == root.i and not any(
        t.dep_ in ("amod", "compound", "nmod") for t in claim.span if t.i != root.i
    ):
        return None  # the noun is the claim itself ("offers new hope")
    token = noun
    while token.head.i != token.i and token.pos_ not in ("VERB", "AUX"):
        token = token.head
    if token.pos_ not in ("VERB", "AUX") or token.lower_ in _COPULAS:
        return None
    return token


def _hedged_subject(subject: Token, claim: Claim, cues: Cues) -> bool:
    """'Early studies', 'preliminary evidence', 'the hope' as the subject of the claim."""
    if claim.outside(subject) and subject.lower_ in cues["hedge_subject"]:
        return True
    return any(
        c.dep_ in ("amod", "det", "compound")
        and c.lower_ in cues["hedge_modifier"]
        and c.tag_ not in _COMPARED  # "earlier studies" are previous ones, not early ones
        for c in subject.children
        if claim.outside(c)
    )


# A comparative or superlative of a hedge word compares rather than hedges.
_COMPARED = frozenset({"JJR", "JJS", "RBR", "RBS"})


def _has_quantifier(node: Token, cues: Cues) -> bool:
    """'some patients', 'in some cases', 'for some', 'certain people' below this node."""
    quantifiers = cues["quantifier"]
    for token in node.subtree:
        if token.lower_ not in quantifiers:
            continue
        head = token.head
        if (
            token.dep_ in ("det", "amod", "nummod", "quantmod")
            and head.lower_ in cues["population"]
        ):
            return True
        if token.dep_ in ("pobj", "nsubj", "dobj") or token.pos_ == "ADV":
            return True
    return False


def _is_reported(claim: Claim, cues: Cues) -> bool:
    """Someone else's claim, reported rather than made: 'clinics promising instant relief';
    or what is studied, not claimed: 'to assess long-term outcomes'."""
    if any(t.lower_ in cues["report"] or _promoter_reports(t, cues) for t in claim.above()):
        return True
    root = claim.span.root
    while root.dep_ in ("amod", "compound") and root.head.i != root.i:
        root = root.head
    return root.dep_ == "dobj" and root.head.lower_ in cues["inquiry"]


def _promoter_reports(verb: Token, cues: Cues) -> bool:
    """ "The company's video boasts a 98% success rate" reports a promoter's claim; "TMS boasts
    remarkable success rates" makes one."""
    if verb.lower_ not in cues["report_by_promoter"]:
        return False
    if any(c.dep_ in ("ccomp", "mark") for c in verb.children):
        return True  # "clinics boast that …"
    return any(c.dep_ == "nsubj" and c.lower_ in cues["promoter"] for c in verb.children)


def _is_purpose(claim: Claim, cues: Cues) -> bool:
    """An aim, not a result: 'treatment to relieve symptoms', 'drugs used to reduce pain', 'an
    option for treating addiction'."""
    verb = claim.span.root
    if verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.lower_ == "for":
        return verb.head.head.pos_ in ("NOUN", "PROPN")  # what a method or option is for
    return verb.dep_ in ("acl", "advcl") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    )


def _is_past_result(claim: Claim, cues: Cues) -> bool:
    """A statistical change or comparison stated as a past result, as research reports one:
    "fT4 decreased significantly", "volume was markedly reduced", "the intervention was
    superior to a control condition" (not "has delivered significant reductions", nor
    "patients see", nor "works better than pills")."""
    if not any(t.lower_ in cues["statistical"] for t in claim.span):
        return False
    for token in claim.chain:
        if token.tag_ == "VBD" and token.lower_ != "did":
            return True
        if token.tag_ == "VBN":
            auxiliaries = [c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")]
            if auxiliaries in ([], ["was"], ["were"]) and token.dep_ in ("ROOT", "conj", "ccomp"):
                return True  # "was markedly reduced", or a past tense read as a participle
    return False


def _is_association(claim: Claim, cues: Cues) -> bool:
    """What research is said to show is an association, not what a treatment does: "new
    research shows that shorter sleep is linked to weight gain", "studies show a relation
    between …"."""
    words = cues["association"]
    return any(t.lower_ in words for t in claim.span.doc[claim.span.end :])


def _is_about_condition(claim: Claim, cues: Cues) -> bool:
    """The words describe a disease or its course, not a treatment: 'insomnia rewires ...'."""
    conditions = cues["condition"]
    for token in claim.chain:
        if token.pos_ not in _CLAUSE_VERBS:
            continue
        subjects = [c for c in token.children if c.dep_ in _SUBJECTS]
        if token.dep_ in ("relcl", "acl"):
            subjects.append(token.head)
        return any(s.lower_ in conditions for s in subjects)
    return False
