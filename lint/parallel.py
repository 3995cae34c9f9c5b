"""Check many files in worker processes that share the parent's loaded model."""

from __future__ import annotations

import multiprocessing
import os

from lint.engine import Linter, Prepared
from lint.model import Finding, SourceText

# Below this many characters of input, starting workers costs more than it saves.
MIN_PARALLEL_CHARACTERS = 200_000

_worker_linter: Linter | None = None
_worker_unused = False


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def check_sources_in_parallel(
    linter: Linter, sources: list[SourceText], jobs: int, report_unused: bool = False
) -> list[list[Finding]]:
    """``linter.check(sources)``, spread over ``jobs`` processes when that pays off.

    Two rounds: workers do the first pass while this process loads the language model; then
    workers forked after the load (so they share it) parse and match.
    """
    if jobs <= 1 or len(sources) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return linter.check(sources, report_unused)
    weights = [len(source.text) for source in sources]
    if sum(weights) < MIN_PARALLEL_CHARACTERS:
        return linter.check(sources, report_unused)
    global _worker_linter, _worker_unused
    _worker_linter, _worker_unused = linter, report_unused
    chunks = [
        [sources[i] for i in c]
        for c in _balanced_chunks(list(range(len(sources))), weights, jobs * 4)
    ]
    context = multiprocessing.get_context("fork")
    with context.Pool(jobs) as pool:
        first_pass = pool.map_async(_prepare_chunk, chunks)
        linter.load_model()
        prepared = first_pass.get()
    with context.Pool(jobs) as pool:
        parts = pool.map(_check_chunk, list(zip(chunks, prepared, strict=True)))
    return [findings for part in parts for findings in part]


def _prepare_chunk(sources: list[SourceText]) -> list[Prepared]:
    assert _worker_linter is not None
    return _worker_linter.prepare(sources)


def _check_chunk(work: tuple[list[SourceText], list[Prepared]]) -> list[list[Finding]]:
    assert _worker_linter is not None
    sources, prepared = work
    return _worker_linter.check(sources, _worker_unused, prepared)


def _balanced_chunks(indexes: list[int], weights: list[int], count: int) -> list[list[int]]:
    """Consecutive runs of sources with about the same amount of work each."""
    total = sum(weights) or 1
    target = total / count
    chunks: list[list[int]] = [[]]
    load = 0.0
    for index in indexes:
        if load >= target and chunks[-1]:
            chunks.append([])
            load = 0.0
        chunks[-1].append(index)
        load += weights[index] + 1
    return chunks
