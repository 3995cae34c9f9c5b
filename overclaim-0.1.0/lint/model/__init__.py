"""The claim model: sentence text in, the probability that it is an overclaim and of each
category out. ``features`` defines what it sees, ``claim_model`` scores (pure Python; numpy
only for the category heads of flagged sentences), ``training`` fits it (scikit-learn, the
``train`` extra). Nothing here imports spaCy; ``lint.engine`` fuses the model with the rules.
"""
