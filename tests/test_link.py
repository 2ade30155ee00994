"""Linking: stories and events, order independence, timeline, who-did-what, claims (inputs made by hand)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from lagebild.link import recluster, update_corpus
from lagebild.link.views import POLECAT_COLUMNS, claims, events, polecat_rows, stories
from lagebild.model import Analysis, Article
from lagebild.store import SQLiteStore

HAFEN = ("Die Stadt Bremerhaven hat am Montag den Ausbau des Containerhafens beschlossen. Der Senat "
         "stimmte dem Plan für neue Kaianlagen zu, die Reederei Hapag kündigte Investitionen an. {}")
VULKAN = ("Auf Island ist der Vulkan Hekla ausgebrochen. Die Behörden sperrten den Luftraum über dem "
          "Nordatlantik, Lava floss über die Ebene. {}")


def _doc(i: str, text: str, published: str, title: str = "") -> Analysis:
    from lagebild.analyse.pipeline import Pipeline
    return Pipeline(["tokens"])(Article(id=i, text=text, title=title, published=published))


def _corpus() -> list[Analysis]:
    return [
        _doc("h1", HAFEN.format("Kritiker warnen vor den Kosten des Hafenausbaus."), "2021-03-01",
             "Hafenausbau in Bremerhaven"),
        _doc("h2", HAFEN.format("Der Hafenausbau soll 2025 beginnen, sagte der Senat."), "2021-03-03",
             "Bremerhaven baut Hafen aus"),
        _doc("v1", VULKAN.format("Flüge nach Reykjavik fielen aus."), "2021-03-02", "Vulkan Hekla ausgebrochen"),
        _doc("v2", VULKAN.format("Die Lava erreichte am Dienstag die Küste."), "2021-03-04",
             "Hekla: Lava erreicht Küste"),
        _doc("h3", HAFEN.format("Ein Jahr später wurde der erste Kai eröffnet."), "2021-09-20",
             "Erster Kai im Hafen Bremerhaven"),
    ]


def _store(tmp_path: Path, docs: list[Analysis], name: str = "db") -> SQLiteStore:
    store = SQLiteStore(tmp_path / name)
    for d in docs:
        store.add(d)
    update_corpus(store, [d.article.id for d in docs])
    return store


def _partition(store: SQLiteStore) -> set[frozenset[str]]:
    return {frozenset(s["articles"]) for s in stories(store, with_timeline=False)}


def test_stories_group_by_topic_and_events_by_time(tmp_path: Path) -> None:
    store = _store(tmp_path, _corpus())
    out = stories(store)
    assert _partition(store) == {frozenset({"h1", "h2", "h3"}), frozenset({"v1", "v2"})}
    hafen = next(s for s in out if "h1" in s["articles"])
    assert {frozenset(e["articles"]) for e in hafen["events"]} == {frozenset({"h1", "h2"}), frozenset({"h3"})}
    every = [a for s in out for e in s["events"] for a in e["articles"]]
    assert sorted(every) == ["h1", "h2", "h3", "v1", "v2"]


def test_order_within_a_batch_does_not_matter(tmp_path: Path) -> None:
    docs = _corpus()
    a = _store(tmp_path, docs, "a")
    b = _store(tmp_path, list(reversed(docs)), "b")
    assert json.dumps(stories(a), sort_keys=True) == json.dumps(stories(b), sort_keys=True)


def test_incremental_matches_recluster(tmp_path: Path) -> None:
    docs = _corpus()
    store = SQLiteStore(tmp_path / "inc")
    for d in sorted(docs, key=lambda d: d.article.published or ""):
        store.add(d)
        update_corpus(store, [d.article.id])
    before = _partition(store)
    recluster(store)
    assert _partition(store) == before


def test_timeline_who_did_what_and_claims(tmp_path: Path) -> None:
    text1 = ("Der Sprecher der Regierung erklärte, es seien keine Verträge mit Utopia unterzeichnet worden. "
             "Präsident Anton Berg traf am Dienstag in Utopia ein.")
    text2 = "Präsident Anton Berg und Präsidentin Clara Weiß unterzeichneten am Mittwoch in Utopia einen Vertrag."
    docs = [_doc("a1", text1, "2022-05-10"), _doc("a2", text2, "2022-06-02")]
    store = _store(tmp_path, docs)
    items = [i for s in stories(store) for i in s["timeline"]]
    assert ("2022-05-10", "a1") in {(i["date"], i["articles"][0]) for i in items}
    recs = events(store)
    signing = [r for r in recs if r["type"] == "AGREE" and r["date"] == "2022-06-01"]
    assert signing and signing[0]["source"]["name"] == "Anton Berg"
    assert signing[0]["target"]["name"] == "Clara Weiß"
    assert signing[0]["quad"] == "VERBAL COOPERATION"
    rows = polecat_rows(recs)
    assert all(len(r) == len(POLECAT_COLUMNS) for r in rows)
    contradicted = [c for c in claims(store) if c["contradiction"]]
    assert contradicted, claims(store)
    stances = {s["stance"] for s in contradicted[0]["statements"]}
    assert stances == {"asserts", "denies"}
    assert contradicted[0]["reversals"][0]["kind"] == "denied_then_confirmed"


def test_same_event_reported_twice_counts_once(tmp_path: Path) -> None:
    text = "Präsident Anton Berg und Präsidentin Clara Weiß unterzeichneten am Mittwoch in Utopia einen Vertrag."
    store = _store(tmp_path, [_doc("b1", text, "2022-06-02"), _doc("b2", "Bericht. " + text, "2022-06-02")])
    agree = [r for r in events(store) if r["type"] == "AGREE"]
    assert len(agree) == 1 and {m["article"] for m in agree[0]["mentions"]} == {"b1", "b2"}


@pytest.mark.parametrize("changed", [True])
def test_changed_article_is_replaced(tmp_path: Path, changed: bool) -> None:
    docs = _corpus()
    store = _store(tmp_path, docs)
    new = _doc("v2", VULKAN.format("Neue Messungen."), "2021-03-04", "Hekla: neue Messungen")
    store.add(new)
    update_corpus(store, ["v2"])
    arts = [a for s in stories(store, with_timeline=False) for a in s["articles"]]
    assert sorted(arts) == ["h1", "h2", "h3", "v1", "v2"]
