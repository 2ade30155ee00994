"""Linking over the corpus: stories and events, timelines, who-did-what records, claims.

``update_corpus`` is called by ``Engine.ingest`` with the ids of new and changed articles. It
places them in a canonical order (publication date, then id) in chunks, each chunk in one
transaction, so the result does not depend on the order of the inputs within a batch and a
failure leaves the previous state. ``recluster`` rebuilds everything from scratch.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Sequence
from dataclasses import replace

from lagebild.analyse.tokens import sentence_spans, tokenize
from lagebild.link import claims, cluster
from lagebild.link.features import Profile, day_of, profile, represent, stored_dfs, title_of, with_background
from lagebild.link.happenings import happenings, read_sentences, who_did_what
from lagebild.link.lexicon import plover
from lagebild.link.statements import acts, from_quotes, reported
from lagebild.model import Analysis
from lagebild.store import SQLiteStore

__all__ = ["recluster", "unlinked", "update_corpus"]

CHUNK = 256
CACHE_KB = 65536
LINK_TABLES = ("link_articles", "link_events", "link_stories", "link_postings", "link_df", "link_happenings",
               "link_wdw", "link_wdw_mentions", "link_claims", "link_claim_postings", "link_statements",
               "link_state")


def canonical(store: SQLiteStore, ids: Sequence[str]) -> list[str]:
    """Ids by publication date (undated last), then id: the order a batch is placed in."""
    wanted = sorted(set(ids))
    rows: dict[str, str | None] = {}
    for k in range(0, len(wanted), 500):
        part = wanted[k:k + 500]
        marks = ",".join("?" * len(part))
        rows.update(store.db.execute(f"SELECT id, published FROM articles WHERE id IN ({marks})", part).fetchall())
    return sorted(rows, key=lambda i: ((rows[i] or "9999")[:10], i))


def update_corpus(store: SQLiteStore, new_ids: Sequence[str]) -> None:
    """Place newly stored (or changed) articles into stories and events and extract their
    happenings, who-did-what records and statements."""
    ids = canonical(store, new_ids)
    # candidate retrieval reads index pages all over the link tables: a page cache of 64 MB
    # (SQLite's default is 2 MB) keeps the cost per article flat as the database grows
    store.db.execute(f"PRAGMA cache_size=-{CACHE_KB}")
    for k in range(0, len(ids), CHUNK):
        with store.transaction() as db:
            _link_chunk(store, db, ids[k:k + CHUNK])


def unlinked(store: SQLiteStore) -> list[str]:
    """Stored articles that linking has not seen (e.g. stored before this stage existed)."""
    return [r[0] for r in store.db.execute(
        "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM link_articles) ORDER BY seq")]


def recluster(store: SQLiteStore) -> int:
    """Forget all linking and place every stored article again; returns the article count."""
    with store.transaction() as db:
        for table in LINK_TABLES:
            db.execute(f"DELETE FROM {table}")
    ids = store.ids()
    update_corpus(store, ids)
    return len(ids)


def _state(db: sqlite3.Connection, key: str, default: int = 0) -> int:
    row = db.execute("SELECT value FROM link_state WHERE key=?", (key,)).fetchone()
    return int(row[0]) if row else default


def _set_state(db: sqlite3.Connection, key: str, value: int) -> None:
    db.execute("INSERT INTO link_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value",
               (key, str(value)))


def _forget(db: sqlite3.Connection, article_id: str) -> bool:
    """Remove an article's earlier linking (it changed), its terms from the document frequencies
    included; True when there was any. A new article costs one lookup: every clean-up below
    touches only the rows of this article, never a whole table."""
    row = db.execute("SELECT vector FROM link_articles WHERE article_id=?", (article_id,)).fetchone()
    if row is None:
        return False
    terms = sorted(set(json.loads(row[0]).get("df", [])))
    db.executemany("UPDATE link_df SET df=df-1 WHERE feature=?", [(t,) for t in terms])
    db.executemany("DELETE FROM link_df WHERE feature=? AND df<=0", [(t,) for t in terms])
    cluster.remove(db, article_id)
    db.execute("DELETE FROM link_happenings WHERE article_id=?", (article_id,))
    wdw = [r[0] for r in db.execute("SELECT DISTINCT wdw_id FROM link_wdw_mentions WHERE article_id=?",
                                    (article_id,))]
    db.execute("DELETE FROM link_wdw_mentions WHERE article_id=?", (article_id,))
    db.executemany("DELETE FROM link_wdw WHERE id=? AND NOT EXISTS (SELECT 1 FROM link_wdw_mentions"
                   " WHERE wdw_id=?)", [(w, w) for w in wdw])
    claims.remove(db, article_id)
    return True


def _frequencies(db: sqlite3.Connection, profiles: list[Profile]) -> dict[str, int]:
    """Count the new articles' terms into the corpus's document frequencies; returns the
    frequencies of all their terms."""
    fresh: dict[str, int] = {}
    for p in profiles:
        for t in p.counts:
            fresh[t] = fresh.get(t, 0) + 1
    db.executemany("INSERT INTO link_df (feature, df) VALUES (?, ?)"
                   " ON CONFLICT(feature) DO UPDATE SET df=df+excluded.df", sorted(fresh.items()))
    return stored_dfs(db, fresh)


def place_docs(db: sqlite3.Connection, docs: list[Analysis], seen_before: int = 0) -> None:
    """Place these (new or just forgotten) articles into events and stories, in the given order."""
    profiles = [profile(d) for d in docs]
    n_docs = _state(db, "n_docs") + len(docs) - seen_before
    _set_state(db, "n_docs", n_docs)
    dfs, n_weighted = with_background(_frequencies(db, profiles), n_docs)
    for doc, p in zip(docs, profiles, strict=True):
        art = doc.article
        rep = represent(p, dfs, n_weighted)
        day = day_of(art.published)
        placed = cluster.place(db, art.id, rep, day, dfs, n_weighted)
        stored = {**rep.to_json(), "df": sorted(p.counts)}
        db.execute("INSERT INTO link_articles (article_id, story_id, event_id, day, date, title, vector, score)"
                   " VALUES (?,?,?,?,?,?,?,?)", (art.id, placed.story_id, placed.event_id, day,
                                                 (art.published or "")[:10] or None, title_of(doc),
                                                 json.dumps(stored, sort_keys=True, ensure_ascii=False),
                                                 round(placed.score, 4)))


def _link_chunk(store: SQLiteStore, db: sqlite3.Connection, ids: list[str]) -> None:
    seen_before = sum(_forget(db, i) for i in ids)
    docs = [_tokenised(store.get(i)) for i in ids]
    place_docs(db, docs, seen_before)
    n_docs = _state(db, "n_docs")
    for doc in docs:
        _extract(db, doc, n_docs)


def _tokenised(doc: Analysis) -> Analysis:
    """The stored analysis keeps no tokens: make them once here, not in every feature reader."""
    if doc.tokens:
        return doc
    tokens = tuple(tokenize(doc.text))
    return replace(doc, tokens=tokens, sentences=doc.sentences or tuple(sentence_spans(doc.text, list(tokens))))


def _extract(db: sqlite3.Connection, doc: Analysis, n_docs: int) -> None:
    art = doc.article
    sentences = read_sentences(doc)
    db.executemany(
        "INSERT INTO link_happenings (article_id, sent_start, sent_end, date, date_text, trigger, trigger_start,"
        " trigger_end, type, participants, place, summary) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        [(art.id, h.sent_start, h.sent_end, h.date, h.date_text, h.trigger, h.trigger_start, h.trigger_end, h.type,
          json.dumps(list(h.participants), ensure_ascii=False), h.place, h.summary) for h in happenings(sentences)])
    records = who_did_what(sentences, art.published)
    quads = plover()
    for r in records:
        target_key = r.target.key if r.target else ""
        key = f"{r.type}|{r.source.key}|{target_key}|{r.date or ''}"
        wid = "w-" + hashlib.sha1(key.encode()).hexdigest()[:16]
        db.execute(
            "INSERT OR IGNORE INTO link_wdw (id, key, type, mode, quad, date, source_actor, source_raw, source_country,"
            " target_actor, target_raw, target_country, place, trigger, contexts)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (wid, key, r.type, r.mode, quads.get(r.type, ("", ""))[0], r.date, r.source.name, r.source.text,
             _country(r.source.key), r.target.name if r.target else "", r.target.text if r.target else "",
             _country(target_key), r.place, r.trigger.verb.lemma, ";".join(r.contexts)))
        sent_text = doc.text[r.sent_start:r.sent_end]
        db.execute("INSERT OR IGNORE INTO link_wdw_mentions (wdw_id, article_id, sent_start, sent_end, start, end,"
                   " text) VALUES (?,?,?,?,?,?,?)", (wid, art.id, r.sent_start, r.sent_end, r.trigger.start,
                                                    r.trigger.end, " ".join(sent_text.split())))
    covered = [(q.start, q.end) for q in doc.quotes]
    for st in from_quotes(doc, sentences) + reported(sentences, covered, art.published) + acts(records, sentences):
        if len(st.terms) >= 2:
            claims.add(db, art.id, st, n_docs)


def _country(key: str) -> str:
    return key[1:] if key.startswith("@") else ""
