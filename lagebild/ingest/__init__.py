"""Readers: every input (file, directory, stdin, URL) becomes a stream of raw documents.

Errors are data here: a bad input yields an ``InputError`` in the stream, in its place, and
reading goes on with the next one.
"""
from __future__ import annotations

import gzip
import io
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from lagebild.errors import FetchError, InputError
from lagebild.ingest.feeds import looks_like_feed, read_feed
from lagebild.ingest.records import read_records
from lagebild.ingest.text import decode
from lagebild.ingest.url import FetchPolicy, fetch
from lagebild.ingest.warc import read_warc
from lagebild.model import RawDocument

__all__ = ["SUFFIXES", "ReadOptions", "read_inputs"]

SUFFIXES = (".txt", ".html", ".htm", ".json", ".jsonl", ".xml", ".rss", ".atom", ".warc", ".warc.gz")
MAX_FILE_BYTES = 200_000_000


@dataclass(frozen=True)
class ReadOptions:
    fetch: bool = False  # fetch URLs given as inputs and the pages that feed entries link
    policy: FetchPolicy = FetchPolicy()
    max_bytes: int = MAX_FILE_BYTES


def _suffix(path: Path) -> str:
    name = path.name.lower()
    for suf in (".warc.gz", ".jsonl.gz"):
        if name.endswith(suf):
            return suf
    return path.suffix.lower()


def _from_bytes(data: bytes, origin: str, suffix: str, stem: str) -> Iterator[RawDocument | InputError]:
    if suffix in (".warc", ".warc.gz"):
        yield from read_warc(io.BytesIO(data), origin)
        return
    try:
        content = decode(data, origin)
    except InputError as exc:
        yield exc
        return
    if suffix in (".json", ".jsonl"):
        yield from read_records(content, origin)
    elif suffix in (".xml", ".rss", ".atom") or (suffix not in (".html", ".htm") and looks_like_feed(content)):
        yield from read_feed(content, origin)
    elif suffix in (".html", ".htm") or content.lstrip()[:1] == "<":
        yield RawDocument(origin=origin, html=content, id=stem)
    else:
        yield RawDocument(origin=origin, text=content, id=stem)


def _read_file(path: Path, options: ReadOptions) -> Iterator[RawDocument | InputError]:
    origin = str(path)
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            yield InputError(origin, "too_large", f"{size:,} bytes is over the limit of {options.max_bytes:,}")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(origin, "unreadable", f"cannot be read ({exc.strerror or exc})")
        return
    suffix = _suffix(path)
    stem = path.name[: -len(suffix)] if suffix and path.name.lower().endswith(suffix) else path.stem
    if suffix == ".jsonl.gz":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            yield InputError(origin, "bad_gzip", f"not a readable gzip file ({exc})")
            return
        suffix = ".jsonl"
    yield from _from_bytes(data, origin, suffix, stem)


def _read_url(url: str, options: ReadOptions) -> Iterator[RawDocument | InputError]:
    if not options.fetch:
        yield FetchError(url, "fetch_disabled", "URLs are fetched only with --fetch")
        return
    try:
        got = fetch(url, options.policy)
    except FetchError as exc:
        yield exc
        return
    suffix = ".xml" if "xml" in got.content_type or "rss" in got.content_type else ".html"
    if "json" in got.content_type:
        suffix = ".jsonl"
    for doc in _from_bytes(got.content, url, suffix, ""):
        if isinstance(doc, RawDocument):
            doc = replace(doc, id=doc.id or None, url=doc.url or got.url)
            if options.fetch and doc.url and doc.extra.get("feed_entry_id") is not None:
                doc = _fetch_linked(doc, options)
        yield doc


def _fetch_linked(doc: RawDocument, options: ReadOptions) -> RawDocument:
    """Replace a feed entry's summary by its linked page, when that page can be had."""
    try:
        page = fetch(doc.url or "", options.policy)
        return replace(doc, html=decode(page.content, page.url), text=None)
    except InputError:
        return doc


def iter_paths(path: Path) -> Iterator[Path]:
    """Files under ``path`` with a known suffix, sorted, so runs are deterministic."""
    for p in sorted(path.rglob("*")):
        if p.is_file() and not p.name.startswith(".") and _suffix(p) in SUFFIXES:
            yield p


def read_inputs(inputs: Iterable[str], options: ReadOptions = ReadOptions()) -> Iterator[RawDocument | InputError]:
    """Every raw document (or error) of ``inputs``: paths, directories, URLs, or "-" for stdin."""
    for item in inputs:
        if item == "-":
            content = sys.stdin.buffer.read()
            yield from _from_bytes(content, "<stdin>", ".jsonl", "")
        elif item.startswith(("http://", "https://")):
            yield from _read_url(item, options)
        else:
            path = Path(item)
            if path.is_dir():
                found = False
                for p in iter_paths(path):
                    found = True
                    docs = _read_file(p, options)
                    if options.fetch:
                        docs = (_fetch_linked(d, options) if isinstance(d, RawDocument)
                                and d.extra.get("feed_entry_id") is not None and d.url else d for d in docs)
                    yield from docs
                if not found:
                    yield InputError(item, "no_inputs", "the directory holds no readable input files")
            elif path.exists():
                docs = _read_file(path, options)
                for d in docs:
                    if options.fetch and isinstance(d, RawDocument) and d.extra.get("feed_entry_id") is not None and d.url:
                        d = _fetch_linked(d, options)
                    yield d
            else:
                yield InputError(item, "not_found", "no such file or directory")
