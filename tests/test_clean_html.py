"""HTML extraction and page metadata on pages written by these tests."""
from __future__ import annotations

import gzip
import json

import pytest

from lagebild.clean import prepare
from lagebild.clean.html import extract_html
from lagebild.model import RawDocument
from tests.conftest import SHARED, needs_shared

PARAS = [
    "Die Stadtwerke von Neustadt haben am Montag angekündigt, die Preise für Fernwärme im Herbst zu senken.",
    "Nach Angaben des Unternehmens sinken die Kosten für einen durchschnittlichen Haushalt um etwa acht Prozent.",
    "Der Stadtrat hatte zuvor über einen Zuschuss für einkommensschwache Familien beraten und ihn beschlossen.",
    "Kritiker bemängeln, dass die Senkung zu spät komme, weil viele Kunden bereits hohe Abschläge gezahlt hätten.",
    "Die Stadtwerke wollen die neuen Tarife bis Ende September auf ihrer Internetseite veröffentlichen.",
]


def news_page(*, head: str = "", h1: str = "Fernwärme wird in Neustadt günstiger", extra: str = "",
              comments: bool = True) -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAS[:3])
    body += ("<figure><img src='a.jpg'><figcaption>Das Heizkraftwerk am Stadtrand. Foto: Max Beispiel/dpa"
             "</figcaption></figure>")
    body += "<p><strong>LESEN SIE AUCH: <a href='/x'>Neue Buslinie im Westen der Stadt geplant</a></strong></p>"
    body += "".join(f"<p>{p}</p>" for p in PARAS[3:])
    form = ("<section id='comments'><h3>Schreibe einen Kommentar</h3>"
            "<p>Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert</p>"
            "<div class='comment'><p>Ich finde das eine gute Nachricht für alle Mieter hier in der Stadt!</p></div>"
            "</section>") if comments else ""
    return (f"<!DOCTYPE html><html lang='de'><head><meta charset='utf-8'>"
            f"<title>Fernwärme wird in Neustadt günstiger | Neustädter Anzeiger</title>"
            f"<meta property='og:site_name' content='Neustädter Anzeiger'>{head}</head><body>"
            f"<nav><a href='/'>Start</a> <a href='/lokales'>Lokales</a> <a href='/sport'>Sport</a></nav>"
            f"<article><h1>{h1}</h1>{body}{extra}</article>{form}"
            f"<footer><p>Impressum · Datenschutz · Kontakt © Neustädter Anzeiger</p></footer></body></html>")


def test_body_kept_comments_caption_and_teaser_cut() -> None:
    article = prepare(RawDocument(origin="t.html", html=news_page()))
    for p in PARAS:
        assert p in article.text
    assert "Kommentar" not in article.text and "Mieter hier" not in article.text
    assert "LESEN SIE AUCH" not in article.text and "Buslinie" not in article.text
    assert "Foto:" not in article.text and "Impressum" not in article.text
    assert any("Buslinie" in r for r in article.removed)


def test_title_prefers_declared_headline_and_strips_site_name() -> None:
    ld = {"@context": "https://schema.org", "@type": "NewsArticle",
          "headline": "Fernwärme wird in Neustadt günstiger", "datePublished": "2024-05-06T07:30:00+02:00",
          "author": [{"@type": "Person", "name": "Erika Muster"}]}
    head = f"<script type='application/ld+json'>{json.dumps(ld)}</script>"
    ex = extract_html(news_page(head=head, h1="Neustädter Anzeiger"))
    assert ex.title == "Fernwärme wird in Neustadt günstiger"
    assert ex.published == "2024-05-06T07:30:00+02:00"
    assert ex.authors == ["Erika Muster"]
    assert ex.source == "Neustädter Anzeiger"


def test_title_without_declarations_comes_from_the_title_tag_without_suffix() -> None:
    page = news_page(h1="")
    assert extract_html(page).title == "Fernwärme wird in Neustadt günstiger"


def test_publication_date_beats_modification_date() -> None:
    head = ("<meta property='article:modified_time' content='2024-06-01T10:00:00+02:00'>"
            "<meta property='article:published_time' content='2024-05-06T07:30:00+02:00'>")
    assert extract_html(news_page(head=head)).published == "2024-05-06T07:30:00+02:00"


def test_conflicting_declarations_take_the_day_most_of_them_name() -> None:
    ld = {"@type": "NewsArticle", "headline": "x", "datePublished": "2023-11-02T09:00:00Z"}
    head = (f"<script type='application/ld+json'>{json.dumps(ld)}</script>"
            "<meta property='article:published_time' content='2024-05-06T07:30:00'>"
            "<meta name='date' content='2024-05-06'>")
    assert extract_html(news_page(head=head)).published == "2024-05-06T07:30:00"


def test_date_in_the_canonical_address_is_the_original_date() -> None:
    head = ("<link rel='canonical' href='https://example.org/2021/03/04/fernwaerme-neustadt/'>"
            "<meta property='article:published_time' content='2024-05-06T07:30:00+02:00'>")
    assert extract_html(news_page(head=head)).published == "2021-03-04"


def test_broken_html_still_gives_text_and_title() -> None:
    # unclosed paragraphs and cells, stray end tags, no </body>, an attribute without quotes
    broken = ("<html><head><title>Kaputte Seite – Testportal</title><body><div class=main><p>" + PARAS[0]
              + "<p>" + PARAS[1] + "</span></b><p>" + PARAS[2] + "<p>" + PARAS[3] + "<p>" + PARAS[4]
              + "<table><tr><td>offen")
    ex = extract_html(broken, "https://testportal.example/kaputt")
    assert all(p in ex.text for p in PARAS)
    assert ex.title == "Kaputte Seite"  # the suffix names the host


def test_empty_or_tagless_page_gives_no_text() -> None:
    assert extract_html("<html></html>").text == ""


@needs_shared
def test_fundus_titles_and_dates_on_a_sample() -> None:
    """A floor on real pages: titles and dates of the first publishers of fundus/de."""
    folder = SHARED / "datasets" / "fundus_fixtures" / "de"
    if not folder.exists():
        pytest.skip("fundus fixtures not present")
    checked = titles = dates = 0
    for json_path in sorted(folder.glob("*.json"))[:12]:
        htmls = sorted(folder.glob(f"{json_path.stem}_*.html.gz"))
        versions = list(json.loads(json_path.read_text(encoding="utf-8")).values())
        if len(htmls) != len(versions):
            continue
        for path, expected in zip(htmls[:1], versions[:1], strict=True):
            ex = extract_html(gzip.decompress(path.read_bytes()).decode("utf-8", "replace"))
            checked += 1
            titles += " ".join(ex.title.split()) == " ".join(expected["title"].split())
            dates += (ex.published or "")[:10] == expected["publishing_date"][:10]
    assert checked >= 8
    assert titles / checked >= 0.6 and dates / checked >= 0.85
