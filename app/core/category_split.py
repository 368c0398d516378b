"""Splitting a problem category into narrower ones (e.g. 噪音扰民 into 建筑施工噪声 and
社会生活噪声), so that a ruling about one no longer moves the other.

The narrower categories are leaves of the same group, each named with the one it was split
from; they start with its default route, unit and limits. The old category is kept for the
cases already registered under it (they keep it) and closed to new cases. Until the official
lists name the narrower categories, routing reads the lists for the category they were split
from (store/routing.py); a local amendment (core/amendments.py) names the narrower category,
so it moves that one only."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from app.core.base_data import check_code, check_name
from app.core.errors import DomainError
from app.core.model import Category


def parse_into(texts: Sequence[str]) -> list[tuple[str, str]]:
    """``040201:建筑施工噪声`` (a full-width colon too) -> (code, name)."""
    found = []
    for text in texts:
        code, sep, name = text.replace("：", ":").partition(":")
        if not sep or not code.strip() or not name.strip():
            raise DomainError("category_split_item_invalid", value=text)
        found.append((code.strip(), name.strip()))
    return found


def check_split(
    code: str, into: Sequence[tuple[str, str]], categories: Mapping[str, Category]
) -> tuple[Category, list[Category]]:
    """The category split and the narrower ones it becomes: an active leaf, into two or
    more new codes, each with a name."""
    code = code.strip().upper()
    old = categories.get(code)
    if old is None:
        raise DomainError("category_unknown", value=code)
    if not old.is_leaf:
        raise DomainError("category_not_leaf", value=code)
    if not old.active:
        raise DomainError("category_inactive", value=code)
    if len(into) < 2:
        raise DomainError("category_split_too_few", value=code)
    narrower: list[Category] = []
    for new_code, name in into:
        checked = check_code(new_code)
        if checked in categories or checked in {c.code for c in narrower}:
            raise DomainError("category_exists", value=checked)
        narrower.append(replace(old, code=checked, name=check_name(name), active=True))
    return old, narrower


def lineage(code: str, split_from: Mapping[str, str]) -> list[str]:
    """The category, then the one it was split from, and so on (a split of a split)."""
    found = [code]
    while found[-1] in split_from and split_from[found[-1]] not in found:
        found.append(split_from[found[-1]])
    return found
