"""Dependencies point one way (ARCHITECTURE.md §1): the domain and the store never touch Qt,
the domain never touches SQL or the store, and the store never touches the UI."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parent.parent / "app"

QT = ("PySide6", "pyqtgraph", "shiboken6", "PyQt5", "PyQt6")
SQL = ("sqlite3", "sqlite_utils", "app.store")
UI = ("app.ui",)


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(APP.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(source: str, module: str, is_package: bool = False) -> set[str]:
    """Every module a file imports, anywhere in it (top level, functions, ``if`` blocks),
    relative imports resolved, plus ``importlib.import_module("x")`` / ``__import__("x")``
    with a literal name."""
    package = module if is_package else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                prefix = ".".join(base)
                target = f"{prefix}.{node.module}" if node.module else prefix
            else:
                target = node.module or ""
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Call) and node.args:
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            first = node.args[0]
            literal = isinstance(first, ast.Constant) and isinstance(first.value, str)
            if name in ("import_module", "__import__") and literal:
                found.add(first.value)
    return found


def _matches(module: str, banned: tuple[str, ...]) -> bool:
    return any(module == b or module.startswith(b + ".") for b in banned)


def violations(layer: str, banned: tuple[str, ...]) -> list[str]:
    folder = APP / layer
    problems = []
    for path in sorted(folder.rglob("*.py")):
        module = _module_name(path)
        names = imported_modules(
            path.read_text(encoding="utf-8"), module, path.name == "__init__.py"
        )
        problems += [f"{module} imports {n}" for n in sorted(names) if _matches(n, banned)]
    return problems


@pytest.mark.parametrize("layer", ["core", "store", "sync"])
def test_no_qt_below_the_ui(layer: str) -> None:
    if not (APP / layer).is_dir():
        pytest.skip(f"app/{layer} does not exist yet")
    assert violations(layer, QT) == []


def test_core_imports_no_sql_no_store_no_ui() -> None:
    assert violations("core", SQL + UI) == []


def test_store_imports_no_ui() -> None:
    assert violations("store", UI) == []


def test_the_layers_hold_python_files() -> None:
    """Guard against the checks above passing because they looked at nothing."""
    assert list((APP / "core").glob("*.py")) and list((APP / "store").glob("*.py"))


@pytest.mark.parametrize(
    ("source", "module", "expected"),
    [
        ("import PySide6.QtCore", "app.core.x", "PySide6.QtCore"),
        ("def f():\n    from PySide6 import QtWidgets", "app.core.x", "PySide6"),
        ("if True:\n    import pyqtgraph as pg", "app.store.x", "pyqtgraph"),
        ("from ..ui import app", "app.store.x", "app.ui"),
        ("from ..ui.app import run", "app.store.x", "app.ui.app"),
        ("from .. import ui", "app.store.x", "app.ui"),
        ("from . import cases", "app.store", "app.store.cases"),
        ("import importlib\nimportlib.import_module('sqlite3')", "app.core.x", "sqlite3"),
        ("class A:\n    def m(self):\n        import sqlite_utils", "app.core.x", "sqlite_utils"),
    ],
)
def test_the_import_walker_sees_every_kind_of_import(
    source: str, module: str, expected: str
) -> None:
    found = imported_modules(source, module, is_package=module == "app.store")
    assert expected in found


def test_the_walker_reports_a_violation() -> None:
    names = imported_modules("def later():\n    from PySide6.QtGui import QImage\n", "app.core.x")
    assert any(_matches(n, QT) for n in names)
    assert not _matches("PySide6x", QT)
    assert not _matches("app.uix", UI)
