"""How often neutral health text gets a finding: the false-alarm rate on a plain-text corpus.

Usage: python bench/neutral.py [CORPUS.txt] [--top N]
Prints the share of sentences with a finding and the most common flagged phrases per rule.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

from lint.data import SourceText
from lint.input.sentences import split_sentences
from lint.pipeline import Pipeline

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "bench" / "medquad_1m.txt"


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    top = int(argv[argv.index("--top") + 1]) if "--top" in argv else 25
    if "--top" in argv:
        args = [a for a in args if a != str(top)]
    path = Path(args[0]) if args else DEFAULT_CORPUS
    text = path.read_text(encoding="utf-8")
    documents = [d for d in text.split("\n\n") if d.strip()]
    pipeline = Pipeline()
    started = time.perf_counter()
    sources = [SourceText(path=f"doc{i}", text=d) for i, d in enumerate(documents)]
    results = pipeline.check_sources(sources)
    elapsed = time.perf_counter() - started
    sentences = sum(len(split_sentences(d)) for d in documents)
    flagged = set()
    phrases: Counter[str] = Counter()
    rules: Counter[str] = Counter()
    examples: dict[str, str] = {}
    for source, findings in zip(sources, results, strict=True):
        for f in findings:
            flagged.add((source.path, f.sentence_start))
            key = f"{f.rule}: {f.text.lower()}"
            phrases[key] += 1
            rules[f.rule] += 1
            examples.setdefault(key, source.text[f.sentence_start : f.sentence_end])
    print(f"documents: {len(documents)}  sentences: {sentences}  seconds: {elapsed:.1f}")
    print(f"sentences with a finding: {len(flagged)} ({100 * len(flagged) / sentences:.2f}%)")
    print("\nfindings per rule:")
    for rule, n in rules.most_common():
        print(f"  {n:5}  {rule}")
    print(f"\nmost common flagged phrases (top {top}):")
    for key, n in phrases.most_common(top):
        print(f"  {n:5}  {key}\n         e.g. {examples[key][:160]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
