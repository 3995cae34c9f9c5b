"""The first pass never hides a sentence a rule could match."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint.data import SourceText
from lint.engine.compile import compile_rulebook
from lint.engine.linter import Linter, normalize, parse_text
from lint.engine.nlp import pipeline
from lint.engine.triggers import _NUMBER_RUN, NUMBER, _regex_needs_number, token_trigger, words_of
from lint.input.prose import Prose
from lint.rulebook.loading import load_rulebook

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


@pytest.mark.parametrize(
    "text",
    [
        "This supplement doesn't cause side effects.",
        "Youre going to feel better within hours.",
        "It will give you  relief\nwithin hours.",
        "85%  of   our\npatients improved.",
    ],
)
def test_contractions_and_spacing_never_hide_a_match(linter, text):
    """spaCy splits "doesn't" and "youre" inside a word; the first pass must see both parts."""
    sources = [SourceText("page.txt", text, "plain")]
    reference = Linter(RULEBOOK, prefilter=False).check(sources)[0]
    assert reference, "the sentence should have a finding"
    assert linter.check(sources)[0] == reference


def test_ordered_triggers_need_their_words_in_order_and_within_reach(linter):
    rules = linter.triggers.rules_for
    assert "cure.eliminate" in rules("it can eliminate the deepest anxiety")
    assert "cure.eliminate" not in rules("anxiety is common, and some eliminate coffee")
    far = "eliminate " + "nice " * 12 + "anxiety"
    assert "cure.eliminate" not in rules(far)


FILLERS = [
    "the",
    "and",
    ",",
    "-",
    "%",
    "85",
    "5mg",
    "doesn't",
    "cannot",
    "youre",
    "(",
    "'s",
    "very",
]
SPACES = [" ", "  ", "\n", " \t "]
SENTENCES = sorted({s for rule in RULEBOOK.rules for s in rule.flag_examples + rule.pass_examples})


@st.composite
def near_misses(draw) -> str:
    """A rule example with words and contractions put in, and its spacing changed."""
    words = draw(st.sampled_from(SENTENCES)).split()
    for _ in range(draw(st.integers(0, 4))):
        words.insert(draw(st.integers(0, len(words))), draw(st.sampled_from(FILLERS)))
    return "".join(word + draw(st.sampled_from(SPACES)) for word in words).strip()


@given(near_misses())
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_first_pass_keeps_every_rule_the_tokenized_sentence_could_match(linter, text):
    """Against spaCy's own tokens: every rule whose patterns could match the tokenized
    sentence (and whose required words it has) passes the first pass."""
    doc = pipeline().tokenizer(parse_text(text)[0])
    lowers = [t.lower_ for t in doc]
    matcher = linter._rule_matcher(pipeline())
    possible = {
        rule_id
        for rule_id in matcher.surface(doc, frozenset(linter.rules), lowers)
        if linter._lexically_possible(rule_id, set(lowers))
    }
    assert possible <= linter.triggers.rules_for(normalize(text).lower())


TRIGGER_WORDS_OF_RULES = {
    word
    for compiled in compile_rulebook(RULEBOOK)
    for trigger in compiled.triggers
    for words in trigger.words
    for word in words
}
TRIGGER_WORDS = sorted(
    {w for rule in RULEBOOK.rules for s in rule.flag_examples for w in s.split()}
)


@given(
    st.lists(
        st.sampled_from(TRIGGER_WORDS) | st.text(max_size=6),
        max_size=12,
    ).map(" ".join)
)
@settings(max_examples=300, deadline=None)
def test_words_found_on_bytes_are_the_words_of_the_sentence(linter, text):
    """``present`` finds exactly the trigger words ``words_of`` gives, in any text."""
    index = linter.triggers
    lowered = normalize(text).lower()
    splits = index._splits  # the words spaCy splits into trigger words, with those parts
    expected = (TRIGGER_WORDS_OF_RULES | set(splits)).intersection(words_of(lowered))
    for word in expected & set(splits):
        expected |= {part for _, part in splits[word]}
    if NUMBER in TRIGGER_WORDS_OF_RULES and _NUMBER_RUN.search(lowered):
        expected |= {NUMBER}
    assert index.present(lowered) == expected


@pytest.mark.parametrize(
    ("pattern", "needs"),
    [
        (r"^[0-9]+[–-][0-9]+%?$", True),
        (r"\d{2,}", True),
        (r"x(?:1|2)", True),
        (r"\d*", False),
        (r"(\d|x)", False),
        (r"[^a]", False),
        (r"[a-z]+", False),
        (r"\p{N}", False),  # RE2 syntax Python cannot read: no constraint
    ],
)
def test_a_regex_that_needs_a_digit_needs_a_number_word(pattern, needs):
    assert _regex_needs_number(pattern) is needs
    trigger = token_trigger([{"TEXT": {"REGEX": pattern}}, {"LOWER": "of"}])
    assert (NUMBER in trigger.chain[0].words) is needs
