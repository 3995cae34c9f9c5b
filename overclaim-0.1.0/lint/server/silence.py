"""Where the comment that silences a rule on one line goes, as a plain text edit.

``<!-- overclaim-disable-next-line RULE -->`` goes on the line above the finding: on a line of
its own, indented like the finding's line (and inside the same list item or quote), or at the
end of the line above where a line of its own would change the page (split a paragraph, a
list or a table). Every placement is checked with the suppression filter itself: it must
silence the finding and leave every other comment covering what it covered. Plain text has
no comments, so there is no placement there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lint.data import SourceText
from lint.filters.suppressions import parse_directives
from lint.input.formats import extract
from lint.server.positions import UTF32, LineMap

COMMENT = "<!-- overclaim-disable-next-line {rule} -->"
_QUOTE_PREFIX = re.compile(r"[ \t]*(?:>[ \t]?)*")
_LIST_MARKER = re.compile(r"(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$)")


@dataclass(frozen=True)
class Insertion:
    """Insert ``text`` at code-point ``offset``."""

    offset: int
    text: str

    def applied(self, text: str) -> str:
        return text[: self.offset] + self.text + text[self.offset :]


def silence(text: str, format: str, start: int, rule: str) -> Insertion | None:
    """The insertion that silences ``rule`` on the line of offset ``start``; None when the
    format has no comments or no placement works."""
    if format not in ("markdown", "html"):
        return None
    lines = LineMap(text, UTF32)
    line = lines.line_of(start)
    comment = COMMENT.format(rule=rule)
    place = _Placer(text, lines, line, comment)
    candidates = place.markdown() if format == "markdown" else place.html()
    before = _coverage(text, format)
    for insertion in candidates:
        if insertion is not None and _works(text, format, insertion, start, rule, before):
            return insertion
    return None


class _Placer:
    """The candidate placements for one line, best first."""

    def __init__(self, text: str, lines: LineMap, line: int, comment: str):
        self.text, self.lines, self.line, self.comment = text, lines, line, comment

    def content(self, line: int) -> str:
        start, end = self.lines.line_bounds(line)
        return self.text[start:end]

    def previous_blank(self) -> bool:
        return self.line == 0 or not self.content(self.line - 1).strip()

    def previous_has_directive(self) -> bool:
        above = self.content(self.line - 1) if self.line else ""
        return "overclaim-disable-next-line" in above and above.rstrip().endswith("-->")

    def own_line(self, prefix: str) -> Insertion:
        """The comment on a line of its own just above, after ``prefix``."""
        above = self.lines.line_ending(self.line - 1) if self.line else ""
        ending = above or self.lines.line_ending(self.line) or "\n"
        return Insertion(self.lines.line_bounds(self.line)[0], prefix + self.comment + ending)

    def end_of_previous(self) -> Insertion | None:
        """The comment at the end of the line above (before a hard break's backslash)."""
        if self.line == 0:
            return None
        start, _ = self.lines.line_bounds(self.line - 1)
        kept = self.content(self.line - 1).rstrip(" \t")
        at = start + len(kept) - (1 if kept.endswith("\\") else 0)
        return Insertion(at, " " + self.comment)

    def in_last_cell_of_previous(self) -> Insertion | None:
        """The comment inside the last cell of the table row above."""
        start, _ = self.lines.line_bounds(self.line - 1)
        kept = self.content(self.line - 1).rstrip(" \t")
        if not kept.endswith("|"):
            return self.end_of_previous()
        at = start + len(kept) - 1
        space = "" if self.text[at - 1 : at].isspace() else " "
        return Insertion(at, space + self.comment + " ")

    def html(self) -> list[Insertion | None]:
        indent = re.match(r"[ \t]*", self.content(self.line))
        own = self.own_line(indent.group() if indent else "")
        if self.previous_has_directive():
            return [self.end_of_previous(), own]
        return [own, self.end_of_previous()]

    def markdown(self) -> list[Insertion | None]:
        blocks = _MarkdownLines(self.text)
        line, current = self.line, self.content(self.line)
        prefix_match = _QUOTE_PREFIX.match(current)
        prefix = prefix_match.group() if prefix_match else ""
        if self.previous_has_directive():
            return [self.end_of_previous()]
        row = blocks.table_rows.get(line)
        if row == "head":
            return [self.own_line(prefix)]
        if row == "body":
            above = blocks.table_rows.get(line - 1)
            return [self.in_last_cell_of_previous()] if above in ("head", "body") else []
        if self.previous_blank():
            marker = _LIST_MARKER.match(current, len(prefix))
            if marker and line in blocks.later_items:  # stay inside the list
                return [self.own_line(prefix + " " * (marker.end() - len(prefix)))]
            return [self.own_line(prefix)]
        if line - 1 in blocks.prose:
            return [self.end_of_previous(), self.own_line(prefix)]
        return [self.own_line(prefix), self.end_of_previous()]


class _MarkdownLines:
    """Which lines of a Markdown text hold prose, table rows, or list items after the first."""

    def __init__(self, text: str):
        from markdown_it import MarkdownIt

        self.prose: set[int] = set()
        self.table_rows: dict[int, str] = {}
        self.later_items: set[int] = set()
        lists: list[int] = []  # the first line of each open list
        in_table = False
        for token in MarkdownIt("commonmark").enable("table").parse(text):
            kind, where = token.type, token.map
            if kind in ("bullet_list_open", "ordered_list_open") and where:
                lists.append(where[0])
            elif kind in ("bullet_list_close", "ordered_list_close") and lists:
                lists.pop()
            elif kind == "list_item_open" and where and lists and where[0] > lists[-1]:
                self.later_items.add(where[0])
            elif kind == "table_open":
                in_table = True
            elif kind == "table_close":
                in_table = False
            elif kind == "tr_open" and where:
                head = self.table_rows.get(where[0] - 1) is None
                self.table_rows[where[0]] = "head" if head else "body"
                if head:
                    self.table_rows[where[0] + 1] = "delimiter"
            elif kind == "inline" and where and not in_table:
                self.prose.update(range(where[0], where[1]))


def _coverage(text: str, format: str) -> list[tuple[str, tuple[str, ...], list[tuple[int, int]]]]:
    directives = parse_directives(text, extract(SourceText("<buffer>", text, format)).comments)
    return [(d.kind, d.rules, d.covers) for d in directives]


def _works(
    text: str,
    format: str,
    insertion: Insertion,
    start: int,
    rule: str,
    before: list[tuple[str, tuple[str, ...], list[tuple[int, int]]]],
) -> bool:
    """Whether the insertion silences ``rule`` at ``start`` and every comment already there
    still covers what it covered."""
    size, at = len(insertion.text), insertion.offset

    def moved(position: int) -> int:
        return position + size if position >= at else position

    after = _coverage(insertion.applied(text), format)
    for kind, rules, covers in before:
        if kind == "disable-file":
            expected = (kind, rules, [(0, len(text) + size)])
        else:
            expected = (kind, rules, [(moved(s), moved(e)) for s, e in covers])
        if expected not in after:
            return False
        after.remove(expected)
    target = moved(start)
    return any(
        kind == "disable-next-line" and rule in rules and any(s <= target < e for s, e in covers)
        for kind, rules, covers in after
    )
