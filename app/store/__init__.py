"""SQLite through sqlite-utils: the event log, projections and queries. Imports no Qt."""
