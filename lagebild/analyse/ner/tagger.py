"""Two CRF passes over a document: sentence features, then document features.

The second pass sees what the first found elsewhere in the same article (a name recognised
once is the same name throughout; "Baerbock" after "Annalena Baerbock" is a person). The
second model was trained on first-pass output the first model had not seen (jackknifed, see
``scripts/train_ner.py``), so it learns how far to trust it.

Both models run through ``crf.CrfModel`` on features packed per word (``features.packed_parts``):
the same attributes as the training features, without converting strings on every call.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from lagebild.analyse.ner.crf import CrfModel
from lagebild.analyse.ner.features import PackedParts, kb_span_tags, packed_parts, sentence_packed
from lagebild.analyse.ner.gazetteer import kb_matches
from lagebild.analyse.ner.kb import fold, load_kb
from lagebild.analyse.ner.nametype import prime
from lagebild.analyse.wordcache import word_cache
from lagebild.errors import ModelError

MODEL_PASS1 = "ner_pass1.crfsuite"
MODEL_PASS2 = "ner_pass2.crfsuite"

Chunk = tuple[int, int, str]  # first token, token after the last, label


@dataclass
class Models:
    pass1: CrfModel
    pass2: CrfModel | None
    #: per-word packed features of each model (attribute ids differ between the two)
    parts1: Callable[[str], PackedParts] = field(init=False, repr=False)
    parts2: Callable[[str], PackedParts] | None = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.parts1 = packed_parts(self.pass1)
        self.parts2 = packed_parts(self.pass2) if self.pass2 is not None else None


def open_tagger(path: Path | str) -> CrfModel:
    if not Path(path).is_file():
        raise ModelError(f"cannot open NER model {path}: no such file")
    return CrfModel(path)


def load_models(pass1: Path | str, pass2: Path | str | None) -> Models:
    return Models(open_tagger(pass1), open_tagger(pass2) if pass2 else None)


@cache
def default_models() -> Models:
    """The models shipped in ``lagebild/analyse/models`` (loaded once per process)."""
    folder = resources.files("lagebild.analyse").joinpath("models")
    p1, p2 = folder.joinpath(MODEL_PASS1), folder.joinpath(MODEL_PASS2)
    if not p1.is_file():
        raise ModelError(f"the NER model {MODEL_PASS1} is missing; run scripts/train_ner.py")
    return load_models(str(p1), str(p2) if p2.is_file() else None)


def chunks(tags: Sequence[str]) -> list[Chunk]:
    """BIO tags -> chunks (an I- after O or another type starts a chunk)."""
    out: list[Chunk] = []
    start, label = 0, ""
    for i, tag in enumerate(tags):
        if tag == "O":
            if label:
                out.append((start, i, label))
                label = ""
            continue
        kind = tag[2:]
        if tag[0] == "B" or kind != label:
            if label:
                out.append((start, i, label))
            start, label = i, kind
    if label:
        out.append((start, len(tags), label))
    return out


def kb_tags_for(words: Sequence[str]) -> list[str]:
    kb = load_kb()
    matches = kb_matches(words, kb)
    return kb_span_tags(len(words), matches, [kb.entries[m.ids[0]].type for m in matches])


@word_cache
def _key(word: str) -> str:
    k = fold(word)
    return k[:-1] if k.endswith("s") and len(k) > 4 else k


@cache
def _p1(tag: str) -> tuple[str, ...]:
    return ("p1=" + tag,)


@dataclass
class _DocCounts:
    """How often each word (by ``_key``) was part of a name of each label in pass 1, and the
    last (first) word of a multi-word name; labels in first-seen order."""

    seen: dict[str, dict[str, int]]
    last: dict[str, dict[str, int]]
    first: dict[str, dict[str, int]]


def _doc_counts(sentences: Sequence[Sequence[str]], tags: Sequence[Sequence[str]]) -> _DocCounts:
    # plain dicts, not Counters: a Counter calls a Python method for every label it has not seen
    seen: dict[str, dict[str, int]] = {}
    last: dict[str, dict[str, int]] = {}
    first: dict[str, dict[str, int]] = {}
    for words, ts in zip(sentences, tags, strict=True):
        for s, e, label in chunks(ts):
            for k in range(s, e):
                c = seen.setdefault(_key(words[k]), {})
                c[label] = c.get(label, 0) + 1
            if e - s > 1:
                c = last.setdefault(_key(words[e - 1]), {})
                c[label] = c.get(label, 0) + 1
                c = first.setdefault(_key(words[s]), {})
                c[label] = c.get(label, 0) + 1
    return _DocCounts(seen, last, first)


def _elsewhere(counts: dict[str, int], mine: str) -> str:
    """The label the word has most often elsewhere (its own name not counted; the first
    label on ties), "" if none."""
    best, top = "", 0
    for lab, n in counts.items():
        n -= lab == mine
        if n > top:
            best, top = lab, n
    return best


def _sentence_doc_features(words: Sequence[str], ts: Sequence[str], dc: _DocCounts) -> list[Sequence[str]]:
    sent: list[Sequence[str]] = list(map(_p1, ts))  # a lower-case word: its own tag only
    for i, w in enumerate(words):
        if not w[:1].isupper():
            continue
        t = ts[i]
        f = ["p1=" + t]
        key = _key(w)
        counts = dc.seen.get(key)
        if counts:
            mine = t[2:]  # the label of the name the word is in here ("" for O)
            best = _elsewhere(counts, mine)
            if best:
                f.append("d=" + best)
                f.append("d=" + t[:1] + best)
            elif not mine:
                f.append("d=none")
        lc = dc.last.get(key)
        if lc:
            f.append("dl=" + max(lc, key=lc.__getitem__))
        lc = dc.first.get(key)
        if lc:
            f.append("df=" + max(lc, key=lc.__getitem__))
        sent[i] = f
    return sent


def doc_features(sentences: Sequence[Sequence[str]], tags: Sequence[Sequence[str]]
                 ) -> list[list[Sequence[str]]]:
    """Per token: its own first-pass tag, the labels the same word got elsewhere in the
    document, and whether it was the last (first) word of a multi-word name elsewhere."""
    dc = _doc_counts(sentences, tags)
    return [_sentence_doc_features(words, ts, dc) for words, ts in zip(sentences, tags, strict=True)]


def _disagrees(words: Sequence[str], ts: Sequence[str], dc: _DocCounts) -> bool:
    """Does the document disagree with pass 1 anywhere in this sentence? A word tagged one
    way here and another way elsewhere ("d=" of its features names another label), or left
    out here but part of a longer name elsewhere ("dl=", "df=" on an O). Read from the
    counts, without building the features."""
    for i, w in enumerate(words):
        if not w[:1].isupper():
            continue
        t = ts[i]
        key = _key(w)
        if t == "O" and (key in dc.last or key in dc.first):
            return True
        counts = dc.seen.get(key)
        if counts:
            best = _elsewhere(counts, t[2:])
            if best and (t == "O" or t[2:] != best):
                return True
    return False


#: A capitalised word the best path leaves as O becomes part of a person's name when the CRF
#: gives O at most this marginal probability and PER is its likeliest other label. Viterbi
#: favours O on names it never saw (most names in new text); in 5-fold CV this traded a little
#: PER precision for more recall. 0 switches it off.
O_CEILING = [0.8]


#: A chunk of one of these types whose labels the CRF gives a mean marginal probability under
#: the type's floor is dropped (its words become O), as the O ceiling adds persons. In 5-fold
#: CV an organisation floor of 0.5 to 0.85 traded ORG recall for precision (P 0.64 -> 0.70,
#: R 0.62 -> 0.59) and moved core F1 from 0.751 to 0.752-0.754; floors for PER and LOC did
#: nothing. Applied to pass 1 only (pass 2 learnt from plain Viterbi output).
FLOORS: dict[str, float] = {"ORG": 0.65}


def _floor(tagger: CrfModel, tags: list[str]) -> list[str]:
    """``FLOORS`` applied to the labels the tagger gave last."""
    for s, e, label in chunks(tags):
        floor = FLOORS.get(label)
        if floor is None:
            continue
        p = sum(tagger.marginal(tags[i], i) for i in range(s, e)) / (e - s)
        if p < floor:
            tags[s:e] = ["O"] * (e - s)
    return tags


def _ceiling(tagger: CrfModel, tags: list[str], words: Sequence[str]) -> list[str]:
    """``O_CEILING`` (and ``FLOORS``) applied to the labels the tagger gave ``words`` last."""
    if tags and FLOORS:
        tags = _floor(tagger, tags)
    if not tags or O_CEILING[0] <= 0:
        return tags
    ceiling = O_CEILING[0]
    cands = [i for i, t in enumerate(tags) if t == "O" and words[i][:1].isupper()]
    for i, p in zip(cands, tagger.marginals("O", cands), strict=True):
        if p > ceiling or _likeliest_other(tagger, i, p) != "PER":
            continue
        # two capitalised name words side by side are one name ("Brita" + "Baldus")
        tags[i] = ("I-" if i and tags[i - 1][2:] == "PER" else "B-") + "PER"
        if i + 1 < len(tags) and tags[i + 1] == "B-PER":
            tags[i + 1] = "I-PER"
    return tags


def _likeliest_other(tagger: CrfModel, i: int, p_o: float) -> str:
    """The type of the likeliest label but O at position ``i`` (the first on ties). The two
    person labels are read first: when they hold more than the rest of the mass can, the
    other labels need not be read."""
    b, e = tagger.marginals_at(_PER_LABELS, i)
    if 1.0 - p_o - b - e < max(b, e) - 1e-9:
        return "PER"
    return max(tagger.labels_but_o(), key=lambda y: tagger.marginal(y, i))[2:]


_PER_LABELS = ("B-PER", "I-PER")


def tag_document(sentences: Sequence[Sequence[str]], models: Models | None = None,
                 kb_tags: Sequence[Sequence[str]] | None = None) -> list[list[str]]:
    """BIO tags (PER ORG LOC MISC DRV PRT) for each sentence of one document.

    Pass 2 runs only on sentences where the document features disagree with pass 1: where
    they agree it would repeat pass 1, and skipping it keeps the tagger fast."""
    models = models or default_models()
    prime(w for words in sentences for w in words)
    if kb_tags is None:
        kb_tags = [kb_tags_for(words) for words in sentences]
    p1 = models.pass1
    feats = [sentence_packed(w, kt, models.parts1, p1) for w, kt in zip(sentences, kb_tags, strict=True)]
    # each sentence's marginals are read before the tagger moves on to the next
    first = [_ceiling(p1, tags, w) for tags, w in zip(p1.tag_each(feats), sentences, strict=True)]
    p2, parts2 = models.pass2, models.parts2
    if p2 is None or parts2 is None or len(sentences) < 2:
        return first
    dc = _doc_counts(sentences, first)
    pack = p2.pack_all
    out = []
    for w, kt, t in zip(sentences, kb_tags, first, strict=True):
        if w and _disagrees(w, t, dc):
            d = _sentence_doc_features(w, t, dc)
            t = p2.tag_packed([a + pack(b) for a, b in zip(sentence_packed(w, kt, parts2, p2), d, strict=True)])
        out.append(t)
    return out
