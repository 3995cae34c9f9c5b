"""Property tests: any text, Markdown or HTML is linted without crashing, at exact positions."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint.input.positions import LineIndex
from lint.pipeline import check_text

TRIGGERS = [
    "cures insomnia",
    "is completely safe",
    "within hours",
    "clinically proven",
    "a miracle",
    "rewires the brain",
    "most patients",
    "better than pills",
    "FDA-approved to treat",
    "permanent relief",
    "may help some people",
    "is not a cure",
    "high efficacy",
]
MARKDOWN = [
    "# ",
    "## ",
    "\n",
    "\n\n",
    "- ",
    "> ",
    "**",
    "*",
    "_",
    "`",
    "```\n",
    "    ",
    "[",
    "](http://x.io/cure)",
    "![",
    "|",
    " | ",
    "\n|---|---|\n",
    "<!-- overclaim-disable -->",
    "<!-- overclaim-enable -->",
    "<!-- overclaim-disable-next-line -->",
    "---\n",
    "title: ",
    "&amp;",
    "\\*",
    "https://a.b/miracle",
    "<b>",
    "</b>",
    "\r\n",
    "\ufeff",
    "1. ",
]
HTML = [
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<b>",
    "</b>",
    "<em>",
    "</em>",
    "<script>",
    "</script>",
    "<style>",
    "</style>",
    "<pre>",
    "</pre>",
    "<br>",
    '<img alt="',
    '">',
    "<a href='/x' title='",
    "'>",
    "</a>",
    "&amp;",
    "&#8217;",
    "&bogus;",
    "&",
    "<",
    ">",
    "<!--",
    "-->",
    "<title>",
    "</title>",
    '<meta name="description" content="',
    '">',
    "<table><tr><td>",
    "</td></tr></table>",
    "\n",
    "\r\n",
]
WORDS = ["Our", "tea", "and", "it", ".", ",", "?", " ", "Dr.", "relief", "pain", "the"]


def document(pieces):
    return st.lists(st.sampled_from(pieces + TRIGGERS + WORDS), max_size=40).map(" ".join)


def assert_exact(text: str, path: str) -> None:
    findings = check_text(text, path=path)
    lines = LineIndex(text)
    for f in findings:
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start : f.end] == f.text
        assert (f.line, f.column) == lines.position(f.start)


SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(document(MARKDOWN))
def test_random_markdown(text):
    assert_exact(text, "page.md")


@SETTINGS
@given(document(HTML))
def test_random_html(text):
    assert_exact(text, "page.html")


@SETTINGS
@given(st.text(max_size=300))
def test_arbitrary_unicode_text(text):
    for path in ("page.txt", "page.md", "page.html"):
        assert_exact(text, path)


@SETTINGS
@given(st.lists(st.sampled_from(TRIGGERS + WORDS + ["\n", "\n\n"]), max_size=30).map(" ".join))
def test_line_endings_do_not_change_findings(text):
    lf = [(f.rule, f.text) for f in check_text(text, path="a.txt")]
    crlf = [
        (f.rule, f.text.replace("\r", ""))
        for f in check_text(text.replace("\n", "\r\n"), path="a.txt")
    ]
    assert lf == crlf


FIX_PIECES = (
    TRIGGERS
    + WORDS
    + [
        "Our tea",
        "It",
        "Patients",
        "Ketamine",
        "works",
        "will feel",
        "has been shown to help",
        "Instant Relief",
        "A Breakthrough",
        "\n",
        "\n\n",
        "# ",
    ]
)


@SETTINGS
@given(st.lists(st.sampled_from(FIX_PIECES), min_size=1, max_size=25).map(" ".join))
def test_fix_only_touches_edit_spans_and_is_idempotent(text):
    from lint.data import SourceText
    from lint.output.fixer import apply_edits, chosen_edits
    from lint.pipeline import Pipeline, default_linter

    linter = default_linter()
    pipeline = Pipeline(linter=linter)
    findings = linter.check([SourceText("p.md", text, "markdown")])[0]
    edits = chosen_edits(findings, unsafe=True)
    after = apply_edits(text, edits)
    cursor = position = 0
    for edit in edits:
        kept = text[cursor : edit.start]
        assert after[position : position + len(kept)] == kept
        position += len(kept) + len(edit.replacement)
        cursor = edit.end
    assert after[position:] == text[cursor:]
    fixed = pipeline.fix_sources([SourceText("p.md", text, "markdown")], unsafe=True)[0].text
    again = pipeline.fix_sources([SourceText("p.md", fixed, "markdown")], unsafe=True)[0].text
    assert again == fixed
