"""`overclaim server`: the Language Server Protocol over standard input and output (pygls).

Diagnostics are pushed (``textDocument/publishDiagnostics``) to clients that cannot pull
them, and pulled (``textDocument/diagnostic``) by clients that can: a client that gets both
shows every claim twice.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from lint import __version__
from lint.data import OverclaimError
from lint.server.actions import (
    FIX_ALL,
    KINDS,
    Edits,
    fix_all_action,
    has_safe_rewrite,
    rewrite_actions,
    silence_action,
    text_edits,
    wanted,
)
from lint.server.client import Client
from lint.server.diagnostics import hover_text, lsp_range
from lint.server.documents import Snapshot, uri_to_path
from lint.server.linting import DEBOUNCE, Context, Engine, Linting, Result
from lint.server.positions import UTF16, LineMap
from lint.server.settings import parse_client_settings

SECTION = "overclaim"
CONFIG_FILES = ("**/pyproject.toml", "**/.overclaim.yaml", "**/.overclaim.toml")
CLIENT_TIMEOUT = 5.0  # seconds to wait for the client to answer a request
logger = logging.getLogger("overclaim.server")


def _handler(method: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """A plain function calling the bound method (pygls marks the functions it registers)."""
    if asyncio.iscoroutinefunction(method):

        async def run_async(params: Any) -> Any:
            return await method(params)

        return run_async

    def run(params: Any) -> Any:
        return method(params)

    return run


def _value(kind: Any) -> str:
    return str(getattr(kind, "value", kind))


class OverclaimServer:
    """The protocol handlers: documents in, diagnostics, hovers and code actions out."""

    def __init__(self) -> None:
        self.server = LanguageServer(
            "overclaim", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full
        )
        self.engine = Engine()
        self.linting = Linting(self.engine, self.snapshot, self.publish)
        self.client = Client()
        self.root_uri: str | None = None
        self.init_options: Any = None
        self._problems: list[str] = []  # in the initializationOptions' settings
        self._shown: set[str] = set()
        self._register()

    def _register(self) -> None:
        def feature(name: str, options: Any = None) -> Callable[[Callable], Any]:
            return lambda method: self.server.feature(name, options)(_handler(method))

        feature(types.INITIALIZE)(self.initialize)
        feature(types.INITIALIZED)(self.initialized)
        feature(types.SHUTDOWN)(self.shutdown)
        feature(types.TEXT_DOCUMENT_DID_OPEN)(self.did_open)
        feature(types.TEXT_DOCUMENT_DID_CHANGE)(self.did_change)
        feature(types.TEXT_DOCUMENT_DID_SAVE)(self.did_save)
        feature(types.TEXT_DOCUMENT_DID_CLOSE)(self.did_close)
        feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)(self.did_change_configuration)
        feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)(self.did_change_watched_files)
        feature(
            types.TEXT_DOCUMENT_DIAGNOSTIC,
            types.DiagnosticOptions(
                identifier=SECTION, inter_file_dependencies=False, workspace_diagnostics=False
            ),
        )(self.diagnostic)
        feature(
            types.TEXT_DOCUMENT_CODE_ACTION,
            types.CodeActionOptions(code_action_kinds=KINDS, resolve_provider=True),
        )(self.code_action)
        feature(types.CODE_ACTION_RESOLVE)(self.resolve_code_action)
        feature(types.TEXT_DOCUMENT_HOVER)(self.hover)

    # documents ---------------------------------------------------------------------------

    def snapshot(self, uri: str) -> Snapshot | None:
        document = self.server.workspace.text_documents.get(uri)
        if document is None:
            return None
        return Snapshot(uri, document.version or 0, document.source, document.language_id)

    def open_uris(self) -> list[str]:
        return list(self.server.workspace.text_documents)

    def publish(self, result: Result) -> None:
        self.report(result.error)
        if not self.client.pull:
            self.server.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(
                    uri=result.snapshot.uri,
                    diagnostics=result.diagnostics,
                    version=result.snapshot.version,
                )
            )

    def report(self, error: str | None, level: types.MessageType = types.MessageType.Error) -> None:
        """Show a one-line problem once (until the settings change)."""
        if error and error not in self._shown:
            self._shown.add(error)
            logger.warning("%s", error)
            self.server.window_show_message(
                types.ShowMessageParams(type=level, message=f"overclaim: {error}")
            )

    # lifecycle ---------------------------------------------------------------------------

    def initialize(self, params: types.InitializeParams) -> None:
        self.client = Client.of(params.capabilities)
        folders = params.workspace_folders or []
        self.root_uri = folders[0].uri if folders else params.root_uri
        self.init_options = params.initialization_options
        encoding = _value(self.server.workspace.position_encoding or UTF16)
        client, self._problems = parse_client_settings(self._initial_settings(), self._base())
        self.linting.context = Context(client, self._root(), encoding)
        loop = asyncio.get_running_loop()
        loop.run_in_executor(self.engine.executor, self.engine.warm_up, self.linting.context)

    def _root(self) -> Path | None:
        return uri_to_path(self.root_uri) if self.root_uri else None

    def _base(self) -> Path:
        """Where relative paths in the client's settings start: the workspace folder."""
        return self._root() or Path.cwd()

    def _initial_settings(self) -> Any:
        """The settings in initializationOptions: ``{"overclaim": {...}}`` or the object itself."""
        options = self.init_options
        if isinstance(options, dict) and isinstance(options.get(SECTION), dict):
            return options[SECTION]
        return options if isinstance(options, dict) and options else None

    def _with_initial(self, raw: Any) -> Any:
        """The editor's settings over those of initializationOptions, key by key."""
        initial = self._initial_settings()
        if isinstance(raw, dict) and isinstance(initial, dict):
            return {**initial, **raw}
        return raw if raw is not None else initial

    async def initialized(self, params: types.InitializedParams) -> None:
        try:
            pulled = await self._pull_settings()
            if pulled is not None:
                self._use_settings(self._with_initial(pulled), relint=False)
            else:
                for problem in self._problems:
                    self.report(problem, types.MessageType.Warning)
        finally:
            self.linting.ready.set()
        await self._register_watchers()

    async def _pull_settings(self) -> Any:
        """The client's ``overclaim`` settings (None when it has none to give)."""
        if not self.client.configuration:
            return None
        item = types.ConfigurationItem(section=SECTION, scope_uri=self.root_uri)
        try:
            answer = await asyncio.wait_for(
                self.server.workspace_configuration_async(types.ConfigurationParams([item])),
                CLIENT_TIMEOUT,
            )
        except Exception as exc:  # the client failed to answer: keep what we have
            logger.warning("workspace/configuration failed: %s", exc)
            return None
        return answer[0] if answer else None

    def _use_settings(self, raw: Any, relint: bool = True) -> None:
        client, problems = parse_client_settings(raw, self._base())
        self._shown.clear()
        for problem in problems:
            self.report(problem, types.MessageType.Warning)
        context = replace(
            self.linting.context, client=client, generation=self.linting.context.generation + 1
        )
        if relint:
            self._relint(context)
        else:
            self.linting.context = context

    def _relint(self, context: Context) -> None:
        self.linting.reconfigure(context, self.open_uris())
        if self.client.pull and self.client.refresh:
            asyncio.get_running_loop().create_task(self._refresh())

    async def _refresh(self) -> None:
        try:
            await self.server.workspace_diagnostic_refresh_async(None)
        except Exception as exc:
            logger.warning("workspace/diagnostic/refresh failed: %s", exc)

    async def _register_watchers(self) -> None:
        registrations = []
        if self.client.watch:
            watchers = [types.FileSystemWatcher(glob_pattern=glob) for glob in CONFIG_FILES]
            registrations.append(
                types.Registration(
                    id="overclaim-configuration-files",
                    method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                    register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers),
                )
            )
        if self.client.configuration_changes:
            registrations.append(
                types.Registration(
                    id="overclaim-settings", method=types.WORKSPACE_DID_CHANGE_CONFIGURATION
                )
            )
        if not registrations:
            return
        try:
            await asyncio.wait_for(
                self.server.client_register_capability_async(
                    types.RegistrationParams(registrations)
                ),
                CLIENT_TIMEOUT,
            )
        except Exception as exc:
            logger.warning("client/registerCapability failed: %s", exc)

    def shutdown(self, params: None) -> None:
        self.engine.close()

    # notifications -----------------------------------------------------------------------

    def did_open(self, params: types.DidOpenTextDocumentParams) -> None:
        self.linting.schedule(params.text_document.uri)

    def did_change(self, params: types.DidChangeTextDocumentParams) -> None:
        self.linting.schedule(params.text_document.uri, DEBOUNCE)

    def did_save(self, params: types.DidSaveTextDocumentParams) -> None:
        self.linting.schedule(params.text_document.uri)

    def did_close(self, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        self.linting.forget(uri)
        if not self.client.pull:
            self.server.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
            )

    async def did_change_configuration(self, params: types.DidChangeConfigurationParams) -> None:
        self.linting.ready.clear()  # what is asked from now on waits for the new settings
        try:
            raw = await self._pull_settings()
            if raw is None and isinstance(params.settings, dict):
                raw = params.settings.get(SECTION)
            self._use_settings(self._with_initial(raw))
        finally:
            self.linting.ready.set()

    def did_change_watched_files(self, params: types.DidChangeWatchedFilesParams) -> None:
        self.engine.configurations.clear()
        self._shown.clear()
        context = self.linting.context
        self._relint(replace(context, generation=context.generation + 1))

    # requests ----------------------------------------------------------------------------

    async def diagnostic(
        self, params: types.DocumentDiagnosticParams
    ) -> types.DocumentDiagnosticReport:
        result = await self.linting.settled(params.text_document.uri)
        if result is None:
            return types.RelatedFullDocumentDiagnosticReport(items=[])
        self.report(result.error)
        snapshot = result.snapshot
        result_id = f"{result.generation}.{snapshot.version}.{hash(snapshot.text) & 0xFFFFFFFF:x}"
        if params.previous_result_id == result_id:
            return types.RelatedUnchangedDocumentDiagnosticReport(result_id=result_id)
        return types.RelatedFullDocumentDiagnosticReport(
            items=result.diagnostics, result_id=result_id
        )

    async def hover(self, params: types.HoverParams) -> types.Hover | None:
        result = await self.linting.settled(params.text_document.uri)
        if result is None or not result.findings:
            return None
        lines = LineMap(result.snapshot.text, self.linting.context.encoding)
        offset = lines.offset(params.position.line, params.position.character)
        hits = [f for f in result.findings if f.start <= offset <= f.end]
        if not hits:
            return None
        markdown = self.client.markdown
        texts = [hover_text(f, result.notes.get(f.rule), markdown) for f in hits]
        return types.Hover(
            contents=types.MarkupContent(
                kind=types.MarkupKind.Markdown if markdown else types.MarkupKind.PlainText,
                value="\n\n---\n\n".join(texts),
            ),
            range=lsp_range(lines, hits[0].start, hits[0].end),
        )

    async def code_action(self, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        uri = params.text_document.uri
        result = await self.linting.settled(uri)
        snapshot = self.snapshot(uri)
        if snapshot is None:
            return None
        only = [_value(kind) for kind in params.context.only or []]
        edits = self._edits(snapshot)
        actions: list[types.CodeAction] = []
        if wanted(types.CodeActionKind.QuickFix.value, only):
            diagnostics = list(params.context.diagnostics)

            def quick_fixes() -> list[types.CodeAction]:
                found = []
                for diagnostic in diagnostics:
                    found += rewrite_actions(diagnostic, edits)
                    silencing = silence_action(diagnostic, edits)
                    if silencing is not None:
                        found.append(silencing)
                return found

            actions += await asyncio.to_thread(quick_fixes)
        if wanted(FIX_ALL, only) and result is not None and has_safe_rewrite(result.diagnostics):
            action = fix_all_action(snapshot)
            if not self.client.resolve_edit:
                action = await self.resolve_code_action(action)
            actions.append(action)
        return actions

    async def resolve_code_action(self, action: types.CodeAction) -> types.CodeAction:
        data = action.data
        if _value(action.kind) != FIX_ALL or not isinstance(data, dict):
            return action
        snapshot = self.snapshot(str(data.get("uri")))
        if snapshot is None:
            return action
        try:
            fixed = await self.linting.run(self.engine.fix_all, snapshot)
        except OverclaimError as exc:
            self.report(str(exc))
            return action
        edits = self._edits(snapshot)
        action.edit = edits.workspace_edit(text_edits(edits, fixed))
        return action

    def _edits(self, snapshot: Snapshot) -> Edits:
        lines = LineMap(snapshot.text, self.linting.context.encoding)
        return Edits(snapshot, lines, self.client.document_changes)


class _OneLine(logging.Formatter):
    """Log records as one line each: a bad message from the client is no traceback."""

    def format(self, record: logging.LogRecord) -> str:
        message = (record.getMessage().strip().splitlines() or [""])[0]
        error = record.exc_info[1] if record.exc_info else None
        if error is not None:
            message += f": {type(error).__name__}: {error}"
        return "overclaim server: " + " ".join(message.split())


def serve() -> None:
    """Serve one client on standard input and output until it says exit."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_OneLine())
    logging.basicConfig(level=logging.WARNING, handlers=[handler])
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing printed may reach the protocol stream
    OverclaimServer().server.start_io(stdin, stdout)
