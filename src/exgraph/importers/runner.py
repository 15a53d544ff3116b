"""Running an import: the graph it matches against, validation, and the one atomic write.

Order of imports: curated data → free-exercise-db → wger. Each import matches its records against
the bundled graph **without** its own previous output and without the outputs of imports that come
after it (``IMPORT_ORDER``), so re-running an import gives the same bytes, and wger merges into
free-exercise-db's resources but never the other way round. Validation then checks the whole
bundled graph as it will be: every bundled file except the one being replaced, plus the output.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, URIRef

from exgraph.config import DATA_DIR
from exgraph.graph.export import serialize, write_atomic
from exgraph.graph.load import bundled_files, load_graph, parse_file
from exgraph.graph.safe_files import commit_files, recover, remove_stale
from exgraph.graph.validate import validate_graph
from exgraph.importers.common import DatasetError, ImportRecord, Summary
from exgraph.importers.mapping import Catalogue, GraphBuilder
from exgraph.merge.apply import ALIASES_FILE

#: Imports in the order they build on each other.
IMPORT_ORDER: tuple[str, ...] = ("free-exercise-db", "wger")
#: Below this share of mapped records an import fails instead of writing.
MIN_MAPPED = 0.99
#: Problems shown when the output does not validate.
MAX_PROBLEMS = 20


@dataclass
class ImportResult:
    """The Turtle of an import (deterministic bytes), its graph and what it did."""

    data: bytes
    graph: Graph
    summary: Summary


def imported_path(data_dir: Path, dataset: str) -> Path:
    """Where ``--into data_dir`` puts dataset's Turtle: ``data_dir/imported/<dataset>.ttl``."""
    return Path(data_dir) / "imported" / f"{dataset}.ttl"


def run_import(
    dataset: str,
    records: list[ImportRecord],
    dataset_source: Graph,
    *,
    data_dir: Path | None = None,
    muscle_table: Mapping[str, URIRef] | None = None,
    equipment_table: Mapping[str, URIRef] | None = None,
    min_mapped: float = MIN_MAPPED,
    validate: bool = True,
    phase: Callable[[str], AbstractContextManager[object]] = nullcontext,
) -> ImportResult:
    """Map records onto the bundled graph of data_dir (default: the project's data/).

    ``dataset_source`` holds the dataset-level exg:Source node(s). Raises DatasetError when fewer
    than ``min_mapped`` of the records map or the bundled graph with the output does not
    validate, DataError when a bundled file does not parse. Writes nothing. ``phase(label)``
    wraps each slow step (the command line shows it on a terminal).
    """
    data_dir = DATA_DIR if data_dir is None else Path(data_dir)
    position = IMPORT_ORDER.index(dataset)
    replaced = imported_path(data_dir, dataset).resolve()
    later = {imported_path(data_dir, name).resolve() for name in IMPORT_ORDER[position + 1:]}
    # the alias map is applied when the graph is loaded; the match runs on the resources as
    # each source minted them, so re-running an import gives the same bytes
    # nor does it see the inference rules' output, which is computed from the imports, nor the
    # reviewed layer (issue 22), which corrects the imports' resources: matching against it
    # would take a corrected resource for a curated one and drop wger's text for it
    # nor the search synonyms (data/synonyms.ttl: hidden labels on imported resources, which
    # would make an imported exercise look curated)
    aliases = (data_dir / ALIASES_FILE.name).resolve()
    synonyms = (data_dir / "synonyms.ttl").resolve()
    derived = {(data_dir / "inferred").resolve(), (data_dir / "reviewed").resolve()}
    files = [f for f in bundled_files(data_dir, imported=True)
             if f.resolve() not in (replaced, aliases, synonyms)
             and not derived & set(f.resolve().parents)]
    with phase("loading the bundled graph"):
        graph = load_graph(files=[f for f in files if f.resolve() not in later],
                           data_dir=data_dir)

    summary = Summary(dataset)
    builder = GraphBuilder(Catalogue(graph, muscle_table, equipment_table), summary, dataset_source)
    out = builder.add_all(records)
    summary.triples = len(out)
    if summary.mapped_ratio < min_mapped:
        raise DatasetError(
            f"{dataset}: only {summary.mapped} of {summary.read} records mapped "
            f"({100 * summary.mapped_ratio:.1f}% < {100 * min_mapped:.0f}%); nothing written\n"
            + summary.text()
        )
    data = serialize(out, "turtle")
    summary.size = len(data)
    if validate:
        with phase("validating with SHACL"):
            for path in files:
                if path.resolve() in later:
                    parse_file(path, graph)
            graph += out
            report = validate_graph(graph)
        if not report.conforms:
            problems = "\n".join(str(p) for p in report.problems[:MAX_PROBLEMS])
            raise DatasetError(
                f"{dataset}: the bundled graph with this import does not validate "
                f"({len(report.problems)} problem(s)); nothing written\n{problems}"
            )
    return ImportResult(data, out, summary)


def write_result(result: ImportResult, *, output: Path | None = None,
                 into: Path | None = None) -> Path | None:
    """Write the Turtle atomically to output, or to ``into/imported/<dataset>.ttl`` (as a
    commit of :func:`exgraph.graph.safe_files.commit_files`, which a later
    :func:`clean_up` undoes if the process is killed half way).

    Returns the path written, or None when neither is given. Raises DatasetError when the file
    cannot be written (the previous version, if any, is left as it was).
    """
    if into is not None:
        output = imported_path(into, result.summary.dataset)
    if output is None:
        return None
    try:
        if into is not None:
            commit_files(output.parent, {output.name: result.data})
        else:
            output.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(output, result.data)
    except OSError as exc:
        raise DatasetError(f"cannot write {output}: {exc.strerror or exc}") from exc
    result.summary.written = str(output)
    return output


def clean_up(*, output: Path | None = None, into: Path | None = None) -> list[str]:
    """Before an import writes: undo a write into ``into/imported/`` that a killed import left
    half done and remove stale temporary files there, or those of output beside it. Returns one
    line per thing done. Raises DatasetError when that fails."""
    try:
        if into is not None:
            return recover(Path(into) / "imported")
        if output is not None:
            return remove_stale(output.parent if str(output.parent) else Path("."),
                                {output.name})
    except OSError as exc:
        raise DatasetError(f"cannot clean up {exc.filename}: {exc.strerror or exc}") from exc
    return []

