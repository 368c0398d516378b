-- TownDesk schema 12: governed duty lists (issue 14; core/amendments.py).

-- 本镇修订: how the township's rulings (a dispute ruling, or a joint meeting's decision)
-- change who leads a matter, kept beside the official boundary list, which only an
-- official import (list.replaced) changes. Written from list.amended events. Routing uses
-- the official item overridden by the latest amendment of the category that no official
-- import has settled yet. ``item``: the official item it amends, or the code proposed for
-- a new item when the official list has none for the category (``official`` = 0).
CREATE TABLE list_amendments (
    event_id      TEXT PRIMARY KEY,
    hlc           INTEGER NOT NULL,
    amended_at    TEXT NOT NULL,
    actor_id      TEXT,
    item          TEXT NOT NULL,
    official      INTEGER NOT NULL,
    item_no       TEXT NOT NULL DEFAULT '',
    item_name     TEXT NOT NULL DEFAULT '',
    official_lead TEXT NOT NULL DEFAULT '',
    official_cooperating TEXT NOT NULL DEFAULT '[]',
    category_code TEXT NOT NULL,
    category_name TEXT NOT NULL DEFAULT '',
    lead          TEXT NOT NULL,
    cooperating   TEXT NOT NULL DEFAULT '[]',  -- JSON: unit codes
    reason        TEXT NOT NULL,
    case_id       TEXT,
    case_number   TEXT NOT NULL DEFAULT '',
    dispute_id    TEXT,
    meeting_id    TEXT,
    decision_id   TEXT,
    settled_version INTEGER,                    -- the official version that now says the same
    settled_at    TEXT
);
CREATE INDEX list_amendments_by_category ON list_amendments (category_code, hlc);

-- A dispute taken back from the joint meeting it was referred to (dispute.withdrawn): the
-- referral is cleared, the withdrawal kept.
ALTER TABLE dispute_rulings ADD COLUMN withdrawn_at TEXT;
ALTER TABLE dispute_rulings ADD COLUMN withdrawn_from TEXT;  -- the meeting's id
ALTER TABLE dispute_rulings ADD COLUMN withdrawn_reason TEXT NOT NULL DEFAULT '';

-- A category split into narrower ones (category.split; core/category_split.py): each new
-- category names the one it came from, whose lists routing reads until the official lists
-- name the new one.
CREATE TABLE category_splits (
    code       TEXT PRIMARY KEY,
    split_from TEXT NOT NULL,
    split_at   TEXT NOT NULL,
    event_id   TEXT NOT NULL
) WITHOUT ROWID;
