-- TownDesk schema 17: the hits of a common search kept in the database (issue 16,
-- app/store/search_bitmaps.py), so a search a clerk has made before is not read from the
-- full-text index again after the database changes or the program starts again (the
-- 1.2 million cases holding 占 among five million: 85 ms read from the index, 5 ms from
-- here). One bit a case's row number, up to ``up_to``; the hits numbered above it are read
-- from the index. The search index only ever gains rows numbered above those it holds,
-- except in a rebuild, which numbers the cases again and empties this table: so must
-- anything else that writes the index again.
CREATE TABLE search_bitmaps (
    expression TEXT PRIMARY KEY,  -- the FTS5 MATCH expression (app/core/text.fts_query)
    up_to      INTEGER NOT NULL,  -- the highest row number it tells
    hits       INTEGER NOT NULL,  -- how many of the rows up to it are hits
    bits       BLOB NOT NULL,     -- numpy.packbits of one byte a row number, 0 … up_to
    written    INTEGER NOT NULL   -- the order written in: the first written let go first
);
