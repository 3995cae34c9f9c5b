"""Markdown and HTML: prose only, exact positions, suppressions, stdin and discovery."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from click.testing import CliRunner

from lint.cli import main
from lint.config import Settings
from lint.input.positions import LineIndex
from lint.input.reading import decode
from lint.pipeline import Pipeline, check_paths, check_text
from tests.conftest import ROOT, SAMPLES, SHARED

FIXTURES = ROOT / "tests" / "fixtures"


def rules_on_sentences(path, model=True):
    report = Pipeline(replace(Settings(), model=model)).check_paths([path])
    return [
        (f.rule, f.text.replace("*", "").replace("_", "").split(">")[-1]) for f in report.findings
    ]


@pytest.mark.parametrize("model", [False, True])
def test_same_copy_in_three_formats_gives_the_same_findings(model):
    txt, md, html = (
        rules_on_sentences(FIXTURES / "same-copy" / f"page.{ext}", model)
        for ext in ("txt", "md", "html")
    )
    assert txt == md == html
    assert [rule for rule, _ in txt] == [
        "cure.cure",
        "consensus.proven",
        "safety.safe",
        "generalization.most-patients",
        "speed.within-time",
    ]


def test_markdown_code_urls_comments_and_front_matter_keys_stay_quiet():
    path = FIXTURES / "markdown-traps" / "page.md"
    text = path.read_text(encoding="utf-8")
    findings = check_paths([path]).findings
    lines = {f.line for f in findings}
    # Title and description in the front matter, and the image's alt text, are checked.
    assert lines == {2, 3, 24}
    assert {f.text for f in findings if f.line == 24} == {"revolutionary", "miracle"}
    for f in findings:
        assert text[f.start : f.end] == f.text


def _variants(text: str):
    yield "lf", text.encode("utf-8")
    yield "crlf", text.replace("\n", "\r\n").encode("utf-8")
    yield "bom", b"\xef\xbb\xbf" + text.encode("utf-8")


def _documents():
    docs = sorted(SAMPLES.iterdir()) + sorted((FIXTURES / "same-copy").iterdir())
    docs += [FIXTURES / "markdown-traps" / "page.md"]
    if (SHARED / "seeds").exists():
        docs += sorted((SHARED / "seeds").glob("*.txt"))
    return docs


@pytest.mark.parametrize("path", _documents(), ids=lambda p: p.name)
def test_positions_are_exact_in_every_variant(tmp_path, path):
    original = path.read_text(encoding="utf-8")
    expected = None
    for name, data in _variants(original):
        copy = tmp_path / f"{name}{path.suffix}"
        copy.write_bytes(data)
        text = decode(data, str(copy))
        findings = check_paths([copy]).findings
        lines = LineIndex(text)
        for f in findings:
            assert 0 <= f.start < f.end <= len(text)
            assert text[f.start : f.end] == f.text
            assert (f.line, f.column) == lines.position(f.start)
            assert (f.end_line, f.end_column) == lines.position(f.end)
        summary = [(f.rule, f.text.replace("\r", ""), f.line) for f in findings]
        expected = expected or summary
        assert summary == expected, name


SUPPRESSED = """\
# Page

<!-- overclaim-disable-next-line cure -->
Our balm cures eczema and is completely safe.

<!-- overclaim-disable safety.safe, hype -->
A miracle balm that is completely safe.
<!-- overclaim-enable -->

A miracle balm that is completely safe.

<!-- overclaim-disable-next-line speed -->
Nothing here makes a claim.
"""


def test_inline_suppressions():
    findings = check_text(SUPPRESSED, path="page.md")
    assert [(f.line, f.rule) for f in findings] == [
        (4, "safety.safe"),
        (10, "hype.breakthrough"),
        (10, "safety.safe"),
    ]


def test_unused_suppressions_are_reported(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(SUPPRESSED, encoding="utf-8")
    data = json.loads(
        CliRunner()
        .invoke(main, ["check", "--format", "json", "--report-unused-suppressions", str(page)])
        .output
    )
    unused = [(f["line"], f["rule"]) for f in data["findings"] if f["rule"] == "unused-suppression"]
    assert unused == [(12, "unused-suppression")]


def test_whole_file_suppression():
    text = "<!-- overclaim-disable-file -->\n\nOur balm cures eczema.\n"
    assert check_text(text, path="page.md") == []


def test_html_skips_scripts_and_keeps_meta_description():
    page = (
        '<html><head><title>Calm</title><meta name="description" content="Our tea cures anxiety.">'
        "<script>var s = 'miracle cure';</script></head><body><p>Visit &amp; relax.</p>"
        "<pre>It cures all.</pre><p>The tea is <b>clinically</b> proven.</p></body></html>"
    )
    findings = check_text(page, path="page.html")
    assert [f.text for f in findings] == ["cures", "clinically</b> proven"]
    assert all(page[f.start : f.end] == f.text for f in findings)


def test_entities_are_decoded_for_analysis_and_mapped_back():
    page = "<p>Safe &amp; effective, and it&#8217;s a miracle.</p>"
    findings = check_text(page, path="page.html")
    assert {(f.rule, f.text) for f in findings} == {
        ("safety.safe", "Safe &amp; effective"),
        ("hype.breakthrough", "miracle"),
    }


def test_stdin_with_filename_picks_the_format():
    result = CliRunner().invoke(
        main,
        ["check", "--format", "json", "--stdin-filename", "page.md", "-"],
        input="Use `cures` here.\n\nOur balm cures eczema.\n",
    )
    data = json.loads(result.output)
    assert [(f["path"], f["line"], f["text"]) for f in data["findings"]] == [
        ("page.md", 3, "cures")
    ]
    assert result.exit_code == 1


def test_gitignore_and_exclude_are_honoured(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("build/\n*.draft.md\n", encoding="utf-8")
    for name in ("page.md", "old.draft.md", "build/page.md", "node/.cache/x.md"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("It cures acne.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--format", "json", "--verbose", str(tmp_path)])
    assert json.loads(result.stdout)["summary"]["files"] == 1
    assert "ignored by .gitignore" in result.stderr
    assert "hidden folder" in result.stderr


@pytest.mark.parametrize("newline", ["\r", "\r\n", "\n"])
def test_markdown_lines_end_as_markdown_it_ends_them(newline):
    """markdown-it breaks lines at "\\r\\n", "\\r" and "\\n": its line map indexes those."""
    text = newline.join(["Intro line", "Our tea cures insomnia.", "", "More text.", ""])
    found = check_text(text, "page.md")
    assert [(f.rule, f.text) for f in found] == [("cure.cure", "cures")]
    assert check_text("\r\r0", "page.md") == []
