"""PySide6 6.12 steals a reference to True on every ``emit``; ours gives it back."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from app.ui.signals import emit


class Probe(QObject):
    ping = Signal(int)


def test_emit_keeps_the_reference_count_of_true(qapp):
    probe = Probe()
    seen: list[int] = []
    probe.ping.connect(seen.append)
    before = sys.getrefcount(True)
    for n in range(500):
        emit(probe.ping, n)
    assert len(seen) == 500
    assert sys.getrefcount(True) - before >= -5  # a few come and go; 500 would be the bug


def test_the_window_code_never_emits_directly():
    ui = Path(__file__).resolve().parents[2] / "app" / "ui"
    offenders = [
        f"{path.name}:{number}"
        for path in ui.glob("*.py")
        if path.name != "signals.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\.emit\(", line)
    ]
    assert offenders == []
