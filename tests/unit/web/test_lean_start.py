"""What a start of ``exgraph serve`` imports before its first answer (issue 25, "instant start").

A start from a filled ``--store DIR`` was ~0.55 s of CPU, 0.40-0.50 s of it imports; the web
app imported packages its first headline answer never uses: the training history and plans
(with their blueprints), requests (only a remote store sends HTTP), rapidfuzz (only a name
that matches nothing, or a typo, is looked up fuzzily), tqdm (progress on a terminal) and
typeguard (inflect's decorator; importing it pulls in unittest.mock and asyncio). These tests
check, in a fresh interpreter, that importing the CLI and the web app leaves them out, and that
what imports them later still gets the real modules. Speed itself is measured in
bench/targets.py, not here.
"""

from __future__ import annotations

import json
import subprocess
import sys

from tests.paths import REPO

#: Imported by the serve command's modules before this issue, needed by no first answer.
NOT_AT_START = ("requests", "rapidfuzz", "tqdm", "typeguard", "inflect", "asyncio",
                "exgraph.history", "exgraph.plans", "exgraph.web.api.openapi_plans",
                "exgraph.web.api.openapi_me")


def _run(code: str) -> object:
    """Run code in a fresh interpreter (the repository's source first on the path); its
    last line of output, read as JSON."""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=REPO, timeout=120,
                         env={"PYTHONPATH": str(REPO / "src"), "PATH": "/usr/bin:/bin"})
    found: object = json.loads(out.stdout.strip().splitlines()[-1])
    return found


def test_the_cli_and_the_web_app_import_none_of_the_heavy_packages_a_start_does_not_need(
) -> None:
    found = _run(
        "import json, sys\n"
        "import exgraph.cli.main\n"
        "from exgraph.web.app import create_app\n"
        f"print(json.dumps(sorted(m for m in {NOT_AT_START!r} if m in sys.modules)))\n")
    assert found == []


def test_what_is_imported_later_is_the_real_module() -> None:
    """The routes import history and plans on first use, the OpenAPI document its two parts,
    vocab.names inflect with a stand-in typeguard that is gone again afterwards."""
    found = _run(
        "import json, sys\n"
        "from exgraph.web.app import create_app\n"
        "from exgraph.vocab.names import normalise\n"
        "singular = normalise('Bench Presses')\n"
        "stand_in_left = 'typeguard' in sys.modules\n"
        "import typeguard\n"
        "from exgraph.web.api.openapi import document\n"
        "paths = document()['paths']\n"
        "print(json.dumps({'singular': singular, 'stand_in_left': stand_in_left,\n"
        "    'real_typeguard': hasattr(typeguard, 'TypeCheckError'),\n"
        "    'plans': '/api/v1/plans.ics' in paths, 'me': '/api/v1/me/volume' in paths,\n"
        "    'tags': [t['name'] for t in document()['tags']][-2:]}))\n")
    assert found == {"singular": "bench press", "stand_in_left": False, "real_typeguard": True,
                     "plans": True, "me": True, "tags": ["health", "me"]}

