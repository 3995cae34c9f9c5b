"""Leave one domain out: how the detector does on copy from a domain its model never saw.

Usage: python bench/lodo.py [--only-rules] [--encoder-folds K [--keep-encoders DIR]]

For each domain of the shipped training corpus's main files (tr-*.jsonl), the claim model is
trained again on every other sentence of the corpus (the extra files included, minus that
domain), and the fused detector is measured on the domain's sentences. The rules stay as
they are. Prints precision and recall per domain for the rules alone and for rules and model
together, and their averages over domains (precision over the domains where something was
flagged, recall over those with an overclaim) and pooled over all sentences.

Each sentence is checked alone ("both"), and, as a page would be ("both, in pages"), with the
other sentences drawn from its page (its ``source``), one paragraph each: there the whole
document weighs in (it informs or it sells, `lint.engine.fusion`).

``--encoder-folds K`` measures the model with its encoder (needs ``pip install
'overclaim[encoder]'``): fine-tuning one per domain would take hours, so the domains are split
into K groups (as ``bench/encoder.py`` splits them) and each group's encoder is fine-tuned
without any of the group's domains; each domain's linear model is still trained without that
domain alone. The encoder is thus held out of more than the one domain: a stricter test.
``--keep-encoders DIR`` keeps the K fine-tuned encoders there, and a later run reads them back.
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
from lint.evaluation import load_records
from lint.model.training import SEED, add_encoder, shipped_corpus, train
from lint.pipeline import Pipeline
from lint.rulebook.loading import load_rulebook


def flagged(pipeline: Pipeline, records: list[dict]) -> list[bool]:
    sources = [SourceText(str(i), r["text"]) for i, r in enumerate(records)]
    return [bool(found) for found in pipeline.check_sources(sources)]


def flagged_in_pages(pipeline: Pipeline, records: list[dict]) -> list[bool]:
    """Each record's sentence checked within its page: the page's sentences as paragraphs."""
    pages: dict[str, list[int]] = defaultdict(list)
    for i, record in enumerate(records):
        pages[record.get("source") or record["id"]].append(i)
    sources, starts = [], []
    for page, members in pages.items():
        offsets, text = [], ""
        for i in members:
            offsets.append((len(text), i))
            text += records[i]["text"] + "\n\n"
        sources.append(SourceText(page, text))
        starts.append(offsets)
    flags = [False] * len(records)
    for offsets, found in zip(starts, pipeline.check_sources(sources), strict=True):
        for finding in found:
            flags[max(i for start, i in offsets if start <= finding.start)] = True
    return flags


def precision_recall(pairs: list[tuple[bool, bool]]) -> tuple[float | None, float | None]:
    tp = sum(1 for f, e in pairs if f and e)
    fp = sum(1 for f, e in pairs if f and not e)
    fn = sum(1 for f, e in pairs if e and not f)
    return (tp / (tp + fp) if tp + fp else None, tp / (tp + fn) if tp + fn else None)


def summary(by_domain: dict[str, list[tuple[bool, bool]]]) -> str:
    rows = [precision_recall(p) for p in by_domain.values()]
    ps = [p for p, _ in rows if p is not None]
    rs = [r for _, r in rows if r is not None]
    pooled = precision_recall([x for pairs in by_domain.values() for x in pairs])
    return (
        f"mean over domains P {sum(ps) / len(ps):.3f} R {sum(rs) / len(rs):.3f}; "
        f"pooled P {pooled[0]:.3f} R {pooled[1]:.3f}"
    )


def _encoder(records: list[dict], folds: int, held: int, keep: Path | None) -> object:
    """The encoder fine-tuned without the domains of group ``held`` (kept in, or read
    back from, ``keep`` when given: a second run skips the fine-tuning)."""
    from lint.model.encoder_training import fine_tune

    saved = keep / f"group-{held}-of-{folds}" if keep else None
    if saved is not None and saved.exists():
        from transformers import AutoModelForSequenceClassification

        return AutoModelForSequenceClassification.from_pretrained(saved).eval()
    kept = [r for r in records if zlib.crc32(r["domain"].encode()) % folds != held]
    model = fine_tune(kept, SEED)
    if saved is not None:
        model.save_pretrained(saved)
    return model


def main(argv: list[str]) -> int:
    files = shipped_corpus()
    records = {path.name: load_records(path) for path in files}
    tested = [r for name, rs in records.items() if name.startswith("tr-") for r in rs]
    domains = sorted({r["domain"] for r in tested})
    categories = list(load_rulebook().categories)
    rules = Pipeline(replace(Settings(), model=False))
    results: dict[str, dict[str, list[tuple[bool, bool]]]] = defaultdict(dict)
    everything = [r for rs in records.values() for r in rs]
    folds = int(argv[argv.index("--encoder-folds") + 1]) if "--encoder-folds" in argv else 0
    keep = Path(argv[argv.index("--keep-encoders") + 1]) if "--keep-encoders" in argv else None
    group = {d: zlib.crc32(d.encode()) % folds for d in domains} if folds else {}
    encoders: dict[int, object] = {}
    for domain in sorted(domains, key=lambda d: group.get(d, 0)):
        held = [r for r in tested if r["domain"] == domain]
        expected = [r["label"] == "overclaim" for r in held]
        results["rules"][domain] = list(zip(flagged(rules, held), expected, strict=True))
        if "--only-rules" in argv:
            continue
        with tempfile.TemporaryDirectory() as folder:
            manifest = train(
                [r for r in everything if r["domain"] != domain], Path(folder), categories
            )
            if folds:
                held_group = group[domain]
                if held_group not in encoders:
                    encoders.clear()  # one fine-tuned model in memory at a time
                    encoders[held_group] = _encoder(everything, folds, held_group, keep)
                add_encoder(Path(folder), manifest, encoders[held_group])
            fused = Pipeline(replace(Settings(), model=Path(folder)))
            results["both"][domain] = list(zip(flagged(fused, held), expected, strict=True))
            results["both, in pages"][domain] = list(
                zip(flagged_in_pages(fused, held), expected, strict=True)
            )
        print(f"  {domain}: done", file=sys.stderr)
    print(f"domains: {len(domains)}, sentences: {len(tested)}")
    print("| domain | sentences | overclaims | " + " | ".join(f"{k} P / R" for k in results) + " |")
    print("|---|---:|---:|" + "---|" * len(results))
    for domain in domains:
        pairs = results["rules"][domain]
        cells = []
        for kind in results:
            p, r = precision_recall(results[kind][domain])
            cells.append(f"{'-' if p is None else f'{p:.2f}'} / {'-' if r is None else f'{r:.2f}'}")
        overclaims = sum(e for _, e in pairs)
        print(f"| {domain} | {len(pairs)} | {overclaims} | " + " | ".join(cells) + " |")
    for kind, by_domain in results.items():
        print(f"{kind}: {summary(by_domain)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
