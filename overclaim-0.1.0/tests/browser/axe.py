"""axe-core, the accessibility engine the browser tests inject into the report.

Fetched once with npm (``npm pack``, which checks the package against the registry's
integrity hash) into tests/browser/.cache/; ``python tests/browser/axe.py`` fetches it ahead
of a run, as .ci/run does. axe-core is MPL-2.0; its licence is kept beside the script.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

AXE_VERSION = "4.14.1"
CACHE = Path(__file__).resolve().parent / ".cache" / f"axe-core-{AXE_VERSION}"


def axe_script() -> Path | None:
    """The path of axe.min.js, fetched with npm when it is not cached; None without npm."""
    script = CACHE / "axe.min.js"
    if script.is_file():
        return script
    npm = shutil.which("npm")
    if npm is None:
        return None
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(
            [npm, "pack", f"axe-core@{AXE_VERSION}", "--pack-destination", folder, "--silent"],
            check=True,
            capture_output=True,
            timeout=300,
        )
        (archive,) = Path(folder).glob("axe-core-*.tgz")
        with tarfile.open(archive) as tar:
            CACHE.mkdir(parents=True, exist_ok=True)
            for name in ("axe.min.js", "LICENSE"):
                member = tar.extractfile(f"package/{name}")
                if member is not None:
                    (CACHE / name).write_bytes(member.read())
    return script if script.is_file() else None


if __name__ == "__main__":
    path = axe_script()
    print(path or "npm is not installed: the accessibility test will be skipped")
    sys.exit(0)
