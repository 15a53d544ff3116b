"""SHACL validation: the bundled graph conforms, and broken exercises are caught and explained."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from exgraph.cli.main import main
from exgraph.graph.load import load_graph
from exgraph.graph.validate import validate_graph

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
