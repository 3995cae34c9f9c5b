"""One coherent rewrite of a sentence, built from all of its claims."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Span

from lint.engine.rewrite.categories import rewrite_claim
from lint.engine.rewrite.claim import Job
from lint.engine.rewrite.edit import Edit, Plan
from lint.engine.rewrite.grammar import is_title
from lint.engine.rewrite.roles import Lexicon, advice_only, role_of
from lint.rulebook.fixspec import Fix

# Claims that restructure their clause are rewritten first; the others in the order of the
# sentence, so that "may" lands on the first of two verbs and the second shares it.
_FIRST = ("regulatory", "consensus", "superiority", "generalization", "cure")


@dataclass(frozen=True)
class Claim:
    """A claim found in a parsed sentence: its category, its words and its template."""

    category: str
    span: Span
    spec: Fix


def rewrite_sentence(claims: Sequence[Claim], lexicon: Lexicon) -> list[Edit]:
    """The sentence's rewrite: the edit with every change, then (if it differs) the edit
    with the safe changes only. Empty when no claim can be rewritten."""
    if not claims:
        return []
    full = _build(claims, lexicon, unsafe=True)
    if full is None:
        return []
    if full.safe:
        return [full]
    safe = _build(claims, lexicon, unsafe=False)
    if safe is None:
        return [full]
    if (safe.start, safe.end, safe.pieces) == (full.start, full.end, full.pieces):
        return [safe]  # the unsafe changes did not apply: the rewrite is safe
    return [full, safe]


def _build(claims: Sequence[Claim], lexicon: Lexicon, unsafe: bool) -> Edit | None:
    doc = claims[0].span.doc
    plan = Plan(doc)
    title = is_title(doc)
    hedged: set[int] = set()
    ordered = sorted(
        claims,
        key=lambda c: (
            _FIRST.index(c.category) if c.category in _FIRST else len(_FIRST),
            c.span.start,
        ),
    )
    if any(c.category == "regulatory" for c in claims):
        return None  # only a person can say what was approved: the sentence gets advice
    for claim in ordered:
        if not plan.free(range(claim.span.start, claim.span.end)):
            continue  # an earlier claim's rewrite already changed these words
        role = role_of(claim.span, lexicon, claim.category)
        if advice_only(doc, claim.span, role):
            if claim.category != "regulatory":
                return None  # a testimonial or a quotation is the writer's to change
            continue
        job = Job(
            plan, claim.span, claim.category, claim.spec, role, lexicon, title, unsafe, hedged
        )
        before = len(plan.ops)
        rewrite_claim(job)
        if not unsafe and len(plan.ops) == before and not _shares_a_hedge(claim, hedged):
            # A safe rewrite that leaves a claim as it was would put a hedge beside it
            # ("may be a well-tolerated, proven method"): the sentence's rewrite is unsafe.
            return None
    if plan.advice_only:
        return None
    return plan.edit(safe_only=not unsafe)


# Claims that a hedge beside them does not weaken: "may be the cure", "may be the best".
_ABSOLUTE = frozenset({"cure", "hype", "superiority", "regulatory"})


def _shares_a_hedge(claim: Claim, hedged: set[int]) -> bool:
    """Whether an earlier change hedged the verb this claim depends on."""
    if claim.category in _ABSOLUTE:
        return False
    span = claim.span
    root = span.root
    return any(t.i in hedged for t in (root, root.head, *span))


def specs_for(rulebook) -> Mapping[str, Fix]:
    """Each rule's template, with its category's filling in what it leaves out; the
    category's own template under the category's name (for findings of the claim model)."""
    specs: dict[str, Fix] = {}
    for name, category in rulebook.categories.items():
        specs[name] = getattr(category, "rewrite", None) or Fix()
    for rule in rulebook.rules:
        base = specs.get(rule.category)
        own = rule.fixes[0] if rule.fixes else None
        specs[rule.id] = own.over(base) if own is not None else (base or Fix())
    return specs
