"""How fast `overclaim server` answers on a 2,000-word document.

Usage: python bench/server.py [ROUNDS]   (default 10)
Starts the real server over stdio, as an editor would, and opens a 2,000-word Markdown page:
the sample pages, topped up with consumer-health text from ../shared/bench/medquad_1m.txt
when it is there. Prints the time to the first diagnostics (the language model loads in the
background from `initialize` on), then the time to pull the diagnostics of a new version
(ROUNDS versions, each with one sentence changed so nothing is served from memory), and the
time from an edit to its diagnostics, which includes the 300 ms pause the server waits for
the typing to stop.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "bench" / "medquad_1m.txt"
WORDS = 2000
GOAL_MS = 300


def document() -> tuple[str, str]:
    """A 2,000-word page, and where its words came from."""
    paragraphs = [
        p.strip()
        for sample in sorted((ROOT / "samples").glob("*"))
        for p in sample.read_text(encoding="utf-8").split("\n\n")
        if p.strip() and not p.lstrip().startswith("<")
    ]
    origin = "samples/"
    if CORPUS.is_file():
        with CORPUS.open(encoding="utf-8") as corpus:
            head = corpus.read(400_000)
        paragraphs += [p.strip() for p in head.split("\n\n") if p.strip()]
        origin += f" and {CORPUS.relative_to(ROOT.parent)}"
    else:
        origin += " (repeated: ../shared/bench is not there)"
    out, count = [], 0
    while count < WORDS:
        for paragraph in paragraphs:
            words = paragraph.split()
            if count + len(words) > WORDS:
                words = words[: WORDS - count]
            out.append(" ".join(words))
            count += len(words)
            if count >= WORDS:
                break
    return "\n\n".join(out) + "\n", origin


def capabilities() -> types.ClientCapabilities:
    """A client that pulls diagnostics, in UTF-16 positions."""
    return types.ClientCapabilities(
        text_document=types.TextDocumentClientCapabilities(
            diagnostic=types.DiagnosticClientCapabilities()
        ),
        workspace=types.WorkspaceClientCapabilities(configuration=False),
    )


async def pull(client: LanguageClient, uri: str) -> tuple[float, int]:
    """Milliseconds to the diagnostics of ``uri``, and how many there were."""
    began = time.perf_counter()
    report = await client.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri))
    )
    items = getattr(report, "items", [])
    return (time.perf_counter() - began) * 1000, len(items)


def variant(text: str, round: int) -> str:
    """The page with its first sentence changed, so no earlier result fits."""
    return f"Visit number {round + 1} of our page. " + text


async def measure(rounds: int) -> int:
    text, origin = document()
    command = [str(Path(sys.executable).parent / "overclaim"), "server"]
    client = LanguageClient("overclaim-bench", "1")
    await client.start_io(*command)
    await client.initialize_async(
        types.InitializeParams(capabilities=capabilities(), root_uri=ROOT.as_uri())
    )
    client.initialized(types.InitializedParams())

    def open_page(uri: str, body: str) -> None:
        item = types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=body)
        client.text_document_did_open(types.DidOpenTextDocumentParams(item))

    open_page("untitled:bench-0.md", text)
    first, found = await pull(client, "untitled:bench-0.md")
    later = []
    for round in range(rounds):
        uri = f"untitled:bench-{round + 1}.md"
        open_page(uri, variant(text, round))
        later.append((await pull(client, uri))[0])
    edits = []
    for version in range(2, 2 + max(3, rounds // 3)):
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(version=version, uri="untitled:bench-0.md"),
                [types.TextDocumentContentChangeWholeDocument(text=variant(text, 100 + version))],
            )
        )
        edits.append((await pull(client, "untitled:bench-0.md"))[0])
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()

    median = statistics.median(later)
    print(f"document:       {len(text.split()):,} words, Markdown ({origin}); {found} findings")
    print(f"first answer:   {first:,.0f} ms (the model loads in the background from initialize)")
    print(
        f"later answers:  median {median:,.0f} ms, slowest {max(later):,.0f} ms over {rounds} "
        f"new versions (goal: under {GOAL_MS} ms)"
    )
    print(
        f"edit to answer: median {statistics.median(edits):,.0f} ms "
        "(includes the 300 ms pause after typing)"
    )
    return 0 if median < GOAL_MS else 1


def main(argv: list[str]) -> int:
    rounds = int(argv[0]) if argv else 10
    return asyncio.run(measure(rounds))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
