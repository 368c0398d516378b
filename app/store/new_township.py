"""Creating a township from what the setup wizard asked, whole or not at all.

Everything is made under a staging name beside the database: the township (the store's
``initialise_township``, itself atomic), then office hours, then the starting base data.
Only when every step has passed is the staging file renamed to the database the program
opens; after any failure, or a cancel, it is removed, so the next start finds no database
and offers the first-run choices again. The set-up wizard runs it on its worker.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app.core.base_data_sheets import BaseDataSet
from app.core.clock import Wall
from app.core.errors import DomainError
from app.core.model import Township
from app.store.base_data_import import Imported, import_base_data
from app.store.calendar_days import set_office_hours
from app.store.reference import user_by_name
from app.store.setup import ADMIN_USERNAME, initialise_township, open_database

STAGING_SUFFIX = ".setup"
STEPS = 3

Progress = Callable[[int, int], bool]


class SetupCancelled(Exception):
    """Cancel was pressed before the township was complete: nothing was created."""


@dataclass(frozen=True)
class TownshipPlan:
    """What the wizard asked for, checked page by page."""

    name: str
    code: str
    authority: str
    address: str
    duty_phone: str
    opens: str  # "08:30"
    closes: str  # "17:30"
    admin_password: str
    data: BaseDataSet | None = None  # None: nothing for now

    @property
    def profile(self) -> Township:
        return Township(self.name, self.code, self.authority, self.address, self.duty_phone)


@dataclass
class Created:
    path: Path
    imported: Imported = field(default_factory=Imported)


def staging_path(path: Path) -> Path:
    return path.with_name(path.name + STAGING_SUFFIX)


def remove_staging(path: Path) -> None:
    """The staging file and whatever SQLite kept beside it (-wal, -shm, .partial)."""
    staging = staging_path(path)
    for leftover in staging.parent.glob(staging.name + "*"):
        leftover.unlink(missing_ok=True)


def create_township(path: Path, plan: TownshipPlan, *, wall: Wall, progress: Progress) -> Created:
    """Make the township database at ``path``; raises DomainError (BaseDataRefused for a
    workbook that does not fit the new township) or SetupCancelled, leaving nothing."""
    if path.exists():
        raise DomainError("database_exists", value=str(path))
    staging = staging_path(path)
    remove_staging(path)  # an attempt the computer was switched off in the middle of
    try:
        initialise_township(
            staging,
            plan.name,
            plan.code,
            plan.admin_password,
            wall=wall,
            profile=plan.profile,
        )
        _step(progress, 1)
        db = open_database(staging)
        try:
            admin = user_by_name(db, ADMIN_USERNAME)
            set_office_hours(db, admin, plan.opens, plan.closes, wall=wall)
            _step(progress, 2)
            imported = Imported()
            if plan.data is not None:
                imported = import_base_data(db, admin, plan.data, wall=wall)
        finally:
            db.close()  # checkpoints the WAL into the file before it is renamed
        _step(progress, STEPS)
        if path.exists():  # made meanwhile by another TownDesk: never overwrite it
            raise DomainError("database_exists", value=str(path))
        os.replace(staging, path)
    except BaseException:
        remove_staging(path)
        raise
    remove_staging(path)  # an empty -shm SQLite may leave behind
    return Created(path, imported)


def _step(progress: Progress, done: int) -> None:
    if not progress(done, STEPS):
        raise SetupCancelled()
