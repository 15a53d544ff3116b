"""The SPARQL Update write path keeps the graph whole: shapes before commit, destructive updates
behind a flag and a snapshot, an append-only audit log, ``exgraph restore``, the token never on
the command line, and ``serve --data`` validating before it listens.

The checks run on the Flask test client over a store of their own (cheap); the end-to-end path
(real ``exgraph serve`` on an on-disk store, then ``exgraph restore`` into it) on real processes.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
import requests
from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskClient

from exgraph.cli.main import main
from exgraph.graph.backups import SNAPSHOT_PREFIX, AuditLog
from exgraph.graph.load import open_store
from exgraph.graph.store import OxigraphStore
from exgraph.graph.validate import Problem, Report
from exgraph.web.app import VALIDATION_KEY, create_app
from exgraph.web.sparql.service import DESTRUCTIVE_HEADER, service
from tests.server import EXGRAPH, free_port, running_server

TOKEN = "write-path-token-4f1c9"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
ALLOW = {**AUTH, DESTRUCTIVE_HEADER: "true"}
TOKEN_ID = hashlib.sha256(TOKEN.encode()).hexdigest()[:12]

EXG = "https://w3id.org/exgraph/ontology#"
ID = "https://w3id.org/exgraph/id/"
EXERCISE = f"{ID}exercise/machine-back-extension"
STEP = f"{EXERCISE}/article-machine-back-extension/step/1"
DOCUMENT = "/api/v1/exercises/machine-back-extension"
PREFIXES = (f"PREFIX exg: <{EXG}> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
            f"PREFIX skos: <http://www.w3.org/2004/02/skos/core#> ")

#: The update from the issue: a step position that is no integer.
BAD_POSITION = PREFIXES + f'INSERT DATA {{ <{STEP}> exg:position "abc" }}'
VALID = PREFIXES + f'INSERT DATA {{ <{EXERCISE}> exg:summary "Hinge at the hips." }}'


def quads(store: OxigraphStore) -> set[ox.Quad]:
    return set(store.ox.quads_for_pattern(None, None, None, None))


@pytest.fixture()
def app(tmp_path: Path) -> Iterator[Flask]:
    """An app over a store of its own (the curated graph, every source graph), writing its
    audit log and snapshots under tmp_path; a low removal threshold."""
    flask_app = create_app({"STORE": open_store("oxigraph"), "UPDATE_TOKEN": TOKEN,
                            "SPARQL_WORKERS": 1, "MAX_DELETE_TRIPLES": 20,
                            "AUDIT_LOG": str(tmp_path / "audit.jsonl"),
                            "SNAPSHOT_DIR": str(tmp_path / "snapshots")})
    yield flask_app
    service(flask_app).close()


def post_update(client: FlaskClient, update: str, headers: dict[str, str]) -> tuple[int, Any]:
    response = client.post("/sparql", data=update.encode(), headers=headers,
                           content_type="application/sparql-update")
    return response.status_code, json.loads(response.data)


def audit(app: Flask) -> list[dict[str, Any]]:
    return AuditLog(Path(app.config["AUDIT_LOG"])).records()


# ---------------------------------------------------------------------------------------------
# Shapes before commit


@pytest.mark.parametrize(("update", "expected"), [
    (BAD_POSITION, {"focus": f"<{STEP}>", "path": "exg:position", "constraint": "Datatype",
                    "value": '"abc"'}),
    # a second label on a piece of equipment
    (PREFIXES + f'INSERT DATA {{ <{ID}equipment/barbell> rdfs:label "Bar" }}',
     {"focus": "equipment:barbell", "path": "rdfs:label", "constraint": "MaxCount"}),
    # a muscle that is no muscle any more: the exercises pointing at it break, not the muscle
    (f"DELETE WHERE {{ <{ID}muscle/erector-spinae> a ?type }}",
     {"focus": "exercise:machine-back-extension", "path": "exg:worksMuscle",
      "constraint": "Class", "value": "muscle:erector-spinae"}),
    # an equipment category that is none any more: everything below it loses its way up
    (PREFIXES + "DELETE DATA { exg:FreeWeight a exg:EquipmentCategory }",
     {"focus": "equipment:barbell", "constraint": "QualifiedMinCount"}),
    # a muscle involvement that belongs to no exercise
    (PREFIXES + f"INSERT DATA {{ <urn:x:involvement> a exg:MuscleInvolvement ; "
                f"exg:muscle <{ID}muscle/glutes> ; exg:role exg:Primary }}",
     {"focus": "<urn:x:involvement>", "constraint": "MinCount"}),
], ids=["position-abc", "second-label", "untyped-muscle", "untyped-category", "orphan-part"])
def test_an_update_that_breaks_the_shapes_is_400_with_the_report_and_changes_nothing(
        app: Flask, update: str, expected: dict[str, str]) -> None:
    client = app.test_client()
    store = app.extensions["exgraph_store"]
    before = quads(store)
    status, body = post_update(client, update, AUTH)
    assert status == 400 and body["ok"] is False and body["status"] == 400
    assert "ontology/shapes.ttl" in body["error"] and "nothing was changed" in body["error"]
    assert all(set(problem) == {"focus", "path", "constraint", "value", "message"}
               for problem in body["problems"])
    assert any(expected.items() <= problem.items() for problem in body["problems"]), body
    assert quads(store) == before
    document = client.get(DOCUMENT)
    assert document.status_code == 200 and document.get_json()["id"].endswith(
        "machine-back-extension")
    [line] = audit(app)
    assert line["outcome"] == "refused" and line["status"] == 400 and line["update"] == update
    assert line["problems"] == body["problems"]


def test_a_valid_update_is_applied_and_audited_without_the_token(app: Flask) -> None:
    client = app.test_client()
    status, body = post_update(client, VALID, AUTH)
    assert (status, body) == (200, {"ok": True})
    assert app.extensions["exgraph_store"].ask(
        f'ASK {{ <{EXERCISE}> <{EXG}summary> "Hinge at the hips." }}')
    [line] = audit(app)
    assert line["outcome"] == "applied" and line["token"] == TOKEN_ID
    assert (line["added"], line["removed"], line["snapshot"]) == (1, 0, None)
    assert line["update"] == VALID and line["time"].endswith("Z")
    assert TOKEN not in Path(app.config["AUDIT_LOG"]).read_text(encoding="utf-8")


@pytest.mark.parametrize(("headers", "reason"), [
    ({}, "Bearer"),
    ({"Authorization": "Bearer wrong-token"}, "Bearer"),
])
def test_a_refused_token_is_audited_without_the_update(app: Flask, headers: dict[str, str],
                                                       reason: str) -> None:
    status, body = post_update(app.test_client(), VALID, headers)
    assert status == 403 and reason in body["error"]
    [line] = audit(app)
    assert line["outcome"] == "refused" and line["status"] == 403 and "update" not in line
    assert line["update_bytes"] == len(VALID.encode())
    assert line["token"] == (hashlib.sha256(b"wrong-token").hexdigest()[:12] if headers
                             else None)


# ---------------------------------------------------------------------------------------------
# Destructive updates


@pytest.mark.parametrize(("update", "why"), [
    ("DROP ALL", "DROP"),
    ("CLEAR DEFAULT", "CLEAR"),
    (PREFIXES + "DELETE WHERE { ?s skos:altLabel ?label }", "MAX_DELETE_TRIPLES (20)"),
], ids=["drop", "clear", "over-threshold"])
def test_a_destructive_update_needs_the_flag_and_leaves_a_snapshot(
        app: Flask, update: str, why: str) -> None:
    client = app.test_client()
    store = app.extensions["exgraph_store"]
    before = quads(store)
    status, body = post_update(client, update, AUTH)
    assert status == 400 and why in body["error"] and DESTRUCTIVE_HEADER in body["error"]
    assert quads(store) == before
    assert not Path(app.config["SNAPSHOT_DIR"]).exists()

    status, body = post_update(client, update, ALLOW)
    assert (status, body) == (200, {"ok": True})
    assert quads(store) != before
    [snapshot] = Path(app.config["SNAPSHOT_DIR"]).iterdir()
    assert snapshot.name.startswith(SNAPSHOT_PREFIX) and snapshot.suffix == ".nq"
    assert set(ox.parse(path=str(snapshot), format=ox.RdfFormat.N_QUADS)) == before
    refused, applied = audit(app)
    assert refused["outcome"] == "refused" and refused["removed"] == applied["removed"] > 20
    assert applied["outcome"] == "applied" and applied["snapshot"] == str(snapshot)


def test_after_drop_all_the_service_is_not_ready(app: Flask) -> None:
    client = app.test_client()
    assert client.get("/readyz").status_code == 200
    assert post_update(client, "DROP ALL", ALLOW)[0] == 200
    response = client.get("/readyz")
    assert response.status_code == 503
    assert "empty" in response.get_json()["error"]


def test_a_graph_that_failed_validation_is_not_ready(app: Flask) -> None:
    app.extensions[VALIDATION_KEY] = Report(False, [Problem("exercise:x", "exg:position",
                                                            "Datatype", '"abc"', "not integer")])
    response = app.test_client().get("/readyz")
    assert response.status_code == 503
    assert "failed validation" in response.get_json()["error"]


# ---------------------------------------------------------------------------------------------
# The token never from argv


def test_the_update_token_option_is_gone() -> None:
    result = CliRunner().invoke(main, ["serve", "--update-token", "secret"])
    assert result.exit_code == 2 and "No such option '--update-token'" in result.output
    assert "--update-token " not in CliRunner().invoke(main, ["serve", "--help"]).output


# ---------------------------------------------------------------------------------------------
# Real processes: serve, update, DROP ALL, restore


def restore(snapshot: Path, store_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(EXGRAPH), "restore", str(snapshot), "--store", str(store_dir)],
                          capture_output=True, text=True, timeout=120, check=False)


def default_triples(store_dir: Path) -> int:
    store = ox.Store.read_only(str(store_dir))
    return sum(1 for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))


def test_drop_all_then_restore_on_a_real_server(tmp_path: Path) -> None:
    store_dir = tmp_path / "store"
    token_file = tmp_path / "token"
    token_file.write_text(TOKEN + "\n", encoding="utf-8")
    env = {"EXGRAPH_UPDATE_TOKEN_FILE": str(token_file)}
    with running_server("--store", str(store_dir), env=env) as url:
        triples = requests.get(f"{url}/healthz", timeout=10).json()["triples"]

        def update(text: str, headers: dict[str, str]) -> requests.Response:
            return requests.post(f"{url}/sparql", data=text.encode(), timeout=60, headers={
                "Content-Type": "application/sparql-update", **headers})

        bad = update(BAD_POSITION, AUTH)
        assert bad.status_code == 400 and bad.json()["problems"][0]["focus"] == f"<{STEP}>"
        assert requests.get(url + DOCUMENT, timeout=10).status_code == 200
        assert update(VALID, AUTH).status_code == 200
        refused = update("DROP ALL", AUTH)
        assert refused.status_code == 400 and DESTRUCTIVE_HEADER in refused.json()["error"]
        assert requests.get(f"{url}/healthz", timeout=10).json()["triples"] == triples + 1
        assert update("DROP ALL", ALLOW).status_code == 200
        ready = requests.get(f"{url}/readyz", timeout=10)
        assert ready.status_code == 503 and "empty" in ready.json()["error"]
    state = tmp_path / "store-state"  # the default state directory beside --store DIR
    [snapshot] = (state / "snapshots").iterdir()
    lines = AuditLog(state / "audit.jsonl").records()
    assert [(line["outcome"], line["status"]) for line in lines] == [
        ("refused", 400), ("applied", 200), ("refused", 400), ("applied", 200)]
    assert lines[-1]["snapshot"] == str(snapshot) and lines[-1]["removed"] > triples
    assert {line["token"] for line in lines} == {TOKEN_ID}
    assert TOKEN not in (state / "audit.jsonl").read_text(encoding="utf-8")
    assert default_triples(store_dir) == 0

    done = restore(snapshot, store_dir)
    assert done.returncode == 0, done.stderr
    assert "restored" in done.stderr and "restart" in done.stderr
    assert default_triples(store_dir) == triples + 1

    text = snapshot.read_text(encoding="utf-8")
    broken = {
        "corrupt.nq": (text[: len(text) // 2].rsplit("\n", 1)[0] + '\n<urn:x:s> <urn:x:p> "cut',
                       "not a snapshot (N-Quads)"),
        "violating.nq": (text + f'<{STEP}> <{EXG}position> "abc" .\n',
                         "does not conform to ontology/shapes.ttl"),
        "empty.nq": ("", "empty"),
        # the served graph conforms, one source graph does not
        "violating-source.nq": (text + f'<{STEP}> <{EXG}position> "abc" '
                                       f'<{ID}source/article-machine-back-extension> .\n',
                                "the graph <https://w3id.org/exgraph/id/source/article-machine-"
                                "back-extension> does not conform"),
    }
    for name, (content, message) in broken.items():
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        refused_restore = restore(path, store_dir)
        assert refused_restore.returncode == 1, name
        assert message in refused_restore.stderr, refused_restore.stderr
        assert len(refused_restore.stderr.strip().splitlines()) == 1, refused_restore.stderr
        assert "Traceback" not in refused_restore.stderr
        assert default_triples(store_dir) == triples + 1  # unchanged


# ---------------------------------------------------------------------------------------------
# serve --data validates before it listens


BAD_DATA = f'<{STEP}> <{EXG}position> "abc" .\n'


def test_serve_refuses_data_that_breaks_the_shapes_before_listening(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text(BAD_DATA, encoding="utf-8")
    done = subprocess.run(
        [str(EXGRAPH), "serve", "--port", str(free_port()), "--data", str(bad)],
        capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "EXGRAPH_UPDATE_TOKEN": TOKEN})
    assert done.returncode == 1
    assert "does not conform" in done.stderr and "--no-validate" in done.stderr
    assert f"{STEP}" in done.stderr and "exg:position" in done.stderr
    assert "serving http" not in done.stderr


def test_serve_no_validate_serves_it_and_the_token_comes_from_the_environment(
        tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text(BAD_DATA, encoding="utf-8")
    with running_server("--data", str(bad), "--no-validate",
                        env={"EXGRAPH_UPDATE_TOKEN": TOKEN,
                             "EXGRAPH_AUDIT_LOG": str(tmp_path / "audit.jsonl")}) as url:
        assert requests.get(f"{url}/readyz", timeout=10).status_code == 200
        response = requests.post(f"{url}/sparql", data={"update": VALID}, headers=AUTH,
                                 timeout=60)
        assert response.status_code == 200, response.text
    [line] = AuditLog(tmp_path / "audit.jsonl").records()
    assert line["outcome"] == "applied" and line["token"] == TOKEN_ID


# ---------------------------------------------------------------------------------------------
# Issue 21: the commit applies what was checked; every graph checked; bounded disk

#: The issue's attack: a removal of everything, or of nothing, decided by RAND() at each run.
RAND_WIPE = ("DELETE { ?s ?p ?o } WHERE { { SELECT (RAND() AS ?r) {} } FILTER(?r < 0.5) "
             "?s ?p ?o }")
ARTICLE_GRAPH = f"{ID}source/article-machine-back-extension"


def replay(start: set[ox.Quad], records: list[dict[str, Any]]) -> set[ox.Quad]:
    """start with the effect of every applied line of the audit log applied in order."""
    state = set(start)
    for record in records:
        if record.get("outcome") != "applied":
            continue
        effect = record["effect"]
        state -= set(ox.parse("\n".join(effect["removed"]), format=ox.RdfFormat.N_QUADS))
        state |= set(ox.parse("\n".join(effect["added"]), format=ox.RdfFormat.N_QUADS))
    return state


def test_a_random_wipe_commits_exactly_what_its_trial_checked(app: Flask) -> None:
    """Ten tries of the issue's RAND() wipe: each is refused as destructive (the trial removed
    everything) or applied with nothing removed (the trial removed nothing); the graph never
    changes, and every audit line's counts are what was committed."""
    client = app.test_client()
    store = app.extensions["exgraph_store"]
    before = quads(store)
    statuses = []
    for _ in range(10):
        status, body = post_update(client, RAND_WIPE, AUTH)
        statuses.append(status)
        assert status in (200, 400), body
        if status == 400:
            assert DESTRUCTIVE_HEADER in body["error"]
        assert quads(store) == before
    lines = audit(app)
    assert len(lines) == 10
    for status, line in zip(statuses, lines, strict=True):
        assert line["status"] == status
        if status == 200:
            assert (line["added"], line["removed"]) == (0, 0)
        else:
            assert line["removed"] == sum(isinstance(q.graph_name, ox.DefaultGraph)
                                          for q in before)
    assert replay(before, lines) == quads(store)


def test_a_random_value_commits_the_checked_value_or_nothing(app: Flask) -> None:
    """RAND() picks a shape-breaking position or a valid one: a refused try changes nothing, an
    applied one commits the quads its audit line names, and replaying the log gives the store."""
    client = app.test_client()
    store = app.extensions["exgraph_store"]
    start = quads(store)
    update = (PREFIXES + f"DELETE {{ <{STEP}> exg:position ?old }} INSERT {{ <{STEP}> "
              f"exg:position ?new }} WHERE {{ <{STEP}> exg:position ?old BIND(IF(RAND() < 0.5, "
              f'"abc", ?old + 1) AS ?new) }}')
    outcomes = set()
    for _ in range(8):
        before = quads(store)
        status, body = post_update(client, update, AUTH)
        outcomes.add(status)
        line = audit(app)[-1]
        if status == 400:
            assert body["problems"] and quads(store) == before
        else:
            assert status == 200
            added = set(ox.parse("\n".join(line["effect"]["added"]),
                                 format=ox.RdfFormat.N_QUADS))
            removed = set(ox.parse("\n".join(line["effect"]["removed"]),
                                   format=ox.RdfFormat.N_QUADS))
            assert quads(store) == (before - removed) | added
            assert all(isinstance(q.object, ox.Literal) and q.object.value.isdigit()
                       for q in added)
    assert replay(start, audit(app)) == quads(store)


@pytest.mark.parametrize("update", [
    PREFIXES + f'INSERT DATA {{ GRAPH <{ARTICLE_GRAPH}> {{ <{STEP}> exg:position "abc" }} }}',
    PREFIXES + f'WITH <{ARTICLE_GRAPH}> INSERT {{ <{STEP}> exg:position "abc" }} WHERE {{}}',
    PREFIXES + f'INSERT DATA {{ GRAPH <{ID}source/curated> {{ <{EXERCISE}> exg:difficulty '
               f'"banana" }} }}',
], ids=["insert-data", "with", "difficulty-banana"])
def test_a_named_graph_is_checked_against_the_shapes(app: Flask, update: str) -> None:
    client = app.test_client()
    store = app.extensions["exgraph_store"]
    before = quads(store)
    status, body = post_update(client, update, AUTH)
    assert status == 400 and "ontology/shapes.ttl in the graph" in body["error"], body
    assert body["problems"] and quads(store) == before


def test_a_valid_change_to_a_named_graph_is_applied(app: Flask) -> None:
    update = PREFIXES + (f'INSERT DATA {{ GRAPH <{ARTICLE_GRAPH}> {{ <{EXERCISE}> exg:summary '
                         f'"Hinge." }} }}')
    status, body = post_update(app.test_client(), update, AUTH)
    assert (status, body) == (200, {"ok": True})
    assert app.extensions["exgraph_store"].ask(
        f'ASK {{ GRAPH <{ARTICLE_GRAPH}> {{ <{EXERCISE}> <{EXG}summary> "Hinge." }} }}')


@pytest.mark.parametrize("update", [
    'INSERT DATA { GRAPH <urn:exgraph:generation> { <urn:x:s> <urn:x:p> "1" } }',
    'INSERT DATA { GRAPH <https://w3id.org/exgraph/ontology> { <urn:x:s> <urn:x:p> "1" } }',
    f"DELETE WHERE {{ GRAPH <https://w3id.org/exgraph/ontology> {{ <{EXG}Exercise> ?p ?o }} }}",
], ids=["bookkeeping", "ontology-insert", "ontology-delete"])
def test_the_projects_own_graphs_are_refused(app: Flask, update: str) -> None:
    store = app.extensions["exgraph_store"]
    before = quads(store)
    status, body = post_update(app.test_client(), update, ALLOW)
    assert status == 403 and "only exgraph load writes" in body["error"], body
    assert quads(store) == before


def test_deletions_have_a_budget_per_token(tmp_path: Path) -> None:
    """Three removals of 15 triples against a budget of 40 per hour: the third needs the flag,
    and with it a snapshot is written."""
    flask_app = create_app({"STORE": open_store("oxigraph"), "UPDATE_TOKEN": TOKEN,
                            "SPARQL_WORKERS": 1, "MAX_DELETE_TRIPLES": 20, "DELETE_BUDGET": 40,
                            "AUDIT_LOG": str(tmp_path / "audit.jsonl"),
                            "SNAPSHOT_DIR": str(tmp_path / "snapshots")})
    try:
        client = flask_app.test_client()
        altlabels = flask_app.extensions["exgraph_store"].select(
            "SELECT ?s ?l WHERE { ?s <http://www.w3.org/2004/02/skos/core#altLabel> ?l } "
            "ORDER BY ?s ?l LIMIT 45")
        batches = [altlabels[i:i + 15] for i in range(0, 45, 15)]

        def delete(batch: list[Any]) -> str:
            body = " ".join(f"<{row['s']}> skos:altLabel {row['l'].n3()} ." for row in batch)
            return PREFIXES + f"DELETE DATA {{ {body} }}"

        assert post_update(client, delete(batches[0]), AUTH)[0] == 200
        assert post_update(client, delete(batches[1]), AUTH)[0] == 200
        status, body = post_update(client, delete(batches[2]), AUTH)
        assert status == 400 and "DELETE_BUDGET (40" in body["error"], body
        assert not (tmp_path / "snapshots").exists()
        status, body = post_update(client, delete(batches[2]), ALLOW)
        assert status == 200, body
        assert audit(flask_app)[-1]["snapshot"].startswith(str(tmp_path / "snapshots"))
    finally:
        service(flask_app).close()


@pytest.mark.parametrize(("update", "error"), [
    (PREFIXES + f'INSERT DATA {{ <{EXERCISE}> exg:summary "bell\\u0007here" }}', "U+0007"),
    (PREFIXES + f'INSERT DATA {{ <{EXERCISE}> exg:summary "esc\\u001b[31m" }}', "U+001B"),
    (PREFIXES + f"INSERT DATA {{ <{EXERCISE}> exg:tag _:b }}", "blank nodes"),
    (PREFIXES + f"INSERT {{ <{EXERCISE}> exg:tag ?b }} WHERE {{ BIND(BNODE() AS ?b) }}",
     "blank nodes"),
], ids=["bell", "escape", "blank-node", "bnode-function"])
def test_control_characters_and_blank_nodes_are_refused(app: Flask, update: str,
                                                         error: str) -> None:
    store = app.extensions["exgraph_store"]
    before = quads(store)
    status, body = post_update(app.test_client(), update, AUTH)
    assert status == 400 and error in body["error"], body
    assert quads(store) == before


def test_refusals_without_the_token_are_counted_and_sampled(app: Flask) -> None:
    client = app.test_client()
    for _ in range(50):
        assert post_update(client, VALID, {"Authorization": "Bearer wrong"})[0] == 403
    [line] = audit(app)  # the first refusal; the next 49 wait for the interval
    assert line["sampled"] is True and line["refusals"] == 1 and "update" not in line
    assert service(app).refusals.total == 50


def test_refusals_are_not_logged_when_updates_are_off(tmp_path: Path) -> None:
    flask_app = create_app({"STORE": open_store("oxigraph"), "SPARQL_WORKERS": 1,
                            "AUDIT_LOG": str(tmp_path / "audit.jsonl")})
    for _ in range(20):
        status, _ = post_update(flask_app.test_client(), VALID, AUTH)
        assert status == 403
    assert not (tmp_path / "audit.jsonl").exists()
    assert service(flask_app).refusals.total == 20


def test_the_audit_log_rotates_by_size(tmp_path: Path) -> None:
    log = AuditLog(tmp_path / "audit.jsonl", max_bytes=1000, keep=2)
    for number in range(100):
        log.append({"n": number, "pad": "x" * 50})
    files = [log.path, *log.rotated()]
    assert [path.name for path in files] == ["audit.jsonl", "audit.jsonl.1", "audit.jsonl.2"]
    assert all(path.stat().st_size <= 1000 for path in files)
    numbers = [record["n"] for record in log.records(rotated=True)]
    assert numbers == list(range(numbers[0], 100)) and numbers[0] > 0  # the oldest are gone


def test_snapshots_keep_a_count_and_a_size_and_check_free_space(tmp_path: Path) -> None:
    from exgraph.graph.backups import Retention, SnapshotRefused, snapshots, write_snapshot

    store = OxigraphStore(ox.Store())
    store.ox.add(ox.Quad(ox.NamedNode("urn:x:s"), ox.NamedNode("urn:x:p"), ox.Literal("o")))
    directory = tmp_path / "snapshots"
    written = [write_snapshot(store, directory, retention=Retention(keep=3))
               for _ in range(5)]
    assert snapshots(directory) == written[-3:]
    size = written[-1].stat().st_size
    write_snapshot(store, directory, retention=Retention(max_bytes=2 * size))
    assert len(snapshots(directory)) == 2
    with pytest.raises(SnapshotRefused, match="SNAPSHOT_MAX_BYTES"):
        write_snapshot(store, directory, retention=Retention(max_bytes=size - 1))
    with pytest.raises(SnapshotRefused, match="SNAPSHOT_MIN_FREE_BYTES"):
        write_snapshot(store, directory, retention=Retention(keep=1, min_free_bytes=2**62))
    assert len(snapshots(directory)) == 2  # a refusal removes nothing


def test_a_snapshot_that_does_not_fit_refuses_the_update(tmp_path: Path) -> None:
    flask_app = create_app({"STORE": open_store("oxigraph"), "UPDATE_TOKEN": TOKEN,
                            "SPARQL_WORKERS": 1, "SNAPSHOT_MIN_FREE_BYTES": 2**62,
                            "AUDIT_LOG": str(tmp_path / "audit.jsonl"),
                            "SNAPSHOT_DIR": str(tmp_path / "snapshots")})
    try:
        store = flask_app.extensions["exgraph_store"]
        before = quads(store)
        status, body = post_update(flask_app.test_client(), "DROP ALL", ALLOW)
        assert status == 507 and "nothing was changed" in body["error"], body
        assert quads(store) == before
    finally:
        service(flask_app).close()
