"""Korean names with a hyphenated given name (ner/korean.py), on invented sentences."""
from __future__ import annotations

import pytest

from lagebild.analyse.ner.korean import korean_given_name, korean_names
from lagebild.analyse.ner.rules import Found
from lagebild.analyse.pipeline import Pipeline
from lagebild.clean import prepare
from lagebild.model import RawDocument


@pytest.mark.parametrize("word", ["Ho-jin", "Jong-un", "Suk-yeol", "Kwang-chol", "Son-hui", "Min-ho"])
def test_romanised_given_names(word: str) -> None:
    assert korean_given_name(word)


@pytest.mark.parametrize("word", ["Know-how", "Check-in", "Make-up", "Nord-Ost", "Ost-west", "Bar-code",
                                  "EU-Kommission", "Jong-Un-Regime"])
def test_other_hyphenated_words(word: str) -> None:
    assert not korean_given_name(word)


def test_family_name_the_tagger_left_out_or_kept_alone() -> None:
    words = ["Berater", "Song", "Ho-jin", "und", "Park", "Jin-woo", "trafen", "Lee", "Min-ho"]
    found = [Found(1, 2, "PER"), Found(4, 5, "LOC"), Found(7, 9, "PER")]
    assert korean_names(words, found) == [Found(1, 3, "PER"), Found(4, 6, "PER"), Found(7, 9, "PER")]


def test_no_family_name_from_a_function_word_or_a_longer_name() -> None:
    words = ["Das", "Pop-up", "der", "Galerie", "Nam", "Tae-ho", "Berlin"]
    found = [Found(3, 7, "ORG")]
    assert korean_names(words, found) == found


def test_in_the_pipeline() -> None:
    text = "Der Sicherheitsberater Song Tae-min sagte am Montag, man werde reagieren."
    doc = Pipeline(("tokens", "entities"))(prepare(RawDocument(origin="t", id="t", text=text,
                                                                published="2024-01-01")))
    assert [(m.text, m.type) for m in doc.mentions if m.type == "PER"] == [("Song Tae-min", "PER")]
