"""Machine-translation artifact flags on sentences written for these tests."""
from __future__ import annotations

import json

import pytest

from lagebild.clean import normalise_text
from lagebild.clean.mt import mt_flags
from tests.conftest import BODY, SHARED, needs_shared


def flagged(text: str) -> list[str]:
    flags = mt_flags(text)
    for f in flags:
        assert f.kind == "mt_artifact"
        assert text[f.start:f.end] == f.text  # spans index the text exactly
    return [f.text for f in flags]


def test_bracketed_english_insert() -> None:
    text = ("„Die Zusammenarbeit [with the neighbouring state] verstößt gegen die Regeln“, sagte der Minister. "
            "Auch aus der Hauptstadt [North Korea] kamen am Montag deutliche Worte.")
    assert flagged(text) == ["[with the neighbouring state]", "[North Korea]"]


@pytest.mark.parametrize("text", [
    "Die Beratungsgruppe (EDSCG) traf sich am Freitag in der Hauptstadt.",
    "Der Minister [der Verteidigung] sagte, man sei vorbereitet.",
    "Das Treffen fand im „Rat für nationale Sicherheit“ (Council for National Security) statt.",
    "Der Bürgermeister wurde in Bayonne (New Jersey) geboren und lebt heute in der Stadt.",
    "Die Anzeige [Anzeige_2] wurde nicht geladen, sagte die Redaktion.",
    "Der Forscher von der University of Reading sagte, die Studie sei noch nicht abgeschlossen.",
    "Die Bewegung Fridays for Future ruft für Freitag erneut zu Protesten in der Stadt auf.",
    "Er nannte das Prinzip ein Survival of the Fittest und erntete dafür viel Kritik im Saal.",
    "Die Sängerin sagte: „We will never give up“, und das Publikum jubelte ihr zu.",
    "Die Debatte über das Für und Wider eines Verbots wird im Landtag fortgesetzt.",
    "Bei Regen fällt das Fest aus, und die Stände bleiben geschlossen.",
    "Die Ausstellung mit Werken aus dem Museum ist bis Sonntag zu sehen.",
])
def test_no_flag_on_good_german(text: str) -> None:
    assert flagged(text) == []


def test_english_prose_inside_a_german_sentence() -> None:
    text = "Russland will die Zusammenarbeit with the North Korean government ausbauen, sagte er am Freitag."
    assert flagged(text) == ["with the North Korean government"]


def test_function_word_capitalised_inside_a_sentence() -> None:
    text = ("Der Bürgermeister Karl Lehmann Er sagt, die Lage sei ernst. Lehmann Und Müller unterzeichneten "
            "am Mittwoch den Vertrag, den die Ministerin Anna Park-Seoin Von Neustadt vorgelegt hatte.")
    assert flagged(text) == ["Karl Lehmann Er", "Lehmann Und Müller", "Anna Park-Seoin Von Neustadt"]


def test_a_sentence_may_start_with_a_capitalised_function_word() -> None:
    text = "Der Rat tagte lange. Er beschloss am Ende den Haushalt: Und alle stimmten zu.\nMit dem Plan ist Ruhe."
    assert flagged(text) == []


def test_english_text_is_not_flagged() -> None:
    text = "The talks with the government of the northern state were held on Friday, officials said."
    assert flagged(text) == []


def test_clean_german_body_has_no_flags() -> None:
    assert flagged(BODY) == []


@needs_shared
def test_few_flags_on_real_german_news() -> None:
    """Wikinews articles are written in German by people: flags there are false alarms."""
    folder = SHARED / "datasets" / "quotation_de_wikinews" / "dev"
    if not folder.exists():
        pytest.skip("wikinews quotation data not present")
    files = sorted(folder.glob("*.json"))
    flags = sum(len(mt_flags(normalise_text(json.loads(f.read_text(encoding="utf-8"))["originalText"])))
                for f in files)
    assert len(files) >= 100
    assert flags <= 2
