"""The quality gate: figures on the project's own eval set never fall below eval/floors.json."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

EVAL = Path(__file__).resolve().parents[1] / "eval"
sys.path.insert(0, str(EVAL))

import gate  # noqa: E402

FLOORS = json.loads((EVAL / "floors.json").read_text())


@pytest.fixture(scope="module")
def figures() -> dict[str, float]:
    return gate.score(gate.load())


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_figure_at_or_above_floor(figures: dict[str, float], name: str) -> None:
    assert figures[name] >= FLOORS[name], f"{name} fell to {figures[name]:.3f} (floor {FLOORS[name]:.3f})"


def test_gold_annotations_point_into_their_texts() -> None:
    for doc in gate.load():
        for key in ("boilerplate", "entities", "timexes", "quotes", "figures"):
            for item in doc[key]:
                piece = item if isinstance(item, str) else item[0]
                assert piece in doc["text"], (doc["id"], key, piece)
