"""Run the rules' own examples, as `overclaim test-rules` and the test suite do."""

from __future__ import annotations

from dataclasses import dataclass, replace

from lint.data import SourceText
from lint.pipeline import Pipeline


@dataclass(frozen=True)
class ExampleResult:
    rule_id: str
    kind: str  # "flag" or "pass"
    sentence: str
    found: tuple[str, ...]  # rule ids found in the sentence

    @property
    def ok(self) -> bool:
        hit = self.rule_id in self.found
        return hit if self.kind == "flag" else not hit


def run_examples(pipeline: Pipeline) -> list[ExampleResult]:
    """Lint every example sentence once, with the rules alone (an example tests its rule's
    patterns and context; ``overclaim eval`` measures the model); a flag: example needs its
    rule, a pass: one must not."""
    pipeline = Pipeline(replace(pipeline.settings, model=False), pipeline.options)
    rulebook = pipeline.rulebook
    cases = [(r.id, "flag", s) for r in rulebook.rules for s in r.flag_examples]
    cases += [(r.id, "pass", s) for r in rulebook.rules for s in r.pass_examples]
    results = pipeline.check_sources(
        [SourceText(path=f"example{i}", text=s) for i, (_, _, s) in enumerate(cases)]
    )
    return [
        ExampleResult(rule_id, kind, sentence, tuple(sorted({f.rule for f in found})))
        for (rule_id, kind, sentence), found in zip(cases, results, strict=True)
    ]
