"""Case intake (受理): what a new case needs, the checks on it, and duplicate hints."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from app.core.clock import TIME_FORMAT
from app.core.errors import DomainError, ValidationErrors, Words
from app.core.model import Case, CaseSource, Category, Grid, Urgency
from app.core.text import similarity

# The bounds of what people type, in characters, named once: the window's fields and the
# command line take them from here. A name is a person's or a unit's; an address a place.
DESCRIPTION_LIMIT = 2000
NAME_LIMIT = 50
ADDRESS_LIMIT = 200
UNIT_LIMIT = 100  # a sending authority's full name
LETTER_NO_LIMIT = 50
FILE_NAME_LIMIT = 200  # an evidence file's name, as recorded and shown
# Days a record may name (a pause until, a calendar exception): the program's lifetime,
# not the calendar's; a typo like 2206 or 1926 is refused.
FIRST_DAY = date(2000, 1, 1)
LAST_DAY = date(2099, 12, 31)
DUPLICATE_WINDOW = timedelta(days=7)
DUPLICATE_THRESHOLD = 0.3

_MOBILE = re.compile(r"1[3-9]\d{9}")
_LANDLINE = re.compile(r"0\d{2,3}-?\d{7,8}(-\d{1,6})?")
_SERVICE = re.compile(r"\d{5}")  # 12345, 12315: a referral from a hotline


@dataclass(frozen=True)
class IntakeRequest:
    """What a clerk or grid worker fills in. Codes, not ids: that is what people type."""

    category_code: str
    grid_code: str
    description: str
    address: str = ""
    source: str = CaseSource.PATROL
    urgent: bool = False
    reporter_name: str = ""
    reporter_phone: str = ""
    latitude: float | None = None
    longitude: float | None = None
    photos: tuple[str, ...] = field(default=())  # SHA-256 of files already stored
    # source TRANSFER (移送来的案件): the authority that sent it, and its letter's number
    transfer_unit: str = ""
    transfer_letter: str = ""


@dataclass(frozen=True)
class ValidIntake:
    """An intake that passed every check, resolved to the records it refers to."""

    request: IntakeRequest
    category: Category
    grid: Grid
    source: CaseSource
    urgency: Urgency


def normalise_phone(phone: str) -> str:
    return re.sub(r"[\s()（）]", "", phone).replace("—", "-")


def is_valid_phone(phone: str) -> bool:
    phone = normalise_phone(phone)
    return any(p.fullmatch(phone) for p in (_MOBILE, _LANDLINE, _SERVICE))


def validate_intake(
    request: IntakeRequest,
    categories: Mapping[str, Category],
    grids: Mapping[str, Grid],
) -> ValidIntake:
    """Check everything at once; raise ``ValidationErrors`` listing every problem."""
    errors: list[DomainError] = []
    category = _check_category(request.category_code, categories, errors)
    grid = _check_grid(request.grid_code, grids, errors)
    _check_description(request.description, errors)
    _check_lengths(request, errors)
    _check_reporter(request, errors)
    _check_coordinates(request.latitude, request.longitude, errors)
    source = _check_source(request.source, errors)
    _check_sender(request, source, errors)
    if errors:
        raise ValidationErrors(errors)
    assert category is not None and grid is not None and source is not None
    urgency = Urgency.URGENT if request.urgent else Urgency.NORMAL
    return ValidIntake(request, category, grid, source, urgency)


def _check_category(
    code: str, categories: Mapping[str, Category], errors: list[DomainError]
) -> Category | None:
    code = code.strip()
    if not code:
        errors.append(DomainError("category_missing"))
        return None
    category = categories.get(code)
    if category is None:
        errors.append(DomainError("category_unknown", value=code))
    elif not category.is_leaf:
        errors.append(DomainError("category_not_leaf", value=category.name))
    elif not category.active:
        errors.append(DomainError("category_inactive", value=category.name))
        return None
    return category


def _check_grid(code: str, grids: Mapping[str, Grid], errors: list[DomainError]) -> Grid | None:
    code = code.strip()
    if not code:
        errors.append(DomainError("grid_missing"))
        return None
    grid = grids.get(code)
    if grid is None:
        errors.append(DomainError("grid_unknown", value=code))
    elif not grid.active:
        errors.append(DomainError("grid_inactive", value=grid.name))
    return grid


def _check_description(description: str, errors: list[DomainError]) -> None:
    text = description.strip()
    if not text:
        errors.append(DomainError("description_empty"))
    elif len(text) > DESCRIPTION_LIMIT:
        errors.append(
            DomainError("description_too_long", length=len(text), limit=DESCRIPTION_LIMIT)
        )


_FIELDS = (  # (attribute, limit, the field's name)
    ("reporter_name", NAME_LIMIT, Words("反映人姓名", "reporter's name")),
    ("address", ADDRESS_LIMIT, Words("地址", "address")),
    ("transfer_unit", UNIT_LIMIT, Words("移送单位", "sending authority")),
    ("transfer_letter", LETTER_NO_LIMIT, Words("移送函文号", "letter number")),
)


def _check_lengths(request: IntakeRequest, errors: list[DomainError]) -> None:
    for attribute, limit, name in _FIELDS:
        problem = text_too_long(getattr(request, attribute), limit, name)
        if problem is not None:
            errors.append(problem)


def text_too_long(text: str, limit: int, field: Words) -> DomainError | None:
    """The refusal of a text longer than ``limit`` characters (spaces around not counted),
    or None."""
    length = len(text.strip())
    if length <= limit:
        return None
    return DomainError("text_too_long", field=field, limit=limit, length=length)


def check_day(day: date, field: Words) -> date:
    """A day a record names, within ``FIRST_DAY``..``LAST_DAY``."""
    if not FIRST_DAY <= day <= LAST_DAY:
        raise DomainError(
            "date_out_of_range", field=field, value=day.isoformat(), low=FIRST_DAY, high=LAST_DAY
        )
    return day


def _check_reporter(request: IntakeRequest, errors: list[DomainError]) -> None:
    phone = request.reporter_phone.strip()
    if phone and not is_valid_phone(phone):
        errors.append(DomainError("phone_invalid", value=phone))
    elif phone and not request.reporter_name.strip():
        errors.append(DomainError("reporter_phone_without_name"))


def _check_coordinates(
    latitude: float | None, longitude: float | None, errors: list[DomainError]
) -> None:
    if (latitude is None) != (longitude is None):
        errors.append(DomainError("coordinates_incomplete"))
        return
    if latitude is not None and not 3.5 <= latitude <= 54.0:
        errors.append(DomainError("latitude_out_of_range", value=latitude))
    if longitude is not None and not 73.0 <= longitude <= 136.0:
        errors.append(DomainError("longitude_out_of_range", value=longitude))


def _check_source(source: str, errors: list[DomainError]) -> CaseSource | None:
    try:
        return CaseSource(source)
    except ValueError:
        errors.append(DomainError("source_unknown", value=source))
        return None


def _check_sender(
    request: IntakeRequest, source: CaseSource | None, errors: list[DomainError]
) -> None:
    """A case transferred in names who sent it; only such a case has a sender."""
    named = bool(request.transfer_unit.strip() or request.transfer_letter.strip())
    if source == CaseSource.TRANSFER and not request.transfer_unit.strip():
        errors.append(DomainError("transfer_in_source_missing"))
    elif source is not None and source != CaseSource.TRANSFER and named:
        errors.append(DomainError("transfer_in_wrong_source"))


def transfer_from(intake: ValidIntake) -> dict[str, str] | None:
    """The sender of a case transferred in, as the registration keeps it (None if none)."""
    unit = intake.request.transfer_unit.strip()
    if intake.source != CaseSource.TRANSFER or not unit:
        return None
    return {"unit": unit, "letter_no": intake.request.transfer_letter.strip()}


@dataclass(frozen=True)
class DuplicateHint:
    case: Case
    score: float  # 0..1, text similarity


def duplicate_hints(
    intake: ValidIntake, recent: Iterable[Case], now: datetime, limit: int = 5
) -> list[DuplicateHint]:
    """Cases that may be the same problem: same category, same grid, similar text, last 7 days."""
    since = (now - DUPLICATE_WINDOW).strftime(TIME_FORMAT)
    hints = [
        DuplicateHint(case, similarity(intake.request.description, case.description))
        for case in recent
        if case.category_code == intake.category.code
        and case.grid_code == intake.grid.code
        and case.received_at >= since
    ]
    hints = [hint for hint in hints if hint.score >= DUPLICATE_THRESHOLD]
    hints.sort(key=lambda hint: (-hint.score, hint.case.received_at))
    return hints[:limit]
