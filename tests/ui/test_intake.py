"""Registering a case through the intake dialog, the way a clerk does it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app.store.case_list import CaseFilter, count_cases
from app.ui.cases.intake import IntakeDialog
from tests.ui.conftest import open_window, type_chinese

DESCRIPTION = "北街菜市场门口有三轮车占道卖西瓜，行人只能走机动车道"


def fill(qtbot, dialog: IntakeDialog, description: str = DESCRIPTION) -> None:
    """Type, as a person would, into the category and grid pickers and the text fields."""
    type_chinese(dialog.category.lineEdit(), "市容环境 / 占道经营")
    type_chinese(dialog.grid.lineEdit(), "青石村第一网格（青石村）")
    type_chinese(dialog.address, "青石村北街菜市场东口")
    if description:
        dialog.description.setFocus()
        type_chinese(dialog.description, description)
    type_chinese(dialog.reporter_name, "李女士")
    qtbot.keyClicks(dialog.reporter_phone, "13805351234")


def test_register_a_case_with_a_photo(qtbot, window, demo_db, photo):
    before = count_cases(demo_db, CaseFilter())
    dialog = window.open_intake()
    assert dialog is not None
    fill(qtbot, dialog)
    assert dialog.category.code() == "0101"
    assert dialog.grid.code() == "G01"
    dialog.add_photos([photo])
    assert dialog.photos.count() == 1
    with qtbot.waitSignal(dialog.case_registered) as registered:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    case = registered.args[0]
    assert not dialog.isVisible()
    assert case.number.startswith("QS-")
    assert count_cases(demo_db, CaseFilter()) == before + 1
    assert case.number in window.statusBar().currentMessage()

    # it is in the list, found by a two-character word
    window.show_page("cases")
    cases = window.cases
    assert cases.model.rowCount() == before + 1
    type_chinese(cases.filters.search, "西瓜")
    qtbot.waitUntil(lambda: cases.model.case_filter.text == "西瓜")
    assert cases.model.rowCount() == 1
    assert cases.model.index(0, 0).data() == case.number
    assert "共 1 件" in cases.count_label.text()

    # Enter on the row opens the detail: timeline and photo
    cases.table.setFocus()
    cases.table.setCurrentIndex(cases.model.index(0, 0))
    qtbot.keyPress(cases.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.case_dialog is not None)
    detail = window.case_dialog
    assert detail.case.number == case.number
    assert [e.action for e in detail.timeline_entries] == ["受理登记"]
    assert detail.photos.photo_count() == 1
    item = detail.photos.evidence.item(0)
    assert not item.icon().isNull()
    detail.photos.show_photo(item)
    assert detail.photos.image_viewer is not None
    assert not detail.photos.image_viewer.image_label.pixmap().isNull()


def test_ctrl_enter_saves(qtbot, window, demo_db):
    dialog = window.open_intake()
    fill(qtbot, dialog)
    with qtbot.waitSignal(dialog.case_registered):
        qtbot.keyClick(dialog.description, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_empty_description_is_refused_inline_and_nothing_is_saved(qtbot, window, demo_db):
    before = count_cases(demo_db, CaseFilter())
    dialog = window.open_intake()
    fill(qtbot, dialog, description="")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.error_text()))  # the store's refusal, inline
    assert dialog.isVisible()
    assert "请填写问题描述" in dialog.error_text()
    assert dialog.description.property("invalid") is True
    assert dialog.category.property("invalid") is False
    assert count_cases(demo_db, CaseFilter()) == before


def test_every_problem_is_listed_at_once(qtbot, window, demo_db):
    before = count_cases(demo_db, CaseFilter())
    dialog = window.open_intake()
    qtbot.keyClicks(dialog.reporter_phone, "12345678")
    type_chinese(dialog.latitude, "北纬")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    text = dialog.error_text()
    for expected in ("请选择问题类别", "请选择网格", "请填写问题描述", "格式不对", "不是数字"):
        assert expected in text
    assert count_cases(demo_db, CaseFilter()) == before


def test_a_group_is_not_a_category(qtbot, window):
    dialog = window.open_intake()
    qtbot.keyClicks(dialog.category.lineEdit(), "01")
    dialog.save()
    qtbot.waitUntil(lambda: bool(dialog.error_text()))
    assert "是大类" in dialog.error_text()


def test_duplicate_hints_show_a_similar_recent_case(qtbot, window):
    first = window.open_intake()
    fill(qtbot, first)
    with qtbot.waitSignal(first.case_registered) as registered:
        first.save()
    second = window.open_intake()
    assert second is not first
    fill(qtbot, second, description="菜市场门口有三轮车占道卖西瓜，行人走机动车道")
    qtbot.waitUntil(lambda: second.hints.count() > 0, timeout=3000)
    text = second.hints.list.item(0).text()
    assert registered.args[0].number in text
    assert "相似度" in text


def test_escape_asks_before_discarding_typing(qtbot, window, monkeypatch):
    dialog = window.open_intake()
    type_chinese(dialog.address, "青石村")
    monkeypatch.setattr(dialog, "confirm_discard", lambda: False)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    monkeypatch.setattr(dialog, "confirm_discard", lambda: True)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_escape_on_an_empty_form_just_closes(qtbot, window, monkeypatch):
    dialog = window.open_intake()
    monkeypatch.setattr(dialog, "confirm_discard", lambda: (_ for _ in ()).throw(AssertionError))
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_a_leader_does_not_register_cases(qtbot, demo_path, demo_db):
    leader_window = open_window(qtbot, demo_path, demo_db, "leader")
    assert leader_window.open_intake() is None
    assert not leader_window.cases.new_button.isVisibleTo(leader_window)
    assert "分管领导不能登记案件" in leader_window.statusBar().currentMessage()


def reporter_line(detail) -> str:  # type: ignore[no-untyped-def]
    """What the case detail shows in its Reporter field."""
    labels = [label.text() for label in detail.findChildren(QLabel)]
    return labels[labels.index("反映人") + 1]


def test_the_reporter_is_masked_for_a_leader(qtbot, demo_path, demo_db):
    clerk = open_window(qtbot, demo_path, demo_db, "clerk")
    dialog = clerk.open_intake()
    fill(qtbot, dialog)
    with qtbot.waitSignal(dialog.case_registered) as registered:
        dialog.save()
    case = registered.args[0]
    assert "13805351234" in reporter_line(clerk.open_case(case))
    leader = open_window(qtbot, demo_path, demo_db, "leader")
    shown = reporter_line(leader.open_case(case))
    assert "13805351234" not in shown
    assert "138****1234" in shown


def test_closing_the_window_asks_before_losing_a_half_typed_case(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    dialog = window.open_intake()
    type_chinese(dialog.description, "路口有人占道经营")
    asked: list[str] = []

    def keep_it(*args, **kwargs):
        asked.append(args[1])
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", keep_it)
    window.close()
    assert asked, "closing did not ask"
    assert window.isVisible() and dialog.isVisible()
    assert dialog.description.toPlainText() == "路口有人占道经营"
