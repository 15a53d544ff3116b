"""free-exercise-db (github.com/yuhonas/free-exercise-db): ``exercises.json`` to import records.

The dataset is public domain (Unlicense), so names and instructions are copied as they are. Its
pictures stay in its repository: each becomes a ``schema:image`` link to the file there (never
fetched), with the dataset's licence and the record as its source.
Its 17 muscle groups and 12 equipment values all resolve through the labels and skos:altLabels of
data/muscles.ttl and data/equipment.ttl ("lower back" is an altLabel of muscle:erector-spinae,
"cable" of equipment:cable-station, "machine" of equipment:machine, "body only" of
equipment:bodyweight, "other" of equipment:other), so no mapping table is needed.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS

from exgraph.importers.common import (
    MAX_TEXT,
    DatasetError,
    ImportRecord,
    RecordSource,
    field_value,
    load_json_list,
    string_list,
)
from exgraph.vocab.names import slugify
from exgraph.vocab.terms import EXG, SOURCE

DATASET = "free-exercise-db"
DATASET_SOURCE = SOURCE[DATASET]
LICENSE = URIRef("https://unlicense.org/")
HOMEPAGE = URIRef("https://github.com/yuhonas/free-exercise-db")
#: Where the dataset's pictures are: each record names its images by a path under exercises/.
IMAGE_BASE = "https://raw.githubusercontent.com/yuhonas/free-exercise-db/main/exercises/"
LEVELS: dict[str, URIRef] = {"beginner": EXG.Low, "intermediate": EXG.Moderate, "expert": EXG.High}


def dataset_source() -> Graph:
    """The dataset-level exg:Source that every record's source is part of."""
    graph = Graph()
    graph.add((DATASET_SOURCE, RDF.type, EXG.Source))
    graph.add((DATASET_SOURCE, RDFS.label, Literal("free-exercise-db")))
    graph.add((DATASET_SOURCE, DCTERMS.title,
               Literal("Free Exercise DB (yuhonas/free-exercise-db)")))
    graph.add((DATASET_SOURCE, RDFS.comment, Literal(
        "An open public-domain dataset of exercises, imported with "
        "'exgraph import free-exercise-db'."
    )))
    graph.add((DATASET_SOURCE, DCTERMS.license, LICENSE))
    graph.add((DATASET_SOURCE, RDFS.seeAlso, HOMEPAGE))
    return graph


def read_records(path: Path) -> list[ImportRecord]:
    """The records of ``exercises.json`` (path may be the file or its folder), sorted by id.

    Raises DatasetError naming the file and record for a missing file, malformed JSON, a missing
    or mistyped field, an unknown level, or a repeated id.
    """
    path = Path(path)
    if path.is_dir():
        path = path / "exercises.json"
    items = load_json_list(path)
    records: dict[str, ImportRecord] = {}
    first_seen: dict[str, str] = {}
    for index, item in enumerate(items, start=1):
        record = _record(item, f"{path.name}: record {index}")
        # the source node is named after the id's slug, so ids must differ as slugs too
        if record.source.slug in first_seen:
            raise DatasetError(f"{record.ref}: id {record.source.identifier!r} repeats "
                               f"{first_seen[record.source.slug]}")
        records[record.source.identifier] = record
        first_seen[record.source.slug] = record.ref
    return [records[key] for key in sorted(records)]


def _images(item: object, where: str) -> list[str]:
    """The record's image paths (``3_4_Sit-Up/0.jpg``); none when the field is absent."""
    if field_value(item, "images", where, list, optional=True) is None:
        return []
    paths = string_list(item, "images", where)
    for path in paths:
        if not path or path.startswith("/") or ".." in path.split("/"):
            raise DatasetError(f"{where}: field 'images': {path!r} is not a path under exercises/")
    return paths


def _record(item: object, where: str) -> ImportRecord:
    name = field_value(item, "name", where, str).strip()
    where = f"{where} ({name!r})"
    if not name:
        raise DatasetError(f"{where}: field 'name' is empty")
    record_id = field_value(item, "id", where, str)
    level = field_value(item, "level", where, str)
    if level not in LEVELS:
        raise DatasetError(
            f"{where}: field 'level' is {level!r}, expected one of {', '.join(LEVELS)}")
    equipment = field_value(item, "equipment", where, str, nullable=True)
    notes = []
    if equipment is None:
        notes.append("equipment null: no exg:requiresEquipment")
    elif equipment == "other":
        notes.append("equipment 'other': equipment:other")
    try:
        id_slug = slugify(record_id)
    except ValueError:
        raise DatasetError(f"{where}: field 'id' {record_id!r} has no letters or digits") from None
    return ImportRecord(
        ref=where,
        label=name,
        source=RecordSource(
            slug=f"{DATASET}-{id_slug}",
            label=f"free-exercise-db record {record_id}",
            identifier=record_id,
            dataset=DATASET_SOURCE,
            license=LICENSE,
        ),
        collision_suffix=f"fedb-{id_slug}",
        primary=string_list(item, "primaryMuscles", where),
        secondary=string_list(item, "secondaryMuscles", where),
        equipment=[] if equipment is None else [equipment],
        difficulty=LEVELS[level],
        force=field_value(item, "force", where, str, nullable=True, optional=True),
        mechanic=field_value(item, "mechanic", where, str, nullable=True),
        category=field_value(item, "category", where, str),
        steps=string_list(item, "instructions", where, max_length=MAX_TEXT),
        images=[URIRef(IMAGE_BASE + quote(path)) for path in _images(item, where)],
        notes=notes,
    )
