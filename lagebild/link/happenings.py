"""Dated happenings and who-did-what records, read from single sentences.

A happening is a sentence with a calendar date and a verb: its date, trigger, participants and
place ("Putin und Kim unterzeichneten am Mittwoch in Pjöngjang ein Abkommen" -> 2024-06-19,
unterzeichnen, [Putin, Kim], Pjöngjang). A who-did-what record is a happening (or an undated
sentence) whose verb has a PLOVER event type and whose source actor can be found in the same
clause; its target is the next actor not governed by a preposition.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from lagebild.link.actors import Actor, actors, governed, is_role, known_names
from lagebild.link.dates import DateMention, sentence_dates
from lagebild.link.features import tokens_of
from lagebild.link.lexicon import NEGATIONS, PARTICLES, Verb, lemma, stopwords, verbs
from lagebild.model import Analysis, Token

_HYPOTHETICAL = frozenset({"würde", "würden", "könnte", "könnten", "wäre", "wären", "sollte", "sollten", "dürfte",
                           "dürften", "möglicherweise", "vermutlich", "angeblich"})
_FUTURE = frozenset({"wird", "werden", "will", "wollen", "soll", "sollen", "plant", "planen"})
_CLAUSE_BREAK = frozenset({",", ";", ":", "–", "—", "dass", "daß", "weil", "obwohl", "während", "nachdem", "um"})


@dataclass(frozen=True)
class Trigger:
    verb: Verb
    text: str
    start: int
    end: int


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    tokens: list[Token]
    actors: list[Actor]
    dates: list[DateMention]
    triggers: list[Trigger] = field(default_factory=list)
    finite: Token | None = None  # first verb-like word, for sentences without a lexicon verb


@dataclass(frozen=True)
class Happening:
    sent_start: int
    sent_end: int
    date: str
    date_text: str
    trigger: str
    trigger_start: int
    trigger_end: int
    type: str
    participants: tuple[str, ...]
    place: str
    summary: str


@dataclass(frozen=True)
class WhoDidWhat:
    type: str
    mode: str
    date: str | None
    source: Actor
    target: Actor | None
    place: str
    trigger: Trigger
    sent_start: int
    sent_end: int
    contexts: tuple[str, ...]


def _triggers(tokens: list[Token]) -> list[Trigger]:
    """Lexicon verbs of a sentence; a separable particle at the clause end joins its verb
    ("traf ... ein" -> eintreffen, "wies ... zurück" -> zurückweisen)."""
    lex = verbs()
    out = []
    for i, tok in enumerate(tokens):
        w = tok.text
        if not w[:1].islower() and i > 0:
            continue
        lem = lemma(w) if w[:1].islower() else lemma(w.lower())
        particle = None
        for j in range(i + 1, len(tokens)):
            t = tokens[j].text
            if t in _CLAUSE_BREAK or t in {".", "!", "?"}:
                if j - 1 > i and tokens[j - 1].text in PARTICLES:
                    particle = tokens[j - 1].text
                break
        if particle and particle + lem in lex:
            out.append(Trigger(lex[particle + lem], w, tok.start, tok.end))
        elif lem in lex:
            out.append(Trigger(lex[lem], w, tok.start, tok.end))
    return out


def _finite(tokens: list[Token]) -> Token | None:
    for i, tok in enumerate(tokens):
        w = tok.text
        if i and w[:1].islower() and w.isalpha() and w not in stopwords() and len(w) > 3:
            lem = lemma(w)
            if lem != w and lem.endswith(("en", "ern", "eln")) and w.endswith(("te", "ten", "t", "en", "e")):
                return tok
    return None


def read_sentences(doc: Analysis) -> list[Sentence]:
    text = doc.text
    tokens = tokens_of(doc)
    names = known_names(tokens)
    spans = list(doc.sentences)
    if not spans:
        from lagebild.analyse.tokens import sentence_spans
        spans = sentence_spans(text, tokens)
    out = []
    for s, e in spans:
        toks = [t for t in tokens if s <= t.start and t.end <= e]
        sent = Sentence(s, e, text[s:e], toks, actors(doc, tokens, s, e, names), sentence_dates(doc, s, e))
        sent.triggers = _triggers(toks)
        sent.finite = None if sent.triggers else _finite(toks)
        out.append(sent)
    return out


def _place(sent: Sentence) -> str:
    """The first named place after "in"/"im" ("in Pjöngjang", "im Kosmodrom Wostotschny")."""
    for i, tok in enumerate(sent.tokens[:-1]):
        if tok.text in ("in", "im"):
            nxt = sent.tokens[i + 1]
            for a in sent.actors:
                near = a.start == nxt.start or (a.start > nxt.start and a.start - nxt.end <= 1)
                if near and a.type in ("GPE", "LOC", "PER"):
                    return a.name
    return ""


def summary(sent: Sentence, limit: int = 240) -> str:
    text = " ".join(sent.text.split())
    return text if len(text) <= limit else text[: limit - 2].rsplit(" ", 1)[0] + " …"


def happenings(sentences: list[Sentence]) -> list[Happening]:
    out = []
    for sent in sentences:
        if not sent.dates:
            continue
        if sent.triggers:
            trig: Trigger | Token = sent.triggers[0]
            word, typ = sent.triggers[0].verb.lemma, sent.triggers[0].verb.type
        elif sent.finite is not None:
            trig, word, typ = sent.finite, lemma(sent.finite.text), ""
        else:
            continue
        parts = tuple(dict.fromkeys(a.name for a in sent.actors if a.type != "GROUP"))
        seen = set()
        for d in sent.dates:
            if d.value in seen:
                continue
            seen.add(d.value)
            out.append(Happening(sent.start, sent.end, d.value, d.text, word, trig.start, trig.end, typ, parts,
                                 _place(sent), summary(sent)))
    return out


def _clause(sent: Sentence, pos: int) -> tuple[int, int]:
    """Character range of the clause around ``pos`` (split at commas, colons and conjunctions)."""
    start, end = sent.start, sent.end
    for tok in sent.tokens:
        if tok.text in _CLAUSE_BREAK:
            if tok.end <= pos:
                start = tok.end
            elif tok.start >= pos:
                end = tok.start
                break
    return start, end


def _contexts(sent: Sentence, start: int, end: int) -> tuple[str, ...]:
    words = {t.text.lower() for t in sent.tokens if start <= t.start < end}
    out = []
    if words & NEGATIONS:
        out.append("negated")
    if words & _HYPOTHETICAL:
        out.append("hypothetical")
    if words & _FUTURE:
        out.append("future")
    return tuple(out)


def who_did_what(sentences: list[Sentence], published: str | None) -> list[WhoDidWhat]:
    out = []
    for sent in sentences:
        for trig in sent.triggers:
            if not trig.verb.type:
                continue
            c_start, c_end = _clause(sent, trig.start)
            free = [a for a in sent.actors if c_start <= a.start < c_end and a.type != "GROUP"
                    and not governed(sent.tokens, a)]
            before = [a for a in free if a.end <= trig.start]
            after = [a for a in free if a.start >= trig.end]
            pairs: list[tuple[Actor, Actor | None]]
            if before:
                chain = [before[-1]]
                for a in reversed(before[:-1]):
                    if _between(sent, a, chain[0]) not in ("und", "sowie", ","):
                        break
                    chain.insert(0, a)
                if trig.verb.type in ("AGREE", "CONSULT", "COOPERATE") and len(chain) > 1:
                    pairs = [(chain[0], chain[1])]
                else:
                    pairs = [(a, after[0] if after else None) for a in chain]
            elif after:
                pairs = [(after[0], after[1] if len(after) > 1 else None)]
            else:
                continue
            date = min(sent.dates, key=lambda d: abs(d.start - trig.start)).value if sent.dates else None
            ctx = _contexts(sent, c_start, c_end)
            if date is None:
                ctx += ("date=published",)
                date = (published or "")[:10] or None
            for source, aim in pairs:
                target = None if aim is not None and aim.key == source.key else aim
                out.append(WhoDidWhat(trig.verb.type, trig.verb.mode, date, source, target, _place(sent), trig,
                                      sent.start, sent.end, ctx))
    return out


def _between(sent: Sentence, a: Actor, b: Actor) -> str:
    """The words between two actors, role nouns left out ("und Präsidentin" -> "und")."""
    gap = sent.text[a.end - sent.start:b.start - sent.start]
    words = [w for w in gap.split() if not is_role(w) and w.lower() not in ("der", "die", "dem", "den")]
    return " ".join(words).strip().lower()
