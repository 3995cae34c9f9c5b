"""Record tests/snapshots/findings.json, deliberately, after a change to the rules' findings
(the snapshot holds the rules' findings alone, as the test reads them; the model's are tested
in tests/test_model.py).

Usage: python -m tests.record_snapshot (needs ../shared, whose seeds and dev set it covers)
"""

from __future__ import annotations

import json

from lint.pipeline import Pipeline, default_linter
from tests.conftest import ROOT
from tests.test_pipeline import _snapshot_sources, snapshot_findings


def main() -> None:
    current = snapshot_findings(Pipeline(linter=default_linter()), _snapshot_sources())
    text = json.dumps(current, ensure_ascii=False, sort_keys=True, indent=0)
    (ROOT / "tests" / "snapshots" / "findings.json").write_text(text, encoding="utf-8")
    print(f"recorded the findings of {len(current)} sources")


if __name__ == "__main__":
    main()
