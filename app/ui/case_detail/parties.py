"""The parties (当事人) of a case on its detail: each shown as the viewer's role may see it
(masked like the reporter), with add and remove for the office and the unit handling the
case; a dialog with a person / organisation switch records one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from app.core.case_path.parties import Party, PartyKind, PartyRequest
from app.core.errors import DomainError
from app.core.intake import ADDRESS_LIMIT, NAME_LIMIT, UNIT_LIMIT
from app.core.model import Case
from app.store.parties import add_party, case_parties, may_record_parties, remove_party
from app.ui.common.i18n import error_text
from app.ui.common.runner import Operation
from app.ui.common.screen import FittedDialog
from app.ui.common.session import Session

ID_LENGTH = 18  # a resident ID number and a unified social credit code


class CaseParties(QWidget):
    """The 当事人 section: one line per party, and the buttons this person may use."""

    def __init__(self, session: Session, case: Case, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.case = session, case
        self.dialog: FittedDialog | None = None
        db, user = session.db, session.user
        self.parties = case_parties(db, case.id, user.role)
        self.may_change = may_record_parties(db, user, case)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        title = QHBoxLayout()
        caption = QLabel(self.tr("Parties"))
        caption.setObjectName("sectionTitle")
        title.addWidget(caption)
        title.addStretch(1)
        self.add_button: QPushButton | None = None
        if self.may_change:
            self.add_button = QPushButton(self.tr("Add party…"))
            self.add_button.setAutoDefault(False)
            self.add_button.clicked.connect(self.start_add)
            title.addWidget(self.add_button)
        layout.addLayout(title)
        self.remove_buttons: dict[str, QPushButton] = {}
        for party in self.parties:
            layout.addLayout(self._line(party))
        if not self.parties:
            none = QLabel(self.tr("No party recorded."))
            none.setObjectName("hintText")
            layout.addWidget(none)

    def _line(self, party: Party) -> QHBoxLayout:
        kind = self.tr("Person") if party.kind == PartyKind.PERSON else self.tr("Organisation")
        text = QLabel(f"【{kind}】{party.summary()}")
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(text, 1)
        if self.may_change:
            button = QPushButton(self.tr("Remove…"))
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, p=party: self.start_remove(p))
            row.addWidget(button)
            self.remove_buttons[party.id] = button
        return row

    def start_add(self) -> PartyDialog:
        dialog = PartyDialog(self.session, self.case, self.window())
        self._open(dialog)
        return dialog

    def start_remove(self, party: Party) -> RemovePartyDialog:
        dialog = RemovePartyDialog(self.session, self.case, party, self.window())
        self._open(dialog)
        return dialog

    def _open(self, dialog: FittedDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()


class WriteDialog(FittedDialog):
    """A small form that writes on the worker thread; a refusal stays in it, in red."""

    def __init__(self, session: Session, case: Case, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.case = session, case
        self.writing: Operation | None = None
        self.result_case: Case | None = None
        self.error = QLabel()
        self.error.setObjectName("errorLabel")
        self.error.setWordWrap(True)
        self.error.hide()
        self.ok_button = QPushButton()
        self.ok_button.setObjectName("primaryButton")
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.submit)
        self.cancel_button = QPushButton()  # worded by each form (its own tr context)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)

    def buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.ok_button)
        row.addWidget(self.cancel_button)
        return row

    def work(self, db: Database) -> Case:
        raise NotImplementedError

    def first_field(self) -> QWidget:
        raise NotImplementedError

    def submit(self) -> Operation | None:
        if self.writing is not None:
            return None

        def refused(error: DomainError) -> None:
            self.error.setText(error_text(error))
            self.error.show()
            self.refit()
            self.first_field().setFocus()

        def settled() -> None:
            self.writing = None
            self.ok_button.setEnabled(True)

        self.ok_button.setEnabled(False)
        self.writing = self.session.write(self.work, self._done, refused, settled)
        return self.writing

    def _done(self, case: Case) -> None:
        self.result_case = case
        self.accept()


class PartyDialog(WriteDialog):
    """Record a party: a person (name, ID number, phone, address) or an organisation
    (name, unified social credit code, legal representative, address)."""

    def __init__(self, session: Session, case: Case, parent: QWidget | None = None) -> None:
        super().__init__(session, case, parent)
        self.setWindowTitle(self.tr("Add a party to case {number}").format(number=case.number))
        self.person = QRadioButton(self.tr("&Person"))
        self.organisation = QRadioButton(self.tr("&Organisation"))
        self.person.setChecked(True)
        kinds = QButtonGroup(self)
        kinds.addButton(self.person)
        kinds.addButton(self.organisation)
        switch = QHBoxLayout()
        switch.addWidget(self.person)
        switch.addWidget(self.organisation)
        switch.addStretch(1)
        self.name = self._field(UNIT_LIMIT, "partyName")
        self.id_number = self._field(ID_LENGTH, "partyIdNumber")
        self.phone = self._field(30, "partyPhone")
        self.credit_code = self._field(ID_LENGTH, "partyCreditCode")
        self.legal_rep = self._field(NAME_LIMIT, "partyLegalRep")
        self.address = self._field(ADDRESS_LIMIT, "partyAddress")
        self.form = QFormLayout()
        self.name_caption = QLabel()
        self.form.addRow(self.name_caption, self.name)
        self.form.addRow(self.tr("ID number"), self.id_number)
        self.form.addRow(self.tr("Phone"), self.phone)
        self.form.addRow(self.tr("Credit code"), self.credit_code)
        self.form.addRow(self.tr("Legal representative"), self.legal_rep)
        self.form.addRow(self.tr("Address"), self.address)
        hint = QLabel(
            self.tr(
                "Personal details are kept confidential: only the office sees them in full, "
                "other roles see them masked."
            )
        )
        hint.setObjectName("hintText")
        hint.setWordWrap(True)
        self.ok_button.setText(self.tr("Record party"))
        self.cancel_button.setText(self.tr("Cancel"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addLayout(switch)
        layout.addLayout(self.form)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addLayout(self.buttons())
        self.setMinimumWidth(520)
        self.person.toggled.connect(self._kind_changed)
        self._kind_changed()
        self.name.setFocus()

    def _field(self, limit: int, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setMaxLength(limit + 20)  # the domain says how long is too long, in words
        return edit

    def kind(self) -> PartyKind:
        return PartyKind.PERSON if self.person.isChecked() else PartyKind.ORGANISATION

    def _kind_changed(self) -> None:
        """Only the fields of the kind chosen show (and go into the request)."""
        person = self.kind() == PartyKind.PERSON
        self.name_caption.setText(self.tr("Name") if person else self.tr("Organisation name"))
        for edit, shown in (
            (self.id_number, person),
            (self.phone, person),
            (self.credit_code, not person),
            (self.legal_rep, not person),
        ):
            self.form.setRowVisible(edit, shown)
        self.refit(shrink=True)

    def request(self) -> PartyRequest:
        person = self.kind() == PartyKind.PERSON
        return PartyRequest(
            kind=self.kind().value,
            name=self.name.text(),
            id_number=self.id_number.text() if person else "",
            phone=self.phone.text() if person else "",
            address=self.address.text(),
            credit_code="" if person else self.credit_code.text(),
            legal_rep="" if person else self.legal_rep.text(),
        )

    def work(self, db: Database) -> Case:
        session, number, request = self.session, self.case.number, self.request()
        return add_party(db, session.user, number, request, wall=session.clock.wall)

    def first_field(self) -> QWidget:
        return self.name


class RemovePartyDialog(WriteDialog):
    """Remove a party recorded by mistake, saying why (kept in the timeline)."""

    def __init__(
        self, session: Session, case: Case, party: Party, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, case, parent)
        self.party = party
        self.setWindowTitle(self.tr("Remove a party of case {number}").format(number=case.number))
        shown = QLabel(party.summary())
        shown.setWordWrap(True)
        caption = QLabel(self.tr("Why is it removed? (recorded in the timeline)"))
        caption.setObjectName("fieldName")
        self.reason = QLineEdit()
        self.reason.setObjectName("partyRemoveReason")
        self.ok_button.setText(self.tr("Remove party"))
        self.cancel_button.setText(self.tr("Cancel"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(shown)
        layout.addWidget(caption)
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addLayout(self.buttons())
        self.setMinimumWidth(480)
        self.reason.setFocus()

    def work(self, db: Database) -> Case:
        user, wall = self.session.user, self.session.clock.wall
        number, reason = self.case.number, self.reason.text()
        return remove_party(db, user, number, self.party.id, reason, wall=wall)

    def first_field(self) -> QWidget:
        return self.reason
