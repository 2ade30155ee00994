"""Near-duplicate detection: MinHash over word shingles, LSH bands for candidate retrieval.

The bands are stored (see store.sqlite), so finding the candidates of a new article is an
index lookup, not a scan of the corpus. A candidate is a copy when its estimated Jaccard
similarity reaches ``COPY_THRESHOLD``.
"""
from __future__ import annotations

import hashlib
import re
import struct

import numpy as np
from datasketch import MinHash

NUM_PERM = 128
BANDS = 16  # 16 bands x 8 rows: candidates from a Jaccard of about 0.7
ROWS = NUM_PERM // BANDS
SHINGLE = 4
COPY_THRESHOLD = 0.8
_WORD_RE = re.compile(r"\w+", re.UNICODE)


def _sha1_32(data: bytes) -> int:
    return int(struct.unpack("<I", hashlib.sha1(data).digest()[:4])[0])


def shingles(text: str) -> set[bytes]:
    words = [w.casefold() for w in _WORD_RE.findall(text)]
    if len(words) < SHINGLE:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)}


def body_of(text: str, title: str) -> str:
    """The text without a leading headline line: copies often differ only in their headline."""
    first, sep, rest = text.partition("\n")
    if sep and title and " ".join(first.split()).casefold() == " ".join(title.split()).casefold():
        return rest
    return text


def signature(text: str) -> np.ndarray:
    """MinHash signature (uint64 array of NUM_PERM) of the text's word 4-shingles."""
    m = MinHash(num_perm=NUM_PERM, seed=1, hashfunc=_sha1_32)
    m.update_batch(list(shingles(text)))
    return np.asarray(m.hashvalues, dtype=np.uint64)


def bands(sig: np.ndarray) -> list[str]:
    """One key per LSH band."""
    return [f"{b}:" + hashlib.blake2b(sig[b * ROWS:(b + 1) * ROWS].tobytes(), digest_size=8).hexdigest()
            for b in range(BANDS)]


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / len(a)
