"""The category and grid pickers of the intake form: typed by code or by name.

Each item shows its code and its name (``G01 青石村第一网格（青石村）``,
``0101 市容环境 / 占道经营``), so the completer finds it by either. What is typed is
resolved in this order: an item's text, a code or a name (the grid's name alone, the
category's name or group path), then the one item holding the typed text (``占道``).
Anything else is passed on as typed, and the domain says plainly that it does not exist;
text that several items hold is named as such by the form.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QWidget

from app.store.reference import ReferenceData
from app.ui.common.pickers import CodePicker


def _key(text: str) -> str:
    """Typed text compared without case, outer spaces or full-width brackets."""
    return " ".join(text.split()).casefold().replace("(", "（").replace(")", "）")


def resolve(text: str, items: list[tuple[str, str]], names: Mapping[str, str]) -> list[str]:
    """The codes ``text`` may stand for: one when it is clear, several when it is not, none
    when nothing matches. ``items`` are (shown text, code); ``names`` maps other exact
    names, codes included, to a code."""
    typed = _key(text)
    if not typed:
        return []
    exact = [code for shown, code in items if _key(shown) == typed]
    exact += [code for name, code in names.items() if _key(name) == typed]
    if exact:
        return list(dict.fromkeys(exact))
    return list(dict.fromkeys(code for shown, code in items if typed in _key(shown)))


class TypedPicker(CodePicker):
    """A ``CodePicker`` that completes a code, a name or a unique part of one: when the
    field is left or Enter is pressed, the item found is shown in full."""

    def __init__(
        self,
        items: list[tuple[str, str]],
        names: Mapping[str, str],
        placeholder: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(items, placeholder, parent)
        self.items, self.names = items, dict(names)
        self.lineEdit().editingFinished.connect(self.complete)

    def matches(self) -> list[str]:
        return resolve(self.currentText(), self.items, self.names)

    def code(self) -> str:
        """The code the domain checks: the item found, or the text as typed."""
        found = self.matches()
        return found[0] if len(found) == 1 else self.currentText().strip()

    def ambiguous(self) -> int:
        """How many items the typed text is part of, when more than one (else 0)."""
        found = self.matches()
        return len(found) if len(found) > 1 else 0

    def complete(self) -> None:
        """Show the one item the typed text stands for (a group's code is left as typed:
        the domain explains that a group is not a category)."""
        found = self.matches()
        if len(found) != 1:
            return
        index = self.findData(found[0])
        if index >= 0 and self.itemText(index) != self.currentText():
            self.setCurrentIndex(index)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:  # not the completer's list
            self.complete()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.complete()
        super().keyPressEvent(event)


def category_picker(ref: ReferenceData, placeholder: str) -> TypedPicker:
    """Only leaves in use can be chosen; each shows its code and group so either finds it.
    A group's or a deactivated category's name is passed on to the domain, which says why
    it cannot be used."""
    leaves = [c for c in ref.categories.values() if c.is_leaf and c.active]
    items = [(f"{c.code} {ref.category_path(c.code)}", c.code) for c in leaves]
    names: dict[str, str] = {}
    for category in ref.categories.values():
        names[category.name] = category.code
        names[category.code] = category.code
        names[ref.category_path(category.code)] = category.code
    return TypedPicker(items, names, placeholder)


def grid_picker(ref: ReferenceData, placeholder: str) -> TypedPicker:
    grids = list(ref.grids.values())
    items = [(f"{g.code} {g.name}（{g.area}）", g.code) for g in grids if g.active]
    names: dict[str, str] = {}
    for grid in grids:
        names[grid.code] = grid.code
        names[grid.name] = grid.code
        names[f"{grid.name}（{grid.area}）"] = grid.code
    return TypedPicker(items, names, placeholder)


def typed_number(text: str) -> float | None:
    """A coordinate as typed (a Chinese comma or full stop for the decimal point), or None."""
    text = text.strip().replace("，", ".").replace("。", ".")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        return None
