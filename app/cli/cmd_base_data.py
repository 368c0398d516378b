"""The township's base data from the command line: ``towndesk setup export | template |
import | standard`` (the workbook, the shipped starting set) and ``towndesk department |
grid | category | user add | set | deactivate``. The administrator's changes, checked by
core/base_data.py and written as events by store/base_data.py."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from app.cli import cmd_deciders
from app.cli.context import Commands, CommonOptions, Context, command_group
from app.cli.output import print_json
from app.cli.signin import new_password
from app.core.base_data_sheets import ROLE_WORDS, ROUTE_WORDS, TIER_WORDS
from app.core.errors import DomainError
from app.core.model import Category, Department, Grid, Role, Route, Tier, User
from app.store.reference import ReferenceData, user_by_name

KIND_WORDS = {"department": "部门", "grid": "网格", "category": "问题类别", "user": "用户"}


def register(commands: Commands, common: CommonOptions) -> None:
    acting = [common.database, common.user, common.json]
    setup = command_group(commands, "setup", "基础数据表：导出、模板、导入，标准起步目录")
    p = setup.add_parser(
        "export",
        help="把部门、网格、问题类别、用户导出为一个 .xlsx（含人员电话，仅限管理员）",
        parents=[common.database, common.user],
    )
    p.add_argument("-o", "--output", required=True, type=Path)
    p.set_defaults(handler=setup_export)
    p = setup.add_parser("template", help="空白的基础数据表（带填写说明和示例）")
    p.add_argument("-o", "--output", required=True, type=Path)
    p.set_defaults(handler=setup_template)
    p = setup.add_parser("import", help="导入基础数据表（全部通过才写入）", parents=acting)
    p.add_argument("file", type=Path)
    p.set_defaults(handler=setup_import)
    p = setup.add_parser(
        "standard", help="导入随程序提供的标准起步目录（常见部门和问题类别）", parents=acting
    )
    p.set_defaults(handler=setup_standard)
    cmd_deciders.register(setup, common)

    for kind, add_options in (
        ("department", _department_options),
        ("grid", _grid_options),
        ("category", _category_options),
        ("user", _user_options),
    ):
        group = command_group(commands, kind, f"{KIND_WORDS[kind]}：新增、修改、停用")
        key = "username" if kind == "user" else "code"
        for action, help_text in (("add", "新增"), ("set", "修改"), ("deactivate", "停用")):
            p = group.add_parser(action, help=f"{help_text}{KIND_WORDS[kind]}", parents=acting)
            p.add_argument("key", metavar=key.upper())  # not "username": that is --as
            if action != "deactivate":
                add_options(p, required=action == "add")
            if action == "set":
                p.add_argument("--reactivate", action="store_true", help="重新启用")
            p.set_defaults(handler=save_record, kind=kind, action=action)
        if kind == "category":
            p = group.add_parser(
                "split",
                help="把一个问题类别拆分为更细的类别（原类别保留给已有案件，不再用于新案件）",
                parents=acting,
            )
            p.add_argument("key", metavar="CODE")
            p.add_argument(
                "--into",
                nargs="+",
                required=True,
                metavar="编码:名称",
                help="更细的类别，至少两个，如 040201:建筑施工噪声 040202:社会生活噪声",
            )
            p.set_defaults(handler=split_category)


def _department_options(p: argparse.ArgumentParser, required: bool) -> None:
    if required:
        p.add_argument("--tier", required=True, help="1 本镇 / X 派驻单位 / Y 区直部门")
    p.add_argument("--name", required=required, help="全称")
    p.add_argument("--short", help="简称")
    p.add_argument("--parent", help="上级主管部门编码（只用于 X 类单位）")
    p.add_argument("--phone", help="值班电话")
    p.add_argument("--contact", help="联系人")


def _grid_options(p: argparse.ArgumentParser, required: bool) -> None:
    p.add_argument("--name", required=required)
    p.add_argument("--village", required=required, help="所在村或社区")
    p.add_argument("--description", help="区域描述")
    p.add_argument("--worker", help="网格员用户名")


def _category_options(p: argparse.ArgumentParser, required: bool) -> None:
    p.add_argument("--name", required=required)
    if required:
        p.add_argument("--group", help="所属大类编码（不填则新增一个大类）")
    p.add_argument("--route", help="默认处置方式：1 / X / Y")
    p.add_argument("--unit", help="默认单位编码")
    p.add_argument("--days", type=int, help="办理时限（工作日）")
    p.add_argument("--hours", type=int, help="办理时限（小时，用于紧急隐患）")
    p.add_argument("--sign-days", type=int, help="签收时限（工作日）")
    p.add_argument("--matter", help="权责清单事项编码")


def _user_options(p: argparse.ArgumentParser, required: bool) -> None:
    p.add_argument("--name", required=required)
    p.add_argument("--role", required=required, help="管理员、受理员、网格员、部门人员 …")
    p.add_argument("--unit", required=required, help="单位编码")
    p.add_argument("--phone")
    if not required:  # a new user always gets a first password
        p.add_argument("--password", action="store_true", help="重设密码（本人下次登录时须修改）")


def _choice(text: str, words: dict[str, Any], field: str) -> Any:
    try:
        return words[text.strip().upper()]
    except KeyError:
        raise DomainError("cell_choice_invalid", value=text, found=field) from None


def _given(args: argparse.Namespace, **fields: str) -> dict[str, Any]:
    """The options typed, under the record's field names."""
    return {name: getattr(args, option) for name, option in fields.items()
            if getattr(args, option, None) is not None}  # fmt: skip


def _department(ctx: Context, ref: ReferenceData, new: bool) -> Department:
    args = ctx.args
    if new:
        tier = Tier(_choice(args.tier, TIER_WORDS, "--tier"))
        old = Department(args.key, args.name, args.short or "", tier)
    else:
        old = _existing(ref.departments, args.key, "department_unknown")
    changes = _given(
        args, name="name", short_name="short", parent_code="parent", duty_phone="phone",
        contact="contact",
    )  # fmt: skip
    return replace(old, **changes)


def _grid(ctx: Context, ref: ReferenceData, new: bool) -> Grid:
    args = ctx.args
    old = Grid(args.key, "", "") if new else _existing(ref.grids, args.key, "grid_unknown")
    changes = _given(args, name="name", area="village", description="description")
    if getattr(args, "worker", None) is not None:
        changes["worker_id"] = user_by_name(ctx.db, args.worker).id if args.worker else None
    return replace(old, **changes)


def _category(ctx: Context, ref: ReferenceData, new: bool) -> Category:
    args = ctx.args
    if new:
        old = Category(args.key, args.name, args.group)
    else:
        old = _existing(ref.categories, args.key, "category_unknown")
    changes = _given(
        args, name="name", department_code="unit", limit_days="days", limit_hours="hours",
        sign_days="sign_days", matter_code="matter",
    )  # fmt: skip
    if getattr(args, "route", None) is not None:
        changes["route"] = Route(_choice(args.route, ROUTE_WORDS, "--route"))
    if getattr(args, "days", None) is not None:
        changes.setdefault("limit_hours", None)  # one limit or the other
    if getattr(args, "hours", None) is not None:
        changes.setdefault("limit_days", None)
    return replace(old, **changes)


def _user(ctx: Context, ref: ReferenceData, new: bool) -> User:
    args = ctx.args
    old = User("", args.key, "", Role.CLERK, "") if new else user_by_name(ctx.db, args.key)
    changes = _given(args, name="name", department_code="unit", phone="phone")
    if getattr(args, "role", None) is not None:
        changes["role"] = Role(_choice(args.role, ROLE_WORDS, "--role"))
    return replace(old, **changes)


def _existing(records: dict[str, Any], code: str, unknown: str) -> Any:
    """The record to change; ``unknown``: the message when there is none."""
    try:
        return records[code.strip().upper()]
    except KeyError:
        raise DomainError(unknown, value=code) from None


RECORDS: dict[str, Callable[[Context, ReferenceData, bool], Any]] = {
    "department": _department,
    "grid": _grid,
    "category": _category,
    "user": _user,
}


def save_record(ctx: Context) -> int:
    """``add``, ``set`` or ``deactivate`` one record (``set --password``: a reset)."""
    from app.store import base_data

    args, db, wall = ctx.args, ctx.db, ctx.clock.wall
    new = args.action == "add"
    record = RECORDS[args.kind](ctx, ReferenceData(db), new)
    if args.action == "deactivate" or getattr(args, "reactivate", False):
        record = replace(record, active=args.action != "deactivate")
    password = generated = ""
    if args.kind == "user" and (new or getattr(args, "password", False)):
        password, generated = _first_password()
    if args.kind == "user":
        saved = base_data.save_user(db, ctx.user, record, new=new, wall=wall, password=password)
    else:
        save = getattr(base_data, f"save_{args.kind}")
        saved = save(db, ctx.user, record, new=new, wall=wall)
    if ctx.json:
        print_json(asdict(saved) | ({"first_password": generated} if generated else {}))
        return 0
    done = {"add": "已新增", "set": "已修改", "deactivate": "已停用"}[args.action]
    name = getattr(saved, "username", None) or saved.code
    print(f"{done}{KIND_WORDS[args.kind]} {name}：{saved.name}")
    if generated:
        print(f"初始密码（请当面告知本人）：{generated}")
    if password:
        print(f"{saved.username} 下次登录时须修改密码。")
    return 0


def _first_password() -> tuple[str, str]:
    """The password the administrator gives (a first one, or a reset): typed twice, or
    from ``TOWNDESK_NEW_PASSWORD``, never an option; else a random one, shown once so the
    administrator can hand it over (the second value, empty when it was chosen)."""
    from app.cli.cmd_setup import random_password

    chosen = new_password()
    if chosen is not None:
        return chosen, ""
    generated = random_password()
    return generated, generated


def setup_export(ctx: Context) -> int:
    from app.core.permissions import MANAGE_REFERENCE_DATA, require
    from app.reports.setup_workbook import export_workbook

    require(ctx.user.role, MANAGE_REFERENCE_DATA)  # every user's name and phone is in it
    counts = export_workbook(ctx.db, ctx.args.output)
    summary = "，".join(f"{sheet} {n} 行" for sheet, n in counts.items())
    print(f"已导出基础数据表：{ctx.args.output}（{summary}；不含密码）")
    return 0


def setup_template(ctx: Context) -> int:
    from app.reports.setup_workbook import write_template

    write_template(ctx.args.output)
    print(f"已生成空白基础数据表：{ctx.args.output}（“示例”开头的行导入时会跳过）")
    return 0


def setup_import(ctx: Context) -> int:
    from app.reports.setup_workbook import read_workbook

    return _import(ctx, read_workbook(ctx.args.file), ctx.args.file.name)


def setup_standard(ctx: Context) -> int:
    from app.store.base_data_import import standard_set

    return _import(ctx, standard_set(), "标准起步目录")


def _import(ctx: Context, dataset: Any, source: str) -> int:
    from app.store.base_data_import import import_base_data

    done = import_base_data(ctx.db, ctx.user, dataset, wall=ctx.clock.wall)
    if ctx.json:
        print_json(asdict(done))
        return 0
    added = "，".join(f"{sheet} {n}" for sheet, n in done.added.items()) or "无"
    changed = "，".join(f"{sheet} {n}" for sheet, n in done.changed.items()) or "无"
    print(f"已导入{source}：新增 {added}；修改 {changed}。")
    if done.passwords:
        print("新用户的初始密码（请当面告知本人，首次登录须修改）：")
        for username, password in done.passwords.items():
            print(f"  {username:<14} {password}")
    return 0


def split_category(ctx: Context) -> int:
    """``category split CODE --into NEW:名称 …`` (core/category_split.py)."""
    from app.core.category_split import parse_into
    from app.store.base_data import split_category as split

    args = ctx.args
    made = split(ctx.db, ctx.user, args.key, parse_into(args.into), wall=ctx.clock.wall)
    if ctx.json:
        print_json([asdict(c) for c in made])
    else:
        names = "、".join(f"{c.code} {c.name}" for c in made)
        print(f"已将问题类别 {args.key.strip().upper()} 拆分为：{names}。已有案件保留原类别。")
    return 0
