-- TownDesk schema 10: a clock on every step (issue 14; core/step_limits.py).

-- The office's own step of an open case (triage 研判, verification 核查, closing 结案) and
-- the receipt and outcome of an ordinary transfer (移送) each have a due time, worked out by
-- the case fold like sign_due_at and handle_due_at: ``step_clock`` names which one runs
-- (triage, verify, close, transfer_receipt, transfer_outcome), ``step_due_at`` when it is
-- due. NULL when none runs. The upgrade folds every case again to fill them.
ALTER TABLE cases ADD COLUMN step_clock TEXT;
ALTER TABLE cases ADD COLUMN step_due_at TEXT;
CREATE INDEX cases_by_step_due ON cases (step_due_at) WHERE step_due_at IS NOT NULL;

-- A category's own limits for the office's steps, in working days (NULL: the default of
-- core/step_limits.py); written from category.step_limits_set events, so the meaning of
-- category.set and of the categories table is left as it was.
CREATE TABLE category_step_limits (
    code         TEXT PRIMARY KEY REFERENCES categories (code),
    triage_days  INTEGER,
    verify_days  INTEGER,
    close_days   INTEGER
) WITHOUT ROWID;
