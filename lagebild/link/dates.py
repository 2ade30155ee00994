"""Dates of sentences: the analysis' TIMEX3 values, or a small resolver of its own when the
timex component found nothing (an article analysed before that component existed).

The resolver knows the forms that date most news happenings: "am 13. September (2023)",
"am Dienstag(abend)", "heute"/"gestern", "im März", "im Jahr 2019"/"seit 2019". A weekday
names the latest such day on or before publication, unless the sentence speaks of the future.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from lagebild.analyse.de import table
from lagebild.model import Analysis

WEEKDAYS = {"montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5,
            "sonnabend": 5, "sonntag": 6}
_PART = r"(?:vormittag|nachmittag|abend|morgen|mittag|nacht)?"
_FUTURE = re.compile(r"\b(?:wird|werden|will|wollen|soll|sollen|kommende[nm]?|nächste[nm]?)\b", re.I)


@dataclass(frozen=True)
class DateMention:
    text: str
    start: int
    end: int
    value: str  # TIMEX3-like: YYYY, YYYY-MM, YYYY-MM-DD


@cache
def _month_re() -> tuple[re.Pattern[str], dict[str, int]]:
    months = {k: int(v[0]) for k, v in table("months.tsv").items() if len(k) > 3}
    names = "|".join(sorted((re.escape(m) for m in months), key=len, reverse=True))
    return re.compile(rf"\b(?:(?:am|vom|bis zum|zum|seit dem)\s+)?(\d{{1,2}})\.\s*({names})(?:\s+(\d{{4}}))?\b"
                      rf"|\b(?:im|seit|bis|Anfang|Mitte|Ende)\s+({names})(?:\s+(\d{{4}}))?\b"), months


_WEEKDAY_RE = re.compile(rf"\b(?:am\s+|vom\s+|seit\s+|bis\s+)?(Montag|Dienstag|Mittwoch|Donnerstag|Freitag|"
                         rf"Samstag|Sonnabend|Sonntag)({_PART})\b", re.I)
_RELATIVE_RE = re.compile(r"\b(heute|gestern|vorgestern)\b")
_YEAR_RE = re.compile(r"\b(?:im Jahr(?:e)?|seit|bis|Anfang|Ende|Mitte|in|von|aus)\s+((?:19|20)\d\d)\b")


def _published(doc: Analysis) -> date | None:
    try:
        return date.fromisoformat((doc.article.published or "")[:10])
    except ValueError:
        return None


def resolve(text: str, start: int, end: int, published: date | None) -> list[DateMention]:
    """Date expressions in ``text[start:end]`` with values relative to ``published``."""
    out: list[DateMention] = []
    span = text[start:end]
    future = bool(_FUTURE.search(span))
    month_re, months = _month_re()
    taken: list[tuple[int, int]] = []

    def add(m: re.Match[str], value: str) -> None:
        s, e = m.start() + start, m.end() + start
        if any(a < e and s < b for a, b in taken):
            return
        taken.append((s, e))
        out.append(DateMention(text[s:e], s, e, value))

    for m in month_re.finditer(span):
        if m.group(1):
            day, month, year = int(m.group(1)), months[m.group(2)], m.group(3)
            y = int(year) if year else _year_for(published, month, day)
            if y is not None:
                try:
                    add(m, date(y, month, day).isoformat())
                except ValueError:
                    continue
        else:
            month, year = months[m.group(4)], m.group(5)
            y = int(year) if year else _year_for(published, month, 1)
            if y is not None:
                add(m, f"{y:04d}-{month:02d}")
    if published is not None:
        for m in _WEEKDAY_RE.finditer(span):
            wd = WEEKDAYS[m.group(1).lower()]
            delta = (published.weekday() - wd) % 7
            d = published + timedelta(days=(7 - delta) % 7) if future and delta else published - timedelta(days=delta)
            add(m, d.isoformat())
        for m in _RELATIVE_RE.finditer(span):
            back = {"heute": 0, "gestern": 1, "vorgestern": 2}[m.group(1)]
            add(m, (published - timedelta(days=back)).isoformat())
    for m in _YEAR_RE.finditer(span):
        add(m, m.group(1))
    return sorted(out, key=lambda d: d.start)


def _year_for(published: date | None, month: int, day: int) -> int | None:
    """The year of a day-and-month without a year: the publication year, or the one before when
    that date would lie more than a month after publication."""
    if published is None:
        return None
    try:
        candidate = date(published.year, month, min(day, 28))
    except ValueError:
        return published.year
    return published.year - 1 if (candidate - published).days > 31 else published.year


def sentence_dates(doc: Analysis, start: int, end: int) -> list[DateMention]:
    """Calendar dates in one sentence: from the analysis' timexes when it has any, else resolved here."""
    if doc.timexes:
        out = []
        for t in doc.timexes:
            if start <= t.start < end and t.type in ("DATE", "TIME") and re.match(r"\d{4}", t.value):
                out.append(DateMention(t.text, t.start, t.end, t.value))
        return out
    return resolve(doc.text, start, end, _published(doc))


def day_value(value: str) -> str:
    """The calendar part of a TIMEX3 value: 2023-09-10TAF -> 2023-09-10, 2024-W24 -> 2024-W24."""
    m = re.match(r"\d{4}(?:-\d\d(?:-\d\d)?|-W\d\d)?", value)
    return m.group(0) if m else value
