"""The step forms (ui/case_detail/steps): every step of the case path has its form in the
one registry, and the case detail's timeline reads in the interface's language, the same
sentences as the command line's."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtWidgets import QDateEdit

from app.core.case_path.rules import RETIRED
from app.core.case_path.steps import Action
from app.core.case_path.timeline import EN
from app.store.cases import case_by_number, case_timeline
from app.ui.app import load_translator
from app.ui.case_detail.steps.registry import FORM_CLASSES, FORMS, open_step
from tests.ui.conftest import open_window

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_every_step_has_one_form() -> None:
    assert set(FORMS) == set(Action) - RETIRED  # the one-step police transfer is not offered
    served = [action for form in FORM_CLASSES for action in form.actions]
    assert len(served) == len(set(served))  # no step is served by two forms


def test_the_english_timeline_says_every_step_in_english(window, chinese_app) -> None:
    number = window.db.execute(  # a case well along its path: several kinds of step
        "SELECT c.number FROM cases c JOIN events e ON e.entity_id = c.id "
        "GROUP BY c.id ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]
    case_id = case_by_number(window.db, number).id
    assert load_translator(chinese_app, "en")
    detail = window.open_case(case_by_number(window.db, number))
    entries = detail.timeline_entries
    assert len(entries) >= 4
    assert entries == case_timeline(window.db, case_id, window.ref, EN)  # the CLI's wording
    for entry in entries:
        assert not CJK.search(entry.action), entry
    assert entries[0].action == "Registered" and entries[0].detail.startswith("source: ")
    detail.done(0)


def test_the_supervise_form_offers_a_new_deadline(qtbot, demo_path, demo_db) -> None:
    leader = open_window(qtbot, demo_path, demo_db, "leader")
    number = demo_db.execute(
        "SELECT number FROM cases WHERE status = 'pending_triage' LIMIT 1"
    ).fetchone()[0]
    form = open_step(leader.session, case_by_number(demo_db, number), Action.SUPERVISE, leader)
    reply_by = form.findChild(QDateEdit, "replyBy")
    # the tests' clock stands on Wednesday 18 November 2026: five working days on
    assert reply_by.date().toPython() == date(2026, 11, 25)
    assert reply_by.minimumDate().toPython() == date(2026, 11, 18)  # never before today
    form.note.setPlainText("请于期限内研判分拨")
    assert form.request().reply_by == "2026-11-25"
    form.done(0)
