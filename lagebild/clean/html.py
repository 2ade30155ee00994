"""Main text and metadata of a web page, through trafilatura."""
from __future__ import annotations

from dataclasses import dataclass, field

import trafilatura


@dataclass
class Extracted:
    text: str
    title: str = ""
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    source: str = ""
    url: str = ""
    removed: list[str] = field(default_factory=list)


def extract_html(html: str, url: str | None = None) -> Extracted:
    """Extract the article body (comments excluded) and its metadata."""
    text = trafilatura.extract(html, url=url, include_comments=False, include_tables=False,
                               favor_precision=False) or ""
    meta = trafilatura.extract_metadata(html, default_url=url)
    if meta is None:
        return Extracted(text=text)
    authors = [a.strip() for a in (meta.author or "").split(";") if a.strip()]
    return Extracted(text=text, title=meta.title or "", published=meta.date, authors=authors,
                     source=meta.sitename or meta.hostname or "", url=meta.url or url or "")
