"""The quotes component on sentences written for these tests."""
from __future__ import annotations

from dataclasses import replace

import pytest

from lagebild.analyse.quotes import find_quotes_in, quotes_component
from lagebild.analyse.quotes.marks import find_quotes
from lagebild.analyse.quotes.morph import mood
from lagebild.analyse.tokens import tokens_component
from lagebild.model import Analysis, Article, Figure, Mention, Quote


def analyse(text: str, mentions: tuple[Mention, ...] = ()) -> list[Quote]:
    doc = tokens_component(Analysis(article=Article(id="t", text=text)))
    return find_quotes_in(replace(doc, mentions=mentions))


def top(quotes: list[Quote]) -> list[Quote]:
    return [q for q in quotes if not q.nested]


def pieces(text: str, q: Quote) -> list[str]:
    return [text[s:e] for s, e in (q.spans or ((q.start, q.end),))]


# ---------------------------------------------------------------- quotation marks

@pytest.mark.parametrize("text, quoted", [
    ("Sie rief: „Wir bleiben hier.“ Dann ging sie.", "„Wir bleiben hier.“"),
    ("Er schrieb »Das war knapp« in sein Heft.", "»Das war knapp«"),
    ("Sie sagte «Oui» und lachte.", "«Oui»"),
    ('Er sagte "Nie wieder" und ging.', '"Nie wieder"'),
    ("Er sagte „Nie wieder\" und ging.", "„Nie wieder\""),  # „ closed by a straight mark
    ("Er sagte „Nie wieder” und ging.", "„Nie wieder”"),
])
def test_mark_styles(text: str, quoted: str) -> None:
    found = [m for m in find_quotes(text, ((0, len(text)),)) if m.depth == 0]
    assert [text[m.start:m.end] for m in found] == [quoted]


def test_apostrophes_are_not_marks() -> None:
    text = "Wie geht’s? Das ist Cox’ Auto und O’Neills Haus."
    assert find_quotes(text, ((0, len(text)),)) == []


def test_nested_single_marks() -> None:
    text = "„Wir nennen das ‚Aufbruch‘, nicht Krise“, sagte die Ministerin."
    quotes = analyse(text)
    outer = [q for q in quotes if not q.nested]
    inner = [q for q in quotes if q.nested]
    assert [q.text for q in outer] == ["„Wir nennen das ‚Aufbruch‘, nicht Krise“"]
    assert [q.text for q in inner] == ["‚Aufbruch‘"]


def test_unclosed_quote_ends_with_its_paragraph() -> None:
    text = "Der Trainer sagte: „Wir haben verdient gewonnen.\n\nDas Spiel endete zwei zu eins."
    q = top(analyse(text))[0]
    assert q.text == "„Wir haben verdient gewonnen."
    assert q.kind == "direct" and q.speaker is not None and q.speaker.text == "Der Trainer"


def test_quote_over_two_paragraphs() -> None:
    text = "Die Ärztin sagte: „Die Lage ist ernst.\n„Wir brauchen mehr Personal.“\nDanach ging sie."
    q = top(analyse(text))[0]
    assert q.text.startswith("„Die Lage") and q.text.endswith("Personal.“")


def test_stray_closing_mark_continues_the_quote() -> None:
    text = "„Das ist gut.“ und richtig“, sagte der Bürgermeister."
    q = top(analyse(text))[0]
    assert q.kind == "direct" and q.text == "„Das ist gut.“ und richtig“"
    assert q.speaker is not None and q.speaker.text == "der Bürgermeister"


# ---------------------------------------------------------------- direct speech

def test_inverted_direct_quote_with_speaker_after_the_verb() -> None:
    text = "„Wir werden nicht aufgeben. Das verspreche ich“, sagte die Gewerkschaftschefin am Montag."
    [q] = top(analyse(text))
    assert q.kind == "direct" and q.text.startswith("„Wir") and q.text.endswith("ich“")
    assert q.speaker is not None and q.speaker.text == "die Gewerkschaftschefin"
    assert q.cue is not None and q.cue.text == "sagte" and q.medium == "speech"


def test_colon_frame_and_so_frame() -> None:
    text = ("Der Bürgermeister von Neustadt sagte: „Die Brücke bleibt gesperrt.“ "
            "„Sie ist zu alt“, so der Ingenieur.")
    first, second = top(analyse(text))
    assert first.speaker is not None and first.speaker.text == "Der Bürgermeister von Neustadt"
    assert second.text == "„Sie ist zu alt“" and second.speaker is not None
    assert second.speaker.text == "der Ingenieur" and second.cue is not None and second.cue.text == "so"


def test_quote_introduced_by_a_dash() -> None:
    text = "Der Reporter fragte den Trainer nach dem Spiel.\n– Wir waren einfach besser."
    quotes = top(analyse(text))
    assert any(q.text == "Wir waren einfach besser." and q.kind == "direct" for q in quotes)


# ---------------------------------------------------------------- reported speech

def test_dass_clause_and_discontinuous_cue() -> None:
    text = "Die Stadtverwaltung teilte am Dienstag mit, dass das Freibad geschlossen bleibt."
    [q] = top(analyse(text))
    assert q.kind == "indirect" and q.text == "dass das Freibad geschlossen bleibt"
    assert q.speaker is not None and q.speaker.text == "Die Stadtverwaltung"
    assert q.cue is not None and q.cue.text == "teilte mit" and len(q.cue.spans) == 2


def test_verb_second_clause_in_konjunktiv() -> None:
    text = "Ein Sprecher des Landratsamts erklärte, die Straße sei wieder frei."
    [q] = top(analyse(text))
    assert q.text == "die Straße sei wieder frei"
    assert q.speaker is not None and q.speaker.text == "Ein Sprecher des Landratsamts"


def test_laut_attribution_cuts_itself_out() -> None:
    text = "Bisher haben sich laut Veranstalter rund 400 Läufer angemeldet."
    [q] = top(analyse(text))
    assert pieces(text, q) == ["Bisher haben sich", "rund 400 Läufer angemeldet"]
    assert q.speaker is not None and q.speaker.text == "Veranstalter"
    assert q.cue is not None and q.cue.text == "laut"


@pytest.mark.parametrize("text, speaker", [
    ("Nach Angaben der Feuerwehr brannte die Scheune vollständig ab.", "Angaben der Feuerwehr"),
    ("Ersten Schätzungen zufolge entstand ein Schaden von einer Million Euro.", "Ersten Schätzungen"),
    ("Wie die Polizei mitteilte, wurde niemand verletzt.", "die Polizei"),
])
def test_attributions(text: str, speaker: str) -> None:
    [q] = top(analyse(text))
    assert q.kind == "indirect" and q.speaker is not None and q.speaker.text == speaker


def test_mixed_quote_keeps_its_fragment_inside() -> None:
    text = "Die Senatorin sagte, der Plan sei „völlig unrealistisch“ und müsse überarbeitet werden."
    [q] = analyse(text)
    assert q.kind == "mixed" and "„völlig unrealistisch“" in q.text


def test_free_indirect_speech_continues_the_speaker() -> None:
    text = ("Der Bauunternehmer Karl Brenner sagte, die Arbeiten lägen im Zeitplan. "
            "Man rechne mit der Fertigstellung im Herbst. Das Wetter war gut.")
    quotes = top(analyse(text))
    assert len(quotes) == 2
    assert quotes[1].text == "Man rechne mit der Fertigstellung im Herbst."
    assert quotes[1].speaker is not None and quotes[1].speaker.name == "Karl Brenner"


def test_consecutive_konjunktiv_sentences_form_one_passage() -> None:
    text = ("Die Bürgermeisterin Anna Kolb erklärte, der Haushalt sei ausgeglichen. "
            "Neue Schulden seien nicht nötig. Die Grundsteuer bleibe stabil. Danach regnete es.")
    quotes = top(analyse(text))
    assert len(quotes) == 2
    assert quotes[1].text == "Neue Schulden seien nicht nötig. Die Grundsteuer bleibe stabil."
    assert quotes[1].speaker is not None and quotes[1].speaker.name == "Anna Kolb"


def test_sentences_without_speech_give_nothing() -> None:
    text = "Der Zug fuhr um acht Uhr ab. In Köln regnete es den ganzen Tag. Die „Titanic“ sank 1912."
    assert analyse(text) == []


# ---------------------------------------------------------------- speakers

def test_pronoun_resolves_to_the_last_speaker_and_its_entity() -> None:
    text = ("Innenministerin Petra Lang kündigte an, dass die Polizei mehr Stellen bekommt. "
            "„Wir handeln jetzt“, sagte sie.")
    mention = Mention("Petra Lang", text.index("Petra"), text.index("Petra") + 10, "PER",
                      entity_id="per:petra_lang", name="Petra Lang")
    first, second = top(analyse(text, (mention,)))
    assert first.speaker is not None and first.speaker.entity == "per:petra_lang"
    assert second.speaker is not None and second.speaker.text == "sie"
    assert second.speaker.name == "Petra Lang" and second.speaker.entity == "per:petra_lang"


def test_role_noun_resolves_to_the_named_holder() -> None:
    text = ("Verkehrsminister Jan Ostrowski sagte, die Maut komme. "
            "Der Minister betonte, dass es keine Ausnahmen gebe.")
    quotes = top(analyse(text))
    assert quotes[-1].speaker is not None and quotes[-1].speaker.text == "Der Minister"
    assert quotes[-1].speaker.name == "Jan Ostrowski"


def test_anonymous_group_speaker() -> None:
    text = "Analysten erwarten, dass die Zinsen weiter steigen."
    [q] = top(analyse(text))
    assert q.speaker is not None and q.speaker.text == "Analysten" and q.speaker.entity is None


# ---------------------------------------------------------------- morphology, figures

@pytest.mark.parametrize("words, expected", [
    ("die lage sei ernst", "K1"),
    ("es gebe keine pläne", "K1"),
    ("die regierung plane einen neuen anlauf", "K1"),
    ("die neue regierung sagte nichts", ""),
    ("ich habe keine zeit", ""),
    ("sie hätten es gewusst", "K2"),
])
def test_konjunktiv_heuristic(words: str, expected: str) -> None:
    tokens = words.split()
    caps = [w in ("regierung", "lage", "pläne", "zeit", "anlauf") for w in tokens]
    assert mood(tokens, caps) == expected


def test_figures_inside_a_quote_are_claimed_by_its_speaker() -> None:
    text = "Bürgermeisterin Eva Roth sagte, die Stadt spare 40 Millionen Euro."
    mention = Mention("Eva Roth", text.index("Eva"), text.index("Eva") + 8, "PER",
                      entity_id="per:eva_roth", name="Eva Roth")
    start = text.index("40")
    figure = Figure("40 Millionen Euro", start, start + 17, 40e6, unit="Euro")
    doc = tokens_component(Analysis(article=Article(id="t", text=text)))
    doc = quotes_component(replace(doc, mentions=(mention,), figures=(figure,)))
    assert doc.figures[0].claimed_by == "per:eva_roth"


def test_source_noun_speaker_takes_the_name_that_runs_on_past_it() -> None:
    text = "Nach Angaben des Landesamts für Küstenschutz stieg das Wasser um zwei Meter."
    name = "Landesamts für Küstenschutz"
    mention = Mention(name, text.index(name), text.index(name) + len(name), "ORG",
                      "org:landesamt_fuer_kuestenschutz", "Landesamt für Küstenschutz")
    (q,) = top(analyse(text, (mention,)))
    assert q.speaker is not None and q.speaker.entity == "org:landesamt_fuer_kuestenschutz"
    (q,) = top(analyse(text))
    assert q.speaker is not None and q.speaker.entity is None  # no name, no entity
