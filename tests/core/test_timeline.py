"""The one wording of the timeline (core/case_path/timeline.py): the same event reads the
same in the window and on the command line, in Chinese or in English, and the English
sentences hold no Chinese of their own (names and what people typed stay as typed)."""

from __future__ import annotations

import re

import pytest

from app.core.case_path.decide import Request
from app.core.case_path.steps import Action, event_type_of
from app.core.case_path.timeline import EN, ZH, case_timeline, describe
from app.core.events import Event, EventType

CJK = re.compile(r"[\u4e00-\u9fff（）：；、，]")
T0 = 1_795_000_000_000 << 16


USERS = {"u-clerk": "王芳", "u-officer": "李强"}
UNITS = {"ZHB": "综合执法办", "SCJG": "市场监管所", "ZFZD": "执法中队", "WJJ": "卫健局"}


class Names:
    def user_name(self, user_id: str | None) -> str:
        return USERS.get(user_id or "", "系统")

    def department_name(self, code: str) -> str:
        return UNITS.get(code, code)

    def category_name(self, code: str) -> str:
        return {"0101": "占道经营"}.get(code, code)


def event(event_type: str, payload: dict, actor: str = "u-clerk", n: int = 1) -> Event:
    return Event(f"e-{n}", "dev", n, T0 + n, actor, "case", "c-1", event_type, payload, "0" * 64)


def step(action: Action, n: int = 2, actor: str = "u-clerk", **payload: object) -> Event:
    return event(event_type_of(action), {"by_unit": "ZHB"} | payload, actor, n)


REGISTERED = event(
    EventType.CASE_REGISTERED,
    {
        "source": "hotline",
        "category_code": "0101",
        "first_receiver_unit": "ZHB",
        "urgency": "urgent",
        "photos": [{"sha256": "ab", "file_name": "a.jpg"}],
        "transfer_from": {"unit": "蓬山区市场监督管理局", "letter_no": "蓬市监移〔2026〕4号"},
    },
)
DISPATCH = step(
    Action.DISPATCH,
    lead_unit="SCJG",
    cooperating_units=["ZFZD", "WJJ"],
    overridden=True,
    override_reason="现场核实为无照经营",
)
OUTCOME = step(Action.TRANSFER_OUTCOME, 4, outcome="declined", note="证据不足")


def test_chinese_says_who_for_which_unit_and_what() -> None:
    first, dispatched = case_timeline([REGISTERED, DISPATCH], Names(), ZH)
    assert (first.actor, first.action) == ("王芳（综合执法办）", "受理登记")
    assert first.detail == (
        "来源：热线；类别：占道经营；首接单位：综合执法办；"
        "移送单位：蓬山区市场监督管理局（蓬市监移〔2026〕4号）；紧急；照片 1 张"
    )
    assert dispatched.action == "派遣"
    assert (
        dispatched.detail
        == "市场监管所牵头，执法中队、卫健局配合；未按清单建议，改派理由：现场核实为无照经营"
    )
    assert (dispatched.event_id, dispatched.event_type) == ("e-2", "case.dispatch")


def test_english_has_no_chinese_words_of_its_own() -> None:
    first, dispatched = case_timeline([REGISTERED, DISPATCH], Names(), EN)
    assert first.action == "Registered"
    assert first.detail.startswith(
        "source: hotline; category: 占道经营; first receiver: 综合执法办"
    )
    assert dispatched.actor == "王芳 (综合执法办)"
    assert dispatched.detail == (
        "市场监管所 leads, 执法中队, 卫健局 cooperate; "
        "not as the lists suggest, because: 现场核实为无照经营"
    )
    assert dispatched.action == "Dispatch"
    names = [*USERS.values(), *UNITS.values(), "占道经营", "现场核实为无照经营"]
    names += ["蓬山区市场监督管理局", "蓬市监移〔2026〕4号"]
    for entry in (first, dispatched):
        text = entry.action + entry.detail
        for name in names:
            text = text.replace(name, "")
        assert not CJK.search(text), text


def test_a_call_names_its_cooperating_units() -> None:
    call = step(
        Action.CALL,
        lead_unit="WJJ",
        cooperating_units=["SCJG", "ZFZD"],
        reason="疑似食物中毒",
        urgent=False,
        call_id="call-1",
        duty_phone="0535-1",
    )
    zh = case_timeline([call], Names(), ZH)[0].detail
    en = case_timeline([call], Names(), EN)[0].detail
    assert zh == "卫健局：疑似食物中毒；市场监管所、执法中队配合；值班电话 0535-1"
    assert en == "卫健局: 疑似食物中毒; 市场监管所, 执法中队 cooperate; duty phone 0535-1"


def test_an_outcome_reads_in_the_police_words_after_a_transfer_to_the_police() -> None:
    police = step(Action.TRANSFER_POLICE, 3, to="公安机关", offence="非法经营", reason="r")
    plain = step(Action.TRANSFER, 3, to="区住建局", reason="r")
    assert case_timeline([police, OUTCOME], Names(), ZH)[-1].detail == "结果：不予立案；证据不足"
    assert case_timeline([plain, OUTCOME], Names(), ZH)[-1].detail == "结果：不予受理；证据不足"
    assert case_timeline([police, OUTCOME], Names(), EN)[-1].detail == (
        "Outcome: declined to open a case; 证据不足"
    )


@pytest.mark.parametrize("action", list(Action))
def test_every_step_reads_in_both_languages(action: Action) -> None:
    payload = {
        "lead_unit": "SCJG",
        "cooperating_units": [],
        "reason": "理由",
        "note": "说明",
        "to": "区住建局",
        "offence": "非法经营",
        "outcome": "accepted",
        "received_by": "张警官",
        "into": "QS-1",
        "days": 3,
        "until": "2027-01-05",
        "passed": True,
        "call_id": "call-1",
        "urgent": False,
        "duty_phone": "0535-1",
        "copy_to": "蓬山区人民检察院",
        "answer": "upheld",
        "on": "2026-11-20",
        "passed_at": "2026-11-19 10:00:00",
        "list": "涉案物品清单第1号",
    }
    for lang in (ZH, EN):
        entry = describe(step(action, **payload), Names(), lang)
        assert entry.action and entry.action != entry.event_type
        assert entry.detail
    assert Request(action).action == action


def test_an_event_of_a_newer_version_is_shown_not_explained() -> None:
    entry = describe(event("case.sealed_by_court", {}), Names(), EN)
    assert (entry.action, entry.detail) == ("case.sealed_by_court", "")


def test_a_police_transfer_reads_as_request_then_approval() -> None:
    materials = [{"sha256": "a", "kind": "report"}, {"sha256": "b", "kind": "items"}]
    asked = step(
        Action.POLICE_REQUEST,
        3,
        offence="开设赌场罪",
        threshold="抽头五千元以上",
        facts="查获赌桌两张",
        attachments=materials,
    )
    entry = describe(asked, Names())
    assert (entry.action, entry.detail) == (
        "申请移送公安",
        "涉嫌：开设赌场罪；查获赌桌两张；达到追诉标准的事实：抽头五千元以上；附材料 2 份",
    )
    approved = step(
        Action.POLICE_APPROVE,
        4,
        to="蓬山区公安分局",
        copy_to="蓬山区人民检察院",
        letter_no="青石综执移公〔2026〕1号",
    )
    entry = describe(approved, Names())
    assert (entry.action, entry.detail) == (
        "批准移送公安",
        "移送蓬山区公安分局，抄送蓬山区人民检察院；移送函 青石综执移公〔2026〕1号",
    )
