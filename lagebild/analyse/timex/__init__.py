"""German temporal tagger: dates, times, durations and sets as TIMEX3, by rules and word lists.

Why rules: no German temporal model can be installed, and HeidelTime-style rules are the
state of the art for German news anyway. The grammar (``grammar``) proposes candidates, the
checks (``checks``) drop false ones, overlaps go to the longest, and the resolvers
(``resolve``, ``relative``) compute values in text order against the publication date and the
dates the text last mentioned, with the direction of "am Freitag" taken from the verb tense.
Span conventions follow KRAUTS/TimeML: prepositions are left out ("am [Freitag]").
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from lagebild.analyse.pipeline import component
from lagebild.analyse.timex import relative as rel
from lagebild.analyse.timex import resolve as res
from lagebild.analyse.timex.calendar import parse_dct
from lagebild.analyse.timex.checks import valid
from lagebild.analyse.timex.grammar import patterns, windows
from lagebild.analyse.timex.state import State
from lagebild.analyse.tokens import sentence_spans
from lagebild.model import Analysis, Timex

__all__ = ["find_timexes", "timex_component"]

_DAY_RE = re.compile(r"\d{4}-\d\d-\d\d")

HANDLERS: dict[str, res.Handler] = {
    "date_iso": res.date_full, "date_num": res.date_full, "date_dm": res.date_full,
    "month_year": res.month_year, "month": res.month, "year_noun": res.year, "pos_year": res.year,
    "pos_unit": res.pos_unit, "year": res.year, "decade": res.decade, "century": res.century,
    "season": res.season, "part_year": res.part_year, "relword": rel.relword, "reladj": rel.reladj,
    "relday": rel.relday, "weekday": rel.weekday, "weekend": rel.weekend, "unit": rel.unit,
    "adj_duration": rel.adj_duration, "set_every": rel.set_every, "set_adv": rel.set_adv,
    "set_wd": rel.set_wd, "set_per": rel.set_per, "time_uhr": rel.clock, "time_first": rel.clock,
    "time_um": rel.clock, "daypart": rel.daypart, "midnight": rel.midnight, "fuzzy": res.fuzzy,
    "year_part": res.year_part, "holiday": res.holiday, "dur_first": rel.unit, "these_times": rel.these_times,
}


@dataclass
class _Cand:
    start: int
    end: int
    prio: int
    name: str
    match: object
    parts: list[tuple[int, int, int | None]]  # (start, end, day override) of each expression


def _span(m: object, text: str) -> tuple[int, int]:
    assert isinstance(m, re.Match)
    start, end = m.span()
    for key, val in m.groupdict().items():
        if key.startswith("pre") and val:
            start = max(start, m.end(key))
    while start < end and text[start].isspace():
        start += 1
    return start, end


def _candidates(text: str, st: State) -> list[_Cand]:
    out: list[_Cand] = []
    spans = windows(text)
    for prio, (name, rx) in enumerate(patterns()):
        seen = -1
        for w_start, w_end in spans.get(name, ()):
            for m in rx.finditer(text, w_start, w_end):
                if m.start() < seen:
                    continue
                seen = m.end()
                out.extend(_expand(name, m, prio, st, text))
    return out


def _expand(name: str, m: re.Match[str], prio: int, st: State, text: str) -> list[_Cand]:
    """The candidate of a match (a list of days gives one per day), or none when it is no timex."""
    start, end = _span(m, text)
    if start >= end or not valid(name, m, st, start):
        return []
    parts: list[tuple[int, int, int | None]] = [(start, end, None)]
    if name == "date_dm" and m.group("list"):
        parts = [(m.start("list") + d.start(), m.start("list") + d.end(), int(d.group()))
                 for d in re.finditer(r"\d+", m.group("list"))]
        parts.append((m.start("d"), end, None))
        if m.group("wd"):
            parts[0] = (start, parts[0][1], parts[0][2])
    return [_Cand(start, end, prio, name, m, parts)]


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Non-overlapping candidates, longest first (earlier pattern wins a tie)."""
    cands.sort(key=lambda c: (-(c.end - c.start), c.prio, c.start))
    starts: list[int] = []
    ends: list[int] = []
    chosen: list[_Cand] = []
    for c in cands:
        i = bisect.bisect_left(starts, c.start)
        if i > 0 and ends[i - 1] > c.start:
            continue
        if i < len(starts) and starts[i] < c.end:
            continue
        starts.insert(i, c.start)
        ends.insert(i, c.end)
        chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen


def find_timexes(text: str, published: str | None,
                 sentences: list[tuple[int, int]] | None = None) -> list[Timex]:
    """The time expressions of ``text``, resolved against the ISO date ``published``."""
    st = State(text, parse_dct(published), sentences if sentences else sentence_spans(text))
    out: list[Timex] = []
    for c in _select(_candidates(text, st)):
        assert isinstance(c.match, re.Match)
        handler = HANDLERS[c.name]
        for start, end, day in c.parts:
            result = handler(c.match, st, start, day)
            if result is None:
                continue
            value, kind = result
            out.append(Timex(text[start:end], start, end, value, kind))
    return _generic_today(out, st)


def _generic_today(timexes: list[Timex], st: State) -> list[Timex]:
    """"heute" in a text that names no other day is mostly "nowadays" ("ist heute vor allem"),
    unless a past tense makes it an event of the day ("sagte heute")."""
    if st.dct is None:
        return timexes
    today = st.dct.isoformat()
    days = [t for t in timexes if _DAY_RE.match(t.value) and not (t.text.lower() == "heute" and t.value == today)]
    if days:
        return timexes
    return [replace(t, value="PRESENT_REF") if t.text.lower() == "heute" and t.value == today
            and st.tense(t.start) != "past" else t for t in timexes]


@component("timex", requires=("text",), assigns=("timexes",))
def timex_component(doc: Analysis) -> Analysis:
    return replace(doc, timexes=tuple(find_timexes(doc.text, doc.article.published, list(doc.sentences))))
