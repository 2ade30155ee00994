"""Rules after the tagger: name shapes a CRF over words does not see.

Each rule takes one sentence's words and the names found so far and returns the names with its
corrections: organisation names of a head noun and a place ("Universität Poznań"), person names
over a particle ("von Brenningen"), unknown words coordinated with a name, saints' places,
unknown words after place prepositions, and (over the whole document, with a type vote) short
names in capitals. The word lists are data files in ``lagebild/analyse/de/``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import chain, compress

from lagebild.analyse.de import table, word_set
from lagebild.analyse.ner.gazetteer import org_head_kind, word_flags
from lagebild.analyse.ner.kb import fold, load_kb
from lagebild.analyse.ner.lexicon import known_form, lexicon_class
from lagebild.analyse.wordcache import word_cache


@dataclass(frozen=True, slots=True)
class Found:
    start: int  # token index in its sentence
    end: int
    label: str  # PER ORG GPE LOC MISC
    kb_id: str = ""


PARTICLES = frozenset({"von", "van", "de", "da", "di", "du", "al", "el", "la", "le", "zu", "ten", "ter", "dos",
                        "del", "della", "bin", "ibn", "der", "den"})


def shouted_line(words: Sequence[str]) -> bool:
    """A line in capitals (LESEN SIE MEHR): the tagger never saw such text, only the KB counts."""
    if not any(map(str.isupper, words)):
        return False  # no word in capitals: the share below is 0
    alpha = [w for w in words if w[:1].isalpha() and len(w) > 1]
    return len(alpha) >= 2 and sum(w.isupper() for w in alpha) > 0.6 * len(alpha)


def org_head(word: str) -> bool:
    """An organisation's head noun or a compound ending in one (gazetteer.org_head_kind)."""
    return org_head_kind(word) > 0


@cache
def function_words() -> frozenset[str]:
    """Articles, pronouns, prepositions, conjunctions (de/function_words.tsv)."""
    return frozenset(table("function_words.tsv"))


_ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")


@word_cache
def name_adjective(word: str) -> bool:
    """A capitalised adjective that can open an organisation's name: a dictionary adjective
    written with a capital ("Medizinischen", "Evangelischen") or a place's -er adjective
    ("Hamburger", "Münchner", "Bremer")."""
    low = word.lower()
    if not word[:1].isupper() or not word.isalpha() or len(word) < 4 or low in function_words() \
            or not low.endswith(_ADJECTIVE_ENDINGS):
        return False
    return known_form(low) or place_adjective(word)


def place_adjective(word: str) -> bool:
    """ "Hamburger", "Kölner", "Münchner", "Bremer", "Dresdner": -er of a KB place's name."""
    return bool(adjective_place(word))


@word_cache
def adjective_place(word: str) -> str:
    """The KB place whose -er adjective ``word`` is ("Kölner" -> Köln), else ""."""
    if not word.endswith("er") or not word[:1].isupper() or len(word) < 5:
        return ""
    kb = load_kb()
    stem = word[:-2]
    for cand in (stem, stem + "en", stem[:-1] + "en"):
        for e in kb.index.get(fold(cand), ()):
            if kb.entries[e].type in ("GPE", "LOC"):
                return e
    return ""


@cache
def _indefinite() -> frozenset[str]:
    return word_set("indefinite_determiners.txt")


def _country(kb_id: str) -> bool:
    entry = load_kb().entries.get(kb_id)
    return entry is not None and entry.kind == "country"


@cache
def _heads_after_place() -> frozenset[str]:
    return word_set("org_heads_after_place.txt")


def org_names(words: Sequence[str], found: Sequence[Found]) -> list[Found]:
    """Organisations named by a head noun and a place: "Realschule Quarzingen", "Medizinischen
    Hochschule Quarzingen", "Bremer Mieterverein", "Katholischen Lehrerverbandes", "Quarzingen
    Post" (de/org_heads_after_place.txt). The place
    the tagger or the KB found inside such a name becomes the whole organisation. Not after an
    indefinite determiner ("einer Kölner Spezialklinik" describes), nor with a country ("des
    Senders France 24": the noun stands in apposition)."""
    taken = {k for f in found for k in range(f.start, f.end)}
    indefinite = _indefinite()

    def named(start: int) -> bool:
        return start == 0 or words[start - 1].lower() not in indefinite

    out: list[Found] = []
    after = _heads_after_place()
    for f in found:
        if f.label in ("LOC", "MISC") and not f.kb_id and f.end - f.start > 1 \
                and (words[f.end - 1] in after or org_head_kind(words[f.end - 1]) == 1):
            out.append(Found(f.start, f.end, "ORG"))  # "Zakariya Universität", "Black Lion Hospital"
            continue
        if f.label in ("LOC", "GPE") and f.end < len(words) and f.end not in taken and words[f.end] in after:
            out.append(Found(f.start, f.end + 1, "ORG"))  # "Quarzingen Post", also a country's
            taken.add(f.end)
            continue
        if f.label in ("LOC", "GPE") and not _country(f.kb_id):
            start = f.start
            if start > 0 and start - 1 not in taken and org_head(words[start - 1]):
                start -= 1  # "Universität Poznań"
                while start > 0 and start - 1 not in taken and name_adjective(words[start - 1]):
                    start -= 1
                if named(start):
                    out.append(Found(start, f.end, "ORG"))
                    taken.update(range(start, f.start))
                    continue
            elif f.end - f.start == 1 and f.end < len(words) and f.end not in taken and named(f.start) \
                    and name_adjective(words[f.start]) and org_head_kind(words[f.end]) == 2:
                # "Bremer Mieterverein"; "Düsseldorfer Konzern" is a description, no name
                out.append(Found(f.start, f.end + 1, "ORG"))
                taken.add(f.end)
                continue
        out.append(f)
    for i in [i for i in compress(range(-1, len(words) - 1), map(org_head_kind, words)) if i > 0]:
        if i not in taken and i + 1 not in taken and named(i) and name_adjective(words[i]) \
                and lexicon_class(words[i + 1]) != "known":
            out.append(Found(i, i + 2, "ORG"))  # "des Katholischen Lehrerverbandes"
            taken.update((i, i + 1))
    return sorted(out, key=lambda f: (f.start, f.end))


def person_particles(words: Sequence[str], found: Sequence[Found]) -> list[Found]:
    """ "Karl August von Brenning", "Lorenzo della Valle": a person's name that ends in a given
    name goes on over a name particle (von, de, della, ...) to the capitalised family name after
    it, also when the tagger took that for a place ("von Quarzfeld-Velmoor")."""
    starts = {f.start: f for f in found}
    taken = {k for f in found for k in range(f.start, f.end)}
    out = list(found)
    for f in found:
        if f.label != "PER" or "fn" not in word_flags(words[f.end - 1]) or f not in out:
            continue
        j = f.end
        while j < len(words) and j - f.end < 2 and words[j] in PARTICLES and j not in taken:
            j += 1
        if j == f.end or j >= len(words) or not words[j][:1].isupper() or not words[j][1:2].isalpha():
            continue
        nxt = starts.get(j)
        if nxt is not None and (nxt.label not in ("PER", "LOC", "GPE") or nxt.kb_id):
            continue  # "von der CDU", "von Berlin" as the KB knows it: no family name
        if nxt is None and (j in taken or "kbORG" in word_flags(words[j])):
            continue
        end = nxt.end if nxt is not None else j + 1
        out = [g for g in out if g is not f and g is not nxt]
        out.append(Found(f.start, end, "PER"))
    return sorted(out, key=lambda f: (f.start, f.end))


_COORDINATORS = frozenset({",", "und", "oder", "sowie"})


def coordinated_names(words: Sequence[str], found: Sequence[Found]) -> list[Found]:
    """ "Hallbrook , Tesny und Garwell", "Velda und Quorimaho": a capitalised word no dictionary
    knows, joined by a comma or "und"/"oder"/"sowie" to a one-word person or place name, is a
    name of the same type. (Organisations are left out: in such lists they stand next to works.)"""
    one = {f.start: f.label for f in found if f.end == f.start + 1 and f.label in ("PER", "LOC", "GPE")}
    if not one:
        return list(found)
    taken = {k for f in found for k in range(f.start, f.end)}
    out = list(found)
    n = len(words)
    for j in sorted(one):
        for i, k in ((j + 2, j + 1), (j - 2, j - 1)):
            if 0 <= i < n and i not in taken and words[k] in _COORDINATORS \
                    and lexicon_class(words[i]) == "unknown" \
                    and not any(g.startswith("kb") for g in word_flags(words[i])):
                out.append(Found(i, i + 1, one[j]))
                taken.add(i)
    return sorted(out, key=lambda f: (f.start, f.end)) if len(out) > len(found) else out


@cache
def _saint_words() -> frozenset[str]:
    return word_set("saint_words.txt")


def saint_places(words: Sequence[str], found: Sequence[Found]) -> list[Found]:
    """ "St. Peter", "Sankt Moritz", "St. Ludwigskapelle": a saint's name after "St."/"Sankt"
    (de/saint_words.txt) names a church, a place or a building: one place from "St." on."""
    saints = _saint_words()
    if not any(w.rstrip(".") in saints for w in words):
        return list(found)
    starts = {f.start: f for f in found}
    taken = {k for f in found for k in range(f.start, f.end)}
    out = list(found)
    for i, w in enumerate(words):
        if w.rstrip(".") not in saints or i in taken:
            continue
        j = i + 2 if w == "St" and i + 1 < len(words) and words[i + 1] == "." else i + 1
        if w == "St" and j == i + 1:
            continue  # "St" without its full stop
        nxt = starts.get(j)
        if nxt is not None and nxt.label in ("PER", "LOC", "GPE"):
            out = [f for f in out if f is not nxt]
            out.append(Found(i, nxt.end, "LOC"))
        elif nxt is None and j < len(words) and j not in taken and words[j][:1].isupper() and words[j].isalpha():
            out.append(Found(i, j + 1, "LOC"))
    return sorted(out, key=lambda f: (f.start, f.end))


@cache
def _place_prepositions() -> frozenset[str]:
    return word_set("place_prepositions.txt")


def places_after_prepositions(words: Sequence[str], found: Sequence[Found]) -> list[Found]:
    """ "in Velmoor", "nach Quarzach": a capitalised word no dictionary knows right after "in" or
    "nach" (de/place_prepositions.txt), alone (no capitalised word follows), neither a given
    name nor a family name nor a KB name of another type, is a place."""
    taken = {k for f in found for k in range(f.start, f.end)}
    out = list(found)
    preps = _place_prepositions()
    for i in [i + 1 for i, w in enumerate(words[:-1]) if w in preps]:
        w = words[i]
        if i in taken or lexicon_class(w) != "unknown" \
                or (i + 1 < len(words) and words[i + 1][:1].isupper()):
            continue
        flags = word_flags(w)
        if "fn" in flags or "sn" in flags or any(g.startswith("kb") and g not in ("kbLOC", "kbGPE") for g in flags):
            continue
        out.append(Found(i, i + 1, "LOC"))
    return sorted(out, key=lambda f: (f.start, f.end)) if len(out) > len(found) else out


@cache
def _abbreviation_words() -> frozenset[str]:
    return word_set("abbreviation_words.txt")


@word_cache
def acronym(word: str) -> bool:
    """A short name in capitals ("FDP", "BMW", "BdB", "VdK"): 2 to 5 letters, first and last
    a capital, at most one small letter; not a common abbreviation (de/abbreviation_words.txt)."""
    if not 2 <= len(word) <= 5 or not word.isalpha() or not word[0].isupper() or not word[-1].isupper():
        return False
    if sum(c.islower() for c in word) > 1 or word in _abbreviation_words():
        return False
    return not any(g.startswith("kb") for g in word_flags(word))


def acronyms(sentences: Sequence[Sequence[str]], found: list[list[Found]],
             shouted: Sequence[bool] | None = None) -> list[list[Found]]:
    """Short names in capitals the tagger left alone: the type the document gives the same
    word elsewhere (most often), the type of the name it abbreviates ("Bundesverband deutscher
    Banken ( BdB )"), else an organisation."""
    votes: dict[str, dict[str, int]] = {}
    for words, fs in zip(sentences, found, strict=True):
        for f in fs:
            if f.end - f.start == 1 and acronym(words[f.start]):
                counts = votes.setdefault(words[f.start], {})
                counts[f.label] = counts.get(f.label, 0) + 1
    out = []
    if shouted is None:
        shouted = [shouted_line(words) for words in sentences]
    for words, fs, shouting in zip(sentences, found, shouted, strict=True):
        if shouting:
            out.append(fs)
            continue
        taken = {k for f in fs for k in range(f.start, f.end)}
        ends = {f.end: f for f in fs}
        starts = {f.start: f for f in fs}
        new = []
        joined = []
        for i in [i for i in compress(range(len(words)), map(acronym, words)) if i not in taken]:
            if i + 1 < len(words) and words[i + 1][:1].isdigit():
                continue  # "AZ 4711/09", "QX 12": a file number or a model, no organisation
            before = ends.get(i)
            if before is not None and before.label == "ORG" and before not in joined:
                joined.append(before)  # "Velmora QXB", "Helmholtz QZR": part of the name
                new.append(Found(before.start, i + 1, "ORG"))
                continue
            after = starts.get(i + 1)
            if after is not None and not after.kb_id and after.label in ("ORG", "LOC", "GPE") \
                    and after not in joined:
                joined.append(after)  # "SK Quarzlingen", "QKN Velmor": the name goes on
                new.append(Found(i, after.end, "ORG"))
                continue
            if i + 1 < len(words) and i + 1 not in taken and lexicon_class(words[i + 1]) == "unknown" \
                    and not word_flags(words[i + 1]):
                new.append(Found(i, i + 2, "ORG"))  # "AV Velmoria": a word no dictionary knows
                taken.add(i + 1)
                continue
            vote = votes.get(words[i], {})
            before = ends.get(i - 1) if i > 0 and words[i - 1] == "(" else None
            if vote:
                label = max(vote, key=lambda k: (vote[k], k == "ORG"))
            elif before is not None and before.label in ("PER", "ORG", "LOC", "GPE"):
                label = before.label  # "Baltic Relief Council ( BRC )"
            else:
                label = "ORG"
            new.append(Found(i, i + 1, label))
        if new:
            fs = sorted(chain((f for f in fs if f not in joined), new), key=lambda f: (f.start, f.end))
        out.append(fs)
    return out


@cache
def _name_joiners() -> frozenset[str]:
    return word_set("name_joiners.txt")


def _initials_match(abbr: str, long_words: Sequence[str]) -> bool:
    """Schwartz and Hearst (2003): every letter of the acronym, right to left, is found in the
    spelled-out name in order, the first at the start of a word ("Landesamt für Wasserwirtschaft"
    for LAW: L-andes-A-mt ... W-asserwirtschaft)."""
    text = " ".join(long_words).lower()
    letters = [c for c in abbr.lower() if c.isalnum()]
    i = len(text) - 1
    for k in range(len(letters) - 1, -1, -1):
        c = letters[k]
        while i >= 0 and (text[i] != c or (k == 0 and i > 0 and text[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return False
        i -= 1
    return True


def acronym_definitions(words: Sequence[str], found: Sequence[Found]) -> list[Found]:
    """ "Bundesamt für Versorgungsfragen ( BAV )": a name spelled out before its acronym in
    brackets is one name as far back as the acronym's letters reach, over capitalised words and
    the small words names hold (de/name_joiners.txt); the tagger often found only a part of it
    (the place in it) or nothing. It is a MISC if the tagger found one over its last word, else
    ORG; a person's name is left alone (initials in brackets are rarely an acronym of it), and
    so is one dictionary word ("Schiedsgericht ( SG )" abbreviates a noun, names nothing)."""
    if "(" not in words:
        return list(found)
    joiners = _name_joiners()
    out = list(found)
    for i in [i for i, w in enumerate(words) if w == "(" and 1 < i < len(words) - 2]:
        abbr = words[i + 1]
        if words[i + 2] != ")" or (not acronym(abbr) and not any(f.start == i + 1 and f.end == i + 2 for f in out)):
            continue
        if not abbr[:1].isupper() or len(abbr) < 2:
            continue
        start = None
        j = i - 1
        limit = max(0, i - min(len(abbr) + 5, 2 * len(abbr)))
        while j >= limit and (words[j][:1].isupper() or words[j] in joiners):
            if words[j][:1].isupper() and words[j] not in joiners \
                    and _initials_match(abbr, words[j:i]) and words[j].lower() not in function_words():
                start = j  # the shortest name that holds every letter, as Schwartz and Hearst
                break
            j -= 1
        if start is None or (start == i - 1 and lexicon_class(words[start]) in ("known", "compound")):
            continue
        inside = [f for f in out if f.start < i and f.end > start]
        if any(f.start < start or f.end > i for f in inside) or any(f.label == "PER" for f in inside):
            continue
        last = [f for f in inside if f.end == i]
        # a place over the last word is inside the name ("Amt für Statistik Velmoor"): ORG
        label = last[0].label if last and last[0].label in ("ORG", "MISC") else "ORG"
        out = _absorb(out, inside, Found(start, i, label))
    return sorted(out, key=lambda f: (f.start, f.end)) if out != list(found) else out


def _absorb(out: list[Found], inside: list[Found], name: Found) -> list[Found]:
    """``out`` with ``name`` in place of the names found ``inside`` it (unchanged when it is
    already the one name there)."""
    if len(inside) == 1 and (inside[0].start, inside[0].end) == (name.start, name.end):
        return out
    return [f for f in out if f not in inside] + [name]


@cache
def _for_heads() -> frozenset[str]:
    return word_set("org_heads_for.txt")


_FOR = frozenset({"für", "zur", "zum"})


def _known_modifier(part: str) -> bool:
    """Is ``part`` (the front of a compound) a word, with or without a linking -s/-es?
    ("Stadt|rat", "Staats|ministerium", "Landes|amt"; "Präpa|rat" is no compound.)"""
    cands = (part, part[:-1] if part.endswith("s") else "", part[:-2] if part.endswith("es") else "")
    return any(len(c) > 3 and (known_form(c) or known_form(c.lower())) for c in cands)


@word_cache
def for_head(word: str) -> bool:
    """An organisation's head noun that a "für" phrase completes (de/org_heads_for.txt, or any
    head of de/org_heads.txt), alone or ending a compound whose front is a word, also in the
    genitive."""
    if not word[:1].isupper() or not word.isalpha():
        return False
    if org_head_kind(word):
        return True
    low = word.lower()
    for h in _for_heads():
        for form in (h, h + "s", h + "es"):
            if low == form:
                return True
            if low.endswith(form) and _known_modifier(word[: len(word) - len(form)]):
                return True
    return False


def for_names(words: Sequence[str], found: Sequence[Found]) -> list[Found]:
    """ "Landesamt für Wasserwirtschaft", "Bayerisches Staatsministerium für Wohnen und Bau":
    a head noun with what the organisation is for, over capitalised words joined by "und" or a
    genitive, is one organisation (absorbing a place the tagger found inside it); not after an
    indefinite determiner, and not when a person's name stands inside."""
    n = len(words)
    if not any(w in _FOR for w in words):
        return list(found)
    out = list(found)
    indefinite = _indefinite()
    for i in [i for i in range(n - 2) if words[i + 1] in _FOR and for_head(words[i])]:
        if i > 0 and words[i - 1].lower() in indefinite:
            continue
        j = i + 2
        while j < n and ((words[j][:1].isupper() and words[j].replace("-", "").isalpha())
                         or (words[j] in ("und", "des", "der") and j + 1 < n and words[j + 1][:1].isupper())):
            j += 1
        if not any(words[k][:1].isupper() for k in range(i + 2, j)) or not words[j - 1][:1].isupper():
            continue
        start = i
        while start > 0 and name_adjective(words[start - 1]):
            start -= 1
        if start > 0 and words[start - 1].lower() in indefinite:
            continue
        inside = [f for f in out if f.start < j and f.end > start]
        if any(f.label == "PER" or f.start < start or f.end > j for f in inside):
            continue
        out = _absorb(out, inside, Found(start, j, "ORG"))
    return sorted(out, key=lambda f: (f.start, f.end)) if out != list(found) else out


def nominative_for_name(name: str) -> str:
    """ "Landesamts für Umwelt" -> "Landesamt für Umwelt": the genitive -s/-es of the head of a
    "für" name taken off, so that the organisation has one name and one id in every case."""
    head, sep, rest = name.partition(" ")
    if not sep or rest.split(" ", 1)[0] not in _FOR:
        return name
    for cut in (2, 1):
        base = head[:-cut]
        if head.endswith(("es", "s")[2 - cut]) and len(base) > 2 and for_head(base):
            return base + sep + rest
    return name
