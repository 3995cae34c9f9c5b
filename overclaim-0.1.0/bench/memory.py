"""Peak memory and time of one whole `overclaim check` run over a large file.

Usage: python bench/memory.py [MEGABYTES]   (default 50)
Builds a file of that size from the health corpus (paragraphs repeated and shuffled), then
runs overclaim on it as a separate process and prints its wall time and peak RSS.
"""

from __future__ import annotations

import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "bench" / "medquad_1m.txt"
WRAPPER = (
    "import resource, subprocess, sys; "
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode; "
    "print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)"
)


def main(argv: list[str]) -> int:
    megabytes = float(argv[0]) if argv else 50.0
    paragraphs = [p for p in CORPUS.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    random.seed(7)
    with tempfile.TemporaryDirectory(prefix="overclaim-memory-") as folder:
        big = Path(folder) / "big.txt"
        with big.open("w", encoding="utf-8") as out:
            written = 0
            while written < megabytes * 1_000_000:
                paragraph = random.choice(paragraphs) + "\n\n"
                out.write(paragraph)
                written += len(paragraph.encode("utf-8"))
        size = big.stat().st_size / 1_000_000
        command = [
            sys.executable,
            "-m",
            "lint",
            "check",
            "--no-cache",
            "--jobs",
            "1",
            "--max-file-size",
            str(megabytes * 2),
            "--format",
            "json",
            str(big),
        ]
        started = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-c", WRAPPER, *command], capture_output=True, text=True
        )
        elapsed = time.perf_counter() - started
        code, rss = result.stderr.strip().splitlines()[-1].split()
        print(f"file: {size:.1f} MB")
        print(f"exit code: {code}")
        print(f"wall time: {elapsed:.1f} s")
        print(f"peak RSS: {int(rss) / 1024:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
