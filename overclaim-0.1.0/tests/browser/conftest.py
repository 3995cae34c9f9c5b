"""Reports written by the real command and opened in Debian's Chromium through Playwright.

The browser is never downloaded: the tests skip, saying why, when /usr/bin/chromium or
Playwright for Python is not installed (.ci/run installs both).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.browser.chromium import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
HOSTILE_FILES = {
    "hostile.txt": (
        "Our tea cures insomnia <script>window.__pwned = 1; alert(1)</script> for good.\n\n"
        '"><img src=x onerror="window.__pwned = 2; alert(2)"> Our balm is 100% safe '
        "&amp; works within hours &lt;script&gt;alert(3)&lt;/script&gt;.\n\n"
        "Ketamine treatment offers high efficacy for OCD \u2028 </script><script>"
        "window.__pwned = 3</script> even where nothing else helped.\n"
    ),
    "hostile.md": (
        '# Relief <img src=x onerror="window.__pwned = 4">\n\n'
        "Our drips deliver **instant relief** from hangovers "
        "`<script>window.__pwned = 5</script>` and <b onmouseover=alert(5)>more</b>.\n"
    ),
    "hostile.html": (
        "<p>Our cream cures eczema &lt;script&gt;window.__pwned = 6&lt;/script&gt; "
        "&quot;&gt;&lt;img src=x onerror=alert(6)&gt; fast.</p>\n"
    ),
    '"><img src=x onerror=alert(7)>.txt': "This serum cures acne overnight.\n",
}


@dataclass
class Written:
    """A report written by `overclaim check --format html` and the same run's JSON."""

    path: Path
    data: dict[str, Any]
    texts: dict[str, str] = field(default_factory=dict)

    @property
    def findings(self) -> list[dict[str, Any]]:
        return self.data["findings"]


def write_report(folder: Path, files: dict[str, str]) -> Written:
    """Write ``files`` under ``folder``/site and check them: the HTML and the JSON report."""
    site = folder / "site"
    site.mkdir(parents=True)
    for name, text in files.items():
        (site / name).write_text(text, encoding="utf-8")
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600", "NO_COLOR": "1"}
    command = [sys.executable, "-m", "lint", "check", "--no-cache", "site"]
    out = folder / "review.html"
    for extra in (["--format", "html", "--output-file", str(out)], ["--format", "json"]):
        result = subprocess.run(
            [*command, *extra], cwd=folder, env=env, capture_output=True, text=True, timeout=300
        )
        assert result.returncode in (0, 1), result.stderr
    data = json.loads(result.stdout)
    texts = {f"site/{name}": text for name, text in files.items()}
    return Written(out, data, texts)


@pytest.fixture(scope="session")
def samples_report(tmp_path_factory) -> Written:
    files = {p.name: p.read_text(encoding="utf-8") for p in sorted(SAMPLES.iterdir())}
    return write_report(tmp_path_factory.mktemp("samples"), files)


@pytest.fixture(scope="session")
def hostile_report(tmp_path_factory) -> Written:
    return write_report(tmp_path_factory.mktemp("hostile"), HOSTILE_FILES)


@pytest.fixture(scope="session")
def many_files_report(tmp_path_factory) -> Written:
    """Twelve pages with findings: more than the report opens by default."""
    page = (SAMPLES / "ketamine-ocd-clinic.txt").read_text(encoding="utf-8")
    files = {f"page-{n:02}.txt": page for n in range(12)}
    return write_report(tmp_path_factory.mktemp("many"), files)


# Per module, not per session: Playwright runs an event loop in this thread while it is open,
# and the language server's asyncio tests that come later need the thread's loop free.
@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(
            f"{CHROMIUM} is not installed (apt-get install chromium): no browser to test in"
        )
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="Playwright for Python is not installed (.[test] extra)"
    )
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Opened:
    """A report open in a page, with what the page did: errors, dialogs, requests."""

    page: Any
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def visible_tags(self) -> int:
        """The number of findings whose label shows."""
        return self.page.evaluate(
            "Array.from(document.querySelectorAll('button.tag'))"
            ".filter(b => b.getClientRects().length > 0).length"
        )


@pytest.fixture
def open_report(browser) -> Iterator[Callable[..., Opened]]:
    contexts = []

    def open_(written: Written, fragment: str = "", **options: Any) -> Opened:
        from playwright.sync_api import expect

        context = browser.new_context(viewport={"width": 1100, "height": 900}, **options)
        contexts.append(context)
        page = context.new_page()
        opened = Opened(page)
        page.on("pageerror", lambda error: opened.errors.append(str(error)))
        page.on(
            "console",
            lambda message: opened.errors.append(message.text) if message.type == "error" else None,
        )

        def dialog(d):
            opened.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", dialog)
        page.on("request", lambda request: opened.requests.append(request.url))
        page.goto(written.path.as_uri() + fragment)
        expect(page.locator("html")).to_have_attribute("data-ready", "true")
        return opened

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def axe_script() -> Path:
    sys.path.insert(0, str(Path(__file__).parent))
    try:
        from axe import axe_script as fetch
    finally:
        sys.path.pop(0)
    script = fetch()
    if script is None:
        pytest.skip("npm is not installed: axe-core cannot be fetched")
    return script
