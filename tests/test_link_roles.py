"""Who is in a story is not its matter: a role noun the recogniser took for a name is the person
beside it, a role shared over months is no matter word, a currency names no country, and a
story ends when months pass without a report."""
from __future__ import annotations

from lagebild.link.cluster import LATE_DAYS, Event, decide
from lagebild.link.features import Rep, _entity_ids, aliases, matter, norm, profile
from lagebild.link.lexicon import compound_parts
from lagebild.model import Analysis, Article, Entity, Mention


def _doc(text: str, *ents: tuple[str, str, str]) -> Analysis:
    """An analysis of ``text`` with entities (id, type, mention text), one mention each where it first occurs."""
    entities = []
    for eid, typ, mention in ents:
        start = text.index(mention)
        entities.append(Entity(id=eid, name=mention, type=typ,
                               mentions=(Mention(text=mention, start=start, end=start + len(mention), type=typ),)))
    return Analysis(article=Article(id="a", title="", text=text), entities=tuple(entities))


def test_a_role_taken_for_a_name_before_a_person_is_that_person() -> None:
    text = "Die Generalsekretärin Mara Olsvik lobte den Plan der Küstenwache."
    doc = _doc(text, ("org:generalsekretaerin", "ORG", "Generalsekretärin"), ("per:mara_olsvik", "PER", "Mara Olsvik"),
               ("org:kuestenwache", "ORG", "Küstenwache"))
    assert aliases(doc, _entity_ids(doc)) == {"org:generalsekretaerin": "per:mara_olsvik"}
    counts = profile(doc).counts
    assert "#generalsekretaerin" not in counts and "#mara_olsvik" in counts
    assert "#kuestenwache" in counts  # a name that is no role stays itself


def test_a_role_with_no_person_beside_it_stays_an_entity() -> None:
    text = "Die Generalsekretärin lobte den Plan."
    doc = _doc(text, ("org:generalsekretaerin", "ORG", "Generalsekretärin"))
    assert aliases(doc, _entity_ids(doc)) == {}


def test_a_shared_role_noun_is_no_matter_word() -> None:
    visit = Rep({"bundespräsident": 0.8, "schulbesuch": 0.6}, {}, {}, {})
    speech = Rep({"bundespräsident": 0.8, "rede": 0.6}, {}, {}, {})
    again = Rep({"schulbesuch": 0.8, "rede": 0.6}, {}, {}, {})
    assert matter(visit, speech, norm(speech.words)) == 0.0
    assert matter(visit, again, norm(again.words)) > 0.4


def test_a_currency_names_no_country() -> None:
    assert "@USA" not in compound_parts("US-Dollar")
    assert "dollar" in compound_parts("US-Dollar")
    assert "@EU" in compound_parts("EU-Gipfel")  # a summit of the EU is about the EU


def test_after_a_long_silence_only_a_strong_follow_up_continues_a_story() -> None:
    trial = Rep({"prozess": 0.6, "urteil": 0.6, "betrug": 0.53}, {"#per:ilka_brandt": 0.8, "#gpe:velmstadt": 0.6},
                {"#per:ilka_brandt": 1, "prozess": 1}, {"#per:ilka_brandt": 1, "prozess": 1},
                {"#gpe:velmstadt": 1}, {"#per:ilka_brandt": 1})
    appeal = Rep({"berufung": 0.8, "betrug": 0.6}, {"#per:ilka_brandt": 0.8, "#org:landgericht": 0.6},
                 {"berufung": 1, "#per:ilka_brandt": 1}, {"berufung": 1, "#per:ilka_brandt": 1}, {},
                 {"#per:ilka_brandt": 1})
    event = Event("e", "s", 0, 0, 1, trial, norm(trial.words), norm(trial.ents))
    assert decide(appeal, LATE_DAYS - 10, [event], {}, 500)[1] is not None
    assert decide(appeal, LATE_DAYS + 10, [event], {}, 500)[1] is None
    assert decide(trial, LATE_DAYS + 10, [event], {}, 500)[1] is not None  # sharing much, it goes on
