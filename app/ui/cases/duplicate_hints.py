"""The "maybe the same problem" panel of the intake dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.core.intake import DuplicateHint
from app.store.reference import ReferenceData


class DuplicateHintsPanel(QWidget):
    case_chosen = Signal(object)  # Case

    def __init__(self, ref: ReferenceData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ref = ref
        self.setObjectName("hintsPanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)  # paint the panel's frame
        title = QLabel(self.tr("Possible duplicates"))
        title.setObjectName("sectionTitle")
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setObjectName("hintText")
        self.list = QListWidget()
        self.list.setObjectName("hintsList")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.itemActivated.connect(self._chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(title)
        layout.addWidget(self.explanation)
        layout.addWidget(self.list, 1)
        layout.addStretch(0)  # takes the room while the list is hidden: text stays on top
        self._layout = layout
        self.show_waiting()

    def _show_list(self, shown: bool) -> None:
        self.list.setVisible(shown)
        self._layout.setStretch(self._layout.count() - 1, 0 if shown else 1)

    def show_waiting(self) -> None:
        self.list.clear()
        self._show_list(False)
        self.explanation.setText(
            self.tr(
                "Choose a category and a grid and describe the problem: similar cases of "
                "the last 7 days in the same grid will be listed here."
            )
        )

    def show_hints(self, hints: list[DuplicateHint]) -> None:
        self.list.clear()
        if not hints:
            self._show_list(False)
            self.explanation.setText(self.tr("No similar case in this grid in the last 7 days."))
            return
        self.explanation.setText(
            self.tr(
                "{count} similar case(s) in the last 7 days. If it is the same problem, "
                "open the case instead of registering it again."
            ).format(count=len(hints))
        )
        for hint in hints:
            header = self.tr("{number}  ·  {time}  ·  {score} similar").format(
                number=hint.case.number,
                time=hint.case.received_at[:16],
                score=f"{hint.score:.0%}",
            )
            address = f"{hint.case.address}：" if hint.case.address else ""
            item = QListWidgetItem(f"{header}\n{address}{hint.case.description}")
            item.setData(Qt.ItemDataRole.UserRole, hint.case)
            item.setToolTip(self.tr("Double-click to open this case"))
            self.list.addItem(item)
        self._show_list(True)

    def count(self) -> int:
        return self.list.count()

    def _chosen(self, item: QListWidgetItem) -> None:
        self.case_chosen.emit(item.data(Qt.ItemDataRole.UserRole))
