"""Organisations found beyond news (GUM's genres): one invented sentence per rule."""

from __future__ import annotations

import pytest

import kit


def kinds(text: str) -> dict[str, str]:
    return {a.id: a.kind for a in kit.parse(text).actors}


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Ada Vell works at the Kestrel Soil Lab near the port.", "kestrel_soil_lab"),
        ("Tom Moss runs tests at his Applied Norvo Laboratory in the north.", "applied_norvo_laboratory"),
        ("Ada Vell joined the Vesko Brotherhood of Weavers in 1990.", "vesko_brotherhood_of_weavers"),
        ("Ada Vell drew for Tarvo Comics before she wrote novels.", "tarvo_comics"),
        ("Tickets are sold by Kestrel Tours near the harbour.", "kestrel_tours"),
        ("Coaches to the city are run by Norvo Bus Lines every hour.", "norvo_bus_lines"),
        ("The figures come from the Open Tarvo Collaboration and others.", "open_tarvo_collaboration"),
        ("The Norhaven Writers Guild backed the strike.", "norhaven_writers_guild"),
        ("Ada Vell died on Monday, Tarvo Books said in a statement.", "tarvo_books"),  # a publisher
        ("The hall was built by Kestrel Builders in 1990.", "kestrel_builders"),
    ],
)
def test_organisation_head_words_beyond_news(text, org):
    # a capitalised name ending with a word that says what kind of body it is: a lab, a tour operator, a guild
    assert kinds(text).get(org) == "organization"


@pytest.mark.parametrize("day", ["Thursday", "March"])
def test_a_day_after_an_organisations_name_is_no_part_of_it(day):
    # "the Bank of Norvo Thursday raised ...": news puts the day right after the subject
    found = kinds(f"The Bank of Norvo {day} raised its rate, officials said.")
    assert found.get("bank_of_norvo") == "organization"
    assert not any(day.lower() in a for a in found)


def test_an_outlet_after_a_capital_the_inside_a_sentence():
    # a capital "The" inside a sentence is part of a title: "The Ledger", "The Sun and The Times"
    assert kinds("Ada Vell wrote a weekly column for The Ledger until May.").get("ledger") == "organization"
    found = kinds("Cover prices rose at The Sentinel and The Courier last year.")
    assert found.get("sentinel") == "organization" and found.get("courier") == "organization"


def test_a_capital_the_in_a_title_case_headline_is_no_outlets():
    # "Some Of The Worst News": a headline in title case writes every word with a capital
    assert kinds("Judge Gave Vesko Some Of The Worst News Yet").get("worst_news") is None


@pytest.mark.parametrize(
    ("text", "orgs"),
    [
        ("Many readers now use services like Vorbex and Kestrelnet at home.", {"vorbex", "kestrelnet"}),
        (
            "The shop advertises on search engines including Vorbex, Tarvonet, and Zentrix.",
            {"vorbex", "tarvonet", "zentrix"},
        ),
        ("The area features stores such as Norvo and Vesko.", {"norvo", "vesko"}),
        (
            "The coalition's member charities include Vesko First, Tarvo Alert and Kestrel Now.",
            {"vesko_first", "tarvo_alert"},
        ),
    ],
)
def test_a_list_after_a_plural_for_organisations(text, orgs):
    # websites, services, stores, search engines: a list after them (such as, like, including, include) is of bodies
    found = kinds(text)
    assert all(found.get(o) == "organization" for o in orgs)


def test_a_list_of_people_after_include_stays_people():
    found = kinds("Guests included Ava Long, Ravi Dass and Ian Mole.")
    assert found.get("ravi_dass") == "person" and found.get("ian_mole") == "person"


def test_a_chamber_is_a_body():
    assert kinds("Ada Vell spoke to the Norhaven Chamber of Trade on Monday.").get("norhaven_chamber_of_trade") == (
        "organization"
    )


def test_a_name_before_faction_is_a_group():
    # "the Vesko-K faction": what only an organisation is, right after its name
    assert kinds("The talks were joined by the VESKO-K faction on Monday.").get("vesko_k") == "organization"


@pytest.mark.parametrize("word", ["Government", "Administration", "Academy", "Consulate", "Judiciary"])
def test_an_institution_named_by_its_head_word_alone(word):
    # "the Government", capitalised after "the": the institution the speech or the letter is about
    assert kinds(f"Ivo Marsk said the {word} had taken its decision in March.").get(word.lower()) == "organization"


@pytest.mark.parametrize("name", ["Lufthansa", "Dropbox", "Taco Bell", "Nvidia", "Etsy"])
def test_well_known_organisations_by_name(name):
    # well-known companies from general knowledge, in the gazetteer as the outlets are in the lexicon
    assert kinds(f"Ada Vell wrote about {name} in her column last week.").get(name.lower().replace(" ", "_")) == (
        "organization"
    )


def test_walt_disney_the_man_stays_a_person():
    assert kinds("Walt Disney was born in Chicago in 1901, his brother said.").get("walt_disney") == "person"


def test_a_list_with_an_organisation_the_gazetteer_knows_names_organisations():
    # "Kodak and Tarvo Lumen": one known organisation in a list says what the list names
    assert kinds("The deal was signed by Kodak and Tarvo Lumen in May.").get("tarvo_lumen") == "organization"


def test_an_acronym_later_in_a_list_of_organisations():
    # "the Norvan carriers, Vesko and NAIR": after the first name, an acronym is an item of the list too
    found = kinds("The strike hit both of the Norvan carriers, Vesko and NAIR.")
    assert found.get("vesko") == "organization" and found.get("nair") == "organization"


def test_a_sentences_first_word_opens_no_listed_organisation():
    found = kinds("Both Zentrix Inc and KLO said they would cut jobs.")
    assert "both_zentrix_inc" not in found


def test_an_outlets_one_word_name_that_is_also_an_adjective():
    # "The Independent reported", "told The Independent": a newspaper, though "Independent" alone is a party word
    assert kinds("The Independent reported that the mayor had resigned.").get("independent") == "organization"
    assert kinds("Ada Vell told The Independent she would run.").get("independent") == "organization"
    assert "independent" not in kinds("The Independent candidate said he would run.")


def test_a_word_in_a_run_of_capitals_is_no_acronym():
    # "the VESKO HOUSE rules": words written in capitals inside a sentence, not an organisation's acronym
    assert kinds("Nobody liked the VESKO HOUSE rules, so we left.") == {}
    assert kinds("Traders on NYFEX sold the stock.").get("nyfex") == "organization"


def test_a_papers_short_name_after_the_in_lower_case():
    # "the Times crossword", "a piece the Ledger quoted": a newspaper's name in short, though nothing acts
    assert kinds("I was doing the Times crossword on the train.").get("times") == "organization"
    assert "times" not in kinds("She read it in the Times of Norvo last week.")
    art = kit.parse("Ada Vell told the Kestrel Ledger she would run. I was doing the Ledger crossword on the train.")
    # the short form is a mention of the whole name
    assert [art.text[m.start : m.end] for m in art.mentions if m.actor == "kestrel_ledger"] == [
        "Kestrel Ledger",
        "Ledger",
    ]
    assert "ledger" not in kinds("Ivo Marsk walked past the Ledger on his way home.")  # no outlet named so


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Ada Vell spoke at the Kestrel Forum in May.", "kestrel_forum"),
        ("Tom Moss heads the Norvo-based Kestrel Ministries, a charity.", "kestrel_ministries"),
        ("Tom Moss heads the Norvo-based Kestrel Welfare Association.", "kestrel_welfare_association"),
        ("The Tarvo Mission of the Vesko League left in May.", "tarvo_mission_of_the_vesko_league"),
        ("The Archdiocese of Norhaven sold the school.", "archdiocese_of_norhaven"),
    ],
)
def test_more_head_words_and_a_modifier_before_the_name(text, org):
    # "Forum", "Ministries", "Mission", "Diocese" end a body's name; "Norvo-based" before it is no part of it
    assert kinds(text).get(org) == "organization"


def test_a_hyphened_outlets_short_name_is_a_mention_of_the_whole():
    # "the Sun-Times" after "the Vesko Sun-Times": the paper in short, not a second organisation
    art = kit.parse("Ada Vell told the Vesko Sun-Times she would run. Later the Sun-Times said she had won.")
    assert [a.id for a in art.actors if a.kind == "organization"] == ["vesko_sun_times"]


def test_an_owner_with_s_before_a_role_is_no_organisation_named_with_its_s() -> None:
    # one word before 's and a role: a person's or a state's as likely as a firm's; never "Varsk's" as a name
    kinds = {a.name: a.kind for a in kit.parse("Ask Varsk, Varsk's adviser Ivo Marsk will answer.").actors}
    assert kinds == {"Ivo Marsk": "person"}
    # a longer owner is the organisation, without its 's
    kinds = {a.name: a.kind for a in kit.parse("Then the Norvo Trust's chair Ivo Marsk spoke.").actors}
    assert kinds.get("Norvo Trust") == "organization" and "Norvo Trust's" not in kinds


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Then the Bank of Norvo's survey showed a rise.", {"Bank of Norvo": "organization"}),
        ("Printer giant Zentrix's stock climbed while Zentrix said nothing.", {"Zentrix": "organization"}),
    ],
)
def test_an_organisation_is_named_without_a_possessives_s(text: str, expected: dict[str, str]) -> None:
    assert {a.name: a.kind for a in kit.parse(text).actors} == expected


def test_people_before_of_are_not_part_of_their_employers_name() -> None:
    kinds = {a.name: a.kind for a in kit.parse("We met Ivo Marsk and Ada Vell of Norvo Bank on Monday.").actors}
    assert kinds == {"Ivo Marsk": "person", "Ada Vell": "person", "Norvo Bank": "organization"}
    # a couple's foundation keeps its name whole
    kinds = {a.name: a.kind for a in kit.parse("He gave to the Ivo and Ada Marsk Foundation of Norvo.").actors}
    assert kinds == {"Ivo and Ada Marsk Foundation of Norvo": "organization"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He studied at Norvo College and Kestrel University.", ["Norvo College", "Kestrel University"]),
        ("The bill passed the House and Senate on Monday.", ["House", "Senate"]),
        ("The ZTX and Norvo Ministry met.", ["ZTX", "Norvo Ministry"]),
        # one name holding "and"
        (
            "The Department of Norvo Trade and Kestrel Affairs said no.",
            ["Department of Norvo Trade and Kestrel Affairs"],
        ),
        ("The Norvo Securities and Investments Board met.", ["Norvo Securities and Investments Board"]),
        ("The Tarvo Ways and Means Committee met.", ["Tarvo Ways and Means Committee"]),
    ],
)
def test_two_organisations_joined_by_and_are_two(text: str, expected: list[str]) -> None:
    assert sorted(a.name for a in kit.parse(text).actors if a.kind == "organization") == sorted(expected)


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("A chief of the Norvan union of harbour pilots (ZATKA) spoke.", "zatka"),
        ("The pilots' union (Varsko) called a strike on Monday.", "varsko"),
        ("He joined the ruling party (VSK) in 1990.", "vsk"),
        ("Staff of a consortium of Norvan museums (NMK) met.", "nmk"),  # a capitalised word in the description
    ],
)
def test_a_name_in_brackets_after_an_organisations_kind_in_lower_case_names_it(text: str, org: str) -> None:
    assert kinds(text).get(org) == "organization"


@pytest.mark.parametrize(
    "text",
    [
        "Talks on a customs and excise union (CEU) stalled.",  # a term's short form, spelled by the words
        "The net stable rate (NSR) rose.",  # no kind of organisation before it
        "The party of the Tarn Valley (TV) movement met.",  # the short form of the capitalised words before it
        "He spoke of a long campaign to the people (Varsko and Tom).",  # more than one word in brackets
    ],
)
def test_a_name_in_brackets_after_other_words_names_no_organisation(text: str) -> None:
    assert "organization" not in kinds(text).values()


@pytest.mark.parametrize(
    ("text", "party", "members"),
    [
        ("The Kestrel Party won seats. The Kestrels want a new tax.", "kestrel_party", "Kestrels"),
        (
            "The Norvatic Party met on Monday. Norvats in the assembly said the bill was dead.",
            "norvatic_party",
            "Norvats",
        ),
    ],
)
def test_a_partys_members_in_the_plural_name_the_party(text: str, party: str, members: str) -> None:
    art = kit.parse(text)
    at = text.index(members)
    assert [m.actor for m in art.mentions if m.start == at] == [party]


def test_members_in_the_plural_name_no_party_the_text_does_not_name() -> None:
    assert kinds("The Kestrels want a new tax.") == {}


def test_a_bracket_before_a_dash_names_no_organisation() -> None:
    # "(R-Norvo) —": a party tag before a dash (and "(Kestrel Wire) -" a dateline's credit), not an employer
    text = "Who runs.\n\nSen. Ivo Marsk (R-Norvo) — running since May.\n\nTom Moss (D-Norvo) - running since June."
    assert kinds(text) == {"ivo_marsk": "person", "tom_moss": "person"}
