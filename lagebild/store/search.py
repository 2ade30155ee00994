"""German stemming for full-text search: SQLite FTS5 over Snowball-stemmed tokens.

Measured against tantivy (bench/bench_search.py): FTS5 keeps the index in the same file and
transaction as the articles, so an ingest that fails leaves no half-indexed state behind.
"""
from __future__ import annotations

import re
from functools import cache
from typing import Any

import snowballstemmer

_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)


@cache
def _stemmer() -> Any:
    return snowballstemmer.stemmer("german")


def stem_text(text: str) -> str:
    words = [w.casefold() for w in _WORD_RE.findall(text)]
    return " ".join(_stemmer().stemWords(words))


def fts_query(query: str) -> str:
    """A user query as an FTS5 expression: every stemmed word must occur (quoted, so
    FTS5 syntax in the query cannot break it)."""
    stems = stem_text(query).split()
    return " AND ".join(f'"{s}"' for s in stems)


def snippet(text: str, query: str, width: int = 160) -> str:
    """A window of the original text around the first word whose stem matches the query."""
    wanted = set(stem_text(query).split())
    stemmer = _stemmer()
    for m in _WORD_RE.finditer(text):
        if stemmer.stemWord(m.group().casefold()) in wanted:
            start = max(0, m.start() - width // 2)
            end = min(len(text), start + width)
            piece = " ".join(text[start:end].split())
            return ("…" if start else "") + piece + ("…" if end < len(text) else "")
    return " ".join(text[:width].split())
