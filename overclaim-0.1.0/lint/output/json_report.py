"""The report for programs: one JSON object with the findings and a summary."""

from __future__ import annotations

import json

from lint.data import Report


def render_json(report: Report, version: str) -> str:
    return json.dumps(
        {
            "version": version,
            "findings": [f.to_dict() for f in report.findings],
            "summary": report.severity_counts(),
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )
