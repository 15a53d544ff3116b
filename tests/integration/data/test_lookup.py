"""One lookup: every alias of data/aliases.ttl reaches its canonical exercise on every surface.

The walk covers every alias (116 exercises merged into others) through the JSON API (308), the
exercise page (308), ``/id/`` (303 to the page for HTML, to the canonical description for
Turtle), the Python API and the CLI (each option that takes an exercise: ``substitutes``,
``query -p exercise=``, ``plan --include``; run in process on the session's store, see
exgraph.cli.session). Then names, IRIs, muscles, equipment and the "did you mean" error.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from flask.testing import FlaskClient
from rdflib import Graph
from rdflib.namespace import OWL
from werkzeug.test import TestResponse

import exgraph
from exgraph.cli.main import main
from exgraph.cli.session import Session
from exgraph.errors import BadRequest, NotFound
from exgraph.graph.store import Store
from exgraph.queries.substitutes import engine_for
from exgraph.records import records_for
from exgraph.records.lookup import Unresolved, canonical_params, resolve
from exgraph.vocab.terms import EXERCISE
from tests.paths import REPO

pytestmark = pytest.mark.slow

ALIASES_FILE = REPO / "data" / "aliases.ttl"


def _aliases() -> list[tuple[str, str]]:
    """(alias slug, canonical slug) of every exercise alias in data/aliases.ttl."""
    graph = Graph().parse(ALIASES_FILE)
    pairs = []
    for alias, canonical in graph.subject_objects(OWL.sameAs):
        if str(alias).startswith(str(EXERCISE)):
            pairs.append((str(alias).removeprefix(str(EXERCISE)),
                          str(canonical).removeprefix(str(EXERCISE))))
    return sorted(pairs)


ALIASES = _aliases()


@pytest.fixture(scope="module")
def client(full_store: Store) -> FlaskClient:
    from exgraph.web.app import create_app

    return create_app({"STORE": full_store}).test_client()


def test_the_alias_file_has_the_aliases_the_issue_counts() -> None:
    assert len(ALIASES) >= 115


def _location(response: TestResponse) -> str:
    location = response.headers["Location"]
    return str(location).removeprefix("http://localhost")


def test_every_alias_reaches_its_exercise_on_every_web_surface(client: FlaskClient) -> None:
    problems = []
    for alias, canonical in ALIASES:
        api = client.get(f"/api/v1/exercises/{alias}?lang=en")
        if api.status_code != 308 or _location(api) != f"/api/v1/exercises/{canonical}?lang=en":
            problems.append(f"API {alias}: {api.status_code} {api.headers.get('Location')}")
        else:
            doc = client.get(_location(api)).get_json()
            if doc["id"] != canonical:
                problems.append(f"API {alias}: document of {doc['id']}")
        subs = client.get(f"/api/v1/exercises/{alias}/substitutes")
        if subs.status_code != 308 or not _location(subs).startswith(
                f"/api/v1/exercises/{canonical}/substitutes"):
            problems.append(f"substitutes {alias}: {subs.status_code}")
        page = client.get(f"/exercises/{alias}")
        if page.status_code != 308 or _location(page) != f"/exercises/{canonical}":
            problems.append(f"page {alias}: {page.status_code} {page.headers.get('Location')}")
        html = client.get(f"/id/exercise/{alias}", headers={"Accept": "text/html"})
        if html.status_code != 303 or _location(html) != f"/exercises/{canonical}":
            problems.append(f"/id/ {alias}: {html.status_code} {html.headers.get('Location')}")
        ttl = client.get(f"/id/exercise/{alias}.ttl")
        if ttl.status_code != 303 or _location(ttl) != f"/id/exercise/{canonical}.ttl":
            problems.append(f"/id/ .ttl {alias}: {ttl.status_code}")
    assert not problems, "\n".join(problems[:20])


def test_a_canonical_page_answers_and_the_redirect_lands_there(client: FlaskClient) -> None:
    alias, canonical = next(p for p in ALIASES if p[0] == "deadlifts")
    response = client.get(f"/exercises/{alias}", follow_redirects=True)
    assert response.status_code == 200
    assert response.request.path == f"/exercises/{canonical}"


def test_every_alias_through_the_python_api(full_store: Store) -> None:
    for alias, canonical in ALIASES:
        assert exgraph.exercise_document(full_store, alias)["id"] == canonical, alias
        iri = str(EXERCISE[alias])
        assert exgraph.exercise_document(full_store, iri)["id"] == canonical, alias
    alias, canonical = ALIASES[0]
    ranked = exgraph.substitutes(full_store, alias, limit=3)
    assert ranked and all(item["id"] != canonical for item in ranked)


def _cli(session: Session, *args: str) -> tuple[int, str]:
    """`exgraph ARGS` run in process on the session's store: click's own parsing, the command's
    code and its output, as from a shell (exgraph.cli.session)."""
    result = CliRunner().invoke(main, list(args), obj=session)
    return result.exit_code, result.output


def _full_gym(store: Store) -> str:
    """Every kind of equipment the graph knows: a plan request that lacks nothing."""
    return ",".join(sorted(engine_for(store).taxonomy))


def test_every_alias_through_every_cli_option(full_store: Store) -> None:
    """Every alias of data/aliases.ttl through each CLI option that takes an exercise, the
    output parsed: ``substitutes ALIAS`` names the canonical exercise; ``query
    muscles-of-exercise -p exercise=ALIAS`` answers the canonical exercise's rows (the alias IRI
    itself has no triples: a slug passed through unresolved would answer none), which hold its
    record's muscles; ``plan --include ALIAS`` (in a full gym) holds the
    canonical exercise, or gives the very refusal ``--include CANONICAL`` gets (a plan rule) —
    never "no exercise" or "did you mean"."""
    session = Session(full_store)
    records = records_for(full_store).records
    gym = _full_gym(full_store)
    problems: list[str] = []
    planned = refused = 0
    for alias, canonical in ALIASES:
        record = records[canonical]
        code, out = _cli(session, "substitutes", alias, "--format", "json", "--limit", "2")
        if code != 0 or json.loads(out)["exercise"] != canonical:
            problems.append(f"substitutes {alias}: exit {code}: {out[:200]}")
        code, out = _cli(session, "query", "muscles-of-exercise", "-p", f"exercise={alias}",
                         "--format", "json")
        _, direct = _cli(session, "query", "muscles-of-exercise", "-p", f"exercise={canonical}",
                         "--format", "json")
        if code != 0:
            problems.append(f"query {alias}: exit {code}: {out[:200]}")
        else:
            rows = json.loads(out)["rows"]
            listed = {(r["role"], r["muscle"].rsplit("/", 1)[-1]) for r in rows}
            wanted = {(role, m) for role in ("primary", "secondary", "stabilizer")
                      for m in record.muscle_ids(role)}
            if rows != json.loads(direct)["rows"] or not wanted <= listed or (
                    wanted and not rows):
                problems.append(f"query {alias}: rows {sorted(listed)[:6]}, the record's "
                                f"{sorted(wanted)[:6]}")
        code, out = _cli(session, "plan", "--goal", "hypertrophy", "--days", "3",
                         "--level", "advanced", "--equipment", gym,
                         "--include", alias, "--format", "json")
        if code == 0:
            planned += 1
            if canonical not in {e["id"] for e in json.loads(out)["exercises"]}:
                problems.append(f"plan {alias}: {canonical} not in the plan")
            continue
        # a refusal: the very answer the canonical slug gets (a plan rule the exercise breaks,
        # or one no plan holding it keeps), never a lookup error
        refused += 1
        _, same = _cli(session, "plan", "--goal", "hypertrophy", "--days", "3", "--level",
                       "advanced", "--equipment", gym, "--include", canonical, "--format",
                       "json")
        if out != same or "no exercise" in out or "did you mean" in out:
            problems.append(f"plan {alias}: exit {code}: {out[:200]} (canonical: {same[:200]})")
    assert not problems, "\n".join(problems[:20])
    assert planned > len(ALIASES) // 2, (planned, refused)  # most are lifts a plan can hold


@pytest.mark.parametrize("text,slug,how", [
    ("romanian-deadlift", "romanian-deadlift", "slug"),
    ("https://w3id.org/exgraph/id/exercise/romanian-deadlift", "romanian-deadlift", "iri"),
    ("deadlifts", "barbell-deadlift", "alias"),
    ("Romanian Deadlift", "romanian-deadlift", "slug"),
    ("RDL", "romanian-deadlift", "name"),
    ("machine back extension", "machine-back-extension", "slug"),
    ("Push Ups", "pushups", "alias"),
    ("Rumänisches Kreuzheben", "romanian-deadlift", "name"),
])
def test_an_exercise_by_any_of_its_names(full_store: Store, text: str, slug: str,
                                         how: str) -> None:
    found = resolve(full_store, "exercise", text)
    assert (found.slug, found.how) == (slug, how)
    assert found.iri == str(EXERCISE[slug])


def test_a_misspelling_names_the_closest_exercises(full_store: Store) -> None:
    with pytest.raises(Unresolved) as caught:
        resolve(full_store, "exercise", "romainan dedlift")
    assert "romanian-deadlift" in caught.value.candidates
    assert "did you mean" in str(caught.value)
    with pytest.raises(Unresolved):  # an IRI of another kind is not guessed at
        resolve(full_store, "exercise", "https://w3id.org/exgraph/id/muscle/lats")
    with pytest.raises(BadRequest):
        resolve(full_store, "exercise", "x" * 400)


def test_muscles_and_equipment_resolve_the_same_way(full_store: Store) -> None:
    assert resolve(full_store, "muscle", "Hamstring").slug == "hamstrings"
    assert resolve(full_store, "muscle", "Latissimus dorsi").slug == "lats"
    assert resolve(full_store, "equipment", "Dumbbells").slug == "dumbbell"
    assert resolve(full_store, "equipment", "free-weight").slug == "free-weight"
    with pytest.raises(NotFound):
        resolve(full_store, "muscle", "wingspan")


def test_query_parameters_take_names(full_store: Store) -> None:
    values = canonical_params(full_store, [("exercise", "exercise", False),
                                           ("muscle", "muscle", True)],
                              {"exercise": ["Machine back extension"],
                               "muscle": ["Hamstring,glutes"], "limit": ["3"]})
    assert values == {"exercise": ["machine-back-extension"],
                      "muscle": ["hamstrings,glutes"], "limit": ["3"]}
    with pytest.raises(BadRequest, match="parameter 'muscle'"):
        canonical_params(full_store, [("muscle", "muscle", True)], {"muscle": ["wingspan"]})


def test_the_api_and_the_forms_take_names(client: FlaskClient) -> None:
    response = client.get("/api/v1/queries/muscles-of-exercise?exercise=RDL")
    assert response.status_code == 200, response.get_data(as_text=True)
    body = response.get_json()
    assert body["params"]["exercise"] == ["romanian-deadlift"]
    assert body["rows"]
    # a name that matches nothing is a 400 naming the parameter and the closest names; a
    # well-formed slug the graph lacks stays a 404, as on /exercises/{id}
    missing = client.get("/api/v1/queries/muscles-of-exercise?exercise=romainan+dedlift")
    assert missing.status_code == 400
    error = missing.get_json()["error"]
    assert "parameter 'exercise'" in error and "romanian-deadlift" in error
    assert client.get("/api/v1/queries/muscles-of-exercise?exercise=no-such-lift"
                      ).status_code == 404
    form = client.get("/queries/muscles-of-exercise?exercise=RDL&run=1")
    assert form.status_code == 200
    plan = client.get("/plan?goal=hypertrophy&days=3&equipment=Barbell,Dumbbells,bench"
                      "&emphasise=Hamstring")
    assert plan.status_code == 200, plan.get_data(as_text=True)[:500]
    muscles = client.get("/api/v1/muscles/hamstring/exercises")
    assert muscles.status_code == 308
    assert _location(muscles) == "/api/v1/muscles/hamstrings/exercises"


def test_muscles_and_equipment_by_name_on_every_surface(client: FlaskClient,
                                                        full_store: Store) -> None:
    """A muscle or equipment by name, plural or IRI reaches the canonical one everywhere a
    person types one: pages (308), /id/ (303), the exercise list's filters, the ranked routes'
    and the Python API's equipment filters, and the CLI options (query -p muscle=, substitutes
    --without/--equipment, plan --equipment/--emphasise); the answer is the slug's answer."""
    for path, code, where in (("/muscles/hamstring", 308, "/muscles/hamstrings"),
                              ("/equipment/dumbbells", 308, "/equipment/dumbbell"),
                              ("/id/muscle/hamstring", 303, "/muscles/hamstrings"),
                              ("/id/equipment/dumbbells", 303, "/equipment/dumbbell")):
        response = client.get(path, headers={"Accept": "text/html"})
        assert (response.status_code, _location(response)) == (code, where), path

    def ids(query: str) -> list[str]:
        response = client.get(f"/api/v1/exercises?{query}&limit=1000")
        assert response.status_code == 200, response.get_data(as_text=True)[:300]
        return [item["id"] for item in response.get_json()["items"]]

    named = ids("muscle=Hamstring&equipment=Dumbbells&exclude_equipment=Machines")
    assert named and named == ids("muscle=hamstrings&equipment=dumbbell&exclude_equipment=machine")
    iri = "https://w3id.org/exgraph/ontology%23FreeWeight"  # a category by its IRI
    assert ids(f"equipment={iri}") == ids("equipment=free-weight")
    wrong = client.get("/api/v1/exercises?muscle=wingspan")
    assert wrong.status_code == 400 and "parameter 'muscle'" in wrong.get_json()["error"]
    ranked = [client.get(f"/api/v1/exercises/romanian-deadlift/substitutes?"
                         f"exclude_equipment={q}").get_json() for q in ("Free+weights",
                                                                        "free-weight")]
    assert ranked[0]["items"] and ranked[0]["items"] == ranked[1]["items"]
    assert exgraph.substitutes(full_store, "RDL", exclude_equipment="Dumbbells") == \
        exgraph.substitutes(full_store, "RDL", exclude_equipment="dumbbell")
    session = Session(full_store)
    for by_name, by_slug in (
            (["query", "exercises", "-p", "muscle=Hamstring", "-p", "equipment=Barbells"],
             ["query", "exercises", "-p", "muscle=hamstrings", "-p", "equipment=barbell"]),
            (["substitutes", "RDL", "--without", "Dumbbells", "--equipment", "Barbells,bench"],
             ["substitutes", "RDL", "--without", "dumbbell", "--equipment", "barbell,bench"]),
            (["plan", "--goal", "strength", "--days", "3", "--equipment",
              "Barbells,bench,squat rack", "--emphasise", "Hamstring"],
             ["plan", "--goal", "strength", "--days", "3", "--equipment",
              "barbell,bench,squat-rack", "--emphasise", "hamstrings"])):
        got, want = (_cli(session, *args, "--format", "json") for args in (by_name, by_slug))
        assert got[0] == want[0] == 0, got[1][:300]
        assert json.loads(got[1]) == json.loads(want[1]) and json.loads(got[1]), by_name
    code, out = _cli(session, "substitutes", "RDL", "--without", "Dumbbelz")
    assert code == 1 and "parameter 'exclude_equipment'" in out and "did you mean" in out
    assert "(dumbbell)" in out
