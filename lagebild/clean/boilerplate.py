"""Teasers, captions, bylines and other non-article lines (work in progress)."""
from __future__ import annotations


def strip_boilerplate(text: str) -> tuple[str, list[str]]:
    """Return the text without boilerplate and the pieces removed, in order."""
    return text, []
