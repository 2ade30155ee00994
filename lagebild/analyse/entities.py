"""The entities component: names in the article, resolved to real-world entities.

The work is in ``lagebild.analyse.ner`` (CRF tagger + KB + document-level resolution);
this module only adapts it to the pipeline. Models and KB load once per process.
"""
from __future__ import annotations

from dataclasses import replace

from lagebild.analyse.ner.resolve import resolve
from lagebild.analyse.pipeline import component
from lagebild.model import Analysis


@component("entities", requires=("text", "tokens"), assigns=("mentions", "entities"))
def entities_component(doc: Analysis) -> Analysis:
    mentions, entities = resolve(doc.text, doc.tokens, doc.sentences, doc.article.published)
    return replace(doc, mentions=mentions, entities=entities)
