"""Tokens and sentences for German news text.

Why our own: the libraries measured (see DEPENDENCIES) either split ``Jong-un`` and
``UN-Sicherheitsrats``, end sentences at "am 13. September", or are too slow for the budget.
One compiled regex gives tokens; sentences end at ``.!?`` (and closing quote marks after
them) unless the dot belongs to an abbreviation, an initial or a day-of-month ordinal.
"""
from __future__ import annotations

import re
from functools import cache

from lagebild.analyse.de import table, word_set
from lagebild.analyse.pipeline import component
from lagebild.model import Analysis, Token

# A word: letters and digits with inner apostrophes (O'Neill, geht's), joined by inner hyphens
# (Jong-un) and by dots between single letters (z.B), and one closing apostrophe only after an
# s, x, z or ß (the genitive "Klaus'"): "Tocqueville''" is a word and a quote mark written as
# two apostrophes. Written as runs so the regex engine does not loop per letter.
_PART = r"\w*(?:['’]\w+)*"
_WORD = (rf"[^\W\d_]{_PART}(?:(?:(?<=\w)[-‐‑](?=\w)|\.(?=[^\W\d_]\.)){_PART})*"
         r"(?:(?<=[sxzßSXZ])['’](?![\w'’]))?")
_CORE = (
    r"\d+(?:[.,:]\d+)*(?:[-‐‑][^\W\d_]+)*"  # 4,8  10.000  12:30  2000-Dollar
    rf"|{_WORD}(?:[-‐‑](?=\s+(?:und|oder|bis|sowie)\b))?"  # Atom- und Raketenprogramme
    r"|\.\.\.|…"
    r"|\S"
)
_URL = r"https?://\S+[^\s.,;:!?)\]»“”\"']"
_EMAIL = r"[\w.+-]+@[\w-]+\.[\w.]+"
_TOKEN_RE = re.compile(f"{_URL}|{_EMAIL}|{_CORE}")
#: the same without URLs and e-mail addresses, for the many texts that hold neither ("@", "://")
_PLAIN_RE = re.compile(_CORE)

CLOSERS = frozenset("“”\"»«‘’')]")
ENDERS = frozenset(".!?…")


@cache
def _abbreviations() -> frozenset[str]:
    return word_set("abbreviations.txt")


@cache
def _before_names() -> frozenset[str]:
    return word_set("abbreviations_before_names.txt")


@cache
def _months() -> frozenset[str]:
    return frozenset(table("months.tsv"))


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``.

    A dot stays on a word when the word is a known abbreviation or a single capital
    (an initial): the tokens "Dr." and "J." carry it.
    """
    out: list[Token] = []
    abbr = _abbreviations()
    stop = len(text) if end is None else end
    piece = text[start:stop] if start or end is not None else text
    rx = _TOKEN_RE if "@" in piece or "://" in piece else _PLAIN_RE
    # Only white space lies between tokens ("\\S" takes any other character), so each token
    # starts at its first occurrence after the previous one: str.find gives the offsets
    # without building a match object per token.
    find = text.find
    pos = start
    prev: Token | None = None
    for tok in rx.findall(text, start, stop):
        s = find(tok, pos)
        pos = s + len(tok)
        if prev is not None and tok == "." and prev.end == s:
            pt = prev.text
            if pt in abbr or (len(pt) == 1 and pt.isupper()) or ("." in pt and pt[0].isalpha()):
                prev = out[-1] = Token(pt + ".", prev.start, pos)
                continue
        prev = Token(tok, s, pos)
        out.append(prev)
    return out


def _is_boundary(tokens: list[Token], i: int, text: str) -> bool:
    """Does a sentence end after ``tokens[i]`` (an ender or closer)?"""
    tok = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is None:
        return True
    if tok.text.endswith(".") and len(tok.text) > 1:  # abbreviation / initial carrying the dot
        return False
    if nxt.start == tok.end and nxt.text not in CLOSERS:  # "2.0", "3.Liga": no space
        return False
    if tok.text == "." and i > 0:
        prev = tokens[i - 1]
        # "am 13. September", "13. und 14. Juni": day-of-month ordinals
        ordinal = prev.text.isdigit() and len(prev.text) <= 2 and prev.end == tok.start
        if ordinal and (nxt.text in _months() or nxt.text[:1].islower() or nxt.text.isdigit()
                        or nxt.text in {"und", "bis", "oder"}):
            return False
        # "Dr . Weber" in text another tool tokenised: the dot of a title stands apart
        if prev.end + 1 == tok.start and prev.text in _before_names() and nxt.text[:1].isupper():
            return False
    first = nxt.text[0]
    # "…“, sagte er" and lower-case continuations do not start a new sentence
    return not (first.islower() or first in ",;:)")


def _lines(text: str, tokens: list[Token]) -> list[list[Token]]:
    """Tokens grouped by the line they are on (tokens never contain a line break, so the
    next break after a token either precedes the following token or lies beyond it)."""
    lines: list[list[Token]] = []
    line: list[Token] = []
    find = text.find
    nl = find("\n")
    for tok in tokens:
        if nl != -1 and nl < tok.start:
            if line:
                lines.append(line)
                line = []
            nl = find("\n", tok.end)
        line.append(tok)
    if line:
        lines.append(line)
    return lines


def sentence_spans(text: str, tokens: list[Token] | None = None) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets. Line breaks always end a sentence: several sources
    separate paragraphs by one newline and headlines carry no full stop. Pass the tokens of
    ``text`` when they are at hand, so the text is not tokenised twice."""
    spans: list[tuple[int, int]] = []
    for toks in _lines(text, tokens if tokens is not None else tokenize(text)):
        begin = toks[0].start
        n = len(toks)
        texts = [t.text for t in toks]
        # only an ender, or a dot-final word at the line's end, can close a sentence
        ends = [k for k, t in enumerate(texts) if t in ENDERS]
        if texts[-1].endswith(".") and len(texts[-1]) > 1:
            ends.append(n - 1)
        i = 0
        for k in ends:
            if k < i:
                continue
            j = k
            while j + 1 < n and texts[j + 1] in CLOSERS and toks[j + 1].start == toks[j].end:
                j += 1
            if j + 1 < n and texts[j + 1] in ENDERS:
                i = k + 1
                continue
            if _is_boundary(toks, j, text):
                spans.append((begin, toks[j].end))
                if j + 1 < n:
                    begin = toks[j + 1].start
                i = j + 1
            else:
                i = k + 1
        if begin < toks[-1].end and (not spans or spans[-1][1] <= begin):
            spans.append((begin, toks[-1].end))
    return spans


@component("tokens", requires=("text",), assigns=("tokens", "sentences"))
def tokens_component(doc: Analysis) -> Analysis:
    from dataclasses import replace
    text = doc.text
    tokens = tokenize(text)
    return replace(doc, tokens=tuple(tokens), sentences=tuple(sentence_spans(text, tokens)))
