"""Code actions: the hedged rewrite of one finding, the comment that silences its rule on
its line, and every safe rewrite in the file at once (``source.fixAll.overclaim``).

Rewrites come from the diagnostics' ``data``; each is offered only while the words it
replaces are still where the diagnostic said they were.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Any

from lsprotocol import types

from lint.server.diagnostics import SOURCE, lsp_range
from lint.server.documents import Snapshot
from lint.server.positions import LineMap
from lint.server.silence import silence

FIX_ALL = "source.fixAll.overclaim"
KINDS = [types.CodeActionKind.QuickFix, FIX_ALL]
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")


def wanted(kind: str, only: list[str] | None) -> bool:
    """Whether the client asked for actions of this kind (``only`` narrows by prefix)."""
    return not only or any(kind == o or kind.startswith(o + ".") for o in only)


class Edits:
    """Text edits of one document version, as a workspace edit the client can apply."""

    def __init__(self, snapshot: Snapshot, lines: LineMap, document_changes: bool):
        self.snapshot, self.lines, self.document_changes = snapshot, lines, document_changes

    def offsets(self, data: Any) -> tuple[int, int] | None:
        """The code-point offsets of a range given as JSON data."""
        try:
            start, end = data["start"], data["end"]
            return (
                self.lines.offset(int(start["line"]), int(start["character"])),
                self.lines.offset(int(end["line"]), int(end["character"])),
            )
        except (KeyError, TypeError, ValueError):
            return None

    def workspace_edit(self, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
        uri = self.snapshot.uri
        if self.document_changes:
            document = types.OptionalVersionedTextDocumentIdentifier(
                uri=uri, version=self.snapshot.version
            )
            return types.WorkspaceEdit(
                document_changes=[types.TextDocumentEdit(text_document=document, edits=edits)]
            )
        return types.WorkspaceEdit(changes={uri: edits})

    def replace(self, start: int, end: int, new: str) -> types.TextEdit:
        return types.TextEdit(range=lsp_range(self.lines, start, end), new_text=new)


def _ours(diagnostic: types.Diagnostic) -> dict[str, Any] | None:
    data = diagnostic.data
    if diagnostic.source != SOURCE or not isinstance(data, dict):
        return None
    if not isinstance(data.get("rule"), str) or not isinstance(data.get("fixes", []), list):
        return None
    return data


def rewrite_actions(diagnostic: types.Diagnostic, edits: Edits) -> list[types.CodeAction]:
    """One quick fix per rewrite of the finding; the first safe one is preferred."""
    data = _ours(diagnostic)
    if data is None:
        return []
    actions, preferred = [], False
    for fix in data.get("fixes", []):
        if not isinstance(fix, dict) or not isinstance(fix.get("new"), str):
            continue
        where = edits.offsets(fix.get("range"))
        old = fix.get("old")
        if where is None or edits.snapshot.text[where[0] : where[1]] != old:
            continue  # the text changed since the lint: this rewrite no longer fits
        safe = fix.get("safe") is True
        title = f"Rewrite “{old}” as “{fix['new']}”" + ("" if safe else " (unsafe fix)")
        actions.append(
            types.CodeAction(
                title=title,
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[diagnostic],
                edit=edits.workspace_edit([edits.replace(*where, fix["new"])]),
                is_preferred=True if safe and not preferred else None,
            )
        )
        preferred = preferred or safe
    return actions


def silence_action(diagnostic: types.Diagnostic, edits: Edits) -> types.CodeAction | None:
    """Insert the comment that silences the rule on the finding's line (Markdown, HTML)."""
    data = _ours(diagnostic)
    snapshot = edits.snapshot
    if data is None or snapshot.format not in ("markdown", "html"):
        return None
    start = edits.lines.offset(diagnostic.range.start.line, diagnostic.range.start.character)
    end = edits.lines.offset(diagnostic.range.end.line, diagnostic.range.end.character)
    if snapshot.text[start:end] != data.get("text"):
        return None
    insertion = silence(snapshot.text, snapshot.format, start, data["rule"])
    if insertion is None:
        return None
    edit = edits.replace(insertion.offset, insertion.offset, insertion.text)
    return types.CodeAction(
        title=f"Silence {data['rule']} on this line",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        edit=edits.workspace_edit([edit]),
    )


def has_safe_rewrite(diagnostics: list[types.Diagnostic]) -> bool:
    for diagnostic in diagnostics:
        data = _ours(diagnostic)
        if data and any(isinstance(f, dict) and f.get("safe") is True for f in data["fixes"]):
            return True
    return False


def fix_all_action(snapshot: Snapshot) -> types.CodeAction:
    """The fix-all action, its edit left to ``codeAction/resolve``."""
    return types.CodeAction(
        title="Apply every safe overclaim rewrite in the file",
        kind=FIX_ALL,
        data={"uri": snapshot.uri, "version": snapshot.version},
    )


def text_edits(edits: Edits, new_text: str) -> list[types.TextEdit]:
    """Small edits that turn the snapshot's text into ``new_text`` (word by word)."""
    old_tokens = _TOKEN.findall(edits.snapshot.text)
    new_tokens = _TOKEN.findall(new_text)
    old_at = _starts(old_tokens)
    new_at = _starts(new_tokens)
    matcher = SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
    return [
        edits.replace(old_at[i1], old_at[i2], new_text[new_at[j1] : new_at[j2]])
        for op, i1, i2, j1, j2 in matcher.get_opcodes()
        if op != "equal"
    ]


def _starts(tokens: list[str]) -> list[int]:
    """Where each token starts, and the end of the last."""
    starts, at = [0], 0
    for token in tokens:
        at += len(token)
        starts.append(at)
    return starts
