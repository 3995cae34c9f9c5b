"""The language server's parts that need no client: positions, documents, settings, and where
the silencing comment goes."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from lint.server.documents import Snapshot, format_of, uri_to_path
from lint.server.positions import UTF8, UTF16, UTF32, LineMap
from lint.server.settings import ClientSettings, parse_client_settings
from lint.server.silence import silence

COMMENT = "<!-- overclaim-disable-next-line cure.cure -->"

# positions ---------------------------------------------------------------------------


def test_characters_beyond_the_basic_plane_count_by_encoding():
    text = "🙂 a “b” cures"
    at = text.index("cures")
    assert LineMap(text, UTF16).position(at) == (0, at + 1)  # the emoji is two UTF-16 units
    assert LineMap(text, UTF8).position(at) == (0, len(text[:at].encode("utf-8")))
    assert LineMap(text, UTF32).position(at) == (0, at)


def test_lines_end_at_lf_crlf_and_cr():
    text = "a\r\nb\rc\nd"
    lines = LineMap(text)
    assert [lines.position(text.index(ch)) for ch in "abcd"] == [(0, 0), (1, 0), (2, 0), (3, 0)]
    assert lines.line_ending(0) == "\r\n" and lines.line_ending(1) == "\r"
    assert lines.line_ending(3) == ""


def test_positions_past_a_line_end_mean_its_end():
    lines = LineMap("ab\r\ncd")
    assert lines.offset(0, 99) == 2
    assert lines.offset(9, 0) == len("ab\r\ncd")
    assert lines.offset(-1, 5) == 0


@given(st.text(alphabet=st.sampled_from("ab é\r\n🙂“"), max_size=40), st.data())
def test_offsets_and_positions_round_trip(text, data):
    for encoding in (UTF8, UTF16, UTF32):
        lines = LineMap(text, encoding)
        for offset in range(len(text) + 1):
            inside_crlf = text[offset - 1 : offset + 1] == "\r\n" if offset else False
            if not inside_crlf:
                assert lines.offset(*lines.position(offset)) == offset


# documents ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("uri", "language", "expected"),
    [
        ("file:///site/page.md", "markdown", "markdown"),
        ("untitled:Untitled-1", "html", "html"),
        ("untitled:Untitled-2", "plaintext", "plain"),
        ("file:///site/page.htm", None, "html"),
        ("file:///site/notes.txt", "unknown", "plain"),
        ("file:///site/script.py", "python", None),
    ],
)
def test_format_from_language_id_then_extension(uri, language, expected):
    assert format_of(uri, language) == expected


def test_documents_name_their_file_or_their_uri():
    assert uri_to_path("file:///site/my%20page.md") == Path("/site/my page.md")
    assert uri_to_path("untitled:Untitled-1") is None
    assert (
        Snapshot("untitled:Untitled-1", 1, "x", "markdown").source().path == "untitled:Untitled-1"
    )
    assert Snapshot("file:///a/b.md", 1, "x").source().path == "/a/b.md"


# client settings ---------------------------------------------------------------------


def test_client_settings(tmp_path):
    (tmp_path / "rules.yaml").write_text("rules: []\n", encoding="utf-8")
    raw = {"rulebook": ["rules.yaml"], "model": False, "severity": {"hype.*": "info"}}
    settings, problems = parse_client_settings(raw, tmp_path)
    assert problems == []
    assert settings == ClientSettings(
        (tmp_path / "rules.yaml",), model=False, severity=(("hype.*", "info"),)
    )
    assert parse_client_settings(None, tmp_path) == (ClientSettings(), [])


def test_bad_client_settings_are_left_out_with_one_line_each(tmp_path):
    raw = {"rulebook": ["missing.yaml"], "model": "yes", "severity": {"cure": "loud"}, "x": 1}
    settings, problems = parse_client_settings(raw, tmp_path)
    assert settings == ClientSettings()
    assert problems == [
        "settings: unknown key 'overclaim.x' (expected rulebook, model, severity)",
        "settings: overclaim.rulebook: 'missing.yaml' not found",
        "settings: 'overclaim.model' must be true or false",
        "settings: overclaim.severity: 'cure' must be error, warning or info",
    ]
    assert parse_client_settings([1], tmp_path)[1] == ["settings: 'overclaim' must be an object"]


# the silencing comment ---------------------------------------------------------------


def silenced(text: str, format: str = "markdown") -> str | None:
    insertion = silence(text, format, text.index("cures"), "cure.cure")
    return insertion.applied(text) if insertion else None


def test_a_comment_line_above_keeps_the_indentation():
    assert silenced("# Sleep\n\nOur tea cures insomnia.\n") == (
        f"# Sleep\n\n{COMMENT}\nOur tea cures insomnia.\n"
    )
    assert silenced("<div>\n\t<p>Our tea cures insomnia.</p>\n</div>", "html") == (
        f"<div>\n\t{COMMENT}\n\t<p>Our tea cures insomnia.</p>\n</div>"
    )
    assert silenced("Intro.\r\n\r\nOur tea cures insomnia.\r\n") == (
        f"Intro.\r\n\r\n{COMMENT}\r\nOur tea cures insomnia.\r\n"
    )


def test_inside_a_paragraph_the_comment_ends_the_line_above():
    assert silenced("Rest well,\nour tea cures insomnia.\n") == (
        f"Rest well, {COMMENT}\nour tea cures insomnia.\n"
    )
    assert silenced("Rest well.\\\nOur tea cures insomnia.\n") == (
        f"Rest well. {COMMENT}\\\nOur tea cures insomnia.\n"
    )


def test_lists_and_quotes_stay_whole():
    tight = silenced("- Rest.\n- Our tea cures insomnia.\n")
    assert tight == f"- Rest. {COMMENT}\n- Our tea cures insomnia.\n"
    loose = silenced("- Rest.\n\n- Our tea cures insomnia.\n")
    assert loose == f"- Rest.\n\n  {COMMENT}\n- Our tea cures insomnia.\n"
    tokens = [t.type for t in MarkdownIt("commonmark").parse(loose or "")]
    assert tokens.count("bullet_list_open") == 1
    quoted = silenced("> Rest.\n>\n> Our tea cures insomnia.\n")
    assert quoted == f"> Rest.\n>\n> {COMMENT}\n> Our tea cures insomnia.\n"


def test_table_rows_take_the_comment_in_the_row_above():
    table = "| a | b |\n|---|---|\n| x | y |\n| Our tea cures insomnia | z |\n"
    assert silenced(table) == (
        f"| a | b |\n|---|---|\n| x | y {COMMENT} |\n| Our tea cures insomnia | z |\n"
    )
    assert silenced("| a | b |\n|---|---|\n| Our tea cures insomnia | z |\n") is None


def test_an_existing_comment_above_keeps_covering_its_line():
    text = "<!-- overclaim-disable-next-line hype -->\nOur tea cures insomnia.\n"
    assert silenced(text) == (
        f"<!-- overclaim-disable-next-line hype --> {COMMENT}\nOur tea cures insomnia.\n"
    )


def test_no_comment_where_it_would_not_be_one():
    assert silenced("Our tea cures insomnia.", "plain") is None
    assert silenced("<textarea>\nOur tea cures insomnia.\n</textarea>", "html") is None
    assert silenced('<img src="a.png"\n     alt="Our tea cures insomnia">', "html") is None
