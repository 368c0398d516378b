"""The entry of ``towndesk``: build the parser from the command groups, run one command with
its ``Context``, and turn what went wrong into one plain Chinese line on stderr and an exit
code (2 a rule or the arguments, 1 the database or a file, 130 cancelled). With no command,
it opens the window."""

from __future__ import annotations

import argparse
import errno
import os
import sys
from collections.abc import Callable
from typing import NoReturn

from app import __version__
from app.cli import (
    cmd_account,
    cmd_base_data,
    cmd_bulletin,
    cmd_case,
    cmd_desk,
    cmd_disputes,
    cmd_encrypt,
    cmd_lists,
    cmd_meetings,
    cmd_setup,
    cmd_stats,
    cmd_sync,
)
from app.cli.context import Context, common_options, user_option
from app.core.clock import Clock
from app.core.errors import DomainError
from app.store import sqlite_driver
from app.store.db_file import storage_error
from app.store.encryption import needs_key

# Listed here, not discovered, so PyInstaller sees every command module; in ``--help`` order.
COMMAND_GROUPS = (
    cmd_setup,
    cmd_base_data,
    cmd_case,
    cmd_desk,
    cmd_sync,
    cmd_encrypt,
    cmd_lists,
    cmd_meetings,
    cmd_disputes,
    cmd_bulletin,
    cmd_account,
    cmd_stats,
)

Handler = Callable[[Context], int]


def run(argv: list[str], clock: Clock | None = None) -> int:
    """``clock``: what the commands know the time by (tests hand a frozen one)."""
    args = build_parser().parse_args(argv)
    if clock is None:
        from app.wall_clock import system_clock

        clock = system_clock()
    command: Handler = getattr(args, "handler", open_window)
    ctx = Context(args, clock)
    try:
        try:
            return command(ctx)
        finally:
            ctx.close()
    except DomainError as error:
        print(f"错误：{error}", file=sys.stderr)
        for problem in getattr(error, "problems", []):  # a workbook's rows, each on its line
            print(f"  {problem.text()}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `towndesk case list | head`
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - Python flushes it at exit
        return 0
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return 130
    except sqlite_driver.Error as error:
        if "locked" in str(error):
            print("错误：数据库正被另一个程序写入，请稍后再试。", file=sys.stderr)
        else:  # a full disk, a damaged or read-only file: the store's plain words
            print(f"错误：{storage_error(error, ctx.database_path)}", file=sys.stderr)
        return 1
    except OSError as error:
        if error.errno in (errno.ENOSPC, errno.EDQUOT):
            print(f"错误：{DomainError('disk_full')}", file=sys.stderr)
        else:
            print(
                f"错误：无法读写文件 {error.filename or ''}（{error.strerror}）。", file=sys.stderr
            )
        return 1


class _Parser(argparse.ArgumentParser):
    """argparse's own messages are English; say in Chinese what went wrong and where to look."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"错误：命令参数不对（{message}）。用 {self.prog} --help 查看用法。\n")


def build_parser() -> argparse.ArgumentParser:
    common = common_options()
    parser = _Parser(
        prog="towndesk",
        description="TownDesk 乡镇综合执法联动工作台",
        # --as before the command name: who signs in, or whose name the window fills in
        parents=[common.database, user_option(None)],
    )
    parser.add_argument("--version", action="version", version=f"TownDesk {__version__}")
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="界面语言（默认中文）")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    for group in COMMAND_GROUPS:
        group.register(commands, common)
    return parser


def open_window(ctx: Context) -> int:
    """No command: the window, on ``--db`` or the usual database (it offers the demo if
    there is none yet)."""
    from app.ui.app import run_window

    path = ctx.database_path
    if path.exists() and not needs_key(path):  # a clear message on the terminal if it
        ctx.check_database()  # cannot be opened; an encrypted one: the window asks first
    return run_window(path, ctx.clock, ctx.args.lang, ctx.args.username)
