"""The Python API behind ``import exgraph`` gives what the HTTP API gives, and raises the
project's errors. (docs/python.md, the Python API page, runs as doctests in
tests/system/docs/test_readme_examples.py.)"""

from __future__ import annotations

from typing import Any

import pytest

import exgraph
from exgraph.errors import BadRequest, NotFound
from exgraph.graph.store import Store
from exgraph.vocab.terms import EXERCISE
from exgraph.web.app import create_app

MBE = "machine-back-extension"


def test_import_exgraph_gives_the_four_functions() -> None:
    assert set(exgraph.__all__) == {"__version__", "open_graph", "run_query",
                                    "exercise_document", "substitutes"}
    for name in exgraph.__all__:
        assert getattr(exgraph, name) is not None


@pytest.mark.parametrize("filters", [
    {},
    {"exclude_equipment": "machine", "difficulty": "low"},
    {"exclude_equipment": ["machine", "barbell"], "max_difficulty": "moderate", "limit": 3},
    {"equipment": "bodyweight", "include_unknown": True},
    {"cover": "primary", "limit": 1},
])
def test_substitutes_are_the_items_of_the_http_api(store: Store, filters: dict[str, Any]) -> None:
    query: dict[str, Any] = {}
    for name, value in filters.items():
        if isinstance(value, bool):
            query[name] = "true" if value else "false"
        elif isinstance(value, list):
            query[name] = ",".join(value)
        else:
            query[name] = str(value)
    client = create_app({"STORE": store}).test_client()
    response = client.get(f"/api/v1/exercises/{MBE}/substitutes", query_string=query)
    assert response.status_code == 200, response.get_data(as_text=True)
    served = response.get_json()["items"]
    items = exgraph.substitutes(store, MBE, **filters)
    assert [item["id"] for item in items] == [item["id"] for item in served]
    for item, over_http in zip(items, served, strict=True):  # HTTP may add (localised names)
        assert {key: over_http[key] for key in item} == item


def test_substitutes_take_a_slug_or_an_iri(store: Store) -> None:
    assert exgraph.substitutes(store, str(EXERCISE[MBE]), limit=2) == exgraph.substitutes(
        store, MBE, limit=2)


@pytest.mark.parametrize(("exercise", "filters", "error", "message"), [
    ("no-such-exercise", {}, NotFound, "no exercise 'no-such-exercise'"),
    (" ", {}, BadRequest, "give a slug, IRI or name"),
    (MBE, {"exclude_equipment": "wingspan"}, BadRequest, "no equipment 'wingspan'"),
    (MBE, {"difficulty": "easy"}, BadRequest, "'easy' is not one of low, moderate, high"),
    (MBE, {"limit": 0}, BadRequest, "parameter 'limit'"),
    (MBE, {"cover": "secondary"}, BadRequest, "parameter 'cover'"),
])
def test_substitutes_raise_the_projects_errors(
        store: Store, exercise: str, filters: dict[str, Any], error: type[Exception],
        message: str) -> None:
    with pytest.raises(error, match=message):
        exgraph.substitutes(store, exercise, **filters)


def test_an_unknown_filter_is_a_type_error(store: Store) -> None:
    with pytest.raises(TypeError):
        unknown: dict[str, Any] = {"exclude": "machine"}  # a caller's typo: not a filter
        exgraph.substitutes(store, MBE, **unknown)
