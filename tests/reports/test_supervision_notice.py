"""The supervision notice (督办单) and the escalation to the next joint meeting."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.case_path.decide import Request
from app.core.case_path.steps import Action
from app.core.errors import DomainError
from app.reports.supervision_notice import supervision_notice_html
from app.store.blobs import BlobStore
from app.store.case_actions import act
from app.store.reference import user_by_name
from tests.cli.signed import run
from tests.clock import frozen
from tests.store.store_helpers import case_for


def handled_case(db, path: Path) -> str:  # type: ignore[no-untyped-def]
    number = case_for(db, "SCJG")  # dispatched as the lists suggest
    blobs, clerk = BlobStore.beside(path), user_by_name(db, "clerk")
    act(db, blobs, clerk, number, Request(Action.DISPATCH, to="SCJG"), wall=frozen)
    return number


def supervise(db, path: Path, number: str, who: str, note: str) -> None:  # type: ignore[no-untyped-def]
    act(
        db,
        BlobStore.beside(path),
        user_by_name(db, who),
        number,
        Request(Action.SUPERVISE, note=note),
        wall=frozen,
    )


def test_the_notice_names_the_unit_the_note_and_who(demo_db, demo_path) -> None:
    number = handled_case(demo_db, demo_path)
    supervise(demo_db, demo_path, number, "supervisor", "请三日内办结")
    html, code = supervision_notice_html(demo_db, number)
    for text in (number, code, "市场监管所", "请三日内办结", "第 1 次"):
        assert text in html
    assert "联席会议" not in html


def test_the_second_supervision_puts_the_case_on_the_meeting_list(demo_db, demo_path) -> None:
    number = handled_case(demo_db, demo_path)
    supervise(demo_db, demo_path, number, "supervisor", "请三日内办结")
    supervise(demo_db, demo_path, number, "leader", "再次督办")
    html, _ = supervision_notice_html(demo_db, number)
    assert "第 2 次" in html and "再次督办" in html and "列入下次联席会议议题" in html


def test_no_notice_without_a_supervision(demo_db, demo_path) -> None:
    with pytest.raises(DomainError) as refused:
        supervision_notice_html(demo_db, handled_case(demo_db, demo_path))
    assert "还没有督办记录" in str(refused.value)


def test_the_command_writes_the_pdf(demo_db, demo_path, tmp_path: Path, capsys, qapp) -> None:
    number = handled_case(demo_db, demo_path)
    supervise(demo_db, demo_path, number, "supervisor", "请三日内办结")
    out = tmp_path / "督办单.pdf"
    assert run(["notice", number, "-o", str(out), "--db", str(demo_path)]) == 0
    assert "校验码" in capsys.readouterr().out
    assert out.read_bytes().startswith(b"%PDF")
