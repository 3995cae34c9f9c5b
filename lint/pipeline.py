"""The public Python API: lint a string or files and get Finding objects back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from lint.config import Settings
from lint.data import Finding, SourceText
from lint.input.reading import DEFAULT_MAX_BYTES, discover, format_for, load_sources

if TYPE_CHECKING:  # imported when first needed: a run served from the cache never needs them
    from lint.engine.linter import Linter

_default_linter: Linter | None = None
PROGRESS_STEP = 64  # files per batch when progress is reported


def default_linter() -> Linter:
    """A linter with the shipped rulebook, built once per process."""
    global _default_linter
    if _default_linter is None:
        from lint.engine.linter import Linter

        _default_linter = Linter()
    return _default_linter


@dataclass(frozen=True)
class Report:
    """What a run over files found."""

    files: int
    findings: list[Finding]
    texts: dict[str, str]  # each file's decoded text, by path
    skipped: list[tuple[Path, str]] = field(default_factory=list)  # files passed over, and why
    errors: list[str] = field(default_factory=list)  # files that could not be checked
    notices: list[str] = field(default_factory=list)  # files skipped on purpose (binaries)


def build_linter(settings: Settings | None = None, cache_root: Path | None = None) -> Linter:
    """The linter for these settings; with ``cache_root``, compiled once and then cached."""
    if cache_root is not None:
        from lint.run.cache import Cache

        return Cache(cache_root, settings or Settings()).linter()
    if settings is None:
        return default_linter()
    from lint.engine.linter import Linter

    return Linter(settings.rulebook())


def check_text(
    text: str, path: str = "<text>", format: str | None = None, linter: Linter | None = None
) -> list[Finding]:
    """Findings in one string; ``format`` defaults to what ``path``'s extension says."""
    source = SourceText(path=path, text=text, format=format or format_for(path))
    return (linter or default_linter()).check([source])[0]


@dataclass(frozen=True)
class RunOptions:
    """How a run over files goes, beyond which rules apply.

    ``jobs`` > 1 spreads large runs over worker processes; ``cache_root`` keeps the compiled
    rulebook and (with ``cache_results``) each file's findings in ``cache_root/.overclaim_cache``,
    so unchanged files are not linted again; ``progress`` is called after each batch with the
    number of files it checked and the number to check in all.
    """

    report_unused_suppressions: bool = False
    jobs: int = 1
    cache_root: Path | None = None
    cache_results: bool = True
    progress: Callable[[int, int], None] | None = None
    encoding: str = "utf-8"
    max_bytes: int | None = DEFAULT_MAX_BYTES


def check_sources(
    sources: list[SourceText],
    settings: Settings | None = None,
    linter: Linter | None = None,
    options: RunOptions = RunOptions(),
) -> list[Finding]:
    """Findings in already-read sources, with the project's per-file ignores applied."""
    unused = options.report_unused_suppressions
    cache = None
    if options.cache_root is not None:
        from lint.run.cache import Cache

        cache = Cache(
            options.cache_root, settings or Settings(), unused, results=options.cache_results
        )
    results: list[list[Finding] | None] = [cache.findings(s) if cache else None for s in sources]
    todo = [i for i, found in enumerate(results) if found is None]
    needs_rules = todo or (settings is not None and settings.per_file_ignores)
    if linter is None and needs_rules:
        linter = cache.linter() if cache is not None else build_linter(settings)
    if todo:
        from lint.run.parallel import check_sources_in_parallel
    step = PROGRESS_STEP if options.progress else max(len(todo), 1)
    for first in range(0, len(todo), step):
        part = todo[first : first + step]
        fresh = check_sources_in_parallel(linter, [sources[i] for i in part], options.jobs, unused)
        for index, findings in zip(part, fresh, strict=True):
            results[index] = findings
            if cache is not None:
                cache.remember(sources[index], findings)
        if options.progress:
            options.progress(len(part), len(todo))
    if cache is not None:
        cache.save()
    findings = [f for found in results for f in found or ()]
    if settings is not None and settings.per_file_ignores:
        findings = [
            f
            for f in findings
            if f.rule not in linter.rules or not settings.ignored_here(f.path, linter.rules[f.rule])
        ]
    return findings


def check_paths(
    paths: list[str | Path],
    settings: Settings | None = None,
    linter: Linter | None = None,
    options: RunOptions = RunOptions(),
) -> Report:
    """Findings in files and folders (folders are searched for .txt, .md and .html files).

    ``settings`` (project configuration) chooses the rules, exclusions and per-file ignores.
    A file that cannot be read is reported in ``errors`` and the others are still checked.
    """
    found = discover(paths, excluded=settings.excluded if settings else None)
    loaded = load_sources(found.files, options.encoding, options.max_bytes)
    sources = loaded.sources
    findings = check_sources(sources, settings, linter, options)
    return Report(
        files=len(sources),
        findings=findings,
        texts={s.path: s.text for s in sources},
        skipped=found.skipped,
        errors=found.errors + loaded.errors,
        notices=loaded.notices,
    )
