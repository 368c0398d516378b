"""Registering a case through the intake dialog, the way a clerk does it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QPushButton

from app.core.case_path.rules import TRIAGE
from app.core.case_path.steps import Action
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
    opened = window.case_dialog  # the clerk triages next: the new case is open already
    assert opened is not None and opened.case.number == case.number
    opened.accept()

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
    qtbot.waitUntil(lambda: window.case_dialog is not opened)
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


def test_a_reporter_not_held_here_shows_as_confidential_even_to_a_clerk(qtbot, demo_path, demo_db):
    """A laptop holds no reporter it did not type (app/core/secrets.py): the case says a
    reporter was given, and nothing more, whoever looks."""
    clerk = open_window(qtbot, demo_path, demo_db, "clerk")
    dialog = clerk.open_intake()
    fill(qtbot, dialog)
    with qtbot.waitSignal(dialog.case_registered) as registered:
        dialog.save()
    case = registered.args[0]
    demo_db.execute(
        "DELETE FROM secrets WHERE ref = (SELECT reporter_ref FROM cases WHERE id = ?)", [case.id]
    )
    demo_db.conn.commit()
    assert reporter_line(clerk.open_case(case)) == "保密"


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


# -- typing a category or a grid ------------------------------------------------------------


def active(qtbot, dialog: IntakeDialog) -> IntakeDialog:
    """The dialog as the clerk has it: the active window, so keys and focus go to it."""
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key as the keyboard sends it: to the completer's open list, else the focus."""
    qtbot.keyClick(QApplication.activePopupWidget() or QApplication.focusWidget(), key, modifier)


def type_into(qtbot, picker, text: str) -> None:
    picker.setFocus()
    if text.isascii():
        qtbot.keyClicks(QApplication.focusWidget(), text)
    else:
        type_chinese(picker.lineEdit(), text)


@pytest.mark.parametrize(
    "picker, typed, code",
    [
        ("grid", "G01", "G01"),
        ("grid", "g01", "G01"),
        ("grid", "青石村第一网格", "G01"),
        ("grid", "青石村第一网格（青石村）", "G01"),
        ("grid", "青石村第二", "G02"),
        ("category", "0101", "0101"),
        ("category", "占道", "0101"),
        ("category", "占道经营", "0101"),
        ("category", "市容环境 / 占道经营", "0101"),
    ],
)
def test_a_category_or_grid_is_found_by_code_or_name(qtbot, window, picker, typed, code):
    dialog = active(qtbot, window.open_intake())
    field = getattr(dialog, picker)
    type_into(qtbot, field, typed)
    assert field.code() == code  # what is saved, even before the field is left
    press(qtbot, Qt.Key.Key_Tab)  # leaving it shows the one found
    assert not field.hasFocus()
    assert field.currentData() == code
    assert field.currentText().startswith(f"{code} ")


def test_the_completer_offers_codes_and_names(qtbot, window):
    dialog = active(qtbot, window.open_intake())
    type_into(qtbot, dialog.grid, "G01")
    completer = dialog.grid.completer()
    assert completer.popup().isVisible()
    assert completer.completionCount() == 1
    assert completer.currentCompletion() == "G01 青石村第一网格（青石村）"
    press(qtbot, Qt.Key.Key_Escape)
    type_into(qtbot, dialog.category, "占道")
    completer = dialog.category.completer()
    assert completer.completionCount() == 1
    assert completer.currentCompletion() == "0101 市容环境 / 占道经营"


def test_text_several_grids_hold_is_named_not_guessed(qtbot, window, demo_db):
    before = count_cases(demo_db, CaseFilter())
    dialog = window.open_intake()
    fill(qtbot, dialog)
    dialog.grid.clear_choice()
    type_chinese(dialog.grid.lineEdit(), "青石村")
    count = sum(1 for r in demo_db.execute("SELECT area FROM grids") if r[0] == "青石村")
    assert count > 1 and dialog.grid.code() == "青石村"  # passed on as typed, not guessed
    dialog.save()
    assert f"“青石村”对应 {count} 个网格，请从列表中选择一个。" in dialog.error_text()
    assert "不存在" not in dialog.error_text()
    assert dialog.grid.property("invalid") is True
    assert count_cases(demo_db, CaseFilter()) == before


def test_an_unknown_grid_is_refused_in_plain_words(qtbot, window):
    dialog = window.open_intake()
    fill(qtbot, dialog)
    dialog.grid.clear_choice()
    type_chinese(dialog.grid.lineEdit(), "火星第一网格")
    dialog.save()
    qtbot.waitUntil(lambda: bool(dialog.error_text()))
    assert "网格“火星第一网格”不存在" in dialog.error_text()


# -- Enter ------------------------------------------------------------------------------------


def test_enter_in_a_field_never_opens_the_photo_dialog(qtbot, window, monkeypatch):
    asked: list[object] = []
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", lambda *a, **k: asked.append(a) or ([], "")
    )
    dialog = active(qtbot, window.open_intake())
    assert not any(b.isDefault() or b.autoDefault() for b in dialog.findChildren(QPushButton))
    fields = [
        dialog.category,
        dialog.grid,
        dialog.source,
        dialog.urgent,
        dialog.address,
        dialog.reporter_name,
        dialog.reporter_phone,
        dialog.latitude,
        dialog.longitude,
    ]
    for field in fields:
        field.setFocus()
        press(qtbot, Qt.Key.Key_Return)
        field.setFocus()
        press(qtbot, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert asked == []
    assert dialog.isVisible() and dialog.registered is None  # nor saved, nor closed


def test_enter_moves_on_to_the_next_field(qtbot, window):
    dialog = active(qtbot, window.open_intake())
    dialog.address.setFocus()
    type_chinese(dialog.address, "青石村北街")
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.description.hasFocus()
    type_into(qtbot, dialog.grid, "G02")
    press(qtbot, Qt.Key.Key_Return)  # picks from the completer's list
    press(qtbot, Qt.Key.Key_Return)  # and moves on
    assert dialog.grid.currentData() == "G02"
    assert dialog.source.hasFocus()


def test_the_photo_button_still_opens_the_photo_dialog(qtbot, window, monkeypatch, photo):
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(photo)], ""))
    dialog = window.open_intake()
    qtbot.mouseClick(dialog.add_photo_button, Qt.MouseButton.LeftButton)
    assert dialog.photos.count() == 1


# -- the error banner follows the fixes ---------------------------------------------------------


def test_the_banner_clears_when_the_fields_are_fixed(qtbot, window):
    dialog = window.open_intake()
    qtbot.keyClicks(dialog.reporter_phone, "12345678")
    type_chinese(dialog.reporter_name, "李女士")
    dialog.save()
    qtbot.waitUntil(lambda: bool(dialog.error_text()))  # the store's refusal
    text = dialog.error_text()
    for expected in ("请选择问题类别", "请选择网格", "请填写问题描述", "格式不对"):
        assert expected in text
    dialog.reporter_phone.clear()
    qtbot.keyClicks(dialog.reporter_phone, "13805351234")
    assert "格式不对" not in dialog.error_text()  # fixed: gone at once
    assert "请填写问题描述" in dialog.error_text()  # the others stay until fixed
    assert dialog.reporter_phone.property("invalid") is False
    assert dialog.description.property("invalid") is True
    qtbot.keyClicks(dialog.category.lineEdit(), "0101")
    qtbot.keyClicks(dialog.grid.lineEdit(), "G01")
    assert "请选择问题类别" not in dialog.error_text()
    dialog.description.setFocus()
    type_chinese(dialog.description, DESCRIPTION)
    assert dialog.error_text() == ""
    assert not dialog.errors.isVisible()
    assert not any(w.property("invalid") for w in dialog.fields.values())


def test_typing_is_not_nagged_about_a_new_problem(qtbot, window):
    dialog = window.open_intake()
    fill(qtbot, dialog, description="")
    dialog.save()
    qtbot.waitUntil(lambda: bool(dialog.error_text()))
    dialog.reporter_phone.clear()
    qtbot.keyClicks(dialog.reporter_phone, "138")  # half typed: not judged yet
    assert "格式不对" not in dialog.error_text()
    assert "请填写问题描述" in dialog.error_text()
    type_chinese(dialog.description, DESCRIPTION)
    assert dialog.error_text() == ""
    dialog.save()  # the next save judges everything again
    qtbot.waitUntil(lambda: "格式不对" in dialog.error_text())


def test_a_photo_problem_goes_when_the_photo_is_removed(qtbot, window, tmp_path):
    not_a_photo = tmp_path / "说明.png"
    not_a_photo.write_text("这不是图片")
    dialog = window.open_intake()
    fill(qtbot, dialog)
    dialog.add_photos([not_a_photo])
    dialog.save()
    qtbot.waitUntil(lambda: bool(dialog.error_text()))
    assert dialog.photos.property("invalid") is True
    type_chinese(dialog.address, "东口")  # another field: the photo is still wrong
    assert dialog.error_text()
    dialog.photos.setCurrentRow(0)
    dialog.remove_selected_photos()
    assert dialog.error_text() == ""
    assert dialog.photos.property("invalid") is False


# -- after saving -------------------------------------------------------------------------------


def test_a_clerks_new_case_opens_ready_for_triage(qtbot, window):
    dialog = window.open_intake()
    fill(qtbot, dialog)
    with qtbot.waitSignal(dialog.case_registered) as registered:
        dialog.save()
    case = registered.args[0]
    qtbot.waitUntil(lambda: window.case_dialog is not None)
    detail = window.case_dialog
    assert detail.isVisible() and not dialog.isVisible()
    assert detail.case.number == case.number
    steps = list(detail.action_buttons)
    # the triage steps, and the request to transfer to the police (also taken in handling)
    assert steps and all(step in (*TRIAGE, Action.POLICE_REQUEST) for step in steps)
    suggested = detail.suggested_action()
    assert suggested is not None and steps[0] == suggested  # the lists' suggestion first
    assert detail.action_buttons[suggested].text().startswith("建议：")


@pytest.mark.parametrize("username", ["officer", "grid"])
def test_who_does_not_triage_is_not_shown_the_case(qtbot, demo_path, demo_db, username):
    user_window = open_window(qtbot, demo_path, demo_db, username)
    dialog = user_window.open_intake()
    fill(qtbot, dialog)
    with qtbot.waitSignal(dialog.case_registered):
        dialog.save()
    assert not dialog.isVisible()
    assert user_window.case_dialog is None  # they do not triage: nothing opens
