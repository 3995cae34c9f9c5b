"""Prose extracted from a source file, with a map from every extracted offset back to the source."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

BLOCK_BREAK = "\n\n"


@dataclass
class Prose:
    """Extracted prose text and the runs that map it back to the source text.

    A run is (text_start, source_start, text_length, source_length): copied text has equal
    lengths; a decoded entity is one character standing for several source characters.
    """

    text: str = ""
    runs: list[tuple[int, int, int, int]] = field(default_factory=list)
    comments: list[tuple[int, int]] = field(default_factory=list)  # source ranges of comments

    @classmethod
    def identity(cls, source: str) -> Prose:
        return cls(source, [(0, 0, len(source), len(source))] if source else [])

    def _run(self, position: int) -> tuple[int, int, int, int]:
        index = bisect.bisect_right(self.runs, (position, float("inf"))) - 1
        return self.runs[max(index, 0)]

    def source_start(self, position: int) -> int:
        """The source offset of the extracted character at ``position``."""
        text_start, source_start, text_length, source_length = self._run(position)
        if text_length == source_length:
            return source_start + min(position - text_start, source_length)
        return source_start

    def source_end(self, position: int) -> int:
        """The source offset just after the extracted characters that end at ``position``."""
        if position <= 0:
            return self.source_start(0)
        text_start, source_start, text_length, source_length = self._run(position - 1)
        if text_length == source_length:
            return source_start + min(position - text_start, source_length)
        return source_start + source_length


class ProseBuilder:
    """Collect prose pieces in order; blocks are kept apart so sentences never cross them."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._runs: list[tuple[int, int, int, int]] = []
        self._comments: list[tuple[int, int]] = []
        self._length = 0

    def comment(self, source_start: int, source_end: int) -> None:
        """A markup comment (not prose) at these source offsets."""
        self._comments.append((source_start, source_end))

    def copy(self, text: str, source_start: int) -> None:
        """Text that stands in the source verbatim at ``source_start``."""
        if text:
            self._add(text, source_start, len(text))

    def decoded(self, text: str, source_start: int, source_length: int) -> None:
        """Text decoded from a longer source form, such as an entity (``&amp;`` → ``&``)."""
        if text:
            self._add(text, source_start, source_length)

    def space(self, source_start: int) -> None:
        """A word break standing for markup (a line break, an inline tag)."""
        if self._parts and not self._parts[-1][-1:].isspace():
            self._add(" ", source_start, 0)

    def block(self, source_start: int) -> None:
        """End the current block: what follows starts a new sentence."""
        if self._parts and not self._parts[-1].endswith(BLOCK_BREAK):
            self._add(BLOCK_BREAK, source_start, 0)

    def _add(self, text: str, source_start: int, source_length: int) -> None:
        self._parts.append(text)
        if source_length == len(text):
            last = self._runs[-1] if self._runs else None
            if (
                last
                and last[2] == last[3]
                and last[0] + last[2] == self._length
                and last[1] + last[3] == source_start
            ):
                self._runs[-1] = (last[0], last[1], last[2] + len(text), last[3] + len(text))
            else:
                self._runs.append((self._length, source_start, len(text), len(text)))
        else:
            self._runs.append((self._length, source_start, len(text), source_length))
        self._length += len(text)

    def build(self) -> Prose:
        return Prose("".join(self._parts), self._runs, self._comments)
