"""overclaim: a linter for health and medical marketing copy."""

from lint.pipeline import Report, check_paths, check_text
from lint.data import Finding, OverclaimError, Suggestion

__version__ = "0.1.0"
__all__ = ["Finding", "OverclaimError", "Report", "Suggestion", "check_paths", "check_text"]
