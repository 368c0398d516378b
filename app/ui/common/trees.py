"""The plain lists of the workbench and the board: one look, set up in one place."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTreeWidget


def case_tree(name: str, headers: list[str], widths: tuple[int, ...]) -> QTreeWidget:
    """A flat-looking list with alternating rows; columns sized by ``widths``, the column
    after them stretches."""
    tree = QTreeWidget()
    tree.setObjectName(name)
    tree.setAlternatingRowColors(True)
    tree.setUniformRowHeights(True)
    tree.setHeaderLabels(headers)
    header = tree.header()
    for column, width in enumerate(widths):
        header.resizeSection(column, width)
    header.setSectionResizeMode(len(widths), QHeaderView.ResizeMode.Stretch)
    return tree
