"""A name's uninflected form, for ids: "des Sächsischen Heimatverbandes" and "der Sächsische
Heimatverband" are one organisation.

Why: a name the KB does not know gets its id from its own words, and German inflects the
adjectives and the head noun of a name by case (Deutscher / Deutschen Gewerkschaftsbund,
Gewerkschaftsbundes). Without a lemmatiser loaded (simplemma decodes its German dictionary in
~2 s), the word forms of the dictionary tell the stem: an adjective's ending is taken off when
what is left is a word too (deutschen -> deutsch; any -ischen -> -isch), a head noun's genitive -s/-es when what is
left is a noun or a compound of one (Heimatverbandes -> Heimatverband).
"""
from __future__ import annotations

from lagebild.analyse.ner.lexicon import known_form, lexicon_class
from lagebild.analyse.wordcache import word_cache

#: adjective endings, longest first
_ADJECTIVE_ENDINGS = ("en", "er", "es", "em", "e")


@word_cache
def _adjective_stem(word: str) -> str:
    """ "Sächsischen" -> "sächsisch"; a word that is no inflected adjective comes back as it is."""
    low = word.lower()
    if not word[:1].isupper() or not word.isalpha():
        return word
    for ending in _ADJECTIVE_ENDINGS:  # -isch adjectives inflect regularly, in the dictionary or not
        if low.endswith("isch" + ending) and len(low) > 6:
            return low[: -len(ending)]
    if not known_form(low):
        return word
    for ending in _ADJECTIVE_ENDINGS:
        stem = low[: -len(ending)]
        if low.endswith(ending) and len(stem) > 2 and known_form(stem):
            return stem
    return word


@word_cache
def _noun_base(word: str) -> str:
    """ "Heimatverbandes" -> "Heimatverband", "Rundfunks" -> "Rundfunk"; else the word."""
    for cut in (2, 1):
        base = word[:-cut]
        if word.endswith(("es", "s")[2 - cut]) and len(base) > 3 and lexicon_class(base) in ("known", "compound"):
            return base
    return word


def base_name(name: str) -> str:
    """The name with its adjectives' endings and its last noun's genitive taken off."""
    words = name.split(" ")
    if len(words) == 1:
        return _noun_base(words[0])
    return " ".join([*map(_adjective_stem, words[:-1]), _noun_base(words[-1])])


def declined_forms(name: str) -> list[str]:
    """The name with its adjectives in every ending ("Deutscher Gewerkschaftsbund" -> "Deutsche
    ...", "Deutschen ...", "Deutsches ...", "Deutschem ..."), for the KB to match a name in any
    case; [] for a name without an adjective before its last word."""
    words = name.split(" ")
    stems = [_adjective_stem(w) if k < len(words) - 1 else w for k, w in enumerate(words)]
    if len(words) < 2 or all(s == w for s, w in zip(stems, words, strict=True)):
        return []
    out = []
    for ending in _ADJECTIVE_ENDINGS:
        form = " ".join(w if s == w else w[:1] + s[1:] + ending for s, w in zip(stems, words, strict=True))
        if form != name:
            out.append(form)
    return out
