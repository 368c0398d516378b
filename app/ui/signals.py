"""Emit Qt signals from Python without losing a reference to ``True``.

PySide6 6.12's ``SignalInstance.emit()`` returns ``True`` without taking a new reference.
On Python 3.11 (where ``True`` is not immortal) every emit therefore steals one reference,
and after a few thousand emits the interpreter aborts with "bool_dealloc: deallocating
True or False". We detect the bug once at import and give back each stolen reference.
Every ``.emit`` in ``app/ui`` goes through ``emit`` below (a test checks this).
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance


def _give_back_true(count: int) -> None:
    for _ in range(count):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))


def _emit_steals_true() -> bool:
    if sys.version_info >= (3, 12):  # True is immortal: a missing reference cannot hurt
        return False

    class _Probe(QObject):
        ping = Signal()

    probe = _Probe()
    tries = 8
    before = sys.getrefcount(True)
    for _ in range(tries):
        probe.ping.emit()
    stolen = before - sys.getrefcount(True)
    if stolen > 0:
        _give_back_true(stolen)
    return stolen >= tries


EMIT_STEALS_TRUE = _emit_steals_true()


def emit(signal: SignalInstance, *args: Any) -> None:
    """``signal.emit(*args)``, safe on every PySide6 version."""
    result = signal.emit(*args)
    if EMIT_STEALS_TRUE and result is True:
        _give_back_true(1)
