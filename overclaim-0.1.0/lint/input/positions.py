"""Offsets in a text as 1-based line and column numbers."""

from __future__ import annotations

import bisect
import re

_NEWLINE = re.compile("\n")


class LineIndex:
    """Convert offsets into 1-based line and column numbers."""

    def __init__(self, text: str):
        self._starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def line_start(self, offset: int) -> int:
        """The offset where the line of ``offset`` starts."""
        return self._starts[bisect.bisect_right(self._starts, offset) - 1]
