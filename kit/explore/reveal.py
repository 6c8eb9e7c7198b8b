"""Answers behind a button: a reference table or figure that shows only when the learner asks.

Every answer a kit renderer produces is wrapped by :func:`answer_html`, which
marks it with :data:`ANSWER_ATTR` and the exercises it answers
(``data-kit-answer='04:q1 04:q2'``). A :class:`Reveal` shows such an answer
only after its button is pressed, so *Run All* never puts an answer on screen;
``tests/test_no_answer_above.py`` runs the lessons and fails if a marked answer
appears above the last exercise it answers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from ..util import esc
from .base import Explorer

__all__ = ["ANSWER_ATTR", "Reveal", "answer_html", "answers_in"]

#: The HTML attribute that marks an answer, with the exercises it answers as its value.
ANSWER_ATTR = "data-kit-answer"
_MARKED = re.compile(ANSWER_ATTR + r"""=['"]([^'"]{0,200})['"]""")


def answer_html(body: str, *, answers: Sequence[str]) -> str:
    """``body`` (trusted HTML) marked as the answer to ``answers`` (exercise ids such as ``"04:q1"``).

    >>> answer_html("<p>support</p>", answers=["04:q1"])
    "<div data-kit-answer='04:q1'><p>support</p></div>"
    """
    return f"<div {ANSWER_ATTR}='{esc(' '.join(answers))}'>{body}</div>"


def answers_in(text: str) -> list[str]:
    """The exercise ids of every marked answer in ``text`` (HTML or any output text).

    >>> answers_in(answer_html("x", answers=["04:q1", "04:q2"]))
    ['04:q1', '04:q2']
    """
    return [ex for found in _MARKED.findall(text) for ex in found.split()]


class Reveal(Explorer):
    """A button that shows an answer (the HTML ``render_answer()`` returns) only when pressed.

    Args:
        render_answer: returns the answer as trusted HTML (called when shown).
        answers: the exercises it answers, e.g. ``["04:q1", "04:q2"]``.
        label: the button's text, e.g. "Show the reference coding".
        hidden: what shows before the button is pressed.

    >>> r = Reveal(lambda: "<p>the key</p>", answers=["04:q1"], label="Show the key")
    >>> "the key" in r.html, answers_in(r.snapshot())
    (False, [])
    >>> r.button.value = True
    >>> answers_in(r.html)
    ['04:q1']
    """

    def __init__(
        self,
        render_answer: Callable[[], str],
        *,
        answers: Sequence[str],
        label: str,
        hidden: str = "Hidden until you press the button: answer the exercises above first.",
        title: str = "",
    ) -> None:
        import ipywidgets as w

        self._render_answer = render_answer
        self.answers = tuple(answers)
        self.title = title
        self._hidden = hidden
        # width auto: a toggle button's fixed 148 px would cut "Show the reference coding" short
        self.button = w.ToggleButton(
            value=False, description=label, tooltip=label, icon="eye", layout=w.Layout(width="auto")
        )
        self._finish([self.button])

    def _controls(self) -> list[Any]:
        return [self.button]

    @property
    def shown(self) -> bool:
        """Whether the answer is on screen."""
        return bool(self.button.value)

    def render(self) -> str:
        if not self.shown:
            return f"<p><em>{esc(self._hidden)}</em></p>"
        return answer_html(self._render_answer(), answers=self.answers)
