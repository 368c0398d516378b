"""Sign-in: check the password, and make repeated failures wait longer each time."""

from __future__ import annotations

from sqlite_utils import Database

from app.core.auth import UNKNOWN_USER_HASH, password_matches, wait_after
from app.core.clock import Wall
from app.core.errors import DomainError
from app.core.model import User
from app.store.devices import require_user_here
from app.store.reference import password_hash, user_by_name


def sign_in(db: Database, username: str, password: str, *, now_ms: Wall) -> User:
    """The user, or a DomainError in plain words. Unknown names count as failures too,
    and get the same message, so a guesser learns nothing about who exists."""
    username = username.strip()
    now = now_ms()
    failures, last = _failures(db, username)
    remaining = _remaining_wait(failures, last, now)
    if remaining > 0:
        raise DomainError("sign_in_locked", seconds=remaining)
    stored = password_hash(db, username)
    # an unknown name costs the same argon2 work, so timing does not tell who exists
    if not password_matches(stored or UNKNOWN_USER_HASH, password) or stored is None:
        failures += 1
        db.execute(
            "INSERT INTO sign_in_failures (username, failures, last_failure_ms) VALUES (?, ?, ?) "
            "ON CONFLICT (username) DO UPDATE SET failures = excluded.failures, "
            "last_failure_ms = excluded.last_failure_ms",
            [username, failures, now],
        )
        wait = wait_after(failures)
        if wait:
            raise DomainError("password_wrong_wait", failures=failures, seconds=wait)
        raise DomainError("password_wrong")
    user = user_by_name(db, username)
    if not user.active:
        raise DomainError("user_disabled", value=username)
    require_user_here(db, user)  # checked after the password: a guesser learns nothing
    db.execute("DELETE FROM sign_in_failures WHERE username = ?", [username])
    return user


def _failures(db: Database, username: str) -> tuple[int, int]:
    row = db.execute(
        "SELECT failures, last_failure_ms FROM sign_in_failures WHERE username = ?", [username]
    ).fetchone()
    return (row[0], row[1]) if row else (0, 0)


def _remaining_wait(failures: int, last_ms: int, now_ms: int) -> int:
    waited = (now_ms - last_ms) / 1000
    return max(0, int(wait_after(failures) - waited + 0.999))
