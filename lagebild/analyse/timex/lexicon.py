"""The German words the timex grammar is built from, read from ``lagebild/analyse/de``."""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from lagebild.analyse.de import table

DEMONSTRATIVE = ("dies", "jen")
POSITIONS = ("Anfang", "Mitte", "Ende", "Beginn", "Ausgang")


def alt(words: object, escape: bool = True) -> str:
    """A non-capturing alternation, longest first (so "Juni" is not read as "Jun")."""
    items = sorted({str(w) for w in words}, key=lambda w: (-len(w), w))  # type: ignore[attr-defined]
    return "(?:" + "|".join(re.escape(w) if escape else w for w in items) + ")"


_Trie = dict[str, "_Trie"]


def trie_alt(words: Iterable[str]) -> str:
    """``alt(words)`` as a trie: the same match at every position (the longest word starting
    there), but the regex engine reads each letter once instead of trying every word in turn
    (the ~100 timex head pieces: 2.7 -> 1 µs per word in ``grammar._heads_of``)."""
    root: _Trie = {}
    for w in set(words):
        node = root
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}

    def build(node: _Trie) -> str:
        # the longer continuations first, ending here last: longest first, as in ``alt``
        branches = [re.escape(c) + build(child) for c, child in sorted(node.items()) if c]
        if "" in node:
            branches.append("")
        return "" if branches == [""] else branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return "(?:" + build(root) + ")"


def ci(word: str) -> str:
    """``word`` with its first letter in either case (sentence-initial "Heute")."""
    first = word[0]
    return f"[{first.lower()}{first.upper()}]" + re.escape(word[1:])


def ci_alt(words: object) -> str:
    items = sorted({str(w) for w in words}, key=lambda w: (-len(w), w))  # type: ignore[attr-defined]
    return "(?:" + "|".join(ci(w) for w in items) + ")"


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
