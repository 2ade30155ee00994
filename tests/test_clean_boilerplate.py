"""Boilerplate removal on texts written for these tests: what must go, what must stay."""
from __future__ import annotations

import json

import pytest

from lagebild.clean import normalise_text
from lagebild.clean.boilerplate import strip_boilerplate
from tests.conftest import BODY, BODY2, SHARED, needs_shared


def cut(text: str) -> tuple[str, list[str]]:
    return strip_boilerplate(normalise_text(text))


@pytest.mark.parametrize("line", [
    "LESEN SIE MEHR: Neue Buslinie im Westen der Stadt geplant",
    "Lesen Sie auch: Warum die Mieten in Neustadt so stark steigen",
    "Mehr zum Thema – Bericht: Stadtrat will Schwimmbad schließen",
    "Auch interessant: Das sind die schönsten Badeseen der Region",
    "Siehe auch  Hafenarbeiter legen erneut die Arbeit nieder",
    "Anzeige", "Werbung", "[Anzeige_3]", "Video", "Quellenlink", "Kommentar (0)", "12 Kommentare",
    "Die Geschichte geht nach dem Film weiter.",
    "Der Artikel wird unter der Anzeige fortgesetzt",
    "Foto: Max Beispiel/dpa", "© dpa", "Bild: Erika Muster/Getty Images", "Quelle: Statistisches Landesamt",
    "Schreibe einen Kommentar", "Kommentar schreiben",
    "Ihre E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert",
    "Von Max Muster", "Von Max Muster und Erika Beispiel, Neustadt", "Mit Material von dpa",
    "Mit Material der Nachrichtenagenturen dpa und AFP",
    "Anna Beispiel von der Lokalredaktion hat zu diesem Bericht beigetragen.",
    "Jan Muster (laut dpa, Reuters )",
    "MAX BEISPIEL / Sputnik / Pool, EPA / AOP",
    "Stand: 12.03.2024 14:05 Uhr",
    "| Kommentare insgesamt: 0 | |",
])
def test_boilerplate_line_is_cut_and_recorded(line: str) -> None:
    text, removed = cut(f"{BODY}\n{line}\n{BODY2}")
    assert text == f"{BODY}\n{BODY2}"
    assert removed == [line.strip(" |")] or removed == [normalise_text(line).strip(" |")]


@pytest.mark.parametrize("line", [
    "Von Montag an gilt in der Innenstadt ein Tempolimit von 30 Kilometern pro Stunde",
    "Von der Leyen reiste am Dienstag nach Kiew",
    "Auch interessant ist, dass die Stadt keine neuen Schulden aufnehmen will",
    "Lesen Sie auch den Kommentar unseres Chefredakteurs, der die Lage anders einschätzt",
    "Video-Überwachung am Bahnhof soll ausgeweitet werden",
    "Quellen im Rathaus zufolge wird der Haushalt erst im Herbst beschlossen.",
    "Die Polizei ermittelt, sagte ein Sprecher der dpa.",
    "Das berichteten AFP und Reuters am Abend übereinstimmend.",
    "Kommentare von Lesern seien ausdrücklich erwünscht, sagte die Redakteurin.",
    "Mehr zum Thema Wohnen erfahren Sie in der Beilage, die am Samstag erscheint.",
    "„Wir brauchen mehr Geld für die Schulen“, sagte Lehmann. Foto und Film spielten dabei keine Rolle.",
])
def test_body_line_stays(line: str) -> None:
    text, removed = cut(f"{BODY}\n{line}\n{BODY2}")
    assert removed == []
    assert line in text


def test_teaser_glued_into_a_paragraph_is_cut_and_the_paragraph_kept() -> None:
    para = ("Der Stadtrat hat den Plan mit großer Mehrheit beschlossen. LESEN SIE MEHR: Neue Buslinie im "
            "Westen geplant Während der Sitzung protestierten draußen mehrere Dutzend Anwohner.")
    text, removed = cut(para)
    assert removed == ["LESEN SIE MEHR: Neue Buslinie im Westen geplant"]
    assert text == ("Der Stadtrat hat den Plan mit großer Mehrheit beschlossen. "
                    "Während der Sitzung protestierten draußen mehrere Dutzend Anwohner.")


def test_teaser_at_the_end_of_a_paragraph() -> None:
    para = f"{BODY} Lesen Sie auch: Wie Neustadt seine Schwimmbäder retten will"
    text, removed = cut(para)
    assert text == BODY and removed == ["Lesen Sie auch: Wie Neustadt seine Schwimmbäder retten will"]


def test_inline_marker_without_colon_or_capitals_stays() -> None:
    para = f"{BODY} Lesen Sie auch den Bericht über die Sitzung, er ist lesenswert."
    assert cut(para) == (para, [])


def test_caption_with_credit_is_cut_whole_but_a_long_paragraph_loses_only_the_credit() -> None:
    caption = "Bürgermeisterin Karin Lehmann stellt den Haushalt im Rathaus vor. Foto: Max Beispiel"
    text, removed = cut(f"{BODY}\n{caption}\n{BODY2}")
    assert removed == [caption] and caption not in text
    long_para = f"{BODY} {BODY2} (Foto: Max Beispiel)"
    text, removed = cut(long_para)
    assert removed == ["(Foto: Max Beispiel)"] and text == f"{BODY} {BODY2}"


def test_caption_ending_in_a_credit_run() -> None:
    caption = "Die Bürgermeisterin am Montag im Rathaus. ERIKA MUSTER / dpa / picture alliance"
    text, removed = cut(f"{BODY}\n{caption}")
    assert text == BODY and removed == [caption]


def test_related_links_block_is_cut_up_to_the_next_paragraph() -> None:
    block = ("Mehr zum Thema\nStadtrat streitet über Busspuren\nNeues Hallenbad: Die Pläne im Überblick\n"
             "Hafen: Streik geht weiter")
    text, removed = cut(f"{BODY}\n{block}\n{BODY2}")
    assert text == f"{BODY}\n{BODY2}"
    assert removed == block.split("\n")


def test_comment_form_at_the_end() -> None:
    form = ("Schreibe einen Kommentar\nDeine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder "
            "sind mit * markiert\nKommentar *\nName *\nE-Mail *\nWebsite\nKommentar abschicken")
    text, removed = cut(f"{BODY}\n\n{form}")
    assert text == BODY and len(removed) == 7


def test_plain_text_without_boilerplate_is_unchanged() -> None:
    text = f"{BODY}\n\n{BODY2}"
    assert cut(text) == (text, [])


@needs_shared
def test_fundus_expected_bodies_lose_almost_nothing() -> None:
    """The expected bodies of real articles are body text: at most a few teasers may go."""
    folder = SHARED / "datasets" / "fundus_fixtures"
    if not folder.exists():
        pytest.skip("fundus fixtures not present")
    words = lost = 0
    for path in sorted(folder.glob("*/*.json")):
        for version in json.loads(path.read_text(encoding="utf-8")).values():
            body = version.get("body") or {}
            parts = list(body.get("summary") or [])
            for section in body.get("sections") or []:
                parts += list(section.get("headline") or []) + list(section.get("paragraphs") or [])
            text = normalise_text("\n".join(parts))
            _, removed = strip_boilerplate(text)
            words += len(text.split())
            lost += sum(len(r.split()) for r in removed)
    assert words > 10_000
    assert lost / words < 0.002
