"""Run the compiled rules over parsed sentences with spaCy's matchers."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.matcher import DependencyMatcher, Matcher, PhraseMatcher
from spacy.tokens import Doc, Token

from lint.data import OverclaimError
from lint.engine.compile import CompiledRule
from lint.engine.triggers import DEPENDENCY_REACH, LITERAL_KEYS
from lint.rulebook.linear_regex import compile_linear


@dataclass(frozen=True)
class Match:
    """A rule matched these tokens of a parsed sentence, spanning [start, end)."""

    rule_id: str
    start: int
    end: int
    tokens: frozenset[int]


# Token attributes that need the tagger or parser (and "_", the extensions standing for
# regular expressions); without them a pattern matches a superset.
_PARSE_ATTRIBUTES = frozenset(
    {"POS", "TAG", "DEP", "MORPH", "LEMMA", "ENT_TYPE", "SENT_START", "_"}
)
# The token text a REGEX attribute is matched against.
_REGEX_TEXT = {
    "ORTH": "text",
    "TEXT": "text",
    "LOWER": "lower_",
    "NORM": "norm_",
    "LEMMA": "lower_",
    "SHAPE": "shape_",
    "PREFIX": "prefix_",
    "SUFFIX": "suffix_",
    "POS": "pos_",
    "TAG": "tag_",
    "DEP": "dep_",
    "MORPH": "morph",
    "ENT_TYPE": "ent_type_",
}


class RuleMatcher:
    """The rules' phrase, token and dependency patterns, compiled into spaCy matchers.

    ``surface`` runs on a tokenized sentence and tells which rules could match once it is
    parsed; calling the matcher on the parsed sentence gives the matches.
    """

    def __init__(self, nlp: Language, compiled: list[CompiledRule]):
        self._nlp = nlp
        self._phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        # Phrases go into the phrase matcher only once a sentence has their words: a rulebook
        # has thousands, a run needs a few of them.
        self._unadded: list[tuple[str, str, tuple[str, ...]]] = []
        self._tokens: dict[str, Matcher] = {}
        self._surface: dict[str, Matcher] = {}
        self._dependencies: dict[str, DependencyMatcher] = {}
        # For the surface check: each dependency pattern's word sets, root first.
        self._dependency_words: dict[str, list[list[frozenset[str]]]] = {}
        for item in compiled:
            rule = item.rule
            try:
                self._unadded += [(rule.id, p, words) for p, words in item.phrases.items()]
                if item.token_patterns:
                    patterns = [[_linear_regexes(t) for t in p] for p in item.token_patterns]
                    self._tokens[rule.id] = _matcher(nlp, rule.id, patterns)
                    lexical = [
                        [{k: v for k, v in t.items() if k not in _PARSE_ATTRIBUTES} for t in p]
                        for p in item.token_patterns
                    ]
                    self._surface[rule.id] = _matcher(nlp, rule.id, lexical)
                if item.dependency_patterns:
                    matcher = DependencyMatcher(nlp.vocab, validate=True)
                    for n, pattern in enumerate(item.dependency_patterns):
                        nodes = [
                            {**node, "RIGHT_ATTRS": _linear_regexes(node["RIGHT_ATTRS"])}
                            for node in pattern
                        ]
                        matcher.add(f"{rule.id}#{n}", [nodes])
                    self._dependencies[rule.id] = matcher
                    self._dependency_words[rule.id] = [
                        _node_words(p) for p in item.dependency_patterns
                    ]
            except (ValueError, KeyError, TypeError) as exc:
                lines = [ln.strip("- ") for ln in str(exc).splitlines() if "->" in ln]
                detail = lines[0] if lines else str(exc).strip().splitlines()[0]
                raise OverclaimError(
                    f"{rule.source}: rule {rule.id}: invalid pattern: {detail}"
                ) from None

    def add_phrases(self, present: set[str] | None) -> None:
        """Add the phrases whose words are all ``present`` (None: every phrase)."""
        adding: dict[str, list[str]] = {}
        waiting = []
        for rule_id, phrase, words in self._unadded:
            if present is None or all(word in present for word in words):
                adding.setdefault(rule_id, []).append(phrase)
            else:
                waiting.append((rule_id, phrase, words))
        for rule_id, phrases in adding.items():
            tokenizer: Any = self._nlp.tokenizer
            self._phrases.add(rule_id, list(tokenizer.pipe(phrases)))
        self._unadded = waiting

    def surface(
        self, doc: Doc, rules: frozenset[str], lowers: list[str]
    ) -> dict[str, list[tuple[int, int]]]:
        """Of these rules, the ones that could match once the sentence is parsed, with the
        token spans they could match. ``lowers`` are the lower-cased tokens."""
        vocab = doc.vocab.strings
        found: dict[str, list[tuple[int, int]]] = {}
        for match_id, start, end in self._phrases(doc):
            rule_id = vocab[match_id]
            if rule_id in rules:
                found.setdefault(rule_id, []).append((start, end))
        for rule_id in rules:
            if rule_id in self._surface:
                spans = [(s, e) for _, s, e in self._surface[rule_id](doc)]
                if spans:
                    found[rule_id] = (found.get(rule_id) or []) + spans
            for words in self._dependency_words.get(rule_id, ()):
                near = _near(lowers, words)
                if near is not None:
                    found[rule_id] = (found.get(rule_id) or []) + [near]
        return found

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


def _node_words(pattern: list[dict]) -> list[frozenset[str]]:
    """The literal words of each node of a dependency pattern that has them, root first."""
    sets = []
    for node in pattern:
        for key in LITERAL_KEYS:
            value = node["RIGHT_ATTRS"].get(key)
            words = value.get("IN") if isinstance(value, dict) else [value]
            if words and all(isinstance(w, str) for w in words):
                sets.append(frozenset(w.lower() for w in words))
                break
    return sets


def _near(lowers: list[str], sets: list[frozenset[str]]) -> tuple[int, int] | None:
    """Tokens around a root word that has a word of every other set within reach, or None."""
    if not sets:
        return (0, len(lowers))
    positions = [[i for i, w in enumerate(lowers) if w in words] for words in sets]
    for root in positions[0]:
        if all(any(abs(i - root) <= DEPENDENCY_REACH for i in p) for p in positions[1:]):
            return max(0, root - DEPENDENCY_REACH), min(len(lowers), root + DEPENDENCY_REACH + 1)
    return None


def _linear_regexes(spec: dict) -> dict:
    """Replace REGEX attributes by token extensions that match with RE2, in linear time
    (spaCy's own REGEX uses Python's backtracking engine)."""
    out = dict(spec)
    for key, value in spec.items():
        if not (isinstance(value, dict) and "REGEX" in value):
            continue
        pattern = value["REGEX"]
        name = "overclaim_rx_" + hashlib.sha1(f"{key}\0{pattern}".encode()).hexdigest()[:16]
        if not Token.has_extension(name):
            regex = compile_linear(pattern, "token pattern", case_sensitive=True)
            attribute = _REGEX_TEXT.get(key, "text")
            Token.set_extension(name, getter=_regex_getter(regex, attribute))
        rest = {k: v for k, v in value.items() if k != "REGEX"}
        if rest:
            out[key] = rest
        else:
            del out[key]
        out["_"] = {**out.get("_", {}), name: True}
    return out


def _regex_getter(regex: Any, attribute: str) -> Callable[[Token], bool]:
    """Whether a token's ``attribute`` has a match of the RE2 ``regex``."""

    def matches(token: Token) -> bool:
        return regex.search(str(getattr(token, attribute))) is not None

    return matches
