"""The OpenAPI document: it describes exactly the app's routes (the JSON API, the exports,
/sparql, the health checks, a user's own log under /api/v1/me), every operation has an
operationId, a tag and an example for every response that fit their schemas, and the app keeps
its promises: `schemathesis run --checks all` finds nothing, and a client generated from the
document by openapi-python-client works."""

from __future__ import annotations

import importlib
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import jsonschema_rs
import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from exgraph.graph.store import Store
from exgraph.history.log import History
from exgraph.history.users import Users
from exgraph.queries.catalogue import default_catalogue
from exgraph.web.api import me
from exgraph.web.api.openapi_plans import OPENAPI_PATHS
from exgraph.web.app import create_app
from tests.paths import REPO
from tests.server import running_server

AUTOMATIC = {"HEAD", "OPTIONS"}  # Flask answers these for every GET route
#: Routes that are another spelling of a documented one.
ALIASES = {"/sparql/"}  # the endpoint for clients that add a slash
#: Documented elsewhere: the training-plan routes bring their own part (web/api/plans.py).
PLAN_PATHS = set(OPENAPI_PATHS)
#: Left out of the fuzzing: /sparql takes any SPARQL text, which no schema can describe (a
#: random string is rightly a 400); the W3C protocol suite tests it
#: (tests/system/server/test_conformance.py).
#: The plan routes are fuzzed with the basic checks below.
NOT_FUZZED = r"^/(sparql|api/v1/plans)"
#: /api/v1/me operations left out of that run: deleteMe would end the token for every later
#: request; a file to import and a workout to log are valid by what they hold (a file that is
#: not the format asked for, an exercise the graph lacks: rightly a 400), which no schema
#: says, so they are fuzzed with the basic checks (test_me_bodies_conform_to_the_document).
NOT_FUZZED_ME = "^(deleteMe|importMyLog|addMyWorkout)$"
SEED = 1
MAX_EXAMPLES = 10


@pytest.fixture(scope="module")
def app(store: Store) -> Flask:
    return create_app({"STORE": store})


@pytest.fixture(scope="module")
def doc(app: Flask) -> dict[str, Any]:
    response = app.test_client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    document: dict[str, Any] = response.get_json()
    return document


def operations(doc: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in doc["paths"].items():
        for method, operation in item.items():
            yield path, method, operation


def app_routes(app: Flask) -> set[tuple[str, str]]:
    """(OpenAPI path, method) of every route the document should describe; a route with a
    query name stands for one path per named query."""
    routes = set()
    for rule in app.url_map.iter_rules():
        if not (rule.endpoint.startswith(("api.", "sparql.", "me."))
                or rule.endpoint in ("healthz", "readyz")) or rule.rule in ALIASES:
            continue
        path = re.sub(r"<(?:[a-z]+:)?([a-z_]+)>", r"{\1}", rule.rule)
        paths = ([path.replace("{name}", name) for name in default_catalogue()]
                 if "{name}" in path else [path])
        # <any(nq, jsonld):ext> is one path per value (/api/v1/me/export.nq, .jsonld)
        paths = [p.replace(m.group(0), value) for p in paths
                 for m in [re.search(r"<any\(([^)]*)\):[a-z_]+>", p)] if m
                 for value in m.group(1).replace(" ", "").split(",")] or paths
        routes |= {(p, m.lower()) for p in paths for m in rule.methods or ()
                   if m not in AUTOMATIC}
    return routes


def test_every_route_is_documented_and_every_documented_route_exists(
        app: Flask, doc: dict[str, Any]) -> None:
    in_doc = {(path, method) for path, method, _ in operations(doc)}
    routes = app_routes(app)
    assert routes - in_doc == set(), "routes missing from the OpenAPI document"
    assert in_doc - routes == set(), "documented paths the app does not serve"


def test_the_me_routes_are_documented_with_the_token_they_need(
        app: Flask, doc: dict[str, Any]) -> None:
    """Every /api/v1/me route of the url map is in the document (the check above counts them
    too), each behind the bearer scheme with its 401, and none promises an ETag or a 304."""
    me_routes = {(p, m) for p, m in app_routes(app) if p.startswith("/api/v1/me")}
    assert len(me_routes) == 12, me_routes  # the 12 of web/api/me.py
    scheme = doc["components"]["securitySchemes"]["bearerToken"]
    assert (scheme["type"], scheme["scheme"]) == ("http", "bearer")
    for path, method in me_routes:
        operation = doc["paths"][path][method]
        assert operation["security"] == [{"bearerToken": []}], (path, method)
        assert operation["tags"] == ["me"]
        assert "WWW-Authenticate" in operation["responses"]["401"]["headers"]
        assert "304" not in operation["responses"]
        assert "ETag" not in operation["responses"]["200"].get("headers", {})
    for path in ("/api/v1/plans", "/api/v1/plans.json"):  # history: "me" needs the token
        post = doc["paths"][path]["post"]
        assert post["security"] == [{}, {"bearerToken": []}] and "401" in post["responses"]
        body = post["requestBody"]["content"]["application/json"]["schema"]
        assert body["properties"]["history"]["enum"] == ["me"]


def test_the_me_routes_answer_as_documented(full_store: Store, doc: dict[str, Any],
                                            tmp_path: Path) -> None:
    """Each /me operation called as the document describes it (its examples, a real workout
    id), without a token and with one: the status is one it lists, a JSON answer fits the
    schema it gives for that status, the content type is one it lists. Deletions last."""
    token = Users(tmp_path).add("alice")[1]
    me_app = create_app({"STORE": full_store, "HISTORY_DIR": str(tmp_path)})
    client = me_app.test_client()
    auth = {"Authorization": f"Bearer {token}"}
    imported = client.post("/api/v1/me/imports?file=strong.csv", headers=auth,
                           data=(REPO / "examples" / "history" / "strong.csv").read_bytes())
    assert imported.status_code == 200, imported.get_json()
    workout = client.get("/api/v1/me/workouts", headers=auth).get_json()["items"][0]["id"]
    definitions = _json_schema(doc["components"]["schemas"])
    me_ops = sorted(((p, m, op) for p, m, op in operations(doc) if p.startswith("/api/v1/me")),
                    key=lambda o: (o[1] == "delete", -len(o[0])))  # /me itself deleted last
    assert len(me_ops) == 12
    seen = set()
    for path, method, operation in me_ops:
        query = {p["name"]: p["example"] for p in operation["parameters"]
                 if p["in"] == "query" and p.get("required")}
        url = path.replace("{workout_id}", workout)
        kwargs: dict[str, Any] = {"query_string": query}
        if "requestBody" in operation:
            content = operation["requestBody"]["content"]
            media = "application/json" if "application/json" in content else "text/csv"
            example = content[media]["example"]
            kwargs |= ({"json": example} if media == "application/json"
                       else {"data": example, "content_type": media})
        anonymous = client.open(url, method=method.upper(), **kwargs)
        assert anonymous.status_code == 401 and "401" in operation["responses"], (path, method)
        assert anonymous.headers["WWW-Authenticate"].startswith("Bearer")
        endpoint, view_args = me_app.url_map.bind("localhost").match(url, method.upper())
        documented = {p["name"] for p in operation["parameters"] if p["in"] == "query"}
        assert documented == me.takes(endpoint, view_args), (path, method)
        typo = client.open(url, method=method.upper(), headers=auth,
                           **{**kwargs, "query_string": {**query, "nosuch": "1"}})
        assert typo.status_code == 400 and "400" in operation["responses"], (path, method)
        assert "'nosuch'" in typo.get_json()["error"]
        answer = client.open(url, method=method.upper(), headers=auth, **kwargs)
        code = str(answer.status_code)
        assert code in operation["responses"], (path, method, code, answer.data[:300])
        content = operation["responses"][code]["content"]
        mimetype = answer.mimetype or ""
        assert mimetype in content, (path, method, mimetype)
        if mimetype.endswith("json"):
            validator = jsonschema_rs.Draft7Validator(
                {**_json_schema(content[mimetype]["schema"]), "definitions": definitions})
            errors = [str(e).splitlines()[0] for e in validator.iter_errors(answer.get_json())]
            assert not errors, (path, method, errors[:3])
        seen.add((path, method, code))
    assert {c for _p, _m, c in seen} == {"200", "201"}  # a real answer each, not an error
    assert client.get("/api/v1/me", headers=auth).status_code == 401  # deleteMe ran


def test_every_operation_has_an_id_a_tag_and_the_error_shape(doc: dict[str, Any]) -> None:
    assert doc["openapi"].startswith("3.") and doc["servers"]
    error = doc["components"]["schemas"]["Error"]
    assert set(error["required"]) == {"ok", "error", "status"}
    ids = [operation["operationId"] for _, _, operation in operations(doc)]
    assert len(ids) == len(set(ids)), "operationIds repeat"
    tags = {tag["name"] for tag in doc["tags"]}
    for path, _method, operation in operations(doc):
        assert operation["tags"] and set(operation["tags"]) <= tags, path
        assert "200" in operation["responses"], path
        for code, response in operation["responses"].items():
            assert response["description"], (path, code)
            if code.startswith(("4", "5")):
                assert response["content"]["application/json"]["schema"] == {
                    "$ref": "#/components/schemas/Error"}, (path, code)
        for param in operation.get("parameters", []):
            if param["in"] == "path":
                assert "{" + param["name"] + "}" in path


def _json_schema(schema: Any) -> Any:
    """An OpenAPI 3.0 schema as JSON Schema (draft 7): nullable becomes a null alternative,
    component references point to definitions."""
    if isinstance(schema, list):
        return [_json_schema(s) for s in schema]
    if not isinstance(schema, dict):
        return schema
    out = {k: _json_schema(v) for k, v in schema.items() if k not in ("nullable", "example")}
    if "$ref" in out:
        out["$ref"] = out["$ref"].replace("#/components/schemas/", "#/definitions/")
    if schema.get("nullable"):
        return {"anyOf": [out, {"type": "null"}]}
    return out


def examples(doc: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any], Any]]:
    """(where, schema, example) of every response of the document's own operations."""
    for path, method, operation in operations(doc):
        for code, response in operation["responses"].items():
            for media, content in response.get("content", {}).items():
                yield f"{method} {path} {code} {media}", content["schema"], content.get(
                    "example", KeyError)


def test_every_response_has_an_example_that_fits_its_schema(doc: dict[str, Any]) -> None:
    definitions = _json_schema(doc["components"]["schemas"])
    checked = 0
    for where, schema, example in examples(doc):
        if where.split()[1] in PLAN_PATHS:
            continue  # the plan routes' own part has no examples yet
        assert example is not KeyError, f"{where}: no example"
        validator = jsonschema_rs.Draft7Validator(
            {**_json_schema(schema), "definitions": definitions})
        errors = [str(e).splitlines()[0] for e in validator.iter_errors(example)]
        assert not errors, f"{where}: the example does not fit: {errors[:3]}"
        checked += 1
    assert checked > 100


def test_the_document_lists_the_graphs_own_slugs(doc: dict[str, Any], store: Store) -> None:
    schemas = doc["components"]["schemas"]
    rows = store.select("PREFIX exg: <https://w3id.org/exgraph/ontology#> "
                        "SELECT ?m WHERE { ?m a exg:Muscle }")
    assert schemas["MuscleSlug"]["enum"] == sorted(str(r["m"]).rsplit("/", 1)[-1] for r in rows)
    assert {"machine", "free-weight", "barbell"} <= set(schemas["EquipmentSlug"]["enum"])
    assert "hip-hinge" in schemas["MovementPatternSlug"]["enum"]
    listed = doc["paths"]["/api/v1/exercises"]["get"]["parameters"]
    muscle = next(p for p in listed if p["name"] == "muscle")
    assert muscle["schema"] == {"type": "array", "maxItems": 20,
                                "items": {"$ref": "#/components/schemas/MuscleSlug"}}
    assert (muscle["style"], muscle["explode"]) == ("form", True)


def test_the_document_is_built_once_per_graph(app: Flask) -> None:
    client = app.test_client()
    first = client.get("/api/v1/openapi.json")
    assert client.get("/api/v1/openapi.json").headers["ETag"] == first.headers["ETag"]


# ---------------------------------------------------------------------------------------------
# schemathesis: every check, against a real server, reproducibly


@pytest.mark.slow
@pytest.mark.server
@pytest.mark.timeout(900)  # the run's own bound is 600 s; 150 s quiet, 300 s at load 20
def test_schemathesis_run_with_every_check_finds_nothing(doc: dict[str, Any],
                                                        full_store: Store,
                                                        tmp_path: Path) -> None:
    """`schemathesis run --checks all` with a fixed seed and a bound on the examples: every
    phase (examples, coverage, fuzzing, stateful), positive and negative data.

    The server takes URLs up to 64 KiB: the longest lists the document allows would pass the
    default 8 KiB, whose 414 is a limit of the transport, not of the data (documented, and
    tested in tests/integration/sparql/test_attack_limits.py).
    """
    schemathesis_cli = Path(sys.executable).with_name("schemathesis")
    # the /api/v1/me routes with a real user's token (ignored_auth also tries them without);
    # deleteMe is left out: it would end the token for every later request
    history = History(tmp_path / "history")
    fuzz, token = history.users.add("fuzz")
    # a log holding the workout the document's examples name (GET/DELETE by id find it)
    history.import_file(fuzz, (REPO / "examples" / "history" / "strong.csv").read_bytes(),
                        "strong.csv", full_store)
    history.close()
    left_out = sorted(op["operationId"] for path, _method, op in operations(doc)
                      if re.match(NOT_FUZZED, path) or re.match(NOT_FUZZED_ME, op["operationId"]))
    assert len(left_out) > 10 and "deleteMe" in left_out and "sparqlQuery" in left_out
    not_fuzzed = "^(" + "|".join(map(re.escape, left_out)) + ")$"
    with running_server(env={"EXGRAPH_MAX_URL_BYTES": "65536",
                             "EXGRAPH_HISTORY_DIR": str(history.directory)}) as base:
        result = subprocess.run(
            [str(schemathesis_cli), "run", f"{base}/api/v1/openapi.json", "--checks", "all",
             "--header", f"Authorization: Bearer {token}",
             # one filter: schemathesis excludes what matches all of several --exclude options
             "--exclude-operation-id-regex", not_fuzzed,
             # one worker: hypothesis's ast.parse races in threads on Python 3.11
             # ("AST constructor recursion depth mismatch")
             "--seed", str(SEED), "--max-examples", str(MAX_EXAMPLES), "--workers", "1",
             "--no-shrink", "--request-timeout", "30"],
            cwd=tmp_path, capture_output=True, text=True, timeout=600,
            env={**os.environ, "NO_COLOR": "1"})
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert "No issues found" in result.stdout, result.stdout[-3000:]


@pytest.fixture(scope="module")
def api_schema(app: Flask) -> Any:
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)


# The plan routes (their own part of the document) with the checks this test always ran.
# schemathesis.pytest.from_fixture fails on pytest 9 (it reads request.node._nodeid), so each
# operation is a parametrized test that runs its hypothesis strategy itself.
@pytest.mark.slow
@pytest.mark.parametrize("path", sorted(PLAN_PATHS))
def test_plan_routes_conform_to_the_document(api_schema: Any, path: str) -> None:
    operation = api_schema[path]["GET"]

    @given(case=operation.as_strategy())
    @settings(max_examples=25, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
    def check(case: Any) -> None:
        case.call_and_validate(checks=[not_a_server_error, response_schema_conformance])

    check()


@pytest.mark.slow
@pytest.mark.parametrize("path", ["/api/v1/me/imports", "/api/v1/me/workouts"])
def test_me_bodies_conform_to_the_document(full_store: Store, tmp_path: Path,
                                           path: str) -> None:
    """The two /me operations with a body, fuzzed with a real token on the app: never a server
    error, every answer as the document describes it."""
    token = Users(tmp_path).add("fuzz")[1]
    me_app = create_app({"STORE": full_store, "HISTORY_DIR": str(tmp_path)})
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", me_app)
    operation = schema[path]["POST"]  # importMyLog, addMyWorkout: left out of the CLI run
    # identity: the test client does not undo the compression the app applies
    auth = {"Authorization": f"Bearer {token}", "Accept-Encoding": "identity"}
    statuses = set()

    @given(case=operation.as_strategy())
    @settings(max_examples=25, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
    def check(case: Any) -> None:
        response = case.call_and_validate(
            headers=auth, checks=[not_a_server_error, response_schema_conformance])
        statuses.add(response.status_code)

    check()
    assert statuses & {200, 201, 400}, statuses  # answered, not refused at the door (401)


# ---------------------------------------------------------------------------------------------
# A client generated from the document


@pytest.mark.slow
def test_a_generated_client_calls_the_api(app: Flask, doc: dict[str, Any],
                                          tmp_path: Path) -> None:
    """openapi-python-client turns the document into a typed client (offline: it reads the
    file), which then answers three questions through the app (an httpx WSGI transport)."""
    spec = tmp_path / "openapi.json"
    spec.write_text(json.dumps(doc), encoding="utf-8")
    # media types the generator does not know are read as text or bytes
    config = tmp_path / "config.json"
    config.write_text(json.dumps({"content_type_overrides": {
        "application/n-triples": "text/plain", "application/sparql-query": "text/plain",
        "application/sparql-update": "text/plain"}}), encoding="utf-8")
    bin_dir = Path(sys.executable).parent
    generated = subprocess.run(
        [str(bin_dir / "openapi-python-client"), "generate", "--path", str(spec), "--meta",
         "none", "--output-path", str(tmp_path / "exgraph_client"), "--config", str(config)],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
        env={**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"})
    assert generated.returncode == 0, generated.stdout[-3000:] + generated.stderr[-3000:]
    sys.path.insert(0, str(tmp_path))
    try:
        # generated just now: imported by name (no stubs can exist before the test runs)
        client_package = importlib.import_module("exgraph_client")
        models = importlib.import_module("exgraph_client.models")
        Client, MuscleSlug = client_package.Client, models.MuscleSlug
        # the operation modules one by one: importing a package does not import its modules
        get_exercise = importlib.import_module("exgraph_client.api.exercises.get_exercise")
        list_exercises = importlib.import_module("exgraph_client.api.exercises.list_exercises")
        run_query_steps_json = importlib.import_module(
            "exgraph_client.api.queries.run_query_steps_json")

        client = Client(base_url="http://testserver",
                        httpx_args={"transport": httpx.WSGITransport(app=app)})
        page = list_exercises.sync_detailed(
            client=client, muscle=[MuscleSlug("glutes"), MuscleSlug("hamstrings")], limit=2)
        assert page.status_code == 200 and page.parsed.total >= 4
        assert len(page.parsed.items) == 2 and page.parsed.next_.endswith("offset=2")
        assert 'rel="next"' in page.headers["link"]
        document = get_exercise.sync(client=client, exercise_id="machine-back-extension")
        assert document.name == "Machine back extension"
        assert document.movement_pattern.id == "hip-hinge" and document.equipment_known
        assert [m.id for m in document.muscles.primary] == ["hamstrings"]
        steps = run_query_steps_json.sync(client=client, exercise="machine-back-extension")
        assert steps.columns == ["position", "text"] and len(steps.rows) == 6
        missing = get_exercise.sync_detailed(client=client, exercise_id="no-such-exercise")
        assert missing.status_code == 404 and missing.parsed.status == 404
    finally:
        sys.path.remove(str(tmp_path))
        for name in [m for m in sys.modules if m.split(".")[0] == "exgraph_client"]:
            del sys.modules[name]
