"""Handlers for relative days, weekdays, units of time, sets and clock times."""
from __future__ import annotations

import re
from datetime import date, timedelta

from lagebild.analyse.numwords import parse_word
from lagebild.analyse.timex import calendar as cal
from lagebild.analyse.timex.lexicon import lexicon, rel_adj_offset, words
from lagebild.analyse.timex.resolve import Result, direction, duration, parse_count
from lagebild.analyse.timex.state import State

_SET_UNIT = {"Tag": "P1D", "Woche": "P1W", "Monat": "P1M", "Jahr": "P1Y", "Stunde": "PT1H",
             "Minute": "PT1M", "Wochenende": "P1WE"}


def _pod_code(word: str | None) -> str | None:
    if not word:
        return None
    if word.lower() == "früh":
        return "MO"
    for name, (code, _h) in lexicon().dayparts.items():
        if word.lower() == name.lower():
            return code
    return None


def _with_pod(d: date | None, pod: str | None, fallback: str) -> Result:
    if d is None:
        return (fallback, "DATE") if not pod else (f"XXXX-XX-XXT{pod}", "TIME")
    return (f"{d.isoformat()}T{pod}", "TIME") if pod else (d.isoformat(), "DATE")


def relword(m: re.Match[str], st: State, pos: int, _: int | None) -> Result:
    w = m.group("w").lower()
    pod = _pod_code(m.group("pod"))
    if w == "heuer":
        return (str(st.dct.year) if st.dct else "PRESENT_REF"), "DATE"
    k = int(words("day_word")[w])
    if w == "heute" and not pod and (st.word_before(pos) in words("generic_today_before")
                                     or st.word_after(m.end()) in words("generic_today_after")):
        return "PRESENT_REF", "DATE"
    d = st.dct + timedelta(days=k) if st.dct else None
    if d:
        st.note_day(d, pos)
    return _with_pod(d, pod, "PRESENT_REF" if k == 0 else "PAST_REF" if k < 0 else "FUTURE_REF")


def reladj(m: re.Match[str], st: State, pos: int, _: int | None) -> Result:
    k = int(words("day_adjective")[m.group("aw").lower()])
    noun = m.group("noun")
    if k == 0 and not noun:
        return "PRESENT_REF", "DATE"
    d = st.dct + timedelta(days=k) if st.dct else None
    return _with_pod(d, _pod_code(noun), "PRESENT_REF")


def relday(m: re.Match[str], st: State, pos: int, _: int | None) -> Result:
    w = " ".join(m.group("w").split())
    low = w.lower()
    if low.startswith(("vorjahr", "folgejahr")):
        base = st.recent_year(pos) or (st.dct.year if st.dct else None)
        if base is None:
            return None
        return str(base + (-1 if low.startswith("vor") else 1)), "DATE"
    if st.dct is None:
        return None
    if low.startswith(("vormonat", "folgemonat")):
        return cal.month_value(*cal.shift_month(st.dct.year, st.dct.month, -1 if low[0] == "v" else 1)), "DATE"
    if low in ("vorwoche", "folgewoche"):
        return cal.week_value(st.dct + timedelta(weeks=-1 if low[0] == "v" else 1)), "DATE"
    if low.startswith(("vortag", "vorabend")) or low.endswith(("zuvor", "davor", "vorher")):
        k = -1
    elif low.startswith(("selben", "gleichen")):
        k = 0
    else:
        k = 1
    d = _day_shift(st, k)
    if d is None:
        return None
    return (f"{d.isoformat()}TEV", "TIME") if low == "vorabend" else (d.isoformat(), "DATE")


def _day_shift(st: State, k: int) -> date | None:
    base = st.ref_day if st.ref_day is not None else st.dct
    return base + timedelta(days=k) if base else None


def weekday(m: re.Match[str], st: State, pos: int, _: int | None) -> Result:
    wd = lexicon().weekdays[m.group("wd")]
    pod = _pod_code(m.group("pod") or m.group("pod2"))
    if st.dct is None:
        return (f"XXXX-WXX-{wd}" + (f"T{pod}" if pod else "")), ("TIME" if pod else "DATE")
    off = rel_adj_offset(m.group("adj") or "")
    if m.group("wk"):  # "Freitag vergangener Woche"
        k = int(rel_adj_offset(m.group("wk")) or "0") if m.group("wk") != "dieser" else 0
        monday = st.dct - timedelta(days=st.dct.weekday()) + timedelta(weeks=k)
        d = monday + timedelta(days=wd - 1)
        st.note_day(d, pos)
        return _with_pod(d, pod, "")
    if off and off.startswith("-"):
        way = "strict_past"
    elif off and off.startswith("+"):
        way = "strict_future"
    else:
        way = direction(st, pos, "past") or "past"
        way = "past" if way == "past" else "future"
    d = cal.weekday_from(st.dct, wd, way)
    st.note_day(d, pos)
    return _with_pod(d, pod, "")


def weekend(m: re.Match[str], st: State, pos: int, _: int | None) -> Result:
    if st.dct is None:
        return "XXXX-WXX-WE", "DATE"
    off = rel_adj_offset(m.group("adj") or "")
    dct = st.dct
    if off and off.startswith("+"):
        way = "future"
    elif off and off.startswith("-"):
        way = "past"
    else:
        way = direction(st, pos, "past") or "past"
    if way == "past":
        sat = dct - timedelta(days=(dct.weekday() - 5) % 7) if dct.weekday() != 6 else dct - timedelta(days=1)
        if off and off.startswith("-") and dct.weekday() >= 5:
            sat -= timedelta(days=7)
    else:
        sat = dct + timedelta(days=(5 - dct.weekday()) % 7) if dct.weekday() != 6 else dct - timedelta(days=1)
        if off and off.startswith("+") and dct.weekday() >= 5:
            sat += timedelta(days=7)
    return cal.week_value(sat) + "-WE", "DATE"


def unit(m: re.Match[str], st: State, pos: int, _: int | None) -> Result:
    g: dict[str, str | None] = {"rel": None, "adj": None, "det": None, **m.groupdict()}
    u_word = m.group("u")
    code, clock = lexicon().units[u_word]
    singular = u_word in ("Sekunde", "Minute", "Stunde", "Tag", "Tages", "Woche", "Monat", "Monats", "Jahr",
                          "Jahres", "Jahrzehnt", "Jahrzehnts", "Jahrhundert", "Jahrhunderts", "Nacht",
                          "Jahrtausend", "Arbeitstag", "Werktag", "Wochenende")
    if g["n"]:
        n = parse_count(g["n"])
        if n is not None and (g.get("nadj") or "").startswith("halb"):
            n *= 0.5  # "einem halben Jahr"
        if n is None and (g["n"] or "").lower() not in words("vague"):
            return None
        rel = g["rel"]
        if rel in ("später", "danach", "zuvor", "davor", "vorher", "früher"):
            return _shifted(st, n, code, clock, rel)
        return duration(n, code, clock), "DURATION"
    off = rel_adj_offset(g["adj"] or "")
    det = (g["det"] or "").lower()
    if singular:
        if (g["adj"] or "").startswith("ganz"):
            return duration(1, code, clock), "DURATION"
        if off is None and det.startswith(("dies", "jen")):
            off = "=" if code == "D" else "0"
        if off is None:
            return None
        return _current_unit(st, pos, code, off, clock)
    if off is None and det.startswith(("dies", "jen")):
        return "PRESENT_REF", "DATE"
    if off and off.startswith("+"):
        return "FUTURE_REF", "DATE"
    return duration(None, code, clock), "DURATION"


def _current_unit(st: State, pos: int, code: str, off: str, clock: bool = False) -> Result:
    """"vergangene Woche", "im laufenden Jahr", "an diesem Tag"; None for clock units ("in letzter
    Minute") and for a "last day", which is the last day of something, not yesterday."""
    if st.dct is None or clock:
        return None
    if off == "=":
        if code == "Y" and st.ref_year:
            return str(st.ref_year), "DATE"
        off = "0"
    if code == "D":
        return ((st.ref_day or st.dct).isoformat(), "DATE") if off == "0" else None
    k = int(off)
    dct = st.dct
    if code == "Y":
        return str(dct.year + k), "DATE"
    if code == "M":
        return cal.month_value(*cal.shift_month(dct.year, dct.month, k)), "DATE"
    if code == "W":
        return cal.week_value(dct + timedelta(weeks=k)), "DATE"
    if code == "DE":
        return str(dct.year // 10 + k), "DATE"
    if code == "CE":
        return f"{dct.year // 100 + k:02d}", "DATE"
    return None


def _shifted(st: State, n: float | None, code: str, clock: bool, rel: str) -> Result:
    sign = 1 if rel in ("später", "danach") else -1
    if clock or n is None:
        return "XXXX-XX-XXTXX:XX" if clock else ("FUTURE_REF" if sign > 0 else "PAST_REF"), \
            "TIME" if clock else "DATE"
    base = st.ref_day or st.dct
    if base is None:
        return None
    k = int(n) * sign
    if code == "D":
        return (base + timedelta(days=k)).isoformat(), "DATE"
    if code == "W":
        return cal.week_value(base + timedelta(weeks=k)), "DATE"
    if code == "M":
        return cal.month_value(*cal.shift_month(base.year, base.month, k)), "DATE"
    if code in ("Y", "DE", "CE"):
        k *= {"Y": 1, "DE": 10, "CE": 100}[code]
        return str((st.ref_year or base.year) + k), "DATE"
    return None


def these_times(m: re.Match[str], st: State, pos: int, _: int | None) -> Result:
    return "PRESENT_REF", "DATE"


def adj_duration(m: re.Match[str], st: State, pos: int, _: int | None) -> Result:
    w = m.group("ad").lower()
    units = {"wöchig": "W", "tägig": "D", "monatig": "M", "stündig": "H", "minütig": "M", "jährig": "Y"}
    for suffix, code in units.items():
        if suffix in w:
            head = w.split(suffix)[0].rstrip("-")
            clock = suffix in ("stündig", "minütig")
            if head in ("lang", "mehr"):
                return duration(None, code, clock), "DURATION"
            n = float(head) if head.isdigit() else parse_word(head)
            return (duration(n, code, clock), "DURATION") if n else None
    stem = w.split("lang")[0]
    code = {"jahre": "Y", "monate": "M", "wochen": "W", "tage": "D", "stunden": "H", "jahrzehnte": "DE"}[stem]
    return duration(None, code, code == "H"), "DURATION"


def set_every(m: re.Match[str], st: State, pos: int, _: int | None) -> Result:
    st.set_sent = st.sentence_of(pos)
    u = m.group("u")
    lex = lexicon()
    pod = _pod_code(m.group("pod"))
    if u in lex.weekdays:
        return f"XXXX-WXX-{lex.weekdays[u]}" + (f"T{pod}" if pod else ""), "SET"
    if u in lex.seasons:
        return f"XXXX-{lex.seasons[u][0]}", "SET"
    code = _pod_code(u)
    if code:
        return f"XXXX-XX-XXT{code}", "SET"
    value = _SET_UNIT.get(u, "P1D")
    ordinal = m.group("ord")
    if ordinal and ordinal.startswith(("zweite", "dritte", "vierte")):
        value = value.replace("1", {"zweite": "2", "dritte": "3", "vierte": "4"}[ordinal.rstrip("n")])
    return value, "SET"


def set_adv(m: re.Match[str], st: State, pos: int, _: int | None) -> Result:
    st.set_sent = st.sentence_of(pos)
    w = m.group("adv").lower()
    table = words("set_adverb")
    for stem in sorted(table, key=len, reverse=True):
        if w.startswith(stem):
            return table[stem], "SET"
    return None


def set_wd(m: re.Match[str], st: State, pos: int, _: int | None) -> Result:
    st.set_sent = st.sentence_of(pos)
    wd = lexicon().weekdays[m.group("wds").capitalize()]
    pod = words("daypart_adverb").get(m.group("pods") or "")
    return f"XXXX-WXX-{wd}" + (f"T{pod}" if pod else ""), "SET"


def set_per(m: re.Match[str], st: State, pos: int, _: int | None) -> Result:
    st.set_sent = st.sentence_of(pos)
    u = m.group("u")
    code, clock = lexicon().units[u]
    n = parse_count(m.group("n")) if m.group("n") else 1.0
    return duration(n or 1.0, code, clock), "SET"


def clock(m: re.Match[str], st: State, pos: int, _: int | None) -> Result:
    hw = m.groupdict().get("hw")
    h = int(parse_word(hw) or 0) if hw else int(m.group("h"))
    mi = int(m.group("mi") or 0)
    pod = m.groupdict().get("pod")
    if (pod in ("nachmittags", "abends") and h < 12) or (pod == "nachts" and 7 <= h < 12):
        h += 12
    if h > 24 or (h == 24 and mi):
        return None
    hm = f"T{h:02d}:{mi:02d}"
    sent = st.sentence_of(pos)
    if st.set_sent == sent or (st.ref_day_list and sent - st.ref_day_sent <= 1):
        return hm, "TIME"
    d = st.anchor_day(pos)
    return (f"{d.isoformat()}{hm}" if d else hm), "TIME"


def daypart(m: re.Match[str], st: State, pos: int, _: int | None) -> Result:
    code = _pod_code(m.group("pod"))
    if m.group("d"):
        from lagebild.analyse.timex.resolve import date_full
        r = date_full(m, st, pos, None)
        return (f"{r[0]}T{code}", "TIME") if r else None
    d = st.anchor_day(pos)
    if d is None:
        return f"XXXX-XX-XXT{code}", "TIME"
    return f"{d.isoformat()}T{code}", "TIME"


def midnight(m: re.Match[str], st: State, pos: int, _: int | None) -> Result:
    d = st.anchor_day(pos)
    return (f"{d.isoformat()}T24:00" if d else "T24:00"), "TIME"
