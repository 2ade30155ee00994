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
