"""Garbage collection while a server starts (issue 25, "instant start").

A start on unchanged data reads its long-lived values back (records, indexes, the substitutes
engine: 100-270 thousand objects) and then serves until it exits. Python's collector walks all
of them again and again as they accumulate: ~40 ms of a ``--store`` start's ~0.45 s of CPU,
for collections that found ~70 unreachable objects. Afterwards every full collection walks
them once more (0.05-0.5 s with the interpreter lock held, on this machine).

:class:`QuietStart` turns collection off for the start and, when the server is ready, freezes
what the start built (:func:`gc.freeze`: later collections skip it) and turns collection on.
A start that builds rather than reads back (a cold cache, ``--data`` checked against the
shapes: a million allocations, half of them garbage by the end) must not keep its garbage: a
watchdog thread turns collection back on once the allocations since the start pass
``most`` (a start on unchanged data stays well under it), and such a start collects once before
freezing (0.6 s against the 20 s of CPU of that start).
"""

from __future__ import annotations

import gc
import threading

from exgraph.graph.store import freeze_heap

#: Allocations (net, container objects: ``gc.get_count()[0]``) after which a start is heavy.
MOST = 500_000
#: Seconds between the watchdog's looks at the count.
TICK = 0.05


class QuietStart:
    """Collection off from construction until :meth:`settle` (or :meth:`abandon`)."""

    def __init__(self, most: int = MOST, tick: float = TICK) -> None:
        self.most = most
        self.heavy = False
        self._was_enabled = gc.isenabled()
        self._stop = threading.Event()
        gc.disable()
        self._watchdog = threading.Thread(target=self._watch, args=(tick,), daemon=True,
                                          name="exgraph-quiet-start")
        self._watchdog.start()

    def _watch(self, tick: float) -> None:
        while not self._stop.wait(tick):
            if gc.get_count()[0] > self.most:
                self.heavy = True
                if self._was_enabled:
                    gc.enable()
                return

    def settle(self) -> None:
        """The server is ready: collect once if the start was heavy, freeze what is left, and
        collect as usual from now on."""
        self._stop.set()
        self._watchdog.join()
        if self.heavy or gc.get_count()[0] > self.most:
            self.heavy = True
            gc.collect()
        freeze_heap(collect=False)  # the one home of the freeze (the writer's too)
        if self._was_enabled:
            gc.enable()

    def abandon(self) -> None:
        """The start failed (or the server stops): collection as it was. Idempotent."""
        self._stop.set()
        if self._was_enabled:
            gc.enable()
