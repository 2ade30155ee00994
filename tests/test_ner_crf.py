"""The C-API tagger gives python-crfsuite's labels and marginals, and the packed features are
the string features the models were trained on (same attributes, same order)."""
from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import pycrfsuite
import pytest

from lagebild.analyse.ner import features, tagger
from lagebild.analyse.ner.crf import CrfModel, read_attributes
from lagebild.analyse.ner.features import sentence_features, sentence_packed
from lagebild.errors import ModelError

_TEXTS = [
    "Die Malerin Hedwig Quastenberg stellte am Freitag in Kassel aus .",
    "Kremlsprecher Dmitri Peskow sagte , Moskau werde reagieren .",
    "Nach Angaben der Vereinten Nationen flohen 4,8 Millionen Menschen aus der Ukraine .",
    "US-Präsident Joe Biden traf Bundeskanzler Olaf Scholz im Weißen Haus .",
    "Hallo",
    "LESEN SIE MEHR über die EU-Kommission und Ursula von der Leyen",
]
SENTENCES = [t.split(" ") for t in _TEXTS]


def _models() -> tagger.Models:
    return tagger.default_models()


def test_packed_features_are_the_string_features() -> None:
    models = _models()
    for model, parts in ((models.pass1, models.parts1), (models.pass2, models.parts2)):
        assert model is not None and parts is not None
        for words in SENTENCES:
            kb = tagger.kb_tags_for(words)
            packed = sentence_packed(words, kb, parts, model)
            strings = [model.pack_all(f) for f in sentence_features(words, kb)]
            assert packed == strings


def test_labels_and_marginals_equal_python_crfsuite() -> None:
    models = _models()
    for model in (models.pass1, models.pass2):
        assert model is not None
        reference = pycrfsuite.Tagger()
        reference.open(model.path)
        assert model.labels() == reference.labels()
        for words in SENTENCES:
            feats = sentence_features(words, tagger.kb_tags_for(words))
            assert model.tag(feats) == reference.tag(feats)
            for label in model.labels():
                ours = model.marginals(label, range(len(words)))
                assert ours == [reference.marginal(label, i) for i in range(len(words))]


def test_likeliest_other_label_read_with_the_person_shortcut_is_the_full_argmax() -> None:
    """``tagger._likeliest_other`` skips the other labels when the person labels hold more
    than the rest of the mass can: it must still name the argmax of all labels but O."""
    model = _models().pass1
    others = model.labels_but_o()
    for words in SENTENCES:
        model.tag(sentence_features(words, tagger.kb_tags_for(words)))
        for i, p_o in enumerate(model.marginals("O", range(len(words)))):
            full = max(others, key=lambda y: model.marginal(y, i))[2:]
            assert tagger._likeliest_other(model, i, p_o) == full
    assert model.marginals_at(["B-PER", "no such label"], 0)[1] == 0.0


def test_empty_sequence() -> None:
    assert _models().pass1.tag_packed([]) == []


def test_broken_model_files_raise_model_error(tmp_path: Path) -> None:
    """CRFsuite itself would crash on these; the header check turns them into ModelError."""
    shipped = Path(_models().pass1.path).read_bytes()
    for name, data in (("garbage", b"not a model at all" * 10), ("short", b"lCRF"), ("truncated", shipped[:5000])):
        p = tmp_path / f"{name}.crfsuite"
        p.write_bytes(data)
        with pytest.raises(ModelError):
            CrfModel(p)
    with pytest.raises(ModelError):
        CrfModel(tmp_path / "missing.crfsuite")


def _reference_needs_second_look(feats: list[Sequence[str]]) -> bool:
    """The rule as first written, over the features themselves."""
    labels = {"PER", "ORG", "LOC", "GPE", "MISC", "DRV", "PRT"}
    for f in feats:
        own = f[0][3:]
        for x in f[1:]:
            if x.startswith("d="):
                if x[2:] in labels and (own == "O" or own[2:] != x[2:]):
                    return True
            elif own == "O":
                return True
    return False


def test_disagreement_read_from_counts_equals_the_rule_over_features() -> None:
    rng = random.Random(7)
    vocab = ["Merkel", "Angela", "Berlin", "Bank", "sagte", "in", "der", "Kiew", "Scholz", "Union"]
    tagset = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC"]
    for _ in range(300):
        sentences = [[rng.choice(vocab) for _ in range(rng.randint(1, 6))] for _ in range(rng.randint(2, 4))]
        tags = [[rng.choice(tagset) for _ in s] for s in sentences]
        feats = tagger.doc_features(sentences, tags)
        counts = tagger._doc_counts(sentences, tags)
        for words, ts, f in zip(sentences, tags, feats, strict=True):
            assert tagger._disagrees(words, ts, counts) == _reference_needs_second_look(f)


def test_attribute_dictionary_read_from_the_file_gives_crfsuites_ids() -> None:
    models = _models()
    for model in (models.pass1, models.pass2):
        assert model is not None
        attrs = read_attributes(model.path)
        assert attrs and len(attrs) == len(model.records)
        for attribute, aid in attrs.items():
            assert model._to_id(model._attrs, attribute.encode()) == aid
        assert model.pack("w=einWortDasKeinModellKennt") == b""
        assert model.pack_all(["b", "w=einWortDasKeinModellKennt"]) == model.pack("b") != b""


def test_packed_parts_from_value_tables_are_the_packed_string_parts() -> None:
    """Word by word (hyphens, genitives, digits, accents, one letter, unknown words): the
    records read from the value tables are those of packing the string features."""
    from lagebild.analyse.ner.features import _parts, context_all, word_features
    words = {w for s in SENTENCES for w in s} | {
        "Süd-Ost-Verband", "Kim", "Jong-un", "UN-Sicherheitsrates", "Schmidts", "4,8", "x", "É", "Łódź-Nord",
        "Qwxzrtplk", "Elbe-Brücke", "-", "a-", "2000-Dollar", "Ärztinnen", "Bundestag", "bundesweit"}

    def packed_strings(pack: Callable[[Iterable[str]], bytes], w: str) -> features.PackedParts:
        left1, right1, left2, right2 = context_all(w)
        return _parts(w, lambda x: pack(word_features(x)),
                      lambda _: (pack(left1), pack(right1), pack(left2), pack(right2)))

    models = _models()
    for model, parts in ((models.pass1, models.parts1), (models.pass2, models.parts2)):
        assert model is not None and parts is not None
        for w in sorted(words):
            assert parts(w) == packed_strings(model.pack_all, w), w
