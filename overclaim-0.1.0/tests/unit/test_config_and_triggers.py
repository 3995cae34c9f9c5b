"""Configuration parsing and the first-pass trigger index, without the model."""

from __future__ import annotations

import pytest

from lint.config import load_settings, path_matches
from lint.data import OverclaimError
from lint.engine.triggers import TriggerIndex, phrase_trigger, token_trigger
from lint.rulebook.loading import load_rulebook
from lint.rulebook.selection import rules_in_use


def test_configuration_keys_are_parsed_and_checked(tmp_path):
    config = tmp_path / ".overclaim.toml"
    config.write_text(
        'ignore = ["hype"]\nexclude = ["drafts/"]\n[per-file-ignores]\n"legal/*" = ["cure"]\n'
        "[cues]\nhedge = ['reportedly']\n",
        encoding="utf-8",
    )
    settings = load_settings(config)
    assert settings.ignore == ("hype",) and settings.cues == {"hedge": ("reportedly",)}
    assert settings.excluded(tmp_path / "drafts" / "x.md")
    assert not settings.excluded(tmp_path / "site" / "x.md")
    config.write_text("[cues]\nhedges = ['x']\n", encoding="utf-8")
    with pytest.raises(OverclaimError, match="unknown cue list 'hedges'"):
        load_settings(config)
    config.write_text("fail-on = 'sometimes'\n", encoding="utf-8")
    with pytest.raises(OverclaimError, match=r"\.overclaim\.toml:1: 'fail-on'"):
        load_settings(config)


def test_globs_match_paths_parents_and_names():
    assert path_matches("legal/terms/a.md", "legal/")
    assert path_matches("site/legal/a.md", "legal")
    assert not path_matches("site/legal/a.md", "site/other")


def test_selectors_pick_ids_categories_and_globs():
    rulebook = load_rulebook()
    chosen = rules_in_use(rulebook, select=("cure", "safety.*"), ignore=("safety.safe",))
    assert {r.category for r in chosen.rules} == {"cure", "safety"}
    assert "safety.safe" not in {r.id for r in chosen.rules}
    with pytest.raises(OverclaimError, match="'nothing.here' matches no rule"):
        rules_in_use(rulebook, ignore=("nothing.here",))


def test_trigger_index_needs_words_in_order_and_within_reach():
    index = TriggerIndex(
        [
            ("cure.cure", phrase_trigger("cures insomnia")),
            (
                "speed.fast",
                token_trigger([{"LOWER": "within"}, {"OP": "{0,2}"}, {"LOWER": "hours"}]),
            ),
        ]
    )
    assert index.rules_for("our tea cures insomnia.") == {"cure.cure"}
    assert index.rules_for("insomnia? nothing cures it.") == frozenset()
    assert index.rules_for("relief within two hours") == {"speed.fast"}
    assert index.rules_for("within a few more weeks or hours") == frozenset()
