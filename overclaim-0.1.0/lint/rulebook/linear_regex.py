"""Regular expressions from rulebooks, which no pattern a user writes can make hang a run.

With google-re2 installed (``pip install 'overclaim[re2]'``), patterns run on RE2, whose
matching time is linear in the text. Without it (Alpine and other musl systems have no
google-re2 wheels), they run on Python's ``re``, restricted to patterns on which its
backtracking cannot go exponential: no backreferences or lookarounds (RE2 has none either),
an unbounded repeat (``*``, ``+``, ``{n,}``) only on a single character or class and never
inside another repeat, and nested or alternated repeats only with small bounds. Patterns
only ever see one sentence (at most 3,000 characters) or one token.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from lint.data import OverclaimError

MAX_NESTED_WORK = 10_000  # the product of the bounds of nested repeats


@cache
def _re2() -> Any:
    try:
        import re2
    except ImportError:
        return None
    return re2


def engine() -> str:
    """Which engine rulebook patterns run on: "re2" or "re"."""
    return "re2" if _re2() is not None else "re"


class LinearRegex:
    """A compiled rulebook pattern; it pickles as its text and is compiled again on load."""

    def __init__(self, pattern: str, case_sensitive: bool = False):
        self.pattern = pattern
        self.case_sensitive = case_sensitive
        self._compiled = _compile(pattern, case_sensitive)

    def search(self, text: str) -> Any:
        return self._compiled.search(text)

    def __getstate__(self) -> dict[str, Any]:
        return {"pattern": self.pattern, "case_sensitive": self.case_sensitive}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(str(state["pattern"]), bool(state["case_sensitive"]))  # type: ignore[misc]


@cache
def _options(case_sensitive: bool) -> Any:
    options = _re2().Options()
    options.log_errors = False
    options.case_sensitive = case_sensitive
    return options


def _compile(pattern: str, case_sensitive: bool) -> Any:
    re2 = _re2()
    if re2 is not None:
        return re2.compile(pattern, _options(case_sensitive))
    problem = _unsafe_for_python_re(pattern)
    if problem:
        raise ValueError(f"{problem} (install google-re2 for any RE2 pattern)")
    return re.compile(pattern, 0 if case_sensitive else re.IGNORECASE)


def compile_linear(pattern: str, where: str, case_sensitive: bool = False) -> LinearRegex:
    """A compiled pattern; an OverclaimError naming ``where`` if it is not valid (RE2 syntax:
    no backreferences or lookarounds, which are what makes matching exponential)."""
    try:
        return LinearRegex(pattern, case_sensitive)
    except Exception as exc:  # re2 and re raise their own error types
        detail = str(exc).replace("b'", "").replace("'", "") or "invalid"
        raise OverclaimError(
            f"{where}: invalid regex {pattern!r}: {detail} (overclaim uses RE2 syntax)"
        ) from None


def _unsafe_for_python_re(pattern: str) -> str | None:
    """Why Python's engine could take more than linear time on this pattern, or None."""
    from lint.engine.internals import python_regex_parser

    parser = python_regex_parser()
    try:
        parsed = parser.parse(pattern)
    except Exception as exc:  # the parser's own error type
        raise ValueError(str(exc)) from None
    return _check(list(parsed), outer=1)


_SINGLE = frozenset({"LITERAL", "NOT_LITERAL", "IN", "ANY", "CATEGORY"})
_REPEATS = frozenset({"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"})


def _check(items: list, outer: int) -> str | None:
    """Walk parsed items; ``outer`` is the product of the bounds of the repeats around them
    (0 when one of them is unbounded)."""
    for op, value in items:
        name = str(op)
        if name in ("GROUPREF", "GROUPREF_EXISTS"):
            return "backreferences are not supported"
        if name in ("ASSERT", "ASSERT_NOT"):
            return "lookarounds are not supported"
        if name == "SUBPATTERN":
            problem = _check(list(value[-1]), outer)
        elif name == "ATOMIC_GROUP":
            problem = _check(list(value), outer)
        elif name == "BRANCH":
            problem = next((p for b in value[1] if (p := _check(list(b), outer))), None)
        elif name in _REPEATS:
            problem = _check_repeat(value, outer)
        else:
            problem = None
        if problem:
            return problem
    return None


def _check_repeat(value: tuple, outer: int) -> str | None:
    least, most, body = value
    body = list(body)
    single = len(body) == 1 and str(body[0][0]) in _SINGLE
    unbounded = most > MAX_NESTED_WORK
    if unbounded and (not single or outer != 1):
        return "an unbounded repeat (*, +) may only apply to one character or class, outside other repeats"
    if single:
        return None
    work = outer * max(most, 1)
    if outer == 0 or work > MAX_NESTED_WORK:
        return "nested repeats must be bounded, {0,100} at the most in all"
    return _check(body, work)
