"""The command line: output formats, exit codes and errors."""

from __future__ import annotations

import json
import re

from click.testing import CliRunner

from lint.cli import main
from tests.conftest import SAMPLES


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_json_output_shape(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(
        "Intro line.\nOur tea cures insomnia and is completely safe.\n", encoding="utf-8"
    )
    result = run("check", "--format", "json", str(page))
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert set(data) == {"version", "findings", "summary"}
    assert data["summary"] == {"files": 1, "findings": 2, "errors": 2, "warnings": 0, "infos": 0}
    first = data["findings"][0]
    assert set(first) == {
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "start",
        "end",
        "rule",
        "category",
        "severity",
        "message",
        "text",
        "sentence_start",
        "sentence_end",
        "fingerprint",
        "source",
        "confidence",
        "suggestions",
    }
    assert (first["line"], first["column"], first["text"]) == (2, 9, "cures")
    assert first["rule"] == "cure.cure"
    assert first["suggestions"][0]["start"] == first["start"]


def test_text_output_underlines_the_span(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("Relief within hours, guaranteed.\n", encoding="utf-8")
    result = run("check", str(page))
    lines = result.output.splitlines()
    assert re.fullmatch(
        re.escape(f"{page}:1:8: warning [speed.within-time] ")
        + r"\((rule|rule and model), \d+%\) “within hours” promises fast onset as a certainty\.",
        lines[0],
    ), lines[0]
    assert lines[1] == "  Relief within hours, guaranteed."
    assert lines[2] == "         ^^^^^^^^^^^^"
    assert lines[3].startswith("  advice: Say that some people notice changes quickly")


def test_text_output_shows_each_sentence_rewrite_once_with_advice(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("Our tea cures insomnia and is completely safe.\n", encoding="utf-8")
    lines = run("check", str(page)).output.splitlines()
    assert lines[3:6] == [
        "  rewrite: Our tea [cures] insomnia and [is completely] safe.",
        "        → Our tea [may ease] insomnia and [be] safe.  (safe fix)",
        "  advice: No evidence supports a cure: say it 'may reduce symptoms for some people'.",
    ]
    assert lines.count("  rewrite: the same as above") == 1
    assert sum(line.startswith("  advice:") for line in lines) == 2


def test_exit_zero_when_clean(tmp_path):
    page = tmp_path / "clean.txt"
    page.write_text("Our clinic is open Monday to Friday.\n", encoding="utf-8")
    result = run("check", str(page))
    assert result.exit_code == 0
    assert "0 findings in 1 file" in result.output


def test_info_only_passes_by_default_and_fails_on_info(tmp_path):
    page = tmp_path / "hype.txt"
    page.write_text("A breakthrough in sleep care.\n", encoding="utf-8")
    assert run("check", str(page)).exit_code == 0
    assert run("check", "--fail-on", "info", str(page)).exit_code == 1


def test_missing_path_is_a_one_line_error(tmp_path):
    result = run("check", str(tmp_path / "nope.md"))
    assert result.exit_code == 2
    assert result.stderr.strip().count("\n") == 0
    assert "nope.md: no such file or folder" in result.stderr
    assert "Traceback" not in result.output


def test_folder_is_searched_for_known_extensions(tmp_path):
    (tmp_path / "a.md").write_text("It cures acne.\n", encoding="utf-8")
    (tmp_path / "b.py").write_text("# It cures acne.\n", encoding="utf-8")
    (tmp_path / "notes.rst").write_text("It cures acne.\n", encoding="utf-8")
    data = json.loads(run("check", "--format", "json", str(tmp_path)).output)
    assert data["summary"]["files"] == 1
    # A file named explicitly is read as plain text whatever its extension.
    data = json.loads(run("check", "--format", "json", str(tmp_path / "notes.rst")).output)
    assert data["summary"]["findings"] == 1


def test_samples_folder_exits_one():
    result = run("check", str(SAMPLES))
    assert result.exit_code == 1
    assert "in 6 files" in result.output
