"""Writing and reading sync files from the window: the file dialogs, the background work,
the import preview, and what the clerk is told afterwards.

Export: keys → save dialog → ``export_sync_file`` through the session (the history
changed) → message. Import: keys → open dialog → ``verify_file`` on the worker (a read) →
preview → ``import_file`` through the session, which tells every page what the file
brought (and reloads reference data if it brought any) → message with new conflicts. A file
is written or imported whole: Cancel in the progress dialog cannot stop it halfway, so it
only hides the dialog and the result is reported all the same.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget
from sqlite_utils import Database

from app.core.errors import DomainError
from app.store.changes import DEVICES, Changes, changed
from app.store.devices import DeviceRecord
from app.store.settings import read_setting, write_setting
from app.sync.applying import ImportSummary
from app.sync.checked import Checked
from app.sync.export import ExportSummary, export_sync_file
from app.sync.files import import_file, verify_file, work_folder
from app.sync.keys import DeviceKeys
from app.sync.refusals import note_refused_file
from app.sync.status import conflict_cases
from app.ui.common.keys import KeyRing
from app.ui.common.runner import Operation
from app.ui.common.session import Session
from app.ui.sync.preview import ImportPreviewDialog, import_result_text

SYNC_FOLDER = "sync_folder"  # local setting: where the last sync file was saved or read
FILE_PATTERN = "*.tdsync"
HISTORY = changed(DEVICES)  # the list of sync files written and read here


def choose_save_path(parent: QWidget, title: str, suggested: Path, name_filter: str) -> Path | None:
    """The save-file dialog (tests replace this function)."""
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), name_filter)
    return Path(chosen) if chosen else None


def choose_open_path(parent: QWidget, title: str, folder: Path, name_filter: str) -> Path | None:
    """The open-file dialog (tests replace this function)."""
    chosen, _ = QFileDialog.getOpenFileName(parent, title, str(folder), name_filter)
    return Path(chosen) if chosen else None


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(1, size // 1024)} KB"


def remember_folder(session: Session, path: Path) -> None:
    """Suggest ``path``'s folder next time (a local setting, written on the worker)."""
    folder = str(path.parent)
    session.write(lambda db: write_setting(db, SYNC_FOLDER, folder))


class SyncTransfer(QObject):
    busy_changed = Signal(bool)
    message = Signal(str)  # for the status bar

    def __init__(self, page: QWidget, session: Session, keyring: KeyRing) -> None:
        super().__init__(page)
        self.page, self.session, self.keyring = page, session, keyring
        self.busy = False
        self.preview_dialog: ImportPreviewDialog | None = None
        self.result_box: QMessageBox | None = None
        self.last_export: ExportSummary | None = None
        self.last_import: ImportSummary | None = None

    # -- files ------------------------------------------------------------------------------

    def folder(self) -> Path:
        saved = read_setting(self.session.db, SYNC_FOLDER)
        if isinstance(saved, str) and Path(saved).is_dir():
            return Path(saved)
        return Path.home()

    def _file_filter(self) -> str:
        return self.tr("Sync files ({pattern})").format(pattern=FILE_PATTERN)

    def suggested_name(self, peer: DeviceRecord) -> str:
        moment = self.session.clock.now().strftime("%Y%m%d-%H%M")
        return self.tr("SyncFile-{code}-{moment}.tdsync").format(code=peer.code, moment=moment)

    # -- export -----------------------------------------------------------------------------

    def start_export(self, peer: DeviceRecord, full: bool) -> None:
        if not self.busy:
            self.keyring.request(lambda keys: self._export_with(keys, peer, full))

    def _export_with(self, keys: DeviceKeys, peer: DeviceRecord, full: bool) -> None:
        target = choose_save_path(
            self.page,
            self.tr("Export a sync file for {peer}").format(peer=peer.name),
            self.folder() / self.suggested_name(peer),
            self._file_filter(),
        )
        if target is None:
            return
        if not target.suffix:
            target = target.with_suffix(".tdsync")
        remember_folder(self.session, target)
        blobs, user, wall = self.session.blobs, self.session.user, self.session.clock.wall

        def work(db: Database) -> ExportSummary:
            return export_sync_file(db, blobs, keys, user, peer.id, target, full=full, wall=wall)

        self.run_whole(work, self._exported, self.tr("Writing the sync file…"), HISTORY)

    def _exported(self, summary: ExportSummary) -> None:
        self.last_export = summary
        if summary.events:
            text = self.tr(
                "Sync file for {peer} written: {events} records ({cases} new cases), "
                "{evidence} evidence files, {size}.\n\n{path}\n\nHand the file to {peer}; "
                "it is imported on the sync page there."
            )
        else:
            text = self.tr(
                "Sync file for {peer} written. It holds no new records; it still tells "
                "{peer} what this device has received.\n\n{path}"
            )
        message = text.format(
            peer=summary.peer.name,
            events=f"{summary.events:,}",
            cases=f"{summary.new_cases:,}",
            evidence=f"{summary.blobs:,}",
            size=size_text(summary.size),
            path=summary.path,
        )
        self.message.emit(self.tr("Sync file written: {path}").format(path=summary.path))
        self._tell(self.tr("Export finished"), message)

    # -- import -----------------------------------------------------------------------------

    def start_import(self) -> None:
        if not self.busy:
            self.keyring.request(self._import_with)

    def _import_with(self, keys: DeviceKeys) -> None:
        source = choose_open_path(
            self.page, self.tr("Import a sync file"), self.folder(), self._file_filter()
        )
        if source is None:
            return
        remember_folder(self.session, source)
        blobs, wall = self.session.blobs, self.session.clock.wall

        def work(db: Database) -> Checked:
            try:
                return verify_file(db, blobs, keys, source)  # writes nothing
            except DomainError as error:
                # at the office, a laptop's refused file is noted (its own small write):
                # the next file to that laptop says why (sync/refusals.py)
                note_refused_file(db, keys, source, error, wall=wall, work=work_folder(db))
                raise

        def checked(result: Checked) -> None:
            self._preview(keys, source, result)

        self.run_whole(work, checked, self.tr("Checking the sync file…"))

    def _preview(self, keys: DeviceKeys, source: Path, checked: Checked) -> ImportPreviewDialog:
        dialog = ImportPreviewDialog(checked.summary(), source, self.page)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(
            lambda result: (
                self._apply(keys, source) if result == QDialog.DialogCode.Accepted else None
            )
        )
        dialog.finished.connect(lambda _result: setattr(self, "preview_dialog", None))
        self.preview_dialog = dialog
        dialog.open()
        return dialog

    def _apply(self, keys: DeviceKeys, source: Path) -> None:
        blobs, user, wall = self.session.blobs, self.session.user, self.session.clock.wall

        def work(db: Database) -> ImportSummary:
            return import_file(db, blobs, keys, user, source, wall=wall)

        self.run_whole(work, self._imported, self.tr("Importing the sync file…"), HISTORY)

    def _imported(self, summary: ImportSummary) -> None:
        self.last_import = summary
        db = self.session.db
        numbers = [c.number for c in conflict_cases(db, 10)] if summary.conflicts else []
        text = import_result_text(summary.preview, summary.conflicts, numbers)
        self.message.emit(self.tr("Sync file imported."))
        self._tell(self.tr("Import finished"), text, warn=bool(summary.conflicts))

    # -- running ----------------------------------------------------------------------------

    def run_whole(
        self,
        work: Callable[[Database], Any],
        success: Callable[[Any], None],
        label: str,
        writes: Changes | None = None,
    ) -> Operation:
        """Run ``work(db)`` on the worker, whole. ``writes``: it writes, through the session,
        which then tells the pages what changed (besides the events, ``writes``), even after
        a Cancel that came too late to stop it; None: it only reads, and Cancel only hides the
        progress dialog (a file is checked whole: its preview is still shown)."""

        def settled() -> None:
            self._set_busy(False)

        def read(db: Database | None, _progress: object) -> Any:
            assert db is not None
            return work(db)

        self._set_busy(True)
        if writes is None:
            reading = Operation(read, success, settled=settled, label=label)
            return self.session.runner.run(keep_going(reading))
        return self.session.write(work, success, settled=settled, label=label, also=writes)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.busy_changed.emit(busy)

    def _tell(self, title: str, text: str, warn: bool = False) -> QMessageBox:
        box = QMessageBox(self.page)
        box.setWindowTitle(title)
        box.setIcon(QMessageBox.Icon.Warning if warn else QMessageBox.Icon.Information)
        box.setText(text)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addButton(self.tr("OK"), QMessageBox.ButtonRole.AcceptRole)  # in our language
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _r: setattr(self, "result_box", None))
        self.result_box = box
        box.open()
        return box


def keep_going(operation: Operation) -> Operation:
    """A sync file is checked whole: the progress dialog's Cancel must not drop the preview,
    so it only hides the dialog. Set before the dialog shows (it connects ``cancel`` when it
    appears)."""
    operation.cancel = lambda: None  # type: ignore[method-assign]
    return operation
