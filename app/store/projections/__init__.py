"""Projections: the current state, derived from the events in the same transaction.

``table``: the one table of handlers, by event type; ``reference``, ``lists``, ``disputes``,
``meetings``: the handlers; ``cases``: a case worked out whole from its events.
``store.rebuild`` replays them all from the log (outside this package, which the log uses).
"""
