"""The German temporal tagger on sentences written for these tests."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from lagebild.analyse.alternation import either_case, trie
from lagebild.analyse.pipeline import Pipeline
from lagebild.analyse.timex import find_timexes
from lagebild.model import Article, Timex

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DCT = "2023-09-15"  # a Friday


def tag(text: str, published: str | None = DCT) -> dict[str, Timex]:
    out = find_timexes(text, published)
    for t in out:
        assert text[t.start:t.end] == t.text
    return {t.text: t for t in out}


@pytest.mark.parametrize(("text", "span", "value", "kind"), [
    ("Das Treffen fand am 13. September 2023 statt.", "13. September 2023", "2023-09-13", "DATE"),
    ("Die Frist endete am 13.09.2023.", "13.09.2023", "2023-09-13", "DATE"),
    ("Ein erstes Treffen gab es im Jahr 2019 in Wladiwostok.", "Jahr 2019", "2019", "DATE"),
    ("Die Bauarbeiten begannen 2019.", "2019", "2019", "DATE"),
    ("Die Preise waren Mitte März gestiegen.", "Mitte März", "2023-03", "DATE"),
    ("Anfang 2024 soll der Bau beginnen.", "Anfang 2024", "2024", "DATE"),
    ("Der Minister sagte am Freitag vor Journalisten, alles sei gut.", "Freitag", "2023-09-15", "DATE"),
    ("Kim traf am Dienstag in Russland ein.", "Dienstag", "2023-09-12", "DATE"),
    ("Am Montag wird der Rat entscheiden.", "Montag", "2023-09-18", "DATE"),
    ("Er hatte am Sonntagnachmittag den Zug bestiegen.", "Sonntagnachmittag", "2023-09-10TAF", "TIME"),
    ("Sie war im März vor dem Ausschuss aufgetreten.", "März", "2023-03", "DATE"),
    ("Vergangene Woche hatte es Proteste gegeben.", "Vergangene Woche", "2023-W36", "DATE"),
    ("Putin könnte in den kommenden Wochen reisen.", "den kommenden Wochen", "FUTURE_REF", "DATE"),
    ("Gestern sprach der Kanzler im Bundestag.", "Gestern", "2023-09-14", "DATE"),
    ("Morgen wird gewählt.", "Morgen", "2023-09-16", "DATE"),
    ("Vor zwei Jahren war das anders.", "zwei Jahren", "P2Y", "DURATION"),
    ("Es regnet seit drei Tagen.", "drei Tagen", "P3D", "DURATION"),
    ("Jeden Montag treffen sich die Eltern.", "Jeden Montag", "XXXX-WXX-1", "SET"),
    ("Die Zeitung erscheint täglich.", "täglich", "P1D", "SET"),
    ("In den neunziger Jahren zog er nach Hamburg.", "den neunziger Jahren", "199", "DATE"),
    ("Im 19. Jahrhundert lebten hier wenige Menschen.", "19. Jahrhundert", "18", "DATE"),
    ("Im dritten Quartal sank der Umsatz.", "dritten Quartal", "2023-Q3", "DATE"),
    ("Derzeit gibt es keine Pläne.", "Derzeit", "PRESENT_REF", "DATE"),
    ("Kürzlich hatte er gekündigt.", "Kürzlich", "PAST_REF", "DATE"),
    ("Die Feier ist an Ostern.", "Ostern", "2024-03-31", "DATE"),
])
def test_expression(text: str, span: str, value: str, kind: str) -> None:
    found = tag(text)
    assert span in found, f"{span!r} not among {list(found)}"
    assert (found[span].value, found[span].type) == (value, kind)


def test_season_direction_follows_the_tense() -> None:
    assert tag("Im Sommer will er nach China reisen.", "2023-04-01")["Sommer"].value == "2023-SU"
    assert tag("Im Sommer will er nach China reisen.")["Sommer"].value == "2024-SU"
    assert tag("Im Sommer war er in China.")["Sommer"].value == "2023-SU"


def test_clock_time_belongs_to_the_day_named_before() -> None:
    found = tag("Am Montag, 18. September 2023, beginnt um 12.30 Uhr die Sitzung.")
    assert found["Montag, 18. September 2023"].value == "2023-09-18"
    assert found["12.30 Uhr"].value == "2023-09-18T12:30"


def test_list_of_days_shares_month_and_year() -> None:
    found = tag("Die Aufführungen sind am 3., 4. und 5. Oktober 2023.")
    assert [found[k].value for k in ("3", "4", "5. Oktober 2023")] == ["2023-10-03", "2023-10-04", "2023-10-05"]


def test_explicit_year_sets_the_year_of_a_month_in_the_same_sentence() -> None:
    found = tag("Im März 1992 verlor die Statue ihre Nase, im April brachte man sie in den Hof.")
    assert found["April"].value == "1992-04"


def test_without_publication_date_relative_values_stay_open() -> None:
    found = tag("Der Minister sagte am Freitag, man sei bereit.", None)
    assert found["Freitag"].value == "XXXX-WXX-5"
    assert tag("Im Jahr 2019 gab es Wahlen.", None)["Jahr 2019"].value == "2019"


@pytest.mark.parametrize("text", [
    "Im Stadion saßen 2000 Menschen.",
    "Sie ist 23 Jahre alt.",
    "Guten Morgen, sagte der Moderator.",
    "August Meier eröffnete die Sitzung.",
    "Der Tag der offenen Tür war gut besucht.",
])
def test_not_a_time_expression(text: str) -> None:
    assert tag(text) == {}


def test_generic_today_is_present_ref_when_the_text_names_no_day() -> None:
    assert tag("Die Firma ist heute vor allem in Asien tätig.")["heute"].value == "PRESENT_REF"
    assert tag("Heute ist Wahltag, gestern war Ruhe.")["Heute"].value == DCT


def test_component_fills_timexes() -> None:
    article = Article(id="t", text="Kim traf am Dienstag in Russland ein.", published=DCT)
    doc = Pipeline(["tokens", "timex"])(article)
    assert [(t.text, t.value) for t in doc.timexes] == [("Dienstag", "2023-09-12")]


@pytest.mark.skipif(not (SHARED / "datasets" / "krauts_dev").exists(), reason="../shared is not present")
def test_krauts_dev_value_f1_floor() -> None:
    """On the KRAUTS development set the value F1 must stay above HeidelTime's (0.668)."""
    sys.path.insert(0, str(SHARED / "eval"))
    try:
        import score_timex as st
    finally:
        sys.path.pop(0)
    docs = st.read_documents(SHARED / "datasets" / "krauts_dev")
    outputs = {d.id: {"text": d.text, "timexes": [t.to_json() for t in find_timexes(d.text, d.dct)]}
               for d in docs}
    figures = st.score(docs, outputs)
    assert figures["value"]["f1"] >= 0.80
    assert figures["relaxed"]["f1"] >= 0.90


def longest_first(words: list[str]) -> str:
    """The plain alternation a trie stands for: escaped words, longest first."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w))) + ")"


def test_trie_alternation_matches_like_the_longest_first_alternation() -> None:
    """Same matches at the same offsets: the longest word starting at each position, also
    where what follows the alternation fails and a shorter word must be taken."""
    pieces = ["jahr", "jahrhundert", "jahres", "mai", "ab", "abend", "tag", "tage", "lang", "an", "uhr"]
    words = [a + b for a in pieces for b in pieces] + pieces + [p[:-1] for p in pieces] + ["Vorabendjahr", "x"]
    for tail in ("", "(?!e)", "s"):
        old, new = re.compile(longest_first(pieces) + tail), re.compile(trie(pieces) + tail)
        for w in words:
            assert [(m.start(), m.group()) for m in new.finditer(w)] == \
                [(m.start(), m.group()) for m in old.finditer(w)]


def test_trie_with_spaces_and_either_case() -> None:
    """A blank stands for any white space; the first letter in both cases."""
    quals = ["bis zu", "bis zu rund", "rund", "mehr als", "weit mehr als"]
    rx = re.compile(r"(?<!\w)" + trie(either_case(quals), space=r"\s+") + r"\s+\d+")
    assert [m.group() for m in rx.finditer("Bis  zu rund 40 und bis\nzu 30, weit mehr als 5, mehr 7")] == \
        ["Bis  zu rund 40", "bis\nzu 30", "weit mehr als 5"]
    assert either_case(["rund", "USA"]) == {"rund", "Rund", "uSA", "USA"}


@pytest.mark.parametrize("text", [
    "Der Zuschlag beträgt 20 Prozent der Einkünfte von 801 bis 1200 € im Monat.",
    "Die Obergrenze liegt bei 1500,- € für Familien.",
    "Er zahlte 1200 € Miete und lief 1500 m.",
    "Gefördert werden Anlagen bis 1800 kW.",
])
def test_a_number_that_is_an_amount_is_no_year(text: str) -> None:
    """After a currency or unit sign, in a price written ",-" or closing a range whose first
    number is no year, a four-digit number is a quantity."""
    assert not [t for t in tag(text).values() if re.fullmatch(r"\d{4}", t.value)]


def test_a_range_of_years_stays_two_years() -> None:
    found = tag("Von 1989 bis 1995 lebte sie in Bonn.")
    assert found["1989"].value == "1989" and found["1995"].value == "1995"


def test_a_decade_written_with_a_hyphen() -> None:
    """ "den 1940-er Jahren" is the decade 194 as "den 1940er Jahren" is; "1940 - er" is a year."""
    assert tag("Er spielte seit den 1940-er Jahren Theater.")["den 1940-er Jahren"].value == "194"
    assert tag("In den 80-er Jahren war das anders.")["den 80-er Jahren"].value == "198"
    assert tag("Bis 1940 - er kam später.")["1940"].value == "1940"


def test_a_night_between_two_named_days_is_told_by_the_days() -> None:
    """ "in der Nacht vom 26. auf den 27. Februar": no bare "Nacht" of the publication day."""
    found = tag("Das Beben hat in der Nacht vom 26. auf den 27. Februar die Stadt erschüttert.")
    assert "Nacht" not in found and found["27. Februar"].value == "2023-02-27"
    found = tag("In der Nacht von Samstag auf Sonntag brannte es.")
    assert "Nacht" not in found and found["Sonntag"].value == "2023-09-10"


def test_since_points_to_the_past_whatever_the_verb() -> None:
    """ "seit Dezember ... erschüttert wird": a passive present with "wird" is no future; what
    lasts since a month began before the article."""
    assert tag("Die Stadt wird seit Dezember immer wieder von Unruhen erschüttert.")["Dezember"].value == "2022-12"
