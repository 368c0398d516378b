"""Passwords, error messages and permissions."""

from __future__ import annotations

import itertools
import re
import string
from pathlib import Path

import pytest

from app.core.auth import (
    FREE_FAILURES,
    MAX_WAIT_SECONDS,
    MIN_PASSWORD_LENGTH,
    hash_password,
    password_matches,
    wait_after,
)
from app.core.errors import MESSAGES, DomainError, ValidationErrors, Words
from app.core.model import Role, chinese
from app.core.permissions import (
    ALLOWED,
    MANAGE_REFERENCE_DATA,
    REBUILD,
    REGISTER_CASE,
    may,
    require,
)

APP = Path(__file__).resolve().parents[2] / "app"
CJK = re.compile(r"[\u4e00-\u9fff]")


# ------------------------------------------------------------------------- auth


def test_no_wait_for_the_first_mistakes() -> None:
    assert [wait_after(n) for n in range(FREE_FAILURES)] == [0] * FREE_FAILURES


def test_wait_doubles_after_the_free_mistakes_and_is_capped() -> None:
    waits = [wait_after(n) for n in range(FREE_FAILURES, 40)]
    assert waits[0] > 0
    for a, b in itertools.pairwise(waits):
        assert b == min(2 * a, MAX_WAIT_SECONDS)
    assert waits[-1] == MAX_WAIT_SECONDS
    assert wait_after(10_000) == MAX_WAIT_SECONDS


def test_hash_and_verify() -> None:
    stored = hash_password("占道123abc")
    assert "占道123abc" not in stored
    assert password_matches(stored, "占道123abc")
    assert not password_matches(stored, "占道123abd")
    assert not password_matches(stored, "")
    assert not password_matches("not a hash", "占道123abc")
    assert hash_password("占道123abc") != stored  # salted


def test_short_password_is_refused() -> None:
    with pytest.raises(DomainError) as caught:
        hash_password("x" * (MIN_PASSWORD_LENGTH - 1))
    assert caught.value.code == "password_too_short"
    assert str(MIN_PASSWORD_LENGTH) in str(caught.value)
    assert "密码" in str(caught.value)
    hash_password("x" * MIN_PASSWORD_LENGTH)


# ----------------------------------------------------------------------- errors

PLAUSIBLE = {
    "value": "QS-20261119-AB0001",
    "limit": 6,
    "length": 2001,
    "found": 9,
    "failures": 4,
    "seconds": 8,
    "role": "分管领导",
    "action": "登记案件",
    "reason": "file is not a database",
    "unit": "市场监管所",
    "state": Words("已结案", "is closed"),
    "device": Words("网格员终端", "grid worker's laptop"),
    "row": 12,
    # the database file and the disk (messages/storage.py)
    "size": 812,
    "free": 3,
    "wal": "towndesk.sqlite3-wal",
    "backups": Words("请从最近的备份恢复。", "Restore it from your latest backup."),
    "field": Words("地址", "address"),
    "low": "2000-01-01",
    "high": "2099-12-31",
    "case": "QS-20261119-AB0001",
    "opened": "2026-11-21 09:15",
    "held": "2026-11-20 14:30",
    "number": 3,
}


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_every_message_formats_in_both_languages(code: str) -> None:
    zh, en = MESSAGES[code]
    assert placeholders(zh) == placeholders(en), "both languages need the same parameters"
    params = {name: PLAUSIBLE[name] for name in placeholders(zh)}
    error = DomainError(code, **params)
    zh_text, en_text = error.text("zh"), error.text("en")
    assert str(error) == zh_text
    assert error.text("en_US") == en_text
    assert CJK.search(zh_text)
    assert "{" not in zh_text and "{" not in en_text
    # names of units are data and stay as they are; every other word must be English
    assert not CJK.search(
        en_text.replace(str(params.get("role", "")), "")
        .replace(str(params.get("action", "")), "")
        .replace(str(params.get("unit", "")), "")
    )
    for value in params.values():
        assert str(value) in zh_text


def test_every_error_code_raised_by_the_app_has_a_message() -> None:
    raised: set[str] = set()
    for path in APP.rglob("*.py"):
        raised |= set(re.findall(r'DomainError\(\s*"([a-z_]+)"', path.read_text("utf-8")))
    assert raised, "the scan should find the codes"
    assert raised - set(MESSAGES) == set()


def test_validation_errors_join_every_message() -> None:
    errors = [DomainError("category_missing"), DomainError("grid_unknown", value="G99")]
    joined = ValidationErrors(errors)
    assert joined.code == "category_missing"
    assert str(joined).splitlines() == [str(e) for e in errors]
    assert joined.text("en").splitlines() == [e.text("en") for e in errors]


# ------------------------------------------------------------------ permissions


def test_who_may_register_a_case() -> None:
    assert may(Role.GRID_WORKER, REGISTER_CASE)
    assert may(Role.CLERK, REGISTER_CASE)
    assert may(Role.ADMINISTRATOR, REGISTER_CASE)
    assert not may(Role.LEADER, REGISTER_CASE)


def test_only_the_administrator_rebuilds_and_manages_reference_data() -> None:
    for action in (REBUILD, MANAGE_REFERENCE_DATA):
        assert [r for r in Role if may(r, action)] == [Role.ADMINISTRATOR]


def test_refusal_is_in_chinese_words() -> None:
    with pytest.raises(DomainError) as caught:
        require(Role.LEADER, REGISTER_CASE)
    assert caught.value.code == "permission_denied"
    assert str(caught.value) == "分管领导不能登记案件。"
    with pytest.raises(DomainError) as caught:
        require(Role.CLERK, REBUILD)
    assert str(caught.value) == "受理员不能重建数据。"


def test_refusal_in_english_has_no_chinese_words() -> None:
    with pytest.raises(DomainError) as caught:
        require(Role.LEADER, REGISTER_CASE)
    assert not CJK.search(caught.value.text("en"))


def test_require_allows_what_may_allows() -> None:
    for action, roles in ALLOWED.items():
        for role in roles:
            require(role, action)


def test_every_role_has_a_chinese_name() -> None:
    names = [chinese(role) for role in Role]
    assert len(set(names)) == len(names)
    assert all(CJK.search(name) for name in names)
