"""What a capitalised word's spelling says about it: person, place, organisation or noun.

The weights (``models/name_types.bin``, trained by ``scripts/train_name_types.py`` on name
lists of hundreds of thousands of words) score a word's character n-grams; the CRF gets the
best class and how sure the model is as features. Why: a tagger trained on a few thousand
sentences meets mostly names it never saw, and then only spelling and context can tell it
what they are.
"""
from __future__ import annotations

import struct
import zlib
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np

from lagebild.analyse.wordcache import clear_all, word_cache
from lagebild.errors import ModelError

MODEL_FILE = "name_types.bin"
CLASSES = ("FIRST", "LAST", "LOC", "ORG", "NOUN")
BITS = 18
BUCKETS = 1 << BITS
_MASK = BUCKETS - 1
_MAGIC = b"LBNT"
_HEAD = struct.Struct("<4sII")  # magic, buckets, classes
#: n-gram lengths; the word is lower-cased and framed by "<" and ">"
_NS = (1, 2, 3, 4, 5)
_PATH: list[Path | None] = [None]


def ngram_buckets(word: str) -> list[int]:
    """The hashed n-gram buckets of a word (repeats kept: they count twice)."""
    b = ("<" + word.lower() + ">").encode()
    n = len(b)
    crc = zlib.crc32
    return [crc(b[i:i + k]) & _MASK for k in _NS for i in range(n - k + 1)]


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
    w = np.frombuffer(data, dtype="<f2", offset=_HEAD.size).astype(np.float32).reshape(buckets + 1, k)
    return w


@word_cache
def name_type(word: str) -> tuple[str, ...]:
    """``("t=LAST", "t=LAST2")``: the likeliest class and it with a confidence step (2: its
    score leads the next by more than 2, about 7:1 odds; 1: by more than 0.7); nothing for a
    word that is not capitalised or has fewer than three letters."""
    if len(word) < 3 or not word[:1].isupper():
        return ()
    model = _weights()
    if model is None:
        return ()
    idx = ngram_buckets(word)
    idx.append(BUCKETS)  # the biases
    sums = model[idx].sum(axis=0).tolist()
    scores = sorted(zip(sums, CLASSES, strict=True), reverse=True)
    (top, cls), (second, _) = scores[0], scores[1]
    gap = top - second
    step = "2" if gap > 2.0 else "1" if gap > 0.7 else "0"
    return ("t=" + cls, "t=" + cls + step)
