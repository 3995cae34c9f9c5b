"""On-disk caches: the compiled rulebook (per user) and each file's findings (per project).

Findings are keyed by the file's content and format, under a key for the overclaim version,
the rulebook files and the settings, so a re-run over an unchanged site costs only hashing.

Nothing on disk can make overclaim run code. Every cache file starts with a header line that
names its format and the SHA-256 of what follows; a file whose header or checksum does not
match is treated as empty. Findings are JSON. The compiled rulebook is a pickle read by an
unpickler that can build only overclaim's own rule classes (an allowlist), never call
anything else. A cache folder reached through a symbolic link, or outside the project, is
not used.
"""

from __future__ import annotations

import gc
import hashlib
import io
import json
import os
import pickle
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lint import __version__
from lint.atomic import write_atomically
from lint.config import Settings
from lint.data import Finding, SourceText
from lint.rulebook.loading import shipped_rulebook_dir

if TYPE_CHECKING:
    from lint.engine.linter import Linter

CACHE_DIR = ".overclaim_cache"
FORMAT = 2  # of both kinds of cache file
KEEP = 4  # cache files of each kind kept per folder; older ones (older rulebooks) go

# What the compiled rulebook is made of: the only classes its unpickler may build.
_PICKLED_CLASSES = frozenset(
    {
        ("lint.engine.compile", "CompiledRule"),
        ("lint.engine.linter", "Linter"),
        ("lint.engine.triggers", "Link"),
        ("lint.engine.triggers", "Trigger"),
        ("lint.engine.triggers", "TriggerIndex"),
        ("lint.rulebook.fixspec", "Fix"),
        ("lint.rulebook.rules", "Category"),
        ("lint.rulebook.rules", "Cues"),
        ("lint.rulebook.rules", "Pattern"),
        ("lint.rulebook.rules", "Rule"),
        ("lint.rulebook.rules", "Rulebook"),
        ("lint.rulebook.yaml_safe", "MarkedDict"),
        ("lint.rulebook.yaml_safe", "MarkedList"),
        ("lint.rulebook.linear_regex", "LinearRegex"),
    }
)


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
        "model": _model_digest(settings),
        "select": settings.select,
        "ignore": settings.ignore,
        "severity": sorted(settings.severity.items()),
        "cues": sorted((k, v) for k, v in settings.cues.items()),
    }
    digest.update(json.dumps(described, sort_keys=True, default=str).encode())
    return digest.hexdigest()[:20]


def _model_digest(settings: Settings) -> str | None:
    """What identifies the claim model in use (None: the rules alone)."""
    folder = settings.model_folder()
    if folder is None:
        return None
    try:
        return (folder / "model.json").read_text(encoding="utf-8")
    except OSError:
        return str(folder)


def content_key(source: SourceText) -> str:
    return hashlib.sha256(
        f"{source.format}\0{source.text}".encode("utf-8", "surrogatepass")
    ).hexdigest()


def sealed(kind: str, payload: bytes) -> bytes:
    """A cache file: a header line (kind, format, checksum), then the payload."""
    header = {
        "overclaim-cache": kind,
        "format": FORMAT,
        "sha256": hashlib.sha256(payload).hexdigest(),
    }
    return json.dumps(header).encode() + b"\n" + payload


def unsealed(kind: str, data: bytes) -> bytes | None:
    """The payload of a cache file of this kind, or None if anything about it is off."""
    head, _, payload = data.partition(b"\n")
    try:
        header = json.loads(head)
    except ValueError:
        return None
    expected = {
        "overclaim-cache": kind,
        "format": FORMAT,
        "sha256": hashlib.sha256(payload).hexdigest(),
    }
    return payload if header == expected else None


class _RulebookUnpickler(pickle.Unpickler):
    """Builds only the classes of a compiled rulebook; anything else is refused."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in _PICKLED_CLASSES:
            raise pickle.UnpicklingError(f"{module}.{name} is not part of a compiled rulebook")
        return super().find_class(module, name)


def _unpickle_rulebook(data: bytes) -> Any:
    """Unpickle without the garbage collector, which would otherwise scan the many new
    objects over and over (three times slower), then set them aside from it for good: they
    live as long as the process, and one scan of them costs more than linting a page."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        linter = _RulebookUnpickler(io.BytesIO(data)).load()
        gc.freeze()
        return linter
    finally:
        if collecting:
            gc.enable()


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
    _prune(path)


def _no_link_below(root: Path, folder: Path) -> bool:
    """Whether no part of ``folder`` below ``root`` is a symbolic link."""
    current = root
    for part in folder.relative_to(root).parts:
        current = current / part
        if current.is_symlink():
            return False
    return True


class Cache:
    """The cache folder of one project (created with a .gitignore that ignores it)."""

    def __init__(self, root: Path, settings: Settings, results: bool = True):
        self.folder = root / CACHE_DIR
        # A cache folder behind a link (say, a committed one) could send writes anywhere.
        self.usable = _no_link_below(root, self.folder / __version__)
        self.results_enabled = results and self.usable
        self.key = settings_key(settings)
        self.settings = settings
        self._results_path = self.folder / __version__ / f"results-{self.key}.json"
        self._results: dict[str, Any] | None = None
        self._dirty = False

    def linter(self) -> Linter:
        """The linter for these settings, compiled once per machine and then loaded.

        Compiled rulebooks live in the user's cache folder (they depend only on the rulebook
        files and settings, not on the project), or in the project's when that is not writable.
        """
        from lint.engine.linter import Linter

        name = f"linter-{self.key}.pickle"
        places = [user_cache_dir() / __version__ / name]
        if self.usable:
            places.append(self.folder / __version__ / name)
        for path in places:
            linter = self._read_linter(path)
            if isinstance(linter, Linter):
                return linter
        linter = Linter.for_settings(self.settings)
        data = sealed("rulebook", pickle.dumps(linter))
        try:
            _write(places[0], data)
        except OSError:
            if self.usable:
                self._store(places[1], data)
        return linter

    @staticmethod
    def _read_linter(path: Path) -> Any:
        try:
            payload = unsealed("rulebook", path.read_bytes())
            return _unpickle_rulebook(payload) if payload is not None else None
        except (OSError, pickle.PickleError, EOFError, AttributeError, ValueError, TypeError):
            return None
        except Exception:  # any other failure of a damaged file: compile again
            return None

    def _load_results(self) -> dict[str, Any]:
        if self._results is None:
            loaded = None
            try:
                payload = unsealed("results", self._results_path.read_bytes())
                loaded = json.loads(payload) if payload is not None else None
            except (OSError, ValueError):
                pass
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
        except (TypeError, KeyError, AttributeError, ValueError):
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
            self._store(
                self._results_path, sealed("results", data.encode("utf-8", "surrogatepass"))
            )
            self._dirty = False

    def _store(self, path: Path, data: bytes) -> None:
        try:
            ignore = self.folder / ".gitignore"
            if not ignore.exists():
                write_atomically(ignore, b"# Created by overclaim.\n*\n", durable=False)
            _write(path, data)
        except OSError:
            pass  # a read-only project still lints, only without a cache
