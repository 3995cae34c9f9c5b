"""overclaim's command, as ``python -m overclaim``; the library is the ``lint`` package."""
