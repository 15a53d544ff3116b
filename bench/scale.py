"""In-process CPU of what grows with the exercises (issue 25, fifth pass), on a grown graph in a
memory store: the records' first build and their entry, the list index and the first page of
each filter, and what each derived entry costs to read back.

    .venv/bin/python bench/scale.py 3000 --dir /work/tmp/grown   # records, lists, read-backs

The grown graph (``bench/generate.py``: the bundled graph replicated to N exercises) is written
to ``DIR/grown-N.nt`` once and reused. For an A/B against other code, run the same command with
``PYTHONPATH`` pointing at a ``git archive`` of that code's ``src`` (with ``queries``, ``data``
and ``ontology`` beside it): exgraph is imported before this script adds the worktree to the
path, so the archive's code is the one measured (the JSON line names the module it ran).
Every figure is CPU seconds (``time.process_time``) of this process: the machine's other load
does not change them the way it changes wall time.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import marshal
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import exgraph.records.build as records_build
from exgraph.queries import listing

sys.path.insert(0, str(Path(__file__).resolve().parent))

#: Filters of the exercise list timed at their first page (no memo: each is a new filter).
LIST_CASES: tuple[dict[str, str], ...] = (
    {}, {"muscle": "glutes"}, {"equipment": "barbell"}, {"difficulty": "low"},
    {"exclude_equipment": "machine"},
    {"muscle": "glutes", "role": "primary", "equipment": "barbell"})


def cpu(fn: Callable[[], Any]) -> tuple[Any, float]:
    """fn's value and the CPU seconds it took."""
    start = time.process_time()
    value = fn()
    return value, time.process_time() - start


def records(store: Any) -> dict[str, Any]:
    """The records' first build and the bytes of their entry (JSON before the fifth pass)."""
    built, took = cpu(lambda: records_build.build_records(store))
    encode = getattr(records_build, "encode_records", None)
    if encode is not None:
        data, took_encode = cpu(lambda: marshal.dumps(encode(built)))
    else:
        data, took_encode = cpu(lambda: json.dumps(built.as_json()).encode())
    same = hashlib.sha256(json.dumps(built.as_json()).encode()).hexdigest()[:16]
    return {"build_s": round(took, 2), "entry_s": round(took_encode, 2),
            "entry_mb": round(len(data) / 1e6, 1), "records": len(built.records),
            "as_json_sha256": same}


def lists(store: Any) -> dict[str, Any]:
    """The list index's build (the records read from the generation cache), then each filter's
    first page (best of 3, ms) and the exercises of a muscle."""
    from rdflib import URIRef

    from exgraph.queries.list_index import list_index

    records_build.records_for(store)
    _, built = cpu(lambda: list_index(store))
    out: dict[str, Any] = {"list_index_build_s": round(built, 2)}
    for values in LIST_CASES:
        runs = [cpu(partial(listing.exercise_list, store, values, None, limit=20, offset=0))
                for _ in range(3)]
        name = "&".join(f"{k}={v}" for k, v in values.items()) or "all"
        out[name] = {"ms": round(min(r[1] for r in runs) * 1000, 1),
                     "total": runs[0][0]["total"]}
    glutes = URIRef("https://w3id.org/exgraph/id/muscle/glutes")
    runs = [cpu(lambda: listing.muscle_exercise_items(store, glutes, {}, None))
            for _ in range(3)]
    out["muscle_exercise_items glutes"] = {"ms": round(min(r[1] for r in runs) * 1000, 1),
                                           "total": len(runs[0][0])}
    return out


def read_backs(store: Any) -> dict[str, Any]:
    """Each derived entry's marshal size and the CPU of reading it back (ms)."""
    from exgraph.queries import list_index as lists_module
    from exgraph.search import index as search_module

    encode_list = getattr(lists_module, "_encode_list_index", lambda i: (
        i.rows, dict(i.facts), *((dict(i.having),) if hasattr(i, "having") else ())))
    entries: list[tuple[str, Any, Callable[[Any], Any], Callable[[Any], Any]]] = [
        ("list-index", lists_module.list_index(store), encode_list,
         lists_module._decode_list_index)]
    if hasattr(search_module.SearchIndex, "state"):
        entries.append(("search-index", search_module.index_for(store),
                        search_module.SearchIndex.state, search_module.SearchIndex.from_state))
    if hasattr(records_build, "encode_records"):
        entries.append(("records", records_build.records_for(store),
                        records_build.encode_records, records_build.decode_records))
    out = {}
    for name, value, encode, decode in entries:
        data = marshal.dumps(encode(value))
        _, took = cpu(lambda: decode(marshal.loads(data)))  # noqa: B023  # called at once
        out[name] = {"mb": round(len(data) / 1e6, 1), "read_back_ms": round(took * 1000)}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("exercises", type=int)
    parser.add_argument("--dir", type=Path, required=True)
    parser.add_argument("--only", choices=("records", "lists", "read-backs"))
    args = parser.parse_args()
    import bigstore

    from exgraph.graph.load import bundled_files, load_oxigraph
    from exgraph.graph.store import OxigraphStore

    grown = bigstore.grown_file(args.exercises, args.dir)
    store = OxigraphStore(load_oxigraph([*bundled_files(), grown]))
    out: dict[str, Any] = {"module": records_build.__file__, "exercises": args.exercises}
    for name, part in (("records", records), ("lists", lists), ("read-backs", read_backs)):
        if args.only in (None, name):
            out[name] = part(store)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
