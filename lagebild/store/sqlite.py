"""The default store: one SQLite file in WAL mode.

Every article is written in one transaction with its analysis, entities, quotes, near-copy
bands and full-text row, so a failure leaves the database as it was before that article.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from lagebild.clean import dedup
from lagebild.errors import NotFound, StoreError
from lagebild.model import JSON, Analysis
from lagebild.store.codec import analysis_from_json, analysis_to_json
from lagebild.store.schema import MIGRATIONS
from lagebild.store.search import fts_query, snippet, stem_text

#: candidates checked per new article: bounds the cost when many stored texts share passages
MAX_COPY_CANDIDATES = 64


@dataclass(frozen=True)
class AddResult:
    id: str
    status: str  # added | unchanged | updated
    copy_of: str | None = None
    similarity: float = 0.0


def content_hash(data: JSON) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


class SQLiteStore:
    """Articles, analyses and the indexes over them."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            if str(path) != ":memory:":
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: cannot open the database ({exc})") from exc

    # ---------------------------------------------------------------- schema
    @property
    def version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self) -> None:
        current = self.version
        if current > len(MIGRATIONS):
            raise StoreError(f"{self.path}: schema version {current} is newer than this lagebild "
                             f"({len(MIGRATIONS)}); upgrade lagebild")
        for version in range(current + 1, len(MIGRATIONS) + 1):
            with self.transaction():
                for stmt in _statements(MIGRATIONS[version - 1]):
                    self.db.execute(stmt)
                self.db.execute(f"PRAGMA user_version={version}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        else:
            self.db.execute("COMMIT")

    def close(self) -> None:
        self.db.close()

    # ---------------------------------------------------------------- writing
    def add(self, analysis: Analysis) -> AddResult:
        """Store an analysed article; the same content twice changes nothing."""
        data = analysis_to_json(analysis)
        art = analysis.article
        digest = content_hash(data)
        row = self.db.execute("SELECT content_hash, copy_of, copy_similarity FROM articles WHERE id=?",
                              (art.id,)).fetchone()
        if row is not None and row["content_hash"] == digest:
            return AddResult(art.id, "unchanged", row["copy_of"], row["copy_similarity"] or 0.0)
        sig = dedup.signature(dedup.body_of(art.text, art.title))
        keys = dedup.bands(sig)
        try:
            with self.transaction() as db:
                if row is not None:
                    self._delete(art.id)
                copy_of, sim = self._find_copy(art.id, sig, keys)
                seq = db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM articles").fetchone()[0]  # indexed
                db.execute(
                    "INSERT INTO articles (id, title, text, published, published_basis, source, url, language,"
                    " authors, removed, flags, origin, content_hash, copy_of, copy_similarity, seq)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (art.id, art.title, art.text, art.published, art.published_basis, art.source, art.url,
                     art.language, json.dumps(list(art.authors), ensure_ascii=False),
                     json.dumps(list(art.removed), ensure_ascii=False),
                     json.dumps([f.to_json() for f in art.flags], ensure_ascii=False), art.origin, digest,
                     copy_of, sim if copy_of else None, seq))
                db.execute("INSERT INTO analyses VALUES (?, ?)", (art.id, json.dumps(data, ensure_ascii=False)))
                for ent in analysis.entities:
                    db.execute("INSERT INTO entities (id, name, type) VALUES (?,?,?) ON CONFLICT(id) DO NOTHING",
                               (ent.id, ent.name, ent.type))
                    db.executemany("INSERT INTO mentions VALUES (?,?,?,?,?)",
                                   [(art.id, ent.id, m.text, m.start, m.end) for m in ent.mentions])
                db.executemany(
                    "INSERT INTO quotes VALUES (?,?,?,?,?,?,?,?,?,?)",
                    [(art.id, i, q.act or q.kind, q.text, q.start, q.end, q.speaker.text if q.speaker else None,
                      q.speaker.name if q.speaker else None, q.speaker.entity if q.speaker else None,
                      q.cue.text if q.cue else None)
                     for i, q in enumerate(analysis.quotes + analysis.acts)])
                db.execute("INSERT INTO minhash VALUES (?, ?)", (art.id, sig.tobytes()))
                db.executemany("INSERT INTO lsh VALUES (?, ?)", [(k, art.id) for k in keys])
                db.execute("INSERT INTO articles_fts (article_id, title, body) VALUES (?,?,?)",
                           (art.id, stem_text(art.title), stem_text(art.text)))
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot store article {art.id} ({exc})") from exc
        return AddResult(art.id, "updated" if row is not None else "added", copy_of, sim)

    def _find_copy(self, article_id: str, sig: np.ndarray, keys: list[str]) -> tuple[str | None, float]:
        """The earliest stored article this one nearly copies, by LSH candidates."""
        marks = ",".join("?" * len(keys))
        rows = self.db.execute(
            f"SELECT DISTINCT m.article_id, m.signature, a.seq, a.copy_of FROM lsh JOIN minhash m USING(article_id)"
            f" JOIN articles a ON a.id = m.article_id WHERE lsh.band IN ({marks}) AND lsh.article_id != ?"
            f" ORDER BY a.seq LIMIT {MAX_COPY_CANDIDATES}", (*keys, article_id)).fetchall()
        for r in rows:
            sim = dedup.similarity(sig, np.frombuffer(r["signature"], dtype=np.uint64))
            if sim >= dedup.COPY_THRESHOLD:
                return (r["copy_of"] or r["article_id"]), sim
        return None, 0.0

    def _delete(self, article_id: str) -> None:
        for table in ("articles_fts",):
            self.db.execute(f"DELETE FROM {table} WHERE article_id=?", (article_id,))
        for table in ("lsh", "minhash", "quotes", "mentions", "analyses"):
            self.db.execute(f"DELETE FROM {table} WHERE article_id=?", (article_id,))
        self.db.execute("UPDATE articles SET copy_of=NULL WHERE copy_of=?", (article_id,))
        self.db.execute("DELETE FROM articles WHERE id=?", (article_id,))

    # ---------------------------------------------------------------- reading
    def count(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def ids(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM articles ORDER BY seq")]

    def recent(self, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        rows = self.db.execute(
            "SELECT id, title, published, source, language, copy_of, length(text) AS chars FROM articles"
            " ORDER BY published IS NULL, published, seq LIMIT ? OFFSET ?", (limit, offset))
        return [dict(r) for r in rows]

    def get(self, article_id: str) -> Analysis:
        row = self.db.execute("SELECT data FROM analyses WHERE article_id=?", (article_id,)).fetchone()
        if row is None:
            raise NotFound(f"no article with id {article_id!r}")
        return analysis_from_json(json.loads(row["data"]))

    def get_json(self, article_id: str) -> JSON:
        row = self.db.execute("SELECT a.data, b.copy_of FROM analyses a JOIN articles b ON b.id=a.article_id"
                              " WHERE article_id=?", (article_id,)).fetchone()
        if row is None:
            raise NotFound(f"no article with id {article_id!r}")
        data: JSON = json.loads(row["data"])
        data["copy_of"] = row["copy_of"]
        return data

    def analyses(self) -> Iterator[Analysis]:
        """All analyses in ingest order."""
        for row in self.db.execute("SELECT data FROM analyses JOIN articles ON id=article_id ORDER BY seq"):
            yield analysis_from_json(json.loads(row["data"]))

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        expr = fts_query(query)
        if not expr:
            return []
        try:
            rows = self.db.execute(
                "SELECT a.id, a.title, a.published, a.source, a.text,"
                " bm25(articles_fts) AS score FROM articles_fts JOIN articles a ON a.id = articles_fts.article_id"
                " WHERE articles_fts MATCH ? ORDER BY score LIMIT ?", (expr, limit)).fetchall()
        except sqlite3.OperationalError as exc:
            raise StoreError(f"search failed for {query!r} ({exc})") from exc
        out = []
        for r in rows:
            d = dict(r)
            d["snip"] = snippet(d.pop("text"), query)
            out.append(d)
        return out

    def quotes_by(self, speaker: str) -> list[dict[str, Any]]:
        """Every stored quote whose speaker entity, name or text matches ``speaker``, by date."""
        like = f"%{speaker}%"
        rows = self.db.execute(
            "SELECT q.*, a.published, a.title FROM quotes q JOIN articles a ON a.id=q.article_id"
            " WHERE q.speaker_entity = ? OR q.speaker_name LIKE ? OR q.speaker_text LIKE ?"
            " OR q.speaker_entity IN (SELECT id FROM entities WHERE name LIKE ?)"
            " ORDER BY a.published IS NULL, a.published, a.seq, q.idx", (speaker, like, like, like))
        return [dict(r) for r in rows]


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]
