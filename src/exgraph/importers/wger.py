"""wger (github.com/wger-project/wger): Django dumpdata fixtures to import records.

One record per ``exercises.exercise`` (the language-independent base). Its translations give the
names: ``skos:prefLabel`` per language, ``rdfs:label`` the English name (when an exercise has no
English translation: the German one, else the one of the lowest language id; counted in the
summary). Aliases become language-tagged ``skos:altLabel``. Comments are not imported.

What wger gets wrong, cleaned here (each rule counted in the summary, tested in
tests/integration/data/test_wger_cleanups.py):

* **Names in the language they are written in.** wger holds Spanish, Portuguese, German and other
  names as English translations and aliases. A name wger tags ``en`` is given the language a
  detector (:class:`LanguageCheck`) is sure of; an English translation so re-tagged is no longer
  the exercise's English name: an English alias becomes its ``rdfs:label`` if it has one (else
  the name stays the label, as wger shows it). An English description written in another
  language is not copied.
* **Training type and body region apart.** wger's categories are body regions ("Legs", "Back",
  ...) except "Cardio", a training type: ``exg:category`` gets ``cardio``, the others become
  ``exg:bodyRegion`` (lower-case), so ``exg:category`` holds training types only.
* **Muscle 2 is the deltoid.** wger's muscle 2, "Anterior deltoid", is what wger's pages call
  shoulders, and is given for lateral and rear delt work too: it becomes the group
  (muscle:shoulders) unless the exercise's English name names a head (:func:`deltoid_heads`).
* **Entries that are no exercise are left out.** An entry wger gives no muscle and no equipment
  (none, or only "none (bodyweight exercise)") whose every name says no movement — a rest
  period, a meditation, or one word that is a muscle or a piece of equipment, misspelt or not
  (:func:`~exgraph.importers.wger_text.not_an_exercise`) — is listed in the summary and not
  imported: "Rest (for timed workouts)", "Meditación guiada o libre", "bicep", "cabel" on the
  snapshot of ../shared (docs/data.md lists the near misses kept and why).

Licenses: every record keeps its license and author on its own source node
(``src:wger-exercise-<uuid>``). Of the text, only the English description is copied (HTML
removed, as ``exg:summary`` of a new resource), and only when its translation's license allows
copying with attribution (CC-BY-SA, CC-BY, CC0); that translation then gets its own source node
(``src:wger-translation-<uuid>``) with its license and author, linked from the exercise.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS

from exgraph.importers.common import (
    MAX_TEXT,
    DatasetError,
    ImportRecord,
    RecordSource,
    field_value,
    load_json_list,
)
from exgraph.importers.wger_text import (
    DELTOID_GROUP,
    WRONG_NAMES,
    LanguageCheck,
    deltoid_heads,
    not_an_exercise,
    plain_text,
    vocabulary_words,
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
#: wger's categories that are training types; the others are body regions.
TRAINING_TYPES = frozenset({"cardio"})
#: wger's muscle 2 ("Anterior deltoid" in muscles.json, "Shoulders" on wger's pages).
DELTOID = 2



def dataset_source() -> Graph:
    """The dataset-level exg:Source that every record's source is part of."""
    graph = Graph()
    graph.add((DATASET_SOURCE, RDF.type, EXG.Source))
    graph.add((DATASET_SOURCE, RDFS.label, Literal("wger")))
    graph.add((DATASET_SOURCE, DCTERMS.title,
               Literal("wger exercise database (wger-project/wger)")))
    graph.add((DATASET_SOURCE, RDFS.comment, Literal(
        "Exercises of the wger workout manager, imported with 'exgraph import wger'. Each record "
        "carries its own license and author on its source node (dcterms:license, dcterms:creator)."
    )))
    graph.add((DATASET_SOURCE, RDFS.seeAlso, HOMEPAGE))
    return graph


@dataclass(frozen=True)
class _Fixture:
    where: str
    pk: int
    fields: dict[str, Any]


def _fixtures(folder: Path, filename: str, models: tuple[str, ...]) -> list[_Fixture]:
    """The dumpdata entries of filename whose model is in models, with where they are."""
    out = []
    seen: dict[tuple[str, int], str] = {}
    for index, item in enumerate(load_json_list(folder / filename), start=1):
        where = f"{filename}: record {index}"
        model = field_value(item, "model", where, str)
        pk = field_value(item, "pk", where, int)
        where = f"{where} (pk {pk})"
        fields = field_value(item, "fields", where, dict)
        if model in models:
            if (model, pk) in seen:
                raise DatasetError(f"{where}: {model} pk {pk} repeats {seen[model, pk]}")
            seen[model, pk] = where
            out.append(_Fixture(where, pk, fields))
    return out


def _by_pk(folder: Path, filename: str, model: str, name_field: str) -> dict[int, str]:
    return {f.pk: field_value(f.fields, name_field, f.where, str)
            for f in _fixtures(folder, filename, (model,))}


def _english_muscle_names(folder: Path) -> list[str]:
    """wger's English muscle names ("Biceps", "Lower back"; the field may be empty)."""
    return [name for f in _fixtures(folder, "muscles.json", ("exercises.muscle",))
            if (name := field_value(f.fields, "name_en", f.where, str, optional=True))]


def _ref(table: dict[int, Any], pk: Any, what: str, where: str, source: str) -> Any:
    if not isinstance(pk, int) or isinstance(pk, bool) or pk not in table:
        raise DatasetError(f"{where}: {what} {pk!r} is not in {source}")
    return table[pk]


@dataclass
class _Translation:
    pk: int
    uuid: str
    tag: str  # the language wger gives it
    language: str  # the language its name is written in: the tag, unless the check re-tagged it
    language_pk: int
    name: str
    description: str
    license: URIRef
    author: str


@dataclass(frozen=True)
class _Alias:
    name: str
    language: str
    retagged: bool  # tagged en by wger, written in language


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
    check = LanguageCheck(languages.values())
    translations, aliases = _translations(folder, exercise_pks, languages, licenses, check)
    vocabulary = vocabulary_words([*muscles.values(), *_english_muscle_names(folder),
                                   *equipment.values()])

    records = []
    first_seen: dict[str, str] = {}
    for exercise in sorted(exercises, key=lambda e: e.pk):
        record = _record(exercise, translations.get(exercise.pk, []),
                         aliases.get(exercise.pk, []), licenses, muscles, equipment,
                         categories, check, vocabulary)
        # the source node is named after the uuid's slug, so uuids must differ as slugs too
        if record.source.slug in first_seen:
            raise DatasetError(f"{record.ref}: uuid {record.source.identifier!r} repeats "
                               f"{first_seen[record.source.slug]}")
        first_seen[record.source.slug] = record.ref
        records.append(record)
    return records


def _translations(
    folder: Path, exercise_pks: set[int], languages: dict[int, str], licenses: dict[int, URIRef],
    check: LanguageCheck,
) -> tuple[dict[int, list[_Translation]], dict[int, list[_Alias]]]:
    """Each exercise's translations and aliases (in id order), names given the language they
    are written in."""
    entries = sorted(
        _fixtures(folder, "translations.json", ("exercises.translation", "exercises.alias")),
        key=lambda e: e.pk)
    language_pks = {code: pk for pk, code in sorted(languages.items(), reverse=True)}
    translations: dict[int, list[_Translation]] = defaultdict(list)
    by_pk: dict[int, _Translation] = {}
    exercise_of: dict[int, int] = {}
    exercise_table = {pk: pk for pk in exercise_pks}
    dropped: set[int] = set()
    for entry in entries:
        if "alias" in entry.fields:
            continue
        f, where = entry.fields, entry.where
        exercise = _ref(exercise_table, field_value(f, "exercise", where, int),
                        "exercise", where, "exercise-base-data.json")
        language_pk = field_value(f, "language", where, int)
        tag = _ref(languages, language_pk, "language", where, "languages.json")
        name = field_value(f, "name", where, str).strip()
        if not name:
            raise DatasetError(f"{where}: field 'name' is empty")
        if name in WRONG_NAMES and tag != "en":  # an English translation is the record itself
            dropped.add(entry.pk)
            continue
        language = (check.written_in(name) if tag == "en" else None) or tag
        translation = _Translation(
            pk=entry.pk,
            uuid=field_value(f, "uuid", where, str),
            tag=tag,
            language=language,
            language_pk=language_pks[language],
            name=name,
            description=field_value(f, "description", where, str, max_length=MAX_TEXT),
            license=_ref(licenses, field_value(f, "license", where, int), "license", where,
                         "licenses.json"),
            author=field_value(f, "license_author", where, str).strip(),
        )
        translations[exercise].append(translation)
        by_pk[entry.pk] = translation
        exercise_of[entry.pk] = exercise
    aliases: dict[int, list[_Alias]] = defaultdict(list)
    for entry in entries:
        if "alias" not in entry.fields:
            continue
        alias = field_value(entry.fields, "alias", entry.where, str).strip()
        if field_value(entry.fields, "translation", entry.where, int) in dropped:
            continue
        translation = _ref(by_pk, field_value(entry.fields, "translation", entry.where, int),
                           "translation", entry.where, "translations.json")
        if alias and alias not in WRONG_NAMES:
            written = check.written_in(alias) if translation.tag == "en" else None
            aliases[exercise_of[translation.pk]].append(
                _Alias(alias, written or translation.tag, written is not None))
    return translations, aliases


def _record(
    exercise: _Fixture,
    translations: list[_Translation],
    aliases: list[_Alias],
    licenses: dict[int, URIRef],
    muscles: dict[int, str],
    equipment: dict[int, str],
    categories: dict[int, str],
    check: LanguageCheck,
    vocabulary: frozenset[str],
) -> ImportRecord:
    f, where = exercise.fields, exercise.where
    uuid = field_value(f, "uuid", where, str)
    license = _ref(licenses, field_value(f, "license", where, int), "license", where,
                   "licenses.json")
    author = field_value(f, "license_author", where, str).strip()
    group = field_value(f, "variation_group", where, (str, int), nullable=True)
    notes: list[str] = []

    names, alias_names, label = _names(translations, aliases, notes)
    ref = f"{where} ({label!r})" if label else where
    if not author:
        notes.append("no license_author on the exercise record")

    category, body_region = _category(
        _ref(categories, field_value(f, "category", where, int), "category", where,
             "categories.json"), notes)
    english = [n for lang, n in names.items() if lang == "en"]
    english += [n for n, lang in alias_names if lang == "en"]

    def names_of(field: str, table: dict[int, str], what: str, source: str) -> list[str]:
        values = field_value(f, field, where, list)
        out = []
        for pk in values:
            name = _ref(table, pk, f"{field}: {what}", where, source)
            if table is muscles and pk == DELTOID:
                out.extend(_deltoid(name, english, notes))
            else:
                out.append(name)
        return out

    summary, summary_source = _summary(translations, check, notes)
    equipment_names = names_of("equipment", equipment, "equipment", "equipment.json")
    if not equipment_names:
        notes.append("no equipment listed: no exg:requiresEquipment")
    primary = names_of("muscles", muscles, "muscle", "muscles.json")
    secondary = names_of("muscles_secondary", muscles, "muscle", "muscles.json")
    nothing = not primary and not secondary and all(
        name.casefold().startswith("none") for name in equipment_names)
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
        names=names,
        aliases=sorted(set(alias_names)),
        primary=primary,
        secondary=secondary,
        equipment=equipment_names,
        category=category,
        body_region=body_region,
        summary=summary,
        summary_source=summary_source,
        group=None if group is None else f"wger-{group}",
        notes=notes,
        not_exercise=not_an_exercise(
            [t.name for t in translations] + [a.name for a in aliases], vocabulary)
        if nothing else None,
    )


def _names(translations: list[_Translation], aliases: list[_Alias], notes: list[str]
           ) -> tuple[dict[str, str], list[tuple[str, str]], str]:
    """(name per language, other names with their language, rdfs:label) of one exercise.

    One name per language, for skos:prefLabel: the translation wger gives that language, else
    the lowest translation id; another name in the same language becomes an alias. The label is
    the English name. When wger's English translation is written in another language, the
    first English alias is the English name and the label; without one, the translation's name
    stays the label (the name wger shows first), in its own language.
    """
    chosen: dict[str, _Translation] = {}
    others: list[tuple[str, str]] = []
    for translation in sorted(translations, key=lambda t: (t.language != t.tag, t.pk)):
        if translation.language != translation.tag:
            notes.append(f"name tagged en is in {translation.language}: re-tagged (translation)")
        if translation.language in chosen:
            others.append((translation.name, translation.language))
        else:
            chosen[translation.language] = translation
    names = {lang: t.name for lang, t in sorted(chosen.items())}
    for alias in aliases:
        if alias.retagged:
            notes.append(f"name tagged en is in {alias.language}: re-tagged (alias)")
        others.append((alias.name, alias.language))
    retagged = min((t for t in translations if t.tag == "en" and t.language != "en"),
                   key=lambda t: t.pk, default=None)
    english_alias = next((name for name, lang in others if lang == "en"), None)
    if "en" in chosen:
        label = chosen["en"].name
    elif retagged is not None and english_alias is not None:
        label = names["en"] = english_alias
        notes.append("English translation in another language: rdfs:label from an English alias")
    elif retagged is not None:
        label = retagged.name
        notes.append("English translation in another language, no English alias: rdfs:label in "
                     f"{retagged.language}")
    elif chosen:
        main = chosen.get(FALLBACK_LANGUAGE) or min(chosen.values(), key=lambda t: t.language_pk)
        label = main.name
        notes.append(f"no English name: rdfs:label in {main.language}")
    else:
        label = ""
        notes.append("no translation: no name")
    # a name is a prefLabel or an altLabel of its language, not both
    kept = [(name, lang) for name, lang in others
            if name.casefold() != names.get(lang, "").casefold()]
    return names, kept, label


def _category(name: str, notes: list[str]) -> tuple[str | None, str | None]:
    """(exg:category, exg:bodyRegion) of a wger category: a training type or a body region."""
    value = name.strip().lower()
    if value in TRAINING_TYPES:
        notes.append(f"category {name!r}: exg:category {value!r}")
        return value, None
    notes.append(f"category {name!r}: exg:bodyRegion {value!r}")
    return None, value


def _deltoid(name: str, english: list[str], notes: list[str]) -> list[str]:
    """The muscles wger's muscle 2 stands for in an exercise with these English names."""
    heads = deltoid_heads(english)
    notes.append(f"muscle 2 ({name!r}): {' and '.join(heads) if heads else DELTOID_GROUP}"
                 + (" (the name says)" if heads else " (the deltoid group)"))
    return heads or [DELTOID_GROUP]


def _summary(translations: list[_Translation], check: LanguageCheck, notes: list[str]
             ) -> tuple[str | None, RecordSource | None]:
    """The English description (of wger's English translation) and its source, when there is
    one, it is English and its license allows copying it."""
    english = min((t for t in translations if t.tag == "en"), key=lambda t: t.pk, default=None)
    text = plain_text(english.description) if english is not None else ""
    if english is None or not text:
        return None, None
    written = check.written_in(text)
    if written is not None:
        notes.append(f"description not copied: written in {written}")
        return None, None
    if not any(part in str(english.license) for part in COPYABLE):
        notes.append("description not copied: its license does not allow it")
        return None, None
    return text, _translation_source(english)


def _translation_source(translation: _Translation) -> RecordSource:
    return RecordSource(
        slug=f"wger-translation-{_slug(translation.uuid, f'translation {translation.pk}')}",
        label=f"wger translation {translation.pk} ({translation.tag}) of an exercise: "
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
