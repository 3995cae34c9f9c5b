"""`overclaim server`, driven over stdio by pytest-lsp with the capabilities of VS Code (which
takes pushed diagnostics and UTF-16 positions) and of Neovim (which pulls diagnostics and
negotiates UTF-8 positions)."""

from __future__ import annotations

import asyncio
import re
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
import pytest_lsp
from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

from lint.data import SourceText
from lint.rulebook.docs import rule_url
from lint.server.protocol import CONFIG_FILES

# The command the README's editor set-ups run.
SERVER_COMMAND = ["overclaim", "server"]
CLIENTS = ["visual-studio-code", "neovim"]
TIMEOUT = 60.0  # seconds; only a hung server gets near it

pytestmark = pytest.mark.asyncio(loop_scope="module")


def server_command() -> list[str]:
    """`overclaim server`, from the environment that runs the tests."""
    found = shutil.which(SERVER_COMMAND[0], path=str(Path(sys.executable).parent))
    return [found or SERVER_COMMAND[0], *SERVER_COMMAND[1:]]


class Client(LanguageClient):
    """The test client, which also keeps every diagnostics notification and registration."""

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.published: dict[str, list[types.PublishDiagnosticsParams]] = {}
        self.registrations: list[types.Registration] = []
        self.encoding = "utf-16"
        self.pull = False
        self.project = Path()
        self.result: types.InitializeResult | None = None


def published(ls: Client, params: types.PublishDiagnosticsParams) -> None:
    ls.diagnostics[params.uri] = params.diagnostics
    ls.published.setdefault(params.uri, []).append(params)


def registered(ls: Client, params: types.RegistrationParams) -> None:
    ls.registrations.extend(params.registrations)


def make_client() -> Client:
    client = Client(converter_factory=default_converter)
    register_lsp_features(
        client,
        {
            **DEFAULT_CLIENT_FEATURES,
            types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: published,
            types.CLIENT_REGISTER_CAPABILITY: registered,
        },
    )
    return client


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=server_command(), client_factory=make_client),
    scope="module",
    params=CLIENTS,
)
async def client(lsp_client: Client, request, tmp_path_factory):
    project = tmp_path_factory.mktemp("project")
    lsp_client.project = project
    lsp_client.set_configuration({}, section="overclaim")
    result = await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities(request.param),
            root_uri=project.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=project.as_uri(), name="project")],
        )
    )
    lsp_client.result = result
    encoding = result.capabilities.position_encoding
    lsp_client.encoding = str(getattr(encoding, "value", encoding))
    lsp_client.pull = lsp_client.capabilities.text_document.diagnostic is not None
    yield
    await lsp_client.shutdown_session()


# positions, computed here independently of the server ---------------------------------


def units(piece: str, encoding: str) -> int:
    return {
        "utf-8": len(piece.encode("utf-8")),
        "utf-16": len(piece.encode("utf-16-le")) // 2,
        "utf-32": len(piece),
    }[encoding]


def position(text: str, offset: int, encoding: str) -> types.Position:
    before = text[:offset]
    line = len(re.findall(r"\r\n|\r|\n", before))
    start = max(before.rfind("\n"), before.rfind("\r")) + 1
    return types.Position(line=line, character=units(text[start:offset], encoding))


def span(text: str, words: str, encoding: str, occurrence: int = 0) -> types.Range:
    """The range of the ``occurrence``-th ``words`` in ``text``."""
    at = -1
    for _ in range(occurrence + 1):
        at = text.index(words, at + 1)
    return types.Range(position(text, at, encoding), position(text, at + len(words), encoding))


def offset(text: str, where: types.Position, encoding: str) -> int:
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    at = starts[where.line]
    counted = 0
    while counted < where.character and at < len(text) and text[at] not in "\r\n":
        counted += units(text[at], encoding)
        at += 1
    return at


def apply(text: str, edit: types.WorkspaceEdit, uri: str, encoding: str) -> str:
    """The text with a workspace edit applied, as an editor would."""
    edits: list[types.TextEdit] = []
    if edit.document_changes:
        for change in edit.document_changes:
            assert isinstance(change, types.TextDocumentEdit)
            assert change.text_document.uri == uri
            edits += change.edits
    else:
        assert edit.changes is not None
        edits += edit.changes[uri]
    spans = [
        (offset(text, e.range.start, encoding), offset(text, e.range.end, encoding), e.new_text)
        for e in edits
    ]
    for start, end, new in sorted(spans, reverse=True):
        text = text[:start] + new + text[end:]
    return text


# documents -----------------------------------------------------------------------------


class Doc:
    """A document open in the client."""

    def __init__(self, client: Client, uri: str, text: str, language: str = "markdown"):
        self.client, self.uri, self.text, self.version = client, uri, text, 1
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, language, 1, text))
        )

    @classmethod
    def file(cls, client: Client, name: str, text: str, language: str = "markdown") -> Doc:
        return cls(client, (client.project / name).as_uri(), text, language)

    def change(self, text: str) -> None:
        self.version += 1
        self.text = text
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(version=self.version, uri=self.uri),
                [types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )

    def close(self) -> None:
        self.client.text_document_did_close(
            types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(self.uri))
        )

    def notifications(self) -> int:
        return len(self.client.published.get(self.uri, []))

    async def diagnostics(self, after: int | None = None) -> list[types.Diagnostic]:
        """The diagnostics of the current version: pulled, or the ones pushed for it (and,
        with ``after``, pushed after that many notifications)."""
        if self.client.pull:
            report = await self.pull()
            assert isinstance(report, types.RelatedFullDocumentDiagnosticReport)
            return list(report.items)
        return await asyncio.wait_for(self._pushed(after), TIMEOUT)

    async def _pushed(self, after: int | None) -> list[types.Diagnostic]:
        while True:
            sent = self.client.published.get(self.uri, [])
            fresh = sent[after:] if after is not None else sent
            mine = [p for p in fresh if p.version == self.version]
            if mine:
                return list(mine[-1].diagnostics)
            await asyncio.sleep(0.02)

    async def pull(self, previous: str | None = None) -> types.DocumentDiagnosticReport:
        return await self.client.text_document_diagnostic_async(
            types.DocumentDiagnosticParams(
                text_document=types.TextDocumentIdentifier(self.uri), previous_result_id=previous
            )
        )

    async def actions(
        self, diagnostics: list[types.Diagnostic], only: list[str] | None = None
    ) -> list[types.CodeAction]:
        found = await self.client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(self.uri),
                range=diagnostics[0].range if diagnostics else types.Range(origin(), origin()),
                context=types.CodeActionContext(diagnostics=diagnostics, only=only),
            )
        )
        return [a for a in found or [] if isinstance(a, types.CodeAction)]

    def apply(self, edit: types.WorkspaceEdit | None) -> str:
        assert edit is not None
        return apply(self.text, edit, self.uri, self.client.encoding)


def origin() -> types.Position:
    return types.Position(line=0, character=0)


async def configure(client: Client, settings: dict[str, Any]) -> None:
    client.set_configuration(settings, section="overclaim")
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
    await asyncio.sleep(0)


def codes(diagnostics: list[types.Diagnostic]) -> list[str]:
    return [str(d.code) for d in diagnostics]


# the tests -----------------------------------------------------------------------------


async def test_initialize_advertises_what_the_server_does(client: Client):
    capabilities = client.result.capabilities
    assert client.result.server_info.name == "overclaim"
    assert capabilities.text_document_sync.change == types.TextDocumentSyncKind.Full
    assert capabilities.text_document_sync.save
    assert capabilities.diagnostic_provider.identifier == "overclaim"
    kinds = [
        str(getattr(k, "value", k)) for k in capabilities.code_action_provider.code_action_kinds
    ]
    assert kinds == ["quickfix", "source.fixAll.overclaim"]
    assert capabilities.code_action_provider.resolve_provider
    assert capabilities.hover_provider
    offered = client.capabilities.general and client.capabilities.general.position_encodings
    first = offered[0] if offered else "utf-16"
    assert client.encoding == str(getattr(first, "value", first))


async def test_open_document_gets_diagnostics_with_ranges_codes_and_data(client: Client):
    text = "# Sleep\n\nOur tea cures insomnia. Ketamine works within hours.\n"
    doc = Doc.file(client, "open.md", text)
    found = await doc.diagnostics()
    assert codes(found) == ["cure.cure", "speed.within-time"]
    cure, speed = found
    assert cure.range == span(text, "cures", client.encoding)
    assert speed.range == span(text, "within hours", client.encoding)
    assert cure.severity == types.DiagnosticSeverity.Error
    assert speed.severity == types.DiagnosticSeverity.Warning
    assert {d.source for d in found} == {"overclaim"}
    assert cure.code_description.href == rule_url("cure.cure")
    assert cure.code_description.href.endswith("docs/rules.md#cure.cure")
    assert "claims or implies a cure" in cure.message
    assert cure.data["rule"] == "cure.cure" and cure.data["text"] == "cures"
    fixes = {(f["new"], f["safe"]) for f in cure.data["fixes"]}
    assert fixes == {("may ease", True)}
    hedge = next(f for f in speed.data["fixes"] if f["safe"])
    assert (hedge["old"], hedge["new"]) == ("works", "may work")
    assert hedge["range"] == default_converter().unstructure(span(text, "works", client.encoding))
    if client.pull:
        assert doc.uri not in client.published  # pulled only: never shown twice
    doc.close()


async def test_change_updates_diagnostics(client: Client):
    doc = Doc.file(client, "change.md", "Our tea cures insomnia.\n")
    assert codes(await doc.diagnostics()) == ["cure.cure"]
    doc.change("Our tea may help some people sleep.\n")
    assert await doc.diagnostics() == []
    doc.change("Ketamine works within hours.\n")
    assert codes(await doc.diagnostics()) == ["speed.within-time"]
    doc.close()


async def test_a_burst_of_edits_is_linted_once_at_its_latest_version(client: Client):
    doc = Doc.file(client, "burst.md", "Calm words.\n")
    assert await doc.diagnostics() == []
    before = doc.notifications()
    for text in ("Our tea cures", "Our tea cures insomnia", "Our tea cures insomnia fast.\n"):
        doc.change(text)
    assert codes(await doc.diagnostics()) == ["cure.cure"]
    if not client.pull:
        versions = [p.version for p in client.published[doc.uri][before:]]
        assert versions == [doc.version]  # the intermediate versions were never published
    doc.close()


async def test_emoji_and_smart_quotes_before_a_claim_keep_exact_ranges(client: Client):
    text = "It’s “natural” 🌿 and our tea cures insomnia.\n\n👍🏽 “Really” 🙂🙂 — our balm cures eczema.\n"
    doc = Doc.file(client, "emoji.md", text)
    found = [d for d in await doc.diagnostics() if d.code == "cure.cure"]
    assert [d.range for d in found] == [
        span(text, "cures", client.encoding, 0),
        span(text, "cures", client.encoding, 1),
    ]
    assert found[1].range.start.character != text.split("\n")[2].index("cures")  # not code points
    doc.close()


async def test_crlf_lines(client: Client):
    text = "Line one.\r\n\r\nOur tea cures insomnia.\r\n"
    doc = Doc.file(client, "crlf.md", text)
    (found,) = await doc.diagnostics()
    assert found.range == span(text, "cures", client.encoding)
    assert found.range.start == types.Position(line=2, character=8)
    doc.close()


async def test_saving_lints_again(client: Client):
    doc = Doc.file(client, "save.md", "Our tea cures insomnia.\n")
    await doc.diagnostics()
    before = doc.notifications()
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(doc.uri))
    )
    assert codes(await doc.diagnostics(after=before)) == ["cure.cure"]
    if not client.pull:
        assert doc.notifications() == before + 1
    doc.close()


async def test_a_document_without_claims_has_no_diagnostics(client: Client):
    doc = Doc.file(client, "calm.txt", "A calm walk in the park.\n", "plaintext")
    assert await doc.diagnostics() == []
    doc.close()


async def test_unsaved_buffers_are_linted_by_language(client: Client):
    doc = Doc(client, "untitled:Untitled-1", "Our tea cures insomnia.", "plaintext")
    assert codes(await doc.diagnostics()) == ["cure.cure"]
    doc.close()
    html = Doc(client, "untitled:Untitled-2", "<p>Our tea <b>cures</b> insomnia.</p>", "html")
    (found,) = await html.diagnostics()
    assert found.range == span(html.text, "cures", client.encoding)
    html.close()


async def test_source_code_is_left_alone(client: Client):
    doc = Doc.file(client, "script.py", "# Our tea cures insomnia.\n", "python")
    assert await doc.diagnostics() == []
    doc.close()


async def test_quick_fix_applies_the_hedged_rewrite(client: Client):
    doc = Doc.file(client, "fix.md", "Our tea cures insomnia.\n")
    (cure,) = await doc.diagnostics()
    actions = await doc.actions([cure], only=["quickfix"])
    preferred = [a for a in actions if a.is_preferred]
    assert len(preferred) == 1
    assert preferred[0].kind == types.CodeActionKind.QuickFix
    assert preferred[0].title == "Rewrite “cures” as “may ease”"
    hedged = doc.apply(preferred[0].edit)
    assert hedged == "Our tea may ease insomnia.\n"
    doc.change(hedged)
    assert await doc.diagnostics() == []
    doc.close()


async def test_a_rewrite_is_not_offered_once_its_words_have_changed(client: Client):
    doc = Doc.file(client, "stale.md", "Our tea cures insomnia.\n")
    (cure,) = await doc.diagnostics()
    doc.change("Our tea soothes insomnia.\n")
    actions = await doc.actions([cure])
    assert not [a for a in actions if a.title.startswith("Rewrite")]
    doc.close()


@pytest.mark.parametrize(
    ("name", "language", "text", "comment"),
    [
        (
            "silence.md",
            "markdown",
            "# Sleep\n\nOur tea cures insomnia.\n",
            "<!-- overclaim-disable-next-line cure.cure -->\n",
        ),
        (
            "silence-list.md",
            "markdown",
            "Tips:\n\n> - Rest well.\n>   Our tea cures insomnia.\n",
            None,  # inside a paragraph: at the end of the line above, not splitting it
        ),
        (
            "silence.html",
            "html",
            "<body>\n    <p>Our tea cures insomnia.</p>\n</body>\n",
            "    <!-- overclaim-disable-next-line cure.cure -->\n",
        ),
    ],
)
async def test_silence_action_inserts_the_comment(client, name, language, text, comment):
    doc = Doc.file(client, name, text, language)
    (cure,) = await doc.diagnostics()
    (action,) = [a for a in await doc.actions([cure]) if a.title.startswith("Silence")]
    assert action.title == "Silence cure.cure on this line"
    silenced = doc.apply(action.edit)
    line = position(text, text.index("cures"), "utf-32").line
    lines = text.splitlines(keepends=True)
    if comment is not None:
        assert silenced == "".join(lines[:line]) + comment + "".join(lines[line:])
    else:
        above = lines[line - 1].rstrip("\n")
        expected = f"{above} <!-- overclaim-disable-next-line cure.cure -->\n"
        assert silenced == "".join(lines[: line - 1]) + expected + "".join(lines[line:])
    doc.change(silenced)
    assert await doc.diagnostics() == []
    doc.close()


async def test_plain_text_has_no_silence_action(client: Client):
    doc = Doc.file(client, "silence.txt", "Our tea cures insomnia.\n", "plaintext")
    (cure,) = await doc.diagnostics()
    actions = await doc.actions([cure])
    assert actions and not [a for a in actions if a.title.startswith("Silence")]
    doc.close()


async def test_fix_all_applies_every_safe_rewrite(client: Client, pipeline):
    text = "# Sleep\n\nOur tea cures insomnia.\n\nKetamine works within hours.\n"
    doc = Doc.file(client, "fixall.md", text)
    assert len(await doc.diagnostics()) == 2
    (action,) = await doc.actions([], only=["source.fixAll"])
    assert action.kind == "source.fixAll.overclaim"
    if action.edit is None:
        action = await client.code_action_resolve_async(action)
    fixed = doc.apply(action.edit)
    expected = pipeline.fix_sources([SourceText("fixall.md", text, "markdown")])[0].text
    assert fixed == expected
    assert "may ease" in fixed and "may work" in fixed
    doc.close()


async def test_hover_shows_why_and_what_the_rule_rests_on(client: Client):
    text = "Our tea cures insomnia.\n"
    doc = Doc.file(client, "hover.md", text)
    await doc.diagnostics()
    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(doc.uri),
            position=position(text, text.index("cures") + 2, client.encoding),
        )
    )
    assert hover is not None
    value = hover.contents.value
    assert "cure.cure" in value and "Why:" in value and "UCPD (2005/29/EC)" in value
    assert rule_url("cure.cure") in value
    assert hover.range == span(text, "cures", client.encoding)
    miss = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(doc.uri), position=origin())
    )
    assert miss is None
    doc.close()


async def test_pull_diagnostics_answer_in_full_then_unchanged(client: Client):
    doc = Doc.file(client, "pull.md", "Our tea cures insomnia.\n")
    report = await doc.pull()
    assert isinstance(report, types.RelatedFullDocumentDiagnosticReport)
    assert codes(report.items) == ["cure.cure"]
    again = await doc.pull(previous=report.result_id)
    assert isinstance(again, types.RelatedUnchangedDocumentDiagnosticReport)
    assert again.result_id == report.result_id
    doc.close()


async def test_configuration_change_lints_again(client: Client):
    doc = Doc.file(client, "settings.md", "Our tea cures insomnia.\n")
    (cure,) = await doc.diagnostics()
    assert cure.severity == types.DiagnosticSeverity.Error
    try:
        before = doc.notifications()
        await configure(client, {"severity": {"cure.cure": "info"}, "model": False})
        (cure,) = await doc.diagnostics(after=before)
        assert cure.severity == types.DiagnosticSeverity.Information
    finally:
        before = doc.notifications()
        await configure(client, {})
        (cure,) = await doc.diagnostics(after=before)
        assert cure.severity == types.DiagnosticSeverity.Error
    assert not [m for m in client.messages if "model" in m.message]
    doc.close()


RULEBOOK = """\
rules:
  - id: hype.moonbeam
    message: "“{match}” is a claim no study supports."
    why: Nobody has studied moonbeams.
    patterns:
      - phrase: ["moonbeam tonic"]
"""


async def test_rulebook_setting_adds_the_project_rules(client: Client):
    rulebook = client.project / "moonbeam.yaml"
    rulebook.write_text(RULEBOOK, encoding="utf-8")
    doc = Doc.file(client, "moonbeam.md", "Try our moonbeam tonic tonight.\n")
    assert await doc.diagnostics() == []
    try:
        before = doc.notifications()
        await configure(client, {"rulebook": ["moonbeam.yaml"]})
        (found,) = await doc.diagnostics(after=before)
        assert found.code == "hype.moonbeam"
        assert found.range == span(doc.text, "moonbeam tonic", client.encoding)
        assert found.code_description.href == rulebook.as_uri()
    finally:
        before = doc.notifications()
        await configure(client, {})
        assert await doc.diagnostics(after=before) == []
    doc.close()


async def test_project_configuration_of_the_folder_and_its_changes(client: Client):
    folder = client.project / "configured"
    folder.mkdir()
    config = folder / ".overclaim.toml"
    config.write_text('ignore = ["cure"]\n', encoding="utf-8")
    doc = Doc(
        client, (folder / "page.md").as_uri(), "Our tea cures insomnia. It works within hours.\n"
    )
    assert codes(await doc.diagnostics()) == ["speed.within-time"]
    config.write_text('ignore = ["speed"]\n', encoding="utf-8")
    before = doc.notifications()
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            [types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Changed)]
        )
    )
    assert codes(await doc.diagnostics(after=before)) == ["cure.cure"]
    doc.close()


async def test_bad_settings_are_one_line_messages(client: Client):
    doc = Doc.file(client, "bad.md", "Our tea cures insomnia.\n")
    await doc.diagnostics()
    seen = len(client.messages)
    try:
        before = doc.notifications()
        await configure(client, {"severity": {"no-such.rule": "info"}, "colour": "red"})
        assert await doc.diagnostics(after=before) == []
        messages = [m.message for m in client.messages[seen:]]
        assert any("'no-such.rule' matches no rule" in m for m in messages)
        assert any("unknown key 'overclaim.colour'" in m for m in messages)
        assert all("\n" not in m and "Traceback" not in m for m in messages)
    finally:
        before = doc.notifications()
        await configure(client, {})
        assert codes(await doc.diagnostics(after=before)) == ["cure.cure"]
    doc.close()


async def test_watches_configuration_files_where_the_client_allows(client: Client):
    for _ in range(100):
        if client.registrations or not client.capabilities.workspace.did_change_watched_files.dynamic_registration:  # fmt: skip
            break
        await asyncio.sleep(0.02)
    watchers = [
        w["globPattern"]
        for r in client.registrations
        if r.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
        for w in r.register_options["watchers"]
    ]
    dynamic = client.capabilities.workspace.did_change_watched_files.dynamic_registration
    assert watchers == (list(CONFIG_FILES) if dynamic else [])


async def test_closing_a_document_clears_its_diagnostics(client: Client):
    doc = Doc.file(client, "close.md", "Our tea cures insomnia.\n")
    await doc.diagnostics()
    doc.close()
    if not client.pull:
        await asyncio.wait_for(_cleared(client, doc.uri), TIMEOUT)


async def _cleared(client: Client, uri: str) -> None:
    while client.diagnostics.get(uri):
        await asyncio.sleep(0.02)


async def test_malformed_messages_get_one_line_errors_and_no_traceback():
    process = await asyncio.create_subprocess_exec(
        *server_command(),
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    bodies = [b"{bad}", b'{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}']
    data = b"".join(b"Content-Length: %d\r\n\r\n%s" % (len(b), b) for b in bodies)
    out, err = await asyncio.wait_for(process.communicate(data), TIMEOUT)
    lines = err.decode().splitlines()
    assert lines and all(line.startswith("overclaim server: ") for line in lines)
    assert b"Traceback" not in err
    assert b"window/showMessage" in out  # the client is told, too


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=server_command(), client_factory=make_client),
    scope="module",
)
async def helix(lsp_client: Client, tmp_path_factory):
    """A client that gives its settings only as initializationOptions, as Helix does."""
    project = tmp_path_factory.mktemp("helix")
    lsp_client.project = project
    capabilities = client_capabilities("neovim")
    capabilities.workspace.configuration = False
    capabilities.general.position_encodings = [types.PositionEncodingKind.Utf32]
    result = await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=capabilities,
            root_uri=project.as_uri(),
            initialization_options={"overclaim": {"severity": {"cure.cure": "info"}}},
        )
    )
    encoding = result.capabilities.position_encoding
    lsp_client.encoding = str(getattr(encoding, "value", encoding))
    lsp_client.pull = True
    yield
    await lsp_client.shutdown_session()


async def test_settings_from_initialization_options_and_utf32_positions(helix: Client):
    assert helix.encoding == "utf-32"
    text = "🌿🌿 Our tea cures insomnia.\n"
    doc = Doc.file(helix, "helix.md", text)
    (cure,) = await doc.diagnostics()
    assert cure.severity == types.DiagnosticSeverity.Information
    assert cure.range.start == types.Position(line=0, character=text.index("cures"))
    doc.close()
