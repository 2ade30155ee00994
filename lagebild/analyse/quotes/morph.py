"""Konjunktiv as evidence of reported speech: a small heuristic, no tagger.

German reports speech in Konjunktiv I ("er sei", "sie habe", "man plane"); where that form
equals the indicative, Konjunktiv II stands in ("sie hätten", "würden"). Listed forms come
from ``konjunktiv.tsv``; other 3rd person singular forms in -e are accepted when their
neighbours show a verb, not an adjective ("es gebe", "die Regierung plane", but not
"die neue Regierung").
"""
from __future__ import annotations

from lagebild.analyse.quotes.lexicon import lexicon

#: lower-case -e words that are not verbs in Konjunktiv I (adverbs, numerals, pronouns)
_NOT_VERB_E = frozenset({"heute", "gerne", "gern", "alle", "eine", "keine", "diese", "jene", "seine",
                         "ihre", "meine", "deine", "unsere", "welche", "solche", "manche", "beide",
                         "ohne", "ende", "bitte", "ebene", "nahe", "lange", "rede", "mitte", "halbe",
                         "viele", "einige", "andere", "weitere", "mehrere", "zahlreiche", "wenige",
                         "alte", "neue", "große", "kleine", "gute", "letzte", "erste", "zweite",
                         "dritte", "nächste", "ganze", "hohe", "starke", "schwere", "ich"})
_ADJ_ENDINGS = ("ische", "liche", "ige", "te", "bare", "same", "ene", "ere")
_SUBJECTS = frozenset({"er", "sie", "es", "man", "dies", "das", "dieser", "diese", "jeder", "niemand",
                       "keiner", "einer", "wer", "was"})
#: of those, the ones that are also articles before an adjective and its noun
_ARTICLES = frozenset({"das", "dieser", "diese", "jeder", "einer"})


def mood(words: list[str], caps: list[bool]) -> str:
    """"K1" when the words hold a clear Konjunktiv I verb, "K2" for a Konjunktiv II one, else "".

    ``words`` are lower-case tokens of one sentence outside quotation marks, ``caps`` whether
    each was written with a capital letter.
    """
    konj = lexicon().konjunktiv
    det = lexicon().words
    best = ""
    n = len(words)
    for i, w in enumerate(words):
        k = konj.get(w)
        if k is not None and not caps[i]:
            if w in ("habe", "werde", "könne", "müsse", "solle", "wolle", "dürfe", "möge", "wisse") \
                    and i > 0 and words[i - 1] == "ich":
                continue
            if i + 1 < n and words[i + 1] == "ich":
                continue
            if k == "K1":
                return "K1"
            best = "K2"
            continue
        if caps[i] or len(w) < 4 or not w.endswith("e") or not w.isalpha() or w in _NOT_VERB_E \
                or w.endswith(_ADJ_ENDINGS) or w in det:
            continue
        prev = words[i - 1] if i > 0 else ""
        if prev in _ARTICLES and i + 1 < n and caps[i + 1]:
            continue  # "das internationale Treffen": an adjective between article and noun
        if prev in _SUBJECTS or (i > 0 and caps[i - 1] and det.get(prev) is None
                                 and (i + 1 >= n or not caps[i + 1] or det.get(words[i + 1]) == "DET")):
            if i + 1 < n and words[i + 1] == "ich":
                continue
            return "K1"
    return best
