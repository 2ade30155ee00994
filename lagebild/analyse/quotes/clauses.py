"""Tests on a clause the frame rules share: is there a verb, a clause before the comma, a
subject before the verb, a title in quotation marks; and who the subject of a clause is."""
from __future__ import annotations

from lagebild.analyse.quotes.grammar import View, np_forward, skip_to_subject, subject_like, trim
from lagebild.analyse.quotes.lexicon import lexicon

BOUND = frozenset({",", ":", ";", "–", "—"})
RELATIVE = frozenset({"der", "die", "das", "welche", "welcher", "welches"})

NAMED_WITHOUT_AGENT = frozenset({"nennen", "geben", "bezeichnen", "beziffern"})
NEGATION = frozenset({"nicht", "kein", "keine", "keinen", "keinem", "keiner", "nie", "niemals"})


def plain_report(v: View, speaker: tuple[int, int]) -> bool:
    """A sentence that reports a speech act ("HRW forderte eine Untersuchung"): not negated,
    not a question, with a subject that names someone (not "Dies")."""
    if any(v.low[k] in NEGATION or v.low[k] == "?" for k in range(len(v)) if v.q[k] < 0):
        return False
    a, b = speaker
    return not (b == a + 1 and (v.cls[a] == "DET" or v.low[a] == "man"))


PARTICLES = ("ab", "an", "auf", "aus", "bei", "ein", "fest", "fort", "her", "hin", "los", "mit",
             "nach", "vor", "weg", "weiter", "wieder", "zurück", "zusammen", "dar", "bekannt", "frei")


def zu_infinitive(v: View, a: int, b: int) -> bool:
    """Does the clause a..b end in a zu-infinitive ("…, die Gespräche fortzusetzen")?"""
    while b > a and v.cls[b - 1] == "P" and v.q[b - 1] < 0:
        b -= 1  # the sentence's full stop
    if b - a < 2 or v.cap[b - 1]:
        return False
    w = v.low[b - 1]
    if v.low[b - 2] == "zu" and infinitive_like(w):
        return True
    return any(w.startswith(p + "zu") and infinitive_like(w) for p in PARTICLES)


def infinitive_like(w: str) -> bool:
    """An infinitive's ending: "liefern", "handeln" and "sein", "tun" as well as "-en"."""
    return w.endswith(("en", "ern", "eln")) or w in ("sein", "tun")


def noun_follows(v: View, k: int) -> bool:
    """A noun (after adjectives) at ``k``: "die betroffenen Tiere" opens a clause with its subject,
    "die entweder arbeitslos sind" is a relative clause."""
    while k < len(v) and v.is_adj(k):
        k += 1
    return k < len(v) and (v.is_noun(k) or v.q[k] >= 0)


def title_like(v: View, qn: int) -> bool:
    """A short capitalised quotation right after a noun or preposition names something
    (a newspaper, a product, a party): "von „con energy“", "des Magazins „Der Spiegel“"."""
    a, b = v.qtok[qn]
    if a == 0 or b - a > 6:
        return False
    inner = v.toks[a].text.lstrip("„“\"»«‚‘")
    first = v.toks[a + 1].text if len(inner) == 0 and a + 1 < b else inner
    return first[:1].isupper() and (v.cls[a - 1] == "PREP" or v.is_noun(a - 1))


def speakerish(v: View, a: int, b: int) -> bool:
    lex = lexicon()
    return any(v.is_noun(k) and (lex.speaker_noun(v.low[k]) is not None or lex.is_source_noun(v.low[k]))
               for k in range(a, b))


def object_first(v: View, ps: int, pe: int, s: int, n: int) -> bool:
    """"Die Äußerungen bezeichnete Wiefelspütz als …": a prefield that names a thing, with a
    speaker (a role noun or a bare name) right after the verb, is the object."""
    if ps >= pe or v.cls[ps] != "DET" or speakerish(v, ps, pe) or s >= n:
        return False
    e = np_forward(v, s, n)
    if e <= s:
        return False
    return speakerish(v, s, e) or (v.is_noun(s) and v.cls[s] == "")


def clause_before(v: View, fin: int) -> bool:
    """Is there a clause (or a quotation) before the comma that precedes the verb?"""
    start = 0
    for k in range(fin - 2, -1, -1):
        if v.q[k] < 0 and v.low[k] in (":", ";"):
            start = k + 1
            break
    return any(v.q[k] >= 0 or verb_like(v, k) for k in range(start, fin - 1))


def quote_before(v: View, fin: int) -> bool:
    """Does a quotation that opens its clause end right before the verb ("„…“ sagte er")?"""
    qn = v.q[fin - 1]
    if qn < 0:
        return False
    start = v.qtok[qn][0]
    return start == 0 or v.low[start - 1] in (":", ";", "–", "—", "-")


def verb_like(v: View, k: int) -> bool:
    """Could token ``k`` be a finite verb? (an auxiliary, a speech verb, a Konjunktiv or
    a lower-case open-class word in -t/-te/-ten: "liegt", "kam" is missed, which is fine)"""
    w = v.low[k]
    if k > 0 and v.low[k - 1] == "zu":
        return False  # an infinitive: "behandeln zu lassen"
    if v.cls[k] == "AUX" or w in lexicon().konjunktiv:
        return True
    return not v.cap[k] and not v.cls[k] and w.isalpha() \
        and (w.endswith(("t", "te", "ten")) or bool(lexicon().senses(w)))


def clause_stretch(v: View, end: int) -> tuple[int, list[int]]:
    """The start of the stretch before ``end`` back to the last colon or semicolon outside
    quotes, and the unquoted commas inside it."""
    hard = 0
    for k in range(end - 1, -1, -1):
        if v.q[k] < 0 and v.low[k] in (":", ";"):
            hard = k + 1
            break
    return hard, [k for k in range(hard, end) if v.low[k] == "," and v.q[k] < 0]


def np_prefield(v: View, end: int) -> int:
    """Where a subject with an apposition or a relative clause starts when it fills
    everything before ``end`` back to a clause boundary ("Ein Sprecher der Polizei, Lars
    Beringer," / "X, der gestern kam,"), or -1."""
    hard, commas = clause_stretch(v, end)
    for start in [hard] + [k + 1 for k in commas]:
        if start >= end or v.q[start] >= 0 or v.cls[start] in ("SUB", "PREP", "ADV", "CONJ"):
            continue
        if not any(v.low[k] == "," for k in range(start, end)):
            return -1
        e = np_forward(v, start, end)
        if e >= end or (e + 1 < end and v.low[e] == "," and v.low[e + 1] in RELATIVE):
            return start
    return -1


def content_start(v: View, end: int) -> int:
    start = 0
    for k in range(end - 1, -1, -1):
        if v.q[k] < 0 and v.low[k] in (":", ";"):
            return k + 1
    return start


def clause_is_content(v: View, fin: int) -> bool:
    """Can what stands before "…, sagte X" be what X said (rather than a prefield)?"""
    end = fin - 1 if v.low[fin - 1] in BOUND else fin
    if end <= 0:
        return False
    start = content_start(v, end)
    if start < end and v.cls[start] == "SUB" and v.low[start] not in ("dass", "daß") \
            and not any(v.low[k] == "," and v.q[k] < 0 for k in range(start, end)):
        return False  # "Nachdem X kam, sagte er, …": the clause before is no content
    if not any(v.q[k] >= 0 or verb_like(v, k) for k in range(start, end)):
        return False  # a noun phrase before the comma, not a clause
    # "In einer Videobotschaft, die … wurde, sagte Thaksin, …": a prefield, not content
    first_comma = next((k for k in range(start, end) if v.low[k] == "," and v.q[k] < 0), -1)
    return not (first_comma > start and v.cls[start] == "PREP"
                and not any(verb_like(v, k) or v.q[k] >= 0 for k in range(start, first_comma)))




def clause_subject(v: View, hi: int | None = None) -> tuple[int, int] | None:
    """The subject of a unit's main clause (up to ``hi``): its prefield when that can be a
    subject, else the noun phrase after the first verb ("Im Kongress warb Obama …")."""
    n = len(v) if hi is None else hi
    fin = next((k for k in range(1, n) if v.q[k] < 0 and verb_like(v, k)), -1)
    if fin < 0:
        return None
    ps, pe = trim(v, 0, fin)
    if subject_like(v, ps, pe) and pe - ps <= 12:
        return ps, pe
    s = skip_to_subject(v, fin + 1, n)
    e = np_forward(v, s, n)
    return (s, e) if e > s and v.low[s] != "es" else None
