"""The guard's update helpers: USING clauses from the protocol's using-graph-uri parameters."""

from __future__ import annotations

import pytest

from exgraph.errors import BadRequest
from exgraph.web.sparql.guard import add_using, inspect_update

G = "http://example.org/g"


@pytest.mark.parametrize(
    ("update", "expected"),
    [
        ("INSERT { ?s a <x:T> } WHERE { ?s ?p ?o }",
         f"INSERT {{ ?s a <x:T> }} USING <{G}> WHERE {{ ?s ?p ?o }}"),
        ("delete { ?s ?p ?o } where { ?s ?p ?o }",
         f"delete {{ ?s ?p ?o }} USING <{G}> where {{ ?s ?p ?o }}"),
        # only the top level: a sub-query's WHERE, strings, comments and IRIs are left alone
        ('INSERT { ?s <x:p> "WHERE {" } WHERE { { SELECT ?s WHERE { ?s ?p ?o } } } # WHERE',
         f'INSERT {{ ?s <x:p> "WHERE {{" }} USING <{G}> '
         f"WHERE {{ {{ SELECT ?s WHERE {{ ?s ?p ?o }} }} }} # WHERE"),
        ("CLEAR ALL ; INSERT DATA { <x:a> <x:b> \"it's\" } ; "
         "INSERT { ?s a <x:T> } WHERE { ?s ?p ?o }",
         f"CLEAR ALL ; INSERT DATA {{ <x:a> <x:b> \"it's\" }} ; "
         f"INSERT {{ ?s a <x:T> }} USING <{G}> WHERE {{ ?s ?p ?o }}"),
        ("INSERT DATA { <x:a> <x:b> <x:c> }", "INSERT DATA { <x:a> <x:b> <x:c> }"),
    ],
)
def test_using_goes_before_each_top_level_where(update: str, expected: str) -> None:
    assert add_using(update, [G], []) == expected
    assert inspect_update(expected).names_dataset == ("USING" in expected)


def test_using_named_and_several_graphs() -> None:
    out = add_using("INSERT { ?s a <x:T> } WHERE { GRAPH ?g { ?s ?p ?o } }",
                    ["http://a", "http://b"], ["http://c"])
    assert "USING <http://a> USING <http://b> USING NAMED <http://c> WHERE" in out


def test_delete_where_shorthand_takes_no_using() -> None:
    with pytest.raises(BadRequest, match="DELETE WHERE"):
        add_using("DELETE WHERE { ?s ?p ?o }", [G], [])


@pytest.mark.parametrize(
    ("update", "names"),
    [
        ("INSERT { <x:a> <x:b> 1 } WHERE { ?s ?p ?o }", False),
        ("WITH <http://g> INSERT { <x:a> <x:b> 1 } WHERE { ?s ?p ?o }", True),
        ("INSERT { <x:a> <x:b> 1 } USING <http://g> WHERE { ?s ?p ?o }", True),
        ("CLEAR ALL", False),
    ],
)
def test_update_names_its_dataset_only_with_using_or_with(update: str, names: bool) -> None:
    assert inspect_update(update).names_dataset is names
