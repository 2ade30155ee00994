"""Who a speaker span stands for: an entity mention it covers, the name inside a role phrase
("Regierungssprecher Steffen Hebestreit" -> "Steffen Hebestreit"), or, for a pronoun or a bare role noun
("er", "der Minister"), the last compatible speaker or person named before it.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cache

from lagebild.analyse.de import word_list
from lagebild.analyse.quotes.lexicon import Lexicon, lexicon
from lagebild.model import Mention, Role

_DET_AGREE = {"der": "m", "ein": "m", "die": "fp", "eine": "f", "das": "n", "des": "m", "eines": "m"}
_GENITIVE = frozenset({"des", "der", "eines", "einer"})
#: possessive -> agreement of the pronoun it stands for (sein- as er, ihr- as sie)
_POSSESSIVE = {"seiner": "m", "seinem": "m", "seinen": "m", "seines": "m",
               "ihrer": "fp", "ihrem": "fp", "ihren": "fp", "ihres": "fp"}
_SPEAKER_TYPES = ("PER", "ORG", "GPE")


@dataclass(slots=True)
class Known:
    """A speaker or person seen so far: what later pronouns and role nouns may point to."""

    pos: int
    name: str | None
    entity: str | None
    agree: str  # m f p n, or "" when unknown
    roles: tuple[str, ...]  # lower-case words of the phrase (for "der Minister" lookups)
    person: bool


class Resolver:
    """Resolves speaker spans in text order; remembers whom it resolved."""

    def __init__(self, text: str, mentions: tuple[Mention, ...]) -> None:
        self.text = text
        self.mentions = sorted((m for m in mentions if m.type in _SPEAKER_TYPES), key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]
        self.known: list[Known] = []

    def role(self, start: int, end: int) -> Role:
        text = self.text[start:end]
        name, entity = self._identify(start, end, text)
        return Role(text, start, end, name=name, entity=entity)

    def names_someone(self, start: int, end: int) -> bool:
        """Does the span cover a person or organisation mention?"""
        return any(m.type in ("PER", "ORG") for m in self._covered(start, end))

    def _covered(self, start: int, end: int) -> list[Mention]:
        """Mentions inside the span; else one that begins inside it and runs on past its end
        ("nach Angaben des Landesamts für Umwelt": the noun phrase stops before "für", the
        name does not)."""
        k = bisect.bisect_left(self.starts, start)
        out: list[Mention] = []
        tail: list[Mention] = []
        while k < len(self.mentions) and self.mentions[k].start < end:
            (out if self.mentions[k].end <= end else tail).append(self.mentions[k])
            k += 1
        return out or tail[:1]

    def _identify(self, start: int, end: int, text: str) -> tuple[str | None, str | None]:
        lex = lexicon()
        words = text.split()
        low = [w.lower().strip(",.()„“\"") for w in words]
        agree = ""
        role_words: list[str] = []
        for w in low:
            info = lex.speaker_noun(w)
            if info is not None:
                role_words.append(w)
                agree = "p" if info[0] == "GROUP" else info[1].replace("mf", "")
        if low and low[0] in _DET_AGREE and not agree:
            agree = _DET_AGREE[low[0]]
        if len(low) > 2 and lex.is_source_noun(low[0]) and low[1] in _GENITIVE:
            # "Angaben des stellvertretenden Ministers": the source is the genitive
            inner = start + text.index(words[1])
            return self._identify(inner, end, self.text[inner:end])
        covered = self._covered(start, end)
        name: str | None
        if covered:
            named = [m for m in covered if not _adjectival(m.text)] or covered
            best = next((m for m in named if m.type == "PER"), named[0])
            name = best.name or best.text
            if best.type == "PER" and not agree:
                agree = _name_gender(best.text)
            self._remember(start, name, best.entity_id or None, agree, low, best.type == "PER")
            return name, best.entity_id or None
        if len(low) == 2 and low[0] in _POSSESSIVE and lex.is_source_noun(low[1]):
            # "seiner Meinung", "ihren Angaben": the possessive points back like a pronoun
            found = self._antecedent(start, _POSSESSIVE[low[0]])
            return (found.name, found.entity) if found else (None, None)
        if len(low) == 1 and low[0] in lex.pronouns:
            if lex.pronouns[low[0]] == "0":
                return None, None
            found = self._antecedent(start, lex.pronouns[low[0]])
            return (found.name, found.entity) if found else (None, None)
        name = _name_part(words, lex)
        if name is None and role_words and low[0] in _DET_AGREE:
            found = self._by_role(start, role_words[-1])
            if found is not None:
                return found.name, found.entity
        person = bool(role_words) and (lex.speaker_noun(role_words[-1]) or ("", ""))[0] == "ROLE"
        if name is not None or role_words:
            self._remember(start, name, None, agree, low, person or (name or "").count(" ") >= 1)
        return name, None

    def _remember(self, pos: int, name: str | None, entity: str | None, agree: str, low: list[str],
                  person: bool) -> None:
        self.known.append(Known(pos, name, entity, agree, tuple(low), person))

    def _antecedent(self, pos: int, agree: str) -> Known | None:
        """The last speaker or person before ``pos`` that agrees with the pronoun."""
        pool = list(self.known)
        for m in self.mentions:
            if m.end <= pos and m.type == "PER":
                pool.append(Known(m.start, m.name or m.text, m.entity_id or None, _name_gender(m.text), (), True))
        pool.sort(key=lambda k: k.pos)
        for k in reversed(pool):
            if k.pos >= pos:
                continue
            if agree == "1" or not k.agree or k.agree in agree or (agree == "fp" and k.agree == "p"):
                if agree == "m" and not k.person and k.agree != "m":
                    continue
                return k
        return None

    def _by_role(self, pos: int, role: str) -> Known | None:
        """"der Minister" -> the last speaker whose phrase had a word ending in "minister"."""
        for cut in (1, 2):  # a genitive ending: "des Ministers"
            if role.endswith("es"[2 - cut:]) and lexicon().speaker_noun(role[:-cut]) is not None \
                    and len(role) > 4:
                role = role[:-cut]
                break
        for k in reversed(self.known):
            if k.pos < pos and any(w.endswith(role) and w != role for w in k.roles):
                return k
        return None


@cache
def _given_names() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in word_list("kb/given_names.txt"):  # "Angela<TAB>f"; names without a gender are left out
        name, _, gender = line.partition("\t")
        if gender.strip():
            out[name.lower()] = gender.strip()[0]
    return out


def _name_gender(text: str) -> str:
    """"m" or "f" for a person's name whose given name says so, else ""."""
    first = text.split()[0].lower() if text.split() else ""
    return _given_names().get(first, "") if len(text.split()) > 1 else ""


def _adjectival(text: str) -> bool:
    """"russische", "US-amerikanische": a mention that is an adjective names where the
    speaker is from, not the speaker."""
    return text[:1].islower() or ("-" in text and text.rsplit("-", 1)[1][:1].islower())


def _name_part(words: list[str], lex: Lexicon) -> str | None:
    """The proper-name words of a speaker phrase: after its last role noun, or the whole
    phrase without determiner when it is a name already ("Airbus")."""
    clean = [w.strip(",()„“\"") for w in words]
    clean = [w for w in clean if w]
    last_role = -1
    for i, w in enumerate(clean):
        if lex.speaker_noun(w.lower()) is not None or lex.is_source_noun(w.lower()):
            last_role = i
    tail = clean[last_role + 1:]
    names: list[str] = []
    for w in tail:
        if w[:1].isupper() and lex.words.get(w.lower()) is None:
            names.append(w)
        else:
            break
    if names:
        return " ".join(names)
    if last_role >= 0:
        return None
    body = [w for w in clean if lex.words.get(w.lower()) != "DET"]
    return " ".join(body) if body and body[0][:1].isupper() else None
