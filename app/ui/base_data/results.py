"""What an import of base data has to say: every problem of a refused workbook (nothing was
written), or what was added and changed, with the first passwords made for new users,
shown once, to be copied and handed over."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from app.core.base_data_sheets import SHEETS, SheetProblem
from app.store.base_data_import import Imported
from app.ui.base_data.parts import DIALOG_MAX_HEIGHT
from app.ui.common.dialog_parts import dialog_layout, question_label
from app.ui.common.i18n import current_language
from app.ui.common.screen import FittedDialog


def _text_box(name: str, text: str, lines: int) -> QPlainTextEdit:
    box = QPlainTextEdit(text)
    box.setObjectName(name)
    box.setReadOnly(True)
    box.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
    height = box.fontMetrics().lineSpacing() * lines + 16
    box.setMinimumHeight(min(height, 360))
    box.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    return box


def _close_row(dialog: QDialog, extra: QPushButton | None = None) -> QHBoxLayout:
    close = QPushButton(QCoreApplication.translate("ImportedDialog", "Close"))
    close.setObjectName("primaryButton")
    close.setDefault(True)
    close.clicked.connect(dialog.accept)
    row = QHBoxLayout()
    if extra is not None:
        row.addWidget(extra)
    row.addStretch(1)
    row.addWidget(close)
    return row


class ProblemsDialog(FittedDialog):
    """A refused workbook: every problem, by sheet and row; nothing was imported."""

    def __init__(
        self, problems: list[SheetProblem], source: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("baseDataProblems")
        self.setWindowTitle(self.tr("Nothing was imported"))
        language = "en" if current_language() == "en" else "zh"
        self.lines = [problem.text(language) for problem in problems]
        intro = QLabel(
            self.tr(
                "{source} has {count} problems. Nothing was imported: fix them in the "
                "workbook and import it again."
            ).format(source=source, count=len(problems))
        )
        intro.setWordWrap(True)
        self.problems = _text_box("problemList", "\n".join(self.lines), len(self.lines))
        layout = dialog_layout(self)
        layout.addWidget(question_label(self.tr("The workbook was not imported")))
        layout.addWidget(intro)
        layout.addWidget(self.problems, 1)
        layout.addLayout(_close_row(self))
        self.setMinimumWidth(620)
        self.setMaximumHeight(DIALOG_MAX_HEIGHT)


class ImportedDialog(FittedDialog):
    """What was added and changed; the first passwords made for new users, shown once."""

    def __init__(self, result: Imported, source: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("baseDataImported")
        self.setWindowTitle(self.tr("Base data imported"))
        lines = [
            self.sheet_line(sheet, result.added.get(sheet, 0), result.changed.get(sheet, 0))
            for sheet in SHEETS
            if result.added.get(sheet) or result.changed.get(sheet)
        ]
        layout = dialog_layout(self)
        if lines:
            layout.addWidget(
                question_label(self.tr("Imported from {source}").format(source=source))
            )
        else:
            layout.addWidget(question_label(self.tr("Nothing changed")))
            lines = [
                self.tr("The township's base data already matched {source}.").format(source=source)
            ]
        self.summary = QLabel("\n".join(lines))
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.passwords: QPlainTextEdit | None = None
        copy: QPushButton | None = None
        if result.passwords:
            warning = QLabel(
                self.tr(
                    "First passwords of the new users, shown only this once: copy or write "
                    "them down now and hand each to its user. Each must be changed at the "
                    "first sign-in."
                )
            )
            warning.setObjectName("warningText")
            warning.setWordWrap(True)
            text = "\n".join(f"{name}\t{word}" for name, word in result.passwords.items())
            self.passwords = _text_box("firstPasswords", text, len(result.passwords))
            self.passwords.setTabChangesFocus(True)
            copy = QPushButton(self.tr("Copy the passwords"))
            copy.setAutoDefault(False)
            copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(text))
            layout.addWidget(warning)
            layout.addWidget(self.passwords, 1)
        layout.addLayout(_close_row(self, copy))
        self.setMinimumWidth(520)
        self.setMaximumHeight(DIALOG_MAX_HEIGHT)

    @staticmethod
    def sheet_line(sheet: str, added: int, changed: int) -> str:
        """``部门：新增 2，修改 1``"""
        text = QCoreApplication.translate(
            "ImportedDialog", "{sheet}: {added} added, {changed} changed"
        )
        return text.format(sheet=sheet, added=added, changed=changed)
