-- TownDesk schema 5: coordination records (DOMAIN.md §5–6): the division rule's inputs in the
-- power list, duty disputes, joint meetings and their decisions, case transfers.

-- The power list may say how visible and how specialised a matter is, and which problem
-- categories it covers: the division rule routes by these when the boundary list is silent.
ALTER TABLE power_items ADD COLUMN visibility TEXT NOT NULL DEFAULT '';
ALTER TABLE power_items ADD COLUMN specialism TEXT NOT NULL DEFAULT '';
ALTER TABLE power_items ADD COLUMN categories TEXT NOT NULL DEFAULT '[]';

-- A list version made by a ruling on a duty dispute (by the office or a meeting) names it.
ALTER TABLE list_versions ADD COLUMN decision_id TEXT;

-- 职责争议: a unit returned a case as "not our duty". Written by the case fold from the
-- case.return event that opened it (the dispute's id is that event's id).
CREATE TABLE disputes (
    id        TEXT PRIMARY KEY,
    case_id   TEXT NOT NULL REFERENCES cases (id),
    unit      TEXT NOT NULL,                  -- the unit that says it is not its duty
    reasons   TEXT NOT NULL,
    cited     TEXT NOT NULL DEFAULT '[]',     -- JSON: list item codes it cites
    opened_at TEXT NOT NULL,
    opened_by TEXT
);
CREATE INDEX disputes_case ON disputes (case_id);

-- What the office did with a dispute: sent it to a meeting, then (or at once) decided it.
CREATE TABLE dispute_rulings (
    dispute_id     TEXT PRIMARY KEY,
    meeting_id     TEXT,                      -- the joint meeting it was sent to
    ruled_at       TEXT,                      -- the meeting whose decision settled it, if any
    referred_at    TEXT,
    decided_at     TEXT,
    decided_by     TEXT,
    lead           TEXT,                      -- the unit found responsible
    cooperating    TEXT NOT NULL DEFAULT '[]',
    reasoning      TEXT NOT NULL DEFAULT '',
    amended_item   TEXT NOT NULL DEFAULT '',  -- the boundary item the decision changed
    decision_event TEXT
);

-- 联席会议: member units, meetings, decisions tracked until done.
CREATE TABLE meeting_members (
    unit     TEXT PRIMARY KEY,
    position INTEGER NOT NULL
);

CREATE TABLE meetings (
    id          TEXT PRIMARY KEY,
    number      INTEGER NOT NULL UNIQUE,      -- 第 N 次联席会议
    held_on     TEXT NOT NULL,                -- YYYY-MM-DD HH:MM
    place       TEXT NOT NULL DEFAULT '',
    chair       TEXT NOT NULL DEFAULT '',
    attendees   TEXT NOT NULL DEFAULT '[]',   -- JSON: unit codes
    agenda      TEXT NOT NULL DEFAULT '[]',   -- JSON: [{kind, ref, title, detail}]
    summary     TEXT NOT NULL DEFAULT '',     -- the minutes' text, once held
    minutes_at  TEXT,
    created_at  TEXT NOT NULL,
    created_by  TEXT
);

CREATE TABLE meeting_decisions (
    id         TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meetings (id),
    position   INTEGER NOT NULL,
    text       TEXT NOT NULL,
    owner      TEXT NOT NULL,                 -- the unit that carries it out
    deadline   TEXT NOT NULL,                 -- YYYY-MM-DD
    dispute_id TEXT,                          -- the dispute it settles, if any
    done_at    TEXT,
    done_by    TEXT,
    done_note  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX meeting_decisions_open ON meeting_decisions (done_at, deadline);

-- 案件移送 and 行刑衔接: written by the case fold from the transfer events of a case.
CREATE TABLE transfers (
    id           TEXT PRIMARY KEY,            -- the event that sent or registered it
    case_id      TEXT NOT NULL REFERENCES cases (id),
    direction    TEXT NOT NULL,               -- out, in
    police       INTEGER NOT NULL DEFAULT 0,  -- 行刑衔接: sent to the police
    letter_no    TEXT NOT NULL DEFAULT '',    -- 移送函 number (ours, or the sender's)
    counterpart  TEXT NOT NULL,               -- the authority it went to or came from
    reason       TEXT NOT NULL DEFAULT '',
    offence      TEXT NOT NULL DEFAULT '',
    threshold    TEXT NOT NULL DEFAULT '',    -- why it meets the prosecution threshold
    sent_at      TEXT NOT NULL,
    receipt_at   TEXT,                        -- 回执
    receipt_by   TEXT NOT NULL DEFAULT '',
    outcome      TEXT,                        -- accepted, declined, returned
    outcome_at   TEXT,
    outcome_note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX transfers_case ON transfers (case_id);

-- Transfers made before schema 5 (final then, so one per transferred case), as the case
-- fold would write them; their letters had no number yet.
INSERT INTO transfers (id, case_id, direction, police, counterpart, reason, offence, sent_at)
    SELECT e.id, e.entity_id, 'out', e.type = 'case.transfer_police',
        json_extract(e.payload, '$.to'), json_extract(e.payload, '$.reason'),
        coalesce(json_extract(e.payload, '$.offence'), ''),
        datetime((e.hlc >> 16) / 1000, 'unixepoch', '+8 hours')
    FROM events e JOIN cases c ON c.id = e.entity_id AND c.status = 'transferred'
    WHERE e.entity = 'case' AND e.type IN ('case.transfer', 'case.transfer_police')
      AND e.id NOT IN (SELECT event_id FROM case_conflicts WHERE kind = 'rival');
