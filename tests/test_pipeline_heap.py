"""The pipeline settles the heap once per process after its first article (a speed measure)."""
from __future__ import annotations

import gc

from lagebild.analyse import pipeline
from lagebild.analyse.pipeline import Pipeline
from lagebild.model import Article


def test_first_article_freezes_the_long_lived_heap() -> None:
    doc = Pipeline(["tokens"])(Article(id="a", text="Der Kreml schweigt. Moskau wartet ab.", published="2024-01-01"))
    assert len(doc.sentences) == 2
    assert pipeline._settled
    assert gc.get_freeze_count() > 0
    assert gc.get_threshold()[0] >= pipeline.GC_YOUNG_THRESHOLD or gc.get_threshold()[0] == 0


def test_cycles_made_after_settling_are_still_collected() -> None:
    Pipeline(["tokens"])(Article(id="b", text="Ein Satz.", published="2024-01-01"))

    class Node:
        other: object = None

    a, b = Node(), Node()
    a.other, b.other = b, a
    del a, b
    assert gc.collect() >= 2
