"""One of the three lists on the lists page: its rows, the selected row in full, and the
list's versions (who changed it, when, from which file or ruling)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from app.core.amendments import Amendment
from app.core.lists import LIST_NAMES, ListKind
from app.store.amendments import amendments
from app.store.lists import list_rows, versions
from app.store.reference import ReferenceData
from app.ui.common.i18n import in_language
from app.ui.common.trees import case_tree

UNIT_COLUMNS = ("责任单位", "部门", "牵头部门", "配合部门")  # full names in the list
# column label -> width in pixels; long texts are cut in the table and shown whole beside it
WIDTHS = {
    "序号": 48,
    "事项编码": 118,
    "事项名称": 250,
    "事项类型": 84,
    "设定依据": 220,
    "实施层级": 96,
    "责任单位": 110,
    "责任事项": 220,
    "追责情形": 200,
    "可见性": 56,
    "专业性": 56,
    "关联问题类别": 104,
    "部门": 110,
    "科室": 110,
    "岗位": 110,
    "岗位职责": 360,
    "关联事项编码": 118,
    "牵头部门": 96,
    "配合部门": 190,
    "牵头部门职责": 240,
    "配合部门职责": 240,
    "备注": 200,
}


def list_title(kind: ListKind) -> str:
    """A list's name as a label (a tab, a column, a choice): capitalised in English."""
    name = in_language(LIST_NAMES[kind])
    return name[:1].upper() + name[1:]


class ListTable(QWidget):
    """Rows on the left, the selected row whole on the right, versions below."""

    def __init__(
        self, db: Database, ref: ReferenceData, kind: ListKind, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db, self.ref, self.kind = db, ref, kind
        self.headers: list[str] = []
        self.amended: dict[str, list[Amendment]] = {}
        self.rows: list[list[str]] = []
        self.table = QTableWidget()
        self.table.setObjectName(f"listRows_{kind.value}")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.empty = QLabel(
            self.tr(
                "No {name} has been imported yet. An administrator can import it from "
                "an Excel or CSV spreadsheet with “Import…”."
            ).format(name=in_language(LIST_NAMES[kind]))
        )
        self.empty.setObjectName("emptyLabel")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail = QLabel()
        self.detail.setObjectName("listRowDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setContentsMargins(10, 8, 10, 8)
        self.detail.setStyleSheet("background: #ffffff;")
        scroll = QScrollArea()
        scroll.setObjectName("listRowDetailArea")
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.detail)
        scroll.setMinimumWidth(260)
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(self.empty)
        left_column.addWidget(self.table, 1)
        upper = QSplitter(Qt.Orientation.Horizontal)
        upper.addWidget(left)
        upper.addWidget(scroll)
        upper.setStretchFactor(0, 3)
        upper.setStretchFactor(1, 1)
        upper.setSizes([760, 300])
        upper.setChildrenCollapsible(False)
        self.versions_title = QLabel(self.tr("Versions"))
        self.versions_title.setObjectName("sectionTitle")
        self.versions = case_tree(
            f"listVersions_{kind.value}",
            [
                self.tr("Version"),
                self.tr("Time"),
                self.tr("Changed by"),
                self.tr("Items"),
                self.tr("Source"),
            ],
            (90, 140, 90, 60),
        )
        self.versions.setRootIsDecorated(False)
        lower = QWidget()
        lower_column = QVBoxLayout(lower)
        lower_column.setContentsMargins(0, 4, 0, 0)
        lower_column.setSpacing(4)
        lower_column.addWidget(self.versions_title)
        lower_column.addWidget(self.versions, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(upper)
        split.addWidget(lower)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        split.setSizes([460, 150])
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(split)

    # -- reading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        chosen = self.current_row()
        self.headers, self.rows = list_rows(self.db, self.kind)
        table = self.table
        table.blockSignals(True)
        table.clear()
        table.setColumnCount(len(self.headers))
        table.setRowCount(len(self.rows))
        table.setHorizontalHeaderLabels(self.headers)
        short = {d.name: d.short_name for d in self.ref.departments.values()}
        units = {c for c, label in enumerate(self.headers) if label in UNIT_COLUMNS}
        self.amended = self._amended()
        name_at = self.headers.index("事项名称") if "事项名称" in self.headers else -1
        code_at = self.headers.index("事项编码") if "事项编码" in self.headers else -1
        for r, row in enumerate(self.rows):
            marked = code_at >= 0 and row[code_at] in self.amended
            for c, text in enumerate(row):
                shown = _short_names(text, short) if c in units else text
                if marked and c == name_at:  # 本镇修订: beside the official text
                    shown = f"【{self.tr('Local amendment')}】{shown}"
                item = QTableWidgetItem(shown)
                if len(text) > 12 or shown != text:
                    item.setToolTip(text)
                table.setItem(r, c, item)
        header = table.horizontalHeader()
        for c, label in enumerate(self.headers):
            header.resizeSection(c, WIDTHS.get(label, 120))
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        table.blockSignals(False)
        empty = not self.rows
        self.empty.setVisible(empty)
        self.table.setVisible(not empty)
        if self.rows:
            self.select_row(min(chosen, len(self.rows) - 1) if chosen >= 0 else 0)
        else:
            self.detail.setText(self.tr("(no items)"))
        self._fill_versions()

    def _amended(self) -> dict[str, list[Amendment]]:
        """The boundary items with amendments in force, by code (other lists: none)."""
        found: dict[str, list[Amendment]] = {}
        if self.kind == ListKind.BOUNDARY:
            for a in amendments(self.db, in_force_only=True):
                found.setdefault(a.item, []).append(a)
        return found

    def _fill_versions(self) -> None:
        self.versions.clear()
        found = versions(self.db, self.kind)
        for version in found:
            item = QTreeWidgetItem(
                [
                    self.tr("Version {n}").format(n=version.version),
                    version.changed_at[:16],
                    version.actor or "—",
                    str(version.rows),
                    version.source or "—",
                ]
            )
            item.setToolTip(4, version.source)
            self.versions.addTopLevelItem(item)
        if not found:
            item = QTreeWidgetItem([self.tr("No versions yet: the first import is version 1.")])
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.versions.addTopLevelItem(item)
            item.setFirstColumnSpanned(True)

    # -- rows --------------------------------------------------------------------------------

    def current_row(self) -> int:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return rows[0].row() if rows else -1

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)
        self.table.scrollToItem(
            self.table.item(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter
        )
        self._show_selected()

    def row_of(self, item: str) -> int:
        """The row a search hit names: a matter code, or the duty list's position (1-based)."""
        if self.kind == ListKind.DUTIES:
            return int(item) - 1 if item.isdigit() and 0 < int(item) <= len(self.rows) else -1
        if "事项编码" not in self.headers:  # not read yet
            return -1
        at = self.headers.index("事项编码")
        return next((i for i, row in enumerate(self.rows) if row[at] == item), -1)

    def _show_selected(self) -> None:
        row = self.current_row()
        if row < 0 or row >= len(self.rows):
            self.detail.setText(self.tr("Select a row to see all of it here."))
            return
        lines = [
            f"<p style='margin:0 0 8px 0'><span style='color:#627d98'>{escape(label)}</span>"
            f"<br>{escape(value) or '—'}</p>"
            for label, value in zip(self.headers, self.rows[row], strict=True)
        ]
        code = dict(zip(self.headers, self.rows[row], strict=True)).get("事项编码", "")
        for a in self.amended.get(code, []):
            said = self.tr("{category}: {lead} leads (case {case}, {time})").format(
                category=a.category_name,
                lead=self.ref.department_name(a.lead),
                case=a.case_number,
                time=a.amended_at[:16],
            )
            lines.append(
                f"<p style='margin:0 0 8px 0; color:#b54708'>"
                f"{escape(self.tr('Local amendment'))}<br>{escape(said)}</p>"
            )
        self.detail.setText("".join(lines))

    def hit_text(self, row: int) -> tuple[str, str]:
        """(code or position, what the row is about) for the search results."""
        values = dict(zip(self.headers, self.rows[row], strict=True))
        if self.kind == ListKind.DUTIES:
            place = " ".join(v for v in (values["部门"], values["科室"], values["岗位"]) if v)
            return str(row + 1), f"{place}：{values['岗位职责']}"
        if self.kind == ListKind.BOUNDARY:
            name = self.tr("Item {no} {name}").format(no=values["序号"], name=values["事项名称"])
            return values["事项编码"], name
        return values["事项编码"], values["事项名称"]


def _short_names(text: str, short: dict[str, str]) -> str:
    """青石镇综合行政执法办公室、青石市场监管所 -> 综合执法办、市场监管所 (the table is narrow;
    the row's full text is beside it)."""
    return "、".join(short.get(name, name) for name in text.split("、"))
