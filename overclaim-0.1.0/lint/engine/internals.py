"""Every place overclaim relies on a private or fragile detail of spaCy, thinc or Python.

Each exists for speed or to read spaCy's own data rather than copy it; ``tests/test_internals.py``
exercises every one, so an upgrade that breaks one fails loudly instead of slowing overclaim
down or changing its findings in silence.

| what | why |
|---|---|
| ``import_spacy_without_cli``: stand-in ``spacy.cli`` modules while spaCy is imported | spaCy's package imports its CLI (typer, weasel, httpx: ~450 modules, 0.15 s) only to offer ``spacy.info`` |
| ``import_spacy_without_cli`` also hides torch, TensorFlow, MXNet and CuPy while spaCy is imported, unless already imported | thinc imports whichever is installed (1.3 s for torch) to offer GPU and framework wrappers the model never uses |
| ``OPENBLAS_NUM_THREADS=1`` before numpy loads | ``--jobs`` runs processes side by side; one BLAS thread each |
| ``numpy_blas_ops``: a thinc ``NumpyOps`` subclass whose ``gemm`` is numpy's | OpenBLAS matrix products are a tenth faster than thinc's BLIS on this model |
| ``register_empty_tokenizer``: a registered tokenizer without rules | the model's files hold its whole tokenizer; building the default one first costs a tenth of the load |
| ``lemmatizer_tables``: the lemmatizer's ``lemma_exc``/``lemma_index`` lookups and ``rule_lemmatize`` | verb base forms for rewrites without running the lemmatizer or loading lemminflect's lexicon |
| ``tokenizer_exceptions``: ``spacy.lang.en.tokenizer_exceptions`` and ``spacy.symbols.ORTH`` | the first pass splits words exactly where spaCy's tokenizer does ("don't" → do + n't) |
| ``number_words``: ``spacy.lang.en.lex_attrs._num_words`` and ``_ordinal_words`` (private) | the first pass knows which words spaCy's ``LIKE_NUM`` accepts |
| ``python_regex_parser``: ``re._parser`` (``sre_parse`` before 3.11) | decides whether a rule's REGEX needs a digit, so the first pass can demand one |
| Token extensions named ``overclaim_rx_*`` (``lint.engine.matching``) | rule regexes run on RE2, in linear time, instead of spaCy's backtracking ``REGEX`` |
| ``gc.set_threshold`` and ``os._exit`` in ``lint.cli.entry`` | at the default thresholds the collector rescans the loaded model; freeing it object by object at exit takes 0.1 s |
| worker processes started by ``fork`` (``lint.run.parallel``) | workers share the loaded model instead of loading it again |
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language

EMPTY_TOKENIZER = "overclaim.empty_tokenizer.v1"
_FRAMEWORKS = ("torch", "tensorflow", "mxnet", "cupy")


def import_spacy_without_cli() -> None:
    """Import spaCy without its command-line interface, and numpy with one BLAS thread.

    The stand-ins leave ``sys.modules`` right after, so a later ``import spacy.cli`` gets the
    real one, and ``spacy.info`` imports it when first called.
    """
    if "spacy" in sys.modules:
        return
    if "numpy" not in sys.modules:
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    cli, info = ModuleType("spacy.cli"), ModuleType("spacy.cli.info")
    cli.__path__ = []
    info.info = _spacy_info  # type: ignore[attr-defined]
    stand_ins: dict[str, ModuleType | None] = {"spacy.cli": cli, "spacy.cli.info": info}
    # None in sys.modules makes an import fail: thinc then goes without the framework.
    stand_ins.update({name: None for name in _FRAMEWORKS if name not in sys.modules})
    sys.modules.update(stand_ins)  # type: ignore[arg-type]
    try:
        import spacy  # noqa: F401
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]


def _spacy_info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``, with the real CLI imported on first use."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def numpy_blas_ops() -> Any:
    """thinc's CPU operations, but with matrix products done by numpy's BLAS."""
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


def register_empty_tokenizer() -> dict[str, Any]:
    """Register a tokenizer without rules, which loading the model then fills in; the
    config override that selects it."""
    from spacy.util import registry

    def empty_tokenizer() -> Callable[[Language], Any]:
        from spacy.tokenizer import Tokenizer  # type: ignore[import-not-found]

        return lambda nlp: Tokenizer(nlp.vocab)

    registry.tokenizers.register(EMPTY_TOKENIZER, func=empty_tokenizer)
    return {"nlp": {"tokenizer": {"@tokenizers": EMPTY_TOKENIZER}}}


def rule_lemmas(nlp: Language, lemmatizer: str, word: str) -> list[str]:
    """The base forms the lemmatizer's rules give for ``word`` read as a verb."""
    from spacy.tokens import Doc

    doc = Doc(nlp.vocab, words=[word], pos=["VERB"])
    return list(nlp.get_pipe(lemmatizer).rule_lemmatize(doc[0]))  # type: ignore[attr-defined]


def verb_tables(nlp: Language, lemmatizer: str) -> tuple[Any, Any]:
    """The lemmatizer's verb exceptions (irregular forms) and its index of verb lemmas."""
    tables = nlp.get_pipe(lemmatizer).lookups  # type: ignore[attr-defined]
    return tables.get_table("lemma_exc")["verb"], tables.get_table("lemma_index")["verb"]


def tokenizer_exceptions() -> list[tuple[str, list[str]]]:
    """spaCy's English tokenizer exceptions: each text and the pieces it is split into."""
    from spacy.lang.en.tokenizer_exceptions import TOKENIZER_EXCEPTIONS
    from spacy.symbols import ORTH  # type: ignore[import-not-found]

    return [
        (text, [piece[ORTH] for piece in pieces]) for text, pieces in TOKENIZER_EXCEPTIONS.items()
    ]


def number_words() -> list[str]:
    """The English words spaCy's ``LIKE_NUM`` accepts ("ten", "third")."""
    from spacy.lang.en.lex_attrs import _num_words, _ordinal_words

    return [*_num_words, *_ordinal_words]


def python_regex_parser() -> Any:
    """Python's own regular-expression parser module."""
    try:
        from re import _parser as parser  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover: Python 3.10
        import sre_parse as parser
    return parser
