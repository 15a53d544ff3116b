"""Training history: the importers on realistic exports, the private store, progress and volume.

The fixtures in tests/fixtures/history/ were written by hand in each app's export format; every
expected count below is counted from those files (the comments say which lines).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pyshacl import validate
from rdflib import Graph, Literal, URIRef

from exgraph.config import SHAPES_FILE
from exgraph.errors import BadRequest, DataError, NotFound
from exgraph.graph.store import Store
from exgraph.history.log import History
from exgraph.history.mapping import read_mapping, write_mapping
from exgraph.history.parse import parse
from exgraph.history.stats import (
    brzycki,
    epley,
    exercise_groups,
    progress,
    session_json,
    volume,
)
from exgraph.history.users import Unauthorized, User
from exgraph.records.build import records_for
from tests.paths import TESTS

FIXTURES = TESTS / "fixtures" / "history"


@pytest.fixture
def history(tmp_path: Path) -> Iterator[History]:
    found = History(tmp_path / "history")
    yield found
    found.close()


@pytest.fixture
def alice(history: History) -> User:
    return history.users.add("alice")[0]


def _import(history: History, user: User, name: str, public: Store, **options: Any
            ) -> dict[str, Any]:
    data = (FIXTURES / name).read_bytes()
    return history.import_file(user, data, name, public, **options).as_json()


def _reasons(report: dict[str, Any]) -> dict[str, int]:
    reasons: dict[str, int] = report["skipped_by_reason"]
    return reasons


# Parsing ------------------------------------------------------------------------------------

def test_strong_rows_become_sets_or_reasons() -> None:
    parsed = parse((FIXTURES / "strong_kg.csv").read_bytes(), "strong_kg.csv")
    assert parsed.format == "strong" and parsed.rows == 24
    # line 5: the rest timer; line 19: Weight "heavy"
    assert parsed.skipped == [
        {"line": 5, "reason": "a rest timer between sets, not a set"},
        {"line": 19, "reason": "Weight 'heavy' is not a number"}]
    assert len(parsed.sessions) == 4 and parsed.sets == 22
    push = next(s for s in parsed.sessions.values() if s.date == "2024-01-08")
    assert (push.title, push.duration_s) == ("Push Day", 65 * 60)
    bench = [s for s in push.sets if s.name == "Bench Press (Barbell)"]
    assert [(s.type, s.order, s.load, s.reps) for s in bench] == [
        ("warmup", 1, 40, 10), ("warmup", 2, 60, 5), ("working", 3, 80, 5),
        ("working", 4, 80, 5), ("working", 5, 80, 5)]
    assert bench[-1].rpe == 8.5 and bench[-1].source_line == 7
    later = next(s for s in parsed.sessions.values() if s.date == "2024-01-15")
    assert [s.load for s in later.sets if s.name.startswith("Bench")][-2:] == [82.5, 82.5]
    run = next(s for s in parsed.sessions.values() if s.title == "Cardio").sets[0]
    assert (run.distance_m, run.duration_s) == (5200, 1800)


def test_semicolon_csv_with_decimal_commas_in_pounds() -> None:
    parsed = parse((FIXTURES / "strong_lb_semicolon.csv").read_bytes(), "x.csv", unit="lb")
    (session,) = parsed.sessions.values()
    squat = [s for s in session.sets if s.name == "Squat (Barbell)"]
    assert [(s.load, s.unit, s.rpe) for s in squat] == [
        (135, "lb", None), (227.5, "lb", 7.5), (227.5, "lb", 8), (227.5, "lb", 10)]
    assert squat[1].load_kg == pytest.approx(227.5 * 0.45359237)
    assert parsed.skipped == [{"line": 4, "reason": "a rest timer between sets, not a set"}]


def test_hevy_set_index_from_zero_types_supersets_and_both_timestamp_styles() -> None:
    parsed = parse((FIXTURES / "hevy_kg.csv").read_bytes(), "hevy_kg.csv")
    assert parsed.format == "hevy" and parsed.rows == 18
    assert parsed.skipped == [{"line": 19, "reason": "an empty set: no reps, weight, distance "
                                                     "or time"}]
    upper = next(s for s in parsed.sessions.values() if s.title == "Upper A")
    assert upper.start.isoformat() == "2024-01-22T18:00:00" and upper.duration_s == 70 * 60
    assert [(s.order, s.type) for s in upper.sets if s.name.startswith("Bench")] == [
        (1, "warmup"), (2, "working"), (3, "working"), (4, "drop")]
    assert {s.superset for s in upper.sets if s.name in ("Seated Cable Row",
                                                         "Face Pull (Cable)")} == {"0"}
    plank = next(s for s in upper.sets if s.name == "Plank")
    assert (plank.reps, plank.load, plank.duration_s) == (None, None, 60)
    lbs = parse((FIXTURES / "hevy_lbs.csv").read_bytes(), "hevy_lbs.csv")
    starts = sorted(s.start.isoformat() for s in lbs.sessions.values())
    assert starts == ["2024-02-03T10:00:00", "2024-02-05T10:00:00"]  # "3 Feb 2024, 10:00", ISO
    row = next(s for x in lbs.sessions.values() for s in x.sets if s.name == "Rowing (Machine)")
    assert row.distance_m == pytest.approx(1.25 * 1609.344)
    assert all(s.unit == "lb" for x in lbs.sessions.values() for s in x.sets if s.load)


@pytest.mark.parametrize(("data", "message"), [
    (b"", "line 1: not a Strong CSV"),
    (b"a,b,c\n1,2,3\n", "line 1: not a Strong CSV"),
    (b"Date,Workout Name,Exercise Name\n2024-01-01,x,y\n", "needs the columns Set Order"),
    (b"Date,Workout Name,Exercise Name,Set Order,Weight,Reps\n" + b"\xff\xfe\n",
     "not UTF-8"),
    (b'{"format": "other"}', "exgraph JSON is an object"),
])
def test_files_that_are_no_export_are_refused_naming_file_and_line(data: bytes,
                                                                   message: str) -> None:
    with pytest.raises(BadRequest, match=message) as caught:
        parse(data, "bad.csv")
    assert str(caught.value).startswith("bad.csv: ")


@pytest.mark.parametrize(("fmt", "message"), [
    ("hevy", "a Hevy CSV needs the columns title"),
    ("strong", "a Strong CSV needs the columns Date"),
])
def test_a_named_format_checks_the_header_even_without_rows(fmt: str, message: str) -> None:
    """A file that is not the format asked for is refused, rows or none (found by fuzzing the
    import route: a JSON body with format=hevy was a 200 importing nothing)."""
    with pytest.raises(BadRequest, match=f"bad.json: line 1: {message}"):
        parse(b'{"sessions": []}', "bad.json", fmt)
    header_only = parse(b"Date,Workout Name,Exercise Name,Set Order,Weight,Reps\n", "s.csv",
                        "strong")
    assert (header_only.rows, header_only.sessions) == (0, {})


def test_the_row_bound_names_the_line() -> None:
    data = (FIXTURES / "strong_kg.csv").read_bytes()
    with pytest.raises(BadRequest, match=r"strong_kg.csv: line 12: more than 10 rows"):
        parse(data, "strong_kg.csv", max_rows=10)


# Importing ----------------------------------------------------------------------------------

def test_strong_import_then_reimport_adds_nothing(history: History, alice: User,
                                                  full_store: Store) -> None:
    first = _import(history, alice, "strong_kg.csv", full_store)
    # 24 rows: 1 rest timer, 1 bad weight, Hamster Press and Running unmapped -> 20 sets
    assert (first["rows"], first["imported_sets"], first["new_sessions"]) == (24, 20, 3)
    assert _reasons(first) == {"Weight 'heavy' is not a number": 1,
                               "a rest timer between sets, not a set": 1,
                               "unmapped exercise name": 2}
    assert [u["name"] for u in first["unmapped"]] == ["Hamster Press (Machine)", "Running"]
    assert {m["name"]: m["exercise"] for m in first["mapped"]}["Bench Press (Barbell)"] == \
        "bench-press"
    assert history.log(alice).sets == 20
    again = _import(history, alice, "strong_kg.csv", full_store)
    assert (again["imported_sets"], again["new_sessions"]) == (0, 0)
    assert _reasons(again)["already in the log"] == 20
    assert history.log(alice).sets == 20


def test_a_mapping_file_maps_what_the_lookup_could_not(history: History, alice: User,
                                                        full_store: Store,
                                                        tmp_path: Path) -> None:
    report = history.import_file(alice, (FIXTURES / "strong_kg.csv").read_bytes(), "s.csv",
                                 full_store)
    mapping_file = tmp_path / "mapping.csv"
    assert write_mapping(mapping_file, {}, report.unmapped) == 2
    text = mapping_file.read_text().replace("Running,", "Running,running-treadmill")
    mapping_file.write_text(text)
    rerun = history.import_file(alice, (FIXTURES / "strong_kg.csv").read_bytes(), "s.csv",
                                full_store, mapping=read_mapping(mapping_file)).as_json()
    assert (rerun["imported_sets"], rerun["new_sessions"]) == (1, 1)
    assert [u["name"] for u in rerun["unmapped"]] == ["Hamster Press (Machine)"]
    run = next(s for x in history.log(alice).sessions.values() for s in x.sets
               if s.name == "Running")
    assert (run.exercise, run.distance_m, run.source_line) == ("running-treadmill", 5200, 25)


def test_hevy_and_json_imports(history: History, alice: User, full_store: Store) -> None:
    hevy = _import(history, alice, "hevy_kg.csv", full_store)
    # 18 rows: line 18 unmapped (Sissy Squat Contraption), line 19 an empty set
    assert (hevy["imported_sets"], hevy["new_sessions"]) == (16, 2)
    assert _reasons(hevy) == {"an empty set: no reps, weight, distance or time": 1,
                              "unmapped exercise name": 1}
    own = _import(history, alice, "exgraph_log.json", full_store)
    assert (own["imported_sets"], own["new_sessions"]) == (5, 1)
    assert own["skipped"] == [{"path": "/sessions/1",
                               "reason": "sets/0: type 'giant': one of warmup, working, "
                                         "drop, failure"}]
    pulls = next(s for x in history.log(alice).sessions.values() for s in x.sets
                 if s.name == "Pull Up")
    assert (pulls.exercise, pulls.source_path) == ("pullups", "/sessions/0/sets/3")


def test_the_private_graph_conforms_to_the_shapes_and_keeps_file_and_line(
        history: History, alice: User, full_store: Store) -> None:
    for name in ("strong_kg.csv", "hevy_lbs.csv", "exgraph_log.json"):
        _import(history, alice, name, full_store)
    graph = Graph().parse(data=history.export(alice, "jsonld").decode(), format="json-ld")
    shapes = Graph().parse(SHAPES_FILE)
    ontology = Graph().parse(SHAPES_FILE.with_name("exgraph.ttl"))
    conforms, _g, text = validate(graph, shacl_graph=shapes, ont_graph=ontology)
    assert conforms, text
    exg = "https://w3id.org/exgraph/ontology#"
    strong = {int(str(line)) for s in graph.subjects(URIRef(exg + "sourceFile"),
                                                Literal("strong_kg.csv"))
              for line in graph.objects(s, URIRef(exg + "sourceLine"))}
    # 24 rows on lines 2-25: not the rest timer (5), the bad weight (19) nor the unmapped (24, 25)
    assert strong == set(range(2, 26)) - {5, 19, 24, 25}


def test_deleting_a_workout_and_a_user(history: History, alice: User, full_store: Store) -> None:
    bob = history.users.add("bob")[0]
    _import(history, alice, "hevy_kg.csv", full_store)
    _import(history, bob, "hevy_kg.csv", full_store)
    lower = next(s for s in history.log(alice).sessions.values() if s.title == "Lower A")
    assert history.delete_session(alice, lower.id) == 6
    assert lower.id not in history.log(alice).sessions
    assert lower.id in history.log(bob).sessions  # same file, same ids, separate graphs
    with pytest.raises(NotFound):
        history.delete_session(alice, lower.id)
    history.delete_user(alice)
    assert history.export(alice, "nquads") == b""
    assert history.log(bob).sets == 16
    with pytest.raises(NotFound):
        history.users.get("alice")


# Users --------------------------------------------------------------------------------------

def test_tokens_are_stored_hashed_and_checked(history: History) -> None:
    user, token = history.users.add("carol")
    assert token not in history.users.path.read_text()
    assert oct(history.users.path.stat().st_mode & 0o777) == "0o600"
    assert history.users.authenticate(f"Bearer {token}") == user
    assert history.users.authenticate(f"Bearer {token}") == user  # the remembered digest
    wrong = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
    for header in (None, "", token, f"Bearer {wrong}", "Bearer exg_0000000000000000_" + "x" * 43,
                   f"Basic {token}"):
        with pytest.raises(Unauthorized):
            history.users.authenticate(header)
    with pytest.raises(BadRequest, match="exists"):
        history.users.add("carol")
    with pytest.raises(BadRequest, match="user name"):
        history.users.add("../etc")


# Progress and volume ------------------------------------------------------------------------

@pytest.mark.parametrize(("load", "reps", "epley_kg", "brzycki_kg"), [
    (100, 1, 100, 100), (100, 5, 116.67, 112.5), (100, 10, 133.33, 133.33),
    (60, 12, 84, 86.4)])
def test_one_rep_max_formulas(load: float, reps: int, epley_kg: float, brzycki_kg: float) -> None:
    assert epley(load, reps) == pytest.approx(epley_kg, abs=0.01)
    assert brzycki(load, reps) == pytest.approx(brzycki_kg, abs=0.01)
    assert brzycki(100, 37) is None


def test_progress_per_session(history: History, alice: User, full_store: Store) -> None:
    _import(history, alice, "strong_kg.csv", full_store)
    _import(history, alice, "hevy_kg.csv", full_store)
    rows = progress(history.log(alice), "bench-press")
    assert [r["date"] for r in rows] == ["2024-01-08", "2024-01-15", "2024-01-22"]
    first, second, third = rows
    assert first["best_set"]["load_kg"] == 80 and first["working_sets"] == 3  # warm-ups out
    assert first["volume_load_kg"] == 3 * 80 * 5
    assert first["e1rm_kg"] == {"epley": 93.3, "brzycki": 90.0}
    assert second["volume_load_kg"] == 82.5 * 5 * 2 + 82.5 * 4
    assert (second["best_set"]["source"], second["low_confidence"]) == (
        {"file": "strong_kg.csv", "line": 21}, False)
    # Hevy's session: two working sets of 85 x 5 and a drop set of 60 x 10
    assert third["best_set"]["load_kg"] == 85 and third["volume_load_kg"] == 85 * 10 + 600


def test_low_confidence_above_ten_reps(history: History, alice: User, full_store: Store) -> None:
    _import(history, alice, "strong_lb_semicolon.csv", full_store, unit="lb")
    (row,) = progress(history.log(alice), "barbell-squat")
    # 227.5 lb x 12 (line 6) beats 227.5 lb x 5 by Epley: an estimate from 12 reps
    assert (row["best_set"]["reps"], row["low_confidence"]) == (12, True)
    assert row["e1rm_kg"]["epley"] == round(227.5 * 0.45359237 * (1 + 12 / 30), 1)


def test_weekly_volume_counts_primary_one_secondary_half(history: History, alice: User,
                                                         full_store: Store) -> None:
    _import(history, alice, "hevy_kg.csv", full_store)
    records = records_for(full_store)
    body = volume(history.log(alice), records, weeks=2)
    assert [w["week"] for w in body["weeks"]] == ["2024-W03", "2024-W04"]
    assert body["weeks"][0]["sets"] == {}
    expected: dict[str, float] = {}
    log = history.log(alice)
    for session in log.sessions.values():
        for logged in session.sets:
            if logged.type != "warmup":
                for group, weight in exercise_groups(records, str(logged.exercise)):
                    expected[group] = expected.get(group, 0) + weight
    assert body["weeks"][1]["sets"] == pytest.approx(expected)
    # by hand: the squat's primary muscles are in the legs group; 3 working sets count 3 there
    squat = exercise_groups(records, "barbell-squat")
    assert squat and all(w in (1.0, 0.5) for _g, w in squat)
    assert len({g for g, _w in squat}) == len(squat)  # a group counts once per set
    with pytest.raises(BadRequest):
        volume(log, records, weeks=0)


def test_two_processes_on_one_directory_see_each_others_writes(
        tmp_path: Path, full_store: Store) -> None:
    """``exgraph log import`` beside a running server: each History reads again a log another
    one changed (the file's size and mtime), and never loses the other's sets."""
    server, cli = History(tmp_path), History(tmp_path)
    alice = server.users.add("alice")[0]
    assert server.log(alice).sets == 0
    first = _import(cli, cli.users.get("alice"), "strong_kg.csv", full_store)
    assert server.log(alice).sets == first["imported_sets"] > 0
    second = _import(server, alice, "hevy_kg.csv", full_store)
    assert cli.log(cli.users.get("alice")).set_ids == server.log(alice).set_ids
    assert cli.log(alice).sets == first["imported_sets"] + second["imported_sets"]
    cli.delete_session(alice, next(iter(cli.log(alice).sessions)))
    assert server.log(alice).set_ids == cli.log(alice).set_ids


def test_a_line_being_appended_is_not_read_half(history: History, alice: User,
                                                full_store: Store) -> None:
    """Another process's append may be half written when a reader reads: whole lines only."""
    _import(history, alice, "hevy_kg.csv", full_store)
    before, exported = history.log(alice).set_ids, history.export(alice, "nquads")
    with history.path(alice).open("ab") as handle:
        handle.write(b'<urn:exgraph:user:x:set:y> <https://w3id.org/exgraph/ontology#reps> "')
    history.forget()
    assert history.log(alice).set_ids == before
    assert history.export(alice, "nquads") == exported


def test_a_broken_log_file_is_a_clear_error(history: History, alice: User) -> None:
    history.path(alice).write_text("<urn:x> not n-quads\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"\.nq: the log does not parse as N-Quads"):
        history.log(alice)


def test_the_logs_kept_in_memory_are_bounded(tmp_path: Path, full_store: Store) -> None:
    history = History(tmp_path, max_cached_sets=1)
    alice, bob = history.users.add("alice")[0], history.users.add("bob")[0]
    _import(history, alice, "hevy_kg.csv", full_store)
    _import(history, bob, "hevy_kg.csv", full_store)
    assert list(history._logs) == [bob.id]  # alice's log was dropped, and is read again
    assert history.log(bob).sets == history.log(alice).sets > 0
    assert list(history._logs) == [alice.id]


def test_the_log_kept_after_imports_is_the_log_read_back(history: History, alice: User,
                                                         full_store: Store) -> None:
    for name in ("strong_kg.csv", "hevy_kg.csv", "hevy_lbs.csv", "exgraph_log.json"):
        _import(history, alice, name, full_store)
    kept = history.log(alice)
    history.forget()  # what a restart reads
    read = history.log(alice)
    assert read is not kept and read.set_ids == kept.set_ids
    assert {k: session_json(s) for k, s in read.sessions.items()} == {
        k: session_json(s) for k, s in kept.sessions.items()}


def test_wger_logs_map_exercise_ids_through_the_wger_import(history: History, alice: User,
                                                            full_store: Store) -> None:
    """wger_api_log.json: the REST API's page, 14 entries; wger_dump.json: a Django dump of
    older wger (exercise_base, reps), 8 records. Ids as the wger import labels its sources
    (data/imported/wger.ttl, ``wger exercise 615 (UUID)``): 615 Squat, 73 Bench Press,
    458 Plank, 475 Pull-ups, 184 Deadlift, 92 Dumbbell Biceps Curl, 507 Romanian Deadlift;
    99999 is no wger exercise."""
    api = _import(history, alice, "wger_api_log.json", full_store)
    assert api["format"] == "wger" and api["rows"] == 14
    # imported: 3 squat, 2 bench, plank (60 s), pull-ups to failure, 2 deadlift (lb), 1 curl
    assert api["imported_sets"] == 10 and api["new_sessions"] == 2
    assert _reasons(api) == {"date 'yesterday': not a time (2024-01-05 18:30:00 or 5 Jan 2024, "
                             "18:30)": 1, "repetitions 7.5 is not a whole number": 1,
                             "unmapped exercise name": 1,
                             "weight_unit '3': a load in kg (1) or lb (2)": 1}
    assert [u["name"] for u in api["unmapped"]] == ["wger exercise 99999"]
    how = {m["name"]: (m["exercise"], m["how"]) for m in api["mapped"]}
    assert how["wger exercise 615"] == ("barbell-squat", "wger id, the wger import")
    assert how["wger exercise 73"][0] == "bench-press"
    log = history.log(alice)
    sets = {s.source_path: s for session in log.sessions.values() for s in session.sets}
    plank, pullups, deadlift = sets["/results/5"], sets["/results/6"], sets["/results/7"]
    assert (plank.exercise, plank.duration_s, plank.reps) == ("plank", 60.0, None)
    assert (pullups.type, pullups.reps, pullups.rir) == ("failure", 9, 0.0)
    assert (deadlift.load, deadlift.unit, deadlift.exercise) == (308.0, "lb", "barbell-deadlift")
    squat_day = next(v for v in log.sessions.values() if sets["/results/2"] in v.sets)
    assert [s.order for s in squat_day.sets if s.exercise == "barbell-squat"] == [1, 2, 3]
    again = _import(history, alice, "wger_api_log.json", full_store)
    assert again["imported_sets"] == 0 and _reasons(again)["already in the log"] == 10
    dump = _import(history, alice, "wger_dump.json", full_store)
    assert dump["rows"] == 8 and dump["imported_sets"] == 4  # 2 squat, RDL, 1 bench
    assert _reasons(dump) == {"a manager.workoutsession record, not a workout log": 1,
                              "RIR 11: from 0 to 10": 1,
                              "an empty set: no reps, weight, distance or time": 1,
                              "exercise: the wger exercise id (a whole number)": 1}
    rdl = next(s for session in history.log(alice).sessions.values() for s in session.sets
               if s.source_path == "/3")
    assert (rdl.exercise, rdl.load, rdl.source_file) == ("romanian-deadlift", 80.5,
                                                         "wger_dump.json")
