"""What one run of ``towndesk`` works with: its options, the clock, and, opened on first use,
the database and the acting user (``Context``); and the options every command group shares
(``--db``, ``--as``, ``--json``), declared once here as argparse parent parsers."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TypeAlias

from sqlite_utils import Database

from app.core.clock import Clock
from app.core.errors import DomainError
from app.core.model import User
from app.paths import default_database
from app.store.blobs import BlobStore
from app.store.encryption import DatabaseFile, needs_key
from app.store.reference import user_by_name
from app.store.setup import open_database

# What a command group adds its commands to: ``parser.add_subparsers(...)``.
Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"

# the device (key) password for scripts; cmd_sync.KEY_PASSWORD_ENV names the same variable
KEY_PASSWORD_ENV = "TOWNDESK_KEY_PASSWORD"
ADMIN = "admin"
CLERK = "clerk"


class Context:
    """Built once per run from the parsed arguments; ``close`` ends it.

    Commands read their own options from ``args``, write with ``wall=clock.wall``, and ask
    for ``db`` and ``user`` only when they need them, so a command that creates the database
    (``init``, ``demo``, ``device join``) never opens one first.
    """

    def __init__(self, args: argparse.Namespace, clock: Clock) -> None:
        self.args = args
        self.clock = clock
        self._db: Database | None = None

    @property
    def database_given(self) -> Path | None:
        """``--db`` as typed (before or after the command name), or None."""
        path: Path | None = getattr(self.args, "db", None)
        return path

    @cached_property
    def database_path(self) -> Path:
        """``--db``, or the database in the user's data folder."""
        return self.database_given or default_database()

    @property
    def db(self) -> Database:
        """The township's database, opened (and upgraded if needed) on first use."""
        if self._db is None:
            self._db = open_database(self.database)
        return self._db

    @cached_property
    def database(self) -> DatabaseFile:
        """The database with its key: an encrypted one is unlocked with the device password
        (``--key-password``, ``TOWNDESK_KEY_PASSWORD``, or a prompt); a plain one asks none."""
        path = self.database_path
        if not needs_key(path):  # plain (or not a database: opening it will say so)
            return DatabaseFile(path)
        from app.sync.unlocking import unlock_database  # the crypto libraries: only now

        return unlock_database(path, self.key_password)

    @cached_property
    def key_password(self) -> str:
        """This device's key password, asked once per run."""
        password = getattr(self.args, "key_password", None) or os.environ.get(KEY_PASSWORD_ENV)
        if password:
            return str(password)
        if not sys.stdin.isatty():
            raise DomainError("key_password_needed", value=KEY_PASSWORD_ENV)
        return getpass.getpass("本机设备密码：")

    @cached_property
    def blobs(self) -> BlobStore:
        """The evidence files beside the database."""
        return BlobStore.beside(self.database_path)

    @cached_property
    def user(self) -> User:
        """Who acts: the user named by ``--as`` (an unknown name is a plain error)."""
        return user_by_name(self.db, self.args.username)

    @property
    def named_user(self) -> User | None:
        """The ``--as`` user where naming one is optional (who handled a sync file)."""
        return self.user if getattr(self.args, "username", None) else None

    @property
    def json(self) -> bool:
        """``--json``: print JSON for scripts instead of Chinese tables."""
        return bool(getattr(self.args, "json", False))

    def check_database(self) -> None:
        """Open the database now and close it again: for commands that hand the path on (the
        window, screenshots), so a database that cannot be opened is a message here."""
        self.db  # noqa: B018 - opening it is the check
        self.close()

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


@dataclass(frozen=True)
class CommonOptions:
    """Parent parsers for the shared options: ``parents=[common.database, common.as_admin]``.

    The actions are shared between commands, so no command may ``set_defaults`` one of
    their destinations (``db``, ``username``, ``json``).
    """

    database: argparse.ArgumentParser
    as_admin: argparse.ArgumentParser
    as_clerk: argparse.ArgumentParser
    as_handler: argparse.ArgumentParser  # optional: who handled it, kept in the history
    json: argparse.ArgumentParser


def common_options() -> CommonOptions:
    return CommonOptions(
        database=database_option(),
        as_admin=user_option(ADMIN, f"以哪个用户身份操作（默认 {ADMIN}）"),
        as_clerk=user_option(CLERK, f"以哪个用户身份操作（默认 {CLERK}）"),
        as_handler=user_option(None, "经手人用户名（记录在历史中）"),
        json=json_option(),
    )


def database_option() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    # SUPPRESS: accepted before or after the command name, whichever the user types
    parent.add_argument(
        "--db",
        type=Path,
        default=argparse.SUPPRESS,
        help="数据库文件（默认：用户数据目录中的 towndesk.sqlite3）",
    )
    return parent


def user_option(default: str | None, help_text: str) -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--as", dest="username", default=default, help=help_text)
    return parent


def json_option() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--json", action="store_true")
    return parent


def command_group(commands: Commands, name: str, help_text: str, **options: object) -> Commands:
    """``towndesk <name> ACTION``: the group's actions. The group alone prints its help
    (it does not open the window)."""
    group = commands.add_parser(name, help=help_text, **options)  # type: ignore[arg-type]
    group.set_defaults(handler=lambda _ctx: group.print_help() or 0)
    return group.add_subparsers(title=f"{name} commands", metavar="ACTION")
