"""Intake (受理) checks and duplicate hints (app/core/intake.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from app.core.clock import TIME_FORMAT
from app.core.errors import DomainError, ValidationErrors
from app.core.intake import (
    DESCRIPTION_LIMIT,
    IntakeRequest,
    duplicate_hints,
    is_valid_phone,
    validate_intake,
)
from app.core.model import (
    Case,
    CaseSource,
    CaseStatus,
    Category,
    Grid,
    Route,
    Urgency,
)

CATEGORIES = {
    "01": Category("01", "市容环境", None),
    "0101": Category("0101", "占道经营", "01", Route.DISPATCH_X, "ZFZD", 3),
    "0102": Category("0102", "垃圾乱堆乱放", "01", Route.SELF, "ZHB", 2),
    "04": Category("04", "生态环境", None),
    "0402": Category("0402", "噪音扰民", "04", Route.CALL_Y, "STHJ", 5),
}
GRIDS = {
    "G01": Grid("G01", "青石村第一网格", "青石村"),
    "G02": Grid("G02", "锦绣社区第一网格", "锦绣社区"),
}
GOOD = IntakeRequest("0101", "G01", "青石村村口有流动摊贩占道经营，影响行人通行", "青石村村口")


def errors_of(request: IntakeRequest) -> list[DomainError]:
    with pytest.raises(ValidationErrors) as caught:
        validate_intake(request, CATEGORIES, GRIDS)
    return caught.value.errors


def codes_of(request: IntakeRequest) -> list[str]:
    return [error.code for error in errors_of(request)]


def test_a_good_intake_resolves_its_records() -> None:
    valid = validate_intake(GOOD, CATEGORIES, GRIDS)
    assert valid.category == CATEGORIES["0101"]
    assert valid.grid == GRIDS["G01"]
    assert valid.source is CaseSource.PATROL
    assert valid.urgency is Urgency.NORMAL
    urgent = validate_intake(replace(GOOD, urgent=True, source="hotline"), CATEGORIES, GRIDS)
    assert urgent.urgency is Urgency.URGENT
    assert urgent.source is CaseSource.HOTLINE


def test_codes_are_trimmed() -> None:
    valid = validate_intake(
        replace(GOOD, category_code=" 0101 ", grid_code="G01 "), CATEGORIES, GRIDS
    )
    assert (valid.category.code, valid.grid.code) == ("0101", "G01")


@pytest.mark.parametrize(
    ("change", "code", "fragment"),
    [
        ({"category_code": ""}, "category_missing", "请选择问题类别"),
        ({"category_code": "  "}, "category_missing", "请选择问题类别"),
        ({"category_code": "9999"}, "category_unknown", "9999"),
        ({"category_code": "01"}, "category_not_leaf", "市容环境"),
        ({"grid_code": ""}, "grid_missing", "请选择网格"),
        ({"grid_code": "G99"}, "grid_unknown", "G99"),
        ({"description": ""}, "description_empty", "请填写问题描述"),
        ({"description": " \n\t "}, "description_empty", "请填写问题描述"),
        ({"description": "占" * (DESCRIPTION_LIMIT + 1)}, "description_too_long", "2001"),
        (
            {"reporter_name": "张先生", "reporter_phone": "1381234567"},
            "phone_invalid",
            "1381234567",
        ),
        ({"reporter_name": "张先生", "reporter_phone": "23812345678"}, "phone_invalid", "238"),
        ({"reporter_name": "张先生", "reporter_phone": "abc"}, "phone_invalid", "abc"),
        ({"reporter_phone": "13812345678"}, "reporter_phone_without_name", "反映人姓名"),
        ({"latitude": 60.0, "longitude": 120.0}, "latitude_out_of_range", "60.0"),
        ({"latitude": 37.5, "longitude": 10.0}, "longitude_out_of_range", "10.0"),
        ({"latitude": 37.5}, "coordinates_incomplete", "经度和纬度"),
        ({"longitude": 121.4}, "coordinates_incomplete", "经度和纬度"),
        ({"source": "email"}, "source_unknown", "email"),
    ],
)
def test_each_problem_is_reported_in_chinese(change: dict, code: str, fragment: str) -> None:
    errors = errors_of(replace(GOOD, **change))
    assert [e.code for e in errors] == [code]
    assert fragment in str(errors[0])
    assert str(errors[0]) != errors[0].text("en")


def test_description_at_the_limit_is_accepted() -> None:
    validate_intake(replace(GOOD, description="占" * DESCRIPTION_LIMIT), CATEGORIES, GRIDS)
    # surrounding spaces do not count
    validate_intake(
        replace(GOOD, description=" " + "占" * DESCRIPTION_LIMIT + " "), CATEGORIES, GRIDS
    )


@pytest.mark.parametrize(
    "phone",
    [
        "13812345678",
        "19912345678",
        "0535-6123456",
        "05356123456",
        "010-12345678",
        "0535 6123456",
        "(0535)6123456",
        "138 1234 5678",
        "12345",
        "12315",
        "0535-6123456-801",
    ],
)
def test_realistic_phone_numbers_are_accepted(phone: str) -> None:
    assert is_valid_phone(phone)
    validate_intake(replace(GOOD, reporter_name="李女士", reporter_phone=phone), CATEGORIES, GRIDS)


@pytest.mark.parametrize(
    "phone",
    [
        "12812345678",
        "1381234567",
        "138123456789",
        "6123456",
        "1234",
        "123456",
        "+86 138",
        "0535-61234",
        "电话",
    ],
)
def test_unrealistic_phone_numbers_are_refused(phone: str) -> None:
    assert not is_valid_phone(phone)


def test_coordinates_on_the_border_are_inside_china() -> None:
    for lat, lon in [(3.5, 73.0), (54.0, 136.0), (37.46, 121.45)]:
        validate_intake(replace(GOOD, latitude=lat, longitude=lon), CATEGORIES, GRIDS)


def test_several_problems_are_reported_at_once() -> None:
    request = IntakeRequest(
        category_code="",
        grid_code="G99",
        description="",
        reporter_phone="12",
        latitude=99.0,
        longitude=200.0,
        source="carrier-pigeon",
    )
    errors = errors_of(request)
    assert {e.code for e in errors} == {
        "category_missing",
        "grid_unknown",
        "description_empty",
        "phone_invalid",
        "latitude_out_of_range",
        "longitude_out_of_range",
        "source_unknown",
    }
    caught = ValidationErrors(errors)
    lines = str(caught).splitlines()
    assert len(lines) == len(errors)
    assert all(line for line in lines)
    assert len(caught.text("en").splitlines()) == len(errors)


def test_unknown_category_and_grid_together() -> None:
    assert codes_of(replace(GOOD, category_code="X", grid_code="Y")) == [
        "category_unknown",
        "grid_unknown",
    ]


# --------------------------------------------------------------- duplicate hints

NOW = datetime(2026, 11, 19, 10, 0, 0)


def case(
    n: int,
    description: str,
    *,
    category: str = "0101",
    grid: str = "G01",
    age: timedelta = timedelta(hours=1),
) -> Case:
    at = (NOW - age).strftime(TIME_FORMAT)
    return Case(
        id=f"id{n}",
        number=f"QS-20261119-AB{n:04d}",
        source=CaseSource.PATROL,
        category_code=category,
        grid_code=grid,
        description=description,
        address="",
        urgency=Urgency.NORMAL,
        status=CaseStatus.PENDING_TRIAGE,
        first_receiver_unit="ZHB",
        first_receiver_user_id="u",
        received_at=at,
        updated_at=at,
    )


def hints(recent: list[Case], description: str = GOOD.description) -> list[str]:
    intake = validate_intake(replace(GOOD, description=description), CATEGORIES, GRIDS)
    return [hint.case.id for hint in duplicate_hints(intake, recent, NOW)]


def test_duplicate_hint_needs_same_category_same_grid_similar_text_recent() -> None:
    same = GOOD.description
    recent = [
        case(1, same),
        case(2, same, category="0102"),
        case(3, same, grid="G02"),
        case(4, same, age=timedelta(days=8)),
        case(5, "建筑工地夜间施工噪音扰民"),
        case(6, same, age=timedelta(days=6, hours=23)),
    ]
    assert sorted(hints(recent)) == ["id1", "id6"]


def test_duplicate_hints_are_ordered_by_score() -> None:
    recent = [
        case(1, "青石村村口有摊贩占道，影响通行"),
        case(2, GOOD.description),
        case(3, "青石村村口有流动摊贩占道经营"),
    ]
    intake = validate_intake(GOOD, CATEGORIES, GRIDS)
    found = duplicate_hints(intake, recent, NOW)
    assert next(h.case.id for h in found) == "id2"
    scores = [h.score for h in found]
    assert scores == sorted(scores, reverse=True)
    assert found[0].score == 1.0


def test_duplicate_hints_are_limited() -> None:
    recent = [case(n, GOOD.description) for n in range(10)]
    intake = validate_intake(GOOD, CATEGORIES, GRIDS)
    assert len(duplicate_hints(intake, recent, NOW, limit=3)) == 3


def test_no_hints_without_recent_cases() -> None:
    assert hints([]) == []
