"""Write the reviewed reference layer of the upper-body families: data/reviewed/FAMILY.ttl.

The tables below are the source of truth; the Turtle files are generated from them
(``python scripts/reviewed_upper.py`` rewrites all seven files; ``--check`` exits 1 when a file
differs from what the tables give). Each exercise is an archetype (its muscles by role, each with
what the muscle does there, its movement pattern and mechanic) plus what is its own: exact
equipment, laterality, difficulty and the one-line reasons. Review rules:

* Muscles: the deltoid's three heads are named (anterior-, lateral-, posterior-deltoid: the
  body map draws them and the substitution engine rolls them up to ``shoulders``); every other
  muscle is its free-exercise-db group (chest, lats, middle-back, traps, biceps, triceps,
  forearms, abdominals, ...), so a group and one of its members are never both listed (the
  serratus anterior is part of ``chest``, the brachialis of ``biceps``, the rhomboids of
  ``middle-back``). ``traps`` is named for elevating and upwardly rotating the shoulder blades,
  ``middle-back`` for retracting them.
* Primary: the muscles the exercise is chosen to load and that limit it; secondary: muscles
  that move a joint of the exercise with less share; stabilizer: muscles that hold a joint or
  the trunk still.
* Equipment: every kind needed, from data/equipment.ttl's exact kinds; bodyweight is stated.
* Difficulty is skill and setup demand, not load: Low (a fixed or self-limiting path, learnt in
  a session), Moderate (a free bar path, balance, a hinge to hold or the full body weight to
  move), High (a gymnastic or ballistic skill, or one limb carrying the whole body).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "reviewed"

PREFIXES = """@prefix exg:       <https://w3id.org/exgraph/ontology#> .
@prefix exercise:  <https://w3id.org/exgraph/id/exercise/> .
@prefix muscle:    <https://w3id.org/exgraph/id/muscle/> .
@prefix equipment: <https://w3id.org/exgraph/id/equipment/> .
@prefix rdfs:      <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos:      <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms:   <http://purl.org/dc/terms/> .
@prefix src:       <https://w3id.org/exgraph/id/source/> .
"""

FAMILIES: dict[str, tuple[str, str, str]] = {
    "horizontal-push": (
        "Reviewed reference: horizontal pushes",
        "Bench presses, push-ups, dips and chest presses",
        "Pressing away from the chest: flat, incline and decline presses with a barbell, "
        "dumbbells, kettlebells, a cable, a band or a machine; push-ups; dips."),
    "chest-isolation": (
        "Reviewed reference: chest isolation",
        "Flyes, crossovers and the pec deck",
        "Single-joint horizontal adduction of the shoulder: dumbbell and cable flyes, cable "
        "crossovers, the pec deck machine."),
    "vertical-push": (
        "Reviewed reference: vertical pushes",
        "Overhead presses, pike and handstand push-ups, landmine presses",
        "Pressing overhead: barbell, dumbbell, kettlebell, band, cable, Smith and machine "
        "presses; push presses; pike and handstand push-ups; the landmine press."),
    "shoulders-isolation": (
        "Reviewed reference: shoulder isolation",
        "Lateral, front and rear-delt raises, face pulls, upright rows, shrugs",
        "Exercises for the deltoid heads and the upper trapezius: raises, reverse flyes, face "
        "pulls and band pull-aparts, upright rows, shrugs."),
    "horizontal-pull": (
        "Reviewed reference: horizontal pulls",
        "Rows of every kind and inverted rows",
        "Pulling towards the torso: barbell, dumbbell, kettlebell, T-bar, cable, machine and "
        "band rows; inverted and suspension rows."),
    "vertical-pull": (
        "Reviewed reference: vertical pulls",
        "Pull-ups, chin-ups, pulldowns and pullovers",
        "Pulling from overhead: pull-ups and chin-ups (bodyweight, weighted, assisted), lat "
        "pulldowns of every grip, straight-arm pulldowns and pullovers."),
    "arms": (
        "Reviewed reference: arms",
        "Biceps curls, triceps extensions, close-grip presses and wrist curls",
        "Elbow flexion (biceps, hammer and reverse curls), elbow extension (pushdowns, "
        "overhead and lying extensions, kickbacks, close-grip presses) and wrist curls."),
}

ROLE = {"P": "Primary", "S": "Secondary", "X": "Stabilizer"}
ROLE_PROP = {"P": "primaryMuscle", "S": "secondaryMuscle", "X": "stabilizerMuscle"}
LATERALITY = {"B": "Bilateral", "U": "Unilateral", "A": "Alternating"}
LEVEL = {"L": "Low", "M": "Moderate", "H": "High"}
PATTERN_WORDS = {"HorizontalPush": "a horizontal push", "VerticalPush": "a vertical push",
                 "HorizontalPull": "a horizontal pull", "VerticalPull": "a vertical pull",
                 "Isolation": "an isolation movement"}

#: How each kind of equipment reads in a rationale.
KIT: dict[str, str] = {
    "barbell": "a barbell", "ez-curl-bar": "an EZ curl bar", "dumbbell": "dumbbells",
    "kettlebell": "kettlebells", "weight-plate": "a weight plate",
    "medicine-ball": "a medicine ball", "bench": "a flat bench",
    "incline-bench": "an incline bench", "decline-bench": "a decline bench",
    "preacher-bench": "a preacher bench", "squat-rack": "a rack", "dip-station": "a dip station",
    "pull-up-bar": "a pull-up bar", "cable-station": "a cable station",
    "lat-pulldown-station": "a lat pulldown station",
    "seated-cable-row-station": "a seated cable row station",
    "chest-press-machine": "a chest press machine", "pec-deck-machine": "a pec deck machine",
    "shoulder-press-machine": "a shoulder press machine",
    "seated-row-machine": "a seated row machine", "t-bar-row-machine": "a T-bar row machine",
    "assisted-pull-up-machine": "an assisted pull-up (and dip) machine",
    "preacher-curl-machine": "a preacher curl machine", "smith-machine": "a Smith machine",
    "machine": "a selectorized machine of its own kind", "resistance-band": "a resistance band",
    "suspension-trainer": "a suspension trainer", "gymnastic-rings": "gymnastic rings",
    "landmine": "a landmine", "exercise-ball": "an exercise ball",
    "parallettes": "parallettes", "calf-raise-machine": "a standing calf raise machine",
    "bodyweight": "no equipment: the body is the load",
}


@dataclass(frozen=True)
class Archetype:
    """A movement: its muscles by role with what each does, its pattern and mechanic."""

    pattern: str
    mechanic: str
    muscles: tuple[tuple[str, str, str], ...]  # (muscle slug, P|S|X, function)
    pattern_reason: str
    mechanic_reason: str
    difficulty_reason: dict[str, str] = field(default_factory=dict)  # level -> default reason


#: Left out on purpose: duplicates the alias map merges onto an exercise reviewed here (a merged
#: node must carry one review): alternating-bicep-curls and biceps-curls-with-barbell (onto
#: dumbbell-alternate-bicep-curl and barbell-curl), dumbbell-bent-over-row (onto
#: bent-over-two-dumbbell-row), lateral-to-front-raises (onto side-laterals-to-front-raise),
#: overhead-cable-tricep-extension (onto triceps-overhead-extension-with-rope). Merged by issue
#: 22's duplicate pass (facts3, data/merges.tsv), each reviewed once on its canonical node:
#: barbell-row-overhand (bent-over-barbell-row), cable-front-raise-with-a-small-bar
#: (straight-bar-cable-front-raise), close-grip-lat-pull-down (close-grip-front-lat-pulldown),
#: flat-machine-press, machine-chest-press and machine-chest-press-exercise
#: (machine-bench-press), floor-dumbbell-bench-press (dumbbell-floor-press),
#: incline-bench-press-barbell (barbell-incline-bench-press-medium-grip), lateral-raises
#: (side-lateral-raise), machine-side-lateral-raises (machine-lateral-wise),
#: shoulder-press-on-machine (machine-shoulder-military-press),
#: standing-one-arm-dumbbell-triceps-extension (dumbbell-one-arm-triceps-extension),
#: straight-arm-pull-down-rope-attachment (rope-straight-arm-pulldown). Named only in another
#: language and merged by issue 22's foreign-name pass (facts5): trazioni-impugnatura-inversa
#: (chin-up), curl-de-biceps-con-agarre-prono (standing-dumbbell-reverse-curl). Merged by issue
#: 23 (data7; wger's "Multi Press" is the Smith machine): shoulder-press-on-multi-press and
#: smith-press (smith-machine-overhead-shoulder-press), upright-row-on-multi-press
#: (smith-machine-upright-row).


#: Dumbbells and kettlebells bent over with the hinge unsupported (issue 23, data7): the hinge is
#: the dumbbell Romanian deadlift's, which the difficulty table rates Low; only a bar bent over
#: (the barbell and landmine rows) is Moderate (scripts/reviewed/table_rules.py BENT_OVER_BARS).
DB_BENT = ("Dumbbells or kettlebells bent over, the hinge held unsupported: Low, as the dumbbell "
           "hinge itself (a bar bent over is Moderate)")


@dataclass
class Ex:
    """One reviewed exercise: an archetype plus its own facts."""

    slug: str
    arch: str
    equipment: str  # space-separated kinds
    lat: str  # B / U / A
    level: str  # L / M / H
    eq_note: str = ""  # appended to the generated equipment reason
    level_note: str = ""  # replaces the archetype's default difficulty reason
    lat_note: str = ""
    add: tuple[tuple[str, str, str], ...] = ()  # extra (muscle, role, function)
    drop: tuple[str, ...] = ()  # muscles of the archetype this exercise does not use
    role: tuple[tuple[str, str], ...] = ()  # (muscle, new role) changes
    label: str = ""  # only for an exercise new to the graph
    alt: tuple[str, ...] = ()  # alternative names of a new exercise
    power: bool = False  # exg:PowerTraining instead of exg:StrengthTraining
    kind: str = ""  # another exg:ActivityKind (e.g. MobilityDrill) when it is not strength work
    family: str = ""


A: dict[str, Archetype] = {}
FAMILY_OF_EX: list[Ex] = []


def arch(name: str, pattern: str, mechanic: str, muscles: list[tuple[str, str, str]],
         pattern_reason: str, mechanic_reason: str, **levels: str) -> None:
    A[name] = Archetype(pattern, mechanic, tuple(muscles), pattern_reason, mechanic_reason,
                        dict(levels))


def family(name: str, rows: list[Ex]) -> None:
    for row in rows:
        row.family = name
        FAMILY_OF_EX.append(row)


# Stabilizers that many exercises share.
ABS_STANDING = ("abdominals", "X", "Brace the trunk so the press does not bend the lower back")
ABS_PLANK = ("abdominals", "X", "Hold the body in a straight plank from shoulders to feet")
GRIP = ("forearms", "X", "Hold the grip on the handle or bar")
ERECTORS_HINGE = ("erector-spinae", "X", "Hold the hinged torso still with a neutral spine")
HAMS_HINGE = ("hamstrings", "X", "Hold the hips back in the hinge")
SCAP_SET = ("middle-back", "X", "Hold the shoulder blades pulled together as the base of the press")


# ---------------------------------------------------------------------------------------------
# Horizontal push
# ---------------------------------------------------------------------------------------------
PRESS_PATTERN = "The load is pressed away from the chest, perpendicular to the torso"
PRESS_MECHANIC = "The shoulders and the elbows both move: a multi-joint press"
arch("bench", "HorizontalPush", "compound", [
    ("chest", "P", "Horizontally adducts and flexes the upper arms to drive the press"),
    ("triceps", "S", "Extend the elbows to lock the press out"),
    ("anterior-deltoid", "S", "Flexes the shoulders alongside the chest"),
    SCAP_SET], PRESS_PATTERN, PRESS_MECHANIC,
    L="A stable, self-limiting press: each arm or the machine guides the path",
    M="A free bar path, unracking and racking under load, and a spotter or safeties needed")
arch("incline-press", "HorizontalPush", "compound", [
    ("chest", "P", "The upper (clavicular) fibres flex and adduct the upper arms to press"),
    ("anterior-deltoid", "S", "Flexes the shoulders, more than on a flat bench"),
    ("triceps", "S", "Extend the elbows to lock the press out"),
    SCAP_SET],
    "Pressed away from the chest on a 30-45 degree incline: still a push in front of the "
    "torso, between horizontal and vertical", PRESS_MECHANIC,
    L="A stable, guided or self-limiting press on a bench",
    M="A free bar path on an incline, unracking under load; a spotter or safeties needed")
arch("decline-press", "HorizontalPush", "compound", [
    ("chest", "P", "The lower (sternal) fibres adduct and extend the upper arms to press"),
    ("triceps", "S", "Extend the elbows to lock the press out"),
    ("anterior-deltoid", "S", "Assists the press, less than on a flat bench"),
    SCAP_SET],
    "Pressed away from the chest with the head lower than the hips", PRESS_MECHANIC,
    L="A guided press; the decline set-up is the only extra demand",
    M="A free bar or dumbbells on a decline: getting into place and unracking head-down")
arch("floor-press", "HorizontalPush", "compound", [
    ("chest", "P", "Adducts the upper arms to press from the floor"),
    ("triceps", "P", "Extend the elbows through the top half, where the floor limits the press"),
    ("anterior-deltoid", "S", "Flexes the shoulders alongside the chest")],
    "Pressed up from the chest lying on the floor: a horizontal push with a shortened range",
    PRESS_MECHANIC,
    L="The floor stops the elbows: a short, safe range with no bench or spotter",
    M="A barbell to get into place on the floor under load")
arch("machine-press", "HorizontalPush", "compound", [
    ("chest", "P", "Horizontally adducts the upper arms to push the handles forward"),
    ("triceps", "S", "Extend the elbows to finish the press"),
    ("anterior-deltoid", "S", "Flexes the shoulders alongside the chest")],
    PRESS_PATTERN, PRESS_MECHANIC,
    L="The machine fixes the path and the seat sets the position: nothing to balance")
arch("cable-press", "HorizontalPush", "compound", [
    ("chest", "P", "Horizontally adducts the upper arms to press the handles forward"),
    ("triceps", "S", "Extend the elbows to finish the press"),
    ("anterior-deltoid", "S", "Flexes the shoulders alongside the chest"),
    ABS_STANDING],
    "The handles are pressed forward from the chest against a cable or band behind",
    PRESS_MECHANIC,
    L="Light, adjustable resistance and a free, forgiving path")
arch("push-up", "HorizontalPush", "compound", [
    ("chest", "P", "Horizontally adducts the upper arms to push the body away from the floor"),
    ("triceps", "S", "Extend the elbows to the top"),
    ("anterior-deltoid", "S", "Flexes the shoulders with the chest"),
    ABS_PLANK],
    "The body is pushed away from the hands, perpendicular to the torso: the bodyweight "
    "counterpart of the bench press", PRESS_MECHANIC,
    L="Scaled by hand height; the only skill is holding a straight plank",
    M="More of the body weight on the arms, or an unstable or raised support to control",
    H="One limb or a body lean carries most of the body weight: a strength skill")
arch("close-push-up", "HorizontalPush", "compound", [
    ("triceps", "P", "Extend the elbows through a long range with the hands close"),
    ("chest", "P", "Adducts the upper arms to push the body up"),
    ("anterior-deltoid", "S", "Flexes the shoulders with the chest"),
    ABS_PLANK],
    "A push-up: the body pushed away from the hands, perpendicular to the torso",
    PRESS_MECHANIC,
    L="A push-up with the hands close: the same plank, a narrower base")
arch("dip", "HorizontalPush", "compound", [
    ("chest", "P", "The lower fibres pull the upper arms down and forward to lift the body"),
    ("triceps", "P", "Extend the elbows to the top"),
    ("anterior-deltoid", "S", "Flexes the shoulders from the stretched bottom position")],
    "The body is pushed up between the bars with the torso leaning forward: the push runs "
    "down along the body (dips are listed with horizontal pushes, as the decline press is)",
    PRESS_MECHANIC,
    L="The machine takes part of the body weight and fixes the path",
    M="The whole body weight on the arms, with the shoulders in deep extension at the bottom",
    H="Unstable rings or straps: the arms must also hold the supports in")
arch("dip-triceps", "HorizontalPush", "compound", [
    ("triceps", "P", "Extend the elbows to lift the body with the torso upright"),
    ("chest", "S", "Assists by pulling the upper arms down"),
    ("anterior-deltoid", "S", "Flexes the shoulders from the bottom position")],
    "The body is pushed up with the torso upright: a dip (listed with the horizontal pushes)",
    PRESS_MECHANIC,
    L="Part of the body weight is off the arms (feet on the floor or a machine)",
    M="The whole body weight on the arms, upright on bars")
arch("bench-dip", "HorizontalPush", "compound", [
    ("triceps", "P", "Extend the elbows to push the body up from behind"),
    ("anterior-deltoid", "S", "Holds and flexes the shoulders, which sit in deep extension"),
    ("chest", "S", "Assists by pulling the upper arms down")],
    "A dip with the hands behind the body: the body is pushed up and away from the support "
    "(listed with the horizontal pushes, as the triceps slot expects)", PRESS_MECHANIC,
    L="The feet carry part of the body weight; a bench or chair is enough",
    M="An added plate or raised feet put most of the body weight on the arms")
arch("plyo-push-up", "HorizontalPush", "compound", [
    ("chest", "P", "Adducts the upper arms explosively so the hands leave the floor"),
    ("triceps", "S", "Extend the elbows fast through the push"),
    ("anterior-deltoid", "S", "Flexes the shoulders with the chest"),
    ABS_PLANK],
    "A push-up done explosively: the body is driven away from the hands", PRESS_MECHANIC,
    M="An explosive push and a landing to absorb with bent elbows",
    H="A ballistic push with a clap or a box to land on")

family("horizontal-push", [
    Ex("bench-press", "bench", "barbell bench", "B", "M",
       eq_note="the bench's uprights (or a rack) hold the bar between sets"),
    Ex("barbell-bench-press-medium-grip", "bench", "barbell bench", "B", "M",
       eq_note="the bench's uprights (or a rack) hold the bar between sets"),
    Ex("barbell-bench-press-nb", "bench", "barbell bench", "B", "M"),
    Ex("bench-press-powerlifting", "bench", "barbell bench", "B", "M",
       add=(("quadriceps", "X", "Drive the feet into the floor to keep the arched set-up"),),
       level_note="An arched, leg-driven set-up and a pause on the chest: more to learn than a "
       "plain bench press, but no ballistic skill"),
    Ex("pause-bench", "bench", "barbell bench", "B", "M"),
    Ex("larsen-press", "bench", "barbell bench", "B", "M",
       level_note="A bench press with the feet off the floor: the trunk alone holds the set-up",
       add=(("abdominals", "X", "Hold the body on the bench without leg drive"),)),
    Ex("pin-bench-press-bb", "bench", "barbell bench squat-rack", "B", "M",
       eq_note="the rack's pins set the start height"),
    Ex("reverse-grip-bench-press", "bench", "barbell bench", "B", "M",
       level_note="A free bar held in a supinated grip that can roll out: a spotter is needed"),
    Ex("barbell-incline-bench-press-medium-grip", "incline-press", "barbell incline-bench", "B",
       "M"),
    Ex("incline-bench-press-mp", "incline-press", "barbell incline-bench", "B", "M"),
    Ex("decline-barbell-bench-press", "decline-press", "barbell decline-bench", "B", "M"),
    Ex("dumbbell-bench-press", "bench", "dumbbell bench", "B", "L"),
    Ex("benchpress-dumbbells", "bench", "dumbbell bench", "B", "L"),
    Ex("dumbbell-bench-press-with-neutral-grip", "bench", "dumbbell bench", "B", "L"),
    Ex("no-leg-drive-dumbbell-chest-press", "bench", "dumbbell bench", "B", "L"),
    Ex("elbows-tucked-db-bench-press", "bench", "dumbbell bench", "B", "L"),
    Ex("dumbbell-hex-press", "bench", "dumbbell bench", "B", "L",
       level_note="The dumbbells are squeezed together: a stable, short press"),
    Ex("db-underhand-bench-press", "bench", "dumbbell bench", "B", "L"),
    Ex("incline-dumbbell-press", "incline-press", "dumbbell incline-bench", "B", "L"),
    Ex("hammer-grip-incline-db-bench-press", "incline-press", "dumbbell incline-bench", "B", "L"),
    Ex("incline-dumbbell-bench-with-palms-facing-in", "incline-press", "dumbbell incline-bench",
       "B", "L"),
    Ex("decline-dumbbell-bench-press", "decline-press", "dumbbell decline-bench", "B", "M"),
    Ex("one-arm-dumbbell-bench-press", "bench", "dumbbell bench", "U", "M",
       add=(("abdominals", "X", "Resist the pull of the single dumbbell that rolls the body "
             "off the bench"),),
       level_note="One loaded side: the trunk must keep the body from rolling off the bench"),
    Ex("dumbbell-floor-press", "floor-press", "dumbbell", "B", "L"),
    Ex("floor-press", "floor-press", "barbell squat-rack", "B", "M",
       eq_note="a rack with its hooks set low hands the bar out over the floor"),
    Ex("one-arm-kettlebell-floor-press", "floor-press", "kettlebell", "U", "L",
       add=(("abdominals", "X", "Keep the body from rolling towards the kettlebell"),)),
    Ex("alternating-floor-press", "floor-press", "kettlebell", "A", "L"),
    Ex("bench-press-with-bands", "cable-press", "resistance-band bench", "B", "L",
       drop=("abdominals",), eq_note="the band is anchored under the bench's legs"),
    Ex("cable-chest-press", "cable-press", "cable-station", "B", "L"),
    Ex("incline-cable-chest-press", "cable-press", "cable-station incline-bench", "B", "L",
       drop=("abdominals",), eq_note="the bench stands between two low pulleys"),
    Ex("cable-chest-press-decline", "cable-press", "cable-station", "B", "L"),
    Ex("leverage-chest-press", "machine-press", "chest-press-machine", "B", "L"),
    Ex("machine-bench-press", "machine-press", "chest-press-machine", "B", "L"),
    Ex("chest-press", "machine-press", "chest-press-machine", "B", "L",
       eq_note="the source's chest press is the seated machine press"),
    Ex("legend-chest-press", "machine-press", "chest-press-machine", "B", "L",
       eq_note="a plate-loaded lever chest press"),
    Ex("leverage-incline-chest-press", "machine-press", "chest-press-machine", "B", "L",
       add=(("anterior-deltoid", "S", "Flexes the shoulders, more on the incline"),),
       drop=("anterior-deltoid",)),
    Ex("legend-incline-bench-press", "machine-press", "chest-press-machine", "B", "L",
       eq_note="a plate-loaded incline lever press: the machine is the bench"),
    Ex("leverage-decline-chest-press", "machine-press", "chest-press-machine", "B", "L"),
    Ex("hammerstrength-decline-chest-press", "machine-press", "chest-press-machine", "B", "L"),
    Ex("smith-machine-bench-press", "bench", "smith-machine bench", "B", "L", drop=("middle-back",),
       level_note="The Smith machine's rails fix the bar path and its hooks rack at any height"),
    Ex("smith-machine-incline-bench-press", "incline-press", "smith-machine incline-bench", "B",
       "L", drop=("middle-back",)),
    Ex("incline-smith-press", "incline-press", "smith-machine incline-bench", "B", "L",
       drop=("middle-back",)),
    Ex("smith-machine-slight-incline-press", "incline-press", "smith-machine incline-bench", "B",
       "L", drop=("middle-back",)),
    Ex("decline-smith-press", "decline-press", "smith-machine decline-bench", "B", "L",
       drop=("middle-back",)),
    Ex("pushups", "push-up", "bodyweight", "B", "L"),
    Ex("push-up-wide", "push-up", "bodyweight", "B", "L"),
    Ex("pushups-close-and-wide-hand-positions", "push-up", "bodyweight", "B", "L"),
    Ex("knee-push-ups", "push-up", "bodyweight", "B", "L",
       level_note="The knees carry part of the body weight: the easiest floor push-up"),
    Ex("wall-pushup", "push-up", "bodyweight", "B", "L",
       level_note="Hands on a wall: only a small share of the body weight on the arms"),
    Ex("incline-push-up", "push-up", "bodyweight", "B", "L",
       eq_note="the hands go on any sturdy raised surface: a bench, box, table edge or wall"),
    Ex("incline-push-up-medium", "push-up", "bodyweight", "B", "L",
       eq_note="the hands go on any sturdy raised surface: a bench, box, table edge or wall"),
    Ex("incline-push-up-wide", "push-up", "bodyweight", "B", "L",
       eq_note="the hands go on any sturdy raised surface: a bench, box, table edge or wall"),
    Ex("incline-push-up-reverse-grip", "push-up", "bodyweight", "B", "L",
       eq_note="the hands go on any sturdy raised surface: a bench, box, table edge or wall"),
    Ex("incline-push-up-close-grip", "close-push-up", "bodyweight", "B", "L",
       eq_note="the hands go on any sturdy raised surface: a bench, box, table edge or wall"),
    Ex("decline-push-up", "push-up", "bodyweight", "B", "M",
       eq_note="the feet go on any sturdy raised surface: a bench, box or step",
       add=(("anterior-deltoid", "S", "Flexes the shoulders, more with the feet raised"),),
       drop=("anterior-deltoid",)),
    Ex("push-ups-with-feet-elevated", "push-up", "bodyweight", "B", "M",
       eq_note="the feet go on any sturdy raised surface: a bench, box or step"),
    Ex("deficit-push-ups", "push-up", "bodyweight", "B", "L",
       eq_note="the hands go on two blocks, plates or handles so the chest sinks below them",
       level_note="A push-up from the floor with a deficit: a position variant keeps the "
                  "push-up's level (Low: basic bodyweight work)"),
    Ex("push-ups-parallettes", "push-up", "parallettes", "B", "L",
       level_note="A push-up from the floor on handles, a deeper range: a position variant "
                  "keeps the push-up's level (Low: basic bodyweight work)"),
    Ex("dumbbell-push-up", "push-up", "dumbbell", "B", "L",
       eq_note="hexagonal dumbbells serve as handles that do not roll"),
    Ex("push-ups-with-feet-on-an-exercise-ball", "push-up", "exercise-ball", "B", "M"),
    Ex("suspended-push-up", "push-up", "suspension-trainer", "B", "M",
       level_note="The hands hang in straps that move: the shoulders must also hold them in"),
    Ex("diamond-push-ups", "close-push-up", "bodyweight", "B", "L"),
    Ex("push-ups-close-triceps-position", "close-push-up", "bodyweight", "B", "L"),
    Ex("close-grip-press-ups", "close-push-up", "bodyweight", "B", "L"),
    Ex("single-arm-push-up", "push-up", "bodyweight", "U", "H",
       add=(("abdominals", "X", "Resist the rotation of a body held up on one arm"),),
       drop=("abdominals",)),
    Ex("pseudo-planche-push-up", "push-up", "bodyweight", "B", "H",
       add=(("anterior-deltoid", "P", "Carries the body leaned far forward over the hands"),),
       drop=("anterior-deltoid",)),
    Ex("clap-push-up", "plyo-push-up", "bodyweight", "B", "H", power=True),
    Ex("plyo-push-up", "plyo-push-up", "bodyweight", "B", "M", power=True),
    Ex("clock-push-up", "plyo-push-up", "bodyweight", "B", "H", power=True,
       level_note="Airborne at the top and landing with the body turned a step around a circle"),
    Ex("side-to-side-push-ups", "push-up", "bodyweight", "A", "M",
       level_note="The body weight shifted over one hand each rep: most of it on one arm"),
    Ex("hindu-pushups", "push-up", "bodyweight", "B", "M",
       add=(("triceps", "P", "Extend the elbows to press the body up from the swoop"),),
       level_note="A flowing swoop from a pike to a cobra: a path to learn and hip mobility"),
    Ex("dips", "dip", "dip-station", "B", "M"),
    Ex("parallel-bar-dip", "dip", "dip-station", "B", "M"),
    Ex("dips-chest-version", "dip", "dip-station", "B", "M"),
    Ex("dips-triceps-version", "dip-triceps", "dip-station", "B", "M"),
    Ex("ring-dips", "dip", "gymnastic-rings", "B", "H"),
    Ex("trx-dips", "dip-triceps", "suspension-trainer", "B", "H",
       level_note="Straps that swing: the arms hold them in while the elbows extend"),
    Ex("dip-machine", "dip-triceps", "machine", "B", "L",
       eq_note="a seated dip machine (a lever pressed down), its own kind of machine"),
    Ex("triceps-dips-assisted", "dip-triceps", "assisted-pull-up-machine", "B", "L",
       eq_note="the assisted pull-up machine's knee pad takes part of the body weight"),
    Ex("bench-dips", "bench-dip", "bench", "B", "L"),
    Ex("dips-between-two-benches", "bench-dip", "bench", "B", "M",
       eq_note="two benches: the hands on one, the heels on the other",
       level_note="The heels are raised, so more of the body weight is on the arms"),
    Ex("chair-dips", "bench-dip", "bodyweight", "B", "L",
       eq_note="a sturdy chair, step or bench behind the body"),
    Ex("weighted-bench-dip", "bench-dip", "bench weight-plate", "B", "M",
       eq_note="two benches and a plate on the lap"),
    Ex("floor-dips", "bench-dip", "bodyweight", "B", "L",
       level_note="The hands on the floor and the feet planted: a short, light range"),
    Ex("bench-dips-on-floor-hd", "bench-dip", "bodyweight", "B", "L"),
])


# ---------------------------------------------------------------------------------------------
# Chest isolation
# ---------------------------------------------------------------------------------------------
FLY_PATTERN = ("Only the shoulder moves, bringing the arms together in front of the chest: an "
               "isolation movement")
FLY_MECHANIC = "The elbows stay at a fixed, slight bend: one joint (the shoulder) moves"
arch("fly", "Isolation", "isolation", [
    ("chest", "P", "Horizontally adducts the upper arms, bringing the weights together"),
    ("anterior-deltoid", "S", "Assists horizontal adduction at the front of the shoulder"),
    ("biceps", "X", "Hold the elbows in their fixed slight bend under the stretch")],
    FLY_PATTERN, FLY_MECHANIC,
    L="A simple arc with light weights on a stable bench",
    M="A long lever stretched at the bottom: the load must be controlled out wide")
arch("cable-fly", "Isolation", "isolation", [
    ("chest", "P", "Horizontally adducts the upper arms, bringing the handles together"),
    ("anterior-deltoid", "S", "Assists horizontal adduction at the front of the shoulder"),
    ("biceps", "X", "Hold the elbows in their fixed slight bend"),
    ("abdominals", "X", "Hold the standing, staggered stance against the pulleys")],
    FLY_PATTERN, FLY_MECHANIC,
    L="The cable keeps tension on a simple arc; the weight stack is easy to set")
arch("pec-deck", "Isolation", "isolation", [
    ("chest", "P", "Horizontally adducts the upper arms to bring the pads or handles together"),
    ("anterior-deltoid", "S", "Assists horizontal adduction at the front of the shoulder")],
    FLY_PATTERN, "The machine's arms turn about the shoulder: one joint moves",
    L="Seated, back supported, the machine fixes the arc")
arch("fly-plank", "Isolation", "isolation", [
    ("chest", "P", "Adducts the arms to pull the body back up from the spread position"),
    ("anterior-deltoid", "S", "Assists horizontal adduction"),
    ("abdominals", "X", "Hold the body in a straight plank while the hands slide out")],
    "The arms open and close under the body with fixed elbows: a fly, an isolation movement",
    FLY_MECHANIC,
    M="The body weight on sliding or swinging supports: the range must be controlled",
    H="Straps or rolling bars far out from the body: a long lever under the body weight")

family("chest-isolation", [
    Ex("dumbbell-flyes", "fly", "dumbbell bench", "B", "L"),
    Ex("incline-dumbbell-flyes", "fly", "dumbbell incline-bench", "B", "L",
       add=(("chest", "P", "The upper (clavicular) fibres adduct the arms on the incline"),),
       drop=("chest",)),
    Ex("incline-dumbbell-flyes-with-a-twist", "fly", "dumbbell incline-bench", "B", "L"),
    Ex("decline-dumbbell-flyes", "fly", "dumbbell decline-bench", "B", "M",
       level_note="Getting into a decline with a dumbbell in each hand is awkward"),
    Ex("one-arm-flat-bench-dumbbell-flye", "fly", "dumbbell bench", "U", "M",
       add=(("abdominals", "X", "Keep the body from rolling towards the single dumbbell"),),
       level_note="One loaded side pulls the body off the bench: the trunk must hold it"),
    Ex("cable-crossover", "cable-fly", "cable-station", "B", "L",
       eq_note="two high pulleys of a dual cable station"),
    Ex("cable-fly", "cable-fly", "cable-station", "B", "L"),
    Ex("cable-fly-upper-chest", "cable-fly", "cable-station", "B", "L",
       eq_note="two low pulleys, the handles swept up"),
    Ex("cable-fly-middle-chest", "cable-fly", "cable-station", "B", "L"),
    Ex("cable-fly-lower-chest", "cable-fly", "cable-station", "B", "L",
       eq_note="two high pulleys, the handles swept down"),
    Ex("low-cable-crossover", "cable-fly", "cable-station", "B", "L"),
    Ex("low-pulley-cable-fly", "cable-fly", "cable-station", "B", "L"),
    Ex("single-arm-cable-crossover", "cable-fly", "cable-station", "U", "L"),
    Ex("omni-cable-cross-over", "cable-fly", "cable-station", "B", "L"),
    Ex("flat-bench-cable-flyes", "cable-fly", "cable-station bench", "B", "L",
       drop=("abdominals",), eq_note="a flat bench set between two low pulleys"),
    Ex("incline-cable-flye", "cable-fly", "cable-station incline-bench", "B", "L",
       drop=("abdominals",), eq_note="an incline bench set between two low pulleys"),
    Ex("seated-cable-chest-fly", "cable-fly", "cable-station bench", "B", "L",
       drop=("abdominals",), eq_note="a bench with an upright back between two pulleys"),
    Ex("cross-over-with-bands", "cable-fly", "resistance-band", "B", "L",
       eq_note="the band anchored to a post behind the body"),
    Ex("butterfly", "pec-deck", "pec-deck-machine", "B", "L"),
    Ex("butterfly-narrow-grip", "pec-deck", "pec-deck-machine", "B", "L"),
    Ex("pec-deck", "pec-deck", "pec-deck-machine", "B", "L"),
    Ex("machine-chest-fly", "pec-deck", "pec-deck-machine", "B", "L"),
    Ex("suspended-crossess", "fly-plank", "suspension-trainer", "B", "M"),
    Ex("bodyweight-flyes", "fly-plank", "ez-curl-bar", "B", "M",
       eq_note="two loaded EZ bars rolled apart on the floor as carriages"),
])


# ---------------------------------------------------------------------------------------------
# Vertical push
# ---------------------------------------------------------------------------------------------
OHP_PATTERN = "The load is pressed overhead, in line with the torso: a vertical push"
arch("ohp", "VerticalPush", "compound", [
    ("anterior-deltoid", "P", "Flexes the shoulders to drive the load overhead"),
    ("lateral-deltoid", "S", "Abducts the shoulders as the elbows rise out to the side"),
    ("triceps", "S", "Extend the elbows to lock the load out overhead"),
    ("traps", "S", "Upwardly rotates and elevates the shoulder blades under the load"),
    ABS_STANDING], OHP_PATTERN, PRESS_MECHANIC,
    L="Each arm or the machine guides its own short path; seated or light",
    M="A free bar path around the face, standing balance and racking under load",
    H="An advanced press: an awkward position, a ballistic drive or uncommon shoulder mobility")
arch("ohp-seated", "VerticalPush", "compound", [
    ("anterior-deltoid", "P", "Flexes the shoulders to drive the load overhead"),
    ("lateral-deltoid", "S", "Abducts the shoulders as the elbows rise out to the side"),
    ("triceps", "S", "Extend the elbows to lock the load out overhead"),
    ("traps", "S", "Upwardly rotates the shoulder blades under the load")],
    "Pressed overhead from a seat, in line with the torso: a vertical push", PRESS_MECHANIC,
    L="Seated with the back supported: each arm or the machine guides its own path",
    M="A free bar path around the face, unracked above the head")
arch("push-press", "VerticalPush", "compound", [
    ("anterior-deltoid", "P", "Flexes the shoulders to drive the bar from the shoulders"),
    ("triceps", "P", "Extend the elbows to finish the press overhead"),
    ("quadriceps", "S", "Extend the knees in the dip and drive that start the bar"),
    ("glutes", "S", "Extend the hips in the drive"),
    ("lateral-deltoid", "S", "Abducts the shoulders as the bar passes the face"),
    ("traps", "S", "Upwardly rotate and elevate the shoulder blades at lockout"),
    ("abdominals", "X", "Keep the trunk stiff so the leg drive reaches the bar")],
    "A press overhead started by a dip and drive of the legs: a vertical push",
    "Hips, knees, shoulders and elbows all move: a multi-joint lift",
    M="A timed dip and drive passing force from the legs to the bar",
    H="A timed drive with the bar behind the neck or on one arm")
arch("pike-push-up", "VerticalPush", "compound", [
    ("anterior-deltoid", "P", "Flexes the shoulders to push the body up from the hands"),
    ("triceps", "S", "Extend the elbows to the top"),
    ("lateral-deltoid", "S", "Abducts the shoulders with the elbows out"),
    ("traps", "S", "Upwardly rotate the shoulder blades with the arms overhead"),
    ("abdominals", "X", "Hold the hips piked and the trunk rigid")],
    "The body is pushed away from the hands along the line of the arms overhead: the "
    "bodyweight counterpart of the overhead press", PRESS_MECHANIC,
    M="Most of the body weight on the arms, head-down",
    H="The whole body weight upside down: a balance and strength skill")
arch("landmine-press", "VerticalPush", "compound", [
    ("anterior-deltoid", "P", "Flexes the shoulder to press the bar's end up and forward"),
    ("chest", "S", "The upper fibres assist the press on its forward-and-up path"),
    ("triceps", "S", "Extend the elbow to lock out"),
    ("traps", "S", "Upwardly rotates the shoulder blade as the arm rises"),
    ("abdominals", "X", "Resist rotation and extension of the trunk")],
    "Pressed up and forward along the bar's arc, at about 45 degrees: listed as a vertical "
    "push, the landmine being the shoulder-friendly overhead press", PRESS_MECHANIC,
    L="The pivot fixes the bar's arc; the load is light and the arm path forgiving")

STAND_BAR = "the bar is taken from a rack at shoulder height (or cleaned from the floor)"
SEAT_BAR = "a bench with an upright back inside a rack, or a military press bench with uprights"
family("vertical-push", [
    Ex("overhead-press", "ohp", "barbell squat-rack", "B", "M", eq_note=STAND_BAR),
    Ex("standing-military-press", "ohp", "barbell squat-rack", "B", "M", eq_note=STAND_BAR),
    Ex("pin-ohp", "ohp", "barbell squat-rack", "B", "M",
       eq_note="the rack's safety pins hold the bar at chin height between reps"),
    Ex("standing-bradford-press", "ohp", "barbell squat-rack", "B", "M", eq_note=STAND_BAR,
       level_note="The bar passes over the head from front to back each rep: a precise path"),
    Ex("standing-barbell-press-behind-neck", "ohp", "barbell squat-rack", "B", "M",
       eq_note=STAND_BAR,
       level_note="A barbell press started behind the neck: a position variant keeps its "
       "lift's level; it asks for shoulder external rotation, not a new skill"),
    Ex("military-press-mit-sz-bar", "ohp", "ez-curl-bar", "B", "M",
       eq_note="a light EZ bar is cleaned to the shoulders without a rack"),
    Ex("barbell-shoulder-press", "ohp-seated", "barbell bench squat-rack", "B", "M",
       eq_note=SEAT_BAR),
    Ex("seated-barbell-military-press", "ohp-seated", "barbell bench squat-rack", "B", "M",
       eq_note=SEAT_BAR),
    Ex("bradford-rocky-presses", "ohp-seated", "barbell bench squat-rack", "B", "M",
       eq_note=SEAT_BAR,
       level_note="The bar passes over the head from front to back each rep: a precise path"),
    Ex("push-press", "push-press", "barbell squat-rack", "B", "M", eq_note=STAND_BAR),
    Ex("push-press-behind-the-neck", "push-press", "barbell squat-rack", "B", "M",
       eq_note="the bar is taken from a rack on the upper back",
       level_note="A push press from behind the neck: a position variant keeps its lift's "
       "level (a timed dip and drive, no catch)"),
    Ex("dumbbell-shoulder-press", "ohp-seated", "dumbbell bench", "B", "L",
       eq_note="seated, best on a bench with an upright back"),
    Ex("seated-dumbbell-press", "ohp-seated", "dumbbell bench", "B", "L",
       eq_note="seated, best on a bench with an upright back"),
    Ex("arnold-dumbbell-press", "ohp-seated", "dumbbell bench", "B", "L",
       eq_note="seated on a bench with an upright back",
       level_note="A dumbbell press with a turn of the palms; a path each arm sets itself"),
    Ex("arnold-shoulder-press", "ohp-seated", "dumbbell bench", "B", "L",
       eq_note="seated on a bench with an upright back",
       level_note="A dumbbell press with a turn of the palms; a path each arm sets itself"),
    Ex("incline-ohp-db", "ohp-seated", "dumbbell incline-bench", "B", "L",
       add=(("chest", "S", "The upper fibres assist the press from the 45 degree incline"),),
       eq_note="an incline bench set at about 45 degrees"),
    Ex("standing-dumbbell-press", "ohp", "dumbbell", "B", "L"),
    Ex("standing-palms-in-dumbbell-press", "ohp", "dumbbell", "B", "L"),
    Ex("standing-alternating-dumbbell-press", "ohp", "dumbbell", "A", "L"),
    Ex("dumbbell-one-arm-shoulder-press", "ohp", "dumbbell", "U", "L",
       add=(("abdominals", "X", "Keep the trunk from bending away from the single dumbbell"),),
       drop=("abdominals",)),
    Ex("standing-palm-in-one-arm-dumbbell-press", "ohp", "dumbbell", "U", "L",
       add=(("abdominals", "X", "Keep the trunk from bending away from the single dumbbell"),),
       drop=("abdominals",)),
    Ex("two-arm-kettlebell-military-press", "ohp", "kettlebell", "B", "M",
       level_note="The kettlebells are cleaned to the rack position and pressed from it"),
    Ex("alternating-kettlebell-press", "ohp", "kettlebell", "A", "M",
       level_note="The kettlebells are cleaned to the rack position and pressed from it"),
    Ex("kettlebell-seesaw-press", "ohp", "kettlebell", "A", "M",
       level_note="One kettlebell goes up as the other comes down: timing and balance"),
    Ex("one-arm-kettlebell-military-press-to-the-side", "ohp", "kettlebell", "U", "M",
       level_note="The kettlebell is cleaned to the shoulder and pressed while leaning away"),
    Ex("kettlebell-seated-press", "ohp", "kettlebell", "U", "M",
       eq_note="seated on the floor with no back support",
       level_note="Seated on the floor without support: the trunk alone holds the press"),
    Ex("kettlebell-arnold-press", "ohp", "kettlebell", "U", "M",
       level_note="A clean to the shoulder, then a press with a turn of the wrist"),
    Ex("one-arm-kettlebell-push-press", "push-press", "kettlebell", "U", "M"),
    Ex("double-kettlebell-push-press", "push-press", "kettlebell", "B", "M"),
    Ex("shoulder-press-with-bands", "ohp", "resistance-band", "B", "L",
       eq_note="the band is stood on and pressed overhead"),
    Ex("cable-shoulder-press", "ohp", "cable-station", "B", "L",
       eq_note="two low pulleys of a dual cable station"),
    Ex("alternating-cable-shoulder-press", "ohp", "cable-station", "A", "L"),
    Ex("seated-cable-shoulder-press", "ohp-seated", "cable-station bench", "B", "L",
       eq_note="a bench set between two low pulleys"),
    Ex("machine-shoulder-military-press", "ohp-seated", "shoulder-press-machine", "B", "L"),
    Ex("leverage-shoulder-press", "ohp-seated", "shoulder-press-machine", "B", "L"),
    Ex("smith-machine-overhead-shoulder-press", "ohp-seated", "smith-machine bench", "B", "L",
       eq_note="a bench with an upright back under the Smith machine's bar"),
    Ex("high-incline-smith-machine-press", "ohp-seated", "smith-machine incline-bench", "B", "L",
       add=(("chest", "S", "The upper fibres assist the press from the high incline"),)),
    Ex("anti-gravity-press", "ohp-seated", "barbell incline-bench", "B", "L",
       drop=("lateral-deltoid",),
       eq_note="lying face down on an incline bench, the bar picked up from the floor",
       level_note="Chest supported on the bench with a light bar: nothing to balance"),
    Ex("pike-push-ups", "pike-push-up", "bodyweight", "B", "M"),
    Ex("handstand-push-ups", "pike-push-up", "bodyweight", "B", "H",
       eq_note="done against a wall, which needs no equipment"),
    Ex("landmine-press", "landmine-press", "landmine barbell", "U", "L",
       eq_note="one end of a barbell in a landmine pivot (or a corner)"),
])


# ---------------------------------------------------------------------------------------------
# Shoulder isolation
# ---------------------------------------------------------------------------------------------
RAISE_MECHANIC = "Only the shoulder moves, the elbow held at a fixed slight bend: single-joint"
arch("lateral-raise", "Isolation", "isolation", [
    ("lateral-deltoid", "P", "Abducts the arm, lifting it out to the side"),
    ("anterior-deltoid", "S", "Assists abduction, more as the arm drifts forward"),
    ("traps", "S", "Upwardly rotates the shoulder blade as the arm nears shoulder height")],
    "The arm is raised out to the side at the shoulder alone: an isolation movement",
    RAISE_MECHANIC,
    L="Light load on a simple arc")
arch("front-raise", "Isolation", "isolation", [
    ("anterior-deltoid", "P", "Flexes the shoulder, lifting the arm in front"),
    ("chest", "S", "The upper (clavicular) fibres assist shoulder flexion"),
    ("lateral-deltoid", "S", "Assists as the arm rises"),
    ("traps", "S", "Upwardly rotates the shoulder blade above shoulder height"),
    ("abdominals", "X", "Keep the lower back from arching as the load moves forward")],
    "The arm is raised in front at the shoulder alone: an isolation movement",
    RAISE_MECHANIC,
    L="Light load on a simple arc")
arch("rear-raise", "Isolation", "isolation", [
    ("posterior-deltoid", "P", "Horizontally abducts the arm, lifting it back and out"),
    ("middle-back", "S", "Rhomboids and middle trapezius retract the shoulder blades"),
    ("lateral-deltoid", "S", "Assists horizontal abduction")],
    "The arms open backwards at the shoulder with fixed elbows: an isolation movement (a "
    "reverse fly)", RAISE_MECHANIC,
    L="Chest supported or seated, light load on a simple arc",
    M="Bent over without support: the hinge must be held while the arms move")
arch("face-pull", "HorizontalPull", "compound", [
    ("posterior-deltoid", "P", "Horizontally abducts and externally rotates the upper arms"),
    ("middle-back", "S", "Rhomboids and middle trapezius retract the shoulder blades"),
    ("traps", "S", "Tilt and rotate the shoulder blades back as the hands finish by the ears"),
    ("biceps", "S", "Flex the elbows as the rope comes to the face")],
    "The rope is pulled towards the face, across the line of the torso: a horizontal pull",
    "The shoulders and the elbows both move: multi-joint",
    L="Light load, standing, on a cable or band")
arch("pull-apart", "Isolation", "isolation", [
    ("posterior-deltoid", "P", "Horizontally abducts the arms to stretch the band apart"),
    ("middle-back", "S", "Rhomboids and middle trapezius retract the shoulder blades")],
    "The straight arms open at the shoulders: an isolation movement (a reverse fly)",
    "Only the shoulders move, the elbows stay straight: single-joint",
    L="A light band and a simple arc")
arch("upright-row", "VerticalPull", "compound", [
    ("lateral-deltoid", "P", "Abducts the upper arms to lift the elbows high"),
    ("traps", "P", "Elevates and upwardly rotates the shoulder blades"),
    ("anterior-deltoid", "S", "Assists as the elbows lift in front of the body"),
    ("biceps", "S", "Flex the elbows as the load rises"),
    ("forearms", "X", "Hold the grip and keep the wrists firm")],
    "A pull along the trunk's long axis, the vertical plane of pull-ups and pulldowns run "
    "the other way: the elbows lead the load up the body as the shoulders abduct and the "
    "elbows bend (two joints, so not single-joint isolation)",
    "The shoulders and the elbows both move: multi-joint",
    L="A short, guided path close to the body; light load",
    M="A free bar pulled up close to the body; the elbows must stay below about shoulder "
    "height")
arch("shrug", "Isolation", "isolation", [
    ("traps", "P", "The upper fibres elevate the shoulder blades"),
    ("forearms", "X", "Hold the grip on a heavy load")],
    "The shoulder blades are lifted; no limb joint moves: an isolation movement",
    "Only the shoulder girdle moves (elevation): single-joint",
    L="A short, simple lift of the shoulders")

arch("tyi-raise", "Isolation", "isolation", [
    ("posterior-deltoid", "P", "Horizontally abducts the straight arms in the T"),
    ("middle-back", "P", "Rhomboids and middle trapezius retract the shoulder blades in the T"),
    ("traps", "S", "The lower fibres depress and upwardly rotate the shoulder blades in the Y "
     "and the I"),
    ("lateral-deltoid", "S", "Raises the arms overhead in the Y and the I")],
    "The straight arms are raised in three directions at the shoulders alone: an isolation "
    "movement", "Only the shoulders and shoulder blades move: single-joint",
    L="Unloaded arm raises in three set positions")

family("shoulders-isolation", [
    Ex("arm-raises-t-y-i", "tyi-raise", "bodyweight", "B", "L", kind="MobilityDrill",
       eq_note="the arms' own weight; a light band or plates may be added"),
    Ex("side-lateral-raise", "lateral-raise", "dumbbell", "B", "L"),
    Ex("dumbbell-raise", "lateral-raise", "dumbbell", "B", "L"),
    Ex("45-degree-lateral-raises", "lateral-raise", "dumbbell", "B", "L",
       add=(("anterior-deltoid", "S", "Shares the lift, the arms raised between front and side"),),
       drop=("anterior-deltoid",)),
    Ex("seated-side-lateral-raise", "lateral-raise", "dumbbell bench", "B", "L"),
    Ex("lying-one-arm-lateral-raise", "lateral-raise", "dumbbell bench", "U", "L",
       eq_note="lying on the side on a flat bench"),
    Ex("one-arm-incline-lateral-raise", "lateral-raise", "dumbbell incline-bench", "U", "L",
       eq_note="lying on the side on an incline bench"),
    Ex("lateral-raise-with-bands", "lateral-raise", "resistance-band", "B", "L",
       eq_note="the band is stood on"),
    Ex("cable-seated-lateral-raise", "lateral-raise", "cable-station bench", "B", "L",
       eq_note="seated on a bench between two low pulleys"),
    Ex("side-lateral-raise-cable", "lateral-raise", "cable-station", "U", "L"),
    Ex("cable-lateral-raises-single-arm", "lateral-raise", "cable-station", "U", "L"),
    Ex("behind-the-back-cable-lateral-raise", "lateral-raise", "cable-station", "U", "L"),
    Ex("high-cable-lateral-raise", "lateral-raise", "cable-station", "U", "L"),
    Ex("standing-low-pulley-deltoid-raise", "lateral-raise", "cable-station", "U", "L"),
    Ex("machine-lateral-wise", "lateral-raise", "machine", "B", "L",
       eq_note="a lateral raise machine (the source's gym mat is not what it needs)",
       level_note="The machine's arms fix the arc"),
    Ex("side-laterals-to-front-raise", "lateral-raise", "dumbbell", "B", "L",
       add=(("anterior-deltoid", "P", "Flexes the shoulders in the front-raise half"),),
       drop=("anterior-deltoid",)),
    Ex("alternating-deltoid-raise", "lateral-raise", "dumbbell", "B", "L",
       add=(("anterior-deltoid", "P", "Flexes the shoulders on the front raises"),),
       drop=("anterior-deltoid",)),
    Ex("front-dumbbell-raise", "front-raise", "dumbbell", "A", "L"),
    Ex("front-two-dumbbell-raise", "front-raise", "dumbbell", "B", "L"),
    Ex("front-raises", "front-raise", "dumbbell", "B", "L"),
    Ex("single-dumbbell-raise", "front-raise", "dumbbell", "B", "L",
       eq_note="one dumbbell held by its head in both hands"),
    Ex("front-incline-dumbbell-raise", "front-raise", "dumbbell incline-bench", "B", "L",
       drop=("abdominals",)),
    Ex("front-plate-raise", "front-raise", "weight-plate", "B", "L"),
    Ex("front-cable-raise", "front-raise", "cable-station", "U", "L"),
    Ex("straight-bar-cable-front-raise", "front-raise", "cable-station", "B", "L",
       eq_note="a low pulley with a straight bar (the source's EZ bar is the handle)"),
    Ex("reverse-flyes", "rear-raise", "dumbbell incline-bench", "B", "L",
       eq_note="lying face down on an incline bench, as its text says"),
    Ex("bent-over-lateral-raises", "rear-raise", "dumbbell bench", "B", "L",
       eq_note="seated on a bench, bent forward over the thighs"),
    Ex("rear-delt-raise", "rear-raise", "dumbbell bench", "B", "L",
       eq_note="seated on a bench, bent forward"),
    Ex("seated-bent-over-rear-delt-raise", "rear-raise", "dumbbell bench", "B", "L",
       eq_note="seated on the end of a flat bench, chest to the thighs"),
    Ex("chest-supported-rear-delt-raise", "rear-raise", "dumbbell incline-bench", "B", "L",
       eq_note="lying face down on an incline bench"),
    Ex("incline-bench-reverse-fly", "rear-raise", "dumbbell incline-bench", "B", "L",
       eq_note="lying face down on an incline bench"),
    Ex("bent-over-dumbbell-rear-delt-raise-with-head-on-bench", "rear-raise",
       "dumbbell incline-bench", "B", "L",
       eq_note="the forehead rests on an incline bench to steady the bent-over torso"),
    Ex("dumbbell-lying-rear-lateral-raise", "rear-raise", "dumbbell incline-bench", "B", "L",
       eq_note="lying face down on a bench inclined about 15 degrees"),
    Ex("lying-rear-delt-raise", "rear-raise", "dumbbell bench", "B", "L",
       eq_note="lying face down on a flat bench"),
    Ex("dumbbell-lying-one-arm-rear-lateral-raise", "rear-raise", "dumbbell incline-bench", "U",
       "L", eq_note="lying face down on a bench inclined about 15 degrees"),
    Ex("reverse-flyes-with-external-rotation", "rear-raise", "dumbbell incline-bench", "B", "L",
       eq_note="lying face down on an incline bench"),
    Ex("cable-rear-delt-fly", "rear-raise", "cable-station", "B", "L",
       eq_note="two high pulleys crossed in front of the body"),
    Ex("cable-rear-delt-fly-single-arm", "rear-raise", "cable-station", "U", "L"),
    Ex("reverse-cable-flye", "rear-raise", "cable-station", "B", "L"),
    Ex("bent-over-cable-flye", "rear-raise", "cable-station", "B", "L", add=(ERECTORS_HINGE,),
       level_note="A cable on a simple arc; the torso leans forward without a load to balance "
       "(the difficulty table: cables are Low)"),
    Ex("reverse-machine-flyes", "rear-raise", "pec-deck-machine", "B", "L",
       eq_note="the pec deck machine set for reverse flyes"),
    Ex("pec-deck-rear-delt-fly", "rear-raise", "pec-deck-machine", "B", "L",
       eq_note="the pec deck machine set for reverse flyes"),
    Ex("back-flyes-with-bands", "rear-raise", "resistance-band", "B", "L"),
    Ex("reverse-fly-standing", "rear-raise", "resistance-band", "B", "L"),
    Ex("band-pull-apart", "pull-apart", "resistance-band", "B", "L"),
    Ex("band-pull-apart-with-external-rotation", "pull-apart", "resistance-band", "B", "L"),
    Ex("face-pull", "face-pull", "cable-station", "B", "L",
       eq_note="a high pulley with a rope"),
    Ex("face-pulls-with-yellow-green-band", "face-pull", "resistance-band", "B", "L",
       eq_note="the band anchored at face height"),
    Ex("upright-barbell-row", "upright-row", "barbell", "B", "L",
       level_note="A bar pulled up close to the body on a short path: learnt in a session"),
    Ex("upright-row-sz-bar", "upright-row", "ez-curl-bar", "B", "L",
       level_note="A bar pulled up close to the body on a short path: learnt in a session"),
    Ex("standing-dumbbell-upright-row", "upright-row", "dumbbell", "B", "L"),
    Ex("dumbbell-upright-row", "upright-row", "dumbbell", "B", "L"),
    Ex("dumbbell-one-arm-upright-row", "upright-row", "dumbbell", "U", "L"),
    Ex("upright-cable-row", "upright-row", "cable-station", "B", "L",
       eq_note="a low pulley with a straight bar"),
    Ex("upright-row-with-bands", "upright-row", "resistance-band", "B", "L"),
    Ex("smith-machine-upright-row", "upright-row", "smith-machine", "B", "L"),
    Ex("smith-machine-one-arm-upright-row", "upright-row", "smith-machine", "U", "L"),
    Ex("barbell-shrug", "shrug", "barbell squat-rack", "B", "L",
       eq_note="the bar is taken from a rack at mid-thigh height"),
    Ex("barbell-shrug-behind-the-back", "shrug", "barbell squat-rack", "B", "L",
       eq_note="the bar is taken from a rack behind the thighs"),
    Ex("dumbbell-shrug", "shrug", "dumbbell", "B", "L"),
    Ex("cable-shrugs", "shrug", "cable-station", "B", "L",
       eq_note="a low pulley with a straight bar"),
    Ex("cable-shrug-in", "shrug", "cable-station", "B", "L",
       eq_note="two low pulleys with D-handles"),
    Ex("leverage-shrug", "shrug", "machine", "B", "L",
       eq_note="a lever shrug machine, its own kind of machine"),
    Ex("smith-machine-behind-the-back-shrug", "shrug", "smith-machine", "B", "L"),
    Ex("shrugs-on-multipress", "shrug", "smith-machine", "B", "L"),
    Ex("calf-machine-shoulder-shrug", "shrug", "calf-raise-machine", "B", "L",
       eq_note="the shoulder pads of a standing calf raise machine"),
    Ex("middle-back-shrug", "pull-apart", "dumbbell incline-bench", "B", "L",
       drop=("posterior-deltoid",),
       add=(("middle-back", "P", "Rhomboids and middle trapezius squeeze the shoulder blades "
             "together"), ("posterior-deltoid", "S", "Holds the straight arms as the shoulder "
                           "blades move")),
       eq_note="lying face down on an incline bench",
       level_note="Chest supported, a short squeeze of the shoulder blades"),
])


# ---------------------------------------------------------------------------------------------
# Horizontal pull
# ---------------------------------------------------------------------------------------------
ROW_PATTERN = "The load is pulled towards the torso, perpendicular to it: a horizontal pull"
ROW_MECHANIC = "The shoulders, shoulder blades and elbows all move: multi-joint"
ROW_MUSCLES = [
    ("lats", "P", "Extend the shoulders, drawing the elbows back past the torso"),
    ("middle-back", "P", "Rhomboids and middle trapezius retract the shoulder blades"),
    ("posterior-deltoid", "S", "Horizontally extends the shoulders at the end of the pull"),
    ("biceps", "S", "Flex the elbows (biceps and brachialis)")]
arch("bent-row", "HorizontalPull", "compound", [
    *ROW_MUSCLES, ERECTORS_HINGE, HAMS_HINGE,
    ("forearms", "X", "Hold the grip on the bar or handle")],
    "Pulled from the floor towards the torso while hinged forward: a horizontal pull",
    ROW_MECHANIC,
    L="The free hand and a knee on a bench support the torso",
    M="A hinge held with a neutral spine while the load is rowed: a free, unsupported "
    "position")
arch("supported-row", "HorizontalPull", "compound", [
    *ROW_MUSCLES, ("abdominals", "X", "Keep the torso square and still on its support")],
    ROW_PATTERN, ROW_MECHANIC,
    L="The torso is supported (bench, pad or hand): only the arm and shoulder blade move",
    M="Supported, but heavy or with a loose body swing that must be controlled")
arch("seated-row", "HorizontalPull", "compound", [
    *ROW_MUSCLES, ("erector-spinae", "X", "Hold the torso upright against the pull of the cable")],
    "Pulled towards the waist from in front while seated: a horizontal pull", ROW_MECHANIC,
    L="Seated with the feet braced; the cable or machine sets the path")
arch("machine-row", "HorizontalPull", "compound", ROW_MUSCLES,
     "The handles are pulled towards the torso with the chest on a pad: a horizontal pull",
     ROW_MECHANIC,
     L="The chest pad and the machine's arms fix the position and the path")
arch("inverted-row", "HorizontalPull", "compound", [
    ("middle-back", "P", "Rhomboids and middle trapezius retract the shoulder blades"),
    ("lats", "P", "Extend the shoulders to pull the chest to the bar"),
    ("posterior-deltoid", "S", "Horizontally extends the shoulders"),
    ("biceps", "S", "Flex the elbows"),
    ("abdominals", "X", "Hold the body straight from shoulders to heels"),
    ("glutes", "X", "Keep the hips from sagging")],
    "The body is pulled up to a bar or handles held in front of the chest: the bodyweight "
    "horizontal pull", ROW_MECHANIC,
    L="Scaled by the body's angle (higher bar, bent knees); a plank held under a bar",
    M="A low body angle or feet raised: most of the body weight on the arms",
    H="The legs over the bar or one arm: a strength skill")
arch("high-row", "HorizontalPull", "compound", [
    ("middle-back", "P", "Rhomboids and middle trapezius retract the shoulder blades"),
    ("posterior-deltoid", "P", "Horizontally abducts the upper arms, elbows high"),
    ("lats", "S", "Extend the shoulders as the elbows come back"),
    ("biceps", "S", "Flex the elbows"),
    ("traps", "S", "Upper fibres steady the shoulder blades with the elbows high")],
    "Pulled towards the upper chest or neck, elbows high: a horizontal pull", ROW_MECHANIC,
    L="A cable or machine path, seated or kneeling",
    M="A free bar rowed high while hinged forward")
arch("renegade-row", "HorizontalPull", "compound", [
    *ROW_MUSCLES,
    ("abdominals", "X", "Resist the trunk's rotation while one hand leaves the floor"),
    ("chest", "X", "Holds the support arm's shoulder in the plank"),
    ("triceps", "X", "Keep the support arm straight")],
    "A row from a plank: each weight is pulled to the torso in turn, a horizontal pull",
    ROW_MECHANIC,
    M="A plank held on two weights while one is rowed: balance and anti-rotation")

family("horizontal-pull", [
    Ex("bent-over-barbell-row", "bent-row", "barbell", "B", "M"),
    Ex("barbell-row-underhand", "bent-row", "barbell", "B", "M"),
    Ex("reverse-grip-bent-over-rows", "bent-row", "barbell", "B", "M"),
    Ex("pendelay-rows", "bent-row", "barbell", "B", "M",
       level_note="Every rep starts dead from the floor with the torso horizontal: a strict hinge"),
    Ex("smith-machine-bent-over-row", "bent-row", "smith-machine", "B", "L",
       level_note="The rails fix the bar path; the hinge must still be held",
       drop=("forearms",)),
    Ex("bent-over-two-dumbbell-row", "bent-row", "dumbbell", "B", "L", level_note=DB_BENT),
    Ex("bent-over-two-dumbbell-row-with-palms-in", "bent-row", "dumbbell", "B", "L",
       level_note=DB_BENT),
    Ex("alternative-db-gorilla-rows", "bent-row", "dumbbell", "A", "L", level_note=DB_BENT),
    Ex("two-arm-kettlebell-row", "bent-row", "kettlebell", "B", "L", level_note=DB_BENT),
    Ex("alternating-kettlebell-row", "bent-row", "kettlebell", "A", "L", level_note=DB_BENT),
    Ex("t-bar-row", "bent-row", "landmine barbell", "B", "M",
       eq_note="one end of a barbell in a landmine pivot, with a V-handle under the plates"),
    Ex("t-bar-row-with-handle", "bent-row", "landmine barbell", "B", "M",
       eq_note="one end of a barbell in a landmine pivot, with a V-handle under the plates"),
    Ex("bent-over-two-arm-long-bar-row", "bent-row", "landmine barbell", "B", "M",
       eq_note="one end of a barbell in a landmine pivot (or a corner)"),
    Ex("bent-over-one-arm-long-bar-row", "bent-row", "landmine barbell", "U", "M",
       eq_note="one end of a barbell in a landmine pivot (or a corner)"),
    Ex("one-arm-long-bar-row", "bent-row", "landmine barbell", "U", "M",
       eq_note="one end of a barbell in a landmine pivot (or a corner)"),
    Ex("meadows-row", "bent-row", "landmine barbell", "U", "M",
       eq_note="one end of a barbell in a landmine pivot, rowed from the side"),
    Ex("perpendicular-unilateral-landmine-row", "bent-row", "landmine barbell", "U", "M"),
    Ex("one-arm-dumbbell-row", "supported-row", "dumbbell bench", "U", "L",
       eq_note="a knee and the free hand on a flat bench"),
    Ex("one-arm-heavy-row", "supported-row", "dumbbell bench", "U", "L",
       eq_note="the free hand braced on a bench"),
    Ex("kroc-row", "supported-row", "dumbbell bench", "U", "L",
       eq_note="the free hand braced on a bench or rack",
       add=(("forearms", "X", "Hold a heavy dumbbell for high reps"),)),
    Ex("one-arm-kettlebell-row", "supported-row", "kettlebell", "U", "L",
       eq_note="the free hand on the knee in a split stance"),
    Ex("dumbbell-incline-row", "supported-row", "dumbbell incline-bench", "B", "L",
       eq_note="lying face down on an incline bench"),
    Ex("incline-chest-supported-dumbbell-row", "supported-row", "dumbbell incline-bench", "B",
       "L", eq_note="lying face down on an incline bench"),
    Ex("helms-row", "supported-row", "dumbbell bench", "B", "L",
       eq_note="the chest braced on the end of a bench while standing"),
    Ex("lying-cambered-barbell-row", "supported-row", "barbell bench", "B", "L",
       eq_note="lying face down on a bench high enough for the bar to hang (a cambered bar is "
       "best)"),
    Ex("rowing-lying-on-bench", "supported-row", "barbell bench", "B", "L",
       eq_note="lying face down on a bench high enough for the bar to hang"),
    Ex("straight-bar-bench-mid-rows", "bent-row", "barbell bench", "B", "M",
       eq_note="the loaded bar rests on the end of a bench that the lifter stands on"),
    Ex("seated-cable-rows", "seated-row", "seated-cable-row-station", "B", "L"),
    Ex("long-pulley-low-row", "seated-row", "seated-cable-row-station", "B", "L"),
    Ex("seated-v-grip-row", "seated-row", "seated-cable-row-station", "B", "L",
       eq_note="a seated cable row station with a V-handle (the source's band is wrong: its "
       "own text says cable)"),
    Ex("seated-one-arm-cable-pulley-rows", "seated-row", "seated-cable-row-station", "U", "L"),
    Ex("unilateral-cable-row", "seated-row", "seated-cable-row-station incline-bench", "U", "L",
       eq_note="an incline bench set in front of the cable row station, chest against it",
       drop=("erector-spinae",)),
    Ex("elevated-cable-rows", "seated-row", "seated-cable-row-station", "B", "L"),
    Ex("shotgun-row", "seated-row", "cable-station", "U", "L",
       eq_note="a low pulley with a single handle"),
    Ex("seated-machine-row", "machine-row", "seated-row-machine", "B", "L"),
    Ex("leverage-iso-row", "machine-row", "seated-row-machine", "B", "L",
       eq_note="a plate-loaded lever row, each arm on its own lever"),
    Ex("lying-t-bar-row", "machine-row", "t-bar-row-machine", "B", "L"),
    Ex("leverage-high-row", "high-row", "seated-row-machine", "B", "L",
       eq_note="a plate-loaded lever high row"),
    Ex("kneeling-high-pulley-row", "high-row", "cable-station", "B", "L"),
    Ex("kneeling-single-arm-high-pulley-row", "high-row", "cable-station", "U", "L"),
    Ex("low-pulley-row-to-neck", "high-row", "seated-cable-row-station", "B", "L"),
    Ex("cable-rope-rear-delt-rows", "high-row", "cable-station", "B", "L"),
    Ex("barbell-rear-delt-row", "high-row", "barbell", "B", "M", add=(ERECTORS_HINGE,)),
    Ex("dumbbell-rear-delt-row", "high-row", "dumbbell", "B", "L", add=(ERECTORS_HINGE,),
       level_note=DB_BENT),
    Ex("inverted-row", "inverted-row", "squat-rack barbell", "B", "L",
       eq_note="a bar fixed at hip height: a barbell in a rack or a Smith machine bar"),
    Ex("australian-pull-ups", "inverted-row", "squat-rack barbell", "B", "L",
       eq_note="a bar fixed at hip height: a barbell in a rack or a low bar"),
    Ex("inverted-row-with-straps", "inverted-row", "suspension-trainer", "B", "L"),
    Ex("suspended-row", "inverted-row", "suspension-trainer", "B", "L"),
    Ex("trx-rows", "inverted-row", "suspension-trainer", "B", "L"),
    Ex("rowing-with-trx-band", "inverted-row", "suspension-trainer", "B", "L"),
    Ex("bodyweight-mid-row", "inverted-row", "pull-up-bar", "B", "M",
       eq_note="hanging from a pull-up bar with the legs over it",
       level_note="Hanging under a bar by the hands, the legs hooked over it: most of the body "
                  "weight on the arms (Moderate: the whole body weight on the arms or the grip)"),
    Ex("renegade-row", "renegade-row", "dumbbell", "A", "M"),
    Ex("alternating-renegade-row", "renegade-row", "kettlebell", "A", "M"),
    Ex("single-arm-plank-to-row", "renegade-row", "kettlebell", "U", "M",
       level_note="A plank on one hand while the other rows: balance and anti-rotation"),
    Ex("dumbbell-bent-over-face-pull", "high-row", "dumbbell", "B", "L", add=(ERECTORS_HINGE,),
       level_note=DB_BENT),
    Ex("front-lever-pull-up", "inverted-row", "pull-up-bar", "B", "H",
       eq_note="hanging from a pull-up bar with the body held level",
       level_note="Rowing the body to the bar from a front lever: an advanced gymnastic skill"),
    Ex("band-bent-over-row", "bent-row", "resistance-band", "B", "L",
       label="Band bent-over row", alt=("Resistance band row", "Banded bent-over row"),
       drop=("forearms",),
       level_note="The band is stood on; a light load that lets the hinge be learnt"),
])


# ---------------------------------------------------------------------------------------------
# Vertical pull
# ---------------------------------------------------------------------------------------------
VPULL_MECHANIC = "The shoulders, shoulder blades and elbows all move: multi-joint"
arch("pull-up", "VerticalPull", "compound", [
    ("lats", "P", "Adduct and extend the shoulders to pull the body up to the bar"),
    ("biceps", "S", "Flex the elbows (biceps and brachialis)"),
    ("middle-back", "S", "Rhomboids and middle trapezius retract and rotate the shoulder "
     "blades down"),
    ("posterior-deltoid", "S", "Assists shoulder extension"),
    ("forearms", "X", "Hold the body's weight in the grip"),
    ("abdominals", "X", "Keep the body from swinging and the ribs down")],
    "The body is pulled up to a bar overhead, along the line of the torso: a vertical pull",
    VPULL_MECHANIC,
    L="A machine or band takes part of the body weight",
    M="The whole body weight pulled from a dead hang",
    H="A gymnastic skill: one arm, an L-sit, a front lever or a transition over the bar")
arch("chin-up", "VerticalPull", "compound", [
    ("lats", "P", "Extend the shoulders to pull the body up to the bar"),
    ("biceps", "P", "Flex the supinated elbows; in this grip they share the lift"),
    ("middle-back", "S", "Rhomboids and middle trapezius rotate the shoulder blades down"),
    ("forearms", "X", "Hold the body's weight in the grip"),
    ("abdominals", "X", "Keep the body from swinging")],
    "The body is pulled up to a bar overhead with the palms towards the face: a vertical pull",
    VPULL_MECHANIC,
    L="A machine or band takes part of the body weight",
    M="The whole body weight pulled from a dead hang",
    H="One arm carries the body weight")
arch("pulldown", "VerticalPull", "compound", [
    ("lats", "P", "Adduct and extend the shoulders to pull the bar down"),
    ("biceps", "S", "Flex the elbows (biceps and brachialis)"),
    ("middle-back", "S", "Rhomboids and middle trapezius rotate the shoulder blades down and "
     "back"),
    ("posterior-deltoid", "S", "Assists shoulder extension")],
    "A bar overhead is pulled down to the chest, along the line of the torso: a vertical pull",
    VPULL_MECHANIC,
    L="Seated under a thigh pad; the weight stack is set below body weight",
    M="A path that needs shoulder mobility or a torso angle held without support")
arch("pulldown-supinated", "VerticalPull", "compound", [
    ("lats", "P", "Extend the shoulders to pull the bar down to the chest"),
    ("biceps", "P", "Flex the supinated elbows; in this grip they share the pull"),
    ("middle-back", "S", "Rhomboids and middle trapezius rotate the shoulder blades down")],
    "A bar overhead is pulled down with the palms facing back: a vertical pull",
    VPULL_MECHANIC,
    L="Seated under a thigh pad; the weight stack is set below body weight")
arch("straight-arm", "Isolation", "isolation", [
    ("lats", "P", "Extend the shoulders to sweep the straight arms down to the thighs"),
    ("triceps", "S", "The long head assists shoulder extension and holds the elbows straight"),
    ("posterior-deltoid", "S", "Assists shoulder extension"),
    ("abdominals", "X", "Keep the ribs down so the lats, not the lower back, finish the rep")],
    "Only the shoulders move, the arms straight, pulling from overhead to the thighs: an "
    "isolation movement for the lats rather than a vertical pull's compound lift",
    "The elbows stay straight: one joint (the shoulder) moves",
    L="A cable's simple arc with light load")
arch("pullover", "Isolation", "isolation", [
    ("lats", "P", "Extend the shoulders to bring the weight from behind the head over the chest"),
    ("chest", "P", "The lower (sternal) fibres assist shoulder extension from the stretch"),
    ("triceps", "S", "The long head assists shoulder extension"),
    ("abdominals", "X", "Keep the ribs down and the hips from rising as the arms reach back")],
    "Only the shoulders move, the arms arcing over the head: an isolation movement",
    "The elbows hold one slight bend: one joint (the shoulder) moves",
    L="A simple arc lying on a bench",
    M="A long lever taken deep behind the head: the stretch must be controlled")

MUSCLE_UP = (("triceps", "S", "Press the body up over the bar after the transition"),
             ("chest", "S", "Pulls the arms down and forward in the dip over the bar"))
family("vertical-pull", [
    Ex("pullups", "pull-up", "pull-up-bar", "B", "M"),
    Ex("wide-pull-up", "pull-up", "pull-up-bar", "B", "M"),
    Ex("wide-grip-rear-pull-up", "pull-up", "pull-up-bar", "B", "M",
       level_note="A pull-up behind the neck: a position variant keeps the pull-up's level; "
       "it asks for shoulder mobility, not a new skill"),
    Ex("pull-ups-neutral-grip", "pull-up", "pull-up-bar", "B", "M",
       eq_note="a bar with parallel handles"),
    Ex("v-bar-pullup", "pull-up", "pull-up-bar", "B", "M",
       eq_note="a V-handle hung over a pull-up bar"),
    Ex("weighted-pull-ups", "pull-up", "pull-up-bar weight-plate", "B", "M",
       eq_note="a plate or dumbbell hung from a dip belt"),
    Ex("rocky-pull-ups-pulldowns", "pull-up", "pull-up-bar", "B", "M"),
    Ex("commando-pull-ups", "pull-up", "pull-up-bar", "A", "H",
       level_note="The body turns side to side under the bar: grip and control beyond a pull-up",
       add=(("biceps", "P", "Flex the elbows in the close, mixed grip"),)),
    Ex("mixed-grip-chin", "pull-up", "pull-up-bar", "B", "M"),
    Ex("side-to-side-chins", "pull-up", "pull-up-bar", "A", "H",
       level_note="The body is pulled towards one hand and then the other"),
    Ex("archer-pull-up", "pull-up", "pull-up-bar", "A", "H"),
    Ex("typewriter-pull-ups", "pull-up", "pull-up-bar", "A", "H"),
    Ex("ice-scream-maker", "pull-up", "pull-up-bar", "B", "H",
       eq_note="a pull-up bar (the source says bodyweight: its text hangs from a bar)",
       add=(("abdominals", "P", "Hold the body rigid as it swings out to a front lever"),),
       level_note="From the top of a pull-up out to a front lever and back: a gymnastic skill"),
    Ex("pull-up-isometric-hold", "pull-up", "pull-up-bar", "B", "M",
       level_note="The body weight held in a pull-up position: no skill beyond a pull-up's"),
    Ex("l-sit-pull-ups", "pull-up", "pull-up-bar", "B", "H",
       add=(("abdominals", "X", "Hold the legs out straight in an L-sit"),
            ("quadriceps", "X", "Hold the hips flexed and the knees straight in the L (the "
                                "rectus femoris; the iliopsoas is not in the catalogue)"))),
    Ex("muscle-up", "pull-up", "pull-up-bar", "B", "H", add=MUSCLE_UP),
    Ex("kipping-muscle-up", "pull-up", "pull-up-bar", "B", "H", add=MUSCLE_UP, power=True),
    Ex("band-assisted-pull-up", "pull-up", "pull-up-bar resistance-band", "B", "L",
       eq_note="a looped band under the knees or feet takes part of the body weight"),
    Ex("pull-ups-on-machine", "pull-up", "assisted-pull-up-machine", "B", "L",
       drop=("abdominals",)),
    Ex("chin-up", "chin-up", "pull-up-bar", "B", "M"),
    Ex("assisted-chin-ups", "chin-up", "assisted-pull-up-machine", "B", "L",
       drop=("abdominals",),
       eq_note="an assisted pull-up machine (or a band over the bar) takes part of the weight"),
    Ex("one-arm-chin-up", "chin-up", "pull-up-bar", "U", "H"),
    Ex("gironda-sternum-chins", "chin-up", "pull-up-bar", "B", "H",
       level_note="Leaning far back to touch the sternum to the bar: beyond a chin-up"),
    Ex("wide-grip-lat-pulldown", "pulldown", "lat-pulldown-station", "B", "L"),
    Ex("lat-pull-down", "pulldown", "lat-pulldown-station", "B", "L"),
    Ex("lat-pull-down-straight-back", "pulldown", "lat-pulldown-station", "B", "L"),
    Ex("lat-pull-down-leaning-back", "pulldown", "lat-pulldown-station", "B", "L",
       add=(("middle-back", "S", "Retract the shoulder blades more with the torso leaning "
             "back"),)),
    Ex("full-range-of-motion-lat-pulldown", "pulldown", "lat-pulldown-station", "B", "L"),
    Ex("close-grip-front-lat-pulldown", "pulldown", "lat-pulldown-station", "B", "L"),
    Ex("v-bar-pulldown", "pulldown", "lat-pulldown-station", "B", "L",
       eq_note="with a V-handle"),
    Ex("neutral-grip-lat-pulldown", "pulldown", "lat-pulldown-station", "B", "L"),
    Ex("front-pull-wide", "pulldown", "lat-pulldown-station", "B", "L",
       eq_note="a pulldown bar (the source's barbell and EZ bar name the grip, not the kit)"),
    Ex("front-pull-narrow", "pulldown", "lat-pulldown-station", "B", "L",
       eq_note="a pulldown bar (the source's barbell and EZ bar name the grip, not the kit)"),
    Ex("modified-pulldown", "pulldown", "lat-pulldown-station incline-bench", "B", "L",
       eq_note="an incline bench set in front of the pulldown station"),
    Ex("wide-grip-pulldown-behind-the-neck", "pulldown", "lat-pulldown-station", "B", "L",
       level_note="A machine pulldown behind the neck: a position variant keeps its lift's "
       "level; it asks for shoulder mobility, not a new skill"),
    Ex("one-arm-lat-pulldown", "pulldown", "lat-pulldown-station", "U", "L",
       eq_note="a single handle on the pulldown cable"),
    Ex("1-arm-half-kneeling-lat-pulldown", "pulldown", "cable-station", "U", "L",
       eq_note="a high pulley, kneeling beside it",
       add=(("abdominals", "X", "Hold the half-kneeling trunk square"),)),
    Ex("lat-pulldown-cross-body-single-arm", "pulldown", "cable-station", "U", "L"),
    Ex("unilateral-cross-body-cable-pull-down", "pulldown", "cable-station", "U", "L"),
    Ex("single-arm-row", "pulldown", "cable-station", "U", "L",
       eq_note="a high pulley, sitting on the floor (the source's text: a pulldown, not a row)"),
    Ex("high-row", "pulldown", "cable-station", "U", "L",
       eq_note="a high pulley, kneeling on one knee (the source's text: the elbow driven down)"),
    Ex("underhand-cable-pulldowns", "pulldown-supinated", "lat-pulldown-station", "B", "L"),
    Ex("inverted-lat-pull-down", "pulldown-supinated", "lat-pulldown-station", "B", "L",
       eq_note="a lat pulldown station (its source's pull-up bar is wrong: the text describes "
       "the reverse-grip pulldown)"),
    Ex("biceps-close-grip-pull-down", "pulldown-supinated", "lat-pulldown-station", "B", "L"),
    Ex("band-lat-pulldown", "pulldown", "resistance-band", "B", "L",
       label="Band lat pulldown", alt=("Resistance band lat pulldown", "Banded lat pulldown"),
       eq_note="the band anchored high (over a door or a bar)",
       level_note="A light band pulled down while kneeling or seated"),
    Ex("straight-arm-pulldown", "straight-arm", "cable-station", "B", "L"),
    Ex("rope-straight-arm-pulldown", "straight-arm", "cable-station", "B", "L"),
    Ex("straight-arm-pull-down-bar-attachment", "straight-arm", "cable-station", "B", "L"),
    Ex("side-straight-arm-pulldown-cable", "straight-arm", "cable-station", "U", "L"),
    Ex("cable-incline-pushdown", "straight-arm", "cable-station incline-bench", "B", "L",
       drop=("abdominals",),
       eq_note="lying on an incline bench facing away from a high pulley (despite its name, a "
       "straight-arm lat pulldown: its text sweeps the straight arms from overhead to the "
       "thighs)"),
    Ex("lat-pull-db", "straight-arm", "dumbbell", "B", "L", drop=("abdominals",),
       add=(ERECTORS_HINGE,),
       eq_note="two dumbbells swept back past the hips while bent over",
       level_note="A hinge held while the straight arms sweep back: " + DB_BENT),
    Ex("pullover", "pullover", "dumbbell bench", "B", "L",
       eq_note="lying across or along a flat bench"),
    Ex("cross-bench-dumbbell-pullovers", "pullover", "dumbbell bench", "B", "L",
       eq_note="lying across a flat bench, only the upper back on it",
       level_note="A position variant of the pullover (only the upper back on the bench, hips "
       "held level): one joint with the bench under the shoulders, the pullover's level"),
    Ex("straight-arm-dumbbell-pullover", "pullover", "dumbbell bench", "B", "L"),
    Ex("bent-arm-dumbbell-pullover", "pullover", "dumbbell bench", "B", "L"),
    Ex("bent-arm-barbell-pullover", "pullover", "barbell bench", "B", "L",
       level_note="A bar taken behind the head lying on a bench: one joint, the bench "
       "carries the body"),
    Ex("wide-grip-decline-barbell-pullover", "pullover", "barbell decline-bench", "B", "M"),
    Ex("pullover-machine", "pullover", "machine", "B", "L", drop=("abdominals",),
       eq_note="a pullover machine, its own kind of machine",
       level_note="Seated, the machine's arm fixes the arc"),
])


# ---------------------------------------------------------------------------------------------
# Arms
# ---------------------------------------------------------------------------------------------
CURL_PATTERN = "Only the elbow bends: an isolation movement for the elbow flexors"
CURL_MECHANIC = "One joint (the elbow) moves; the upper arm stays still"
arch("curl", "Isolation", "isolation", [
    ("biceps", "P", "Flex the elbow (biceps brachii and brachialis) and supinate the forearm"),
    ("forearms", "S", "The brachioradialis assists elbow flexion; the wrist flexors hold the "
     "wrist"),
    ("anterior-deltoid", "X", "Holds the upper arm still at the side")],
    CURL_PATTERN, CURL_MECHANIC,
    L="A simple hinge at the elbow with the upper arm still")
arch("curl-supported", "Isolation", "isolation", [
    ("biceps", "P", "Flex the elbow (biceps brachii and brachialis) with the upper arm fixed"),
    ("forearms", "S", "The brachioradialis assists elbow flexion")],
    CURL_PATTERN + "; the upper arm rests on a pad, bench or thigh", CURL_MECHANIC,
    L="The upper arm is braced: nothing to balance or swing")
arch("hammer-curl", "Isolation", "isolation", [
    ("biceps", "P", "The brachialis and biceps flex the elbow in the neutral grip"),
    ("forearms", "P", "The brachioradialis flexes the elbow; strongest with the thumb up"),
    ("anterior-deltoid", "X", "Holds the upper arm still at the side")],
    CURL_PATTERN + ", with the palm facing in", CURL_MECHANIC,
    L="A simple hinge at the elbow with the upper arm still")
arch("reverse-curl", "Isolation", "isolation", [
    ("forearms", "P", "The brachioradialis flexes the elbow and the wrist extensors hold the "
     "pronated wrist"),
    ("biceps", "P", "The brachialis carries the flexion the pronated biceps cannot"),
    ("anterior-deltoid", "X", "Holds the upper arm still at the side")],
    CURL_PATTERN + ", with the palms down", CURL_MECHANIC,
    L="A simple hinge at the elbow with the upper arm still")
arch("wrist-curl", "Isolation", "isolation", [
    ("forearms", "P", "The wrist flexors (palms up) or extensors (palms down) move the wrist")],
    "Only the wrist moves: an isolation movement", "One joint (the wrist) moves",
    L="A short, simple movement of the wrist with the forearm braced")
arch("pushdown", "Isolation", "isolation", [
    ("triceps", "P", "Extend the elbows to push the handle down"),
    ("abdominals", "X", "Hold the torso still so the body weight does not push the handle")],
    "Only the elbows straighten, the upper arms still: an isolation movement",
    "One joint (the elbow) moves", L="The cable fixes the line of pull; a simple elbow hinge")
arch("overhead-ext", "Isolation", "isolation", [
    ("triceps", "P", "Extend the elbows; overhead, the long head works from a stretch"),
    ("abdominals", "X", "Keep the ribs down and the lower back from arching under the load")],
    "Only the elbows straighten with the upper arms overhead: an isolation movement",
    "One joint (the elbow) moves", L="A simple elbow hinge with a light load")
arch("lying-ext", "Isolation", "isolation", [
    ("triceps", "P", "Extend the elbows to raise the load from beside the head")],
    "Only the elbows straighten, lying with the upper arms vertical: an isolation movement",
    "One joint (the elbow) moves",
    L="A single joint moves with the upper arms fixed: learnt in a session, bar or dumbbells",
    M="Head-down on a decline bench: getting into place and handing the bar in take care")
arch("kickback", "Isolation", "isolation", [
    ("triceps", "P", "Extend the elbow to straighten the arm behind the body"),
    ("posterior-deltoid", "X", "Holds the upper arm back, parallel to the torso"),
    ("erector-spinae", "X", "Hold the bent-over torso still")],
    "Only the elbow straightens, the upper arm still behind the body: an isolation movement",
    "One joint (the elbow) moves", L="Light load, a short path; the torso supported or hinged",
    M="Bent over without support: the hinge must be held while the arms move")
arch("close-grip-press", "HorizontalPush", "compound", [
    ("triceps", "P", "Extend the elbows through the long range of the narrow grip"),
    ("chest", "S", "Adducts and flexes the upper arms, less than in a wide grip"),
    ("anterior-deltoid", "S", "Flexes the shoulders with the elbows tucked"),
    SCAP_SET],
    "Pressed away from the chest: a horizontal push with the hands close",
    PRESS_MECHANIC,
    L="Dumbbells or a guided bar on a bench",
    M="A free bar path, unracking and racking under load; a spotter or safeties needed")
arch("suspension-curl", "Isolation", "isolation", [
    ("biceps", "P", "Flex the elbows to pull the leaning body up to the handles"),
    ("forearms", "S", "The brachioradialis assists elbow flexion and the grip holds the straps"),
    ("posterior-deltoid", "X", "Holds the upper arms up in front at shoulder height"),
    ("abdominals", "X", "Keep the leaning body straight from shoulders to heels")],
    "Only the elbows bend, the upper arms held still in front: an isolation movement with the "
    "body as the load", "One joint (the elbow) moves",
    L="Scaled by how far the body leans back; a straight body is the only other demand",
    M="One arm carries the leaning body")
arch("suspension-ext", "Isolation", "isolation", [
    ("triceps", "P", "Extend the elbows to push the leaning body back up"),
    ("abdominals", "X", "Keep the leaning body straight from shoulders to heels"),
    ("anterior-deltoid", "X", "Holds the upper arms up in front, pointing forward")],
    "Only the elbows straighten, the upper arms held still overhead-forward: an isolation "
    "movement with the body as the load", "One joint (the elbow) moves",
    M="The body leans into moving straps; the shoulders must hold the arms in line")
arch("plank-up-down", "TrunkStability", "compound", [
    ("triceps", "P", "Extend the elbows to climb from the forearms onto the hands"),
    ("abdominals", "P", "Hold the plank and keep the hips from rocking as the support changes"),
    ("anterior-deltoid", "S", "Holds and lifts the shoulders over the hands"),
    ("chest", "S", "Holds the upper arms under the body as each hand is placed"),
    ("glutes", "X", "Keep the hips level in the plank")],
    "A plank held while the support moves between forearms and hands: trunk stability with an "
    "elbow extension", "The elbows and shoulders move while the trunk is held: multi-joint",
    L="A plank on the floor with a simple change of support")

family("arms", [
    Ex("barbell-curl", "curl", "barbell", "B", "L"),
    Ex("close-grip-standing-barbell-curl", "curl", "barbell", "B", "L"),
    Ex("wide-grip-standing-barbell-curl", "curl", "barbell", "B", "L"),
    Ex("ez-bar-curl", "curl", "ez-curl-bar", "B", "L"),
    Ex("biceps-curls-with-sz-bar", "curl", "ez-curl-bar", "B", "L"),
    Ex("close-grip-ez-bar-curl", "curl", "ez-curl-bar", "B", "L",
       eq_note="an EZ bar, as its name says (the source tags a straight barbell)"),
    Ex("close-grip-ez-bar-curl-with-band", "curl", "ez-curl-bar resistance-band", "B", "L"),
    Ex("drag-curl", "curl", "barbell", "B", "L"),
    Ex("dumbbell-bicep-curl", "curl", "dumbbell", "B", "L"),
    Ex("dumbbell-curl", "curl", "dumbbell", "B", "L"),
    Ex("standing-bicep-curl", "curl", "dumbbell", "B", "L"),
    Ex("dumbbell-alternate-bicep-curl", "curl", "dumbbell", "A", "L"),
    Ex("dumbbell-wide-bicep-curls", "curl", "dumbbell", "B", "L"),
    Ex("standing-inner-biceps-curl", "curl", "dumbbell", "B", "L"),
    Ex("dumbbell-drag-curls", "curl", "dumbbell", "B", "L"),
    Ex("seated-dumbbell-curl", "curl", "dumbbell bench", "B", "L"),
    Ex("seated-dumbbell-inner-biceps-curl", "curl", "dumbbell bench", "B", "L"),
    Ex("incline-dumbbell-curl", "curl", "dumbbell incline-bench", "B", "L",
       level_note="Lying back on an incline, the arms hang behind the body: still a simple curl"),
    Ex("alternate-incline-dumbbell-curl", "curl", "dumbbell incline-bench", "A", "L"),
    Ex("incline-inner-biceps-curl", "curl", "dumbbell incline-bench", "B", "L"),
    Ex("flexor-incline-dumbbell-curls", "curl", "dumbbell incline-bench", "U", "L"),
    Ex("curl-with-kettlebell-two-hands", "curl", "kettlebell", "B", "L",
       eq_note="one kettlebell held by the horns in both hands"),
    Ex("one-handed-kettlebell-curls", "curl", "kettlebell", "U", "L"),
    Ex("standing-biceps-cable-curl", "curl", "cable-station", "B", "L",
       eq_note="a low pulley with a straight bar"),
    Ex("straight-bar-cable-curls", "curl", "cable-station", "B", "L"),
    Ex("biceps-curl-with-cable", "curl", "cable-station", "B", "L"),
    Ex("cable-curls", "curl", "cable-station", "B", "L",
       eq_note="a cable station (the source tags it bodyweight; its own text says cables)"),
    Ex("standing-one-arm-cable-curl", "curl", "cable-station", "U", "L"),
    Ex("bayesian-curl", "curl", "cable-station", "U", "L",
       eq_note="a low pulley behind the body, the arm drawn back"),
    Ex("high-cable-curls", "curl-supported", "cable-station", "B", "L",
       eq_note="two high pulleys, the arms held out level",
       add=(("lateral-deltoid", "X", "Holds the arms up at shoulder height"),)),
    Ex("overhead-cable-curl", "curl-supported", "cable-station", "B", "L",
       eq_note="two high pulleys, the arms held out level",
       add=(("lateral-deltoid", "X", "Holds the arms up at shoulder height"),)),
    Ex("lying-cable-curl", "curl-supported", "cable-station", "B", "L",
       eq_note="lying on the floor in front of a low pulley"),
    Ex("lying-close-grip-bar-curl-on-high-pulley", "curl-supported", "cable-station bench", "B",
       "L", eq_note="lying on a flat bench under a high pulley"),
    Ex("cable-concentration-curl", "curl-supported", "cable-station", "U", "L"),
    Ex("cable-preacher-curl", "curl-supported", "cable-station preacher-bench", "B", "L",
       eq_note="a preacher bench set in front of a low pulley"),
    Ex("preacher-curl", "curl-supported", "barbell preacher-bench", "B", "L",
       eq_note="an EZ bar or straight bar over a preacher bench"),
    Ex("one-arm-dumbbell-preacher-curl", "curl-supported", "dumbbell preacher-bench", "U", "L"),
    Ex("two-arm-dumbbell-preacher-curl", "curl-supported", "dumbbell preacher-bench", "B", "L"),
    Ex("dumbbells-on-scott-machine", "curl-supported", "dumbbell preacher-bench", "B", "L",
       eq_note="a Scott (preacher) bench, not a machine"),
    Ex("preacher-curl-externally-rotated", "curl-supported", "dumbbell preacher-bench", "U",
       "L"),
    Ex("spider-curl", "curl-supported", "ez-curl-bar preacher-bench", "B", "L",
       eq_note="the arms over the vertical side of a preacher bench's pad"),
    Ex("lying-high-bench-barbell-curl", "curl-supported", "barbell bench", "B", "L",
       eq_note="lying face down on a high bench, the arms hanging over its end"),
    Ex("dumbbell-prone-incline-curl", "curl-supported", "dumbbell incline-bench", "B", "L"),
    Ex("concentration-curls", "curl-supported", "dumbbell bench", "U", "L",
       eq_note="seated on a bench, the elbow braced on the inner thigh"),
    Ex("standing-concentration-curl", "curl-supported", "dumbbell", "U", "L",
       eq_note="bent over, the upper arm hanging still"),
    Ex("seated-close-grip-concentration-barbell-curl", "curl-supported", "barbell bench", "B",
       "L"),
    Ex("machine-bicep-curl", "curl-supported", "preacher-curl-machine", "B", "L"),
    Ex("machine-preacher-curls", "curl-supported", "preacher-curl-machine", "B", "L"),
    Ex("bodyweight-biceps-curl", "curl", "bodyweight", "B", "L",
       eq_note="the body leans back from a fixed hold (a doorframe, table edge or low bar)",
       drop=("anterior-deltoid",)),
    Ex("biceps-with-trx", "suspension-curl", "suspension-trainer", "B", "L"),
    Ex("trx-gorilla-biceps-curl", "suspension-curl", "suspension-trainer", "B", "L"),
    Ex("trx-hammer-curl", "suspension-curl", "suspension-trainer", "B", "L",
       add=(("forearms", "P", "The brachioradialis flexes the elbows in the neutral grip"),)),
    Ex("trx-single-arm-bicep-curl", "suspension-curl", "suspension-trainer", "U", "M"),
    Ex("trx-tricep-extension", "suspension-ext", "suspension-trainer", "B", "M"),
    Ex("plank-to-elbow-extension", "plank-up-down", "bodyweight", "A", "L"),
    Ex("band-biceps-curl", "curl", "resistance-band", "B", "L",
       label="Band biceps curl", alt=("Resistance band curl", "Banded biceps curl"),
       eq_note="the band stood on under both feet"),
    Ex("hammer-curls", "hammer-curl", "dumbbell", "B", "L"),
    Ex("alternate-hammer-curl", "hammer-curl", "dumbbell", "A", "L"),
    Ex("alternating-dumbbell-hammer-curl", "hammer-curl", "dumbbell", "A", "L"),
    Ex("cross-body-hammer-curl", "hammer-curl", "dumbbell", "A", "L"),
    Ex("incline-hammer-curls", "hammer-curl", "dumbbell incline-bench", "B", "L"),
    Ex("preacher-hammer-dumbbell-curl", "hammer-curl", "dumbbell preacher-bench", "U", "L",
       drop=("anterior-deltoid",)),
    Ex("cable-hammer-curls-rope-attachment", "hammer-curl", "cable-station", "B", "L"),
    Ex("hammercurls-on-cable", "hammer-curl", "cable-station", "B", "L"),
    Ex("zottman-curl", "hammer-curl", "dumbbell", "B", "L",
       add=(("biceps", "P", "Flex the elbow in the palms-up lifting half"),
            ("forearms", "P", "Control the lowering half with the palms turned down")),
       level_note="A curl with a turn of the palms at the top: simple to learn"),
    Ex("reverse-barbell-curl", "reverse-curl", "barbell", "B", "L"),
    Ex("reverse-curl", "reverse-curl", "barbell", "B", "L"),
    Ex("reverse-bar-curl", "reverse-curl", "ez-curl-bar", "B", "L"),
    Ex("standing-dumbbell-reverse-curl", "reverse-curl", "dumbbell", "B", "L"),
    Ex("reverse-cable-curl", "reverse-curl", "cable-station", "B", "L"),
    Ex("reverse-ez-bar-cable-curls", "reverse-curl", "cable-station", "B", "L",
       eq_note="a low pulley with an EZ-shaped cable bar"),
    Ex("reverse-barbell-preacher-curls", "reverse-curl", "ez-curl-bar preacher-bench", "B", "L",
       drop=("anterior-deltoid",)),
    Ex("reverse-plate-curls", "reverse-curl", "weight-plate", "B", "L"),
    Ex("palms-up-barbell-wrist-curl-over-a-bench", "wrist-curl", "barbell bench", "B", "L"),
    Ex("palms-down-wrist-curl-over-a-bench", "wrist-curl", "barbell bench", "B", "L"),
    Ex("barbell-wrist-curl", "wrist-curl", "barbell bench", "B", "L"),
    Ex("barbell-reverse-wrist-curl", "wrist-curl", "barbell bench", "B", "L"),
    Ex("seated-palm-up-barbell-wrist-curl", "wrist-curl", "barbell bench", "B", "L"),
    Ex("seated-palms-down-barbell-wrist-curl", "wrist-curl", "barbell bench", "B", "L"),
    Ex("palms-up-dumbbell-wrist-curl-over-a-bench", "wrist-curl", "dumbbell bench", "B", "L"),
    Ex("palms-down-dumbbell-wrist-curl-over-a-bench", "wrist-curl", "dumbbell bench", "B", "L"),
    Ex("seated-dumbbell-palms-up-wrist-curl", "wrist-curl", "dumbbell bench", "B", "L"),
    Ex("seated-dumbbell-palms-down-wrist-curl", "wrist-curl", "dumbbell bench", "B", "L"),
    Ex("seated-one-arm-dumbbell-palms-up-wrist-curl", "wrist-curl", "dumbbell bench", "U", "L"),
    Ex("seated-one-arm-dumbbell-palms-down-wrist-curl", "wrist-curl", "dumbbell bench", "U",
       "L"),
    Ex("wrist-curl-dumbbells", "wrist-curl", "dumbbell bench", "B", "L"),
    Ex("forearm-curls-underhand-grip", "wrist-curl", "dumbbell", "B", "L"),
    Ex("db-wrist-extension", "wrist-curl", "dumbbell", "U", "L"),
    Ex("standing-palms-up-barbell-behind-the-back-wrist-curl", "wrist-curl", "barbell", "B",
       "L"),
    Ex("cable-wrist-curl", "wrist-curl", "cable-station bench", "B", "L",
       eq_note="a flat bench in front of a low pulley"),
    Ex("seated-two-arm-palms-up-low-pulley-wrist-curl", "wrist-curl", "cable-station bench", "B",
       "L"),
    Ex("triceps-pushdown", "pushdown", "cable-station", "B", "L",
       eq_note="a high pulley with a straight or angled bar"),
    Ex("tricep-rope-pushdowns", "pushdown", "cable-station", "B", "L",
       eq_note="a high pulley with a rope"),
    Ex("triceps-pushdown-rope-attachment", "pushdown", "cable-station", "B", "L",
       eq_note="a high pulley with a rope"),
    Ex("triceps-pushdown-v-bar-attachment", "pushdown", "cable-station", "B", "L",
       eq_note="a high pulley with a V-bar"),
    Ex("reverse-grip-triceps-pushdown", "pushdown", "cable-station", "B", "L"),
    Ex("triceps-extensions-on-cable", "pushdown", "cable-station", "B", "L"),
    Ex("triceps-extensions-on-cable-with-bar", "pushdown", "cable-station", "B", "L"),
    Ex("cable-one-arm-tricep-extension", "pushdown", "cable-station", "U", "L"),
    Ex("drag-pushdown", "pushdown", "cable-station", "B", "L",
       eq_note="a high pulley with a rope (the source's EZ bar is not used)"),
    Ex("rocking-triceps-pushdown", "pushdown", "cable-station", "B", "L",
       eq_note="a high pulley with a rope (the source's EZ bar is not used)"),
    Ex("band-triceps-pushdown", "pushdown", "resistance-band", "B", "L",
       label="Band triceps pushdown", alt=("Resistance band pushdown", "Banded pushdown"),
       eq_note="the band anchored high (over a door or a bar)"),
    Ex("machine-triceps-extension", "pushdown", "machine", "B", "L", drop=("abdominals",),
       eq_note="a seated triceps extension machine, its own kind of machine",
       level_note="Seated, the machine's arm fixes the path"),
    Ex("triceps-on-machine", "pushdown", "machine", "B", "L", drop=("abdominals",),
       eq_note="a seated triceps machine, its own kind of machine",
       level_note="Seated, the machine's arm fixes the path"),
    Ex("triceps-overhead-extension-with-rope", "overhead-ext", "cable-station", "B", "L",
       eq_note="a low or high pulley with a rope, facing away from it"),
    Ex("one-arm-overhead-cable-tricep-extension", "overhead-ext", "cable-station", "U", "L",
       eq_note="a cable station (the source tags a band)"),
    Ex("low-cable-triceps-extension", "lying-ext", "seated-cable-row-station", "B", "L",
       eq_note="lying face up on the seat of a seated cable row station, a rope on its pulley"),
    Ex("standing-low-pulley-one-arm-triceps-extension", "overhead-ext", "cable-station", "U",
       "L"),
    Ex("standing-dumbbell-triceps-extension", "overhead-ext", "dumbbell", "B", "L",
       eq_note="one dumbbell held in both hands"),
    Ex("triceps-overhead-dumbbell", "overhead-ext", "dumbbell", "B", "L"),
    Ex("dumbbell-triceps-extension", "overhead-ext", "dumbbell", "B", "L"),
    Ex("dumbbell-one-arm-triceps-extension", "overhead-ext", "dumbbell", "U", "L"),
    Ex("seated-triceps-press", "overhead-ext", "dumbbell bench", "B", "L",
       eq_note="one dumbbell in both hands, seated on a bench with back support"),
    Ex("overhead-triceps-extension", "overhead-ext", "ez-curl-bar", "B", "L"),
    Ex("standing-overhead-barbell-triceps-extension", "overhead-ext", "barbell", "B", "L"),
    Ex("speed-band-overhead-triceps", "overhead-ext", "resistance-band", "B", "L",
       eq_note="the band anchored low behind the body"),
    Ex("standing-towel-triceps-extension", "overhead-ext", "bodyweight", "B", "L",
       eq_note="a towel; a partner or the other hand resists", drop=("abdominals",)),
    Ex("ez-bar-skullcrusher", "lying-ext", "ez-curl-bar bench", "B", "L"),
    Ex("lying-triceps-press", "lying-ext", "ez-curl-bar bench", "B", "L"),
    Ex("lying-triceps-extensions", "lying-ext", "barbell bench", "B", "L"),
    Ex("barbell-triceps-extension", "lying-ext", "barbell bench", "B", "L"),
    Ex("lying-close-grip-barbell-triceps-extension-behind-the-head", "lying-ext",
       "barbell bench", "B", "L"),
    Ex("lying-close-grip-barbell-triceps-press-to-chin", "lying-ext", "ez-curl-bar bench", "B",
       "L"),
    Ex("incline-barbell-triceps-extension", "lying-ext", "barbell incline-bench", "B", "L"),
    Ex("decline-ez-bar-triceps-extension", "lying-ext", "ez-curl-bar decline-bench", "B", "M",
       eq_note="an EZ bar on a decline bench (the source tags a straight barbell)"),
    Ex("floor-skull-crusher", "lying-ext", "ez-curl-bar", "B", "L",
       eq_note="lying on the floor, no bench"),
    Ex("skullcrusher-dumbbells", "lying-ext", "dumbbell bench", "B", "L"),
    Ex("db-skull-crushers", "lying-ext", "dumbbell bench", "B", "L"),
    Ex("lying-dumbbell-tricep-extension", "lying-ext", "dumbbell bench", "B", "L"),
    Ex("decline-dumbbell-triceps-extension", "lying-ext", "dumbbell decline-bench", "B", "M"),
    Ex("one-arm-pronated-dumbbell-triceps-extension", "lying-ext", "dumbbell bench", "U", "L"),
    Ex("one-arm-supinated-dumbbell-triceps-extension", "lying-ext", "dumbbell bench", "U", "L"),
    Ex("tate-press", "lying-ext", "dumbbell bench", "B", "L"),
    Ex("cable-lying-triceps-extension", "lying-ext", "cable-station bench", "B", "L"),
    Ex("cable-incline-triceps-extension", "lying-ext", "cable-station incline-bench", "B", "L"),
    Ex("band-skull-crusher", "lying-ext", "resistance-band bench", "B", "L"),
    Ex("body-tricep-press", "lying-ext", "barbell squat-rack", "B", "M",
       eq_note="a bar set in a rack at chest height, leaned on with the body",
       add=(("abdominals", "X", "Hold the leaning body in a straight plank"),),
       level_note="The body weight on a fixed bar, the elbows bending towards it"),
    Ex("tricep-dumbbell-kickback", "kickback", "dumbbell", "U", "L"),
    Ex("patadas-traseras", "kickback", "dumbbell bench", "U", "L",
       eq_note="a knee and the free hand on a bench"),
    Ex("cable-tricep-kickback", "kickback", "cable-station", "U", "L"),
    Ex("standing-bent-over-two-arm-dumbbell-triceps-extension", "kickback", "dumbbell", "B",
       "L", level_note=DB_BENT),
    Ex("standing-bent-over-one-arm-dumbbell-triceps-extension", "kickback", "dumbbell", "U",
       "L", level_note=DB_BENT),
    Ex("seated-bent-over-two-arm-dumbbell-triceps-extension", "kickback", "dumbbell bench", "B",
       "L"),
    Ex("lying-triceps-kickback", "kickback", "dumbbell incline-bench", "U", "L",
       drop=("erector-spinae",), eq_note="lying face down on an incline bench"),
    Ex("close-grip-barbell-bench-press", "close-grip-press", "barbell bench", "B", "M"),
    Ex("bench-press-narrow-grip", "close-grip-press", "barbell bench", "B", "M"),
    Ex("incline-close-grip-barbell-bench-press", "close-grip-press", "barbell incline-bench",
       "B", "M"),
    Ex("close-grip-ez-bar-press", "close-grip-press", "ez-curl-bar bench", "B", "M"),
    Ex("close-grip-dumbbell-press", "close-grip-press", "dumbbell bench", "B", "L"),
    Ex("dumbbell-close-grip-bench-press", "close-grip-press", "dumbbell bench", "B", "L"),
    Ex("smith-machine-close-grip-bench-press", "close-grip-press", "smith-machine bench", "B",
       "L", drop=("middle-back",)),
    Ex("jm-press", "close-grip-press", "barbell bench", "B", "M",
       level_note="A hybrid of a close-grip press and a skull crusher: a bar path to learn"),
    Ex("reverse-triceps-bench-press", "close-grip-press", "barbell bench", "B", "M",
       level_note="A supinated grip on a free bar that can roll out: a spotter is needed"),
])


# ---------------------------------------------------------------------------------------------
# Turtle
# ---------------------------------------------------------------------------------------------
LAT_REASON = {
    "B": "Both arms work at the same time, on one load or one each",
    "U": "One arm works at a time; each side is a set of its own",
    "A": "The arms work in turn, one repetition each side",
}


def lit(text: str) -> str:
    """A Turtle string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def node(slug: str, *rest: str) -> str:
    """A prefixed name under exercise: with its slashes escaped."""
    return "exercise:" + "\\/".join((slug, *rest))


def muscles_of(ex: Ex) -> list[tuple[str, str, str]]:
    """The archetype's muscles less ``drop``, with ``add`` replacing or extending them."""
    rows = [m for m in A[ex.arch].muscles if m[0] not in ex.drop]
    for extra in ex.add:
        rows = [m for m in rows if m[0] != extra[0]]
        rows.append(extra)
    order = {"P": 0, "S": 1, "X": 2}
    return sorted(rows, key=lambda m: order[m[1]])


#: Archetypes whose load is the lifter's own body: their equipment states exg:bodyweight beside
#: the support (a bar, rings, a bench), as the lower-body files do, unless a machine's stack is
#: the load.
BODY_LOADED = frozenset({"push-up", "close-push-up", "plyo-push-up", "dip", "dip-triceps",
                         "suspension-curl", "suspension-ext", "plank-up-down",
                         "bench-dip", "pike-push-up", "inverted-row", "pull-up", "chin-up",
                         "fly-plank"})


def equipment_of(ex: Ex) -> list[str]:
    kinds = ex.equipment.split()
    if (ex.arch in BODY_LOADED and "bodyweight" not in kinds and "machine" not in kinds) \
            or ex.slug == "body-tricep-press":
        kinds = ["bodyweight", *kinds]
    return kinds


def equipment_reason(ex: Ex) -> str:
    kinds = equipment_of(ex)
    if kinds == ["bodyweight"]:
        text = "Needs no equipment: the body is the load"
    else:
        names = [KIT[k] for k in kinds if k != "bodyweight"]
        text = "Needs " + (", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1
                           else names[0])
        if "bodyweight" in kinds:
            text += ", the body being the load"
    return text + ("; " + ex.eq_note if ex.eq_note else "")


def difficulty_reason(ex: Ex) -> str:
    if ex.level_note:
        return ex.level_note
    reason = A[ex.arch].difficulty_reason.get(ex.level)
    if reason is None:
        raise SystemExit(f"{ex.slug}: no difficulty reason for level {ex.level}")
    return reason


WRITTEN = (" Written for exgraph from established anatomy and training knowledge; each fact "
           "has a one-line reason.")


def render(name: str, rows: list[Ex]) -> str:
    label, title, comment = FAMILIES[name]
    source = f"src:reviewed-{name}"
    out = [PREFIXES, "# Generated by scripts/reviewed_upper.py from its tables: edit those, "
           "not this file.\n",
           f"{source} a exg:Source ;\n    rdfs:label {lit(label)} ;\n"
           f"    dcterms:title {lit(title)} ;\n"
           f"    rdfs:comment {lit(comment + WRITTEN)} ;\n"
           f"    dcterms:license <https://creativecommons.org/licenses/by/4.0/> .\n"]
    for ex in sorted(rows, key=lambda e: e.slug):
        a = A[ex.arch]
        muscles = muscles_of(ex)
        seen = [m[0] for m in muscles]
        if len(seen) != len(set(seen)):
            raise SystemExit(f"{ex.slug}: a muscle listed twice")
        lines = [f"{node(ex.slug)} a exg:Exercise ;"]
        if ex.label:
            lines.append(f"    rdfs:label {lit(ex.label)} ; skos:prefLabel {lit(ex.label)} ;")
            if ex.alt:
                lines.append("    skos:altLabel " + ", ".join(lit(x) for x in ex.alt) + " ;")
        for code in "PSX":
            of_role = [m[0] for m in muscles if m[1] == code]
            if of_role:
                lines.append(f"    exg:{ROLE_PROP[code]} "
                             + ", ".join(f"muscle:{m}" for m in of_role) + " ;")
        lines.append("    exg:worksMuscle " + ", ".join(f"muscle:{m}" for m in seen) + " ;")
        lines.append("    exg:muscleInvolvement\n        "
                     + ",\n        ".join(node(ex.slug, "reviewed", "muscle", m) for m in seen)
                     + " ;")
        lines.append("    exg:requiresEquipment "
                     + ", ".join(f"equipment:{k}" for k in equipment_of(ex)) + " ;")
        lines.append(f"    exg:laterality exg:{LATERALITY[ex.lat]} ;")
        lines.append(f"    exg:mechanic {lit(a.mechanic)} ;")
        lines.append(f"    exg:movementPattern exg:{a.pattern} ;")
        lines.append(f"    exg:difficulty exg:{LEVEL[ex.level]} ;")
        kind = ex.kind or ("PowerTraining" if ex.power else "StrengthTraining")
        lines.append(f"    exg:activityKind exg:{kind} ;")
        facts = [("equipment", "requiresEquipment", equipment_reason(ex)),
                 ("laterality", "laterality", ex.lat_note or LAT_REASON[ex.lat]),
                 ("mechanic", "mechanic", a.mechanic_reason),
                 ("movement-pattern", "movementPattern", a.pattern_reason),
                 ("difficulty", "difficulty", difficulty_reason(ex))]
        lines.append("    exg:rationale\n        "
                     + ",\n        ".join(node(ex.slug, "reviewed", "rationale", f[0])
                                         for f in facts)
                     + " ;")
        lines.append(f"    dcterms:source {source} .")
        for m, code, function in muscles:
            lines.append(f"{node(ex.slug, 'reviewed', 'muscle', m)} a exg:MuscleInvolvement ; "
                         f"exg:muscle muscle:{m} ; exg:role exg:{ROLE[code]} ;\n"
                         f"    exg:function {lit(function)} ; dcterms:source {source} .")
        for key, prop, reason in facts:
            lines.append(f"{node(ex.slug, 'reviewed', 'rationale', key)} a exg:FactRationale ; "
                         f"exg:aboutProperty exg:{prop} ;\n"
                         f"    exg:reason {lit(reason)} ; dcterms:source {source} .")
        out.append("\n".join(lines) + "\n")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true",
                        help="exit 1 when a file differs from what the tables give")
    args = parser.parse_args(argv)
    slugs = [ex.slug for ex in FAMILY_OF_EX]
    twice = sorted({s for s in slugs if slugs.count(s) > 1})
    if twice:
        raise SystemExit(f"exercises in more than one row: {', '.join(twice)}")
    for ex in FAMILY_OF_EX:
        for kind in ex.equipment.split():
            if kind not in KIT:
                raise SystemExit(f"{ex.slug}: unknown equipment {kind}")
    stale = []
    for name in FAMILIES:
        rows = [ex for ex in FAMILY_OF_EX if ex.family == name]
        text = render(name, rows)
        path = OUT / f"{name}.ttl"
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(str(path))
        else:
            OUT.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"{path.relative_to(ROOT)}: {len(rows)} exercises")
    if stale:
        print("out of date: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
