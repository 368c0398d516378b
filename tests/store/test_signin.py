"""Signing in: the right password, the same words for every failure, and waiting after three."""

from __future__ import annotations

from pathlib import Path

import pytest
from argon2 import PasswordHasher

import app.store.signin as signin
from app.core.auth import UNKNOWN_USER_HASH, has_current_parameters, hash_password, wait_after
from app.core.errors import DomainError
from app.core.model import Role
from app.store.setup import open_database
from app.store.signin import sign_in
from tests.store.store_helpers import DEMO_NOW_MS

T0 = DEMO_NOW_MS


def at(ms: int):
    return lambda: ms


def refused(db, username: str, password: str, now: int) -> DomainError:
    with pytest.raises(DomainError) as caught:
        sign_in(db, username, password, now_ms=at(now))
    return caught.value


@pytest.mark.parametrize(
    ("username", "password", "role"),
    [
        ("admin", "admin123", Role.ADMINISTRATOR),
        ("grid", "grid123", Role.GRID_WORKER),
        ("leader", "leader123", Role.LEADER),
        (" clerk ", "clerk123", Role.CLERK),
    ],
)
def test_right_password(demo_db, username: str, password: str, role: Role) -> None:
    user = sign_in(demo_db, username, password, now_ms=at(T0))
    assert user.username == username.strip()
    assert user.role is role


def test_wrong_password_and_unknown_user_get_the_same_words(demo_db) -> None:
    wrong = refused(demo_db, "clerk", "clerk124", T0)
    unknown = refused(demo_db, "nobody", "clerk123", T0)
    assert wrong.code == unknown.code == "password_wrong"
    assert str(wrong) == str(unknown) == "用户名或密码不正确。"
    assert "nobody" not in str(unknown)


def test_an_unknown_name_costs_the_argon2_work_a_known_one_does(demo_db, monkeypatch) -> None:
    """It is checked against a hash made with the parameters every password's is made with
    (were they changed, the constant would have to be made again)."""
    checked = []
    real = signin.password_matches
    monkeypatch.setattr(signin, "password_matches", lambda h, p: checked.append(h) or real(h, p))
    assert refused(demo_db, "nobody", "clerk123", T0).code == "password_wrong"
    assert checked == [UNKNOWN_USER_HASH]
    assert has_current_parameters(UNKNOWN_USER_HASH)
    assert has_current_parameters(hash_password("a new password"))
    assert not has_current_parameters(PasswordHasher(time_cost=1).hash("a new password"))


def test_after_three_failures_even_the_right_password_waits(demo_db) -> None:
    assert refused(demo_db, "clerk", "x1", T0).code == "password_wrong"
    assert refused(demo_db, "clerk", "x2", T0 + 1000).code == "password_wrong"
    third = refused(demo_db, "clerk", "x3", T0 + 2000)
    wait = wait_after(3)
    assert wait > 0
    assert third.code == "password_wrong_wait"
    assert "3" in str(third) and f"{wait} 秒" in str(third)
    locked = refused(demo_db, "clerk", "clerk123", T0 + 2000)
    assert locked.code == "sign_in_locked"
    assert f"{wait} 秒" in str(locked)
    almost = refused(demo_db, "clerk", "clerk123", T0 + 2000 + wait * 1000 - 100)
    assert almost.code == "sign_in_locked"
    assert sign_in(demo_db, "clerk", "clerk123", now_ms=at(T0 + 2000 + wait * 1000)).role is (
        Role.CLERK
    )
    # success clears the failures: the next mistake is a plain one again
    assert refused(demo_db, "clerk", "x4", T0 + 10_000 + wait * 1000).code == "password_wrong"


def test_the_wait_grows_with_more_failures(demo_db) -> None:
    now = T0
    for n in range(1, 6):
        error = refused(demo_db, "officer", f"bad{n}", now)
        assert error.code == ("password_wrong" if wait_after(n) == 0 else "password_wrong_wait")
        if error.code == "password_wrong_wait":
            assert error.params["seconds"] == wait_after(n)
        now += wait_after(n) * 1000  # wait exactly as long as asked
    assert wait_after(5) > wait_after(4) > wait_after(3)


def test_unknown_names_are_slowed_down_too(demo_db) -> None:
    for n in range(3):
        refused(demo_db, "guess", "x", T0 + n)
    assert refused(demo_db, "guess", "x", T0 + 3).code == "sign_in_locked"


def test_one_users_failures_do_not_lock_another(demo_db) -> None:
    for n in range(3):
        refused(demo_db, "clerk", "x", T0 + n)
    assert sign_in(demo_db, "supervisor", "super123", now_ms=at(T0 + 3)).username == "supervisor"


def test_failures_survive_closing_the_program(demo_path: Path) -> None:
    db = open_database(demo_path)
    for n in range(3):
        refused(db, "clerk", "x", T0 + n)
    db.close()
    again = open_database(demo_path)
    try:
        assert refused(again, "clerk", "clerk123", T0 + 3).code == "sign_in_locked"
    finally:
        again.close()
