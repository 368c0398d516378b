"""Importing one of the three lists from a spreadsheet the township received, in steps:
which of the file's headers is which of our columns (suggested, changeable), a preview of the
first rows with every row problem, then all or nothing (``replace_list``).

The file was read (``read_sheet``) on the background worker before this dialog opens; the
import itself is a session write on the worker too, so every page showing the lists hears of
it. Nothing is written until the clerk presses 导入, and a refused file changes nothing. The
mapping and preview steps are in import_steps.py.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from app.core.amendments import Amendment
from app.core.errors import DomainError
from app.core.lists import COLUMNS, LIST_NAMES, ListKind, Problem, Reference, check_rows
from app.reports.spreadsheets import Sheet
from app.store.lists import Replaced, merged_rows, reference, replace_list
from app.ui.common.dialog_parts import error_label
from app.ui.common.i18n import error_text, in_language
from app.ui.common.runner import Operation
from app.ui.common.screen import fit_to_screen
from app.ui.common.session import Session
from app.ui.lists.import_steps import MappingStep, PreviewStep
from app.ui.lists.table import list_title

MAPPING, PREVIEW, DONE = range(3)


class ListImportDialog(QDialog):
    """Mapping, preview, result: one step at a time, with Back, Next and Import."""

    imported = Signal(object)  # Replaced

    def __init__(
        self, session: Session, sheet: Sheet, kind: ListKind, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session, self.sheet = session, sheet
        self.problems: list[Problem] = []
        self.result: Replaced | None = None
        self.busy = False
        self.setObjectName("listImport")
        self.setWindowTitle(self.tr("Import a list"))
        title = QLabel(self.tr("Import spreadsheet: {source}").format(source=sheet.source))
        title.setObjectName("sectionTitle")
        title.setWordWrap(True)
        facts = QLabel(
            self.tr("{columns} header columns, {rows} data rows.").format(
                columns=len(sheet.headers), rows=len(sheet.rows)
            )
        )
        facts.setObjectName("hintText")
        self.kind_box = QComboBox()
        self.kind_box.setObjectName("importKind")
        for value in ListKind:
            self.kind_box.addItem(list_title(value), value)
        self.kind_box.setCurrentIndex(self.kind_box.findData(kind))
        self.kind_box.currentIndexChanged.connect(self._kind_changed)
        kind_row = QHBoxLayout()
        kind_label = QLabel(self.tr("Import &as"))
        kind_label.setBuddy(self.kind_box)
        kind_row.addWidget(kind_label)
        kind_row.addWidget(self.kind_box)
        kind_row.addStretch(1)
        self.mapping_step = MappingStep(sheet)
        self.preview_step = PreviewStep()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.mapping_step)
        self.pages.addWidget(self.preview_step)
        self.pages.addWidget(self._done_page())
        self.error = error_label()
        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(self.back)
        self.next_button = QPushButton(self.tr("Next: preview"))
        self.next_button.setObjectName("primaryButton")
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.preview)
        self.apply_button = QPushButton(self.tr("Import"))
        self.apply_button.setObjectName("primaryButton")
        self.apply_button.clicked.connect(self.apply)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.back_button, self.next_button, self.apply_button, self.cancel_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 14)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(facts)
        layout.addLayout(kind_row)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.mapping_step.changed.connect(self._mapping_changed)
        self.mapping_step.fill(self.kind())
        self._show_page(MAPPING)
        fit_to_screen(self, 900, 640)

    def kind(self) -> ListKind:
        return ListKind(self.kind_box.currentData())

    # -- steps 1 and 2: which header is which column; preview and problems -----------------

    def _mapping_changed(self) -> None:
        self.next_button.setEnabled(not self.mapping_step.problems())

    def _kind_changed(self) -> None:
        self.mapping_step.fill(self.kind())
        self._show_page(MAPPING)

    def mapped(self) -> tuple[list[str], list[list[str]]]:
        """The file's rows under our column names, in the order the clerk mapped them."""
        mapping = self.mapping_step.mapping()
        columns = [c for c in COLUMNS[self.kind()] if c.key in mapping]
        headers = [c.label for c in columns]
        rows = [
            [row[mapping[c.key]] if mapping[c.key] < len(row) else "" for c in columns]
            for row in self.sheet.rows
        ]
        return headers, rows

    def check(self) -> list[Problem]:
        """The rows' problems, found as ``replace_list`` will find them (read only)."""
        kind = self.kind()
        headers, rows = self.mapped()
        ref = reference(self.session.db)
        if kind != ListKind.DUTIES:
            ref = Reference(ref.units, {}, ref.categories)  # the list defines its matters
        mapping = {c.key: headers.index(c.label) for c in COLUMNS[kind] if c.label in headers}
        merged = merged_rows(self.sheet.merged_cells)
        return check_rows(kind, rows, self.sheet.row_numbers, mapping, ref, merged).problems

    def preview(self) -> None:
        if self.mapping_step.problems():
            return
        self.error.hide()
        self.problems = self.check()
        headers, rows = self.mapped()
        self.preview_step.show_rows(
            self.kind(), headers, rows, self.sheet.row_numbers, self.problems
        )
        self._show_page(PREVIEW)

    # -- step 3: all or nothing -------------------------------------------------------------

    def _done_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        self.result_label = QLabel()
        self.result_label.setObjectName("importResult")
        self.result_label.setWordWrap(True)
        self.result_label.setStyleSheet("color:#085d3a; font-size:12pt; font-weight:bold;")
        note = QLabel(
            self.tr(
                "Earlier versions stay in the version history; triage suggestions "
                "follow the new list from now on."
            )
        )
        note.setObjectName("hintText")
        note.setWordWrap(True)
        self.result_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addStretch(1)
        column.addWidget(self.result_label)
        column.addWidget(note)
        column.addStretch(2)
        return page

    def apply(self) -> Operation | None:
        """Replace the list on the worker, all or nothing; the pages hear that it changed."""
        if self.busy or self.pages.currentIndex() != PREVIEW or self.problems:
            return None
        session, kind, sheet = self.session, self.kind(), self.sheet
        user, wall = session.user, session.clock.wall
        headers, rows = self.mapped()
        exact = ",".join(f"{h}={h}" for h in headers)  # the columns are ours already

        def work(db: Database) -> Replaced:
            return replace_list(
                db,
                user,
                kind,
                headers,
                rows,
                sheet.row_numbers,
                sheet.merged_cells,
                mapping_text=exact,
                source=sheet.source,
                wall=wall,
            )

        self._set_busy(True)
        return session.write(
            work,
            self._applied,
            self._refused,
            lambda: self._set_busy(False),
            label=self.tr("Importing the list…"),
        )

    def _applied(self, result: Replaced) -> None:
        self.result = result
        self.result_label.setText(success_text(result))
        self._show_page(DONE)
        self.imported.emit(result)

    def _refused(self, error: DomainError) -> None:
        """The store refused the file: its problems, and the list is unchanged."""
        if error.code == "list_rows_invalid":
            lines = str(error.params.get("value", "")).split("\n")
            self.preview_step.show_refusal(lines)
            self.error.setText(
                self.tr("The spreadsheet has {count} problems; the list is unchanged.").format(
                    count=error.params.get("found", len(lines))
                )
            )
        else:
            self.error.setText(error_text(error))
        self.error.show()

    # -- moving between steps ---------------------------------------------------------------

    def back(self) -> None:
        self.error.hide()
        self._show_page(MAPPING)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._show_page(self.pages.currentIndex())

    def _show_page(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        done = page == DONE
        self.kind_box.setEnabled(not done and not self.busy)
        self.back_button.setVisible(page == PREVIEW)
        self.back_button.setEnabled(not self.busy)
        self.next_button.setVisible(page == MAPPING)
        self.apply_button.setVisible(page == PREVIEW)
        self.apply_button.setEnabled(page == PREVIEW and not self.problems and not self.busy)
        self.apply_button.setDefault(page == PREVIEW)
        self.next_button.setDefault(page == MAPPING)
        self.cancel_button.setText(self.tr("Close") if done else self.tr("Cancel"))
        self.cancel_button.setEnabled(not self.busy)
        if page == PREVIEW and not self.sheet.rows:
            self.apply_button.setEnabled(False)


def _settled(result: Replaced, amendment: Amendment) -> str:
    """QS-QT-007（建筑施工噪声，由 QS-QT-012 吸收）: the items that settled an amendment of a
    split category, where they are not its own item."""
    items = result.settling_items(amendment)
    via = (
        QCoreApplication.translate("ListImportDialog", ", settled by {items}").format(
            items="、".join(items)
        )
        if items
        else ""
    )
    return f"{amendment.item}（{amendment.category_name}{via}）"


def success_text(result: Replaced) -> str:
    """What an import did; for the boundary list, to the local amendments too."""
    text = QCoreApplication.translate(
        "ListImportDialog", "Imported version {version} of the {name}, {rows} items"
    ).format(name=in_language(LIST_NAMES[result.kind]), version=result.version, rows=result.rows)
    if not (result.settled or result.differing):
        return text
    return text + QCoreApplication.translate(
        "ListImportDialog",
        "; local amendments settled by it: {settled}; still differing: {differing}",
    ).format(
        settled="、".join(_settled(result, a) for a in result.settled) or "0",
        differing="、".join(f"{a.item}（{a.category_name}）" for a in result.differing) or "0",
    )
