"""The `overclaim` command line: a thin layer over the Python API."""

from __future__ import annotations

import contextlib
import functools
import gc
import json
import os
import sys
from dataclasses import replace
from pathlib import Path

import click

from lint import __version__
from lint.pipeline import Report, RunOptions, build_linter, check_paths, check_sources
from lint.output.atomic import write_atomically
from lint.filters.baseline import apply_baseline, read_baseline
from lint.filters.baseline import write_baseline as write_baseline_file
from lint.config import FAIL_ON, Settings, find_config, load_settings
from lint.data import SEVERITY_RANK, OverclaimError, SourceText
from lint.run.parallel import default_jobs
from lint.output.text import render_json, render_statistics, render_text
from lint.input.reading import decode, format_for


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
    ]
    for option in reversed(options):
        command = option(command)
    return command


def resolve_settings(start: Path, config: Path | None, rulebooks, select, ignore) -> Settings:
    """The project configuration, with command-line flags on top."""
    settings = load_settings(config or find_config(start))
    for path in rulebooks:
        if not path.exists():
            raise OverclaimError(f"{path}: rulebook path not found")
    return replace(
        settings,
        extend=(*settings.extend, *(p.resolve() for p in rulebooks)),
        select=_split(select) or settings.select,
        ignore=(*settings.ignore, *_split(ignore)),
    )


FORMATS = ("text", "json", "sarif", "github", "junit", "gitlab")


@main.command()
@click.argument("paths", nargs=-1, required=True)
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
    type=click.FloatRange(min=0, min_open=True),
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
@config_options
def check(paths, **options) -> None:
    """Lint files and folders of .txt, .md and .html copy ('-' reads standard input)."""
    try:
        run = _run_check(paths, **options)
    except OverclaimError as exc:
        _fail(exc)
    except KeyboardInterrupt:
        click.echo("overclaim: interrupted", err=True)
        sys.exit(130)
    sys.exit(run)


def _run_check(
    paths,
    output_format,
    output_file,
    fail_on,
    statistics,
    quiet,
    baseline,
    write_baseline,
    stdin_filename,
    report_unused_suppressions,
    verbose,
    jobs,
    no_cache,
    encoding,
    max_file_size,
    fix,
    unsafe_fixes,
    diff,
    config,
    rulebooks,
    select,
    ignore,
) -> int:
    start = Path(stdin_filename or ".") if paths == ("-",) else Path(paths[0])
    settings = resolve_settings(start, config, rulebooks, select, ignore)

    @functools.cache
    def linter():
        """The compiled linter, loaded only when something needs it (a warm run may not)."""
        return build_linter(settings, settings.root)

    if fix or diff:
        if "-" in paths:
            raise OverclaimError("--fix and --diff work on files, not on standard input")
        return _run_fix(
            paths, settings, linter(), unsafe_fixes, diff, output_format, quiet, fail_on, encoding
        )
    if "-" in paths:
        report = _check_stdin(
            paths, stdin_filename, settings, linter(), report_unused_suppressions, encoding
        )
    else:
        with _progress_bar(paths) as progress:
            options = RunOptions(
                report_unused_suppressions=report_unused_suppressions,
                jobs=jobs or default_jobs(),
                cache_root=settings.root,
                cache_results=not no_cache,
                progress=progress,
                encoding=encoding,
                max_bytes=int(max_file_size * 1048576),
            )
            report = check_paths(list(paths), settings, None, options)
    for notice in report.notices:
        click.echo(f"overclaim: {notice}", err=True)
    for error in report.errors:
        click.echo(f"overclaim: {error}", err=True)
    if verbose:
        for path, reason in report.skipped:
            click.echo(f"skipped {path}: {reason}", err=True)
        click.echo(f"{report.files} files checked, {len(report.skipped)} passed over", err=True)
    if write_baseline:
        write_baseline_file(write_baseline, report.findings, report.texts)
        click.echo(f"wrote {len(report.findings)} findings to {write_baseline}", err=True)
        return 0
    findings = report.findings
    if baseline:
        result = apply_baseline(findings, report.texts, read_baseline(baseline), set(report.texts))
        findings = result.new
        if result.stale:
            click.echo(
                f"{len(result.stale)} baseline entries no longer match a finding "
                f"(refresh {baseline} with --write-baseline):",
                err=True,
            )
            for entry in result.stale:
                click.echo(
                    f"  stale: {entry.get('path')} [{entry.get('rule')}] {entry.get('text')!r}",
                    err=True,
                )
    if report.errors and not report.files:
        return 2  # nothing was checked: the error lines say why
    output = _render(output_format, report, findings, linter, quiet, statistics)

    if output_file:
        _write_report(output_file, output)
    elif output:
        click.echo(output, color=_use_color())
    if report.errors:
        return 2
    return exit_code([f.severity for f in findings], fail_on or settings.fail_on)


def _run_fix(paths, settings, linter, unsafe, diff, output_format, quiet, fail_on, encoding) -> int:
    """--fix: rewrite files in place, then report what is left; --diff: print, write nothing."""
    from lint.output.fixer import fix_file, unified_diff
    from lint.input.reading import discover

    found = discover(list(paths), excluded=settings.excluded)
    files, errors = found.files, list(found.errors)
    fixed, remaining, texts, changes = 0, [], {}, 0
    for path in files:
        try:
            result = fix_file(path, linter, unsafe, write=not diff, encoding=encoding)
        except OverclaimError as exc:
            errors.append(str(exc))
            continue
        if diff:
            patch = unified_diff(str(path), result.before, result.after)
            if patch:
                click.echo(patch, nl=False)
                changes += 1
            continue
        fixed += result.applied
        remaining += result.remaining
        texts[str(path)] = result.after
    for error in errors:
        click.echo(f"overclaim: {error}", err=True)
    if diff:
        return 2 if errors else (1 if changes else 0)
    click.echo(f"applied {fixed} fix{'es' if fixed != 1 else ''}", err=True)
    report = Report(files=len(files), findings=remaining, texts=texts)
    output = _render(output_format, report, remaining, lambda: linter, quiet, False)
    if output:
        click.echo(output, color=_use_color())
    if errors:
        return 2
    return exit_code([f.severity for f in remaining], fail_on or settings.fail_on)


def _render(output_format, report, findings, linter, quiet, statistics) -> str:
    """The report in the chosen format; ``linter()`` gives the rules (SARIF needs them)."""
    if output_format == "json":
        return render_json(report.files, findings, __version__)
    from lint.output.ci import render_github, render_gitlab, render_junit, render_sarif

    if output_format == "sarif":
        return render_sarif(findings, linter().rules, __version__)
    if output_format == "github":
        return render_github(findings)
    if output_format == "junit":
        return render_junit(findings, list(report.texts))
    if output_format == "gitlab":
        return render_gitlab(findings)
    if statistics:
        return render_statistics(report.files, findings)
    return render_text(report.files, findings, report.texts, quiet=quiet, color=_use_color())


def _use_color() -> bool:
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


class _ProgressBar:
    """A progress bar on stderr, shown on a terminal when many files are checked."""

    MIN_FILES = 20

    def __init__(self) -> None:
        self.bar = None

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
def _progress_bar(paths):
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
        write_atomically(path, (output + "\n").encode("utf-8"))
    except OSError as exc:
        raise OverclaimError(f"{path}: cannot write report: {exc.strerror or exc}") from None


def _check_stdin(paths, stdin_filename, settings, linter, report_unused, encoding) -> Report:
    if paths != ("-",):
        raise OverclaimError("'-' (standard input) cannot be combined with other paths")
    name = stdin_filename or "-"
    source = SourceText(
        path=name, text=decode(sys.stdin.buffer.read(), name, encoding), format=format_for(name)
    )
    options = RunOptions(report_unused_suppressions=report_unused)
    findings = check_sources([source], settings, linter, options)
    return Report(files=1, findings=findings, texts={name: source.text})


def exit_code(severities: list[str], fail_on: str) -> int:
    """1 when some finding is at or above the failing severity, else 0."""
    if fail_on == "never":
        return 0
    threshold = SEVERITY_RANK[fail_on]
    return 1 if any(SEVERITY_RANK[s] >= threshold for s in severities) else 0


@main.command(name="rules")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text")
@config_options
def list_rules(output_format, config, rulebooks, select, ignore) -> None:
    """List the rules in use: id, category, severity and summary."""
    try:
        rules = resolve_settings(Path.cwd(), config, rulebooks, select, ignore).rulebook().rules
    except OverclaimError as exc:
        _fail(exc)
    if output_format == "json":
        rows = [
            {"id": r.id, "category": r.category, "severity": r.severity, "summary": summary(r)}
            for r in rules
        ]
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    width = max((len(r.id) for r in rules), default=0)
    for r in sorted(rules, key=lambda r: r.id):
        click.echo(f"{r.id:<{width}}  {r.category:<14}  {r.severity:<7}  {summary(r)}")


def summary(rule) -> str:
    """A rule's one-line summary: its message without the matched words."""
    return rule.message.replace("{match}", "…")


@main.command()
@click.argument("rule_id")
@config_options
def explain(rule_id, config, rulebooks, select, ignore) -> None:
    """Explain a rule: message, rationale, references, suggestions, examples."""
    try:
        rulebook = resolve_settings(Path.cwd(), config, rulebooks, select, ignore).rulebook()
        rule = rulebook.rule(rule_id)
    except OverclaimError as exc:
        _fail(exc)
    except KeyError:
        _fail(OverclaimError(f"unknown rule '{rule_id}' (see `overclaim rules`)"))
    click.echo(f"{rule.id} ({rule.category}, {rule.severity})")
    click.echo(f"\n{summary(rule)}")
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


@main.command(name="test-rules")
@click.argument("rulebooks", nargs=-1, type=click.Path(path_type=Path))
@click.option("--config", type=click.Path(path_type=Path), help="Configuration file to use.")
def test_rules(rulebooks, config) -> None:
    """Run every rule's flag:/pass: examples and report failures."""
    from lint.selftest import run_examples

    try:
        settings = resolve_settings(Path.cwd(), config, rulebooks, (), ())
        results = run_examples(settings.rulebook())
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
@click.option("--show-errors", is_flag=True, help="List false positives and false negatives.")
@config_options
def evaluate_command(dataset, output_format, show_errors, config, rulebooks, select, ignore):
    """Precision, recall and F1 on a labelled JSON Lines set."""
    from lint.engine.linter import Linter
    from lint.evaluation import evaluate, load_records

    try:
        settings = resolve_settings(Path.cwd(), config, rulebooks, select, ignore)
        scores = evaluate(load_records(dataset), Linter(settings.rulebook()))
    except OverclaimError as exc:
        _fail(exc)
    if output_format == "json":
        click.echo(json.dumps(scores.to_dict(), indent=2))
        return
    click.echo(scores.render(show_errors=show_errors))


def _fail(exc: Exception) -> None:
    click.echo(f"overclaim: {exc}", err=True)
    sys.exit(2)
