"""What a capitalised word's spelling says about it: person, place, organisation or noun.

The weights (``models/name_types.bin``, trained by ``scripts/train_name_types.py`` on name
lists of hundreds of thousands of words) score a word's character n-grams; the CRF gets the
best class and how sure the model is as features. Why: a tagger trained on a few thousand
sentences meets mostly names it never saw, and then only spelling and context can tell it
what they are.
"""
from __future__ import annotations

import struct
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np
from numpy.lib.stride_tricks import as_strided

from lagebild.analyse.ner.namelists import list_flags
from lagebild.analyse.wordcache import clear_all, register_dict
from lagebild.errors import ModelError

MODEL_FILE = "name_types.bin"
CLASSES = ("FIRST", "LAST", "LOC", "ORG", "NOUN")
BITS = 18
BUCKETS = 1 << BITS
_MAGIC = b"LBNT"
_HEAD = struct.Struct("<4sII")  # magic, buckets, classes
#: n-gram lengths; the word is lower-cased and framed by "<" and ">"
_NS = (1, 2, 3, 4, 5)
_PATH: list[Path | None] = [None]
_NMAX = max(_NS)
_PAD = bytes(_NMAX - 1)  # so every position has a full window
#: the powers of the hash's multiplier, and each n-gram length, one column per length
_POWERS = np.array([0x100000001B3 ** j % (1 << 64) for j in range(_NMAX)], dtype=np.uint64)
_LENGTHS = np.array(_NS, dtype=np.uint64)
_OFFSETS = np.arange(_NMAX)
_MIX = np.uint64(0x9E3779B97F4A7C15)
_SHIFT = np.uint64(64 - BITS)


def _ngram_counts(lens: np.ndarray) -> np.ndarray:
    """How many n-grams a framed word of each length L has: max(L - n + 1, 0) summed over the
    n-gram lengths n = 1..5 (L(L + 1)/2 below five bytes, 5L - 10 from five on)."""
    return np.where(lens >= _NMAX, _NMAX * lens - _NMAX * (_NMAX - 1) // 2, lens * (lens + 1) // 2)


def _ngrams(words: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """(bucket of every n-gram of every word in word order, n-grams per word), for all words at
    once: the bytes of all words are joined, each position's windows of 1 to 5 bytes hashed at
    once (the prefix sums of byte x multiplier power, mixed by a Fibonacci multiply), and the
    windows that run past their word's end dropped. A dozen numpy calls per document instead
    of a Python call per n-gram."""
    data = [("<" + w.lower() + ">").encode() for w in words]
    lens = np.fromiter(map(len, data), dtype=np.int64, count=len(data))
    arr = np.frombuffer(b"".join(data) + _PAD, dtype=np.uint8).astype(np.uint64)
    n = len(arr) - len(_PAD)
    windows = as_strided(arr, shape=(n, _NMAX), strides=(arr.strides[0], arr.strides[0]), writeable=False)
    hashes = np.cumsum(windows * _POWERS, axis=1, dtype=np.uint64)  # column k: the k+1 bytes from here
    room = np.repeat(np.cumsum(lens), lens) - np.arange(n)  # bytes from here to the word's end
    inside = room[:, None] > _OFFSETS
    return ((hashes[inside] + _LENGTHS[np.nonzero(inside)[1]]) * _MIX) >> _SHIFT, _ngram_counts(lens)


def ngram_table(words: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """(word index, bucket) of every n-gram of every word (``_ngrams``)."""
    buckets, counts = _ngrams(words)
    return np.repeat(np.arange(len(words)), counts), buckets.astype(np.int64)


def ngram_buckets(word: str) -> list[int]:
    """The hashed n-gram buckets of one word (repeats kept: they count twice)."""
    return [int(b) for b in ngram_table([word])[1]]


def save_weights(path: Path, weights: object) -> None:
    """``weights``: a (buckets + 1) x classes float array, the last row the biases."""
    w = np.asarray(weights, dtype=np.float16)
    if w.shape != (BUCKETS + 1, len(CLASSES)):
        raise ValueError(f"name-type weights must be {(BUCKETS + 1, len(CLASSES))}, not {w.shape}")
    path.write_bytes(_HEAD.pack(_MAGIC, BUCKETS, len(CLASSES)) + w.astype("<f2").tobytes())


def use_model_file(path: Path | None) -> None:
    """Read the weights from ``path`` instead of the shipped file (for experiments)."""
    _PATH[0] = path
    _weights.cache_clear()
    clear_all()  # the word features built from the old weights too


@cache
def _weights() -> np.ndarray | None:
    """(buckets + 1) x classes weights, the last row the biases; None when no model ships."""
    if _PATH[0] is not None:
        data = _PATH[0].read_bytes()
    else:
        f = resources.files("lagebild.analyse").joinpath("models").joinpath(MODEL_FILE)
        if not f.is_file():
            return None
        data = f.read_bytes()
    k = len(CLASSES)
    magic, buckets, classes = _HEAD.unpack_from(data)
    if magic != _MAGIC or buckets != BUCKETS or classes != k or len(data) != _HEAD.size + (buckets + 1) * k * 2:
        raise ModelError(f"{MODEL_FILE}: not a name-type model of {BUCKETS} buckets and {k} classes")
    w = np.frombuffer(data, dtype="<f2", offset=_HEAD.size).reshape(buckets + 1, k)  # float16: half the cache lines
    return w


_STEPS = ("0", "1", "2")
#: the feature tuples, one object per class and step
_FEATURES = {(c, k): ("t=" + c, "t=" + c + k) for c in CLASSES for k in _STEPS}
#: the same, by class index x steps + step
_FEATURE_LIST = [_FEATURES[(c, k)] for c in CLASSES for k in _STEPS]
#: words typed so far (``prime`` types a document's new words in one batch)
_TYPES: dict[str, tuple[str, ...]] = {}
register_dict(_TYPES)


def _typable(word: str) -> bool:
    return len(word) >= 3 and word[:1].isupper()


def prime(words: Iterable[str]) -> None:
    """Type every new word of ``words`` at once (what ``name_type`` returns); the words it
    does not type are remembered too, so the next document skips them."""
    new = set(words).difference(_TYPES)
    if not new:
        return
    typed = [w for w in new if _typable(w)]
    _TYPES.update(dict.fromkeys(new.difference(typed), ()))
    model = _weights()
    if not typed or model is None:
        _TYPES.update(dict.fromkeys(typed, ()))
        return
    listed = list_flags(typed)
    buckets, counts = _ngrams(typed)
    # float16 weights summed in float64 are exact, whatever the order
    sums = np.add.reduceat(model[buckets], np.cumsum(counts) - counts, axis=0, dtype=np.float64)
    sums += model[-1]
    top = sums.argmax(axis=1)
    ranked = np.sort(sums, axis=1)
    gap = ranked[:, -1] - ranked[:, -2]
    cells = top * len(_STEPS) + (gap > 0.7) + (gap > 2.0)
    _TYPES.update(zip(typed, map(_with_lists, cells.tolist(), listed), strict=True))


_COMBINED: dict[tuple[int, tuple[str, ...]], tuple[str, ...]] = {}


def _with_lists(cell: int, listed: tuple[str, ...]) -> tuple[str, ...]:
    """The type features of ``cell`` and the name-list features, one shared tuple per pair."""
    if not listed:
        return _FEATURE_LIST[cell]
    key = (cell, listed)
    t = _COMBINED.get(key)
    if t is None:
        t = _COMBINED[key] = _FEATURE_LIST[cell] + listed
    return t


def name_type(word: str) -> tuple[str, ...]:
    """``("t=LAST", "t=LAST2")``: the likeliest class and it with a confidence step (2: its
    score leads the next by more than 2, about 7:1 odds; 1: by more than 0.7), then the
    word's name-list features (``namelists.py``: ``"z=L"``, a listed surname); nothing for a
    word that is not capitalised or has fewer than three letters."""
    t = _TYPES.get(word)
    if t is None:
        if not _typable(word):
            return ()
        prime((word,))
        t = _TYPES[word]
    return t


def list_code(word: str) -> str:
    """The word's name-list flags as one string ("LP": a surname and a place), "" for none."""
    return "".join(f[2:] for f in name_type(word)[2:])


def type_class(word: str) -> str:
    """The likeliest class alone ("LAST"), "x" for a word ``name_type`` does not type."""
    t = name_type(word)
    return t[0][2:] if t else "x"
