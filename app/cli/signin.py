"""Who acts on the command line: the user named by ``--as`` or ``TOWNDESK_USER``, signed in
with their password by the store's own sign-in (the same check, and the same growing wait
after wrong guesses, as the window's). Secrets come from an environment variable (for
scripts) or from a prompt that does not echo, and only at a terminal; they are never taken
from the command's arguments (other users could read them in the process list), printed or
logged."""

from __future__ import annotations

import getpass
import os
import sys

from sqlite_utils import Database

from app.core.clock import Clock
from app.core.errors import DomainError
from app.core.model import User
from app.store.devices import is_office
from app.store.reference import must_change_password
from app.store.signin import sign_in

USER_ENV = "TOWNDESK_USER"
PASSWORD_ENV = "TOWNDESK_PASSWORD"
NEW_PASSWORD_ENV = "TOWNDESK_NEW_PASSWORD"


def acting_username(given: str | None) -> str:
    """``--as``, else ``TOWNDESK_USER``; there is no default user."""
    username = (given or os.environ.get(USER_ENV) or "").strip()
    if not username:
        raise DomainError("signin_user_needed", value=USER_ENV)
    return username


def secret(env: str, prompt: str, missing: DomainError) -> str:
    """The environment variable ``env`` if set, else typed at a prompt that does not echo;
    ``missing`` when there is neither (no terminal to ask at: a script or a pipe)."""
    value = os.environ.get(env)
    if value:
        return value
    if not sys.stdin.isatty():
        raise missing
    return typed(prompt)


def typed(prompt: str) -> str:
    """Typed at the terminal without echo (getpass writes the prompt to the terminal)."""
    try:
        return getpass.getpass(prompt)
    except EOFError:  # Ctrl-D at the prompt: the user gave up, as with Ctrl-C
        raise KeyboardInterrupt from None


def new_password() -> str | None:
    """A password being chosen: from ``TOWNDESK_NEW_PASSWORD`` (a script), or typed twice at
    a prompt that does not echo; None when there is neither (no terminal to ask at)."""
    given = os.environ.get(NEW_PASSWORD_ENV)
    if given:
        return given
    if not sys.stdin.isatty():
        return None
    first = typed("新密码：")
    if typed("再输入一次新密码：") != first:
        raise DomainError("new_password_mismatch")
    return first


def sign_in_actor(
    db: Database, given: str | None, clock: Clock, *, changing_password: bool = False
) -> tuple[User, str]:
    """The signed-in user and the password they proved it with, or a DomainError in plain
    words (nothing else is written then; a wrong password is counted by the sign-in, so the
    wait grows as in the window).

    A user the administrator gave a first or reset password must choose their own before
    working, as the window makes them do; on the office PC only, where passwords are
    changed (a field laptop's user changes it at the office, the window lets them in)."""
    username = acting_username(given)
    missing = DomainError("signin_password_needed", value=username)
    password = secret(PASSWORD_ENV, f"用户 {username} 的密码：", missing)
    user = sign_in(db, username, password, now_ms=clock.wall)
    if not changing_password and must_change_password(db, user.id) and is_office(db):
        raise DomainError("signin_password_must_change", value=user.username)
    return user, password
