"""A file's copy as the reader sees it: blocks of prose with each finding's words marked.

Findings point at the source text; the prose extracted from it (``lint.input.formats``) maps
prose offsets to source offsets, and ``ProseMap`` maps them back. Overlapping findings nest:
where two spans cross, the later one is split into pieces, so every finding keeps its own
mark on exactly its words.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from lint.input.prose import Prose

_BLOCK_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_SPACES = re.compile(r"\s+")


class ProseMap:
    """Source offsets → prose offsets, for the source characters that became prose."""

    def __init__(self, prose: Prose):
        self.prose = prose
        runs = [run for run in prose.runs if run[3] > 0]
        runs.sort(key=lambda run: run[1])
        self._runs = runs
        self._starts = [run[1] for run in runs]

    def _run(self, offset: int, end: bool) -> tuple[int, int, int, int] | None:
        """The run whose source covers ``offset`` (for an end offset, the character before)."""
        index = bisect.bisect_right(self._starts, offset - 1 if end else offset) - 1
        if index < 0:
            return None
        run = self._runs[index]
        if not run[1] <= (offset - 1 if end else offset) < run[1] + run[3]:
            return None
        return run

    def start(self, offset: int) -> int | None:
        """The prose offset of the source character at ``offset``, if it is prose."""
        run = self._run(offset, end=False)
        if run is None:
            return None
        text_start, source_start, text_length, source_length = run
        return text_start + (offset - source_start if text_length == source_length else 0)

    def end(self, offset: int) -> int | None:
        """The prose offset just after the source characters that end at ``offset``."""
        run = self._run(offset, end=True)
        if run is None:
            return None
        text_start, source_start, text_length, source_length = run
        if text_length == source_length:
            return text_start + offset - source_start
        return text_start + text_length

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """The prose span of the source span, if both ends are prose and it is not empty."""
        first, last = self.start(start), self.end(end)
        if first is None or last is None or last <= first:
            return None
        return first, last

    def text(self, start: int, end: int) -> str:
        return self.prose.text[start:end]


def collapse(text: str) -> str:
    """Runs of white space as one space, as a browser shows prose."""
    return _SPACES.sub(" ", text)


@dataclass
class Mark:
    """One piece of a finding's marked words; ``first`` is where its anchor goes and
    ``last`` is followed by its label. ``depth`` counts the marks around it."""

    finding: int
    depth: int
    first: bool = False
    last: bool = False
    children: list[Mark | str] = field(default_factory=list)


@dataclass
class Layout:
    """A file's prose as blocks of text and marks; ``unplaced`` holds the findings whose
    words are not prose (a comment, markup): the file's document-level notes."""

    blocks: list[list[Mark | str]]
    unplaced: list[int]
    spans: dict[int, tuple[int, int]]  # each placed finding's prose span


def layout(prose: Prose, findings: list[tuple[int, int, int]]) -> Layout:
    """Blocks of ``prose`` with ``findings`` (id, source start, source end) marked."""
    where = ProseMap(prose)
    spans: dict[int, tuple[int, int]] = {}
    unplaced = []
    for finding, start, end in findings:
        span = where.span(start, end)
        if span is None:
            unplaced.append(finding)
        else:
            spans[finding] = span
    blocks = [_block(prose.text, start, end, spans) for start, end in _blocks(prose.text)]
    _mark_first_and_last(blocks)
    return Layout(blocks, unplaced, spans)


def _blocks(text: str) -> list[tuple[int, int]]:
    """The spans of the text's blocks (paragraphs, headings, cells), without blank ones."""
    out = []
    position = 0
    for gap in _BLOCK_BREAK.finditer(text):
        out.append((position, gap.start()))
        position = gap.end()
    out.append((position, len(text)))
    return [(start, end) for start, end in out if text[start:end].strip()]


def _block(text: str, start: int, end: int, spans: dict[int, tuple[int, int]]) -> list[Mark | str]:
    """One block's text and marks, nested: a mark opened later closes first."""
    inside = {
        f: (max(a, start), min(b, end)) for f, (a, b) in spans.items() if a < end and b > start
    }
    cuts = sorted({start, end, *(a for a, _ in inside.values()), *(b for _, b in inside.values())})
    root: list[Mark | str] = []
    stack: list[Mark] = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        covering = {f for f, (a, b) in inside.items() if a <= left and right <= b}
        keep = 0
        while keep < len(stack) and stack[keep].finding in covering:
            keep += 1
        del stack[keep:]
        opened = {mark.finding for mark in stack}
        for finding in sorted(covering - opened, key=lambda f: (-inside[f][1], f)):
            mark = Mark(finding, depth=len(stack))
            (stack[-1].children if stack else root).append(mark)
            stack.append(mark)
        (stack[-1].children if stack else root).append(text[left:right])
    return root


def _mark_first_and_last(blocks: list[list[Mark | str]]) -> None:
    first: dict[int, Mark] = {}
    last: dict[int, Mark] = {}

    def visit(items: list[Mark | str]) -> None:
        for item in items:
            if isinstance(item, Mark):
                first.setdefault(item.finding, item)
                last[item.finding] = item
                visit(item.children)

    for block in blocks:
        visit(block)
    for mark in first.values():
        mark.first = True
    for mark in last.values():
        mark.last = True
