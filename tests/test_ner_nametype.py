"""The name-type model: spelling alone ranks person, place, organisation and noun."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from lagebild.analyse.ner import nametype
from lagebild.analyse.ner.nametype import BUCKETS, CLASSES, name_type, ngram_buckets, save_weights
from lagebild.errors import ModelError


def test_buckets_are_stable_and_in_range() -> None:
    b = ngram_buckets("Wendelstein")
    assert b == ngram_buckets("wendelstein")  # lower-cased first
    assert all(0 <= i < BUCKETS for i in b)
    assert len(b) == sum(len("<wendelstein>") - k + 1 for k in (1, 2, 3, 4, 5))


def test_shipped_model_types_invented_words_by_their_spelling() -> None:
    # invented words, none a real name: what they look like is all the model has
    assert name_type("Kowalenkow")[0] == "t=LAST"
    assert name_type("Oberbachingen")[0] == "t=LOC"
    assert name_type("Verschlankungsbeschluss")[0] == "t=NOUN"


def test_no_type_for_short_or_lower_case_words() -> None:
    assert name_type("ab") == ()
    assert name_type("haus") == ()


def test_a_model_file_of_its_own(tmp_path: Path) -> None:
    w = np.zeros((BUCKETS + 1, len(CLASSES)))
    w[-1, CLASSES.index("ORG")] = 5.0  # the bias alone decides
    path = tmp_path / "nt.bin"
    save_weights(path, w)
    try:
        nametype.use_model_file(path)
        assert name_type("Irgendwer") == ("t=ORG", "t=ORG2")
        path.write_bytes(path.read_bytes()[:-2])
        nametype.use_model_file(path)
        with pytest.raises(ModelError, match=r"name_types\.bin"):
            name_type("Irgendwas")
    finally:
        nametype.use_model_file(None)


def test_a_batch_types_each_word_as_alone() -> None:
    """``prime`` hashes a whole document at once; the windows must not run across words."""
    words = ["Abendroth", "Ufer", "Zettelmann", "Oberau", "Qi", "Lindqvist", "Ärzteschaft"]
    ids, buckets = nametype.ngram_table(words)
    for k, w in enumerate(words):
        assert sorted(buckets[ids == k].tolist()) == sorted(ngram_buckets(w))
    alone = {}
    for w in words:
        nametype.clear_all()
        alone[w] = name_type(w)
    nametype.clear_all()
    nametype.prime(words)
    assert {w: name_type(w) for w in words} == alone
