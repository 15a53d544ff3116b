"""The web pages, through Flask's test client, on the curated and the full graph (``site``).

Pages are parsed (tests/web_fixtures.py) and compared with what the JSON API answers for the
same question, so no expected answer is typed in: a page must show what its JSON form says.
"""

from __future__ import annotations

import re
from collections import deque
from typing import Any
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

import pytest
from rdflib import Graph, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import RDFS

import exgraph.web.pages.views as views
from exgraph.graph.load import open_store
from exgraph.queries.catalogue import default_catalogue
from exgraph.vocab.terms import EXG, ROLES, exercise_iri
from exgraph.web.app import create_app
from exgraph.web.pages.bodymap import BODYMAP_CSS, REGIONS
from exgraph.web.pages.tools import headline_query
from exgraph.web.sparql.formats import wants_workbench
from tests.web_fixtures import BROWSER, Page, Site, get_page, is_internal, parse_html, path_of

MBE = "machine-back-extension"

#: (page type, URL) of every kind of page.
PAGES = [
    ("home", "/"),
    ("search", "/?q=back&difficulty=low"),
    ("exercise", f"/exercises/{MBE}"),
    ("exercise-filtered", f"/exercises/{MBE}?exclude_equipment=machine&difficulty=low"),
    ("muscles", "/muscles"),
    ("muscle", "/muscles/hamstrings"),
    ("equipment-index", "/equipment"),
    ("equipment", "/equipment/barbell"),
    ("queries", "/queries"),
    ("query", f"/queries/alternatives?run=1&exercise={MBE}"),
    ("workbench", "/sparql"),
    ("api-docs", "/api/v1/docs"),
    ("goal", "/id/goal/hypertrophy"),
    ("source", "/id/source/curated"),
    ("dataset", "/id/dataset"),
    ("ontology", "/ontology"),
]
#: Pages that may load scripts: the two vendored tools, and the pages with an exercise field,
#: whose suggest.js only adds search-as-you-type to a form that works without it (issue 24).
#: Every other page works without one.
SCRIPTED = {"workbench", "api-docs", "home", "search", "queries", "query"}
#: The one script every page loads: site.js moves the focus to a form's answer after a submit
#: (deferred; without it the page works the same, the form actions' #fragments scroll there).
ENHANCEMENT = "/assets/site.js"
#: Pages about one resource: their JSON-LD is the resource's Linked Data description.
DESCRIBED = {"exercise": f"/id/exercise/{MBE}.ttl", "muscle": "/id/muscle/hamstrings.ttl",
             "equipment": "/id/equipment/barbell.ttl", "goal": "/id/goal/hypertrophy.ttl",
             "source": "/id/source/curated.ttl", "dataset": "/id/dataset.ttl"}


def exercise_paths(items: list[dict[str, Any]]) -> list[str]:
    """The page paths of exercises listed by the API."""
    return [f"/exercises/{item['id']}" for item in items]


def result_links(page: Page, list_class: str = "results") -> list[str]:
    """The links of the first list of results on a page (the exercise names)."""
    results = page.root.find("ol", class_=list_class)
    return [li.find("a").attrs["href"] for li in results.find_all("li")]


# ---------------------------------------------------------------------------------------------
# Every page


@pytest.mark.parametrize(("kind", "url"), PAGES, ids=[kind for kind, _ in PAGES])
def test_every_page_is_html_with_its_jsonld_and_alternates(site: Site, kind: str,
                                                           url: str) -> None:
    page = get_page(site.client, url)
    root = page.root
    assert root.find("title").text.endswith("· exgraph")
    assert root.find("meta", name="viewport")
    assert root.find("html").attrs["lang"] == "en"
    # the API docs page leaves <main> to Swagger UI, which draws its own (one per page)
    assert len(root.find_all("main")) == (0 if kind == "api-docs" else 1)
    assert len(root.find_all("h1")) == 1
    sheets = [n.attrs["href"] for n in root.find_all("link", rel="stylesheet")]
    assert sheets.count("/assets/site.css") == 1
    assert all(s == "/assets/site.css" or s.startswith("/static/vendor/") for s in sheets)
    scripts = [n.attrs["src"] for n in root.find_all("script") if "src" in n.attrs]
    assert scripts.count(ENHANCEMENT) == 1
    assert root.find("script", src=ENHANCEMENT).attrs.get("defer") is not None
    scripts.remove(ENHANCEMENT)
    if kind in SCRIPTED:
        assert scripts and all(s.startswith("/") and not s.startswith("//") for s in scripts)
    else:
        assert scripts == [], "a page for people must work without JavaScript"
    assert len(page.jsonld_graph()) > 0
    headers = page.response.headers
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    for media_type, href in page.alternates:
        answer = site.client.get(href)
        assert answer.status_code == 200, href
        assert answer.mimetype == media_type, href
        assert f"<{href}>" in headers["Link"]


@pytest.mark.parametrize("kind", sorted(DESCRIBED))
def test_a_resource_page_embeds_its_linked_data(site: Site, kind: str) -> None:
    url = dict(PAGES)[kind]
    embedded = get_page(site.client, url).jsonld_graph()
    described = Graph().parse(data=site.client.get(DESCRIBED[kind]).data, format="turtle")
    assert isomorphic(embedded, described)


def test_scripts_and_styles_are_served(site: Site) -> None:
    for url in ("/assets/workbench.js", "/assets/apidocs.js",
                "/static/vendor/yasgui/yasgui.min.js", "/static/vendor/yasgui/yasgui.min.css",
                "/static/vendor/swagger-ui/swagger-ui-bundle.js",
                "/static/vendor/swagger-ui/swagger-ui.css"):
        with site.client.get(url) as response:  # a file: closing it frees the handle
            assert response.status_code == 200, url
    css = site.client.get("/assets/site.css")
    assert css.mimetype == "text/css"
    text = css.get_data(as_text=True)
    assert BODYMAP_CSS in text and ".search" in text, "one stylesheet: the site's and the map's"
    again = site.client.get("/assets/site.css", headers={"If-None-Match": css.headers["ETag"]})
    assert again.status_code == 304


# ---------------------------------------------------------------------------------------------
# The exercise page

#: Section ids of an exercise page, in the order of the reference article (with equipment and
#: difficulty right after the muscles, as quick facts).
SECTIONS = ["muscles", "facts", "steps", "benefits", "mistakes", "beginners", "programming",
            "frequency", "comparisons", "alternatives", "sources"]


def test_exercise_page_holds_the_whole_document_in_the_articles_order(site: Site) -> None:
    doc = site.json(f"/api/v1/exercises/{MBE}")
    page = get_page(site.client, f"/exercises/{MBE}")
    root = page.root
    ids = [n.attrs["id"] for n in root.find("article").children if n.tag == "section"]
    assert ids == SECTIONS
    assert root.find("h1").text == doc["name"]
    assert doc["summary"] in root.find("p", class_="lead").text
    for key, section in (("muscles", "muscles"), ("technique", "steps"),
                         ("benefits", "benefits"), ("mistakes", "mistakes"),
                         ("load", "programming"), ("alternatives", "alternatives")):
        assert doc["overviews"][key] in root.by_id(section).text
    table = root.by_id("muscles").find("table")
    rows = [[td.text for td in tr.find_all("td")] for tr in table.find("tbody").find_all("tr")]
    assert rows == [[role.capitalize(), m["name"], m["function"]]
                    for role in ROLES for m in doc["muscles"][role]]
    facts = root.by_id("facts").text
    assert all(eq["name"] in facts for eq in doc["equipment"])
    assert doc["equipment_note"] in facts
    assert [li.text for li in root.by_id("steps").find("ol").find_all("li")] == doc["steps"]
    benefits = root.by_id("benefits").text
    assert all(b["title"] in benefits and b["text"] in benefits for b in doc["benefits"])
    mistakes = root.by_id("mistakes").find_all("div", class_="mistake")
    assert [m.find("h3").text for m in mistakes] == [m["question"] for m in doc["mistakes"]]
    for block, mistake in zip(mistakes, doc["mistakes"], strict=True):
        assert [dd.text for dd in block.find_all("dd")] == [
            mistake["problem"], mistake["cause"], mistake["fix"]]
    assert doc["beginner"]["note"] in root.by_id("beginners").text
    programming = root.by_id("programming")
    body = programming.find("tbody").find_all("tr")
    assert len(body) == len(doc["programming"])
    for tr, guideline in zip(body, doc["programming"], strict=True):
        assert tr.find_all("td")[-1].text == guideline["load"]
    assert doc["progression"] in programming.text
    assert doc["frequency"]["note"] in root.by_id("frequency").text
    comparisons = root.by_id("comparisons").text
    assert all(c["best_for"] in comparisons and c["tradeoff"] in comparisons
               for c in doc["comparisons"])
    shown = [li.find("a").attrs["href"] for li in root.by_id("alternatives").find(
        "ol", class_="alternatives").find_all("li", class_="listed")]
    assert shown == exercise_paths(doc["alternatives"])


def test_sources_name_licences_and_authors(site: Site) -> None:
    """Every source of an exercise is listed with its licence; a wger record with its author
    (CC BY-SA asks for attribution). The exercise is found in the graph, not named here."""
    rows = site.store.select("""
        PREFIX dcterms: <http://purl.org/dc/terms/>
        PREFIX exg: <https://w3id.org/exgraph/ontology#>
        SELECT ?exercise ?creator ?license WHERE {
          ?exercise a exg:Exercise ; dcterms:source ?source .
          ?source dcterms:creator ?creator ; dcterms:license ?license .
          FILTER(CONTAINS(STR(?license), "by-sa"))
        } ORDER BY ?exercise LIMIT 1""")
    slug = MBE if not rows else str(rows[0]["exercise"]).rsplit("/", 1)[1]
    doc = site.json(f"/api/v1/exercises/{slug}")
    sources = get_page(site.client, f"/exercises/{slug}").root.by_id("sources")
    items = sources.find("ul").find_all("li")
    assert len(items) == len(doc["sources"])
    licences = [a for a in sources.find_all("a") if a.attrs.get("rel") == "license"]
    assert {a.attrs["href"] for a in licences} >= {s["license"] for s in doc["sources"]
                                                   if s["license"]}
    if rows:
        assert str(rows[0]["creator"]) in sources.text
        assert "CC BY-SA 4.0" in sources.text


def strongest_roles(doc: dict[str, Any]) -> dict[str, str]:
    """Region -> the strongest role of the document's muscles drawn there."""
    regions: dict[str, str] = {}
    for role in reversed(list(ROLES)):  # weakest first, so stronger roles overwrite
        for muscle in doc["muscles"][role]:
            for region in REGIONS.get(muscle["id"], ()):
                regions[region] = role
    return regions


@pytest.mark.parametrize("slug", [MBE, "romanian-deadlift", "cable-pull-through"])
def test_the_body_map_colours_each_muscle_by_its_role(site: Site, slug: str) -> None:
    doc = site.json(f"/api/v1/exercises/{slug}")
    svg = get_page(site.client, f"/exercises/{slug}").root.by_id("muscles").find("svg")
    expected = strongest_roles(doc)
    drawn = {n.attrs["data-region"]: n for n in svg.find_all("path") if "data-region" in n.attrs}
    assert set(drawn) == {r for regions in REGIONS.values() for r in regions}
    for region, node in drawn.items():
        roles = {c.removeprefix("role-") for c in node.classes if c.startswith("role-")}
        assert roles == ({expected[region]} if region in expected else set()), region
    functions: dict[str, str | None] = {}
    for role in ROLES:  # a muscle listed twice is drawn with its strongest role's function
        for m in doc["muscles"][role]:
            functions.setdefault(m["id"], m["function"])
    for muscle, function in functions.items():
        hover = {drawn[r].find("title").text for r in REGIONS.get(muscle, ())}
        assert all(function in text for text in hover if function), muscle


# ---------------------------------------------------------------------------------------------
# Search and filters: the page lists what the API lists

SEARCHES = [
    {},
    {"q": "back"},
    {"q": "EXTENSION"},
    {"difficulty": "low"},
    {"muscle": "hamstrings", "role": "primary"},
    {"muscle": "glutes"},
    {"exclude_equipment": "machine", "difficulty": "moderate"},
    {"equipment": "free-weight"},
    {"q": "curl", "exclude_equipment": "free-weight"},
]


@pytest.mark.parametrize("filters", SEARCHES, ids=lambda f: urlencode(f) or "all")
def test_search_lists_what_the_api_lists(site: Site, filters: dict[str, str]) -> None:
    query = f"?{urlencode(filters)}" if filters else ""
    api = site.json(f"/api/v1/exercises{query}")
    page = get_page(site.client, f"/{query}")
    heading = page.root.by_id("results-title").text
    assert heading.startswith(f"{api['total']} exercise")
    if api["items"]:
        assert result_links(page) == exercise_paths(api["items"])
    form = page.root.find("form", class_="search")
    for name, value in filters.items():
        control = form.find(id=f"f-{name}")
        if control.tag == "input":
            assert control.attrs["value"] == value
        else:
            chosen = [o.attrs["value"] for o in control.find_all("option") if "selected" in o.attrs]
            assert chosen == [value]


def test_search_pages_through_every_match(site: Site) -> None:
    filters = {"difficulty": "moderate"}
    api = site.json(f"/api/v1/exercises?{urlencode(filters)}&limit=1000")
    seen: list[str] = []
    url: str | None = f"/?{urlencode(filters)}"
    while url is not None:
        page = get_page(site.client, url)
        seen += result_links(page)
        nxt = page.root.find_all("a", rel="next")
        url = nxt[0].attrs["href"] if nxt else None
    assert seen == exercise_paths(api["items"])


@pytest.mark.parametrize("query, needle", [
    ("q=%22quoted%22", "parameter 'q'"),
    ("muscle=no-such-muscle", "no muscle"),
    ("difficulty=extreme", "parameter 'difficulty'"),
    ("offset=-1", "offset"),
])
def test_a_bad_filter_is_a_400_page_that_keeps_the_form(site: Site, query: str,
                                                        needle: str) -> None:
    page = get_page(site.client, f"/?{query}", status=400)
    assert needle in page.root.find(role="alert").text
    assert page.root.find("form", class_="search")


def named_alternatives(site: Site, filters: dict[str, str]) -> list[str]:
    """The page paths of the alternatives the named query ``alternatives`` answers, in order
    (its rows repeat an alternative once per difficulty level)."""
    rows = site.json(f"/api/v1/queries/alternatives.json?"
                     f"{urlencode({'exercise': MBE, **filters})}")["rows"]
    iris = list(dict.fromkeys(row["alternative"] for row in rows))
    return ["/exercises/" + iri.rsplit("/", 1)[1] for iri in iris]


def test_the_headline_question_is_one_click_from_home(site: Site) -> None:
    home = get_page(site.client, "/")
    link = home.root.find("p", class_="headline").find("a").attrs["href"]
    target = urlsplit(link)
    assert target.path == f"/exercises/{MBE}" and target.fragment == "alternatives"
    filters = dict(parse_qsl(target.query))
    assert filters == {"exclude_equipment": "machine", "difficulty": "low"}
    page = get_page(site.client, path_of(link))
    expected = named_alternatives(site, filters)
    assert expected, "the headline question has an answer"
    listed = page.root.find("ol", class_="alternatives").find_all("li", class_="listed")
    assert [li.find("a").attrs["href"] for li in listed] == expected


@pytest.mark.parametrize("filters", [
    {"exclude_equipment": "machine"},
    {"difficulty": "moderate"},
    {"exclude_equipment": "free-weight", "difficulty": "low"},
    {"exclude_equipment": "cable-system"},
], ids=urlencode)
def test_alternative_filters_follow_the_records(site: Site, filters: dict[str, str]) -> None:
    """The page's filtered alternatives: the exercise's record's alternatives (its document's),
    each kept or left out by its own record — its difficulty, and its equipment with every kind
    and category above it (issue 19: not any source's, as the named query matches)."""
    page = get_page(site.client, f"/exercises/{MBE}?{urlencode(filters)}")
    section = page.root.by_id("alternatives")
    shown = [li.find("a").attrs["href"] for li in section.find_all("li", class_="listed")]
    assert shown == record_alternatives(site, filters)


def record_alternatives(site: Site, filters: dict[str, str]) -> list[str]:
    kinds = {item["id"]: item for item in site.json("/api/v1/equipment?limit=1000")["items"]}

    def up(kind: str, seen: frozenset[str] = frozenset()) -> set[str]:
        item = kinds.get(kind, {"broader": [], "categories": []})
        found = {kind, *item["categories"]}
        for broader in item["broader"]:
            if broader["id"] not in seen:
                found |= up(broader["id"], seen | {kind})
        return found

    kept = []
    for alt in site.json(f"/api/v1/exercises/{MBE}")["alternatives"]:
        if "difficulty" in filters and filters["difficulty"] not in alt["difficulty"]:
            continue
        if "exclude_equipment" in filters:
            other = site.json(f"/api/v1/exercises/{alt['id']}")
            needs = set().union(*(up(e["id"]) for e in other["equipment"]))
            if filters["exclude_equipment"] in needs:
                continue
        kept.append(f"/exercises/{alt['id']}")
    return kept


def test_a_bad_alternative_filter_is_a_400(site: Site) -> None:
    page = get_page(site.client, f"/exercises/{MBE}?difficulty=extreme", status=400)
    assert "difficulty" in page.root.by_id("alternatives").find(role="alert").text


@pytest.mark.parametrize("url", ["/exercises/no-such-exercise", "/muscles/no-such-muscle",
                                 "/equipment/no-such-kind", "/queries/no-such-query"])
def test_unknown_things_are_404_pages_for_browsers_and_json_for_programs(site: Site,
                                                                       url: str) -> None:
    page = get_page(site.client, url, status=404)
    assert page.root.find(role="alert").text
    response = site.client.get(url)
    assert response.status_code == 404
    assert response.get_json()["ok"] is False and response.get_json()["status"] == 404


# ---------------------------------------------------------------------------------------------
# Muscles and equipment


@pytest.mark.parametrize("slug", ["hamstrings", "glutes", "gluteus-maximus", "abdominals"])
def test_a_muscle_page_lists_its_exercises_by_role(site: Site, slug: str) -> None:
    api = site.json(f"/api/v1/muscles/{slug}/exercises")
    page = get_page(site.client, f"/muscles/{slug}")
    for role in ROLES:
        expected = [item for item in api["items"]
                    if role in {m["role"] for m in item["muscles"]}]
        section = page.root.find("section", class_="role",
                                 **{"aria-labelledby": f"role-{role}"})
        assert section.find("h3").text.endswith(f"({len(expected)})")
        shown = [a.attrs["href"] for a in section.find_all("a")
                 if a.attrs["href"].startswith("/exercises/")]
        assert shown == exercise_paths(expected[:views.PER_ROLE])
    marked = {n.attrs["data-region"] for n in page.root.find("svg").find_all("path")
              if "highlight" in n.classes}
    assert marked == set(REGIONS[slug])


def test_the_muscle_index_links_every_muscle(site: Site) -> None:
    api = site.json("/api/v1/muscles")
    page = get_page(site.client, "/muscles")
    linked = {a.attrs["href"] for a in page.root.find("main").find_all("a")}
    assert linked >= {f"/muscles/{m['id']}" for m in api["items"]}


@pytest.mark.parametrize("slug", ["barbell", "ez-curl-bar", "machine", "back-extension-machine",
                                  "cable-station"])
def test_an_equipment_page_shows_its_taxonomy_path_and_exercises(site: Site, slug: str) -> None:
    taxonomy = site.json("/api/v1/equipment")
    kind = next(k for k in taxonomy["items"] if k["id"] == slug)
    page = get_page(site.client, f"/equipment/{slug}")
    crumbs = page.root.find("nav", class_="crumbs").find_all("li")
    assert crumbs[-1].text == kind["name"]
    category = crumbs[1].find("a").attrs["href"]
    assert category.split("#category-")[1] in kind["categories"]
    api = site.json(f"/api/v1/exercises?{urlencode({'equipment': kind['iri']})}")
    assert page.root.by_id("exercises-title").text.startswith(f"{api['total']} exercise")
    if api["items"]:
        assert result_links(page) == exercise_paths(api["items"])


def test_the_equipment_index_shows_every_kind_under_its_category(site: Site) -> None:
    taxonomy = site.json("/api/v1/equipment")
    page = get_page(site.client, "/equipment")
    for category in taxonomy["categories"]:
        section = page.root.by_id(f"category-{category['id']}")
        under = {a.attrs["href"] for a in section.find_all("a")}
        assert under >= {f"/equipment/{k['id']}" for k in taxonomy["items"]
                         if category["id"] in k["categories"]}


# ---------------------------------------------------------------------------------------------
# Named queries

CONTROLS = {"muscle": "select", "equipment": "select", "goal": "select", "role": "select",
            "difficulty": "select", "integer": "input", "exercise": "input", "text": "input"}


def test_every_named_query_has_a_form_from_its_typed_params(site: Site) -> None:
    page = get_page(site.client, "/queries")
    ids = [n.attrs["id"] for n in page.root.iter() if "id" in n.attrs]
    assert len(ids) == len(set(ids)), "element ids are unique"
    for query in default_catalogue().values():
        form = page.root.by_id(f"q-{query.name}").find("form")
        assert form.attrs["action"] == f"/queries/{query.name}"
        names = [n.attrs["name"] for n in form.iter() if n.tag in ("input", "select")
                 and n.attrs.get("type") != "hidden"]
        assert names == [p.name for p in query.params]
        for param in query.params:
            # ids unique on the page: a label must focus its own form's field
            control = form.find(id=f"f-{query.name}-{param.name}")
            label = form.find("label", **{"for": f"f-{query.name}-{param.name}"})
            assert label.text, param.name
            assert control.tag == CONTROLS[param.type.name], param.name
            assert ("required" in control.attrs) == param.required, param.name
            assert ("multiple" in control.attrs) == param.many, param.name
            if param.type.name == "integer":
                assert control.attrs["type"] == "number"


QUERY_RUNS = [
    ("alternatives", {"exercise": MBE, "exclude_equipment": "machine", "difficulty": "low"}),
    ("muscles", {}),
    ("equipment-taxonomy", {"under": "free-weight"}),
    ("exercises-by-difficulty", {"difficulty": "low", "limit": "7"}),
    ("exercises-with-equipment", {"equipment": ["barbell", "dumbbell"]}),
    ("programming", {"exercise": MBE}),
    ("mistakes", {"exercise": MBE}),
]


@pytest.mark.parametrize(("name", "params"), QUERY_RUNS, ids=[n for n, _ in QUERY_RUNS])
def test_a_submitted_query_shows_the_apis_rows(site: Site, name: str,
                                               params: dict[str, Any]) -> None:
    query = urlencode(params, doseq=True)
    api = site.json(f"/api/v1/queries/{name}.json?{query}")
    page = get_page(site.client, f"/queries/{name}?run=1&{query}")
    table = page.root.find("table", class_="answer") if api["rows"] else None
    if table is not None:
        assert [th.text for th in table.find("thead").find_all("th")] == api["columns"]
        assert len(table.find("tbody").find_all("tr")) == min(len(api["rows"]), 500)
    data = dict((t, h) for t, h in page.alternates)
    assert site.client.get(data["text/csv"]).mimetype == "text/csv"
    assert site.client.get(data["application/json"]).get_json()["rows"] == api["rows"]


def test_a_query_runs_only_when_submitted(site: Site) -> None:
    page = get_page(site.client, "/queries/muscles")
    assert not page.root.find_all("table", class_="answer")
    page = get_page(site.client, "/queries/alternatives?run=1", status=400)
    assert "required" in page.root.find(role="alert").text


# ---------------------------------------------------------------------------------------------
# /sparql: browsers get the workbench, programs what they always got

CHROME = BROWSER
FIREFOX = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@pytest.mark.parametrize(("accept", "page"), [
    (CHROME, True),
    (FIREFOX, True),
    (None, False),
    ("*/*", False),
    ("text/html", False),  # integration/sparql/test_sparql.py pins Turtle for bare text/html
    ("text/turtle", False),
    ("application/ld+json", False),
    ("application/sparql-results+json, text/html, application/xhtml+xml", False),
    ("text/html;q=0.5, application/xhtml+xml;q=0.5, text/turtle", False),
    ("text/html;q=0, application/xhtml+xml, */*", False),
])
def test_sparql_shows_browsers_the_workbench(site: Site, accept: str | None, page: bool) -> None:
    assert wants_workbench(accept) is page
    headers = {"Accept": accept} if accept else {}
    response = site.client.get("/sparql", headers=headers)
    assert response.status_code == 200
    assert "Accept" in response.headers["Vary"]
    if not page:
        assert response.mimetype != "text/html"
        return
    assert response.mimetype == "text/html"
    root = get_page(site.client, "/sparql").root
    assert root.find("textarea", name="query").text == " ".join(headline_query().split())
    assert root.find("form", id="sparql-form").attrs["action"] == "/sparql"
    assert root.by_id("yasgui").attrs["data-endpoint"] == "/sparql"


def test_the_workbench_query_is_the_named_headline_query(site: Site) -> None:
    text = headline_query()
    assert text.startswith("PREFIX ")
    response = site.client.get("/sparql", query_string={"query": text},
                               headers={"Accept": CHROME})
    assert str(response.mimetype).startswith("application/sparql-results"), "not a page"
    response = site.client.get("/sparql", query_string={"query": text, "format": "json"})
    iris = [b["alternative"]["value"] for b in response.get_json()["results"]["bindings"]]
    paths = ["/exercises/" + iri.rsplit("/", 1)[1] for iri in dict.fromkeys(iris)]
    assert paths == named_alternatives(site, {"exclude_equipment": "machine",
                                              "difficulty": "low"})


def test_the_api_docs_load_swagger_ui_on_the_openapi_document(site: Site) -> None:
    root = get_page(site.client, "/api/v1/docs").root
    assert root.by_id("swagger-ui").attrs["data-url"] == "/api/v1/openapi.json"
    assert site.client.get("/api/v1/openapi.json").get_json()["openapi"].startswith("3.")


# ---------------------------------------------------------------------------------------------
# Escaping

EVIL = '</script><script>alert("x")</script><b>bold</b> & co'


def test_text_from_the_graph_is_escaped_everywhere(graph: Graph) -> None:
    evil_graph = Graph()
    for triple in graph:
        evil_graph.add(triple)
    iri = exercise_iri(MBE)
    evil_graph.set((iri, RDFS.label, Literal(EVIL)))
    evil_graph.add((iri, EXG.summary, Literal(EVIL)))
    app = create_app({"STORE": open_store("oxigraph", graph=evil_graph)})
    client = app.test_client()
    for url in (f"/exercises/{MBE}", "/?q=back", f"/queries/steps?run=1&exercise={MBE}",
                "/muscles/hamstrings"):
        page = get_page(client, url)
        html = page.response.get_data(as_text=True)
        assert "<script>alert" not in html and "<b>bold</b>" not in html, url
        assert [n for n in page.root.iter("script") if "src" not in n.attrs] == \
            page.root.find_all("script", type="application/ld+json"), url
        page.jsonld_graph()  # the embedded JSON-LD still parses
    page = get_page(client, f"/exercises/{MBE}")
    assert page.root.find("h1").text == " ".join(EVIL.split())
    labels = {str(o) for o in page.jsonld_graph().objects(iri, RDFS.label)}
    assert EVIL in labels


# ---------------------------------------------------------------------------------------------
# A link checker: from /, every internal link of every page type answers

#: Pages fetched at most per page type, and in all: enough to reach every type, few enough
#: to stay quick on the full graph.
PER_TYPE = 40
TOTAL = 400
#: Links not followed: the whole-graph exports (slow on the full graph, tested in test_api.py).
SKIP = re.compile(r"^/export\.")


def page_type(path: str) -> str:
    first = path.split("?")[0].strip("/").split("/")
    if first[0] == "id":
        return "/".join(first[:2])
    return first[0] + ("/*" if len(first) > 1 else "")


def test_every_internal_link_answers(site: Site) -> None:
    client = site.client
    queue = deque(["/"])
    seen = {"/"}
    fetched: dict[str, int] = {}
    broken = []
    while queue and sum(fetched.values()) < TOTAL:
        path = queue.popleft()
        kind = page_type(path)
        if fetched.get(kind, 0) >= PER_TYPE:
            continue
        fetched[kind] = fetched.get(kind, 0) + 1
        response = client.get(path, headers={"Accept": BROWSER})
        response.close()  # static files are streamed from an open file
        if response.status_code in (301, 302, 303, 307, 308):
            target = path_of(response.headers["Location"])
            if target not in seen:
                seen.add(target)
                queue.appendleft(target)
            continue
        if response.status_code != 200:
            broken.append((path, response.status_code))
            continue
        if response.mimetype != "text/html":
            continue
        page = Page(path, response, parse_html(response.get_data(as_text=True)))
        for link in page.links:
            if not is_internal(link):
                continue
            target = path_of(link)
            if target not in seen and not SKIP.match(target):
                seen.add(target)
                queue.append(target)
    assert broken == []
    for kind in ("", "exercises/*", "muscles", "muscles/*", "equipment", "equipment/*",
                 "queries", "queries/*", "sparql", "api/*", "ontology", "id/dataset",
                 "id/source", "id/goal", "assets/*"):
        assert fetched.get(kind), f"the crawl never reached a {kind or 'home'} page"


def test_exercise_page_has_one_list_listed_alternatives_first(site: Site) -> None:
    """One list: the alternatives the sources list (marked), then the engine's other
    substitutes in its order, each with equipment, difficulty and reasons in words."""
    filters = {"exclude_equipment": "machine", "difficulty": "low"}
    page = get_page(site.client, f"/exercises/{MBE}?{urlencode(filters)}")
    items = page.root.by_id("alternatives-list").find_all("li", class_="listed") + \
        page.root.by_id("alternatives-list").find_all("li", class_="similar")
    order = [li for li in page.root.by_id("alternatives-list").children if li.tag == "li"]
    assert [li.attrs["class"] for li in order] == [li.attrs["class"] for li in items], \
        "the listed alternatives come first"
    listed = named_alternatives(site, filters)
    assert [li.find("a").attrs["href"] for li in order[:len(listed)]] == listed
    api = site.json(f"/api/v1/exercises/{MBE}/substitutes?{urlencode(filters)}&limit=50")
    others = ["/exercises/" + i["id"] for i in api["items"]
              if "/exercises/" + i["id"] not in listed][:8]
    assert [li.find("a").attrs["href"] for li in order[len(listed):]] == others
    for li in order:
        text = li.text
        assert "score" not in text and "Equipment" in text and "Difficulty" in text
    assert all("Listed alternative" in li.find("h3").text for li in order[:len(listed)])
    assert any(li.find("ul", class_="reasons") for li in order[len(listed):])


def test_no_machines_or_cables_leaves_out_both(site: Site) -> None:
    page = get_page(site.client, f"/exercises/{MBE}?exclude_equipment=machine%2Ccable-system")
    shown = {li.find("a").attrs["href"].rsplit("/", 1)[1]
             for li in page.root.by_id("alternatives-list").children if li.tag == "li"}
    assert shown
    engine = site.json(f"/api/v1/exercises/{MBE}/substitutes?limit=50")["items"]
    needs = {i["id"]: set(i["equipment"]) for i in engine}
    cable = {"cable-station", "cable-system", "lat-pulldown-station",
             "seated-cable-row-station"}
    assert not any(needs.get(slug, set()) & cable for slug in shown)
    assert "cable-pull-through" not in shown and "machine-back-extension" not in shown


@pytest.mark.parametrize("url", ["/", "/plan", f"/exercises/{MBE}", "/queries"])
def test_choices_have_human_labels_and_no_twins(site: Site, url: str) -> None:
    """A select shows names from the graph, never a raw id (cable-system), and no name twice
    (Bodyweight as a category and as a kind; "Beginner (default)" beside "Beginner")."""
    page = get_page(site.client, url)
    selects = page.root.find_all("select")
    assert selects
    for select in selects:
        texts = [o.text.strip() for o in select.find_all("option")]
        assert len(texts) == len(set(texts)), (url, select.attrs["id"], texts)
        raw = [t for t in texts if re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)+", t)]
        assert raw == [], (url, select.attrs["id"])


def test_every_named_query_opens_in_the_workbench(site: Site) -> None:
    page = get_page(site.client, "/queries")
    for query in default_catalogue().values():
        links = [a.attrs["href"] for a in page.root.by_id(f"q-{query.name}").find_all("a")
                 if a.attrs["href"].startswith("/sparql#query=")]
        assert len(links) == 1, query.name
        text = unquote(links[0].removeprefix("/sparql#query="))
        assert text.startswith("PREFIX ") and query.title  # the query's own text
        if not any(p.required for p in query.params):
            assert text == query.render(query.bind({}))  # with the defaults, runnable
            site.store.select(text)
    answered = get_page(site.client, f"/queries/programming?run=1&exercise={MBE}")
    link = next(a.attrs["href"] for a in answered.root.find_all("a")
                if a.attrs["href"].startswith("/sparql#query="))
    assert f"exercise/{MBE}>" in unquote(link) or f"exercise:{MBE}" in unquote(link)


# ---------------------------------------------------------------------------------------------
# Pictures


def _img_src(headers: Any) -> list[str]:
    policy: dict[str, str] = dict(part.strip().split(" ", 1) for part in
                                  headers["Content-Security-Policy"].split(";"))
    return policy["img-src"].split()


def _an_exercise_with_pictures(store: Any) -> str:
    rows = store.select("PREFIX schema: <https://schema.org/> SELECT ?ex WHERE "
                        "{ ?ex schema:image ?i } ORDER BY ?ex LIMIT 1")
    assert rows, "the imports link pictures"
    return str(rows[0]["ex"]).rsplit("/", 1)[1]


def test_disputed_pictures_are_hidden_by_default_and_said_so(full_store: Any) -> None:
    slug = _an_exercise_with_pictures(full_store)
    client = create_app({"STORE": full_store}).test_client()
    page = get_page(client, f"/exercises/{slug}")
    assert page.root.find_all("img") == []
    note = page.root.by_id("pictures").find("p", class_="note").text
    assert "not shown" in note and "disputed" in note and "EXGRAPH_SHOW_DISPUTED_IMAGES" in note
    assert _img_src(page.response.headers) == ["'self'", "data:"]


def test_a_setting_shows_them_with_licence_and_the_policy_lists_their_host(
        full_store: Any) -> None:
    slug = _an_exercise_with_pictures(full_store)
    client = create_app({"STORE": full_store, "SHOW_DISPUTED_IMAGES": True}).test_client()
    page = get_page(client, f"/exercises/{slug}")
    figures = page.root.by_id("pictures").find_all("figure")
    assert figures
    hosts = set()
    for figure in figures:
        src = figure.find("img").attrs["src"]
        assert src.startswith("https://") and figure.find("img").attrs["alt"]
        assert figure.find("a", rel="license").attrs["href"]
        hosts.add("https://" + urlsplit(src).netloc)
    assert _img_src(page.response.headers) == ["'self'", "data:", *sorted(hosts)]


def test_which_pictures_are_shown() -> None:
    from exgraph.web.pages.images import Picture, hosts, shown

    wger = Picture("https://wger.de/media/a.png", "https://creativecommons.org/licenses/by-sa/4.0/",
                   ("A. Author",), None)
    unknown = Picture("https://example.org/b.png", None, (), None)
    disputed = Picture("https://raw.githubusercontent.com/yuhonas/free-exercise-db/main/c.jpg",
                       "https://unlicense.org/", (), "disputed")
    assert shown([wger, unknown, disputed], allow_disputed=False) == [wger]
    assert shown([wger, unknown, disputed], allow_disputed=True) == [wger, disputed]
    assert hosts([wger, disputed]) == ["https://raw.githubusercontent.com", "https://wger.de"]
