"""How often overclaim flags sentences that researchers labelled as making no claim, a hedged
claim or a correlational one (Yu et al. 2019, PubMed conclusions; 2020, press releases).

Usage: python bench/external.py [--no-model]
Prints, per data set and label, the share of sentences with a finding. A direct causal
claim is an overclaim under the claims guide only when it is about a treatment, product or
provider, so those shares are for information.
"""

from __future__ import annotations

import csv
import json
import sys
from dataclasses import replace
from pathlib import Path

from lint.config import Settings
from lint.data import SourceText
from lint.pipeline import Pipeline

EXTERNAL = Path(__file__).resolve().parents[1].parent / "shared" / "external"
YU2019 = {"0": "none", "1": "direct causal", "2": "hedged causal", "3": "correlational"}
YU2020 = {"0": "none", "1": "correlational", "2": "hedged causal", "3": "direct causal"}


def yu2019() -> list[tuple[str, str]]:
    """(sentence, meaning of its label) of the PubMed conclusions."""
    with (EXTERNAL / "yu2019" / "pubmed_causal_language_use.csv").open(encoding="utf-8") as f:
        return [(row["sentence"], YU2019[row["label"]]) for row in csv.DictReader(f)]


def yu2020() -> list[tuple[str, str]]:
    """(sentence, meaning of its label) of the press-release headlines and lead sentences."""
    lines = (EXTERNAL / "yu2020-eureka" / "eureka.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    return [(r["text"], YU2020[str(r["orig"]["label"])]) for r in records]


SETS = {"yu2019": yu2019, "yu2020": yu2020}


def main(argv: list[str]) -> int:
    settings = replace(Settings(), model=False) if "--no-model" in argv else Settings()
    pipeline = Pipeline(settings)
    if not EXTERNAL.exists():
        print(f"{EXTERNAL} not found")
        return 1
    for name, read in SETS.items():
        rows = read()
        sources = [SourceText(str(i), text) for i, (text, _) in enumerate(rows)]
        found = pipeline.check_sources(sources)
        by_label: dict[str, list[bool]] = {}
        for (_, meaning), findings in zip(rows, found, strict=True):
            by_label.setdefault(meaning, []).append(bool(findings))
        quiet = [f for label, fs in by_label.items() if label != "direct causal" for f in fs]
        share = 100 * sum(quiet) / len(quiet)
        print(
            f"{name}: {share:.2f}% of {len(quiet)} sentences without a direct causal claim flagged"
        )
        for label, flags in sorted(by_label.items()):
            print(f"  {label:15} {100 * sum(flags) / len(flags):6.2f}% of {len(flags)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
