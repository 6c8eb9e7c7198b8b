"""Checks for the lesson notebooks: one module per notebook (``kit.lessons.lesson02`` ...).

Each module builds its exercises from the bundled case (computed by the kit,
never hard-coded answers) and exposes them as ``check`` (an
:class:`~kit.exercises.ExerciseSet`), so a notebook cell reads::

    from kit.lessons.lesson02 import check
    answer = None  # your answer
    check.q1(answer)
"""
