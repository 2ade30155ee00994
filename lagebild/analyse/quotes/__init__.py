"""Who said what: direct, indirect and mixed quotes with their cue and resolved speaker.

How it runs: quotation marks are paired over the whole text (``marks``); sentences one
quotation spans are read as one unit; in each unit speech-verb frames (``frames``, with the
clause tests in ``clauses``), attributions such as "laut X" (``attrib``) and utterance nouns
(``nouns``) propose candidates, the best non-overlapping ones win, and quotations that
stand alone or Konjunktiv sentences that go on reporting take their speaker from the units
before (``context``). Speakers are resolved to entities (``resolve``).
All the German it knows is in data files under ``lagebild/analyse/de``.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from functools import partial

from lagebild.analyse.figures import attribute_figures
from lagebild.analyse.pipeline import component
from lagebild.analyse.quotes.acts import action_act
from lagebild.analyse.quotes.attrib import als_fragments, attributions, dass_guess, names_source, unknown_verb_frames
from lagebild.analyse.quotes.cand import PRIORITY, Cand, minus, strip_ranges
from lagebild.analyse.quotes.clauses import clause_subject, verb_like
from lagebild.analyse.quotes.context import (
    dash_quote,
    free_indirect,
    own_subject,
    reportative,
    reported_mood,
    standalone,
)
from lagebild.analyse.quotes.frames import verb_frames
from lagebild.analyse.quotes.grammar import View
from lagebild.analyse.quotes.marks import Marked, find_quotes
from lagebild.analyse.quotes.nouns import noun_frames
from lagebild.analyse.quotes.resolve import Resolver
from lagebild.analyse.quotes.seams import openers, seams
from lagebild.analyse.tokens import sentence_spans, tokenize
from lagebild.model import Analysis, Quote, Role, Token

__all__ = ["find_quotes_in", "quotes_component"]

#: how many units back a quotation or Konjunktiv sentence may find its speaker
_CONTEXT_UNITS = 2


@dataclass(slots=True)
class _Unit:
    start: int
    end: int
    paragraph: int
    view: View


def _units(text: str, tokens: list[Token], sentences: list[tuple[int, int]],
           top: list[Marked], marks: list[Marked]) -> list[_Unit]:
    """Sentences, joined where one quotation runs over a sentence end."""
    ends = [e for _, e in sentences]
    joined: set[int] = set()  # sentence ends that lie inside a quotation
    for m in top:
        k = bisect.bisect_right(ends, m.start)
        while k < len(ends) and ends[k] < m.end:
            joined.add(ends[k])
            k += 1
    spans: list[list[int]] = []
    for s, e in sentences:
        if spans and spans[-1][1] in joined:
            spans[-1][1] = e
        else:
            spans.append([s, e])
    starts = [t.start for t in tokens]
    quoted = [(m.start, m.end) for m in top]
    at = openers(tokens)
    cut: list[list[int]] = []
    for s, e in spans:  # a heading glued to the next sentence ("… Berater Jonas Weber Er sagte …")
        for x in seams(tokens, bisect.bisect_left(starts, s), bisect.bisect_left(starts, e), quoted, at):
            cut.append([s, x])
            s = x
        cut.append([s, e])
    spans = cut
    top_starts = [m.start for m in top]
    inner_all = [m for m in marks if m.depth > 0]
    inner_starts = [m.start for m in inner_all]
    out: list[_Unit] = []
    paragraph = 0
    prev_end = 0
    for s, e in spans:
        if "\n" in text[prev_end:s]:
            paragraph += 1
        prev_end = e
        a, b = bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)
        quotes = top[bisect.bisect_left(top_starts, s):bisect.bisect_left(top_starts, e)]
        inner = inner_all[bisect.bisect_left(inner_starts, s):bisect.bisect_left(inner_starts, e)]
        out.append(_Unit(s, e, paragraph, View.build(text, tokens[a:b], quotes, inner)))
    return out


def _reconcile(v: View, cands: list[Cand]) -> list[Cand]:
    """The best candidates whose contents do not cross; an inner one is kept as nested."""
    order = sorted(cands, key=lambda c: (-PRIORITY[c.how], min(c.cue) if c.cue else 0))
    accepted: list[Cand] = []
    for c in order:
        if not c.tokens():
            continue
        if _fits(c, accepted):
            accepted.append(c)
        elif c.how == "attribution":
            cut = _clause_before_others(v, c, accepted)
            if cut is not None and _fits(cut, accepted):
                accepted.append(cut)
    for c in accepted:
        mine = c.tokens()
        drop: set[int] = set()
        for a in accepted:
            if a is not c and not a.tokens() <= mine:
                drop |= a.roles()
        drop -= c.roles() - set(c.cue)
        if drop & mine:
            c.content = minus(c.content, drop)
        inner = [a for a in accepted if a is not c and a.tokens() < c.tokens()]
        if inner:
            for a in inner:
                a.nested = True
    return accepted


def _so_source(v: View, cands: list[Cand]) -> list[Cand]:
    """"Es wurde festgestellt, dass …, so Beamte aus X.": a frame without a speaker whose
    content runs into a trailing "so X" takes X as its speaker and ends before it."""
    out = list(cands)
    for so in cands:
        if so.how not in ("attribution", "inverted") or len(so.cue) != 1 or v.low[so.cue[0]] != "so" \
                or so.speaker is None:
            continue
        at = so.cue[0]
        for c in cands:
            if c is so or c.how != "frame" or c.speaker is not None or not c.content:
                continue
            a, b = c.content[-1]
            if a < at - 1 < b and v.low[at - 1] in (",", "–", "—"):
                c.content = [*c.content[:-1], (a, at - 1)]
                c.speaker = so.speaker
                c.cue = sorted({*c.cue, at})
                if so in out:
                    out.remove(so)
    return out


def _joined_quotations(v: View, accepted: list[Cand], used: set[int]) -> list[Cand]:
    """„A“, und die USA „werden nicht zögern …“: a further quotation joined by "und" to a
    quote with a speaker goes on quoting that speaker."""
    out: list[Cand] = []
    for qn, (a, b) in enumerate(v.qtok):
        if qn in used or b - a < 4:
            continue
        before = [c for c in accepted if c.speaker is not None and c.content and c.content[-1][1] <= a
                  and c.cue and max(c.cue) < a and c.speaker[1] <= a]
        if not before:
            continue
        c = max(before, key=lambda c: c.content[-1][1])
        gap = range(c.content[-1][1], a)
        if not any(v.low[k] in ("und", "sowie") for k in gap) or len(gap) > 6 \
                or any(verb_like(v, k) for k in gap):
            continue
        out.append(Cand("fragment", [(a, b)], c.speaker, list(c.cue), quote_index=qn))
    return out


def _fits(c: Cand, accepted: list[Cand]) -> bool:
    """Does ``c`` neither cross an accepted candidate nor swallow its speaker or cue?"""
    mine = c.tokens()
    for a in accepted:
        theirs = a.tokens()
        if mine & theirs and (not (mine < theirs or theirs < mine)
                              or "reported" in (c.how, a.how) or "free" in (c.how, a.how)):
            return False
        if mine & a.roles() and not mine < theirs:
            return False
    return True


def _clause_before_others(v: View, c: Cand, accepted: list[Cand]) -> Cand | None:
    """"Laut X könnte …, während Y berichtete, dass …": the attribution's clause ends at the
    comma before the frame that follows it."""
    mine = c.tokens()
    others = [min(a.tokens() | a.roles()) for a in accepted if mine & (a.tokens() | a.roles())]
    own = c.roles()
    if not others or not own:
        return None
    lo = min(others)
    comma = next((k for k in range(lo - 1, max(own), -1) if v.low[k] == "," and v.q[k] < 0), -1)
    if comma < 0:
        return None
    content = [(a, min(b, comma)) for a, b in c.content if a < comma]
    content = [(a, b) for a, b in content if a < b]
    return replace(c, content=content) if content else None


def _kind(v: View, c: Cand) -> None:
    if c.quote_index >= 0:
        c.kind = "direct"
        return
    keep_final = c.how in ("reported", "free", "standalone")
    c.content = strip_ranges(v, c.content, keep_final=keep_final)
    if c.how == "standalone":
        c.kind = "direct"  # set off by a dash, not by marks
        return
    c.kind = "mixed" if _quoted_in(v, [c]) else "indirect"


def _quoted_in(v: View, cands: list[Cand]) -> set[int]:
    """The quotations (indices) that candidates' contents cover, wholly or in part."""
    out: set[int] = set()
    for c in cands:
        for a, b in c.content:
            out.update(v.q[a:b])
    out.discard(-1)
    return out


def find_quotes_in(doc: Analysis) -> list[Quote]:
    """All quotes of ``doc`` in text order (nested ones after the quote holding them)."""
    text = doc.text
    tokens = list(doc.tokens) or tokenize(text)
    sentences = list(doc.sentences) or sentence_spans(text, tokens)
    marks = find_quotes(text, tuple(sentences))
    top: list[Marked] = []
    for m in marks:
        if m.depth == 0 and (not top or m.start >= top[-1].end):
            top.append(m)
    units = _units(text, tokens, sentences, top, marks)
    resolver = Resolver(text, doc.mentions)
    out: list[Quote] = []
    last: tuple[int, Role | None, str] | None = None  # (unit index, speaker, how)
    hows: list[str] = []  # how each quote in ``out`` was found
    first_of: list[int] = []  # index in ``out`` of each unit's first quote
    for n, unit in enumerate(units):
        first_of.append(len(out))
        v = unit.view
        if not len(v):
            continue
        source_before = n > 0 and v.low[0] == "danach" and (names_source(units[n - 1].view) or any(
            q.start >= units[n - 1].start for q in out[-1:]))
        cands = verb_frames(v) + attributions(v, source_before)
        cands += unknown_verb_frames(v, {c.quote_index for c in cands})
        context = [c for c in cands if c.how == "context"]
        cands = [c for c in cands if c.how != "context"]
        cands += noun_frames(v)
        cands += als_fragments(v, {c.quote_index for c in cands} | _quoted_in(v, cands))
        cands = _so_source(v, cands)
        if not cands:
            guess = dass_guess(v)
            cands = [guess] if guess is not None else []
        accepted = _reconcile(v, cands)
        used = {c.quote_index for c in accepted} | _quoted_in(v, accepted)
        accepted += _joined_quotations(v, accepted, used)
        if not accepted:
            accepted = standalone(v, used)
            dash = dash_quote(v) if not accepted else None
            if dash is not None:
                accepted = [dash]
        recent = last is not None and n - last[0] <= _CONTEXT_UNITS
        if accepted and all(c.how == "reported" for c in accepted) and recent and reported_mood(v) == "K1":
            accepted = []  # a speech act told in Konjunktiv is itself reported by the last speaker
        if not accepted and recent and last is not None and (last[1] is not None or n - last[0] == 1) \
                and (last[2] != "context" or n - last[0] == 1):
            evidence = reported_mood(v)
            if evidence == "K1" or reportative(v) or (evidence == "K2" and last[2] != "direct" and n - last[0] == 1):
                accepted = [free_indirect(v)]
        if not accepted and context:
            # "Das lehnte Abhisit ab." quotes nothing, but Konjunktiv sentences after it report him
            c = context[0]
            last = (n, resolver.role(*v.span(*c.speaker)) if c.speaker else None, "context")
            continue
        for c in sorted(accepted, key=lambda c: min(a for a, _ in c.content) if c.content else 0):
            _kind(v, c)
            if not c.content:
                continue
            speaker = resolver.role(*v.span(*c.speaker)) if c.speaker else None
            if speaker is not None and c.antecedent is not None:
                who = resolver.role(*v.span(*c.antecedent))
                speaker = replace(speaker, name=who.name, entity=who.entity)
            if speaker is None and c.how == "standalone" and n > 0 and len(units[n - 1].view) \
                    and units[n - 1].view.low[-1] == ":":
                # "Im Kongress warb Obama mit den Worten:" + the quotation as the next sentence
                subject = clause_subject(units[n - 1].view)
                if subject is not None:
                    speaker = resolver.role(*units[n - 1].view.span(*subject))
            if speaker is None and c.how == "free":
                own = own_subject(v, partial(_names_someone, resolver, v))
                if own is not None:
                    speaker = resolver.role(*v.span(*own))
            if speaker is None and c.how in ("standalone", "free") and recent and last is not None:
                speaker = last[1]
            quote = _quote(text, v, c, speaker)
            act = action_act(v, c)
            if act:
                quote = replace(quote, act=act)
            if c.how == "anaphoric":
                found = _anaphoric(text, units, n, out, hows, first_of, quote)
                if found is None:
                    continue
                quote = found
            if c.how == "free" and hows and hows[-1] == "free" and n > 0 and first_of[n - 1] < len(out) \
                    and units[n - 1].paragraph == unit.paragraph and out[-1].speaker == speaker:
                # consecutive Konjunktiv sentences of one speaker are one reported passage
                prev = out[-1]
                kind = "mixed" if "mixed" in (prev.kind, quote.kind) else prev.kind
                out[-1] = replace(prev, text=text[prev.start:quote.end], end=quote.end, kind=kind)
                last = (n, speaker, c.kind)
                continue
            out.append(quote)
            hows.append(c.how)
            if not c.nested:
                nested = _nested(text, v, c)
                out.extend(nested)
                hows.extend("nested" for _ in nested)
                if _stands_for_someone(speaker) and last is not None and last[1] is not None:
                    last = (n, last[1], c.kind)  # "seiner Meinung nach": the one named before goes on
                elif speaker is not None or c.how not in ("standalone", "free"):
                    last = (n, speaker, c.kind)
                elif last is not None:
                    last = (n, last[1], c.kind)
    return out


_POSSESSIVE = frozenset({"seiner", "ihrer", "seinem", "ihrem", "seinen", "ihren", "seines", "ihres"})


def _stands_for_someone(speaker: Role | None) -> bool:
    """"seiner Meinung", "ihren Angaben", "demnach": a source that points back to the speaker
    named before, so later sentences go on reporting that speaker."""
    if speaker is None:
        return False
    words = speaker.text.lower().split()
    return bool(words) and (words[0] in _POSSESSIVE or words == ["demnach"] or words == ["danach"])


def _names_someone(resolver: Resolver, v: View, a: int, b: int) -> bool:
    return resolver.names_someone(*v.span(a, b))


def _anaphoric(text: str, units: list[_Unit], n: int, out: list[Quote], hows: list[str],
               first_of: list[int], quote: Quote) -> Quote | None:
    """"Dies teilte X mit." quotes the sentence before (and "Dies"); a quotation standing
    there alone gets X as its speaker instead."""
    if n == 0 or units[n - 1].paragraph != units[n].paragraph:
        return None
    before = range(first_of[n - 1], len(out))
    if len(before):
        k = before[0]
        if len(before) == 1 and hows[k] == "standalone" and out[k].speaker is None:
            out[k] = replace(out[k], speaker=quote.speaker, cue=quote.cue)
        return None
    prev = units[n - 1].view
    if not len(prev):
        return None
    start = prev.toks[0].start
    kind = "mixed" if prev.quotes else "indirect"
    return replace(quote, text=text[start:quote.end], start=start, kind=kind)


def _quote(text: str, v: View, c: Cand, speaker: Role | None) -> Quote:
    spans = tuple(v.span(a, b) for a, b in c.content)
    start, end = spans[0][0], spans[-1][1]
    cue = None
    if c.cue:
        cue_spans = _merge(tuple(v.span(i, i + 1) for i in sorted(c.cue)), text)
        cue = Role(" ".join(text[s:e] for s, e in cue_spans), cue_spans[0][0], cue_spans[-1][1],
                   spans=cue_spans if len(cue_spans) > 1 else ())
    return Quote(" ".join(text[s:e] for s, e in spans), start, end, c.kind, speaker=speaker, cue=cue,
                 spans=spans if len(spans) > 1 else (), nested=c.nested, medium=c.medium)


def _merge(spans: tuple[tuple[int, int], ...], text: str) -> tuple[tuple[int, int], ...]:
    """Adjacent token spans (separated by spaces only) as one piece."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and not text[out[-1][1]:s].strip():
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return tuple(out)


def _nested(text: str, v: View, c: Cand) -> list[Quote]:
    """Quotations inside a direct quotation, as nested direct quotes (whose speaker the
    outer one names, so left open). The quoted fragments of a mixed quote are part of it,
    not quotes of their own."""
    if c.kind != "direct" or c.quote_index < 0:
        return []
    m = v.quotes[c.quote_index]
    return [Quote(text[i.start:i.end], i.start, i.end, "direct", nested=True)
            for i in v.inner if m.start <= i.start and i.end <= m.end]


@component("quotes", requires=("text", "tokens", "entities"), assigns=("quotes", "acts"))
def quotes_component(doc: Analysis) -> Analysis:
    found = find_quotes_in(doc)
    quotes = tuple(q for q in found if not q.act)
    acts = tuple(q for q in found if q.act)
    # figures inside attributed speech (or a speech act) are claimed by the speaker
    return replace(doc, quotes=quotes, acts=acts, figures=attribute_figures(doc.figures, tuple(found)))
