"""Size and speed of the HTML report on a large run, in headless Chromium.

Usage: python bench/report.py [CORPUS.txt] [--files 2000] [--screenshots docs/]

Splits the corpus (default ../shared/bench/medquad_1m.txt) into --files files of whole
lines, writes `overclaim check --format html` for them, and prints the report's size, how
long the command took, how long Chromium takes to open the page until its script is ready
(median of 3 fresh pages), and how long a filter change takes until the next frame is
painted. A second run adds a marketing sample page to every fifth file: thousands of findings.
With --screenshots, also saves the pictures of the samples' report that README shows.
Needs /usr/bin/chromium and Playwright for Python (pip install -e '.[test]').
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "bench" / "medquad_1m.txt"
sys.path.insert(0, str(ROOT))
from tests.browser.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

# One filter change, timed in the page until the frame after it has been painted.
FILTER = """async ([selector, value]) => {
  const control = document.querySelector(selector);
  const started = performance.now();
  if (control.type === "checkbox") control.checked = !control.checked;
  else control.value = value;
  control.dispatchEvent(new Event("change", {bubbles: true}));
  await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
  return [performance.now() - started, document.getElementById("filter-status").textContent];
}"""


def split(corpus: Path, count: int, folder: Path, extra: list[str] | None = None) -> int:
    """Write the corpus as ``count`` files of whole lines; every fifth one ends with one of
    the pages in ``extra``."""
    lines = corpus.read_text(encoding="utf-8").splitlines()
    folder.mkdir(parents=True)
    size = -(-len(lines) // count)
    for n in range(count):
        text = "\n\n".join(lines[n * size : (n + 1) * size])
        if extra and n % 5 == 0:
            text += "\n\n" + extra[n // 5 % len(extra)]
        (folder / f"page-{n:04}.txt").write_text(text + "\n", encoding="utf-8")
    return count


def write_report(project: Path, paths: list[str]) -> tuple[Path, float]:
    """Run the command; the report's path and the command's wall time."""
    out = project / "review.html"
    command = [sys.executable, "-m", "lint", "check", "--no-cache", "--format", "html"]
    started = time.perf_counter()
    result = subprocess.run(
        [*command, "--output-file", str(out), *paths], cwd=project, capture_output=True, text=True
    )
    elapsed = time.perf_counter() - started
    if result.returncode not in (0, 1):
        sys.exit(f"overclaim failed: {result.stderr.strip()}")
    return out, elapsed


def measure(browser, report: Path) -> dict[str, float | str]:
    """Open times (median of 3 pages) and filter times of one report."""
    opens = []
    for _ in range(3):
        page = browser.new_page()
        started = time.perf_counter()
        page.goto(report.as_uri())
        page.wait_for_selector("html[data-ready='true']", state="attached")
        opens.append(time.perf_counter() - started)
        page.close()
    page = browser.new_page()
    page.goto(report.as_uri())
    page.wait_for_selector("html[data-ready='true']", state="attached")
    figures: dict[str, float | str] = {"open": statistics.median(opens)}
    steps = [
        ("hide warnings", "input[name=severity][value=warning]", None),
        ("show warnings", "input[name=severity][value=warning]", None),
        ("show info", "input[name=severity][value=info]", None),
        ("text 'brain'", "#filter-text", "brain"),
        ("clear text", "#filter-text", ""),
        ("one file", "#filter-file", "1"),
        ("all files", "#filter-file", ""),
    ]
    for name, selector, value in steps:
        took, status = page.evaluate(FILTER, [selector, value])
        figures[f"filter: {name}"] = took / 1000
        figures[f"status: {name}"] = status
    page.close()
    return figures


def screenshots(browser, folder: Path) -> None:
    """The summary, a file with its highlights and an open panel, from the samples' report."""
    with tempfile.TemporaryDirectory() as work:
        project = Path(work)
        (project / "samples").symlink_to(ROOT / "samples")
        report, _ = write_report(project, ["samples"])
        page = browser.new_page(viewport={"width": 980, "height": 700})
        page.goto(report.as_uri())
        page.wait_for_selector("html[data-ready='true']", state="attached")
        page.screenshot(path=str(folder / "report-summary.png"))
        file = page.locator("section.file", has_text="ketamine-ocd-clinic.txt")
        file.evaluate("section => section.scrollIntoView({block: 'start'})")
        page.screenshot(path=str(folder / "report-file.png"))
        file.locator("mark.hl", has_text="high efficacy").first.locator("button.tag").click()
        file.locator(".panel").first.evaluate("panel => panel.scrollIntoView({block: 'center'})")
        page.screenshot(path=str(folder / "report-panel.png"))
        page.close()
    for name in ("report-summary.png", "report-file.png", "report-panel.png"):
        print(f"wrote {folder / name} ({(folder / name).stat().st_size / 1024:.0f} KB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--screenshots", type=Path, help="save the README's pictures here")
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        sys.exit(f"{CHROMIUM} is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    samples = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        if args.screenshots:
            screenshots(browser, args.screenshots)
        for label, extra in (
            ("corpus", None),
            ("corpus + a sample page in every fifth file", samples),
        ):
            with tempfile.TemporaryDirectory() as work:
                project = Path(work)
                split(args.corpus, args.files, project / "site", extra)
                report, took = write_report(project, ["site"])
                size = report.stat().st_size
                figures = measure(browser, report)
            print(f"\n{label}: {args.files} files")
            print(f"  overclaim check --format html: {took:.1f} s, report {size / 1e6:.2f} MB")
            print(
                f"  open in headless Chromium (until the script is ready): {figures['open']:.2f} s"
            )
            for name, value in figures.items():
                if name.startswith("filter: "):
                    status = figures["status: " + name.removeprefix("filter: ")]
                    print(f"  {name:<24} {value * 1000:7.0f} ms   {status}")
        browser.close()
    print(f"\n(cpu count {os.cpu_count()}; times are wall clock, one run each)")


if __name__ == "__main__":
    main()
