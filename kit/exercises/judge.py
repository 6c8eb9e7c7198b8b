"""Judgement exercises: a decision plus the words of the article that justify it.

The learner answers with a small dictionary, e.g. ``{"stance": "conditional",
"evidence": "only successful if it is embedded in a political setting"}``.
The check accepts every *defensible* reading (a value with passages of the
article that can justify it), as long as the evidence is really in the article
and comes from one of that reading's passages; then it shows the reference
coder's reasoning. Capitals, spacing and the kind of quotation marks do not
matter; "…" or "..." may stand for words left out.

>>> import kit
>>> art = kit.load_article()
>>> check = judgement(art, [Reading("conditional", ("only successful if it is embedded in a political setting",))],
...                   field="stance", choices=["support", "oppose", "conditional", "undecided"],
...                   reference="“if” sets a condition.")
>>> check({"stance": "Conditional", "evidence": "only successful if it is embedded"})[0]
True
>>> check({"stance": "conditional", "evidence": "we need to attack them"})[0]
False
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Any

from ..errors import KitError
from ..records import Article
from .checks import type_name

__all__ = ["Reading", "judgement", "find_evidence", "evidence_paragraph"]

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " "})
_ELLIPSIS = re.compile(r"\s*(?:…|\.\.\.)\s*")
_TRIM = " \t\n\"'“”‘’.,;:!?()[]"


@dataclass(frozen=True)
class Reading:
    """One defensible answer: a ``value`` and the article passages that can justify it.

    ``comment`` is said when a learner gives this reading with good evidence.
    """

    value: str
    passages: tuple[str, ...]
    comment: str = ""
    spans: tuple[tuple[int, int], ...] = dc_field(default=(), compare=False)


def _flat(text: str) -> tuple[str, list[int]]:
    """Lower-case text with straight quotes and single spaces, and each character's index in ``text``."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text.translate(_QUOTES).lower()):
        if ch.isspace():
            if out and out[-1] == " ":
                continue
            ch = " "
        out.append(ch)
        where.append(i)
    return "".join(out), where


def find_evidence(article: Article, evidence: str) -> list[tuple[int, int]]:
    """Every place (start, end offsets) where ``evidence`` occurs in the article, leniently.

    Parts separated by "…" or "..." must occur in order, at most 400 characters apart.

    >>> import kit
    >>> art = kit.load_article()
    >>> len(find_evidence(art, "“No boots on the ground.”"))
    1
    """
    flat, where = _flat(article.text)
    parts = [p.strip(_TRIM).translate(_QUOTES).lower() for p in _ELLIPSIS.split(evidence)]
    parts = [" ".join(p.split()) for p in parts if p.strip(_TRIM)]
    if not parts:
        return []
    found = []
    start = flat.find(parts[0])
    while start != -1:
        end, ok = start + len(parts[0]), True
        for part in parts[1:]:
            nxt = flat.find(part, end)
            if nxt == -1 or nxt - end > 400:
                ok = False
                break
            end = nxt + len(part)
        if ok:
            found.append((where[start], where[end - 1] + 1))
        start = flat.find(parts[0], start + 1)
    return found


def evidence_paragraph(article: Article, evidence: str) -> int | None:
    """The ¶ number (from 1) where ``evidence`` first occurs, or ``None``."""
    spans = find_evidence(article, evidence)
    if not spans:
        return None
    para = article.paragraph_of(spans[0][0])
    return None if para is None else para.index + 1


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared > 0 and shared >= 0.5 * min(a[1] - a[0], b[1] - b[0])


def _value(raw: Any) -> str | None:
    if isinstance(raw, bool):
        return "yes" if raw else "no"
    if isinstance(raw, int):
        return str(raw)
    if isinstance(raw, str):
        return " ".join(raw.strip().strip(_TRIM).lower().replace("_", " ").split())
    return None


def judgement(
    article: Article,
    readings: Sequence[Reading],
    *,
    field: str,
    choices: Iterable[str] | Mapping[str, Iterable[str]],
    reference: str,
    wrong: Mapping[str, str] | None = None,
    otherwise: str = "",
    where: str = "",
    resolve: Callable[[Any], str | None] | None = None,
) -> Callable[[Any], tuple[bool, str]]:
    """A check for ``{field: value, "evidence": words}`` answers.

    Args:
        article: the article the evidence must come from.
        readings: the defensible readings; each passage must occur in the article.
        field: the dictionary key of the decision ("stance", "on_record", "paragraph").
        choices: the values a learner may choose, or canonical value -> other spellings
            (``{"no": ["false", "off the record"]}``); ``True``/``False`` count as "yes"/"no",
            whole numbers as their digits.
        reference: the reference coder's reasoning, shown after a correct answer.
        wrong: value -> teaching message, for choices that are not defensible.
        otherwise: message for any other choice that is not defensible.
        where: where to look ("¶ 15"), added to messages about evidence that does not fit.
        resolve: turns the learner's value into a canonical one (``None``: not a choice), instead of
            ``choices``' spellings; e.g. an actor's names to its id.

    Raises:
        KitError: a passage is not in the article (the exercise is out of date).
    """
    synonyms: dict[str, str] = {}
    options = choices.items() if isinstance(choices, Mapping) else ((c, ()) for c in choices)
    shown = []
    for canon, others in options:
        canon_v = _value(canon) or str(canon)
        shown.append(str(canon))
        for spelling in (canon, *others):
            synonyms[_value(spelling) or str(spelling)] = canon_v
    located = []
    for reading in readings:
        spans = []
        for passage in reading.passages:
            found = find_evidence(article, passage)
            if not found:
                raise KitError(f"judgement: the passage {passage!r} is not in the article; update the exercise")
            spans += found
        located.append(Reading(_value(reading.value) or reading.value, reading.passages, reading.comment, tuple(spans)))
    wrong = {_value(k) or k: v for k, v in (wrong or {}).items()}
    look = f" Look again at {where}." if where else ""
    example = f'{{"{field}": "…", "evidence": "words copied from the article"}}'

    def check(answer: Any) -> tuple[bool, str]:
        if not isinstance(answer, Mapping):
            return (
                False,
                f"This answer should be a dictionary with two entries, like {example}; you gave {type_name(answer)}.",
            )
        keys = {str(k).strip().lower(): v for k, v in answer.items()}
        if field not in keys or "evidence" not in keys:
            missing = " and ".join(f'"{k}"' for k in (field, "evidence") if k not in keys)
            return False, f"Your dictionary needs the key {missing}, like {example}."
        if resolve is not None:
            value = _value(resolve(keys[field]))
        else:
            value = synonyms.get(_value(keys[field]) or "")
        if value is None:
            return False, f"Choose one of: {', '.join(shown)} (as text, in quotes)."
        if value in wrong:
            return False, wrong[value]
        if not any(r.value == value for r in located):
            return False, (otherwise or "Not this one. Read the passage again.") + look
        evidence = keys["evidence"]
        if not isinstance(evidence, str) or not evidence.strip(_TRIM):
            return False, "Add your evidence: a few words copied from the article, between quotes."
        if len(evidence.strip(_TRIM).split()) < 2:
            return False, "Quote at least two words of the article, so that a reader can find them."
        spans = find_evidence(article, evidence)
        if not spans:
            return False, (
                "These words are not in the article as written. Copy them exactly (capitals and the kind "
                "of quotation marks do not matter; write … for words you leave out)."
            )
        fits = [r for r in located if any(_overlaps(s, p) for s in spans for p in r.spans)]
        mine = [r for r in fits if r.value == value]
        if mine:
            comment = mine[0].comment
            return True, " ".join(
                x
                for x in (
                    "Defensible, and your evidence supports it.",
                    comment,
                    f"The reference coder's reasoning: {reference}",
                )
                if x
            )
        if fits:
            return (
                False,
                f"Those words matter here, but do they show that choice? Read them again and decide what they show.{look}",
            )
        return (
            False,
            f"Those words are in the article, but they do not show your choice: quote the words that made you decide.{look}",
        )

    setattr(check, "judgement_field", field)  # noqa: B010 - marks a judgement for ExerciseSet (answers to the teacher)
    return check
