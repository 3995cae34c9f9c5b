"""Check many files in worker processes that share the parent's loaded model."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lint.model import Finding, SourceText

if TYPE_CHECKING:
    from lint.engine import Candidate, Linter

# Below this many characters of input, starting workers costs more than it saves.
MIN_PARALLEL_CHARACTERS = 200_000


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def check_sources_in_parallel(
    linter: Linter, sources: list[SourceText], jobs: int, report_unused: bool = False
) -> list[list[Finding]]:
    """``linter.check(sources)``, spread over ``jobs`` processes when that pays off.

    Two rounds of forked workers, which inherit the sources instead of receiving them: the
    first finds the candidate sentences while this process loads the language model; the
    second, forked after the load so that it shares the model, parses and matches.
    """
    import multiprocessing

    if jobs <= 1 or len(sources) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return linter.check(sources, report_unused)
    weights = [len(source.text) for source in sources]
    if sum(weights) < MIN_PARALLEL_CHARACTERS:
        return linter.check(sources, report_unused)
    global _work
    chunks = _balanced_chunks(list(range(len(sources))), weights, jobs * 4)
    _work = _Work(linter, sources, chunks, report_unused)
    context = multiprocessing.get_context("fork")
    try:
        # This process loading the model takes one of the CPUs the first pass could use.
        with context.Pool(max(1, min(jobs, default_jobs()) - 1)) as pool:
            first_pass = pool.map_async(_candidates_of_chunk, range(len(chunks)))
            linter.load_model()
            _work.candidates = first_pass.get()
        with context.Pool(jobs) as pool:
            parts = pool.map(_check_chunk, range(len(chunks)))
    finally:
        _work = None
    return [findings for part in parts for findings in part]


@dataclass
class _Work:
    """What forked workers inherit: the linter, the sources and how they are split."""

    linter: Linter
    sources: list[SourceText]
    chunks: list[list[int]]
    report_unused: bool
    candidates: list[list[list[Candidate]]] | None = None


_work: _Work | None = None


def _candidates_of_chunk(number: int) -> list[list[Candidate]]:
    assert _work is not None
    sources = [_work.sources[i] for i in _work.chunks[number]]
    return [p.candidates for p in _work.linter.prepare(sources)]


def _check_chunk(number: int) -> list[list[Finding]]:
    from lint.engine import Prepared
    from lint.formats import extract

    assert _work is not None and _work.candidates is not None
    sources = [_work.sources[i] for i in _work.chunks[number]]
    prepared = [
        Prepared(extract(source), candidates)
        for source, candidates in zip(sources, _work.candidates[number], strict=True)
    ]
    return _work.linter.check(sources, _work.report_unused, prepared)


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
