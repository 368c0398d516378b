"""The fields of a case as its detail shows them: number and status, the first receiver up
front (首接责任), every field in two columns, and the description. The reporter is shown by
role: masked for those who need not call back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.core.model import Case, Urgency, can_see_reporter, masked_phone
from app.ui.common.i18n import word
from app.ui.common.session import Session


def section(title: str) -> QLabel:
    label = QLabel(title)
    label.setObjectName("sectionTitle")
    return label


class CaseHeader(QWidget):
    """The case number (selectable), its status and, when urgent, a red chip."""

    def __init__(self, case: Case, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        number = QLabel(case.number)
        number.setObjectName("caseNumber")
        number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        status = QLabel(word(case.status))
        status.setObjectName("statusChip")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(number)
        row.addSpacing(8)
        row.addWidget(status)
        if case.urgency == Urgency.URGENT:
            urgent = QLabel(word(Urgency.URGENT))
            urgent.setObjectName("urgentChip")
            row.addWidget(urgent)
        row.addStretch(1)


class CaseFields(QWidget):
    """First receiver, the fields and the description, top to bottom."""

    def __init__(self, session: Session, case: Case, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.case = session, case
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self._first_receiver())
        layout.addLayout(self._fields())
        layout.addWidget(section(self.tr("Description")))
        description = QLabel(case.description)
        description.setWordWrap(True)
        description.setObjectName("descriptionText")
        description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(description)

    def _first_receiver(self) -> QFrame:
        """首接责任: the unit that received the case stays accountable, so it is up front."""
        ref, case = self.session.ref, self.case
        unit = ref.departments.get(case.first_receiver_unit)
        frame = QFrame()
        frame.setObjectName("firstReceiver")
        label = QLabel(
            self.tr("First receiver: {unit} · {person} · received {time}").format(
                unit=unit.name if unit else case.first_receiver_unit,
                person=ref.user_name(case.first_receiver_user_id),
                time=case.received_at,
            )
        )
        label.setObjectName("firstReceiverText")
        label.setWordWrap(True)
        layout = QHBoxLayout(frame)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(label)
        return frame

    def _fields(self) -> QGridLayout:
        ref, case = self.session.ref, self.case
        grid = ref.grids.get(case.grid_code)
        pairs = [
            (self.tr("Category"), ref.category_path(case.category_code)),
            (self.tr("Grid"), f"{grid.name}（{grid.area}）" if grid else case.grid_code),
            (self.tr("Source"), word(case.source)),
            (self.tr("Urgency"), word(case.urgency)),
            (self.tr("Address"), case.address or "—"),
            (self.tr("Coordinates"), self._coordinates()),
            (self.tr("Reporter"), self._reporter()),
            (self.tr("Last change"), case.updated_at),
        ]
        layout = QGridLayout()
        layout.setHorizontalSpacing(12)
        layout.setVerticalSpacing(6)
        for i, (name, value) in enumerate(pairs):
            row, column = divmod(i, 2)
            caption = QLabel(name)
            caption.setObjectName("fieldName")
            text = QLabel(value)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(caption, row, column * 2, Qt.AlignmentFlag.AlignTop)
            layout.addWidget(text, row, column * 2 + 1, Qt.AlignmentFlag.AlignTop)
        layout.setColumnStretch(1, 1)
        layout.setColumnStretch(3, 1)
        return layout

    def _coordinates(self) -> str:
        case = self.case
        if case.latitude is None or case.longitude is None:
            return "—"
        return f"{case.latitude:.5f}, {case.longitude:.5f}"

    def _reporter(self) -> str:
        reporter = self.case.reporter
        if not reporter.given:
            return "—"
        if can_see_reporter(self.session.user.role) and not reporter.withheld:
            return f"{reporter.name}  {reporter.phone}".strip()
        if not reporter.phone:
            return self.tr("Confidential")
        return self.tr("Confidential ({phone})").format(phone=masked_phone(reporter.phone))
