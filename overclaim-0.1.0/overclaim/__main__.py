"""Run overclaim as `python -m overclaim`."""

from lint.cli import entry

entry()
