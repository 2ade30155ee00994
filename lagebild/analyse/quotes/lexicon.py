"""The quotation finder's German, read once from the data files in ``lagebild/analyse/de``.

Speech verbs are listed by lemma; their word forms are made here by the rules of German weak
inflection (strong verbs list their three principal parts), so the data file stays readable
and a new verb is one line.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from lagebild.analyse.de import word_list
from lagebild.analyse.wordcache import word_cache

#: prefixes that are never separated and take no ge- in the participle
_INSEPARABLE = ("be", "emp", "ent", "er", "ge", "miss", "ver", "zer", "hinter", "über", "unter", "wider")


@dataclass(frozen=True, slots=True)
class Sense:
    """One speech verb (a lemma with its particle) and how it frames speech."""

    lemma: str
    particle: tuple[str, ...]  # ("davon", "aus"): the last word is the separable particle
    clause: bool  # takes a dass- or verb-second clause
    dass_only: bool  # takes a clause only when it opens with dass/ob
    quote: bool  # frames direct quotations
    report: bool  # reports a speech act through a noun-phrase object
    reflexive: bool
    medium: str


# form kinds: FIN finite (particle separated in a main clause), FINJ finite with the particle
# joined (verb-final clause), PART participle, INF infinitive
FIN, FINJ, PART, INF = "fin", "finj", "part", "inf"


def _weak_forms(lemma: str) -> tuple[list[str], list[str], str]:
    """(finite forms, Konjunktiv/2nd-person extras, participle) of a weak verb."""
    stem = lemma[:-1] if lemma.endswith(("eln", "ern")) else lemma[:-2]
    e = "e" if stem.endswith(("t", "d", "chn")) or (stem[-1:] in "mn" and stem[-2:-1] not in "aeiouäöülrmnh") \
        else ""
    ge = "" if lemma.endswith("ieren") or lemma.startswith(_INSEPARABLE) else "ge"
    finite = [stem + e + "t", lemma, stem + e + "te", stem + e + "ten", stem + "e", stem + e + "test"]
    return finite, [], ge + stem + e + "t"


def _strong_forms(lemma: str, parts: str) -> tuple[list[str], list[str], str]:
    present, past, participle = parts.split("|")
    stem = lemma[:-1] if lemma.endswith(("eln", "ern")) else lemma[:-2]
    past_pl = past + ("n" if past.endswith("e") else "en")
    return [present, lemma, past, past_pl, stem + "e"], [], participle


@dataclass(frozen=True, slots=True)
class Lexicon:
    forms: dict[str, tuple[tuple[Sense, str], ...]]  # lower-case word form -> senses and kinds
    particles: frozenset[str]  # last words of particles, for joined forms ("mit" + "teilte")
    words: dict[str, str]  # closed-class word -> class
    konjunktiv: dict[str, str]  # form -> K1 | K2
    speaker_nouns: tuple[tuple[str, str, str], ...]  # (ending, kind, agreement), longest first
    pronouns: dict[str, str]
    attribution: dict[str, str]  # word -> PRE | PRENOUN | POST | ADV | REL | INV
    source_nouns: tuple[str, ...]  # utterance nouns ("angaben"), matched as compound endings
    openers: dict[str, tuple[str, str]]  # opening mark -> (closers, level)

    def senses(self, form: str) -> tuple[tuple[Sense, str], ...]:
        return self.forms.get(form, ())

    def speaker_noun(self, word: str) -> tuple[str, str] | None:
        """(kind, agreement) when ``word`` (lower case) ends with a speaker noun (a genitive
        -s or -es allowed)."""
        return _speaker_noun(word)

    def is_source_noun(self, word: str) -> bool:
        return word.endswith(self.source_nouns)


@word_cache
def _speaker_noun(word: str) -> tuple[str, str] | None:
    lex = lexicon()
    endings = _endings()
    for form in (word, word[:-1] if word.endswith("s") else "", word[:-2] if word.endswith("es") else ""):
        if form and form.endswith(endings):
            for ending, kind, agree in lex.speaker_nouns:  # longest first
                if form.endswith(ending):
                    return kind, agree
    return None


@cache
def _endings() -> tuple[str, ...]:
    return tuple(e for e, _, _ in lexicon().speaker_nouns)


def _rows(name: str) -> list[list[str]]:
    return [[c.strip() for c in line.split("\t")] for line in word_list(name)]


@cache
def lexicon() -> Lexicon:
    forms: dict[str, list[tuple[Sense, str]]] = {}
    particles: set[str] = set()

    def add(form: str, sense: Sense, kind: str) -> None:
        entry = forms.setdefault(form.lower(), [])
        if (sense, kind) not in entry:
            entry.append((sense, kind))

    for row in _rows("speech_verbs.tsv"):
        lemma, particle, flags, medium = row[:4]
        parts = tuple(particle.split()) if particle != "-" else ()
        sense = Sense(lemma, parts, "C" in flags or "D" in flags, "D" in flags, "Q" in flags,
                      "R" in flags, "S" in flags, "" if medium == "-" else medium)
        finite, _, participle = _strong_forms(lemma, row[4]) if len(row) > 4 and row[4] \
            else _weak_forms(lemma)
        last = parts[-1].lower() if parts else ""
        if last.startswith("+"):  # a prepositional object, not a particle: forms as usual
            last = ""
        if last and not parts[-1][0].isupper():
            particles.add(last)
            for f in finite:
                add(f, sense, FIN)
                add(last + f, sense, FINJ)
            add(last + participle, sense, PART)
            add(last + lemma, sense, INF)
            add(last + "zu" + lemma, sense, INF)
            # written apart in a verb-final clause: "bekannt gab", "bekannt gegeben"
            add(participle, sense, PART)
        else:
            for f in finite:
                add(f, sense, FIN)
            add(participle, sense, PART)
            add(lemma, sense, INF)
    words = {row[0]: row[1] for row in _rows("quote_words.tsv")}
    attribution: dict[str, str] = {}
    nouns: list[str] = []
    for word, kind in _rows("attribution.tsv"):
        if kind == "NOUN":
            nouns.append(word)
        else:
            attribution[word] = kind
    openers = {row[0]: (row[1], row[2]) for row in _rows("quote_marks.tsv")}
    speaker_nouns = sorted(((r[0], r[1], r[2]) for r in _rows("speaker_nouns.tsv")),
                           key=lambda r: (-len(r[0]), r[1] != "ROLE"))
    return Lexicon(
        forms={k: tuple(v) for k, v in forms.items()},
        particles=frozenset(particles),
        words=words,
        konjunktiv={r[0]: r[1] for r in _rows("konjunktiv.tsv")},
        speaker_nouns=tuple(speaker_nouns),
        pronouns={r[0]: r[1] for r in _rows("pronouns.tsv")},
        attribution=attribution,
        source_nouns=tuple(sorted(nouns, key=len, reverse=True)),
        openers=openers,
    )
