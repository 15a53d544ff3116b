"""One exercise, one node, on the graph users get.

That graph is the curated data + articles + imports, with the aliases applied.
"""

from __future__ import annotations

from collections import defaultdict

import pytest
from rdflib.namespace import OWL

from exgraph.graph.store import Store
from exgraph.merge.apply import MERGES_FILE, load_candidates, read_aliases
from exgraph.merge.overrides import read_overrides
from exgraph.vocab.names import normalise
from exgraph.vocab.terms import EXERCISE

pytestmark = pytest.mark.slow


def test_duplicate_audit_on_the_served_graph(full_store: Store) -> None:
    """No two resources of the served graph share a normalised name (any English name, word
    order ignored), unless data/merges.tsv keeps that pair apart with a reason."""
    _, different = read_overrides(MERGES_FILE)
    apart = {frozenset(pair) for pair in different}
    groups: dict[str, set[str]] = defaultdict(set)
    for cand in load_candidates(full_store):
        for name in cand.names:
            key = normalise(name, sort_tokens=True)
            if key:
                groups[key].add(cand.key)
    open_groups = {key: sorted(members) for key, members in sorted(groups.items())
                   if len(members) > 1 and any(
                       frozenset((a, b)) not in apart
                       for a in members for b in members if a < b)}
    assert not open_groups, "\n".join(f"{k!r}: {v}" for k, v in open_groups.items())


def test_aliases_are_gone_as_nodes_and_kept_as_sameas(full_store: Store) -> None:
    aliases = read_aliases()
    assert len(aliases) > 100
    exercises = {str(r["e"]) for r in full_store.select(
        "SELECT ?e WHERE { ?e a <https://w3id.org/exgraph/ontology#Exercise> }")}
    assert not {str(a) for a in aliases} & exercises, "an alias is still its own exercise"
    assert {str(c) for c in aliases.values()} <= exercises
    kept = full_store.select(f"SELECT ?a ?c WHERE {{ ?a <{OWL.sameAs}> ?c }}")
    assert len(kept) == len(aliases)


@pytest.mark.parametrize(("alias", "canonical"), [
    ("kettlebell-swings", "kettlebell-swing"),
    ("deadlifts", "barbell-deadlift"),
    ("bent-over-rowing", "bent-over-barbell-row"),
    ("push-up", "pushups"),
])
def test_known_duplicates_meet_on_one_node(full_store: Store, alias: str, canonical: str) -> None:
    """Regression for the clusters named in the issue: each source's facts now sit on one IRI,
    and the duplicate's names are found on it."""
    aliases = read_aliases()
    assert aliases[EXERCISE[alias]] == EXERCISE[canonical]
    graphs = {str(r["g"]).rsplit("/", 1)[-1] for r in full_store.select(
        f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ <{EXERCISE[canonical]}> ?p ?o }} }}")}
    assert "aliases" not in graphs and graphs, graphs


def test_sources_that_disagree_are_listed_not_refused(full_store: Store) -> None:
    from exgraph.queries.conflicts import conflicts

    found = {(c.exercise, c.kind): dict(c.values) for c in conflicts(full_store)}
    deadlift = found[("barbell-deadlift", "primary muscles")]
    # the two datasets disagree, and the reviewed layer (data/reviewed/hinge.ttl) with both
    assert deadlift == {"free-exercise-db": ("erector-spinae",), "wger": ("lats",),
                        "reviewed-hinge": ("glutes", "hamstrings", "quadriceps")}
    # every statement stays, each in its own graph
    graphs = {str(r["g"]).rsplit("/", 1)[-1] for r in full_store.select(
        "SELECT ?g WHERE { GRAPH ?g { <https://w3id.org/exgraph/id/exercise/barbell-deadlift> "
        "<https://w3id.org/exgraph/ontology#primaryMuscle> ?m } }")}
    assert graphs == {"free-exercise-db", "wger", "reviewed-hinge"}


def test_info_conflicts_prints_them() -> None:
    from click.testing import CliRunner

    from exgraph.cli.main import main

    result = CliRunner().invoke(main, ["info", "--conflicts"], env={"EXGRAPH_IMPORTS": "1"})
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert ("barbell-deadlift  primary muscles  free-exercise-db: erector-spinae | "
            "reviewed-hinge: glutes, hamstrings, quadriceps | wger: lats" in lines)
    assert lines[-1].startswith("(") and lines[-1].endswith(" conflicts)")
