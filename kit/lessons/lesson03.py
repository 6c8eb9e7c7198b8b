"""Checks for notebook 03 · Voices and sources: a continued quote, the anonymous share, reported-only speakers.

Every expected value is computed from the parsed bundled article and the kit's analysis.

>>> check.q3(SOLUTIONS["q3"]).outcome
'correct'
>>> "percentage" in str(check.q3(WRONG["q3"][0]))
True
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..case.load import load_case
from ..exercises import Exercise, ExerciseSet, about, names_actor, same_ids
from ..records import Case

__all__ = ["check", "reported_only", "SOLUTIONS", "WRONG"]

_CASE: Case = load_case()


def reported_only(case: Case) -> set[str]:
    """Speakers whose words reach us only as reported speech, never inside quotation marks.

    >>> import kit
    >>> "john_kerry" in reported_only(kit.load_case())
    False
    """
    art = case.article
    return {r.speaker for r in art.reported if r.speaker} - {q.speaker for q in art.quotes}


def _share_check(expected: float) -> Callable[[Any], tuple[bool, str]]:
    plain = about(expected, tol=0.01, what="share")

    def check(answer: Any) -> tuple[bool, str]:
        if (isinstance(answer, (int, float)) and not isinstance(answer, bool) and answer > 1
                and abs(answer - 100 * expected) <= 1):
            return False, "That looks like a percentage. Give a fraction between 0 and 1 instead (divide by 100)."
        ok, message = plain(answer)
        if not ok and message.startswith("Your share"):
            message += " Count quotes AND reported statements, for speakers of kind 'anonymous'."
        return ok, message

    return check


def _anonymous_share(case: Case) -> float:
    from ..analysis import voices

    v = voices(case)
    return float(v.loc[v["kind"] == "anonymous", "total"].sum() / v["total"].sum())


_CONTINUED = [q for q in _CASE.article.quotes if q.continued]
_CONT_SPEAKER = _CASE.actor(_CONTINUED[0].speaker) if _CONTINUED and _CONTINUED[0].speaker else None
_SHARE = _anonymous_share(_CASE)
_QUOTED = sorted({q.speaker for q in _CASE.article.quotes if q.speaker})

check = ExerciseSet(
    Exercise(
        "q1",
        check=names_actor(_CONT_SPEAKER) if _CONT_SPEAKER else None,
        hints=["This paragraph names no speaker: the quote carries on from the paragraph before.",
               "Look at q.speaker for the quote with q.continued == True."],
        solution="answer = [q.speaker for q in art.quotes if q.continued][0]",
        expects="a name or an actor id, as text",
        success="Readers (and parsers) must carry the speaker over from the previous paragraph.",
    ),
    Exercise(
        "q2",
        check=same_ids(reported_only(_CASE), what="speaker ids"),
        hints=["Make two sets of speaker ids: one from art.reported, one from art.quotes.",
               "The set difference a - b keeps what is in a but not in b."],
        solution="answer = {r.speaker for r in art.reported} - {q.speaker for q in art.quotes}",
        expects="a set or list of actor ids",
        success="Their words reach us through the journalist's summary, sometimes second-hand.",
    ),
    Exercise(
        "q3",
        check=_share_check(_SHARE),
        hints=["kit.analysis.voices(case) has one row per speaker, with columns 'kind' and 'total'.",
               "Add up 'total' for the rows whose kind is 'anonymous', and divide by the sum of all 'total'."],
        solution=("v = kit.analysis.voices(case)\n"
                  "answer = v.loc[v['kind'] == 'anonymous', 'total'].sum() / v['total'].sum()"),
        expects="a number between 0 and 1",
        success="Compare with kit.analysis.anonymous_share(case): the kit computes the same thing.",
    ),
)

#: The stored solution values (what the solution() code computes).
SOLUTIONS: dict[str, Any] = {
    "q1": _CONT_SPEAKER.id if _CONT_SPEAKER else None,
    "q2": reported_only(_CASE),
    "q3": _SHARE,
}
#: Known-wrong answers and a piece of the teaching message each one gets.
WRONG: dict[str, tuple[Any, str]] = {
    "q1": (next(a.id for a in _CASE.actors if a.kind == "person" and a.id != SOLUTIONS["q1"]), "Re-read who is speaking"),
    "q2": (_QUOTED, "not belong"),
    "q3": (round(100 * _SHARE), "percentage"),
}
