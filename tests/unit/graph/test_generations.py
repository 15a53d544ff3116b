"""Generation caches across an update: the writer builds the next generation's values
(``prepare_caches`` under ``Store.ahead``) while readers keep the current ones (issue 21's
soak: the first API request after each update rebuilt the records for 26-33 s on the loaded
machine, and the requests behind it timed out)."""

from __future__ import annotations

import threading

import pyoxigraph as ox

from exgraph.graph.store import GenerationCache, OxigraphStore, Store, prepare_caches

EX = "http://example.org/"


def small_store() -> OxigraphStore:
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode(EX + "a"), ox.NamedNode(EX + "p"), ox.Literal("1")))
    return OxigraphStore(store)


class Counting:
    """A build that counts the triples it sees and how often it ran, and in which thread."""

    def __init__(self) -> None:
        self.builds: list[tuple[str, int]] = []

    def __call__(self, store: Store) -> int:
        triples = len(store)
        self.builds.append((threading.current_thread().name, triples))
        return triples


def test_the_writer_builds_the_next_generation_and_readers_keep_the_current() -> None:
    store = small_store()
    build = Counting()
    cache = GenerationCache(build)
    assert cache.get(store) == 1
    store.ox.add(ox.Quad(ox.NamedNode(EX + "b"), ox.NamedNode(EX + "p"), ox.Literal("2")))
    seen_meanwhile: list[int] = []

    def writer() -> None:
        prepare_caches(store, [cache])  # the data changed: build before the bump
        # another thread, before the bump: still the current generation's value
        reader = threading.Thread(target=lambda: seen_meanwhile.append(cache.get(store)))
        reader.start()
        reader.join()
        store.bump()

    thread = threading.Thread(target=writer, name="writer")
    thread.start()
    thread.join()
    assert seen_meanwhile == [1]
    assert cache.get(store) == 2  # after the bump: the prepared value, not a rebuild
    assert build.builds == [("MainThread", 1), ("writer", 2)]
    assert store.generation() == 1


def test_without_prepare_a_reader_builds_after_the_bump() -> None:
    store = small_store()
    build = Counting()
    cache = GenerationCache(build)
    cache.get(store)
    store.ox.add(ox.Quad(ox.NamedNode(EX + "b"), ox.NamedNode(EX + "p"), ox.Literal("2")))
    store.bump()
    assert cache.get(store) == 2
    assert [triples for _, triples in build.builds] == [1, 2]


def test_ahead_is_per_thread_and_ends_with_the_block() -> None:
    store = small_store()
    seen: list[object] = []
    with store.ahead():
        assert store.generation() == 1
        other = threading.Thread(target=lambda: seen.append(store.generation()))
        other.start()
        other.join()
    assert seen == [0]
    assert store.generation() == 0


def test_only_the_last_generations_are_kept() -> None:
    store = small_store()
    build = Counting()
    cache = GenerationCache(build)
    for _ in range(5):
        cache.get(store)
        store.bump()
    cache.get(store)
    assert len(build.builds) == 6
    values = cache._values[store]
    assert list(values) == [4, 5]
