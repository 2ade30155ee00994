"""The per-word caches stay bounded: trim empties a cache past its limit and leaves smaller ones."""
from __future__ import annotations

from lagebild.analyse.wordcache import trim, word_cache


@word_cache
def _upper(word: str) -> str:
    return word.upper()


@word_cache
def _lower(word: str) -> str:
    return word.lower()


def test_trim_empties_only_caches_past_the_limit() -> None:
    _upper.cache_clear()
    _lower.cache_clear()
    for k in range(50):
        _upper(f"w{k}")
    _lower("Wort")
    trim(limit=10)
    assert _upper.cache_info().currsize == 0
    assert _lower.cache_info().currsize == 1
    assert _upper("abc") == "ABC"  # still works after the clear
