"""Find input files and read them as decoded text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from lint.model import OverclaimError, SourceText

FORMATS_BY_SUFFIX = {
    ".txt": "plain",
    ".text": "plain",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}


def format_for(path: str | Path) -> str:
    """The format a file is read as, from its extension (unknown types are plain text)."""
    return FORMATS_BY_SUFFIX.get(Path(path).suffix.lower(), "plain")


def discover(paths: list[str | Path], excluded: Callable[[Path], bool] | None = None) -> list[Path]:
    """Files to lint: named files as given, folders searched for known extensions."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(
                p
                for p in sorted(path.rglob("*"))
                if p.is_file()
                and p.suffix.lower() in FORMATS_BY_SUFFIX
                and not (excluded and excluded(p))
            )
        elif path.is_file():
            found.append(path)
        else:
            raise OverclaimError(f"{path}: no such file or folder")
    return list(dict.fromkeys(found))


def decode(data: bytes, path: str) -> str:
    """UTF-8 text (a BOM is dropped); line endings are kept as they are."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise OverclaimError(
            f"{path}: not valid UTF-8 (byte {exc.start}: 0x{data[exc.start]:02x})"
        ) from None
    return text[1:] if text.startswith("\ufeff") else text


def read_source(path: Path) -> SourceText:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise OverclaimError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return SourceText(path=str(path), text=decode(data, str(path)), format=format_for(path))
