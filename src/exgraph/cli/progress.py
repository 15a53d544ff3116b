"""Progress of the long commands, on a terminal only.

A phase that lasts (loading the graph, SHACL validation, pushing to a server) shows a running
clock on standard error, and a loop over many items (records of an import) a bar. Nothing is
shown when standard error is not a terminal: piped, redirected or in CI, a command writes the
same bytes as ever. On a terminal the line is cleared when the phase ends, and a phase shorter
than :data:`DELAY` seconds never shows, so quick commands stay quiet there too.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")

#: Seconds a phase or loop runs before it shows.
DELAY = 0.5
#: Seconds between redraws of a phase's clock.
TICK = 0.2


def on_terminal() -> bool:
    """Whether progress is shown: standard error is a terminal."""
    return sys.stderr.isatty()


@contextmanager
def phase(label: str) -> Iterator[None]:
    """Show ``label 00:03`` on a terminal while the block runs (after DELAY seconds)."""
    if not on_terminal():
        yield
        return
    from tqdm import tqdm  # only on a terminal: ~10 ms of every start otherwise (issue 25)

    bar = tqdm(desc=label, total=None, file=sys.stderr, leave=False, delay=DELAY,
               bar_format="{desc} {elapsed}")
    done = threading.Event()

    def tick() -> None:  # tqdm redraws on update() only: without these the clock would stand
        while not done.wait(TICK):
            bar.update(0)  # draws once DELAY has passed, and lets close() clear the line

    ticker = threading.Thread(target=tick, name="exgraph-progress", daemon=True)
    ticker.start()
    try:
        yield
    finally:
        done.set()
        ticker.join()
        bar.close()


def track(items: Iterable[T], label: str, total: int | None = None, unit: str = "it"
          ) -> Iterable[T]:
    """items, with a bar on a terminal (after DELAY seconds) counting them as they go."""
    if not on_terminal():
        return items
    from tqdm import tqdm

    return tqdm(items, desc=label, total=total, unit=unit, file=sys.stderr, leave=False,
                delay=DELAY)
