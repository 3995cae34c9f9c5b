"""Each fragile detail listed in lint/engine/internals.py still does what overclaim needs.

An upgrade of spaCy, thinc or Python that breaks one of them fails here, by name."""

from __future__ import annotations

import gc
import json

from lint.engine import internals
from lint.engine.nlp import is_verb_form, pipeline, verb_lemmas
from lint.engine.triggers import number_words, tokenizer_splits
from tests.conftest import run_python


def test_lemmatizer_tables_give_verb_base_forms():
    exceptions, index = internals.verb_tables(pipeline(), "lemmatizer")
    assert "went" in exceptions and "cure" in index
    assert verb_lemmas("cures")[0] == "cure" and verb_lemmas("went")[0] == "go"
    assert is_verb_form("relieves") and not is_verb_form("insomnia")


def test_tokenizer_exceptions_split_contractions():
    exceptions = dict(internals.tokenizer_exceptions())
    assert exceptions["don't"] == ["do", "n't"]
    assert tokenizer_splits()["don"] == ((0, "do"), (2, "n"))


def test_number_words_are_spacy_like_num_words():
    words = number_words()
    assert {"ten", "third", "hundred"} <= words
    nlp = pipeline()
    assert all(nlp.vocab[w].like_num for w in ("ten", "third"))


def test_python_regex_parser_reads_patterns():
    parsed = internals.python_regex_parser().parse(r"\d+%")
    assert [str(op) for op, _ in parsed] == ["MAX_REPEAT", "LITERAL"]


def test_rule_regexes_run_as_token_extensions():
    from spacy.tokens import Token

    from lint.engine.matching import _linear_regexes

    spec = _linear_regexes({"LOWER": {"REGEX": "^cur(e|es)$"}})
    (name,) = spec["_"]
    assert name.startswith("overclaim_rx_") and Token.has_extension(name)
    doc = pipeline().tokenizer("It cures acne")
    assert [getattr(t._, name) for t in doc] == [False, True, False]


def test_the_console_script_raises_gc_thresholds_and_exits_through_os_exit(tmp_path):
    page = tmp_path / "p.txt"
    page.write_text("Our office opens at nine.\n", encoding="utf-8")
    script = (
        "import gc, sys\n"
        "from lint import cli\n"
        "sys.argv = ['overclaim', 'check', '--no-cache', sys.argv[1]]\n"
        "import atexit\n"
        "atexit.register(lambda: print('atexit ran'))\n"
        "cli.entry()\n"
    )
    result = run_python(script, str(page), cwd=tmp_path)
    assert result.returncode == 0
    assert "atexit ran" not in result.stdout  # os._exit skips the slow teardown
    assert gc.get_threshold() != (20_000, 20, 50)  # only the console script changes them


def test_spacy_is_imported_without_machine_learning_frameworks_which_still_import_later():
    script = (
        "import importlib.util, json, sys\n"
        "from lint.engine.nlp import pipeline\n"
        "pipeline()\n"
        "frameworks = ('torch', 'tensorflow', 'mxnet', 'cupy')\n"
        "loaded = [n for n in frameworks if sys.modules.get(n) is not None]\n"
        "blocked = [n for n in frameworks if n in sys.modules and sys.modules[n] is None]\n"
        "later = True\n"
        "if importlib.util.find_spec('torch') is not None:\n"
        "    import torch\n"
        "    later = hasattr(torch, 'tensor')\n"
        "print(json.dumps([loaded, blocked, later]))"
    )
    result = run_python(script)
    assert json.loads(result.stdout.strip().splitlines()[-1]) == [[], [], True]


def test_a_rewrite_that_inserts_words_maps_onto_the_source_whole():
    """A settled rewrite is the difference between two texts, so it can insert words where
    none stood ("May Help " before the first word): the suggestion keeps every word between
    its pieces, in plain text and in Markdown."""
    from lint.data import SourceText
    from lint.engine.linter import _SourceMap
    from lint.engine.rewrite.edit import Edit
    from lint.input.formats import extract

    sentence = "Repair Your Gut to Ease Bloating"
    edit = Edit.between(sentence, "May Help Repair Your Gut to Help Ease Bloating", safe=False)
    assert edit.pieces[0][:2] == (0, 0)  # an insertion before the first word
    for name, text in (("a.txt", sentence), ("a.md", f"Intro.\n\n{sentence}")):
        prose = extract(SourceText(name, text))
        start = prose.text.index(sentence)
        where = list(range(len(sentence) + 1))
        found = _SourceMap(text, prose, start, where, 0).suggestion(edit)
        assert found is not None
        fixed = text[: found.start] + found.replacement + text[found.end :]
        assert fixed == text.replace(sentence, edit.apply(sentence)), fixed
