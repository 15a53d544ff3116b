"""SHACL validation: the bundled graph conforms, and broken exercises are caught and explained."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from exgraph.cli.main import main
from exgraph.config import ONTOLOGY_FILE
from exgraph.graph.load import load_graph
from exgraph.graph.store import Store
from exgraph.graph.validate import validate_graph, validate_source, validate_sources
from exgraph.vocab.terms import SOURCE

HEADER = """
@prefix exg: <https://w3id.org/exgraph/ontology#> .
@prefix exercise: <https://w3id.org/exgraph/id/exercise/> .
@prefix muscle: <https://w3id.org/exgraph/id/muscle/> .
@prefix goal: <https://w3id.org/exgraph/id/goal/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix src: <https://w3id.org/exgraph/id/source/> .
"""

GOOD = HEADER + """
exercise:test-row a exg:Exercise ; rdfs:label "Test row" ; skos:prefLabel "Test row" ;
    exg:primaryMuscle muscle:lats ; exg:worksMuscle muscle:lats ; exg:difficulty exg:Low ;
    dcterms:source src:curated .
"""

BROKEN = {
    "primary muscle that is not a muscle": (
        GOOD.replace("exg:primaryMuscle muscle:lats", "exg:primaryMuscle goal:strength"),
        "exercise:test-row", "Class", "exg:primaryMuscle", "goal:strength",
    ),
    "sets with min above max": (
        GOOD + """exercise:test-row exg:programming exercise:test-row\\/programming\\/strength .
        exercise:test-row\\/programming\\/strength a exg:ProgrammingGuideline ;
            exg:goal goal:strength ;
            exg:setsMin 5 ; exg:setsMax 3 ; exg:repsMin 5 ; exg:repsMax 5 ;
            dcterms:source src:curated .""",
        "exercise:test-row/programming/strength", "LessThanOrEquals", "exg:setsMin", "5",
    ),
    "difficulty outside the scale": (
        GOOD.replace("exg:difficulty exg:Low", "exg:difficulty exg:Extreme"),
        "exercise:test-row", "In", "exg:difficulty", "exg:Extreme",
    ),
    "exercise without a label": (
        GOOD.replace('rdfs:label "Test row" ;', ""),
        "exercise:test-row", "MinCount", "rdfs:label", "",
    ),
}


def test_bundled_graph_conforms(graph: Graph) -> None:
    report = validate_graph(graph)
    assert report.conforms, report.text


def test_a_good_extra_exercise_conforms(tmp_path: Path) -> None:
    path = tmp_path / "good.ttl"
    path.write_text(GOOD)
    assert validate_graph(load_graph([path])).conforms


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_exercise_is_caught_with_resource_constraint_and_value(tmp_path: Path,
                                                                      case: str) -> None:
    turtle, focus, constraint, path, value = BROKEN[case]
    file = tmp_path / "broken.ttl"
    file.write_text(turtle)
    report = validate_graph(load_graph([file]))
    assert not report.conforms
    matching = [p for p in report.problems
                if p.focus.endswith(focus.split(":", 1)[1] + ">") or p.focus == focus]
    assert matching, report.text
    problem = matching[0]
    assert problem.constraint == constraint
    assert problem.path == path
    if value:
        assert value in problem.value
    assert focus.split(":", 1)[1] in report.text


def test_cli_validate_exit_codes_and_report(tmp_path: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(main, ["validate"])
    assert ok.exit_code == 0, ok.output
    assert "Conforms" in ok.output

    bad = tmp_path / "bad.ttl"
    bad.write_text(BROKEN["primary muscle that is not a muscle"][0])
    result = runner.invoke(main, ["validate", str(bad)])
    assert result.exit_code == 1
    assert "Does not conform" in result.output
    assert "test-row" in result.output and "primaryMuscle" in result.output


def test_cli_validate_names_a_file_that_does_not_parse(tmp_path: Path) -> None:
    bad = tmp_path / "garbage.ttl"
    bad.write_text("this is not turtle .\n")
    result = CliRunner().invoke(main, ["validate", str(bad)])
    assert result.exit_code == 1
    assert "garbage.ttl" in result.output
    missing = CliRunner().invoke(main, ["validate", str(tmp_path / "nope.ttl")])
    assert missing.exit_code == 1 and "nope.ttl" in missing.output


# ---------------------------------------------------------------------------------------------
# Each source graph on its own


def test_every_source_graph_of_the_served_graph_conforms_on_its_own(full_store: Store) -> None:
    reports = validate_sources(full_store)
    assert {str(SOURCE["curated"]), str(SOURCE["wger"]), str(SOURCE["free-exercise-db"]),
            str(SOURCE["article-machine-back-extension"])} <= set(reports)
    failed = {name: report.text for name, report in reports.items() if not report.conforms}
    assert not failed, failed


MBE = "https://w3id.org/exgraph/id/exercise/machine-back-extension"
FREQUENCY = ("@prefix exg: <https://w3id.org/exgraph/ontology#> .\n"
             f"<{MBE}> exg:sessionsPerWeekMin %d ; exg:sessionsPerWeekMax %d .\n")


@pytest.mark.parametrize(("sources", "union_ok", "per_source_ok"), [
    # two sources disagree, each saying it once: kept, both valid (`info --conflicts` lists it)
    ([(2, 3), (3, 4)], True, True),
    # the minimum of one source above the maximum of another: still no error of either
    ([(4, 4), (2, 3)], True, True),
    # one source saying two minimums: its own mistake, caught in its graph alone
    ([(2, 3), None], True, False),
])
def test_what_one_source_must_not_say_twice_is_checked_per_source(
        graph: Graph, sources: list[tuple[int, int] | None], union_ok: bool,
        per_source_ok: bool) -> None:
    ontology = Graph().parse(ONTOLOGY_FILE)
    union = Graph()
    union += graph
    per_source = []
    first_pair = sources[0]
    assert first_pair is not None
    first = Graph().parse(data=FREQUENCY % first_pair, format="turtle")
    if sources[1] is None:  # the same source again, with a second minimum
        first.parse(data=FREQUENCY % (1, first_pair[1]), format="turtle")
        graphs = [first]
    else:
        graphs = [first, Graph().parse(data=FREQUENCY % sources[1], format="turtle")]
    for source in graphs:
        union += source
        per_source.append(validate_source(source, union, ontology))
    assert validate_graph(union).conforms is union_ok
    assert all(r.conforms for r in per_source) is per_source_ok
    if not per_source_ok:
        (problem,) = {p.constraint for r in per_source for p in r.problems}
        assert problem == "MaxCount"


def test_cli_validate_per_source_names_each_source() -> None:
    result = CliRunner().invoke(main, ["validate", "--per-source"])
    assert result.exit_code == 0, result.output
    assert f"{SOURCE['curated']}: conforms on its own" in result.output
