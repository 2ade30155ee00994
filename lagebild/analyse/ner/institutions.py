"""Bare institution nouns resolved by their document: whose "Außenministerium" is meant.

News writes "das Außenministerium", "die Regierung", "der Präsident" and leaves the country
to the context. The country is taken, strongest first, from

1. the phrase itself (confidence 0.95): a country adjective or genitive before the noun
   ("das russische Außenministerium", "Moskauer Außenministerium", "Russlands Regierung"), a
   country prefix ("China-Außenministerium", "Biden-Regierung"), a genitive country or
   "in <capital>" after it ("das Außenministerium der USA", "die Regierung in Kiew");
2. a KB person in apposition (0.9): "der Sprecher des Außenministeriums, Christian Wagner";
3. the context (0.75 / 0.6): one country clearly dominating the sentence and the one before
   it, or, failing that, the whole document.

The country's office then names the entity: an organisation listing ``office@code`` in
organisations.tsv, or the person holding the role on the article's date. When the country
stays unclear, or the country has no such entry, the noun is left alone: no mention at all,
so an ambiguous "Regierung" never becomes the wrong government.
"""
from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from lagebild.analyse.de import word_set
from lagebild.analyse.ner.gazetteer import adjective_country
from lagebild.analyse.ner.kb import KB, Institution, alias_key, fold, load_kb
from lagebild.analyse.wordcache import word_cache

EXPLICIT, APPOSITION, LOCAL, DOCUMENT = 0.95, 0.9, 0.75, 0.6
_GENITIVE_ARTICLES = frozenset({"der", "des"})
_LINKS = frozenset({"des", "der", "im", "vom", "beim"})  # "Sprecher des Außenministeriums"


@dataclass(frozen=True, slots=True)
class Span:
    """A resolved name found so far: tokens start..end, its KB id (may be "")."""

    start: int
    end: int
    label: str
    kb_id: str


@dataclass(frozen=True, slots=True)
class Resolved:
    start: int
    end: int
    label: str
    kb_id: str
    confidence: float


@cache
def _blockers() -> frozenset[str]:
    return word_set("kb/institution_blockers.txt")


@cache
def _city_adjectives() -> dict[str, str]:
    """ "Moskauer", "Pekinger", "Kiewer" (folded) -> the country whose capital it names."""
    kb = load_kb()
    out: dict[str, str] = {}
    for eid, country in kb.metonyms.items():
        entry = kb.entries[eid]
        for name in (entry.name, *entry.aliases):
            if " " not in name and not name.endswith("?"):
                out[fold(name) + "er"] = country
    return out


def _adjective(word: str) -> str:
    """The country a nationality or capital-city adjective names ("russischen", "Moskauer")."""
    return adjective_country(word) or _city_adjectives().get(fold(word), "")


@word_cache
def _noun_country(word: str) -> str:
    """The country a name-like word stands for: a country, a capital, a KB person or body."""
    kb = load_kb()
    for key in (alias_key(word), fold(word), fold(word)[:-1] if word.endswith("s") else ""):
        for eid in kb.index.get(key, ()):
            entry = kb.entries[eid]
            country = kb.metonyms.get(eid) or entry.country
            if country:
                return country
    return ""


@word_cache
def _word_country(word: str) -> str:
    """The country a single word points to: a nationality or city adjective ("russischen",
    "Moskauer"), a country or person prefix ("US-Beamte", "Biden-Regierung")."""
    if not word[:1].isalpha():
        return ""
    country = _adjective(word)
    if not country and "-" in word:
        head = word.partition("-")[0]
        if head[:1].isupper():
            country = _noun_country(head)
    return country


def _entry_country(kb: KB, kb_id: str) -> str:
    entry = kb.entries.get(kb_id)
    if entry is None:
        return ""
    return kb.metonyms.get(kb_id) or entry.country


def _target(kb: KB, inst: Institution, country: str, date: str | None) -> str:
    """The KB id of ``inst`` in ``country``, or ""."""
    code = kb.country_code.get(country, "")
    if not code:
        return ""
    if inst.type == "ORG":
        return kb.offices.get((inst.office, code), "")
    for role in inst.roles:
        holder = kb.holder(f"{role}@{code}", date)
        if holder is not None:
            return holder.id
    return ""


class _Context:
    """Country votes per token, made once per document and only when a noun needs them."""

    def __init__(self, words: Sequence[str], spans: Sequence[Span], kb: KB) -> None:
        of_word = {w: _word_country(w) for w in set(words)}
        self.at: list[str] = [of_word[w] for w in words]
        for s in spans:  # a name's first token votes for the name's country, not the word's
            self.at[s.start] = _entry_country(kb, s.kb_id)
        self.doc = Counter(c for c in self.at if c)

    def votes(self, r: range) -> Counter[str]:
        return Counter(c for c in self.at[r.start:r.stop] if c)


def _explicit(i: int, words: Sequence[str], by_start: dict[int, Span], by_end: dict[int, Span], kb: KB) -> str:
    w = words[i]
    if "-" in w:
        head = w.partition("-")[0]
        return _noun_country(head) or _word_country(head)
    if i > 0:
        prev = words[i - 1]
        country = _adjective(prev)
        if country:
            return country
        before = by_end.get(i)
        if before is not None and prev.endswith("s"):  # "Russlands Außenministerium"
            country = _entry_country(kb, before.kb_id)
            if country and kb.entries[before.kb_id].type in ("GPE", "LOC"):
                return country
    j = i + 1
    if j < len(words) and words[j] in _GENITIVE_ARTICLES | {"in"}:
        j += 1
    after = by_start.get(j)
    if after is not None and (j > i + 1 or words[j].endswith("s")):
        entry = kb.entries.get(after.kb_id)
        if entry is not None and entry.type == "GPE":
            return _entry_country(kb, after.kb_id)
    return ""


def _name_follows(i: int, words: Sequence[str], by_start: dict[int, Span]) -> bool:
    """A person's name right after the noun, maybe behind a comma or a genitive country."""
    j = i + 1
    if j < len(words) and words[j] == ",":
        j += 1
    s = by_start.get(j)
    if s is not None and s.label != "PER" and words[s.end - 1].endswith("s"):
        s = by_start.get(s.end)  # "Präsident Frankreichs Emmanuel Macron"
    return s is not None and s.label == "PER"


def _apposition(i: int, words: Sequence[str], spans: Sequence[Span], by_start: dict[int, Span], kb: KB) -> str:
    """The country of a KB person right after the noun (", Christian Wagner") or before the
    phrase the noun closes ("Christian Wagner, Sprecher des Außenministeriums")."""
    for j in (i + 1, i + 2):
        s = by_start.get(j)
        if s is not None and (j == i + 1 or words[i + 1] == ","):
            return _entry_country(kb, s.kb_id) if s.label == "PER" else ""
    if i > 0 and words[i - 1] in _LINKS:
        for s in spans:
            if s.label == "PER" and s.kb_id and s.end < i and i - s.end <= 5 and words[s.end] == ",":
                between = words[s.end + 1:i - 1]
                if all(w[:1].isalpha() for w in between) and not any(
                        t.start > s.end and t.start < i for t in spans):
                    return _entry_country(kb, s.kb_id)
    return ""


def _top(votes: Counter[str]) -> tuple[str, int, int]:
    """The leading country, its votes and the runner-up's votes."""
    ranked = votes.most_common(2)
    return ranked[0][0], ranked[0][1], ranked[1][1] if len(ranked) > 1 else 0


def _from_context(sentence: range, previous: range | None, ctx: _Context) -> tuple[str, float]:
    """One country clearly ahead in this and the previous sentence, else in the document."""
    local = ctx.votes(sentence)
    if previous is not None:
        local.update(ctx.votes(previous))
    if local:
        top, n, second = _top(local)
        if n >= 2 and n >= 3 * second:
            return top, LOCAL
    if ctx.doc:
        top, n, second = _top(ctx.doc)
        if n >= 3 and n >= 2 * second and (not local or _top(local)[0] == top):
            return top, DOCUMENT
    return "", 0.0


def resolve_institutions(words: Sequence[str], sentences: Sequence[range], spans: Sequence[Span],
                         taken: Sequence[bool], date: str | None) -> list[Resolved]:
    """Bare institution nouns of one document with the KB entity they name (see module doc).
    ``spans`` are the names found so far; nouns inside them are skipped, except a one-word
    name without KB id that is itself the noun (the tagger's "Außenministerium")."""
    kb = load_kb()
    nouns = kb.institution_nouns
    hits = {w for w in set(words) if w in nouns or ("-" in w and w.rpartition("-")[2] in nouns)}
    if not hits:
        return []
    cands = [i for i, w in enumerate(words) if w in hits]
    by_start = {s.start: s for s in spans}
    by_end = {s.end: s for s in spans}
    bare = {s.start for s in spans if s.end == s.start + 1 and not s.kb_id}
    ctx: _Context | None = None
    firsts = [r.start for r in sentences]
    out = []
    for i in cands:
        w = words[i]
        if taken[i] and i not in bare:
            continue
        inst = nouns.get(w) or nouns[w.rpartition("-")[2]]
        if (i > 0 and words[i - 1] in _blockers()) or (i > 1 and words[i - 1][:1].islower()
                                                       and words[i - 2] in _blockers()):
            continue  # "der ehemalige Präsident", "einer künftigen deutschen Regierung"
        if inst.type == "PER" and _name_follows(i, words, by_start):
            continue  # "Präsident Macron", "Verteidigungsminister Frankreichs Sébastien Lecornu": the name carries it
        country, conf = _explicit(i, words, by_start, by_end, kb), EXPLICIT
        if not country and "-" in w:
            continue  # a prefix that names no country ("Landes-Regierung")
        if not country and i + 2 < len(words) and words[i + 1] in _GENITIVE_ARTICLES \
                and words[i + 2][:1].isupper():
            continue  # "der Präsident des Verbands": someone else's office
        if not country:
            country, conf = _apposition(i, words, spans, by_start, kb), APPOSITION
        if not country:
            ctx = ctx or _Context(words, spans, kb)
            k = max(0, bisect_right(firsts, i) - 1)
            country, conf = _from_context(sentences[k], sentences[k - 1] if k > 0 else None, ctx)
        target = _target(kb, inst, country, date) if country else ""
        if target:
            out.append(Resolved(i, i + 1, kb.entries[target].type, target, conf))
    return out
