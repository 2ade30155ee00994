"""Placeholder: the entities component is being written (issue work in progress)."""
from __future__ import annotations

from lagebild.analyse.pipeline import component
from lagebild.model import Analysis


@component("entities", requires=("text", "tokens"), assigns=("entities",))
def entities_component(doc: Analysis) -> Analysis:
    return doc
