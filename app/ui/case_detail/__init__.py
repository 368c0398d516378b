"""One case in full: its fields, progress, coordination records, timeline and evidence, and
the steps the signed-in user may take (``steps``: one small form per kind of step)."""
