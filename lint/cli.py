"""The `overclaim` command line: a thin layer over the Python API."""

from __future__ import annotations

import contextlib
import gc
import json
import math
import os
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import click

from lint import __version__
from lint.atomic import write_output
from lint.config import FAIL_ON, Settings, find_config, load_settings
from lint.data import SEVERITY_RANK, OverclaimError, Report, excerpt, one_line
from lint.filters.baseline import write_baseline
from lint.input.reading import FORMATS_BY_SUFFIX, text_file
from lint.output import FORMATS, OutputOptions, render
from lint.output.locations import repository_root
from lint.pipeline import Inputs, Pipeline, RunOptions
from lint.run.parallel import default_jobs


def entry() -> None:
    """The console script: run the command, then end the process without freeing every
    object one by one, which takes a tenth of a second once the spaCy model is loaded
    (mypy ends the same way)."""
    # A run makes millions of short-lived objects beside a large, long-lived model; at the
    # default thresholds the collector spends a twentieth of the run scanning the model.
    gc.set_threshold(20_000, 20, 50)
    try:
        main()
        code = 0
    except SystemExit as exit:
        code = exit.code if isinstance(exit.code, int) else 0 if exit.code is None else 1
        if isinstance(exit.code, str):
            print(exit.code, file=sys.stderr)
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="overclaim")
def main() -> None:
    """Flag health-marketing claims that state more than the evidence supports."""


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


def config_options(command):
    """Options shared by commands that read the project configuration."""
    options = [
        click.option(
            "--config", type=click.Path(path_type=Path), help="Configuration file to use."
        ),
        click.option(
            "--rules",
            "rulebooks",
            multiple=True,
            type=click.Path(path_type=Path),
            help="Extra rulebook file or folder (repeatable).",
        ),
        click.option("--select", multiple=True, help="Only these rules: ids, categories or globs."),
        click.option("--ignore", multiple=True, help="Skip these rules: ids, categories or globs."),
        click.option(
            "--model",
            "model_dir",
            type=click.Path(path_type=Path, file_okay=False),
            help="Use the claim model trained into this folder (overclaim train).",
        ),
        click.option("--no-model", is_flag=True, help="The rules alone, without the claim model."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def resolve_settings(
    start: Path,
    config: Path | None,
    rulebooks,
    select,
    ignore,
    model_dir: Path | None = None,
    no_model: bool = False,
) -> Settings:
    """The project configuration, with command-line flags on top."""
    settings = load_settings(config or find_config(start))
    for path in rulebooks:
        if not path.exists():
            raise OverclaimError(f"{path}: rulebook path not found")
    if model_dir is not None and not model_dir.is_dir():
        raise OverclaimError(f"{model_dir}: no such model folder")
    model = False if no_model else model_dir.resolve() if model_dir else settings.model
    return replace(
        settings,
        extend=(*settings.extend, *(p.resolve() for p in rulebooks)),
        select=_split(select) or settings.select,
        ignore=(*settings.ignore, *_split(ignore)),
        model=model,
    )


class _Size(click.ParamType):
    """A size in megabytes: a positive number, or inf for no limit."""

    name = "megabytes"

    def convert(self, value, param, ctx):
        try:
            number = float(value)
        except (TypeError, ValueError):
            self.fail(f"{value!r} is not a number of megabytes", param, ctx)
        if math.isnan(number) or number <= 0:
            self.fail(f"{value!r} must be more than 0 (or inf for no limit)", param, ctx)
        return number


_SIZE = _Size()


@main.command()
@click.argument("paths", nargs=-1)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "-o", "--output-file", type=click.Path(path_type=Path), help="Write the report to this file."
)
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    default=None,
    help="Exit 1 when a finding is at or above this severity (default: warning).",
)
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule.")
@click.option("-q", "--quiet", is_flag=True, help="Text output: one line per finding, no summary.")
@click.option(
    "--baseline",
    type=click.Path(path_type=Path),
    help="Report only findings that are not in this baseline file.",
)
@click.option(
    "--write-baseline",
    type=click.Path(path_type=Path),
    help="Record the current findings in this baseline file and exit 0.",
)
@click.option(
    "--stdin-filename",
    help="With '-': the name to report, whose extension picks the format (page.md).",
)
@click.option(
    "--report-unused-suppressions",
    is_flag=True,
    help="Report overclaim-disable comments that silence nothing.",
)
@click.option("-v", "--verbose", is_flag=True, help="Say which files were passed over, and why.")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes for large runs (default: the number of CPUs).",
)
@click.option("--no-cache", is_flag=True, help="Lint every file again, ignoring cached findings.")
@click.option("--encoding", default="utf-8", show_default=True, help="Read files in this encoding.")
@click.option(
    "--max-file-size",
    type=_SIZE,
    default=20,
    show_default=True,
    help="Refuse files larger than this many megabytes.",
)
@click.option("--fix", is_flag=True, help="Apply safe hedged rewrites in place.")
@click.option(
    "--unsafe-fixes",
    is_flag=True,
    help="With --fix or --diff, also apply rewrites that change emphasis.",
)
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff; write nothing.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings are reported.")
@click.option(
    "--force-exclude",
    is_flag=True,
    help="Apply the configured excludes to files named explicitly too (for pre-commit).",
)
@click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour the text output (auto: on a terminal, unless NO_COLOR; FORCE_COLOR forces it).",
)
@config_options
def check(paths, **options) -> None:
    """Lint files and folders of .txt, .md and .html copy (default: the current folder;
    '-' reads standard input)."""
    try:
        request = CheckRequest(paths=tuple(paths) or (".",), **options)
        code = request.run()
    except OverclaimError as exc:
        _fail(exc)
    except KeyboardInterrupt:
        click.echo("overclaim: interrupted", err=True)
        sys.exit(130)
    sys.exit(code)


@dataclass(frozen=True)
class CheckRequest:
    """The options of one `overclaim check`, as the command line gave them."""

    paths: tuple[str, ...]
    output_format: str
    output_file: Path | None
    fail_on: str | None
    statistics: bool
    quiet: bool
    baseline: Path | None
    write_baseline: Path | None
    stdin_filename: str | None
    report_unused_suppressions: bool
    verbose: bool
    jobs: int | None
    no_cache: bool
    encoding: str
    max_file_size: float
    fix: bool
    unsafe_fixes: bool
    diff: bool
    exit_zero: bool
    force_exclude: bool
    color: str
    config: Path | None
    rulebooks: tuple[Path, ...]
    select: tuple[str, ...]
    ignore: tuple[str, ...]
    model_dir: Path | None
    no_model: bool

    @property
    def stdin(self) -> bool:
        if "-" in self.paths and self.paths != ("-",):
            raise OverclaimError("'-' (standard input) cannot be combined with other paths")
        return self.paths == ("-",)

    def run(self) -> int:
        start = Path(self.stdin_filename or ".") if self.stdin else Path(self.paths[0])
        settings = resolve_settings(
            start,
            self.config,
            self.rulebooks,
            self.select,
            self.ignore,
            self.model_dir,
            self.no_model,
        )
        with _progress_bar() as progress:
            pipeline = Pipeline(settings, self.run_options(settings, progress))
            inputs = self.read(pipeline)
            if self.fix or self.diff:
                return self.fix_files(pipeline, inputs)
            report = pipeline.check(inputs)
        self.say_what_was_read(report)
        self.warn_if_nothing_matched(report)
        if self.write_baseline:
            write_baseline(self.write_baseline, report.findings)
            click.echo(f"wrote {len(report.findings)} findings to {self.write_baseline}", err=True)
            return 0
        _say_stale(report.stale, self.baseline)
        if report.errors and not report.files:
            return 2  # nothing was checked: the error lines say why
        self.show(pipeline, report)
        if report.errors:
            return 2
        return self.exit_code(report, settings)

    def run_options(self, settings: Settings, progress) -> RunOptions:
        return RunOptions(
            jobs=self.jobs or default_jobs(),
            cache_root=None if self.stdin else settings.root,
            cache_results=not self.no_cache,
            progress=progress,
            encoding=self.encoding,
            max_bytes=self.max_bytes(),
            report_unused_suppressions=self.report_unused_suppressions,
            baseline=self.baseline,
        )

    def read(self, pipeline: Pipeline) -> Inputs:
        if not self.stdin:
            return pipeline.read(list(self.paths), self.force_exclude)
        name = self.stdin_filename or "-"
        limit = self.max_bytes()
        if sys.stdin is None:
            raise OverclaimError("standard input is closed")
        try:
            data = sys.stdin.buffer.read(limit + 1 if limit is not None else -1)
        except (OSError, ValueError, AttributeError) as exc:
            raise OverclaimError(f"cannot read standard input: {exc}") from None
        if limit is not None and len(data) > limit:
            raise OverclaimError(
                f"standard input is over the size limit of {self.max_file_size:g} MB "
                "(raise it with --max-file-size)"
            )
        return Inputs([text_file(Path(name), data, self.encoding, name)])

    def max_bytes(self) -> int | None:
        """The size limit in bytes (None: no limit, for --max-file-size inf)."""
        if math.isinf(self.max_file_size):
            return None
        return int(self.max_file_size * 1048576)

    def fix_files(self, pipeline: Pipeline, inputs: Inputs) -> int:
        """--fix: rewrite files in place (standard input: print the fixed text), then report
        what is left; --diff: print the changes, write nothing."""
        from lint.output.fixer import unified_diff

        writing = self.fix and not self.diff and not self.stdin
        run = pipeline.fix(inputs, self.unsafe_fixes, write=writing)
        for error in run.errors:
            click.echo(one_line(f"overclaim: {error}"), err=True)
        if run.errors and not run.report.files:
            return 2  # nothing was read: the error lines say why
        if self.diff:
            changes = 0
            for result in run.results:
                patch = unified_diff(result.source.path, result.source.text, result.text)
                if patch:
                    click.echo(patch, nl=False)
                    changes += 1
            return 2 if run.errors else (1 if changes else 0)
        if self.stdin:
            click.echo(run.results[0].text if run.results else "", nl=False)
            return 2 if run.errors else 0
        click.echo(f"applied {run.applied} fix{'es' if run.applied != 1 else ''}", err=True)
        self.show(pipeline, run.report)
        if run.errors:
            return 2
        return self.exit_code(run.report, pipeline.settings)

    def exit_code(self, report: Report, settings: Settings) -> int:
        if self.exit_zero:
            return 0
        return exit_code([f.severity for f in report.findings], self.fail_on or settings.fail_on)

    def warn_if_nothing_matched(self, report: Report) -> None:
        """Say so when the paths held no file to check (rather than a silent "0 files")."""
        if self.stdin or report.files or report.errors or report.notices:
            return
        kinds = ", ".join(FORMATS_BY_SUFFIX)
        click.echo(
            one_line(
                f"overclaim: warning: no files to check in {', '.join(self.paths)} "
                f"(looked for {kinds})"
            ),
            err=True,
        )

    def say_what_was_read(self, report: Report) -> None:
        for notice in report.notices:
            click.echo(one_line(f"overclaim: {notice}"), err=True)
        for error in report.errors:
            click.echo(one_line(f"overclaim: {error}"), err=True)
        if self.verbose:
            for path, reason in report.skipped:
                click.echo(one_line(f"skipped {path}: {reason}"), err=True)
            click.echo(f"{report.files} files checked, {len(report.skipped)} passed over", err=True)

    def show(self, pipeline: Pipeline, report: Report) -> None:
        """Print the report, or write it to the output file."""
        color = use_color(self.color) and not self.output_file
        described = self.output_format in ("sarif", "html")
        options = OutputOptions(
            output_format=self.output_format,
            version=__version__,
            rulebook=pipeline.rulebook if described else None,
            settings=pipeline.settings if self.output_format == "html" else None,
            root=repository_root(Path.cwd()),
            fail_on=self.fail_on or pipeline.settings.fail_on,
            quiet=self.quiet,
            statistics=self.statistics,
            color=color,
        )
        output = render(report, options)
        if self.output_file:
            _write_report(self.output_file, output)
        elif output:
            click.echo(output, color=color)


def _say_stale(stale: list[dict], baseline: Path | None) -> None:
    if not stale:
        return
    click.echo(
        f"{len(stale)} baseline entries no longer match a finding "
        f"(refresh {baseline} with --write-baseline):",
        err=True,
    )
    for entry in stale:
        where = f"{entry.get('path')} [{entry.get('rule')}] {excerpt(entry.get('text'), 60)}"
        click.echo(one_line(f"  stale: {where}"), err=True)


def use_color(choice: str = "auto") -> bool:
    """Whether to colour the output: always, never, or (auto) when FORCE_COLOR is set or
    standard output is a terminal and NO_COLOR is not set."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


class _ProgressBar:
    """A progress bar on stderr, shown on a terminal when many files are checked."""

    MIN_FILES = 20

    def __init__(self) -> None:
        self.bar: Any = None

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None and total >= self.MIN_FILES:
            self.bar = click.progressbar(length=total, label="checking", file=sys.stderr)
            self.bar.__enter__()
        if self.bar is not None:
            self.bar.update(done)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


@contextlib.contextmanager
def _progress_bar():
    if not sys.stderr.isatty():
        yield None
        return
    bar = _ProgressBar()
    try:
        yield bar
    finally:
        bar.close()


def _write_report(path: Path, output: str) -> None:
    try:
        write_output(path, (output + "\n").encode("utf-8", "surrogateescape"))
    except OSError as exc:
        raise OverclaimError(f"{path}: cannot write report: {exc.strerror or exc}") from None


def exit_code(severities: list[str], fail_on: str) -> int:
    """1 when some finding is at or above the failing severity, else 0."""
    if fail_on == "never":
        return 0
    threshold = SEVERITY_RANK[fail_on]
    return 1 if any(SEVERITY_RANK[s] >= threshold for s in severities) else 0


@main.command(name="rules")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text")
@config_options
def list_rules(output_format, config, rulebooks, select, ignore, model_dir, no_model) -> None:
    """List the rules in use: id, category, severity and summary."""
    try:
        rules = _rulebook(config, rulebooks, select, ignore, model_dir, no_model).rules
    except OverclaimError as exc:
        _fail(exc)
    if output_format == "json":
        rows = [
            {"id": r.id, "category": r.category, "severity": r.severity, "summary": r.summary}
            for r in rules
        ]
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    width = max((len(r.id) for r in rules), default=0)
    for r in sorted(rules, key=lambda r: r.id):
        click.echo(f"{r.id:<{width}}  {r.category:<14}  {r.severity:<7}  {r.summary}")


def _rulebook(config, rulebooks, select, ignore, model_dir=None, no_model=False):
    """The rules in use, as the configuration and these options choose them."""
    from lint.rulebook.selection import rulebook_for

    settings = resolve_settings(Path.cwd(), config, rulebooks, select, ignore, model_dir, no_model)
    return rulebook_for(settings)


@main.command()
@click.argument("rule_id", required=False)
@click.option("--text", help="Explain what overclaim makes of this sentence instead.")
@config_options
def explain(rule_id, text, config, rulebooks, select, ignore, model_dir, no_model) -> None:
    """Explain a rule (message, rationale, references, examples), or, with --text, one
    sentence: the rules that matched, the model's scores and the words that moved them."""
    try:
        if text is not None:
            settings = resolve_settings(
                Path.cwd(), config, rulebooks, select, ignore, model_dir, no_model
            )
            click.echo(_explain_sentence(Pipeline(settings), text))
            return
        if rule_id is None:
            raise OverclaimError("name a rule (see `overclaim rules`) or give --text")
        rule = _rulebook(config, rulebooks, select, ignore).rule(rule_id)
    except OverclaimError as exc:
        _fail(exc)
    except KeyError:
        _fail(OverclaimError(f"unknown rule '{rule_id}' (see `overclaim rules`)"))
    click.echo(f"{rule.id} ({rule.category}, {rule.severity})")
    click.echo(f"\n{rule.summary}")
    if rule.why:
        click.echo(f"\nWhy:\n  {rule.why}")
    sections = (
        ("References", rule.refs),
        ("Advice", rule.suggest),
        ("Flagged", rule.flag_examples),
        ("Not flagged", rule.pass_examples),
    )
    for title, items in sections:
        if items:
            click.echo(f"\n{title}:")
            click.echo("\n".join(f"  - {item}" for item in items))
    click.echo(f"\nDefined at {rule.source}")


def _explain_sentence(pipeline: Pipeline, text: str) -> str:
    """The rules' matches, the model's scores and the findings of one sentence, as text."""
    lines = [f"Sentence: {text}", "", "Rules that match:"]
    matches = pipeline.linter.explain(text)
    lines += [f"  {rule}  “{words}”: {verdict}" for rule, words, verdict in matches] or ["  none"]
    model = pipeline.claim_model()
    lines.append("")
    if model is None:
        lines.append("Claim model: switched off")
    else:
        linear, score = pipeline.linter.model_scores(text) or (0.0, 0.0)
        keep, alone = model.thresholds["keep_rule"], model.thresholds["flag_alone"]
        lines.append(
            f"Claim model: P(overclaim) = {score:.2f} (rules' findings kept from {keep:.2f}; "
            f"a sentence no rule flags is flagged from {alone:.2f} if it reads as promotion)"
        )
        if model.encoder is None:
            lines.append(f"  read by the linear model alone ({linear:.2f})")
        elif score != linear:
            lines.append(
                f"  the linear model gives {linear:.2f}, which leaves it in doubt: "
                f"the encoder (a fine-tuned transformer) read it and gives {score:.2f}"
            )
        else:
            lines.append(
                f"  the linear model gives {linear:.2f}, too sure for the encoder to read it"
            )
        shares = model.category_probabilities(text)
        ranked = sorted(shares.items(), key=lambda item: -item[1])
        lines.append("  categories: " + ", ".join(f"{c} {p:.2f}" for c, p in ranked))
        parts = sorted(model.contributions(text), key=lambda c: -abs(c.weight))[:8]
        moved = ", ".join(f"{c.word} {c.weight:+.2f}" for c in parts)
        lines.append(f"  words that moved the linear score most: {moved}")
    lines += ["", "Findings:"]
    findings = pipeline.check_text(text)
    for f in findings:
        confidence = f", {f.confidence:.2f}" if f.confidence is not None else ""
        lines.append(f"  {f.severity} [{f.rule}] ({f.source}{confidence}) {f.message}")
    if not findings:
        lines.append("  none")
    return "\n".join(lines)


@main.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="The folder to write the model into.",
)
@click.option(
    "--with-shipped-data",
    is_flag=True,
    help="Train on the labelled copy the shipped model was trained on, as well as FILES.",
)
@click.option("--seed", default=13, show_default=True, help="The seed of the solver.")
@click.option(
    "--encoder",
    is_flag=True,
    help="Fine-tune the transformer that reads the sentences in doubt too (minutes; needs "
    "pip install 'overclaim[encoder]').",
)
def train(files, output, with_shipped_data, seed, encoder) -> None:
    """Train a claim model on labelled JSON Lines files (the claims guide's record format)."""
    from lint.evaluation import load_records
    from lint.model.training import shipped_corpus
    from lint.model.training import train as train_model
    from lint.rulebook.loading import load_rulebook

    try:
        paths = [*(shipped_corpus() if with_shipped_data else []), *files]
        if not paths:
            raise OverclaimError("give labelled files to train on, or --with-shipped-data")
        records = [record for path in paths for record in load_records(path)]
        categories = list(load_rulebook().categories)
        sources = [p.name for p in paths]
        manifest = train_model(records, output, categories, seed, sources, encoder)
    except OverclaimError as exc:
        _fail(exc)
    trained = manifest["training"]
    click.echo(
        f"trained on {trained['sentences']} sentences ({trained['overclaims']} overclaims) "
        f'into {output}; use it with --model {output} or model = "{output}"'
    )


@main.command(name="test-rules")
@click.argument("rulebooks", nargs=-1, type=click.Path(path_type=Path))
@click.option("--config", type=click.Path(path_type=Path), help="Configuration file to use.")
def test_rules(rulebooks, config) -> None:
    """Run every rule's flag:/pass: examples and report failures."""
    from lint.selftest import run_examples

    try:
        settings = resolve_settings(Path.cwd(), config, rulebooks, (), ())
        results = run_examples(Pipeline(settings))
    except OverclaimError as exc:
        _fail(exc)
    failed = [r for r in results if not r.ok]
    for result in failed:
        click.echo(f"FAIL {result.rule_id} ({result.kind}): {result.sentence}")
        click.echo(f"     found: {', '.join(result.found) or 'nothing'}")
    click.echo(f"{len(results) - len(failed)} passed, {len(failed)} failed")
    sys.exit(1 if failed else 0)


@main.command(name="eval")
@click.argument("dataset", type=click.Path(path_type=Path))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text")
@click.option(
    "--show-errors", is_flag=True, help="List the fused detector's false alarms and misses."
)
@config_options
def evaluate_command(
    dataset, output_format, show_errors, config, rulebooks, select, ignore, model_dir, no_model
):
    """Precision, recall and F1 on a labelled JSON Lines set: the rules alone, the claim
    model alone and both together, side by side."""
    from lint.evaluation import evaluate, evaluate_model, load_records, render_side_by_side

    try:
        settings = resolve_settings(
            Path.cwd(), config, rulebooks, select, ignore, model_dir, no_model
        )
        records = load_records(dataset)
        fused = Pipeline(settings)
        columns = {"rules": evaluate(records, Pipeline(replace(settings, model=False)))}
        model = fused.claim_model()
        if model is not None:
            columns["model"] = evaluate_model(records, model, columns["rules"].categories)
            columns["both"] = evaluate(records, fused)
    except OverclaimError as exc:
        _fail(exc)
    final = list(columns.values())[-1]
    if output_format == "json":
        click.echo(json.dumps({name: s.to_dict() for name, s in columns.items()}, indent=2))
        return
    click.echo(render_side_by_side(columns))
    if show_errors:
        click.echo(final.render(show_errors=True).split("\n\nfalse positives:", 1)[-1])


@main.command()
def server() -> None:
    """Run the language server on standard input and output (for editors)."""
    try:
        from lint.server.protocol import serve
    except ImportError as exc:
        _fail(OverclaimError(f"the language server needs {exc.name}: pip install overclaim"))
    serve()


def _fail(exc: Exception) -> None:
    click.echo(one_line(f"overclaim: {exc}"), err=True)
    sys.exit(2)
