"""Run overclaim as `python -m lint`."""

from lint.cli import entry

entry()
