"""Speech acts whose content is an action, not a statement.

"X forderte Y auf, die Truppen abzuziehen", "X kündigte an, die Steuern zu senken" and
"X befürchtet, den Anschluss zu verlieren" report that something was said, but what follows
the comma is an action asked for, promised or feared: nothing there is asserted, so it cannot
be confirmed or denied later. Counting it as a quote would put requests among the claims of
"everything X said"; lagebild keeps it as a speech act of its own (``Analysis.acts``) with
the same speaker and cue. The predicates are listed in ``de/action_predicates.tsv``.
"""
from __future__ import annotations

from functools import cache

from lagebild.analyse.de import word_list
from lagebild.analyse.quotes.cand import Cand
from lagebild.analyse.quotes.clauses import zu_infinitive
from lagebild.analyse.quotes.grammar import View, first_comma
from lagebild.analyse.quotes.lexicon import lexicon

_PERFECT = frozenset({"haben", "sein", "werden"})  # "… gewusst zu haben", "krank zu sein": a fact or state


@cache
def _predicates() -> tuple[dict[tuple[str, str], str], tuple[tuple[str, str], ...]]:
    """(verb lemma, particle) -> act, and (noun ending, act) longest first."""
    verbs: dict[tuple[str, str], str] = {}
    nouns: list[tuple[str, str]] = []
    for line in word_list("action_predicates.tsv"):
        pos, word, particle, act = (p.strip() for p in line.split("\t"))
        if pos == "verb":
            verbs[(word, particle)] = act
        else:
            nouns.append((word, act))
    return verbs, tuple(sorted(nouns, key=lambda n: -len(n[0])))


def _noun_act(word: str) -> str:
    return next((act for ending, act in _predicates()[1] if word.endswith(ending)), "")


def _verb_act(form: str) -> str:
    verbs = _predicates()[0]
    for sense, _ in lexicon().senses(form):
        particle = " ".join(sense.particle) if sense.particle else "-"
        act = verbs.get((sense.lemma, particle)) or verbs.get((sense.lemma, "-"))
        if act:
            return act
    return ""


def action_act(v: View, c: Cand) -> str:
    """The act ("request", "commitment", "attitude") when ``c``'s content is a zu-infinitive
    after an action predicate, else "". Call after the candidate's kind is decided."""
    if c.kind != "indirect" or not c.content or not c.cue:
        return ""
    a, b = c.content[0][0], c.content[-1][1]
    b = first_comma(v, a, b)  # "…, einschließlich …"
    if v.low[a] in ("dass", "daß", "ob") or not zu_infinitive(v, a, b):
        return ""
    last = b
    while last > a and v.cls[last - 1] == "P":
        last -= 1
    if v.low[last - 1] in _PERFECT and last - 2 > a and v.low[last - 2] == "zu":
        return ""
    for i in sorted(c.cue):
        act = _noun_act(v.low[i]) if v.is_noun(i) else _verb_act(v.low[i])
        if act:
            return act
    # "bekundete ihre Absicht, … zu …": the object noun names the act
    for k in range(min(c.cue) + 1, a):
        if v.is_noun(k) and (act := _noun_act(v.low[k])):
            return act
    return ""
