"""From a raw document to a clean Article: extraction, repair, boilerplate, flags, identity.

``prepare`` is the one entry point; each step lives in its own module and is a pure function.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

import ftfy

from lagebild.clean.boilerplate import strip_boilerplate
from lagebild.clean.dateinfer import infer_published
from lagebild.clean.html import extract_html
from lagebild.clean.language import DEFAULT_LANGUAGES, detect_language
from lagebild.clean.mt import mt_flags
from lagebild.errors import InputError
from lagebild.model import Article, RawDocument

__all__ = ["CleanOptions", "normalise_text", "prepare", "stable_id"]


@dataclass(frozen=True)
class CleanOptions:
    raw: bool = False  # analyse text exactly as given
    published: str | None = None  # default publication date for inputs without one
    languages: tuple[str, ...] = DEFAULT_LANGUAGES
    max_chars: int = 2_000_000


def normalise_text(text: str) -> str:
    """Repair mojibake and odd whitespace; keep German quotation marks as they are."""
    text = ftfy.fix_text(text, uncurl_quotes=False, fix_latin_ligatures=True,
                         normalization="NFC")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00ad", "")
    text = re.sub(r"[ \t\u00a0\u2009\u202f]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def stable_id(text: str) -> str:
    """A content hash of the normalised text: the same article gets the same id anywhere."""
    norm = unicodedata.normalize("NFKC", text).casefold()
    norm = " ".join(norm.split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


def prepare(raw: RawDocument, options: CleanOptions = CleanOptions()) -> Article:
    """Clean one raw document. Raises InputError when nothing usable is left."""
    title, published, authors = raw.title or "", raw.published, list(raw.authors)
    source, url, removed = raw.source or "", raw.url or "", []
    basis = "metadata" if published else ""
    if raw.html is not None and raw.text is None:
        ex = extract_html(raw.html, raw.url)
        text = ex.text
        title = title or ex.title
        if not published and ex.published:
            published, basis = ex.published, "page"
        authors = authors or ex.authors
        source = source or ex.source
        url = url or ex.url
        removed.extend(ex.removed)
    else:
        text = raw.text or ""
    if len(text) > options.max_chars:
        raise InputError(raw.origin, "too_large", f"text has {len(text):,} characters, "
                         f"more than the limit of {options.max_chars:,}")
    dated = text
    if not options.raw:
        text = normalise_text(text)
        title = normalise_text(title)
        dated = text  # datelines ("Stand: 12.03.2024") are cut as boilerplate but date the text
        text, cut = strip_boilerplate(text)
        removed.extend(cut)
    if not text.strip():
        raise InputError(raw.origin, "empty", "no text left to analyse")
    if not published and options.published:
        published, basis = options.published, "option"
    if not published:
        guess, confidence = infer_published(dated)
        if guess and confidence >= 0.4:  # a dateline, a note, or a reported date in the past
            published, basis = guess, "text"
    flags = tuple(mt_flags(text))
    language = raw.language or detect_language(text, options.languages)
    return Article(id=raw.id or stable_id(text), text=text, title=title, published=published,
                   published_basis=basis, source=source, url=url, language=language,
                   authors=tuple(authors), removed=tuple(removed), flags=flags, origin=raw.origin)
