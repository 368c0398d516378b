-- TownDesk schema 9: a case's parties (当事人, DOMAIN.md §8; core/case_path/parties.py).

-- Written by the case fold from case.party_added / case.party_removed. A removed party
-- stays, with who removed it, when and why: what a case once named is accountable.
-- A person's name, ID number, phone and address, and an organisation's legal
-- representative and address, are held by ref in ``secrets`` (party_ref); an
-- organisation's name and unified social credit code are public registry data, kept here.
CREATE TABLE case_parties (
    case_id        TEXT NOT NULL REFERENCES cases (id),
    id             TEXT NOT NULL,             -- short, unique within the case
    position       INTEGER NOT NULL,          -- 1, 2, … in the order recorded (merged order)
    kind           TEXT NOT NULL,             -- person, organisation
    name           TEXT NOT NULL DEFAULT '',  -- an organisation's; '' for a person
    credit_code    TEXT NOT NULL DEFAULT '',  -- 统一社会信用代码
    party_ref      TEXT,                      -- the held personal data (secrets.ref)
    added_at       TEXT NOT NULL,
    added_by       TEXT,
    removed_at     TEXT,
    removed_by     TEXT,
    removed_reason TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (case_id, id)
) WITHOUT ROWID;
