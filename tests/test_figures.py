"""Figures (claimed numbers) on sentences written for these tests."""
from __future__ import annotations

import pytest

from lagebild.analyse.figures import attribute_figures, find_figures
from lagebild.analyse.pipeline import Pipeline
from lagebild.analyse.timex import find_timexes
from lagebild.model import Article, Figure, Quote, Role


def figs(text: str) -> dict[str, Figure]:
    out = find_figures(text, find_timexes(text, "2024-06-14"))
    for f in out:
        assert text[f.start:f.end] == f.text
    return {f.text: f for f in out}


@pytest.mark.parametrize(("text", "span", "value", "unit", "qualifier"), [
    ("Das Land lieferte bis zu 4,8 Millionen Granaten.", "4,8 Millionen Granaten", 4_800_000, "Granaten", "bis zu"),
    ("Es wurden mindestens 10.000 Container verschifft.", "10.000 Container", 10_000, "Container", "mindestens"),
    ("Der Bau kostet 1,5 Mrd. Euro.", "1,5 Mrd. Euro", 1_500_000_000, "Euro", ""),
    ("Zig Millionen Menschen sahen zu.", "Zig Millionen Menschen", 10_000_000, "Menschen", "mehrere"),
    ("Hunderte flohen über die Grenze.", "Hunderte", 100, "", "mehrere"),
    ("Tausende Soldaten stehen bereit.", "Tausende Soldaten", 1000, "Soldaten", "mehrere"),
    ("Zwei Dutzend Panzer rollten vorbei.", "Zwei Dutzend Panzer", 24, "Panzer", ""),
    ("Drei Minister traten zurück.", "Drei Minister", 3, "Minister", ""),
    ("Ein Drittel der Befragten war dagegen.", "Ein Drittel der Befragten", 1 / 3, "Befragten", ""),
    ("Rund 40 Prozent stimmten zu.", "40 Prozent", 40, "Prozent", "rund"),
    ("Nur 12 % waren dagegen.", "12 %", 12, "Prozent", ""),
    ("Die Stadt liegt etwa 425 Meilen nördlich.", "425 Meilen", 425, "Meilen", "etwa"),
    ("Es kamen mehr als 300 neue Mitglieder.", "300 neue Mitglieder", 300, "Mitglieder", "mehr als"),
    ("Das Schiff ist knapp 300 Meter lang.", "300 Meter", 300, "Meter", "knapp"),
    ("Weniger als die Hälfte der Wähler kam.", "die Hälfte der Wähler", 0.5, "Wähler", "weniger als"),
])
def test_figure(text: str, span: str, value: float, unit: str, qualifier: str) -> None:
    found = figs(text)
    assert span in found, f"{span!r} not among {list(found)}"
    f = found[span]
    assert f.value == pytest.approx(value)
    assert (f.unit, f.qualifier) == (unit, qualifier)


def test_range_shares_scale_and_unit() -> None:
    found = figs("Es fehlen zwischen zwei und drei Millionen Euro.")
    assert found["zwei"].value == 2_000_000 and found["zwei"].unit == "Euro"
    assert found["drei Millionen Euro"].value == 3_000_000


@pytest.mark.parametrize("text", [
    "Das Treffen war am 13. September 2023 um 12.30 Uhr.",  # dates and times are timexes
    "Im Jahr 2019 gab es Wahlen.",  # years
    "Seit drei Tagen regnet es.",  # durations
    "Der Verein spielt in der 3. Liga.",  # ordinals
    "Der 100. Besucher bekam Blumen.",
    "Nach Artikel 5 ist das erlaubt.",  # labels
    "Er flog mit einer Boeing 737 nach Paris.",
    "Das Spiel endete 2:1.",  # scores
    "Ein Mann kam, die zwei gingen.",  # articles, pronoun-like numbers
])
def test_not_a_figure(text: str) -> None:
    assert figs(text) == {}


def test_list_numbering_is_not_a_figure() -> None:
    assert figs("Tagesordnung:\n1. Begrüßung\n2) Bericht") == {}


def test_attribute_figures_uses_quote_spans() -> None:
    text = "„Es waren 300 Panzer“, sagte der Minister. Später kamen 20 Lastwagen."
    figures = find_figures(text)
    quote = Quote(text="Es waren 300 Panzer", start=1, end=20, kind="direct",
                  speaker=Role(text="der Minister", start=28, end=40, entity="minister_x"))
    claimed = {f.text: f.claimed_by for f in attribute_figures(figures, [quote])}
    assert claimed == {"300 Panzer": "minister_x", "20 Lastwagen": ""}


def test_component_fills_figures() -> None:
    article = Article(id="f", text="Am Dienstag kamen etwa 500 Menschen.", published="2024-06-14")
    doc = Pipeline(["tokens", "timex", "figures"])(article)
    assert [(f.text, f.value, f.qualifier) for f in doc.figures] == [("500 Menschen", 500, "etwa")]


def test_a_price_written_with_a_dash_has_its_currency() -> None:
    """ "1500,- €": the dash after the comma stands for no cents; the currency still follows."""
    got = [(f.text, f.value, f.unit) for f in find_figures("Sie behalten 100,- € und zahlen 1500,- Euro.", ())]
    assert got == [("100,- €", 100.0, "Euro"), ("1500,- Euro", 1500.0, "Euro")]


def test_an_age_in_brackets_after_a_name_is_no_figure() -> None:
    """ "Anna Velmer (41)" gives her age, which nobody claims; a count in brackets after a noun stays."""
    assert find_figures("Anna Velmer (41) und Tom Quastel (39) kamen.", ()) == []
    assert [f.value for f in find_figures("Es gab Tote (32) und Verletzte.", ())] == [32.0]
