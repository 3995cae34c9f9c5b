"""What the client said it can do, as far as overclaim cares."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lsprotocol import types


def _capability(capabilities: types.ClientCapabilities, path: str) -> Any:
    """The capability at a dotted path ("workspace.configuration"), or None."""
    value: Any = capabilities
    for name in path.split("."):
        value = getattr(value, name, None)
        if value is None:
            return None
    return value


@dataclass(frozen=True)
class Client:
    """What the client said it can do, as far as overclaim cares."""

    pull: bool = False  # pulls diagnostics: no pushing then
    refresh: bool = False  # accepts workspace/diagnostic/refresh
    configuration: bool = False  # answers workspace/configuration
    watch: bool = False  # lets the server register file watchers
    configuration_changes: bool = False  # lets the server register for configuration changes
    markdown: bool = False  # renders Markdown hovers
    resolve_edit: bool = False  # resolves a code action's edit later
    document_changes: bool = False  # takes versioned document edits

    @classmethod
    def of(cls, caps: types.ClientCapabilities) -> Client:
        def has(path: str) -> bool:
            return bool(_capability(caps, path))

        hover = _capability(caps, "text_document.hover.content_format") or []
        resolve = _capability(caps, "text_document.code_action.resolve_support.properties")
        return cls(
            pull=_capability(caps, "text_document.diagnostic") is not None,
            refresh=has("workspace.diagnostics.refresh_support"),
            configuration=has("workspace.configuration"),
            watch=has("workspace.did_change_watched_files.dynamic_registration"),
            configuration_changes=has("workspace.did_change_configuration.dynamic_registration"),
            markdown=types.MarkupKind.Markdown in hover,
            resolve_edit="edit" in (resolve or []),
            document_changes=has("workspace.workspace_edit.document_changes"),
        )
