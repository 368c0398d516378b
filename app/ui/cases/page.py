"""The cases page: filter bar, the SQL-windowed table, the count, and the ledger (案件台账)
of the filtered cases exported to .xlsx."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from app.core.clock import local_text
from app.core.model import Case
from app.core.permissions import REGISTER_CASE, may
from app.reports.case_ledger import LedgerWritten, export_ledger
from app.store.case_list import CaseFilter, count_cases, row_numbers
from app.store.changes import CASES
from app.ui.cases.cells import DESCRIPTION_COLUMN, CaseRole
from app.ui.cases.filters import CaseFilterBar
from app.ui.cases.table_model import CaseTableModel
from app.ui.cases.table_view import CaseTableView
from app.ui.common.page import LARGE_DATABASE, Page
from app.ui.common.runner import Operation
from app.ui.common.session import Session

# number, received, status, lead unit, category, grid, source, urgency, address,
# description (takes what is left), first receiver
COLUMN_WIDTHS = (146, 126, 72, 84, 112, 114, 74, 70, 120, 200, 84)


class CasesPage(Page):
    shows = frozenset({CASES})
    new_case_requested = Signal()
    count_changed = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        db, ref = session.db, session.ref
        self.db = db
        self.runner = session.runner
        self.total_cases = self._total()
        large = self.total_cases > LARGE_DATABASE
        self.model = CaseTableModel(db, ref, self, runner=session.runner, count=not large)
        self.filters = CaseFilterBar(ref, session.user)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.new_button = QPushButton(self.tr("Register case"))
        self.new_button.setObjectName("primaryButton")
        self.new_button.setToolTip(self.tr("Register a new case (Ctrl+N)"))
        self.new_button.setVisible(may(session.user.role, REGISTER_CASE))
        self.export_button = QPushButton(self.tr("Export ledger"))
        self.export_button.setObjectName("exportLedgerButton")
        self.export_button.setToolTip(
            self.tr("Export the cases these filters find to an Excel ledger")
        )
        self.table = self._table()
        self.empty_label = self._empty_label()
        self.model.rows_shown = self._rows_shown
        follow(self.model, self.table)  # pages scrolled past are not read
        self._layout()
        self.filters.changed.connect(self.apply_filter)
        self.new_button.clicked.connect(self.new_case_requested)
        self.export_button.clicked.connect(self.choose_ledger_file)
        self.table.activated.connect(self._activated)
        self.model.modelReset.connect(self._show_count)
        self.model.count_settled.connect(self._show_count)
        self._show_count()
        if large:  # the first page and the count come from the worker
            self.count_label.setText(self.tr("Searching…"))
            self.empty_label.setVisible(False)  # not "no case" before the worker answers
            self.model.set_query(CaseFilter(), background=True)

    def _table(self) -> CaseTableView:
        table = CaseTableView(self.model)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column, width in enumerate(COLUMN_WIDTHS):
            table.setColumnWidth(column, width)
        header.setSectionResizeMode(DESCRIPTION_COLUMN, QHeaderView.ResizeMode.Stretch)
        # the arrow first: enabling sorting sorts by wherever it stands (else 案件编号)
        header.setSortIndicator(self.model.sort_column(), Qt.SortOrder.DescendingOrder)
        table.setSortingEnabled(True)  # calls model.sort(), which asks SQL
        header.sortIndicatorChanged.connect(self._keep_sort_indicator)
        return table

    def _empty_label(self) -> QLabel:
        """The "no case matches" line, over the table's empty rows: the table keeps its
        height when the line comes and goes (the rows a list asks for first are counted
        from that height)."""
        label = QLabel(self.tr("No case matches these filters."))
        label.setObjectName("emptyLabel")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.table.cover_with(label)
        return label

    def _rows_shown(self) -> int:
        """How many rows the table shows once a list's rows come, the last in part: with no
        scroll bar below it (0 while hidden: not laid out). Fewer would leave rows blank
        until the worker came back to read the rest of the page."""
        table = self.table
        if not table.isVisible():
            return 0
        height = table.height() - table.horizontalHeader().height() - 2 * table.frameWidth()
        return -(-height // table.verticalHeader().defaultSectionSize())

    def _layout(self) -> None:
        top = QHBoxLayout()
        title = QLabel(self.tr("Cases"))
        title.setObjectName("pageTitle")
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.count_label)
        top.addSpacing(12)
        top.addWidget(self.export_button)
        top.addWidget(self.new_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 14, 16, 10)
        column.setSpacing(10)
        column.addLayout(top)
        column.addWidget(self.filters)
        column.addWidget(self.table, 1)
        self.stale = False  # the model has read its first page already

    # -- queries ---------------------------------------------------------------------------

    def apply_filter(self, case_filter: CaseFilter) -> None:
        if self.total_cases <= LARGE_DATABASE:
            self.model.set_query(case_filter)
            return
        self.count_label.setText(self.tr("Searching…"))
        self.model.set_query(case_filter, background=True)

    def _total(self) -> int:
        """All the cases (the status bar): counted when few; on a large database the
        highest row number, found at once (no case is ever deleted)."""
        highest = row_numbers(self.db)
        return highest if highest > LARGE_DATABASE else count_cases(self.db, CaseFilter())

    def reread(self) -> None:
        """Cases changed: count again and re-read what is shown."""
        self.total_cases = self._total()
        self.model.refresh()

    def is_searching(self) -> bool:
        return self.model.background and self.runner.is_busy()

    def _show_count(self) -> None:
        rows = self.model.rowCount()
        if self.model.shows_exact_count():
            text = self.tr("{count} cases").format(count=f"{rows:,}")
        else:  # estimated from a sample; the exact count follows from the worker
            text = self.tr("About {count} cases").format(count=f"{rows:,}")
        self.count_label.setText(text)
        self.empty_label.setVisible(rows == 0)
        self.count_changed.emit(self.total_cases)

    def _keep_sort_indicator(self, column: int, _order: Qt.SortOrder) -> None:
        """The description column cannot be sorted: put the arrow back where SQL sorts."""
        if column == DESCRIPTION_COLUMN:
            order = (
                Qt.SortOrder.DescendingOrder
                if self.model.wanted_sort.descending
                else Qt.SortOrder.AscendingOrder
            )
            self.table.horizontalHeader().setSortIndicator(self.model.sort_column(), order)

    # -- the ledger (案件台账) ------------------------------------------------------------------

    def choose_ledger_file(self) -> None:
        today = self.session.clock.today().strftime("%Y%m%d")
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the case ledger"),
            str(Path(documents) / self.tr("CaseLedger-{date}.xlsx").format(date=today)),
            self.tr("Excel workbooks (*.xlsx)"),
        )
        if chosen:
            path = Path(chosen)
            self.export_ledger(
                path if path.suffix.lower() == ".xlsx" else path.with_suffix(".xlsx")
            )

    def export_ledger(self, path: Path) -> Operation:
        """The ledger of the cases the filter bar finds now, on the background runner."""
        case_filter = self.filters.case_filter()
        role = self.session.user.role
        exported_at = local_text(self.session.clock.wall())

        def work(db: Database, progress: object) -> LedgerWritten:
            return export_ledger(db, path, case_filter, role, exported_at, progress)  # type: ignore[arg-type]

        def done(written: LedgerWritten) -> None:
            self.message.emit(
                self.tr("Case ledger exported ({count} cases): {path}").format(
                    count=f"{written.rows:,}", path=written.path
                )
            )

        self.export_button.setEnabled(False)
        return self.runner.run(
            Operation(
                work,
                success=done,
                settled=lambda: self.export_button.setEnabled(True),
                label=self.tr("Exporting the case ledger…"),
            )
        )

    # -- opening ---------------------------------------------------------------------------

    def _activated(self, index: QModelIndex) -> None:
        """Enter or a double click: open the case, once its page is read if it was
        dropped from memory (the current row scrolled far away)."""
        self.model.open_row(index.row(), self.case_activated.emit)

    def current_case(self) -> Case | None:
        index = self.table.currentIndex()
        return index.data(CaseRole) if index.isValid() else None

    def focus_search(self) -> None:
        self.filters.focus_search()


def follow(model: CaseTableModel, view: QTableView) -> None:
    """Tell ``model`` where ``view`` scrolls, so the pages it passes are not all read."""

    def moved() -> None:
        first = view.rowAt(0)
        if first >= 0:
            last = view.rowAt(view.viewport().height() - 1)
            model.view_moved(first, last if last >= 0 else model.rowCount() - 1)

    view.verticalScrollBar().valueChanged.connect(moved)
