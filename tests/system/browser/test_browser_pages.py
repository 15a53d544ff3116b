"""Every kind of page in a real browser at desktop (1280 px) and phone (390 px) width: it does not
scroll sideways, axe-core finds no accessibility violation, and after a submit the results have
the focus and are in view.

The page kinds are one list, :data:`PAGE_KINDS`: a new page (a /me page, say) is one more
``PageKind`` line, and it gets every check here. A kind can act before it is checked (run the
workbench's query, expand an API operation), so the states a person reaches are checked too,
not only the first paint.

axe-core is vendored for the tests only (tests/vendor/axe-core/, MPL-2.0, pinned by
scripts/vendor-frontend.sh) and injected into each page; it runs the WCAG 2.0/2.1 A and AA rules
and the best-practice rules. The vendored YASGUI and Swagger UI are checked like exgraph's own
pages: what their markup gets wrong is fixed by the page around them (CSS and attributes, see
workbench.js and apidocs.js), never by an exemption here.

Screenshots of every kind at both widths go to tests/artifacts/; scripts/screenshots.py copies
the ones docs/pages.md shows into docs/.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.paths import TESTS
from tests.system.browser.test_browser import ARTIFACTS, MBE, WIDTHS, Watch, browser, server

pytestmark = [pytest.mark.browser, pytest.mark.server]

__all__ = ["browser", "server"]  # the fixtures, shared with test_browser.py

AXE = TESTS / "vendor" / "axe-core" / "axe.min.js"
#: The rule sets axe runs: WCAG 2.0 and 2.1, levels A and AA, and axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
AXE_PATH = "/__test__/axe.min.js"
PLAN = "/plan?goal=hypertrophy&days=3&level=beginner&equipment=barbell&equipment=dumbbell"


def _run_workbench_query(page: Any) -> None:
    page.wait_for_selector(".yasqe .CodeMirror")
    page.click(".yasqe_queryButton")
    page.wait_for_selector(".yasr table tbody tr", timeout=30_000)


def _open_an_operation(page: Any) -> None:
    page.wait_for_selector(".opblock", timeout=30_000)
    page.locator(".opblock-summary-control").first.click()
    page.wait_for_selector(".opblock-body", timeout=10_000)


@dataclass(frozen=True)
class PageKind:
    """A page as a person reaches it: its path, and what they do there before it is checked."""

    name: str
    path: str
    #: Waits for the page's script-built content, or does what a person does on it.
    act: Callable[[Any], None] | None = None
    #: The page's own status (the browser logs a console error for a 4xx document).
    status: int = 200


#: Every kind of page the site serves. Add a line for a new page.
PAGE_KINDS = [
    PageKind("home", "/"),
    PageKind("search", "/?q=rdl"),
    PageKind("search-filtered", "/?muscle=hamstrings&exclude_equipment=machine&difficulty=low"),
    PageKind("exercise", f"/exercises/{MBE}"),
    PageKind("exercise-filtered", f"/exercises/{MBE}?exclude_equipment=machine&difficulty=low"),
    PageKind("exercise-imported", "/exercises/barbell-deadlift"),
    PageKind("muscles", "/muscles"),
    PageKind("muscle", "/muscles/hamstrings"),
    PageKind("equipment-index", "/equipment"),
    PageKind("equipment", "/equipment/barbell"),
    PageKind("queries", "/queries"),
    PageKind("query-form", "/queries/alternatives"),
    PageKind("query", f"/queries/alternatives?run=1&exercise={MBE}&exclude_equipment=machine"),
    PageKind("query-wide", f"/queries/mistakes?run=1&exercise={MBE}"),
    PageKind("plan-form", "/plan"),
    PageKind("plan", PLAN),
    PageKind("workbench", "/sparql", lambda page: page.wait_for_selector(".yasqe .CodeMirror")),
    PageKind("workbench-answer", "/sparql", _run_workbench_query),
    PageKind("api-docs", "/api/v1/docs", lambda page: page.wait_for_selector(".opblock")),
    PageKind("api-docs-operation", "/api/v1/docs", _open_an_operation),
    PageKind("ontology", "/ontology"),
    PageKind("source", "/id/source/curated"),
    PageKind("not-found", "/exercises/no-such-exercise", status=404),
    PageKind("me-sign-in", "/me"),
]


@pytest.fixture(scope="module", params=sorted(WIDTHS))
def width_context(request: pytest.FixtureRequest, browser: Any) -> Iterator[tuple[str, Any]]:
    """A browser context at one width (the phone one with touch and a mobile viewport)."""
    width = request.param
    size = dict(zip(("width", "height"), WIDTHS[width], strict=True))
    context = browser.new_context(viewport=size, is_mobile=width == "phone",
                                  has_touch=width == "phone")
    yield width, context
    context.close()


def _open(context: Any, server: str, kind: PageKind) -> tuple[Any, Watch]:
    page = context.new_page()
    watch = Watch(urlsplit(server).netloc)
    watch.attach(page)
    response = page.goto(server + kind.path)
    assert response is not None and response.status == kind.status, kind.path
    if kind.status != 200:  # the one console error the browser logs for the document itself
        page.wait_for_load_state("networkidle")
        expected = f"the server responded with a status of {kind.status}"
        watch.problems[:] = [p for p in watch.problems if expected not in p]
    page.wait_for_load_state("networkidle")
    if kind.act is not None:
        kind.act(page)
    return page, watch


def axe_violations(page: Any) -> list[str]:
    """axe-core's violations on the page as it is now, one line per rule and element."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: bash scripts/vendor-frontend.sh")
    # Served from the page's own origin by the test (the pages' content policy allows scripts
    # from 'self' only, and it stays on): the application itself never serves axe.
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(page.url))
    page.route(origin + AXE_PATH, lambda route: route.fulfill(
        body=AXE.read_bytes(), content_type="text/javascript"))
    page.add_script_tag(url=origin + AXE_PATH)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})", AXE_TAGS)
    return [f"{v['id']} ({v['impact']}): {v['help']} at {json.dumps(node['target'])}: "
            f"{node.get('failureSummary', '').splitlines()[-1:]}"
            for v in result["violations"] for node in v["nodes"]]


@pytest.mark.parametrize("kind", PAGE_KINDS, ids=[k.name for k in PAGE_KINDS])
def test_page_fits_the_width_and_passes_axe(width_context: tuple[str, Any], server: str,
                                            kind: PageKind) -> None:
    width, context = width_context
    page, watch = _open(context, server, kind)
    try:
        # against the width asked for: a mobile browser widens its layout viewport (and so
        # innerWidth) to fit a page that is too wide
        viewport = WIDTHS[width][0]
        wide = page.evaluate("document.documentElement.scrollWidth")
        violations = axe_violations(page)
        # last: a full-page screenshot resizes the viewport for a moment, and the workbench's
        # editor lays itself out again at that size
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{kind.name}-{width}.png"), full_page=True)
        assert wide <= viewport, f"{kind.path} is {wide}px wide in a {viewport}px {width} viewport"
        assert not violations, f"{len(violations)} axe violations:\n" + "\n".join(violations)
        watch.check()
    finally:
        page.close()


def _results_in_view_and_focused(page: Any, selector: str) -> None:
    page.wait_for_load_state("load")
    state = page.evaluate("""selector => {
        const target = document.querySelector(selector);
        const box = target.getBoundingClientRect();
        return {focused: document.activeElement === target, top: box.top,
                height: window.innerHeight};
    }""", selector)
    assert state["focused"], f"{selector} does not have the focus"
    # scrollIntoView lands on a fractional pixel: "in view" allows for the rounding
    assert -1 < state["top"] < state["height"], (
        f"{selector} starts at {state['top']}px, not in view")


@pytest.mark.parametrize("form", ["search", "plan", "alternatives"])
def test_after_a_submit_the_results_have_focus_and_are_in_view(
        width_context: tuple[str, Any], server: str, form: str) -> None:
    _, context = width_context
    page = context.new_page()
    watch = Watch(urlsplit(server).netloc)
    watch.attach(page)
    try:
        if form == "search":
            page.goto(server + "/")
            page.fill("#f-q", "romanian deadlift")
            page.click("form.search button[type=submit]")
            page.wait_for_url("**/?q=romanian+deadlift*")
            _results_in_view_and_focused(page, "#results")
            assert "Romanian" in page.inner_text("#results")
        elif form == "plan":
            page.goto(server + "/plan")
            page.select_option("#f-goal", "strength")
            page.select_option("#f-days", "3")
            page.select_option("#f-equipment", ["barbell", "dumbbell", "bench", "pull-up-bar"])
            page.click("form.plan-form button[type=submit]")
            page.wait_for_url("**/plan?goal=strength*")
            _results_in_view_and_focused(page, "#plan")
            assert page.locator("#plan section.day").count() == 3
        else:
            page.goto(f"{server}/exercises/{MBE}")
            page.select_option("#alternatives #f-exclude_equipment", "machine")
            page.click("#alternatives form button[type=submit]")
            page.wait_for_url(f"**/exercises/{MBE}?*")
            _results_in_view_and_focused(page, "#alternatives-list")
        watch.check()
    finally:
        page.close()


def test_long_pages_have_a_table_of_contents(browser: Any, server: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    try:
        for path in (f"/exercises/{MBE}", PLAN, "/ontology"):
            page.goto(server + path)
            toc = page.locator("nav.page-toc a")
            targets = toc.evaluate_all("as => as.map(a => a.hash.slice(1))")
            assert len(targets) >= 3, f"{path}: {targets}"
            for target in targets:
                assert page.locator(f"[id='{target}']").count() == 1, (path, target)
    finally:
        context.close()


def test_the_workbench_opens_a_named_query_with_its_prefixes_folded(browser: Any,
                                                                     server: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    watch = Watch(urlsplit(server).netloc)
    watch.attach(page)
    try:
        page.goto(server + "/queries")
        link = page.locator("#q-mistakes a[href^='/sparql#query=']")
        page.goto(server + link.get_attribute("href"))
        page.wait_for_selector(".yasqe .CodeMirror")
        text = page.evaluate(
            "document.querySelector('.yasqe .CodeMirror').CodeMirror.getValue()")
        assert "exg:mistake" in text or "Mistake" in text, text[-300:]
        assert text.startswith("PREFIX ")
        # the PREFIX lines are folded into one marker: the query's own first line is in view
        assert page.locator(".yasqe .CodeMirror-foldmarker").count() == 1
        first = text.splitlines().index(next(line for line in text.splitlines()
                                             if not line.startswith("PREFIX ")))
        # folded, the query's first line sits on the editor's second line, not its 18th
        lines_above = page.evaluate("""line => {
            const cm = document.querySelector('.yasqe .CodeMirror').CodeMirror;
            return cm.heightAtLine(line, 'local') / cm.defaultTextHeight(); }""", first)
        assert lines_above < 3 < first, (lines_above, first)
        watch.check()
    finally:
        context.close()
