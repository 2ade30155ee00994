"""The general place and organisation lists: safe against common words, and found in text.
Sentences written by hand."""
from __future__ import annotations

import pytest

from lagebild.analyse.ner.gazetteer import kb_matches
from lagebild.analyse.ner.resolve import resolve
from lagebild.analyse.tokens import sentence_spans, tokenize


def strong_matches(text: str) -> list[tuple[str, str]]:
    words = [t.text for t in tokenize(text)]
    return [(" ".join(words[m.start:m.end]), m.ids[0]) for m in kb_matches(words) if not m.weak]


def found(text: str) -> dict[str, str]:
    """Mention text -> entity id, for the whole entities component."""
    tokens = tokenize(text)
    _, ents = resolve(text, tokens, sentence_spans(text, tokens), "2024-05-02")
    return {m.text: e.id for e in ents for m in e.mentions}


@pytest.mark.parametrize("text", [
    "Über den Antrag wird am Montag entschieden.",  # Über folds like the company Uber
    "Große Brocken fielen auf die Straße.",
    "Das war sein letzter Trumpf.",
    "Die Löhne steigen, die Bünde zerfallen.",
    "Wir buchen die Reise und leimen den Stuhl.",
])
def test_common_words_create_no_kb_name(text: str) -> None:
    assert strong_matches(text) == []


@pytest.mark.parametrize(("text", "name", "eid"), [
    ("Borussia Dortmund gewann in Gelsenkirchen.", "Borussia Dortmund", "org:borussia_dortmund"),
    ("Sie studierte an der Universität Heidelberg.", "Universität Heidelberg", "org:universitaet_heidelberg"),
    ("Die IG Metall ruft zum Warnstreik auf.", "IG Metall", "org:ig_metall"),
    ("Er wanderte im Allgäu und am Tegernsee.", "Tegernsee", "loc:tegernsee"),
    ("Der Gouverneur von Pennsylvanien sprach.", "Pennsylvanien", "gpe:pennsylvania"),
    ("Urlaub auf Teneriffa ist günstig.", "Teneriffa", "loc:teneriffa"),
])
def test_general_names_are_found(text: str, name: str, eid: str) -> None:
    assert (name, eid) in strong_matches(text)


def test_club_named_after_a_city_is_the_club() -> None:
    ids = found("Der Trainer von Borussia Dortmund lobte die Abwehr.")
    assert ids.get("Borussia Dortmund") == "org:borussia_dortmund"


@pytest.mark.parametrize("word", ["Über", "Für", "Später", "Während", "Natürlich", "Würde", "Wäre", "Hätte",
                                  "Müssen", "Können", "Dürfen", "Schön", "Außerdem", "Nächste", "Früher",
                                  "Gegenüber", "Zurück", "Grün", "Rot", "Post", "Welt", "Zeit", "Bild",
                                  "Brand", "Linke", "Stern", "Essen", "Mitte", "Wedding", "Franken"])
def test_frequent_words_at_a_sentence_start_are_no_kb_name(word: str) -> None:
    """Folding drops accents ("Über" ~ the company Uber): a frequent word opening a sentence
    must never make a name by itself."""
    assert strong_matches(f"{word} sagte man nichts.") == []


@pytest.mark.parametrize("text", [
    "Die Blätter fallen im Herbst.",
    "Er blieb Herr der Lage.",
    "Die Bögen der Brücke sind alt.",
    "Das ist nicht in Stein gemeißelt.",
    "Sie träumen von anderen Welten.",
    "Die Fontäne im Park sprudelt.",
    "Die Zeche wurde geschlossen.",
])
def test_common_nouns_near_new_names_create_no_kb_name(text: str) -> None:
    """Folding evens out w/v and umlauts: a common noun must not meet a town or family name."""
    assert strong_matches(text) == []


@pytest.mark.parametrize(("text", "name", "eid"), [
    ("Gregor Gysi sprach im Bundestag.", "Gregor Gysi", "per:gregor_gysi"),
    ("Sie flog nach Sacramento.", "Sacramento", "gpe:sacramento"),
    ("Juventus Turin verlor in Mailand.", "Juventus Turin", "org:juventus_turin"),
    ("Helmut Schmidt rauchte.", "Helmut Schmidt", "per:helmut_schmidt"),
    ("Nick Heidfeld fuhr zuletzt für Sauber.", "Nick Heidfeld", "per:nick_heidfeld"),
])
def test_more_general_names_are_found(text: str, name: str, eid: str) -> None:
    """A full name matches even where folding the joined words would merge letters across
    the space ("Nick Heidfeld": k + h)."""
    assert (name, eid) in strong_matches(text)


def test_given_name_before_a_kb_family_name_stays_with_it() -> None:
    """Another person with a KB family name keeps the given name ("Petra Federer" is not
    Roger Federer)."""
    ids = found("Die Nachbarin Petra Federer hat am Montag geklagt.")
    assert "Petra Federer" in ids and ids["Petra Federer"] != "per:roger_federer"
