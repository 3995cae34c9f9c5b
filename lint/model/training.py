"""Train a claim model on labelled sentences (``overclaim train``).

Needs scikit-learn (``pip install 'overclaim[train]'``); linting with the model does not.
The same records and seed always give the same files, byte for byte.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from lint import __version__
from lint.data import OverclaimError
from lint.model.claim_model import CATEGORY_HEADS, FORMAT, MANIFEST, OVERCLAIM_HEAD
from lint.model.features import FeatureConfig, sparse_features

SEED = 13
STRENGTH = 3.0  # the inverse regularisation strength (C), chosen by cross-validation
# When the model speaks (chosen by leaving each domain of the training corpus out in turn;
# see lint.engine.fusion): a rule's finding is kept when the model gives its sentence at least
# ``keep_rule``; a sentence no rule flagged is flagged at ``flag_alone`` or more if it reads
# as promotion, at ``flag_alone_plain`` or more if it does not; a document of
# ``informational_sentences`` or more of which fewer than ``informational_share`` score 0.5 or
# more informs, and there rule findings need ``informational_keep_rule``; one of which at least
# ``selling_share`` do sells, and there the model flags at ``flag_alone_selling`` (promotion) or
# ``flag_alone_selling_plain`` (bench/thresholds.py prints how these were chosen).
THRESHOLDS = {
    "keep_rule": 0.15,
    "flag_alone": 0.80,
    "flag_alone_plain": 0.90,
    "informational_sentences": 5,
    "informational_share": 0.10,
    "informational_keep_rule": 0.50,
    "selling_share": 0.50,
    "flag_alone_selling": 0.60,
    "flag_alone_selling_plain": 0.70,
}
# How often a finding is right, by the score of its sentence, measured out of fold on the
# shipped corpus (eight groups of domains left out in turn, as bench/thresholds.py --folds 8
# scores it): the confidence findings carry. Pairs of (lowest
# score, share of findings that were overclaims).
RULE_CONFIDENCE = [(0.0, 0.26), (0.15, 0.50), (0.3, 0.69), (0.5, 0.82), (0.7, 0.92), (0.9, 0.97)]
MODEL_CONFIDENCE = [(0.7, 0.68), (0.8, 0.83), (0.9, 0.92)]
# When the encoder reads a sentence (see lint.engine.fusion): one with a rule's trigger words
# from a linear score of ``rule_from``, any other from ``alone_from``; below, the linear
# model's score decides alone (bench/cascade.py prints how these were chosen).
ENCODER_BARS = {"rule_from": 0.05, "alone_from": 0.3}
# Where the encoder reads the sentences in doubt, the thresholds that differ (its scores are
# surer than the linear model's: a rule's finding stands at ``keep_rule``, or where the linear
# model gives ``keep_rule_linear`` and the encoder at least ``encoder_veto``; a sentence that
# does not read as promotion is flagged alone from ``flag_alone_plain``, where research
# conclusions stay below it) and the confidence bands, measured as above on its scores.
ENCODER_THRESHOLDS = {
    "keep_rule": 0.3,
    "keep_rule_linear": 0.15,
    "encoder_veto": 0.05,
    "flag_alone_plain": 0.97,
}
ENCODER_RULE_CONFIDENCE = [
    (0.0, 0.31),
    (0.15, 0.56),
    (0.3, 0.67),
    (0.5, 0.81),
    (0.7, 0.86),
    (0.9, 0.96),
]
ENCODER_MODEL_CONFIDENCE = [(0.7, 0.59), (0.8, 0.67), (0.9, 0.89)]


def _require_training_libraries() -> Any:
    try:
        import numpy
        import scipy.sparse
        import sklearn.linear_model
    except ImportError:
        raise OverclaimError(
            "training a model needs scikit-learn: pip install 'overclaim[train]'"
        ) from None
    return numpy, scipy.sparse, sklearn.linear_model


def shipped_corpus() -> list[Path]:
    """The labelled files the shipped model is trained on."""
    return sorted((Path(__file__).resolve().parent / "corpus").glob("*.jsonl"))


def records_digest(records: Sequence[dict[str, Any]]) -> str:
    """What the model was trained on, as a hash of the records' texts, labels and categories."""
    digest = hashlib.sha256()
    for record in records:
        item = [record["text"], record["label"], sorted(record.get("categories") or [])]
        digest.update(json.dumps(item, ensure_ascii=False).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def train(
    records: Sequence[dict[str, Any]],
    output: Path,
    categories: Sequence[str],
    seed: int = SEED,
    sources: Sequence[str] = (),
    encoder: bool = False,
) -> dict[str, Any]:
    """Train on ``records`` (claims-guide records) and write the model into ``output``;
    returns its manifest. ``encoder``: fine-tune the second reader too
    (``lint.model.encoder_training``: minutes, where the linear model takes seconds)."""
    numpy, sparse, linear_model = _require_training_libraries()
    labelled = [r for r in records if r.get("label") in ("overclaim", "ok")]
    overclaims = [r for r in labelled if r["label"] == "overclaim"]
    if len(overclaims) < 2 or len(overclaims) == len(labelled):
        raise OverclaimError("training needs both overclaim and ok sentences")
    config = FeatureConfig()
    matrix = _matrix([r["text"] for r in labelled], config, numpy, sparse)
    labels = numpy.array([r["label"] == "overclaim" for r in labelled], dtype=int)

    def fit(rows: Any, target: Any, balanced: bool) -> tuple[Any, Any, float]:
        used = numpy.unique(rows.indices)
        model = linear_model.LogisticRegression(
            C=STRENGTH,
            solver="liblinear",
            dual=True,
            class_weight="balanced" if balanced else None,
            random_state=seed,
            max_iter=2000,
        )
        model.fit(rows[:, used].tocsr(), target)
        return used, model.coef_[0], float(model.intercept_[0])

    used, weights, bias = fit(matrix, labels, balanced=False)
    head = numpy.zeros(config.dimension + 1, dtype="<f4")
    head[used] = weights
    head[-1] = bias

    positive = matrix[labels == 1]
    rows = numpy.unique(positive.indices)
    category_weights = numpy.zeros((len(rows), len(categories)), dtype="<f4")
    category_bias = numpy.zeros(len(categories), dtype="<f4")
    for k, name in enumerate(categories):
        target = numpy.array([name in (r.get("categories") or ()) for r in overclaims], dtype=int)
        if target.min() == target.max():
            category_bias[k] = 10.0 if target.max() else -10.0
            continue
        used_k, weights_k, bias_k = fit(positive, target, balanced=True)
        category_weights[numpy.searchsorted(rows, used_k), k] = weights_k
        category_bias[k] = bias_k

    output.mkdir(parents=True, exist_ok=True)
    files = {
        OVERCLAIM_HEAD: head.tobytes(),
        CATEGORY_HEADS: rows.astype("<u4").tobytes()
        + category_weights.astype("<f2").tobytes()
        + category_bias.tobytes(),
    }
    for name, data in files.items():
        (output / name).write_bytes(data)
    manifest = {
        "format": FORMAT,
        "overclaim_version": __version__,
        "features": config.to_dict(),
        "categories": list(categories),
        "category_rows": int(len(rows)),
        "thresholds": dict(THRESHOLDS),
        "rule_confidence": RULE_CONFIDENCE,
        "model_confidence": MODEL_CONFIDENCE,
        "training": {
            "sentences": len(labelled),
            "overclaims": len(overclaims),
            "records_sha256": records_digest(labelled),
            "sources": list(sources),
            "seed": seed,
            "strength": STRENGTH,
        },
        "sha256": {name: hashlib.sha256(data).hexdigest() for name, data in files.items()},
    }
    if encoder:
        from lint.model.encoder_training import fine_tune

        return add_encoder(output, manifest, fine_tune(labelled, seed))
    (output / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def add_encoder(output: Path, manifest: dict[str, Any], tuned: Any) -> dict[str, Any]:
    """Write a fine-tuned encoder into the model in ``output`` (its linear ``manifest``
    there): its files, their hashes, its bars, and the thresholds and confidence bands
    measured for its scores. Returns the manifest."""
    from lint.model.encoder_training import EPOCHS, export, probe

    written, tensors = export(tuned, output)
    manifest = {
        **manifest,
        "thresholds": {**manifest["thresholds"], **ENCODER_THRESHOLDS},
        "rule_confidence": ENCODER_RULE_CONFIDENCE,
        "model_confidence": ENCODER_MODEL_CONFIDENCE,
        "sha256": {
            **manifest["sha256"],
            **{
                name: hashlib.sha256(path.read_bytes()).hexdigest()
                for name, path in written.items()
            },
        },
        "encoder": {
            "base": "all-MiniLM-L6-v2",
            "epochs": EPOCHS,
            "bars": dict(ENCODER_BARS),
            "tensors": tensors,
            "probes": probe(tuned),
        },
    }
    (output / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def _matrix(texts: Sequence[str], config: FeatureConfig, numpy: Any, sparse: Any) -> Any:
    rows, columns, values = [], [], []
    for row, text in enumerate(texts):
        for column, value in sparse_features(text, config).items():
            rows.append(row)
            columns.append(column)
            values.append(value)
    shape = (len(texts), config.dimension)
    return sparse.csr_matrix((values, (rows, columns)), shape=shape, dtype=numpy.float64)
