"""Accuracy on the labelled development set stays above the project's bar."""

from __future__ import annotations

from lint.evaluation import evaluate, load_records
from tests.conftest import shared_path


def test_dev_set_precision_and_recall(pipeline):
    scores = evaluate(load_records(shared_path("eval", "dev.jsonl")), pipeline)
    assert scores.precision >= 0.85
    assert scores.recall >= 0.80
    for category, (found, total) in scores.category_recall().items():
        assert total == 0 or found / total >= 0.60, f"{category}: {found}/{total}"
