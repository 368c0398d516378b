"""``towndesk setup principal``: who decides a transfer to the police (行刑衔接, order 310
art. 5: the authority's principal leader, or the one presiding in their place), named by the
administrator; shown without arguments."""

from __future__ import annotations

from app.cli.context import Commands, CommonOptions, Context
from app.cli.output import print_json
from app.core.errors import DomainError
from app.core.police_transfer import Deciders, deciders_note


def register(setup: Commands, common: CommonOptions) -> None:
    """A subcommand of ``towndesk setup`` (cmd_base_data.py owns the group)."""
    p = setup.add_parser(
        "principal",
        help="设定审批移送公安的主要负责人（及主持工作的负责人）；不带参数则显示当前设定",
        parents=[common.database, common.user, common.json],
    )
    p.add_argument("principal", nargs="?", metavar="用户名", help="主要负责人（领导账号）")
    p.add_argument("--acting", metavar="用户名", help="主持工作的负责人（可选，领导账号）")
    p.add_argument("--none", action="store_true", help="取消设定：恢复为任一领导均可审批移送公安")
    p.set_defaults(handler=principal)


def principal(ctx: Context) -> int:
    from app.store.police_transfers import deciders_of, set_deciders

    args, db = ctx.args, ctx.db
    if args.none or args.principal or args.acting:
        if args.none and (args.principal or args.acting):
            raise DomainError("principal_none_with_names")
        chosen = (None, None) if args.none else (args.principal, args.acting)
        deciders = set_deciders(db, ctx.user, *chosen, wall=ctx.clock.wall)
    else:
        deciders = deciders_of(db)
    if ctx.json:
        print_json(_json(deciders))
        return 0
    note = deciders_note(deciders)
    if note is not None:
        print(note.zh)
        return 0
    assert deciders.principal is not None
    print(f"审批移送公安：主要负责人 {deciders.principal[1]}", end="")
    print(f"，主持工作的负责人 {deciders.acting[1]}" if deciders.acting else "")
    return 0


def _json(deciders: Deciders) -> dict[str, str | None]:
    principal, acting = deciders.principal, deciders.acting
    return {
        "principal": principal[1] if principal else None,
        "acting": acting[1] if acting else None,
    }
