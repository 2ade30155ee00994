"""A token view of one sentence (or of sentences one quotation holds together), with the
few bits of German grammar speaker spans need: noun phrases read forwards and backwards.

No tagger: closed-class words come from ``quote_words.tsv``; any other capitalised word
inside a sentence is a noun or a name (German capitalises both), a lower-case word with an
adjective ending between a determiner and a noun is an adjective.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import compress

from lagebild.analyse.de import word_list
from lagebild.analyse.quotes.lexicon import lexicon
from lagebild.analyse.quotes.marks import Marked
from lagebild.analyse.wordcache import word_cache
from lagebild.model import Token

_ADJ_END = ("e", "en", "em", "er", "es")
_ADVERB_ENDINGS = ("lich", "lang", "weise", "mals", "ell", "ig", "isch", "bar", "sam", "haft", "wärts",
                   "dings", "falls", "ens", "erseits")
_AGED = re.compile(r"\d+-[jJ]ährigen?$|\d+-[jJ]ähriger$")
_ORDINAL = re.compile(r"\d+\.?$|\d+[-‐‑]\w+$")
PUNCT = frozenset(".,;:!?()[]–—-\"'„“”»«‚‘’…/")
SPEAKER_PRONOUNS = frozenset({"er", "sie", "ich", "wir", "man"})
_DATIVE_PRON = frozenset({"ihm", "ihr", "ihnen", "uns", "mir", "dir", "euch"})
_OBLIQUE_DET = frozenset({"dem", "den", "einem", "einen", "diesem", "diesen", "seinem", "seinen",
                          "ihrem", "ihren", "keinem", "keinen"})


@word_cache
def _word_info(word: str) -> tuple[str, bool, str, bool, bool]:
    """(lower case, capitalised, closed class, starts a rule, ends in an utterance noun) of a
    token's text: what View.build asks of every token, once per form."""
    lex = lexicon()
    w = word.lower()
    klass = lex.words.get(w, "P" if w in PUNCT else "")
    hit = w in lex.forms or w in lex.attribution or w == "danach"
    return w, word[:1].isupper(), klass, hit, w.endswith(speech_nouns())


@cache
def speech_nouns() -> tuple[str, ...]:
    """Utterance nouns (``speech_nouns.txt``), longest first: matched as compound endings."""
    return tuple(sorted(word_list("speech_nouns.txt"), key=len, reverse=True))


@dataclass(slots=True)
class View:
    """Tokens of one unit with what the rules ask of each token."""

    text: str
    toks: list[Token]
    low: list[str]
    cap: list[bool]
    cls: list[str]  # closed class from quote_words.tsv, "P" punctuation, "" open class
    q: list[int]  # index into ``quotes`` of the top-level quotation holding the token, or -1
    quotes: list[Marked]
    qtok: list[tuple[int, int]]  # token range of each quotation
    inner: list[Marked]  # quotations inside quotations
    hits: list[int]  # tokens that are a speech-verb form or an attribution word (where rules start)
    noun_hits: list[int]  # tokens ending in an utterance noun ("Vorwurf", "Rücktrittsforderung")

    @classmethod
    def build(cls, text: str, toks: list[Token], quotes: list[Marked],
              inner: list[Marked] | None = None) -> View:
        info = [_word_info(t.text) for t in toks]
        # the columns of ``info`` by one transpose in C, not a Python loop each
        low, cap, klass, hit, noun = (list(c) for c in zip(*info, strict=True)) if info else ([], [], [], [], [])
        q = [-1] * len(toks)
        qtok: list[tuple[int, int]] = []
        k = 0
        for n, m in enumerate(quotes):
            while k < len(toks) and toks[k].end <= m.start:
                k += 1
            first = k
            while k < len(toks) and toks[k].start < m.end:
                q[k] = n
                k += 1
            qtok.append((first, k))
        hits = list(compress(range(len(info)), hit))
        noun_hits = list(compress(range(len(info)), noun))
        return cls(text, toks, low, cap, klass, q, quotes, qtok, inner or [], hits, noun_hits)

    def __len__(self) -> int:
        return len(self.toks)


    def is_noun(self, i: int) -> bool:
        if self.cls[i] or self.q[i] >= 0:
            return False
        if self.cap[i]:
            return True
        w = self.toks[i].text  # "al-Dschasira", "el-Baradei", "bildblog.de", "der 81-jährige"
        if _AGED.match(w) and i > 0 and self.cls[i - 1] == "DET":
            return True
        return ("-" in w and w.rsplit("-", 1)[1][:1].isupper()) or ("." in w[1:-1] and w.replace(".", "").isalnum())

    def is_adj(self, i: int) -> bool:
        w = self.low[i]
        if self.q[i] >= 0 or self.cls[i]:
            return False
        if _ORDINAL.match(w):
            return True
        if self.cap[i]:
            # "US-amerikanische", "EU-weiten": a capitalised first part, an adjective after it
            tail = self.toks[i].text.rsplit("-", 1)[-1]
            return "-" in w and tail[:1].islower() and tail.endswith(_ADJ_END) and tail.isalpha()
        return w.endswith(_ADJ_END) and w.replace("-", "").isalpha() and not lexicon().senses(w)

    def quote_at(self, i: int) -> int:
        """Index of the quotation that starts at token ``i``, or -1."""
        n = self.q[i]
        return n if n >= 0 and self.qtok[n][0] == i else -1

    def span(self, a: int, b: int) -> tuple[int, int]:
        """Character span of tokens ``a`` to ``b`` (exclusive)."""
        return self.toks[a].start, self.toks[b - 1].end


def looks_past(v: View, i: int) -> bool:
    """A lower-case open-class word in -te/-ten: most likely a verb in the simple past."""
    w = v.low[i]
    return not v.cap[i] and not v.cls[i] and len(w) > 4 and w.endswith(("te", "ten")) \
        and w.isalpha() and v.q[i] < 0


def content_end(v: View, a: int, b: int) -> int:
    """Where reported content that starts at ``a`` ends: before ", erkannte …" or
    "und bemühte …", a new verb phrase of the reporting clause's subject."""
    lex = lexicon()
    for k in range(a + 1, b - 1):
        if v.q[k] >= 0:
            continue
        nxt = v.low[k + 1]
        if v.low[k] == "," and not v.cap[k + 1] and (
                looks_past(v, k + 1) or any(kind == "fin" for _, kind in lex.senses(nxt))
                or (v.cls[k + 1] == "AUX" and nxt not in lex.konjunktiv)):
            return k  # ", erkannte …", ", wurden die Redakteure …": the main clause goes on
        if v.low[k] == "und" and looks_past(v, k + 1) and lex.senses(v.low[k + 1]):
            return k
    return b


def first_comma(v: View, a: int, b: int) -> int:
    """The first comma outside quotation marks in tokens a..b, or ``b``."""
    return next((k for k in range(a, b) if v.low[k] == "," and v.q[k] < 0), b)


def np_core(v: View, i: int, hi: int) -> int:
    """End of a determiner-adjectives-noun(s) phrase starting at ``i`` (``i`` if none)."""
    j = i
    if j < hi and v.cls[j] == "DET":
        j += 1
        if j < hi and v.low[j - 1] in ("einer", "eine", "eines", "keiner", "jeder") \
                and v.low[j] in ("der", "des"):
            return j  # "Einer der größten Kritiker": the pronoun heads the phrase
        if j < hi and v.cls[j] in ("PREP", "ADV"):
            # an extended attribute: "einer am Dienstag veröffentlichten Pressemitteilung"
            k = j
            while k < min(hi, j + 6) and v.q[k] < 0 and v.low[k] not in PUNCT:
                attribute = v.is_adj(k) or _participle_like(v, k)
                if attribute and k + 1 < hi and (v.is_adj(k + 1) or v.is_noun(k + 1)):
                    j = k if v.is_adj(k) else k + 1
                    break
                if attribute or v.cls[k] not in ("PREP", "ADV", "DET", ""):
                    break
                k += 1
    while j < hi and v.is_adj(j):
        j += 1
        if j + 1 < hi and v.low[j] in ("und", "oder", "sowie") and v.is_adj(j + 1):
            j += 1  # "französische und britische Diplomaten"
    k = j
    while k < hi and (v.is_noun(k) or domain_end(v, k, hi) > k):
        k = max(k + 1, domain_end(v, k, hi))
    if k == j:
        n = v.quote_at(j) if j < hi else -1
        if n < 0:
            return i
        k = v.qtok[n][1]
    return k


def _participle_like(v: View, k: int) -> bool:
    """A lower-case inflected word that could be an attributive participle ("veröffentlichten",
    "genannte"): asked only where an extended attribute ends before its noun."""
    w = v.low[k]
    return not v.cap[k] and not v.cls[k] and len(w) > 5 and w.endswith(("en", "e", "er", "es", "em"))


def domain_end(v: View, i: int, hi: int) -> int:
    """End of a web address the tokenizer split ("ndr" "." "de"), or ``i``."""
    if i + 2 < hi + 1 and i + 2 <= len(v) - 1 and v.low[i + 1] == "." and v.q[i] < 0 \
            and v.toks[i].end == v.toks[i + 1].start and v.toks[i + 1].end == v.toks[i + 2].start \
            and v.low[i].replace("-", "").isalnum() and v.low[i + 2].isalpha() and 2 <= len(v.low[i + 2]) <= 4 \
            and v.low[i + 2] == v.toks[i + 2].text:
        return i + 3
    return i


def _common_head(v: View, k: int) -> bool:
    """Is token ``k`` a noun that takes a genitive (a role, group, organisation or source noun)?"""
    lex = lexicon()
    return v.is_noun(k) and (lex.speaker_noun(v.low[k]) is not None or lex.is_source_noun(v.low[k]))


def np_forward(v: View, i: int, hi: int, coordinate: bool = True) -> int:
    """End of the noun phrase that starts at ``i``: a pronoun, or a noun phrase with its
    genitives, von-phrases, a parenthesis and a comma-enclosed apposition ("Ein Sprecher der
    Polizei, Lars Beringer,"); ``i`` when there is none."""
    if i < hi and v.low[i] in SPEAKER_PRONOUNS:
        return i + 1
    j = np_core(v, i, hi)
    if j == i:
        return i
    while j < hi:
        w = v.low[j]
        n = v.quote_at(j)
        if n >= 0 and v.is_noun(j - 1):  # des Magazins „Der Spiegel“
            j = v.qtok[n][1]
            continue
        genitive = w in ("des", "der", "eines", "einer") or (v.cls[j] == "DET" and w.endswith(("er", "es"))) \
            or (v.is_adj(j) and w.endswith("er") and j + 1 < hi and v.is_noun(j + 1))
        if genitive and v.cls[i] != "DET" and not _common_head(v, j - 1):
            genitive = False  # after a bare name "der Agentur" is a dative: "sagte Lindner der Agentur"
        if genitive or w in ("von", "vom"):
            k = np_core(v, j + (w in ("von", "vom")), hi)
            if k > j + 1:
                j = k
                continue
        if w == "(":
            close = next((k for k in range(j + 1, min(hi, j + 9)) if v.low[k] == ")"), -1)
            if close > 0:
                j = close + 1
                continue
        if w == "," and j + 1 < hi and coordinate and (v.is_noun(j + 1) or v.cls[j + 1] == "DET"
                                                       or v.is_adj(j + 1)):
            k = np_forward(v, j + 1, hi, coordinate=False)
            while k > j + 1 and k + 1 < hi and v.low[k] in _APPOSITION_PREPS and np_core(v, k + 1, hi) > k + 1:
                k = np_forward(v, k + 1, hi, coordinate=False)  # ", die Leiterin der Fachstelle für Sucht"
            if k > j + 1 and (k >= hi or v.low[k] in (",", ".", "!", "?")) \
                    and any(v.is_noun(x) for x in range(j + 1, k)) \
                    and all(v.q[x] < 0 for x in range(j + 1, k)):
                j = k  # the apposition, without its closing comma
                coordinate = False  # one apposition is enough
                continue
        if w in ("und", "sowie") and coordinate:
            k = np_forward(v, j + 1, hi, coordinate=False)
            if k > j + 1 and v.cls[j + 1] != "PRON":
                j = k
                continue
        break
    return j


#: prepositions whose phrase belongs to an apposition that closes at a comma
_APPOSITION_PREPS = frozenset({"für", "in", "im", "aus", "bei", "beim", "an", "am", "zur", "zum", "vom", "von"})


def np_backward(v: View, j: int, lo: int) -> int:
    """Start of the noun phrase that ends just before ``j`` ("offiziellen Angaben" zufolge)."""
    k = j
    while k > lo:
        t = k - 1
        if v.q[t] >= 0:
            k = max(lo, v.qtok[v.q[t]][0])
            continue
        if v.is_noun(t) or v.is_adj(t) or v.cls[t] == "DET" or v.low[t] in ("von", "vom", "(", ")"):
            k = t
            continue
        if v.low[t] in ("und", "sowie") and k < j and v.is_noun(k) and t > lo and v.is_noun(t - 1):
            k = t  # "der Sender ARD und BBC" zufolge
            continue
        break
    while k < j and (v.low[k] in ("von", "vom", ")") or v.cls[k] == "P"):
        k += 1
    return k if any(v.is_noun(x) or v.q[x] >= 0 for x in range(k, j)) else j


def subject_like(v: View, a: int, b: int) -> bool:
    """Can tokens a..b (a prefield) be the subject of the verb after them?"""
    if a >= b:
        return False
    w = v.low[a]
    if w in lexicon().attribution:
        return False  # "Laut AFP sagte …": an attribution, not the subject
    if w in SPEAKER_PRONOUNS:
        return b == a + 1
    if v.cls[a] == "DET":
        if w in _OBLIQUE_DET:
            return False
        # "Dies", "Das" alone are objects; "Dieser", "Diese" stand for a speaker named before
        return b != a + 1 or w in ("dieser", "diese", "jener", "letzterer", "ersterer")
    if v.q[a] >= 0:
        return True
    if b == a + 1 and w.endswith((*_ADVERB_ENDINGS, "end")):
        return False  # "Offiziell", "Monatelang", "Ergänzend": an adverb opening the sentence
    return v.is_noun(a)


def skip_to_subject(v: View, i: int, hi: int) -> int:
    """First token after a finite verb that can open its subject (skips sich, adverbs, a
    dative pronoun)."""
    while i < hi and (v.low[i] in _DATIVE_PRON or v.low[i] == "sich" or v.cls[i] in ("ADV", "FOCUS")):
        i += 1
    return i


def trim(v: View, a: int, b: int) -> tuple[int, int]:
    """Drops focus particles, conjunctions and punctuation from both ends of a span."""
    while a < b and (v.cls[a] in ("FOCUS", "CONJ", "P") and v.q[a] < 0):
        a += 1
    while b > a and (v.cls[b - 1] in ("P", "ADV", "FOCUS") and v.q[b - 1] < 0):
        if v.low[b - 1] == ")" and "(" in v.low[a:b - 1]:
            break  # "Angela Merkel (CDU)": the parenthesis belongs to the name
        b -= 1
    return a, b
