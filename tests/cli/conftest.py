"""The commands run in process; they read the tests' clock, never today's date."""

from __future__ import annotations

import pytest

from tests.clock import TestClock


@pytest.fixture(autouse=True)
def commands_on_the_tests_clock(monkeypatch: pytest.MonkeyPatch, clock: TestClock) -> None:
    monkeypatch.setattr("app.wall_clock.system_wall", clock.wall)
