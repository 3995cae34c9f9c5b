"""Apply hedged rewrites: bounded passes of non-overlapping edits, a diff, safe writes.

The fixer re-checks its own output through the pipeline's ``check`` (analysis and filters),
so a fix never touches a finding that ``overclaim check`` would not report.
"""

from __future__ import annotations

import difflib
import glob
import os
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from lint.atomic import write_atomically
from lint.data import Finding, OverclaimError, SourceText, Suggestion
from lint.input.reading import TextFile

MAX_PASSES = 32

# Findings for each source, as `overclaim check` reports them.
Check = Callable[[list[SourceText]], list[list[Finding]]]


def chosen_edits(findings: list[Finding], unsafe: bool) -> list[Suggestion]:
    """The edits for one pass: at most one per sentence, never overlapping, in text order.

    One edit a sentence, because hedging a clause often settles its other findings too; a
    safe edit (a pure hedge) is preferred to one that rewrites words.
    """
    by_sentence: dict[tuple[int, int], list[Suggestion]] = {}
    for finding in findings:
        for suggestion in finding.suggestions:
            if suggestion.replacement is not None and (suggestion.safe or unsafe):
                bounds = (finding.sentence_start, finding.sentence_end)
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


@dataclass(frozen=True)
class FixResult:
    """A source after fixing: its new text, the edits applied and the findings left."""

    source: SourceText
    text: str
    applied: int
    remaining: list[Finding]


def fix_sources(
    sources: list[SourceText], findings: list[list[Finding]], check: Check, unsafe: bool
) -> list[FixResult]:
    """Apply edits, re-check and repeat until nothing changes (at most MAX_PASSES passes).

    ``findings`` are each source's findings as checked; every pass re-checks the sources
    it changed together, in one batch.
    """
    texts = [s.text for s in sources]
    applied = [0] * len(sources)
    current = list(findings)
    active = list(range(len(sources)))
    for _ in range(MAX_PASSES):
        changed = []
        for index in active:
            edits = chosen_edits(current[index], unsafe)
            new_text = apply_edits(texts[index], edits) if edits else texts[index]
            if new_text != texts[index]:
                texts[index] = new_text
                applied[index] += len(edits)
                changed.append(index)
        if not changed:
            break
        rechecked = check([replace(sources[i], text=texts[i]) for i in changed])
        for index, found in zip(changed, rechecked, strict=True):
            current[index] = found
        active = changed
    return [
        FixResult(source, text, count, found)
        for source, text, count, found in zip(sources, texts, applied, current, strict=True)
    ]


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff that `patch -p1` applies."""
    name = os.path.relpath(path).replace("\\", "/") if os.path.isabs(path) else path
    name = name.replace("\\", "/").removeprefix("./")
    # A name with a space ends with a tab, which is how GNU patch and git find its end.
    end = "\t" if any(c.isspace() for c in name) else ""
    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=f"a/{name}{end}",
        tofile=f"b/{name}{end}",
    )
    out = []
    for line in lines:
        out.append(line)
        if not line.endswith("\n"):
            out.append("\n\\ No newline at end of file\n")
    return "".join(out)


def write_fixed(file: TextFile, text: str) -> None:
    """Write the fixed text in place of the file, only if it still holds what was read.

    The encoding and byte-order mark, line endings, permissions and owner are kept; the new
    content goes to a temporary file in the same folder, is flushed and synced, then renamed
    over the original, so a failure at any point leaves the original intact. A symbolic link,
    a file with several hard links or one another user owns is never replaced.
    """
    path = file.path
    data = file.encode(text)
    try:
        info = path.lstat()
    except OSError as exc:
        raise OverclaimError(f"{path}: cannot fix: {exc.strerror or exc}") from None
    if stat.S_ISLNK(info.st_mode):
        raise OverclaimError(f"{path}: is a symbolic link; not fixed (fix the file it points to)")
    if info.st_nlink > 1:
        raise OverclaimError(
            f"{path}: has {info.st_nlink} hard links, which replacing it would split; not fixed"
        )
    if info.st_uid != os.geteuid() and os.geteuid() != 0:
        raise OverclaimError(f"{path}: owned by another user; not fixed")
    _remove_leftovers(path)

    def unchanged() -> None:
        """Called just before the rename: the file must still be the one that was read."""
        try:
            now = path.lstat()
            current = path.read_bytes()
        except OSError as exc:
            raise OverclaimError(f"{path}: cannot read: {exc.strerror or exc}") from None
        same_file = file.identity is None or (now.st_dev, now.st_ino) == file.identity
        if not same_file or current != file.raw:
            raise OverclaimError(f"{path}: changed on disk while it was being fixed; not written")

    unchanged()
    try:
        write_atomically(
            path,
            data,
            mode=stat.S_IMODE(info.st_mode),
            owner=(info.st_uid, info.st_gid) if os.geteuid() == 0 else None,
            before_replace=unchanged,
        )
    except OSError as exc:
        raise OverclaimError(f"{path}: cannot write: {exc.strerror or exc}") from None


LEFTOVER_AGE = 60  # seconds after which a temporary file of an interrupted fix is stale


def _remove_leftovers(path: Path) -> None:
    """Remove the temporary files an interrupted fix of this file left behind."""
    now = time.time()
    for leftover in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        try:
            if now - leftover.lstat().st_mtime > LEFTOVER_AGE and leftover.is_file():
                leftover.unlink()
        except OSError:
            pass
