"""Invariants that must hold for any input (hypothesis)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lagebild.analyse.tokens import sentence_spans, tokenize
from lagebild.clean import normalise_text, stable_id
from lagebild.errors import InputError
from lagebild.ingest.records import read_records
from lagebild.model import RawDocument

german = st.text(alphabet=st.sampled_from(list("abcdeäöüßABCÄÖÜ „“»«\"'.,;:!?-–()\n0123456789")), max_size=300)


@settings(max_examples=300, deadline=None)
@given(german)
def test_tokens_index_the_text(text: str) -> None:
    prev_end = 0
    for tok in tokenize(text):
        assert 0 <= tok.start < tok.end <= len(text) and text[tok.start:tok.end] == tok.text
        assert tok.start >= prev_end and not tok.text.isspace()
        prev_end = tok.end


@settings(max_examples=300, deadline=None)
@given(german)
def test_sentences_are_ordered_disjoint_spans(text: str) -> None:
    prev = 0
    for start, end in sentence_spans(text):
        assert prev <= start < end <= len(text)
        assert "\n" not in text[start:end]
        prev = end


@given(german)
def test_stable_id_ignores_whitespace_and_case(text: str) -> None:
    assert stable_id(text) == stable_id("  " + text.upper().replace(" ", "  ") + "\n") or \
        text.upper().casefold() != text.casefold()


@given(german)
def test_normalise_is_idempotent(text: str) -> None:
    once = normalise_text(text)
    assert normalise_text(once) == once


@given(st.text(max_size=200))
def test_records_reader_never_raises(content: str) -> None:
    for item in read_records(content, "<t>"):
        assert isinstance(item, RawDocument | InputError)
