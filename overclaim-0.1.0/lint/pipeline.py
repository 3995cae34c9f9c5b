"""The one pipeline every entry point runs: read → analyse → filter → report or fix.

``overclaim check`` (files, stdin, ``--fix``, ``--diff``), ``eval``, ``test-rules``, the
pre-commit hook and the Python API all go through ``Pipeline``, so they honour the same
configuration, inline suppressions, per-file ignores, baseline, cache and worker processes.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from lint.config import Settings
from lint.data import Finding, Report, SourceText
from lint.filters import Filters
from lint.filters.baseline import Baseline
from lint.filters.fingerprints import with_fingerprints
from lint.input.discovery import discover
from lint.input.reading import DEFAULT_MAX_BYTES, TextFile, format_for, load_files

if TYPE_CHECKING:  # imported when first needed: a run served from the cache never needs them
    from lint.engine.linter import Linter
    from lint.model.claim_model import ClaimModel
    from lint.output.fixer import FixResult
    from lint.rulebook.rules import Rulebook
    from lint.run.cache import Cache

PROGRESS_STEP = 64  # files per batch when progress is reported

_default_linter: Linter | None = None


def default_linter() -> Linter:
    """A linter with the shipped rulebook, built once per process."""
    global _default_linter
    if _default_linter is None:
        from lint.engine.linter import Linter

        _default_linter = Linter()
    return _default_linter


@dataclass(frozen=True)
class RunOptions:
    """How a run goes, beyond which rules apply.

    ``jobs`` > 1 spreads large runs over worker processes; ``cache_root`` keeps the compiled
    rulebook and (with ``cache_results``) each file's findings in
    ``cache_root/.overclaim_cache``, so unchanged files are not analysed again; ``progress``
    is called after each batch with the number of files it checked and the number to check
    in all; ``baseline`` is a baseline file whose findings are not reported.
    """

    jobs: int = 1
    cache_root: Path | None = None
    cache_results: bool = True
    progress: Callable[[int, int], None] | None = None
    encoding: str = "utf-8"
    max_bytes: int | None = DEFAULT_MAX_BYTES
    report_unused_suppressions: bool = False
    baseline: Path | None = None


@dataclass(frozen=True)
class Inputs:
    """The files a run reads: decoded, or passed over with the reason why."""

    files: list[TextFile] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    roots: tuple[Path, ...] = ()  # the paths given; --fix writes nothing outside them

    def within_roots(self, path: Path) -> bool:
        """Whether the file ``path`` really is (links followed) under one of the roots."""
        real = os.path.realpath(path)
        for root in self.roots:
            top = os.path.realpath(root)
            if real == top or real.startswith(top.rstrip(os.sep) + os.sep):
                return True
        return False

    @property
    def sources(self) -> list[SourceText]:
        return [f.source for f in self.files]


@dataclass(frozen=True)
class FixRun:
    """What ``--fix`` or ``--diff`` did: each file's result, the report of what is left, and
    one line per file that could not be written."""

    results: list[FixResult]
    report: Report
    errors: list[str]

    @property
    def applied(self) -> int:
        return sum(r.applied for r in self.results)


class Pipeline:
    """Everything one run needs: the settings, the options, and the analysis they select."""

    def __init__(
        self,
        settings: Settings | None = None,
        options: RunOptions | None = None,
        linter: Linter | None = None,
    ):
        self.settings = settings or Settings()
        self.options = options or RunOptions()
        self._linter = linter
        self._cache: Cache | None = None
        if self.options.cache_root is not None:
            from lint.run.cache import Cache

            self._cache = Cache(
                self.options.cache_root, self.settings, results=self.options.cache_results
            )
        baseline = Baseline.read(self.options.baseline) if self.options.baseline else None
        self.filters = Filters(self.settings, self.options.report_unused_suppressions, baseline)

    @property
    def linter(self) -> Linter:
        """The compiled rulebook with the claim model in use, built (or loaded from the
        cache) when first needed."""
        if self._linter is None:
            if self._cache is not None:
                linter = self._cache.linter()
            elif replace(self.settings, model=True) == Settings():
                linter = default_linter()
            else:
                from lint.engine.linter import Linter

                linter = Linter.for_settings(self.settings)
            self._linter = linter.with_model(self.claim_model())
        return self._linter

    def claim_model(self) -> ClaimModel | None:
        """The claim model the settings choose (None: the rules alone)."""
        folder = self.settings.model_folder()
        if folder is None:
            return None
        from lint.model.claim_model import load_model

        return load_model(str(folder))

    @property
    def rulebook(self) -> Rulebook:
        return self.linter.rulebook

    # read -------------------------------------------------------------------------------

    def read(self, paths: list[str | Path], force_exclude: bool = False) -> Inputs:
        """The files under ``paths`` that the configuration does not exclude, decoded
        (``force_exclude``: files named explicitly as well)."""
        found = discover(paths, excluded=self.settings.excluded, force_exclude=force_exclude)
        loaded = load_files(found.files, self.options.encoding, self.options.max_bytes)
        return Inputs(
            loaded.files,
            found.skipped,
            found.errors + loaded.errors,
            loaded.notices,
            tuple(Path(p) for p in paths),
        )

    # analyse and filter -------------------------------------------------------------------

    def analyse(self, sources: list[SourceText], progress: bool = True) -> list[list[Finding]]:
        """Each source's findings before filtering, with their fingerprints (``progress``:
        report it to ``options.progress``)."""
        cache = self._cache
        results: list[list[Finding] | None] = [
            cache.findings(s) if cache is not None else None for s in sources
        ]
        todo = [i for i, found in enumerate(results) if found is None]
        report = self.options.progress if progress else None
        step = PROGRESS_STEP if report else max(len(todo), 1)
        for first in range(0, len(todo), step):
            part = todo[first : first + step]
            for index, findings in zip(
                part, self._analyse([sources[i] for i in part]), strict=True
            ):
                results[index] = findings
                if cache is not None:
                    cache.remember(sources[index], findings)
            if report:
                report(len(part), len(todo))
        if cache is not None:
            cache.save()
        return [
            with_fingerprints(source.text, found or [], self.settings.relative(Path(source.path)))
            for source, found in zip(sources, results, strict=True)
        ]

    def _analyse(self, sources: list[SourceText]) -> list[list[Finding]]:
        from lint.run.parallel import check_sources_in_parallel

        return check_sources_in_parallel(self.linter, sources, self.options.jobs)

    def check_sources(
        self, sources: list[SourceText], record: bool = True, progress: bool = True
    ) -> list[list[Finding]]:
        """Each source's findings as reported: analysed, then filtered.

        ``record`` counts the baseline entries they match (for the stale-entry report);
        intermediate fix passes do not, nor do they report progress."""
        analysed = self.analyse(sources, progress)
        return [
            self.filters.apply(source, found, record)
            for source, found in zip(sources, analysed, strict=True)
        ]

    def check_text(
        self, text: str, path: str = "<text>", format: str | None = None
    ) -> list[Finding]:
        """Findings in one string; ``format`` defaults to what ``path``'s extension says."""
        source = SourceText(path=path, text=text, format=format or format_for(path))
        return self.check_sources([source])[0]

    # report ------------------------------------------------------------------------------

    def check(self, inputs: Inputs) -> Report:
        """The report on files already read."""
        sources = inputs.sources
        findings = [f for found in self.check_sources(sources) for f in found]
        texts = {s.path: s.text for s in sources}
        return Report(
            files=len(sources),
            findings=findings,
            texts=texts,
            skipped=inputs.skipped,
            errors=inputs.errors,
            notices=inputs.notices,
            stale=self.filters.stale_baseline_entries(set(texts)),
        )

    def check_paths(self, paths: list[str | Path]) -> Report:
        """Findings in files and folders (folders are searched for .txt, .md and .html files).

        A file that cannot be read is reported in ``errors`` and the others are still checked.
        """
        return self.check(self.read(paths))

    # fix ---------------------------------------------------------------------------------

    def fix_sources(self, sources: list[SourceText], unsafe: bool = False) -> list[FixResult]:
        """Each source with the rewrites of its reported findings applied, pass after pass."""
        from lint.output.fixer import fix_sources

        def check(changed: list[SourceText]) -> list[list[Finding]]:
            return self.check_sources(changed, record=False, progress=False)

        first = self.check_sources(sources, record=False)
        return fix_sources(sources, first, check, unsafe)

    def fix(self, inputs: Inputs, unsafe: bool, write: bool) -> FixRun:
        """Apply the suggested rewrites that ``check`` would report; with ``write``, replace
        the files that changed (each failure is one line in ``errors``)."""
        from lint.data import OverclaimError
        from lint.output.fixer import write_fixed

        sources = inputs.sources
        results = self.fix_sources(sources, unsafe)
        errors = list(inputs.errors)
        if write:
            for file, result in zip(inputs.files, results, strict=True):
                if result.text == file.source.text:
                    continue
                if not inputs.within_roots(file.path):
                    errors.append(
                        f"{file.path}: reached through a symbolic link to outside the paths "
                        "given; not fixed"
                    )
                    continue
                try:
                    write_fixed(file, result.text)
                except OverclaimError as exc:
                    errors.append(str(exc))
        report = Report(
            files=len(sources),
            findings=[f for r in results for f in r.remaining],
            texts={r.source.path: r.text for r in results},
            skipped=inputs.skipped,
            errors=errors,
            notices=inputs.notices,
        )
        return FixRun(results, report, errors)


def check_text(
    text: str, path: str = "<text>", format: str | None = None, linter: Linter | None = None
) -> list[Finding]:
    """Findings in one string, with the shipped rulebook (or ``linter``)."""
    return Pipeline(linter=linter).check_text(text, path, format)


def check_paths(
    paths: list[str | Path],
    settings: Settings | None = None,
    options: RunOptions | None = None,
) -> Report:
    """Findings in files and folders, with the project configuration ``settings``."""
    return Pipeline(settings, options).check_paths(paths)
