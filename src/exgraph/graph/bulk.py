"""Filling an external engine with its own bulk loader instead of SPARQL Update (issue 25).

``exgraph load`` pushes the dataset through SPARQL Update: 1,000 triples a request into
staging graphs, then one update that moves them into place and rebuilds the union. That is
atomic (a failed load changes nothing) but slow: 294 s into Oxigraph server and 155 s into
Virtuoso for the bundled graph at load 16-21 (bench/RESULTS.md), hours at 100k exercises. The
engines' own loaders read a file instead:

* :func:`write_dataset` writes the dataset as the app expects to find it on an engine — every
  source graph, their union as the default graph, and a new generation stamp — as one N-Quads
  file (``exgraph load --dump FILE``);
* Oxigraph server takes it with ``oxigraph load --location DIR --file FILE`` before ``serve``
  (offline, parallel), or online with a ``PUT`` of the file to its Graph Store endpoint
  ``/store``, which replaces the whole dataset (:func:`put_dataset`, ``exgraph load --bulk``);
* Virtuoso takes it with its bulk loader, ``ld_dir`` + ``rdf_loader_run()`` through
  ``isql-vt`` (:func:`virtuoso_load`), the spec's ``default-graph=`` IRI given as the graph
  of the file's triples that name none (the union: Virtuoso has no default graph of its own).

Measured on the bundled graph (339,531 quads, 71 MB of N-Quads), one quiet moment at load ~4:
the dump 3 s (2.6 of them building the dataset, as ``exgraph load`` does), ``oxigraph load``
5.9 s, a ``PUT /store`` to a running Oxigraph server 12-21 s, Virtuoso's loader 4.3 s. At 10k
exercises (2.2M quads, load ~10): the dump 35-51 s, ``oxigraph load`` 52-54 s, Virtuoso 34.5 s;
at 100k (19.4M quads, 4.2 GB): the dump 154 s with 8.2 GB of peak memory (the dataset is built
in memory), ``oxigraph load`` 288 s, Virtuoso 280 s (bench/RESULTS.md, bench/engines.py).

The bulk paths are not the atomic switch of ``exgraph load``: Virtuoso's loader adds to what
the engine holds (so :func:`virtuoso_load` refuses an engine whose default graph has triples),
and an app reading while a ``PUT`` runs may see a part of the data. They fill an engine before
the apps use it. The file's stamp is for ``oxigraph load`` (the server is not running); the
online paths write a new stamp once the last quad is in, so what an app derived from a part of
the data (its caches, and the values apps share per stamp: remote.py ``derived_key``) is
never read back.
"""

from __future__ import annotations

import subprocess
import uuid
from pathlib import Path

import pyoxigraph as ox

from exgraph.errors import DataError
from exgraph.graph.remote import GENERATION_GRAPH, RemoteError, RemoteStore

#: Seconds a bulk request or ``isql-vt`` run may take: 100k exercises are ~8M quads.
BULK_TIMEOUT = 3600.0


def stamp_quad() -> str:
    """A new generation stamp as one N-Quads line (the quad ``stamp_update`` inserts)."""
    return (f'<{GENERATION_GRAPH}> <{GENERATION_GRAPH}#stamp> "{uuid.uuid4()}" '
            f"<{GENERATION_GRAPH}> .\n")


def write_dataset(dataset: ox.Store, path: Path) -> int:
    """Write dataset (what :func:`~exgraph.graph.load.load_oxigraph` builds: source graphs and
    their union as the default graph) to path as N-Quads, with a new generation stamp; returns
    the quads written. The file is written under a temporary name and renamed when whole."""
    temp = path.with_name(path.name + ".tmp")
    dataset.dump(output=str(temp), format=ox.RdfFormat.N_QUADS)
    with temp.open("a", encoding="utf-8") as out:
        out.write(stamp_quad())
    temp.replace(path)
    return len(dataset) + 1


def store_endpoint(store: RemoteStore) -> str:
    """The Graph Store endpoint of the whole dataset beside store's query URL: Oxigraph
    server's ``/store`` beside ``/query``; DataError for a server whose endpoint is not known
    (Virtuoso's Graph Store protocol takes one graph a request: use :func:`virtuoso_load`)."""
    if not store.query_url.endswith("/query"):
        raise DataError(f"no dataset endpoint known beside {store.query_url} (Oxigraph "
                        "server's /store is beside /query): write the file with --dump and "
                        "load it with the engine's own loader")
    return store.query_url[: -len("query")] + "store"


def put_dataset(store: RemoteStore, path: Path, timeout: float = BULK_TIMEOUT) -> None:
    """Replace the server's whole dataset with the N-Quads file path, in one ``PUT`` to its
    Graph Store endpoint (:func:`store_endpoint`); RemoteError when the server refuses it."""
    import requests

    url = store_endpoint(store)
    try:
        with path.open("rb") as body:
            response = store.session.put(url, data=body, timeout=timeout,
                                         headers={"Content-Type": "application/n-quads"})
    except requests.RequestException as exc:
        raise RemoteError(f"SPARQL server {url} unreachable: {exc}") from exc
    if response.status_code >= 400:
        raise RemoteError(f"PUT {url} failed with {response.status_code}: "
                          f"{response.text[:300]}")
    store.bump()  # a stamp after the last quad: nothing derived from a part is read back


def virtuoso_load(store: RemoteStore, path: Path, sql_port: int, *, user: str = "dba",
                  password: str = "dba", isql: str = "isql-vt",
                  timeout: float = BULK_TIMEOUT) -> None:
    """Load the N-Quads file path into the Virtuoso behind store with its bulk loader.

    path must be in a folder the server may read (its ini's ``DirsAllowed``). The file's triples
    that name no graph (the union) go into store's ``default-graph=`` IRI. Virtuoso's loader adds
    to what it holds, so an engine whose default graph has triples is refused (DataError);
    RemoteError when the loader reports an error or ``isql-vt`` fails.
    """
    if store.default_graph is None:
        raise DataError("a Virtuoso store spec names its default-graph= IRI")
    held = len(store)
    if held:
        raise DataError(f"{store.query_url} already holds {held} triples in its default graph: "
                        "Virtuoso's loader adds, it does not replace (load into a new database)")
    folder, name = str(path.resolve().parent), path.name
    if "'" in folder + name + store.default_graph:
        raise DataError(f"{path}: a path or graph with a quote cannot be given to isql-vt")
    # the load list is keyed by file name: a file loaded before is skipped unless forgotten
    _isql(isql, sql_port, user, password, timeout,
          f"delete from DB.DBA.load_list where ll_file = '{folder}/{name}'; "
          f"ld_dir('{folder}', '{name}', '{store.default_graph}'); "
          "rdf_loader_run(); checkpoint;")
    errors = _isql(isql, sql_port, user, password, timeout,
                   "select ll_file, ll_error from DB.DBA.load_list where ll_error is not null;")
    if "\n0 Rows." not in errors:
        raise RemoteError(f"Virtuoso's bulk loader failed: {errors.strip()[-500:]}")
    store.bump()  # a stamp after the last quad: nothing derived from a part is read back


def _isql(isql: str, port: int, user: str, password: str, timeout: float, sql: str) -> str:
    """What ``isql-vt`` printed running sql; RemoteError when it failed or SQL reported an
    error."""
    try:
        done = subprocess.run([isql, str(port), user, password, f"exec={sql}"],
                              capture_output=True, text=True, timeout=timeout, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise RemoteError(f"{isql} failed: {exc}") from exc
    said = done.stdout + done.stderr
    if done.returncode != 0 or "*** Error" in said:
        raise RemoteError(f"{isql} failed: {said.strip()[-500:]}")
    return said


def oxigraph_load(path: Path, location: Path, *, binary: str = "oxigraph",
                  timeout: float = BULK_TIMEOUT) -> None:
    """Load the N-Quads file path into the Oxigraph server directory location with
    ``oxigraph load`` (the server must not be running on it: RocksDB allows one process);
    RemoteError when it fails."""
    try:
        done = subprocess.run([binary, "load", "--location", str(location), "--file", str(path)],
                              capture_output=True, text=True, timeout=timeout, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise RemoteError(f"{binary} load failed: {exc}") from exc
    if done.returncode != 0:
        raise RemoteError(f"{binary} load failed: {done.stderr.strip()[-500:]}")
