"""Which way a clause points in time: past, future, or unknown (None).

Why: "am Freitag" or "im März" mean the last or the next one depending on the verb. Without a
tagger we read the cues a clause carries (``de/tense_cues.txt``): finite past forms, weak
preterites ending in -te/-ten, a perfect auxiliary with a clause-final participle, and future
auxiliaries and modals. The cue nearest the expression wins.
"""
from __future__ import annotations

import re
from functools import cache

from lagebild.analyse.de import table

#: how far outside its own clause a cue may stand (characters)
REACH = 60
_WORD_RE = re.compile(r"[^\W\d_]+")
_CLAUSE_BREAK_RE = re.compile(r"[,;:()\[\]„“”\"»«]|\s[-–]\s")
_PARTICIPLE_RE = re.compile(
    r"(?:[a-zäöü]*ge[a-zäöüß]{2,}(?:t|en)|(?:be|ver|er|ent|zer|emp|miss)[a-zäöüß]{2,}(?:t|en))")


@cache
def _determiners() -> frozenset[str]:
    return frozenset(w for w, f in table("function_words.tsv").items() if f[0] == "determiner")


@cache
def _cues() -> dict[str, str]:
    return {word: fields[0] for word, fields in table("tense_cues.txt").items()}


def _is_weak_preterite(word: str, prev: str) -> bool:
    if not word.islower() or len(word) < 5 or prev in _determiners():
        return False
    if not (word.endswith("te") or word.endswith("eten") or word.endswith("ten")):
        return False
    stem = word[:-1] if word.endswith("te") else word[:-2]
    # superlatives and ordinals (-ste, -sten), present participles, t-stem presents (-tten)
    if stem.endswith(("st", "tt", "nd")) or word.endswith("treten") or _cues().get(word) == "not_verb":
        return False
    # plural -ten: only -eten and a few safe stems; "arbeiten", "halten" are presents
    return word.endswith("te") or word.endswith("eten") or stem[-2:-1] in ("g", "b", "k", "p", "m", "w", "r")


def _evidence(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """(position, 'past'|'future') cues in text[start:end]."""
    cues = _cues()
    words = [(m.start(), m.group()) for m in _WORD_RE.finditer(text, start, end)]
    out: list[tuple[int, str]] = []
    aux_at = -1
    prev = ""
    for pos, word in words:
        low = word.lower()
        kind = cues.get(low)
        if kind in ("past", "future"):
            out.append((pos, kind))
        elif kind == "perfect_aux":
            aux_at = pos
        elif kind is None and _is_weak_preterite(word, prev):
            out.append((pos, "past"))
        prev = low
    if aux_at >= 0:
        tail = words[-2:]
        for pos, word in tail:
            if word.islower() and _PARTICIPLE_RE.fullmatch(word) and not word.endswith(("enden", "ende")) \
                    and cues.get(word) is None:
                out.append((pos, "past"))
                break
    if any(k == "future" for _, k in out) and any(w == "worden" for _, w in words):
        out = [(p, "past" if k == "future" else k) for p, k in out]
    return out


def tense_at(text: str, pos: int, sentence: tuple[int, int]) -> str | None:
    """The tense around ``pos``: of its clause, else of its sentence; None without cues."""
    s_start, s_end = sentence
    c_start, c_end = s_start, s_end
    for m in _CLAUSE_BREAK_RE.finditer(text, s_start, s_end):
        if m.end() <= pos:
            c_start = m.end()
        elif m.start() >= pos:
            c_end = m.start()
            break
    for start, end in ((c_start, c_end), (max(s_start, pos - REACH), min(s_end, pos + REACH))):
        cues = _evidence(text, start, end)
        if cues:
            return min(cues, key=lambda c: abs(c[0] - pos))[1]
    return None
