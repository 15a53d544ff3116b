"""Per-app caches above the store, keyed on the store's generation.

:class:`ApiState` holds what the API builds once and reuses (the dataset tag, the IRIs that
exist, export bytes, recent answers). It belongs to one app and one store generation: when the
store reports a new generation (an update through this process, or ``exgraph load`` on a shared
external server seen by every process), the next request finds a fresh, empty state.

Caches that hold what clients ask for (responses, /sparql answers) are :class:`ByteLRU` maps:
bounded by the bytes they hold, not by a count, so no choice of keys can grow them past a budget.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, Generic, TypeVar

from flask import Flask, current_app
from rdflib import URIRef

from exgraph import __version__ as _version
from exgraph.config import DEFAULTS
from exgraph.errors import ExgraphError
from exgraph.graph.store import Store, derived_value
from exgraph.queries.catalogue import known_iris

#: Filter combinations of the exercise list whose ordered matches are kept per app.
RECENT = 128

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class ByteLRU(Generic[K, V]):
    """A thread-safe least-recently-used map whose entries' sizes (in bytes, as the caller counts
    them: key and value) add up to at most ``budget``. An entry larger than the budget is not
    kept; a budget of 0 keeps nothing."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.size = 0
        self._lock = threading.Lock()
        self._entries: OrderedDict[K, tuple[V, int]] = OrderedDict()

    def get(self, key: K) -> V | None:
        """The value under key (now the most recently used), or None."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            self._entries.move_to_end(key)
            return entry[0]

    def put(self, key: K, value: V, size: int) -> None:
        """Keep value under key, dropping the least recently used entries to make room."""
        if size > self.budget:
            return
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self.size -= old[1]
            self._entries[key] = (value, size)
            self.size += size
            while self.size > self.budget:
                _, (_, dropped) = self._entries.popitem(last=False)
                self.size -= dropped

    def __len__(self) -> int:
        return len(self._entries)


class ApiState:
    """Caches of one app, built lazily under a lock; :func:`invalidate` drops them."""

    def __init__(self, store: Store, generation: Hashable = 0) -> None:
        self.store = store
        self.generation = generation
        # re-entrant: building one value may read another (an export's ETag reads the tag)
        self._lock = threading.RLock()
        self._cache: dict[str, Any] = {}
        self._building: dict[str, threading.RLock] = {}

    def cached(self, key: str, build: Callable[[], T]) -> T:
        """The value under key, built once by build(), under a lock of that key alone: /healthz
        (the triple count, once per generation) waited behind the build of a page or of the
        exercise index after every committed update, a second and more on the loaded machine
        (issue 21's soak), when one lock served every key."""
        try:
            return self._cache[key]  # type: ignore[no-any-return]
        except KeyError:
            pass
        with self._lock:
            building = self._building.setdefault(key, threading.RLock())
        with building:
            if key not in self._cache:
                value = build()
                with self._lock:
                    self._cache[key] = value
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

    def sized(self, family: str, budget: int) -> ByteLRU[Any, Any]:
        """The byte-bounded cache of family (created with budget on first use)."""
        return self.cached(f"sized:{family}", lambda: ByteLRU(budget))

    def clear(self) -> None:
        with self._lock:
            self._cache.clear()

    @property
    def triples(self) -> int:
        """The number of triples in the store's default graph, counted once per generation."""
        return self.cached("triples", lambda: derived_value(
            self.store, "triple-count", len, lambda n: n, _count))

    @property
    def tag(self) -> str:
        """A short hash of the dataset: its triple count (:attr:`triples`: on unchanged data
        read from beside the store's snapshot, so the first answer after a start does not wait
        for the store), backend and the code version."""
        def build() -> str:
            text = f"{self.triples}|{self.store.backend}|{_version}"
            return hashlib.blake2b(text.encode(), digest_size=6).hexdigest()
        return self.cached("tag", build)

    def known(self) -> dict[str, frozenset[URIRef]]:
        """The IRIs of every exercise, muscle, equipment kind and goal, by kind."""
        return self.cached("known", lambda: known_iris(self.store))

    def is_known(self, kind: str, iri: URIRef) -> bool:
        """Whether the graph has this IRI as a thing of kind."""
        return iri in self.known().get(kind, frozenset())


def _count(value: Any) -> int:
    if not isinstance(value, int):
        raise TypeError("not a count")
    return value


class UriTooLong(ExgraphError):
    """A URL longer than the JSON API accepts (setting MAX_URL_BYTES)."""

    status = 414


def setting(key: str, app: Flask | None = None) -> int:
    """An integer setting of app (the current app by default)."""
    config = (app or current_app).config
    return int(config.get(key, DEFAULTS[key]))


def state(app: Flask | None = None) -> ApiState:
    """The cache state of app (the current app by default) for its store's current generation.

    A new generation (the data changed, here or in another process sharing the store) gives a
    new, empty state; the old one is dropped whole.
    """
    app = app or current_app
    store: Store = app.extensions["exgraph_store"]
    generation = store.generation()
    api_state = app.extensions.get("exgraph_api")
    if (not isinstance(api_state, ApiState) or api_state.store is not store
            or api_state.generation != generation):
        api_state = app.extensions["exgraph_api"] = ApiState(store, generation)
    return api_state


def invalidate(app: Flask) -> None:
    """Drop the app's caches (call after changing the store): the store moves to a new
    generation, so every process that shares it drops its caches too."""
    app.extensions["exgraph_store"].bump()
    app.extensions.pop("exgraph_api", None)


