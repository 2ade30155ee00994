"""Machine-translation artifacts: what a translation engine left behind in German text.

Three signs, each cheap and deliberately narrow (a flag should be worth a reader's look):

* an English phrase in brackets, "[with North Korea]": the engine kept an editor's insertion;
* a run of English words with a function word inside a German sentence, "… with the
  president …", outside quotation marks and not shaped like a name ("Bank of America");
* a German function word capitalised inside a sentence, "Putin Und Kim", "Shin Won-Sikin Von
  Nordkorea": casing copied from the source language, often next to a garbled name.

Word lists are in data/mt_words.txt. Spans index into the text exactly.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from lagebild.clean.data import sections
from lagebild.model import Flag

__all__ = ["mt_flags"]

KIND = "mt_artifact"
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_BRACKET = re.compile(r"[\[(]([^\[\]()\n]{2,80})[\])]")
_QUOTES = re.compile(r"„[^“”\"\n]*[“”\"]|“[^”\n]*”|»[^«\n]*«|«[^»\n]*»|\"[^\"\n]*\"")


@dataclass(frozen=True)
class _Words:
    en_function: frozenset[str]
    en_content: frozenset[str]
    de_function: frozenset[str]
    never_mid_capital: frozenset[str]
    after_name: frozenset[str]


@cache
def _words() -> _Words:
    data = sections("mt_words.txt")
    return _Words(frozenset(data["english_function"]),
                  frozenset(w.casefold() for w in data["english_content"]),
                  frozenset(data["german_function"]), frozenset(data["never_mid_capital"]),
                  frozenset(data["mid_capital_after_name"]))


def _english(token: str, w: _Words) -> bool:
    return token in w.en_function or token.casefold() in w.en_content


def _german_count(tokens: list[str], w: _Words) -> int:
    return sum(1 for t in tokens if t.casefold() in w.de_function or re.search(r"[äöüß]", t.casefold()))


def _bracket_flags(text: str, w: _Words) -> list[Flag]:
    """'[with North Korea]': Latin words only, some of them English, none German. In round
    brackets an English name is a gloss ("Rat für nationale Sicherheit (Council for National
    Security)"), so there only a phrase led by a function word counts."""
    out = []
    for m in _BRACKET.finditer(text):
        inner = m.group(1).strip()
        tokens = _WORD.findall(inner)
        if not tokens or len(tokens) > 10 or re.search(r"[\d_@/=:]", inner):
            continue
        if all(t.isupper() for t in tokens):  # an acronym: "(EDSCG)"
            continue
        if m.group().startswith("(") and not (len(tokens) >= 2 and tokens[0] in w.en_function):
            continue
        english = sum(_english(t, w) for t in tokens)
        if english and english * 2 >= len(tokens) and not _german_count(tokens, w) \
                and _in_german(text, m.start(), m.end(), w):
            out.append(Flag(KIND, m.group(), m.start(), m.end(), "English words in brackets"))
    return out


def _sentence_around(text: str, start: int, end: int) -> str:
    left = max(text.rfind(c, 0, start) for c in ".!?\n")
    right = min([i for i in (text.find(c, end) for c in ".!?\n") if i >= 0] or [len(text)])
    return text[left + 1: right]


def _in_german(text: str, start: int, end: int, w: _Words) -> bool:
    """The sentence around the span, the span itself left out, reads as German."""
    sentence = _sentence_around(text, start, end)
    offset = text.rfind(sentence, 0, end) if sentence else start
    rest = sentence[: max(0, start - offset)] + " " + sentence[max(0, end - offset):]
    tokens = _WORD.findall(rest)
    return _german_count(tokens, w) >= 2 and _german_count(tokens, w) >= sum(_english(t, w) for t in tokens)


def _quoted(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _QUOTES.finditer(text)]


def _run_flags(text: str, w: _Words, quoted: list[tuple[int, int]]) -> list[Flag]:
    """English prose inside a German sentence: a run of words joined by spaces that starts
    with an English word and holds three English words, a function word and a lower-case
    content word ("with the North Korean government"). Title-case names and titles have only
    lower-case function words ("Survival of the Fittest", "University of Reading")."""
    tokens = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]
    out: list[Flag] = []
    i = 0
    while i < len(tokens):
        if not _english(tokens[i][0], w):
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and _joined(text, tokens[j - 1], tokens[j]) and (
                _english(tokens[j][0], w) or _name_part(tokens[j][0], w)):
            j += 1
        while j > i + 1 and not _english(tokens[j - 1][0], w) and not tokens[j - 2][0][:1].isupper():
            j -= 1  # a capitalised word after lower-case English is German again
        run = tokens[i:j]
        if _is_english_run(run, w, text, quoted):
            start, end = run[0][1], run[-1][2]
            out.append(Flag(KIND, text[start:end], start, end, "English words in a German sentence"))
        i = j
    return out


def _name_part(token: str, w: _Words) -> bool:
    return token[:1].isupper() and token not in w.never_mid_capital and token.casefold() not in w.de_function


def _joined(text: str, a: tuple[str, int, int], b: tuple[str, int, int]) -> bool:
    return text[a[2]: b[1]] in (" ", ", ")


def _is_english_run(run: list[tuple[str, int, int]], w: _Words, text: str, quoted: list[tuple[int, int]]) -> bool:
    words = [t for t, _, _ in run]
    if sum(_english(t, w) for t in words) < 3 or not any(t in w.en_function for t in words):
        return False
    lower_content = any(t.islower() and t in w.en_content for t in words)
    if not lower_content and (sum(t in w.en_function for t in words) < 3 or any(t[:1].isupper() for t in words)):
        return False  # only function words between capitalised ones: a name
    start, end = run[0][1], run[-1][2]
    if any(qs <= start and end <= qe for qs, qe in quoted):
        return False
    return _in_german(text, start, end, w)


# a capitalised word after these is a noun made of a function word ("das Für und Wider")
_NOMINALISING = frozenset({
    "der", "die", "das", "des", "dem", "den", "ein", "eine", "einen", "eines", "einem", "einer",
    "kein", "keine", "ohne", "und", "oder", "im", "am", "vom", "zum", "beim", "ins",
})
_HYPHENATED_NAME = re.compile(r"^[A-ZÄÖÜ][\w']+-[A-ZÄÖÜ][\w']+$")


def _casing_flags(text: str, w: _Words) -> list[Flag]:
    """'Putin Und Kim', 'Shin Won-Sikin Von Nordkorea': a function word capitalised mid-sentence,
    flagged with the name before it (up to two words) and the capitalised word after it."""
    tokens = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]
    out = []
    for k, (tok, s, e) in enumerate(tokens):
        if k == 0 or not (tok in w.never_mid_capital or tok in w.after_name):
            continue
        prev, prev_end = tokens[k - 1][0], tokens[k - 1][2]
        if text[prev_end:s] != " " or prev.casefold() in _NOMINALISING:
            continue  # a sentence or clause may start there; "das Für und Wider"
        if tok in w.after_name and not _HYPHENATED_NAME.match(prev):
            continue
        if not _in_german(text, s, e, w):
            continue
        first = k
        while first > 0 and k - first < 2 and tokens[first - 1][0][:1].isupper() \
                and text[tokens[first - 1][2]: tokens[first][1]] == " " \
                and tokens[first - 1][0] not in w.never_mid_capital:
            first -= 1
        last = k
        if k + 1 < len(tokens) and tokens[k + 1][0][:1].isupper() and text[e: tokens[k + 1][1]] == " ":
            last = k + 1
        start, end = tokens[first][1], tokens[last][2]
        out.append(Flag(KIND, text[start:end], start, end, f"'{tok}' capitalised inside a sentence"))
    return out


def mt_flags(text: str) -> list[Flag]:
    """Flags for untranslated inserts and similar artifacts, with spans into ``text``."""
    w = _words()
    flags = _bracket_flags(text, w)
    taken = [(f.start, f.end) for f in flags]
    quoted = _quoted(text)
    for f in _run_flags(text, w, quoted) + _casing_flags(text, w):
        if not any(f.start < e and s < f.end for s, e in taken):
            flags.append(f)
            taken.append((f.start, f.end))
    return sorted(flags, key=lambda f: f.start)
