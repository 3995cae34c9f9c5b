"""Any input, any file name, any output: success or one line and exit 2, never a traceback,
and every report stays well-formed (XML parses, JSON is valid UTF-8, GitHub commands cannot
be forged)."""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from pathlib import Path
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint.cli import main
from tests.test_properties import HTML, MARKDOWN, TRIGGERS, WORDS

CONTROL = ["\x00", "\x0b", "\x1b[31m", "\x85", "\u2028", "\r", "\t", "\ufeff", "\udcff"]
MODES = ["text", "json", "sarif", "github", "junit", "gitlab", "fix", "diff", "baseline"]
GITHUB = re.compile(r"^::(error|warning|notice) file=[^\r\n]*::[^\r\n]*$")

text_strategy = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(MARKDOWN + HTML + TRIGGERS + WORDS + CONTROL), max_size=30).map(
        " ".join
    ),
)
name_strategy = st.text(
    alphabet=st.characters(blacklist_characters="/\x00", blacklist_categories=("Cs",)),
    min_size=1,
    max_size=20,
).filter(lambda n: n not in (".", "..") and not n.startswith("-"))


def _check(data: bytes, name: str, suffix: str, mode: str) -> None:
    folder = Path(tempfile.mkdtemp())
    try:
        path = folder / (name + suffix)
        try:
            path.write_bytes(data)
        except OSError:
            return  # a name this file system does not take
        here = os.getcwd()
        os.chdir(folder)
        try:
            args = {
                "fix": ["--fix", "--unsafe-fixes"],
                "diff": ["--diff", "--unsafe-fixes"],
                "baseline": ["--write-baseline", "baseline.json"],
            }.get(mode, ["--format", mode])
            result = CliRunner().invoke(main, ["check", "--no-cache", *args, path.name])
        finally:
            os.chdir(here)
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(
            result.exception
        )
        assert result.exit_code in (0, 1, 2)
        output = result.stdout_bytes.decode("utf-8")  # raises if not valid UTF-8
        errors = result.stderr_bytes.decode("utf-8", "replace")
        assert "Traceback" not in output + errors
        if result.exit_code == 2:
            assert all(line.startswith("overclaim: ") for line in errors.splitlines())
        if not output:
            assert result.exit_code == 2 or mode in ("github", "gitlab", "diff", "baseline", "fix")
        elif mode in ("json", "sarif", "gitlab"):
            json.loads(output)
        elif mode == "junit":
            ElementTree.fromstring(output.encode("utf-8"))
        elif mode == "github":
            assert all(GITHUB.match(line) for line in output.splitlines())
        elif mode == "baseline" and result.exit_code == 0:
            json.loads((folder / "baseline.json").read_text(encoding="utf-8"))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _property(examples: int):
    return settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck))(
        given(
            text=text_strategy,
            name=name_strategy,
            suffix=st.sampled_from([".md", ".html", ".txt"]),
            mode=st.sampled_from(MODES),
            encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1"]),
        )(_run)
    )


def _run(text, name, suffix, mode, encoding):
    data = (
        text.encode(encoding, "surrogatepass")
        if encoding != "latin-1"
        else text.encode("latin-1", "replace")
    )
    _check(data, name, suffix, mode)


test_any_input_gives_a_result_or_one_line = _property(300)
test_any_input_many_examples = pytest.mark.slow(_property(1000))
