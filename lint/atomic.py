"""Write files so that a failure never leaves one half-written."""

from __future__ import annotations

import os
from pathlib import Path


def write_atomically(
    path: Path, data: bytes, mode: int | None = None, durable: bool = True
) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, renamed over
    it: a failure at any point leaves what was there intact and no temporary file behind.

    ``mode`` sets the file's permissions; ``durable`` syncs the data to disk before the rename
    (a cache can do without).
    """
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            if durable:
                out.flush()
                os.fsync(out.fileno())
        if mode is not None:
            os.chmod(temporary, mode & 0o7777)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
