"""Exercises with checks that teach: :mod:`.core` (Exercise, MultipleChoice, results)
and :mod:`.checks` (ready-made checks: ``same_ids``, ``about``, ``names_actor`` …)."""

from __future__ import annotations

from .checks import about, equals, fold, names_actor, same_ids
from .core import (
           CORRECT,
           INCORRECT,
           NOT_ATTEMPTED,
           Exercise,
           ExerciseSet,
           MultipleChoice,
           Note,
           Result,
)

__all__ = ["CORRECT", "INCORRECT", "NOT_ATTEMPTED", "Result", "Note", "Exercise", "ExerciseSet", "MultipleChoice",
           "equals", "same_ids", "about", "names_actor", "fold"]
