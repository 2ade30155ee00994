"""Read the linked corpus: stories with events and timeline, who-did-what tables, claims.

The output shapes of ``stories`` and ``claims`` are the evaluation interface (FORMAT.md §2);
extra keys are allowed there and carry the evidence.
"""
from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from lagebild.link import claims as claims_mod
from lagebild.link.features import date_of_day
from lagebild.model import JSON
from lagebild.store import SQLiteStore

#: POLECAT's TSV columns, in its order
POLECAT_COLUMNS = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Intensity", "Quad Code", "Contexts", "Actor Name",
    "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors", "Actor Title", "Actor Name Raw",
    "Wikipedia Actor ID", "Recipient Name", "Recipient Country", "Recipient COW", "Primary Recipient Sector",
    "Recipient Sectors", "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID", "Placename", "City",
    "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID", "Raw Placename", "Feature Type",
    "Source", "Publication Date", "Story People", "Story Organizations", "Story Locations", "Language", "Version")


def _articles(store: SQLiteStore) -> list[dict[str, Any]]:
    rows = store.db.execute("SELECT article_id, story_id, event_id, day, date, title FROM link_articles")
    return sorted((dict(r) for r in rows), key=lambda r: (r["date"] or "9999", r["article_id"]))


def timeline_items(store: SQLiteStore, article_ids: list[str]) -> list[JSON]:
    """Happenings of these articles merged: one item per date and trigger (or shared participants)."""
    if not article_ids:
        return []
    rows: list[dict[str, Any]] = []
    for k in range(0, len(article_ids), 500):
        part = article_ids[k:k + 500]
        marks = ",".join("?" * len(part))
        rows += [dict(r) for r in store.db.execute(
            f"SELECT h.*, a.date AS published FROM link_happenings h JOIN link_articles a USING(article_id)"
            f" WHERE h.article_id IN ({marks})", part)]
    rows.sort(key=lambda r: (r["date"], r["published"] or "", r["article_id"], r["sent_start"]))
    items: list[JSON] = []
    for r in rows:
        parts = set(json.loads(r["participants"]))
        home = None
        for item in items:
            if item["date"] != r["date"]:
                continue
            if item["trigger"] == r["trigger"] or len(parts & set(item["participants"])) >= 2:
                home = item
                break
        evidence = {"article": r["article_id"], "start": r["sent_start"], "end": r["sent_end"],
                    "text": r["summary"], "date_text": r["date_text"]}
        if home is None:
            items.append({"date": r["date"], "summary": r["summary"], "trigger": r["trigger"], "type": r["type"],
                          "participants": sorted(parts), "place": r["place"], "articles": [r["article_id"]],
                          "evidence": [evidence]})
        else:
            if r["article_id"] not in home["articles"]:
                home["articles"].append(r["article_id"])
            home["participants"] = sorted(set(home["participants"]) | parts)
            home["place"] = home["place"] or r["place"]
            home["evidence"].append(evidence)
    return sorted(items, key=lambda i: (i["date"], i["articles"][0]))


def stories(store: SQLiteStore, with_timeline: bool = True) -> list[JSON]:
    """Every article in exactly one story and one event of it (FORMAT.md)."""
    arts = _articles(store)
    events = {r["id"]: dict(r) for r in store.db.execute("SELECT id, story_id, first_day FROM link_events")}
    by_story: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for a in arts:
        by_story[a["story_id"]].append(a)
    out: list[JSON] = []
    for sid, members in by_story.items():
        by_event: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for a in members:
            by_event[a["event_id"]].append(a)
        evs = []
        for eid, ev_members in by_event.items():
            first = ev_members[0]
            day = events[eid]["first_day"] if eid in events else first["day"]
            evs.append({"id": eid, "title": first["title"], "date": date_of_day(day),
                        "articles": [a["article_id"] for a in ev_members]})
        evs.sort(key=lambda e: (e["date"] or "9999", e["id"]))
        biggest = max(evs, key=lambda e: (len(e["articles"]), -len(out)))
        story: JSON = {"id": sid, "title": biggest["title"], "articles": [a["article_id"] for a in members],
                       "events": evs}
        if with_timeline:
            story["timeline"] = timeline_items(store, story["articles"])
        out.append(story)
    out.sort(key=lambda s: (s["events"][0]["date"] or "9999", s["id"]))
    return out


def events(store: SQLiteStore) -> list[JSON]:
    """Who-did-what records, each once however many articles report it, with their mentions."""
    mentions: dict[str, list[JSON]] = defaultdict(list)
    for r in store.db.execute("SELECT m.*, a.date AS published, a.story_id FROM link_wdw_mentions m"
                              " LEFT JOIN link_articles a USING(article_id) ORDER BY m.article_id, m.start"):
        mentions[r["wdw_id"]].append({"article": r["article_id"], "sentence": [r["sent_start"], r["sent_end"]],
                                      "span": [r["start"], r["end"]], "text": r["text"],
                                      "published": r["published"], "story": r["story_id"]})
    out = []
    for r in store.db.execute("SELECT * FROM link_wdw ORDER BY date, id"):
        ms = mentions.get(r["id"], [])
        out.append({"id": r["id"], "date": r["date"], "type": r["type"], "mode": r["mode"], "quad": r["quad"],
                    "source": {"name": r["source_actor"], "raw": r["source_raw"], "country": r["source_country"]},
                    "target": {"name": r["target_actor"], "raw": r["target_raw"], "country": r["target_country"]},
                    "place": r["place"], "trigger": r["trigger"],
                    "contexts": [c for c in r["contexts"].split(";") if c],
                    "story": ms[0]["story"] if ms else None, "mentions": ms})
    return out


def polecat_rows(records: list[JSON]) -> list[list[str]]:
    rows = []
    for e in records:
        first = min((m["published"] or "" for m in e["mentions"]), default="")
        values = {
            "Event ID": e["id"], "Event Date": e["date"] or "", "Event Type": e["type"], "Event Mode": e["mode"],
            "Quad Code": e["quad"], "Contexts": ";".join(e["contexts"]), "Actor Name": e["source"]["name"],
            "Actor Country": e["source"]["country"], "Actor Name Raw": e["source"]["raw"],
            "Recipient Name": e["target"]["name"], "Recipient Country": e["target"]["country"],
            "Recipient Name Raw": e["target"]["raw"], "Placename": e["place"], "Raw Placename": e["place"],
            "Source": ";".join(sorted({m["article"] for m in e["mentions"]})), "Publication Date": first,
            "Language": "de", "Version": "lagebild"}
        rows.append([str(values.get(c, "")).replace("\t", " ").replace("\n", " ") for c in POLECAT_COLUMNS])
    return rows


def claims(store: SQLiteStore, min_statements: int = 2) -> list[JSON]:
    out = []
    members: dict[str, list[JSON]] = defaultdict(list)
    for r in store.db.execute("SELECT s.*, a.date AS published FROM link_statements s"
                              " LEFT JOIN link_articles a USING(article_id) ORDER BY s.id"):
        members[r["claim_id"]].append({
            "article": r["article_id"], "date": r["date"] or r["published"], "stance": r["stance"],
            "speaker": {"text": r["speaker_text"], "name": r["speaker_name"], "entity": r["speaker_entity"]},
            "text": r["text"], "start": r["start"], "end": r["end"], "basis": r["basis"],
            "figures": json.loads(r["figures"])})
    for cid, sts in members.items():
        if len(sts) < min_statements:
            continue
        sts.sort(key=lambda s: (s["date"] or "9999", s["article"], s["start"]))
        asserting = [s for s in sts if s["stance"] == "asserts"]
        text = (asserting or sts)[0]["text"]
        flags = claims_mod.analyse(sts)
        out.append({"id": cid, "text": text, "statements": sts, **flags})
    out.sort(key=lambda c: (not c["contradiction"], c["statements"][0]["date"] or "9999", c["id"]))
    return out
