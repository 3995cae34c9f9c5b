"""Hedged rewrites: exact and grammatical, and --fix that never harms a file."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess

import pytest
from click.testing import CliRunner

import lint.atomic
from lint.cli import main
from lint.data import OverclaimError, SourceText
from lint.evaluation import load_records
from lint.input.reading import read_text_file
from lint.output.fixer import apply_edits, chosen_edits, write_fixed
from tests.conftest import shared_path

# (overclaim, the text after `--fix --unsafe-fixes`)
REWRITES = [
    ("Ketamine works.", "Ketamine can help."),
    (
        "Our infusion therapy provides permanent relief from migraines.",
        "Our infusion therapy may provide lasting relief from migraines.",
    ),
    (
        "The protocol has high efficacy in treatment-resistant cases.",
        "The protocol has shown promise in treatment-resistant cases.",
    ),
    ("Patients will feel relief within hours.", "Patients may feel relief within hours."),
    (
        "The medical community now recognizes ketamine as a leading treatment.",
        "Some clinicians now consider ketamine an option.",
    ),
    ("Our tea cures insomnia.", "Our tea may ease insomnia."),
    ("This balm eliminates joint pain.", "This balm may reduce joint pain."),
    ("The cleanse reverses years of damage.", "The cleanse may ease years of damage."),
    ("Enjoy permanent relief from back pain.", "Enjoy relief from back pain."),
    ("Our program delivers lasting results.", "Our program may deliver lasting results."),
    ("The patch works fast.", "The patch may work fast."),
    ("You will feel better within minutes.", "You may feel better within minutes."),
    ("Cryotherapy is completely safe.", "Cryotherapy may be safe."),
    ("The drops are non-addictive.", "The drops' risk of addiction is still being studied."),
    ("Our gummies have no side effects.", "Our gummies can have side effects, like any treatment."),
    ("The infusions are well tolerated.", "The infusions may be well tolerated."),
    (
        "Acupuncture works better than painkillers.",
        "Acupuncture works differently from painkillers.",
    ),
    ("Unlike conventional antidepressants, the spray acts in hours.", "The spray acts in hours."),
    (
        "Float therapy is the most effective treatment for stress.",
        "Float therapy is an option for stress.",
    ),
    (
        "Research shows that saunas detoxify the body.",
        "Research suggests that saunas detoxify the body.",
    ),
    (
        "Studies have shown that the drip boosts energy.",
        "Studies suggest that the drip boosts energy.",
    ),
    ("Our formula is clinically proven.", "Our formula is clinically proven."),
    ("Neurofeedback rewires the brain.", "Neurofeedback is thought to rewire the brain."),
    (
        "The supplement resets your stress hormones.",
        "The supplement is thought to reset your stress hormones.",
    ),
    (
        "Most patients feel better after three sessions.",
        "Some patients report feeling better after three sessions.",
    ),
    ("Everyone can get better with our program.", "Some people can get better with our program."),
    (
        "Our laser cap is FDA-cleared to treat hair loss.",
        "Our laser cap is FDA-cleared to treat hair loss.",
    ),
    ("Made in an FDA-registered facility.", "Made in an FDA-registered facility."),
    ("A breakthrough in gut health.", "A new option in gut health."),
    (
        "This revolutionary serum rebuilds collagen.",
        "This new serum is thought to rebuild collagen.",
    ),
    ("Instant Relief from Bloating", "Relief from Bloating"),
    ("High Efficacy in Stubborn Cases", "Promising Results in Stubborn Cases"),
    ("Curing Chronic Fatigue, Naturally", "Easing Chronic Fatigue, Naturally"),
    ("Curing Chronic Fatigue, Fast", "Easing Chronic Fatigue"),
    ("Hangover Cure", "Hangover Remedy"),
    ("A Miracle for Tired Parents", "A Miracle for Tired Parents"),
    ("The results last a lifetime.", "The results may last a long time."),
    ("Ketamine does work for depression.", "Ketamine can help with depression."),
    (
        "The therapy has been shown to reduce cravings.",
        "Early studies suggest the therapy can reduce cravings.",
    ),
    (
        "Our clinic offers a safe and effective option for anxiety.",
        "Our clinic offers an option for anxiety.",
    ),
    (
        "The program is an effective treatment for insomnia.",
        "The program may be an effective treatment for insomnia.",
    ),
    (
        "Clients see dramatic results after the first week.",
        "Clients may see results after the first week.",
    ),
    ("It dramatically improves digestion.", "It may improve digestion."),
    ("TMS is a game-changer for depression.", "TMS is a new option for depression."),
    ("Say goodbye to back pain.", "Get help with back pain."),
    ("It's completely safe.", "It may be safe."),
    ("It's been shown to cure insomnia.", "Early studies suggest it can ease insomnia."),
    ("We've cured insomnia.", "We may have eased insomnia."),
    ("Every child responds to the treatment.", "Some children respond to the treatment."),
    ("Every patient recovers.", "Some patients recover."),
    ("Our program helps every client.", "Our program helps some clients."),
    (
        "Our clinic may offer a clinically proven, safe alternative to antidepressants.",
        "Our clinic may offer an alternative to antidepressants.",
    ),
    # "rare" is no "usually mild": how often and how bad are the writer's to say
    ("Side effects are rare.", "Side effects are rare."),
    (
        "Most users feel better within hours, and it works.",
        "Some users report feeling better within hours, and it can help.",
    ),
    (
        "85% of our clients feel better within a month.",
        "85% of our clients feel better within a month.",
    ),
    ("Cures headaches and period pain", "May help ease headaches and period pain"),
    (
        "Experts agree that our method is the future of pain care.",
        "Some experts think that our method is a new approach to pain care.",
    ),
    ("The cleanse is guaranteed to clear your skin.", "The cleanse may clear your skin."),
    (
        "Numerous trials have established the safety of TMS.",
        "Numerous trials have examined the safety of TMS.",
    ),
    (
        "It has also been shown that regular massage helps prevent injury.",
        "Early studies suggest that regular massage helps prevent injury.",
    ),
    (
        "Beat both with self-hypnosis, the safe, natural alternative to sleeping pills.",
        "Beat both with self-hypnosis, the natural alternative to sleeping pills.",
    ),
    # a safety word goes from a list of qualities, or as the manner of an effect, rather
    # than staying under a hedge ("may be a safe, routine procedure")
    (
        "Dry needling is a safe, routine procedure in our clinic.",
        "Dry needling is a routine procedure in our clinic.",
    ),
    (
        "Our balm safely and effectively soothes sore joints.",
        "Our balm may soothe sore joints.",
    ),
    (
        "The laser can safely and effectively remove stubborn tattoos.",
        "The laser can remove stubborn tattoos.",
    ),
    # hype adjectives and nouns of wonder go where the noun still says what the thing is
    (
        "Try the miracle balm that could ease your back pain.",
        "Try the balm that could ease your back pain.",
    ),
    ("Our clinic uses brilliant new technology.", "Our clinic uses new technology."),
    ("A warm bath works wonders on stiff joints.", "A warm bath can help with stiff joints."),
    (
        "The gel has few or no side effects at all.",
        "The gel can have side effects, like any treatment.",
    ),
    # a study that "examined" a profile no longer confirms its praise: the praise goes
    (
        "Trials covering 2,000 nights confirmed the pillow's low-risk safety profile.",
        "Trials covering 2,000 nights examined the pillow's safety profile.",
    ),
    # "anyone who plays" turns plural with its people
    (
        "Anyone who works at a desk will benefit from our cushion.",
        "Some people who work at a desk will benefit from our cushion.",
    ),
    # what research suggests is said as a clause, not as "suggest X's effectiveness"
    (
        "Several studies confirm the balm's effectiveness in soothing sore joints.",
        "Some studies suggest that the balm can help soothe sore joints.",
    ),
    # relief of all the symptoms is a cure: "some of" them
    (
        "Our protocol brings relief of all symptoms within a month.",
        "Our protocol may bring relief of some symptoms within a month.",
    ),
    # a benefit told to the reader becomes what the product may help with
    (
        "Sharpen your focus with our nootropic blend!",
        "Our nootropic blend may help sharpen your focus.",
    ),
    # an emphatic "does" under the evidence hedge says "can"
    (
        "Studies have shown that yoga really does help back pain.",
        "Studies suggest that yoga can help back pain.",
    ),
    # a mechanism named as the object of "can" takes "is thought to", which covers it
    (
        "Used wisely, the tincture can correct chemical imbalances and calm anxiety.",
        "Used wisely, the tincture is thought to correct chemical imbalances and calm anxiety.",
    ),
]


@pytest.mark.parametrize(("before", "after"), REWRITES)
def test_rewrite(pipeline, before, after):
    result = pipeline.fix_sources([SourceText("page.txt", before)], unsafe=True)[0]
    assert result.text == after
    # What is left is what only the writer can settle (regulatory status, a superlative
    # the rewrite cannot bound) or a claim whose words survived a safe swap.
    assert (
        result.remaining == []
        or before == after
        or all(
            f.category in ("regulatory", "consensus", "efficacy", "hype") for f in result.remaining
        )
    )


def test_the_table_is_large_and_varied(linter):
    assert len(REWRITES) >= 40
    categories = {
        f.category for before, _ in REWRITES for f in linter.check([SourceText("p", before)])[0]
    }
    assert len(categories) == 11


def test_a_fronted_means_is_said_as_how_it_is_thought_to_work(pipeline):
    """Moving "By stimulating these nerves" under the main clause's hedge is unsafe; the safe
    fix keeps every word and says the means is how it is thought to work."""
    before = "By stimulating these nerves, the device can calm the bladder, without drugs."
    safe = pipeline.fix_sources([SourceText("p.txt", before)], unsafe=False)[0].text
    assert safe == (
        "Thought to work by stimulating these nerves, the device may calm the bladder, "
        "without drugs."
    )
    unsafe = pipeline.fix_sources([SourceText("p.txt", before)], unsafe=True)[0].text
    assert unsafe == "The device may calm the bladder by stimulating these nerves, without drugs."


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            "Dry needling is a safe, routine procedure in our clinic.",
            "Dry needling is a routine procedure in our clinic.",
        ),
        (
            "The laser can safely and effectively remove stubborn tattoos.",
            "The laser can remove stubborn tattoos.",
        ),
    ],
)
def test_a_safety_qualifier_goes_in_a_safe_fix(pipeline, before, after):
    """Like "a safe procedure" → "a procedure", a safety word that only qualifies goes in
    --fix too: only the strength goes."""
    assert pipeline.fix_sources([SourceText("p.txt", before)], unsafe=False)[0].text == after


def test_safe_fixes_only_hedge(pipeline):
    before = "Our balm works fast."
    safe = pipeline.fix_sources([SourceText("p.txt", before)], unsafe=False)[0].text
    assert safe == "Our balm may work fast."
    # "Unlike conventional painkillers," is the comparison's claim, gone whole: safe too.
    before = "Unlike conventional painkillers, our balm works fast."
    for unsafe in (False, True):
        fixed = pipeline.fix_sources([SourceText("p.txt", before)], unsafe=unsafe)[0].text
        assert fixed == "Our balm may work fast."


def _dev_overclaims():
    records = load_records(shared_path("eval", "dev.jsonl"))
    return [SourceText(r["id"], r["text"]) for r in records if r["label"] == "overclaim"]


def test_dev_set_rewrites(linter, pipeline):
    sources = _dev_overclaims()
    findings = linter.check(sources)
    with_edit = sum(
        1
        for found in findings
        if any(s.replacement is not None for f in found for s in f.suggestions)
    )
    # measured: 128 of 245 still flagged (risky rewrites became advice)
    assert with_edit / len(sources) >= 0.53
    still = sum(1 for r in pipeline.fix_sources(sources, unsafe=True) if r.remaining)
    assert still / len(sources) <= 0.53


def test_edits_change_nothing_outside_their_spans(linter):
    sources = _dev_overclaims()
    for source, found in zip(sources, linter.check(sources), strict=True):
        edits = chosen_edits(found, unsafe=True)
        after = apply_edits(source.text, edits)
        cursor, position = 0, 0
        for edit in edits:
            kept = source.text[cursor : edit.start]
            assert after[position : position + len(kept)] == kept
            position += len(kept) + len(edit.replacement)
            cursor = edit.end
        assert after[position:] == source.text[cursor:]


PAGE = "# Sleep\r\n\r\nOur tea cures insomnia and is completely safe.\r\n\r\nMost users feel better within hours.\r\n"


def _page(tmp_path, name="page.md", data=None):
    path = tmp_path / name
    path.write_bytes(data if data is not None else b"\xef\xbb\xbf" + PAGE.encode())
    path.chmod(0o640)
    return path


def test_fix_keeps_encoding_newlines_and_permissions_and_is_idempotent(tmp_path):
    path = _page(tmp_path)
    result = CliRunner().invoke(main, ["check", "--no-cache", "--fix", "--unsafe-fixes", str(path)])
    once = path.read_bytes()
    assert once.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in once and b"\n" not in once.replace(b"\r\n", b"")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert "Our tea may ease insomnia and be safe." in once.decode("utf-8-sig")
    assert result.exit_code == 0, result.output
    CliRunner().invoke(main, ["check", "--no-cache", "--fix", "--unsafe-fixes", str(path)])
    assert path.read_bytes() == once
    assert [p.name for p in tmp_path.iterdir()] == ["page.md"]


def test_diff_applies_with_patch_and_writes_nothing(tmp_path):
    if shutil.which("patch") is None:
        pytest.skip("the patch program is not installed")
    path = _page(tmp_path, data=PAGE.replace("\r\n", "\n").encode())
    before = path.read_bytes()
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        diff = CliRunner().invoke(
            main, ["check", "--no-cache", "--diff", "--unsafe-fixes", "page.md"]
        )
    finally:
        os.chdir(cwd)
    assert diff.exit_code == 1 and diff.output.startswith("--- a/page.md")
    assert path.read_bytes() == before
    subprocess.run(
        ["patch", "-p1", "--quiet"], input=diff.output, text=True, cwd=tmp_path, check=True
    )
    patched = path.read_bytes()
    path.write_bytes(before)
    CliRunner().invoke(main, ["check", "--no-cache", "--fix", "--unsafe-fixes", str(path)])
    assert path.read_bytes() == patched


def test_failed_write_leaves_the_original_intact(tmp_path, monkeypatch):
    path = _page(tmp_path)
    before = path.read_bytes()

    def fail(*args, **kwargs):
        raise OSError("disk full")

    file = read_text_file(path)
    monkeypatch.setattr(lint.atomic.os, "replace", fail)
    with pytest.raises(OverclaimError, match="cannot write: disk full"):
        write_fixed(file, "new text")
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["page.md"]


def test_file_changed_on_disk_is_not_written(tmp_path):
    path = _page(tmp_path)
    file = read_text_file(path)
    path.write_bytes(file.raw + b"edited meanwhile\r\n")
    with pytest.raises(OverclaimError, match="changed on disk"):
        write_fixed(file, "new text")
    assert path.read_bytes().endswith(b"edited meanwhile\r\n")


def test_markup_is_never_edited(pipeline):
    text = "Our tea **cures** insomnia.\n\n<!-- a miracle -->\n"
    result = pipeline.fix_sources([SourceText("p.md", text, "markdown")], unsafe=True)[0]
    assert "**" in result.text and "<!-- a miracle -->" in result.text


def test_plurals_of_the_vocabulary_are_compiled_with_the_rulebook(linter):
    """Rewrites such as "every child" → "some children" need no lexicon lookup at run time."""
    assert linter.plurals["child"] == "children"
    assert linter.plurals["woman"] == "women"
    assert linter.plurals["client"] == "clients"
