"""The pages in a real browser: headless Chromium driven by Playwright, against a real
``exgraph serve`` on the full graph.

Skipped with a reason when Playwright or Chromium is missing, unless EXGRAPH_REQUIRE_BROWSER=1
(as in CI), which makes that a failure. Chromium is Debian's (/usr/bin/chromium, or
EXGRAPH_CHROMIUM); ``playwright install`` is never needed. Every test also checks that the
browser logged no console error and asked no other host for anything. Screenshots at desktop
and phone width go to tests/artifacts/.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import pytest
import requests

from exgraph.web.pages.bodymap import REGIONS
from tests.paths import TESTS
from tests.server import running_server

pytestmark = [pytest.mark.browser, pytest.mark.server]

CHROMIUM = Path(os.environ.get("EXGRAPH_CHROMIUM", "/usr/bin/chromium"))
#: Flags for a quiet, sandbox-free headless Chromium that phones nobody home.
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = TESTS / "artifacts"
MBE = "machine-back-extension"
HEADLINE = {"exclude_equipment": "machine", "difficulty": "low"}
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}
#: Pages photographed at each width (name -> path).
SHOTS = {"home": "/", "exercise": f"/exercises/{MBE}", "muscle": "/muscles/hamstrings",
         "equipment": "/equipment/barbell", "queries": "/queries",
         "query": f"/queries/alternatives?run=1&exercise={MBE}&exclude_equipment=machine",
         "workbench": "/sparql", "api-docs": "/api/v1/docs", "ontology": "/ontology",
         "source": "/id/source/curated"}


def _unavailable(reason: str) -> None:
    if os.environ.get("EXGRAPH_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (EXGRAPH_REQUIRE_BROWSER=1)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Chromium, or a skip saying what is missing."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright is not installed: pip install -e '.[test]'")
    if not CHROMIUM.exists():
        _unavailable(f"no Chromium at {CHROMIUM}: apt-get install chromium")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def server(browser: Any) -> Iterator[str]:
    """A real `exgraph serve` on the full graph (started only when a browser exists)."""
    with running_server(env={"EXGRAPH_IMPORTS": "1"}) as base:
        yield base


@dataclass
class Watch:
    """What a page did that it should not: console errors, uncaught exceptions, requests to
    other hosts."""

    host: str
    problems: list[str] = field(default_factory=list)

    def attach(self, page: Any) -> None:
        page.on("console", lambda m: self.problems.append(f"console {m.type}: {m.text}")
                if m.type == "error" else None)
        page.on("pageerror", lambda e: self.problems.append(f"uncaught: {e}"))
        page.on("request", self._request)

    def _request(self, request: Any) -> None:
        url = urlsplit(request.url)
        if url.scheme in ("http", "https", "ws", "wss") and url.netloc != self.host:
            self.problems.append(f"request to another host: {request.url}")

    def check(self) -> None:
        assert self.problems == []


@pytest.fixture
def tab(browser: Any, server: str) -> Iterator[tuple[Any, Watch]]:
    """A fresh desktop-sized page that reports its problems."""
    context = browser.new_context(viewport=dict(zip(("width", "height"), WIDTHS["desktop"],
                                                    strict=True)))
    page = context.new_page()
    watch = Watch(urlsplit(server).netloc)
    watch.attach(page)
    yield page, watch
    context.close()


def named_alternatives(server: str, filters: dict[str, str]) -> list[str]:
    """Slugs of the alternatives the named query answers, in order (the oracle)."""
    response = requests.get(f"{server}/api/v1/queries/alternatives.json",
                            params={"exercise": MBE, **filters}, timeout=30)
    response.raise_for_status()
    iris = dict.fromkeys(row["alternative"] for row in response.json()["rows"])
    return [iri.rsplit("/", 1)[1] for iri in iris]


def test_the_headline_question_by_clicking_through_the_form(tab: tuple[Any, Watch],
                                                            server: str) -> None:
    page, watch = tab
    page.goto(server + "/")
    page.fill("#f-q", "machine back extension")
    page.click("form.search button[type=submit]")
    page.wait_for_url("**/?q=machine+back+extension*")
    page.get_by_role("link", name="Machine back extension", exact=True).first.click()
    page.wait_for_url(f"**/exercises/{MBE}")
    form = page.locator("#alternatives form")
    form.locator("#f-exclude_equipment").select_option(HEADLINE["exclude_equipment"])
    form.locator("#f-difficulty").select_option(HEADLINE["difficulty"])
    form.locator("button[type=submit]").click()
    page.wait_for_url(f"**/exercises/{MBE}?{urlencode(HEADLINE)}#alternatives")
    listed = page.locator("ol.alternatives li.listed h3 a")
    shown = [href.rsplit("/", 1)[1]
             for href in listed.evaluate_all("as => as.map(a => a.href)")]
    assert shown == named_alternatives(server, HEADLINE)
    assert shown, "the headline question has an answer"
    watch.check()


def test_the_body_map_colours_hamstrings_primary_and_glutes_secondary(
        tab: tuple[Any, Watch], server: str) -> None:
    page, watch = tab
    page.goto(f"{server}/exercises/{MBE}")
    for muscle, role in (("hamstrings", "primary"), ("glutes", "secondary")):
        for region in REGIONS[muscle]:
            classes = page.get_attribute(f'svg path[data-region="{region}"]', "class") or ""
            assert f"role-{role}" in classes.split(), (muscle, region, classes)
    document = requests.get(f"{server}/api/v1/exercises/{MBE}", timeout=30).json()
    function = document["muscles"]["primary"][0]["function"]
    region = REGIONS[document["muscles"]["primary"][0]["id"]][0]
    hover = page.text_content(f'svg path[data-region="{region}"] > title') or ""
    assert function in hover
    watch.check()


def test_yasgui_runs_the_headline_query_on_this_server(tab: tuple[Any, Watch],
                                                      server: str) -> None:
    page, watch = tab
    posted: list[str] = []
    page.on("request", lambda r: posted.append(r.url) if r.method == "POST" else None)
    page.goto(server + "/sparql")
    page.wait_for_selector(".yasqe .CodeMirror")
    text = page.evaluate("document.querySelector('.yasqe .CodeMirror').CodeMirror.getValue()")
    assert text == page.input_value("#query"), "the editor holds the prefilled headline query"
    assert "exg:alternative" in text and text.startswith("PREFIX ")
    page.click(".yasqe_queryButton")
    page.wait_for_selector(".yasr table tbody tr", timeout=30_000)
    assert "cable-pull-through" in page.inner_text(".yasr table")
    assert posted == [server + "/sparql"]
    assert page.is_hidden("#sparql-form"), "the plain form gives way to YASGUI"
    watch.check()


def test_the_api_docs_render_every_operation(tab: tuple[Any, Watch], server: str) -> None:
    page, watch = tab
    page.goto(server + "/api/v1/docs")
    page.wait_for_selector(".opblock", timeout=30_000)
    spec = requests.get(f"{server}/api/v1/openapi.json", timeout=30).json()
    operations = sum(len(item) for item in spec["paths"].values())
    assert page.locator(".opblock").count() == operations
    watch.check()


@pytest.mark.parametrize("width", sorted(WIDTHS))
def test_screenshots_and_no_sideways_scrolling(browser: Any, server: str, width: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    size = dict(zip(("width", "height"), WIDTHS[width], strict=True))
    context = browser.new_context(viewport=size, is_mobile=width == "phone")
    page = context.new_page()
    watch = Watch(urlsplit(server).netloc)
    watch.attach(page)
    try:
        for name, path in SHOTS.items():
            page.goto(server + path)
            page.wait_for_load_state("networkidle")
            page.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"), full_page=True)
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at {width} width"
    finally:
        context.close()
    watch.check()
