"""Write files so that a failure never leaves one half-written."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path


def _default_mode() -> int:
    """The mode a new file gets from the user's umask (0644 under umask 022)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomically(
    path: Path,
    data: bytes,
    mode: int | None = None,
    durable: bool = True,
    owner: tuple[int, int] | None = None,
    before_replace: Callable[[], None] | None = None,
) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, renamed over
    it: a failure at any point leaves what was there intact and no temporary file behind.

    ``mode`` sets the file's permissions (default: those of the file it replaces, or what
    the umask gives a new file); ``owner`` its user and group; ``durable`` syncs the data to
    disk before the rename (a cache can do without); ``before_replace`` runs just before the
    rename and may raise to call it off.
    """
    import tempfile

    if mode is None:
        try:
            mode = stat.S_IMODE(path.stat().st_mode)
        except OSError:
            mode = _default_mode()
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            if durable:
                out.flush()
                os.fsync(out.fileno())
        os.chmod(temporary, mode & 0o7777)
        if owner is not None:
            os.chown(temporary, *owner)
        if before_replace is not None:
            before_replace()
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_output(path: Path, data: bytes) -> None:
    """Write a report or baseline: atomically to a regular file (through a link to one), or
    straight to a device or pipe such as /dev/null or /dev/stdout, never replacing it."""
    target = Path(os.path.realpath(path))
    try:
        info = target.stat()
    except FileNotFoundError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(21, "is a folder", str(path))
        with open(target, "wb") as out:
            out.write(data)
        return
    write_atomically(target, data)
