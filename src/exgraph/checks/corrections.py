"""Corrections: reviewed fixes of single fields, written as a source graph of their own.

``data/corrections.tsv`` holds one row per corrected field of an exercise (tab-separated):

* ``exercise`` — the slug (the canonical IRI the served graph uses);
* ``field`` — ``equipment``, ``muscles``, ``difficulty``, ``pattern``, ``kind`` or
  ``laterality``;
* ``values`` — the field's complete new value: equipment slugs separated by commas; muscles as
  ``primary: a, b; secondary: c; stabilizer: d`` (every role the exercise has); ``low``,
  ``moderate`` or ``high``; the local name of an ``exg:MovementPattern``, ``exg:ActivityKind``
  or ``exg:Laterality`` (``HipHinge``, ``Cardio``, ``Unilateral``);
* ``reason`` — one line: why the value is right and what the sources said.

:func:`corrections_graph` turns it into ``data/reviewed/corrections.ttl`` (``exgraph check
--write-corrections``), loaded as ``src:reviewed-corrections``: first in the precedence, so the
corrected field replaces the sources' value in the effective facts, while the sources' own
statements stay in their graphs. Each corrected field gets an ``exg:rationale`` node
(``exercise:X/reviewed-corrections/rationale/FIELD``, an ``exg:FactRationale`` with
``exg:aboutProperty`` and ``exg:reason``); muscles get their ``exg:MuscleInvolvement`` nodes as
the sources state them. An exercise a family file of the reviewed layer describes whole
(``data/reviewed/FAMILY.ttl``) gets no correction: the family file is its one review.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS

from exgraph.config import DATA_DIR
from exgraph.errors import DataError
from exgraph.vocab.terms import (
    DIFFICULTIES,
    EQUIPMENT,
    EXERCISE,
    EXG,
    MUSCLE,
    PREFIXES,
    ROLE_PROPERTIES,
    ROLES,
    SLUG_RE,
    SOURCE,
    part_iri,
)

#: The reviewed corrections, one row per field.
CORRECTIONS_TSV = DATA_DIR / "corrections.tsv"
#: The graph they become (loaded as src:reviewed-corrections).
CORRECTIONS_TTL = DATA_DIR / "reviewed" / "corrections.ttl"
CORRECTIONS_SOURCE = SOURCE["reviewed-corrections"]
_COLUMNS = ["exercise", "field", "values", "reason"]

#: field -> the property it sets (muscles: several, see ROLE_PROPERTIES).
FIELD_PROPERTIES: dict[str, URIRef] = {
    "equipment": EXG.requiresEquipment,
    "muscles": EXG.muscleInvolvement,
    "difficulty": EXG.difficulty,
    "pattern": EXG.movementPattern,
    "kind": EXG.activityKind,
    "laterality": EXG.laterality,
}
_RATIONALE_KEY = {"equipment": "requires-equipment", "muscles": "muscles",
                  "difficulty": "difficulty", "pattern": "movement-pattern",
                  "kind": "activity-kind", "laterality": "laterality"}
PATTERNS = frozenset({"HipHinge", "Squat", "Lunge", "HorizontalPush", "VerticalPush",
                      "HorizontalPull", "VerticalPull", "Carry", "TrunkStability", "Isolation"})
KINDS = frozenset({"StrengthTraining", "PowerTraining", "Stretching", "SelfMyofascialRelease",
                   "MobilityDrill", "Cardio"})
LATERALITIES = frozenset({"Bilateral", "Unilateral", "Alternating"})


@dataclass(frozen=True)
class Correction:
    exercise: str
    field: str
    values: tuple[tuple[str, str], ...]  # (role or "", value slug)
    reason: str
    where: str


def _values(field: str, text: str, where: str) -> tuple[tuple[str, str], ...]:
    if field == "muscles":
        out: list[tuple[str, str]] = []
        for part in filter(None, (p.strip() for p in text.split(";"))):
            role, _, muscles = part.partition(":")
            if role.strip() not in ROLES:
                raise DataError(f"{where}: muscles are 'primary: a, b; secondary: c; "
                                f"stabilizer: d', got role {role.strip()!r}")
            out += [(role.strip(), m.strip()) for m in muscles.split(",") if m.strip()]
        if not any(role == "primary" for role, _ in out):
            raise DataError(f"{where}: corrected muscles need a primary muscle")
        return tuple(out)
    items = tuple(("", v.strip()) for v in text.split(",") if v.strip())
    allowed = {"difficulty": set(DIFFICULTIES), "pattern": PATTERNS, "kind": KINDS,
               "laterality": LATERALITIES}.get(field)
    if not items or (field != "equipment" and len(items) != 1):
        many = "one or more values" if field == "equipment" else "one value"
        raise DataError(f"{where}: {field} takes {many}")
    for _, value in items:
        if allowed is not None and value not in allowed:
            raise DataError(f"{where}: {field} {value!r} is not one of "
                            f"{', '.join(sorted(allowed))}")
        if allowed is None and not SLUG_RE.match(value):
            raise DataError(f"{where}: not an equipment slug: {value!r}")
    return items


def read_corrections(path: Path = CORRECTIONS_TSV) -> list[Correction]:
    """The rows of the corrections file ([] when absent). Raises DataError naming the line of a
    malformed row, an unknown field or value, an empty reason or a field corrected twice."""
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [(n, line) for n, line in enumerate(handle, 1)
                 if line.strip() and not line.startswith("#")]
    if not lines or lines[0][1].rstrip("\r\n").split("\t") != _COLUMNS:
        raise DataError(f"{path}:1: the header must be {'<TAB>'.join(_COLUMNS)}")
    out: list[Correction] = []
    seen: set[tuple[str, str]] = set()
    for number, line in lines[1:]:
        where = f"{path}:{number}"
        row = next(csv.reader([line.rstrip("\r\n")], delimiter="\t", quoting=csv.QUOTE_NONE))
        if len(row) != 4:
            raise DataError(f"{where}: expected exercise, field, values, reason "
                            f"(4 tab-separated columns), got {len(row)}")
        exercise, field, values, reason = (cell.strip() for cell in row)
        if not SLUG_RE.match(exercise):
            raise DataError(f"{where}: not an exercise slug: {exercise!r}")
        if field not in FIELD_PROPERTIES:
            raise DataError(f"{where}: unknown field {field!r} "
                            f"(fields: {', '.join(FIELD_PROPERTIES)})")
        if not reason:
            raise DataError(f"{where}: a correction needs a reason")
        if (exercise, field) in seen:
            raise DataError(f"{where}: {exercise} {field} is corrected twice")
        seen.add((exercise, field))
        out.append(Correction(exercise, field, _values(field, values, where), reason, where))
    return out


def reviewed_elsewhere(reviewed_dir: Path = CORRECTIONS_TTL.parent) -> frozenset[str]:
    """The slugs of the exercises a family file of the reviewed layer describes
    (``data/reviewed/FAMILY.ttl``, every field): a correction of one of them is left out, so an
    exercise has one review and its nodes one role."""
    found: set[str] = set()
    for path in sorted(reviewed_dir.glob("*.ttl")):
        if path == CORRECTIONS_TTL or path.name == CORRECTIONS_TTL.name:
            continue
        graph = Graph().parse(path, format="turtle")
        for subject in graph.subjects(DCTERMS.source, None):
            slug = str(subject).removeprefix(str(EXERCISE))
            if str(subject).startswith(str(EXERCISE)) and SLUG_RE.match(slug):
                found.add(slug)
    return frozenset(found)


def corrections_graph(corrections: list[Correction],
                      skip: frozenset[str] | None = None) -> Graph:
    """The corrections as the triples of ``src:reviewed-corrections``, its source described;
    those of exercises in ``skip`` (default: :func:`reviewed_elsewhere`) left out."""
    skip = reviewed_elsewhere() if skip is None else skip
    corrections = [c for c in corrections if c.exercise not in skip]
    graph = Graph()
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns)
    graph.add((CORRECTIONS_SOURCE, RDF.type, EXG.Source))
    graph.add((CORRECTIONS_SOURCE, RDFS.label, Literal("Reviewed corrections")))
    graph.add((CORRECTIONS_SOURCE, DCTERMS.title, Literal("exgraph reviewed corrections")))
    graph.add((CORRECTIONS_SOURCE, DCTERMS.description, Literal(
        "Single fields of exercises the fact checks (exgraph check) found wrong in the sources, "
        "corrected by hand from standard kinesiology and the exercise's own text; each with a "
        "rationale. Written from data/corrections.tsv.")))
    graph.add((CORRECTIONS_SOURCE, DCTERMS.license,
               URIRef("https://creativecommons.org/licenses/by/4.0/")))
    for c in corrections:
        exercise = EXERCISE[c.exercise]
        graph.add((exercise, DCTERMS.source, CORRECTIONS_SOURCE))
        prop = FIELD_PROPERTIES[c.field]
        if c.field == "muscles":
            for role, muscle in c.values:
                node = part_iri(exercise, "muscle", muscle, source="reviewed-corrections")
                graph.add((exercise, EXG.muscleInvolvement, node))
                graph.add((node, RDF.type, EXG.MuscleInvolvement))
                graph.add((node, EXG.muscle, MUSCLE[muscle]))
                graph.add((node, EXG.role, ROLES[role]))
                graph.add((node, DCTERMS.source, CORRECTIONS_SOURCE))
                graph.add((exercise, ROLE_PROPERTIES[ROLES[role]], MUSCLE[muscle]))
                graph.add((exercise, EXG.worksMuscle, MUSCLE[muscle]))
            about = EXG.primaryMuscle
        else:
            for _, value in c.values:
                obj = (EQUIPMENT[value] if c.field == "equipment" else
                       DIFFICULTIES[value] if c.field == "difficulty" else EXG[value])
                graph.add((exercise, prop, obj))
            about = prop
        rationale = part_iri(exercise, "rationale", _RATIONALE_KEY[c.field],
                             source="reviewed-corrections")
        graph.add((exercise, EXG.rationale, rationale))
        graph.add((rationale, RDF.type, EXG.FactRationale))
        graph.add((rationale, EXG.aboutProperty, about))
        graph.add((rationale, EXG.reason, Literal(c.reason)))
    return graph
