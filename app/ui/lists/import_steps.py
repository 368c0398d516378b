"""The first two steps of importing a list (import_dialog.py): which of the file's headers is
which of our columns, and the preview of the rows with every problem found in them.

Their texts keep the import dialog's translation context ("ListImportDialog"), where the
committed Chinese is.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QLabel,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.lists import COLUMNS, LIST_NAMES, ListKind, Problem, missing_columns, suggest_mapping
from app.reports.spreadsheets import Sheet
from app.ui.common.i18n import error_text, in_language

translate = QCoreApplication.translate
PREVIEW_ROWS = 20
NOT_IMPORTED = -1
WARN = QColor("#fef3f2")


class MappingStep(QWidget):
    """One line per column of the list: the spreadsheet header chosen for it (suggested by
    name, changeable) and the first row's value under that header."""

    changed = Signal()  # the clerk chose another header

    def __init__(self, sheet: Sheet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sheet = sheet
        self.kind = ListKind.BOUNDARY
        self.combos: dict[str, QComboBox] = {}  # column key -> the header chosen for it
        self.examples: dict[str, QLabel] = {}  # column key -> the first row's value
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        intro = QLabel(
            translate(
                "ListImportDialog",
                "On the left are the list's columns; on the right, choose the "
                "spreadsheet header for each (already matched by name; you may change "
                "them). Columns marked * are required.",
            )
        )
        intro.setObjectName("hintText")
        intro.setWordWrap(True)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(6)
        self.grid.setColumnStretch(2, 1)
        self.missing = QLabel()
        self.missing.setObjectName("warningText")
        self.missing.setWordWrap(True)
        column.addWidget(intro)
        column.addLayout(self.grid)
        column.addWidget(self.missing)
        column.addStretch(1)

    def fill(self, kind: ListKind) -> None:
        """The columns of ``kind``, each with the header suggested for it."""
        self.kind = kind
        while self.grid.count():
            widget = self.grid.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        suggested = suggest_mapping(kind, self.sheet.headers)
        self.combos.clear()
        self.examples.clear()
        for row, column in enumerate(COLUMNS[kind]):
            combo = QComboBox()
            combo.setObjectName(f"map_{column.key}")
            combo.addItem(translate("ListImportDialog", "(not imported)"), NOT_IMPORTED)
            for index, header in enumerate(self.sheet.headers):
                combo.addItem(
                    header
                    or translate("ListImportDialog", "(column {n}, no header)").format(n=index + 1),
                    index,
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
            combo.currentIndexChanged.connect(self._changed)
            self.grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignRight)
            self.grid.addWidget(combo, row, 1)
            self.grid.addWidget(example, row, 2)
        self._changed()

    def mapping(self) -> dict[str, int]:
        """Column key -> index of the file's header, for the columns to import."""
        return {
            key: combo.currentData()
            for key, combo in self.combos.items()
            if combo.currentData() != NOT_IMPORTED
        }

    def set_mapping(self, key: str, header: str) -> None:
        """Choose the file's ``header`` for our column ``key`` (as the clerk does)."""
        combo = self.combos[key]
        combo.setCurrentIndex(combo.findData(self.sheet.headers.index(header)))

    def _changed(self) -> None:
        first = self.sheet.rows[0] if self.sheet.rows else []
        for key, combo in self.combos.items():
            index = combo.currentData()
            value = first[index] if 0 <= index < len(first) else ""
            shown = value if len(value) <= 24 else value[:23] + "…"
            self.examples[key].setText(
                translate("ListImportDialog", "e.g. {value}").format(value=shown) if value else ""
            )
            self.examples[key].setToolTip(value)
        missing = set(missing_columns(self.kind, self.mapping()))
        for column in COLUMNS[self.kind]:
            combo = self.combos[column.key]
            combo.setProperty("invalid", column.label in missing)
            combo.style().unpolish(combo)
            combo.style().polish(combo)
        self.missing.setText("\n".join(self.problems()))
        self.changed.emit()

    def problems(self) -> list[str]:
        """Why the mapping cannot be previewed yet: required columns without a header, two
        columns under one header."""
        mapping = self.mapping()
        problems = []
        if missing := missing_columns(self.kind, mapping):
            problems.append(
                translate(
                    "ListImportDialog", "Choose a header for the required columns: {columns}"
                ).format(columns="、".join(missing))
            )
        used: dict[int, str] = {}
        labels = {c.key: c.label for c in COLUMNS[self.kind]}
        for key, index in mapping.items():
            if index in used:
                problems.append(
                    translate(
                        "ListImportDialog",
                        "“{a}” and “{b}” have the same header: change one of them.",
                    ).format(a=used[index], b=labels[key])
                )
            used.setdefault(index, labels[key])
        return problems


class PreviewStep(QWidget):
    """What importing would do: a summary, every problem, and the first rows (rows with a
    problem marked)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
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

    def show_rows(
        self,
        kind: ListKind,
        headers: Sequence[str],
        rows: Sequence[Sequence[str]],
        row_numbers: Sequence[int],
        problems: Sequence[Problem],
    ) -> None:
        """The mapped rows (under our column names) and the problems found in them."""
        count = len(rows)
        name = in_language(LIST_NAMES[kind])
        self.problem_list.clear()
        for problem in problems:
            self.problem_list.addItem(error_text(problem.error))
        if not rows:
            text = translate(
                "ListImportDialog", "The spreadsheet has no data rows: there is nothing to import."
            )
        elif problems:
            text = translate(
                "ListImportDialog",
                "{rows} rows, {problems} problems found. Correct them in the "
                "spreadsheet and import it again; until then the {name} does not change "
                "at all.",
            ).format(rows=count, problems=len(problems), name=name)
        else:
            text = translate(
                "ListImportDialog",
                "{rows} rows, all checked and fine. Importing replaces the current "
                "{name} with them as a whole.",
            ).format(rows=count, name=name)
        warn = bool(problems) or not rows
        self.summary.setText(text)
        self.summary.setProperty("problems", warn)
        self.summary.setObjectName("warningText" if warn else "importSummary")
        self.summary.style().unpolish(self.summary)
        self.summary.style().polish(self.summary)
        self.problem_list.setVisible(bool(problems))
        shown = rows[:PREVIEW_ROWS]
        self.preview_title.setText(
            translate("ListImportDialog", "Preview of the first {shown} rows").format(
                shown=len(shown)
            )
            if len(rows) > len(shown)
            else translate("ListImportDialog", "Preview of all {shown} rows").format(
                shown=len(shown)
            )
        )
        self._fill_table(headers, shown, row_numbers, {p.row for p in problems})

    def _fill_table(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[str]],
        row_numbers: Sequence[int],
        bad: set[int],
    ) -> None:
        table = self.preview_table
        table.clear()
        table.setColumnCount(len(headers) + 1)
        table.setRowCount(len(rows))
        table.setHorizontalHeaderLabels([translate("ListImportDialog", "Row"), *headers])
        table.verticalHeader().hide()
        for r, row in enumerate(rows):
            number = row_numbers[r]
            for c, text in enumerate([str(number), *row]):
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

    def show_refusal(self, lines: Sequence[str]) -> None:
        """The problems the store named when it refused the file."""
        self.problem_list.clear()
        self.problem_list.addItems([line for line in lines if line.strip()])
        self.problem_list.show()
