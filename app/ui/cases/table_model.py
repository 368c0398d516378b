"""The cases list as a Qt table model over SQL windows: never all rows.

``rowCount`` comes from ``count_cases`` (or ``first_window``'s estimate); rows are fetched
in pages of ``PAGE_SIZE`` with ``listed_window`` when the view asks for them, and only the
``MAX_PAGES`` most recently used pages are kept, so scrolling through a million cases
holds at most 1,600 in memory.

On a large database (``set_query(..., background=True)``) nothing that grows with the
table runs on the UI thread: the worker finds the first rows (what the view shows) with
the count, estimated (约) when large; the rest of their page and the exact count follow (a
list read again shows its last exact count meanwhile, not 约); a page the view scrolls to
is read on the worker and its rows stay blank until it arrives (``dataChanged``). A page
the view has scrolled past before the worker came to it is not read (``view_moved``), and
a row opened whose page is not in memory opens when the worker has read it (``open_row``).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from sqlite_utils import Database

from app.core.model import Case
from app.store.case_count import FirstWindow, first_window, should_walk
from app.store.case_estimate import CaseCount
from app.store.case_list import CaseFilter, CaseSort, ListedCase, count_cases, listed_window
from app.store.reference import ReferenceData
from app.ui.cases.cells import COLUMNS, ROLES, cell_data
from app.ui.common.runner import BackgroundRunner, Operation

PAGE_SIZE = 200
MAX_PAGES = 8
# A new list's first answer is the rows the view shows and one more (17 in a window of
# 1366×728), not a whole page: a filter walked or a search's hits tested for fewer rows
# cost less (the full matrix's searches at a million cases, store: median for 60 rows
# 14.5 ms, for 24, 10.2); the rest of the page is read once the first rows are painted,
# while the clerk reads them. This many while the view is not laid out (the page hidden).
FIRST_ROWS = 60
# Pages asked of the worker stay wanted while they are this many pages from the rows the
# view shows; further away (the scroll bar dragged past them) their reads are cancelled.
PAGES_AROUND_VIEW = 1
# The rest of the first page, and the exact count of a list first shown with an estimate,
# are asked of the worker this long after the first rows, once the view has painted them.
READ_ON_AFTER_MS = 40

_Index = QModelIndex | QPersistentModelIndex


class _Opening(NamedTuple):
    """A row the clerk opened whose page the worker is reading: open it when it comes."""

    row: int
    then: Callable[[Case], None]


class CaseTableModel(QAbstractTableModel):
    count_settled = Signal()  # the exact count replaced the estimate

    def __init__(
        self,
        db: Database,
        ref: ReferenceData,
        parent: Any = None,
        page_size: int = PAGE_SIZE,
        max_pages: int = MAX_PAGES,
        runner: BackgroundRunner | None = None,
        count: bool = True,
    ) -> None:
        """``count``: count the cases now (False: start empty; the caller sets a query,
        on the worker when the database is large)."""
        super().__init__(parent)
        self.db = db
        self.ref = ref
        self.runner = runner
        self.page_size = page_size
        # how many rows the view shows (0: not laid out yet); the page tells
        self.rows_shown: Callable[[], int] = lambda: 0
        self.first_asked = FIRST_ROWS  # how many rows the last new list was read with first
        self.max_pages = max_pages
        self.case_filter = CaseFilter()  # the query whose rows are shown
        self.case_sort = CaseSort()
        # the query asked for last: shown, or its answer still awaited from the worker (a
        # sort, a refresh after a write meanwhile build on it, not on what is shown)
        self.wanted_filter, self.wanted_sort = self.case_filter, self.case_sort
        self._first_pending = False  # the wanted query's count and first page not yet here
        self._count = count_cases(db, self.case_filter) if count else 0
        self.count_exact = True
        # while a list is read again, the count shown is its last exact one, not an
        # estimate: the new exact count follows (no flicker between 约 and exact)
        self.count_held = False
        self._pages: OrderedDict[int, list[ListedCase]] = OrderedDict()
        self._first_page_short = False  # page 0 holds the first rows only: more to come
        self.page_loads = 0  # for tests and the status bar: SQL windows read so far
        self.background = False  # the pages of this query are read on the worker
        self._walk = False  # its windows are found by walking the sort order's index
        self._operations: list[Operation] = []  # the worker's reads for this query
        self._asked: dict[int, Operation] = {}  # pages asked of the worker, not yet arrived
        self._opening: _Opening | None = None
        self._shown = 0  # which query the rows are of: a page read for an older one is dropped
        self._headers = {
            "number": self.tr("Case number"),
            "received_at": self.tr("Received"),
            "status": self.tr("Status"),
            "lead_unit": self.tr("Lead unit"),
            "category_code": self.tr("Category"),
            "grid_code": self.tr("Grid"),
            "source": self.tr("Source"),
            "urgency": self.tr("Urgency"),
            "address": self.tr("Address"),
            "description": self.tr("Description"),
            "first_receiver_unit": self.tr("First receiver"),
        }

    # -- the query -------------------------------------------------------------------------

    def set_query(
        self,
        case_filter: CaseFilter,
        case_sort: CaseSort | None = None,
        total: int | None = None,
        background: bool = False,
    ) -> None:
        """Show another filter or order; ``total``: its count, known (the same cases in
        another order). ``background``: ask the worker for the count and every page, the
        rows shown stay until they arrive, so a slow search never runs on the UI thread."""
        self._cancel()
        sort = self.wanted_sort if case_sort is None else case_sort
        self.wanted_filter, self.wanted_sort = case_filter, sort
        if background and self.runner is not None:
            self.background, self._first_pending = True, True
            self._ask_first(case_filter, sort, total)
            return
        self.background, self._first_pending = False, False
        counted = count_cases(self.db, case_filter) if total is None else total
        self._show(case_filter, sort, CaseCount(counted, True), [])

    def _show(
        self,
        case_filter: CaseFilter,
        sort: CaseSort,
        count: CaseCount,
        first: list[ListedCase],
        last_exact: int | None = None,
        walk: bool | None = None,
    ) -> None:
        """``last_exact``: this list's exact count before it was read again, shown instead
        of an estimate until the new exact count arrives. ``walk``: how the worker found
        the first window, so the others are found alike (None: by the count)."""
        self.beginResetModel()
        self._shown += 1
        self.case_filter = case_filter
        self.case_sort = sort
        self._walk = should_walk(count) if walk is None else walk
        self._pages.clear()
        self._asked.clear()
        self._opening = None
        self.count_held = last_exact is not None and not count.exact
        self._count = max(last_exact or 0, len(first)) if self.count_held else count.value
        self.count_exact = count.exact
        if first:
            self._pages[0] = first
            self.page_loads += 1
        # as many rows as read first, fewer than a page: more may come (reading on tells)
        self._first_page_short = self.first_asked <= len(first) < self.page_size
        self.endResetModel()

    def _cancel(self) -> None:
        for operation in self._operations:
            operation.cancel()
        self._operations = []
        self._asked.clear()
        self._opening = None

    def _run(self, operation: Operation) -> None:
        assert self.runner is not None
        self._operations.append(operation)
        operation.settled = lambda: self._forget(operation)
        self.runner.run(operation)

    def _forget(self, operation: Operation) -> None:
        """The worker is done with ``operation``: read, failed or skipped."""
        if operation in self._operations:
            self._operations.remove(operation)
        for number in [n for n, asked in self._asked.items() if asked is operation]:
            del self._asked[number]  # it failed: the view may ask for it again
        opening = self._opening
        if opening is not None and opening.row // self.page_size not in self._asked:
            self._opening = None  # its page will not come: open nothing later by surprise

    def _ask_first(self, case_filter: CaseFilter, sort: CaseSort, total: int | None) -> None:
        """The first rows and the count from the worker; the rest of their page and the
        exact count (if the first was an estimate) after them (a new query cancels all)."""
        on_screen = self.rows_shown()
        size = self.first_asked = min(on_screen + 1 if on_screen else FIRST_ROWS, self.page_size)

        def work(db: Database, _progress: object) -> FirstWindow:
            known = None if total is None else CaseCount(total, True)  # another order
            return first_window(db, case_filter, sort, size, known)

        def shown(result: FirstWindow) -> None:
            count, first, walk = result
            self._first_pending = False
            # the same list read again (after a write, in another order): a count near
            # the limit of the exact count at once would flip between exact and 约
            again = case_filter == self.case_filter and self.shows_exact_count()
            self._show(case_filter, sort, count, first, self._count if again else None, walk)
            if self._first_page_short or not count.exact:
                # read on once the first rows are painted: the worker reading beside the
                # window's thread slows the paint down as much again (two cores, one GIL)
                shown_query = self._shown
                QTimer.singleShot(READ_ON_AFTER_MS, self, lambda: self._read_on(shown_query))

        self._run(Operation(work, shown))

    def _read_on(self, shown_query: int) -> None:
        """The rest of the first page and the exact count of the list shown, unless
        another list has been asked for since."""
        if shown_query != self._shown or self._first_pending:
            return
        if self._first_page_short:
            self._ask_page(0, 0, self._walk)
        if not self.count_exact:
            case_filter = self.case_filter
            self._run(Operation(lambda db, _p: count_cases(db, case_filter), self._settle))

    def _settle(self, exact: int) -> None:
        """The exact count arrived: grow or shrink the rows to it, where the view stands."""
        shown = self._count
        if exact > shown:
            self.beginInsertRows(QModelIndex(), shown, exact - 1)
            self._count = exact
            self.endInsertRows()
        elif exact < shown:
            self.beginRemoveRows(QModelIndex(), exact, shown - 1)
            self._count = exact
            self.endRemoveRows()
        self.count_exact = True
        self.count_held = False
        # a walk chosen on an estimate far too high: the few cases are gathered instead
        self._walk = self._walk and should_walk(CaseCount(exact, True))
        self.count_settled.emit()

    def refresh(self) -> None:
        """Read the same query again (after a case was registered)."""
        self.set_query(self.wanted_filter, self.wanted_sort, background=self.background)

    def shows_exact_count(self) -> bool:
        """Whether the count shown is exact: now, or the list's last exact count while it
        is read again and its new exact count is on the way."""
        return self.count_exact or self.count_held

    def reads_on(self) -> bool:
        """Whether the rest of the first page or the exact count is still to come."""
        return self._first_page_short or not self.count_exact

    def is_reading(self) -> bool:
        """Whether a page the view asked for is still being read on the worker."""
        return bool(self._asked)

    def cached_row_count(self) -> int:
        return sum(len(page) for page in self._pages.values())

    def cached_page_count(self) -> int:
        return len(self._pages)

    def case_at(self, row: int) -> Case | None:
        listed = self.listed_at(row)
        return listed.case if listed is not None else None

    def listed_at(self, row: int) -> ListedCase | None:
        if not 0 <= row < self._count:
            return None
        page_number, offset = divmod(row, self.page_size)
        page = self._page(page_number)
        if offset < len(page):
            return page[offset]
        if page_number == 0 and self._first_page_short and self.background:
            self._ask_page(0, 0, self._walk)  # a row past the first rows: read on now
        return None

    def _page(self, number: int) -> list[ListedCase]:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        offset = number * self.page_size
        if self.background and self.runner is not None:
            self._ask_page(number, offset, self._walk)
            return []
        total = self._count if self.count_exact else None
        page = listed_window(
            self.db, self.case_filter, self.case_sort, offset, self.page_size, self._walk, total
        )
        self._keep(number, page)
        return page

    def _keep(self, number: int, page: list[ListedCase]) -> None:
        self.page_loads += 1
        self._pages[number] = page
        self._first_page_short = self._first_page_short and number != 0  # page 0 whole
        while len(self._pages) > self.max_pages:
            self._pages.popitem(last=False)

    def _ask_page(self, number: int, offset: int, walk: bool) -> None:
        """Read page ``number`` on the worker (once); its rows are painted when it comes."""
        if number in self._asked:
            return
        f, sort, size, shown = self.case_filter, self.case_sort, self.page_size, self._shown
        total = self._count if self.count_exact else None  # read the far end backwards

        def work(db: Database, _progress: object) -> list[ListedCase]:
            return listed_window(db, f, sort, offset, size, walk=walk, total=total)

        def arrived(page: list[ListedCase]) -> None:
            if shown != self._shown:  # the rows are another query's now
                return
            self._asked.pop(number, None)
            shown_rows = len(self._pages.get(number, ()))  # the first rows, painted already
            self._keep(number, page)
            first, last = offset + shown_rows, min(offset + len(page), self._count) - 1
            if last >= first:
                self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))
            opening = self._opening
            if opening is not None and opening.row // size == number:
                self._opening = None
                if opening.row - offset < len(page):
                    opening.then(page[opening.row - offset].case)

        operation = Operation(work, arrived)
        self._asked[number] = operation
        self._run(operation)

    def open_row(self, row: int, then: Callable[[Case], None]) -> None:
        """Hand the case of ``row`` to ``then`` (open it): at once when its page is in
        memory, else when the worker has read the page again (dropped from memory, or not
        come yet), unless another list is shown by then. Only the last row asked opens."""
        self._opening = None
        case = self.case_at(row)  # asks the worker for its page when not in memory
        if case is not None:
            then(case)
        elif row // self.page_size in self._asked:
            self._opening = _Opening(row, then)

    def view_moved(self, first_row: int, last_row: int) -> None:
        """The view shows rows ``first_row``..``last_row`` now. A page asked of the worker
        further than ``PAGES_AROUND_VIEW`` pages from them is no longer wanted (a scroll bar
        dragged over a million cases asks for every page it passes): its read is cancelled,
        so the worker skips it, and the view asks for it again if it comes back to it. The
        page of a row being opened is read whatever the view shows."""
        first = first_row // self.page_size - PAGES_AROUND_VIEW
        last = last_row // self.page_size + PAGES_AROUND_VIEW
        opening = self._opening.row // self.page_size if self._opening is not None else None
        for number in [n for n in self._asked if not first <= n <= last and n != opening]:
            self._asked.pop(number).cancel()

    # -- Qt model interface ----------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headers[COLUMNS[section][0]]
            if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[section][1] is None:
                return self.tr("This column cannot be sorted")
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in ROLES or not index.isValid():
            return None
        listed = self.listed_at(index.row())
        if listed is None:
            return None
        return cell_data(self.ref, listed, COLUMNS[index.column()][0], role)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is done by SQL; the description column cannot be sorted."""
        if not 0 <= column < len(COLUMNS) or COLUMNS[column][1] is None:
            return
        case_sort = CaseSort(COLUMNS[column][1], order == Qt.SortOrder.DescendingOrder)
        if case_sort != self.wanted_sort:
            # the same rows in another order: no need to count, once they are counted
            known = self.count_exact and not self._first_pending
            total = self._count if known else None
            self.set_query(self.wanted_filter, case_sort, total=total, background=self.background)

    def sort_column(self) -> int:
        return next(i for i, c in enumerate(COLUMNS) if c[1] == self.wanted_sort.column)
