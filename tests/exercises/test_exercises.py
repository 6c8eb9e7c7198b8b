"""Exercises: three outcomes, leveled hints, no leaked answers or tracebacks, multiple choice."""

from __future__ import annotations

import pytest

from kit.exercises import (
    CORRECT,
    INCORRECT,
    NOT_ATTEMPTED,
    Exercise,
    ExerciseSet,
    MultipleChoice,
    about,
    equals,
    names_actor,
    same_ids,
)
from kit.records import Actor

SECRET = ["zanzibar_id", "quokka_id"]


def ids_exercise() -> Exercise:
    return Exercise(
        "q1",
        check=same_ids(SECRET),
        hints=["first", "second"],
        solution="answer = [...]",
        success="Next: what do they agree on?",
        starter=[],
    )


def test_three_outcomes():
    q = ids_exercise()
    assert q(None).outcome == NOT_ATTEMPTED
    assert q([]).outcome == NOT_ATTEMPTED  # the untouched starter
    assert q(["QUOKKA_ID", "zanzibar_id"]).outcome == CORRECT
    assert q(["quokka_id"]).outcome == INCORRECT


def test_success_bridges_to_the_next_idea():
    assert "Next: what do they agree on?" in q_message(ids_exercise(), SECRET)


def q_message(q: Exercise, answer) -> str:
    return q(answer).message


@pytest.mark.parametrize("answer", [["quokka_id"], ["quokka_id", "wrong"], 42, "zanzibar_id", {"a": 1}, [1, 2], 3.5])
def test_messages_never_leak_the_expected_value(answer):
    result = ids_exercise()(answer)
    text = str(result) + result._repr_html_()
    assert result.outcome == INCORRECT
    assert "zanzibar" not in text or "zanzibar_id" in repr(answer)
    assert "Traceback" not in text


@pytest.mark.parametrize(("answer", "words"), [(42, "whole number"), ("x", "text"), (None, "")])
def test_wrong_type_says_what_type_is_expected(answer, words):
    result = ids_exercise()(answer)
    if answer is None:
        assert result.outcome == NOT_ATTEMPTED
    else:
        assert "list of actor ids" in result.message and words in result.message


def test_a_raising_custom_check_gives_a_message_not_a_traceback():
    q = Exercise("q", check=lambda a: (a.upper() == "X", ""), expects="text, like 'X'")
    result = q(12)
    assert result.outcome == INCORRECT and "text, like 'X'" in result.message and "int" in result.message


class _Ambiguous:
    """Like a numpy array: comparing gives something whose truth value raises."""

    def __bool__(self) -> bool:
        raise ValueError("The truth value of an array with more than one element is ambiguous.")


@pytest.mark.parametrize(
    "returns", [_Ambiguous(), (1, 2, 3), (_Ambiguous(), "msg")], ids=["ambiguous", "3-tuple", "ambiguous-in-tuple"]
)
def test_a_check_returning_an_odd_value_gives_a_message_not_a_traceback(returns):
    q = Exercise("q", check=lambda a: returns, expects="a list of actor ids")
    result = q(["x"])
    assert (
        result.outcome == INCORRECT
        and "could not be checked" in result.message
        and "a list of actor ids" in result.message
    )


def test_custom_check_message_is_used():
    q = Exercise("q", check=lambda a: (a > 2, "Count again: include the headline."))
    assert q(1).message.startswith("Count again")
    assert q(3).correct


def test_hints_are_leveled_then_point_to_the_solution():
    q = ids_exercise()
    h1, h2, h3 = q.hint(), q.hint(), q.hint()
    assert h1.message == "first" and h1.title == "Hint 1 of 2"
    assert h2.message.startswith("second") and "solution()" in h2.message
    assert h3.message == h2.message


def test_solution_shows_code_escaped():
    q = Exercise("q", check=equals(3), solution="answer = '<b>3</b>'")
    html = q.solution()._repr_html_()
    assert "&lt;b&gt;3&lt;/b&gt;" in html and "<b>3</b>" not in html
    assert "answer = '<b>3</b>'" in str(q.solution())


def test_no_hint_no_solution_messages():
    q = Exercise("q", expected="x")
    assert "solution()" in q.hint().message
    assert "teacher" in q.solution().message


def test_html_escapes_learner_text():
    result = Exercise("q", check=same_ids(["a"]))(["<script>alert(1)</script>"])
    assert "<script>" not in result._repr_html_()
    assert "&lt;script&gt;" in result._repr_html_()


def test_about_tolerance_direction_and_types():
    check = about(0.18, tol=0.01)
    assert check(0.185) == (True, "")
    assert "too high" in check(0.3)[1] and "0.18" not in check(0.3)[1]
    assert "too low" in check(0.1)[1]
    assert "number" in check("0.18")[1]
    assert "number" in check(True)[1]
    assert "NaN" in check(float("nan"))[1]


def test_equals_number_and_type():
    assert Exercise("q", expected=10)(10).correct
    assert Exercise("q", expected=10)(10.0).correct
    assert "text" in Exercise("q", expected="kerry")(5).message


def test_names_actor_matches_every_alias():
    us = Actor("united_states", "United States", "state", aliases=("U.S.", "Washington"))
    check = names_actor(us)
    for answer in ("United States", "us", "U.S.", " washington ", "united_states"):
        assert check(answer)[0], answer
    ok, message = check("France")
    assert not ok and "Washington" not in message
    assert "text in quotes" in check(["U.S."])[1]
    assert "empty" in check("  ")[1]


def test_exercise_set_by_name():
    check = ExerciseSet(ids_exercise())
    assert check.q1(SECRET).correct
    with pytest.raises(AttributeError, match="q1"):
        check.q9  # noqa: B018 (the attribute access is what raises)


def test_plain_text_and_html_display():
    result = ids_exercise()(["x"])
    assert str(result).startswith("✗ Not yet:")
    assert repr(result) == str(result)
    assert "Not yet" in result._repr_html_() and "role='status'" in result._repr_html_()


def make_mc() -> MultipleChoice:
    return MultipleChoice(
        "Who <b>leads</b>?",
        {"The US": "Right: it convened the meeting.", "NATO": "NATO only shares information.", "IS": ""},
        correct="The US",
        success="Next: who follows?",
    )


def test_multiple_choice_feedback_per_option():
    mc = make_mc()
    assert mc.check(None).outcome == NOT_ATTEMPTED
    assert mc.check("NATO").message == "NATO only shares information."
    assert mc.check("IS").outcome == INCORRECT and mc.check("IS").message
    good = mc.check("The US")
    assert good.correct and "convened" in good.message and "who follows" in good.message
    assert mc.check("Elsewhere").outcome == INCORRECT
    for odd in (["The US"], {"The US": 1}, 3, b"The US"):  # unhashable or not text: a message, not a TypeError
        assert mc.check(odd).outcome == INCORRECT and "not one of the options" in mc.check(odd).message


def test_multiple_choice_widget_by_keyboard_controls():
    mc = make_mc()
    mc.box  # noqa: B018 (built on first use)
    assert mc.radio.description == "Answer:" and mc.button.description == "Check"
    assert mc.radio.value is None
    mc.button.click()
    assert "Not attempted" in mc.feedback.value
    mc.radio.value = "NATO"
    assert mc.feedback.value == ""  # old feedback cleared on change
    mc.button.click()
    assert "shares information" in mc.feedback.value
    mc.radio.value = "The US"
    mc.button.click()
    assert "Correct" in mc.feedback.value
    assert "<b>leads</b>" not in mc.box.children[0].value  # question escaped
    assert "application/vnd.jupyter.widget-view+json" in mc._repr_mimebundle_()


def test_multiple_choice_rejects_unknown_correct_label():
    with pytest.raises(ValueError):
        MultipleChoice("Q", {"a": ""}, correct="b")
