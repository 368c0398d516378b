"""Verification codes on printed slips: a department that received a call slip (呼叫单)
quotes the code when it phones back, and the clerk can check it belongs to that call."""

from __future__ import annotations

import hashlib


def verification_code(document_id: str, case_number: str) -> str:
    """Eight characters in two groups, e.g. ``7F3A-91C2``: easy to read out on the phone."""
    digest = hashlib.sha256(f"{document_id}|{case_number}".encode()).hexdigest().upper()
    return f"{digest[:4]}-{digest[4:8]}"
