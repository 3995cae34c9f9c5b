"""Load the YAML rulebook: categories, rules, shared vocabulary and context cues."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lint.data import OverclaimError
from lint.rulebook.fixspec import Fix
from lint.rulebook.rules import DEFAULT_UNLESS, Category, Cues, Pattern, Rule, Rulebook

RULEBOOK_SUFFIXES = (".yaml", ".yml")


def shipped_rulebook_dir() -> Path:
    """The folder of the rulebook shipped with overclaim (source tree or installed wheel)."""
    package = Path(__file__).resolve().parents[1]
    for folder in (package.parent / "rules", package / "rules"):
        if (folder / "context.yaml").is_file():
            return folder
    raise OverclaimError(f"{package}: the shipped rulebook is missing; reinstall overclaim")


def schema_path() -> Path:
    """The JSON Schema that rulebook files follow."""
    return shipped_rulebook_dir() / "schema.json"


def categories_path() -> Path:
    """The shipped file that defines the categories."""
    return shipped_rulebook_dir() / "categories.yaml"


def load_rulebook(
    paths: list[Path] | None = None, cues: dict[str, list[str]] | None = None
) -> Rulebook:
    """Load rulebook layers (default: the shipped rulebook); a later layer overrides by id.

    Each path is a layer: a YAML file or a folder of them. Ids must be unique within a layer.
    ``cues`` adds words to the context cue lists (from project configuration).
    """
    # Read only here: a run with the compiled rulebook cached never imports them.
    from lint.rulebook.schema import validate_rulebook_file
    from lint.rulebook.yaml_safe import load_yaml, locate

    rules: dict[str, dict[str, Any]] = {}
    categories: dict[str, dict[str, Any]] = {}
    vocabulary: dict[str, tuple[str, ...]] = {}
    cue_lists: dict[str, set[str]] = {}
    attribution: list[tuple[str, str]] = []
    advice: dict[str, str] = {}
    shipped_categories = categories_path()
    # The shipped categories come first, whichever layers are loaded.
    for layer in [shipped_categories, *(paths or [shipped_rulebook_dir()])]:
        seen: dict[str, str] = {}
        files = _layer_files(layer)
        if layer != shipped_categories:
            files = [f for f in files if f.resolve() != shipped_categories]
        for file in files:
            data = load_yaml(file)
            if data is None:
                continue
            validate_rulebook_file(file, data, schema_path())
            for name, raw_category in (data.get("categories") or {}).items():
                line, _ = locate(data, ["categories", name])
                categories[name] = {**raw_category, "where": f"{file}:{line}"}
            advice.update(data.get("advice") or {})
            for name, words in (data.get("vocabulary") or {}).items():
                vocabulary[name] = (*vocabulary.get(name, ()), *words)
            for name, words in (data.get("cues") or {}).items():
                if name == "attribution":
                    for n, pattern in enumerate(words):
                        line, column = locate(data, ["cues", name, n])
                        attribution.append((f"{file}:{line}:{column}", pattern))
                else:
                    cue_lists.setdefault(name, set()).update(w.lower() for w in words)
            for n, raw in enumerate(data.get("rules") or []):
                line, _ = locate(data, ["rules", n])
                where = f"{file}:{line}"
                if raw["id"] in seen:
                    raise OverclaimError(
                        f"{where}: rule {raw['id']}: duplicate id (first defined at {seen[raw['id']]})"
                    )
                seen[raw["id"]] = where
                rules[raw["id"]] = raw | {"where": where}
    for name, words in (cues or {}).items():
        if name == "attribution":
            attribution.extend(("configuration", w) for w in words)
        else:
            cue_lists.setdefault(name, set()).update(w.lower() for w in words)
    kinds = {name: _make_category(name, raw) for name, raw in categories.items()}
    model_rules = tuple(k.model for k in kinds.values() if k.model and k.model.id not in rules)
    return Rulebook(
        rules=tuple(_make_rule(raw, kinds) for raw in rules.values()) + model_rules,
        vocabulary=vocabulary,
        cues=Cues(
            lists={name: frozenset(words) for name, words in cue_lists.items()},
            attribution=tuple(_compile_regex(where, r) for where, r in attribution),
        ),
        categories=kinds,
        advice=advice,
    )


def _layer_files(layer: Path) -> list[Path]:
    if layer.is_dir():
        return sorted(p for p in layer.iterdir() if p.suffix in RULEBOOK_SUFFIXES and p.is_file())
    if not layer.is_file():
        raise OverclaimError(f"{layer}: rulebook path not found")
    if layer.suffix not in RULEBOOK_SUFFIXES:
        raise OverclaimError(f"{layer}: not a rulebook file (expected a .yaml or .yml file)")
    return [layer]


def _compile_regex(where: str, pattern: str):
    from lint.rulebook.linear_regex import compile_linear

    return compile_linear(pattern, where)


def _key(words: str) -> str:
    """A template's key: lower-case words, one space apart; a "/POS" or "/dep" suffix keeps
    its case ("cure/VERB", "breakthrough/amod")."""
    words, slash, use = words.partition("/")
    return " ".join(words.lower().split()) + slash + use


def _template(raw: dict[str, Any] | None) -> Fix | None:
    """A rewrite template (a category's ``rewrite:`` or a rule's ``fix:``)."""
    if not raw:
        return None
    return Fix(
        how=raw.get("how"),
        swap=tuple((_key(k), v) for k, v in (raw.get("swap") or {}).items()),
        phrases=tuple((_key(k), v) for k, v in (raw.get("phrases") or {}).items()),
        drop=frozenset(w.lower() for w in raw.get("drop") or ()),
    )


def _make_category(name: str, raw: dict[str, Any]) -> Category:
    model = raw.get("model")
    rule = None
    if model:
        rule = Rule(
            id=f"{name}.model",
            category=name,
            severity=raw["severity"],
            message=model["message"].strip(),
            why=str(model.get("why", "")).strip(),
            refs=tuple(model.get("refs") or ()),
            patterns=(),
            unless=frozenset(),
            suggest=tuple(model.get("suggest") or ()),
            fixes=(),
            requires=(),
            exceptions=(),
            flag_examples=(),
            pass_examples=(),
            source=raw["where"],
        )
    return Category(
        name=name,
        title=raw["title"],
        severity=raw["severity"],
        model=rule,
        precision=raw.get("precision"),
        rewrite=_template(raw.get("rewrite")),
    )


def _make_rule(raw: dict[str, Any], categories: dict[str, Category]) -> Rule:
    """A Rule from a schema-valid mapping (with the ``where`` it was defined)."""
    category = raw["id"].split(".", 1)[0]
    if category not in categories:
        known = ", ".join(categories)
        raise OverclaimError(
            f"{raw['where']}: rule {raw['id']}: unknown category '{category}' "
            f"(expected one of: {known})"
        )
    examples = raw.get("examples") or {}
    return Rule(
        id=raw["id"],
        category=category,
        severity=raw.get("severity", categories[category].severity),
        message=raw["message"].strip(),
        why=str(raw.get("why", "")).strip(),
        refs=tuple(raw.get("refs") or ()),
        patterns=tuple(Pattern(kind=k, spec=v) for p in raw["patterns"] for k, v in p.items()),
        unless=frozenset(raw.get("unless", DEFAULT_UNLESS)),
        suggest=tuple(raw.get("suggest") or ()),
        fixes=tuple(t for t in [_template(raw.get("fix"))] if t is not None),
        requires=tuple(raw.get("requires") or ()),
        exceptions=tuple(e.lower() for e in raw.get("except") or ()),
        flag_examples=tuple(examples.get("flag") or ()),
        pass_examples=tuple(examples.get("pass") or ()),
        source=raw["where"],
        model_support=float(raw.get("model_support", 0.0)),
    )
