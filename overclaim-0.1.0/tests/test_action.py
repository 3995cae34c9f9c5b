"""The GitHub Action: inputs never reach the shell as code, and every action is pinned."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest
import yaml

from tests.conftest import ROOT

ACTION_TEXT = (ROOT / "action.yml").read_text(encoding="utf-8")
ACTION = yaml.safe_load(ACTION_TEXT)
STEPS = ACTION["runs"]["steps"]


def test_no_expression_inside_any_run_script():
    scripts = [step["run"] for step in STEPS if "run" in step]
    assert scripts and all("${{" not in script for script in scripts)


def test_every_action_is_pinned_by_commit_with_its_version():
    uses = [
        line.strip()
        for line in ACTION_TEXT.splitlines()
        if line.strip().startswith(("uses:", "- uses:"))
    ]
    assert uses
    for line in uses:
        assert re.search(r"@[0-9a-f]{40} # v\d+(\.\d+)*$", line), line


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
@pytest.mark.parametrize("step_name", ["Check", "Write the SARIF report"])
def test_a_malicious_path_input_runs_no_command(tmp_path, step_name):
    step = next(s for s in STEPS if s.get("name") == step_name)
    stub = tmp_path / "bin"
    stub.mkdir()
    record = tmp_path / "args.txt"
    (stub / "overclaim").write_text(
        f'#!/usr/bin/env bash\nprintf "%s\\n" "$@" > "{record}"\n', encoding="utf-8"
    )
    (stub / "overclaim").chmod(0o755)
    env = {
        **os.environ,
        "PATH": f"{stub}{os.pathsep}{os.environ['PATH']}",
        "INPUT_PATHS": "docs/$(touch pwned) `touch pwned2` site/*.md; touch pwned3",
        "INPUT_ARGS": "--baseline $(touch pwned4)",
        "INPUT_FAIL_ON": "warning; touch pwned5",
        "INPUT_SARIF_FILE": "out.sarif $(touch pwned6)",
    }
    subprocess.run(["bash", "-e", "-c", step["run"]], cwd=tmp_path, env=env, check=True)
    assert not list(tmp_path.glob("pwned*"))
    args = record.read_text(encoding="utf-8").splitlines()
    assert args[args.index("--") + 1 :] == env["INPUT_PATHS"].split()
    assert "$(touch" in args and "pwned4)" in args
