"""The language server (`overclaim server`): claims underlined while the copy is written.

``protocol`` wires the Language Server Protocol (pygls); ``linting`` runs the pipeline off
the event loop; ``diagnostics``, ``actions`` and ``silence`` turn findings into what an
editor shows and applies; ``positions`` and ``documents`` map LSP positions and documents
to overclaim's offsets and sources; ``settings`` merges the project's and the client's
configuration; ``client`` reads what the editor can do. Only ``protocol`` imports pygls.
"""
