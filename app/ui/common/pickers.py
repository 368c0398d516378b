"""Pickers people type into: a combo whose completer matches any part of the name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from app.store.reference import ReferenceData


class CodePicker(QComboBox):
    """Choose a coded record by typing any part of its name (``占道`` finds
    ``市容环境 / 占道经营``). ``code()`` is what the domain checks; text that matches no item
    is passed through, so the domain can say plainly that it does not exist."""

    def __init__(
        self, items: list[tuple[str, str]], placeholder: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(20)
        for text, code in items:
            self.addItem(text, code)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setMaxVisibleItems(12)
        self.setCompleter(completer)
        self.lineEdit().setPlaceholderText(placeholder)
        self.setCurrentIndex(-1)

    def code(self) -> str:
        text = self.currentText().strip()
        if not text:
            return ""
        index = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if index < 0:
            index = self.findData(text.upper())  # a code typed directly: 0101, G03
        return self.itemData(index) if index >= 0 else text

    def set_code(self, code: str) -> None:
        self.setCurrentIndex(self.findData(code))

    def clear_choice(self) -> None:
        self.setCurrentIndex(-1)
        self.clearEditText()


def category_picker(ref: ReferenceData, placeholder: str) -> CodePicker:
    """Only leaves can be chosen; each shows its group so a search on the group works too."""
    leaves = [(ref.category_path(c.code), c.code) for c in ref.categories.values() if c.is_leaf]
    return CodePicker(leaves, placeholder)


def grid_picker(ref: ReferenceData, placeholder: str) -> CodePicker:
    items = [(f"{g.name}（{g.area}）", g.code) for g in ref.grids.values()]
    return CodePicker(items, placeholder)
