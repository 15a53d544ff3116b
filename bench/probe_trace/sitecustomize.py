"""Where a health probe's time goes inside ``exgraph serve`` (issue 21's probe tail).

Put this directory on the server's PYTHONPATH with EXGRAPH_PROBE_TRACE=FILE, e.g. for the soak:

    EXGRAPH_PROBE_TRACE=/tmp/trace.log PYTHONPATH=bench/probe_trace SOAK_SECONDS=150 \\
        .venv/bin/python bench/soak.py

Python imports ``sitecustomize`` at start-up; in an ``exgraph serve`` process (and nowhere
else) this one patches the guarded server and writes lines to FILE:

- ``probe``: per ``/healthz``, the seconds from accept to the whole head read (``acc->q``),
  queued to a worker thread starting it (``q->start``), the app (``app``) and the end of
  sending (``send``);
- ``loop``: an event-loop turn over 0.2 s, with the loop thread's own CPU seconds and its
  seconds waiting for a core (``runq``, from /proc/self/task/TID/schedstat); the rest of the
  turn it waited off the CPU, for the interpreter lock;
- ``gil``: a thread that sleeps 5 ms woke more than 150 ms late: ``runq`` of that was waiting
  for a core, the rest for the interpreter lock, and ``busy`` is where the other threads were
  when it got it;
- ``call``: writer steps and worker calls over 0.1 s (dump, trial, publish, snapshot ...).

A measuring aid, not part of the server: nothing imports it.
"""

from __future__ import annotations

import functools
import os
import sys
import threading
import time
import traceback
from typing import Any

if "serve" in sys.argv and os.environ.get("EXGRAPH_PROBE_TRACE"):
    OUT = open(os.environ["EXGRAPH_PROBE_TRACE"], "a", buffering=1)  # noqa: SIM115
    from waitress import wasyncore

    import exgraph.cli.guarded_server as guarded
    import exgraph.web.sparql.runner as runner_module
    import exgraph.web.sparql.writes as writes

    def schedstat() -> tuple[float, float]:
        """This thread's CPU seconds and seconds spent waiting for a core."""
        try:
            with open(f"/proc/self/task/{threading.get_native_id()}/schedstat") as f:
                cpu, delay, _ = f.read().split()
            return int(cpu) / 1e9, int(delay) / 1e9
        except OSError:
            return 0.0, 0.0

    def lateness() -> None:
        while True:
            _, delay0 = schedstat()
            began = time.time()
            time.sleep(0.005)
            late = time.time() - began - 0.005
            _, delay1 = schedstat()
            if late > 0.15:
                busy = []
                for frame in sys._current_frames().values():
                    stack = traceback.extract_stack(frame)
                    names = "/".join(f.name for f in stack[-4:])
                    if "wait" in stack[-1].name or "sleep" in names or "poll" in stack[-1].name:
                        continue
                    busy.append(f"{stack[-1].filename.rsplit('/', 1)[-1]}:{stack[-1].lineno}:"
                                f"{names}")
                OUT.write(f"gil late={late:.3f} runq={delay1 - delay0:.3f} at {began:.3f} "
                          f"busy={' | '.join(busy[:8])}\n")
            time.sleep(0.005)

    threading.Thread(target=lateness, daemon=True, name="probe-trace").start()

    original_poll = wasyncore.poll2

    def poll(timeout: float = 0.0, map: Any = None) -> Any:
        began = time.time()
        cpu0, delay0 = schedstat()
        result = original_poll(timeout, map)
        took = time.time() - began
        if took > 0.2:
            cpu1, delay1 = schedstat()
            OUT.write(f"loop iter={took:.3f} cpu={cpu1 - cpu0:.3f} runq={delay1 - delay0:.3f} "
                      f"at {began:.3f} chans={len(map or {})}\n")
        return result

    wasyncore.poll2 = poll

    original_add = guarded._Guarded.add_task

    def add_task(self: Any, channel: Any) -> None:
        requests = getattr(channel, "requests", None)
        if requests and requests[0].path == "/healthz":
            channel.probe_trace = {"accept": channel.creation_time, "queued": time.time()}
        original_add(self, channel)

    guarded._Guarded.add_task = add_task  # type: ignore[method-assign]

    original_service = guarded.GuardedChannel.service

    def service(self: Any) -> None:
        trace = getattr(self, "probe_trace", None)
        if trace is not None:
            trace["start"] = time.time()
        try:
            original_service(self)
        finally:
            if trace is not None:
                trace["done"] = time.time()

    guarded.GuardedChannel.service = service  # type: ignore[method-assign]

    original_close = guarded.GuardedChannel.handle_close

    def handle_close(self: Any) -> None:
        trace = getattr(self, "probe_trace", None)
        if trace is not None:
            now = time.time()
            start, done = trace.get("start", now), trace.get("done", now)
            OUT.write(f"probe accept={trace['accept']:.3f} "
                      f"acc->q={trace['queued'] - trace['accept']:.3f} "
                      f"q->start={start - trace['queued']:.3f} app={done - start:.3f} "
                      f"send={now - done:.3f} total={now - trace['accept']:.3f}\n")
            self.probe_trace = None
        original_close(self)

    guarded.GuardedChannel.handle_close = handle_close  # type: ignore[method-assign]

    def timed(owner: Any, name: str, label: str) -> None:
        original = getattr(owner, name)

        @functools.wraps(original)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            began = time.time()
            try:
                return original(*args, **kwargs)
            finally:
                took = time.time() - began
                if took > 0.1:
                    OUT.write(f"call {label} {took:.3f} at {began:.3f}\n")

        setattr(owner, name, wrapper)

    for step in ("dump_store", "apply_effect", "check_effect", "check_sources",
                 "check_literals", "effect_record", "_publish", "_snapshot"):
        timed(writes, step, step)
    for method in ("reload", "trial_update", "query"):
        timed(runner_module.QueryRunner, method, f"runner.{method}")
