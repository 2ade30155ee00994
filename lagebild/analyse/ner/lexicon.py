"""Is a capitalised word a known German word? The strongest clue in a language that
capitalises every noun.

The word forms come from simplemma's German dictionary (a dependency; read at run time,
nothing copied into lagebild). A capitalised word the dictionary knows is most likely a
common noun ("Selbstdarstellung"); one whose tail it knows is a compound noun
("Plattenvertrag" -> "Vertrag"); one it does not know at all is a candidate name ("Sammer").
"""
from __future__ import annotations

from functools import cache


@cache
def _forms() -> dict[bytes, bytes]:
    try:
        from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory
        mapping = DefaultDictionaryFactory().get_dictionary("de")
    except (ImportError, OSError, ValueError):  # pragma: no cover - a broken install
        return {}
    raw = getattr(mapping, "_dict", None)
    return raw if isinstance(raw, dict) else {k.encode(): b"" for k in mapping}


@cache
def lexicon_class(word: str) -> str:
    """``known``, ``compound`` or ``unknown`` for a capitalised word; ``""`` otherwise."""
    if not word[:1].isupper() or not word.isalpha() or len(word) < 3:
        return ""
    forms = _forms()
    if word.encode() in forms:
        return "known"
    for k in range(3, len(word) - 3):
        tail = word[k].upper() + word[k + 1:]
        if tail.encode() in forms:
            return "compound"
    return "unknown"
