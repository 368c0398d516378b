"""Case numbers: ``<township code>-<yyyymmdd>-<device code><seq>``, unique across devices."""

from __future__ import annotations

import re

SEQ_DIGITS = 4
_DEVICE_CODE = re.compile(r"[A-Z0-9]{2,4}")


def is_valid_device_code(code: str) -> bool:
    return bool(_DEVICE_CODE.fullmatch(code))


def case_number(township_code: str, day: str, device_code: str, seq: int) -> str:
    """``day`` is ``YYYY-MM-DD``; the sequence counts this device's cases of that day."""
    return f"{township_code}-{day.replace('-', '')}-{device_code}{seq:0{SEQ_DIGITS}d}"


def number_prefix(township_code: str, day: str, device_code: str) -> str:
    return f"{township_code}-{day.replace('-', '')}-{device_code}"


def made_on(number: str, device_code: str) -> bool:
    """Whether a case number was issued by the device with this code."""
    parts = number.split("-")
    if len(parts) != 3 or not parts[2].startswith(device_code):
        return False
    sequence = parts[2][len(device_code) :]
    return sequence.isdigit() and len(sequence) >= SEQ_DIGITS
