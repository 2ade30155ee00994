"""Finding KB names in a token sequence, and the per-word KB facts the tagger uses as features.

Matching is on token spans, longest first, through ``kb.fold`` keys, so "Kim Jong Un",
"Kim Jong-un" and "Kim Jong Uns" all land on one entry; a final genitive ``-s``/``-es`` is
forgiven (Putins, UN-Sicherheitsrates). Case-strict aliases (EU, dpa) match only as written.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import compress

from lagebild.analyse.de import word_set
from lagebild.analyse.ner.kb import _NON_ALNUM, KB, fold, is_case_strict, load_kb
from lagebild.analyse.ner.lexicon import lexicon_class
from lagebild.analyse.tokens import tokenize
from lagebild.analyse.wordcache import word_cache


@dataclass(frozen=True, slots=True)
class Match:
    start: int  # first token
    end: int  # token after the last
    ids: tuple[str, ...]
    weak: bool = False  # only ambiguous aliases matched: needs the tagger's agreement
    genitive: bool = False  # matched only without a final -s/-es (Putins, Südkoreas)


_HYPHENS = frozenset("-‐‑")


@word_cache
def _exact(token: str) -> str:
    return "=" + _NON_ALNUM.sub("", token)


@word_cache
def _variants(key: str) -> tuple[str, ...]:
    """The key and its forms without a genitive ending."""
    if key.startswith("=") or len(key) < 4:
        return (key,)
    if key.endswith("es"):
        return key, key[:-1], key[:-2]
    if key.endswith("s"):
        return key, key[:-1]
    return (key,)


@cache
def _first_keys() -> frozenset[str]:
    kb = load_kb()
    out = set()
    for entry in kb.entries.values():
        for alias in {entry.name, *entry.aliases}:
            toks = tokenize(alias)
            if toks:
                first = toks[0].text
                out.add(_exact(first) if is_case_strict(alias) else fold(first))
    return frozenset(out)


@word_cache
def _may_start(tok: str) -> bool:
    """Can a KB name begin with this word? (Cached: most words never can.)"""
    firsts = _first_keys()
    if _exact(tok) in firsts:
        return True
    return tok[:1].isupper() and any(v in firsts for v in _variants(fold(tok)))


def kb_matches(tokens: Sequence[str], kb: KB | None = None) -> list[Match]:
    """Non-overlapping KB name matches, leftmost-longest."""
    kb = kb or load_kb()
    index = kb.index
    prefixes = kb.key_prefixes()
    n = len(tokens)
    out: list[Match] = []
    end = 0  # token after the last match
    for i in compress(range(n), map(_may_start, tokens)):  # the few words a name may start at, in C
        if i < end:
            continue
        tok = tokens[i]
        upper = tok[:1].isupper()
        best: Match | None = None
        folded = ""
        exact = "="
        for j in range(i, min(n, i + kb.max_tokens)):
            t = tokens[j]
            f = fold(t)
            if not f:
                if t in _HYPHENS and j > i:
                    continue  # "US- Außenministeriums": a hyphen split off by a stray space
                break
            folded += f
            exact += _exact(t)[1:]
            key = exact if exact in index else ""
            if not key and upper:
                for v in _variants(folded):
                    if v in index:
                        key = v
                        break
                if not key and j > i and t[:1].isupper() and len(f) > 2:
                    # a full KB person name with a stray ending ("Shin Won-Sikin" in MT output);
                    # the ending sits on a name word, not on a next word ("Olaf Scholz in")
                    key = next((k for k in (folded[:-1], folded[:-2]) if len(k) >= 8 and k in index
                                and all(kb.entries[e].type == "PER" for e in index[k])), "")
            if key:
                weak = key not in kb.strong or (j == i and key != exact and _other_word(t, kb))
                best = Match(i, j + 1, tuple(index[key]), weak, key not in (exact, folded))
            # every key a longer span could match starts with ``exact`` or with ``folded`` less
            # its last letter (a genitive -es is taken off, the next word may be one letter)
            if exact not in prefixes and (not upper or folded[:-1] not in prefixes):
                break
        if best is not None:
            out.append(best)
            end = best.end
    return out


def _other_word(token: str, kb: KB) -> bool:
    """A one-word match that folding alone made ("Handel" for the KB's "Händel", "Mull" for
    "Müll") where the written form is a word of its own in the dictionary: only weak evidence.
    Transliterations ("Peskov" for "Peskow") are unknown words and stay strong."""
    low = token.lower()
    if low in kb.written or any(v in kb.written for v in (low[:-1], low[:-2]) if low.endswith("s")):
        return False
    return lexicon_class(token) == "known"


@word_cache
def word_flags(token: str) -> tuple[str, ...]:
    """KB facts about one word: given name, adjective of a country, one-word KB name (by type),
    role noun. Cached per word: the same words recur across a corpus."""
    kb = load_kb()
    key = fold(token)
    if not key or not token[:1].isalpha():
        return ()
    out = []
    if key in kb.given_names:
        out.append("fn")
    variants = _variants(key)
    if not kb.surnames.isdisjoint(variants):
        out.append("sn")
    if key in kb.person_cues:
        out.append("pcue")
    if key in kb.org_cues:
        out.append("ocue")
    if not kb.role_nouns.keys().isdisjoint(variants):
        out.append("role")
    ids = kb.index.get(_exact(token))
    if ids is None and token[:1].isupper():
        for v in variants:
            ids = kb.index.get(v)
            if ids:
                break
    if ids:
        out.extend(sorted({"kb" + kb.entries[i].type for i in ids}))
    if not kb.adjectives.keys().isdisjoint(_adjective_stems(key)):
        out.append("adj")
    return tuple(out)


@cache
def _org_head_set() -> frozenset[str]:
    return word_set("org_heads.txt")


@word_cache
def org_head_kind(word: str) -> int:
    """2 for a compound ending in an organisation's head noun ("Ludwigsmuseum",
    "Arbeitgeberverbandes"), 1 for the head noun itself ("Universität", "Verlags"), else 0;
    genitive included (de/org_heads.txt)."""
    if not word[:1].isupper() or not word.isalpha():
        return 0
    heads = _org_head_set()
    low = word.lower()
    kind = 0
    for v in _variants(low):
        if v in heads:
            kind = 1
        elif any(v[k:] in heads for k in range(3, len(v) - 2)):
            return 2
    return kind


_ADJ_ENDINGS = ("", "e", "en", "er", "es", "em")


@word_cache
def adjective_country(word: str) -> str:
    """The country id a nationality adjective names (russischen -> gpe:russia), else ""."""
    kb = load_kb()
    for stem in _adjective_stems(fold(word)):
        if stem in kb.adjectives:
            return kb.adjectives[stem]
    return ""


def _adjective_stems(key: str) -> list[str]:
    """``key`` less each of ``_ADJ_ENDINGS`` it ends in, at least four letters left, in their
    order. Written out: the endings exclude each other but "", so at most two stems."""
    n = len(key)
    if n < 4:
        return []
    last = key[-1]
    if last == "e":
        return [key, key[:-1]] if n > 4 else [key]
    if n > 5 and last in "nrsm" and key[-2] == "e":
        return [key, key[:-2]]
    return [key]
