"""CRF features for German names.

All German nouns are capitalised, so capitalisation says little: the features that carry
weight are the word itself, its shape and affixes (-burg, -ische, GmbH), hyphen parts
(UN-Sicherheitsrat, Merkel-Regierung), KB facts (given name, country adjective, one-word KB
name), KB span matches, distributional word clusters (``clusters.py``: what the CRF learnt
about one surname reaches the surnames it never saw), the words one and two to either side
(two away only by shape, dictionary class and cluster), where a capitalised word stands (first
in the sentence, after a lower-case word, after a given name) and, in the second pass, what the
first pass found elsewhere in the same document. Word-level parts are cached per word string:
that keeps feature extraction near the CRF's own speed.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from lagebild.analyse.ner.clusters import cluster_ids
from lagebild.analyse.ner.gazetteer import Match, word_flags
from lagebild.analyse.ner.lexicon import lexicon_class

_SHAPE_MAP = str.maketrans({**{c: "X" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ"},
                            **{c: "x" for c in "abcdefghijklmnopqrstuvwxyzäöüß"},
                            **{c: "d" for c in "0123456789"}})
_RUNS = re.compile(r"(.)\1+")


@cache
def shape(word: str) -> str:
    """Compressed word shape: ``Kim`` -> ``Xx``, ``Jong-un`` -> ``Xx-x``, ``EDSCG`` -> ``X``."""
    s = word.translate(_SHAPE_MAP)
    s = "".join("x" if c.isalpha() and c.islower() else "X" if c.isalpha() else c for c in s)
    return _RUNS.sub(r"\1", s)


@cache
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
    f.extend(f"c{k}={c}" for k, c in enumerate(cluster_ids(word)))
    return tuple(f)


@cache
def context_features(word: str, offset: int) -> tuple[str, ...]:
    p = f"{offset}"
    low = word.lower()
    f = [p + "l=" + low]
    if abs(offset) == 2:
        f.append(p + "sh=" + shape(word))
        lex = lexicon_class(word)
        if lex:
            f.append(p + "lex=" + lex)
        ids = cluster_ids(word)
        if ids:
            f.append(p + "c1=" + ids[1])
    if abs(offset) == 1:
        f.append(p + "sh=" + shape(word))
        lex = lexicon_class(word)
        if lex:
            f.append(p + "lex=" + lex)
        if len(low) > 3:
            f.append(p + "s3=" + low[-3:])
        f.extend(p + "g=" + g for g in word_flags(word))
        f.extend(f"{p}c{k}={c}" for k, c in enumerate(cluster_ids(word)) if k)
    return tuple(f)


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


def sentence_features(words: Sequence[str], kb_tags: Sequence[str],
                      doc_tags: Sequence[Sequence[str]] | None = None) -> list[list[str]]:
    """Feature lists for one sentence; ``doc_tags`` adds second-pass document features.
    Built from per-word cached tuples: the order of features does not matter to the CRF."""
    n = len(words)
    if not n:
        return []
    own = [word_features(w) for w in words]
    left1 = [context_features(words[i - 1], -1) if i else _BOS
             for i in range(n)]
    right1 = [context_features(words[i + 1], 1) if i < n - 1 else _EOS for i in range(n)]
    left2 = [context_features(words[i - 2], -2) if i > 1 else _BOS for i in range(n)]
    right2 = [context_features(words[i + 2], 2) if i < n - 2 else _EOS for i in range(n)]
    out: list[list[str]] = []
    for i in range(n):
        f = ["b", *own[i], *left1[i], *right1[i], *left2[i], *right2[i]]
        w = words[i]
        if w[:1].isupper():
            lex = lexicon_class(w) or "x"
            if i == 0:
                f.append("first=" + lex)
            else:
                prev = words[i - 1]
                f.append("after=" + ("low" if prev[:1].islower() else "cap" if prev[:1].isupper() else "p") + lex)
                if "fn" in word_flags(prev):
                    f.append("fn+" + lex)
            if i < n - 1 and "fn" in word_flags(w) and words[i + 1][:1].isupper():
                f.append("fn>" + (lexicon_class(words[i + 1]) or "x"))
        kt = kb_tags[i]
        if kt:
            f.append("kb=" + kt)
        if i > 0 and kb_tags[i - 1]:
            f.append("-1kb=" + kb_tags[i - 1])
        if i < n - 1 and kb_tags[i + 1]:
            f.append("1kb=" + kb_tags[i + 1])
        if doc_tags is not None:
            f.extend(doc_tags[i])
        out.append(f)
    return out
