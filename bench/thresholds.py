"""Choose the fusion thresholds by cross-validation on the training corpus alone.

Usage: python bench/thresholds.py [--budget 0.03] [--top 15] [--scores FILE] [--folds K]

Every domain of the shipped corpus is left out in turn: the claim model is trained on the
others and scores the domain's sentences (out of fold). With the rules' findings, each pair
of thresholds (``keep_rule``: a rule's finding stands at this score or more; ``flag_alone``:
a promotional sentence no rule flagged is flagged at this score or more) gives, on the main
training files, precision and recall averaged over domains; and, on the neutral files (health
information and research reporting: tr-h, extra-neutral, more-neutral, more-research), the
share of `ok` sentences flagged (research reporting trips the rules most: the default budget
is 3%). Prints the pairs with the best mean F1 whose neutral share is within the budget,
then, at the shipped pair, the same figures for each ``flag_alone_plain`` (the bar for a
sentence that does not read as promotion).

Then the document gate: pages of the corpus (sentences that share a source) with at least
``MIN_SENTENCES`` sentences, and the share of neutral pages (no overclaim) and of pages that
sell (an overclaim or more) where fewer than ``informational_share`` of the sentences score
0.5 or more.
``--scores FILE`` keeps the out-of-fold scores between runs; ``--folds K`` leaves out K groups
of whole domains in turn instead of one domain at a time (K trainings instead of one per
domain: minutes instead of half an hour).
"""

from __future__ import annotations

import sys
import tempfile
import zlib
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from lint.config import Settings
from lint.data import SourceText
from lint.engine.fusion import promotional
from lint.evaluation import load_records
from lint.model.claim_model import ClaimModel
from lint.model.training import THRESHOLDS, shipped_corpus, train
from lint.pipeline import Pipeline
from lint.rulebook.loading import load_rulebook

NEUTRAL = ("tr-h.jsonl", "extra-neutral.jsonl", "more-neutral.jsonl", "more-research.jsonl")
KEEP = (0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5)
ALONE = (0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.01)
PLAIN = (0.8, 0.85, 0.9, 0.95, 1.01)


def out_of_fold(records: list[dict], folds: int | None = None) -> list[float]:
    """Each record's score from a model trained without its domain (or its fold of domains)."""
    categories = list(load_rulebook().categories)
    scores = [0.0] * len(records)
    domains = sorted({r["domain"] for r in records})
    group = {d: (zlib.crc32(d.encode()) % folds if folds else d) for d in domains}
    for held in sorted(set(group.values()), key=str):
        with tempfile.TemporaryDirectory() as folder:
            train([r for r in records if group[r["domain"]] != held], Path(folder), categories)
            model = ClaimModel.load(Path(folder))
            for i, record in enumerate(records):
                if group[record["domain"]] == held:
                    scores[i] = model.score(record["text"])
    return scores


def mean_f1(flags, expected, domains) -> tuple[float, float, float]:
    by = defaultdict(list)
    for f, e, d in zip(flags, expected, domains, strict=True):
        by[d].append((f, e))
    ps, rs = [], []
    for pairs in by.values():
        tp = sum(1 for f, e in pairs if f and e)
        fp = sum(1 for f, e in pairs if f and not e)
        fn = sum(1 for f, e in pairs if e and not f)
        if tp + fp:
            ps.append(tp / (tp + fp))
        if tp + fn:
            rs.append(tp / (tp + fn))
    p, r = sum(ps) / len(ps), sum(rs) / len(rs)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def main(argv: list[str]) -> int:
    budget = float(argv[argv.index("--budget") + 1]) if "--budget" in argv else 0.03
    top = int(argv[argv.index("--top") + 1]) if "--top" in argv else 15
    files = {path.name: load_records(path) for path in shipped_corpus()}
    records = [r for rs in files.values() for r in rs]
    origin = [name for name, rs in files.items() for _ in rs]
    cache = Path(argv[argv.index("--scores") + 1]) if "--scores" in argv else None
    if cache is not None and cache.exists():
        scores = [float(x) for x in cache.read_text().split()]
    else:
        folds = int(argv[argv.index("--folds") + 1]) if "--folds" in argv else None
        scores = out_of_fold(records, folds)
        if cache is not None:
            cache.write_text("\n".join(f"{s:.6f}" for s in scores))
    rules = Pipeline(replace(Settings(), model=False))
    found = rules.check_sources([SourceText(str(i), r["text"]) for i, r in enumerate(records)])
    ruled = [bool(f) for f in found]
    promo = [promotional(r["text"]) for r in records]
    main_set = [
        i for i, name in enumerate(origin) if name.startswith("tr-") and name != "tr-h.jsonl"
    ]
    neutral = [
        i for i, name in enumerate(origin) if name in NEUTRAL and records[i]["label"] == "ok"
    ]

    def figures(keep: float, alone: float, plain: float) -> tuple[float, float, float, float]:
        """Mean P, R and F1 over the marketing domains, and the neutral share flagged."""
        flags = [
            (ruled[i] and scores[i] >= keep) or scores[i] >= (alone if promo[i] else plain)
            for i in range(len(records))
        ]
        p, r, f1 = mean_f1(
            [flags[i] for i in main_set],
            [records[i]["label"] == "overclaim" for i in main_set],
            [records[i]["domain"] for i in main_set],
        )
        return p, r, f1, sum(flags[i] for i in neutral) / len(neutral)

    rows = []
    for keep in KEEP:
        for alone in ALONE:
            p, r, f1, share = figures(keep, alone, 1.01)
            rows.append((f1, p, r, share, keep, alone))
    print(f"{len(main_set)} marketing and critical sentences, {len(neutral)} neutral `ok` ones")
    print("| keep_rule | flag_alone | mean P | mean R | mean F1 | neutral flagged |")
    print("|---:|---:|---:|---:|---:|---:|")
    for f1, p, r, share, keep, alone in sorted(rows, reverse=True):
        if share <= budget and top > 0:
            top -= 1
            print(
                f"| {keep:.2f} | {alone:.2f} | {p:.3f} | {r:.3f} | {f1:.3f} | {100 * share:.2f}% |"
            )
    keep, alone = THRESHOLDS["keep_rule"], THRESHOLDS["flag_alone"]
    print(f"\nat keep_rule {keep} and flag_alone {alone}, a plain (not promotional) sentence")
    print("| flag_alone_plain | mean P | mean R | mean F1 | neutral flagged |")
    print("|---:|---:|---:|---:|---:|")
    for plain in PLAIN:
        p, r, f1, share = figures(keep, alone, plain)
        print(f"| {plain:.2f} | {p:.3f} | {r:.3f} | {f1:.3f} | {100 * share:.2f}% |")
    print_document_gate(records, scores)
    print_selling_gate(records, origin, scores, ruled, promo)
    return 0


MIN_SENTENCES = 5


def print_document_gate(records: list[dict], scores: list[float]) -> None:
    pages: dict[str, list[int]] = defaultdict(list)
    for i, record in enumerate(records):
        pages[record.get("source", "")].append(i)
    kept = [ids for ids in pages.values() if len(ids) >= MIN_SENTENCES]
    selling = [ids for ids in kept if any(records[i]["label"] == "overclaim" for i in ids)]
    neutral = [ids for ids in kept if ids not in selling]
    print(f"\npages of {MIN_SENTENCES}+ sentences: {len(neutral)} neutral, {len(selling)} selling")
    print("| informational_share | neutral pages under it | selling pages under it |")
    print("|---:|---:|---:|")
    for share in (0.05, 0.1, 0.15, 0.2, 0.25):

        def under(group: list[list[int]], share: float = share) -> float:
            below = sum(1 for ids in group if sum(scores[i] >= 0.5 for i in ids) / len(ids) < share)
            return below / len(group) if group else 0.0

        print(f"| {share:.2f} | {100 * under(neutral):.0f}% | {100 * under(selling):.0f}% |")


def print_selling_gate(records, origin, scores, ruled, promo) -> None:
    """The bars for the model alone on pages that sell (``selling_share`` of their sentences
    score 0.5 or more), pooled over every marketing file, and the neutral share flagged."""
    pages: dict[str, list[int]] = defaultdict(list)
    for i, record in enumerate(records):
        pages[record.get("source") or record["id"]].append(i)
    share = [0.0] * len(records)
    for ids in pages.values():
        if len(ids) >= MIN_SENTENCES:
            for i in ids:
                share[i] = sum(scores[j] >= 0.5 for j in ids) / len(ids)
    marketing = [i for i, name in enumerate(origin) if name not in NEUTRAL + ("tr-h.jsonl",)]
    neutral = [i for i, name in enumerate(origin) if name in NEUTRAL]
    neutral = [i for i in neutral if records[i]["label"] == "ok" and not ruled[i]]
    alone, plain = THRESHOLDS["flag_alone"], THRESHOLDS["flag_alone_plain"]
    print("\nthe model alone on pages that sell, all marketing files pooled")
    print("| selling_share | flag_alone_selling | _plain | P | R | neutral flagged |")
    print("|---:|---:|---:|---:|---:|---:|")
    for selling, low, low_plain in [(1.01, alone, plain)] + [
        (s, a, b) for s in (0.3, 0.4, 0.5) for a, b in ((0.7, 0.8), (0.6, 0.7), (0.5, 0.6))
    ]:

        def flag(i: int, s: float = selling, a: float = low, b: float = low_plain) -> bool:
            bars = (a, b) if share[i] >= s else (alone, plain)
            return ruled[i] or scores[i] >= (bars[0] if promo[i] else bars[1])

        overclaim = [records[i]["label"] == "overclaim" for i in marketing]
        flags = [flag(i) for i in marketing]
        tp = sum(f and e for f, e in zip(flags, overclaim, strict=True))
        p, r = tp / max(1, sum(flags)), tp / max(1, sum(overclaim))
        out = sum(flag(i) for i in neutral) / len(neutral)
        print(
            f"| {selling:.2f} | {low:.2f} | {low_plain:.2f} | {p:.3f} | {r:.3f} | {100 * out:.2f}% |"
        )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
