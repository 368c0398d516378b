"""Setting up our township (建立本乡镇): a wizard on the office PC's first start.

The township's name, code, issuing authority, office and hours; the administrator's
password; the starting base data; a last look; then the township is made on the worker,
whole or not at all (store/new_township.py). Each page checks what was typed before Next and
says what is wrong on the page itself. The last page shows the first passwords of users a
workbook brought in, once, to copy.
"""

from __future__ import annotations

import traceback
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget, QWizard

from app.core.clock import Clock
from app.core.errors import DomainError
from app.store.base_data_import import BaseDataRefused
from app.store.new_township import Created, SetupCancelled, TownshipPlan, create_township
from app.ui.common.i18n import error_text
from app.ui.common.runner import Operation, Progress
from app.ui.common.screen import fit_to_screen
from app.ui.setup.data_page import DataPage
from app.ui.setup.done_page import DonePage
from app.ui.setup.first_start import FirstStart
from app.ui.setup.pages import AdminPage, ConfirmPage, TownshipPage

WIZARD_SIZE = (720, 620)  # within 1366×728 with the title bar; pages scroll if need be


class SetupWizard(FirstStart, QWizard):
    created = Signal(object)  # Created

    def __init__(self, db_path: Path, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start_worker(db_path, clock)
        self.outcome: Created | None = None
        self.operation: Operation | None = None
        self.setObjectName("setupWizard")
        self.setWindowTitle(self.tr("Set up our township"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage)
        Button = QWizard.WizardButton
        self.setButtonText(Button.BackButton, self.tr("Back"))
        self.setButtonText(Button.NextButton, self.tr("Next"))
        self.setButtonText(Button.CommitButton, self.tr("Create the township"))
        self.setButtonText(Button.FinishButton, self.tr("Go to sign-in"))
        self.setButtonText(Button.CancelButton, self.tr("Cancel"))
        self.township_page = TownshipPage(clock)
        self.admin_page = AdminPage()
        self.data_page = DataPage(self.runner)
        self.confirm_page = ConfirmPage(self)
        self.done_page = DonePage(self)
        for page in (
            self.township_page,
            self.admin_page,
            self.data_page,
            self.confirm_page,
            self.done_page,
        ):
            self.addPage(page)
        fit_to_screen(self, *WIZARD_SIZE)

    def plan(self) -> TownshipPlan:
        t = self.township_page
        return TownshipPlan(
            name=t.name.text().strip(),
            code=t.code.text().strip().upper(),
            authority=t.authority.text().strip(),
            address=t.address.text().strip(),
            duty_phone=t.phone.text().strip(),
            opens=t.opens.time().toString("HH:mm"),
            closes=t.closes.time().toString("HH:mm"),
            admin_password=self.admin_page.password.text(),
            data=self.data_page.dataset(),
        )

    # -- creating ----------------------------------------------------------------------------

    def create(self) -> Operation | None:
        """Make the township on the worker; the wizard moves on when it is made."""
        if self.operation is not None or self.outcome is not None:
            return None
        plan, path, wall = self.plan(), self.db_path, self.clock.wall

        def work(_db: object, progress: Progress) -> Created:
            return create_township(path, plan, wall=wall, progress=progress)

        self._busy(True)
        self.confirm_page.show_working()
        self.operation = self.runner.run(
            Operation(
                work,
                self._created,
                failure=self._failed,
                refused=self._refused,
                settled=self._settled,
                report_if_cancelled=True,  # a township made is reported, Cancel or not
                label=self.tr("Creating the township…"),
                needs_database=False,
            )
        )
        return self.operation

    def _created(self, outcome: Created) -> None:
        self.outcome = outcome
        self.created.emit(outcome)
        self.next()  # the confirm page lets it through now

    def _refused(self, error: DomainError) -> None:
        if isinstance(error, BaseDataRefused):
            self.back()  # to the data page, which lists the workbook's problems
            self.data_page.show_refused(error, creating=True)
            return
        self.confirm_page.show_error(
            self.tr("{problem} Nothing was created.").format(problem=error_text(error))
        )

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, SetupCancelled):
            self.confirm_page.show_error(self.tr("Cancelled. Nothing was created."))
            return
        self.confirm_page.show_error(
            self.tr("The township was not created; nothing was left half-made.")
        )
        self.runner.error_handler(error, "".join(traceback.format_exception(error)))

    def _settled(self) -> None:
        self.operation = None
        if self.outcome is None:  # made: the last page has no way back
            self._busy(False)

    def _busy(self, busy: bool) -> None:
        for button in (
            QWizard.WizardButton.BackButton,
            QWizard.WizardButton.CommitButton,
            QWizard.WizardButton.CancelButton,
        ):
            self.button(button).setEnabled(not busy)

    def made(self) -> bool:
        """Once the township is made it stays: Esc and Cancel go on to sign-in."""
        return self.outcome is not None
