"""towndesk lists set: one item changed from the command line; refusals change nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.signed import run
from tests.cli.test_cli import dump


def test_set_changes_one_item_and_show_lists_the_new_version(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", str(demo_path)]
    args = ["lists", "set", "--kind", "boundary", "--code", "QS-XZCF-001", *db]
    assert run([*args, "--field", "配合部门=市场监管所、交警中队", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"kind": "boundary", "version": 2, "rows": 43}
    assert run(["lists", "show", "--kind", "boundary", "--json", *db]) == 0
    shown = json.loads(capsys.readouterr().out)
    first = next(i for i in shown["items"] if i["事项编码"] == "QS-XZCF-001")
    assert first["配合部门"] == "青石市场监管所、青石交警中队"
    assert shown["versions"][0]["source"] == "逐项修改（QS-XZCF-001）"


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--field", "可见性=中"], "“中”无法识别"),
        (["--field", "牵头部门"], "应写成“列=内容”"),
        (["--field", "颜色=红"], "没有“颜色”这一列"),
        (["--field", "配合部门=区城管局", "--as", "clerk"], "受理员不能维护基础数据"),
    ],
)
def test_a_refused_set_says_why_and_changes_nothing(
    demo_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    before = dump(demo_path)
    args = ["lists", "set", "--kind", "boundary", "--code", "QS-XZCF-001", "--db", str(demo_path)]
    assert run([*args, *extra]) != 0
    assert message in capsys.readouterr().err
    assert dump(demo_path) == before
