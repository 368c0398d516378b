"""Printing the call slip and the supervision notice from the case detail: a click prints
through the preview to any installed printer, laid out as the PDF; with no printer the
window offers a PDF; its menu saves a PDF; with no PDF viewer the window says where it is."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.core.case_path.decide import Request
from app.core.case_path.steps import Action
from app.core.model import Route
from app.reports.pdf import page_count, write_document
from app.reports.slips import slip_document
from app.store.blobs import BlobStore
from app.store.case_actions import act
from app.store.cases import case_by_number
from app.store.reference import user_by_name
from app.ui.common import printing
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
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    for kind in ("call_slip", "supervision_notice"):
        out = tmp_path / f"{kind}.pdf"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, o=out: (str(o), ""))
        detail.save_actions[kind].trigger()
        assert out.read_bytes().startswith(b"%PDF")
    assert len(opened) == 2


def test_cancelling_the_save_dialog_writes_nothing(
    qtbot, demo_path, demo_db, tmp_path: Path, monkeypatch
):
    detail = called_case_detail(qtbot, demo_path, demo_db)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: ("", ""))
    detail.save_actions["call_slip"].trigger()
    assert list(tmp_path.glob("*.pdf")) == []


def called_case_detail(qtbot, demo_path, demo_db):  # type: ignore[no-untyped-def]
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
    return window.open_case(case_by_number(demo_db, number))


def test_the_print_route_follows_the_installed_printers() -> None:
    assert printing.print_route([]) == printing.OFFER_PDF
    assert printing.print_route(["HP LaserJet"]) == printing.PREVIEW


def test_with_no_printer_a_pdf_is_offered(qtbot, demo_path, demo_db, tmp_path: Path, monkeypatch):
    detail = called_case_detail(qtbot, demo_path, demo_db)
    monkeypatch.setattr(printing, "installed_printers", lambda: [])
    offered: list[bool] = []
    answer = False
    monkeypatch.setattr(printing, "offer_pdf_instead", lambda _p: offered.append(True) or answer)
    out = tmp_path / "呼叫单.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(out), ""))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: True)
    detail.print_buttons["call_slip"].click()  # declined: nothing written
    assert offered == [True] and not out.exists()
    answer = True
    detail.print_buttons["call_slip"].click()
    assert out.read_bytes().startswith(b"%PDF")


def test_with_a_printer_the_preview_opens(qtbot, demo_path, demo_db, monkeypatch):
    detail = called_case_detail(qtbot, demo_path, demo_db)
    monkeypatch.setattr(printing, "installed_printers", lambda: ["HP LaserJet"])
    shown: list[QPrintPreviewDialog] = []
    monkeypatch.setattr(QPrintPreviewDialog, "exec", lambda self: shown.append(self) or 0)
    detail.print_buttons["call_slip"].click()
    [preview] = shown
    assert preview.windowTitle().startswith("打印：呼叫单 ")
    room = preview.screen().availableGeometry()
    assert preview.width() <= room.width() and preview.height() <= room.height()


def words_placed(pdf: Path) -> str:
    """Every word of a PDF with its box on the page (poppler's pdftotext -bbox)."""
    run = ["pdftotext", "-bbox", str(pdf), "-"]
    page = subprocess.run(run, capture_output=True, check=True).stdout.decode()
    return "\n".join(line for line in page.splitlines() if "<word" in line or "<page" in line)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_the_printer_gets_the_pages_of_the_pdf(demo_db, demo_path, tmp_path: Path, qapp):
    number = fresh_case(demo_db, demo_path, Route.CALL_Y, "YJJ")
    supervisor = user_by_name(demo_db, "supervisor")
    act(demo_db, BlobStore.beside(demo_path), supervisor, number,
        Request(Action.SUPERVISE, note="请尽快办理"), wall=frozen)  # fmt: skip
    document, _ = slip_document(demo_db, "supervision_notice", number)
    preview = printing.preview_dialog(None, document)  # built, never shown: nothing blocks
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    preview.paintRequested.emit(printer)  # what the preview's print button sends
    saved = write_document(document, tmp_path / "saved.pdf")
    assert page_count(printed) == page_count(saved) == 1
    assert words_placed(printed) == words_placed(saved)  # the same words at the same places


def test_without_a_pdf_viewer_the_window_says_where_the_file_is(
    qtbot, demo_path, demo_db, tmp_path: Path, monkeypatch
):
    detail = called_case_detail(qtbot, demo_path, demo_db)
    out = tmp_path / "呼叫单.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(out), ""))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    detail.save_actions["call_slip"].trigger()
    assert told == [f"未找到可以打开 PDF 的程序，文件已保存到 {out}"]
