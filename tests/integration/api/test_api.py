"""The JSON API under /api/v1/ and the exports, through the Flask test client (and, marked
`server`, through a real `exgraph serve` process)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

import pytest
import requests
from flask import Flask
from flask.testing import FlaskClient
from rdflib import Graph, URIRef

from exgraph.graph.export import serialize
from exgraph.graph.store import Store
from exgraph.queries.catalogue import default_catalogue
from exgraph.vocab.terms import EXERCISE, EXG
from exgraph.web.app import create_app
from tests.server import running_server
from tests.typed import py

MBE = "machine-back-extension"
API = "/api/v1"


@pytest.fixture(scope="module")
def app(store: Store) -> Flask:
    return create_app({"STORE": store})


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def get_json(client: FlaskClient, url: str, status: int = 200, **kwargs: Any) -> Any:
    response = client.get(url, **kwargs)
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    return response.get_json()


def assert_error(client: FlaskClient, url: str, status: int, *needles: str) -> None:
    body = get_json(client, url, status)
    assert body["ok"] is False and body["status"] == status
    for needle in needles:
        assert needle in body["error"]


# ---------------------------------------------------------------------------------------------
# The exercise document, field by field against the reference article


@pytest.fixture(scope="module")
def mbe(app: Flask) -> dict[str, Any]:
    document: dict[str, Any] = get_json(app.test_client(), f"{API}/exercises/{MBE}")
    return document


def test_document_identity_and_summary(mbe: dict[str, Any]) -> None:
    assert mbe["id"] == MBE and mbe["iri"] == str(EXERCISE[MBE])
    assert mbe["name"] == "Machine back extension"
    assert mbe["summary"].startswith("Machine back extensions are a guided posterior-chain")
    assert mbe["difficulty"] == ["low"]


def test_document_equipment(mbe: dict[str, Any]) -> None:
    assert [(e["id"], e["categories"]) for e in mbe["equipment"]] == [
        ("back-extension-machine", ["machine"])]
    assert mbe["equipment"][0]["name"] == "Back extension machine"


def test_document_muscles_by_role(mbe: dict[str, Any]) -> None:
    muscles = mbe["muscles"]
    assert [m["id"] for m in muscles["primary"]] == ["hamstrings"]
    assert muscles["primary"][0]["function"] == "Extend the hips against machine resistance"
    assert [m["id"] for m in muscles["secondary"]] == ["glutes"]
    assert sorted(m["id"] for m in muscles["stabilizer"]) == ["abdominals", "erector-spinae"]
    assert all(m["function"] for role in muscles.values() for m in role)


def test_document_steps_in_order(mbe: dict[str, Any]) -> None:
    steps = mbe["steps"]
    assert len(steps) == 6
    assert steps[0].startswith("Sit with your pelvis")
    assert steps[4].startswith("Drive the upper pad backward")
    assert steps[5].startswith("Pause for a brief count")


def test_document_benefits_and_mistakes(mbe: dict[str, Any]) -> None:
    assert [b["title"] for b in mbe["benefits"]] == [
        "Predictable movement path", "Simple load progression", "Lower balance demand",
        "Accessory lift efficiency"]
    mistakes = mbe["mistakes"]
    assert len(mistakes) == 4
    assert all(m["question"] and m["problem"] and m["cause"] and m["fix"] for m in mistakes)
    assert mistakes[2] == {"question": "Why am I bouncing reps?",
                           "problem": "Momentum replaces controlled muscle work.",
                           "cause": "Starting too heavy and skipping eccentric control.",
                           "fix": "Use a 2-second lowering phase and remove load until form "
                                  "stays consistent."}


def test_document_beginner_programming_frequency(mbe: dict[str, Any]) -> None:
    assert mbe["beginner"]["suitable"] is True
    assert mbe["beginner"]["note"].startswith("Beginners usually find the machine version")
    programming = {p["goal"]: p for p in mbe["programming"]}
    assert set(programming) == {"technique", "hypertrophy", "strength-endurance"}
    hyper = programming["hypertrophy"]
    assert hyper["sets"] == {"min": 3, "max": 4} and hyper["reps"] == {"min": 8, "max": 12}
    assert hyper["rest_seconds"] == {"min": 90, "max": 120}
    assert hyper["load"] == "Last 2 reps challenging with clean form"
    assert programming["strength-endurance"]["reps"] == {"min": 12, "max": 15}
    assert mbe["progression"].startswith("Progress load by the smallest machine increment")
    assert mbe["frequency"]["sessions_per_week"] == {"min": 1, "max": 3}
    assert mbe["frequency"]["note"].startswith("Most lifters do well with 1 to 3 sessions")


def test_document_comparisons(mbe: dict[str, Any]) -> None:
    rows = mbe["comparisons"]
    assert [r["exercise"]["id"] for r in rows] == [MBE, "bodyweight-back-extension"]
    assert {r["compared_with"]["id"] for r in rows} == {"bodyweight-back-extension"}
    assert rows[0]["best_for"] == "Structured loading and repeatable setup"
    assert rows[0]["tradeoff"] == "Less freedom in movement path"
    assert rows[1]["tradeoff"] == "Harder to quantify progression"
    assert rows[1]["exercise"]["name"] == "Bodyweight back extension"


def test_document_alternatives(mbe: dict[str, Any]) -> None:
    alts = mbe["alternatives"]
    assert [(a["id"], a["difficulty"]) for a in alts] == [
        ("romanian-deadlift", ["moderate"]), ("cable-pull-through", ["low", "moderate"]),
        ("45-degree-back-extension", ["moderate"])]
    assert alts[1]["best_for"] == "Hip extension practice with lower spinal loading."
    assert alts[1]["key_difference"] == "Resistance line from behind encourages hip drive."
    assert alts[0]["name"] == "Romanian deadlift"


def test_document_sources(mbe: dict[str, Any]) -> None:
    sources = {s["id"]: s for s in mbe["sources"]}
    assert "article-machine-back-extension" in sources and "curated" in sources
    assert sources["curated"]["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert sources["article-machine-back-extension"]["name"] == "Machine back extension guide"


def test_document_of_an_exercise_without_article_facts(client: FlaskClient) -> None:
    doc = get_json(client, f"{API}/exercises/romanian-deadlift")
    assert doc["steps"] == [] and doc["mistakes"] == [] and doc["programming"] == []
    assert doc["beginner"] == {"suitable": None, "note": None}
    assert [m["id"] for m in doc["muscles"]["primary"]] == ["glutes", "hamstrings"]
    assert doc["equipment"][0]["categories"] == ["free-weight"]


def test_json_suffix_is_the_same_document(client: FlaskClient, mbe: dict[str, Any]) -> None:
    assert get_json(client, f"{API}/exercises/{MBE}.json") == mbe


def test_turtle_suffix_is_the_exercise_graph(client: FlaskClient) -> None:
    response = client.get(f"{API}/exercises/{MBE}.ttl")
    assert response.status_code == 200 and response.mimetype == "text/turtle"
    graph = Graph().parse(data=response.get_data(as_text=True), format="turtle")
    ex = EXERCISE[MBE]
    assert len(list(graph.objects(ex, EXG.step))) == 6
    steps = {py(graph.value(s, EXG.position)): str(graph.value(s, EXG.text))
             for s in graph.objects(ex, EXG.step)}
    assert steps[1].startswith("Sit with your pelvis")
    assert len(list(graph.objects(ex, EXG.mistake))) == 4
    assert (URIRef(f"{ex}/article-machine-back-extension/comparison/bodyweight-back-extension/"
                   "bodyweight-back-extension"),
            EXG.tradeoff, None) in graph
    assert (EXERCISE["romanian-deadlift"], EXG.difficulty, None) not in graph  # not its nodes


@pytest.mark.parametrize("url", [f"{API}/exercises/no-such-exercise",
                                 f"{API}/exercises/no-such-exercise.ttl",
                                 f"{API}/exercises/no-such-exercise/alternatives",
                                 f"{API}/exercises/Not%20A%20Slug",
                                 f"{API}/muscles/no-such-muscle/exercises",
                                 f"{API}/queries/no-such-query",
                                 f"{API}/queries/steps?exercise=no-such-exercise",
                                 f"{API}/nothing-here"])
def test_unknown_things_are_404_in_the_error_shape(client: FlaskClient, url: str) -> None:
    assert_error(client, url, 404)


# ---------------------------------------------------------------------------------------------
# The headline question


def test_alternatives_without_machines_at_low_difficulty(client: FlaskClient) -> None:
    body = get_json(client, f"{API}/exercises/{MBE}/alternatives"
                            "?exclude_equipment=machine&difficulty=low")
    # the article's one alternative that fits comes first; the engine may add computed ones
    assert body["items"][0]["id"] == "cable-pull-through"
    assert [a["tier"] for a in body["items"][1:]] == ["computed"] * (len(body["items"]) - 1)
    item = body["items"][0]
    assert item["difficulty"] == ["low", "moderate"] and item["name"] == "Cable pull-through"
    assert body["filters"] == {"exclude_equipment": "machine", "difficulty": "low"}


def test_alternatives_without_filters(client: FlaskClient) -> None:
    body = get_json(client, f"{API}/exercises/{MBE}/alternatives")
    curated = {"romanian-deadlift", "cable-pull-through", "45-degree-back-extension"}
    assert {a["id"] for a in body["items"][:3]} == curated
    assert all(a["tier"] == "curated" for a in body["items"][:3])
    scores = [a["score"] for a in body["items"]]
    assert scores == sorted(scores, reverse=True)
    moderate = get_json(client, f"{API}/exercises/{MBE}/alternatives?difficulty=moderate")
    assert curated <= {a["id"] for a in moderate["items"]}
    assert all("moderate" in a["difficulty"] for a in moderate["items"])


@pytest.mark.parametrize(("query", "param"), [
    ("difficulty=extreme", "difficulty"),
    ("exclude_equipment=no-such-kit", "exclude_equipment"),
    ("exclude_equipment=a%20b", "exclude_equipment"),
    ("colour=red", "colour"),
])
def test_alternatives_bad_parameters(client: FlaskClient, query: str, param: str) -> None:
    assert_error(client, f"{API}/exercises/{MBE}/alternatives?{query}", 400, f"'{param}'")


# ---------------------------------------------------------------------------------------------
# The exercise list


def test_list_shape_and_order(client: FlaskClient) -> None:
    body = get_json(client, f"{API}/exercises?limit=1000")
    assert body["limit"] == 1000 and body["offset"] == 0
    assert body["total"] >= 5 and len(body["items"]) == min(body["total"], 1000)
    names = [item["name"].lower() for item in body["items"]]
    assert names == sorted(names)
    by_id = {item["id"]: item for item in body["items"]}
    assert by_id["cable-pull-through"]["difficulty"] == ["low", "moderate"]
    assert [e["id"] for e in by_id[MBE]["equipment"]] == ["back-extension-machine"]
    assert by_id[MBE]["iri"] == str(EXERCISE[MBE])


def test_list_pages_are_consistent(client: FlaskClient) -> None:
    first = get_json(client, f"{API}/exercises?limit=2")
    second = get_json(client, f"{API}/exercises?limit=2&offset=2")
    assert first["total"] == second["total"]
    assert len(first["items"]) == 2
    assert not {i["id"] for i in first["items"]} & {i["id"] for i in second["items"]}
    everything = get_json(client, f"{API}/exercises?limit=4")["items"]
    assert first["items"] + second["items"] == everything[:2] + everything[2:4]
    empty = get_json(client, f"{API}/exercises?limit=0")
    assert empty["items"] == [] and empty["total"] == first["total"]


def ids(client: FlaskClient, query: str) -> set[str]:
    """Every exercise id the list gives for query, paging through it."""
    found: list[str] = []
    while True:
        body = get_json(client, f"{API}/exercises?limit=1000&offset={len(found)}&{query}")
        found += [item["id"] for item in body["items"]]
        if not body["items"]:
            break
    assert len(found) == body["total"] == len(set(found))
    return set(found)


def test_list_filters(client: FlaskClient) -> None:
    no_machine = ids(client, "exclude_equipment=machine")
    assert MBE not in no_machine and "cable-pull-through" in no_machine
    low = get_json(client, f"{API}/exercises?difficulty=low&limit=1000")["items"]
    assert all("low" in item["difficulty"] for item in low)
    assert {MBE, "cable-pull-through"} <= {item["id"] for item in low}
    glutes = ids(client, "muscle=glutes&role=primary")
    assert {"romanian-deadlift", "cable-pull-through"} <= glutes and MBE not in glutes
    assert "romanian-deadlift" in ids(client, "equipment=barbell")
    assert "romanian-deadlift" in ids(client, "equipment=free-weight")
    assert "romanian-deadlift" in ids(client, "q=rdl")  # a synonym
    assert "romanian-deadlift" in ids(client, "q=ROMANIAN")
    assert ids(client, "exclude_equipment=machine&difficulty=low&muscle=hamstrings") >= {
        "cable-pull-through"}


@pytest.mark.parametrize(("query", "param"), [
    ("limit=-1", "limit"), ("limit=abc", "limit"), ("limit=100000", "limit"),
    ("offset=-5", "offset"), ("difficulty=extreme", "difficulty"),
    ("muscle=no-such-muscle", "muscle"), ("muscle=Bad%20Slug", "muscle"), ("role=boss", "role"),
    ("equipment=no-such-kit", "equipment"), ("q=%22%29%20%7D", "q"), ("limit=1&limit=2", "limit"),
    ("sort=colour", "sort"),
])
def test_list_bad_values_are_400_naming_the_parameter(client: FlaskClient, query: str,
                                                      param: str) -> None:
    assert_error(client, f"{API}/exercises?{query}", 400, f"'{param}'")


# ---------------------------------------------------------------------------------------------
# Muscles, equipment


def test_muscles(client: FlaskClient) -> None:
    items = {m["id"]: m for m in get_json(client, f"{API}/muscles")["items"]}
    assert items["glutes"]["group"] is True and items["glutes"]["broader"] is None
    assert items["gluteus-maximus"] == {"id": "gluteus-maximus",
                                        "iri": "https://w3id.org/exgraph/id/muscle/gluteus-maximus",
                                        "name": "Gluteus maximus", "group": False,
                                        "broader": "glutes"}


def test_muscle_exercises_by_role(client: FlaskClient) -> None:
    body = get_json(client, f"{API}/muscles/glutes/exercises?role=primary")
    found = {item["id"] for item in body["items"]}
    assert {"romanian-deadlift", "cable-pull-through"} <= found and MBE not in found
    assert all(m["role"] == "primary" for item in body["items"] for m in item["muscles"])
    every = get_json(client, f"{API}/muscles/glutes/exercises")
    mbe = next(item for item in every["items"] if item["id"] == MBE)
    assert mbe["muscles"] == [{"id": "glutes", "role": "secondary",
                               "function": "Help drive lockout and maintain hip position"}]
    assert_error(client, f"{API}/muscles/glutes/exercises?role=boss", 400, "'role'")


def test_equipment_taxonomy(client: FlaskClient) -> None:
    body = get_json(client, f"{API}/equipment")
    assert {c["id"] for c in body["categories"]} >= {"machine", "free-weight", "cable-system",
                                                     "bodyweight"}
    items = {e["id"]: e for e in body["items"]}
    bem = items["back-extension-machine"]
    assert bem["name"] == "Back extension machine"
    assert bem["broader"] == [{"id": "machine", "iri": "https://w3id.org/exgraph/id/equipment/machine",
                               "category": False}]
    assert bem["categories"] == ["machine"]
    assert items["machine"]["broader"][0]["category"] is True
    assert items["cable-station"]["categories"] == ["cable-system"]
    assert items["ez-curl-bar"]["categories"] == ["free-weight"]


# ---------------------------------------------------------------------------------------------
# Named queries over HTTP


def test_query_catalogue(client: FlaskClient) -> None:
    items = get_json(client, f"{API}/queries")["items"]
    assert [q["name"] for q in items] == list(default_catalogue())
    alternatives = next(q for q in items if q["name"] == "alternatives")
    assert [(p["name"], p["type"], p["required"]) for p in alternatives["params"]] == [
        ("exercise", "exercise", True), ("exclude_equipment", "equipment", False),
        ("difficulty", "difficulty", False)]


def test_run_a_named_query_as_json(client: FlaskClient) -> None:
    body = get_json(client, f"{API}/queries/steps?exercise={MBE}")
    assert body["columns"] == ["position", "text"]
    assert [r["position"] for r in body["rows"]] == [1, 2, 3, 4, 5, 6]
    assert get_json(client, f"{API}/queries/steps.json?exercise={MBE}") == body


def test_run_a_named_query_as_csv(client: FlaskClient) -> None:
    by_suffix = client.get(f"{API}/queries/mistakes.csv?exercise={MBE}")
    assert by_suffix.status_code == 200 and by_suffix.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(by_suffix.get_data(as_text=True))))
    assert [r["position"] for r in rows] == ["1", "2", "3", "4"]
    assert rows[3]["fix"] == "Keep chin slightly tucked and gaze neutral."
    by_accept = client.get(f"{API}/queries/mistakes?exercise={MBE}",
                           headers={"Accept": "text/csv"})
    assert by_accept.mimetype == "text/csv" and by_accept.data == by_suffix.data
    assert "Accept" in by_accept.headers["Vary"]


def test_run_a_named_query_with_a_list_parameter(client: FlaskClient) -> None:
    body = get_json(client, f"{API}/queries/exercises-with-equipment"
                            "?equipment=cable-station&equipment=hyperextension-bench")
    found = {r["exercise"] for r in body["rows"]}
    assert str(EXERCISE["cable-pull-through"]) in found and str(EXERCISE[MBE]) not in found


@pytest.mark.parametrize(("query", "needle"), [
    ("steps", "'exercise' of query 'steps' is required"),
    ("steps?exercise=foo%3E%20%7D%20%3B%20DROP%20ALL", "parameter 'exercise'"),
    ("steps?exercise=%22x%22", "parameter 'exercise'"),
    ("steps?exercise=x&colour=red", "unknown parameter 'colour'"),
    ("exercises-by-difficulty?difficulty=low&limit=1%20OFFSET%201", "parameter 'limit'"),
    ("exercises?q=%22%20%7C%7C%20true", "parameter 'q'"),
])
def test_named_query_bad_parameters_are_400(client: FlaskClient, query: str, needle: str) -> None:
    assert_error(client, f"{API}/queries/{query}", 400, needle)


# ---------------------------------------------------------------------------------------------
# Exports


@pytest.mark.parametrize(("ext", "fmt", "media"), [
    ("ttl", "turtle", "text/turtle"), ("nt", "ntriples", "application/n-triples"),
    pytest.param("jsonld", "jsonld", "application/ld+json", marks=pytest.mark.slow)])
def test_exports_are_the_bytes_of_exgraph_export(client: FlaskClient, store: Store, ext: str,
                                                 fmt: str, media: str) -> None:
    response = client.get(f"/export.{ext}")
    assert response.status_code == 200 and response.mimetype == media
    assert response.data == serialize(store, fmt)
    etag = response.headers["ETag"]
    again = client.get(f"/export.{ext}", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""


def test_export_route_rejects_parameters(client: FlaskClient) -> None:
    assert_error(client, "/export.nt?format=x", 400, "'format'")


# ---------------------------------------------------------------------------------------------
# Caching, CORS, methods


def test_etag_and_conditional_get(client: FlaskClient) -> None:
    url = f"{API}/exercises/{MBE}/alternatives?exclude_equipment=machine"
    first = client.get(url)
    etag = first.headers["ETag"]
    assert first.headers["Cache-Control"].startswith("public")
    assert client.get(url).headers["ETag"] == etag  # stable
    assert client.get(f"{API}/exercises/{MBE}/alternatives").headers["ETag"] != etag
    not_modified = client.get(url, headers={"If-None-Match": etag})
    assert not_modified.status_code == 304 and not_modified.data == b""
    assert client.get(url, headers={"If-None-Match": '"other"'}).status_code == 200


def test_errors_carry_no_etag(client: FlaskClient) -> None:
    response = client.get(f"{API}/exercises?limit=x")
    assert response.status_code == 400 and "ETag" not in response.headers


@pytest.mark.parametrize("url", [f"{API}/exercises", f"{API}/openapi.json", "/export.nt",
                                 f"{API}/exercises/no-such-exercise"])
def test_cors_on_get(client: FlaskClient, url: str) -> None:
    response = client.get(url, headers={"Origin": "https://example.org"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"


def test_cors_preflight(client: FlaskClient) -> None:
    response = client.options(f"{API}/exercises/{MBE}", headers={
        "Origin": "https://example.org", "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "If-None-Match"})
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response.headers["Access-Control-Allow-Methods"]
    assert response.headers["Access-Control-Allow-Headers"] == "If-None-Match"


def test_other_methods_are_405_in_the_error_shape(client: FlaskClient) -> None:
    response = client.post(f"{API}/exercises")
    assert response.status_code == 405
    assert response.get_json()["ok"] is False and "GET" in response.headers["Allow"]


# ---------------------------------------------------------------------------------------------
# A real server


@pytest.fixture(scope="module")
def server_url() -> Iterator[str]:
    """`exgraph serve` on a free port of 127.0.0.1, stopped after the module's tests."""
    with running_server() as base:
        yield base


@pytest.mark.server
def test_real_server_answers_the_headline_question(server_url: str) -> None:
    response = requests.get(f"{server_url}{API}/exercises/{MBE}/alternatives",
                            params={"exclude_equipment": "machine", "difficulty": "low"},
                            headers={"Origin": "https://example.org"}, timeout=10)
    assert response.status_code == 200
    assert response.json()["items"][0]["id"] == "cable-pull-through"
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    cached = requests.get(response.url, headers={"If-None-Match": response.headers["ETag"]},
                          timeout=10)
    assert cached.status_code == 304


@pytest.mark.server
def test_real_server_export_and_errors(server_url: str) -> None:
    export = requests.get(f"{server_url}/export.nt", timeout=30)
    assert export.status_code == 200
    assert export.headers["Content-Type"].startswith("application/n-triples")
    graph = Graph().parse(data=export.text, format="nt")
    assert (EXERCISE[MBE], EXG.alternative, EXERCISE["cable-pull-through"]) in graph
    bad = requests.get(f"{server_url}{API}/exercises", params={"limit": "-1"}, timeout=10)
    assert bad.status_code == 400
    assert bad.json() == {"ok": False, "status": 400,
                          "error": "parameter 'limit': not a non-negative integer: '-1'"}


def test_an_update_clears_the_cached_answers(graph: Graph) -> None:
    """Reads are answered from a response cache; a SPARQL Update must not leave them stale."""
    from exgraph.graph.load import open_store
    from exgraph.web.sparql.service import service

    app = create_app({"STORE": open_store("oxigraph", graph=graph), "UPDATE_TOKEN": "t0ken"})
    client = app.test_client()
    url = "/api/v1/exercises/machine-back-extension/alternatives"
    try:
        before = client.get(url).get_json()
        assert client.get(url).get_json() == before  # second answer from the cache
        tiers = {item["id"]: item["tier"] for item in before["items"]}
        assert tiers["romanian-deadlift"] == "curated"
        response = client.post("/sparql", data={"update": """
            DELETE WHERE { <https://w3id.org/exgraph/id/exercise/machine-back-extension>
              <https://w3id.org/exgraph/ontology#alternative>
              <https://w3id.org/exgraph/id/exercise/romanian-deadlift> }"""},
            headers={"Authorization": "Bearer t0ken"})
        assert response.status_code == 200, response.get_data(as_text=True)
        after = client.get(url).get_json()
        tiers = {item["id"]: item["tier"] for item in after["items"]}
        assert tiers.get("romanian-deadlift", "gone") != "curated"  # the link is gone
    finally:
        service(app).close()
