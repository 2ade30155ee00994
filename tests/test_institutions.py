"""Bare institution nouns resolved by their document. Sentences written by hand for these tests."""
from __future__ import annotations

import pytest

from lagebild.analyse.ner.kb import load_kb
from lagebild.analyse.ner.resolve import resolve
from lagebild.analyse.tokens import sentence_spans, tokenize
from lagebild.model import Mention


def linked(text: str, published: str = "2024-06-15") -> dict[str, Mention]:
    """Mention text -> mention, for the mentions of one document."""
    tokens = tokenize(text)
    mentions, _ = resolve(text, tokens, sentence_spans(text, tokens), published)
    return {m.text: m for m in mentions}


@pytest.mark.parametrize(("text", "noun", "entity"), [
    ("Das russische Außenministerium bestellte den Botschafter ein.", "Außenministerium",
     "org:ru_foreign_ministry"),
    ("Das Außenministerium in Peking wies die Vorwürfe zurück.", "Außenministerium", "org:cn_foreign_ministry"),
    ("Russlands Verteidigungsministerium meldete neue Angriffe.", "Verteidigungsministerium",
     "org:ru_defence_ministry"),
    ("Das Moskauer Verteidigungsministerium schwieg dazu.", "Verteidigungsministerium",
     "org:ru_defence_ministry"),
    ("Die Regierung in Kiew bat um weitere Hilfe.", "Regierung", "org:ua_government"),
    ("Laut der japanischen Regierung bleibt die Lage angespannt.", "Regierung", "org:jp_government"),
    ("Das Außenministerium der USA prüft neue Sanktionen.", "Außenministerium der USA",
     "org:us_state_department"),
    ("Der polnische Präsident sprach am Abend im Fernsehen.", "Präsident", "per:andrzej_duda"),
])
def test_country_in_the_phrase(text: str, noun: str, entity: str) -> None:
    m = linked(text)[noun]
    assert m.entity_id == entity
    assert m.confidence >= 0.9 or noun not in ("Außenministerium", "Regierung", "Präsident")


def test_kb_person_in_apposition_gives_the_country() -> None:
    text = ("Russland und Nordkorea vertiefen ihre Zusammenarbeit. Der Sprecher des Außenministeriums, "
            "Matthew Miller, sagte, Waffenlieferungen an Moskau verstießen gegen Resolutionen.")
    m = linked(text, "2023-09-12")["Außenministeriums"]
    assert m.entity_id == "org:us_state_department"
    assert m.confidence == pytest.approx(0.9)


def test_person_before_the_phrase() -> None:
    text = "Maria Sacharowa, Sprecherin des Außenministeriums, nannte die Vorwürfe haltlos."
    assert linked(text)["Außenministeriums"].entity_id == "org:ru_foreign_ministry"


def test_dominant_country_of_the_sentences_before() -> None:
    text = ("Frankreich will seine Truppen in Afrika verkleinern. Präsident Emmanuel Macron kündigte "
            "den Schritt in Paris an. Das Verteidigungsministerium nannte keine Zahlen.")
    m = linked(text)["Verteidigungsministerium"]
    assert m.entity_id == "org:fr_defence_ministry"
    assert 0.5 < m.confidence < 0.9
    assert m.to_json()["confidence"] == m.confidence


def test_president_resolves_to_the_holder_on_the_date() -> None:
    text = ("Die USA verhandeln mit Kanada über Zölle. Washington und das Weiße Haus drohen mit Strafen. "
            "Der Präsident sagte, er sei bereit.")
    assert linked(text, "2023-05-01")["Präsident"].entity_id == "per:joe_biden"
    assert linked(text, "2019-05-01")["Präsident"].entity_id == "per:donald_trump"


@pytest.mark.parametrize("text", [
    # several countries, none ahead: the noun stays unresolved
    "Russland, China und die USA stritten im Sicherheitsrat. Das Außenministerium äußerte sich nicht.",
    # no country at all
    "Das Außenministerium äußerte sich am Montag nicht zu dem Bericht.",
    # not today's office holder, or someone else's office
    "Frankreich und Paris trauern. Der ehemalige Präsident starb am Sonntag.",
    "Deutschland jubelt in Berlin. Der Präsident des Fußballverbands trat am Montag zurück.",
    "Deutschland und Berlin planen. Eine neue Regierung soll im Herbst gebildet werden.",
])
def test_ambiguous_or_other_nouns_stay_unresolved(text: str) -> None:
    found = linked(text)
    assert not any(k in found for k in ("Außenministerium", "Präsident", "Regierung"))


def test_name_after_a_person_office_carries_the_mention() -> None:
    found = linked("Der Präsident Emmanuel Macron reiste nach Berlin.")
    assert "Präsident" not in found
    assert found["Emmanuel Macron"].entity_id == "per:emmanuel_macron"


def test_kb_offices_and_codes_are_consistent() -> None:
    kb = load_kb()
    for (office, code), eid in kb.offices.items():
        assert code in kb.code_country, (office, code)
        assert kb.entries[eid].country == kb.code_country[code]
    for inst in kb.institution_nouns.values():
        assert inst.type in ("ORG", "PER")
        assert (inst.type == "PER") == bool(inst.roles)


def test_name_behind_a_genitive_country_carries_the_mention() -> None:
    found = linked("Der Präsident Frankreichs Emmanuel Macron reiste nach Berlin.")
    assert "Präsident" not in found
    assert found["Frankreichs"].entity_id == "gpe:france"


def test_every_role_span_in_people_tsv_parses() -> None:
    """A malformed date in people.tsv would silently drop a tenure."""
    from lagebild.analyse.de import word_list
    from lagebild.analyse.ner.kb import _tenures
    for line in word_list("kb/people.tsv"):
        cells = line.split("\t")
        if len(cells) > 5 and cells[5].strip():
            spans = sum(len(p.partition(":")[2].split(",")) for p in cells[5].split(";") if p.strip())
            assert len(_tenures(cells[5])) == spans, cells[0]
            for t in _tenures(cells[5]):
                assert "@" in t.role and (not t.end or t.start <= t.end), cells[0]


@pytest.mark.parametrize(("role", "date", "holder"), [
    ("foreign_secretary@gb", "2024-03-01", "per:david_cameron"),
    ("un_ambassador@ru", "2023-06-01", "per:vassily_nebenzia"),
    ("foreign_ministry_spokesperson@cn", "2021-06-01", "per:zhao_lijian"),
    ("defence_minister@jp", "2025-01-15", "per:gen_nakatani"),
    ("government_spokesperson@de", "2019-01-01", "per:steffen_seibert"),
])
def test_second_rank_officials_hold_their_office_on_the_date(role: str, date: str, holder: str) -> None:
    entry = load_kb().holder(role, date)
    assert entry is not None and entry.id == holder
