"""A system library missing on the machine is named with its package in one Chinese line."""

from __future__ import annotations

import pytest

import app.__main__ as entry
from app.system_libraries import missing_library_line

NO_GL = "libGL.so.1: cannot open shared object file: No such file or directory"


def test_a_missing_library_is_named_with_the_package_to_install() -> None:
    line = missing_library_line(ImportError(NO_GL))
    assert line is not None and "libGL.so.1" in line and "sudo apt install libgl1" in line
    assert "\n" not in line


def test_a_library_of_no_known_package_is_still_named() -> None:
    error = ImportError("libfoo.so.7: cannot open shared object file: No such file or directory")
    line = missing_library_line(error)
    assert line is not None and "libfoo.so.7" in line and "apt install" not in line


def test_an_import_error_of_the_program_itself_is_not_blamed_on_the_machine() -> None:
    assert missing_library_line(ImportError("cannot import name 'run' from 'app.cli.main'")) is None


def test_the_program_prints_the_line_instead_of_a_traceback(monkeypatch, capsys) -> None:
    def broken(argv: list[str]) -> int:
        raise ImportError("libEGL.so.1: cannot open shared object file: No such file or directory")

    monkeypatch.setattr("app.cli.main.run", broken)
    assert entry.main(["--version"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "libegl1" in err and "Traceback" not in err


def test_other_import_errors_still_surface(monkeypatch) -> None:
    def broken(argv: list[str]) -> int:
        raise ImportError("cannot import name 'x'")

    monkeypatch.setattr("app.cli.main.run", broken)
    with pytest.raises(ImportError):
        entry.main(["--version"])


def test_a_missing_window_library_is_named_when_qt_gives_up(capsys) -> None:
    from PySide6.QtCore import QMessageLogContext, QtMsgType

    from app.ui.app import _qt_message

    qt_says = (
        "From 6.5.0, xcb-cursor0 or libxcb-cursor0 is needed to load the Qt xcb platform plugin."
    )
    _qt_message(QtMsgType.QtWarningMsg, QMessageLogContext(), qt_says)
    err = capsys.readouterr().err
    assert "sudo apt install libxcb-cursor0" in err
    _qt_message(QtMsgType.QtWarningMsg, QMessageLogContext(), "some other notice")
    assert "apt install" not in capsys.readouterr().err
