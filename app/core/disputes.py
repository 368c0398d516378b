"""Duty disputes (职责争议, DOMAIN.md §4-5): a unit returned a case as not its duty. The
office rules on it from the boundary list, or sends it to a joint meeting; a ruling that
changes who leads such cases records a local amendment beside the official list
(core/amendments.py). Only the responsible leader, or the joint meeting, rules where the
lists are touched; a dispute referred to a meeting is the meeting's, unless the office
withdraws it. These are the rules; the store reads the facts and writes the events."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass

from app.core.errors import DomainError
from app.core.model import Role

OPEN, REFERRED, DECIDED = "open", "referred", "decided"
# what the office does with a dispute (the disputes page's buttons, the CLI's commands)
DECIDE, REFER, WITHDRAW = "decide", "refer", "withdraw"
STATUS_NAMES = {OPEN: "待裁定", REFERRED: "已提交联席会议", DECIDED: "已裁定"}


@dataclass(frozen=True)
class Dispute:
    id: str
    case_id: str
    case_number: str
    category_code: str
    category_name: str
    unit: str  # the unit that says it is not its duty
    reasons: str
    cited: list[str]
    opened_at: str
    meeting_id: str | None
    decided_at: str | None
    lead: str | None
    cooperating: list[str]
    reasoning: str
    amended_item: str
    ruled_at: str | None = None  # the meeting whose decision settled it (None: the office)
    withdrawn_at: str | None = None  # last taken back from a meeting (dispute.withdrawn)
    withdrawn_reason: str = ""

    @property
    def status(self) -> str:
        if self.decided_at:
            return DECIDED
        return REFERRED if self.meeting_id else OPEN


@dataclass(frozen=True)
class Ruling:
    """What the office (or a joint meeting) decided about a dispute."""

    lead: str
    cooperating: tuple[str, ...] = ()
    reasoning: str = ""
    amend_list: bool = False  # a local amendment of the boundary list, for every such case
    meeting_id: str | None = None
    decision_id: str | None = None  # the meeting decision (决议) it comes from


def check_undecided(dispute: Dispute) -> Dispute:
    """A dispute is ruled on, or referred, once: while it still waits for a ruling."""
    if dispute.decided_at:
        raise DomainError("dispute_already_decided", value=dispute.decided_at)
    return dispute


def check_referable(meeting_number: int, held: bool) -> None:
    """A dispute goes on the agenda of a meeting not yet held (no minutes yet)."""
    if held:
        raise DomainError("meeting_already_held", value=meeting_number)


@dataclass(frozen=True)
class CheckedRuling:
    lead: str
    cooperating: tuple[str, ...]  # sorted, without the lead
    reasoning: str


def check_ruling(ruling: Ruling, units: Collection[str]) -> CheckedRuling:
    """A ruling names a lead unit of the township, known cooperating units (written like
    the lead: " scjg" is 市场监管所 too) and its reasoning."""
    lead = ruling.lead.strip().upper()
    if lead not in units:
        raise DomainError("dispute_lead_missing" if not lead else "department_unknown", value=lead)
    helpers = {code.strip().upper() for code in ruling.cooperating if code.strip()}
    for code in sorted(helpers):
        if code not in units:
            raise DomainError("department_unknown", value=code)
    if not ruling.reasoning.strip():
        raise DomainError("dispute_reasoning_missing")
    return CheckedRuling(lead, tuple(sorted(helpers - {lead})), ruling.reasoning.strip())


def touches_lists(ruling: CheckedRuling, amend_list: bool, listed_lead: str | None) -> str:
    """How a ruling touches the lists ("" when it does not): it amends them, or it names
    another lead than the lists do for the case's category (``listed_lead``: the lists'
    suggestion, the official item with its local amendment; None when the lists say
    nothing, so the ruling only applies the category's default or fills a gap)."""
    if amend_list:
        return "修改职责边界清单"
    if listed_lead is not None and listed_lead != ruling.lead:
        return "所定牵头单位与职责清单不同"
    return ""


def check_not_referred(dispute: Dispute, meeting_id: str | None, referred_to: int | None) -> None:
    """A dispute referred to a joint meeting (number ``referred_to``) is that meeting's: only
    its decision (``meeting_id``) settles it, unless the office withdraws it first."""
    if dispute.meeting_id and meeting_id != dispute.meeting_id:
        raise DomainError("dispute_referred_to_meeting", value=referred_to or "")


def check_who_rules(
    dispute: Dispute,
    role: Role,
    meeting_id: str | None,
    touches: str,
    referred_to: int | None,
) -> None:
    """A dispute referred to a joint meeting (number ``referred_to``) is decided by that
    meeting, unless the office withdraws it first; a ruling that touches the lists
    (``touches``, from ``touches_lists``) is the responsible leader's or a meeting's, and a
    clerk may rule only where it applies the lists as they stand."""
    check_not_referred(dispute, meeting_id, referred_to)
    if touches and meeting_id is None and role != Role.LEADER:
        raise DomainError("dispute_ruling_needs_leader", value=touches)


def check_may_refer(
    dispute: Dispute, referred_to: int | None, meeting_id: str | None = None
) -> None:
    """The office refers an undecided dispute that is on no meeting's agenda yet; one
    referred already stays with its meeting until withdrawn, so it goes to no other
    (``meeting_id``: the one asked for; None: any). Sending it to its own meeting again
    changes nothing. A meeting's own agenda may still take it up: store/meetings.py."""
    check_undecided(dispute)
    if dispute.meeting_id and dispute.meeting_id != meeting_id:
        raise DomainError("dispute_already_referred", value=referred_to or "")


def check_on_agenda(dispute: Dispute) -> None:
    """Only an undecided dispute referred to a meeting can be withdrawn from it."""
    check_undecided(dispute)
    if not dispute.meeting_id:
        raise DomainError("dispute_not_referred")


def check_withdrawable(dispute: Dispute, reason: str) -> str:
    """Only an undecided dispute referred to a meeting is withdrawn from it, with a reason;
    returns the reason as kept."""
    check_on_agenda(dispute)
    if not reason.strip():
        raise DomainError("dispute_withdraw_reason_missing")
    return reason.strip()


def office_actions(
    dispute: Dispute, referred_to: int | None, meetings_ahead: bool
) -> dict[str, DomainError | None]:
    """What the office may do with ``dispute`` now, by the same checks its writes make: for
    each of DECIDE (the office's own ruling, not a meeting's), REFER and WITHDRAW, None
    when it may, else the refusal it would meet. ``referred_to``: the number of the meeting
    it is referred to; ``meetings_ahead``: whether any joint meeting is not yet held. Who
    may act at all is the permissions' (COORDINATE), and whether a ruling touches the
    lists depends on the ruling, so it is checked when the ruling is made."""

    def decide() -> None:
        check_undecided(dispute)
        check_not_referred(dispute, None, referred_to)

    def refer() -> None:
        check_may_refer(dispute, referred_to)
        if not meetings_ahead:
            raise DomainError("dispute_no_meeting_ahead")

    return {
        DECIDE: _refusal(decide),
        REFER: _refusal(refer),
        WITHDRAW: _refusal(lambda: check_on_agenda(dispute)),
    }


def _refusal(check: Callable[[], None]) -> DomainError | None:
    try:
        check()
    except DomainError as error:
        return error
    return None
