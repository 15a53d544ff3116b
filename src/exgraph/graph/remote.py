"""A store on an external SPARQL 1.1 server (Oxigraph server, Fuseki, Virtuoso, GraphDB).

What a deployment uses when it outgrows one process: several ``exgraph serve`` processes answer
from one server. The spec is ``sparql+http://HOST:PORT/QUERY_PATH[?update=UPDATE_PATH]
[&default-graph=IRI]``; without ``update=``, a query path ending in ``/query`` (Oxigraph, Fuseki)
pairs with ``/update``, and any other path is used for both.

``default-graph=IRI`` is for servers whose default graph is the union of all their graphs and
has no graph of its own (Virtuoso: an ``INSERT DATA`` without ``GRAPH`` is refused with "No plain
default graph specified"): exgraph's default graph is then the named graph IRI, sent as
``default-graph-uri`` with every update and with every query that names no dataset of its own
(no ``FROM``, no dataset parameters), together with the graphs it names in ``GRAPH <iri>`` as
``named-graph-uri`` (with ``default-graph-uri`` alone, Virtuoso 7.2 answers ``GRAPH <iri> {…}``
with nothing although ``GRAPH ?g`` finds the graph). ``GRAPH ?g`` ranges over every graph
Virtuoso holds; solutions that bind a variable to the default graph's IRI are dropped.
Queries and updates are sent form-encoded (``query=`` / ``update=``), the one request form
every SPARQL 1.1 server accepts (Virtuoso 7.2 waits forever on a body sent as
``application/sparql-query``).

``timeout=SECONDS`` (default 30) bounds each of exgraph's own queries and updates (what /sparql
forwards has the endpoint's limit): the app's start reads the records with queries whose
answers grow with the data.

``results=xml`` asks for the SPARQL Query Results XML Format instead of JSON for the
queries exgraph runs itself (SELECT and ASK; what /sparql forwards keeps the format its client
asked for). Virtuoso 7.2 writes JSON 4-6x slower than XML: the records' query of the
bundled graph's 83k rows took it 24 s as JSON against 5 s as XML, which Python reads in
4.5 s against 1.2 s for the JSON (load average 10 on 2 cores), so the app's start on
Virtuoso needs ``results=xml`` (tests/virtuoso_server.py's spec has it). Oxigraph server
writes both fast, and JSON is quicker to read: no option there.
"""

from __future__ import annotations

import contextlib
import re
import threading
import time
import uuid
from collections.abc import Hashable, Iterable, Iterator
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urljoin, urlsplit, urlunsplit

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from exgraph.errors import BadRequest, DataError, ExgraphError, QueryTimeout
from exgraph.graph.remote_results import Results, parse_xml_results, term
from exgraph.graph.rq import internal, sequence
from exgraph.graph.store import Answer, Store
from exgraph.graph.store_cache import cache_dir, digest

if TYPE_CHECKING:
    # imported where a request is sent: requests (with urllib3, charset_normalizer, idna,
    # ssl, email) is ~50 ms of CPU that a server on a local store never needs, and this module
    # is imported by every start (graph.load, the SPARQL endpoint)
    import requests

#: Triples per INSERT DATA request when loading. Virtuoso 7.2's SPARQL compiler runs out of
#: memory on 5,000 ("SP030 ... memory exhausted"); 1,000 loads the bundled graph (89k triples)
#: in 90 requests on either server.
CHUNK = 1000
#: After a load of the whole dataset: every named graph but the loaded ones and exgraph's own.
DROP_OTHER_SOURCES = internal("drop-other-sources")
#: The named graph where the data's generation stamp lives: every load or update through exgraph
#: writes a new stamp, and every process that shares the server drops its caches when it sees one.
GENERATION_GRAPH = "urn:exgraph:generation"
#: Seconds exgraph waits for the answer to one of its own queries or updates, unless the spec
#: says ``timeout=``: the app's start runs the records' queries, whose answers grow with the
#: data (10k exercises on Virtuoso, at load 11: past 30 s; bench/RESULTS.md).
DEFAULT_TIMEOUT = 30.0
#: Seconds a process trusts the stamp it read last, before it asks the server again.
GENERATION_TTL = 1.0
#: A query that names its own dataset (``FROM <…>``, ``FROM NAMED src:wger``): the server's
#: default graph setting must not override it.
_FROM_RE = re.compile(r"\bFROM\s+(?:NAMED\s+)?(?:<|[A-Za-z_][\w.-]*:|:)", re.IGNORECASE)
#: A graph a query names (``GRAPH <iri>`` or ``GRAPH prefix:local``), and a prefix it declares.
_GRAPH_RE = re.compile(r"\bGRAPH\s+(<[^>\s]*>|[A-Za-z_][\w.-]*:[\w.-]*|:[\w.-]*)", re.IGNORECASE)
_PREFIX_RE = re.compile(r"\bPREFIX\s+([A-Za-z_][\w.-]*|):\s*<([^>\s]*)>", re.IGNORECASE)


class RemoteError(ExgraphError):
    """The external SPARQL server failed or could not be reached."""

    status = 502


class RemoteStore(Store):
    """SPARQL over HTTP against an external server."""

    def __init__(self, query_url: str, update_url: str, timeout: float = DEFAULT_TIMEOUT,
                 default_graph: str | None = None, results: str = "json") -> None:
        super().__init__(backend=f"sparql+{query_url}")
        self.query_url = query_url
        self.update_url = update_url
        self.timeout = timeout
        #: The named graph that stands for the default graph (``default-graph=``), or None.
        self.default_graph = default_graph
        #: The results format of exgraph's own SELECT and ASK queries: ``json`` or ``xml``.
        self.results = results
        self._local = threading.local()
        self._stamp: tuple[float, str | None] = (float("-inf"), None)
        #: The first stamp this process read (None until one is read): generation 0's data.
        self._origin: str | None = None

    @classmethod
    def from_spec(cls, spec: str) -> RemoteStore:
        """Parse ``sparql+http://HOST:PORT/PATH[?update=PATH][&default-graph=IRI]
        [&results=json|xml][&timeout=SECONDS]``; DataError if malformed."""
        parts = urlsplit(spec.removeprefix("sparql+"))
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise DataError(f"bad store {spec!r}: expected sparql+http://HOST:PORT/PATH")
        query_url = urlunsplit((parts.scheme, parts.netloc, parts.path or "/", "", ""))
        options = parse_qs(parts.query)
        unknown = sorted(set(options) - {"update", "default-graph", "results", "timeout"})
        if unknown:
            raise DataError(f"bad store {spec!r}: unknown option {unknown[0]!r} "
                            "(expected update=, default-graph=, results= or timeout=)")
        try:
            timeout = float(options.get("timeout", [DEFAULT_TIMEOUT])[0])
        except ValueError:
            timeout = -1.0
        if not 0 < timeout < float("inf"):
            raise DataError(f"bad store {spec!r}: timeout must be a number of seconds")
        results = options.get("results", ["json"])[0]
        if results not in ("json", "xml"):
            raise DataError(f"bad store {spec!r}: results must be json or xml")
        default = options.get("default-graph", [None])[0]
        if default is not None and not re.match(r"^[a-z][a-z0-9+.-]*:[^\s<>\"{}|^`\\]+$",
                                                default):
            raise DataError(f"bad store {spec!r}: default-graph must be an IRI")
        update = options.get("update")
        if update:
            update_url = urljoin(query_url, update[0])
        elif parts.path.endswith("/query"):
            update_url = query_url[: -len("query")] + "update"
        else:
            update_url = query_url
        return cls(query_url, update_url, timeout=timeout, default_graph=default, results=results)

    # -- HTTP -------------------------------------------------------------------------------

    @property
    def session(self) -> requests.Session:
        session = getattr(self._local, "session", None)
        if session is None:
            import requests

            session = self._local.session = requests.Session()
        return session

    def query_raw(self, query: str, accept: str, timeout: float | None = None,
                  params: list[tuple[str, str]] | None = None,
                  raw: bool = False) -> requests.Response:
        """POST a query; the server's response (raises RemoteError when it fails, QueryTimeout
        when it takes longer than timeout). ``raw``: send no dataset of exgraph's own."""
        import requests

        form = [("query", query), *(params or [])]
        if self.default_graph and not raw and not params and not _FROM_RE.search(query):
            form += self._dataset(query)
        if self.default_graph:  # as for updates: the endpoint is the base of relative IRIs
            form[0] = ("query", f"BASE <{self.query_url}>\n{query}")
        try:
            response = self.session.post(
                self.query_url,
                data=form,
                headers={"Accept": accept},
                timeout=timeout or self.timeout,
            )
        except requests.Timeout as exc:
            raise QueryTimeout(f"the SPARQL server {self.query_url} did not answer within "
                               f"{timeout or self.timeout:g} s") from exc
        except requests.RequestException as exc:
            raise RemoteError(f"SPARQL server {self.query_url} unreachable: {exc}") from exc
        if 400 <= response.status_code < 500:
            raise BadRequest(f"the SPARQL server refused the query: {response.text[:500]}")
        if response.status_code >= 500:
            raise RemoteError(
                f"SPARQL server {self.query_url} answered {response.status_code}: "
                f"{response.text[:300]}"
            )
        return response

    def update(self, update: str) -> None:
        """Run a SPARQL Update on the server (raises RemoteError when it fails)."""
        import requests

        form = [("update", update)]
        if self.default_graph:
            # Virtuoso refuses DROP DEFAULT / DROP ALL on a graph "not explicitly created"; the
            # request may begin with its own operation (each has its own prologue)
            # Virtuoso resolves no relative IRI against a base of its own: the service's
            # endpoint is the base SPARQL 1.1 Protocol allows (a BASE in the text overrides it)
            form = [("update", f"BASE <{self.update_url}>\n"
                               f"CREATE SILENT GRAPH <{self.default_graph}> ;\n{update}"),
                    ("default-graph-uri", self.default_graph)]
        try:
            response = self.session.post(self.update_url, data=form, timeout=self.timeout)
        except requests.RequestException as exc:
            raise RemoteError(f"SPARQL server {self.update_url} unreachable: {exc}") from exc
        if response.status_code >= 400:
            raise RemoteError(
                f"SPARQL update at {self.update_url} failed with {response.status_code}: "
                f"{response.text[:300]}"
            )

    def _dataset(self, query: str) -> list[tuple[str, str]]:
        """The protocol parameters of exgraph's dataset for query on a ``default-graph=``
        server: the default graph, and each graph the query names in ``GRAPH <iri>`` (or
        ``GRAPH prefix:name``) as a named graph. (Listing every graph instead makes Virtuoso
        7.2 slow: 60 named graphs turned a 1 s scan into more than 30 s.) A query with only
        ``GRAPH ?g`` gets the default graph alone, and Virtuoso ranges ``?g`` over every graph
        it holds, the default graph among them: :meth:`_rows` drops those rows."""
        assert self.default_graph is not None
        prefixes = dict(_PREFIX_RE.findall(query))
        named: list[str] = []
        for ref in _GRAPH_RE.findall(query):
            if ref.startswith("<"):
                iri = ref[1:-1]
            else:
                prefix, _, local = ref.partition(":")
                if prefix not in prefixes:
                    continue
                iri = prefixes[prefix] + local
            if iri not in named:
                named.append(iri)
        return [("default-graph-uri", self.default_graph),
                *(("named-graph-uri", g) for g in named)]

    def _rows(self, rows: list[dict[str, Node]]) -> list[dict[str, Node]]:
        """The solutions, without those that bind a variable to the graph standing for the
        default graph (see :meth:`_dataset`)."""
        if self.default_graph:
            default = URIRef(self.default_graph)
            rows = [row for row in rows if default not in row.values()]
        return rows

    # -- Generation -----------------------------------------------------------------------

    def generation(self) -> Hashable:
        """0 while the server holds the data of the first stamp this process read and the
        process wrote nothing itself (the data it started on, as an embedded store's
        generation 0 is the snapshot it opened); else the server's stamp with this process's
        own counter. The stamp is read at most once per :data:`GENERATION_TTL`."""
        read_at, stamp = self._stamp
        now = time.monotonic()
        if now - read_at > GENERATION_TTL:
            rows = self.select(internal("generation-stamp").text(
                graph=GENERATION_GRAPH, stamp=f"{GENERATION_GRAPH}#stamp"))
            stamp = str(rows[0]["stamp"]) if rows else None
            self._stamp = (now, stamp)
        if self._origin is None and self._generation == 0:
            self._origin = stamp
        if stamp is not None and stamp == self._origin and self._generation == 0:
            return 0
        return (stamp, self._generation)

    def derived_key(self) -> str | None:
        """The key what is derived from the data is cached under beside the app (records,
        indexes, the substitutes engine): the server and its stamp, at generation 0. Every
        process on the same data finds what the first built (issue 25: at 10k exercises each
        app's start on Oxigraph server built the records over HTTP for 200 s). A stamp names
        one state of the data: ``exgraph load`` writes a new one in the same transaction as the
        data, an update through /sparql and a bulk load right after their last quad (until
        then the processes keep the previous generation's values, in memory as before). Values
        built in such a window are kept under the old stamp, which no process reads once the
        new one is seen. ``disk`` keys, as an on-disk store's: pruned by recency."""
        if cache_dir() is None or self.generation() != 0:
            return None
        where = f"remote\n{self.query_url}\n{self.default_graph}\n{self._origin}"
        return "disk" + digest(where.encode())[:60]

    def forget_stamp(self) -> None:
        """Read the stamp from the server at the next :meth:`generation` (after a write that
        did not go through :meth:`update`, e.g. a bulk load: graph/bulk.py)."""
        self._stamp = (float("-inf"), None)

    def bump(self) -> None:
        """Write a new stamp on the server, so that every process sharing it sees the change."""
        self.update(stamp_update())
        self.forget_stamp()
        super().bump()

    # -- Store interface --------------------------------------------------------------------

    @property
    def _results_type(self) -> str:
        return ("application/sparql-results+xml" if self.results == "xml"
                else "application/sparql-results+json")

    def _results(self, response: requests.Response) -> Results:
        """A SELECT or ASK answer in either results format, rows as terms (see :meth:`_rows`)."""
        if response.headers.get("Content-Type", "").startswith("application/sparql-results+xml"):
            try:
                results = parse_xml_results(response.content)
            except ValueError as exc:
                raise RemoteError(f"SPARQL server {self.query_url} sent results that do not "
                                  f"parse: {exc}") from exc
        else:
            try:
                data = response.json()
            except ValueError as exc:
                raise RemoteError(f"SPARQL server {self.query_url} sent results that do not "
                                  f"parse: {exc}") from exc
            if "boolean" in data:
                return Results([], [], bool(data["boolean"]))
            rows = [{name: term(value) for name, value in binding.items()}
                    for binding in data["results"]["bindings"]]
            results = Results(list(data["head"].get("vars", [])), rows, None)
        return results._replace(rows=self._rows(results.rows))

    def select(self, query: str) -> list[dict[str, Node]]:
        results = self._results(self.query_raw(query, self._results_type))
        if results.boolean is not None:
            raise TypeError("not a SELECT query")
        return results.rows

    def answer(self, query: str) -> Answer:
        response = self.query_raw(query, f"{self._results_type}, application/n-triples;q=0.9")
        if response.headers.get("Content-Type", "").startswith("application/n-triples"):
            return Answer("graph", graph=Graph().parse(data=response.content, format="nt"))
        results = self._results(response)
        if results.boolean is not None:
            return Answer("ask", boolean=results.boolean)
        return Answer("select", results.variables, results.rows)

    def ask(self, query: str) -> bool:
        results = self._results(self.query_raw(query, self._results_type))
        if results.boolean is None:
            raise TypeError("not an ASK query")
        return results.boolean

    def construct(self, query: str) -> Graph:
        response = self.query_raw(query, "application/n-triples")
        return Graph().parse(data=response.content, format="nt")

    def triples(self) -> Iterator[tuple[Node, Node, Node]]:
        yield from self.construct(internal("all-triples").text())

    def __len__(self) -> int:
        rows = self.select(internal("count-triples").text())
        count = rows[0].get("n") if rows else None
        if not isinstance(count, Literal):
            raise RemoteError(f"the server answered COUNT(*) with {count!r}")
        return int(count)

    def replace_default_graph(self, triples: Iterable[tuple[Node, Node, Node]]) -> int:
        """Replace the server's default graph with triples, as one atomic switch.

        The triples go into a fresh named graph in chunks; only when all arrived does one
        ``MOVE`` replace the default graph (a single update, so a single transaction on the
        server). If anything fails, the staging graph is dropped and the default graph is as it
        was. Returns the number of triples loaded.
        """
        staging = f"urn:exgraph:staging:{uuid.uuid4()}"
        count = 0
        try:
            batch: list[str] = []
            for s, p, o in triples:
                batch.append(f"{s.n3()} {p.n3()} {o.n3()} .")
                if len(batch) >= CHUNK:
                    self._insert(staging, batch)
                    count += len(batch)
                    batch = []
            if batch:
                self._insert(staging, batch)
                count += len(batch)
            # one request, so one transaction: the data and its new stamp arrive together
            self.update(f"MOVE SILENT <{staging}> TO DEFAULT ;\n{stamp_update()}")
            self.forget_stamp()
        except BaseException:
            # if the server is gone, the staging graph is harmless (and named uniquely)
            with contextlib.suppress(RemoteError):
                self.update(f"DROP SILENT GRAPH <{staging}>")
            raise
        return count

    def replace_graphs(self, quads: Iterable[tuple[Node, Node, Node, str]], switch: str,
                       replaced: Iterable[str] | None = None) -> int:
        """Stage quads graph by graph, then replace those graphs in one update and run switch.

        ``quads`` are (s, p, o, graph IRI). Each graph is staged under a fresh name in chunks;
        only when all arrived does one update (one transaction on the server) move every staging
        graph onto its target, drop the graphs of ``replaced`` that got no quads (``None``: every
        source graph that is not in the new set), run ``switch`` (e.g. rebuilding the union) and
        write a new generation stamp. On failure the staging graphs are dropped and the server is
        as it was. Returns the number of quads loaded.
        """
        run = uuid.uuid4()
        staging: dict[str, str] = {}
        batches: dict[str, list[str]] = {}
        count = 0
        try:
            for s, p, o, graph in quads:
                name = staging.setdefault(graph, f"urn:exgraph:staging:{run}:{len(staging)}")
                batch = batches.setdefault(graph, [])
                batch.append(f"{s.n3()} {p.n3()} {o.n3()} .")
                if len(batch) >= CHUNK:
                    self._insert(name, batch)
                    count += len(batch)
                    batch.clear()
            for graph, batch in batches.items():
                if batch:
                    self._insert(staging[graph], batch)
                    count += len(batch)
            moves = [f"MOVE SILENT <{name}> TO <{graph}>" for graph, name in staging.items()]
            if replaced is None:
                keep = [URIRef(g) for g in staging] or [URIRef("urn:exgraph:none")]
                drops = [DROP_OTHER_SOURCES.text(keep=keep)]
            else:
                drops = [f"DROP SILENT GRAPH <{g}>" for g in replaced if g not in staging]
            self.update(sequence(*moves, *drops, switch, stamp_update()))
            self.forget_stamp()
        except BaseException:
            for name in staging.values():
                # the server is gone; staging graphs are harmless and named uniquely
                with contextlib.suppress(RemoteError):
                    self.update(f"DROP SILENT GRAPH <{name}>")
            raise
        return count

    def _insert(self, graph: str, lines: list[str]) -> None:
        self.update(f"INSERT DATA {{ GRAPH <{graph}> {{\n" + "\n".join(lines) + "\n} }")


def stamp_update() -> str:
    """The update that replaces the generation stamp with a new random one."""
    return (f"DROP SILENT GRAPH <{GENERATION_GRAPH}> ;\n"
            f"INSERT DATA {{ GRAPH <{GENERATION_GRAPH}> {{ <{GENERATION_GRAPH}> "
            f"<{GENERATION_GRAPH}#stamp> \"{uuid.uuid4()}\" }} }}")
