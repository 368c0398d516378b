"""Transfers on the command line: ``case add --from-unit``, the new ``case act`` options
(threshold, receipt, outcome, override reason, not our duty), ``case transfers`` and
``towndesk transfer-letter``; human output and --json; refusals change nothing."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from app.core.model import Route
from app.store.cases import case_by_number
from app.store.disputes import disputes_of_case
from app.store.routing import suggestion_for
from app.store.setup import open_database
from tests.cli.signed import fails, ok, run
from tests.store.police_helpers import materials

POLICE = [
    "--offence",
    "销售假冒注册商标的商品罪",
    "--threshold",
    "现场查获假冒白酒约300瓶，货值约9万元，超过5万元的追诉标准",
    "--facts",
    "涉嫌犯罪，依法应移送公安机关",
]


def as_json(capsys: Any, *argv: str) -> Any:
    return json.loads(ok(capsys, *argv, "--json"))


def pending(path: Path, skip: int = 0) -> str:
    db = open_database(path)
    rows = db.execute(
        "SELECT number FROM cases WHERE status = 'pending_triage' "
        "AND id NOT IN (SELECT case_id FROM transfers UNION SELECT case_id FROM disputes) "
        "ORDER BY number LIMIT 1 OFFSET ?",
        [skip],
    ).fetchone()
    db.close()
    return rows[0]


def add_argv(path: Path, *extra: str) -> list[str]:
    return [
        "case",
        "add",
        "--db",
        str(path),
        "--as",
        "clerk",
        "--category",
        "0101",
        "--grid",
        "G01",
        "--description",
        "区住建局移送：村口违章搭建彩钢棚",
        *extra,
    ]


def act_argv(path: Path, number: str, action: str, *extra: str, who: str = "clerk") -> list[str]:
    return ["case", "act", "--db", str(path), "--as", who, number, action, *extra]


# -- transfers in --------------------------------------------------------------------------------


def test_a_case_transferred_in_names_its_sender(demo_path: Path, capsys) -> None:
    added = as_json(
        capsys,
        *add_argv(
            demo_path, "--from-unit", "区住房和城乡建设局", "--from-letter", "区住建移〔2026〕12号"
        ),
    )
    assert added["source"] == "transfer"  # the sender says where it came from
    [came] = as_json(capsys, "case", "transfers", "--db", str(demo_path), "--case", added["number"])
    assert (came["direction"], came["counterpart"], came["letter_no"]) == (
        "in",
        "区住房和城乡建设局",
        "区住建移〔2026〕12号",
    )
    assert came["waiting_for"] is None


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        (["--source", "transfer"], "移送单位"),
        (["--source", "hotline", "--from-unit", "区住建局"], "来源请选择“移送”"),
    ],
)
def test_a_transfer_in_without_its_sender_is_refused(
    demo_path: Path, capsys, extra: list[str], words: str
) -> None:
    assert words in fails(capsys, demo_path, *add_argv(demo_path, *extra))


def test_an_ordinary_case_is_still_a_patrol_find(demo_path: Path, capsys) -> None:
    assert as_json(capsys, *add_argv(demo_path))["source"] == "patrol"


# -- transfers out, receipt, outcome --------------------------------------------------------------


def test_police_transfer_receipt_and_outcome(demo_path: Path, capsys, tmp_path: Path) -> None:
    number = pending(demo_path)
    refused = fails(
        capsys, demo_path, *act_argv(demo_path, number, "transfer-police", *POLICE[:2], *POLICE[4:])
    )
    assert "追诉标准" in refused
    files, attached = materials(tmp_path)
    pairs = zip(files, attached, strict=True)
    given = [w for f, a in pairs for w in ("--attach", str(f), "--kind", a["kind"])]
    ok(capsys, *act_argv(demo_path, number, "transfer-police", *POLICE, *given))
    told = ok(
        capsys, *act_argv(demo_path, number, "approve-transfer", "--to", "公安机关", who="leader")
    )
    letter = re.search(r"青石综执移公〔\d{4}〕\d+号", told)
    assert letter is not None and "towndesk transfer-letter" in told
    shown = as_json(capsys, "case", "show", "--db", str(demo_path), number)
    [sent] = shown["transfers"]
    assert (sent["letter_no"], sent["police"], sent["threshold"]) == (letter[0], True, POLICE[3])
    assert "回执" in fails(
        capsys,
        demo_path,
        *act_argv(
            demo_path, number, "transfer-outcome", "--outcome", "accepted", "--note", "已立案"
        ),
    )

    ok(
        capsys,
        *act_argv(demo_path, number, "transfer-receipt", "--received-by", "青石派出所 王警官"),
    )
    waiting = as_json(capsys, "case", "transfers", "--db", str(demo_path), "--waiting")
    mine = [t for t in waiting if t["case_number"] == number]
    assert [(t["waiting_for"], t["waiting_name"], t["receipt_by"]) for t in mine] == [
        ("outcome", "待立案决定", "青石派出所 王警官")
    ]
    assert "已经登记过" in fails(
        capsys,
        demo_path,
        *act_argv(demo_path, number, "transfer-receipt", "--received-by", "又一次"),
    )

    after = as_json(
        capsys,
        *act_argv(
            demo_path, number, "transfer-outcome", "--outcome", "accepted", "--note", "已立案侦查"
        ),
    )
    assert after["status"] == "transferred"
    assert (after["transfers"][0]["outcome"], after["transfers"][0]["outcome_name"]) == (
        "accepted",
        "立案",
    )
    waiting = as_json(capsys, "case", "transfers", "--db", str(demo_path), "--waiting")
    assert number not in [t["case_number"] for t in waiting]
    table = ok(capsys, "case", "transfers", "--db", str(demo_path))
    [line] = [row for row in table.splitlines() if number in row]
    assert letter[0] in line and "移送公安" in line and "立案" in line and "青石派出所" in line


def test_a_returned_transfer_comes_back_to_triage(demo_path: Path, capsys) -> None:
    number = pending(demo_path)
    ok(
        capsys,
        *act_argv(demo_path, number, "transfer", "--to", "区自然资源局", "--reason", "属土地违法"),
    )
    ok(capsys, *act_argv(demo_path, number, "transfer-receipt", "--received-by", "李明"))
    told = ok(
        capsys,
        *act_argv(
            demo_path, number, "transfer-outcome", "--outcome", "returned", "--note", "材料不全"
        ),
    )
    assert "待研判" in told and "退回" in told
    assert (
        as_json(capsys, "case", "show", "--db", str(demo_path), number)["status"]
        == "pending_triage"
    )


def test_an_unknown_outcome_is_an_argument_error(demo_path: Path, capsys) -> None:
    number = pending(demo_path)
    with pytest.raises(SystemExit) as stopped:
        run(act_argv(demo_path, number, "transfer-outcome", "--outcome", "maybe"))
    assert stopped.value.code == 2
    assert "accepted" in capsys.readouterr().err


# -- the letter ----------------------------------------------------------------------------------


def test_the_letter_is_printed_from_the_command_line(
    demo_path: Path, capsys, tmp_path: Path
) -> None:
    number = pending(demo_path)
    ok(
        capsys,
        *act_argv(demo_path, number, "transfer", "--to", "区自然资源局", "--reason", "属土地违法"),
    )
    out = tmp_path / "移送函.pdf"
    told = ok(capsys, "transfer-letter", "--db", str(demo_path), number, "-o", str(out))
    assert "已生成移送函" in told and re.search(r"校验码 [0-9A-F]{4}-[0-9A-F]{4}", told)
    assert out.read_bytes().startswith(b"%PDF")
    other = pending(demo_path)
    assert "没有移送" in fails(
        capsys,
        demo_path,
        "transfer-letter",
        "--db",
        str(demo_path),
        other,
        "-o",
        str(tmp_path / "x.pdf"),
    )
    assert not (tmp_path / "x.pdf").exists()


# -- routing against the lists, and not our duty --------------------------------------------


def listed_dispatch(path: Path) -> tuple[str, str]:
    """A waiting case the lists send to a stationed (X) unit, and that unit's code."""
    db = open_database(path)
    numbers = [r[0] for r in db.execute("SELECT number FROM cases WHERE status = 'pending_triage'")]
    for number in numbers:
        suggestion = suggestion_for(db, case_by_number(db, number))
        if suggestion and suggestion.from_lists and suggestion.route == Route.DISPATCH_X:
            db.close()
            return number, suggestion.lead
    raise AssertionError("the demo has a case the lists dispatch")


def test_routing_against_the_lists_needs_the_override_reason(demo_path: Path, capsys) -> None:
    number, lead = listed_dispatch(demo_path)
    other = "SFS" if lead != "SFS" else "SCJG"
    refused = fails(capsys, demo_path, *act_argv(demo_path, number, "dispatch", "--to", other))
    assert "理由" in refused
    done = as_json(
        capsys,
        *act_argv(
            demo_path, number, "dispatch", "--to", other, "--override-reason", "该处已由司法所调解"
        ),
    )
    assert (done["status"], done["lead_unit"]) == ("assigned", other)


def test_a_return_as_not_our_duty_opens_a_dispute(demo_path: Path, capsys) -> None:
    number = pending(demo_path)
    ok(
        capsys,
        *act_argv(
            demo_path, number, "dispatch", "--to", "ZFZD", "--override-reason", "执法中队就近处置"
        ),
    )
    ok(
        capsys,
        *act_argv(
            demo_path,
            number,
            "return",
            "--not-our-duty",
            "--reason",
            "属市场监管职责",
            "--cite",
            "QS-XZCF-021",
            "QS-XZCF-001",
            who="officer_zfzd",
        ),
    )
    db = open_database(demo_path)
    [dispute] = disputes_of_case(db, case_by_number(db, number).id)
    db.close()
    assert (dispute.unit, dispute.reasons) == ("ZFZD", "属市场监管职责")
    assert sorted(dispute.cited) == ["QS-XZCF-001", "QS-XZCF-021"]
