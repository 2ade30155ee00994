"""Story signals: background document frequencies, names alone vs. matter words as anchors,
acronyms, what a join months later needs, and clean-ups that touch only the changed article's rows."""
from __future__ import annotations

from pathlib import Path

from lagebild.link import update_corpus
from lagebild.link.cluster import TOPIC_DAYS, Event, decide
from lagebild.link.features import (
    Rep,
    _entity_ids,
    aliases,
    anchor,
    background,
    matter,
    norm,
    profile,
    rarity,
    with_background,
)
from lagebild.model import Analysis, Article, Entity, Mention
from lagebild.store import SQLiteStore


def _rep(title: set[str], ents: set[str] = frozenset()) -> Rep:  # type: ignore[assignment]
    keys = dict.fromkeys(sorted(title), 1)
    return Rep({}, dict.fromkeys(sorted(ents), 0.5), keys, dict(keys))


def test_background_makes_an_everyday_word_ordinary_in_a_young_corpus() -> None:
    share = background()
    assert share["polizei"] > 0.01  # an everyday news word is in the table
    dfs, n = with_background({"polizei": 2, "quallenplage": 2}, 40)
    assert rarity(dfs["polizei"], n) < rarity(dfs["quallenplage"], n)
    assert rarity(2, 40) > rarity(dfs["polizei"], n)  # without the background both look rare


def test_a_shared_town_or_matter_word_alone_anchors_less_than_both() -> None:
    dfs: dict[str, float] = {}

    def score(a: set[str], b: set[str], ents: set[str] = frozenset()) -> float:  # type: ignore[assignment]
        return anchor(_rep(a, ents), _rep(b, ents), dfs, 500)

    town = score({"velmstadt", "#gpe:velmstadt", "haushalt"}, {"velmstadt", "#gpe:velmstadt", "premiere"},
                 {"#gpe:velmstadt"})
    same_town_adjective = score({"#gpe:velmstadt", "#loc:velmstadter"}, {"#gpe:velmstadt", "#loc:velmstadter"})
    landing = score({"notlandung", "triebwerk"}, {"notlandung", "acker"})
    hall = score({"eishalle", "#gpe:velmstadt"}, {"eishalle", "#gpe:velmstadt"}, {"#gpe:velmstadt"})
    two = score({"#per:ada_korr", "#gpe:velmstadt"}, {"#per:ada_korr", "#gpe:velmstadt"})
    assert 0 < town < landing < hall
    assert same_town_adjective == town  # one town under two ids is still one name
    assert two == hall == 1.0


def _article(i: str, title: str, text: str, day: str) -> Analysis:
    return Analysis(article=Article(id=i, title=title, text=text, published=day))


def test_a_new_article_leaves_other_rows_alone(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "db")
    docs = [_article("a1", "Hafenfest in Velmstadt", "Das Hafenfest in Velmstadt lockte viele Gäste an.", "2022-05-01"),
            _article("a2", "Neue Fähre", "Die neue Fähre nach Korrsund fährt ab Juni stündlich.", "2022-05-02")]
    for d in docs:
        store.add(d)
    update_corpus(store, ["a1"])
    before = store.db.execute("SELECT feature, df FROM link_df ORDER BY feature").fetchall()
    update_corpus(store, ["a2"])
    after = dict(store.db.execute("SELECT feature, df FROM link_df").fetchall())
    assert all(after[f] >= df for f, df in before)
    assert store.db.execute("SELECT COUNT(*) FROM link_articles").fetchone()[0] == 2


def test_a_matter_word_with_a_shared_region_counts_fully_but_not_with_the_home_country() -> None:
    def score(ents: set[str], dfs: dict[str, float]) -> float:
        return anchor(_rep({"notlandung", "triebwerk"} | ents), _rep({"notlandung", "acker"} | ents), dfs, 500)

    alone = score(set(), {})
    region = score({"#velmland"}, {"#velmland": 50})  # too common to anchor, rare enough to place it
    home = score({"#heimatland"}, {"#heimatland": 300})  # named in most articles
    assert alone == home < region


def _named(text: str, names: dict[str, str]) -> Analysis:
    ents = []
    for name, eid in sorted(names.items()):
        found, at = [], text.find(name)
        while at >= 0:
            found.append(Mention(name, at, at + len(name), eid.split(":")[0].upper(), eid, name))
            at = text.find(name, at + 1)
        ents.append(Entity(eid, name, found[0].type, tuple(found)))
    return Analysis(article=Article(id="x", text=text), entities=tuple(ents))


def test_an_acronym_and_its_full_name_are_one_entity() -> None:
    bracket = _named("Den Velmstädter Verkehrsbetrieben (VVG) droht ein Streik. Die VVG lehnt ab.",
                     {"Velmstädter Verkehrsbetrieben": "org:velmstaedter_verkehrsbetrieben", "VVG": "org:vvg"})
    spelled = _named("Die Gewerkschaft Korrsunder Lotsen ruft zum Streik. Die GKL fordert mehr Geld.",
                     {"Gewerkschaft Korrsunder Lotsen": "org:gewerkschaft_korrsunder_lotsen", "GKL": "org:gkl"})
    party = _named("Stadträtin Ada Korrsen Velmer (FDP) stimmte dagegen. Die FDP blieb allein.",
                   {"Ada Korrsen Velmer": "org:ada_korrsen_velmer", "FDP": "org:fdp"})
    assert aliases(bracket, _entity_ids(bracket)) == {"org:velmstaedter_verkehrsbetrieben": "org:vvg"}
    assert aliases(spelled, _entity_ids(spelled)) == {"org:gewerkschaft_korrsunder_lotsen": "org:gkl"}
    assert aliases(party, _entity_ids(party)) == {}  # a party in brackets after a name is not its acronym
    assert "#vvg" in profile(bracket).counts and "#velmstaedter_verkehrsbetrieben" not in profile(bracket).counts


def test_months_apart_a_story_needs_a_shared_matter_word_not_only_a_name() -> None:
    strike = Rep({"streik": 0.8, "tarif": 0.5, "vvg": 0.3}, {"#vvg": 1.0}, {"#vvg": 1}, {"#vvg": 1})
    foil = Rep({"folie": 0.8, "vandalismus": 0.5, "vvg": 0.3}, {"#vvg": 1.0}, {"#vvg": 1}, {"#vvg": 1})
    again = Rep({"streik": 0.7, "urabstimmung": 0.6, "vvg": 0.3}, {"#vvg": 1.0}, {"#vvg": 1}, {"#vvg": 1})
    assert matter(strike, foil, norm(foil.words)) == 0.0  # only the name's word is shared
    assert matter(strike, again, norm(again.words)) > 0.5
    event = Event("e", "s", 0, 0, 1, foil, norm(foil.words), norm(foil.ents))
    assert decide(strike, 5, [event], {}, 500)[1] is not None  # days apart the name suffices
    assert decide(strike, TOPIC_DAYS + 1, [event], {}, 500)[1] is None
