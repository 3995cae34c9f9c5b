"""Shared fixtures: the linter with the shipped rulebook, and the ../shared folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from lint.cli import main
from lint.engine.linter import Linter
from lint.pipeline import Pipeline, default_linter

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test when that folder is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available (the ../shared folder ships with the project's CI)")
    return path


def run_python(script: str, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """The script run by a fresh Python process: its own imports, threads and exit."""
    return subprocess.run(
        [sys.executable, "-c", script, *args], cwd=cwd, capture_output=True, text=True
    )


def invoke_in(
    cwd: Path | str, args: list[str], env: dict | None = None, stdin: str | None = None
) -> Result:
    """The command line run with ``args`` from the folder ``cwd``."""
    here = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner(env=env).invoke(main, args, input=stdin)
    finally:
        os.chdir(here)


@pytest.fixture(scope="session")
def linter() -> Linter:
    return default_linter()


@pytest.fixture(scope="session")
def pipeline(linter) -> Pipeline:
    """The pipeline with the shipped rulebook and no configuration, cache or baseline."""
    return Pipeline(linter=linter)
