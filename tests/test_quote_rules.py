"""Clause rules of the quote finder, on German sentences written for these tests."""
from __future__ import annotations

from dataclasses import replace

from lagebild.analyse.quotes import find_quotes_in
from lagebild.analyse.tokens import tokens_component
from lagebild.model import Analysis, Article, Mention, Quote


def analyse(text: str, mentions: tuple[Mention, ...] = ()) -> list[Quote]:
    doc = tokens_component(Analysis(article=Article(id="t", text=text)))
    return [q for q in find_quotes_in(replace(doc, mentions=mentions)) if not q.nested]


def test_adverb_damit_opens_reported_content() -> None:
    quotes = analyse("Die Ministerin erklärte hingegen, damit solle der Streit beendet werden.")
    assert [q.text for q in quotes] == ["damit solle der Streit beendet werden"]
    assert quotes[0].speaker is not None and quotes[0].speaker.text == "Die Ministerin"


def test_speech_verb_in_a_subordinate_clause_does_not_quote_the_main_clause() -> None:
    text = "Obwohl die Firma jede Absprache bestreitet, hat sie ihre Preise erhöht."
    assert analyse(text) == []


def test_subordinate_speech_verb_keeps_its_own_content() -> None:
    quotes = analyse("Nachdem der Trainer erklärt hatte, er höre auf, jubelten die Fans.")
    assert quotes and quotes[0].text.startswith("er höre auf")


def test_konjunktiv_sentence_with_its_own_subject_reports_that_subject() -> None:
    text = ("Der Bürgermeister lobte die Feuerwehr. "
            "Der Verband wies den Vorwurf zurück, da er jeder Grundlage entbehre.")
    quotes = analyse(text)
    own = [q for q in quotes if "Grundlage" in q.text]
    assert own and own[0].speaker is not None and own[0].speaker.text == "Der Verband"


def test_attribution_clause_ends_before_a_following_frame() -> None:
    text = ("Laut einem Sprecher könnte der Zug „in den nächsten Tagen“ fahren, während die "
            "Zeitung berichtete, dass die Strecke gesperrt bleibe.")
    quotes = analyse(text)
    assert [q.cue.text if q.cue else None for q in quotes] == ["Laut", "berichtete"]
    assert quotes[0].text.endswith("fahren")


def test_claim_object_is_the_speaker_of_its_clause() -> None:
    text = "Der Verein hat Berichte der Lokalzeitung zurückgewiesen, wonach der Trainer gehe."
    quotes = analyse(text)
    assert quotes[0].speaker is not None and quotes[0].speaker.text == "Berichte der Lokalzeitung"
    text = "Der Verein hat die Entscheidung begrüßt, dass der Trainer bleibe."
    quotes = analyse(text)
    assert quotes[0].speaker is not None and quotes[0].speaker.text == "Der Verein"


def test_dies_sentence_takes_the_speaker_after_the_verb() -> None:
    text = "Der Zoo bekommt einen neuen Elefanten. Dies gab die Stadt am Montag bekannt."
    quotes = analyse(text)
    assert len(quotes) == 1 and quotes[0].speaker is not None
    assert quotes[0].speaker.text == "die Stadt"
    assert quotes[0].text.startswith("Der Zoo bekommt")


def test_parenthetical_report_note_is_no_quote() -> None:
    quotes = analyse("Im April gab es erste Verletzte (Wikinews berichtete). Der Minister sagte, "
                     "es gebe Hoffnung.")
    assert [q.text for q in quotes] == ["es gebe Hoffnung"]


def test_fordern_with_a_counted_toll_is_no_demand() -> None:
    assert analyse("Der Sturm hat mindestens zwölf Todesopfer gefordert.") == []
    quotes = analyse("Die Familien der Opfer forderten eine Untersuchung.")
    assert len(quotes) == 1 and quotes[0].speaker is not None


def _mention(text: str, name: str, kind: str, eid: str) -> Mention:
    return Mention(text=name, start=text.index(name), end=text.index(name) + len(name), type=kind,
                   entity_id=eid, name=name)


def test_adjective_mention_is_not_the_speakers_name() -> None:
    text = "Die russische Zeitung Wedomosti berichtete, dass die Reise bald stattfinde."
    mentions = (Mention(text="russische", start=4, end=13, type="GPE", entity_id="gpe:ru", name="Russland"),
                _mention(text, "Wedomosti", "ORG", "org:wedomosti"))
    quotes = analyse(text, mentions)
    assert quotes[0].speaker is not None and quotes[0].speaker.name == "Wedomosti"


def test_source_noun_genitive_resolves_to_the_earlier_role_holder() -> None:
    text = ("Der Vize-Außenminister Tom Berger sagte, die Lage sei ernst. Nach Angaben des "
            "stellvertretenden Außenministers vereinbarten beide Länder eine Zusammenarbeit.")
    quotes = analyse(text, (_mention(text, "Tom Berger", "PER", "per:berger"),))
    assert quotes[-1].speaker is not None and quotes[-1].speaker.name == "Tom Berger"


def test_trailing_so_names_the_source_of_an_agentless_frame() -> None:
    text = "Es wurde festgestellt, dass die Brücke marode sei, so Ingenieure aus Bonn und Köln."
    quotes = analyse(text)
    assert len(quotes) == 1 and quotes[0].text == "dass die Brücke marode sei"
    assert quotes[0].speaker is not None and quotes[0].speaker.text.startswith("Ingenieure")


def test_attribution_quotes_only_its_clause() -> None:
    text = "Die Veranstalter zählten 2.000 Gäste; nach Polizeiangaben waren es zirka 1.000."
    assert [q.text for q in analyse(text)] == ["waren es zirka 1.000"]
    text = "Ziel ist der Sturz der Regierung, die ihrer Meinung nach zu Unrecht regiert."
    quotes = analyse(text)
    assert [q.text for q in quotes] == ["die zu Unrecht regiert"]
    assert quotes[0].speaker is not None and quotes[0].speaker.text == "ihrer Meinung"


def test_nach_with_a_relative_pronoun_after_a_source_noun() -> None:
    quotes = analyse("Es gibt Gerüchte, nach denen der Sänger krank sei.")
    assert [q.text for q in quotes] == ["der Sänger krank sei"]
    assert analyse("Das Werk brannte im Mai, nach dem es lange stillstand.") == []


def test_web_address_is_a_source() -> None:
    quotes = analyse("Laut tagesschau.de blieben einige Demonstranten auf dem Platz.")
    assert quotes and quotes[0].speaker is not None and quotes[0].speaker.text == "tagesschau.de"


def test_more_source_nouns_after_nach() -> None:
    quotes = analyse("Nach bisherigen Ermittlungen war der Fahrer zu schnell.")
    assert [q.text for q in quotes] == ["war der Fahrer zu schnell"]
    quotes = analyse("Dem Vernehmen nach soll der Trainer bleiben.")
    assert quotes and quotes[0].speaker is not None and quotes[0].speaker.text == "Dem Vernehmen"


def test_agentless_frame_takes_its_source_phrase() -> None:
    quotes = analyse("Im Bericht der Kommission wurde festgestellt, dass keines der Stadien ausreiche.")
    assert quotes and quotes[0].speaker is not None
    assert quotes[0].speaker.text == "Bericht der Kommission"


def test_quotation_joined_by_und_goes_on_quoting_the_speaker() -> None:
    text = ("Die Sprecherin fügte hinzu: „Jeder Transfer wäre ein Verstoß“, und die Stadt "
            "„wird nicht zögern, die Halle zu schließen“.")
    quotes = analyse(text)
    assert len(quotes) == 2
    assert quotes[1].text == "„wird nicht zögern, die Halle zu schließen“"
    assert quotes[1].speaker is not None and quotes[1].speaker.text == "Die Sprecherin"


def test_relative_pronoun_speaker_is_resolved_to_its_antecedent() -> None:
    text = "Er traf die Anwältin Eva Roth, die angab, dass ihre Mandantin Angst hatte."
    quotes = analyse(text, (_mention(text, "Eva Roth", "PER", "per:roth"),))
    assert quotes and quotes[0].speaker is not None
    assert quotes[0].speaker.text == "die" and quotes[0].speaker.name == "Eva Roth"


def test_attributive_participle_is_no_speech_verb() -> None:
    assert analyse("Neben den bereits erwähnten Politikern reisten auch Unternehmer an.") == []
    quotes = analyse("Der Zoo bekommt einen Elefanten. Dies teilte der Direktor mit.")
    assert quotes and quotes[0].speaker is not None and quotes[0].speaker.text == "der Direktor"


def test_confirming_a_thing_is_no_reported_speech() -> None:
    assert analyse("Der Arzt bestätigte die Diagnose.") == []
    quotes = analyse("Der Arzt bestätigte, dass die Diagnose stimme.")
    assert [q.text for q in quotes] == ["dass die Diagnose stimme"]


def test_attribution_in_a_second_clause_quotes_that_clause() -> None:
    text = "Die Mutter soll einiges gesehen haben, diese Taten seien aber laut der Anklägerin verjährt."
    assert [q.text for q in analyse(text)] == ["Die Mutter soll einiges gesehen haben",
                                              "diese Taten seien aber verjährt"]
    text = "Der Mann soll die Tür geöffnet haben und laut Zeugen auch versucht haben, zu fliehen."
    assert "auch versucht haben, zu fliehen" in [q.text for q in analyse(text)]
    text = "Die Stöße waren Berichten der Sender ARD und BBC zufolge bis Köln zu spüren."
    assert [q.text for q in analyse(text)] == ["Die Stöße waren bis Köln zu spüren"]


def test_age_noun_is_a_speaker() -> None:
    quotes = analyse("Der 81-jährige sagte, dass die Maus sofort tot gewesen sei.")
    assert quotes and quotes[0].speaker is not None and quotes[0].speaker.text == "Der 81-jährige"


def test_heisst_es_aus_names_the_source() -> None:
    quotes = analyse("Aus Regierungskreisen hieß es, dass die Reform verschoben werde.")
    assert quotes and quotes[0].speaker is not None and "Regierungskreisen" in quotes[0].speaker.text


def test_indicative_continuation_after_a_speech_verb_is_no_content() -> None:
    text = "Der Pilot meldete einen Defekt, so dass ein Großalarm ausgelöst wurde."
    assert all("Großalarm" not in q.text for q in analyse(text))
    quotes = analyse("Der Sprecher sagte, vermutlich seien zwei Täter beteiligt.")
    assert [q.text for q in quotes] == ["vermutlich seien zwei Täter beteiligt"]


def test_zu_infinitive_at_the_end_of_the_sentence() -> None:
    quotes = analyse("Die Bahn beschloss, die Beleuchtung zu reduzieren.")
    assert [q.text for q in quotes] == ["die Beleuchtung zu reduzieren"]
    quotes = analyse("Er lobte die Ankündigung des Trainers, die Saison zu beenden.")
    assert [q.text for q in quotes] == ["die Saison zu beenden"]


def test_phrasal_speech_acts() -> None:
    quotes = analyse("Beide Regierungen legten Wert darauf, dass auch andere Länder helfen.")
    assert [q.text for q in quotes] == ["dass auch andere Länder helfen"]
    quotes = analyse("Der Betriebsrat und die Firma haben sich geeinigt, weniger Stellen zu streichen.")
    assert [q.text for q in quotes] == ["weniger Stellen zu streichen"]
    quotes = analyse("Die Partei fasste am Montag den Beschluss, Gespräche zu führen.")
    assert [q.text for q in quotes] == ["Gespräche zu führen"]


def test_es_as_object_before_the_subject() -> None:
    quotes = analyse("Nun bezeichnet es der Minister als Fehler, dass die Stadt gewartet habe.")
    assert quotes and quotes[0].speaker is not None and quotes[0].speaker.text == "der Minister"


def test_possessive_source_resolves_like_a_pronoun() -> None:
    text = "Der Präsident Hugo Chávez kritisierte das Abkommen. Es werde seiner Meinung nach scheitern."
    quotes = analyse(text, (_mention(text, "Hugo Chávez", "PER", "per:chavez"),))
    own = [q for q in quotes if q.cue is not None and q.cue.text == "nach"]
    assert own and own[0].speaker is not None and own[0].speaker.name == "Hugo Chávez"


def test_pronoun_agrees_with_the_given_name() -> None:
    text = "Olaf Berger traf Anna Roth. Er sagte, die Lage sei ernst. Sie sagte, es gebe Hoffnung."
    mentions = (_mention(text, "Olaf Berger", "PER", "per:berger"), _mention(text, "Anna Roth", "PER", "per:roth"))
    quotes = analyse(text, mentions)
    assert [q.speaker.name if q.speaker else None for q in quotes] == ["Olaf Berger", "Anna Roth"]


def test_party_in_parentheses_stays_with_the_speaker() -> None:
    quotes = analyse("Laut Anna Roth (SPD) ist der Plan gescheitert.")
    assert quotes and quotes[0].speaker is not None and quotes[0].speaker.text == "Anna Roth (SPD)"


def test_participle_adverb_opening_the_sentence_is_no_subject() -> None:
    quotes = analyse("Ergänzend fügt der Minister hinzu: „Wir bleiben dran.“")
    assert quotes and quotes[0].speaker is not None and quotes[0].speaker.text == "der Minister"


def test_a_pledge_with_an_object_is_reported_speech_a_threatened_action_is_not() -> None:
    quotes = analyse("Die Ministerin sagte den Opfern weitere Hilfe zu.")
    assert len(quotes) == 1 and quotes[0].speaker is not None
    assert quotes[0].speaker.text == "Die Ministerin"
    assert analyse("Die Behörde drohte dem Verein hohe Strafen an.") == []
    quotes = analyse("Die Behörde drohte an, dem Verein die Lizenz zu entziehen.")
    assert [q.text for q in quotes] == ["dem Verein die Lizenz zu entziehen"]


def test_hearsay_conjunct_before_an_attribution_is_quoted_too() -> None:
    text = "Der Mann soll die Tür geöffnet haben und laut Zeugen auch versucht haben, zu fliehen."
    assert [q.text for q in analyse(text)] == ["Der Mann soll die Tür geöffnet haben",
                                              "auch versucht haben, zu fliehen"]


def test_a_promised_action_is_not_reported_speech() -> None:
    assert analyse("Der Landrat versprach den Bauern rasche Entschädigungen.") == []
    quotes = analyse("Der Landrat versprach, die Straße bis Mai zu reparieren.")
    assert [q.text for q in quotes] == ["die Straße bis Mai zu reparieren"]


def test_a_bare_claim_noun_rejected_is_not_the_speaker() -> None:
    quotes = analyse("Der Konzern hat mehrfach Behauptungen zurückgewiesen, dass er Löhne kürze.")
    assert [q.text for q in quotes] == ["dass er Löhne kürze"]
    assert quotes[0].speaker is not None and quotes[0].speaker.text == "Der Konzern"


def test_a_claim_noun_with_its_source_names_the_speaker() -> None:
    quotes = analyse("Der Konzern wies Berichte der Lokalzeitung zurück, er kürze die Löhne.")
    assert quotes and quotes[0].speaker is not None
    assert quotes[0].speaker.text == "Berichte der Lokalzeitung"


def test_a_caption_glued_to_the_next_sentence_is_a_seam() -> None:
    text = "Bürgermeisterin Clara Weidner Sie lobte den Verein und forderte mehr Geld für Sportplätze."
    quotes = analyse(text)
    assert quotes and all("Weidner" not in q.text for q in quotes)
    assert quotes[0].speaker is not None and quotes[0].speaker.text == "Sie"


def test_a_form_of_address_inside_a_quotation_is_no_seam() -> None:
    quotes = analyse("Der Abgeordnete rief: „Frau Ministerin Sie irren sich gewaltig.“")
    assert [q.text for q in quotes] == ["„Frau Ministerin Sie irren sich gewaltig.“"]


def test_an_adjective_after_an_article_is_no_konjunktiv() -> None:
    from lagebild.analyse.quotes.morph import mood
    words = ["die", "Gäste", "besuchten", "das", "zentrale", "Rathaus"]
    assert mood(words, [w[0].isupper() for w in words]) == ""
    words = ["das", "erkläre", "sich", "von", "selbst"]
    assert mood(words, [False] * len(words)) == "K1"


def test_a_clause_fills_the_object_so_the_prefield_is_the_subject() -> None:
    quotes = analyse("Der Westen warf Schneider vor, die Kasse geplündert zu haben.")
    assert quotes and quotes[0].speaker is not None and quotes[0].speaker.text == "Der Westen"
    quotes = analyse("Die Äußerungen bezeichnete Schneider als unsinnig.")
    assert quotes and quotes[0].speaker is not None and quotes[0].speaker.text == "Schneider"


def test_an_apposition_after_the_verb_is_no_clause_that_fills_the_object() -> None:
    quotes = analyse("Die Mönche beschrieb die Agentur unter Berufung auf den Chef, Li Wen, als „aggressiv“.")
    assert quotes and quotes[0].speaker is not None and quotes[0].speaker.text == "die Agentur"


def test_laut_with_an_extended_participle_attribute() -> None:
    quotes = analyse("Laut einer am Dienstag veröffentlichten Mitteilung der Stadt wurden 300 Menschen versorgt.")
    assert [q.text for q in quotes] == ["wurden 300 Menschen versorgt"]
    assert quotes[0].speaker is not None
    assert quotes[0].speaker.text == "einer am Dienstag veröffentlichten Mitteilung der Stadt"


def test_demonstrative_das_with_konjunktiv_opens_reported_content() -> None:
    quotes = analyse("Die Ärztin sagte, das sei ein Fehler gewesen.")
    assert [q.text for q in quotes] == ["das sei ein Fehler gewesen"]


def test_apposition_with_a_prepositional_phrase_is_part_of_the_speaker() -> None:
    quotes = analyse("„Das ist falsch“, sagte Ursula Berg, die Leiterin der Beratungsstelle für Mieter.")
    assert [q.text for q in quotes] == ["„Das ist falsch“"]
    assert quotes[0].speaker is not None
    assert quotes[0].speaker.text == "Ursula Berg, die Leiterin der Beratungsstelle für Mieter"


def test_relative_clause_after_the_speaker_is_left_out() -> None:
    quotes = analyse("Der Verband, der die Klage eingereicht hatte, erklärte, man prüfe weitere Schritte.")
    assert quotes and quotes[0].speaker is not None and quotes[0].speaker.text == "Der Verband"
    quotes = analyse("Jonas Weber, der Sprecher des Verbands, erklärte, man prüfe weitere Schritte.")
    assert quotes and quotes[0].speaker is not None
    assert quotes[0].speaker.text == "Jonas Weber, der Sprecher des Verbands"
