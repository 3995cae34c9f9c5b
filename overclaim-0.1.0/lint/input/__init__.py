"""Input: paths and standard input in, decoded text and its prose out.

``discovery`` finds the files (folders searched, .gitignore and ``exclude`` honoured),
``reading`` reads regular files only, bounded in size, and decodes them (refusing binaries),
``formats`` extracts the prose of plain text, Markdown and HTML with a map back to every
source offset (and the source ranges of real comments), ``sentences`` splits prose into
sentences, ``positions`` turns offsets into lines and columns. Nothing here imports spaCy.
"""
