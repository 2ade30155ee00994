"""The knowledge base of real-world entities: readable TSV files under ``analyse/de/kb/``.

Why files, not code: journalists and users extend the KB (a new minister, a new agency)
without touching Python. See ``de/kb/README.md`` for the columns. Names are matched through
a *fold* that forgives German vs English romanisation (Peskow/Peskov, Lawrow/Lavrov,
Schoigu/Shoigu), hyphenation (Kim Jong-un/Kim Jong Un) and diacritics.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from lagebild.analyse.de import word_list
from lagebild.analyse.ner.inflection import declined_forms
from lagebild.analyse.wordcache import word_cache

_NON_ALNUM = re.compile(r"[\W_]+")
_TRANSLIT = (("tsch", "ch"), ("sch", "sh"), ("w", "v"), ("j", "y"), ("yy", "y"), ("kh", "h"))


@word_cache
def fold(text: str) -> str:
    """A matching key: lower case, no diacritics or separators, romanisation evened out."""
    s = text.lower().replace("ß", "ss")
    if not s.isascii():  # ASCII has no diacritics to take off: most words skip the per-letter pass
        s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    s = _NON_ALNUM.sub("", s)
    for a, b in _TRANSLIT:
        s = s.replace(a, b)
    return s


@dataclass(frozen=True, slots=True)
class Tenure:
    """One holder's time in a role: ``role@country`` from ``start`` to ``end`` (ISO prefixes)."""

    role: str
    start: str
    end: str  # "" while in office

    def covers(self, date: str) -> bool:
        start = (self.start + "-01-01")[:10] if len(self.start) == 4 else (self.start + "-01")[:10]
        end = (self.end + "-12-31")[:10] if len(self.end) == 4 else (self.end + "-31")[:10]
        return start <= date[:10] and (not self.end or date[:10] <= end)


@dataclass(frozen=True, slots=True)
class KBEntry:
    id: str
    type: str  # PER ORG GPE LOC MISC
    name: str  # canonical (German) name
    aliases: tuple[str, ...]  # a final "?" marks an ambiguous alias (Bild, Union, Essen)
    kind: str = ""  # country, capital, city, region, agency, party, ...
    country: str = ""  # the country id a person serves or a capital stands for
    short: tuple[str, ...] = ()  # forms usable alone once the entity was named in a document
    tenures: tuple[Tenure, ...] = ()


@dataclass(frozen=True, slots=True)
class Institution:
    """What a bare noun names in some country: an ORG office, or a PER role (tried in order)."""

    office: str
    type: str  # ORG or PER
    roles: tuple[str, ...] = ()


@dataclass
class KB:
    entries: dict[str, KBEntry] = field(default_factory=dict)
    #: folded (or, for case-strict aliases, "=" + exact) key -> entry ids
    index: dict[str, list[str]] = field(default_factory=dict)
    #: keys of at least one alias not marked ambiguous ("?" in the files): the others count
    #: only where the tagger also sees a name
    strong: set[str] = field(default_factory=set)
    #: aliases as written, lower case: a one-word match that only folding found ("Handel" for
    #: "Händel") is another word when the dictionary knows the written form (gazetteer.py)
    written: set[str] = field(default_factory=set)
    #: folded word lists for the tagger's features: given names, family names, words before
    #: a person's name (titles, offices), words inside or next to organisation names
    given_names: frozenset[str] = frozenset()
    surnames: frozenset[str] = frozenset()
    person_cues: frozenset[str] = frozenset()
    org_cues: frozenset[str] = frozenset()
    #: nationality adjective stems (folded) -> country id
    adjectives: dict[str, str] = field(default_factory=dict)
    #: role noun (folded) -> role@country, and the nouns as written
    role_nouns: dict[str, str] = field(default_factory=dict)
    role_noun_forms: list[str] = field(default_factory=list)
    #: a capital's entry id -> the country id it can stand for (metonymy)
    metonyms: dict[str, str] = field(default_factory=dict)
    #: ISO code (as in roles and offices) <-> country id
    code_country: dict[str, str] = field(default_factory=dict)
    country_code: dict[str, str] = field(default_factory=dict)
    #: (office, country code) -> the organisation holding it (foreign_ministry, us -> State Department)
    offices: dict[tuple[str, str], str] = field(default_factory=dict)
    #: bare institution nouns as written -> the office they name (institutions.tsv)
    institution_nouns: dict[str, Institution] = field(default_factory=dict)
    max_tokens: int = 1
    #: role@country -> (holder, tenure) in KB order: ``holder`` looks at these only
    by_role: dict[str, list[tuple[KBEntry, Tenure]]] = field(default_factory=dict)
    _prefixes: frozenset[str] | None = field(default=None, repr=False)

    def add(self, entry: KBEntry) -> None:
        self.entries[entry.id] = entry
        for tenure in entry.tenures:
            self.by_role.setdefault(tenure.role, []).append((entry, tenure))
        weak = {a[:-1] for a in entry.aliases if a.endswith("?")}
        for alias in dict.fromkeys([entry.name, *entry.aliases]):
            if alias.endswith("?"):
                self.add_alias(alias[:-1], entry.id, strong=False)
            elif alias not in weak:
                self.add_alias(alias, entry.id)

    def add_alias(self, alias: str, entry_id: str, strong: bool = True) -> None:
        key = alias_key(alias)
        ids = self.index.setdefault(key, [])
        if entry_id not in ids:
            ids.append(entry_id)
        if strong:
            self.strong.add(key)
        self.written.add(alias.lower())
        self._prefixes = None
        self.max_tokens = max(self.max_tokens, alias.count(" ") + alias.count("-") + 1)

    def key_prefixes(self) -> frozenset[str]:
        """Every leading part of every index key: the matcher stops extending a span as soon as
        no key can still come of it."""
        if self._prefixes is None:
            self._prefixes = frozenset(k[:i] for k in self.index for i in range(len(k) + 1))
        return self._prefixes

    def holder(self, role: str, date: str | None) -> KBEntry | None:
        """The person holding ``role`` (``role@country``) on ``date`` (latest holder if no date)."""
        best: tuple[str, KBEntry] | None = None
        for entry, tenure in self.by_role.get(role, ()):
            if date:
                if tenure.covers(date):
                    return entry
            elif not tenure.end:
                return entry
            elif best is None or tenure.end > best[0]:
                best = (tenure.end, entry)
        return None if date else (best[1] if best else None)


def is_case_strict(alias: str) -> bool:
    """Short all-caps aliases (EU, UN, AFP) and lower-case ones (dpa) match only as written:
    folded, "Un" in "Kim Jong Un" would be the UN."""
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and (alias[0].islower() or (len(letters) <= 5 and all(c.isupper() for c in letters)))


def alias_key(alias: str) -> str:
    """Folded word by word, as the matcher folds tokens: folding the joined words would merge
    letters across the space ("Nick Heidfeld": k + h -> h)."""
    if is_case_strict(alias):
        return "=" + _NON_ALNUM.sub("", alias)
    return "".join(fold(word) for word in alias.split())


def _split(cell: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in cell.split("|") if p.strip())


def _rows(name: str, width: int) -> list[list[str]]:
    out = []
    for line in word_list(f"kb/{name}"):
        cells = [c.strip() for c in line.split("\t")]
        out.append(cells + [""] * (width - len(cells)))
    return out


def _tenures(cell: str) -> tuple[Tenure, ...]:
    """``president@ru:2000-2008,2012-; prime_minister@ru:2008-2012`` -> tenures."""
    out = []
    for part in cell.split(";"):
        if not part.strip():
            continue
        role, _, spans = part.strip().partition(":")
        for span in spans.split(","):
            m = re.fullmatch(r"\s*([\d-]{4,10}?)\s*(?:/|-(?=\d{4}|$)|–)\s*([\d-]{4,10})?\s*", span)
            if m:
                out.append(Tenure(role.strip(), m.group(1), m.group(2) or ""))
    return tuple(out)


def _declined(name: str, aliases: tuple[str, ...]) -> tuple[str, ...]:
    """The aliases and the declined forms of the name and aliases ("Deutschen Gewerkschaftsbund"
    for "Deutscher Gewerkschaftsbund"; ``inflection.declined_forms``), a weak alias's forms weak."""
    out = list(aliases)
    for alias in (name, *aliases):
        weak = alias.endswith("?")
        out += [f + "?" if weak else f for f in declined_forms(alias.rstrip("?"))]
    return tuple(dict.fromkeys(out))


@cache
def load_kb() -> KB:
    """Read every KB file once per process."""
    kb = KB()
    for cid, name, aliases, adjectives, code, _ in _rows("countries.tsv", 6):
        kb.add(KBEntry(cid, "GPE", name, _split(aliases), kind="country", country=cid))
        for adj in _split(adjectives):
            kb.adjectives[fold(adj)] = cid
        if code:
            kb.code_country[code] = cid
            kb.country_code[cid] = code
    for cid, name, aliases in _rows("capitals.tsv", 3):
        eid = "gpe:" + slug(name)
        kb.add(KBEntry(eid, "GPE", name, _split(aliases), kind="capital", country=cid))
        kb.metonyms[eid] = cid
    for eid, etype, name, aliases, kind in _rows("places.tsv", 5):
        kb.add(KBEntry(eid, etype, name, _declined(name, _split(aliases)), kind=kind))
    for eid, etype, name, aliases, kind, offices in _rows("organisations.tsv", 6):
        country = ""
        for office in _split(offices):
            what, _, code = office.partition("@")
            country = kb.code_country.get(code, country)
            if what:
                kb.offices[(what, code)] = eid
        kb.add(KBEntry(eid, etype, name, _declined(name, _split(aliases)), kind=kind, country=country))
    for eid, name, aliases, short, country, roles in _rows("people.tsv", 6):
        kb.add(KBEntry(eid, "PER", name, _split(aliases), kind="person", country=country,
                       short=_split(short), tenures=_tenures(roles)))
    for nouns, office, etype, roles in _rows("institutions.tsv", 4):
        for noun in _split(nouns):
            kb.institution_nouns[noun] = Institution(office, etype, _split(roles))
    for nouns, role in _rows("role_nouns.tsv", 2):
        for noun in _split(nouns):
            kb.role_nouns[fold(noun)] = role
            kb.role_noun_forms.append(noun)
    kb.given_names = frozenset(fold(n.split("\t")[0]) for n in word_list("kb/given_names.txt"))
    kb.surnames = frozenset(fold(n) for n in word_list("kb/surnames.txt"))
    kb.person_cues = frozenset(fold(n) for n in word_list("kb/person_cues.txt"))
    kb.org_cues = frozenset(fold(n) for n in word_list("kb/org_cues.txt"))
    return kb


_UMLAUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def slug(name: str) -> str:
    """``Bonnie Jenkins`` -> ``bonnie_jenkins``: the stable part of an id made from a name."""
    s = name.lower().translate(_UMLAUT)
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", "_", s).strip("_")
