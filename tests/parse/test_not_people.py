"""Names that read like people's but name a product, a place, a work or an instruction (invented names)."""

from __future__ import annotations

import pytest

import kit


def people(text: str) -> list[str]:
    return [a.name for a in kit.parse(text).actors if a.kind == "person"]


@pytest.mark.parametrize(
    "text",
    [
        "Her bag held a Mila mascara and two brushes.",
        "The Nadia probe sent its last picture in May.",
        "Engineers lost touch with the Nadia Vell spacecraft on Tuesday.",
        "Guests were offered Carla Moss tea or water.",
        "Ada Vell flags hung from every window.",
    ],
)
def test_a_name_before_a_word_for_a_product_is_no_person(text: str) -> None:
    assert people(text) == []


def test_a_person_also_named_otherwise_keeps_a_product_named_after_them() -> None:
    assert people("Tom Moss told us that the Tom Moss lipstick is his best seller.") == ["Tom Moss"]


@pytest.mark.parametrize(
    "text",
    [
        "Cannon fire marked the Siege of Nadia for a month.",
        "Few of the men survived the battle of Carla Moss.",
        "A truck drove out of Lina Park, Ohio, at dawn.",
    ],
)
def test_a_name_where_an_event_happens_or_a_caller_is_is_a_place(text: str) -> None:
    assert people(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Water the seedlings. Pat down the earth gently.",
        "Seal each crate. Mark your crates with red ink.",
        "The workers asked for leave. Grant them two days.",
    ],
)
def test_a_given_name_that_opens_a_sentence_as_a_verb_is_no_person(text: str) -> None:
    assert people(text) == []


def test_a_given_name_that_opens_a_sentence_before_a_verb_stays_a_person() -> None:
    assert people("The rain stopped. Mark went down to the river.") == ["Mark"]


def test_one_word_first_named_after_in_is_a_place() -> None:
    assert people("Each summer a fair is held in Nadia by the lake.") == []


def test_a_person_first_named_elsewhere_stays_one_after_in() -> None:
    assert people("Nadia smiled at last. They all put their trust in Nadia.") == ["Nadia"]


def test_what_an_author_is_the_author_of_is_a_work() -> None:
    assert people("Ivo Marsk, the author of Nadia in Norland, spoke first.") == ["Ivo Marsk"]


def test_a_name_with_its_year_among_titled_works_is_a_work() -> None:
    text = "Her films include The Long Tarn (2009), Nadia (2013) and Cold Vesko Rain (2015)."
    assert people(text) == []


def test_an_author_cited_with_a_year_stays_a_person() -> None:
    assert people("This was shown by Vance (1989) and Okafor (2016).") == ["Vance", "Okafor"]


@pytest.mark.parametrize("text", ["They reached an old Nadia town by the sea.", "Their shop is on Carla Moss street."])
def test_a_name_before_a_word_for_a_settlement_or_a_street_is_a_place(text: str) -> None:
    assert people(text) == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Her idea, Dynamic Tarvo, won a prize.", []),
        ("Continental Norvo opened a new store.", []),
        ("Talshed Vorn said no.", ["Talshed Vorn"]),  # "-ed" ends given names too
    ],
)
def test_a_name_an_adjective_opens_is_no_person(text: str, names: list[str]) -> None:
    assert people(text) == names


def test_a_given_name_shaped_like_an_adjective_still_opens_a_name() -> None:
    assert people("Rasheed Varnok said no. Faisal Vell said yes.") == ["Rasheed Varnok", "Faisal Vell"]


@pytest.mark.parametrize(
    "text",
    [
        "Our Norvo Sheepdog sleeps by the door.",
        "Vesko Tarn Almanac lists every tide.",
        "Kestrel Sent Gaming released a new title.",
        "Workers at Norvo Vell Factory went on strike.",
    ],
)
def test_a_name_ending_with_a_breed_a_title_or_a_firms_word_is_no_person(text: str) -> None:
    assert people(text) == []


def test_a_name_and_a_year_alone_on_a_line_is_no_author_cited() -> None:
    assert people("Awards\n\nTarvo-Star (2015)\n\nNorvo Medal (2016)\n") == []
    assert people("As shown by Vance (1989).\n") == ["Vance"]


def test_a_name_closing_a_list_of_places_is_a_place() -> None:
    assert people("The road links Vell Cliffs, Tarn Heights and Nadia.") == []


def test_a_name_closing_a_list_of_people_stays_a_person() -> None:
    assert people("Later Ivo Marsk, Ada Vell and Nadia came home.") == ["Ivo Marsk", "Ada Vell", "Nadia"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("They danced all night at Vella Vella.", []),
        ("Ivo Marsk wrote a poem called Une Tarvo de Vell.", ["Ivo Marsk"]),
        ("She read Une Tarvo Vell on the train.", []),
    ],
)
def test_a_word_said_twice_or_a_french_article_opens_no_persons_name(text: str, names: list[str]) -> None:
    assert people(text) == names


def test_a_given_name_counted_after_the_and_an_ordinal_is_no_person() -> None:
    assert people("The museum owns the 13th Nadia, a later copy.") == []


def test_a_heading_name_then_a_colon_and_a_settlement_is_a_place() -> None:
    assert people("Nadia Vell: the oldest town in the valley, with a port.") == []


@pytest.mark.parametrize(
    "text", ["Voters in Norvo went to the polls in the General Election.", "The President Nomination was held in May."]
)
def test_an_abstract_noun_after_a_title_is_no_person(text: str) -> None:
    assert people(text) == []  # the title is an adjective there ("abstract_noun_endings")


def test_a_short_or_given_name_after_a_title_stays_a_person() -> None:
    assert people("General Vance spoke first. Judge Constance Vell spoke next.") == ["Vance", "Constance Vell"]


@pytest.mark.parametrize(
    "text",
    [
        "The shop is at rue Jean Tarvo, near the station.",
        "The bar is on bd Ivo Marsk, next to the market.",
        "The hotel on Avenida Tom Moss has ten rooms.",
        "The hotel on Calle Juan Tarvo has ten rooms.",
        "Anse Vesko has a small harbour and two hotels.",
    ],
)
def test_a_name_after_a_word_for_a_street_or_a_bay_is_a_place(text: str) -> None:
    assert people(text) == []


def test_a_name_after_a_street_word_elsewhere_stays_a_person() -> None:
    assert people("Jean Tarvo lived on rue Vell for ten years.") == ["Jean Tarvo"]


@pytest.mark.parametrize(
    "text",
    [
        "Side two - Water Off a Duck. Tom Moss sang it.",
        "We played Water Off and Tom Moss sang.",  # in a list of names too
        "Their new record, Ivo Against the Tide, came out in May. Tom Moss sang.",
    ],
)
def test_a_particle_or_preposition_in_a_title_makes_it_no_persons_name(text: str) -> None:
    assert people(text) == ["Tom Moss"]


def test_a_name_ending_in_the_abbreviation_of_number_is_no_person() -> None:
    assert people("The club met at Tom Lodge No. 12 every Friday night.") == []
