"""SARIF 2.1.0, the format code-scanning services (GitHub code scanning) read."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

from lint.data import Finding
from lint.filters.suppressions import UNUSED_RULE
from lint.output.locations import relative_path
from lint.rulebook.docs import DOCS_URL, rule_url
from lint.rulebook.rules import Rule

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
PROBLEM_SEVERITY = {"error": "error", "warning": "warning", "info": "recommendation"}
INFORMATION_URI = "https://github.com/overclaim/overclaim"
ROOT = "%SRCROOT%"

_UNUSED = {
    "id": UNUSED_RULE,
    "name": UNUSED_RULE,
    "shortDescription": {"text": "An inline suppression comment that silences nothing."},
    "fullDescription": {
        "text": "An overclaim-disable comment whose rules no longer match anything in its "
        "range; remove it so that stale suppressions do not pile up."
    },
    "help": {
        "text": "Remove the comment, or narrow it to the rule it was meant for.",
        "markdown": "Remove the comment, or narrow it to the rule it was meant for "
        "(`<!-- overclaim-disable-next-line cure -->`).",
    },
    "helpUri": f"{DOCS_URL}#silencing-a-finding",
    "defaultConfiguration": {"level": "warning"},
    "properties": {
        "precision": "very-high",
        "problem.severity": "warning",
        "tags": ["suppression"],
    },
}


def render_sarif(
    findings: list[Finding],
    rules: dict[str, Rule],
    version: str,
    root: Path,
    precision: dict[str, str] | None = None,
) -> str:
    """The SARIF log of a run; paths are relative to ``root`` (the repository), and
    ``precision`` gives each category's measured precision (very-high, high, medium, low)."""
    used = sorted({f.rule for f in findings} | set(rules))
    index = {rule_id: n for n, rule_id in enumerate(used)}
    descriptors = [_descriptor(rule_id, rules.get(rule_id), precision or {}) for rule_id in used]
    results = [_result(f, index[f.rule], root) for f in findings]
    document = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "overclaim",
                        "version": version,
                        "semanticVersion": version,
                        "informationUri": INFORMATION_URI,
                        "rules": descriptors,
                    }
                },
                "automationDetails": {"id": "overclaim/"},
                "originalUriBaseIds": {ROOT: {"uri": root.resolve().as_uri() + "/"}},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False)


def _descriptor(rule_id: str, rule: Rule | None, precision: dict[str, str]) -> dict:
    if rule is None:
        return _UNUSED
    summary = rule.summary
    return {
        "id": rule.id,
        "name": rule.id.split(".", 1)[1],
        "shortDescription": {"text": summary},
        "fullDescription": {"text": rule.why or summary},
        "help": {"text": _help_text(rule), "markdown": _help_markdown(rule)},
        "helpUri": rule_url(rule.id),
        "defaultConfiguration": {"level": SARIF_LEVEL[rule.severity]},
        "properties": {
            "category": rule.category,
            "tags": ["health-claims", rule.category],
            "precision": precision.get(rule.category, "medium"),
            "problem.severity": PROBLEM_SEVERITY[rule.severity],
        },
    }


def _help_text(rule: Rule) -> str:
    parts = [
        rule.why,
        "References: " + "; ".join(rule.refs) if rule.refs else "",
        "Hedged wording: " + "; ".join(rule.suggest) if rule.suggest else "",
    ]
    return "\n\n".join(p for p in parts if p) or rule.summary


def _help_markdown(rule: Rule) -> str:
    parts = [f"**{rule.summary}**", rule.why]
    if rule.refs:
        parts.append("**Rests on:**\n" + "\n".join(f"- {ref}" for ref in rule.refs))
    if rule.suggest:
        parts.append("**Instead:** " + " ".join(rule.suggest))
    if rule.flag_examples:
        parts.append("**Flagged:**\n" + "\n".join(f"- {e}" for e in rule.flag_examples))
    if rule.pass_examples:
        parts.append("**Not flagged:**\n" + "\n".join(f"- {e}" for e in rule.pass_examples))
    return "\n\n".join(p for p in parts if p)


def _region(finding: Finding) -> dict:
    return {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
        "charOffset": finding.start,
        "charLength": finding.end - finding.start,
        "snippet": {"text": finding.text},
    }


def _result(finding: Finding, rule_index: int, root: Path) -> dict:
    artifact = {"uri": quote(relative_path(finding.path, root)), "uriBaseId": ROOT}
    location = {"artifactLocation": artifact, "region": _region(finding)}
    result = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": SARIF_LEVEL[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": location}],
        "partialFingerprints": {"overclaim/v2": finding.fingerprint},
        "properties": {"source": finding.source, "confidence": finding.confidence},
    }
    edits = [s for s in finding.suggestions if s.replacement is not None]
    if edits:
        result["fixes"] = [
            {
                "description": {"text": f"Replace with “{s.replacement}”"},
                "artifactChanges": [
                    {
                        "artifactLocation": artifact,
                        "replacements": [
                            {
                                "deletedRegion": {
                                    "charOffset": s.start,
                                    "charLength": s.end - s.start,
                                },
                                "insertedContent": {"text": s.replacement},
                            }
                        ],
                    }
                ],
            }
            for s in edits
        ]
    return result
