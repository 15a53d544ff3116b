"""What a plan needs from the graph beyond the substitution engine's facts, read once per store
generation: every programming guideline (an exercise's own and each goal's default, with its
source), weekly frequency, progression, beginner suitability and dataset category of exercises,
the goals and the muscle catalogue's groups. The exercises' facts are their records'
(:mod:`exgraph.records`), so a plan shows the programming row the exercise page shows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from exgraph.graph.rq import internal
from exgraph.graph.store import GenerationCache, Row, Store
from exgraph.records import Record, RecordSet, records_for
from exgraph.records.precedence import UNATTRIBUTED
from exgraph.vocab.terms import GOAL, MUSCLE, SOURCE, local_name

#: The plan builder's graph facts (``queries/internal/plan-*.rq``): the goals with their default
#: programming, the muscles with their groups.
Q_GOALS = internal("plan-goals").text()
Q_MUSCLES = internal("plan-muscles").text()


def _local(iri: object) -> str:
    return local_name(str(iri))


def _int(row: Row, key: str) -> int | None:
    value = row.get(key)
    try:
        return int(str(value)) if value is not None else None
    except ValueError:
        return None


def _float(row: Row, key: str) -> float | None:
    value = row.get(key)
    try:
        return float(str(value)) if value is not None else None
    except ValueError:
        return None


@dataclass(frozen=True)
class Ref:
    """A resource a plan names: its IRI and label."""

    iri: str
    label: str

    @property
    def id(self) -> str:
        return _local(self.iri)


@dataclass(frozen=True)
class Guideline:
    """Sets, reps, rest and load for one goal, and where they come from.

    ``kind`` is ``exercise`` (the exercise's own exg:programming) or ``goal-default`` (the goal's
    exg:defaultProgramming); a default also carries the weekly frequency of one exercise, the
    progression rule and the load step.
    """

    iri: str
    goal: str
    sets: tuple[int, int]
    reps: tuple[int, int]
    rest: tuple[int, int] | None
    load: str | None
    source: Ref | None
    kind: str
    frequency: tuple[int, int] | None = None
    rule: str | None = None
    increase: tuple[float, float] | None = None


@dataclass(frozen=True)
class Stated:
    """A value an exercise states, with the source that states it."""

    value: str
    source: Ref | None


@dataclass(frozen=True)
class Volume:
    """Weekly sets of one major muscle group for a goal at a level (exg:WeeklyVolumeGuideline):
    a set counts 1 for a prime mover and ``secondary`` for a secondary mover."""

    iri: str
    goal: str
    level: str
    sets: tuple[int, int]
    secondary: float
    source: Ref | None


@dataclass
class PlanFacts:
    """The plan builder's facts of one store generation."""

    goals: dict[str, Ref] = field(default_factory=dict)  # goal slug -> goal
    defaults: dict[str, Guideline] = field(default_factory=dict)  # goal slug -> default
    programming: dict[tuple[str, str], Guideline] = field(default_factory=dict)
    beginner: dict[str, Stated] = field(default_factory=dict)  # "true" / "false"
    frequency: dict[str, tuple[int, int, Ref | None]] = field(default_factory=dict)
    progression: dict[str, Stated] = field(default_factory=dict)
    categories: dict[str, frozenset[str]] = field(default_factory=dict)
    muscles: dict[str, Ref] = field(default_factory=dict)  # muscle or group slug -> itself
    group_of: dict[str, str] = field(default_factory=dict)  # muscle slug -> its group slug
    #: What the plan builder derives once per generation (ranked slot candidates).
    derived: dict[str, Any] = field(default_factory=dict)
    #: (goal, level or None, role or None) -> a goal's exg:specificProgramming (issue 23).
    specific: dict[tuple[str, str | None, str | None], Guideline] = field(default_factory=dict)
    #: (goal, level) -> weekly sets per major muscle group (issue 23).
    volume: dict[tuple[str, str], Volume] = field(default_factory=dict)
    #: exercise slug -> local names of its exg:activityKind (issue 23).
    kinds: dict[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def load(cls, store: Store) -> PlanFacts:
        """Read the facts from store (five SELECTs)."""
        facts = cls()

        def source(row: Row) -> Ref | None:
            src = row.get("src")
            if src is None:
                return None
            label = row.get("srcLabel")
            return Ref(str(src), str(label) if label is not None else _local(src))

        def guideline(row: Row, kind: str) -> Guideline | None:
            sets = (_int(row, "setsMin"), _int(row, "setsMax"))
            reps = (_int(row, "repsMin"), _int(row, "repsMax"))
            if None in sets or None in reps:
                return None
            rest_min, rest_max = _int(row, "restMin"), _int(row, "restMax")
            rest = (rest_min, rest_max) if rest_min is not None and rest_max is not None else None
            load = row.get("load")
            f_min, f_max = _int(row, "fMin"), _int(row, "fMax")
            inc_min, inc_max = _float(row, "incMin"), _float(row, "incMax")
            rule = row.get("rule")
            return Guideline(
                str(row["pg"]), _local(row["goal"]), (sets[0] or 1, sets[1] or 1),
                (reps[0] or 1, reps[1] or 1), rest, str(load) if load is not None else None,
                source(row), kind,
                (f_min, f_max) if f_min is not None and f_max is not None else None,
                str(rule) if rule is not None else None,
                (inc_min, inc_max) if inc_min is not None and inc_max is not None else None)

        for row in store.select(Q_GOALS):
            slug = _local(row["goal"])
            if not str(row["goal"]).startswith(str(GOAL)):
                continue
            label = row.get("label")
            facts.goals[slug] = Ref(str(row["goal"]), str(label) if label is not None else slug)
            if "pg" in row:
                found = guideline(row, "goal-default")
                if found is not None:
                    facts.defaults.setdefault(slug, found)
        _exercise_facts(facts, records_for(store))
        for row in store.select(Q_MUSCLES):
            if not str(row["m"]).startswith(str(MUSCLE)):
                continue
            slug = _local(row["m"])
            label = row.get("label")
            facts.muscles[slug] = Ref(str(row["m"]), str(label) if label is not None else slug)
            group = row.get("group")
            if "isGroup" in row or group is None:
                facts.group_of.setdefault(slug, slug)
            else:
                facts.group_of[slug] = _local(group)
        _read_plan_guidelines(store, facts, guideline, source)
        return facts


def _exercise_facts(facts: PlanFacts, found: RecordSet) -> None:
    """The exercises' programming, beginner suitability, frequency, progression and categories,
    from their records (the values the document shows, with the source it names)."""
    def stated_by(record: Record, section: str) -> Ref | None:
        sources = record.provenance.get(section, [])
        if not sources or sources[0] == UNATTRIBUTED:
            return None
        iri = str(SOURCE[sources[0]])
        return Ref(iri, found.labels.get(iri, sources[0]))

    for slug, record in found.records.items():
        for row in record.programming:
            guideline = _guideline(row)
            if guideline is not None:
                facts.programming.setdefault((slug, guideline.goal), guideline)
        suitable = record.beginner.get("suitable")
        if suitable is not None:
            facts.beginner[slug] = Stated("true" if suitable else "false",
                                          stated_by(record, "beginner"))
        if record.progression is not None:
            facts.progression[slug] = Stated(record.progression, stated_by(record, "progression"))
        weekly = record.frequency.get("sessions_per_week", {})
        if weekly.get("min") is not None and weekly.get("max") is not None:
            facts.frequency[slug] = (weekly["min"], weekly["max"],
                                     stated_by(record, "frequency"))
        if record.categories:
            facts.categories[slug] = frozenset(record.categories)
        if record.activity_kind:  # exg:StrengthTraining ... as the local name of the term
            facts.kinds[slug] = frozenset(
                {"".join(w.capitalize() for w in record.activity_kind.split("-"))})


def _guideline(row: dict[str, Any]) -> Guideline | None:
    """An exercise's programming row of its record as a guideline (None: no sets or reps)."""
    sets, reps, rest = row["sets"], row["reps"], row["rest_seconds"]
    if None in (sets["min"], sets["max"], reps["min"], reps["max"]) or row["goal"] is None:
        return None
    source = row.get("source")
    return Guideline(
        row["iri"], row["goal"], (sets["min"] or 1, sets["max"] or 1),
        (reps["min"] or 1, reps["max"] or 1),
        (rest["min"], rest["max"]) if rest["min"] is not None and rest["max"] is not None
        else None, row["load"],
        Ref(source["iri"], source["name"] or source["id"]) if source else None, "exercise")


# -- issue 23: level- and role-specific programming, weekly volume --------------------------------
Q_SPECIFIC = internal("plan-specific-programming").text()
Q_VOLUME = internal("plan-weekly-volume").text()


def _read_plan_guidelines(store: Store, facts: PlanFacts,
                          guideline: Callable[[Row, str], Guideline | None],
                          source: Callable[[Row], Ref | None]) -> None:
    """The goals' exg:specificProgramming and exg:weeklyVolume into facts (two SELECTs; the
    exercises' activity kinds come from their records, :func:`_exercise_facts`)."""
    for row in sorted(store.select(Q_SPECIFIC), key=lambda r: str(r["pg"])):
        found = guideline(row, "goal-specific")
        if found is not None:
            level, role = row.get("level"), row.get("role")
            key = (found.goal, str(level) if level is not None else None,
                   str(role) if role is not None else None)
            facts.specific.setdefault(key, found)
    for row in sorted(store.select(Q_VOLUME), key=lambda r: str(r["v"])):
        low, high = _int(row, "min"), _int(row, "max")
        if low is None or high is None:
            continue
        weight = _float(row, "weight")
        goal, at = _local(row["goal"]), str(row["level"])
        facts.volume.setdefault((goal, at), Volume(
            str(row["v"]), goal, at, (low, high), 0.5 if weight is None else weight,
            source(row)))


_FACTS: GenerationCache[PlanFacts] = GenerationCache(PlanFacts.load)


def facts_for(store: Store) -> PlanFacts:
    """The plan facts of store's current generation, read once."""
    return _FACTS.get(store)
