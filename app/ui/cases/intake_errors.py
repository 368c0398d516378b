"""The intake form's error banner: every problem of a refused save, each field outlined,
and then, as the clerk fixes them, only the problems still there."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtWidgets import QLabel, QWidget

from app.core.errors import DomainError, ValidationErrors
from app.ui.common.i18n import error_text

Problem = tuple[str, str]  # (field, message); field "" when no field of the form is at fault

# Which field an error code belongs to, so the field is outlined in red as well.
ERROR_FIELDS = {
    "category_missing": "category",
    "category_unknown": "category",
    "category_not_leaf": "category",
    "category_inactive": "category",
    "grid_missing": "grid",
    "grid_unknown": "grid",
    "grid_inactive": "grid",
    "description_empty": "description",
    "description_too_long": "description",
    "phone_invalid": "reporter_phone",
    "reporter_phone_without_name": "reporter_name",
    "latitude_out_of_range": "latitude",
    "longitude_out_of_range": "longitude",
    "coordinates_incomplete": "latitude",
    "photo_missing": "photos",
    "photo_changed": "photos",
    "photo_not_image": "photos",
    "photo_too_large": "photos",
}


def domain_problems(error: DomainError) -> list[Problem]:
    errors = error.errors if isinstance(error, ValidationErrors) else [error]
    return [(ERROR_FIELDS.get(e.code, ""), error_text(e)) for e in errors]


class ErrorBanner(QLabel):
    """Shows ``problems``; after that, ``follow()`` (called on every edit) keeps only the
    problems ``check`` still finds in the fields that were at fault: one goes as soon as its
    field is right, and a new one waits for the next save, so typing is never nagged at.
    Photo problems are found only by storing the photos: they go when the photos change."""

    def __init__(
        self,
        fields: Mapping[str, QWidget],
        check: Callable[[], list[Problem]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.fields, self.check = fields, check
        self.setObjectName("errorLabel")
        self.setWordWrap(True)
        self.hide()
        self._flagged: set[str] = set()
        self._photo_problems: list[Problem] = []

    def show_problems(self, problems: list[Problem]) -> QWidget | None:
        """A refused save; returns the first field at fault, for the focus."""
        self._flagged = {field for field, _text in problems}
        self._photo_problems = [p for p in problems if p[0] == "photos"]
        self._show(problems)
        return next((self.fields[f] for f, _ in problems if f in self.fields), None)

    def follow(self) -> None:
        if not self._flagged:
            return
        still = [p for p in self.check() if p[0] in self._flagged and p[0] != "photos"]
        self._show(still + self._photo_problems)
        if not still and not self._photo_problems:
            self._flagged = set()

    def photos_changed(self) -> None:
        if self._photo_problems:  # a photo was added or removed: the next save judges
            self._photo_problems = []
            self.follow()

    def shown_text(self) -> str:
        return "" if self.isHidden() else self.text()

    def _show(self, problems: list[Problem]) -> None:
        self.setText("\n".join(f"• {text}" for _field, text in problems))
        self.setVisible(bool(problems))
        marked = {field for field, _text in problems}
        for name, widget in self.fields.items():
            if widget.property("invalid") is (name in marked):
                continue
            widget.setProperty("invalid", name in marked)
            widget.style().unpolish(widget)
            widget.style().polish(widget)
