"""Run the compiled rules over parsed sentences with spaCy's matchers."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import DependencyMatcher, Matcher, PhraseMatcher
from spacy.tokens import Doc

from lint.model import OverclaimError
from lint.patterns import CompiledRule


@dataclass(frozen=True)
class Match:
    """A rule matched these tokens of a parsed sentence, spanning [start, end)."""

    rule_id: str
    start: int
    end: int
    tokens: frozenset[int]


# Token attributes that need the tagger or parser; without them a pattern matches a superset.
_PARSE_ATTRIBUTES = frozenset({"POS", "TAG", "DEP", "MORPH", "LEMMA", "ENT_TYPE", "SENT_START"})


class RuleMatcher:
    """The rules' phrase, token and dependency patterns, compiled into spaCy matchers.

    ``surface`` runs on a tokenized sentence and tells which rules could match once it is
    parsed; calling the matcher on the parsed sentence gives the matches.
    """

    def __init__(self, nlp: Language, compiled: list[CompiledRule]):
        self._phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._tokens: dict[str, Matcher] = {}
        self._surface: dict[str, Matcher] = {}
        self._dependencies: dict[str, DependencyMatcher] = {}
        for item in compiled:
            rule = item.rule
            try:
                if item.phrases:
                    self._phrases.add(rule.id, list(nlp.tokenizer.pipe(item.phrases)))
                if item.token_patterns:
                    self._tokens[rule.id] = _matcher(nlp, rule.id, item.token_patterns)
                    lexical = [
                        [{k: v for k, v in t.items() if k not in _PARSE_ATTRIBUTES} for t in p]
                        for p in item.token_patterns
                    ]
                    self._surface[rule.id] = _matcher(nlp, rule.id, lexical)
                if item.dependency_patterns:
                    matcher = DependencyMatcher(nlp.vocab, validate=True)
                    for n, pattern in enumerate(item.dependency_patterns):
                        matcher.add(f"{rule.id}#{n}", [pattern])
                    self._dependencies[rule.id] = matcher
            except (ValueError, KeyError, TypeError) as exc:
                lines = [ln.strip("- ") for ln in str(exc).splitlines() if "->" in ln]
                detail = lines[0] if lines else str(exc).strip().splitlines()[0]
                raise OverclaimError(
                    f"{rule.source}: rule {rule.id}: invalid pattern: {detail}"
                ) from None

    def surface(self, doc: Doc, rules: frozenset[str]) -> frozenset[str]:
        """Of these rules, the ones that could match the parsed sentence."""
        vocab = doc.vocab.strings
        found = {vocab[m] for m, _, _ in self._phrases(doc)} & rules
        found |= {r for r in rules if r in self._dependencies}
        found |= {r for r in rules - found if r in self._surface and self._surface[r](doc)}
        return frozenset(found)

    def __call__(self, doc: Doc, rules: frozenset[str]) -> list[Match]:
        """Matches of these rules in a parsed sentence."""
        vocab = doc.vocab.strings
        found = [
            Match(vocab[m], s, e, frozenset(range(s, e)))
            for m, s, e in self._phrases(doc)
            if vocab[m] in rules
        ]
        for rule_id in rules:
            if rule_id in self._tokens:
                found += [
                    Match(rule_id, s, e, frozenset(range(s, e)))
                    for _, s, e in self._tokens[rule_id](doc)
                ]
            if rule_id in self._dependencies:
                found += [
                    Match(rule_id, min(ids), max(ids) + 1, frozenset(ids))
                    for _, ids in self._dependencies[rule_id](doc)
                ]
        return found


def _matcher(nlp: Language, rule_id: str, patterns) -> Matcher:
    matcher = Matcher(nlp.vocab, validate=True)
    matcher.add(rule_id, [list(p) for p in patterns])
    return matcher
