"""A plan in every form it is served in: JSON (:func:`plan_json`), RDF (:func:`plan_graph`:
schema:ExercisePlan nodes, each exercise of a day also an exg:ProgrammingGuideline derived from
the guideline its numbers come from) and iCalendar (:func:`plan_ics`: one VEVENT per session,
RFC 5545 text written here).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD

from exgraph.graph.store import to_ox_triple
from exgraph.plans.build import MAJOR, WEEKDAYS, Day, Item, Plan
from exgraph.plans.plan_facts import Ref
from exgraph.vocab.terms import EQUIPMENT, EXERCISE, EXG, ID, MUSCLE, PREFIXES, SCHEMA

PLAN = ID + "plan/"


def _ref(ref: Ref | None) -> dict[str, str] | None:
    return None if ref is None else {"id": ref.id, "iri": ref.iri, "name": ref.label}


def _range(pair: tuple[int, int] | None) -> dict[str, int | None]:
    return {"min": pair[0], "max": pair[1]} if pair else {"min": None, "max": None}


def plan_iri(plan: Plan) -> str:
    """The plan's IRI: not stored in the graph, minted from the request's digest."""
    return PLAN + plan.id


def _item_json(plan: Plan, position: int, item: Item) -> dict[str, Any]:
    ex, g = item.exercise, item.guideline
    sub = item.substitution
    return {
        "position": position, "id": ex.slug, "iri": str(EXERCISE[ex.slug]), "name": ex.name,
        "slot": item.slot.name, "sets": item.sets, "reps": _range(g.reps),
        "rest_seconds": _range(g.rest), "load": g.load,
        "numbers": {"from": g.kind, "guideline": g.iri, "source": _ref(g.source),
                    "sets_range": _range(g.sets)},
        "muscles": {"primary": sorted(ex.primary), "secondary": sorted(ex.secondary)},
        "movement_pattern": ex.pattern, "equipment": sorted(ex.equipment),
        "difficulty": [lv for lv in ("low", "moderate", "high") if lv in ex.levels],
        "minutes": round(item.minutes, 1), "included": item.included,
        "why": list(item.reasons),
        "substitutes_for": None if sub is None else {
            "id": sub.anchor.slug, "iri": str(EXERCISE[sub.anchor.slug]),
            "name": sub.anchor.name, "because": sub.because, "reasons": list(sub.reasons)},
    }


def plan_json(plan: Plan) -> dict[str, Any]:
    """The plan as the API serves it."""
    sources: dict[str, Ref] = {}
    for day in plan.days:
        for item in day.items:
            if item.guideline.source:
                sources[item.guideline.source.iri] = item.guideline.source
    for progression in plan.progression.values():
        if progression.source:
            sources[progression.source.iri] = progression.source
    start = plan.request.start
    days = []
    for day in plan.days:
        date = (start + dt.timedelta(days=day.offset)).isoformat() if start else None
        days.append({
            "day": day.index, "name": day.name, "kind": day.kind,
            "weekday": WEEKDAYS[(start.weekday() + day.offset) % 7 if start else day.offset],
            "date": date, "minutes": round(day.minutes, 1),
            "exercises": [_item_json(plan, i, item) for i, item in enumerate(day.items, 1)]})
    exercises = []
    for ex in plan.exercises():
        count, low, high, source = plan.frequency[ex.slug]
        prog = plan.progression[ex.slug]
        exercises.append({
            "id": ex.slug, "iri": str(EXERCISE[ex.slug]), "name": ex.name,
            "sessions_per_week": count,
            "frequency": {"min": low, "max": high, "source": _ref(source)},
            "progression": {
                "rule": prog.rule, "source": _ref(prog.source),
                "from": "exercise" if prog.from_exercise else "goal-default",
                "load_increase_percent": _range(None) if prog.increase is None else
                {"min": prog.increase[0], "max": prog.increase[1]},
                "weeks": [{"week": w.week, "sets": w.sets, "reps": w.reps, "action": w.action}
                          for w in prog.weeks]}})
    return {
        "id": plan.id, "iri": plan_iri(plan), "request": plan.request.as_json(),
        "goal": _ref(plan.goal), "level": plan.request.level, "split": plan.split,
        "days": days, "exercises": exercises,
        "weekly_sets": [
            {"muscle": group, "name": plan.labels.get(group, group), "primary_sets": p,
             "secondary_sets": s, "total": p + s, "sessions": n,
             "major": any(group in groups for _l, groups, _s in MAJOR.values())}
            for group, (p, s, n) in sorted(plan.weekly_sets.items(),
                                           key=lambda kv: (-(kv[1][0] + kv[1][1]), kv[0]))],
        "coverage": [{"group": area, "name": MAJOR[area][0], "sessions": n, "ok": why is None,
                      "why": why} for area, (n, why) in plan.coverage.items()],
        "notes": list(plan.notes),
        "sources": [_ref(s) for _iri, s in sorted(sources.items())],
    }


def plan_graph(plan: Plan) -> Graph:
    """The plan as RDF: the plan, its days and their exercises are schema:ExercisePlan nodes
    below the plan's IRI; each exercise of a day is also an exg:ProgrammingGuideline
    (prov:wasDerivedFrom the guideline its numbers come from, dcterms:source its source)."""
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    root = URIRef(plan_iri(plan))
    r = plan.request
    graph.add((root, RDF.type, SCHEMA.ExercisePlan))
    title = (f"{plan.goal.label} plan: {r.days} day{'s' if r.days > 1 else ''} a week "
             f"({plan.split}), {r.level}")
    graph.add((root, SCHEMA.name, Literal(title)))
    graph.add((root, RDFS.label, Literal(title)))
    graph.add((root, SCHEMA.about, URIRef(plan.goal.iri)))
    graph.add((root, SCHEMA.activityFrequency, Literal(f"{r.days} sessions per week")))
    if r.session_minutes:
        graph.add((root, SCHEMA.activityDuration,
                   Literal(f"PT{r.session_minutes}M", datatype=XSD.duration)))
    for kind in sorted(r.equipment):
        graph.add((root, SCHEMA.tool, EQUIPMENT[kind]))
    graph.add((root, SCHEMA.description, Literal(
        f"Built by exgraph from the request {r.as_json()}; weeks of progression: {r.weeks}.")))
    for day in plan.days:
        node = URIRef(f"{root}/day/{day.index}")
        graph.add((root, SCHEMA.hasPart, node))
        graph.add((node, RDF.type, SCHEMA.ExercisePlan))
        graph.add((node, SCHEMA.position, Literal(day.index)))
        graph.add((node, SCHEMA.name, Literal(f"Day {day.index}: {day.name}")))
        _day_items(graph, plan, node, day)
    return graph


def _day_items(graph: Graph, plan: Plan, node: URIRef, day: Day) -> None:
    for position, item in enumerate(day.items, 1):
        part = URIRef(f"{node}/exercise/{position}")
        g, ex = item.guideline, item.exercise
        graph.add((node, SCHEMA.hasPart, part))
        for cls in (SCHEMA.ExercisePlan, EXG.ProgrammingGuideline):
            graph.add((part, RDF.type, cls))
        graph.add((part, SCHEMA.position, Literal(position)))
        graph.add((part, SCHEMA.name, Literal(ex.name)))
        graph.add((part, SCHEMA.isBasedOn, EXERCISE[ex.slug]))
        graph.add((part, EXG.goal, URIRef(plan.goal.iri)))
        graph.add((part, EXG.setsMin, Literal(item.sets)))
        graph.add((part, EXG.setsMax, Literal(item.sets)))
        graph.add((part, EXG.repsMin, Literal(g.reps[0])))
        graph.add((part, EXG.repsMax, Literal(g.reps[1])))
        graph.add((part, SCHEMA.repetitions, Literal(f"{g.reps[0]}-{g.reps[1]}")))
        if g.rest:
            graph.add((part, EXG.restMinSeconds, Literal(g.rest[0])))
            graph.add((part, EXG.restMaxSeconds, Literal(g.rest[1])))
            graph.add((part, SCHEMA.restPeriods, Literal(f"{g.rest[0]}-{g.rest[1]} s")))
        if g.load:
            graph.add((part, EXG.loadGuideline, Literal(g.load)))
            graph.add((part, SCHEMA.intensity, Literal(g.load)))
        graph.add((part, PROV.wasDerivedFrom, URIRef(g.iri)))
        if g.source:
            graph.add((part, DCTERMS.source, URIRef(g.source.iri)))
        for muscle in sorted(ex.primary):
            graph.add((part, SCHEMA.about, MUSCLE[muscle]))
        progression = plan.progression[ex.slug]
        graph.add((part, RDFS.comment, Literal("Progression: " + progression.rule)))


#: What RFC 5545 TEXT may not hold once line breaks are escaped: the controls but tab.
_CONTROLS = re.compile("[\x00-\x08\x0a-\x1f\x7f]")


def _escape(text: str) -> str:
    """RFC 5545 TEXT: backslash, semicolon, comma and line breaks escaped (CRLF, LF, and a lone
    CR, which would otherwise end the content line); other control characters dropped."""
    escaped = (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
               .replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n"))
    return _CONTROLS.sub("", escaped)


def _fold(line: str) -> str:
    """Fold a content line at 75 octets (RFC 5545 3.1), never inside a UTF-8 sequence."""
    data = line.encode()
    if len(data) <= 75:
        return line
    parts, start, limit = [], 0, 75
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:
            end -= 1
        parts.append(data[start:end].decode())
        start, limit = end, 74  # continuation lines start with a space
    return "\r\n ".join(parts)


def plan_ics(plan: Plan, start: dt.date, stamp: dt.datetime | None = None) -> str:
    """The plan as an iCalendar (RFC 5545): one all-day VEVENT per session of every week of the
    progression, from start (the first session's date), each describing that week's sets and
    reps. ``stamp`` (DTSTAMP, UTC) defaults to now."""
    stamp = stamp or dt.datetime.now(dt.UTC)
    stamp_text = stamp.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//exgraph//training plan//EN",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
             f"X-WR-CALNAME:{_escape(plan.goal.label + ' plan (exgraph)')}"]
    for week in range(1, plan.request.weeks + 1):
        for day in plan.days:
            date = start + dt.timedelta(weeks=week - 1, days=day.offset)
            rows = []
            for position, item in enumerate(day.items, 1):
                w = plan.progression[item.exercise.slug].weeks[week - 1]
                rest = item.guideline.rest
                rest_text = f", rest {rest[0]}-{rest[1]} s" if rest else ""
                action = {"start": "", "add reps": " (add reps)",
                          "add load": " (add load)"}[w.action]
                rows.append(f"{position}. {item.exercise.name}: {w.sets} x {w.reps}"
                            f"{action}{rest_text}; {item.guideline.load or ''}".rstrip("; "))
            description = "\n".join(rows)
            lines += [
                "BEGIN:VEVENT",
                f"UID:{plan.id}-w{week}-d{day.index}@exgraph",
                f"DTSTAMP:{stamp_text}",
                f"DTSTART;VALUE=DATE:{date.strftime('%Y%m%d')}",
                f"DTEND;VALUE=DATE:{(date + dt.timedelta(days=1)).strftime('%Y%m%d')}",
                f"SUMMARY:{_escape(f'Week {week}, day {day.index}: {day.name}')}",
                f"DESCRIPTION:{_escape(description)}",
                "TRANSP:TRANSPARENT",
                "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


#: RDF forms of a plan: name -> (Oxigraph format, media type).
RDF_FORMATS: dict[str, tuple[ox.RdfFormat, str]] = {
    "turtle": (ox.RdfFormat.TURTLE, "text/turtle; charset=utf-8"),
    "jsonld": (ox.RdfFormat.JSON_LD, "application/ld+json"),
}


def plan_rdf(plan: Plan, fmt: str) -> bytes:
    """The plan graph serialised (``turtle`` or ``jsonld``), triples sorted: the same plan gives
    the same bytes."""
    triples = sorted((to_ox_triple(s, p, o) for s, p, o in plan_graph(plan)),
                     key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    data = ox.serialize(triples, format=RDF_FORMATS[fmt][0], prefixes=PREFIXES)
    assert data is not None  # no output file given: the bytes come back
    return data
