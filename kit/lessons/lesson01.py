"""Checks for notebook 01 · The article: paragraph kinds, the credits line, the lead of an excerpt, where the quotes are.

Every expected value is computed from the parsed bundled article; the
judgement (q3, which paragraph reads like a lead) accepts every defensible
paragraph with evidence from it.

>>> check.q2(SOLUTIONS["q2"]).outcome
'correct'
>>> "two roles" in str(check.q2(WRONG["q2"][0]))
True
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from ..case.load import load_case
from ..exercises import Exercise, ExerciseSet, ExitTicket, MultipleChoice, Reading, about, judgement
from ..records import Article, Case

__all__ = [
    "check",
    "exit_ticket",
    "quote_paragraphs",
    "paragraph_table",
    "headings",
    "journalists_among_actors",
    "sentences_of_last_paragraph",
    "SOLUTIONS",
    "ALTERNATIVES",
    "WRONG",
    "JUDGEMENT",
]

_ART: Article = load_case().article


def paragraph_table(article: Article) -> Any:
    """The paragraphs as a table: ¶ number (from 1, as the explorers show them), kind and first words.

    >>> import kit
    >>> paragraph_table(kit.load_article()).loc[1, "kind"]
    'body'
    """
    import pandas as pd

    rows = []
    for p in article.paragraphs:
        words = article.span(p.start, p.end).split()
        rows.append({"kind": p.kind, "begins with": " ".join(words[:6]) + (" …" if len(words) > 6 else "")})
    table = pd.DataFrame(rows, index=range(1, len(rows) + 1))
    table.index.name = "¶"
    return table


def headings(article: Article) -> list[str]:
    """The article's subheadings, as the text writes them.

    >>> import kit
    >>> len(headings(kit.load_article()))
    1
    """
    return [article.span(p.start, p.end) for p in article.paragraphs if p.kind == "heading"]


def journalists_among_actors(case: Case) -> list[str]:
    """The names of the case's actors that the credits line names too (the kit keeps this list empty).

    >>> import kit
    >>> journalists_among_actors(kit.load_case())
    []
    """
    names = set(case.article.credits.names())
    return [a.name for a in case.actors if a.name in names]


def sentences_of_last_paragraph(article: Article) -> list[str]:
    """The sentences the kit finds in the last body paragraph.

    >>> import kit
    >>> len(sentences_of_last_paragraph(kit.load_article()))
    3
    """
    body = [p for p in article.paragraphs if p.kind == "body"]
    if not body:
        return []
    last = body[-1].index
    return [article.span(s.start, s.end) for s in article.sentences if s.paragraph == last]


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
            return (
                False,
                "That counts every paragraph, including the heading, the rule and the credits. Count only kind 'body'.",
            )
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
            return False, (
                "These look like Python indexes, which count from 0. The ¶ numbers in the explorer "
                "count from 1: add 1 to each."
            )
        extra, missing = len(got - want), len(want - got)
        parts = []
        if extra:
            parts.append(f"{extra} of your numbers {'has' if extra == 1 else 'have'} no quote")
        if missing:
            parts.append(f"{missing} paragraph{' is' if missing == 1 else 's are'} missing")
        return False, "; ".join(parts).capitalize() + ". Look for the quotation marks “ ” in the explorer."

    return check


def _lead_check(article: Article) -> Callable[[Any], tuple[bool, str]]:
    """Which paragraph reads like a lead? ¶ 1 (the meeting), ¶ 4-5 (no troops of one's own) or ¶ 6 (the core group)."""
    para = {p.index + 1: article.span(p.start, p.end) for p in article.paragraphs}
    kinds = {p.index + 1: p.kind for p in article.paragraphs}
    readings = [
        Reading(
            "1",
            (para[1],),
            "¶ 1 has who (Kerry and Hagel), what (many ways to help) and to whom (ministers from 10 nations).",
        ),
        Reading("4", (para[4],), "Kerry's words set out the plan: attack IS without troops of one's own."),
        Reading(
            "5",
            (para[5],),
            "“No boots on the ground”: the published report's own opening was about the US ruling out ground forces.",
        ),
        Reading("6", (para[6],), "The core group of ten nations is arguably the news of the day."),
    ]
    choices = {str(n): [f"¶{n}", f"¶ {n}", f"paragraph {n}"] for n in para}
    wrong = {
        str(n): f"¶ {n} is not part of the story's text ({kinds[n]}): choose a body paragraph."
        for n in para
        if kinds[n] != "body"
    }
    return judgement(
        article,
        readings,
        field="paragraph",
        choices=choices,
        wrong=wrong,
        otherwise="That paragraph adds detail, reaction or background. A lead gives the news (who did what) in one paragraph.",
        reference=(
            "In the inverted pyramid the most important facts come first, so editors can cut from the bottom. "
            "¶ 1 reads like a lead. But this excerpt was cut at the top: the published report's real lead, "
            "about President Obama at the NATO summit and no US ground forces, is missing."
        ),
    )


_BODY = sum(1 for p in _ART.paragraphs if p.kind == "body")
_WITH_REPEATS = sum(
    len(role)
    for role in (_ART.credits.by, _ART.credits.additional_reporting, _ART.credits.writing, _ART.credits.editing)
)

check = ExerciseSet(
    Exercise(
        "q1",
        check=_count_check(_BODY, everything=len(_ART.paragraphs), what="number of body paragraphs"),
        hints=[
            "Each paragraph has a kind: 'body', 'heading', 'rule' or 'credits'. The table shows it in the column 'kind'.",
            "Count the rows whose kind is 'body' (all but the subheading, the rule and the credits).",
        ],
        solution=f"answer = {_BODY}   # the rows of kind 'body' in the table\n"
        "# with code (optional): sum(1 for p in art.paragraphs if p.kind == 'body')",
        expects="a whole number",
        success="The body paragraphs are the story; the other kinds are the newspaper's packaging.",
    ),
    Exercise(
        "q2",
        check=_journalists_check(len(_ART.credits.names()), with_repeats=_WITH_REPEATS),
        hints=[
            "Read the credits line, or print art.credits.names().",
            "names() lists every journalist once, even if they had two jobs.",
        ],
        solution="answer = len(art.credits.names())",
        expects="a whole number",
        success="None of them is an actor in the story: they report it.",
    ),
    Exercise(
        "q3",
        check=_lead_check(_ART),
        hints=[
            "A lead answers who did what, to whom, where: the news in one paragraph.",
            'Choose a ¶ number and copy a few words of that paragraph: {"paragraph": 3, "evidence": "…"}.',
        ],
        solution='answer = {"paragraph": 1, "evidence": "told foreign and defense ministers from 10 nations"}',
        expects='a dictionary like {"paragraph": 3, "evidence": "…"}',
        success="Remember: the report's real lead is not in this excerpt.",
    ),
    Exercise(
        "q4",
        check=_numbers_check(quote_paragraphs(_ART)),
        hints=[
            "In the explorer, quotes are marked: note the ¶ numbers of the paragraphs with a mark.",
            "Give each ¶ number once, as a list of whole numbers: [2, 7].",
        ],
        solution=f"answer = {quote_paragraphs(_ART)!r}   # the ¶ numbers the explorer marks\n"
        "# with code (optional): sorted({q.paragraph + 1 for q in art.quotes})",
        expects="a list of whole numbers",
        success="Notice how quotes cluster around a few speakers: lesson 03 asks who gets to speak.",
    ),
)

#: The stored solution values (what the solution() code computes).
SOLUTIONS: dict[str, Any] = {
    "q1": _BODY,
    "q2": len(_ART.credits.names()),
    "q3": {"paragraph": 1, "evidence": "told foreign and defense ministers from 10 nations"},
    "q4": quote_paragraphs(_ART),
}
#: Other answers a learner may defensibly give: all pass.
ALTERNATIVES: dict[str, list[Any]] = {
    "q1": [float(_BODY)],
    "q2": [float(len(_ART.credits.names()))],
    "q3": [
        {"paragraph": 6, "evidence": "formed the core group for tackling the Sunni militant group"},
        {
            "paragraph": "¶ 5",
            "evidence": "“Obviously I think that’s a red line for everybody here: no boots on the ground.”",
        },
    ],
    "q4": [tuple(reversed(quote_paragraphs(_ART)))],
}
#: Known-wrong answers and a piece of the teaching message each one gets.
WRONG: dict[str, tuple[Any, str]] = {
    "q1": (len(_ART.paragraphs), "including the heading"),
    "q2": (_WITH_REPEATS, "two roles"),
    "q3": ({"paragraph": 11, "evidence": "Hagel travels to Turkey next week"}, "adds detail"),
    "q4": ([n - 1 for n in quote_paragraphs(_ART)], "count from 0"),
}
#: The exercises that ask for a judgement with evidence.
JUDGEMENT = ("q3",)

exit_ticket = ExitTicket(
    MultipleChoice(
        "Phil Stewart wrote this story. Is he an actor in it?",
        {
            "Yes: he chose whom to quote, so he takes part.": "He does shape the story (lesson 03 asks how), but an actor acts or speaks in the events. "
            "The journalist tells them: he is in the credits, not in the story.",
            "No: journalists report the story; they are in the credits, not in the events.": "Yes. That is why the kit never counts the names in the credits as actors.",
            "Only if he is quoted somewhere in the text.": "A journalist is not quoted in their own report. Look where his name is: in the credits line.",
        },
        correct="No: journalists report the story; they are in the credits, not in the events.",
    ),
    MultipleChoice(
        "The text calls the US President only “Obama”, with no first name and no title. Why?",
        {
            "Reuters assumes that every reader knows him.": "Wire reports introduce people in full the first time they appear, for readers all over the world.",
            "The excerpt starts after the paragraphs that introduced him.": "Yes. The published report opens with Obama at the NATO summit; our excerpt begins later, "
            "so it only has the short name that later paragraphs use.",
            "He is not important in this story.": "He is in two paragraphs (¶ 13 and ¶ 20): leaders tell him what to do, and he is criticised. "
            "Why is his introduction missing?",
        },
        correct="The excerpt starts after the paragraphs that introduced him.",
    ),
)
