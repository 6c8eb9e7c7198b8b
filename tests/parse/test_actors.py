"""Actors and mentions: the bundled article pinned, and texts the kit has never seen."""

from __future__ import annotations

import pytest

import kit
from kit.parse import structure
from kit.parse.actors import find_actors
from kit.parse.article import bundled_article_text
from kit.parse.gazetteer import gazetteer
from kit.parse.people import snake_id
from kit.records import ACTOR_KINDS


def run(text: str):
    paras = structure.split_paragraphs(text)
    sentences = structure.split_sentences(text, paras)
    credits = structure.parse_credits(text, paras)
    actors, mentions = find_actors(text, paras, sentences, credits)
    return {a.id: a for a in actors}, [(m.actor, text[m.start : m.end]) for m in mentions], actors, mentions


@pytest.fixture(scope="module")
def art():
    text = bundled_article_text()
    return run(text) + (text,)


# ---- the bundled article -------------------------------------------------

PEOPLE = {
    "john_kerry": ("John Kerry", "Secretary of State", None),
    "chuck_hagel": ("Chuck Hagel", "Defense Secretary", None),
    "david_cameron": ("David Cameron", "Prime Minister", "united_kingdom"),
    "francois_hollande": ("Francois Hollande", "President", "france"),
    "philip_hammond": ("Philip Hammond", "Foreign Secretary", "united_kingdom"),
    "frank_walter_steinmeier": ("Frank-Walter Steinmeier", "Foreign Minister", "germany"),
}


def test_people_with_role_and_country(art):
    by_id, *_ = art
    people = {i: (a.name, a.role, a.country) for i, a in by_id.items() if a.kind == "person"}
    assert people == PEOPLE


def test_surnames_resolve(art):
    _, pairs, *_ = art
    kerry = [s for a, s in pairs if a == "john_kerry"]
    assert kerry == ["John Kerry"] + ["Kerry"] * 5
    assert [s for a, s in pairs if a == "chuck_hagel"] == ["Chuck Hagel"] + ["Hagel"] * 3


@pytest.mark.parametrize(
    "surface, actor",
    [
        ("Washington", "united_states"),
        ("London", "united_kingdom"),
        ("British", "united_kingdom"),
        ("the Iraqis", "iraq"),
        ("U.S.", "united_states"),
        ("United States", "united_states"),
        ("Europe", "europeans"),
        ("The Europeans", "europeans"),
        ("Western", "the_west"),
        ("U.N.", "un"),
        ("NATO", "nato"),
    ],
)
def test_names_demonyms_metonyms(art, surface, actor):
    _, pairs, *_ = art
    assert (actor, surface) in pairs


def test_the_west_is_a_side_not_a_place_or_its_people(art):
    """ "in the West" (¶2) is a place and "westerners fighting for IS" (¶3) are IS recruits:
    neither mentions the West as an actor; "one Western defense official" (¶14) says whose side he is on."""
    _, pairs, _, mentions, text = art
    assert [s for a, s in pairs if a == "the_west"] == ["Western"]
    west = next(m for m in mentions if m.actor == "the_west")
    assert text[west.start - 4 : west.end + 17] == "one Western defense official"
    assert "including in the West" in text and "westerners fighting for IS" in text
    for place in ("Volunteers came from the West.", "In the West, people worry.", "Westerners fighting for IS left."):
        assert run(place)[1] == [] or all(a != "the_west" for a, _ in run(place)[1]), place
    assert run("The West must act.")[1] == [("the_west", "The West")]  # the political collective still is one


def test_islamic_state_aliases_and_never_the_verb(art):
    by_id, pairs, _, mentions, text = art
    assert set(by_id["islamic_state"].aliases) == {"Islamic State", "IS", "ISIL"}
    assert by_id["islamic_state"].kind == "group"
    assert not any(s.lower() == "is" and s != "IS" for _, s in pairs)
    assert text.count(" is ") > 0 and all(text[m.start : m.end] != "is" for m in mentions)
    assert sum(1 for a, _ in pairs if a == "islamic_state") == 10


def test_anonymous_sources(art):
    by_id, pairs, *_ = art
    anon = {i: a.country for i, a in by_id.items() if a.kind == "anonymous"}
    assert anon == {
        "anon_british_official": "united_kingdom",
        "anon_european_officials": "europeans",
        "anon_western_defense_official": "the_west",
        "anon_us_and_european_security_officials": None,
        "anon_british_and_german_ministers": None,
    }
    spans = [s for a, s in pairs if a == "anon_western_defense_official"]
    assert spans == ["one Western defense official familiar with the talks between the allied leaders"]
    assert ("anon_british_official", "A British official") in pairs


def test_demonyms_inside_anonymous_descriptions_still_mention(art):
    _, _, _, mentions, text = art
    anon = next(m for m in mentions if m.actor == "anon_western_defense_official")
    inside = [m.actor for m in mentions if anon.start <= m.start and m.end <= anon.end and m is not anon]
    assert inside == ["the_west"]


def test_mentions_overlap_only_inside_anonymous(art):
    _, _, actors, mentions, _ = art
    kinds = {a.id: a.kind for a in actors}
    plain = [m for m in mentions if kinds[m.actor] != "anonymous"]
    for a, b in zip(plain, plain[1:]):
        assert a.end <= b.start, (a, b)
    assert list(mentions) == sorted(mentions, key=lambda m: (m.start, m.end, m.actor))


def test_no_credits_journalist_is_an_actor(art):
    by_id, _, _, mentions, text = art
    credits = kit.load_article().credits
    assert credits.names()  # the credits were parsed
    names = {n for a in by_id.values() for n in (a.name, *a.aliases)}
    for journalist in credits.names():
        assert snake_id(journalist) not in by_id
        assert journalist not in names
    credits_start = text.index("By Phil Stewart")
    assert all(m.start < credits_start for m in mentions)


def test_every_mention_text_is_an_alias(art):
    by_id, pairs, actors, *_ = art
    for actor, surface in pairs:
        assert surface in by_id[actor].aliases
    assert all(a.kind in ACTOR_KINDS for a in actors)
    assert all(a.aliases[0] == a.name for a in actors)


def test_actors_in_order_of_first_mention(art):
    _, _, actors, mentions, _ = art
    first = {}
    for m in mentions:
        first.setdefault(m.actor, m.start)
    assert [a.id for a in actors] == sorted(first, key=lambda i: first[i])
    assert [a.id for a in actors][:3] == ["john_kerry", "chuck_hagel", "iraq"]


def test_parse_uses_find_actors():
    art = kit.load_article()
    assert art.actor("john_kerry").role == "Secretary of State"
    assert "New York" not in {art.span(m.start, m.end) for m in art.mentions}


# ---- texts the kit has never seen ----------------------------------------


def test_other_states_titles_and_metonyms():
    by_id, pairs, *_ = run(
        "Russian President Vladimir Putin met Chinese leader Xi Jinping in Beijing. "
        "Putin said Moscow would not back down. The Kremlin declined to comment."
    )
    assert (by_id["vladimir_putin"].role, by_id["vladimir_putin"].country) == ("President", "russia")
    assert by_id["xi_jinping"].country == "china"
    assert ("vladimir_putin", "Putin") in pairs
    assert ("russia", "Moscow") in pairs and ("russia", "Kremlin") in pairs
    assert ("china", "Beijing") not in pairs  # "in Beijing" is a place, not a metonym


def test_apposition_and_organisation_prefix():
    by_id, pairs, *_ = run(
        "Jens Stoltenberg, NATO's secretary-general, said the alliance would act. "
        "John Kirby, a spokesman for the Pentagon, said so. Stoltenberg agreed."
    )
    assert (by_id["jens_stoltenberg"].role, by_id["jens_stoltenberg"].country) == ("Secretary-General", "nato")
    assert (by_id["john_kirby"].role, by_id["john_kirby"].country) == ("Spokesman", "united_states")
    assert ("jens_stoltenberg", "Stoltenberg") in pairs
    assert not any(a.startswith("anon_") for a in by_id)  # "a spokesman for" is Kirby's apposition


def test_particles_abbreviations_and_surname_variants():
    by_id, pairs, *_ = run(
        "Iraqi Prime Minister Haider al-Abadi asked Gen. Martin Dempsey for help. Abadi waited; Dempsey declined."
    )
    assert by_id["haider_al_abadi"].country == "iraq"
    assert by_id["martin_dempsey"].role == "General"
    assert ("haider_al_abadi", "Abadi") in pairs and ("martin_dempsey", "Dempsey") in pairs


def test_anonymous_sources_in_new_text():
    by_id, pairs, *_ = run(
        "A senior U.S. official, who asked not to be named, said Washington agreed. "
        "Two European diplomats familiar with the matter said Paris disagreed. "
        "Officials said Turkish officials met Iranian ministers, but ministers from ten nations stayed away."
    )
    assert by_id["anon_senior_us_official"].country == "united_states"
    assert ("anon_senior_us_official", "A senior U.S. official") in pairs
    assert ("anon_european_diplomats", "Two European diplomats familiar with the matter") in pairs
    assert by_id["anon_turkish_officials"].country == "turkey"
    assert by_id["anon_iranian_ministers"].country == "iran"
    assert "anon_officials" in by_id
    assert not any("ten" in a or a == "anon_ministers" for a in by_id)
    assert ("france", "Paris") in pairs


def test_named_spokesman_is_not_anonymous():
    by_id, pairs, *_ = run("Pentagon spokesman John Kirby spoke. A Pentagon spokesman said later it was over.")
    assert by_id["john_kirby"].country == "united_states"
    assert ("anon_pentagon_spokesman", "A Pentagon spokesman") in pairs
    assert sum(1 for a, _ in pairs if a == "anon_pentagon_spokesman") == 1


def test_organisations_and_armed_groups():
    by_id, pairs, *_ = run(
        "The Peshmerga and the Kurds fought Daesh, while Hezbollah, al Qaeda and the Taliban watched. "
        "The European Union and the United Nations met; the EU and the U.N. Security Council disagreed."
    )
    assert {
        "peshmerga",
        "kurds",
        "islamic_state",
        "hezbollah",
        "al_qaeda",
        "taliban",
        "eu",
        "un",
        "un_security_council",
    } <= set(by_id)
    assert by_id["eu"].kind == "organization" and by_id["hezbollah"].kind == "group"
    assert ("europeans", "European") not in pairs  # "European Union" is longest


@pytest.mark.parametrize(
    "text",
    [
        "They met in New York and in Latin America, then flew to New Mexico.",
        "THIS IS WAR\n\nLET US GO",
        "It is what it is, and us too.",
        "He walked to Paris and stayed in London.",
    ],
)
def test_no_false_actors(text):
    by_id, pairs, *_ = run(text)
    # a newspaper named in the text is an organisation (issue 10); "Washington" in it is not the state
    assert [p for p in pairs if p != ("washington_post", "Washington Post")] == []


def test_a_person_and_a_paper_named_after_a_state_capital_are_no_state():
    # "George Washington" is a person (a given name, then a surname that is also a place) and the
    # "Washington Post" a newspaper: neither is the United States
    _, pairs, *_ = run("George Washington was president and the Washington Post said so.")
    assert pairs == [("george_washington", "George Washington"), ("washington_post", "Washington Post")]


def test_possessives_and_sentence_start():
    _, pairs, *_ = run("Iraq’s neighbors worried. Al-Nusra Front left. Europe's leaders and the Americans met.")
    assert pairs == [
        ("iraq", "Iraq"),
        ("nusra_front", "Al-Nusra Front"),
        ("europeans", "Europe"),
        ("united_states", "the Americans"),
    ]


def test_credits_names_are_not_people():
    text = (
        "Foreign Minister Sabine Siebold spoke.\n\nSiebold left.\n\n"
        "Reporting by Sabine Siebold in Berlin; Editing by Paul Taylor"
    )
    by_id, pairs, *_ = run(text)
    assert "sabine_siebold" not in by_id
    assert not any(a == "germany" for a, _ in pairs)  # "in Berlin" in the credits is skipped


def test_snake_id():
    assert snake_id("François Hollande") == "francois_hollande"
    assert snake_id("U.S. and European security officials") == "us_and_european_security_officials"


def test_gazetteer_data_is_consistent():
    gaz = gazetteer()
    data = gaz.data
    ids = [e["id"] for s in ("states", "organizations", "groups") for e in data[s]]
    assert len(ids) == len(set(ids)) and all(i == snake_id(i) for i in ids)
    assert len(data["states"]) >= 60
    for alias in ("Washington", "London", "Britain", "UK", "American", "the Americans", "ISIS", "Daesh"):
        assert gaz.entity_of(alias) is not None, alias
    assert gaz.entity_of("is") is None


def test_repeated_text_scales_mentions_exactly():
    # Speed is measured in benchmarks/bench_parse.py; here: a long text loses nothing.
    body = bundled_article_text().split("___")[0]
    _, _, actors_one, mentions_one = run(body)
    copies = 40
    _, _, actors, mentions = run((body + "\n") * copies)
    assert len(actors) == len(actors_one)
    assert len(mentions) == copies * len(mentions_one)


def test_equal_spans_resolve_the_same_way_every_run():
    """A surname that is also a gazetteer alias: the gazetteer entity wins, whatever the hash seed."""
    import os
    import subprocess
    import sys

    text = "Secretary of State Jo Britain arrived. Britain said it would help."
    art = kit.parse(text)
    assert [(art.span(m.start, m.end), m.actor) for m in art.mentions] == [
        ("Jo Britain", "jo_britain"),
        ("Britain", "united_kingdom"),
    ]
    code = f"import kit; a = kit.parse({text!r}); print([m.actor for m in a.mentions])"
    seen = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert seen == {"['jo_britain', 'united_kingdom']\n"}


# ---- a title and a surname, and the full name -----------------------------


def _people(text: str) -> dict[str, str]:
    return {a.name: a.role for a in kit.parse(text).actors if a.kind == "person"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("It is both a waiver and a change, Justice Tarsk. That was the record.", "Tarsk"),
        ("The ruling quoted Lord Varnik at length.", "Varnik"),
        ("Lady Vell opened the exhibition.", "Vell"),
        ("Emperor Norvik II ruled for forty years.", "Norvik II"),
        # ranks, clergy, offices and forms of address that were missing from the titles
        ("How about Captain Varn? What did he say?", "Varn"),
        ("It is Mister Vosk, and the crew.", "Vosk"),
        ("Sister Vell came in with the keys.", "Vell"),
        ("Coach Tarvo said they had lost the edge.", "Tarvo"),
        ("Sheriff Norvik closed the road.", "Norvik"),
        ("Uncle Vesko came too.", "Vesko"),
    ],
)
def test_a_title_of_rank_or_bench_makes_a_person(text: str, name: str) -> None:
    assert name in _people(text)


@pytest.mark.parametrize(
    "text",
    [
        "The frieze reads Equal Justice Under Law in large letters.",  # the words of a motto
        "Liberal Justice Who Once Mocked Rivals Wins Seat",  # a headline
        "They walked to the Emperor Norvik Bridge at dawn.",  # a place named after a person
    ],
)
def test_capitals_after_a_title_that_name_no_one_stay_no_person(text: str) -> None:
    assert _people(text) == {}


def test_a_full_name_then_a_title_and_the_surname_is_one_person_with_the_role() -> None:
    # "Ivo A. Marsk" in full, then "Justice Marsk": one person, the full name, with the title's role
    text = "It fell to Ivo A. Marsk to decide. Justice Marsk wrote that the law was clear."
    assert _people(text) == {"Ivo A. Marsk": "Justice"}


def test_a_titled_surname_shared_by_two_full_names_is_not_given_to_either() -> None:
    # "Senator Marsk" may be either of the two Marsks the text names in full: neither absorbs it
    roles = _people("Tom Marsk joined Ada Marsk on stage. Senator Marsk said little.")
    assert roles.get("Marsk") == "Senator"
    assert not roles.get("Tom Marsk") and not roles.get("Ada Marsk")


def test_a_given_name_two_people_share_is_the_one_named_last_before_it() -> None:
    # "Tom" after "Tom Ray" is Tom Ray, not the first Tom named: namesakes are never merged into one
    text = "Tom Moss won the race. Tom Ray came second. Later Tom said he was glad. Moss smiled, and Tom waved."
    art = kit.parse(text)
    toms = [m.actor for m in art.mentions if art.span(m.start, m.end) == "Tom"]
    assert toms == ["tom_ray", "tom_moss"]


def test_a_title_and_surname_before_the_full_name_stay_as_they_were() -> None:
    # named by title first: the later full name may be someone else (a relative); the titled person stays
    assert "Marsk" in _people("Senator Marsk said little. Later, Ivo Marsk left the hall.")


# ---- a surname that is also a place, a day after a name ---------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Anna Berlin said the plan would fail.", "Anna Berlin"),  # the issue's own example
        ("The aid reached Tom Jordan, a farmer, on Monday.", "Tom Jordan"),
        ("Republican candidate Ada Vell Wednesday accused the board.", "Ada Vell"),  # the day is no part of it
    ],
)
def test_a_given_name_and_a_surname_that_is_a_place_make_a_person(text: str, name: str) -> None:
    assert name in _people(text)


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("He flew from Paris to Jordan last week.", "jordan"),
    ],
)
def test_a_place_after_other_words_stays_a_place(text: str, state: str) -> None:
    actors = {a.id: a.kind for a in kit.parse(text).actors}
    assert actors.get(state) == "state"


def test_a_given_name_and_a_place_apart_are_no_full_name() -> None:
    assert "Anna Berlin" not in _people("Anna went to Berlin in May.")


def test_a_regime_named_after_its_state_is_no_person() -> None:
    assert _people("The archive covers Nazi Germany and its allies.") == {}


@pytest.mark.parametrize(
    "name", ["Ivo LeVesk", "Ada DiTarvo", "Ivo MacLeod", "Ana DeLuca", "Tom VanHolt", "John McBride"]
)
def test_a_surname_with_an_inner_capital_is_read_whole(name: str) -> None:
    assert name in _people(f"The crowd cheered when {name} arrived.")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The work owes much to Jean-Marc Vellard and his students.", "Jean-Marc Vellard"),
        ("Mary-Kate Vell and Ann Vell starred in it.", "Mary-Kate Vell"),
        ("He met Jean-Pierre Marsk in Norvo.", "Jean-Pierre Marsk"),
    ],
)
def test_two_given_names_joined_by_a_hyphen_open_a_persons_name(text: str, name: str) -> None:
    assert name in _people(text)


def test_a_hyphen_does_not_make_a_given_name_of_other_words() -> None:
    # "Norvo-Kestrel": neither word is a given name, so the pair opens no person's name
    assert _people("The Norvo-Kestrel Vell line closed on Monday.") == {}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("We met Ada West at the fair in Norvo.", "Ada West"),
        ('"It is done," said Tom North, a teacher.', "Tom North"),
    ],
)
def test_a_compass_point_after_a_given_name_is_a_surname(text: str, name: str) -> None:
    assert name in _people(text)


def test_a_compass_point_after_a_given_name_that_is_a_place_names_no_one() -> None:
    assert _people("They drove on to Adelaide West before dark.") == {}
