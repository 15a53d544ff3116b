"""Every path and setting of exgraph, read once.

Paths: the vocabulary, shapes, bundled data and named queries ship inside the package
(``exgraph/_bundle/`` in a wheel, copied there by the build from the top-level ``ontology/``,
``data/`` and ``queries/``); in a checkout they are read from those top-level folders.
``EXGRAPH_HOME`` points at another folder with the same layout.

Settings: :data:`SETTINGS` lists every ``EXGRAPH_*`` environment variable with its default and
meaning; the README's table is checked against it by a test.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PACKAGE_DIR = Path(__file__).resolve().parent
BUNDLE_DIR = PACKAGE_DIR / "_bundle"


def _resource_root() -> Path:
    home = os.environ.get("EXGRAPH_HOME")
    if home:
        return Path(home)
    if (BUNDLE_DIR / "ontology").is_dir():  # installed from a wheel
        return BUNDLE_DIR
    return PACKAGE_DIR.parents[1]  # a checkout: src/exgraph -> the repository root


#: Where ``ontology/``, ``data/`` and ``queries/`` are read from.
RESOURCES = _resource_root()
ONTOLOGY_FILE = RESOURCES / "ontology" / "exgraph.ttl"
SHAPES_FILE = RESOURCES / "ontology" / "shapes.ttl"
DATA_DIR = RESOURCES / "data"
QUERIES_DIR = RESOURCES / "queries"


@dataclass(frozen=True)
class Setting:
    """One setting: its Flask config key, default, and what it means."""

    key: str
    default: Any
    help: str

    @property
    def env(self) -> str:
        """The environment variable that sets it."""
        return f"EXGRAPH_{self.key}"


#: Every server setting. ``create_app`` reads them: defaults, then ``EXGRAPH_*`` variables
#: (parsed as JSON when they parse, so ``EXGRAPH_MAX_ROWS=500`` is an int), then its argument.
SETTINGS: tuple[Setting, ...] = (
    Setting("STORE_SPEC", "oxigraph",
            "oxigraph (memory), rdflib, a directory (Oxigraph on disk) or sparql+http://HOST:PORT/PATH"),
    Setting("EXTRA_DATA", [], "extra Turtle files loaded beside the bundled graph"),
    Setting("QUERY_TIMEOUT", 5.0, "seconds a /sparql query may run before its worker is killed"),
    Setting("MAX_ROWS", 10_000, "result-row cap for /sparql"),
    Setting("SPARQL_WORKERS", 2, "worker processes that run /sparql queries"),
    Setting("UPDATE_TOKEN", None,
            "SPARQL Update is refused (403) unless set and presented as a bearer token"),
    Setting("BASE_IRI", "https://w3id.org/exgraph/",
            "the IRI this server's paths stand for: /id/KIND/SLUG describes <BASE_IRI>id/KIND/SLUG"
            " and /ontology <BASE_IRI>ontology; set it when the graph's IRIs are minted under"
            " the host you serve from rather than under w3id.org"),
    Setting("UPDATE_TOKEN_FILE", None,
            "a file whose first line is the update token: keeps it out of argv and the "
            "environment (read at start; wins over UPDATE_TOKEN)"),
    Setting("MAX_DELETE_TRIPLES", 1000,
            "an update removing more triples than this (or any DROP or CLEAR) is refused (400) "
            "unless it carries the header Exgraph-Allow-Destructive: true"),
    Setting("SNAPSHOT_DIR", None,
            "where a snapshot (N-Quads) of the whole store is written before a destructive "
            "update; unset: snapshots/ in the state directory ($XDG_STATE_HOME/exgraph, or "
            "DIR-state beside an on-disk store DIR)"),
    Setting("AUDIT_LOG", None,
            "the append-only audit log of SPARQL Updates (one JSON line each, applied or "
            "refused); unset: audit.jsonl in the state directory"),
    # The write path's bounds (issue 21)
    Setting("UPDATE_TIMEOUT", 30.0,
            "seconds an update's trial run (which computes what it changes) may take before "
            "its worker is killed (503); a DROP ALL of the bundled graph takes 4 to 6 s"),
    Setting("DELETE_BUDGET", 5000,
            "triples one update token may remove per DELETE_WINDOW seconds; an update passing "
            "it needs the header Exgraph-Allow-Destructive: true (and gets a snapshot)"),
    Setting("DELETE_WINDOW", 3600, "seconds over which DELETE_BUDGET counts a token's removals"),
    Setting("AUDIT_EFFECT_BYTES", 256 * 1024,
            "largest committed effect (N-Quads added and removed) the audit line carries whole, "
            "so the log replays onto a snapshot; larger ones carry its SHA-256 only"),
    Setting("AUDIT_MAX_BYTES", 64 * 1024 * 1024,
            "size at which the audit log is rotated (audit.jsonl -> audit.jsonl.1 ...); 0: never"),
    Setting("AUDIT_KEEP", 4, "rotated audit logs kept beside the current one"),
    Setting("REFUSAL_LOG_INTERVAL", 60,
            "seconds between audit lines about updates refused for want of the token (each "
            "counts the refusals since the last, with one as a sample); none when updates are "
            "off"),
    Setting("SNAPSHOT_KEEP", 5, "snapshots kept (the oldest are removed first); 0: no limit"),
    Setting("SNAPSHOT_MAX_BYTES", 1024 * 1024 * 1024,
            "bytes all snapshots may take together (the oldest are removed first); 0: no limit"),
    Setting("SNAPSHOT_MIN_FREE_BYTES", 512 * 1024 * 1024,
            "free disk space a snapshot must leave, else the destructive update is refused "
            "(507) and nothing changes"),
    # What one request may cost
    Setting("MAX_QUERY_BYTES", 64 * 1024,
            "largest /sparql query or update, in bytes as sent (413 beyond)"),
    Setting("MAX_QUERY_NESTING", 64,
            "deepest bracket nesting of a /sparql query or update (400 beyond)"),
    Setting("MAX_QUERY_OPERATORS", 4000,
            "most operators and nesting keywords (UNION, OPTIONAL, FILTER...) in a /sparql "
            "query or update (400 beyond): the engines recurse on them"),
    Setting("MAX_ANSWER_BYTES", 16 * 1024 * 1024,
            "largest /sparql answer in bytes; longer ones are cut and carry X-Exgraph-Truncated"),
    Setting("WORKER_MEMORY_MB", 1024,
            "address-space limit (RLIMIT_AS) of each /sparql worker process, in MiB; 0: none"),
    # issue 21, the probe tail: workers run the attackers' queries and reload the whole graph
    # after every update; below the web process's priority they leave it the CPU it needs
    Setting("WORKER_NICE", 5,
            "how many steps of CPU priority (nice) the /sparql worker processes run below the "
            "server's; 0: the same"),
    Setting("SPARQL_CONCURRENCY", 8,
            "/sparql requests handled at once; more get 503 with Retry-After, so /sparql "
            "never holds every server thread (exgraph serve keeps it at most THREADS - 2)"),
    Setting("API_CONCURRENCY", 12,
            "JSON API, page and export requests handled at once; more get 503 with "
            "Retry-After, so they never hold every server thread (exgraph serve keeps "
            "SPARQL_CONCURRENCY + API_CONCURRENCY at most THREADS - 2: /healthz always has one)"),
    Setting("SPARQL_CACHE_BYTES", 32 * 1024 * 1024,
            "bytes of /sparql answers kept per data generation (0: none)"),
    Setting("API_CACHE_BYTES", 32 * 1024 * 1024,
            "bytes of JSON API responses kept per data generation (0: none)"),
    Setting("EXPORT_CONCURRENCY", 4,
            "whole-graph exports (/export.*) being sent at once, each from a file prepared once "
            "per data generation; more get 503 with Retry-After"),
    Setting("MAX_JSON_DEPTH", 64,
            "deepest nesting of arrays and objects in a JSON request body, e.g. a plan POST "
            "(400 beyond)"),
    Setting("MAX_URL_BYTES", 8 * 1024,
            "longest JSON API or export URL, path and query string (414 beyond)"),
    Setting("MAX_LIST_VALUES", 256,
            "most values one JSON API parameter may carry, repeated or comma-separated "
            "(400 beyond)"),
    # What the command line reads (refused beyond, before a file is read whole)
    Setting("MAX_ARTICLE_BYTES", 1024 * 1024,
            "largest article file exgraph ingest reads, in bytes"),
    Setting("MAX_DATASET_BYTES", 64 * 1024 * 1024,
            "largest JSON file exgraph import reads, in bytes (wger's largest is 3.2 MB)"),
    Setting("MAX_QUERY_FILE_BYTES", 1024 * 1024,
            "largest query file exgraph sparql FILE reads, in bytes"),
    Setting("MAX_DATA_FILE_BYTES", 256 * 1024 * 1024,
            "largest Turtle file exgraph validate FILES reads, in bytes (the bundled ones are "
            "at most 3.4 MB)"),
    # Training history (issue 26): the private store of users' logs, never the public one
    Setting("HISTORY_DIR", None,
            "where users (users.json, token hashes) and their training logs (logs/ID.nq, one "
            "N-Quads file per user, each its own named graph) are kept; unset: history/ in the "
            "state directory. Never served by /sparql, the exports or the pages"),
    Setting("LOG_CACHE_SETS", 500_000,
            "most logged sets the server keeps in memory over all users' logs (least recently "
            "used dropped first, read again on use); about 1 KB each"),
    Setting("MAX_LOG_BYTES", 32 * 1024 * 1024,
            "largest training-log file an import reads (exgraph log import, POST "
            "/api/v1/me/imports: 413 beyond), in bytes"),
    Setting("MAX_LOG_ROWS", 200_000,
            "most rows (sets) one training-log import reads (400 beyond, naming the line)"),
    # exgraph serve (waitress)
    Setting("THREADS", 24, "request threads of exgraph serve"),
    Setting("CONNECTION_LIMIT", 1000,
            "connections exgraph serve holds open at once; more wait in the listen backlog"),
    Setting("BACKLOG", 4096,
            "connections the kernel queues for exgraph serve before it accepts them (capped by "
            "net.core.somaxconn); a connection arriving at a full queue is dropped and its "
            "client tries again 1 s later, then 3 s"),
    Setting("CHANNEL_TIMEOUT", 30,
            "seconds exgraph serve keeps a connection that sends and reads nothing"),
    Setting("CLEANUP_INTERVAL", 5,
            "seconds between exgraph serve's sweeps that close such connections"),
    Setting("CONNECTIONS_PER_ADDRESS", 64,
            "connections exgraph serve holds open from one client address; one more is closed "
            "at once (0: no cap; behind a proxy, set it above the proxy's upstream connections)"),
    Setting("HEADER_TIMEOUT", 10,
            "seconds a request's head (request line and headers) may take to arrive, from its "
            "first byte or from the connection's accept; slower connections are closed at the "
            "next sweep"),
    Setting("CACHE_DIR", None,
            "where a copy of the loaded store is cached per data version, so a start reads it "
            "back instead of parsing every file; unset: $XDG_CACHE_HOME/exgraph or "
            "~/.cache/exgraph; empty: no cache (read from the environment by every command)"),
    # --- pages (issue 24): pictures whose origin is disputed (web/pages/images.py) ---
    Setting("SHOW_DISPUTED_IMAGES", False,
            "show free-exercise-db's pictures on exercise pages (public domain by its "
            "declaration, no author, origin disputed); off: they are left out, and said so"),
)

DEFAULTS: dict[str, Any] = {s.key: s.default for s in SETTINGS}


def with_imports() -> bool:
    """Whether the bundled graph includes ``data/imported/`` (the dataset imports).

    Yes, unless the environment says ``EXGRAPH_IMPORTS=0`` (a smaller graph for quick checks).
    """
    return os.environ.get("EXGRAPH_IMPORTS", "1") != "0"
