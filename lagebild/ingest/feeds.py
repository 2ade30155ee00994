"""RSS and Atom feeds: each entry is an article (linked pages are fetched only on request)."""
from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import feedparser

from lagebild.errors import InputError
from lagebild.model import RawDocument


def looks_like_feed(head: str) -> bool:
    h = head[:2000].lower()
    return "<rss" in h or "<feed" in h or "<rdf:rdf" in h


def _date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        st = entry.get(key)
        if st:
            return time.strftime("%Y-%m-%dT%H:%M:%S", st)
    return None


def read_feed(content: str, origin: str) -> Iterator[RawDocument | InputError]:
    parsed = feedparser.parse(content)
    if parsed.get("bozo") and not parsed.entries:
        yield InputError(origin, "bad_feed", f"not a readable feed ({parsed.get('bozo_exception')})")
        return
    site = parsed.feed.get("title", "") if parsed.get("feed") else ""
    for n, entry in enumerate(parsed.entries, 1):
        body = ""
        if entry.get("content"):
            body = max((c.get("value", "") for c in entry.content), key=len)
        body = body or entry.get("summary", "") or entry.get("description", "")
        where = f"{origin}#{n}"
        if not body.strip():
            yield InputError(where, "empty", "the feed entry has no text")
            continue
        is_html = "<" in body and ">" in body
        authors = tuple(a.get("name", "") for a in entry.get("authors", []) if a.get("name"))
        yield RawDocument(origin=where, html=f"<html><body><article>{body}</article></body></html>"
                          if is_html else None, text=None if is_html else body,
                          id=None, title=entry.get("title"), published=_date(entry),
                          url=entry.get("link"), source=site or None, authors=authors,
                          extra={"feed_entry_id": entry.get("id", "")})
