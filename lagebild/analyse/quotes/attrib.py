"""Attribution without a speech verb: "laut X", "nach Angaben X", "X zufolge", "…, so X",
"Demnach …", "Berichte, wonach …".

The quote is the clause around the attribution, with the attribution (and the commas or
dashes that set it off) cut out: "Bisher liegen laut Airbus Bestellungen vor" quotes
"Bisher liegen" + "Bestellungen vor".
"""
from __future__ import annotations

from lagebild.analyse.quotes.cand import Cand
from lagebild.analyse.quotes.clauses import verb_like
from lagebild.analyse.quotes.grammar import View, content_end, np_backward, np_forward, subject_like, trim
from lagebild.analyse.quotes.lexicon import lexicon
from lagebild.analyse.quotes.nouns import speech_noun

_STOP_AFTER_REL = frozenset({",", ";", ".", "!", "?"})


def _source_head(v: View, a: int, b: int) -> bool:
    """Does the noun phrase a..b name an utterance or a source ("Angaben der Polizei")?"""
    lex = lexicon()
    for k in range(a, b):
        if v.is_noun(k):
            if lex.is_source_noun(v.low[k]):
                return True  # "Angaben", and "Grupps Meinung"
        elif any(v.is_noun(x) for x in range(a, k)):
            return False
    return False


_RELATIVE = frozenset({"der", "die", "das", "dem", "den", "denen", "deren", "dessen", "welche", "welcher",
                       "welches", "welchem", "welchen", "was", "wo", "worauf", "wobei", "woraufhin"})


def _rest(v: View, drop: tuple[int, int], pre: bool = False) -> list[tuple[int, int]]:
    return _scoped(v, drop, pre)[0]


def _scoped(v: View, drop: tuple[int, int], pre: bool = False
            ) -> tuple[list[tuple[int, int]], tuple[int, int] | None]:
    """The tokens of the attribution's clause around ``drop`` (the attribution phrase): the
    stretch between semicolons, or the relative or subordinate clause the phrase stands in
    ("…, die ihrer Meinung nach zu Unrecht regiert, …")."""
    lo, hi = 0, len(v)
    left: tuple[int, int] | None = None  # a clause cut off before the attribution's own
    for k in range(drop[0] - 1, -1, -1):
        if v.q[k] < 0 and v.low[k] == ";":
            lo = k + 1
            break
    hi = next((k for k in range(drop[1], len(v)) if v.q[k] < 0 and v.low[k] == ";"), hi)
    comma = next((k for k in range(drop[0] - 1, lo - 1, -1) if v.q[k] < 0 and v.low[k] == ","), -1)
    if comma >= 0 and comma + 1 < drop[0] and (v.low[comma + 1] in _RELATIVE or (
            v.cls[comma + 1] == "SUB" and v.low[comma + 1] not in ("dass", "daß"))):
        lo = comma + 1
        hi = next((k for k in range(drop[1], hi) if v.q[k] < 0 and v.low[k] == ","), hi)
    elif comma >= 0 and comma + 1 < drop[0] and v.cls[comma + 1] not in ("CONJ", "AUX") \
            and not verb_like(v, comma + 1) and any(verb_like(v, k) for k in range(lo, comma)) \
            and any(verb_like(v, k) for k in range(comma + 1, hi) if not drop[0] <= k < drop[1]):
        left = (lo, comma)
        lo = comma + 1  # "X soll es gesehen haben, diese Taten seien laut Y verjährt": its own clause
    k = drop[0] - 1
    while k > lo and v.cls[k] in ("ADV", "FOCUS"):
        k -= 1
    if pre and k >= lo and v.low[k] in ("und", "sowie", "oder") and any(verb_like(v, x) for x in range(lo, k)):
        left = (lo, k)
        lo = drop[1]  # "… berührt haben und laut Berichten versucht haben": the second conjunct
    return [r for r in ((lo, drop[0]), (drop[1], hi)) if r[0] < r[1]], left


def attributions(v: View, after_source: bool = False) -> list[Cand]:
    """Attribution candidates; ``after_source`` when the sentence before named a source (a
    report, a study, a speaker), so that a sentence-initial "Danach" points back to it."""
    kinds = lexicon().attribution
    out: list[Cand] = []
    n = len(v)
    speaker: tuple[int, int] | None
    for i in v.hits:
        if v.q[i] >= 0:
            continue
        kind = kinds.get(v.low[i])
        if kind is None and i == 0 and after_source and v.low[0] == "danach":
            kind = "ADV"  # "Der Bericht liegt vor. Danach …" (else "danach" is "afterwards")
        if kind is None:
            continue
        if kind == "PRENOUN" and i > 0 and v.is_noun(i - 1) and lexicon().is_source_noun(v.low[i - 1]) \
                and (i + 1 >= n or not v.is_noun(i + 1)):
            kind = "POST"  # "ihrer Meinung nach"
        elif kind == "PRENOUN" and i > 1 and v.low[i - 1] == "," and i + 1 < n \
                and v.low[i + 1] in ("denen", "dem", "der", "welchem", "welcher", "welchen") \
                and v.is_noun(i - 2) and (lexicon().is_source_noun(v.low[i - 2]) or speech_noun(v.low[i - 2])):
            # "Studien, nach denen …": the relative pronoun stands for the source
            end = _clause_close(v, i + 2)
            out.append(Cand("attribution", [(i + 2, end)], (i + 1, i + 2), [i]))
            continue
        if kind in ("PRE", "PRENOUN"):
            end = np_forward(v, i + 1, n)
            if end <= i + 1 or (kind == "PRENOUN" and not _source_head(v, i + 1, end)):
                continue
            if kind == "PRE" and v.low[i] == "laut" and i > 0 and v.low[i - 1] in ("sehr", "so", "zu"):
                continue  # "laut" the adverb
            speaker = trim(v, i + 1, end)
            drop_end = end
            if end + 1 < n and v.low[end] == "," and v.low[end + 1] in ("der", "die", "das", "dem", "den"):
                close = next((k for k in range(end + 2, n) if v.low[k] == "," and v.q[k] < 0), -1)
                if close > 0:
                    drop_end = close + 1  # "nach Einschätzung eines Experten, der … wurde, …"
            content, left = _scoped(v, (i, drop_end), pre=True)
            out.append(Cand("attribution", content, speaker, [i]))
            if left is not None and _hearsay(v, *left):
                out.append(Cand("free", [left], None, []))  # "X soll … haben und laut Y …": X's part too
        elif kind == "POST":
            start = i - 1 if i > 0 and v.low[i - 1] in ("ihm", "ihr", "ihnen") else np_backward(v, i, 0)
            if start >= i:
                continue
            if start + 1 < i and v.low[start] in _RELATIVE and (v.cls[start + 1] == "DET" or v.is_adj(start + 1)):
                start += 1  # "…, die ihrer Meinung nach …": the relative pronoun opens the clause
            out.append(Cand("attribution", _rest(v, (start, i + 1)), (start, i), [i]))
        elif kind == "ADV":
            if i + 1 < n and v.low[i + 1] == ",":
                continue
            out.append(Cand("attribution", _rest(v, (i, i + 1)), (i, i + 1), [i]))
        elif kind == "REL":
            if i == 0 or v.low[i - 1] != ",":
                continue
            start = np_backward(v, i - 1, 0)
            speaker = (start, i - 1) if start < i - 1 else None
            end = i + 1
            while end < n and not (v.q[end] < 0 and v.low[end] in _STOP_AFTER_REL
                                   and end + 1 < n and not v.cap[end + 1]
                                   and v.cls[end + 1] not in ("DET", "PRON", "SUB", "CONJ")):
                end += 1
            out.append(Cand("attribution", [(i + 1, end)], speaker, [i]))
        elif kind == "INV":
            cand = _so(v, i)
            if cand is not None:
                out.append(cand)
    return out


def _hearsay(v: View, a: int, b: int) -> bool:
    """Konjunktiv I or reportative "soll" in tokens a..b (outside quotation marks)."""
    from lagebild.analyse.quotes.morph import mood
    words = [v.low[k] for k in range(a, b) if v.q[k] < 0]
    return "soll" in words or "sollen" in words or mood(words, [v.cap[k] for k in range(a, b) if v.q[k] < 0]) == "K1"


def _clause_close(v: View, a: int) -> int:
    """End of a relative clause opening at ``a``: its next comma or the unit's end."""
    return next((k for k in range(a, len(v)) if v.q[k] < 0 and v.low[k] in (",", ";", ".", "!", "?")), len(v))


def unknown_verb_frames(v: View, used: set[int]) -> list[Cand]:
    """„…“, strich Romney heraus: a quotation opening its sentence, a comma, a verb the
    lexicon does not know and a subject frame the quotation all the same."""
    out: list[Cand] = []
    n = len(v)
    for qn, (a, b) in enumerate(v.qtok):
        if qn in used or b + 2 >= n or v.low[b] != "," or (a > 0 and v.low[a - 1] not in (":", "–", "—")):
            continue
        verb = b + 1
        w = v.low[verb]
        if v.cap[verb] or v.cls[verb] or not w.isalpha() or v.q[verb] >= 0:
            continue
        s = verb + 1
        while s < n and v.cls[s] in ("ADV", "FOCUS"):
            s += 1
        end = np_forward(v, s, n)
        if end <= s or v.low[s] == "es":
            continue
        cue = [verb]
        k = end
        while k < n and v.q[k] < 0 and v.low[k] not in (",", ".", "!", "?", ";", ":"):
            k += 1
        if k - 1 >= end and v.low[k - 1] in lexicon().particles:
            cue.append(k - 1)  # the particle at the clause end: "strich … heraus"
        out.append(Cand("guess", [(a, b)], trim(v, s, end), cue, quote_index=qn))
    return out


def dass_guess(v: View) -> Cand | None:
    """"Jugendliche haben ausgesagt, dass … sei": a subject, a verb the lexicon does not
    know and a dass-clause in Konjunktiv, the mood of reported speech."""
    from lagebild.analyse.quotes.morph import mood
    n = len(v)
    k = next((k for k in range(2, n - 2) if v.low[k] == "," and v.low[k + 1] in ("dass", "daß")
              and v.q[k] < 0), -1)
    if k < 0:
        return None
    end = np_forward(v, 0, k)
    if end <= 0 or end >= k or not subject_like(v, 0, end) or v.cls[end] not in ("AUX", ""):
        return None
    if v.cap[end] or not v.low[end].isalpha():
        return None
    words = [v.low[i] for i in range(k + 2, n) if v.q[i] < 0]
    if mood(words, [v.cap[i] for i in range(k + 2, n) if v.q[i] < 0]) != "K1":
        return None
    cue = [end] + ([k - 1] if k - 1 > end and not v.cap[k - 1] and v.cls[k - 1] == "" else [])
    return Cand("guess", [(k + 1, content_end(v, k + 1, n))], (0, end), cue)


def als_fragments(v: View, used: set[int]) -> list[Cand]:
    """"feierte die Absage als „großen Erfolg“", "als „verpasste Chance“ beurteilte X …": an
    evaluation in quotation marks after "als" quotes the subject of its clause."""
    from lagebild.analyse.quotes.clauses import clause_subject
    out: list[Cand] = []
    for qn, (a, b) in enumerate(v.qtok):
        if qn in used or a == 0 or v.low[a - 1] != "als" or b - a < 3:
            continue
        first = v.toks[a].text.lstrip("„“\"»«‚‘") or v.toks[a + 1].text
        if not first[:1].islower():
            continue  # "als „Sonnenwind“ bezeichnet": a name or a term, not an evaluation
        speaker = clause_subject(v)
        if speaker is not None and not (speaker[1] <= a or speaker[0] >= b):
            speaker = None
        out.append(Cand("fragment", [(a, b)], speaker, [a - 1], quote_index=qn))
    return out


def _so(v: View, i: int) -> Cand | None:
    """"…, so der Sprecher." and "A, so X, B": the source follows a comma or a dash."""
    n = len(v)
    if i == 0 or v.low[i - 1] not in (",", "–", "—") or i + 1 >= n:
        return None
    end = np_forward(v, i + 1, n)
    if end <= i + 1:
        return None
    k = end
    while k < n and k < end + 8 and v.q[k] < 0 and v.low[k] not in (",", ".", "!", "?", "–", "—", ";") \
            and (v.cls[k] in ("ADV", "FOCUS", "PREP", "DET") or v.is_adj(k) or v.is_noun(k)
                 or (v.low[k] in ("und", "sowie") and k + 1 < n and v.is_noun(k + 1))):
        k += 1  # "so Obama weiter", "so X im libanesischen Fernsehen"
    if k < n and v.low[k] not in (",", ".", "!", "?", "–", "—", ";") and v.q[k] < 0:
        return None
    content = [(0, i - 1)]
    if k < n and v.low[k] in (",", "–", "—") and k + 1 < n:
        content.append((k + 1, n))
    qn = v.q[0] if v.q[0] >= 0 and v.qtok[v.q[0]][1] >= i - 1 else -1
    how = "inverted" if qn >= 0 else "attribution"
    return Cand(how, [v.qtok[qn], *content[1:]] if qn >= 0 else content, trim(v, i + 1, end),
                [i], quote_index=qn)


def names_source(v: View) -> bool:
    """Does the unit name a report, a study, a law or another source ("Angaben", "Bericht")?"""
    lex = lexicon()
    return any(v.is_noun(k) and lex.is_source_noun(v.low[k]) for k in range(len(v)))
