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
