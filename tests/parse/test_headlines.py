"""Title-case headlines (kit.parse.headlines): capitals there mark no names."""

from __future__ import annotations

import pytest

import kit
from kit.parse.headlines import title_case_headlines


def _names(text: str) -> list[str]:
    return [a.name for a in kit.parse(text).actors]


@pytest.mark.parametrize(
    "line",
    [
        "Ivo Marsk Says He Will Run For Office",
        "Norvo Council Votes To Close The Old Harbour.",
        "Why Ada Vell Is Back In Town",
        "Ivo Marsk Calls the Vote a Fraud in Norvo",  # small words in lower case, every other word capitalised
    ],
)
def test_a_line_that_capitalises_its_small_words_is_a_title_case_headline(line: str) -> None:
    text = line + "\n\nThe rest follows here."
    assert title_case_headlines(text, [(0, len(line))]) == [(0, len(line))]


@pytest.mark.parametrize(
    "line",
    [
        "Ivo Marsk says he will run for office",  # sentence case
        "Ivo Marsk Wins",  # no small word: nothing tells
        "Ivo Marsk of Norvo met Ada Vell in the town.",  # a sentence: its small words in lower case
        "It Is Late. The Rest Is Lost",  # two sentences
    ],
)
def test_other_lines_are_not(line: str) -> None:
    assert title_case_headlines(line, [(0, len(line))]) == []


@pytest.mark.parametrize(
    "text",
    [
        "Tom Vell Gives A SHOCK Answer On His Farm\n\nTom Vell, a farmer, said no.",
        "Tom Vell Stuns Rivals With His Plan To Run\n\nTom Vell, a farmer, said he would run.",
        "Tom Vell Rails Against the Board of Norvo\n\nTom Vell, a farmer, said no.",
    ],
)
def test_a_fragment_of_a_title_case_headline_is_no_actor_when_the_body_names_the_person(text: str) -> None:
    art = kit.parse(text)
    assert [a.name for a in art.actors] == ["Tom Vell"]
    # the headline's mention goes to him
    assert art.mentions[0].actor == "tom_vell" and art.mentions[0].end < text.index("\n")


@pytest.mark.parametrize(
    "text",
    [
        "Norvo Fans Show Their HATE For The New Coach\n\nFans of the club booed on Monday.",
        "The Vote Was HUGE For Norvo\n\nVoters came in numbers.",
    ],
)
def test_a_word_shouted_in_a_title_case_headline_is_no_organisation(text: str) -> None:
    assert [n for n in _names(text) if n.isupper()] == []


def test_a_name_the_headline_alone_gives_stays() -> None:
    # "Ada Vell" only in the headline, no other name inside hers: she is kept
    assert _names("Ada Vell: I Will Stay In The Race\n\nShe said she would not quit.") == ["Ada Vell"]


def test_an_organisation_only_a_headline_names_with_words_the_body_writes_in_lower_case_is_dropped() -> None:
    text = "Norvo Court Blocks Dam Plan After Appeal\n\nThe court blocked the dam plan on Wednesday, and the ministry said it would study the ruling."
    art = kit.parse(text)
    assert [a.name for a in art.actors if a.kind == "organization"] == []


def test_a_headline_fragment_named_below_by_a_surname_gives_the_surname_to_its_owner() -> None:
    # "Ada Vell Says Marsk" holds Ada Vell's name: no actor of its own; "Marsk" below is Tom Marsk
    text = (
        "Ada Vell Says Marsk’s Plan Is A Waste Of Money\n\nNORVO — Ada Vell does not like the plan of "
        "senator Tom Marsk.\n\nIn an interview, Vell said Marsk was wrong. Marsk said: “I did nothing wrong.”"
    )
    art = kit.parse(text)
    assert [a.name for a in art.actors] == ["Ada Vell", "Tom Marsk"]
    assert [q.speaker for q in art.quotes] == ["tom_marsk"]
