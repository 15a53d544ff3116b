"""exgraph ingest: articles → triples. The reference article must give the curated graph; the
fixture articles (other exercises, same format) must give the values they state; bad articles
must fail with file:line messages and change nothing."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.namespace import RDF, RDFS, SKOS

from exgraph.cli.main import main
from exgraph.config import DATA_DIR
from exgraph.graph.export import serialize
from exgraph.graph.load import load_graph, open_store
from exgraph.ingest import IngestError, base_graph, ingest_file, ingest_text
from exgraph.ingest.article_file import validate_with
from exgraph.ingest.name_index import NameIndex
from exgraph.vocab.terms import EQUIPMENT, EXERCISE, EXG, GOAL, MUSCLE, SOURCE
from tests.paths import TESTS
from tests.typed import py, select_rows

FIXTURES = TESTS / "fixtures" / "articles"
GOBLET = FIXTURES / "goblet-squat.txt"
ROW = FIXTURES / "seated-cable-row.txt"
PUSH_UP = FIXTURES / "push-up.txt"
MBE_SOURCE = SOURCE["article-machine-back-extension"]

PREFIXES = """
PREFIX exg: <https://w3id.org/exgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX exercise: <https://w3id.org/exgraph/id/exercise/>
PREFIX muscle: <https://w3id.org/exgraph/id/muscle/>
PREFIX goal: <https://w3id.org/exgraph/id/goal/>
"""


@pytest.fixture(scope="module")
def base() -> Graph:
    """The bundled graph without the curated article file (the reference article replaces it)."""
    return base_graph(DATA_DIR, [Path("machine-back-extension.txt")])


@pytest.fixture(scope="module")
def index(base: Graph) -> NameIndex:
    return NameIndex(base)


def turtle_round_trip(graph: Graph) -> Graph:
    """The graph as the CLI would write it, parsed back: assertions see what a reader sees."""
    return Graph().parse(data=serialize(graph, "turtle"), format="turtle")


def select(graph: Graph, query: str) -> list[dict[str, object]]:
    return [{str(k): v.toPython() if isinstance(v, Literal) else v
             for k, v in row.asdict().items()}
            for row in select_rows(graph, PREFIXES + query)]


def expected_reference() -> Graph:
    """data/articles/machine-back-extension.ttl + the article's description in data/sources.ttl."""
    expected = Graph().parse(DATA_DIR / "articles" / "machine-back-extension.ttl")
    sources = Graph().parse(DATA_DIR / "sources.ttl")
    for triple in sources.triples((MBE_SOURCE, None, None)):
        expected.add(triple)
    return expected


def assert_isomorphic(expected: Graph, got: Graph) -> None:
    if not isomorphic(expected, got):
        _, only_expected, only_got = graph_diff(to_isomorphic(expected), to_isomorphic(got))
        lines = ["only in the curated graph:"] + [f"  {t}" for t in sorted(only_expected)]
        lines += ["only in the ingested graph:"] + [f"  {t}" for t in sorted(only_got)]
        pytest.fail("\n".join(lines))


# ---------------------------------------------------------------------------------------------
# The reference article


@pytest.mark.shared
def test_reference_article_gives_the_curated_graph(reference_article: Path, base: Graph) -> None:
    result = ingest_file(reference_article, base)
    assert_isomorphic(expected_reference(), turtle_round_trip(result.graph))
    assert result.new == [] and result.warnings == []


@pytest.mark.shared
def test_reference_source_description_is_generated_when_the_graph_lacks_it(
        reference_article: Path, base: Graph) -> None:
    without = Graph()
    for triple in base:
        if triple[0] != MBE_SOURCE:
            without.add(triple)
    graph = ingest_file(reference_article, without).graph
    curated = Graph().parse(DATA_DIR / "sources.ttl")
    for prop in (RDFS.label, URIRef("http://purl.org/dc/terms/title"),
                 URIRef("http://purl.org/dc/terms/identifier")):
        assert graph.value(MBE_SOURCE, prop) == curated.value(MBE_SOURCE, prop), prop
    assert (MBE_SOURCE, RDF.type, EXG.Source) in graph


@pytest.mark.shared
def test_reference_output_validates_with_the_bundled_graph(
        reference_article: Path, base: Graph) -> None:
    report = validate_with(base, [ingest_file(reference_article, base).graph])
    assert report.conforms, report.text


# ---------------------------------------------------------------------------------------------
# Fixture articles about other exercises


@pytest.mark.parametrize("article", [GOBLET, ROW, PUSH_UP], ids=lambda p: p.stem)
def test_fixture_ingests_validates_and_is_stable(article: Path, base: Graph) -> None:
    first = ingest_file(article, base)
    second = ingest_file(article, base)
    assert serialize(first.graph) == serialize(second.graph)
    assert not any(isinstance(term, BNode) for triple in first.graph for term in triple)
    report = validate_with(base, [first.graph])
    assert report.conforms, report.text
    source = SOURCE[f"article-{article.stem}"]
    assert first.graph.value(source, URIRef("http://purl.org/dc/terms/identifier")) == Literal(
        f"articles/{article.name}")
    # every node the output describes points to the article
    for subject in set(first.graph.subjects()) - {source}:
        assert (subject, URIRef("http://purl.org/dc/terms/source"), source) in first.graph, subject


def test_goblet_squat_values(base: Graph) -> None:
    graph = turtle_round_trip(ingest_file(GOBLET, base).graph)
    ex = EXERCISE["goblet-squat"]
    assert graph.value(ex, RDFS.label) == Literal("Goblet squat")
    assert (ex, RDF.type, EXG.Exercise) in graph
    rows = select(graph, """
        SELECT ?role ?muscle WHERE { exercise:goblet-squat exg:muscleInvolvement ?i .
                                     ?i exg:role ?role ; exg:muscle ?muscle }""")
    roles = {(str(r["role"]).rsplit("#")[-1], str(r["muscle"]).rsplit("/")[-1]) for r in rows}
    assert roles == {("Primary", "quadriceps"), ("Primary", "glutes"),
                     ("Secondary", "adductors"), ("Stabilizer", "abdominals"),
                     ("Stabilizer", "erector-spinae"), ("Stabilizer", "middle-back")}
    assert set(graph.objects(ex, EXG.stabilizerMuscle)) == {
        MUSCLE.abdominals, MUSCLE["erector-spinae"], MUSCLE["middle-back"]}
    prog = select(graph, """
        SELECT ?goal ?smin ?smax ?rmin ?rmax ?restmin ?restmax WHERE {
          exercise:goblet-squat exg:programming ?p . ?p exg:goal ?goal ;
            exg:setsMin ?smin ; exg:setsMax ?smax ; exg:repsMin ?rmin ; exg:repsMax ?rmax ;
            exg:restMinSeconds ?restmin ; exg:restMaxSeconds ?restmax }""")
    by_goal = {str(r["goal"]): (r["smin"], r["smax"], r["rmin"], r["rmax"], r["restmin"],
                                r["restmax"]) for r in prog}
    assert by_goal == {str(GOAL.technique): (2, 3, 8, 10, 60, 60),
                       str(GOAL.strength): (4, 4, 5, 6, 120, 180),
                       str(GOAL.hypertrophy): (3, 4, 10, 15, 90, 120)}
    assert py(graph.value(ex, EXG.sessionsPerWeekMin)) == 2  # "Two to three sessions"
    assert py(graph.value(ex, EXG.sessionsPerWeekMax)) == 3
    assert set(graph.objects(EXERCISE["dumbbell-split-squat"], EXG.difficulty)) == {
        EXG.Moderate, EXG.High}
    assert set(graph.objects(EXERCISE["box-squat"], EXG.difficulty)) == {EXG.Low, EXG.Moderate}
    assert set(graph.objects(ex, EXG.requiresEquipment)) == {EQUIPMENT.dumbbell,
                                                             EQUIPMENT.kettlebell}
    assert graph.value(ex, EXG.beginnerSuitable) == Literal(True)
    entries = select(graph, """
        SELECT ?pos ?var WHERE { exercise:goblet-squat exg:comparison ?c .
          ?c exg:comparedWith exercise:barbell-back-squat ; exg:entry ?e .
          ?e exg:position ?pos ; exg:variation ?var } ORDER BY ?pos""")
    assert [(e["pos"], str(e["var"])) for e in entries] == [
        (1, str(ex)), (2, str(EXERCISE["barbell-back-squat"]))]
    # The call to action and the image URL after the FAQ heading are not facts.
    assert not any("Momentum" in str(o) or ".jpg" in str(o) for o in graph.objects())


def test_seated_cable_row_values(base: Graph) -> None:
    graph = turtle_round_trip(ingest_file(ROW, base).graph)
    ex = EXERCISE["seated-cable-row"]
    assert set(graph.objects(ex, EXG.primaryMuscle)) == {MUSCLE.lats, MUSCLE["middle-back"]}
    assert set(graph.objects(ex, EXG.secondaryMuscle)) == {MUSCLE.biceps,
                                                           MUSCLE["posterior-deltoid"]}
    assert set(graph.objects(ex, EXG.stabilizerMuscle)) == {MUSCLE["erector-spinae"],
                                                            MUSCLE.forearms}
    hyp = ex + "/article-seated-cable-row/programming/hypertrophy"
    assert [py(graph.value(URIRef(hyp), p)) for p in (
        EXG.setsMin, EXG.setsMax, EXG.repsMin, EXG.repsMax, EXG.restMinSeconds,
        EXG.restMaxSeconds)] == [3, 4, 8, 12, 60, 90]
    strength = URIRef(ex + "/article-seated-cable-row/programming/strength")
    # the source says "2-3 min" (with an en dash)
    assert (py(graph.value(strength, EXG.restMinSeconds)),
            py(graph.value(strength, EXG.restMaxSeconds))) == (120, 180)
    # "Muscular endurance" is an altLabel of the curated strength-endurance goal
    assert (URIRef(ex + "/article-seated-cable-row/programming/strength-endurance"), EXG.goal,
            GOAL["strength-endurance"]) in graph
    assert (py(graph.value(ex, EXG.sessionsPerWeekMin)),
            py(graph.value(ex, EXG.sessionsPerWeekMax))) == (2, 3)  # "Two or three times"
    steps = select(graph, """SELECT ?pos ?text WHERE { exercise:seated-cable-row exg:step ?s .
                             ?s exg:position ?pos ; exg:text ?text } ORDER BY ?pos""")
    assert [s["pos"] for s in steps] == [1, 2, 3, 4]
    assert steps[2]["text"] == "Pull the handle to your lower ribs while driving the elbows back."
    assert list(graph.objects(ex, EXG.requiresEquipment)) == [EQUIPMENT["cable-station"]]


def test_push_up_values(base: Graph) -> None:
    result = ingest_file(PUSH_UP, base)
    graph = turtle_round_trip(result.graph)
    ex = EXERCISE["push-up"]
    assert graph.value(ex, RDFS.label) == Literal("Push-up")
    assert graph.value(ex, EXG.beginnerSuitable) == Literal(False)
    assert str(graph.value(ex, EXG.beginnerNote)).startswith("Many beginners cannot yet hold")
    cuff = MUSCLE["rotator-cuff"]
    assert (cuff, RDF.type, EXG.Muscle) in graph
    assert graph.value(cuff, SKOS.prefLabel) == Literal("Rotator cuff")
    assert (GOAL.endurance, RDF.type, EXG.TrainingGoal) in graph
    assert {(n.kind, str(n.iri)) for n in result.new} >= {("muscle", str(cuff)),
                                                         ("goal", str(GOAL.endurance))}
    hyp = URIRef(ex + "/article-push-up/programming/hypertrophy")
    assert (py(graph.value(hyp, EXG.restMinSeconds)),
            py(graph.value(hyp, EXG.restMaxSeconds))) == (60, 120)  # "1 to 2 minutes"
    # Only the first sentence says what is needed: the mat of the second is not required.
    assert list(graph.objects(ex, EXG.requiresEquipment)) == [EQUIPMENT.bodyweight]
    assert set(graph.objects(ex, EXG.secondaryMuscle)) == {MUSCLE.triceps,
                                                           MUSCLE["anterior-deltoid"]}


# ---------------------------------------------------------------------------------------------
# Bad input: every problem named by file and line, nothing built


def line_of(text: str, fragment: str) -> int:
    return next(i for i, line in enumerate(text.split("\n"), start=1) if fragment in line)


BAD = [
    ("| Hypertrophy | 3 to 4 | 10 to 15 |", "| Hypertrophy | 3 to 4 | 15 to 10 |",
     'programming row "Hypertrophy": reps "15 to 10": minimum above maximum'),
    ("| Secondaries | Adductors |", "| Helpers | Adductors |", 'unknown role "Helpers"'),
    ("Difficulty: Moderate to high.", "Difficulty: Brutal.", "unknown difficulty 'brutal'"),
    ("- Easy setup: One", "- Easy setup One", 'expected "Title: text"'),
    ("| Strength | 4 | 5 to 6 | 2 to 3 min |", "| Strength | 4 | 5 to 6 |",
     "programming table row: expected 5 cells"),
    ("| Technique | 2 to 3 | 8 to 10 | 60 sec |", "| Technique | 2 to 3 | 8 to 10 | 60 |",
     'rest "60": expected a unit'),
    ("Yes. The front load", "Mostly. The front load", 'expected the answer "Yes" or "No"'),
    ("Two to three sessions per week", "Three to two sessions per week",
     "weekly frequency: minimum above maximum"),
    ("Fix: Widen your stance", "Remedy: Widen your stance", 'expected "Problem:"'),
]


@pytest.mark.parametrize(("old", "new", "message"), BAD, ids=[b[2][:30] for b in BAD])
def test_bad_article_names_file_line_and_expectation(
        tmp_path: Path, base: Graph, index: NameIndex, old: str, new: str, message: str) -> None:
    text = GOBLET.read_text()
    assert old in text
    bad = tmp_path / "bad.txt"
    bad.write_text(text.replace(old, new, 1))
    with pytest.raises(IngestError) as caught:
        ingest_file(bad, base, index)
    line = line_of(text, old)
    assert f"{bad}:{line}: " in str(caught.value)
    assert message in str(caught.value)
    assert caught.value.status == 400


def test_all_errors_are_collected(tmp_path: Path, base: Graph) -> None:
    text = GOBLET.read_text().replace("| 3 to 4 | 10 to 15 |", "| 3 to 4 | 15 to 10 |")
    text = text.replace("Difficulty: Low to moderate.", "Difficulty: Easy.")
    bad = tmp_path / "two.txt"
    bad.write_text(text)
    with pytest.raises(IngestError) as caught:
        ingest_file(bad, base)
    assert [i.line for i in caught.value.issues] == [line_of(text, "15 to 10"),
                                                     line_of(text, "Difficulty: Easy.")]


def test_ambiguous_name_is_an_error(tmp_path: Path, base: Graph) -> None:
    graph = Graph()
    graph += base
    other = MUSCLE["quadratus-femoris"]
    graph.add((other, RDF.type, EXG.Muscle))
    graph.add((other, SKOS.altLabel, Literal("Quadriceps")))
    with pytest.raises(IngestError) as caught:
        ingest_file(GOBLET, graph)
    assert f"{GOBLET}:{line_of(GOBLET.read_text(), '| Primaries | Quadriceps')}: " in str(
        caught.value)
    assert 'muscle "Quadriceps" is ambiguous' in str(caught.value)


def test_missing_section_is_a_warning_not_an_error(tmp_path: Path, base: Graph) -> None:
    text = GOBLET.read_text()
    start = text.index("How Often Should You Do Goblet Squats?")
    end = text.index("How Does Goblet Squat Compare")
    article = tmp_path / "goblet-squat.txt"
    article.write_text(text[:start] + text[end:])
    result = ingest_file(article, base)
    assert [str(w) for w in result.warnings] == [
        f'{article}: no "How Often Should You Do X?" section: its facts are left out']
    assert result.graph.value(EXERCISE["goblet-squat"], EXG.sessionsPerWeekMin) is None
    assert validate_with(base, [result.graph]).conforms


# ---------------------------------------------------------------------------------------------
# Property: mangled articles either give a valid graph or an IngestError naming file and line


def mangle(draw: Callable[..., Any], text: str) -> str:
    lines = text.split("\n")
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "number", "cell", "unicode"]))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "number" and re.search(r"\d+", lines[i]):
            value = str(draw(st.integers(-5, 10**8)))
            lines[i] = re.sub(r"\d+", value, lines[i], count=draw(st.integers(0, 2)))
        elif op == "cell" and lines[i].count("|") > 2:
            cells = lines[i].split("|")
            del cells[draw(st.integers(1, len(cells) - 2))]
            lines[i] = "|".join(cells)
        else:
            at = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:at] + draw(st.text(max_size=8)) + lines[i][at:]
    return "\n".join(lines)


def check_mangled(text: str, path: Path, base: Graph, index: NameIndex) -> None:
    try:
        result = ingest_text(text, path, base, index)
    except IngestError as exc:
        assert exc.issues
        for line in str(exc).split("\n"):
            assert re.match(rf"^{re.escape(str(path))}:\d+: \S", line), line
        return
    assert not any(isinstance(term, BNode) for triple in result.graph for term in triple)
    report = validate_with(base, [result.graph])
    assert report.conforms, report.text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_mangled_fixture_articles(data: st.DataObject, base: Graph, index: NameIndex) -> None:
    article = data.draw(st.sampled_from([GOBLET, ROW, PUSH_UP]))
    text = mangle(data.draw, article.read_text())
    check_mangled(text, Path(article.name), base, index)


@pytest.mark.shared
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_mangled_reference_article(data: st.DataObject, reference_article: Path, base: Graph,
                                   index: NameIndex) -> None:
    text = mangle(data.draw, reference_article.read_text())
    check_mangled(text, Path(reference_article.name), base, index)


# ---------------------------------------------------------------------------------------------
# The command line


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def test_cli_stdout(runner: CliRunner) -> None:
    result = runner.invoke(main, ["ingest", str(PUSH_UP)])
    assert result.exit_code == 0, result.output
    graph = Graph().parse(data=result.stdout_bytes, format="turtle")
    assert (EXERCISE["push-up"], RDF.type, EXG.Exercise) in graph
    assert 'new muscle: muscle:rotator-cuff "Rotator cuff"' in result.stderr
    assert "conforms" in result.stderr


def test_cli_output_file(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "out.ttl"
    result = runner.invoke(main, ["ingest", str(GOBLET), str(ROW), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    graph = Graph().parse(out, format="turtle")
    assert {EXERCISE["goblet-squat"], EXERCISE["seated-cable-row"]} <= set(
        graph.subjects(RDF.type, EXG.Exercise))


def test_cli_into_writes_validates_and_is_idempotent(runner: CliRunner, data_copy: Path) -> None:
    result = runner.invoke(main, ["ingest", str(PUSH_UP), "--into", str(data_copy)])
    assert result.exit_code == 0, result.output
    written = data_copy / "articles" / "push-up.ttl"
    first = written.read_bytes()
    graph = load_graph(data_dir=data_copy)
    assert (EXERCISE["push-up"], RDF.type, EXG.Exercise) in graph
    assert validate_with(graph, []).conforms
    again = runner.invoke(main, ["ingest", str(PUSH_UP), "--into", str(data_copy)])
    assert again.exit_code == 0, again.output
    assert written.read_bytes() == first
    assert "new exercise: exercise:push-up" in again.stderr  # its own earlier output is replaced


@pytest.mark.shared
def test_cli_into_reference_reproduces_the_curated_file(
        runner: CliRunner, data_copy: Path, reference_article: Path) -> None:
    result = runner.invoke(main, ["ingest", str(reference_article), "--into", str(data_copy)])
    assert result.exit_code == 0, result.output
    written = Graph().parse(data_copy / "articles" / "machine-back-extension.ttl")
    assert_isomorphic(expected_reference(), written)


def test_cli_error_exits_1_names_file_line_and_writes_nothing(
        runner: CliRunner, tmp_path: Path, data_copy: Path) -> None:
    text = GOBLET.read_text()
    bad = tmp_path / "goblet-squat.txt"
    bad.write_text(text.replace("| 4 | 5 to 6 |", "| 4 | 6 to 5 |"))
    before = sorted(p.name for p in (data_copy / "articles").iterdir())
    out = tmp_path / "out.ttl"
    for args in (["-o", str(out)], ["--into", str(data_copy)]):
        result = runner.invoke(main, ["ingest", str(bad), *args])
        assert result.exit_code == 1
        assert (f'{bad}:{line_of(text, "| 4 | 5 to 6 |")}: programming row "Strength": reps '
                '"6 to 5": minimum above maximum') in result.stderr
    assert not out.exists()
    assert sorted(p.name for p in (data_copy / "articles").iterdir()) == before


def test_cli_into_refuses_a_graph_that_would_not_validate(
        runner: CliRunner, data_copy: Path) -> None:
    # Another file gives the push-up a difficulty the vocabulary does not have: the graph with
    # the article would not validate, so nothing is written.
    (data_copy / "articles" / "other.ttl").write_text(
        '@prefix exg: <https://w3id.org/exgraph/ontology#> .\n'
        '<https://w3id.org/exgraph/id/exercise/push-up> exg:difficulty exg:Extreme .\n')
    result = runner.invoke(main, ["ingest", str(PUSH_UP), "--into", str(data_copy)])
    assert result.exit_code == 1
    assert "does not validate" in result.stderr and "exg:difficulty" in result.stderr
    assert not (data_copy / "articles" / "push-up.ttl").exists()


def test_cli_into_keeps_a_source_that_disagrees(runner: CliRunner, data_copy: Path) -> None:
    """Another file says the push-up suits beginners, the article says it does not: two sources
    disagreeing is no validation error; both are kept, each in its own graph."""
    (data_copy / "articles" / "other.ttl").write_text(
        '@prefix exg: <https://w3id.org/exgraph/ontology#> .\n'
        '<https://w3id.org/exgraph/id/exercise/push-up> exg:beginnerSuitable true .\n')
    result = runner.invoke(main, ["ingest", str(PUSH_UP), "--into", str(data_copy)])
    assert result.exit_code == 0, result.output
    store = open_store("oxigraph", data_dir=data_copy)
    said = {(str(row["g"]).rsplit("/", 1)[-1], py(row["v"])) for row in store.select(
        "SELECT ?g ?v WHERE { GRAPH ?g { <https://w3id.org/exgraph/id/exercise/push-up> "
        "<https://w3id.org/exgraph/ontology#beginnerSuitable> ?v } }")}
    assert ("article-push-up", False) in said and (True in {v for _, v in said})


def test_cli_missing_section_warns(runner: CliRunner, tmp_path: Path) -> None:
    text = ROW.read_text()
    start = text.index("What Are the Benefits of")
    end = text.index("Common Seated Cable Row Mistakes")
    article = tmp_path / "row.txt"
    article.write_text(text[:start] + text[end:])
    result = runner.invoke(main, ["ingest", str(article)])
    assert result.exit_code == 0, result.output
    assert (f'warning: {article}: no "What Are the Benefits of X?" section: its facts are '
            "left out") in result.stderr
    graph = Graph().parse(data=result.stdout_bytes, format="turtle")
    assert graph.value(EXERCISE["seated-cable-row"], EXG.benefit) is None


def test_cli_output_and_into_are_exclusive(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["ingest", str(GOBLET), "-o", str(tmp_path / "x.ttl"),
                                  "--into", str(tmp_path)])
    assert result.exit_code == 2
    assert "not both" in result.stderr


def test_exercise_named_by_the_summary_when_no_heading_names_it(base: Graph) -> None:
    text = ("Goblet squats are a front-loaded squat.\n"
            "What Equipment Do You Need?\nYou need a kettlebell.")
    result = ingest_text(text, Path("goblet-squat.txt"), base)
    assert result.exercise == EXERCISE["goblet-squat"]
    assert list(result.graph.objects(result.exercise, EXG.requiresEquipment)) == [
        EQUIPMENT.kettlebell]


def test_unknown_equipment_is_a_warning(base: Graph) -> None:
    text = GOBLET.read_text().replace("You need one dumbbell or kettlebell", "You need a tyre")
    result = ingest_text(text, Path("goblet-squat.txt"), base)
    line = line_of(text, "You need a tyre")
    assert [str(w) for w in result.warnings] == [
        f'goblet-squat.txt:{line}: no known equipment in "You need a tyre heavy enough to '
        'challenge your last reps."']
    assert result.graph.value(result.exercise, EXG.requiresEquipment) is None


def test_cli_refuses_two_articles_with_one_identifier(runner: CliRunner, tmp_path: Path) -> None:
    other = tmp_path / "Goblet Squat.txt"
    other.write_text(GOBLET.read_text())
    result = runner.invoke(main, ["ingest", str(GOBLET), str(other)])
    assert result.exit_code == 1
    assert f"{other}: has the same identifier as {GOBLET} (goblet-squat)" in result.stderr
