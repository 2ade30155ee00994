"""WARC and WARC.gz archives: each HTML response record is an article."""
from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from lagebild.errors import InputError
from lagebild.ingest.text import decode
from lagebild.model import RawDocument


def read_warc(stream: BinaryIO, origin: str) -> Iterator[RawDocument | InputError]:
    found = 0
    try:
        for n, record in enumerate(ArchiveIterator(stream), 1):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            ctype = (record.http_headers.get_header("Content-Type") or "").lower()
            if "html" not in ctype:
                continue
            url = record.rec_headers.get_header("WARC-Target-URI") or ""
            date = record.rec_headers.get_header("WARC-Date")
            where = f"{origin}#{url or n}"
            try:
                html = decode(record.content_stream().read(), where)
            except InputError as exc:
                yield exc
                continue
            found += 1
            yield RawDocument(origin=where, html=html, url=url or None,
                              extra={"warc_date": date or ""})
    except (ArchiveLoadFailed, ValueError, OSError, EOFError) as exc:
        yield InputError(origin, "bad_warc", f"not a readable WARC archive ({exc})")
        return
    if not found:
        yield InputError(origin, "no_articles", "the archive holds no HTML response records")
