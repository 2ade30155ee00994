"""Story features beyond wording (entities, title anchors), corpus statistics of changed articles,
fallback actor names and claims on hand-written texts."""
from __future__ import annotations

from pathlib import Path

from lagebild.analyse.tokens import tokenize
from lagebild.link import update_corpus
from lagebild.link.actors import fallback, known_names
from lagebild.link.views import claims, stories
from lagebild.model import Analysis, Article, Entity, Mention
from lagebild.store import SQLiteStore


def _doc(i: str, title: str, text: str, published: str, names: dict[str, str] | None = None) -> Analysis:
    """An analysed article whose entities are the given names (name -> entity id) where they occur."""
    from lagebild.analyse.pipeline import Pipeline
    doc = Pipeline(["tokens"])(Article(id=i, text=text, title=title, published=published))
    ents = []
    for name, eid in sorted((names or {}).items()):
        found, at = [], text.find(name)
        while at >= 0:
            found.append(Mention(name, at, at + len(name), eid.split(":")[0].upper(), eid, name))
            at = text.find(name, at + 1)
        if found:
            ents.append(Entity(eid, name, found[0].type, tuple(found)))
    return Analysis(article=doc.article, tokens=doc.tokens, sentences=doc.sentences,
                    mentions=tuple(m for e in ents for m in e.mentions), entities=tuple(ents))


def _store(tmp_path: Path, docs: list[Analysis]) -> SQLiteStore:
    store = SQLiteStore(tmp_path / "db")
    for d in docs:
        store.add(d)
    update_corpus(store, [d.article.id for d in docs])
    return store


def _story_of(store: SQLiteStore) -> dict[str, str]:
    return {a: s["id"] for s in stories(store, with_timeline=False) for a in s["articles"]}


FILLER = [
    ("f1", "Neue Radwege in der Altstadt", "Die Stadt baut neue Radwege entlang des Flusses. Anwohner begrüßen "
     "die Pläne, Händler fürchten weniger Parkplätze.", "2021-02-01"),
    ("f2", "Bäckerei feiert Jubiläum", "Die Bäckerei am Marktplatz besteht seit hundert Jahren. Zum Fest gab es "
     "Kuchen für alle Gäste.", "2021-02-20"),
    ("f3", "Schwimmbad öffnet wieder", "Nach der Sanierung öffnet das Hallenbad im Frühjahr. Das Becken wurde "
     "erneuert, die Preise bleiben stabil.", "2021-03-15"),
]


def test_follow_up_in_other_words_joins_the_story_by_entity_and_title(tmp_path: Path) -> None:
    names = {"Zorbak Velinski": "per:zorbak_velinski", "Velinski": "per:zorbak_velinski"}
    first = _doc("p1", "Prozess gegen Zorbak Velinski beginnt",
                 "Vor dem Landgericht hat der Prozess gegen Zorbak Velinski begonnen. Die Anklage wirft ihm "
                 "Betrug in vierzig Fällen vor. Velinski schwieg zum Auftakt.", "2021-01-10", names)
    later = _doc("p2", "Velinski muss fünf Jahre in Haft",
                 "Zorbak Velinski ist zu fünf Jahren Gefängnis verurteilt worden. Die Richterin sah es als "
                 "erwiesen an, dass er Anleger getäuscht hatte. Seine Verteidiger kündigten Revision an.",
                 "2021-03-12", names)
    other = _doc("p3", "Landgericht bekommt neues Dach",
                 "Das Dach des Landgerichts wird im Sommer erneuert. Die Arbeiten kosten zwei Millionen Euro.",
                 "2021-02-15")
    docs = [first, later, other] + [_doc(i, t, x, p) for i, t, x, p in FILLER]
    story = _story_of(_store(tmp_path, docs))
    assert story["p1"] == story["p2"]
    assert story["p3"] != story["p1"]
    assert len({story[i] for i, *_ in FILLER} | {story["p1"], story["p3"]}) == 5


def test_changed_article_leaves_no_old_terms_in_the_statistics(tmp_path: Path) -> None:
    old = _doc("c1", "Quallenplage am Strand", "Am Strand treiben tausende Quallen. Die Quallenplage hält an.",
               "2021-07-01")
    store = _store(tmp_path, [old] + [_doc(i, t, x, p) for i, t, x, p in FILLER])
    df = dict(store.db.execute("SELECT feature, df FROM link_df").fetchall())
    assert df.get("quallenplage") == 1
    n_docs = store.db.execute("SELECT value FROM link_state WHERE key='n_docs'").fetchone()[0]
    new = _doc("c1", "Badewetter am Strand", "Am Strand ist es warm. Viele Gäste kamen zum Baden.", "2021-07-01")
    store.add(new)
    update_corpus(store, ["c1"])
    df = dict(store.db.execute("SELECT feature, df FROM link_df").fetchall())
    assert "quallenplage" not in df and df.get("badewetter") == 1
    assert store.db.execute("SELECT value FROM link_state WHERE key='n_docs'").fetchone()[0] == n_docs


def test_fallback_finds_people_not_capitalised_nouns() -> None:
    text = ("Im Raum Charkiw Fragmente einer Rakete gefunden, sagte Kremlsprecher Dmitri Peskow am Montag. "
            "Danach traf Angela Merkel in Berlin Vertreter der Regierung.")
    toks = tokenize(text)
    found = {(a.text, a.type) for a in fallback(toks, 0, len(text), known_names(toks))}
    assert ("Dmitri Peskow", "PER") in found and ("Angela Merkel", "PER") in found
    assert not any("Fragmente" in name or "Raum" in name for name, _ in found)


def test_claims_group_a_proposition_and_keep_unrelated_apart(tmp_path: Path) -> None:
    docs = [
        _doc("k1", "Brücken", "Verkehrsminister Jan Oster sagte, die Regierung werde 500 Millionen Euro für die "
             "Sanierung maroder Brücken ausgeben.", "2022-04-01"),
        _doc("k2", "Streit um Brücken", "Oppositionsführerin Maria Lind erklärte, die Regierung werde nur "
             "200 Millionen Euro für die Sanierung maroder Brücken ausgeben.", "2022-04-03"),
        _doc("k3", "Drohnen", "Regierungssprecherin Eva Korn sagte, die Regierung prüfe neue Regeln für private "
             "Drohnen über Wohngebieten.", "2022-04-02"),
    ]
    out = claims(_store(tmp_path, docs), min_statements=1)
    bridge = [c for c in out if {s["article"] for s in c["statements"]} >= {"k1", "k2"}]
    assert bridge, out
    assert "k3" not in {s["article"] for s in bridge[0]["statements"]}
    assert bridge[0]["figure_conflicts"] and bridge[0]["contradiction"]
