"""Printing the call slip and the supervision notice from the case detail."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from app.core.case_path.decide import Request
from app.core.case_path.steps import Action
from app.core.model import Route
from app.store.blobs import BlobStore
from app.store.case_actions import act
from app.store.cases import case_by_number
from app.store.reference import user_by_name
from tests.clock import frozen
from tests.ui.conftest import fresh_case, open_window


def test_slips_appear_when_the_case_has_them_and_print_to_pdf(
    qtbot, demo_path, demo_db, tmp_path: Path, monkeypatch
):
    number = fresh_case(demo_db, demo_path, Route.CALL_Y, "YJJ")
    window = open_window(qtbot, demo_path, demo_db, "clerk")
    detail = window.open_case(case_by_number(demo_db, number))
    assert detail.print_buttons == {}  # nothing to print before a call or a supervision
    blobs = BlobStore.beside(demo_path)
    act(
        demo_db,
        blobs,
        user_by_name(demo_db, "clerk"),
        number,
        Request(Action.CALL, to="YJJ", reason="燃气泄漏", urgent=True),
        wall=frozen,
    )
    act(
        demo_db,
        blobs,
        user_by_name(demo_db, "supervisor"),
        number,
        Request(Action.SUPERVISE, note="请尽快响应"),
        wall=frozen,
    )
    detail.refresh()
    assert set(detail.print_buttons) == {"call_slip", "supervision_notice"}
    opened: list[object] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", opened.append)
    for kind in ("call_slip", "supervision_notice"):
        out = tmp_path / f"{kind}.pdf"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, o=out: (str(o), ""))
        detail.print_buttons[kind].click()
        assert out.read_bytes().startswith(b"%PDF")
    assert len(opened) == 2


def test_cancelling_the_save_dialog_writes_nothing(
    qtbot, demo_path, demo_db, tmp_path: Path, monkeypatch
):
    number = fresh_case(demo_db, demo_path, Route.CALL_Y, "YJJ")
    act(
        demo_db,
        BlobStore.beside(demo_path),
        user_by_name(demo_db, "clerk"),
        number,
        Request(Action.CALL, to="YJJ", reason="燃气泄漏"),
        wall=frozen,
    )
    window = open_window(qtbot, demo_path, demo_db, "clerk")
    detail = window.open_case(case_by_number(demo_db, number))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: ("", ""))
    detail.print_buttons["call_slip"].click()
    assert list(tmp_path.glob("*.pdf")) == []
