"""Importing one of the three lists from a spreadsheet the township received, in steps:
which of the file's headers is which of our columns (suggested, changeable), a preview of the
first rows with every row problem, then all or nothing (``replace_list``).

The file was read (``read_sheet``) on the background worker before this dialog opens; the
import itself runs there too. Nothing is written until the clerk presses 导入, and a refused
file changes nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from app.core.clock import Clock
from app.core.errors import DomainError
from app.core.lists import (
    COLUMNS,
    LIST_NAMES,
    ListKind,
    Problem,
    Reference,
    check_rows,
    missing_columns,
    suggest_mapping,
)
from app.core.model import User
from app.reports.spreadsheets import Sheet
from app.store.lists import Replaced, merged_rows, reference, replace_list
from app.ui.background import BackgroundRunner, Operation
from app.ui.dialog_parts import error_label
from app.ui.i18n import error_text
from app.ui.list_table import list_title
from app.ui.triage_parts import in_language

PREVIEW_ROWS = 20
NOT_IMPORTED = -1
MAPPING, PREVIEW, DONE = range(3)
WARN = QColor("#fef3f2")


class ListImportDialog(QDialog):
    imported = Signal(object)  # Replaced

    def __init__(
        self,
        db: Database,
        user: User,
        runner: BackgroundRunner,
        sheet: Sheet,
        kind: ListKind,
        clock: Clock,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.user, self.runner, self.sheet = db, user, runner, sheet
        self.clock = clock
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
        self.pages = QStackedWidget()
        self.pages.addWidget(self._mapping_page())
        self.pages.addWidget(self._preview_page())
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
        self._fill_mapping()
        self._show_page(MAPPING)
        self.resize(900, 640)

    def kind(self) -> ListKind:
        return ListKind(self.kind_box.currentData())

    # -- step 1: which header is which column -----------------------------------------------

    def _mapping_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        intro = QLabel(
            self.tr(
                "On the left are the list's columns; on the right, choose the "
                "spreadsheet header for each (already matched by name; you may change "
                "them). Columns marked * are required."
            )
        )
        intro.setObjectName("hintText")
        intro.setWordWrap(True)
        self.mapping_grid = QGridLayout()
        self.mapping_grid.setHorizontalSpacing(12)
        self.mapping_grid.setVerticalSpacing(6)
        self.mapping_grid.setColumnStretch(2, 1)
        self.missing = QLabel()
        self.missing.setObjectName("warningText")
        self.missing.setWordWrap(True)
        column.addWidget(intro)
        column.addLayout(self.mapping_grid)
        column.addWidget(self.missing)
        column.addStretch(1)
        return page

    def _fill_mapping(self) -> None:
        while self.mapping_grid.count():
            widget = self.mapping_grid.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        kind = self.kind()
        suggested = suggest_mapping(kind, self.sheet.headers)
        self.combos: dict[str, QComboBox] = {}
        self.examples: dict[str, QLabel] = {}
        for row, column in enumerate(COLUMNS[kind]):
            combo = QComboBox()
            combo.setObjectName(f"map_{column.key}")
            combo.addItem(self.tr("(not imported)"), NOT_IMPORTED)
            for index, header in enumerate(self.sheet.headers):
                combo.addItem(
                    header or self.tr("(column {n}, no header)").format(n=index + 1), index
                )
            combo.setCurrentIndex(combo.findData(suggested.get(column.key, NOT_IMPORTED)))
            combo.setMinimumWidth(220)
            label = QLabel(f"{column.label} *" if column.required else column.label)
            label.setObjectName("fieldName")
            label.setBuddy(combo)
            example = QLabel()
            example.setObjectName("hintText")
            self.combos[column.key] = combo
            self.examples[column.key] = example
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.mapping_grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignRight)
            self.mapping_grid.addWidget(combo, row, 1)
            self.mapping_grid.addWidget(example, row, 2)
        self._mapping_changed()

    def mapping(self) -> dict[str, int]:
        return {
            key: combo.currentData()
            for key, combo in self.combos.items()
            if combo.currentData() != NOT_IMPORTED
        }

    def set_mapping(self, key: str, header: str) -> None:
        """Choose the file's ``header`` for our column ``key`` (as the clerk does)."""
        combo = self.combos[key]
        combo.setCurrentIndex(combo.findData(self.sheet.headers.index(header)))

    def _mapping_changed(self) -> None:
        first = self.sheet.rows[0] if self.sheet.rows else []
        for key, combo in self.combos.items():
            index = combo.currentData()
            value = first[index] if 0 <= index < len(first) else ""
            shown = value if len(value) <= 24 else value[:23] + "…"
            self.examples[key].setText(self.tr("e.g. {value}").format(value=shown) if value else "")
            self.examples[key].setToolTip(value)
        missing = set(missing_columns(self.kind(), self.mapping()))
        for column in COLUMNS[self.kind()]:
            combo = self.combos[column.key]
            combo.setProperty("invalid", column.label in missing)
            combo.style().unpolish(combo)
            combo.style().polish(combo)
        problems = self.mapping_problems()
        self.missing.setText("\n".join(problems))
        self.next_button.setEnabled(not problems)

    def mapping_problems(self) -> list[str]:
        mapping = self.mapping()
        problems = []
        if missing := missing_columns(self.kind(), mapping):
            problems.append(
                self.tr("Choose a header for the required columns: {columns}").format(
                    columns="、".join(missing)
                )
            )
        used: dict[int, str] = {}
        labels = {c.key: c.label for c in COLUMNS[self.kind()]}
        for key, index in mapping.items():
            if index in used:
                problems.append(
                    self.tr("“{a}” and “{b}” have the same header: change one of them.").format(
                        a=used[index], b=labels[key]
                    )
                )
            used.setdefault(index, labels[key])
        return problems

    def _kind_changed(self) -> None:
        self._fill_mapping()
        self._show_page(MAPPING)

    # -- step 2: preview and problems -------------------------------------------------------

    def _preview_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.problem_list = QListWidget()
        self.problem_list.setObjectName("importProblems")
        self.problem_list.setAlternatingRowColors(True)
        self.problem_list.setWordWrap(True)
        self.preview_title = QLabel()
        self.preview_title.setObjectName("sectionTitle")
        self.preview_table = QTableWidget()
        self.preview_table.setObjectName("importPreview")
        self.preview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_table.setAlternatingRowColors(True)
        self.preview_table.setWordWrap(False)
        column.addWidget(self.summary)
        column.addWidget(self.problem_list, 1)
        column.addWidget(self.preview_title)
        column.addWidget(self.preview_table, 2)
        return page

    def mapped(self) -> tuple[list[str], list[list[str]]]:
        """The file's rows under our column names, in the order the clerk mapped them."""
        mapping = self.mapping()
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
        ref = reference(self.db)
        if kind != ListKind.DUTIES:
            ref = Reference(ref.units, {}, ref.categories)  # the list defines its matters
        mapping = {c.key: headers.index(c.label) for c in COLUMNS[kind] if c.label in headers}
        merged = merged_rows(self.sheet.merged_cells)
        return check_rows(kind, rows, self.sheet.row_numbers, mapping, ref, merged).problems

    def preview(self) -> None:
        if self.mapping_problems():
            return
        self.error.hide()
        self.problems = self.check()
        self._fill_preview()
        self._show_page(PREVIEW)

    def _fill_preview(self) -> None:
        kind = self.kind()
        headers, rows = self.mapped()
        count = len(rows)
        name = in_language(LIST_NAMES[kind])
        self.problem_list.clear()
        for problem in self.problems:
            self.problem_list.addItem(error_text(problem.error))
        if not rows:
            text = self.tr("The spreadsheet has no data rows: there is nothing to import.")
        elif self.problems:
            text = self.tr(
                "{rows} rows, {problems} problems found. Correct them in the "
                "spreadsheet and import it again; until then the {name} does not change "
                "at all."
            ).format(rows=count, problems=len(self.problems), name=name)
        else:
            text = self.tr(
                "{rows} rows, all checked and fine. Importing replaces the current "
                "{name} with them as a whole."
            ).format(rows=count, name=name)
        self.summary.setText(text)
        self.summary.setProperty("problems", bool(self.problems) or not rows)
        self.summary.setObjectName("warningText" if self.problems or not rows else "importSummary")
        self.summary.style().unpolish(self.summary)
        self.summary.style().polish(self.summary)
        self.problem_list.setVisible(bool(self.problems))
        shown = rows[:PREVIEW_ROWS]
        self.preview_title.setText(
            self.tr("Preview of the first {shown} rows").format(shown=len(shown))
            if len(rows) > len(shown)
            else self.tr("Preview of all {shown} rows").format(shown=len(shown))
        )
        bad = {p.row for p in self.problems}
        table = self.preview_table
        table.clear()
        table.setColumnCount(len(headers) + 1)
        table.setRowCount(len(shown))
        table.setHorizontalHeaderLabels([self.tr("Row"), *headers])
        table.verticalHeader().hide()
        for r, row in enumerate(shown):
            number = self.sheet.row_numbers[r]
            cells = [str(number), *row]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if number in bad:
                    item.setBackground(QBrush(WARN))
                table.setItem(r, c, item)
        header = table.horizontalHeader()
        header.resizeSection(0, 56)
        for c in range(1, len(headers) + 1):
            header.resizeSection(c, 130)
        header.setStretchLastSection(True)

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
        if self.busy or self.pages.currentIndex() != PREVIEW or self.problems:
            return None
        kind, user, sheet, wall = self.kind(), self.user, self.sheet, self.clock.wall
        headers, rows = self.mapped()
        exact = ",".join(f"{h}={h}" for h in headers)  # the columns are ours already

        def work(db: Database | None, _progress: object) -> Replaced:
            assert db is not None
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
        return self.runner.run(
            Operation(
                work,
                success=self._applied,
                failure=self._refused,
                label=QCoreApplication.translate("ListImportDialog", "Importing the list…"),
            )
        )

    def _applied(self, result: Replaced) -> None:
        self._set_busy(False)
        self.result = result
        self.result_label.setText(success_text(result))
        self._show_page(DONE)
        self.imported.emit(result)

    def _refused(self, error: BaseException) -> None:
        self._set_busy(False)
        if not isinstance(error, DomainError):
            self.error.setText(
                self.tr("The import did not finish and the list is unchanged: {error}").format(
                    error=error
                )
            )
            self.error.show()
            return
        if error.code == "list_rows_invalid":
            lines = str(error.params.get("value", "")).split("\n")
            self.problem_list.clear()
            self.problem_list.addItems([line for line in lines if line.strip()])
            self.problem_list.show()
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


def success_text(result: Replaced) -> str:
    return QCoreApplication.translate(
        "ListImportDialog", "Imported version {version} of the {name}, {rows} items"
    ).format(name=in_language(LIST_NAMES[result.kind]), version=result.version, rows=result.rows)
