-- TownDesk schema 15: two orders of the cases list no plan over schema 14 serves (issue 16):
-- one grid's cases by address, and a date range's by case number.

-- A grid's cases share a handful of addresses (a village's: 北沟村…), which lie together
-- somewhere in the address order: walking cases_by_address for them passed every other
-- grid's cases first (G07 by address, descending: 890,000 entries, 124 ms at a million
-- cases, 343-940 ms at five million), and gathering a grid's 28,000 cases looked each one's
-- row up for its address (64 ms). No plan over the schema-14 indexes avoids one or the
-- other. Here a grid's cases are listed by address, ties by the time received, then every
-- other column the filter bar filters on, as in db/0014 (a second filter is tested in
-- these entries). Measured at a million cases: G07 by address 124 -> 4 ms of the store's
-- CPU; the index 90 MB (the file 8.02 -> 8.11 GB), built in 5-6 s on upgrade.
CREATE INDEX cases_by_grid_address ON cases (
    grid_code, address, received_at, status, category_code, source, urgency, lead_unit,
    first_receiver_unit
);

-- A case number names the day its case was received (<township>-<yyyymmdd>-<device><seq>),
-- so a date range's cases lie in one range of numbers per township code, read as such
-- (app/store/number_ranges.py): September by number, 45 ms walking every earlier number ->
-- 0.4 ms. Only a case whose number names another day than its time received could lie
-- elsewhere; this index holds exactly those (none in a database this program wrote: 0 of
-- a million), so the list merges them in and its rows stay exact. Its condition is read
-- word for word by number_ranges.APART. At a million cases: built in 1.5-2 s, no pages.
-- Registering a case with both indexes and without (alternating, 60 cases each, 3 rounds):
-- 2.1-3.4 ms of CPU against 3.0-3.5, no difference above the shared machine's noise.
CREATE INDEX cases_numbered_apart ON cases (number)
WHERE substr(number, instr(number, '-') + 1, 9) <> substr(received_at, 1, 4) ||
    substr(received_at, 6, 2) || substr(received_at, 9, 2) || '-';
