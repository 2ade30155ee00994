"""Story signals about who and where: a shared place is only the scene unless the matter is shared
too, months apart a title about another person is another story, a follow-up months on shares a
specific matter word (not an everyday verb), and a derivation is no compound."""
from __future__ import annotations

from lagebild.link.cluster import STORY_SIM, TOPIC_DAYS, Event, decide, similarity
from lagebild.link.features import Rep, matter, norm, other_protagonists, profile, shared_names
from lagebild.link.lexicon import compound_parts, derived_from_verb, split_compound
from lagebild.model import Analysis, Article, Entity, Mention


def _event(rep: Rep) -> Event:
    return Event("e", "s", 0, 0, 1, rep, norm(rep.words), norm(rep.ents))


def test_a_derivation_is_not_split_into_a_compound() -> None:
    assert derived_from_verb("begründung") and derived_from_verb("verhandlung")
    assert split_compound("begründung") is None  # no "begrün|dung"
    assert split_compound("fortsetzung") is None  # no "fort|setzung" (of fortsetzen)
    assert split_compound("mannschaft") is None  # a suffix is no head
    assert compound_parts("Gesellschaft") == ()
    assert split_compound("weltmeisterschaft") == ("welt", "meisterschaft")  # a longer head is
    assert split_compound("laufzeitverlängerung") == ("laufzeit", "verlängerung")  # no verb laufzeitverlängern
    assert set(compound_parts("Koalitionsverhandlungen")) >= {"koalition", "verhandlung"}


def _doc(title: str, text: str, names: dict[str, str]) -> Analysis:
    ents = []
    for name, eid in sorted(names.items()):
        at = text.find(name)
        ents.append(Entity(eid, name, eid.split(":")[0].upper(),
                           (Mention(name, at, at + len(name), eid.split(":")[0].upper(), eid, name),)))
    return Analysis(article=Article(id="x", title=title, text=text), entities=tuple(ents))


def test_the_profile_knows_which_names_are_places_and_which_persons() -> None:
    doc = _doc("Ada Korr tritt in Velmstadt zurück",
               "Die Bürgermeisterin Ada Korr ist in Velmstadt zurückgetreten, teilte die Velmer Partei mit.",
               {"Ada Korr": "per:ada_korr", "Velmstadt": "gpe:velmstadt", "Velmer Partei": "org:velmer_partei"})
    p = profile(doc)
    assert p.places == {"#velmstadt"} and p.persons == {"#ada_korr"}
    assert "#ada_korr" in p.title


def _rep(words: dict[str, float], ents: set[str], places: set[str], title: set[str] = frozenset(),  # type: ignore[assignment]
         persons: set[str] = frozenset(), lead: set[str] = frozenset()) -> Rep:  # type: ignore[assignment]
    return Rep(words, dict.fromkeys(sorted(ents), 0.6), dict.fromkeys(sorted(title), 1),
               dict.fromkeys(sorted(title | lead), 1), dict.fromkeys(sorted(places), 1),
               dict.fromkeys(sorted(persons), 1))


def test_shared_places_are_only_the_scene_when_nothing_else_is_shared() -> None:
    dfs: dict[str, float] = {}
    fire = _rep({"brand": 0.8, "lagerhalle": 0.6}, {"#velmstadt", "#korrland"}, {"#velmstadt", "#korrland"})
    concert = _rep({"konzert": 0.8, "orchester": 0.6}, {"#velmstadt", "#korrland"}, {"#velmstadt", "#korrland"})
    fire_again = _rep({"brand": 0.7, "ermittlung": 0.7}, {"#velmstadt", "#korrland"}, {"#velmstadt", "#korrland"})
    assert shared_names(fire, concert, dfs, 500, setting=True) == 1.0  # two places, half each
    assert shared_names(fire, fire_again, dfs, 500) == 2.0
    assert similarity(fire, _event(concert), dfs, 500) < similarity(fire, _event(fire_again), dfs, 500)
    # a person taking part is more than the scene: the places count fully beside it
    mayor = _rep({"konzert": 0.8}, {"#velmstadt", "#korrland", "#ada_korr"}, {"#velmstadt", "#korrland"})
    speech = _rep({"rede": 0.8}, {"#velmstadt", "#korrland", "#ada_korr"}, {"#velmstadt", "#korrland"})
    assert shared_names(mayor, speech, dfs, 500, setting=True) == 3.0


def test_months_apart_a_title_about_another_person_is_another_story() -> None:
    dfs = {"#velmer_partei": 40.0}
    words = {"plagiat": 0.6, "doktorarbeit": 0.6, "universitaet": 0.5}
    other_words = {"plagiat": 0.4, "kommission": 0.6, "ruecktritt": 0.6}
    first = _rep(words, {"#ada_korr", "#velmer_partei"}, set(), {"#ada_korr", "plagiat"}, {"#ada_korr"})
    both = {"#ada_korr", "#bo_lenz"}
    # the second case names the first in its lead; a follow-up of the first names her in its title
    second = _rep(other_words, both | {"#velmer_partei"}, set(), {"#bo_lenz", "plagiat"}, both, both)
    same = _rep(other_words, both | {"#velmer_partei"}, set(), {"#ada_korr", "plagiat"}, both, both)
    assert other_protagonists(first, second) and not other_protagonists(first, same)
    assert not other_protagonists(first, _rep(words, set(), set(), {"plagiat"}))  # a title without a person
    later = TOPIC_DAYS + 60
    assert similarity(first, _event(same), dfs, 500) == similarity(first, _event(second), dfs, 500)
    assert decide(first, later, [_event(same)], dfs, 500)[1] is not None
    assert decide(first, later, [_event(second)], dfs, 500)[1] is None
    assert decide(first, 10, [_event(second)], dfs, 500)[1] is not None  # days apart it is the same affair


def test_months_apart_an_everyday_verb_is_no_shared_matter() -> None:
    dfs = {"setzen": 200.0, "streik": 5.0}
    strike = _rep({"streik": 0.8, "setzen": 0.6}, {"#vvg"}, set(), {"#vvg"})
    foil = _rep({"folie": 0.8, "setzen": 0.6}, {"#vvg"}, set(), {"#vvg"})
    assert matter(strike, foil, norm(foil.words)) > 0.3  # as words, "setzen" is shared
    assert matter(strike, foil, norm(foil.words), dfs, 500) == 0.0  # but it is no specific matter
    assert similarity(strike, _event(foil), dfs, 500) > STORY_SIM
    assert decide(strike, TOPIC_DAYS + 1, [_event(foil)], dfs, 500)[1] is None
