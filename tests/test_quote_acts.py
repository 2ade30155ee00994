"""Speech acts whose content is an action (requests, commitments, fears) are kept apart from
quotes; sentences written for these tests."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from lagebild.analyse.pipeline import Pipeline
from lagebild.engine import Engine
from lagebild.model import Analysis, Article
from lagebild.store.codec import analysis_from_json, analysis_to_json

_PIPE = Pipeline()


def run(text: str) -> Analysis:
    return _PIPE(Article(id="t", text=text, published="2024-05-02"))


@pytest.mark.parametrize(("text", "act", "content"), [
    ("Die Gewerkschaft forderte die Firma am Montag auf, die Löhne zu erhöhen.", "request",
     "die Löhne zu erhöhen"),
    ("Der Minister warnte Polen davor, Panzer an Kiew zu liefern.", "request", "Panzer an Kiew zu liefern"),
    ("Die Regierung hat ihre Absicht bekundet, die Zusammenarbeit in allen Bereichen zu stärken, "
     "einschließlich der Forschung.", "commitment", "die Zusammenarbeit"),
    ("Der Konzern kündigte an, zweitausend Stellen abzubauen.", "commitment", "zweitausend Stellen abzubauen"),
    ("Die Opposition befürchtet, den Anschluss an die Debatte zu verlieren.", "attitude",
     "den Anschluss an die Debatte zu verlieren"),
])
def test_action_complements_are_acts_not_quotes(text: str, act: str, content: str) -> None:
    doc = run(text)
    assert not any(content in q.text for q in doc.quotes)
    assert [q.act for q in doc.acts if content in q.text] == [act]
    assert all(doc.text[q.start:q.end] == q.text or q.spans for q in doc.acts)


@pytest.mark.parametrize("text", [
    "Die Gewerkschaft forderte, dass die Firma die Löhne erhöht.",  # a dass-clause states something
    "Er bestritt, davon gewusst zu haben.",  # a perfect infinitive reports a past fact
    "Die Ministerin behauptete, krank zu sein.",  # not an action predicate
    "Der Verband warf dem Konzern vor, die Kunden zu täuschen.",  # an accusation is a claim
])
def test_statements_stay_quotes(text: str) -> None:
    doc = run(text)
    assert doc.quotes and not doc.acts


def test_infinitives_in_ern_and_eln_are_zu_infinitives() -> None:
    doc = run("Der Verband rief die Länder auf, die Regeln zu ändern.")
    assert [q.text for q in doc.acts] == ["die Regeln zu ändern"]


def test_acts_survive_the_store_codec() -> None:
    doc = run("Die Gewerkschaft forderte die Firma auf, die Löhne zu erhöhen.")
    back = analysis_from_json(analysis_to_json(doc))
    assert back.acts == doc.acts and back.quotes == doc.quotes


def test_acts_are_stored_and_found_by_speaker(tmp_path: Path) -> None:
    record = {"id": "a1", "published": "2024-05-02",
              "text": ("Die Gewerkschaft Verdi forderte die Stadtwerke am Montag auf, die Löhne zu erhöhen. "
                       "Verdi-Chef Frank Werneke sagte, die Beschäftigten seien erschöpft.")}
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    engine = Engine(tmp_path / "x.db")
    assert engine.ingest([str(src)]).ok
    kinds = {row["kind"] for row in engine.store.quotes_by("Verdi")}
    assert "request" in kinds
    engine.close()
