"""From source texts to findings: first pass on raw sentences, full parse on candidates."""

from __future__ import annotations

import contextlib
import copy as _copy
import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, NamedTuple

from lint.data import SEVERITY_RANK, Finding, Sentence, SourceText, Suggestion
from lint.engine.compile import (
    CompiledRule,
    compile_rule,
    compile_rulebook,
    expand_cues,
    vocabulary_plurals,
)
from lint.engine.fusion import Claim, Fusion
from lint.engine.triggers import TriggerIndex
from lint.input.formats import extract
from lint.input.positions import LineIndex
from lint.input.prose import Prose
from lint.input.sentences import split_sentences
from lint.rulebook.loading import load_rulebook
from lint.rulebook.rules import Cues, Rule, Rulebook

if TYPE_CHECKING:
    from lint.config import Settings
    from lint.engine.matching import Match
    from lint.engine.rewrites import Edit
    from lint.model.claim_model import ClaimModel

# Typographic quotes become ASCII ones of the same length, so offsets stay valid.
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
_BATCH_SIZE = 256
_SLICE = 2000  # candidate sentences tokenized and parsed at a time


_WHITESPACE_RUN = re.compile(r"\s+")
_UNUSUAL_SPACE = re.compile(r"\s\s|[^\S ]")  # more than a single plain space somewhere


def normalize(text: str) -> str:
    return text.translate(_QUOTES)


def parse_text(sentence: str) -> tuple[str, list[int] | range]:
    """The sentence as the parser sees it: ASCII quotes, every whitespace run one space.

    Also returns where each of its characters is in the sentence, so that line breaks, CRLF
    and indentation never change a parse.
    """
    text = normalize(sentence)
    if not _UNUSUAL_SPACE.search(text):
        return text, range(len(text))
    parts: list[str] = []
    where: list[int] = []
    position = 0
    for run in _WHITESPACE_RUN.finditer(text):
        parts.append(text[position : run.start()])
        where.extend(range(position, run.start()))
        parts.append(" ")
        where.append(run.start())
        position = run.end()
    parts.append(text[position:])
    where.extend(range(position, len(text)))
    return "".join(parts), where


@dataclass(frozen=True)
class Candidate:
    """A sentence the first pass selected, with the source it came from."""

    sentence: Sentence
    rules: frozenset[str]  # the rules whose trigger words the sentence has
    words: frozenset[str] = frozenset()  # its trigger words, as the first pass found them
    score: float | None = None  # the claim model's probability that it overclaims
    stance: str | None = None  # what its document does, by the model (fusion.INFORMS, SELLS)


class _FirstLook(NamedTuple):
    """A prose's sentences with what the first pass found before the encoder reads any."""

    sentences: list[Sentence]
    selected: list[tuple[frozenset[str], frozenset[str]]]  # each one's rules and trigger words
    linear: list[float]  # each one's linear score (with the model)
    stance: str | None  # what the document does, by the linear scores


@dataclass(frozen=True)
class Prepared:
    """A source after the first pass: its prose and the sentences worth a parse."""

    prose: Prose
    candidates: list[Candidate]


class Linter:
    """A rulebook compiled for matching; check many sources in one batch."""

    def __init__(
        self,
        rulebook: Rulebook | None = None,
        compiled: list[CompiledRule] | None = None,
        cues: Cues | None = None,
        prefilter: bool = True,
    ):
        """``prefilter=False`` parses every sentence with every rule: the slow reference path."""
        self.prefilter = prefilter
        self.rulebook = rulebook or load_rulebook()
        self.compiled: list[CompiledRule] = compiled or compile_rulebook(self.rulebook)
        self.compiled = [c for c in self.compiled if c.rule.patterns]
        self.cues = cues or expand_cues(self.rulebook.cues)
        self.plurals = vocabulary_plurals(self.rulebook.vocabulary)
        self.rules: dict[str, Rule] = {c.rule.id: c.rule for c in self.compiled}
        self._requires = {c.rule.id: c.requires for c in self.compiled}
        self.triggers = TriggerIndex((c.rule.id, t) for c in self.compiled for t in c.triggers)
        accepted = [compile_rule(r, self.rulebook.vocabulary) for r in self.rulebook.accepted]
        # where an ignored rule's words are, the model adds no finding of its own
        self.accepted = TriggerIndex((c.rule.id, t) for c in accepted for t in c.triggers)
        # Every rule in use, the model's per-category rules (which have no patterns) too.
        self.rules.update({r.id: r for r in self.rulebook.rules if not r.patterns})
        self.fusion: Fusion | None = None  # the claim model's say, when it is switched on
        self._matcher = None
        self._loader: threading.Thread | None = None  # loads the parser beside the encoder

    def with_model(self, model: ClaimModel | None) -> Linter:
        """The same rules, deciding with this claim model (None: the rules alone)."""
        copy = _copy.copy(self)
        copy.fusion = Fusion(model, self.rules, self.cues) if model is not None else None
        return copy

    @classmethod
    def for_settings(cls, settings: Settings) -> Linter:
        """The linter of the rules a project configuration puts in use."""
        from lint.rulebook.selection import rulebook_for

        return cls(rulebook_for(settings))

    def __getstate__(self) -> dict:
        """Pickle the compiled rules, never the spaCy matchers (rebuilt on first need) nor
        the claim model (loaded on its own, verified by its hash)."""
        return {**self.__dict__, "_matcher": None, "fusion": None, "_loader": None}

    def candidates(self, prose: Prose) -> list[Candidate]:
        """Sentences of the prose worth a parse: those with the trigger words of some rule
        (unless the model finds them too unlikely a claim), and those the model flags alone."""
        return self._candidates(self._first_look(prose))

    def _first_look(self, prose: Prose) -> _FirstLook:
        """The prose's sentences, each one's trigger words and, with the model, its linear
        score and the document's stance."""
        sentences = split_sentences(prose.text)
        fusion = self.fusion
        if not self.prefilter:
            return _FirstLook(sentences, [], [], None)
        lowered = normalize(prose.text).lower()
        if len(lowered) != len(prose.text):  # lower-casing changed a length ("İ")
            lowered = ""
        selected = []
        for sentence in sentences:
            start, end = sentence.start, sentence.start + len(sentence.text)
            text = lowered[start:end] if lowered else normalize(sentence.text).lower()
            selected.append(self.triggers.select(text))
        if fusion is None:
            return _FirstLook(sentences, selected, [], None)
        linear = [fusion.model.score(s.text) for s in sentences]
        return _FirstLook(sentences, selected, linear, fusion.stance(linear))

    def _candidates(self, look: _FirstLook) -> list[Candidate]:
        sentences, selected, linear, stance = look
        fusion = self.fusion
        if not self.prefilter:
            every_rule = frozenset(r for r in self.rules if self.rules[r].patterns)
            return [
                Candidate(s, every_rule, score=fusion.score(s.text) if fusion else None)
                for s in sentences
            ]
        if fusion is None:
            return [Candidate(s, r, w) for s, (r, w) in zip(sentences, selected, strict=True) if r]
        texts = [s.text for s in sentences]
        scores = fusion.second_reading(texts, linear, [bool(r) for r, _ in selected], stance)
        found = []
        for n, sentence in enumerate(sentences):
            (rules, words), score = selected[n], scores[n]
            if rules and not fusion.keeps_rules(sentence.text, score, words, stance, linear[n]):
                rules, words = frozenset(), frozenset()
            if rules or fusion.flags_alone(sentence.text, score, stance):
                found.append(Candidate(sentence, rules, words, score, stance))
        return found

    def _load_parser_meanwhile(self) -> None:
        """Load the parser in a thread while the encoder reads: its matrix products free
        the interpreter, so on a second core the two take the time of the longer (a failed
        load is reported by the one that follows in ``_match``)."""
        if self._matcher is None and self._loader is None:
            self._loader = threading.Thread(target=self._try_load_parser, daemon=True)
            self._loader.start()

    def _try_load_parser(self) -> None:
        with contextlib.suppress(Exception):  # _match loads it again and reports why
            self.load_parser()

    def load_parser(self) -> None:
        """Load the spaCy pipeline, build the matchers and import the code that reads parses,
        now rather than on first need (worker processes forked after this share them)."""
        from lint.engine.nlp import pipeline

        self._rule_matcher(pipeline())
        import lint.engine.context
        import lint.engine.rewrites  # noqa: F401

    def prepare(
        self, sources: list[SourceText], meanwhile: Callable[[], None] | None = None
    ) -> list[Prepared]:
        """The first pass, which needs no spaCy: each source's prose and candidate sentences.

        ``meanwhile`` is called as the encoder starts to read, when it has sentences to read.
        """
        proses = [extract(source) for source in sources]
        looks = [self._first_look(prose) for prose in proses]
        if self.fusion is not None and self.prefilter:
            # The encoder reads every source's sentences in doubt in one go: in batches of
            # sentences of about the same length, which pad least.
            self.fusion.read_ahead(
                [
                    (
                        [s.text for s in look.sentences],
                        look.linear,
                        [bool(r) for r, _ in look.selected],
                        look.stance,
                    )
                    for look in looks
                ],
                meanwhile,
            )
        return [
            Prepared(prose, self._candidates(look))
            for prose, look in zip(proses, looks, strict=True)
        ]

    def check(
        self, sources: Iterable[SourceText], prepared: list[Prepared] | None = None
    ) -> list[list[Finding]]:
        """Findings for each source, in source order and by position.

        ``prepared`` is the first pass, when it was already done (by another process).
        """
        sources = list(sources)
        if prepared is None:
            try:
                prepared = self.prepare(sources, self._load_parser_meanwhile)
            finally:  # no thread outlives the check, even one that failed
                if self._loader is not None:
                    self._loader.join()
                    self._loader = None
        proses = [p.prose for p in prepared]
        pending = [(index, c) for index, p in enumerate(prepared) for c in p.candidates]
        results: list[list[Finding]] = [[] for _ in sources]
        if pending:
            self._match(sources, proses, pending, results)
        for found in results:
            found.sort(key=lambda f: (f.start, f.end, f.rule))
        return results

    def _match(self, sources, proses, pending, results) -> None:
        """Parse the candidate sentences that could match and collect their findings."""
        from lint.engine.nlp import pipeline

        nlp = pipeline()  # first: it imports spaCy lean
        from lint.engine.rewrites import Rewriter

        score = self.fusion.model.score if self.fusion is not None else None
        rewriter = Rewriter(self.rulebook, self.plurals, score)

        matcher = self._rule_matcher(nlp)
        # The phrases whose words some candidate has; without the first pass, every phrase.
        matcher.add_phrases(
            frozenset().union(*(c.words for _, c in pending)) if self.prefilter else None
        )
        lines: dict[int, LineIndex] = {}
        # In slices, so that memory stays bounded however large the input is.
        for first in range(0, len(pending), _SLICE):
            self._match_slice(
                nlp,
                matcher,
                rewriter,
                sources,
                proses,
                pending[first : first + _SLICE],
                results,
                lines,
            )

    def _match_slice(self, nlp, matcher, rewriter, sources, proses, pending, results, lines):
        """Tokenize the candidates, parse those that could match (each distinct sentence
        once: pages repeat their footers) and add the claims found to ``results``."""
        parsed_texts = [parse_text(c.sentence.text) for _, c in pending]
        tokenized = nlp.tokenizer.pipe(text for text, _ in parsed_texts)
        placed = []  # (source index, candidate, where, base, key): where each text sits
        to_parse = {}  # key (text, rules, stance) → the tokenized text to parse
        scores: dict[tuple[str, frozenset[str], str | None], float | None] = {}
        for (index, candidate), (text, where), doc in zip(
            pending, parsed_texts, tokenized, strict=True
        ):
            if not candidate.rules:  # the model's alone: the whole sentence is parsed
                windows, rules = [(doc, 0)], frozenset()
            elif self.prefilter:
                lowers = [t.lower_ for t in doc]
                words = set(lowers)
                spans = {
                    rule_id: found
                    for rule_id, found in matcher.surface(doc, candidate.rules, lowers).items()
                    if self._lexically_possible(rule_id, words)
                }
                windows, rules = _windows(doc, spans), frozenset(spans)
                if not spans and self._flags_alone(candidate):
                    # no rule's words stand where its pattern needs them: the model's alone
                    windows = [(doc, 0)]
            else:
                windows, rules = [(doc, 0)], candidate.rules
            for window, base in windows:
                key = (text if window is doc else window.text, rules, candidate.stance)
                to_parse.setdefault(key, window)
                placed.append((index, candidate, where, base, key))
                if window is doc:
                    scores[key] = candidate.score
        claims: dict[tuple[str, frozenset[str], str | None], list[Claim]] = {}
        parsed = nlp.pipe(to_parse.values(), batch_size=_BATCH_SIZE)
        judged_docs = {}  # the parses with claims (their claims keep them anyway)
        for key, doc in zip(to_parse, parsed, strict=True):
            judged = self._judge(doc, matcher, key[1], scores.get(key), key[2])
            if judged:
                judged_docs[key] = doc
            # One rewrite of the sentence from all its claims, shared by its findings.
            edits = rewriter.sentence_edits([(c.rule, c.span) for c in judged]) if judged else []
            claims[key] = [replace(c, edits=edits) for c in judged]
        self._settle(nlp, matcher, rewriter, claims)
        advice: dict[str, tuple[str, ...] | None] = {}  # a kind's own advice, per sentence
        for index, candidate, where, base, key in placed:
            if not claims[key]:
                continue
            text = candidate.sentence.text
            if text not in advice:
                doc = judged_docs.get(key)
                whole = doc is not None and doc.text == text  # parsed whole, not a window
                advice[text] = rewriter.advice(text, (lambda _, d=doc: d) if whole else nlp)
            source = sources[index]
            if index not in lines:
                lines[index] = LineIndex(source.text)
            to_source = _SourceMap(
                source.text, proses[index], candidate.sentence.start, where, base
            )
            sentence = to_source.sentence(len(candidate.sentence.text))
            for claim in claims[key]:
                where = to_source.span(claim.span.start_char, claim.span.end_char)
                suggestions = [to_source.suggestion(edit) for edit in claim.edits]
                found = _finding(
                    source,
                    lines[index],
                    claim.rule,
                    where,
                    sentence,
                    [s for s in suggestions if s is not None],
                    advice[text],
                )
                results[index].append(
                    replace(found, source=claim.source, confidence=claim.confidence)
                )

    def _flags_alone(self, candidate: Candidate) -> bool:
        """Whether the model flags the candidate's sentence where no rule does."""
        fusion, score = self.fusion, candidate.score
        return (
            fusion is not None
            and score is not None
            and fusion.flags_alone(candidate.sentence.text, score, candidate.stance)
        )

    def _judge(
        self, doc, matcher, rules: frozenset[str], score: float | None, stance: str | None = None
    ) -> list[Claim]:
        """The claims of a parsed sentence: the rules' in context, with the model's say
        (``stance``: what its document does)."""
        found = [
            (self.rules[m.rule_id], _trimmed(doc[m.start : m.end]))
            for m in self._claims(doc, matcher(doc, rules) if rules else [])
        ]
        if self.fusion is None or score is None:
            return [Claim(rule, span) for rule, span in found]
        claims = self.fusion.combine(doc, found, score, stance)
        if claims and not found and self.accepted.select(normalize(doc.text).lower())[0]:
            return []  # the model's alone, on words of a rule the configuration ignores
        return claims

    def _judge_rewrite(self, doc, matcher, scored: bool) -> list[Claim]:
        """The claims of a rewritten sentence, as ``check`` would find them (the matcher
        has the phrases of its trigger words)."""
        text = doc.text
        rules, words = self.triggers.select(normalize(text).lower())
        if self.fusion is None or not scored:
            return self._judge(doc, matcher, rules, None)
        linear = self.fusion.model.score(text)
        score = self.fusion.score(text, bool(rules), linear=linear)
        if rules and not self.fusion.keeps_rules(text, score, words, linear=linear):
            rules = frozenset()
        return self._judge(doc, matcher, rules, score)

    def _settle(self, nlp, matcher, rewriter, claims) -> None:
        """Keep only the rewrites that leave none of their sentence's rules' claims.

        A rewrite that leaves one (a hedge on another clause, a claim no template reaches)
        would make the claim look fixed; where the rewritten sentence's own rewrite settles
        it, the two make one rewrite (at most ``SETTLE_STEPS`` in a row). The rewrite with
        every change and the safe one are settled apart: the safe one with safe steps only."""
        trials = []  # (sentence key, unsafe, edit)
        for key, judged in claims.items():
            edits = judged[0].edits if judged else []
            if edits:
                trials.append((key, True, edits[0]))
                safe = next((e for e in edits if e.safe), None)
                if safe is not None:
                    trials.append((key, False, safe))
        if not trials:
            return
        texts = [edit.apply(claims[key][0].span.doc.text) for key, _, edit in trials]
        unique = list(dict.fromkeys(texts))  # a safe rewrite is often the whole rewrite
        if self.fusion is not None:  # the encoder reads the rewrites it will judge in one go
            self.fusion.read_ahead(
                [
                    (
                        unique,
                        [self.fusion.model.score(t) for t in unique],
                        [bool(self.triggers.select(normalize(t).lower())[0]) for t in unique],
                        None,
                    )
                ]
            )
        matcher.add_phrases(self._trigger_words(unique))
        docs = dict(zip(unique, nlp.pipe(unique, batch_size=_BATCH_SIZE), strict=True))
        settled: dict[tuple, dict[bool, Edit | None]] = {}
        for (key, unsafe, edit), text in zip(trials, texts, strict=True):
            found = self._settled(nlp, matcher, rewriter, claims[key], edit, docs[text], unsafe)
            settled.setdefault(key, {})[unsafe] = found
        for key, ways in settled.items():
            full, safe = ways.get(True), ways.get(False)
            edits = [safe] if safe is not None else []
            if full is not None and (safe is None or full.pieces != safe.pieces):
                edits.insert(0, full)
            claims[key] = [replace(c, edits=edits) for c in claims[key]]

    def _settled(self, nlp, matcher, rewriter, judged, edit, doc, unsafe: bool) -> Edit | None:
        """The edit, or the edit and the rewrites after it as one, once none of the
        sentence's rules finds its claim in the result; None when no such rewrite is found."""
        from lint.engine.rewrite.edit import Edit

        # an approval claim stays, with advice: only a person can say what was approved
        wanted = {
            c.rule.id for c in judged if c.source != "model" and c.rule.category != "regulatory"
        }
        if all(c.source == "model" for c in judged) and all(
            set(new.lower().split()) <= {"a", "an"} for _, _, new in edit.pieces
        ):
            # words dropped from a sentence only the model flagged ("a masterful blend" → "a
            # blend") hedge nothing: the drop stands only where the model's claim goes
            wanted = {c.rule.id for c in judged}
        original = judged[0].span.doc.text
        scored = self.fusion is not None and judged[0].confidence is not None
        safe, steps = edit.safe, 1
        for _ in range(SETTLE_STEPS):
            left = self._judge_rewrite(doc, matcher, scored)
            if not any(c.rule.id in wanted for c in left):
                if steps == 1:
                    return edit
                return Edit.between(original, doc.text, safe) if doc.text != original else None
            follow = rewriter.sentence_edits([(c.rule, c.span) for c in left])
            step = follow[0] if unsafe and follow else next((e for e in follow if e.safe), None)
            if step is None:
                return None
            safe, steps = safe and step.safe, steps + 1
            text = step.apply(doc.text)
            matcher.add_phrases(self._trigger_words([text]))
            doc = nlp(text)
        return None

    def _trigger_words(self, texts: list[str]) -> set[str]:
        return set().union(*(self.triggers.select(normalize(t).lower())[1] for t in texts))

    def _lexically_possible(self, rule_id: str, words: set[str]) -> bool:
        """The rule's required words are among the sentence's words."""
        required = self._requires[rule_id]
        return not required or not required.isdisjoint(words)

    def _claims(self, doc, matches):
        """The matches that are claims in context, one per overlapping group and category."""
        from lint.engine.context import exemption

        if not matches:
            return []
        text = doc.text
        lowered = text.lower()
        words = {t.lower_ for t in doc}
        kept = []
        for match in matches:
            rule = self.rules[match.rule_id]
            span = doc[match.start : match.end]
            if self._applies(rule, span, lowered, words) and not exemption(
                span, match.tokens, rule.unless, self.cues, text
            ):
                kept.append(match)
        return _best_matches(kept, self.rules)

    def model_scores(self, sentence: str) -> tuple[float, float] | None:
        """The linear model's score of a sentence read alone, and the score the rules and
        the model decide by (the encoder's where the linear one leaves it in doubt); None
        without a model."""
        if self.fusion is None:
            return None
        ruled = bool(self.triggers.select(normalize(sentence).lower())[0])
        linear = self.fusion.model.score(sentence)
        return linear, self.fusion.score(sentence, ruled, linear=linear)

    def explain(self, sentence: str) -> list[tuple[str, str, str]]:
        """What each rule that matches a sentence made of it: (rule id, matched words,
        verdict), the verdict "claim" or why the match is not one."""
        from lint.engine.context import exemption
        from lint.engine.nlp import pipeline

        nlp = pipeline()
        text, _ = parse_text(sentence)
        matcher = self._rule_matcher(nlp)
        matcher.add_phrases(self.triggers.present(text.lower()))
        doc = nlp(text)
        lowered = text.lower()
        words = {t.lower_ for t in doc}
        linear, score = self.model_scores(sentence) or (None, None)
        out = []
        everything = frozenset(r for r, rule in self.rules.items() if rule.patterns)
        for match in sorted(matcher(doc, everything), key=lambda m: (m.start, m.rule_id)):
            rule = self.rules[match.rule_id]
            span = _trimmed(doc[match.start : match.end])
            reason = exemption(span, match.tokens, rule.unless, self.cues, text)
            if not self._applies(rule, span, lowered, words):
                verdict = "not applicable (a required word is missing or an exception matched)"
            elif reason:
                verdict = f"not a claim here: {reason}"
            elif (
                score is not None
                and self.fusion is not None
                and not self.fusion.keeps_rules(
                    text, score, self.triggers.present(text.lower()), linear=linear
                )
            ):
                verdict = f"dropped: the model finds the sentence unlikely a claim ({score:.2f})"
            elif score is not None and score < rule.model_support:
                verdict = (
                    f"dropped: a broad family, it needs the model's {rule.model_support:.2f}"
                    f" ({score:.2f})"
                )
            else:
                verdict = "claim"
            out.append((rule.id, span.text, verdict))
        return out

    def _applies(self, rule: Rule, span, lowered: str, words: set[str]) -> bool:
        """The rule's own conditions: a required word in the sentence (whose lower-cased text
        and words are given), no exception phrase."""
        if not self._lexically_possible(rule.id, words):
            return False
        for phrase in rule.exceptions:
            at = lowered.find(phrase)
            while at != -1:
                if at < span.end_char and span.start_char < at + len(phrase):
                    return False
                at = lowered.find(phrase, at + 1)
        return True

    def _rule_matcher(self, nlp):
        if self._matcher is None:
            from lint.engine.matching import RuleMatcher

            self._matcher = RuleMatcher(nlp, self.compiled)
        return self._matcher


# The most rewrites in a row that may make one rewrite of a sentence (see Linter._settle).
SETTLE_STEPS = 3
# Run-on "sentences" (lists, tables flattened to text) are parsed only around what could match.
LONG_SENTENCE = 60
WINDOW = 25


def _windows(doc, spans: dict[str, list[tuple[int, int]]]):
    """The parts of a tokenized sentence to parse, each with its character offset."""
    if not spans:
        return []
    if len(doc) <= LONG_SENTENCE:
        return [(doc, 0)]
    ranges = sorted(
        (max(0, s - WINDOW), min(len(doc), e + WINDOW))
        for found in spans.values()
        for s, e in found
    )
    merged = [list(ranges[0])]
    for start, end in ranges[1:]:
        if start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(doc[start:end].as_doc(), doc[start].idx) for start, end in merged]


_EDGE_POS = frozenset({"PUNCT", "CCONJ", "SPACE"})
_EDGE_WORDS = frozenset({"a", "an", "the"})


def _trimmed(span):
    """The span without conjunctions, determiners or punctuation at its edges."""
    start, end = span.start, span.end

    def edge(token) -> bool:
        return token.pos_ in _EDGE_POS or token.lower_ in _EDGE_WORDS

    while end - start > 1 and edge(span.doc[start]):
        start += 1
    while end - start > 1 and edge(span.doc[end - 1]):
        end -= 1
    return span.doc[start:end]


def _best_matches(matches, rules: dict[str, Rule]):
    """The strongest matches: one per overlapping group within a category (the most severe,
    then a rule's own words over a broad family's, ``model_support``, then the longest), and
    none on exactly the words of a stronger match of another category.
    Between matches equally strong, the first rule id in alphabetical order is kept, so the
    choice never depends on the order the matcher found them in."""

    def strength(m):
        rule = rules[m.rule_id]
        return (SEVERITY_RANK[rule.severity], not rule.model_support, m.end - m.start, -m.start)

    kept: list[Match] = []
    by_id = sorted(matches, key=lambda m: m.rule_id)
    for match in sorted(by_id, key=strength, reverse=True):  # stable: ties keep the id order
        category = rules[match.rule_id].category
        if not any(
            (rules[k.rule_id].category == category and k.start < match.end and match.start < k.end)
            or k.tokens == match.tokens
            for k in kept
        ):
            kept.append(match)
    return kept


@dataclass(frozen=True)
class _SourceMap:
    """From offsets in a parsed sentence (or window of it) to offsets in the source file."""

    source: str
    prose: Prose
    sentence_start: int
    where: list[int]
    base: int

    def prose_offset(self, position: int) -> int:
        return self.sentence_start + self.where[self.base + position]

    def sentence(self, length: int) -> tuple[int, int]:
        """Where the sentence, ``length`` prose characters long, is in the source."""
        start = self.prose.source_start(self.sentence_start)
        return start, self.prose.source_end(self.sentence_start + length)

    def span(self, start: int, end: int) -> tuple[int, int]:
        return (
            self.prose.source_start(self.prose_offset(start)),
            self.prose.source_end(self.prose_offset(end - 1) + 1),
        )

    def suggestion(self, edit: Edit) -> Suggestion | None:
        """The edit on the source, or None where a piece would touch markup rather than
        prose (markup between pieces is kept as it is)."""
        start, end = self.span(edit.start, edit.end)
        out, cursor = [], start
        for piece_start, piece_end, new in sorted(edit.pieces):
            if piece_start == piece_end:  # an insertion: after the character before it
                at = stop = (
                    self.prose.source_end(self.prose_offset(piece_start - 1) + 1)
                    if piece_start
                    else self.prose.source_start(self.prose_offset(0))
                )
                out += [self.source[cursor:at], new]
                cursor = stop
                continue
            at, stop = self.span(piece_start, piece_end)
            first = self.prose_offset(piece_start)
            last = self.prose_offset(piece_end - 1) + 1
            if self.source[at:stop] != self.prose.text[first:last]:
                return None
            out += [self.source[cursor:at], new]
            cursor = stop
        out.append(self.source[cursor:end])
        return Suggestion(start, end, "".join(out), safe=edit.safe)


def _finding(
    source: SourceText,
    lines: LineIndex,
    rule: Rule,
    where: tuple[int, int],
    sentence: tuple[int, int],
    edits: list[Suggestion],
    advice: tuple[str, ...] | None = None,
) -> Finding:
    """A finding with its sentence's rewrite (if any) and the rule's advice (or the advice
    the sentence's kind needs in its place)."""
    start, end = where
    texts = advice if advice is not None else rule.suggest[:1]
    suggestions = [*edits, *(Suggestion(start, end, None, advice=a) for a in texts)]
    return Finding.at(
        source,
        lines,
        where,
        rule.id,
        rule.category,
        rule.severity,
        rule.message,
        tuple(suggestions),
        sentence,
    )
