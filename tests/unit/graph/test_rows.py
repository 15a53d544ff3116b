"""graph/rows.py: a SELECT's rows read from Oxigraph's TSV writer are the terms
``from_ox`` gives for the same solutions, whatever the literal's escapes, language, datatype
or bare form, and whatever the 8 KB chunks cut."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from exgraph.graph.rows import ox_rows, tsv_term
from exgraph.graph.store import OxigraphStore, from_ox

X = "http://www.w3.org/2001/XMLSchema#"
ODD_TEXTS = ("plain", "", 'a "quote"', "tab\there", "new\nline", "cr\rhere", "back\\slash",
             "\\n not a newline", "é and 😀", "trailing \\", '"', "x\ty\\t")
TYPED = (("12", "integer"), ("-5", "integer"), ("01", "integer"), ("1.50", "decimal"),
         ("0.5", "decimal"), ("1.5e3", "double"), ("NaN", "double"), ("INF", "double"),
         ("true", "boolean"), ("0", "boolean"), ("x", "string"), ("2020-01-01", "date"),
         ("abc", "integer"), ("P1D", "duration"))


def _store() -> ox.Store:
    store = ox.Store()
    subject = ox.NamedNode("http://example.org/s")
    objects: list[ox.NamedNode | ox.BlankNode | ox.Literal] = [
        ox.NamedNode("http://example.org/o#x?y=1"), ox.BlankNode("b1")]
    for text in ODD_TEXTS:
        objects += [ox.Literal(text), ox.Literal(text, language="en"),
                    ox.Literal(text, language="en-GB"),
                    ox.Literal(text, datatype=ox.NamedNode("http://example.org/dt"))]
    objects += [ox.Literal(value, datatype=ox.NamedNode(X + kind)) for value, kind in TYPED]
    for number, obj in enumerate(objects):
        store.add(ox.Quad(subject, ox.NamedNode(f"http://example.org/p{number}"), obj,
                          ox.NamedNode("http://example.org/g")))
    for number in range(3000):  # enough rows for several 8 KB chunks
        store.add(ox.Quad(ox.NamedNode(f"http://example.org/n{number}"),
                          ox.NamedNode("http://example.org/p"),
                          ox.Literal(f"line {number}\nwith\ttabs", language="fr")))
    return store


QUERY = """SELECT ?s ?p ?o ?g WHERE { { GRAPH ?g { ?s ?p ?o } } UNION { ?s ?p ?o } }
ORDER BY ?s ?p ?o ?g"""


def test_the_rows_are_the_terms_from_ox_gives() -> None:
    store = _store()
    names, rows = ox_rows(store, QUERY)
    assert names == ["s", "p", "o", "g"]
    expected = [tuple(None if value is None else from_ox(value) for value in solution)
                for solution in store.query(QUERY)]  # type: ignore[union-attr]
    assert len(rows) == len(expected) > 3000
    for got, want in zip(rows, expected, strict=True):
        assert got == want
        for a, b in zip(got, want, strict=True):  # rdflib's == ignores nothing we rely on,
            assert type(a) is type(b)  # but the kind and the literal's parts must match too
            if isinstance(a, Literal):
                assert isinstance(b, Literal)
                assert (str(a), a.language, a.datatype) == (str(b), b.language, b.datatype)
    assert any(row[3] is None for row in rows)  # the default graph's copy: ?g unbound


def test_select_rows_agrees_with_select() -> None:
    store = OxigraphStore(_store())
    names, rows = store.select_rows(QUERY)
    as_dicts = [{n: v for n, v in zip(names, row, strict=True) if v is not None} for row in rows]
    assert as_dicts == store.select(QUERY)


@pytest.mark.parametrize(("cell", "term"), [
    ("<http://a/b>", URIRef("http://a/b")),
    ("_:b0", BNode("b0")),
    ('"a\\tb\\"c\\\\"@de', Literal('a\tb"c\\', lang="de")),
    ('"x"^^<http://www.w3.org/2001/XMLSchema#string>', Literal("x")),
    ('"\\u00e9"', Literal("é")),
    ("12", Literal("12", datatype=XSD.integer)),
    ("-1.5", Literal("-1.5", datatype=XSD.decimal)),
    ("1.0E2", Literal("1.0E2", datatype=XSD.double)),
    ("false", Literal("false", datatype=XSD.boolean)),
])
def test_cells(cell: str, term: object) -> None:
    got = tsv_term(cell)
    assert got == term and type(got) is type(term)


@pytest.mark.parametrize("cell", ['"a"junk', '"bad \\q escape"', "bare", "<<triple>>"])
def test_what_is_no_term_is_refused(cell: str) -> None:
    with pytest.raises(ValueError):
        tsv_term(cell)
