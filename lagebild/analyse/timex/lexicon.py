"""The German words the timex grammar is built from, read from ``lagebild/analyse/de``."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from lagebild.analyse.alternation import either_case, trie
from lagebild.analyse.de import table

DEMONSTRATIVE = ("dies", "jen")
POSITIONS = ("Anfang", "Mitte", "Ende", "Beginn", "Ausgang")


def alt(words: object) -> str:
    """A non-capturing alternation of literal words, longest first (so "Juni" is not read as
    "Jun"), written as a trie (``alternation.py``)."""
    return trie(str(w) for w in words)  # type: ignore[attr-defined]


def ci(word: str) -> str:
    """``word`` with its first letter in either case (sentence-initial "Heute")."""
    first = word[0]
    return f"[{first.lower()}{first.upper()}]" + re.escape(word[1:])


def ci_alt(words: object) -> str:
    """``alt`` of the words with their first letter in either case."""
    return trie(either_case(str(w) for w in words))  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Lexicon:
    months: dict[str, int]
    full_months: frozenset[str]
    weekdays: dict[str, int]
    dayparts: dict[str, tuple[str, int]]
    seasons: dict[str, tuple[str, int]]
    units: dict[str, tuple[str, bool]]
    holidays: tuple[tuple[re.Pattern[str], str], ...]
    holiday_names: tuple[str, ...]
    fuzzy: tuple[tuple[str, str, str, bool], ...]  # (context before, phrase, value, adjective)


@cache
def words(kind: str) -> dict[str, str]:
    """The words of ``de/timex_words.tsv`` of one class, with their values."""
    return {w: (f[1] if len(f) > 1 else "") for w, f in table("timex_words.tsv").items() if f[0] == kind}


@cache
def lexicon() -> Lexicon:
    months = {k: int(v[0]) for k, v in table("months.tsv").items()}
    # an abbreviation is a proper prefix of another name of the same month ("Sept", "Mär")
    full = frozenset(k for k in months
                     if not any(o != k and o.startswith(k) and months[o] == months[k] for o in months))
    holidays = tuple((re.compile(k), v[0]) for k, v in table("holidays.tsv").items())
    fuzzy = []
    for key, fields in table("fuzzy_times.tsv").items():
        before, _, phrase = key.rpartition("|")
        fuzzy.append((before, phrase, fields[0], len(fields) > 1 and fields[1] == "adj"))
    return Lexicon(
        months=months, full_months=full,
        weekdays={k: int(v[0]) for k, v in table("weekdays.tsv").items()},
        dayparts={k: (v[0], int(v[1])) for k, v in table("dayparts.tsv").items()},
        seasons={k: (v[0], int(v[1])) for k, v in table("seasons.tsv").items()},
        units={k: (v[0], v[1] == "1") for k, v in table("time_units.tsv").items()},
        holidays=holidays, holiday_names=tuple(k for k, _ in table("holidays.tsv").items()),
        fuzzy=tuple(fuzzy))


def rel_adj_offset(word: str) -> str | None:
    """The offset of a relative adjective ("vergangenen" -> "-1"), or None."""
    w = word.lower()
    for stem, off in words("rel_adj").items():
        if w.startswith(stem) and len(w) - len(stem) <= 2:
            return off
    return None
