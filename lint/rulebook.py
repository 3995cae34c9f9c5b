"""Load the YAML rulebook: rules, shared vocabulary and context cues."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from lint.model import CATEGORIES, SEVERITIES, OverclaimError

PATTERN_KINDS = ("phrase", "tokens", "dependency")
CONTEXTS = ("hedged", "negated", "attributed", "question", "reported", "condition", "purpose")
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


class RulebookLoader(yaml.SafeLoader):
    """Safe YAML loading where only true/false are booleans: 'no', 'on', 'yes' stay words."""


RulebookLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
RulebookLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)

_ID = re.compile(r"^[a-z]+\.[a-z0-9]+(?:-[a-z0-9]+)*$")


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
    suggest: tuple[str, ...]
    requires: tuple[str, ...]
    exceptions: tuple[str, ...]
    flag_examples: tuple[str, ...]
    pass_examples: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class Cues:
    """Word lists that decide context: hedges, negations, attribution and so on."""

    lists: dict[str, frozenset[str]] = field(default_factory=dict)
    attribution: tuple[re.Pattern, ...] = ()

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
    source_tree = Path(__file__).resolve().parent.parent / "rules"
    if (source_tree / "context.yaml").is_file():
        return source_tree
    return Path(str(resources.files("lint.rules")))


def load_rulebook(paths: list[Path] | None = None) -> Rulebook:
    """Load rulebook files or folders (default: the shipped rulebook); later files win by id."""
    files: list[Path] = []
    for path in paths or [shipped_rulebook_dir()]:
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml")))
        elif path.is_file():
            files.append(path)
        else:
            raise OverclaimError(f"{path}: rulebook path not found")
    rules: dict[str, Rule] = {}
    vocabulary: dict[str, tuple[str, ...]] = {}
    cue_lists: dict[str, set[str]] = {}
    attribution: list[str] = []
    raw_rules: list[tuple[Path, dict]] = []
    for file in files:
        data = _read_yaml(file)
        for name, words in (data.get("vocabulary") or {}).items():
            vocabulary[name] = tuple(vocabulary.get(name, ())) + tuple(_strings(file, name, words))
        for name, words in (data.get("cues") or {}).items():
            if name == "attribution":
                attribution.extend(_strings(file, name, words))
            else:
                cue_lists.setdefault(name, set()).update(
                    w.lower() for w in _strings(file, name, words)
                )
        raw_rules.extend((file, raw) for raw in data.get("rules") or [])
    for file, raw in raw_rules:
        rule = _parse_rule(file, raw)
        rules[rule.id] = rule
    cues = Cues(
        lists={name: frozenset(words) for name, words in cue_lists.items()},
        attribution=tuple(_compile_regex(file, r) for r in attribution),
    )
    return Rulebook(rules=tuple(rules.values()), vocabulary=vocabulary, cues=cues)


def _read_yaml(file: Path) -> dict:
    try:
        data = yaml.load(file.read_text(encoding="utf-8"), Loader=RulebookLoader)  # noqa: S506
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{file}:{mark.line + 1}:{mark.column + 1}" if mark else str(file)
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise OverclaimError(f"{where}: {problem}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise OverclaimError(f"{file}: cannot read rulebook: {exc}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise OverclaimError(f"{file}: a rulebook file must be a mapping with 'rules:'")
    return data


def _strings(file: Path, name: str, words: object) -> list[str]:
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise OverclaimError(f"{file}: '{name}' must be a list of strings")
    return words


def _compile_regex(file: Path, pattern: str) -> re.Pattern:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise OverclaimError(f"{file}: invalid regex {pattern!r}: {exc}") from None


def _parse_rule(file: Path, raw: dict) -> Rule:
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
        raise OverclaimError(f"{file}: every rule needs an 'id'")
    rule_id = raw["id"]

    def fail(msg: str) -> OverclaimError:
        return OverclaimError(f"{file}: rule {rule_id}: {msg}")

    if not _ID.match(rule_id):
        raise fail("id must look like 'category.name'")
    category = rule_id.split(".", 1)[0]
    if category not in CATEGORIES:
        raise fail(f"unknown category '{category}'")
    severity = raw.get("severity", DEFAULT_SEVERITY[category])
    if severity not in SEVERITIES:
        raise fail(f"severity must be one of {', '.join(SEVERITIES)}")
    message = raw.get("message")
    if not isinstance(message, str) or not message.strip():
        raise fail("'message' must be a non-empty string")
    patterns = []
    for entry in raw.get("patterns") or []:
        if not isinstance(entry, dict) or len(entry) != 1 or next(iter(entry)) not in PATTERN_KINDS:
            raise fail(f"each pattern must be one of {', '.join(PATTERN_KINDS)}")
        kind, spec = next(iter(entry.items()))
        if not isinstance(spec, list) or not spec:
            raise fail(f"'{kind}' must be a non-empty list")
        patterns.append(Pattern(kind=kind, spec=spec))
    if not patterns:
        raise fail("a rule needs at least one pattern")
    unless = raw.get("unless", list(DEFAULT_UNLESS))
    if not isinstance(unless, list) or any(u not in CONTEXTS for u in unless):
        raise fail(f"'unless' must list contexts from {', '.join(CONTEXTS)}")
    examples = raw.get("examples") or {}
    return Rule(
        id=rule_id,
        category=category,
        severity=severity,
        message=message.strip(),
        why=str(raw.get("why", "")).strip(),
        refs=tuple(raw.get("refs") or ()),
        patterns=tuple(patterns),
        unless=frozenset(unless),
        suggest=tuple(raw.get("suggest") or ()),
        requires=tuple(_strings(file, "requires", raw.get("requires") or [])),
        exceptions=tuple(e.lower() for e in _strings(file, "except", raw.get("except") or [])),
        flag_examples=tuple(examples.get("flag") or ()),
        pass_examples=tuple(examples.get("pass") or ()),
        source=str(file),
    )
