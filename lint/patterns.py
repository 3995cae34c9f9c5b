"""Compile rule patterns: expand vocabulary and inflections, and derive the trigger index.

Nothing here imports spaCy: the trigger index decides which sentences are worth parsing.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from lemminflect import getAllInflections

from lint.model import OverclaimError
from lint.rulebook import Rule, Rulebook

MAX_PHRASE_VARIANTS = 5000
_WORD = re.compile(r"[a-z0-9]+")
_LITERAL_KEYS = ("LOWER", "ORTH", "TEXT", "NORM")
_REQUIRED_OPS = (None, "1", "+")


@lru_cache(maxsize=None)
def word_variants(word: str) -> frozenset[str]:
    """A word and every inflection of it ("cure" → cure, cures, cured, curing)."""
    word = word.lower()
    forms = {word}
    for inflections in getAllInflections(word).values():
        forms.update(f.lower() for f in inflections)
    return frozenset(forms)


@dataclass(frozen=True)
class CompiledRule:
    """A rule's patterns in the form the matchers take, and its trigger words."""

    rule: Rule
    phrases: tuple[str, ...]
    token_patterns: tuple[list[dict], ...]
    dependency_patterns: tuple[list[dict], ...]
    anchors: frozenset[str] | None  # None: the rule can match without a trigger word
    requires: frozenset[str]  # one of these words must be in the sentence (empty: no condition)


def compile_rule(rule: Rule, vocabulary: dict[str, tuple[str, ...]]) -> CompiledRule:
    phrases: list[str] = []
    token_patterns: list[list[dict]] = []
    dependency_patterns: list[list[dict]] = []
    anchors: set[str] | None = set()
    for pattern in rule.patterns:
        try:
            if pattern.kind == "phrase":
                found = _expand_phrases(pattern.spec, vocabulary)
                phrases.extend(found)
                anchors_here = {max(_WORD.findall(p), key=len, default=p) for p in found}
            elif pattern.kind == "tokens":
                tokens = [_token_spec(t, vocabulary) for t in pattern.spec]
                token_patterns.append(tokens)
                anchors_here = _best_anchor(t for t in tokens if t.get("OP") in _REQUIRED_OPS)
            else:
                nodes = [_dependency_node(n, vocabulary) for n in pattern.spec]
                dependency_patterns.append(nodes)
                anchors_here = _best_anchor(n["RIGHT_ATTRS"] for n in nodes)
        except (TypeError, ValueError, AttributeError) as exc:
            raise OverclaimError(f"{rule.source}: rule {rule.id}: bad {pattern.kind} pattern: {exc}")
        if anchors_here is None or anchors is None:
            anchors = None
        else:
            anchors |= anchors_here
    return CompiledRule(
        rule=rule,
        phrases=tuple(dict.fromkeys(phrases)),
        token_patterns=tuple(token_patterns),
        dependency_patterns=tuple(dependency_patterns),
        anchors=frozenset(anchors) if anchors is not None else None,
        requires=frozenset(
            form for word in _literal_values({"IN": list(rule.requires)}, vocabulary)
            for form in word_variants(word)
        ),
    )


def compile_rulebook(rulebook: Rulebook) -> list[CompiledRule]:
    return [compile_rule(rule, rulebook.vocabulary) for rule in rulebook.rules]


def _vocabulary_set(
    name: str, vocabulary: dict[str, tuple[str, ...]], seen: tuple[str, ...] = ()
) -> tuple[str, ...]:
    """Members of a vocabulary set; a member '@other' brings in the members of that set."""
    if name not in vocabulary:
        raise ValueError(f"unknown vocabulary set '@{name}'")
    if name in seen:
        raise ValueError(f"vocabulary set '@{name}' includes itself")
    members: list[str] = []
    for member in vocabulary[name]:
        if member.startswith("@"):
            members.extend(_vocabulary_set(member[1:], vocabulary, (*seen, name)))
        else:
            members.append(member)
    return tuple(members)


def _expand_phrases(spec: list, vocabulary: dict[str, tuple[str, ...]]) -> list[str]:
    """Surface forms of phrase templates: '@set' members, 'a|b' choices, '=exact' words."""
    out: list[str] = []
    for template in spec:
        if not isinstance(template, str) or not template.strip():
            raise ValueError("phrases must be non-empty strings")
        slots: list[list[str]] = []
        for word in template.lower().split():
            choices: list[str] = []
            for choice in word.split("|"):
                if choice.startswith("@"):
                    for member in _vocabulary_set(choice[1:], vocabulary):
                        choices.extend(_inflect_words(member.lower()))
                elif choice.startswith("="):
                    choices.append(choice[1:])
                else:
                    choices.extend(word_variants(choice))
            slots.append(sorted(set(choices)))
        total = 1
        for slot in slots:
            total *= len(slot)
        if total > MAX_PHRASE_VARIANTS:
            raise ValueError(f"'{template}' expands to {total} phrases (limit {MAX_PHRASE_VARIANTS})")
        out.extend(" ".join(words) for words in itertools.product(*slots))
    return out


def _inflect_words(phrase: str) -> list[str]:
    """Inflections of a (possibly multi-word) vocabulary entry: only its last word varies."""
    *head, last = phrase.split()
    return [" ".join([*head, form]) for form in sorted(word_variants(last))]


def _literal_values(value: object, vocabulary: dict[str, tuple[str, ...]]) -> list[str]:
    """The words a LEMMA/LOWER value stands for, with '@set' references expanded.

    A token matches one word, so multi-word members of a set only take part in phrases.
    """
    items = value["IN"] if isinstance(value, dict) else [value]
    words: list[str] = []
    for item in items:
        if isinstance(item, (int, float)) and not isinstance(item, bool):
            item = str(item)
        if not isinstance(item, str):
            raise ValueError(f"expected a word, got {item!r}")
        if item.startswith("@"):
            words.extend(m for m in _vocabulary_set(item[1:], vocabulary) if " " not in m)
        else:
            words.append(item)
    return words


def _token_spec(token: dict, vocabulary: dict[str, tuple[str, ...]]) -> dict:
    """Rewrite LEMMA as 'any inflection' on LOWER, and expand '@set' references."""
    if not isinstance(token, dict):
        raise ValueError(f"a token must be a mapping, got {token!r}")
    spec = dict(token)
    if "LEMMA" in spec:
        value = spec.pop("LEMMA")
        if isinstance(value, dict) and set(value) != {"IN"}:
            raise ValueError("LEMMA takes a word or {IN: [...]}")
        forms: set[str] = set()
        for word in _literal_values(value, vocabulary):
            forms |= word_variants(word)
        spec["LOWER"] = {"IN": sorted(forms)}
    for key in _LITERAL_KEYS:
        value = spec.get(key)
        if isinstance(value, str) and value.startswith("@") or isinstance(value, dict) and "IN" in value:
            words = [w.lower() if key in ("LOWER", "NORM") else w for w in _literal_values(value, vocabulary)]
            spec[key] = {"IN": sorted(set(words))}
    return spec


def _dependency_node(node: dict, vocabulary: dict[str, tuple[str, ...]]) -> dict:
    if not isinstance(node, dict) or "RIGHT_ID" not in node or "RIGHT_ATTRS" not in node:
        raise ValueError("each dependency node needs RIGHT_ID and RIGHT_ATTRS")
    out = dict(node)
    out["RIGHT_ATTRS"] = _token_spec(node["RIGHT_ATTRS"], vocabulary)
    return out


def _best_anchor(tokens) -> frozenset[str] | None:
    """The smallest set of literal words one of which must appear for the pattern to match."""
    best: frozenset[str] | None = None
    for token in tokens:
        for key in _LITERAL_KEYS:
            value = token.get(key)
            if value is None:
                continue
            words = value["IN"] if isinstance(value, dict) and "IN" in value else [value]
            if not all(isinstance(w, str) for w in words):
                continue
            candidate = frozenset(w.lower() for w in words)
            if best is None or len(candidate) < len(best):
                best = candidate
    return best


class TriggerIndex:
    """The cheap first pass: does a sentence contain a word some rule is anchored on?"""

    def __init__(self, compiled: list[CompiledRule]):
        anchors: set[str] = set()
        self.always = False
        for rule in compiled:
            if rule.anchors is None:
                self.always = True
            else:
                anchors |= rule.anchors
        alternation = "|".join(re.escape(a) for a in sorted(anchors, key=len, reverse=True))
        self._regex = re.compile(rf"(?<![a-z0-9])(?:{alternation})(?![a-z0-9])") if anchors else None

    def is_candidate(self, lowered: str) -> bool:
        if self.always:
            return True
        return bool(self._regex and self._regex.search(lowered))
