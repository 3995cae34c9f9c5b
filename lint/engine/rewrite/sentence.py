"""One coherent rewrite of a sentence, built from all of its claims."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from spacy.tokens import Span, Token

from lint.engine.nlp import is_verb_form, pipeline
from lint.engine.rewrite.categories import (
    MEANS_VERBS,
    SAFETY_WORDS,
    finite_above,
    rewrite_claim,
    set_off,
)
from lint.engine.rewrite.checks import joined_s_verbs, spoiled
from lint.engine.rewrite.claim import Job, hedge
from lint.engine.rewrite.edit import Edit, Plan
from lint.engine.rewrite.evidence import RESEARCH_NOUNS
from lint.engine.rewrite.grammar import (
    BE,
    article_for,
    base_form,
    is_present_verb,
    is_title,
    match_case,
    subject_of,
)
from lint.engine.rewrite.reparse import rewrite_reparsed, verb_read_as_noun
from lint.engine.rewrite.roles import REPORTING, Lexicon, advice_only, own_action, role_of
from lint.engine.rewrite.verbs import (
    CERTAINTY,
    EVIDENCE,
    auxiliaries,
    is_hedged,
    opening_head,
    opens_a_contrast,
)
from lint.rulebook.fixspec import Fix

# Claims that restructure their clause are rewritten first; the others in the order of the
# sentence, so that "may" lands on the first of two verbs and the second shares it.
_FIRST = ("regulatory", "consensus", "superiority", "generalization", "cure")


@dataclass(frozen=True)
class Claim:
    """A claim found in a parsed sentence: its category, its words and its template."""

    category: str
    span: Span
    spec: Fix
    model: bool = False  # found by the claim model: its span is the words that weigh most


# The claim model's probability that a clause is a claim (None: rules alone, no such say).
ClauseScore = Callable[[str], float]
# From this score a clause no rule flagged, beside one that is rewritten, is hedged too; from
# the lower one where it promises a benefit or names a condition ("…, and you'll sleep
# through the night").
CLAUSE_CLAIM = 0.5
CLAUSE_CLAIM_NAMED = 0.1


def rewrite_sentence(
    claims: Sequence[Claim], lexicon: Lexicon, clause_score: ClauseScore | None = None
) -> list[Edit]:
    """The sentence's rewrite: the edit with every change, then (if it differs) the edit
    with the safe changes only. Empty when no claim can be rewritten. With
    ``clause_score``, another main clause that reads as a claim is hedged as well ("…, and
    relief lasts a month" → "…, and relief may last a month")."""
    if not claims:
        return []
    sentence = claims[0].span.doc.text
    edits = [_polished(sentence, e, lexicon) for e in _rewrites(claims, lexicon, clause_score)]
    kept = [
        e
        for e in edits
        if not _repeats_a_word(sentence, after := e.apply(sentence))
        and not spoiled(sentence, after)  # a broken rewrite is worse than the advice
    ]
    if kept or verb_read_as_noun(claims[0].span.doc) is None:
        return kept
    # "Nootropics enhance memory": the verb was read as a noun; parse it again as a clause
    return rewrite_reparsed(
        claims,
        pipeline(),
        lambda moved: rewrite_sentence(moved, lexicon, clause_score),
        lexicon.population,
    )


def _polished(sentence: str, edit: Edit, lexicon: Lexicon) -> Edit:
    """The edit with the grammar and wording its hedges call for."""
    for polish in (
        _agreeing,
        _without_absolutes,
        _helps_not_works,
        _idiomatic,
        _treatable,
        _may_beside_some,
        _whether_not_how,
        _thought_to_help,
        _no_emphatic_do,
        _no_yes,
        _no_exclamation,
    ):
        edit = polish(sentence, edit)
    return _reported_experience(sentence, edit, lexicon)


_CONTENT_WORD = re.compile(r"[a-z]{4,}")


def _repeats_a_word(before: str, after: str) -> bool:
    """The rewrite puts a word next to itself, two words apart at most ("Natural Psoriasis
    Cures: Safe and Effective Remedies" → "… Remedies: Remedies")."""

    def near_repeats(text: str) -> set[str]:
        words = re.findall(r"[a-z']+", text.lower())
        return {
            w
            for i, w in enumerate(words)
            if _CONTENT_WORD.fullmatch(w) and w in words[i + 1 : i + 3]
        }

    return bool(near_repeats(after) - near_repeats(before))


# An absolute the hedge would stand beside ("may restore memory completely", "may bring deep
# sleep every night"): it goes.
_ABSOLUTES = re.compile(
    r"\b(?:may|might|could)\b(?:\s+[\w',-]+){0,6}?\s+"
    r"(fully|completely|entirely|totally|absolutely|definitely|certainly|surely|undoubtedly|"
    r"forever|permanently|always|every night|every time|every single time|precisely|exactly)\b",
    re.I,
)


# A frequency right after the hedge says "may" twice over: "may often fall short".
_FREQUENCY = re.compile(
    r"\bmay\s+(often|usually|typically|generally|consistently|reliably)\b", re.I
)


def _without_absolutes(sentence: str, edit: Edit) -> Edit:
    """The edit, without an absolute in the reach of a hedge it adds ("can fully rehabilitate"
    → "may rehabilitate", not "may fully rehabilitate"), or a frequency right after it ("may
    often fall short" → "may fall short")."""
    after = edit.apply(sentence)
    more = []
    for match in (*_ABSOLUTES.finditer(after), *_FREQUENCY.finditer(after)):
        if edit.source_offset(match.start()) is not None:
            continue  # a hedge the sentence had: the writer's own "may … completely"
        start, end = match.span(1)
        source = edit.source_span(start - 1, end)  # the word with the space before it
        if source is not None and sentence[source[0]] == " ":
            more.append((*source, ""))
    edit = edit.with_pieces(tuple(more)) if more else edit
    # a frequency the hedge's own piece carries: "often falls" written as "may often fall"
    after = edit.apply(sentence)
    frequency = _FREQUENCY.search(after)
    if frequency is not None and edit.source_offset(frequency.start(1)) is None:
        edit = edit.with_word_changed(frequency.start(1) - 1, frequency.end(1), lambda _: "")
    return edit


# Where a clause ends: its "works" said all there was to say ("Treatment works, and …").
_CLAUSE_END = re.compile(r"\s*(?:$|[,.;:!?)]|\s(?:and|but)\b)")
# What "works" may carry before the clause ends or names what it works on.
_PRAISE = re.compile(r" (?:great|wonders|well|really well|very well)\b")
_HOW = re.compile(r"\bhow\s+\w+\s+\w+\s*$", re.I)  # "how fast it", "how well they"
# After praise only: "works great on sore knees", not "works on the brain".
_ON = re.compile(r" on ")
_WORKS_ON = re.compile(
    r" (?:for|against) (?!(?:people|patients|everyone|everybody|some|many|most|all|anyone|you|men|women|children|kids|adults|those|me|us|them|him|her|clients)\b)"
)


def _helps_not_works(sentence: str, edit: Edit) -> Edit:
    """The edit, with a bare "works" it hedged saying "can help" rather than "may work",
    which reads as doubt that it works at all: "Treatment works, and …" → "Treatment can
    help, and …", "That Actually Works" → "That Can Help", "really do work" → "can help",
    "works great on sore knees" → "can help with sore knees"."""
    pieces = []
    starts = {start for start, _, _ in edit.pieces}
    for start, end, new in edit.pieces:
        if _HOW.search(sentence, 0, start):  # "how fast it works": the speed is the claim
            pieces.append((start, end, new))
            continue
        lone = not starts & set(range(end, end + 5))  # the next word is no other piece's
        if new.lower() in ("may", "may do") and lone and re.match(r" work\b", sentence[end:]):
            end, new = end + 5, f"{new.split(' ')[0]} work"
        if new.lower() == "may work":
            praise = _PRAISE.match(sentence, end)
            stop = praise.end() if praise else end
            on = _WORKS_ON.match(sentence, stop) or (praise and _ON.match(sentence, stop))
            if on or _CLAUSE_END.match(sentence, stop):
                title = new.split(" ")[1][:1].isupper()
                help_ = "can help with" if on else "can help"
                new = match_case(new.split(" ")[0], help_, title)
                end = on.end() - 1 if on else stop
        pieces.append((start, end, new))
    return Edit(edit.start, max(edit.end, *(e for _, e, _ in pieces)), tuple(pieces), edit.safe)


# After a word the edit wrote, the original word its idiom needs changed: "works wonders for
# people" → "may help people" (not "help for people"); "a full resolution of their symptoms" →
# "an improvement in their symptoms" (a figure keeps "of": "an improvement of 30%").
_IDIOMS = (
    # "can help for people with …" → "can help people with …"; "can help for sleep" → "with"
    (
        re.compile(
            r"\bhelps? (for )(?=(?:many |most |some |all |the |these |those )?(?:people|patients"
            r"|clients|adults|children|kids|men|women|users|anyone|everyone|those|you)\b)",
            re.I,
        ),
        "",
    ),
    (re.compile(r"\bhelps? (for|on)\b", re.I), "with"),
    (
        re.compile(
            r"\bhelps? (to )(?=[a-z]+ )(?!the |a |an |your |their |his |her |my |our )", re.I
        ),
        "",
    ),
    (re.compile(r"\bimprovements? (of) (?![\d.,]+)", re.I), "in"),
    # "heals inflammation" → "may help with inflammation", not "may help inflammation"
    (
        re.compile(
            r"\bhelps? ((?:chronic |severe |your |the |their )?(?:inflammation|pain|anxiety"
            r"|depression|stress|insomnia|eczema|psoriasis|acne|arthritis|diabetes|wounds?"
            r"|injur(?:y|ies)|fatigue|migraines?|headaches?|nausea|bloating|ptsd|ocd|adhd)\b)",
            re.I,
        ),
        "with {}",
    ),
)


def _idiomatic(sentence: str, edit: Edit) -> Edit:
    """The edit, with the words after a word it wrote in that word's idiom."""
    for pattern, new in _IDIOMS:
        after = edit.apply(sentence)
        for match in pattern.finditer(after):
            source = edit.source_span(*match.span(1))
            if edit.source_offset(match.start()) is None and source is not None:
                edit = edit.with_pieces(((*source, new.format(match.group(1))),))
                break
    return edit


def _may_beside_some(sentence: str, edit: Edit) -> Edit:
    """A "will" in the clause of a majority the edit made "some" says "may": "everyone will
    sleep better" → "some people may sleep better", not "some people will"."""
    after = edit.apply(sentence)
    for some in re.finditer(r"\bsome\b", after, re.I):
        if edit.source_offset(some.start()) is not None:
            continue  # the writer's own "some"
        start, end = max(0, some.start() - 30), some.end() + 30
        for will in re.finditer(r"\bwill\b", after[start:end]):
            at = start + will.start()
            between = after[min(at, some.start()) : max(at, some.end())]
            source = edit.source_span(at, at + 4)
            if source is not None and not re.search(r"[,;:.!?]", between):
                return edit.with_pieces(((*source, match_case(will.group(), "may", False)),))
    return edit


_WORK_TO = re.compile(r"\bthought to (work)( to) [a-z]", re.I)


def _thought_to_help(sentence: str, edit: Edit) -> Edit:
    """ "works to bring X back" hedged says "is thought to help bring X back", not "is thought
    to work to bring"."""
    return _reworded_pair(sentence, edit, _WORK_TO, "help", lambda word, title: "")


# "find out how X may relieve …" takes for granted that it does: "find out whether".
_HOW_MAY = re.compile(
    r"\b(?:find out|learn|discover|see|ask|explore|know|understand) (how) (?:[\w'+-]+ ){1,5}?may\b",
    re.I,
)


def _whether_not_how(sentence: str, edit: Edit) -> Edit:
    """The "how" before a claim the edit hedged asks "whether": "find out how ketamine may
    relieve your symptoms" → "find out whether ketamine may relieve your symptoms"."""
    after = edit.apply(sentence)
    for match in _HOW_MAY.finditer(after):
        may = after.rindex("may", match.start(), match.end())
        source = edit.source_span(*match.span(1))
        if source is not None and edit.source_offset(may) is None:
            return edit.with_pieces(((*source, match_case(match.group(1), "whether", False)),))
    return edit


_TREATABLE = re.compile(r"\b(may) be (treatable)\b", re.I)


def _treatable(sentence: str, edit: Edit) -> Edit:
    """ "is highly treatable" → "can be treated", not "may be treatable", which doubts that it
    can be treated at all."""
    return _reworded_pair(
        sentence, edit, _TREATABLE, "can", lambda word, title: match_case(word, "treated", title)
    )


def _reworded_pair(
    sentence: str,
    edit: Edit,
    pattern: re.Pattern[str],
    written: str,
    original: Callable[[str, bool], str],
) -> Edit:
    """Where ``pattern`` finds a word the edit wrote (group 1) before a word of the sentence
    (group 2), the one becomes ``written`` and the other what ``original`` makes of it."""
    after = edit.apply(sentence)
    match = pattern.search(after)
    if match is None or edit.source_offset(match.start(1)) is not None:
        return edit
    source = edit.source_span(*match.span(2))
    if source is None:
        return edit
    title = match.group(2).strip()[:1].isupper()
    edit = edit.with_pieces(((*source, original(match.group(2), title)),))
    return edit.with_word_changed(
        match.start(1), match.end(1), lambda word: match_case(word, written, title)
    )


# What people go through, and how "some" of them say it: "see results" → "report results".
_EXPERIENCED = {
    "experience": "report",
    "experienced": "reported",
    "achieve": "report",
    "achieved": "reported",
    "see": "report",
    "saw": "reported",
    "notice": "report",
    "noticed": "reported",
    "enjoy": "report",
    "enjoyed": "reported",
    "gain": "report",
    "gained": "reported",
    "feel": "report feeling",
    "felt": "reported feeling",
}
_SOME_PEOPLE = re.compile(
    r"\b(?P<some>some|many)(?P<of> of (?:our|the|their|these|those))? (?P<who>[a-z]+)"
    r"(?P<may> may)? (?P<verb>[a-z]+)\b",
    re.I,
)


def _reported_experience(sentence: str, edit: Edit, lexicon: Lexicon) -> Edit:
    """ "Most patients achieve improvements" → "Some patients report improvements", the claims
    guide's own rewrite, where the edit made the majority "some" or put "may" on what many
    people go through ("Many clients may see results" → "Some clients report results")."""
    after = edit.apply(sentence)
    for match in _SOME_PEOPLE.finditer(after):
        verb = match.group("verb")
        if match.group("who").lower() not in lexicon.population or verb.lower() not in _EXPERIENCED:
            continue
        some_written = edit.source_offset(match.start("some")) is None
        may_written = match.group("may") and edit.source_offset(match.start("may") + 1) is None
        if not (some_written or may_written):
            continue
        if match.group("may") and not may_written:
            continue  # the writer's own "may"
        changes = [(match.span("verb"), _EXPERIENCED[verb.lower()])]
        if may_written:  # " may" goes, the space before it and the word apart
            changes += [((match.start("may") + 1, match.end("may")), "")]
            changes += [((match.start("may"), match.start("may") + 1), "")]
        if match.group("some").lower() == "many":
            changes.append((match.span("some"), match_case(match.group("some"), "some", False)))
        for (start, end), new in sorted(changes, reverse=True):
            edit = _rewritten_at(sentence, edit, start, end, new)
        return edit
    return edit


# An emphatic "does" left by a rewrite that took its intensifier ("really does effectively
# treat" → "does treat"): under "suggests that" it still insists.
_INSISTING = CERTAINTY | {"indeed"}
_EMPHATIC_DO = re.compile(
    r"\b(?:suggests?|suggested) that\b[^;:.!?]*?\b((?:(?:"
    + "|".join(sorted(_INSISTING))
    + r") )?(?:does|do)) (?!not\b|n't\b)[a-z]+\b"
)


def _no_emphatic_do(sentence: str, edit: Edit) -> Edit:
    """The edit, with an emphatic "does" under the evidence hedge it wrote saying "can"
    ("recent research suggests that ketamine does treat depression" → "… can treat …")."""
    after = edit.apply(sentence)
    match = _EMPHATIC_DO.search(after)
    if match is None or edit.source_offset(match.start()) is not None:
        return edit  # the writer's own "suggests that … does"
    near = sentence[max(0, edit.start - 40) : edit.end + 40].lower().split()
    if _INSISTING.isdisjoint(near):
        return edit  # a "does" the writer put there without an intensifier
    return _rewritten_at(sentence, edit, *match.span(1), "can")


_YES = re.compile(r"(?:Yes|YES)\s*[,!:]\s+(?=[a-zA-Z])")


def _no_yes(sentence: str, edit: Edit) -> Edit:
    """The edit, without the "Yes" that answered what it now hedges ("Yes, ketamine therapy
    may be safe" says yes and maybe at once → "Ketamine therapy may be safe")."""
    match = _YES.match(sentence)
    if match is None or edit.start < match.end():
        return edit
    first = sentence[match.end()]
    return edit.with_pieces(((0, match.end() + 1, first.upper()),))


_HEDGE_WORDS = re.compile(r"\b(?:may|might|suggests?|thought to)\b", re.I)


def _no_exclamation(sentence: str, edit: Edit) -> Edit:
    """The edit, with a full stop for the exclamation mark that ended what it hedges: an
    exclamation shouts what a hedge doubts ("You may ease your joint pain!")."""
    end = len(sentence.rstrip())
    start = end
    while start and sentence[start - 1] == "!":
        start -= 1
    if start == end or edit.end > start:
        return edit
    after = edit.apply(sentence)
    if len(_HEDGE_WORDS.findall(after)) <= len(_HEDGE_WORDS.findall(sentence)):
        return edit
    return edit.with_pieces(((start, end, "."),))


def _rewritten_at(sentence: str, edit: Edit, start: int, end: int, new: str) -> Edit:
    """The edit with [start, end) of its result written as ``new``: in the piece that wrote
    it, or as a new piece over the original words."""
    source = edit.source_span(start, end)
    if source is not None:
        return edit.with_pieces(((*source, new),))
    return edit.with_word_changed(start, end, lambda _: new)


def _agreeing(sentence: str, edit: Edit) -> Edit:
    """The edit, with every verb joined to a hedged one that the parse did not tie to it in
    its base form too ("may slow digestion and curbs appetite" → "… and curb appetite"), also
    one the edit wrote ("may bring … and reverses" → "… and eases" → "… and ease")."""
    for _ in range(4):  # a list of verbs: each repair lets the next one be seen
        after = edit.apply(sentence)
        more = []
        written = None
        for start, end in joined_s_verbs(after, reach=8):
            source = edit.source_span(start, end)
            if source is not None:
                word = sentence[source[0] : source[1]]
                known = " known to "
                if word.lower() in ("is", "are") and sentence[source[1] :].startswith(known):
                    # "… and is known to quiet" → "… and quiet": the hedge covers it
                    more.append((source[0], source[1] + len(known), ""))
                    continue
                more.append((*source, match_case(word, base_form(word), False)))
            elif written is None:
                written = (start, end)
        if more:
            edit = edit.with_pieces(tuple(more))
        elif written is not None:
            edit = edit.with_word_changed(*written, lambda w: match_case(w, base_form(w), False))
        else:
            break
    return edit


def _rewrites(
    claims: Sequence[Claim], lexicon: Lexicon, clause_score: ClauseScore | None
) -> list[Edit]:
    full = _build(claims, lexicon, unsafe=True, clause_score=clause_score)
    fragment = _leading_verb(claims)
    model_only = all(c.model for c in claims)
    guessed = False  # the hedge went on the sentence's verb: the model's guess, unsafe
    if model_only and (aim := _aim_of_what_it_uses(claims, lexicon)) is not None:
        return [aim]
    if model_only:
        # the model's words are a guess at the claim: a rewrite of them, or else of the
        # sentence's verb, must leave no promise of its own unhedged
        if full is None:
            full = _praise_dropped(claims, lexicon)
        if full is None:
            full, guessed = _model_rewrite(claims, lexicon, clause_score), True
        if full is not None and _leaves_a_promise(claims[0].span.doc, full, not guessed):
            return []
        if full is not None and _praise_beyond_the_hedge(claims, full):
            return []
        if full is not None and _doubts_the_research(claims, full):
            return []
    if full is not None and _doubts_no_claim(full, claims[0].span.doc):
        return []
    imperative = _promises(claims[0].span.doc)
    if full is None:
        if fragment is None:
            return []
        # "May boost your T and feel stronger" would have the product feel it: an imperative
        # keeps its "help"
        return [fragment] if imperative else [fragment, *_without_help(fragment)]
    if (
        fragment is not None
        and _hedges_later(full)
        and _opens(claims[0].span.doc)
        and not imperative
    ):
        # "Keeps blood sugar levels healthy and …": a hedge on a later word would leave the
        # opening verb's promise; the fragment's "May help" goes first, with the rest, less
        # a hedge on the noun the tagger read the opening verb into ("levels" → "may level")
        root = opening_head(claims[0].span.doc)
        rest = [p for p in full.pieces if not p[0] <= root.idx < p[1]] if root.i else full.pieces
        if not rest:
            return [fragment, *_without_help(fragment)]
        return [fragment.merged(Edit(rest[0][0], rest[-1][1], tuple(rest), full.safe))]
    if full.safe or guessed:
        return [full]
    safe = _build(claims, lexicon, unsafe=False, clause_score=clause_score)
    if safe is None:
        return [full]
    if (safe.start, safe.end, safe.pieces) == (full.start, full.end, full.pieces):
        return [safe]  # the unsafe changes did not apply: the rewrite is safe
    return [full, safe]


def _without_help(fragment: Edit) -> list[Edit]:
    """The safe form of a fragment's hedge, where its verb kept its own word: "May break
    thought loops" for "May help break thought loops" (only "may" added)."""
    start, end, new = fragment.pieces[0]
    words = new.split(" ")
    if len(words) != 3 or words[1].lower() != "help":
        return []
    safe = (start, end, f"{words[0]} {words[2]}")
    return [Edit(fragment.start, fragment.end, (safe, *fragment.pieces[1:]), safe=True)]


def _hedges_later(edit: Edit) -> bool:
    """The edit puts a hedge on a word after the sentence's first."""
    return edit.pieces[0][0] > 0 and any(
        re.search(r"\b(?:may|thought to)\b", new, re.I) for _, _, new in edit.pieces
    )


def _opens(doc) -> bool:
    """The sentence's first word heads it, or the noun it is read as part of: "Curbs cravings
    …", "Keeps A1c blood sugar levels …"."""
    return opening_head(doc).dep_ == "ROOT"


def _build(
    claims: Sequence[Claim],
    lexicon: Lexicon,
    unsafe: bool,
    clause_score: ClauseScore | None = None,
) -> Edit | None:
    doc = claims[0].span.doc
    plan = Plan(doc)
    title = is_title(doc)
    hedged: set[int] = set()
    ordered = sorted(
        claims,
        key=lambda c: (
            _FIRST.index(c.category) if c.category in _FIRST else len(_FIRST),
            c.span.start,
        ),
    )
    # Only a person can say what was approved: an approval's words, and the words it hangs
    # from, stay as they are (with advice); the sentence's other claims are rewritten.
    approval = _approval_words(c.span for c in claims if c.category == "regulatory")
    ordered = [c for c in ordered if c.category != "regulatory"]
    if approval is None or not ordered:
        return None
    for claim in ordered:
        if not plan.free(range(claim.span.start, claim.span.end)):
            continue  # an earlier claim's rewrite already changed these words
        role = role_of(claim.span, lexicon, claim.category)
        if advice_only(doc, claim.span, role):
            if claim.category != "regulatory":
                return None  # a testimonial or a quotation is the writer's to change
            continue
        job = Job(
            plan,
            claim.span,
            claim.category,
            claim.spec,
            role,
            lexicon,
            title,
            unsafe,
            hedged,
            claim.model,
        )
        before = len(plan.ops)
        rewrite_claim(job)
        if (
            not unsafe
            and len(plan.ops) == before
            and not _shares_a_hedge(claim, hedged)
            and not _what_an_option_is_for(claim, plan)
        ):
            # A safe rewrite that leaves a claim as it was would put a hedge beside it
            # ("may be a well-tolerated, proven method"): the sentence's rewrite is unsafe.
            return None
    if plan.advice_only:
        return None
    if clause_score is not None and plan.ops:
        for verb in _other_claim_clauses(doc, plan, hedged, clause_score, lexicon):
            span = doc[verb.i : verb.i + 1]
            role = role_of(span, lexicon, "efficacy")
            # a hedge under this clause ("It works because X is thought to …") is not its own
            below = {t.i for t in verb.subtree} - {t.i for t in _clause(verb)}
            seen = hedged if not hedged <= below else set()
            job = Job(plan, span, "efficacy", Fix(), role, lexicon, title, unsafe, seen)
            pieces = hedge(job, {})
            if pieces is not None:
                job.add(pieces, safe=True, name="hedge another clause")
                hedged |= seen | {verb.i}
    claimed = {i for c in claims for i in range(c.span.start, c.span.end)}
    outcome = _trailing_outcome(doc, plan, hedged, lexicon, clause_score, claimed)
    if plan.advice_only:
        return None  # the outcome is a rate to source
    if outcome:
        plan.add(outcome, safe=True, name="hedge the outcome after it")
    # what a hedged claim leads to is read as a claim from the lower bar: "may improve blood
    # flow, which normalizes moisture"
    which = _trailing_which(
        doc,
        plan,
        hedged,
        lambda words: _reads_as_a_claim(words, lexicon, clause_score, CLAUSE_CLAIM_NAMED),
    )
    if which:
        plan.add(which, safe=True, name="hedge the outcome after it")
    leftover = _strength_left(doc, plan, hedged)
    if leftover:
        plan.add(leftover, safe=True, name="strength left under the hedge")
        opener = _ranking_opener(doc, plan)
        if opener:
            plan.add(opener, safe=True, name="ranking opener")
    compared = _comparison_opener(doc, plan)
    if compared:
        plan.add(compared, safe=True, name="comparison opener")
    majority = _majority_left(doc, plan, hedged, lexicon)
    if majority:
        plan.add(majority, safe=True, name="majority left under the hedge")
    mechanism = any(c.category == "mechanism" for c in claims)
    means = _fronted_means(doc, plan, hedged) if mechanism or unsafe else None
    if means is not None and not mechanism and _person_subject(doc, lexicon):
        means = None  # "By destroying the tissue, patients get relief": who destroys it?
    if means is not None and not (unsafe and plan.add(means, safe=False, name="means moved")):
        means = None  # a hedge after "By boosting X, …" leaves the means stated as fact
    if means is None and _claimed_means(doc, claims) and not _thought_means(doc, plan):
        return None  # … unless it says how it is thought to work
    if approval & plan.taken():
        return None  # not "may be an FDA-approved treatment"
    return plan.edit(safe_only=not unsafe)


# Nouns that name an approval itself: "FDA approval means …" tells of the approval.
_APPROVAL_NOUNS = frozenset(
    "approval clearance registration recognition endorsement designation certification".split()
)


def _approval_words(spans: Iterable[Span]) -> set[int] | None:
    """The words an approval that qualifies a noun ("an FDA-approved treatment") states as
    fact: its own and the words it hangs from ("is", "treatment"), where a hedge or swap would
    doubt or change it. None where the approval is told as an event or a clause ("FDA
    approval means …", "is cleared by the FDA to treat …"): the sentence is the approval's."""
    words: set[int] = set()
    for span in spans:
        root = span.root
        if root.pos_ not in ("NOUN", "PROPN") or root.lemma_.lower() in _APPROVAL_NOUNS:
            return None
        words.update(t.i for t in span)
        words.update(a.i for t in span for a in t.ancestors)
    return words


def _thought_means(doc, plan: Plan) -> bool:
    """ "By boosting neuroplasticity, ketamine may lift mood" → "Thought to work by boosting
    neuroplasticity, ketamine may lift mood": the means that opens the sentence is said as a
    view of how it works, where it cannot move under the main clause's hedge (safe: the
    words are all kept)."""
    comma = next((t.i for t in doc if t.text == ","), None)
    if comma is None or not plan.free(range(comma)) or not plan.ops:
        return False  # the main clause must be rewritten too: "Thought to work by …, it lifts"
    if any("thought to" in new for op in plan.ops for new in op.pieces.values()):
        return False  # not "Thought to work by …, it is thought to …"
    return plan.add({0: "Thought to work by"}, safe=True, name="thought to work by")


def _what_an_option_is_for(claim: Claim, plan: Plan) -> bool:
    """The claim says what a noun the rewrite made "an option" is for ("a preferred method
    for treating addiction" → "an option for treating addiction"): it claims no more."""
    for token in list(claim.span.root.ancestors)[:3]:
        new = plan.new_text(token.i)
        if new is not None and re.search(r"\boptions?\b", new):
            return True
        if any(re.search(r"\boptions?\b", plan.new_text(c.i) or "") for c in token.lefts):
            return True
    return False


def _person_subject(doc, lexicon: Lexicon) -> bool:
    """The main clause's subject is a person: the means is theirs or the clinic's."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    subject = subject_of(root) if root is not None else None
    if subject is None:
        return True
    return subject.lower_ in lexicon.population | {"we", "you", "i", "they", "he", "she"}


def _opens_with_means(doc) -> bool:
    """The sentence opens with a means: "By boosting …"."""
    return len(doc) >= 5 and doc[0].lower_ == "by" and doc[1].tag_ == "VBG"


def _claimed_means(doc, claims: Sequence[Claim]) -> bool:
    """A mechanism claim in the means that opens the sentence ("By boosting neuroplasticity
    and helping the brain grow new synapses, …"), before its first comma."""
    if not _opens_with_means(doc):
        return False
    comma = next((t.i for t in doc if t.text == ","), None)
    return comma is not None and any(
        c.category == "mechanism" and c.span.start < comma for c in claims
    )


def _fronted_means(doc, plan: Plan, hedged: set[int]) -> dict[int, str] | None:
    """ "By boosting neuroplasticity, ketamine may lift mood" → "Ketamine may lift mood by
    boosting neuroplasticity": a means that opens a sentence with a mechanism claim moves to
    the end of the clause whose verb is hedged, under its hedge. None where there is no such
    means."""
    if not _opens_with_means(doc):
        return None
    verb = doc[0].head
    if verb.i not in hedged:
        return None
    last = max(t.i for t in doc[0].subtree)
    if len(list(doc[0].subtree)) != last + 1 or doc[last + 1].text != ",":
        return None
    # the end of what the verb says, joined verbs included, before a phrase set off by a
    # comma ("…, effectively hitting the brakes")
    said = [
        c
        for c in verb.rights
        if not c.is_punct and (c.dep_ in ("conj", "cc") or doc[c.left_edge.i - 1].text != ",")
    ]
    end = max((c.right_edge.i for c in said), default=verb.i)
    while doc[end].is_punct and end > verb.i:
        end -= 1
    if end <= verb.i or not plan.free([*range(last + 2), end]):
        return None
    pieces = {i: "" for i in range(last + 2)}
    pieces[end] = f"{doc[end].text} by {doc[1 : last + 1].text}"
    return pieces


# Participles that introduce a means, a list or a source, not an outcome.
_NOT_AN_OUTCOME = frozenset(
    """including according following depending regarding concerning considering excluding
    using starting beginning involving combining needing requiring lasting costing""".split()
)
_FINITE_TAGS = frozenset({"VBZ", "VBP", "VBD", "MD"})


def _in_a_relative_clause(token: Token) -> bool:
    """The word hangs on the verb of a relative clause: "pain that drugs can't touch, …"."""
    head = token.head
    while head.i != head.head.i:
        if head.dep_ == "relcl" and head.pos_ in ("VERB", "AUX"):
            return True
        head = head.head
    return False


# Adverbs that lead an outcome set off after a comma, and go when it is hedged.
_LEADING_OUTCOME = frozenset(
    "effectively thereby ultimately naturally instantly quickly rapidly dramatically".split()
)


def _hedge_written(plan: Plan, hedged: set[int]) -> bool:
    """The plan hedged a claim of the sentence with "may" or "is thought to"."""
    written = " ".join(new for op in plan.ops for new in op.pieces.values())
    return bool(hedged) and re.search(r"\b(?:may|thought to)\b", written) is not None


def _reads_as_a_claim(
    words, lexicon: Lexicon, clause_score: ClauseScore | None, bar: float = CLAUSE_CLAIM
) -> bool:
    """The words name a benefit or a condition, or the claim model reads them as a claim."""
    if any(t.lower_ in lexicon.benefit or t.lower_ in lexicon.condition for t in words):
        return True
    text = " ".join(t.text for t in words if not t.is_punct)
    return clause_score is not None and clause_score(text) >= bar


def _trailing_outcome(
    doc,
    plan: Plan,
    hedged: set[int],
    lexicon: Lexicon,
    clause_score: ClauseScore | None,
    claimed: AbstractSet[int] = frozenset(),
) -> dict[int, str]:
    """The outcome of a mechanism, set off after a comma at the end of the sentence ("is
    thought to build new circuits, making relief self-sustaining"): it takes its own hedge
    ("…, which may make relief self-sustaining"), and every participle joined to it its base
    form ("which may calm inflammation, slow … and regenerate …"). Words of a claim found
    in it (``claimed``) make it a claim whatever it reads as."""
    if not _hedge_written(plan, hedged):
        return {}
    start = next(
        (
            t.i
            for t in doc
            if t.i > max(hedged)
            and t.tag_ == "VBG"
            and (
                doc[t.i - 1].text == ","
                or doc[t.i - 1].lower_ in _LEADING_OUTCOME
                and doc[t.i - 2].text == ","
            )
        ),
        None,
    )
    if start is None:
        return {}
    first = doc[start]
    if (
        first.lower_ in _NOT_AN_OUTCOME
        or first.dep_ in ("conj", "pcomp", "pobj", "dobj")  # an item of a list
        or _ends_a_list_item(doc[start - 1])  # "metabolism, sense of taste, eating behaviour"
        or _in_a_relative_clause(first)  # of a clause inside the object ("easing pain
        # that drugs can't touch, boosting …"), not of the hedged verb
    ):
        return {}
    rest = doc[start:]
    # what a hedged claim leads to is read as a claim from the lower bar, as after ", which"
    reads_as_a_claim = _reads_as_a_claim(rest, lexicon, clause_score, CLAUSE_CLAIM_NAMED)
    if reads_as_a_claim and any(t.text == "%" or t.lower_ == "percent" for t in rest):
        # "…, achieving over 95% sensitivity": a rate needs its source, not a hedge
        plan.advice_only = True
        return {}
    inner = {
        t.i
        for c in doc[start].subtree
        if c.i != start and c.dep_ in ("relcl", "advcl")
        for t in c.subtree
    } | {
        t.i  # a clause inside a phrase after it: "depending on what you need"
        for c in rest
        if c.dep_ == "pcomp" and c.head.i > start
        for t in c.subtree
    }
    if any(
        (t.tag_ in _FINITE_TAGS or t.lower_ in ("may", "might", "can")) and t.i not in inner
        for t in rest
    ):
        return {}  # a clause of its own follows: not one trailing phrase ("where you apply
        # them", a clause inside the phrase, is part of it)
    if not plan.free([start]):
        return {}
    if not reads_as_a_claim and not claimed & {t.i for t in rest}:
        return {}
    pieces = {start: f"which may {base_form(first.lower_)}"}
    if doc[start - 1].lower_ in _LEADING_OUTCOME:
        pieces[start - 1] = ""  # ", effectively bringing anxiety down" → ", which may bring …"
    for token in rest[1:]:
        before = doc[token.i - 1].lower_
        if before not in (",", "and", "or") or not token.lower_.endswith("ing"):
            continue
        # a participle, or one the parse read as a noun's ("and easing strain")
        if token.tag_ == "VBG" or token.dep_ in ("amod", "compound"):
            base = base_form(token.lower_)
            if not plan.free([token.i]) or base == token.lower_ or not is_verb_form(base):
                return {}
            pieces[token.i] = base
    hedged.add(start)
    return pieces


def _trailing_which(
    doc, plan: Plan, hedged: set[int], a_claim: Callable[[Span], bool]
) -> dict[int, str]:
    """The outcome of a hedged claim, set off in a ", which …" clause ("may improve blood flow,
    which normalizes moisture and heightens sensitivity"): it takes its own hedge ("which may
    normalize moisture and heighten …"), and the verbs joined to its verb their base form,
    where ``a_claim`` reads the clause as a claim."""
    if not _hedge_written(plan, hedged):
        return {}
    which = next(
        (
            t
            for t in doc
            if t.i > max(hedged)
            and t.lower_ == "which"
            and t.dep_ == "nsubj"
            and doc[t.i - 1].text == ","
        ),
        None,
    )
    if which is None:
        return {}
    verb = which.head
    if (
        verb.dep_ != "relcl"
        or verb.tag_ not in ("VBZ", "VBP")
        or verb.lower_ in BE
        or auxiliaries(verb)
        or is_hedged(verb)
        or not plan.free(t.i for t in verb.subtree)
    ):
        return {}
    if not a_claim(doc[which.i :]):
        return {}
    pieces = {verb.i: f"may {base_form(verb.lower_)}"}
    for joined in verb.conjuncts:
        if joined.i < verb.i or subject_of(joined) not in (None, which):
            continue
        if _third_person_verb(joined):
            pieces[joined.i] = base_form(joined.lower_)  # "contracts and shrinks"
    clause = {t.i for t in verb.subtree}
    for token in doc[verb.i + 1 :]:
        if (
            token.i not in pieces
            and doc[token.i - 1].lower_ in ("and", "or")
            and _third_person_verb(token)
        ):
            if token.i not in clause:
                return {}  # a joined verb the parse hung elsewhere would keep its -s
            # one the parse joined to the verb's object ("normalizes moisture and heightens
            # sensitivity"): a verb of the clause all the same
            pieces[token.i] = base_form(token.lower_)
    hedged.add(verb.i)
    return pieces


def _ends_a_list_item(comma: Token) -> bool:
    """The comma closes an item of a list of nouns ("our metabolism, sense of taste, …"): what
    follows it is the next item, however the parse read it."""
    if comma.text != "," or comma.i == 0:
        return False
    doc = comma.doc
    item = doc[comma.i - 1]
    listed = next(
        (
            t
            for t in (item, *item.ancestors)
            if t.dep_ in ("conj", "appos") and t.pos_ in ("NOUN", "PROPN")
        ),
        None,
    )
    # a list its "and" closed ("hot flashes, fatigue and weight gain, delivering …") is over
    return listed is not None and not any(
        t.lower_ in ("and", "or") for t in doc[listed.head.i : comma.i]
    )


def _third_person_verb(token: Token) -> bool:
    """A verb with its -s, or one the tagger read as a plural noun ("contracts and shrinks")."""
    return token.tag_ == "VBZ" or (token.tag_ == "NNS" and is_present_verb(token.lower_))


def _other_claim_clauses(
    doc, plan: Plan, hedged: set[int], clause_score: ClauseScore, lexicon: Lexicon
) -> list[Token]:
    """The verbs of the sentence's main clauses (the root and the verbs joined to it) that
    no change reached and that state, as a promise, what the model reads as a claim: a
    present-tense or "will" verb, not the writer's own act, a report or a copula."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or _testimonial(doc) or doc.text.rstrip().endswith("?"):
        return []
    chain = [root]
    while True:
        joined = [c for c in chain[-1].children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
        if not joined:
            break
        chain.append(joined[0])
    verbs = []
    for verb in chain:
        words = [verb, *auxiliaries(verb)]
        if verb.pos_ != "VERB" or verb.lower_ in BE or not plan.free(t.i for t in words):
            continue
        if verb.i in hedged or is_hedged(verb) or own_action(verb) or _reports(verb):
            continue
        promised = any(a.lower_ in _PROMISING for a in auxiliaries(verb))
        if verb.tag_ not in ("VBZ", "VBP") and not promised:
            continue
        clause = _clause(verb)
        if not plan.free(t.i for t in clause):
            continue  # a change in the clause has dealt with its claim
        if any(_figure(t) for t in clause):
            continue  # a figure is checked, not hedged
        named = any(t.lower_ in lexicon.benefit or t.lower_ in lexicon.condition for t in clause)
        needed = CLAUSE_CLAIM_NAMED if named and promised else CLAUSE_CLAIM
        edges = (clause[0].i, clause[-1].i)
        words = [t.text for t in clause if not (t.text in (",", ";") and t.i in edges)]
        if clause_score(" ".join(words)) >= needed:
            verbs.append(verb)
    return verbs


# Auxiliaries that promise: "will ease", "'ll wake up".
_PROMISING = frozenset({"will", "'ll", "shall"})


# Words that only add strength: under a hedge they still boast ("may be a powerful
# treatment", "can safely relieve"), so they go with it.
_STRENGTH = frozenset(
    """powerful powerfully potent highly extremely remarkably incredibly dramatically
    drastically significantly substantially greatly hugely safely truly genuinely dramatic
    remarkable significant incredible amazing profound profoundly impressive wonderful excellent
    fantastic outstanding exceptional exceptionally superb terrific tremendous tremendously
    phenomenal extraordinary astonishing astounding seriously enormously vastly literally
    surefire sure-fire foolproof fail-safe failsafe""".split()
)


# A speed on the outcome ("may deliver immediate effects") and a distance on a comparison
# ("may be much stronger") are strength too.
_SPEED = frozenset("immediate instant instantaneous near-instant rapid overnight".split())
_FAR = frozenset("much far vastly considerably".split())
# … on an outcome, not on a procedure's name ("rapid detox", "a rapid test")
_SPED = frozenset(
    "relief effect effects improvement improvements results result loss recovery response "
    "benefit benefits change changes healing reduction".split()
)


def _strength_left(doc, plan: Plan, hedged: set[int]) -> dict[int, str]:
    """The words of strength left in the clauses this rewrite hedged (and in what their
    verbs report: "early studies suggest [this powerful treatment …]")."""
    clauses = [doc[i] for i in hedged]
    clauses += [c for v in clauses for c in v.children if c.dep_ == "ccomp"]
    # the noun a hedged relative clause describes: "potent alternatives that may deliver …"
    described = [c for v in clauses if v.dep_ == "relcl" for c in v.head.lefts]
    taken = plan.taken()
    gone = {
        t.i: ""
        for t in [*(t for verb in clauses for t in _clause(verb)), *described]
        if (
            t.lower_ in _STRENGTH
            or (t.lower_ in _SPEED and t.dep_ == "amod" and t.head.lower_ in _SPED)
            or (_for_long(t) and t.dep_ == "amod" and t.head.lower_ in _SPED)
            or (t.lower_ in _FAR and t.head.tag_ in ("JJR", "RBR"))  # "may be much stronger"
        )
        and t.dep_ in ("amod", "advmod")
        and t.i not in taken
        and not _harm(t.head)  # "free of significant problems" would say less
        and not any(c.dep_ in ("conj", "cc") for c in t.children)
    }
    # "the only treatment that may work" ranks what the clause hedges: "a treatment"
    for only in described:
        the = doc[only.i - 1] if only.i else None
        if (
            only.lower_ == "only"
            and only.dep_ == "amod"
            and the is not None
            and the.lower_ == "the"
            and not {only.i, the.i} & taken
        ):
            gone[only.i] = ""
            gone[the.i] = article_for(doc[only.i + 1].text, the.text[:1].isupper())
    # "almost" of "almost immediate effects" goes with it, and "long-" of "long-lasting"
    return gone | {
        c.i: ""
        for i in gone
        if not gone[i]
        for c in (*doc[i].children, *(doc[i - 2 : i] if _for_long(doc[i]) else ()))
        if (c.dep_ == "advmod" or c.i < i) and c.i not in taken
    }


def _ranking_opener(doc, plan: Plan) -> dict[int, str]:
    """ "Of all the options, …" ranks what follows; with the strength gone it goes too ("Of
    all the options, X are a superb alternative" → "X may be an alternative")."""
    words = [t.lower_ for t in doc[:6]]
    if words[:2] != ["of", "all"]:
        return {}
    comma = next((t for t in doc[2:6] if t.text == ","), None)
    if comma is None or comma.i + 1 >= len(doc) or not plan.free(range(0, comma.i + 2)):
        return {}
    return _without_opener(doc, comma)


def _without_opener(doc, comma: Token) -> dict[int, str]:
    """The words up to the opener's comma go; the next word takes the capital."""
    after = doc[comma.i + 1]
    return {
        **{t.i: "" for t in doc[: comma.i + 1]},
        after.i: after.text[:1].upper() + after.text[1:],
    }


_COMPARATIVES = frozenset("more less better worse fewer".split())


def _comparison_opener(doc, plan: Plan) -> dict[int, str]:
    """ "Compared with X," names what the rest compares with; where the rewrite took the
    comparison's strength and no comparative is left, it goes too ("Compared with other
    treatments, laser therapy is highly effective" → "Laser therapy may be effective")."""
    words = [t.lower_ for t in doc[:3]]
    if not (
        (words[0] in ("compared", "relative") and words[1] in ("with", "to"))
        or words == ["in", "comparison", "with"]
        or words == ["in", "comparison", "to"]
    ):
        return {}
    comma = next((t for t in doc[2:12] if t.text == ","), None)
    taken = plan.taken()
    if comma is None or comma.i + 1 >= len(doc) or not taken or not plan.free(range(comma.i + 2)):
        return {}
    if any(
        t.i not in taken and (t.tag_ in ("JJR", "RBR") or t.lower_ in _COMPARATIVES)
        for t in doc[comma.i + 1 :]
    ):
        return {}  # "…, it works faster": still a comparison
    return _without_opener(doc, comma)


def _for_long(token: Token) -> bool:
    """A duration that promises it for good: "permanent", "lifelong", "long-lasting"."""
    doc = token.doc
    if any(c.dep_ == "advmod" and c.lower_ in ("more", "most") for c in token.children):
        return False  # "a more permanent solution" compares
    if token.i + 1 < len(doc) and doc[token.i + 1].text == ",":
        return False  # "longer-lasting, stronger relief": one of a list
    if token.lower_ in ("permanent", "lifelong"):
        return True
    return (
        token.lower_ == "lasting"
        and token.i >= 2
        and doc[token.i - 1].text == "-"
        and doc[token.i - 2].lower_ == "long"
    )


def _majority_left(doc, plan: Plan, hedged: set[int], lexicon: Lexicon) -> dict[int, str]:
    """A majority phrase left in a clause the rewrite hedged ("may knock out migraines in most
    cases") becomes the generalization template's minority ("… in some cases")."""
    words = {t.i for i in hedged for t in _clause(doc[i])}
    if any(doc[i].lower_ in SAFETY_WORDS for i in words):
        return {}  # "safe for some patients" would say it harms the rest
    taken = plan.taken()
    pieces: dict[int, str] = {}
    for phrase, minority in lexicon.majority.items():
        for start in range(len(doc) - len(phrase) + 1):
            run = doc[start : start + len(phrase)]
            if tuple(t.lower_ for t in run) != phrase:
                continue
            changed = {t.i: new for t, new in zip(run, minority, strict=False) if t.lower_ != new}
            if set(changed) <= words and not set(changed) & taken:
                pieces.update(changed)
    for i in hedged:  # "Most hemorrhoids may respond" → "Some hemorrhoids may respond"
        subject = subject_of(doc[i])
        if subject is None:
            continue
        first = subject.left_edge
        if (
            first.lower_ == "most"
            and first.i not in taken
            # a quantifier, not a superlative ("most effective")
            and (first.i == subject.i or first.head.pos_ in ("NOUN", "PROPN"))
        ):
            pieces[first.i] = match_case(first.text, "some", False)
    return pieces


_HARMS = frozenset(
    """problem problems risk risks complications complication issues harm damage reactions
    reaction""".split()
)


def _harm(noun: Token) -> bool:
    """A word for harm: "problems", "side effects"."""
    side = any(c.lower_ in ("side", "adverse") for c in noun.children)
    return noun.lower_ in _HARMS or (noun.lower_ in ("effects", "effect") and side)


def _figure(token: Token) -> bool:
    """A number or a share ("80 to 85%"), not a name's digit ("5-HTP")."""
    doc = token.doc
    named = token.i + 1 < len(doc) and doc[token.i + 1].text == "-"
    return token.text == "%" or token.lower_ == "percent" or (token.like_num and not named)


def _reports(verb: Token) -> bool:
    """ "says", "studies report", "trials show": a report, not the claim itself."""
    return verb.lower_ in REPORTING or base_form(verb.lower_) in EVIDENCE | {"report"}


def _clause(verb: Token) -> list[Token]:
    """The words of the verb's own clause, without the clauses joined to it or set under it
    with a subject of their own ("It works | because its compounds …")."""
    own = [
        c
        for c in verb.children
        if c.dep_ == "conj"
        or (
            c.dep_ in ("advcl", "ccomp")
            and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
        )
    ]
    skip = {t.i for c in own for t in c.subtree}
    skip |= {c.i for c in verb.children if c.dep_ == "cc"}
    return [t for t in verb.subtree if t.i not in skip]


# Claims that a hedge beside them does not weaken: "may be the cure", "may be the best".
_ABSOLUTE = frozenset({"cure", "hype", "superiority", "regulatory"})


def _shares_a_hedge(claim: Claim, hedged: set[int]) -> bool:
    """Whether an earlier change hedged the verb this claim depends on."""
    if claim.category in _ABSOLUTE:
        return False
    span = claim.span
    root = span.root
    if root.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children):
        return root.i in hedged  # a clause of its own: "…, and relief lasts a month"
    above = finite_above(root)  # "… is thought to shape X, reaching Y"; a rule's claim set
    # off after a comma ("…, producing new neurons") is a further claim of its own
    return any(t.i in hedged for t in (root, root.head, *span)) or (
        above is not None and above.i in hedged and (claim.model or not set_off(span, above))
    )


# The claim model's categories whose claim a hedge on the sentence's verb carries, in the
# order one is chosen ("is thought to" for a mechanism, "may" for the others).
_HEDGED_BY_VERB = ("mechanism", "efficacy", "speed", "permanence", "safety")
# Verbs that report or prove rather than claim: the sentence needs more than a hedge.
_NOT_HEDGED = frozenset(
    """show shows prove proves proving confirm confirms demonstrate demonstrates recognize
    recognizes recognise recognises recommend recommends endorse endorses say says""".split()
)


_WILL = ("will", "'ll")  # "X will improve your eyesight": a promise, as "improves" is


def _model_rewrite(
    claims: Sequence[Claim], lexicon: Lexicon, clause_score: ClauseScore | None = None
) -> Edit | None:
    """A sentence only the claim model flagged, where its words that weigh most are no
    template's words: the hedge goes on the sentence's own verb ("Firming the tissue relieves
    leakage" → "… may relieve leakage"), where that verb makes the claim: a present-tense
    verb of the main clause with a subject that is not the reader or the writer, and no
    category that a hedge beside it leaves standing (cure, hype, superiority). Unsafe: the
    claim's words are the model's guess."""
    categories = {c.category for c in claims}
    chosen = next((c for c in _HEDGED_BY_VERB if c in categories), None)
    if chosen is None or categories & {"cure", "hype", "superiority", "regulatory"}:
        return None
    claim = next(c for c in claims if c.category == chosen)
    doc = claim.span.doc
    verb = _main_verb(doc)
    # the model's words are in the verb's clause: after it, or in its subject ("Supplements
    # that raise acetylcholine help …")
    if verb is None or claim.span.root not in verb.subtree:
        return None
    edit = _build(
        [Claim(chosen, doc[verb.i : verb.i + 1], claim.spec)],
        lexicon,
        unsafe=True,
        clause_score=clause_score,  # the outcome after it is hedged too: "…, shrinking X"
    )
    return Edit(edit.start, edit.end, edit.pieces, safe=False) if edit is not None else None


def _praise_dropped(claims: Sequence[Claim], lexicon: Lexicon) -> Edit | None:
    """A sentence only the claim model flagged, as praise or a promise, where a word of
    praise qualifies a noun ("Pediatric therapy is a vital intervention for …"): the praise
    goes ("… is an intervention for …"); the re-check keeps it only where the model then
    reads no claim. Unsafe: the claim's words are the model's guess. Not a comparison ("more
    advanced … than"), nor praise of an indefinite pronoun ("Something remarkable happens")."""
    if not {c.category for c in claims} & _PRAISED:
        return None
    doc = claims[0].span.doc
    words: dict[int, str] = {}
    for token in doc:
        head = token.head
        if (
            token.lower_ not in lexicon.praise
            or token.dep_ != "amod"
            or head.pos_ not in ("NOUN", "PROPN")
            or head.lower_ in _INDEFINITE
            or any(c.lower_ in ("more", "most", "less", "least") for c in token.children)
        ):
            continue
        words[token.i] = ""
        words.update({c.i: "" for c in token.children if c.dep_ == "advmod"})  # "truly"
        after = token.i + 1
        if after + 1 < len(doc) and doc[after].text == "," and doc[after + 1].pos_ == "ADJ":
            words[after] = ""  # "a powerful, dependable ritual" → "a dependable ritual"
    if not words:
        return None
    plan = Plan(doc)
    plan.add(words, safe=False, name="drop praise")
    return plan.edit(safe_only=False)


_PRAISED = frozenset({"hype", "superiority", "efficacy"})
_INDEFINITE = frozenset("something anything everything nothing someone anyone".split())


def _aim_of_what_it_uses(claims: Sequence[Claim], lexicon: Lexicon) -> Edit | None:
    """A sentence the model flagged where a product uses something for an effect ("The
    headband uses soft tones to give you deeper sleep"), whatever words weigh most in it:
    the effect is an aim, as with a rule's claim on the effect ("… tones intended to give you
    deeper sleep"), where the model's claims of what it does are all in that clause."""
    if not {c.category for c in claims} <= {"mechanism", "efficacy", "speed"}:
        return None
    verb = _main_verb(claims[0].span.doc)
    if verb is None or verb.lower_ not in MEANS_VERBS:
        return None
    if any(c.span.root not in verb.subtree for c in claims):
        return None
    aim = next(
        (
            c
            for c in verb.children
            if c.dep_ in ("advcl", "xcomp") and any(a.lower_ == "to" for a in c.children)
        ),
        None,
    )
    if aim is None:
        return None
    doc = claims[0].span.doc
    return _build([Claim("mechanism", doc[aim.i : aim.i + 1], claims[0].spec)], lexicon, False)


def _doubts_the_research(claims: Sequence[Claim], edit: Edit) -> bool:
    """Whether, in a sentence the model reads as a consensus claim, the rewrite puts "may" on
    what the research does ("New studies may keep coming out showing …"): a doubt of the
    research, not of what it is said to show."""
    if not any(c.category == "consensus" for c in claims):
        return False
    for verb in _verbs_hedged(edit, claims[0].span.doc, _MAY):
        subject = subject_of(verb)
        if (
            subject is not None
            and subject.lower_ in RESEARCH_NOUNS
            # not "data showing the system works", read with "data" as its subject
            and not any(c.dep_ == "acl" and c.i < verb.i for c in subject.children)
        ):
            return True
    return False


_MAY = re.compile(r"\bmay\b")
_MAY_OR_THOUGHT = re.compile(r"\b(?:may|might|thought to)\b")


def _verbs_hedged(edit: Edit, doc, hedge: re.Pattern[str]) -> Iterable[Token]:
    """The verbs of the sentence in the pieces of the edit that write a ``hedge``."""
    for start, end, new in edit.pieces:
        if hedge.search(new):
            yield from (t for t in doc if start <= t.idx < end and t.pos_ in ("VERB", "AUX"))


# Subjects whose verbs say what a text or an institution does ("This book weighs …", "the
# medical establishment has pushed …"), and verbs of thinking ("Your body thinks it is
# freezing"): a hedge on them doubts something no one claimed, and leaves the claim.
_TEXTS = frozenset(
    """book books guide guides article articles video videos clip clips course courses page
    pages blog post posts ebook report section chapter website site podcast webinar newsletter
    workbook handbook manual series documentary film establishment industry media""".split()
)
_THINKING = frozenset(
    "think thinks believe believes know knows realize realizes realise realises decide decides "
    "want wants wish wishes imagine imagines".split()
)


def _doubts_no_claim(edit: Edit, doc) -> bool:
    """Whether the rewrite puts a hedge on what a text or an institution does, or on what
    someone thinks, rather than on a claim ("This book may weigh …", "Your body is thought
    to think …")."""
    for verb in _verbs_hedged(edit, doc, _MAY_OR_THOUGHT):
        subject = subject_of(verb)
        if verb.lower_ in _THINKING or (subject is not None and subject.lower_ in _TEXTS):
            return True
    return False


def _praise_beyond_the_hedge(claims: Sequence[Claim], edit: Edit) -> bool:
    """Whether, in a sentence the model reads as praise (hype, superiority), a word of that
    praise stands in a clause the rewrite does not reach: "They may cost more than glasses,
    but the benefits are much greater" hedges the fact and leaves the claim."""
    if not {c.category for c in claims} & {"hype", "superiority"}:
        return False
    doc = claims[0].span.doc
    changed = edit.changed_words(doc)
    reach = set(changed)
    for i in changed:
        verb = doc[i]
        while (
            verb.pos_ not in ("VERB", "AUX") or verb.dep_ in ("aux", "auxpass")
        ) and verb.head.i != verb.i:
            verb = verb.head  # "may" of "may have": the clause is its verb's
        reach |= {t.i for t in _clause(verb)}
    # a concession before ", but" is no praise of what the hedged clause after it claims:
    # "The first minutes are the hardest, but they …"
    contrast = next((t.i for t in doc if opens_a_contrast(t)), None)
    if contrast is not None and min(changed) > contrast:
        reach |= set(range(contrast))
    than = any(t.lower_ == "than" for t in doc)
    return any(
        token.tag_ in ("JJS", "RBS")
        or token.lower_ in _PRAISE_WORDS
        or (token.tag_ in ("JJR", "RBR") and than)
        for token in doc
        if token.i not in reach
    )


# Words that praise whatever they describe, beside the words of strength.
_PRAISE_WORDS = _STRENGTH | frozenset(
    "perfect ideal ultimate vital magic magical miracle miraculous unique uniquely".split()
)


def _leaves_a_promise(doc, edit: Edit, placed: bool = True) -> bool:
    """Whether the hedged verb keeps a promise of its own in its clause ("may ensure you
    will gain"), or, where the model's words ``placed`` the hedge (not a guess at the
    sentence's verb, an unsafe fix), a claim beside it."""
    changed = edit.changed_words(doc)
    if not changed:
        return False
    # the first verb it changed ("also revs" → "is thought to also rev": "revs", not "also")
    verb = next((doc[i] for i in sorted(changed) if doc[i].pos_ in ("VERB", "AUX")), None)
    verb = verb or doc[min(changed)]
    if any(
        t.lower_ in ("will", "'ll", "wo") and t.i > verb.i and t.i not in changed
        for t in verb.subtree
    ):
        return True
    if not placed:
        return False
    # an outcome set off after it, which the hedge leaves stated ("rely on X, guaranteeing
    # consistent safety"), or a clause it leads into ("X carry no UV, so there is no damage
    # whatsoever", parsed as the main clause or as a joined one)
    trailing = any(
        c.dep_ in ("advcl", "xcomp")
        and c.tag_ == "VBG"
        and doc[c.i - 1].text == ","
        and c.lower_ not in _NOT_AN_OUTCOME  # a means: "…, using a gentle pathway"
        for c in verb.children
        if c.i > verb.i and c.i not in changed
    )
    leads_in = (
        verb.dep_ == "ccomp"
        and verb.head.i > verb.i
        and verb.head.i not in changed
        and verb.head.tag_ not in ("VBN", "VBG")  # not "…, no extreme heat required"
    )
    # the reason for a claim the main clause states ("X works for weight loss because the
    # cold makes your body work harder"): the claim stands
    reason = (
        verb.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ in ("because", "since") for c in verb.children)
        and verb.head.i not in changed
        and verb.head.tag_ in ("VBZ", "VBP")
        and verb.head.pos_ == "VERB"  # not "X is a great place to start because …"
    )
    so = next((c for c in verb.children if c.lower_ == "so" and c.i > verb.i), None)
    consequence = so is not None and any(
        c.dep_ == "conj"
        and c.i > so.i
        and c.i not in changed
        and any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children)
        for c in verb.children
    )
    return trailing or leads_in or reason or consequence


def _main_verb(doc) -> Token | None:
    """The finite verb of the sentence's main clause, when it states what something other
    than the reader or the writer does (not what it is: "X is an anaesthetic")."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ != "VERB":
        return None
    if root.tag_ not in ("VBZ", "VBP") and not (
        root.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ in _WILL for c in root.children)
    ):
        return None
    if root.lower_ in _NOT_HEDGED or root.lower_ in BE or doc.text.rstrip().endswith("?"):
        return None
    subject = subject_of(root)
    if subject is None or subject.lower_ in ("i", "we", "you", "there", "that"):
        return None
    if _testimonial(doc):
        return None
    return root


def _testimonial(doc) -> bool:
    """The writer speaks in the first person singular: only they can say what happened."""
    return any(t.lower_ in ("i", "me", "my") for t in doc)


def specs_for(rulebook) -> Mapping[str, Fix]:
    """Each rule's template, with its category's filling in what it leaves out; the
    category's own template under the category's name (for findings of the claim model)."""
    specs: dict[str, Fix] = {}
    for name, category in rulebook.categories.items():
        specs[name] = getattr(category, "rewrite", None) or Fix()
    for rule in rulebook.rules:
        base = specs.get(rule.category)
        own = rule.fixes[0] if rule.fixes else None
        specs[rule.id] = own.over(base) if own is not None else (base or Fix())
    return specs


# Words that, at the head of a fragment, are not a verb with its subject left out.
_NOT_A_LEADING_VERB = frozenset(
    "results benefits effects is has does was needs means works thanks looks seems".split()
)


# Verbs of benefit that lead an imperative promise ("Protect remaining cartilage", "Boost
# your energy with …"): "May help" turns the promise into what the product may do.
_BENEFIT_VERBS = frozenset(
    """boost improve protect reduce relieve strengthen sharpen support ease soothe calm
    balance enhance increase lower fight prevent detoxify cleanse tighten firm""".split()
)


def _promises(doc) -> bool:
    """The sentence is an imperative that promises a benefit ("Boost your energy with …")."""
    first = doc[0]
    return (
        first.tag_ == "VB"
        and first.dep_ == "ROOT"
        and first.lower_ in _BENEFIT_VERBS
        # not one that promises a further outcome: "Repair Your Immune System to Heal Lupus"
        and not any(t.lower_ == "to" and t.dep_ == "aux" for t in doc)
    )


def _leading_verb(claims: Sequence[Claim]) -> Edit | None:
    """A fragment that opens with its verb and leaves out the subject ("Breaks Negative
    Thought Loops", "Flushes toxins out of your system"): "May help" goes before the verb,
    which takes its base form with every verb joined to it (unsafe: it adds "help")."""
    doc = claims[0].span.doc
    first = next((t for t in doc if not t.is_punct and not t.is_space), None)
    if first is None or first.i != 0 or not first.text[:1].isupper():
        return None
    word = first.lower_
    imperative = _promises(doc)  # it leads like a verb with its subject left out: "Protect …"
    if word in _NOT_A_LEADING_VERB or not (is_present_verb(word) or imperative):
        return None
    if any(c.category in ("regulatory", "generalization") for c in claims):
        return None
    if first.dep_ in ("nsubj", "nsubjpass") or any(
        c.dep_ in ("nsubj", "nsubjpass") for c in first.children
    ):
        return None  # "Reports indicate …", "Doctors place …": a plural noun as subject
    if _testimonial(doc):
        return None
    if doc.text.rstrip().endswith("?"):
        return None
    title = is_title(doc)
    base = base_form(word)
    # an absolute verb takes the weaker one of its template ("cure" → "ease"): "may help
    # cure" would not soften it
    swaps = {
        k.removesuffix("/VERB"): v
        for c in claims
        for k, v in c.spec.swaps.items()
        if "/" not in k or k.endswith("/VERB")
    }
    base = base_form(swaps.get(base) or base) if base != "heal" else base
    words = {first.i: match_case(first.text, f"may help {base}", title)}
    # "Curbs cravings and takes …" is parsed with "Curbs" on its object: the verbs joined
    # to that object are joined to it
    anchor = first.head if first.dep_ == "compound" else first
    for token in () if imperative else doc[first.i + 1 :]:  # an imperative's verbs are bare
        if (
            token.dep_ == "conj"
            and token.tag_ in ("VBZ", "NNS")
            and is_present_verb(token.lower_)
            and anchor in token.ancestors
        ):
            words[token.i] = match_case(token.text, base_form(token.lower_), title)
    for token in doc[first.i + 2 :]:
        joined = token.i not in words and doc[token.i - 1].lower_ in ("and", "or")
        if joined and (
            token.tag_ == "VBZ" or (token.tag_ == "NNS" and is_present_verb(token.lower_))
        ):
            return None  # a joined verb the parse did not tie to it: "… and lasts all day"
    pieces = tuple((doc[i].idx, doc[i].idx + len(doc[i]), new) for i, new in sorted(words.items()))
    return Edit(pieces[0][0], pieces[-1][1], pieces, safe=False)
