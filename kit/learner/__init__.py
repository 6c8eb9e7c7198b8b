"""The learner's files: the learner folder, atomic storage, the coding file format.

Nothing here draws anything; the explorers in :mod:`kit.explore` use it to
save and restore a learner's work, and a teacher can use it to read learners'
exported codings.
"""

from __future__ import annotations

from .casefile import case_pack, save_case
from .class_files import ClassFiles, collect_codings, example_class
from .codingfile import compare_files, read_coding
from .storage import ENV_VAR, learner_dir, load_json, save_json

__all__ = [
    "ENV_VAR",
    "learner_dir",
    "save_json",
    "load_json",
    "read_coding",
    "compare_files",
    "collect_codings",
    "ClassFiles",
    "example_class",
    "save_case",
    "case_pack",
]
