"""The W3C SPARQL 1.1 Protocol tests (../shared/conformance/sparql11-protocol/manifest.ttl),
replayed as real HTTP requests against a real ``exgraph serve``.

Every manifest entry is one test. The server runs with an update token (EXGRAPH_UPDATE_TOKEN):
before a test with ``ut:graphData`` the graphs it names are loaded through the protocol (CLEAR
ALL, then INSERT DATA into the graph named by the label), so the dataset tests see their data
without anything being fetched. (The other tests do not depend on the data.) Query and
``bad_query`` requests go without the token (a read-only client); update requests carry it and
the flag that allows CLEAR and DROP, so ``bad_update_*`` tests are refused for what is wrong with
them, not for lacking the token.
"""

from __future__ import annotations

import csv
import io
import json
import os
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests
from rdflib import RDF, RDFS, Graph, Namespace
from rdflib.collection import Collection
from rdflib.term import Node

from tests.engines import ENGINES, external_engine
from tests.paths import REPO as ROOT
from tests.server import running_server
from tests.typed import some

pytestmark = [pytest.mark.server, pytest.mark.shared]

#: Under EXGRAPH_SHARED as every shared input (conftest.py's SHARED): from a git worktree the
#: checkout's parent has no shared/ folder, and the suite collected one case that failed.
MANIFEST_DIR = (Path(os.environ.get("EXGRAPH_SHARED", ROOT.parent / "shared"))
                / "conformance" / "sparql11-protocol")
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
HTS = Namespace("http://www.w3.org/2011/http-statusCodes#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
TOKEN = "conformance-token"
#: What update requests carry: the token, and the flag that allows the suite's CLEAR and DROP
#: (each then writes a snapshot, under the tests' private XDG_STATE_HOME).
UPDATE_HEADERS = {"Authorization": f"Bearer {TOKEN}", "Exgraph-Allow-Destructive": "true"}

@dataclass(frozen=True)
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes | None
    statuses: frozenset[int]  # allowed status classes: 2, 3, 4, 5
    format: str | None
    boolean: bool | None


@dataclass(frozen=True)
class Case:
    name: str
    requests: tuple[Request, ...]
    graph_data: tuple[tuple[str, Path], ...]  # (graph name, N-Triples file)


def load_manifest(directory: Path) -> list[Case]:
    """Every entry of the manifest, in its order."""
    graph = Graph().parse(directory / "manifest.ttl", format="turtle")
    manifest = next(graph.subjects(RDF.type, MF.Manifest))
    entries = Collection(graph, some(graph.value(manifest, MF.entries)))
    return [_case(graph, entry) for entry in entries]


def _case(graph: Graph, entry: Node) -> Case:
    action = graph.value(entry, MF.action)
    requests_ = tuple(_request(graph, r)
                      for r in Collection(graph, some(graph.value(action, HT.requests))))
    graph_data = tuple(
        (str(graph.value(data, RDFS.label)),
         Path(str(graph.value(data, UT.graph)).removeprefix("file://")))
        for data in graph.objects(entry, UT.graphData)
    )
    return Case(str(entry).rsplit("#", 1)[1], requests_, graph_data)


def _request(graph: Graph, node: Any) -> Request:
    headers_list = graph.value(node, HT.headers)
    headers = {}
    if headers_list is not None:
        for header in Collection(graph, headers_list):
            name = str(graph.value(header, HT.fieldName))
            headers[name] = str(graph.value(header, HT.fieldValue))
    body_node = graph.value(node, HT.body)
    body = None
    if body_node is not None:
        encoding = str(graph.value(body_node, CNT.characterEncoding) or "UTF-8")
        body = str(graph.value(body_node, CNT.chars)).encode(encoding.lower())
    response = graph.value(node, HT.resp)
    statuses = frozenset(int(str(s).rsplit("StatusCode", 1)[1][0])
                         for s in graph.objects(response, MF.expectedStatus))
    fmt = graph.value(response, MF.expectedFormat)
    boolean = graph.value(response, MF.expectedBoolean)
    return Request(str(graph.value(node, HT.methodName)), str(graph.value(node, HT.absolutePath)),
                   headers, body, statuses, None if fmt is None else str(fmt),
                   None if boolean is None else bool(boolean.toPython()))


def _cases() -> list[Any]:
    if not MANIFEST_DIR.exists():
        return [pytest.param(None, id="manifest-absent")]  # the shared_dir fixture skips it
    return [pytest.param(case, id=case.name) for case in load_manifest(MANIFEST_DIR)]


@pytest.fixture(scope="module", params=["embedded", *ENGINES])
def base_url(request: pytest.FixtureRequest,
             tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``exgraph serve`` on its embedded Oxigraph, and on each external engine (loaded with
    ``exgraph load`` first, as a deployment would)."""
    env = {"EXGRAPH_UPDATE_TOKEN": TOKEN}
    if request.param == "embedded":
        with running_server(env=env) as url:
            yield url
        return
    from click.testing import CliRunner

    from exgraph.cli.main import main

    with external_engine(request.param, tmp_path_factory.mktemp(request.param)) as spec:
        loaded = CliRunner().invoke(main, ["load", "--store", spec])
        assert loaded.exit_code == 0, loaded.output
        with running_server("--store", spec, env=env) as url:
            yield url


def seed(base_url: str, case: Case, directory: Path) -> None:
    """Empty the server, then load each ut:graphData file into its named graph."""
    blocks = [f"GRAPH <{name}> {{ {(directory / path.name).read_text()} }}"
              for name, path in case.graph_data]
    update = "CLEAR ALL" + (f" ; INSERT DATA {{ {' '.join(blocks)} }}" if blocks else "")
    response = requests.post(base_url + "/sparql", data=update.encode(), timeout=30, headers={
        "Content-Type": "application/sparql-update", **UPDATE_HEADERS})
    assert response.status_code == 200, response.text


def check_format(response: requests.Response, fmt: str, boolean: bool | None) -> None:
    media = response.headers["Content-Type"].split(";")[0].strip()
    if fmt == "RDF":
        rdflib_format = {"text/turtle": "turtle", "application/n-triples": "nt",
                         "application/rdf+xml": "xml", "application/ld+json": "json-ld"}[media]
        Graph().parse(data=response.content, format=rdflib_format)
        return
    if media == "application/sparql-results+json":
        body = json.loads(response.content)
        assert ("boolean" in body) == (fmt == "boolean")
        if fmt == "tabular":
            assert isinstance(body["results"]["bindings"], list)
        value = body.get("boolean")
    elif media == "application/sparql-results+xml":
        root = ET.fromstring(response.content)
        found = root.find("{http://www.w3.org/2005/sparql-results#}boolean")
        assert (found is not None) == (fmt == "boolean")
        value = None if found is None else found.text == "true"
    else:
        assert fmt == "tabular" and media in ("text/csv", "text/tab-separated-values")
        delimiter = "," if media == "text/csv" else "\t"
        assert list(csv.reader(io.StringIO(response.text), delimiter=delimiter))
        value = None
    if boolean is not None:
        assert value is boolean


@pytest.mark.parametrize("case", _cases())
def test_protocol(case: Case, shared_dir: Path, base_url: str) -> None:
    directory = shared_dir / "conformance" / "sparql11-protocol"
    if case.graph_data:
        seed(base_url, case, directory)
    is_update = case.name.startswith(("update_", "bad_update"))
    for request in case.requests:
        headers = dict(request.headers)
        if is_update:
            headers.update(UPDATE_HEADERS)
        url = base_url + "/sparql" + request.path.removeprefix("/sparql/")
        response = requests.request(request.method, url, headers=headers, data=request.body,
                                    timeout=30, allow_redirects=False)
        assert response.status_code // 100 in request.statuses, (response.status_code,
                                                                 response.text)
        if request.format is not None:
            check_format(response, request.format, request.boolean)
