"""Named entities for German news: a two-pass CRF (``tagger``) over KB-aware features
(``features``, ``gazetteer``, ``lexicon``), merged with KB matches (``recognise``) and
resolved to real-world entities with stable ids (``resolve``). The KB is in ``de/kb``.
"""
