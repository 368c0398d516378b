"""A module preloaded on a background thread is imported once, and is there afterwards."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_a_preloaded_module_is_imported_on_another_thread_once() -> None:
    # a fresh interpreter: the test process may have imported pyqtgraph already
    script = textwrap.dedent(
        """
        import sys, threading
        from app.ui.common.preload import preload
        assert "pyqtgraph" not in sys.modules
        preload("pyqtgraph")
        preload("pyqtgraph")  # asked again while the first import runs: no second thread
        started = [t for t in threading.enumerate() if t.name == "preload pyqtgraph"]
        assert len(started) <= 1, started
        for t in started:
            t.join()
        assert "pyqtgraph" in sys.modules
        preload("pyqtgraph")  # already imported: nothing to do
        assert not [t for t in threading.enumerate() if t.name.startswith("preload")]
        print("ok")
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert done.stdout.strip() == "ok", done.stderr


def test_the_sign_in_dialog_is_shown_before_numpy_and_the_window_are_imported() -> None:
    """sqlite-utils is imported with numpy hidden from it (app/__init__.py), and the
    window's modules wait for the password to be typed; numpy still imports afterwards."""
    script = textwrap.dedent(
        """
        import sys
        import app.ui.app
        for module in ("numpy", "app.ui.main_window", "pyqtgraph"):
            assert module not in sys.modules, module + " imported before the sign-in"
        import numpy
        assert numpy.arange(3).sum() == 3
        print("ok")
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert done.stdout.strip() == "ok", done.stderr
