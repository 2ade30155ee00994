"""Analysis <-> JSON, so the store keeps exactly what the pipeline produced."""
from __future__ import annotations

from typing import Any

from lagebild.model import JSON, Analysis, Article, Entity, Figure, Flag, Mention, Quote, Role, Timex


def _spans(v: Any) -> tuple[tuple[int, int], ...]:
    return tuple((int(a), int(b)) for a, b in v) if v else ()


def _role(d: JSON | None) -> Role | None:
    if not d:
        return None
    return Role(text=d["text"], start=d["start"], end=d["end"], spans=_spans(d.get("spans")),
                name=d.get("name"), entity=d.get("entity"))


def article_from_json(d: JSON) -> Article:
    return Article(id=d["id"], text=d["text"], title=d.get("title") or "", published=d.get("published"),
                   published_basis=d.get("published_basis", ""), source=d.get("source") or "",
                   url=d.get("url") or "", language=d.get("language") or "",
                   authors=tuple(d.get("authors") or ()), removed=tuple(d.get("removed") or ()),
                   flags=tuple(Flag(f["kind"], f["text"], f["start"], f["end"], f.get("note", ""))
                               for f in d.get("flags") or ()), origin=d.get("origin", ""))


def analysis_to_json(a: Analysis) -> JSON:
    out = a.to_json()
    out["origin"] = a.article.origin
    out["sentences"] = [list(s) for s in a.sentences]
    return out


def analysis_from_json(d: JSON) -> Analysis:
    entities = []
    mentions: list[Mention] = []
    for e in d.get("entities") or ():
        ms = tuple(Mention(m["text"], m["start"], m["end"], e["type"], e["id"], e["name"]) for m in e["mentions"])
        mentions.extend(ms)
        entities.append(Entity(id=e["id"], name=e["name"], type=e["type"], mentions=ms))
    mentions.sort(key=lambda m: (m.start, m.end))
    quotes = [_quote(q) for q in d.get("quotes") or ()]
    acts = [_quote(q) for q in d.get("acts") or ()]
    timexes = [Timex(t["text"], t["start"], t["end"], t["value"], t.get("type", "DATE"))
               for t in d.get("timexes") or ()]
    figures = [Figure(f["text"], f["start"], f["end"], float(f["value"]), f.get("unit", ""),
                      f.get("qualifier", ""), f.get("claimed_by", "")) for f in d.get("figures") or ()]
    return Analysis(article=article_from_json(d), sentences=_spans(d.get("sentences")),
                    mentions=tuple(mentions), entities=tuple(entities), timexes=tuple(timexes),
                    figures=tuple(figures), quotes=tuple(quotes), acts=tuple(acts))


def _quote(q: JSON) -> Quote:
    return Quote(text=q["text"], start=q["start"], end=q["end"], kind=q["kind"],
                 speaker=_role(q.get("speaker")), cue=_role(q.get("cue")), spans=_spans(q.get("spans")),
                 nested=bool(q.get("nested")), medium=q.get("medium", ""), act=q.get("act", ""))
