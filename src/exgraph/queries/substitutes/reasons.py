"""The reasons of a ranked substitute, in words and fields: each is a fact of the two records
(tests/integration/advice/test_substitute_quality.py checks every one against them)."""

from __future__ import annotations

from collections.abc import Callable

from exgraph.queries.substitutes.features import TRAINING_KINDS, join_words, source_words
from exgraph.queries.substitutes.model import (
    DESCRIBED_OPTION,
    LEVELS,
    Exercise,
    Measure,
    Substitute,
)

#: The reason of a direct swap (variety.direct_swaps).
DIRECT_SWAP = ("a direct swap: the same movement on the same prime movers, no material "
               "difference but a load that keeps the loading")


def explain(label: Callable[[str], str], target: Exercise, ex: Exercise, score: float,
            alike: float | None = None, direct: bool = False) -> Substitute:
    """The kept answer with its overlaps and its reasons in words (alike: the cosine of the
    two records' movement descriptions, Engine.described; None when the target has none;
    direct: a direct swap, variety.direct_swaps)."""
    shared_primary = target.primary & ex.primary
    m = Measure(score, shared_primary, (target.primary & ex.secondary) - shared_primary,
                 target.secondary & ex.moving, target.stabilizer & ex.worked,
                 target.pattern is not None and target.pattern == ex.pattern,
                 ex.pattern_inferred or target.pattern_inferred)
    reasons = []
    tier = "computed"
    if ex.slug in target.curated:
        tier = "curated"
        reasons.append(f"listed as an alternative by {source_words(target.curated[ex.slug])}")
    elif ex.slug in target.variations:
        tier = "variation"
        reasons.append("a variation of it in the same wger group")
    # each muscle with the role the substitute gives it
    muscles = [f"{label(g)} (primary)" for g in sorted(m.shared_primary)]
    muscles += [f"{label(g)} ({'primary' if g in ex.primary else 'secondary'})"
                for g in sorted(m.shared_secondary)]
    if muscles:
        reasons.append(f"works the {join_words(muscles)}, like {target.name}")
    if m.as_secondary:
        secondary = join_words([label(g) for g in sorted(m.as_secondary)])
        reasons.append(f"works the {secondary} only as a secondary mover")
    shifted = ex.primary & target.secondary - target.primary
    if shifted:
        reasons.append(f"works the {join_words([label(g) for g in sorted(shifted)])} "
                       f"as a prime mover, {target.name} only as a secondary one")
    reasons += head_reasons(label, target, ex)
    if not ex.primary:
        reasons.append("no source lists its muscles")
    reasons += movement_reasons(label, target, ex, m, alike)
    if direct:
        reasons.append(DIRECT_SWAP)
    if ex.olympic and not target.olympic:
        reasons.append("an Olympic lift (clean, snatch or jerk): a step up in skill")
    elif ex.kind != target.kind and {ex.kind, target.kind} <= TRAINING_KINDS:
        reasons.append("explosive (a jump, throw or quick lift) rather than a strength lift"
                       if ex.kind == "power" else
                       "a strength lift rather than an explosive drill")
    if ex.quick != target.quick and (ex.kind == "power") == (target.kind == "power"):
        reasons.append(("a quick lift rather than a strict one" if ex.quick else
                        "a strict lift rather than a quick one")
                       + " (read from the names: the legs or a kip drive a quick lift)")
    if ex.laterality and target.laterality and ex.laterality != target.laterality:
        how = "" if ex.laterality_stated and target.laterality_stated else \
            " (read from the names)"
        reasons.append(f"{ex.laterality} rather than {target.laterality}{how}")
    if ex.load and target.load and ex.load != target.load and ex.load != "other":
        reasons.append(f"{ex.load} rather than {target.load}")
    if ex.variants - target.variants:
        reasons.append(f"a variation by name: {join_words(sorted(ex.variants - target.variants))}")
    if target.variants - ex.variants:
        reasons.append(f"not the {join_words(sorted(target.variants - ex.variants))} variation")
    if ex.choice:
        reasons.append("its name offers a choice of exercises")
    needs = equipment_words(label, ex)
    if target.equipment != ex.equipment and needs:
        reasons.append(needs)
    best, diff = target.options.get(ex.slug, (None, None))
    shared = {"primary": tuple(sorted(m.shared_primary)),
              "secondary": tuple(sorted(m.shared_secondary)),
              "stabilizer": tuple(sorted(m.shared_stabilizer))}
    return Substitute(ex, m.score, tier, tuple(reasons), shared, m.same_pattern, best, diff)


def movement_reasons(label: Callable[[str], str], target: Exercise, ex: Exercise, m: Measure,
                     alike: float | None) -> list[str]:
    """The reasons about the movement: the pattern, the reviewed descriptions, the levels, the
    trunk motion and the kind of cardio."""
    reasons: list[str] = []
    if m.same_pattern:
        inferred = " (inferred)" if m.pattern_guessed else ""
        reasons.append(f"same {label(ex.pattern or '').lower()} pattern{inferred}")
    if alike is not None and alike >= DESCRIBED_OPTION:
        reasons.append(f"the reviewed layer describes its movement as {target.name}'s "
                       f"({round(100 * alike)} % alike)")
    if target.rank is not None and ex.rank is not None and ex.rank > target.rank:
        reasons.append(f"harder: {LEVELS[ex.rank]} rather than {LEVELS[target.rank]}")
    if target.rank is not None and ex.rank is not None and ex.rank <= target.rank - 2 \
            and target.kind in TRAINING_KINDS:
        reasons.append(f"two levels easier: {LEVELS[ex.rank]} rather than "
                       f"{LEVELS[target.rank]}")
    if ex.motion and target.motion and ex.motion != target.motion:
        reasons.append(f"another trunk motion: {ex.motion} rather than {target.motion} "
                       "(read from the names)")
    if ex.cardio_mode and target.cardio_mode and ex.cardio_mode != target.cardio_mode:
        reasons.append(f"{ex.cardio_mode} cardio rather than {target.cardio_mode} "
                       "(read from the names)")
    if ex.power_mode and target.power_mode and ex.power_mode != target.power_mode:
        reasons.append(f"a {ex.power_mode} drill rather than a {target.power_mode} drill "
                       "(read from the names)")
    return reasons


def head_reasons(label: Callable[[str], str], target: Exercise, ex: Exercise) -> list[str]:
    """Another head of a shared prime mover: for each group both records name finer prime
    movers of, the candidate's when it names none of the exercise's (Engine.other_heads)."""
    found = []
    for group, muscles in sorted(target.heads.items()):
        theirs = ex.heads.get(group, frozenset())
        if theirs and not theirs & muscles:
            found.append(f"works the {join_words([label(m) for m in sorted(theirs)])} as a "
                         f"prime mover where {target.name} works the "
                         f"{join_words([label(m) for m in sorted(muscles)])}")
    return found


def equipment_words(label: Callable[[str], str], ex: Exercise) -> str:
    """What the candidate needs, in words."""
    if not ex.equipment:
        return "equipment unknown"
    kit = join_words([label(k) for k in sorted(ex.equipment)])
    if ex.equipment <= {"bodyweight"}:
        return "needs no equipment"
    return f"needs {kit}" + (" (inferred from its name)" if ex.equipment_inferred else "")
