"""Context decides: hedged, negated, attributed, reported and disease-course sentences stay quiet."""

from __future__ import annotations

import pytest

from lint.pipeline import check_text

FLAGGED = [
    ("Ketamine may help, and it works within hours.", "speed"),
    ("The infusion works within hours.", "speed"),
    ("Cold Plunges Speed Up Healing Within 2 Days", "speed"),
    ("Our patients would rather have a quick, permanent fix, and we give them one.", "permanence"),
    ("Our patients enjoy permanent relief.", "permanence"),
    ("Studies show the drip restores balance to your nervous system.", "consensus"),
    ("Evidence suggests it works by rewiring the brain.", "mechanism"),
    ("Unlike conventional painkillers, the balm is completely safe.", "safety"),
    ("The treatment is non-addictive.", "safety"),
    ("Most patients feel better after two sessions.", "generalization"),
    # A cited study does not excuse a promise to the reader.
    ("A 2019 study found that our gummies cure your insomnia for good.", "cure"),
    ("Our results show that the balm relieves pain within hours!", "speed"),
    # a result the product delivers, not one a study measured
    ("The treatment has delivered significant reductions in migraine frequency.", "efficacy"),
    ("Studies show the patch works better than pills.", "superiority"),
    ("Research shows the tea lowers blood pressure.", "consensus"),
    ("The drip is safe for all patients.", "safety"),
    # a product that boasts a result claims it; a promoter that boasts one is reported
    ("The clinic's laser boasts remarkable success rates.", "efficacy"),
]

QUIET = [
    # research reporting: a past result, an association, a study by its institution
    "During treatment, fT4 decreased significantly to low-normal levels.",
    "The brief intervention was superior to a control condition.",
    "New research shows that shorter sleep is linked to weight gain in children.",
    "A study led by researchers at a Texas university shows that hospitals with robots do more surgery.",
    "The infusion was well tolerated in select patients.",
    "Ketamine may help some patients with OCD.",
    "Ketamine is not a cure for OCD.",
    "It has not been approved by the FDA for OCD.",
    "There is no cure for Huntington disease.",
    "Some patients report relief within hours.",
    "Early studies suggest that the drip could reduce fatigue.",
    "It is thought to reset neural circuits.",
    "A 2013 randomized trial of 15 adults found symptom reduction lasting up to a week.",
    "Our results show that the balm relieves pain within hours.",
    "If the treatment works for you, we can repeat it.",
    "Is ketamine a miracle cure?",
    "Clinics across the country are promising instant relief.",
    "The seller's video boasts a success rate of 98 per cent but never says what success means.",
    "Permanent teeth come in around age six.",
    "Long-term complications include kidney damage.",
    "The patient's condition showed a rapid decline.",
    "Chronic pain is a long-lasting condition.",
    "Ketamine is FDA-approved as an anesthetic.",
    # A modal that leads a list of verbs hedges each ("calm" is read as an adjective).
    "This drink may strengthen the immune system, calm inflammation and improve circulation.",
    # A Title Case heading with a modal: the parser reads "May" as a month.
    "Cold Plunges May Speed Up Healing Within 2 Days",
    "Side effects can include nausea and dizziness.",
    "Results vary; consult your doctor.",
]


@pytest.mark.parametrize(("sentence", "category"), FLAGGED)
def test_claim_is_flagged(sentence, category):
    assert category in {f.category for f in check_text(sentence)}


@pytest.mark.parametrize("sentence", QUIET)
def test_context_keeps_sentence_quiet(sentence):
    assert [(f.rule, f.text) for f in check_text(sentence)] == []


def test_scope_is_the_clause():
    findings = check_text("Ketamine may help, and it works within hours.")
    assert [f.text for f in findings] == ["within hours"]


def test_equally_strong_matches_of_two_categories_resolve_the_same_in_any_order(linter):
    """Which of two matches on the same words survives never depends on the order the
    matcher found them in (that order follows sets, whose order changes per process)."""
    from lint.engine.linter import _best_matches
    from lint.engine.matching import Match

    warnings = [r for r in linter.rules.values() if r.severity == "warning"]
    first = next(r for r in warnings)
    second = next(r for r in warnings if r.category != first.category)
    a = Match(first.id, 2, 4, frozenset({2, 3}))
    b = Match(second.id, 2, 4, frozenset({2, 3}))
    assert _best_matches([a, b], linter.rules) == _best_matches([b, a], linter.rules)
    assert len(_best_matches([a, b], linter.rules)) == 1
