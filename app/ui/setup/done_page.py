"""The setup wizard's last page: what was made, and the first passwords of the users a
workbook brought in, shown this once, to copy."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from app.ui.common.dialog_parts import hint_label
from app.ui.setup.pages import Owner


class DonePage(QWizardPage):
    """What was made, and the first passwords of new users, shown this once."""

    def __init__(self, wizard: Owner) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("The township is ready"))
        self.summary = QLabel()
        self.summary.setObjectName("doneSummary")
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.passwords_hint = hint_label(
            self.tr(
                "First passwords of the users the workbook brought in, shown only now. Copy "
                "them or write them down and hand each to its user in person; each user "
                "chooses a new password at the first sign-in."
            )
        )
        self.passwords = QTableWidget(0, 3)
        self.passwords.setObjectName("firstPasswords")
        self.passwords.setHorizontalHeaderLabels(
            [self.tr("User name"), self.tr("Name"), self.tr("First password")]
        )
        self.passwords.verticalHeader().hide()
        self.passwords.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.passwords.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.copy_button = QPushButton(self.tr("Copy the passwords"))
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy_passwords)
        copy_row = QHBoxLayout()
        copy_row.addStretch(1)
        copy_row.addWidget(self.copy_button)
        self.copied = hint_label("")
        self.copied.hide()
        self.password_part = QWidget()
        column = QVBoxLayout(self.password_part)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.passwords_hint)
        column.addWidget(self.passwords)
        column.addLayout(copy_row)
        column.addWidget(self.copied)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addSpacing(6)
        layout.addWidget(self.password_part, 1)

    def initializePage(self) -> None:
        outcome = self.owner.outcome
        if outcome is None:
            return
        plan = self.owner.plan()
        added = "、".join(f"{sheet} {count}" for sheet, count in outcome.imported.added.items())
        text = self.tr("{township} has been created. Sign in as admin with the password you "
                       "chose.").format(township=plan.name)  # fmt: skip
        if added:
            text += "\n" + self.tr("Added: {added}.").format(added=added)
        self.summary.setText(text)
        names = {}
        if self.owner.data_page.workbook is not None:
            names = {row.record.user.username: row.record.user.name
                     for row in self.owner.data_page.workbook.users}  # fmt: skip
        first = sorted(outcome.imported.passwords.items())
        self.passwords.setRowCount(len(first))
        for row, (username, password) in enumerate(first):
            for column, value in enumerate((username, names.get(username, ""), password)):
                item = QTableWidgetItem(value)
                if column == 2:  # no 0/O, 1/l/I in them; a fixed font shows it
                    item.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
                self.passwords.setItem(row, column, item)
        self.password_part.setVisible(bool(first))

    def password_text(self) -> str:
        rows = []
        for row in range(self.passwords.rowCount()):
            cells = [self.passwords.item(row, column).text() for column in range(3)]
            rows.append("\t".join(cells))
        return "\n".join(rows)

    def copy_passwords(self) -> None:
        QGuiApplication.clipboard().setText(self.password_text())
        self.copied.setText(self.tr("Copied. Paste them where only you can read them."))
        self.copied.show()
