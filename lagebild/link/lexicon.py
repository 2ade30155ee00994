"""The linking stage's language data (files in ``lagebild/link/data``) and word normalisation.

Why here and not in the analysis: linking compares words across articles, so it needs one
normal form per word (lemma, country for a country adjective, synonym class, compound head)
that stays the same whatever the analysis components produce.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import simplemma


def _lines(name: str) -> list[list[str]]:
    text = resources.files("lagebild.link.data").joinpath(name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append([p.strip() for p in line.split("\t")])
    return rows


@cache
def currencies() -> frozenset[str]:
    """Currency names (``data/currencies.txt``), lower case."""
    return frozenset(r[0] for r in _lines("currencies.txt"))


@cache
def stopwords() -> frozenset[str]:
    return frozenset(r[0] for r in _lines("stopwords.txt"))


@cache
def places() -> dict[str, str]:
    """Country adjective stems and state names -> country name."""
    table = {r[0]: r[1] for r in _lines("places.tsv")}
    for country in set(table.values()):
        table.setdefault(country, country)
    return table


@cache
def synonyms() -> dict[str, tuple[str, ...]]:
    return {r[0]: tuple(r[1].split(",")) for r in _lines("synonyms.tsv")}


@dataclass(frozen=True)
class Verb:
    lemma: str
    type: str  # PLOVER type or ""
    mode: str
    stance: str  # asserts | denies | questions | ""
    say: bool


@cache
def verbs() -> dict[str, Verb]:
    out = {}
    for r in _lines("verbs.tsv"):
        lemma, typ, mode, stance, say = (r + ["-"] * 5)[:5]
        out[lemma] = Verb(lemma, "" if typ == "-" else typ, "" if mode == "-" else mode,
                          "" if stance == "-" else stance, say == "say")
    return out


@cache
def plover() -> dict[str, tuple[str, str]]:
    """PLOVER type -> (quad class, gloss)."""
    return {r[0]: ("" if r[1] == "-" else r[1], r[2] if len(r) > 2 else "") for r in _lines("plover.tsv")}


_ADJ_ENDINGS = ("en", "em", "er", "es", "e")
NEGATIONS = frozenset({"nicht", "kein", "keine", "keinen", "keinem", "keiner", "keines", "nie", "niemals",
                       "niemand", "niemanden", "nein", "weder", "nichts", "keinerlei"})
#: separable-verb particles that close a German main clause ("traf ... ein")
PARTICLES = frozenset({"ab", "an", "auf", "aus", "bei", "ein", "fest", "fort", "her", "hin", "los", "mit",
                       "nach", "vor", "weg", "zu", "zurück", "zusammen", "hinzu"})


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """Lower-case lemma (simplemma), falling back to the word itself."""
    try:
        out = simplemma.lemmatize(word, lang="de")
    except (ValueError, KeyError):
        out = word
    return (out or word).lower()


@lru_cache(maxsize=50_000)
def country_of(word: str) -> str | None:
    """The country a word names or qualifies ("nordkoreanischen" -> "Nordkorea"), else None."""
    table = places()
    if word in table:
        return table[word]
    low = word.lower()
    for end in _ADJ_ENDINGS:
        if low.endswith(end) and low[: -len(end)] in table:
            return table[low[: -len(end)]]
    if low in table:
        return table[low]
    if word.endswith("s") and word[:-1] in table and word[:1].isupper():  # Moskaus
        return table[word[:-1]]
    return None


@lru_cache(maxsize=200_000)
def normal_terms(word: str) -> tuple[str, ...]:
    """The comparison terms of one word: its lemma, its country, its synonym classes and,
    for a compound, the classes of its last part ("Artilleriegranaten" -> munition, waffe)."""
    country = country_of(word)
    if country is not None:
        return ("@" + country,)
    lem = lemma(word)
    if lem in stopwords() or len(lem) < 3 or not any(c.isalpha() for c in lem):
        return ()
    out = [lem]
    syn = synonyms()
    if lem in syn:
        out.extend(syn[lem])
    else:
        for i in range(3, len(lem) - 3):
            head = lem[i:]
            if head in syn:
                out.extend(syn[head])
                break
    return tuple(dict.fromkeys(out))


#: a closed compound is tried for a split from this length on; neither part may be shorter
COMPOUND_MIN = 8
PART_MIN = 4


@cache
def linking_elements() -> tuple[str, ...]:
    """Linking elements between the parts of a compound (Fugenelemente), longest first."""
    return tuple(sorted((r[0] for r in _lines("linking_elements.txt")), key=lambda s: (-len(s), s)))


@cache
def derivation_suffixes() -> dict[str, str]:
    """Derivational noun suffixes -> what they attach to ("verb" or "noun")."""
    return {r[0]: r[1] for r in _lines("derivation_suffixes.txt")}


@cache
def noun_suffixes() -> frozenset[str]:
    """The derivation suffixes that make a noun of a noun ("schaft"): never a compound's head."""
    return frozenset(s for s, kind in derivation_suffixes().items() if kind == "noun")


def _verb(word: str) -> bool:
    """A verb infinitive the dictionary knows (its lemma is itself, lower case)."""
    if not simplemma.is_known(word, lang="de"):
        return False
    try:
        return simplemma.lemmatize(word, lang="de") == word
    except (ValueError, KeyError):
        return False


@lru_cache(maxsize=100_000)
def derived_from_verb(lem: str) -> bool:
    """A noun made of a known verb by a verb suffix ("begründung" of begründen, "verhandlung"
    of verhandeln, "änderung" of ändern)."""
    for suffix, base_kind in derivation_suffixes().items():
        if base_kind != "verb" or not lem.endswith(suffix) or len(lem) - len(suffix) < 3:
            continue
        stem = lem[: -len(suffix)]
        forms = [stem + "en", stem + "n"]
        if stem[-1] in "lr" and stem[-2:-1] not in ("", "e"):
            forms.append(stem[:-1] + "e" + stem[-1] + "n")  # verhandl-ung: verhandeln
        if any(_verb(f) for f in forms):
            return True
    return False


def _known(part: str) -> bool:
    return len(part) >= PART_MIN and part not in stopwords() and simplemma.is_known(part, lang="de")


@lru_cache(maxsize=100_000)
def _noun(part: str) -> bool:
    """A known word whose capitalised form the dictionary reads as a noun (its lemma is
    capitalised): "Werke" -> Werk is, "werde" -> werden is not."""
    if not _known(part):
        return False
    try:
        lem = simplemma.lemmatize(part.capitalize(), lang="de")
    except (ValueError, KeyError):
        return False
    return lem[:1].isupper()


@lru_cache(maxsize=100_000)
def split_compound(lem: str) -> tuple[str, str] | None:
    """(modifier, head) of a closed compound whose parts are both known German words
    ("airbuswerk" -> airbus, werk; "laufzeitverlängerung" -> laufzeit, verlängerung), else None.
    The head must read as a noun ("beschwerde" is no "besch|werde").

    Of the possible splits the most even one wins (the one whose shorter part is longest), then
    the one with the longer head: "lauf|zeitverlängerung" loses to "laufzeit|verlängerung",
    and the head names the thing. A linking element (Fugen-s ...) may end the modifier.

    A derivation is no compound (``data/derivation_suffixes.txt``): a noun made of a known verb
    is not split ("begründung" is no "begrün|dung", "fortsetzung" no "fort|setzung"), and a
    noun suffix is no head ("mannschaft" is no "mann|schaft"; "welt|meisterschaft" is).
    """
    if len(lem) < COMPOUND_MIN or not lem.isalpha() or derived_from_verb(lem):
        return None
    suffixes = noun_suffixes()
    best: tuple[int, int, str, str] | None = None
    for i in range(PART_MIN, len(lem) - PART_MIN + 1):
        head = lem[i:]
        if head in suffixes or not _noun(head):
            continue
        left = lem[:i]
        if left in stopwords():  # "wieder|aufbau" is a prefix, not a word with a linking element
            continue
        for link in ("", *linking_elements()):
            mod = left[: len(left) - len(link)] if left.endswith(link) else ""
            if mod and _known(mod):
                cand = (min(len(mod), len(head)), len(head), mod, head)
                if best is None or cand[:2] > best[:2]:
                    best = cand
                break
    return (best[2], best[3]) if best else None


def compound_parts(word: str) -> tuple[str, ...]:
    """The comparison terms of a compound's parts, beyond the compound's own (``normal_terms``):
    "Airbus-Werke" and "Airbuswerke" both give airbus, werk; "Kongomission" gives the country.
    Hyphenated words split at the hyphens, closed ones where both parts are known words."""
    if "-" in word:
        pieces = [p for p in word.split("-") if p]
        if len(pieces) < 2:
            return ()
        if pieces[-1].lower() in currencies():  # "US-Dollar" counts money, it names no country
            return tuple(t for t in normal_terms(pieces[-1]) if t not in normal_terms(word))
        out: list[str] = []
        for p in pieces:
            out.extend(normal_terms(p))
            out.extend(compound_parts(p))
        return tuple(dict.fromkeys(out))
    if not word[:1].isupper():  # nouns only: "türkisch" is no compound of "türk"
        return ()
    split = split_compound(lemma(word))
    if split is None:
        return ()
    # the parts are read as nouns (capitalised): "werk", not the verb "werken"
    mod, head = split
    return tuple(dict.fromkeys(normal_terms(mod.capitalize()) + normal_terms(head.capitalize())))
