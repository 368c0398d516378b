"""The command line run as a script runs it: the acting user named by ``--as`` and the
password given through ``TOWNDESK_PASSWORD`` (never an option). Tests of other things call
``run`` here instead of ``app.cli.main.run``; tests of signing in (test_cli_signin.py) call
the real one with the environment they mean."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any
from unittest import mock

from app.cli.main import run as towndesk
from app.cli.signin import PASSWORD_ENV, USER_ENV
from app.core.clock import Clock
from app.store.demo.township import GRID_WORKER_PASSWORD, demo_users

DEMO_PASSWORDS = {u.username: u.password for u in demo_users()}
CJK = re.compile(r"[\u4e00-\u9fff]")
ACTING_USER = "admin"  # who acts when a test names nobody: the administrator, as before


def password_of(username: str) -> str:
    """A demo user's password (the grid workers wgy01..wgy19 share one); for a name the
    demo lacks, one that signs no one in."""
    if username.startswith("wgy"):
        return GRID_WORKER_PASSWORD
    return DEMO_PASSWORDS.get(username, "not anyone's password")


def named_user(argv: list[str]) -> str | None:
    """The user ``--as`` names in ``argv``, if any."""
    for i, word in enumerate(argv):
        if word == "--as" and i + 1 < len(argv):
            return argv[i + 1]
        if word.startswith("--as="):
            return word.removeprefix("--as=")
    return None


def run(argv: list[str], clock: Clock | None = None, *, password: str | None = None) -> int:
    """``towndesk argv`` signed in: as the ``--as`` user, else as ``admin``, with that demo
    user's password unless ``password`` is given (a township the test made itself)."""
    username = named_user(argv) or ACTING_USER
    secret = password if password is not None else password_of(username)
    with mock.patch.dict(os.environ, {USER_ENV: username, PASSWORD_ENV: secret}):
        return towndesk(argv, clock)


def ok(capsys: Any, *argv: str) -> str:
    """A command that succeeds: its standard output."""
    code = run(list(argv))
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def fails(capsys: Any, path: Path, *argv: str) -> str:
    """A refused command: non-zero, a Chinese message on stderr, the database unchanged."""
    from app.store.setup import open_database
    from tests.store.store_helpers import full_dump

    db = open_database(path)
    before = full_dump(db)
    code = run(list(argv))
    out, err = capsys.readouterr()
    assert code != 0 and out == ""
    assert err.startswith("错误：") and CJK.search(err) and "Traceback" not in err
    assert full_dump(db) == before
    db.close()
    return err
