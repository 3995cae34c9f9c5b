"""Where the prose is in a source text: segments of (start, end) offsets into it."""

from __future__ import annotations

from lint.model import SourceText


def prose_segments(source: SourceText) -> list[tuple[int, int]]:
    """The parts of the text that are prose to lint (for now the whole text, in every format)."""
    return [(0, len(source.text))]
