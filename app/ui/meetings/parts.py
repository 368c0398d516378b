"""What the joint-meeting page and its dialogs share: a check list of agenda items, the
words for a meeting and its state, and rows that wrap their text."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.meetings import HELD_ON_FORMAT, OTHER, AgendaItem, Meeting, MeetingDecision
from app.store.reference import ReferenceData
from app.ui.common.i18n import agenda_kind_word

ItemRole = Qt.ItemDataRole.UserRole
DETAIL_COLOUR = QColor("#52606d")
HELD, MINUTES_DUE, UPCOMING = "held", "minutes_due", "upcoming"
STATE_COLOURS = {HELD: "#027a48", MINUTES_DUE: "#b54708", UPCOMING: "#1d4e89"}
OVERDUE_COLOUR = "#b42318"
GREY = "#627d98"


def meeting_state(meeting: Meeting, now: datetime) -> str:
    """Held (minutes in), minutes due (the time has passed) or upcoming."""
    if meeting.held:
        return HELD
    held_on = datetime.strptime(meeting.held_on, HELD_ON_FORMAT)
    return MINUTES_DUE if held_on <= now else UPCOMING


def days_late(decision: MeetingDecision, today: date) -> int:
    return max(0, (today - date.fromisoformat(decision.deadline)).days)


def state_word(state: str) -> str:
    words = {
        HELD: QCoreApplication.translate("MeetingsPage", "Held"),
        MINUTES_DUE: QCoreApplication.translate("MeetingsPage", "Minutes to record"),
        UPCOMING: QCoreApplication.translate("MeetingsPage", "To be held"),
    }
    return words[state]


def meeting_name(meeting: Meeting) -> str:
    """第 3 次联席会议"""
    return QCoreApplication.translate("MeetingsPage", "Joint meeting no. {number}").format(
        number=meeting.number
    )


def weekday_time(held_on: str) -> str:
    """``2026-12-03 09:30 (Thu)``, the weekday in the interface language."""
    names = (
        QCoreApplication.translate("MeetingsPage", "Mon"),
        QCoreApplication.translate("MeetingsPage", "Tue"),
        QCoreApplication.translate("MeetingsPage", "Wed"),
        QCoreApplication.translate("MeetingsPage", "Thu"),
        QCoreApplication.translate("MeetingsPage", "Fri"),
        QCoreApplication.translate("MeetingsPage", "Sat"),
        QCoreApplication.translate("MeetingsPage", "Sun"),
    )
    day = names[datetime.strptime(held_on, HELD_ON_FORMAT).weekday()]
    return QCoreApplication.translate("MeetingsPage", "{time} ({weekday})").format(
        time=held_on, weekday=day
    )


def unit_names(ref: ReferenceData, codes: Iterable[str]) -> str:
    return "、".join(ref.department_name(code) for code in codes)


class _ItemLine(QLineEdit):
    """Enter adds the typed item instead of confirming the dialog; an empty line lets the
    dialog have the Enter."""

    submitted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and self.text().strip():
            self.submitted.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class AgendaEditor(QWidget):
    """The agenda as a check list (untick what the meeting will not take up) and a line to
    add an item of one's own (kind 其他)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = QTreeWidget()
        self.tree.setObjectName("agendaChecklist")
        self.tree.setHeaderLabels([self.tr("Kind"), self.tr("Agenda item"), self.tr("Details")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        wrap_columns(self.tree, (1, 2))
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.resizeSection(0, 122)
        header.resizeSection(1, 330)
        self.tree.itemChanged.connect(lambda *_: self._changed())
        self.count_label = QLabel()
        self.count_label.setObjectName("hintText")
        self.count_label.setWordWrap(True)
        self.other = _ItemLine()
        self.other.setObjectName("otherAgendaItem")
        self.other.setPlaceholderText(
            self.tr("An item of your own, e.g. 通报上次会议决议的落实情况")
        )
        self.other.submitted.connect(self.add_typed)
        self.add_button = QPushButton(self.tr("&Add item"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_typed)
        line = QHBoxLayout()
        line.addWidget(self.other, 1)
        line.addWidget(self.add_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        column.addWidget(self.tree, 1)
        column.addWidget(self.count_label)
        column.addLayout(line)
        self._changed()

    def add(self, item: AgendaItem, checked: bool = True, new: bool = False) -> QTreeWidgetItem:
        kind = agenda_kind_word(item.kind)
        row = QTreeWidgetItem([self.tr("{kind} · new").format(kind=kind) if new else kind])
        row.setText(1, item.title)
        row.setText(2, item.detail)
        row.setToolTip(1, item.title)
        row.setToolTip(2, item.detail)
        row.setForeground(2, QBrush(DETAIL_COLOUR))
        if new:
            font = QFont(row.font(0))
            font.setItalic(True)
            row.setFont(0, font)
            row.setToolTip(0, self.tr("Proposed since the agenda was last saved"))
        row.setData(0, ItemRole, item)
        row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        row.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.tree.addTopLevelItem(row)
        return row

    def add_all(self, items: Sequence[AgendaItem], checked: bool = True, new: bool = False) -> None:
        for item in items:
            self.add(item, checked, new)
        self._changed()

    def add_typed(self) -> None:
        title = self.other.text().strip()
        if not title:
            self.other.setFocus()
            return
        row = self.add(AgendaItem(OTHER, "", title, ""))
        self.tree.scrollToItem(row)
        self.other.clear()
        self._changed()

    def rows(self) -> list[QTreeWidgetItem]:
        return [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]

    def checked_items(self) -> list[AgendaItem]:
        return [
            row.data(0, ItemRole)
            for row in self.rows()
            if row.checkState(0) == Qt.CheckState.Checked
        ]

    def _changed(self) -> None:
        total, chosen = self.tree.topLevelItemCount(), len(self.checked_items())
        if total == 0:
            text = self.tr(
                "Nothing to propose from the data today: no undecided duty dispute and no "
                "supervised, long-overdue or cross-department case. Add an item of your own."
            )
        else:
            text = self.tr("{chosen} of {total} items on the agenda").format(
                chosen=chosen, total=total
            )
        self.count_label.setText(text)
        self.changed.emit()


def text_box(placeholder: str, height: int) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setPlaceholderText(placeholder)
    box.setFixedHeight(height)
    return box


def intro(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("hintText")
    label.setWordWrap(True)
    return label


class WrapDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped text: a tree view asks for a row's height without the
    column's width, so long Chinese text would be cut off with "…"."""

    def __init__(self, tree: QTreeWidget, column: int) -> None:
        super().__init__(tree)
        self.tree, self.column = tree, column

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        width = max(40, self.tree.header().sectionSize(self.column) - 20)
        text = str(index.data() or "")
        flags = int(Qt.TextFlag.TextWordWrap)
        needed = option.fontMetrics.boundingRect(QRect(0, 0, width, 100_000), flags, text)
        return QSize(size.width(), max(size.height(), needed.height() + 12))


def wrap_columns(tree: QTreeWidget, columns: Sequence[int]) -> None:
    """Wrap the text of ``columns``; heights follow when a column is resized."""
    tree.setWordWrap(True)
    tree.setUniformRowHeights(False)
    for column in columns:
        tree.setItemDelegateForColumn(column, WrapDelegate(tree, column))
    tree.header().sectionResized.connect(
        lambda column, _old, _new: tree.doItemsLayout() if column in columns else None
    )
