"""The garbage collector is paused while a sync file is read and applied, and resumed as
it was, whatever happens (app/sync/files.py ``collector_paused``)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

import app.sync.files as files
from app.sync.files import collector_paused
from tests.sync.conftest import Node


@pytest.fixture
def collecting() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_paused_inside_and_resumed_after(collecting: None) -> None:
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_resumed_after_a_failure(collecting: None) -> None:
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("refused")
    assert gc.isenabled()


def test_left_off_when_it_was_off(collecting: None) -> None:
    gc.disable()
    with collector_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_an_import_checks_and_applies_with_the_collector_paused(
    collecting: None, office: Node, laptop: Node, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    laptop.report("青石村村口有流动摊贩占道经营")
    upload = laptop.export_to(office, tmp_path / "up.tdsync").path
    seen: list[bool] = []
    real_check, real_apply = files.check, files.apply

    def check(*args, **kwargs):
        seen.append(gc.isenabled())
        return real_check(*args, **kwargs)

    def apply(*args, **kwargs):
        seen.append(gc.isenabled())
        return real_apply(*args, **kwargs)

    monkeypatch.setattr(files, "check", check)
    monkeypatch.setattr(files, "apply", apply)
    assert office.import_file(upload).preview["new_cases"] == 1
    assert seen == [False, False]
    assert gc.isenabled()
