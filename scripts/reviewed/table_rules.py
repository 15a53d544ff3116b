"""The decidable rules of docs/reviewed-layer.md, applied to every reviewed entry (issue 22).

The fact audits found reviewed entries that contradict the layer's own written rules (a decline
dumbbell triceps extension rated Low where the table's decline row says Moderate; a tuck jump in
place rated Moderate where the plyometrics rows say Low; butt-ups without a hip flexor; a bench
press to skull crusher filed as single-joint isolation). Judging entries one by one let such
slips through, so the rules that a name and the entry's facts decide are written here once and
``tests/integration/data/test_reviewed_layer.py`` runs them over every ``data/reviewed/*.ttl``
entry: an entry that contradicts one fails the test, whichever generator wrote it.

Four checks:

* :func:`difficulty_row` — the first row of the difficulty table that an entry's name, equipment,
  mechanic, laterality and kind decide, as ``(level, row)``; ``None`` when no decidable row
  matches (then the entry's own rationale carries the judgement and the audit reviews it).
* :func:`hip_flexor_problem` — moves driven by hip flexion (leg and knee raises, kicks, tucks,
  pikes, butt-ups, mountain climbers, V-ups, L-sits) must list the quadriceps, the catalogue's
  term for the rectus femoris and the closest to the hip flexors it lacks, as primary or
  secondary.
* :func:`knee_extensor_problem` — an entry whose name is a movement the knees extend in (jumps,
  thrusters, cleans, jerks, kettlebell and dumbbell swings, squats, lunges) or whose reasons,
  muscle functions or source steps say the knees extend ("hips and knees extend", "extending
  through the hips, knees and ankles", "extend your knees") must list the quadriceps, the knee
  extensors, in some role (the fourth fresh audit's vertical swing: a jump with glutes and
  hamstrings only, the kettlebell swing's list reused).
* :func:`pattern_problem` — a compound entry cannot have the single-joint ``Isolation`` pattern;
  a clean and jerk or press is a ``HipHinge`` (of two compound parts, the one that moves the load
  from the floor decides);
  a combination of a compound lift and another movement ("bench to skull crusher", "curl to
  press", "row to external rotation") is compound and takes the compound part's pattern; an
  upright row (shoulder and elbow) is a compound vertical pull.

Run ``python scripts/reviewed/table_rules.py`` to list the entries that contradict a rule.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

#: Equipment that makes an exercise a machine, cable or band exercise (the Low row), with every
#: kind named ``*-machine`` or ``*-station`` (see :func:`_guided`).
GUIDED = {"smith-machine", "cable-station", "lat-pulldown-station", "seated-cable-row-station",
          "resistance-band", "machine", "leg-press-machine", "hack-squat-machine",
          "belt-squat-machine", "leg-extension-machine", "leg-curl-machine",
          "calf-raise-machine", "hip-abduction-machine", "hip-adduction-machine",
          "ab-crunch-machine", "back-extension-machine", "chest-press-machine",
          "shoulder-press-machine", "seated-row-machine"}
FREE_WEIGHTS = {"barbell", "dumbbell", "kettlebell", "ez-curl-bar", "weight-plate", "trap-bar"}
UNSTABLE = {"exercise-ball", "balance-trainer", "suspension-trainer", "sliders",
            "gymnastic-rings"}
#: Supports that hang or swing like straps: leaning back from them (rows, curls) is a row.
STRAPS = {"suspension-trainer", "gymnastic-rings"}


@dataclass(frozen=True)
class Entry:
    """The facts of one reviewed entry the rules read (``slug`` is the exercise's IRI's last
    step, which the project mints from its label)."""

    slug: str
    equipment: frozenset[str]
    laterality: str  # Bilateral, Unilateral, Alternating
    mechanic: str  # compound, isolation
    pattern: str  # Squat, HipHinge, ... Isolation
    difficulty: str  # Low, Moderate, High
    kind: str  # StrengthTraining, PowerTraining, Cardio, MobilityDrill, Stretching
    primary: frozenset[str] = frozenset()
    secondary: frozenset[str] = frozenset()
    stabilizer: frozenset[str] = frozenset()
    #: The entry's own reasons and muscle functions, and the steps and summary its sources give
    #: (read by :func:`knee_extensor_problem`; empty when not read).
    texts: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """The slug as words between dashes, so that ``-word-`` matches a whole word."""
        return f"-{self.slug}-"


def _guided(equipment: frozenset[str]) -> frozenset[str]:
    """The machines, cable stations and bands among the kinds (a dip station is bars to hold
    the body on, not a machine)."""
    return frozenset(k for k in equipment if k in GUIDED or (
        k.endswith(("-machine", "-station")) and k != "dip-station"))


def _has(entry: Entry, *words: str) -> bool:
    """Whether the slug contains any of the dash-separated word sequences."""
    return any(f"-{w}-" in entry.name for w in words)


# -- difficulty -----------------------------------------------------------------------------

OLYMPIC = ("clean", "snatch", "jerk")
#: Words that make a clean, snatch or jerk name something without the catch under the bar.
NO_CATCH = ("pull", "pulls", "shrug", "deadlift", "dip", "muscle", "grip", "high", "row",
            "delivery", "squat-jerk-dip")
GYMNASTIC = ("front-lever", "back-lever", "lever-pull-up", "planche", "handstand",
             "handstand-push-up", "muscle-up", "one-arm-pull-up", "one-arm-chin-up",
             "one-arm-push-up", "archer", "typewriter", "l-sit-pull-ups", "l-sit-pull-up",
             "straddle", "dragon-flag", "windshield-wipers", "ring-dips", "trx-dips", "pistol",
             "shrimp", "sissy", "clap", "drop-push", "bent-press", "clock-push-up",
             "push-up-depth-jump", "single-arm-push-up", "commando-pull-ups", "side-to-side-chins",
             "ice-scream-maker", "plyo-kettlebell-pushups", "overhead-kettlebell-squats",
             "gironda-sternum-chins", "standing-rollout", "barbell-ab-rollout")
#: Names that contain a skill's word but are not the skill: a French "dynamic side plank", a
#: pistol squat with the Smith machine's bar to hold (single-leg work, Moderate).
NOT_GYMNASTIC = ("planche-de-cote", "smith-machine-pistol-squat", "rollout-on-knees")
BARBELL_LIFTS = ("squat", "squats", "deadlift", "deadlifts", "rack-pull", "rack-pulls",
                 "good-morning", "good-mornings", "stiff-legs", "stiff-legged", "bench",
                 "bench-press", "floor-press", "press", "presses", "ohp", "supino", "row", "rows",
                 "rowing", "thruster", "hip-thrust", "bridge", "lunge", "lunges", "split-squat",
                 "step-up", "step-ups")
SINGLE_JOINT = ("curl", "curls", "extension", "extensions", "raise", "raises", "shrug", "shrugs",
                "upright", "skull", "skullcrusher", "crusher", "pullover", "pullovers", "rollout",
                "roll-out",
                "side-bend", "calf", "wrist", "triceps", "tricep", "kickback", "fly", "flye",
                "flyes", "anti-gravity")
#: Two-footed jumps that land where they started, and other basic drills (Low).
BASIC_JUMPS = ("squat-jumps", "jump-squat", "freehand-jump-squat", "tuck-jump", "knee-tuck-jump",
               "high-knee-jumps", "star-jump", "rocket-jump", "standing-long-jump",
               "side-standing-long-jump", "box-jumps", "front-box-jump", "cone-hops",
               "snap-down", "single-leg-push-off", "double-leg-butt-kick")
#: Rebounds, depth and drop jumps, single-leg bounds and hops, lateral bounds (Moderate).
INTERMEDIATE_JUMPS = ("multiple-response", "box-skip", "box-shuffle", "depth-jump", "bench-jump",
                      "bound", "lateral-bound", "lateral-push-off", "lunge-sprint",
                      "single-leg-hop", "single-leg-lateral-hop", "hop-progression",
                      "stride-jump", "split-jump", "scissors-jump", "lateral-box-jump", "skater",
                      "quick-leap", "frog-hops")  # frog hops: broad jumps one after another
BASIC_BODYWEIGHT = ("crunch", "crunches", "sit-up", "sit-ups", "plank", "glute-bridge",
                    "hip-bridge", "bird-dog", "dead-bug", "superman", "bench-dips",
                    "knee-push-ups", "incline-push-up", "pushups", "push-up", "push-ups",
                    "push-up-wide", "bodyweight-squat", "air-squat", "wall-sit")
#: Bridges and hip thrusts, on one leg or two: basic however loaded with a bell (a barbell's
#: set-up makes the barbell hip thrust a free barbell lift).
BRIDGES = ("glute-bridge", "hip-bridge", "hip-thrust", "bridge")
#: Hanging from a bar: pull-ups, chin-ups and their holds, hanging knee and leg raises.
HANGING = ("pull-up", "pull-ups", "pullup", "pullups", "chin-up", "chin-ups", "chin", "chins",
           "hanging-leg-raise", "hanging-pike", "knee-raises", "toes-to-bar", "leg-raises")
#: Patterns of work hanging from a bar (pulls, holds, rows with the legs over it, hanging core);
#: a dead hang (single-joint isolation) is Low.
HANGING_PATTERNS = ("VerticalPull", "HorizontalPull", "TrunkStability")
NOT_HANGING = ("scapular", "australian", "inverted", "assisted")
#: Bodyweight work on the arms without a bar to name it: feet-raised and fingertip push-ups,
#: Nordic and glute-ham raises, L-sits, frog stands, hollow holds, rollouts from the knees.
ON_THE_ARMS = ("feet-elevated", "decline-push-up", "finger-pushup", "fingertip", "nordic-curl",
               "glute-ham-raise", "l-sit", "tuck-l-sit", "l-hold", "frog-stand", "hollow-hold",
               "ab-wheel", "ab-roller", "rollout-on-knees", "ab-rollout-on-knees", "v-up",
               "v-ups", "jackknife-sit-up", "janda-sit-up", "push-up-to-side-plank",
               "push-up-rotations", "side-to-side-push-ups", "three-point-push-up",
               "isometric-wipers", "rollout-from-bench",
               # pike and Hindu push-ups: the hips high, much of the weight pressed head-down
               "pike-push-up", "pike-push-ups", "vpushup", "hindu-pushups", "hindu-push-ups",
               "dive-bomber",
               # bodyweight triceps extensions: the body pressed up from the forearms
               "body-up", "body-ups", "body-tricep-press",
               # bench dips with the feet raised on a second bench or a plate on the lap
               "dips-between-two-benches", "weighted-bench-dip",
               # a full back bridge pushed up from the floor on the hands and feet
               "back-bridge")
BALLISTIC = ("swing", "swings", "clean", "cleans", "snatch", "jerk", "push-press",
             "high-pull", "clean-pull", "snatch-pull", "muscle-snatch", "jerk-dip", "thruster",
             "devils-press", "windmill", "get-up", "clean-and-press", "jammer",
             # complexes: a squat and a press or a raise in one repetition
             "squat-to-press", "iron-cross")
#: Kettlebell work from the rack position (the ballistic row: a clean rack takes practice).
KETTLEBELL_RACK = ("front-squat", "front-squats", "military-press", "seesaw-press",
                   "arnold-press", "seated-press", "para-press", "push-press", "kettlebell-press")
#: Where a ball, BOSU or straps carry the hands, forearms, feet or shins of a plank or bridge,
#: or the body leans forward onto straps (Moderate); a ball under the back, belly or side with
#: the feet on the floor is a support, and leaning back from straps (rows, curls) is a row.
UNSTABLE_MOVES = ("pull-in", "pike", "jackknife", "rollout", "roll-out", "fallout", "push-up",
                  "push-ups", "pushup", "plank", "leg-curl", "hamstring-curl", "knee-tuck",
                  "split-squat", "crossess", "crosses", "fly", "flye", "tricep-extension",
                  "triceps-extension", "reverse-crunch", "obliques", "downward-facing-balance",
                  "single-arm", "one-arm", "hamstring-curls", "leg-curls", "support-hold")
#: Names of the same on a surface the name gives: heels sliding on a towel or a glider, the
#: hands of a close push-up on one upright dumbbell.
UNSTABLE_NAMES = ("hamstring-slides", "glider", "off-of-a-dumbbell")
#: Free-weight rows and raises bent over, by name or by pattern (see :func:`_bent_over`).
BENT_OVER = ("bent-over", "bent", "silverback", "ytwl", "ytw", "gorilla", "dead-row",
             "lat-pull-db")
#: Rows that are not bent over: supported, seated, lying, under a bar, in a plank.
NOT_BENT_OVER = ("head-on-bench", "seated", "chest-supported", "lying", "inverted", "australian",
                 "upright", "renegade", "plank-to-row")
#: Single-leg, rear-foot-elevated and lateral compound work (Moderate).
ONE_LEG = ("bulgarian", "rear-foot-elevated", "single-leg-deadlift", "single-leg-rdl", "cossack",
           "lateral-lunge", "side-lunge", "side-squat", "pistol", "high-box", "pass-through")


Row = tuple[str, str]


def _high(entry: Entry) -> Row | None:
    eq = entry.equipment
    # a barbell Olympic lift with a catch (a Smith-machine clean keeps the turnover and catch)
    if (_has(entry, *OLYMPIC) and eq & {"barbell", "smith-machine"}
            and not _has(entry, *NO_CATCH)) \
            or (_has(entry, "overhead-squat") and eq & {"barbell", "kettlebell", "dumbbell"}):
        return "High", "barbell Olympic lift with a catch"
    skill = _has(entry, *GYMNASTIC) or (_has(entry, "l-sit") and _has(entry, "pull-up",
                                                                          "pull-ups"))
    if skill and not _has(entry, *NOT_GYMNASTIC):
        return "High", "gymnastic or leverage skill"
    return None


def _moderate_lifts(entry: Entry) -> Row | None:
    eq = entry.equipment
    # intermediate plyometrics and loaded jumps come before the barbell row, so a jump squat
    # with a bar is a loaded jump; basic jumps are decided by the Low rows
    jump = _has(entry, "jump", "jumps", "hop", "hops", "bound", "leap", "push-off", "skip",
                "shuffle", "sprint", "butt-kick")  # butt kicks: a jump kicking the heels up
    if entry.kind == "PowerTraining" and jump and (
            _has(entry, *INTERMEDIATE_JUMPS)
            or eq & (FREE_WEIGHTS | {"smith-machine", "hurdles"})
            or (entry.laterality == "Unilateral" and not _has(entry, *BASIC_JUMPS))):
        return "Moderate", "intermediate plyometrics"
    # a push-up that leaves the floor and lands in place (one that lands elsewhere is High); a
    # split squat jumped, switching the legs in the air
    if entry.kind == "PowerTraining" and (
            _has(entry, "push-up", "push-ups", "pushup", "pushups")
            or (entry.pattern == "Lunge" and entry.laterality == "Alternating"
                and _has(entry, "split-squat", "split-squats", "lunge", "lunges"))):
        return "Moderate", "intermediate plyometrics"
    # a free barbell compound lift (an EZ bar is a bar; a bar in a rack for an inverted row,
    # or a row lying chest-down on a bench, is not a free lift)
    # (bands or chains on the bar change the set-up, not the lift; a squat or a hinge with the
    # bar on the back is the lift however many joints the source counts: kneeling squats,
    # seated good mornings)
    if eq & {"barbell", "ez-curl-bar"} and not _guided(eq) - {"resistance-band"} \
            and "landmine" not in eq and _has(entry, *BARBELL_LIFTS) \
            and (not _has(entry, *SINGLE_JOINT) or _has(entry, "bench-press")) \
            and not _has(entry, "inverted", "australian", "lying", "rollout", "sit-up") \
            and (entry.mechanic == "compound" or entry.pattern in ("Squat", "HipHinge")
                 or _has(entry, "hip-thrust", "bridge")):
        return "Moderate", "free barbell compound lift"
    # a ballistic lift without a barbell catch, kettlebell work from the rack
    if (eq & {"kettlebell", "dumbbell", "barbell"} and _has(entry, *BALLISTIC)
            and not _guided(eq)) or ("kettlebell" in eq and _has(entry, *KETTLEBELL_RACK)):
        return "Moderate", "ballistic lift without a barbell catch"
    return None


def _moderate_balance(entry: Entry) -> Row | None:
    eq = entry.equipment
    strength = entry.kind == "StrengthTraining"
    if strength and (_has(entry, *ONE_LEG) or (
            entry.laterality == "Unilateral" and entry.pattern == "HipHinge"
            and entry.mechanic == "compound" and not _guided(eq))):
        return "Moderate", "balance or one side: rear-foot-elevated or single-leg compound work"
    if entry.laterality == "Unilateral" and eq & FREE_WEIGHTS and not _guided(eq) and (
            (eq & {"bench"} and _has(entry, "bench-press", "fly", "flye"))
            or (_has(entry, "press") and _has(entry, "bridge"))):
        return "Moderate", "balance or one side: a one-sided load lying on a bench or in a bridge"
    if strength and (_has(entry, "copenhagen") or (
            entry.pattern == "Carry" and _has(entry, "overhead") and "sled" not in eq)):
        return "Moderate", "balance or one side: a side plank on the top leg, a load overhead"
    straps = eq & STRAPS
    if (eq & UNSTABLE and _has(entry, *UNSTABLE_MOVES)
            and not (straps and _has(entry, "row", "rows", "rowing", "curl", "curls"))) \
            or (straps and entry.laterality == "Unilateral") \
            or (strength and _has(entry, *UNSTABLE_NAMES)) \
            or (strength and "bodyweight" in eq and _has(entry, "fly", "flye", "flyes")
                and not eq & {"bench", "incline-bench", "decline-bench"}):
        return "Moderate", "balance or one side: an unstable base"
    if (eq & FREE_WEIGHTS or "landmine" in eq) and not _guided(eq) and (
            _has(entry, "renegade", "plank-to-row")
            or ("landmine" in eq and _has(entry, "180-s", "180s", "rotation", "rotations"))):
        return "Moderate", "balance or one side: a plank on the weights, a landmine arced"
    if _bent_over(entry):
        return "Moderate", "balance or one side: bent over with the hinge unsupported"
    if "decline-bench" in eq and eq & FREE_WEIGHTS:
        return "Moderate", "balance or one side: free weights head-down on a decline bench"
    return None


#: The free weights whose bent-over work is Moderate: a bar (or a landmine's bar end). Dumbbells
#: and kettlebells bent over are Low (issue 23, data7): the hinge they are held in is the
#: dumbbell Romanian deadlift's, which the table rates Low, and the plans found no beginner row
#: without a bench (a bent-over two-dumbbell row was Moderate while a dumbbell RDL was Low).
BENT_OVER_BARS = frozenset({"barbell", "ez-curl-bar", "trap-bar", "landmine"})


def _bent_over(entry: Entry) -> bool:
    """Barbell (or landmine) work bent over with no hand, chest or head on a bench: named so,
    or a row of the horizontal-pull pattern done standing."""
    eq = entry.equipment
    named = _has(entry, *BENT_OVER) or (
        entry.pattern == "HorizontalPull" and _has(entry, "row", "rows", "rowing"))
    return bool(named and eq & BENT_OVER_BARS and not _guided(eq)
                and not eq & ({"bench", "incline-bench"} | UNSTABLE)
                and not _has(entry, *NOT_BENT_OVER) and not _braced(entry))


def _braced(entry: Entry) -> bool:
    """A one-arm dumbbell or kettlebell row not named bent-over: the free hand braces the torso
    (on a bench, the knee or a rack). A landmine bar rowed with one arm is not (Meadows rows)."""
    return (entry.laterality == "Unilateral" and "landmine" not in entry.equipment
            and _has(entry, "row", "rows") and not _has(entry, "bent-over", "bent"))


def _moderate_body(entry: Entry) -> Row | None:
    eq = entry.equipment
    hanging = "pull-up-bar" in eq and not _has(entry, *NOT_HANGING) and (
        _has(entry, *HANGING)
        or (entry.mechanic == "compound" and entry.pattern in HANGING_PATTERNS))
    dips = "dip-station" in eq and _has(entry, "dips", "dip", "hold", "parallele") \
        and "machine" not in eq
    grip = eq & {"hangboard", "climbing-rope"} or (
        "gymnastic-rings" in eq and _has(entry, "hold", "support-hold"))
    if entry.kind == "StrengthTraining" and (hanging or dips or grip
                                             or _has(entry, *ON_THE_ARMS)) \
            and not _has(entry, "foot-supported"):
        return "Moderate", "the whole body weight on the arms or the grip"
    if eq & {"other", "sandbag"} and entry.kind in ("StrengthTraining", "PowerTraining"):
        return "Moderate", "strongman implements"
    return None


def _low_guided(entry: Entry) -> Row | None:
    eq = entry.equipment
    if _guided(eq) and not eq & FREE_WEIGHTS - {"weight-plate"} \
            and "suspension-trainer" not in eq:
        return "Low", "machines, the Smith machine, cables and bands"
    if eq & UNSTABLE and _has(entry, "crunch", "crunches", "side-bend", "hyperextension",
                              "hip-bridge", "twist", "twists", "row", "rows", "rowing",
                              "curl", "curls"):
        return "Low", "a ball under the back, belly or side, or leaning back from straps"
    if entry.kind == "PowerTraining" and _has(entry, *BASIC_JUMPS):
        return "Low", "basic plyometric drills"
    if entry.kind == "PowerTraining" and eq == {"medicine-ball"}:
        return "Low", "medicine-ball passes, slams and throws"
    return None


def _low_free(entry: Entry) -> Row | None:
    eq = entry.equipment
    strength = entry.kind == "StrengthTraining"
    # bench- or floor-supported dumbbell and kettlebell presses and rows; bilateral dumbbell,
    # kettlebell and trap-bar squats and deadlifts
    bells = strength and eq & {"dumbbell", "kettlebell"} \
        and not eq & ({"barbell", "ez-curl-bar"} | UNSTABLE)
    if bells and _has(entry, "press", "bench-press", "row", "rows") and (
            eq & {"bench", "incline-bench"} or _has(entry, "floor", "chest-supported")
            or _braced(entry)):
        return "Low", "bench- or floor-supported dumbbell and kettlebell presses and rows"
    if (bells and entry.laterality == "Bilateral" and entry.pattern in ("Squat", "HipHinge")
            and _has(entry, "squat", "squats", "deadlift", "deadlifts", "goblet")) \
            or (eq == {"trap-bar"} and _has(entry, "deadlift", "deadlifts")):
        return "Low", "bilateral dumbbell and kettlebell squats and deadlifts"
    # lunges, split squats and step-ups with the rear foot on the floor, bodyweight or with
    # dumbbells at the sides
    if strength and entry.pattern == "Lunge" and eq <= {"bodyweight", "dumbbell", "plyo-box"} \
            and _has(entry, "lunge", "lunges", "split-squat", "split-squats", "step-up",
                     "step-ups", "curtsy") \
            and not _has(entry, "high-box", "jump", "jumping"):
        return "Low", "lunges, split squats and step-ups with the rear foot on the floor"
    if strength and eq <= {"bodyweight", "bench", "gym-mat", "parallettes"} \
            and _has(entry, *BASIC_BODYWEIGHT) \
            and not _has(entry, "jump", "one-arm", "single-arm", "one-leg", "single-leg",
                         "hindu"):
        return "Low", "basic bodyweight work"
    if strength and entry.pattern == "HipHinge" \
            and eq <= {"bodyweight", "bench", "gym-mat", "dumbbell", "kettlebell", "weight-plate"} \
            and _has(entry, *BRIDGES):
        return "Low", "bridges and hip thrusts on one leg or two, bodyweight or with a bell"
    # single-joint free-weight work, seated, standing or lying on a bench
    if strength and entry.mechanic == "isolation" and eq & FREE_WEIGHTS \
            and not eq & (UNSTABLE | {"bodyweight"}) and _has(entry, *SINGLE_JOINT):
        return "Low", "single-joint free-weight work"
    return None


#: The table's last row: whatever no row above it decides is Low. The rows above name every
#: class that is harder, so an entry rated higher that none of them decides contradicts it.
LAST_ROW: Row = ("Low", "everything no row above decides")
#: The rows in the table's order: the first that decides, decides.
ROWS = (_high, _moderate_lifts, _moderate_balance, _moderate_body, _low_guided, _low_free)


def difficulty_row(entry: Entry) -> Row | None:
    """``(level, row)`` of the first decidable row of the difficulty table matching the entry,
    or ``None``. The rows are those of docs/reviewed-layer.md, in its order."""
    if entry.kind in ("Stretching", "MobilityDrill", "Cardio"):
        return "Low", "stretches, mobility drills and conditioning drills"
    for row in ROWS:
        found = row(entry)
        if found:
            return found
    return None


# -- muscles of hip-flexion moves -----------------------------------------------------------

HIP_FLEXION = ("leg-raise", "leg-raises", "knee-raise", "knee-raises", "toes-to-bar", "v-up",
               "v-ups", "butt-ups", "butt-up", "mountain-climber", "mountain-climbers",
               "flutter-kicks", "scissors", "scissor-kicks", "jackknife", "pike", "pull-in",
               "leg-pull-in", "knee-tuck", "leg-tucks", "l-sit", "sit-up", "sit-ups",
               "hanging-pike", "hollow-hold", "dead-bug")
#: Names with a hip-flexion word that move otherwise: a bird dog and a rear leg raise extend
#: the hip, side
#: jackknives and side leg raises abduct it, a pike push-up holds the pike as a press.
NOT_HIP_FLEXION = ("arm-and-leg-raise", "side-jackknife", "side-leg-raises", "pike-push-ups",
                   "pike-push-up", "rear-leg-raises")
#: Lifts that hold the hips flexed while another action does the work: the hip flexors
#: may be named in any role there.
HIP_FLEXION_HELD = ("l-sit-pull-up", "l-sit-pull-ups")
#: Sit-ups that are designed to switch the hip flexors off (the feet pulled back or the soles
#: together), by their descriptions.
HIP_FLEXORS_OFF = ("janda-sit-up", "frog-sit-ups", "butterfly-sit-up")


def hip_flexor_problem(entry: Entry) -> str | None:
    """Why the entry's muscles miss the hip flexors, or ``None``."""
    if not (_has(entry, *HIP_FLEXION) or entry.slug == "bottoms-up") \
            or _has(entry, *HIP_FLEXORS_OFF, *NOT_HIP_FLEXION) \
            or entry.kind not in ("StrengthTraining", "PowerTraining", "Cardio"):
        return None
    if "quadriceps" in entry.primary | entry.secondary or (
            _has(entry, *HIP_FLEXION_HELD) and "quadriceps" in entry.stabilizer):
        return None
    return "hip flexion drives it: the quadriceps (rectus femoris, for the hip flexors) must be " \
           "primary or secondary"


# -- the knee extensors of moves that extend the knees ---------------------------------------

#: Names of movements whose main action extends the knees under load or into a jump.
KNEE_EXTENSION_NAMES = ("jump", "jumps", "jumping", "thruster", "thrusters", "clean", "cleans",
                        "jerk", "jerks", "push-press", "wall-ball", "wall-balls", "squat",
                        "squats", "lunge", "lunges", "split-squat", "step-up", "step-ups",
                        "pistol", "leg-press", "hack-squat", "bound", "bounds", "leap", "hop",
                        "hops")
#: Swings extend the knees only with a kettlebell or dumbbell swung through the legs (a
#: sledgehammer or a leg swing does not).
SWING_NAMES = ("swing", "swings")
#: Names with such a word whose knees do not extend under the work: an arm jump from a push-up,
#: a kneeling squat (the knees rest on the floor: hip extension only), the feet jumping in a
#: plank (hip abduction), and squat thrusts (a conditioning drill typed Cardio, also skipped).
NOT_KNEE_EXTENSION = ("push-up", "push-ups", "pushup", "pushups", "kneeling-squat",
                      "plank-jack", "plank-jacks", "squat-thrust", "squat-thrusts")
_JOIN = r"(?:,? (?:and |& )?)"
#: What a reason, a muscle function or a step says when the knees extend.
KNEE_EXTENSION_TEXT = re.compile(
    rf"\b(?:hips?{_JOIN}knees?|knees?{_JOIN}hips?)(?:{_JOIN}ankles?)? "
    r"(?:extend|extends|straighten)\b"
    r"|\b(?:extend|straighten)(?:s|ing)? (?:(?:through|at|from) )?(?:the |your |both )?"
    rf"(?:hips?{_JOIN})?(?:knees?|legs)\b"
    r"|\bknee extension\b|\btriple extension\b", re.I)
#: Sentences where the knees extend but not as the exercise's work: lowering against a knee
#: flexor (a Nordic curl "resisting knee extension", "lower yourself by extending at the knee"),
#: the clean that racks the kettlebells before a press.
NOT_THE_WORK = re.compile(
    r"\bresist\w* (?:the )?knee extension|\blower(?:ing)? (?:yourself|the body|your body)\b"
    r"|\bclean (?:the |a |two |both )?(?:kettle|dumb)?bells? to (?:your|the) shoulders?", re.I)
#: A set-up step of free-exercise-db (lifting a machine's pads or a lever into place before the
#: work): it ends "This will be your starting position".
SETUP_STEP = re.compile(r"(?:this|that) (?:will be|is) your start(?:ing)? position\.?\s*$",
                        re.I)
#: Entries whose source steps say the knees extend where the reviewed movement does not: the
#: reason is the review's, kept here so that the exception is written down.
KNEE_EXTENSION_EXCEPTIONS = {
    "frog-stand": "wger's steps describe lifting off from a squat into a straightened hold; the "
                  "frog stand balances with the knees resting on the elbows, bent throughout",
}


def knee_extension_evidence(entry: Entry) -> str | None:
    """What says the entry's knees extend: a name word, or the first sentence of its reasons,
    functions or steps that says so (set-up steps and lowering sentences left out)."""
    if entry.kind in ("Stretching", "MobilityDrill", "Cardio") \
            or _has(entry, *NOT_KNEE_EXTENSION) or entry.slug in KNEE_EXTENSION_EXCEPTIONS:
        return None
    if _has(entry, *KNEE_EXTENSION_NAMES) or (
            _has(entry, *SWING_NAMES) and entry.equipment & {"kettlebell", "dumbbell"}):
        return "the name"
    for text in entry.texts:
        if SETUP_STEP.search(text.strip()):
            continue
        for sentence in re.split(r"(?<=[.;!?])\s+|\n", text):
            found = KNEE_EXTENSION_TEXT.search(sentence)
            if found and not NOT_THE_WORK.search(sentence):
                return f"'{found.group(0)}' in \"{sentence.strip()[:90]}\""
    return None


def knee_extensor_problem(entry: Entry) -> str | None:
    """Why the entry misses the knee extensors, or ``None``: the knees extend (by its name or
    its text) but the quadriceps are listed in no role."""
    if "quadriceps" in entry.primary | entry.secondary | entry.stabilizer:
        return None
    evidence = knee_extension_evidence(entry)
    if evidence is None:
        return None
    return f"the knees extend ({evidence}), but no role lists the quadriceps"


# -- movement pattern -----------------------------------------------------------------------

COMPOUND_PARTS = {"press": "VerticalPush", "bench": "HorizontalPush",
                  "bench-press": "HorizontalPush", "row": "HorizontalPull",
                  "squat": "Squat", "deadlift": "HipHinge", "lunge": "Lunge",
                  "pull-up": "VerticalPull", "push-up": "HorizontalPush", "clean": "HipHinge"}
JOINERS = ("to", "and", "into", "plus", "ss")
#: Moving drills of one joint action named so: a scapular pull-up or shrug (the shoulder blades
#: only), a Cuban press (the external rotation sets its load; the press at the end moves only
#: that). Not the lift whose pattern their names borrow (issue 23, data7).
SINGLE_JOINT_DRILLS = ("scapular-pull-up", "scapular-pull-ups", "mid-trap-shrug", "cuban")


def pattern_problem(entry: Entry) -> str | None:
    """Why the entry's mechanic and pattern contradict each other or its name, or ``None``."""
    if _has(entry, "upright") and _has(entry, "row", "rows") and (
            entry.pattern != "VerticalPull" or entry.mechanic != "compound"):
        return "an upright row moves shoulder and elbow: compound, VerticalPull"
    if _has(entry, "clean-and-jerk", "clean-and-press", "clean-and-push-press") \
            and entry.pattern != "HipHinge":
        return "a clean and jerk or press: the clean moves the load from the floor, HipHinge"
    if entry.mechanic == "compound" and entry.pattern == "Isolation":
        return "compound, but the Isolation pattern is one joint action"
    if _has(entry, *SINGLE_JOINT_DRILLS) and entry.pattern != "Isolation":
        return "a single-joint drill (scapular, rotator-cuff) is filed under Isolation"
    if _has(entry, *JOINERS) and not _has(entry, "to-failure"):
        parts = re.split(r"-(?:{})-".format("|".join(JOINERS)), entry.slug)
        compound = [p for p in parts
                    if any(f"-{w}-" in f"-{p}-" for w in COMPOUND_PARTS)
                    and not re.search(r"triceps|skull|upright|chin$", p)]
        if len(parts) > 1 and compound and entry.kind != "MobilityDrill" and (
                entry.mechanic != "compound" or entry.pattern == "Isolation"):
            return f"a combination with a compound part ({compound[0]}): compound, its pattern"
    return None


# -- running over the files -----------------------------------------------------------------

def read_entries(paths: Iterable[Path], steps: Mapping[str, Sequence[str]] | None = None,
                 ) -> list[tuple[str, Entry]]:
    """(file stem, entry) for every exercise of the given reviewed Turtle files; ``steps`` maps
    an exercise's slug to the step texts and summaries its sources give (see
    :func:`source_texts`), which join the entry's own reasons and muscle functions."""
    from rdflib import RDF, Graph, Namespace, URIRef

    exg = Namespace("https://w3id.org/exgraph/ontology#")

    def last(node: object) -> str:
        return str(node).rsplit("/", 1)[-1].rsplit("#", 1)[-1]

    out = []
    for path in paths:
        graph = Graph()
        graph.parse(path, format="turtle")
        for ex in sorted(graph.subjects(RDF.type, exg.Exercise), key=str):
            assert isinstance(ex, URIRef)

            def one(prop: URIRef, ex: URIRef = ex, graph: Graph = graph) -> str:
                return last(graph.value(ex, prop))

            own = [str(graph.value(node, exg.reason))
                   for node in graph.objects(ex, exg.rationale)] + \
                  [str(graph.value(node, exg["function"]))
                   for node in graph.objects(ex, exg.muscleInvolvement)]
            out.append((path.stem, Entry(
                slug=last(ex),
                texts=tuple(sorted(own)) + tuple((steps or {}).get(last(ex), ())),
                equipment=frozenset(last(o) for o in graph.objects(ex, exg.requiresEquipment)),
                laterality=one(exg.laterality), mechanic=one(exg.mechanic),
                pattern=one(exg.movementPattern), difficulty=one(exg.difficulty),
                kind=one(exg.activityKind),
                primary=frozenset(last(o) for o in graph.objects(ex, exg.primaryMuscle)),
                secondary=frozenset(last(o) for o in graph.objects(ex, exg.secondaryMuscle)),
                stabilizer=frozenset(last(o) for o in graph.objects(ex, exg.stabilizerMuscle)))))
    return out


#: Entries that contradict a row and are kept as they are until the cause is fixed elsewhere,
#: with the reason: each is still reported (``python table_rules.py``), and the test fails when
#: one no longer contradicts its row (stale) or another appears.
OPEN: dict[str, str] = {}
#: Resolved (issue 23, data7): the arabesque, a bodyweight one-leg hinge by its text, is Moderate
#: by the single-leg row; the plan grid's beginner bodyweight power plans, whose knee-hip balance
#: needed it as a Low hinge, pass without it (tests/integration/advice/test_plan_validator.py).


def problems(entries: Iterable[tuple[str, Entry]]) -> list[str]:
    """One line per entry and broken rule (``OPEN`` entries included)."""
    found = []
    for stem, entry in entries:
        row = difficulty_row(entry)
        if row and row[0] != entry.difficulty:
            found.append(f"{stem}: {entry.slug}: difficulty {entry.difficulty}, the table's "
                         f"row '{row[1]}' says {row[0]}")
        elif row is None and entry.difficulty != LAST_ROW[0]:
            found.append(f"{stem}: {entry.slug}: difficulty {entry.difficulty}, but no row "
                         f"above the last decides it: the last row says {LAST_ROW[0]}")
        for problem in (hip_flexor_problem(entry), knee_extensor_problem(entry),
                        pattern_problem(entry)):
            if problem:
                found.append(f"{stem}: {entry.slug}: {problem}")
    return found


def reviewed_files(root: Path) -> list[Path]:
    """The family files of the layer (``corrections.ttl`` restates muscles only)."""
    return sorted(p for p in (root / "data" / "reviewed").glob("*.ttl")
                  if p.name != "corrections.ttl")


def source_texts(root: Path) -> dict[str, list[str]]:
    """The step texts and summaries of every exercise in the imported datasets, by slug (the
    sources' words for what the movement is; the reviewed files do not restate them)."""
    from rdflib import RDF, Graph, Namespace

    exg = Namespace("https://w3id.org/exgraph/ontology#")
    texts: dict[str, list[str]] = {}
    for path in sorted((root / "data" / "imported").glob("*.ttl")):
        graph = Graph()
        graph.parse(path, format="turtle")
        for step in graph.subjects(RDF.type, exg.Step):
            slug = str(step).split("/exercise/", 1)[1].split("/", 1)[0]
            texts.setdefault(slug, []).append(str(graph.value(step, exg.text)))
        for ex, summary in graph.subject_objects(exg.summary):
            texts.setdefault(str(ex).rsplit("/", 1)[-1], []).append(str(summary))
    return texts


def slug_of(problem: str) -> str:
    """The exercise a line of :func:`problems` is about."""
    return problem.split(": ", 2)[1]


if __name__ == "__main__":
    ROOT = Path(__file__).resolve().parents[2]
    found = problems(read_entries(reviewed_files(ROOT), source_texts(ROOT)))
    print("\n".join(f"{p} [open: {OPEN[slug_of(p)]}]" if slug_of(p) in OPEN else p
                    for p in found))
    unresolved = [p for p in found if slug_of(p) not in OPEN]
    print(f"{len(found)} contradictions, {len(unresolved)} not open", file=sys.stderr)
    sys.exit(1 if unresolved else 0)
