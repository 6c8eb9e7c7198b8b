"""Checks for notebook 03 · Voices and sources: a continued quote, reported-only speakers, on the record, the anonymous share.

Every expected value is computed from the parsed bundled article and the kit's
analysis, with one rule: an answer key follows the article, not the parser.
Reported speech the parser misses (:data:`PARSER_GAPS`) is accepted and
named to the learner; when the parser finds it, it simply joins the key.

>>> check.q3(SOLUTIONS["q3"]).outcome
'correct'
>>> "percentage" in str(check.q3(WRONG["q3"][0]))
True
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..analysis import voices
from ..case.load import load_case
from ..exercises import (
    Exercise,
    ExerciseSet,
    ExitTicket,
    MultipleChoice,
    Reading,
    about,
    find_actor,
    judgement,
    names_actor,
    names_actors,
)
from ..explore.table import table
from ..records import Article, Case

__all__ = [
    "check",
    "exit_ticket",
    "reported_only",
    "parser_gaps",
    "quote_table",
    "partial_quotes",
    "reported_table",
    "PARSER_GAPS",
    "DEFENSIBLE",
    "SOLUTIONS",
    "ALTERNATIVES",
    "WRONG",
    "JUDGEMENT",
]

_CASE: Case = load_case()

#: Reported speech in the bundled article that the parser may miss: speaker id -> the words that report it.
#: ("saying" is not one of the kit's cue verbs.) Keys follow the article: these speakers are always accepted.
PARSER_GAPS: dict[str, str] = {"barack_obama": "saying candidly he had not yet developed a strategy"}
#: Attributions a careful reader may count as reported speech or not: speaker id -> the words.
DEFENSIBLE: dict[str, str] = {
    "anon_us_and_european_security_officials": "who U.S. and European security officials see as a major risk",
}


def quote_table(article: Article) -> Any:
    """The direct quotes as a table: ¶ (from 1), speaker's name, cue verb, partial, continued, the first words.

    >>> import kit
    >>> quote_table(kit.load_article()).loc[4, "speaker"]
    'John Kerry'
    """
    import pandas as pd

    rows = [
        {
            "¶": q.paragraph + 1,
            "speaker": _name(article, q.speaker),
            "cue": q.cue or "—",
            "partial": q.partial,
            "continued": q.continued,
            "quote": _start(article.span(q.start, q.end)),
        }
        for q in article.quotes
    ]
    return pd.DataFrame(rows, columns=["¶", "speaker", "cue", "partial", "continued", "quote"]).set_index("¶")


def partial_quotes(article: Article) -> Any:
    """The partial quotes (a few exact words inside the journalist's sentence): ¶, the words, the speaker.

    >>> import kit
    >>> len(partial_quotes(kit.load_article()))
    2
    """
    rows = [
        (q.paragraph + 1, article.span(q.start, q.end), _name(article, q.speaker)) for q in article.quotes if q.partial
    ]
    return table(rows, columns=["¶", "words", "speaker"])


def reported_table(article: Article) -> Any:
    """Reported speech as a table: ¶ (from 1), speaker, cue verb, the first words of what was said."""
    import pandas as pd

    rows = [
        {
            "¶": r.paragraph + 1,
            "speaker": _name(article, r.speaker),
            "cue": r.cue or "—",
            "what was said": _start(article.span(r.start, r.end)),
        }
        for r in article.reported
    ]
    return pd.DataFrame(rows, columns=["¶", "speaker", "cue", "what was said"]).set_index("¶")


def _name(article: Article, actor_id: str | None) -> str:
    names = {a.id: a.name for a in article.actors}
    return "(unknown)" if actor_id is None else names.get(actor_id, actor_id)


def _start(text: str, words: int = 6) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def reported_only(case: Case) -> set[str]:
    """Speakers whose words reach us only as reported speech, never inside quotation marks.

    >>> import kit
    >>> "john_kerry" in reported_only(kit.load_case())
    False
    """
    art = case.article
    return {r.speaker for r in art.reported if r.speaker} - {q.speaker for q in art.quotes}


def parser_gaps(case: Case) -> dict[str, str]:
    """The speakers of :data:`PARSER_GAPS` the parser has not found as reported speech (id -> the article's words)."""
    found = {r.speaker for r in case.article.reported}
    return {k: v for k, v in PARSER_GAPS.items() if k not in found and case.article.text.count(v) == 1}


def _reported_check(case: Case) -> Callable[[Any], tuple[bool, str]]:
    quoted = {q.speaker for q in case.article.quotes}
    required = [case.actor(i) for i in sorted(reported_only(case))]
    gaps = parser_gaps(case)
    optional = [case.actor(i) for i in [*gaps, *DEFENSIBLE] if i not in quoted and i not in reported_only(case)]
    plain = names_actors(
        required,
        pool=case.actors,
        optional=optional,
        what="speakers we are looking for",
        where="the two tables and the article",
    )
    names = {a.id: a.name for a in case.actors}

    def check(answer: Any) -> tuple[bool, str]:
        ok, message = plain(answer)
        if not ok:
            return ok, message

        given = {a.id for a in (find_actor(case.actors, x) for x in answer) if a is not None}
        notes = []
        for speaker, words in gaps.items():
            who = names.get(speaker, speaker)
            if speaker in given:
                notes.append(
                    f"You also found {who}: the article reports his words (“{words}”), but the kit's table "
                    "misses them, because “saying” is not one of the parser's cue verbs. Good reading."
                )
            else:
                notes.append(
                    f"The article reports one more speaker the kit's table misses: {who}, “{words}”. "
                    "Answer keys follow the article, not the parser."
                )
        return True, " ".join(notes)

    return check


def _record_check(case: Case) -> Callable[[Any], tuple[bool, str]]:
    return judgement(
        case.article,
        [
            Reading(
                "no",
                ("one Western defense official familiar with the talks between the allied leaders",),
                "The quotation marks give exact words, but the source has no name.",
            )
        ],
        field="on_record",
        choices={
            "yes": ["on the record", "on record", "true", "on"],
            "no": ["off the record", "not on the record", "false", "off", "anonymous"],
        },
        wrong={
            "yes": (
                "The quotation marks say these are exact words; but who said them? On the record means "
                "the reader knows the speaker's name."
            )
        },
        reference=(
            "The reference coding types this stance “anonymous”, not “direct”: exact words, but from an "
            "unnamed source, so the reader cannot check who said them or what interest they have. For judging "
            "evidence, who speaks matters more than the quotation marks."
        ),
        where="¶ 14",
    )


def _share_check(expected: float) -> Callable[[Any], tuple[bool, str]]:
    plain = about(
        expected,
        tol=0.01,
        what="share",
        advice="Check what you counted (the statements of anonymous speakers) and what you divided by (all statements).",
    )

    def check(answer: Any) -> tuple[bool, str]:
        if (
            isinstance(answer, (int, float))
            and not isinstance(answer, bool)
            and answer > 1
            and abs(answer - 100 * expected) <= 1
        ):
            return False, "That looks like a percentage. Give a fraction between 0 and 1 instead (divide by 100)."
        ok, message = plain(answer)
        if not ok and message.startswith("Your share"):
            message += " Count quotes AND reported statements, for speakers of kind 'anonymous'."
        return ok, message

    return check


def _anonymous_share(case: Case) -> float:

    v = voices(case)
    return float(v.loc[v["kind"] == "anonymous", "total"].sum() / v["total"].sum())


_CONTINUED = [q for q in _CASE.article.quotes if q.continued]
_CONT_SPEAKER = _CASE.actor(_CONTINUED[0].speaker) if _CONTINUED and _CONTINUED[0].speaker else None
_SHARE = _anonymous_share(_CASE)
_QUOTED = sorted({q.speaker for q in _CASE.article.quotes if q.speaker})


def _share_parts(case: Case) -> tuple[int, int]:

    v = voices(case)
    return int(sum(t for t, k in zip(v["total"], v["kind"], strict=True) if k == "anonymous")), int(sum(v["total"]))


_ANON, _TOTAL = _share_parts(_CASE)

check = ExerciseSet(
    Exercise(
        "q1",
        check=names_actor(_CONT_SPEAKER) if _CONT_SPEAKER else None,
        hints=[
            "This paragraph names no speaker: the quote carries on from the paragraph before.",
            "The quote printed above is ¶ 4: who “told the meeting”?",
        ],
        solution=f"answer = {_CONT_SPEAKER.name if _CONT_SPEAKER else None!r}   # the speaker of ¶ 4, whose quote ¶ 5 continues",
        expects="a name or an actor id, as text",
        success="Readers (and parsers) must carry the speaker over from the previous paragraph.",
    ),
    Exercise(
        "q2",
        check=_reported_check(_CASE),
        hints=[
            "List the speakers of the reported-speech table, then cross out everyone who is also in the quotes table.",
            "Then read the article once more: a parser can miss a sentence that reports what someone said.",
        ],
        solution=f"answer = {sorted(_CASE.actor(i).name for i in reported_only(_CASE))!r}\n"
        "# with code (optional): {r.speaker for r in art.reported} - {q.speaker for q in art.quotes}",
        expects="a list of names or ids",
        success="Their words reach us through the journalist's summary, sometimes second-hand.",
    ),
    Exercise(
        "q3",
        check=_share_check(_SHARE),
        hints=[
            "The table has one row per speaker, with the columns 'kind' and 'total'.",
            "Add up 'total' for the rows whose kind is 'anonymous', and divide by the sum of all 'total': "
            "answer = 3 / 20 (with your numbers).",
        ],
        solution=f"answer = {_ANON} / {_TOTAL}   # anonymous statements / all statements, from the table",
        expects="a number between 0 and 1",
        success="The explorer below shows the same share at its top.",
    ),
    Exercise(
        "q4",
        check=_record_check(_CASE),
        hints=[
            "On the record means the reader knows who said it: a name.",
            "Is the speaker of the quote in ¶ 14 named? Copy the words that describe the speaker: "
            '{"on_record": "yes" or "no", "evidence": "…"}.',
        ],
        solution='answer = {"on_record": "no", "evidence": "one Western defense official"}',
        expects='a dictionary like {"on_record": "no", "evidence": "…"}',
        success="Quotation marks tell you the words are exact; only a name tells you who stands behind them.",
    ),
)

#: The stored solution values (what the solution() code computes).
SOLUTIONS: dict[str, Any] = {
    "q1": _CONT_SPEAKER.name if _CONT_SPEAKER else None,
    "q2": sorted(_CASE.actor(i).name for i in reported_only(_CASE)),
    "q3": _SHARE,
    "q4": {"on_record": "no", "evidence": "one Western defense official"},
}
#: Other answers a learner may defensibly give: all pass.
ALTERNATIVES: dict[str, list[Any]] = {
    "q1": ["Secretary of State John Kerry", _CONT_SPEAKER.id if _CONT_SPEAKER else None],
    "q2": [sorted(reported_only(_CASE)) + sorted(PARSER_GAPS), sorted(reported_only(_CASE) | set(DEFENSIBLE))],
    "q3": [round(_SHARE, 2)],
    "q4": [{"on_record": False, "evidence": "familiar with the talks between the allied leaders"}],
}
#: Known-wrong answers and a piece of the teaching message each one gets.
WRONG: dict[str, tuple[Any, str]] = {
    "q1": (
        next(a.id for a in _CASE.actors if a.kind == "person" and a.id != (_CONT_SPEAKER.id if _CONT_SPEAKER else "")),
        "Re-read who is speaking",
    ),
    "q2": (_QUOTED, "not one of the speakers"),
    "q3": (round(100 * _SHARE), "percentage"),
    "q4": ({"on_record": "yes", "evidence": "It can’t be just ‘let’s go and bomb a few targets"}, "who said them"),
}
#: The exercises that ask for a judgement with evidence.
JUDGEMENT = ("q4",)

exit_ticket = ExitTicket(
    MultipleChoice(
        "The threat was “a challenge to every country here”, Kerry told the ministers (¶ 9). Kerry's words here are…",
        {
            "reported speech: the journalist sums up what Kerry said.": "Look at the marks: the words between “ ” are Kerry's own. Reported speech has no quotation marks.",
            "a partial quote: a few exact words inside the journalist's own sentence.": "Yes. A direct quote, but only part of the sentence: the journalist chose which words to keep exact.",
            "the journalist's own words, in quotation marks for emphasis.": "News reports use quotation marks for someone's exact words, and here the cue “Kerry told” says whose.",
        },
        correct="a partial quote: a few exact words inside the journalist's own sentence.",
    ),
    MultipleChoice(
        "You read the article and find someone whose words are reported, but the kit's table does not list them. Who is right?",
        {
            "The table: the computer reads every word.": "It reads every word, but it follows rules: a cue verb it does not know (like “saying”) slips through.",
            "The article: a parser follows rules and can miss a speaker, so check the text.": "Yes. The kit is a tool for reading; the article is the evidence. Answer keys follow the article.",
            "Neither: leave that speaker out to be safe.": "Leaving out a speaker the article reports changes the share of voice. Count what the text says.",
        },
        correct="The article: a parser follows rules and can miss a speaker, so check the text.",
    ),
)
