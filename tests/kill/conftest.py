"""The kill trials' scenarios, built once per session on first use."""

from __future__ import annotations

import pytest

from tests.kill.worlds import Worlds


@pytest.fixture(scope="session")
def worlds(tmp_path_factory: pytest.TempPathFactory) -> Worlds:
    return Worlds(tmp_path_factory.mktemp("kill"), {})
