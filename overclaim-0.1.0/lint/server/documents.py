"""Open documents as overclaim reads them: the format, the path and the text of a version."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from lint.data import SourceText
from lint.input.reading import FORMATS_BY_SUFFIX

# Language ids editors give prose documents, and the format overclaim reads each one as.
FORMATS_BY_LANGUAGE = {
    "markdown": "markdown",
    "md": "markdown",
    "html": "html",
    "htm": "html",
    "plaintext": "plain",
    "text": "plain",
    "txt": "plain",
}


def uri_to_path(uri: str) -> Path | None:
    """The file a ``file:`` URI names; None for other schemes (unsaved buffers)."""
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    path = unquote(parsed.path)
    if os.name == "nt" and path.startswith("/") and path[2:3] == ":":  # pragma: no cover
        path = path[1:]
    return Path(path)


def format_of(uri: str, language_id: str | None) -> str | None:
    """The format to read a document as: from its language id, else its extension; None
    when it is not prose overclaim reads (source code, say)."""
    if language_id and language_id.lower() in FORMATS_BY_LANGUAGE:
        return FORMATS_BY_LANGUAGE[language_id.lower()]
    suffix = os.path.splitext(urlparse(uri).path)[1].lower()
    return FORMATS_BY_SUFFIX.get(suffix)


@dataclass(frozen=True)
class Snapshot:
    """One version of an open document."""

    uri: str
    version: int
    text: str
    language_id: str | None = None

    @property
    def path(self) -> Path | None:
        return uri_to_path(self.uri)

    @property
    def format(self) -> str | None:
        return format_of(self.uri, self.language_id)

    def source(self) -> SourceText:
        """The document as the pipeline reads it (named by its path, or its URI if unsaved)."""
        path = self.path
        return SourceText(str(path) if path else self.uri, self.text, self.format or "plain")
