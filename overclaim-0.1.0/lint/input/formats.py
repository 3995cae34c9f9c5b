"""Where the prose is: extract it from plain text, Markdown or HTML with a map back to the source."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from lint.data import SourceText
from lint.input.prose import Prose, ProseBuilder

_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_FRONT_MATTER = re.compile(r"\A(---|\+\+\+)[ \t]*\r?\n(.*?)^\1[ \t]*\r?$", re.DOTALL | re.MULTILINE)
_FRONT_MATTER_PROSE = re.compile(
    r"^[ \t]*(?:title|description|summary|excerpt)[ \t]*[:=][ \t]*(?P<q>[\"']?)(?P<value>.+?)(?P=q)[ \t]*\r?$",
    re.MULTILINE | re.IGNORECASE,
)
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


def extract(source: SourceText) -> Prose:
    """The prose of a source, by its format."""
    if source.format == "markdown":
        return extract_markdown(source.text)
    if source.format == "html":
        return extract_html(source.text)
    return Prose.identity(source.text)


def _copy_without_urls(out: ProseBuilder, text: str, start: int) -> None:
    """Copy text, leaving out bare URLs."""
    position = 0
    for url in _URL.finditer(text):
        out.copy(text[position : url.start()], start + position)
        out.space(start + url.start())
        position = url.end()
    out.copy(text[position:], start + position)


def _copy_decoded(out: ProseBuilder, raw: str, start: int) -> None:
    """Copy raw source text, decoding character references as it goes."""
    position = 0
    for entity in _ENTITY.finditer(raw):
        _copy_without_urls(out, raw[position : entity.start()], start + position)
        out.decoded(html.unescape(entity.group()), start + entity.start(), len(entity.group()))
        position = entity.end()
    _copy_without_urls(out, raw[position:], start + position)


# Markdown ------------------------------------------------------------------------------

_LINE_BREAK = re.compile(r"\r\n?|\n")


def extract_markdown(text: str) -> Prose:
    """Prose of paragraphs, headings, list items, table cells, quotes, link text and alt text.

    Code (fenced, indented, inline), HTML, URLs and link definitions are left out; of the
    front matter only title and description values are kept.
    """
    from markdown_it import MarkdownIt

    out = ProseBuilder()
    body = text
    front = _FRONT_MATTER.match(text)
    if front:
        for field in _FRONT_MATTER_PROSE.finditer(text, front.start(2), front.end(2)):
            out.copy(field.group("value"), field.start("value"))
            out.block(field.end("value"))
        # Keep the line count so markdown-it's line maps still index the source lines.
        head = text[: front.end()]
        if head.endswith("\r") and text.startswith("\n", front.end()):
            head = head[:-1]  # the front matter's last "\r\n" stays whole in the body
        body = "\n" * len(_LINE_BREAK.findall(head)) + text[len(head) :]
    parser = MarkdownIt("commonmark").enable("table")
    parser.disable("text_join")
    # markdown-it counts lines as it splits them: at "\r\n", "\r" or "\n".
    line_starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)] + [len(text) + 1]
    for token in parser.parse(body):
        if token.type not in ("inline", "html_block") or token.map is None:
            continue
        first, last = token.map
        region = (line_starts[first], min(line_starts[min(last, len(line_starts) - 1)], len(text)))
        if token.type == "html_block":
            _html_comments(text, region, out)
            continue
        _MarkdownInline(text, region, out).walk(token.children or [])
        out.block(region[1])
    return out.build()


class _MarkdownInline:
    """Walk an inline token's children, finding each verbatim piece in the source in order."""

    def __init__(self, source: str, region: tuple[int, int], out: ProseBuilder):
        self.source = source
        self.cursor, self.end = region
        self.out = out

    def find(self, piece: str) -> int:
        at = self.source.find(piece, self.cursor, self.end) if piece else -1
        if at != -1:
            self.cursor = at + len(piece)
        return at

    def skip_link_target(self) -> None:
        """After a link's or image's text: skip "](url "title")" or "][ref]"."""
        if self.source.startswith("](", self.cursor):
            close = self.source.find(")", self.cursor, self.end)
            self.cursor = close + 1 if close != -1 else self.cursor
        elif self.source.startswith("][", self.cursor):
            close = self.source.find("]", self.cursor + 2, self.end)
            self.cursor = close + 1 if close != -1 else self.cursor
        elif self.source.startswith("]", self.cursor):
            self.cursor += 1

    def walk(self, children) -> None:
        in_autolink = False
        for child in children:
            kind = child.type
            if kind == "text":
                at = self.find(child.content)
                if at != -1 and not in_autolink:
                    _copy_without_urls(self.out, child.content, at)
            elif kind == "text_special":
                at = self.find(child.markup)
                if at != -1:
                    self.out.decoded(child.content, at, len(child.markup))
            elif kind in ("softbreak", "hardbreak"):
                self.out.space(self.cursor)
            elif kind == "code_inline":
                self.find(child.content)
                self.find(child.markup)
                self.out.space(self.cursor)
            elif kind == "html_inline":
                at = self.find(child.content)
                if at != -1:
                    _html_comments(self.source, (at, at + len(child.content)), self.out)
            elif kind == "link_open":
                in_autolink = child.markup == "autolink"
                if not in_autolink:
                    self.find("[")
            elif kind == "link_close":
                if in_autolink:
                    self.find(">")
                else:
                    self.skip_link_target()
                in_autolink = False
            elif kind == "image":
                self.find("![")
                self.out.block(self.cursor)
                self.walk(child.children or [])
                self.out.block(self.cursor)
                self.skip_link_target()


# HTML ----------------------------------------------------------------------------------

_SKIP = frozenset({"script", "style", "noscript", "template", "code", "pre", "svg", "math", "head"})
# What may stand in <head>; any other element ends it, as in a browser ("</head>" is optional).
_IN_HEAD = frozenset("base link meta noscript script style template title".split())
# Elements whose text is never markup: a "<!--" inside them is text, not a comment.
_RAW_TEXT = frozenset({"textarea", "title", "script", "style", "xmp", "iframe", "noembed"})
_BLOCKS = frozenset(
    """address article aside blockquote body br dd details dialog div dl dt fieldset figcaption
    figure footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p section summary table
    tbody td tfoot th thead title tr ul option caption label button legend""".split()
)
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_PROSE_ATTRIBUTES = ("alt", "title")
_DESCRIPTION_META = frozenset({"description", "og:description", "twitter:description", "og:title"})


def extract_html(text: str) -> Prose:
    """Visible text, alt and title attributes, <title> and description meta tags."""
    parser = _HtmlProse(text)
    parser.feed(text)
    parser.close()
    return parser.out.build()


def _html_comments(source: str, region: tuple[int, int], out: ProseBuilder) -> None:
    """Record the comments of a piece of HTML inside Markdown (a block or inline HTML)."""
    start, end = region
    piece = source[start:end]
    if "<!--" not in piece:
        return
    parser = _HtmlProse(piece)
    parser.feed(piece)
    parser.close()
    for first, last in parser.out.build().comments:
        out.comment(start + first, start + last)


class _HtmlProse(HTMLParser):
    def __init__(self, source: str):
        super().__init__(convert_charrefs=False)
        self.source = source
        self.out = ProseBuilder()
        self.skipping: list[str] = []
        self.raw_text: str | None = None  # the raw-text element we are in, if any
        self._line_starts = [0] + [i + 1 for i, ch in enumerate(source) if ch == "\n"]

    def _source_offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        start = self._source_offset()
        raw = self.get_starttag_text() or ""
        if tag not in _IN_HEAD and "head" in self.skipping:
            self.handle_endtag("head")  # the body has begun
        if tag in _RAW_TEXT and raw and not raw.endswith("/>"):
            self.raw_text = tag
        if tag == "title":
            self.out.block(start)
            if "head" in self.skipping:
                self.skipping.append("title-in-head")
            return
        if tag in _BLOCKS:
            self.out.block(start)
        if tag == "meta":
            self._meta(attrs, raw, start)
        elif not self.skipping:
            for name in _PROSE_ATTRIBUTES:
                self._attribute(raw, start, name)
        if tag in _SKIP and tag not in _VOID:
            self.skipping.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in _SKIP and self.skipping and self.skipping[-1] == tag:
            self.skipping.pop()

    def handle_endtag(self, tag):
        start = self._source_offset()
        if tag == self.raw_text:
            self.raw_text = None
        if tag == "title" and self.skipping and self.skipping[-1] == "title-in-head":
            self.skipping.pop()
        elif tag in self.skipping:
            while self.skipping and self.skipping.pop() != tag:
                pass
        if tag in _BLOCKS:
            self.out.block(start)

    def handle_comment(self, data):
        start = self._source_offset()
        end = self.source.find("-->", start + 4 + len(data))
        if self.raw_text is None and self.source.startswith("<!--", start) and end != -1:
            self.out.comment(start, end + 3)

    def _visible(self) -> bool:
        return not self.skipping or self.skipping[-1] == "title-in-head"

    def handle_data(self, data):
        if self._visible():
            _copy_without_urls(self.out, data, self._source_offset())

    def handle_entityref(self, name):
        self._reference(f"&{name};")

    def handle_charref(self, name):
        self._reference(f"&#{name};")

    def _reference(self, raw: str) -> None:
        """A character reference: decoded for the analysis, mapped back to its source span."""
        start = self._source_offset()
        if self._visible() and self.source.startswith(raw, start):
            self.out.decoded(html.unescape(raw), start, len(raw))

    def _meta(self, attrs, raw: str, start: int) -> None:
        values = {k.lower(): (v or "") for k, v in attrs}
        kind = (values.get("name") or values.get("property") or "").lower()
        if kind in _DESCRIPTION_META:
            self._attribute(raw, start, "content")

    def _attribute(self, raw: str, start: int, name: str) -> None:
        found = re.search(
            rf"\s{name}\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))", raw, re.IGNORECASE
        )
        if not found:
            return
        group = next(g for g in (1, 2, 3) if found.group(g) is not None)
        self.out.block(start + found.start(group))
        _copy_decoded(self.out, found.group(group), start + found.start(group))
        self.out.block(start + found.end(group))
