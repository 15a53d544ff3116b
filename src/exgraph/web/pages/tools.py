"""Pages for asking your own questions: the named queries as forms (``/queries``), the SPARQL
workbench (YASGUI, shown by ``GET /sparql`` to browsers) and the API's documentation (Swagger UI
at ``/api/v1/docs``).

The forms are built from each query's typed parameters and submitted with GET, so an answer has a
URL and needs no JavaScript. YASGUI and Swagger UI are the vendored files under
``web/static/vendor/`` (see its README): nothing is fetched from another host.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

from flask import Response, request, url_for
from rdflib import URIRef
from rdflib.term import Node

from exgraph.errors import BadRequest
from exgraph.queries.catalogue import NamedQuery, Param, Result, default_catalogue
from exgraph.records.lookup import canonical_params, param_kinds
from exgraph.web.cache import state
from exgraph.web.context import get_store
from exgraph.web.pages import links
from exgraph.web.pages.base import (
    CONTEXT,
    DIFFICULTY_OPTIONS,
    ROLE_OPTIONS,
    bp,
    equipment_options,
    goal_labels,
    item_list,
    muscle_options,
    page,
    site_base_iri,
)
from exgraph.web.pages.views import HEADLINE

#: Rows shown in a result table; the JSON and CSV links give them all.
MAX_ROWS = 500
#: The form field a submitted query form carries, so that a query with no required parameter
#: does not run on a mere visit.
RUN = "run"

Groups = list[tuple[str, list[tuple[str, str]]]]


@dataclass(frozen=True)
class FormField:
    """One form control for a query parameter."""

    name: str
    label: str
    control: str  # "select", "number" or "text"
    required: bool
    multiple: bool
    value: list[str]
    description: str
    groups: Groups
    placeholder: str = ""
    #: "id" for a field that takes exercises: suggest.js offers them as one types (issue 24)
    suggest: str = ""


def _goal_options() -> Groups:
    base = site_base_iri()
    choices = []
    for iri, label in goal_labels().items():
        resource = links.resource_of(iri, base)
        if resource is not None:
            choices.append((resource.slug, label))
    return [("", choices)]


def _choices(param: Param) -> Groups | None:
    """The options of a parameter whose values are few enough to pick from, else None."""
    kind = param.type.name
    if kind == "muscle":
        return muscle_options()
    if kind == "equipment":
        return equipment_options()
    if kind == "goal":
        return _goal_options()
    if kind == "role":
        return ROLE_OPTIONS
    if kind == "difficulty":
        return DIFFICULTY_OPTIONS
    return None


def form_fields(query: NamedQuery, values: Mapping[str, Sequence[str]]) -> list[FormField]:
    """The form controls of a named query's parameters, filled with values (or defaults)."""
    fields = []
    for param in query.params:
        groups = _choices(param)
        given = [v for v in values.get(param.name, []) if v.strip()]
        if not given and param.default is not None:
            given = [param.default]
        control = "select" if groups is not None else (
            "number" if param.type.name == "integer" else "text")
        placeholder = {"exercise": "slug, e.g. machine-back-extension",
                       "text": "words to find"}.get(param.type.name, "")
        fields.append(FormField(param.name, param.name.replace("_", " ").capitalize(), control,
                                param.required, param.many, given,
                                param.description or param.type.description, groups or [],
                                placeholder,
                                "id" if param.type.name == "exercise" else ""))
    return fields


def _cell(node: Node | None) -> tuple[str, str | None]:
    """A result value as (text, link): IRIs link to their page here (or themselves)."""
    if node is None:
        return "", None
    if isinstance(node, URIRef):
        return links.curie(str(node)), links.href(str(node), site_base_iri())
    return str(node), None


def result_table(result: Result) -> list[list[tuple[str, str | None]]]:
    """The first :data:`MAX_ROWS` rows as cells."""
    return [[_cell(row.get(c)) for c in result.columns] for row in result.rows[:MAX_ROWS]]


@bp.get("/queries")
def query_index() -> Response:
    """Every named query with a form for its parameters."""
    catalogue = default_catalogue()
    forms = [(query, form_fields(query, {})) for query in catalogue.values()]
    return page("queries.html", title="Named queries", forms=forms,
                workbench={query.name: workbench_href(query) for query in catalogue.values()},
                jsonld=item_list("exgraph named queries", "/queries",
                                 ((request.host_url + f"queries/{q.name}", q.title)
                                  for q in catalogue.values())),
                alternates=[links.Alternate("/api/v1/queries", "application/json", "JSON")])


def workbench_href(query: NamedQuery, values: Mapping[str, Sequence[str]] | None = None) -> str:
    """The workbench opened on a named query's SPARQL text: the values given (or the
    parameters' defaults) bound, a parameter without either left as its variable for the
    person to fill in. The text goes in the fragment (read by workbench.js): a query string on
    ``/sparql`` would run it."""
    bound: dict[str, list[Node]] = {}
    for param in query.params:
        given = list((values or {}).get(param.name) or [])
        if not given and param.default is not None:
            given = [param.default]
        try:
            terms = [param.type.parse(text) for text in given]
        except ValueError:
            continue
        if terms:
            bound[param.name] = terms
    return "/sparql#query=" + quote(query.render(bound), safe="")


@bp.get("/queries/<slug:name>")
def query_page(name: str) -> Response:
    """A named query's form, and its answer as a table once the form is submitted."""
    query = default_catalogue().get_query(name)
    values = {p.name: [v for v in request.args.getlist(p.name) if v.strip()]
              for p in query.params}
    values = {key: given for key, given in values.items() if given}
    submitted = RUN in request.args
    result: Result | None = None
    error = None
    if submitted:
        try:  # an exercise, muscle or equipment by name, alias, slug or IRI
            values = canonical_params(get_store(), param_kinds(query.params), values,
                                      exercise_404=False)
            result = query.run(get_store(), values, state().is_known)
        except BadRequest as exc:
            error = str(exc)
    encoded = urlencode(values, doseq=True)
    suffix = f"?{encoded}" if encoded else ""
    data = [links.Alternate(f"/api/v1/queries/{name}.json{suffix}", "application/json", "JSON"),
            links.Alternate(f"/api/v1/queries/{name}.csv{suffix}", "text/csv", "CSV")]
    rows = result.rows if result is not None else []
    return page(
        "query.html", title=query.title, status=400 if error else 200,
        jsonld=_query_jsonld(query, url_for("pages.query_page", name=name)),
        query=query, fields=form_fields(query, values), submitted=submitted, error=error,
        result=result, table=result_table(result) if result is not None else [],
        total=len(rows), max_rows=MAX_ROWS, data=data,
        alternates=data if submitted and error is None else [],
        workbench=workbench_href(query, values if error is None else None),
    )


def _query_jsonld(query: NamedQuery, path: str) -> dict[str, Any]:
    return {"@context": CONTEXT, "@id": request.host_url.rstrip("/") + path,
            "@type": "schema:SearchAction", "schema:name": query.title,
            "schema:description": query.description,
            "schema:target": request.host_url + f"api/v1/queries/{query.name}"}


# ---------------------------------------------------------------------------------------------
# The SPARQL workbench and the API's documentation


def headline_query() -> str:
    """The headline question as SPARQL: the named query ``alternatives`` with its values."""
    query = default_catalogue().get_query("alternatives")
    # no existence check: the workbench shows the query even on a graph without the exercise
    return query.render(query.bind(HEADLINE))


def workbench_page() -> Response:
    """The YASGUI workbench on this server's ``/sparql``, prefilled with the headline query.

    Without JavaScript it is a plain form that sends the query to ``/sparql``.
    """
    endpoint = request.host_url + "sparql"
    response = page(
        "workbench.html", title="SPARQL workbench", query=headline_query(),
        jsonld={"@context": {**CONTEXT, "sd": "http://www.w3.org/ns/sparql-service-description#"},
                "@id": endpoint, "@type": "sd:Service", "sd:endpoint": {"@id": endpoint}},
    )
    response.vary.add("Accept")
    return response


@bp.get("/api/v1/docs")
def api_docs() -> Response:
    """Swagger UI on the API's OpenAPI document."""
    return page("apidocs.html", title="API documentation",
                jsonld={"@context": CONTEXT, "@id": request.host_url + "api/v1/",
                        "@type": "schema:WebAPI", "schema:name": "exgraph JSON API",
                        "schema:documentation": request.host_url + "api/v1/openapi.json"},
                alternates=[links.Alternate("/api/v1/openapi.json", "application/json",
                                            "OpenAPI")])
