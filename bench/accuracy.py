"""Print sentence-level precision, recall and F1 of overclaim on a labelled JSONL set.

Usage: python bench/accuracy.py [SET.jsonl] [--quiet]
"""

from __future__ import annotations

import sys
from pathlib import Path

from lint.engine import Linter
from lint.evaluation import evaluate, load_records

DEFAULT_SET = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "dev.jsonl"


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    path = Path(args[0]) if args else DEFAULT_SET
    scores = evaluate(load_records(path), Linter())
    print(f"sentences: {len(scores.outcomes)}")
    print(f"precision: {scores.precision:.3f}")
    print(f"recall:    {scores.recall:.3f}")
    print(f"f1:        {scores.f1:.3f}")
    print("recall per category:")
    for category, (found, total) in scores.category_recall().items():
        rate = found / total if total else 0.0
        print(f"  {category:15} {rate:.3f}  ({found}/{total})")
    if "--quiet" not in argv:
        print("\nfalse positives:")
        for o in scores.outcomes:
            if o.flagged and not o.expected:
                print(f"  {o.id}: {o.text}\n      -> {', '.join(o.found_rules)}")
        print("\nfalse negatives:")
        for o in scores.outcomes:
            if o.expected and not o.flagged:
                print(f"  {o.id} [{', '.join(sorted(o.expected_categories))}]: {o.text}")
        print("\nmissed categories on flagged sentences:")
        for o in scores.outcomes:
            missed = o.expected_categories - o.found_categories
            if o.flagged and o.expected and missed:
                print(
                    f"  {o.id} missing {', '.join(sorted(missed))}: {o.text}\n      -> {', '.join(o.found_rules)}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
