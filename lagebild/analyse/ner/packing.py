"""A word's packed CRF records, read from value tables built once per model.

Why: a new word brings ~40 attribute strings ("l=haus", "-1l=haus", "1s3=aus", ...); building
each string only to learn that the model does not know it was most of a new word's cost. At
load the model's attributes are grouped by the value after their prefix, so one look-up of the
word's lower-case form gives its records at all five positions (for a new word: none). Values
from small closed sets (shape, dictionary class, KB flags, cluster ids) are packed the first
time they occur. The records come out in the order of ``features.word_features`` and
``features.context_all`` (a test compares them word by word): CRFsuite sums the same weights
in the same order.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TypeVar

from lagebild.analyse.ner.clusters import cluster_ids
from lagebild.analyse.ner.gazetteer import word_flags
from lagebild.analyse.ner.lexicon import lexicon_class
from lagebild.analyse.ner.nametype import list_code, name_type

#: positions of a word's features: its own, then as the word one and two to the left and right
POSITIONS = ("", "-1", "1", "-2", "2")
#: feature families whose values are open (a word or a piece of it): tabled at load
OPEN = frozenset({"w", "l", "s3", "s4", "s5", "p3", "h0", "h1", "h1s4"})
#: ``features.PackedParts``: own, -1, 1, -2, 2 records; capitalised, lower-case start, given name, class,
#: spelling class, name-list code
Packed = tuple[bytes, bytes, bytes, bytes, bytes, bool, bool, bool, str, str, str]
_NONE = [b""] * 5  # never changed
K = TypeVar("K", str, tuple[str, ...])


def value_tables(records: Mapping[str, bytes]) -> dict[str, dict[str, list[bytes]]]:
    """family -> value -> its record at each of ``POSITIONS`` (b"" where the model lacks it),
    for the ``OPEN`` families."""
    out: dict[str, dict[str, list[bytes]]] = {f: {} for f in OPEN}
    heads = {p + f: (out[f], k) for f in OPEN for k, p in enumerate(POSITIONS)}
    for attribute, record in records.items():
        head, eq, value = attribute.partition("=")
        hit = heads.get(head) if eq else None
        if hit is not None:
            table, k = hit
            if value in table:
                table[value][k] = record
            else:
                table[value] = [b""] * 5
                table[value][k] = record
    return out


class _ByValue(dict[K, tuple[bytes, ...]]):
    """Records of a closed-set value (a string or a tuple of them) at each position, packed
    on first use."""

    def __init__(self, pack: Callable[[Iterable[str]], bytes], attributes: Callable[[str, K], list[str]]) -> None:
        super().__init__()
        self._pack = pack
        self._attributes: Callable[[str, K], list[str]] = attributes

    def __missing__(self, value: K) -> tuple[bytes, ...]:
        out = self[value] = tuple(self._pack(self._attributes(p, value)) for p in POSITIONS)
        return out


def _flag_attributes(pos: str, flags: tuple[str, ...]) -> list[str]:
    return [f"{pos}g={g}" for g in flags] if pos in ("", "-1", "1") else []


def _type_attributes(pos: str, types: tuple[str, ...]) -> list[str]:
    return [pos + t for t in types] if pos in ("", "-1", "1") else []


def _cluster_attributes(pos: str, ids: tuple[str, ...]) -> list[str]:
    """Own: every granularity; one away: all but the coarsest; two away: the middle one."""
    if not pos:
        return [f"c{k}={c}" for k, c in enumerate(ids)]
    if pos in ("-1", "1"):
        return [f"{pos}c{k}={c}" for k, c in enumerate(ids) if k]
    return [f"{pos}c1={ids[1]}"] if ids else []


def _single(family: str, positions: tuple[str, ...] = POSITIONS, empty: bool = True
            ) -> Callable[[str, str], list[str]]:
    """One attribute per position in ``positions``; none for an empty value unless ``empty``."""
    def attributes(pos: str, value: str) -> list[str]:
        return [f"{pos}{family}={value}"] if pos in positions and (empty or value) else []
    return attributes


def word_packer(records: Mapping[str, bytes], pack_all: Callable[[Iterable[str]], bytes],
                shape: Callable[[str], str]) -> Callable[[str], Packed]:
    """The function from a word to its ``Packed`` parts for the model with these ``records``
    (``shape`` is ``features.shape``; passed in, as features.py imports this module)."""
    tables = value_tables(records)
    w, low_t, s3_t = tables["w"], tables["l"], tables["s3"]
    s4, s5, p3 = tables["s4"], tables["s5"], tables["p3"]
    h0, h1, h1s4 = tables["h0"], tables["h1"], tables["h1s4"]
    shapes, classes = _ByValue(pack_all, _single("sh")), _ByValue(pack_all, _single("lex", empty=False))
    h0_shapes = _ByValue(pack_all, _single("h0sh", ("",)))
    flags_t: _ByValue[tuple[str, ...]] = _ByValue(pack_all, _flag_attributes)
    clusters_t: _ByValue[tuple[str, ...]] = _ByValue(pack_all, _cluster_attributes)
    types_t: _ByValue[tuple[str, ...]] = _ByValue(pack_all, _type_attributes)

    def packed(word: str) -> Packed:
        low = word.lower()
        n = len(low)
        flags = word_flags(word)
        lex = lexicon_class(word)
        lo = low_t.get(low, _NONE)
        sh = shapes[shape(word)]
        cl = classes[lex]
        g = flags_t[flags]
        c = clusters_t[cluster_ids(word)]
        kind = name_type(word)
        t = types_t[kind]
        s3 = s3_t.get(low[-3:], _NONE) if n > 3 else _NONE
        own = [w.get(word, _NONE)[0], lo[0], sh[0], s3[0]]
        if n > 4:
            own.append(s4.get(low[-4:], _NONE)[0])
            if n > 5:
                own.append(s5.get(low[-5:], _NONE)[0])
            own.append(p3.get(low[:3], _NONE)[0])
        if "-" in word and n > 2:
            tail = low.rpartition("-")[2]
            own.append(h0.get(low.split("-", 1)[0], _NONE)[0])
            own.append(h1.get(tail, _NONE)[0])
            if len(tail) > 4:
                own.append(h1s4.get(tail[-4:], _NONE)[0])
            own.append(h0_shapes[shape(word.split("-", 1)[0])][0])
        own += (g[0], cl[0], t[0], c[0])
        return (b"".join(own),
                lo[1] + sh[1] + cl[1] + s3[1] + g[1] + t[1] + c[1], lo[2] + sh[2] + cl[2] + s3[2] + g[2] + t[2] + c[2],
                lo[3] + sh[3] + cl[3] + c[3], lo[4] + sh[4] + cl[4] + c[4],
                word[:1].isupper(), word[:1].islower(), "fn" in flags, lex or "x", kind[0][2:] if kind else "x",
                list_code(word))
    return packed
