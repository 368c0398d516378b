"""``towndesk case party add | remove``: a case's parties (当事人), a person or an
organisation, recorded by the office or the unit handling the case, signed in as always."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.case_output import party_json
from app.cli.context import Context
from app.cli.output import print_json
from app.core.case_path.parties import KIND_WORDS, PartyKind, PartyRequest


def register_party(case: Any, acting: list[argparse.ArgumentParser]) -> None:
    """The ``party`` group under ``case`` (``case`` is its subparsers object)."""
    group = case.add_parser("party", help="当事人：登记、移除（个人或单位）")
    commands = group.add_subparsers(dest="party_command", metavar="COMMAND", required=True)

    p = commands.add_parser(
        "add",
        help="登记当事人：--person 个人（姓名、身份证号码、电话、地址）或 --org 单位"
        "（名称、统一社会信用代码、法定代表人、地址）",
        parents=acting,
    )
    p.add_argument("number", help="案件编号")
    kind = p.add_mutually_exclusive_group(required=True)
    kind.add_argument("--person", dest="kind", action="store_const", const=PartyKind.PERSON)
    kind.add_argument("--org", dest="kind", action="store_const", const=PartyKind.ORGANISATION)
    p.add_argument("--name", required=True, help="个人姓名或单位名称")
    p.add_argument("--id-number", default="", help="个人：居民身份证号码（18 位）")
    p.add_argument("--phone", default="", help="个人：联系电话")
    p.add_argument("--credit-code", default="", help="单位：统一社会信用代码（18 位）")
    p.add_argument("--legal-rep", default="", help="单位：法定代表人")
    p.add_argument("--address", default="", help="住址或单位地址")
    p.set_defaults(handler=party_add)

    p = commands.add_parser("remove", help="移除登记有误的当事人（需说明理由）", parents=acting)
    p.add_argument("number", help="案件编号")
    p.add_argument("party", metavar="PARTY_ID", help="当事人编号（见 towndesk case show）")
    p.add_argument("--reason", required=True, help="移除的理由")
    p.set_defaults(handler=party_remove)


def party_add(ctx: Context) -> int:
    from app.store.cases import case_by_number
    from app.store.parties import add_party, case_parties

    args = ctx.args
    request = PartyRequest(
        kind=args.kind.value,
        name=args.name,
        id_number=args.id_number,
        phone=args.phone,
        address=args.address,
        credit_code=args.credit_code,
        legal_rep=args.legal_rep,
    )
    user = ctx.user
    # the new party is the one not there before (its number is made in the transaction)
    before = {p.id for p in case_parties(ctx.db, case_by_number(ctx.db, args.number).id, user.role)}
    case = add_party(ctx.db, user, args.number, request, wall=ctx.clock.wall)
    [added] = [p for p in case_parties(ctx.db, case.id, user.role) if p.id not in before]
    if ctx.json:
        print_json({"number": case.number, "party": party_json(added)})
    else:
        print(f"{case.number}：已登记当事人 {added.id}（{KIND_WORDS[added.kind].zh}）")
    return 0


def party_remove(ctx: Context) -> int:
    from app.store.parties import remove_party

    args = ctx.args
    case = remove_party(ctx.db, ctx.user, args.number, args.party, args.reason, wall=ctx.clock.wall)
    if ctx.json:
        print_json({"number": case.number, "removed": args.party.strip().lower()})
    else:
        print(f"{case.number}：已移除当事人 {args.party.strip().lower()}")
    return 0
