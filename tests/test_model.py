"""The claim model: verified when loaded, reproducible from its data, fused with the rules,
and its commands (train, eval, explain) working end to end."""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import replace

import pytest
from click.testing import CliRunner

from lint.cli import main
from lint.config import Settings
from lint.data import OverclaimError, SourceText
from lint.model.claim_model import ClaimModel, shipped_model_dir
from lint.model.training import shipped_corpus
from lint.pipeline import Pipeline
from lint.rulebook.loading import load_rulebook
from tests.conftest import SAMPLES, invoke_in

CATEGORIES = set(load_rulebook().categories)


def run(cwd, *args: str):
    return invoke_in(cwd, list(args))


@pytest.fixture(scope="module")
def small_set(tmp_path_factory):
    """A labelled file of 80 sentences of the shipped corpus, both labels."""
    records = [json.loads(line) for line in shipped_corpus()[0].read_text().splitlines()]
    chosen = [r for r in records if r["label"] == "overclaim"][:40]
    chosen += [r for r in records if r["label"] == "ok"][:40]
    path = tmp_path_factory.mktemp("set") / "labelled.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in chosen), encoding="utf-8")
    return path


def test_the_shipped_model_matches_its_hashes_and_a_changed_one_is_refused(tmp_path):
    model = ClaimModel.load(shipped_model_dir())
    assert model.score("Our tea cures insomnia for good!") > model.thresholds["flag_alone"]
    copy = tmp_path / "model"
    shutil.copytree(shipped_model_dir(), copy)
    weights = bytearray((copy / "overclaim.bin").read_bytes())
    weights[100] ^= 0xFF
    (copy / "overclaim.bin").write_bytes(bytes(weights))
    with pytest.raises(OverclaimError, match="does not match the hash"):
        ClaimModel.load(copy)


def test_training_twice_gives_the_same_model(tmp_path, small_set):
    for name in ("one", "two"):
        result = run(tmp_path, "train", str(small_set), "--output", name)
        assert result.exit_code == 0, result.output
        assert "trained on 80 sentences (40 overclaims)" in result.output
    for name in ("model.json", "overclaim.bin", "categories.bin"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_the_shipped_model_is_what_its_command_trains(tmp_path):
    manifest = json.loads((shipped_model_dir() / "model.json").read_text(encoding="utf-8"))
    assert manifest["training"]["sources"] == [p.name for p in shipped_corpus()]
    from lint.evaluation import load_records
    from lint.model.training import records_digest

    records = [r for p in shipped_corpus() for r in load_records(p)]
    assert manifest["training"]["records_sha256"] == records_digest(records)


def test_no_model_gives_exactly_the_rules_findings(tmp_path):
    rules_alone = Pipeline(replace(Settings(), model=False))
    report = rules_alone.check_paths([SAMPLES])
    result = run(tmp_path, "check", "--no-cache", "--no-model", "--format", "json", str(SAMPLES))
    data = json.loads(result.output)
    assert [(f["path"], f["rule"], f["start"]) for f in data["findings"]] == [
        (f.path, f.rule, f.start) for f in report.findings
    ]
    assert {f["source"] for f in data["findings"]} == {"rule"}
    assert all(f["confidence"] is None for f in data["findings"])


def test_model_findings_have_valid_spans_categories_and_confidence(tmp_path):
    page = tmp_path / "page.md"
    text = (
        "# Feel young again\n\n"
        "Turn back the clock with our rejuvenating IV therapy!\n\n"
        "Feel like yourself again in just days with our hormone therapy!\n\n"
        "Our office is on the second floor.\n"
    )
    page.write_text(text, encoding="utf-8")
    findings = json.loads(
        run(tmp_path, "check", "--no-cache", "--format", "json", "page.md").output
    )["findings"]
    model_findings = [f for f in findings if f["source"] == "model"]
    assert model_findings, findings
    for f in model_findings:
        assert f["rule"] == f"{f['category']}.model" and f["category"] in CATEGORIES
        assert text[f["start"] : f["end"]] == f["text"] and f["text"].strip()
        assert f["sentence_start"] <= f["start"] < f["end"] <= f["sentence_end"]
        assert 0.0 < f["confidence"] <= 1.0
    assert not any(
        "second floor" in text[f["sentence_start"] : f["sentence_end"]] for f in findings
    )


def test_eval_shows_rules_model_and_both(tmp_path, small_set):
    result = run(tmp_path, "eval", str(small_set))
    assert result.exit_code == 0, result.output
    header = result.output.splitlines()[1].split()
    assert header == ["rules", "model", "both"]
    data = json.loads(run(tmp_path, "eval", "--format", "json", str(small_set)).output)
    assert set(data) == {"rules", "model", "both"}
    assert json.loads(
        run(tmp_path, "eval", "--no-model", "--format", "json", str(small_set)).output
    ).keys() == {"rules"}


def test_eval_and_check_use_a_trained_model(tmp_path, small_set):
    run(tmp_path, "train", str(small_set), "--output", "mine")
    result = run(tmp_path, "eval", "--model", "mine", str(small_set))
    assert result.exit_code == 0 and "both" in result.output
    (tmp_path / "pyproject.toml").write_text('[tool.overclaim]\nmodel = "mine"\n', encoding="utf-8")
    (tmp_path / "page.md").write_text("Our balm cures eczema.\n", encoding="utf-8")
    assert run(tmp_path, "check", "--no-cache", "page.md").exit_code == 1
    (tmp_path / "pyproject.toml").write_text(
        '[tool.overclaim]\nmodel = "nowhere"\n', encoding="utf-8"
    )
    result = run(tmp_path, "check", "--no-cache", "page.md")
    assert result.exit_code == 2 and "is not a folder" in result.output


def test_explain_a_sentence():
    result = CliRunner().invoke(
        main, ["explain", "--text", "Our tea cures insomnia, and it may help some people relax."]
    )
    assert result.exit_code == 0, result.output
    assert "cure.cure  “cures”: claim" in result.output
    assert "Claim model: P(overclaim) = " in result.output
    assert "words that moved the linear score most:" in result.output
    assert "[cure.cure] (both" in result.output or "[cure.cure] (rule" in result.output
    hedged = CliRunner().invoke(main, ["explain", "--text", "It may cure insomnia."]).output
    assert "not a claim here: hedged" in hedged


def test_training_without_both_labels_is_one_line(tmp_path):
    only = tmp_path / "ok.jsonl"
    only.write_text(json.dumps({"text": "A sentence.", "label": "ok"}) + "\n", encoding="utf-8")
    result = run(tmp_path, "train", str(only), "--output", "m")
    assert result.exit_code == 2
    assert result.output.strip() == "overclaim: training needs both overclaim and ok sentences"


def test_the_model_adds_nothing_to_a_sentence_that_reports_a_study(tmp_path):
    plain = run(tmp_path, "explain", "--text", "Our rejuvenating IV therapy turns back the clock!")
    reported = run(
        tmp_path,
        "explain",
        "--text",
        "Our results show that our rejuvenating IV therapy turns back the clock.",
    ).output
    assert ".model]" in plain.output
    score = float(re.search(r"P\(overclaim\) = ([0-9.]+)", reported).group(1))
    assert score >= 0.9 and "Findings:\n  none" in reported


def test_a_short_sentence_is_judged_by_its_document_when_the_document_informs(tmp_path):
    """Alone, a short sentence keeps its rule's finding (too little context to overrule);
    in a document that informs, the document is that context."""
    claim = "It cures acne."
    informing = " ".join(
        [
            "Acne is a skin condition that occurs when hair follicles become plugged.",
            "It most often affects the face, forehead, chest, upper back and shoulders.",
            "Doctors grade acne by the number and type of lesions they see.",
            "Hormones, certain medicines and diet can influence the condition.",
            "A dermatologist can explain the options and their side effects.",
            claim,
        ]
    )
    fused = Pipeline()
    assert {f.rule for f in fused.check_text(claim)} == {"cure.cure"}
    assert fused.check_text(informing) == []


def test_a_plain_statement_needs_a_higher_score_than_promotion():
    """A sentence that does not read as promotion is flagged by the model alone only at
    ``flag_alone_plain``; promotion at ``flag_alone``."""
    from lint.engine.fusion import Fusion, promotional

    model = ClaimModel.load(shipped_model_dir())
    fusion = Fusion(model, {})
    plain = "Magnetic bracelets are the answer to arthritis pain."
    assert not promotional(plain)
    low, high = fusion.flag_alone, fusion.flag_alone_plain
    assert low < high
    assert not fusion.flags_alone(plain, (low + high) / 2)
    assert fusion.flags_alone(plain, high)
    found = Pipeline().check_text(plain, "p.txt")
    assert [(f.rule, f.source) for f in found] == [("efficacy.model", "model")]


def test_a_page_that_sells_lowers_the_models_bar():
    """On a page most of whose sentences the model finds likely claims, it flags a sentence
    no rule flagged at ``flag_alone_selling``; alone, the same sentence needs ``flag_alone``."""
    from lint.engine.fusion import SELLS, Fusion

    fusion = Fusion(ClaimModel.load(shipped_model_dir()), {})
    claim = "The drip helps muscles recover after a workout."
    score = fusion.score(claim)
    assert fusion.flag_alone_selling_plain <= score < fusion.flag_alone_plain
    assert not fusion.flags_alone(claim, score)
    assert fusion.flags_alone(claim, score, SELLS)
    page = [
        "Our Revolutionary Drip Melts Away Fatigue!",
        "Feel younger, lighter and more alive after every single visit!",
        "Book your first session today and feel the difference!",
        "The drip contains vitamin C, zinc and magnesium.",
        claim,
    ]
    assert fusion.stance([fusion.score(s) for s in page]) == SELLS
    fused = Pipeline()
    assert fused.check_text(claim) == []
    text = "\n\n".join(page)
    found = [f for f in fused.check_text(text) if text[f.start : f.end] in claim]
    assert found and {f.source for f in found} == {"model"}


def test_a_sentence_only_the_model_flagged_is_hedged_on_its_own_verb(tmp_path):
    """The model's words that weigh most are no template's words: the hedge goes on the
    verb of the main clause, and the outcome after it takes its own, as an unsafe fix, and
    never on a testimonial."""
    text = (
        "The foot bath brings your body's pH back where it belongs, drawing out acids and "
        "helping your organs find their balance."
    )
    fused = Pipeline()
    found = fused.check_text(text)
    assert found and all(f.source == "model" for f in found)
    source = [SourceText("a.txt", text)]
    assert fused.fix_sources(source, unsafe=True)[0].text == (
        "The foot bath is thought to bring your body's pH back where it belongs, which may "
        "draw out acids and help your organs find their balance."
    )
    assert fused.fix_sources(source, unsafe=False)[0].text == text
    mine = "I brought my body's pH back where it belongs with the foot bath."
    assert fused.fix_sources([SourceText("b.txt", mine)], unsafe=True)[0].text == mine


def test_a_rules_words_that_match_no_pattern_do_not_hide_the_models_finding():
    """The first pass finds some rule's words in the sentence, but no pattern matches: the
    model still has its say, as it would on a sentence with none of those words."""
    text = (
        "Weighted blankets relieving pain, reducing anxiety symptoms and improving sleep quality."
    )
    fused = Pipeline()
    linter = fused.linter
    rules, _ = linter.triggers.select(text.lower())
    assert rules  # some rule's words are there
    found = fused.check_text(text)
    assert [(f.rule, f.source) for f in found] == [("efficacy.model", "model")]


def test_a_broad_family_needs_the_models_support():
    """A rule with ``model_support`` fires alone without the model, and with it only where
    the model gives the sentence that much: physiology is not a product's promise."""
    physiology = (
        "The spleen is part of your lymphatic system, which fights infection and keeps your "
        "body fluids in balance."
    )
    rules_alone = Pipeline(replace(Settings(), model=False))
    assert "efficacy.benefit-as-fact" in {f.rule for f in rules_alone.check_text(physiology)}
    assert "efficacy.benefit-as-fact" not in {f.rule for f in Pipeline().check_text(physiology)}
    promise = "Lavender eases anxiety."
    assert [f.rule for f in Pipeline().check_text(promise)] == ["efficacy.benefit-as-fact"]
