"""Code-point offsets ↔ LSP positions, in the position encoding the client negotiated.

overclaim's offsets count code points; LSP counts UTF-16 code units by default (UTF-8 or
UTF-32 when negotiated), and lines end at "\\n", "\\r\\n" or "\\r". An emoji before a claim is
one code point but two UTF-16 units: it must not shift the underline.
"""

from __future__ import annotations

import bisect
import re

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"
_LINE_END = re.compile(r"\r\n|\r|\n")


def units(text: str, encoding: str) -> int:
    """How many code units ``text`` takes in the encoding."""
    if encoding == UTF32 or text.isascii():
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


class LineMap:
    """Positions of one text: line starts as LSP splits lines, characters in ``encoding``."""

    def __init__(self, text: str, encoding: str = UTF16):
        self.text = text
        self.encoding = encoding
        self._simple = encoding == UTF32 or text.isascii()  # a unit is a code point
        self._starts = [0]
        self._ends: list[int] = []  # where each line's content ends (before its line ending)
        for match in _LINE_END.finditer(text):
            self._ends.append(match.start())
            self._starts.append(match.end())
        self._ends.append(len(text))

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def line_of(self, offset: int) -> int:
        """The 0-based line the offset is on."""
        return bisect.bisect_right(self._starts, offset) - 1

    def line_bounds(self, line: int) -> tuple[int, int]:
        """Where a line's content starts and ends (its line ending excluded)."""
        return self._starts[line], self._ends[line]

    def line_ending(self, line: int) -> str:
        """The line's own line ending ("" on the last line)."""
        end = self._ends[line]
        return self.text[end : self._starts[line + 1]] if line + 1 < len(self._starts) else ""

    def position(self, offset: int) -> tuple[int, int]:
        """The (line, character) of a code-point offset."""
        offset = max(0, min(offset, len(self.text)))
        line = self.line_of(offset)
        start, end = self.line_bounds(line)
        column = min(offset, end) - start
        if self._simple:
            return line, column
        return line, units(self.text[start : start + column], self.encoding)

    def offset(self, line: int, character: int) -> int:
        """The code-point offset of a position; past a line's end means its end."""
        if line < 0:
            return 0
        if line >= len(self._starts):
            return len(self.text)
        start, end = self.line_bounds(line)
        if self._simple:
            return min(start + max(character, 0), end)
        counted = 0
        for index in range(start, end):
            if counted >= character:
                return index
            counted += units(self.text[index], self.encoding)
        return end
