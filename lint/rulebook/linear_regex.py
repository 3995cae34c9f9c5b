"""Regular expressions from rulebooks run on RE2, whose matching time is linear in the text:
no pattern a user writes can hang a run."""

from __future__ import annotations

from functools import cache

import re2

from lint.data import OverclaimError


@cache
def _options(case_sensitive: bool):
    options = re2.Options()
    options.log_errors = False
    options.case_sensitive = case_sensitive
    return options


def compile_linear(pattern: str, where: str, case_sensitive: bool = False):
    """A compiled RE2 pattern; an OverclaimError naming ``where`` if it is not valid RE2
    (backreferences and lookarounds are not: they are what makes matching exponential)."""
    try:
        return re2.compile(pattern, _options(case_sensitive))
    except Exception as exc:  # re2 raises its own error type
        detail = str(exc).replace("b'", "").replace("'", "") or "invalid"
        raise OverclaimError(
            f"{where}: invalid regex {pattern!r}: {detail} (overclaim uses RE2 syntax)"
        ) from None
