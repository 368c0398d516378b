"""The commands behind ``towndesk``: each opens the database, acts, prints, returns a status."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from app.cli import database_path, random_password
from app.cli_output import case_json, print_case, print_json, print_table, timeline_json
from app.core.errors import DomainError
from app.core.intake import IntakeRequest
from app.core.model import CaseSource, CaseStatus, chinese
from app.store import reference
from app.store.setup import open_database


def init(args: argparse.Namespace) -> int:
    from app.store.setup import initialise_township

    path = database_path(args)
    password = args.admin_password or random_password()
    initialise_township(path, args.township, args.code, password, wall=args.clock.wall)
    print(f"已创建 {args.township}（{args.code.upper()}）：{path}")
    print(f"管理员用户名 admin，密码 {password}")
    return 0


def demo(args: argparse.Namespace) -> int:
    from app.store.demo.township import build_demo, demo_users

    path = database_path(args)
    if args.if_missing and path.exists():
        print(f"演示数据库已存在：{path}")
        return 0
    if path.exists():
        raise DomainError("database_exists", value=str(path))
    started = time.perf_counter()
    build_demo(
        path,
        now_ms=args.clock.wall(),
        cases=args.cases,
        seed=args.seed,
        progress=_terminal_progress("生成演示案件"),
    )
    seconds = time.perf_counter() - started
    print(f"\n已生成演示乡镇：{path}（{args.cases} 件案件，用时 {seconds:.1f} 秒）")
    print("演示账号（用户名 / 密码 / 角色）：")
    for user in demo_users():
        print(f"  {user.username:<14} {user.password:<12} {user.name}")
    print("  wgy01..wgy19   grid123      各网格网格员")
    return 0


def _terminal_progress(label: str) -> Callable[[int, int], bool]:
    def show(done: int, total: int) -> bool:
        if sys.stderr.isatty():
            print(f"\r{label}：{done}/{total}", end="", file=sys.stderr, flush=True)
        return True

    return show


def rebuild(args: argparse.Namespace) -> int:
    from app.store.rebuild import rebuild as replay

    db = open_database(database_path(args))
    actor = reference.user_by_name(db, args.username)
    started = time.perf_counter()
    count = replay(db, actor, _terminal_progress("重建"))
    print(f"\n已由 {count} 条事件重建全部数据（{time.perf_counter() - started:.1f} 秒）。")
    return 0


def self_test(args: argparse.Namespace) -> int:
    """Open the window offscreen on the given database, or on a small fresh demo."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.ui.render import self_test as check_window

    path = getattr(args, "db", None)
    with tempfile.TemporaryDirectory(prefix="towndesk-self-test-") as folder:
        if path is None:
            from app.store.demo.township import build_demo

            path = Path(folder) / "self-test.sqlite3"
            build_demo(path, now_ms=args.clock.wall(), cases=200)
        problems = check_window(path, args.clock)
    from app.sync.keys import self_test as check_crypto

    problems += check_crypto()
    for problem in problems:
        print(f"自检失败：{problem}", file=sys.stderr)
    if not problems:
        print("自检通过：主窗口已打开并渲染，数据库完好，加密组件可用。")
    return 1 if problems else 0


def screenshot(args: argparse.Namespace) -> int:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.ui.render import render_page

    width, height = (int(n) for n in args.size.lower().split("x"))
    path = database_path(args)
    open_database(path).close()
    render_page(
        path,
        args.page,
        args.output,
        args.clock,
        username=args.username,
        size=(width, height),
        language=args.lang,
        case_number=args.case_number,
    )
    print(f"已保存：{args.output}")
    return 0


def add_case_commands(commands, database_option, actor_option) -> None:  # type: ignore[no-untyped-def]
    p = commands.add_parser("add", help="登记案件")
    database_option(p)
    actor_option(p)
    p.add_argument("--category", required=True, help="问题类别编码（见 towndesk categories）")
    p.add_argument("--grid", required=True, help="网格编码（见 towndesk grids）")
    p.add_argument("--description", required=True, help="问题描述")
    p.add_argument("--address", default="")
    p.add_argument("--reporter", default="", help="反映人姓名（保密）")
    p.add_argument("--phone", default="", help="反映人电话（保密）")
    p.add_argument("--photo", nargs="+", type=Path, default=[], help="照片文件")
    p.add_argument("--source", choices=[s.value for s in CaseSource], help="来源（默认巡查发现）")
    p.add_argument("--from-unit", default="", help="移送来的案件：移送单位（来源即为移送）")
    p.add_argument("--from-letter", default="", help="移送来的案件：对方移送函的文号")
    p.add_argument("--urgent", action="store_true")
    p.add_argument("--lat", type=float)
    p.add_argument("--lon", type=float)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=case_add)

    p = commands.add_parser("list", help="查询案件")
    database_option(p)
    actor_option(p)
    p.add_argument("--status")
    p.add_argument("--category", help="类别编码（大类包含其下所有类别）")
    p.add_argument("--grid")
    p.add_argument("--source", choices=[s.value for s in CaseSource])
    p.add_argument("--from", dest="received_from", help="受理日期起 YYYY-MM-DD")
    p.add_argument("--to", dest="received_to", help="受理日期止 YYYY-MM-DD")
    p.add_argument("--search", default="", help="检索文字（支持单字、词和案件编号）")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=case_list)

    p = commands.add_parser("show", help="查看案件及其办理过程")
    database_option(p)
    actor_option(p)
    p.add_argument("number")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=case_show)


def case_add(args: argparse.Namespace) -> int:
    from app.store.blobs import BlobStore
    from app.store.cases import register_case
    from app.store.reference import ReferenceData

    path = database_path(args)
    db = open_database(path)
    actor = reference.user_by_name(db, args.username)
    sent = bool(args.from_unit.strip())  # a sender implies a case transferred in
    request = IntakeRequest(
        category_code=args.category,
        grid_code=args.grid,
        description=args.description,
        address=args.address,
        source=args.source or (CaseSource.TRANSFER if sent else CaseSource.PATROL),
        urgent=args.urgent,
        reporter_name=args.reporter,
        reporter_phone=args.phone,
        latitude=args.lat,
        longitude=args.lon,
        transfer_unit=args.from_unit,
        transfer_letter=args.from_letter,
    )
    case = register_case(
        db, BlobStore.beside(path), actor, request, args.photo, wall=args.clock.wall
    )
    if args.json:
        print_json(case_json(case, ReferenceData(db), actor.role))
    else:
        print(case.number)
    return 0


def case_list(args: argparse.Namespace) -> int:
    from app.store.case_list import CaseFilter, CaseSort, case_window, count_cases
    from app.store.reference import ReferenceData

    db = open_database(database_path(args))
    viewer = reference.user_by_name(db, args.username)
    ref = ReferenceData(db)
    case_filter = CaseFilter(
        status=_status(args.status),
        category_codes=_category_codes(ref, args.category),
        grid_code=_grid(ref, args.grid),
        source=args.source,
        received_from=_date(args.received_from),
        received_to=_date(args.received_to),
        text=args.search,
    )
    total = count_cases(db, case_filter)
    cases = case_window(db, case_filter, CaseSort(), 0, args.limit)
    if args.json:
        print_json({"total": total, "cases": [case_json(c, ref, viewer.role) for c in cases]})
        return 0
    rows = [
        [
            c.number,
            c.received_at[:16],
            chinese(c.status),
            ref.category_name(c.category_code),
            ref.grid_name(c.grid_code),
            _short(c.description, 30),
        ]
        for c in cases
    ]
    print_table(["案件编号", "受理时间", "状态", "类别", "网格", "问题描述"], rows)
    print(f"共 {total} 件" + (f"，显示前 {len(cases)} 件" if total > len(cases) else ""))
    return 0


def _category_codes(ref, code: str | None) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    if not code:
        return ()
    code = code.strip()
    if code not in ref.categories:
        raise DomainError("category_unknown", value=code)
    leaves = tuple(c.code for c in ref.categories.values() if c.parent_code == code)
    return leaves or (code,)


def _status(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return CaseStatus(value).value
    except ValueError:
        raise DomainError("status_unknown", value=value) from None


def _grid(ref, code: str | None) -> str | None:  # type: ignore[no-untyped-def]
    if code is not None and code not in ref.grids:
        raise DomainError("grid_unknown", value=code)
    return code


def _date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise DomainError("date_invalid", value=value) from None


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def case_show(args: argparse.Namespace) -> int:
    from app.store.cases import case_by_number, case_timeline
    from app.store.reference import ReferenceData

    db = open_database(database_path(args))
    viewer = reference.user_by_name(db, args.username)
    ref = ReferenceData(db)
    case = case_by_number(db, args.number)
    timeline = case_timeline(db, case.id, ref)
    if args.json:
        from app.cli_case_path import case_path_json

        print_json(
            {
                **case_json(case, ref, viewer.role),
                **case_path_json(db, case.id, args.clock.now()),
                "timeline": timeline_json(timeline),
            }
        )
    else:
        print_case(case, ref, viewer.role, timeline)
    return 0


def reference_list(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    db = open_database(database_path(args))
    kind = args.kind
    items = getattr(reference, kind)(db)
    if args.json:
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
