"""Checks for notebook 01 · The article: paragraph kinds, the credits line, where the quotes are.

Every expected value is computed from the parsed bundled article.

>>> check.q2(SOLUTIONS["q2"]).outcome
'correct'
>>> "two roles" in str(check.q2(WRONG["q2"][0]))
True
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from ..case.load import load_case
from ..exercises import Exercise, ExerciseSet, about
from ..records import Article

__all__ = ["check", "quote_paragraphs", "SOLUTIONS", "WRONG"]

_ART: Article = load_case().article


def quote_paragraphs(article: Article) -> list[int]:
    """The paragraph numbers (counting from 1, as the explorers show them) that hold a direct quote.

    >>> import kit
    >>> 4 in quote_paragraphs(kit.load_article())
    True
    """
    return sorted({q.paragraph + 1 for q in article.quotes})


def _count_check(expected: int, *, everything: int, what: str) -> Callable[[Any], tuple[bool, str]]:
    plain = about(expected, what=what)

    def check(answer: Any) -> tuple[bool, str]:
        if answer == everything and everything != expected and not isinstance(answer, bool):
            return False, "That counts every paragraph, including the heading, the rule and the credits. Count only kind 'body'."
        return plain(answer)

    return check


def _journalists_check(expected: int, *, with_repeats: int) -> Callable[[Any], tuple[bool, str]]:
    plain = about(expected, what="number of journalists")

    def check(answer: Any) -> tuple[bool, str]:
        if answer == with_repeats and with_repeats != expected and not isinstance(answer, bool):
            return False, "Close! But one journalist is named in two roles: count each person once."
        return plain(answer)

    return check


def _numbers_check(expected: Iterable[int]) -> Callable[[Any], tuple[bool, str]]:
    want = set(expected)

    def check(answer: Any) -> tuple[bool, str]:
        if isinstance(answer, str) or not isinstance(answer, (list, tuple, set, range)):
            return False, "This answer should be a list of paragraph numbers, like [2, 7]."
        if not all(isinstance(x, int) and not isinstance(x, bool) for x in answer):
            return False, "Every item should be a whole number without quotes, like [2, 7]."
        got = set(answer)
        if got == want:
            return True, ""
        if got == {n - 1 for n in want}:
            return False, ("These look like Python indexes, which count from 0. The ¶ numbers in the explorer "
                           "count from 1: add 1 to each.")
        extra, missing = len(got - want), len(want - got)
        parts = []
        if extra:
            parts.append(f"{extra} of your numbers {'has' if extra == 1 else 'have'} no quote")
        if missing:
            parts.append(f"{missing} paragraph{' is' if missing == 1 else 's are'} missing")
        return False, "; ".join(parts).capitalize() + ". Look for the quotation marks “ ” in the explorer."

    return check


_BODY = sum(1 for p in _ART.paragraphs if p.kind == "body")
_WITH_REPEATS = sum(len(role) for role in (_ART.credits.by, _ART.credits.additional_reporting,
                                            _ART.credits.writing, _ART.credits.editing))

check = ExerciseSet(
    Exercise(
        "q1",
        check=_count_check(_BODY, everything=len(_ART.paragraphs), what="number of body paragraphs"),
        hints=["Each paragraph has a kind: 'body', 'heading', 'rule' or 'credits'.",
               "Count with code: sum(1 for p in art.paragraphs if p.kind == 'body')."],
        solution="answer = sum(1 for p in art.paragraphs if p.kind == 'body')",
        expects="a whole number",
        success="The body paragraphs are the story; the other kinds are the newspaper's packaging.",
    ),
    Exercise(
        "q2",
        check=_journalists_check(len(_ART.credits.names()), with_repeats=_WITH_REPEATS),
        hints=["Read the credits line, or print art.credits.names().",
               "names() lists every journalist once, even if they had two jobs."],
        solution="answer = len(art.credits.names())",
        expects="a whole number",
        success="None of them is an actor in the story: they report it.",
    ),
    Exercise(
        "q3",
        check=_numbers_check(quote_paragraphs(_ART)),
        hints=["Run the explorer with view='quotes' and note the ¶ numbers of the marked paragraphs.",
               "With code: sorted({q.paragraph + 1 for q in art.quotes}) (Python counts from 0, so add 1)."],
        solution="answer = sorted({q.paragraph + 1 for q in art.quotes})",
        expects="a list of whole numbers",
        success="Notice how quotes cluster around a few speakers: lesson 03 asks who gets to speak.",
    ),
)

#: The stored solution values (what the solution() code computes).
SOLUTIONS: dict[str, Any] = {
    "q1": _BODY,
    "q2": len(_ART.credits.names()),
    "q3": quote_paragraphs(_ART),
}
#: Known-wrong answers and a piece of the teaching message each one gets.
WRONG: dict[str, tuple[Any, str]] = {
    "q1": (len(_ART.paragraphs), "including the heading"),
    "q2": (_WITH_REPEATS, "two roles"),
    "q3": ([n - 1 for n in quote_paragraphs(_ART)], "count from 0"),
}
