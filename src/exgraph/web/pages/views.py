"""Pages for people: the search (``/``), an exercise, a muscle, a kind of equipment, and the
muscle and equipment indexes.

Each view asks the same functions as the JSON API (:mod:`exgraph.queries.listing`,
:func:`~exgraph.queries.documents.exercise_document`), so a page shows what its JSON form says.
Filters come from plain GET forms: every page works without JavaScript.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from flask import Response, current_app, url_for
from markupsafe import Markup
from rdflib import URIRef

from exgraph.errors import BadRequest
from exgraph.queries.documents import exercise_document
from exgraph.queries.listing import (
    LIST_FILTERS,
    alternative_items,
    exercise_list,
    muscle_exercise_items,
)
from exgraph.queries.resources import attribution, describe
from exgraph.queries.substitutes import engine_for, filters_for
from exgraph.vocab.terms import ROLES
from exgraph.web.cache import state
from exgraph.web.context import get_store
from exgraph.web.pages import images, links
from exgraph.web.pages.base import (
    DIFFICULTY_OPTIONS,
    ROLE_OPTIONS,
    bp,
    equipment_options,
    equipment_value,
    first_values,
    goal_labels,
    item_list,
    jsonld_of,
    known,
    known_iri,
    muscle_options,
    muscles,
    offset_arg,
    page,
    site_base_iri,
    taxonomy,
)
from exgraph.web.pages.bodymap import REGIONS, render_body_map

#: Exercises per page of a list.
PAGE_SIZE = 50
#: Exercises shown per role on a muscle page; the rest are one click away in the search.
PER_ROLE = 40
#: The question the project answers first: alternatives to an exercise that need no machine,
#: at low difficulty. The home page links to it and the SPARQL workbench starts with it.
HEADLINE = {"exercise": "machine-back-extension", "exclude_equipment": "machine",
            "difficulty": "low"}
#: Alternatives can be filtered on the exercise page like in the API.
ALTERNATIVE_FILTERS = ("exclude_equipment", "difficulty")
#: The "Without" choice a lifter with free weights and a bench asks for: no machine, no cable.
NO_MACHINES = "machine,cable-system"
#: Substitutes the engine adds after the listed alternatives.
SUBSTITUTES = 8
#: What an engine tier means to a lifter (the listed alternatives have their own mark).
TIER_MARKS = {"curated": "Curated alternative", "variation": "A variation of it",
              "computed": ""}


def _exercises(values: dict[str, str]) -> dict[str, Any]:
    """A page of the exercises matching values, from the request's offset (the API's list)."""
    return exercise_list(get_store(), values, state().is_known, limit=PAGE_SIZE,
                         offset=offset_arg(),
                         memo=lambda key, build: state().recent("exercise-list", key, build))


def _pages(listing: dict[str, Any], endpoint: str, **params: str) -> dict[str, str | None]:
    """Links to the previous and next page of a listing (None where there is none)."""
    offset, total = listing["offset"], listing["total"]

    def at(value: int) -> str:
        values: dict[str, Any] = {**params, **({"offset": str(value)} if value else {})}
        return url_for(endpoint, **values)

    return {"previous": at(max(offset - PAGE_SIZE, 0)) if offset > 0 else None,
            "next": at(offset + PAGE_SIZE) if offset + PAGE_SIZE < total else None}


def headline_url() -> str | None:
    """The exercise page answering the headline question, if the graph has the exercise."""
    slug = HEADLINE["exercise"]
    if not known("exercise", links.Resource("exercise", slug).iri(site_base_iri())):
        return None
    filters = {k: v for k, v in HEADLINE.items() if k != "exercise"}
    return f"/exercises/{slug}?{urlencode(filters)}#alternatives"


# ---------------------------------------------------------------------------------------------
# Search


@bp.get("/")
def home() -> Response:
    """Search exercises by name or alias, filter them, page through them."""
    values = first_values(LIST_FILTERS)
    error = None
    listing: dict[str, Any] = {"total": 0, "offset": 0, "items": []}
    try:
        listing = _exercises(values)
    except BadRequest as exc:
        error = str(exc)
    total = len(state().known().get("exercise", ()))
    shown = {**values, **({"offset": str(listing["offset"])} if listing["offset"] else {})}
    query = f"?{urlencode(shown)}" if shown else ""
    return page(
        "home.html", title="Strength-training exercises", status=400 if error else 200,
        jsonld=item_list("exgraph exercises", f"/{query}",
                         ((i["iri"], i["name"]) for i in listing["items"])),
        values=values, error=error, listing=listing, pages=_pages(listing, "pages.home",
                                                                   **values),
        exercise_count=total, headline=headline_url(), muscle_options=muscle_options(),
        equipment_options=equipment_options(), role_options=ROLE_OPTIONS,
        difficulty_options=DIFFICULTY_OPTIONS,
        alternates=[links.Alternate(f"/api/v1/exercises{query}", "application/json", "JSON")],
    )


# ---------------------------------------------------------------------------------------------
# An exercise


def body_map_of(document: dict[str, Any]) -> Markup:
    """The body map of an exercise document: each muscle coloured by its strongest role, its
    function shown on hover. Muscles the map does not draw are left to the table beside it."""
    base = site_base_iri()
    roles: dict[str, str] = {}
    functions: dict[str, str] = {}
    labels: dict[str, str] = {}
    for role in ROLES:  # strongest first: a muscle listed twice keeps its strongest role
        for muscle in document["muscles"][role]:
            resource = links.resource_of(muscle["iri"], base)
            slug = resource.slug if resource is not None else None
            if slug is None or slug not in REGIONS or slug in roles:
                continue
            roles[slug] = role
            if muscle["function"]:
                functions[slug] = muscle["function"]
            if muscle["name"]:
                labels[slug] = muscle["name"]
    return render_body_map(roles, functions=functions, labels=labels,
                           title=f"Muscles worked by {document['name'] or document['id']}")


def goal_names() -> dict[str, str]:
    """Goal slug -> label, for the programming table (the document names goals by slug)."""
    base = site_base_iri()
    names = {}
    for iri, label in goal_labels().items():
        resource = links.resource_of(iri, base)
        if resource is not None:
            names[resource.slug] = label
    return names


def listed_alternatives(store: Any, iri: str, filters: dict[str, str]) -> list[dict[str, Any]]:
    """The alternatives the sources list, in their order, kept by the filters (the named query
    ``alternatives``; a comma list of equipment to avoid is each of them avoided)."""
    excluded: list[str | None] = [
        v for v in filters.get("exclude_equipment", "").split(",") if v] or [None]
    kept: dict[str, dict[str, Any]] | None = None
    for value in excluded:
        values = {k: v for k, v in filters.items() if k != "exclude_equipment"}
        if value is not None:
            values["exclude_equipment"] = value
        items = {i["id"]: i for i in alternative_items(store, URIRef(iri), values,
                                                        state().is_known)}
        kept = items if kept is None else {k: v for k, v in kept.items() if k in items}
    return list((kept or {}).values())


def _words(reasons: list[str]) -> list[str]:
    """The engine's reasons but "needs ...": the list shows each item's equipment already."""
    return [r for r in reasons if not r.startswith("needs ")]


def one_list(listed: list[dict[str, Any]], ranked: list[dict[str, Any]],
             equipment_of: dict[str, list[str]]) -> list[dict[str, Any]]:
    """The alternatives the sources list first (marked, in their order), then the engine's
    other substitutes by rank; each with its equipment, difficulty and reasons in words."""
    ranked = [{**item, "reasons": _words(item["reasons"])} for item in ranked]
    by_id = {item["id"]: item for item in ranked}
    items = []
    for alt in listed:
        engine = by_id.pop(alt["id"], {})
        items.append({**alt, "mark": "Listed alternative", "listed": True,
                      "reasons": engine.get("reasons", []),
                      "equipment": equipment_of.get(alt["id"], []),
                      "difficulty_estimated": engine.get("difficulty_estimated", False)})
    for item in ranked:
        if item["id"] in by_id:
            items.append({**item, "mark": TIER_MARKS.get(item["tier"], ""), "listed": False,
                          "equipment": equipment_of.get(item["id"], [])})
    return items


def comparisons_of(document: dict[str, Any]) -> list[dict[str, Any]]:
    """The document's comparison rows grouped by the exercise compared with, in order."""
    grouped: dict[str, dict[str, Any]] = {}
    for row in document["comparisons"]:
        other = row["compared_with"] or {"iri": "", "name": None, "id": ""}
        entry = grouped.setdefault(other["iri"], {"compared_with": other,
                                                  "summary": row["summary"], "entries": []})
        entry["entries"].append(row)
    return list(grouped.values())


@bp.get("/exercises/<slug:slug>")
def exercise(slug: str) -> Response:
    """Everything the graph holds about an exercise, in the order of the reference article."""
    iri = known_iri("exercise", slug)
    store = get_store()
    document = exercise_document(store, URIRef(iri))
    filters = first_values(ALTERNATIVE_FILTERS)
    alternatives, error = document["alternatives"], None
    substitutes: list[dict[str, Any]] = []
    try:
        if filters:
            alternatives = listed_alternatives(store, iri, filters)
        # the engine's substitutes, with the same filters (it names equipment by slug)
        engine = engine_for(store)
        engine_filters = {**filters, "limit": str(SUBSTITUTES + len(alternatives))}
        if "exclude_equipment" in filters:
            engine_filters["exclude_equipment"] = ",".join(
                v.rsplit("/", 1)[-1] for v in filters["exclude_equipment"].split(","))
        ranked = [s.as_json(engine.labels)
                  for s in engine.rank(slug, filters_for(store, engine_filters))]
        names = {c["id"]: c["name"] for c in taxonomy()["categories"] if c["name"]}
        names.update({i["id"]: i["name"] for i in taxonomy()["items"] if i["name"]})
        equipment_of = {}
        for item_id in [a["id"] for a in alternatives] + [r["id"] for r in ranked]:
            known = engine.exercises.get(item_id)
            kit = sorted(known.equipment) if known is not None else []
            equipment_of[item_id] = [engine.labels.get(k) or names.get(k) or k for k in kit]
        listed_ids = {a["id"] for a in alternatives}
        extra = [r for r in ranked if r["id"] not in listed_ids][:SUBSTITUTES]
        substitutes = one_list(alternatives, [r for r in ranked if r["id"] in listed_ids]
                               + extra, equipment_of)
    except BadRequest as exc:
        error = str(exc)
    resource = links.Resource("exercise", slug)
    pictures = images.pictures_of(store, iri)
    show = images.shown(pictures, bool(current_app.config.get("SHOW_DISPUTED_IMAGES")))
    return page(
        "exercise.html", image_hosts=images.hosts(show), pictures=show,
        hidden_pictures=[p for p in pictures if p not in show],
        title=document["name"] or slug, status=400 if error else 200,
        jsonld=jsonld_of(describe(store, iri)), alternates=links.alternates(resource),
        doc=document, body_map=body_map_of(document), comparisons=comparisons_of(document),
        alternatives=alternatives, substitutes=substitutes, filters=filters,
        filter_error=error, no_machines=NO_MACHINES,
        sources=attribution(store, [s["iri"] for s in document["sources"]]),
        goal_names=goal_names(), equipment_options=equipment_options(),
        difficulty_options=DIFFICULTY_OPTIONS, id_path=resource.id_path,
    )


# ---------------------------------------------------------------------------------------------
# Muscles


@bp.get("/muscles")
def muscle_index() -> Response:
    """Every muscle group with the single muscles under it."""
    catalogue = sorted(muscles(), key=lambda m: (m["name"] or m["id"]).lower())
    groups = [dict(m, parts=[p for p in catalogue if p["broader"] == m["id"]])
              for m in catalogue if m["group"]]
    loose = [m for m in catalogue if not m["group"] and m["broader"] is None]
    return page("muscles.html", title="Muscles",
                jsonld=item_list("exgraph muscles", "/muscles",
                                 ((m["iri"], m["name"]) for m in catalogue)),
                groups=groups, loose=loose,
                alternates=[links.Alternate("/api/v1/muscles", "application/json", "JSON")])


@bp.get("/muscles/<slug:slug>")
def muscle(slug: str) -> Response:
    """A muscle on the body map, and the exercises that work it, by role."""
    iri = known_iri("muscle", slug)
    store = get_store()
    catalogue = muscles()
    entry: dict[str, Any] = next((m for m in catalogue if m["iri"] == iri),
                 {"id": slug, "iri": iri, "name": None, "group": False, "broader": None})
    items = state().recent("pages:muscle-exercises", slug, lambda: muscle_exercise_items(
        store, URIRef(iri), {}, state().is_known))
    names = {m["id"]: m["name"] or m["id"] for m in catalogue}
    by_role: dict[str, dict[str, Any]] = {role: {"count": 0, "shown": []} for role in ROLES}
    for item in items:
        for role in ROLES:
            tagged = [m["id"] for m in item["muscles"] if m["role"] == role]
            if not tagged:
                continue
            by_role[role]["count"] += 1
            if len(by_role[role]["shown"]) < PER_ROLE:
                # a group's page lists exercises tagged with its parts: say which part
                parts_named = [names.get(t, t) for t in tagged if t != slug]
                by_role[role]["shown"].append({**item, "as": parts_named})
    broader = next((m for m in catalogue if m["id"] == entry["broader"]), None)
    parts = [m for m in catalogue if m["broader"] == slug]
    name = entry["name"] or slug
    body_map = render_body_map({}, highlight=slug, title=f"{name} on the body map") \
        if slug in REGIONS else None
    resource = links.Resource("muscle", slug)
    return page(
        "muscle.html", title=name, jsonld=jsonld_of(describe(store, iri)),
        alternates=links.alternates(resource), muscle=entry, broader=broader, parts=parts,
        by_role=by_role, body_map=body_map, id_path=resource.id_path,
    )


# ---------------------------------------------------------------------------------------------
# Equipment


def _children(items: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Broader IRI -> the kinds right under it, by name."""
    children: dict[str, list[dict[str, Any]]] = {}
    for item in sorted(items, key=lambda k: (k["name"] or k["id"]).lower()):
        for broader in item["broader"]:
            children.setdefault(broader["iri"], []).append(item)
    return children


def _tree(iri: str, children: dict[str, list[dict[str, Any]]],
          seen: frozenset[str] = frozenset()) -> list[dict[str, Any]]:
    """The kinds under iri as nested ``{"item", "children"}`` (a cycle in the data stops)."""
    return [{"item": kid, "children": _tree(kid["iri"], children, seen | {iri})}
            for kid in children.get(iri, []) if kid["iri"] not in seen]


@bp.get("/equipment")
def equipment_index() -> Response:
    """The equipment taxonomy: every category with the kinds under it, as a tree."""
    tax = taxonomy()
    children = _children(tax["items"])
    categories = [{"category": c, "tree": _tree(c["iri"], children)} for c in tax["categories"]]
    return page("equipment_index.html", title="Equipment",
                jsonld=item_list("exgraph equipment", "/equipment",
                                 ((i["iri"], i["name"]) for i in tax["items"])),
                categories=categories,
                alternates=[links.Alternate("/api/v1/equipment", "application/json", "JSON")])


def taxonomy_path(iri: str, tax: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """The kinds from iri up its first broader kinds to its category, category first."""
    kinds = {item["iri"]: item for item in tax["items"]}
    categories = {c["iri"]: c for c in tax["categories"]}
    path: list[dict[str, Any]] = []
    current: str | None = iri
    while current is not None and current not in {p["iri"] for p in path}:
        if current in categories:
            path.append({**categories[current], "category": True})
            break
        item = kinds.get(current)
        if item is None:
            break
        path.append({**item, "category": False})
        current = item["broader"][0]["iri"] if item["broader"] else None
    return path[::-1]


@bp.get("/equipment/<slug:slug>")
def equipment(slug: str) -> Response:
    """A kind of equipment: where it sits in the taxonomy, and the exercises that need it."""
    iri = known_iri("equipment", slug)
    tax = taxonomy()
    path = taxonomy_path(iri, tax)
    item = path[-1] if path and path[-1]["iri"] == iri else {"iri": iri, "name": slug, "id": slug}
    narrower = _children(tax["items"]).get(iri, [])
    listing = _exercises({"equipment": iri})
    resource = links.Resource("equipment", slug)
    return page(
        "equipment.html", title=item["name"] or slug,
        jsonld=jsonld_of(describe(get_store(), iri)), alternates=links.alternates(resource),
        item=item, path=path, narrower=narrower, listing=listing,
        pages=_pages(listing, "pages.equipment", slug=slug), id_path=resource.id_path,
        search_url=url_for("pages.home", equipment=equipment_value(slug, iri)),
    )
