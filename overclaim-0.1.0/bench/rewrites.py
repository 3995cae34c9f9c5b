"""Every overclaim of a labelled set with its `--fix` and `--fix --unsafe-fixes` rewrite side
by side (or the advice it gets), and the automatic checks of those rewrites.

Usage: python bench/rewrites.py [SET.jsonl ...] [--quiet] [--json OUT]
(default: ../shared/eval/dev.jsonl). Checks: still flagged by the detector after the fix,
stacked hedges ("may have been shown"), a hedge next to a certainty word, "potential" or
"possibly" inserted, unchanged, and grammar damage (a modal before a verb that kept its -s,
"a"/"an" that does not agree, spacing, an emptied heading, a lower-case start).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from lint.data import SourceText
from lint.engine.rewrite.checks import problems
from lint.evaluation import load_records
from lint.pipeline import Pipeline

DEFAULT_SET = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "dev.jsonl"
_MODES = (("fix", False), ("unsafe", True))


def run(records: list[dict], pipeline: Pipeline) -> list[dict]:
    """For each overclaim: its findings, the advice, and each mode's rewrite and checks."""
    sources = [SourceText(f"{r['id']}.txt", r["text"]) for r in records]
    found = pipeline.check_sources(sources)
    rows = [
        {
            "id": r["id"],
            "text": r["text"],
            "rules": [f.rule for f in f_],
            "advice": list(dict.fromkeys(s.advice for f in f_ for s in f.suggestions if s.advice)),
        }
        for r, f_ in zip(records, found, strict=True)
    ]
    for mode, unsafe in _MODES:
        for row, result in zip(rows, pipeline.fix_sources(sources, unsafe=unsafe), strict=True):
            row[mode] = result.text
            row[f"{mode}_left"] = [f.rule for f in result.remaining]
            row[f"{mode}_problems"] = problems(row["text"], result.text)
    return rows


def counts(rows: list[dict], mode: str) -> Counter:
    """The automatic checks of one mode, counted over the overclaims."""
    c: Counter = Counter()
    for row in rows:
        flagged = bool(row["rules"])
        c["overclaims"] += 1
        c["flagged"] += flagged
        c["rewritten"] += row[mode] != row["text"]
        c["unchanged (flagged)"] += flagged and row[mode] == row["text"]
        c["still flagged"] += bool(row[f"{mode}_left"])
        for problem in row[f"{mode}_problems"]:
            c[problem.split(":")[0]] += 1
    return c


def _print(rows: list[dict]) -> None:
    for row in rows:
        if not row["rules"]:
            continue
        print(f"\n{row['id']}  [{', '.join(row['rules'])}]")
        print(f"  before: {row['text']}")
        for mode, _ in _MODES:
            after = row[mode]
            shown = "(unchanged)" if after == row["text"] else after
            left = (
                f"   ← still flagged: {', '.join(row[mode + '_left'])}"
                if row[mode + "_left"]
                else ""
            )
            flags = f"   ← {'; '.join(row[mode + '_problems'])}" if row[mode + "_problems"] else ""
            print(f"  {'--fix' if mode == 'fix' else 'unsafe'}: {shown}{left}{flags}")
        for advice in row["advice"]:
            print(f"  advice: {advice}")


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv if not a.startswith("--") and not a.endswith(".json")]
    out = next((a for a in argv if a.endswith(".json")), None)
    records = [
        r for p in paths or [DEFAULT_SET] for r in load_records(p) if r["label"] == "overclaim"
    ]
    rows = run(records, Pipeline())
    if "--quiet" not in argv:
        _print(rows)
    print("\ncheck                           --fix   --unsafe-fixes")
    safe, unsafe = counts(rows, "fix"), counts(rows, "unsafe")
    for key in dict.fromkeys([*safe, *unsafe]):
        print(f"{key:30}  {safe[key]:5}   {unsafe[key]:5}")
    if out:
        Path(out).write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
