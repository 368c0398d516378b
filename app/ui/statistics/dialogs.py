"""The statistics page's dialogs: the cases behind a figure, and what every indicator means."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTextBrowser,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from app.core.indicators import INDICATORS, SECTIONS
from app.core.model import Case, CaseStatus
from app.store.cases import case_by_id
from app.store.reference import ReferenceData
from app.ui.common.i18n import word
from app.ui.common.screen import FittedDialog, fit_to_screen
from app.ui.common.trees import case_tree

SHOWN_AT_MOST = 2000  # a dialog lists this many; the count says how many there are


@dataclass(frozen=True)
class Behind:
    """The cases behind one figure: what it is (its title) and the cases themselves."""

    title: str
    total: int
    cases: list[Case]


def load_behind(db: Database, title: str, case_ids: list[str]) -> Behind:
    """On the worker: the cases of ``case_ids`` (the first ``SHOWN_AT_MOST``)."""
    return Behind(title, len(case_ids), [case_by_id(db, i) for i in case_ids[:SHOWN_AT_MOST]])


class CasesBehindDialog(FittedDialog):
    """Exactly the cases counted in a figure; Enter or 打开案件 opens one."""

    open_requested = Signal(object)  # Case

    def __init__(self, behind: Behind, ref: ReferenceData, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("casesBehindDialog")
        self.setWindowTitle(self.tr("Cases behind the figure"))
        self.behind = behind
        heading = QLabel(behind.title)
        heading.setObjectName("sectionTitle")
        heading.setWordWrap(True)
        count = QLabel(self.tr("{count} cases").format(count=f"{behind.total:,}"))
        count.setObjectName("hintText")
        if behind.total > len(behind.cases):
            count.setText(
                self.tr("{count} cases; the first {shown} are listed.").format(
                    count=f"{behind.total:,}", shown=f"{len(behind.cases):,}"
                )
            )
        headers = [
            self.tr("Case number"),
            self.tr("Received"),
            self.tr("Category"),
            self.tr("Status"),
            self.tr("Description"),
        ]
        self.tree = case_tree("casesBehind", headers, (170, 130, 130, 80))
        self.tree.setRootIsDecorated(False)
        for case in behind.cases:
            item = QTreeWidgetItem(
                [
                    case.number,
                    case.received_at[:16],
                    ref.category_name(case.category_code),
                    word(CaseStatus(case.status)),
                    " ".join(case.description.split()),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, case)
            self.tree.addTopLevelItem(item)
        if self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self.tree.itemActivated.connect(lambda item, _c: self._open(item))
        self.open_button = QPushButton(self.tr("Open case"))
        self.open_button.setObjectName("primaryButton")
        self.open_button.setEnabled(bool(behind.cases))
        self.open_button.clicked.connect(lambda: self._open(self.tree.currentItem()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(count)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 900, 560)

    def numbers(self) -> list[str]:
        return [self.tree.topLevelItem(i).text(0) for i in range(self.tree.topLevelItemCount())]

    def _open(self, item: QTreeWidgetItem | None) -> None:
        if item is not None:
            self.open_requested.emit(item.data(0, Qt.ItemDataRole.UserRole))


def definitions_html() -> str:
    parts = []
    for section in SECTIONS:
        parts.append(f"<h3>{section}</h3><table cellspacing='0' cellpadding='4'>")
        for i in (i for i in INDICATORS if i.section == section):
            parts.append(
                f"<tr><td valign='top' width='200'><b>{i.name}</b>"
                f"（{i.unit}）</td><td>{i.definition}</td></tr>"
            )
        parts.append("</table>")
    return "".join(parts)


class DefinitionsDialog(FittedDialog):
    """指标说明: every indicator's definition, by section."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("definitionsDialog")
        self.setWindowTitle(self.tr("What the indicators mean"))
        self.text = QTextBrowser()
        self.text.setHtml(definitions_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 860, 620)
