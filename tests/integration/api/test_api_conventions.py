"""What every JSON API route does alike (web/api/conventions.py): paging with next/previous and
Link, the index, multi-value filters, sort, the facet filters, the exercise document's fields,
names in a language, the parameter policy, trailing slashes, compression and CORS; and the
README's HTTP API examples, run against the graph `make serve` serves.

Most tests run on the graph users get (``full_store``): languages, categories, images and
inferred facts come from the imports."""

from __future__ import annotations

import gzip
import itertools
import json
import re
import shlex
import sys
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from flask import Flask
from flask.testing import FlaskClient
from requests.utils import parse_header_links
from werkzeug.test import TestResponse

from exgraph.graph.export import serialize
from exgraph.graph.store import Store
from exgraph.web.app import create_app
from tests.paths import REPO
from tests.typed import py

API = "/api/v1"
MBE = "machine-back-extension"
RDL = "romanian-deadlift"
INFERRED = "https://w3id.org/exgraph/id/source/inferred-"


@pytest.fixture(scope="module")
def full_app(full_store: Store) -> Flask:
    return create_app({"STORE": full_store})


@pytest.fixture
def client(full_app: Flask) -> FlaskClient:
    return full_app.test_client()


@pytest.fixture(scope="module")
def curated_app(store: Store) -> Flask:
    return create_app({"STORE": store})


def get_json(client: FlaskClient, url: str, status: int = 200, **kwargs: Any) -> Any:
    response = client.get(url, **kwargs)
    assert response.status_code == status, response.get_data(as_text=True)[:500]
    return response.get_json()


def error(client: FlaskClient, url: str, status: int = 400) -> str:
    body = get_json(client, url, status)
    assert body["ok"] is False and body["status"] == status
    return str(body["error"])


def links(response: TestResponse) -> dict[str, str]:
    """The Link header's targets by relation."""
    return {link["rel"]: link["url"] for link in parse_header_links(response.headers["Link"])}


def path_of(url: str) -> str:
    parts = urlsplit(url)
    assert parts.scheme == "http" and parts.netloc == "localhost", url  # absolute URLs
    return parts.path + (f"?{parts.query}" if parts.query else "")


def every_item(client: FlaskClient, url: str) -> list[dict[str, Any]]:
    """Every item of a list, following its next links."""
    found: list[dict[str, Any]] = []
    next_url: str | None = url
    while next_url:
        body = get_json(client, next_url)
        found += body["items"]
        next_url = path_of(body["next"]) if body["next"] else None
    return found


def every_id(client: FlaskClient, url: str) -> list[str]:
    return [item["id"] for item in every_item(client, url)]


# ---------------------------------------------------------------------------------------------
# Paging


def test_next_links_walk_the_whole_list_once(client: FlaskClient) -> None:
    whole = every_id(client, f"{API}/exercises?muscle=hamstrings&limit=1000")
    walked = every_id(client, f"{API}/exercises?muscle=hamstrings&limit=37")
    assert walked == whole and len(whole) == len(set(whole)) > 100


def test_a_page_says_where_the_others_are(client: FlaskClient) -> None:
    response = client.get(f"{API}/exercises?difficulty=high&limit=10&offset=20")
    body = response.get_json()
    assert (body["limit"], body["offset"]) == (10, 20) and body["total"] > 40
    assert path_of(body["next"]) == f"{API}/exercises?difficulty=high&limit=10&offset=30"
    assert path_of(body["previous"]) == f"{API}/exercises?difficulty=high&limit=10&offset=10"
    rels = links(response)
    assert set(rels) == {"first", "prev", "next", "last"}
    assert rels["next"] == body["next"] and rels["prev"] == body["previous"]
    assert path_of(rels["first"]) == f"{API}/exercises?difficulty=high&limit=10"
    last = get_json(client, path_of(rels["last"]))
    assert last["next"] is None and 0 < len(last["items"]) <= 10
    assert last["offset"] + len(last["items"]) == body["total"]


def test_first_page_and_past_the_end(client: FlaskClient) -> None:
    first = client.get(f"{API}/exercises?limit=5")
    assert first.get_json()["previous"] is None and "prev" not in links(first)
    beyond = get_json(client, f"{API}/exercises?limit=5&offset=999999")
    assert beyond["items"] == [] and beyond["next"] is None
    back = get_json(client, path_of(beyond["previous"]))
    assert back["items"] and back["offset"] + len(back["items"]) == back["total"]
    nothing = client.get(f"{API}/exercises?limit=0")
    assert nothing.get_json()["next"] is None and set(links(nothing)) == {"first", "last"}


@pytest.mark.parametrize("url", [f"{API}/muscles", f"{API}/equipment", f"{API}/queries",
                                 f"{API}/muscles/glutes/exercises"])
def test_every_list_is_paged(client: FlaskClient, url: str) -> None:
    whole = get_json(client, url)
    assert whole["limit"] == 1000 and whole["total"] == len(whole["items"])  # one page, as before
    assert every_item(client, f"{url}?limit=3") == whole["items"]
    page = client.get(f"{url}?limit=3&offset=3")
    assert page.get_json()["items"] == whole["items"][3:6]
    assert "next" in links(page) and "prev" in links(page)


def test_paging_bounds_are_400(client: FlaskClient) -> None:
    assert "at most 1000" in error(client, f"{API}/muscles?limit=1001")
    assert "at most 1000000" in error(client, f"{API}/exercises?offset=1000001")


# ---------------------------------------------------------------------------------------------
# The index


def test_the_index_links_every_collection(client: FlaskClient) -> None:
    response = client.get(f"{API}/")
    body = response.get_json()
    assert {"exercises", "muscles", "equipment", "queries", "openapi", "docs",
            "sparql"} <= set(body["links"])
    for name, url in body["links"].items():
        assert client.get(path_of(url)).status_code == 200, name
    rels = links(response)
    assert path_of(rels["service-desc"]) == f"{API}/openapi.json"
    assert path_of(rels["service-doc"]) == f"{API}/docs"


# ---------------------------------------------------------------------------------------------
# Filters and sort


def ids(client: FlaskClient, query: str) -> set[str]:
    return set(every_id(client, f"{API}/exercises?limit=1000&{query}"))


def test_several_values_match_any_of_them(client: FlaskClient) -> None:
    glutes, hamstrings = ids(client, "muscle=glutes"), ids(client, "muscle=hamstrings")
    both = glutes | hamstrings
    assert ids(client, "muscle=glutes&muscle=hamstrings") == both
    assert ids(client, "muscle=glutes,hamstrings") == both
    assert ids(client, "muscle=glutes,%20hamstrings") == both
    low_high = ids(client, "difficulty=low,high")
    assert low_high == ids(client, "difficulty=low") | ids(client, "difficulty=high")
    # different filters must all match
    assert ids(client, "muscle=glutes,hamstrings&difficulty=low,high") == both & low_high
    assert ids(client, "exclude_equipment=machine,cable-system").isdisjoint(
        ids(client, "equipment=machine") | ids(client, "equipment=cable-system"))


@pytest.mark.parametrize(("query", "needle"), [
    ("muscle=glutes,,hamstrings", "empty value"),
    ("muscle=" + ",".join(["glutes"] * 21), "at most 20"),
    ("muscle=", "'muscle' is empty"),
    ("muscle=no-such-muscle", "'muscle'"),
    ("category=no-such-category", "use one of:"),
    ("force=sideways", "push, pull, static"),
    ("movement_pattern=cartwheel", "hip-hinge"),
    ("sort=colour", "'sort'"),
    ("q=a&q=b", "takes one value"),
])
def test_bad_filter_values_are_400(client: FlaskClient, query: str, needle: str) -> None:
    assert needle in error(client, f"{API}/exercises?{query}")


def documents(client: FlaskClient, found: set[str], most: int = 25) -> Iterator[dict[str, Any]]:
    for slug in sorted(found)[:most]:
        yield get_json(client, f"{API}/exercises/{slug}")


@pytest.mark.parametrize(("query", "field", "value"), [
    ("category=stretching", "categories", "stretching"),
    ("force=static", "force", "static"),
    ("mechanic=isolation", "mechanic", "isolation"),
    ("movement_pattern=vertical-pull", "movement_pattern", "vertical-pull"),
])
def test_facet_filters_agree_with_the_documents(client: FlaskClient, query: str, field: str,
                                                value: str) -> None:
    found = ids(client, query)
    assert len(found) > 5
    for document in documents(client, found):
        got = document[field]
        got = got["id"] if isinstance(got, dict) else got
        assert value == got or value in got, (document["id"], got)


def test_sort_by_name_and_by_difficulty(client: FlaskClient) -> None:
    def names(query: str) -> list[str]:
        return [i["name"] for i in get_json(client, f"{API}/exercises?limit=1000&{query}")[
            "items"]]

    def levels(query: str) -> list[list[str]]:
        return [i["difficulty"] for i in get_json(
            client, f"{API}/exercises?limit=1000&muscle=hamstrings&{query}")["items"]]

    ascending = names("muscle=hamstrings")
    assert ascending == sorted(ascending, key=str.lower)
    assert names("muscle=hamstrings&sort=-name") == ascending[::-1]
    rank = {"low": 0, "moderate": 1, "high": 2}
    easiest = [rank[lv[0]] for lv in levels("sort=difficulty") if lv]
    assert easiest == sorted(easiest) and easiest[0] == 0
    hardest = [rank[lv[-1]] for lv in levels("sort=-difficulty") if lv]
    assert hardest == sorted(hardest, reverse=True) and hardest[0] == 2


# ---------------------------------------------------------------------------------------------
# The exercise document's new fields


def test_document_fields_of_a_merged_exercise(client: FlaskClient) -> None:
    doc = get_json(client, f"{API}/exercises/{RDL}")
    assert {"name": "RDL", "lang": None} in doc["synonyms"]
    assert {"name": "Rumänisches Kreuzheben", "lang": "de"} in doc["synonyms"]
    assert doc["names"]["en"] == "Romanian deadlift" and doc["names"]["de"]
    assert "strength" in doc["categories"]
    assert (doc["force"], doc["mechanic"]) == ("pull", "compound")
    assert doc["movement_pattern"] == {"id": "hip-hinge", "name": "Hip hinge",
                                       "iri": "https://w3id.org/exgraph/ontology#HipHinge"}
    assert doc["movement_pattern_inferred"] is False
    assert doc["equipment_known"] is True and doc["difficulty_estimated"] is False
    assert doc["images"] == [
        {"url": "https://raw.githubusercontent.com/yuhonas/free-exercise-db/main/exercises/"
                f"Romanian_Deadlift/{n}.jpg", "license": "https://unlicense.org/"}
        for n in (0, 1)]


ESTIMATED = f"""PREFIX exg: <https://w3id.org/exgraph/ontology#>
SELECT ?e (SUM(IF(STRSTARTS(STR(?g), "{INFERRED}"), 0, 1)) AS ?stated) WHERE {{
  GRAPH ?g {{ ?e exg:difficulty ?level }}
}} GROUP BY ?e ORDER BY ?e"""


def test_difficulty_estimated_means_every_difficulty_is_inferred(
        client: FlaskClient, full_store: Store) -> None:
    stated = {str(r["e"]).rsplit("/", 1)[-1]: int(py(r["stated"]))
              for r in full_store.select(ESTIMATED)}
    estimated = sorted(slug for slug, n in stated.items() if n == 0)
    sample = estimated[:8] + sorted(set(stated) - set(estimated))[:8] + [MBE]
    for slug in sample:
        doc = get_json(client, f"{API}/exercises/{slug}")
        assert doc["difficulty_estimated"] is (stated[slug] == 0), slug
        assert doc["difficulty"], slug


def test_inferred_pattern_and_unknown_equipment_say_so(client: FlaskClient,
                                                        full_store: Store) -> None:
    rows = full_store.select(f"""PREFIX exg: <https://w3id.org/exgraph/ontology#>
        SELECT ?e WHERE {{ GRAPH ?g {{ ?e exg:movementPattern ?p }}
          FILTER(STRSTARTS(STR(?g), "{INFERRED}"))
          FILTER NOT EXISTS {{ GRAPH ?h {{ ?e exg:movementPattern ?q }}
                               FILTER(!STRSTARTS(STR(?h), "{INFERRED}")) }} }}
        ORDER BY ?e LIMIT 3""")
    for row in rows:
        doc = get_json(client, f"{API}/exercises/{str(row['e']).rsplit('/', 1)[-1]}")
        assert doc["movement_pattern"] and doc["movement_pattern_inferred"] is True
    rows = full_store.select("""PREFIX exg: <https://w3id.org/exgraph/ontology#>
        SELECT ?e WHERE { ?e a exg:Exercise FILTER NOT EXISTS { ?e exg:requiresEquipment ?x } }
        ORDER BY ?e LIMIT 3""")
    for row in rows:
        doc = get_json(client, f"{API}/exercises/{str(row['e']).rsplit('/', 1)[-1]}")
        assert doc["equipment_known"] is False and doc["equipment"] == []


def test_the_curated_graph_has_the_fields_too(curated_app: Flask) -> None:
    doc = get_json(curated_app.test_client(), f"{API}/exercises/{MBE}")
    assert doc["movement_pattern"]["id"] == "hip-hinge" and doc["names"] == {
        "en": "Machine back extension"}
    assert (doc["images"], doc["categories"], doc["force"]) == ([], [], None)


# ---------------------------------------------------------------------------------------------
# Names in a language


def test_lang_chooses_the_names(client: FlaskClient) -> None:
    response = client.get(f"{API}/exercises/{RDL}?lang=de")
    doc = response.get_json()
    assert doc["name"] == doc["names"]["de"] != doc["names"]["en"]
    assert response.headers["Content-Language"] == "de"
    assert "Accept-Language" in response.headers["Vary"]
    alternatives = get_json(client, f"{API}/exercises/{MBE}/alternatives?lang=de&limit=50")
    renamed = [i for i in alternatives["items"] if "de" in i["names"]]
    assert renamed and all(i["name"] == i["names"]["de"] for i in renamed)
    assert all(i["name"] == i["names"]["en"] for i in alternatives["items"]
               if "de" not in i["names"])


def test_names_fall_back_to_english(client: FlaskClient) -> None:
    page = get_json(client, f"{API}/exercises?lang=de&limit=1000")
    german = [i for i in page["items"] if "de" in i["names"]]
    english = [i for i in page["items"] if "de" not in i["names"]]
    assert german and english
    assert all(i["name"] == i["names"]["de"] for i in german)
    assert all(i["name"] == i["names"]["en"] for i in english)
    shown = [i["name"].lower() for i in page["items"]]
    assert shown == sorted(shown)  # ordered by the names shown


@pytest.mark.parametrize(("header", "chosen"), [
    ("de-AT,de;q=0.9,en;q=0.5", "de"), ("es", "es"), ("fr-CH, fr;q=0.9", "fr"),
    ("tlh", "en"), ("*", "en"), ("", "en")])
def test_accept_language(client: FlaskClient, header: str, chosen: str) -> None:
    response = client.get(f"{API}/exercises/{RDL}", headers={"Accept-Language": header})
    assert response.headers["Content-Language"] == chosen
    doc = response.get_json()
    assert doc["name"] == doc["names"].get(chosen, doc["names"]["en"])


def test_lang_wins_over_accept_language_and_is_checked(client: FlaskClient) -> None:
    response = client.get(f"{API}/exercises/{RDL}?lang=es",
                          headers={"Accept-Language": "de"})
    assert response.headers["Content-Language"] == "es"
    assert "'lang'" in error(client, f"{API}/exercises?lang=d%C3%BC")
    assert get_json(client, f"{API}/exercises/{RDL}?lang=pt-BR")["name"] == get_json(
        client, f"{API}/exercises/{RDL}?lang=pt")["name"]


def test_the_answer_cache_keeps_languages_apart(client: FlaskClient) -> None:
    url = f"{API}/exercises/{RDL}"
    german = client.get(url, headers={"Accept-Language": "de"}).get_json()["name"]
    english = client.get(url).get_json()["name"]
    again = client.get(url, headers={"Accept-Language": "de"}).get_json()["name"]
    assert german == again != english


@pytest.mark.parametrize(("q", "expected"), [
    ("kreuzheben", RDL), ("peso muerto rumano", RDL), ("rdl", RDL),
    ("Rumänisches", RDL), ("pull through", "cable-pull-through")])
def test_search_finds_names_in_every_language_and_aliases(client: FlaskClient, q: str,
                                                          expected: str) -> None:
    assert expected in ids(client, f"q={q}")


# ---------------------------------------------------------------------------------------------
# Unknown parameters, trailing slashes


@pytest.mark.parametrize("url", [
    f"{API}/exercises?format=json", f"{API}/exercises?_=1700000000000",
    f"{API}/exercises/{MBE}?format=json&_=1", f"{API}/muscles?_=", f"{API}/queries?format=json",
    f"{API}/exercises/{MBE}.ttl?format=turtle", "/export.nt?format=nt"])
def test_harmless_parameters_pass(curated_app: Flask, url: str) -> None:
    assert curated_app.test_client().get(url).status_code == 200


@pytest.mark.parametrize(("url", "needle"), [
    (f"{API}/exercises?format=csv", "'format'"),
    (f"{API}/exercises?dificulty=low", "unknown parameter 'dificulty'"),
    (f"{API}/muscles?role=primary", "unknown parameter 'role'"),
    (f"{API}/exercises/{MBE}?limit=1", "unknown parameter 'limit'"),
    ("/export.ttl?format=nt", "'format'"),
])
def test_other_parameters_are_400(curated_app: Flask, url: str, needle: str) -> None:
    assert needle in error(curated_app.test_client(), url)


def test_format_csv_chooses_csv_on_a_named_query(curated_app: Flask) -> None:
    response = curated_app.test_client().get(f"{API}/queries/steps?exercise={MBE}&format=csv")
    assert response.mimetype == "text/csv" and response.data.startswith(b"position,text")


@pytest.mark.parametrize(("url", "target"), [
    (f"{API}/exercises/?limit=2", f"{API}/exercises?limit=2"),
    (f"{API}/exercises/{MBE}/", f"{API}/exercises/{MBE}"),
    (f"{API}/queries/steps/?exercise={MBE}", f"{API}/queries/steps?exercise={MBE}"),
    (API, f"{API}/"),
])
def test_a_trailing_slash_redirects(curated_app: Flask, url: str, target: str) -> None:
    response = curated_app.test_client().get(url)
    assert response.status_code == 308
    assert response.headers["Location"].removeprefix("http://localhost") == target


def test_a_trailing_slash_on_nothing_is_still_404(curated_app: Flask) -> None:
    assert curated_app.test_client().get(f"{API}/nothing-here/").status_code == 404


# ---------------------------------------------------------------------------------------------
# Compression, CORS


def test_large_answers_are_gzipped_when_accepted(client: FlaskClient) -> None:
    url = f"{API}/exercises?limit=500"
    plain = client.get(url)
    zipped = client.get(url, headers={"Accept-Encoding": "gzip"})
    assert "Content-Encoding" not in plain.headers
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.data) == plain.data and len(zipped.data) < len(plain.data) / 4
    assert "Accept-Encoding" in zipped.headers["Vary"]
    small = client.get(f"{API}/exercises?limit=0", headers={"Accept-Encoding": "gzip"})
    assert "Content-Encoding" not in small.headers


def test_exports_are_gzipped_once(curated_app: Flask, store: Store) -> None:
    client = curated_app.test_client()
    zipped = client.get("/export.nt", headers={"Accept-Encoding": "gzip"})
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.data) == serialize(store, "ntriples")
    plain = client.get("/export.nt")
    assert plain.headers["ETag"] != zipped.headers["ETag"]
    again = client.get("/export.nt", headers={"Accept-Encoding": "gzip",
                                              "If-None-Match": zipped.headers["ETag"]})
    assert again.status_code == 304


def test_cors_exposes_the_paging_links(curated_app: Flask) -> None:
    response = curated_app.test_client().get(f"{API}/exercises",
                                             headers={"Origin": "https://example.org"})
    assert "Link" in response.headers["Access-Control-Expose-Headers"]


def test_a_sparql_preflight_allows_authorization(curated_app: Flask) -> None:
    response = curated_app.test_client().options("/sparql", headers={
        "Origin": "https://example.org", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization, content-type"})
    allowed = {h.strip().lower() for h in
               response.headers["Access-Control-Allow-Headers"].split(",")}
    assert {"authorization", "content-type"} <= allowed
    assert response.headers["Access-Control-Allow-Origin"] == "*"


# ---------------------------------------------------------------------------------------------
# docs/api.md, the HTTP API: every curl example answers what it shows

README = REPO / "docs" / "api.md"
HOST = "http://127.0.0.1:8000"


def http_examples(text: str) -> list[tuple[str, list[str]]]:
    """(command, shown output lines) of each ``$ curl`` of the HTTP API page."""
    section = text
    found = []
    for block in re.findall(r"```console\n(.*?)```", section, flags=re.DOTALL):
        lines = block.splitlines()
        starts = [i for i, line in enumerate(lines) if line.startswith("$ ")] + [len(lines)]
        for i, j in itertools.pairwise(starts):
            if lines[i].startswith("$ curl"):
                found.append((lines[i][2:], lines[i + 1:j]))
    return found


def answer(client: FlaskClient, command: str) -> list[str]:
    """What the command prints, by running its request through client: ``curl -s [-D -
    -o FILE] [-H 'Name: value'] URL [| python3 -m json.tool [--no-ensure-ascii]]``."""
    request, _, pipe = command.partition("|")
    argv = shlex.split(request)
    url = next(a for a in argv if a.startswith(HOST))
    headers = dict(h.split(": ", 1) for h in
                   (argv[i + 1] for i, a in enumerate(argv) if a == "-H"))
    response = client.get(url.removeprefix(HOST), headers=headers, base_url=HOST)
    if "-D" in argv:
        head = [f"HTTP/1.1 {response.status}"]
        return head + [f"{k}: {v}" for k, v in response.headers.items()]
    if "json.tool" in pipe:
        text = json.dumps(response.get_json(), indent=4,
                          ensure_ascii="--no-ensure-ascii" not in pipe)
        return text.splitlines()
    return response.get_data(as_text=True).splitlines()


def test_the_readme_shows_paging_a_language_and_several_values() -> None:
    commands = [command for command, _ in http_examples(README.read_text(encoding="utf-8"))]
    assert any("lang=de" in c for c in commands)
    assert any(re.search(r"[?&](\w+)=[^&']*,", c) or re.search(r"(\w+)=.*&\1=", c)
               for c in commands)
    assert any("offset=" in c for c in commands)


@pytest.mark.parametrize(("command", "shown"), http_examples(
    README.read_text(encoding="utf-8")), ids=lambda v: v if isinstance(v, str) else "")
def test_readme_http_examples_answer_what_they_show(client: FlaskClient, command: str,
                                                    shown: list[str]) -> None:
    got = answer(client, command)
    if "-D" in shlex.split(command.partition("|")[0]):
        assert set(shown) <= set(got), "\n".join(sorted(set(shown) - set(got)))
    else:
        assert got == shown, "\n".join(got)


def _rewritten(text: str, showing: FlaskClient) -> str:
    """text with each example's shown output replaced by what it answers now (for ``-D``: the
    headers it showed, with their values now)."""
    for command, shown in http_examples(text):
        got = answer(showing, command)
        if "-D" in shlex.split(command.partition("|")[0]):
            names = {line.split(":", 1)[0] for line in shown}
            got = [line for line in got if line.split(":", 1)[0] in names
                   or line.startswith("HTTP/")]
        old = "\n".join([f"$ {command}", *shown, ""])
        if text.count(old) == 1:
            text = text.replace(old, "\n".join([f"$ {command}", *got, ""]))
    return text


if __name__ == "__main__" and sys.argv[1:2] in (["--show"], ["--write"]):
    # --show: print what each docs/api.md example answers; --write: put it in docs/api.md
    from exgraph.graph.load import open_store

    showing = create_app({"STORE": open_store("oxigraph", imported=True)}).test_client()
    if sys.argv[1] == "--write":
        README.write_text(_rewritten(README.read_text(encoding="utf-8"), showing),
                          encoding="utf-8")
    else:
        for command, _ in http_examples(README.read_text(encoding="utf-8")):
            print(f"$ {command}", *answer(showing, command), sep="\n")
