"""Story features: compounds share their parts, an entity is one feature whatever type the
recogniser gave it, a news agency is no feature, and one shared name is weaker evidence than two."""
from __future__ import annotations

from lagebild.link.cluster import Event, similarity
from lagebild.link.features import Rep, entity_key, norm, profile, shared_names
from lagebild.link.lexicon import compound_parts, split_compound
from lagebild.model import Analysis, Article, Entity, Mention


def test_closed_and_hyphenated_compounds_give_the_same_parts() -> None:
    assert set(compound_parts("Stahlwerke")) >= {"werk"}
    assert set(compound_parts("Stahl-Werk")) >= {"werk"}
    assert set(compound_parts("Tarifstreit")) == {"tarif", "streit"}
    assert "streit" in compound_parts("Lehrer-Tarifstreit")
    assert "@Kongo" in compound_parts("Kongomission")  # a country as the first part


def test_the_most_even_split_wins_and_a_linking_element_is_dropped() -> None:
    assert split_compound("laufzeitverlängerung") == ("laufzeit", "verlängerung")
    assert set(compound_parts("Arbeitsmarkt")) == {"arbeit", "markt"}
    assert set(compound_parts("Friedensverhandlungen")) == {"frieden", "verhandlung"}


def test_no_split_of_short_words_adjectives_or_a_verb_as_head() -> None:
    assert compound_parts("Haustür") == ()  # too short to split
    assert compound_parts("türkischen") == ()  # not a noun
    assert compound_parts("Beschwerde") == ()  # "werde" is no noun
    assert compound_parts("Wiederaufbau") == ()  # "wieder" is a prefix


def test_a_name_is_not_split_into_parts() -> None:
    text = "In Mannheim wurde ein neues Bürgerhaus eröffnet."
    ent = Entity("gpe:mannheim", "Mannheim", "GPE", (Mention("Mannheim", 3, 11, "GPE"),))
    p = profile(Analysis(article=Article(id="m", title="", text=text), entities=(ent,)))
    assert "mann" not in p.counts and "heim" not in p.counts
    assert "haus" in p.counts  # Bürgerhaus is a common noun


def test_an_entity_is_one_feature_whatever_its_type() -> None:
    assert entity_key("gpe:velmstadt") == entity_key("loc:velmstadt") == "#velmstadt"


def _event(rep: Rep) -> Event:
    return Event("e", "s", 0, 0, 1, rep, norm(rep.words), norm(rep.ents))


def test_one_shared_name_counts_less_than_two() -> None:
    one = Rep({"fest": 1.0}, {"#velmstadt": 1.0}, {}, {})
    two = Rep({"fest": 1.0}, {"#velmstadt": 0.7, "#ada_korr": 0.7}, {}, {})
    dfs: dict[str, float] = {}
    assert shared_names(one, one, dfs, 500) == 1
    assert shared_names(two, two, dfs, 500) == 2
    assert similarity(one, _event(one), dfs, 500) < similarity(two, _event(two), dfs, 500)


def test_a_news_agency_is_a_source_not_a_matter() -> None:
    text = "Wie dpa meldet, brannte in Velmstadt eine Lagerhalle."
    ents = (Entity("org:dpa", "dpa", "ORG", (Mention("dpa", 4, 7, "ORG"),)),
            Entity("gpe:velmstadt", "Velmstadt", "GPE", (Mention("Velmstadt", 25, 34, "GPE"),)))
    p = profile(Analysis(article=Article(id="d", title="", text=text), entities=ents))
    assert "#velmstadt" in p.counts and "#dpa" not in p.counts
