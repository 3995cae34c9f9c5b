"""The encoder, the second reader of the sentences in doubt: read as it was trained, verified
when loaded, consulted only where the linear model is unsure, and rebuilt by its command."""

from __future__ import annotations

import importlib.util
import json
import shutil
from dataclasses import replace

import pytest
from click.testing import CliRunner

from lint.cli import main
from lint.config import Settings
from lint.data import OverclaimError, SourceText
from lint.model.claim_model import ClaimModel, load_model, shipped_model_dir
from lint.model.encoder import ENCODER_WEIGHTS
from lint.pipeline import Pipeline
from tests.conftest import invoke_in

HAS_TORCH = importlib.util.find_spec("torch") is not None


@pytest.fixture(scope="module")
def model() -> ClaimModel:
    """The shipped model as the pipeline loads it (once per process)."""
    return load_model(str(shipped_model_dir()))


def test_the_shipped_model_has_an_encoder_within_its_size(model):
    assert model.encoder is not None
    total = sum(p.stat().st_size for p in shipped_model_dir().iterdir())
    assert total <= 30_000_000


def test_the_int8_reader_gives_what_the_trained_model_gave(model):
    """overclaim's numpy forward pass over the int8 weights matches torch's probabilities
    at full precision, recorded in the manifest when the encoder was trained."""
    probes = model.manifest["encoder"]["probes"]
    assert model.encoder is not None
    read = model.encoder.scores([text for text, _ in probes])
    for (text, expected), got in zip(probes, read, strict=True):
        assert got == pytest.approx(expected, abs=0.05), text
    assert max(p for _, p in probes) > 0.9 and min(p for _, p in probes) < 0.1


def test_a_changed_encoder_is_refused_when_it_is_read(tmp_path):
    """The encoder's weights are checked when a sentence first needs them (a page the
    encoder never reads does not pay for hashing them)."""
    copy = tmp_path / "model"
    shutil.copytree(shipped_model_dir(), copy)
    weights = bytearray((copy / ENCODER_WEIGHTS).read_bytes())
    weights[1000] ^= 0x01
    (copy / ENCODER_WEIGHTS).write_bytes(bytes(weights))
    model = ClaimModel.load(copy)
    assert model.encoder is not None
    with pytest.raises(OverclaimError, match="does not match the hash"):
        model.encoder.scores(["Our drops whisk away joint pain overnight."])


def test_the_command_refuses_a_changed_encoder_with_one_line(tmp_path):
    copy = tmp_path / "model"
    shutil.copytree(shipped_model_dir(), copy)
    weights = bytearray((copy / ENCODER_WEIGHTS).read_bytes())
    weights[1000] ^= 0x01
    (copy / ENCODER_WEIGHTS).write_bytes(bytes(weights))
    page = tmp_path / "page.md"
    page.write_text("Our infusions relieve depression within hours.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--no-cache", "--model", str(copy), str(page)])
    assert result.exit_code == 2
    assert result.output.splitlines() == [
        f"overclaim: {copy / ENCODER_WEIGHTS}: does not match the hash recorded in model.json; "
        "the model is damaged or was changed (train it again, or reinstall overclaim)"
    ]


def _read_by_encoder(model: ClaimModel, monkeypatch, text: str) -> list[str]:
    """The distinct sentences the encoder was asked for while checking ``text``."""
    read: list[str] = []
    assert model.encoder is not None
    original = model.encoder.scores

    def recording(texts: list[str]) -> list[float]:
        read.extend(texts)
        return original(texts)

    monkeypatch.setattr(model.encoder, "scores", recording)
    Pipeline(Settings()).check_sources([SourceText("page.md", text)])
    return list(dict.fromkeys(read))


INFORMATION = (
    "Anemia is a condition in which the blood has fewer red blood cells than normal.\n\n"
    "Red blood cells carry oxygen from the lungs to the rest of the body.\n\n"
    "Iron, vitamin B12 and folate are needed to make them.\n\n"
    "Blood tests measure the number and size of the cells.\n\n"
    "The condition has many causes, including blood loss and some chronic diseases.\n"
)


def test_a_page_of_information_is_not_read_by_the_encoder(model, monkeypatch):
    assert _read_by_encoder(model, monkeypatch, INFORMATION) == []


def test_a_sentence_in_doubt_is_read_by_the_encoder(model, monkeypatch):
    text = "Walk in exhausted, walk out ten years younger.\n"
    assert _read_by_encoder(model, monkeypatch, text) == [text.strip()]


def test_the_encoder_finds_a_claim_the_rules_and_the_linear_model_miss(model, monkeypatch):
    sentence = "Our drops whisk away joint pain in a single night."
    assert Pipeline(replace(Settings(), model=False)).check_text(sentence) == []
    fused = Pipeline(Settings()).check_text(sentence)
    assert fused and all(f.source == "model" and f.rule.endswith(".model") for f in fused)
    monkeypatch.setattr(model, "encoder", None)
    assert Pipeline(Settings()).check_text(sentence) == []


@pytest.mark.skipif(HAS_TORCH, reason="torch is installed: the encoder can be trained here")
def test_training_the_encoder_without_its_libraries_is_one_line(tmp_path):
    labelled = tmp_path / "labelled.jsonl"
    records = [{"text": "It cures everything.", "label": "overclaim"}] * 2
    records += [{"text": "Ask your doctor.", "label": "ok"}] * 2
    labelled.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = invoke_in(tmp_path, ["train", str(labelled), "--output", "out", "--encoder"])
    assert result.exit_code == 2
    assert "pip install 'overclaim[encoder]'" in result.output
    assert len(result.output.strip().splitlines()) == 1


@pytest.mark.skipif(not HAS_TORCH, reason="needs torch (pip install 'overclaim[encoder]')")
def test_training_the_encoder_twice_gives_the_same_weights(tmp_path):
    from lint.model.training import shipped_corpus

    records = [json.loads(line) for line in shipped_corpus()[0].read_text().splitlines()]
    chosen = [r for r in records if r["label"] == "overclaim"][:16]
    chosen += [r for r in records if r["label"] == "ok"][:16]
    labelled = tmp_path / "labelled.jsonl"
    labelled.write_text("".join(json.dumps(r) + "\n" for r in chosen), encoding="utf-8")
    for name in ("one", "two"):
        result = invoke_in(tmp_path, ["train", str(labelled), "--output", name, "--encoder"])
        assert result.exit_code == 0, result.output
    for name in ("model.json", ENCODER_WEIGHTS):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
