"""The case path (DOMAIN.md §4), one home for each step.

- ``steps``: the words of the path: its actions, a case's state, who acts.
- ``rules``: who may take which step in which state, on which device; the one set of open
  and finished statuses; route <-> action; the office unit; when an override needs a reason.
- ``device_trust``: which records a device may make, and in whose name.
- ``decide``: a request -> the event that carries it out, or a refusal in plain words.
- ``fold``: an event -> the next state, and the rule for steps that collide in sync.
- ``projection``: all of a case's events -> its rows (case, assignments, calls, ...).
- ``timeline``: the only wording of each step, in Chinese and English.
- ``queues``: what waits on whom.

The window and the command line ask these modules; they never re-decide a rule.
"""
