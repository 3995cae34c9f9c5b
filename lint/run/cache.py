"""On-disk caches in .overclaim_cache/: the compiled rulebook and each file's findings.

Findings are keyed by the file's content and format, under a key for the overclaim version,
the rulebook files and the settings, so a re-run over an unchanged site costs only hashing.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import pickle
from pathlib import Path
from typing import TYPE_CHECKING

from lint import __version__
from lint.atomic import write_atomically
from lint.config import Settings
from lint.data import Finding, SourceText
from lint.rulebook.loading import shipped_rulebook_dir

if TYPE_CHECKING:
    from lint.engine.linter import Linter

CACHE_DIR = ".overclaim_cache"


def user_cache_dir() -> Path:
    """$OVERCLAIM_CACHE_DIR, else $XDG_CACHE_HOME/overclaim, else ~/.cache/overclaim."""
    if os.environ.get("OVERCLAIM_CACHE_DIR"):
        return Path(os.environ["OVERCLAIM_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "overclaim"


def _rulebook_files(settings: Settings) -> list[Path]:
    files = []
    for layer in (shipped_rulebook_dir(), *settings.extend):
        files.extend(sorted(layer.glob("*.y*ml")) if layer.is_dir() else [layer])
    return files


def settings_key(settings: Settings) -> str:
    """A digest of everything findings depend on besides the file itself."""
    digest = hashlib.sha256(__version__.encode())
    # The package's own files too, so an edited checkout never reads stale results.
    for module in sorted(Path(__file__).parents[1].rglob("*.py")):
        stat = module.stat()
        digest.update(f"{module.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    for file in _rulebook_files(settings):
        digest.update(str(file).encode())
        digest.update(file.read_bytes())
    described = {
        "select": settings.select,
        "ignore": settings.ignore,
        "severity": sorted(settings.severity.items()),
        "cues": sorted((k, v) for k, v in settings.cues.items()),
    }
    digest.update(json.dumps(described, sort_keys=True, default=str).encode())
    return digest.hexdigest()[:20]


def content_key(source: SourceText) -> str:
    return hashlib.sha256(f"{source.format}\0{source.text}".encode()).hexdigest()


def _unpickle(data: bytes):
    """Unpickle without the garbage collector, which would otherwise scan the many new
    objects over and over (three times slower)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        return pickle.loads(data)
    finally:
        if collecting:
            gc.enable()


KEEP = 4  # cache files of each kind kept per folder; older ones (older rulebooks) go


def _prune(path: Path) -> None:
    """Remove all but the newest few cache files of the kind of ``path``."""
    kind = path.name.split("-", 1)[0]
    try:
        files = sorted(path.parent.glob(f"{kind}-*{path.suffix}"), key=lambda p: p.stat().st_mtime)
        for old in files[:-KEEP]:
            old.unlink(missing_ok=True)
    except OSError:
        pass


def _write(path: Path, data: bytes) -> None:
    write_atomically(path, data, durable=False)
    if path.suffix in (".pickle", ".json"):
        _prune(path)


class Cache:
    """The cache folder of one project (created with a .gitignore that ignores it)."""

    def __init__(self, root: Path, settings: Settings, results: bool = True):
        self.results_enabled = results
        self.folder = root / CACHE_DIR
        self.key = settings_key(settings)
        self.settings = settings
        self._results_path = self.folder / __version__ / f"results-{self.key}.json"
        self._results: dict[str, list[dict]] | None = None
        self._dirty = False

    def linter(self) -> Linter:
        """The linter for these settings, compiled once per machine and then loaded.

        Compiled rulebooks live in the user's cache folder (they depend only on the rulebook
        files and settings, not on the project), or in the project's when that is not writable.
        """
        from lint.engine.linter import Linter  # unpickling a Linter imports it anyway

        name = f"linter-{self.key}.pickle"
        places = [user_cache_dir() / __version__ / name, self.folder / __version__ / name]
        for path in places:
            try:
                linter = _unpickle(path.read_bytes())
            except (OSError, pickle.PickleError, EOFError, AttributeError, ValueError, TypeError):
                continue
            if isinstance(linter, Linter):
                return linter
        linter = Linter.for_settings(self.settings)
        data = pickle.dumps(linter)
        try:
            _write(places[0], data)
        except OSError:
            self._store(places[1], data)
        return linter

    def _load_results(self) -> dict[str, list[dict]]:
        if self._results is None:
            try:
                loaded = json.loads(self._results_path.read_bytes())
            except (OSError, ValueError):
                loaded = None
            self._results = loaded if isinstance(loaded, dict) else {}
        return self._results

    def findings(self, source: SourceText) -> list[Finding] | None:
        """The cached findings of a source, or None."""
        if not self.results_enabled:
            return None
        stored = self._load_results().get(content_key(source))
        if not isinstance(stored, list):
            return None
        try:
            return [Finding.from_dict(f, source.path) for f in stored]
        except (TypeError, KeyError, AttributeError):
            return None  # an entry of another shape: lint the file again

    def remember(self, source: SourceText, findings: list[Finding]) -> None:
        if not self.results_enabled:
            return
        self._load_results()[content_key(source)] = [
            {k: v for k, v in f.to_dict().items() if k != "path"} for f in findings
        ]
        self._dirty = True

    def save(self) -> None:
        if self._dirty and self._results is not None:
            data = json.dumps(self._results, ensure_ascii=False, separators=(",", ":"))
            self._store(self._results_path, data.encode("utf-8", "surrogatepass"))
            self._dirty = False

    def _store(self, path: Path, data: bytes) -> None:
        try:
            ignore = self.folder / ".gitignore"
            if not ignore.exists():
                _write(ignore, b"# Created by overclaim.\n*\n")
            _write(path, data)
        except OSError:
            pass  # a read-only project still lints, only without a cache
