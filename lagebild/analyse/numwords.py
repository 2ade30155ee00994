"""German numbers written as words or digits, shared by the timex and figures taggers.

Why a parser and not a list: German writes numbers as one word ("dreihundertfünfundzwanzig"),
so the compounds are built from the base words in ``de/numbers.tsv``.
"""
from __future__ import annotations

import re
from functools import cache

from lagebild.analyse.alternation import trie
from lagebild.analyse.de import table

_MORPHEMES = ("einhalb", "hundert", "tausend", "und")


@cache
def _base() -> dict[str, float]:
    return {word: float(fields[0]) for word, fields in table("numbers.tsv").items()}


@cache
def number_word_pattern() -> str:
    """A regex fragment matching a (candidate) number word, lower-case; check with ``parse_word``."""
    return trie({*_base(), *_MORPHEMES, "anderthalb"}) + "+"


def _below_thousand(word: str) -> float | None:
    base = _base()
    if not word:
        return 0.0
    if "hundert" in word:
        left, _, right = word.partition("hundert")
        lv = 1.0 if left in ("", "ein") else _below_hundred(left)
        rv = _below_hundred(right.removeprefix("und"))
        return None if lv is None or rv is None else lv * 100 + rv
    return _below_hundred(word) if word not in ("null",) else base["null"]


def _below_hundred(word: str) -> float | None:
    base = _base()
    if not word:
        return 0.0
    if word in base and base[word] < 100:
        return base[word]
    unit, sep, tens = word.partition("und")
    if sep and unit in base and tens in base and base[unit] < 10 and 20 <= base[tens] < 100:
        return base[unit] + base[tens]
    return None


@cache
def parse_word(word: str) -> float | None:
    """The value of a German number word ("dreiundzwanzig" -> 23.0), or None."""
    w = word.lower()
    if w == "anderthalb":
        return 1.5
    half = 0.0
    if w.endswith("einhalb") and len(w) > 7:
        w, half = w[:-7], 0.5
    if w in ("ein", "eine") and half:
        return 1.5
    if "tausend" in w:
        left, _, right = w.partition("tausend")
        lv = 1.0 if left in ("", "ein") else _below_thousand(left)
        rv = _below_thousand(right.removeprefix("und"))
        value = None if lv is None or rv is None else lv * 1000 + rv
    else:
        value = _below_thousand(w)
    if value is None or (value == 0 and w != "null"):
        return None
    return value + half


_DIGITS_RE = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?")


def parse_digits(text: str) -> float | None:
    """German digit notation: "10.000" = 10000, "4,8" = 4.8, "1.234,5" = 1234.5."""
    t = text.strip()
    if not _DIGITS_RE.fullmatch(t):
        return None
    return float(t.replace(".", "").replace(",", "."))


def parse_number(text: str) -> float | None:
    """Digits or a number word."""
    return parse_digits(text) if text[:1].isdigit() else parse_word(text)
