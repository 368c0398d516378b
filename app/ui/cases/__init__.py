"""The cases page (案件) over a million rows, and registering a case (受理)."""
