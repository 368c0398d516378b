"""What the screen-fit tests share (test_screen_fit*.py): the office PC's room for a window,
the check that a window fits it with no two widgets over each other, and a collector that
opens dialog after dialog and reports every one that does not fit at once."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRect
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QDialog,
    QStackedWidget,
    QWidget,
    QWizard,
)

from app.ui.common.screen import TITLE_BAR

WIDTH, HEIGHT = 1366, 728 - TITLE_BAR


def overlaps(root: QWidget) -> list[str]:
    """Pairs of visible sibling widgets whose rectangles cross (touching edges allowed)."""
    found = []
    for parent in [root, *root.findChildren(QWidget)]:
        if not parent.isVisible() or isinstance(parent, QStackedWidget | QAbstractScrollArea):
            continue  # a stack shows one child; a scroll area places its own parts
        children = [
            child
            for child in parent.children()
            if isinstance(child, QWidget) and child.isVisible() and not child.isWindow()
        ]
        for index, one in enumerate(children):
            for other in children[index + 1 :]:
                if _inner(one.geometry()).intersects(_inner(other.geometry())):
                    found.append(f"{_name(one)} × {_name(other)} in {_name(parent)}")
    return found


def _inner(rect: QRect) -> QRect:
    return rect.adjusted(1, 1, -1, -1)


def _name(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    label = text() if callable(text) else ""
    return f"{type(widget).__name__}#{widget.objectName()}{f' {label[:12]!r}' if label else ''}"


def settle() -> None:
    """Let the layouts settle, as the event loop would before anyone looks: a part shown
    asks its layout again, which asks the one around it, one event after another."""
    for _ in range(3):
        QCoreApplication.processEvents()


def check_fits(widget: QWidget) -> None:
    settle()
    hint = widget.minimumSizeHint()
    assert hint.width() <= WIDTH and hint.height() <= HEIGHT, (type(widget).__name__, hint)
    size = widget.size()
    assert size.width() <= WIDTH and size.height() <= HEIGHT, (type(widget).__name__, size)
    crossing = overlaps(widget)
    assert crossing == [], (type(widget).__name__, crossing)


def shown(widget: QWidget) -> QWidget:
    """A dialog built directly, shown as its opener would show it."""
    widget.show()
    settle()
    return widget


class Fits:
    """Checks dialog after dialog; ``problems`` names each that does not fit and why, and
    ``classes`` each kind of dialog (and wizard page) that was looked at."""

    def __init__(self) -> None:
        self.problems: dict[str, str] = {}
        self.classes: set[type] = set()

    def check(self, name: str, widget: QWidget | None, close: bool = True) -> None:
        assert widget is not None, name
        if not widget.isVisible():
            shown(widget)
        self.classes.add(type(widget))
        if isinstance(widget, QWizard):
            self.classes.add(type(widget.currentPage()))
        try:
            check_fits(widget)
        except AssertionError as error:
            self.problems[name] = str(error)
        if close:
            close_quietly(widget)

    def assert_all_fit(self) -> None:
        """One failure that names every dialog that does not fit, and why."""
        lines = [f"{name}: {problem}" for name, problem in self.problems.items()]
        assert not lines, "\n".join(["these do not fit the office PC:", *lines])


def close_quietly(widget: QWidget) -> None:
    """done(0), not reject(): no "discard?" question, and a write in progress is not waited for."""
    if isinstance(widget, QDialog):
        widget.done(0)
    else:
        widget.close()
    QCoreApplication.processEvents()
