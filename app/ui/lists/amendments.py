"""The lists page's tab of local amendments (本镇修订, core/amendments.py): how the
township's rulings and joint meetings changed who leads a matter, kept beside the official
boundary list until an official version settles them, and the change proposal (修订建议)
for the district's establishment office, exported from here."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.amendments import Amendment
from app.reports.list_proposal import write_proposal
from app.store.amendments import amendments
from app.ui.common.runner import Operation
from app.ui.common.session import Session
from app.ui.common.trees import case_tree


class AmendmentsTab(QWidget):
    message = Signal(str)  # for the status bar

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.found: list[Amendment] = []
        intro = QLabel(
            self.tr(
                "How the township's dispute rulings and joint meetings changed who leads a "
                "matter. The official boundary list stays as the establishment office issued "
                "it; routing follows the amendment until an official version says the same."
            )
        )
        intro.setObjectName("hintText")
        intro.setWordWrap(True)
        self.settled_too = QCheckBox(self.tr("Show amendments settled by the official list too"))
        self.settled_too.setObjectName("showSettled")
        self.settled_too.toggled.connect(self.refresh)
        self.proposal_button = QPushButton(self.tr("Change proposal…"))
        self.proposal_button.setObjectName("proposalButton")
        self.proposal_button.setToolTip(
            self.tr(
                "Export the changes the amendments in force propose, for the establishment "
                "office (.xlsx)"
            )
        )
        self.proposal_button.clicked.connect(self.choose_proposal_file)
        top = QHBoxLayout()
        top.addWidget(self.settled_too)
        top.addStretch(1)
        top.addWidget(self.proposal_button)
        headers = [
            self.tr("Item"),
            self.tr("Category"),
            self.tr("Official lead"),
            self.tr("Amended lead"),
            self.tr("Cooperating"),
            self.tr("Case"),
            self.tr("Ruled by"),
            self.tr("When"),
            self.tr("Status"),
        ]
        self.tree = case_tree("listAmendments", headers, (130, 110, 90, 90, 130, 150, 120, 120))
        self.tree.setRootIsDecorated(False)
        self.empty = QLabel(self.tr("No local amendment of the boundary list."))
        self.empty.setObjectName("emptyLabel")
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 8, 8, 8)
        column.addWidget(intro)
        column.addLayout(top)
        column.addWidget(self.empty)
        column.addWidget(self.tree, 1)

    def refresh(self) -> None:
        db, ref = self.session.db, self.session.ref
        self.found = amendments(db, in_force_only=not self.settled_too.isChecked())
        self.tree.clear()
        for a in self.found:
            item = QTreeWidgetItem(
                [
                    a.item if a.official else self.tr("{item} (proposed)").format(item=a.item),
                    a.category_name,
                    ref.department_name(a.official_lead) if a.official_lead else "—",
                    ref.department_name(a.lead),
                    "、".join(ref.department_name(c) for c in a.cooperating) or "—",
                    a.case_number,
                    self.tr("Joint meeting") if a.by_meeting else a.actor,
                    a.amended_at[:16],
                    self.tr("Settled by version {n}").format(n=a.settled_version)
                    if a.settled
                    else self.tr("In force"),
                ]
            )
            item.setToolTip(1, a.reason)
            self.tree.addTopLevelItem(item)
        self.empty.setVisible(not self.found)
        self.tree.setVisible(bool(self.found))
        self.proposal_button.setEnabled(any(not a.settled for a in self.found))

    def choose_proposal_file(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the change proposal"),
            str(Path(folder) / self.tr("Boundary list change proposal.xlsx")),
            self.tr("Excel spreadsheets (*.xlsx)"),
        )
        if chosen:
            path = Path(chosen)
            self.export_proposal(
                path if path.suffix.lower() == ".xlsx" else path.with_suffix(".xlsx")
            )

    def export_proposal(self, path: Path) -> Operation:
        today: date = self.session.clock.today()
        return self.session.runner.run(
            Operation(
                lambda db, _progress: write_proposal(db, path, today),
                success=lambda count: self.message.emit(
                    self.tr("Exported the change proposal ({count} changes): {path}").format(
                        count=count, path=path
                    )
                ),
                label=self.tr("Exporting…"),
            )
        )
