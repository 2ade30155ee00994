"""What the rules propose before candidates are reconciled: token ranges of one unit."""
from __future__ import annotations

from dataclasses import dataclass, field

from lagebild.analyse.quotes.grammar import View

# how a candidate was found, best first: the order in which overlapping candidates win
PRIORITY = {"frame": 5, "inverted": 5, "colon": 5, "attribution": 4, "anaphoric": 4, "guess": 4,
            "fragment": 3, "noun": 3, "standalone": 3, "reported": 2, "free": 1, "context": 0}


@dataclass(slots=True)
class Cand:
    """A proposed quote in one unit (a sentence, or sentences one quotation spans)."""

    how: str
    content: list[tuple[int, int]]  # token ranges (end exclusive)
    speaker: tuple[int, int] | None = None
    cue: list[int] = field(default_factory=list)
    medium: str = ""
    kind: str = ""  # direct | indirect | mixed; "" until decided from the content
    nested: bool = False
    quote_index: int = -1  # the quotation this candidate quotes directly, if any
    antecedent: tuple[int, int] | None = None  # what a relative-pronoun speaker stands for

    def tokens(self) -> set[int]:
        return {i for a, b in self.content for i in range(a, b)}

    def roles(self) -> set[int]:
        out = set(self.cue)
        if self.speaker:
            out.update(range(*self.speaker))
        return out


def strip_ranges(v: View, ranges: list[tuple[int, int]], keep_final: bool = False) -> list[tuple[int, int]]:
    """Ranges without punctuation at their edges (a final ``.`` stays when ``keep_final``);
    a quotation's own marks stay (they are tokens inside it)."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(ranges):
        while a < b and v.cls[a] == "P" and v.q[a] < 0:
            a += 1
        if not keep_final:
            while b > a and v.cls[b - 1] == "P" and v.q[b - 1] < 0:
                b -= 1
        else:
            while b > a and v.cls[b - 1] == "P" and v.q[b - 1] < 0 and v.low[b - 1] not in ".!?":
                b -= 1
        if a < b:
            if out and out[-1][1] >= a:
                out[-1] = (out[-1][0], max(b, out[-1][1]))
            else:
                out.append((a, b))
    return out


def minus(ranges: list[tuple[int, int]], drop: set[int]) -> list[tuple[int, int]]:
    """Ranges with the tokens in ``drop`` cut out."""
    out: list[tuple[int, int]] = []
    for a, b in ranges:
        start = a
        for i in range(a, b):
            if i in drop:
                if start < i:
                    out.append((start, i))
                start = i + 1
        if start < b:
            out.append((start, b))
    return out
