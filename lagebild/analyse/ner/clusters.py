"""Distributional word classes for the name tagger.

A word's clusters (built by ``scripts/build_word_clusters.py`` from unlabelled CC BY text and
shipped in ``lagebild/analyse/models/word_clusters.tsv``) group words that occur in the same
contexts: surnames with surnames, cities with cities. The CRF saw only a few thousand labelled
sentences; through the cluster ids what it learnt about "Schmidt" reaches "Schneider".
Three granularities (coarse to fine) are used; a word the file lacks has none.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import cache
from importlib import resources
from pathlib import Path

CLUSTER_FILE = "word_clusters.tsv"
_PATH: list[Path | None] = [None]
#: cache clears of modules that keep features built from cluster ids (``features.py``)
ON_CHANGE: list[Callable[[], None]] = []


def use_cluster_file(path: Path | None) -> None:
    """Read clusters from ``path`` instead of the shipped file (for cross-validation)."""
    _PATH[0] = path
    _table.cache_clear()
    for clear in ON_CHANGE:
        clear()


@cache
def _table() -> dict[str, tuple[str, ...]]:
    if _PATH[0] is not None:
        text = _PATH[0].read_text(encoding="utf-8")
    else:
        f = resources.files("lagebild.analyse").joinpath("models").joinpath(CLUSTER_FILE)
        if not f.is_file():
            return {}
        text = f.read_text(encoding="utf-8")
    out: dict[str, tuple[str, ...]] = {}
    for line in text.split("\n"):
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        out[parts[0]] = tuple(parts[1:-1])
    return out


def cluster_ids(word: str) -> tuple[str, ...]:
    """The word's cluster ids, coarse to fine; a genitive ``-s`` is tried off ("Schmidts")."""
    table = _table()
    ids = table.get(word)
    if ids is None and len(word) > 4 and word.endswith("s"):
        ids = table.get(word[:-1])
    return ids or ()
