"""Language of the interface: the translator, enum words and domain error texts.

Source strings are English; Simplified Chinese comes from ``resources/i18n/towndesk_zh_CN.ts``
compiled to ``.qm``. When the ``.qm`` is missing or older than the ``.ts`` (a source checkout
before ``make``), it is compiled with ``pyside6-lrelease`` into a cache folder, so a developer
never sees an English window by accident.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QTranslator

from app.core.case_path.steps import CALL_STATUS_NAMES, Action
from app.core.case_path.timeline import EN, ZH, action_name
from app.core.disputes import DECIDED, OPEN, REFERRED
from app.core.errors import DomainError, Words
from app.core.meetings import CROSS, DISPUTE, OTHER, OVERDUE, SUPERVISED
from app.core.model import CaseSource, CaseStatus, Role, Route, Tier, Urgency
from app.paths import resource

DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = ("zh_CN", "en")

_current = {"language": DEFAULT_LANGUAGE}

# The enum words of the interface. In Chinese they must equal ``core.model.chinese``
# (a test checks it), so the window and the documents use the same words.
ENUM_WORDS: dict[StrEnum, str] = {
    Tier.ONE: QT_TRANSLATE_NOOP("Enum", "Enforcement office"),
    Tier.X: QT_TRANSLATE_NOOP("Enum", "Stationed department"),
    Tier.Y: QT_TRANSLATE_NOOP("Enum", "District department"),
    Role.ADMINISTRATOR: QT_TRANSLATE_NOOP("Enum", "Administrator"),
    Role.CLERK: QT_TRANSLATE_NOOP("Enum", "Clerk"),
    Role.GRID_WORKER: QT_TRANSLATE_NOOP("Enum", "Grid worker"),
    Role.DEPARTMENT_OFFICER: QT_TRANSLATE_NOOP("Enum", "Department officer"),
    Role.SUPERVISOR: QT_TRANSLATE_NOOP("Enum", "Supervisor"),
    Role.LEADER: QT_TRANSLATE_NOOP("Enum", "Leader"),
    CaseSource.PATROL: QT_TRANSLATE_NOOP("Enum", "Patrol"),
    CaseSource.HOTLINE: QT_TRANSLATE_NOOP("Enum", "Hotline"),
    CaseSource.VISIT: QT_TRANSLATE_NOOP("Enum", "Visit"),
    CaseSource.REFERRAL: QT_TRANSLATE_NOOP("Enum", "Referral"),
    CaseSource.TRANSFER: QT_TRANSLATE_NOOP("Enum", "Transfer-in"),
    CaseSource.JOINT_PATROL: QT_TRANSLATE_NOOP("Enum", "Joint patrol"),
    Urgency.NORMAL: QT_TRANSLATE_NOOP("Enum", "Normal"),
    Urgency.URGENT: QT_TRANSLATE_NOOP("Enum", "Urgent"),
    CaseStatus.PENDING_TRIAGE: QT_TRANSLATE_NOOP("Enum", "Pending triage"),
    CaseStatus.ASSIGNED: QT_TRANSLATE_NOOP("Enum", "Awaiting sign-for"),
    CaseStatus.HANDLING: QT_TRANSLATE_NOOP("Enum", "Being handled"),
    CaseStatus.PARKED: QT_TRANSLATE_NOOP("Enum", "Parked"),
    CaseStatus.FEEDBACK: QT_TRANSLATE_NOOP("Enum", "Awaiting verification"),
    CaseStatus.VERIFIED: QT_TRANSLATE_NOOP("Enum", "Awaiting closure"),
    CaseStatus.CLOSED: QT_TRANSLATE_NOOP("Enum", "Closed"),
    CaseStatus.TRANSFERRED: QT_TRANSLATE_NOOP("Enum", "Transferred"),
    CaseStatus.REJECTED: QT_TRANSLATE_NOOP("Enum", "Rejected"),
    CaseStatus.MERGED: QT_TRANSLATE_NOOP("Enum", "Merged"),
}
# Route shares the value "X" with Tier.X (StrEnum keys compare as strings), so its words
# live in their own table.
ROUTE_WORDS: dict[str, str] = {
    Route.SELF.value: QT_TRANSLATE_NOOP("Enum", "Handled by the township"),
    Route.DISPATCH_X.value: QT_TRANSLATE_NOOP("Enum", "Dispatched to a stationed department"),
    Route.CALL_Y.value: QT_TRANSLATE_NOOP("Enum", "District department called"),
}

# A duty dispute's status; in Chinese the words of ``core.disputes.STATUS_NAMES``.
DISPUTE_STATUS_WORDS: dict[str, str] = {
    OPEN: QT_TRANSLATE_NOOP("Enum", "Awaiting a ruling"),
    REFERRED: QT_TRANSLATE_NOOP("Enum", "Referred to a joint meeting"),
    DECIDED: QT_TRANSLATE_NOOP("Enum", "Ruled on"),
}

# An agenda item's kind; in Chinese the words of ``core.meetings.KIND_NAMES``.
AGENDA_KIND_WORDS: dict[str, str] = {
    DISPUTE: QT_TRANSLATE_NOOP("Enum", "Duty dispute"),
    SUPERVISED: QT_TRANSLATE_NOOP("Enum", "Supervised repeatedly"),
    OVERDUE: QT_TRANSLATE_NOOP("Enum", "Long overdue"),
    CROSS: QT_TRANSLATE_NOOP("Enum", "Cross-department"),
    OTHER: QT_TRANSLATE_NOOP("Enum", "Other"),
}


def word(value: StrEnum) -> str:
    """The interface word for an enum value, in the current language."""
    return QCoreApplication.translate("Enum", ENUM_WORDS[value])


def route_word(route: str | None) -> str:
    if not route or route not in ROUTE_WORDS:
        return "—"
    return QCoreApplication.translate("Enum", ROUTE_WORDS[route])


def dispute_status_word(status: str) -> str:
    return QCoreApplication.translate("Enum", DISPUTE_STATUS_WORDS[status])


def agenda_kind_word(kind: str) -> str:
    if kind not in AGENDA_KIND_WORDS:
        return kind
    return QCoreApplication.translate("Enum", AGENDA_KIND_WORDS[kind])


def in_language(words: Words) -> str:
    """A domain text that reads differently by language, in the interface's."""
    return words.en if current_language() == "en" else words.zh


def core_language() -> str:
    """The language core words its sentences in (a timeline, a suggestion): zh or en."""
    return EN if current_language() == "en" else ZH


def action_word(action: Action) -> str:
    """An action's name (派遣, 签收 …): the domain's own words, in the interface language."""
    return action_name(action, core_language())


def call_status_word(status: str | None) -> str:
    if not status:
        return "—"
    if current_language() == "en":
        return status.replace("_", " ")
    return CALL_STATUS_NAMES.get(status, status)


def current_language() -> str:
    return _current["language"]


def set_current_language(language: str) -> None:
    _current["language"] = language if language in LANGUAGES else DEFAULT_LANGUAGE


def error_text(error: DomainError) -> str:
    """A domain error's message in the interface language (Chinese unless English is chosen)."""
    return error.text("en" if current_language() == "en" else "zh")


def ts_path(language: str) -> Path:
    return resource("i18n", f"towndesk_{language}.ts")


def lrelease_program() -> str | None:
    """``lrelease`` from the PySide6 wheel, or on PATH; None in a frozen build."""
    try:
        import PySide6

        name = "lrelease.exe" if os.name == "nt" else "lrelease"
        bundled = Path(PySide6.__file__).parent / name
        if bundled.is_file():
            return str(bundled)
    except ImportError:  # pragma: no cover
        pass
    beside = Path(sys.executable).parent / "pyside6-lrelease"
    if beside.is_file():
        return str(beside)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def compile_ts(ts: Path, qm: Path) -> bool:
    program = lrelease_program()
    if program is None or not ts.is_file():
        return False
    qm.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [program, "-silent", str(ts), "-qm", str(qm)], capture_output=True, check=False
    )
    return result.returncode == 0 and qm.is_file()


def qm_file(language: str) -> Path | None:
    """The compiled translation, building it when the checkout has only the ``.ts``."""
    qm = resource("i18n", f"towndesk_{language}.qm")
    ts = ts_path(language)
    fresh = qm.is_file() and (not ts.is_file() or qm.stat().st_mtime >= ts.stat().st_mtime)
    if fresh:
        return qm
    cached = Path(tempfile.gettempdir()) / "towndesk-i18n" / qm.name
    if cached.is_file() and ts.is_file() and cached.stat().st_mtime >= ts.stat().st_mtime:
        return cached
    for target in (qm, cached):
        try:
            if compile_ts(ts, target):
                return target
        except OSError:
            continue
    return qm if qm.is_file() else None


def make_translator(language: str) -> QTranslator | None:
    """A loaded translator for ``language``; None for English (the source language)."""
    if language == "en":
        return None
    path = qm_file(language)
    translator = QTranslator()
    if path is None or not translator.load(str(path)):
        return None
    return translator


# Qt's own Chinese catalogue leaves the file dialog's two labels in English: ours has them
# (our translator is asked first).
QT_CATALOGUE_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)


def qt_translator(language: str) -> QTranslator | None:
    """Qt's own catalogue (qtbase, shipped with PySide6), so standard buttons, context menus
    and file dialogs speak the interface's language too; None for English or when missing."""
    if language == "en":
        return None
    translator = QTranslator()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    return translator if translator.load(f"qtbase_{language}", folder) else None
