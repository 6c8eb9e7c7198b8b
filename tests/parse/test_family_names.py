"""A capitalised name whose first word is no listed given name and whose last is a frequent family name."""

from __future__ import annotations

import pytest

import kit


def _people(text: str) -> list[str]:
    return [a.id for a in kit.parse(text).actors if a.kind == "person"]


@pytest.mark.parametrize(
    ("text", "pid"),
    [
        ("The prize went to Wataro Brennan and a friend from the coast.", "wataro_brennan"),
        ("Ada Vell met Shimo Petersen in the hall on a wet night.", "shimo_petersen"),
        ("The songs came from Rupa Tarvek Kowalski on a wet night.", "rupa_tarvek_kowalski"),
    ],
)
def test_an_unlisted_first_word_and_a_family_name_make_a_person(text: str, pid: str) -> None:
    assert pid in _people(text)


def test_the_family_name_alone_later_names_the_same_person() -> None:
    art = kit.parse("The prize went to Wataro Brennan and a friend. Brennan said it was a surprise.")
    assert [a.id for a in art.actors if a.kind == "person"] == ["wataro_brennan"]


@pytest.mark.parametrize(
    "text",
    [
        "Between Brennan and Vell the vote split in two on a wet night.",  # a common word opens the sentence
        "Following Petersen's win, the crowd went home on a wet night.",
        "They drove through County Brennan at dawn on a wet night.",  # a place's word before the surname
        "The prize went to the Tarvo Brennan and a friend from the coast.",  # after "the"
        "The prize went to WATARO BRENNAN and a friend from the coast.",  # capitals throughout
        "Ivo and the zentrix team met. The prize went to Zentrix Brennan and a friend.",  # written in lower case
        "Kestrel Brennan Group reported a loss. Shares of Kestrel Brennan fell on a wet night.",  # a firm's short form
        "The deal went to Zentrix Brennan & Co on a wet night.",  # a firm named after its founder
        "The deal went to Kowalski Brennan on a wet night.",  # two family names: a firm named after its founders
    ],
)
def test_a_surname_like_last_word_alone_makes_no_person(text: str) -> None:
    people = _people(text)
    assert not any(p.endswith(("brennan", "petersen")) for p in people), people


def test_a_demonym_before_the_name_makes_no_person_of_the_whole() -> None:
    assert "kestrelian_wataro_brennan" not in _people("The prize went to Kestrelian Wataro Brennan and a friend.")


def test_a_role_word_before_the_surname_is_no_part_of_the_name() -> None:
    assert _people("The prize went to Rabbi Brennan and a friend from the coast.") == ["brennan"]


def test_a_given_name_before_the_surname_leaves_the_word_before_it_out() -> None:
    assert "follow_ada_brennan" not in _people("Readers can Follow Ada Brennan on the radio every night.")


def test_family_names_are_read_lazily() -> None:
    import subprocess
    import sys

    code = "import kit, sys; from kit.parse import entity_words as e; print(e.family_names.cache_info().currsize)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "0"


@pytest.mark.parametrize(
    ("text", "pid"),
    [
        ("The goal came from Orlando Brennan in the ninth minute.", "orlando_brennan"),
        ("The goal came from Jordan Kowalski in the ninth minute.", "jordan_kowalski"),  # a state's name too
        ("The goal came from Christian Petersen in the ninth minute.", "christian_petersen"),
        ("The goal came from Will Brennan in the ninth minute.", "will_brennan"),
    ],
)
def test_a_given_name_that_is_also_a_place_or_a_word_opens_a_name_before_a_family_name(text: str, pid: str) -> None:
    assert _people(text) == [pid]


@pytest.mark.parametrize(
    "text",
    [
        "Will Brennan come to the hall on a wet night?",  # a sentence opens: a verb
        "The goal came from Orlando Vesko in the ninth minute.",  # no listed family name after it
        "They flew from Orlando to Paris on a wet night.",
    ],
)
def test_such_a_given_name_alone_or_opening_a_sentence_makes_no_person(text: str) -> None:
    assert _people(text) == []
