"""Headless rendering for ``towndesk screenshot`` and ``towndesk self-test``.

Builds the real window offscreen, signed in without the dialog, and saves what a person
would see. Nothing is written to the database (no sign-in record, no window geometry).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtGui import QFontDatabase, QImage
from PySide6.QtWidgets import QApplication, QWidget

from app.core.case_path.rules import check_allowed
from app.core.case_path.steps import Action, action_words
from app.core.clock import Clock
from app.core.errors import DomainError, Words
from app.core.model import Case, CaseSource, CaseStatus, Role, User, chinese
from app.core.permissions import REGISTER_CASE, ROLE_WORDS, require
from app.store.case_actions import actor_of
from app.store.case_list import CaseFilter, CaseSort, case_window
from app.store.database import integrity_problems
from app.store.encryption import DatabaseFile
from app.store.reference import ReferenceData, user_by_name
from app.store.routing import suggestion_for
from app.store.setup import open_database
from app.ui.case_detail.steps.form import StepForm
from app.ui.cases.intake import IntakeDialog
from app.ui.common.i18n import error_text, qm_file, qt_translator
from app.ui.main_window import PAGES, MainWindow
from app.ui.signin import SignInDialog

PAGE_NAMES = (*PAGES, "case", "triage", "intake", "signin")


def _application(language: str) -> QApplication:
    if QApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.ui.app import create_application, load_translator

    app = create_application([])
    load_translator(app, language)
    return app


def _process_until(done: Callable[[], bool], timeout_s: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if done():
            return True
    return done()


def fill_sample(dialog: IntakeDialog, ref: ReferenceData) -> None:
    """A typical hotline report, so the intake screenshot shows a real form."""
    leaves = [c.code for c in ref.categories.values() if c.is_leaf]
    grid = next(iter(ref.grids))
    dialog.category.set_code("0101" if "0101" in leaves else leaves[0])
    dialog.grid.set_code(grid)
    dialog.source.setCurrentIndex(dialog.source.findData(CaseSource.HOTLINE.value))
    dialog.address.setText("青石村北街菜市场东口")
    dialog.description.setPlainText(
        "菜市场东口有流动摊贩占道经营，水果摊摆到了行车道上，早高峰车辆通行困难"
    )
    dialog.reporter_name.setText("李女士")
    dialog.reporter_phone.setText("13805351234")
    dialog.update_hints()


def render_page(
    db_path: Path | DatabaseFile,
    page: str,
    out: Path,
    clock: Clock,
    username: str = "clerk",
    size: tuple[int, int] = (1366, 728),
    language: str = "zh_CN",
    case_number: str | None = None,
) -> Path:
    """Save a PNG of one page (see ``PAGE_NAMES``). Raises DomainError or ValueError."""
    if page not in PAGE_NAMES:
        raise ValueError(f"unknown page {page!r}; choose one of {', '.join(PAGE_NAMES)}")
    _application(language)
    from app.store.cases import case_by_number

    db = open_database(db_path)
    window = None
    try:
        user = user_by_name(db, username)
        window = MainWindow(db_path, db, user, clock)
        window.remember_geometry = False
        window.resize(*size)
        window.show_page(page if page in PAGES else "cases")
        window.show()
        target: QWidget = window
        if page == "signin":
            target = SignInDialog(db, window.ref.township.name, clock, username)
            target.show()
        elif page == "cases":
            model = window.cases.model
            _process_until(lambda: model.rowCount() == 0 or model.cached_row_count() > 0)
        elif page == "case":
            if case_number:
                case = case_by_number(db, case_number)
            else:
                newest = case_window(db, CaseFilter(), CaseSort(), 0, 1)
                if not newest:
                    raise DomainError("case_unknown", value="—")
                case = newest[0]
            target = window.open_case(case)
        elif page == "triage":
            case = case_by_number(db, case_number) if case_number else _triage_example(db)
            target = _triage_dialog(window, user, case)
        elif page == "intake":
            dialog = window.open_intake()
            if dialog is None:
                require(user.role, REGISTER_CASE)  # says in plain words who may not
            fill_sample(dialog, window.ref)
            target = dialog
        _process_until(lambda: target.isVisible(), 2.0)
        # what the worker reads for the page (a large database's figures, the first page,
        # then its exact count, asked a moment after the first page is painted)
        _process_until(lambda: not window.runner.is_busy(), 60.0)
        _process_until(lambda: False, 0.2)
        _process_until(lambda: not window.runner.is_busy(), 60.0)
        QCoreApplication.processEvents()
        out.parent.mkdir(parents=True, exist_ok=True)
        if not target.grab().save(str(out), "PNG"):
            raise OSError(f"could not write {out}")
        return out
    finally:
        if window is not None:
            for dialog in (window.intake_dialog, window.case_dialog):
                if dialog is not None:
                    with suppress(RuntimeError):  # already deleted on close
                        dialog.done(0)  # done(), not reject(): no "discard?" question
            window.close()
            window.deleteLater()
            QCoreApplication.processEvents()
        db.close()


def _triage_example(db: object) -> Case:
    """A case waiting for triage, preferably one the boundary list names several units for
    (the suggestion a clerk sees most often)."""
    waiting = case_window(db, CaseFilter(status=CaseStatus.PENDING_TRIAGE.value), CaseSort(), 0, 60)  # type: ignore[arg-type]
    if not waiting:
        raise DomainError("case_unknown", value="—")
    for case in waiting:
        suggestion = suggestion_for(db, case)  # type: ignore[arg-type]
        if suggestion is not None and suggestion.basis == "boundary" and suggestion.cooperating:
            return case
    return waiting[0]


def _triage_dialog(window: MainWindow, user: User, case: Case) -> StepForm:
    """The dialog of the step the lists suggest (or the first triage step) for ``case``."""
    detail = window.open_case(case)
    action = detail.suggested_action() or next(
        (a for a in (Action.DISPATCH, Action.CALL, Action.SELF_HANDLE) if a in detail.actions),
        None,
    )
    if action is None:  # say why in the domain's words: the role, or the case's state
        check_allowed(detail.state, actor_of(user), Action.DISPATCH)
        raise DomainError(
            "permission_denied",
            role=Words(chinese(user.role), ROLE_WORDS[user.role]),
            action=action_words(Action.DISPATCH),
        )
    return detail.start_action(action)


def _is_blank(image: QImage) -> bool:
    """True when the picture is (nearly) one colour: nothing was drawn."""
    if image.isNull() or image.width() < 10 or image.height() < 10:
        return True
    colours = set()
    step_x, step_y = max(1, image.width() // 40), max(1, image.height() // 40)
    for x in range(0, image.width(), step_x):
        for y in range(0, image.height(), step_y):
            colours.add(image.pixel(x, y))
    return len(colours) < 3


def self_test(db_path: Path | DatabaseFile, clock: Clock) -> list[str]:
    """Open the database and the window offscreen; return the problems found (empty = fine)."""
    problems: list[str] = []
    _application("zh_CN")
    if qm_file("zh_CN") is None:
        problems.append(
            QCoreApplication.translate(
                "SelfTest", "The Chinese translation (towndesk_zh_CN.qm) is missing."
            )
        )
    if qt_translator("zh_CN") is None:
        problems.append(
            QCoreApplication.translate(
                "SelfTest", "Qt's own Chinese translation (qtbase_zh_CN.qm) is missing."
            )
        )
    if not QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        problems.append(
            QCoreApplication.translate("SelfTest", "No font for Chinese text is installed.")
        )
    problems.extend(_charts_problems())
    try:
        db = open_database(db_path)
    except DomainError as error:
        return [*problems, error_text(error)]
    try:
        damage = integrity_problems(db)
        if damage:
            damaged = QCoreApplication.translate("SelfTest", "The database is damaged: {result}")
            problems.append(damaged.format(result=damage[0]))
        try:
            ref = ReferenceData(db)
        except DomainError as error:
            return [*problems, error_text(error)]
        user = _any_user(ref)
        if user is None:
            return [*problems, QCoreApplication.translate("SelfTest", "The database has no users.")]
        problems.extend(_window_problems(db_path, db, user, clock))
    finally:
        db.close()
    return problems


def _charts_problems() -> list[str]:
    """The charts library, which the window imports only when a chart is first shown and which
    imports parts of Qt by name at run time: a one-folder build that left one out fails here,
    not on the statistics page in front of a user."""
    try:
        import pyqtgraph  # noqa: F401
    except Exception as error:  # the self-test reports, it does not crash
        cannot = QCoreApplication.translate("SelfTest", "The charts could not be loaded: {error}")
        return [cannot.format(error=error)]
    return []


def _any_user(ref: ReferenceData) -> object | None:
    users = sorted(ref.users.values(), key=lambda u: u.role != Role.CLERK)
    return users[0] if users else None


def _window_problems(
    db_path: Path | DatabaseFile, db: object, user: object, clock: Clock
) -> list[str]:

    try:
        window = MainWindow(db_path, db, user, clock)  # type: ignore[arg-type]
        for key in PAGES:  # each page, built on first use by the window, built here now
            window.stack.page(key)
    except Exception as error:  # the self-test reports, it does not crash
        return [
            QCoreApplication.translate("SelfTest", "The window could not be built: {error}").format(
                error=error
            )
        ]
    window.remember_geometry = False
    window.resize(1366, 728)
    window.show_page("cases")
    window.show()
    _process_until(window.isVisible, 2.0)
    image = window.grab().toImage()
    window.close()
    window.deleteLater()
    if _is_blank(image):
        return [QCoreApplication.translate("SelfTest", "The window rendered as a blank picture.")]
    return []
