-- TownDesk schema 8: what statistics count (core/case_path/facts.py; definitions in
-- core/indicators.py). Projections like the rest: written with each case's fold, rebuilt
-- from events. The rows of existing cases are worked out after this migration
-- (store/database.py: every case is folded again in the same transaction).

-- One row per case. The grouping columns (unit, route, grid_code, category_code, source)
-- are on every fact table, so a figure is grouped the same way whatever it counts.
CREATE TABLE case_facts (
    case_id             TEXT PRIMARY KEY REFERENCES cases (id),
    unit                TEXT,              -- the lead unit now, else the last one
    route               TEXT,              -- ONE / X / Y, likewise
    grid_code           TEXT NOT NULL,
    category_code       TEXT NOT NULL,
    source              TEXT NOT NULL,
    received_at         TEXT NOT NULL,
    proactive           INTEGER NOT NULL,  -- found on patrol or joint patrol (主动发现)
    routed_at           TEXT,              -- the first triage step
    first_routing_hours REAL,              -- office hours from registration to it (首接)
    self_handled        INTEGER NOT NULL,
    to_handle           INTEGER NOT NULL,  -- not rejected, merged or transferred away
    closed              INTEGER NOT NULL,
    closed_at           TEXT,
    closed_on_time      INTEGER,           -- the last feedback came before the deadline
    handling_days       REAL,              -- working days, first routing to closing, less parked
    reworked            INTEGER NOT NULL,
    extended            INTEGER NOT NULL,
    supervised          INTEGER NOT NULL,
    parked_at           TEXT,              -- the first approved parking
    returns             INTEGER NOT NULL
);
CREATE INDEX case_facts_received ON case_facts (received_at, unit);
CREATE INDEX case_facts_closed ON case_facts (closed_at, unit) WHERE closed_at IS NOT NULL;
CREATE INDEX case_facts_parked ON case_facts (parked_at) WHERE parked_at IS NOT NULL;

-- One row per lead assignment (a case returned and dispatched again has two).
CREATE TABLE handling_facts (
    case_id        TEXT NOT NULL REFERENCES cases (id),
    unit           TEXT NOT NULL,
    route          TEXT NOT NULL,
    grid_code      TEXT NOT NULL,
    category_code  TEXT NOT NULL,
    source         TEXT NOT NULL,
    assigned_at    TEXT NOT NULL,
    sign_due_at    TEXT NOT NULL,
    signed_at      TEXT,
    signed_on_time INTEGER NOT NULL,
    sign_judged_at TEXT,                   -- from when on-time signing can be judged
    ended_at       TEXT,
    returned       INTEGER NOT NULL,
    not_our_duty   INTEGER NOT NULL,
    overridden     INTEGER NOT NULL,       -- routed against the lists' suggestion
    matter         TEXT NOT NULL DEFAULT '', -- the matter the suggestion came from
    pending        INTEGER NOT NULL DEFAULT 0 -- on-time signing still judged by the clock
);
CREATE INDEX handling_facts_pending ON handling_facts (assigned_at) WHERE pending = 1;
CREATE INDEX handling_facts_case ON handling_facts (case_id);
CREATE INDEX handling_facts_assigned ON handling_facts (assigned_at, unit);

-- One row per call to a Y department.
CREATE TABLE call_facts (
    case_id            TEXT NOT NULL REFERENCES cases (id),
    call_id            TEXT NOT NULL,
    unit               TEXT NOT NULL,
    route              TEXT NOT NULL,
    grid_code          TEXT NOT NULL,
    category_code      TEXT NOT NULL,
    source             TEXT NOT NULL,
    called_at          TEXT NOT NULL,
    urgent             INTEGER NOT NULL,
    confirmed          INTEGER NOT NULL,
    settled            INTEGER NOT NULL,   -- not abandoned by a return before it ended
    response_due_at    TEXT NOT NULL,
    response_minutes   REAL,
    response_on_time   INTEGER NOT NULL,
    response_judged_at TEXT,
    arrival_due_at     TEXT NOT NULL,
    arrival_minutes    REAL,
    arrival_on_time    INTEGER NOT NULL,
    arrival_judged_at  TEXT,
    pending            INTEGER NOT NULL DEFAULT 0 -- response or arrival judged by the clock
);
CREATE INDEX call_facts_pending ON call_facts (called_at) WHERE pending = 1;
CREATE INDEX call_facts_case ON call_facts (case_id);
CREATE INDEX call_facts_called ON call_facts (called_at, unit);

-- Coordination records seen as facts, with the same grouping columns (the case's, where
-- the record belongs to a case).
CREATE VIEW dispute_facts AS
    SELECT d.case_id, d.unit, f.route, f.grid_code, f.category_code, f.source,
        d.opened_at, r.referred_at, r.decided_at,
        (r.meeting_id IS NOT NULL) AS referred,
        (r.decided_at IS NOT NULL) AS ruled,
        round(julianday(r.decided_at) - julianday(d.opened_at), 2) AS ruling_days
    FROM disputes d
    LEFT JOIN dispute_rulings r ON r.dispute_id = d.id
    LEFT JOIN case_facts f ON f.case_id = d.case_id;

CREATE VIEW decision_facts AS
    SELECT d.case_id, m.owner AS unit, f.route, f.grid_code, f.category_code, f.source,
        m.deadline || ' 23:59:59' AS due_at, m.done_at,
        coalesce(m.done_at, m.deadline || ' 23:59:59') AS judged_at,
        (m.done_at IS NOT NULL AND m.done_at <= m.deadline || ' 23:59:59') AS done_on_time
    FROM meeting_decisions m
    LEFT JOIN disputes d ON d.id = m.dispute_id
    LEFT JOIN case_facts f ON f.case_id = d.case_id;

CREATE VIEW transfer_facts AS
    SELECT t.case_id, f.unit, f.route, f.grid_code, f.category_code, f.source,
        t.sent_at, t.police,
        (t.receipt_at IS NOT NULL) AS receipted,
        (t.outcome IS NOT NULL) AS answered,
        (t.outcome = 'accepted') AS accepted
    FROM transfers t
    LEFT JOIN case_facts f ON f.case_id = t.case_id
    WHERE t.direction = 'out';

-- The assessment's weights (考核权重) as the administrator last set them
-- (assessment.weights_set); none: the defaults in core/assessment.py.
CREATE TABLE assessment_weights (
    indicator TEXT PRIMARY KEY,
    weight    INTEGER NOT NULL
);

-- Daily sums of the indicators over the three fact tables (core/rollup.py), one row per
-- grouping dimension, day, indicator and group code; kept in step by every fold.
CREATE TABLE figure_days (
    dimension TEXT NOT NULL,                  -- unit, grid, category, route, source
    day       TEXT NOT NULL,                  -- YYYY-MM-DD of the indicator's anchor
    indicator TEXT NOT NULL,
    code      TEXT NOT NULL,                  -- the group's code; '-' for none
    counted   INTEGER NOT NULL,
    hit       INTEGER NOT NULL,
    value_sum INTEGER NOT NULL,               -- hundredths
    PRIMARY KEY (dimension, day, indicator, code)
) WITHOUT ROWID;
