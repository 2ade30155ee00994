"""Statements: who says (or, by an act, confirms) what, with which stance, in one sentence.

Three sources, so that claims work with whatever the analysis provides:
  quote     the analysis' quotes (speaker and cue from the quote component);
  reported  a sentence with a reporting verb ("erklärte", "dementieren", "laut X", "so X") that no
            quote covers: the speaker is the free actor next to the cue, the content the rest;
  act       a who-did-what record whose verb commits its doers (unterzeichnen): they assert it.
Stance comes from the cue (dementieren denies, bezweifeln questions) and a negation in the
content flips asserts and denies; nothing here is keyed on particular sentences.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from lagebild.link.actors import Actor, governed
from lagebild.link.happenings import Sentence, WhoDidWhat, _clause
from lagebild.link.lexicon import NEGATIONS, lemma, normal_terms, verbs
from lagebild.model import Analysis, Quote

_ATTRIBUTION = re.compile(r"\b(?:[Ll]aut|[Nn]ach Angaben(?: von| des| der)?|[Zz]ufolge|so)\s+", re.U)
_NUMBER = re.compile(r"(\d+(?:[.,]\d+)*)\s*(Millionen|Milliarden|Tausend)?\s+([A-ZÄÖÜ][\w-]+)")
_SCALE = {"Millionen": 1e6, "Milliarden": 1e9, "Tausend": 1e3}


@dataclass(frozen=True)
class Speaker:
    text: str
    name: str | None
    entity: str | None
    key: str


@dataclass(frozen=True)
class Statement:
    stance: str
    basis: str  # quote | reported | act
    speaker: Speaker
    text: str
    start: int
    end: int
    date: str | None
    terms: tuple[str, ...]
    figures: tuple[tuple[float, str], ...]


def _speaker(actor: Actor, sent: Sentence) -> Speaker:
    """The speaker phrase around an actor: "südkoreanische und US-amerikanische Beamte",
    "Beamte aus Washington, Seoul und Kiew"."""
    start, end = actor.start, actor.end
    if actor.type == "GROUP":
        toks = sent.tokens
        idx = next(i for i, t in enumerate(toks) if t.start == actor.start)
        j = idx - 1
        while j >= 0 and (_adjective(toks[j].text) or toks[j].text == "und"):
            if toks[j].text in ("der", "die", "das", "den", "dem", "des", "ein", "eine", "einem", "einen"):
                break
            start = toks[j].start
            j -= 1
        k = idx + 1
        if k < len(toks) and toks[k].text in ("aus", "von", "des", "der"):
            k += 1
            while k < len(toks) and (toks[k].text[:1].isupper() or toks[k].text in (",", "und")):
                end = toks[k].end if toks[k].text not in (",", "und") else end
                k += 1
    text = sent.text[start - sent.start:end - sent.start].strip(" ,")
    while text.startswith(("und ", ", ")):
        text = text[4:] if text.startswith("und ") else text[2:]
    name = actor.name if actor.type != "GROUP" else None
    key = actor.key or lemma(actor.text)
    return Speaker(text, name, actor.entity, key)


def _adjective(word: str) -> bool:
    """A lower-case (or US-) inflected adjective that is not a verb form: "südkoreanische"."""
    w = word[3:] if word.startswith("US-") else word
    return w[:1].islower() and w.isalpha() and w.endswith(("e", "en", "er", "es", "em")) \
        and lemma(w) not in verbs() and w not in ("und", "oder")


def terms_of(text: str, skip: set[str]) -> tuple[str, ...]:
    out: list[str] = []
    for w in re.findall(r"[^\W\d_][\w-]*", text):
        if w in skip or w.lower() in NEGATIONS:
            continue
        if lemma(w) in verbs() and verbs()[lemma(w)].say:
            continue
        out.extend(normal_terms(w))
    return tuple(sorted(set(out)))


def _figures(text: str) -> tuple[tuple[float, str], ...]:
    out = []
    for m in _NUMBER.finditer(text):
        raw = m.group(1).replace(".", "").replace(",", ".")
        try:
            value = float(raw) * _SCALE.get(m.group(2) or "", 1.0)
        except ValueError:
            continue
        if 1900 <= value <= 2100 and not m.group(2):
            continue  # a year
        out.append((value, lemma(m.group(3))))
    return tuple(out)


def _stance(base: str, content: str, negated_cue: bool = False) -> str:
    words = {w.lower() for w in re.findall(r"\w+", content)}
    negated = bool(words & NEGATIONS) != negated_cue
    if base == "questions" or content.rstrip(" “”\"'»«").endswith("?"):
        return "questions"
    if base == "denies":
        return "asserts" if negated else "denies"
    return "denies" if negated else "asserts"


def _sentence_date(sent: Sentence, published: str | None) -> str | None:
    for d in sent.dates:
        if len(d.value) >= 10:
            return d.value[:10]
    return (published or "")[:10] or None


def from_quotes(doc: Analysis, sentences: list[Sentence]) -> list[Statement]:
    out = []
    for q in doc.quotes:
        out.extend(_from_quote(q, sentences, doc.article.published))
    return out


def _from_quote(q: Quote, sentences: list[Sentence], published: str | None) -> list[Statement]:
    sent = next((s for s in sentences if s.start <= q.start < s.end), None)
    if q.speaker is None or sent is None:
        return []
    cue = lemma(q.cue.text.split()[0]) if q.cue and q.cue.text else ""
    base = verbs()[cue].stance if cue in verbs() else ""
    sp = Speaker(q.speaker.text, q.speaker.name, q.speaker.entity,
                 q.speaker.entity or lemma(q.speaker.name or q.speaker.text))
    skip = set(q.speaker.text.split())
    return [Statement(_stance(base, q.text), "quote", sp, q.text, q.start, q.end, _sentence_date(sent, published),
                      terms_of(q.text, skip), _figures(q.text))]


def reported(sentences: list[Sentence], covered: list[tuple[int, int]], published: str | None) -> list[Statement]:
    """Statements of sentences no quote covers: reporting verbs and "laut X"/"so X"."""
    out: list[Statement] = []
    for sent in sentences:
        if any(a < sent.end and sent.start < b for a, b in covered):
            continue
        cues = [t for t in sent.triggers if t.verb.say or t.verb.stance in ("denies", "questions")]
        speakers: list[Actor] = []
        content = (sent.start, sent.end)
        base = ""
        if cues:
            cue = cues[0]
            base = cue.verb.stance
            c_start, c_end = _clause(sent, cue.start)
            free = [a for a in sent.actors if c_start <= a.start < c_end and not governed(sent.tokens, a)]
            before = [a for a in free if a.end <= cue.start]
            after = [a for a in free if a.start >= cue.end]
            if before:
                speakers = [before[-1]]
                for a in reversed(before[:-1]):
                    if sent.text[a.end - sent.start:speakers[0].start - sent.start].strip() not in ("und", ","):
                        break
                    speakers.insert(0, a)
            elif after:
                speakers = [after[0]]
            rest = sent.text[c_end - sent.start:].lstrip()
            own = terms_of(sent.text[c_start - sent.start:c_end - sent.start],
                           {w for a in speakers for w in a.text.split()} | {cue.text})
            clause_final = not any(t.start > cue.end and t.end <= c_end and t.text[:1].isalpha()
                                   for t in sent.tokens)
            if clause_final and len(own) >= 2 and not re.match(r"(,\s*(dass|daß|ob)\b|:)", rest[:8]):
                content = (c_start, c_end)  # "... Nordkorea und Russland Waffengeschäfte dementieren"
            elif c_start - sent.start > 12:
                content = (sent.start, c_start)
            elif c_end < sent.end - 12:
                content = (c_end, sent.end)
            else:
                content = (c_start, c_end)
        if not speakers:
            m = _ATTRIBUTION.search(sent.text)
            if m is None:
                continue
            at = sent.start + m.end()
            nxt = [a for a in sent.actors if a.start >= at and a.start - at <= 30]
            if not nxt:
                word = re.match(r"[A-ZÄÖÜ][\w-]+", sent.text[m.end():])
                if not word:
                    continue
                nxt = [Actor(word.group(0), at, at + len(word.group(0)), word.group(0), word.group(0), "ORG")]
            speakers = [nxt[0]]
            # "..., so Beamte aus Washington": the content is what comes before
            content = (sent.start, sent.start + m.start()) if m.start() > len(sent.text) / 2 else (sent.start, sent.end)
        if not speakers:
            continue
        text = sent.text[content[0] - sent.start:content[1] - sent.start].strip(" ,„“\"")
        skip = {w for a in speakers for w in a.text.split()}
        for sp in speakers:
            out.append(Statement(_stance(base, text), "reported", _speaker(sp, sent), text, content[0],
                                 content[1], _sentence_date(sent, published), terms_of(text, skip), _figures(text)))
    return out


def acts(records: list[WhoDidWhat], sentences: list[Sentence]) -> list[Statement]:
    """Doers of a committing act (a verb with a stance, e.g. unterzeichnen) assert what they did."""
    out = []
    by_start = {s.start: s for s in sentences}
    for r in records:
        if r.trigger.verb.stance != "asserts" or r.trigger.verb.say or "negated" in r.contexts \
                or "hypothetical" in r.contexts:
            continue
        sent = by_start[r.sent_start]
        c_start, c_end = _clause(sent, r.trigger.start)
        text = sent.text[c_start - sent.start:c_end - sent.start].strip(" ,„“\"")
        doers = [r.source] + ([r.target] if r.target is not None else [])
        skip = {w for a in doers for w in a.text.split()}
        for doer in doers:
            out.append(Statement("asserts", "act", _speaker(doer, sent), text, c_start, c_end,
                                 (r.date or "")[:10] or None, terms_of(text, skip), _figures(text)))
    return out
