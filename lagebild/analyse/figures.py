"""Placeholder: the figures component is being written (issue work in progress)."""
from __future__ import annotations

from lagebild.analyse.pipeline import component
from lagebild.model import Analysis


@component("figures", requires=("text", "tokens"), assigns=("figures",))
def figures_component(doc: Analysis) -> Analysis:
    return doc
