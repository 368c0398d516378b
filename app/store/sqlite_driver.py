"""The one SQLite driver every TownDesk connection uses: SQLCipher's (``sqlcipher3``).

Every module imports SQLite from here, never ``sqlite3``, for two reasons. One SQLite
everywhere: ``sqlcipher3`` bundles its own SQLite (3.53, with FTS5 and the trigram
tokenizer) on Linux and Windows, so the office PC and every laptop run the same engine
whatever Python was built with. And one family of exceptions: SQLCipher's classes are not
subclasses of the standard library's, so ``except sqlite3.Error`` would silently miss an
error raised by a SQLCipher connection. A connection opened without a key is an ordinary,
unencrypted SQLite database; ``store/database.connect`` sets the key when there is one.

sqlite-utils keeps using the standard library's names internally; the only paths of its
that catch them (``query`` releasing its savepoint after a write with ``RETURNING``,
``drop(ignore=True)``, the STRICT and upsert feature probes) are never reached by TownDesk,
which uses it for ``Database(conn)``, ``query`` over SELECTs and ``journal_mode``.
"""

from sqlcipher3.dbapi2 import (
    SQLITE_BUSY,
    SQLITE_CORRUPT,
    SQLITE_FULL,
    SQLITE_LOCKED,
    SQLITE_NOTADB,
    SQLITE_PERM,
    SQLITE_READONLY,
    Connection,
    Cursor,
    DatabaseError,
    DataError,
    Error,
    IntegrityError,
    InterfaceError,
    InternalError,
    NotSupportedError,
    OperationalError,
    ProgrammingError,
    Row,
    complete_statement,
    connect,
    sqlite_version,
)

__all__ = [
    "SQLITE_BUSY",
    "SQLITE_CORRUPT",
    "SQLITE_FULL",
    "SQLITE_LOCKED",
    "SQLITE_NOTADB",
    "SQLITE_PERM",
    "SQLITE_READONLY",
    "Connection",
    "Cursor",
    "DataError",
    "DatabaseError",
    "Error",
    "IntegrityError",
    "InterfaceError",
    "InternalError",
    "NotSupportedError",
    "OperationalError",
    "ProgrammingError",
    "Row",
    "complete_statement",
    "connect",
    "sqlite_version",
]
