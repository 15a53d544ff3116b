"""The facts the inference rules read, taken from a store (the served graph, aliases applied)."""

from __future__ import annotations

from collections import defaultdict

from rdflib import Literal
from rdflib.term import Node

from exgraph.graph.rq import internal
from exgraph.graph.store import Store
from exgraph.infer.rules import Facts
from exgraph.vocab.terms import EXERCISE, local_name

FACTS_QUERY = internal("rule-facts").text()

_LABEL_RANK = {"prefLabel": 0, "label": 1, "altLabel": 2}
_TEXTS = frozenset({"step", "summary"})


_local = local_name


def _english(lang: str | None) -> bool:
    return lang is None or lang == "en" or lang.startswith("en-")


def _build(slug: str, rows: list[tuple[str, Node, str | None]]) -> Facts:
    names: set[tuple[int, str, str | None]] = set()
    values: dict[str, set[str]] = defaultdict(set)
    groups: set[str] = set()
    for prop, value, group in rows:
        if prop in _LABEL_RANK and isinstance(value, Literal):
            names.add((_LABEL_RANK[prop], str(value), value.language))
            continue
        if prop in _TEXTS and isinstance(value, Literal) and not _english(value.language):
            continue  # the rules read English text only, as they read English names
        values[prop].add(str(value) if isinstance(value, Literal) else _local(str(value)))
        if group is not None:
            groups.add(group)
    ordered: list[tuple[int, str, str | None]] = []
    for name in sorted(names, key=lambda n: (not _english(n[2]), n[0], n[2] or "", n[1])):
        if all((name[1], name[2]) != (kept[1], kept[2]) for kept in ordered):
            ordered.append(name)  # the same literal as prefLabel and rdfs:label counts once

    def one(prop: str) -> str | None:
        return min(values[prop]) if values.get(prop) else None

    # several sources may rate it; the highest level is the safe one for a beginner filter
    levels = [d.lower() for d in values.get("difficulty", ())]
    difficulty = max(levels, key=("low", "moderate", "high").index) if levels else None
    return Facts(
        slug=slug,
        names=tuple(n[1] for n in ordered),
        languages=tuple(n[2] for n in ordered),
        primary=frozenset(values.get("primaryMuscle", ())),
        secondary=frozenset(values.get("secondaryMuscle", ())),
        stabilizer=frozenset(values.get("stabilizerMuscle", ())),
        groups_primary=frozenset(groups),
        equipment=frozenset(values.get("requiresEquipment", ())),
        force=one("force"),
        mechanic=one("mechanic"),
        category=tuple(sorted(values.get("category", ()))),
        difficulty=difficulty,
        activity_kind=one("activityKind"),
        texts=tuple(sorted(values.get("step", set()) | values.get("summary", set()))),
    )


def load_facts(store: Store) -> dict[str, Facts]:
    """slug → :class:`Facts` for every exercise of the store, sorted by slug."""
    rows: dict[str, list[tuple[str, Node, str | None]]] = defaultdict(list)
    for row in store.select(FACTS_QUERY):
        iri = str(row["exercise"])
        if not iri.startswith(str(EXERCISE)):
            continue
        group = row.get("group")
        rows[iri.removeprefix(str(EXERCISE))].append(
            (_local(str(row["property"])), row["value"],
             _local(str(group)) if group is not None else None))
    return {slug: _build(slug, rows[slug]) for slug in sorted(rows)}
