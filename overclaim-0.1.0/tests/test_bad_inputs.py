"""Bad input never crashes overclaim: one clear line per problem, the other files still
checked, and exit code 2 at the end (0 or 1 where the input is merely odd)."""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

import lint.cli
from lint.cli import main

GOOD = "It cures acne.\n"


def _missing(tmp):
    return [str(tmp / "nope.md")]


def _unreadable(tmp):
    path = tmp / "locked.md"
    path.write_text(GOOD, encoding="utf-8")
    path.chmod(0)
    return [str(path)]


def _symlink_loop(tmp):
    site = tmp / "site"
    site.mkdir()
    (site / "page.md").write_text(GOOD, encoding="utf-8")
    (site / "again").symlink_to(site, target_is_directory=True)
    return [str(site)]


def _broken_link(tmp):
    (tmp / "gone.md").symlink_to(tmp / "nowhere.md")
    return [str(tmp / "gone.md")]


def _binary(tmp):
    (tmp / "image.txt").write_bytes(b"\x89PNG\x00\x00\x01cures")
    (tmp / "page.txt").write_text("Our office opens at nine.\n", encoding="utf-8")
    return [str(tmp / "image.txt"), str(tmp / "page.txt")]


def _latin1(tmp):
    (tmp / "old.txt").write_bytes("Caf\xe9 cr\xe8me: our balm cures acne.\n".encode("latin-1"))
    return [str(tmp / "old.txt")]


def _latin1_with_encoding(tmp):
    return ["--encoding", "latin-1", *_latin1(tmp)]


def _unknown_encoding(tmp):
    return ["--encoding", "klingon", *_latin1(tmp)]


def _empty(tmp):
    (tmp / "empty.md").write_bytes(b"")
    return [str(tmp / "empty.md")]


def _too_big(tmp):
    (tmp / "big.txt").write_text("Our office opens at nine. " * 60000, encoding="utf-8")
    return ["--max-file-size", "1", str(tmp / "big.txt")]


def _long_line(tmp):
    (tmp / "line.txt").write_text("word " * 250000 + "it cures acne", encoding="utf-8")
    return ["--no-model", str(tmp / "line.txt")]  # its input, not the model's judgement


def _nested_html(tmp):
    (tmp / "deep.html").write_text(
        "<div>" * 20000 + "It cures acne." + "<b>" * 5000, encoding="utf-8"
    )
    return [str(tmp / "deep.html")]


def _nested_markdown(tmp):
    (tmp / "deep.md").write_text(
        "> " * 5000 + "- " * 3000 + "It cures acne.\n" + "[" * 10000, encoding="utf-8"
    )
    return [str(tmp / "deep.md")]


def _malformed_html(tmp):
    (tmp / "bad.html").write_text(
        '<p class="x>It cures acne.<<</p><script>unclosed', encoding="utf-8"
    )
    return ["--no-model", str(tmp / "bad.html")]  # its input, not the model's judgement


def _bad_among_good(tmp):
    (tmp / "good.md").write_text(GOOD, encoding="utf-8")
    (tmp / "bad.md").write_bytes(b"caf\xff\xfe")
    return [str(tmp / "good.md"), str(tmp / "bad.md")]


def _stdin_and_paths(tmp):
    (tmp / "good.md").write_text(GOOD, encoding="utf-8")
    return ["-", str(tmp / "good.md")]


def _alias_bomb(tmp):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(8)
    )
    (tmp / "bomb.yaml").write_text(bomb, encoding="utf-8")
    (tmp / "page.md").write_text(GOOD, encoding="utf-8")
    return ["--rules", str(tmp / "bomb.yaml"), str(tmp / "page.md")]


def _backtracking_regex(tmp):
    (tmp / "rx.yaml").write_text(
        "rules:\n  - id: hype.echo\n    message: x\n    patterns:\n"
        "      - tokens: [{LOWER: {REGEX: '^(a+)\\1$'}}]\n",
        encoding="utf-8",
    )
    (tmp / "page.md").write_text(GOOD, encoding="utf-8")
    return ["--rules", str(tmp / "rx.yaml"), str(tmp / "page.md")]


def _huge_pattern_list(tmp):
    words = ", ".join(f"zorblax{n}" for n in range(5000))
    (tmp / "many.yaml").write_text(
        f"rules:\n  - id: hype.zorblax\n    message: x\n    patterns:\n      - phrase: [{words}]\n",
        encoding="utf-8",
    )
    (tmp / "page.md").write_text("Try zorblax4999 today.\n", encoding="utf-8")
    return ["--rules", str(tmp / "many.yaml"), str(tmp / "page.md")]


def _rulebook_not_utf8(tmp):
    (tmp / "latin.yaml").write_bytes(b"rules: []\n# caf\xe9\n")
    (tmp / "page.md").write_text(GOOD, encoding="utf-8")
    return ["--rules", str(tmp / "latin.yaml"), str(tmp / "page.md")]


def _missing_config(tmp):
    (tmp / "page.md").write_text(GOOD, encoding="utf-8")
    return ["--config", str(tmp / "nope.toml"), str(tmp / "page.md")]


def _bad_baseline(tmp):
    (tmp / "baseline.json").write_text("{not json", encoding="utf-8")
    (tmp / "page.md").write_text(GOOD, encoding="utf-8")
    return ["--baseline", str(tmp / "baseline.json"), str(tmp / "page.md")]


def _unwritable_report(tmp):
    (tmp / "page.md").write_text(GOOD, encoding="utf-8")
    (tmp / "afile").write_text("", encoding="utf-8")
    return ["--output-file", str(tmp / "afile" / "report.json"), str(tmp / "page.md")]


def _directory_as_rulebook_file(tmp):
    (tmp / "page.md").write_text(GOOD, encoding="utf-8")
    (tmp / "rules.yaml").mkdir()
    (tmp / "rules.yaml" / "x.yaml").write_text("rules: 5\n", encoding="utf-8")
    return ["--rules", str(tmp / "rules.yaml"), str(tmp / "page.md")]


# (name, arguments builder, exit code, words in one of the stderr lines)
CASES = [
    ("missing path", _missing, 2, "no such file or folder"),
    ("unreadable file", _unreadable, 2, "Permission denied"),
    ("folder loop via symlink", _symlink_loop, 2, "folder loop via symbolic link"),
    ("broken symlink", _broken_link, 2, "broken or looping symbolic link"),
    ("binary file skipped", _binary, 0, "looks like a binary file"),
    ("undecodable bytes", _latin1, 2, "not valid utf-8 at byte 3"),
    ("--encoding reads it", _latin1_with_encoding, 1, ""),
    ("unknown encoding", _unknown_encoding, 2, "unknown encoding 'klingon'"),
    ("empty file", _empty, 0, ""),
    ("over the size limit", _too_big, 2, "over the size limit of 1 MB"),
    ("1 MB line without newline", _long_line, 1, ""),
    ("deeply nested HTML", _nested_html, 1, ""),
    ("deeply nested Markdown", _nested_markdown, 0, ""),  # beyond markdown-it's nesting limit
    ("malformed HTML", _malformed_html, 1, ""),
    ("bad file among good ones", _bad_among_good, 2, "bad.md: not valid utf-8 at byte 3"),
    ("stdin with other paths", _stdin_and_paths, 2, "cannot be combined"),
    ("YAML alias bomb", _alias_bomb, 2, "aliases (*name) are not allowed"),
    ("backtracking regex", _backtracking_regex, 2, "RE2"),
    ("huge pattern list", _huge_pattern_list, 0, ""),
    ("rulebook not UTF-8", _rulebook_not_utf8, 2, "latin.yaml: not valid UTF-8"),
    ("missing configuration", _missing_config, 2, "configuration file not found"),
    ("invalid baseline", _bad_baseline, 2, "not a baseline file"),
    ("unwritable report", _unwritable_report, 2, "cannot write report"),
    ("folder of rules that is broken", _directory_as_rulebook_file, 2, "'rules' must be a list"),
]


@pytest.mark.parametrize(("name", "build", "code", "words"), CASES, ids=[c[0] for c in CASES])
def test_bad_input(tmp_path, name, build, code, words):
    if name == "unreadable file" and os.geteuid() == 0:
        pytest.skip("root can read any file")
    args = build(tmp_path)
    result = CliRunner().invoke(main, ["check", "--no-cache", "--jobs", "1", *args])
    assert result.exit_code == code, (result.output, repr(result.exception))
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    problems = [line for line in result.stderr.splitlines() if line.startswith("overclaim:")]
    if words:
        assert any(words in line for line in problems), result.stderr
    if code == 2:
        assert problems and all(len(line) < 400 for line in problems)


def test_other_files_are_still_checked(tmp_path):
    result = CliRunner().invoke(main, ["check", "--no-cache", *_bad_among_good(tmp_path)])
    assert "good.md:1:4: error [cure.cure]" in result.stdout
    assert result.exit_code == 2


def test_interrupt_exits_130(tmp_path, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(lint.cli.Pipeline, "check", interrupted)
    (tmp_path / "page.md").write_text(GOOD, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "page.md")])
    assert result.exit_code == 130
    assert result.stderr.strip() == "overclaim: interrupted"
