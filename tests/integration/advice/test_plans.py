"""Training plans (issue 15) on the graph users get: a table of requests whose every plan keeps to
the equipment, the level and the numbers' source ranges, covers the major muscle groups (or says
why not) and explains each choice; impossible requests are one 400 naming what is missing; the
API, the exports (Turtle, JSON-LD, iCalendar), the CLI and the page."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator
from typing import Any

import pytest
from click.testing import CliRunner
from flask.testing import FlaskClient
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from exgraph.cli.main import main
from exgraph.graph.store import Store
from exgraph.plans import facts_for, plan_for
from exgraph.plans.build import MAJOR, Builder
from exgraph.plans.export import plan_ics, plan_json
from exgraph.plans.request import parse_request
from exgraph.queries.substitutes import Engine, engine_for
from exgraph.vocab.terms import SCHEMA
from exgraph.web.app import create_app

pytestmark = pytest.mark.slow
SMALL = {"biceps", "triceps", "abdominals"}

#: goal x equipment x days x level: every goal, five kits, two to five days, every level.
REQUESTS: list[dict[str, Any]] = [
    {"goal": "hypertrophy", "equipment": "dumbbell,bench", "days": 3, "level": "beginner"},
    {"goal": "hypertrophy", "equipment": "barbell,bench,pull-up-bar", "days": 4,
     "level": "intermediate"},
    {"goal": "hypertrophy", "equipment": "machine,cable-station", "days": 5,
     "level": "advanced"},
    {"goal": "strength", "equipment": "barbell,bench,pull-up-bar", "days": 3,
     "level": "advanced"},
    {"goal": "strength", "equipment": "dumbbell,bench", "days": 2, "level": "beginner"},
    # bands, not bodyweight alone: nothing in the graph pulls without a bar, band or cable
    {"goal": "strength-endurance", "equipment": "resistance-band", "days": 3,
     "level": "beginner"},
    {"goal": "strength-endurance", "equipment": "kettlebell,resistance-band", "days": 4,
     "level": "intermediate"},
    {"goal": "technique", "equipment": "dumbbell,bench,back-extension-machine", "days": 2,
     "level": "beginner"},
    {"goal": "technique", "equipment": "machine,cable-station,dumbbell", "days": 5,
     "level": "beginner"},
    {"goal": "power", "equipment": "barbell,kettlebell,medicine-ball", "days": 3,
     "level": "intermediate"},
    {"goal": "power", "equipment": "dumbbell", "days": 4, "level": "advanced"},
    {"goal": "hypertrophy", "equipment": "dumbbell,bench,cable-station", "days": 5,
     "level": "beginner", "avoid": "erector-spinae"},
    {"goal": "strength", "equipment": "barbell,bench", "days": 4, "level": "intermediate",
     "session_minutes": 45},
    {"goal": "hypertrophy", "equipment": "dumbbell,incline-bench", "days": 2,
     "level": "intermediate", "emphasise": "glutes", "weeks": 8},
]
GUIDELINE_QUERY = """PREFIX exg: <https://w3id.org/exgraph/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?setsMin ?setsMax ?repsMin ?repsMax ?restMin ?restMax ?src WHERE {
  <%s> exg:setsMin ?setsMin ; exg:setsMax ?setsMax ; exg:repsMin ?repsMin ; exg:repsMax ?repsMax ;
       exg:restMinSeconds ?restMin ; exg:restMaxSeconds ?restMax ; dcterms:source ?src }"""


@pytest.fixture(scope="module")
def engine(full_store: Store) -> Engine:
    return engine_for(full_store)


@pytest.fixture(scope="module")
def client(full_store: Store) -> Iterator[FlaskClient]:
    yield create_app({"STORE": full_store, "TESTING": True}).test_client()


def _has(engine: Engine, kinds: set[str], need: str) -> bool:
    """Independent of the builder: a need is met by bodyweight, the kind itself, or a kind the
    lifter has that is under it (skos:broader*)."""
    return need == "bodyweight" or any(need in engine.taxonomy.get(k, {k}) for k in kinds)


def _check_plan(full_store: Store, engine: Engine, request: dict[str, Any],
                doc: dict[str, Any]) -> None:
    kinds = {k for k in str(request.get("equipment", "")).split(",") if k}
    ranges: dict[str, dict[str, int | str]] = {}
    level = request.get("level", "beginner")
    beginner_ok = {s for s, v in facts_for(full_store).beginner.items() if v.value == "true"}
    for day in doc["days"]:
        assert day["exercises"], f"day {day['day']} is empty"
        slugs = [item["id"] for item in day["exercises"]]
        assert len(slugs) == len(set(slugs)), "an exercise twice on one day"
        for item in day["exercises"]:
            ex = engine.exercises[item["id"]]
            # equipment: known, and every need met by what was given
            assert ex.equipment, item["id"]
            for need in ex.equipment:
                assert _has(engine, kinds, need), (item["id"], need, kinds)
            # level
            if level == "beginner":
                assert ex.rank == 0 or item["id"] in beginner_ok, (item["id"], ex.levels)
            elif level == "intermediate":
                assert ex.rank is not None and ex.rank <= 1, (item["id"], ex.levels)
            for group in str(request.get("avoid", "")).split(","):
                assert not group or group not in ex.primary, (item["id"], group)
            # numbers within the source's ranges, source as the graph states it
            iri = item["numbers"]["guideline"]
            if iri not in ranges:
                rows = full_store.select(GUIDELINE_QUERY % iri)
                assert len(rows) == 1, iri
                ranges[iri] = {k: (int(str(v)) if k != "src" else str(v))
                               for k, v in rows[0].items()}
            r = ranges[iri]
            assert r["setsMin"] <= item["sets"] <= r["setsMax"], item
            assert (item["reps"]["min"], item["reps"]["max"]) == (r["repsMin"], r["repsMax"])
            assert (item["rest_seconds"]["min"], item["rest_seconds"]["max"]) == (
                r["restMin"], r["restMax"])
            assert item["numbers"]["source"]["iri"] == r["src"]
            if item["numbers"]["from"] == "goal-default":
                assert iri.endswith(f"/goal/{request['goal']}/default-programming")
            # every choice explained
            assert any(w.endswith("as a prime mover") or "as a prime mover," in w
                       for w in item["why"]), item["why"]
            assert any(w.startswith("numbers:") for w in item["why"])
            assert any(w.startswith("needs") for w in item["why"])
            if item["substitutes_for"]:
                assert item["substitutes_for"]["because"] and item["substitutes_for"]["reasons"]
    # weekly frequency within each exercise's facts; progression within the rep range
    reps = {i["id"]: i["reps"] for d in doc["days"] for i in d["exercises"]}
    for ex in doc["exercises"]:
        assert ex["frequency"]["min"] <= ex["sessions_per_week"] <= ex["frequency"]["max"], ex
        weeks = ex["progression"]["weeks"]
        assert len(weeks) == request.get("weeks", 6)
        assert ex["progression"]["rule"] and ex["progression"]["source"]
        for before, week in itertools.pairwise(weeks):
            assert reps[ex["id"]]["min"] <= week["reps"] <= reps[ex["id"]]["max"]
            if week["action"] == "add load":
                assert before["reps"] == reps[ex["id"]]["max"]
    # every major group twice a week, or a reason
    days = len(doc["days"])
    for row in doc["coverage"]:
        if (days >= 2 and row["sessions"] < 2) or days == 1:
            assert row["why"], row
    # weekly sets reported, and they add up
    total = sum(i["sets"] * len(engine.exercises[i["id"]].primary)
                for d in doc["days"] for i in d["exercises"])
    assert sum(w["primary_sets"] for w in doc["weekly_sets"]) == total


@pytest.mark.parametrize("request_values", REQUESTS,
                         ids=[f"{r['goal']}-{r['days']}d-{r['level']}-"
                              f"{r['equipment'] or 'bodyweight'}" for r in REQUESTS])
def test_every_plan_keeps_to_the_request_and_its_sources(
        full_store: Store, engine: Engine, request_values: dict[str, Any]) -> None:
    doc = plan_json(plan_for(full_store, request_values))
    _check_plan(full_store, engine, request_values, doc)
    if "session_minutes" not in request_values:
        # the large groups twice a week; arms and trunk may give way to them in 75 minutes
        # (the default session length), and the plan says so
        # (the shoulders too when another group is emphasised: pressing works them as a
        # secondary mover, and the weekly-sets rule keeps their volume in range)
        may_yield = SMALL | ({"shoulders"} if request_values.get("emphasise") else set())
        for row in doc["coverage"]:
            assert row["ok"] or (row["group"] in may_yield
                                 and "75-minute sessions" in row["why"]), row
    else:
        assert all(day["minutes"] <= request_values["session_minutes"] for day in doc["days"])


def test_the_articles_numbers_come_from_the_article(full_store: Store) -> None:
    """Machine back extension has its own hypertrophy row, frequency and progression in the
    reference article: the plan uses them and names the article; others use the goal default."""
    doc = plan_json(plan_for(full_store, {
        "goal": "hypertrophy", "equipment": "dumbbell,bench,back-extension-machine", "days": 3,
        "include": "machine-back-extension"}))
    items = [i for d in doc["days"] for i in d["exercises"] if i["id"] == "machine-back-extension"]
    assert items
    article = "https://w3id.org/exgraph/id/source/article-machine-back-extension"
    for item in items:
        assert item["numbers"]["from"] == "exercise"
        assert item["numbers"]["source"]["iri"] == article
        # a beginner starts at the bottom of the article's 3-4 sets; filling out the week may
        # add the fourth where a day has time (docs/plans.md, "above the floor")
        assert item["sets"] in (3, 4)
        assert (item["reps"], item["rest_seconds"]) == (
            {"min": 8, "max": 12}, {"min": 90, "max": 120})
        assert item["load"] == "Last 2 reps challenging with clean form"
    ex = next(e for e in doc["exercises"] if e["id"] == "machine-back-extension")
    assert ex["frequency"] == {"min": 1, "max": 3, "source": ex["frequency"]["source"]}
    assert ex["frequency"]["source"]["iri"] == article
    assert ex["progression"]["rule"].startswith("Progress load by the smallest machine")
    assert ex["progression"]["source"]["iri"] == article
    assert {s["iri"] for s in doc["sources"]} >= {
        article, "https://w3id.org/exgraph/id/source/plan-defaults"}


def test_substitutions_say_what_they_replace(full_store: Store) -> None:
    doc = plan_json(plan_for(full_store, {"goal": "hypertrophy", "equipment": "dumbbell,bench",
                                          "days": 3}))
    squat = doc["days"][0]["exercises"][0]
    assert squat["substitutes_for"]["id"] == "barbell-squat"
    assert "barbell" in squat["substitutes_for"]["because"]
    assert any("quadriceps" in reason for reason in squat["substitutes_for"]["reasons"])


def test_deterministic_and_the_seed_varies_among_equals(full_store: Store) -> None:
    # a request with many equals: an intermediate lifter in a gym with several of each
    # movement (a beginner's narrow choice of reviewed low-difficulty lifts has few ties)
    values = {"goal": "hypertrophy", "equipment": "barbell,dumbbell,bench,cable-station",
              "days": 4, "level": "intermediate"}
    first = plan_json(plan_for(full_store, values))
    assert plan_json(plan_for(full_store, values)) == first
    seeded = [plan_json(plan_for(full_store, {**values, "seed": seed})) for seed in range(8)]
    assert plan_json(plan_for(full_store, {**values, "seed": 3})) == seeded[3]

    def names(doc: dict[str, Any]) -> list[str]:
        return [i["id"] for d in doc["days"] for i in d["exercises"]]

    assert len({tuple(names(doc)) for doc in seeded}) > 1, "no seed changed any choice"


def test_avoiding_the_lower_back_keeps_it_off_as_a_prime_mover(full_store: Store,
                                                               engine: Engine) -> None:
    doc = plan_json(plan_for(full_store, {"goal": "strength", "equipment": "barbell,bench",
                                          "days": 4, "avoid": "erector-spinae"}))
    for day in doc["days"]:
        for item in day["exercises"]:
            assert "erector-spinae" not in engine.exercises[item["id"]].primary


def test_an_emphasised_group_gets_two_sessions(full_store: Store, engine: Engine) -> None:
    doc = plan_json(plan_for(full_store, {"goal": "hypertrophy", "days": 4,
                                          "equipment": "dumbbell,bench", "emphasise": "calves"}))
    days = [d for d in doc["days"]
            if any("calves" in engine.exercises[i["id"]].primary for i in d["exercises"])]
    assert len(days) >= 2
    calves = [i for d in days for i in d["exercises"] if "calves" in i["muscles"]["primary"]]
    assert all(i["sets"] == i["numbers"]["sets_range"]["max"] for i in calves)


def test_one_day_says_why_it_cannot_train_twice(full_store: Store) -> None:
    doc = plan_json(plan_for(full_store, {"goal": "technique", "days": 1,
                                          "equipment": "dumbbell"}))
    assert len(doc["days"]) == 1
    assert all(row["sessions"] == 1 and "two or more days" in row["why"]
               for row in doc["coverage"])


# ---------------------------------------------------------------------------------------------
# Impossible and malformed requests: one 400 naming what is missing


def _bodyweight_back(full_store: Store) -> list[str]:
    engine, facts = engine_for(full_store), facts_for(full_store)
    builder = Builder(engine, facts, parse_request({"goal": "hypertrophy", "days": 3}, engine,
                                                   facts))
    return [ex.slug for ex in builder.pool("back")]


def test_no_exercise_for_a_needed_pattern_is_a_400_naming_it(full_store: Store,
                                                            client: FlaskClient) -> None:
    excluded = _bodyweight_back(full_store)
    assert excluded
    query = f"goal=hypertrophy&days=3&exclude={','.join(excluded)}"
    response = client.get(f"/api/v1/plans?{query}")
    assert response.status_code == 400
    body = response.get_json()
    assert body["ok"] is False and body["status"] == 400
    assert "no exercise fits this request for the back" in body["error"]
    assert "horizontal pull" in body["error"] and "equipment: none" in body["error"]
    assert "exercises for it need:" in body["error"]
    # with dumbbells and a bench the same request is possible (a one-arm row on the bench; the
    # bent-over rows are moderate, above a beginner's level)
    assert client.get(f"/api/v1/plans?{query}&equipment=dumbbell,bench").status_code == 200


@pytest.mark.parametrize(("query", "named"), [
    ("days=3", "'goal' is missing"),
    ("goal=hypertrophy", "'days' is missing"),
    ("goal=cardio&days=3", "'goal'"),
    ("goal=hypertrophy&days=7", "'days'"),
    ("goal=hypertrophy&days=3&level=expert", "'level'"),
    ("goal=hypertrophy&days=3&equipment=spaceship", "no equipment 'spaceship'"),
    ("goal=hypertrophy&days=3&avoid=wings", "no muscle 'wings'"),
    ("goal=hypertrophy&days=3&emphasise=glutes&avoid=glutes", "both name 'glutes'"),
    ("goal=hypertrophy&days=3&include=bench-press", "needs barbell and bench"),
    ("goal=hypertrophy&days=3&emphasise=forearms", "forearms (emphasised"),
    ("goal=strength&days=3&equipment=barbell&session_minutes=10", "'session_minutes'"),
    ("goal=hypertrophy&days=3&weeks=12", "'weeks'"),
    ("goal=hypertrophy&days=3&start=next-monday", "'start'"),
    ("goal=hypertrophy&days=3&colour=red", "unknown parameter 'colour'"),
])
def test_bad_requests_are_400_naming_the_parameter(client: FlaskClient, query: str,
                                                   named: str) -> None:
    response = client.get(f"/api/v1/plans?{query}")
    assert response.status_code == 400, response.get_json()
    body = response.get_json()
    assert set(body) == {"ok", "error", "status"} and body["status"] == 400
    assert named in body["error"], body["error"]


# ---------------------------------------------------------------------------------------------
# API, exports, CLI, page


def test_get_and_post_give_the_same_plan(client: FlaskClient) -> None:
    got = client.get("/api/v1/plans?goal=hypertrophy&equipment=dumbbell,bench&days=3"
                     "&level=beginner")
    posted = client.post("/api/v1/plans", json={"goal": "hypertrophy", "days": 3,
                                                "equipment": ["dumbbell", "bench"]})
    assert got.status_code == posted.status_code == 200
    assert got.get_json() == posted.get_json()
    assert got.headers["ETag"]
    again = client.get(got.request.full_path, headers={"If-None-Match": got.headers["ETag"]})
    assert again.status_code == 304
    assert client.post("/api/v1/plans", data="days=3").status_code == 400


def test_rdf_exports_parse_back_as_an_exercise_plan(client: FlaskClient) -> None:
    query = "goal=strength&equipment=barbell,bench,pull-up-bar&days=4"
    doc = client.get(f"/api/v1/plans?{query}").get_json()
    for ext, fmt in (("ttl", "turtle"), ("jsonld", "json-ld")):
        response = client.get(f"/api/v1/plans.{ext}?{query}")
        assert response.status_code == 200
        graph = Graph().parse(data=response.get_data(as_text=True), format=fmt)
        root = URIRef(doc["iri"])
        assert (root, RDF.type, SCHEMA.ExercisePlan) in graph
        days = list(graph.objects(root, SCHEMA.hasPart))
        assert len(days) == 4
        items = [i for d in days for i in graph.objects(d, SCHEMA.hasPart)]
        assert len(items) == sum(len(d["exercises"]) for d in doc["days"])


def _unfold(text: str) -> list[str]:
    assert "\n" not in text.replace("\r\n", "")
    return text.replace("\r\n ", "").split("\r\n")[:-1]


def test_the_calendar_has_one_event_per_session(client: FlaskClient, full_store: Store) -> None:
    response = client.get("/api/v1/plans.ics?goal=hypertrophy&equipment=dumbbell,bench&days=3"
                          "&weeks=4&start=2025-03-03")
    assert response.status_code == 200 and response.mimetype == "text/calendar"
    text = response.get_data(as_text=True)
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    lines = _unfold(text)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines and any(x.startswith("PRODID:") for x in lines)
    events = [x for x in lines if x == "BEGIN:VEVENT"]
    assert len(events) == 4 * 3 == lines.count("END:VEVENT")
    starts = sorted(x.split(":")[1] for x in lines if x.startswith("DTSTART"))
    assert starts[:3] == ["20250303", "20250305", "20250307"]
    assert starts[-1] == "20250328"
    uids = [x for x in lines if x.startswith("UID:")]
    assert len(set(uids)) == len(uids)
    assert all(re.match(r"DTSTAMP:\d{8}T\d{6}Z$", x) for x in lines if x.startswith("DTSTAMP"))
    plan = plan_for(full_store, {"goal": "hypertrophy", "equipment": "dumbbell,bench",
                                 "days": 3, "weeks": 4})
    stamp = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    assert plan_ics(plan, dt.date(2025, 3, 3), stamp) == plan_ics(plan, dt.date(2025, 3, 3), stamp)
    assert client.get("/api/v1/plans.ics?goal=hypertrophy&days=3").status_code == 400


def test_the_cli_prints_the_week_as_a_table(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXGRAPH_IMPORTS", "1")
    runner = CliRunner()
    result = runner.invoke(main, ["plan", "--goal", "hypertrophy", "--equipment",
                                  "dumbbell,bench", "--days", "3", "--level", "beginner",
                                  "--explain"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Day 1 (Mon) Full body A" in out and "Day 3 (Fri) Full body A" in out
    assert "Weekly sets per muscle group" in out and "Progression over 6 weeks" in out
    assert "in place of Barbell Squat: needs barbell and squat rack, not in your equipment" in out
    bad = runner.invoke(main, ["plan", "--goal", "hypertrophy", "--days", "3",
                               "--include", "Bench press"])
    assert bad.exit_code == 1 and "cannot be in this plan" in bad.output


def test_the_page_shows_the_form_and_a_printable_plan(client: FlaskClient) -> None:
    form = client.get("/plan")
    assert form.status_code == 200 and b'<form class="search plan-form"' in form.data
    query = ("goal=hypertrophy&days=2&level=beginner&equipment=dumbbell&equipment=bench"
             "&start=2025-03-03")
    page = client.get(f"/plan?{query}")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert 'media="print"' in html and "Day 1 (2025-03-03): Full body A" in html
    api = client.get(f"/api/v1/plans?{query.replace('&equipment=bench', ',bench')}").get_json()
    for day in api["days"]:
        for item in day["exercises"]:
            assert f'>{item["name"]}</a>' in html
    for href in set(re.findall(r'href="(/[^"#]*)"', html)):
        answer = client.get(href.replace("&amp;", "&"))
        assert answer.status_code in (200, 303), href
    bad = client.get("/plan?goal=hypertrophy&days=9")
    assert bad.status_code == 400 and "&#39;days&#39;" in bad.get_data(as_text=True)


def test_every_major_group_has_a_slot_and_a_default() -> None:
    """Guard: the coverage rule is only as good as the slots that train each group."""
    from exgraph.plans.build import SLOTS
    for area, (_label, groups, slot) in MAJOR.items():
        assert set(groups) == set(SLOTS[slot].groups), area
