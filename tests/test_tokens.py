"""The tokenizer and sentence splitter on German cases written by hand."""
from __future__ import annotations

from lagebild.analyse.tokens import sentence_spans, tokenize


def toks(text: str) -> list[str]:
    return [t.text for t in tokenize(text)]


def test_hyphenated_names_and_compounds_stay_whole() -> None:
    assert toks("Kim Jong-un und der UN-Sicherheitsrat.") == ["Kim", "Jong-un", "und", "der", "UN-Sicherheitsrat", "."]


def test_abbreviations_and_initials_keep_their_dot() -> None:
    assert toks("Dr. Müller und George W. Bush") == ["Dr.", "Müller", "und", "George", "W.", "Bush"]


def test_offsets_index_the_text() -> None:
    text = "Am 13. September sagte Peskow: „Nein.“"
    for t in tokenize(text):
        assert text[t.start:t.end] == t.text


def test_day_of_month_does_not_end_a_sentence() -> None:
    text = "Das Treffen war am 13. September in Wladiwostok. Danach reiste er ab."
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "Das Treffen war am 13. September in Wladiwostok.", "Danach reiste er ab."]


def test_closing_quote_belongs_to_its_sentence() -> None:
    text = "„Es gab keine Pläne.“ Das sagte er am Freitag."
    assert [text[s:e] for s, e in sentence_spans(text)] == ["„Es gab keine Pläne.“", "Das sagte er am Freitag."]


def test_line_breaks_end_sentences() -> None:
    text = "Eine Überschrift ohne Punkt\nDer erste Satz folgt."
    assert len(sentence_spans(text)) == 2


def test_detached_dot_of_a_title_ends_no_sentence() -> None:
    """Text tokenised by another tool ("Dr . Weber") keeps a title with its name; a detached
    dot after a number word or a company suffix still ends the sentence."""
    from lagebild.analyse.tokens import sentence_spans

    text = "Sie besuchten St . Gallen und Dr . Weber . Das kostet 4 Mio . Die Firma zahlt ."
    got = [text[a:b] for a, b in sentence_spans(text)]
    assert got == ["Sie besuchten St . Gallen und Dr . Weber .", "Das kostet 4 Mio .", "Die Firma zahlt ."]


def test_apostrophes_inside_a_word_and_after_a_genitive_s_only() -> None:
    """Inner apostrophes stay (O'Neill, geht's), one after s/x/z is the genitive (Klaus'); a
    quote mark written as apostrophes ('' in wiki text, 'Nein') is split off."""
    assert toks("O'Neill sagt, es geht's nicht, Klaus' Auto.") == [
        "O'Neill", "sagt", ",", "es", "geht's", "nicht", ",", "Klaus'", "Auto", "."]
    assert toks("Die Schule ''Lycée Tocqueville'' und 'Nein' zu Hans''") == [
        "Die", "Schule", "'", "'", "Lycée", "Tocqueville", "'", "'", "und", "'", "Nein", "'", "zu",
        "Hans", "'", "'"]
