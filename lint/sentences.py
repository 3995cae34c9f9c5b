"""Split prose into sentences without spaCy, keeping offsets into the source text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.model import Sentence

# A line break ends a sentence unless the next line continues it in lower case.
_LINE_BREAK = re.compile(r"\r?\n(?![ \t]*[a-z(])")
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_ABBREVIATIONS = frozenset(
    "dr mr mrs ms prof st vs etc e.g i.e u.s u.k no fig approx inc ltd co jr sr dept".split()
)
_LEADING_NOISE = re.compile(r"^(?:\s|[-*•·>#]+\s|\d{1,2}[.)]\s)+")
_HAS_WORD = re.compile(r"[^\W\d_]")


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` (extracted prose), with their offsets into it."""
    sentences: list[Sentence] = []
    for start, end in _chunks(text, 0, len(text)):
        sentences.extend(_sentences_in(text, start, end))
    return sentences


def _chunks(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Paragraph and line pieces of text[start:end] that a sentence cannot cross."""
    pos = start
    for brk in _LINE_BREAK.finditer(text, start, end):
        yield pos, brk.start()
        pos = brk.end()
    yield pos, end


def _sentences_in(text: str, start: int, end: int) -> Iterator[Sentence]:
    pos = start
    for m in _SENTENCE_END.finditer(text, start, end):
        if _is_abbreviation(text, pos, m.start()):
            continue
        stop = m.end() - len(m.group()) + len(m.group().rstrip())
        yield from _make(text, pos, stop)
        pos = m.end()
    yield from _make(text, pos, end)


def _is_abbreviation(text: str, start: int, dot: int) -> bool:
    """The word before this full stop is an abbreviation ("Dr.", "e.g.") or an initial."""
    space = max(text.rfind(" ", start, dot), text.rfind("\t", start, dot))
    word = text[max(space + 1, start) : dot].lstrip("(\"'“").lower()
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


MAX_SENTENCE = 3000  # characters; longer runs (lists, tables, minified text) are cut up


def _make(text: str, start: int, end: int) -> Iterator[Sentence]:
    piece = text[start:end]
    lead = _LEADING_NOISE.match(piece)
    skip = lead.end() if lead else 0
    body = piece[skip:].rstrip()
    begin = start + skip
    while len(body) > MAX_SENTENCE:
        cut = body.rfind(" ", MAX_SENTENCE // 2, MAX_SENTENCE)
        cut = cut if cut > 0 else MAX_SENTENCE
        if _HAS_WORD.search(body[:cut]):
            yield Sentence(text=body[:cut].rstrip(), start=begin)
        rest = body[cut:]
        stripped = rest.lstrip()
        begin += cut + len(rest) - len(stripped)
        body = stripped
    if body and _HAS_WORD.search(body):
        yield Sentence(text=body, start=begin)
