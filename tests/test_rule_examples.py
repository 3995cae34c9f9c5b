"""Every rule's own examples: `flag:` sentences get a finding of that rule, `pass:` ones do not."""

from __future__ import annotations

from dataclasses import replace

import pytest

from lint.config import Settings
from lint.pipeline import Pipeline
from lint.rulebook.loading import load_rulebook

RULEBOOK = load_rulebook()
# An example tests its rule's patterns and context: the rules alone (tests/test_model.py and
# `overclaim eval` cover what the model adds).
RULES_ALONE = Pipeline(replace(Settings(), model=False))
FLAG = [(r.id, s) for r in RULEBOOK.rules for s in r.flag_examples]
PASS = [(r.id, s) for r in RULEBOOK.rules for s in r.pass_examples]


def test_every_rule_has_examples_of_both_kinds():
    for rule in (r for r in RULEBOOK.rules if r.patterns):  # the model's rules have none
        assert rule.flag_examples, f"{rule.id} has no flag: examples"
        assert rule.pass_examples, f"{rule.id} has no pass: examples"


@pytest.mark.parametrize(("rule_id", "sentence"), FLAG)
def test_flag_example_is_flagged(rule_id, sentence):
    rules = {f.rule for f in RULES_ALONE.check_text(sentence)}
    assert rule_id in rules, f"{sentence!r} gave {sorted(rules)}"


@pytest.mark.parametrize(("rule_id", "sentence"), PASS)
def test_pass_example_is_not_flagged_by_its_rule(rule_id, sentence):
    rules = {f.rule for f in RULES_ALONE.check_text(sentence)}
    assert rule_id not in rules, f"{sentence!r} gave {sorted(rules)}"


def test_no_phrase_template_reads_as_a_broken_phrase():
    """A choice of several words inside a slot ("don't|do not need to", "age|your age") makes
    phrases that never occur ("don't not need to", "regardless of age age")."""
    from lint.engine.compile import _expand_phrases

    for rule in RULEBOOK.rules:
        for pattern in (p for p in rule.patterns if p.kind == "phrase"):
            for phrase in _expand_phrases(list(pattern.spec), RULEBOOK.vocabulary):
                words = phrase.split()
                for first, second in zip(words, words[1:], strict=False):
                    assert first != second, f"{rule.id}: {phrase!r}"
                    assert not (first.endswith("n't") and second == "not"), f"{rule.id}: {phrase!r}"
