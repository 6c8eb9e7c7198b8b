"""The exit ticket that ends each lesson: two multiple-choice questions aimed at a misconception.

Every option has its own feedback, so a wrong choice says *why* it is tempting
and what to think instead. Displayed in a notebook, the ticket shows both
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

from typing import Any

from .core import MultipleChoice

__all__ = ["ExitTicket"]


class ExitTicket:
    """Two (or more) multiple-choice questions shown together under one heading."""

    def __init__(self, *questions: MultipleChoice, title: str = "🎟 Exit ticket") -> None:
        if len(questions) < 2:
            raise ValueError("an exit ticket has at least two questions")
        self.questions = questions
        self.title = title
        self._box: Any = None

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
