"""The lists page (三张清单): the power & responsibility list, the duty task list and the duty
boundary list, each with its versions, and the township's local amendments of the boundary
list with the change proposal for the establishment office; a search over all three; import from the
spreadsheets townships receive (administrators only) and export to .xlsx; and, for those who
correct the lists, how often triage went against their suggestion, per matter."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.lists import LIST_NAMES, ListKind
from app.core.model import Role, User
from app.core.permissions import MANAGE_REFERENCE_DATA, may
from app.core.text import fts_query
from app.reports.sheet_writer import write_sheet
from app.reports.spreadsheets import Sheet, read_sheet
from app.store.changes import CASES, LISTS, REFERENCE
from app.store.devices import may_here
from app.store.lists import Replaced, search_lists
from app.store.routing import override_report
from app.ui.common.i18n import in_language
from app.ui.common.page import Page
from app.ui.common.runner import Operation
from app.ui.common.session import Session
from app.ui.common.trees import case_tree
from app.ui.lists.amendments import AmendmentsTab
from app.ui.lists.import_dialog import ListImportDialog, success_text
from app.ui.lists.table import ListTable, list_title

KINDS = (ListKind.POWER, ListKind.DUTIES, ListKind.BOUNDARY)
KindRole = Qt.ItemDataRole.UserRole
ItemRole = Qt.ItemDataRole.UserRole + 1


def reads_override_report(user: User) -> bool:
    """Those who correct the lists or answer for them: administrators, leaders and
    supervisors."""
    return may(user.role, MANAGE_REFERENCE_DATA) or user.role in (Role.LEADER, Role.SUPERVISOR)


class ListsPage(Page):
    shows = frozenset({LISTS, REFERENCE})  # the lists, with the units' short names

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        db, user, ref = session.db, session.user, session.ref
        self.may_import = may_here(db, user, MANAGE_REFERENCE_DATA)
        self.import_dialog: ListImportDialog | None = None
        title = QLabel(self.tr("Three lists"))
        title.setObjectName("pageTitle")
        self.search = QLineEdit()
        self.search.setObjectName("listSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Search the three lists: type two or more characters, e.g. 占道经营")
        )
        self.search.setMinimumWidth(340)
        self.search.setMaximumWidth(560)
        self.search.textChanged.connect(self.find)
        self.search.returnPressed.connect(self._jump_to_first)
        self.import_button = QPushButton(self.tr("Import…"))
        self.import_button.setObjectName("primaryButton")
        self.import_button.setToolTip(
            self.tr("Import the list shown from an Excel (.xlsx) or CSV spreadsheet")
        )
        self.import_button.clicked.connect(self.choose_import_file)
        self.import_button.setVisible(self.may_import)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setToolTip(
            self.tr("Export the list shown as an Excel spreadsheet (.xlsx)")
        )
        self.export_button.clicked.connect(self.choose_export_file)
        top = QHBoxLayout()
        top.setSpacing(10)
        top.addWidget(title)
        top.addSpacing(16)
        top.addWidget(self.search, 1)
        top.addStretch(1)
        top.addWidget(self.import_button)
        top.addWidget(self.export_button)
        self.read_only = QLabel(
            self.tr(
                "Administrators import and maintain the lists; here you can read, "
                "search and export them."
            )
        )
        self.read_only.setObjectName("hintText")
        self.read_only.setVisible(not self.may_import)
        self.hits_title = QLabel()
        self.hits_title.setObjectName("hintText")
        self.hits = case_tree(
            "listHits", [self.tr("List"), self.tr("Code / No."), self.tr("Content")], (120, 130)
        )
        self.hits.setRootIsDecorated(False)
        self.hits.setMaximumHeight(170)
        self.hits.setToolTip(self.tr("Enter or double-click: go to this row in its list"))
        self.hits.itemActivated.connect(lambda item, _c: self.jump(item))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("listTabs")
        self.tables: dict[ListKind, ListTable] = {}
        for kind in KINDS:
            table = ListTable(db, ref, kind)
            self.tables[kind] = table
            self.tabs.addTab(table, list_title(kind).replace("&", "&&"))  # not a shortcut
        self.report: QTreeWidget | None = None
        if reads_override_report(user):
            self.tabs.addTab(self._report_tab(), self.tr("Overrides"))
            self.shows = self.shows | {CASES}  # triage's overrides are the cases' steps
        self.amendments = AmendmentsTab(session)
        self.amendments.message.connect(self.message)
        self.tabs.addTab(self.amendments, self.tr("Local amendments"))
        self.tabs.setCurrentIndex(KINDS.index(ListKind.BOUNDARY))
        self.tabs.currentChanged.connect(self._tab_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 10)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.read_only)
        layout.addWidget(self.hits_title)
        layout.addWidget(self.hits)
        layout.addWidget(self.tabs, 1)
        self._show_hits([], "")

    def _report_tab(self) -> QWidget:
        page = QWidget()
        intro = QLabel(
            self.tr(
                "How often triage did not route as the lists suggest, per matter (most "
                "overridden first). A matter that is often overridden suggests the duty "
                "boundary list may need correcting; the reasons are those clerks gave "
                "when overriding."
            )
        )
        intro.setObjectName("hintText")
        intro.setWordWrap(True)
        headers = [
            self.tr("Matter code"),
            self.tr("Matter"),
            self.tr("Suggested"),
            self.tr("Overridden"),
            self.tr("Share"),
            self.tr("Latest reasons"),
        ]
        self.report = case_tree("overrideReport", headers, (118, 380, 64, 56, 76))
        self.report.setRootIsDecorated(False)
        self.report_empty = QLabel(
            self.tr("No case has been triaged with a suggestion from the lists yet.")
        )
        self.report_empty.setObjectName("emptyLabel")
        column = QVBoxLayout(page)
        column.setContentsMargins(8, 8, 8, 8)
        column.addWidget(intro)
        column.addWidget(self.report_empty)
        column.addWidget(self.report, 1)
        return page

    # -- reading -----------------------------------------------------------------------------

    def reread(self) -> None:
        for table in self.tables.values():
            table.refresh()
        self.amendments.refresh()
        self._fill_report()
        self.find(self.search.text())
        self._tab_changed()

    def _fill_report(self) -> None:
        if self.report is None:
            return
        self.report.clear()
        rows = override_report(self.session.db)
        for row in rows:
            item = QTreeWidgetItem(
                [
                    row.matter or "—",
                    row.name,
                    str(row.suggested),
                    str(row.overridden),
                    f"{row.share:.0%}",
                    "；".join(row.reasons) or "—",
                ]
            )
            for column in (2, 3, 4):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
            item.setToolTip(1, row.name)
            item.setToolTip(5, "\n".join(row.reasons))
            self.report.addTopLevelItem(item)
        self.report_empty.setVisible(not rows)
        self.report.setVisible(bool(rows))

    def current_kind(self) -> ListKind | None:
        table = self.tabs.currentWidget()
        return table.kind if isinstance(table, ListTable) else None

    def _tab_changed(self) -> None:
        kind = self.current_kind()
        self.export_button.setEnabled(kind is not None and bool(self.tables[kind].rows))
        self.import_button.setEnabled(kind is not None)

    # -- search ------------------------------------------------------------------------------

    def find(self, text: str) -> None:
        query = text.strip()
        if not query:
            self._show_hits([], "")
            return
        if len("".join(query.split())) < 2 or fts_query(query) is None:
            self._show_hits([], self.tr("Type at least two characters."))
            return
        hits = []
        for hit in search_lists(self.session.db, query):
            table = self.tables[hit.kind]
            row = table.row_of(hit.item)
            if row >= 0:
                hits.append((hit.kind, row, *table.hit_text(row)))
        hits.sort(key=lambda h: (KINDS.index(h[0]), h[1]))
        note = (
            self.tr(
                "{count} found: press Enter or double-click to go to the row in its list."
            ).format(count=len(hits))
            if hits
            else self.tr("“{query}” is not in the three lists.").format(query=query)
        )
        self._show_hits(hits, note)

    def _show_hits(self, hits: list[tuple[ListKind, int, str, str]], note: str) -> None:
        self.hits.clear()
        for kind, row, code, text in hits:
            item = QTreeWidgetItem([list_title(kind), code, text])
            item.setData(0, KindRole, kind.value)
            item.setData(0, ItemRole, row)
            item.setToolTip(2, text)
            self.hits.addTopLevelItem(item)
        self.hits_title.setText(note)
        self.hits_title.setVisible(bool(note))
        self.hits.setVisible(bool(hits))
        if hits:
            self.hits.setCurrentItem(self.hits.topLevelItem(0))

    def _jump_to_first(self) -> None:
        if self.hits.topLevelItemCount():
            self.jump(self.hits.currentItem() or self.hits.topLevelItem(0))

    def jump(self, item: QTreeWidgetItem) -> None:
        kind = ListKind(item.data(0, KindRole))
        table = self.tables[kind]
        self.tabs.setCurrentWidget(table)
        table.select_row(int(item.data(0, ItemRole)))
        table.table.setFocus()

    # -- import and export -------------------------------------------------------------------

    def choose_import_file(self) -> None:
        if not self.may_import:
            return
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the list spreadsheet to import"),
            _documents(),
            self.tr("Spreadsheets (*.xlsx *.xlsm *.csv)"),
        )
        if chosen:
            self.import_file(Path(chosen))

    def import_file(self, path: Path) -> Operation | None:
        """Read the file on the worker, then show the mapping step."""
        if not self.may_import:
            return None
        kind = self.current_kind() or ListKind.BOUNDARY
        return self.session.runner.run(
            Operation(
                lambda _db, _progress: read_sheet(path),
                success=lambda sheet: self._open_import(sheet, kind),
                label=self.tr("Reading the spreadsheet…"),
                needs_database=False,
            )
        )

    def _open_import(self, sheet: Sheet, kind: ListKind) -> ListImportDialog:
        dialog = ListImportDialog(self.session, sheet, kind, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(self._imported)
        dialog.finished.connect(lambda _result: setattr(self, "import_dialog", None))
        self.import_dialog = dialog
        dialog.open()
        return dialog

    def _imported(self, result: Replaced) -> None:
        """The page has read the new list already (the session said what changed)."""
        self.message.emit(success_text(result))
        self.tabs.setCurrentWidget(self.tables[result.kind])

    def choose_export_file(self) -> None:
        kind = self.current_kind()
        if kind is None:
            return
        name = in_language(LIST_NAMES[kind])
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export list"),
            str(Path(_documents()) / f"{name}.xlsx"),
            self.tr("Excel spreadsheets (*.xlsx)"),
        )
        if chosen:
            path = Path(chosen)
            self.export_file(
                kind, path if path.suffix.lower() == ".xlsx" else path.with_suffix(".xlsx")
            )

    def export_file(self, kind: ListKind, path: Path) -> Operation:
        table = self.tables[kind]
        headers, rows = list(table.headers), [list(r) for r in table.rows]
        name = in_language(LIST_NAMES[kind])
        return self.session.runner.run(
            Operation(
                lambda _db, _progress: write_sheet(path, name, headers, rows),
                success=lambda _none: self.message.emit(
                    self.tr("Exported the {name} ({rows} items): {path}").format(
                        name=name, rows=len(rows), path=path
                    )
                ),
                label=self.tr("Exporting…"),
                needs_database=False,
            )
        )


def _documents() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
