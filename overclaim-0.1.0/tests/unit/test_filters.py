"""The filter stage: per-file ignores, the baseline and fingerprints, without the model."""

from __future__ import annotations

from pathlib import Path

from lint.config import Settings
from lint.data import Finding, SourceText
from lint.filters import Filters
from lint.filters.baseline import Baseline, write_baseline
from lint.filters.fingerprints import with_fingerprints

PAGE = "Our balm cures eczema.\n\nIt is completely safe.\n"


def findings_of(text: str, path: str = "site/a.md") -> list[Finding]:
    """A cure finding and a safety finding, each with its sentence."""
    out = []
    for word, rule in (("cures", "cure.cure"), ("safe", "safety.safe")):
        start = text.index(word)
        sentence_start = text.rfind("\n", 0, start) + 1
        sentence_end = text.index("\n", start)
        out.append(
            Finding(
                path=path,
                line=1,
                column=1,
                end_line=1,
                end_column=1,
                start=start,
                end=start + len(word),
                rule=rule,
                category=rule.split(".")[0],
                severity="error",
                message="m",
                text=word,
                sentence_start=sentence_start,
                sentence_end=sentence_end,
            )
        )
    return with_fingerprints(text, out, path)


def test_fingerprints_ignore_text_elsewhere_and_line_numbers():
    before = findings_of(PAGE)
    after = findings_of("# New heading\n\nAn inserted paragraph.\n\n" + PAGE)
    assert [f.fingerprint for f in before] == [f.fingerprint for f in after]
    assert findings_of(PAGE, "site/b.md")[0].fingerprint != before[0].fingerprint
    assert findings_of(PAGE.replace("eczema", "acne"))[0].fingerprint != before[0].fingerprint


def test_per_file_ignores_match_globs_relative_to_the_project(tmp_path):
    settings = Settings(root=tmp_path, per_file_ignores={"legal/*": ("cure",)})
    filters = Filters(settings)
    legal = str(tmp_path / "legal" / "a.md")
    assert [f.rule for f in filters.apply(SourceText(legal, PAGE), findings_of(PAGE, legal))] == [
        "safety.safe"
    ]
    other = str(tmp_path / "site" / "a.md")
    assert len(filters.apply(SourceText(other, PAGE), findings_of(PAGE, other))) == 2


def test_baseline_hides_recorded_findings_and_reports_stale_entries(tmp_path):
    path = tmp_path / "baseline.json"
    write_baseline(path, findings_of(PAGE))
    filters = Filters(baseline=Baseline.read(path))
    edited = PAGE.replace("completely safe", "gentle on skin") + "It works within hours.\n"
    found = findings_of(PAGE)[:1]
    assert filters.apply(SourceText("site/a.md", edited), found) == []
    assert [e["rule"] for e in filters.stale_baseline_entries({"site/a.md"})] == ["safety.safe"]
    assert filters.stale_baseline_entries({"other.md"}) == []


def test_intermediate_passes_do_not_count_baseline_matches(tmp_path):
    path = tmp_path / "baseline.json"
    write_baseline(path, findings_of(PAGE))
    filters = Filters(baseline=Baseline.read(path))
    filters.apply(SourceText("site/a.md", PAGE), findings_of(PAGE), record=False)
    assert len(filters.stale_baseline_entries({"site/a.md"})) == 2


def test_settings_relative_paths(tmp_path):
    settings = Settings(root=tmp_path)
    assert settings.relative(tmp_path / "x" / "y.md") == "x/y.md"
    assert settings.relative(Path("/elsewhere/y.md")) == "/elsewhere/y.md"
