"""Issue 25's instant start across real restarts: a changed data file, and an update through a
running server on a ``--store DIR``, each give the next start (a new ``exgraph serve``
process) the new data's answers, never what was derived from the data before (see
tests/integration/data/test_instant_start.py for the values read back in process)."""

from __future__ import annotations

import json
from pathlib import Path

import requests

from tests.integration.data.test_instant_start import derived_names, probe, rename
from tests.server import running_server

TOKEN = "instant-start-token-7d2e"


def get(url: str) -> requests.Response:
    return requests.get(url, timeout=120)


def test_a_changed_data_file_gives_the_next_start_its_answers(tmp_path: Path) -> None:
    extra = tmp_path / "probe.ttl"
    env = {"EXGRAPH_CACHE_DIR": str(tmp_path / "cache")}
    args = ("--data", str(extra), "--no-validate")
    probe(extra, "start-probe-one", "Start probe one")
    for _ in range(2):  # the second start reads the derived values back
        with running_server(*args, env=env) as url:
            doc = get(f"{url}/api/v1/exercises/start-probe-one")
            assert doc.status_code == 200 and doc.json()["name"] == "Start probe one"
            assert get(f"{url}/api/v1/exercises/start-probe-one/alternatives").status_code \
                == 200
    assert derived_names(tmp_path / "cache") >= {"records", "substitutes-engine", "known-iris"}

    probe(extra, "start-probe-two", "Start probe two")  # the exercise renamed and re-slugged
    with running_server(*args, env=env) as url:
        assert get(f"{url}/api/v1/exercises/start-probe-one").status_code == 404
        assert get(f"{url}/api/v1/exercises/start-probe-one/alternatives").status_code == 404
        doc = get(f"{url}/api/v1/exercises/start-probe-two")
        assert doc.status_code == 200 and doc.json()["name"] == "Start probe two"
        found = get(f"{url}/api/v1/suggest?q=start%20probe").json()["items"]
        assert [item["id"] for item in found] == ["start-probe-two"]


def test_an_update_through_the_server_survives_a_restart_of_a_store_directory(
        tmp_path: Path) -> None:
    token = tmp_path / "token"
    token.write_text(TOKEN + "\n", encoding="utf-8")
    env = {"EXGRAPH_CACHE_DIR": str(tmp_path / "cache"),
           "EXGRAPH_UPDATE_TOKEN_FILE": str(token)}
    args = ("--store", str(tmp_path / "store"))
    doc = "/api/v1/exercises/machine-back-extension"
    with running_server(*args, env=env) as url:
        before = get(url + doc).json()["name"]
    with running_server(*args, env=env) as url:  # read back: the same answer
        assert get(url + doc).json()["name"] == before
        update = requests.post(f"{url}/sparql", timeout=120,
                               data=rename("Back extension, renamed").encode(),
                               headers={"Content-Type": "application/sparql-update",
                                        "Authorization": f"Bearer {TOKEN}"})
        assert update.status_code == 200, update.text
        assert get(url + doc).json()["name"] == "Back extension, renamed"
    with running_server(*args, env=env) as url:  # a new stamp: nothing from before
        assert get(url + doc).json()["name"] == "Back extension, renamed"
        items = get(url + doc + "/alternatives").json()["items"]
        assert all(item["id"] != "machine-back-extension" for item in items)
    entries = list((tmp_path / "cache").glob("derived-records-*-disk*.json"))
    assert len({json.dumps(p.name.rsplit("-", 1)[-1]) for p in entries}) == 2  # two stamps
