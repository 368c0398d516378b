"""Tables against the log: replay the event log into a scratch database and compare every
projection with what is stored, field by field. Reads the real database only.

The scratch is SQLite's private temporary database (opened with an empty name): it is
deleted when closed, and its pages spill to an unlinked temporary file only when they
outgrow the page cache, so memory stays bounded at a million cases. Its ``events`` and
``device`` are temporary views of the real ones (attached read-only), so the replay is
``rebuild`` itself, not a second implementation of it.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from app.core.errors import DomainError
from app.store import sqlite_driver
from app.store.database import key_of, migrate
from app.store.encryption import key_statement, new_key
from app.store.rebuild import replay_log

# Local row numbers, not derived from events: a rebuild numbers rows in its own order.
_LOCAL_COLUMNS = {"cases": {"seq"}}
_NOT_COMPARED = {
    "cases_search": "案件搜索索引（无内容的全文索引，读不回来，不比对；重建会重做它）",
}


@dataclass(frozen=True)
class Difference:
    table: str
    key: str  # the row, as a reader knows it: case number, code, id
    column: str  # "" when the whole row is missing on one side
    stored: Any
    rebuilt: Any

    def text(self) -> str:
        if self.column == "":
            if self.stored is None:
                return f"表 {self.table}，{self.key}：少了这一行（按事件记录应有）"
            return f"表 {self.table}，{self.key}：多了这一行（事件记录中没有依据）"
        return (
            f"表 {self.table}，{self.key}：字段 {self.column} "
            f"表中为 {_shown(self.stored)}，按事件记录应为 {_shown(self.rebuilt)}"
        )


@dataclass
class TableCheck:
    tables: int = 0
    rows: int = 0
    count: int = 0  # every difference found; ``differences`` holds the first ``limit``
    differences: list[Difference] = field(default_factory=list)
    not_compared: list[str] = field(default_factory=list)


def _shown(value: Any) -> str:
    if value is None:
        return "空"
    text = str(value)
    return repr(text[:60] + "…") if len(text) > 60 else repr(text)


def compare_with_rebuild(
    db: Database, limit: int = 30, progress: Callable[[int, int], bool] | None = None
) -> TableCheck:
    """Every difference between the stored projections and a replay of the log."""
    source, key = _main_file(db), key_of(db)
    with closing(sqlite_driver.connect("", check_same_thread=False)) as conn:
        try:
            if key is not None:  # the replay holds what the database hides: encrypt it too
                conn.execute(key_statement(new_key()))
            scratch = Database(conn, execute_plugins=False)
            migrate(scratch, None)
            _lighten(conn)
            source_key = "" if key is None else f"x'{key.hex()}'"  # '' : a plain file
            conn.execute("ATTACH DATABASE ? AS src KEY ?", [f"file:{source}?mode=ro", source_key])
            conn.execute("CREATE TEMP VIEW events AS SELECT * FROM src.events")
            conn.execute("CREATE TEMP VIEW device AS SELECT * FROM src.device")
            conn.execute("BEGIN")  # one read snapshot of the real database for the whole check
        except (sqlite_driver.OperationalError, DomainError) as error:
            raise DomainError("verify_scratch_failed", reason=str(error)) from error
        try:
            replay_log(scratch, progress)
            return _compare(conn, limit)
        except sqlite_driver.OperationalError as error:
            if "full" in str(error) or "disk" in str(error):
                raise DomainError("verify_scratch_failed", reason=str(error)) from error
            raise
        finally:
            conn.execute("ROLLBACK")


def _lighten(conn: sqlite_driver.Connection) -> None:
    """The scratch is written once and scanned once: no search index (it is not compared)
    and no secondary index but the unique ones that upserts rely on."""
    conn.execute("DROP TABLE cases_search")
    conn.execute(
        "CREATE VIEW cases_search AS SELECT NULL cases_search, NULL unigrams, NULL bigrams"
    )
    conn.execute("CREATE TRIGGER not_indexed INSTEAD OF INSERT ON cases_search BEGIN SELECT 1; END")
    for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        "AND sql NOT LIKE 'CREATE UNIQUE%'"
    ).fetchall():
        conn.execute(f'DROP INDEX "{name}"')


def _main_file(db: Database) -> str:
    for _, name, path in db.execute("PRAGMA database_list").fetchall():
        if name == "main" and path:
            return path
    raise DomainError("verify_not_a_file")


def _tables(conn: sqlite_driver.Connection) -> list[str]:
    rows = conn.execute(
        "SELECT name FROM main.sqlite_master WHERE type = 'table' AND sql NOT LIKE "
        "'CREATE VIRTUAL%' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%search_%'"
    ).fetchall()
    return sorted(name for (name,) in rows if _is_projection(conn, name))


def _is_projection(conn: sqlite_driver.Connection, table: str) -> bool:
    """A projection is whatever the replay filled, plus every table it could have filled:
    the scratch starts empty, so a table the replay left empty is compared too unless it
    is one of the local records (the log, sync history, keys, settings)."""
    return table not in _LOCAL_TABLES


# Written here and never derived from events (the log itself, sync bookkeeping, this
# device's settings and sign-in throttling), or primary data held beside the log (the
# secrets its events name by ref, checked against their refs instead): nothing to rebuild
# them from.
_LOCAL_TABLES = {
    "secrets",
    "events",
    "device",
    "chain_heads",
    "peer_has",
    "sync_files",
    "quarantine",
    "settings",
    "sign_in_failures",
    "blobs",
}


def _compare(conn: sqlite_driver.Connection, limit: int) -> TableCheck:
    check = TableCheck(not_compared=list(_NOT_COMPARED.values()))
    numbers = _CaseNumbers(conn)
    for table in _tables(conn):
        check.tables += 1
        columns = [
            (name, pk)
            for _, name, _, _, _, pk in conn.execute(f"PRAGMA main.table_info({table})")
            if name not in _LOCAL_COLUMNS.get(table, set())
        ]
        names = [name for name, _ in columns]
        check.rows += conn.execute(f"SELECT count(*) FROM src.{table}").fetchone()[0]
        listed = ", ".join(f'"{n}"' for n in names)
        grouped = f"SELECT {listed}, count(*) FROM {{}}.{table} GROUP BY {listed}"
        stored = conn.execute(f"{grouped.format('src')} EXCEPT {grouped.format('main')}").fetchall()
        rebuilt = conn.execute(
            f"{grouped.format('main')} EXCEPT {grouped.format('src')}"
        ).fetchall()
        if stored or rebuilt:
            keys = _key_columns(table, columns)
            for difference in _pair(table, names, keys, stored, rebuilt, numbers):
                check.count += 1
                if len(check.differences) < limit:
                    check.differences.append(difference)
    return check


def _key_columns(table: str, columns: list[tuple[str, int]]) -> list[str]:
    """The primary key, or for a table without one the columns that name its row."""
    keys = [name for name, pk in sorted(columns, key=lambda c: c[1]) if pk]
    if table == "cases":
        return ["id"]
    if keys:
        return keys
    names = [name for name, _ in columns]
    return [n for n in ("case_id", "sha256", "unit", "part", "started_at", "kind") if n in names]


def _pair(
    table: str,
    names: list[str],
    keys: list[str],
    stored: list[tuple[Any, ...]],
    rebuilt: list[tuple[Any, ...]],
    numbers: _CaseNumbers,
) -> list[Difference]:
    """Rows that differ on both sides under the same key: one line per field; the rest
    are rows only one side has."""
    at = [names.index(k) for k in keys]

    def key_of(row: tuple[Any, ...]) -> tuple[Any, ...]:
        return tuple(row[i] for i in at)

    theirs = {key_of(row): row for row in rebuilt}
    found: list[Difference] = []
    for row in stored:
        key = key_of(row)
        label = _label(table, names, keys, row, numbers)
        other = theirs.pop(key, None)
        if other is None:
            found.append(Difference(table, label, "", row, None))
            continue
        for i, name in enumerate([*names, "(行数)"]):
            if i not in at and row[i] != other[i]:
                found.append(Difference(table, label, name, row[i], other[i]))
    for row in theirs.values():
        found.append(Difference(table, _label(table, names, keys, row, numbers), "", None, row))
    return found


def _label(
    table: str, names: list[str], keys: list[str], row: tuple[Any, ...], numbers: _CaseNumbers
) -> str:
    values = dict(zip(names, row, strict=False))
    case_id = values["id"] if table == "cases" else values.get("case_id")
    parts = [f"案件 {numbers.of(case_id)}"] if case_id else []
    named = next((values[n] for n in ("username", "code", "number") if values.get(n)), None)
    if named is not None and not case_id:
        parts.append(str(named))
    else:
        parts += [f"{k}={values[k]}" for k in keys if k not in ("id", "case_id") or not case_id]
    return " ".join(parts) if parts else "(整行)"


class _CaseNumbers:
    """Case numbers for the report, from the rebuilt table (the stored one may be the lie)."""

    def __init__(self, conn: sqlite_driver.Connection) -> None:
        self.conn = conn

    def of(self, case_id: str) -> str:
        for schema in ("main", "src"):
            row = self.conn.execute(
                f"SELECT number FROM {schema}.cases WHERE id = ?", [case_id]
            ).fetchone()
            if row:
                return row[0]
        return case_id
