"""Issue 12, authenticated actors: every command that reads or writes a township's data signs
its user in as the window does. No default user, the password from ``TOWNDESK_PASSWORD`` or
a prompt at a terminal, the same growing wait after wrong guesses, and the signed-in user
is the one the records name. These call the real ``app.cli.main.run`` with the environment
they mean (other CLI tests sign in through tests/cli/signed.py)."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from app.cli.main import build_parser, run
from app.store import sqlite_driver
from tests.cli.test_cli import CJK, case_add, dump
from tests.clock import TestClock

USER, PASSWORD, NEW = "TOWNDESK_USER", "TOWNDESK_PASSWORD", "TOWNDESK_NEW_PASSWORD"


@pytest.fixture(autouse=True)
def no_one_named(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever the shell running the tests has set, each test starts with no one signed in
    and no terminal to type at."""
    for name in (USER, PASSWORD, NEW, "TOWNDESK_KEY_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)


def refused(capsys, argv: list[str]) -> str:
    """Run a command that must be refused: exit 2, nothing on stdout (no data shown), one
    plain Chinese line; returns it."""
    assert run(argv) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("错误：") and CJK.search(err) and "Traceback" not in err
    assert err.count("\n") == 1
    return err


def actors(path: Path) -> list[str | None]:
    """The usernames of the events' actors, oldest first."""
    with sqlite_driver.connect(path) as conn:
        rows = conn.execute(
            "SELECT u.username FROM events e LEFT JOIN users u ON u.id = e.actor_id "
            "ORDER BY e.rowid"
        ).fetchall()
    return [row[0] for row in rows]


def failures(path: Path) -> list[tuple[str, int]]:
    with sqlite_driver.connect(path) as conn:
        return conn.execute("SELECT username, failures FROM sign_in_failures").fetchall()


# ------------------------------------------------------------------ who acts


def test_no_user_named_is_refused_and_nothing_is_written(demo_path: Path, capsys, monkeypatch):
    monkeypatch.setenv(PASSWORD, "admin123")  # a password alone names no one
    before = dump(demo_path)
    err = refused(capsys, case_add(demo_path))
    assert "--as" in err and USER in err
    assert dump(demo_path) == before


def test_the_signed_in_user_is_the_actor(demo_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv(PASSWORD, "clerk123")
    assert run([*case_add(demo_path), "--as", "clerk"]) == 0
    capsys.readouterr()
    assert actors(demo_path)[-1] == "clerk"
    number = _open_case(demo_path)
    monkeypatch.setenv(PASSWORD, "leader123")
    note = ["case", "act", number, "supervise", "--note", "请尽快办理", "--db", str(demo_path)]
    assert run([*note, "--as", "leader"]) == 0, capsys.readouterr().err
    assert actors(demo_path)[-1] == "leader"


def test_towndesk_user_names_who_acts(demo_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv(USER, "grid")
    monkeypatch.setenv(PASSWORD, "grid123")
    assert run(case_add(demo_path)) == 0
    assert actors(demo_path)[-1] == "grid"
    monkeypatch.setenv(PASSWORD, "clerk123")  # --as wins over TOWNDESK_USER
    assert run([*case_add(demo_path), "--as", "clerk"]) == 0
    assert actors(demo_path)[-1] == "clerk"
    capsys.readouterr()


def test_another_users_name_with_ones_own_password_writes_nothing(
    demo_path: Path, capsys, monkeypatch
) -> None:
    """The attack of the issue: ``case act N supervise --as leader`` by the clerk."""
    monkeypatch.setenv(PASSWORD, "clerk123")
    number = _open_case(demo_path)
    before = dump(demo_path)
    err = refused(capsys, ["case", "act", number, "supervise", "--db", str(demo_path),
                           "--as", "leader", "--note", "请尽快办理"])  # fmt: skip
    assert "用户名或密码不正确" in err
    after = dump(demo_path)
    assert after.pop("sign_in_failures") != before.pop("sign_in_failures")  # counted
    assert after == before
    assert "leader" not in actors(demo_path)[-3:]


def _open_case(path: Path) -> str:
    with sqlite_driver.connect(path) as conn:
        row = conn.execute("SELECT number FROM cases WHERE status = 'handling' LIMIT 1").fetchone()
    return str(row[0])


# ------------------------------------------------------------------ wrong passwords


def test_wrong_passwords_are_counted_and_the_wait_grows(
    demo_path: Path, capsys, monkeypatch, clock: TestClock
) -> None:
    """The window's rule, from the store: three free mistakes, then 2, 4 ... seconds; a
    right password during the wait is refused too; after it, it signs in and the count goes."""
    argv = [*case_add(demo_path), "--as", "clerk"]
    before = dump(demo_path)
    monkeypatch.setenv(PASSWORD, "guess")
    assert refused(capsys, argv) == "错误：用户名或密码不正确。\n"
    assert refused(capsys, argv) == "错误：用户名或密码不正确。\n"
    assert "请 2 秒后再试" in refused(capsys, argv)
    assert failures(demo_path) == [("clerk", 3)]
    monkeypatch.setenv(PASSWORD, "clerk123")
    assert "请 2 秒后再试" in refused(capsys, argv)  # locked: even the right one waits
    clock.advance(seconds=2)
    monkeypatch.setenv(PASSWORD, "guess")
    assert "请 4 秒后再试" in refused(capsys, argv)
    assert failures(demo_path) == [("clerk", 4)]
    after = dump(demo_path)
    after.pop("sign_in_failures"), before.pop("sign_in_failures")
    assert after == before  # nothing else was written
    clock.advance(seconds=4)
    monkeypatch.setenv(PASSWORD, "clerk123")
    assert run(argv) == 0
    assert failures(demo_path) == []
    assert actors(demo_path)[-1] == "clerk"


def test_a_disabled_user_is_refused(demo_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv(PASSWORD, "admin123")
    assert run(["user", "deactivate", "clerk", "--db", str(demo_path), "--as", "admin"]) == 0
    capsys.readouterr()
    monkeypatch.setenv(PASSWORD, "clerk123")
    before = dump(demo_path)
    err = refused(capsys, ["case", "list", "--db", str(demo_path), "--as", "clerk"])
    assert "已停用" in err
    assert dump(demo_path) == before


# ------------------------------------------------------------------ reads


COMMANDS = [  # reads, and rebuild, which rewrites every table
    ["case", "list"],
    ["case", "show", "QS-20261118-AA0001"],
    ["case", "transfers"],
    ["lists", "show", "--kind", "power"],
    ["lists", "search", "占道"],
    ["tasks"],
    ["overdue"],
    ["calls"],
    ["calendar"],
    ["users"],
    ["categories"],
    ["device", "list"],
    ["verify"],
    ["evidence", "QS-20261118-AA0001"],
    ["meeting", "list"],
    ["meeting", "decisions"],
    ["dispute", "list"],
    ["rebuild"],
]


@pytest.mark.parametrize("argv", COMMANDS, ids=[" ".join(a) for a in COMMANDS])
def test_reading_needs_a_sign_in_too(demo_path: Path, capsys, monkeypatch, argv) -> None:
    """Reporters and parties are personal data: nothing is shown to no one."""
    before = dump(demo_path)
    refused(capsys, [*argv, "--db", str(demo_path)])
    monkeypatch.setenv(USER, "clerk")
    monkeypatch.setenv(PASSWORD, "wrong-one")
    assert "用户名或密码不正确" in refused(capsys, [*argv, "--db", str(demo_path)])
    after = dump(demo_path)
    assert [row[:2] for row in after.pop("sign_in_failures")] == [("clerk", 1)]
    before.pop("sign_in_failures")
    assert after == before


def test_a_read_shows_data_once_signed_in(demo_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv(USER, "leader")
    monkeypatch.setenv(PASSWORD, "leader123")
    assert run(["case", "list", "--db", str(demo_path), "--limit", "3"]) == 0
    assert "共 " in capsys.readouterr().out


# ------------------------------------------------------------------ the prompt


def test_a_terminal_is_asked_without_echo(demo_path: Path, capsys, monkeypatch) -> None:
    asked: list[str] = []

    def getpass(prompt: str) -> str:
        asked.append(prompt)
        return "clerk123"

    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass", getpass)
    assert run([*case_add(demo_path), "--as", "clerk"]) == 0
    assert asked == ["用户 clerk 的密码："]
    assert actors(demo_path)[-1] == "clerk"
    out, err = capsys.readouterr()
    assert "clerk123" not in out + err


def test_without_a_terminal_the_message_names_the_variable(demo_path: Path, capsys, monkeypatch):
    monkeypatch.setattr("getpass.getpass", lambda prompt: pytest.fail("asked without a tty"))
    before = dump(demo_path)
    err = refused(capsys, [*case_add(demo_path), "--as", "clerk"])
    assert "“clerk”的密码" in err and PASSWORD in err
    assert dump(demo_path) == before


def test_giving_up_at_the_prompt_is_cancelling(demo_path: Path, capsys, monkeypatch) -> None:
    def ctrl_d(prompt: str) -> str:
        raise EOFError

    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass", ctrl_d)
    before = dump(demo_path)
    assert run([*case_add(demo_path), "--as", "clerk"]) == 130
    assert capsys.readouterr().err == "已取消。\n"
    assert dump(demo_path) == before


def test_no_password_option_exists_for_signing_in(demo_path: Path, capsys) -> None:
    """Other users could read it in the process list: a prompt or the environment only."""
    before = dump(demo_path)
    with pytest.raises(SystemExit) as exit_code:
        run([*case_add(demo_path), "--as", "clerk", "--password", "clerk123"])
    assert exit_code.value.code == 2
    assert "unrecognized arguments: --password" in capsys.readouterr().err
    assert dump(demo_path) == before


# ------------------------------------------------------------------ a password to change


def test_a_first_password_must_be_changed_before_working(demo_path: Path, capsys, monkeypatch):
    """As the window makes them: the administrator's password is only a way in."""
    monkeypatch.setenv(PASSWORD, "admin123")
    monkeypatch.setenv(NEW, "reset-123")
    reset = ["user", "set", "clerk", "--db", str(demo_path), "--as", "admin", "--password"]
    assert run(reset) == 0
    assert "reset-123" not in capsys.readouterr().out  # a chosen password is never shown
    monkeypatch.delenv(NEW)
    monkeypatch.setenv(USER, "clerk")
    monkeypatch.setenv(PASSWORD, "reset-123")
    before = dump(demo_path)
    for argv in (case_add(demo_path), ["case", "list", "--db", str(demo_path)]):
        err = refused(capsys, argv)
        assert "须先修改密码" in err and "towndesk account password" in err
    assert dump(demo_path) == before

    refused(capsys, ["account", "password", "--db", str(demo_path)])  # no new one given
    assert dump(demo_path) == before
    monkeypatch.setenv(NEW, "reset-123")
    assert "不能与原密码相同" in refused(capsys, ["account", "password", "--db", str(demo_path)])
    monkeypatch.setenv(NEW, "clerk-own-1")
    assert run(["account", "password", "--db", str(demo_path)]) == 0
    assert "clerk-own-1" not in capsys.readouterr().out
    assert "用户名或密码不正确" in refused(capsys, case_add(demo_path))  # the old one is gone
    monkeypatch.setenv(PASSWORD, "clerk-own-1")
    assert run(case_add(demo_path)) == 0
    assert actors(demo_path)[-1] == "clerk"


def test_a_new_password_typed_twice_must_match(demo_path: Path, capsys, monkeypatch) -> None:
    answers = iter(["one-new-pw", "another-pw"])
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(answers))
    monkeypatch.setenv(USER, "clerk")
    monkeypatch.setenv(PASSWORD, "clerk123")
    before = dump(demo_path)
    assert "不一致" in refused(capsys, ["account", "password", "--db", str(demo_path)])
    assert dump(demo_path) == before


# ------------------------------------------------------------------ every command


# Commands that open no township's database: they stay as they are (init, demo, self-test),
# join one with its own enrolment password, or write a blank form.
WITHOUT_SIGN_IN = {"init", "demo", "self-test", "device join", "setup template"}


def leaf_commands() -> dict[str, argparse.ArgumentParser]:
    found: dict[str, argparse.ArgumentParser] = {}

    def walk(parser: argparse.ArgumentParser, prefix: str) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    walk(sub, f"{prefix} {name}".strip())
        if prefix and not any(isinstance(a, argparse._SubParsersAction) for a in parser._actions):
            found[prefix] = parser

    walk(build_parser(), "")
    return found


def test_every_command_that_opens_the_database_names_who_signs_in() -> None:
    """A new command gets --as, and so a sign-in, unless it is one of the few above."""
    commands = leaf_commands()
    assert set(commands) >= WITHOUT_SIGN_IN
    for name, parser in commands.items():
        options = {o for a in parser._actions for o in a.option_strings}
        assert ("--as" in options) == (name not in WITHOUT_SIGN_IN), name
        # an option that takes a password: only a device's key (or its enrolment) password,
        # and init's, which stays as it was; never a user's
        typed = {o for a in parser._actions if a.nargs != 0 for o in a.option_strings}
        secrets = {o for o in typed if "password" in o}
        assert secrets <= KEY_PASSWORDS.get(name, set()), name


KEY_PASSWORDS = {
    "init": {"--admin-password"},
    "device join": {"--password"},
    "device enrol": {"--key-password", "--device-password"},
    "device revoke": {"--key-password"},
    "sync export": {"--key-password"},
    "sync verify": {"--key-password"},
    "sync import": {"--key-password"},
    "encrypt": {"--key-password"},
}


def test_an_administrator_gives_a_first_password_without_an_option(
    demo_path: Path, capsys, monkeypatch
) -> None:
    """Typed twice at a terminal, or a random one shown once to hand over; the new user
    changes it before working."""
    monkeypatch.setenv(USER, "admin")
    monkeypatch.setenv(PASSWORD, "admin123")
    add = ["user", "add", "li", "--name", "李四", "--role", "受理员", "--unit", "ZHB"]
    assert run([*add, "--db", str(demo_path)]) == 0
    out = capsys.readouterr().out
    first = out.split("初始密码（请当面告知本人）：")[1].split()[0]
    answers = iter(["typed-first", "typed-first"])
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(answers))
    add[2] = "zhang"
    assert run([*add, "--db", str(demo_path)]) == 0
    assert "typed-first" not in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    for username, password in (("li", first), ("zhang", "typed-first")):
        monkeypatch.setenv(USER, username)
        monkeypatch.setenv(PASSWORD, password)
        assert "须先修改密码" in refused(capsys, ["case", "list", "--db", str(demo_path)])
