"""A model's weight files are checked against the hashes its manifest records."""

from __future__ import annotations

import hashlib
from pathlib import Path

from lint.data import OverclaimError

MANIFEST = "model.json"


def verified(path: Path, expected: str | None) -> bytes:
    """The file's bytes, or an OverclaimError when they are missing or do not match the
    recorded SHA-256."""
    try:
        data = path.read_bytes()
    except OSError:
        data = None
    if data is None or hashlib.sha256(data).hexdigest() != expected:
        raise OverclaimError(
            f"{path}: does not match the hash recorded in {MANIFEST}; "
            "the model is damaged or was changed (train it again, or reinstall overclaim)"
        )
    return data
