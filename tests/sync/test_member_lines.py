"""A member of a sync file read line by line (``Opened.member_lines``; read once while it
is hashed, ``Opened.checked_lines``; both in app/sync/member_lines.py): split here from
chunks, each line with its newline, none longer than the cap, whatever the chunk bounds."""

from __future__ import annotations

import hashlib
import io
import zipfile

import pytest

import app.sync.member_lines as member_lines_module
from app.core.errors import DomainError
from app.sync.archive import LIMITS, Opened


def opened(data: bytes) -> Opened:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("member", data, zipfile.ZIP_DEFLATED)
    return Opened(zipfile.ZipFile(buffer), b"{}", "", set(), LIMITS)


@pytest.fixture(params=[3, 7, 1 << 20], ids=["chunks-of-3", "chunks-of-7", "chunks-of-1MiB"])
def chunk(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(member_lines_module, "READ_CHUNK", request.param)
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


# -- read once, hashed as it is split (``Opened.checked_lines``: the events member) --------


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


MISMATCH = DomainError("sync_damaged", reason="member hash")


def test_checked_lines_are_the_lines_of_a_member_whose_hash_matches(chunk: int) -> None:
    data = b'{"a":1}\n{"b":"\xe5\x8d\xa0\xe9\x81\x93"}\n\n{"c":3}'
    lines = opened(data).checked_lines("member", 1000, 100, sha256_of(data), MISMATCH)
    assert list(lines) == [b'{"a":1}\n', b'{"b":"\xe5\x8d\xa0\xe9\x81\x93"}\n', b"\n", b'{"c":3}']
    exact = b"123456789\n" + b"abcdefghij"  # a line of exactly the cap passes
    given = opened(exact).checked_lines("member", 1000, 10, sha256_of(exact), MISMATCH)
    assert list(given) == [b"123456789\n", b"abcdefghij"]


def test_nothing_is_given_before_the_hash_matches(chunk: int) -> None:
    data = b'{"a":1}\n{"b":2}\n'
    with pytest.raises(DomainError) as refused:
        opened(data).checked_lines("member", 1000, 100, sha256_of(b"other"), MISMATCH)
    assert refused.value is MISMATCH
    # a wrong hash is told before a line too long, as when the member was hashed first
    long_line = b"ok\n" + b"x" * 50
    with pytest.raises(DomainError) as refused:
        opened(long_line).checked_lines("member", 1000, 10, sha256_of(b"other"), MISMATCH)
    assert refused.value is MISMATCH


@pytest.mark.parametrize("data", [b"1234567890\nok\n", b"ok\n12345678901", b"ok\n" + b"x" * 50])
def test_a_line_too_long_is_refused_where_it_comes(chunk: int, data: bytes) -> None:
    lines = opened(data).checked_lines("member", 1000, 10, sha256_of(data), MISMATCH)
    given = []
    with pytest.raises(DomainError) as refused:
        given.extend(lines)
    assert refused.value.code == "sync_limits"
    assert "a line too long" in str(refused.value)
    assert given == ([] if data.startswith(b"1234567890") else [b"ok\n"])


def test_a_member_larger_than_its_cap_is_refused_at_once(chunk: int) -> None:
    data = b"12345\n" * 10  # 60 bytes
    with pytest.raises(DomainError) as refused:
        opened(data).checked_lines("member", 59, 100, sha256_of(data), MISMATCH)
    assert refused.value.code == "sync_limits"
    assert "larger than declared" in str(refused.value)
