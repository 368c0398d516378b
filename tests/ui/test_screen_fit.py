"""Everything fits the township office PC: a 1366×768 screen less a 40 px taskbar, which is
the tests' offscreen screen (tests/office_screen.json). Every page and every dialog opens
within 1366×728 with its title bar, and no two visible widgets of one parent overlap.

The dialogs are opened in the state that asks most room of them (an error shown, the longest
list, every optional row), in groups: the case and its steps here, the other pages' dialogs
in test_screen_fit_dialogs.py, the first start in test_screen_fit_first_start.py. The last
test here proves that the groups together open every dialog and wizard page of app/ui."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QWidget, QWizardPage

import app.ui
from app.core.case_path.decide import Request
from app.core.case_path.parties import PartyRequest
from app.core.case_path.rules import STATES, check_preconditions
from app.core.case_path.steps import Action
from app.core.errors import DomainError
from app.core.intake import IntakeRequest
from app.core.model import Case, CaseStatus, Route
from app.store.case_actions import act
from app.store.case_conflicts import Mark
from app.store.case_state import load_state
from app.store.cases import case_by_number, register_case
from app.store.parties import add_party, case_parties
from app.ui.base_data.parts import RecordDialog
from app.ui.case_detail.conflict import CONCURRENT, RIVAL, ConflictDialog
from app.ui.case_detail.dialog import CaseDetailDialog
from app.ui.case_detail.evidence import EvidenceDialog
from app.ui.case_detail.parties import PartyDialog, RemovePartyDialog, WriteDialog
from app.ui.case_detail.steps.form import StepForm
from app.ui.case_detail.steps.handling import ReturnForm
from app.ui.case_detail.steps.registry import FORMS, open_step
from app.ui.case_detail.steps.transfer import AnswerForm
from app.ui.case_detail.steps.triage import RouteForm
from app.ui.cases.intake import IntakeDialog
from app.ui.common.dialog_parts import StoreDialog
from app.ui.common.i18n import error_text
from app.ui.common.screen import FittedDialog
from app.ui.common.thumbnails import ImageViewer
from app.ui.common.two_step import TwoStepDialog
from app.ui.main_window import PAGES
from app.ui.settings.holidays import HolidayScheduleDialog
from app.ui.setup.pages import CheckedPage
from tests.clock import frozen
from tests.ui.conftest import fresh_case, open_window
from tests.ui.screen_fit import HEIGHT, WIDTH, Fits, check_fits, overlaps


def test_the_tests_screen_is_the_office_pc() -> None:
    free = QApplication.primaryScreen().availableGeometry()
    assert (free.width(), free.height()) == (1366, 728)


def test_the_overlap_check_sees_an_overlap(qtbot) -> None:
    from PySide6.QtWidgets import QLabel

    box = QWidget()
    qtbot.addWidget(box)
    one, other = QLabel("一", box), QLabel("二", box)
    one.setGeometry(0, 0, 100, 20)
    other.setGeometry(50, 10, 100, 20)
    box.show()
    assert overlaps(box) == ["QLabel# '一' × QLabel# '二' in QWidget#"]
    other.move(100, 0)  # side by side, touching: fine
    assert overlaps(box) == []


@pytest.mark.parametrize("username", ["admin", "clerk", "officer"])
def test_every_page_fits_the_window_on_the_office_pc(qtbot, demo_path, demo_db, username):
    window = open_window(qtbot, demo_path, demo_db, username)
    window.resize(WIDTH, HEIGHT)
    for key in PAGES:
        window.show_page(key)
        assert window.current_page() == key
        check_fits(window)


# -- the steps of the case path ----------------------------------------------------------------


def case_for(db, path: Path, action: Action) -> Case:
    """A demo case in a state that allows ``action``; for a step the demo has no such case
    for (a request to park waiting for the leader), a case in the right status: the form is
    built on it directly, as it would be."""
    statuses = [status.value for status in STATES[action]]
    marks = ",".join("?" * len(statuses))
    rows = db.execute(
        f"SELECT id, number FROM cases WHERE status IN ({marks}) ORDER BY number", statuses
    ).fetchall()
    for case_id, number in rows:
        try:
            check_preconditions(load_state(db, case_id), action)
        except DomainError:
            continue
        return case_by_number(db, number)
    if rows:
        return case_by_number(db, rows[0][1])
    return case_by_number(db, fresh_case(db, path, Route.DISPATCH_X))


def at_its_largest(form: StepForm) -> None:
    """Every optional row shown: the lists overridden (a reason asked for), the list items a
    "not our duty" return cites, and a refusal under the fields."""
    if isinstance(form, RouteForm) and form.suggestion is not None:
        for units in form.findChildren(QComboBox):
            for index in range(units.count()):
                if form.needs_override_reason():
                    break
                units.setCurrentIndex(index)
    if isinstance(form, ReturnForm):
        form.not_our_duty.setChecked(True)
    form.show_error(error_text(DomainError("wrong_state", action="派遣", state="已结案")) * 2)


def test_every_step_form_fits_the_office_pc(qtbot, demo_path, demo_db):
    window = open_window(qtbot, demo_path, demo_db, "admin")
    fits = Fits()
    for action in FORMS:
        form = open_step(window.session, case_for(demo_db, demo_path, action), action, window)
        at_its_largest(form)
        fits.check(action.value, form)
    fits.assert_all_fit()
    assert fits.classes == set(FORMS.values())


# -- the case and what it opens ---------------------------------------------------------------

CASE_DIALOGS = (
    IntakeDialog,
    CaseDetailDialog,
    EvidenceDialog,
    ConflictDialog,
    ImageViewer,
    HolidayScheduleDialog,
    PartyDialog,
    RemovePartyDialog,
)


PARTIES = (
    PartyRequest(
        "person", "欧阳明轩", "320102199001011232", "13805356789", "青石镇马山村二组 15 号院内东侧"
    ),
    PartyRequest(
        "organisation",
        "烟台市青石镇马山村果品专业合作社联合社",
        address="青石镇马山村村委会东 200 米工业园区 3 号楼",
        credit_code="91350100M000100Y43",
        legal_rep="王五",
    ),
    PartyRequest("person", "李四"),
)


def _busiest_case(db) -> Case:
    number = db.execute(
        "SELECT c.number FROM cases c JOIN events e ON e.entity_id = c.id "
        "GROUP BY c.id ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]
    return case_by_number(db, number)


def _case_with(db, condition: str) -> Case:
    row = db.execute(f"SELECT number FROM cases WHERE {condition} LIMIT 1").fetchone()
    assert row, condition
    return case_by_number(db, row[0])


def _called_case(window) -> Case:
    """A case whose call to a Y department waits for its answer."""
    number = fresh_case(window.db, window.db_path, Route.CALL_Y)
    call = Request(Action.CALL, to="YJJ", reason="需区直部门到场", override_reason="现场需要")
    act(window.db, window.session.blobs, window.user, number, call, wall=frozen)
    return case_by_number(window.db, number)


def _case_with_photos(window, photos: list[Path]) -> Case:
    ref = window.ref
    leaf = next(c.code for c in ref.categories.values() if c.is_leaf)
    request = IntakeRequest(leaf, next(iter(ref.grids)), "菜市场东口占道经营，附现场照片")
    return register_case(window.db, window.session.blobs, window.user, request, photos, wall=frozen)


def _photo(path: Path, width: int, height: int, shade: int = 0) -> Path:
    """A photo in one colour of its own (so each is a file of its own)."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor.fromHsv(shade * 40 % 360, 160, 200))
    assert image.save(str(path), "JPG")
    return path


def test_the_case_and_its_dialogs_fit_the_office_pc(qtbot, demo_path, demo_db, tmp_path):
    window = open_window(qtbot, demo_path, demo_db, "admin")
    session, fits = window.session, Fits()
    fits.check("intake", window.open_intake())
    called = _called_case(window)
    for party in PARTIES:  # three parties, one with every detail: the section's height
        add_party(demo_db, window.user, called.number, party, wall=frozen)
    fits.check("case with a call and parties", window.open_case(called))
    fits.check("case with the most steps", window.open_case(_busiest_case(demo_db)))
    pending = _case_with(demo_db, f"status = '{CaseStatus.PENDING_TRIAGE}'")
    fits.check("case at triage", window.open_case(pending))
    photos = [_photo(tmp_path / f"现场{n}.jpg", 64, 48, n) for n in range(8)]
    evidence = _case_with_photos(window, photos)
    fits.check("evidence", EvidenceDialog(demo_db, session.blobs, evidence, window))
    fits.check("no evidence", EvidenceDialog(demo_db, session.blobs, pending, window))
    steps = [
        (f"2026-11-18 09:{minute:02d} 派遣 受理员张三：派遣至执法中队，现场核实后处置", mark)
        for minute in range(12)
        for mark in (Mark(RIVAL, False), Mark(CONCURRENT, False))
    ]
    fits.check("conflict", ConflictDialog(session, called, steps, window))
    fits.check("conflict, one step", ConflictDialog(session, called, steps[:1], window))
    photo = _photo(tmp_path / "现场.jpg", 4000, 3000)  # a phone's: scaled down to the screen
    fits.check("photo", ImageViewer(photo, photo.name, window))
    tall = _photo(tmp_path / "竖拍.jpg", 1500, 4000)
    fits.check("upright photo", ImageViewer(tall, tall.name, window))
    fits.check("holidays", window.open_holidays(2027))
    fits.check("party", PartyDialog(session, called, window))
    [party, *_] = case_parties(demo_db, called.id, window.user.role)
    fits.check("party removed", RemovePartyDialog(session, called, party, window))
    fits.assert_all_fit()
    assert fits.classes == set(CASE_DIALOGS)


# -- every dialog of app/ui is looked at ---------------------------------------------------------

# bases of dialogs, never opened themselves
BASES = {
    FittedDialog,
    WriteDialog,
    StoreDialog,
    TwoStepDialog,
    RecordDialog,
    StepForm,
    RouteForm,
    AnswerForm,
    CheckedPage,
}


def ui_dialog_classes() -> set[type]:
    """Every dialog, wizard and wizard page class defined in app/ui."""
    for module in pkgutil.walk_packages(app.ui.__path__, "app.ui."):
        importlib.import_module(module.name)
    found = set()
    for base in (QDialog, QWizardPage):
        stack = [base]
        while stack:
            for sub in stack.pop().__subclasses__():
                stack.append(sub)
                if sub.__module__.startswith("app.ui."):
                    found.add(sub)
    return found - BASES


def test_the_fit_tests_open_every_dialog_and_wizard_page() -> None:
    from tests.ui.test_screen_fit_dialogs import OTHER_DIALOGS
    from tests.ui.test_screen_fit_first_start import FIRST_START
    from tests.ui.test_statistics_page import STATISTICS_DIALOGS

    checked = set(FORMS.values()) | set(CASE_DIALOGS) | set(OTHER_DIALOGS) | set(FIRST_START)
    checked |= set(STATISTICS_DIALOGS)
    missing = {c.__qualname__ for c in ui_dialog_classes() - checked}
    assert missing == set()
    assert len(checked) >= 50
