"""The base-data workbook (基础数据表.xlsx) on the page: export what the township has, save
an empty template, import a filled-in workbook, or take the standard starting set. An
import is all or nothing (store/base_data_import.py) and runs on the worker; a refused
workbook lists every problem, a good one says what it added and changed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)

from app.core.base_data_sheets import BaseDataSet
from app.core.errors import DomainError
from app.reports.setup_workbook import TITLE, export_workbook, read_workbook, write_template
from app.store.base_data_import import BaseDataRefused, Imported, import_base_data, standard_set
from app.ui.base_data.results import ImportedDialog, ProblemsDialog
from app.ui.common.dialog_parts import button_row, dialog_layout, question_label
from app.ui.common.i18n import error_text
from app.ui.common.runner import Operation
from app.ui.common.screen import FittedDialog
from app.ui.common.session import Session

XLSX = ".xlsx"


def _documents() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


def _xlsx(chosen: str) -> Path:
    path = Path(chosen)
    return path if path.suffix.lower() == XLSX else path.with_suffix(XLSX)


class ConfirmDialog(FittedDialog):
    """A question before something that writes much at once; Enter does not confirm."""

    def __init__(self, title: str, question: str, text: str, ok_text: str, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("baseDataConfirm")
        self.setWindowTitle(title)
        body = QLabel(text)
        body.setWordWrap(True)
        buttons, self.ok_button, self.cancel_button = button_row(
            self, ok_text, self.tr("Cancel"), self.accept, enter_confirms=False
        )
        layout = dialog_layout(self)
        layout.addWidget(question_label(question))
        layout.addWidget(body)
        layout.addLayout(buttons)
        self.setMinimumWidth(480)
        self.cancel_button.setFocus()


class WorkbookButtons(QWidget):
    """Export…, Empty template…, Import…, Standard starting set…; the last two for those who
    may change base data here."""

    message = Signal(str)
    imported = Signal(object)  # Imported

    def __init__(
        self, session: Session, editable: bool, why_not: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session, self.editable = session, editable
        self.dialog: QDialog | None = None
        self.export_button = self._button(
            self.tr("Export…"),
            self.tr("Save the township's base data as a workbook (.xlsx), passwords left out"),
            self.choose_export_file,
        )
        self.template_button = self._button(
            self.tr("Empty template…"),
            self.tr("Save an empty workbook with guidance and example rows, to fill in"),
            self.choose_template_file,
        )
        self.import_button = self._button(
            self.tr("Import…"),
            self.tr("Add and change base data from a filled-in workbook; all or nothing"),
            self.choose_import_file,
        )
        self.standard_button = self._button(
            self.tr("Standard starting set…"),
            self.tr("Add the usual departments and problem categories of a township"),
            self.confirm_standard_set,
        )
        # the export holds every user's name and phone: for the administrator only
        for button in (self.import_button, self.standard_button, self.export_button):
            if not editable:
                button.setEnabled(False)
                button.setToolTip(why_not)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        for button in (
            self.import_button,
            self.standard_button,
            self.export_button,
            self.template_button,
        ):
            row.addWidget(button)

    def _button(self, text: str, tip: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)
        button.setToolTip(tip)
        button.clicked.connect(lambda: slot())
        return button

    def _show(self, dialog: QDialog) -> QDialog:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.open()
        return dialog

    # -- export and template -----------------------------------------------------------------

    def choose_export_file(self) -> None:
        name = f"{self.session.ref.township.name}{TITLE}{XLSX}"
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the base data"),
            str(Path(_documents()) / name),
            self.tr("Excel workbooks (*.xlsx)"),
        )
        if chosen:
            self.export_file(_xlsx(chosen))

    def export_file(self, path: Path) -> Operation:
        def done(rows: dict[str, int]) -> None:
            counts = "，".join(f"{sheet} {count}" for sheet, count in rows.items())
            self.message.emit(
                self.tr("Base data exported ({counts}): {path}").format(counts=counts, path=path)
            )

        return self.session.runner.run(
            Operation(
                lambda db, _progress: export_workbook(db, path),  # type: ignore[arg-type]
                success=done,
                label=self.tr("Exporting the base data…"),
            )
        )

    def choose_template_file(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save an empty base-data workbook"),
            str(Path(_documents()) / f"{TITLE}{XLSX}"),
            self.tr("Excel workbooks (*.xlsx)"),
        )
        if chosen:
            self.template_file(_xlsx(chosen))

    def template_file(self, path: Path) -> Operation:
        return self.session.runner.run(
            Operation(
                lambda _db, _progress: write_template(path),
                success=lambda _none: self.message.emit(
                    self.tr("Empty base-data workbook saved: {path}").format(path=path)
                ),
                label=self.tr("Saving the workbook…"),
                needs_database=False,
            )
        )

    # -- import ------------------------------------------------------------------------------

    def choose_import_file(self) -> QDialog | None:
        if not self.editable:
            return None
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the base-data workbook to import"),
            _documents(),
            self.tr("Excel workbooks (*.xlsx)"),
        )
        if not chosen:
            return None
        path = Path(chosen)
        dialog = ConfirmDialog(
            self.tr("Import base data"),
            self.tr("Import the base data in {name}?").format(name=path.name),
            self.tr(
                "Every row is checked first; if any row has a problem, nothing is imported "
                "and every problem is listed. Rows for records the township already has "
                "change them; nothing is deleted. New users get a first password, shown once."
            ),
            self.tr("Import"),
            self,
        )
        dialog.accepted.connect(lambda: self.import_file(path))
        return self._show(dialog)

    def import_file(self, path: Path) -> Operation | None:
        """Read and import on the worker, all or nothing."""
        if not self.editable:
            return None
        return self._import(lambda: read_workbook(path), path.name)

    def confirm_standard_set(self) -> QDialog | None:
        if not self.editable:
            return None
        dialog = ConfirmDialog(
            self.tr("Standard starting set"),
            self.tr("Add the standard starting set?"),
            self.tr(
                "It adds the departments a township usually works with (stationed units and "
                "district departments, named by role, e.g. 派出所, 应急管理局) and two levels "
                "of problem categories with their routes and limits. A department or "
                "category whose code the township already has is changed to the standard "
                "one. Use it when setting up a township, then rename and complete."
            ),
            self.tr("Add the standard set"),
            self,
        )
        dialog.accepted.connect(self.import_standard_set)
        return self._show(dialog)

    def import_standard_set(self) -> Operation | None:
        if not self.editable:
            return None
        return self._import(standard_set, self.tr("the standard starting set"))

    def _import(self, dataset: Callable[[], BaseDataSet], source: str) -> Operation:
        user, wall = self.session.user, self.session.clock.wall

        def work(db):  # type: ignore[no-untyped-def]
            return import_base_data(db, user, dataset(), wall=wall)

        def done(result: Imported) -> None:
            self._show(ImportedDialog(result, source, self))
            added = sum(result.added.values())
            changed = sum(result.changed.values())
            self.message.emit(
                self.tr("Base data imported: {added} added, {changed} changed.").format(
                    added=added, changed=changed
                )
            )
            self.imported.emit(result)

        def refused(error: DomainError) -> None:
            if isinstance(error, BaseDataRefused):
                self._show(ProblemsDialog(error.problems, source, self))
                self.message.emit(self.tr("Nothing was imported."))
                return
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Nothing was imported"),
                error_text(error),
                QMessageBox.StandardButton.Close,
                self,
            )
            box.setObjectName("baseDataImportError")
            self._show(box)

        return self.session.write(work, done, refused, label=self.tr("Importing the base data…"))
