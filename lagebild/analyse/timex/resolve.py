"""From a pattern match to a TIMEX3 value and type, against the DCT and the text's last dates."""
from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from lagebild.analyse.numwords import parse_number, parse_word
from lagebild.analyse.timex import calendar as cal
from lagebild.analyse.timex.lexicon import lexicon, rel_adj_offset, words
from lagebild.analyse.timex.state import State

Result = tuple[str, str] | None  # (value, type)
Handler = Callable[[re.Match[str], State, int, int | None], Result]

_QUARTER_ORD = {"erste": 1, "zweite": 2, "dritte": 3, "vierte": 4, "1.": 1, "2.": 2, "3.": 3, "4.": 4}
_ORDINAL_STEMS = {"erst": 1, "dritt": 3, "siebt": 7, "acht": 8}
_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 1}


def fmt_num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def duration(n: float | None, unit: str, clock: bool) -> str:
    """P3D, PT2H, P10Y (a decade), PXY (an unknown number of years)."""
    if unit in ("DE", "CE", "ML") and n is not None:
        n, unit = n * {"DE": 10, "CE": 100, "ML": 1000}[unit], "Y"
    if n is not None and not float(n).is_integer() and not clock and unit in ("Y", "M", "W", "D"):
        smaller = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24)}[unit]
        if float(n * smaller[1]).is_integer():
            n, unit, clock = n * smaller[1], smaller[0], unit == "D"
    num = "X" if n is None else fmt_num(n)
    return ("PT" if clock else "P") + num + unit


def direction(st: State, pos: int, default: str | None = None) -> str | None:
    """Past or future for an expression at ``pos``: after "seit" always the past (what has
    lasted since then began before the article: "seit Ende April ... erschüttert wird"), else
    the tense of its clause."""
    if st.word_before(pos).lower() == "seit":
        return "past"
    return st.tense(pos) or default


def _day_shift(st: State, k: int, pos: int) -> date | None:
    base = st.ref_day if st.ref_day is not None else st.dct
    return base + timedelta(days=k) if base else None


# --------------------------------------------------------------------------- calendar dates

def _year_for(st: State, m: re.Match[str], pos: int, month: int, day: int | None) -> int | None:
    g = m.groupdict()
    if g.get("y"):
        return int(g["y"])
    if g.get("y2"):
        y2 = int(g["y2"])
        return 2000 + y2 if st.dct and 2000 + y2 <= st.dct.year + 10 else 1900 + y2
    if g.get("ryadj") and st.dct:
        off = rel_adj_offset(g["ryadj"])
        return st.dct.year + (int(off) if off and off[0] in "+-0" else 0)
    recent = st.recent_year(pos)
    if recent is not None:
        return recent
    if st.dct is None:
        return None
    return cal.choose_year(st.dct, month, day, direction(st, pos))


def date_full(m: re.Match[str], st: State, pos: int, day: int | None) -> Result:
    g = m.groupdict()
    lex = lexicon()
    mon = g["m"].rstrip(".")
    month = int(mon) if mon.isdigit() else lex.months.get(mon, 0)
    d = day if day is not None else int(g["d"])
    if not 1 <= month <= 12 or not 1 <= d <= 31:
        return None
    year = _year_for(st, m, pos, month, d)
    if year is None:
        return f"XXXX-{month:02d}-{d:02d}", "DATE"
    dt = cal.safe_date(year, month, d)
    if dt is None:
        return None
    st.note_day(dt, pos, listed=bool(g.get("list")) or day is not None)
    if g.get("y"):
        st.note_year(year, pos)
    return dt.isoformat(), "DATE"


def month_year(m: re.Match[str], st: State, pos: int, _: int | None) -> Result:
    month = lexicon().months[m.group("m").rstrip(".")]
    year = _year_for(st, m, pos, month, None)
    if year is None:
        return None
    if m.group("y"):
        st.note_year(year, pos)
    return cal.month_value(year, month), "DATE"


def month(m: re.Match[str], st: State, pos: int, _: int | None) -> Result:
    mon = lexicon().months[m.group("m")]
    adj = m.group("adj")
    if adj and st.dct:
        off = rel_adj_offset(adj)
        y = st.dct.year
        if off and off.startswith("-"):
            y = y if mon < st.dct.month else y - 1
        elif off and off.startswith("+"):
            y = y if mon > st.dct.month else y + 1
        return cal.month_value(y, mon), "DATE"
    year = _year_for(st, m, pos, mon, None)
    return (cal.month_value(year, mon) if year else f"XXXX-{mon:02d}"), "DATE"


def year(m: re.Match[str], st: State, pos: int, _: int | None) -> Result:
    y = int(m.group("y"))
    st.note_year(y, pos)
    return str(y), "DATE"


def pos_unit(m: re.Match[str], st: State, pos: int, _: int | None) -> Result:
    if st.dct is None:
        return None
    off = rel_adj_offset(m.group("adj") or "") or "0"
    k = int(off) if off[0] in "+-0" else 0
    unit = m.group("u")
    if unit.startswith("Jahr") and not unit.startswith("Jahrz"):
        base = st.recent_year(pos) if k == 0 else None
        return str((base or st.dct.year) + k), "DATE"
    if unit == "Monats":
        return cal.month_value(*cal.shift_month(st.dct.year, st.dct.month, k)), "DATE"
    if unit == "Woche":
        return cal.week_value(st.dct + timedelta(weeks=k)), "DATE"
    return str(st.dct.year // 10 + k), "DATE"


def year_part(m: re.Match[str], st: State, pos: int, _: int | None) -> Result:
    """"zum Jahresende", "Monatsanfang": the current year or month."""
    if st.dct is None:
        return None
    u = m.group("u")
    if u == "Jahres":
        return str(st.recent_year(pos) or st.dct.year), "DATE"
    return cal.month_value(st.dct.year, st.dct.month), "DATE"


def decade(m: re.Match[str], st: State, pos: int, _: int | None) -> Result:
    g = m.groupdict()
    if g["dw"]:
        from lagebild.analyse.timex.grammar import DECADES
        return "19" + str(DECADES.index(g["dw"].lower()) + 2), "DATE"
    dd = g["dd"]
    if g["c"]:
        return g["c"] + dd, "DATE"
    now = st.dct.year if st.dct else 2000
    return ("20" if 2000 + int(dd) * 10 <= now else "19") + dd, "DATE"


def century(m: re.Match[str], st: State, pos: int, _: int | None) -> Result:
    if m.group("n"):
        n = int(m.group("n"))
    else:
        stem = m.group("nw")
        value = _ORDINAL_STEMS.get(stem) or parse_word(stem.removesuffix("s").removesuffix("t")) or \
            parse_word(stem.removesuffix("st"))
        if not value:
            return None
        n = int(value)
    return (f"{n - 1:02d}", "DATE") if 1 <= n <= 21 else None


def season(m: re.Match[str], st: State, pos: int, _: int | None) -> Result:
    code, _start = lexicon().seasons[m.group("s")]
    g = m.groupdict()
    if g["y"]:
        st.note_year(int(g["y"]), pos)
        return f"{g['y']}-{code}", "DATE"
    if st.dct is None:
        return f"XXXX-{code}", "DATE"
    first = _SEASON_MONTH[code]
    off = rel_adj_offset(g["adj"] or "")
    y = st.recent_year(pos) or st.dct.year
    cur = st.dct.month
    started = cur >= first if code != "WI" else True
    if off and off.startswith("-"):
        y = st.dct.year if started and cur >= first + 3 else st.dct.year - 1
    elif off and off.startswith("+"):
        y = st.dct.year if cur < first else st.dct.year + 1
    elif not (g["det"] or "").lower().startswith("dies") and st.recent_year(pos) is None:
        tense = direction(st, pos)
        if tense == "past" and cur < first:
            y = st.dct.year - 1
        elif tense == "future" and code != "WI" and cur >= first + 3:
            y = st.dct.year + 1
    return f"{y}-{code}", "DATE"


def part_year(m: re.Match[str], st: State, pos: int, _: int | None) -> Result:
    g = m.groupdict()
    half = "halb" in g["u"].lower() or "hälfte" in g["u"].lower()
    n = _QUARTER_ORD.get(g["ord"].removesuffix("n"), 2 if half else 4)
    letter = "H" if half else "Q"
    if g["y"]:
        st.note_year(int(g["y"]), pos)
        return f"{g['y']}-{letter}{n}", "DATE"
    if st.dct is None:
        return f"XXXX-{letter}{n}", "DATE"
    y = st.recent_year(pos) or st.dct.year
    if g["ryadj"]:
        off = rel_adj_offset(g["ryadj"]) or "0"
        y = st.dct.year + (int(off) if off[0] in "+-0" else 0)
    else:
        now = (st.dct.month - 1) // (6 if half else 3) + 1
        if n > now and direction(st, pos) == "past" and st.recent_year(pos) is None:
            y -= 1
    return f"{y}-{letter}{n}", "DATE"


def holiday(m: re.Match[str], st: State, pos: int, _: int | None) -> Result:
    name = m.group("h")
    rule = next((r for rx, r in lexicon().holidays if rx.fullmatch(name)), None)
    if rule is None:
        return None

    def on(y: int) -> date | None:
        if rule.startswith("E"):
            return cal.easter(y) + timedelta(days=int(rule[1:]))
        mm, dd = rule.split("-")
        return cal.safe_date(y, int(mm), int(dd))

    if m.group("y"):
        d = on(int(m.group("y")))
    elif st.dct is None:
        return ("XXXX-" + rule if not rule.startswith("E") else "XXXX-XX-XX"), "DATE"
    else:
        tense = direction(st, pos, "future")  # "Zu Weihnachten kommen die Kinder"
        cands = [x for x in (on(st.dct.year - 1), on(st.dct.year), on(st.dct.year + 1)) if x]
        dct = st.dct
        if tense == "past":
            d = max((x for x in cands if x <= dct), default=None)
        elif tense == "future":
            d = min((x for x in cands if x >= dct), default=None)
        else:
            d = min(cands, key=lambda x: abs((x - dct).days))
    if d is None:
        return None
    st.note_day(d, pos)
    return d.isoformat(), "DATE"


def fuzzy(m: re.Match[str], st: State, pos: int, _: int | None) -> Result:
    for i, (_before, _phrase, value, _adj) in enumerate(lexicon().fuzzy):
        if m.group(f"f{i}"):
            return value, "DATE"
    return None


def parse_count(word: str | None) -> float | None:
    """A number in a time expression; None for vague ones ("mehrere")."""
    if not word:
        return None
    w = word.lower()
    if w in words("vague"):
        return None
    if w == "beiden":
        return 2.0
    return parse_number(word)
