"""What entity resolution works on and decides: candidates, scored pairs, clusters.

The rules that decide live in :mod:`exgraph.merge.evidence` (what keeps two names apart) and
:mod:`exgraph.merge.resolve` (the tiers and the clustering).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Candidate:
    """One exercise resource to resolve.

    ``key`` is the exercise slug, ``source`` its source family ("curated", "article", "wger" or
    "free-exercise-db"), ``names`` its English names with the label first, ``equipment`` the
    slugs it requires and ``primary`` its primary muscle *group* slugs.
    """

    key: str
    source: str
    names: tuple[str, ...]
    equipment: frozenset[str] = frozenset()
    primary: frozenset[str] = frozenset()

    @property
    def label(self) -> str:
        """The label (first name), or the slug when there is no name."""
        return self.names[0] if self.names else self.key.replace("-", " ")


@dataclass(frozen=True, order=True)
class Pair:
    """Two candidate keys (``a`` < ``b``), a 0-100 similarity ``score`` and the ``reason``."""

    a: str
    b: str
    score: float
    reason: str


@dataclass
class Cluster:
    """Resources merged into one: the ``canonical`` key, all ``members`` (sorted, canonical
    included) and the ``evidence``: the pairs that joined them, sorted."""

    canonical: str
    members: tuple[str, ...]
    evidence: list[Pair] = field(default_factory=list)


@dataclass
class Resolution:
    """What :func:`resolve` decided: ``clusters`` of two or more resources (sorted by canonical
    key) and ``near_misses``: pairs kept apart that a person should review (sorted)."""

    clusters: list[Cluster]
    near_misses: list[Pair]

    def canonical_map(self) -> dict[str, str]:
        """Return member key -> canonical key for every clustered resource (canonical included);
        resources not in any cluster are absent."""
        return {m: c.canonical for c in self.clusters for m in c.members}


