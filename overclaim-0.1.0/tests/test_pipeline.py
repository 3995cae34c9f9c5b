"""One pipeline: check, --fix, --diff and stdin report and rewrite exactly the same findings."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from lint.data import SourceText
from lint.input.reading import format_for
from tests.conftest import ROOT, SAMPLES, SHARED, invoke_in

CLAIMS = "Our balm cures eczema.\n\nIt is completely safe.\n"


def run(cwd: Path, *args: str, stdin: str | None = None):
    return invoke_in(cwd, ["check", "--no-cache", *args], stdin=stdin)


def project(tmp_path: Path, config: str = "", page: str = "legal/a.md", text: str = CLAIMS):
    (tmp_path / "pyproject.toml").write_text(f"[tool.overclaim]\n{config}", encoding="utf-8")
    path = tmp_path / page
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def reported_rules(result) -> list[str]:
    return [f["rule"] for f in json.loads(result.output)["findings"]]


# Each way of silencing a finding, and what `check` then still reports.
SILENCED = {
    "per-file ignores": (
        '[tool.overclaim.per-file-ignores]\n"legal/*" = ["cure"]\n',
        CLAIMS,
        ["safety.safe"],
    ),
    "ignore": ('ignore = ["safety"]\n', CLAIMS, ["cure.cure"]),
    "select": ('select = ["safety"]\n', CLAIMS, ["safety.safe"]),
    "suppression": (
        "",
        "<!-- overclaim-disable-next-line cure -->\nOur balm cures eczema.\n\nIt is completely safe.\n",
        ["safety.safe"],
    ),
}


@pytest.mark.parametrize("how", SILENCED)
def test_fix_diff_and_stdin_honour_what_check_reports(tmp_path, how):
    config, text, reported = SILENCED[how]
    page = project(tmp_path, config, text=text)
    assert reported_rules(run(tmp_path, "--format", "json", "legal/a.md")) == reported
    stdin = run(tmp_path, "--format", "json", "--stdin-filename", "legal/a.md", "-", stdin=text)
    assert reported_rules(stdin) == reported

    diff = run(tmp_path, "--diff", "--unsafe-fixes", "legal/a.md").output
    fixed_stdin = run(
        tmp_path, "--fix", "--unsafe-fixes", "--stdin-filename", "legal/a.md", "-", stdin=text
    ).output
    run(tmp_path, "--fix", "--unsafe-fixes", "legal/a.md")
    fixed = page.read_text(encoding="utf-8")
    assert fixed == fixed_stdin
    assert "cures" in fixed if "cure.cure" not in reported else "cures" not in fixed
    assert "completely safe" in fixed if "safety.safe" not in reported else True
    assert ("-Our balm cures eczema." in diff) == ("cure.cure" in reported)


def test_fix_and_diff_honour_the_baseline(tmp_path):
    page = project(tmp_path)
    run(tmp_path, "--write-baseline", "baseline.json", "legal/a.md")
    page.write_text(CLAIMS + "\nIt works within hours.\n", encoding="utf-8")
    assert reported_rules(
        run(tmp_path, "--format", "json", "--baseline", "baseline.json", "legal/a.md")
    ) == ["speed.within-time"]
    diff = run(tmp_path, "--diff", "--baseline", "baseline.json", "legal/a.md").output
    assert "-It works within hours." in diff and "cures" not in diff
    run(tmp_path, "--fix", "--baseline", "baseline.json", "legal/a.md")
    fixed = page.read_text(encoding="utf-8")
    assert fixed.startswith(CLAIMS) and "It may work within hours." in fixed


def test_fingerprints_survive_an_inserted_paragraph_and_formats_agree(tmp_path):
    page = project(tmp_path, page="site/page.md")

    def fingerprints() -> dict[str, set[str]]:
        def of(fmt: str) -> str:
            return run(tmp_path, "--format", fmt, "site/page.md").output

        sarif = json.loads(of("sarif"))["runs"][0]["results"]
        return {
            "json": {f["fingerprint"] for f in json.loads(of("json"))["findings"]},
            "sarif": {r["partialFingerprints"]["overclaim/v2"] for r in sarif},
            "gitlab": {i["fingerprint"] for i in json.loads(of("gitlab"))},
        }

    run(tmp_path, "--write-baseline", "baseline.json", "site/page.md")
    before = fingerprints()
    baseline = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))
    assert {e["fingerprint"] for e in baseline["findings"]} == before["json"]
    assert before["json"] == before["sarif"] == before["gitlab"] and len(before["json"]) == 2
    page.write_text("# Eczema care\n\nA new opening paragraph.\n\n" + CLAIMS, encoding="utf-8")
    assert fingerprints() == before
    again = run(tmp_path, "--baseline", "baseline.json", "site/page.md")
    assert again.exit_code == 0, again.output


def test_a_repeated_sentence_gets_a_fingerprint_per_occurrence(tmp_path):
    project(tmp_path, page="p.txt", text="It cures acne.\n\nIt cures acne.\n")
    found = json.loads(run(tmp_path, "--format", "json", "p.txt").output)["findings"]
    assert len({f["fingerprint"] for f in found}) == 2


def _snapshot_sources() -> dict[str, SourceText]:
    sources = {
        f"samples/{p.name}": SourceText(
            f"samples/{p.name}", p.read_text(encoding="utf-8"), format_for(p)
        )
        for p in sorted(SAMPLES.iterdir())
    }
    for p in sorted((SHARED / "seeds").glob("*.txt")):
        sources[f"seeds/{p.name}"] = SourceText(f"seeds/{p.name}", p.read_text(encoding="utf-8"))
    dev = SHARED / "eval" / "dev.jsonl"
    for line in dev.read_text(encoding="utf-8").splitlines() if dev.exists() else ():
        record = json.loads(line)
        sources[f"dev/{record['id']}"] = SourceText(f"dev/{record['id']}", record["text"])
    return sources


def _digest(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def snapshot_findings(pipeline, sources: dict[str, SourceText]) -> dict[str, list[dict]]:
    """What the snapshot records of each source's findings (``tests/record_snapshot.py``
    writes it)."""
    found = pipeline.check_sources(list(sources.values()))
    return {
        key: [
            {
                "rule": f.rule,
                "severity": f.severity,
                "start": f.start,
                "end": f.end,
                "line": f.line,
                "column": f.column,
                "end_line": f.end_line,
                "end_column": f.end_column,
                "details": _digest(
                    [
                        f.message,
                        f.text,
                        [[s.start, s.end, s.replacement, s.safe, s.advice] for s in f.suggestions],
                    ]
                ),
            }
            for f in findings
        ]
        for key, findings in zip(sources, found, strict=True)
    }


def test_findings_match_the_recorded_snapshot(pipeline):
    """The findings of samples, seeds and the dev set, recorded in tests/snapshots (details
    of copy from ../shared are stored as digests only)."""
    recorded = json.loads((ROOT / "tests" / "snapshots" / "findings.json").read_text())
    sources = _snapshot_sources()
    if len(sources) < len(recorded):
        pytest.skip("../shared is not available; the snapshot covers its seeds and dev set")
    current = snapshot_findings(pipeline, sources)
    changed = [key for key in recorded if current.get(key) != recorded[key]]
    assert not changed, f"{len(changed)} sources changed, e.g. {changed[:5]}"
