"""Split prose into sentences without spaCy, keeping offsets into the source text."""

from __future__ import annotations

import re

from lint.data import Sentence

# A line break ends a sentence unless the next line continues it in lower case.
_LINE_BREAK = re.compile(r"\n(?![ \t]*[a-z(])")
_SENTENCE_END = re.compile(r"[.!?][.!?\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_ABBREVIATIONS = frozenset(
    "dr mr mrs ms prof st vs etc e.g i.e u.s u.k no fig approx inc ltd co jr sr dept".split()
)
_LEADING_NOISE = re.compile(r"^(?:\s|[-*•·>#]+\s|\d{1,2}[.)]\s)+")
_NOISE_STARTS = frozenset(" \t\r\n\f\v-*•·>#0123456789")
_HAS_WORD = re.compile(r"[^\W\d_]")


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` (extracted prose), with their offsets into it.

    A sentence never crosses a line break that ``_LINE_BREAK`` matches."""
    sentences: list[Sentence] = []
    start = 0
    for brk in _LINE_BREAK.finditer(text):
        _add_sentences(text, start, brk.start(), sentences)
        start = brk.end()
    _add_sentences(text, start, len(text), sentences)
    return sentences


def _add_sentences(text: str, start: int, end: int, sentences: list[Sentence]) -> None:
    """Append the sentences of text[start:end], which holds no line break that ends one."""
    for m in _SENTENCE_END.finditer(text, start, end):
        if _is_abbreviation(text, start, m.start()):
            continue
        stop = m.end() - len(m.group()) + len(m.group().rstrip())
        _add(text, start, stop, sentences)
        start = m.end()
    _add(text, start, end, sentences)


def _is_abbreviation(text: str, start: int, dot: int) -> bool:
    """The word before this full stop is an abbreviation ("Dr.", "e.g.") or an initial."""
    space = max(text.rfind(" ", start, dot), text.rfind("\t", start, dot))
    word = text[max(space + 1, start) : dot].lstrip("(\"'“").lower()
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


MAX_SENTENCE = 3000  # characters; longer runs (lists, tables, minified text) are cut up


def _add(text: str, start: int, end: int, sentences: list[Sentence]) -> None:
    """Append text[start:end] as a sentence (or several, if it is very long), without list
    markers or surrounding space; nothing if it has no word."""
    body = text[start:end]
    if body and body[0] in _NOISE_STARTS:
        lead = _LEADING_NOISE.match(body)
        if lead:
            body = body[lead.end() :]
            start += lead.end()
    body = body.rstrip()
    while len(body) > MAX_SENTENCE:
        cut = body.rfind(" ", MAX_SENTENCE // 2, MAX_SENTENCE)
        cut = cut if cut > 0 else MAX_SENTENCE
        if _HAS_WORD.search(body, 0, cut):
            sentences.append(Sentence(text=body[:cut].rstrip(), start=start))
        rest = body[cut:]
        stripped = rest.lstrip()
        start += cut + len(rest) - len(stripped)
        body = stripped
    if body and _HAS_WORD.search(body):
        sentences.append(Sentence(text=body, start=start))
