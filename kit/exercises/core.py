"""Exercises with checks that teach: correct / incorrect / not attempted, hints, solutions.

A notebook author defines a check in one line and the learner calls it with
their value (no ``globals()`` magic)::

    q1 = Exercise("q1", check=same_ids(["a", "b"]), hints=["Look at ¶ 6."],
                  solution="answer = ['a', 'b']", success="Next: who speaks for them?")
    q1(answer)        # -> Result, shown as HTML in a notebook, plain text elsewhere
    q1.hint()         # hint 1, then hint 2, ...
    q1.solution()

Messages never show the expected value or a traceback, even when the answer
has the wrong type: they say what kind of value is expected instead.

>>> import kit
>>> from kit.exercises import names_actor
>>> case_actor = kit.Actor("john_kerry", "John Kerry", "person", aliases=("Kerry",))
>>> q = Exercise("speaker", check=names_actor(case_actor), hints=["Who says 'boots'?"])
>>> q(None).outcome
'not attempted'
>>> q("kerry").outcome
'correct'
>>> print(q(42))
✗ Not yet: This answer should be a name, as text in quotes (like "Someone"); you gave a whole number (int). Call hint() for a hint.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..util import esc
from .checks import equals, type_name

__all__ = [
    "CORRECT",
    "INCORRECT",
    "NOT_ATTEMPTED",
    "Result",
    "Note",
    "Exercise",
    "ExerciseSet",
    "MultipleChoice",
]

CORRECT, INCORRECT, NOT_ATTEMPTED = "correct", "incorrect", "not attempted"
_HEAD = {CORRECT: "✓ Correct", INCORRECT: "✗ Not yet", NOT_ATTEMPTED: "… Not attempted"}
_BORDER = {CORRECT: "#1a7f37", INCORRECT: "#b35900", NOT_ATTEMPTED: "#57606a", "hint": "#0969da", "solution": "#57606a"}


@dataclass(frozen=True)
class Note:
    """A message shown to the learner: rich HTML in a notebook, plain text elsewhere."""

    kind: str
    title: str
    message: str
    code: str = ""

    def __str__(self) -> str:
        parts = [f"{self.title}: {self.message}" if self.message else self.title]
        if self.code:
            parts.append(self.code)
        return "\n".join(parts)

    def __repr__(self) -> str:
        return str(self)

    def _repr_html_(self) -> str:
        colour = _BORDER.get(self.kind, "#57606a")
        code = f"<pre style='margin:.4em 0 0'>{esc(self.code)}</pre>" if self.code else ""
        return (
            f"<div class='kit-note kit-{esc(self.kind).replace(' ', '-')}' role='status' "
            f"style='border-left:4px solid {colour};padding:.3em .8em;margin:.3em 0'>"
            f"<strong>{esc(self.title)}</strong> {esc(self.message)}{code}</div>"
        )


class Result(Note):
    """The outcome of a check: ``outcome`` is ``"correct"``, ``"incorrect"`` or ``"not attempted"``."""

    def __init__(self, outcome: str, message: str) -> None:
        super().__init__(outcome, _HEAD[outcome], message)

    @property
    def outcome(self) -> str:
        return self.kind

    @property
    def correct(self) -> bool:
        return self.kind == CORRECT

    def __bool__(self) -> bool:
        return self.correct


# --- exercises ---------------------------------------------------------------


class Exercise:
    """One checkable question.

    Args:
        name: short identifier (``"q1"``), used by :class:`ExerciseSet`.
        check: a callable ``check(answer) -> bool | (bool, message)``, or a plain
            expected value (compared with :func:`equals`).
        expected: an expected value, when ``check`` is not given.
        hints: hints from gentle to specific; :meth:`hint` gives the next one.
        solution: the worked answer as code text, shown by :meth:`solution`.
        starter: the value the starter cell holds; an unchanged starter counts as not attempted.
        expects: what kind of value is expected, for messages ("a list of actor ids").
        success: what to think about next, added to the success message.
    """

    def __init__(
        self,
        name: str,
        *,
        check: Any = None,
        expected: Any = None,
        hints: Iterable[str] = (),
        solution: str = "",
        starter: Any = None,
        expects: str = "",
        success: str = "",
    ) -> None:
        if check is None or not callable(check):
            check = equals(expected if check is None else check)
        self.name = name
        self._check = check
        self.hints = tuple(hints)
        self._solution = solution
        self.starter = starter
        self.expects = expects
        self.success = success
        self._hint_level = 0
        #: called as ``on_check(exercise, answer, result)`` after every attempted check (never for "not
        #: attempted"); :class:`ExerciseSet` uses it to keep judgement answers for the teacher
        self.on_check: Callable[[Exercise, Any, Result], None] | None = None

    def _untouched(self, answer: Any) -> bool:
        if answer is None or answer is Ellipsis:
            return True
        if self.starter is None:
            return False
        try:
            return bool(type(answer) is type(self.starter) and answer == self.starter)
        except Exception:  # noqa: BLE001 - an odd answer type is simply "touched"
            return False

    def check(self, answer: Any) -> Result:
        """Check the learner's ``answer``; never raises, never reveals the expected value."""
        result = self._result(answer)
        if self.on_check is not None and result.outcome != NOT_ATTEMPTED:
            try:
                self.on_check(self, answer, result)
            except Exception:  # noqa: BLE001 - keeping an answer must never break a lesson
                pass
        return result

    def _result(self, answer: Any) -> Result:
        if self._untouched(answer):
            return Result(NOT_ATTEMPTED, "Replace the starter value with your answer, then run the cell again.")
        try:
            outcome = self._check(answer)
            ok, message = outcome if isinstance(outcome, tuple) else (outcome, "")
            ok, message = bool(ok), str(message or "")  # e.g. a numpy array here raises, and is caught
        except Exception:  # noqa: BLE001 - a learner's value must never produce a traceback
            expects = self.expects or "a different kind of value"
            return Result(
                INCORRECT,
                f"This answer could not be checked: it is {type_name(answer)}, but this exercise expects {expects}.",
            )
        if ok:
            return Result(CORRECT, " ".join(x for x in (message or "Well done.", self.success) if x))
        tail = " Call hint() for a hint." if self.hints else ""
        return Result(INCORRECT, (message or "Not quite. Re-read the passage and try again.") + tail)

    __call__ = check

    def hint(self) -> Note:
        """The next hint (the first call gives hint 1); after the last one it repeats with a pointer to the solution."""
        if not self.hints:
            return Note("hint", "No hint", "There is no hint for this one; call solution() to see a worked answer.")
        level = min(self._hint_level, len(self.hints) - 1)
        self._hint_level += 1
        last = " (That was the last hint; solution() shows a worked answer.)" if level == len(self.hints) - 1 else ""
        return Note("hint", f"Hint {level + 1} of {len(self.hints)}", self.hints[level] + last)

    def solution(self) -> Note:
        """The worked answer, as code to read and run."""
        if not self._solution:
            return Note("solution", "Solution", "No worked solution is stored for this exercise; ask your teacher.")
        return Note("solution", "Solution", "one way to answer:", code=self._solution)

    def __repr__(self) -> str:
        return f"Exercise({self.name!r}: call it with your answer; .hint(), .solution())"


class ExerciseSet:
    """Exercises reachable by name: ``check = ExerciseSet(q1, q2)``; ``check.q1(answer)``."""

    def __init__(self, *exercises: Exercise, lesson: str = "") -> None:
        self._by_name = {ex.name: ex for ex in exercises}
        # judgement answers are kept for the teacher (as exit-ticket answers are), filed under the lesson:
        # given, else the number of the kit.lessons.lessonNN module that made the set
        caller = str(sys._getframe(1).f_globals.get("__name__", ""))
        self.lesson: str = lesson or (f"Lesson {caller[-2:]}" if caller.startswith("kit.lessons.lesson") else "")
        for ex in exercises:
            if self.lesson and getattr(ex._check, "judgement_field", None):
                ex.on_check = self._keep

    def _keep(self, exercise: Exercise, answer: Any, result: Result) -> None:
        """Keep a judgement answer (the decision, right or not) in the learner folder for an export."""
        from ..learner.identity import record_answer

        field = str(getattr(exercise._check, "judgement_field", "answer"))
        value = answer.get(field) if isinstance(answer, Mapping) else None
        if value is None:
            return
        choice = " ".join(str(value).lower().split())[:80]
        record_answer(
            self.lesson,
            f"{exercise.name}: your {field}, with evidence (judgement)",
            choice,
            correct=result.correct,
            feedback="" if result.correct else result.message,
        )

    def __getattr__(self, name: str) -> Exercise:
        try:
            return self.__dict__["_by_name"][name]
        except KeyError:
            known = ", ".join(self.__dict__.get("_by_name", {}))
            raise AttributeError(f"no exercise {name!r}; known: {known}") from None

    def __dir__(self) -> list[str]:
        return sorted(self._by_name)


class MultipleChoice:
    """A multiple-choice question: labelled radio buttons, a Check button and feedback per option.

    Args:
        question: the question text.
        options: option label -> feedback shown when that option is checked.
        correct: the label of the right option.
        success: what to think about next, added to the success feedback.

    >>> mc = MultipleChoice("Who formed the core group?", {"Ten nations": "Yes.", "NATO": "NATO is an alliance."},
    ...                     correct="Ten nations")
    >>> mc.check("NATO").outcome
    'incorrect'
    """

    def __init__(self, question: str, options: Mapping[str, str], *, correct: str, success: str = "") -> None:
        if correct not in options:
            raise ValueError("correct must be one of the option labels")
        self.question = question
        self.options = dict(options)
        self.correct = correct
        self.success = success
        self._box: Any = None
        #: called as ``on_answer(question, answer, result)`` when the learner presses Check (the exit ticket
        #: keeps the answer in the learner folder, for a coding file to carry if the learner chooses)
        self.on_answer: Callable[[MultipleChoice, str, Result], None] | None = None

    def check(self, answer: str | None) -> Result:
        """Feedback for ``answer`` (an option label, or ``None`` for no choice)."""
        if answer is None:
            return Result(NOT_ATTEMPTED, "Choose one of the options, then press Check.")
        if not isinstance(answer, str) or answer not in self.options:
            return Result(INCORRECT, "That is not one of the options; choose one of the buttons.")
        text = self.options[answer]
        if answer == self.correct:
            return Result(CORRECT, " ".join(x for x in (text, self.success) if x))
        return Result(INCORRECT, text or "Not this one. Think again and try another option.")

    def _build(self) -> Any:
        import ipywidgets as w

        self.radio = w.RadioButtons(
            options=list(self.options), value=None, description="Answer:", layout=w.Layout(width="max-content")
        )
        self.button = w.Button(description="Check", tooltip="Check your answer", button_style="primary")
        self.feedback = w.HTML(value="")
        self.button.on_click(lambda _b: self._show())
        self.radio.observe(lambda _c: setattr(self.feedback, "value", ""), names="value")
        prompt = w.HTML(f"<p><strong>{esc(self.question)}</strong></p>")
        return w.VBox([prompt, self.radio, self.button, self.feedback])

    @property
    def box(self) -> Any:
        """The widget (built on first use)."""
        if self._box is None:
            self._box = self._build()
        return self._box

    def _show(self) -> Result:
        answer = self.box.children[1].value
        result = self.check(answer)
        self.feedback.value = result._repr_html_()
        if self.on_answer is not None and answer in self.options:
            self.on_answer(self, answer, result)
        return result

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.box._repr_mimebundle_(**kwargs)

    def __repr__(self) -> str:
        lines = [self.question] + [f"  ( ) {label}" for label in self.options]
        return "\n".join(lines)
