"""A speech act named by a noun after a possessive ("his remark that “…”"): whose words the quote is."""

from __future__ import annotations

import pytest

import kit
from kit.parse.possessive import owned_noun, possessor


def speaker(text: str, index: int = 0) -> tuple[str | None, str | None, str | None]:
    art = kit.parse(text)
    q = art.quotes[index]
    span = art.span(q.speaker_start, q.speaker_end) if q.speaker_start is not None else None
    return span, q.speaker, q.rule


@pytest.mark.parametrize(
    "text, expected",
    [
        # a name's speech act, with modifiers, and a link ("that", "to", "of") before the quote
        ("Few were surprised by Tom Moss’s recent claim that the dam is “perfectly safe”.", "Tom Moss"),
        ("Zentrix’s slogan is “Build it now.”", "Zentrix"),
        ("Ivo Marsk’s pledge to “clean up the harbour” this year won him the seat.", "Ivo Marsk"),
        ("Under the Mayors’ vow of “no new taxes”, the budget shrank.", "Mayors"),
        # a possessive pronoun
        ("The row over his warning that the port would be “the last in line” went on.", "his"),
    ],
)
def test_the_possessive_names_the_speaker(text, expected):
    span, _, rule = speaker(text)
    assert (span, rule) == (expected, "possessive_noun")


def test_a_possessive_pronoun_resolves_to_the_person_named_before():
    text = "Ivo Marsk toured Norhaven on Monday. Critics seized on his remark that the port is “a relic”."
    assert speaker(text) == ("his", "ivo_marsk", "possessive_noun")


def test_a_that_clause_outranks_the_main_clause_subject():
    # the main clause's verb says nothing: the remark that the quote completes is hers
    text = "Tom Moss stirred a row last spring over her remark that “nobody reads the minutes”."
    assert speaker(text)[0] == "her"
    # without "that", the main clause's subject keeps the quote ("his call for" is what Moss backed)
    text = "Tom Moss backed Ivo Marsk’s call for “fair rules” at the meeting."
    assert speaker(text)[0] == "Tom Moss"


def test_a_verb_of_saying_before_the_possessive_keeps_the_quote():
    # the critics call the remark something: the quote is theirs, not the remark's owner's
    text = "The critics called Ivo Marsk’s remarks “a disgrace” on Monday."
    assert speaker(text)[0] == "The critics"


def test_a_speech_noun_after_a_possessive_is_not_a_verb():
    t = "Tom Moss’s claim and their calls, but they claim it"
    assert owned_noun(t, t.index("claim"), "claim")
    assert owned_noun(t, t.index("calls"), "calls")
    assert not owned_noun(t, t.rindex("claim"), "claim")
    # "Marsk's called it" is "Marsk has called it": a verb no speech noun list holds
    assert not owned_noun("Marsk’s called it", 8, "called")


@pytest.mark.parametrize(
    "text",
    [
        "The plan was “a mess”.",  # no possessive
        "His friends in Norhaven, tired of waiting, said “enough”.",  # no speech noun
        "Her remark was long. Then “nothing” happened.",  # a sentence mark in between
    ],
)
def test_no_possessive_speech_noun(text):
    cs = text.index("“")
    assert possessor(text, 0, cs) is None
