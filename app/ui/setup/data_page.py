"""The setup wizard's page for the starting base data: the standard starting set, a
filled-in workbook, or nothing for now.

A workbook is read and checked on the wizard's worker as soon as it is chosen, before
anything is created; its problems are listed row by row, and the user picks another file.
Rows that read well but do not fit the new township (a category led by a department the
workbook lacks) are found when the township is made; nothing is created then either, and
the wizard comes back here with the problems (``show_refused``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from app.core.base_data_sheets import CATEGORIES, DEPARTMENTS, GRIDS, USERS, BaseDataSet
from app.core.errors import DomainError
from app.reports.setup_workbook import read_workbook, write_template
from app.store.base_data_import import BaseDataRefused, standard_set
from app.ui.common.dialog_parts import error_label, file_row, hint_label
from app.ui.common.i18n import core_language, error_text
from app.ui.common.runner import BackgroundRunner, Operation

STANDARD, WORKBOOK, NOTHING = "standard", "workbook", "nothing"
WORKBOOK_PATTERN = "*.xlsx *.xlsm"


def count_rows(dataset: BaseDataSet) -> dict[str, int]:
    return {
        DEPARTMENTS: len(dataset.departments),
        GRIDS: len(dataset.grids),
        CATEGORIES: sum(1 for row in dataset.categories if row.record.parent_code),  # leaves
        USERS: len(dataset.users),
    }


class DataPage(QWizardPage):
    def __init__(self, runner: BackgroundRunner) -> None:
        super().__init__()
        self.runner = runner
        self.standard = standard_set()
        self.workbook: BaseDataSet | None = None  # read and checked
        self.workbook_path: Path | None = None
        self.reading: Operation | None = None
        self.setTitle(self.tr("Starting base data"))
        intro = QLabel(
            self.tr(
                "The departments (1+X+Y), problem categories, grids and users the township "
                "starts with. Everything can be changed later."
            )
        )
        intro.setWordWrap(True)
        groups = sum(1 for row in self.standard.categories if row.record.parent_code is None)
        leaves = len(self.standard.categories) - groups
        self.standard_option = QRadioButton(self.tr("The standard starting set"))
        self.standard_option.setObjectName("standardOption")
        standard_hint = hint_label(
            self.tr(
                "{departments} departments, named by role (派出所, 应急管理局, …), and {leaves} "
                "problem categories in {groups} groups, each with its usual route and time "
                "limit. Rename and adjust them to your township afterwards."
            ).format(departments=len(self.standard.departments), leaves=leaves, groups=groups)
        )
        self.workbook_option = QRadioButton(self.tr("A filled-in workbook"))
        self.workbook_option.setObjectName("workbookOption")
        workbook_hint = hint_label(
            self.tr(
                "The base-data workbook (基础数据表.xlsx) with your departments, grids, "
                "categories and users, exported from another township or filled in from "
                "the blank template. It is checked before anything is created."
            )
        )
        self.path = QLineEdit()
        self.path.setObjectName("workbookPath")
        self.path.setReadOnly(True)
        self.path.setPlaceholderText(self.tr("No workbook chosen"))
        self.choose_button = QPushButton(self.tr("Choose…"))
        self.choose_button.clicked.connect(self.choose_workbook)
        self.template_button = QPushButton(self.tr("Save a blank template…"))
        self.template_button.clicked.connect(self.save_template)
        path_row = file_row(self.path, self.choose_button, self.template_button)
        self.status = hint_label("")
        self.status.setObjectName("workbookStatus")
        self.status.hide()
        self.problems = QListWidget()
        self.problems.setObjectName("workbookProblems")
        self.problems.setWordWrap(True)
        self.problems.setMaximumHeight(140)
        self.problems.hide()
        self.nothing_option = QRadioButton(self.tr("Nothing for now"))
        self.nothing_option.setObjectName("nothingOption")
        nothing_hint = hint_label(
            self.tr(
                "Only the office and the administrator. Add the base data later on the Base "
                "data page, one by one or from a workbook."
            )
        )
        self.options = QButtonGroup(self)
        for option in (self.standard_option, self.workbook_option, self.nothing_option):
            self.options.addButton(option)
        self.standard_option.setChecked(True)
        self.options.buttonToggled.connect(self._option_changed)
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addWidget(self.standard_option)
        layout.addWidget(_indented(standard_hint))
        layout.addSpacing(8)
        layout.addWidget(self.workbook_option)
        layout.addWidget(_indented(workbook_hint, path_row, self.status, self.problems))
        layout.addSpacing(8)
        layout.addWidget(self.nothing_option)
        layout.addWidget(_indented(nothing_hint))
        layout.addSpacing(4)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self._option_changed()

    # -- the choice -------------------------------------------------------------------------

    def choice(self) -> str:
        if self.workbook_option.isChecked():
            return WORKBOOK
        return NOTHING if self.nothing_option.isChecked() else STANDARD

    def dataset(self) -> BaseDataSet | None:
        """What to import once the township is made; None: nothing."""
        return {STANDARD: self.standard, WORKBOOK: self.workbook, NOTHING: None}[self.choice()]

    def counts(self) -> dict[str, int]:
        dataset = self.dataset()
        return count_rows(dataset) if dataset is not None else {}

    def _option_changed(self, *_args: object) -> None:
        on = self.workbook_option.isChecked()
        for widget in (self.path, self.choose_button, self.template_button):
            widget.setEnabled(on)
        self.error.hide()

    def validatePage(self) -> bool:
        if self.choice() != WORKBOOK:
            return True
        if self.reading is not None:
            return self._refuse(self.tr("The workbook is still being checked. A moment, please."))
        if self.workbook is None:
            return self._refuse(
                self.tr("Choose a workbook without problems, or another starting set.")
            )
        return True

    def _refuse(self, text: str) -> bool:
        self.error.setText(text)
        self.error.show()
        return False

    # -- the workbook -----------------------------------------------------------------------

    def _folder(self) -> str:
        if self.workbook_path is not None:
            return str(self.workbook_path.parent)
        return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)

    def choose_workbook(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the base-data workbook"),
            self._folder(),
            self.tr("Workbooks ({pattern})").format(pattern=WORKBOOK_PATTERN),
        )
        if chosen:
            self.read(Path(chosen))

    def save_template(self) -> None:
        target, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save a blank base-data workbook"),
            str(Path(self._folder()) / self.tr("BaseData.xlsx")),
            self.tr("Workbooks ({pattern})").format(pattern=WORKBOOK_PATTERN),
        )
        if not target:
            return
        path = Path(target) if Path(target).suffix else Path(target).with_suffix(".xlsx")
        try:
            write_template(path)
        except (OSError, DomainError) as error:
            text = error_text(error) if isinstance(error, DomainError) else str(error)
            self._show_status(self.tr("The template was not saved: {reason}").format(reason=text))
            return
        self._show_status(
            self.tr(
                "Blank template saved: {path}. Fill it in, save it, then choose it here."
            ).format(path=path)
        )

    def read(self, path: Path) -> Operation:
        """Read and check the workbook on the worker; the result shows on the page."""
        if self.reading is not None:
            self.reading.cancel()  # only the latest choice counts
        self.workbook, self.workbook_path = None, path
        self.workbook_option.setChecked(True)
        self.path.setText(str(path))
        self.problems.clear()
        self.problems.hide()
        self.error.hide()
        self._show_status(self.tr("Checking the workbook…"))

        def finished(dataset: BaseDataSet) -> None:
            self.workbook = dataset
            found = count_rows(dataset)
            self._show_status(
                self.tr(
                    "The workbook reads well: {departments} departments, {grids} grids, "
                    "{categories} problem categories, {users} users."
                ).format(
                    departments=found[DEPARTMENTS],
                    grids=found[GRIDS],
                    categories=found[CATEGORIES],
                    users=found[USERS],
                )
            )

        def refused(error: DomainError) -> None:
            if isinstance(error, BaseDataRefused):
                self.show_refused(error)
            else:
                self._show_status("")
                self._refuse(
                    self.tr("{problem} Choose another file.").format(problem=error_text(error))
                )

        def settled() -> None:
            if self.reading is operation:
                self.reading = None

        operation = Operation(
            lambda _db, _progress: read_workbook(path),
            finished,
            refused=refused,
            settled=settled,
            needs_database=False,
        )
        self.reading = operation
        return self.runner.run(operation)

    def show_refused(self, refused: BaseDataRefused, creating: bool = False) -> None:
        """List every problem of the workbook, row by row; ``creating``: they were found
        when the township was made, and nothing was created."""
        self.workbook = None
        self.problems.clear()
        self.problems.addItems([problem.text(core_language()) for problem in refused.problems])
        self.problems.show()
        self._show_status("")
        if creating:
            text = self.tr(
                "Nothing was created: {count} rows of the workbook do not fit the new township, "
                "listed above. Correct them in the workbook and choose it again, or choose "
                "another file."
            )
        else:
            text = self.tr(
                "The workbook has {count} problems, listed above. Correct them in the workbook "
                "and choose it again, or choose another file."
            )
        self._refuse(text.format(count=len(refused.problems)))

    def _show_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))


def _indented(*parts: QWidget | QHBoxLayout) -> QWidget:
    """Under its radio button, in line with the button's text."""
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(24, 0, 0, 0)
    column.setSpacing(6)
    for part in parts:
        if isinstance(part, QHBoxLayout):
            column.addLayout(part)
        else:
            column.addWidget(part)
    return box
