-- TownDesk schema 3: devices and their keys, sync files, chain heads, conflicts, custody.

-- Devices of the township (the office and enrolled field laptops), from device.* events.
CREATE TABLE devices (
    id          TEXT PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,          -- part of every case number made there
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,                 -- office, grid-worker, department
    department  TEXT,                          -- the unit a department laptop works for
    sign_key    TEXT NOT NULL,                 -- Ed25519 public key, hex
    box_key     TEXT NOT NULL,                 -- age X25519 recipient (age1...)
    enrolled_at TEXT NOT NULL,
    revoked_at  TEXT,
    revoked_why TEXT
);

-- The office's escrow recipient: every sync file is also encrypted to it.
ALTER TABLE township ADD COLUMN escrow_key TEXT;

-- Chain heads signed by their own device: one signature vouches for every event of that
-- device up to seq (each event carries the hash of the one before). Local record.
CREATE TABLE chain_heads (
    device_id TEXT NOT NULL,
    seq       INTEGER NOT NULL,
    hash      TEXT NOT NULL,
    signature TEXT NOT NULL,                   -- hex
    PRIMARY KEY (device_id, seq)
);

-- What each peer has confirmed it holds, per origin device (a version vector). Local.
CREATE TABLE peer_has (
    peer_id   TEXT NOT NULL,
    origin_id TEXT NOT NULL,
    seq       INTEGER NOT NULL,
    PRIMARY KEY (peer_id, origin_id)
);

-- Sync files written and read here. Local history, never synced.
CREATE TABLE sync_files (
    file_id      TEXT NOT NULL,
    direction    TEXT NOT NULL CHECK (direction IN ('export', 'import')),
    peer_id      TEXT NOT NULL,
    created_at   TEXT NOT NULL,                -- when the sender wrote it
    processed_at TEXT NOT NULL,                -- when it was written or imported here
    actor_id     TEXT,
    path         TEXT NOT NULL,
    summary      TEXT NOT NULL,                -- JSON: counts, ranges, quarantined, held back
    PRIMARY KEY (file_id, direction)
);

-- Events refused because their (device, seq) or id is already here with another hash.
CREATE TABLE quarantine (
    file_id   TEXT NOT NULL,
    event_id  TEXT NOT NULL,
    device_id TEXT NOT NULL,
    device_seq INTEGER NOT NULL,
    reason    TEXT NOT NULL,
    body      TEXT NOT NULL,                   -- the event as received, canonical JSON
    PRIMARY KEY (file_id, event_id)
);

------------------------------------------------------------------ projections

-- Steps made offline on two devices that collide (core/conflicts.py). Until a clerk
-- resolves them the case carries a flag and the timeline shows both versions.
ALTER TABLE cases ADD COLUMN last_event_id TEXT;  -- the latest event in the merged order
ALTER TABLE cases ADD COLUMN conflict INTEGER NOT NULL DEFAULT 0;
UPDATE cases SET last_event_id = (
    SELECT id FROM events WHERE entity = 'case' AND entity_id = cases.id
    ORDER BY hlc DESC, device_id DESC, device_seq DESC LIMIT 1
);
CREATE INDEX cases_in_conflict ON cases (conflict) WHERE conflict = 1;
CREATE TABLE case_conflicts (
    case_id     TEXT NOT NULL REFERENCES cases (id),
    event_id    TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('rival', 'concurrent')),
    resolved_by TEXT,                          -- the event that settled it
    PRIMARY KEY (case_id, event_id)
);

-- Custody of evidence files: captured (by whom, on which device, when) and every sync
-- file that brought it to another device (recorded by the receiver as an event).
CREATE TABLE custody (
    sha256    TEXT NOT NULL,
    at        TEXT NOT NULL,
    kind      TEXT NOT NULL CHECK (kind IN ('captured', 'received')),
    device_id TEXT NOT NULL,                   -- captured on / received by
    actor_id  TEXT,
    case_id   TEXT,
    from_device_id TEXT,                       -- received: the sender
    file_id   TEXT,                            -- received: the sync file
    file_created_at TEXT
);
CREATE INDEX custody_by_blob ON custody (sha256, at);
INSERT INTO custody (sha256, at, kind, device_id, actor_id, case_id)
    SELECT e.sha256,
        CASE WHEN ev.type = 'case.registered' THEN json_extract(ev.payload, '$.received_at')
             ELSE datetime((ev.hlc >> 16) / 1000, 'unixepoch', '+8 hours') END,
        'captured', ev.device_id, ev.actor_id, e.case_id
    FROM case_evidence e JOIN events ev ON ev.entity = 'case' AND ev.entity_id = e.case_id
    JOIN json_each(ev.payload, '$.photos') AS photo
        ON json_extract(photo.value, '$.sha256') = e.sha256;
