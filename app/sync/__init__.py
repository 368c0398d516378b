"""Sync files (同步包) between the office PC and field laptops: export, verify, import.
Imports no Qt. Comes with issue 4."""
