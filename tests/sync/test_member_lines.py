"""A member of a sync file read line by line (``Opened.member_lines``): split here from
chunks, each line with its newline, none longer than the cap, whatever the chunk bounds."""

from __future__ import annotations

import io
import zipfile

import pytest

import app.sync.archive as archive_module
from app.core.errors import DomainError
from app.sync.archive import LIMITS, Opened


def opened(data: bytes) -> Opened:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("member", data, zipfile.ZIP_DEFLATED)
    return Opened(zipfile.ZipFile(buffer), b"{}", "", set(), LIMITS)


@pytest.fixture(params=[3, 7, 1 << 20], ids=["chunks-of-3", "chunks-of-7", "chunks-of-1MiB"])
def chunk(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(archive_module, "READ_CHUNK", request.param)
    return request.param


def test_lines_come_whole_with_their_newlines(chunk: int) -> None:
    data = b'{"a":1}\n{"b":"\xe5\x8d\xa0\xe9\x81\x93"}\n\n{"c":3}'
    assert list(opened(data).member_lines("member", 100)) == [
        b'{"a":1}\n',
        b'{"b":"\xe5\x8d\xa0\xe9\x81\x93"}\n',
        b"\n",
        b'{"c":3}',  # the last line, without a newline
    ]


def test_an_empty_member_has_no_lines(chunk: int) -> None:
    assert list(opened(b"").member_lines("member", 10)) == []


def test_a_line_of_exactly_the_cap_passes(chunk: int) -> None:
    # ten bytes with the newline: the cap counts it, as readline(cap + 1) did
    data = b"123456789\n" + b"abcdefghij"
    assert list(opened(data).member_lines("member", 10)) == [b"123456789\n", b"abcdefghij"]


@pytest.mark.parametrize("data", [b"1234567890\nok\n", b"ok\n12345678901", b"ok\n" + b"x" * 50])
def test_a_line_longer_than_the_cap_is_refused(chunk: int, data: bytes) -> None:
    with pytest.raises(DomainError) as refused:
        list(opened(data).member_lines("member", 10))
    assert refused.value.code == "sync_limits"
    assert "a line too long" in str(refused.value)
