"""The exit ticket that ends each lesson: two multiple-choice questions aimed at a misconception.

Every option has its own feedback, so a wrong choice says *why* it is tempting
and what to think instead. When the learner presses Check, the answer is kept
in the learner folder (:func:`kit.learner.identity.record_answer`; nothing is
sent anywhere): the StanceCoder's export carries the answers only if the
learner ticks "Send my exit-ticket and judgement answers", and the teacher's class view then
shows per question how many chose each option and what each wrong one reveals. Displayed in a notebook, the ticket shows both
questions with their Check buttons; without widgets, ``ticket.q1.check("…")``
gives the same feedback.

>>> from kit.exercises import MultipleChoice
>>> a = MultipleChoice("A?", {"yes": "Right.", "no": "No, because…"}, correct="yes")
>>> b = MultipleChoice("B?", {"yes": "No, because…", "no": "Right."}, correct="no")
>>> ticket = ExitTicket(a, b)
>>> ticket.q2.check("no").outcome
'correct'
"""

from __future__ import annotations

import sys
from typing import Any

from ..errors import SaveError
from .core import MultipleChoice, Result

__all__ = ["ExitTicket"]


class ExitTicket:
    """Two (or more) multiple-choice questions shown together under one heading."""

    def __init__(self, *questions: MultipleChoice, title: str = "🎟 Exit ticket", lesson: str = "") -> None:
        if len(questions) < 2:
            raise ValueError("an exit ticket has at least two questions")
        self.questions = questions
        self.title = title
        # the lesson the answers are filed under: given, else the number of the kit.lessons.lessonNN module
        # that made the ticket ("" elsewhere: answers are then not kept)
        caller = str(sys._getframe(1).f_globals.get("__name__", ""))
        self.lesson = lesson or (f"Lesson {caller[-2:]}" if caller.startswith("kit.lessons.lesson") else "")
        for q in questions:
            q.on_answer = self._keep
        self._box: Any = None

    def _keep(self, question: MultipleChoice, answer: str, result: Result) -> None:
        """Keep the learner's answer in the learner folder (never stops the lesson)."""
        if not self.lesson:
            return
        from ..learner.identity import record_answer

        try:
            record_answer(
                self.lesson,
                question.question,
                answer,
                correct=answer == question.correct,
                feedback=question.options.get(answer, ""),
            )
        except (SaveError, OSError):
            pass

    def __getattr__(self, name: str) -> MultipleChoice:
        if name.startswith("q") and name[1:].isdigit():
            i = int(name[1:]) - 1
            questions = self.__dict__.get("questions", ())
            if 0 <= i < len(questions):
                return questions[i]
        raise AttributeError(name)

    @property
    def box(self) -> Any:
        if self._box is None:
            import ipywidgets as w

            head = w.HTML(
                f"<h3 style='margin:.4em 0'>{self.title}</h3>"
                "<p>Two questions: choose an answer, press <strong>Check</strong> and read the feedback.</p>"
            )
            self._box = w.VBox([head, *(q.box for q in self.questions)])
        return self._box

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.box._repr_mimebundle_(**kwargs)

    def __repr__(self) -> str:
        parts = [self.title]
        for i, q in enumerate(self.questions, 1):
            parts.append(f"q{i}. {q!r}")
        parts.append('(Without widgets: exit_ticket.q1.check("an option, copied exactly") shows the feedback.)')
        return "\n".join(parts)
