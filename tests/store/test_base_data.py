"""The township's base data changed by its administrator: each change is an event, checked
like any step (a refusal writes nothing), never a deletion, and a rebuild gives it back."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from app.core.case_path.decide import Request
from app.core.case_path.steps import Action
from app.core.errors import DomainError
from app.core.intake import IntakeRequest
from app.core.model import Category, Department, Grid, Role, Route, Tier, Township, User
from app.store.base_data import (
    change_own_password,
    reset_password,
    save_category,
    save_department,
    save_grid,
    save_user,
    set_township_profile,
)
from app.store.blobs import BlobStore
from app.store.case_actions import act
from app.store.cases import register_case
from app.store.rebuild import rebuild
from app.store.reference import (
    ReferenceData,
    must_change_password,
    township,
    user_by_name,
)
from app.store.signin import sign_in
from tests.clock import frozen
from tests.store.store_helpers import case_for, full_dump, projection_dump

STATION = Department("LYZ", "林业工作站", "林业站", Tier.X, "0535-1", parent_code="YJJ")
FIRE = Category("0699", "山林火情", "06", Route.CALL_Y, "YJJ", limit_hours=4)
NEWCOMER = User("", "zhangsan", "张三", Role.CLERK, "ZHB", "13900000000")


def admin(db):  # type: ignore[no-untyped-def]
    return user_by_name(db, "admin")


def test_what_the_administrator_adds_is_read_back_and_rebuilt(demo_db) -> None:
    save_department(demo_db, admin(demo_db), STATION, new=True, wall=frozen)
    save_category(demo_db, admin(demo_db), FIRE, new=True, wall=frozen)
    save_grid(demo_db, admin(demo_db), Grid("G99", "新村网格", "新村", None, "一组至三组"),
              new=True, wall=frozen)  # fmt: skip
    profile = Township("青石镇", "QS", "青石镇人民政府", "青石路 1 号", "0535-6321000")
    set_township_profile(demo_db, admin(demo_db), profile, wall=frozen)
    ref = ReferenceData(demo_db)
    assert ref.departments["LYZ"] == STATION
    assert ref.categories["0699"] == FIRE
    assert ref.grids["G99"].description == "一组至三组"
    assert township(demo_db) == profile
    before = projection_dump(demo_db)
    rebuild(demo_db, admin(demo_db))
    assert projection_dump(demo_db) == before


def test_a_change_keeps_the_code_and_deactivating_keeps_the_record(demo_db) -> None:
    save_department(demo_db, admin(demo_db), STATION, new=True, wall=frozen)
    renamed = replace(STATION, name="青石林业站", contact="李四", active=False)
    save_department(demo_db, admin(demo_db), renamed, new=False, wall=frozen)
    assert ReferenceData(demo_db).departments["LYZ"] == renamed
    leaf = ReferenceData(demo_db).categories["0101"]
    save_category(demo_db, admin(demo_db), replace(leaf, active=False), new=False, wall=frozen)
    assert not ReferenceData(demo_db).categories["0101"].active


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda db: save_department(db, user_by_name(db, "clerk"), STATION, new=True,
                                    wall=frozen), "受理员不能维护基础数据"),
        (lambda db: save_department(db, admin(db), replace(STATION, code="PCS"), new=True,
                                    wall=frozen), "部门编码“PCS”已被使用"),
        (lambda db: save_department(db, admin(db), replace(STATION, parent_code="SCJG"),
                                    new=True, wall=frozen), "不是区（县）直部门"),
        (lambda db: save_department(db, admin(db), replace(STATION, code="YJJ", tier=Tier.Y,
                                    parent_code=None, active=False), new=False, wall=frozen),
         "还是 "),
        (lambda db: save_department(db, admin(db), Department("PCS", "派出所", "派出所",
                                    Tier.Y), new=False, wall=frozen), "层级（1/X/Y）不能修改"),
        (lambda db: save_department(db, admin(db), Department("ZHB", "办", "办", Tier.ONE,
                                    active=False), new=False, wall=frozen), "不能停用"),
        (lambda db: save_category(db, admin(db), replace(FIRE, department_code="PCS"),
                                  new=True, wall=frozen), "与默认处置方式不符"),
        (lambda db: save_category(db, admin(db), replace(FIRE, limit_days=3), new=True,
                                  wall=frozen), "只能写一种"),
        (lambda db: save_category(db, admin(db), replace(FIRE, limit_hours=100), new=True,
                                  wall=frozen), "办理时限（小时）应在 1 到 72 之间"),
        (lambda db: save_category(db, admin(db), replace(FIRE, parent_code="0101"), new=True,
                                  wall=frozen), "大类“0101”不存在"),
        (lambda db: save_grid(db, admin(db), Grid("G98", "网格", "", None), new=True,
                              wall=frozen), "所在的村或社区"),
        (lambda db: save_grid(db, admin(db), Grid("G98", "网格", "新村",
                              user_by_name(db, "clerk").id), new=True, wall=frozen),
         "不是在用的网格员"),
        (lambda db: save_user(db, admin(db), NEWCOMER, new=True, wall=frozen, password="123"),
         "密码"),
        (lambda db: save_user(db, admin(db), replace(NEWCOMER, department_code="PCS"),
                              new=True, wall=frozen, password="secret99"), "角色与单位"),
        (lambda db: save_user(db, admin(db), replace(NEWCOMER, username="clerk"), new=True,
                              wall=frozen, password="secret99"), "用户名“clerk”已被使用"),
        (lambda db: save_user(db, admin(db), replace(admin(db), active=False), new=False,
                              wall=frozen), "至少要保留一名在用的管理员"),
        (lambda db: change_own_password(db, admin(db), "wrong-one", "secret99", wall=frozen),
         "原密码不对"),
    ],
)  # fmt: skip
def test_refusals_change_nothing(demo_db, change, message) -> None:
    before = full_dump(demo_db)
    with pytest.raises(DomainError) as refused:
        change(demo_db)
    assert message in str(refused.value)
    assert full_dump(demo_db) == before


def test_a_new_users_first_password_must_be_changed(demo_db) -> None:
    user = save_user(demo_db, admin(demo_db), NEWCOMER, new=True, wall=frozen, password="first1")
    signed = sign_in(demo_db, "zhangsan", "first1", now_ms=frozen)
    assert signed.id == user.id and must_change_password(demo_db, user.id)
    change_own_password(demo_db, signed, "first1", "mine-now", wall=frozen)
    assert not must_change_password(demo_db, user.id)
    reset_password(demo_db, admin(demo_db), "zhangsan", "again22", wall=frozen)
    assert must_change_password(demo_db, user.id)
    sign_in(demo_db, "zhangsan", "again22", now_ms=frozen)


def test_a_deactivated_user_can_no_longer_sign_in(demo_db) -> None:
    clerk = user_by_name(demo_db, "clerk")
    save_user(demo_db, admin(demo_db), replace(clerk, active=False), new=False, wall=frozen)
    with pytest.raises(DomainError) as refused:
        sign_in(demo_db, "clerk", "clerk123", now_ms=frozen)
    assert "停用" in str(refused.value)


def test_a_category_limited_in_hours_runs_its_clock_in_hours(demo_db, demo_path) -> None:
    leak = Category("0199", "地下管线泄漏", "01", Route.DISPATCH_X, "SCJG", limit_hours=3)
    save_category(demo_db, admin(demo_db), leak, new=True, wall=frozen)
    blobs = BlobStore.beside(Path(demo_path))
    request = IntakeRequest("0199", "G01", "路口闻到刺鼻气味，疑似管线泄漏")
    number = register_case(demo_db, blobs, user_by_name(demo_db, "clerk"), request,
                           wall=frozen).number  # fmt: skip
    act(demo_db, blobs, user_by_name(demo_db, "clerk"), number,
        Request(Action.DISPATCH, to="SCJG"), wall=frozen)  # fmt: skip
    signed_ms = frozen() + 60_000
    act(demo_db, blobs, user_by_name(demo_db, "officer"), number, Request(Action.SIGN),
        wall=lambda: signed_ms)  # fmt: skip
    since, due = demo_db.execute(
        "SELECT handling_since, handle_due_at FROM cases WHERE number = ?", [number]
    ).fetchone()
    assert datetime.fromisoformat(due) - datetime.fromisoformat(since) == timedelta(hours=3)
    save_category(demo_db, admin(demo_db), replace(leak, limit_hours=5), new=False, wall=frozen)
    due = demo_db.execute("SELECT handle_due_at FROM cases WHERE number = ?", [number]).fetchone()
    assert datetime.fromisoformat(due[0]) - datetime.fromisoformat(since) == timedelta(hours=5)


def test_a_deactivated_category_or_grid_takes_no_new_case(demo_db, demo_path) -> None:
    ref = ReferenceData(demo_db)
    save_category(demo_db, admin(demo_db), replace(ref.categories["0101"], active=False),
                  new=False, wall=frozen)  # fmt: skip
    save_grid(demo_db, admin(demo_db), replace(ref.grids["G02"], active=False), new=False,
              wall=frozen)  # fmt: skip
    before = full_dump(demo_db)
    with pytest.raises(DomainError) as refused:
        register_case(demo_db, BlobStore.beside(Path(demo_path)), user_by_name(demo_db, "clerk"),
                      IntakeRequest("0101", "G02", "路口有人占道经营"), wall=frozen)  # fmt: skip
    assert "已停用" in str(refused.value)
    assert full_dump(demo_db) == before


@pytest.mark.parametrize(
    "change",
    [
        lambda u: replace(u, role=Role.SUPERVISOR),  # the clerk becomes a supervisor
        lambda u: replace(u, active=False),
    ],
)
def test_a_changed_user_leaves_the_history_of_their_steps_alone(demo_db, change) -> None:
    """Steps are judged by the role and unit their actor had when taking them: a later
    change of role, unit or status rewrites no case, on a refold or a rebuild."""
    from app.store.calendar_days import set_day

    before = projection_dump(demo_db)
    clerk = user_by_name(demo_db, "clerk")
    save_user(demo_db, admin(demo_db), change(clerk), new=False, wall=frozen)
    set_day(demo_db, admin(demo_db), "2099-01-05", False, wall=frozen)  # refolds open cases
    rebuild(demo_db, admin(demo_db))
    after = projection_dump(demo_db)
    for table in ("cases", "assignments", "calls", "case_conflicts"):
        assert after.get(table) == before.get(table), table


def _refused(db, change, message: str) -> None:  # type: ignore[no-untyped-def]
    before = full_dump(db)
    with pytest.raises(DomainError) as refused:
        change()
    assert message in str(refused.value)
    assert full_dump(db) == before


def test_units_and_people_in_use_stay_consistent(demo_db, demo_path) -> None:
    """No second office; no inactive parent; a district department with stationed units,
    a grid worker with grids, a deactivated unit taking new work: all refused."""
    db, boss = demo_db, admin(demo_db)
    ref = ReferenceData(db)
    office = Department("ZH2", "第二个办公室", "二办", Tier.ONE)
    _refused(db, lambda: save_department(db, boss, office, new=True, wall=frozen), "已有综合执法办")
    save_department(db, boss, replace(STATION, parent_code=None), new=True, wall=frozen)
    y_unit = Department("GAJ", "公安分局", "公安分局", Tier.Y)
    save_department(db, boss, y_unit, new=True, wall=frozen)
    save_department(db, boss, replace(STATION, parent_code="GAJ"), new=False, wall=frozen)
    retire = replace(ReferenceData(db).departments["GAJ"], active=False)
    _refused(db, lambda: save_department(db, boss, retire, new=False, wall=frozen), "上级主管部门")
    worker = ref.users[ref.grids["G01"].worker_id]  # type: ignore[index]
    as_clerk = replace(worker, role=Role.CLERK)
    _refused(db, lambda: save_user(db, boss, as_clerk, new=False, wall=frozen), "还负责 1 个网格")
    save_department(db, boss, replace(STATION, parent_code="GAJ", active=False), new=False,
                    wall=frozen)  # fmt: skip
    number = case_for(db, "SCJG")
    dispatch = Request(Action.DISPATCH, to="LYZ", override_reason="试派")
    _refused(db, lambda: act(db, BlobStore.beside(Path(demo_path)), user_by_name(db, "clerk"),
                             number, dispatch, wall=frozen), "已停用")  # fmt: skip


def test_a_reset_with_a_short_password_changes_nothing(demo_db) -> None:
    clerk = replace(user_by_name(demo_db, "clerk"), phone="13900000001")
    _refused(demo_db, lambda: save_user(demo_db, admin(demo_db), clerk, new=False, wall=frozen,
                                        password="123"), "密码")  # fmt: skip


def test_an_unchanged_record_writes_nothing(demo_db) -> None:
    ref = ReferenceData(demo_db)
    before = full_dump(demo_db)
    save_department(demo_db, admin(demo_db), ref.departments["PCS"], new=False, wall=frozen)
    save_category(demo_db, admin(demo_db), ref.categories["0101"], new=False, wall=frozen)
    save_user(demo_db, admin(demo_db), user_by_name(demo_db, "clerk"), new=False, wall=frozen)
    assert full_dump(demo_db) == before
