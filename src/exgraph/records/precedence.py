"""Which source's value an exercise record takes, field by field: the one precedence rule.

Every source is a named graph (``src:curated``, ``src:article-SLUG``, ``src:wger``,
``src:free-exercise-db``, ``src:reviewed-FAMILY``, ``src:inferred-RULE``). Several state facts
about the same exercise once entity resolution merged it; this table says, per field of the
:class:`~exgraph.records.model.Record`, which source wins, and whether the field is taken
**whole** from that one source or **merged** from all of them.

Whole fields (one source's whole value set, never a union across sources): muscles by role,
equipment, difficulty, movement pattern, laterality, mechanic, force, activity kind, the name
and every ordered text list (steps, benefits, mistakes, programming, comparisons). A union is
wrong for them: the reviewed layer exists to *replace* import facts such as wger's lats as a
prime mover of the Romanian deadlift, or a group listed beside one of its members (glutes and
gluteus maximus); a per-muscle union would keep both. Merged fields are genuinely additive:
synonyms, categories, images, alternatives, the sources cited, the reviewed rationales.

The order, most trusted first:

1. ``reviewed-`` — the reviewed reference layer (data/reviewed/), checked by hand against
   anatomy references, written to correct the sources below;
2. ``article-`` — an ingested guide article: one exercise, written by a coach, with a function
   per muscle;
3. ``curated`` — the team's own Turtle (data/exercises.ttl);
4. the two imports. For **muscles** free-exercise-db comes before wger: wger's muscle lists are
   the noisiest (it names the lats as the prime mover of the deadlift and the Romanian
   deadlift, where free-exercise-db names the lower back and the hamstrings; `exgraph info
   --conflicts` lists 150-odd such disagreements). For **equipment**, names and the rest wger
   comes first: it lists every piece an exercise needs (barbell *and* bench) where
   free-exercise-db names one kind, and its names are the edited English ones.
5. anything else (a source this table does not know, or an update that wrote into the default
   graph only: ``unattributed``);
6. ``inferred-`` — an inference rule's estimate, used only when no source states the field.

Ties (two articles about one exercise) break by the source's id, so the answer never depends
on the order the store returns rows in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

#: What ``provenance`` names for a triple no named graph holds (an update wrote it into the
#: default graph only).
UNATTRIBUTED = "unattributed"
#: The id prefix of inference rules' graphs (data/inferred/rules.trig): estimates, not statements.
INFERRED = "inferred-"

#: The default order of source families (prefixes of the source id under ``src:``).
DEFAULT_ORDER: tuple[str, ...] = ("reviewed-", "article-", "curated", "wger", "free-exercise-db")
#: Muscles: free-exercise-db before wger (see the module documentation).
MUSCLE_ORDER: tuple[str, ...] = ("reviewed-", "article-", "curated", "free-exercise-db", "wger")

#: Entity resolution's order (:mod:`exgraph.merge`), a different question from the fact order
#: above: which member of a cluster of one exercise keeps its IRI (the canonical one, the others
#: become aliases), and which family a resource several sources feed is resolved as. IRIs
#: should stay the ones people already link to, so the team's own curated slugs come before an
#: article's, and the first import (free-exercise-db, whose slugs wger's records are matched
#: against: ``importers.pipeline.IMPORT_ORDER``) before wger. The reviewed layer mints no
#: exercises, so it has no place here.
CANONICAL_ORDER: tuple[str, ...] = ("curated", "article", "free-exercise-db", "wger")

WHOLE = "whole"
MERGED = "merged"


@dataclass(frozen=True)
class Rule:
    """How one field is chosen: the source order and whether it is taken whole or merged."""

    order: tuple[str, ...]
    mode: str  # WHOLE | MERGED


_W, _M = Rule(DEFAULT_ORDER, WHOLE), Rule(DEFAULT_ORDER, MERGED)

#: The precedence table: every sourced field of the record.
FIELDS: dict[str, Rule] = {
    "name": _W, "summary": _W, "difficulty": _W, "force": _W, "mechanic": _W,
    "movement_pattern": _W, "laterality": _W, "activity_kind": _W,
    "equipment": _W, "equipment_note": _W,
    "muscles": Rule(MUSCLE_ORDER, WHOLE),
    "steps": _W, "benefits": _W, "mistakes": _W, "beginner": _W, "programming": _W,
    "progression": _W, "frequency": _W, "comparisons": _W,
    "overviews": _W,  # each overview text whole from the first source that has it
    "synonyms": _M, "categories": _M, "images": _M, "alternatives": _M, "sources": _M,
    "rationale": _M,
}
#: The fields taken whole from one source, and those merged from all, in document order.
WHOLE_FIELDS: tuple[str, ...] = tuple(f for f, r in FIELDS.items() if r.mode == WHOLE)
MERGED_FIELDS: tuple[str, ...] = tuple(f for f, r in FIELDS.items() if r.mode == MERGED)


def rank(field: str, source: str) -> tuple[int, int, str]:
    """The sort key of a source (its id: ``curated``, ``article-x``, ``inferred-y``,
    ``unattributed``...) for a field: lower is more trusted."""
    order = FIELDS[field].order
    if source.startswith(INFERRED):
        return (len(order) + 1, 0, source)
    for position, prefix in enumerate(order):
        if source.startswith(prefix):
            return (position, 0, source)
    return (len(order), 0, source)


def ordered(field: str, sources: Iterable[str]) -> list[str]:
    """The sources, most trusted first for field."""
    return sorted(set(sources), key=lambda s: rank(field, s))


def is_inferred(sources: Iterable[str]) -> bool:
    """Whether values come only from inference rules (an estimate, not a statement)."""
    found = list(sources)
    return bool(found) and all(s.startswith(INFERRED) for s in found)
