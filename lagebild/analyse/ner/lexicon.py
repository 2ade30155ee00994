"""Is a capitalised word a known German word? The strongest clue in a language that
capitalises every noun.

The word forms come from simplemma's German dictionary (a dependency; read at run time,
nothing copied into lagebild). A capitalised word the dictionary knows is most likely a
common noun ("Selbstdarstellung"); one whose tail it knows is a compound noun
("Plattenvertrag" -> "Vertrag"); one it does not know at all is a candidate name ("Sammer").
"""
from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from lagebild.analyse.wordcache import word_cache

#: The word forms are cached as a plain key list (one per line) under the user's cache
#: folder: simplemma decodes its German dictionary in Python (~2 s per process), the list
#: reads in a tenth of that. The file name carries simplemma's version and the dictionary
#: file's size and time, so a new simplemma makes a new list; any failure falls back to it.
CACHE_ENV = "LAGEBILD_CACHE"


def _cache_file() -> Path | None:
    try:
        import simplemma
        from simplemma.strategies.dictionaries import dictionary_factory
        st = (dictionary_factory.DATA_FOLDER / "de.plzma").stat()
    except (ImportError, OSError, AttributeError):
        return None
    base = os.environ.get(CACHE_ENV) or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "lagebild")
    version = getattr(simplemma, "__version__", "x")
    return Path(base) / f"simplemma-de-{version}-{st.st_size}-{st.st_mtime_ns}.forms"


def _load_simplemma() -> frozenset[bytes]:
    try:
        from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory
        mapping = DefaultDictionaryFactory().get_dictionary("de")
    except (ImportError, OSError, ValueError):  # pragma: no cover - a broken install
        return frozenset()
    raw = getattr(mapping, "_dict", None)
    return frozenset(raw) if isinstance(raw, dict) else frozenset(k.encode() for k in mapping)


@cache
def _forms() -> frozenset[bytes]:
    path = _cache_file()
    if path is not None:
        try:
            data = path.read_bytes()
            if data.endswith(b"\n"):  # written whole (see below)
                return frozenset(data[:-1].split(b"\n"))
        except OSError:
            pass
    forms = _load_simplemma()
    if path is not None and forms and not any(b"\n" in k or not k for k in forms):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_bytes(b"\n".join(sorted(forms)) + b"\n")
            os.replace(tmp, path)
        except OSError:
            pass
    return forms


@word_cache
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


@word_cache
def known_form(word: str) -> bool:
    """Is the word, exactly as written, one of the dictionary's forms ("medizinischen")?"""
    return word.encode() in _forms()
