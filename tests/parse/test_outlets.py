"""News outlets that act in the story are organisations; the outlet credited for the story is no actor (invented
names, except real outlets of the bundled list)."""

from __future__ import annotations

import pytest

import kit


def orgs(text: str) -> list[str]:
    return [a.name for a in kit.parse(text).actors if a.kind == "organization"]


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("Ivo Marsk told the Kestrel Ledger that the plant would close.", "Kestrel Ledger"),
        ("Ivo Marsk told the Ledger that the plant would close.", "Ledger"),
        ("According to the Ledger, Ivo Marsk left the firm in May.", "Ledger"),
        ("In an interview with the Norvo Sentinel, Ivo Marsk said he would stay.", "Norvo Sentinel"),
        ("Ivo Marsk, speaking to the Courier on Monday, denied it.", "Courier"),
        ("Ivo Marsk, the editor of the Kestrel Bulletin, resigned.", "Kestrel Bulletin"),
        ("Ivo Marsk wrote in the Ledger last week that he would quit.", "Ledger"),
        ("Ivo Marsk told the Kestrel Times-Ledger that it was over.", "Kestrel Times-Ledger"),
        ("Ivo Marsk told the Boston Ledger that it was over.", "Boston Ledger"),  # a city: the outlet's seat
        ("Ivo Marsk told the Kestrel Paper that the plant would close.", "Kestrel Paper"),
        ("Asked on Monday, Ivo Marsk remarked to The Kestrel Ledger that the plant would stay open.", "Kestrel Ledger"),
        ("Ivo Marsk confirmed to the Courier that he would stay.", "Courier"),
    ],
)
def test_an_outlet_named_where_it_acts_is_an_organisation(text: str, outlet: str) -> None:
    assert orgs(text) == [outlet]


@pytest.mark.parametrize(
    "text",
    [
        "Ivo Marsk told the Sun King that he would stay.",  # not an outlet's head word last
        "Ivo Marsk walked past the Ledger on his way home.",  # no act of an outlet
    ],
)
def test_a_head_word_alone_is_no_outlet(text: str) -> None:
    assert orgs(text) == []


def test_an_outlet_opening_a_sentence_keeps_the_out_of_its_name() -> None:
    assert orgs("The Ledger reported on Monday that Tom Moss would resign.") == ["Ledger"]


def test_the_head_word_alone_is_the_full_names_short_form() -> None:
    text = 'The Kestrel Ledger reported that Zentrix would close.\n\n"It is over," Ivo Marsk told the Ledger.'
    art = kit.parse(text)
    (ledger,) = [a for a in art.actors if a.kind == "organization"]
    assert ledger.name == "Kestrel Ledger" and "Ledger" in ledger.aliases


@pytest.mark.parametrize(
    "text", ["NORVO (Reuters) - Ivo Marsk quit on Monday.", "TARVO, May 3 (AFP) — Ivo Marsk quit on Monday."]
)
def test_an_agency_in_a_dateline_credits_the_story_and_is_no_actor(text: str) -> None:
    assert orgs(text) == []


def test_an_agency_in_a_dateline_acts_where_the_story_names_it_again() -> None:
    assert orgs("NORVO (Reuters) - Ivo Marsk quit.\n\nHe told Reuters he was tired.") == ["Reuters"]


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("Ivo Marsk wrote for Helsingin Sanomat for ten years.", "Helsingin Sanomat"),
        ("Tom Moss had leaked the memo to Gazeta Wyborcza.", "Gazeta Wyborcza"),
        ("Tom Moss spoke to Wikinews about his garden.", "Wikinews"),
    ],
)
def test_a_well_known_outlet_is_an_organisation_by_name(text: str, outlet: str) -> None:
    assert orgs(text) == [outlet]


def test_a_town_before_its_country_is_no_organisation_of_a_list():
    # "Norvo, Russia, Reuters": no list of organisations, but a town, its country and the sentence's subject
    art = kit.parse("At the summit in Norvo, Russia, Reuters spoke to Tom Moss.")
    assert [(a.name, a.kind) for a in art.actors] == [
        ("Russia", "state"),
        ("Reuters", "organization"),
        ("Tom Moss", "person"),
    ]
