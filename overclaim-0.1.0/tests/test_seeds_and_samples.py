"""Real pages and the project's samples: the findings users must see, and quiet where hedged."""

from __future__ import annotations

import re

import pytest

from lint.engine.linter import LineIndex
from lint.input.sentences import split_sentences
from lint.pipeline import check_paths, check_text
from lint.rulebook.loading import load_rulebook
from tests.conftest import SAMPLES, shared_path

REQUIRED_IN_SEEDS = [
    "high efficacy",
    "lower risk of addiction",
    "permanent changes",
    "within hours",
    "The medical community now recognizes",
    "rewire",
    "sustained relief",
]
HEDGES = re.compile(r"\b(may help|some studies suggest)\b", re.IGNORECASE)


def seed_texts() -> dict[str, str]:
    folder = shared_path("seeds")
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))}


@pytest.mark.parametrize("phrase", REQUIRED_IN_SEEDS)
def test_seed_pages_flag_the_known_overclaims(phrase):
    """Some finding overlaps an occurrence of the phrase in the seed pages."""
    covered = False
    for text in seed_texts().values():
        findings = check_text(text)
        for found in re.finditer(re.escape(phrase), text, re.IGNORECASE):
            covered |= any(f.start < found.end() and found.start() < f.end for f in findings)
    assert covered, f"no finding covers {phrase!r}"


def test_hedged_seed_sentences_stay_quiet():
    quiet = 0
    for text in seed_texts().values():
        findings = check_text(text)
        for sentence in split_sentences(text):
            if HEDGES.search(sentence.text):
                inside = [f for f in findings if sentence.start <= f.start < sentence.end]
                assert not inside, f"{sentence.text!r} got {[f.rule for f in inside]}"
                quiet += 1
    assert quiet >= 2


def all_documents() -> dict[str, str]:
    docs = {str(p): p.read_text(encoding="utf-8") for p in sorted(SAMPLES.iterdir())}
    folder = SAMPLES.parent.parent / "shared" / "seeds"
    if folder.exists():
        docs.update({str(p): p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))})
    return docs


@pytest.mark.parametrize("path", sorted(all_documents()))
def test_every_finding_points_at_its_text(path):
    text = all_documents()[path]
    lines = LineIndex(text)
    findings = check_text(text, path=path)
    assert findings or "compliant" in path
    for f in findings:
        assert text[f.start : f.end] == f.text
        assert (f.line, f.column) == lines.position(f.start)
        assert (f.end_line, f.end_column) == lines.position(f.end)
        line_text = text.splitlines()[f.line - 1]
        assert line_text[f.column - 1 :].startswith(f.text.splitlines()[0])


def test_compliant_sample_has_no_warning_or_error():
    findings = check_text((SAMPLES / "ketamine-ocd-clinic-compliant.txt").read_text())
    assert [f for f in findings if f.severity != "info"] == []


def test_samples_touch_every_category():
    report = check_paths([SAMPLES])
    assert report.files == 6
    assert {f.category for f in report.findings} == set(load_rulebook().categories)
