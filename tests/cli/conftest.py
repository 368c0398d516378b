"""The commands run in process; they read the tests' clock, never today's date. Each signs
its user in, and a test remembers argon2's answers so the same check is not paid again."""

from __future__ import annotations

import pytest

from app.core.auth import password_matches
from tests.clock import TestClock

# (stored hash, password) -> argon2's answer. The CLI tests sign in some 270 times, nearly
# always the same demo user with the same password against the same hash (every demo copy
# has the template's): ~0.1 s of argon2 each on an idle core, minutes on a shared one.
# Only repeats are spared; every first check, and production, is argon2's own.
_ANSWERS: dict[tuple[str, str], bool] = {}


def _remembered(password_hash: str, password: str) -> bool:
    key = (password_hash, password)
    if key not in _ANSWERS:
        _ANSWERS[key] = password_matches(password_hash, password)
    return _ANSWERS[key]


@pytest.fixture(autouse=True)
def commands_on_the_tests_clock(monkeypatch: pytest.MonkeyPatch, clock: TestClock) -> None:
    monkeypatch.setattr("app.wall_clock.system_wall", clock.wall)


@pytest.fixture(autouse=True)
def argon2_answers_remembered(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("app.store.signin.password_matches", _remembered)
