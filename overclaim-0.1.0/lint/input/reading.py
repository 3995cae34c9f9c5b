"""Read input files as decoded text, refusing what is not text."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from lint.data import OverclaimError, SourceText

FORMATS_BY_SUFFIX = {
    ".txt": "plain",
    ".text": "plain",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}


def format_for(path: str | Path) -> str:
    """The format a file is read as, from its extension (unknown types are plain text)."""
    return FORMATS_BY_SUFFIX.get(os.path.splitext(path)[1].lower(), "plain")


DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# Byte-order marks, longest first (a UTF-32 LE mark starts like a UTF-16 LE one).
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_UTF8_NAMES = frozenset({"utf-8", "utf8", "utf_8", "utf-8-sig", "utf_8_sig"})


class Skipped(Exception):
    """A file that is passed over with a notice rather than an error (a binary file)."""


@dataclass(frozen=True)
class TextFile:
    """A file as read: its decoded source, its bytes, and how to encode a new text for it."""

    path: Path
    source: SourceText
    raw: bytes
    encoding: str  # the codec its text was decoded with, without the byte-order mark
    bom: bytes = b""
    identity: tuple[int, int] | None = None  # device and inode when it was read

    def encode(self, text: str) -> bytes:
        """``text`` in the file's own encoding, with its byte-order mark."""
        try:
            return self.bom + text.encode(self.encoding)
        except UnicodeEncodeError:
            raise OverclaimError(
                f"{self.path}: the new text cannot be written as {self.encoding}"
            ) from None


def sniff(data: bytes, encoding: str = "utf-8") -> tuple[str, bytes]:
    """The codec to decode ``data`` with, and its byte-order mark: UTF-8, UTF-16 and UTF-32
    marks are recognised when the encoding asked for is UTF-8."""
    if encoding.lower() not in _UTF8_NAMES:
        return encoding, b""
    for mark, codec in _BOMS:
        if data.startswith(mark):
            return codec, mark
    return "utf-8", b""


def decode(data: bytes, path: str, encoding: str = "utf-8") -> str:
    """Decoded text without its byte-order mark; line endings are kept as they are."""
    codec, bom = sniff(data, encoding)
    try:
        text = data[len(bom) :].decode(codec)
    except UnicodeDecodeError as exc:
        at = len(bom) + exc.start
        raise OverclaimError(
            f"{path}: not valid {codec} at byte {at} (0x{data[at]:02x}); "
            "use --encoding to read it as another encoding"
        ) from None
    except LookupError:
        raise OverclaimError(f"unknown encoding '{encoding}'") from None
    if codec not in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise OverclaimError(
                f"{path}: decodes with {codec} to something that is not Unicode text "
                f"(at character {exc.start}); use another --encoding"
            ) from None
    return text[1:] if text.startswith("\ufeff") else text


def display_name(path: str | Path) -> str:
    """A path as findings and messages name it: bytes that are not UTF-8 (possible in file
    names) become U+FFFD, so every output stays valid Unicode."""
    return os.fsdecode(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def read_bytes(path: Path, max_bytes: int | None = DEFAULT_MAX_BYTES) -> bytes:
    """A regular file's bytes (after following links), never more than ``max_bytes``.

    Devices, pipes and sockets are refused without reading from them.
    """
    return read_regular_file(path, max_bytes)[0]


def read_regular_file(
    path: Path, max_bytes: int | None = DEFAULT_MAX_BYTES
) -> tuple[bytes, os.stat_result]:
    """``read_bytes``, and the file's status as it was opened."""
    try:
        handle = os.open(
            path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
        )
    except OSError as exc:
        raise OverclaimError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            raise OverclaimError(f"{path}: not a regular file; not read")
        limit = max_bytes if max_bytes is not None else info.st_size
        if info.st_size > limit:
            raise OverclaimError(_too_large(path, info.st_size, limit))
        chunks, size = [], 0
        while chunk := os.read(handle, 1 << 20):
            chunks.append(chunk)
            size += len(chunk)
            if max_bytes is not None and size > max_bytes:
                raise OverclaimError(_too_large(path, size, max_bytes))
        return b"".join(chunks), info
    except OSError as exc:
        raise OverclaimError(f"{path}: cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(handle)


def _too_large(path: Path, size: int, limit: int) -> str:
    return (
        f"{path}: {size / 1048576:.1f} MB is over the size limit of "
        f"{limit / 1048576:g} MB (raise it with --max-file-size)"
    )


def text_file(
    path: Path,
    data: bytes,
    encoding: str = "utf-8",
    name: str | None = None,
    identity: tuple[int, int] | None = None,
) -> TextFile:
    """Bytes read from ``path`` as a text file (``name`` is how findings name it)."""
    name = display_name(name or path)
    codec, bom = sniff(data, encoding)
    wide = codec.lower().replace("_", "-").startswith(("utf-16", "utf-32", "utf16", "utf32"))
    if b"\x00" in data[:8192] and not wide:
        raise Skipped(f"{name}: skipped, it looks like a binary file")
    text = decode(data, name, encoding)
    return TextFile(path, SourceText(name, text, format_for(name)), data, codec, bom, identity)


def read_text_file(
    path: Path, encoding: str = "utf-8", max_bytes: int | None = DEFAULT_MAX_BYTES
) -> TextFile:
    """A file read and decoded; OverclaimError for what the user must fix, Skipped for binaries."""
    data, info = read_regular_file(path, max_bytes)
    return text_file(path, data, encoding, identity=(info.st_dev, info.st_ino))


@dataclass
class Loaded:
    files: list[TextFile] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    @property
    def sources(self) -> list[SourceText]:
        return [f.source for f in self.files]


def load_files(
    paths: list[Path], encoding: str = "utf-8", max_bytes: int | None = DEFAULT_MAX_BYTES
) -> Loaded:
    """Read every file, collecting errors and notices instead of stopping at the first."""
    loaded = Loaded()
    for path in paths:
        try:
            loaded.files.append(read_text_file(path, encoding, max_bytes))
        except OverclaimError as exc:
            loaded.errors.append(str(exc))
        except Skipped as notice:
            loaded.notices.append(str(notice))
    return loaded
