"""Pairs quotation marks into quoted spans, forgiving the ways real text gets them wrong.

Handled: German „…“ and »…«, Swiss «…», English “…”, straight "…", single ‚…‘ inside double
marks (nested), a „ closed by ” or by a straight ", a quote left open at the end of its
paragraph, a quote running over paragraphs (each new paragraph reopens it), and a closing mark
with no opening one (the quote then starts at its clause). Apostrophes (geht’s, Cox’) are not marks.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from lagebild.analyse.quotes.lexicon import lexicon

_LINE = re.compile(r"[^\n]+")
_LEFT_OPEN = frozenset(" \t([{–—-/\u00a0")
_RIGHT_CLOSE = frozenset(" \t.,;:!?)]}–—-\u00a0")


@dataclass(frozen=True, slots=True)
class Marked:
    """A quoted span: ``start``/``end`` include the marks (when present)."""

    start: int
    end: int
    depth: int  # 0 for an outermost quote
    closed: bool = True
    orphan: bool = False  # only a closing mark was found


def _mark_chars() -> frozenset[str]:
    lex = lexicon()
    chars = set(lex.openers)
    for closers, _ in lex.openers.values():
        chars.update(closers)
    chars.add("’")
    chars.add("'")
    return frozenset(chars)


@cache
def _mark_re() -> re.Pattern[str]:
    """Any quotation mark: the scan jumps from mark to mark instead of reading every character."""
    return re.compile("[" + re.escape("".join(sorted(_mark_chars()))) + "]")


def _scan_line(text: str, lo: int, hi: int, out: list[Marked], orphans: list[int]) -> None:
    openers = lexicon().openers
    stack: list[tuple[str, int, str, str]] = []  # (opener, position, closers, level)
    for found in _mark_re().finditer(text, lo, hi):
        i = found.start()
        c = text[i]
        prev = text[i - 1] if i > lo else " "
        nxt = text[i + 1] if i + 1 < hi else " "
        left_open = i == lo or prev in _LEFT_OPEN
        right_close = i + 1 >= hi or nxt in _RIGHT_CLOSE
        if c in "'’" and prev.isalnum() and nxt.isalnum():
            continue  # apostrophe inside a word
        if c in "'’" and not any(s[3] == "single" for s in stack) and prev.isalpha() and right_close:
            continue  # genitive apostrophe (Cox’)
        looks_open = left_open and not right_close
        # a closer for the innermost open quote, or for one further out (an inner one left open)
        closed = False
        for k in range(len(stack) - 1, -1, -1):
            _, pos, closers, level = stack[k]
            if c in closers and not (looks_open and c in openers):
                del stack[k:]
                out.append(Marked(pos, i + 1, k))
                closed = True
                break
            if level == "double":
                break  # an inner mark never closes past an open double quote
        if closed:
            continue
        if c in openers and not (right_close and not left_open):
            if openers[c][1] == "single" and not stack and c in "'‘":
                continue  # single marks open only inside a double quote
            stack.append((c, i, openers[c][0], openers[c][1]))
        elif not stack and c in "“”«»\"" and not left_open:
            orphans.append(i)
    for k, (_op, pos, _, level) in enumerate(stack):
        if level == "double":
            end = hi
            while end > pos + 1 and text[end - 1].isspace():
                end -= 1
            out.append(Marked(pos, end, k, closed=False))


def find_quotes(text: str, sentences: tuple[tuple[int, int], ...]) -> list[Marked]:
    """All quoted spans of ``text``, sorted by start (outer before inner)."""
    found: list[Marked] = []
    orphans: list[int] = []
    lines = [m.span() for m in _LINE.finditer(text)]
    for lo, hi in lines:
        _scan_line(text, lo, hi, found, orphans)
    found.sort(key=lambda m: (m.start, -m.end))
    found = _join_paragraphs(text, found, lines)
    for i in orphans:
        orphan = _orphan(text, i, found, sentences)
        # „A.“ B“: a stray closing mark shortly after a closed quote in the same sentence
        # continues that quote (the first closer was the mistake)
        prev = max((m for m in found if m.depth == 0 and m.end <= orphan.start), key=lambda m: m.end,
                   default=None)
        if prev is not None and not text[prev.end:orphan.start].strip(" ") and "\n" not in text[prev.start:i]:
            found.remove(prev)
            found.append(Marked(prev.start, i + 1, 0))
        else:
            found.append(orphan)
    found.sort(key=lambda m: (m.start, -m.end))
    return found


def _join_paragraphs(text: str, found: list[Marked], lines: list[tuple[int, int]]) -> list[Marked]:
    """A quote open at a paragraph's end continues when the next paragraph opens with a mark."""
    starts = {m.start: m for m in found if m.depth == 0}
    line_starts = [lo for lo, _ in lines]
    out: list[Marked] = []
    swallowed: set[int] = set()
    for m in found:
        if m.start in swallowed:
            continue
        cur = m
        while cur.depth == 0 and not cur.closed:
            n = bisect.bisect_right(line_starts, cur.end) - 1
            if n + 1 >= len(lines):
                break
            nxt = starts.get(lines[n + 1][0])
            if nxt is None:
                break
            swallowed.add(nxt.start)
            cur = Marked(cur.start, nxt.end, 0, nxt.closed)
        out.append(cur)
    return out


def _orphan(text: str, i: int, found: list[Marked], sentences: tuple[tuple[int, int], ...]) -> Marked:
    """A closing mark with no opener: the quote starts at the clause it closes."""
    start = 0
    for s, e in sentences:
        if s <= i < e or s <= i <= e:
            start = s
            break
    for m in found:
        if m.depth == 0 and start <= m.end <= i:
            start = max(start, m.end)
    colon = text.rfind(":", start, i)
    if colon >= 0:
        start = colon + 1
    while start < i and text[start].isspace():
        start += 1
    return Marked(start, i + 1, 0, orphan=True)
