"""Placeholder: the quotes component is being written (issue work in progress)."""
from __future__ import annotations

from lagebild.analyse.pipeline import component
from lagebild.model import Analysis


@component("quotes", requires=("text", "tokens", "entities"), assigns=("quotes",))
def quotes_component(doc: Analysis) -> Analysis:
    return doc
