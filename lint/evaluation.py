"""Sentence-level precision and recall on a labelled JSON Lines set: of the rules alone, of
the claim model alone and of the two together, side by side."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from lint.data import OverclaimError, SourceText
from lint.pipeline import Pipeline

if TYPE_CHECKING:
    from lint.model.claim_model import ClaimModel

MODEL_ALONE = 0.5  # the model alone flags a sentence it gives at least this


@dataclass
class Outcome:
    """One labelled sentence and what the linter said about it."""

    id: str
    text: str
    expected: bool
    expected_categories: frozenset[str]
    found_categories: frozenset[str]
    found_rules: tuple[str, ...]

    @property
    def flagged(self) -> bool:
        return bool(self.found_rules)


@dataclass
class Scores:
    categories: tuple[str, ...]
    outcomes: list[Outcome] = field(default_factory=list)

    def _count(self, flagged: bool, expected: bool) -> int:
        return sum(1 for o in self.outcomes if o.flagged == flagged and o.expected == expected)

    @property
    def precision(self) -> float:
        tp, fp = self._count(True, True), self._count(True, False)
        return tp / (tp + fp) if tp + fp else 0.0

    @property
    def recall(self) -> float:
        tp, fn = self._count(True, True), self._count(False, True)
        return tp / (tp + fn) if tp + fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def category_recall(self) -> dict[str, tuple[int, int]]:
        """For each category: (sentences of it found with that category, sentences of it)."""
        out = {}
        for category in self.categories:
            labelled = [o for o in self.outcomes if category in o.expected_categories]
            found = sum(1 for o in labelled if category in o.found_categories)
            out[category] = (found, len(labelled))
        return out

    def to_dict(self) -> dict:
        return {
            "sentences": len(self.outcomes),
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "categories": {
                c: {
                    "found": found,
                    "total": total,
                    "recall": round(found / total, 4) if total else None,
                }
                for c, (found, total) in self.category_recall().items()
            },
            "false_positives": [o.id for o in self.outcomes if o.flagged and not o.expected],
            "false_negatives": [o.id for o in self.outcomes if o.expected and not o.flagged],
        }

    def render(self, show_errors: bool = False) -> str:
        lines = [
            f"sentences: {len(self.outcomes)}",
            f"precision: {self.precision:.3f}",
            f"recall:    {self.recall:.3f}",
            f"f1:        {self.f1:.3f}",
            "recall per category:",
        ]
        for category, (found, total) in self.category_recall().items():
            rate = f"{found / total:.3f}" if total else "  -  "
            lines.append(f"  {category:15} {rate}  ({found}/{total})")
        if show_errors:
            lines.append("\nfalse positives:")
            for o in self.outcomes:
                if o.flagged and not o.expected:
                    lines.append(f"  {o.id}: {o.text}\n      -> {', '.join(o.found_rules)}")
            lines.append("\nfalse negatives:")
            for o in self.outcomes:
                if o.expected and not o.flagged:
                    cats = ", ".join(sorted(o.expected_categories))
                    lines.append(f"  {o.id} [{cats}]: {o.text}")
            lines.append("\nmissed categories on flagged sentences:")
            for o in self.outcomes:
                missed = o.expected_categories - o.found_categories
                if o.flagged and o.expected and missed:
                    lines.append(f"  {o.id} missing {', '.join(sorted(missed))}: {o.text}")
                    lines.append(f"      -> {', '.join(o.found_rules)}")
        return "\n".join(lines)


def load_records(path: Path) -> list[dict]:
    records = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise OverclaimError(
            f"{path}: cannot read: {getattr(exc, 'strerror', None) or exc}"
        ) from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError:
            record = None
        if not _is_record(record):
            raise OverclaimError(
                f"{path}:{number}: not a labelled record (a JSON object with a text string "
                "and a label of overclaim or ok)"
            )
        records.append(record)
    return records


def _is_record(record: object) -> bool:
    return (
        isinstance(record, dict)
        and isinstance(record.get("text"), str)
        and record.get("label") in ("overclaim", "ok")
        and isinstance(record.get("categories", []), list)
        and isinstance(record.get("id", ""), str)
    )


def evaluate(records: list[dict], pipeline: Pipeline) -> Scores:
    """Lint every record's sentence as plain text, as `overclaim check` would."""
    sources = [SourceText(path=r.get("id", str(i)), text=r["text"]) for i, r in enumerate(records)]
    results = pipeline.check_sources(sources)
    scores = Scores(tuple(pipeline.rulebook.categories))
    for record, findings in zip(records, results, strict=True):
        scores.outcomes.append(
            Outcome(
                id=record.get("id", ""),
                text=record["text"],
                expected=record["label"] == "overclaim",
                expected_categories=frozenset(record.get("categories") or ()),
                found_categories=frozenset(f.category for f in findings),
                found_rules=tuple(f"{f.rule}:{f.text}" for f in findings),
            )
        )
    return scores


def evaluate_model(records: list[dict], model: ClaimModel, categories: tuple[str, ...]) -> Scores:
    """The claim model alone: a sentence is flagged at P(overclaim) >= MODEL_ALONE (the
    encoder's where the model has one and the sentence is in doubt), with the categories its
    heads find likely (at least 0.5, and the likeliest)."""
    from lint.engine.fusion import Fusion

    texts = [record["text"] for record in records]
    read = Fusion(model, {}).second_reading(
        texts, [model.score(text) for text in texts], [False] * len(texts), None
    )
    scores = Scores(categories)
    for i, record in enumerate(records):
        flagged = read[i] >= MODEL_ALONE
        found: frozenset[str] = frozenset()
        if flagged:
            shares = model.category_probabilities(record["text"])
            top = max(shares, key=lambda c: shares[c])
            found = frozenset(c for c, p in shares.items() if p >= 0.5 or c == top)
        scores.outcomes.append(
            Outcome(
                id=record.get("id", str(i)),
                text=record["text"],
                expected=record["label"] == "overclaim",
                expected_categories=frozenset(record.get("categories") or ()),
                found_categories=found,
                found_rules=tuple(f"{c}.model" for c in sorted(found)),
            )
        )
    return scores


def render_side_by_side(columns: dict[str, Scores]) -> str:
    """Precision, recall, F1 and recall per category of several ways of deciding."""
    names = list(columns)
    width = max(12, *(len(n) for n in names))
    head = "".join(f"{n:>{width}}" for n in names)
    first = next(iter(columns.values()))
    lines = [f"sentences: {len(first.outcomes)}", f"{'':16}{head}"]
    for label, value in (("precision", "precision"), ("recall", "recall"), ("f1", "f1")):
        row = "".join(f"{getattr(columns[n], value):>{width}.3f}" for n in names)
        lines.append(f"{label:16}{row}")
    lines.append("recall per category:")
    recalls = {n: columns[n].category_recall() for n in names}
    for category in first.categories:
        total = recalls[names[0]][category][1]
        cells = "".join(
            f"{(found / total if total else 0):>{width}.3f}"
            for found, total in (recalls[n][category] for n in names)
        )
        lines.append(f"  {category:14}{cells}  (of {total})")
    return "\n".join(lines)
