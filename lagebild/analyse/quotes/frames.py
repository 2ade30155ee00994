"""Speech-verb frames: "X sagte, …", "„…“, sagte X", "wie X mitteilte, …", "X teilte mit, dass …",
"X bezeichnete Y als „…“" and speech acts reported through an object ("X forderte …").

A frame is read around the finite verb: what stands before it (a subject, an adverbial, or
the quoted content itself), what follows (the subject when inverted, then a comma or colon
opening the content), and the verb's particle at the end of its clause ("teilte … mit").
"""
from __future__ import annotations

from functools import cache

from lagebild.analyse.de import table, word_list
from lagebild.analyse.numwords import parse_word
from lagebild.analyse.quotes.cand import Cand
from lagebild.analyse.quotes.clauses import (
    BOUND,
    NAMED_WITHOUT_AGENT,
    NEGATION,
    RELATIVE,
    clause_before,
    clause_is_content,
    clause_stretch,
    clause_subject,
    content_start,
    noun_follows,
    np_prefield,
    object_first,
    plain_report,
    quote_before,
    title_like,
    verb_like,
    zu_infinitive,
)
from lagebild.analyse.quotes.grammar import (
    View,
    content_end,
    first_comma,
    np_backward,
    np_forward,
    skip_to_subject,
    subject_like,
    trim,
)
from lagebild.analyse.quotes.lexicon import FIN, FINJ, INF, PART, Sense, lexicon
from lagebild.analyse.quotes.morph import mood

_CLAUSE_END = frozenset({",", ":", ";", ".", "!", "?", "–", "—"})
_PASSIVE_AUX = frozenset({"wurde", "wurden", "wird", "werden", "worden", "werde", "würde"})
_W_WORDS = frozenset({"ob", "dass", "daß", "wie", "warum", "was", "wer", "wann", "wo", "weshalb",
                      "wieso", "welche", "welcher", "welches", "welchem", "welchen", "wobei", "wodurch",
                      "womit", "worauf", "woraufhin", "wofür", "worüber", "wogegen", "weswegen"})
_RELATIVE_ANY = frozenset({"der", "die", "das", "dem", "den", "denen", "deren", "dessen"})
_RELATIVE_PRONOUNS = _RELATIVE_ANY | RELATIVE
#: subordinating words that are also adverbs opening a main clause ("damit sei …")
_ADVERB_SUB = frozenset({"damit", "da", "seitdem", "während"})
_NOT_CONTENT_SUB = frozenset({"weil", "nachdem", "als", "wenn", "bevor", "obwohl", "während", "um",
                              "da", "seit", "seitdem", "indem", "damit"})


def _main_clause_goes_on(v: View, a: int, b: int) -> bool:
    """"…, meldete der Pilot, so dass …", "…, bemerkte er, zurückkehren konnte er nicht": what
    follows the comma opens with an adverb, an auxiliary or another lower-case word, has no
    quotation, no zu-infinitive and no Konjunktiv, so it goes on telling, not reporting."""
    w = v.low[a]
    if v.q[a] >= 0 or v.cap[a] or v.cls[a] in ("DET", "PRON") or any(ch.isdigit() for ch in w):
        return False
    if v.cls[a] not in ("", "ADV", "AUX", "FOCUS"):
        return False
    if any(v.q[k] >= 0 for k in range(a, b)) or zu_infinitive(v, a, first_comma(v, a, b)):
        return False
    return not mood([v.low[k] for k in range(a, b)], [v.cap[k] for k in range(a, b)])


def _clause_end(v: View, i: int) -> int:
    """Index of the first clause boundary at or after ``i`` (outside quotations)."""
    n = len(v)
    while i < n and not (v.q[i] < 0 and v.low[i] in _CLAUSE_END):
        if v.q[i] >= 0 and v.quote_at(i) >= 0 and i > 0:
            return i
        i += 1
    return i


def _particle(v: View, i: int, sense: Sense) -> list[int] | None:
    """Token indices of the separated particle of ``sense`` after the verb at ``i``."""
    end = _clause_end(v, i + 1)
    words = [w.lower() for w in sense.particle]
    if len(words) == 1 and end < len(v) and v.low[end] == "," and v.low[end - 1] != words[0]:
        # over a comma-enclosed apposition: "gab der Leiter, Andreas Huber, bekannt, dass"
        for _ in range(2):
            nxt = _clause_end(v, end + 1)
            if nxt < len(v) and v.low[nxt - 1] == words[0] and nxt - end <= 6:
                return [nxt - 1]
            if nxt >= len(v) or v.low[nxt] != ",":
                break
            end = nxt
    k = end - len(words)
    if k <= i:
        if len(words) == 1 and i > 0 and v.low[i - 1] == words[0]:
            return [i - 1]
        return None
    if [v.low[x] for x in range(k, end)] == words:
        return list(range(k, end))
    # verb-final clause with the particle written apart before the verb: "wie X bekannt gab"
    if len(words) == 1 and i > 0 and v.low[i - 1] == words[0] and end == i + 1:
        return [i - 1]
    # a leading da-adverb may stand apart: "geht auch davon aus"
    if len(words) == 2 and v.low[end - 1] == words[1]:
        for x in range(i + 1, end - 1):
            if v.low[x] == words[0]:
                return [x, end - 1]
    return None


def _verb_group(v: View, i: int) -> tuple[Sense, int, list[int], bool] | None:
    """(sense, finite index, cue tokens, passive) for a speech verb form at ``i``."""
    best: tuple[Sense, int, list[int], bool] | None = None
    best_score = -1
    if v.cap[i] and i > 0 and v.low[i] not in ("heißt", "hieß"):
        return None  # a capitalised word inside a sentence is a noun ("Bericht", "Sagen")
    for sense, kind in lexicon().senses(v.low[i]):
        cue = [i]
        fin = i
        passive = False
        if sense.particle and sense.particle[0].startswith("+"):
            prep = sense.particle[0][1:]
            lo = i + 1 if kind == FIN else max(0, i - 12)
            at = next((k for k in range(lo, _clause_end(v, i + 1)) if v.low[k] == prep and k != i), -1)
            if at < 0:
                continue
            cue.append(at)  # "sprach … von", a prepositional object
        elif kind == FIN and sense.particle:
            found = _particle(v, i, sense)
            if found is None:
                continue
            cue += found
        if kind in (PART, INF):
            if sense.particle and not sense.particle[0].startswith("+") \
                    and not v.low[i].startswith(sense.particle[-1].lower()):
                if i == 0 or v.low[i - 1] != sense.particle[-1].lower():
                    continue
                cue.insert(0, i - 1)
            aux = next((k for k in range(i - 1, max(-1, i - 18), -1)
                        if (v.cls[k] == "AUX" and v.q[k] < 0) or v.low[k] in (":", ";")), -1)
            if aux >= 0 and any(v.low[k] == "," for k in range(aux, i)) \
                    and any(verb_like(v, k) for k in range(aux + 1, i)):
                aux = -1  # the auxiliary of an earlier clause: "…, müsse … werden, fordern X"
            if aux >= 0 and v.cls[aux] == "AUX":
                fin = aux
                passive = kind == PART and v.low[aux] in _PASSIVE_AUX
            elif i + 1 < len(v) and v.cls[i + 1] == "AUX":
                fin = i + 1  # verb-final: "wie X mitgeteilt hatte"
                passive = kind == PART and v.low[i + 1] in _PASSIVE_AUX
            else:
                continue
            if kind == PART and any(v.low[k] == "worden" for k in range(i + 1, min(len(v), i + 3))):
                passive = True
            if sense.lemma == "zitieren":
                passive = False  # "wird der Minister zitiert": the subject is the speaker
            cue = sorted(set(cue) | {fin})
        if sense.reflexive:
            near = [k for k in range(max(0, i - 3), min(len(v), i + 4)) if v.low[k] == "sich"]
            if not near:
                continue
            cue = sorted(set(cue) | {near[0]})
        elif i + 1 < len(v) and v.low[i + 1] == "sich":
            continue  # "erklärt sich dadurch": not the speech sense
        if sense.lemma == "heißen" and not any(v.low[k] == "es" for k in (i - 1, i + 1) if 0 <= k < len(v)):
            continue
        if kind == FINJ:
            fin = i
        # a participle after an auxiliary beats the finite reading of the same form
        score = len(sense.particle) + sense.reflexive + 2 * (fin != i)
        if best is None or score > best_score:
            best, best_score = (sense, fin, cue, passive), score
    return best


def _speaker_after(v: View, i: int, hi: int, passive: bool) -> tuple[int, int] | None:
    """The subject after a finite verb (or the agent of a passive: "von X")."""
    if passive:
        for k in range(i, min(hi, i + 6)):
            if v.low[k] in ("von", "vom"):
                end = np_forward(v, k + 1, hi)
                return (k + 1, end) if end > k + 1 else None
            if v.low[k] in ("in", "im"):  # "wird in einer Pressemitteilung gefordert"
                end = np_forward(v, k + 1, hi)
                if end > k + 1 and any(lexicon().is_source_noun(v.low[x]) for x in range(k + 1, end)):
                    return (k + 1, end)
        return None
    s = skip_to_subject(v, i, hi)
    if s < hi and v.low[s] == "es" and s + 1 < hi and v.low[s + 1] in ("in", "im", "aus", "von", "vom"):
        s += 2  # heißt es in einer Mitteilung …
    elif s < hi and v.low[s] == "es" and s + 1 < hi and (v.cls[s + 1] == "DET" or v.is_noun(s + 1)):
        s += 1  # "hält es der Präsident für möglich": "es" is the object
    e = np_forward(v, s, hi)
    if e == s or v.low[s] == "es":
        return None
    return trim(v, s, e)


def _content_after(v: View, j: int, sense: Sense) -> tuple[str, list[tuple[int, int]], int] | None:
    """(how, content, quotation index) for what a verb at ``j`` introduces after it."""
    n = len(v)
    k = j
    while k < n:
        if v.q[k] >= 0:
            qn = v.q[k]
            b = v.qtok[qn][1]
            if title_like(v, qn) or (b + 1 < n and v.low[b] == "," and v.low[b + 1] in ("dass", "daß", "ob")):
                k = b  # "von „con energy“", "sagte der „Zeitung“, dass": a name, not a quotation
                continue
            if sense.quote or sense.report:
                return "fragment", [v.qtok[qn]], qn
            return None
        w = v.low[k]
        if w == ":":
            if k + 1 < n and v.quote_at(k + 1) >= 0:
                qn = v.q[k + 1]
                return "colon", [v.qtok[qn]], qn
            if sense.clause and not sense.reflexive and k + 1 < n and v.cap[k + 1] and n - k > 4:
                return "colon", [(k + 1, n)], -1  # "X sagte: Die Lage ist ernst."
            break
        if w == ",":
            nxt = k + 1
            if nxt >= n:
                return None
            end = content_end(v, nxt, n)
            if v.quote_at(nxt) >= 0:
                return "frame", [(nxt, end)], -1
            nw = v.low[nxt]
            if nw in _W_WORDS and sense.clause and (nw in ("dass", "daß", "ob") or k == j):
                return "frame", [(nxt, end)], -1  # "fragte, wie …" (a later ", wie …" is relative)
            if nw in _W_WORDS or (v.cls[nxt] == "PREP" and nxt + 2 < n
                                  and (v.low[nxt + 1] in RELATIVE or v.low[nxt + 1].startswith("welch")
                                       or v.low[nxt + 1] in ("dem", "denen", "deren", "dessen"))
                                  and not (v.is_noun(nxt + 2) or v.is_adj(nxt + 2))):
                break  # a relative clause: "…, was …", "…, bei dem ein …" (not "…, zu der Lage …")
            if not v.cap[nxt] and any(kind == FIN for _, kind in lexicon().senses(nw)):
                break  # "…, teilte X mit": the next frame, not content
            preposition = nw in ("während", "seit") and nxt + 1 < n \
                and (v.cls[nxt + 1] == "DET" or v.is_noun(nxt + 1))
            # "damit solle …", "da sei …": an adverb opening a verb-second clause, not a conjunction
            preposition = preposition or (nw in _ADVERB_SUB and nxt + 1 < n and v.q[nxt + 1] < 0
                                          and (v.cls[nxt + 1] == "AUX" or v.low[nxt + 1] in lexicon().konjunktiv))
            if not sense.clause or (nw in _NOT_CONTENT_SUB and not preposition) \
                    or (sense.dass_only and not zu_infinitive(v, nxt, end)) \
                    or (nw in _RELATIVE_ANY and nxt + 1 < n and not noun_follows(v, nxt + 1)
                        and v.low[nxt + 1] not in lexicon().konjunktiv) \
                    or v.cls[nxt] == "CONJ":
                break  # no content here (a relative clause on the object, "weil …", "und …")
            if _main_clause_goes_on(v, nxt, end):
                break
            return "frame", [(nxt, end)], -1
        if w in (";", ".", "!", "?") and v.q[k] < 0:
            break
        k += 1
    if sense.report:
        for qn, (a, b) in enumerate(v.qtok):
            if a >= j and not title_like(v, qn) and not any(
                    v.low[x] in ("dass", "daß", "ob") or (not v.cap[x] and any(kd == FIN for _, kd in
                                                                              lexicon().senses(v.low[x])))
                    for x in range(j, a)):
                return "fragment", [(a, b)], qn  # "kritisierte X, der …, als „Provokation“"
        return "reported", [(0, n)], -1
    return None


@cache
def _toll_nouns() -> tuple[str, ...]:
    return tuple(sorted(word_list("toll_nouns.txt"), key=len, reverse=True))


@cache
def _quantity_words() -> frozenset[str]:
    """Words that count like a number: "mehrere", "Hunderte" (quantifiers.txt, figure_scales.tsv)."""
    vague = {w.lower() for w, fields in table("figure_scales.tsv").items() if fields[:1] == ("vague",)}
    return frozenset(vague | set(word_list("quantifiers.txt")))


def _takes_toll(v: View) -> bool:
    """A counted toll noun: "zwölf Todesopfer", "mindestens 35 Tote" (not "die Opfer")."""
    return any(v.is_noun(k) and v.low[k].endswith(_toll_nouns()) and k > 0
               and (any(ch.isdigit() for ch in v.low[k - 1]) or parse_word(v.low[k - 1]) is not None
                    or v.low[k - 1] in _quantity_words())
               for k in range(len(v)))


def _attributive(v: View, i: int) -> bool:
    """"den bereits erwähnten Politikern", "die geforderten Änderungen": a participle inflected
    as an adjective inside a noun phrase (a determiner before it, a noun after it)."""
    if i + 1 >= len(v) or not v.is_noun(i + 1):
        return False
    w = v.low[i]
    stems = [w[:-len(e)] for e in ("en", "em", "er", "es", "e") if w.endswith(e)]
    if not any(kind == PART for stem in stems for _, kind in lexicon().senses(stem)):
        return False  # "Dies teilte Stüken mit": a finite verb, not a participle
    k = i - 1
    while k >= 0 and (v.cls[k] in ("ADV", "FOCUS") or v.is_adj(k)) and v.q[k] < 0:
        k -= 1
    return k >= 0 and v.cls[k] == "DET" and v.q[k] < 0


def _aside(v: View, i: int) -> bool:
    """A verb closing a short parenthesis, "(Wikinews berichtete)", "(wie berichtet)": a note
    on the text itself, not a report."""
    if i + 1 >= len(v) or v.low[i + 1] != ")":
        return False
    return not any(v.low[k] == "(" for k in range(i + 1, len(v))) and \
        (all(v.low[k] != "(" for k in range(i)) or max(k for k in range(i) if v.low[k] == "(") >= i - 4)


def verb_frames(v: View) -> list[Cand]:
    """Every speech-verb frame of the unit, with its speaker, cue and content."""
    out: list[Cand] = []
    for i in v.hits:
        if v.q[i] >= 0 or v.cls[i] == "P" or not lexicon().senses(v.low[i]):
            continue
        if _aside(v, i) or _attributive(v, i):
            continue
        group = _verb_group(v, i)
        if group is None:
            continue
        sense, fin, cue, passive = group
        if sense.lemma == "fordern" and not sense.particle and _takes_toll(v):
            continue  # "Der Sturm forderte zwölf Todesopfer"
        cand = _frame(v, sense, fin, cue, passive)
        if cand is not None and cand.how == "frame":
            claim = _claim_object(v, cand, fin)
            if claim is not None:
                cand.speaker = claim
        if cand is not None and cand.speaker is None and cand.content and (passive or sense.lemma == "heißen"):
            cand.speaker = _source_phrase(v, cand, sense.lemma == "heißen")
        if cand is not None:
            cand.medium = sense.medium
            if cand.speaker is None and out and out[-1].speaker is not None and fin > 0 \
                    and v.cls[fin - 1] == "CONJ":
                cand.speaker = out[-1].speaker  # "…, behauptete Schulz und fügte hinzu, …"
            out.append(cand)
    return out


@cache
def _claim_nouns() -> tuple[str, ...]:
    return tuple(sorted(word_list("claim_nouns.txt"), key=len, reverse=True))


#: a claim noun's source attribute: "Berichte der Zeitung", "Angaben von Zeugen"
_SOURCE_ATTR = frozenset({"der", "des", "eines", "einer", "von", "vom"})
_SOURCE_PREP = frozenset({"in", "im", "aus", "laut", "nach", "bei", "gemäß"})


def _source_phrase(v: View, cand: Cand, heissen: bool) -> tuple[int, int] | None:
    """"Im Bericht der Kommission wurde festgestellt, dass …", "hieß es aus Regierungskreisen":
    an agentless frame's source named in a prepositional phrase outside its content."""
    inside = cand.tokens()
    lex = lexicon()
    for k in range(len(v) - 1):
        if v.low[k] not in _SOURCE_PREP or v.q[k] >= 0 or k in inside:
            continue
        e = np_forward(v, k + 1, len(v))
        if e <= k + 1 or any(x in inside for x in range(k + 1, e)):
            continue
        if any(v.is_noun(x) and lex.is_source_noun(v.low[x]) for x in range(k + 1, e)):
            return k + 1, e
        if heissen and v.low[k] in ("aus", "bei"):
            return k + 1, e  # "hieß es aus Paris", "heißt es bei der Agentur"
    return None


def _claim_object(v: View, cand: Cand, fin: int) -> tuple[int, int] | None:
    """The object noun phrase right before the content when it names someone else's claim
    ("wies Berichte der Zeitung zurück, wonach …"): the claim's source is the speaker."""
    c0 = cand.content[0][0] if cand.content else 0
    if c0 < 2 or v.low[c0 - 1] != "," or c0 <= fin:
        return None
    end = c0 - 1
    cue = set(cand.cue)
    while end > fin and (end - 1 in cue or (v.low[end - 1] in lexicon().particles and not v.cap[end - 1])):
        end -= 1  # the participle or particle: "Berichte zurückgewiesen", "Berichte zurück"
    lo = fin + 1
    if cand.speaker is not None and cand.speaker[0] > fin:
        lo = max(lo, cand.speaker[1])
    start = np_backward(v, end, lo)
    if start >= end:
        return None
    head = next((k for k in range(start, end) if v.is_noun(k)), -1)
    if head < 0 or not v.low[head].endswith(_claim_nouns()):
        return None
    if not any(v.low[k] in _SOURCE_ATTR for k in range(head + 1, end - 1)):
        return None  # a bare claim ("wies Behauptungen zurück, dass …") names no one: the subject speaks
    return trim(v, start, end)


#: feminine noun endings: "der Regierung" after them may be a dative, not a subject
_FEMININE = ("ung", "heit", "keit", "schaft", "ion", "tät", "ei", "ik", "in", "de", "ie")


def _without_relative_clause(v: View, a: int, b: int) -> tuple[int, int]:
    """"Der Sender, der für den Vertrag verantwortlich ist, erklärte …": the speaker is the
    noun phrase; a relative clause closing the prefield (verb-final, its pronoun not followed
    by a noun as an apposition's article would be) describes it and is left out."""
    if b - a < 4 or v.cap[b - 1] or v.cls[b - 1] == "P" or v.q[b - 1] >= 0:
        return a, b
    for r in range(a + 1, b - 2):
        if v.low[r] == "," and v.q[r] < 0 and v.low[r + 1] in _RELATIVE_PRONOUNS \
                and not noun_follows(v, r + 2) \
                and not any(v.low[k] == "," and v.q[k] < 0 for k in range(r + 1, b)):
            return a, r
    return a, b


def _clause_takes_object(v: View, ps: int, pe: int, cue: list[int], sense: Sense) -> bool:
    """"Die Opposition warf Spanien vor, … zu verschweigen": when a clause follows as the content, it
    fills the accusative, so a prefield that cannot be a dative ("die", "das", "der" before a
    noun that is not feminine) is the subject, and the name after the verb its addressee."""
    det = v.low[ps]
    head = next((k for k in range(pe - 1, ps, -1) if v.is_noun(k)), -1)
    if det not in ("die", "das", "der", "ein", "eine") or head < 0 or not sense.clause:
        return False
    if (det == "der" and v.low[head].endswith(_FEMININE)) or np_forward(v, ps, pe) != pe:
        return False  # a possible dative, or no plain noun phrase ("Die Person betreffend")
    found = _content_after(v, max(cue) + 1, sense)
    if found is None or found[0] != "frame":
        return False
    a, b = found[1][0]
    return v.low[a] in ("dass", "daß", "ob") or zu_infinitive(v, a, first_comma(v, a, b))


def _frame(v: View, sense: Sense, fin: int, cue: list[int], passive: bool) -> Cand | None:
    n = len(v)
    after = max(cue) + 1
    pre = np_prefield(v, fin - 1 if fin > 0 and v.low[fin - 1] == "," else fin)
    if fin > 0 and (v.low[fin - 1] in BOUND or quote_before(v, fin)) and pre < 0 and clause_before(v, fin) \
            and clause_is_content(v, fin):
        if v.low[fin - 1] == "," and _speaker_after(v, fin + 1, n, passive) is None:
            # "X wollte nichts bestätigen, unterstrich jedoch, dass …": the same subject goes on
            found = _content_after(v, max(cue) + 1, sense)
            if found is not None and found[0] in ("frame", "colon"):
                return Cand(found[0], found[1], clause_subject(v, fin - 1), cue, quote_index=found[2])
        return _inverted(v, sense, fin, cue, passive)
    hard, commas = clause_stretch(v, fin)
    if pre >= 0:
        hard, commas = pre, []  # the commas belong to an apposition or relative clause
    seg = commas[-1] + 1 if commas else hard
    first = v.low[seg] if seg < fin else ""
    if first == "wie":
        return _wie(v, seg, fin, cue, passive)
    for w in range(fin - 1, hard - 1, -1):  # "Wie der Richter, Ottmar Breidling, ausführte, …"
        if v.q[w] >= 0 or verb_like(v, w) or (v.cls[w] == "SUB" and v.low[w] != "wie"):
            break
        if v.low[w] == "wie" and (w == 0 or v.low[w - 1] in BOUND):
            return _wie(v, w, fin, cue, passive)
    speaker: tuple[int, int] | None
    if commas and first in RELATIVE:  # "Anna Berg, die sagte, dass …"
        k = seg - 1
        back = 0
        while k > hard and back < 2 and verb_like(v, k - 1):
            k -= 1  # "…, Anna Berg, bestätigt, die sagte": over the main clause's verb
            back += 1
        if back and k > hard and v.low[k - 1] == ",":
            k -= 1
        start = np_backward(v, k, hard)
        antecedent = (start, k) if start < k else None
        found = _content_after(v, after, sense)
        if found is None or found[0] == "reported":
            return None
        # the relative pronoun is the speaker as written; its antecedent says who it is
        return Cand(found[0], found[1], (seg, seg + 1), cue, quote_index=found[2], antecedent=antecedent)
    als_phrase = v.low[seg] == "als" and seg + 1 < fin and np_forward(v, seg + 1, fin) == fin if seg < fin else False
    if seg < fin and (v.cls[seg] == "SUB" or (v.low[seg] == "während" and seg > hard)) \
            and v.low[seg] not in ("dass", "daß", "ob") and not als_phrase:  # ("Als Grund nannte X …")
        # the verb of a subordinate clause: "…, indem er sagte, …", "Nachdem sie erklärt hatte, …"
        s0 = skip_to_subject(v, seg + 1, fin)
        e = np_forward(v, s0, fin)
        speaker = trim(v, s0, e) if e > s0 and subject_like(v, s0, e) else None
        if passive:
            speaker = _speaker_after(v, seg + 1, fin, True)
        end = max(cue) + 1
        while end < n and v.cls[end] == "AUX" and v.q[end] < 0:
            end += 1
        found = _content_after(v, end, sense)
        if found is None or found[0] in ("reported", "fragment") or (seg == hard and found[0] == "frame" \
                and v.low[end] != ","):
            return None
        c0 = found[1][0][0]
        if seg == hard and found[0] == "frame" and v.low[seg] != "indem" and v.q[c0] < 0 \
                and (v.cls[c0] == "AUX" or (verb_like(v, c0) and not v.cap[c0])):
            return None  # "Obwohl X das dementiert, haben sie …": the main clause, not content
        return Cand(found[0], found[1], speaker, cue, quote_index=found[2])
    if v.cls[fin - 1] == "CONJ" if fin > 0 else False:
        # a second verb phrase of the same subject: "X stellte … ein und empfahl, …"
        s0, s1 = trim(v, hard, fin)
        e = np_forward(v, s0, s1)
        speaker = (s0, e) if e > s0 and subject_like(v, s0, e) else None
    elif passive:
        speaker = _speaker_after(v, fin + 1, n, True)
    else:
        ps, pe = trim(v, hard, fin)
        s = skip_to_subject(v, fin + 1, n)
        if s < n and v.low[s] in ("er", "sie", "ich", "wir", "man") and s not in cue:
            speaker = (s, s + 1)  # "Das sagte er", "Als Grund gab sie an"
        elif v.cls[ps] == "SUB" if ps < pe else False:
            speaker = _speaker_after(v, fin + 1, n, False)
        elif sense.lemma == "heißen" and ps < pe and v.low[ps] in ("in", "im"):
            e = np_forward(v, ps + 1, pe)  # "In der Resolution heißt es, …"
            speaker = (ps + 1, e) if e > ps + 1 else None
        elif subject_like(v, ps, pe) and (not object_first(v, ps, pe, s, n)
                                          or _clause_takes_object(v, ps, pe, cue, sense)):
            speaker = _without_relative_clause(v, ps, pe)
        else:
            speaker = _speaker_after(v, fin + 1, n, False)
    if speaker is not None and speaker[0] > fin:
        after = max(after, speaker[1])
    found = _content_after(v, after, sense)
    if (found is None or found[0] == "reported") and hard == 0 and fin == 1 \
            and v.low[0] in ("dies", "das", "dieses") and speaker is not None:
        return Cand("anaphoric", [(0, 1)], speaker, cue)  # "Dies teilte X mit.": the sentence before
    if found is None:
        return Cand("context", [], speaker, cue)  # no content, but a speaker later sentences may go on
    how, content, qn = found
    if how == "reported" and speaker is None and passive and sense.lemma in NAMED_WITHOUT_AGENT \
            and not any(v.low[k] in NEGATION for k in range(n)):
        return Cand(how, content, None, cue)  # "Als Grund wurde … genannt": reported, source left open
    if how == "reported" and (speaker is None or not plain_report(v, speaker)):
        return Cand("context", [], speaker, cue)  # (a passive reports with its agent: "von X kritisiert")
    return Cand(how, content, speaker, cue, quote_index=qn)


def _inverted(v: View, sense: Sense, fin: int, cue: list[int], passive: bool) -> Cand | None:
    """„…“, sagte X / Die Lage sei ernst, sagte X(, und …)."""
    if not (sense.quote or sense.clause) or sense.dass_only:
        return None
    n = len(v)
    end = fin - 1 if v.low[fin - 1] in BOUND else fin
    if end <= 0:
        return None
    start = content_start(v, end)
    speaker = _speaker_after(v, fin + 1, n, passive)
    content = [(start, end)]
    tail = max(cue) + 1 if speaker is None else max(speaker[1], max(cue) + 1)
    k = tail
    while k < n and k < tail + 6 and v.low[k] not in (",", ".", "!", "?", ";", ":") and v.q[k] < 0 \
            and v.cls[k] != "CONJ" and not verb_like(v, k):
        k += 1  # adverbials after the speaker ("sagte er am Montag"), not a new verb phrase
    if k < n and v.low[k] == "," and k + 1 < n and v.cls[k + 1] != "CONJ":
        content.append((k + 1, n))
    qn = v.q[start] if v.q[start] >= 0 and v.qtok[v.q[start]] == (start, end) else -1
    if qn < 0 and v.q[start] >= 0 and v.qtok[v.q[start]][1] >= end - 1 and v.qtok[v.q[start]][0] == start:
        qn = v.q[start]
    return Cand("inverted", content if qn < 0 else [v.qtok[qn], *content[1:]], speaker, cue,
                quote_index=qn)


def _wie(v: View, cs: int, fin: int, cue: list[int], passive: bool) -> Cand | None:
    """Wie X mitteilte, … / …, wie X berichtete."""
    n = len(v)
    end = max(cue) + 1
    while end < n and v.cls[end] == "AUX" and v.q[end] < 0:
        end += 1
    if passive:
        speaker = _speaker_after(v, cs + 1, fin, True)
    else:
        s = skip_to_subject(v, cs + 1, fin)
        if s < fin and v.low[s] == "es":
            s += 1
            if s < fin and v.cls[s] == "PREP":
                s += 1
        e = np_forward(v, s, fin)
        speaker = trim(v, s, e) if e > s else None
    content = [(0, cs), (end, n)]
    return Cand("attribution", content, speaker, sorted({cs, *cue}))
