"""Headless commands. Errors go to stderr in plain words, exit non-zero, change nothing."""

from __future__ import annotations

import argparse
import os
import secrets
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

from app import __version__
from app.core.clock import Clock
from app.core.errors import DomainError
from app.paths import default_database

DEFAULT_AS = "admin"


def run(argv: list[str], clock: Clock | None = None) -> int:
    """``clock``: what the commands know the time by (tests hand a frozen one)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if clock is None:
        from app.wall_clock import system_clock

        clock = system_clock()
    args.clock = clock
    command: Callable[[argparse.Namespace], int] = getattr(args, "handler", open_window)
    try:
        return command(args)
    except DomainError as error:
        print(f"错误：{error}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `towndesk case list | head`
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - Python flushes it at exit
        return 0
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return 130
    except sqlite3.OperationalError as error:
        if "locked" in str(error):
            print("错误：数据库正被另一个程序写入，请稍后再试。", file=sys.stderr)
        else:
            print(f"错误：数据库操作失败（{error}）。", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"错误：无法读写文件 {error.filename or ''}（{error.strerror}）。", file=sys.stderr)
        return 1


class _Parser(argparse.ArgumentParser):
    """argparse's own messages are English; say in Chinese what went wrong and where to look."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"错误：命令参数不对（{message}）。用 {self.prog} --help 查看用法。\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="towndesk", description="TownDesk 乡镇综合执法联动工作台")
    parser.add_argument("--version", action="version", version=f"TownDesk {__version__}")
    _database_option(parser)
    parser.add_argument("--as", dest="username", help="打开窗口时预填的用户名")
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="界面语言（默认中文）")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    from app import cli_commands as c

    p = commands.add_parser("init", help="创建一个空的乡镇数据库")
    _database_option(p)
    p.add_argument("--township", required=True, help="乡镇名称，如 青石镇")
    p.add_argument("--code", required=True, help="乡镇编码（大写字母），用于案件编号")
    p.add_argument("--admin-password", help="管理员 admin 的密码（不填则随机生成并显示）")
    p.set_defaults(handler=c.init)

    p = commands.add_parser("demo", help="生成演示乡镇（青石镇）")
    _database_option(p)
    p.add_argument("--cases", type=int, default=3000, help="演示案件数（默认 3000）")
    p.add_argument("--seed", type=int, default=1, help="随机种子")
    p.add_argument("--if-missing", action="store_true", help="数据库已存在时什么也不做")
    p.set_defaults(handler=c.demo)

    p = commands.add_parser("rebuild", help="由事件日志重建全部数据表")
    _database_option(p)
    _actor_option(p)
    p.set_defaults(handler=c.rebuild)

    p = commands.add_parser("self-test", help="离屏打开主窗口并检查数据库")
    _database_option(p)
    p.set_defaults(handler=c.self_test)

    p = commands.add_parser("screenshot", help="把某个页面渲染成 PNG 图片")
    _database_option(p)
    _actor_option(p, default="clerk")
    p.add_argument(
        "--page",
        default="cases",
        choices=[
            "workbench",
            "cases",
            "case",
            "intake",
            "calls",
            "board",
            "lists",
            "disputes",
            "meetings",
            "triage",
            "statistics",
            "sync",
            "settings",
            "signin",
        ],
    )
    p.add_argument("--case", dest="case_number", help="--page case 时显示的案件编号")
    p.add_argument("--lang", choices=["zh_CN", "en"], default="zh_CN")
    p.add_argument("--size", default="1366x800", help="宽x高，默认 1366x800")
    p.add_argument("-o", "--output", required=True, type=Path)
    p.set_defaults(handler=c.screenshot)

    case = commands.add_parser("case", help="案件：登记、查询、查看").add_subparsers(
        title="case commands", metavar="ACTION"
    )
    c.add_case_commands(case, _database_option, _actor_option)
    from app import cli_case_path

    cli_case_path.add_commands(commands, case, _database_option, _actor_option)
    from app import cli_sync

    cli_sync.add_commands(commands, case, _database_option, _actor_option)
    from app import cli_lists

    cli_lists.add_commands(commands, _database_option, _actor_option)
    from app import cli_meetings

    cli_meetings.add_commands(commands, _database_option, _actor_option)
    from app import cli_disputes

    cli_disputes.add_commands(commands, _database_option, _actor_option)

    for name, help_text in [
        ("categories", "问题类别"),
        ("grids", "网格"),
        ("departments", "部门（1+X+Y）"),
        ("users", "用户"),
    ]:
        p = commands.add_parser(name, help=f"列出{help_text}")
        _database_option(p)
        p.add_argument("--json", action="store_true")
        p.set_defaults(handler=c.reference_list, kind=name)
    return parser


def _database_option(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS: accepted before or after the command name, whichever the user types
    parser.add_argument(
        "--db",
        type=Path,
        default=argparse.SUPPRESS,
        help="数据库文件（默认：用户数据目录中的 towndesk.sqlite3）",
    )


def _actor_option(parser: argparse.ArgumentParser, default: str = DEFAULT_AS) -> None:
    parser.add_argument(
        "--as", dest="username", default=default, help=f"以哪个用户身份操作（默认 {default}）"
    )


def database_path(args: argparse.Namespace) -> Path:
    return getattr(args, "db", None) or default_database()


def open_window(args: argparse.Namespace) -> int:
    from app.store.setup import open_database
    from app.ui.app import run_window

    path = database_path(args)
    if path.exists():  # a clear message on the terminal if it cannot be opened
        open_database(path).close()
    return run_window(path, args.clock, args.lang, args.username)  # no file yet: it offers the demo


def random_password() -> str:
    return secrets.token_urlsafe(9)
