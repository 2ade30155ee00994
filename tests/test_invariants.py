"""Whole-pipeline invariants on the bundled sample and the eval set: every span indexes the text."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from lagebild.clean import CleanOptions, prepare
from lagebild.engine import Engine
from lagebild.model import RawDocument

ROOT = Path(__file__).resolve().parents[1]


def records() -> list[dict[str, Any]]:
    out = []
    for path in (ROOT / "lagebild" / "sample" / "sample.jsonl", ROOT / "eval" / "gold.jsonl"):
        out += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return out


def spans_of(obj: Any) -> list[dict[str, Any]]:
    """Every dict with text/start/end anywhere in an analysis JSON object."""
    found = []
    if isinstance(obj, dict):
        if {"text", "start", "end"} <= set(obj) and isinstance(obj["start"], int):
            found.append(obj)
        for v in obj.values():
            found += spans_of(v)
    elif isinstance(obj, list):
        for v in obj:
            found += spans_of(v)
    return found


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


@pytest.mark.parametrize("raw", [False, True])
def test_every_span_indexes_the_analysed_text(engine: Engine, raw: bool) -> None:
    for rec in records():
        art = prepare(RawDocument(origin=rec["id"], id=rec["id"], text=rec["text"], published=rec["published"]),
                      CleanOptions(raw=raw))
        if raw:
            assert art.text == rec["text"]
        out = engine.analyse(art).to_json()
        text = out["text"]
        for key in ("entities", "quotes", "timexes", "figures", "flags"):
            for span in spans_of(out[key]):
                assert 0 <= span["start"] <= span["end"] <= len(text), (rec["id"], key, span)
                if "spans" not in span:
                    assert text[span["start"]:span["end"]] == span["text"], (rec["id"], key, span)
                for s, e in span.get("spans", []):
                    assert 0 <= s < e <= len(text)


def test_analysis_is_deterministic(engine: Engine) -> None:
    rec = records()[0]
    art = prepare(RawDocument(origin="x", id="x", text=rec["text"], published=rec["published"]))
    assert engine.analyse(art).to_json() == Engine().analyse(art).to_json()
