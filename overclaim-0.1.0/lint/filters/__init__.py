"""Filters: a file's findings in, the findings to report out.

Applied once, in one place, for every entry point: per-file ignores from the configuration,
inline suppression comments, and the baseline. (``select``/``ignore`` choose the rules that
run at all: see ``lint.rulebook.selection``.) Nothing here imports spaCy.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from lint.config import Settings, path_matches
from lint.data import Finding, SourceText
from lint.filters.baseline import Baseline
from lint.filters.suppressions import suppress
from lint.rulebook.selectors import any_selects


@dataclass
class Filters:
    """What drops findings depending on where they are.

    ``used`` collects the baseline entries the filtered findings matched, for the report of
    stale entries at the end of a run.
    """

    settings: Settings = field(default_factory=Settings)
    report_unused_suppressions: bool = False
    baseline: Baseline | None = None
    used: Counter[str] = field(default_factory=Counter)

    def apply(
        self, source: SourceText, findings: list[Finding], record: bool = True
    ) -> list[Finding]:
        """The findings of ``source`` that are reported; ``record`` counts the baseline
        entries they match."""
        ignored = self._ignored_here(source.path)
        if ignored:
            findings = [f for f in findings if not any_selects(ignored, f.rule, f.category)]
        findings = suppress(source, findings, self.report_unused_suppressions)
        if self.baseline is not None:
            findings, used = self.baseline.new_findings(findings)
            if record:
                self.used.update(used)
        return findings

    def stale_baseline_entries(self, checked: set[str]) -> list[dict]:
        return self.baseline.stale(self.used, checked) if self.baseline is not None else []

    def _ignored_here(self, path: str) -> tuple[str, ...]:
        """The selectors that per-file ignores switch off for this file."""
        if not self.settings.per_file_ignores:
            return ()
        relative = self.settings.relative(Path(path))
        return tuple(
            selector
            for glob, selectors in self.settings.per_file_ignores.items()
            if path_matches(relative, glob)
            for selector in selectors
        )
