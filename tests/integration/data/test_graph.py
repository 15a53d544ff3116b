"""The bundled graph: the public core of the vocabulary, and every section of the reference
article answerable by SPARQL on both engines."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from exgraph.graph.store import Store
from exgraph.queries.catalogue import PREFIX_TEXT
from exgraph.vocab.terms import EQUIPMENT, EXERCISE, EXG, MUSCLE, UBERON
from tests.typed import py

PREFIXES = PREFIX_TEXT  # every project prefix, as the named queries get them

HEADLINE = PREFIXES + """
SELECT ?alt WHERE {
  ?ex rdfs:label ?l . FILTER(lcase(str(?l)) = "machine back extension")
  ?ex exg:alternative ?alt .
  ?alt exg:difficulty exg:Low .
  FILTER NOT EXISTS { ?alt exg:requiresEquipment/skos:broader* exg:Machine }
}
"""

MBE = EXERCISE["machine-back-extension"]
ARTICLE = URIRef("https://w3id.org/exgraph/id/source/article-machine-back-extension")


@pytest.fixture(params=["oxigraph", "rdflib"])
def engine(request: pytest.FixtureRequest, store: Store, rdflib_store: Store) -> Store:
    return store if request.param == "oxigraph" else rdflib_store


def values(engine: Store, query: str, var: str) -> list[str]:
    return [str(row[var]) for row in engine.select(PREFIXES + query) if var in row]


def test_headline_query_returns_exactly_cable_pull_through(engine: Store) -> None:
    rows = engine.select(HEADLINE)
    assert [row["alt"] for row in rows] == [EXERCISE["cable-pull-through"]]


# --- every section of the reference article, as a question -----------------------------------

def test_summary(engine: Store) -> None:
    (summary,) = values(engine, "SELECT ?s { exercise:machine-back-extension exg:summary ?s }", "s")
    assert summary.startswith("Machine back extensions are a guided posterior-chain movement")
    assert summary.endswith("without balancing a free-body setup.")


@pytest.mark.parametrize(
    ("role", "muscles", "function"),
    [
        ("Primary", ["hamstrings"], "Extend the hips against machine resistance"),
        ("Secondary", ["glutes"], "Help drive lockout and maintain hip position"),
        ("Stabilizer", ["abdominals", "erector-spinae"],
         "Keep torso stable and reduce unwanted spinal motion"),
    ],
)
def test_muscles_by_role_with_function(engine: Store, role: str, muscles: list[str],
                                       function: str) -> None:
    rows = engine.select(PREFIXES + f"""
        SELECT ?m ?f {{ exercise:machine-back-extension exg:muscleInvolvement ?i .
                        ?i exg:role exg:{role} ; exg:muscle ?m ; exg:function ?f }} ORDER BY ?m""")
    assert [str(r["m"]) for r in rows] == [str(MUSCLE[m]) for m in muscles]
    assert {str(r["f"]) for r in rows} == {function}
    prop = {"Primary": "primaryMuscle", "Secondary": "secondaryMuscle",
            "Stabilizer": "stabilizerMuscle"}[role]
    direct = values(engine, f"SELECT ?m {{ exercise:machine-back-extension exg:{prop} ?m }}"
                            " ORDER BY ?m", "m")
    assert direct == [str(MUSCLE[m]) for m in muscles]


def test_muscle_overview_and_synonyms(engine: Store) -> None:
    # "Spinal erectors" in the article is the erector spinae, found by its synonym.
    rows = values(engine, """SELECT ?m { ?m skos:altLabel ?a .
                              FILTER(lcase(str(?a)) = "spinal erectors") }""", "m")
    assert rows == [str(MUSCLE["erector-spinae"])]
    (text,) = values(engine, "SELECT ?t { exercise:machine-back-extension exg:musclesOverview ?t }",
                     "t")
    assert "deep core brace" in text


def test_steps_in_order(engine: Store) -> None:
    steps = values(engine, """SELECT ?t { exercise:machine-back-extension exg:step ?s .
                               ?s exg:position ?p ; exg:text ?t } ORDER BY ?p""", "t")
    assert len(steps) == 6
    assert steps[0].startswith("Sit with your pelvis against the seat pad")
    assert steps[5].startswith("Pause for a brief count")
    (overview,) = values(engine, """SELECT ?t { exercise:machine-back-extension
                                     exg:techniqueOverview ?t }""", "t")
    assert overview.startswith("Set the machine so your hips can extend freely")


def test_benefits(engine: Store) -> None:
    rows = engine.select(PREFIXES + """SELECT ?title ?text { exercise:machine-back-extension
        exg:benefit ?b . ?b exg:position ?p ; exg:title ?title ; exg:text ?text } ORDER BY ?p""")
    assert [str(r["title"]) for r in rows] == [
        "Predictable movement path", "Simple load progression", "Lower balance demand",
        "Accessory lift efficiency"]
    assert str(rows[1]["text"]) == (
        "Small plate or pin changes let you progress without major jumps.")


def test_mistakes_question_problem_cause_fix(engine: Store) -> None:
    rows = engine.select(PREFIXES + """SELECT ?q ?problem ?cause ?fix {
        exercise:machine-back-extension exg:mistake ?m . ?m exg:position ?p ; exg:question ?q ;
        exg:problem ?problem ; exg:cause ?cause ; exg:fix ?fix } ORDER BY ?p""")
    assert len(rows) == 4
    assert str(rows[2]["q"]) == "Why am I bouncing reps?"
    assert str(rows[2]["cause"]) == "Starting too heavy and skipping eccentric control."
    assert str(rows[3]["fix"]) == "Keep chin slightly tucked and gaze neutral."
    assert str(rows[0]["problem"]) == "You finish by arching the lumbar spine."


def test_beginner_suitability(engine: Store) -> None:
    (row,) = engine.select(PREFIXES + """SELECT ?ok ?note { exercise:machine-back-extension
                                         exg:beginnerSuitable ?ok ; exg:beginnerNote ?note }""")
    assert py(row["ok"]) is True
    assert str(row["note"]).endswith("stop each rep at neutral.")


@pytest.mark.parametrize(
    ("goal", "sets", "reps", "rest", "load"),
    [
        ("technique", (2, 3), (10, 12), (60, 90), "Light, smooth tempo"),
        ("hypertrophy", (3, 4), (8, 12), (90, 120), "Last 2 reps challenging with clean form"),
        ("strength-endurance", (3, 3), (12, 15), (60, 90), "Moderate, no momentum"),
    ],
)
def test_programming_per_goal(engine: Store, goal: str, sets: tuple[int, int],
                              reps: tuple[int, int], rest: tuple[int, int], load: str) -> None:
    (row,) = engine.select(PREFIXES + f"""SELECT * {{ exercise:machine-back-extension
        exg:programming ?g . ?g exg:goal goal:{goal} ; exg:setsMin ?s0 ; exg:setsMax ?s1 ;
        exg:repsMin ?r0 ; exg:repsMax ?r1 ; exg:restMinSeconds ?t0 ; exg:restMaxSeconds ?t1 ;
        exg:loadGuideline ?load }}""")
    got = tuple(int(str(row[k])) for k in ("s0", "s1", "r0", "r1", "t0", "t1"))
    assert got == (*sets, *reps, *rest)
    assert str(row["load"]) == load


def test_progression_and_load_overview(engine: Store) -> None:
    (text,) = values(engine, "SELECT ?t { exercise:machine-back-extension exg:progression ?t }",
                     "t")
    assert text.startswith("Progress load by the smallest machine increment")
    (load,) = values(engine, "SELECT ?t { exercise:machine-back-extension exg:loadOverview ?t }",
                     "t")
    assert "clean hinge" in load


def test_weekly_frequency(engine: Store) -> None:
    (row,) = engine.select(PREFIXES + """SELECT * { exercise:machine-back-extension
        exg:sessionsPerWeekMin ?lo ; exg:sessionsPerWeekMax ?hi ; exg:frequencyNote ?n }""")
    assert (int(str(row["lo"])), int(str(row["hi"]))) == (1, 3)
    assert "one lighter tempo day" in str(row["n"])


def test_comparison_with_bodyweight_back_extension(engine: Store) -> None:
    rows = engine.select(PREFIXES + """SELECT ?v ?best ?trade ?summary {
        exercise:machine-back-extension exg:comparison ?c .
        ?c exg:comparedWith exercise:bodyweight-back-extension ; exg:summary ?summary ;
           exg:entry ?e . ?e exg:position ?p ; exg:variation ?v ; exg:bestFor ?best ;
           exg:tradeoff ?trade } ORDER BY ?p""")
    assert [r["v"] for r in rows] == [MBE, EXERCISE["bodyweight-back-extension"]]
    assert str(rows[1]["best"]) == "Motor control and low-load technique work"
    assert str(rows[0]["trade"]) == "Less freedom in movement path"
    assert str(rows[0]["summary"]).startswith("Machine back extension is easier to load")


@pytest.mark.parametrize(
    ("alt", "difficulty", "best_for"),
    [
        ("romanian-deadlift", ["Moderate"], "High-load posterior-chain development."),
        ("cable-pull-through", ["Low", "Moderate"],
         "Hip extension practice with lower spinal loading."),
        ("45-degree-back-extension", ["Moderate"],
         "Similar pattern without a plate-loaded lever machine."),
    ],
)
def test_alternatives_with_reasons_and_difficulty(engine: Store, alt: str, difficulty: list[str],
                                                  best_for: str) -> None:
    (row,) = engine.select(PREFIXES + f"""SELECT ?best ?diff {{
        exercise:machine-back-extension exg:alternative exercise:{alt} ;
            exg:alternativeOption ?o .
        ?o exg:alternativeExercise exercise:{alt} ;
            exg:bestFor ?best ; exg:keyDifference ?diff }}""")
    assert str(row["best"]) == best_for
    levels = values(engine, f"""SELECT ?l {{ exercise:{alt} exg:difficulty ?d .
                                ?d exg:rank ?r ; rdfs:label ?l }} ORDER BY ?r""", "l")
    assert levels == difficulty


def test_equipment_needed_is_a_machine(engine: Store) -> None:
    rows = values(engine, """SELECT ?e { exercise:machine-back-extension exg:requiresEquipment ?e .
                              ?e skos:broader+ exg:Machine }""", "e")
    assert rows == [str(EQUIPMENT["back-extension-machine"])]
    (note,) = values(engine, "SELECT ?n { exercise:machine-back-extension exg:equipmentNote ?n }",
                     "n")
    assert "lever or selectorized back extension machine" in note


def test_every_article_node_names_its_source(engine: Store) -> None:
    missing = values(engine, """SELECT ?n { exercise:machine-back-extension ?p ?n .
        FILTER(isIRI(?n) && STRSTARTS(STR(?n), CONCAT(STR(exercise:machine-back-extension), "/")))
        FILTER NOT EXISTS { ?n dcterms:source src:article-machine-back-extension } }""", "n")
    assert missing == []


# --- the catalogues ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("kind", "is_machine"),
    [
        ("back-extension-machine", True),
        ("lever-back-extension-machine", True),
        ("selectorized-back-extension-machine", True),
        ("machine", True),
        ("cable-station", False),
        ("barbell", False),
        ("hyperextension-bench", False),
        ("bodyweight", False),
    ],
)
def test_equipment_taxonomy_machine_or_not(engine: Store, kind: str, is_machine: bool) -> None:
    query = PREFIXES + f"ASK {{ <{EQUIPMENT[kind]}> skos:broader* exg:Machine }}"
    assert engine.ask(query) is is_machine


FREE_EXERCISE_DB_GROUPS = [
    "abdominals", "abductors", "adductors", "biceps", "calves", "chest", "forearms", "glutes",
    "hamstrings", "lats", "lower back", "middle back", "neck", "quadriceps", "shoulders", "traps",
    "triceps",
]


@pytest.mark.parametrize("name", FREE_EXERCISE_DB_GROUPS)
def test_muscle_catalogue_covers_free_exercise_db_groups(graph: Graph, name: str) -> None:
    found = {s for s, _, o in graph.triples((None, None, None))
             if isinstance(o, Literal) and str(o).lower() == name
             and (s, RDFS.label, None) in graph and (s, RDF.type, EXG.MuscleGroup) in graph}
    assert len(found) == 1, f"{name!r} should name exactly one muscle group, found {found}"


@pytest.mark.parametrize(
    ("muscle", "uberon"),
    [("gluteus-maximus", "0001370"), ("glutes", "0002000"), ("hamstrings", "0002463"),
     ("erector-spinae", "0002462"), ("rectus-abdominis", "0002382"), ("abdominals", "0002378")],
)
def test_uberon_matches(graph: Graph, muscle: str, uberon: str) -> None:
    assert (MUSCLE[muscle], SKOS.exactMatch, UBERON[uberon]) in graph


def test_lifter_synonyms(graph: Graph) -> None:
    alt = {str(o).lower(): s for s, o in graph.subject_objects(SKOS.altLabel)}
    assert alt["glutes"] == MUSCLE["glutes"]
    assert alt["spinal erectors"] == MUSCLE["erector-spinae"]
    assert alt["lower back"] == MUSCLE["erector-spinae"]
    assert alt["abs"] == MUSCLE["abdominals"]
    assert (MUSCLE["gluteus-maximus"], SKOS.broader, MUSCLE["glutes"]) in graph


def test_article_exercises_are_full_nodes(engine: Store) -> None:
    for slug in ["machine-back-extension", "romanian-deadlift", "cable-pull-through",
                 "45-degree-back-extension", "bodyweight-back-extension"]:
        query = PREFIXES + f"""ASK {{ exercise:{slug} a exg:Exercise ; rdfs:label ?l ;
            exg:primaryMuscle ?m ; exg:requiresEquipment ?e ; exg:difficulty ?d ;
            exg:movementPattern ?p }}"""
        assert engine.ask(query), slug


def test_dataset_describes_itself(engine: Store) -> None:
    (row,) = engine.select(PREFIXES + """PREFIX void: <http://rdfs.org/ns/void#>
        SELECT ?title ?license ?n { ?d a void:Dataset ; dcterms:title ?title ;
        dcterms:license ?license ; void:triples ?n }""")
    assert int(str(row["n"])) == len(engine)
    assert str(row["license"]).startswith("https://creativecommons.org/")


def test_both_engines_agree_on_everything(store: Store, rdflib_store: Store) -> None:
    query = "SELECT ?s ?p ?o { ?s ?p ?o }"
    assert {tuple(sorted(r.items())) for r in store.select(query)} == {
        tuple(sorted(r.items())) for r in rdflib_store.select(query)}
