-- TownDesk schema 13: what follows a transfer to the police (issue 14, 行刑衔接 as order 310
-- prescribes; core/police_transfer.py). Every column is a projection of events.

-- Art. 5: the authority's principal leader (正职负责人) approves or refuses a transfer, or the
-- one presiding in their place (主持工作的负责人). Set by the administrator
-- (township.principal_leader_set); while NULL every leader may decide, as before schema 13.
ALTER TABLE township ADD COLUMN principal_leader_id TEXT;
ALTER TABLE township ADD COLUMN acting_leader_id TEXT;

-- Art. 9: the police's answer to a review (case.police_review_answered: the refusal upheld,
-- or a case opened), and after an upheld refusal the request to the procuratorate to
-- supervise (立案监督, art. 9 and 14: case.police_supervision_requested).
ALTER TABLE police_requests ADD COLUMN review_answer TEXT;            -- NULL, upheld, opened
ALTER TABLE police_requests ADD COLUMN review_answered_at TEXT;
ALTER TABLE police_requests ADD COLUMN review_answer_note TEXT NOT NULL DEFAULT '';
ALTER TABLE police_requests ADD COLUMN supervision_at TEXT;           -- 立案监督 asked
ALTER TABLE police_requests ADD COLUMN supervision_on TEXT;           -- the date of the request
ALTER TABLE police_requests ADD COLUMN supervision_to TEXT NOT NULL DEFAULT '';
ALTER TABLE police_requests ADD COLUMN supervision_reason TEXT NOT NULL DEFAULT '';

-- Art. 7: the police found the case not theirs and passed it on to the competent authority
-- (case.police_transfer_passed_on); art. 12: once a case is opened, the items and materials
-- handed over to the police (case.police_items_handed_over).
ALTER TABLE transfers ADD COLUMN passed_to TEXT NOT NULL DEFAULT '';
ALTER TABLE transfers ADD COLUMN passed_at TEXT;
ALTER TABLE transfers ADD COLUMN handed_over_on TEXT;                -- YYYY-MM-DD
ALTER TABLE transfers ADD COLUMN handover_list TEXT NOT NULL DEFAULT '';
ALTER TABLE transfers ADD COLUMN handover_officer TEXT NOT NULL DEFAULT '';
-- 1 when a clock runs until the handover: a case opened since schema 13 (the 立案 outcome
-- says so, ``handover_due``), or on review; a 立案 recorded before starts none
ALTER TABLE transfers ADD COLUMN handover_owed INTEGER NOT NULL DEFAULT 0;
