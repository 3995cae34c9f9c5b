"""The first pass never hides a sentence a rule could match."""

from __future__ import annotations

import pytest

from lint.engine import Linter, normalize
from lint.prose import Prose
from lint.rulebook import load_rulebook

RULEBOOK = load_rulebook()
EXAMPLES = [(rule.id, s) for rule in RULEBOOK.rules for s in rule.flag_examples]


@pytest.mark.parametrize(("rule_id", "sentence"), EXAMPLES)
def test_first_pass_selects_every_flag_example_for_its_rule(linter, rule_id, sentence):
    assert rule_id in linter.triggers.rules_for(normalize(sentence).lower())


def test_sentence_without_trigger_words_is_not_parsed(linter):
    text = "Our clinic is open Monday to Friday. Parking is available behind the building."
    assert linter.candidates(Prose.identity(text)) == []


def test_every_pattern_has_a_trigger_word():
    assert all(all(t.words) for c in Linter(RULEBOOK).compiled for t in c.triggers)
