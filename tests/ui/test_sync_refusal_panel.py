"""The Sync page's word on refused files: at the office, which laptop's file was refused
and why; on the laptop, why and what its user must do (tests/sync/test_refusal_notice.py
has the whole path)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.errors import DomainError
from app.ui.sync import transfer as sync_transfer
from tests.sync import conftest as two_devices
from tests.sync.conftest import Node
from tests.sync.test_actor_limits import forge_as
from tests.ui.conftest import open_window

office, laptop = two_devices.office, two_devices.laptop


def _refused(office: Node, laptop: Node, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    laptop.report("门口堆放杂物")
    forge_as(monkeypatch, laptop, "admin")
    with pytest.raises(DomainError):
        office.import_file(laptop.export_to(office, tmp_path / "up.tdsync").path)


def test_the_office_sees_which_laptop_was_refused(qtbot, office, laptop, tmp_path, monkeypatch):
    window = open_window(qtbot, office.path, office.db, "clerk")
    window.show_page("sync")
    assert not window.sync.refusals.isVisible()  # nothing refused: nothing said
    _refused(office, laptop, tmp_path, monkeypatch)
    window.sync.reread()
    panel = window.sync.refusals
    assert panel.isVisible()
    assert "青石村网格终端" in panel.body.text() and "up.tdsync" in panel.body.text()
    assert "越权记录" in panel.body.text()


def test_the_laptop_shows_why_and_what_to_do(qtbot, office, laptop, tmp_path, monkeypatch):
    _refused(office, laptop, tmp_path, monkeypatch)
    laptop.import_file(office.export_to(laptop, tmp_path / "down.tdsync").path)
    window = open_window(qtbot, laptop.path, laptop.db, "grid")
    window.show_page("sync")
    panel = window.sync.refusals
    assert panel.isVisible()
    assert "up.tdsync" in panel.title.text()
    assert "越权记录" in panel.body.text()
    assert "带到综合执法办" in panel.body.text()


def test_a_file_refused_at_its_check_in_the_window_is_noted(
    qtbot, office, laptop, tmp_path, monkeypatch
):
    """The window checks a file before its preview: a refusal there is noted too."""
    laptop.report("门口堆放杂物")
    forge_as(monkeypatch, laptop, "admin")
    up = laptop.export_to(office, tmp_path / "up.tdsync")
    window = open_window(qtbot, office.path, office.db, "clerk")
    window.keyring.accept_keys(office.keys)
    window.show_page("sync")
    errors: list[BaseException] = []
    window.runner.error_handler = lambda error, *_args: errors.append(error)
    monkeypatch.setattr(sync_transfer, "choose_open_path", lambda *_args: up.path)
    window.sync.start_import()
    qtbot.waitUntil(lambda: bool(errors))
    window.sync.reread()
    assert window.sync.refusals.isVisible()
