"""What an article is about, as a sparse weighted term vector, and when it appeared.

Terms are normalised words (``lexicon.normal_terms``: lemma, country, synonym class), entity ids
when the entity component gives them (``#id``), title and lead words counting more. Weights are
sublinear term frequency times the corpus idf at the time the article is placed.
"""
from __future__ import annotations

import math
from collections import Counter
from datetime import date

from lagebild.analyse.tokens import tokenize
from lagebild.link.lexicon import normal_terms
from lagebild.model import Analysis, Token

#: terms kept per article vector
VECTOR_TERMS = 40
TITLE_WEIGHT = 5.0
LEAD_WEIGHT = 3.0
LEAD_CHARS = 800
ENTITY_WEIGHT = 1.5
#: documents of an imagined background corpus in which no term occurs: keeps the idf of a small
#: corpus from treating words shared by all its few articles as worthless
IDF_BACKGROUND = 50


def day_of(published: str | None) -> int | None:
    """Days since 1970-01-01 of an ISO date or datetime, or None."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10]).toordinal() - date(1970, 1, 1).toordinal()
    except ValueError:
        return None


def date_of_day(day: int | None) -> str | None:
    if day is None:
        return None
    return date.fromordinal(day + date(1970, 1, 1).toordinal()).isoformat()


def tokens_of(doc: Analysis) -> list[Token]:
    return list(doc.tokens) if doc.tokens else tokenize(doc.text)


def _word_terms(tokens: list[Token], weight_of: float, lead_end: int, counts: Counter[str]) -> None:
    caps = {t.text for t in tokens if t.text[:1].isupper()}
    for tok in tokens:
        w = tok.text
        if not w[:1].isalpha():
            continue
        if w[:1].isupper() and w.endswith("s") and len(w) > 4 and w[:-1] in caps:
            w = w[:-1]  # genitive of a name seen in the same text: "Putins" -> "Putin"
        weight = weight_of * (LEAD_WEIGHT if tok.start < lead_end else 1.0)
        for term in normal_terms(w):
            counts[term] += weight


def term_counts(doc: Analysis) -> Counter[str]:
    """Weighted raw counts of the article's terms (title and lead weigh more)."""
    counts: Counter[str] = Counter()
    if doc.article.title:
        _word_terms(tokenize(doc.article.title), TITLE_WEIGHT, 0, counts)
    _word_terms(tokens_of(doc), 1.0, LEAD_CHARS, counts)
    for ent in doc.entities:
        if ent.id:
            counts["#" + ent.id] += ENTITY_WEIGHT * len(ent.mentions or (None,))
    return counts


def idf(df: int, n_docs: int) -> float:
    return math.log((n_docs + IDF_BACKGROUND + 1) / (df + 1)) + 1.0


def vector(counts: Counter[str], dfs: dict[str, int], n_docs: int, size: int = VECTOR_TERMS) -> dict[str, float]:
    """The top ``size`` terms by tf-idf, L2-normalised; ties broken by term for determinism."""
    raw = {t: (1.0 + math.log(c)) * idf(dfs.get(t, 0), n_docs) for t, c in counts.items() if c >= 1.0}
    raw.update({t: c * idf(dfs.get(t, 0), n_docs) for t, c in counts.items() if c < 1.0})
    top = sorted(raw.items(), key=lambda kv: (-kv[1], kv[0]))[:size]
    norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
    return {t: round(w / norm, 6) for t, w in top}


def cosine(vec: dict[str, float], centroid: dict[str, float], centroid_norm: float) -> float:
    if not centroid_norm:
        return 0.0
    if len(vec) > len(centroid):
        vec, centroid = centroid, vec
    return sum(w * centroid.get(t, 0.0) for t, w in vec.items()) / centroid_norm


def title_of(doc: Analysis) -> str:
    """The article's title, or its first line when that reads like a headline."""
    if doc.article.title:
        return doc.article.title.strip()
    first = doc.text.strip().split("\n", 1)[0].strip()
    if len(first) <= 160:
        return first
    return first[:157].rsplit(" ", 1)[0] + " …"
