"""What a loaded rulebook is: categories, rules, vocabulary families and context cues."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from lint.rulebook.fixspec import Fix

DEFAULT_UNLESS = ("hedged", "suggested", "negated", "attributed", "question", "reported")


@dataclass(frozen=True)
class Pattern:
    """One way a rule can match: a phrase list, a token pattern or a dependency pattern."""

    kind: str
    spec: Any


@dataclass(frozen=True)
class Rule:
    id: str
    category: str
    severity: str
    message: str
    why: str
    refs: tuple[str, ...]
    patterns: tuple[Pattern, ...]
    unless: frozenset[str]
    suggest: tuple[str, ...]  # advice for the writer, shown with every finding
    fixes: tuple[Fix, ...]  # the rule's own rewrite template (at most one), over its category's
    requires: tuple[str, ...]
    exceptions: tuple[str, ...]
    flag_examples: tuple[str, ...]
    pass_examples: tuple[str, ...]
    source: str  # file:line where the rule is defined
    # The claim model's score a sentence needs for the rule's finding to stand: a broad
    # family ("eases anxiety") that neutral text shares needs the model to agree.
    model_support: float = 0.0

    @property
    def summary(self) -> str:
        """The rule's one-line summary: its message without the matched words."""
        return self.message.replace("{match}", "…")


@dataclass(frozen=True)
class Category:
    """A kind of overclaim: its default severity, and what a finding the claim model raised
    on its own says (``model`` is None when the category has no such text)."""

    name: str
    title: str
    severity: str
    model: Rule | None = None
    precision: str | None = None  # measured: very-high, high, medium or low
    rewrite: Fix | None = None  # how its claims are rewritten (rules may refine it)


_WORDS = re.compile(r"[\w']+")


@dataclass(frozen=True)
class Cues:
    """Word lists that decide context: hedges, negations, attribution and so on."""

    lists: dict[str, frozenset[str]] = field(default_factory=dict)
    attribution: tuple = ()  # compiled RE2 patterns

    def __getitem__(self, name: str) -> frozenset[str]:
        return self.lists.get(name, frozenset())

    def reports_a_study(self, sentence: str) -> bool:
        """Whether the sentence reports a study (an attribution cue) rather than selling: it
        neither addresses the reader nor exclaims ("Our data show you will sleep better!")."""
        if "!" in sentence or not any(p.search(sentence) for p in self.attribution):
            return False
        return self["reader"].isdisjoint(_WORDS.findall(sentence.lower()))


@dataclass(frozen=True)
class Rulebook:
    rules: tuple[Rule, ...]
    vocabulary: dict[str, tuple[str, ...]]
    cues: Cues
    categories: dict[str, Category] = field(default_factory=dict)
    # Advice that replaces a rule's own in a kind of sentence ("testimonial": someone's own
    # experience, which is theirs to keep, not the writer's to hedge).
    advice: dict[str, str] = field(default_factory=dict)
    # Rules the configuration ignores: their wording is accepted, so where their words are,
    # the claim model adds no finding of its own either.
    accepted: tuple[Rule, ...] = ()

    def rule(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)
