"""Who stands where, who agrees with whom, and who gets to speak.

The networks follow discourse network analysis (Leifeld): each coded stance is
a statement *actor - concept (position) - agreement qualifier*; projecting the
statements onto the actors gives an **agreement** (congruence) network and a
**conflict** network.

Options shared by the functions (keyword-only):

* ``positions`` - position ids to use (``None``: all, in case order);
* ``evidence`` - evidence types to use, a subset of ``EVIDENCE_TYPES``
  (``None``: all);
* ``level`` - ``"actor"`` (each speaker on their own) or ``"state"`` (people
  and anonymous sources count for the state, organisation or group they speak
  for, ``Actor.country``, when the case knows that actor; otherwise they stay
  themselves).

Rules (see :func:`kit.analysis.selection.resolve_value`):

* several stances on the same actor x position (two quotes, or two ministers
  of one state at level ``"state"``) combine into one value: the most common
  value wins, and a tie between different values gives ``"conditional"``;
* agreement: both hold the same *expressed* stance (support, oppose or
  conditional); two ``"undecided"`` actors do not agree on anything;
* conflict: one supports and the other opposes; ``"conditional"`` is a
  qualified stance, neither agreement with nor conflict against the others.

>>> import kit
>>> case = kit.load_case()
>>> m = stance_matrix(case, level="state")
>>> "united_states" in m.index
True
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations
from typing import TYPE_CHECKING, Any

from ..errors import KitError
from ..records import Case
from .selection import (
    EXPRESSED,
    check_options,
    ordered_actors,
    stance_cells,
)

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx
    import pandas as pd

__all__ = [
    "stance_matrix",
    "agreement_network",
    "conflict_network",
    "actor_position_network",
    "coalitions",
    "communities",
]

_CONFLICT = frozenset({("support", "oppose"), ("oppose", "support")})


def stance_matrix(
    case: Case, *, positions: Sequence[str] | None = None, evidence: Sequence[str] | None = None, level: str = "actor"
) -> pd.DataFrame:
    """Actors x positions: each cell the actor's stance value, or ``None``.

    Rows are the actors with at least one selected stance (case order);
    columns are the selected positions (case order).
    """
    import pandas as pd

    wanted, _ = check_options(case, positions, evidence, level)
    cells = stance_cells(case, positions=wanted, evidence=evidence, level=level)
    actors = ordered_actors(case, {a for a, _ in cells})
    data = [[cells.get((a, p)) for p in wanted] for a in actors]
    frame = pd.DataFrame(
        data,
        index=pd.Index(actors, name="actor", dtype=object),
        columns=pd.Index(wanted, name="position", dtype=object),
        dtype=object,
    )
    return frame


def _nodes_graph(case: Case, cells: dict[tuple[str, str], str]) -> tuple[nx.Graph, list[str]]:
    import networkx as nx

    graph = nx.Graph()
    actors = ordered_actors(case, {a for a, _ in cells})
    for a in actors:
        graph.add_node(a, name=case.name_of(a), kind=case.kind_of(a))
    return graph, actors


def _projected(case: Case, same: bool, **opts: Any) -> nx.Graph:
    wanted, _ = check_options(case, opts.get("positions"), opts.get("evidence"), opts.get("level", "actor"))
    cells = stance_cells(case, **opts)
    graph, actors = _nodes_graph(case, cells)
    for a, b in combinations(actors, 2):
        hits = []
        for p in wanted:
            va, vb = cells.get((a, p)), cells.get((b, p))
            if va is None or vb is None:
                continue
            if (same and va == vb and va in EXPRESSED) or (not same and (va, vb) in _CONFLICT):
                hits.append(p)
        if hits:
            graph.add_edge(a, b, weight=len(hits), positions=tuple(hits))
    return graph


def agreement_network(
    case: Case, *, positions: Sequence[str] | None = None, evidence: Sequence[str] | None = None, level: str = "actor"
) -> nx.Graph:
    """Actors linked by the number of positions on which they hold the same expressed stance.

    Nodes: actor ids with attributes ``name`` and ``kind`` (every actor with a
    selected stance, case order). Edges: ``weight`` (int) and ``positions``
    (tuple of position ids).
    """
    return _projected(case, True, positions=positions, evidence=evidence, level=level)


def conflict_network(
    case: Case, *, positions: Sequence[str] | None = None, evidence: Sequence[str] | None = None, level: str = "actor"
) -> nx.Graph:
    """Actors linked by the number of positions where one supports and the other opposes."""
    return _projected(case, False, positions=positions, evidence=evidence, level=level)


def actor_position_network(
    case: Case, *, positions: Sequence[str] | None = None, evidence: Sequence[str] | None = None, level: str = "actor"
) -> nx.Graph:
    """Two-mode network: actors (``bipartite=0``) linked to positions (``bipartite=1``).

    Position nodes carry ``name`` (the label) and ``kind="position"``; each
    edge carries the stance ``value``.

    Raises:
        KitError: a position id is also an actor id (rename the position).
    """
    wanted, _ = check_options(case, positions, evidence, level)
    cells = stance_cells(case, positions=wanted, evidence=evidence, level=level)
    graph, actors = _nodes_graph(case, cells)
    for a in actors:
        graph.nodes[a]["bipartite"] = 0
    labels = {p.id: p.label for p in case.positions}
    for p in wanted:
        if p in graph:
            raise KitError(f"position id {p!r} is also an actor id; rename the position in the case file")
        graph.add_node(p, name=labels[p], kind="position", bipartite=1)
    for a in actors:
        for p in wanted:
            if (a, p) in cells:
                graph.add_edge(a, p, value=cells[(a, p)])
    return graph


def coalitions(
    case: Case, *, positions: Sequence[str] | None = None, evidence: Sequence[str] | None = None, level: str = "actor"
) -> tuple[tuple[str, ...], ...]:
    """Discursive coalitions: communities of the agreement network.

    Uses networkx's greedy modularity communities (deterministic) with the
    edge weights. Members are sorted by id; coalitions largest first, then by
    their first id; actors without any agreement come last, one each.
    """
    return communities(agreement_network(case, positions=positions, evidence=evidence, level=level))


def communities(graph: nx.Graph) -> tuple[tuple[str, ...], ...]:
    """The coalitions of an agreement network already built (see :func:`coalitions`).

    For a figure and an export that need both the network and its coalitions,
    so the network is built (and the options checked) once.
    """
    from networkx.algorithms.community import greedy_modularity_communities

    linked = graph.subgraph([n for n in graph if graph.degree(n) > 0])
    groups: list[tuple[str, ...]] = []
    if linked.number_of_edges():
        groups = [tuple(sorted(c)) for c in greedy_modularity_communities(linked, weight="weight")]
    groups.sort(key=lambda g: (-len(g), g))
    singles = sorted((n,) for n in graph if graph.degree(n) == 0)
    return tuple(groups) + tuple(singles)
