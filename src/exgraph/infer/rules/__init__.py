"""Deterministic inference rules: movement pattern, difficulty and equipment of an exercise.

Pure functions over a small value object (:class:`Facts`); the module imports nothing from
``exgraph`` and nothing outside the standard library, so it can be wired into the importers, the
store or the API later. Every answer is an :class:`Inferred` carrying the value, a stable rule id
and one readable sentence explaining it. The same facts always give the same answer.

Only English names drive keyword rules: ``Facts.languages`` runs parallel to ``Facts.names`` and a
name counts as English when its tag is ``None`` (untagged) or ``en``/``en-*``; with no
``languages`` at all every name counts. Names are lower-cased, accents and apostrophes dropped and
punctuation turned into spaces before matching, so "Push-Up", "pushup" and "push up" all read
``push up``/``pushup``; every keyword is matched on word boundaries ("leg curl" never hits a
"squat" or "leg press" rule, "side bridge" never hits the glute "bridge" rule). Names are tried in
order (preferred label first), and for each name the rules below in order; the first rule that
fires decides.

``movement_pattern(facts) -> Inferred | None``
    Values are local names of ``exg:MovementPattern`` individuals. Name rules, in priority order
    (a "none" rule stops the search and the function returns None):

    ========================================== ================================================
    ``pattern/none/stretch``                   stretch, SMR, foam rolling, mobility, leg
                                               swings, joint circles, rest, breathing: none
    ``pattern/none/complex``                   Turkish get-up, burpee, squat thrust, devil's
                                               press: several patterns at once, none claimed
    ``pattern/name-keyword/carry``             farmer's walk/carry, suitcase carry, yoke walk,
                                               any "carry" -> Carry
    ``pattern/name-keyword/calf``              calf/calves, toe press, tibialis, heel raise,
                                               plantar/dorsiflexion -> Isolation (before squat
                                               and leg press: "calf raise using hack squat
                                               machine" is a calf raise)
    ``pattern/name-keyword/clean-and-press``   clean and press, clean and jerk -> HipHinge
                                               (a combination takes the pattern of the part
                                               that moves the load from the floor, as the
                                               reviewed layer's rule says; before jerk)
    ``pattern/name-keyword/olympic-push``      jerk, push press -> VerticalPush (before squat:
                                               "squat jerk")
    ``pattern/name-keyword/lunge``             lunge, split squat, split/scissors jump,
                                               Bulgarian, step-up, pistol, single-/one-leg
                                               squat (up to two words between: "single-leg
                                               high box squat"), skater/shrimp/curtsy/cossack
                                               squat -> Lunge (single-leg work is Lunge, as
                                               the ontology defines it; before squat)
    ``pattern/name-keyword/kneeling-squat``    kneeling squat -> HipHinge (the knees rest on
                                               the floor; only the hips extend)
    ``pattern/name-keyword/squat``             squat, leg press, hack (squat), wall sit,
                                               thruster, snatch balance, wall ball -> Squat
    ``pattern/name-keyword/trunk``             crunch, sit-up, Pallof, woodchop, Russian twist,
                                               rollout, ab wheel, dead bug, hollow hold, V-up,
                                               jackknife, dragon flag, windshield wipers,
                                               flutter/scissor kicks, toes to bar, leg raise
                                               (not side/front/rear/lateral), knee raise, knee
                                               tuck, side bend, oblique, side bridge/plank,
                                               windmill, judo flip, landmine 180/rotation, bear
                                               crawl, superman, sledgehammer swing (a
                                               rotation, not a hip swing) -> TrunkStability
                                               (before the press/pull/raise rules: "Pallof
                                               press", "press sit-up", "hanging leg raise")
    ``pattern/none/cardio``                    treadmill, bike, run, sprint, stair climber,
                                               rope jumping, rowing/ski machine, jumping jacks,
                                               sled push/drag, walking: none (after lunge and
                                               trunk: "walking lunge", "bicycle crunch")
    ``pattern/name-keyword/isolation-early``   Tate/triceps press, pullover, straight-arm
                                               pulldown, pushdown, leg extension, leg/hamstring/
                                               Nordic curl -> Isolation (named like presses and
                                               pulldowns but single-joint)
    ``pattern/name-keyword/hinge``             deadlift, RDL, stiff-leg, good morning, hip
                                               thrust, glute bridge/drive, bridge, hip
                                               extension/hinge/lift, swing (not leg swing), back
                                               extension, hyperextension, pull-through,
                                               glute-ham raise, rack pull, clean/snatch/high
                                               pull, atlas stone, keg or sandbag load, tire
                                               flip -> HipHinge
    ``pattern/name-keyword/vertical-push``     handstand (push-up), pike push-up, overhead/
                                               military/shoulder/Arnold/Bradford/Z/landmine/
                                               kettlebell/log press, OHP, press behind the
                                               neck -> VerticalPush (before push-up)
    ``pattern/name-keyword/horizontal-push``   bench press, chest/floor/incline/decline/
                                               close-grip press, JM/Larsen/Svend/hex/pin press,
                                               push-up, press-up, dip(s), pause bench ->
                                               HorizontalPush. Dips are filed here (a decision:
                                               a press for chest and triceps)
    ``pattern/name-keyword/vertical-pull``     pull-up, chin-up, chins, pulldown, lat pull,
                                               muscle-up, rope climb, scapular pull, upright
                                               row -> VerticalPull. The upright row is filed
                                               here (a decision: the pull runs in the vertical
                                               plane; before row)
    ``pattern/name-keyword/horizontal-pull``   row, rowing, face pull, long pulley, Australian
                                               pull-up (an inverted row; the vertical-pull
                                               rule leaves it) -> HorizontalPull
    ``pattern/name-keyword/olympic-pull``      clean, snatch (hang/power/split) -> HipHinge
    ``pattern/none/plyometric``                jump, hop, bound, leap, skip, throw, slam, pass,
                                               toss, push-off, shuffle, drill: none
    ``pattern/name-keyword/isolation``         curl, extension, raise, fly/flye, a cable or
                                               band crossover or crossover fly (not the bare
                                               word: "hip crossover" is a trunk rotation,
                                               "lying crossover" a stretch), pec deck,
                                               butterfly, kickback, shrug, skull crusher,
                                               pull-apart, internal/external rotation, rotator
                                               cuff, joint flexion, laterals, abduction/
                                               adduction, clamshell, wrist roller, pinch, grip
                                               -> Isolation; but TrunkStability
                                               (``pattern/name-keyword/isolation-abdominal``)
                                               when every primary muscle is abdominal ("bent-
                                               knee hip raise")
    ``pattern/name-keyword/trunk-late``        plank, twist, L-sit, L hold, bird dog, mountain
                                               climber, crawl, trunk/torso/core rotation,
                                               hip crossover (a lying trunk rotation, as the
                                               muscle rule's obliques read it) ->
                                               TrunkStability (late: "flyes with a twist" is a
                                               fly, "plank to row" a row, "L-sit pull-up" a
                                               pull-up)
    ``pattern/press-by-muscle``                any other "press": chest or triceps primary ->
                                               HorizontalPush, shoulders -> VerticalPush
    ========================================== ================================================

    A source category "stretching" comes before every name rule (``pattern/none/category``):
    a stretch has no pattern whatever its name says ("Lying Crossover", a partner hip stretch).

    When no name rule fires, the fallbacks use the data:

    ========================================== ================================================
    ``pattern/none/category``                  category stretching, cardio or plyometrics: none
    ``pattern/muscle/abdominals``              every primary muscle is abdominal ->
                                               TrunkStability
    ``pattern/mechanic/isolation``             mechanic "isolation" -> Isolation
    ``pattern/force-muscle/push``              force push (mechanic compound or unknown): chest
                                               or triceps -> HorizontalPush, shoulders ->
                                               VerticalPush, quadriceps -> Squat, glutes or
                                               hamstrings -> HipHinge
    ``pattern/force-muscle/pull``              force pull: lats -> VerticalPull, middle back ->
                                               HorizontalPull, hamstrings, glutes or erector
                                               spinae -> HipHinge
    ``pattern/muscle/lats``                    no force known, primary groups are lats (with
                                               traps or biceps at most) -> VerticalPull
    ``pattern/muscle/single-joint``            no force known, mechanic not compound, every
                                               primary group is one only single-joint movements
                                               target (biceps, triceps, forearms, calves, neck)
                                               -> Isolation
    ========================================== ================================================

``estimate_difficulty(facts) -> Inferred | None``
    Only when ``facts.difficulty`` is None. Values "low", "moderate", "high". First match wins;
    when unsure the rules pick the higher level, which is the safer error for beginners:

    ================================ ==========================================================
    ``difficulty/stretch``           stretches, SMR, mobility (name or category) -> low
    ``difficulty/skill``             snatch (not snatch pull/deadlift/shrug/balance), jerk,
                                     muscle-up, pistol, planche, front/back lever, human flag,
                                     handstand, one-arm pull-up/chin-up/push-up, archer,
                                     dragon flag, overhead squat, Zercher, sissy squat,
                                     hanging leg raise/pike, chains, reverse band -> high
    ``difficulty/olympic``           clean, snatch pull/deadlift/shrug/balance, high pull,
                                     category olympic weightlifting, powerlifting or strongman
                                     -> moderate
    ``difficulty/demanding``         rollout, ab wheel, glute-ham raise, Nordic curl, pullover,
                                     renegade row, get-up, windmill -> moderate
    ``difficulty/kettlebell``        kettlebell -> moderate
    ``difficulty/barbell-compound``  barbell (or EZ bar) and not an isolation movement ->
                                     moderate
    ``difficulty/free-weight-unilateral``  dumbbell compound that is one-arm/single-leg or a
                                     shoulder press -> moderate
    ``difficulty/other-equipment``   only "other" equipment (sleds, rings, implements) ->
                                     moderate
    ``difficulty/plyometric``        category plyometrics or cardio -> low
    ``difficulty/guided``            machine, Smith machine, cable, band, medicine ball,
                                     exercise ball -> low
    ``difficulty/isolation``         isolation mechanic or an Isolation/TrunkStability movement
                                     pattern by the rules above -> low
    ``difficulty/bodyweight``        bodyweight or dumbbell basics -> low
    ``difficulty/default``           anything else -> moderate (unsure: err higher)
    ================================ ==========================================================

``equipment_from_name(facts) -> tuple[Inferred, ...]``
    Only when ``facts.equipment`` is empty; returns one :class:`Inferred` per equipment slug the
    English names state (empty tuple when none), in the order below. More specific kinds shadow
    their parents: "smith machine" gives smith-machine and not machine as well, "EZ bar" gives
    ez-curl-bar and not barbell, "incline bench" incline-bench and not bench.

    ==================================== =======================================================
    ``equipment/name/smith-machine``      smith machine, multi press, multipress
    ``equipment/name/leg-press-machine``  leg press (also "calf press on the leg press": same
                                          machine)
    ``equipment/name/back-extension-machine``  back extension machine (lever/selectorized
                                          variants give those slugs)
    ``equipment/name/machine``            machine, lever(age) (not front/back lever), selectorized,
                                          Hammer Strength, plate-loaded, pec deck
    ``equipment/name/cable-station``      cable(s), pulley
    ``equipment/name/ez-curl-bar``        EZ bar, SZ bar, curl bar
    ``equipment/name/barbell``            barbell, BB, landmine, Olympic bar
    ``equipment/name/dumbbell``           dumbbell(s), DB
    ``equipment/name/kettlebell``         kettlebell(s), KB
    ``equipment/name/resistance-band``    band(s), banded, elastic (not TRX band, IT band)
    ``equipment/name/medicine-ball``      medicine ball, med ball, wall ball, ball slam
    ``equipment/name/exercise-ball``      Swiss/stability/exercise/physio ball
    ``equipment/name/weight-plate``       plate(s) (not plate-loaded)
    ``equipment/name/foam-roller``        foam roller, Blackroll
    ``equipment/name/hyperextension-bench``  hyperextension bench, Roman chair, 45-degree back
                                          extension/hyperextension
    ``equipment/name/incline-bench``      incline/decline bench
    ``equipment/name/bench``              bench (including "bench press")
    ``equipment/name/pull-up-bar``        pull-up/chin-up bar, and pull-ups, chin-ups, hanging,
                                          toes to bar, dead hang when no machine, cable or band
                                          is named
    ``equipment/name/gym-mat``            mat
    ``equipment/name/bodyweight``         bodyweight/body weight, no equipment
    ``equipment/implied/cable-station``   only when nothing above matched: pushdown, lat or
                                          straight-arm pulldown, face pull, rope/bar attachment
                                          (done on a cable station)
    ``equipment/implied/bodyweight``      only when nothing above matched: push-up, plank,
                                          air/prisoner squat, burpee, sit-up, crunch, mountain
                                          climber, jumping jack, pistol squat, superman, bird
                                          dog, dead bug, L-sit, handstand; not when the name
                                          also says weighted, rope, TRX, suspension, rings, row,
                                          press, curl or fly
    ==================================== =======================================================

    A mention after "no" or "without" is ignored ("hyperextensions with no hyperextension
    bench").
"""

from __future__ import annotations

from exgraph.infer.rules.common import (
    DIFFICULTY_LEVELS,
    PATTERNS,
    Facts,
    Inferred,
    english_names,
)
from exgraph.infer.rules.difficulty import estimate_difficulty
from exgraph.infer.rules.equipment import equipment_from_name
from exgraph.infer.rules.kind import activity_kind
from exgraph.infer.rules.muscles import primary_muscles, target_muscles
from exgraph.infer.rules.pattern import movement_pattern

__all__ = [
    "DIFFICULTY_LEVELS",
    "PATTERNS",
    "Facts",
    "Inferred",
    "activity_kind",
    "english_names",
    "equipment_from_name",
    "estimate_difficulty",
    "movement_pattern",
    "primary_muscles",
    "target_muscles",
]
