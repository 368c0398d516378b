"""``towndesk calendar``: a year's holiday schedule, the office's exceptions, office hours.
Years far ahead (2035) are used so that no release of chinese-calendar knows them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_cli import dump, fails, ok

SPRING = "春节:2035-02-07..2035-02-13:2035-02-04,2035-02-17"


def test_a_schedule_is_entered_and_shown(demo_path: Path, capsys) -> None:
    out = ok(capsys, "calendar", "--db", str(demo_path), "--year", "2035")
    assert "2035 年的法定节假日安排尚未录入（缺元旦、春节" in out
    out = ok(
        capsys, "calendar", "--db", str(demo_path), "--year", "2035",
        "--holiday", "元旦:2035-01-01", "--holiday", SPRING,
    )  # fmt: skip
    assert "已录入 2035 年节假日安排" in out
    assert "春节  放假 2035-02-07 至 2035-02-13  调休上班 2035-02-04、2035-02-17" in out
    assert "元旦  放假 2035-01-01 至 2035-01-01  调休上班 无" in out
    assert "缺清明节、劳动节、端午节、中秋节、国庆节" in out  # not complete yet


@pytest.mark.parametrize(
    ("extra", "fragment"),
    [
        (["--holiday", "元旦:2035-01-01"], "请用 --year 写明"),
        (["--year", "2035", "--holiday", "元旦:2035-13-01"], "节假日“元旦:2035-13-01”格式不对"),
        (["--year", "2035", "--holiday", "腊八:2035-01-15"], "“腊八”不是法定节假日"),
        (["--year", "1800"], "年份“1800”不对"),
        (["--year", "10000"], "年份“10000”不对"),
        (["--year", "-5"], "年份“-5”不对"),
        (["--year", "2035", "--holiday", "元旦:2035-01-01", "--as", "clerk"], "不能维护基础数据"),
    ],
)
def test_bad_schedules_change_nothing(demo_path: Path, capsys, extra, fragment) -> None:
    before = dump(demo_path)
    assert fragment in fails(capsys, "calendar", "--db", str(demo_path), *extra)
    assert dump(demo_path) == before
