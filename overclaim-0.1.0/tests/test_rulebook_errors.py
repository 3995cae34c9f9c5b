"""Broken rulebooks and configurations: exit 2 with one line naming file:line and the problem."""

from __future__ import annotations

import re
import textwrap

import pytest
from click.testing import CliRunner

from lint.cli import main

GOOD_RULE = """\
rules:
  - id: efficacy.hair-regrowth
    message: "“{match}” promises regrowth."
    patterns:
      - phrase: ["regrows hair"]
"""

# (name, file name, file content, expected line, expected words in the message)
BROKEN = [
    (
        "yaml syntax",
        "bad.yaml",
        "rules:\n  - id: efficacy.x\n    message: [unclosed\n",
        4,
        "expected",
    ),
    (
        "wrong type",
        "bad.yaml",
        "rules:\n  - id: efficacy.x\n    message: hi\n    patterns: nope\n",
        4,
        "'patterns' must be a list",
    ),
    ("unknown key", "bad.yaml", GOOD_RULE + "    colour: red\n", 6, "unknown key 'colour'"),
    ("duplicate id", "bad.yaml", GOOD_RULE + GOOD_RULE.replace("rules:\n", ""), 6, "duplicate id"),
    (
        "unknown category",
        "bad.yaml",
        GOOD_RULE.replace("efficacy.hair", "hairloss.hair"),
        2,
        "unknown category 'hairloss'",
    ),
    (
        "missing message",
        "bad.yaml",
        "rules:\n  - id: efficacy.x\n    patterns:\n      - phrase: [x]\n",
        2,
        "missing 'message'",
    ),
    (
        "empty message",
        "bad.yaml",
        GOOD_RULE.replace("“{match}” promises regrowth.", " "),
        3,
        "'message' must not be empty",
    ),
    (
        "bad token attribute",
        "bad.yaml",
        GOOD_RULE.replace('- phrase: ["regrows hair"]', "- tokens: [{LOWERCASE: hair}]"),
        5,
        "unknown key 'LOWERCASE'",
    ),
    (
        "bad token operator",
        "bad.yaml",
        GOOD_RULE.replace('- phrase: ["regrows hair"]', "- tokens: [{LOWER: hair, OP: '%'}]"),
        5,
        "OP must be one of",
    ),
    (
        "bad regex",
        "bad.yaml",
        GOOD_RULE.replace('- phrase: ["regrows hair"]', "- tokens: [{LOWER: {REGEX: 'hair(('}}]"),
        2,
        "invalid regex",
    ),
    ("bad cue regex", "bad.yaml", "cues:\n  attribution: ['(unclosed']\n", 2, "invalid regex"),
    (
        "unknown vocabulary set",
        "bad.yaml",
        GOOD_RULE.replace("regrows hair", "regrows @scalp"),
        2,
        "unknown vocabulary set '@scalp'",
    ),
    (
        "two pattern kinds",
        "bad.yaml",
        GOOD_RULE.replace('- phrase: ["regrows hair"]', "- {phrase: [a], tokens: [{LOWER: a}]}"),
        5,
        "exactly one of",
    ),
    (
        "bad severity",
        "bad.yaml",
        GOOD_RULE + "    severity: fatal\n",
        6,
        "'severity' must be one of",
    ),
    ("alias", "bad.yaml", "vocabulary:\n  a: &x [one]\n  b: *x\n", 3, "aliases"),
    ("bad unless", "bad.yaml", GOOD_RULE + "    unless: [sarcastic]\n", 6, "must be one of"),
]

BROKEN_CONFIG = [
    (
        "unknown config key",
        "pyproject.toml",
        "[tool.overclaim]\nselect = ['cure']\ncolour = 'red'\n",
        3,
        "unknown key 'colour'",
    ),
    (
        "missing extend path",
        "pyproject.toml",
        "[tool.overclaim]\nextend = ['nowhere.yaml']\n",
        2,
        "'nowhere.yaml' not found",
    ),
    ("bad fail-on", ".overclaim.yaml", "fail-on: sometimes\n", 1, "'fail-on' must be one of"),
    (
        "bad severity override",
        ".overclaim.toml",
        "[severity]\n'cure.cure' = 'fatal'\n",
        2,
        "must be error, warning or info",
    ),
    ("select matches nothing", ".overclaim.yaml", "select: [nonsense.*]\n", 1, "matches no rule"),
    (
        "unknown cue list",
        ".overclaim.yaml",
        "cues:\n  hedges: [reportedly]\n",
        2,
        "unknown cue list 'hedges'",
    ),
    ("invalid toml", ".overclaim.toml", "select = [\n", 1, "invalid TOML"),
]


def _run(tmp_path, *args):
    page = tmp_path / "page.txt"
    page.write_text("Our serum regrows hair.\n", encoding="utf-8")
    return CliRunner().invoke(main, ["check", *args, str(page)])


def _assert_one_line_error(result, path, line, words):
    assert result.exit_code == 2, result.output
    output = result.output.strip()
    assert "\n" not in output and "Traceback" not in output
    assert re.search(rf"{re.escape(str(path))}:{line}\b", output), output
    assert words in output, output


@pytest.mark.parametrize(
    ("name", "filename", "content", "line", "words"), BROKEN, ids=[b[0] for b in BROKEN]
)
def test_broken_rulebook(tmp_path, name, filename, content, line, words):
    rulebook = tmp_path / filename
    rulebook.write_text(textwrap.dedent(content), encoding="utf-8")
    _assert_one_line_error(_run(tmp_path, "--rules", str(rulebook)), rulebook, line, words)


@pytest.mark.parametrize(
    ("name", "filename", "content", "line", "words"),
    BROKEN_CONFIG,
    ids=[b[0] for b in BROKEN_CONFIG],
)
def test_broken_config(tmp_path, name, filename, content, line, words):
    config = tmp_path / filename
    config.write_text(content, encoding="utf-8")
    _assert_one_line_error(_run(tmp_path), config, line, words)


def test_missing_rulebook_path(tmp_path):
    result = _run(tmp_path, "--rules", str(tmp_path / "gone.yaml"))
    assert result.exit_code == 2
    assert "gone.yaml: rulebook path not found" in result.output
