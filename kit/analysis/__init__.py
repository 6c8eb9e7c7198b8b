"""Analysis: who stands where, who agrees with whom, who gets to speak.

One public namespace (``kit.analysis.stance_matrix`` …) over small modules:

* :mod:`.selection` – the options every analysis takes (positions, evidence
  types, level) and the rule that combines several stances on one cell;
* :mod:`.networks` – the stance matrix, agreement / conflict / two-mode
  networks, coalitions;
* :mod:`.voices` – statement counts per speaker, the anonymous share;
* :mod:`.declared` – declared groups against the coalitions the stances show;
* :mod:`.intercoder` – agreement between two codings (Cohen's kappa).

>>> import kit
>>> case = kit.load_case()
>>> "united_states" in stance_matrix(case, level="state").index
True
"""

from __future__ import annotations

from .declared import Mismatch, compare_declared
from .intercoder import NOT_CODED, Agreement, cohen_kappa, compare_codings
from .networks import (
    actor_position_network,
    agreement_network,
    coalitions,
    communities,
    conflict_network,
    stance_matrix,
)
from .selection import EXPRESSED, LEVELS, resolve_value, select_stances, stance_cells
from .voices import anonymous_share, voices

__all__ = [
    "LEVELS",
    "EXPRESSED",
    "NOT_CODED",
    "Mismatch",
    "Agreement",
    "select_stances",
    "stance_cells",
    "resolve_value",
    "stance_matrix",
    "agreement_network",
    "conflict_network",
    "actor_position_network",
    "coalitions",
    "communities",
    "compare_declared",
    "voices",
    "anonymous_share",
    "compare_codings",
    "cohen_kappa",
]
