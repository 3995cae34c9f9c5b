"""The report for reviewers: one self-contained HTML page, readable offline.

The page is rendered with Jinja2 (autoescaped) from the report's findings as
``Finding.to_dict`` gives them, the same data as ``--format json``, which is also embedded in
the page as a JSON data island for its script (filters, panels, print footnotes).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import cache
from importlib.resources import files
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from lint.config import Settings
from lint.data import SEVERITIES, Finding, Report, SourceText
from lint.input.formats import extract
from lint.input.reading import format_for
from lint.output.html_prose import Layout, ProseMap, collapse, layout
from lint.rulebook.rules import Rule, Rulebook

EXPANDED_UP_TO = 10  # files with findings shown open; more start collapsed
_KINDS = {"suppression": "suppression comment"}
_UNUSED_SUPPRESSION_WHY = (
    "An overclaim-disable comment that silences nothing hides nothing today, but it would "
    "silence a claim added there later without anyone noticing."
)


@dataclass
class FileView:
    """One checked file with findings, as the page shows it."""

    index: int
    path: str
    format: str
    layout: Layout
    findings: list[int]  # numbers of its findings (indices into the page's findings)
    counts: dict[str, int]


def render_html(
    report: Report,
    version: str,
    rulebook: Rulebook | None = None,
    settings: Settings | None = None,
    now: datetime | None = None,
) -> str:
    """The whole page; ``rulebook`` explains the rules, ``settings`` describe the run."""
    page = build_page(report, version, rulebook, settings, now)
    css, script = _asset("report.css"), _asset("report.js")
    island = json_island(page["data"])
    return _template().render(
        **page,
        css=Markup(css),
        script=Markup(script),
        island=Markup(island),
        csp=Markup(_content_security_policy(css, script)),
    )


def build_page(
    report: Report,
    version: str,
    rulebook: Rulebook | None,
    settings: Settings | None,
    now: datetime | None = None,
) -> dict[str, Any]:
    """What the template shows: the summary, the files with their marked prose, and the
    data island (findings, rules, run settings)."""
    by_path: dict[str, list[Finding]] = {path: [] for path in report.texts}
    for finding in report.findings:
        by_path.setdefault(finding.path, []).append(finding)
    rules = _rules(rulebook)
    items: list[dict[str, Any]] = []
    views: list[FileView] = []
    anchors: set[str] = set()
    for path, found in by_path.items():
        if found:
            view, placed = _file_view(
                len(views), path, report.texts.get(path, ""), found, len(items)
            )
            for item in placed:
                item["anchor"] = _anchor(item, anchors)
            views.append(view)
            items += placed
    used_rules = {item["rule"] for item in items}
    categories = _categories(rulebook, {item["category"] for item in items})
    run = run_settings(report, version, rulebook, settings, now)
    summary = report.severity_counts()
    severity_counts = Counter(item["severity"] for item in items)
    category_counts = Counter(item["category"] for item in items)
    return {
        "version": version,
        "date": dict(run)["date"],
        "summary": summary,
        "severities": [(s, severity_counts[s]) for s in reversed(SEVERITIES)],
        "categories": [
            (name, categories.get(name, name), count)
            for name, count in sorted(category_counts.items(), key=lambda kv: (-kv[1], kv[0]))
        ],
        "run": run,
        "files": views,
        "clean": [path for path, found in by_path.items() if not found],
        "errors": report.errors,
        "notices": report.notices,
        "findings": items,
        "kinds": {item["category"]: _kind(item["category"]) for item in items},
        "expanded": len(views) <= EXPANDED_UP_TO,
        "data": {
            "version": version,
            "summary": summary,
            "run": dict(run),
            "files": [{"path": v.path, "format": v.format} for v in views],
            "categories": categories,
            "rules": {r: _explain(r, rules.get(r)) for r in sorted(used_rules)},
            "findings": items,
        },
    }


def _file_view(
    index: int, path: str, text: str, found: list[Finding], first: int
) -> tuple[FileView, list[dict[str, Any]]]:
    """One file's marked prose, and its findings as the JSON report gives them with what
    the page adds: number, file, whether they are marked, the words shown, the rewrite."""
    source = SourceText(path, text, format_for(path))
    prose = extract(source)
    where = ProseMap(prose)
    numbers = list(range(first, first + len(found)))
    marked = layout(prose, [(n, f.start, f.end) for n, f in zip(numbers, found, strict=True)])
    items = []
    for n, finding in zip(numbers, found, strict=True):
        span = marked.spans.get(n)
        items.append(
            {
                **finding.to_dict(),
                "n": n + 1,
                "file": index,
                "placed": span is not None,
                "quote": collapse(where.text(*span) if span else finding.text).strip(),
                "rewrite": rewrite(finding, text, where),
            }
        )
    counts = dict(Counter(f.severity for f in found))
    return FileView(index, path, source.format, marked, numbers, counts), items


def rewrite(finding: Finding, text: str, where: ProseMap) -> dict[str, Any] | None:
    """The finding's sentence before and after its first rewrite, as the reader sees them:
    ``prefix``, ``old`` (replaced by ``new``) and ``suffix``; None when it has no rewrite."""
    edit = next((s for s in finding.suggestions if s.replacement is not None), None)
    if edit is None or edit.replacement is None:
        return None
    start = min(finding.sentence_start, edit.start)
    end = max(finding.sentence_end, edit.end)
    sentence = where.span(start, end)
    old_start = where.start(edit.start)
    old_end = old_start if edit.start == edit.end else where.end(edit.end)
    if sentence and old_start is not None and old_end is not None:
        prose = where.prose.text
        parts = (
            prose[sentence[0] : old_start],
            prose[old_start:old_end],
            prose[old_end : sentence[1]],
        )
    else:  # the edit is not all prose: show the source as it is
        parts = (text[start : edit.start], text[edit.start : edit.end], text[edit.end : end])
    prefix, old, suffix = (collapse(part) for part in parts)
    return {
        "prefix": prefix.lstrip(),
        "old": old,
        "new": edit.replacement,
        "suffix": suffix.rstrip(),
        "safe": edit.safe,
    }


def run_settings(
    report: Report,
    version: str,
    rulebook: Rulebook | None,
    settings: Settings | None,
    now: datetime | None = None,
) -> list[tuple[str, str]]:
    """The run's settings as the summary lists them: rulebook, model, version, date."""
    settings = settings or Settings()
    rulebook_text = "shipped rules"
    if settings.extend:
        rulebook_text += " + " + ", ".join(settings.relative(p) for p in settings.extend)
    if rulebook is not None:
        rulebook_text += f" ({len(rulebook.rules)} rules in use)"
    rows = [("rulebook", rulebook_text)]
    if settings.select:
        rows.append(("select", ", ".join(settings.select)))
    if settings.ignore:
        rows.append(("ignore", ", ".join(settings.ignore)))
    rows.append(("configuration", settings.source or "none"))
    folder = settings.model_folder()
    if folder is None:
        model = "off (the rules alone)"
    elif settings.model is True:
        model = "on (the shipped claim model)"
    else:
        model = f"on ({settings.relative(folder)})"
    rows.append(("model", model))
    rows.append(("version", version))
    rows.append(("date", _when(now)))
    return rows


def json_island(data: Any) -> str:
    """JSON that is safe inside a <script> element, escaped as Lighthouse escapes it: no
    "<" (so no "</script>" or "<!--"), and no U+2028/U+2029 line separators."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _anchor(item: dict[str, Any], taken: set[str]) -> str:
    """The finding's fingerprint as its anchor (unique within the page)."""
    anchor = item["fingerprint"] or f"finding-{item['n']}"
    while anchor in taken:
        anchor = f"{anchor}-{item['n']}"
    taken.add(anchor)
    return anchor


def _kind(category: str) -> str:
    return _KINDS.get(category, f"{category} claim")


def _rules(rulebook: Rulebook | None) -> dict[str, Rule]:
    if rulebook is None:
        return {}
    rules = {c.model.id: c.model for c in rulebook.categories.values() if c.model is not None}
    rules.update({r.id: r for r in rulebook.rules})
    return rules


def _categories(rulebook: Rulebook | None, used: set[str]) -> dict[str, str]:
    known = rulebook.categories if rulebook is not None else {}
    return {name: known[name].title if name in known else _kind(name) for name in sorted(used)}


def _explain(rule_id: str, rule: Rule | None) -> dict[str, Any]:
    if rule is None:
        why = _UNUSED_SUPPRESSION_WHY if rule_id == "unused-suppression" else ""
        return {"why": why, "refs": []}
    return {"why": rule.why, "refs": list(rule.refs)}


def _when(now: datetime | None) -> str:
    """The run's date in UTC (``SOURCE_DATE_EPOCH`` fixes it, for reproducible pages)."""
    if now is None:
        epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
        now = (
            datetime.fromtimestamp(int(epoch), timezone.utc)
            if epoch.isdigit()
            else datetime.now(timezone.utc)
        )
    return now.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def _content_security_policy(css: str, script: str) -> str:
    """No network and no script but the page's own: the inline style and script by hash."""
    return (
        "default-src 'none'; "
        f"style-src '{_sha256(css)}'; script-src '{_sha256(script)}'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


def _sha256(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


@cache
def _asset(name: str) -> str:
    """An inline asset (CSS or JavaScript) shipped beside the template."""
    return (files("lint.output") / "templates" / name).read_text(encoding="utf-8")


@cache
def _template():
    environment = Environment(
        loader=PackageLoader("lint.output", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return environment.get_template("report.html.j2")
