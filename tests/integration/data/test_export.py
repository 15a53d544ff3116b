"""Export: deterministic bytes (whatever the load order, hash seed, process or engine), the
documented orders, readable Turtle, round trips through rdflib and pyoxigraph, atomic writes."""

from __future__ import annotations

import hashlib
import json
import os
import random
import re
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, XSD

from exgraph.cli.main import main
from exgraph.graph.export import FORMATS, serialize, write_atomic
from exgraph.graph.load import open_store
from exgraph.graph.store import OxigraphStore, RdflibStore, Store
from exgraph.vocab.terms import EXERCISE, EXG, PREFIXES

RDFLIB_FORMAT = {"turtle": "turtle", "ntriples": "nt", "jsonld": "json-ld"}
OX_FORMAT = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
             "jsonld": ox.RdfFormat.JSON_LD, "nquads": ox.RdfFormat.N_QUADS,
             "trig": ox.RdfFormat.TRIG}
UNESCAPE = re.compile(r"\\(.)").sub  # a Turtle local name's escapes


@pytest.mark.parametrize("fmt", sorted(RDFLIB_FORMAT))
def test_round_trip_is_isomorphic(store: Store, graph: Graph, fmt: str) -> None:
    data = serialize(store, fmt)
    parsed = Graph().parse(data=data, format=RDFLIB_FORMAT[fmt])
    assert isomorphic(parsed, graph)


@pytest.mark.parametrize("fmt", sorted(RDFLIB_FORMAT))
def test_same_bytes_from_both_engines_and_twice(store: Store, rdflib_store: Store,
                                                fmt: str) -> None:
    assert serialize(store, fmt) == serialize(store, fmt) == serialize(rdflib_store, fmt)


@pytest.mark.parametrize("fmt", ["turtle", "jsonld"])
def test_same_bytes_across_processes(tmp_path: Path, fmt: str) -> None:
    # Hash seeds differ between processes; the output must not depend on them.
    outs = []
    for seed in ("1", "2"):
        target = tmp_path / f"out-{seed}"
        subprocess.run([sys.executable, "-m", "exgraph", "export", "--format", fmt,
                        "-o", str(target)],
                       check=True, env={**os.environ, "PYTHONHASHSEED": seed},
                       capture_output=True)
        outs.append(target.read_bytes())
    assert outs[0] == outs[1]


def test_turtle_uses_readable_prefixes(store: Store) -> None:
    text = serialize(store, "turtle").decode()
    assert "@prefix exg: <https://w3id.org/exgraph/ontology#> ." in text
    assert "exercise:machine-back-extension" in text
    assert "exg:alternative exercise:" in text


def test_cli_export_to_file_and_stdout(tmp_path: Path, store: Store) -> None:
    target = tmp_path / "graph.nt"
    result = CliRunner().invoke(main, ["export", "--format", "ntriples", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_bytes() == serialize(store, "ntriples")
    stdout = CliRunner().invoke(main, ["export"])
    assert stdout.stdout_bytes == serialize(store, "turtle")


def test_unknown_format_is_refused() -> None:
    result = CliRunner().invoke(main, ["export", "--format", "xml"])
    assert result.exit_code == 2
    assert "--format" in result.output


def test_failed_write_leaves_existing_file_untouched(tmp_path: Path) -> None:
    target = tmp_path / "graph.ttl"
    target.write_text("old content")

    class Boom:
        """Bytes-like whose write fails half-way, as a full disk would."""

    not_bytes: Any = Boom()  # the wrong type on purpose: what the checker would refuse
    with pytest.raises(TypeError):
        write_atomic(target, not_bytes)
    assert target.read_text() == "old content"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl"]


def test_export_into_a_missing_directory_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["export", "-o", str(tmp_path / "no" / "such" / "x.ttl")])
    assert result.exit_code == 1
    assert "cannot write" in result.output and "x.ttl" in result.output


def test_written_files_get_ordinary_permissions(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ttl"
    write_atomic(fresh, b"x")
    umask = os.umask(0)
    os.umask(umask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask
    kept = tmp_path / "kept.ttl"
    kept.write_bytes(b"old")
    kept.chmod(0o640)
    write_atomic(kept, b"new")
    assert kept.stat().st_mode & 0o777 == 0o640 and kept.read_bytes() == b"new"


# ---------------------------------------------------------------------------------------------
# The served graph (curated + articles + imports, in source graphs and their union)


def _source_quads(store: OxigraphStore) -> set[ox.Quad]:
    return {q for q in store.ox.quads_for_pattern(None, None, None)
            if isinstance(q.graph_name, ox.NamedNode)
            and not q.graph_name.value.startswith("urn:exgraph:")}


def _triples(quads: Iterable[ox.Quad]) -> set[ox.Triple]:
    return {ox.Triple(q.subject, q.predicate, q.object) for q in quads}


def _default_triples(store: OxigraphStore) -> set[ox.Triple]:
    return _triples(store.ox.quads_for_pattern(None, None, None, ox.DefaultGraph()))


@pytest.fixture(scope="module")
def served(full_store: Store) -> dict[str, bytes]:
    """Every format of the served graph."""
    return {fmt: serialize(full_store, fmt) for fmt in FORMATS}


@pytest.fixture(scope="module")
def reloaded(served: dict[str, bytes]) -> OxigraphStore:
    """The served graph (its source graphs and their union, the default graph) loaded again in
    a shuffled order: another insertion order, so another order of Oxigraph's dump."""
    lines = (served["nquads"] + served["ntriples"]).splitlines()
    random.Random(7).shuffle(lines)
    store = ox.Store()
    store.load(b"\n".join(lines), format=ox.RdfFormat.N_QUADS)
    return OxigraphStore(store)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_same_bytes_whatever_the_load_order(served: dict[str, bytes], reloaded: OxigraphStore,
                                            fmt: str) -> None:
    first = reloaded.ox.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    assert first is not None and not first.startswith(served["ntriples"][:200])  # other order
    assert serialize(reloaded, fmt) == served[fmt]


def test_same_bytes_in_other_processes_and_hash_seeds(served: dict[str, bytes]) -> None:
    script = ("import hashlib, json\n"
              "from exgraph.graph.export import FORMATS, serialize\n"
              "from exgraph.graph.load import open_store\n"
              "store = open_store('oxigraph', imported=True)\n"
              "print(json.dumps({f: hashlib.sha256(serialize(store, f)).hexdigest()"
              " for f in FORMATS}))\n")
    children = [subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE,
                                 env={**os.environ, "PYTHONHASHSEED": seed})
                for seed in ("1", "2")]
    mine = {fmt: hashlib.sha256(data).hexdigest() for fmt, data in served.items()}
    for child in children:
        out, _ = child.communicate(timeout=240)
        assert child.returncode == 0
        assert json.loads(out) == mine


@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "jsonld"])
def test_graph_formats_parse_back_to_the_default_graph(full_store: OxigraphStore,
                                                       served: dict[str, bytes],
                                                       fmt: str) -> None:
    parsed = _triples(ox.parse(served[fmt], format=OX_FORMAT[fmt]))
    assert parsed == _default_triples(full_store)


@pytest.mark.parametrize("fmt", ["nquads", "trig"])
def test_dataset_formats_parse_back_to_the_source_graphs(full_store: OxigraphStore,
                                                         served: dict[str, bytes],
                                                         fmt: str) -> None:
    parsed = set(ox.parse(served[fmt], format=OX_FORMAT[fmt]))
    assert parsed == _source_quads(full_store)


@pytest.mark.slow
def test_rdflib_reads_the_served_jsonld_back(full_store: Store, served: dict[str, bytes]) -> None:
    # a second reader of the JSON-LD than pyoxigraph (rdflib reads Turtle and N-Triples in
    # test_round_trip_is_isomorphic, on the curated graph)
    parsed = Graph().parse(data=served["jsonld"], format="json-ld")
    assert isomorphic(parsed, full_store.to_graph())


def _expand(token: str, prefixes: dict[str, str]) -> str:
    """A subject as written in Turtle or JSON-LD, as its N-Triples term."""
    if token.startswith(("<", "_:")):
        return token
    if token.startswith("http"):  # a JSON-LD @id: a whole IRI
        return f"<{token}>"
    prefix, local = token.split(":", 1)
    return "<" + prefixes[prefix] + UNESCAPE(r"\1", local) + ">"


def test_documented_orders(served: dict[str, bytes]) -> None:
    lines = served["ntriples"].decode().splitlines()
    assert lines == sorted(set(lines))  # sorted bytewise, no repeats: grouped by subject
    subjects = list(dict.fromkeys(line.split(" ", 1)[0] for line in lines))
    quads = served["nquads"].splitlines()
    assert quads == sorted(set(quads))
    assert len({line.rsplit(b" ", 2)[1] for line in quads}) > 3  # several source graphs
    # Turtle: the header, then a line per subject in the order of the N-Triples lines
    body = served["turtle"].decode().split("\n\n", 1)[1]
    assert [_expand(line.split(" ", 1)[0], PREFIXES) for line in body.splitlines()
            if not line.startswith("\t")] == subjects
    # JSON-LD: the prefixes as its @context, one node object per subject in that order
    document = json.loads(served["jsonld"])
    context = {prefix: (ns if isinstance(ns, str) else ns["@id"])
               for prefix, ns in document["@context"].items()}
    assert context == PREFIXES

    def expand(iri: str) -> str:
        prefix, _, local = iri.partition(":")
        return f"<{context[prefix]}{local}>" if prefix in context else f"<{iri}>"

    assert [expand(node["@id"]) for node in document["@graph"]] == subjects
    # compact IRIs in keys, ids and datatypes, never inside a text
    mbe = next(node for node in document["@graph"]
               if node["@id"] == "exercise:machine-back-extension")
    assert "exg:muscleInvolvement" in mbe and "rdfs:label" in mbe


# ---------------------------------------------------------------------------------------------
# Terms that need care: escapes, language tags, datatypes, local names, blank nodes


def _awkward_graph() -> Graph:
    graph = Graph()
    ex = EXERCISE
    node = BNode("b0")
    graph.add((ex["squat"], RDF.type, EXG.Exercise))
    for text in ['quote " backslash \\ newline \n tab \t cr \r', "control \x01\x1f\x7f",
                 "unicode é 漢字 🏋", "<https://w3id.org/exgraph/ontology#x> .", ""]:
        graph.add((ex["squat"], EXG.note, Literal(text)))
    graph.add((ex["squat"], EXG.note, Literal("squat", lang="en")))
    graph.add((ex["squat"], EXG.note, Literal("Kniebeuge", lang="de-ch")))
    graph.add((ex["squat"], EXG.position, Literal("1", datatype=XSD.integer)))
    graph.add((ex["squat"], EXG.position, Literal("x", datatype=URIRef("http://ex.org/dt#t"))))
    # local names Turtle writes escaped (exercise:a\/b, exercise:\(x\)) or empty (exercise:)
    graph.add((ex["squat"], EXG.alternative, ex["a/b"]))
    # not ex["a."]: written exercise:a\. (valid Turtle, as Oxigraph writes it), which rdflib
    # 7.6's Turtle parser rejects
    graph.add((ex["squat"], EXG.alternative, ex["(x)"]))
    graph.add((ex["squat"], EXG.alternative, URIRef(str(ex))))
    graph.add((ex["squat"], EXG.muscle, URIRef(PREFIXES["uberon"] + "0001")))
    graph.add((ex["squat"], EXG.step, node))
    graph.add((node, RDF.type, URIRef("http://ex.org/Step")))
    graph.add((node, RDF.type, node))
    graph.add((URIRef("urn:x:1"), URIRef("urn:p"), Literal("with a \" quote", lang="en")))
    return graph


@pytest.mark.parametrize("fmt", sorted(RDFLIB_FORMAT))
def test_awkward_terms_round_trip_on_both_engines(fmt: str) -> None:
    graph = _awkward_graph()
    rdflib_bytes = serialize(graph, fmt)
    store = ox.Store()
    store.extend(ox.Quad(*q) for q in ox.parse(serialize(graph, "ntriples"),
                                                  format=ox.RdfFormat.N_TRIPLES))
    assert serialize(OxigraphStore(store), fmt) == rdflib_bytes == serialize(
        RdflibStore(graph), fmt)
    back = Graph().parse(data=rdflib_bytes, format=RDFLIB_FORMAT[fmt])
    assert isomorphic(back, graph)
    ox_back = _triples(ox.parse(rdflib_bytes, format=OX_FORMAT[fmt]))
    assert ox_back == _triples(ox.parse(serialize(graph, "ntriples"),
                                        format=ox.RdfFormat.N_TRIPLES))


def test_empty_graph_in_every_format() -> None:
    for fmt in FORMATS:
        data = serialize(Graph(), fmt)
        assert list(ox.parse(data, format=OX_FORMAT[fmt])) == []
    assert json.loads(serialize(Graph(), "jsonld"))["@graph"] == []


def test_jsonld_compacts_iris_only_where_iris_are() -> None:
    """A text that looks like an IRI stays whole; an IRI key, @id and datatype compact."""
    graph = Graph()
    exercise = URIRef("https://w3id.org/exgraph/id/exercise/x")
    text = 'see https://w3id.org/exgraph/ontology#step, {"https://w3id.org/exgraph/id/"}'
    graph.add((exercise, URIRef("https://w3id.org/exgraph/ontology#summary"), Literal(text)))
    graph.add((exercise, URIRef("https://w3id.org/exgraph/ontology#position"),
               Literal(3, datatype=URIRef("http://www.w3.org/2001/XMLSchema#integer"))))
    graph.add((exercise, URIRef("http://purl.obolibrary.org/obo/UBERON_0001"), exercise))
    data = serialize(graph, "jsonld")
    (node,) = json.loads(data)["@graph"]
    assert node["@id"] == "exercise:x"
    assert node["exg:summary"] == [{"@value": text}]
    assert node["exg:position"] == [{"@value": "3", "@type": "xsd:integer"}]
    assert node["uberon:0001"] == [{"@id": "exercise:x"}]
    assert isomorphic(Graph().parse(data=data, format="json-ld"), graph)


def test_store_without_source_graphs_exports_its_default_graph(store: Store) -> None:
    plain = ox.Store()
    plain.bulk_load(serialize(store, "ntriples"), format=ox.RdfFormat.N_TRIPLES)
    assert serialize(OxigraphStore(plain), "nquads") == serialize(store, "ntriples")


def test_open_store_is_deterministic_too() -> None:
    # the store the CLI and the server open, built twice in this process
    assert serialize(open_store("oxigraph"), "turtle") == serialize(open_store("oxigraph"),
                                                                    "turtle")
