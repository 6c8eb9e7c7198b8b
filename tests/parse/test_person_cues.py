"""People found by the words around their names (kit.parse.person_cues), and what those cues leave alone."""

from __future__ import annotations

import pytest

import kit


def people(text: str) -> list[str]:
    return [a.name for a in kit.parse(text).actors if a.kind == "person"]


def kinds(text: str) -> dict[str, str]:
    return {a.name: a.kind for a in kit.parse(text).actors}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("He was a close friend of Orvel Dastrop in those years.", "Orvel Dastrop"),
        ("His third daughter Lensa, born in 1931, became a painter.", "Lensa"),
        ("Every week she wrote to her brother Tarvek Ulmo.", "Tarvek Ulmo"),
        ("After the war Dastrop's widow sold the farm.", "Dastrop"),
        ("After the war Dastrop's widow, Lensa, sold the farm.", "Lensa"),  # the name between commas after it
        ("The hall shows a portrait by Orvik Marsk.", "Orvik Marsk"),
        ("The book was translated by Quorin Vell.", "Quorin Vell"),
        ("Later, Varnik hesitated before he signed.", "Varnik"),
        ("In the spring Orlek died in the mountains.", "Orlek"),
        ("Dastrop was born in a small town.", "Dastrop"),
        ("Tarvek, born in 1850, grew up by the sea.", "Tarvek"),
        ("The school follows the ideas of Dastrow Kell (1850–1921).", "Dastrow Kell"),
        ("Dear Jorna:\n\nThanks for the parcel.", "Jorna"),
        ("Hi Kesta! The notes are on the table.", "Kesta"),
    ],
)
def test_a_cue_makes_a_person(text: str, name: str) -> None:
    assert name in people(text)


@pytest.mark.parametrize(
    ("text", "not_a_person"),
    [
        ("Norvo's sister company Tarvo Lines lost money.", "Norvo"),  # a kin noun as a modifier
        ("The mother of Norvic cultures was a river people.", "Norvic"),  # a name qualifying a noun
        ("The children of Tyrem were at the gate.", "Tyrem"),  # a plural kin noun: a people
        ("Everyone smiled when the band played.", "Everyone"),
        ("Thousands died in the flood.", "Thousands"),
        ("A Grammar on Norvic Word Roots (1902–1931) was his work.", "Norvic Word Roots"),  # a title
        ("Dear Sir, thank you for the letter.", "Sir"),
        ("Hello Norvo Bank, we need a loan.", "Norvo Bank"),  # an organisation word
        ("Her friend of many years, the Kestrel Valley, was flooded.", "Kestrel Valley"),  # a place word
    ],
)
def test_a_cue_leaves_non_people_alone(text: str, not_a_person: str) -> None:
    assert not_a_person not in people(text)


def test_a_work_named_by_its_maker_stays_a_work() -> None:
    # the maker is a person; the title before "by" is not
    found = people("We read “Harbour Lights”, a novel by Ada Vellor.")
    assert found == ["Ada Vellor"]


def test_a_kin_named_after_a_possessive_is_the_he_that_follows() -> None:
    # "Marsk's brother, Vesko, when he said": Vesko is a person, and the "he" who speaks
    text = "We think of Ivo Marsk. We honour Ivo's brother, Vesko, when he said, “Ivo's name means something.”"
    assert kit.parse(text).quotes[0].speaker == "vesko"


def test_a_known_persons_surname_is_no_new_person() -> None:
    # "Sorrak's widow": the surname of the full name found earlier, not a second person
    assert people("Edvin Sorrak taught there. After 1921 Sorrak's widow ran the school.") == ["Edvin Sorrak"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Work on this grew quickly (see Munvaro et al., 2017) in recent years.", "Munvaro"),
        ("There are weak trends (e.g., Nedvick, 2014) in the data.", "Nedvick"),
        ("Memory fades in steps (for example, Ostrel, 2011).", "Ostrel"),
        ("Some saw it too (see also Pellow et al. [4]).", "Pellow"),
        ("The study extends Orvak’s (2016) analyses.", "Orvak"),  # the author, without 's
        ("Proposals run from Norvik 1989 through Vell and Korsa 1997 to recent ones.", "Korsa"),  # no brackets
        ("Replications followed, such as Marsk & Tarsk 2017, and others.", "Tarsk"),
    ],
)
def test_an_author_cited_is_a_person(text: str, name: str) -> None:
    assert name in people(text)


def test_a_wells_name_with_et_al_is_no_author() -> None:
    # oil-well names in company reports write "et al" with no full stop after "the <partner>"
    found = people("The company said the Tarnex et al Morvin 4-7 well found gas.")
    assert "Tarnex" not in found


def test_a_full_name_before_who_is_a_person() -> None:
    assert "Tarvek Ulmo" in people("The farm is owned by Tarvek Ulmo, who arrived last week.")


@pytest.mark.parametrize(
    "text", ["They beat Kestrel City, who had won twice.", "The bid came from Norvo Rovers, who won the cup."]
)
def test_a_team_before_who_stays_no_person(text: str) -> None:
    assert people(text) == []


def test_a_persons_possession_after_s_makes_a_person() -> None:
    assert people("We read Vellor's memoir and Dastrop's novels.") == ["Vellor", "Dastrop"]


def test_a_novel_approach_is_no_possession() -> None:
    assert people("Norvo's novel approach won the contract.") == []


def test_a_name_right_after_a_word_for_a_work_is_its_title():
    art = kit.parse("He starred in the horror film Grey Tarsk in 2005. The film director Ivo Marsk spoke.")
    assert [a.name for a in art.actors if a.kind == "person"] == ["Ivo Marsk"]


def test_a_name_given_after_my_name_is():
    art = kit.parse("Welcome back to my channel. My name is Jorna and today I talk about tea.")
    assert [(a.name, a.kind) for a in art.actors] == [("Jorna", "person")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The case went badly, his lawyer, Tarsk, said on Monday.", "Tarsk"),
        ("Her coach, Varnik, was furious after the match.", "Varnik"),
        ("Their captain, Ivo Marsk, scored twice.", "Ivo Marsk"),
    ],
)
def test_a_name_in_apposition_to_a_role_is_a_person(text: str, name: str) -> None:
    # "his lawyer, Tarsk,": a role word after a possessive names one person
    assert name in people(text)


def test_an_organisation_in_apposition_to_a_role_stays_one() -> None:
    assert kinds("Her adviser, Kestrel Bank, said the deal was sound.").get("Kestrel Bank") == "organization"


def test_a_surname_read_by_a_role_before_the_full_name_in_a_list_is_one_person() -> None:
    # the role cue reads "Tarsk" before the list gives "Rem Tarsk" in full: one person, the full name
    found = people("She studied with Rem Tarsk, Elia Vorn and Bernard Kell. Her former professor, Tarsk, praised her.")
    assert found == ["Rem Tarsk", "Elia Vorn", "Bernard Kell"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("It was published in the Edward Marsk translation of 1960.", "Edward Marsk"),
        ("The film is based on the Gregory Tarsk novel of the same name.", "Gregory Tarsk"),
        ("Reporters followed the Ann Vell trial for weeks.", "Ann Vell"),
    ],
)
def test_a_full_name_after_the_that_qualifies_a_persons_noun_is_a_person(text: str, name: str) -> None:
    # "the Edward Marsk translation": after "the", a given name and a surname qualify a work or an event
    assert name in people(text)


@pytest.mark.parametrize(
    ("text", "not_a_person"),
    [
        ("They met at the Ann Vell Foundation last year.", "Ann Vell"),  # an organisation's name
        ("The Ann Vell administration said it would act.", "Ann Vell"),  # a body that speaks for itself
    ],
)
def test_a_full_name_after_the_before_other_words_stays_no_person(text: str, not_a_person: str) -> None:
    assert not_a_person not in people(text)


def test_two_names_and_a_year_that_goes_on_are_no_citation() -> None:
    # the year does not close a citation: "Zentrix and Norvo 2017 results" names two companies' results
    assert people("Zentrix and Norvo 2017 results were strong.") == []


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Police found the 17-year-old Tarsk in a barn.", "Tarsk"),
        ("The boy, 12-year old Vesko, was freed.", "Vesko"),
        ("The daily Norvo Sun quoted Tarsk as saying the talks failed.", "Tarsk"),
    ],
)
def test_an_age_before_a_name_or_an_outlet_quoting_it_makes_a_person(text: str, person: str) -> None:
    assert (person, "person") in [(a.name, a.kind) for a in kit.parse(text).actors]


@pytest.mark.parametrize(
    "text",
    [
        "A 17-year-old Tarvic student was held.",
        "He flew a 19-year-old Vesko 750 jet.",
        "A 24-year-old Dutchman was held.",
    ],
)
def test_an_age_before_an_adjective_or_a_model_makes_no_person(text: str) -> None:
    assert "person" not in [a.kind for a in kit.parse(text).actors]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The prize went to the Nobel laureate Tarvo Alsk.", "Tarvo Alsk"),
        ("It was adapted from a story by the novelist Kazo Malvik.", "Kazo Malvik"),
        ("The hall shows works of the Norvic artist Vrenko Varlevik.", "Vrenko Varlevik"),
        ("The score was written by the composer Ulvo Tarnik.", "Ulvo Tarnik"),
    ],
)
def test_a_profession_before_a_name_makes_a_person(text: str, name: str) -> None:
    assert name in people(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("I still owe Mlle. Arvosa for the lessons.", "Arvosa"),
        ("She bought a hat for Mme. Tarvel.", "Tarvel"),
    ],
)
def test_a_french_honorific_makes_a_person(text: str, name: str) -> None:
    assert name in people(text)


def test_a_middle_initial_between_two_names_makes_a_person() -> None:
    found = people("The bar is co-owned by Jonat K. Sterv and Ulvo-Lin G. Rauvik.")
    assert "Jonat K. Sterv" in found and "Ulvo-Lin G. Rauvik" in found


def test_a_middle_initial_in_a_places_name_makes_no_person() -> None:
    assert people("They flew in to the Jonat F. Vesko International Airport.") == []


def test_a_full_name_listed_with_a_known_persons_is_a_person() -> None:
    found = people("In 2005 she starred opposite Ivo Marsk, Vrenko Tavel Vesk, and Tsorvo Malvik in a drama.")
    assert {"Ivo Marsk", "Vrenko Tavel Vesk", "Tsorvo Malvik"} <= set(found)


def test_a_list_with_a_known_person_keeps_its_places_and_companies() -> None:
    found = people("Ivo Marsk toured Kestrel Valley, Norvo Holdings and New Tarvo last spring.")
    assert found == ["Ivo Marsk"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The court heard from Zelko Tarvas, a 31-year-old nurse from the coast.", "Zelko Tarvas"),
        ("Orvel Dastrop and his wife moved to the coast in May.", "Orvel Dastrop"),
        ("Ulo Tarsk and her two sons left the town in May.", "Ulo Tarsk"),
    ],
)
def test_an_age_in_an_apposition_or_a_family_after_the_name_makes_a_person(text: str, name: str) -> None:
    assert name in [a.name for a in kit.parse(text).actors if a.kind == "person"]


def test_an_organisation_and_its_people_stays_an_organisation() -> None:
    assert [(a.name, a.kind) for a in kit.parse("Norvo Bank and its owners met on Monday.").actors] == [
        ("Norvo Bank", "organization")
    ]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('"The harvest will be late this year," Varsko said.', "Varsko"),
        ("“Is it over?” said Tarvold. Nobody answered.", "Tarvold"),
    ],
)
def test_one_word_that_speaks_right_after_a_quotation_is_a_person(text: str, name: str) -> None:
    assert name in people(text)
    quote = kit.parse(text).quotes[0]
    assert quote.speaker == name.lower()


@pytest.mark.parametrize(
    "text",
    [
        '"Sales grew," Zentrix said in a statement.',  # an organisation's statement
        '"It is sad," said Rev. Ivo Marsk, who leads the choir.',  # a title's abbreviation, the name follows
        '"It is late," He said.',  # a pronoun
    ],
)
def test_what_speaks_after_a_quotation_but_is_no_surname_alone(text: str) -> None:
    assert [n for n in people(text) if " " not in n] == []


def test_a_possessive_that_ends_a_list_of_people_names_the_owner() -> None:
    # "… and Varsk’s adviser": the list's last name is Varsk, not a person called "Varsk’s"
    assert people("On Friday Tom Moss, Ada Vell and Varsk’s adviser met.") == ["Tom Moss", "Ada Vell", "Varsk"]


def test_a_list_is_not_split_inside_brackets() -> None:
    # "(61st and 80th)": the minutes of one scorer, not two names
    found = people("Goals came from Ivo Marsk (12th minute), Tom Vell (30th) and Ada Tarvo (61st and 80th).")
    assert found == ["Ivo Marsk", "Tom Vell", "Ada Tarvo"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Varsko said on Monday he would resign.", "Varsko"),
        ("In a long speech, Tarvold told reporters that she had no plans.", "Tarvold"),
        ("Dastrop has said he will stay.", "Dastrop"),
    ],
)
def test_one_word_that_speaks_and_is_then_he_or_she_is_a_person(text: str, name: str) -> None:
    assert people(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "Zentrix said it would cut 200 jobs, and he left.",  # "it": an organisation speaks
        "Critics said he was wrong.",  # a common noun that opens the sentence
        "Later Varsko asked Tom Moss whether he would go.",  # "he" is Tom Moss: a name between
        "The Norvo Tarvo said he was glad.",  # the last word of a longer name
    ],
)
def test_he_or_she_after_a_cue_makes_no_person_of_other_words(text: str) -> None:
    assert [n for n in people(text) if " " not in n] == []


def test_he_or_she_after_a_cue_reads_the_same_without_the_shared_scan() -> None:
    from kit.parse.gazetteer import gazetteer
    from kit.parse.person_cues import find_cued_people

    text = "Quiet week.\n\nVarsko said on Monday he would resign. Tarvold told them she had no plans."
    spans = [(0, 11), (13, len(text))]
    assert [p.name for p in find_cued_people(text, spans, gazetteer())] == ["Varsko", "Tarvold"]


def test_a_reference_lists_authors_are_people_named_given_name_first() -> None:
    text = "Books I like:\n\nMarsk, Ivo. A History of Norvo\n\nVell, Ada Lin. “Letters”"
    art = kit.parse(text)
    assert people(text) == ["Ivo Marsk", "Ada Lin Vell"]
    surname = text.index("Marsk")
    assert [m.actor for m in art.mentions if m.start == surname] == ["ivo_marsk"]


@pytest.mark.parametrize(
    "text",
    [
        "Similarly, Ivo K. Marsk said the plan was sound.",  # a sentence's opener, then a name with an initial
        "France, Ivo. A History",  # the first part is a state's name
        "Still, Ivo. It was still late.",  # a word the text writes in lower case
    ],
)
def test_a_comma_after_a_first_word_makes_no_reference_lists_author(text: str) -> None:
    assert not [n for n in people(text) if n.startswith("Ivo ") and n != "Ivo K. Marsk"]
