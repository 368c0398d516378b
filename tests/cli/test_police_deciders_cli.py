"""``towndesk setup principal`` (order 310 art. 5): the administrator names who decides a
transfer to the police; an approval while none is named says once that any leader may."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.cli.signed import fails, ok
from tests.cli.test_police_transfer_cli import REQUEST, act, attach, handling

UNSET = "本镇尚未设定主要负责人，任一领导均可审批移送公安"


def setup(path: Path, *extra: str, who: str = "admin") -> list[str]:
    return ["setup", "principal", "--db", str(path), "--as", who, *extra]


def test_naming_showing_and_clearing(demo_path: Path, capsys: Any) -> None:
    assert UNSET in ok(capsys, *setup(demo_path))
    assert ok(capsys, *setup(demo_path, "leader")) == "审批移送公安：主要负责人 刘建军\n"
    shown = json.loads(ok(capsys, *setup(demo_path, "--json")))
    assert shown == {"principal": "刘建军", "acting": None}
    assert "不是在用的领导账号" in fails(capsys, demo_path, *setup(demo_path, "clerk"))
    assert "不能维护基础数据" in fails(capsys, demo_path, *setup(demo_path, "leader", who="clerk"))
    both = setup(demo_path, "leader", "--none")
    assert "不能与用户名" in fails(capsys, demo_path, *both)
    assert UNSET in ok(capsys, *setup(demo_path, "--none"))


def test_an_approval_says_once_when_none_is_named(
    demo_path: Path, capsys: Any, tmp_path: Path
) -> None:
    number = handling(capsys, demo_path)
    ok(capsys, *act(demo_path, number, "transfer-police", *REQUEST, *attach(tmp_path)))
    told = ok(capsys, *act(demo_path, number, "approve-transfer", who="leader"))
    assert told.count(UNSET) == 1
    other = handling(capsys, demo_path)
    ok(capsys, *act(demo_path, other, "transfer-police", *REQUEST, *attach(tmp_path / "b")))
    ok(capsys, *setup(demo_path, "leader"))
    told = ok(
        capsys, *act(demo_path, other, "deny-transfer", "--reason", "数额未查实", who="leader")
    )
    assert UNSET not in told and "不批准" in told
