"""Storage: SQLite by default (one file, WAL, versioned schema)."""
from __future__ import annotations

from pathlib import Path

import platformdirs

from lagebild.store.sqlite import AddResult, SQLiteStore

__all__ = ["AddResult", "SQLiteStore", "default_db_path", "open_store"]


def default_db_path() -> Path:
    return Path(platformdirs.user_data_dir("lagebild")) / "lagebild.db"


def open_store(path: str | Path | None = None) -> SQLiteStore:
    return SQLiteStore(path if path is not None else default_db_path())
