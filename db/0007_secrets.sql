-- TownDesk schema 7: secrets travel only where they are needed (issue 12).

-- Password hashes and reporters' contacts, held by reference: an event carries the
-- SHA-256 of the secret (its ref), never the secret, so the events every device
-- replicates give nothing away, and a sync file carries a secret only to a device whose
-- users need it. Primary data like the evidence files: a rebuild leaves it alone.
CREATE TABLE secrets (
    ref   TEXT PRIMARY KEY,               -- SHA-256 hex of the UTF-8 value
    value TEXT NOT NULL                   -- an argon2 hash, or {"name","nonce","phone"} JSON
) WITHOUT ROWID;

-- The password a user.added / user.password_set names by its ref (password_hash is then
-- ''); NULL when the event carried the hash itself (before schema 7).
ALTER TABLE users ADD COLUMN password_ref TEXT;

-- The reporter a case.registered names by its ref (reporter_name and reporter_phone are
-- then ''); NULL when the event carried them itself or named no reporter.
ALTER TABLE cases ADD COLUMN reporter_ref TEXT;
