"""The claim model: how likely a sentence is an overclaim, and of which categories.

A folder holds it: ``model.json`` (what it is, how it was trained, the SHA-256 of its weight
files), ``overclaim.bin`` (the overclaim head: one little-endian float32 weight per feature
bucket and cue, then the bias) and ``categories.bin`` (the category heads over the buckets
overclaims use: the buckets as uint32, their weights as float16, the biases as float32; read
only for sentences that are flagged); where it was trained with ``--encoder``, also
``encoder.bin`` and ``encoder-vocab.txt``, the second reader (``lint.model.encoder``). Every
file is verified against the manifest's hashes when the model is loaded.
Scoring needs no numpy: the part of a sentence's score that comes from each word is cached
per distinct word, so character n-grams cost nothing after a word's first sentence.
"""

from __future__ import annotations

import json
import math
import sys
from array import array
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from lint.data import OverclaimError
from lint.model.encoder import ENCODER_WEIGHTS, Encoder
from lint.model.features import (
    CUES,
    FeatureConfig,
    bucket,
    char_grams,
    cue_values,
    pair_features,
    scale,
    sparse_features,
    token_spans,
    tokens,
)
from lint.model.integrity import MANIFEST, verified

FORMAT = 1
OVERCLAIM_HEAD = "overclaim.bin"
CATEGORY_HEADS = "categories.bin"


def shipped_model_dir() -> Path:
    """The folder of the model shipped with overclaim."""
    return Path(__file__).resolve().parent / "shipped"


@dataclass(frozen=True)
class Contribution:
    """How much one word (its own features and the pair it ends) moved the score."""

    start: int
    end: int
    word: str
    weight: float


class ClaimModel:
    """A trained claim model, loaded and verified."""

    def __init__(self, folder: Path, manifest: dict[str, Any], head: array):
        self.folder = folder
        self.manifest = manifest
        self.config = FeatureConfig(**manifest["features"])
        self.categories: tuple[str, ...] = tuple(manifest["categories"])
        self.thresholds: dict[str, float] = dict(manifest["thresholds"])
        # How often the rules' findings are right, by the model's score of their sentence:
        # (lowest score, precision) pairs, measured on the training corpus.
        self.rule_confidence = _bands(manifest.get("rule_confidence", []))
        self.model_confidence = _bands(manifest.get("model_confidence", []))
        self._mask = self.config.buckets - 1
        self._head = head
        self._bias = head[-1]
        self._cues = list(head[self.config.buckets : self.config.buckets + len(CUES)])
        self._word_weights: dict[str, float] = {}
        self._category_heads: Any = None
        # The second reader, where the model has one (``overclaim train --encoder``).
        second = manifest.get("encoder") or {}
        has_encoder = ENCODER_WEIGHTS in manifest["sha256"]
        self.encoder = (
            Encoder(folder, second["tensors"], manifest["sha256"][ENCODER_WEIGHTS])
            if has_encoder
            else None
        )
        self.encoder_bars: dict[str, float] = dict(second.get("bars", {}))

    @classmethod
    def load(cls, folder: Path) -> ClaimModel:
        """The model in ``folder``; an OverclaimError if it is missing, of another format,
        or its weights do not match their recorded hashes."""
        try:
            manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raise OverclaimError(f"{folder}: not a claim model (no readable {MANIFEST})") from None
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise OverclaimError(f"{folder}: a claim model of another format; train it again")
        hashes = manifest.get("sha256", {})
        # the encoder's weights are checked when they are read (lint.model.encoder), the
        # first time a sentence needs them; the overclaim head just below
        for name in {CATEGORY_HEADS, *hashes} - {ENCODER_WEIGHTS, OVERCLAIM_HEAD}:
            verified(folder / name, hashes.get(name))
        head = array("f")
        head.frombytes(verified(folder / OVERCLAIM_HEAD, hashes.get(OVERCLAIM_HEAD)))
        if sys.byteorder != "little":  # pragma: no cover: the file is little-endian
            head.byteswap()
        config = FeatureConfig(**manifest["features"])
        if len(head) != config.dimension + 1:
            raise OverclaimError(f"{folder / OVERCLAIM_HEAD}: of the wrong size")
        return cls(folder, manifest, head)

    # the overclaim head -------------------------------------------------------------------

    def _word_weight(self, word: str) -> float:
        """The summed weight of a word's own features (unscaled)."""
        head, mask, config = self._head, self._mask, self.config
        total = head[bucket("w|" + word, mask)]
        grams = char_grams(word, config.char_lo, config.char_hi)
        total += config.char_scale * sum(head[bucket("c|" + g, mask)] for g in grams)
        self._word_weights[word] = total
        return total

    def score(self, text: str) -> float:
        """The probability that the sentence is an overclaim."""
        words = tokens(text)
        cached, weigh, head, mask = self._word_weights, self._word_weight, self._head, self._mask
        total = 0.0
        for word in words:
            value = cached.get(word)
            total += weigh(word) if value is None else value
        for feature in pair_features(words):
            total += head[bucket(feature, mask)]
        total *= scale(words)
        total += sum(w * v for w, v in zip(self._cues, cue_values(text, words), strict=True))
        return _sigmoid(total + self._bias)

    def scores(self, texts: list[str]) -> list[float]:
        return [self.score(text) for text in texts]

    # explanations ------------------------------------------------------------------------

    def contributions(self, text: str) -> list[Contribution]:
        """Each word's share of the score: its own features and the pairs that end on it,
        scaled as in the score (the cues and the bias are not any word's)."""
        words = tokens(text)
        spans = token_spans(text)
        factor = scale(words)
        head, mask = self._head, self._mask
        pairs = pair_features(words)
        by_word = [0.0] * len(words)
        position = -1
        for feature in pairs:
            if feature.startswith("b|"):
                position += 1
            by_word[position] += head[bucket(feature, mask)]
        out = []
        for i, (word, (start, end)) in enumerate(zip(words, spans, strict=True)):
            own = self._word_weights.get(word)
            own = self._word_weight(word) if own is None else own
            out.append(Contribution(start, end, text[start:end], factor * (own + by_word[i])))
        return out

    def span(self, text: str, most: int = 6, trim: float = 0.15) -> tuple[int, int] | None:
        """The run of at most ``most`` words that adds most to the score (its edges trimmed
        of words adding less than ``trim`` of it): the words a finding of the model marks."""
        parts = self.contributions(text)
        best, where = 0.0, None
        for i in range(len(parts)):
            total = 0.0
            for j in range(i, min(len(parts), i + most)):
                total += parts[j].weight
                if total > best:
                    best, where = total, (i, j)
        if where is None:
            return None
        first, last = where
        while last > first and parts[last].weight < trim * best:
            last -= 1
        while first < last and parts[first].weight < trim * best:
            first += 1
        return parts[first].start, parts[last].end

    # the category heads ------------------------------------------------------------------

    def category_probabilities(self, text: str) -> dict[str, float]:
        """P(category | overclaim) for each category."""
        import numpy

        rows, weights, bias = self._load_category_heads()
        vector = sparse_features(text, self.config)
        indexes = numpy.fromiter(vector.keys(), dtype=numpy.int64, count=len(vector))
        values = numpy.fromiter(vector.values(), dtype=numpy.float32, count=len(vector))
        at = numpy.minimum(numpy.searchsorted(rows, indexes), len(rows) - 1)
        hit = rows[at] == indexes
        z = values[hit] @ weights[at[hit]].astype(numpy.float32) + bias
        probabilities = 1.0 / (1.0 + numpy.exp(-z))
        return dict(zip(self.categories, probabilities.tolist(), strict=True))

    def _load_category_heads(self) -> Any:
        if self._category_heads is None:
            import numpy

            data = (self.folder / CATEGORY_HEADS).read_bytes()
            count, width = self.manifest["category_rows"], len(self.categories)
            rows_end = 4 * count
            weights_end = rows_end + 2 * count * width
            rows = numpy.frombuffer(data, "<u4", count, 0).astype(numpy.int64)
            weights = numpy.frombuffer(data, "<f2", count * width, rows_end).reshape(count, width)
            bias = numpy.frombuffer(data, "<f4", width, weights_end)
            self._category_heads = (rows, weights, bias.astype(numpy.float32))
        return self._category_heads


def _bands(pairs: list[Any]) -> list[tuple[float, float]]:
    return sorted((float(low), float(share)) for low, share in pairs)


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


@cache
def load_model(folder: str) -> ClaimModel:
    """The model in ``folder``, loaded once per process."""
    return ClaimModel.load(Path(folder))
