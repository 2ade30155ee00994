"""The dictionary word list cached on disk gives the same answers as simplemma itself."""
from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.analyse.ner import lexicon


def test_cached_word_list_equals_simplemma(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(lexicon.CACHE_ENV, str(tmp_path))
    lexicon._forms.cache_clear()
    try:
        first = lexicon._forms()  # decodes simplemma's dictionary and writes the list
        files = list(tmp_path.glob("*.forms"))
        assert len(files) == 1
        lexicon._forms.cache_clear()
        second = lexicon._forms()  # reads the list
        assert second == first == lexicon._load_simplemma()
        assert b"Vertrag" in second and b"Sammer" not in second
        files[0].write_bytes(b"Vertrag\nHaus")  # a list cut short is not trusted
        lexicon._forms.cache_clear()
        assert lexicon._forms() == first
    finally:
        lexicon._forms.cache_clear()
