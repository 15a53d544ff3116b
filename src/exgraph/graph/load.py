"""Opening the graph: ontology + bundled data (+ extra files), on one of several backends.

Everything that reads the graph (validation, export, the CLI, the HTTP service) opens it here, so
they all see the same triples:

* :func:`load_graph` gives an rdflib :class:`~rdflib.Graph` (validation, serialisation);
* :func:`open_store` gives a :class:`~exgraph.graph.store.Store` that answers SPARQL — Oxigraph
  in memory by default, Oxigraph on disk, rdflib's memory store, or an external SPARQL server.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph
from rdflib.namespace import VOID, XSD

from exgraph.config import DATA_DIR, ONTOLOGY_FILE, with_imports
from exgraph.errors import DataError
from exgraph.graph.remote import RemoteStore
from exgraph.graph.rq import internal, sequence
from exgraph.graph.store import OxigraphStore, RdflibStore, Store, from_ox, oxigraph_to_graph
from exgraph.graph.store_cache import (
    MAX_INPUT_BYTES,
    cache_dir,
    cached_store,
    digest,
    snapshot_key,
)
from exgraph.vocab.names import slugify
from exgraph.vocab.terms import DATASET, SOURCE

#: Folders of data/ left out without the imports: the imports themselves, and the reviewed
#: layer, whose exercises are nearly all imported ones (reviewing an exercise that is not loaded
#: would leave its muscle and rationale nodes without their exercise).
IMPORT_FOLDERS = ("imported", "reviewed")


def bundled_files(data_dir: Path | None = None, *, imported: bool | None = None) -> list[Path]:
    """The ontology and every Turtle file under ``data/``, in a stable order.

    ``imported`` (default: :func:`with_imports`) says whether ``data/imported/`` and
    ``data/reviewed/`` (:data:`IMPORT_FOLDERS`) are included.
    """
    data_dir = DATA_DIR if data_dir is None else data_dir
    imported = with_imports() if imported is None else imported
    files = sorted([*data_dir.rglob("*.ttl"), *data_dir.rglob("*.trig")])
    if not imported:
        files = [f for f in files if f.relative_to(data_dir).parts[0] not in IMPORT_FOLDERS]
    return [ONTOLOGY_FILE, *files]


def parse_file(path: Path, graph: Graph | None = None) -> Graph:
    """Parse one Turtle, N-Triples or TriG file into graph (TriG: the triples of all its graphs);
    DataError names the file on failure."""
    graph = Graph() if graph is None else graph
    fmt = {".nt": "nt", ".trig": "trig"}.get(path.suffix, "turtle")
    try:
        if fmt == "trig":  # rdflib's Dataset warns of its own deprecations; Oxigraph reads it
            graph.addN((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object), graph)
                       for q in ox.parse(path=str(path), format=ox.RdfFormat.TRIG))
        else:
            graph.parse(path, format=fmt)
    except FileNotFoundError:
        raise DataError(f"{path}: no such file") from None
    except Exception as exc:  # the parsers raise many types; all mean "this file is bad"
        raise DataError(f"{path}: not valid {fmt}: {exc}") from exc
    return graph


def load_graph(
    extra: Iterable[Path] = (), *, data_dir: Path | None = None,
    files: Sequence[Path] | None = None, imported: bool | None = None, canonical: bool = True,
) -> Graph:
    """The whole graph as rdflib: ontology, bundled data, then ``extra`` files.

    ``files`` replaces the bundled set (used to validate or export given files). The dataset
    description gets its ``void:triples`` count. Raises DataError naming a file that does not
    parse. The files are parsed by Oxigraph, which is ~15x faster than rdflib's Turtle parser
    (tests/integration/data/test_store.py checks both parsers give the same graph).
    """
    files = [*(bundled_files(data_dir, imported=imported) if files is None else files), *extra]
    return oxigraph_to_graph(load_oxigraph(files, data_dir, canonical=canonical))


def graph_to_oxigraph(graph: Graph, ox_store: ox.Store | None = None) -> ox.Store:
    """Load an rdflib graph into a (new) pyoxigraph store, in one bulk load."""
    ox_store = ox.Store() if ox_store is None else ox_store
    data = graph.serialize(format="nt", encoding="utf-8")
    ox_store.bulk_load(data, format=ox.RdfFormat.N_TRIPLES)
    return ox_store


#: File suffix -> format (anything else is Turtle). TriG and N-Quads files name their graphs.
FILE_FORMATS = {".nt": ox.RdfFormat.N_TRIPLES, ".trig": ox.RdfFormat.TRIG,
                ".nq": ox.RdfFormat.N_QUADS}
#: The ontology's own graph.
ONTOLOGY_GRAPH = "https://w3id.org/exgraph/ontology"
#: Folders of data/ whose files each form their own source graph, and the IRI prefix under src:.
GRAPH_FOLDERS = {"imported": "", "articles": "article-", "inferred": "inferred-",
                 "reviewed": "reviewed-"}


def source_graph(path: Path, data_dir: Path | None = None) -> str:
    """The named graph a file's triples are loaded into: the IRI of the source they come from.

    * the ontology → ``https://w3id.org/exgraph/ontology``;
    * ``data/imported/NAME.ttl`` → ``src:NAME`` (``src:wger``, ``src:free-exercise-db``);
    * ``data/articles/NAME.ttl`` → ``src:article-NAME``; ``data/reviewed/NAME.ttl`` →
      ``src:reviewed-NAME`` (the reviewed reference layer, one graph per family file);
    * ``data/inferred/rules.trig`` (``exgraph infer``) names its graphs itself, one per inference
      rule (``src:inferred-RULE``); a Turtle file there would load into ``src:inferred-NAME``;
    * ``data/aliases.ttl`` (entity resolution) → ``src:aliases``;
    * any other file under ``data/`` → ``src:curated``;
    * a file from elsewhere (``--data``) → ``src:file-SLUG`` of its name.
    """
    path = Path(path)
    data_dir = DATA_DIR if data_dir is None else Path(data_dir)
    if path.resolve() == ONTOLOGY_FILE.resolve() or path.name == ONTOLOGY_FILE.name:
        return ONTOLOGY_GRAPH
    try:
        parts = path.resolve().relative_to(data_dir.resolve()).parts
    except ValueError:
        return str(SOURCE[f"file-{slugify(path.stem)}"])
    if len(parts) > 1 and parts[0] in GRAPH_FOLDERS:
        return str(SOURCE[GRAPH_FOLDERS[parts[0]] + slugify(path.stem)])
    if parts == ("aliases.ttl",):
        return str(SOURCE["aliases"])
    return str(SOURCE["curated"])


#: The updates run on load (the text of each, with its reasons, is in ``queries/internal/``):
#: the default graph as the union of the source graphs (``union-default-graph.rq``), the alias
#: map applied in every source graph (``apply-aliases.rq``), and the derived facts about
#: exercises no source defines dropped (``drop-dangling-derived.rq``).
UNION_UPDATE = internal("union-default-graph").text()
CANONICAL_UPDATE = internal("apply-aliases").text()
DANGLING_UPDATE = internal("drop-dangling-derived").text()


def load_oxigraph(files: Iterable[Path], data_dir: Path | None = None, *,
                  canonical: bool = True) -> ox.Store:
    """Parse files straight into a new in-memory Oxigraph store (no rdflib: ~15x faster).

    Each file goes into the named graph of its source (:func:`source_graph`); the default graph
    is then their union. Adds the dataset's ``void:triples`` (the size of the union) to the
    curated graph, like :func:`load_graph`, so both give the same graph. With ``canonical``
    (the default) the alias map is applied first (:data:`CANONICAL_UPDATE`); without it, the
    resources stay as each source minted them (what the resolver reads). Raises DataError naming
    a file that is missing or does not parse, with the parser's position.
    """
    return _build([(Path(path), None) for path in files], data_dir, canonical)


def _build(sources: Sequence[tuple[Path, bytes | None]], data_dir: Path | None,
           canonical: bool) -> ox.Store:
    """:func:`load_oxigraph` of (path, its content or None: read the file) pairs."""
    ox_store = ox.Store()
    for path, data in sources:
        fmt = FILE_FORMATS.get(path.suffix, ox.RdfFormat.TURTLE)
        target = (None if fmt in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS)  # names its graphs
                  else ox.NamedNode(source_graph(path, data_dir)))
        try:
            if data is None:
                ox_store.bulk_load(path=str(path), format=fmt, to_graph=target)
            else:
                ox_store.bulk_load(data, format=fmt, to_graph=target)
        except FileNotFoundError:
            raise DataError(f"{path}: no such file") from None
        except SyntaxError as exc:
            raise DataError(f"{path}: not valid {fmt.name}: {exc}") from exc
    dataset, triples = ox.NamedNode(str(DATASET)), ox.NamedNode(str(VOID.triples))
    for quad in list(ox_store.quads_for_pattern(dataset, triples, None, None)):
        ox_store.remove(quad)
    if canonical:
        ox_store.update(CANONICAL_UPDATE)
        ox_store.update(DANGLING_UPDATE)
    ox_store.update(UNION_UPDATE)
    count = sum(1 for _ in ox_store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    value = ox.Literal(str(count + 1), datatype=ox.NamedNode(str(XSD.integer)))
    for graph in (ox.DefaultGraph(), ox.NamedNode(str(SOURCE["curated"]))):
        ox_store.add(ox.Quad(dataset, triples, value, graph))
    return ox_store


def load_snapshot(files: Iterable[Path], data_dir: Path | None = None, *,
                  canonical: bool = True, key_out: list[str] | None = None) -> ox.Store:
    """:func:`load_oxigraph`, through the store snapshot cache (:mod:`.store_cache`).

    The entry's key covers each file's source graph, format and content digest (the bytes
    that are then loaded, so a file changed meanwhile cannot be cached under its old key) and
    ``canonical``. Without a cache directory, or for inputs above
    :data:`~.store_cache.MAX_INPUT_BYTES`, it is load_oxigraph itself; so it is for a file
    that cannot be read (the load then names it). ``key_out``, when given, receives the
    entry's key (what is derived from the store is cached under it, see
    :func:`~.store_cache.cached_derived`).
    """
    paths = [Path(p) for p in files]
    directory = cache_dir()
    try:
        if directory is None or sum(p.stat().st_size for p in paths) > MAX_INPUT_BYTES:
            return load_oxigraph(paths, data_dir, canonical=canonical)
        sources = [(p, p.read_bytes()) for p in paths]
        key = snapshot_key([f"canonical={canonical}"] + [
            f"{source_graph(p, data_dir)} {FILE_FORMATS.get(p.suffix, ox.RdfFormat.TURTLE).name}"
            f" {digest(data)}" for p, data in sources])
    except OSError:  # a file that cannot be read, or (sourceless install) no loader source
        return load_oxigraph(paths, data_dir, canonical=canonical)
    if key_out is not None:
        key_out.append(key)
    return cached_store(key, lambda: _build(sources, data_dir, canonical), directory)


def open_store(
    spec: str = "oxigraph",
    extra: Iterable[Path] = (),
    *,
    data_dir: Path | None = None,
    graph: Graph | None = None,
    imported: bool | None = None,
    canonical: bool = True,
) -> Store:
    """Open the graph on a backend.

    ``spec`` is ``oxigraph`` (in memory, the default; read back from the store snapshot cache
    when the files are unchanged, see :func:`load_snapshot`), ``rdflib`` (rdflib memory store),
    a directory path for an on-disk Oxigraph store (loaded with the bundled data when empty;
    when it holds data, opened as it is without reading any file), or
    ``sparql+http://HOST:PORT/PATH`` for an external SPARQL 1.1 server (its data is whatever
    ``exgraph load`` put there; ``extra`` and ``graph`` are not used).
    ``graph`` skips loading files and uses that graph instead; ``imported`` overrides
    :func:`with_imports`; ``canonical=False`` leaves the alias map unapplied.
    Raises DataError for a file that does not parse or a spec it does not know.
    """
    if spec.startswith(("sparql+http://", "sparql+https://")):
        return RemoteStore.from_spec(spec)
    if "://" in spec:
        raise DataError(
            f"unknown store {spec!r}: use oxigraph, rdflib, a directory path, "
            "or sparql+http://HOST:PORT/PATH"
        )
    files = [*bundled_files(data_dir, imported=imported), *extra]
    if spec == "rdflib":
        return RdflibStore(
            graph if graph is not None else load_graph(files=files, data_dir=data_dir))
    if spec == "oxigraph":
        if graph is not None:
            return OxigraphStore(graph_to_oxigraph(graph))
        key: list[str] = []
        store = OxigraphStore(load_snapshot(files, data_dir, canonical=canonical, key_out=key))
        store.snapshot_key = key[0] if key else None  # the records cache beside it
        return store
    path = Path(spec)
    try:
        disk = ox.Store(str(path))
    except OSError as exc:
        raise DataError(f"cannot open the Oxigraph store in {path}: {exc}") from exc
    if next(iter(disk.quads_for_pattern(None, None, None, None)), None) is None:
        # empty: load it, in one transaction (an interrupted first load leaves the directory
        # empty, not half full); a filled store is served as it is, without reading any file
        memory = graph_to_oxigraph(graph) if graph is not None else load_snapshot(
            files, data_dir, canonical=canonical)
        disk.extend(memory.quads_for_pattern(None, None, None, None))
        disk.flush()
    return OxigraphStore(disk, backend=f"oxigraph:{path}")


# ---------------------------------------------------------------------------------------------
# Replacing sources in a running store

#: After a source graph changed: aliases applied, the dataset's size recounted, the union rebuilt.
def _switch_update() -> str:
    return sequence(CANONICAL_UPDATE, UNION_UPDATE, internal("recount-dataset").text())


def replace_source(store: Store, graph: str, files: Sequence[Path]) -> int:
    """Replace one source graph of a running store with the triples of files, atomically.

    Every other source graph is left as it was; aliases are applied, the default graph is
    rebuilt as the union and the dataset's ``void:triples`` recounted — in one transaction on
    Oxigraph (embedded or on disk) and on an external SPARQL server. Returns the triples loaded.
    Raises DataError for a file that does not parse or a store that cannot be written.
    """
    staged = ox.Store()
    for path in files:
        fmt = FILE_FORMATS.get(Path(path).suffix, ox.RdfFormat.TURTLE)
        try:
            staged.bulk_load(path=str(path), format=fmt, to_graph=ox.NamedNode(graph))
        except FileNotFoundError:
            raise DataError(f"{path}: no such file") from None
        except SyntaxError as exc:
            raise DataError(f"{path}: not valid {fmt.name}: {exc}") from exc
    if isinstance(store, RemoteStore):
        quads = ((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object), graph)
                 for q in staged)
        count = store.replace_graphs(quads, _switch_update(), replaced=[graph])
    elif isinstance(store, OxigraphStore):
        body = staged.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(graph)) or b""
        count = len(staged)
        insert = f"INSERT DATA {{ GRAPH <{graph}> {{\n{body.decode('utf-8')}\n}} }}"
        store.ox.update(sequence(f"DROP SILENT GRAPH <{graph}>", insert, _switch_update()))
    else:
        raise DataError(f"the {store.backend} store has no source graphs to replace")
    store.bump()
    return count


def push_dataset(remote: RemoteStore, ox_store: ox.Store) -> int:
    """Replace every source graph of an external SPARQL server with those of ox_store, and its
    default graph with their union, in one switch at the end (a failed load changes nothing).
    Source graphs the server has that ox_store lacks are dropped. Returns the quads loaded."""
    quads = ((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object), q.graph_name.value)
             for q in ox_store.quads_for_pattern(None, None, None)
             if not isinstance(q.graph_name, ox.DefaultGraph))
    return remote.replace_graphs(quads, UNION_UPDATE)
