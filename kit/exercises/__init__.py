"""Exercises with checks that teach: :mod:`.core` (Exercise, MultipleChoice, results),
:mod:`.checks` (ready-made checks: ``same_ids``, ``about``, ``names_actor`` …), :mod:`.names`
(the names learners may use for an actor), :mod:`.judge` (a decision with its evidence) and
:mod:`.ticket` (the exit ticket that ends each lesson)."""

from __future__ import annotations

from .checks import about, equals, fold, names_actor, names_actors, same_ids
from .core import CORRECT, INCORRECT, NOT_ATTEMPTED, Exercise, ExerciseSet, MultipleChoice, Note, Result
from .judge import Reading, evidence_paragraph, find_evidence, judgement
from .names import actor_forms, find_actor
from .ticket import ExitTicket

__all__ = [
    "CORRECT",
    "INCORRECT",
    "NOT_ATTEMPTED",
    "Result",
    "Note",
    "Exercise",
    "ExerciseSet",
    "MultipleChoice",
    "equals",
    "same_ids",
    "about",
    "names_actor",
    "names_actors",
    "fold",
    "Reading",
    "judgement",
    "find_evidence",
    "evidence_paragraph",
    "actor_forms",
    "find_actor",
    "ExitTicket",
]
