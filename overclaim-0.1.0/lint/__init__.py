"""overclaim: a linter for health and medical marketing copy."""

from lint.data import Finding, OverclaimError, Report, Suggestion
from lint.pipeline import Pipeline, RunOptions, check_paths, check_text

__version__ = "0.1.0"
__all__ = [
    "Finding",
    "OverclaimError",
    "Pipeline",
    "Report",
    "RunOptions",
    "Suggestion",
    "check_paths",
    "check_text",
]
