"""From names in a text to real-world entities with stable ids.

* A KB name gets its KB id; a capital used as an actor ("Moskau warnt") stands for its
  country, a capital as a place ("in Moskau") stays the city.
* Role nouns that fix one office ("Kremlchef", "Kremlsprecher") resolve to whoever held it
  on the article's date; right before a name ("Kremlsprecher Dmitri Peskow") they add nothing.
* Short forms resolve inside the document: "Baerbock" after "Annalena Baerbock", "Kim" after
  "Kim Jong-un"; a KB short form alone ("Xi") only when one KB person in office carries it.
* A name tagged once is the same name elsewhere in the article (document-level consistency).
* A name not in the KB gets an id from its normalised canonical form (``per:anna_berger``),
  so the same person has the same id in every article.
"""
from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import compress

from lagebild.analyse.ner.gazetteer import _variants, adjective_country, word_flags
from lagebild.analyse.ner.inflection import base_name
from lagebild.analyse.ner.institutions import Span, resolve_institutions
from lagebild.analyse.ner.kb import KB, KBEntry, fold, load_kb, slug
from lagebild.analyse.ner.recognise import recognise
from lagebild.analyse.ner.rules import Found, adjective_place, nominative_for_name
from lagebild.analyse.ner.tagger import Models
from lagebild.analyse.wordcache import word_cache
from lagebild.model import Entity, Mention, Token

LOCATIVE = frozenset({"in", "im", "nach", "aus", "bei", "nahe", "vor", "um", "bis", "nördlich", "südlich",
                      "östlich", "westlich", "nordöstlich", "nordwestlich", "südöstlich", "südwestlich"})
#: verbs right after a capital that describe the place, not an actor ("Paris liegt an der Seine");
#: "ist" and "hat" are left out: "Washington ist besorgt", "Moskau hat erklärt" are governments
PLACE_VERBS = frozenset({"liegt", "lag", "grenzt", "grenzte"})
PREFIX = {"PER": "per", "ORG": "org", "GPE": "loc", "LOC": "loc", "MISC": "misc"}


@dataclass
class _M:
    """A mention being resolved: token span in the document, label, entity key."""

    start: int
    end: int
    label: str
    kb_id: str = ""
    key: str = ""  # entity key once resolved
    chars: tuple[int, int] | None = None  # a part of one token ("russisch" in russisch-chinesisch)
    adjective: bool = False
    confidence: float = 1.0  # below 1 for a bare noun resolved by its context ("Außenministerium")


def _sentences(tokens: Sequence[Token], spans: Sequence[tuple[int, int]]) -> list[range]:
    """Token ranges of the sentence spans (a sentence ends before the first token at or
    after its end offset), plus a last range for tokens after the last span."""
    out: list[range] = []
    starts = [t.start for t in tokens]
    i, n = 0, len(tokens)
    for _, end in spans:
        j = max(i, bisect_left(starts, end))
        if j > i:
            out.append(range(i, j))
        i = j
    if i < n:
        out.append(range(i, n))
    return out


@cache
def _role_firsts() -> frozenset[str]:
    """The folded first words of the role nouns: most words can never start one."""
    return frozenset(fold(noun.split()[0]) for noun in load_kb().role_noun_forms)


@word_cache
def _role_of(key: str) -> str:
    """The role a folded role-noun key names, inflected forms included ("kremlchefs")."""
    roles = load_kb().role_nouns
    return next((roles[v] for v in (*_variants(key), key[:-1], key[:-2]) if v in roles), "")


@word_cache
def _may_start_role(word: str) -> bool:
    firsts = _role_firsts()
    f = fold(word)
    return word[:1].isalpha() and (f in firsts or f[:-1] in firsts or f[:-2] in firsts)


def _role_mentions(words: Sequence[str], taken: Sequence[bool], kb: KB) -> list[tuple[int, int, str]]:
    """(start, end, role) of role nouns not inside a name and not right before a name."""
    out = []
    n = len(words)
    for i in [i for i in compress(range(n), map(_may_start_role, words)) if not taken[i]]:
        f = fold(words[i])
        for j in (i + 2, i + 1):
            if j > n or any(taken[i:j]):
                continue
            role = _role_of(f if j == i + 1 else f + fold(words[i + 1]))
            if role:
                if j < n and taken[j]:
                    break  # "Kremlsprecher Dmitri Peskow": the name carries the mention
                out.append((i, j, role))
                break
    return out


def resolve(text: str, tokens: Sequence[Token], sentence_spans: Sequence[tuple[int, int]],
            published: str | None = None, models: Models | None = None
            ) -> tuple[tuple[Mention, ...], tuple[Entity, ...]]:
    kb = load_kb()
    date = (published or "")[:10] or None
    sents = _sentences(tokens, sentence_spans)
    words = [t.text for t in tokens]
    found: list[list[Found]] = recognise([words[r.start:r.stop] for r in sents], models)
    ms: list[_M] = []
    for r, fs in zip(sents, found, strict=True):
        ms.extend(_M(r.start + f.start, r.start + f.end, f.label, f.kb_id) for f in fs)
    _genitive_heads(ms, words, kb)
    _prefix_link(ms, words, kb)
    # a lower-case adjective the tagger took for a name is its country ("nordkoreanische")
    ms = [m for m in ms if not (m.end - m.start == 1 and not m.kb_id and words[m.start][:1].islower()
                                and adjective_country(words[m.start]))]
    taken = [False] * len(words)
    for m in ms:
        taken[m.start:m.end] = [True] * (m.end - m.start)
    for r in sents:
        for s, e, role in _role_mentions(words[r.start:r.stop], taken[r.start:r.stop], kb):
            holder = kb.holder(role, date)
            if holder is not None:
                ms.append(_M(r.start + s, r.start + e, "PER", holder.id))
                taken[r.start + s:r.start + e] = [True] * (e - s)
    _institutions(words, sents, ms, taken, date)
    _place_adjectives(ms, words)
    ms.extend(_adjectives(tokens, words, taken, {r.start for r in sents}))
    ms.extend(_propagate(words, ms, taken, kb))
    ms.sort(key=lambda m: (m.start, m.chars or (0, 0)))
    _link(ms, words, kb, date)
    return _build(text, tokens, ms, kb)


def _institutions(words: Sequence[str], sents: Sequence[range], ms: list[_M], taken: list[bool],
                  date: str | None) -> None:
    """Bare institution nouns ("das Außenministerium", "der Präsident") with the country the
    document gives them (``institutions.py``); a bare name the tagger made of one gets its KB id."""
    spans = [Span(m.start, m.end, m.label, m.kb_id) for m in ms if not m.adjective]
    found = resolve_institutions(words, sents, spans, taken, date)
    if not found:
        return
    bare = {m.start: m for m in ms if m.end == m.start + 1 and not m.kb_id}
    for f in found:
        m = bare.get(f.start)
        if m is not None:
            m.kb_id, m.label, m.confidence = f.kb_id, f.label, f.confidence
        else:
            ms.append(_M(f.start, f.end, f.label, f.kb_id, confidence=f.confidence))
            taken[f.start] = True


def _place_adjectives(ms: Sequence[_M], words: Sequence[str]) -> None:
    """ "Berliner" alone that the tagger took for a place is Berlin's adjective: a mention of
    the city (``rules.adjective_place``), not an entity named "Berliner"; "US-amerikanische" is
    the adjective of the USA."""
    for m in ms:
        if m.end - m.start == 1 and not m.kb_id and m.label in ("LOC", "GPE"):
            w = words[m.start]
            # a country's adjective in a compound the tagger took for a place ("US-amerikanische")
            tail = w.rpartition("-")[2]
            m.kb_id = adjective_country(tail) if tail[:1].islower() else adjective_place(w)
            m.adjective = bool(m.kb_id)


def _genitive_heads(ms: list[_M], words: Sequence[str], kb: KB) -> None:
    """ "Yoons Büro": a person's genitive before a noun is the person alone, when the document
    names that person elsewhere (Yoon Suk Yeol) or the KB knows the name."""
    names: set[str] = set()
    for m in ms:
        if m.label == "PER":
            names.update(fold(w) for w in words[m.start:m.end])
            entry = kb.entries.get(m.kb_id)
            if entry is not None:
                names.update(fold(x) for x in entry.short)
    for m in ms:
        head = words[m.start]
        if m.label == "PER" and not m.kb_id and m.end - m.start > 1 and head.endswith("s") \
                and len(head) > 3 and fold(head[:-1]) in names:
            m.end = m.start + 1


@cache
def _person_aliases() -> dict[str, tuple[tuple[str, str], ...]]:
    """(folded multi-word alias of 8+ letters, person id) of every KB person, longest first,
    by the alias's first 8 letters: a name can only start with the aliases of its bucket."""
    kb = load_kb()
    out = {(fold(a), e.id) for e in kb.entries.values() if e.type == "PER"
           for a in (e.name, *e.aliases) if " " in a.strip("?") and not a.endswith("?")}
    buckets: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for alias, eid in sorted(out, key=lambda x: (-len(x[0]), x)):
        if len(alias) >= 8:
            buckets[alias[:8]].append((alias, eid))
    return {k: tuple(v) for k, v in buckets.items()}


def _prefix_link(ms: Sequence[_M], words: Sequence[str], kb: KB) -> None:
    """A person name that starts with a KB person's full name and then runs on, as machine
    translation leaves it ("Lecornuin"), is that person."""
    for m in ms:
        if m.label != "PER" or m.kb_id or m.end - m.start < 2:
            continue
        key = fold("".join(words[m.start:m.end]))
        for alias, eid in _person_aliases().get(key[:8], ()):
            if key.startswith(alias):
                m.kb_id = eid
                break


def _adjectives(tokens: Sequence[Token], words: Sequence[str], taken: list[bool], starts: set[int]) -> list[_M]:
    """Nationality adjectives as mentions of their country ("französische Beamte" speak for
    France); parts of compounds too ("deutsch-französische")."""
    out = []
    for i, hits in enumerate(map(_adjective_hits, words)):
        if not hits or taken[i]:
            continue
        tok = tokens[i]
        if not (tok.text[:1].islower() or i in starts):
            continue
        for country, offset, length in hits:
            chars = None if offset < 0 else (tok.start + offset, tok.start + offset + length)
            out.append(_M(i, i + 1, "GPE", country, chars=chars, adjective=True))
        taken[i] = True
    return out


@word_cache
def _adjective_hits(word: str) -> tuple[tuple[str, int, int], ...]:
    """(country, offset, length) of the nationality adjectives in one word: the whole word
    (offset -1), or the parts of a hyphenated compound. Cached: most words have none."""
    if not word[:1].isalpha():
        return ()
    if "-" not in word:
        country = adjective_country(word)
        return ((country, -1, 0),) if country else ()
    out = []
    pos = 0
    for part in word.split("-"):
        country = adjective_country(part) if len(part) > 3 else ""
        if country:
            out.append((country, pos, len(part)))
        pos += len(part) + 1
    return tuple(out)


def _surface(words: Sequence[str], m: _M) -> str:
    return " ".join(words[m.start:m.end])


def _propagate(words: Sequence[str], ms: Sequence[_M], taken: list[bool], kb: KB) -> list[_M]:
    """Untagged repeats of a tagged one-word name, surnames of tagged full person names and
    short forms of KB people named in the document, each also in its genitive (-s)."""
    single: dict[str, str] = {}
    for m in ms:
        if m.adjective:
            continue
        entry = kb.entries.get(m.kb_id)
        if entry is not None and entry.type == "PER" and m.end - m.start > 1:
            for short in entry.short:
                single.setdefault(short, "PER")
        if m.end - m.start == 1 and len(words[m.start]) > 2 and words[m.start][:1].isupper():
            single.setdefault(words[m.start], m.label)
        if m.label == "PER" and m.end - m.start > 1 and (m.kb_id or "fn" in word_flags(words[m.start])):
            last = words[m.end - 1]
            if len(last) > 2 and last[:1].isupper() and "." not in last:
                single.setdefault(last, "PER")
    out: list[_M] = []
    if not single:
        return out
    for name, label in list(single.items()):
        if name[-1:].isalpha() and name[-1] not in "sxzß" and name[-1].islower():
            single.setdefault(name + "s", label)  # "Wendelmeiers Plan" after "Klaus Wendelmeier"
    for i in [i for i, w in enumerate(words) if w in single]:
        w = words[i]
        if not taken[i] and not (i > 0 and words[i - 1][:1].isupper() and taken[i - 1]) \
                and not (i + 1 < len(words) and taken[i + 1]):
            start = i
            while single[w] == "PER" and start > 0 and not taken[start - 1] \
                    and words[start - 1][:1].isupper() and "fn" in word_flags(words[start - 1]):
                start -= 1  # "Annalena" before a propagated "Baerbock"
            out.append(_M(start, i + 1, single[w]))
            taken[start:i + 1] = [True] * (i + 1 - start)
    return out


def _persons_genitives(ms: list[_M], words: Sequence[str]) -> None:
    """A one-word name the tagger typed otherwise that is a word of a person's full name in the
    document, in the genitive ("Velmers" or "Annas" after "Anna Velmer") or as the surname
    itself, is that person: a name keeps its type through the article."""
    parts: set[str] = set()
    surnames: set[str] = set()
    for m in ms:
        if m.label == "PER" and m.end - m.start > 1 and not m.adjective:
            parts.update((fold(words[m.start]), fold(words[m.end - 1])))
            surnames.add(fold(words[m.end - 1]))
    if not parts:
        return
    for m in ms:
        if m.label in ("ORG", "LOC", "MISC") and m.end - m.start == 1 and not m.kb_id and not m.chars \
                and not m.adjective and words[m.start][:1].isupper():
            f = fold(words[m.start])
            if f in surnames or (f.endswith("s") and len(f) > 3 and f[:-1] in parts):
                m.label = "PER"
        elif m.label in ("ORG", "LOC", "MISC") and m.end - m.start == 2 and not m.kb_id and not m.chars \
                and adjective_country(words[m.start]) and fold(words[m.start + 1]) in surnames:
            m.start += 1  # "der Deutsche Velmer" after "Anna Velmer": the person, her nationality aside
            m.label = "PER"


def _one_type_per_name(ms: list[_M], words: Sequence[str]) -> None:
    """A name the KB does not know keeps one type through the article: where the tagger typed
    the same name two ways ("Cassini" the probe as MISC, then as PER), every mention takes the
    type most of them have (on a tie, the first mention's), so the name is one entity."""
    by_name: dict[str, list[_M]] = {}
    for m in ms:
        if not m.kb_id and not m.chars and not m.adjective:
            by_name.setdefault(fold(_surface(words, m)), []).append(m)
    for group in by_name.values():
        if len({m.label for m in group}) < 2:
            continue
        votes: dict[str, int] = {}
        for m in group:
            votes[m.label] = votes.get(m.label, 0) + 1
        best = max(votes, key=votes.__getitem__)  # the first label seen wins a tie
        for m in group:
            m.label = best


def _link(ms: list[_M], words: Sequence[str], kb: KB, date: str | None) -> None:
    """Give every mention an entity key (a KB id or a name key)."""
    _persons_genitives(ms, words)
    _one_type_per_name(ms, words)
    for i, m in enumerate(ms):
        if m.kb_id:
            entry = kb.entries[m.kb_id]
            if entry.kind == "capital":
                prev = words[m.start - 1].lower() if m.start > 0 else ""
                # a capital as a place ("in Moskau", "Paris liegt") or its adjective ("Moskauer")
                # stays the city
                nxt = words[m.end] if m.end < len(words) else ""
                city = prev in LOCATIVE or nxt in PLACE_VERBS or m.adjective
                m.key = m.kb_id if city else kb.metonyms.get(m.kb_id, m.kb_id)
            else:
                m.key = m.kb_id
            m.label = kb.entries[m.key].type
            continue
        if m.label == "PER":
            m.key = _person(ms, i, words, kb, date)
        else:
            m.key = ""
    # non-person names without KB id: one entity per normalised form (genitive evened out)
    keyless = [(m, fold(base_name(nominative_for_name(_surface(words, m))))) for m in ms if not m.key]
    forms = {f for _, f in keyless}
    for m, f in keyless:
        if f.endswith("s") and f[:-1] in forms:
            f = f[:-1]
        m.key = "name:" + m.label + ":" + f


@cache
def _short_index() -> dict[str, tuple[KBEntry, ...]]:
    """Folded short form -> the KB people who carry it."""
    out: dict[str, list[KBEntry]] = defaultdict(list)
    for e in load_kb().entries.values():
        if e.type == "PER":
            for short in e.short:
                out[fold(short)].append(e)
    return {k: tuple(v) for k, v in out.items()}


def _person(ms: Sequence[_M], i: int, words: Sequence[str], kb: KB, date: str | None) -> str:
    """A person mention's key: a fuller name in the document it shortens (the nearest before
    it, else after it), a KB short form, or its own name."""
    m = ms[i]
    surface = words[m.start:m.end]
    keys = set(_variants(fold("".join(surface))))
    order = [*reversed(ms[:i]), *ms[i + 1:]]
    for other in order:
        if other.label != "PER" or other.adjective:
            continue
        pw = words[other.start:other.end]
        if len(pw) > len(surface) and (fold(pw[-1]) in keys or fold(pw[0]) in keys
                                       or fold("".join(pw[-len(surface):])) in keys):
            return other.kb_id or other.key or "name:PER:" + fold("".join(pw))
    # a KB short form: the person is named in the document, or is the only holder in office
    index = _short_index()
    cands = list(dict.fromkeys(e for k in keys for e in index.get(k, ())))
    named = {o.kb_id for o in ms}
    for e in cands:
        if e.id in named:
            return e.id
    if date and len(cands) == 1 and any(t.covers(date) for t in cands[0].tenures):
        return cands[0].id
    return "name:PER:" + fold("".join(surface))


def _build(text: str, tokens: Sequence[Token], ms: Sequence[_M], kb: KB
           ) -> tuple[tuple[Mention, ...], tuple[Entity, ...]]:
    groups: dict[str, list[_M]] = defaultdict(list)
    for m in ms:
        groups[m.key].append(m)
    named: dict[str, tuple[str, str, bool]] = {}  # key -> id, name, in_kb
    for key, group in groups.items():
        if key in kb.entries:
            named[key] = (key, kb.entries[key].name, True)
            continue
        forms: dict[str, int] = {}  # a plain dict: Counter's constructor is slow for a few items
        for m in group:
            f = text[tokens[m.start].start:tokens[m.end - 1].end]
            forms[f] = forms.get(f, 0) + 1
        name = max(forms, key=lambda f: (len(f.split()), forms[f], -len(f)))
        if name.endswith("s") and name[:-1] in forms:
            name = name[:-1]
        name = nominative_for_name(name)
        label = group[0].label  # persons' ids keep their names as written ("per:anna_berger")
        named[key] = (f"{PREFIX[label]}:{slug(name if label == 'PER' else base_name(name))}", name, False)
    mentions = []
    by_entity: dict[str, list[Mention]] = defaultdict(list)
    for m in ms:
        eid, name, _ = named[m.key]
        s, e = m.chars or (tokens[m.start].start, tokens[m.end - 1].end)
        label = kb.entries[m.key].type if m.key in kb.entries else m.label
        mention = Mention(text[s:e], s, e, label, eid, name, m.confidence)
        mentions.append(mention)
        by_entity[m.key].append(mention)
    entities = []
    for key, group_mentions in by_entity.items():
        eid, name, in_kb = named[key]
        entities.append(Entity(eid, name, group_mentions[0].type, tuple(group_mentions), in_kb))
    # one entity per id (two keys can produce one slug)
    merged: dict[str, Entity] = {}
    for ent in entities:
        if ent.id in merged:
            old = merged[ent.id]
            merged[ent.id] = Entity(ent.id, old.name, old.type,
                                    tuple(sorted(old.mentions + ent.mentions, key=lambda x: x.start)), old.in_kb)
        else:
            merged[ent.id] = ent
    return tuple(mentions), tuple(merged.values())
