"""Name-tagger features: word clusters, wider context, given names, the O ceiling."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from lagebild.analyse.ner import tagger
from lagebild.analyse.ner.clusters import cluster_ids, use_cluster_file
from lagebild.analyse.ner.features import context_features, sentence_features, word_features
from lagebild.analyse.ner.gazetteer import word_flags
from lagebild.analyse.ner.recognise import recognise


@pytest.fixture
def tiny_clusters(tmp_path: Path) -> Iterator[None]:
    f = tmp_path / "clusters.tsv"
    f.write_text("# word\tk1\tk2\tk3\tcount\nSchmidt\t3\t17\t401\t9\nsagte\t1\t2\t3\t50\n", encoding="utf-8")
    use_cluster_file(f)
    word_features.cache_clear()
    context_features.cache_clear()
    yield
    use_cluster_file(None)
    word_features.cache_clear()
    context_features.cache_clear()


def test_cluster_ids_with_genitive(tiny_clusters: None) -> None:
    assert cluster_ids("Schmidt") == ("3", "17", "401")
    assert cluster_ids("Schmidts") == ("3", "17", "401")
    assert cluster_ids("Unbekanntwort") == ()


def test_cluster_features_own_and_context(tiny_clusters: None) -> None:
    feats = sentence_features(["Schmidt", "sagte", "gestern"], ["", "", ""])
    assert {"c0=3", "c1=17", "c2=401"} <= set(feats[0])
    assert "1c1=2" in feats[0]  # the right neighbour's mid-size cluster
    assert "-1c2=401" in feats[1]
    assert "-2c1=17" in feats[2]  # two to the left


def test_shipped_clusters_group_cities() -> None:
    """The shipped file exists and puts frequent German cities in one class."""
    a, b = cluster_ids("Hamburg"), cluster_ids("Stuttgart")
    assert len(a) == 3 and len(b) == 3
    assert a[2] == b[2]


def test_context_conjunctions() -> None:
    feats = sentence_features(["Gestern", "kam", "Yvonne", "Quirlbach"], ["", "", "", ""])
    assert "first=known" in feats[0] or any(f.startswith("first=") for f in feats[0])
    assert any(f.startswith("after=low") for f in feats[2])
    assert any(f.startswith("fn+") for f in feats[3])  # a given name before it
    assert any(f.startswith("fn>") for f in feats[2])  # a capitalised word after the given name


def test_more_given_names_but_not_common_nouns() -> None:
    assert "fn" in word_flags("Yvonne")
    assert "fn" in word_flags("Gudrun")
    for noun in ("August", "Wolf", "Heide", "Ross"):
        assert "fn" not in word_flags(noun)


def test_o_ceiling_joins_adjacent_name_words() -> None:
    """With the ceiling on, two unseen name words side by side form one person, not two."""
    old = tagger.O_CEILING[0]
    try:
        tagger.O_CEILING[0] = 0.8
        words = ["Die", "Malerin", "Hedwig", "Quastenberg", "stellte", "in", "Kassel", "aus", "."]
        found = recognise([words])[0]
        pers = [(f.start, f.end) for f in found if f.label == "PER"]
        assert (2, 4) in pers
        assert (2, 3) not in pers and (3, 4) not in pers
    finally:
        tagger.O_CEILING[0] = old


def test_tidy_chunk_edges() -> None:
    from lagebild.analyse.ner.recognise import tidy
    words = ["Die", "Biathletin", "Wiebke", "Torsal", "lief", "vor", "Tina", "Quastel", "ins", "Ziel"]
    out = tidy(words, [(1, 4, "PER"), (6, 9, "PER")])
    assert (2, 4, "PER") in out  # a person noun before the name is no part of it
    assert (6, 8, "PER") in out  # a rare given name stays; the lower-case "ins" goes
    assert tidy(["Der", "US-Präsident", "sprach"], [(1, 2, "LOC")]) == []


def test_kb_place_before_common_noun() -> None:
    words = ["Im", "Raum", "Moskau", "Trümmer", "gefunden", "."]
    found = recognise([words])[0]
    assert [(f.start, f.end) for f in found if f.label in ("GPE", "LOC")] == [(2, 3)]


def test_adjective_stems_are_the_key_less_each_ending_it_has() -> None:
    from lagebild.analyse.ner.gazetteer import _ADJ_ENDINGS, _adjective_stems

    def reference(key: str) -> list[str]:
        return [key[: len(key) - len(e)] if e else key for e in _ADJ_ENDINGS
                if key.endswith(e) and len(key) > len(e) + 3]

    keys = ["", "e", "ene", "lese", "blaue", "rotem", "roten", "grues", "weisser", "kaltem", "warmer",
            "holz", "lagen", "segen", "baumes", "abcen", "aben", "iranischen", "fernes", "xyzn"]
    for key in keys:
        assert _adjective_stems(key) == reference(key), key
    assert _adjective_stems("polnischen") == ["polnischen", "polnisch"]
    assert _adjective_stems("polnische") == ["polnische", "polnisch"]


def test_floor_drops_only_organisations_the_tagger_is_unsure_of() -> None:
    """An organisation chunk is dropped when the mean marginal of its labels is under the
    floor, kept when it is above; other types are untouched."""
    words = ["Der", "Vorstand", "der", "Quastel", "Werke", "AG", "trat", "zurück", "."]
    old = dict(tagger.FLOORS)
    try:
        tagger.FLOORS.clear()
        tags = tagger.tag_document([words])[0]
        orgs = [c for c in tagger.chunks(tags) if c[2] == "ORG"]
        assert orgs, tags
        s, e, _ = orgs[0]
        model = tagger.default_models().pass1
        mean = sum(model.marginal(tags[i], i) for i in range(s, e)) / (e - s)
        tagger.FLOORS["ORG"] = mean + (1 - mean) / 2
        assert not [c for c in tagger.chunks(tagger.tag_document([words])[0]) if c[2] == "ORG"]
        tagger.FLOORS["ORG"] = mean / 2
        assert (s, e, "ORG") in tagger.chunks(tagger.tag_document([words])[0])
        tagger.FLOORS.clear()
        tagger.FLOORS["PER"] = 0.0
        assert (s, e, "ORG") in tagger.chunks(tagger.tag_document([words])[0])
    finally:
        tagger.FLOORS.clear()
        tagger.FLOORS.update(old)
