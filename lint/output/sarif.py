"""SARIF 2.1.0, the format code-scanning services read."""

from __future__ import annotations

import json
from urllib.parse import quote

from lint.data import Finding
from lint.rulebook.rules import Rule

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
INFORMATION_URI = "https://github.com/overclaim/overclaim"


def render_sarif(findings: list[Finding], rules: dict[str, Rule], version: str) -> str:
    used = sorted({f.rule for f in findings} | set(rules))
    index = {rule_id: n for n, rule_id in enumerate(used)}
    descriptors = [_sarif_rule(rule_id, rules.get(rule_id)) for rule_id in used]
    results = [_sarif_result(f, index[f.rule]) for f in findings]
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
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False)


def _sarif_rule(rule_id: str, rule: Rule | None) -> dict:
    if rule is None:
        return {
            "id": rule_id,
            "shortDescription": {"text": "An inline suppression comment that silences nothing."},
            "defaultConfiguration": {"level": "warning"},
        }
    summary = rule.message.replace("{match}", "…")
    help_text = "\n\n".join(
        part
        for part in (
            rule.why,
            "References: " + "; ".join(rule.refs) if rule.refs else "",
            "Hedged wording: " + "; ".join(rule.suggest) if rule.suggest else "",
        )
        if part
    )
    return {
        "id": rule.id,
        "name": rule.id.split(".", 1)[1],
        "shortDescription": {"text": summary},
        "fullDescription": {"text": rule.why or summary},
        "help": {"text": help_text or summary},
        "defaultConfiguration": {"level": SARIF_LEVEL[rule.severity]},
        "properties": {"category": rule.category, "tags": [rule.category]},
    }


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


def _sarif_result(finding: Finding, rule_index: int) -> dict:
    location = {"artifactLocation": {"uri": _uri(finding.path)}, "region": _region(finding)}
    result = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": SARIF_LEVEL[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": location}],
        "partialFingerprints": {"overclaim/v2": finding.fingerprint},
    }
    edits = [s for s in finding.suggestions if s.replacement is not None]
    if edits:
        result["fixes"] = [
            {
                "description": {"text": f"Replace with “{s.replacement}”"},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": _uri(finding.path)},
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


def _uri(path: str) -> str:
    """A relative path as a URI reference ("my page.md" → "my%20page.md")."""
    path = path.replace("\\", "/")
    return quote(path[2:] if path.startswith("./") else path)
