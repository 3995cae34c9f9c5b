"""Baselines: record a site's current findings so that only new ones are reported.

Entries are matched by the findings' fingerprints (see ``lint.filters.fingerprints``), so
they survive edits elsewhere in a file.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lint.atomic import write_output
from lint.data import Finding, OverclaimError

FORMAT_VERSION = 2


@dataclass(frozen=True)
class Baseline:
    """The entries of a baseline file, and how many findings each fingerprint stands for."""

    entries: tuple[dict[str, Any], ...]
    counts: Counter[str]

    @classmethod
    def read(cls, path: Path) -> Baseline:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise OverclaimError(f"{path}: baseline file not found") from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise OverclaimError(f"{path}: not a baseline file: {exc}") from None
        if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
            raise OverclaimError(f"{path}: not a baseline file (no 'findings' list)")
        if data.get("overclaim-baseline") != FORMAT_VERSION:
            raise OverclaimError(
                f"{path}: baseline written by another version of overclaim; "
                "refresh it with --write-baseline"
            )
        entries = tuple(data["findings"])
        if not all(isinstance(e, dict) and isinstance(e.get("fingerprint"), str) for e in entries):
            raise OverclaimError(f"{path}: not a baseline file (an entry has no fingerprint)")
        return cls(entries, Counter(e["fingerprint"] for e in entries))

    def new_findings(self, findings: list[Finding]) -> tuple[list[Finding], Counter[str]]:
        """The findings of one file that the baseline does not cover, and the fingerprints
        it covered (how many of each)."""
        used: Counter[str] = Counter()
        new = []
        for finding in findings:
            key = finding.fingerprint
            if used[key] < self.counts[key]:
                used[key] += 1
            else:
                new.append(finding)
        return new, used

    def stale(self, used: Counter[str], checked: set[str]) -> list[dict[str, Any]]:
        """Entries of checked files that no finding matched any more."""
        left = self.counts - used
        out = []
        for entry in self.entries:
            key = entry["fingerprint"]
            if left[key] > 0 and entry.get("path") in checked:
                left[key] -= 1
                out.append(entry)
        return out


def write_baseline(path: Path, findings: list[Finding]) -> None:
    entries = [
        {"fingerprint": f.fingerprint, "path": f.path, "rule": f.rule, "text": f.text}
        for f in findings
    ]
    data = json.dumps(
        {"overclaim-baseline": FORMAT_VERSION, "findings": entries}, indent=2, ensure_ascii=False
    )
    try:
        write_output(path, (data + "\n").encode("utf-8", "surrogateescape"))
    except OSError as exc:
        raise OverclaimError(f"{path}: cannot write baseline: {exc.strerror or exc}") from None
