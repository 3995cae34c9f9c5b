"""What a document is linted with: its folder's project configuration and the client's
``overclaim`` settings, as one pipeline built once and reused while nothing changed."""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from lint.config import Settings, find_config, load_settings
from lint.data import SEVERITIES
from lint.pipeline import Pipeline, RunOptions

KEYS = ("rulebook", "model", "severity")
_IGNORED_KEYS = ("trace",)  # set by some clients for themselves
MAX_PIPELINES = 8


@dataclass(frozen=True)
class ClientSettings:
    """The client's ``overclaim`` settings.

    ``rulebook``: extra rulebook files or folders (as ``--rules``); ``severity``: overrides
    on top of the project's; ``model``: whether to use the claim model where there is one
    (stored for it; the rulebook is all there is today)."""

    rulebook: tuple[Path, ...] = ()
    model: bool = True
    severity: tuple[tuple[str, str], ...] = ()


def parse_client_settings(raw: Any, base: Path) -> tuple[ClientSettings, list[str]]:
    """The settings, and one line per problem in them (a bad value is left out).

    Relative rulebook paths start at ``base`` (the workspace folder)."""
    problems: list[str] = []
    if raw is None:
        return ClientSettings(), problems
    if not isinstance(raw, dict):
        return ClientSettings(), ["settings: 'overclaim' must be an object"]
    for key in raw:
        if key not in KEYS and key not in _IGNORED_KEYS:
            problems.append(f"settings: unknown key 'overclaim.{key}' (expected {', '.join(KEYS)})")
    rulebook = raw.get("rulebook") or []
    if isinstance(rulebook, str):
        rulebook = [rulebook]
    paths: list[Path] = []
    if not isinstance(rulebook, list) or not all(isinstance(p, str) for p in rulebook):
        problems.append("settings: 'overclaim.rulebook' must be a list of paths")
    else:
        for entry in rulebook:
            path = (base / Path(entry).expanduser()).resolve()
            if path.exists():
                paths.append(path)
            else:
                problems.append(f"settings: overclaim.rulebook: '{entry}' not found")
    model = raw.get("model", True)
    if not isinstance(model, bool):
        problems.append("settings: 'overclaim.model' must be true or false")
        model = True
    severity = raw.get("severity") or {}
    levels: list[tuple[str, str]] = []
    if not isinstance(severity, dict):
        problems.append("settings: 'overclaim.severity' must map rules to error, warning or info")
    else:
        for rule, level in severity.items():
            if level in SEVERITIES:
                levels.append((str(rule), level))
            else:
                problems.append(
                    f"settings: overclaim.severity: '{rule}' must be error, warning or info"
                )
    return ClientSettings(tuple(paths), model, tuple(levels)), problems


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


def _layer_stamps(paths: tuple[Path, ...]) -> tuple:
    """What changes when a rulebook layer (a file, or a folder of them) is edited."""
    stamps: list = []
    for layer in paths:
        files = sorted(layer.glob("*.y*ml")) if layer.is_dir() else [layer]
        stamps.extend((str(f), _stamp(f)) for f in files)
    return tuple(stamps)


class Configurations:
    """Pipelines by configuration: the nearest project configuration of a document's folder
    with the client's settings on top. A pipeline is built (rulebook compiled) once and
    reused until a file it was built from changes."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._settings: dict[tuple, Settings] = {}
        self._pipelines: OrderedDict[tuple, Pipeline] = OrderedDict()

    def clear(self) -> None:
        with self._lock:
            self._settings.clear()
            self._pipelines.clear()

    def settings_for(self, folder: Path, client: ClientSettings) -> Settings:
        """The project configuration nearest ``folder``, with the client's settings on top
        (OverclaimError when it is invalid)."""
        config = find_config(folder)
        key = (str(config), _stamp(config) if config else None)
        with self._lock:
            project = self._settings.get(key)
        if project is None:
            project = load_settings(config)
            with self._lock:
                self._settings[key] = project
        return replace(
            project,
            extend=(*project.extend, *client.rulebook),
            severity={**project.severity, **dict(client.severity)},
        )

    def pipeline_for(self, folder: Path, client: ClientSettings) -> Pipeline:
        """The pipeline for documents in ``folder``, its rulebook compiled."""
        settings = self.settings_for(folder, client)
        stamp = _stamp(Path(settings.source)) if settings.source else None
        key = (settings.source, stamp, client, _layer_stamps(settings.extend))
        with self._lock:
            pipeline = self._pipelines.get(key)
            if pipeline is not None:
                self._pipelines.move_to_end(key)
                return pipeline
        options = RunOptions(jobs=1, cache_root=settings.root, cache_results=False)
        pipeline = Pipeline(settings, options)
        pipeline.linter  # noqa: B018 (compile now: a bad rulebook fails here, once)
        with self._lock:
            self._pipelines[key] = pipeline
            while len(self._pipelines) > MAX_PIPELINES:
                self._pipelines.popitem(last=False)
        return pipeline
