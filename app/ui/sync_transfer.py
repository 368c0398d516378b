"""Writing and reading sync files from the window: the file dialogs, the background work,
the import preview, and what the clerk is told afterwards.

Export: keys → save dialog → ``export_sync_file`` on the worker → message.
Import: keys → open dialog → ``verify_file`` on the worker → preview → ``import_file`` on
the worker → message (with new conflicts). A file is written or imported whole: Cancel in
the progress dialog cannot stop it halfway, so its result is reported even then.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget
from sqlite_utils import Database

from app.core.clock import Clock
from app.core.model import User
from app.store.blobs import BlobStore
from app.store.devices import DeviceRecord
from app.store.settings import read_setting, write_setting
from app.sync.applying import ImportSummary
from app.sync.export import ExportSummary, export_sync_file
from app.sync.files import import_file, verify_file
from app.sync.importer import Checked
from app.sync.keys import DeviceKeys
from app.sync.status import conflict_cases
from app.ui.background import BackgroundRunner, Operation
from app.ui.sync_preview import ImportPreviewDialog, import_result_text
from app.ui.unlock_dialog import KeyRing

SYNC_FOLDER = "sync_folder"  # local setting: where the last sync file was saved or read
FILE_PATTERN = "*.tdsync"


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


class SyncTransfer(QObject):
    busy_changed = Signal(bool)
    exported = Signal(object)  # ExportSummary
    imported = Signal(object)  # ImportSummary
    message = Signal(str)  # for the status bar

    def __init__(
        self,
        page: QWidget,
        db: Database,
        blobs: BlobStore,
        user: User,
        runner: BackgroundRunner,
        keyring: KeyRing,
        clock: Clock,
    ) -> None:
        super().__init__(page)
        self.page, self.db, self.blobs, self.user = page, db, blobs, user
        self.runner, self.keyring, self.clock = runner, keyring, clock
        self.busy = False
        self.preview_dialog: ImportPreviewDialog | None = None
        self.result_box: QMessageBox | None = None
        self.last_export: ExportSummary | None = None
        self.last_import: ImportSummary | None = None

    # -- files ------------------------------------------------------------------------------

    def folder(self) -> Path:
        saved = read_setting(self.db, SYNC_FOLDER)
        if isinstance(saved, str) and Path(saved).is_dir():
            return Path(saved)
        return Path.home()

    def _remember_folder(self, path: Path) -> None:
        write_setting(self.db, SYNC_FOLDER, str(path.parent))

    def _file_filter(self) -> str:
        return self.tr("Sync files ({pattern})").format(pattern=FILE_PATTERN)

    def suggested_name(self, peer: DeviceRecord) -> str:
        moment = self.clock.now().strftime("%Y%m%d-%H%M")
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
        self._remember_folder(target)
        blobs, user, wall = self.blobs, self.user, self.clock.wall

        def work(db: Database) -> ExportSummary:
            return export_sync_file(db, blobs, keys, user, peer.id, target, full=full, wall=wall)

        self.run_whole(work, self._exported, self.tr("Writing the sync file…"))

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
        self.exported.emit(summary)

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
        self._remember_folder(source)
        blobs = self.blobs

        def work(db: Database) -> Checked:
            return verify_file(db, blobs, keys, source)

        self.run_whole(
            work,
            lambda checked: self._preview(keys, source, checked),
            self.tr("Checking the sync file…"),
        )

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
        blobs, user, wall = self.blobs, self.user, self.clock.wall

        def work(db: Database) -> ImportSummary:
            return import_file(db, blobs, keys, user, source, wall=wall)

        self.run_whole(work, self._imported, self.tr("Importing the sync file…"))

    def _imported(self, summary: ImportSummary) -> None:
        self.last_import = summary
        numbers = [c.number for c in conflict_cases(self.db, 10)] if summary.conflicts else []
        text = import_result_text(summary.preview, summary.conflicts, numbers)
        self.message.emit(self.tr("Sync file imported."))
        self._tell(self.tr("Import finished"), text, warn=bool(summary.conflicts))
        self.imported.emit(summary)

    # -- running ----------------------------------------------------------------------------

    def run_whole(
        self, work: Callable[[Database], Any], success: Callable[[Any], None], label: str
    ) -> None:
        """Run on the worker; report the result even if Cancel was pressed meanwhile."""
        outcome: dict[str, Any] = {}

        def whole(db: Database | None, _progress: object) -> Any:
            assert db is not None
            try:
                outcome["result"] = work(db)
            finally:
                outcome["ran"] = True
            return outcome["result"]

        def reported(result: Any) -> None:
            outcome["told"] = True
            success(result)

        operation = Operation(whole, reported, label=label)

        def finished() -> None:
            if "told" not in outcome and "result" in outcome and operation.cancelled.is_set():
                reported(outcome["result"])  # finished in spite of Cancel: say what it did
            if "ran" in outcome or not self.runner.is_busy():
                self.runner.done.disconnect(finished)
                self._set_busy(False)

        self._set_busy(True)
        self.runner.done.connect(finished)
        self.runner.run(operation)

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
