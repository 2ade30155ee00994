"""Readers: every input (file, directory, stdin, URL) becomes a stream of raw documents.

Errors are data here: a bad input yields an ``InputError`` in the stream, in its place, and
reading goes on with the next one.
"""
from __future__ import annotations

import gzip
import io
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
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
    policy: FetchPolicy = field(default_factory=FetchPolicy)
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
        yield replace(doc, url=doc.url or got.url) if isinstance(doc, RawDocument) else doc


def _with_linked_pages(docs: Iterable[RawDocument | InputError], options: ReadOptions
                       ) -> Iterator[RawDocument | InputError]:
    """With --fetch, a feed entry's summary is replaced by its linked page when it can be had."""
    for doc in docs:
        if options.fetch and isinstance(doc, RawDocument) and doc.url and "feed_entry_id" in doc.extra:
            try:
                page = fetch(doc.url, options.policy)
                doc = replace(doc, html=decode(page.content, page.url), text=None)
            except InputError:
                pass
        yield doc


def iter_paths(path: Path) -> Iterator[Path]:
    """Files under ``path`` with a known suffix, sorted, so runs are deterministic."""
    for p in sorted(path.rglob("*")):
        if p.is_file() and not p.name.startswith(".") and _suffix(p) in SUFFIXES:
            yield p


def read_inputs(inputs: Iterable[str], options: ReadOptions = ReadOptions()) -> Iterator[RawDocument | InputError]:
    """Every raw document (or error) of ``inputs``: paths, directories, URLs, or "-" for stdin."""
    return _with_linked_pages(_read_all(inputs, options), options)


def _read_all(inputs: Iterable[str], options: ReadOptions) -> Iterator[RawDocument | InputError]:
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
                    yield from _read_file(p, options)
                if not found:
                    yield InputError(item, "no_inputs", "the directory holds no readable input files")
            elif path.exists():
                yield from _read_file(path, options)
            else:
                yield InputError(item, "not_found", "no such file or directory")
