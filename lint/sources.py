"""Find input files and read them as decoded text."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pathspec

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


@dataclass
class Discovery:
    """The files to lint, and the files passed over with the reason why."""

    files: list[Path] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)


class _GitIgnores:
    """The .gitignore files that apply under a folder, including those of its parents."""

    def __init__(self) -> None:
        self._specs: dict[Path, pathspec.PathSpec | None] = {}

    def _spec(self, folder: Path) -> pathspec.PathSpec | None:
        if folder not in self._specs:
            ignore = folder / ".gitignore"
            spec = None
            if ignore.is_file():
                try:
                    lines = ignore.read_text(encoding="utf-8", errors="replace").splitlines()
                    spec = pathspec.GitIgnoreSpec.from_lines(lines)
                except (OSError, ValueError):
                    spec = None
            self._specs[folder] = spec
        return self._specs[folder]

    def ignored(self, path: Path) -> bool:
        path = path.absolute()
        for folder in path.parents:
            spec = self._spec(folder)
            if spec is not None:
                relative = path.relative_to(folder).as_posix()
                if path.is_dir():
                    relative += "/"
                if spec.match_file(relative):
                    return True
            if (folder / ".git").exists():
                break
        return False


def discover(paths: list[str | Path], excluded: Callable[[Path], bool] | None = None) -> Discovery:
    """Files to lint: named files as given, folders searched for known extensions.

    In folders, files and folders that .gitignore or the configuration's ``exclude`` name are
    passed over, and so is every hidden folder (``.git``, ``.venv``, ...).
    """
    found = Discovery()
    gitignores = _GitIgnores()
    for raw in paths:
        path = Path(raw)
        if path.is_file():
            found.files.append(path)
        elif path.is_dir():
            _walk(path, found, gitignores, excluded)
        else:
            raise OverclaimError(f"{path}: no such file or folder")
    found.files = list(dict.fromkeys(found.files))
    return found


def _walk(root: Path, found: Discovery, gitignores: _GitIgnores, excluded) -> None:
    for folder, subfolders, files in os.walk(root):
        base = Path(folder)
        keep = []
        for name in sorted(subfolders):
            sub = base / name
            if name.startswith("."):
                found.skipped.append((sub, "hidden folder"))
            elif excluded and excluded(sub):
                found.skipped.append((sub, "excluded by configuration"))
            elif gitignores.ignored(sub):
                found.skipped.append((sub, "ignored by .gitignore"))
            else:
                keep.append(name)
        subfolders[:] = keep
        for name in sorted(files):
            file = base / name
            if file.suffix.lower() not in FORMATS_BY_SUFFIX:
                continue
            if excluded and excluded(file):
                found.skipped.append((file, "excluded by configuration"))
            elif gitignores.ignored(file):
                found.skipped.append((file, "ignored by .gitignore"))
            else:
                found.files.append(file)


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
