"""JSON and JSON Lines records (FORMAT.md): ``text`` or ``html`` plus optional metadata."""
from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from lagebild.errors import InputError
from lagebild.model import RawDocument

_KNOWN = ("id", "title", "published", "url", "source", "lang", "text", "html", "authors")


def record_to_raw(obj: Any, origin: str) -> RawDocument:
    if not isinstance(obj, dict):
        raise InputError(origin, "bad_record", f"a record must be a JSON object, not {type(obj).__name__}")
    text, html = obj.get("text"), obj.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        raise InputError(origin, "bad_record", "the record has neither 'text' nor 'html' as a string")
    authors = obj.get("authors") or ()
    if isinstance(authors, str):
        authors = (authors,)
    def opt(key: str) -> str | None:
        value = obj.get(key)
        return None if value is None else str(value)
    return RawDocument(origin=origin, text=text if isinstance(text, str) else None,
                       html=html if isinstance(html, str) and not isinstance(text, str) else None,
                       id=opt("id"), title=opt("title"), published=opt("published"), url=opt("url"),
                       source=opt("source"), language=opt("lang"),
                       authors=tuple(str(a) for a in authors),
                       extra={k: v for k, v in obj.items() if k not in _KNOWN})


def read_records(content: str, origin: str) -> Iterator[RawDocument | InputError]:
    """Records from a JSON document (an object or a list) or JSON Lines; one error per bad line."""
    stripped = content.strip()
    if not stripped:
        yield InputError(origin, "empty", "the input is empty")
        return
    if stripped[0] == "[" or (stripped[0] == "{" and "\n" not in stripped):
        try:
            data = json.loads(stripped)
        except json.JSONDecodeError:
            data = None
        if data is not None:
            items = data if isinstance(data, list) else [data]
            for n, obj in enumerate(items, 1):
                try:
                    yield record_to_raw(obj, f"{origin}:{n}")
                except InputError as exc:
                    yield exc
            return
    for n, line in enumerate(content.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{origin}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, "bad_json", f"not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        try:
            yield record_to_raw(obj, where)
        except InputError as err:
            yield err
