"""The input, filter and output stages, the configuration and the pipeline itself import no
spaCy: only the engine does, and only when a sentence needs a parse."""

from __future__ import annotations

import json
import subprocess
import sys

STAGES = [
    "lint",
    "lint.cli",
    "lint.config",
    "lint.pipeline",
    "lint.input.discovery",
    "lint.input.reading",
    "lint.input.formats",
    "lint.input.sentences",
    "lint.filters",
    "lint.filters.baseline",
    "lint.filters.fingerprints",
    "lint.filters.suppressions",
    "lint.output",
    "lint.output.text",
    "lint.output.json_report",
    "lint.output.sarif",
    "lint.output.github",
    "lint.output.junit",
    "lint.output.gitlab",
    "lint.output.html",
    "lint.output.fixer",
    "lint.rulebook.loading",
    "lint.rulebook.selection",
    "lint.run.cache",
    "lint.server.protocol",  # the language server loads the model at initialize, not import
]


def test_stages_other_than_the_engine_import_no_spacy():
    script = (
        "import importlib, json, sys\n"
        f"for name in {STAGES!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert json.loads(result.stdout) == []


def test_the_check_fails_when_a_stage_does_import_spacy():
    script = "import lint.output, spacy, sys; print('spacy' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "True"


def test_every_engine_module_imports_first_on_its_own():
    """No import cycle: each engine module can be the first one a process imports (as
    ``overclaim explain`` imports the context stage before the rewrites)."""
    import pkgutil

    import lint.engine

    names = [f"lint.engine.{m.name}" for m in pkgutil.iter_modules(lint.engine.__path__)]
    names += [
        f"lint.engine.rewrite.{m.name}"
        for m in pkgutil.iter_modules([f"{lint.engine.__path__[0]}/rewrite"])
    ]
    for name in names:
        result = subprocess.run(
            [sys.executable, "-c", f"import {name}"], capture_output=True, text=True
        )
        assert result.returncode == 0, f"{name}: {result.stderr.strip().splitlines()[-1:]}"
