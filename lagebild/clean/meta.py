"""Title, publication date, authors and site name of a web page, from its own declarations.

Pages state their metadata several times (JSON-LD, Open Graph, <h1>, <title>), and each
source fails in its own way: <title> carries a site-name suffix, og:title is sometimes an
SEO variant, <h1> is sometimes the site logo. So the title is the candidate most sources
agree on, and the date is the first declared *publication* date (never a modification
date), with htmldate's search of the page as the fallback.
"""
from __future__ import annotations

import html as html_lib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlsplit

__all__ = ["PageMeta", "page_meta"]

# JSON-LD types whose headline and datePublished describe the article itself.
_ARTICLE_TYPE = re.compile(r"Article|BlogPosting|Posting|Report|Review|Recipe|HowTo", re.I)
_PAGE_TYPE = re.compile(r"^WebPage$|^ItemPage$", re.I)

# Meta tags that declare the publication date, best first.
_DATE_META = ("article:published_time", "og:published_time", "datepublished", "publishdate",
              "publish-date", "pubdate", "parsely-pub-date", "sailthru.date", "dc.date.issued",
              "dcterms.issued", "dcterms.created", "dc.date.created", "date.publication",
              "cxenseparse:recs:publishtime", "article.published", "dc.date", "dcterms.date", "date")
_TITLE_META = ("title", "dc.title", "headline", "parsely-title", "sailthru.title")
_SITE_META = ("og:site_name", "application-name", "apple-mobile-web-app-title", "publisher")
_AUTHOR_META = ("author", "article:author", "dc.creator", "parsely-author", "sailthru.author")

_SEPARATORS = re.compile(r"\s+[|\-–—:·•»›/]+\s+|\s*[|·•]\s*")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?"
                  r"\s*(Z|[+-]\d{2}:?\d{2})?)?")
_DOTTED = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?:/|$|[-_])")
_DATE_SEGMENT = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{2,4}$|^\d{4}-\d{2}-\d{2}$")

# How much each source counts when candidates are compared.
_WEIGHT = {"ld": 6.0, "og": 2.0, "h1": 2.0, "twitter": 0.5, "meta": 1.0, "title": 1.0}
_ORDER = ("ld", "og", "h1", "twitter", "meta", "title")
_KICKER = 0.5  # a source that is the candidate behind a kicker ("Kicker: Title") half supports it
_SUFFIX = 1.0  # one that is the candidate plus a trailing segment (a section name) fully does


@dataclass(frozen=True)
class PageMeta:
    title: str = ""
    published: str | None = None
    published_from: str = ""  # which declaration the date came from
    authors: list[str] = field(default_factory=list)
    site: str = ""
    url: str = ""


def _clean(text: Any) -> str:
    if not isinstance(text, str):
        return ""
    for _ in range(2):  # JSON-LD is sometimes escaped twice (&amp;uuml;)
        text = html_lib.unescape(text)
    return " ".join(text.split())


def _jsonld_objects(tree: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        raw = script.text_content().strip()
        try:
            data = json.loads(raw)
        except ValueError:
            try:  # trailing commas or control characters are common; one lenient retry
                data = json.loads(re.sub(r",\s*([}\]])", r"\1", raw), strict=False)
            except ValueError:
                continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack[:0] = item
            elif isinstance(item, dict):
                out.append(item)
                stack.extend(v for k, v in item.items() if k in ("@graph", "mainEntity", "mainEntityOfPage")
                             and isinstance(v, list | dict))
    return out


def _types(obj: dict[str, Any]) -> str:
    t = obj.get("@type")
    return " ".join(str(x) for x in t) if isinstance(t, list) else str(t or "")


def _metas(tree: Any) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for m in tree.xpath("//meta[@content]"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        value = _clean(m.get("content"))
        if key and value:
            out.setdefault(key, []).append(value)
    return out


# ----------------------------------------------------------------------------------------
# Dates


def _parse_date(value: str) -> str | None:
    """ISO date or datetime from a declared value; None when it is no plausible date."""
    m = _ISO.match(value)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if not _plausible(y, mo, d):
            return None
        day = f"{y:04d}-{mo:02d}-{d:02d}"
        if m.group(4) is None:
            return day
        tz = m.group(7) or ""
        if tz and tz != "Z" and ":" not in tz:
            tz = tz[:3] + ":" + tz[3:]
        return f"{day}T{int(m.group(4)):02d}:{m.group(5)}:{m.group(6) or '00'}{tz}"
    m = _DOTTED.match(value)
    if m:
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        return f"{y:04d}-{mo:02d}-{d:02d}" if _plausible(y, mo, d) else None
    return None


def _plausible(y: int, mo: int, d: int) -> bool:
    try:
        day = date(y, mo, d)
    except ValueError:
        return False
    return 1995 <= y <= date.today().year + 1 and day.toordinal() <= date.today().toordinal() + 2


def _declared_dates(objects: list[dict[str, Any]], metas: dict[str, list[str]]) -> Iterator[tuple[str, str]]:
    """One value per kind of declaration: later ones of a kind describe related articles."""
    for obj in objects:
        if _ARTICLE_TYPE.search(_types(obj)) and isinstance(obj.get("datePublished"), str):
            yield "json-ld", obj["datePublished"]
            break
    for key in _DATE_META:
        for value in metas.get(key, [])[:1]:
            yield f"meta {key}", value
    for obj in objects:
        if _PAGE_TYPE.search(_types(obj)) and isinstance(obj.get("datePublished"), str):
            yield "json-ld page", obj["datePublished"]
            break


def _find_date(tree: Any, objects: list[dict[str, Any]], metas: dict[str, list[str]],
               url: str | None, html: str | None = None) -> tuple[str | None, str]:
    """The declared publication date; when declarations name different days (a page
    republished under a new date), the day most of them name, the best-placed on a tie.
    Pages that declare nothing get htmldate's reading of the page."""
    declared: list[tuple[str, str]] = []
    in_url = _url_date(url or "")
    for basis, value in _declared_dates(objects, metas):
        parsed = _parse_date(value)
        if parsed:
            declared.append((parsed, basis))
    if in_url:  # a date in the page's own address is when it was first published
        return next(((d, b) for d, b in declared if d[:10] == in_url), (in_url, "url"))
    if declared:
        votes: dict[str, int] = {}
        for d, _ in declared:
            votes[d[:10]] = votes.get(d[:10], 0) + 1
        top = max(votes.values())
        return next((d, b) for d, b in declared if votes[d[:10]] == top)
    found = _htmldate(html if html is not None else tree, url)
    return (found, "htmldate") if found else (None, "")


def _url_date(url: str) -> str | None:
    m = _URL_DATE.search(urlsplit(url).path)
    if not m:
        return None
    return _parse_date(f"{m.group(1)}-{m.group(2)}-{m.group(3)}")


def _htmldate(page: Any, url: str | None) -> str | None:
    """htmldate's reading of the page; given the HTML string it is ~3x faster than given
    the parsed tree (it then works on its own, lighter parse)."""
    import htmldate  # only needed for pages that declare no date

    try:
        found = htmldate.find_date(page, original_date=True, extensive_search=True, url=url)
    except (ValueError, TypeError):
        return None
    return str(found) if found else None


# ----------------------------------------------------------------------------------------
# Title


def _site_names(objects: list[dict[str, Any]], metas: dict[str, list[str]], url: str) -> set[str]:
    names = {v.casefold() for key in _SITE_META for v in metas.get(key, [])}
    for obj in objects:
        pub = obj.get("publisher")
        if isinstance(pub, dict) and isinstance(pub.get("name"), str):
            names.add(_clean(pub["name"]).casefold())
        if "WebSite" in _types(obj) and isinstance(obj.get("name"), str):
            names.add(_clean(obj["name"]).casefold())
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    if host:
        labels = host.split(".")
        names.update([host, labels[0]] + ([labels[-2]] if len(labels) > 1 else []))
    return {n for n in names if n and len(n) <= 60}


def _squash(text: str) -> str:
    return re.sub(r"\W", "", text.casefold())


def _is_site(segment: str, sites: set[str]) -> bool:
    """The segment names the site ("Golem.de", "news.ORF.at", "DER SPIEGEL") or is a date."""
    s = segment.casefold().strip(" .")
    if not s:
        return True
    if _DATE_SEGMENT.match(s) or re.fullmatch(r"[\w.-]+\.[a-z]{2,4}", s):
        return True
    if len(s) > 40:
        return False
    squashed = _squash(s)
    for site in sites:
        site_sq = _squash(site)
        if not site_sq:
            continue
        if squashed == site_sq or (len(squashed) >= 3 and site_sq.startswith(squashed)):
            return True
        if len(site_sq) >= 5 and squashed.startswith(site_sq):  # "brand eins online"
            return True
    return False


def _strip_site(title: str, sites: set[str]) -> str:
    """Drop leading or trailing segments that name the site (or are a date)."""
    parts = _SEPARATORS.split(title)
    seps = _SEPARATORS.findall(title)
    if len(parts) < 2:
        return title
    while len(parts) > 1 and _is_site(parts[-1], sites):
        parts.pop()
        seps.pop()
    while len(parts) > 1 and _is_site(parts[0], sites):
        parts.pop(0)
        seps.pop(0)
    out = parts[0]
    for sep, part in zip(seps, parts[1:], strict=True):
        out += sep + part
    return out.strip()


def _key(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text.casefold()).strip()


def _title_candidates(tree: Any, objects: list[dict[str, Any]],
                      metas: dict[str, list[str]]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for obj in objects:
        if _ARTICLE_TYPE.search(_types(obj)):
            out.append(("ld", _clean(obj.get("headline") or obj.get("name"))))
            break
    out += [("og", v) for v in metas.get("og:title", [])[:1]]
    out += [("twitter", v) for v in metas.get("twitter:title", [])[:1]]
    out += [("meta", v) for key in _TITLE_META for v in metas.get(key, [])[:1]]
    h1s = tree.xpath("//article//h1|//main//h1") or tree.xpath("//h1")
    for h1 in h1s[:2]:
        text = _clean("".join(h1.xpath(".//text()[not(ancestor::style or ancestor::script)]")))
        if text:
            out.append(("h1", text))
            break
    out += [("title", _clean(t.text_content())) for t in tree.xpath("/html/head/title|//title")[:1]]
    return [(s, t) for s, t in out if t and len(t) < 400]


def _site_segments(cands: list[tuple[str, str]]) -> set[str]:
    """Candidates that are the last segment of a multi-part <title>: the site's own name
    (a blog whose <h1> is its name and whose <title> is "Post title | Name"), when the rest
    of the <title> is the longer part."""
    titles = [t for s, t in cands if s == "title"]
    if not titles:
        return set()
    parts = _SEPARATORS.split(titles[0])
    if len(parts) < 2:
        return set()
    last = parts[-1].casefold().strip()
    if len(last) * 2 > len(titles[0]):  # the longer part is the post's own title
        return set()
    return {last for s, t in cands if s != "title" and t.casefold().strip() == last}


def _choose_title(cands: list[tuple[str, str]], sites: set[str]) -> str:
    """The candidate with the most weighted support; a source supports a candidate when it
    equals it or is it plus separators and extra segments (a site suffix or a kicker)."""
    if not cands:
        return ""
    sites = sites | _site_segments(cands)
    stripped = [(s, _strip_site(t, sites)) for s, t in cands]
    stripped = [(s, t) for s, t in stripped if not _is_site(t, sites)] or stripped
    best, best_score, best_rank = "", -1.0, len(_ORDER)
    for source, text in stripped:
        key = _key(text)
        if not key:
            continue
        score = 0.0
        for other_source, other in stripped:
            okey = _key(other)
            if okey == key:
                score += _WEIGHT[other_source]
            elif len(key) > 15:
                score += _WEIGHT[other_source] * _extends(other, text)
        rank = _ORDER.index(source)
        if score > best_score or (score == best_score and rank < best_rank):
            best, best_score, best_rank = text, score, rank
    return best


def _extends(longer: str, shorter: str) -> float:
    """How much ``longer`` supports ``shorter``: it is ``shorter`` with a separated segment
    after it (a section or site name) or before it (a kicker)."""
    if len(longer) <= len(shorter):
        return 0.0
    if longer.startswith(shorter):
        return _SUFFIX if _SEPARATORS.match(longer[len(shorter):]) else 0.0
    if longer.endswith(shorter):
        head = longer[: len(longer) - len(shorter)]
        return _KICKER if re.search(r"(\s+[|\-–—·•»]+\s+|:\s+)$", head) else 0.0
    return 0.0


# ----------------------------------------------------------------------------------------
# Authors, site, url


def _authors(objects: list[dict[str, Any]], metas: dict[str, list[str]]) -> list[str]:
    names: list[str] = []
    for obj in objects:
        if not _ARTICLE_TYPE.search(_types(obj)):
            continue
        author = obj.get("author")
        for a in author if isinstance(author, list) else [author]:
            name = _clean(a.get("name") if isinstance(a, dict) else a)
            if name and not name.startswith("http"):
                names.append(name)
        if names:
            break
    if not names:
        for key in _AUTHOR_META:
            for value in metas.get(key, []):
                if not value.startswith("http"):
                    names += [n.strip() for n in re.split(r"\s*[;,]\s*|\s+und\s+", value) if n.strip()]
            if names:
                break
    seen: set[str] = set()
    return [n for n in names if not (n.casefold() in seen or seen.add(n.casefold()))]  # type: ignore[func-returns-value]


def page_meta(tree: Any, url: str | None = None, html: str | None = None) -> PageMeta:
    """Everything a page declares about itself that lagebild keeps."""
    objects = _jsonld_objects(tree)
    metas = _metas(tree)
    canonical = ""
    for link in tree.xpath('//link[@rel="canonical"][@href]'):
        canonical = link.get("href", "").strip()
        break
    page_url = url or canonical or (metas.get("og:url") or [""])[0]
    sites = _site_names(objects, metas, page_url)
    title = _choose_title(_title_candidates(tree, objects, metas), sites)
    published, basis = _find_date(tree, objects, metas, page_url, html)
    site = (metas.get("og:site_name") or [""])[0]
    if not site:
        site = (urlsplit(page_url).hostname or "").removeprefix("www.")
    return PageMeta(title=title, published=published, published_from=basis,
                    authors=_authors(objects, metas), site=site, url=page_url)
