"""The encoder's out-of-fold scores on the shipped corpus, for bench/thresholds.py and
bench/cascade.py.

Usage: python bench/encoder.py OUT.txt [--folds 2] [--limit N]

Needs what linting never installs: ``pip install 'overclaim[encoder]'``. The sentences of the
shipped corpus are split into ``--folds`` groups of whole domains, as ``bench/thresholds.py
--folds`` splits them; for each group the encoder is fine-tuned from all-MiniLM-L6-v2 on the
other groups (``lint.model.encoder_training``, as ``overclaim train --encoder`` does), written
as the shipped model's int8 files are, and scores the group's sentences with overclaim's own
reader (``lint.model.encoder``). OUT.txt gets those scores, one per line, in the order
``bench/thresholds.py`` reads the corpus. Also printed: sentences read per second on this
machine and the size of the weights. ``--limit N`` uses the first N sentences only (a smoke
test of the script).
"""

from __future__ import annotations

import hashlib
import sys
import tempfile
import time
import zlib
from pathlib import Path

from lint.evaluation import load_records
from lint.model.encoder import ENCODER_WEIGHTS, Encoder
from lint.model.encoder_training import export, fine_tune
from lint.model.training import SEED, shipped_corpus


def _option(argv: list[str], name: str, default: int) -> int:
    return int(argv[argv.index(name) + 1]) if name in argv else default


def main(argv: list[str]) -> int:
    if not argv or argv[0].startswith("--"):
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(argv[0])
    folds = _option(argv, "--folds", 2)
    records = [r for path in shipped_corpus() for r in load_records(path)]
    records = records[: _option(argv, "--limit", len(records))]
    group = [zlib.crc32(r["domain"].encode()) % folds for r in records]
    scores = [0.0] * len(records)
    read, seconds, size = 0, 0.0, 0
    for held in range(folds):
        model = fine_tune([r for r, g in zip(records, group, strict=True) if g != held], SEED)
        with tempfile.TemporaryDirectory() as folder:
            _, tensors = export(model, Path(folder))
            size = (Path(folder) / ENCODER_WEIGHTS).stat().st_size
            weights = (Path(folder) / ENCODER_WEIGHTS).read_bytes()
            encoder = Encoder(
                Path(folder),
                [(name, shape) for name, shape in tensors],
                hashlib.sha256(weights).hexdigest(),
            )
            rows = [i for i in range(len(records)) if group[i] == held]
            started = time.perf_counter()
            for i, score in zip(
                rows, encoder.scores([records[i]["text"] for i in rows]), strict=True
            ):
                scores[i] = score
            seconds += time.perf_counter() - started
            read += len(rows)
        print(f"fold {held + 1} of {folds}: {len(rows)} sentences scored", file=sys.stderr)
    out.write_text("\n".join(f"{s:.6f}" for s in scores) + "\n", encoding="utf-8")
    print(f"sentences: {len(records)}, folds: {folds}")
    print(f"read: {read / seconds:.0f} sentences/s (int8 weights, numpy)")
    print(f"weights: {size / 1e6:.1f} MB")
    print(f"out-of-fold scores: {out} (python bench/cascade.py {out})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
