"""Teasers, captions, bylines and other lines that are not part of the article.

Works line by line on extracted or plain text; the patterns live in
``data/boilerplate_de.txt``. The rules err towards keeping text: a line is cut only when it is
wholly boilerplate, or when it is short enough to be a teaser headline or a caption. Every
cut is returned, so nothing disappears silently.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from lagebild.clean.data import entries, sections

__all__ = ["strip_boilerplate"]

HEADLINE_WORDS = 24  # a teaser's headline is at most this long
CAPTION_WORDS = 45  # a caption (credit aside) is at most this long, and two sentences
LINK_WORDS = 14  # a line in a list of related links is at most this long
LINK_LINES = 12

_SENTENCE_END = re.compile(r"[.!?…][\"'“”«»)]*\s+")
_WORD = re.compile(r"\S+")
_TABLE_EDGES = re.compile(r"^[\s|]+|[\s|]+$")


@dataclass(frozen=True)
class _Rules:
    line: re.Pattern[str]
    byline: re.Pattern[str]
    teaser: re.Pattern[str]
    inline_teaser: re.Pattern[str]
    block: re.Pattern[str]
    label: re.Pattern[str]
    credit_end: re.Pattern[str]
    credit_line: re.Pattern[str]
    credit_tail: re.Pattern[str]
    agency: re.Pattern[str]
    domain: re.Pattern[str]
    starters: frozenset[str]


def _alternation(patterns: tuple[str, ...], agency: str) -> str:
    return "|".join(f"(?:{p.replace('{agency}', agency)})" for p in patterns)


@cache
def _rules() -> _Rules:
    data = sections("boilerplate_de.txt")
    agencies = sorted(data["agency"], key=len, reverse=True)
    agency = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in agencies)
    credit = _alternation(data["credit"], agency)
    # a credit run: agencies and capitalised names, separated by / , | ;
    name = r"(?-i:[A-ZÄÖÜ][\w'’.&-]*(?:\s+[A-ZÄÖÜ][\w'’.&-]*){0,3})"
    domain = r"[\w-]+(?:\.[\w-]+)*\.(?:com|de|at|ch|net|org|se|eu|fr|it|io)"
    segment = rf"(?:\b(?:{agency})\b|{domain}|{name})"
    run = rf"{segment}(?:\s*[/,|;]\s*{segment})*"
    teasers = _alternation(data["teaser"], agency)
    return _Rules(
        line=re.compile(_alternation(data["line"], agency), re.I),
        byline=re.compile(_alternation(data["byline"], agency), re.I),
        teaser=re.compile(rf"(?:{teasers})\s*", re.I),
        # inside a line: only after a sentence end (the marker's form is checked in code)
        inline_teaser=re.compile(rf"(?<=[.!?“”\"«»)])\s+(?P<m>(?:{teasers}))\s*", re.I),
        block=re.compile(_alternation(data["block"], agency), re.I),
        label=re.compile(rf"(?:{credit}|{_alternation(data['label'], agency)})\s*", re.I),
        credit_end=re.compile(rf"(?:^|[\s(|–—-])\(?(?:{credit})\s*(?:[^.!?:]|\.(?!\s)){{1,80}}\)?\.?\s*$",
                              re.I),
        credit_line=re.compile(rf"\(?{run}\)?", re.I),
        credit_tail=re.compile(rf"(?<=[.!?])\s+(?P<run>{run})\s*$", re.I),
        agency=re.compile(rf"\b(?:{agency})\b", re.I),
        domain=re.compile(domain, re.I),
        starters=frozenset(entries("sentence_starters_de.txt")),
    )


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _sentences(text: str) -> int:
    return len(_SENTENCE_END.findall(text.strip() + " "))


def _headline_end(text: str, starters: frozenset[str]) -> int | None:
    """Where a teaser headline at the start of ``text`` ends: before the first word that
    starts a sentence, or at the end of the text; None when it runs on too long."""
    words = list(_WORD.finditer(text))
    for i, m in enumerate(words):
        if i >= HEADLINE_WORDS:
            return None
        if i == 0:
            continue
        prev, word = words[i - 1].group(), m.group()
        if prev.endswith((":", "–", "—", "-")) or prev in ("–", "—", "-"):
            continue  # "Bericht: Die Lage …" is still the headline
        if re.search(r"[.!?][\"“”«»')]*$", prev) and word[:1].isupper():
            return m.start()
        if word.rstrip(",.;:") in starters:  # an opening quote ("„Die …") keeps it a title
            return m.start()
    return len(text) if len(words) <= HEADLINE_WORDS else None


def _is_credit_line(text: str, rules: _Rules) -> bool:
    """'GAVRIIL GRIGOROV / Sputnik / Kremlin Pool, EPA / AOP': names and agencies only,
    with an agency among them, and either several parts or the agency alone."""
    text = text.strip().rstrip(".")
    if not rules.credit_line.fullmatch(text):
        return False
    if rules.agency.search(text):
        return bool(re.search(r"[/,|;]", text)) or bool(rules.agency.fullmatch(text.strip("()")))
    return bool(re.search(r"\S/\S", text)) and bool(rules.domain.search(text))  # "Name/bilder.example.se"


def _caption_credit(line: str, rules: _Rules) -> int | None:
    """Start of a picture credit ending the line ("… Foto: KCNA", "… X / dpa"), or None."""
    m = rules.credit_end.search(line)
    if m:
        return m.start()
    m = rules.credit_tail.search(line)
    if m and re.search(r"[/|;]", m.group("run")) and _is_credit_line(m.group("run"), rules):
        return m.start("run")
    return None


def _cut_inline_teasers(line: str, rules: _Rules, removed: list[str]) -> str:
    """Cut 'LESEN SIE MEHR: headline' glued into a paragraph, when its end can be told.

    Only a marker in capitals or one closed by a colon or dash counts here: "Lesen Sie auch
    den Kommentar" inside a paragraph is a sentence, not a teaser."""
    pos = 0
    while True:
        m = rules.inline_teaser.search(line, pos)
        if not m:
            return line
        marker = m.group("m").strip()
        rest = line[m.end():]
        end = _headline_end(rest, rules.starters)
        if not (marker.isupper() or marker.endswith((":", "–", "—", "-"))) or not end:
            pos = m.end()
            continue
        removed.append(line[m.start("m"): m.end() + end].strip())
        line = (line[: m.start()] + " " + rest[end:].lstrip()).rstrip()
        pos = m.start() + 1


def _line_verdict(s: str, rules: _Rules, removed: list[str]) -> str | None:
    """The line as it should stay (None: cut it whole); pieces cut from it go to ``removed``."""
    words = _words(s)
    if rules.line.fullmatch(s) or rules.byline.fullmatch(s):
        return None
    if words <= 12 and _is_credit_line(s, rules):
        return None
    m = rules.teaser.match(s)
    if m:
        rest = s[m.end():]
        closed = m.group().rstrip().endswith((":", "–", "—", "-"))
        end = _headline_end(rest, rules.starters)
        sentence = not closed and rest.rstrip().endswith(".")  # "Mehr zum Thema X erfahren Sie …."
        if rest and end and not sentence and (closed or rest[:1].isupper() or rest[:1] in "„\"«»“"):
            if end == len(rest):
                return None
            removed.append(s[: m.end() + end].strip())  # a headline, then the paragraph
            s = rest[end:].lstrip()
    if rules.label.match(s) and words <= 20:
        return None
    start = _caption_credit(s, rules)
    if start is not None:
        body = s[:start].strip()
        if _words(body) <= CAPTION_WORDS and _sentences(body) <= 2:
            return None
        removed.append(s[start:].strip())
        s = body
    return _cut_inline_teasers(s, rules, removed)


def _is_link_line(s: str) -> bool:
    return 0 < _words(s) <= LINK_WORDS and not re.search(r"[.!:;,]$", s)


def strip_boilerplate(text: str) -> tuple[str, list[str]]:
    """Return the text without boilerplate and the pieces removed, in order."""
    rules = _rules()
    lines = text.split("\n")
    out: list[str] = []
    removed: list[str] = []
    i = 0
    while i < len(lines):
        s = _TABLE_EDGES.sub("", lines[i])  # a table row "| Kommentare: 0 | |" is matched as its text
        i += 1
        if not s:
            out.append("")
            continue
        if rules.block.fullmatch(s):
            removed.append(s)
            taken = 0
            while i < len(lines) and taken < LINK_LINES:
                nxt = lines[i].strip()
                if nxt and not _is_link_line(nxt):
                    break
                if nxt:
                    removed.append(nxt)
                    taken += 1
                i += 1
            continue
        cut: list[str] = []
        kept = _line_verdict(s, rules, cut)
        if kept is None:
            removed.append(s)
            continue
        removed.extend(cut)
        out.append(kept)
    result = re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip()
    return result, removed
