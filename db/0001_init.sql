-- TownDesk schema 1: the event log, this device, and the first projections.
-- Everything below "projections" is derived from events and can be rebuilt.

-- This installation. Exactly one row.
CREATE TABLE device (
    id         TEXT PRIMARY KEY,           -- UUIDv7
    code       TEXT NOT NULL,              -- 2-4 capitals, part of every case number made here
    created_at TEXT NOT NULL,
    last_hlc   INTEGER NOT NULL DEFAULT 0  -- the hybrid logical clock survives restarts
);

-- Local preferences (language, window geometry): typed JSON values, never synced.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Wrong passwords in a row, per user name, to slow down guessing. Local, never synced.
CREATE TABLE sign_in_failures (
    username        TEXT PRIMARY KEY,
    failures        INTEGER NOT NULL,
    last_failure_ms INTEGER NOT NULL
);

-- The append-only event log (ARCHITECTURE.md §2).
CREATE TABLE events (
    id         TEXT PRIMARY KEY,           -- UUIDv7
    device_id  TEXT NOT NULL,              -- the device that created the event
    device_seq INTEGER NOT NULL,           -- 1, 2, 3 ... per device, no gaps
    hlc        INTEGER NOT NULL,           -- hybrid logical clock: ms << 16 | counter
    actor_id   TEXT,                       -- the user who did it
    entity     TEXT NOT NULL,              -- case, department, grid, user, category, township
    entity_id  TEXT NOT NULL,
    type       TEXT NOT NULL,
    payload    TEXT NOT NULL,              -- canonical JSON
    prev_hash  TEXT NOT NULL,              -- hash of the device's previous event
    hash       TEXT NOT NULL,              -- sha256 of the canonical event body
    signature  BLOB,                       -- Ed25519 over chain heads, added with sync
    UNIQUE (device_id, device_seq)
);
CREATE INDEX events_by_entity ON events (entity, entity_id, hlc);
CREATE INDEX events_in_order ON events (hlc, device_id, device_seq);

CREATE TRIGGER events_are_never_updated BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_are_never_deleted BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

-- Evidence files stored content-addressed beside the database (blobs/ab/abcdef...).
CREATE TABLE blobs (
    sha256     TEXT PRIMARY KEY,
    size       INTEGER NOT NULL,
    media_type TEXT NOT NULL
);

------------------------------------------------------------------ projections

CREATE TABLE township (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    name       TEXT NOT NULL,
    code       TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE departments (
    code           TEXT PRIMARY KEY,
    name           TEXT NOT NULL,
    short_name     TEXT NOT NULL,
    tier           TEXT NOT NULL CHECK (tier IN ('ONE', 'X', 'Y')),
    duty_phone     TEXT NOT NULL DEFAULT '',
    ack_minutes    INTEGER,                -- response commitment, tier Y only
    arrive_minutes INTEGER,
    handle_days    INTEGER
);

CREATE TABLE users (
    id              TEXT PRIMARY KEY,
    username        TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    role            TEXT NOT NULL,
    department_code TEXT NOT NULL REFERENCES departments (code),
    phone           TEXT NOT NULL DEFAULT '',
    password_hash   TEXT NOT NULL,
    active          INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE grids (
    code      TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    area      TEXT NOT NULL,
    worker_id TEXT REFERENCES users (id)
);

CREATE TABLE categories (
    code            TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    parent_code     TEXT REFERENCES categories (code),
    route           TEXT,
    department_code TEXT REFERENCES departments (code),
    limit_days      INTEGER
);

CREATE TABLE cases (
    seq                    INTEGER PRIMARY KEY,  -- local row number: FTS rowid, list windows
    id                     TEXT NOT NULL UNIQUE,
    number                 TEXT NOT NULL UNIQUE,
    source                 TEXT NOT NULL,
    category_code          TEXT NOT NULL REFERENCES categories (code),
    grid_code              TEXT NOT NULL REFERENCES grids (code),
    description            TEXT NOT NULL,
    address                TEXT NOT NULL DEFAULT '',
    urgency                TEXT NOT NULL,
    status                 TEXT NOT NULL,
    first_receiver_unit    TEXT NOT NULL REFERENCES departments (code),
    first_receiver_user_id TEXT NOT NULL REFERENCES users (id),
    reporter_name          TEXT NOT NULL DEFAULT '',
    reporter_phone         TEXT NOT NULL DEFAULT '',
    latitude               REAL,
    longitude              REAL,
    received_at            TEXT NOT NULL,
    updated_at             TEXT NOT NULL
);
-- One index per sortable column and per filter, so every list window is an index walk.
CREATE INDEX cases_by_received ON cases (received_at);
CREATE INDEX cases_by_status ON cases (status, received_at);
CREATE INDEX cases_by_category ON cases (category_code, received_at);
CREATE INDEX cases_by_grid ON cases (grid_code, received_at);
CREATE INDEX cases_by_source ON cases (source, received_at);
CREATE INDEX cases_by_urgency ON cases (urgency, received_at);
CREATE INDEX cases_by_address ON cases (address);
CREATE INDEX cases_by_first_receiver ON cases (first_receiver_unit, received_at);
-- Search results are looked up by row number; this narrow copy of the list's filter and sort
-- columns lets SQLite filter and sort tens of thousands of hits without reading whole rows.
CREATE INDEX cases_by_seq ON cases (
    seq, received_at, status, category_code, grid_code, source, urgency, first_receiver_unit
);

CREATE TABLE case_evidence (
    case_id   TEXT NOT NULL REFERENCES cases (id),
    sha256    TEXT NOT NULL,
    file_name TEXT NOT NULL,
    added_at  TEXT NOT NULL,
    PRIMARY KEY (case_id, sha256)
);

-- Chinese search (app/core/text.py): single characters and character pairs, contentless.
CREATE VIRTUAL TABLE cases_search USING fts5 (
    unigrams, bigrams, content = '', tokenize = 'unicode61', detail = 'full'
);
