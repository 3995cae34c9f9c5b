"""Find the files to lint: named files as given, folders searched for known extensions."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from lint.input.reading import FORMATS_BY_SUFFIX

if TYPE_CHECKING:
    import pathspec


@dataclass
class Discovery:
    """The files to lint, and the files passed over with the reason why."""

    files: list[Path] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # one line each, naming the path


class _GitIgnores:
    """The .gitignore files that apply under a folder, including those of its parents."""

    def __init__(self) -> None:
        self._specs: dict[Path, pathspec.PathSpec | None] = {}
        self._applying: dict[Path, list[tuple[Path, pathspec.PathSpec]]] = {}

    def _spec(self, folder: Path) -> pathspec.PathSpec | None:
        if folder not in self._specs:
            ignore = folder / ".gitignore"
            spec = None
            if ignore.is_file():
                import pathspec  # only where a .gitignore is found

                try:
                    lines = ignore.read_text(encoding="utf-8", errors="replace").splitlines()
                    spec = pathspec.GitIgnoreSpec.from_lines(lines)
                except (OSError, ValueError):
                    spec = None
            self._specs[folder] = spec
        return self._specs[folder]

    def _applying_to(self, folder: Path) -> list[tuple[Path, pathspec.PathSpec]]:
        """The .gitignore specs of a folder and its parents, up to the repository's root."""
        if folder not in self._applying:
            own = self._spec(folder)
            found = [(folder, own)] if own is not None else []
            at_root = (folder / ".git").exists() or folder.parent == folder
            self._applying[folder] = found + ([] if at_root else self._applying_to(folder.parent))
        return self._applying[folder]

    def any_in(self, folder: Path) -> bool:
        """Whether any .gitignore applies to what is in this folder."""
        return bool(self._applying_to(folder.absolute()))

    def ignored(self, path: Path) -> bool:
        path = path.absolute()
        suffix = "/" if path.is_dir() else ""
        return any(
            spec.match_file(path.relative_to(folder).as_posix() + suffix)
            for folder, spec in self._applying_to(path.parent)
        )


def discover(
    paths: list[str | Path],
    excluded: Callable[[Path], bool] | None = None,
    force_exclude: bool = False,
) -> Discovery:
    """Files to lint: named files as given, folders searched for known extensions.

    In folders, files and folders that .gitignore or the configuration's ``exclude`` name are
    passed over, and so is every hidden folder (``.git``, ``.venv``, ...). With
    ``force_exclude``, ``exclude`` applies to files named explicitly too.
    """
    found = Discovery()
    gitignores = _GitIgnores()
    for raw in paths:
        path = Path(raw)
        try:
            if path.is_file() and force_exclude and excluded and excluded(path):
                found.skipped.append((path, "excluded by configuration"))
            elif path.is_file():
                found.files.append(path)
            elif path.is_dir():
                _walk(path, found, gitignores, excluded)
            elif path.is_symlink():
                found.errors.append(f"{path}: broken or looping symbolic link")
            else:
                found.errors.append(f"{path}: no such file or folder")
        except OSError as exc:
            found.errors.append(f"{path}: {exc.strerror or exc}")
    found.files = list({os.path.realpath(f): f for f in reversed(found.files)}.values())[::-1]
    return found


def _walk(root: Path, found: Discovery, gitignores: _GitIgnores, excluded) -> None:
    """Walk a folder, following symbolic links but never into a folder twice: a second link
    to a folder already searched is passed over, a link back to a folder above it reported."""
    visited: set[tuple[int, int]] = set()

    def first_visit(folder: Path) -> bool:
        info = folder.stat()
        key = (info.st_dev, info.st_ino)
        if key in visited:
            return False
        visited.add(key)
        return True

    first_visit(root)
    errors = found.errors
    for folder, subfolders, files in os.walk(
        root, followlinks=True, onerror=lambda e: errors.append(f"{e.filename}: {e.strerror}")
    ):
        base = Path(folder)
        ignoring = gitignores.any_in(base)
        keep = []
        for name in sorted(subfolders):
            sub = base / name
            try:
                new = first_visit(sub)
            except OSError as exc:
                found.errors.append(f"{sub}: {exc.strerror or exc}")
                continue
            if not new and _loops_back(sub, base):
                found.errors.append(f"{sub}: folder loop via symbolic link (already searched)")
            elif not new:
                found.skipped.append((sub, "the same folder as one already searched"))
            elif name.startswith("."):
                found.skipped.append((sub, "hidden folder"))
            elif excluded and excluded(sub):
                found.skipped.append((sub, "excluded by configuration"))
            elif ignoring and gitignores.ignored(sub):
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
            elif ignoring and gitignores.ignored(file):
                found.skipped.append((file, "ignored by .gitignore"))
            else:
                found.files.append(file)


def _loops_back(link: Path, base: Path) -> bool:
    """Whether the folder ``link`` leads to holds ``base`` (or is it): following it loops."""
    target = os.path.realpath(link)
    here = os.path.realpath(base)
    return here == target or here.startswith(target.rstrip(os.sep) + os.sep)
