"""The compaction of the JSON-LD export works in chunks of whole node objects (issue 25: one
split of the 100k graph's body ran out of memory): the bytes must not depend on where the
chunks are cut, and no chunk may cut an IRI spot."""

from __future__ import annotations

import json
import random

import pyoxigraph as ox

from exgraph.graph import export

EXERCISE = "https://w3id.org/exgraph/id/exercise/"
EXG = "https://w3id.org/exgraph/ontology#"


def expanded(seed: int, nodes: int = 60) -> bytes:
    """Oxigraph's expanded JSON-LD of a random little graph: IRIs of the vocabulary as
    subjects, properties, objects and datatypes, texts that look like IRI spots, and an IRI
    that is a namespace itself."""
    rng = random.Random(seed)
    triples = []
    for i in range(nodes):
        subject = ox.NamedNode(f"{EXERCISE}e{i}")
        for _ in range(rng.randint(1, 4)):
            kind = rng.randrange(4)
            if kind == 0:
                obj: ox.NamedNode | ox.Literal = ox.NamedNode(
                    f"{EXERCISE}e{rng.randrange(nodes)}")
            elif kind == 1:
                obj = ox.Literal('},{"' + EXG + 'step",{"@id":"' + EXERCISE + 'x"}')
            elif kind == 2:
                obj = ox.Literal(str(rng.randrange(9)), datatype=ox.NamedNode(
                    "http://www.w3.org/2001/XMLSchema#integer"))
            else:
                obj = ox.NamedNode(EXERCISE)
            triples.append(ox.Triple(subject, ox.NamedNode(f"{EXG}p{rng.randrange(3)}"), obj))
    return ox.serialize(triples, format=ox.RdfFormat.JSON_LD) or b""


def test_the_chunks_are_the_body_and_cut_between_nodes() -> None:
    body = expanded(1)
    for size in (1, 7, 100, 1000, len(body) + 1):
        chunks = export._node_chunks(body, size)
        assert b"".join(chunks) == body
        assert all(c.startswith(b"[") or c.startswith(b'{"') for c in chunks)
        assert all(c.endswith(b"},") for c in chunks[:-1])
    assert len(export._node_chunks(body, 1)) > 10


def test_the_compacted_bytes_do_not_depend_on_the_chunks() -> None:
    for seed in range(5):
        body = expanded(seed)
        whole = export._compact_jsonld(body, len(body) + 1)
        for size in (1, 13, 200):
            assert export._compact_jsonld(body, size) == whole
        document = json.loads(whole)
        texts = [v["@value"] for node in document["@graph"] for values in node.values()
                 if isinstance(values, list) for v in values if "@value" in v]
        assert any(EXG in t for t in texts)  # a text that looks like a spot stays whole
        assert all(node["@id"].startswith("exercise:") for node in document["@graph"])
