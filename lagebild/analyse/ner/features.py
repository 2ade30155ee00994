"""CRF features for German names.

All German nouns are capitalised, so capitalisation says little: the features that carry
weight are the word itself, its shape and affixes (-burg, -ische, GmbH), hyphen parts
(UN-Sicherheitsrat, Merkel-Regierung), KB facts (given name, country adjective, one-word KB
name), KB span matches, the spelling class and exact hits on big lists of real names (``nametype.py``,
``namelists.py``), distributional word clusters (``clusters.py``: what the CRF learnt
about one surname reaches the surnames it never saw), the words one and two to either side
(two away only by shape, dictionary class and cluster), where a capitalised word stands (first
in the sentence, after a lower-case word, after a given name) and, in the second pass, what the
first pass found elsewhere in the same document. Word-level parts are cached per word string:
that keeps feature extraction near the CRF's own speed.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import groupby
from operator import itemgetter
from typing import Protocol, TypeVar, cast

from lagebild.analyse.ner.clusters import ON_CHANGE, cluster_ids
from lagebild.analyse.ner.gazetteer import Match, word_flags
from lagebild.analyse.ner.lexicon import lexicon_class
from lagebild.analyse.ner.nametype import list_code, name_type, type_class
from lagebild.analyse.ner.packing import Packed, word_packer
from lagebild.analyse.wordcache import clear_all, word_cache

_SHAPE_MAP = str.maketrans({**{c: "X" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ"},
                            **{c: "x" for c in "abcdefghijklmnopqrstuvwxyzäöüß"},
                            **{c: "d" for c in "0123456789"}})
Feature = str | bytes
P = TypeVar("P")


@word_cache
def shape(word: str) -> str:
    """Compressed word shape: ``Kim`` -> ``Xx``, ``Jong-un`` -> ``Xx-x``, ``EDSCG`` -> ``X``, ``4,8`` -> ``x,x``."""
    s = word.translate(_SHAPE_MAP)
    if s.isascii():  # only X, x, d and non-letters are left; the models learnt digits as "x"
        s = s.replace("d", "x")
    else:  # and letters the map lacks (é, ł, ç) by their case
        s = "".join("x" if c.isalpha() and c.islower() else "X" if c.isalpha() else c for c in s)
    return "".join(k for k, _ in groupby(s))  # runs to one (a third of the time of a regex)


@word_cache
def word_features(word: str) -> tuple[str, ...]:
    low = word.lower()
    f = ["w=" + word, "l=" + low, "sh=" + shape(word)]
    n = len(low)
    for k in (3, 4, 5):
        if n > k:
            f.append(f"s{k}=" + low[-k:])
    if n > 4:
        f.append("p3=" + low[:3])
    if "-" in word and n > 2:
        tail = low.rpartition("-")[2]
        f.append("h0=" + low.split("-", 1)[0])
        f.append("h1=" + tail)
        if len(tail) > 4:
            f.append("h1s4=" + tail[-4:])
        f.append("h0sh=" + shape(word.split("-", 1)[0]))
    f.extend("g=" + g for g in word_flags(word))
    lex = lexicon_class(word)
    if lex:
        f.append("lex=" + lex)
    f.extend(name_type(word))
    f.extend(f"c{k}={c}" for k, c in enumerate(cluster_ids(word)))
    return tuple(f)


@word_cache
def context_features(word: str, offset: int) -> tuple[str, ...]:
    """The word's features as the word ``offset`` away (-1, 1: most; -2, 2: fewer)."""
    k = _OFFSETS.get(offset)
    return (f"{offset}l=" + word.lower(),) if k is None else context_all(word)[k]


_OFFSETS = {-1: 0, 1: 1, -2: 2, 2: 3}


@word_cache
def context_all(word: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """``context_features`` at -1, 1, -2, 2 at once: the word facts are looked up once."""
    low = word.lower()
    lex = lexicon_class(word)
    ids = cluster_ids(word)
    head = ["l=" + low, "sh=" + shape(word)]
    if lex:
        head.append("lex=" + lex)
    near = list(head)
    if len(low) > 3:
        near.append("s3=" + low[-3:])
    near.extend("g=" + g for g in word_flags(word))
    near.extend(name_type(word))
    near.extend(f"c{k}={c}" for k, c in enumerate(ids) if k)
    far = head
    if ids:
        far.append("c1=" + ids[1])
    return (tuple(["-1" + x for x in near]), tuple(["1" + x for x in near]),
            tuple(["-2" + x for x in far]), tuple(["2" + x for x in far]))


def kb_span_tags(n: int, matches: Sequence[Match], types: Sequence[str]) -> list[str]:
    """Per-token ``B-TYPE``/``I-TYPE`` of KB matches (``types`` gives each match's type)."""
    tags = [""] * n
    for m, t in zip(matches, types, strict=True):
        tags[m.start] = "B-" + t
        for k in range(m.start + 1, m.end):
            tags[k] = "I-" + t
    return tags


_BOS = ("BOS",)
_EOS = ("EOS",)

_Parts = tuple[tuple[Feature, ...], tuple[Feature, ...], tuple[Feature, ...], tuple[Feature, ...],
               tuple[Feature, ...], bool, bool, bool, str, str, str]


def _parts(word: str, own_of: Callable[[str], P], ctx_of: Callable[[str], tuple[P, P, P, P]]
           ) -> tuple[P, P, P, P, P, bool, bool, bool, str, str, str]:
    """All a word brings to a sentence: its own features, its features as the word one and two
    to the left and right, capitalised, lower-case start, given name, dictionary class, the
    class its spelling suggests and the name lists it is on (``nametype.py``)."""
    left1, right1, left2, right2 = ctx_of(word)
    return (own_of(word), left1, right1, left2, right2,
            word[:1].isupper(), word[:1].islower(), "fn" in word_flags(word), lexicon_class(word) or "x",
            type_class(word), list_code(word))


@word_cache
def _parts_str(word: str) -> _Parts:
    return _parts(word, word_features, context_all)


ON_CHANGE.append(clear_all)


class Packer(Protocol):
    """A model that turns attribute strings into its packed records (``crf.CrfModel``)."""

    @property
    def records(self) -> Mapping[str, bytes]: ...

    def pack(self, attribute: str) -> bytes: ...

    def pack_all(self, attributes: Iterable[str]) -> bytes: ...


#: ``_Parts`` with each feature tuple packed into one record string
PackedParts = Packed


def packed_parts(model: Packer) -> Callable[[str], PackedParts]:
    """``_parts`` of a word with each part one packed record string for this model (its own
    attribute ids), cached per word; read from value tables (``packing.py``), not by packing
    the strings of ``word_features`` and ``context_all``."""
    return word_cache(word_packer(model.records, model.pack_all, shape))


def _ident(text: str) -> str:
    return text


def _assemble(words: Sequence[str], kb_tags: Sequence[str], doc_tags: Sequence[Sequence[str]] | None,
              parts_of: Callable[[str], _Parts], conv: Callable[[str], Feature],
              bos: tuple[Feature, ...], eos: tuple[Feature, ...]) -> list[list[Feature]]:
    """One sentence's feature lists from per-word cached parts (``conv`` makes the rest)."""
    n = len(words)
    if not n:
        return []
    ps = [parts_of(w) for w in words]
    b = conv("b")
    out: list[list[Feature]] = []
    for i in range(n):
        p = ps[i]
        f: list[Feature] = [b, *p[0], *(ps[i - 1][1] if i else bos), *(ps[i + 1][2] if i < n - 1 else eos),
                            *(ps[i - 2][3] if i > 1 else bos), *(ps[i + 2][4] if i < n - 2 else eos)]
        if p[5]:
            lex = p[8]
            if i == 0:
                f.append(conv("first=" + lex))
            else:
                q = ps[i - 1]
                f.append(conv("after=" + ("low" if q[6] else "cap" if q[5] else "p") + lex))
                if q[6]:  # the lower-case word before with the spelling class and the name lists
                    before = words[i - 1].lower() + "|"
                    f.append(conv("pt=" + before + p[9]))
                    if p[10]:
                        f.append(conv("pz=" + before + p[10]))
                if q[7]:
                    f.append(conv("fn+" + lex))
            if i < n - 1 and p[7] and ps[i + 1][5]:
                f.append(conv("fn>" + ps[i + 1][8]))
        kt = kb_tags[i]
        if kt:
            f.append(conv("kb=" + kt))
        if i > 0 and kb_tags[i - 1]:
            f.append(conv("-1kb=" + kb_tags[i - 1]))
        if i < n - 1 and kb_tags[i + 1]:
            f.append(conv("1kb=" + kb_tags[i + 1]))
        if doc_tags is not None:
            f.extend(conv(x) for x in doc_tags[i])
        out.append(f)
    return out


def sentence_features(words: Sequence[str], kb_tags: Sequence[str],
                      doc_tags: Sequence[Sequence[str]] | None = None) -> list[list[str]]:
    """Feature lists for one sentence; ``doc_tags`` adds second-pass document features.
    Built from per-word cached tuples: the order of features does not matter to the CRF."""
    return cast("list[list[str]]", _assemble(words, kb_tags, doc_tags, _parts_str, _ident, _BOS, _EOS))


_G0, _G1, _G2, _G3, _G4 = (itemgetter(k) for k in range(5))


def sentence_packed(words: Sequence[str], kb_tags: Sequence[str], parts_of: Callable[[str], PackedParts],
                    model: Packer) -> list[bytes]:
    """``sentence_features`` as each token's packed records for ``model``, in the same order
    (a test holds the two together); what the model does not know is left out. ``parts_of``
    is ``packed_parts(model)``. Written out apart from ``_assemble``: this runs on every
    sentence the tagger sees."""
    n = len(words)
    if not n:
        return []
    pack = model.pack
    bos, eos = pack("BOS"), pack("EOS")
    ps = list(map(parts_of, words))
    left1 = [bos]
    left1 += map(_G1, ps[:-1])
    right1 = list(map(_G2, ps[1:]))
    right1.append(eos)
    left2 = [bos, bos]
    left2 += map(_G3, ps[:-2])
    right2 = list(map(_G4, ps[2:]))
    right2 += (eos, eos)
    # left2 and right2 run two past the end: zip stops at the n-long lists
    out = list(map(b"".join, zip([pack("b")] * n, map(_G0, ps), left1, right1, left2, right2, strict=False)))
    last = n - 1
    for i, p in enumerate(ps):
        if p[5]:
            lex = p[8]
            if i == 0:
                out[i] += pack("first=" + lex)
            else:
                q = ps[i - 1]
                out[i] += pack("after=" + ("low" if q[6] else "cap" if q[5] else "p") + lex)
                if q[6]:
                    before = words[i - 1].lower() + "|"
                    out[i] += pack("pt=" + before + p[9])
                    if p[10]:
                        out[i] += pack("pz=" + before + p[10])
                if q[7]:
                    out[i] += pack("fn+" + lex)
            if i < last and p[7] and ps[i + 1][5]:
                out[i] += pack("fn>" + ps[i + 1][8])
    if any(kb_tags):  # after the position features, as in ``_assemble``
        for i, kt in enumerate(kb_tags):
            if kt:
                out[i] += pack("kb=" + kt)
            if i > 0 and kb_tags[i - 1]:
                out[i] += pack("-1kb=" + kb_tags[i - 1])
            if i < last and kb_tags[i + 1]:
                out[i] += pack("1kb=" + kb_tags[i + 1])
    return out
