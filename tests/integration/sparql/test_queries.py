"""Named queries: the catalogue loads and checks its files, binds values safely, answers the
questions on the curated data, agrees across engines; and the `query` / `sparql` commands."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from exgraph.cli.main import main
from exgraph.cli.session import Session
from exgraph.config import QUERIES_DIR
from exgraph.errors import BadRequest, DataError, NotFound
from exgraph.graph.store import OxigraphStore, Store, to_ox_quad
from exgraph.queries.catalogue import (
    CATEGORIES,
    Result,
    default_catalogue,
    json_rows,
    known_in,
    load_catalogue,
)
from exgraph.vocab.terms import EQUIPMENT, EXERCISE, EXG, GOAL, MUSCLE

MBE = "machine-back-extension"


def run(store: Store, name: str, **values: Any) -> Result:
    return default_catalogue()[name].run(store, values, known_in(store))


def column(result: Result, name: str) -> list[Any]:
    return [row.get(name) for row in result.rows]


# ---------------------------------------------------------------------------------------------
# Loading and checking


def test_every_rq_file_is_in_the_catalogue() -> None:
    files = sorted(p.stem for p in QUERIES_DIR.glob("*.rq"))
    catalogue = default_catalogue()
    assert sorted(catalogue) == files
    for query in catalogue.values():
        assert query.title and query.description and query.columns, query.name


def test_catalogue_declares_every_used_parameter() -> None:
    for query in default_catalogue().values():
        for param in query.params:
            assert f"?_{param.name}" in query.body, (query.name, param.name)


GOOD_HEADER = "# title: T\n# description: D\n"

BAD_FILES = [
    ("declared-unused", GOOD_HEADER + "# param: exercise: exercise (required) — x\n"
     "SELECT ?s WHERE { ?s ?p ?o }\n", "'exercise' is declared but ?_exercise does not appear"),
    ("used-undeclared", GOOD_HEADER + "SELECT ?s WHERE { ?s ?p ?_muscle }\n",
     "?_muscle is used in the query but not declared"),
    ("unknown-type", GOOD_HEADER + "# param: x: colour (required)\nSELECT ?s WHERE { ?s ?p ?_x }\n",
     "unknown parameter type 'colour'"),
    ("no-title", "# description: D\nSELECT ?s WHERE { ?s ?p ?o }\n", "no '# title:' line"),
    ("malformed-param", GOOD_HEADER + "# param: x exercise\nSELECT ?s WHERE { ?s ?p ?_x }\n",
     "expected '# param: NAME: TYPE"),
    ("unclosed-if", GOOD_HEADER + "# param: d: difficulty (optional)\n"
     "SELECT ?s WHERE { ?s ?p ?o\n#if d\n ?s exg:difficulty ?_d\n}\n", "never closed"),
    ("if-on-required", GOOD_HEADER + "# param: d: difficulty (required)\n"
     "SELECT ?s WHERE { ?s ?p ?o\n#if d\n ?s exg:difficulty ?_d\n#endif\n}\n",
     "always has a value"),
    ("prefix-line",
     GOOD_HEADER + "PREFIX ex: <http://example.org/>\nSELECT ?s WHERE { ?s ?p ?o }\n",
     "no PREFIX/BASE lines"),
    ("bad-syntax", GOOD_HEADER + "SELECT ?s WHERE { ?s ?p }\n", "not valid SPARQL"),
    ("bad-default", GOOD_HEADER + "# param: n: integer (optional, default many)\n"
     "SELECT ?s WHERE { ?s ?p ?o } LIMIT ?_n\n", "bad default"),
    ("select-star", GOOD_HEADER + "SELECT * WHERE { ?s ?p ?o }\n", "SELECT *"),
]


@pytest.mark.parametrize(("stem", "text", "message"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_a_bad_query_file_fails_loading_naming_the_file(tmp_path: Path, stem: str, text: str,
                                                        message: str) -> None:
    (tmp_path / "fine.rq").write_text(GOOD_HEADER + "SELECT ?s WHERE { ?s ?p ?o }\n")
    (tmp_path / f"{stem}.rq").write_text(text)
    with pytest.raises(DataError) as err:
        load_catalogue(tmp_path)
    assert f"{stem}.rq" in str(err.value)
    assert message in str(err.value)


def test_a_good_directory_loads(tmp_path: Path) -> None:
    (tmp_path / "one.rq").write_text(
        GOOD_HEADER + "# param: n: integer (optional, default 3) — most rows\n"
        "SELECT ?s ?label WHERE { ?s rdfs:label ?label } LIMIT ?_n\n")
    catalogue = load_catalogue(tmp_path)
    assert list(catalogue) == ["one"]
    assert catalogue["one"].columns == ("s", "label")
    assert catalogue["one"].params[0].default == "3"


def test_comments_do_not_count_as_use(tmp_path: Path) -> None:
    (tmp_path / "q.rq").write_text(GOOD_HEADER + "# param: x: exercise (required)\n"
                                   "SELECT ?s WHERE { ?s ?p ?o # ?_x only in a comment\n}\n")
    with pytest.raises(DataError, match="declared but"):
        load_catalogue(tmp_path)


# ---------------------------------------------------------------------------------------------
# Binding: values become terms, never query text

INJECTIONS = [
    ("steps", "exercise", "foo> } ; DROP ALL ; SELECT * WHERE { ?s ?p ?o"),
    ("steps", "exercise", "machine back extension"),
    ("steps", "exercise", 'machine-back-extension" . ?s ?p ?o'),
    ("steps", "exercise", "https://w3id.org/exgraph/id/exercise/x> . ?s ?p ?o . <a"),
    ("steps", "exercise", "http://example.org/exercise/machine-back-extension"),
    ("steps", "exercise", "https://w3id.org/exgraph/id/muscle/glutes"),
    ("exercises", "q", 'back") || true || CONTAINS("'),
    ("exercises", "q", "back\\"),
    ("exercises", "q", "line\nbreak"),
    ("exercises", "difficulty", "extreme"),
    ("exercises", "role", "exg:Primary"),
    ("exercises-by-difficulty", "limit", "-1"),
    ("exercises-by-difficulty", "limit", "10 OFFSET 2"),
    ("exercises-by-difficulty", "limit", "1e3"),
    ("exercises-with-equipment", "equipment", "barbell,<x>"),
]


@pytest.mark.parametrize(("name", "param", "value"), INJECTIONS)
def test_a_value_that_is_not_a_term_of_its_type_is_a_bad_request(
        store: Store, name: str, param: str, value: str) -> None:
    values = {param: value}
    if name == "exercises-by-difficulty":
        values["difficulty"] = "low"  # the required one, valid: only the tested value is bad
    with pytest.raises(BadRequest) as err:
        default_catalogue()[name].bind(values, known_in(store))
    assert err.value.status == 400
    assert f"'{param}'" in str(err.value)


@pytest.mark.parametrize(("values", "message"), [
    ({}, "'exercise' of query 'steps' is required"),
    ({"exercise": "no-such-exercise"}, "no exercise 'no-such-exercise' in the graph"),
    ({"exercise": MBE, "colour": "red"}, "unknown parameter 'colour'"),
    ({"exercise": [MBE, "romanian-deadlift"]}, "takes one value"),
])
def test_bad_parameters_name_the_problem(store: Store, values: dict[str, Any],
                                         message: str) -> None:
    with pytest.raises(BadRequest, match=message):
        default_catalogue()["steps"].bind(values, known_in(store))


def test_values_are_bound_as_constants_in_the_query_text() -> None:
    query = default_catalogue()["alternatives"]
    text = query.render(query.bind({"exercise": MBE, "difficulty": "low"}))
    assert f"<{EXERCISE[MBE]}> exg:alternative" in text
    assert f"exg:difficulty <{EXG.Low}>" in text
    assert "?_exercise" not in text and "?_difficulty" not in text
    assert "exclude_equipment" not in text  # its #if block is left out


def test_slug_and_iri_give_the_same_term() -> None:
    query = default_catalogue()["steps"]
    assert query.bind({"exercise": MBE}) == query.bind({"exercise": str(EXERCISE[MBE])})


def test_category_slugs_are_the_ontology_categories(store: Store) -> None:
    rows = store.select(
        "SELECT ?c WHERE { ?c a <https://w3id.org/exgraph/ontology#EquipmentCategory> }")
    assert set(CATEGORIES.values()) == {row["c"] for row in rows}
    assert CATEGORIES["machine"] == EXG.Machine and CATEGORIES["free-weight"] == EXG.FreeWeight


def test_unknown_query_name_is_not_found() -> None:
    with pytest.raises(NotFound, match=r"no named query 'nope'.*alternatives"):
        default_catalogue().get_query("nope")


# ---------------------------------------------------------------------------------------------
# Answers on the curated data


def test_alternatives_without_machines_at_low_difficulty_is_cable_pull_through(
        store: Store) -> None:
    result = run(store, "alternatives", exercise=MBE, exclude_equipment="machine", difficulty="low")
    assert set(column(result, "alternative")) == {EXERCISE["cable-pull-through"]}


def test_alternatives_come_in_source_order_with_their_difficulty(store: Store) -> None:
    result = run(store, "alternatives", exercise=MBE)
    order = list(dict.fromkeys(column(result, "alternative")))
    assert order == [EXERCISE["romanian-deadlift"], EXERCISE["cable-pull-through"],
                     EXERCISE["45-degree-back-extension"]]
    levels = {(str(r["alternative"]).rsplit("/", 1)[1], str(r["difficulty"])) for r in result.rows}
    assert ("cable-pull-through", "low") in levels and ("cable-pull-through", "moderate") in levels
    assert all(r.get("best_for") and r.get("key_difference") for r in result.rows)


def test_excluding_a_category_is_transitive(store: Store) -> None:
    # free-weight covers the barbell the Romanian deadlift needs
    result = run(store, "alternatives", exercise=MBE, exclude_equipment="free-weight")
    assert EXERCISE["romanian-deadlift"] not in column(result, "alternative")
    assert EXERCISE["cable-pull-through"] in column(result, "alternative")


def test_exercises_working_a_muscle_by_role(store: Store) -> None:
    primary = run(store, "exercises-for-muscle", muscle="glutes", role="primary")
    assert {EXERCISE["romanian-deadlift"], EXERCISE["cable-pull-through"]} <= set(
        column(primary, "exercise"))
    assert EXERCISE[MBE] not in column(primary, "exercise")  # glutes are secondary there
    assert set(column(primary, "role")) == {Literal("primary")}
    secondary = run(store, "exercises-for-muscle", muscle="glutes", role="secondary")
    assert EXERCISE[MBE] in column(secondary, "exercise")


def test_a_muscle_group_matches_its_narrower_muscles(store: Store) -> None:
    ex = EXERCISE["test-glute-bridge"]
    inv = URIRef(str(ex) + "/muscle/x")
    extra = [(ex, RDF.type, EXG.Exercise), (ex, RDFS.label, Literal("Test glute bridge")),
             (ex, EXG.muscleInvolvement, inv), (inv, EXG.muscle, MUSCLE["gluteus-maximus"]),
             (inv, EXG.role, EXG.Primary)]
    copy = ox.Store()  # the session store stays untouched: copy it, then add the test triples
    assert isinstance(store, OxigraphStore)
    copy.bulk_load(store.ox.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()),
                   format=ox.RdfFormat.N_TRIPLES)
    for s, p, o in extra:
        copy.add(to_ox_quad(s, p, o))
    store = OxigraphStore(copy)
    rows = run(store, "exercises-for-muscle", muscle="glutes").rows
    assert (ex, MUSCLE["gluteus-maximus"]) in {(r["exercise"], r["muscle"]) for r in rows}
    assert ex in column(run(store, "exercises", muscle="glutes"), "exercise")
    assert ex not in column(run(store, "exercises", muscle="hamstrings"), "exercise")


def test_exercises_doable_with_equipment(store: Store) -> None:
    names = set(column(run(store, "exercises-with-equipment",
                           equipment="cable-station,hyperextension-bench"), "exercise"))
    assert {EXERCISE["cable-pull-through"], EXERCISE["45-degree-back-extension"],
            EXERCISE["bodyweight-back-extension"]} <= names
    assert EXERCISE[MBE] not in names and EXERCISE["romanian-deadlift"] not in names
    free = set(column(run(store, "exercises-with-equipment", equipment=["free-weight"]),
                      "exercise"))
    assert EXERCISE["romanian-deadlift"] in free and EXERCISE[MBE] not in free
    assert EXERCISE[MBE] in set(column(run(store, "exercises-with-equipment",
                                           equipment="machine"), "exercise"))


def test_muscles_of_an_exercise_by_role_with_function(store: Store) -> None:
    result = run(store, "muscles-of-exercise", exercise=MBE)
    by_role = {(str(r["role"]), r["muscle"]) for r in result.rows}
    assert by_role == {("primary", MUSCLE.hamstrings), ("secondary", MUSCLE.glutes),
                       ("stabilizer", MUSCLE["erector-spinae"]),
                       ("stabilizer", MUSCLE.abdominals)}
    assert all(r.get("function") for r in result.rows)
    stab = run(store, "muscles-of-exercise", exercise=MBE, role="stabilizer")
    assert set(column(stab, "muscle")) == {MUSCLE["erector-spinae"], MUSCLE.abdominals}


def test_mistakes_in_order_with_cause_and_fix(store: Store) -> None:
    rows = json_rows(run(store, "mistakes", exercise=MBE))
    assert [r["position"] for r in rows] == [1, 2, 3, 4]
    assert rows[2]["question"] == "Why am I bouncing reps?"
    assert all(r["cause"] and r["fix"] and r["problem"] for r in rows)


def test_programming_for_a_goal(store: Store) -> None:
    rows = json_rows(run(store, "programming", exercise=MBE, goal="hypertrophy"))
    assert rows == [{"goal": str(GOAL.hypertrophy), "sets_min": 3, "sets_max": 4, "reps_min": 8,
                     "reps_max": 12, "rest_min_seconds": 90, "rest_max_seconds": 120,
                     "load": "Last 2 reps challenging with clean form"}]
    every = run(store, "programming", exercise=MBE)
    assert set(column(every, "goal")) == {GOAL.technique, GOAL.hypertrophy,
                                          GOAL["strength-endurance"]}


def test_steps_in_order(store: Store) -> None:
    rows = json_rows(run(store, "steps", exercise=MBE))
    assert [r["position"] for r in rows] == [1, 2, 3, 4, 5, 6]
    assert str(rows[0]["text"]).startswith("Sit with your pelvis")


def test_comparisons(store: Store) -> None:
    rows = json_rows(run(store, "comparisons", exercise=MBE))
    assert [r["variation"] for r in rows] == [str(EXERCISE[MBE]),
                                              str(EXERCISE["bodyweight-back-extension"])]
    assert rows[1]["best_for"] == "Motor control and low-load technique work"


def test_equipment_taxonomy_under_a_category(store: Store) -> None:
    result = run(store, "equipment-taxonomy", under="machine")
    kinds = set(column(result, "equipment"))
    assert {EQUIPMENT["back-extension-machine"], EQUIPMENT["lever-back-extension-machine"],
            EQUIPMENT.machine} <= kinds
    assert EQUIPMENT["cable-station"] not in kinds
    assert set(column(result, "category")) == {EXG.Machine}
    everything = run(store, "equipment-taxonomy")
    assert EQUIPMENT["cable-station"] in column(everything, "equipment")


def test_exercises_by_difficulty_with_a_limit(store: Store) -> None:
    moderate = set(column(run(store, "exercises-by-difficulty", difficulty="moderate",
                              limit="100000"), "exercise"))
    assert {EXERCISE["romanian-deadlift"], EXERCISE["cable-pull-through"],
            EXERCISE["45-degree-back-extension"]} <= moderate
    assert EXERCISE[MBE] not in moderate
    assert len(run(store, "exercises-by-difficulty", difficulty="moderate", limit="2").rows) == 2


def test_exercises_filtered(store: Store) -> None:
    assert EXERCISE["romanian-deadlift"] in column(run(store, "exercises", q="RDL"), "exercise")
    no_machine = column(run(store, "exercises", exclude_equipment="machine"), "exercise")
    assert EXERCISE[MBE] not in no_machine and EXERCISE["cable-pull-through"] in no_machine
    cable = column(run(store, "exercises", equipment="cable-system"), "exercise")
    assert EXERCISE["cable-pull-through"] in cable and EXERCISE[MBE] not in cable


def test_muscles_of_a_group(store: Store) -> None:
    result = run(store, "muscles", group="hamstrings")
    assert set(column(result, "muscle")) == {MUSCLE["biceps-femoris"], MUSCLE.semitendinosus,
                                             MUSCLE.semimembranosus}


def test_a_page_is_a_slice_of_the_rows(store: Store) -> None:
    query = default_catalogue()["exercises"]
    bound = query.bind({})
    rows = store.select(query.render(bound))
    assert store.select(query.render(bound, limit=2, offset=1)) == rows[1:3]


# Parameters for every query, for the cross-engine comparison; a new query must be added here.
SAMPLE_VALUES: dict[str, dict[str, Any]] = {
    "alternatives": {"exercise": MBE, "exclude_equipment": "machine"},
    "substitutes": {"exercise": MBE, "exclude_equipment": "machine", "limit": "20"},
    "comparisons": {"exercise": MBE},
    "equipment-taxonomy": {},
    "exercises-by-difficulty": {"difficulty": "moderate"},
    "exercises-for-muscle": {"muscle": "hamstrings"},
    "exercises-with-equipment": {"equipment": "free-weight,cable-station,hyperextension-bench"},
    "exercises": {"muscle": "hamstrings", "role": "primary", "difficulty": "low",
                  "exclude_equipment": "machine"},
    "mistakes": {"exercise": MBE},
    "muscles-of-exercise": {"exercise": MBE},
    "muscles": {},
    "programming": {"exercise": MBE},
    "steps": {"exercise": MBE},
}


def _canonical(result: Result) -> list[tuple[Any, ...]]:
    return sorted(tuple(json.dumps(v) for v in row.values()) for row in json_rows(result))


@pytest.mark.parametrize("name", sorted(default_catalogue()))
def test_oxigraph_and_rdflib_agree(name: str, store: Store, rdflib_store: Store) -> None:
    assert name in SAMPLE_VALUES, f"add sample parameters for {name} to SAMPLE_VALUES"
    ox_result = run(store, name, **SAMPLE_VALUES[name])
    assert ox_result.rows, f"{name} returns nothing on the curated data"
    assert _canonical(ox_result) == _canonical(run(rdflib_store, name, **SAMPLE_VALUES[name]))


# ---------------------------------------------------------------------------------------------
# The command line


@pytest.fixture
def cli(store: Store) -> Callable[..., Any]:
    """Invoke `exgraph ARGS` on the session store (loading the graph once, not per call)."""
    runner = CliRunner()
    return lambda *args: runner.invoke(main, list(args), obj=Session(store))


ALT_ARGS = ("query", "alternatives", "-p", f"exercise={MBE}", "-p", "exclude_equipment=machine",
            "--param", "difficulty=low")


def test_cli_query_table(cli: Callable[..., Any]) -> None:
    result = cli(*ALT_ARGS)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["alternative", "name", "position", "difficulty", "best_for",
                                "key_difference"]
    assert all(line.startswith("exercise:cable-pull-through") for line in lines[2:-1])
    assert lines[-1] == "(2 rows)"


def test_cli_query_json_and_csv(cli: Callable[..., Any]) -> None:
    as_json = json.loads(cli(*ALT_ARGS, "--format", "json").stdout)
    assert {r["alternative"] for r in as_json["rows"]} == {str(EXERCISE["cable-pull-through"])}
    assert as_json["columns"][0] == "alternative"
    rows = list(csv.DictReader(io.StringIO(cli(*ALT_ARGS, "--format", "csv").stdout)))
    assert {r["alternative"] for r in rows} == {str(EXERCISE["cable-pull-through"])}
    assert {r["difficulty"] for r in rows} == {"low", "moderate"}


def test_cli_query_list(cli: Callable[..., Any]) -> None:
    result = cli("query", "--list")
    assert result.exit_code == 0
    listed = [line.split()[0] for line in result.stdout.splitlines()]
    assert listed == list(default_catalogue())
    described = json.loads(cli("query", "--list", "--format", "json").stdout)
    assert [q["name"] for q in described] == listed


@pytest.mark.parametrize(("args", "code", "message"), [
    (("query", "nope"), 1, "no named query 'nope'"),
    (("query", "steps", "-p", "exercise=foo> } ; DROP"), 1, "parameter 'exercise'"),
    (("query", "steps"), 1, "'exercise' of query 'steps' is required"),
    (("query", "steps", "-p", "exercise"), 2, "expected KEY=VALUE"),
    (("query",), 2, "name a query"),
    (("sparql", "SELEC ?x"), 1, "not a SPARQL query"),
    (("sparql", "CONSTRUCT WHERE { ?s ?p ?o }", "--format", "csv"), 1, "CSV is for SELECT"),
])
def test_cli_errors_name_the_problem(cli: Callable[..., Any], args: tuple[str, ...], code: int,
                                     message: str) -> None:
    result = cli(*args)
    assert result.exit_code == code
    assert message in result.output


SELECT_LEVELS = ("SELECT ?level ?rank WHERE { ?level a exg:DifficultyLevel ; exg:rank ?rank } "
                 "ORDER BY ?rank")


def test_cli_sparql_select_in_three_formats(cli: Callable[..., Any]) -> None:
    table = cli("sparql", SELECT_LEVELS).stdout.splitlines()
    assert table[0].split() == ["level", "rank"]
    assert [line.split()[0] for line in table[2:5]] == ["exg:Low", "exg:Moderate", "exg:High"]
    as_json = json.loads(cli("sparql", SELECT_LEVELS, "--format", "json").stdout)
    assert [r["rank"] for r in as_json["rows"]] == [1, 2, 3]
    rows = list(csv.DictReader(io.StringIO(cli("sparql", SELECT_LEVELS, "--format", "csv").stdout)))
    assert [r["level"] for r in rows] == [str(EXG.Low), str(EXG.Moderate), str(EXG.High)]


def test_cli_sparql_ask_construct_and_file(cli: Callable[..., Any], tmp_path: Path) -> None:
    assert cli("sparql", f"ASK {{ exercise:{MBE} a exg:Exercise }}").stdout.strip() == "true"
    assert json.loads(cli("sparql", "ASK { exercise:nope a exg:Exercise }", "--format",
                          "json").stdout) == {"boolean": False}
    turtle = cli("sparql", f"CONSTRUCT {{ exercise:{MBE} exg:step ?s }} WHERE "
                           f"{{ exercise:{MBE} exg:step ?s }}").stdout
    assert len(Graph().parse(data=turtle, format="turtle")) == 6
    path = tmp_path / "levels.rq"
    path.write_text(SELECT_LEVELS)
    assert json.loads(cli("sparql", str(path), "--format", "json").stdout)["columns"] == [
        "level", "rank"]


def test_cli_query_on_a_freshly_loaded_store() -> None:
    """One run without the fixture's shortcut: the command opens the store itself."""
    result = CliRunner().invoke(main, ["query", "steps", "-p", f"exercise={MBE}", "--format",
                                       "json"])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["rows"]) == 6
