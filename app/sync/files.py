"""Verify and import sync files: the two entry points the window and the CLI use."""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from app.core.clock import Wall
from app.core.errors import DomainError
from app.core.model import User
from app.store.blobs import BlobStore
from app.sync.applying import ImportSummary, apply
from app.sync.archive import open_archive
from app.sync.checked import Checked
from app.sync.importer import check
from app.sync.keys import DeviceKeys
from app.sync.refusals import note_refusal


def verify_file(db: Database, store: BlobStore, keys: DeviceKeys, source: Path) -> Checked:
    """Everything ``import_file`` checks, and what it would change; writes nothing."""
    with open_archive(source, keys.identities()) as opened:
        return check(db, store, opened)


def import_file(
    db: Database,
    store: BlobStore,
    keys: DeviceKeys,
    actor: User | None,
    source: Path,
    *,
    wall: Wall,
) -> ImportSummary:
    store.sweep_leftovers(wall() / 1000)  # from an import killed earlier
    with open_archive(source, keys.identities()) as opened:
        try:
            checked = check(db, store, opened)
        except DomainError as error:
            note_refusal(db, opened, error, source, wall=wall)  # the laptop will be told
            raise
        return apply(db, store, opened, checked, actor, source, wall=wall)
