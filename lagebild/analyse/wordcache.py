"""One bounded cache for functions of a single word (or short key).

Word-level facts (features, KB flags, dictionary class) are pure functions of the word, so the
analysis computes them once per form. News has an open vocabulary: an unbounded cache in a
long-running ingest would grow with every new word, so all of them share this bound.
"""
from __future__ import annotations

from functools import lru_cache

#: distinct forms kept per function (German news: ~100k forms cover months of articles)
WORD_CACHE_SIZE = 1 << 17

word_cache = lru_cache(maxsize=WORD_CACHE_SIZE)
