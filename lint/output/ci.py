"""Reports for CI systems: SARIF 2.1.0, GitHub workflow commands, JUnit XML, GitLab Code Quality."""

from __future__ import annotations

import hashlib
import json
from urllib.parse import quote
from xml.etree import ElementTree

from lint.data import Finding
from lint.rulebook.loading import Rule

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
GITHUB_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}
GITLAB_SEVERITY = {"error": "critical", "warning": "major", "info": "info"}
INFORMATION_URI = "https://github.com/overclaim/overclaim"


def fingerprint(finding: Finding) -> str:
    return hashlib.sha256(
        f"{finding.path}\0{finding.rule}\0{finding.start}\0{finding.text}".encode()
    ).hexdigest()


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
        "partialFingerprints": {"overclaim/v1": fingerprint(finding)},
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


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(findings: list[Finding]) -> str:
    """GitHub Actions workflow commands, one per finding, shown as annotations."""
    lines = []
    for f in findings:
        properties = ",".join(
            [
                f"file={_escape_property(f.path)}",
                f"line={f.line}",
                f"endLine={f.end_line}",
                f"col={f.column}",
                f"endColumn={f.end_column}",
                f"title={_escape_property(f'overclaim {f.rule}')}",
            ]
        )
        message = f.message
        if f.suggestions:
            first = f.suggestions[0]
            message += f" Suggestion: {first.replacement if first.replacement is not None else first.advice}"
        lines.append(f"::{GITHUB_COMMAND[f.severity]} {properties}::{_escape_data(message)}")
    return "\n".join(lines)


def render_junit(findings: list[Finding], paths: list[str]) -> str:
    """JUnit XML: one test case per file, failing when the file has findings."""
    by_path: dict[str, list[Finding]] = {path: [] for path in paths}
    for f in findings:
        by_path.setdefault(f.path, []).append(f)
    suites = ElementTree.Element("testsuites", name="overclaim")
    failures = sum(1 for found in by_path.values() if found)
    suite = ElementTree.SubElement(
        suites,
        "testsuite",
        name="overclaim",
        tests=str(len(by_path)),
        failures=str(failures),
        errors="0",
    )
    for path, found in by_path.items():
        case = ElementTree.SubElement(suite, "testcase", classname="overclaim", name=path)
        if found:
            failure = ElementTree.SubElement(
                case, "failure", message=f"{len(found)} finding(s)", type="overclaim"
            )
            failure.text = "\n".join(
                f"{f.line}:{f.column}: {f.severity} [{f.rule}] {f.message}" for f in found
            )
    ElementTree.indent(suites)
    return ElementTree.tostring(suites, encoding="unicode", xml_declaration=True)


def render_gitlab(findings: list[Finding]) -> str:
    """GitLab Code Quality report (a JSON array of issues)."""
    issues = [
        {
            "description": f.message,
            "check_name": f.rule,
            "fingerprint": fingerprint(f),
            "severity": GITLAB_SEVERITY[f.severity],
            "location": {"path": f.path, "lines": {"begin": f.line, "end": f.end_line}},
        }
        for f in findings
    ]
    return json.dumps(issues, indent=2, ensure_ascii=False)
