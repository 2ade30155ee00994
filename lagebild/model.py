"""The data that flows through lagebild: frozen records, one per concept.

Every span is a pair of Python ``str`` indices into the text it was found in, so any
component's output can be checked against the text alone (see ``Span.check``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

JSON = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of text located by character offsets."""

    text: str
    start: int
    end: int

    def to_json(self) -> JSON:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Flag:
    """Something odd in the text that a reader should know about (e.g. an MT artifact)."""

    kind: str
    text: str
    start: int
    end: int
    note: str = ""

    def to_json(self) -> JSON:
        out: JSON = {"kind": self.kind, "text": self.text, "start": self.start, "end": self.end}
        if self.note:
            out["note"] = self.note
        return out


@dataclass(frozen=True, slots=True)
class RawDocument:
    """What a reader yields before cleaning: text or HTML plus whatever metadata came along."""

    origin: str  # file path, URL or "<stdin>:N": named in every error about this input
    text: str | None = None
    html: str | None = None
    id: str | None = None
    title: str | None = None
    published: str | None = None
    url: str | None = None
    source: str | None = None
    language: str | None = None
    authors: tuple[str, ...] = ()
    extra: JSON = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article: the unit that is analysed, stored and clustered."""

    id: str
    text: str
    title: str = ""
    published: str | None = None  # ISO date or datetime
    published_basis: str = ""  # where the date came from: metadata, page, text, option
    source: str = ""
    url: str = ""
    language: str = ""
    authors: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    flags: tuple[Flag, ...] = ()
    origin: str = ""

    def to_json(self) -> JSON:
        return {
            "id": self.id,
            "title": self.title,
            "published": self.published,
            "published_basis": self.published_basis,
            "source": self.source,
            "url": self.url,
            "language": self.language,
            "authors": list(self.authors),
            "text": self.text,
            "removed": list(self.removed),
            "flags": [f.to_json() for f in self.flags],
        }


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of an entity in a text."""

    text: str
    start: int
    end: int
    type: str  # PER ORG GPE LOC MISC
    entity_id: str = ""
    name: str = ""  # canonical name of the entity, once resolved
    confidence: float = 1.0  # of the link; below 1 for a bare noun resolved by context ("Außenministerium")

    def to_json(self) -> JSON:
        out: JSON = {"text": self.text, "start": self.start, "end": self.end}
        if self.confidence < 1.0:
            out["confidence"] = self.confidence
        return out


@dataclass(frozen=True, slots=True)
class Entity:
    """A real-world entity as seen in one document: its stable id and its mentions."""

    id: str
    name: str
    type: str
    mentions: tuple[Mention, ...]
    in_kb: bool = False

    def to_json(self) -> JSON:
        return {"id": self.id, "name": self.name, "type": self.type,
                "mentions": [m.to_json() for m in self.mentions]}


@dataclass(frozen=True, slots=True)
class Timex:
    """A time expression normalised to a TIMEX3 value."""

    text: str
    start: int
    end: int
    value: str
    type: str = "DATE"  # DATE TIME DURATION SET

    def to_json(self) -> JSON:
        return {"text": self.text, "start": self.start, "end": self.end,
                "value": self.value, "type": self.type}


@dataclass(frozen=True, slots=True)
class Figure:
    """A number as claimed in the text, with what it counts."""

    text: str
    start: int
    end: int
    value: float
    unit: str = ""
    qualifier: str = ""
    claimed_by: str = ""  # entity id of the speaker when the figure sits in attributed speech

    def to_json(self) -> JSON:
        value: float | int = int(self.value) if float(self.value).is_integer() else self.value
        return {"text": self.text, "start": self.start, "end": self.end, "value": value,
                "unit": self.unit, "qualifier": self.qualifier, "claimed_by": self.claimed_by}


@dataclass(frozen=True, slots=True)
class Role:
    """A speaker or cue: possibly discontinuous ("teilten ... mit")."""

    text: str
    start: int
    end: int
    spans: tuple[tuple[int, int], ...] = ()
    name: str | None = None
    entity: str | None = None

    def to_json(self, with_identity: bool = False) -> JSON:
        out: JSON = {"text": self.text, "start": self.start, "end": self.end}
        if self.spans and len(self.spans) > 1:
            out["spans"] = [list(s) for s in self.spans]
        if with_identity:
            out["name"] = self.name
            out["entity"] = self.entity
        return out


@dataclass(frozen=True, slots=True)
class Quote:
    """Something said: direct, indirect (reported) or mixed."""

    text: str
    start: int
    end: int
    kind: str  # direct indirect mixed
    speaker: Role | None = None
    cue: Role | None = None
    spans: tuple[tuple[int, int], ...] = ()
    nested: bool = False
    medium: str = ""  # speech writing
    act: str = ""  # request | commitment | attitude: an action, not a statement (quotes/acts.py)

    def to_json(self) -> JSON:
        out: JSON = {"text": self.text, "start": self.start, "end": self.end, "kind": self.kind,
                     "speaker": self.speaker.to_json(True) if self.speaker else None,
                     "cue": self.cue.to_json() if self.cue else None}
        if self.spans and len(self.spans) > 1:
            out["spans"] = [list(s) for s in self.spans]
        if self.nested:
            out["nested"] = True
        if self.medium:
            out["medium"] = self.medium
        if self.act:
            out["act"] = self.act
        return out


@dataclass(frozen=True, slots=True)
class Analysis:
    """An article with everything the analysis components found in it.

    Components fill the fields they declare; each returns a new Analysis.
    """

    article: Article
    tokens: tuple[Token, ...] = ()
    sentences: tuple[tuple[int, int], ...] = ()
    mentions: tuple[Mention, ...] = ()
    entities: tuple[Entity, ...] = ()
    timexes: tuple[Timex, ...] = ()
    figures: tuple[Figure, ...] = ()
    quotes: tuple[Quote, ...] = ()
    acts: tuple[Quote, ...] = ()  # speech acts whose content is an action asked, promised or feared

    @property
    def text(self) -> str:
        return self.article.text

    def to_json(self) -> JSON:
        out = self.article.to_json()
        out["entities"] = [e.to_json() for e in self.entities]
        out["quotes"] = [q.to_json() for q in self.quotes]
        out["acts"] = [q.to_json() for q in self.acts]
        out["timexes"] = [t.to_json() for t in self.timexes]
        out["figures"] = [f.to_json() for f in self.figures]
        return out
