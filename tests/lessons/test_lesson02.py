"""Notebook 02 · Actors: the facts its prose states, and its checks' teaching messages."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import kit
from kit.lessons import lesson02
from tests.lessontext import prose_of

NB = Path(__file__).resolve().parents[2] / "notebooks" / "02_actors.ipynb"
CASE = kit.load_case()
ART = CASE.article


def prose() -> str:
    return prose_of(NB)


def mention_at(word: str) -> list[tuple[int, str]]:
    """(¶ number counting from 1, actor id) for every mention spelled ``word``."""
    return [(ART.paragraph_of(m.start).index + 1, m.actor) for m in CASE.mentions if ART.span(m.start, m.end) == word]


def test_five_kinds_all_present():
    assert "The kit knows five kinds, and this article has all five" in prose()
    assert len(kit.ACTOR_KINDS) == 5
    assert {a.kind for a in CASE.actors} == set(kit.ACTOR_KINDS)


def test_kind_examples():
    kinds = {a.id: a.kind for a in CASE.actors}
    assert kinds["john_kerry"] == "person"
    assert kinds["nato"] == kinds["un"] == "organization"
    assert kinds["islamic_state"] == kinds["europeans"] == kinds["the_west"] == "group"
    assert kinds["anon_british_official"] == "anonymous"
    assert {"Britain", "British", "London"} <= set(CASE.actor("united_kingdom").aliases)


def test_metonyms_london_and_washington():
    text = prose()
    assert "in ¶ 15: “London had not yet decided" in text and "In ¶ 13, “Washington had to do more" in text
    assert mention_at("London") == [(15, "united_kingdom")]
    assert mention_at("Washington") == [(13, "united_states")]
    assert "London had not yet decided on any involvement in air strikes" in ART.text
    assert "Washington had to do more" in ART.text
    assert lesson02.metonym(CASE) == ("London", CASE.actor("united_kingdom"))


def test_a_city_after_in_is_a_place_not_an_actor():
    assert "The kit finds one *Washington*, not two: the second, which says no." in prose()
    demo = kit.parse("Ministers met in Washington. Washington said no.")
    assert [(m.start, m.actor) for m in demo.mentions] == [(29, "united_states")]
    assert lesson02.mentions_in(demo).rows == (("Washington", "united_states"),)
    ticket = lesson02.exit_ticket.q1  # "Ministers met in Rome … Paris said": only Paris
    rome = kit.parse("Ministers met in Rome on Monday. Paris said it would send aircraft.")
    assert [m.actor for m in rome.mentions] == ["france"] and "Only Paris" in ticket.correct


def test_the_west_names_an_actor_only_in_paragraph_14():
    text = prose()
    for words, para in (
        ("drawing volunteers from many countries including in the West", 2),
        ("westerners fighting for IS", 3),
        ("one Western defense official", 14),
    ):
        assert f"“{words}” (¶ {para})" in text
        assert ART.paragraph_of(ART.text.index(words)).index + 1 == para
    assert [ART.paragraph_of(m.start).index + 1 for m in CASE.mentions if m.actor == "the_west"] == [14]
    q3 = lesson02.check.q3
    assert q3({"paragraph": 3, "evidence": "westerners fighting for IS"}).correct
    assert "has no “West”" in q3({"paragraph": 7, "evidence": "the core group that will form"}).message


def test_islamic_state_most_mentioned_under_six_names_never_speaks():
    assert "Islamic State is the most mentioned actor, under six different names" in prose()
    counts = Counter(m.actor for m in CASE.mentions)
    assert counts.most_common(1)[0][0] == "islamic_state"
    names = {ART.span(m.start, m.end) for m in CASE.mentions if m.actor == "islamic_state"}
    assert names == {"Islamic State", "IS", "ISIL", "the Sunni militant group", "Sunni militants", "militants"}
    speakers = {q.speaker for q in ART.quotes} | {r.speaker for r in ART.reported}
    assert "islamic_state" not in speakers


def test_anonymous_examples_and_ids():
    anon = [a for a in CASE.actors if a.kind == "anonymous"]
    assert all(a.id.startswith("anon_") for a in anon)
    assert "anon_british_official" in {a.id for a in anon}
    assert CASE.actor("anon_british_official").country == "united_kingdom"


def test_metonym_check_messages():
    q2 = lesson02.check.q2
    assert q2("United Kingdom").correct and q2("Britain").correct and q2("the British government").correct
    assert q2("the government in London").correct  # a defensible answer: the government the city stands for
    assert not q2("the government in Paris").correct
    assert "Give that actor's id" in q2("london").message
    assert "not the actor" in q2("france").message


def test_names_of_islamic_state_check():
    q4 = lesson02.check.q4
    assert sorted(lesson02.SOLUTIONS["q4"]) == sorted(
        {"Islamic State", "IS", "ISIL", "the Sunni militant group", "Sunni militants", "militants"}
    )
    assert "never uses it" in q4(["Daesh"]).message
    assert "not one of the words" in q4(["terrorists"]).message
    assert "1 name is missing" in q4(lesson02.SOLUTIONS["q4"][1:]).message


def test_states_check_accepts_names_and_explains_other_kinds():
    q1 = lesson02.check.q1
    assert "not one of the states" in q1(lesson02.SOLUTIONS["q1"] + ["NATO"]).message
    assert "check the spelling" in q1(["Narnia"]).message


def test_the_exercise_2_answer_is_not_shown_above_it():
    """The alias demo and the metonym example use Washington; London (Exercise 2) is left to the learner."""
    nb = __import__("nbformat").read(str(NB), as_version=4)
    sources = [c.source for c in nb.cells]
    ex2 = next(i for i, s in enumerate(sources) if "**Exercise 2.**" in s)
    above = "\n".join(sources[:ex2])
    assert "united_kingdom" not in above and "London the United Kingdom" not in above
    assert 'case.actor("united_states").aliases' in above


def test_a_place_is_not_an_actor_in_the_chart_and_the_key():
    """Syria is named only as a place: the chart leaves those mentions out, Exercise 1 does not require it."""
    actor, place = kit.analysis.places.actor_mention_counts(CASE)
    assert place["syria"] == 4 and actor["syria"] == 0
    assert place["iraq"] == 3  # "in Iraq", "in Syria and Iraq"; "the Iraqis", "Iraq's neighbors" stay
    assert [a.id for a in lesson02.only_places(CASE)] == ["syria"]
    q1 = lesson02.check.q1
    assert q1(lesson02.SOLUTIONS["q1"]).correct and "syria" not in {x.lower() for x in lesson02.SOLUTIONS["q1"]}
    assert q1(lesson02.SOLUTIONS["q1"] + ["Syria"]).correct
    assert "1 name is missing" in q1(lesson02.SOLUTIONS["q1"][1:]).message
    import matplotlib

    matplotlib.use("Agg")
    ax = kit.plots.plot_mentions(CASE)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert "Syria" not in labels
    assert "Not counted: 7 mentions of a place" in kit.plots.alt_text(ax)
    __import__("matplotlib.pyplot").pyplot.close(ax.figure)
    assert "A place is not an actor" in prose() and "note under the chart" in prose()


def test_no_raw_none_and_no_comprehension_in_the_demo_cells():
    nb = __import__("nbformat").read(str(NB), as_version=4)
    code = [c.source for c in nb.cells if c.cell_type == "code"]
    assert not any(" for " in s and ("[" in s or "(" in s) for s in code)
    assert "None" not in repr(lesson02.anonymous_sources(CASE))
