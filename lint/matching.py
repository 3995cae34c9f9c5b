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


class RuleMatcher:
    """All the rules' phrase, token and dependency patterns, compiled into spaCy matchers."""

    def __init__(self, nlp: Language, compiled: list[CompiledRule]):
        self._phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._tokens = Matcher(nlp.vocab, validate=True)
        self._dependencies = DependencyMatcher(nlp.vocab, validate=True)
        self._has_dependencies = False
        for item in compiled:
            rule = item.rule
            try:
                if item.phrases:
                    self._phrases.add(rule.id, list(nlp.tokenizer.pipe(item.phrases)))
                if item.token_patterns:
                    self._tokens.add(rule.id, [list(p) for p in item.token_patterns])
                for n, pattern in enumerate(item.dependency_patterns):
                    self._dependencies.add(f"{rule.id}#{n}", [pattern])
                    self._has_dependencies = True
            except (ValueError, KeyError, TypeError) as exc:
                lines = [ln.strip("- ") for ln in str(exc).splitlines() if "->" in ln]
                detail = lines[0] if lines else str(exc).strip().splitlines()[0]
                raise OverclaimError(
                    f"{rule.source}: rule {rule.id}: invalid pattern: {detail}"
                ) from None

    def __call__(self, doc: Doc) -> list[Match]:
        vocab = doc.vocab.strings
        found = [Match(vocab[m], s, e, frozenset(range(s, e))) for m, s, e in self._phrases(doc)]
        found += [Match(vocab[m], s, e, frozenset(range(s, e))) for m, s, e in self._tokens(doc)]
        if self._has_dependencies:
            for match_id, token_ids in self._dependencies(doc):
                rule_id = vocab[match_id].split("#", 1)[0]
                found.append(
                    Match(rule_id, min(token_ids), max(token_ids) + 1, frozenset(token_ids))
                )
        return found
