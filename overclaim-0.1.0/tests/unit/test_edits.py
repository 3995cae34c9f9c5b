"""An edit computed between two texts turns the first into the second."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from lint.engine.rewrite.edit import Edit

WORDS = st.lists(
    st.sampled_from(["may", "work", "works", "some", "people", "safe", ",", "the", "-", " "]),
    min_size=1,
    max_size=12,
)


@given(WORDS, WORDS)
def test_an_edit_between_two_texts_applies_exactly(before, after):
    old, new = " ".join(before), " ".join(after)
    if old == new:
        return
    edit = Edit.between(old, new, safe=True)
    assert edit.apply(old) == new
    assert all(edit.start <= start <= end <= edit.end for start, end, _ in edit.pieces)


def test_an_edit_between_two_sentences_changes_only_the_changed_words():
    old = "Treatment works, and anyone can get better."
    new = "Treatment may work, and some people can get better."
    edit = Edit.between(old, new, safe=False)
    assert edit.apply(old) == new
    changed = [old[start:end] for start, end, _ in edit.pieces]
    assert "Treatment" not in "".join(changed) and "better" not in "".join(changed)
    assert not edit.safe
