"""One bounded cache for functions of a single word (or short key).

Word-level facts (features, KB flags, dictionary class) are pure functions of the word, so the
analysis computes them once per form. News has an open vocabulary: an unbounded cache in a
long-running ingest would grow with every new word. ``functools.lru_cache`` with a size costs
about 7 % of the entity speed in its bookkeeping, so the caches are plain ``functools.cache``
dicts and the pipeline calls ``trim`` between articles, which empties any cache past the bound.
"""
from __future__ import annotations

import weakref
from collections.abc import Callable
from functools import _lru_cache_wrapper, cache
from typing import Any, TypeVar

T = TypeVar("T")

#: distinct forms kept per function (German news: ~100k forms cover months of articles)
WORD_CACHE_SIZE = 1 << 17

#: weak: a cache made per model (``ner/features.py``) goes with its model
_CACHES: weakref.WeakSet[_lru_cache_wrapper[object]] = weakref.WeakSet()


def word_cache(fn: Callable[..., T]) -> _lru_cache_wrapper[T]:
    """``functools.cache`` that ``trim`` keeps within WORD_CACHE_SIZE entries."""
    cached = cache(fn)
    _CACHES.add(cached)
    return cached


#: plain dicts kept as word caches (filled in batches, see ``ner/nametype.py``)
_DICTS: list[dict[str, Any]] = []


def register_dict(d: dict[str, T]) -> None:
    """Let ``trim`` and ``clear_all`` empty ``d`` as they empty the function caches."""
    _DICTS.append(d)


def trim(limit: int = WORD_CACHE_SIZE) -> None:
    """Empty every word cache holding more than ``limit`` entries (cheap: one size check each)."""
    for c in list(_CACHES):
        if c.cache_info().currsize > limit:
            c.cache_clear()
    for d in _DICTS:
        if len(d) > limit:
            d.clear()


def clear_all() -> None:
    """Empty every word cache (after a change to what word features are made of)."""
    for c in list(_CACHES):
        c.cache_clear()
    for d in _DICTS:
        d.clear()
