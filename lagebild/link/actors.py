"""Who is named in a sentence: the analysis' entity mentions, or, without them, a light fallback.

The fallback finds states (by name, capital or adjective, via ``places.tsv``), acronyms, person
names (capitalised runs behind a role noun such as "Kremlsprecher Dmitri Peskow", and a run's last
word again later in the text) and group speakers ("Beamte", "die Regierung"). It is deliberately
conservative: the entity component, once it fills ``Analysis.entities``, replaces it.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from lagebild.analyse.de import word_list
from lagebild.link.lexicon import _lines, country_of, lemma, stopwords
from lagebild.model import Analysis, Token

PREPOSITIONS = frozenset({"in", "im", "aus", "nach", "mit", "von", "vom", "gegen", "für", "über", "unter", "bei",
                          "beim", "zu", "zum", "zur", "an", "am", "auf", "vor", "zwischen", "durch", "um",
                          "ohne", "seit", "wegen", "trotz", "innerhalb", "außerhalb", "gegenüber", "ins"})


@dataclass(frozen=True)
class Actor:
    text: str
    start: int
    end: int
    key: str  # entity id, or a normal name ("@Russland" for a state)
    name: str
    type: str  # PER ORG GPE LOC MISC GROUP
    entity: str | None = None


@cache
def _roles() -> tuple[frozenset[str], tuple[str, ...], frozenset[str], tuple[str, ...]]:
    role_words, role_suffixes, group_words, group_suffixes = set(), [], set(), []
    for word, kind in (r[:2] for r in _lines("roles.tsv")):
        if kind == "role":
            (role_suffixes.append(word[1:].lower()) if word.startswith("-") else role_words.add(word))
        else:
            (group_suffixes.append(word[1:].lower()) if word.startswith("-") else group_words.add(word))
    return frozenset(role_words), tuple(role_suffixes), frozenset(group_words), tuple(group_suffixes)


def is_role(word: str) -> bool:
    words, suffixes, _, _ = _roles()
    return word in words or (word[:1].isupper() and word.lower().endswith(suffixes))


def is_group(word: str) -> bool:
    _, _, words, suffixes = _roles()
    return word in words or (word[:1].isupper() and word.lower().endswith(suffixes))


def _cap(tok: Token) -> bool:
    w = tok.text
    return w[:1].isupper() and any(c.isalpha() for c in w) and w.lower() not in stopwords()


def _acronym(w: str) -> bool:
    letters = [c for c in w if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and len(w) <= 8 \
        and w.lower() not in stopwords()


def from_entities(doc: Analysis, start: int, end: int) -> list[Actor]:
    out = []
    for ent in doc.entities:
        for m in ent.mentions:
            if start <= m.start and m.end <= end:
                out.append(Actor(m.text, m.start, m.end, ent.id, ent.name, ent.type, ent.id))
    return sorted(out, key=lambda a: a.start)


_DETERMINERS = frozenset({"der", "die", "das", "dem", "den", "des", "ein", "eine", "einem", "einen", "einer",
                          "eines", "seinem", "seiner", "seine", "ihrem", "ihrer", "ihre", "dieser", "diese", "dieses"})
_NOUN_ENDINGS = ("ung", "heit", "keit", "schaft", "tion", "ismus", "tät", "ium", "ment", "nis", "tum", "ling",
                 "ei", "ungen", "heiten", "keiten", "schaften", "tionen", "ismen", "täten", "nisse", "gruppe")


def _name_word(tok: Token) -> bool:
    w = tok.text
    return _cap(tok) and not is_role(w) and not is_group(w) and country_of(w) is None and not _acronym(w) \
        and not w.lower().endswith(_NOUN_ENDINGS) and len(w) > 1


@cache
def _given_names() -> frozenset[str]:
    return frozenset(n.split("\t")[0] for n in word_list("kb/given_names.txt"))  # a gender column may follow


def _uninflected(tok: Token) -> bool:
    """A name keeps its form; a common noun in the plural or an oblique case usually does not
    ("Fragmente" -> "fragment"), which keeps German capitalised nouns out of name runs."""
    return lemma(tok.text) == tok.text.lower() or tok.text in _given_names()


def _name_runs(sent: list[Token]) -> list[tuple[int, int]]:
    """Token index ranges of person names: a capitalised run of uninflected words behind a role
    noun, or a run of two or three name-like capitalised words opening with a given name (German
    capitalises every noun, so "im Raum Charkiw Fragmente" must not make a person)."""
    runs = []
    i = 0
    while i < len(sent):
        if is_role(sent[i].text) and i + 1 < len(sent) and _name_word(sent[i + 1]) and _uninflected(sent[i + 1]):
            j = i + 1
            while j < len(sent) and j - i <= 3 and _name_word(sent[j]) and _uninflected(sent[j]):
                j += 1
            runs.append((i + 1, j))
            i = j
            continue
        if _name_word(sent[i]) and sent[i].text in _given_names() and i + 1 < len(sent) and \
                _name_word(sent[i + 1]) and \
                sent[i + 1].start - sent[i].end == 1 and (i == 0 or sent[i - 1].text.lower() not in _DETERMINERS):
            j = i + 2
            if j < len(sent) and _name_word(sent[j]) and sent[j].start - sent[j - 1].end == 1:
                j += 1
            runs.append((i, j))
            i = j
            continue
        i += 1
    return runs


def fallback(tokens: list[Token], start: int, end: int, known: dict[str, str]) -> list[Actor]:
    """Actors in tokens[start:end] (offsets into the text) without an entity component."""
    sent = [t for t in tokens if start <= t.start and t.end <= end]
    runs = {a: b for a, b in _name_runs(sent)}
    out: list[Actor] = []
    i = 0
    while i < len(sent):
        tok = sent[i]
        if i in runs:
            j = runs[i]
            name = " ".join(t.text for t in sent[i:j])
            out.append(Actor(name, tok.start, sent[j - 1].end, known.get(sent[j - 1].text, name), name, "PER"))
            i = j
            continue
        two = f"{tok.text} {sent[i + 1].text}" if i + 1 < len(sent) else ""
        country = country_of(two) if two else None
        if country is not None and tok.text[:1].isupper():
            out.append(Actor(two, tok.start, sent[i + 1].end, "@" + country, country, "GPE"))
            i += 2
            continue
        country = country_of(tok.text)
        if country is not None and tok.text[:1].isupper():
            out.append(Actor(tok.text, tok.start, tok.end, "@" + country, country, "GPE"))
        elif _acronym(tok.text) and not any(_acronym(n.text) for n in sent[max(i - 1, 0):i + 2] if n is not tok):
            out.append(Actor(tok.text, tok.start, tok.end, tok.text, tok.text, "ORG"))
        elif _cap(tok) and (tok.text in known or (tok.text.endswith("s") and tok.text[:-1] in known)):
            base = tok.text if tok.text in known else tok.text[:-1]
            out.append(Actor(tok.text, tok.start, tok.end, known[base], base, "PER"))
        elif is_group(tok.text):
            out.append(Actor(tok.text, tok.start, tok.end, "", tok.text, "GROUP"))
        i += 1
    return out


def known_names(tokens: list[Token]) -> dict[str, str]:
    """Each word of the person names found anywhere in the text -> the full name, so that a later
    bare "Peskow" or "Putins" is recognised too (the longest name wins)."""
    out: dict[str, str] = {}
    for a, b in _name_runs(tokens):
        name = " ".join(t.text for t in tokens[a:b])
        for t in tokens[a:b]:
            if len(t.text) > 2 and len(name) > len(out.get(t.text, "")):
                out[t.text] = name
    return out


def actors(doc: Analysis, tokens: list[Token], start: int, end: int, names: dict[str, str]) -> list[Actor]:
    """Actors of one sentence: entity mentions when the analysis has them, else the fallback,
    plus group speakers (which entity components do not mark)."""
    if doc.entities:
        found = from_entities(doc, start, end)
        groups = [a for a in fallback(tokens, start, end, {}) if a.type == "GROUP"]
        taken = [(a.start, a.end) for a in found]
        found += [g for g in groups if not any(s < g.end and g.start < e for s, e in taken)]
        return sorted(found, key=lambda a: a.start)
    return fallback(tokens, start, end, names)


def governed(tokens: list[Token], actor: Actor) -> bool:
    """Does a preposition govern the actor ("in der Ukraine", "mit Nordkorea")? Looks back over
    determiners and lower-case adjectives."""
    before = [t for t in tokens if t.end <= actor.start][-4:]
    for t in reversed(before):
        low = t.text.lower()
        if low in PREPOSITIONS:
            return True
        if low in _DETERMINERS or (t.text[:1].islower() and t.text.isalpha()):
            continue
        return False
    return False
