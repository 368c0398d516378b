"""The first start fits the office PC (tests/ui/screen_fit.py says how): the three ways in,
joining as a field laptop (the form, a refusal, joined), and the set-up wizard on each of its
pages, the data page with a workbook's problems and the last page with first passwords."""

from __future__ import annotations

from app.core.base_data_sheets import SheetProblem
from app.core.errors import DomainError
from app.reports.setup_workbook import export_workbook
from app.store.base_data_import import BaseDataRefused
from app.sync.enrolment import enrol
from app.sync.keys import CHEAP
from app.ui.setup.data_page import DataPage
from app.ui.setup.done_page import DonePage
from app.ui.setup.first_run import FirstRunDialog
from app.ui.setup.join import JoinDialog
from app.ui.setup.pages import AdminPage, ConfirmPage, TownshipPage
from app.ui.setup.wizard import SetupWizard
from app.ui.unlock import DeviceUnlockDialog
from tests.clock import frozen
from tests.sync.conftest import LAPTOP_PASSWORD, OFFICE_PASSWORD, open_node
from tests.ui.screen_fit import Fits, shown

WIZARD_PAGES = (TownshipPage, AdminPage, DataPage, ConfirmPage, DonePage)
FIRST_START = (FirstRunDialog, JoinDialog, SetupWizard, DeviceUnlockDialog, *WIZARD_PAGES)


def _raise(error: BaseException, details: str) -> None:
    raise AssertionError(f"unexpected error dialog: {error!r}\n{details}")


def test_the_first_start_and_joining_fit_the_office_pc(qtbot, demo_path, tmp_path, clock):
    fits = Fits()
    first = FirstRunDialog(tmp_path / "new" / "towndesk.sqlite3", clock, cost=CHEAP)
    qtbot.addWidget(first)
    fits.check("first start", first, close=False)
    joining = first.join()
    joining.runner.error_handler = _raise
    joining.show_error(
        joining.tr("There is no file {path}.").format(
            path=tmp_path / "U盘" / ("注册文件-青石村第三网格外业终端" * 3 + ".tdenrol")
        )
    )
    fits.check("join", joining, close=False)
    office = open_node(demo_path, OFFICE_PASSWORD)
    enrolment = tmp_path / "注册文件-青石村网格终端.tdenrol"
    enrol(office.db, office.blobs, office.keys, office.user("admin"), "青石村网格终端",
          "grid-worker", None, LAPTOP_PASSWORD, enrolment, CHEAP, wall=frozen)  # fmt: skip
    office.db.close()
    joining.file.setText(str(enrolment))
    joining.password.setText(LAPTOP_PASSWORD)
    joining.submit()
    qtbot.waitUntil(lambda: joining.device is not None, timeout=30_000)
    fits.check("joined", joining)
    fits.check("first start, after", first)
    unlock = DeviceUnlockDialog(tmp_path / "new" / "towndesk.sqlite3")  # the laptop's next start
    qtbot.addWidget(unlock)
    fits.check("unlock", unlock, close=False)
    unlock.password.setText("wrong-password")
    for _ in range(3):  # the third wrong password: the longest message and a wait
        unlock.try_unlock()
    fits.check("unlock, wrong password", unlock)
    fits.assert_all_fit()
    assert fits.classes == {FirstRunDialog, JoinDialog, DeviceUnlockDialog}


def _problems(count: int) -> BaseDataRefused:
    rows = [
        SheetProblem("部门", row, DomainError("cell_choice_invalid", found="层级", value="Z"))
        for row in range(2, 2 + count)
    ]
    return BaseDataRefused(rows)


def test_the_setup_wizard_fits_the_office_pc_on_each_page(qtbot, demo_db, tmp_path, clock):
    fits = Fits()
    wizard = SetupWizard(tmp_path / "data" / "towndesk.sqlite3", clock)
    wizard.runner.error_handler = _raise
    qtbot.addWidget(wizard)
    shown(wizard)
    township = wizard.township_page
    township.refuse(township.tr("Enter the full name of the issuing authority."))
    fits.check("township", wizard, close=False)
    township.name.setText("白石镇")
    township.code.setText("BS")
    wizard.next()
    admin = wizard.admin_page
    admin.refuse(admin.tr("The two passwords differ. Type it again."))
    fits.check("administrator", wizard, close=False)
    admin.password.setText("baishi-2026")
    admin.again.setText("baishi-2026")
    wizard.next()
    data = wizard.data_page
    data.show_refused(_problems(40))
    fits.check("data, a workbook's problems", wizard, close=False)
    workbook = tmp_path / "青石镇基础数据表.xlsx"
    export_workbook(demo_db, workbook)
    data.read(workbook)
    qtbot.waitUntil(lambda: data.reading is None, timeout=20_000)
    assert data.workbook is not None
    fits.check("data, a workbook", wizard, close=False)
    wizard.next()
    wizard.confirm_page.show_error(
        wizard.tr("The township was not created; nothing was left half-made.")
    )
    fits.check("ready to create", wizard, close=False)
    wizard.create()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.done_page, timeout=60_000)
    assert wizard.done_page.passwords.rowCount() > 10
    fits.check("done, first passwords", wizard)
    fits.assert_all_fit()
    assert fits.classes == {SetupWizard, *WIZARD_PAGES}
