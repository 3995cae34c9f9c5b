"""Rewrites by the claims guide: one coherent rewrite per sentence, no stacked hedges, advice
where only the writer can fix it, and a re-check that a hedge elsewhere cannot fool."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.data import SourceText
from lint.engine.rewrite.checks import (
    broken_shape,
    certainty_hedge,
    grammar_damage,
    inserted_qualifier,
    problems,
    stacked_hedge,
)
from lint.evaluation import load_records
from lint.pipeline import Pipeline
from tests.conftest import SAMPLES, shared_path

# The claims guide's table: each overclaim, and the rewrites as good as the guide's.
GUIDE = [
    (
        "Ketamine treatment has high efficacy in treatment-resistant cases.",
        {"Ketamine treatment has shown promise in treatment-resistant cases."},
    ),
    ("Patients can experience permanent changes.", {"Patients may experience lasting changes."}),
    ("It has a lower risk of addiction.", {"Its risk of addiction is still being studied."}),
    (
        "Patients can begin to experience relief within hours.",
        {"Patients may begin to experience relief within hours."},
    ),
    (
        "The medical community now recognizes ketamine as a leading treatment.",
        {"Some clinicians now consider ketamine an option."},
    ),
    (
        "Ketamine works by rewiring the brain.",
        {"Ketamine is thought to work by rewiring the brain."},
    ),
    ("It cures OCD.", {"It may ease OCD symptoms for some people."}),
    ("Most patients achieve significant improvements.", {"Some patients report improvements."}),
]


def _fixed(pipeline, texts: list[str], unsafe: bool = True):
    sources = [SourceText(f"{n}.txt", t) for n, t in enumerate(texts)]
    return pipeline.fix_sources(sources, unsafe=unsafe)


def _rewrites_to(pipeline, text: str, expected: str) -> None:
    """--fix --unsafe-fixes turns the text into the expected one, with no grammar damage,
    stacked hedge or inserted qualifier."""
    fixed = _fixed(pipeline, [text])[0].text
    assert fixed == expected
    assert not problems(text, fixed)


def _left_to_the_advice(pipeline, text: str) -> None:
    """The text is flagged, and neither --fix nor --fix --unsafe-fixes changes it."""
    assert pipeline.check_text(text, "p.txt")
    for unsafe in (False, True):
        assert _fixed(pipeline, [text], unsafe)[0].text == text


@pytest.mark.parametrize(("before", "good"), GUIDE)
def test_the_guide_table(pipeline, before, good):
    result = _fixed(pipeline, [before])[0]
    assert result.text in good
    assert result.remaining == []


def test_every_finding_of_a_sentence_shares_one_rewrite(pipeline):
    text = "Our clinic offers a clinically proven, safe alternative that works within hours."
    findings = pipeline.check_text(text, "p.txt")
    assert len(findings) >= 2
    edits = {
        tuple((s.start, s.end, s.replacement) for s in f.suggestions if s.replacement)
        for f in findings
    }
    assert len(edits) == 1
    assert all(any(s.advice for s in f.suggestions) for f in findings)


@pytest.mark.parametrize(
    "text",
    [
        "I take it every night and it cures my insomnia.",
        "'It works within hours,' says one doctor.",
        "This balm cures eczema, says our founder.",
        "Our laser cap is FDA-cleared to treat hair loss.",
        'The leaflet says it is "completely safe".',
    ],
)
def test_testimonials_quotes_and_regulatory_claims_get_advice_only(pipeline, text):
    findings = pipeline.check_text(text, "p.txt")
    assert findings
    assert all(s.replacement is None and s.advice for f in findings for s in f.suggestions)
    assert _fixed(pipeline, [text])[0].text == text


TESTIMONIAL = "These are someone's own words: keep them as theirs"


@pytest.mark.parametrize(
    "text",
    [
        "The drops gave me my life back within a week.",
        "'Honestly, this balm is a total game changer,' a former marathon runner told us.",
        "'It beats every painkiller I tried,' says one yoga teacher, 'and it works in minutes.'",
        '"Our spray cures hay fever," the pharmacist continues.',
    ],
)
def test_someones_own_experience_gets_the_testimonial_advice(pipeline, text):
    """A customer's story is theirs to keep: the advice asks for a note that results vary,
    not the rule's advice to hedge it."""
    findings = pipeline.check_text(text, "p.txt")
    assert findings
    advice = {s.advice for f in findings for s in f.suggestions if s.advice}
    assert len(advice) == 1 and advice.pop().startswith(TESTIMONIAL)


@pytest.mark.parametrize(
    "text",
    [
        "I recommend our ashwagandha, which heals the adrenal glands.",
        "Our tea cures insomnia.",
        "Research says, 'this tea cures insomnia.'",
    ],
)
def test_the_writers_own_claims_keep_the_rules_advice(pipeline, text):
    """ "I recommend" is the writer's claim in the present, not a story of what happened."""
    findings = pipeline.check_text(text, "p.txt")
    assert findings
    assert not any(
        s.advice and s.advice.startswith(TESTIMONIAL) for f in findings for s in f.suggestions
    )


def test_a_rulebook_file_rewords_the_testimonial_advice(tmp_path):
    from lint.engine.linter import Linter
    from lint.rulebook.loading import load_rulebook, shipped_rulebook_dir

    ours = tmp_path / "advice.yaml"
    ours.write_text("advice:\n  testimonial: Add our standard results-vary line.\n")
    linter = Linter(rulebook=load_rulebook([shipped_rulebook_dir(), ours]))
    findings = Pipeline(linter=linter).check_text("The drops gave me my life back.", "p.txt")
    assert {s.advice for f in findings for s in f.suggestions if s.advice} == {
        "Add our standard results-vary line."
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the praise goes; what was approved stays as it is, with advice
        (
            "Our patch is a revolutionary, FDA-cleared treatment for back pain.",
            "Our patch is a new, FDA-cleared treatment for back pain.",
        ),
        # what the regulator recognized is the regulator's wording, not the writer's
        (
            "Our balm is officially recognised as an effective remedy for eczema.",
            None,
        ),
        # a clause about what an approval means is the approval's
        ("FDA clearance means the device has been proven safe and effective.", None),
    ],
)
def test_an_approval_keeps_its_words_while_the_claims_beside_it_are_rewritten(
    pipeline, text, expected
):
    result = _fixed(pipeline, [text])[0]
    left = {f.category for f in result.remaining}
    assert result.text == (expected or text)
    assert left == {"regulatory"} if expected else len(left) > 1 and "regulatory" in left


@pytest.mark.parametrize(
    "text",
    [
        # a comparison by a figure: "may be twice as good" still states the figure
        "Our patch is 2 to 3 times more effective than pills for back pain.",
        # without its proof, the outcome is still taken as given
        "The capsules act on brain chemistry, producing clinically proven reductions in anxiety.",
        # the clinic's own record: "some of our programs" would state another one
        "Every one of our programs beats the national average.",
    ],
)
def test_a_rewrite_that_would_keep_the_claim_is_advice(pipeline, text):
    findings = pipeline.check_text(text, "p.txt")
    assert findings
    assert all(s.advice for f in findings for s in f.suggestions)
    assert _fixed(pipeline, [text])[0].text == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "there may be safe remedies" hedges their existence, not their safety
        (
            "There are safe, natural remedies for insomnia, from herbal teas to breathing.",
            "There are natural remedies for insomnia, from herbal teas to breathing.",
        ),
        ("There is now a cure for anxiety.", "There is now a remedy for anxiety."),
    ],
)
def test_a_claim_after_there_is_is_not_hedged_on_is(pipeline, text, expected):
    assert _fixed(pipeline, [text])[0].text == expected


# Hedges outside a claim's own words: the claim is still reported.
NOT_HEDGED = [
    (
        "Our clinic may offer a clinically proven, safe alternative to antidepressants.",
        {"consensus", "safety"},
    ),
    ("The drip may offer a safe and natural way to rehydrate.", {"safety"}),
    ("Some clinics offer a safe alternative to surgery.", {"safety"}),
    ("Ketamine may help, and it works within hours.", {"speed"}),
    ("Early studies suggest it may help, and the infusions are completely safe.", {"safety"}),
]


@pytest.mark.parametrize(("text", "categories"), NOT_HEDGED)
def test_a_hedge_outside_the_claim_does_not_silence_it(pipeline, text, categories):
    found = {f.category for f in pipeline.check_text(text, "p.txt")}
    assert categories <= found


@pytest.mark.parametrize(
    "text",
    [
        "Our clinic offers a clinically proven, safe alternative to antidepressants.",
        "Our clinic offers a safe and effective option for anxiety, and it works within hours.",
        "Ketamine is completely safe, and it cures depression.",
        "Most patients see dramatic results, and the effects are permanent.",
    ],
)
def test_a_fix_hedges_each_claim_or_leaves_it_reported(pipeline, text):
    """After --fix --unsafe-fixes each claim's words are gone or hedged in their own clause:
    every claim word that survives the rewrite unhedged is still reported."""
    result = _fixed(pipeline, [text])[0]
    claims = {f.text.lower() for f in pipeline.check_text(text, "p.txt")}
    kept = [c for c in claims if c in result.text.lower()]
    for claim in kept:
        clause = next(
            (
                part
                for part in result.text.lower().replace(", and", ";").split(";")
                if claim in part
            ),
            "",
        )
        assert any(w in clause.split() for w in ("may", "thought", "suggest", "some")) or any(
            claim in f.text.lower() for f in result.remaining
        ), (claim, result.text)


def _overclaims(path: Path) -> list[str]:
    return [r["text"] for r in load_records(path) if r["label"] == "overclaim"]


def _sample_sentences() -> list[str]:
    return [
        line.strip()
        for path in sorted(SAMPLES.rglob("*"))
        if path.suffix in (".txt", ".md", ".html")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def _sets():
    train = sorted(shared_path("train").glob("tr-*.jsonl"))
    return {
        "dev": _overclaims(shared_path("eval", "dev.jsonl")),
        "train": [t for p in train for t in _overclaims(p)],
        "samples": _sample_sentences(),
    }


def test_no_stacked_hedge_qualifier_or_hedged_certainty_anywhere(pipeline):
    """On dev, the training corpus and the samples, in both modes: no "may have been shown",
    "may ... may", "studies may suggest", "may be possibly", no "potential"/"possibly"
    inserted, no "may definitely", and none of the broken shapes ("eased and even eased")."""
    bad = []
    for name, texts in _sets().items():
        for unsafe in (False, True):
            for text, result in zip(texts, _fixed(pipeline, texts, unsafe), strict=True):
                if result.text == text:
                    continue
                if stacked_hedge(result.text) or certainty_hedge(result.text):
                    bad.append((name, result.text))
                if broken_shape(text, result.text):
                    bad.append((name, result.text))
                if inserted_qualifier(text, result.text):
                    bad.append((name, result.text))
    assert bad == []


def test_dev_overclaims_mostly_rewritten(pipeline):
    """After --fix --unsafe-fixes, what the rules still flag on dev stays under a bound
    (measured with the rules alone, as this pipeline has no model: 112 of 245; with the
    model, `bench/rewrites.py` counts 105, 83 of them left for advice: 17 regulatory, and figures,
    testimonials, reporting verbs, graded hype words, broken coordinations and majorities in
    negated clauses; "Research suggests" keeps its subject, which the detector does not count
    as a hedge)."""
    texts = _overclaims(shared_path("eval", "dev.jsonl"))
    results = _fixed(pipeline, texts)
    still = [r for r in results if r.remaining]
    assert len(still) / len(texts) <= 0.47


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It may have been shown to help.", True),
        ("Studies may suggest that it helps.", True),
        ("It may help and may also soothe.", True),
        ("It may be possibly effective.", True),
        ("Early studies suggest it can help.", False),
        ("It may help. It may also soothe.", False),
        ("Everyone differs, so you may or may not feel this.", False),
        ("You may or may not feel it and it may help.", True),
    ],
)
def test_stacked_hedge_check(text, expected):
    assert stacked_hedge(text) is expected


@pytest.mark.parametrize(
    "heading", ["No Side Effects", "Side Effects Are Rare", "Instant Relief", "Hangover Cure"]
)
def test_headings_keep_their_words_and_grammar(pipeline, heading):
    after = _fixed(pipeline, [heading])[0].text
    assert "May Effect" not in after and after.strip()
    assert grammar_damage(heading, after) == []


def test_other_checks():
    assert certainty_hedge("It may definitely help.")
    assert inserted_qualifier("Ketamine heals.", "Ketamine potential heals.")
    assert grammar_damage("Our tea cures it.", "Our tea may cures it.")
    assert grammar_damage("A new option.", "A option.")
    assert not grammar_damage("Our tea cures it.", "Our tea may ease it.")
    assert problems("It works.", "It works.") == []


# Families of bad rewrites a blind reading found, each with sentences of our own: the
# rewrite in both modes (a set: what either mode may give; the sentence itself is advice).
FAMILIES = [
    # 1. an intensifier dropped from a pair of adverbs takes its "and" with it
    (
        "This gel can gently and dramatically improve skin tone.",
        {"This gel may gently improve skin tone."},
    ),
    (
        "The lozenge can quickly and significantly soothe a sore throat.",
        {"The lozenge may quickly soothe a sore throat."},
    ),
    # 2. deletions take whole constituents and their commas
    (
        "Our spray, unlike nasal decongestants, clears congestion in minutes.",
        {
            "Our spray, unlike nasal decongestants, clears congestion in minutes.",
            "Our spray clears congestion in minutes.",
        },
    ),
    (
        "Clients sleep better within days instead of the usual two-month wait.",
        {
            "Clients sleep better within days instead of the usual two-month wait.",
            "Clients may sleep better within days instead of the usual two-month wait.",
            "Clients sleep better within days.",
            "Clients may sleep better within days.",
        },
    ),
    (
        "It offers a scientifically validated, gluten-free route to better digestion.",
        {
            "It offers a scientifically validated, gluten-free route to better digestion.",
            "It offers a gluten-free route to better digestion.",
        },
    ),
    (
        "Acts quickly, often easing cramps before lunch.",
        {
            "Acts quickly, often easing cramps before lunch.",
            "Acts, often easing cramps before lunch.",
        },
    ),
    # 3. proof verbs with an object and an infinitive, and long research kept as it is
    (
        "Trials have shown the patch to be safe for teenagers.",
        {"Trials suggest the patch is safe for teenagers."},
    ),
    (
        "Recent trials have shown that zinc lozenges significantly reduce cold symptoms.",
        {
            "Recent trials suggest that zinc lozenges reduce cold symptoms.",
            "Recent trials suggest that zinc lozenges significantly reduce cold symptoms.",
        },
    ),
    (
        "Fifteen years of research have proven that the diet lowers blood pressure.",
        {
            "Fifteen years of research suggest that the diet lowers blood pressure.",
            "Some research suggests that the diet lowers blood pressure.",
        },
    ),
    # 4. a majority becomes "some" whole, with no second hedge; a figure is left as it is
    (
        "The vast majority of clients notice calmer skin after a week.",
        {"Some clients report calmer skin after a week."},
    ),
    (
        "About 70% of users fall asleep faster.",
        {"About 70% of users fall asleep faster."},
    ),
    (
        "Two in five customers see clearer skin.",
        {"Two in five customers see clearer skin."},
    ),
    (
        "Three out of four runners recover strongly and keep seeing impressive gains.",
        {
            "Three out of four runners recover strongly and keep seeing impressive gains.",
            "Three out of four runners recover and keep seeing gains.",
            "Three out of four runners recover strongly and keep seeing gains.",
        },
    ),
    # 5. a hype word under a degree word: advice, unless the phrase table has it whole
    # (a phrase rewrite is unsafe: --fix leaves it)
    (
        "This mask is a real game-changer for dry skin.",
        {
            "This mask is a new option for dry skin.",
            "This mask is a real game-changer for dry skin.",
        },
    ),
    (
        "Our cream is so revolutionary that salons copy it.",
        {"Our cream is so revolutionary that salons copy it."},
    ),
    # ... and only a hype word: "a more lasting solution" reads well
    (
        "Pick natural habits for a more permanent solution.",
        {"Pick natural habits for a more lasting solution.", "Pick natural habits for a solution."},
    ),
    # 6. "eliminate" → "reduce" loses its absolute adverb and never repeats the verb
    (
        "The gum can reduce or completely eliminate sugar cravings.",
        {"The gum may reduce sugar cravings."},
    ),
    # 7. a plural noun before a verb is the subject, not a misread verb
    (
        "With our coaching, recovery rates rise dramatically.",
        {
            "With our coaching, recovery rates rise dramatically.",
            "With our coaching, recovery rates may rise.",
        },
    ),
    # "may" and "is thought to" go before the adverbs that lead the verb
    (
        "Daily practice gradually rewires the nervous system.",
        {"Daily practice is thought to gradually rewire the nervous system."},
    ),
    # ... but never inside "not only", nor before an "and" that joins something else
    (
        "Our drops deliver relief right away and benefits that last for years.",
        {
            "Our drops deliver relief right away and benefits that last for years.",
            "Our drops may deliver relief right away and benefits that last for years.",
        },
    ),
    # 7 again: a plural noun with a relative clause of its own is a noun
    (
        "The serum tightens skin, delivering a glow right away and benefits that last for months.",
        {
            "The serum tightens skin, delivering a glow right away and benefits that last for months.",
            "The serum may tighten skin, delivering a glow right away and benefits that last for months.",
        },
    ),
    # 8. reporting and use verbs are not hedged (a word of size may go)
    (
        "Dentists have also reported dramatic improvement in gum health.",
        {
            "Dentists have also reported dramatic improvement in gum health.",
            "Dentists have also reported improvement in gum health.",
        },
    ),
    (
        "Zinc is widely used to cure colds.",
        {"Zinc is widely used to cure colds."},
    ),
    # 9. a replaced verb phrase that a later conjunct shares: advice
    (
        "Get out of pain and back onto the tennis court!",
        {"Get out of pain and back onto the tennis court!"},
    ),
    # 10. only strength changes, so the safe fix makes the rewrite too: the size of an outcome
    # said of the main verb or its object; a condition knocked out or cleared up is eased
    (
        "These oils carry exceptionally powerful soothing properties.",
        {"These oils may carry soothing properties."},
    ),
    (
        "Remission rates climb dramatically once the diet is followed.",
        {"Remission rates may climb once the diet is followed."},
    ),
    ("Our tea knocks out insomnia.", {"Our tea may ease insomnia."}),
    ("The balm clears up eczema in days.", {"The balm may ease eczema in days."}),
    (
        "It lowers cortisol, wiping out the stress that keeps you up at night.",
        {"It is thought to lower cortisol, easing the stress that keeps you up at night."},
    ),
    # 11. strong words traded for plain ones: hype phrases, a transformation, the emphasis
    # on a superlative
    (
        "Hydrotherapy is regarded as a magic potion for sore joints.",
        {
            "Hydrotherapy is regarded as a magic potion for sore joints.",
            "Hydrotherapy is regarded as a remedy for sore joints.",
        },
    ),
    (
        "Cold plunges represent a leap forward in recovery.",
        {"Cold plunges represent a newer option in recovery."},
    ),
    (
        "There's finally an answer: low-level laser therapy.",
        {"There's an option: low-level laser therapy."},
    ),
    (
        "Gene therapy is the new frontier of eye care.",
        {"Gene therapy is the new area of eye care."},
    ),
    (
        "Guests who use our sauna notice a remarkable transformation in how they sleep.",
        {"Guests who use our sauna may notice a change in how they sleep."},
    ),
    (
        "Our clinic is clearly the best choice for back pain.",
        {"Our clinic is an option for back pain."},
    ),
    (
        "Residential rehab is simply the highest-quality addiction treatment option there is.",
        {
            "Residential rehab is simply the highest-quality addiction treatment option there is.",
            "Residential rehab is an addiction treatment option.",
        },
    ),
    # 12. words the tagger hangs on a claim's word, and phrases whose rewrite reads in one sense only
    # "That" hangs on "Instantly" as if an adverb: it stays when the adverb goes
    (
        "Five Herbal Teas That Instantly Calm Your Nerves",
        {"Five Herbal Teas That Calm Your Nerves"},
    ),
    # people cured are helped, never "eased"
    (
        "Hundreds of patients at our clinic have been cured.",
        {"Hundreds of patients at our clinic may have been helped."},
    ),
    # a breakthrough that names a discovery is no option: advice
    (
        "Arthritis breakthrough: a new cream that cures joint pain",
        {"Arthritis breakthrough: a new cream that cures joint pain"},
    ),
    # a modal before a swapped verb becomes "may": never "will ease"
    ("The cream will clear up eczema.", {"The cream may ease eczema."}),
    # what a product guarantees it may bring; a dose taken to guarantee helps bring; a
    # guarantee of the writer's own is theirs to settle, never "may guarantee"
    ("Our protocol guarantees results in 30 days.", {"Our protocol may bring results in 30 days."}),
    (
        "Take two capsules at night to guarantee deep, restful sleep.",
        {"Take two capsules at night to help bring deep, restful sleep."},
    ),
    ("We guarantee results in 30 days.", {"We guarantee results in 30 days."}),
    # "routinely" beside the new "may" would undo it
    (
        "With the right herbs, arthritis can routinely be reversed.",
        {"With the right herbs, arthritis may be eased."},
    ),
    # the outcome in a ", which …" clause after a hedged claim takes its own hedge
    (
        "Our patch resets the nervous system, which in turn rebalances the immune response.",
        {
            "Our patch is thought to reset the nervous system, which in turn may rebalance the"
            " immune response."
        },
    ),
    (
        "Our laser remodels collagen, which contracts and shrinks to ease stress leakage.",
        {
            "Our laser is thought to remodel collagen, which may contract and shrink to ease"
            " stress leakage."
        },
    ),
    # "may expect" reads as permission: what patients can expect, they may see
    ("You can expect results within two weeks.", {"You may see results within two weeks."}),
    # "you've got" is possession: "may have", never "may have got"
    (
        "With our app, you've got a permanent solution for insomnia.",
        {"With our app, you may have a lasting solution for insomnia."},
    ),
    # what a means is used for is an aim, for a benefit as for a mechanism
    (
        "The device uses light to stimulate cellular repair and reduce inflammation.",
        {"The device uses light intended to stimulate cellular repair and reduce inflammation."},
    ),
    # proof said to repeat goes with the proof; science said to settle it is some research
    (
        "Research has shown again and again that magnesium calms the nerves.",
        {"Research suggests that magnesium calms the nerves."},
    ),
    (
        "Science backs up the traditional use of ginger for nausea.",
        {"Some studies support the traditional use of ginger for nausea."},
    ),
    (
        "Rest assured, there's solid science behind it.",
        {"Rest assured, there's some research behind it."},
    ),
    # "the game changer" is praise that only ranks: an option
    (
        "Our gummies are the game changer for restless nights.",
        {"Our gummies are an option for restless nights."},
    ),
    # "will prove effective" is a verb of becoming: "may prove effective"
    (
        "Used correctly, these tips will prove extremely effective.",
        {"Used correctly, these tips may prove effective."},
    ),
    # a proof joined to a fact about the same subject is hedged where it stands
    (
        "Our device has been used for decades and is proven to ease back pain.",
        {"Our device has been used for decades and may ease back pain."},
    ),
    # a superlative that ranks within what is available says nothing without it: advice
    (
        "Our clinic uses the most advanced lasers available.",
        {"Our clinic uses the most advanced lasers available."},
    ),
    # a verb the parse joined to the object of another verb shares its hedge with that verb
    (
        "The injection repairs weak, unstable tendons and stimulates new collagen.",
        {"The injection is thought to repair weak, unstable tendons and stimulate new collagen."},
    ),
    # a word dropped from the second of two joined nouns leaves the "and" that joins them
    (
        "Our plan combines these habits to deliver steady energy and lasting peace of mind.",
        {"Our plan combines these habits to deliver steady energy and peace of mind."},
    ),
    # "most" on the subject of a hedged clause is the guide's "some"
    (
        "Most migraines will respond to the patch within hours.",
        {"Some migraines may respond to the patch within hours."},
    ),
    # a leap forward, whatever its size, is a newer option ("a step forward" still ranks it)
    (
        "Our tonic represents a major leap forward in gut health.",
        {"Our tonic represents a newer option in gut health."},
    ),
    # what a product contains, what research does and "when it comes to" are never hedged
    (
        "The balm also contains arnica, which heals bruises overnight.",
        {"The balm also contains arnica, which may heal bruises overnight."},
    ),
    (
        "These new studies shed light on how the herb rewires the brain.",
        {"These new studies shed light on how the herb is thought to rewire the brain."},
    ),
    (
        "When it comes to joint pain, our brace guarantees results.",
        {"When it comes to joint pain, our brace may bring results."},
    ),
    # "nearly always" goes whole; where it says what a treatment does, not for whom, the
    # verb takes the hedge instead of "some"
    (
        "This balm is nearly always effective for dry skin.",
        {"This balm may be effective for dry skin."},
    ),
    (
        "Knee replacement almost always relieves joint pain.",
        {"Knee replacement may relieve joint pain."},
    ),
    # a verb the rewrite swapped, joined to the hedged one far after it, takes its base form
    (
        "The pill boosts energy and focus for the whole day and reverses the signs of ageing.",
        {"The pill may boost energy and focus for the whole day and ease the signs of ageing."},
    ),
    # "is known to" joined to a hedged verb goes: the hedge covers it
    (
        "The tea soothes the gut lining and is known to calm inflammation.",
        {"The tea may soothe the gut lining and calm inflammation."},
    ),
    # a hedge leaves "only" excluding everything else: it goes
    (
        "Only our laser can cure your back pain.",
        {"Our laser may ease your back pain."},
    ),
    # the adverb on a hype word swapped for a plain one goes with it
    (
        "Discover the quietly revolutionary world of red light masks.",
        {"Discover the new world of red light masks."},
    ),
    # a clause of time or condition is never the one hedged: the claim is the main clause's
    (
        "When the muscles are stronger, the cream cures leaks.",
        {"When the muscles are stronger, the cream may ease leaks."},
    ),
    # "Of all the options, …" ranks what follows: with the strength gone, it goes too
    (
        "Of all the options, our foot cream is a superb alternative.",
        {"Our foot cream may be an alternative."},
    ),
    # the guide's addiction wording fits a predicate that stands alone, not one of a list
    (
        "Our tea is also non-habit-forming, cheap and tasty.",
        {"Our tea is also non-habit-forming, cheap and tasty."},
    ),
    # a "Yes" that answered what the rewrite now hedges goes
    (
        "Yes, our cream cures eczema.",
        {"Our cream may ease eczema symptoms for some people."},
    ),
    # the word after a label's colon keeps no capital inside the sentence
    (
        "Good news: Patients usually feel better within a week.",
        {"Good news: Some patients report feeling better within a week."},
    ),
    # a certainty word on a verb joined to the hedged one goes with the hedge
    (
        "This tea is totally safe and is actually good for your liver.",
        {"This tea may be safe and be good for your liver."},
    ),
    # what a name stands for is never hedged
    (
        "The B in BFR stands for blood flow, which rewires your muscles.",
        {"The B in BFR stands for blood flow, which is thought to rewire your muscles."},
    ),
    # an imperative that promises a benefit is what the product may help do (unsafe: it adds
    # "help", which the reader's own verbs after it need)
    (
        "Improve your mood and your sleep with every bracelet you wear!",
        {
            "Improve your mood and your sleep with every bracelet you wear!",
            "May help improve your mood and your sleep with every bracelet you wear.",
        },
    ),
    (
        "Boost your energy, sharpen your focus and feel younger, naturally!",
        {
            "Boost your energy, sharpen your focus and feel younger, naturally!",
            "May help boost your energy, sharpen your focus and feel younger, naturally.",
        },
    ),
    # "can have side effects, like any treatment" no longer follows from a reason, nor sits
    # with what the writer grants: advice
    (
        "Because it stays on the skin, our balm causes no side effects.",
        {"Because it stays on the skin, our balm causes no side effects."},
    ),
    (
        "Our balm causes no side effects, although it may sting at first.",
        {"Our balm causes no side effects, although it may sting at first."},
    ),
    # "doesn't just" says more: never "may not"; the claim after it is hedged
    (
        "This serum doesn't just smell nice: it cures acne.",
        {"This serum doesn't just smell nice: it may ease acne."},
    ),
    # a heading is never left with one word ("Rapid Relief" is no "Relief"): advice
    ("Rapid Relief", {"Rapid Relief"}),
    # a label, a colon and an instruction: the instruction is never hedged
    (
        "Relaxation: spend ten minutes breathing slowly, a simple habit that rewires your brain.",
        {
            "Relaxation: spend ten minutes breathing slowly, a simple habit that is thought to "
            "rewire your brain."
        },
    ),
]


def test_a_record_joined_to_praise_is_never_reported_and_praised(pipeline):
    """ "are well documented and profound": never "are reported and profound"."""
    text = "The benefits of our tincture are well documented and profound."
    assert _fixed(pipeline, [text], unsafe=False)[0].text == text
    assert "reported and" not in _fixed(pipeline, [text])[0].text


def test_a_breakthrough_that_is_the_treatment_is_an_option(pipeline):
    after = _fixed(pipeline, ["Our cream is a breakthrough for eczema."])[0].text
    assert after == "Our cream is a new option for eczema."


@pytest.mark.parametrize(("before", "good"), FAMILIES)
def test_families_of_bad_rewrites(pipeline, before, good):
    for unsafe in (False, True):
        after = _fixed(pipeline, [before], unsafe)[0].text
        assert after in good, (unsafe, after)
        assert problems(before, after) == []


@pytest.mark.parametrize(
    "text", ["Turmeric Paste – The Miracle Spice", "For many, the tea has become a miracle remedy."]
)
def test_a_noun_of_wonder_stays_where_it_names_the_thing(pipeline, text):
    """ "The Spice", "has become a remedy": without "miracle" the sentence would say nothing of
    the thing, so it is left to the advice."""
    for unsafe in (False, True):
        assert "miracle" in _fixed(pipeline, [text], unsafe)[0].text.lower()


@pytest.mark.parametrize(
    "text",
    [
        "TMS is a well-tolerated, proven method for depression.",
        "It is the most proven, lasting solution for joint pain.",
    ],
)
def test_a_safe_fix_never_leaves_a_claim_beside_its_hedge(pipeline, text):
    """Where the safe changes cannot reach every claim of a sentence ("may be a
    well-tolerated, proven method"), --fix leaves the sentence to the unsafe rewrite; where
    they can ("proven" dropped, the rest hedged), nothing is left to report."""
    safe = _fixed(pipeline, [text], unsafe=False)[0]
    full = _fixed(pipeline, [text])[0]
    assert safe.text == text or ("proven" not in safe.text and safe.remaining == [])
    assert full.text != text and "proven" not in full.text


@pytest.mark.parametrize(
    "text",
    [
        "Most patients go through the program without any major side effects.",
        "Most patients feel no pain during the session.",
    ],
)
def test_a_majority_in_a_negated_clause_gets_advice_not_some(pipeline, text):
    """ "Some patients … without side effects" would say the others have them."""
    result = _fixed(pipeline, [text])[0]
    assert result.text == text
    found = pipeline.check_text(text, "p.txt")
    assert any(s.advice for f in found for s in f.suggestions)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Every one of our patients recovers.", "Some of our patients recover."),
        ("Every one of our clients sees results.", "Some of our clients report results."),
        # a claim in a phrase is hedged on the verb that governs it
        (
            "These drops carry remarkably powerful healing properties.",
            "These drops may carry healing properties.",
        ),
        (
            "The device resets the nerves, restoring normal signalling in the bladder.",
            "The device is thought to reset the nerves, which may restore normal signalling in the "
            "bladder.",
        ),
        # the claim's words are the subject clause: what its verb says of them is hedged
        (
            "Stimulating the nerve resets certain signals and steadies the bladder.",
            "Stimulating the nerve is thought to reset certain signals and steady the bladder.",
        ),
        # verbs that share their object are hedged on the first, not between them
        (
            "The tonic cleanses and restores your liver.",
            "The tonic is thought to cleanse and restore your liver.",
        ),
        # the verb that makes it an effective remedy is hedged, not the adjective dropped
        (
            "Ginger is a warming root, which makes it an effective remedy for nausea.",
            "Ginger is a warming root, which may make it an effective remedy for nausea.",
        ),
        (
            "Peer groups are an effective ongoing support system that helps people stay sober.",
            "Peer groups may be an effective ongoing support system that helps people stay sober.",
        ),
        # a main verb the tagger read as a base form is still a present claim
        (
            "Our drops restore healthy brain signaling.",
            "Our drops are thought to restore healthy brain signaling.",
        ),
        # "find out how it may" takes the benefit for granted: "whether"
        (
            "Call us to find out how ketamine therapy relieves your OCD symptoms.",
            "Call us to find out whether ketamine therapy may relieve your OCD symptoms.",
        ),
        # a universal the hedge would stand beside goes
        (
            "Our tea dramatically improves your sleep every night.",
            "Our tea may improve your sleep.",
        ),
        # a guarantee becomes an aim, with no "may" on it
        (
            "The trainer guarantees that every squeeze is done correctly.",
            "The trainer aims to ensure that every squeeze is done correctly.",
        ),
        # a frequency right after the hedge goes: "may fall short", not "may often fall short"
        (
            "Standard rehab often falls short on the damage addiction leaves in the brain.",
            "Standard rehab may fall short on the damage addiction leaves in the brain.",
        ),
        # "works to bring" hedged is "is thought to help bring"
        (
            "This herb works to bring your hormones back to normal.",
            "This herb is thought to help bring your hormones back to normal.",
        ),
        # a condition keeps its idiom after "heal": "may help with inflammation"
        (
            "The balm soothes skin and heals inflammation.",
            "The balm may soothe skin and help with inflammation.",
        ),
        # "very few" and "hardly any" side effects all but say none
        (
            "The gel causes very few side effects.",
            "The gel can have side effects, like any treatment.",
        ),
        (
            "The lozenges cause hardly any side effects.",
            "The lozenges can have side effects, like any treatment.",
        ),
        # a frame that states the clause as settled becomes the state of the evidence
        (
            "It is now well documented that the herb lowers blood pressure.",
            "Some studies suggest that the herb lowers blood pressure.",
        ),
    ],
)
def test_unsafe_rewrites_by_family(pipeline, text, expected):
    """ "every one of" → "some of", not "some one of"; a claim that qualifies a noun or sits
    in a participle phrase is hedged on the finite verb that governs it."""
    assert _fixed(pipeline, [text])[0].text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "By rewiring neural pathways, the program relieves anxiety, often within weeks.",
            "The program is thought to relieve anxiety by rewiring neural pathways, often "
            "within weeks.",
        ),
        (
            "By rewiring neural pathways, the program relieves anxiety and restores calm.",
            "The program is thought to relieve anxiety and restore calm by rewiring neural "
            "pathways.",
        ),
    ],
)
def test_a_mechanism_that_opens_the_sentence_moves_under_the_hedge(pipeline, text, expected):
    """A hedge after "By rewiring …," would leave the mechanism stated as fact: with unsafe
    fixes the means moves to the end of what the hedged verb says; a safe fix leaves the
    sentence to the writer."""
    assert _fixed(pipeline, [text])[0].text == expected
    assert _fixed(pipeline, [text], unsafe=False)[0].text == text


@pytest.mark.parametrize(
    "text",
    [
        "Our team offers a powerful program that rewires the brain.",
        "The method for ending panic attacks draws on decades of study.",
        "Research keeps confirming the remarkable effects of the program.",
    ],
)
def test_the_governing_verb_is_not_hedged_for_the_writers_act_a_subject_or_a_proof(pipeline, text):
    fixed = _fixed(pipeline, [text])[0].text
    assert "may " not in fixed and "thought to" not in fixed.replace("is thought to rewire", "")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Research supports this therapy for back pain.",
            "Early research supports this therapy for back pain.",
        ),
        (
            "Recent trials validate the benefits of the program.",
            "Some recent trials validate the benefits of the program.",
        ),
        ("The evidence strongly supports this approach.", "Some evidence supports this approach."),
    ],
)
def test_research_that_supports_in_the_present_is_bounded(pipeline, text, expected):
    assert _fixed(pipeline, [text], unsafe=False)[0].text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "These gummies ease anxiety without the side effects of prescription drugs.",
            "These gummies may ease anxiety.",
        ),
        (
            "The balm soothes sore joints with zero adverse effects.",
            "The balm may soothe sore joints.",
        ),
    ],
)
def test_no_side_effects_at_the_end_of_a_clause_goes(pipeline, text, expected):
    """A claim of no side effects added at the end of a clause goes whole, a safe fix: the
    phrase is the claim, and the rest keeps its words (the advice asks the writer to name the
    side effects; the tool never does)."""
    for unsafe in (False, True):
        assert _fixed(pipeline, [text], unsafe)[0].text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Acupuncture is the ultimate migraine cure.",
            "Acupuncture may ease migraine symptoms for some people.",
        ),
        (
            "This herbal tea is a cure for insomnia.",
            "This herbal tea may ease symptoms of insomnia for some people.",
        ),
        (
            "Why Cold Plunges Are the Ultimate Hangover Cure",
            "Why Cold Plunges May Ease Hangover Symptoms for Some People",
        ),
    ],
)
def test_the_cure_as_a_predicate_becomes_may_ease_symptoms(pipeline, text, expected):
    """The claims guide's rewrite of a cure; never "may be the cure" (a hedge beside it)."""
    assert _fixed(pipeline, [text])[0].text == expected
    assert "may be" not in _fixed(pipeline, [text], unsafe=False)[0].text.lower()


def test_an_unsourced_figure_keeps_its_sentence_for_advice(pipeline):
    """Softening the other claims of "Three in four clients respond well" would leave
    the figure standing as if the sentence were fixed: the writer gets advice instead."""
    text = "Three in four clients respond strongly to our program and see impressive results."
    assert _fixed(pipeline, [text])[0].text == text
    found = pipeline.check_text(text, "p.txt")
    assert any(s.advice for f in found for s in f.suggestions)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Recovery drinks rehydrate your body faster than water alone, thanks to their salts.",
            "Recovery drinks rehydrate your body, thanks to their salts.",
        ),
    ],
)
def test_a_comparison_on_a_verb_goes_with_its_than_phrase(pipeline, text, expected):
    assert _fixed(pipeline, [text], unsafe=False)[0].text == text
    assert _fixed(pipeline, [text])[0].text == expected


def test_a_heading_that_starts_with_a_verb_is_not_hedged_on_its_object(pipeline):
    """The tagger reads "Relieves pain" as a noun and a verb: "Relieves may pain" is broken."""
    for unsafe in (False, True):
        fixed = _fixed(pipeline, ["Relieves pain quickly and lasts all day"], unsafe)[0].text
        assert "may pain" not in fixed


@pytest.mark.parametrize(
    "text",
    [
        "Our program has helped thousands of patients recover.",
        "With so many benefits, the laser has become the treatment of choice.",
    ],
)
def test_no_may_on_a_bare_infinitive_or_a_verb_of_becoming(pipeline, text):
    """ "helped … patients may recover" is broken; "may have become" doubts a fact."""
    for unsafe in (False, True):
        fixed = _fixed(pipeline, [text], unsafe)[0].text
        assert "patients may" not in fixed and "may have become" not in fixed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Numerous studies show that acupuncture relieves chronic back pain.",
            "Some studies suggest that acupuncture relieves chronic back pain.",
        ),
        (
            "Solid research has shown that this therapy can lift depression.",
            "Some research suggests that this therapy can lift depression.",
        ),
    ],
)
def test_a_subject_that_weighs_evidence_is_made_modest(pipeline, text, expected):
    """ "Numerous studies", "Solid research": the weight of the subject is a claim too."""
    assert _fixed(pipeline, [text], unsafe=False)[0].text == expected


def test_a_misparsed_research_subject_is_not_dropped(pipeline):
    """The parser reads "research show" as two nouns: never "Decades of show"."""
    text = "Decades of research show that yoga reduces anxiety."
    assert "of show" not in _fixed(pipeline, [text])[0].text


# Rewrites that only hedge one of a sentence's claims, or a clause next to it.
LEAVE_A_CLAIM = [
    "A growing body of evidence supports acupuncture as an effective treatment for migraine.",
    "And unlike opioids, this balm carries no risk of overdose or unpleasant side effects.",
    "Especially effective for people with chronic pain, acting as a fast-acting bridge.",
    "Acts rapidly, often bringing comfort within minutes to hours",
    "The biggest advantage of natural sleep cures is that they're completely free of side effects.",
    "Our program offers a scientifically compelling way to heal the brain at the cellular level.",
]


@pytest.mark.parametrize("text", LEAVE_A_CLAIM)
def test_no_rewrite_leaves_a_claim_its_rules_still_find(pipeline, text):
    """Every rewrite offered, applied on its own, leaves none of the rules' claims that it
    was offered for: a rewrite that hedges another claim is not offered (advice only)."""
    findings = pipeline.check_text(text, "p.txt")
    rules = {f.rule for f in findings if f.source != "model"}
    assert rules
    offered = {s.replacement for f in findings for s in f.suggestions if s.replacement}
    for finding in findings:
        for suggestion in finding.suggestions:
            if suggestion.replacement is None:
                continue
            rewritten = text[: suggestion.start] + suggestion.replacement + text[suggestion.end :]
            left = {f.rule for f in pipeline.check_text(rewritten, "p.txt")}
            assert not rules & left, (rewritten, rules & left)
    assert offered or all(f.suggestions for f in findings)  # advice stays


def test_a_rewrite_that_needs_a_second_step_is_offered_whole(pipeline):
    """ "Therapy works, and anyone can get better": the rewrite of the majority leaves
    "works", whose own rewrite settles it; the two are offered as one."""
    text = "Therapy works, and anyone can get better, but they have to do the exercises."
    findings = pipeline.check_text(text, "p.txt")
    suggestion = next(s for f in findings for s in f.suggestions if s.replacement)
    rewritten = text[: suggestion.start] + suggestion.replacement + text[suggestion.end :]
    assert rewritten == (
        "Therapy can help, and some people can get better, but they have to do the exercises."
    )
    assert pipeline.check_text(rewritten, "p.txt") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a hyphenated word of hype is swapped or dropped whole
        (
            "Spravato is here, a game-changing treatment that opens new doors for patients.",
            "Spravato is here, a treatment that opens new doors for patients.",
        ),
        ("Cutting-Edge Pain Care Is Here", "Modern Pain Care Is Here"),
        ("Our serum has been a total game-changer for dry skin!", None),
        # superlatives: the words that say what the thing is stay
        (
            "Our spa retreat is simply the highest-quality stress treatment option there is.",
            "Our spa retreat is a stress treatment option.",
        ),
        (
            "Rhodiola: One of the Most Powerful Everyday Adaptogens",
            "Rhodiola: One of the Everyday Adaptogens",
        ),
        (
            "Light therapy is the most profound of these tools.",
            "Light therapy is one of these tools.",
        ),
        (
            "Our clinic offers the most advanced pain care in the region.",
            "Our clinic offers pain care in the region.",
        ),
        # a boast after a comma goes whole
        (
            "Hormone pellets are widely used for menopause, with excellent results.",
            "Hormone pellets are widely used for menopause.",
        ),
        # … and one that closes a clause that says what was done, without the comma; a
        # phrase the verb needs stays ("is associated with excellent results")
        (
            "Our team has treated thousands of patients with excellent outcomes.",
            "Our team has treated thousands of patients.",
        ),
        (
            "Play this track at bedtime to tremendous effect.",
            "Play this track at bedtime.",
        ),
        # proof: "has proven itself a" → "some studies suggest … can be a" (years of them)
        (
            "In recent years, laser therapy has proven itself a reliable, drug-free option.",
            "In recent years, some studies have suggested that laser therapy can be a reliable, "
            "drug-free option.",
        ),
    ],
)
def test_phrases_and_superlatives_by_family(pipeline, text, expected):
    if expected is None:
        fixed = _fixed(pipeline, [text])[0].text
        assert "game-changer" not in fixed and "total" not in fixed
        assert not problems(text, fixed)
    else:
        _rewrites_to(pipeline, text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We use a safe procedure to treat knee pain.",
            "We use a procedure to treat knee pain.",
        ),
        ("We offer a fast-acting therapy for migraine.", "We offer a therapy for migraine."),
        # only the strength goes: the outcome was the sentence's meaning
        ("Rapid headache relief.", "Headache relief."),
        ("Fast relief from migraines", "Relief from migraines"),
        (
            "We offer a clinically validated, drug-free path forward.",
            "We offer a drug-free path forward.",
        ),
    ],
)
def test_dropping_a_modifier_that_leaves_what_the_noun_is_is_safe(pipeline, text, expected):
    result = pipeline.fix_sources([SourceText("p.txt", text)], unsafe=False)[0]
    assert result.text == expected


@pytest.mark.parametrize(
    "text",
    [
        "The proven efficacy of these enhancers comes from their action on the brain.",
        "We ground every program in evidence-based practice.",
        "Hangover Drips: The Quick Fix",
    ],
)
def test_dropping_a_modifier_the_noun_still_needs_is_not_safe(pipeline, text):
    """ "the efficacy" and "the fix" still presuppose it; "practice" is not "evidence-based
    practice"."""
    assert pipeline.fix_sources([SourceText("p.txt", text)], unsafe=False)[0].text == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a subject too long to follow "early studies suggest": the hedge goes where the
        # proof stood
        (
            "Our special drip of magnesium, calcium, zinc, B vitamins and vitamin C has been "
            "found effective against migraines and fatigue.",
            "Our special drip of magnesium, calcium, zinc, B vitamins and vitamin C may be "
            "effective against migraines and fatigue.",
        ),
        (
            "The combination of acupuncture, massage and herbal medicine used at the clinic "
            "has been shown to reduce back pain.",
            "The combination of acupuncture, massage and herbal medicine used at the clinic "
            "may reduce back pain.",
        ),
        # every verb joined to the hedged one takes its base form
        (
            "Ginseng acts as an adaptogen, strengthens immune function and raises energy levels.",
            "Ginseng may act as an adaptogen, strengthen immune function and raise energy levels.",
        ),
    ],
)
def test_proof_with_a_long_subject_and_joined_verbs(pipeline, text, expected):
    _rewrites_to(pipeline, text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Our gummies have no risk of addiction.",
            "Our gummies' risk of addiction is still being studied.",
        ),
        (
            "This supplement poses no risk of dependence.",
            "This supplement's risk of dependence is still being studied.",
        ),
    ],
)
def test_no_risk_of_addiction_becomes_still_being_studied(pipeline, text, expected):
    """The claims guide: "it has a lower risk of addiction" → "its risk of misuse is still
    being studied"."""
    assert _fixed(pipeline, [text])[0].text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Many people who try yoga report major improvements in their sleep.",
            "Many people who try yoga report improvements in their sleep.",
        ),
        (
            "Women with hot flushes often find significant relief with black cohosh.",
            "Women with hot flushes often find relief with black cohosh.",
        ),
        # a figure is not a word of size
        (
            "The clinic has recorded a 30% improvement in recovery.",
            "The clinic has recorded a 30% improvement in recovery.",
        ),
    ],
)
def test_words_of_size_on_an_outcome_are_dropped_safely(pipeline, text, expected):
    """The claims guide: "most patients achieve significant improvements" → "some patients
    report improvements"."""
    assert pipeline.fix_sources([SourceText("p.txt", text)], unsafe=False)[0].text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "According to research, the decline can in fact be reversed.",
            "According to early research, the decline may be eased.",
        ),
        (
            "In fact, one retreat day can equal two months of weekly sessions, delivering rapid "
            "results.",
            "One retreat day may equal two months of weekly sessions, which may deliver results.",
        ),
    ],
)
def test_in_fact_goes_with_the_certainty_it_adds(pipeline, text, expected):
    _rewrites_to(pipeline, text, expected)


def test_a_copula_in_the_perfect_is_not_hedged(pipeline):
    """ "has been effective for our patients" → "may have been effective" doubts what the
    clinic saw: the sentence gets advice."""
    text = "Acupuncture has been effective for many of our patients."
    assert "may have been" not in _fixed(pipeline, [text])[0].text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Strengthens Immunity", "May Help Strengthen Immunity"),
        ("Boosts Memory and Learning", "May Help Boost Memory and Learning"),
        ("Cures headaches and period pain", "May help ease headaches and period pain"),
        # a plural noun as subject, or a verb joined that the parse missed: left alone
        ("Studies continue to prove its effectiveness for weight loss.", None),
        ("Relieves pain quickly and lasts all day", None),
    ],
)
def test_a_fragment_that_opens_with_its_verb_gets_may_help(pipeline, text, expected):
    fixed = _fixed(pipeline, [text])[0].text
    if expected is None:
        assert not fixed.lower().startswith("may help")
    else:
        assert fixed == expected
        # the safe fix adds only "may": "help" is the unsafe one's
        safe = _fixed(pipeline, [text], unsafe=False)[0].text
        assert safe == expected.replace("Help ", "").replace("help ", "")


def test_a_dropped_word_never_joins_two_items_of_a_list(pipeline):
    """ "Instant Hydration, Lasting Energy" keeps its comma: "Instant Hydration Energy" would
    make one thing of two."""
    for unsafe in (False, True):
        fixed = _fixed(pipeline, ["Instant Hydration, Lasting Energy"], unsafe)[0].text
        assert "Hydration Energy" not in fixed


# Families of rewrites, each as --fix --unsafe-fixes makes it (an unchanged text: advice only).
FAMILIES_OF_REWRITES = [
    # the strength of an aim goes with it, as under a hedge
    (
        "The device uses gentle currents to dramatically restore nerve activity.",
        "The device uses gentle currents intended to restore nerve activity.",
    ),
    # "the ideal / perfect / complete … for" ranks it first, as "the best" does: an option
    (
        "This tea is the ideal remedy for restless nights.",
        "This tea is an option for restless nights.",
    ),
    (
        "Our gel is the perfect treatment for cracked heels.",
        "Our gel is an option for cracked heels.",
    ),
    # but not where the sentence says why it ranks first: the reason would stay as fact
    (
        "Yoga is the ideal remedy for stress, because slow breathing calms the body.",
        "Yoga is the ideal remedy for stress, because slow breathing calms the body.",
    ),
    # a hedge before ", but" is no hedge of the clause it opens
    (
        "These insoles may look plain, but they are remarkably effective for heel pain.",
        "These insoles may look plain, but they may be effective for heel pain.",
    ),
    (
        "Acupuncture may not suit everyone, but it eases chronic headaches.",
        "Acupuncture may not suit everyone, but it may ease chronic headaches.",
    ),
    # a verb joined to the hedged one takes its base form, even where the parse read it as a
    # noun or an adjective
    (
        "This drink strengthens the immune system, calms inflammation and improves circulation.",
        "This drink may strengthen the immune system, calm inflammation and improve circulation.",
    ),
    (
        "The breathing routine increases immunity, reduces stress, improves sleep and "
        "sharpens focus.",
        "The breathing routine may increase immunity, reduce stress, improve sleep and "
        "sharpen focus.",
    ),
    # hype words and phrases go or turn plain
    (
        "Let us walk you through the wonders of this miraculous root.",
        "Let us walk you through the uses of this root.",
    ),
    (
        "The new laser was nothing short of a breakthrough in dentistry.",
        "The new laser was a new option in dentistry.",
    ),
    (
        "By the end of the study, the results were nothing short of astonishing.",
        "By the end of the study, the results were encouraging.",
    ),
    (
        "What makes the patch so revolutionary is the way it works.",
        "What makes the patch different is the way it works.",
    ),
    # a comparison with what "Unlike" named is left in the sentence: without it the
    # comparison would dangle ("the gel may give longer relief"): advice
    (
        "Unlike steroid shots, the gel gives longer relief to sore knees.",
        "Unlike steroid shots, the gel gives longer relief to sore knees.",
    ),
    (
        "Unlike pills, the patch is more effective and gentler on the stomach.",
        "Unlike pills, the patch is more effective and gentler on the stomach.",
    ),
    # nothing left compares with it: "Unlike X," goes
    (
        "Unlike most creams, our balm soaks in and soothes sore joints.",
        "Our balm soaks in and soothes sore joints.",
    ),
    # an absolute never stands beside the hedge a rewrite adds
    ("Our cream erases wrinkles completely.", "Our cream may ease wrinkles."),
    # "Say" heads a heading here, not someone's words
    ("How to Say Goodbye to Migraines for Good", "How to Get Help with Migraines"),
    # the last word of a heading's noun phrase is a noun, even tagged as a verb
    ("Natural Migraine Cures", "Natural Migraine Remedies"),
    # a rewrite that would put a word next to itself ("Remedies: Remedies"): advice
    (
        "Natural Eczema Cures: Safe and Effective Remedies",
        "Natural Eczema Cures: Safe and Effective Remedies",
    ),
    # a hype phrase is replaced with its preposition ("for", "of"), never leaving it behind
    (
        "A groundbreaking therapy called Nerva is changing the landscape of pain care.",
        "A new therapy called Nerva is an option in pain care.",
    ),
    (
        "Our new app changes everything for people with insomnia.",
        "Our new app may help people with insomnia.",
    ),
    ("It changes everything for the better.", "It may help."),
    # what a dropped word leaves behind goes with it: empty brackets, a degree word
    ("Natural remedies (completely safe) for kids.", "Natural remedies for kids."),
    # a hedge on "don't" keeps its "not" apart ("may not", never "mayn't")
    (
        "Our patients don't need to come back for more sessions.",
        "Our patients may not need to come back for more sessions.",
    ),
    # "for the long term" goes whole; "long" never goes alone ("for the term")
    (
        "Our coaching changes clients' sleep habits for the long term.",
        "Our coaching changes clients' sleep habits.",
    ),
    # a subject with "no": the hedge goes where the "no" was, or the sentence gets advice
    (
        "After the course, no maintenance is needed.",
        "After the course, maintenance may not be needed.",
    ),
    ("No side effects are reported with our balm.", "No side effects are reported with our balm."),
    # a superlative goes, the words that say what the thing is stay
    ("The 10 Most Powerful Natural Sleep Aids", "10 Natural Sleep Aids"),
    ("The Most Powerful Natural Sleep Aids", "Some Natural Sleep Aids"),
    # "major depression" is a diagnosis: "major" stays
    (
        "Our spray has been shown to dramatically ease major depression.",
        "Early studies suggest our spray can ease major depression.",
    ),
    # a large share of the readers is a majority too: "some", never a hedge beside it
    (
        "A high proportion of our clients report better sleep.",
        "Some of our clients report better sleep.",
    ),
    (
        "The balm helps with stiffness in a large share of users.",
        "The balm helps with stiffness in some users.",
    ),
    # any degree adverb the efficacy rule matched goes, not only the listed ones
    (
        "Our cream is phenomenally effective against migraines.",
        "Our cream may be effective against migraines.",
    ),
    (
        "This tea is wonderfully beneficial for digestion.",
        "This tea may be beneficial for digestion.",
    ),
    # "safe" beside "effective" goes; the hedge of "effective" carries the sentence
    (
        "Acupuncture is a safe and effective treatment for back pain.",
        "Acupuncture may be an effective treatment for back pain.",
    ),
    (
        "Studies show that these injections are both safe and effective.",
        "Studies suggest that these injections are effective.",
    ),
    ("Our tea is safe, natural and effective.", "Our tea may be safe, natural and effective."),
    # a word of strength left under the hedge goes with it, never one that bounds a harm
    (
        "Clinical studies have shown the cream can dramatically reduce wrinkles.",
        "Clinical studies suggest the cream can reduce wrinkles.",
    ),
    (
        "This powerful formula has been shown to ease joint pain.",
        "Early studies suggest this formula can ease joint pain.",
    ),
    (
        "There are potent herbal remedies that relieve anxiety.",
        "There are herbal remedies that may relieve anxiety.",
    ),
    # … a speed on the outcome too, never a procedure's name
    (
        "The gel can bring almost immediate relief from joint pain.",
        "The gel may bring relief from joint pain.",
    ),
    (
        "Done properly, rapid detox can be a safe and effective treatment.",
        "Done properly, rapid detox may be an effective treatment.",
    ),
    (
        "Our program can bring long-lasting relief from back pain.",
        "Our program may bring relief from back pain.",
    ),
    # a duration only on what the thing is for goes without a hedge on what the thing is
    (
        "It is a drug-free option for long-lasting knee pain relief.",
        "It is a drug-free option for knee pain relief.",
    ),
    # a majority under the hedge becomes a minority
    (
        "This drip relieves migraines in most cases within a few hours.",
        "This drip may relieve migraines in some cases within a few hours.",
    ),
    (
        "The procedure is remarkably safe, with no significant complications.",
        "The procedure may be safe, with no significant complications.",
    ),
    # a treatment said to have no side effects can have them, like any treatment; "minimal"
    # side effects are "usually mild"; a majority that has none is left to the writer
    (
        "This therapy causes no side effects at all.",
        "This therapy can have side effects, like any treatment.",
    ),
    (
        "The cream is completely free of harmful side effects.",
        "The cream can have side effects, like any treatment.",
    ),
    (
        "Laser therapy for men causes no cardiovascular side effects whatsoever.",
        "Laser therapy for men can have cardiovascular side effects, like any treatment.",
    ),
    (
        "Side effects are minimal and not serious as long as the dose is right.",
        "Side effects are usually mild as long as the dose is right.",
    ),
    ("Most patients have no side effects.", "Most patients have no side effects."),
    # a comparison that praises becomes what it names: "an alternative to Y", and a verb that
    # works "better than Y" works "differently from Y" (the rulebook's advice)
    (
        "Bioidentical hormones are safer and more effective than the synthetic kind.",
        "Bioidentical hormones are alternatives to the synthetic kind.",
    ),
    (
        "Acupuncture is far better than painkillers for back pain.",
        "Acupuncture is an alternative to painkillers for back pain.",
    ),
    ("More Effective Than Surgery", "An Alternative to Surgery"),
    ("Works better than chemotherapy.", "Works differently from chemotherapy."),
    # a heading that names a cure for something names a treatment for it, without praise
    ("The Legendary Cure for Back Pain", "A Treatment for Back Pain"),
    (
        "Acupuncture: The Natural Cure for Migraines",
        "Acupuncture: A Natural Treatment for Migraines",
    ),
    ("Natural Cures for Eczema", "Natural Treatments for Eczema"),
    # what a means is used for is an aim
    (
        "The device uses gentle currents to restore normal nerve activity in the spine.",
        "The device uses gentle currents intended to restore normal nerve activity in the spine.",
    ),
    # a dropped word takes its "yet" with it
    ("A gentle yet effective cream for dry skin.", "A gentle cream for dry skin."),
    # a means that opens the sentence moves under the hedge
    (
        "By calming the nervous system, massage relieves chronic pain.",
        "Massage may relieve chronic pain by calming the nervous system.",
    ),
    # a "How to" heading: the verb takes its template's weaker word, its absolutes go
    ("How to Completely Reverse Arthritis Without Drugs", "How to Ease Arthritis Without Drugs"),
    ("How to Beat Insomnia Permanently: A Plan", "How to Manage Insomnia: A Plan"),
    # any heading's verb of cure or benefit does the same; a modal keeps its hedge, a noun
    # stays a noun
    (
        "Helping You Successfully Overcome Chronic Migraine",
        "Helping You Manage Chronic Migraine",
    ),
    ("Clinic Treats Back Pain Effectively with Laser", "Clinic Treats Back Pain with Laser"),
    ("Laser Therapy: Curing Back Pain Gently", "Laser Therapy: Easing Back Pain Gently"),
    ("The Only Cure for Migraines That Works", "A Remedy for Migraines That Can Help"),
    # evidence that grows or agrees becomes some studies; people who saw a benefit, some of
    # them; certainty about the benefits, the state of the research
    (
        "Modern science is backing up the benefits of this herb.",
        "Some studies support the benefits of this herb.",
    ),
    (
        "Science keeps confirming the amazing heart benefits of omega-3s.",
        "Some studies support the heart benefits of omega-3s.",
    ),
    (
        "Even so, a growing body of research demonstrates the effectiveness of these methods.",
        "Even so, some research suggests that these methods can help.",
    ),
    (
        "Experts have reported dramatic improvement in migraine and back pain.",
        "Some experts have reported improvement in migraine and back pain.",
    ),
    (
        "The benefits of acupuncture are beyond doubt.",
        "The benefits of acupuncture are still being studied.",
    ),
    (
        "Clinical research continues to show that yoga eases back pain.",
        "Clinical research suggests that yoga eases back pain.",
    ),
    # a proof of results the subject produced is no proof of what the subject is
    (
        "Acupuncture has demonstrated positive results in helping users lower their stress.",
        "Acupuncture has demonstrated positive results in helping users lower their stress.",
    ),
    # a "no" in a clause of its own does not negate the majority's claim
    (
        "While no therapist can promise an outcome, the vast majority of clients notice "
        "real improvements with massage.",
        "While no therapist can promise an outcome, some clients report real improvements "
        "with massage.",
    ),
    # "the gold standard of X" is an option for X
    (
        "IV ketamine remains the gold standard of migraine care.",
        "IV ketamine remains an option for migraine care.",
    ),
    # a clause with a subject of its own gets its own hedge: one "may" does not cover it
    (
        "Our spray eases migraines in most users, and relief can last for weeks.",
        "Our spray may ease migraines in some users, and relief may last for weeks.",
    ),
    # the clinic's own act is not hedged
    (
        "This balm will definitely soothe sore joints, and we ship it free within two days.",
        "This balm may soothe sore joints, and we ship it free within two days.",
    ),
]


@pytest.mark.parametrize(("text", "expected"), FAMILIES_OF_REWRITES)
def test_families_of_rewrites(pipeline, text, expected):
    _rewrites_to(pipeline, text, expected)


def test_grammar_check_sees_a_glued_not_and_a_space_inside_brackets():
    from lint.engine.rewrite.checks import grammar_damage

    assert grammar_damage("It doesn't last.", "It mayn't last.") == ["modal + n't: mayn't"]
    assert grammar_damage("Low (totally painless)", "Low ( painless)") == ["spacing: ( "]
    assert grammar_damage("Low (totally painless)", "Low (painless)") == []


def test_a_dropped_word_takes_its_degree_word_along():
    from lint.engine.nlp import pipeline as spacy_pipeline
    from lint.engine.rewrite.claim import _left_behind

    doc = spacy_pipeline()("The quicker and more long-lasting the reversal.")
    gone = {t.i for t in doc if t.text in ("long", "-", "lasting")}
    assert {doc[i].text for i in _left_behind(doc, gone)} == {"and", "more"}


def test_joined_verb_check_tells_a_verb_from_a_list_of_nouns():
    from lint.engine.rewrite.checks import joined_s_verbs
    from lint.engine.rewrite.grammar import base_form

    assert joined_s_verbs("It may slow digestion and curbs appetite.")
    assert joined_s_verbs("It may rebuild collagen, tighten pores and brightens dull skin.")
    assert not joined_s_verbs("It may ease aches, pains and stress.")
    assert not joined_s_verbs("It may help muscles, ligaments and joints so you can run.")
    assert not joined_s_verbs("It may be safer because the body recognizes and uses it.")
    assert [base_form(w) for w in ("focus", "stress", "sharpens")] == ["focus", "stress", "sharpen"]


@pytest.fixture(scope="module")
def fused() -> Pipeline:
    """The pipeline with the shipped claim model, as `overclaim check` runs by default."""
    return Pipeline()


def test_an_opening_verb_read_as_a_noun_takes_the_hedge_not_its_object(fused):
    """ "Keeps HbA1c blood sugar levels healthy": the tagger reads "Keeps" into the noun
    phrase; "levels" is its object, never "may level"."""
    text = "Keeps HbA1c blood sugar levels healthy in people with diabetes."
    for unsafe in (False, True):
        fixed = fused.fix_sources([SourceText("p.txt", text)], unsafe=unsafe)[0].text
        assert fixed.startswith("May ") and "levels healthy" in fixed, fixed


def test_a_rare_harm_is_never_hedged_again(fused):
    """ "rarely causes" is already a hedge: the model's reading of what is left gets the
    advice, never "may rarely cause"."""
    text = (
        "Unlike sleeping pills, our patch never causes dangerous side effects such as memory loss."
    )
    for unsafe in (False, True):
        fixed = fused.fix_sources([SourceText("p.txt", text)], unsafe=unsafe)[0].text
        assert fixed == "Our patch rarely causes dangerous side effects such as memory loss."


def test_what_the_writer_says_a_thing_is_is_not_doubted(fused):
    """ "The thing about healing is that it is always possible": never "may be that", which
    doubts what the writer says the thing is, not the claim inside it."""
    text = "The wonderful thing about healing, at any age, is that it is always possible."
    assert fused.check_text(text, "p.txt")
    for unsafe in (False, True):
        fixed = fused.fix_sources([SourceText("p.txt", text)], unsafe=unsafe)[0].text
        assert "may be that" not in fixed


@pytest.mark.parametrize(
    ("text", "never"),
    [
        # the model reads a safety claim in the clause the first one leads into: a hedge on
        # "penetrates" would doubt the fact and leave the claim
        (
            "Red light penetrates two inches into the skin, so there is no damage whatsoever to your tissue.",
            "may penetrate",
        ),
        # a majority in a sentence about safety stays for the writer: not "for some clients"
        (
            "Our drips rely on nutrients chosen by nurses, ensuring total safety for every client.",
            "some clients",
        ),
    ],
)
def test_a_hedge_never_lands_on_a_fact_beside_the_models_claim(fused, text, never):
    assert fused.check_text(text, "p.txt")
    for unsafe in (False, True):
        fixed = fused.fix_sources([SourceText("p.txt", text)], unsafe=unsafe)[0].text
        assert never not in fixed, fixed


@pytest.mark.parametrize("heading", ["Holistic Stress Cures", "Holistic Depression Cures"])
def test_a_heading_that_ends_in_a_plural_noun_never_gets_a_hedged_verb(fused, heading):
    """The claim model still flags "Holistic Stress Remedies"; its last word is a noun, never
    "May Remedy"."""
    fixed = fused.fix_sources([SourceText("p.txt", heading + "\n")], unsafe=True)[0].text
    assert fixed == heading.replace("Cures", "Remedies") + "\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a promise in the next clause that no rule names, but the claim model reads as one
        (
            "This tea will definitely calm your nerves, and you'll sleep through the night.",
            "This tea may calm your nerves, and you may sleep through the night.",
        ),
        (
            "This gel will definitely ease your back pain, and you'll wake up with less pain.",
            "This gel may ease your back pain, and you may wake up with less pain.",
        ),
        # a hedge in the clause under it does not hedge the main clause
        (
            "It works because the herbs help rebalance your hormones.",
            "It may work because the herbs are thought to help rebalance your hormones.",
        ),
        # a fact beside the claim, and the clinic's own act, keep their words
        (
            "This gel will definitely ease your back pain, and depression affects many adults.",
            "This gel may ease your back pain, and depression affects many adults.",
        ),
        (
            "This balm will definitely soothe sore joints, and we ship it free within two days.",
            "This balm may soothe sore joints, and we ship it free within two days.",
        ),
    ],
)
def test_another_clause_the_model_reads_as_a_claim_is_hedged_too(fused, text, expected):
    assert fused.fix_sources([SourceText("p.txt", text)], unsafe=True)[0].text == expected
    assert not problems(text, expected)


def test_a_verb_the_rewrite_wrote_agrees_with_the_hedge(fused):
    """ "may bring … and reverses" → the swap's "eases" takes the base form too."""
    text = (
        "HRT brings hormones back to effective levels and reverses the physical changes left "
        "by years of hormone loss."
    )
    fixed = fused.fix_sources([SourceText("p.txt", text)], unsafe=True)[0].text
    assert fixed == (
        "HRT may bring hormones back to effective levels and ease the physical changes left "
        "by years of hormone loss."
    )
    assert not problems(text, fixed)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a hype phrase traded for plain words, and how fast a participle goes: safe
        (
            "What makes this serum so revolutionary is the way it feels.",
            "What makes this serum different is the way it feels.",
        ),
        (
            "A groundbreaking device called Calmora is changing the landscape of sleep care.",
            "A new device called Calmora is an option in sleep care.",
        ),
        (
            "The drip sends fluids straight into your bloodstream, instantly rehydrating your "
            "body.",
            "The drip sends fluids straight into your bloodstream, rehydrating your body.",
        ),
        # an event is no "option": left to the unsafe fix or the writer
        (
            "In a breakthrough made by Danish researchers, a new serum was developed.",
            "In a breakthrough made by Danish researchers, a new serum was developed.",
        ),
        # praise that ranks goes; what the option is for stays, claiming no more
        (
            "The magnesium spray is now a preferred method for treating cramps.",
            "The magnesium spray is now an option for treating cramps.",
        ),
        (
            "IV drips remain the gold standard of hangover care.",
            "IV drips remain an option for hangover care.",
        ),
        # a cure named by a noun becomes a weaker noun; one that is graded, or a verb read
        # as a noun, is left to the writer
        ("Holistic Eczema Cures", "Holistic Eczema Remedies"),
        (
            "Many clients experience a full resolution of their headaches.",
            "Some clients report an improvement in their headaches.",
        ),
        (
            "The herb can bring about an almost complete cure.",
            "The herb can bring about an almost complete cure.",
        ),
        # growing, agreeing or certain evidence becomes the state of the evidence
        (
            "Modern science is backing up the benefits of this herb.",
            "Some studies support the benefits of this herb.",
        ),
        (
            "The benefits of acupuncture are beyond doubt.",
            "The benefits of acupuncture are still being studied.",
        ),
    ],
)
def test_safe_fixes_that_only_trade_strength(pipeline, text, expected):
    assert _fixed(pipeline, [text], unsafe=False)[0].text == expected


@pytest.mark.parametrize(
    "text",
    [
        "According to the Mayo Clinic newsletter, this tea cures insomnia.",
        "The Sleep Gazette calls melatonin a supplement that cures jet lag.",
        "The National Sleep Institute has found that this tea cures insomnia.",
    ],
)
def test_what_a_named_source_says_gets_advice(pipeline, text):
    """Rewriting it would change what the source is reported to say: the writer checks it."""
    result = _fixed(pipeline, [text])[0]
    assert result.text == text
    assert result.remaining


def test_vague_research_is_no_named_source(pipeline):
    text = "According to research, this tea cures insomnia."
    assert _fixed(pipeline, [text])[0].text == (
        "According to early research, this tea may ease insomnia."
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Clears excess lactic acid from the body and works out knots.",
            "May help clear excess lactic acid from the body and work out knots.",
        ),
        # the parse puts the opening verb on its object; the model alone flags it
        (
            "Curbs cravings and takes the edge off withdrawal",
            "May help curb cravings and take the edge off withdrawal",
        ),
    ],
)
def test_a_fragment_that_opens_with_its_verb_is_hedged_from_the_start(fused, text, expected):
    """ "Clears … and works out knots": "May help" goes first, never on the second verb."""
    fixed = fused.fix_sources([SourceText("p.txt", text)], unsafe=True)[0].text
    assert fixed == expected


def test_a_mechanism_set_off_after_a_comma_is_no_safe_fix(pipeline):
    """ "…, producing new skin cells" is a further claim: "is thought to" on the verb before it,
    with "which may" on the claim after it, is offered only as an unsafe fix."""
    text = "The serum also smooths the skin, producing new skin cells throughout the face."
    assert _fixed(pipeline, [text], unsafe=False)[0].text == text
    assert _fixed(pipeline, [text])[0].text == (
        "The serum is also thought to smooth the skin, which may produce new skin cells "
        "throughout the face."
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a clause as the subject is a subject: the verb after it makes the claim
        (
            "Firming the pelvic tissue relieves leakage and mild prolapse.",
            "Firming the pelvic tissue may relieve leakage and mild prolapse.",
        ),
        # a verb that is its own base form keeps it ("bring", not "bre")
        (
            "The pulses bring about better blood flow and new tissue growth.",
            "The pulses are thought to bring about better blood flow and new tissue growth.",
        ),
        # "there is" joined to the hedged clause has its own subject and keeps its verb
        (
            "Starting hormone therapy late is safe and there is still plenty to gain.",
            "Starting hormone therapy late may be safe and there is still plenty to gain.",
        ),
    ],
)
def test_the_verb_after_a_clause_subject_is_hedged(fused, text, expected):
    _rewrites_to(fused, text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a promise with "will" is hedged as the present tense is ("will help" → "may help")
        (
            "A cooling pillow will help you have a calmer, more restful night.",
            "A cooling pillow may help you have a calmer, more restful night.",
        ),
        # "a few drops" is an amount, not a hedged subject like "few people"
        (
            "A few drops of this oil each night will calm your mind.",
            "A few drops of this oil each night may calm your mind.",
        ),
        # what a product uses something for is an aim, whichever words the model weighed
        (
            "The patch uses natural menthol to soothe sore muscles.",
            "The patch uses natural menthol intended to soothe sore muscles.",
        ),
    ],
)
def test_the_models_claim_in_the_main_clause_is_hedged(fused, text, expected):
    assert fused.check_text(text, "p.txt")
    _rewrites_to(fused, text, expected)


def test_praise_that_implies_novelty_goes(fused):
    """ "innovative", "indispensable", "powerful" and the like, on a noun the model reads as
    hype, go as "revolutionary" does (safe: only the praise goes)."""
    text = "Our clinic offers innovative treatments for chronic back pain."
    assert fused.check_text(text, "p.txt")
    for unsafe in (False, True):
        fixed = fused.fix_sources([SourceText("p.txt", text)], unsafe=unsafe)[0].text
        assert fixed == "Our clinic offers treatments for chronic back pain."


def test_praise_beyond_the_hedge_gets_advice(fused):
    """ "may help more women …, and it does the job quicker": the hedge leaves the second
    clause's comparison stated, so the sentence gets the advice."""
    _left_to_the_advice(
        fused, "This tonic helps more women than any pill, and it does the job quicker."
    )


def test_a_base_form_is_its_own_lemma():
    from lint.engine.nlp import verb_lemmas

    assert verb_lemmas("bring")[0] == "bring"
    assert verb_lemmas("process")[0] == "process"
    assert verb_lemmas("brings") == ("bring",)
    assert verb_lemmas("saw")[0] == "see"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the outcome a mechanism brings, set off at the end, takes its own hedge
        (
            "Because it is delivered by IV, the drip travels straight to your brain, "
            "giving you an immediate boost of energy.",
            "Because it is delivered by IV, the drip is thought to travel straight to your "
            "brain, which may give you a boost of energy.",
        ),
        (
            "Weekly sessions over two months gradually build new pathways, making relief "
            "self-sustaining for many clients.",
            "Weekly sessions over two months are thought to gradually build new pathways, "
            "which may make relief self-sustaining for many clients.",
        ),
        # a means is no outcome
        (
            "Magnesium relaxes the muscles, using a gentle natural pathway.",
            "Magnesium is thought to relax the muscles, using a gentle natural pathway.",
        ),
        # every participle of the outcome takes its base form, one the parse read as a
        # noun's too ("reopening narrowed arteries")
        (
            "Chelating drips pull metals out of the bloodstream, shrinking plaque and "
            "reopening narrowed arteries.",
            "Chelating drips are thought to pull metals out of the bloodstream, which may "
            "shrink plaque and reopen narrowed arteries.",
        ),
        # an outcome with a phrase of its own after it ("depending on what …")
        (
            "The cream tightens the skin, smoothing fine lines depending on how deep they are.",
            "The cream is thought to tighten the skin, which may smooth fine lines depending "
            "on how deep they are.",
        ),
    ],
)
def test_the_outcome_after_a_mechanism_is_hedged_too(fused, text, expected):
    _rewrites_to(fused, text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("These apps really do work.", "These apps can help."),
        ("This cream works great on sore knees.", "This cream can help with sore knees."),
        # "works great to" is "can help", never "may can help" nor "may work great"
        ("This oil works great to lower blood sugar!", "This oil can help lower blood sugar!"),
        ("Our gummies work great for sleep.", "Our gummies can help with sleep."),
        ("Cold plunges actually work for burnout.", "Cold plunges can help with burnout."),
        ("Turmeric: The Spice That Actually Works", "Turmeric: The Spice That Can Help"),
        ("It can work wonders for people in pain.", "It may help people in pain."),
        # who it works for stays the writer's: "can help with people" would misread it
        (
            "It really does work for people with arthritis.",
            "It may work for people with arthritis.",
        ),
    ],
)
def test_works_becomes_can_help_not_may_work(pipeline, text, expected):
    """A bare "works" hedged as "may work" reads as doubt that it works at all; "can help"
    says what the evidence allows."""
    assert _fixed(pipeline, [text])[0].text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Depression is highly treatable.", "Depression can be treated."),
        (
            "Fortunately, anxiety is very treatable with therapy.",
            "Fortunately, anxiety can be treated with therapy.",
        ),
    ],
)
def test_wording_a_hedge_would_make_odd_is_made_plain(pipeline, text, expected):
    """ "may be treatable" doubts that it can be treated at all."""
    assert _fixed(pipeline, [text])[0].text == expected


def test_an_improvement_written_for_a_cure_is_in_what_it_improves(pipeline):
    fixed = _fixed(pipeline, ["Our therapy brings a full resolution of symptoms."])[0].text
    assert "an improvement in symptoms" in fixed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Many clients see dramatic results after three sessions.",
            "Some clients report results after three sessions.",
        ),
        (
            "Most of our clients feel calmer after one session.",
            "Some of our clients report feeling calmer after one session.",
        ),
        # the writer's own "may" is theirs
        ("Some patients may notice results.", "Some patients may notice results."),
        # a "will" beside the majority made "some" goes too
        ("All patients will notice a difference.", "Some patients report a difference."),
        (
            "This routine will help everyone sleep better.",
            "This routine may help some people sleep better.",
        ),
    ],
)
def test_what_some_people_go_through_is_what_they_report(pipeline, text, expected):
    """The claims guide's "most patients achieve significant improvements" → "some patients
    report improvements": a majority's outcome becomes what some of them report."""
    assert _fixed(pipeline, [text])[0].text == expected


def test_the_i_of_a_hyphenated_name_is_no_speaker(pipeline):
    """ "CBT-I" ends in "I", which is no testimonial: the sentence is rewritten."""
    fixed = _fixed(pipeline, ["CBT-I is the most effective treatment for insomnia."])[0].text
    assert fixed == "CBT-I is an option for insomnia."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a common noun that opened the sentence loses its capital inside it; a name keeps it
        (
            "Magnesium has been shown to improve sleep quality.",
            "Early studies suggest magnesium can improve sleep quality.",
        ),
        (
            "Spravato has been shown to ease depression.",
            "Early studies suggest Spravato can ease depression.",
        ),
        # a generic drug name the dictionary does not know, by its stem
        (
            "Fluoxetine has been shown to ease depression.",
            "Early studies suggest fluoxetine can ease depression.",
        ),
    ],
)
def test_a_word_moved_inside_the_sentence_keeps_only_a_names_capital(fused, text, expected):
    _rewrites_to(fused, text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Over the past twenty years, studies have consistently shown that our drops ease "
            "migraines.",
            "Over the past twenty years, studies have suggested that our drops ease migraines.",
        ),
        (
            "In recent years, magnesium has been shown to improve sleep quality.",
            "In recent years, some studies have suggested that magnesium can improve sleep quality.",
        ),
    ],
)
def test_research_over_years_is_not_early(fused, text, expected):
    """Studies that span years are "some" studies, and what they showed "has suggested"."""
    _rewrites_to(fused, text, expected)


@pytest.mark.parametrize(
    "text",
    [
        # the parser reads "cupping releases" as a noun phrase; "that" says it is a clause
        "Research has proven that cupping releases endorphins.",
        "Modern science has proven that cupping releases endorphins and switches on the body's natural painkillers.",
    ],
)
def test_a_proven_clause_is_never_examined(pipeline, text):
    for unsafe in (False, True):
        fixed = _fixed(pipeline, [text], unsafe)[0].text
        assert "examined that" not in fixed and "may have" not in fixed, fixed


@pytest.mark.parametrize(
    ("text", "safe", "unsafe"),
    [
        # a harm denied outright becomes a rare one, and the contrast goes
        (
            "Unlike sleeping pills, the patch does not cause drowsiness or memory loss.",
            None,
            "The patch rarely causes drowsiness or memory loss.",
        ),
        (
            "The tea doesn't cause jitters or crashes.",
            None,
            "The tea rarely causes jitters or crashes.",
        ),
        (
            "The laser won't damage the surrounding skin.",
            None,
            "The laser rarely damages the surrounding skin.",
        ),
        # side effects said to be slight become usually mild (the guide's own wording)
        (
            "Side effects are minor, such as brief redness.",
            None,
            "Side effects are usually mild, such as brief redness.",
        ),
        # pain denied outright becomes pain that is rare, or usual painlessness before a noun
        (
            "Our laser session is quick and painless.",
            None,
            "Our laser session is quick and rarely painful.",
        ),
        (
            "Shockwave therapy is a painless outpatient procedure.",
            None,
            "Shockwave therapy is a usually painless outpatient procedure.",
        ),
        ("The injection doesn't hurt at all.", None, "The injection rarely hurts."),
        (
            "You may feel warmth, but the wrap is not painful.",
            None,
            "You may feel warmth, but the wrap is rarely painful.",
        ),
    ],
)
def test_a_harm_or_pain_denied_outright_becomes_rare(pipeline, text, safe, unsafe):
    """The guide's "side effects are usually mild" for harms and pain said never to happen:
    a change of strength only, so the safe fix makes it too."""
    assert _fixed(pipeline, [text], unsafe=False)[0].text == (safe or unsafe)
    _rewrites_to(pipeline, text, unsafe)


@pytest.mark.parametrize(
    "text",
    [
        # "need" hangs on "does not": "rarely triggers scarring or need anesthesia" is broken
        "In contrast to surgery, the laser does not trigger scarring or need anesthesia.",
        # "nearly rarely painful" says nothing
        "Our peel is nearly painless.",
    ],
)
def test_a_swap_that_would_strand_a_word_is_not_made(pipeline, text):
    for unsafe in (False, True):
        fixed = _fixed(pipeline, [text], unsafe)[0].text
        assert "rarely" not in fixed and not problems(text, fixed), fixed


def test_a_verb_the_parser_hung_on_a_noun_is_still_the_verb(linter):
    """ "Magnesium stimulates neuroplasticity, giving …" is parsed with "stimulates" as a
    compound of "neuroplasticity": the claim is still hedged on it. "Side effects" never is
    a verb."""
    from lint.engine.nlp import pipeline as spacy_pipeline
    from lint.engine.rewrite.roles import role_of
    from lint.engine.rewrites import Rewriter

    lexicon = Rewriter(linter.rulebook, linter.plurals).lexicon
    doc = spacy_pipeline()("Magnesium stimulates neuroplasticity, giving your brain a fresh reset.")
    assert doc[1].dep_ == "compound"  # the misparse this guards against
    role = role_of(doc[0:3], lexicon, "mechanism")
    assert role.kind == "verb" and role.verb is not None and role.verb.text == "stimulates"
    doc = spacy_pipeline()("TMS rarely causes systemic or dangerous side effects such as seizures.")
    role = role_of(doc[2:8], lexicon, "safety")
    assert role.verb is not None and role.verb.text == "causes"


@pytest.mark.parametrize(
    ("before", "after", "shape"),
    [
        (
            "It can be reversed and even cured.",
            "It may be eased and even eased.",
            "repeated conjunct",
        ),
        (
            "It fades, partly or completely, with rest.",
            "It fades, partly or, with rest.",
            "dangling",
        ),
        (
            "The craving simply no longer exists.",
            "The craving simply no longer may exist.",
            "negation",
        ),
        (
            "It is backed by a body of evidence.",
            "Early studies suggest by a body of evidence.",
            "agent",
        ),
        (
            "In a recent study, the app was shown to lift mood.",
            "In a recent study, early studies suggest that the app can lift mood.",
            "two studies",
        ),
        (
            "Zinc has been proven to clear acne and to calm skin.",
            "Early studies suggest zinc can clear acne and to calm skin.",
            "and to",
        ),
        (
            "The key to helping patients feel well is rest.",
            "The key to helping patients may feel well is rest.",
            "object's verb",
        ),
        (
            "A tool to plan your diet, track your sleep and feel great.",
            "A tool to plan your diet, may track your sleep and feel great.",
            "to-list",
        ),
        (
            "Only by cutting sugar can we calm the gut.",
            "Only by cutting sugar may we calm the gut.",
            "inverted modal",
        ),
        (
            "There is data proving how well it treats pain.",
            "There is data proving how well it may treat pain.",
            "proof + hedge",
        ),
        (
            "In clinical trials, the oil has been shown to ease cramps.",
            "In clinical trials, early studies suggest that the oil can ease cramps.",
            "two studies",
        ),
        (
            "Ending migraines is not a dream.",
            "Ending migraines may be not a dream.",
            "modal before not",
        ),
        (
            "We know that zinc shortens colds.",
            "We know that zinc may shorten colds.",
            "hedged knowledge",
        ),
        ("The gut heals from the damage.", "The gut may help from the damage.", "help from"),
        ("Results Are Over 95% Effective", "Results May Be Over 95 Effective", "lost %"),
        (
            "A cure for waking too soon is this tea.",
            "A remedy for waking may too soon be this tea.",
            "modal + too",
        ),
        (
            "Diet and support help rewire the brain.",
            "Diet and support help are thought to rewire the brain.",
            "help + thought",
        ),
    ],
)
def test_broken_shapes_are_caught(before, after, shape):
    """Each shape is reported where the rewrite made it, never where the text had it."""
    found = broken_shape(before, after)
    assert len(found) == 1 and shape in found[0], found
    assert broken_shape(after, after) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # evidence beyond question becomes encouraging, or some evidence
        (
            "For our sleep tea, the evidence is compelling.",
            "For our sleep tea, the evidence is encouraging.",
        ),
        (
            "There is overwhelming evidence that our tea calms nerves.",
            "There is some evidence that our tea calms nerves.",
        ),
        # a dated study's proof is the claim, not a fact to leave; it stays in the past tense
        (
            "A 2016 study proved that our cream eases arthritis pain.",
            "A 2016 study suggested that our cream eases arthritis pain.",
        ),
        (
            "Research showed that the tea calms nerves.",
            "Research suggested that the tea calms nerves.",
        ),
    ],
)
def test_settled_evidence_becomes_encouraging(pipeline, text, expected):
    assert pipeline.check_text(text, "p.txt")
    _rewrites_to(pipeline, text, expected)


def test_a_claim_in_a_phrase_of_what_something_is_gets_advice(pipeline):
    """ "may now be a routine operation with …" would doubt what the operation is and leave
    its success rates stated: the sentence is left to the advice."""
    _left_to_the_advice(
        pipeline, "Knee replacement is now a routine operation with excellent success rates."
    )


def test_a_list_of_outcomes_is_not_a_trailing_outcome(pipeline):
    """ "include easing pain that pills can't touch, boosting immunity …" is a list: its
    second item never becomes "which may boost"."""
    text = "The benefits of massage include easing pain that pills can't touch, boosting immunity and improving sleep."
    for unsafe in (False, True):
        assert "which may" not in _fixed(pipeline, [text], unsafe)[0].text


def test_a_heading_label_is_a_noun_and_what_follows_its_colon_opens_it(pipeline):
    """ "Vitamin Drips:" is a label, never "Vitamin May Drip:"; after the colon of a Title
    Case heading a new word takes its capital ("A New Option")."""
    for unsafe in (False, True):
        assert (
            "May Drip"
            not in _fixed(pipeline, ["Recovery Drips: Rapid Relief for Sore Muscles"], unsafe)[
                0
            ].text
        )
    _rewrites_to(
        pipeline,
        "Cold Laser Therapy: New Hope for Knee Pain",
        "Cold Laser Therapy: A New Option for Knee Pain",
    )


@pytest.mark.parametrize(
    "text",
    [
        "The treatment is safe for most patients.",
        "Sessions are well-tolerated by most people.",
        "Most people tolerate the injections well.",
    ],
)
def test_a_majority_of_safety_is_left_to_the_advice(pipeline, text):
    """ "safe for some patients" would say it harms the rest: a majority in a sentence about
    safety is the writer's to bound (as a majority in a negated clause is)."""
    _left_to_the_advice(pipeline, text)


# Where the hedge goes, and what goes from under it: each overclaim and its rewrite.
HEDGE_PLACES = [
    # an infinitive joined to the proven one loses its "to" with it
    (
        "Studies have shown the tea to calm the mind and to ease tension.",
        "Studies suggest the tea can calm the mind and ease tension.",
    ),
    # "may" goes before "no longer", never between it and its verb
    (
        "After the program, clients no longer suffer from panic attacks.",
        "After the program, clients may no longer suffer from panic attacks.",
    ),
    # the claims are the relative clause's verbs, not the copula's
    (
        "Chamomile is a flower that soothes the gut, eases cramps and relieves bloating.",
        "Chamomile is a flower that may soothe the gut, ease cramps and relieve bloating.",
    ),
    # "levels" is the object of "Keeps", not a verb the tagger misread
    (
        "Keeps blood sugar levels healthy in diabetics.",
        "May help keep blood sugar levels healthy in diabetics.",
    ),
    # "show up" is no verb of proof ("may have been shown" is what that must never become)
    (
        "With our extract, benefits typically show up within 6 to 12 weeks.",
        "With our extract, benefits may show up within 6 to 12 weeks.",
    ),
    # the parse hangs "counteracts" on "lead", the bare verb under "helps": it agrees with
    # "helps", so both verbs share the hedge on "helps"
    (
        "Testosterone replacement helps men lead a fuller life and counteracts the effects of aging.",
        "Testosterone replacement may help men lead a fuller life and counteract the effects of aging.",
    ),
    # praise and wiping out under a hedge keep what the hedge was meant to bound
    (
        "Our balm is a wonderful alternative to painkillers.",
        "Our balm may be an alternative to painkillers.",
    ),
    (
        "This supplement is seriously effective for joint pain.",
        "This supplement may be effective for joint pain.",
    ),
    ("Our gel wipes out germs on your hands.", "Our gel may reduce germs on your hands."),
    # the outcome set off after a hedged claim takes its own hedge (a clause inside it is part
    # of it)
    (
        "Our balm is absorbed very quickly, giving relief right where you apply it.",
        "Our balm may be absorbed very quickly, which may give relief right where you apply it.",
    ),
    # "as a rule" beside "may" reads as a second hedge: it goes
    (
        "Our drops are generally very effective for headaches.",
        "Our drops may be effective for headaches.",
    ),
    # a sentence that names its studies gets the guide's "has shown promise", not a second
    # "early studies suggest"
    (
        "In clinical trials, the patch has been shown to improve sleep quality in older adults.",
        "In clinical trials, the patch has shown promise in improving sleep quality in older adults.",
    ),
    # what is "known" is what is thought; a body that heals from something recovers from it
    (
        "High doses of the balm are known to ease the pain of arthritis.",
        "High doses of the balm are thought to ease the pain of arthritis.",
    ),
    (
        "Once cravings are under control, the brain heals from the damage.",
        "Once cravings are under control, the brain may recover from the damage.",
    ),
]


@pytest.mark.parametrize(("text", "expected"), HEDGE_PLACES)
def test_the_hedge_goes_where_the_grammar_and_the_claim_want_it(pipeline, text, expected):
    _rewrites_to(pipeline, text, expected)


def test_efficacy_only_qualifying_a_heading_noun_goes_in_the_safe_fix(pipeline):
    """ "An Effective Treatment for X" → "A Treatment for X" is a change of strength in a
    heading; in a sentence the treatment would still be said to treat X (unsafe)."""
    heading = "Cold Laser: An Effective Treatment for Knee Pain"
    assert (
        _fixed(pipeline, [heading], unsafe=False)[0].text == "Cold Laser: A Treatment for Knee Pain"
    )
    sentence = "Cold laser is an effective treatment for knee pain."
    assert "a treatment for knee pain" not in _fixed(pipeline, [sentence], unsafe=False)[0].text


def test_a_counted_subject_keeps_its_claim_for_the_advice(pipeline):
    """ "Most sleep gummies' risk of dependence is still being studied, especially those …"
    breaks the sentence: a counted subject is left to the advice."""
    _left_to_the_advice(
        pipeline, "Most sleep gummies are non-habit-forming, especially those made with herbs."
    )


@pytest.mark.parametrize(
    ("text", "word", "noun"),
    [
        ("Brain supplements have emerged as a defence against decline.", "supplements", True),
        ("Ice baths have become a helpful practice.", "baths", True),
        (
            "Thanks to its safety in numerous research studies it is now widely used.",
            "studies",
            True,
        ),
        ("Our tea cures colds.", "cures", False),
    ],
)
def test_a_word_where_only_a_noun_stands_is_never_read_as_a_verb(text, word, noun):
    """ "Brain supplements have emerged" is no "Brain may supplement have emerged"."""
    from lint.engine.nlp import pipeline as spacy_pipeline
    from lint.engine.rewrite.grammar import noun_by_position

    doc = spacy_pipeline()(text)
    token = next(t for t in doc if t.text == word)
    assert noun_by_position(token) is noun


def test_what_a_treatment_does_is_hedged_not_what_kind_of_care_it_is(fused):
    """ "X is a relatively new discipline that addresses …": the claim is what it does; "is
    thought to be a discipline" would doubt what kind of care it is."""
    text = "Neurokinetics is a relatively new discipline that addresses the root causes of chronic pain."
    for unsafe in (False, True):
        fixed = fused.fix_sources([SourceText("p.txt", text)], unsafe=unsafe)[0].text
        assert fixed == (
            "Neurokinetics is a relatively new discipline that is thought to address the root "
            "causes of chronic pain."
        )


@pytest.mark.parametrize(
    ("text", "verb", "hedged"),
    [
        ("Reishi doesn't just look magical.", "look", False),
        ("The beam does not harm the healthy tissue.", "harm", False),
        ("Patients on it simply won't crave opioids.", "crave", True),
    ],
)
def test_a_negation_that_says_more_or_says_no_harm_is_not_hedged(text, verb, hedged):
    """ "doesn't just look magical" says more, and "may not harm" is still a safety claim:
    neither takes "may not"; an emphatic "simply won't" does."""
    from lint.engine.nlp import pipeline as spacy_pipeline
    from lint.engine.rewrite.verbs import hedge_pieces

    doc = spacy_pipeline()(text)
    token = next(t for t in doc if t.text == verb)
    assert (hedge_pieces(token, False, {}) is not None) is hedged


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "can expect to" is the promise: it becomes "may", not "may see to"
        (
            "After our program, patients can expect to lose a third of their excess weight.",
            "After our program, patients may lose a third of their excess weight.",
        ),
        # a ranking beside "an option" goes with the superlative
        (
            "This balm is by far the gold standard of joint care.",
            "This balm is an option for joint care.",
        ),
        # a certainty word never stays under the hedge
        (
            "A cup of this tea each night is a surefire way to unwind.",
            "A cup of this tea each night may be a way to unwind.",
        ),
        # the size of a novelty goes with the novelty
        (
            "A huge breakthrough for people with tinnitus is here.",
            "A new option for people with tinnitus is here.",
        ),
        # a comma left before the end by the words after it goes too
        (
            "Our balm takes you from sore to supple, completely naturally.",
            "Our balm may take you from sore to supple.",
        ),
        # with the comparison's strength gone, what it compared with goes too
        (
            "Compared with creams, the patch is highly effective.",
            "The patch may be effective.",
        ),
        # what research found between two things it suggests; it did not examine it
        (
            "Research has shown a strong link between our tea and better sleep.",
            "Research suggests a strong link between our tea and better sleep.",
        ),
        # the manner goes, the work stays
        (
            "A padded roller gently and painlessly stretches the lower back.",
            "A padded roller gently stretches the lower back.",
        ),
        # "no side effects" said last of the main clause's verbs is what every treatment has
        (
            "The patch is easy to apply and causes no side effects.",
            "The patch is easy to apply and can have side effects, like any treatment.",
        ),
        # what a thing is stays a fact; the claim joined to it takes its own hedge
        (
            "Turmeric is a spice from India and reduces joint pain.",
            "Turmeric is a spice from India and may reduce joint pain.",
        ),
        # "the only" ranks what a hedged relative clause says of the noun
        (
            "Our program is the only treatment that works for back pain.",
            "Our program is a treatment that can help with back pain.",
        ),
        # the stronger of two joined verbs goes; the weaker says what it may do
        (
            "These nasal strips can reduce or even eliminate snoring.",
            "These nasal strips may reduce snoring.",
        ),
        ("The balm reduces or eliminates knee pain.", "The balm may reduce knee pain."),
        # a participle before the subject describes it, not the studies
        (
            "Taken every morning, the powder has been shown to ease bloating.",
            "Taken every morning, the powder has shown promise in easing bloating.",
        ),
        # two verbs the tagger read as nouns share one hedge, on the first
        (
            "The tea soothes and repairs the lining of the gut.",
            "The tea is thought to soothe and repair the lining of the gut.",
        ),
        # "also" adds to what is thought, not to what it is thought to do
        (
            "The balm also stimulates collagen in the skin.",
            "The balm is also thought to stimulate collagen in the skin.",
        ),
        # an exclamation shouts what the hedge doubts
        ("This tea calms your nerves!", "This tea may calm your nerves."),
        # what "solid science" shows, research suggests
        (
            "Robust science shows that our tea lowers stress.",
            "Research suggests that our tea lowers stress.",
        ),
        # no comma is left between a noun's modifiers by the words dropped after it
        (
            "Our foot supports are custom-made, clinically proven orthotic devices.",
            "Our foot supports are custom-made orthotic devices.",
        ),
    ],
)
def test_a_rewrite_leaves_no_word_it_made_odd(fused, text, expected):
    _rewrites_to(fused, text, expected)


@pytest.mark.parametrize(
    "text",
    [
        # a hedge on the fame leaves the claim: advice
        "Across many trials, our patch boasts remarkable success rates.",
        # "looks like" already seems: "may look like one of the best ways" hedges nothing
        "Acupressure looks like one of the simplest and most profound ways to lower blood pressure.",
        # the reason is hedged, the claim it argues for would stand
        "Ice baths slim your waist because the cold makes your body burn more fuel.",
        # what a text does, and what a body "knows" or "thinks", is no claim to doubt
        "This ebook reveals how our tea melts away belly fat.",
        "Your liver knows exactly how to flush these toxins out.",
        "Your skin thinks it is summer, and as a result collagen production kicks into high gear.",
    ],
)
def test_a_hedge_that_would_miss_the_claim_is_not_made(fused, text):
    _left_to_the_advice(fused, text)


def test_a_singular_pronoun_takes_is_thought_to():
    """ "It also revs up" is singular, though the tagger read "revs" as a plural present."""
    from lint.engine.nlp import pipeline as parser
    from lint.engine.rewrite.verbs import hedge_pieces

    doc = parser()(
        "It also revs up your metabolism, so you keep burning fat after the class is over."
    )
    verb = doc[2]
    assert (verb.text, verb.tag_) == ("revs", "VBP")
    pieces = hedge_pieces(verb, False, {}, thought=True)
    assert pieces is not None and " ".join(pieces.values()).startswith("is also thought to")


def test_the_verbs_of_a_trailing_which_share_its_hedge(fused):
    """What a hedged claim leads to takes a hedge too, and a verb the parse joined to the
    clause's object is still one of its verbs."""
    text = "The mask improves circulation in the skin, which normalizes oil and heightens glow."
    _rewrites_to(
        fused,
        text,
        "The mask may improve circulation in the skin, which may normalize oil and heighten glow.",
    )


def test_the_next_item_of_a_list_is_no_outcome(fused):
    """ "…, sense of smell, eating behaviour and …": the word after the comma is the list's
    next item, though the parse read it as a participle."""
    text = "Our blend determines your metabolism, sense of smell, eating behaviour and stamina."
    for unsafe in (False, True):
        assert "which may eat" not in _fixed(fused, [text], unsafe)[0].text


def test_a_figure_after_a_hedged_claim_is_left_to_the_advice(fused):
    """ "…, achieving over 95% sensitivity in clinical tests" is a result to source, not an
    outcome to hedge: no "which may achieve over 95%"."""
    text = (
        "Our smart ring is highly accurate for detecting sleep duration, achieving over 95% "
        "sensitivity in clinical tests."
    )
    assert fused.check_text(text, "p.txt")
    for unsafe in (False, True):
        assert "which may achieve" not in _fixed(fused, [text], unsafe)[0].text


def test_what_a_product_is_built_to_do_is_already_an_aim(fused):
    """ "is built to boost memory" states what it is for: never "may be built to"."""
    text = "The brain app is built to boost memory through a series of structured, scientifically backed games."
    for unsafe in (False, True):
        assert "may be built" not in _fixed(fused, [text], unsafe)[0].text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the verb read as the last word of its subject ("Adaptogens enhance" as one noun)
        (
            "Adaptogens enhance stamina, focus, libido and sleep.",
            "Adaptogens may enhance stamina, focus, libido and sleep.",
        ),
        # the verb read as a word of its object ("sharpen memory", with "memory" the head)
        (
            "Nootropics sharpen memory, focus, attention and mood.",
            "Nootropics may sharpen memory, focus, attention and mood.",
        ),
    ],
)
def test_a_verb_the_parser_read_as_a_noun_is_hedged_on_a_second_parse(pipeline, text, expected):
    from lint.engine.nlp import pipeline as parser
    from lint.engine.rewrite.reparse import verb_read_as_noun

    assert verb_read_as_noun(parser()(text)) is not None  # the parser's misreading stands
    _rewrites_to(pipeline, text, expected)


def test_a_sentence_parsed_as_a_clause_needs_no_second_parse():
    from lint.engine.nlp import pipeline as parser
    from lint.engine.rewrite.reparse import verb_read_as_noun

    assert verb_read_as_noun(parser()("Ice baths soothe sore muscles and speed recovery.")) is None


def test_praise_in_a_sentence_only_the_model_flagged_goes_as_an_unsafe_fix(fused):
    """ "a masterful blend": the word of praise goes, and only with unsafe fixes (the claim's
    words are the model's guess)."""
    text = "Our sea-salt soak is a masterful blend of minerals your skin craves."
    assert [f.rule for f in fused.check_text(text, "p.txt")] == ["hype.model"]
    assert _fixed(fused, [text], unsafe=False)[0].text == text
    assert (
        _fixed(fused, [text])[0].text
        == "Our sea-salt soak is a blend of minerals your skin craves."
    )
