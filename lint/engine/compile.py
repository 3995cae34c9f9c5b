"""Compile rule patterns: expand vocabulary and inflections, and derive the trigger index.

Nothing here imports spaCy: the trigger index decides which sentences are worth parsing.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import cache

from lint.data import OverclaimError
from lint.engine.triggers import (
    FUNCTION_WORDS,
    LITERAL_KEYS,
    Trigger,
    dependency_trigger,
    phrase_trigger,
    token_trigger,
)
from lint.rulebook.linear_regex import compile_linear
from lint.rulebook.loading import Cues, Rule, Rulebook

MAX_PHRASE_VARIANTS = 5000


@cache
def word_variants(word: str) -> frozenset[str]:
    """A word and every inflection of it ("cure" → cure, cures, cured, curing)."""
    # lemminflect hooks itself into spaCy on import, so it is imported only when compiling.
    from lemminflect import getAllInflections, getAllInflectionsOOV

    word = word.lower()
    forms = {word}
    known = getAllInflections(word)
    if not known and word.isalpha() and len(word) > 3 and word not in FUNCTION_WORDS:
        # A word lemminflect does not know ("regrow"): inflect it by the regular rules.
        known = {**getAllInflectionsOOV(word, "NOUN"), **getAllInflectionsOOV(word, "VERB")}
    for inflections in known.values():
        forms.update(f.lower() for f in inflections)
    return frozenset(forms)


@dataclass(frozen=True)
class CompiledRule:
    """A rule's patterns in the form the matchers take, and the triggers of its patterns."""

    rule: Rule
    phrases: dict[str, tuple[str, ...]]  # each phrase, with the words the first pass needs for it
    token_patterns: tuple[list[dict], ...]
    dependency_patterns: tuple[list[dict], ...]
    triggers: tuple[Trigger, ...]
    requires: frozenset[str]  # one of these words must be in the sentence (empty: no condition)


def compile_rule(rule: Rule, vocabulary: dict[str, tuple[str, ...]]) -> CompiledRule:
    phrases: dict[str, tuple[str, ...]] = {}
    token_patterns: list[list[dict]] = []
    dependency_patterns: list[list[dict]] = []
    triggers: list[Trigger] = []
    for pattern in rule.patterns:
        try:
            if pattern.kind == "phrase":
                for phrase in _expand_phrases(pattern.spec, vocabulary):
                    trigger = phrase_trigger(phrase)
                    triggers.append(trigger)
                    phrases.setdefault(phrase, tuple(w for words in trigger.words for w in words))
            elif pattern.kind == "tokens":
                tokens = [_token_spec(t, vocabulary) for t in pattern.spec]
                token_patterns.append(tokens)
                triggers.append(token_trigger(tokens))
            else:
                nodes = [_dependency_node(n, vocabulary) for n in pattern.spec]
                dependency_patterns.append(nodes)
                triggers.append(dependency_trigger(nodes))
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
        triggers = [t.requiring(requires) for t in triggers]
    return CompiledRule(
        rule=rule,
        phrases=phrases,
        token_patterns=tuple(token_patterns),
        dependency_patterns=tuple(dependency_patterns),
        triggers=tuple(dict.fromkeys(t.shared() for t in triggers)),
        requires=requires,
    )


def expand_cues(cues: Cues) -> Cues:
    """Cue lists with every inflection of their words ("suggest" → suggests, suggested, ...)."""
    return Cues(
        lists={
            name: frozenset(form for word in words for form in word_variants(word))
            for name, words in cues.lists.items()
        },
        attribution=_one_pattern(cues.attribution),
    )


def _one_pattern(patterns: tuple) -> tuple:
    """RE2 patterns as one alternation, which finds any of them in a single pass."""
    if len(patterns) < 2:
        return patterns
    return (compile_linear("|".join(f"(?:{p.pattern})" for p in patterns), "attribution cues"),)


def compile_rulebook(rulebook: Rulebook) -> list[CompiledRule]:
    return [compile_rule(rule, rulebook.vocabulary) for rule in rulebook.rules]


def vocabulary_plurals(vocabulary: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """The plural of every noun in the vocabulary families ("child" → "children"), for
    rewrites such as "every child" → "some children" without a lexicon lookup."""
    from lemminflect import getInflection

    plurals = {}
    for word in {m.lower() for name in vocabulary for m in vocabulary[name] if " " not in m}:
        if not word.startswith("@") and (
            forms := getInflection(word, tag="NNS", inflect_oov=False)
        ):
            plurals[word] = forms[0]
    return plurals


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
    for key in LITERAL_KEYS:
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
