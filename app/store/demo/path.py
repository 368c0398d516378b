"""Moving the demo's recent cases along the case path, so every page and every indicator has
something real: closed cases (most on time, some late), cases in handling (some overdue and
supervised), extensions granted and refused, parked cases, returns, rework, open Y calls.

Each case gets a plan of steps at realistic times: triage here (the lists' route, or the
route a clerk takes for this kind of case, with the reason), a transfer, a return and the new
triage, a duty dispute; its handling in ``handling``. The plan stops at the demo's present;
``walk`` writes the steps of all cases in one time order.
"""

from __future__ import annotations

import random
from functools import lru_cache

from app.core.case_path.decide import Request
from app.core.case_path.steps import Action
from app.core.time_limits import call_limits
from app.store.demo import materials, notes
from app.store.demo.handling import DAY, OFFICE, Case, Handling, Planned, Setting
from app.store.demo.profiles import CALL_REASONS, PROFILES, SELF, Y
from app.store.demo.walk import Step, write_in_time_order

__all__ = ["Case", "Setting", "Step", "follow_ruling", "plan", "plan_case", "write_in_time_order"]


OFFICERS = {"SCJG": "officer", "ZFZD": "officer_zfzd", "PCS": "officer_pcs"}
TRANSFERRED = 0.12  # of the matters that can go beyond the township (notes: to whom, why)
POLICE_DECLINED = 0.3  # 不予立案: the police send it back for an administrative penalty
REJECTED = 0.035
# An ordinary return (回退) after a wrong or incomplete dispatch: of cases dispatched or called
# (about half of all; the office does not return a case to itself), so 3-5 % of all cases.
RETURNED = 0.085
DISPUTED = 0.7  # of the cases described so, those the unit says are not its duty
# Duty disputes only among recent cases: the joint meetings began lately, and a dispute left
# open for months is not a township's.
DISPUTES_WITHIN_DAYS = 45
REJECTIONS = (
    "不属于行政执法事项，已告知当事人",
    "经现场核实，反映的问题不存在",
    "属民事纠纷，已引导当事人通过诉讼途径解决",
)


def plan(
    rng: random.Random,
    received: int,
    now: int,
    route: str,
    unit: str,
    grid_worker: str,
    category: str = "",
) -> Planned:
    """The steps one case takes from ``received``, stopping at ``now`` (the category's
    default deadline, no commitments: for callers that know no more of the case)."""
    case = Case(category, route, unit, grid_worker)
    return plan_case(rng, received, now, case, _default_setting())


@lru_cache(maxsize=1)
def _default_setting() -> Setting:
    return Setting()  # one calendar for all such calls: it keeps its answers


def plan_case(rng: random.Random, received: int, now: int, case: Case, setting: Setting) -> Planned:
    planner = _Planner(rng, received, now, case, setting)
    planner.run()
    return planner.steps


def follow_ruling(
    rng: random.Random,
    at: int,
    now: int,
    case: Case,
    setting: Setting,
    lead: str,
    cooperating: tuple[str, ...],
) -> Planned:
    """After a ruling on the case's duty dispute (at ``at``): the office dispatches it to the
    unit found responsible, which handles it like any other."""
    planner = _Planner(rng, at, now, case, setting)
    if planner.assign("X", lead, "", cooperating):
        planner.handle()
    return planner.steps


class _Planner(Handling):
    def run(self) -> None:
        rng = self.rng
        fate = rng.random()
        category = self.case.category
        police = category in notes.POLICE_OFFENCES and self.setting.materials
        transferable = police or category in notes.OTHER_TRANSFERS
        if fate < TRANSFERRED and transferable:
            self.transfer()
            return
        if TRANSFERRED <= fate < TRANSFERRED + REJECTED:
            self.after(3, "clerk", Request(Action.REJECT, reason=rng.choice(REJECTIONS)))
            return
        route, unit, why = self.choose_route()
        if not self.assign(route, unit, why):
            return
        if self.disputed(why):
            self.after(6, self.handler, notes.NOT_OUR_DUTY[self.case.category][1])
            return  # a duty dispute: the case waits in triage for a ruling
        if rng.random() < RETURNED and not self.returned(why):
            return
        self.handle()

    def choose_route(self) -> tuple[str, str, str]:
        """The lists' suggestion, or the route a clerk takes for this kind of case (with the
        reason the override report shows)."""
        profile = PROFILES.get(self.case.category)
        for alternative in profile.alternatives if profile else ():
            fits = not alternative.tags or self.case.tag in alternative.tags
            if fits and self.rng.random() < alternative.share:
                return alternative.route, alternative.unit, alternative.reason
        return self.case.route, self.case.unit, ""

    def assign(self, route: str, unit: str, why: str, cooperating: tuple[str, ...] = ()) -> bool:
        """Triage and the start of handling: signed for by the unit, or, for a Y department,
        the call answered and the department on scene."""
        rng = self.rng
        self.route, self.unit = route, unit
        self.handler = OFFICERS.get(unit, "clerk")
        triage = 0.4 if self.case.urgent else 1.5
        if route == Y:
            urgent = self.case.urgent or rng.random() < 0.2
            reasons = CALL_REASONS.get(self.case.category, ("需区直部门到场处置",))
            call = Request(
                Action.CALL,
                to=unit,
                reason=rng.choice(reasons),
                urgent=urgent,
                override_reason=why,
            )
            if not self.after(triage, "clerk", call):
                return False
            ack, arrive, _ = call_limits(self.setting.commitments.get(unit), urgent)
            # the clocks of a call run day and night: no waiting for office hours
            if not self.at(
                self.t + int(ack * 60_000 * rng.uniform(0.2, 1.1)),
                "clerk",
                Request(Action.CALL_ACK, note="值班电话已接听，已安排人员"),
            ):
                return False
            self.start = self.t
            return self.at(
                self.t + int(arrive * 60_000 * rng.uniform(0.3, 1.15)),
                "clerk",
                Request(Action.CALL_ARRIVE, note="执法人员已到达现场"),
            )
        if route == SELF:
            request = Request(Action.SELF_HANDLE, override_reason=why)
        else:
            if not cooperating and unit != "ZFZD" and rng.random() < 0.2:
                cooperating = ("ZFZD",)
            request = Request(Action.DISPATCH, to=unit, with_units=cooperating, override_reason=why)
        if not self.after(triage, "clerk", request):
            return False
        slow = rng.random() < 0.05  # signed for late: the next day's morning meeting
        if not self.after(30 if slow else 2.5, self.handler, Request(Action.SIGN)):
            return False
        self.start = self.t
        return True

    def disputed(self, why: str) -> bool:
        """The lead unit says the case is not its duty (职责争议): only where the description
        gives it grounds, only for the unit the lists named, only among recent cases."""
        tag, _ = notes.NOT_OUR_DUTY.get(self.case.category, ("-", None))
        recent = self.now - self.received < DISPUTES_WITHIN_DAYS * DAY
        return not why and self.case.tag == tag and recent and self.rng.random() < DISPUTED

    def returned(self, why: str) -> bool:
        """An ordinary return and the new triage; False when the plan ends on the way."""
        rng = self.rng
        if self.route == Y:  # on scene, the department finds it a job for the grassroots
            profile = PROFILES.get(self.case.category)
            alternatives = profile.alternatives if profile else ()
            grassroots = next((a for a in alternatives if a.route == SELF), None)
            if grassroots is None:
                return True
            back = Request(Action.RETURN, reason=notes.BACK_TO_TOWNSHIP)
            return self.after(1, "clerk", back) and self.assign(SELF, OFFICE, grassroots.reason)
        if self.route == SELF:
            return True  # the office does not return a case to itself
        if why:  # dispatched against the lists: the unit asks for the lists' lead
            back = Request(Action.RETURN, reason=notes.NOT_LEAD)
            return self.after(5, self.handler, back) and self.assign(
                self.case.route, self.case.unit, ""
            )
        back = Request(Action.RETURN, reason=rng.choice(notes.RETURNS))
        return self.after(5, self.handler, back) and self.assign(self.route, self.unit, "")

    def transfer(self) -> None:
        """Transfer to another authority (移送), to the police when a crime is suspected
        (行刑衔接): receipt, then outcome; a refusal by the police sends it back to triage."""
        request = _transfer_request(self.case.category)
        police = request.action == Action.POLICE_REQUEST
        signed = notes.receipt_by(notes.POLICE if police else request.to or "", police)
        receipt = Request(Action.TRANSFER_RECEIPT, received_by=signed)
        if not self.after(3, "clerk", request):
            return
        if police:  # the leader approves within the 3 days of order 310 art. 5
            approve = Request(Action.POLICE_APPROVE, to=notes.POLICE, copy_to=notes.PROCURATORATE)
            if not self.after(20, "leader", approve):
                return
        # the police sign the receipt within the 24 hours of art. 5 (a letter by hand)
        if not self.after(20 if police else 72, "clerk", receipt):
            return
        declined = police and self.rng.random() < POLICE_DECLINED
        outcome, note = "accepted", "已立案侦查" if police else "已受理并立案查处"
        if declined:
            outcome, note = "declined", "经审查未达到刑事立案追诉标准，退回依法给予行政处罚"
        done = Request(Action.TRANSFER_OUTCOME, outcome=outcome, note=note)
        if not self.after(240, "clerk", done) or not declined:
            return
        if self.assign(self.case.route, self.case.unit, ""):
            self.handle()


def _transfer_request(category: str) -> Request:
    if category not in notes.POLICE_OFFENCES:
        to = notes.OTHER_TRANSFERS[category]
        return Request(Action.TRANSFER, to=to, reason=notes.TRANSFER_REASON)
    offence, threshold = notes.POLICE_OFFENCES[category]
    files, attachments = materials.request_parts(category)
    return Request(
        Action.POLICE_REQUEST,
        offence=offence,
        threshold=threshold,
        facts=notes.POLICE_REASON,
        photos=files,
        attachments=attachments,
    )
