"""What one run of ``towndesk`` works with: its options, the clock, and, opened on first use,
the database and the signed-in user (``Context``); and the options every command group
shares (``--db``, ``--as``, ``--json``), declared once here as argparse parent parsers."""

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

from app.cli.signin import PASSWORD_ENV, USER_ENV, sign_in_actor
from app.core.clock import Clock
from app.core.errors import DomainError
from app.core.model import User
from app.paths import default_database
from app.store.blobs import BlobStore
from app.store.encryption import DatabaseFile, needs_key
from app.store.replication import Sign, sign_heads_as_written
from app.store.setup import open_database

# What a command group adds its commands to: ``parser.add_subparsers(...)``.
Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"

# the device (key) password for scripts; cmd_sync.KEY_PASSWORD_ENV names the same variable
KEY_PASSWORD_ENV = "TOWNDESK_KEY_PASSWORD"


class Context:
    """Built once per run from the parsed arguments; ``close`` ends it.

    Commands read their own options from ``args``, write with ``wall=clock.wall``, and ask
    for ``db`` and ``user`` only when they need them, so a command that creates the database
    (``init``, ``demo``, ``device join``) never opens one first.

    Nothing reads or writes a township's data unsigned: the first use of ``db`` (or of
    ``user``) signs the acting user in, once per run, and a refused sign-in stays refused.
    Only ``check_database`` opens the file without, to say early that it cannot be opened.
    """

    def __init__(self, args: argparse.Namespace, clock: Clock) -> None:
        self.args = args
        self.clock = clock
        self._db: Database | None = None
        self._user: User | None = None
        self._password = ""  # kept for ``account password`` only, never shown
        self._refusal: BaseException | None = None
        self._signer: Sign | None = None

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
        """The township's database, opened (and upgraded if needed) on first use, for the
        signed-in user only."""
        db = self._open()
        self.user  # noqa: B018 - signs in on first use, refuses every use after a refusal
        return db

    def _open(self) -> Database:
        if self._db is None:
            self._db = open_database(self.database, wall=self.clock.wall)
            if self._signer is not None:  # keys opened with the database: sign as we write
                sign_heads_as_written(self._db, self._signer)
        return self._db

    @cached_property
    def database(self) -> DatabaseFile:
        """The database with its key: an encrypted one is unlocked with the device password
        (``--key-password``, ``TOWNDESK_KEY_PASSWORD``, or a prompt); a plain one asks none.
        The same password opens the device's keys, which then sign our chain head in each
        write transaction, so ``verify`` catches an edit of anything this run wrote."""
        path = self.database_path
        if not needs_key(path):  # plain (or not a database: opening it will say so)
            return DatabaseFile(path)
        from app.sync.unlocking import unlock_device  # the crypto libraries: only now

        database, keys = unlock_device(path, self.key_password)
        self._signer = keys.signature if keys is not None else None
        return database

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
        """The evidence files beside the database (with its key when it is encrypted)."""
        return BlobStore.beside(self.database)

    @property
    def user(self) -> User:
        """Who acts: the user named by ``--as`` or ``TOWNDESK_USER``, signed in with their
        password (see cli/signin.py) the first time anyone asks."""
        if self._refusal is not None:
            raise self._refusal
        if self._user is None:
            changing = getattr(self.args, "changes_password", False)
            try:
                self._user, password = sign_in_actor(
                    self._open(),
                    getattr(self.args, "username", None),
                    self.clock,
                    changing_password=changing,
                )
            except BaseException as refusal:  # also Ctrl-C at the prompt: never ask twice
                self._refusal = refusal
                raise
            self._password = password if changing else ""
        return self._user

    @property
    def sign_in_password(self) -> str:
        """The password the user signed in with, for ``account password`` (which proves the
        current password with it); empty for every other command."""
        self.user  # noqa: B018 - signs in first
        return self._password

    @property
    def json(self) -> bool:
        """``--json``: print JSON for scripts instead of Chinese tables."""
        return bool(getattr(self.args, "json", False))

    def check_database(self) -> None:
        """Open the database now and close it again: for commands that hand the path on (the
        window, screenshots), so a database that cannot be opened is a message here."""
        self._open()
        self.close()

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


@dataclass(frozen=True)
class CommonOptions:
    """Parent parsers for the shared options: ``parents=[common.database, common.user]``.

    The actions are shared between commands, so no command may ``set_defaults`` one of
    their destinations (``db``, ``username``, ``json``).
    """

    database: argparse.ArgumentParser
    user: argparse.ArgumentParser  # who signs in: every command that opens the database
    json: argparse.ArgumentParser


USER_HELP = (
    f"以哪个用户身份登录（或环境变量 {USER_ENV}）；"
    f"密码在终端提示时输入，脚本用环境变量 {PASSWORD_ENV} 给出"
)


def common_options() -> CommonOptions:
    return CommonOptions(database=database_option(), user=user_option(), json=json_option())


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


def user_option(
    default: str | None = argparse.SUPPRESS, help_text: str = USER_HELP
) -> argparse.ArgumentParser:
    """``--as``; no default user (SUPPRESS: accepted before or after the command name)."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--as", dest="username", metavar="USERNAME", default=default,
                        help=help_text)  # fmt: skip
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
