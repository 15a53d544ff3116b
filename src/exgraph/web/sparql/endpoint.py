"""The SPARQL 1.1 Protocol endpoint at /sparql.

* Queries: ``GET ?query=``, ``POST`` as ``application/x-www-form-urlencoded`` (``query=``) or as
  ``application/sparql-query`` (the body). ``default-graph-uri`` / ``named-graph-uri`` name graphs
  in the store: they are never fetched, and an unknown name is an empty graph.
* The answer format comes from the ``format`` parameter or from Accept (see :mod:`.formats`);
  406 when nothing acceptable exists.
* ``GET /sparql`` without a query gives the service description (SPARQL 1.1 Service Description);
  a browser (:func:`.formats.wants_workbench`) gets the query workbench page instead.
* Safety: every query is inspected first (:mod:`.guard`: SERVICE and LOAD are refused; a cheap
  pre-check here, rdflib's parse in a worker when the pre-check cannot prove the query safe), then
  runs in a worker process (:mod:`.runner`) under ``QUERY_TIMEOUT`` seconds, ``MAX_ROWS`` rows and
  ``MAX_ANSWER_BYTES`` bytes. Results cut short carry the header ``X-Exgraph-Truncated: true``.
* Admission: at most ``SPARQL_CONCURRENCY`` queries and updates are handled at once; more get 503
  with Retry-After at once, so /sparql never holds every server thread and the JSON API and
  /healthz keep answering however /sparql is used.
* Caches: the guard's verdict per query text (per app), and answers per query text, format and
  dataset (per store generation, ``SPARQL_CACHE_BYTES``): a repeated query runs nothing at all.
* SPARQL Update (``update=`` or ``application/sparql-update``) answers 403 unless the app has an
  ``UPDATE_TOKEN`` and the request carries ``Authorization: Bearer <token>``. An update is first
  tried in a worker under the time limit, which reports its effect (quads added and removed, the
  nodes it touched and the subgraph their shapes read: :class:`.runner.UpdateEffect`). DROP,
  CLEAR, or removing more than ``MAX_DELETE_TRIPLES`` quads is refused (400) unless the request
  carries ``Exgraph-Allow-Destructive: true``; the touched nodes are validated against
  ontology/shapes.ttl (400 with the SHACL problems). Only then is it applied to the app's store
  (after a snapshot of the whole store when destructive, see :mod:`exgraph.graph.backups`), and
  every worker reloads the data. Every update, applied or refused, is a line of the audit log
  (``AUDIT_LOG``). ``using-graph-uri`` / ``using-named-graph-uri`` become USING / USING NAMED
  clauses of the update's DELETE/INSERT operations. On an external store the server applies the
  update itself: the flag and snapshot apply, the shapes check and removal count do not.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any

from flask import Blueprint, Response, current_app, request
from flask.blueprints import BlueprintSetupState
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, VOID, XSD

import exgraph.web.sparql.formats as formats
from exgraph.errors import RETRY_AFTER, Busy
from exgraph.graph.remote import RemoteStore
from exgraph.vocab.terms import DATASET, PREFIXES
from exgraph.web.cache import ByteLRU, state
from exgraph.web.context import get_store
from exgraph.web.pages.tools import workbench_page
from exgraph.web.replay import REPLAYABLE
from exgraph.web.sparql.answers import PREFIXED_FORMATS
from exgraph.web.sparql.formats import Format
from exgraph.web.sparql.jobs import Answer, QueryJob
from exgraph.web.sparql.protocol import (
    Operation,
    choose_format,
    graph_names,
    query_base_iri,
    read_operation,
)
from exgraph.web.sparql.service import (
    ENTAILMENT,
    EXTENSION_KEY,
    FORMATS_NS,
    RDFLIB_FORMATS,
    SD,
    SD_RESULT_FORMATS,
    SparqlService,
    service,
)
from exgraph.web.sparql.writes import run_update

bp = Blueprint("sparql", __name__)


@bp.record_once
def _setup(state: BlueprintSetupState) -> None:
    state.app.extensions[EXTENSION_KEY] = SparqlService(state.app)


# ---------------------------------------------------------------------------------------------
# The endpoint


@bp.route("/sparql", methods=["GET", "POST"])
@bp.route("/sparql/", methods=["GET", "POST"])
def endpoint() -> Any:
    """Answer a query, apply an update, or describe the service (to a browser: the workbench)."""
    accept = request.headers.get("Accept")
    # wants_workbench() needs application/xhtml+xml: test that first, it is the cheap part
    if request.method in ("GET", "HEAD") and accept and "xhtml" in accept.lower() \
            and not request.args and formats.wants_workbench(accept):
        return workbench_page()
    key = _get_key()
    if key is not None:  # a GET seen before: its response, before parsing anything
        hit = _answers().get(key)
        if hit is not None:
            request.environ[REPLAYABLE] = True  # issue 25: web/replay.py
            return _answer_response(*hit)
    op = read_operation()
    if op.kind == "description":
        return describe_service()
    admission = service().admission
    if not admission.acquire(blocking=False):
        raise Busy(f"the SPARQL endpoint is running as many requests as it may "
                   f"({service().setting('SPARQL_CONCURRENCY')}); retry in {RETRY_AFTER} s")
    try:
        if op.kind == "update":
            return run_update(op)
        return run_query(op)
    finally:
        admission.release()


def _answers() -> ByteLRU[Hashable, Any]:
    """The answer cache of the current store generation."""
    return state().sized("sparql-answers", service().setting("SPARQL_CACHE_BYTES"))


def _get_key() -> Hashable | None:
    """For a GET with a query string: everything its response depends on (the query string,
    Accept and the endpoint's IRI; the store generation is the cache's). None otherwise."""
    if request.method != "GET" or not request.query_string:
        return None
    return ("GET", request.query_string, request.headers.get("Accept", ""), query_base_iri())


#: Characters no IRI may hold: a Host header with them makes no base IRI.
def _answer_response(body: bytes, content_type: str, truncated: bool) -> Response:
    response = Response(body, content_type=content_type)
    response.headers["Vary"] = "Accept"
    if truncated:
        response.headers["X-Exgraph-Truncated"] = "true"
    return response


def run_query(op: Operation) -> Response:
    """Inspect, then run the query in a worker (or take its answer from the cache); the response
    carries the serialised answer."""
    store = get_store()
    sparql = service()
    form = sparql.query_form(op.text, store)  # refuses SERVICE before anything runs
    kind: formats.Kind = "results" if form in ("SELECT", "ASK") else "graph"
    fmt = choose_format(op, kind, f"{form} results")
    config = current_app.config
    job = QueryJob(
        query=op.text,
        format=fmt.name,
        base_iri=query_base_iri(),
        default_graphs=graph_names(op, "default-graph-uri"),
        named_graphs=graph_names(op, "named-graph-uri"),
        max_rows=int(config["MAX_ROWS"]),
        # only the graph formats write prefixes: a SELECT's job pickles smaller without them
        prefixes=dict(PREFIXES) if fmt.name in PREFIXED_FORMATS else {},
        max_bytes=sparql.setting("MAX_ANSWER_BYTES"),
    )
    # taken before the query runs: an update meanwhile leaves this answer in the dropped cache
    answers = _answers()
    key: Hashable = (job.query, job.format, job.base_iri, job.default_graphs, job.named_graphs)
    answer = answers.get(key)
    if answer is None:
        if isinstance(store, RemoteStore):
            answer = forward_query(store, job, fmt)
        else:
            answer = sparql.runner(store).query(job)
        answers.put(key, answer, len(answer.body) + len(job.query) + 256)
    entry = (answer.body, fmt.content_type, answer.truncated)
    get_key = _get_key()
    if get_key is not None:
        answers.put(get_key, entry, len(answer.body) + 2 * len(request.query_string) + 256)
        request.environ[REPLAYABLE] = True  # issue 25: web/replay.py
    return _answer_response(*entry)


def forward_query(store: RemoteStore, job: QueryJob, fmt: Format) -> Answer:
    """Answer from the external SPARQL server: the guard has already run here, the time limit
    is the HTTP timeout (the server should have its own, e.g. ``oxigraph serve --timeout-s``).
    The row cap is the server's business: it holds the data and runs the query."""
    params = [("default-graph-uri", g) for g in job.default_graphs or ()]
    params += [("named-graph-uri", g) for g in job.named_graphs or ()]
    remote = store.query_raw(job.query, fmt.content_type.split(";")[0],
                             timeout=float(current_app.config["QUERY_TIMEOUT"]), params=params)
    return Answer(remote.content)


def describe_service() -> Response:
    """The service description (sd:Service), as Turtle unless Accept asks for other RDF; built
    once per endpoint IRI and format (and store generation)."""
    requested = request.args.getlist("format")
    fmt = (formats.format_from_parameter(requested, "graph") if requested else
           formats.negotiate(request.headers.get("Accept"), formats.GRAPH_MEDIA_TYPES))
    fmt = fmt or formats.TURTLE  # browsers ask for text/html: Turtle still reads well
    update = service().update_token() is not None
    api_state = state()
    cache = api_state.sized("sparql-answers", service().setting("SPARQL_CACHE_BYTES"))
    key = ("service-description", request.base_url, fmt.name, update)
    body: bytes | None = cache.get(key)
    if body is None:
        graph = service_description(URIRef(request.base_url), api_state.triples, update=update)
        body = graph.serialize(format=RDFLIB_FORMATS[fmt.name], encoding="utf-8")
        cache.put(key, body, len(body) + len(request.base_url) + 64)
    response = Response(body, content_type=fmt.content_type)
    response.headers["Vary"] = "Accept"
    return response


def service_description(endpoint_iri: URIRef, triples: int, *, update: bool) -> Graph:
    """The SPARQL 1.1 Service Description of the endpoint at endpoint_iri."""
    graph = Graph()
    for prefix, namespace in {"sd": SD, "formats": FORMATS_NS, "void": VOID,
                              "dcterms": DCTERMS}.items():
        graph.bind(prefix, namespace)
    dataset = URIRef(f"{endpoint_iri}#dataset")
    default_graph = URIRef(f"{endpoint_iri}#default-graph")
    graph.add((endpoint_iri, RDF.type, SD.Service))
    graph.add((endpoint_iri, SD.endpoint, endpoint_iri))
    graph.add((endpoint_iri, DCTERMS.title, Literal("exgraph SPARQL endpoint")))
    languages: Sequence[URIRef] = [SD.SPARQL11Query, *([SD.SPARQL11Update] if update else [])]
    for language in languages:
        graph.add((endpoint_iri, SD.supportedLanguage, language))
    for name in SD_RESULT_FORMATS:
        graph.add((endpoint_iri, SD.resultFormat, FORMATS_NS[name]))
    graph.add((endpoint_iri, SD.defaultEntailmentRegime, ENTAILMENT.Simple))
    graph.add((endpoint_iri, SD.defaultDataset, dataset))
    graph.add((dataset, RDF.type, SD.Dataset))
    graph.add((dataset, SD.defaultGraph, default_graph))
    graph.add((default_graph, RDF.type, SD.Graph))
    graph.add((default_graph, VOID.triples, Literal(triples, datatype=XSD.integer)))
    graph.add((DATASET, VOID.sparqlEndpoint, endpoint_iri))
    return graph
