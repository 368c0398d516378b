"""The statistics page (统计分析): a period and a grouping; the table of every indicator per
group (the whole township last), its export to Excel, the charts, and behind every figure
and every bar the cases it counts. Figures are counted on the worker thread."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QDate, QModelIndex, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from app.core.indicators import BY_KEY, Group
from app.core.periods import SPANS, Period, Span, month_of
from app.core.permissions import MANAGE_REFERENCE_DATA, may
from app.reports.bulletin.write import write_bulletin
from app.reports.statistics_sheet import write_statistics
from app.store.assessment import assessment_weights
from app.store.changes import CALLS, CASES
from app.store.statistics import GroupFigures, cases_behind, figures
from app.ui.common.page import Page
from app.ui.common.printing import no_viewer
from app.ui.common.runner import Operation
from app.ui.common.session import Session
from app.ui.statistics.dialogs import Behind, CasesBehindDialog, DefinitionsDialog, load_behind
from app.ui.statistics.table_model import FiguresModel, FiguresProxy, GroupRole, KeyRole
from app.ui.statistics.weights import WeightsDialog

GROUP_COLUMN_WIDTH = 190
FIGURE_COLUMN_WIDTH = 86
HEADER_PADDING = 24  # the section's padding (style.qss) and a little air


class StatisticsPage(Page):
    shows = frozenset({CASES, CALLS})
    figures_shown = Signal()  # the table holds the figures of the period picked
    charts_shown = Signal()
    behind_shown = Signal(object)  # CasesBehindDialog

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.db, self.ref, self.clock = session.db, session.ref, session.clock
        self.runner = session.runner
        self.rows: list[GroupFigures] = []
        self.charts = None  # made when the page is first shown (pyqtgraph loads then)
        self.behind_dialog: CasesBehindDialog | None = None
        self.definitions_dialog: DefinitionsDialog | None = None
        self._counting: Operation | None = None
        self._charting: Operation | None = None
        title = QLabel(self.tr("Statistics"))
        title.setObjectName("pageTitle")
        self.span = QComboBox()
        self.span.setObjectName("statisticsSpan")
        for span, text in (
            (Span.DAY, self.tr("Day")),
            (Span.WEEK, self.tr("Week")),
            (Span.MONTH, self.tr("Month")),
            (Span.QUARTER, self.tr("Quarter")),
            (Span.YEAR, self.tr("Year")),
            (Span.RANGE, self.tr("Custom")),
        ):
            self.span.addItem(text, span)
        self.span.setCurrentIndex(self.span.findData(Span.MONTH))
        today = self.clock.today()
        self.day = self._date_edit(today)
        self.day.setToolTip(self.tr("Any day in the period"))
        self.until = self._date_edit(today)
        self.until.setToolTip(self.tr("The last day of the period"))
        self.until_label = QLabel("—")
        self.period_label = QLabel()
        self.period_label.setObjectName("hintText")
        self.group = QComboBox()
        self.group.setObjectName("statisticsGroup")
        for group, text in (
            (Group.UNIT, self.tr("By unit")),
            (Group.GRID, self.tr("By grid")),
            (Group.CATEGORY, self.tr("By problem category")),
            (Group.ROUTE, self.tr("By route")),
            (Group.SOURCE, self.tr("By source")),
        ):
            self.group.addItem(text, group)
        self.group_titles = {
            Group.UNIT: self.tr("Unit"),
            Group.GRID: self.tr("Grid"),
            Group.CATEGORY: self.tr("Problem category"),
            Group.ROUTE: self.tr("Route"),
            Group.SOURCE: self.tr("Source"),
        }
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.setToolTip(self.tr("Save this table as an .xlsx workbook"))
        self.export_button.clicked.connect(self._export)
        self.definitions_button = QPushButton(self.tr("Definitions"))
        self.definitions_button.setToolTip(self.tr("What every indicator counts, and how"))
        self.definitions_button.clicked.connect(self.show_definitions)
        self.weights_button = QPushButton(self.tr("Assessment weights…"))
        self.weights_button.setToolTip(self.tr("How much each rate counts in a unit's score"))
        self.weights_button.setVisible(may(session.user.role, MANAGE_REFERENCE_DATA))
        self.weights_button.clicked.connect(self.show_weights)
        self.bulletin_button = QPushButton(self.tr("Print monthly bulletin…"))
        self.bulletin_button.setObjectName("primaryButton")
        self.bulletin_button.setToolTip(self.tr("The month's bulletin of figures (月度通报)"))
        self.bulletin_button.clicked.connect(self._print_bulletin)
        self.status = QLabel()
        self.status.setObjectName("hintText")
        self.model = FiguresModel(self)
        self.proxy = FiguresProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = self._table()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("statisticsTabs")
        self.tabs.addTab(self.table, self.tr("Table"))
        self.charts_holder = QWidget()
        QVBoxLayout(self.charts_holder).setContentsMargins(4, 4, 4, 4)
        self.tabs.addTab(self.charts_holder, self.tr("Charts"))
        self._layout(title)
        self.span.currentIndexChanged.connect(self._span_changed)
        for signal in (self.day.dateChanged, self.until.dateChanged,
                       self.group.currentIndexChanged):  # fmt: skip
            signal.connect(lambda *_: self.refresh())
        self._span_changed()

    def _date_edit(self, day: date) -> QDateEdit:
        edit = QDateEdit(QDate(day.year, day.month, day.day))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("statisticsTable")
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setAlternatingRowColors(True)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(26)
        header = table.horizontalHeader()
        header.setDefaultSectionSize(FIGURE_COLUMN_WIDTH)
        header.setFixedHeight(48)  # two lines: the name, its unit below
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        # each column as wide as its name on one line: a name broken mid-word (首接研判时/长)
        # reads badly, and the table scrolls sideways anyway
        bold = QFont(header.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        for column in range(1, self.model.columnCount()):
            lines = str(self.model.headerData(column, Qt.Orientation.Horizontal)).split("\n")
            widest = max(metrics.horizontalAdvance(line) for line in lines)
            header.resizeSection(column, max(FIGURE_COLUMN_WIDTH, widest + HEADER_PADDING))
        table.setWordWrap(False)
        table.clicked.connect(self.open_behind)
        table.activated.connect(self.open_behind)
        table.setToolTip("")
        return table

    def _layout(self, title: QLabel) -> None:
        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(title)
        top.addSpacing(12)
        top.addWidget(self.span)
        top.addWidget(self.day)
        top.addWidget(self.until_label)
        top.addWidget(self.until)
        top.addWidget(self.period_label)
        top.addSpacing(8)
        top.addWidget(self.group)
        top.addStretch(1)
        top.addWidget(self.definitions_button)
        top.addWidget(self.weights_button)
        top.addWidget(self.export_button)
        top.addWidget(self.bulletin_button)
        hint = QLabel(
            self.tr(
                "Click a figure or a bar to list the cases behind it; hover a column's "
                "title for its definition."
            )
        )
        hint.setObjectName("hintText")
        bottom = QHBoxLayout()
        bottom.addWidget(hint, 1)
        bottom.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 10)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)

    # -- the period ----------------------------------------------------------------------------

    def _span_changed(self) -> None:
        custom = self.span.currentData() == Span.RANGE
        self.until.setVisible(custom)
        self.until_label.setVisible(custom)
        self.day.setToolTip(
            self.tr("The first day of the period") if custom else self.tr("Any day in the period")
        )
        self.refresh()

    def period(self) -> Period:
        first = self.day.date().toPython()
        span = self.span.currentData()
        if span == Span.RANGE:
            last = self.until.date().toPython()
            return Period(min(first, last), max(first, last), Span.RANGE)
        return SPANS[span](first)

    def set_period(self, span: Span, day: date) -> None:
        """Pick a span and a day in it (as a user would, both at once)."""
        self.span.blockSignals(True)
        self.span.setCurrentIndex(self.span.findData(span))
        self.span.blockSignals(False)
        self.day.setDate(QDate(day.year, day.month, day.day))
        self._span_changed()

    # -- reading -------------------------------------------------------------------------------

    def reread(self) -> None:
        period, group, now = self.period(), self.group.currentData(), self.clock.now()
        self.period_label.setText(period.label)
        self.status.setText(self.tr("Counting…"))
        for running in (self._counting, self._charting):
            if running is not None:
                running.cancel()
        self._counting = self.runner.run(
            Operation(
                lambda db, _p: figures(db, period, group, now),
                lambda rows: self._show_rows(rows, group),
            )
        )
        if self.charts is None:
            from app.ui.statistics.charts import ChartsPanel

            self.charts = ChartsPanel()
            self.charts.bar_clicked.connect(self._bar_clicked)
            self.charts_holder.layout().addWidget(self.charts)
        names = {key: indicator.name for key, indicator in BY_KEY.items()}

        def work(db: Database, _progress: object):  # type: ignore[no-untyped-def]
            from app.ui.statistics.charts import chart_data

            return chart_data(db, period, now, names)

        self._charting = self.runner.run(Operation(work, self._show_charts))

    def _show_rows(self, rows: list[GroupFigures], group: Group) -> None:
        self.rows = rows
        self.model.set_rows(rows, self.group_titles[group])
        self.table.setColumnWidth(0, GROUP_COLUMN_WIDTH)
        self.proxy.sort(-1)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        counted = len(rows) - 1
        self.status.setText(self.tr("{count} groups").format(count=counted))
        self.figures_shown.emit()

    def _show_charts(self, data) -> None:  # type: ignore[no-untyped-def]
        if self.charts is not None:
            self.charts.show_data(data)
        self.charts_shown.emit()

    # -- the cases behind ----------------------------------------------------------------------

    def open_behind(self, index: QModelIndex) -> None:
        key = index.data(KeyRole)
        if key is None:
            return
        code = index.data(GroupRole)
        name = self.proxy.index(index.row(), 0).data()
        title = f"{self.period().label} · {name} · {BY_KEY[key].name}"
        if BY_KEY[key].is_rate:  # the list is the numerator: say of how many
            title += f" {index.data()}（{index.data(Qt.ItemDataRole.ToolTipRole).split('：')[-1]}）"
        self._behind(key, self.period(), self.group.currentData(), code or None, title)

    def _bar_clicked(self, bar) -> None:  # type: ignore[no-untyped-def]
        self._behind(bar.key, bar.period, bar.group, bar.code, bar.title)

    def _behind(self, key: str, period: Period, group: Group, code: str | None, title: str):
        now = self.clock.now()

        def work(db: Database, _progress: object) -> Behind:
            ids = cases_behind(db, key, period, group, code, now, part="hit")
            return load_behind(db, title, ids)

        self.runner.run(Operation(work, self._show_behind))

    def _show_behind(self, behind: Behind) -> None:
        if self.behind_dialog is not None:
            self.behind_dialog.close()
        dialog = CasesBehindDialog(behind, self.ref, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open_requested.connect(self.case_activated)
        dialog.finished.connect(lambda *_: setattr(self, "behind_dialog", None))
        dialog.show()
        self.behind_dialog = dialog
        self.behind_shown.emit(dialog)

    # -- definitions, export, bulletin ---------------------------------------------------------

    def show_definitions(self) -> DefinitionsDialog:
        if self.definitions_dialog is None:
            self.definitions_dialog = DefinitionsDialog(self)
        self.definitions_dialog.show()
        self.definitions_dialog.raise_()
        return self.definitions_dialog

    def _export(self) -> None:
        period = self.period()
        group_text = self.group.currentText()
        name = f"统计_{period.label}_{group_text}.xlsx"
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export statistics"), str(Path.home() / name), "Excel (*.xlsx)"
        )
        if chosen:
            self.export_to(Path(chosen))

    def export_to(self, path: Path) -> Operation:
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        rows, title = list(self.rows), f"{self.period().label} {self.group.currentText()}"
        group_title = self.model.group_title

        def work(_db: object, _progress: object) -> Path:
            write_statistics(path, title, group_title, rows)
            return path

        def done(saved: Path) -> None:
            self.message.emit(self.tr("Saved {path}").format(path=saved))

        return self.runner.run(
            Operation(work, done, label=self.tr("Writing the workbook…"), needs_database=False)
        )

    def show_weights(self) -> WeightsDialog:
        dialog = WeightsDialog(self.session, assessment_weights(self.session.db), self)
        dialog.saved.connect(lambda _w: self.message.emit(self.tr("Assessment weights saved")))
        dialog.open()
        return dialog

    def bulletin_month(self) -> Period:
        """The month shown, when a month is picked; otherwise last month (the one a bulletin
        is usually issued for)."""
        period = self.period()
        if period.span == Span.MONTH:
            return period
        return month_of(self.now().date()).previous()

    def _print_bulletin(self) -> None:
        month = self.bulletin_month()
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the monthly bulletin"),
            str(Path(folder) / f"月度通报-{month.label}.pdf"),
            self.tr("PDF (*.pdf);;Excel (*.xlsx)"),
        )
        if chosen:
            self.write_bulletin_to(Path(chosen), month)

    def write_bulletin_to(self, path: Path, month: Period) -> Operation:
        """Write the bulletin on the worker; a PDF is then opened for printing."""
        if path.suffix.lower() not in (".pdf", ".xlsx"):
            path = path.with_suffix(".pdf")
        now = self.now()

        def done(saved: Path) -> None:
            self.message.emit(self.tr("Saved {path}").format(path=saved))
            opened = saved.suffix.lower() != ".pdf" or QDesktopServices.openUrl(
                QUrl.fromLocalFile(str(saved))  # the viewer prints it, when there is one
            )
            if not opened:
                no_viewer(self, saved)

        return self.runner.run(
            Operation(
                lambda db, _p: write_bulletin(db, month, path, now),
                done,
                label=self.tr("Writing the monthly bulletin…"),
            )
        )

    def now(self) -> datetime:
        return self.clock.now()
