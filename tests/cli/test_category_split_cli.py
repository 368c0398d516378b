"""towndesk category split: narrower categories from the command line; a bad split says why
in Chinese and changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.signed import run
from tests.cli.test_cli import dump
from tests.cli.test_dispute_cli import as_json, out


def test_a_category_is_split_from_the_command_line(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", str(demo_path)]
    into = ["--into", "040201:建筑施工噪声", "040202：社会生活噪声"]
    text = out(capsys, "category", "split", "0402", *into, *db)
    assert text.strip() == (
        "已将问题类别 0402 拆分为：040201 建筑施工噪声、040202 社会生活噪声。已有案件保留原类别。"
    )
    shown = {c["code"]: c for c in as_json(capsys, "categories", *db)}
    assert (shown["040201"]["name"], shown["040202"]["name"]) == ("建筑施工噪声", "社会生活噪声")
    assert shown["040201"]["parent_code"] == "04"
    assert shown["0402"]["active"] is False


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["0402", "--into", "040201 建筑施工噪声", "040202:x"], "应写成“编码:名称”"),
        (["0402", "--into", "040201:建筑施工噪声"], "至少要拆分为两个"),
        (["0402", "--into", "0401:a", "040202:b", "--as", "clerk"], "不能维护基础数据"),
    ],
)
def test_a_bad_split_says_why_and_changes_nothing(
    demo_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    before = dump(demo_path)
    assert run(["category", "split", *argv, "--db", str(demo_path)]) != 0
    assert message in capsys.readouterr().err
    assert dump(demo_path) == before
