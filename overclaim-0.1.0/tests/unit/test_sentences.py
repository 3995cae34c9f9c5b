"""Sentence splitting keeps offsets and treats headings and list items as sentences."""

from __future__ import annotations

from lint.input.sentences import split_sentences


def test_split_keeps_offsets_and_headings():
    text = (
        "Fast Relief for Migraines\n\n"
        "Dr. Lee treats migraines. It works! Does it?\n"
        "- first item\n"
        "* Second item\n"
        "A sentence wrapped\nacross two lines."
    )
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Fast Relief for Migraines",
        "Dr. Lee treats migraines.",
        "It works!",
        "Does it?",
        "first item",
        "Second item",
        "A sentence wrapped\nacross two lines.",
    ]
    for s in sentences:
        assert text[s.start : s.end] == s.text
