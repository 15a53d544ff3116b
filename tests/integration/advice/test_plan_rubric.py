"""Plans judged by the coach's rubric (docs/plans.md, "How a plan is judged"): requests drawn at
random with a seed from a written space, each plan built, judged criterion by criterion, and
the file of judgements (tests/data/plan-rubric.json) kept honest:

- each sample's requests are exactly the draw of its seed (no hand-picked request);
- every judgement gives every criterion a verdict (ok, minor, fail) with a reason, and its score
  is the one the rubric's written rule gives for those verdicts;
- every request still builds a plan that keeps every rule of the validator;
- docs/plans.md shows the file's table and figures.

The verdicts are a person's reading of the CLI's plan; the digest names the plan judged (the days,
exercises and numbers), so ``python -m tests.integration.advice.test_plan_rubric --stale`` lists
the judgements whose plan the builder no longer makes (they need judging again), and
``--draw SEED`` prints a sample's requests and their CLI commands.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass
from statistics import mean
from typing import Any

import pytest

from exgraph.graph.store import Store
from exgraph.plans import facts_for, plan_for
from exgraph.plans.build import Plan
from exgraph.plans.validate import PlanRuleError, validate
from exgraph.queries.substitutes import Engine, engine_for
from tests.integration.advice.test_plan_validator import kits
from tests.paths import REPO

JUDGEMENTS = REPO / "tests" / "data" / "plan-rubric.json"
DOC = REPO / "docs" / "plans.md"

#: The rubric's criteria, in the order of docs/plans.md.
CRITERIA = ("volume", "exercise-choice", "equipment", "difficulty", "reps-rest", "frequency",
            "session-length", "duplicates", "progression")
VERDICTS = ("ok", "minor", "fail")

#: The space requests are drawn from, each value with its weight (how often members of a gym
#: ask for it, by the coach's estimate). Kits are named; "@machines" and "@full" are the grid's
#: (tests/integration/advice/test_plan_validator.kits).
GOALS = {"hypertrophy": 3, "strength": 3, "strength-endurance": 2, "power": 1, "technique": 1}
LEVELS = {"beginner": 2, "intermediate": 2, "advanced": 1}
DAYS = {2: 1, 3: 3, 4: 3, 5: 2, 6: 1}
KITS: dict[str, tuple[str, int]] = {
    "bodyweight only": ("", 2),
    "dumbbells only": ("dumbbell", 1),
    "dumbbells and a bench": ("dumbbell,bench", 2),
    "kettlebells": ("kettlebell", 1),
    "bands and a pull-up bar": ("resistance-band,pull-up-bar", 1),
    "home gym": ("dumbbell,bench,incline-bench,pull-up-bar,resistance-band,kettlebell", 2),
    "garage barbell gym": ("barbell,bench,squat-rack,pull-up-bar,dumbbell", 2),
    "hotel gym": ("dumbbell,bench,cable-station", 1),
    "gym machines only": ("@machines", 1),
    "full gym": ("@full", 3),
}
#: Session minutes (None: the default, 75).
MINUTES: dict[int | None, int] = {45: 2, 60: 3, None: 3, 90: 1}


@dataclass(frozen=True)
class Request:
    """One drawn request."""

    goal: str
    level: str
    days: int
    kit: str
    minutes: int | None

    def values(self, engine: Engine) -> dict[str, str]:
        """The request as plan_for (and the CLI) take it."""
        equipment = KITS[self.kit][0]
        if equipment.startswith("@"):
            equipment = kits(engine)[equipment[1:]]
        out = {"goal": self.goal, "level": self.level, "days": str(self.days),
               "equipment": equipment}
        if self.minutes is not None:
            out["session_minutes"] = str(self.minutes)
        return out

    def command(self) -> str:
        """The CLI command that builds it (the named kits spelt out as the CLI takes them)."""
        equipment = KITS[self.kit][0]
        kit = f" --equipment {equipment}" if equipment and not equipment.startswith("@") else \
            f" --equipment <{equipment[1:]}>" if equipment else ""
        minutes = f" --session-minutes {self.minutes}" if self.minutes else ""
        return (f"exgraph plan --goal {self.goal} --level {self.level} --days {self.days}"
                f"{kit}{minutes}")

    def words(self) -> str:
        minutes = f"{self.minutes} min" if self.minutes else "75 min (default)"
        return f"{self.goal}, {self.level}, {self.days} days, {self.kit}, {minutes}"

    def as_json(self) -> dict[str, Any]:
        return {"goal": self.goal, "level": self.level, "days": self.days, "kit": self.kit,
                "minutes": self.minutes}


def _pick(rng: random.Random, weights: dict[Any, Any]) -> Any:
    keys = list(weights)
    values = [w[1] if isinstance(w, tuple) else w for w in weights.values()]
    return rng.choices(keys, weights=values)[0]


def draw(seed: int, count: int = 8) -> list[Request]:
    """count distinct requests drawn with seed from the space above."""
    rng = random.Random(seed)
    out: list[Request] = []
    while len(out) < count:
        found = Request(_pick(rng, GOALS), _pick(rng, LEVELS), _pick(rng, DAYS),
                        _pick(rng, KITS), _pick(rng, MINUTES))
        if found not in out:
            out.append(found)
    return out


def score(verdicts: dict[str, str]) -> int:
    """The rubric's score for a plan's verdicts (docs/plans.md): 5 nothing to change; 4 one or
    two minor changes; 3 three or four minor changes, or one failed criterion with at most two
    minor; 2 two failed criteria, or one with three or more minor, or five or more minor; 1
    three or more failed criteria."""
    counts = Counter(verdicts.values())
    fails, minors = counts["fail"], counts["minor"]
    if fails >= 3:
        return 1
    if fails == 2 or (fails == 1 and minors >= 3) or (fails == 0 and minors >= 5):
        return 2
    if fails == 1 or minors >= 3:
        return 3
    return 4 if minors else 5


def digest(plan: Plan) -> str:
    """A digest of what was judged: each day's kind and its exercises with sets, reps, rest and
    role (16 hex digits)."""
    days = [[day.kind, [[i.exercise.slug, i.sets, list(i.guideline.reps),
                         list(i.guideline.rest or ()), i.role] for i in day.items]]
            for day in plan.days]
    text = json.dumps(days, sort_keys=True)
    return hashlib.blake2b(text.encode(), digest_size=8).hexdigest()


def refusal_digest(message: str) -> str:
    """A digest of a refusal's message, for a request the builder refuses: a refused request is
    judged too (no plan scores 1, with no criterion), and the digest names the refusal judged."""
    return hashlib.blake2b(message.encode(), digest_size=8).hexdigest()


def built_digest(store: Store, engine: Engine, req: Request) -> str:
    """The digest of what the builder makes of req now: its plan's, or its refusal's."""
    try:
        return digest(plan_for(store, req.values(engine)))
    except PlanRuleError as refused:
        return refusal_digest(str(refused))


def load() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(JUDGEMENTS.read_text(encoding="utf-8"))
    return data


def requests_of(sample: dict[str, Any]) -> list[Request]:
    return [Request(r["request"]["goal"], r["request"]["level"], r["request"]["days"],
                    r["request"]["kit"], r["request"]["minutes"]) for r in sample["requests"]]


def figures(sample: dict[str, Any], round_: str) -> tuple[float, dict[str, Counter[str]]]:
    """A sample's mean score in a round and its verdict counts per criterion."""
    judged = [r["judgements"][round_] for r in sample["requests"] if round_ in r["judgements"]]
    counts = {c: Counter(j["criteria"][c][0] for j in judged if "refused" not in j)
              for c in CRITERIA}
    return mean(j["score"] for j in judged), counts


def table(data: dict[str, Any]) -> str:
    """docs/plans.md's tables and means, from the file."""
    lines: list[str] = []
    rounds = data["rounds"]
    for sample in data["samples"]:
        mine = [r for r in rounds if any(r in q["judgements"] for q in sample["requests"])]
        lines.append(f"**{sample['title']}** (seed {sample['seed']})")
        lines.append("")
        lines.append("| # | Request | " + " | ".join(rounds[r] for r in mine) + " | Why (last) |")
        lines.append("| --- | --- | " + " | ".join("---" for _r in mine) + " | --- |")
        for i, q in enumerate(sample["requests"], 1):
            req = requests_of({"requests": [q]})[0]
            last = q["judgements"][mine[-1]]
            lines.append(f"| {i} | {req.words()} | "
                         + " | ".join(str(q["judgements"][r]["score"]) for r in mine)
                         + f" | {last['summary']} |")
        lines.append("")
        for r in mine:
            average, counts = figures(sample, r)
            per = "; ".join(f"{c} " + "/".join(str(counts[c][v]) for v in VERDICTS)
                            for c in CRITERIA)
            refused = sum("refused" in q["judgements"].get(r, {}) for q in sample["requests"])
            note = f" (of the plans built; {refused} refused, scored 1)" if refused else ""
            lines.append(f"- {rounds[r]}: **mean {average:.2f}**; ok/minor/fail per criterion"
                         f"{note}: {per}")
        lines.append("")
    return "\n".join(lines).strip()


# -- the tests ------------------------------------------------------------------------------------

def test_the_samples_are_the_draws_of_their_seeds() -> None:
    data = load()
    seeds = [s["seed"] for s in data["samples"]]
    assert len(set(seeds)) == len(seeds)
    for sample in data["samples"]:
        assert requests_of(sample) == draw(sample["seed"], len(sample["requests"]))
        assert len(sample["requests"]) == 8


def test_every_judgement_has_every_criterion_and_the_rubrics_score() -> None:
    data = load()
    assert set(data["criteria"]) == set(CRITERIA)
    for sample in data["samples"]:
        for q in sample["requests"]:
            assert q["judgements"], q["request"]
            for round_, j in q["judgements"].items():
                assert round_ in data["rounds"]
                assert re.fullmatch(r"[0-9a-f]{16}", j["digest"]), j
                assert len(j["summary"]) > 30
                if "refused" in j:  # no plan: score 1, no criterion to judge
                    assert j["digest"] == refusal_digest(j["refused"])
                    assert j["criteria"] == {} and j["score"] == 1, (q["request"], round_)
                    continue
                assert set(j["criteria"]) == set(CRITERIA), (q["request"], round_)
                for criterion, (verdict, reason) in j["criteria"].items():
                    assert verdict in VERDICTS, (criterion, verdict)
                    assert len(reason) >= 15, (q["request"], round_, criterion)
                verdicts = {c: v for c, (v, _why) in j["criteria"].items()}
                assert j["score"] == score(verdicts), (q["request"], round_)


@pytest.mark.parametrize(("fails", "minors", "expected"), [
    (0, 0, 5), (0, 1, 4), (0, 2, 4), (0, 3, 3), (0, 4, 3), (0, 5, 2), (1, 0, 3), (1, 2, 3),
    (1, 3, 2), (2, 0, 2), (3, 0, 1)])
def test_the_score_follows_the_written_rule(fails: int, minors: int, expected: int) -> None:
    verdicts = dict(zip(CRITERIA, ["fail"] * fails + ["minor"] * minors + ["ok"] * 9,
                        strict=False))
    assert score(verdicts) == expected


def test_the_page_shows_the_files_tables() -> None:
    text = DOC.read_text(encoding="utf-8")
    shown = text.split("<!-- rubric:start -->\n", 1)[1].split("<!-- rubric:end -->")[0]
    assert shown.strip() == table(load()), "regenerate docs/plans.md's rubric tables"


def _all_requests() -> list[tuple[str, Request]]:
    return [(f"seed{s['seed']}-{i}", req) for s in load()["samples"]
            for i, req in enumerate(requests_of(s), 1)]


def _last_judgement(name: str) -> dict[str, Any]:
    data = load()
    seed, index = name.removeprefix("seed").split("-")
    sample = next(s for s in data["samples"] if s["seed"] == int(seed))
    judgements: dict[str, Any] = sample["requests"][int(index) - 1]["judgements"]
    last: dict[str, Any] = judgements[[r for r in data["rounds"] if r in judgements][-1]]
    return last


@pytest.mark.parametrize(("name", "request_"), _all_requests(), ids=[n for n, _r in
                                                                     _all_requests()])
def test_every_drawn_request_builds_a_plan_that_keeps_every_rule(
        full_store: Store, name: str, request_: Request) -> None:
    engine = engine_for(full_store)
    last = _last_judgement(name)
    try:
        plan = plan_for(full_store, request_.values(engine))
    except PlanRuleError as refused:
        # judged as refused: still refused, with a rule named; a request judged as a plan
        # must still build one
        assert "refused" in last and "plan rule" in str(refused), str(refused)
        return
    # a request judged as refused that builds now (--stale lists it: judge it again) keeps
    # every rule like the others
    assert validate(plan, facts_for(full_store), engine) == []
    assert len(plan.days) == request_.days


def _main(argv: list[str]) -> int:
    if argv[:1] == ["--draw"]:
        for req in draw(int(argv[1])):
            print(json.dumps(req.as_json()), "#", req.command())
        return 0
    if argv[:1] == ["--stale"]:
        from exgraph.graph.load import open_store
        store = open_store("oxigraph", imported=True)
        engine = engine_for(store)
        data = load()
        last = list(data["rounds"])
        stale = 0
        for sample in data["samples"]:
            for i, (q, req) in enumerate(zip(sample["requests"], requests_of(sample),
                                             strict=True), 1):
                rounds = [r for r in last if r in q["judgements"]]
                now = built_digest(store, engine, req)
                if q["judgements"][rounds[-1]]["digest"] != now:
                    stale += 1
                    print(f"seed {sample['seed']} #{i} ({req.words()}): judged "
                          f"{q['judgements'][rounds[-1]]['digest']}, built now {now}")
        return 1 if stale else 0
    if argv[:1] == ["--digest"]:
        from exgraph.graph.load import open_store
        store = open_store("oxigraph", imported=True)
        engine = engine_for(store)
        for req in draw(int(argv[1])):
            print(built_digest(store, engine, req), req.words())
        return 0
    print(table(load()))
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
