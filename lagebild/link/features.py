"""What an article is about, and when it appeared: the features story clustering compares.

Three kinds, because same-story articles often share little wording (a follow-up a month later
is written anew) but do share who and what they are about:
- words: normalised terms (``lexicon.normal_terms``: lemma, country, synonym class), title and
  lead counting more, as a sublinear tf-idf vector; a compound adds its parts at half weight
  (``lexicon.compound_parts``: "Airbuswerke" and "Airbus-Werk" share airbus and werk), and the
  words of names count little here because the entity vector already holds them;
- entities: the entity component's stable ids (``#name``, KB-resolved names, without the type
  the recogniser gave, which varies between articles; a name and the acronym the article
  gives for it are one, and so are a person and a role noun the recogniser took for a name
  right before it), weighted by idf;
- keys: the terms and entity ids of the title, and of the title plus lead. A rare key that one
  article has in its title and the other in its title or lead is the strongest single sign that
  both are about the same specific matter.
The idf is the corpus's at the time the article is placed, mixed with a background table of
document frequencies in general German text (``data/background_df.tsv``, built by
scripts/build_background_df.py), so that a word two unrelated articles of a young corpus happen
to share is not taken for a rare one; as the corpus grows, its own counts outweigh the background.
"""
from __future__ import annotations

import math
import re
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from importlib import resources

from lagebild.analyse.ner.kb import load_kb
from lagebild.analyse.tokens import tokenize
from lagebild.link.actors import is_role
from lagebild.link.lexicon import compound_parts, normal_terms, split_compound
from lagebild.model import JSON, Analysis, Token

#: terms kept per article word vector and entity vector
VECTOR_TERMS = 40
ENTITY_TERMS = 20
TITLE_WEIGHT = 5.0
#: the weight of each part of a compound, relative to the compound's own
PART_WEIGHT = 0.5
#: the weight of a word inside an entity mention: the name is compared as an entity, and counting
#: it among the words as well let one shared name carry two of the three parts of the similarity
NAME_WORD_WEIGHT = 0.2
LEAD_WEIGHT = 3.0
LEAD_CHARS = 800
#: the lead whose terms count as keys (about the first two sentences)
KEY_LEAD_CHARS = 400
#: an article without a title: its first sentence, when no longer than this, stands in for it
HEADLINE_CHARS = 240
ENTITY_WEIGHT = 1.5
#: KB kinds of organisation that are sources of reports, not their matter
SOURCE_KINDS = frozenset({"agency", "media"})
#: entity ids of more words than this are phrases the recogniser took for names: not compared
ENTITY_MAX_WORDS = 4
#: documents of an imagined background corpus in which no term occurs: keeps the idf of a small
#: corpus from treating words shared by all its few articles as worthless
IDF_BACKGROUND = 50
#: rarity (see ``rarity``) a shared key must exceed to count as an anchor at all
ANCHOR_FLOOR = 0.6
#: the anchor of a single shared name, relative to that of a rare matter word or two names
NAME_ALONE = 0.5
#: the anchor of matter words shared without any name (two emergency landings: same kind, not same story)
TOPIC_ALONE = 0.75
#: ... unless a name rarer than this is shared too, even one too common to anchor (a state, a party):
#: the same matter in the same place or party is a follow-up, not a happening of the same kind
#: elsewhere; only names as common as the home country (rarity about 0.3) do not count
NAME_FLOOR = 0.35
#: the background table counts as this many documents next to the corpus's own
BACKGROUND_DOCS = 300
#: a shared place counts this much of a shared person or organisation (``shared_names``)
PLACE_NAME = 0.5
#: entity types whose names say where (places) or who (persons) a happening involves
KINDS = {"GPE": "place", "LOC": "place", "PER": "person"}
#: an abbreviation as German news writes one: capitals only, 2 to 6 letters ("BVG", "EZB")
ACRONYM = re.compile(r"[A-ZÄÖÜ]{2,6}")


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


def _word_terms(tokens: list[Token], weight_of: float, lead_end: int, counts: dict[str, float],
                keys: set[str] | None = None, key_end: int = 0, names: frozenset[str] = frozenset()) -> None:
    """Count the terms of ``tokens``; a compound's parts count PART_WEIGHT each, except in a
    name ("Mannheim" is no Mann)."""
    caps = {t.text for t in tokens if t.text[:1].isupper()}
    for tok in tokens:
        w = tok.text
        if not w[:1].isalpha():
            continue
        if w[:1].isupper() and w.endswith("s") and len(w) > 4 and w[:-1] in caps:
            w = w[:-1]  # genitive of a name seen in the same text: "Putins" -> "Putin"
        weight = weight_of * (LEAD_WEIGHT if tok.start < lead_end else 1.0)
        if w in names:
            terms = [(t, weight * NAME_WORD_WEIGHT) for t in normal_terms(w)]
        else:
            terms = [(t, weight) for t in normal_terms(w)]
            terms += [(t, weight * PART_WEIGHT) for t in compound_parts(w)]
        for term, wt in terms:
            counts[term] = counts.get(term, 0.0) + wt
            if keys is not None and tok.start < key_end:
                keys.add(term)


def _entity_ids(doc: Analysis) -> list[tuple[str, int, int, tuple[str, ...]]]:
    """(id, mentions, first offset, mention texts) of the entities worth comparing."""
    out = []
    for ent in doc.entities:
        if not ent.id or ent.id.count("_") >= ENTITY_MAX_WORDS or _is_source(ent.id):
            continue
        first = min((m.start for m in ent.mentions), default=0)
        out.append((ent.id, max(1, len(ent.mentions)), first, tuple(m.text for m in ent.mentions)))
    return out


def _kind(doc: Analysis) -> dict[str, str]:
    """Entity id -> the kind of thing it names for comparison: "place" (GPE, LOC), "person" (PER)."""
    return {ent.id: KINDS[ent.type] for ent in doc.entities if ent.id and ent.type in KINDS}


@lru_cache(maxsize=20_000)
def _initials(name: str) -> frozenset[str]:
    """The acronyms a name can have: the first letter of each capitalised word, a compound of two
    known parts giving one or both ("Europäische Zentralbank" -> EZ, EZB; "Gewerkschaft Deutscher
    Lokomotivführer" -> GDL); lower-case words (für, der) give their letter or none."""
    out = {""}
    for word in re.split(r"[\s-]+", name):
        if not word[:1].isalpha():
            return frozenset()
        options = {word[0].upper()} if word[:1].isupper() else {"", word[0].upper()}
        if word[:1].isupper() and (split := split_compound(word.lower())) is not None:
            options.add(word[0].upper() + split[1][0].upper())
        out = {o + x for o in out for x in options}
    return frozenset(out)


def aliases(doc: Analysis, ents: list[tuple[str, int, int, tuple[str, ...]]]) -> dict[str, str]:
    """Entity ids of this article that name one thing under its full name and its acronym
    -> the acronym's id. German news introduces an abbreviation once ("den Berliner
    Verkehrsbetrieben (BVG)") and then uses it; counted as two names, the two would make one
    organisation look like two shared things. An acronym (an all-capital mention of 2 to 6
    letters) belongs to a name it follows in brackets and begins like, or (from 3 letters) whose
    initials it spells; persons are not abbreviated so (and "Isabell Fetzer (FDP)" names a party)."""
    out = _role_aliases(doc, {eid for eid, _, _, _ in ents})
    acronyms = {t: eid for eid, _, _, texts in ents for t in texts if ACRONYM.fullmatch(t)}
    if not acronyms:
        return out
    for eid, _, _, texts in ents:
        for t in texts:
            if " " not in t or eid in acronyms.values() or eid.startswith("per:"):
                continue
            spelled = _initials(t)
            found = [a for a in sorted(acronyms)
                     if (len(a) >= 3 and a in spelled) or (a[0] == t[0].upper() and f"{t} ({a})" in doc.text)]
            if found and acronyms[found[0]] != eid:
                out[eid] = acronyms[found[0]]
                break
    return out


def _role_aliases(doc: Analysis, kept: set[str]) -> dict[str, str]:
    """Entity ids whose mentions are all role nouns ("UN-Generalsekretär"), when one of them
    stands right before a person's name ("UN-Generalsekretär Kofi Annan") -> that person's id.
    The recogniser sometimes takes the role for a name of its own; counted apart, one person
    would look like two shared names, and the role alone recurs with every holder of the office."""
    persons = {m.start: ent.id for ent in doc.entities if ent.type == "PER" and ent.id in kept for m in ent.mentions}
    out: dict[str, str] = {}
    for ent in doc.entities:
        if ent.id not in kept or ent.type == "PER" or not ent.mentions or \
                not all(is_role(m.text) for m in ent.mentions):
            continue
        for m in sorted(ent.mentions, key=lambda m: m.start):
            gap = doc.text[m.end:m.end + 3]
            nxt = m.end + len(gap) - len(gap.lstrip())  # the next word after the spaces
            if nxt > m.end and nxt in persons:
                out[ent.id] = persons[nxt]
                break
    return out


def _is_source(eid: str) -> bool:
    """A news agency or medium of the KB: it says where a report came from, not what it is about
    (two stories that both cite the New York Times are not one)."""
    entry = load_kb().entries.get(eid)
    return entry is not None and entry.kind in SOURCE_KINDS


def entity_key(eid: str) -> str:
    """The feature of an entity id: its name without the type, which the recogniser does not
    always give the same thing (``gpe:bad_reichenhall`` in one article, ``loc:`` in the next)."""
    return "#" + eid.split(":", 1)[-1]


def _first_sentence(doc: Analysis) -> str:
    if doc.sentences:
        start, end = doc.sentences[0]
        text = doc.text[start:end]
    else:
        text = doc.text.strip().split("\n", 1)[0]
    return text if len(text) <= HEADLINE_CHARS else ""


@dataclass(frozen=True)
class Profile:
    """An article's raw features, before corpus weights: counts for the idf, keys for anchors."""

    counts: dict[str, float]
    title: frozenset[str]
    lead: frozenset[str]  # title and lead
    places: frozenset[str] = frozenset()  # entity keys the article's recogniser typed GPE or LOC
    persons: frozenset[str] = frozenset()  # ... typed PER


def profile(doc: Analysis) -> Profile:
    counts: dict[str, float] = {}
    title: set[str] = set()
    lead: set[str] = set()
    names = frozenset(w for ent in doc.entities for m in ent.mentions for w in m.text.split())
    if doc.article.title:
        _word_terms(tokenize(doc.article.title), TITLE_WEIGHT, 0, counts, title, 10**9, names)
    _word_terms(tokens_of(doc), 1.0, LEAD_CHARS, counts, lead, KEY_LEAD_CHARS, names)
    headline = doc.article.title or _first_sentence(doc)
    if not doc.article.title:  # plain text often opens with its headline or a summary sentence
        _word_terms(tokenize(headline), 0.0, 0, {}, title, 10**9, names)
    low_title = headline.lower()
    ents = _entity_ids(doc)
    alias = aliases(doc, ents)
    kind = _kind(doc)
    places: set[str] = set()
    persons: set[str] = set()
    for eid, n, first, texts in ents:
        key = entity_key(alias.get(eid, eid))
        counts[key] = counts.get(key, 0.0) + ENTITY_WEIGHT * n
        if kind.get(eid) == "place":
            places.add(key)
        elif kind.get(eid) == "person":
            persons.add(key)
        if low_title and any(t.lower() in low_title for t in texts if len(t) > 2):
            title.add(key)
        if first < KEY_LEAD_CHARS:
            lead.add(key)
    return Profile(counts, frozenset(title), frozenset(lead | title), frozenset(places), frozenset(persons))


def term_counts(doc: Analysis) -> dict[str, float]:
    """Weighted raw counts of the article's terms and entity ids (title and lead weigh more)."""
    return profile(doc).counts


def idf(df: float, n_docs: float) -> float:
    return math.log((n_docs + IDF_BACKGROUND + 1) / (df + 1)) + 1.0


@cache
def background() -> dict[str, float]:
    """Share of the background documents each feature occurs in."""
    text = resources.files("lagebild.link.data").joinpath("background_df.tsv").read_text(encoding="utf-8")
    lines = text.splitlines()
    n_docs = int(lines[0].split("\t")[1])
    out: dict[str, float] = {}
    for line in lines[1:]:
        term, df = line.split("\t")
        if term.startswith("#"):  # stored with the entity type: one name, counted as its commonest
            term = entity_key(term[1:])
        out[term] = max(out.get(term, 0.0), int(df) / n_docs)
    return out


def with_background(dfs: Mapping[str, float], n_docs: int) -> tuple[dict[str, float], float]:
    """The corpus's document frequencies and size with the background documents added."""
    share = background()
    return ({t: df + BACKGROUND_DOCS * share.get(t, 0.0) for t, df in dfs.items()},
            n_docs + BACKGROUND_DOCS)


def rarity(df: float, n_docs: float) -> float:
    """idf scaled to (0, 1]: 1 for a term no other article has."""
    return idf(df, n_docs) / idf(0, n_docs)


def _top(raw: dict[str, float], size: int) -> dict[str, float]:
    top = sorted(raw.items(), key=lambda kv: (-kv[1], kv[0]))[:size]
    norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
    return {t: round(w / norm, 6) for t, w in top}


def vector(counts: dict[str, float], dfs: Mapping[str, float], n_docs: float,
           size: int = VECTOR_TERMS) -> dict[str, float]:
    """The top ``size`` words (not entity ids) by tf-idf, L2-normalised; ties broken by term."""
    raw = {t: (1.0 + math.log(c) if c >= 1.0 else c) * idf(dfs.get(t, 0), n_docs)
           for t, c in counts.items() if not t.startswith("#")}
    return _top(raw, size)


def entity_vector(counts: dict[str, float], dfs: Mapping[str, float], n_docs: float,
                  size: int = ENTITY_TERMS) -> dict[str, float]:
    """The top ``size`` entity ids by (1 + log mentions) * idf, L2-normalised."""
    raw = {t: (1.0 + math.log(max(c / ENTITY_WEIGHT, 1.0))) * idf(dfs.get(t, 0), n_docs)
           for t, c in counts.items() if t.startswith("#")}
    return _top(raw, size)


@dataclass
class Rep:
    """An article or an event as clustering compares them. For an event the vectors are sums of
    its articles' and the keys count the articles that have them."""

    words: dict[str, float]
    ents: dict[str, float]
    title: dict[str, int]
    lead: dict[str, int]
    #: entity keys typed as places, as persons (for an event: how many of its articles did)
    places: dict[str, int] = field(default_factory=dict)
    persons: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> JSON:
        return {"w": self.words, "e": self.ents, "t": self.title, "l": self.lead, "p": self.places,
                "q": self.persons}

    @classmethod
    def from_json(cls, data: JSON) -> Rep:
        if "w" not in data:  # stored before entities and keys were compared: words only
            return cls({k: float(v) for k, v in data.items()}, {}, {}, {})
        return cls(data["w"], data["e"], data["t"], data["l"], data.get("p", {}), data.get("q", {}))


def represent(p: Profile, dfs: Mapping[str, float], n_docs: float) -> Rep:
    ents = entity_vector(p.counts, dfs, n_docs)
    return Rep(vector(p.counts, dfs, n_docs), ents, dict.fromkeys(sorted(p.title), 1),
               dict.fromkeys(sorted(p.lead), 1), dict.fromkeys(sorted(p.places & ents.keys()), 1),
               dict.fromkeys(sorted(p.persons & ents.keys()), 1))


def norm(vec: dict[str, float]) -> float:
    return math.sqrt(sum(w * w for w in vec.values()))


def cosine(vec: dict[str, float], centroid: dict[str, float], centroid_norm: float) -> float:
    """Cosine of a unit vector and a centroid of the given norm."""
    if not centroid_norm:
        return 0.0
    if len(vec) > len(centroid):
        vec, centroid = centroid, vec
    return sum(w * centroid.get(t, 0.0) for t, w in vec.items()) / centroid_norm


_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "é": "e", "è": "e", "á": "a", "à": "a",
                       "ó": "o", "í": "i", "ç": "c", "-": "_"})


def _name_parts(*reps: Rep) -> set[str]:
    """The words of the entity ids of these reps (``#per:thomas_de_maiziere`` -> thomas, de, maiziere)."""
    return {w for r in reps for e in r.ents for w in e.lstrip("#").split(":", 1)[-1].split("_")}


def _kept(ids: set[str]) -> list[str]:
    """The names among these entity ids that name different things: one whose name begins with
    another's is the same thing (``#gpe:nuernberg``, ``#loc:nuernberger``; ``#org:tesla``,
    ``#org:tesla_motors``); the shortest stands for them."""
    names = sorted({e.lstrip("#").split(":", 1)[-1] for e in ids}, key=lambda n: (len(n), n))
    kept: list[str] = []
    for n in names:
        if not any(n.startswith(k) for k in kept):
            kept.append(n)
    return kept


def _distinct(ids: set[str]) -> int:
    """How many different things these entity ids name (see ``_kept``)."""
    return len(_kept(ids))


def shared_names(article: Rep, other: Rep, dfs: Mapping[str, float], n_docs: float,
                 setting: bool = False) -> float:
    """How many different things, rarer than ANCHOR_FLOOR, both name (entity ids; one whose
    name begins with another's counts once). With ``setting`` (the two share hardly any matter
    word) a place counts PLACE_NAME: it is only where something happened, and one town or
    country is the scene of many unrelated stories; the persons and organisations taking part
    tell a happening from another of the same place."""
    small, big = (article.ents, other.ents) if len(article.ents) <= len(other.ents) else (other.ents, article.ents)
    kept = _kept({k for k in small if k in big and rarity(dfs.get(k, 0), n_docs) > ANCHOR_FLOOR})
    places = [n for n in kept if "#" + n in article.places or "#" + n in other.places]
    if not setting or len(places) < len(kept):
        return float(len(kept))
    return PLACE_NAME * len(kept)


def matter(article: Rep, other: Rep, other_norm: float, dfs: Mapping[str, float] | None = None,
           n_docs: float = 0.0) -> float:
    """The word cosine without the words of either's names and without role nouns
    ("Bundespräsident"): what both say about the matter beyond who is in it. With ``dfs``, only
    words rarer than ANCHOR_FLOOR count: the specific matter, not an everyday verb both happen to
    use ("setzen")."""
    if not other_norm:
        return 0.0
    parts = _name_parts(article, other)
    return sum(w * other.words.get(t, 0.0) for t, w in article.words.items()
               if t in other.words and t.translate(_FOLD) not in parts and not is_role(t.capitalize())
               and (dfs is None or rarity(dfs.get(t, 0), n_docs) > ANCHOR_FLOOR)) / other_norm


def protagonists(rep: Rep) -> set[str]:
    """The persons the title names (for an event: any of its articles' titles)."""
    return {k for k in rep.title if k in rep.persons}


def other_protagonists(article: Rep, other: Rep) -> bool:
    """Both titles name persons, and none of one's is among the other's (one whose name begins
    with the other's is the same: ``#stoiber``, ``#stoiber_edmund``)."""
    mine, theirs = protagonists(article), protagonists(other)
    if not mine or not theirs:
        return False
    return _distinct(mine | theirs) == _distinct(mine) + _distinct(theirs)


def anchor(article: Rep, other: Rep, dfs: Mapping[str, float], n_docs: float) -> float:
    """How rare the rarest key is that one has in its title and the other in its title or lead:
    rarity above ANCHOR_FLOOR scaled to (0, 1], 0 when none is rarer (a shared common word such as
    a country in both titles says little).

    Full weight needs a matter word at least as rare as any shared name together with a name,
    or two different names (entity id, country, or a word of an entity's name). When the rarest
    key is a single name it counts NAME_ALONE (one town or company recurs in unrelated stories);
    matter words without any shared name rarer than NAME_FLOOR count TOPIC_ALONE (two emergency
    landings are the same kind of happening, not the same story).
    """
    shared = ({k for k in article.title if k in other.lead} | {k for k in article.lead if k in other.title})
    rare = {k: r for k in shared if (r := rarity(dfs.get(k, 0), n_docs)) > ANCHOR_FLOOR}
    if not rare:
        return 0.0
    words = [k for k in rare if k[0] not in "#@"]
    parts = _name_parts(article, other) if words else set()
    topics = [k for k in words if k.translate(_FOLD) not in parts]
    names = _distinct({k for k in rare if k[0] == "#"}) or len({k for k in rare if k[0] == "@"})
    if not names and len(rare) > len(topics):
        names = 1  # only words of an entity's name
    best = max(rare.values())
    if names >= 2:
        scale = 1.0
    elif topics and max(rare[k] for k in topics) >= best:
        named = names or any(k[0] in "#@" and rarity(dfs.get(k, 0), n_docs) > NAME_FLOOR for k in shared)
        scale = 1.0 if named else TOPIC_ALONE
    else:
        scale = NAME_ALONE
    return scale * (best - ANCHOR_FLOOR) / (1.0 - ANCHOR_FLOOR)


def title_of(doc: Analysis) -> str:
    """The article's title, or its first line when that reads like a headline."""
    if doc.article.title:
        return doc.article.title.strip()
    first = doc.text.strip().split("\n", 1)[0].strip()
    if len(first) <= 160:
        return first
    return first[:157].rsplit(" ", 1)[0] + " …"


def stored_dfs(db: sqlite3.Connection, terms: Iterable[str]) -> dict[str, int]:
    """Document frequencies of ``terms`` from the ``link_df`` table, read in chunks that stay
    under SQLite's bound-parameter limit; absent terms are left out."""
    ordered = sorted(set(terms))
    dfs: dict[str, int] = {}
    for k in range(0, len(ordered), 500):
        part = ordered[k:k + 500]
        marks = ",".join("?" * len(part))
        dfs.update(db.execute(f"SELECT feature, df FROM link_df WHERE feature IN ({marks})", part).fetchall())
    return dfs
