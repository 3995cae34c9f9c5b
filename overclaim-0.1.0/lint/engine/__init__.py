"""The engine: source texts and the rules in use in, findings (before filtering) out.

The only place that imports spaCy. ``compile`` turns rules into matcher patterns and the
``triggers`` of a cheap first pass; ``linter`` picks the candidate sentences, parses them
(``nlp``), runs the ``matching`` patterns, decides ``context`` (hedged, negated, attributed)
and attaches ``rewrites``. ``internals`` lists every fragile detail of spaCy it relies on.
"""
