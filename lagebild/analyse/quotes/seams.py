"""Seams that text cleaning left inside a sentence: a heading or caption glued to the next
sentence with no punctuation ("… Berater Jonas Weber Er verurteilte …"). A quote candidate
must not span one, so the quote finder cuts its units there (the sentence splitter is not
changed: this only concerns quotes)."""
from __future__ import annotations

import bisect

from lagebild.model import Token

#: capitalised pronouns that open a new sentence when they follow a name mid-sentence
_OPENERS = frozenset({"Er", "Sie"})


def _word(t: str) -> bool:
    return any(ch.isalpha() for ch in t) and all(ch.isalpha() or ch in "-'." for ch in t)


def openers(tokens: list[Token]) -> list[int]:
    """Indices of the tokens "Er" and "Sie": where a seam can be (found once per text)."""
    return [k for k, t in enumerate(tokens) if t.text in _OPENERS]


def seams(tokens: list[Token], a: int, b: int, quoted: list[tuple[int, int]], at: list[int]) -> list[int]:
    """Character offsets in ``tokens[a:b]`` where a new sentence starts without punctuation:
    a capitalised word (not the unit's first), then "Er"/"Sie", then a lower-case word.
    ``at``: the text's ``openers``."""
    out: list[int] = []
    inside = at[bisect.bisect_left(at, a + 2):bisect.bisect_left(at, b - 1)]
    starts = [s for s, _ in quoted] if inside else []
    for k in inside:
        t = tokens[k]
        prev, nxt = tokens[k - 1], tokens[k + 1]
        if t.text not in _OPENERS or prev.end == t.start:
            continue
        if not (_word(prev.text) and prev.text[0].isupper()) or not (_word(nxt.text) and nxt.text[0].islower()):
            continue
        if nxt.text == "zu":  # "bat die Ministerin Sie zu warten": a polite object
            continue
        q = bisect.bisect_right(starts, t.start) - 1
        if q >= 0 and quoted[q][1] > t.start:
            continue  # inside a quotation: a form of address ("Herr Minister Sie haben …")
        out.append(t.start)
    return out
