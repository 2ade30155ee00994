"""The SQLite store through the engine: idempotent ingest, near-copies, search, safety."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from lagebild.engine import Engine
from lagebild.errors import NotFound, StoreError
from lagebild.store.schema import MIGRATIONS
from tests.conftest import BODY, BODY2, page

TABLES = ("articles", "analyses", "entities", "mentions", "quotes", "minhash", "lsh", "articles_fts")


def dump(db: Path) -> dict[str, list[tuple[object, ...]]]:
    con = sqlite3.connect(db)
    out = {}
    for name in [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'"
                                           " AND name NOT LIKE 'articles_fts_%' AND name NOT LIKE 'sqlite_%'")]:
        out[name] = sorted(con.execute(f"SELECT * FROM {name}").fetchall(), key=repr)
    con.close()
    return out


def corpus(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "haushalt.txt").write_text(BODY, encoding="utf-8")
    (src / "sub" / "streik.html").write_text(page("Streik im Hafen", BODY2), encoding="utf-8")
    (src / "recs.jsonl").write_text(json.dumps({"id": "r1", "text": BODY2.replace("Dienstag", "Dienstagmorgen"),
                                                "published": "2024-05-08"}) + "\n", encoding="utf-8")
    return src


def test_ingest_twice_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    engine = Engine(db)
    first = engine.ingest([str(corpus(tmp_path))])
    assert len(first.added) == 3 and first.ok
    before = dump(db)
    second = engine.ingest([str(tmp_path / "in")])
    assert second.added == [] and len(second.unchanged) == 3
    assert dump(db) == before
    assert set(TABLES) <= set(before)


def test_near_copy_is_linked_not_counted_as_new_source(tmp_path: Path) -> None:
    engine = Engine(tmp_path / "x.db")
    report = engine.ingest([str(corpus(tmp_path))])
    # the page repeats record r1 (read before it) with one word changed: a syndicated copy
    assert report.copies == [("streik", "r1")]
    assert engine.store.get_json("streik")["copy_of"] == "r1"
    assert engine.store.get_json("haushalt")["copy_of"] is None


def test_bad_input_leaves_store_unchanged(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    engine = Engine(db)
    engine.ingest([str(corpus(tmp_path))])
    before = dump(db)
    (tmp_path / "leer.txt").write_text("", encoding="utf-8")
    (tmp_path / "bin.html").write_bytes(bytes(range(256)) * 4)
    report = engine.ingest([str(tmp_path / "leer.txt"), str(tmp_path / "bin.html")])
    assert [e.reason for e in report.errors] == ["empty", "binary"] and not report.ok
    assert dump(db) == before


def test_search_uses_german_stems(tmp_path: Path) -> None:
    engine = Engine(tmp_path / "x.db")
    engine.ingest([str(corpus(tmp_path))])
    hits = engine.store.search("Kürzung Schwimmbad")  # text has "Kürzungen", "Schwimmbädern"
    assert [h["id"] for h in hits] == ["haushalt"]
    assert "Kürzungen" in hits[0]["snip"]
    assert engine.store.search('"; DROP TABLE articles; --') == []


def test_get_unknown_id_and_newer_schema(tmp_path: Path) -> None:
    engine = Engine(tmp_path / "x.db")
    with pytest.raises(NotFound):
        engine.store.get("nope")
    assert engine.store.version == len(MIGRATIONS)
    engine.close()
    con = sqlite3.connect(tmp_path / "x.db")
    con.execute(f"PRAGMA user_version={len(MIGRATIONS) + 5}")
    con.close()
    with pytest.raises(StoreError, match="newer"):
        Engine(tmp_path / "x.db").store.count()


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match=r"bad\.db"):
        Engine(bad).store.count()
