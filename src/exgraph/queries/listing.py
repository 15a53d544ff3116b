"""The lists that the JSON API and the web pages both show, each assembled from named queries.

* :func:`exercise_list`: a page of exercises matching filters, with the total
  (``queries/exercises.rq`` plus :data:`PAGE_DETAILS` for the page's difficulty and equipment);
* :func:`alternative_items`: an exercise's alternatives as its sources list them, optionally
  filtered (``queries/alternatives.rq``, the headline question as a named query);
* :func:`muscle_items`, :func:`muscle_exercise_items`: the muscle catalogue, and the exercises
  that work a muscle (``queries/muscles.rq``, ``queries/exercises-for-muscle.rq``);
* :func:`equipment_taxonomy`: kinds and categories (``queries/equipment-taxonomy.rq``).

They were the bodies of the API routes; they live here so that a page and its JSON form come
from the same code and cannot drift apart. (The API's ``/alternatives`` now answers from the
ranking engine of :mod:`exgraph.queries.substitutes`; the exercise page's alternatives stay
those its sources list, filtered by the named query.) Values are request text, checked by the
named query's :meth:`~exgraph.queries.catalogue.NamedQuery.bind` (BadRequest naming the
parameter).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from typing import Any

from rdflib import URIRef
from rdflib.term import Node

from exgraph.graph.store import Store
from exgraph.queries.catalogue import Known, NamedQuery, default_catalogue, serialize_term
from exgraph.queries.documents import CATEGORY_KEYS, difficulty_list, ident
from exgraph.vocab.terms import DIFFICULTIES

#: The filters of the exercise list (parameters of ``queries/exercises.rq``).
LIST_FILTERS = ("muscle", "role", "equipment", "exclude_equipment", "difficulty", "q")

PAGE_DETAILS = """\
PREFIX exg: <https://w3id.org/exgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?exercise ?level ?equipment ?equipment_name WHERE {
  VALUES ?exercise { %s }
  { ?exercise exg:difficulty ?level }
  UNION
  { ?exercise exg:requiresEquipment ?equipment .
    OPTIONAL { ?equipment rdfs:label ?equipment_name } }
}"""

#: Every exercise matching a filter combination, in order: (IRI, name).
Matches = list[tuple[Node, Node]]
#: ``memo(key, build)``: the value kept under key, or build() (the web layer keeps recent ones).
Memo = Callable[[Hashable, Callable[[], Matches]], Matches]


def _query(name: str) -> NamedQuery:
    return default_catalogue().get_query(name)


def ref(iri: Node, name: Node | str | None) -> dict[str, Any]:
    """``{"id", "iri", "name"}`` of a resource, as every list item names one."""
    return {"id": ident(iri), "iri": str(iri), "name": None if name is None else str(name)}


def optional_str(value: Node | None) -> str | None:
    """The text of a value that may be unbound."""
    return None if value is None else str(value)


def exercise_list(store: Store, values: Mapping[str, str], known: Known | None, *,
                  limit: int, offset: int, memo: Memo | None = None) -> dict[str, Any]:
    """``{"total", "limit", "offset", "items"}``: the exercises matching values (filters of
    :data:`LIST_FILTERS`), ordered by name, ``limit`` of them from ``offset``.

    Every match, in order, is one query per filter combination (a scan of all exercises); memo
    keeps it so that paging through it only costs the small details query of the page.
    Raises BadRequest for an unknown filter or a value that is not valid for it.
    """
    query = _query("exercises")
    bound = query.bind(values, known)
    key = tuple(sorted((name, tuple(map(str, terms))) for name, terms in bound.items()))

    def build() -> Matches:
        return [(row["exercise"], row["name"]) for row in store.select(query.render(bound))]

    matches = build() if memo is None else memo(key, build)
    page = matches[offset:offset + limit]
    levels: dict[Node, set[Node]] = {exercise: set() for exercise, _ in page}
    equipment: dict[Node, dict[Node, Node | None]] = {exercise: {} for exercise, _ in page}
    if page:
        block = " ".join(serialize_term(exercise) for exercise, _ in page)
        for row in store.select(PAGE_DETAILS % block):
            if "level" in row:
                levels[row["exercise"]].add(row["level"])
            if "equipment" in row:
                equipment[row["exercise"]][row["equipment"]] = row.get("equipment_name")
    items = [{
        **ref(exercise, name),
        "difficulty": difficulty_list(levels[exercise]),
        "equipment": sorted((ref(eq, eq_name) for eq, eq_name in equipment[exercise].items()),
                            key=lambda e: e["id"]),
    } for exercise, name in page]
    return {"total": len(matches), "limit": limit, "offset": offset, "items": items}


def alternative_items(store: Store, exercise: URIRef, values: Mapping[str, str],
                      known: Known | None) -> list[dict[str, Any]]:
    """The alternatives of exercise in the source's order, each with what it is best for, how
    it differs and its difficulty levels; values may hold ``exclude_equipment`` and
    ``difficulty``. Raises BadRequest for a bad value."""
    result = _query("alternatives").run(store, {"exercise": str(exercise), **values}, known)
    items: dict[Node, dict[str, Any]] = {}
    levels: dict[Node, set[Node]] = {}
    for row in result.rows:
        alt = row["alternative"]
        if alt not in items:
            items[alt] = {**ref(alt, row.get("name")),
                          "best_for": optional_str(row.get("best_for")),
                          "key_difference": optional_str(row.get("key_difference")),
                          "difficulty": []}
            levels[alt] = set()
        if "difficulty" in row:
            levels[alt].add(DIFFICULTIES.get(str(row["difficulty"])))  # type: ignore[arg-type]
    for alt, item in items.items():
        item["difficulty"] = difficulty_list(levels[alt])
    return list(items.values())


def muscle_items(store: Store, known: Known | None) -> list[dict[str, Any]]:
    """The muscle catalogue: every muscle and group, whether it is a group, and its broader
    group's id."""
    result = _query("muscles").run(store, {}, known)
    return [{
        **ref(row["muscle"], row["name"]),
        "group": bool(row["group"].toPython()) if "group" in row else False,  # type: ignore[attr-defined]
        "broader": ident(row["broader"]) if "broader" in row else None,
    } for row in result.rows]


def muscle_exercise_items(store: Store, muscle: URIRef, values: Mapping[str, str],
                          known: Known | None) -> list[dict[str, Any]]:
    """The exercises that work muscle (a group matches its narrower muscles), ordered by name,
    each with the muscles as tagged, their role and function; values may hold ``role``."""
    result = _query("exercises-for-muscle").run(store, {"muscle": str(muscle), **values}, known)
    items: dict[Node, dict[str, Any]] = {}
    for row in result.rows:
        item = items.setdefault(row["exercise"], {**ref(row["exercise"], row["name"]),
                                                  "muscles": []})
        item["muscles"].append({"id": ident(row["muscle"]), "role": str(row["role"]),
                                "function": optional_str(row.get("function"))})
    return list(items.values())


def equipment_taxonomy(store: Store, known: Known | None) -> dict[str, list[dict[str, Any]]]:
    """``{"categories", "items"}``: the equipment categories, and every kind with its broader
    kinds (``category`` says whether one is a category) and the categories it falls under."""
    result = _query("equipment-taxonomy").run(store, {}, known)
    kinds: dict[Node, dict[str, Any]] = {}
    categories: dict[Node, dict[str, Any]] = {}
    for row in result.rows:
        item = kinds.setdefault(row["equipment"], {**ref(row["equipment"], row["name"]),
                                                   "broader": [], "categories": []})
        broader = row.get("broader")
        if broader is not None and ident(broader) not in [b["id"] for b in item["broader"]]:
            item["broader"].append({"id": ident(broader), "iri": str(broader),
                                    "category": broader in CATEGORY_KEYS})
        category = row.get("category")
        if category is not None:
            if ident(category) not in item["categories"]:
                item["categories"].append(ident(category))
            categories.setdefault(category, ref(category, row.get("category_name")))
    return {"categories": sorted(categories.values(), key=lambda c: c["id"]),
            "items": sorted(kinds.values(), key=lambda k: k["id"])}
