"""The second reader: a fine-tuned small transformer that reads the sentences in doubt.

The linear claim model reads every sentence in microseconds, but it knows words, not
sentences: in "Our drops whisk away joint pain overnight" no word is one it learned to fear.
The encoder (all-MiniLM-L6-v2, a 6-layer BERT of 22M parameters, fine-tuned on the same
corpus) reads a sentence whole. It is consulted only where the linear model's score leaves
the decision in doubt (``lint.engine.fusion``), so a page of patient information costs next
to nothing.

Its weights are int8 with one float32 scale per row (``encoder.bin``: the tensors the
manifest lists, in order, each a matrix's int8 rows then their scales, or a vector's
float32 values) and its WordPiece vocabulary is ``encoder-vocab.txt``. The forward pass is
numpy (which spaCy installs everywhere, Alpine included); the ``tokenizers`` library splits
the words. Both load on the first sentence the encoder reads.
"""

from __future__ import annotations

import math
import os
import sys
from pathlib import Path
from typing import Any

from lint.model.integrity import verified

ENCODER_WEIGHTS = "encoder.bin"
ENCODER_VOCAB = "encoder-vocab.txt"
MAX_TOKENS = 64  # longer sentences are read up to here (the claim is nearly always in front)
HEADS = 12
LAYER_NORM_EPSILON = 1e-12
BATCH = 16


class Encoder:
    """The fine-tuned transformer in a model folder, loaded on first use."""

    def __init__(self, folder: Path, tensors: list[tuple[str, list[int]]], sha256: str):
        self.folder = folder
        self.tensors = tensors
        self.sha256 = sha256  # of the weights, checked when they are read
        self._weights: dict[str, Any] | None = None
        self._tokenizer: Any = None
        self._read: dict[str, float] = {}  # each distinct sentence is read once per process

    def _load(self) -> dict[str, Any]:
        if "numpy" not in sys.modules:  # one BLAS thread per process, as for spaCy's model
            os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
        # No tokenizer threads either: worker processes are forked, and threads do not fork.
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        import numpy
        from tokenizers import BertWordPieceTokenizer

        data = verified(self.folder / ENCODER_WEIGHTS, self.sha256)
        weights: dict[str, Any] = {}
        offset = 0
        for name, shape in self.tensors:
            if len(shape) == 2:
                rows, columns = shape
                values = numpy.frombuffer(data, numpy.int8, rows * columns, offset)
                offset += rows * columns
                scales = numpy.frombuffer(data, "<f4", rows, offset)
                offset += 4 * rows
                matrix = values.reshape(rows, columns)
                if name.endswith("word_embeddings.weight"):  # rows are gathered, kept int8
                    weights[name] = (matrix, scales.astype(numpy.float32))
                elif name.startswith("embeddings."):
                    weights[name] = matrix * scales[:, None]
                else:  # a linear layer's (out, in) weight, as the (in, out) a product wants
                    weights[name] = numpy.ascontiguousarray((matrix * scales[:, None]).T)
            else:
                weights[name] = numpy.frombuffer(data, "<f4", shape[0], offset).copy()
                offset += 4 * shape[0]
        if offset != len(data):
            raise ValueError(f"{self.folder / ENCODER_WEIGHTS}: of the wrong size")
        tokenizer = BertWordPieceTokenizer(str(self.folder / ENCODER_VOCAB), lowercase=True)
        tokenizer.enable_truncation(MAX_TOKENS)
        tokenizer.enable_padding()
        self._tokenizer = tokenizer
        self._weights = weights
        return weights

    def scores(self, texts: list[str]) -> list[float]:
        """The probability that each sentence is an overclaim."""
        read = self._read
        unread = sorted({t for t in texts if t not in read}, key=lambda t: (len(t), t))
        if unread:
            weights = self._weights if self._weights is not None else self._load()
            # Batches of sentences of about the same length pad least.
            for start in range(0, len(unread), BATCH):
                batch = unread[start : start + BATCH]
                encoded = self._tokenizer.encode_batch(batch)
                ids = [e.ids for e in encoded]
                logits = _forward(weights, ids, [e.attention_mask for e in encoded])
                read.update(zip(batch, _softmax(logits)[:, 1].tolist(), strict=True))
        return [read[t] for t in texts]


def _forward(w: dict[str, Any], ids: list[list[int]], mask: list[list[int]]) -> Any:
    """BERT's forward pass (for sequence classification) in numpy: the logits."""
    import numpy

    token_ids = numpy.array(ids, dtype=numpy.int64)
    attention = numpy.array(mask, dtype=numpy.float32)
    batch, length = token_ids.shape
    rows, scales = w["embeddings.word_embeddings.weight"]
    h = rows[token_ids].astype(numpy.float32) * scales[token_ids][..., None]
    h += w["embeddings.position_embeddings.weight"][:length]
    h += w["embeddings.token_type_embeddings.weight"][0]
    h = _layer_norm(h, w, "embeddings.LayerNorm")
    hidden = h.shape[-1]
    size = hidden // HEADS
    masked = ((1.0 - attention) * -1e9)[:, None, None, :]
    layer = 0
    while f"encoder.layer.{layer}.attention.self.query.weight" in w:
        at = f"encoder.layer.{layer}."

        query, key, value = (
            _linear(h, w, at + f"attention.self.{part}")
            .reshape(batch, length, HEADS, size)
            .transpose(0, 2, 1, 3)
            for part in ("query", "key", "value")
        )
        attended = _softmax(query @ key.transpose(0, 1, 3, 2) / math.sqrt(size) + masked) @ value
        context = attended.transpose(0, 2, 1, 3).reshape(batch, length, hidden)
        h = _layer_norm(
            _linear(context, w, at + "attention.output.dense") + h,
            w,
            at + "attention.output.LayerNorm",
        )
        inner = _gelu(_linear(h, w, at + "intermediate.dense"))
        h = _layer_norm(_linear(inner, w, at + "output.dense") + h, w, at + "output.LayerNorm")
        layer += 1
    pooled = numpy.tanh(_linear(h[:, 0], w, "pooler.dense"))
    return _linear(pooled, w, "classifier")


def _linear(x: Any, w: dict[str, Any], name: str) -> Any:
    """``x @ W + b`` over the last axis, as one 2-D product (the fastest BLAS call)."""
    weight = w[name + ".weight"]
    flat = x.reshape(-1, x.shape[-1]) @ weight + w[name + ".bias"]
    return flat.reshape(*x.shape[:-1], weight.shape[1])


def _layer_norm(x: Any, w: dict[str, Any], name: str) -> Any:
    import numpy

    mean = x.mean(-1, keepdims=True)
    variance = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / numpy.sqrt(variance + LAYER_NORM_EPSILON) * w[name + ".weight"] + w[
        name + ".bias"
    ]


def _gelu(x: Any) -> Any:
    """GELU by its tanh form (Hendrycks and Gimpel), in place on a copy: within 5e-4 of the
    erf form the encoder was trained with, which moves its scores by less than 0.003, and
    five times faster (numpy has no erf)."""
    import numpy

    y = x * x
    y *= 0.044715 * x
    y += x
    y *= math.sqrt(2.0 / math.pi)
    numpy.tanh(y, out=y)
    y += 1.0
    y *= x
    y *= 0.5
    return y


def _softmax(x: Any) -> Any:
    import numpy

    shifted = numpy.exp(x - x.max(axis=-1, keepdims=True))
    return shifted / shifted.sum(axis=-1, keepdims=True)
