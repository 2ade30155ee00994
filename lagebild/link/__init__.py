"""Linking over the corpus: stories and events, timeline, who-did-what, claims (in progress)."""
from __future__ import annotations

from collections.abc import Sequence

from lagebild.store import SQLiteStore

__all__ = ["update_corpus"]


def update_corpus(store: SQLiteStore, new_ids: Sequence[str]) -> None:
    """Place newly stored articles into stories and events (placeholder: nothing yet)."""
    return None
