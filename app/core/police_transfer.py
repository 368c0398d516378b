"""行刑衔接 as 《行政执法机关移送涉嫌犯罪案件的规定》 (State Council order 310, revised 2020;
DOMAIN.md §8) prescribes: the request with its materials, the leader's decision, the clocks
of each answer, and the window for asking the police to review (复议) a refusal.

The steps themselves (who, from which state) are in ``case_path.rules``; this module holds
what the regulation adds: what a request must carry and how long each party may take.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from app.core.calendar import WorkCalendar
from app.core.errors import DomainError, Words
from app.core.model import Role, User
from app.core.step_limits import period_end

# -- the materials (art. 6) ----------------------------------------------------------------
# Art. 6: the transfer carries the transfer letter, the investigation report (涉嫌犯罪案件情况
# 的调查报告), the list of items involved (涉案物品清单), inspection or appraisal reports
# (检验报告或者鉴定结论) where there are any, and other materials. The letter is made by
# TownDesk; the others are evidence files of the case, each marked with its kind.
REPORT, ITEMS, APPRAISAL, OTHER = "report", "items", "appraisal", "other"
ATTACHMENT_KINDS: dict[str, Words] = {
    REPORT: Words("涉嫌犯罪案件调查报告", "investigation report"),
    ITEMS: Words("涉案物品清单", "list of items involved"),
    APPRAISAL: Words("检验报告或者鉴定结论", "inspection or appraisal report"),
    OTHER: Words("其他有关材料", "other materials"),
}
# Art. 5 (the officers' report) and art. 4 (the list of items kept) make these two
# necessary in every transfer; an appraisal exists only where one was made.
REQUIRED_KINDS = (REPORT, ITEMS)


def attachments_of(
    attached: Iterable[Mapping[str, str]], evidence: Collection[str]
) -> list[dict[str, str]]:
    """The request's materials as recorded ({sha256, kind}, in the order given): each one
    an evidence file of the case, of a known kind, with an investigation report and a list
    of items among them. Refused in plain words otherwise."""
    out: list[dict[str, str]] = []
    for item in attached:
        sha256, kind = item.get("sha256", "").strip(), item.get("kind", "").strip()
        if kind not in ATTACHMENT_KINDS:
            raise DomainError("attachment_kind_unknown", value=kind or "—")
        if sha256 not in evidence:
            raise DomainError("attachment_not_evidence", value=sha256[:12] or "—")
        if all(o["sha256"] != sha256 for o in out):
            out.append({"sha256": sha256, "kind": kind})
    for kind in REQUIRED_KINDS:
        if all(o["kind"] != kind for o in out):
            raise DomainError("attachment_missing", value=ATTACHMENT_KINDS[kind])
    return out


# -- who receives it -------------------------------------------------------------------------
_DISTRICT = re.compile(r"^(.{1,8}?(?:区|县|旗|市))(?!场)")  # not 青石市场监管所


def district_of(unit_names: Iterable[str]) -> str | None:
    """The county-level area the district departments are named after (蓬山区 from
    蓬山区应急管理局), or None when none names it. A 区, 县 or 旗 comes first: a city's name
    in front (东莱市生态环境局蓬山分局) is the prefecture's, not the township's level."""
    found = [m.group(1) for m in map(_DISTRICT.match, unit_names) if m]
    county = [name for name in found if not name.endswith("市")]
    return (county or found or [None])[0]


def default_police(district: str | None) -> str:
    """Art. 5 sends the case to the police at the same level as the authority: for a
    township, the district's (county's) public security bureau."""
    if district is None:
        return "公安机关"
    return f"{district}公安分局" if district.endswith("区") else f"{district}公安局"


def default_procuratorate(district: str | None) -> str:
    """Art. 14 and the 2006 opinions on timely transfer: the letter is copied to the
    procuratorate at the same level."""
    return f"{district}人民检察院" if district else "同级人民检察院"


# -- the clocks ----------------------------------------------------------------------------
# Order 310 counts in days (日), not working days, except where it says hours; a period in
# days ends at the close of its last day, moved to the next working day when that is a
# holiday (the usual rule of Chinese procedure; ``step_limits.period_end``).
DECISION_DAYS = 3  # art. 5: the principal leader decides within 3 days of the report
SENDING_HOURS = 24  # art. 5: once approved, the case goes to the police within 24 hours
POLICE_DECISION_DAYS = 3  # art. 8: the police decide within 3 days of receiving it
REVIEW_DAYS = 3  # art. 9: review (复议) may be asked within 3 days of the refusal


def decision_due(calendar: WorkCalendar, requested: datetime) -> datetime:
    return period_end(calendar, requested, DECISION_DAYS)


def sending_due(approved: datetime) -> datetime:
    """Hours run on the wall clock: the letter goes out within 24 hours, nights included.
    Sending is proved by the police's receipt (回执), so the clock runs until it is recorded."""
    return approved + timedelta(hours=SENDING_HOURS)


def police_decision_due(calendar: WorkCalendar, received: datetime) -> datetime:
    return period_end(calendar, received, POLICE_DECISION_DAYS)


def review_due(calendar: WorkCalendar, refused: datetime) -> datetime:
    return period_end(calendar, refused, REVIEW_DAYS)


def review_window_open(calendar: WorkCalendar, refused: datetime, now: datetime) -> bool:
    """Art. 9: a review of the police's refusal may be asked until ``review_due``. Once that
    has passed the right has lapsed: the step is refused, no longer offered, and the window's
    clock leaves the board (a lapsed "may" is nothing to chase, unlike a late duty)."""
    return now <= review_due(calendar, refused)


def check_review_window(calendar: WorkCalendar, refused: datetime, now: datetime) -> None:
    """Art. 9: a review of the police's refusal is asked within 3 days of it."""
    if not review_window_open(calendar, refused, now):
        due = review_due(calendar, refused)
        raise DomainError("review_window_passed", value=due.strftime("%Y-%m-%d %H:%M"))


# -- who decides (art. 5) --------------------------------------------------------------------
# Art. 5 has the authority's principal leader (正职负责人) approve a transfer, or the one
# presiding in their place (主持工作的负责人). The administrator names them
# (township.principal_leader_set); until then every leader may decide, as before schema 13,
# and the approval says so. Only a new approval or refusal is checked: one made earlier, by
# whichever leader, stays what it was (the fold never asks this rule).


@dataclass(frozen=True)
class Deciders:
    """The named principal leader and the one acting for them: (user id, name) or None."""

    principal: tuple[str, str] | None = None
    acting: tuple[str, str] | None = None

    def may_decide(self, user_id: str) -> bool:
        if self.principal is None:
            return True
        return user_id in {self.principal[0], *(self.acting or ())[:1]}

    def names(self) -> Words:
        if self.principal is None:
            return Words("", "")
        principal = self.principal[1]
        if self.acting is None:
            return Words(principal, principal)
        acting = self.acting[1]
        return Words(f"{principal}或主持工作的{acting}", f"{principal} or {acting} (acting)")


ANY_LEADER = Deciders()  # none named: every leader decides, as before schema 13
DECIDERS_UNSET = Words(
    "本镇尚未设定主要负责人，任一领导均可审批移送公安（《行政执法机关移送涉嫌犯罪案件的规定》"
    "第五条规定由主要负责人审批，请管理员设定）",
    "No principal leader is named: any leader may decide a transfer to the police (order "
    "310 art. 5 asks for the principal leader; the administrator can name them)",
)


def deciders_note(deciders: Deciders) -> Words | None:
    """What the approval says once when no principal leader is named."""
    return DECIDERS_UNSET if deciders.principal is None else None


def check_decider(deciders: Deciders, user_id: str) -> None:
    if not deciders.may_decide(user_id):
        raise DomainError("police_decider_not_principal", value=deciders.names())


def check_deciders(principal: User | None, acting: User | None) -> None:
    """Who may be named: active users of role LEADER, two different people, the acting one
    only beside a principal."""
    for user in (principal, acting):
        if user is not None and (user.role != Role.LEADER or not user.active):
            raise DomainError("principal_not_leader", value=user.name)
    if acting is not None and principal is None:
        raise DomainError("acting_needs_principal")
    if acting is not None and principal is not None and acting.id == principal.id:
        raise DomainError("acting_is_principal", value=acting.name)


# -- what follows the police's answer (schema 13) ----------------------------------------
# Art. 9: the police answer a review within 3 days, upholding the refusal or opening a case;
# after an upheld refusal the authority may, within 3 days of that answer, ask the
# procuratorate to supervise (立案监督; art. 14 gives it the supervision of transfers).
UPHELD, OPENED = "upheld", "opened"
REVIEW_ANSWERS: dict[str, Words] = {
    UPHELD: Words("维持不予立案", "refusal upheld"),
    OPENED: Words("立案", "case opened"),
}
REVIEW_ANSWER_DAYS = 3  # art. 9: the police answer the review within 3 days of receiving it
SUPERVISION_DAYS = 3  # art. 9: the procuratorate asked within 3 days of the review decision
# Art. 7: the police pass a case that is not theirs on within 24 hours of receiving it.
PASS_ON_HOURS = 24
HANDOVER_DAYS = 3  # art. 12: the items handed over within 3 days of the case being opened


def review_answer_due(calendar: WorkCalendar, asked: datetime) -> datetime:
    return period_end(calendar, asked, REVIEW_ANSWER_DAYS)


def supervision_due(calendar: WorkCalendar, upheld: datetime) -> datetime:
    return period_end(calendar, upheld, SUPERVISION_DAYS)


def handover_due(calendar: WorkCalendar, opened: datetime) -> datetime:
    return period_end(calendar, opened, HANDOVER_DAYS)


def passed_on_late(received: datetime, passed: datetime) -> bool:
    """Whether the police took longer than art. 7's 24 hours to pass the case on (their
    lateness, recorded and shown, never a reason to refuse the record)."""
    return passed - received > timedelta(hours=PASS_ON_HOURS)


def check_supervision_window(calendar: WorkCalendar, upheld: datetime, now: datetime) -> None:
    """Art. 9: 立案监督 is asked within 3 days of the review decision; after that the door
    the regulation opens is closed."""
    due = supervision_due(calendar, upheld)
    if now > due:
        raise DomainError("supervision_window_passed", value=due.strftime("%Y-%m-%d %H:%M"))


def check_step_day(text: str, earliest: datetime, now: datetime) -> str:
    """A date the office gives for a step it records afterwards (YYYY-MM-DD; empty: today),
    not before ``earliest`` (the answer it follows) nor after today."""
    value = text.strip() or now.date().isoformat()
    try:
        day = datetime.fromisoformat(value).date()
    except ValueError:
        day = None
    if day is None or len(value) != 10 or not earliest.date() <= day <= now.date():
        raise DomainError("step_day_invalid", value=value, found=earliest.date().isoformat())
    return day.isoformat()


def check_passed_at(text: str, received: datetime, now: datetime) -> str:
    """When the police passed the case on (YYYY-MM-DD HH:MM; empty: now), between their
    receipt and now."""
    value = text.strip()
    try:
        at = datetime.strptime(value, "%Y-%m-%d %H:%M") if value else now.replace(second=0)
    except ValueError:
        at = None
    if at is None or not received.replace(second=0) <= at <= now:
        found = received.strftime("%Y-%m-%d %H:%M")
        raise DomainError("passed_at_invalid", value=value, found=found)
    return at.strftime("%Y-%m-%d %H:%M:00")
