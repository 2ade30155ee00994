"""Guess the publication date of a text that came without one.

Why: relative dates ("am Freitag", "gestern") resolve against the publication date, and many
inputs (plain text, pasted articles) carry none. In order of trust:

1. a dateline or a publication note near the start ("Berlin, 12. März 2024 (dpa)",
   "Stand: 12.03.2024", "Veröffentlicht am ...");
2. a publication note anywhere ("aktualisiert am 12.03.2024");
3. the latest fully written date the text reports in the past tense (an article is
   published after what it reports), moved to the day after when the text says "gestern".

Returns ``(None, 0.0)`` when the text names no full date.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache

from lagebild.analyse.de import table

__all__ = ["infer_published"]

_HEAD_CHARS = 300


@cache
def _months() -> dict[str, int]:
    return {k: int(v[0]) for k, v in table("months.tsv").items()}


@cache
def _date_re() -> re.Pattern[str]:
    names = "|".join(sorted(map(re.escape, _months()), key=len, reverse=True))
    return re.compile(
        rf"(?<![\w.])(?:(?P<d>[0-3]?\d)\.\s?(?P<mn>[01]?\d)\.\s?(?P<y>(?:19|20)\d{{2}})"
        rf"|(?P<d2>[0-3]?\d)\.\s*(?P<mw>{names})\.?\s+(?P<y2>(?:19|20)\d{{2}})"
        rf"|(?P<y3>(?:19|20)\d{{2}})-(?P<m3>[01]\d)-(?P<d3>[0-3]\d))(?!\d)")


_NOTE_RE = re.compile(
    r"(?i:stand|veröffentlicht|erschienen|publiziert|aktualisiert|datum|erstellt|zuletzt geändert)"
    r"(?:\s+am)?\s*:?\s*$")
_DATELINE_RE = re.compile(r"^[\w .\-/()äöüÄÖÜß]{0,60}[,:\-–]\s*$")
_PAST_RE = re.compile(r"\b(?:war|waren|wurde|wurden|hatte|hatten|hat|haben|ist|sind|sagte|teilte|"
                      r"erklärte|berichtete|[a-zäöüß]{3,}te)\b")
_FUTURE_RE = re.compile(r"\b(?:wird|werden|soll|sollen|will|geplant|bis|ab|spätestens|Frist)\b")
_YEAR_RE = re.compile(r"(?<![\d.,])((?:19|20)\d{2})(?![\d.,])")
_YESTERDAY_RE = re.compile(r"\b[gG]estern\b")


def _dates(text: str) -> list[tuple[int, int, date]]:
    out = []
    months = _months()
    for m in _date_re().finditer(text):
        g = m.groupdict()
        try:
            if g["d"]:
                d = date(int(g["y"]), int(g["mn"]), int(g["d"]))
            elif g["d2"]:
                d = date(int(g["y2"]), months[g["mw"].rstrip(".")], int(g["d2"]))
            else:
                d = date(int(g["y3"]), int(g["m3"]), int(g["d3"]))
        except (ValueError, KeyError):
            continue
        out.append((m.start(), m.end(), d))
    return out


def _clause(text: str, start: int, end: int) -> str:
    left = max(text.rfind(c, 0, start) for c in ".!?\n")
    rights = [i for i in (text.find(c, end) for c in ".!?\n") if i >= 0]
    return text[left + 1:min(rights) if rights else len(text)]


def infer_published(text: str) -> tuple[str | None, float]:
    """(ISO date, confidence in 0..1) of the probable publication date of ``text``."""
    found = _dates(text)
    if not found:
        return None, 0.0
    for start, _end, d in found:
        before = text[max(0, start - 40):start]
        line_start = text.rfind("\n", 0, start) + 1
        if _NOTE_RE.search(before):
            return d.isoformat(), 0.9 if start < _HEAD_CHARS else 0.8
        if start < _HEAD_CHARS and start - line_start <= 60 and _DATELINE_RE.match(text[line_start:start]):
            return d.isoformat(), 0.85
    past: list[date] = []
    other: list[date] = []
    for start, end, d in found:
        clause = _clause(text, start, end)
        if _FUTURE_RE.search(clause) and not _PAST_RE.search(clause):
            other.append(d)
        else:
            past.append(d)
    if past:
        best = max(past)
        if _YESTERDAY_RE.search(text):
            best += timedelta(days=1)
        later_years = [int(y) for y in _YEAR_RE.findall(text) if int(y) > best.year]
        if later_years:  # the text also talks about a later year: the date is history
            return best.isoformat(), 0.2
        return best.isoformat(), 0.5 if len(past) > 1 else 0.4
    return min(other).isoformat(), 0.2
