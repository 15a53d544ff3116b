"""Linked Data: every IRI of the graph dereferences at /id/..., with content negotiation, and
/ontology serves the vocabulary. On the curated and the full graph (``site``).

RDF answers are parsed back into rdflib graphs and compared with what the store holds, asked
with a query written here (not with the code under test).
"""

from __future__ import annotations

import itertools
import json
import random
from collections.abc import Iterator

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, RDF, RDFS

from exgraph.config import ONTOLOGY_FILE
from exgraph.graph.load import open_store
from exgraph.graph.store import Store
from exgraph.vocab.terms import EXG, ID
from exgraph.web.app import create_app
from exgraph.web.sparql.formats import GRAPH_MEDIA_TYPES, negotiate_page
from tests.web_fixtures import BROWSER, Site, get_page, path_of
from tests.web_fixtures import Node as HtmlNode

MBE = "machine-back-extension"
SCOPE = "article-machine-back-extension"  # the article mints the parts it describes
RDF_FORMATS = {"text/turtle": "turtle", "application/n-triples": "nt",
               "application/ld+json": "json-ld", "application/rdf+xml": "xml"}
EXTENSIONS = {"ttl": "text/turtle", "nt": "application/n-triples",
              "jsonld": "application/ld+json", "rdf": "application/rdf+xml"}
#: Kind -> where text/html sends the browser (None: the page is rendered at /id/ itself).
PAGES = {"exercise": "/exercises/", "muscle": "/muscles/", "equipment": "/equipment/",
         "goal": None, "source": None}
#: One resource of each kind that the curated graph has.
SAMPLES = {"exercise": MBE, "muscle": "hamstrings", "equipment": "barbell",
           "goal": "hypertrophy", "source": "curated"}
CLASSES = {"exercise": EXG.Exercise, "muscle": EXG.Muscle, "equipment": EXG.Equipment,
           "goal": EXG.TrainingGoal, "source": EXG.Source}


def own_triples(store: Store, iri: str) -> Graph:
    """The triples whose subject is iri, straight from the store."""
    return store.construct(f"CONSTRUCT WHERE {{ <{iri}> ?p ?o }}")


def about(graph: Graph, subject: str) -> Graph:
    """The triples of graph whose subject is subject."""
    found = Graph()
    for triple in graph.triples((URIRef(subject), None, None)):
        found.add(triple)
    return found


def parse(body: bytes, media_type: str) -> Graph:
    return Graph().parse(data=body, format=RDF_FORMATS[media_type])


# ---------------------------------------------------------------------------------------------
# Negotiation, unit by unit

@pytest.mark.parametrize(("accept", "expected"), [
    (None, "turtle"),
    ("*/*", "turtle"),
    ("text/html", "html"),
    (BROWSER, "html"),
    ("text/turtle", "turtle"),
    ("application/n-triples", "ntriples"),
    ("application/ld+json", "jsonld"),
    ("application/json", "jsonld"),
    ("application/rdf+xml", "rdfxml"),
    ("text/html;q=0.5, text/turtle", "turtle"),
    ("application/ld+json;q=0.9, text/html;q=0.8", "jsonld"),
    ("image/png", None),
    ("text/turtle;q=0", None),
])
def test_negotiate_page_parses_accept_once(accept: str | None, expected: str | None) -> None:
    chosen = negotiate_page(accept, GRAPH_MEDIA_TYPES)
    assert (chosen.name if chosen else None) == expected


# ---------------------------------------------------------------------------------------------
# /id/KIND/SLUG


@pytest.mark.parametrize("kind", sorted(SAMPLES))
@pytest.mark.parametrize("media_type", sorted(RDF_FORMATS))
def test_a_resource_is_described_in_every_rdf_format(site: Site, kind: str,
                                                     media_type: str) -> None:
    iri = f"{ID}{kind}/{SAMPLES[kind]}"
    response = site.client.get(f"/id/{kind}/{SAMPLES[kind]}", headers={"Accept": media_type})
    assert response.status_code == 200
    assert response.mimetype == media_type
    assert "Accept" in response.headers["Vary"]
    graph = parse(response.data, media_type)
    assert isomorphic(about(graph, iri), own_triples(site.store, iri))
    assert (URIRef(iri), RDF.type, CLASSES[kind]) in graph
    for subject in set(graph.subjects()):
        assert str(subject) == iri or str(subject).startswith(iri + "/"), subject


def test_an_exercise_description_holds_its_sub_nodes(site: Site) -> None:
    iri = f"{ID}exercise/{MBE}"
    graph = parse(site.client.get(f"/id/exercise/{MBE}.ttl").data, "text/turtle")
    parts = site.store.select(f"""SELECT DISTINCT ?part WHERE {{
        <{iri}> ?p ?part . FILTER(STRSTARTS(STR(?part), "{iri}/")) }}""")
    assert parts, "the reference exercise has steps, mistakes..."
    for row in parts:
        part = str(row["part"])
        assert isomorphic(about(graph, part), own_triples(site.store, part)), part


@pytest.mark.parametrize("kind", sorted(SAMPLES))
def test_browsers_get_the_page(site: Site, kind: str) -> None:
    slug = SAMPLES[kind]
    response = site.client.get(f"/id/{kind}/{slug}", headers={"Accept": BROWSER})
    assert "Accept" in response.headers["Vary"]
    page = PAGES[kind]
    if page is None:
        assert response.status_code == 200 and response.mimetype == "text/html"
        root = get_page(site.client, f"/id/{kind}/{slug}").root
        labels = site.store.select(f"SELECT ?l WHERE {{ <{ID}{kind}/{slug}> <{RDFS.label}> ?l }}")
        assert root.find("h1").text == min(str(row["l"]) for row in labels)
    else:
        assert response.status_code == 303
        assert response.headers["Location"] == f"{page}{slug}"
    links = response.headers["Link"]
    for ext, media_type in EXTENSIONS.items():
        assert f'</id/{kind}/{slug}.{ext}>; rel="alternate"; type="{media_type}"' in links


@pytest.mark.parametrize("ext", sorted(EXTENSIONS))
@pytest.mark.parametrize("accept", [BROWSER, "image/png", None])
def test_an_extension_fixes_the_format(site: Site, ext: str, accept: str | None) -> None:
    headers = {"Accept": accept} if accept else {}
    response = site.client.get(f"/id/goal/hypertrophy.{ext}", headers=headers)
    assert response.status_code == 200
    assert response.mimetype == EXTENSIONS[ext]
    assert "Accept" not in response.headers.get("Vary", "")
    graph = parse(response.data, EXTENSIONS[ext])
    assert (URIRef(f"{ID}goal/hypertrophy"), RDF.type, EXG.TrainingGoal) in graph


def test_the_dataset_dereferences(site: Site) -> None:
    graph = parse(site.client.get("/id/dataset", headers={"Accept": "text/turtle"}).data,
                  "text/turtle")
    assert isomorphic(graph, own_triples(site.store, f"{ID}dataset"))
    assert get_page(site.client, "/id/dataset").root.find("h1").text


@pytest.mark.parametrize(("url", "accept", "status"), [
    ("/id/exercise/no-such-exercise", "text/turtle", 404),
    ("/id/source/no-such-source", None, 404),
    ("/id/exercise/machine-back-extension", "image/png", 406),
    ("/id/muscle/hamstrings", "application/sparql-results+json", 406),
    (f"/id/exercise/machine-back-extension/{SCOPE}/step/99", "text/turtle", 404),
    ("/id/goal/hypertrophy.pdf", None, 404),
    ("/ontology", "image/png", 406),
])
def test_errors_have_the_one_json_shape(site: Site, url: str, accept: str | None,
                                        status: int) -> None:
    headers = {"Accept": accept} if accept else {}
    response = site.client.get(url, headers=headers)
    assert response.status_code == status
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert body["ok"] is False and body["status"] == status and body["error"]
    assert "Accept" in response.headers["Vary"]


def test_an_unknown_resource_is_a_404_page_for_browsers(site: Site) -> None:
    page = get_page(site.client, "/id/exercise/no-such-exercise", status=404)
    assert "no-such-exercise" in page.root.find(role="alert").text


@pytest.mark.parametrize("part", [
    f"{SCOPE}/step/1", f"{SCOPE}/mistake/2", f"{SCOPE}/muscle/hamstrings",
    f"{SCOPE}/comparison/bodyweight-back-extension/machine-back-extension"])
def test_a_part_redirects_to_its_exercise(site: Site, part: str) -> None:
    response = site.client.get(f"/id/exercise/{MBE}/{part}", headers={"Accept": "text/turtle"})
    assert response.status_code == 303
    assert response.headers["Location"] == f"/id/exercise/{MBE}"
    owner = parse(site.client.get(response.headers["Location"],
                                  headers={"Accept": "text/turtle"}).data, "text/turtle")
    assert (URIRef(f"{ID}exercise/{MBE}/{part}"), None, None) in owner


# ---------------------------------------------------------------------------------------------
# A walk: up to 200 IRIs of every kind dereference as a page and as Turtle

WALK = 200


def sample(store: Store, kind: str, rng: random.Random) -> list[str]:
    rows = store.select(f"SELECT ?s WHERE {{ ?s a <{CLASSES[kind]}> . "
                        f"FILTER(STRSTARTS(STR(?s), \"{ID}{kind}/\")) }}")
    iris = sorted(str(row["s"]) for row in rows)
    return rng.sample(iris, min(WALK, len(iris)))


@pytest.mark.slow
@pytest.mark.parametrize("kind", sorted(SAMPLES))
def test_sampled_iris_dereference_as_html_and_turtle(site: Site, kind: str) -> None:
    client = site.client
    iris = sample(site.store, kind, random.Random(f"{site.name}-{kind}"))
    assert iris
    for iri in iris:
        path = iri.removeprefix("https://w3id.org/exgraph")
        html = client.get(path, headers={"Accept": BROWSER})
        if html.status_code == 303:
            html = client.get(path_of(html.headers["Location"]), headers={"Accept": BROWSER})
        assert html.status_code == 200 and html.mimetype == "text/html", iri
        turtle = client.get(path, headers={"Accept": "text/turtle"})
        assert turtle.status_code == 200, iri
        assert (URIRef(iri), RDF.type, CLASSES[kind]) in parse(turtle.data, "text/turtle"), iri


# ---------------------------------------------------------------------------------------------
# /ontology


def vocabulary_terms() -> Iterator[tuple[URIRef, Graph]]:
    ontology = Graph().parse(ONTOLOGY_FILE)
    terms = {s for s in ontology.subjects() if isinstance(s, URIRef)}
    for term in sorted(terms):
        if str(term).startswith(str(EXG)):
            yield term, ontology


def test_the_ontology_page_lists_every_term_with_label_and_comment(site: Site) -> None:
    root = get_page(site.client, "/ontology").root
    terms = list(vocabulary_terms())
    assert terms
    for term, ontology in terms:
        local = str(term)[len(str(EXG)):]
        entry = root.by_id(local)
        label = ontology.value(term, RDFS.label)
        if label is not None:
            assert str(label) in entry.text, local
        comment = ontology.value(term, RDFS.comment)
        definition = entry_definition(root, local)
        if comment is not None:
            assert " ".join(str(comment).split()) in definition, local


def entry_definition(root: HtmlNode, local: str) -> str:
    """The text of the <dd> right after the term's <dt>."""
    for dl in root.find_all("dl", class_="terms"):
        items = [n for n in dl.children if n.tag in ("dt", "dd")]
        for dt, dd in itertools.pairwise(items):
            if dt.tag == "dt" and dt.attrs.get("id") == local and dd.tag == "dd":
                return str(dd.text)
    raise AssertionError(f"no definition of {local}")


@pytest.mark.parametrize("media_type", sorted(RDF_FORMATS))
def test_the_ontology_in_rdf_holds_the_vocabulary_file(site: Site, media_type: str) -> None:
    response = site.client.get("/ontology", headers={"Accept": media_type})
    assert response.status_code == 200 and response.mimetype == media_type
    assert "Accept" in response.headers["Vary"]
    served = parse(response.data, media_type)
    ontology = Graph().parse(ONTOLOGY_FILE)
    for s, p, o in ontology:
        if isinstance(s, URIRef) and (str(s).startswith(str(EXG)) or
                                      (s, RDF.type, OWL.Ontology) in ontology):
            assert (s, p, o) in served, (s, p, o)


def test_the_ontology_by_extension(site: Site) -> None:
    response = site.client.get("/ontology.ttl", headers={"Accept": BROWSER})
    assert response.mimetype == "text/turtle"
    assert (URIRef(str(EXG)[:-1]), RDF.type, OWL.Ontology) in parse(response.data, "text/turtle")


# ---------------------------------------------------------------------------------------------
# BASE_IRI: the server answers for the IRIs under it

EXAMPLE = Namespace("https://example.org/exg/")


@pytest.fixture(scope="module")
def elsewhere() -> Iterator[Site]:
    graph = Graph().parse(ONTOLOGY_FILE)
    goal = EXAMPLE["id/goal/mobility"]
    graph.add((goal, RDF.type, EXG.TrainingGoal))
    graph.add((goal, RDFS.label, Literal("Mobility")))
    store = open_store("oxigraph", graph=graph)
    yield Site("elsewhere", create_app({"STORE": store, "BASE_IRI": str(EXAMPLE)}), store)


def test_base_iri_moves_the_resources_served(elsewhere: Site) -> None:
    response = elsewhere.client.get("/id/goal/mobility", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    graph = parse(response.data, "text/turtle")
    assert (EXAMPLE["id/goal/mobility"], RDFS.label, Literal("Mobility")) in graph
    page = get_page(elsewhere.client, "/id/goal/mobility")
    assert page.root.find("h1").text == "Mobility"
    assert page.root.find("p", class_="iri").find("code").text == str(EXAMPLE["id/goal/mobility"])
    assert elsewhere.client.get("/id/goal/hypertrophy").status_code == 404


def test_base_iri_moves_the_ontology(elsewhere: Site) -> None:
    response = elsewhere.client.get("/ontology", headers={"Accept": "application/ld+json"})
    assert response.status_code == 200
    assert json.loads(response.data) == [], "no vocabulary is minted under example.org"
