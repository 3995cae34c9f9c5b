"""The rulebook: YAML files in, validated rules out.

``loading`` reads the layers (shipped, then the project's) into ``rules`` dataclasses:
categories, rules, vocabulary families and context cues, validated by ``schema``;
``selection`` narrows them to the rules in use (``select``/``ignore``, severities);
``selectors`` is the one place that decides whether "cure", "efficacy.*" or an id picks a
rule. Nothing here imports spaCy.
"""
