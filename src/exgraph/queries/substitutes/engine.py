"""The substitutes engine: loading it from the records, filtering, scoring, the variety re-rank and
the reasons."""

from __future__ import annotations

from collections import defaultdict

import numpy as np
import numpy.typing as npt

from exgraph.errors import DataError, NotFound
from exgraph.graph.rq import internal
from exgraph.graph.store import Store
from exgraph.queries.substitutes.direction import antagonists
from exgraph.queries.substitutes.features import (
    KIND_FAMILIES,
    ROLLING_STANDINS,
    TRAINING_KINDS,
    Bits,
    affinity_matrix,
    derive_features,
    name_words,
    normalised,
    record_facts,
)
from exgraph.queries.substitutes.model import (
    LEVELS,
    LOOSE_PATTERNS,
    PASSING_CACHE,
    UNCAPPED_LOADS,
    VARIETY_POOL,
    WEIGHTS,
    Exercise,
    Filters,
    Substitute,
    closure,
    exercise_from_record,
)
from exgraph.queries.substitutes.movement import (
    description_columns,
    description_rows,
    head_columns,
    other_heads,
    postings,
)
from exgraph.queries.substitutes.reasons import explain
from exgraph.queries.substitutes.variety import direct_swaps, options, pick
from exgraph.records import records_for
from exgraph.vocab.terms import local_name


class Engine:
    """The substitution engine over one store generation. Build with :meth:`load`."""

    def __init__(self, exercises: dict[str, Exercise], taxonomy: dict[str, frozenset[str]],
                 labels: dict[str, str]) -> None:
        self.exercises = exercises
        self.taxonomy = taxonomy  # equipment kind or category slug -> itself and everything above
        self.labels = labels
        below: dict[str, set[str]] = defaultdict(set)
        for kind, ups in taxonomy.items():
            for up in ups:
                below[up].add(kind)
        self.below = {k: frozenset(v) for k, v in below.items()}
        by_group: dict[str, set[str]] = defaultdict(set)
        by_pattern: dict[str, set[str]] = defaultdict(set)
        for slug, ex in exercises.items():
            for group in ex.primary:
                by_group[group].add(slug)
            if ex.pattern:
                by_pattern[ex.pattern].add(slug)
        self.by_group = {k: frozenset(v) for k, v in by_group.items()}
        self.by_pattern = {k: frozenset(v) for k, v in by_pattern.items()}
        self._passing: dict[tuple[object, ...], npt.NDArray[np.bool_]] = {}
        self._arrays()

    def _arrays(self) -> None:
        """Columns over every exercise for scoring: ranking scores thousands of candidates at 10k
        exercises, so it runs as array operations; only the kept ones are explained in words."""
        order = sorted(self.exercises.values(), key=lambda ex: (ex.sort_name, ex.slug))
        self.slugs = [ex.slug for ex in order]
        self.position = {slug: i for i, slug in enumerate(self.slugs)}  # also the name order
        codes: dict[str | None, int] = {None: 0}

        def code(value: str | None) -> int:
            return codes.setdefault(value, len(codes))

        self.a_pmask = np.array([ex.pmask for ex in order], dtype=np.int64)
        self.a_smask = np.array([ex.smask for ex in order], dtype=np.int64)
        self.a_mvmask = np.array([ex.mvmask for ex in order], dtype=np.int64)
        self.a_wkmask = np.array([ex.wkmask for ex in order], dtype=np.int64)
        self.a_pattern = np.array([code(ex.pattern) for ex in order], dtype=np.int32)
        self.a_guessed = np.array([ex.pattern_inferred for ex in order], dtype=np.bool_)
        self.a_force = np.array([code(ex.force) for ex in order], dtype=np.int32)
        self.a_mechanic = np.array([code(ex.mechanic) for ex in order], dtype=np.int32)
        self.a_kit = np.array([code("|".join(sorted(ex.equipment)) or None) for ex in order],
                              dtype=np.int32)
        self.a_rank = np.array([-1 if ex.rank is None else ex.rank for ex in order], dtype=np.int8)
        # the name similarity reads names with their synonyms folded (_SYNONYMS: "press-up"
        # is "push-up", "SZ bar" the "EZ bar"), as the same-exercise test does
        self.name_words = {ex.slug: frozenset(name_words(ex.name)) for ex in order}
        self.with_word = postings(self.name_words[ex.slug] for ex in order)
        # a word's weight in the name similarity: log(N / exercises whose name has it), so
        # "plank" or "pulldown" counts for more than "press" or "dumbbell"
        self.idf = {w: float(np.log(len(order) / len(v))) for w, v in self.with_word.items()}
        self.a_wsum = np.array([sum(self.idf[w] for w in self.name_words[ex.slug])
                                for ex in order],
                               dtype=np.float64)
        self.a_load = np.array([code(ex.load) for ex in order], dtype=np.int32)
        self.a_laterality = np.array([code(ex.laterality) for ex in order], dtype=np.int32)
        variants = Bits()
        self.a_variants = np.array([variants.mask(ex.variants) for ex in order], dtype=np.int64)
        self.variant_bits = variants
        self.a_load_named = np.array([ex.load_named for ex in order], dtype=np.bool_)
        # the finer prime movers (Exercise.heads) and the movement descriptions: movement.py
        self.a_heads, self.head_bits, self.group_heads = head_columns(order)
        (self.described_idf, self.a_description, self.description_rows, self.described_at,
         self.described_weight) = description_columns(order)
        self.a_described = self.a_description >= 0
        self.a_family = np.array([KIND_FAMILIES.get(ex.kind, 0) for ex in order], dtype=np.int8)
        self.a_kind = np.array([code(ex.kind) for ex in order], dtype=np.int32)
        self.a_motion = np.array([code(ex.motion) for ex in order], dtype=np.int32)
        self.a_mode = np.array([code(ex.cardio_mode or ex.power_mode) for ex in order],
                               dtype=np.int32)
        self.a_choice = np.array([ex.choice for ex in order], dtype=np.bool_)
        self.a_quick = np.array([ex.quick for ex in order], dtype=np.bool_)
        self.a_static = np.array([ex.static for ex in order], dtype=np.bool_)
        self.a_power = np.array([ex.kind == "power" for ex in order], dtype=np.bool_)
        self.a_olympic = np.array([ex.olympic for ex in order], dtype=np.bool_)
        # who is named so, by name key, alternative label key, generic key (name_keys), word
        # as written (OPPOSITES), motion token (direction.motions) and normalised name
        self.key_holders = postings(ex.keys for ex in order)
        self.alias_holders = postings(ex.alt_keys for ex in order)
        self.generic_holders = postings(ex.generic_keys for ex in order)
        self.with_raw = postings(ex.raw_words for ex in order)
        self.with_motion = postings(ex.motions for ex in order)
        self.written_holders = postings([normalised(ex.name)] for ex in order)
        self.codes = codes
        self.load_affinity = affinity_matrix(codes)  # the codes are known once all are made

    def described(self, target: Exercise, ids: npt.NDArray[np.int64],
                  rows: npt.NDArray[np.float64] | None = None) -> npt.NDArray[np.float64]:
        """How alike the records describe the candidates' movement and the target's: the cosine
        of the TF-IDF vectors of their movement descriptions (Exercise.described: the reviewed
        layer's reasons for the movement pattern and mechanic), 0 to 1; 0 when either has
        none. rows: :meth:`described_rows` of the target, when a caller has them."""
        if rows is None:
            rows = self.described_rows(target)
        return np.minimum(rows[self.a_description[ids]], 1.0)

    def described_rows(self, target: Exercise) -> npt.NDArray[np.float64]:
        """The cosine of the target's description with each distinct one (movement.py)."""
        return description_rows(target.described, self.described_idf, self.described_at,
                                self.described_weight, self.description_rows)

    def opposite(self, target: Exercise) -> npt.NDArray[np.bool_]:
        """Which exercises have a word in their written name whose opposite (OPPOSITES) is in
        the target's and not itself, or move a joint of the target the other way
        (direction.opposed: a neck extension for a neck flexion): the antagonists'
        look-alike ("Lying Face Up Plate Neck Resistance" for the face-down one, hip abduction
        for adduction)."""
        return antagonists(target.raw_words, target.motions, self.with_raw, self.with_motion,
                           len(self.slugs))

    def other_heads(self, target: Exercise, ids: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:
        """Which candidates at ids work another part of a shared prime mover (movement.py)."""
        return other_heads(target, self.a_heads[ids], self.head_bits, self.group_heads)

    def same_exercise(self, target: Exercise) -> npt.NDArray[np.bool_]:
        """Which exercises are the target under another name: one of its name keys
        (:func:`name_keys`: normalised, synonyms replaced, filler and own-load words dropped,
        word order or spaces ignored) or alternative labels equals one of the target's, at a
        compatible load type (the same, or either unknown: "Squat" with a barbell is not the
        bodyweight "Squat")."""
        same = np.zeros(len(self.slugs), dtype=np.bool_)
        # a name equals the other's name or one of its alternative labels, or is the other's
        # with a posture or attachment word more ("Leg Raise" / "Lying Leg Raise": a generic
        # key is matched against full names only, so "Standing Leg Curl" and "Lying Leg Curl"
        # stay two exercises)
        for holders, keys in ((self.key_holders, target.keys | target.alt_keys
                               | target.generic_keys),
                              (self.alias_holders, target.keys),
                              (self.generic_holders, target.keys | target.alt_keys)):
            for key in keys:
                found = holders.get(key)
                if found is not None:
                    same[found] = True
        if target.load is not None:
            # the load types differ: the same exercise only when one is bodyweight by the
            # record and the other's name names no load ("Walking Lunges" with a band listed,
            # "Bodyweight Walking Lunge"), not "Squat" and "Barbell Squat"
            bodyweight = self.codes.get("bodyweight", -1)
            same &= ((self.a_load == self.codes[target.load]) | (self.a_load == 0)
                     | ((target.load == "bodyweight") & ~self.a_load_named)
                     | ((self.a_load == bodyweight) & (not target.load_named)))
        # names equal once normalised are the same exercise to a reader whatever the records
        # say of the load ("Squat with Bands" with a barbell listed, "Squats - With Bands")
        found = self.written_holders.get(normalised(target.name))
        if found is not None:
            same[found] = True
        return same

    # -- loading ---------------------------------------------------------------------------

    @classmethod
    def load(cls, store: Store) -> Engine:
        """The engine over store's exercise records (:mod:`exgraph.records`: the muscles,
        equipment, difficulty and pattern every surface reads), plus the equipment taxonomy and
        the names of muscles, patterns and equipment (two SELECTs)."""
        found = records_for(store)
        exercises = {slug: exercise_from_record(record, found.group_of)
                     for slug, record in found.records.items()}
        for ex in exercises.values():  # alternatives that are no exercise of the store
            ex.curated = {o: f for o, f in ex.curated.items() if o in exercises}
            ex.variations = frozenset(o for o in ex.variations if o in exercises)
        ups = closure(store.select(internal("equipment-taxonomy-links").text()))
        labels = {local_name(str(r["x"])): str(r["label"])
                  for r in store.select(internal("catalogue-labels").text())}
        taxonomy = {k: frozenset(v) for k, v in ups.items()}
        groups = Bits()
        for ex in exercises.values():
            ex.needs = frozenset(up for kind in ex.equipment for up in taxonomy.get(kind, {kind}))
            ex.pmask, ex.smask, ex.stmask = (groups.mask(ex.primary), groups.mask(ex.secondary),
                                             groups.mask(ex.stabilizer))
            ex.mvmask, ex.wkmask = ex.pmask | ex.smask, ex.pmask | ex.smask | ex.stmask
        if len(groups.index) > 63:
            raise DataError(f"{len(groups.index)} muscle groups: the engine's masks hold 63")
        derive_features(exercises, record_facts(found.records.values()))
        return cls(exercises, taxonomy, labels)

    # -- answering -------------------------------------------------------------------------

    def exercise(self, slug: str) -> Exercise:
        """The exercise with this slug (raises NotFound)."""
        try:
            return self.exercises[slug]
        except KeyError:
            raise NotFound(f"no exercise {slug!r}") from None

    def passes(self, ex: Exercise, f: Filters) -> bool:
        """Whether ex meets the filters by known (or explicitly estimated) facts."""
        if f.exclude_equipment or f.equipment is not None:
            if not ex.equipment_known:
                if not f.include_unknown:
                    return False
            else:
                if ex.needs & f.exclude_equipment:
                    return False
                if f.equipment is not None and not all(
                        self._available(kind, f.equipment) for kind in ex.equipment):
                    return False
        if f.difficulty or f.max_difficulty:
            if not ex.levels:
                return f.include_unknown
            if f.difficulty and f.difficulty not in ex.levels:
                return False
            rank = ex.rank
            if f.max_difficulty and rank is not None and rank > LEVELS.index(f.max_difficulty):
                return False
        return True

    def _available(self, kind: str, has: frozenset[str]) -> bool:
        """A need is met by the kind itself or a narrower kind the lifter has; bodyweight and
        unspecified 'other' need nothing."""
        if kind in ("bodyweight", "other") or kind in has:
            return True
        return bool(self.below.get(kind, frozenset()) & has)

    def passing(self, f: Filters) -> npt.NDArray[np.bool_]:
        """Which exercises (in :attr:`slugs` order) meet the filters; cached per filter
        combination, so the filters run once per combination, not once per request."""
        key = (f.exclude_equipment, f.equipment, f.difficulty, f.max_difficulty,
               f.include_unknown)  # (skill_jump is applied in scores, not here)
        found = self._passing.get(key)
        if found is None:
            found = np.array([self.passes(self.exercises[s], f) for s in self.slugs],
                             dtype=np.bool_)
            if len(self._passing) >= PASSING_CACHE:
                self._passing.clear()
            self._passing[key] = found
        return found

    def rank(self, slug: str, filters: Filters | None = None) -> list[Substitute]:
        """The substitutes of the exercise, best first, cut at the limit: by score (then name),
        with the variety re-rank (:meth:`varied`) over the first places.

        Raises NotFound for an unknown exercise.
        """
        f = filters or Filters()
        target = self.exercise(slug)
        rows = self.described_rows(target)  # once per answer: the scores, options, reasons
        ids, scores = self.scores(target, f, rows)
        order = np.lexsort((ids, -scores))  # ids are in name order: ties by name
        picked = self.varied(ids, scores, order, f.limit, target, rows)
        alike = self.described(target, ids[picked], rows) if target.described and picked \
            else None
        direct = direct_swaps(self, target, ids[picked], rows).tolist()
        return [explain(self._label, target, self.exercises[self.slugs[int(ids[i])]],
                        float(scores[i]), None if alike is None else float(alike[k]), direct[k])
                for k, i in enumerate(picked)]

    def varied(self, ids: npt.NDArray[np.int64], scores: npt.NDArray[np.float64],
               order: npt.NDArray[np.int64], limit: int, target: Exercise,
               rows: npt.NDArray[np.float64] | None = None) -> list[int]:
        """Indexes into ids for the answer: :func:`variety.pick` over the VARIETY_POOL best by
        score, with the :meth:`options` among them. Only a strength or power exercise is
        capped: a stretch or a rolling drill has no load to vary."""
        pool = [int(i) for i in order[:max(VARIETY_POOL, limit)]]
        if not pool:
            return []
        at = ids[pool]
        loads = self.a_load[at].tolist()
        # neither capped nor an option: unknown, the uncommon implements ("other") and the
        # light hand-held ones (a plate or a medicine ball limits the load: a Svend press is
        # no plate "option" of the bench press)
        uncommon = frozenset({0} | {self.codes.get(load, -1) for load in UNCAPPED_LOADS})
        same = self.options(target, at, scores[np.array(pool)], rows)
        option = (same & ~np.isin(self.a_load[at], list(uncommon))).tolist()
        keys = [self.exercises[self.slugs[int(i)]].keys for i in at]
        chosen = pick(loads, option, keys, uncommon, target.kind in TRAINING_KINDS, limit)
        return [pool[k] for k in chosen]

    def options(self, target: Exercise, at: npt.NDArray[np.int64],
                scores: npt.NDArray[np.float64], rows: npt.NDArray[np.float64] | None = None
                ) -> npt.NDArray[np.bool_]:
        """Which candidates (positions at, scores best first) are variety options
        (:func:`variety.options`; rows: :meth:`described_rows` of the target)."""
        return options(self, target, at, scores, rows)

    def scores(self, target: Exercise, f: Filters, rows: npt.NDArray[np.float64] | None = None
               ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]:
        """(positions, scores) of every candidate that meets the filters: the table in the
        module documentation, as array operations over the candidates."""
        ids = self._candidates(target, f)
        score = self._muscle_scores(target, ids) + self._feature_scores(target, ids, rows)
        # a direct swap (the same movement, no material difference but a load that keeps the
        # loading) before the variants a name or a score part rates alike (variety.py)
        score += WEIGHTS["direct_swap"] * direct_swaps(self, target, ids, rows)
        return ids, score

    def _candidates(self, target: Exercise, f: Filters) -> npt.NDArray[np.int64]:
        """The positions of the exercises that may replace target: sharing a prime mover or
        the pattern, of the same family of activity, not itself, not its opposite, no Olympic
        lift for a non-Olympic one unless asked, meeting the filters."""
        tp = target.pmask
        pattern = self.codes.get(target.pattern, -1) if target.pattern else -1
        shares = (self.a_pmask & tp) != 0
        candidate = shares.copy()
        if pattern > 0:
            same_pattern = self.a_pattern == pattern
            if target.pattern in LOOSE_PATTERNS and tp:
                same_pattern &= shares
            candidate |= same_pattern
        if f.cover == "primary":
            candidate &= (self.a_pmask & tp) == tp
        # a lift is never replaced by a stretch, rolling, mobility or cardio drill, nor they by
        # a lift; nor an exercise by itself under another name
        candidate &= self.a_family == KIND_FAMILIES.get(target.kind, 0)
        if target.kind in ROLLING_STANDINS:  # rolling works a tissue: a mobility drill does not
            candidate &= np.isin(self.a_kind, [self.codes.get(k, -1)
                                               for k in ROLLING_STANDINS[target.kind]])
        candidate &= ~self.same_exercise(target)
        candidate &= ~self.opposite(target)
        if not target.olympic and not f.skill_jump:  # no clean or snatch for a hinge drill
            candidate &= ~self.a_olympic
        candidate &= self.passing(f)
        candidate[self.position[target.slug]] = False
        return np.flatnonzero(candidate)

    def _muscle_scores(self, target: Exercise, ids: npt.NDArray[np.int64]
                       ) -> npt.NDArray[np.float64]:
        """The curated, variation, muscle and pattern terms of the score."""
        w = WEIGHTS
        tp = target.pmask
        pm = self.a_pmask[ids]
        score = np.zeros(len(ids), dtype=np.float64)
        for others, weight in ((target.curated, w["curated"]),
                               (target.variations, w["variation"])):
            if others:
                at = np.array([self.position[s] for s in others if s in self.position])
                score += np.where(np.isin(ids, at), weight, 0.0)
        shared_primary = pm & tp
        n_primary = tp.bit_count()
        if n_primary:
            # a candidate whose muscles no source gives is not a candidate that works others
            score += np.where(pm == 0, w["muscles_unknown"], 0.0)
            as_secondary = tp & self.a_smask[ids] & ~shared_primary
            score += (w["primary"] * np.bitwise_count(shared_primary)
                      + w["primary_as_secondary"] * np.bitwise_count(as_secondary)) / n_primary
        if target.smask:
            score += (w["secondary"] * np.bitwise_count(target.smask & self.a_mvmask[ids])
                      / target.smask.bit_count())
        if target.stmask:
            score += (w["stabilizer"] * np.bitwise_count(target.stmask & self.a_wkmask[ids])
                      / target.stmask.bit_count())
        score += w["extra_primary"] * np.bitwise_count(pm & ~target.wkmask)
        # a prime mover of the candidate the exercise works only as a secondary mover moves the
        # emphasis (a deadlift's hamstrings and quadriceps for a hip thrust)
        score += w["primary_shift"] * np.bitwise_count(pm & target.smask & ~tp)
        # another head of a shared prime mover (a rear raise for a side raise)
        score += np.where(self.other_heads(target, ids), w["other_head"], 0.0)
        pattern = self.codes.get(target.pattern, -1) if target.pattern else -1
        if pattern > 0:
            same = self.a_pattern[ids] == pattern
            if target.pattern in LOOSE_PATTERNS and tp:
                same &= shared_primary != 0
            if target.motion is not None:  # a plank is no crunch: another trunk motion
                motion = self.a_motion[ids]
                same &= (motion == 0) | (motion == self.codes[target.motion])
            guessed = self.a_guessed[ids] | target.pattern_inferred
            score += np.where(same, np.where(guessed, w["pattern_inferred"], w["pattern"]), 0.0)
        return score

    def _feature_scores(self, target: Exercise, ids: npt.NDArray[np.int64],
                        rows: npt.NDArray[np.float64] | None = None) -> npt.NDArray[np.float64]:
        """The force, mechanic, load, laterality, name, load rarity, skill and level terms."""
        w = WEIGHTS
        score = np.zeros(len(ids), dtype=np.float64)
        for column, value, weight in ((self.a_force, target.force, w["force"]),
                                      (self.a_mechanic, target.mechanic, w["mechanic"]),
                                      (self.a_laterality, target.laterality, w["laterality"])):
            if value:
                score += np.where(column[ids] == self.codes[value], weight, 0.0)
        if target.load is not None:  # how well the candidate's load type keeps the loading
            score += w["load"] * self.load_affinity[self.codes[target.load], self.a_load[ids]]
        tv = self.variant_bits.mask(target.variants)
        score += w["variant"] * np.bitwise_count(self.a_variants[ids] ^ tv)
        score += self._name_scores(target, ids)
        if target.described:  # described alike by the reviewed layer: the same movement
            score += w["described"] * self.described(target, ids, rows)
        if target.load != "other":  # a log, keg, sled or chains: few lifters have one
            score += np.where(self.a_load[ids] == self.codes.get("other", -1),
                              w["uncommon_load"], 0.0)
        if not target.olympic:
            score += np.where(self.a_olympic[ids], w["skill_jump"], 0.0)
        if target.kind in TRAINING_KINDS:  # a jump or throw for a lift, or a lift for one
            other_kind = self.a_power[ids] != (target.kind == "power")
            score += np.where(other_kind & ~self.a_olympic[ids], w["power_jump"], 0.0)
        if target.rank is not None:
            ranks = self.a_rank[ids].astype(np.int64)
            score += w["harder"] * np.where(ranks > target.rank, ranks - target.rank, 0)
            score += w["easier"] * np.where((ranks >= 0) & (ranks < target.rank),
                                            target.rank - ranks, 0)
            # two steps apart (a beginner's drill for an advanced one, or the other way round) is
            # "two or more steps in skill" of the grading rules: a poor swap
            if target.kind in TRAINING_KINDS:  # (a stretch's level is no skill)
                score += np.where((ranks >= 0) & (np.abs(ranks - target.rank) >= 2),
                                  w["skill_gap"], 0.0)
        own = target.cardio_mode or target.power_mode  # a jumping drill for cycling, or a
        if own is not None:  # sprint drill for a bound (the other way round too)
            mode = self.a_mode[ids]
            score += np.where((mode != 0) & (mode != self.codes[own]),
                              w["cardio_mode" if target.cardio_mode else "power_mode"], 0.0)
        if target.kind not in TRAINING_KINDS:  # a rolling drill for a rolling drill first,
            score += np.where(self.a_kind[ids] == self.codes[target.kind], w["same_kind"], 0.0)
        score += np.where(self.a_choice[ids], w["choice"], 0.0)  # a menu is no one exercise
        # a quick lift for a strict one or the other way round, both of one kind (a power
        # exercise for a strength one is the kind step above): another kind of lift
        score += np.where((self.a_quick[ids] != target.quick)
                          & (self.a_power[ids] == (target.kind == "power")), w["quick"], 0.0)
        return score

    def _name_scores(self, target: Exercise, ids: npt.NDArray[np.int64]
                     ) -> npt.NDArray[np.float64]:
        """IDF-weighted word overlap of the names (Jaccard), and how much of target's name a
        candidate's covers."""
        w = WEIGHTS
        score = np.zeros(len(ids), dtype=np.float64)
        words = self.name_words[target.slug]
        if words:
            shared = np.zeros(len(self.slugs), dtype=np.float64)
            for word in words:
                shared[self.with_word[word]] += self.idf[word]
            common = shared[ids]
            union = self.a_wsum[self.position[target.slug]] + self.a_wsum[ids] - common
            score += w["name"] * np.divide(common, union, out=np.zeros(len(ids)),
                                           where=union > 0)
            own = self.a_wsum[self.position[target.slug]]
            if own > 0:
                score += w["name_cover"] * common / own
        return score

    def _label(self, slug: str) -> str:
        return self.labels.get(slug, slug.replace("-", " ")).lower()
