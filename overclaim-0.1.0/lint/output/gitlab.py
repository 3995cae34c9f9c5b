"""GitLab Code Quality reports."""

from __future__ import annotations

import json
from pathlib import Path

from lint.data import Finding
from lint.output.locations import relative_path

GITLAB_SEVERITY = {"error": "critical", "warning": "major", "info": "info"}


def render_gitlab(findings: list[Finding], root: Path) -> str:
    """GitLab Code Quality report (a JSON array of issues), paths relative to ``root``."""
    issues = [
        {
            "description": f.message,
            "check_name": f.rule,
            "fingerprint": f.fingerprint,
            "severity": GITLAB_SEVERITY[f.severity],
            "location": {
                "path": relative_path(f.path, root),
                "lines": {"begin": f.line, "end": f.end_line},
            },
        }
        for f in findings
    ]
    return json.dumps(issues, indent=2, ensure_ascii=False)
