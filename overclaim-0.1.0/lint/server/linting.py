"""Linting open documents off the event loop: one worker thread runs the pipeline, edits
are debounced, and the latest version of a document wins."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from lsprotocol import types

from lint.data import Finding, OverclaimError
from lint.input.reading import DEFAULT_MAX_BYTES
from lint.server.diagnostics import RuleNote, diagnostic
from lint.server.documents import Snapshot
from lint.server.positions import UTF16, LineMap
from lint.server.settings import ClientSettings, Configurations

DEBOUNCE = 0.3  # seconds of quiet after an edit before the document is linted
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Context:
    """What a lint depends on besides the document: the client's settings, the workspace
    folder (for unsaved documents), the position encoding and the settings generation."""

    client: ClientSettings = field(default_factory=ClientSettings)
    root: Path | None = None
    encoding: str = UTF16
    generation: int = 0

    def folder(self, snapshot: Snapshot) -> Path:
        path = snapshot.path
        return path.parent if path is not None else (self.root or Path.cwd())


@dataclass(frozen=True)
class Result:
    """A document version's findings, as diagnostics, with notes on their rules; ``error``
    is the one line to show when it could not be linted (bad configuration, say)."""

    snapshot: Snapshot
    generation: int
    findings: list[Finding] = field(default_factory=list)
    diagnostics: list[types.Diagnostic] = field(default_factory=list)
    notes: dict[str, RuleNote] = field(default_factory=dict)
    error: str | None = None

    @property
    def key(self) -> tuple[int, int]:
        return self.generation, self.snapshot.version


class Engine:
    """The pipelines and the one thread they run in (spaCy is used by one thread at a time)."""

    def __init__(self) -> None:
        self.configurations = Configurations()
        self.executor = ThreadPoolExecutor(1, thread_name_prefix="overclaim-lint")

    def warm_up(self, context: Context) -> None:
        """Compile the rulebook and load the language model now, not on the first edit."""
        try:
            folder = context.root or Path.cwd()
            self.configurations.pipeline_for(folder, context.client).linter.load_parser()
        except OverclaimError:
            pass  # reported with the first document it concerns
        except Exception:
            logger.exception("loading the rulebook and the model failed")

    def lint(self, snapshot: Snapshot, context: Context) -> Result:
        """The document's findings (in the worker thread)."""
        generation = context.generation
        if snapshot.format is None:
            return Result(snapshot, generation)  # not prose: nothing to say
        if len(snapshot.text) > DEFAULT_MAX_BYTES:
            limit = DEFAULT_MAX_BYTES // 1048576
            return Result(
                snapshot, generation, error=f"{snapshot.uri}: over {limit} MB; not linted"
            )
        try:
            pipeline = self.configurations.pipeline_for(context.folder(snapshot), context.client)
            path = snapshot.path
            if path is not None and pipeline.settings.excluded(path):
                return Result(snapshot, generation)
            findings = pipeline.check_sources([snapshot.source()])[0]
            rules = pipeline.linter.rules
        except OverclaimError as exc:
            return Result(snapshot, generation, error=str(exc))
        except Exception as exc:  # a bug: say so in one line, keep serving
            logger.exception("linting %s failed", snapshot.uri)
            return Result(snapshot, generation, error=f"internal error: {exc!r}")
        notes = {f.rule: RuleNote.of(rules[f.rule]) for f in findings if f.rule in rules}
        lines = LineMap(snapshot.text, context.encoding)
        diagnostics = [
            diagnostic(f, lines, notes[f.rule].href if f.rule in notes else None) for f in findings
        ]
        return Result(snapshot, generation, findings, diagnostics, notes)

    def fix_all(self, snapshot: Snapshot, context: Context) -> str:
        """The document's text with every safe rewrite applied, as ``--fix`` would."""
        if snapshot.format is None:
            return snapshot.text
        pipeline = self.configurations.pipeline_for(context.folder(snapshot), context.client)
        path = snapshot.path
        if path is not None and pipeline.settings.excluded(path):
            return snapshot.text
        return pipeline.fix_sources([snapshot.source()], unsafe=False)[0].text

    def close(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)


class Linting:
    """When documents are linted: at once on open and save, after a pause in typing on
    change, again for every open document when the settings change."""

    def __init__(
        self,
        engine: Engine,
        snapshot: Callable[[str], Snapshot | None],
        publish: Callable[[Result], None],
    ):
        self.engine = engine
        self.snapshot = snapshot  # the current version of an open document
        self.publish = publish  # called with each new result for a current version
        self.context = Context()
        self.ready = asyncio.Event()  # set once the client's settings are known
        self.results: dict[str, Result] = {}
        self._pending: dict[str, asyncio.Task] = {}
        self._running: dict[tuple[str, int, int], asyncio.Future[Result]] = {}

    def schedule(self, uri: str, delay: float = 0.0) -> None:
        """Lint the document after ``delay`` seconds (an earlier pending lint is dropped)."""
        previous = self._pending.pop(uri, None)
        if previous is not None:
            previous.cancel()
        self._pending[uri] = asyncio.get_running_loop().create_task(self._later(uri, delay))

    async def _later(self, uri: str, delay: float) -> None:
        await asyncio.sleep(delay)
        result = await asyncio.shield(self.current(uri))
        snapshot = self.snapshot(uri)
        if result is not None and snapshot is not None and self._is_current(result, snapshot):
            self.publish(result)

    def _is_current(self, result: Result, snapshot: Snapshot) -> bool:
        return result.key == (self.context.generation, snapshot.version)

    async def current(self, uri: str) -> Result | None:
        """The result for the document as it is now (linted if it has not been)."""
        await self.ready.wait()
        snapshot = self.snapshot(uri)
        if snapshot is None:
            return None
        context = self.context
        known = self.results.get(uri)
        if known is not None and self._is_current(known, snapshot):
            return known
        key = (uri, context.generation, snapshot.version)
        running = self._running.get(key)
        if running is None:
            loop = asyncio.get_running_loop()
            running = loop.run_in_executor(
                self.engine.executor, self.engine.lint, snapshot, context
            )
            self._running[key] = running
            running.add_done_callback(lambda _: self._running.pop(key, None))
        result = await asyncio.shield(running)
        known = self.results.get(uri)
        if known is None or known.key <= result.key:
            self.results[uri] = result
        return result

    async def settled(self, uri: str) -> Result | None:
        """The result once the pending lint (if any) is done: what pull diagnostics, hover
        and code actions answer from."""
        while (pending := self._pending.get(uri)) is not None and not pending.done():
            await asyncio.wait([pending])  # an edit meanwhile schedules a newer one
        return await self.current(uri)

    async def run(self, job: Callable[..., str], snapshot: Snapshot) -> str:
        """Run an engine job for a document in the worker thread."""
        await self.ready.wait()
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.engine.executor, job, snapshot, self.context)

    def reconfigure(self, context: Context, uris: list[str]) -> None:
        """New settings: lint the open documents again."""
        self.context = context
        for uri in uris:
            self.schedule(uri)

    def forget(self, uri: str) -> None:
        pending = self._pending.pop(uri, None)
        if pending is not None:
            pending.cancel()
        self.results.pop(uri, None)
