"""Load the YAML rulebook: rules, shared vocabulary and context cues."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lint.rulebook.fixspec import Fix
from lint.data import OverclaimError

DEFAULT_UNLESS = ("hedged", "negated", "attributed", "question", "reported")
DEFAULT_SEVERITY = {
    "efficacy": "warning",
    "cure": "error",
    "permanence": "warning",
    "speed": "warning",
    "safety": "error",
    "superiority": "warning",
    "consensus": "warning",
    "mechanism": "warning",
    "generalization": "warning",
    "regulatory": "error",
    "hype": "info",
}


@dataclass(frozen=True)
class Pattern:
    """One way a rule can match: a phrase list, a token pattern or a dependency pattern."""

    kind: str
    spec: tuple | list


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
    suggest: tuple[str, ...]  # advice for the writer when no edit fits
    fixes: tuple[Fix, ...]
    requires: tuple[str, ...]
    exceptions: tuple[str, ...]
    flag_examples: tuple[str, ...]
    pass_examples: tuple[str, ...]
    source: str  # file:line where the rule is defined


@dataclass(frozen=True)
class Cues:
    """Word lists that decide context: hedges, negations, attribution and so on."""

    lists: dict[str, frozenset[str]] = field(default_factory=dict)
    attribution: tuple = ()  # compiled RE2 patterns

    def __getitem__(self, name: str) -> frozenset[str]:
        return self.lists.get(name, frozenset())


@dataclass(frozen=True)
class Rulebook:
    rules: tuple[Rule, ...]
    vocabulary: dict[str, tuple[str, ...]]
    cues: Cues

    def rule(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)


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

    rules: dict[str, Rule] = {}
    vocabulary: dict[str, tuple[str, ...]] = {}
    cue_lists: dict[str, set[str]] = {}
    attribution: list[tuple[str, str]] = []
    for layer in paths or [shipped_rulebook_dir()]:
        seen: dict[str, str] = {}
        for file in _layer_files(layer):
            data = load_yaml(file)
            if data is None:
                continue
            validate_rulebook_file(file, data, schema_path())
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
                rules[raw["id"]] = _make_rule(raw, where)
    for name, words in (cues or {}).items():
        if name == "attribution":
            attribution.extend(("configuration", w) for w in words)
        else:
            cue_lists.setdefault(name, set()).update(w.lower() for w in words)
    return Rulebook(
        rules=tuple(rules.values()),
        vocabulary=vocabulary,
        cues=Cues(
            lists={name: frozenset(words) for name, words in cue_lists.items()},
            attribution=tuple(_compile_regex(where, r) for where, r in attribution),
        ),
    )


def _layer_files(layer: Path) -> list[Path]:
    if layer.is_dir():
        return sorted(p for p in layer.iterdir() if p.suffix in (".yaml", ".yml"))
    if layer.is_file():
        return [layer]
    raise OverclaimError(f"{layer}: rulebook path not found")


def _compile_regex(where: str, pattern: str):
    from lint.rulebook.linear_regex import compile_linear

    return compile_linear(pattern, where)


def _rewrite(value):
    """A rewrite text, or (phrase, text) pairs keyed by the lower-cased matched phrase."""
    if isinstance(value, dict):
        return tuple((" ".join(k.lower().split()), v) for k, v in value.items())
    return value


def _make_rule(raw: dict, where: str) -> Rule:
    """A Rule from a schema-valid mapping."""
    category = raw["id"].split(".", 1)[0]
    examples = raw.get("examples") or {}
    return Rule(
        id=raw["id"],
        category=category,
        severity=raw.get("severity", DEFAULT_SEVERITY[category]),
        message=raw["message"].strip(),
        why=str(raw.get("why", "")).strip(),
        refs=tuple(raw.get("refs") or ()),
        patterns=tuple(Pattern(kind=k, spec=v) for p in raw["patterns"] for k, v in p.items()),
        unless=frozenset(raw.get("unless", DEFAULT_UNLESS)),
        suggest=tuple(raw.get("suggest") or ()),
        fixes=tuple(
            Fix(
                hedge=f.get("hedge", False),
                qualify=f.get("qualify", False),
                replace=tuple((k.lower(), v) for k, v in (f.get("replace") or {}).items()),
                rewrite=_rewrite(f.get("rewrite")),
                safe=f.get("safe"),
            )
            for f in raw.get("fix") or ()
        ),
        requires=tuple(raw.get("requires") or ()),
        exceptions=tuple(e.lower() for e in raw.get("except") or ()),
        flag_examples=tuple(examples.get("flag") or ()),
        pass_examples=tuple(examples.get("pass") or ()),
        source=where,
    )
