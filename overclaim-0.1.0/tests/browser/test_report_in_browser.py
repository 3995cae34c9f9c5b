"""The reviewers' report in a real browser: what it shows, where, and what it runs."""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from dataclasses import replace

import pytest

from lint.config import Settings
from lint.data import Finding, Report, SourceText, Suggestion
from lint.filters.fingerprints import with_fingerprints
from lint.input.positions import LineIndex
from lint.output import OutputOptions, render
from lint.output.html import render_html
from lint.rulebook.selection import rulebook_for
from tests.browser.conftest import Written

expect = pytest.importorskip(
    "playwright.sync_api", reason="Playwright for Python is not installed (.[test] extra)"
).expect

MARKED_WORDS = """() => {
  const pieces = {};
  for (const mark of document.querySelectorAll("mark.hl")) {
    const copy = mark.cloneNode(true);
    copy.querySelectorAll("button.tag").forEach((b) => b.remove());
    (pieces[mark.dataset.i] = pieces[mark.dataset.i] || []).push(copy.textContent);
  }
  const out = {};
  for (const mark of document.querySelectorAll("mark.hl[id]")) {
    const range = document.createRange();
    range.setStart(mark.closest("p"), 0);
    range.setEndBefore(mark);
    const before = range.cloneContents();
    before.querySelectorAll("button.tag").forEach((b) => b.remove());
    out[mark.id] = {words: pieces[mark.dataset.i].join(""), before: before.textContent};
  }
  return out;
}"""

PANEL_TEXT = """(i) => {
  const panel = document.getElementById("panel-" + i);
  if (!panel) return null;
  const text = (selector) => {
    const node = panel.querySelector(selector);
    if (!node) return null;
    const copy = node.cloneNode(true);
    copy.querySelectorAll(".label").forEach((l) => l.remove());
    return copy.textContent;
  };
  return {all: panel.textContent, before: text(".before"), after: text(".after"),
          visible: panel.getClientRects().length > 0};
}"""


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def shown(text: str, path: str) -> str:
    """Source text as a reader of the page sees it: for Markdown and HTML without tags and
    emphasis marks and with entities decoded; spaces collapsed."""
    if path.endswith((".md", ".html")):
        text = html.unescape(re.sub(r"<[^>]*>", "", text).replace("**", ""))
    return collapse(text)


def index_of(page, anchor: str) -> int:
    return page.evaluate("(a) => Number(document.getElementById(a).dataset.i)", anchor)


def click_words(page, anchor: str) -> None:
    """Click the first line of a finding's marked words (they may wrap)."""
    box = page.evaluate(
        "(a) => { const r = document.getElementById(a).getClientRects()[0];"
        " return {x: r.left + 3, y: r.top + r.height / 2}; }",
        anchor,
    )
    page.mouse.click(box["x"], box["y"])


def find(written, words: str, path_end: str = "") -> dict:
    return next(f for f in written.findings if f["text"] == words and f["path"].endswith(path_end))


def test_the_page_renders_the_samples_with_their_counts_and_fetches_nothing(
    samples_report, open_report
):
    opened = open_report(samples_report)
    page = opened.page
    summary = samples_report.data["summary"]
    totals = page.inner_text(".totals")
    assert f"{summary['files']} files checked" in totals
    assert f"{summary['findings']} findings" in totals
    severity_table = page.inner_text("table.counts >> nth=0")
    for severity, key in (("error", "errors"), ("warning", "warnings"), ("info", "infos")):
        assert re.search(rf"{severity}\s.*\s{summary[key]}\b", severity_table)
    categories = Counter(f["category"] for f in samples_report.findings)
    category_table = page.inner_text("table.counts >> nth=1")
    for name, count in categories.items():
        assert re.search(rf"^{name}\t.*\t{count}$", category_table, re.M)
    run = page.inner_text("table.run")
    assert (
        "model\ton (the shipped claim model)" in run
        and "version\t0.1.0" in run
        and "2026-01-01 00:00 UTC" in run
    )
    paths = {f["path"] for f in samples_report.findings}
    assert page.eval_on_selector_all(
        "section.file .toggle", "nodes => nodes.map(n => n.textContent)"
    ) == sorted(paths, key=list(samples_report.texts).index)
    assert "site/ketamine-ocd-clinic-compliant.txt" in page.text_content("#clean")
    assert opened.errors == [] and opened.dialogs == []
    assert opened.requests == [samples_report.path.as_uri()]


def test_every_finding_is_marked_on_its_own_words_in_place(samples_report, open_report):
    page = open_report(samples_report).page
    marked = page.evaluate(MARKED_WORDS)
    assert len(marked) == len(samples_report.findings)
    for f in samples_report.findings:
        text = samples_report.texts[f["path"]]
        where = marked[f["fingerprint"]]
        assert collapse(where["words"]) == shown(f["text"], f["path"]), f
        line_start = text.rfind("\n", 0, f["start"]) + 1
        prefix = shown(text[line_start : f["start"]], f["path"]).lstrip("#-* ")
        assert collapse(where["before"]).endswith(prefix), f


def test_overlapping_findings_are_both_marked(samples_report, open_report):
    page = open_report(samples_report).page
    outer = find(samples_report, "patients see dramatic results")
    inner = find(samples_report, "dramatic results", ".html")
    outer_i, inner_i = index_of(page, outer["fingerprint"]), index_of(page, inner["fingerprint"])
    around = page.evaluate(
        "(i) => document.getElementById(i).parentElement.closest('mark.hl').dataset.i",
        inner["fingerprint"],
    )
    assert around == str(outer_i)
    page.locator(f"[id='{inner['fingerprint']}']").scroll_into_view_if_needed()
    click_words(page, inner["fingerprint"])
    for i in (outer_i, inner_i):
        assert page.evaluate(PANEL_TEXT, i)["visible"]


def test_a_click_opens_the_panel_with_the_rule_and_the_rewritten_sentence(
    samples_report, open_report
):
    page = open_report(samples_report).page
    f = find(samples_report, "high efficacy")
    i = index_of(page, f["fingerprint"])
    assert page.evaluate(PANEL_TEXT, i) is None
    page.locator(f"[id='{f['fingerprint']}']").scroll_into_view_if_needed()
    click_words(page, f["fingerprint"])
    panel = page.evaluate(PANEL_TEXT, i)
    assert panel["visible"]
    rule = rulebook_for(Settings()).rule(f["rule"])
    for part in (f["message"], f["rule"], f["category"], rule.why, *rule.refs, f["source"]):
        assert part in panel["all"]
    text = samples_report.texts[f["path"]]
    start, end = f["sentence_start"], f["sentence_end"]
    edit = next(s for s in f["suggestions"] if s["replacement"] is not None)
    after = text[start : edit["start"]] + edit["replacement"] + text[edit["end"] : end]
    assert panel["before"] == collapse(text[start:end])
    assert panel["after"] == collapse(after)
    tag = page.locator(f"button.tag[data-i='{i}']")
    assert tag.get_attribute("aria-expanded") == "true"
    page.click(f"#panel-{i} button.close")
    assert page.evaluate(PANEL_TEXT, i) is None
    assert tag.get_attribute("aria-expanded") == "false"


def test_the_keyboard_reaches_each_highlight_and_opens_its_panel(samples_report, open_report):
    page = open_report(samples_report).page
    for _ in range(100):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('button.tag')"):
            break
    first = samples_report.findings[0]
    assert page.evaluate("document.activeElement.dataset.i") == "0"
    label = page.evaluate("document.activeElement.querySelector('.vh').textContent")
    assert label.strip() == f"[{first['severity']}: {first['category']} claim, finding 1]"
    assert page.evaluate(
        "document.querySelector('mark.hl[data-i=\"0\"]').classList.contains('focus')"
    )
    page.keyboard.press("Enter")
    assert page.evaluate(PANEL_TEXT, 0)["visible"]
    page.keyboard.press("Escape")
    assert page.evaluate(PANEL_TEXT, 0) is None
    assert page.evaluate("document.activeElement.dataset.i") == "0"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.i") == "1"
    page.keyboard.press("Space")
    assert page.evaluate(PANEL_TEXT, 1)["visible"]


def test_the_screen_reader_label_is_visually_hidden(samples_report, open_report):
    page = open_report(samples_report).page
    f = find(samples_report, "high efficacy")
    i = index_of(page, f["fingerprint"])
    label = page.locator(f"button.tag[data-i='{i}'] .vh")
    assert label.text_content().strip() == f"[warning: efficacy claim, finding {i + 1}]"
    box = label.bounding_box()
    assert box is not None and box["width"] <= 1 and box["height"] <= 1


def test_filters_change_what_is_shown_and_the_counts(samples_report, open_report):
    opened = open_report(samples_report)
    page = opened.page
    findings = samples_report.findings
    by_severity = Counter(f["severity"] for f in findings)
    # info is hidden by default
    assert opened.visible_tags() == len(findings) - by_severity["info"]
    status = page.inner_text("#filter-status")
    assert status.startswith(f"Showing {len(findings) - by_severity['info']} of {len(findings)}")
    assert f"{by_severity['info']} info findings hidden" in status

    page.uncheck("input[name=severity][value=warning]")
    assert opened.visible_tags() == by_severity["error"]
    errors_by_category = Counter(f["category"] for f in findings if f["severity"] == "error")
    for name in {f["category"] for f in findings}:
        count = page.inner_text(f"[data-count='category:{name}']")
        assert int(count) == errors_by_category[name]

    page.click("#show-all")
    assert opened.visible_tags() == len(findings)
    assert page.is_checked("input[name=severity][value=info]")

    page.uncheck("input[name=category][value=safety]")
    assert opened.visible_tags() == len([f for f in findings if f["category"] != "safety"])
    page.click("#show-all")

    path = "site/tms-depression.txt"
    index = list(dict.fromkeys(f["path"] for f in findings)).index(path)
    page.select_option("#filter-file", str(index))
    assert opened.visible_tags() == len([f for f in findings if f["path"] == path])
    assert page.locator("section.file:not(.filtered-out)").count() == 1
    page.select_option("#filter-file", "")

    page.fill("#filter-text", "safety.safe")
    safe = [f for f in findings if f["rule"] == "safety.safe"]
    expect(page.locator("#filter-status")).to_contain_text(f"Showing {len(safe)} of")
    assert opened.visible_tags() == len(safe)


def test_hostile_copy_is_shown_as_text_and_runs_nothing(hostile_report, open_report):
    # The page's security policy would stop inline handlers anyway: test without it.
    opened = open_report(hostile_report, bypass_csp=True)
    page = opened.page
    page.click("#show-all")
    page.click("#expand-all")
    for tag in page.locator("button.tag").all():
        tag.click()
    assert page.locator(".panel").count() == len(hostile_report.findings) > 3
    assert page.evaluate("window.__pwned") is None
    assert opened.dialogs == [] and opened.errors == []
    assert page.evaluate("document.querySelectorAll('img, b, iframe').length") == 0
    assert page.evaluate("document.scripts.length") == 2
    body = page.inner_text("body")
    for shown_text in (
        "<script>window.__pwned = 1; alert(1)</script>",
        '"><img src=x onerror="window.__pwned = 2; alert(2)">',
        "&lt;script&gt;alert(3)&lt;/script&gt;",
        "<script>window.__pwned = 6</script>",
        '"><img src=x onerror=alert(7)>.txt',
    ):
        assert shown_text in body
    tea = next(
        n
        for n, f in enumerate(hostile_report.findings)
        if f["text"] == "cures" and f["path"].endswith("hostile.txt")
    )
    before = page.evaluate(PANEL_TEXT, tea)["before"]
    assert before.startswith("Our tea cures insomnia <script>window.__pwned = 1; alert(1)</script>")


def test_the_pages_own_script_is_allowed_by_its_policy(hostile_report, open_report):
    opened = open_report(hostile_report)
    opened.page.click("#show-all")
    assert opened.errors == []
    assert opened.page.evaluate("window.__pwned") is None


def test_many_files_start_collapsed_and_print_with_every_panel_as_a_footnote(
    many_files_report, open_report
):
    page = open_report(many_files_report).page
    bodies = page.locator(".file-body")
    assert bodies.count() == 12
    assert page.locator(".file-body[hidden]").count() == 12
    last_mark = page.locator("section.file").last.locator("mark.hl").first
    assert not last_mark.is_visible()
    page.locator("section.file").first.locator("button.toggle").click()
    assert page.locator("section.file").first.locator("mark.hl").first.is_visible()

    page.emulate_media(media="print")
    shown = [f for f in many_files_report.findings if f["severity"] != "info"]
    expect(page.locator("ol.footnotes > li")).to_have_count(len(shown))
    numbers = page.eval_on_selector_all("ol.footnotes > li", "items => items.map(i => i.value)")
    all_numbers = {f["fingerprint"]: n + 1 for n, f in enumerate(many_files_report.findings)}
    assert numbers == [all_numbers[f["fingerprint"]] for f in shown]
    assert page.locator("ol.footnotes .panel .rewrite").first.is_visible()
    assert last_mark.is_visible()
    assert not page.locator("#filters").is_visible()
    page.emulate_media(media="screen")
    expect(page.locator(".file-body[hidden]")).to_have_count(11)


def test_a_link_to_a_fingerprint_opens_its_finding(samples_report, open_report):
    info = next(f for f in samples_report.findings if f["severity"] == "info")
    page = open_report(samples_report, fragment="#" + info["fingerprint"]).page
    i = index_of(page, info["fingerprint"])
    assert page.evaluate(PANEL_TEXT, i)["visible"]
    assert page.is_checked("input[name=severity][value=info]")
    assert page.evaluate("document.activeElement.dataset.i") == str(i)


def test_forced_colors_keep_the_underline_styles_and_labels(samples_report, open_report):
    page = open_report(samples_report, forced_colors="active").page
    assert page.evaluate("matchMedia('(forced-colors: active)').matches")
    page.click("#show-all")
    for severity, style in (("error", "solid"), ("warning", "dashed"), ("info", "dotted")):
        mark = page.locator(f"mark.hl.sev-{severity}").first
        assert mark.evaluate("m => getComputedStyle(m).textDecorationStyle") == style
        assert mark.evaluate("m => getComputedStyle(m).textDecorationLine") == "underline"
        tag = page.locator(f"button.tag.sev-{severity}").first
        assert tag.evaluate("t => getComputedStyle(t).borderTopStyle") == "solid"
        assert severity in tag.inner_text()


@pytest.mark.parametrize("which", ["samples_report", "many_files_report"])
def test_axe_finds_no_serious_accessibility_violation(which, request, open_report, axe_script):
    written = request.getfixturevalue(which)
    page = open_report(written, bypass_csp=True).page
    page.click("#show-all")
    for tag in page.locator("button.tag").all()[:4]:
        if tag.is_visible():
            tag.click()
    page.add_script_tag(path=str(axe_script))
    results = page.evaluate("axe.run(document)")
    serious = [
        (v["id"], v["help"], [n["target"] for n in v["nodes"]][:3])
        for v in results["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []
    assert "color-contrast" in {p["id"] for p in results["passes"]}


@pytest.fixture
def notes_and_model_report(tmp_path) -> Written:
    """A page with a suppression comment that silences nothing (a note on the whole file)
    and a finding the claim model raised, rendered in-process."""
    text = (
        "# Sleep\n\n<!-- overclaim-disable-next-line cure -->\n"
        "Walk in exhausted, walk out ten years younger.\n"
    )
    source = SourceText("site/sleep.md", text, "markdown")
    lines = LineIndex(text)
    comment = text.index("<!--"), text.index("-->") + 3
    words = text.index("ten years younger"), text.index("younger") + len("younger")
    sentence = text.index("Walk"), len(text) - 1
    note = Finding.at(
        source, lines, comment, "unused-suppression", "suppression", "warning", "Silences nothing."
    )
    claim = replace(
        Finding.at(
            source,
            lines,
            words,
            "efficacy.model",
            "efficacy",
            "warning",
            "“{match}” claims.",
            (Suggestion(words[0], words[1], "more rested", safe=False),),
            sentence,
        ),
        source="model",
        confidence=0.87,
    )
    findings = with_fingerprints(text, [note, claim], source.path)
    report = Report(files=1, findings=findings, texts={source.path: text})
    page = render_html(report, "0.1.0", rulebook_for(Settings()), Settings())
    path = tmp_path / "review.html"
    path.write_text(page, encoding="utf-8")
    return Written(
        path, json.loads(render(report, OutputOptions("json", "0.1.0"))), {source.path: text}
    )


def test_notes_on_the_whole_file_and_model_findings(notes_and_model_report, open_report):
    page = open_report(notes_and_model_report).page
    notes = page.locator(".notes")
    assert notes.is_visible()
    assert "Silences nothing." in notes.inner_text()
    assert page.locator("mark.hl").count() == 1  # the comment is not prose: no mark
    notes.locator("button.tag").click()
    assert "suppression" in notes.locator(".panel").inner_text()
    model = page.locator("mark.hl button.tag")
    model.click()
    panel = page.evaluate(PANEL_TEXT, 1)
    assert "model, confidence 87%" in panel["all"]
    why = rulebook_for(Settings()).categories["efficacy"].model.why
    assert why in panel["all"]
    assert panel["after"] == "Walk in exhausted, walk out more rested."
    assert "model\ton" in page.inner_text("table.run")


def test_a_run_without_findings_says_so(tmp_path, open_report):
    text = "Our office is open Monday to Friday.\n"
    report = Report(files=1, findings=[], texts={"site/contact.txt": text})
    path = tmp_path / "review.html"
    path.write_text(render_html(report, "0.1.0"), encoding="utf-8")
    opened = open_report(Written(path, json.loads(render(report, OutputOptions("json", "0.1.0")))))
    assert "No file has a finding." in opened.page.inner_text("#files")
    assert "site/contact.txt" in opened.page.text_content("#clean")
    assert not opened.page.locator("#filters").count()
    assert opened.errors == []
