"""A place before a newspaper's or airline's word is an organisation, and a person's name keeps
its type through the article (invented texts)."""
from __future__ import annotations

from lagebild.analyse.ner.resolve import _M, _persons_genitives
from lagebild.analyse.ner.rules import Found, org_names
from lagebild.analyse.pipeline import Pipeline
from lagebild.clean import prepare
from lagebild.model import RawDocument


def _mentions(text: str) -> list[tuple[str, str, str]]:
    doc = Pipeline(("tokens", "entities"))(prepare(RawDocument(origin="t", id="t", text=text,
                                                                published="2024-01-01")))
    return [(m.text, m.type, m.entity_id) for m in doc.mentions]


def test_place_before_a_press_word_is_the_organisation() -> None:
    words = ["Laut", "der", "Quarzingen", "Post", "kam", "es", "zu", "Protesten"]
    assert org_names(words, [Found(2, 3, "LOC")]) == [Found(2, 4, "ORG")]
    # a country too: "Korea Times"
    assert org_names(["Die", "Japan", "Times"], [Found(1, 2, "GPE", "gpe:japan")]) == [Found(1, 3, "ORG")]
    # the word must follow the place directly
    assert org_names(["Quarzingen", ",", "Post"], [Found(0, 1, "LOC")]) == [Found(0, 1, "LOC")]


def test_genitive_or_surname_of_a_person_named_in_full_is_that_person() -> None:
    words = ["Torvald", "Quenhagen", "sagte", ".", "Quenhagens", "Partei", "und", "Quenhagen", "in", "Velmark"]
    ms = [_M(0, 2, "PER"), _M(4, 5, "ORG"), _M(7, 8, "LOC"), _M(9, 10, "LOC")]
    _persons_genitives(ms, words)
    assert [m.label for m in ms] == ["PER", "PER", "PER", "LOC"]


def test_the_genitive_joins_the_person_in_the_pipeline() -> None:
    found = _mentions("Der Bürgermeister Torvald Quenhagen trat am Montag zurück. Quenhagens Nachfolger "
                      "soll im Mai gewählt werden.")
    assert {(t, typ) for t, typ, _ in found} >= {("Torvald Quenhagen", "PER"), ("Quenhagens", "PER")}
    assert len({e for t, _, e in found if "Quenhagen" in t}) == 1


def test_a_name_ending_in_an_institution_word_is_an_organisation() -> None:
    """A name of several words the tagger took for a place or a MISC name that ends in an
    organisation's head noun (German or English) is an organisation; a KB place is left alone."""
    words = ["Er", "lehrt", "an", "der", "Quarzbach", "Velmer", "Universität", "und", "im", "Lindholm",
             "General", "Hospital"]
    out = org_names(words, [Found(4, 7, "LOC"), Found(9, 12, "MISC")])
    assert out == [Found(4, 7, "ORG"), Found(9, 12, "ORG")]
    assert org_names(words, [Found(4, 7, "LOC", "loc:x")]) == [Found(4, 7, "LOC", "loc:x")]
    assert org_names(words, [Found(6, 7, "LOC")]) == [Found(6, 7, "LOC")]  # the head noun alone


def test_a_name_keeps_one_type_through_the_article() -> None:
    from lagebild.analyse.ner.resolve import _one_type_per_name
    words = ["Die", "Sonde", "Quasnik", "flog", ".", "Quasnik", "funkte", ".", "Quasnik", "landete", "in",
             "Velmark", "."]
    ms = [_M(2, 3, "MISC"), _M(5, 6, "PER"), _M(8, 9, "MISC"), _M(11, 12, "LOC")]
    _one_type_per_name(ms, words)
    assert [m.label for m in ms] == ["MISC", "MISC", "MISC", "LOC"]
    tie = [_M(2, 3, "PER"), _M(5, 6, "MISC"), _M(0, 1, "ORG", kb_id="org:x")]
    _one_type_per_name(tie, words)
    assert [m.label for m in tie] == ["PER", "PER", "ORG"]  # the first wins a tie; KB names keep theirs


def test_a_counted_noun_after_a_number_is_no_place() -> None:
    """ "50 Meilen": a KB town that is also a noun of measure, right after a number, is the
    noun; the same word elsewhere and a city spelt like a name after a number stay places."""
    assert [m[0] for m in _mentions("Die Sonde flog in 50 Meilen Höhe über den Mond.")] == ["Mond"]
    assert ("Meilen", "GPE", "gpe:meilen") in _mentions("Sie wohnt in Meilen am Zürichsee.")
    assert any(m[0] == "Berlin" for m in _mentions("Die Linie 52 Berlin fährt heute nicht."))


def test_a_place_adjective_the_tagger_took_for_a_place_is_a_mention_of_the_place() -> None:
    """ "Kölner" tagged as a place is Köln's adjective: a mention of the city, no entity of its
    own; a capital's adjective stays the city, not its government."""
    from lagebild.analyse.ner.kb import load_kb
    from lagebild.analyse.ner.resolve import _link, _place_adjectives
    words = ["Das", "Kölner", "und", "das", "Berliner", "Publikum", "in", "Quarzingen", "jubelten",
             "US-amerikanische"]
    ms = [_M(1, 2, "LOC"), _M(4, 5, "GPE"), _M(7, 8, "LOC"), _M(9, 10, "LOC")]
    _place_adjectives(ms, words)
    assert [(m.kb_id, m.adjective) for m in ms] == [("gpe:koeln", True), ("gpe:berlin", True), ("", False),
                                                     ("gpe:usa", True)]
    _link(ms, words, load_kb(), "2024-01-01")
    assert [m.key for m in ms[:2]] == ["gpe:koeln", "gpe:berlin"]


def test_a_nationality_before_a_surname_named_in_full_is_the_person() -> None:
    words = ["Anna", "Velmer", "fand", "ihn", ".", "Die", "Deutsche", "Velmer", "sagte", "das", "."]
    ms = [_M(0, 2, "PER"), _M(6, 8, "LOC")]
    _persons_genitives(ms, words)
    assert (ms[1].start, ms[1].end, ms[1].label) == (7, 8, "PER")


def test_an_organisation_has_one_id_in_every_case() -> None:
    """The id of a name the KB lacks is made from its uninflected form: the genitive, dative and
    nominative of "Sächsischer Heimatverband" are one organisation across articles."""
    from lagebild.analyse.ner.inflection import base_name
    forms = ["Sächsischen Heimatverbandes", "Sächsische Heimatverband", "Sächsischer Heimatverband",
             "Sächsischem Heimatverband"]
    assert {base_name(f) for f in forms} == {"sächsisch Heimatverband"}
    assert base_name("Roten Kreuzes") == base_name("Rotes Kreuz")
    assert base_name("Siemens") == "Siemens" and base_name("Grünen") == "Grünen"  # no genitive, no adjective


def test_a_kb_name_is_found_in_every_case() -> None:
    """The KB holds each name's adjectives in every ending: "des Deutschen Gewerkschaftsbundes"
    is the Deutscher Gewerkschaftsbund; a lower-case verb before a place is no such form."""
    from lagebild.analyse.ner.inflection import declined_forms
    assert "Deutschen Gewerkschaftsbund" in declined_forms("Deutscher Gewerkschaftsbund")
    assert declined_forms("Human Rights Watch") == [] and declined_forms("Die Linke") == []
    got = _mentions("Der Vorsitzende des Deutschen Gewerkschaftsbundes und die Europäische Zentralbank warnten.")
    assert ("Deutschen Gewerkschaftsbundes", "ORG", "org:deutscher_gewerkschaftsbund") in got
    assert any(m[2] == "org:ecb" for m in got)
    assert [m[0] for m in _mentions("Sie werden Bremen verlassen.")] == ["Bremen"]
