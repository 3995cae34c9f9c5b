"""How well the hedged rewrites work on the overclaim sentences of a labelled set.

Usage: python bench/fixes.py [SET.jsonl] [--show]
Prints the share of overclaim sentences that get a concrete edit, and the share still flagged
after `--fix --unsafe-fixes` (edits applied, re-linted, repeated until stable).
"""

from __future__ import annotations

import sys
from pathlib import Path

from lint.data import SourceText
from lint.engine.linter import Linter
from lint.evaluation import load_records
from lint.output.fixer import fix_source

DEFAULT_SET = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "dev.jsonl"


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    records = [
        r for r in load_records(Path(args[0]) if args else DEFAULT_SET) if r["label"] == "overclaim"
    ]
    linter = Linter()
    sources = [SourceText(r["id"], r["text"]) for r in records]
    findings = linter.check(sources)
    flagged = [(s, f) for s, f in zip(sources, findings, strict=True) if f]
    with_edit = [
        s for s, f in flagged if any(x.replacement is not None for y in f for x in y.suggestions)
    ]
    still = []
    for source in sources:
        result = fix_source(source, linter, unsafe=True)
        if result.remaining:
            still.append((source, result))
    n = len(sources)
    print(f"overclaim sentences:             {n}")
    print(f"flagged:                         {len(flagged)} ({100 * len(flagged) / n:.1f}%)")
    print(f"with a concrete edit:            {len(with_edit)} ({100 * len(with_edit) / n:.1f}%)")
    print(f"still flagged after --fix --unsafe-fixes: {len(still)} ({100 * len(still) / n:.1f}%)")
    if "--show" in argv:
        for source in sources[:400]:
            result = fix_source(source, linter, unsafe=True)
            if result.text != source.text:
                print(f"\n  {source.text}\n  → {result.text}")
        print("\nstill flagged:")
        for _source, result in still:
            print(
                f"  {result.text}\n      -> {', '.join(f'{f.rule}:{f.text}' for f in result.remaining)}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
