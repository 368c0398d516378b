"""The one wording of a case's timeline: who did what, when, and how, in Chinese and in
English. The window and the command line both show these sentences; neither words a step of
its own."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from app.core.case_path.police_followups import FOLLOW_UPS
from app.core.case_path.steps import ACTION_NAMES, Action, event_action
from app.core.errors import Words
from app.core.events import Event, EventType
from app.core.model import CaseSource, Urgency, chinese
from app.core.police_transfer import REVIEW_ANSWERS
from app.core.transfers import outcome_words

ZH, EN = "zh", "en"
Unit = Callable[[str], str]  # a unit's code -> its short name


@dataclass(frozen=True)
class TimelineEntry:
    time: str
    actor: str  # 王芳（综合执法办）
    action: str  # 受理登记, 派遣, 签收 …
    detail: str  # 市场监管所牵头，执法中队配合 …
    event_type: str
    event_id: str = ""
    conflict: str = ""  # "rival" (not applied) or "concurrent", until a clerk resolves it


class Names(Protocol):
    """How people, units and categories are called (the store's reference data)."""

    def user_name(self, user_id: str | None) -> str: ...
    def department_name(self, code: str) -> str: ...
    def category_name(self, code: str) -> str: ...


PHRASES: dict[str, Words] = {
    "and": Words("；", "; "),
    "list": Words("、", ", "),
    "who": Words("{name}（{unit}）", "{name} ({unit})"),
    "registered": Words("受理登记", "Registered"),
    "source": Words("来源：{source}", "source: {source}"),
    "category": Words("类别：{category}", "category: {category}"),
    "first_receiver": Words("首接单位：{unit}", "first receiver: {unit}"),
    "sent_by": Words("移送单位：{unit}", "transferred in by {unit}"),
    "sent_with": Words("移送单位：{unit}（{letter}）", "transferred in by {unit} ({letter})"),
    "urgent": Words("紧急", "urgent"),
    "photos": Words("照片 {count} 张", "{count} photos"),
    "conflict_settled": Words("处理同步冲突", "Sync conflict settled"),
    "looked_at": Words("核对了 {count} 个步骤", "{count} steps looked at"),
    "overridden": Words(
        "未按清单建议，改派理由：{reason}", "not as the lists suggest, because: {reason}"
    ),
    "self_handle": Words("由{lead}自行处置", "{lead} handles it itself"),
    "leads": Words("{lead}牵头", "{lead} leads"),
    "leads_with": Words("{lead}牵头，{helpers}配合", "{lead} leads, {helpers} cooperate"),
    "call": Words("{unit}：{reason}", "{unit}: {reason}"),
    "urgent_call": Words("{unit}（紧急）：{reason}", "{unit} (urgent): {reason}"),
    "duty_phone": Words("值班电话 {phone}", "duty phone {phone}"),
    "helpers": Words("{helpers}配合", "{helpers} cooperate"),
    "transfer": Words("移送至{authority}：{reason}", "To {authority}: {reason}"),
    "letter": Words("移送函 {letter}", "transfer letter {letter}"),
    "police_to": Words("移送{authority}，抄送{copy}", "To {authority}, copied to {copy}"),
    "materials": Words("附材料 {count} 份", "{count} materials attached"),
    "offence": Words("涉嫌：{offence}；{reason}", "Suspected offence: {offence}; {reason}"),
    "threshold": Words(
        "达到追诉标准的事实：{threshold}", "why it meets the prosecution threshold: {threshold}"
    ),
    "not_our_duty": Words("不属于本单位职责：{reason}", "Not the unit's duty: {reason}"),
    "cited": Words("引用：{items}", "cited: {items}"),
    "dispute_raised": Words("已提出职责争议", "a duty dispute is raised"),
    "receipt": Words("{who}签收回执", "Receipt signed by {who}"),
    "review_answer": Words("复议决定：{answer}", "Decision on review: {answer}"),
    "supervision": Words(
        "{on}建议{to}立案监督：{reason}", "On {on} asked {to} to supervise: {reason}"
    ),
    "passed_on": Words("公安机关于 {at} 移交{to}", "The police passed it to {to} at {at}"),
    "handover": Words(
        "{on}移交涉案物品和材料，{who}接收；{list}", "Items handed over on {on}, to {who}; {list}"
    ),
    "outcome": Words("结果：{outcome}", "Outcome: {outcome}"),
    "merged": Words("合并到案件 {number}", "Merged into case {number}"),
    "signed": Words("{unit}已签收", "{unit} signed for it"),
    "extend": Words("{days} 个工作日：{reason}", "{days} working days: {reason}"),
    "extended": Words("延长 {days} 个工作日", "{days} more working days"),
    "park": Words("挂账至 {date}：{reason}", "Until {date}: {reason}"),
    "parked": Words("挂账至 {date}，暂停计时", "Parked until {date}; the clock stops"),
    "resumed": Words("恢复计时", "The clock runs again"),
    "fixed": Words("现场核查：已整改到位", "Fixed: verified on site"),
    "not_fixed": Words("现场核查：未整改到位，退回处置", "Not fixed: back to the handler"),
    "supervised": Words("督办意见：{note}", "Supervision notice: {note}"),
    "reply_by": Words("限 {day} 前办结并书面回复", "finish and reply by {day}"),
    "reason": Words("理由：{reason}", "Reason: {reason}"),
    # a party's personal data never shows here: the timeline is read by every role
    "party_added": Words("登记当事人", "Party recorded"),
    "party_removed": Words("移除当事人", "Party removed"),
    "party_person": Words("个人（{id}）", "a person ({id})"),
    "party_org": Words("单位：{name}（{id}）", "organisation: {name} ({id})"),
    "party_id": Words("当事人 {id}", "party {id}"),
}
SOURCE_WORDS = {
    CaseSource.PATROL: "patrol",
    CaseSource.HOTLINE: "hotline",
    CaseSource.VISIT: "visit",
    CaseSource.REFERRAL: "referral",
    CaseSource.TRANSFER: "transfer-in",
    CaseSource.JOINT_PATROL: "joint patrol",
}


def words(words: Words, lang: str) -> str:
    return words.en if lang == EN else words.zh


def action_name(action: Action, lang: str) -> str:
    """派遣 / Dispatch: the step's name as a timeline (or a button) shows it."""
    zh, en = ACTION_NAMES[action]
    return en[:1].upper() + en[1:] if lang == EN else zh


class _Sentence:
    """The phrases of one language, filled in and joined."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def say(self, key: str, **params: Any) -> str:
        return words(PHRASES[key], self.lang).format(**params)

    def join(self, *parts: str) -> str:
        return self.say("and").join(p for p in parts if p)

    def listing(self, items: Iterable[str]) -> str:
        return self.say("list").join(items)

    def photos(self, payload: Mapping[str, Any]) -> str:
        count = len(payload.get("photos") or ())
        return self.say("photos", count=count) if count else ""


def case_timeline(events: Iterable[Event], names: Names, lang: str = ZH) -> list[TimelineEntry]:
    """Every event of a case in words, in the order given (the merged order)."""
    entries = []
    police = False  # whether the latest transfer went to the police (for its outcome's words)
    for event in events:
        action = event_action(event.type)
        if action in (Action.TRANSFER, Action.TRANSFER_POLICE, Action.POLICE_APPROVE):
            police = action != Action.TRANSFER
        entries.append(describe(event, names, lang, police))
    return entries


def describe(event: Event, names: Names, lang: str = ZH, police: bool = False) -> TimelineEntry:
    """One event in words. ``police``: the transfer an outcome answers went to the police
    (events written before schema 5 do not say so themselves)."""
    s = _Sentence(lang)
    p = event.payload
    unit = p.get("first_receiver_unit") if event.type == EventType.CASE_REGISTERED else None
    actor = _actor(s, names, event.actor_id, unit or p.get("by_unit"))
    entry = _entry(event, actor)
    if event.type == EventType.CASE_REGISTERED:
        return entry(s.say("registered"), _registration(s, p, names))
    if event.type == EventType.CASE_CONFLICT_RESOLVED:
        looked_at = s.say("looked_at", count=len(p.get("events") or ()))
        return entry(s.say("conflict_settled"), s.join((p.get("note") or "").strip(), looked_at))
    if event.type == EventType.CASE_PARTY_ADDED:
        party = p.get("party_id", "")
        if p.get("kind") == "organisation":
            return entry(s.say("party_added"), s.say("party_org", name=p.get("name"), id=party))
        return entry(s.say("party_added"), s.say("party_person", id=party))
    if event.type == EventType.CASE_PARTY_REMOVED:
        reason = s.say("reason", reason=p.get("reason", ""))
        return entry(
            s.say("party_removed"), s.join(s.say("party_id", id=p.get("party_id")), reason)
        )
    action = event_action(event.type)
    if action is None:  # written by a newer TownDesk: shown, not explained
        return entry(event.type, "")
    detail = _step(s, action, p, names.department_name, bool(p.get("police", police)))
    override = (p.get("override_reason") or "").strip()
    if p.get("overridden") and override:
        detail = s.join(detail, s.say("overridden", reason=override))
    return entry(action_name(action, lang), detail)


def _entry(event: Event, actor: str) -> Callable[[str, str], TimelineEntry]:
    def made(action: str, detail: str) -> TimelineEntry:
        return TimelineEntry(event.local_time, actor, action, detail, event.type, event.id)

    return made


def _actor(s: _Sentence, names: Names, user_id: str | None, unit: str | None) -> str:
    name = names.user_name(user_id)
    return s.say("who", name=name, unit=names.department_name(unit)) if unit else name


def _registration(s: _Sentence, p: Mapping[str, Any], names: Names) -> str:
    source = CaseSource(p["source"])
    parts = [
        s.say("source", source=SOURCE_WORDS[source] if s.lang == EN else chinese(source)),
        s.say("category", category=names.category_name(p["category_code"])),
        s.say("first_receiver", unit=names.department_name(p["first_receiver_unit"])),
    ]
    sender = p.get("transfer_from")
    if sender:
        letter = sender.get("letter_no")
        key = "sent_with" if letter else "sent_by"
        parts.append(s.say(key, unit=sender["unit"], letter=letter))
    if p["urgency"] == Urgency.URGENT:
        parts.append(s.say("urgent"))
    return s.join(*parts, s.photos(p))


def _step(s: _Sentence, action: Action, p: Mapping[str, Any], unit: Unit, police: bool) -> str:
    """The sentence under a step's title, e.g. 市场监管所牵头，执法中队配合."""
    reason = (p.get("reason") or "").strip()
    note = (p.get("note") or "").strip()
    letter = (p.get("letter_no") or "").strip()
    letter_part = s.say("letter", letter=letter) if letter else ""
    if action == Action.SELF_HANDLE:
        return s.say("self_handle", lead=unit(p["lead_unit"]))
    if action == Action.DISPATCH:
        helpers = s.listing(unit(c) for c in p.get("cooperating_units") or ())
        lead = unit(p["lead_unit"])
        if helpers:
            return s.say("leads_with", lead=lead, helpers=helpers)
        return s.say("leads", lead=lead)
    if action == Action.CALL:
        key = "urgent_call" if p.get("urgent") else "call"
        phone = p.get("duty_phone")
        head = s.say(key, unit=unit(p["lead_unit"]), reason=reason)
        helpers = s.listing(unit(c) for c in p.get("cooperating_units") or ())
        return s.join(
            head,
            s.say("helpers", helpers=helpers) if helpers else "",
            s.say("duty_phone", phone=phone) if phone else "",
        )
    if action == Action.TRANSFER:
        return s.join(s.say("transfer", authority=p["to"], reason=reason), letter_part)
    if action in (Action.TRANSFER_POLICE, Action.POLICE_REQUEST):
        threshold = (p.get("threshold") or "").strip()
        count = len(p.get("attachments") or ())
        return s.join(
            s.say("offence", offence=p["offence"], reason=reason or p.get("facts", "")),
            s.say("threshold", threshold=threshold) if threshold else "",
            s.say("materials", count=count) if count else "",
            letter_part,
        )
    if action == Action.POLICE_APPROVE:
        return s.join(s.say("police_to", authority=p["to"], copy=p["copy_to"]), letter_part)
    if action == Action.RETURN and p.get("not_our_duty"):
        cited = s.listing(p.get("cited") or ())
        return s.join(
            s.say("not_our_duty", reason=reason),
            s.say("cited", items=cited) if cited else "",
            s.say("dispute_raised"),
        )
    if action == Action.TRANSFER_RECEIPT:
        return s.join(s.say("receipt", who=p.get("received_by", "")), note)
    if action == Action.TRANSFER_OUTCOME:
        outcome = words(outcome_words(p["outcome"], police), s.lang)
        return s.join(s.say("outcome", outcome=outcome), note)
    if action in FOLLOW_UPS:
        return _follow_up(s, action, p, note)
    return _handling(s, action, p, unit, reason, note)


def _follow_up(s: _Sentence, action: Action, p: Mapping[str, Any], note: str) -> str:
    """What follows a police transfer (order 310 art. 7, 9, 12; police_followups.py)."""
    if action == Action.POLICE_REVIEW_ANSWER:
        answer = words(REVIEW_ANSWERS[p["answer"]], s.lang)
        return s.join(s.say("review_answer", answer=answer), note)
    if action == Action.POLICE_SUPERVISION:
        return s.say("supervision", on=p["on"], to=p["to"], reason=p["reason"])
    if action == Action.POLICE_PASSED_ON:
        return s.join(s.say("passed_on", at=p["passed_at"][:16], to=p["to"]), note)
    return s.say("handover", on=p["on"], who=p["received_by"], list=p["list"])


def _handling(
    s: _Sentence, action: Action, p: Mapping[str, Any], unit: Unit, reason: str, note: str
) -> str:
    if action == Action.MERGE:
        return s.say("merged", number=p["into"])
    if action == Action.SIGN:
        return s.say("signed", unit=unit(p.get("by_unit", "")))
    if action == Action.EXTEND:
        return s.say("extend", days=p["days"], reason=reason)
    if action == Action.APPROVE_EXTENSION:
        return s.say("extended", days=p["days"])
    if action == Action.PARK:
        return s.say("park", date=p["until"], reason=reason)
    if action == Action.APPROVE_PARK:
        return s.say("parked", date=p["until"])
    if action == Action.RESUME:
        return s.say("resumed")
    if action == Action.VERIFY:
        verdict = s.say("fixed") if p.get("passed") else s.say("not_fixed")
        return s.join(verdict, note, s.photos(p))
    if action == Action.FEEDBACK:
        return s.join(note, s.photos(p))
    if action == Action.SUPERVISE:
        supervised = s.say("supervised", note=note)
        reply_by = p.get("reply_by")  # supervisions before it was asked carry none
        return s.join(supervised, s.say("reply_by", day=reply_by)) if reply_by else supervised
    if reason:
        return s.say("reason", reason=reason)
    return note
