"""The base-data page (基础数据), for the administrator: the township's profile as its
documents name it, then a tab each for departments (1+X+Y), grids, problem categories and
users, and the base-data workbook. Only the administrator changes anything, at the office
PC; everyone else reads. Every change goes through the store on the session's worker, and
core/base_data.py decides whether it stands; nothing is ever deleted, only deactivated."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.model import Township
from app.core.permissions import MANAGE_REFERENCE_DATA, may
from app.store.changes import REFERENCE
from app.store.devices import may_here
from app.store.reference import township
from app.ui.base_data.record_tab import RecordTab
from app.ui.base_data.tabs import CategoriesTab, DepartmentsTab, GridsTab, UsersTab
from app.ui.base_data.units import ProfileDialog
from app.ui.base_data.workbook import WorkbookButtons
from app.ui.common.page import Page
from app.ui.common.session import Session


class BaseDataPage(Page):
    shows = frozenset({REFERENCE})

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        user = session.user
        self.editable = may_here(session.db, user, MANAGE_REFERENCE_DATA)
        if not may(user.role, MANAGE_REFERENCE_DATA):
            why_not = self.tr("Only an administrator changes base data.")
            note = self.tr(
                "Only an administrator changes base data; here you can read and export it."
            )
        else:
            why_not = self.tr("Base data is changed on the office PC, not on a field laptop.")
            note = self.tr(
                "Base data is changed on the office PC; here you can read and export it."
            )
        self.why_not = why_not
        self.profile_dialog: ProfileDialog | None = None
        title = QLabel(self.tr("Base data"))
        title.setObjectName("pageTitle")
        self.workbook = WorkbookButtons(session, self.editable, why_not, self)
        self.workbook.message.connect(self.message)
        top = QHBoxLayout()
        top.setSpacing(10)
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.workbook)
        self.read_only = QLabel(note)
        self.read_only.setObjectName("hintText")
        self.read_only.setVisible(not self.editable)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("baseDataTabs")
        self.departments = DepartmentsTab(session, self.editable, why_not)
        self.grids = GridsTab(session, self.editable, why_not)
        self.categories = CategoriesTab(session, self.editable, why_not)
        self.users = UsersTab(session, self.editable, why_not)
        self.titles = {
            self.departments: self.tr("Departments"),
            self.grids: self.tr("Grids"),
            self.categories: self.tr("Problem categories"),
            self.users: self.tr("Users"),
        }
        for tab, name in self.titles.items():
            tab.message.connect(self.message)
            self.tabs.addTab(tab, name)
        self.show_inactive = QCheckBox(self.tr("Show deactivated"))
        self.show_inactive.setObjectName("showDeactivated")
        self.show_inactive.setToolTip(
            self.tr("Deactivated records are kept, greyed; nothing is ever deleted.")
        )
        self.show_inactive.toggled.connect(lambda _on: self.reread())
        corner = QWidget()
        corner_row = QHBoxLayout(corner)
        corner_row.setContentsMargins(0, 0, 8, 4)
        corner_row.addWidget(self.show_inactive)
        self.tabs.setCornerWidget(corner, Qt.Corner.TopRightCorner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 10)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.read_only)
        layout.addWidget(self._profile_box())
        layout.addWidget(self.tabs, 1)
        self.setTabOrder(self.profile_button, self.tabs)

    def _profile_box(self) -> QFrame:
        box = QFrame()
        box.setObjectName("profileBox")
        box.setFrameShape(QFrame.Shape.StyledPanel)
        self.township_name = QLabel()
        self.township_name.setObjectName("sectionTitle")
        self.authority = QLabel()
        self.authority.setObjectName("profileAuthorityText")
        self.address = QLabel()
        self.address.setObjectName("profileAddressText")
        self.duty_phone = QLabel()
        self.duty_phone.setObjectName("profilePhoneText")
        self.profile_button = QPushButton(self.tr("Edit profile…"))
        self.profile_button.setAutoDefault(False)
        self.profile_button.clicked.connect(self.edit_profile)
        if not self.editable:
            self.profile_button.setEnabled(False)
            self.profile_button.setToolTip(self.why_not)
        grid = QGridLayout(box)
        grid.setContentsMargins(12, 8, 12, 8)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        grid.addWidget(self.township_name, 0, 0, 1, 4)
        for column, (caption, value) in enumerate(
            (
                (self.tr("Issuing authority"), self.authority),
                (self.tr("Office address"), self.address),
                (self.tr("Duty phone"), self.duty_phone),
            )
        ):
            label = QLabel(caption)
            label.setObjectName("hintText")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(label, 1, column)
            grid.addWidget(value, 2, column)
        grid.addWidget(self.profile_button, 1, 4, 2, 1, Qt.AlignmentFlag.AlignVCenter)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 1)
        return box

    # -- reading -----------------------------------------------------------------------------

    def reread(self) -> None:
        db = self.session.db
        self._show_profile(township(db))
        show_inactive = self.show_inactive.isChecked()
        for tab, name in self.titles.items():
            tab.reload(db, show_inactive)
            self.tabs.setTabText(self.tabs.indexOf(tab), f"{name} {tab.active_count}")

    def _show_profile(self, place: Township) -> None:
        self.township_name.setText(
            self.tr("{name} (case numbers begin {code})").format(name=place.name, code=place.code)
        )
        self.authority.setText(place.issuer)
        self.authority.setToolTip(
            ""
            if place.authority
            else self.tr("Not set yet: documents name the township's people's government.")
        )
        not_set = self.tr("Not set")
        self.address.setText(place.address or not_set)
        self.duty_phone.setText(place.duty_phone or not_set)

    def current_tab(self) -> RecordTab:
        tab = self.tabs.currentWidget()
        assert isinstance(tab, RecordTab)
        return tab

    # -- the profile -------------------------------------------------------------------------

    def edit_profile(self) -> ProfileDialog | None:
        if not self.editable:
            return None
        if self.profile_dialog is not None:
            self.profile_dialog.deleteLater()
        dialog = ProfileDialog(self.session, township(self.session.db), self)
        dialog.saved.connect(lambda _t: self.message.emit(self.tr("Township profile saved.")))
        self.profile_dialog = dialog
        dialog.open()
        return dialog
