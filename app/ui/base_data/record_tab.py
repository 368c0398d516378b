"""One tab of the base-data page: a list of one kind of record with Add…, Edit… and
Deactivate/Reactivate buttons; Enter or a double-click edits. Deactivated records are
greyed, and hidden unless the page shows them. For anyone but the administrator the
buttons stay disabled, their tooltip saying why."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from app.ui.base_data.parts import ActiveDialog
from app.ui.base_data.words import INACTIVE, status_text
from app.ui.common.session import Session

KeyRole = Qt.ItemDataRole.UserRole


def record_tree(
    name: str, headers: list[str], widths: tuple[int, ...], stretch: int
) -> QTreeWidget:
    tree = QTreeWidget()
    tree.setObjectName(name)
    tree.setAlternatingRowColors(True)
    tree.setUniformRowHeights(True)
    tree.setRootIsDecorated(False)
    tree.setHeaderLabels(headers)
    header = tree.header()
    header.setStretchLastSection(False)
    for column, width in enumerate(widths):
        header.resizeSection(column, width)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return tree


class RecordTab(QWidget):
    """Subclasses say what a record is called, how it reads and which dialogs change it."""

    message = Signal(str)  # for the status bar
    name = ""  # object name of the list
    headers: tuple[str, ...] = ()
    widths: tuple[int, ...] = ()
    stretch = 0

    def __init__(
        self, session: Session, editable: bool, why_not: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session, self.editable, self.why_not = session, editable, why_not
        self.records: dict[str, Any] = {}
        self.active_count = 0
        self.show_inactive = False
        self.dialog: QDialog | None = None
        self.tree = record_tree(self.name, self.column_titles(), self.widths, self.stretch)
        self.tree.itemActivated.connect(lambda _item, _column: self.edit())
        self.tree.currentItemChanged.connect(lambda *_: self.update_buttons())
        self.tree.setToolTip(self.tr("Enter or double-click: edit") if editable else "")
        self.add_button = self.button(self.tr("Add…"), self.add)
        self.edit_button = self.button(self.tr("Edit…"), self.edit)
        self.active_button = self.button(self.tr("Deactivate…"), self.toggle_active)
        self.buttons = QHBoxLayout()
        self.buttons.setSpacing(8)
        for widget in self.extra_buttons_before():
            self.buttons.addWidget(widget)
        self.buttons.addWidget(self.add_button)
        self.buttons.addWidget(self.edit_button)
        self.buttons.addWidget(self.active_button)
        for widget in self.extra_buttons():
            self.buttons.addWidget(widget)
        self.buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(8)
        layout.addWidget(self.tree, 1)
        layout.addLayout(self.buttons)
        self.update_buttons()

    def button(self, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)
        button.clicked.connect(lambda: slot())
        if not self.editable:
            button.setEnabled(False)
            button.setToolTip(self.why_not)
        return button

    # -- what each kind says -----------------------------------------------------------------

    def column_titles(self) -> list[str]:
        raise NotImplementedError

    def extra_buttons_before(self) -> list[QWidget]:
        return []

    def extra_buttons(self) -> list[QWidget]:
        return []

    def read(self, db: Database) -> list[Any]:
        raise NotImplementedError

    def key(self, record: Any) -> str:
        return str(record.code)

    def cells(self, record: Any) -> list[str]:
        raise NotImplementedError

    def label(self, record: Any) -> str:
        """How a message names the record."""
        return str(record.name)

    def editor(self, record: Any | None) -> QDialog | None:
        raise NotImplementedError

    def activity(self, record: Any) -> ActiveDialog:
        raise NotImplementedError

    # -- reading -----------------------------------------------------------------------------

    def reload(self, db: Database, show_inactive: bool) -> None:
        """Read the records again; the selection stays on the same record."""
        self.show_inactive = show_inactive
        chosen = self.current_key()
        records = self.read(db)
        self.records = {self.key(r): r for r in records}
        self.active_count = sum(1 for r in records if r.active)
        self.tree.clear()
        self.fill(records)
        if not self.select(chosen) and self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))  # the keyboard starts there
        self.update_buttons()

    def fill(self, records: list[Any]) -> None:
        for record in records:
            if record.active or self.show_inactive:
                self.tree.addTopLevelItem(self.item(record))

    def item(self, record: Any) -> QTreeWidgetItem:
        item = QTreeWidgetItem([*self.cells(record), status_text(record.active)])
        item.setData(0, KeyRole, self.key(record))
        for column in range(item.columnCount()):
            item.setToolTip(column, item.text(column))
            if not record.active:
                item.setForeground(column, INACTIVE)
        return item

    def items(self) -> list[QTreeWidgetItem]:
        found: list[QTreeWidgetItem] = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if top is None:
                continue
            found.append(top)
            found += [child for j in range(top.childCount()) if (child := top.child(j))]
        return found

    def select(self, key: str | None) -> bool:
        for item in self.items():
            if key is not None and item.data(0, KeyRole) == key:
                self.tree.setCurrentItem(item)
                self.tree.scrollToItem(item)
                return True
        return False

    def current_key(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, KeyRole) if item is not None else None

    def current(self) -> Any | None:
        key = self.current_key()
        return self.records.get(key) if key is not None else None

    def update_buttons(self) -> None:
        record = self.current()
        deactivate = record is None or record.active
        self.active_button.setText(self.tr("Deactivate…") if deactivate else self.tr("Reactivate…"))
        if self.editable:
            self.edit_button.setEnabled(record is not None)
            self.active_button.setEnabled(record is not None)

    # -- changing ----------------------------------------------------------------------------

    def add(self) -> QDialog | None:
        return self._open(self.editor(None)) if self.editable else None

    def edit(self) -> QDialog | None:
        record = self.current()
        if not self.editable or record is None:
            return None
        return self._open(self.editor(record))

    def toggle_active(self) -> QDialog | None:
        record = self.current()
        if not self.editable or record is None:
            return None
        return self._open(self.activity(record))

    def _open(self, dialog: QDialog | None) -> QDialog | None:
        if dialog is None:
            return None
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.saved.connect(self.saved)  # type: ignore[attr-defined]
        dialog.open()
        return dialog

    def saved(self, record: Any) -> None:
        """The page has read the record anew already (the session said what changed)."""
        key = self.key(record)
        now = self.records.get(key, record)
        if not now.active and not self.show_inactive:
            self.message.emit(self.tr("Deactivated: {name}").format(name=self.label(now)))
            return
        self.select(key)
        self.message.emit(self.tr("Saved: {name}").format(name=self.label(now)))

    def activity_texts(self, record: Any, what: str) -> tuple[str, str]:
        """(question, OK text) for deactivating or reactivating ``what``."""
        if record.active:
            question = self.tr("Deactivate {what}?").format(what=what)
            return question, self.tr("Deactivate")
        return self.tr("Reactivate {what}?").format(what=what), self.tr("Reactivate")
