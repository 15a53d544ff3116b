"""The eight plan requests judged as a coach would (tests/data/plan-judgements.tsv; docs/plans.md,
"Eight requests judged as a coach would"): the file is well formed, the page shows its table and
means, and every judged request still builds a plan that keeps every rule (a request that starts
failing, or a table edited on one side only, is caught here; the judgements are a person's).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from statistics import mean

import pytest

from exgraph.graph.store import Store
from exgraph.plans import facts_for, plan_for
from exgraph.plans.validate import validate
from exgraph.queries.substitutes import engine_for
from tests.integration.advice.test_plan_validator import kits
from tests.paths import REPO

JUDGEMENTS = REPO / "tests" / "data" / "plan-judgements.tsv"
DOC = REPO / "docs" / "plans.md"
GRADES = ("before", "plans2", "now")


@dataclass(frozen=True)
class Judged:
    id: int
    goal: str
    days: int
    level: str
    equipment: str
    session_minutes: str
    grades: dict[str, int]
    why_now: str

    def request(self, kit: dict[str, str]) -> dict[str, str]:
        equipment = kit[self.equipment[1:]] if self.equipment.startswith("@") else self.equipment
        values = {"goal": self.goal, "days": str(self.days), "level": self.level,
                  "equipment": equipment}
        if self.session_minutes:
            values["session_minutes"] = self.session_minutes
        return values

    def words(self) -> str:
        kit = {"@machines": "the machines of a gym", "@full": "full gym (every kind)",
               "": "no equipment"}.get(self.equipment, self.equipment.replace(",", ", "))
        minutes = f", {self.session_minutes}-minute sessions" if self.session_minutes else ""
        return f"{self.goal}, {self.days} days, {self.level}, {kit}{minutes}"


def read() -> list[Judged]:
    with JUDGEMENTS.open(encoding="utf-8") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        return [Judged(int(r["id"]), r["goal"], int(r["days"]), r["level"], r["equipment"],
                       r["session_minutes"], {g: int(r[g]) for g in GRADES}, r["why_now"])
                for r in rows]


def table(rows: list[Judged]) -> str:
    """docs/plans.md's table and means, from the file."""
    lines = ["| # | Request | Before (f5a825e) | plans2 | Now | Why (now) |",
             "| --- | --- | --- | --- | --- | --- |"]
    lines += [f"| {j.id} | {j.words()} | {j.grades['before']} | {j.grades['plans2']} | "
              f"**{j.grades['now']}** | {j.why_now} |" for j in rows]
    means = ", ".join(f"{mean(j.grades[g] for j in rows):.2f} {label}" for g, label in
                      (("before", "before"), ("plans2", "on plans2"), ("now", "now")))
    return "\n".join(lines) + f"\n\n**Mean: {means}.**"


def test_the_file_judges_eight_requests_on_the_scale() -> None:
    rows = read()
    assert [j.id for j in rows] == list(range(1, 9))
    assert all(1 <= g <= 5 for j in rows for g in j.grades.values())
    assert all(len(j.why_now) > 40 for j in rows)
    assert len({(j.goal, j.days, j.level, j.equipment) for j in rows}) == 8


def test_the_page_shows_the_files_table() -> None:
    text = DOC.read_text(encoding="utf-8")
    shown = text.split("<!-- judgements:start -->\n", 1)[1].split("<!-- judgements:end -->")[0]
    assert shown.strip() == table(read()), "regenerate docs/plans.md's judgements table"


@pytest.mark.parametrize("judged", read(), ids=lambda j: f"request-{j.id}")
def test_every_judged_request_builds_a_plan_that_keeps_every_rule(full_store: Store,
                                                                  judged: Judged) -> None:
    engine = engine_for(full_store)
    plan = plan_for(full_store, judged.request(kits(engine)))
    assert validate(plan, facts_for(full_store), engine) == []
    assert len(plan.days) == judged.days
    assert plan.request.level == judged.level


if __name__ == "__main__":
    print(table(read()))
