"""Choose when the encoder reads a sentence, by cross-validation on the training corpus alone.

Usage: python bench/cascade.py LINEAR.txt ENCODER.txt [--write CASCADE.txt]

LINEAR.txt holds the linear model's out-of-fold scores (``bench/thresholds.py --folds 2
--scores LINEAR.txt`` writes them), ENCODER.txt the encoder's (``bench/encoder.py
ENCODER.txt --folds 2``), both in the order ``bench/thresholds.py`` reads the shipped corpus.
For each pair of bars (``rule_from``: a sentence with a rule's trigger words is read by the
encoder from this linear score; ``alone_from``: any other sentence from this one), each
``keep_rule`` (a rule's finding stands at this score) and each ``encoder_veto`` (it also
stands where the linear model gives ``keep_rule_linear`` and the encoder at least this; 1.01:
never), prints precision and recall averaged over the marketing domains, the share of neutral
`ok` sentences flagged, and the share of sentences the encoder read (its cost).
``--write`` stores the scores of the shipped bars, the encoder's where it read and the linear
model's elsewhere, for ``bench/thresholds.py --scores`` (the other thresholds and the
confidence bands).
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from thresholds import NEUTRAL, mean_f1

from lint.config import Settings
from lint.data import SourceText
from lint.engine.fusion import promotional
from lint.evaluation import load_records
from lint.model.training import ENCODER_BARS, ENCODER_THRESHOLDS, THRESHOLDS, shipped_corpus
from lint.pipeline import Pipeline

RULE_FROM = (0.0, 0.05, 0.1)
ALONE_FROM = (0.2, 0.3, 0.4, 0.5, 1.01)
KEEP = (0.15, 0.3, 0.4)
VETO = (0.02, 0.05, 0.1, 1.01)


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    linear = [float(x) for x in Path(argv[0]).read_text().split()]
    encoder = [float(x) for x in Path(argv[1]).read_text().split()]
    files = {path.name: load_records(path) for path in shipped_corpus()}
    records = [r for rs in files.values() for r in rs]
    origin = [name for name, rs in files.items() for _ in rs]
    # The sentences with some rule's trigger words (the encoder's "ruled" ones).
    linter = Pipeline(replace(Settings(), model=False)).linter
    ruled = [bool(linter.triggers.select(r["text"].lower())[0]) for r in records]
    matched = Pipeline(replace(Settings(), model=False)).check_sources(
        [SourceText(str(i), r["text"]) for i, r in enumerate(records)]
    )
    found = [bool(f) for f in matched]
    promo = [promotional(r["text"]) for r in records]
    main_set = [i for i, n in enumerate(origin) if n.startswith("tr-") and n != "tr-h.jsonl"]
    neutral = [i for i, n in enumerate(origin) if n in NEUTRAL and records[i]["label"] == "ok"]
    expected = [records[i]["label"] == "overclaim" for i in main_set]
    domains = [records[i]["domain"] for i in main_set]
    alone, plain = THRESHOLDS["flag_alone"], THRESHOLDS["flag_alone_plain"]

    keep_linear = ENCODER_THRESHOLDS["keep_rule_linear"]

    def cascade(rule_from: float, alone_from: float) -> tuple[list[float], float]:
        read = [linear[i] >= (rule_from if ruled[i] else alone_from) for i in range(len(records))]
        scores = [encoder[i] if read[i] else linear[i] for i in range(len(records))]
        return scores, sum(read) / len(read)

    def kept(i: int, score: float, keep: float, veto: float) -> bool:
        return score >= keep or (linear[i] >= keep_linear and score >= veto)

    print(f"{len(main_set)} marketing sentences, {len(neutral)} neutral `ok` ones")
    print(
        "| rule_from | alone_from | keep_rule | veto | mean P | mean R | mean F1 | neutral | read |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for rule_from in RULE_FROM:
        for alone_from in ALONE_FROM:
            scores, share = cascade(rule_from, alone_from)
            for keep in KEEP:
                for veto in VETO:
                    flags = [
                        (found[i] and kept(i, scores[i], keep, veto))
                        or scores[i] >= (alone if promo[i] else plain)
                        for i in range(len(records))
                    ]
                    p, r, f1 = mean_f1([flags[i] for i in main_set], expected, domains)
                    out = sum(flags[i] for i in neutral) / len(neutral)
                    print(
                        f"| {rule_from:.2f} | {alone_from:.2f} | {keep:.2f} | {veto:.2f} "
                        f"| {p:.3f} | {r:.3f} | {f1:.3f} | {100 * out:.2f}% | {100 * share:.0f}% |"
                    )
    if "--write" in argv:
        shipped, _ = cascade(ENCODER_BARS["rule_from"], ENCODER_BARS["alone_from"])
        target = Path(argv[argv.index("--write") + 1])
        target.write_text("\n".join(f"{s:.6f}" for s in shipped) + "\n", encoding="utf-8")
        print(
            f"\nscores at the shipped bars (keep_rule {ENCODER_THRESHOLDS['keep_rule']}): {target}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
