"""Figures: numbers as the text claims them, with what they count and how sure the text is.

"bis zu 4,8 Millionen Granaten" becomes value 4800000, unit "Granaten", qualifier "bis zu".
One compiled regex proposes number expressions (German notation, number words, scales,
fractions, vague plurals such as "Hunderte"); checks drop what is not a claimed quantity:
numbers inside time expressions (dates, years, clock times, durations are timexes), ordinals
("3. Liga"), list numbering, and labels ("Artikel 5", "Boeing 737").

``claimed_by`` needs the quotes, which are found after this component: the quotes component
calls ``attribute_figures(doc.figures, doc.quotes)`` to fill it.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import replace
from functools import cache
from typing import Any

from lagebild.analyse.alternation import either_case, trie
from lagebild.analyse.de import table, word_list, word_set
from lagebild.analyse.ner.lexicon import lexicon_class
from lagebild.analyse.numwords import number_word_pattern, parse_digits, parse_word
from lagebild.analyse.pipeline import component
from lagebild.analyse.wordcache import word_cache
from lagebild.model import Analysis, Figure, Quote, Timex

__all__ = ["attribute_figures", "figures_component", "find_figures"]

_ENDINGS = r"(?:e|en|er|es|em)"
_S = r"[^\S\n]"  # a space that is not a line break: figures do not run across lines
_RANGE_RE = re.compile(r"\s*(?:bis|-|–|und|oder)\s*")
_RANGE_NEXT_RE = re.compile(r"\s*(?:bis|-|–|und|oder)\s*\d")
_ORDINAL_NEXT_RE = re.compile(r"\.(?:\s+[a-zäöüß]|[^\W\d_])")
_ORDINAL_NOUN_RE = re.compile(r"\.\s+[A-ZÄÖÜ]")


@cache
def _function_words() -> dict[str, str]:
    return {w: fields[0] for w, fields in table("function_words.tsv").items()}


def _is_determiner(word: str) -> bool:
    return _function_words().get(word.lower()) == "determiner"


@cache
def _scales() -> dict[str, tuple[str, float]]:
    return {k: (v[0], float(v[1])) for k, v in table("figure_scales.tsv").items()}


@cache
def _units() -> dict[str, str]:
    return {k: v[0] for k, v in table("figure_units.tsv").items()}


@cache
def _blockers() -> frozenset[str]:
    return word_set("figure_blockers.txt")


@cache
def _regex() -> re.Pattern[str]:
    scales = _scales()
    # word lists as tries (alternation.py): this regex runs at every word start near a number
    scale = trie(k for k, (kind, _) in scales.items() if kind == "scale")
    vague = trie(either_case(k for k, (kind, _) in scales.items() if kind == "vague"))
    fraction = trie(k for k, (kind, _) in scales.items() if kind == "fraction" and k != "Hälfte")
    numword = f"(?i:{number_word_pattern()})"
    qualifier = trie(either_case(word_list("figure_qualifiers.txt")), space=r"\s+")
    digits = (rf"\d{{1,3}}(?:\.\d{{3}})+(?:,\d+)?(?!\d)|\d{{1,3}}(?:\s\d{{3}})+(?![\d.,])|\d+,\d+"
              rf"|\d+\.\d{{1,2}}(?=\s+{scale})|\d+")
    unit_abbr = trie(_units())
    return re.compile(
        rf"(?<![\w.,:/-])(?:(?P<q>{qualifier})\s+)?"
        rf"(?:(?P<fn>{numword}|\d+){_S}+(?P<frac>{fraction})"
        rf"|(?P<half>[dD]ie{_S}+Hälfte)"
        rf"|(?P<vague>{vague})(?:{_S}+(?P<vscale>{scale}))?"
        rf"|(?P<num>{digits}|{numword})(?:{_S}+(?P<scale>{scale}))?)"
        rf"(?![\w]|[.,:/]\d|-[^\W\d_])"
        rf"(?:,[-–](?={_S}*(?:[€$£]|Euro|EUR|Dollar|Franken)))?"  # a price: "1500,- €"
        rf"(?:{_S}*(?P<pct>%|Prozentpunkte[n]?|Prozent)(?!\w))?"
        rf"(?:{_S}*(?P<sym>[€$£%])|{_S}+(?:[a-zäöüß]{{3,}}{_ENDINGS}{_S}+){{0,2}}"
        rf"(?P<unit>[A-ZÄÖÜ][\w-]*[^\W\d_]|{unit_abbr})(?![\w²/]))?"
        rf"(?:{_S}+(?:der|des){_S}+"
        rf"(?P<gen>[A-ZÄÖÜ]\w+))?")


_WORD_RE = re.compile(r"\w+")
#: how far a figure reaches before (qualifier) and after (scale, adjectives, unit) its number
_BEFORE, _AFTER = 40, 90


@cache
def _scale_words() -> frozenset[str]:
    return frozenset(k.lower() for k in _scales())


_DIGIT = re.compile(r"\d")


@word_cache
def _is_anchor(word: str) -> bool:
    """Can ``word`` be the number of a figure? Checked per distinct word, so cheap."""
    if _DIGIT.search(word):
        return True
    low = word.lower()
    return low in _scale_words() or low.startswith("zig") or parse_word(low) is not None


def _windows(text: str) -> list[tuple[int, int]]:
    """Merged stretches around possible numbers: the full regex only runs there."""
    out: list[tuple[int, int]] = []
    for m in _WORD_RE.finditer(text):
        if _is_anchor(m.group()):
            s, e = max(0, m.start() - _BEFORE), min(len(text), m.end() + _AFTER)
            if out and s <= out[-1][1]:
                out[-1] = (out[-1][0], e)
            else:
                out.append((s, e))
    return out


def _value(g: dict[str, Any]) -> float | None:
    """The number a match stands for (``g``: its groups)."""
    scales = _scales()
    base: float | None
    if g["half"]:
        return 0.5
    if g["frac"]:
        n = g["fn"]
        base = float(n) if n.isdigit() else parse_word(n)
        return None if base is None else base * scales[g["frac"]][1]
    if g["vague"]:
        key = next((k for k in scales if k.lower() == g["vague"].lower()), None)
        base = scales[key][1] if key else None
        vs = g["vscale"]
        return None if base is None else base * (scales[vs][1] if vs else 1.0)
    num = g["num"]
    if num[:1].isdigit():
        # "4.8 Millionen" (an English decimal point) or German notation
        base = float(num) if re.fullmatch(r"\d+\.\d{1,2}", num) else parse_digits(re.sub(r"\s", "", num))
    else:
        base = parse_word(num)
    if base is None:
        return None
    sc = g["scale"]
    return base * (scales[sc][1] if sc else 1.0)


def _word_before(text: str, pos: int) -> str:
    j = pos
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    i = j
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    return text[i:j]


def _name_like(word: str) -> bool:
    """A capitalised word the dictionary does not know (a name, not a noun)."""
    return word[:1].isupper() and word.isalpha() and lexicon_class(word) == "unknown"


def _is_label_or_ordinal(m: re.Match[str], text: str, start: int, end_num: int, has_unit: bool) -> bool:
    num = m.group("num")
    if not num or not num[:1].isdigit():
        return False
    prev = _word_before(text, start)
    if prev in _blockers() or prev.rstrip(":") in _blockers():
        return True
    line_start = text.rfind("\n", 0, start) + 1
    if not text[line_start:start].strip() and text[end_num:end_num + 1] in (".", ")"):
        return True  # list numbering
    if _ORDINAL_NEXT_RE.match(text, end_num):
        return True  # "3. Liga", "zum 5. Mal"
    if _ORDINAL_NOUN_RE.match(text, end_num) and (_is_determiner(prev) or prev[-1:] in ";:,(–-"):
        return True  # "der 300. Besucher", rankings "...; 2. Moritz"
    if len(num) > 2 and num[0] == "0":
        return True  # phone numbers, codes
    if not has_unit and len(num) <= 3 and text[start - 1:start] == "(" and text[end_num:end_num + 1] == ")" \
            and _name_like(_word_before(text, start - 1)):
        return True  # an age after a name: "Stefan Ziemendorff (32)", not "Tote (32)"
    if not has_unit and prev[:1].isupper() and prev.isalpha() and not _is_determiner(prev) \
            and not _RANGE_NEXT_RE.match(text, end_num):
        before = text[:start].rstrip()[:-len(prev)].rstrip()
        return bool(before) and before[-1] not in ".!?:\"„“»«("  # "Boeing 737", not "Zwischen 5 und 7"
    return False


def find_figures(text: str, timexes: Iterable[Timex] = ()) -> list[Figure]:
    """The figures of ``text``; numbers inside ``timexes`` are left to them."""
    spans = sorted((t.start, t.end) for t in timexes)
    starts = [s for s, _ in spans]
    found: list[tuple[Figure, float]] = []
    weak_at: set[int] = set()
    last = -1
    for w_start, w_end in _windows(text):
        for m in _regex().finditer(text, w_start, w_end):
            if m.start() >= last:
                last = m.end()
                _add(m, text, spans, starts, found, weak_at)
    return [f for f in _share_units(found, text) if f.start not in weak_at or f.unit]


def _add(m: re.Match[str], text: str, spans: list[tuple[int, int]], starts: list[int],
         found: list[tuple[Figure, float]], weak_at: set[int]) -> None:
    """Check one match and append its figure (with its scale) to ``found``."""
    g = m.groupdict()  # one call instead of dozens of m.group()
    core = next(k for k in ("fn", "half", "vague", "num") if g[k])
    start = m.start(core)
    end_num = m.end(core)
    i = bisect.bisect_right(starts, start) - 1
    if (i >= 0 and spans[i][1] > start) or (i + 1 < len(spans) and spans[i + 1][0] < end_num):
        return
    unit = ""
    end = m.end("scale") if g["scale"] else m.end("vscale") if g["vscale"] else m.end(core)
    if g["frac"]:
        end = m.end("frac")
    if g["pct"]:
        unit, end = "Prozent" if g["pct"] == "%" else g["pct"], m.end("pct")
    elif g["sym"]:
        unit, end = _units()[g["sym"]], m.end("sym")
    elif g["unit"] and g["unit"].lower() not in _function_words():
        unit, end = _units().get(g["unit"], g["unit"]), m.end("unit")
    elif g["gen"] and (g["frac"] or g["half"]):
        unit, end = g["gen"], m.end("gen")
    num = g["num"]
    weak = False
    if num and not num[:1].isdigit():
        low = num.lower()
        if low.startswith("ein") and low not in ("einhundert", "eintausend") and not g["scale"]:
            return  # "ein", "eine": articles
        weak = not (unit or g["scale"])  # "die zwei": kept only as the start of a range
    if _is_label_or_ordinal(m, text, start, end_num, bool(unit or g["scale"])):
        return
    value = _value(g)
    if value is None:
        return
    qualifier = " ".join((g["q"] or "").lower().split())
    if g["vague"] and not qualifier:
        qualifier = "mehrere"
    sc = g["scale"] or g["vscale"]
    found.append((Figure(text[start:end], start, end, value, unit, qualifier),
                  _scales()[sc][1] if sc else 1.0))
    if weak:
        weak_at.add(start)


def _share_units(found: list[tuple[Figure, float]], text: str) -> list[Figure]:
    """"zwei bis drei Millionen Euro": a bare first number takes the scale and unit of the second."""
    out = [f for f, _ in found]
    for i in range(len(found) - 1):
        (a, a_scale), (b, b_scale) = found[i], found[i + 1]
        if a.unit or a_scale != 1.0 or not _RANGE_RE.fullmatch(text[a.end:b.start]):
            continue
        if b.unit or b_scale != 1.0:
            out[i] = replace(a, value=a.value * b_scale, unit=b.unit)
    return out


def attribute_figures(figures: Iterable[Figure], quotes: Iterable[Quote]) -> tuple[Figure, ...]:
    """Set ``claimed_by`` to the speaker's entity id for figures inside attributed speech.

    A figure is claimed by a quote when it lies within the quote's span (or one of its
    ``spans``) and the quote's speaker is resolved to an entity. Call it from the quotes
    component once quotes exist: ``replace(doc, figures=attribute_figures(doc.figures, quotes))``.
    """
    pieces: list[tuple[int, int, str]] = []
    for q in quotes:
        entity = q.speaker.entity if q.speaker else None
        if not entity:
            continue
        for s, e in (q.spans or ((q.start, q.end),)):
            pieces.append((s, e, entity))
    out = []
    for f in figures:
        who = next((ent for s, e, ent in pieces if s <= f.start and f.end <= e), "")
        out.append(replace(f, claimed_by=who) if who and who != f.claimed_by else f)
    return tuple(out)


@component("figures", requires=("text", "timexes"), assigns=("figures",))
def figures_component(doc: Analysis) -> Analysis:
    """Declares ``timexes`` as input so the tagger runs once: numbers inside time expressions
    are the timexes' (before, a text without any timex ran the tagger a second time)."""
    figures = find_figures(doc.text, doc.timexes)
    if doc.quotes:
        return replace(doc, figures=attribute_figures(figures, doc.quotes))
    return replace(doc, figures=tuple(figures))
