-- TownDesk schema 2: the case path (triage, handling, calls to Y, parking, supervision).
-- All projections: rebuilt from events like the rest.

ALTER TABLE cases ADD COLUMN route TEXT;                 -- ONE / X / Y once triaged
ALTER TABLE cases ADD COLUMN lead_unit TEXT;             -- 牵头单位 (department code)
ALTER TABLE cases ADD COLUMN cooperating_units TEXT NOT NULL DEFAULT '[]';  -- 配合单位, JSON
ALTER TABLE cases ADD COLUMN assigned_at TEXT;           -- the sign-for clock starts here
ALTER TABLE cases ADD COLUMN signed_at TEXT;             -- the handling clock starts here
ALTER TABLE cases ADD COLUMN finished_at TEXT;           -- closed, transferred, rejected, merged
ALTER TABLE cases ADD COLUMN extension_requested INTEGER;
ALTER TABLE cases ADD COLUMN extension_days INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN park_requested_until TEXT;
ALTER TABLE cases ADD COLUMN parked_until TEXT;
ALTER TABLE cases ADD COLUMN verified INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN rework_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN supervision_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN call_id TEXT;
ALTER TABLE cases ADD COLUMN call_status TEXT;
ALTER TABLE cases ADD COLUMN merged_into TEXT;           -- case number
ALTER TABLE cases ADD COLUMN handling_since TEXT;        -- signed for, or sent back for rework
-- Due times, recomputed by the projection from the events and the working-day calendar
-- whenever a step changes them (NULL: no clock running), so overdue lists are index walks.
ALTER TABLE cases ADD COLUMN sign_due_at TEXT;
ALTER TABLE cases ADD COLUMN handle_due_at TEXT;
CREATE INDEX cases_by_lead_unit ON cases (lead_unit, status);
ALTER TABLE categories ADD COLUMN sign_days INTEGER;    -- sign-for limit; NULL: the default
CREATE INDEX cases_by_sign_due ON cases (sign_due_at) WHERE sign_due_at IS NOT NULL;
CREATE INDEX cases_by_handle_due ON cases (handle_due_at) WHERE handle_due_at IS NOT NULL;

-- Who was asked to handle a case, and when that ended: the re-assignment history.
CREATE TABLE assignments (
    case_id     TEXT NOT NULL REFERENCES cases (id),
    unit        TEXT NOT NULL REFERENCES departments (code),
    part        TEXT NOT NULL CHECK (part IN ('lead', 'cooperating')),
    assigned_at TEXT NOT NULL,
    ended_at    TEXT,
    end_reason  TEXT
);
CREATE INDEX assignments_by_case ON assignments (case_id);

-- Calls to Y departments (呼叫 → 响应 → 到场 → 办结 → 确认).
CREATE TABLE calls (
    id              TEXT PRIMARY KEY,
    case_id         TEXT NOT NULL REFERENCES cases (id),
    department      TEXT NOT NULL REFERENCES departments (code),
    reason          TEXT NOT NULL,
    urgent          INTEGER NOT NULL,
    duty_phone      TEXT NOT NULL,
    status          TEXT NOT NULL,
    called_at       TEXT NOT NULL,
    acknowledged_at TEXT,
    on_scene_at     TEXT,
    handled_at      TEXT,
    confirmed_at    TEXT,
    ended_at        TEXT                     -- confirmed, or abandoned when the case was returned
);
CREATE INDEX calls_open ON calls (ended_at, urgent);

-- Parking (挂账) stops the clock: one row per approved pause.
CREATE TABLE case_pauses (
    case_id    TEXT NOT NULL REFERENCES cases (id),
    started_at TEXT NOT NULL,
    until      TEXT NOT NULL,
    ended_at   TEXT
);
CREATE INDEX case_pauses_by_case ON case_pauses (case_id);

-- Days that differ from the statutory calendar (chinese-calendar), e.g. years it does not
-- know yet or a local arrangement. Edited by the administrator.
CREATE TABLE calendar_overrides (
    day     TEXT PRIMARY KEY,                -- YYYY-MM-DD
    working INTEGER NOT NULL,                -- 1 working day, 0 day off
    note    TEXT NOT NULL DEFAULT ''
);
