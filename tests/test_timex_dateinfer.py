"""Publication-date inference from the text alone (lagebild.clean.dateinfer)."""
from __future__ import annotations

from lagebild.clean import prepare
from lagebild.clean.dateinfer import infer_published
from lagebild.model import RawDocument


def test_dateline_at_the_start() -> None:
    date, confidence = infer_published("Berlin, 12. März 2024 (dpa) - Der Bundestag hat am Dienstag beraten.")
    assert date == "2024-03-12" and confidence >= 0.8


def test_numeric_dateline_and_publication_note() -> None:
    assert infer_published("HAMBURG, 05.06.2023 – Der Hafen meldet Rekorde.")[0] == "2023-06-05"
    text = "Die Stadt plant einen neuen Park.\nStand: 07.11.2022, 14:35 Uhr"
    date, confidence = infer_published(text)
    assert date == "2022-11-07" and confidence >= 0.8


def test_latest_reported_date_and_yesterday() -> None:
    text = ("Am 3. Mai 2021 hatte der Rat getagt. Am 9. Mai 2021 wurde abgestimmt. "
            "Gestern wurde das Ergebnis bekannt.")
    date, confidence = infer_published(text)
    assert date == "2021-05-10" and 0 < confidence < 0.8


def test_no_full_date_gives_nothing() -> None:
    assert infer_published("Am Freitag traf sich der Rat, im März gab es Wahlen.") == (None, 0.0)


def test_prepare_uses_the_text_only_without_other_dates() -> None:
    text = "Berlin, 12. März 2024 (dpa) - Der Bundestag hat am Dienstag beraten."
    article = prepare(RawDocument(origin="t", text=text))
    assert (article.published, article.published_basis) == ("2024-03-12", "text")
    given = prepare(RawDocument(origin="t", text=text, published="2024-03-13"))
    assert (given.published, given.published_basis) == ("2024-03-13", "metadata")
