"""Suppression comments count only where they are real comments, in Markdown and HTML."""

from __future__ import annotations

import pytest

from lint.data import Finding, SourceText
from lint.filters.suppressions import parse_directives, suppress
from lint.input.formats import extract, extract_html

DISABLE = "<!-- overclaim-disable-file -->"

NOT_A_COMMENT = {
    "markdown code fence": ("md", f"```\n{DISABLE}\n```\n"),
    "markdown inline code": ("md", f"See `{DISABLE}` here.\n"),
    "markdown indented code": ("md", f"Intro.\n\n    {DISABLE}\n"),
    "markdown link title": ("md", f'[a link](https://example.com "{DISABLE}")\n'),
    "html script": ("html", f"<script>var s = '{DISABLE}';</script>"),
    "html attribute": ("html", f'<a title="{DISABLE}">x</a>'),
    "html textarea": ("html", f"<textarea>{DISABLE}</textarea>"),
    "plain text": ("txt", f"{DISABLE}\n"),
}


def finding(text: str, start: int, end: int, rule: str = "cure.cure") -> Finding:
    return Finding(
        path="p",
        line=1,
        column=1,
        end_line=1,
        end_column=1,
        start=start,
        end=end,
        rule=rule,
        category=rule.split(".")[0],
        severity="error",
        message="m",
        text=text[start:end],
    )


@pytest.mark.parametrize("case", NOT_A_COMMENT)
def test_directive_words_that_are_not_a_comment_silence_nothing(case):
    kind, head = NOT_A_COMMENT[case]
    fmt = {"md": "markdown", "html": "html", "txt": "plain"}[kind]
    text = head + "\nOur tea cures insomnia.\n"
    at = text.index("cures")
    source = SourceText(f"page.{kind}", text, fmt)
    assert suppress(source, [finding(text, at, at + 5)], report_unused=False) != []


@pytest.mark.parametrize(
    ("fmt", "text"),
    [
        ("markdown", f"{DISABLE}\n\nOur tea cures insomnia.\n"),
        ("markdown", f"Intro {DISABLE} text.\n\nOur tea cures insomnia.\n"),
        ("html", f"<p>{DISABLE}</p><p>Our tea cures insomnia.</p>"),
    ],
)
def test_real_comments_do_silence(fmt, text):
    at = text.index("cures")
    assert suppress(SourceText("p", text, fmt), [finding(text, at, at + 5)], False) == []


def test_next_line_and_ranges_follow_rules_and_report_unused():
    text = (
        "<!-- overclaim-disable-next-line cure -->\nIt cures acne.\n\n"
        "<!-- overclaim-disable safety -->\nIt is safe.\n<!-- overclaim-enable -->\n"
        "It is safe.\n\n<!-- overclaim-disable-next-line hype -->\nPlain line.\n"
    )
    comments = extract(SourceText("p.md", text, "markdown")).comments
    kinds = [d.kind for d in parse_directives(text, comments)]
    assert kinds == ["disable-next-line", "disable", "disable-next-line"]
    cure = text.index("cures")
    first_safe, second_safe = (i for i in range(len(text)) if text.startswith("safe.", i))
    found = [
        finding(text, cure, cure + 5),
        finding(text, first_safe, first_safe + 4, "safety.safe"),
        finding(text, second_safe, second_safe + 4, "safety.safe"),
    ]
    kept = suppress(SourceText("p.md", text, "markdown"), found, report_unused=True)
    assert [(f.rule, f.start) for f in kept] == [
        ("safety.safe", second_safe),
        ("unused-suppression", text.index("<!-- overclaim-disable-next-line hype")),
    ]


def test_a_head_without_its_end_tag_ends_where_the_body_begins():
    page = (
        '<!doctype html><html><head><meta charset="utf-8"><title>Clinic</title>'
        "<body><p>Ketamine cures anxiety.</p>"
    )
    assert "Ketamine cures anxiety." in extract_html(page).text
    assert "Clinic" in extract_html(page).text
    assert (
        "console" not in extract_html("<head><script>console.log(1)</script></head><p>x</p>").text
    )
