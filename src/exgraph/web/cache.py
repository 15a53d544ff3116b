"""Per-app caches above the store, keyed on the store's generation.

:class:`ApiState` holds what the API builds once and reuses (the dataset tag, the IRIs that
exist, export bytes, recent answers). It belongs to one app and one store generation: when the
store reports a new generation (an update through this process, or ``exgraph load`` on a shared
external server seen by every process), the next request finds a fresh, empty state.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from flask import Flask, current_app
from rdflib import URIRef

from exgraph import __version__ as _version
from exgraph.graph.store import Store
from exgraph.queries.catalogue import known_iris

#: Filter combinations of the exercise list whose ordered matches are kept per app.
RECENT = 128

T = TypeVar("T")


class ApiState:
    """Caches of one app, built lazily under a lock; :func:`invalidate` drops them."""

    def __init__(self, store: Store, generation: Hashable = 0) -> None:
        self.store = store
        self.generation = generation
        self._lock = threading.Lock()
        self._cache: dict[str, Any] = {}

    def cached(self, key: str, build: Callable[[], T]) -> T:
        """The value under key, built once by build()."""
        try:
            return self._cache[key]  # type: ignore[no-any-return]
        except KeyError:
            pass
        with self._lock:
            if key not in self._cache:
                self._cache[key] = build()
            return self._cache[key]  # type: ignore[no-any-return]

    def recent(self, family: str, key: Hashable, build: Callable[[], T]) -> T:
        """The value of family under key, built by build(); the last RECENT keys are kept."""
        with self._lock:
            entries: OrderedDict[Hashable, Any] = self._cache.setdefault(family, OrderedDict())
            if key in entries:
                entries.move_to_end(key)
                return entries[key]  # type: ignore[no-any-return]
        value = build()  # outside the lock: a slow query must not hold up other requests
        with self._lock:
            entries[key] = value
            while len(entries) > RECENT:
                entries.popitem(last=False)
        return value

    def lookup(self, family: str, key: Hashable) -> Any:
        """The value of family under key, or None."""
        with self._lock:
            entries = self._cache.get(family)
            if entries is None or key not in entries:
                return None
            entries.move_to_end(key)
            return entries[key]

    def remember(self, family: str, key: Hashable, value: Any, keep: int = RECENT) -> None:
        """Put value under key in family, keeping the last ``keep`` keys."""
        with self._lock:
            entries: OrderedDict[Hashable, Any] = self._cache.setdefault(family, OrderedDict())
            entries[key] = value
            entries.move_to_end(key)
            while len(entries) > keep:
                entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._cache.clear()

    @property
    def tag(self) -> str:
        """A short hash of the dataset: its triple count, backend and the code version."""
        def build() -> str:
            rows = self.store.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
            text = f"{rows[0]['n']}|{self.store.backend}|{_version}"
            return hashlib.blake2b(text.encode(), digest_size=6).hexdigest()
        return self.cached("tag", build)

    def known(self) -> dict[str, frozenset[URIRef]]:
        """The IRIs of every exercise, muscle, equipment kind and goal, by kind."""
        return self.cached("known", lambda: known_iris(self.store))

    def is_known(self, kind: str, iri: URIRef) -> bool:
        """Whether the graph has this IRI as a thing of kind."""
        return iri in self.known().get(kind, frozenset())


def state(app: Flask | None = None) -> ApiState:
    """The cache state of app (the current app by default) for its store's current generation.

    A new generation (the data changed, here or in another process sharing the store) gives a
    new, empty state; the old one is dropped whole.
    """
    app = app or current_app
    store: Store = app.extensions["exgraph_store"]
    generation = store.generation()
    api_state = app.extensions.get("exgraph_api")
    if api_state is None or api_state.store is not store or api_state.generation != generation:
        api_state = app.extensions["exgraph_api"] = ApiState(store, generation)
    return api_state  # type: ignore[no-any-return]


def invalidate(app: Flask) -> None:
    """Drop the app's caches (call after changing the store): the store moves to a new
    generation, so every process that shares it drops its caches too."""
    app.extensions["exgraph_store"].bump()
    app.extensions.pop("exgraph_api", None)


