"""The things TownDesk keeps: township, departments, grids, users, categories, cases."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class Tier(StrEnum):
    """1 + X + Y: the office, stationed departments, district departments on call."""

    ONE = "ONE"
    X = "X"
    Y = "Y"


class Role(StrEnum):
    ADMINISTRATOR = "administrator"
    CLERK = "clerk"
    GRID_WORKER = "grid_worker"
    DEPARTMENT_OFFICER = "department_officer"
    SUPERVISOR = "supervisor"
    LEADER = "leader"


class CaseSource(StrEnum):
    PATROL = "patrol"  # 巡查发现
    HOTLINE = "hotline"  # 热线
    VISIT = "visit"  # 来访
    REFERRAL = "referral"  # 上级交办
    TRANSFER = "transfer"  # 移送
    JOINT_PATROL = "joint-patrol"  # 联合巡察


class Urgency(StrEnum):
    NORMAL = "normal"
    URGENT = "urgent"


class Route(StrEnum):
    """Default triage route of a problem category."""

    SELF = "ONE"  # 镇街自行处置
    DISPATCH_X = "X"  # 派遣至派驻机构
    CALL_Y = "Y"  # 呼叫区直部门


class CaseStatus(StrEnum):
    """Where a case stands on its path (DOMAIN.md §4; transitions in core/case_path)."""

    PENDING_TRIAGE = "pending_triage"  # 待研判: registered, or returned for re-dispatch
    ASSIGNED = "assigned"  # 待签收: routed to a lead unit that has not signed for it
    HANDLING = "handling"  # 处置中
    PARKED = "parked"  # 挂账: the clock is stopped until resumed
    FEEDBACK = "feedback"  # 待核查: the handler reported back
    VERIFIED = "verified"  # 待结案: checked on site and found fixed
    CLOSED = "closed"  # 已结案
    TRANSFERRED = "transferred"  # 已移送 (to another authority, or to the police)
    REJECTED = "rejected"  # 不予受理
    MERGED = "merged"  # 已合并 into another case


# Keyed by enum class first: Tier.X and Route.DISPATCH_X share the value "X".
CHINESE_NAMES: dict[type[StrEnum], dict[str, str]] = {
    Tier: {Tier.ONE: "综合执法办", Tier.X: "派驻机构", Tier.Y: "区直部门"},
    Role: {
        Role.ADMINISTRATOR: "管理员",
        Role.CLERK: "受理员",
        Role.GRID_WORKER: "网格员",
        Role.DEPARTMENT_OFFICER: "部门人员",
        Role.SUPERVISOR: "督查人员",
        Role.LEADER: "分管领导",
    },
    CaseSource: {
        CaseSource.PATROL: "巡查发现",
        CaseSource.HOTLINE: "热线",
        CaseSource.VISIT: "来访",
        CaseSource.REFERRAL: "上级交办",
        CaseSource.TRANSFER: "移送",
        CaseSource.JOINT_PATROL: "联合巡察",
    },
    Urgency: {Urgency.NORMAL: "一般", Urgency.URGENT: "紧急"},
    CaseStatus: {
        CaseStatus.PENDING_TRIAGE: "待研判",
        CaseStatus.ASSIGNED: "待签收",
        CaseStatus.HANDLING: "处置中",
        CaseStatus.PARKED: "挂账中",
        CaseStatus.FEEDBACK: "待核查",
        CaseStatus.VERIFIED: "待结案",
        CaseStatus.CLOSED: "已结案",
        CaseStatus.TRANSFERRED: "已移送",
        CaseStatus.REJECTED: "不予受理",
        CaseStatus.MERGED: "已合并",
    },
    Route: {
        Route.SELF: "镇街自行处置",
        Route.DISPATCH_X: "派遣派驻机构",
        Route.CALL_Y: "呼叫区直部门",
    },
}


def chinese(value: StrEnum) -> str:
    """The word a township clerk uses for an enum value."""
    return CHINESE_NAMES[type(value)][value.value]


@dataclass(frozen=True)
class Township:
    name: str
    code: str  # short capitals, the first part of every case number
    # the issuing authority printed on documents: the township people's government, which
    # holds the enforcement powers (DOMAIN.md §8), not its office
    authority: str = ""
    address: str = ""
    duty_phone: str = ""

    @property
    def issuer(self) -> str:
        """Who issues documents; for a township set up before it was asked: its people's
        government, or a street's office (街道办事处), which holds the powers there."""
        return self.authority or default_authority(self.name)


def default_authority(name: str) -> str:
    """白石镇 → 白石镇人民政府; 东城街道 → 东城街道办事处 (DOMAIN.md §8)."""
    return f"{name}办事处" if name.endswith("街道") else f"{name}人民政府"


@dataclass(frozen=True)
class ResponseCommitment:
    """What a Y department promises when it is called (minutes, minutes, working days)."""

    acknowledge_minutes: int = 30
    arrive_minutes: int = 120
    handle_days: int = 3


# Reference data (departments, grids, categories) is keyed by its code: codes are short,
# stable, typed by people, and sort in a meaningful order.


@dataclass(frozen=True)
class Department:
    code: str
    name: str
    short_name: str
    tier: Tier
    duty_phone: str = ""
    response: ResponseCommitment | None = None  # only for tier Y
    parent_code: str | None = None  # a stationed unit's district department (tier X only)
    contact: str = ""  # the contact person
    active: bool = True  # a unit no longer in use is deactivated, never deleted


def office_unit(departments: Mapping[str, Department]) -> str:
    """The comprehensive enforcement office (the "1"), which triages and leads what the
    township handles itself: the unit of tier ONE."""
    ordered = sorted(departments.values(), key=lambda d: d.code)
    return next(d.code for d in ordered if d.tier == Tier.ONE)


@dataclass(frozen=True)
class Grid:
    code: str
    name: str
    area: str  # the village (村) or community (社区) it lies in
    worker_id: str | None = None
    description: str = ""  # the streets, groups or landmarks it covers
    active: bool = True


@dataclass(frozen=True)
class User:
    id: str
    username: str
    name: str
    role: Role
    department_code: str
    phone: str = ""
    active: bool = True


@dataclass(frozen=True)
class Category:
    code: str
    name: str
    parent_code: str | None  # None for a top-level group
    route: Route | None = None  # only leaves carry a default route ...
    department_code: str | None = None  # ... the default unit ...
    limit_days: int | None = None  # ... and the default handling limit in working days
    sign_days: int | None = None  # sign-for limit in working days; None: the default
    limit_hours: int | None = None  # instead of days, for urgent hazards (燃气泄漏 …)
    matter_code: str | None = None  # the power list's matter it belongs to
    active: bool = True

    @property
    def is_leaf(self) -> bool:
        return self.parent_code is not None


@dataclass(frozen=True)
class Reporter:
    """Who reported it. Kept confidential: see ``can_see_reporter``."""

    name: str = ""
    phone: str = ""
    # given, but not held on this device: a laptop keeps no contact it may not show
    # (app/core/secrets.py), so there is nothing to show but "confidential"
    withheld: bool = False

    @property
    def given(self) -> bool:
        return bool(self.name or self.phone or self.withheld)


@dataclass(frozen=True)
class Case:
    id: str
    number: str
    source: CaseSource
    category_code: str
    grid_code: str
    description: str
    address: str
    urgency: Urgency
    status: CaseStatus
    first_receiver_unit: str  # 首接单位 (department code)
    first_receiver_user_id: str
    received_at: str  # ISO-8601 local time, seconds
    updated_at: str
    reporter: Reporter = field(default_factory=Reporter)
    latitude: float | None = None
    longitude: float | None = None
    photos: tuple[str, ...] = ()  # SHA-256 of each evidence file


def can_see_reporter(role: Role) -> bool:
    """Reporter contacts are confidential: only the people who must call back see them."""
    return role in (Role.ADMINISTRATOR, Role.CLERK, Role.SUPERVISOR)


def reporter_view(reporter: Reporter, role: Role) -> Reporter:
    """What ``role`` may see of the reporter: everything, or a masked phone and no name."""
    if can_see_reporter(role) and not reporter.withheld:
        return reporter
    name = "保密" if reporter.name or reporter.withheld else ""
    return Reporter(name, masked_phone(reporter.phone))


def masked_phone(phone: str) -> str:
    """138****5678 — enough to recognise, not enough to dial."""
    if len(phone) < 7:
        return "*" * len(phone)
    return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]
