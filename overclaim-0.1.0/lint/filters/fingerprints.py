"""One stable fingerprint per finding, shared by the baseline, SARIF and GitLab reports.

It hashes the rule, the file's path, the words of the finding's sentence and the finding's
place among the findings of that rule in identical sentences of the file: inserting or
editing text elsewhere in the file does not change it, and line numbers are not part of it.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import replace

from lint.data import Finding

_NOT_WORDS = re.compile(r"[^\w]+")


def normalized_path(path: str) -> str:
    return path.replace("\\", "/").removeprefix("./")


def with_fingerprints(text: str, findings: list[Finding], path: str) -> list[Finding]:
    """The findings of one file, each with its fingerprint; ``path`` is the file's name as
    fingerprints know it (relative to the project)."""
    seen: Counter[tuple[str, str]] = Counter()
    out = []
    for finding in findings:
        sentence = text[finding.sentence_start : finding.sentence_end]
        words = _NOT_WORDS.sub(" ", sentence).strip().lower()
        occurrence = seen[finding.rule, words]
        seen[finding.rule, words] += 1
        key = f"{normalized_path(path)}\0{finding.rule}\0{words}\0{occurrence}"
        digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]
        out.append(replace(finding, fingerprint=digest))
    return out
