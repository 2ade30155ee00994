"""What the resolver knows while it walks a document: the creation date and the last dates.

Why: relative expressions resolve against the document creation time (DCT), but "am
Nachmittag", "9.30 Uhr", "am Vortag" and "im April" after "März 1992" resolve against the date
or year the text last talked about.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date

from lagebild.analyse.timex.tense import tense_at

_BOUNDS = frozenset(["seit", "Seit", "bis", "Bis", "ab", "Ab", "vor", "Vor"])


@dataclass
class State:
    text: str
    dct: date | None
    sentences: list[tuple[int, int]]
    starts: list[int] = field(default_factory=list)
    ref_day: date | None = None
    ref_day_sent: int = -10
    ref_day_list: bool = False  # the last day came from a list ("am 3., 4. und 5. Mai")
    ref_year: int | None = None
    ref_year_sent: int = -10
    set_sent: int = -10  # sentence of the last SET ("jeden Montag", "wochentags")
    days_seen: int = 0

    def __post_init__(self) -> None:
        self.starts = [s for s, _ in self.sentences]

    def sentence_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def sentence_span(self, pos: int) -> tuple[int, int]:
        if not self.sentences:
            return 0, len(self.text)
        s, e = self.sentences[self.sentence_of(pos)]
        return (s, e) if s <= pos <= e else (pos, pos)

    def tense(self, pos: int) -> str | None:
        return tense_at(self.text, pos, self.sentence_span(pos))

    def note_day(self, d: date, pos: int, listed: bool = False) -> None:
        self.ref_day, self.ref_day_sent, self.ref_day_list = d, self.sentence_of(pos), listed
        self.days_seen += 1

    def note_year(self, year: int, pos: int) -> None:
        """Remember an explicit year as the narrative's time, unless it only bounds a period
        ("seit 2015", "bis 2030")."""
        if self.word_before(pos) not in _BOUNDS:
            self.ref_year, self.ref_year_sent = year, self.sentence_of(pos)

    def recent_year(self, pos: int) -> int | None:
        """An explicit year from this or the previous sentence, if it differs from the DCT's."""
        if self.ref_year is None:
            return None
        gap = self.sentence_of(pos) - self.ref_year_sent
        far = self.dct is None or abs(self.ref_year - self.dct.year) >= 2
        return self.ref_year if gap == 0 or (gap == 1 and far) else None

    def anchor_day(self, pos: int) -> date | None:
        """The day a clock time or part of day belongs to: a day named nearby, else the DCT."""
        if self.ref_day is not None and self.sentence_of(pos) - self.ref_day_sent <= 2:
            return self.ref_day
        return self.dct

    def word_before(self, pos: int, n: int = 1) -> str:
        """The n-th word before ``pos`` (punctuation counts as a word)."""
        i = pos
        words: list[str] = []
        while len(words) < n and i > 0:
            while i > 0 and self.text[i - 1].isspace():
                i -= 1
            j = i
            if j > 0 and not self.text[j - 1].isalnum():
                i = j - 1
            else:
                while i > 0 and (self.text[i - 1].isalnum() or self.text[i - 1] in ".-"):
                    i -= 1
            words.append(self.text[i:j])
        return words[-1] if len(words) == n else ""

    def word_after(self, pos: int) -> str:
        i = pos
        while i < len(self.text) and self.text[i].isspace():
            i += 1
        j = i
        while j < len(self.text) and (self.text[j].isalnum() or self.text[j] == "-"):
            j += 1
        return self.text[i:j] if j > i else self.text[i:i + 1]
