"""The documentation stays in step with the code."""

from __future__ import annotations

from lint.rulebook.docs import DOC, updated
from lint.rulebook.loading import load_rulebook
from tests.conftest import ROOT


def test_shipped_rule_list_is_current():
    text = DOC.read_text(encoding="utf-8")
    assert updated(text, load_rulebook()) == text, "run `python -m lint.rulebook.docs`"


def test_readme_commands_are_the_ones_ci_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python -m pytest -q" in readme and "python -m pytest -q" in ci
    assert "overclaim check samples/" in readme


def test_readme_editor_setups_run_the_server_as_the_tests_do():
    import json
    import re

    from lint.server.settings import KEYS, parse_client_settings
    from tests.test_server import SERVER_COMMAND

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Use it in your editor", 1)[1].split("\n## ", 1)[0]
    command, *args = SERVER_COMMAND
    listed = ", ".join(f'"{a}"' for a in args)
    assert f'"glspc.server.command": "{command}"' in section  # VS Code
    assert f'"glspc.server.commandArguments": [{listed}]' in section
    assert "cmd = { " + ", ".join(f'"{p}"' for p in SERVER_COMMAND) + " }" in section  # Neovim
    assert f'command = "{command}"\nargs = [{listed}]' in section  # Helix
    assert f'"binary": {{"path": "{command}", "arguments": [{listed}]}}' in section  # Zed
    for key in KEYS:
        assert f"| `{key}` |" in section
    vscode, zed = [json.loads(b) for b in re.findall(r"```json\n(.*?)```", section, re.DOTALL)]
    for settings in (
        vscode["glspc.server.initializationOptions"]["overclaim"],
        zed["lsp"]["overclaim"]["settings"]["overclaim"],
    ):
        parsed, problems = parse_client_settings(settings, ROOT)
        assert problems == [] and parsed.severity == (("hype.*", "info"),)
