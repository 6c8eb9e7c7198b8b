"""One small text per attribution pattern (issue 10): the speaker span and actor of each quote."""

from __future__ import annotations

import pytest

import kit


def speakers(text: str) -> list[tuple[str | None, str | None]]:
    art = kit.parse(text)
    return [
        (art.span(q.speaker_start, q.speaker_end) if q.speaker_start is not None else None, q.speaker)
        for q in art.quotes
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # speaker after the quote, normal and inverted, with honorifics and appositions
        ("“We are ready,” Ann Lee said.", [("Ann Lee", "ann_lee")]),
        ("“We are ready,” said Don Fowler, who led the party from 1995 to 1997.", [("Don Fowler", "don_fowler")]),
        ("“We are ready,” Tom Becker, a spokesman for the union, said.", [("Tom Becker", "tom_becker")]),
        ("David Chen owns the shop. “We are closing,” Mr. Chen said.", [("Mr. Chen", "david_chen")]),
        ("“Why now?” Carl Dunn asked.", [("Carl Dunn", "carl_dunn")]),
        # a lowercase modifier before a title; the cue later in the quote's sentence
        (
            "“It was a mistake,” said former Sen. Ann Lee (D-Ohio), who voted for it.",
            [("former Sen. Ann Lee", "ann_lee")],
        ),
        ("“We are happy” about the ruling, said Tom Becker, a nurse.", [("Tom Becker", "tom_becker")]),
        # the subject past an aside, a conjunction, or an earlier verb joined by "and"
        ("Ann Lee, in a statement on Monday, said the plan was “a disgrace.”", [("Ann Lee", "ann_lee")]),
        ("It is not, and Ann Lee says caucuses “are a mystery.”", [("Ann Lee", "ann_lee")]),
        (
            "“Hello,” said Ann Lee. Lee took the stage in Ohio and called the system “rotten.”",
            [("Ann Lee", "ann_lee"), ("Lee", "ann_lee")],
        ),
        ("“It is over,” she concluded.", [("she", None)]),
        # speaker before: colon introductions, comma introductions, according to
        ("Ann Lee said: “We are ready.”", [("Ann Lee", "ann_lee")]),
        (
            "A spokesperson for the company said: “No comment.”",
            [("A spokesperson for the company", "anon_spokesperson")],
        ),
        ("According to Ann Lee, “the talks failed.”", [("Ann Lee", "ann_lee")]),
        # dash attribution
        ("“We will be back” — Ann Lee", [("Ann Lee", "ann_lee")]),
        # a run of quotes after one attribution, across sentences and paragraphs
        ("“One,” Ann Lee said. “Two.”\n\n“Three.”", [("Ann Lee", "ann_lee")] * 3),
        # colon introduction closing the previous paragraph
        ("Ann Lee continued:\n\n“We will not stop.”", [("Ann Lee", "ann_lee")]),
        # partial quotes governed by common verbs
        ("Ann Lee called the plan “a bailout” on Monday.", [("Ann Lee", "ann_lee")]),
        ("Ann Lee tweeted that the plan was “a disgrace.”", [("Ann Lee", "ann_lee")]),
        ("Ann Lee accused the mayor of “lying to voters.”", [("Ann Lee", "ann_lee")]),
        (
            "For his part, Tom Ray tweeted Monday that Lee is a “loser,” a “liar” and a “whiner.”",
            [("Tom Ray", "tom_ray")] * 3,
        ),
    ],
)
def test_attribution_pattern(text, expected):
    assert speakers(text) == expected


def test_she_never_goes_to_a_man():
    text = "Mr. Tom Ray met Ann Lee on Monday. “We agreed,” she said."
    assert speakers(text)[0][1] != "tom_ray"


def test_gender_from_an_honorific():
    text = "Ms. Ann Lee spoke after Mr. Tom Ray. “We agreed,” he said. “We did,” she said."
    assert [s for _, s in speakers(text)] == ["tom_ray", "ann_lee"]


def test_speaker_keeps_span_and_actor_is_none_when_unknown():
    art = kit.parse("“It is done,” the old man said.")
    q = art.quotes[0]
    assert art.span(q.speaker_start, q.speaker_end) == "the old man" and q.speaker is None


def test_untitled_person_surname_resolves():
    art = kit.parse("Maria Lopez, a nurse, said the ward was full. “We need help,” Lopez said.")
    assert art.quotes[0].speaker == "maria_lopez"
    assert art.actor("maria_lopez").role == "nurse"


def test_case_actors_reattribute_quotes(tmp_path):
    (tmp_path / "a.txt").write_text("“We will win,” Clinton said.\n", encoding="utf-8")
    (tmp_path / "case.yaml").write_text(
        "title: t\narticle: a.txt\nactors:\n  - id: hillary_clinton\n    name: Hillary Clinton\n"
        "    kind: person\n    aliases: [Clinton]\n",
        encoding="utf-8",
    )
    case = kit.load_case(tmp_path / "case.yaml")
    assert case.article.quotes[0].speaker == "hillary_clinton"
