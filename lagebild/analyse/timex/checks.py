"""Whether a pattern match really is a time expression (before any value is computed).

Why apart: overlapping candidates are chosen longest first, so a long match that is not a
time expression ("2000 Menschen", "August Schmidt", "Guten Morgen") must be dropped before it
can hide a shorter one.
"""
from __future__ import annotations

import re
from functools import cache

from lagebild.analyse.de import table
from lagebild.analyse.timex.lexicon import lexicon
from lagebild.analyse.timex.state import State


@cache
def _context(role: str) -> frozenset[str]:
    """Words of ``de/timex_context.tsv`` with ``role`` (month, year, season, count)."""
    return frozenset(w for w, fields in table("timex_context.tsv").items() if role in fields[0].split(","))

_AGE_AFTER_RE = re.compile(r"\s+(?:alt|jung|älter|jünger)\w*")
_YEAR_AFTER_RE = re.compile(r"\s+\d{4}\b")
_NUMBER_RE = re.compile(r"\d")
_DAY = r"(?:\d|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag)"
#: "Nacht zum Sonntag", "Nacht vom 26. auf den 27. Februar", "Nacht von Samstag auf Sonntag"
_NIGHT_BEFORE_RE = re.compile(rf"(?:\s+vo[mn]\s+{_DAY}\S*)?\s+(?:auf|zum|zu)\s+(?:den\s+)?{_DAY}")
_RANGE_AFTER_RE = re.compile(r"\s*(?:bis|und|-|–)\s*(\d[\d.]*)(?!\d)")
_RANGE_BEFORE_RE = re.compile(r"(?<![\d.,])(\d[\d.]*)\s*(?:bis|und)\s*$")
#: a price written "1500,- €"
_PRICE_AFTER = (",-", ",–")
#: words after a number that make it a quantity, besides the units of de/figure_units.tsv
_QUANTITY_WORDS = frozenset({"Meter", "Kilometer", "Mal", "mal"})


@cache
def _quantity_after() -> frozenset[str]:
    """Signs, abbreviations and units (Euro, Prozent) that, right after a number, make it a quantity."""
    units = table("figure_units.tsv")
    return frozenset(units) | {fields[0] for fields in units.values()} | _QUANTITY_WORDS


def _sentence_start(st: State, pos: int) -> bool:
    s, _ = st.sentence_span(pos)
    before = st.text[s:pos].strip(" \"„“»«'(")
    return not before or before[-1:] in ".:!?\n"


def valid(name: str, m: re.Match[str], st: State, start: int) -> bool:
    text = st.text
    prev = st.word_before(start)
    if name == "year":
        y = int(m.group("y"))
        trig = prev in _context("year") or prev in lexicon().months
        if prev in _context("count"):
            return False
        low = 1800 if not trig else 1000
        high = (st.dct.year + 30) if st.dct else 2100
        if text[start - 1:start] in ("-", "–", "/") and not re.search(r"\d{4}\s*[-–/]$", text[max(0, start - 8):start]):
            return False
        rng = _RANGE_AFTER_RE.match(text, m.end())
        if rng and not (1000 <= int(rng.group(1).replace(".", "")) <= high):
            return False  # "2000 bis 3000 Grad"
        rng = _RANGE_BEFORE_RE.search(text, max(0, start - 24), start)
        if rng and not (1000 <= int(rng.group(1).replace(".", "")) <= high):
            return False  # "von 801 bis 1200 Euro"
        if text[m.end():m.end() + 2] in _PRICE_AFTER:
            return False
        if not low <= y <= high:
            return False
        nxt = st.word_after(m.end())
        if nxt[:1].isupper() and not trig and nxt not in lexicon().months and \
                not _sentence_start(st, m.end() + 1) and text[m.end():m.end() + 1] == " ":
            return False
        return nxt not in _quantity_after()
    if name == "month":
        g = m.groupdict()
        if g["pos"] or g["adj"]:
            return True
        month = g["m"]
        if month == "August" and st.word_after(m.end())[:1].isupper():
            return False
        return prev in _context("month") or _YEAR_AFTER_RE.match(text, m.end()) is not None
    if name == "season":
        g = m.groupdict()
        if g["anyadj"] and not g["det"]:
            return False
        return bool(g["det"] or g["adj"] or g["y"] or prev in _context("season"))
    if name == "relword":
        w = m.group("w")
        if w == "Morgen" and not _sentence_start(st, start):
            return False
        return not (w.lower() == "morgen" and prev in ("am", "Am", "jeden", "Guten", "guten", "den", "des", "der"))
    if name == "unit":
        return _valid_unit(m, st, start)
    if name == "set_per":
        g = m.groupdict()
        if _YEAR_AFTER_RE.match(text, m.end()) or text[m.end():m.end() + 2].strip()[:1].isdigit():
            return False
        if g["times"]:
            return g["times"].lower() not in ("mal",)
        per = " ".join(g["per"].split())
        if per in ("pro", "je", "alle"):
            return per != "alle" or bool(g["n"]) or g["u"].endswith(("e", "n"))
        if g["n"] or g["u"].endswith(("e", "n")):
            return False
        back = text[max(0, start - 40):start]
        return bool(_NUMBER_RE.search(back.split(".")[-1])) and per in ("im", "am", "pro", "in der")
    if name == "time_um":
        nxt = st.word_after(m.end())
        return nxt not in ("Euro", "Dollar", "Prozent", "Meter", "Punkte", "Punkten", "Sekunden", "Minuten")
    if name == "decade":  # "in den Achtzigern", but "in seinen Achtzigern" is an age
        return not m.group("dn") or (m.group("det") or "").lower() == "den"
    if name == "daypart":
        return not _NIGHT_BEFORE_RE.match(text, m.end())  # "in der Nacht zum Sonntag": the date says it
    if name == "dur_first":
        after = text.find(m.group("u"), m.end()) + len(m.group("u"))
        return not _AGE_AFTER_RE.match(text, after) and not re.search(r"zwischen\s*$", text[max(0, start - 12):start])
    if name == "date_num":
        return prev not in ("um", "Um", "gegen", "ab", "bis")
    return True


def _valid_unit(m: re.Match[str], st: State, start: int) -> bool:
    g = m.groupdict()
    unit = g["u"]
    if g["n"]:
        if _AGE_AFTER_RE.match(st.text, m.end()):
            return False
        if "Alter" in st.text[max(0, start - 16):start]:
            return False
        # ages: "ab 16 Jahren", "zwischen sechs und elf Jahren"
        return not (unit.startswith("Jahr") and (
            st.word_before(start) in ("ab", "unter", "Ab", "Unter", "mit", "Mit")
            or re.search(r"zwischen\s+\S+\s+und\s*$", st.text[max(0, start - 30):start])))
    if unit == "Wochenende":
        return False
    if g["adj"] or (g["det"] and g["det"].lower().startswith(("dies", "jen"))):
        return True
    plural = unit.endswith(("e", "en", "n")) and unit not in ("Woche", "Minute", "Stunde", "Sekunde")
    return (bool(g["pre"]) and plural and g["pre"].lower() in ("seit", "über", "vor", "nach", "für") and not g["det"]) \
        or bool((g["pre"] or "").lower() == "über" and g["det"] in ("die",) and plural)
