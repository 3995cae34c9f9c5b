"""The rules in use: the loaded rulebook, narrowed by ``select``/``ignore`` and with the
configured severities. A deselected rule never runs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from lint.config import Settings
from lint.data import OverclaimError
from lint.rulebook.loading import load_rulebook, shipped_rulebook_dir
from lint.rulebook.rules import Rule, Rulebook
from lint.rulebook.selectors import any_selects, selects


def rulebook_for(settings: Settings) -> Rulebook:
    """The shipped rulebook, extended, narrowed and with severities as configured."""
    rulebook = load_rulebook(
        [shipped_rulebook_dir(), *settings.extend],
        cues={k: list(v) for k, v in settings.cues.items()},
    )
    return rules_in_use(
        rulebook,
        settings.select,
        settings.ignore,
        settings.severity,
        where=lambda key: settings.locations.get(key, "command line"),
    )


def rules_in_use(
    rulebook: Rulebook,
    select: tuple[str, ...] = (),
    ignore: tuple[str, ...] = (),
    severity: dict[str, str] | None = None,
    where: Callable[[str], str] = lambda key: "command line",
) -> Rulebook:
    """The rulebook with only the selected rules, at their configured severities.

    A selector that picks no rule is an error naming ``where(key)`` it was set.
    """
    severity = severity or {}
    rules = list(rulebook.rules)
    for key, selectors in (("select", select), ("ignore", ignore), ("severity", severity)):
        for selector in selectors:
            if not any(selects(selector, r.id, r.category) for r in rules):
                raise OverclaimError(f"{where(key)}: {key}: '{selector}' matches no rule")
    if select:
        rules = [r for r in rules if any_selects(select, r.id, r.category)]
    accepted = tuple(r for r in rules if r.patterns and any_selects(ignore, r.id, r.category))
    rules = [r for r in rules if not any_selects(ignore, r.id, r.category)]
    return replace(
        rulebook, rules=tuple(_with_severity(r, severity) for r in rules), accepted=accepted
    )


def _with_severity(rule: Rule, overrides: dict[str, str]) -> Rule:
    for selector, level in overrides.items():
        if selects(selector, rule.id, rule.category):
            rule = replace(rule, severity=level)
    return rule
