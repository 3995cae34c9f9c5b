"""Apply hedged rewrites to text and files: bounded passes, no overlapping edits, safe writes."""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass
from pathlib import Path

from lint.output.atomic import write_atomically
from lint.filters.baseline import sentence_bounds
from lint.engine.linter import Linter
from lint.data import Finding, OverclaimError, SourceText, Suggestion

MAX_PASSES = 32


def chosen_edits(text: str, findings: list[Finding], unsafe: bool) -> list[Suggestion]:
    """The edits for one pass: at most one per sentence, never overlapping, in text order.

    One edit a sentence, because hedging a clause often settles its other findings too; a
    safe edit (a pure hedge) is preferred to one that rewrites words.
    """
    by_sentence: dict[tuple[int, int], list[Suggestion]] = {}
    for finding in findings:
        for suggestion in finding.suggestions:
            if suggestion.replacement is not None and (suggestion.safe or unsafe):
                bounds = sentence_bounds(text, finding.start, finding.end)
                by_sentence.setdefault(bounds, []).append(suggestion)
                break
    edits = [min(found, key=lambda e: (not e.safe, e.start)) for found in by_sentence.values()]
    kept: list[Suggestion] = []
    for edit in sorted(edits, key=lambda e: (e.start, -e.end)):
        if not kept or edit.start >= kept[-1].end:
            kept.append(edit)
    return kept


def apply_edits(text: str, edits: list[Suggestion]) -> str:
    """The text with non-overlapping edits applied."""
    out, cursor = [], 0
    for edit in sorted(edits, key=lambda e: e.start):
        out += [text[cursor : edit.start], edit.replacement or ""]
        cursor = edit.end
    out.append(text[cursor:])
    return "".join(out)


@dataclass
class FixResult:
    text: str
    applied: int  # edits applied over all passes
    remaining: list[Finding]  # findings in the fixed text


def fix_source(source: SourceText, linter: Linter, unsafe: bool = False) -> FixResult:
    """Apply edits, re-lint and repeat until nothing changes (at most MAX_PASSES passes)."""
    text, applied = source.text, 0
    findings = linter.check([source])[0]
    for _ in range(MAX_PASSES):
        edits = chosen_edits(text, findings, unsafe)
        if not edits:
            break
        new_text = apply_edits(text, edits)
        if new_text == text:
            break
        text, applied = new_text, applied + len(edits)
        findings = linter.check([SourceText(source.path, text, source.format)])[0]
    return FixResult(text, applied, findings)


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff that `patch -p1` applies."""
    name = os.path.relpath(path).replace("\\", "/") if os.path.isabs(path) else path
    name = name.replace("\\", "/").removeprefix("./")
    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=f"a/{name}",
        tofile=f"b/{name}",
    )
    out = []
    for line in lines:
        out.append(line)
        if not line.endswith("\n"):
            out.append("\n\\ No newline at end of file\n")
    return "".join(out)


def write_fixed(path: Path, original: bytes, text: str) -> None:
    """Write the fixed text in place of ``path``, only if the file is still ``original``.

    The encoding (UTF-8, with the BOM if there was one), line endings and permissions are
    kept; the new content goes to a temporary file in the same folder, is flushed and synced,
    then renamed over the original, so a failure at any point leaves the original intact.
    """
    try:
        current = path.read_bytes()
    except OSError as exc:
        raise OverclaimError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if current != original:
        raise OverclaimError(f"{path}: changed on disk while it was being fixed; not written")
    data = (b"\xef\xbb\xbf" if original.startswith(b"\xef\xbb\xbf") else b"") + text.encode("utf-8")
    write_atomically(path, data, mode=path.stat().st_mode)


@dataclass
class FileFix:
    path: Path
    before: str
    after: str
    applied: int
    remaining: list[Finding]


def fix_file(
    path: Path, linter: Linter, unsafe: bool, write: bool, encoding: str = "utf-8"
) -> FileFix:
    """Fix one file; with ``write``, replace it safely when something changed."""
    from lint.input.reading import decode, format_for

    try:
        original = path.read_bytes()
    except OSError as exc:
        raise OverclaimError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if b"\x00" in original[:8192]:
        raise OverclaimError(f"{path}: looks like a binary file; not fixed")
    source = SourceText(str(path), decode(original, str(path), encoding), format_for(path))
    result = fix_source(source, linter, unsafe)
    if write and result.text != source.text:
        write_fixed(path, original, result.text)
    return FileFix(path, source.text, result.text, result.applied, result.remaining)
