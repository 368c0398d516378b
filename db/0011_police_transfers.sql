-- TownDesk schema 11: 行刑衔接 as order 310 prescribes (issue 14; core/police_transfer.py).

-- A request to transfer a case to the police (case.police_transfer_requested), by the unit
-- handling it or the office, with its materials; the responsible leader's decision
-- (case.police_transfer_approved / _denied: the approval numbers the letter and names the
-- procuratorate copied, and is the transfer, whose row is in ``transfers`` under the
-- approval's id); after the police refused to open a case, the review asked
-- (case.police_transfer_review_requested). Written by the case fold like ``transfers``.
-- Transfers of schema 5 to 11 were one step without a request: they have no row here.
CREATE TABLE police_requests (
    id              TEXT PRIMARY KEY,             -- the request's event
    case_id         TEXT NOT NULL REFERENCES cases (id),
    requested_at    TEXT NOT NULL,
    requested_by    TEXT,                         -- user id (承办人)
    by_unit         TEXT NOT NULL,
    from_status     TEXT NOT NULL,                -- pending_triage or handling
    offence         TEXT NOT NULL,                -- 涉嫌罪名
    threshold       TEXT NOT NULL,                -- why it meets the prosecution threshold
    facts           TEXT NOT NULL DEFAULT '',
    attachments     TEXT NOT NULL DEFAULT '[]',   -- JSON [{sha256, kind}], art. 6
    decision        TEXT,                         -- NULL pending, approved, denied
    decided_at      TEXT,
    decided_by      TEXT,                         -- user id (负责人)
    decision_reason TEXT NOT NULL DEFAULT '',
    letter_no       TEXT NOT NULL DEFAULT '',     -- numbered at approval
    copy_to         TEXT NOT NULL DEFAULT '',     -- 抄送 the procuratorate
    review_at       TEXT,                         -- 复议 asked (art. 9)
    review_by       TEXT,
    review_reason   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX police_requests_case ON police_requests (case_id);
