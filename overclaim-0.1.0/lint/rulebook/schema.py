"""Validate rulebook data against rules/schema.json, with errors that name file:line:column."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from lint.data import OverclaimError, excerpt
from lint.rulebook.yaml_safe import locate

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError


@cache
def _schema(schema_path: Path) -> dict:
    return json.loads(schema_path.read_text(encoding="utf-8"))


@cache
def _validator(schema_path: Path) -> Draft202012Validator:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(_schema(schema_path))


def cue_names(schema_path: Path) -> tuple[str, ...]:
    """The names of the context cue lists, as the schema defines them."""
    return tuple(_schema(schema_path)["properties"]["cues"]["properties"])


def validate_rulebook_file(file: Path, data, schema_path: Path) -> None:
    """Raise an OverclaimError for the first schema violation in document order."""
    try:
        errors = list(_validator(schema_path).iter_errors(data))
    except RecursionError:
        raise OverclaimError(f"{file}: nested too deeply") from None
    if not errors:
        return
    error = min(errors, key=lambda e: (locate(data, _error_path(e)), -len(e.path)))
    line, column = locate(data, _error_path(error))
    where = f"{file}:{line}:{column}"
    rule = _rule_id(data, error)
    prefix = f"{where}: rule {rule}: " if rule else f"{where}: "
    raise OverclaimError(prefix + describe(error))


def _error_path(error: ValidationError) -> list:
    path = list(error.absolute_path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        extra = _unexpected_keys(error)
        if extra:
            path.append(extra[0])
    return path


def _unexpected_keys(error: ValidationError) -> list[str]:
    allowed = set(error.schema.get("properties", {}))
    return [k for k in error.instance if k not in allowed]


def _rule_id(data, error: ValidationError) -> str | None:
    path = list(error.absolute_path)
    if len(path) >= 2 and path[0] == "rules" and isinstance(path[1], int):
        try:
            rule_id = data["rules"][path[1]].get("id")
        except (AttributeError, IndexError, KeyError, TypeError):
            return None
        return rule_id if isinstance(rule_id, str) else None
    return None


_TYPE_NAMES = {
    "array": "a list",
    "object": "a mapping",
    "string": "a string",
    "boolean": "true or false",
    "integer": "a whole number",
    "number": "a number",
}


def describe(error: ValidationError) -> str:
    """One line saying what was expected, in the rulebook's own terms."""
    path = list(error.absolute_path)
    name = next((p for p in reversed(path) if isinstance(p, str)), "value")
    validator = error.validator
    if validator == "additionalProperties":
        extra = _unexpected_keys(error)
        allowed = ", ".join(sorted(error.schema.get("properties", {})))
        return f"unknown key {excerpt(extra[0])} (expected one of: {allowed})"
    if validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return f"missing {excerpt(missing)}"
    if validator == "enum":
        choices = ", ".join(str(c) for c in error.validator_value)
        return f"{excerpt(name)} must be one of {choices} (got {excerpt(error.instance)})"
    if validator == "type":
        expected = error.validator_value
        expected = [expected] if isinstance(expected, str) else expected
        wanted = " or ".join(_TYPE_NAMES.get(t, t) for t in expected)
        return f"{excerpt(name)} must be {wanted} (got {excerpt(error.instance)})"
    if validator == "pattern" and name == "id":
        return f"id {excerpt(error.instance)} must look like 'category.name' (lower case, hyphens)"
    if validator == "pattern" and name == "OP":
        return f"OP must be one of ! ? + * or {{n,m}} (got {excerpt(error.instance)})"
    if validator == "pattern":
        return f"{excerpt(name)} must not be empty"
    if validator in ("minItems", "minProperties"):
        return f"{excerpt(name)} must not be empty"
    if validator == "maxProperties":
        return "a pattern has exactly one of: phrase, tokens, dependency"
    if validator == "oneOf":
        return f"{excerpt(name)} must be a word, a number or a mapping with IN, NOT_IN or REGEX (got {excerpt(error.instance)})"
    return error.message
