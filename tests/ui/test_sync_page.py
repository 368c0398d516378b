"""The sync page, the device key password, the field banner, and a case in conflict, as a
clerk at the office (or a grid worker on a laptop) sees them. Devices come from the sync
fixtures: the demo township as the office, and a laptop enrolled from it."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.core.case_path.decide import Request
from app.core.case_path.steps import Action
from app.core.errors import DomainError
from app.store.case_actions import act
from app.store.cases import case_by_number
from app.store.changes import CASES, DEVICES, changed
from app.store.encryption import DatabaseFile
from app.store.eventlog import writing
from app.store.meetings import set_members
from app.store.setup import add_grid
from app.sync.keys import CHEAP, key_file_beside
from app.ui.common.i18n import error_text
from app.ui.main_window import MainWindow
from app.ui.sync import transfer as sync_transfer
from tests.clock import frozen
from tests.sync import conftest as two_devices
from tests.sync.conftest import (
    OFFICE_PASSWORD,
    Node,
    enrol_laptop,
    every_import_beside,
    jpeg,
    watch_evidence_beside,
    watch_fold_beside,
)
from tests.ui.conftest import open_window, type_chinese

office, laptop = two_devices.office, two_devices.laptop  # the demo office and a laptop

Click = Qt.MouseButton.LeftButton


def sync_window(qtbot, node: Node, username: str = "clerk", unlocked: bool = True) -> MainWindow:
    """A window on ``node``'s database, on the sync page; the keys already given (the
    password dialog is tested on its own)."""
    unlocked_database = DatabaseFile(node.path, node.keys.database_key)  # a laptop: encrypted
    window = open_window(qtbot, unlocked_database, node.db, username)  # type: ignore[arg-type]
    if unlocked:
        window.keyring.accept_keys(node.keys)
    window.show_page("sync")
    return window


def history_rows(window: MainWindow) -> list[list[str]]:
    tree = window.sync.history
    return [
        [tree.topLevelItem(i).text(c) for c in range(tree.columnCount())]
        for i in range(tree.topLevelItemCount())
    ]


@pytest.fixture
def squad(office: Node, tmp_path: Path) -> Iterator[Node]:
    """A department laptop of the enforcement squad (执法中队)."""
    node = enrol_laptop(office, tmp_path / "zfzd", "执法中队终端", "department", "ZFZD")
    yield node
    node.db.close()


def in_conflict(office: Node, squad: Node, tmp_path: Path) -> str:
    """A case the office returned while the squad, offline, signed for it: a rival."""
    number = office.report("村口道路两侧占道经营，影响通行", jpeg(tmp_path / "camera")).number
    dispatch = Request(Action.DISPATCH, to="ZFZD")
    act(office.db, office.blobs, office.user("clerk"), number, dispatch, wall=frozen)
    squad.import_file(office.export_to(squad, tmp_path / "down.tdsync").path)
    returned = Request(Action.RETURN, reason="派错单位")
    act(office.db, office.blobs, office.user("clerk"), number, returned, wall=frozen)
    later = office.wall() + 60_000  # the signature comes later in the merged order
    act(
        squad.db,
        squad.blobs,
        squad.user("officer_zfzd"),
        number,
        Request(Action.SIGN),
        wall=lambda: later,
    )
    office.import_file(squad.export_to(office, tmp_path / "up.tdsync").path)
    return number


# -- the page -----------------------------------------------------------------------------


def test_the_page_shows_this_device_the_laptop_and_the_history(qtbot, office, laptop):
    window = sync_window(qtbot, office, unlocked=False)
    page = window.sync
    assert window.nav.currentItem().text() == "同步"
    assert "青石镇办公室" in page.device_title.text()
    assert "综合执法办电脑" in page.device_title.text()
    assert "设备密钥未解锁" in page.key_state.text()
    devices = [
        page.devices.topLevelItem(i).text(0) for i in range(page.devices.topLevelItemCount())
    ]
    assert any("（本机）" in name for name in devices)
    assert any(name.startswith("青石村网格终端") for name in devices)
    assert page.peer.currentText().startswith("青石村网格终端")
    assert page.export_button.isEnabled()
    [row] = history_rows(window)  # the full file inside the enrolment file
    assert row[1] == "导出" and row[6] == "注册时首次同步"
    assert row[8] == "（随注册文件交付）"
    window.keyring.accept_keys(office.keys)
    assert office.keys.public.fingerprint in page.key_state.text()
    assert page.unlock_button.isHidden()


def test_export_through_the_page_writes_a_file_the_laptop_imports(
    qtbot, office, laptop, tmp_path, monkeypatch
):
    new_case = office.report("镇政府门口共享单车乱停放，堵塞盲道")
    window = sync_window(qtbot, office)
    page = window.sync
    assert "1 条记录待导出给 青石村网格终端" in page.waiting.text()
    asked: list[Path] = []

    def save_here(_parent, _title, suggested: Path, _filter) -> Path:
        asked.append(suggested)
        return tmp_path / "usb" / suggested.name

    (tmp_path / "usb").mkdir()
    monkeypatch.setattr(sync_transfer, "choose_save_path", save_here)
    qtbot.mouseClick(page.export_button, Click)
    qtbot.waitUntil(lambda: page.transfer.result_box is not None)
    assert re.fullmatch(r"同步包-[A-Z]{2}-\d{8}-\d{4}\.tdsync", asked[0].name)
    code = laptop.db.execute("SELECT code FROM device").fetchone()[0]
    assert asked[0].name.startswith(f"同步包-{code}-")
    written = page.transfer.last_export.path
    assert written.is_file() and written.parent == tmp_path / "usb"
    assert "已写入给 青石村网格终端 的同步包" in page.transfer.result_box.text()
    top = history_rows(window)[0]
    assert top[1] == "导出" and top[7] == "王晓丽" and top[8] == str(written)
    assert "已全部导出给 青石村网格终端" in page.waiting.text()
    laptop.import_file(written)
    assert case_by_number(laptop.db, new_case.number).description.startswith("镇政府门口")


def test_a_record_of_any_kind_made_elsewhere_is_counted_on_the_next_show(qtbot, office, laptop):
    window = sync_window(qtbot, office, "admin")
    assert "条记录待导出" not in window.sync.waiting.text()
    window.show_page("workbench")
    admin, units = office.user("admin"), ["ZFZD", "SCJG"]
    with qtbot.waitSignal(window.session.changed) as told:  # a meeting's record, no case
        window.session.write(lambda db: set_members(db, admin, units, wall=window.clock.wall))
    assert not told.args[0].touches([CASES, DEVICES])
    window.show_page("sync")
    assert "1 条记录待导出给 青石村网格终端" in window.sync.waiting.text()


def test_import_shows_a_preview_with_the_counts_then_imports(
    qtbot, office, laptop, tmp_path, monkeypatch
):
    case = laptop.report("青石村小学门口流动摊贩占道", jpeg(tmp_path / "camera"))
    up = laptop.export_to(office, tmp_path / "up.tdsync")
    window = sync_window(qtbot, office)
    page = window.sync
    monkeypatch.setattr(sync_transfer, "choose_open_path", lambda *_args: up.path)
    qtbot.mouseClick(page.import_button, Click)
    qtbot.waitUntil(
        lambda: (
            page.transfer.preview_dialog is not None and page.transfer.preview_dialog.isVisible()
        )
    )
    preview = page.transfer.preview_dialog
    counts = {key: label.text() for key, label in preview.count_labels.items()}
    assert counts == {
        "new_cases": "1",
        "new_events": "1",
        "new_evidence": "1",
        "duplicates": "0",
        "quarantined": "0",
        "held_back": "0",
    }
    assert (
        office.db.execute("SELECT 1 FROM cases WHERE number = ?", [case.number]).fetchone() is None
    )
    with qtbot.waitSignal(window.session.changed) as told:
        qtbot.mouseClick(preview.import_button, Click)
        qtbot.waitUntil(lambda: page.transfer.result_box is not None)
    assert told.args[0].touches([CASES]) and told.args[0].touches([DEVICES])
    assert "新案件 1 件，新记录 1 条，新证据文件 1 个" in page.transfer.result_box.text()
    assert case_by_number(window.db, case.number).description == "青石村小学门口流动摊贩占道"
    top = history_rows(window)[0]
    assert top[1] == "导入" and top[2].startswith("青石村网格终端") and top[3:6] == ["1", "1", "1"]


def test_the_window_imports_a_large_file_with_its_cases_folded_beside(
    qtbot, office, laptop, tmp_path, monkeypatch
):
    """The window imports on a worker thread: the children beside fork from there (every
    import works beside here, however small), and what they did is what is taken: the
    evidence file checked and stored by one (its writing threads started in the child),
    the cases folded by the other."""
    every_import_beside(monkeypatch)
    taken = watch_fold_beside(monkeypatch)
    reported = watch_evidence_beside(monkeypatch)
    photo = jpeg(tmp_path / "camera")
    numbers = [
        laptop.report(f"青石村第{n}号摊点占道经营", photo if n == 0 else None).number
        for n in range(3)
    ]
    up = laptop.export_to(office, tmp_path / "up.tdsync")
    window = sync_window(qtbot, office)
    monkeypatch.setattr(sync_transfer, "choose_open_path", lambda *_args: up.path)
    qtbot.mouseClick(window.sync.import_button, Click)
    qtbot.waitUntil(lambda: window.sync.transfer.preview_dialog is not None)
    with qtbot.waitSignal(window.session.changed):
        qtbot.mouseClick(window.sync.transfer.preview_dialog.import_button, Click)
        qtbot.waitUntil(lambda: window.sync.transfer.result_box is not None)
    assert len(taken) == 1 and taken[0] is not None and len(taken[0]) == 3
    assert len(reported) == 1 and len(reported[0]) == 1
    (stored,) = reported[0]
    assert window.session.blobs.read_bytes(stored) == photo.read_bytes()
    for number in numbers:
        assert case_by_number(window.db, number).description.endswith("摊点占道经营")


def test_an_import_that_brings_reference_data_reloads_it_for_every_page(
    qtbot, office, laptop, tmp_path, monkeypatch
):
    with writing(office.db, office.wall) as writer:  # the office adds a grid
        add_grid(writer, office.user("admin").id, "G99", "青石村北片网格", "青石村北片")
    down = office.export_to(laptop, tmp_path / "down.tdsync")
    window = sync_window(qtbot, laptop, "grid")
    assert "G99" not in window.ref.grids
    monkeypatch.setattr(sync_transfer, "choose_open_path", lambda *_args: down.path)
    qtbot.mouseClick(window.sync.import_button, Click)
    qtbot.waitUntil(lambda: window.sync.transfer.preview_dialog is not None)
    with qtbot.waitSignal(window.session.changed):
        qtbot.mouseClick(window.sync.transfer.preview_dialog.import_button, Click)
    assert window.ref.grids["G99"].name == "青石村北片网格"  # the pages' own ReferenceData


def test_a_file_imported_before_is_said_so_and_not_offered_again(
    qtbot, office, laptop, tmp_path, monkeypatch
):
    laptop.report("夜间施工噪音扰民")
    up = laptop.export_to(office, tmp_path / "up.tdsync")
    office.import_file(up.path)
    window = sync_window(qtbot, office)
    monkeypatch.setattr(sync_transfer, "choose_open_path", lambda *_args: up.path)
    qtbot.mouseClick(window.sync.import_button, Click)
    qtbot.waitUntil(lambda: window.sync.transfer.preview_dialog is not None)
    preview = window.sync.transfer.preview_dialog
    assert not preview.import_button.isEnabled()
    assert preview.count_labels["duplicates"].text() == "1"


def test_an_import_that_brings_a_conflict_says_so(qtbot, office, squad, tmp_path, monkeypatch):
    number = office.report("村口道路两侧占道经营，影响通行").number
    act(
        office.db,
        office.blobs,
        office.user("clerk"),
        number,
        Request(Action.DISPATCH, to="ZFZD"),
        wall=frozen,
    )
    squad.import_file(office.export_to(squad, tmp_path / "down.tdsync").path)
    act(
        office.db,
        office.blobs,
        office.user("clerk"),
        number,
        Request(Action.RETURN, reason="派错"),
        wall=frozen,
    )
    later = office.wall() + 60_000
    act(
        squad.db,
        squad.blobs,
        squad.user("officer_zfzd"),
        number,
        Request(Action.SIGN),
        wall=lambda: later,
    )
    up = squad.export_to(office, tmp_path / "up.tdsync")
    window = sync_window(qtbot, office)
    page = window.sync
    monkeypatch.setattr(sync_transfer, "choose_open_path", lambda *_args: up.path)
    qtbot.mouseClick(page.import_button, Click)
    qtbot.waitUntil(lambda: page.transfer.preview_dialog is not None)
    qtbot.mouseClick(page.transfer.preview_dialog.import_button, Click)
    qtbot.waitUntil(lambda: page.transfer.result_box is not None)
    assert "新产生 1 件同步冲突" in page.transfer.result_box.text()
    assert number in page.transfer.result_box.text()
    assert page.conflicts.isVisibleTo(page)
    assert page.conflicts.topLevelItem(0).text(0) == number
    assert history_rows(window)[0][6] == "新冲突 1 件"


def test_a_file_that_is_not_a_sync_file_goes_to_the_error_dialog(
    qtbot, office, laptop, tmp_path, monkeypatch
):
    junk = tmp_path / "照片.tdsync"
    junk.write_bytes(b"\xff\xd8\xff\xe0 not a sync file")
    window = sync_window(qtbot, office)
    shown: list[BaseException] = []
    window.runner.error_handler = lambda error, _details: shown.append(error)
    monkeypatch.setattr(sync_transfer, "choose_open_path", lambda *_args: junk)
    qtbot.mouseClick(window.sync.import_button, Click)
    qtbot.waitUntil(lambda: bool(shown))
    assert isinstance(shown[0], DomainError)
    assert error_text(shown[0]).startswith("【")  # classified, in Chinese
    assert window.sync.transfer.preview_dialog is None
    qtbot.waitUntil(lambda: window.sync.import_button.isEnabled())


# -- the device key password ----------------------------------------------------------------


def test_a_wrong_password_is_said_plainly_and_asked_again(qtbot, office, laptop):
    window = sync_window(qtbot, office, unlocked=False)
    page = window.sync
    qtbot.mouseClick(page.unlock_button, Click)
    dialog = window.keyring.dialog
    assert dialog is not None and dialog.windowTitle() == "设备密钥口令"
    qtbot.keyClicks(dialog.password, "not-the-password")
    qtbot.mouseClick(dialog.ok_button, Click)
    qtbot.waitUntil(lambda: dialog.error.isVisibleTo(dialog))
    assert dialog.error.text() == "设备密钥口令不正确。"
    assert dialog.isVisible() and not window.keyring.unlocked
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, OFFICE_PASSWORD)
    qtbot.mouseClick(dialog.ok_button, Click)
    qtbot.waitUntil(lambda: window.keyring.unlocked)
    assert window.keyring.keys.device_id == office.id
    assert window.keyring.dialog is None  # closed (and deleted)
    assert office.keys.public.fingerprint in page.key_state.text()


def test_export_asks_for_the_password_first_and_then_goes_on(
    qtbot, office, laptop, tmp_path, monkeypatch
):
    window = sync_window(qtbot, office, unlocked=False)
    monkeypatch.setattr(sync_transfer, "choose_save_path", lambda _p, _t, s, _f: tmp_path / s.name)
    qtbot.mouseClick(window.sync.export_button, Click)
    dialog = window.keyring.dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.password, OFFICE_PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.sync.transfer.result_box is not None)
    assert window.sync.transfer.last_export.path.is_file()


def test_the_office_sets_its_device_key_password_on_first_use(qtbot, demo_path, demo_db):
    assert not key_file_beside(demo_path).exists()
    window = open_window(qtbot, demo_path, demo_db, "admin")
    window.keyring.cost = CHEAP
    window.show_page("sync")
    page = window.sync
    assert "尚未设置设备密钥" in page.key_state.text()
    assert page.unlock_button.text() == "设置设备密钥…"
    assert not page.export_button.isEnabled()  # nobody to export to yet
    qtbot.mouseClick(page.unlock_button, Click)
    dialog = window.keyring.dialog
    assert dialog.windowTitle() == "设置设备密钥口令"
    qtbot.keyClicks(dialog.password, "office-pass")
    qtbot.keyClicks(dialog.confirm, "office-pasz")
    qtbot.mouseClick(dialog.ok_button, Click)
    assert dialog.error.text() == "两次输入的口令不一致，请重新输入。"
    for field in (dialog.password, dialog.confirm):
        field.clear()
        qtbot.keyClicks(field, "short")
    qtbot.mouseClick(dialog.ok_button, Click)
    qtbot.waitUntil(lambda: dialog.error.isVisibleTo(dialog) and "至少" in dialog.error.text())
    assert not key_file_beside(demo_path).exists()
    for field in (dialog.password, dialog.confirm):
        field.clear()
        qtbot.keyClicks(field, "office-pass")
    qtbot.mouseClick(dialog.ok_button, Click)
    qtbot.waitUntil(lambda: window.keyring.unlocked)
    assert key_file_beside(demo_path).exists()
    assert page.devices.topLevelItem(0).text(0).endswith("（本机）")
    assert "设备密钥已解锁" in page.key_state.text()


# -- the field laptop ---------------------------------------------------------------------------


def test_a_field_laptop_shows_what_it_is_for_and_what_waits(
    qtbot, office, laptop, tmp_path, monkeypatch
):
    laptop.report("青石村东头垃圾堆放")
    unlocked_database = DatabaseFile(laptop.path, laptop.keys.database_key)
    window = open_window(qtbot, unlocked_database, laptop.db, "grid")  # type: ignore[arg-type]
    banner = window.workbench.field_banner
    assert banner.isVisible()
    assert "外勤终端 青石村网格终端" in banner.title.text()
    assert "在本机可以上报问题、现场核查" in banner.title.text()
    assert "导入 青石镇办公室" in banner.status.text()  # the bootstrap from the office
    assert "1 条记录待导出给综合执法办" in banner.status.text()
    qtbot.mouseClick(banner.button, Click)
    assert window.current_page() == "sync"
    assert window.sync.peer.currentText().startswith("青石镇办公室")
    window.keyring.accept_keys(laptop.keys)
    monkeypatch.setattr(sync_transfer, "choose_save_path", lambda _p, _t, s, _f: tmp_path / s.name)
    qtbot.mouseClick(window.sync.export_button, Click)
    qtbot.waitUntil(lambda: window.sync.transfer.result_box is not None)
    window.show_page("workbench")  # told of the export while hidden: reads it now
    assert "已全部导出，1 条记录待综合执法办确认收到" in banner.status.text()


def test_a_department_laptop_says_it_handles_its_units_cases(qtbot, office, squad, tmp_path):
    window = open_window(qtbot, squad.path, squad.db, "officer_zfzd")
    banner = window.workbench.field_banner
    assert "外勤终端 执法中队终端" in banner.title.text()
    assert "签收、处置本单位的案件并反馈处置结果" in banner.title.text()
    assert "记录已全部交给综合执法办" in banner.status.text()
    window.show_page("sync")
    assert "部门外勤终端（ZFZD）" not in window.sync.device_title.text()
    assert "部门外勤终端" in window.sync.device_title.text()
    assert window.sync.field_text.isVisibleTo(window.sync)


def test_the_office_shows_no_field_banner(qtbot, office, laptop):
    window = open_window(qtbot, office.path, office.db, "clerk")
    assert not window.workbench.field_banner.isVisible()


# -- a case in conflict -------------------------------------------------------------------------


def test_a_case_in_conflict_shows_the_banner_the_marks_and_is_settled(
    qtbot, office, squad, tmp_path
):
    number = in_conflict(office, squad, tmp_path)
    window = open_window(qtbot, office.path, office.db, "clerk")
    detail = window.open_case(case_by_number(office.db, number))
    qtbot.waitExposed(detail)
    banner = detail.conflict_banner
    assert banner is not None and banner.isVisible()
    assert "同步冲突：两台设备离线时对本案作了不同处理，请核对后处理" in _label_texts(banner)
    assert banner.button.text() == "处理冲突…"
    marks = [(entry.action, mark.kind) for entry, mark in detail.marked_entries]
    assert marks == [("签收", "rival")]
    assert "未生效（冲突）" in _label_texts(detail.timeline)
    qtbot.mouseClick(banner.button, Click)
    dialog = detail.conflict_dialog
    assert dialog is not None
    qtbot.mouseClick(dialog.ok_button, Click)
    qtbot.waitUntil(lambda: dialog.error.text() == "请写明冲突的处理意见。")  # the store refuses
    dialog.note.setFocus()
    type_chinese(dialog.note, "已与执法中队核实，按回退重新研判")
    with qtbot.waitSignal(window.session.changed):
        qtbot.mouseClick(dialog.ok_button, Click)
    assert (
        office.db.execute("SELECT conflict FROM cases WHERE number = ?", [number]).fetchone()[0]
        == 0
    )
    assert detail.conflict_banner is None
    assert detail.timeline_entries[-1].action == "处理同步冲突"
    assert "已与执法中队核实" in detail.timeline_entries[-1].detail
    assert "已处理" in _label_texts(detail.timeline)


def test_an_officer_sees_the_conflict_but_does_not_settle_it(qtbot, office, squad, tmp_path):
    number = in_conflict(office, squad, tmp_path)
    window = open_window(qtbot, office.path, office.db, "officer")
    detail = window.open_case(case_by_number(office.db, number))
    assert detail.conflict_banner is not None and detail.conflict_banner.button is None
    assert "由受理员、管理员或分管领导在综合执法办电脑上处理" in _label_texts(
        detail.conflict_banner
    )


def test_the_evidence_list_shows_hash_capture_and_custody(qtbot, office, laptop, tmp_path):
    photo = jpeg(tmp_path / "camera", "现场照片.jpg")
    case = laptop.report("河道边倾倒建筑垃圾", photo)
    office.import_file(laptop.export_to(office, tmp_path / "up.tdsync").path)
    window = open_window(qtbot, office.path, office.db, "clerk")
    detail = window.open_case(case_by_number(office.db, case.number))
    assert detail.photos.evidence_button.isEnabled()
    qtbot.mouseClick(detail.photos.evidence_button, Click)
    dialog = detail.photos.evidence_dialog
    qtbot.waitExposed(dialog)
    table = dialog.table
    assert table.rowCount() == 1
    sha = dialog.items[0].sha256
    assert table.cellWidget(0, 1).text() == sha  # monospace, selectable
    assert (
        table.cellWidget(0, 1).textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    )
    assert table.item(0, 0).text() == "现场照片.jpg"
    assert "青石村网格终端" in table.item(0, 3).text()  # captured on the laptop
    assert "经同步包" in table.item(0, 4).text() and "青石镇办公室" in table.item(0, 4).text()
    assert dialog.copy_hash() == sha


def _label_texts(widget) -> str:
    from PySide6.QtWidgets import QLabel

    return "\n".join(label.text() for label in widget.findChildren(QLabel))


@pytest.fixture(autouse=True)
def _no_real_file_dialogs(monkeypatch):
    """A forgotten monkeypatch must fail, not hang on a modal file dialog."""

    def refuse(*_args):
        raise AssertionError("a real file dialog was opened")

    monkeypatch.setattr(sync_transfer, "choose_save_path", refuse)
    monkeypatch.setattr(sync_transfer, "choose_open_path", refuse)


def test_a_file_written_in_spite_of_cancel_is_still_reported(qtbot, office):
    """Cancel cannot stop a sync file halfway; what was done is said, not hidden."""
    window = sync_window(qtbot, office)
    page = window.sync
    window.runner.progress_delay_ms = 0
    release = threading.Event()
    told: list[str] = []

    def work(_db) -> str:
        release.wait(10)
        return "written"

    page.transfer.run_whole(work, told.append, "正在写入同步包…", changed(DEVICES))
    qtbot.waitUntil(lambda: window.runner.progress_dialog is not None)
    assert not page.import_button.isEnabled() and not page.export_button.isEnabled()
    window.runner.progress_dialog.canceled.emit()  # as its Cancel button does
    release.set()
    qtbot.waitUntil(lambda: told == ["written"])
    qtbot.waitUntil(page.import_button.isEnabled)
