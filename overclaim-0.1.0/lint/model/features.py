"""What the claim model sees of a sentence: hashed word, bigram and character n-grams, words
in the scope of a hedge or a negation, and a few cues. The one definition that training and
linting share.

A sentence becomes a sparse vector over ``2**bits`` hashed buckets plus ``len(CUES)`` dense
cue features after them:

- ``w|word`` for each word and ``b|previous word`` for each pair (``<s>`` before the first);
- ``c|gram`` for the character 2- to 5-grams of " word " (weight ``char_scale``);
- ``h|word`` / ``n|word`` for words within ``SCOPE`` words after a hedge / a negation;
- all of these divided by the square root of the number of words (plus one);
- the cues: hedge, negation, first or second person, "our"/"we", an imperative first word,
  a number, a percentage, a year, a question, an exclamation, research words, length, a
  heading-like length, and the share of capitalised words.

The part of the score that comes from a word's own features (``w|`` and ``c|``) depends on the
word alone, which is what lets the model cache it per distinct word.
"""

from __future__ import annotations

import math
import re
import zlib
from dataclasses import asdict, dataclass

# Lower-cased words (with inner apostrophes), numbers (all written "0": the training copy had
# its numbers changed), and the punctuation that carries meaning for claims.
TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)*|\d+(?:[.,]\d+)*|[%?!$+]")
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


HEDGE = _words(
    """may might could would possibly potentially perhaps maybe appear appears appeared seem
    seems seemed suggest suggests suggested suggesting likely unlikely promising preliminary
    early emerging limited pilot tentative potential possible uncertain unclear unknown
    hypothesis hypothesized thought believed believe investigating investigational
    studied exploring some sometimes occasionally help helps"""
)
NEGATION = _words(
    """not no never without none nor neither cannot can't don't doesn't isn't aren't won't
    wasn't weren't didn't hasn't haven't lack lacks fail fails failed myth instead"""
)
FIRST_SECOND = _words("i me my mine we us our ours you your yours you're you'll you've")
OUR_WE = _words("we our us ours we're we've")
IMPERATIVE = _words(
    """call book start try discover experience get schedule contact learn find feel join take
    visit request ask order buy unlock reclaim restore transform boost achieve say stop
    enjoy see reach let give make choose imagine regain begin don't"""
)
ATTRIBUTION = _words(
    """study studies trial trials researchers published journal according reported report
    found meta analysis review randomized randomised participants cohort"""
)
SCOPE_HEDGE = _words(
    """may might could possibly potentially perhaps maybe appear appears seem seems suggest
    suggests suggested likely unlikely promising preliminary early some thought believe
    believed studied investigational"""
)
SCOPE_NEGATION = _words(
    """not no never without cannot can't don't doesn't isn't aren't won't wasn't weren't
    didn't hasn't haven't none nor neither"""
)
SCOPE = 5
CUES = (
    "hedge",
    "negation",
    "person12",
    "our_we",
    "imperative",
    "number",
    "percent",
    "year",
    "question",
    "exclaim",
    "attribution",
    "loglen",
    "short",
    "titlecase",
)


@dataclass(frozen=True)
class FeatureConfig:
    """The shape of the feature space, stored with a model."""

    bits: int = 20
    char_scale: float = 0.3
    char_lo: int = 2
    char_hi: int = 5

    @property
    def buckets(self) -> int:
        return 1 << self.bits

    @property
    def dimension(self) -> int:
        return self.buckets + len(CUES)

    def to_dict(self) -> dict[str, float]:
        return asdict(self)


def tokens(text: str) -> list[str]:
    """The sentence's words, lower-cased, numbers as "0"."""
    return ["0" if t[0].isdigit() else t for t in TOKEN.findall(text.translate(QUOTES).lower())]


def token_spans(text: str) -> list[tuple[int, int]]:
    """Where each of ``tokens(text)`` is in the text."""
    return [m.span() for m in TOKEN.finditer(text.translate(QUOTES).lower())]


def bucket(feature: str, mask: int) -> int:
    """The hashed bucket of a feature (crc32: stable across processes, unlike ``hash``)."""
    return zlib.crc32(feature.encode("utf-8", "surrogatepass")) & mask


def char_grams(word: str, lo: int, hi: int) -> list[str]:
    padded = f" {word} "
    return [padded[i : i + k] for k in range(lo, hi + 1) for i in range(len(padded) - k + 1)]


def pair_features(words: list[str]) -> list[str]:
    """The features that span words: bigrams and the scope of hedges and negations."""
    out = []
    previous = "<s>"
    hedge = negation = 0
    for word in words:
        out.append(f"b|{previous} {word}")
        previous = word
        if hedge > 0:
            out.append("h|" + word)
        if negation > 0:
            out.append("n|" + word)
        hedge, negation = hedge - 1, negation - 1
        if word in SCOPE_HEDGE:
            hedge = SCOPE
        if word in SCOPE_NEGATION:
            negation = SCOPE
    return out


def cue_values(text: str, words: list[str]) -> list[float]:
    """The cue features of a sentence, in the order of ``CUES``."""
    present = set(words)
    spaced = text.split()
    capitals = sum(1 for w in spaced if w[:1].isupper())
    return [
        1.0 if present & HEDGE else 0.0,
        1.0 if present & NEGATION or "n't" in text else 0.0,
        1.0 if present & FIRST_SECOND else 0.0,
        1.0 if present & OUR_WE else 0.0,
        1.0 if words and words[0] in IMPERATIVE else 0.0,
        1.0 if "0" in present else 0.0,
        1.0 if "%" in present or "percent" in present else 0.0,
        1.0 if YEAR.search(text) else 0.0,
        1.0 if "?" in present else 0.0,
        1.0 if "!" in present else 0.0,
        1.0 if present & ATTRIBUTION else 0.0,
        math.log1p(len(words)) / 4.0,
        1.0 if len(words) <= 6 else 0.0,
        capitals / len(spaced) if spaced else 0.0,
    ]


def scale(words: list[str]) -> float:
    return 1.0 / math.sqrt(len(words) + 1)


def sparse_features(text: str, config: FeatureConfig) -> dict[int, float]:
    """The sentence as ``{index: value}`` (training and explanations use this form)."""
    mask = config.buckets - 1
    words = tokens(text)
    weight = scale(words)
    vector: dict[int, float] = {}

    def add(index: int, value: float) -> None:
        vector[index] = vector.get(index, 0.0) + value

    for word in words:
        add(bucket("w|" + word, mask), weight)
        for gram in char_grams(word, config.char_lo, config.char_hi):
            add(bucket("c|" + gram, mask), weight * config.char_scale)
    for feature in pair_features(words):
        add(bucket(feature, mask), weight)
    for k, value in enumerate(cue_values(text, words)):
        if value:
            vector[config.buckets + k] = value
    return vector
