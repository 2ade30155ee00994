"""The regular expressions of the timex grammar, compiled once per process.

Each pattern has a name that selects its handler in ``resolve``. Prepositions are never part
of an expression (KRAUTS/TimeML convention: "am [Freitag]", "im [Jahr 2019]"); when a pattern
needs one as a trigger it captures it in the group ``pre``, which the span leaves out.
Determiners and adjectives are part of it ("[den vergangenen Tagen]").
"""
from __future__ import annotations

import re
from functools import cache

from lagebild.analyse.alternation import either_case, trie
from lagebild.analyse.numwords import number_word_pattern
from lagebild.analyse.timex.lexicon import DEMONSTRATIVE, POSITIONS, alt, ci, ci_alt, lexicon, words
from lagebild.analyse.wordcache import word_cache

ENDINGS = r"(?:e|en|er|em|es)"
UNIT_PREPOSITIONS = ("seit", "über", "vor", "nach", "für", "binnen", "innerhalb")
DECADES = ("zwanziger", "dreißiger", "vierziger", "fünfziger", "sechziger", "siebziger", "achtziger", "neunziger")
HOURS = ("ein", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf")
YEAR = r"(?:1\d|20)\d{2}(?!\d)"
B = r"(?<!\w)"
E = r"(?!\w)"



@cache
def fragments() -> dict[str, str]:
    lex = lexicon()
    abbr = [m for m in lex.months if m not in lex.full_months]
    month_any = "(?:" + alt(lex.full_months) + "|" + alt(abbr) + rf"(?:\.|(?=\s*{YEAR})))"
    det_words = ["der", "die", "das", "dem", "den", "des"] + \
        [d + e for d in DEMONSTRATIVE for e in ("e", "er", "em", "en", "es")]
    rel_adj = trie(either_case(words("rel_adj"))) + ENDINGS
    numword = number_word_pattern()
    number = rf"(?:\d+(?:,\d+)?|(?i:{numword})|{ci_alt(words('vague'))}|beiden)"
    pod_low = trie(p.lower() for p in lex.dayparts)
    pod_any = alt([*lex.dayparts, *(p.lower() for p in lex.dayparts)])
    return {
        "MONTH": month_any, "MONTH_FULL": alt(lex.full_months), "WEEKDAY": alt(lex.weekdays),
        "WEEKDAY_LOW": ci_alt(w.lower() for w in lex.weekdays),
        "DET": ci_alt(det_words), "REL_ADJ": rel_adj, "NUMBER": number,
        "NUMWORD": numword, "POD_LOW": pod_low, "POD_ANY": pod_any,
        "POS": alt(POSITIONS), "UNIT": alt(lex.units), "SEASON": alt(lex.seasons),
        "QUAL": ci_alt(words("qualifier")), "HOLIDAY": "(?:" + "|".join(lex.holiday_names) + ")",
    }


def _fuzzy_pattern() -> str:
    parts: list[str] = []
    for before, phrase, _value, adj in lexicon().fuzzy:
        words = [ci(w) if i == 0 else re.escape(w) for i, w in enumerate(phrase.split())]
        body = r"\s+".join(words) + (ENDINGS + "?" if adj else "")
        if before:
            pre = r"\s+".join(ci(w) if i == 0 else re.escape(w) for i, w in enumerate(before.split()))
            parts.append(rf"(?P<pre{len(parts)}>{pre})\s+(?P<f{len(parts)}>{body})")
        else:
            parts.append(rf"(?P<f{len(parts)}>{body})")
    return B + "(?:" + "|".join(parts) + ")" + E


@cache
def patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    f = fragments()
    M, MF, WD, DET, ADJ = f["MONTH"], f["MONTH_FULL"], f["WEEKDAY"], f["DET"], f["REL_ADJ"]
    N, UNIT, POS, POD = f["NUMBER"], f["UNIT"], f["POS"], f["POD_ANY"]
    src = {
        "date_iso": r"(?<![\w.])(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\w-])",
        "date_num": rf"(?<![\w.,])(?:(?P<wd>{WD}),?\s+)?(?P<d>[0-3]?\d)\.\s?(?P<m>[01]?\d)\."
                    rf"(?:\s?(?P<y>{YEAR})|(?P<y2>\d{{2}})(?![\d.]))?(?![\d]|,\d)",
        "date_dm": rf"(?<![\w.,])(?:(?P<wd>{WD})(?:,\s*|\s+)(?:(?:den|dem)\s+)?)?"
                   rf"(?P<list>(?:[0-3]?\d\.(?:\s*,?\s+(?:und|bis|oder|sowie|u\.)\s+|\s*,\s*|\s*[-–/]\s*)"
                   rf"(?:(?:am|zum|dem|den|vom)\s+)?){{0,12}})"
                   rf"(?P<d>[0-3]?\d)\.\s*(?P<m>{M}){E}"
                   rf"(?:\s*(?P<y>{YEAR})|\s+(?P<ryadj>{ADJ})\s+Jahres{E})?",
        "month_year": rf"{B}(?:(?P<pos>{POS})\s+)?(?P<m>{M})(?:\s+|\s*,\s*)"
                      rf"(?:(?P<y>{YEAR})|(?P<ryadj>{ADJ})\s+Jahres{E})",
        "month": rf"{B}(?:(?P<pos>{POS})\s+)?(?:(?P<adj>{ADJ})\s+)?(?P<m>{MF}){E}",
        "year_noun": rf"{B}(?:(?P<det>[dD]as|[dD]em|[dD]es)\s+)?Jahr(?:e|es|s)?\s+(?P<y>\d{{4}})(?!\d)",
        "pos_year": rf"{B}(?P<pos>{POS})\s+(?:des\s+Jahres\s+)?(?P<y>{YEAR})",
        "pos_unit": rf"{B}(?P<pos>{POS})\s+(?:(?P<det>des|der|dieses|dieser|diesen)\s+)?"
                    rf"(?:(?P<adj>{ADJ})\s+)?(?P<u>Jahres|Jahrs|Monats|Woche|Jahrzehnts){E}",
        "year_part": rf"{B}(?P<u>Jahres|Monats)(?P<p>ende|anfang|beginn|mitte|wechsel|wende){E}",
        "year": r"(?<![\w.,])(?P<y>1\d{3}|20\d{2})(?![\w]|[.,]\d)",
        "decade": rf"{B}(?:(?P<det>[dD]en|[dD]ie|[dD]er)\s+)?(?:(?:frühen|späten)\s+)?"
                  rf"(?:(?P<c>1\d|20)?(?P<dd>\d)0-?er(?:-?[jJ]ahre[n]?|\s+Jahre[n]?|n)?"
                  rf"|(?P<dw>{ci_alt(DECADES)})(?:-?[jJ]ahre[n]?|\s+Jahre[n]?|(?P<dn>n)))"
                  rf"{E}",
        "century": rf"{B}(?:(?P<det>[dD]as|[dD]es|[dD]em)\s+)?(?:(?P<n>\d{{1,2}})\.\s*|(?P<nw>[a-zäöüß]+t)en\s+)"
                   rf"Jahrhundert(?:s|e)?{E}",
        "season": rf"{B}(?:(?P<det>{DET})\s+)?(?:(?P<adj>{ADJ})\s+|(?P<anyadj>[a-zäöüß]{{3,}}{ENDINGS})\s+)?"
                  rf"(?P<s>{f['SEASON']})(?P<suf>monate|monaten|s|es)?(?:\s+(?P<y>{YEAR}))?(?![\w-])",
        "part_year": rf"{B}(?:(?P<det>[dD]em|[dD]as|[dD]es|[dD]er|[dD]ie|[dD]en)\s+)?"
                     rf"(?P<ord>(?:erste|zweite|dritte|vierte|letzte)n?|[1-4]\.)\s+"
                     rf"(?P<u>Quartal(?:s|es)?|Vierteljahr(?:es|s)?|Trimester|Halbjahr(?:es|s)?|"
                     rf"Jahreshälfte|Hälfte\s+des\s+Jahres)"
                     rf"(?:\s+(?P<y>{YEAR})|\s+(?:des\s+)?(?P<ryadj>{ADJ})\s+Jahres{E})?{E}",
        "relword": rf"{B}(?P<w>{ci_alt(['heute', 'gestern', 'vorgestern', 'morgen', 'übermorgen', 'heuer'])})"
                   rf"(?:\s+(?P<pod>früh|{POD}))?{E}",
        "reladj": rf"{B}(?P<aw>{ci_alt(['gestrig', 'morgig', 'vorgestrig', 'heutig'])}){ENDINGS}"
                  rf"(?:\s+(?P<noun>Tag|Tages|{POD}|{WD}))?{E}",
        "relday": rf"{B}(?:(?P<det>{DET})\s+)?(?P<w>Vortag(?:es|s)?|Folgetag(?:es|s)?|Vorabend|"
                  rf"Tage?\s+(?:zuvor|davor|danach|darauf|vorher)|(?:selben|gleichen|nächsten|folgenden)\s+Tag|"
                  rf"{ci('tags')}\s+(?:zuvor|darauf|davor)|Vorjahr(?:es|s)?|Folgejahr(?:es|s)?|Vormonat(?:s)?|"
                  rf"Vorwoche|Folgemonat(?:s)?|Folgewoche){E}",
        "weekday": rf"{B}(?:(?P<det>{DET})\s+)?(?:(?P<adj>{ADJ})\s+)?(?P<wd>{WD})(?P<pod>{f['POD_LOW']})?"
                   rf"(?:\s+(?P<pod2>früh|{POD}){E})?{E}"
                   rf"(?:\s+(?P<wk>{ADJ}|dieser)\s+Woche{E})?",
        "weekend": rf"{B}(?:(?P<det>{DET})\s+)?(?:(?P<adj>{ADJ})\s+)?Wochenende{E}",
        "unit": rf"{B}(?:(?P<pre>{ci_alt(UNIT_PREPOSITIONS)})\s+)?(?:(?P<q>{f['QUAL']})\s+)?"
                rf"(?:(?P<det>{DET})\s+)?(?:(?P<adj>{ADJ}|ersten|ganzen)\s+)?"
                rf"(?:(?P<n>{N})\s+(?:(?P<nadj>[a-zäöüß]{{4,}}{ENDINGS})\s+)?)?(?P<u>{UNIT}){E}"
                rf"(?:\s+(?P<rel>später|danach|zuvor|davor|vorher|früher){E})?",
        "dur_first": rf"{B}(?P<n>{N})(?=\s*(?:bis|-|–|oder|und)\s*{N}\s+(?P<u>{UNIT}){E})",
        "these_times": rf"{B}(?P<det>[dD]ies(?:er|en))\s+(?:[a-zäöüß]{{3,}}en\s+)?Zeit(?:en)?{E}",
        "adj_duration": rf"{B}(?P<ad>(?:{f['NUMWORD']}|\d+-?)(?:wöchig|tägig|monatig|stündig|minütig){ENDINGS}?|"
                        rf"(?:jahre|monate|wochen|tage|stunden|jahrzehnte)lang{ENDINGS}?|"
                        rf"(?:lang|mehr)(?:jährig|wöchig|tägig|monatig){ENDINGS}){E}",
        "set_every": rf"{B}(?P<every>[jJ]ede[nrsm]?)\s+(?:(?P<ord>erste|zweite|dritte|vierte|letzte)n?\s+)?"
                     rf"(?P<u>Tag|Woche|Monat|Jahr|Stunde|Minute|Wochenende|{POD}|{f['SEASON']}|{WD})"
                     rf"(?P<pod>{f['POD_LOW']})?(?:\s+(?:im|des)\s+Monats?)?{E}",
        "set_adv": rf"{B}(?P<adv>{ci_alt(['täglich', 'alltäglich', 'tagtäglich', 'wöchentlich', 'monatlich', 'jährlich', 'alljährlich', 'halbjährlich', 'vierteljährlich', 'stündlich'])}{ENDINGS}?|"  # noqa: E501
                   rf"{ci_alt(['wochentags', 'werktags'])}){E}",
        "set_wd": rf"{B}(?P<wds>{f['WEEKDAY_LOW']})s(?P<pods>{alt(words('daypart_adverb'))})?{E}",
        "set_per": rf"{B}(?:(?P<times>[a-zäöü]*mal|\d+\s*-?mal|[mM]ehrmals)\s+)?"
                   rf"(?P<per>pro|je|im|am|in\s+der|alle)\s+(?:(?P<n>{N})\s+)?"
                   rf"(?P<u>Tag|Woche|Monat|Jahr|Stunde|Minute|Tage|Wochen|Monate|Jahre|Stunden|Minuten){E}",
        "time_uhr": rf"(?<![\w.,:])(?:(?P<h>[01]?\d|2[0-4])(?:[.:](?P<mi>[0-5]\d))?|(?P<hw>{ci_alt(HOURS)}))\s*Uhr{E}"
                    rf"(?=(?:\s+(?P<pod>{alt(words('daypart_adverb'))}){E})?)",
        "time_first": rf"(?<![\w.,:])(?P<h>[01]?\d|2[0-3])(?:[.:](?P<mi>[0-5]\d))?"
                      rf"(?=\s*(?:bis|-|–|/|und|oder)\s*(?:[01]?\d|2[0-4])(?:[.:][0-5]\d)?\s*Uhr{E})",
        "time_um": rf"{B}(?P<pre>[uU]m|[gG]egen|[aA]b)\s+(?P<h>[01]?\d|2[0-3])[.:](?P<mi>[0-5]\d)"
                   rf"(?![\d.,:]|\s*Uhr)",
        "daypart": rf"{B}(?P<pre>[aA]m|[gG]egen|[iI]n\s+der|[dD]es|[vV]om)\s+"
                   rf"(?:(?P<adj>frühen|späten|selben|gleichen)\s+)?"
                   rf"(?P<pod>{alt(lexicon().dayparts)})s?(?:\s+(?:des|vom|zum)\s+(?P<d>[0-3]?\d)\.\s*(?P<m>{M}){E}"
                   rf"(?:\s*(?P<y>{YEAR}))?)?{E}",
        "midnight": rf"{B}(?P<w>Mitternacht){E}",
        "fuzzy": _fuzzy_pattern(),
        "holiday": rf"{B}(?P<h>{f['HOLIDAY']})(?:\s+(?P<y>{YEAR}))?{E}",
    }
    return tuple((name, re.compile(rx)) for name, rx in src.items())


@cache
def heads() -> dict[str, tuple[str, ...]]:
    """For each pattern, lower-case pieces of words one of which every match contains
    ("#" stands for any digit, "=" marks a piece that must be the whole word).

    Why: the full patterns start with optional determiners and adjectives, so the regex engine
    tries them at every position; running them only in windows around their head words makes
    the tagger several times faster.
    """
    lex = lexicon()
    low = [m.lower() for m in lex.months]
    unit = tuple("=" + u.lower() for u in lex.units)
    out: dict[str, tuple[str, ...]] = {
        "date_iso": ("#",), "date_num": ("#",), "date_dm": tuple(low), "month_year": tuple(low),
        "month": tuple(low), "year_noun": ("jahr",), "pos_year": tuple(p.lower() for p in POSITIONS),
        "pos_unit": tuple(p.lower() for p in POSITIONS), "year_part": ("jahres", "monats"), "year": ("#",),
        "decade": ("0er", "=er", "ziger", "ßiger"), "century": ("jahrhundert",),
        "season": tuple(x.lower() for x in lex.seasons),
        "part_year": ("quartal", "vierteljahr", "trimester", "halbjahr", "hälfte"),
        "relword": ("heute", "gestern", "morgen", "heuer"), "reladj": ("gestrig", "morgig", "heutig"),
        "relday": ("vortag", "folgetag", "vorabend", "=tag", "=tage", "=tags", "vorjahr", "folgejahr", "vormonat",
                   "folgemonat", "vorwoche", "folgewoche"),
        "weekday": tuple(w.lower() for w in lex.weekdays), "weekend": ("wochenende",), "unit": unit,
        "dur_first": unit, "these_times": ("zeit",),
        "adj_duration": ("wöchig", "tägig", "monatig", "stündig", "minütig", "jährig", "lang"),
        "set_every": ("jede",), "set_adv": ("täglich", "wöchentlich", "monatlich", "jährlich", "stündlich", "tags"),
        "set_wd": tuple(w.lower() + "s" for w in lex.weekdays), "set_per": unit, "time_uhr": ("uhr",),
        "time_first": ("uhr",), "time_um": ("#",), "daypart": tuple(d.lower() for d in lex.dayparts),
        "midnight": ("mitternacht",),
        "fuzzy": tuple({phrase.split()[-1].lower() for _b, phrase, _v, _a in lex.fuzzy}),
        "holiday": tuple({w.lower() for name in lex.holiday_names for w in re.findall(r"\w{4,}", name)}),
    }
    return out


@cache
def _head_index() -> tuple[re.Pattern[str], dict[str, frozenset[str]], frozenset[str]]:
    """One regex for all head pieces, each piece's patterns, and the patterns headed by a digit."""
    table = heads()
    pieces = {p for ps in table.values() for p in ps if p[0] not in "#="}
    names = {p: frozenset(n for n, ps in table.items() if any(q[0] not in "#=" and q in p for q in ps))
             for p in pieces}
    for n, ps in table.items():
        for p in ps:
            if p[0] == "=":
                names[p] = names.get(p, frozenset()) | {n}
    digit = frozenset(n for n, ps in table.items() if "#" in ps)
    return re.compile(trie(pieces)), names, digit


#: how far before and after its head word a match may reach (characters)
WINDOW_BEFORE, WINDOW_AFTER = 100, 50
_WORD_RE = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")


@word_cache
def _heads_of(word: str) -> frozenset[str]:
    rx, names, digit = _head_index()
    low = word.lower()
    found: set[str] = set(names.get("=" + low, ()))
    for m in rx.finditer(low):
        found |= names[m.group()]
    if _DIGIT.search(word):
        found |= digit
    return frozenset(found)


def windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """For each pattern, the merged stretches of ``text`` around its head words.

    One pass over the words with a cached word -> patterns lookup: words repeat, so this is
    much cheaper than scanning the text once per head regex.
    """
    out: dict[str, list[tuple[int, int]]] = {}
    n = len(text)
    for m in _WORD_RE.finditer(text):
        names = _heads_of(m.group())
        if not names:
            continue
        s, e = max(0, m.start() - WINDOW_BEFORE), min(n, m.end() + WINDOW_AFTER)
        for name in names:
            spans = out.setdefault(name, [])
            if spans and s <= spans[-1][1]:
                spans[-1] = (spans[-1][0], e)
            else:
                spans.append((s, e))
    return out
