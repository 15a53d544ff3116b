"""Entity resolution applied to the graph: candidates from a store, the alias file, rewriting.

The resolver (:mod:`exgraph.merge.resolve`) decides which resources are one exercise; its
decisions, reviewed, live in ``data/aliases.ttl`` as ``ALIAS owl:sameAs CANONICAL`` (a graph of
their own, ``src:aliases``). Loading applies that map (``exgraph.graph.load.CANONICAL_UPDATE``),
so every source's facts about an exercise meet on the canonical IRI inside the source's graph,
while the files keep each source's resources as it minted them; the alias IRIs stay valid (the
API redirects them, search finds their names).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS

from exgraph.config import DATA_DIR
from exgraph.errors import DataError
from exgraph.graph.rq import internal
from exgraph.graph.store import Store
from exgraph.merge.candidates import Candidate, Resolution
from exgraph.merge.overrides import read_overrides
from exgraph.merge.resolve import resolve
from exgraph.records.precedence import CANONICAL_ORDER
from exgraph.vocab.terms import EXERCISE, EXG, PREFIXES, SOURCE

#: The reviewed alias map: ``ALIAS owl:sameAs CANONICAL``.
ALIASES_FILE = DATA_DIR / "aliases.ttl"
#: The reviewed pair overrides the resolver reads.
MERGES_FILE = DATA_DIR / "merges.tsv"
ALIASES_SOURCE = SOURCE["aliases"]

_NON_LATIN = re.compile(r"[^\u0000-\u024f\u1e00-\u1eff\u2000-\u206f\u00b0]")

CANDIDATE_QUERY = internal("resolution-candidates").text()


@dataclass
class _Row:
    names: list[tuple[str, str]] = field(default_factory=list)
    equipment: set[str] = field(default_factory=set)
    primary: set[str] = field(default_factory=set)
    families: set[str] = field(default_factory=set)


def source_family(source_iri: str) -> str | None:
    """The family of a source IRI (``curated``, ``article``, ``free-exercise-db``, ``wger``)."""
    tail = source_iri.removeprefix(str(SOURCE))
    for family in CANONICAL_ORDER:
        if tail.startswith(family):
            return family
    return None


def load_candidates(store: Store) -> list[Candidate]:
    """Every exg:Exercise of the store as a resolver Candidate, sorted by key.

    A resource fed by several sources gets the most trusted family (curated > article >
    free-exercise-db > wger). Names are the untagged or @en labels in Latin script, label
    first, then prefLabels, then altLabels, duplicates dropped.
    """
    rows: dict[str, _Row] = {}
    for row in store.select(CANDIDATE_QUERY):
        ex, kind, value = str(row["ex"]), str(row["kind"]), row["value"]
        if not ex.startswith(str(EXERCISE)):
            continue
        entry = rows.setdefault(ex.removeprefix(str(EXERCISE)), _Row())
        if kind.startswith("name"):
            if (isinstance(value, Literal) and value.language in (None, "en")
                    and not _NON_LATIN.search(str(value))):
                entry.names.append((kind, str(value)))
        elif kind == "source":
            family = source_family(str(value))
            if family is not None:
                entry.families.add(family)
        else:
            getattr(entry, kind).add(str(value).rsplit("/", 1)[1])
    candidates = []
    for key in sorted(rows):
        entry = rows[key]
        names: list[str] = []
        for _, name in sorted(entry.names):
            if name not in names:
                names.append(name)
        family = min(entry.families, key=CANONICAL_ORDER.index) if entry.families else "unknown"
        candidates.append(Candidate(key, family, tuple(names), frozenset(entry.equipment),
                                    frozenset(entry.primary)))
    return candidates


def read_aliases(path: Path = ALIASES_FILE) -> dict[URIRef, URIRef]:
    """alias IRI → canonical IRI from the alias file ({} when it does not exist).

    Raises DataError when the file does not parse or an alias chain does not end (a → b → a).
    """
    if not path.exists():
        return {}
    graph = Graph()
    try:
        graph.parse(path, format="turtle")
    except Exception as exc:  # rdflib raises many parser types; all mean "this file is bad"
        raise DataError(f"{path}: not valid turtle: {exc}") from exc
    mapping = {s: o for s, o in graph.subject_objects(OWL.sameAs)
               if isinstance(s, URIRef) and isinstance(o, URIRef)}
    for alias, canonical in mapping.items():
        if canonical in mapping:
            raise DataError(f"{path}: {alias} → {canonical} → {mapping[canonical]}: "
                            "an alias must point at a canonical IRI, not at another alias")
    return mapping


def aliases_graph(mapping: Mapping[URIRef, URIRef]) -> Graph:
    """The alias file's graph: the sameAs links and the description of their source."""
    graph = Graph()
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns)
    graph.add((ALIASES_SOURCE, RDF.type, EXG.Source))
    graph.add((ALIASES_SOURCE, RDFS.label, Literal("Reviewed entity resolution")))
    graph.add((ALIASES_SOURCE, DCTERMS.description, Literal(
        "Resources found to be the same exercise (exgraph merges, reviewed in data/merges.tsv): "
        "each alias owl:sameAs its canonical resource.")))
    for alias, canonical in mapping.items():
        graph.add((alias, OWL.sameAs, canonical))
    return graph


def resolve_store(
    store: Store, merges: Path = MERGES_FILE, aliases: Mapping[URIRef, URIRef] | None = None,
) -> tuple[Resolution, dict[URIRef, URIRef]]:
    """Resolve the exercises of store with the reviewed overrides.

    Returns the resolution and the full alias map: the existing ``aliases`` (default: the alias
    file) joined with the new clusters, each alias pointing straight at its canonical IRI.
    Raises DataError for a malformed overrides file.
    """
    try:
        same, different = read_overrides(merges)
    except ValueError as exc:
        raise DataError(str(exc)) from None
    resolution = resolve(load_candidates(store), forced_same=same, forced_different=different)
    mapping = dict(read_aliases() if aliases is None else aliases)
    for member, canonical in resolution.canonical_map().items():
        if member != canonical:
            mapping[EXERCISE[member]] = EXERCISE[canonical]
    # a canonical that an earlier review made an alias: follow it, so no chain remains
    for alias, canonical in list(mapping.items()):
        seen = {alias}
        while canonical in mapping and canonical not in seen:
            seen.add(canonical)
            canonical = mapping[canonical]
        mapping[alias] = canonical
    return resolution, dict(sorted(mapping.items()))
