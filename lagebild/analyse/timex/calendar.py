"""Date arithmetic for TIMEX3 values: ISO weeks, Easter, shifting by calendar units."""
from __future__ import annotations

from datetime import date, datetime, timedelta


def parse_dct(published: str | None) -> date | None:
    """The document creation date from an ISO date or datetime, or None."""
    if not published:
        return None
    try:
        return date.fromisoformat(published.strip()[:10])
    except ValueError:
        try:
            return datetime.fromisoformat(published.strip()).date()
        except ValueError:
            return None


def easter(year: int) -> date:
    """Easter Sunday (Gregorian), by the anonymous Gregorian algorithm (Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month = (h + ell - 7 * m + 114) // 31
    day = (h + ell - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def iso(d: date) -> str:
    return d.isoformat()


def week_value(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def weekend_value(d: date) -> str:
    """The weekend containing or following ``d`` (its Saturday's ISO week)."""
    sat = d + timedelta(days=(5 - d.weekday()) % 7) if d.weekday() < 5 else d
    return week_value(sat) + "-WE"


def shift_month(year: int, month: int, k: int) -> tuple[int, int]:
    n = year * 12 + (month - 1) + k
    return n // 12, n % 12 + 1


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def weekday_from(dct: date, weekday: int, direction: str) -> date:
    """The date of ISO ``weekday`` nearest ``dct`` in ``direction``.

    past/future include ``dct`` itself ("sagte am Freitag" in a Friday paper is that Friday);
    strict_past/strict_future ("vergangenen Freitag", "kommenden Freitag") do not.
    """
    delta = weekday - dct.isoweekday()
    if direction == "past":
        return dct + timedelta(days=delta if delta <= 0 else delta - 7)
    if direction == "strict_past":
        return dct + timedelta(days=delta if delta < 0 else delta - 7)
    if direction == "strict_future":
        return dct + timedelta(days=delta if delta > 0 else delta + 7)
    return dct + timedelta(days=delta if delta >= 0 else delta + 7)


def choose_year(dct: date, month: int, day: int | None, direction: str | None) -> int:
    """The year of a month (and day) given without one, seen from ``dct``.

    past: the latest such date not after dct; future: the earliest not before; otherwise the
    nearest one.
    """
    def key(y: int) -> date:
        return safe_date(y, month, day or 1) or date(y, month, 28)

    here = (dct.year, dct.month, day or dct.day) if day else (dct.year, dct.month, 1)
    ref = safe_date(*here) or dct
    cands = [dct.year - 1, dct.year, dct.year + 1]
    reach = 300 if day else 335  # a tense that points further away is more likely misread

    def near(y: int) -> bool:
        return abs((key(y) - ref).days) <= reach

    if direction == "past":
        ok = [y for y in cands if key(y) <= ref and near(y)]
        if ok:
            return max(ok)
    elif direction == "future":
        ok = [y for y in cands if key(y) >= ref and near(y)]
        if ok:
            return min(ok)
    return min(cands, key=lambda y: (abs((key(y) - ref).days), -y))
