"""Facts two sources disagree on: both are kept (each in its source's graph) and listed here.

Two kinds are compared: difficulty levels, and the set of primary muscle groups. A graph of an
inference rule is not a source and is left out: an estimate never conflicts with a fact.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from exgraph.graph.rq import internal
from exgraph.graph.store import Store
from exgraph.vocab.terms import EXERCISE, SOURCE, local_name

CONFLICT_FACTS = internal("conflict-facts").text()


@dataclass(frozen=True, order=True)
class Conflict:
    """One disagreement: an exercise, a kind of fact, and each source's values."""

    exercise: str
    kind: str
    values: tuple[tuple[str, tuple[str, ...]], ...]  # (source, sorted values) per source

    def text(self) -> str:
        """One line: ``slug  kind  source: values | source: values``."""
        said = " | ".join(f"{source}: {', '.join(values)}" for source, values in self.values)
        return f"{self.exercise}  {self.kind}  {said}"


def conflicts(store: Store) -> list[Conflict]:
    """Every exercise and kind of fact on which the source graphs state different values."""
    said: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for row in store.select(CONFLICT_FACTS):
        exercise = str(row["e"]).removeprefix(str(EXERCISE))
        source = str(row["g"]).removeprefix(str(SOURCE))
        value = local_name(str(row["value"])).lower()
        said[(exercise, str(row["kind"]))][source].add(value)
    found = []
    for (exercise, kind), by_source in said.items():
        sets = {frozenset(v) for v in by_source.values()}
        if len(sets) > 1:
            values = tuple(sorted((s, tuple(sorted(v))) for s, v in by_source.items()))
            found.append(Conflict(exercise, kind, values))
    return sorted(found)
