-- TownDesk schema 4: the three lists (三张清单). All projections of list.replaced events:
-- each import replaces one list whole and becomes its next version.

CREATE TABLE list_versions (
    kind       TEXT NOT NULL,                 -- power, duties, boundary
    version    INTEGER NOT NULL,
    event_id   TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    actor_id   TEXT,
    source     TEXT NOT NULL,                 -- the spreadsheet's file name, or the decision
    rows       INTEGER NOT NULL,
    PRIMARY KEY (kind, version)
);

-- 权责清单: one row per matter (事项).
CREATE TABLE power_items (
    code           TEXT PRIMARY KEY,
    name           TEXT NOT NULL,
    kind           TEXT NOT NULL DEFAULT '',  -- 行政处罚, 行政强制, 行政检查 ...
    legal_basis    TEXT NOT NULL DEFAULT '',
    level          TEXT NOT NULL DEFAULT '',
    unit           TEXT NOT NULL,             -- department code
    duties         TEXT NOT NULL DEFAULT '',  -- 责任事项
    accountability TEXT NOT NULL DEFAULT ''   -- 追责情形
);

-- 职责任务清单: department -> section -> post -> duties, linked to a matter.
CREATE TABLE duty_items (
    position INTEGER NOT NULL PRIMARY KEY,    -- the row's place in the list
    unit     TEXT NOT NULL,
    section  TEXT NOT NULL DEFAULT '',
    post     TEXT NOT NULL DEFAULT '',
    duties   TEXT NOT NULL,
    matter   TEXT NOT NULL DEFAULT ''
);

-- 职责边界清单: per matter, the lead and cooperating departments and the duty of each.
CREATE TABLE boundary_items (
    code             TEXT PRIMARY KEY,
    item_no          TEXT NOT NULL DEFAULT '',
    name             TEXT NOT NULL,
    lead             TEXT NOT NULL,
    cooperating      TEXT NOT NULL DEFAULT '[]',   -- JSON list of department codes
    lead_duty        TEXT NOT NULL DEFAULT '',
    cooperating_duty TEXT NOT NULL DEFAULT '',
    visibility       TEXT NOT NULL DEFAULT '',     -- 高 / 低
    specialism       TEXT NOT NULL DEFAULT '',
    categories       TEXT NOT NULL DEFAULT '[]',   -- JSON list of problem category codes
    notes            TEXT NOT NULL DEFAULT ''
);

-- Which matter a problem category belongs to (from the boundary list).
CREATE TABLE category_matters (
    category_code TEXT NOT NULL,
    matter_code   TEXT NOT NULL,
    PRIMARY KEY (category_code, matter_code)
);

-- Search over all three lists: characters and character pairs (app/core/text.py).
CREATE VIRTUAL TABLE lists_search USING fts5 (
    kind UNINDEXED, item UNINDEXED, unigrams, bigrams, tokenize = 'unicode61'
);
