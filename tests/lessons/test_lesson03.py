"""Notebook 03 · Voices and sources: the facts its prose states, and its checks' teaching messages."""

from __future__ import annotations

from pathlib import Path


import kit
from kit.lessons import lesson03
from tests.lessontext import prose_of

NB = Path(__file__).resolve().parents[2] / "notebooks" / "03_voices_and_sources.ipynb"
CASE = kit.load_case()
ART = CASE.article


def prose() -> str:
    return prose_of(NB)


def speakers() -> set[str | None]:
    return {q.speaker for q in ART.quotes} | {r.speaker for r in ART.reported}


def test_nine_direct_quotations_with_cue_verbs():
    assert "The kit finds nine direct quotations" in prose()
    assert len(ART.quotes) == 9
    assert ART.quotes[0].speaker == "john_kerry" and ART.quotes[0].cue == "told"


def test_one_continued_quote_in_paragraph_5():
    text = prose()
    assert "In ¶ 5 a quote stands alone, with no name and no cue verb" in text
    continued = [q for q in ART.quotes if q.continued]
    assert len(continued) == 1
    q = continued[0]
    assert q.paragraph + 1 == 5 and q.cue is None
    assert ART.span(q.start, q.end) in text
    assert q.speaker == ART.quotes[ART.quotes.index(q) - 1].speaker


def test_two_partial_quotes_one_by_a_state():
    text = prose()
    assert "This article has two partial quotes" in text
    partial = [q for q in ART.quotes if q.partial]
    assert len(partial) == 2
    assert [ART.span(q.start, q.end) for q in partial] == ["a challenge to every country here", "highly likely"]
    assert CASE.actor(partial[0].speaker).name == "John Kerry"
    assert CASE.actor(partial[1].speaker).kind == "state"
    assert "“a challenge to every country here”, Kerry told the ministers" in text


def test_cameron_and_hollande_second_hand_in_paragraph_13():
    assert "Look at ¶ 13: what David Cameron and Francois Hollande told Obama" in prose()
    in_13 = {r.speaker for r in ART.reported if r.paragraph + 1 == 13}
    assert {"anon_european_officials", "david_cameron", "francois_hollande"} <= in_13
    assert CASE.actor("anon_european_officials").kind == "anonymous"
    assert "in private meetings" in ART.text


def test_kerry_has_the_largest_share_of_voice():
    assert "John Kerry has the largest share" in prose()
    v = kit.analysis.voices(CASE)
    assert v.index[0] == "john_kerry" and v["total"].iloc[0] > v["total"].iloc[1]


def test_condition_of_anonymity_is_in_the_article():
    assert "*A British official, speaking on condition of anonymity*" in prose()
    assert "A British official, speaking on condition of anonymity" in ART.text


def test_no_iraqi_or_syrian_voice():
    assert "No one from Iraq or Syria speaks in this article" in prose()
    for s in speakers():
        actor = CASE.actor(s)
        assert actor.id not in {"iraq", "syria"} and actor.country not in {"iraq", "syria"}


def test_share_check_matches_the_kit():
    assert abs(lesson03.SOLUTIONS["q3"] - kit.analysis.anonymous_share(CASE)) < 1e-9
    q3 = lesson03.check.q3
    assert "too high" in q3(0.5).message and "AND reported" in q3(0.5).message
    assert q3(round(lesson03.SOLUTIONS["q3"], 2)).correct


def test_reported_only_speakers():
    only = lesson03.reported_only(CASE)
    assert {"david_cameron", "francois_hollande", "philip_hammond"} <= only
    assert not only & {q.speaker for q in ART.quotes}
    assert lesson03.check.q2(sorted(only)).correct
