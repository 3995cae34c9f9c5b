"""Reading input: only regular files, never more than the size limit, any Unicode encoding."""

from __future__ import annotations

import os

import pytest

from lint.data import OverclaimError
from lint.input.reading import Skipped, read_bytes, read_text_file, text_file

TEXT = "Our tea cures insomnia. Café au lait.\n"


@pytest.mark.parametrize(
    ("data", "codec"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8"),
        (b"\xff\xfe" + TEXT.encode("utf-16-le"), "utf-16-le"),
        (b"\xfe\xff" + TEXT.encode("utf-16-be"), "utf-16-be"),
        (b"\xff\xfe\x00\x00" + TEXT.encode("utf-32-le"), "utf-32-le"),
    ],
)
def test_byte_order_marks_pick_the_encoding_and_round_trip(tmp_path, data, codec):
    file = text_file(tmp_path / "p.txt", data)
    assert file.source.text == TEXT and file.encoding == codec
    assert file.encode(file.source.text) == data


def test_binary_files_are_skipped_and_latin_1_round_trips(tmp_path):
    with pytest.raises(Skipped):
        text_file(tmp_path / "p.txt", b"\x89PNG\r\n\x00\x00")
    latin = TEXT.encode("latin-1")
    file = text_file(tmp_path / "p.txt", latin, "latin-1")
    assert file.encode(file.source.text.replace("cures", "may ease")) == latin.replace(
        b"cures", b"may ease"
    )


def test_special_files_are_refused_without_reading(tmp_path):
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    with pytest.raises(OverclaimError, match="not a regular file"):
        read_bytes(fifo)
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    with pytest.raises(OverclaimError, match="not a regular file"):
        read_text_file(link)


def test_reads_are_bounded(tmp_path):
    page = tmp_path / "big.txt"
    page.write_bytes(b"a" * 2048)
    assert len(read_bytes(page, max_bytes=4096)) == 2048
    with pytest.raises(OverclaimError, match="over the size limit"):
        read_bytes(page, max_bytes=1024)
