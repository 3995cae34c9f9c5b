"""Print sentence-level precision, recall, F1 and every miss on a labelled JSONL set.

Usage: python bench/accuracy.py [SET.jsonl] [--quiet]
The same as `overclaim eval SET.jsonl --show-errors`; the default set is ../shared/eval/dev.jsonl.
"""

from __future__ import annotations

import sys
from pathlib import Path

from lint.evaluation import evaluate, load_records
from lint.pipeline import Pipeline

DEFAULT_SET = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "dev.jsonl"


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    scores = evaluate(load_records(Path(args[0]) if args else DEFAULT_SET), Pipeline())
    print(scores.render(show_errors="--quiet" not in argv))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
