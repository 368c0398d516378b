-- TownDesk schema 15: the cases of one grid sorted by address (issue 16).

-- A grid's cases share a handful of addresses (a village's: 北沟村…), which lie together
-- somewhere in the address order: walking cases_by_address for them passed every other
-- grid's cases first (G07 by address, descending: 890,000 entries, 124 ms at a million
-- cases, 343-940 ms at five million), and gathering a grid's 28,000 cases looked each one's
-- row up for its address (64 ms). No plan over the schema-14 indexes avoids one or the
-- other. Here a grid's cases are listed by address, ties by the time received, then every
-- other column the filter bar filters on, as in db/0014 (a second filter is tested in
-- these entries). Measured at a million cases: G07 by address 124 ms -> 1 ms of the
-- store's CPU; the index 90 MB (the file 8.02 -> 8.11 GB), built in 6 s on upgrade;
-- registering a case no slower (3.0 ms of CPU, 8.0 ms with its fsync, with and without).
CREATE INDEX cases_by_grid_address ON cases (
    grid_code, address, received_at, status, category_code, source, urgency, lead_unit,
    first_receiver_unit
);
