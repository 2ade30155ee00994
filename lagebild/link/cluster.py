"""Incremental two-level clustering: each article joins an event (one happening, days wide) and
its story (the events that belong together, months wide), or founds new ones.

Why this shape: the cost of placing an article must not grow with the corpus. Candidates come
from an inverted index (term -> event) read only near the article's date and only a bounded
number of rows per term; only those candidates' centroids are scored. Every decision depends
only on the stored state and the article, and a batch is placed in a canonical order, so the
result does not depend on the order the inputs arrived in.
"""
from __future__ import annotations

import json
import math
import sqlite3
from dataclasses import dataclass

from lagebild.link.features import cosine

#: retrieval: query terms per article, posting rows per term and side of the date, candidates scored
QUERY_TERMS = 16
ROWS_PER_TERM = 24
CANDIDATES = 48
#: a term in more than this share of the corpus is not used for retrieval (once the corpus is big)
COMMON_SHARE = 0.2
#: centroid terms kept, and those of them indexed
CENTROID_TERMS = 120
POSTED_TERMS = 40
#: join an event of the chosen story: similarity and days between the article and the event's date range
EVENT_SIM = 0.15
EVENT_DAYS = 7
#: join a story: similarity after the time decay sim / (1 + days / STORY_DAYS)
STORY_SIM = 0.18
STORY_DAYS = 365
STORY_MAX_DAYS = 730


@dataclass
class Event:
    id: str
    story_id: str
    first_day: int | None
    last_day: int | None
    n: int
    centroid: dict[str, float]
    norm: float

    def gap(self, day: int | None) -> int:
        if day is None or self.first_day is None or self.last_day is None:
            return 0
        if day < self.first_day:
            return self.first_day - day
        if day > self.last_day:
            return day - self.last_day
        return 0


@dataclass(frozen=True)
class Placement:
    story_id: str
    event_id: str
    score: float  # similarity to the event or story joined; 0 for a new story


def _load_events(db: sqlite3.Connection, ids: list[str]) -> list[Event]:
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    rows = db.execute(f"SELECT id, story_id, first_day, last_day, n, centroid, norm FROM link_events"
                      f" WHERE id IN ({marks})", ids).fetchall()
    return [Event(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]), r[6]) for r in rows]


def candidates(db: sqlite3.Connection, vec: dict[str, float], day: int | None, dfs: dict[str, int],
               n_docs: int) -> list[Event]:
    """Events that share the article's strongest terms, nearest in time first; bounded."""
    query = [t for t, _ in sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))
             if n_docs < 50 or dfs.get(t, 0) <= COMMON_SHARE * n_docs][:QUERY_TERMS]
    hits: dict[str, float] = {}
    for term in query:
        if day is None:
            rows = db.execute("SELECT event_id FROM link_postings WHERE feature=? ORDER BY day DESC LIMIT ?",
                              (term, 2 * ROWS_PER_TERM)).fetchall()
        else:
            rows = db.execute("SELECT event_id FROM link_postings WHERE feature=? AND day<=? ORDER BY day DESC"
                              " LIMIT ?", (term, day, ROWS_PER_TERM)).fetchall()
            rows += db.execute("SELECT event_id FROM link_postings WHERE feature=? AND day>? ORDER BY day"
                               " LIMIT ?", (term, day, ROWS_PER_TERM)).fetchall()
        for (event_id,) in rows:
            hits[event_id] = hits.get(event_id, 0.0) + vec[term]
    best = sorted(hits.items(), key=lambda kv: (-kv[1], kv[0]))[:CANDIDATES]
    return sorted(_load_events(db, [e for e, _ in best]), key=lambda e: e.id)


def decide(vec: dict[str, float], day: int | None, events: list[Event]) -> tuple[Event | None, Event | None, float]:
    """(event to join, event whose story to join, score); both None for a new story.

    The story comes first: the candidate event most similar after the time decay. Within that
    story the article joins the most similar event close enough in time; text alone cannot tell
    two visits of the same leaders apart, their dates can.
    """
    best_story: tuple[float, str, Event] | None = None
    sims = {ev.id: cosine(vec, ev.centroid, ev.norm) for ev in events}
    for ev in events:
        gap = ev.gap(day)
        decayed = sims[ev.id] / (1.0 + gap / STORY_DAYS)
        if gap <= STORY_MAX_DAYS and decayed >= STORY_SIM and (best_story is None or
                                                                (decayed, ev.id) > best_story[:2]):
            best_story = (decayed, ev.id, ev)
    if best_story is None:
        return None, None, 0.0
    story_id = best_story[2].story_id
    best_event: tuple[float, str, Event] | None = None
    for ev in events:
        if ev.story_id == story_id and ev.gap(day) <= EVENT_DAYS and sims[ev.id] >= EVENT_SIM and \
                (best_event is None or (sims[ev.id], ev.id) > best_event[:2]):
            best_event = (sims[ev.id], ev.id, ev)
    if best_event is not None:
        return best_event[2], best_event[2], best_event[0]
    return None, best_story[2], best_story[0]


def _truncate(centroid: dict[str, float]) -> dict[str, float]:
    top = sorted(centroid.items(), key=lambda kv: (-kv[1], kv[0]))[:CENTROID_TERMS]
    return {t: round(w, 6) for t, w in top if w > 1e-9}


def _norm(centroid: dict[str, float]) -> float:
    return math.sqrt(sum(w * w for w in centroid.values()))


def _post(db: sqlite3.Connection, event_id: str, centroid: dict[str, float], day: int | None) -> None:
    db.execute("DELETE FROM link_postings WHERE event_id=?", (event_id,))
    top = sorted(centroid.items(), key=lambda kv: (-kv[1], kv[0]))[:POSTED_TERMS]
    db.executemany("INSERT INTO link_postings (feature, event_id, day) VALUES (?,?,?)",
                   [(t, event_id, day if day is not None else -1) for t, _ in top])


def _span(a: int | None, b: int | None, pick: str) -> int | None:
    if a is None:
        return b
    if b is None:
        return a
    return min(a, b) if pick == "min" else max(a, b)


def place(db: sqlite3.Connection, article_id: str, vec: dict[str, float], day: int | None,
          dfs: dict[str, int], n_docs: int) -> Placement:
    """Put one article into an event and a story, updating centroids, index and counts."""
    event, story_of, score = decide(vec, day, candidates(db, vec, day, dfs, n_docs))
    if event is not None:
        centroid = dict(event.centroid)
        for t, w in vec.items():
            centroid[t] = centroid.get(t, 0.0) + w
        centroid = _truncate(centroid)
        first, last = _span(event.first_day, day, "min"), _span(event.last_day, day, "max")
        db.execute("UPDATE link_events SET first_day=?, last_day=?, n=n+1, centroid=?, norm=? WHERE id=?",
                   (first, last, json.dumps(centroid, sort_keys=True), _norm(centroid), event.id))
        _post(db, event.id, centroid, last)
        story_id, event_id = event.story_id, event.id
    else:
        event_id = "e-" + article_id
        story_id = story_of.story_id if story_of is not None else "s-" + article_id
        centroid = _truncate(dict(vec))
        db.execute("INSERT INTO link_events (id, story_id, first_day, last_day, n, centroid, norm)"
                   " VALUES (?,?,?,?,1,?,?)", (event_id, story_id, day, day,
                                               json.dumps(centroid, sort_keys=True), _norm(centroid)))
        _post(db, event_id, centroid, day)
        if story_of is None:
            db.execute("INSERT INTO link_stories (id, first_day, last_day, n) VALUES (?,?,?,0)",
                       (story_id, day, day))
    row = db.execute("SELECT first_day, last_day FROM link_stories WHERE id=?", (story_id,)).fetchone()
    db.execute("UPDATE link_stories SET first_day=?, last_day=?, n=n+1 WHERE id=?",
               (_span(row[0], day, "min"), _span(row[1], day, "max"), story_id))
    return Placement(story_id, event_id, score)


def remove(db: sqlite3.Connection, article_id: str) -> None:
    """Take a (changed or deleted) article out of its event and story."""
    row = db.execute("SELECT event_id, story_id, vector FROM link_articles WHERE article_id=?",
                     (article_id,)).fetchone()
    if row is None:
        return
    event_id, story_id, vec = row[0], row[1], json.loads(row[2])
    db.execute("DELETE FROM link_articles WHERE article_id=?", (article_id,))
    ev = _load_events(db, [event_id])
    if ev and ev[0].n > 1:
        centroid = {t: w - vec.get(t, 0.0) for t, w in ev[0].centroid.items()}
        centroid = _truncate({t: w for t, w in centroid.items() if w > 1e-6})
        days = db.execute("SELECT MIN(day), MAX(day) FROM link_articles WHERE event_id=?", (event_id,)).fetchone()
        db.execute("UPDATE link_events SET n=n-1, centroid=?, norm=?, first_day=?, last_day=? WHERE id=?",
                   (json.dumps(centroid, sort_keys=True), _norm(centroid), days[0], days[1], event_id))
        _post(db, event_id, centroid, days[1])
    else:
        db.execute("DELETE FROM link_events WHERE id=?", (event_id,))
        db.execute("DELETE FROM link_postings WHERE event_id=?", (event_id,))
    left = db.execute("SELECT COUNT(*), MIN(day), MAX(day) FROM link_articles WHERE story_id=?",
                      (story_id,)).fetchone()
    if left[0]:
        db.execute("UPDATE link_stories SET n=?, first_day=?, last_day=? WHERE id=?", (*left, story_id))
    else:
        db.execute("DELETE FROM link_stories WHERE id=?", (story_id,))
