"""The dialogs of the pages fit the office PC (tests/ui/screen_fit.py says how): joint
meetings, duty disputes, sync, base data, one's account, sign-in and the list import on each
of its steps. Each opens in the state that asks most room of it: with the error line shown,
the longest list, every optional row."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from app.core.base_data_sheets import SheetProblem
from app.core.errors import DomainError
from app.core.lists import ListKind
from app.core.meetings import DecisionDraft
from app.core.model import Tier
from app.reports.spreadsheets import read_sheet
from app.store import meetings as m
from app.store.base_data_import import Imported
from app.store.disputes import dispute_by_id
from app.store.reference import township
from app.store.routing import boundary_entries
from app.sync.enrolment import unlock
from app.sync.keys import CHEAP
from app.ui.account import ChangePasswordDialog
from app.ui.base_data.categories import CategoryDialog
from app.ui.base_data.parts import ActiveDialog
from app.ui.base_data.people import ResetPasswordDialog, UserDialog
from app.ui.base_data.results import ImportedDialog, ProblemsDialog
from app.ui.base_data.split import SplitDialog
from app.ui.base_data.units import DepartmentDialog, GridDialog, ProfileDialog
from app.ui.base_data.workbook import ConfirmDialog
from app.ui.common.dialog_parts import StoreDialog
from app.ui.common.keys import KeyRing, UnlockDialog
from app.ui.disputes.dialogs import DecideDialog, ReferDialog, WithdrawDialog
from app.ui.lists.import_dialog import ListImportDialog
from app.ui.meetings.dialogs import AgendaDialog, MarkDoneDialog, MeetingDialog, MembersDialog
from app.ui.meetings.minutes import MinutesDialog
from app.ui.signin import SignInDialog
from app.ui.sync.enrol import EnrolDialog
from app.ui.sync.preview import ImportPreviewDialog
from app.ui.sync.revoke import RevokeDialog
from tests.clock import frozen
from tests.ui.conftest import open_window
from tests.ui.screen_fit import Fits, shown
from tests.ui.test_meetings_page import disputed_case

LISTS = Path(__file__).parents[2] / "resources" / "lists"
REFUSED = DomainError("permission_denied", role="受理员", action="保存")

MEETING_DIALOGS = (
    MembersDialog,
    MeetingDialog,
    AgendaDialog,
    MinutesDialog,
    MarkDoneDialog,
    DecideDialog,
    ReferDialog,
    WithdrawDialog,
)
SYNC_DIALOGS = (EnrolDialog, RevokeDialog, ImportPreviewDialog, UnlockDialog)
BASE_DATA_DIALOGS = (
    ProfileDialog,
    DepartmentDialog,
    GridDialog,
    CategoryDialog,
    SplitDialog,
    UserDialog,
    ResetPasswordDialog,
    ActiveDialog,
    ConfirmDialog,
    ProblemsDialog,
    ImportedDialog,
    ChangePasswordDialog,
    SignInDialog,
    ListImportDialog,
)
OTHER_DIALOGS = (*MEETING_DIALOGS, *SYNC_DIALOGS, *BASE_DATA_DIALOGS)


def refused(dialog: StoreDialog) -> StoreDialog:
    """The store said no: the error line under the form takes its room too."""
    shown(dialog)
    dialog.refused(REFUSED)
    return dialog


# -- joint meetings and duty disputes ------------------------------------------------------------


def test_the_meeting_and_dispute_dialogs_fit_the_office_pc(qtbot, demo_path, demo_db):
    window = open_window(qtbot, demo_path, demo_db, "clerk")
    session, fits = window.session, Fits()
    dispute = dispute_by_id(demo_db, disputed_case(demo_db, demo_path, window.clock)[1])
    clerk, now = window.user, window.clock.now()
    units = ["ZHB", "PCS", "SCJG", "ZFZD", "YJJ"]
    m.set_members(demo_db, clerk, units, wall=frozen)
    held = m.schedule_meeting(demo_db, clerk, f"{now - timedelta(days=9):%Y-%m-%d} 09:30",
                              "镇政府三楼会议室", "刘建军", units, [], wall=frozen)  # fmt: skip
    decisions = [
        DecisionDraft(f"第{n}项：各单位报送长期超期案件的情况说明及整改计划", "ZHB",
                      f"{now + timedelta(days=20):%Y-%m-%d}")
        for n in range(1, 4)
    ]  # fmt: skip
    m.record_minutes(demo_db, clerk, held.id, "会议研究了长期超期案件。", decisions, wall=frozen)
    upcoming = m.schedule_meeting(demo_db, clerk, f"{now + timedelta(days=2):%Y-%m-%d} 09:30",
                                  "镇政府三楼会议室", "刘建军", units, wall=frozen)  # fmt: skip
    fits.check("members", refused(MembersDialog(session, window)))
    fits.check("new meeting", refused(MeetingDialog(session, window)))
    fits.check("agenda", refused(AgendaDialog(session, upcoming, window)))
    minutes = refused(MinutesDialog(session, upcoming, window))
    for _ in range(3):
        row = minutes.add_decision()
        if row.dispute.count() > 1:
            row.dispute.setCurrentIndex(1)  # settles the dispute: lead and cooperating units
    fits.check("minutes with three decisions", minutes)
    decision = m.open_decisions(demo_db)[0]
    fits.check("decision done", refused(MarkDoneDialog(session, decision, window)))
    boundary = boundary_entries(demo_db, dispute.category_code)
    fits.check("rule on a dispute", refused(DecideDialog(session, dispute, boundary, window)))
    fits.check("rule, no list item", refused(DecideDialog(session, dispute, [], window)))
    meetings = m.meetings(demo_db)
    fits.check("refer a dispute", refused(ReferDialog(session, dispute, meetings, window)))
    where = "第 2 次联席会议 · 2026-12-07 09:30 · 镇政府三楼会议室"
    fits.check("withdraw a dispute", refused(WithdrawDialog(session, dispute, where, window)))
    fits.assert_all_fit()
    assert fits.classes == set(MEETING_DIALOGS)


# -- sync ------------------------------------------------------------------------------------


def test_the_sync_dialogs_fit_the_office_pc(qtbot, demo_path, demo_db, tmp_path):
    window = open_window(qtbot, demo_path, demo_db, "admin")
    session, fits = window.session, Fits()
    ring = KeyRing(session, window)
    fits.check("first key password", UnlockDialog(ring, True, window))
    unlocking = shown(UnlockDialog(ring, False, window))
    unlocking.show_error(error_text_of("key_password_wrong"))
    fits.check("key password", unlocking)
    keys = unlock(demo_db, demo_path, "office-keys", CHEAP, window.user, wall=frozen)
    enrolling = shown(EnrolDialog(session, keys, tmp_path, CHEAP, window))
    enrolling.name.setText("青石村第三网格外业终端")
    enrolling.password.setText("qingshi-2026")
    enrolling.confirm.setText("qingshi-2026")
    enrolling.show_error(error_text_of("key_password_wrong"))
    fits.check("enrol", enrolling, close=False)
    enrolling.submit()
    qtbot.waitUntil(lambda: enrolling.outcome is not None, timeout=20_000)
    fits.check("enrolled", enrolling)
    device = enrolling.outcome.device
    fits.check("revoke", refused(RevokeDialog(session, device, window)))
    summary = {
        "sender": "青石村第三网格外业终端",
        "sender_code": "K7",
        "created_at": "2026-11-18T19:06:00",
        "new_cases": 12,
        "new_events": 1234,
        "new_evidence": 56,
        "duplicates": 7,
        "quarantined": 3,
        "held_back": 9,
    }
    sync_file = tmp_path / "同步包-青石村第三网格外业终端-20261118.tdsync"
    fits.check("import preview", ImportPreviewDialog(summary, sync_file, window))
    nothing = {**summary, "new_events": 0, "new_evidence": 0, "quarantined": 0}
    fits.check("nothing new", ImportPreviewDialog(nothing, sync_file, window))
    again = {**summary, "already_imported": True}
    fits.check("imported before", ImportPreviewDialog(again, sync_file, window))
    fits.assert_all_fit()
    assert fits.classes == set(SYNC_DIALOGS)


def error_text_of(code: str) -> str:
    from app.ui.common.i18n import error_text

    return error_text(DomainError(code))


# -- base data, one's account, sign-in, the lists ----------------------------------------------


def _problems(count: int) -> list[SheetProblem]:
    return [
        SheetProblem("用户", row, DomainError("cell_choice_invalid", found="角色", value="局长"))
        for row in range(2, 2 + count)
    ]


def test_the_base_data_and_account_dialogs_fit_the_office_pc(qtbot, demo_path, demo_db):
    window = open_window(qtbot, demo_path, demo_db, "admin")
    session, ref, fits = window.session, window.ref, Fits()
    fits.check("profile", refused(ProfileDialog(session, township(demo_db), window)))
    fits.check("new department", refused(DepartmentDialog(session, None, window)))
    district = next(d for d in ref.departments.values() if d.tier == Tier.Y)
    fits.check("district department", refused(DepartmentDialog(session, district, window)))
    fits.check("new grid", refused(GridDialog(session, None, window)))
    fits.check("grid", refused(GridDialog(session, next(iter(ref.grids.values())), window)))
    leaf = next(c for c in ref.categories.values() if c.is_leaf)
    fits.check("new group", refused(CategoryDialog(session, None, None, window)))
    fits.check("new category", refused(CategoryDialog(session, None, leaf.parent_code, window)))
    fits.check("category", refused(CategoryDialog(session, leaf, parent=window)))
    fits.check("split a category", refused(SplitDialog(session, leaf, window)))
    fits.check("new user", refused(UserDialog(session, None, window)))
    fits.check("user", refused(UserDialog(session, window.user, window)))
    fits.check("reset password", refused(ResetPasswordDialog(session, window.user, window)))
    explanation = "停用后，新登记案件时不再提供该单位；已有案件保留原记录，以后可以重新启用。" * 2
    active = ActiveDialog(session, "停用 青石镇生态环境监管站？", explanation, "停用",
                          lambda _db: None, window)  # fmt: skip
    fits.check("deactivate", refused(active))
    fits.check(
        "standard set",
        ConfirmDialog("标准初始数据", "添加标准初始数据？", explanation, "添加", window),
    )
    fits.check("80 problems", ProblemsDialog(_problems(80), "青石镇基础数据表.xlsx", window))
    passwords = {f"wgy{n:02d}": "kq7m-xr4p" for n in range(60)}
    imported = Imported({"部门": 3, "网格": 12, "用户": 60}, {"问题类别": 2}, passwords)
    fits.check("60 first passwords", ImportedDialog(imported, "青石镇基础数据表.xlsx", window))
    fits.check("nothing changed", ImportedDialog(Imported(), "青石镇基础数据表.xlsx", window))
    fits.check("change password", refused(ChangePasswordDialog(session, window)))
    forced = ChangePasswordDialog(session, None, forced=True, current="demo-2026")
    fits.check("forced password change", refused(forced))
    signing_in = shown(SignInDialog(demo_db, ref.township.name, window.clock, ""))
    signing_in._show_error(error_text_of("password_wrong"))
    fits.check("sign-in", signing_in)
    fits.assert_all_fit()
    assert fits.classes == set(BASE_DATA_DIALOGS) - {ListImportDialog}


def test_the_list_import_fits_the_office_pc_on_each_step(qtbot, demo_path, demo_db):
    window = open_window(qtbot, demo_path, demo_db, "admin")
    session, fits = window.session, Fits()
    sheet = read_sheet(LISTS / "职责边界清单.csv")
    importing = shown(ListImportDialog(session, sheet, ListKind.BOUNDARY, window))
    fits.check("mapping", importing, close=False)
    importing.preview()
    fits.check("preview", importing, close=False)
    importing.apply()
    qtbot.waitUntil(lambda: importing.result is not None, timeout=20_000)
    fits.check("imported", importing)
    broken = replace(sheet, rows=[[""] * len(row) for row in sheet.rows])
    refusing = shown(ListImportDialog(session, broken, ListKind.BOUNDARY, window))
    refusing.preview()
    refusing._refused(
        DomainError("list_rows_invalid", value="\n".join(["第 3 行：缺少牵头单位"] * 60), found=60)
    )
    fits.check("preview with problems", refusing)
    duties = read_sheet(LISTS / "职责任务清单.csv")
    fits.check("duties", ListImportDialog(session, duties, ListKind.DUTIES, window))
    fits.assert_all_fit()
    assert fits.classes == {ListImportDialog}
