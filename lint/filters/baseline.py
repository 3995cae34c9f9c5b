"""Baselines: record a site's current findings so that only new ones are reported.

A finding's fingerprint is its path, rule, matched words and the normalized text of its
sentence, so it survives edits elsewhere in the file (line numbers are not part of it).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from lint.output.atomic import write_atomically
from lint.data import Finding, OverclaimError

_NOT_WORDS = re.compile(r"[^\w]+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n\s*\n|\n(?=\s*[#>*+-])")
FORMAT_VERSION = 1


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the source sentence (or line) around text[start:end] begins and ends."""
    begin = 0
    for match in _SENTENCE_END.finditer(text, 0, start):
        begin = match.end()
    stop = _SENTENCE_END.search(text, end)
    return begin, stop.start() if stop else len(text)


def sentence_around(text: str, start: int, end: int) -> str:
    """The source sentence (or line) a finding sits in."""
    begin, stop = sentence_bounds(text, start, end)
    return text[begin:stop]


def fingerprint(finding: Finding, text: str) -> str:
    sentence = (
        _NOT_WORDS.sub(" ", sentence_around(text, finding.start, finding.end)).strip().lower()
    )
    words = _NOT_WORDS.sub(" ", finding.text).strip().lower()
    path = finding.path.replace("\\", "/").removeprefix("./")
    return hashlib.sha256(f"{path}\0{finding.rule}\0{words}\0{sentence}".encode()).hexdigest()[:32]


@dataclass
class BaselineResult:
    new: list[Finding]
    stale: list[dict]  # baseline entries that no longer match any finding


def write_baseline(path: Path, findings: list[Finding], texts: dict[str, str]) -> None:
    entries = [
        {
            "fingerprint": fingerprint(f, texts[f.path]),
            "path": f.path,
            "rule": f.rule,
            "text": f.text,
        }
        for f in findings
    ]
    data = json.dumps(
        {"overclaim-baseline": FORMAT_VERSION, "findings": entries}, indent=2, ensure_ascii=False
    )
    write_atomically(path, (data + "\n").encode("utf-8"))


def read_baseline(path: Path) -> list[dict]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise OverclaimError(f"{path}: baseline file not found") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise OverclaimError(f"{path}: not a baseline file: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise OverclaimError(f"{path}: not a baseline file (no 'findings' list)")
    return data["findings"]


def apply_baseline(
    findings: list[Finding], texts: dict[str, str], entries: list[dict], checked: set[str]
) -> BaselineResult:
    """Findings not in the baseline, and baseline entries of checked files that are gone."""
    remaining = Counter(e.get("fingerprint") for e in entries)
    new = []
    for finding in findings:
        key = fingerprint(finding, texts[finding.path])
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            new.append(finding)
    stale = []
    for entry in entries:
        key = entry.get("fingerprint")
        if remaining[key] > 0 and entry.get("path") in checked:
            remaining[key] -= 1
            stale.append(entry)
    return BaselineResult(new=new, stale=stale)
