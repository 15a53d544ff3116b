"""Screenshots of the pages docs/pages.md shows, at desktop (1280 px) and phone (390 px) width.

    .venv/bin/python scripts/screenshots.py            # writes docs/screenshots/*.png

Starts a real ``exgraph serve`` on the full graph (as tests/system/browser/test_browser.py does), opens each
page in Debian's headless Chromium through Playwright, and saves what a person sees first: the
first screen, after the page's own script has moved to the answer of a submitted form (the
search results, the plan). Needs Chromium at /usr/bin/chromium (or EXGRAPH_CHROMIUM).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.server import running_server  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}
#: name -> path: the exercise page at its alternatives, a search, a plan.
PAGES = {
    "exercise": "/exercises/machine-back-extension",
    "exercise-alternatives": "/exercises/machine-back-extension"
                             "?exclude_equipment=machine%2Ccable-system#alternatives",
    "search": "/?q=rdl",
    "plan": "/plan?goal=hypertrophy&days=3&level=beginner&equipment=barbell&equipment=dumbbell"
            "&equipment=bench&equipment=pull-up-bar",
}
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def main() -> int:
    from playwright.sync_api import sync_playwright

    chromium = os.environ.get("EXGRAPH_CHROMIUM", "/usr/bin/chromium")
    OUT.mkdir(parents=True, exist_ok=True)
    with running_server(env={"EXGRAPH_IMPORTS": "1"}) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=ARGS)
        for width, (w, h) in WIDTHS.items():
            context = browser.new_context(viewport={"width": w, "height": h},
                                          is_mobile=width == "phone")
            page = context.new_page()
            for name, path in PAGES.items():
                page.goto(base + path)
                page.wait_for_load_state("networkidle")
                target = OUT / f"{name}-{width}.png"
                page.screenshot(path=str(target))
                print(target.relative_to(ROOT))
            context.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
