"""Setting a township up and looking after it: ``towndesk init | demo | rebuild | self-test |
screenshot``, and the reference lists ``categories | grids | departments | users``."""

from __future__ import annotations

import argparse
import json
import os
import secrets
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

from app.cli.context import Commands, CommonOptions, Context
from app.cli.output import print_json, print_table
from app.core.errors import DomainError
from app.core.model import chinese
from app.store import reference

PAGES = [
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
    "base_data",
    "signin",
]
REFERENCE_LISTS = [
    ("categories", "问题类别"),
    ("grids", "网格"),
    ("departments", "部门（1+X+Y）"),
    ("users", "用户"),
]


def register(commands: Commands, common: CommonOptions) -> None:
    p = commands.add_parser("init", help="创建一个空的乡镇数据库", parents=[common.database])
    p.add_argument("--township", required=True, help="乡镇名称，如 青石镇")
    p.add_argument("--code", required=True, help="乡镇编码（大写字母），用于案件编号")
    p.add_argument(
        "--authority", help="文书落款的执法主体全称（默认“乡镇名称人民政府”，如 白石镇人民政府）"
    )
    p.add_argument("--address", default="", help="综合执法办的地址")
    p.add_argument("--phone", default="", help="综合执法办的值班电话")
    p.add_argument("--admin-password", help="管理员 admin 的密码（不填则随机生成并显示）")
    p.set_defaults(handler=init)

    p = commands.add_parser("demo", help="生成演示乡镇（青石镇）", parents=[common.database])
    p.add_argument("--cases", type=int, default=3000, help="演示案件数（默认 3000）")
    p.add_argument("--seed", type=int, default=1, help="随机种子")
    p.add_argument(
        "--walk",
        type=_how_many,
        help="只让最近受理的这么多件走案件流程，其余停在待研判分拨（默认全部；做大库测速时用）",
    )
    p.add_argument("--if-missing", action="store_true", help="数据库已存在时什么也不做")
    p.set_defaults(handler=demo)

    p = commands.add_parser(
        "rebuild", help="由事件日志重建全部数据表", parents=[common.database, common.user]
    )
    p.set_defaults(handler=rebuild)

    p = commands.add_parser(
        "self-test", help="离屏打开主窗口并检查数据库", parents=[common.database]
    )
    p.set_defaults(handler=self_test)

    p = commands.add_parser(
        "screenshot",
        help="把某个页面渲染成 PNG 图片（以登录用户所见）",
        parents=[common.database, common.user],
    )
    p.add_argument("--page", default="cases", choices=PAGES)
    p.add_argument("--case", dest="case_number", help="--page case 时显示的案件编号")
    p.add_argument("--lang", choices=["zh_CN", "en"], default="zh_CN")
    p.add_argument(
        "--size", default="1366x728", help="宽x高，默认 1366x728（1366×768 屏幕减去任务栏）"
    )
    p.add_argument("-o", "--output", required=True, type=Path)
    p.set_defaults(handler=screenshot)

    for name, help_text in REFERENCE_LISTS:
        p = commands.add_parser(
            name, help=f"列出{help_text}", parents=[common.database, common.user, common.json]
        )
        p.set_defaults(handler=reference_list, kind=name)


def random_password() -> str:
    return secrets.token_urlsafe(9)


def _terminal_progress(label: str) -> Callable[[int, int], bool]:
    def show(done: int, total: int) -> bool:
        if sys.stderr.isatty():
            print(f"\r{label}：{done}/{total}", end="", file=sys.stderr, flush=True)
        return True

    return show


def init(ctx: Context) -> int:
    from app.core.model import Township
    from app.store.setup import initialise_township

    args, path = ctx.args, ctx.database_path
    password = args.admin_password or random_password()
    profile = Township(args.township, args.code, args.authority or "", args.address, args.phone)
    initialise_township(
        path, args.township, args.code, password, wall=ctx.clock.wall, profile=profile
    )
    print(f"已创建 {args.township}（{args.code.upper()}），文书落款 {profile.issuer}：{path}")
    print(f"管理员用户名 admin，密码 {password}")
    return 0


def _how_many(text: str) -> int:
    """A count given on the command line: a whole number, not negative."""
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"“{text}”不是件数，应填 0 或正整数")
    return int(text)


def demo(ctx: Context) -> int:
    from app.store.demo.township import build_demo, demo_users

    args, path = ctx.args, ctx.database_path
    if args.if_missing and path.exists():
        print(f"演示数据库已存在：{path}")
        return 0
    if path.exists():
        raise DomainError("database_exists", value=str(path))
    started = time.perf_counter()
    build_demo(
        path,
        now_ms=ctx.clock.wall(),
        cases=args.cases,
        seed=args.seed,
        walk=args.walk,
        progress=_terminal_progress("生成演示案件"),
    )
    seconds = time.perf_counter() - started
    print(f"\n已生成演示乡镇：{path}（{args.cases} 件案件，用时 {seconds:.1f} 秒）")
    print("演示账号（用户名 / 密码 / 角色）：")
    for user in demo_users():
        print(f"  {user.username:<14} {user.password:<12} {user.name}")
    print("  wgy01..wgy19   grid123      各网格网格员")
    return 0


def rebuild(ctx: Context) -> int:
    from app.store.rebuild import rebuild as replay

    actor = ctx.user
    started = time.perf_counter()
    count = replay(ctx.db, actor, _terminal_progress("重建"))
    print(f"\n已由 {count} 条事件重建全部数据（{time.perf_counter() - started:.1f} 秒）。")
    return 0


def self_test(ctx: Context) -> int:
    """Open the window offscreen on the given database, or on a small fresh demo."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.ui.render import self_test as check_window

    path = ctx.database_given
    with tempfile.TemporaryDirectory(prefix="towndesk-self-test-") as folder:
        if path is None:
            from app.store.demo.township import build_demo

            path = Path(folder) / "self-test.sqlite3"
            build_demo(path, now_ms=ctx.clock.wall(), cases=200)
        # a given database: with its key when encrypted (the device password is asked)
        problems = check_window(ctx.database if ctx.database_given else path, ctx.clock)
    from app.store.encryption import self_test as check_database_encryption
    from app.sync.keys import self_test as check_crypto

    problems += check_crypto() + check_database_encryption()
    for problem in problems:
        print(f"自检失败：{problem}", file=sys.stderr)
    if not problems:
        print("自检通过：主窗口已打开并渲染，数据库完好，加密组件可用。")
    return 1 if problems else 0


def screenshot(ctx: Context) -> int:
    args = ctx.args
    width, height = (int(n) for n in args.size.lower().split("x"))
    # the picture shows case data as this user sees it: they sign in, as in the window
    username = ctx.user.username
    ctx.close()
    with tempfile.TemporaryDirectory(prefix="towndesk-screen-") as folder:
        if "QT_QPA_PLATFORM" not in os.environ:  # a screen of that size: dialogs fit it
            screen = Path(folder) / "screen.json"
            size = {"x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96}
            screen.write_text(json.dumps({"screens": [{"name": "screen", **size}]}))
            os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"
        from app.ui.render import render_page

        render_page(
            ctx.database,  # with its key when encrypted
            args.page,
            args.output,
            ctx.clock,
            username=username,
            size=(width, height),
            language=args.lang,
            case_number=args.case_number,
        )
    print(f"已保存：{args.output}")
    return 0


def reference_list(ctx: Context) -> int:
    db, kind = ctx.db, ctx.args.kind
    items = getattr(reference, kind)(db)
    if ctx.json:
        print_json([asdict(item) for item in items])
        return 0
    if kind == "categories":
        rows = [
            [
                c.code,
                ("  " if c.parent_code else "") + c.name,
                c.route.value if c.route else "",
                c.department_code or "",
                str(c.limit_days or ""),
            ]
            for c in items
        ]
        print_table(["编码", "名称", "默认去向", "默认单位", "办理时限(工作日)"], rows)
    elif kind == "grids":
        print_table(["编码", "名称", "所在村社区"], [[g.code, g.name, g.area] for g in items])
    elif kind == "departments":
        print_table(
            ["编码", "名称", "层级", "值班电话"],
            [[d.code, d.name, chinese(d.tier), d.duty_phone] for d in items],
        )
    else:
        ref = reference.ReferenceData(db)
        print_table(
            ["用户名", "姓名", "角色", "单位"],
            [
                [u.username, u.name, chinese(u.role), ref.department_name(u.department_code)]
                for u in items
            ],
        )
    return 0
