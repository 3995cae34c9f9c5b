"""Where files are, for reports that code-hosting services read: relative to the repository."""

from __future__ import annotations

import os
from pathlib import Path


def repository_root(start: Path) -> Path:
    """The root of the git repository holding ``start`` (its nearest folder with ``.git``),
    or ``start`` itself outside a repository."""
    folder = Path(os.path.realpath(start))
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return folder


def relative_path(path: str, root: Path) -> str:
    """``path`` relative to ``root``, with forward slashes; as given when outside it."""
    try:
        relative = Path(os.path.realpath(path)).relative_to(os.path.realpath(root))
    except ValueError:
        relative = Path(path)
    text = relative.as_posix()
    return text[2:] if text.startswith("./") else text
