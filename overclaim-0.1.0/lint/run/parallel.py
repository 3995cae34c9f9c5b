"""Check many files in worker processes that share the parent's loaded model."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lint.data import Finding, SourceText

if TYPE_CHECKING:
    from multiprocessing.sharedctypes import Synchronized

    from lint.engine.linter import Candidate, Linter

# Below this many characters of input, starting workers costs more than it saves.
MIN_PARALLEL_CHARACTERS = 200_000


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def check_sources_in_parallel(
    linter: Linter, sources: list[SourceText], jobs: int
) -> list[list[Finding]]:
    """``linter.check(sources)``, spread over ``jobs`` processes when that pays off.

    Two rounds of forked workers, which inherit the sources instead of receiving them. In
    the first, workers find the candidate sentences, chunk by chunk, while this process
    loads the language model and then joins in. The second, forked after the load so that
    it shares the model, parses and matches, in chunks of about equal candidate text.
    """
    import multiprocessing

    if jobs <= 1 or len(sources) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return linter.check(sources)
    weights = [len(source.text) for source in sources]
    if sum(weights) < MIN_PARALLEL_CHARACTERS:
        return linter.check(sources)
    global _work
    context = multiprocessing.get_context("fork")
    everything = list(range(len(sources)))
    _work = _Work(
        linter,
        sources,
        _balanced_chunks(everything, weights, jobs * _FIRST_PASS_CHUNKS),
        context.Value("i", 0),
    )
    try:
        # This process loading the model takes one of the CPUs the first pass could use.
        helpers = max(1, min(jobs, default_jobs()) - 1)
        with context.Pool(helpers, initializer=_ignore_interrupts) as pool:
            helped = pool.map_async(_first_pass, range(helpers), chunksize=1)
            linter.load_parser()
            found = _first_pass()
            for part in helped.get():
                found.update(part)
        _work.candidates = [
            candidates for number in range(len(_work.chunks)) for candidates in found[number]
        ]
        sizes = [sum(len(c.sentence.text) for c in cs) for cs in _work.candidates]
        _work.chunks = _balanced_chunks(everything, sizes, jobs * _PARSE_CHUNKS)
        with context.Pool(jobs, initializer=_ignore_interrupts) as pool:
            parts = pool.map(_check_chunk, range(len(_work.chunks)), chunksize=1)
    finally:
        _work = None
    return [findings for part in parts for findings in part]


# Chunks per job: small ones share out the cheap first pass evenly; each parse chunk costs
# a worker some set-up, so there are fewer of those.
_FIRST_PASS_CHUNKS = 16
_PARSE_CHUNKS = 4


@dataclass
class _Work:
    """What forked workers inherit: the linter, the sources, how they are split and the
    number of the next first-pass chunk to claim."""

    linter: Linter
    sources: list[SourceText]
    chunks: list[list[int]]
    next_chunk: Synchronized
    candidates: list[list[Candidate]] | None = None  # each source's, after the first pass

    def claim(self) -> int | None:
        """The number of a chunk no process has claimed yet, or None."""
        with self.next_chunk.get_lock():
            number = self.next_chunk.value
            self.next_chunk.value = number + 1
        return number if number < len(self.chunks) else None


_work: _Work | None = None


def _first_pass(_: int = 0) -> dict[int, list[list[Candidate]]]:
    """Each source's candidates in the chunks this process claims, until none is left."""
    assert _work is not None
    found = {}
    while (number := _work.claim()) is not None:
        sources = [_work.sources[i] for i in _work.chunks[number]]
        found[number] = [p.candidates for p in _work.linter.prepare(sources)]
    return found


def _check_chunk(number: int) -> list[list[Finding]]:
    from lint.engine.linter import Prepared
    from lint.input.formats import extract

    assert _work is not None and _work.candidates is not None
    indexes = _work.chunks[number]
    sources = [_work.sources[i] for i in indexes]
    prepared = [Prepared(extract(_work.sources[i]), _work.candidates[i]) for i in indexes]
    return _work.linter.check(sources, prepared)


def _ignore_interrupts() -> None:
    """Workers leave Ctrl-C to the main process, which stops them and exits with one line."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _balanced_chunks(indexes: list[int], weights: list[int], count: int) -> list[list[int]]:
    """Consecutive runs of sources with about the same amount of work each (its weight, and
    one for the source itself)."""
    total = sum(weights[index] + 1 for index in indexes)
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
