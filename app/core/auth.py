"""Passwords and the sign-in rule: argon2id hashes, and slowing down repeated failures."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from app.core.errors import DomainError

MIN_PASSWORD_LENGTH = 6
FREE_FAILURES = 3  # mistakes happen; the wait starts after the third wrong password
MAX_WAIT_SECONDS = 300

_hasher = PasswordHasher()

# What an unknown user name is checked against, so that it costs the argon2 work a known
# one does (timing does not tell who exists): the hash of a random password thrown away,
# made with the hasher's parameters (tests/store/test_signin.py checks they still are). A
# constant, not hashed at the first sign-in: that doubled the first check (0.2 s more).
UNKNOWN_USER_HASH = (
    "$argon2id$v=19$m=65536,t=3,p=4$0DI29StxqishMzZA4eO2DA$"
    "hYGEelxvXMj2HIia1fTN0Ss/eQzV+2YU9vWdDx3Ae9I"
)


def has_current_parameters(password_hash: str) -> bool:
    """Whether ``password_hash`` was made with the parameters hashes are made with now."""
    return not _hasher.check_needs_rehash(password_hash)


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise DomainError("password_too_short", limit=MIN_PASSWORD_LENGTH)
    return _hasher.hash(password)


def password_matches(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def wait_after(failures: int) -> int:
    """Seconds to wait after ``failures`` wrong passwords in a row: 0, 0, 0, 2, 4, 8 ... 300."""
    if failures < FREE_FAILURES:
        return 0
    return min(2 ** (failures - FREE_FAILURES + 1), MAX_WAIT_SECONDS)
