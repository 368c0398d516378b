"""The writing commands the kill trials run, each with the folder it starts from: a small
demo township made by the command line itself, a case registered with photos and walked
along its path, a base-data workbook, a list spreadsheet, a field laptop's sync file, and
a new demo. Every state is made by the same pinned command line (``tests.kill.pinned``),
so the "after" of one command is byte for byte the "before" of the next."""

from __future__ import annotations

import csv
import io
import random
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from app.cli.cmd_sync import KEY_PASSWORD_ENV
from app.core.base_data_sheets import (
    CATEGORIES,
    DEPARTMENTS,
    GRIDS,
    HEADERS,
    NOTES,
    SHEETS,
    USERS,
    category_cells,
    department_cells,
    grid_cells,
    user_cells,
)
from app.reports.sheet_writer import SheetOut, write_workbook
from app.store import reference
from app.store.setup import open_database
from tests.clock import DEMO_NOW_MS, TEST_NOW_MS
from tests.kill.trials import (
    COMMITTING,
    DB_NAME,
    DECRYPTED,
    DEMO_RENAMED,
    DEMO_WRITING,
    EVIDENCE,
    STORED,
    Run,
    Scenario,
    run,
    scenario,
)
from tests.store.store_helpers import category_for
from tests.sync.conftest import OFFICE_PASSWORD, enrol_laptop, open_node

PASSWORDS = {
    "admin": "admin123",
    "clerk": "clerk123",
    "officer_zfzd": "officer123",
    "leader": "leader123",
}
DEMO_CASES = 60  # the township the commands work on: small keeps each dump quick
NEW_DEMO_CASES = 20  # the demo the demo command makes (its fixed part dominates)
MINUTE_MS = 60_000
LAPTOP_CASES, LAPTOP_PHOTOS = 40, 10
# (action, who, options): a case from registration to closing, with evidence on the way
CASE_PATH = (
    ("dispatch", "clerk", ("--to", "ZFZD")),
    ("sign", "officer_zfzd", ()),
    ("feedback", "officer_zfzd", ("--note", "已劝离摊贩，恢复通行", "--photo", "{after1}",
                                  "{after2}")),
    ("verify", "clerk", ("--pass", "--note", "现场核查已整改")),
    ("close", "clerk", ()),
)  # fmt: skip


def photo(path: Path, seed: int, size: tuple[int, int]) -> Path:
    """A real JPEG (it decodes) of noise, so it does not compress: a large one takes a
    while to copy, hash and fsync, which is a moment the kills should find."""
    noise = random.Random(seed).randbytes(size[0] * size[1] * 3)
    Image.frombytes("RGB", size, noise).save(path, "JPEG", quality=95)
    return path


def step(*argv: str, who: str = "admin", minute: int = 0, env: dict[str, str] | None = None) -> Run:
    """``towndesk ARGV --db {db}`` signed in as ``who`` (``--as`` where the command takes
    it; TOWNDESK_USER/PASSWORD always), at the tests' moment plus ``minute`` minutes."""
    return Run(
        (*argv, "--db", "{db}"),
        who,
        PASSWORDS[who],
        TEST_NOW_MS + minute * MINUTE_MS,
        tuple(sorted((env or {}).items())),
    )


def harmless(minute: int) -> Run:
    """The next start: a command that reads (and may sweep); its files are dated back two
    days before it runs (``trials.NEXT_START_LATER_S``)."""
    return step("verify", minute=minute + 2 * 24 * 60)


@dataclass
class Worlds:
    """Builds the scenarios on first use, in ``root``; each once per session."""

    root: Path
    built: dict[str, Scenario]

    def get(self, name: str) -> Scenario:
        if name not in self.built:
            BUILDERS[name](self)
        return self.built[name]

    def folder(self, name: str) -> Path:
        return self.root / "states" / name

    def keep_after(self, scene: Scenario, name: str) -> Path:
        """A complete run's folder, kept as the next command's before."""
        kept = self.folder(name)
        shutil.copytree(self.root / scene.name / "complete-0", kept)
        return kept

    @property
    def photos(self) -> Path:
        folder = self.root / "photos"
        if not folder.exists():
            folder.mkdir()
            photo(folder / "现场-远景.jpg", 1, (320, 240))
            photo(folder / "现场-近景.jpg", 2, (2400, 1800))
            photo(folder / "整改后-远景.jpg", 3, (320, 240))
            photo(folder / "整改后-近景.jpg", 4, (2400, 1800))
        return folder


def base(worlds: Worlds) -> Path:
    """The demo township, made by ``towndesk demo`` (pinned), in its own folder."""
    folder = worlds.folder("base")
    if not folder.exists():
        folder.mkdir(parents=True)
        demo = Run(("demo", "--db", "{db}", "--cases", str(DEMO_CASES)), "admin", "admin123",
                   DEMO_NOW_MS)  # fmt: skip
        run(demo, folder / DB_NAME, worlds.root / "tmp")
    return folder


def _case_add(worlds: Worlds) -> None:
    before = base(worlds)
    db = open_database(before / DB_NAME)
    try:
        category = category_for(db, "ZFZD")
    finally:
        db.close()
    near, far = worlds.photos / "现场-近景.jpg", worlds.photos / "现场-远景.jpg"
    add = step(
        "case", "add", "--as", "clerk", "--category", category, "--grid", "G01",
        "--description", "青石村路口流动摊贩占道经营，堵塞人行道", "--address", "青石村路口",
        "--reporter", "王建华", "--phone", "13800001234", "--photo", str(far), str(near),
        who="clerk",
    )  # fmt: skip
    phases = (EVIDENCE, STORED, COMMITTING)
    scene = scenario("case add", before, add, harmless(0), worlds.root, phases)
    worlds.built[scene.name] = scene
    worlds.keep_after(scene, "case added")


def _case_act(worlds: Worlds) -> None:
    worlds.get("case add")
    before = worlds.folder("case added")
    db = open_database(before / DB_NAME)
    try:
        number = db.execute("SELECT number FROM cases ORDER BY received_at DESC").fetchone()[0]
    finally:
        db.close()
    files = {
        "{after1}": str(worlds.photos / "整改后-远景.jpg"),
        "{after2}": str(worlds.photos / "整改后-近景.jpg"),
    }
    for n, (action, who, options) in enumerate(CASE_PATH, 1):
        argv = ("case", "act", number, action, "--as", who, *(files.get(o, o) for o in options))
        act = step(*argv, who=who, minute=n)
        phases = (EVIDENCE, STORED, COMMITTING) if "--photo" in options else (COMMITTING,)
        scene = scenario(f"case act {action}", before, act, harmless(n), worlds.root, phases)
        worlds.built[scene.name] = scene
        before = worlds.keep_after(scene, f"case {action}")


def _setup_import(worlds: Worlds) -> None:
    """The township's own workbook with a grid, a category and users added."""
    before = base(worlds)
    db = open_database(before / DB_NAME)
    try:  # the rows ``setup export`` writes
        names = {u.id: u.username for u in reference.users(db)}
        rows = {
            DEPARTMENTS: [department_cells(d) for d in reference.departments(db)],
            GRIDS: [grid_cells(g, names.get(g.worker_id or "", "")) for g in reference.grids(db)],
            CATEGORIES: [category_cells(c) for c in reference.categories(db)],
            USERS: [user_cells(u) for u in reference.users(db)],
        }
    finally:
        db.close()
    rows[GRIDS].append(["G90", "青石村第九十网格", "青石村", "村北新区", "", "是"])
    rows[CATEGORIES].append(["0190", "占道晾晒", "01", "X", "ZFZD", "3", "", "", "", "是"])
    rows[USERS] += [
        [f"slxy{n}", f"受理员{n}", "受理员", "ZHB", f"1390000000{n}", "是", f"start-{n}-pass"]
        for n in range(1, 5)
    ]
    workbook = worlds.root / "基础数据表-补充.xlsx"
    sheets = [SheetOut(s, list(HEADERS[s]), rows[s], NOTES[s]) for s in SHEETS]
    write_workbook(workbook, "青石镇基础数据表", sheets)
    scene = scenario(
        "setup import", before, step("setup", "import", str(workbook), "--as", "admin"),
        harmless(0), worlds.root,
    )  # fmt: skip
    worlds.built[scene.name] = scene


def _lists_import(worlds: Worlds) -> None:
    """The shipped 权责清单 with every matter's name revised: a new version of the list."""
    before = base(worlds)
    source = Path(__file__).resolve().parents[2] / "resources" / "lists" / "权责清单.csv"
    table = list(csv.reader(io.StringIO(source.read_text(encoding="utf-8"))))
    name = table[0].index("事项名称")
    for row in table[1:]:
        row[name] += "（2027年修订）"
    revised = worlds.root / "权责清单-修订.csv"
    with revised.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows(table)
    imported = step("lists", "import", str(revised), "--kind", "power", "--as", "admin")
    scene = scenario("lists import", before, imported, harmless(0), worlds.root)
    worlds.built[scene.name] = scene


def _sync_import(worlds: Worlds) -> None:
    """A field laptop's file of 40 reports, 10 with photos, imported at the office; the
    next start imports it again (which must complete it)."""
    office_folder = worlds.folder("office")
    shutil.copytree(base(worlds), office_folder)
    office = open_node(office_folder / DB_NAME, OFFICE_PASSWORD)
    laptop = enrol_laptop(office, worlds.root / "laptop", "青石村网格终端")
    for n in range(LAPTOP_CASES):
        taken = None
        if n < LAPTOP_PHOTOS:
            taken = photo(worlds.root / "laptop" / f"{n}.jpg", 100 + n, (640, 480))
        laptop.report(f"第{n}号：路边占道经营，摊位堵塞人行道", taken)
    sync_file = laptop.export_to(office, worlds.root / "up.tdsync").path
    office.db.close()
    laptop.db.close()
    keys = {KEY_PASSWORD_ENV: OFFICE_PASSWORD}
    imported = step("sync", "import", str(sync_file), "--as", "admin", minute=60, env=keys)
    phases = (DECRYPTED, EVIDENCE, STORED, COMMITTING)
    scene = scenario("sync import", office_folder, imported, imported, worlds.root, phases, True)
    worlds.built[scene.name] = scene


def _demo(worlds: Worlds) -> None:
    """``towndesk demo`` into a new folder; the next start is ``demo --if-missing``, as
    ``make run`` starts."""
    made = step("demo", "--cases", str(NEW_DEMO_CASES))
    again = step("demo", "--cases", str(NEW_DEMO_CASES), "--if-missing")
    phases = (DEMO_WRITING, DEMO_RENAMED)
    scene = scenario("demo", worlds.root / "no-database", made, again, worlds.root, phases, True)
    worlds.built[scene.name] = scene


BUILDERS: dict[str, Callable[[Worlds], None]] = {
    "case add": _case_add,
    **{f"case act {action}": _case_act for action, _, _ in CASE_PATH},
    "setup import": _setup_import,
    "lists import": _lists_import,
    "sync import": _sync_import,
    "demo": _demo,
}
