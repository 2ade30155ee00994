"""Placeholder: the timex component is being written (issue work in progress)."""
from __future__ import annotations

from lagebild.analyse.pipeline import component
from lagebild.model import Analysis


@component("timex", requires=("text",), assigns=("timexes",))
def timex_component(doc: Analysis) -> Analysis:
    return doc
