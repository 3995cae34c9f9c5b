"""Selectors name rules: a rule id, a category, or a glob over ids ("efficacy.*").

The one place that decides whether a selector picks a rule, for ``select``/``ignore``,
severity overrides, per-file ignores and inline suppressions alike.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable


def selects(selector: str, rule_id: str, category: str) -> bool:
    """Whether ``selector`` picks the rule with this id and category."""
    return selector in (rule_id, category) or fnmatch.fnmatchcase(rule_id, selector)


def any_selects(selectors: Iterable[str], rule_id: str, category: str) -> bool:
    return any(selects(s, rule_id, category) for s in selectors)
