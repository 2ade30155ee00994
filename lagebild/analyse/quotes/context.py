"""Quotes whose speaker is named elsewhere: a quotation standing alone after its speaker was
introduced, Konjunktiv sentences that go on reporting the last speaker (free indirect speech),
and reportative "soll" ("Er soll … gewesen sein").
"""
from __future__ import annotations

from collections.abc import Callable

from lagebild.analyse.quotes.cand import Cand
from lagebild.analyse.quotes.clauses import clause_subject, speakerish, verb_like
from lagebild.analyse.quotes.grammar import SPEAKER_PRONOUNS, View, np_forward, trim
from lagebild.analyse.quotes.lexicon import lexicon
from lagebild.analyse.quotes.morph import mood

_DASHES = frozenset({"–", "—", "-"})
_REPORTATIVE = frozenset({"soll", "sollen"})


def standalone(v: View, used: set[int]) -> list[Cand]:
    """Quotations not claimed by a frame that stand as a sentence of their own, or after a
    colon ("Merkel: „…“"); the speaker is filled in from context later when missing."""
    out: list[Cand] = []
    n = len(v)
    for qn, (a, b) in enumerate(v.qtok):
        if qn in used or a >= b:
            continue
        before = [k for k in range(0, a) if v.cls[k] != "P" or v.low[k] == ":"]
        after = [k for k in range(b, n) if v.cls[k] != "P"]
        if after:
            continue
        if not before or all(v.low[k] in _DASHES for k in before):
            out.append(Cand("standalone", [(a, b)], None, [], quote_index=qn))
        elif v.low[before[-1]] == ":" and v.q[before[-1]] < 0:
            s, e = trim(v, 0, before[-1])
            end = np_forward(v, s, e)
            # "Merkel: „…“", "Zitat von Schröder: „…“"; "X warb mit den Worten: „…“"
            speaker = (s, end) if end > s and e - s <= 6 else clause_subject(v, before[-1])
            out.append(Cand("standalone", [(a, b)], speaker, [], quote_index=qn))
    return out


def dash_quote(v: View) -> Cand | None:
    """A paragraph opened by a dash, as interviews and dialogue are set: "– Das ist gut."."""
    if len(v) > 2 and v.low[0] in ("–", "—") and v.q[1] < 0:
        return Cand("standalone", [(1, len(v))], None, [])
    return None


def reported_mood(v: View) -> str:
    """The unit's Konjunktiv evidence (outside quotation marks): K1, K2 or ""."""
    words = [v.low[i] for i in range(len(v)) if v.q[i] < 0]
    caps = [v.cap[i] for i in range(len(v)) if v.q[i] < 0]
    return mood(words, caps)


def reportative(v: View) -> bool:
    """"soll(en)" outside quotation marks: hearsay ("Er soll geflohen sein") or a plan
    reported from the source just named ("Die Fusion soll 2011 erreicht sein"). Only asked
    right after a sentence with a speaker."""
    return any(v.low[i] in _REPORTATIVE and v.q[i] < 0 for i in range(len(v)))


def free_indirect(v: View) -> Cand:
    """The whole unit as a quote of the last speaker (filled in by the caller)."""
    return Cand("free", [(0, len(v))], None, [])


def own_subject(v: View, named: Callable[[int, int], bool]) -> tuple[int, int] | None:
    """The speaker of a Konjunktiv sentence that names its own: "X wies den Vorwurf zurück,
    da er jeder Grundlage entbehre" is X's, not the last speaker's. The main verb must be
    indicative (the Konjunktiv lies in what X said) and the subject someone who speaks: a
    pronoun, a role or group noun, or a person or organisation (``named`` over token indices)."""
    n = len(v)
    fin = next((k for k in range(1, n) if v.q[k] < 0 and verb_like(v, k)), -1)
    if fin < 0 or v.low[fin] in lexicon().konjunktiv or v.low[fin] in _REPORTATIVE:
        return None
    subject = clause_subject(v)
    if subject is None or subject[1] > fin + 4:
        return None
    a, b = subject
    if b - a == 1 and v.low[a] in SPEAKER_PRONOUNS and v.low[a] != "man":
        return subject
    return subject if speakerish(v, a, b) or named(a, b) else None
