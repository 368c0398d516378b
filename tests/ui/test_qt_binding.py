"""Guards against a Qt binding that would crash a clerk's all-day session."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Probe(QObject):
    ping = Signal(int)


def test_emitting_signals_keeps_reference_counts(qapp) -> None:
    # PySide6 6.12.0 returned True from emit() without a reference; on Python 3.11 that
    # aborts the interpreter after a few thousand emits. pyproject.toml excludes it.
    probe = _Probe()
    received: list[int] = []
    probe.ping.connect(received.append)
    before = sys.getrefcount(True)
    for n in range(200):
        probe.ping.emit(n)
    assert received == list(range(200))
    assert sys.getrefcount(True) >= before - 5  # other code may drop a few, never 200
