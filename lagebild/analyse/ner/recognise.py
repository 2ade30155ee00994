"""Names in a document: the CRF's chunks merged with KB matches.

The CRF proposes; the KB corrects what it knows for certain. A KB name that covers CRF
chunks replaces them ("Sicherheitsrat der Vereinten Nationen" over "Vereinten Nationen"); a
CRF chunk that covers a KB name keeps its span ("George Washington" is not the US
capital); a KB name the CRF missed is added. Derivations and name parts (russische,
EU-weit), which the CRF also tags, are dropped: they are not names.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lagebild.analyse.ner.features import kb_span_tags
from lagebild.analyse.ner.gazetteer import Match, kb_matches
from lagebild.analyse.ner.kb import KB, load_kb
from lagebild.analyse.ner.tagger import Models, chunks, tag_document

NAME_LABELS = frozenset({"PER", "ORG", "LOC", "GPE", "MISC"})


@dataclass(frozen=True, slots=True)
class Found:
    start: int  # token index in its sentence
    end: int
    label: str  # PER ORG GPE LOC MISC
    kb_id: str = ""


def _pick(kb: KB, ids: Sequence[str], label: str) -> str:
    """Of the entries a name can be, the one whose type agrees with the CRF (else the first)."""
    for eid in ids:
        t = kb.entries[eid].type
        if t == label or (label == "LOC" and t == "GPE"):
            return eid
    return ids[0]


def merge(crf: Sequence[tuple[int, int, str]], matches: Sequence[Match], kb: KB) -> list[Found]:
    found = [Found(s, e, lab) for s, e, lab in crf if lab in NAME_LABELS]
    for m in matches:
        inside = [f for f in found if m.start <= f.start and f.end <= m.end]
        covering = [f for f in found if f.start <= m.start and m.end <= f.end
                    and (f.start, f.end) != (m.start, m.end)]
        crossing = [f for f in found if f.start < m.end and m.start < f.end
                    and f not in inside and f not in covering]
        if covering or crossing or (m.weak and not inside):
            continue
        label = inside[0].label if len(inside) == 1 else ""
        eid = _pick(kb, m.ids, label)
        for f in inside:
            found.remove(f)
        found.append(Found(m.start, m.end, kb.entries[eid].type, eid))
    return sorted(found, key=lambda f: (f.start, f.end))


def recognise(sentences: Sequence[Sequence[str]], models: Models | None = None) -> list[list[Found]]:
    """Names found in each sentence (lists of words) of one document."""
    kb = load_kb()
    matches = [kb_matches(words, kb) for words in sentences]
    kb_tags = [kb_span_tags(len(words), ms, [kb.entries[m.ids[0]].type for m in ms])
               for words, ms in zip(sentences, matches, strict=True)]
    tags = tag_document(sentences, models, kb_tags)
    return [merge(chunks(ts), ms, kb) for ts, ms in zip(tags, matches, strict=True)]
