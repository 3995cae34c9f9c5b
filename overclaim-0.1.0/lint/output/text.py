"""The report for people: one block per finding, or one line each, and a summary."""

from __future__ import annotations

import re
from collections import Counter

import click

from lint.data import Finding, Report, Suggestion, one_line

_COLORS = {"error": "red", "warning": "yellow", "info": "cyan"}


def render_text(report: Report, quiet: bool = False, color: bool = False) -> str:
    """One block per finding: location, the line with the span underlined, suggestions.

    ``quiet`` gives one line per finding and no summary.
    """

    def paint(text: str, **style) -> str:
        return click.style(text, **style) if color else text

    findings, texts, files = report.findings, report.texts, report.files
    if quiet:
        return "\n".join(
            one_line(f"{f.path}:{f.line}:{f.column}: {f.severity} [{f.rule}] {f.message}")
            for f in findings
        )
    blocks = []
    shown: set[tuple[str, int, int]] = set()  # sentences whose rewrite is already shown
    for f in findings:
        severity = paint(f.severity, fg=_COLORS.get(f.severity), bold=True)
        lines = [
            f"{paint(one_line(f.path), bold=True)}:{f.line}:{f.column}: {severity} [{f.rule}]"
            f"{_source(f)} {one_line(f.message)}"
        ]
        source = texts.get(f.path)
        if source is not None:
            excerpt, underline = _excerpt(source, f)
            lines += [excerpt, paint(underline, fg=_COLORS.get(f.severity))]
        sentence = (f.path, f.sentence_start, f.sentence_end)
        edits = [s for s in f.suggestions if s.replacement is not None]
        if source is not None and edits:
            if sentence in shown:
                lines.append(f"  {paint('rewrite:', fg='green')} the same as above")
            else:
                lines += _rewrite(source, f, edits, paint)
            shown.add(sentence)
        for s in f.suggestions:
            if s.replacement is None:
                lines.append(f"  {paint('advice:', fg='green')} {_clean(s.advice or '')}")
        blocks.append("\n".join(lines))
    counts = report.severity_counts()
    tail = (
        f"{counts['findings']} finding{'s' if counts['findings'] != 1 else ''} in {files} "
        f"file{'s' if files != 1 else ''} ({counts['errors']} errors, "
        f"{counts['warnings']} warnings, {counts['infos']} info)"
    )
    return "\n\n".join(blocks + [tail]) if blocks else tail


_CONTEXT = 50


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _excerpt(source: str, f: Finding) -> list[str]:
    """A window of the finding's line around its span, with the span underlined.

    Only the window is read, however long the line; control characters are shown as "?",
    so copy cannot send escape sequences to the terminal."""
    line_start = f.start - (f.column - 1)
    lo = max(line_start, f.start - _CONTEXT)
    newline = source.find("\n", f.start, f.end + _CONTEXT)
    hi = newline if newline != -1 else min(len(source), f.end + _CONTEXT)
    prefix = "…" if lo > line_start else ""
    suffix = "…" if newline == -1 and hi < len(source) and source[hi] not in "\r\n" else ""
    window = source[lo:hi].rstrip("\r").replace("\t", " ")
    shown = prefix + _CONTROL.sub("?", window) + suffix
    offset = len(prefix) + (f.start - lo)
    width = min(f.end, hi) - f.start
    return [f"  {shown}", "  " + " " * offset + "^" * max(width, 1)]


_MAX_SENTENCE = 400  # characters of a sentence shown; a longer one is cut in the middle


def _rewrite(source: str, f: Finding, edits: list[Suggestion], paint) -> list[str]:
    """The sentence before and after its rewrite, changed words in [brackets]: the full
    rewrite, and the safe one (what --fix applies) when the full one needs --unsafe-fixes."""
    start, end = f.sentence_start, f.sentence_end
    before = source[start:end]
    out = []
    for n, edit in enumerate(edits[:2]):
        if not start <= edit.start <= edit.end <= end:
            continue
        after = before[: edit.start - start] + (edit.replacement or "") + before[edit.end - start :]
        old, new = _marked(before, after, paint)
        if n == 0:
            out.append(f"  {paint('rewrite:', fg='green')} {old}")
        mode = "safe fix" if edit.safe else "unsafe fix: --unsafe-fixes"
        out.append(f"        → {new}  ({mode})")
    return out


def _marked(before: str, after: str, paint) -> tuple[str, str]:
    """Both texts on one line each, with the words that differ marked."""
    import difflib

    old_words, new_words = before.split(), after.split()
    old, new = [], []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            old += old_words[a1:a2]
            new += new_words[b1:b2]
            continue
        if a2 > a1:
            old.append(paint("[" + " ".join(old_words[a1:a2]) + "]", fg="red"))
        if b2 > b1:
            new.append(paint("[" + " ".join(new_words[b1:b2]) + "]", fg="green", bold=True))
        elif a2 > a1:
            new.append(paint("[-]", fg="green"))
    return _clean(" ".join(old)), _clean(" ".join(new))


def _clean(text: str) -> str:
    """One line, control characters shown as "?", cut in the middle when very long."""
    text = _CONTROL.sub("?", one_line(text))
    if len(text) > _MAX_SENTENCE:
        half = _MAX_SENTENCE // 2
        text = text[:half] + " … " + text[-half:]
    return text


def render_statistics(report: Report) -> str:
    """The number of findings per rule, most frequent first."""
    counts = Counter((f.rule, f.severity) for f in report.findings)
    width = max((len(rule) for rule, _ in counts), default=0)
    rows = [f"{n:5}  {rule:<{width}}  {severity}" for (rule, severity), n in counts.most_common()]
    rows.append(f"{len(report.findings)} findings in {report.files} files")
    return "\n".join(rows)


def _source(finding: Finding) -> str:
    """Who raised the finding, and how sure: " (rule and model, 93%)"; nothing without the model."""
    if finding.confidence is None:
        return ""
    who = {"rule": "rule", "model": "model", "both": "rule and model"}[finding.source]
    return f" ({who}, {round(100 * finding.confidence)}%)"
