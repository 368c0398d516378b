-- TownDesk schema 16: which search terms each grid's cases hold (issue 16,
-- app/store/grid_terms.py), so a search within a grid none of whose cases holds what was
-- typed is answered without reading the term's every hit (grid G07 of the five-million
-- demo holds none of 占道's 576,000 cases). A (grid, term) is written with each case's row
-- of the search index, never taken away; the registrations already in the event log are
-- read in by the idle upkeep, newest first, from the event the setting numbers down.
CREATE TABLE grid_search_terms (
    grid_code TEXT NOT NULL,
    term      TEXT NOT NULL,
    PRIMARY KEY (grid_code, term)
) WITHOUT ROWID;

-- (none when the log is empty: a new database)
INSERT INTO settings (key, value)
SELECT 'grid_search_terms_unread_below', max(rowid) + 1 FROM events HAVING count(*) > 0;
