"""The HTML report without a browser: marks on the right words, the data island's escaping,
autoescaped copy, the inline policy, the rewrite and the run settings (no model needed)."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import subprocess
import sys
from datetime import datetime, timezone
from html.parser import HTMLParser

from lint.config import Settings
from lint.data import Finding, Report, SourceText, Suggestion
from lint.filters.fingerprints import with_fingerprints
from lint.input.formats import extract
from lint.input.positions import LineIndex
from lint.output import FORMATS, OutputOptions, render
from lint.output.html import json_island, render_html
from lint.output.html_prose import Mark, layout

DATE = datetime(2026, 1, 2, 3, 4, tzinfo=timezone.utc)


def finding(
    source: SourceText,
    words: str,
    rule: str = "efficacy.high-efficacy",
    severity: str = "warning",
    occurrence: int = 0,
    suggestions: tuple[Suggestion, ...] = (),
    sentence: tuple[int, int] | None = None,
) -> Finding:
    """A finding on the ``occurrence``-th appearance of ``words`` in the source."""
    start = -1
    for _ in range(occurrence + 1):
        start = source.text.index(words, start + 1)
    category = rule.split(".")[0]
    return Finding.at(
        source,
        LineIndex(source.text),
        (start, start + len(words)),
        rule,
        category,
        severity,
        "“{match}” says too much.",
        suggestions,
        sentence,
    )


def pieces(blocks: list[list[Mark | str]]) -> dict[int, list[str]]:
    """Each finding's marked text, piece by piece, in reading order."""
    out: dict[int, list[str]] = {}

    def text(items: list[Mark | str]) -> str:
        return "".join(i if isinstance(i, str) else text(i.children) for i in items)

    def visit(items: list[Mark | str]) -> None:
        for item in items:
            if isinstance(item, Mark):
                out.setdefault(item.finding, []).append(text(item.children))
                visit(item.children)

    for block in blocks:
        visit(block)
    return out


def test_crossing_and_nested_findings_each_keep_their_own_words():
    text = "Our protocol is safer than surgery.\n\nPatients see dramatic results."
    spans = [
        (0, text.index("is safer"), text.index("is safer") + 8),
        (1, text.index("safer than"), text.index("safer than") + 10),
        (2, text.index("Patients"), text.index("results") + 7),
        (3, text.index("dramatic"), text.index("results") + 7),
    ]
    result = layout(extract(SourceText("a.txt", text)), spans)
    marked = pieces(result.blocks)
    assert "".join(marked[0]) == "is safer"
    assert "".join(marked[1]) == "safer than"
    assert len(marked[1]) == 2  # it crosses finding 0, so it is split in two pieces
    assert marked[2] == ["Patients see dramatic results"]
    assert marked[3] == ["dramatic results"]
    assert len(result.blocks) == 2 and not result.unplaced
    # the nested mark sits inside the one around it
    outer = next(i for i in result.blocks[1] if isinstance(i, Mark))
    assert outer.finding == 2 and any(
        isinstance(c, Mark) and c.finding == 3 and c.depth == 1 for c in outer.children
    )


def test_only_the_first_piece_is_first_and_only_the_last_is_last():
    text = "It is safer than surgery."
    spans = [(0, 3, 11), (1, 6, 16)]
    blocks = layout(extract(SourceText("a.txt", text)), spans).blocks
    found: dict[int, list[Mark]] = {}

    def visit(items):
        for item in items:
            if isinstance(item, Mark):
                found.setdefault(item.finding, []).append(item)
                visit(item.children)

    visit(blocks[0])
    assert [(m.first, m.last) for m in found[1]] == [(True, False), (False, True)]
    assert [(m.first, m.last) for m in found[0]] == [(True, True)]


def test_marks_in_html_sit_on_the_prose_words_across_tags_and_entities():
    text = "<p>We deliver <strong>instant relief</strong> &amp; calm.</p>\n<!-- a note -->\n"
    source = SourceText("a.html", text, "html")
    start, end = text.index("deliver"), text.index("relief") + len("relief")
    entity = text.index("&amp;")
    comment = text.index("<!--")
    result = layout(
        extract(source), [(0, start, end), (1, entity, entity + 5), (2, comment, comment + 15)]
    )
    marked = pieces(result.blocks)
    assert "".join(marked[0]) == "deliver instant relief"
    assert marked[1] == ["&"]
    assert result.unplaced == [2]  # a comment is no prose: a note on the whole file


def test_markdown_emphasis_inside_a_finding_is_not_shown():
    text = "# Title\n\nOur drips deliver **instant relief** today.\n"
    source = SourceText("a.md", text, "markdown")
    start, end = text.index("deliver"), text.index("relief") + 6
    marked = pieces(layout(extract(source), [(0, start, end)]).blocks)
    assert marked == {0: ["deliver instant relief"]}


def test_the_data_island_cannot_end_its_script_or_break_a_line():
    data = {"text": "</script><script>alert(1)</script><!-- \u2028\u2029 \"'&"}
    island = json_island(data)
    assert "<" not in island and "\u2028" not in island and "\u2029" not in island
    assert "\\u003c/script>" in island
    assert json.loads(island) == data


class _Elements(HTMLParser):
    """Counts the elements of a page and keeps its text."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


HOSTILE = (
    'Our tea cures insomnia <script>window.__pwned=1</script> "><img src=x onerror=alert(1)> '
    "&lt;b&gt; fast.\n"
)


def hostile_report() -> tuple[Report, list[Finding]]:
    source = SourceText('"><img src=x onerror=alert(2)>.txt', HOSTILE)
    found = finding(
        source,
        "cures insomnia",
        rule="cure.cure",
        severity="error",
        suggestions=(Suggestion(8, 13, "may ease", safe=True),),
        sentence=(0, len(HOSTILE) - 1),
    )
    findings = with_fingerprints(source.text, [found], source.path)
    return Report(files=1, findings=findings, texts={source.path: source.text}), findings


def test_hostile_copy_and_paths_are_text_in_the_page():
    report, findings = hostile_report()
    page = render_html(report, "9.9", now=DATE)
    parsed = _Elements()
    parsed.feed(page)
    names = [tag for tag, _ in parsed.tags]
    assert names.count("script") == 2 and "img" not in names
    assert not any(name.startswith("on") for _, attrs in parsed.tags for name in attrs)
    text = "".join(parsed.text)
    assert "<script>window.__pwned=1</script>" in text
    assert '"><img src=x onerror=alert(2)>.txt' in text
    assert "&lt;b&gt;" in text  # an entity in plain text is shown as typed


def island(page: str) -> dict:
    """The page's data island, parsed."""
    found = re.search(
        r'<script type="application/json" id="report-data">(.*?)</script>', page, re.S
    )
    assert found is not None
    return json.loads(found.group(1))


def test_the_island_holds_the_json_reports_findings():
    report, findings = hostile_report()
    page = render_html(report, "9.9", now=DATE)
    data = island(page)
    json_report = json.loads(render(report, OutputOptions("json", "9.9")))
    for item, expected in zip(data["findings"], json_report["findings"], strict=True):
        assert {key: item[key] for key in expected} == expected
        assert item["anchor"] == expected["fingerprint"]
    assert '<span class="vh"> [error: cure claim, finding 1]</span>' in page


def test_the_inline_style_and_script_are_the_only_ones_allowed():
    report, _ = hostile_report()
    page = render_html(report, "9.9", now=DATE)
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert policy is not None
    assert "default-src 'none'" in policy.group(1)
    for tag, directive in (("style", "style-src"), ("script", "script-src")):
        body = re.search(rf"<{tag}>(.*?)</{tag}>", page, re.S)
        assert body is not None
        digest = base64.b64encode(hashlib.sha256(body.group(1).encode()).digest()).decode()
        assert f"{directive} 'sha256-{digest}'" in policy.group(1)


def test_the_rewrite_is_the_whole_sentence_before_and_after():
    report, _ = hostile_report()
    rewrite = island(render_html(report, "9.9", now=DATE))["findings"][0]["rewrite"]
    assert rewrite["prefix"] == "Our tea "
    assert (rewrite["old"], rewrite["new"]) == ("cures", "may ease")
    assert rewrite["suffix"].startswith(" insomnia <script>")
    assert rewrite["suffix"].endswith("fast.")


def test_run_settings_name_the_model_and_the_date():
    report, findings = hostile_report()
    page = render_html(report, "9.9", now=DATE)
    assert "2026-01-02 03:04 UTC" in page
    run = island(page)["run"]
    assert (run["model"], run["version"]) == ("on (the shipped claim model)", "9.9")
    rules_alone = render_html(report, "9.9", settings=Settings(model=False))
    assert island(rules_alone)["run"]["model"] == "off (the rules alone)"


def test_html_is_a_format_and_only_it_imports_jinja():
    assert "html" in FORMATS
    script = (
        "import sys, lint.cli\n"
        "from lint.data import Report\n"
        "from lint.output import OutputOptions, render\n"
        "render(Report(files=0, findings=[]), OutputOptions('json', '0'))\n"
        "before = 'jinja2' in sys.modules\n"
        "render(Report(files=0, findings=[]), OutputOptions('html', '0'))\n"
        "print(before, 'jinja2' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "True"]
