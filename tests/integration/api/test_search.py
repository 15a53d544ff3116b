"""Search (issue 24): the typed-query set, the ranking rules, the synonyms, /api/v1/suggest, q= on
the exercise list and search-as-you-type on the pages.

The typed queries (tests/data/search-queries.tsv) were written by hand from what lifters type:
abbreviations, common names, typos, plurals, joined words, word order, other languages. The
served graph (curated + articles + imports) must put a meant exercise in the top 3 for at least
95 % of them; the test prints every miss.
"""

from __future__ import annotations

import csv
from collections import Counter
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SKOS

from exgraph.graph.store import Store
from exgraph.search import SearchIndex, best, index_for, search
from exgraph.vocab.terms import EXERCISE, EXG
from exgraph.web.app import create_app
from exgraph.web.pages.base import CSP
from tests.paths import REPO
from tests.web_fixtures import get_page

ROOT = REPO
QUERIES = ROOT / "tests" / "data" / "search-queries.tsv"
SYNONYMS = ROOT / "data" / "synonyms.ttl"
#: Share of typed queries whose meant exercise must be in the top 3 (issue 24).
TARGET = 0.95
TOP = 3


def typed_queries() -> list[dict[str, str]]:
    lines = [line for line in QUERIES.read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


# ---------------------------------------------------------------------------------------------
# The typed-query set


def test_the_query_set_is_large_and_varied() -> None:
    rows = typed_queries()
    kinds = Counter(row["kind"] for row in rows)
    assert len(rows) >= 60, len(rows)
    assert {"abbreviation", "common name", "typo", "plural", "word order",
            "other language"} <= set(kinds), kinds
    assert len({(row["query"], row["lang"]) for row in rows}) == len(rows), "a query twice"


def test_every_meant_exercise_is_in_the_served_graph(full_store: Store) -> None:
    known = set(index_for(full_store).iris)
    missing = [(row["query"], slug) for row in typed_queries() for slug in row["meant"].split()
               if str(EXERCISE[slug]) not in known]
    assert not missing, missing


def test_the_meant_exercise_is_in_the_top_3_for_95_percent(full_store: Store) -> None:
    rows = typed_queries()
    misses = []
    for row in rows:
        meant = {str(EXERCISE[slug]) for slug in row["meant"].split()}
        hits = search(full_store, row["query"], row["lang"], TOP)
        if not meant & {hit.iri for hit in hits}:
            misses.append(f"{row['query']!r} ({row['lang']}, {row['kind']}): "
                          f"{[(hit.iri.rsplit('/', 1)[1], hit.matched) for hit in hits]}")
    rate = 1 - len(misses) / len(rows)
    print(f"top-{TOP} rate {rate:.1%} of {len(rows)}; misses:\n" + "\n".join(misses))
    assert rate >= TARGET, "\n".join(misses)


# ---------------------------------------------------------------------------------------------
# Ranking rules, on the served graph


def top(store: Store, text: str, lang: str | None = None, limit: int = 1) -> list[str]:
    return [hit.iri.rsplit("/", 1)[1] for hit in search(store, text, lang, limit)]


@pytest.mark.parametrize(("spellings", "expected"), [
    (["pushup", "push-up", "Push Ups", "PUSH UP", "push-ups"], "pushups"),  # joined, plural
    (["leg press", "press leg", "leg presses"], "leg-press"),             # word order
    (["deadlift", "deadlifts", "DL", "dedlift"], "barbell-deadlift"),     # synonym, typo
    (["RDL", "rdl", "romanian deadlift", "romainian deadlift"], "romanian-deadlift"),
])
def test_spellings_of_one_exercise_find_it_first(full_store: Store, spellings: list[str],
                                                 expected: str) -> None:
    assert {text: top(full_store, text) for text in spellings} == {
        text: [expected] for text in spellings}


def test_an_exact_name_comes_before_longer_names(full_store: Store) -> None:
    """The issue's examples: q=leg press started with a calf press, q=pushup put Pushups 31st."""
    hits = search(full_store, "leg press", None, 5)
    assert hits[0].matched == "Leg Press"
    assert all(hit.score <= hits[0].score for hit in hits)
    assert "calf" not in " ".join(hit.matched.lower() for hit in hits[:3])


def test_the_asked_language_comes_first_and_others_are_a_fallback(full_store: Store) -> None:
    german = search(full_store, "Kniebeuge", "de", 1)[0]
    assert german.iri == str(EXERCISE["barbell-squat"]) and german.matched == "Kniebeuge"
    # the same German word asked in English still finds it, scored lower
    english = search(full_store, "Kniebeuge", "en", 1)[0]
    assert english.iri == german.iri and english.score < german.score


def test_a_filter_query_keeps_words_apart(full_store: Store) -> None:
    """Every word must match (a typo of it counts): "barbell curl" is no dumbbell curl."""
    hits = search(full_store, "barbell curl", None, None)
    assert hits and all("barbell" in hit.matched.lower() or "bb" in hit.matched.lower()
                        or "bilanciere" in hit.matched.lower() or "barra" in hit.matched.lower()
                        or "lh" in hit.matched.lower().split() for hit in hits), [
        hit.matched for hit in hits if "barbell" not in hit.matched.lower()]


@pytest.mark.parametrize("text", ["", "   ", "---", "((", "\u0000"])
def test_text_without_words_finds_nothing(full_store: Store, text: str) -> None:
    assert search(full_store, text) == []


def test_best_gives_iris_and_scores_for_name_resolution(full_store: Store) -> None:
    found = best(full_store, "machine back extension", limit=3)
    assert found[0][0] == str(EXERCISE["machine-back-extension"])
    assert [score for _, score in found] == sorted((s for _, s in found), reverse=True)


def test_the_index_is_built_once_per_generation(full_store: Store) -> None:
    assert index_for(full_store) is index_for(full_store)


# ---------------------------------------------------------------------------------------------
# Ranking rules, on a small index (each rule alone)


def test_the_richer_record_wins_among_near_equal_matches() -> None:
    names = [("urn:thin", "Back Extension", "en"), ("urn:rich", "Back Extension", "en")]
    ranked = SearchIndex(names, richness={"urn:rich": 1.0}).search("back extension")
    assert [hit.iri for hit in ranked] == ["urn:rich", "urn:thin"]
    # but richness never beats a better match
    names = [("urn:exact", "Back Extension", "en"), ("urn:rich", "Back Extension Machine", "en")]
    ranked = SearchIndex(names, richness={"urn:rich": 1.0}).search("back extension")
    assert ranked[0].iri == "urn:exact"


def test_a_one_word_synonym_spells_out_inside_a_longer_query() -> None:
    names = [("urn:sumo", "Sumo Deadlift", "en"), ("urn:dl", "DL", "")]
    index = SearchIndex(names, expansions={"dl": ("deadlift",)})
    assert index.search("sumo DL")[0].iri == "urn:sumo"
    assert SearchIndex(names).search("sumo DL") == []  # without the synonym: nothing


def test_prefix_and_typo_of_the_word_being_typed() -> None:
    index = SearchIndex([("urn:k", "Kettlebell Swing", "en"), ("urn:d", "Deadlift", "en")])
    assert [hit.iri for hit in index.search("kettleb")] == ["urn:k"]   # a prefix
    assert [hit.iri for hit in index.search("kettelb")] == ["urn:k"]   # a prefix with a typo
    assert [hit.iri for hit in index.search("dedlift")] == ["urn:d"]   # a typo
    assert index.search("xyzzy") == []


# ---------------------------------------------------------------------------------------------
# The synonyms in the graph


def test_synonyms_are_hidden_labels_of_resources_the_graph_has(full_store: Store) -> None:
    synonyms = Graph().parse(SYNONYMS)
    assert len(synonyms) >= 40
    assert {p for _, p, _ in synonyms} == {SKOS.hiddenLabel}
    served = {row["s"] for row in full_store.select(
        f"SELECT ?s WHERE {{ {{ ?s a <{EXG.Exercise}> }} UNION {{ ?s a <{EXG.Equipment}> }} }}")}
    unknown = {s for s in synonyms.subjects() if s not in served}
    assert not unknown, unknown
    # they are in the served graph, in the curated source's graph
    graph = URIRef("https://w3id.org/exgraph/id/source/curated")
    assert full_store.ask(f"ASK {{ GRAPH <{graph}> {{ <{EXERCISE['barbell-squat']}> "
                          f"<{SKOS.hiddenLabel}> \"back squat\" }} }}")
    assert (None, RDF.type, None) not in synonyms  # they add names, no resources


def test_a_synonym_is_not_shown_as_a_name(full_store: Store) -> None:
    app = create_app({"STORE": full_store})
    doc = app.test_client().get("/api/v1/exercises/barbell-squat").get_json()
    assert "back squat" not in {s["name"] for s in doc["synonyms"]}
    assert doc["name"] != "back squat"


# ---------------------------------------------------------------------------------------------
# /api/v1/suggest and q= on the list


@pytest.fixture(scope="module")
def full_app(full_store: Store) -> Flask:
    return create_app({"STORE": full_store})


@pytest.fixture
def client(full_app: Flask) -> FlaskClient:
    return full_app.test_client()


def answer(client: FlaskClient, url: str, status: int = 200) -> Any:
    response = client.get(url)
    assert response.status_code == status, response.get_data(as_text=True)
    body = response.get_json()
    assert body is not None
    return body


def test_suggest_answers_ids_names_matched_names_and_scores(client: FlaskClient) -> None:
    body = answer(client, "/api/v1/suggest?q=rdl&limit=3")
    assert body["q"] == "rdl" and len(body["items"]) == 3
    first = body["items"][0]
    assert first["id"] == "romanian-deadlift" and first["matched"] == "RDL"
    assert first["name"] == "Romanian deadlift"
    assert first["iri"] == str(EXERCISE["romanian-deadlift"])
    scores = [item["score"] for item in body["items"]]
    assert scores == sorted(scores, reverse=True)


def test_suggest_names_in_the_asked_language(client: FlaskClient) -> None:
    response = client.get("/api/v1/suggest?q=kreuzh&lang=de&limit=1")
    assert response.headers["Content-Language"] == "de"
    (item,) = response.get_json()["items"]
    assert "Kreuzheben" in item["name"] or "Kreuzheben" in item["matched"]


@pytest.mark.parametrize(("query", "message"), [
    ("", "'q' is required"), ("q=", "'q' is empty"),
    ("q=" + "a" * 101, "longer than 100"), ("q=squat&limit=26", "at most 25"),
    ("q=squat&limit=-1", "'limit'"), ("q=squat&q=press", "takes one value"),
    ("q=squat&lang=%C3%BC", "'lang'"), ("q=squat&page=2", "page"),
])
def test_suggest_refuses_bad_requests_with_the_error_shape(client: FlaskClient, query: str,
                                                           message: str) -> None:
    body = answer(client, f"/api/v1/suggest?{query}", 400)
    assert body["ok"] is False and body["status"] == 400 and message in body["error"]


def test_the_list_ranks_q_by_relevance_and_keeps_filters_and_paging(
        client: FlaskClient) -> None:
    first = answer(client, "/api/v1/exercises?q=leg%20press&limit=2")
    assert first["items"][0]["id"] == "leg-press"
    second = answer(client, "/api/v1/exercises?q=leg%20press&limit=2&offset=2")
    whole = answer(client, "/api/v1/exercises?q=leg%20press&limit=100")
    assert [i["id"] for i in first["items"] + second["items"]] == [
        i["id"] for i in whole["items"]][:4]
    assert first["total"] == whole["total"] == len(whole["items"])
    # by name when asked
    named = answer(client, "/api/v1/exercises?q=leg%20press&limit=100&sort=name")
    assert sorted(i["id"] for i in named["items"]) == sorted(i["id"] for i in whole["items"])
    assert [i["name"].lower() for i in named["items"]] == sorted(
        i["name"].lower() for i in named["items"])
    # a filter narrows the ranked list, in the same order
    machine = answer(client, "/api/v1/exercises?q=leg%20press&limit=100&exclude_equipment="
                             "machine")
    kept = [i["id"] for i in machine["items"]]
    assert kept == [i for i in (x["id"] for x in whole["items"]) if i in set(kept)]
    assert "leg-press" not in kept


def test_the_issue_examples_now_answer_first(client: FlaskClient) -> None:
    def first(q: str) -> str:
        return str(answer(client, f"/api/v1/exercises?q={q}&limit=1")["items"][0]["id"])

    assert first("back%20squat") == "barbell-squat"
    assert first("RDL") == "romanian-deadlift"
    assert first("pushup") == "pushups"
    assert first("dedlift") == "barbell-deadlift"


# ---------------------------------------------------------------------------------------------
# Search-as-you-type on the pages


def test_every_exercise_field_of_the_pages_suggests(client: FlaskClient) -> None:
    home = get_page(client, "/?q=rdl")
    box = home.root.by_id("f-q")
    assert box.attrs.get("data-suggest") == "name"
    assert "/assets/suggest.js" in {s.attrs.get("src") for s in home.root.iter("script")}
    plan = get_page(client, "/plan")
    for field in ("f-include", "f-exclude"):
        node = plan.root.by_id(field)
        assert node.attrs.get("data-suggest") == "id" and "data-suggest-multiple" in node.attrs
    steps = get_page(client, "/queries/steps")
    exercise_fields = [n for n in steps.root.iter("input") if n.attrs.get("name") == "exercise"]
    assert exercise_fields and all(n.attrs.get("data-suggest") == "id"
                                   for n in exercise_fields)


def test_the_script_is_served_under_the_content_policy(client: FlaskClient) -> None:
    page = client.get("/")
    assert page.headers["Content-Security-Policy"] == CSP
    assert "script-src 'self'" in CSP and "connect-src 'self'" in CSP
    with client.get("/assets/suggest.js") as script:
        assert script.status_code == 200 and "javascript" in script.content_type
        text = script.get_data(as_text=True)
    assert "/api/v1/suggest" in text and "eval(" not in text and "innerHTML" not in text
