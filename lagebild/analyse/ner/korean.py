"""Korean names with a hyphenated given name: "Song Ho-jin", "Park Jin-woo".

Why: the family name is often also a German or English word ("Song", "Park", "Moon"), so the
tagger leaves the name out, or keeps only the family name. The given name's shape is specific:
two romanised syllables joined by a hyphen, the second in lower case ("Ho-jin"; German
compounds capitalise both parts). The syllables are read from ``de/korean_syllables.tsv``.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from lagebild.analyse.de import table
from lagebild.analyse.ner.lexicon import lexicon_class
from lagebild.analyse.ner.rules import Found, function_words
from lagebild.analyse.wordcache import word_cache


@cache
def _given_name_re() -> re.Pattern[str]:
    parts = table("korean_syllables.tsv")

    def alt(key: str) -> str:
        return "(?:" + "|".join(sorted(map(re.escape, parts[key][0].split()), key=len, reverse=True)) + ")"

    syllable = f"{alt('onset')}?{alt('vowel')}{alt('final')}?"
    return re.compile(f"(?i:{syllable})-(?:{syllable})")


@word_cache
def korean_given_name(word: str) -> bool:
    """ "Ho-jin", "Jong-un", "Yo-jong": two syllables, a capital only at the start, a word no
    dictionary knows."""
    head, _, tail = word.partition("-")
    return bool(head[:1].isupper() and head[1:].islower() and tail.islower() and 2 <= len(head) <= 5
                and 2 <= len(tail) <= 5 and _given_name_re().fullmatch(word)
                and lexicon_class(word) != "known")


def _family_name(word: str) -> bool:
    """A short capitalised word that is no function word ("Das Pop-up")."""
    return 2 <= len(word) <= 5 and word.isalpha() and word[:1].isupper() and word[1:].islower() \
        and word.lower() not in function_words()


def korean_names(words: Sequence[str], found: Sequence[Found]) -> list[Found]:
    """A short capitalised word before a Korean given name is the family name: the two are one
    person, whatever the tagger made of either ("Song" as a person alone, "Park" as a place)."""
    hits = [i for i in range(1, len(words)) if "-" in words[i] and korean_given_name(words[i])
            and _family_name(words[i - 1])]
    if not hits:
        return list(found)
    out = list(found)
    for i in hits:
        inside = [f for f in out if f.start < i + 1 and i - 1 < f.end]
        if any(f.label == "PER" and f.start <= i - 1 and i < f.end for f in inside):
            continue  # already one person
        if any(f.start < i - 1 or f.end > i + 1 for f in inside):
            continue  # part of a longer name: leave it
        out = [f for f in out if f not in inside]
        kb_id = next((f.kb_id for f in inside if f.label == "PER" and f.kb_id), "")
        out.append(Found(i - 1, i + 1, "PER", kb_id))
    return sorted(out, key=lambda f: (f.start, f.end))
