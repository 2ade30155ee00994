"""Names in a document: the CRF's chunks merged with KB matches.

The CRF proposes; the KB corrects what it knows for certain. A KB name that covers CRF
chunks replaces them ("Sicherheitsrat der Vereinten Nationen" over "Vereinten Nationen"); a
CRF chunk that covers a KB name keeps its span ("George Washington" is not the US
capital); a KB name the CRF missed is added. Derivations and name parts (russische,
EU-weit), which the CRF also tags, are dropped: they are not names. The rules for name shapes
the CRF does not see (organisation heads, acronyms, particles) run after this, in ``rules.py``.
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from itertools import compress

from lagebild.analyse.de import word_list, word_set
from lagebild.analyse.ner.features import kb_span_tags
from lagebild.analyse.ner.gazetteer import Match, kb_matches, word_flags
from lagebild.analyse.ner.kb import KB, load_kb
from lagebild.analyse.ner.korean import korean_names
from lagebild.analyse.ner.lexicon import lexicon_class
from lagebild.analyse.ner.nametype import name_type
from lagebild.analyse.ner.rules import (
    PARTICLES,
    Found,
    acronym_definitions,
    acronyms,
    coordinated_names,
    for_names,
    org_names,
    person_particles,
    places_after_prepositions,
    saint_places,
    shouted_line,
)
from lagebild.analyse.ner.tagger import Models, chunks, tag_document
from lagebild.analyse.wordcache import word_cache

NAME_LABELS = frozenset({"PER", "ORG", "LOC", "GPE", "MISC"})


def _pick(kb: KB, ids: Sequence[str], label: str) -> str:
    """Of the entries a name can be, the one whose type agrees with the CRF (else the first)."""
    for eid in ids:
        t = kb.entries[eid].type
        if t == label or (label == "LOC" and t == "GPE"):
            return eid
    return ids[0]


_BREAKS = frozenset({",", ";", "und", "(", ")", "sowie", "oder"})


def split_at_breaks(words: Sequence[str], crf: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """ "Lena , Tom": a list of names is several names; the tagger sometimes joins them."""
    out = []
    for s, e, lab in crf:
        start = s
        for k in range(s, e):
            if words[k] in _BREAKS and lab in ("PER", "LOC"):
                if k > start:
                    out.append((start, k, lab))
                start = k + 1
        if e > start:
            out.append((start, e, lab))
    return _add_given_name_pairs(words, out)


def _add_given_name_pairs(words: Sequence[str], out: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Add a PER chunk for a given name followed by a word no dictionary knows (or a family
    name), "Arno Velting", where no chunk lies yet; returns the chunks sorted."""
    given = list(compress(range(len(words) - 1), map(_given_name, words[:-1])))
    if not given:
        return sorted(out)
    taken = {k for s, e, _ in out for k in range(s, e)}
    for i in given:
        if i not in taken and i + 1 not in taken and _family_name_like(words[i + 1]):
            out.append((i, i + 2, "PER"))
            taken.update((i, i + 1))
    return sorted(out)


@word_cache
def _given_name(word: str) -> bool:
    return word[:1].isupper() and "fn" in word_flags(word)


@word_cache
def _given_name_like(word: str) -> bool:
    """A KB given name, or a word whose spelling the name-type model is sure is one."""
    return _given_name(word) or name_type(word)[1:] == ("t=FIRST2",)


@word_cache
def _family_name_like(word: str) -> bool:
    """A capitalised word no dictionary knows or a family name, and no KB name but a person's."""
    return word[:1].isupper() and word.isalpha() \
        and (lexicon_class(word) == "unknown" or "sn" in word_flags(word)) \
        and not any(g.startswith("kb") and g != "kbPER" for g in word_flags(word))


def _same_kind(kb_type: str, label: str) -> bool:
    return kb_type == label or (kb_type == "GPE" and label == "LOC")


def _common(word: str) -> bool:
    """A lower-case word or a known common noun without KB standing."""
    if word[:1].islower():
        return True
    return lexicon_class(word) in ("known", "compound") and not any(g.startswith("kb") for g in word_flags(word))


def merge(words: Sequence[str], crf: Sequence[tuple[int, int, str]], matches: Sequence[Match],
          kb: KB) -> list[Found]:
    found = [Found(s, e, lab) for s, e, lab in crf if lab in NAME_LABELS]
    for m in matches:
        inside = [f for f in found if m.start <= f.start and f.end <= m.end]
        covering = [f for f in found if f.start <= m.start and m.end <= f.end
                    and (f.start, f.end) != (m.start, m.end)]
        crossing = [f for f in found if f.start < m.end and m.start < f.end
                    and f not in inside and f not in covering]
        if crossing or (m.weak and not inside and not covering):
            continue
        eid = _pick(kb, m.ids, inside[0].label if len(inside) == 1 else "")
        etype = kb.entries[eid].type
        if covering:
            f = covering[0]
            if etype == "PER" and f.label == "PER" and f.start == m.start and not m.weak:
                found.remove(f)  # "Kurt Campbell Bedenken": a known full name ends where the KB says
            elif f.end == m.end and _same_kind(etype, f.label) and not m.weak \
                    and all(_common(w) and not _given_name(w) for w in words[f.start:m.start]):
                found.remove(f)  # "Zeitung Kommersant", "Raum Saporischschja": a common noun before a name
            elif f.start == m.start and _same_kind(etype, f.label) and not m.weak \
                    and all(w[:1].isupper() and _common(w) for w in words[m.end:f.end]):
                found.remove(f)  # "Odessa Trümmer": a common noun after a name
            elif m.genitive and f.start == m.start and not m.weak:
                # "Frankreichs Sébastien Lecornu": a genitive name opens a new name, it is not part of one
                found.remove(f)
                found.append(Found(m.end, f.end, f.label))
            else:
                continue
        for f in inside:
            found.remove(f)
        found.append(Found(m.start, m.end, etype, eid))
    return sorted(found, key=lambda f: (f.start, f.end))


def tidy(words: Sequence[str], crf: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Repair tagger chunks at their edges: names do not begin with a lower-case word
    ("nordkoreanische Armee" is no name; a common noun left alone is dropped) nor end in one,
    a person's name does not begin with a common noun ("Malerin"; nor does a place's or an
    organisation's that goes on with a given name: then it is a person's), a place's short form
    joined to a common noun is no place ("US-Präsident"), and a given
    name right before a person's name belongs to it ("Annalena" + "Baerbock"). A title with its
    dot (de/abbreviations_before_names.txt) does not open a person's name."""
    out = []
    taken = {k for s, e, _ in crf for k in range(s, e)}
    for s, e, lab in crf:
        start = s
        while start < e and words[start][:1].islower() and words[start] not in PARTICLES:
            start += 1
        while e > start + 1 and words[e - 1].isalpha() and words[e - 1].islower():
            e -= 1  # "Olaf Scholz in": a name does not end in a lower-case word
        if lab == "PER":
            while start < e and _title(words, start):
                start += 2 if words[start][-1] != "." else 1  # "Dr . Ute Velmer": no part of her name
        if lab == "PER" and e - start > 1 and words[start + 1][:1].isupper() \
                and (_noun_head(words[start]) or _genitive_noun_head(words, start)):
            start += 1  # "Malerin Hedwig Quastenberg": the noun before the name is no part of it
        elif lab in ("ORG", "LOC") and e - start > 2 and _noun_head(words[start]) \
                and _given_name_like(words[start + 1]):
            start, lab = start + 1, "PER"  # the same, where the tagger took all three for a place
        if lab == "PER" and e - start > 1 and _genitive_before_noun(words[e - 2], words[e - 1], e - 2 > start):
            e -= 1  # "Anna Brenkes Kochshow": the noun after a genitive name is no part of it
        if start == e or (start > s and e - start == 1 and _common(words[start])):
            continue
        if lab == "LOC" and e - start == 1 and _place_part(words[start]):
            continue
        if lab == "PER":
            while start > 0 and start - 1 not in taken and words[start - 1][:1].isupper() \
                    and "fn" in word_flags(words[start - 1]):
                start -= 1
        out.append((start, e, lab))
    return _add_given_name_pairs(words, out)


@cache
def _titles() -> frozenset[str]:
    return word_set("abbreviations_before_names.txt") - _SAINT


_SAINT = frozenset({"St"})  # opens a place's name ("St. Gallen"): ner/rules.py saint_places


def _title(words: Sequence[str], i: int) -> bool:
    """ "Dr." or, in text another tool tokenised, "Dr" "." """
    w = words[i]
    if w.endswith("."):
        return w[:-1] in _titles()
    return w in _titles() and i + 1 < len(words) and words[i + 1] == "."


@cache
def _person_noun_endings() -> tuple[str, ...]:
    return word_list("person_noun_endings.txt")


def _genitive_before_noun(name: str, word: str, full_name: bool) -> bool:
    """ "Hallbecks Stil", "Anna Brenkes Kochshow": a name in the genitive (-s, no given name
    such as Klaus or Markus) before a dictionary noun that is no family name. A compound the
    dictionary only knows by its tail counts only after a full name: after a lone word in -s
    it is more often a foreign family name ("Tobias Fernwood")."""
    flags = word_flags(word)
    lex = lexicon_class(word)
    return len(name) > 3 and name.endswith("s") and "fn" not in word_flags(name) \
        and (lex == "known" or (lex == "compound" and full_name)) and "sn" not in flags and "fn" not in flags \
        and not any(g.startswith("kb") for g in flags)


def _noun_head(word: str) -> bool:
    """A word before a name that is a noun for a person, not a rare given name the dictionary
    also knows (Tina, Waldemar): a role or title word, or a dictionary word with a
    person-noun ending (Biathletin, Menschenrechtsaktivist, Biobauer), or a hyphenated
    compound ending in a dictionary noun (EU-Kommissarin, Vereins-Vorstand, Werks-Betriebsrat)."""
    if "-" in word:
        tail = word.rpartition("-")[2]
        flags = word_flags(tail)
        return tail[:1].isupper() and lexicon_class(tail) in ("known", "compound") \
            and "fn" not in flags and "sn" not in flags
    flags = word_flags(word)
    if "fn" in flags or any(g.startswith("kb") for g in flags):
        return False
    if "role" in flags or "pcue" in flags:
        return True
    return lexicon_class(word) in ("known", "compound") and word.lower().endswith(_person_noun_endings())


@cache
def _genitive_determiners() -> frozenset[str]:
    return word_set("genitive_determiners.txt")


def _genitive_noun_head(words: Sequence[str], i: int) -> bool:
    """ "des Stadtkämmerers Anna Velmer": a person noun in the genitive after a genitive
    determiner (de/genitive_determiners.txt); without one "Wendelmeiers" is a name."""
    w = words[i]
    return i > 0 and words[i - 1].lower() in _genitive_determiners() and w.endswith("s") and len(w) > 4 \
        and _noun_head(w[:-1])


def _place_part(word: str) -> bool:
    """ "US-Präsident", "EU-Staaten": a place's short form before a common noun names no place."""
    head, _, tail = word.rpartition("-")
    return 2 <= len(head) <= 4 and head.isupper() and tail[:1].isupper() \
        and lexicon_class(tail) in ("known", "compound") and "-" not in head


def _counted(word: str, number: str) -> bool:
    """Is ``word`` after ``number`` the noun counted? A number that is no year ("im Jahr 2008
    Italien"), a dictionary word the spelling model takes for a common noun with some confidence."""
    if not (number[:1].isdigit() and number[-1:].isdigit()):
        return False
    if number.isdigit() and len(number) == 4 and 1000 <= int(number) <= 2099:
        return False  # a year
    return lexicon_class(word) == "known" and any(t in ("t=NOUN1", "t=NOUN2") for t in name_type(word))


def counted_nouns(words: Sequence[str], found: Sequence[Found]) -> list[Found]:
    """ "50 Meilen Höhe": a one-word place right after a number that is a word of the dictionary
    and spelt like a common noun (``nametype``) is the noun counted, not the town of Meilen."""
    return [f for f in found if not (f.label in ("LOC", "GPE") and f.end - f.start == 1 and f.start > 0
                                     and _counted(words[f.start], words[f.start - 1]))]


def recognise(sentences: Sequence[Sequence[str]], models: Models | None = None) -> list[list[Found]]:
    """Names found in each sentence (lists of words) of one document."""
    kb = load_kb()
    matches = [kb_matches(words, kb) for words in sentences]
    kb_tags = [kb_span_tags(len(words), ms, [kb.entries[m.ids[0]].type for m in ms])
               for words, ms in zip(sentences, matches, strict=True)]
    tags = tag_document(sentences, models, kb_tags)
    found = []
    shouted = [shouted_line(words) for words in sentences]
    for words, ts, ms, shouting in zip(sentences, tags, matches, shouted, strict=True):
        crf = [] if shouting else tidy(words, split_at_breaks(words, chunks(ts)))
        names = org_names(words, counted_nouns(words, merge(words, crf, ms, kb)))
        names = person_particles(words, places_after_prepositions(words, saint_places(words, names)))
        names = korean_names(words, names)
        found.append(for_names(words, acronym_definitions(words, coordinated_names(words, names))))
    return acronyms(sentences, found, shouted)
