"""Incremental two-level clustering: each article joins an event (one happening, days wide) and
its story (the events that belong together, months wide), or founds new ones.

Why this shape: the cost of placing an article must not grow with the corpus. Candidates come
from an inverted index (word, entity id or title key -> event) read only near the article's date
and only a bounded number of rows per feature; only those candidates are scored. Every decision
depends only on the stored state and the article, and a batch is placed in a canonical order, so
the result does not depend on the order the inputs arrived in.

The score of an article against an event (``similarity``) adds three parts, because wording
alone misses most follow-ups: word cosine, entity cosine (weighted highest, and halved when
fewer than two rare names are shared: one town, person or company recurs in unrelated stories;
when hardly a matter word is shared, places shared alone count half, being only the scene), and
the anchor (rarity of a key in one title and the other's title or lead; full weight only when a
name and a matter word, or two names, agree). More than TOPIC_DAYS apart, a story join also
needs a shared specific (rare) matter word: names alone over months are a recurring actor; and
when both titles name persons and none is the same, the bar is APART times higher: a story goes
on with its protagonists (two plagiarism cases are two stories); and after more than LATE_DAYS
without a report the bar is LATE times higher (a story goes on while its reports lie within
about half a year of each other). Weights and thresholds were tuned on the
tune half of a story-labelled Wikinews corpus (scripts/build_story_corpus.py --half tune) and
checked on the other half.
"""
from __future__ import annotations

import json
import sqlite3
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypeVar

from lagebild.link.features import Rep, anchor, cosine, matter, norm, other_protagonists, rarity, shared_names

_N = TypeVar("_N", int, float)

#: retrieval: query words, entities and title keys per article, posting rows per feature and side
#: of the date, candidates scored
QUERY_TERMS = 16
QUERY_ENTITIES = 8
QUERY_KEYS = 12
ROWS_PER_TERM = 24
CANDIDATES = 48
#: a feature in more than this share of the corpus is not used for retrieval (once the corpus is big)
COMMON_SHARE = 0.2
#: event summaries: words, entities, title keys and lead keys kept; features of them indexed
CENTROID_TERMS = 120
CENTROID_ENTITIES = 60
CENTROID_TITLE = 30
CENTROID_LEAD = 120
POSTED_TERMS = 40
POSTED_ENTITIES = 20
POSTED_KEYS = 20
#: weights of the entity cosine and the anchor next to the word cosine
ENTITY_PART = 1.6
ANCHOR_PART = 1.0
#: the entity cosine when at most one rare name is shared, relative to two or more: one place,
#: person or company recurs in unrelated stories
ONE_NAME = 0.5
#: join an event of the chosen story: similarity and days between the article and the event's date range
EVENT_SIM = 0.45
EVENT_DAYS = 7
#: join a story: similarity after the time decay sim / (1 + days / STORY_DAYS), at most STORY_MAX_DAYS
#: from one of its events (a follow-up a year on still joins; older ones start a new story)
STORY_SIM = 0.68
STORY_DAYS = 365
STORY_MAX_DAYS = 365
#: more than LATE_DAYS from the nearest event the story bar is LATE times as high: a story goes on
#: while each report lies within about half a year of another (the labelling rule of
#: scripts/build_story_corpus.py; eight months leave a margin for reports a corpus lacks); after
#: a longer silence only a follow-up sharing much (many names and matter words) continues it,
#: a report sharing a town and a kind of happening is a new story
LATE_DAYS = 240
LATE = 1.5
#: more than TOPIC_DAYS apart, the word cosine over the rare words that are not words of names
#: (``matter`` with the document frequencies) must reach TOPIC_WORDS, i.e. some specific matter word
#: is shared: a follow-up months later goes on about the same matter; only a name (and an everyday
#: verb) shared over months is a recurring actor (a transport company's strike and its new window
#: foils eight months later)
TOPIC_DAYS = 90
TOPIC_WORDS = 0.01
#: ... and when both titles name persons and none of them is the same, the story bar is APART times
#: as high: months on, a story goes on with its protagonists; a title about another person is
#: another story of the same kind (a second plagiarism case, another team boss's birthday)
APART = 2.0
#: a matter cosine below this says the two share hardly a word beyond names: then the places they
#: share are only the scene (``shared_names``), two happenings in Aleppo are not one story
SETTING_WORDS = 0.05


@dataclass
class Event:
    id: str
    story_id: str
    first_day: int | None
    last_day: int | None
    n: int
    rep: Rep
    words_norm: float
    ents_norm: float

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


#: parsed event summaries kept in memory, keyed by their stored text (so never stale)
PARSED_CACHE = 2048
_parsed: OrderedDict[str, Rep] = OrderedDict()


def _parse(text: str) -> Rep:
    """The summary stored as ``text``; parsing dominates candidate scoring, and the events near
    the newest articles are read again and again."""
    rep = _parsed.get(text)
    if rep is None:
        rep = Rep.from_json(json.loads(text))
        _parsed[text] = rep
        if len(_parsed) > PARSED_CACHE:
            _parsed.popitem(last=False)
    else:
        _parsed.move_to_end(text)
    return rep


def _load_events(db: sqlite3.Connection, ids: list[str]) -> list[Event]:
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    rows = db.execute(f"SELECT id, story_id, first_day, last_day, n, centroid, norm FROM link_events"
                      f" WHERE id IN ({marks})", ids).fetchall()
    out = []
    for r in rows:
        rep = _parse(r[5])
        out.append(Event(r[0], r[1], r[2], r[3], r[4], rep, r[6], norm(rep.ents)))
    return out


def _query(rep: Rep, dfs: Mapping[str, float], n_docs: float) -> dict[str, float]:
    """Features to look up, with the weight a hit on each counts for in ranking candidates."""
    def usable(t: str) -> bool:
        return n_docs < 50 or dfs.get(t, 0) <= COMMON_SHARE * n_docs

    def strongest(vec: dict[str, float], k: int) -> list[tuple[str, float]]:
        return [(t, w) for t, w in sorted(vec.items(), key=lambda kv: (-kv[1], kv[0])) if usable(t)][:k]

    out: dict[str, float] = {}
    for t, w in strongest(rep.words, QUERY_TERMS) + strongest(rep.ents, QUERY_ENTITIES):
        out[t] = out.get(t, 0.0) + w
    keys = sorted(((rarity(dfs.get(k, 0), n_docs), k) for k in rep.title if usable(k)), reverse=True)
    for r, k in keys[:QUERY_KEYS]:
        out[k] = out.get(k, 0.0) + ANCHOR_PART * r
    return out


def candidates(db: sqlite3.Connection, rep: Rep, day: int | None, dfs: Mapping[str, float],
               n_docs: float) -> list[Event]:
    """Events that share the article's strongest features, nearest in time first; bounded."""
    hits: dict[str, float] = {}
    for term, weight in sorted(_query(rep, dfs, n_docs).items()):
        if day is None:
            rows = db.execute("SELECT event_id FROM link_postings WHERE feature=? ORDER BY day DESC LIMIT ?",
                              (term, 2 * ROWS_PER_TERM)).fetchall()
        else:
            rows = db.execute("SELECT event_id FROM link_postings WHERE feature=? AND day<=? ORDER BY day DESC"
                              " LIMIT ?", (term, day, ROWS_PER_TERM)).fetchall()
            rows += db.execute("SELECT event_id FROM link_postings WHERE feature=? AND day>? ORDER BY day"
                               " LIMIT ?", (term, day, ROWS_PER_TERM)).fetchall()
        for (event_id,) in rows:
            hits[event_id] = hits.get(event_id, 0.0) + weight
    best = sorted(hits.items(), key=lambda kv: (-kv[1], kv[0]))[:CANDIDATES]
    return sorted(_load_events(db, [e for e, _ in best]), key=lambda e: e.id)


def similarity(rep: Rep, ev: Event, dfs: Mapping[str, float], n_docs: float) -> float:
    """Word cosine + entity cosine and anchor, weighted (undecayed)."""
    ents = cosine(rep.ents, ev.rep.ents, ev.ents_norm)
    if ents:
        setting = matter(rep, ev.rep, ev.words_norm) < SETTING_WORDS
        ents *= min(1.0, max(ONE_NAME, shared_names(rep, ev.rep, dfs, n_docs, setting) / 2))
    return (cosine(rep.words, ev.rep.words, ev.words_norm) + ENTITY_PART * ents
            + ANCHOR_PART * anchor(rep, ev.rep, dfs, n_docs))


def decay(gap: int) -> float:
    """The share of the similarity left after ``gap`` days."""
    return 1.0 / (1.0 + gap / STORY_DAYS)


def decide(rep: Rep, day: int | None, events: list[Event], dfs: Mapping[str, float],
           n_docs: float) -> tuple[Event | None, Event | None, float]:
    """(event to join, event whose story to join, score); both None for a new story.

    The story comes first: the candidate event most similar after the time decay. Within that
    story the article joins the most similar event close enough in time; text alone cannot tell
    two visits of the same leaders apart, their dates can.
    """
    best_story: tuple[float, str, Event] | None = None
    sims = {ev.id: similarity(rep, ev, dfs, n_docs) for ev in events}
    for ev in events:
        gap = ev.gap(day)
        decayed = sims[ev.id] * decay(gap)
        if gap > TOPIC_DAYS and matter(rep, ev.rep, ev.words_norm, dfs, n_docs) < TOPIC_WORDS:
            continue
        bar = STORY_SIM * (APART if gap > TOPIC_DAYS and other_protagonists(rep, ev.rep) else 1.0) \
            * (LATE if gap > LATE_DAYS else 1.0)
        if gap <= STORY_MAX_DAYS and decayed >= bar and (best_story is None or
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


def _top(d: dict[str, float], k: int) -> dict[str, float]:
    top = sorted(d.items(), key=lambda kv: (-kv[1], kv[0]))[:k]
    return {t: round(w, 6) for t, w in top if w > 1e-6}


def _top_counts(d: dict[str, int], k: int) -> dict[str, int]:
    return dict(sorted((kv for kv in d.items() if kv[1] > 0), key=lambda kv: (-kv[1], kv[0]))[:k])


def _add(x: dict[str, _N], y: dict[str, _N], sign: int) -> dict[str, _N]:
    out = dict(x)
    for t, w in y.items():
        out[t] = out.get(t, 0) + sign * w
    return out


def _combine(a: Rep, b: Rep, sign: int) -> Rep:
    """The event summary a + b (sign 1) or a - b (sign -1), truncated."""
    ents = _top(_add(a.ents, b.ents, sign), CENTROID_ENTITIES)
    return Rep(_top(_add(a.words, b.words, sign), CENTROID_TERMS), ents,
               _top_counts(_add(a.title, b.title, sign), CENTROID_TITLE),
               _top_counts(_add(a.lead, b.lead, sign), CENTROID_LEAD),
               {k: n for k, n in _top_counts(_add(a.places, b.places, sign), CENTROID_ENTITIES).items() if k in ents},
               {k: n for k, n in _top_counts(_add(a.persons, b.persons, sign), CENTROID_ENTITIES).items()
                if k in ents})


def _post(db: sqlite3.Connection, event_id: str, rep: Rep, day: int | None) -> None:
    """Index the event under its strongest features; only the rows that changed are written (an
    event's top features rarely change when one article joins)."""
    feats = set(_top(rep.words, POSTED_TERMS)) | set(_top(rep.ents, POSTED_ENTITIES))
    feats |= set(_top_counts(rep.title, POSTED_KEYS))
    d = day if day is not None else -1
    old = dict(db.execute("SELECT feature, day FROM link_postings WHERE event_id=?", (event_id,)).fetchall())
    db.executemany("DELETE FROM link_postings WHERE feature=? AND event_id=?",
                   [(t, event_id) for t in sorted(old.keys() - feats)])
    db.executemany("UPDATE link_postings SET day=? WHERE feature=? AND event_id=?",
                   [(d, t, event_id) for t in sorted(feats & old.keys()) if old[t] != d])
    db.executemany("INSERT INTO link_postings (feature, event_id, day) VALUES (?,?,?)",
                   [(t, event_id, d) for t in sorted(feats - old.keys())])


def _span(a: int | None, b: int | None, pick: str) -> int | None:
    if a is None:
        return b
    if b is None:
        return a
    return min(a, b) if pick == "min" else max(a, b)


def _dump(rep: Rep) -> str:
    return json.dumps(rep.to_json(), sort_keys=True, ensure_ascii=False)


def place(db: sqlite3.Connection, article_id: str, rep: Rep, day: int | None,
          dfs: Mapping[str, float], n_docs: float) -> Placement:
    """Put one article into an event and a story, updating summaries, index and counts."""
    event, story_of, score = decide(rep, day, candidates(db, rep, day, dfs, n_docs), dfs, n_docs)
    if event is not None:
        summary = _combine(event.rep, rep, 1)
        first, last = _span(event.first_day, day, "min"), _span(event.last_day, day, "max")
        db.execute("UPDATE link_events SET first_day=?, last_day=?, n=n+1, centroid=?, norm=? WHERE id=?",
                   (first, last, _dump(summary), norm(summary.words), event.id))
        _post(db, event.id, summary, last)
        story_id, event_id = event.story_id, event.id
    else:
        event_id = "e-" + article_id
        story_id = story_of.story_id if story_of is not None else "s-" + article_id
        summary = _combine(Rep({}, {}, {}, {}), rep, 1)
        db.execute("INSERT INTO link_events (id, story_id, first_day, last_day, n, centroid, norm)"
                   " VALUES (?,?,?,?,1,?,?)", (event_id, story_id, day, day, _dump(summary),
                                               norm(summary.words)))
        _post(db, event_id, summary, day)
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
    event_id, story_id = row[0], row[1]
    rep = Rep.from_json(json.loads(row[2]))
    db.execute("DELETE FROM link_articles WHERE article_id=?", (article_id,))
    ev = _load_events(db, [event_id])
    if ev and ev[0].n > 1:
        summary = _combine(ev[0].rep, rep, -1)
        days = db.execute("SELECT MIN(day), MAX(day) FROM link_articles WHERE event_id=?", (event_id,)).fetchone()
        db.execute("UPDATE link_events SET n=n-1, centroid=?, norm=?, first_day=?, last_day=? WHERE id=?",
                   (_dump(summary), norm(summary.words), days[0], days[1], event_id))
        _post(db, event_id, summary, days[1])
    else:
        db.execute("DELETE FROM link_events WHERE id=?", (event_id,))
        db.execute("DELETE FROM link_postings WHERE event_id=?", (event_id,))
    left = db.execute("SELECT COUNT(*), MIN(day), MAX(day) FROM link_articles WHERE story_id=?",
                      (story_id,)).fetchone()
    if left[0]:
        db.execute("UPDATE link_stories SET n=?, first_day=?, last_day=? WHERE id=?", (*left, story_id))
    else:
        db.execute("DELETE FROM link_stories WHERE id=?", (story_id,))
