"""How the command line shows things: plain Chinese tables, or JSON for scripts."""

from __future__ import annotations

import json
import sys
import unicodedata
from typing import Any


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def width(text: str) -> int:
    """Display width: Chinese characters take two columns in a terminal."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def shortened(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis, for a table column."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def print_table(headers: list[str], rows: list[list[str]]) -> None:
    widths = [max([width(h)] + [width(r[i]) for r in rows]) for i, h in enumerate(headers)]
    for line in [headers, *rows]:
        cells = [cell + " " * (w - width(cell)) for cell, w in zip(line, widths, strict=True)]
        print("  ".join(cells).rstrip())
