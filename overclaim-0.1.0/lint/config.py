"""Project configuration: [tool.overclaim] in pyproject.toml, .overclaim.yaml or .overclaim.toml.

Found by walking up from the first linted path; command-line flags override it.
"""

from __future__ import annotations

import fnmatch
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from lint.data import SEVERITIES, OverclaimError, excerpt

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib  # type: ignore[import-not-found]

CONFIG_FILES = (".overclaim.yaml", ".overclaim.toml", "pyproject.toml")
FAIL_ON = ("error", "warning", "info", "never")
KEYS = (
    "extend",
    "select",
    "ignore",
    "severity",
    "per-file-ignores",
    "exclude",
    "fail-on",
    "cues",
    "model",
)


@dataclass(frozen=True)
class Settings:
    """What to lint with: rulebook layers, rule selection, severities, ignores and exclusions."""

    root: Path = field(default_factory=Path.cwd)  # relative paths and globs start here
    source: str | None = None  # the configuration file, if one was found
    extend: tuple[Path, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    exclude: tuple[str, ...] = ()
    fail_on: str = "warning"
    cues: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # The claim model: True for the shipped one, False for the rules alone, or a folder.
    model: bool | Path = True
    locations: dict[str, str] = field(default_factory=dict)  # key -> "file:line" it was set at

    def model_folder(self) -> Path | None:
        """The folder of the claim model in use, or None when it is switched off."""
        if self.model is False:
            return None
        if self.model is True:
            from lint.model.claim_model import shipped_model_dir

            return shipped_model_dir()
        return self.model

    def relative(self, path: Path) -> str:
        """The path relative to the configuration's folder (as given, when outside it)."""
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    def excluded(self, path: Path) -> bool:
        if not self.exclude:
            return False
        relative = self.relative(path)
        return any(path_matches(relative, glob) for glob in self.exclude)


def path_matches(relative: str, glob: str) -> bool:
    """gitignore-like: a glob matches the path, any parent folder, or (without /) any name."""
    glob = glob.rstrip("/")
    parts = relative.split("/")
    candidates = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    if "/" not in glob:
        candidates += parts
    return any(fnmatch.fnmatchcase(c, glob) for c in candidates)


def find_config(start: Path) -> Path | None:
    """The nearest configuration file at or above ``start``."""
    folder = start.resolve()
    if not folder.is_dir():
        folder = folder.parent
    for directory in (folder, *folder.parents):
        for name in CONFIG_FILES:
            candidate = directory / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_tool_section(candidate)):
                return candidate
    return None


def _has_tool_section(pyproject: Path) -> bool:
    try:
        return "overclaim" in tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False


def load_settings(config: Path | None) -> Settings:
    """Settings from a configuration file (or the defaults when there is none)."""
    if config is None:
        return Settings()
    if not config.is_file():
        raise OverclaimError(f"{config}: configuration file not found")
    if config.suffix in (".yaml", ".yml"):
        from lint.rulebook.yaml_safe import load_yaml

        data = load_yaml(config) or {}
        where = _yaml_locator(config, data)
    else:
        text = _read(config)
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            found = re.search(r"line (\d+)", str(exc))
            line = found.group(1) if found else max(1, len(text.splitlines()))
            raise OverclaimError(f"{config}:{line}: invalid TOML: {exc}") from None
        if config.name == "pyproject.toml":
            data = data.get("tool", {}).get("overclaim", {})
        where = _toml_locator(config, text)
    if not isinstance(data, dict):
        raise OverclaimError(f"{where([])}: the configuration must be a mapping of keys")
    return _parse(config, data, where)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise OverclaimError(f"{path}: cannot read configuration: {exc}") from None


def _yaml_locator(config: Path, data):
    from lint.rulebook.yaml_safe import locate

    def where(path: list) -> str:
        line, column = locate(data, path)
        return f"{config}:{line}:{column}"

    return where


def _toml_locator(config: Path, text: str):
    lines = text.splitlines()

    def where(path: list) -> str:
        key = next((p for p in reversed(path) if isinstance(p, str)), None)
        if key is not None:
            pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
            for number, line in enumerate(lines, 1):
                if pattern.match(line):
                    return f"{config}:{number}"
            header = re.compile(rf"^\s*\[.*\b{re.escape(key)}\b.*\]")
            for number, line in enumerate(lines, 1):
                if header.match(line):
                    return f"{config}:{number}"
        return f"{config}:1"

    return where


def _parse(config: Path, data: dict, where) -> Settings:
    root = config.parent

    def fail(path: list, message: str) -> OverclaimError:
        return OverclaimError(f"{where(path)}: {message}")

    def strings(key: str) -> tuple[str, ...]:
        value = data.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail([key], f"'{key}' must be a list of strings")
        return tuple(value)

    for key in data:
        if key not in KEYS:
            raise fail([key], f"unknown key {excerpt(key)} (expected one of: {', '.join(KEYS)})")
    extend = []
    for entry in strings("extend"):
        path = (root / entry).resolve()
        if not path.exists():
            raise fail(["extend"], f"extend: {excerpt(entry, 80)} not found")
        extend.append(path)
    severity = data.get("severity", {})
    if not isinstance(severity, dict):
        raise fail(["severity"], "'severity' must map rule ids to error, warning or info")
    for rule, level in severity.items():
        if level not in SEVERITIES:
            raise fail(["severity", rule], f"severity of '{rule}' must be error, warning or info")
    per_file = data.get("per-file-ignores", {})
    if not isinstance(per_file, dict) or not all(
        isinstance(v, list) and all(isinstance(x, str) for x in v) for v in per_file.values()
    ):
        raise fail(["per-file-ignores"], "'per-file-ignores' must map globs to lists of rules")
    fail_on = data.get("fail-on", "warning")
    if fail_on not in FAIL_ON:
        raise fail(["fail-on"], f"'fail-on' must be one of {', '.join(FAIL_ON)}")
    model = data.get("model", True)
    if isinstance(model, str):
        model = (root / model).resolve()
        if not model.is_dir():
            raise fail(["model"], f"model: {excerpt(str(model), 80)} is not a folder")
    elif not isinstance(model, bool):
        raise fail(["model"], "'model' must be true, false or the folder of a trained model")
    cues = data.get("cues", {})
    if not isinstance(cues, dict):
        raise fail(["cues"], "'cues' must map cue lists to words")
    cue_lists = _cue_names()
    for name, words in cues.items():
        if name not in cue_lists:
            raise fail(
                ["cues", name],
                f"unknown cue list {excerpt(name)} (expected one of: {', '.join(cue_lists)})",
            )
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise fail(["cues", name], f"cues {excerpt(name)} must be a list of strings")
    return Settings(
        root=root,
        source=str(config),
        extend=tuple(extend),
        select=strings("select"),
        ignore=strings("ignore"),
        severity=dict(severity),
        per_file_ignores={k: tuple(v) for k, v in per_file.items()},
        exclude=strings("exclude"),
        fail_on=fail_on,
        cues={k: tuple(v) for k, v in cues.items()},
        model=model,
        locations={key: where([key]) for key in data},
    )


def _cue_names() -> tuple[str, ...]:
    from lint.rulebook.loading import schema_path
    from lint.rulebook.schema import cue_names

    return cue_names(schema_path())
