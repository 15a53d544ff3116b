"""Plans from history: the next session's loads by the documented rules, substitutes the lifter
logs, extra sets for groups under their range, and every number's logged sets named.

tests/fixtures/history/strong_progression.csv is nine sessions (three weeks, Monday, Wednesday,
Friday) written for these rules: the bench press reaches 8 reps on every set at 62.5 kg in the
last session; the squat's best estimated maximum (Epley) is 120 kg, 100 kg x 6 in session 3, and
its last three sessions stay under it at 102.5 kg; the deadlift's last session is 127.5 kg x 5, 5;
a lat pulldown and a seated cable row every session, no chest fly, no leg curl, no abs.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from flask.testing import FlaskClient

from exgraph.cli.main import main
from exgraph.graph.store import Store
from exgraph.history.log import History
from exgraph.history.plan import STEP, next_load, plan_from_history
from exgraph.history.users import User
from exgraph.web.app import create_app
from tests.paths import TESTS

FIXTURE = TESTS / "fixtures" / "history" / "strong_progression.csv"
REQUEST: dict[str, Any] = {
    "goal": "strength", "days": 3, "level": "intermediate",
    "equipment": ["barbell", "bench", "squat-rack", "cable-station", "lat-pulldown-station",
                  "seated-cable-row-station", "dumbbell"]}


@pytest.fixture
def history(tmp_path: Path) -> Iterator[History]:
    found = History(tmp_path / "history")
    yield found
    found.close()


@pytest.fixture
def lifter(history: History, full_store: Store) -> User:
    user = history.users.add("lifter")[0]
    report = history.import_file(user, FIXTURE.read_bytes(), FIXTURE.name, full_store).as_json()
    assert report["unmapped"] == [] and report["imported_sets"] > 100
    return user


def _rows() -> dict[int, dict[str, str]]:
    with FIXTURE.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = {}
        for row in reader:
            rows[reader.line_num] = row  # the line a row ends on: one line each here
        return rows


def _check_cited(cited: list[dict[str, Any]], log_name: str | None = None) -> None:
    """Each cited set is the file's line: same load, reps and (when given) exercise name."""
    rows = _rows()
    assert cited
    for spot in cited:
        assert spot["file"] == FIXTURE.name
        row = rows[spot["line"]]
        assert float(row["Weight"]) == spot["load"] and int(row["Reps"]) == spot["reps"]
        assert row["Date"].startswith(spot["date"])
        if log_name is not None:
            assert row["Exercise Name"] == log_name


# The rules, on the log as read back ---------------------------------------------------------

def test_all_sets_at_the_top_add_the_smallest_step(history: History, lifter: User) -> None:
    found = next_load(history.log(lifter).of_exercise("bench-press"), (6, 8))
    assert found is not None
    assert (found["rule"], found["load"], found["unit"], found["reps"]) == (
        "add load", 62.5 + STEP["kg"], "kg", 6)
    assert [c["reps"] for c in found["from_sets"]] == [8, 8, 8]
    _check_cited(found["from_sets"], "Bench Press (Barbell)")
    assert {c["date"] for c in found["from_sets"]} == {"2024-03-22"}


def test_short_of_the_top_adds_reps_at_the_same_load(history: History, lifter: User) -> None:
    found = next_load(history.log(lifter).of_exercise("bench-press"), (8, 10))
    assert found is not None
    assert (found["rule"], found["load"], found["reps"]) == ("add reps", 62.5, 9)
    found = next_load(history.log(lifter).of_exercise("barbell-deadlift"), (3, 6))
    assert found is not None and (found["rule"], found["load"], found["reps"]) == (
        "add reps", 127.5, 6)
    _check_cited(found["from_sets"], "Deadlift (Barbell)")


def test_three_sessions_under_the_best_deload_ten_percent(history: History,
                                                           lifter: User) -> None:
    found = next_load(history.log(lifter).of_exercise("barbell-squat"), (3, 6))
    assert found is not None
    # 90 % of 102.5 kg is 92.25, rounded to the 2.5 kg step
    assert (found["rule"], found["load"], found["reps"]) == ("deload", 92.5, 3)
    cited = found["from_sets"]
    _check_cited(cited, "Squat (Barbell)")
    assert {c["date"] for c in cited} == {"2024-03-18", "2024-03-20", "2024-03-22",
                                          "2024-03-08"}  # the stall, and the best before it
    assert cited[-1]["load"] == 100 and cited[-1]["reps"] == 6


def test_a_new_best_in_the_last_three_is_no_stall(history: History, lifter: User) -> None:
    sessions = history.log(lifter).of_exercise("barbell-squat")
    # 95x5, 100x5, then 100x6 (120 kg, a new best), 102.5x5, 102.5x5,5,4: no deload
    found = next_load(sessions[:5], (3, 6))
    assert found is not None
    assert (found["rule"], found["load"], found["reps"]) == ("add reps", 102.5, 5)
    assert next_load([], (3, 6)) is None


def test_pounds_step_in_pounds(history: History, full_store: Store) -> None:
    user = history.users.add("imperial")[0]
    data = FIXTURE.read_bytes()
    history.import_file(user, data, FIXTURE.name, full_store, unit="lb")
    found = next_load(history.log(user).of_exercise("bench-press"), (6, 8))
    assert found is not None
    assert (found["unit"], found["load"]) == ("lb", 62.5 + STEP["lb"])


# The plan -----------------------------------------------------------------------------------

def test_a_plan_from_the_log(history: History, lifter: User, full_store: Store) -> None:
    log = history.log(lifter)
    result = plan_from_history(full_store, REQUEST, log)
    doc = result.as_json()
    planned = [ex.slug for ex in result.plan.exercises()]
    logged = {s.exercise for session in log.sessions.values() for s in session.sets}
    # substitutes: each replaced exercise is out of the plan, its substitute in it and logged
    for swap in doc["replaced"]:
        assert swap["exercise"] not in planned and swap["exercise"] not in logged
        assert swap["by"] in planned and swap["by"] in logged
        _check_cited(swap["from_sets"])
    for kept in doc["not_replaced"]:
        assert kept["exercise"] in planned and kept["exercise"] not in logged
    assert doc["replaced"], "the base plan picks exercises this log never holds"
    # one next-session entry per planned exercise; with history, its sets cited
    assert [e["exercise"] for e in doc["next_session"]] == planned
    for entry in doc["next_session"]:
        if entry["exercise"] in logged:
            assert entry["rule"] in ("add load", "add reps", "deload")
            _check_cited(entry["from_sets"])
        else:
            assert entry["rule"] == "no history" and entry["from_sets"] == []
    # volume: chest and abdominals are under the range (no fly, no abs); emphasised
    under = {v["group"] for v in doc["volume"] if v["under"]}
    assert "abdominals" in under
    for row in doc["volume"]:
        assert (row["logged_weekly_sets"] < row["range"][0]) == row["under"]
    assert set(result.plan.request.emphasise) >= {"abdominals"} or doc["notes"]


def test_the_lifters_own_include_and_exclude_hold(history: History, lifter: User,
                                                  full_store: Store) -> None:
    result = plan_from_history(full_store, {**REQUEST, "exclude": ["bench-press"]},
                               history.log(lifter))
    assert "bench-press" not in {ex.slug for ex in result.plan.exercises()}


def test_an_empty_log_gives_the_plan_for_anyone(history: History, full_store: Store) -> None:
    user = history.users.add("new")[0]
    result = plan_from_history(full_store, REQUEST, history.log(user))
    assert result.replaced == [] and result.volume == []
    assert {e["rule"] for e in result.loads} == {"no history"}


# API and command line -----------------------------------------------------------------------

@pytest.fixture
def client(tmp_path: Path, full_store: Store) -> Iterator[tuple[FlaskClient, dict[str, str]]]:
    app = create_app({"STORE": full_store, "TESTING": True, "HISTORY_DIR": str(tmp_path)})
    with app.test_client() as found:
        tokens = {}
        history = History(tmp_path)  # as `exgraph users add` and `exgraph log import` do
        alice, tokens["alice"] = history.users.add("alice")
        _bob, tokens["bob"] = history.users.add("bob")
        history.import_file(alice, FIXTURE.read_bytes(), FIXTURE.name, full_store)
        yield found, tokens


def test_the_api_plans_from_the_tokens_log(client: tuple[FlaskClient, dict[str, str]]) -> None:
    http, tokens = client
    mine = http.post("/api/v1/plans", json={**REQUEST, "history": "me"},
                     headers={"Authorization": f"Bearer {tokens['alice']}"})
    assert mine.status_code == 200, mine.get_json()
    assert mine.headers["Cache-Control"] == "no-store"
    body = mine.get_json()
    rules = {e["exercise"]: e["rule"] for e in body["history"]["next_session"]}
    assert set(rules) == {e["id"] for e in body["exercises"]}
    assert set(rules.values()) - {"no history"}
    theirs = http.post("/api/v1/plans", json={**REQUEST, "history": "me"},
                       headers={"Authorization": f"Bearer {tokens['bob']}"}).get_json()
    assert {e["rule"] for e in theirs["history"]["next_session"]} == {"no history"}
    for headers in ({}, {"Authorization": "Bearer nope"}):
        denied = http.post("/api/v1/plans", json={**REQUEST, "history": "me"}, headers=headers)
        assert denied.status_code == 401 and "Bearer" in denied.headers["WWW-Authenticate"]
        assert denied.get_json()["ok"] is False
    bad = http.post("/api/v1/plans", json={**REQUEST, "history": "alice"},
                    headers={"Authorization": f"Bearer {tokens['alice']}"})
    assert bad.status_code == 400 and "history" in bad.get_json()["error"]
    get = http.get("/api/v1/plans?goal=strength&days=3&history=me",
                   headers={"Authorization": f"Bearer {tokens['alice']}"})
    assert get.status_code == 400 and "POST" in get.get_json()["error"]


def test_the_cli_plans_from_a_users_log(tmp_path: Path, full_store: Store,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXGRAPH_IMPORTS", "1")  # the graph full_store is
    history = History(tmp_path)
    user = history.users.add("lifter")[0]
    history.import_file(user, FIXTURE.read_bytes(), FIXTURE.name, full_store)
    args = ["plan", "--goal", "strength", "--days", "3", "--level", "intermediate",
            "--equipment", ",".join(REQUEST["equipment"]), "--history-user", "lifter",
            "--history-dir", str(tmp_path)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "From your log" in result.output and "Next session:" in result.output
    assert f"{FIXTURE.name}:" in result.output  # loads name their file and line
    missing = CliRunner().invoke(main, [*args[:-3], "nobody", "--history-dir", str(tmp_path)])
    assert missing.exit_code != 0 and "nobody" in missing.output
