"""Chinese text for search and similarity: CJK unigrams and bigrams.

SQLite 3.40's trigram tokenizer never matches queries under three characters, and
two-character words (占道, 违建, 噪音) are what clerks type most. So, like Lucene's CJK
analyzer, we index every character and every pair of neighbouring characters in two
columns of a plain unicode61 FTS5 table; a query becomes a phrase of pairs.
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_RUN = re.compile(rf"[{_CJK}]+|[0-9A-Za-z]+")
_IS_CJK = re.compile(rf"[{_CJK}]")


# A token no query asks for, between runs of characters (at punctuation and between fields),
# so that "有人占道，道路拥堵" does not match 占道路: pairs of different runs never form a phrase.
_GAP = "gap"


def runs(text: str) -> list[str]:
    """Maximal runs of Chinese characters or of ASCII letters and digits."""
    return _RUN.findall(text)


def bigrams(run: str) -> list[str]:
    return list(map(operator.add, run, run[1:]))  # each character and the next


@dataclass(frozen=True)
class IndexedText:
    unigrams: str  # space-separated single characters and ASCII words
    bigrams: str  # space-separated character pairs


def index_terms(*texts: str) -> IndexedText:
    """The two FTS columns for a case's searchable text."""
    singles: list[str] = []
    pairs: list[str] = []
    for text in texts:
        for run in runs(text):
            if _IS_CJK.match(run):
                singles.extend(run)
                pairs.extend(bigrams(run))
                pairs.append(_GAP)
            else:
                singles.append(run.lower())
    return IndexedText(" ".join(singles), " ".join(pairs[:-1]))


def fts_query(query: str) -> str | None:
    """An FTS5 MATCH expression finding ``query`` as typed; None if nothing searchable.

    One character → that character; two or more → the phrase of their pairs, which
    matches exactly the texts holding those characters in that order. ASCII words match
    as prefixes. Several words are all required.
    """
    parts: list[str] = []
    for run in runs(query):
        if _IS_CJK.match(run):
            if len(run) == 1:
                parts.append(f'unigrams:"{run}"')
            else:
                parts.append('bigrams:"' + " ".join(bigrams(run)) + '"')
        else:
            parts.append(f'unigrams:"{run.lower()}"*')
    return " AND ".join(parts) if parts else None


def fts_widened(query: str) -> str | None:
    """An FTS5 MATCH expression finding every text ``fts_query`` finds, and perhaps more,
    that is cheaper to read: the first pair of the first run of three or more Chinese
    characters (what the clerk typed before the rest: 占道 of 占道经营); None: no such
    run. A phrase's hits are read through every pair's list of texts and positions."""
    for run in runs(query):
        if _IS_CJK.match(run) and len(run) > 2:
            return f'bigrams:"{bigrams(run)[0]}"'
    return None


def required_terms(query: str) -> tuple[str, ...]:
    """The terms every text ``fts_query`` finds holds: each Chinese character typed alone,
    each pair of a longer run. (An ASCII word matches as a prefix: no one term is needed.)"""
    terms: list[str] = []
    for run in runs(query):
        if _IS_CJK.match(run):
            terms.extend(bigrams(run) if len(run) > 1 else [run])
    return tuple(dict.fromkeys(terms))


def similarity(a: str, b: str) -> float:
    """Dice coefficient over character pairs: 1.0 for the same text, 0.0 for nothing shared."""
    pairs_a = {p for run in runs(a) for p in (bigrams(run) if len(run) > 1 else [run])}
    pairs_b = {p for run in runs(b) for p in (bigrams(run) if len(run) > 1 else [run])}
    if not pairs_a or not pairs_b:
        return 0.0
    return 2 * len(pairs_a & pairs_b) / (len(pairs_a) + len(pairs_b))
