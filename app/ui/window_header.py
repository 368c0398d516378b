"""The main window's header: the township, the product's name and, on the right, who is
signed in, whose button opens the account menu (change password, switch user, sign out).
The window connects the menu's actions; its look is resources/style.qss (``#header``).

Not a widget of its own: ``frame`` is the header, built as the window built it, and the
texts keep the window's translation context (``MainWindow``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMenu, QToolButton, QWidget

from app.ui.common.i18n import word
from app.ui.common.session import Session


class WindowHeader:
    """``frame``, with ``account_button`` and its menu's three actions (owned by ``window``)."""

    def __init__(self, session: Session, window: QWidget) -> None:
        self.frame = QFrame()
        self.frame.setObjectName("header")
        township = QLabel(session.ref.township.name)
        township.setObjectName("headerTownship")
        product = QLabel(QCoreApplication.translate("MainWindow", "Comprehensive Enforcement Desk"))
        product.setObjectName("headerProduct")
        self.account_button = self._account_button(session, window)
        row = QHBoxLayout(self.frame)
        row.setContentsMargins(18, 10, 18, 10)
        row.addWidget(township)
        row.addSpacing(10)
        row.addWidget(product)
        row.addStretch(1)
        row.addWidget(self.account_button)

    def _account_button(self, session: Session, window: QWidget) -> QToolButton:
        """Who is signed in, as ever; a click (or Space) opens the account menu."""
        user = session.user
        unit = session.ref.department_name(user.department_code)
        button = QToolButton()
        button.setObjectName("headerUser")
        button.setText(f"{user.name} · {word(user.role)} · {unit}")
        button.setToolTip(
            QCoreApplication.translate(
                "MainWindow", "Account: change password, switch user, sign out"
            )
        )
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setCursor(Qt.CursorShape.PointingHandCursor)  # its look: resources/style.qss
        menu = QMenu(button)
        self.change_password_action = QAction(
            QCoreApplication.translate("MainWindow", "Change password…"), window
        )
        self.switch_user_action = QAction(
            QCoreApplication.translate("MainWindow", "Switch user"), window
        )
        self.sign_out_action = QAction(QCoreApplication.translate("MainWindow", "Sign out"), window)
        menu.addAction(self.change_password_action)
        menu.addSeparator()
        menu.addAction(self.switch_user_action)
        menu.addAction(self.sign_out_action)
        button.setMenu(menu)
        return button
