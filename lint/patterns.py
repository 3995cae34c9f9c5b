"""Compile rule patterns: expand vocabulary and inflections, and derive the trigger index.

Nothing here imports spaCy: the trigger index decides which sentences are worth parsing.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache

from lint.linear_regex import compile_linear
from lint.model import OverclaimError
from lint.rulebook import Cues, Rule, Rulebook

MAX_PHRASE_VARIANTS = 5000
_WORD = re.compile(r"[a-z0-9]+")
_LITERAL_KEYS = ("LOWER", "ORTH", "TEXT", "NORM")
_REQUIRED_OPS = (None, "1", "+")
# Words too common to index a trigger under: a trigger is indexed under a rarer word set if it can be.
_COMMON = frozenset(
    """a an the and or but of to in on at by for with from as is are was were be been being am
    it its this that these those there their they we you your our my me he she his her them
    has have had do does did can will would should could may might must not no n't 's so
    very all any some more most than then also just only which who what when where how why
    , . ; : - ! ?""".split()
)


@cache
def word_variants(word: str) -> frozenset[str]:
    """A word and every inflection of it ("cure" → cure, cures, cured, curing)."""
    # lemminflect hooks itself into spaCy on import, so it is imported only when compiling.
    from lemminflect import getAllInflections, getAllInflectionsOOV

    word = word.lower()
    forms = {word}
    known = getAllInflections(word)
    if not known and word.isalpha() and len(word) > 3 and word not in _COMMON:
        # A word lemminflect does not know ("regrow"): inflect it by the regular rules.
        known = {**getAllInflectionsOOV(word, "NOUN"), **getAllInflectionsOOV(word, "VERB")}
    for inflections in known.values():
        forms.update(f.lower() for f in inflections)
    return frozenset(forms)


# Words of a dependency pattern further apart than this are not worth a parse.
DEPENDENCY_REACH = 8


@dataclass(frozen=True)
class Trigger:
    """What the first pass needs to see before a pattern can match: a word of every set in
    ``words``, and for a dependency pattern a word of every set in ``near`` within
    DEPENDENCY_REACH words of a word of its first set (the pattern's root)."""

    words: tuple[frozenset[str], ...]
    near: tuple[frozenset[str], ...] = ()


@dataclass(frozen=True)
class CompiledRule:
    """A rule's patterns in the form the matchers take, and the triggers of its patterns."""

    rule: Rule
    phrases: tuple[str, ...]
    token_patterns: tuple[list[dict], ...]
    dependency_patterns: tuple[list[dict], ...]
    triggers: tuple[Trigger, ...]
    requires: frozenset[str]  # one of these words must be in the sentence (empty: no condition)


def compile_rule(rule: Rule, vocabulary: dict[str, tuple[str, ...]]) -> CompiledRule:
    phrases: list[str] = []
    token_patterns: list[list[dict]] = []
    dependency_patterns: list[list[dict]] = []
    triggers: list[Trigger] = []
    for pattern in rule.patterns:
        try:
            if pattern.kind == "phrase":
                found = _expand_phrases(pattern.spec, vocabulary)
                phrases.extend(found)
                triggers.extend(Trigger(_phrase_words(p)) for p in found)
            elif pattern.kind == "tokens":
                tokens = [_token_spec(t, vocabulary) for t in pattern.spec]
                token_patterns.append(tokens)
                required = [t for t in tokens if t.get("OP") in _REQUIRED_OPS]
                triggers.append(Trigger(_token_words(required)))
            else:
                nodes = [_dependency_node(n, vocabulary) for n in pattern.spec]
                dependency_patterns.append(nodes)
                words = _token_words(n["RIGHT_ATTRS"] for n in nodes)
                triggers.append(Trigger(words, near=words))
        except (TypeError, ValueError, AttributeError) as exc:
            raise OverclaimError(
                f"{rule.source}: rule {rule.id}: bad {pattern.kind} pattern: {exc}"
            ) from None
    requires = frozenset(
        form
        for word in _literal_values({"IN": list(rule.requires)}, vocabulary)
        for form in word_variants(word)
    )
    if requires:
        triggers = [Trigger((*t.words, requires), t.near) for t in triggers]
    return CompiledRule(
        rule=rule,
        phrases=tuple(dict.fromkeys(phrases)),
        token_patterns=tuple(token_patterns),
        dependency_patterns=tuple(dependency_patterns),
        triggers=tuple(dict.fromkeys(triggers)),
        requires=requires,
    )


def _phrase_words(phrase: str) -> tuple[frozenset[str], ...]:
    """Every word of a phrase must be present."""
    return tuple(frozenset([w]) for w in dict.fromkeys(_WORD.findall(phrase)))


def _token_words(tokens) -> tuple[frozenset[str], ...]:
    """For every required token with literal values, one of those values must be present."""
    sets = []
    for token in tokens:
        for key in _LITERAL_KEYS:
            value = token.get(key)
            if value is None:
                continue
            words = value["IN"] if isinstance(value, dict) and "IN" in value else [value]
            parts = [_WORD.findall(w.lower()) if isinstance(w, str) else [] for w in words]
            if all(parts):
                # A value like "well-being" is present when its longest word is.
                sets.append(frozenset(max(p, key=len) for p in parts))
    return tuple(sets)


def expand_cues(cues: Cues) -> Cues:
    """Cue lists with every inflection of their words ("suggest" → suggests, suggested, ...)."""
    return Cues(
        lists={
            name: frozenset(form for word in words for form in word_variants(word))
            for name, words in cues.lists.items()
        },
        attribution=cues.attribution,
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
            raise ValueError(
                f"'{template}' expands to {total} phrases (limit {MAX_PHRASE_VARIANTS})"
            )
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
    for value in spec.values():
        if isinstance(value, dict) and "REGEX" in value:
            try:
                compile_linear(value["REGEX"], "token pattern", case_sensitive=True)
            except OverclaimError as exc:
                raise ValueError(str(exc).split(": ", 1)[1]) from None
    for key in _LITERAL_KEYS:
        value = spec.get(key)
        if (
            isinstance(value, str)
            and value.startswith("@")
            or isinstance(value, dict)
            and "IN" in value
        ):
            words = [
                w.lower() if key in ("LOWER", "NORM") else w
                for w in _literal_values(value, vocabulary)
            ]
            spec[key] = {"IN": sorted(set(words))}
    return spec


def _dependency_node(node: dict, vocabulary: dict[str, tuple[str, ...]]) -> dict:
    if not isinstance(node, dict) or "RIGHT_ID" not in node or "RIGHT_ATTRS" not in node:
        raise ValueError("each dependency node needs RIGHT_ID and RIGHT_ATTRS")
    out = dict(node)
    out["RIGHT_ATTRS"] = _token_spec(node["RIGHT_ATTRS"], vocabulary)
    return out


class TriggerIndex:
    """The cheap first pass: which rules could match this sentence, judging by its words?

    Each pattern's trigger is indexed under the rarest-looking of its word sets; a rule is a
    candidate when the words of the sentence satisfy one of its triggers.
    """

    def __init__(self, compiled: list[CompiledRule]):
        self._always: frozenset[str] = frozenset(
            c.rule.id for c in compiled if any(not t.words for t in c.triggers)
        )
        self._triggers: list[tuple[str, Trigger]] = []
        self._by_word: dict[str, list[int]] = {}
        words: set[str] = set()
        for rule in compiled:
            for trigger in rule.triggers:
                if not trigger.words:
                    continue
                index = len(self._triggers)
                self._triggers.append((rule.rule.id, trigger))
                key = min(trigger.words, key=lambda ws: (len(ws & _COMMON), len(ws)))
                for word in key:
                    self._by_word.setdefault(word, []).append(index)
                for word_set in trigger.words:
                    words |= word_set
        self._words = frozenset(words)

    def rules_for(self, lowered: str) -> frozenset[str]:
        """Ids of the rules some pattern of which could match this lower-cased sentence."""
        sequence = _WORD.findall(lowered)
        present = self._words.intersection(sequence)
        found = set(self._always)
        triggers = self._triggers
        for word in present:
            for index in self._by_word.get(word, ()):
                rule_id, trigger = triggers[index]
                if rule_id in found:
                    continue
                for word_set in trigger.words:
                    if present.isdisjoint(word_set):
                        break
                else:
                    if not trigger.near or _near(sequence, trigger.near):
                        found.add(rule_id)
        return frozenset(found)


def _near(sequence: list[str], sets: tuple[frozenset[str], ...]) -> bool:
    """A word of the first set has a word of every other set within DEPENDENCY_REACH words."""
    positions = [[i for i, w in enumerate(sequence) if w in words] for words in sets]
    return any(
        all(any(abs(i - root) <= DEPENDENCY_REACH for i in p) for p in positions[1:])
        for root in positions[0]
    )
