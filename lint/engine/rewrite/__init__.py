"""Hedged rewrites of the claims of a sentence, computed on its parse.

``rewrite_sentence`` gives one edit for the whole sentence, built from all of its claims
(and a second, safe-only edit when the first is unsafe). Per category, the rulebook's
templates (``rewrite:`` in categories.yaml, ``fix:`` in a rule) say how a claim is hedged and
which words change; the modules here do it:

- ``roles``: what part the claim plays (its clause's verb, the verb's predicate, a modifier
  of a noun, a heading), and when a sentence gets advice only (testimonials, quotations,
  dated facts);
- ``categories`` and ``evidence``: the rewrite of one claim;
- ``verbs``: the verb that governs a claim, and "may" / "is thought to" on it;
- ``edit`` and ``grammar``: token changes into one edit, with capitals, "a"/"an" and
  verb forms that agree;
- ``reparse``: a second parse for a sentence whose verb the parser read as a noun.
"""

from lint.engine.rewrite.edit import Edit
from lint.engine.rewrite.roles import Lexicon
from lint.engine.rewrite.sentence import Claim, rewrite_sentence, specs_for

__all__ = ["Claim", "Edit", "Lexicon", "rewrite_sentence", "specs_for"]
