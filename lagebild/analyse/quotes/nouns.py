"""Utterance nouns that carry what was said: "der Vorwurf der CDU, es handele sich um …",
"Trotz der Ankündigung ihres Trainers, … zu beenden", "die Hoffnung, dass …".

The content is the clause after the comma: a dass- or ob-clause, a zu-infinitive, or a
verb-second clause in Konjunktiv. The speaker is the genitive or von-phrase after the noun,
else the subject of the clause the noun stands in.
"""
from __future__ import annotations

from lagebild.analyse.quotes.cand import Cand
from lagebild.analyse.quotes.clauses import zu_infinitive
from lagebild.analyse.quotes.grammar import (
    View,
    content_end,
    first_comma,
    np_core,
    np_forward,
    speech_nouns,
    subject_like,
)
from lagebild.analyse.quotes.morph import mood

_GENITIVE = frozenset({"des", "der", "eines", "einer", "von", "vom"})


def speech_noun(word: str) -> bool:
    """Does the lower-case ``word`` end in an utterance noun ("Klageschrift", "Vorwurf")?"""
    return word.endswith(speech_nouns())


def noun_frames(v: View) -> list[Cand]:
    out: list[Cand] = []
    n = len(v)
    for i in v.noun_hits:
        if i >= n - 3 or not v.is_noun(i):
            continue
        # the noun's own attributes up to the comma: a genitive, "von X", "an X"
        j = i + 1
        speaker: tuple[int, int] | None = None
        if v.low[j] in _GENITIVE or v.cls[j] == "DET":
            e = np_forward(v, j + (v.low[j] in ("von", "vom")), n)
            if e > j + 1 or (v.low[j] in ("von", "vom") and e > j + 1):
                speaker = (j + (v.low[j] in ("von", "vom")), e)
                j = e
        while j < n and j < i + 8 and v.low[j] != "," and v.q[j] < 0 and v.cls[j] in ("PREP", "DET", "ADV", "") \
                and not (v.cls[j] == "" and not v.cap[j] and not v.is_adj(j)):
            j += 1
        if j + 1 >= n or v.low[j] != ",":
            continue
        start = j + 1
        end = content_end(v, start, n)
        # a comma inside the content closes it when the main clause goes on: "…, entgegnete X"
        w = v.low[start]
        ok = w in ("dass", "daß", "ob") or zu_infinitive(v, start, first_comma(v, start, end)) \
            or (v.cls[start] in ("DET", "PRON", "") and mood([v.low[k] for k in range(start, end)],
                                                            [v.cap[k] for k in range(start, end)]) == "K1")
        if not ok:
            continue
        if w not in ("dass", "daß", "ob"):
            end = min(end, first_comma(v, start, end)) if zu_infinitive(v, start, first_comma(v, start, end)) else end
        if speaker is None:
            e = np_core(v, 0, i)
            if e > 0 and subject_like(v, 0, e):
                speaker = (0, e)
        out.append(Cand("noun", [(start, end)], speaker, [i]))
    return out
