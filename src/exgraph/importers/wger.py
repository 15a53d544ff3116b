"""wger (github.com/wger-project/wger): Django dumpdata fixtures to import records.

One record per ``exercises.exercise`` (the language-independent base). Its translations give the
names: ``skos:prefLabel`` per language, ``rdfs:label`` the English name (when an exercise has no
English translation: the German one, else the one of the lowest language id; counted in the
summary). Aliases become language-tagged ``skos:altLabel``. Comments are not imported.

Licenses: every record keeps its license and author on its own source node
(``src:wger-exercise-<uuid>``). Of the text, only the English description is copied (HTML
removed, as ``exg:summary`` of a new resource), and only when its translation's license allows
copying with attribution (CC-BY-SA, CC-BY, CC0); that translation then gets its own source node
(``src:wger-translation-<uuid>``) with its license and author, linked from the exercise.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS

from exgraph.importers.common import (
    DatasetError,
    ImportRecord,
    RecordSource,
    field_value,
    load_json_list,
)
from exgraph.vocab.names import slugify
from exgraph.vocab.terms import EXG, SOURCE

DATASET = "wger"
DATASET_SOURCE = SOURCE[DATASET]
HOMEPAGE = URIRef("https://github.com/wger-project/wger")
FILES = ("exercise-base-data.json", "translations.json", "muscles.json", "equipment.json",
         "categories.json", "licenses.json", "languages.json")
#: Licenses under which text may be copied, with attribution kept on the record's source.
COPYABLE = ("creativecommons.org/licenses/by-sa/", "creativecommons.org/licenses/by/",
            "creativecommons.org/publicdomain/zero/")
FALLBACK_LANGUAGE = "de"

_BLOCK_END = re.compile(r"</(p|li|h[1-6]|div|ol|ul)>|<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"[ \t\r\f\v]+")


def dataset_source() -> Graph:
    """The dataset-level exg:Source that every record's source is part of."""
    graph = Graph()
    graph.add((DATASET_SOURCE, RDF.type, EXG.Source))
    graph.add((DATASET_SOURCE, RDFS.label, Literal("wger")))
    graph.add((DATASET_SOURCE, DCTERMS.title, Literal("wger exercise database (wger-project/wger)")))
    graph.add((DATASET_SOURCE, RDFS.comment, Literal(
        "Exercises of the wger workout manager, imported with 'exgraph import wger'. Each record "
        "carries its own license and author on its source node (dcterms:license, dcterms:creator)."
    )))
    graph.add((DATASET_SOURCE, RDFS.seeAlso, HOMEPAGE))
    return graph


def plain_text(markup: str) -> str:
    """Text of a wger HTML description: tags removed, entities decoded, one line per block."""
    text = html.unescape(_TAG.sub("", _BLOCK_END.sub("\n", markup)))
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


@dataclass(frozen=True)
class _Fixture:
    where: str
    pk: int
    fields: dict[str, Any]


def _fixtures(folder: Path, filename: str, models: tuple[str, ...]) -> list[_Fixture]:
    """The dumpdata entries of filename whose model is in models, with where they are."""
    out = []
    for index, item in enumerate(load_json_list(folder / filename), start=1):
        where = f"{filename}: record {index}"
        model = field_value(item, "model", where, str)
        pk = field_value(item, "pk", where, int)
        where = f"{where} (pk {pk})"
        fields = field_value(item, "fields", where, dict)
        if model in models:
            out.append(_Fixture(where, pk, fields))
    return out


def _by_pk(folder: Path, filename: str, model: str, name_field: str) -> dict[int, str]:
    return {f.pk: field_value(f.fields, name_field, f.where, str)
            for f in _fixtures(folder, filename, (model,))}


def _ref(table: dict[int, Any], pk: Any, what: str, where: str, source: str) -> Any:
    if not isinstance(pk, int) or isinstance(pk, bool) or pk not in table:
        raise DatasetError(f"{where}: {what} {pk!r} is not in {source}")
    return table[pk]


@dataclass
class _Translation:
    pk: int
    uuid: str
    language: str
    language_pk: int
    name: str
    description: str
    license: URIRef
    author: str


def read_records(folder: Path) -> list[ImportRecord]:
    """The exercises of a wger fixture folder as records, sorted by exercise id.

    Raises DatasetError naming file and record for a missing file, malformed JSON, a missing or
    mistyped field, or a reference (license, language, muscle, equipment, category, exercise,
    translation) to an entry that does not exist.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise DatasetError(f"{folder}: not a folder (expected wger's {', '.join(FILES)})")
    languages = _by_pk(folder, "languages.json", "core.language", "short_name")
    licenses = {pk: URIRef(url) for pk, url in
                _by_pk(folder, "licenses.json", "core.license", "url").items()}
    muscles = _by_pk(folder, "muscles.json", "exercises.muscle", "name")
    equipment = _by_pk(folder, "equipment.json", "exercises.equipment", "name")
    categories = _by_pk(folder, "categories.json", "exercises.exercisecategory", "name")
    exercises = _fixtures(folder, "exercise-base-data.json", ("exercises.exercise",))
    exercise_pks = {e.pk for e in exercises}
    translations, aliases = _translations(folder, exercise_pks, languages, licenses)

    records = []
    for exercise in sorted(exercises, key=lambda e: e.pk):
        records.append(_record(exercise, translations.get(exercise.pk, []),
                               aliases.get(exercise.pk, []), licenses, muscles, equipment,
                               categories))
    return records


def _translations(
    folder: Path, exercise_pks: set[int], languages: dict[int, str], licenses: dict[int, URIRef]
) -> tuple[dict[int, list[_Translation]], dict[int, list[tuple[str, str]]]]:
    entries = _fixtures(folder, "translations.json", ("exercises.translation", "exercises.alias"))
    translations: dict[int, list[_Translation]] = defaultdict(list)
    by_pk: dict[int, _Translation] = {}
    exercise_of: dict[int, int] = {}
    exercise_table = {pk: pk for pk in exercise_pks}
    for entry in entries:
        if "alias" in entry.fields:
            continue
        f, where = entry.fields, entry.where
        exercise = _ref(exercise_table, field_value(f, "exercise", where, int),
                        "exercise", where, "exercise-base-data.json")
        language_pk = field_value(f, "language", where, int)
        name = field_value(f, "name", where, str).strip()
        if not name:
            raise DatasetError(f"{where}: field 'name' is empty")
        translation = _Translation(
            pk=entry.pk,
            uuid=field_value(f, "uuid", where, str),
            language=_ref(languages, language_pk, "language", where, "languages.json"),
            language_pk=language_pk,
            name=name,
            description=field_value(f, "description", where, str),
            license=_ref(licenses, field_value(f, "license", where, int), "license", where,
                         "licenses.json"),
            author=field_value(f, "license_author", where, str).strip(),
        )
        translations[exercise].append(translation)
        by_pk[entry.pk] = translation
        exercise_of[entry.pk] = exercise
    aliases: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for entry in entries:
        if "alias" not in entry.fields:
            continue
        alias = field_value(entry.fields, "alias", entry.where, str).strip()
        translation = _ref(by_pk, field_value(entry.fields, "translation", entry.where, int),
                           "translation", entry.where, "translations.json")
        if alias:
            aliases[exercise_of[translation.pk]].append((alias, translation.language))
    return translations, aliases


def _record(
    exercise: _Fixture,
    translations: list[_Translation],
    aliases: list[tuple[str, str]],
    licenses: dict[int, URIRef],
    muscles: dict[int, str],
    equipment: dict[int, str],
    categories: dict[int, str],
) -> ImportRecord:
    f, where = exercise.fields, exercise.where
    uuid = field_value(f, "uuid", where, str)
    license = _ref(licenses, field_value(f, "license", where, int), "license", where,
                   "licenses.json")
    author = field_value(f, "license_author", where, str).strip()
    category = _ref(categories, field_value(f, "category", where, int), "category", where,
                    "categories.json")
    group = field_value(f, "variation_group", where, (str, int), nullable=True)

    def names_of(field: str, table: dict[int, str], what: str, source: str) -> list[str]:
        values = field_value(f, field, where, list)
        return [_ref(table, pk, f"{field}: {what}", where, source) for pk in values]

    notes = []
    # one name per language: the lowest translation id wins when a language repeats
    chosen: dict[str, _Translation] = {}
    for translation in sorted(translations, key=lambda t: t.pk):
        chosen.setdefault(translation.language, translation)
    if "en" in chosen:
        main = chosen["en"]
    elif chosen:
        main = chosen.get(FALLBACK_LANGUAGE) or min(chosen.values(), key=lambda t: t.language_pk)
        notes.append(f"no English name: rdfs:label in {main.language}")
    else:
        main = None
        notes.append("no translation: no name")
    label = main.name if main else ""
    ref = f"{where} ({label!r})" if label else where
    if not author:
        notes.append("no license_author on the exercise record")

    summary = summary_source = None
    if main is not None and main.language == "en" and plain_text(main.description):
        if any(part in str(main.license) for part in COPYABLE):
            summary = plain_text(main.description)
            summary_source = _translation_source(main)
        else:
            notes.append("description not copied: its license does not allow it")
    equipment_names = names_of("equipment", equipment, "equipment", "equipment.json")
    if not equipment_names:
        notes.append("no equipment listed: no exg:requiresEquipment")
    return ImportRecord(
        ref=ref,
        label=label,
        source=RecordSource(
            slug=f"wger-exercise-{_slug(uuid, where)}",
            label=f"wger exercise {exercise.pk} ({uuid})",
            identifier=uuid,
            dataset=DATASET_SOURCE,
            license=license,
            author=author or None,
        ),
        collision_suffix=f"wger-{exercise.pk}",
        names={lang: t.name for lang, t in chosen.items()},
        aliases=sorted(set(aliases)),
        primary=names_of("muscles", muscles, "muscle", "muscles.json"),
        secondary=names_of("muscles_secondary", muscles, "muscle", "muscles.json"),
        equipment=equipment_names,
        category=category,
        summary=summary,
        summary_source=summary_source,
        group=None if group is None else f"wger-{group}",
        notes=notes,
    )


def _translation_source(translation: _Translation) -> RecordSource:
    return RecordSource(
        slug=f"wger-translation-{_slug(translation.uuid, f'translation {translation.pk}')}",
        label=f"wger translation {translation.pk} ({translation.language}) of an exercise: "
              "name and description",
        identifier=translation.uuid,
        dataset=DATASET_SOURCE,
        license=translation.license,
        author=translation.author or None,
    )


def _slug(identifier: str, where: str) -> str:
    try:
        return slugify(identifier)
    except ValueError:
        raise DatasetError(f"{where}: uuid {identifier!r} has no letters or digits") from None
