"""The reviewed reference layer, general part A: the strength and power exercises of the served
graph that no family file of scripts/reviewed/lower.py or scripts/reviewed_upper.py covers, first
half of the alphabet (issue 22's "review every remaining strength/power exercise"). Run
``python scripts/reviewed/general_a.py`` to write data/reviewed/general-a.ttl (source
``src:reviewed-general-a``); ``--check`` exits 1 when the file differs from these tables.

Each exercise is one call of :func:`E`: its slug, an archetype of :data:`ARCH` (the movement's
muscles by role with what each does there, its pattern, mechanic and the reasons for both), its
exact equipment, laterality (B/U/A), difficulty (L/M/H, by the "Difficulty" rules of
docs/reviewed-layer.md) and the difficulty's reason; ``m=`` replaces the archetype's muscles,
``fn=`` and ``why=`` override single functions and reasons, ``kind=`` sets another activity kind
(P power, C cardio, M mobility drill, X stretching). The rules that decide each field are in
docs/reviewed-layer.md.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from writer import EQUIPMENT_WHY, Family, write_or_check

#: Equipment kinds the lower-body families never needed (writer.py's table stays theirs).
for _kind, _why in {
    "ez-curl-bar": "an EZ curl bar carries the load",
    "preacher-bench": "a preacher bench supports the upper arms",
    "gymnastic-rings": "gymnastic rings hold the body",
    "parallettes": "parallettes raise the hands off the floor",
    "lat-pulldown-station": "a lat pulldown station's high pulley, bar and thigh pads",
    "seated-cable-row-station": "a seated cable row station's low pulley and foot plate",
    "chest-press-machine": "a chest press machine guides the press",
    "pec-deck-machine": "a pec deck machine guides the arms",
    "shoulder-press-machine": "a shoulder press machine guides the press",
    "seated-row-machine": "a seated row machine guides the pull",
    "t-bar-row-machine": "a T-bar row machine guides the pull",
    "assisted-pull-up-machine": "an assisted pull-up machine takes part of the body's weight",
    "preacher-curl-machine": "a preacher curl machine guides the curl",
    "lever-back-extension-machine": "a lever back extension machine loads the back",
    "foam-roller": "a foam roller under the body",
    "jump-rope": "a jump rope", "battle-ropes": "battle ropes to wave",
    "rowing-machine": "a rowing machine", "treadmill": "a treadmill",
    "stationary-bike": "a stationary bike", "elliptical": "an elliptical trainer",
    "stair-climber": "a stair climber", "ski-erg": "a ski ergometer",
}.items():
    EQUIPMENT_WHY.setdefault(_kind, _why)

ROOT = Path(__file__).resolve().parents[2]
LICENCE_NOTE = ("Facts written for exgraph from established anatomy and training knowledge, "
                "checked field by field against the rules of docs/reviewed-layer.md; they take "
                "precedence over the imported datasets.")


@dataclass(frozen=True)
class Arch:
    """A movement: muscles by role ("P a b | S c | St d"), what each does, pattern, mechanic."""

    muscles: str
    fn: dict[str, str]
    pattern: str
    mech: str
    pattern_why: str
    mech_why: str
    extra: dict[str, str] = field(default_factory=dict)  # functions of muscles added by m=


ARCH: dict[str, Arch] = {}


def arch(name: str, muscles: str, pattern: str, mech: str, pattern_why: str, mech_why: str,
         **fn: str) -> None:
    ARCH[name] = Arch(muscles, {k.replace("_", "-"): v for k, v in fn.items()}, pattern, mech,
                      pattern_why, mech_why)


#: Functions any archetype may borrow when an entry adds a muscle with ``m=``.
COMMON = {
    "abdominals": "Brace the trunk so it does not bend or twist under the load",
    "erector-spinae": "Hold the spine neutral",
    "forearms": "Grip the load",
    "glutes": "Hold the hips level and extended",
    "shoulders": "Hold the arms in place",
    "quadriceps": "Hold the knees in place",
    "calves": "Steady the ankles",
    "traps": "Hold the shoulder blades set",
    "middle-back": "Hold the shoulder blades pulled back",
    "triceps": "Keep the elbows straight",
    "biceps": "Hold the elbows bent",
    "abductors": "Hold the pelvis level",
    "adductors": "Steady the hips",
    "hamstrings": "Steady the hips and knees",
    "lats": "Hold the upper arms to the body",
    "chest": "Hold the arms in front of the body",
    "obliques": "Keep the trunk from twisting",
    "rectus-abdominis": "Keep the ribs down toward the pelvis",
    "anterior-deltoid": "Hold the arms up in front",
    "posterior-deltoid": "Hold the upper arms back",
    "lateral-deltoid": "Hold the arms out",
    "neck": "Hold the head still",
    "transversus-abdominis": "Tighten the abdominal wall around the spine",
}

FLEX = "Only the spine flexes; the hips stay still"
FLEX_HIP = "The hips flex and the spine curls: two joint actions"
HOLD = "An isometric hold: the trunk resists one force and no joint moves"
TRUNK = "The trunk flexes, rotates or holds still against a force"
ONE = "A single joint action does the work"
MULTI = "More than one joint moves under the load"

# --- trunk ------------------------------------------------------------------------------------
arch("crunch", "P rectus-abdominis | S obliques", "TrunkStability", "i", TRUNK, FLEX,
     rectus_abdominis="Flex the spine: curl the ribs toward the pelvis",
     obliques="Assist spinal flexion")
arch("oblique-crunch", "P obliques | S rectus-abdominis", "TrunkStability", "i", TRUNK,
     "Only the spine moves: it flexes and turns",
     obliques="Flex and rotate the trunk toward the opposite knee",
     rectus_abdominis="Flex the spine")
arch("situp", "P rectus-abdominis | S quadriceps obliques", "TrunkStability", "c", TRUNK,
     FLEX_HIP, rectus_abdominis="Curl the trunk up from the floor",
     quadriceps="Flex the hips to sit all the way up (the rectus femoris; the iliopsoas is not "
                "in the muscle catalogue)",
     obliques="Assist spinal flexion")
arch("leg-raise", "P rectus-abdominis | S quadriceps", "TrunkStability", "c", TRUNK, FLEX_HIP,
     rectus_abdominis="Curl the pelvis up toward the ribs and hold the lower back down",
     quadriceps="Flex the hips to lift the legs (the rectus femoris; the iliopsoas is not in "
                "the muscle catalogue)")
arch("plank", "P abdominals | St shoulders glutes", "TrunkStability", "i", TRUNK, HOLD,
     abdominals="Brace the abdominal wall so the trunk does not sag or twist",
     shoulders="Hold the body up over the arms", glutes="Hold the hips in line with the trunk")
arch("rotation", "P obliques | S rectus-abdominis", "TrunkStability", "c", TRUNK,
     "The trunk rotates while the arms hold the load out",
     obliques="Rotate the trunk", rectus_abdominis="Hold the trunk's angle while it turns",
     shoulders="Hold the arms out with the load", forearms="Grip the handle or load")
arch("side-hold", "P obliques | St abductors", "TrunkStability", "i", TRUNK, HOLD,
     obliques="Hold the trunk upright against the one-sided load (anti-lateral flexion)",
     abductors="Hold the pelvis level", forearms="Grip the load")
arch("rollout", "P abdominals | S lats | St shoulders triceps", "TrunkStability", "c", TRUNK,
     "The shoulders open and close while the trunk resists extending",
     abdominals="Keep the trunk from extending as the arms roll out, and pull back",
     lats="Pull the arms back down to roll in", shoulders="Control the arms overhead",
     triceps="Keep the elbows straight")
arch("back-ext", "P erector-spinae | S glutes | St shoulders", "TrunkStability", "c",
     "The spine itself extends against gravity", "The spine and hips extend together",
     erector_spinae="Extend the spine to lift the chest", glutes="Extend the hips",
     shoulders="Hold the arms in position", traps="Hold the shoulder blades set",
     middle_back="Pull the shoulder blades together")
arch("windmill", "P obliques | S glutes hamstrings | St shoulders triceps", "TrunkStability",
     "c", TRUNK, "The hips hinge and the trunk side-bends under the load held overhead",
     obliques="Lower and raise the trunk sideways under the bell",
     glutes="Hinge and extend the hip of the loaded side",
     hamstrings="Lengthen in the hinge and extend the hip",
     shoulders="Hold the bell overhead", triceps="Keep the elbow locked")

# --- legs -------------------------------------------------------------------------------------
SQ = "Knees and hips bend and straighten together from a two-footed stance"
arch("squat", "P quadriceps glutes | S adductors | St abdominals erector-spinae", "Squat", "c",
     SQ, "Ankles, knees and hips all move under the load",
     quadriceps="Extend the knees to stand up", glutes="Extend the hips out of the bottom",
     adductors="Assist hip extension out of the bottom",
     abdominals="Brace the trunk", erector_spinae="Hold the spine neutral",
     shoulders="Hold the load out in front", forearms="Grip the load",
     hamstrings="Steady the knee across hip and knee")
LU = "Split stance or one leg: one leg does most of the knee and hip work"
arch("lunge", "P quadriceps glutes | S adductors | St abductors abdominals", "Lunge", "c", LU,
     "Ankle, knee and hip of the working leg all move under the load",
     quadriceps="Extend the front knee to rise", glutes="Extend the front hip to rise",
     adductors="Assist hip extension of the working leg",
     abductors="Hold the pelvis level over the working leg",
     abdominals="Keep the trunk upright", erector_spinae="Hold the spine neutral",
     forearms="Grip the load", calves="Steady the ankle")
JUMP_M = "Ankles, knees and hips extend together to jump and bend to land"
arch("jump", "P quadriceps glutes | S calves hamstrings | St abdominals", "Squat", "c",
     "A two-footed dip and jump: knees and hips bend and extend together", JUMP_M,
     quadriceps="Extend the knees explosively to jump and absorb the landing",
     glutes="Extend the hips explosively for the take-off",
     calves="Push off through the ankles and cushion the landing",
     hamstrings="Assist hip extension in the take-off",
     abdominals="Brace the trunk through take-off and landing",
     adductors="Steady the knees on landing", abductors="Steady the knees on landing")
arch("bound", "P quadriceps glutes | S calves hamstrings | St abductors adductors abdominals",
     "Lunge", "c", "A single-leg take-off and landing: one leg does the knee and hip work",
     JUMP_M,
     quadriceps="Extend the knee of the take-off leg and absorb the landing",
     glutes="Extend the hip explosively to drive off one leg",
     calves="Push off through the ankle and cushion the landing",
     hamstrings="Assist hip extension in the drive",
     abductors="Hold the pelvis level on the one-legged landing",
     adductors="Steady the hip on the one-legged landing",
     abdominals="Brace the trunk through take-off and landing")
arch("sled", "P quadriceps glutes | S calves hamstrings | St abdominals forearms", "Lunge", "c",
     "Alternating single-leg drives against the sled, as the reviewed sled pushes and drags",
     "Ankles, knees and hips of each leg drive in turn while the trunk and grip hold",
     quadriceps="Extend the knees to drive each step", glutes="Extend the hips to drive",
     calves="Push off through the ankles", hamstrings="Assist hip extension",
     abdominals="Brace the trunk against the sled's pull", forearms="Grip the straps or rope",
     shoulders="Hold or press the arms against the load", triceps="Extend the elbows to press",
     chest="Press the arms forward")
arch("hip-ext", "P glutes | S hamstrings | St abdominals", "Isolation", "i",
     "Single-joint hip extension", "Only the hip moves, backward",
     glutes="Extend the hip to move the leg back against the load",
     hamstrings="Assist hip extension", abdominals="Keep the lower back from arching")
arch("bridge", "P glutes | S hamstrings | St abdominals erector-spinae", "HipHinge", "i",
     "Hip extension against gravity with a neutral spine: a hinge, as hip thrusts are",
     "Only the hips move; the knees hold their bend",
     glutes="Extend the hips to lift the pelvis", hamstrings="Assist hip extension",
     abdominals="Keep the ribs down so the lower back does not arch",
     erector_spinae="Hold the spine neutral")
arch("leg-curl", "P hamstrings | S calves", "Isolation", "i", "Single-joint knee flexion",
     "Only the knee moves",
     hamstrings="Flex the knee against the load", calves="The gastrocnemius assists knee flexion",
     glutes="Hold the hips extended")
arch("calf", "P calves", "Isolation", "i", "Single-joint ankle plantarflexion",
     "Only the ankle moves", calves="Raise the heels by plantarflexing the ankles")
arch("swing", "P glutes hamstrings | S quadriceps | "
     "St erector-spinae abdominals forearms shoulders",
     "HipHinge", "c", "A hinge: the hips drive the swing while the knees bend and straighten "
     "only a little", "The hips move with the knees unlocking while the whole chain from grip to "
     "feet carries the load",
     quadriceps="Extend the knees from the swing's shallow bend as the hips snap through",
     glutes="Snap the hips into extension to drive the load",
     hamstrings="Load in the backswing and extend the hips",
     erector_spinae="Hold the spine neutral in the hinge", abdominals="Brace at the top",
     forearms="Grip the handle", shoulders="Guide the arms; the hips drive")
OLY = "Ankles, knees, hips and shoulders all move through the pull and the catch"
arch("clean", "P glutes hamstrings quadriceps | S traps calves shoulders | "
     "St erector-spinae forearms abdominals", "HipHinge", "c",
     "The hips drive a hinge-and-jump from the floor or the hang", OLY,
     glutes="Extend the hips explosively", hamstrings="Extend the hips from the hinge",
     quadriceps="Extend the knees in the pull and stand up from the catch",
     traps="Shrug the load up at the end of the pull",
     calves="Rise onto the toes at full extension",
     shoulders="Pull the elbows high and turn them under to rack the load",
     erector_spinae="Hold the spine neutral in the pull", forearms="Grip the load",
     abdominals="Brace the trunk in the catch", triceps="Lock the elbows out overhead")
arch("jerk", "P shoulders triceps quadriceps glutes | S traps | St abdominals", "VerticalPush",
     "c", "A dip and drive that sends the load overhead, caught on locked arms",
     "Ankles, knees, hips, shoulders and elbows all move",
     shoulders="Drive the load overhead and hold it there",
     triceps="Lock the elbows out overhead",
     quadriceps="Extend the knees in the drive and stand up from the catch",
     glutes="Extend the hips in the drive",
     traps="Upwardly rotate the shoulder blades under the load",
     abdominals="Keep the trunk stiff so the leg drive reaches the load",
     calves="Rise onto the toes in the drive", forearms="Grip the load")

# --- upper body ---------------------------------------------------------------------------------
PRESS = "The shoulders and the elbows both move: a multi-joint press"
arch("bench", "P chest | S triceps anterior-deltoid | St middle-back", "HorizontalPush", "c",
     "The load is pressed away from the chest, perpendicular to the torso", PRESS,
     chest="Horizontally adduct the upper arms to drive the press",
     triceps="Extend the elbows to lock the press out",
     anterior_deltoid="Flex the shoulders alongside the chest",
     middle_back="Hold the shoulder blades pulled together as the base of the press")
arch("pushup", "P chest | S triceps anterior-deltoid | St abdominals", "HorizontalPush", "c",
     "The body is pushed away from the hands, perpendicular to the torso", PRESS,
     chest="Horizontally adduct the upper arms to push the body up",
     triceps="Extend the elbows to the top", anterior_deltoid="Flex the shoulders with the chest",
     abdominals="Hold the body in a straight plank")
arch("ohp", "P anterior-deltoid | S lateral-deltoid triceps traps | St abdominals",
     "VerticalPush", "c", "The load is pressed overhead, in line with the torso", PRESS,
     anterior_deltoid="Flex the shoulders to drive the load overhead",
     lateral_deltoid="Abduct the shoulders as the elbows rise out to the side",
     triceps="Extend the elbows to lock the load out overhead",
     traps="Upwardly rotate the shoulder blades under the load",
     abdominals="Brace the trunk so the press does not bend the lower back")
arch("row", "P lats middle-back | S biceps posterior-deltoid | St forearms", "HorizontalPull",
     "c", "The load is pulled toward the torso, perpendicular to it",
     "The shoulders extend and the elbows bend: a multi-joint pull",
     lats="Extend the shoulders to pull the elbows back",
     middle_back="Retract the shoulder blades at the end of the pull",
     biceps="Flex the elbows", posterior_deltoid="Extend the shoulders with the lats",
     forearms="Grip the handle", erector_spinae="Hold the hinged torso still",
     hamstrings="Hold the hips back in the hinge", abdominals="Keep the trunk from twisting")
arch("pulldown", "P lats | S biceps middle-back posterior-deltoid | St forearms", "VerticalPull",
     "c", "The bar is pulled down from overhead toward the chest, in line with the torso",
     "The shoulders adduct or extend and the elbows bend: a multi-joint pull",
     lats="Pull the upper arms down to bring the bar to the chest",
     biceps="Flex the elbows", middle_back="Pull the shoulder blades down and together",
     posterior_deltoid="Assist shoulder extension", forearms="Grip the bar")
arch("curl", "P biceps | S forearms", "Isolation", "i", "Single-joint elbow flexion",
     "Only the elbows move",
     biceps="Flex the elbows to curl the load", forearms="The brachioradialis assists the curl",
     anterior_deltoid="Hold the upper arm in place")
arch("triceps-ext", "P triceps", "Isolation", "i", "Single-joint elbow extension",
     "Only the elbows move", triceps="Extend the elbows against the load")
arch("lateral-raise", "P lateral-deltoid | S traps", "Isolation", "i",
     "Single-joint shoulder abduction", "Only the shoulders move",
     lateral_deltoid="Abduct the shoulders to raise the arms out to the side",
     traps="Upwardly rotate the shoulder blades as the arms rise")
arch("front-raise", "P anterior-deltoid | S lateral-deltoid chest", "Isolation", "i",
     "Single-joint shoulder flexion", "Only the shoulders move",
     anterior_deltoid="Flex the shoulders to raise the arms in front",
     lateral_deltoid="Assist the raise", chest="The upper fibres assist shoulder flexion",
     traps="Upwardly rotate the shoulder blades as the arms rise")
arch("rear-fly", "P posterior-deltoid | S middle-back", "Isolation", "i",
     "Single-joint horizontal abduction of the shoulders", "Only the shoulders move",
     posterior_deltoid="Horizontally abduct the upper arms",
     middle_back="Retract the shoulder blades at the end of the fly")
arch("fly", "P chest | S anterior-deltoid", "Isolation", "i",
     "Single-joint horizontal adduction of the shoulders",
     "Only the shoulders move; the elbows keep one slight bend",
     chest="Adduct the upper arms across the body", anterior_deltoid="Assist the adduction")
arch("rotator", "P shoulders | St middle-back", "Isolation", "i",
     "Single-joint rotation of the shoulder", "Only the shoulder rotates; the elbow holds 90 "
     "degrees",
     shoulders="Rotate the upper arm (the rotator cuff; the catalogue names the shoulders)",
     middle_back="Hold the shoulder blade set")
arch("shrug", "P traps | St forearms", "Isolation", "i", "Single-joint elevation of the shoulder "
     "blades", "Only the shoulder blades move", traps="Elevate the shoulder blades",
     forearms="Grip the load")
arch("grip", "P forearms", "Isolation", "i", "Single-joint work of the wrist and fingers",
     "Only the wrist or fingers work", forearms="Flex the fingers and wrist to grip")
arch("neck", "P neck", "Isolation", "i", "The neck holds still against a push",
     "An isometric hold of one joint", neck="Hold the head still against the hand's push")
arch("hang", "P forearms | S lats | St shoulders", "VerticalPull", "i",
     "Hanging from a bar on straight arms: the grip and shoulders hold the body (listed with "
     "the vertical pulls)", "An isometric hold: no joint moves",
     forearms="Hold the grip on the bar: the limit of the hang",
     lats="Keep the shoulders packed under the body's weight",
     shoulders="Hold the arms overhead under load")

FAMILY = Family(
    "general-a", "Reviewed reference: general part A",
    "The strength and power exercises no family file covers, first half of the alphabet "
    "(2-handed kettlebell swing to leg presses): trunk, legs, jumps and throws, Olympic and "
    "kettlebell lifts, presses, rows, pulldowns, arm and shoulder work, holds; stretches and "
    "drills typed as such. " + LICENCE_NOTE, {},
    generator="scripts/reviewed/general_a.py")

#: Exercises of part A not reviewed here, with why (duplicates left to data/aliases.ttl, or too
#: vague to judge).
NOT_REVIEWED: dict[str, str] = {}


def E(slug: str, a: str, eq: str, lat: str, diff: str, d: str, *, m: str | None = None,
      kind: str = "S", fn: dict[str, str] | None = None, why: dict[str, str] | None = None,
      pat: str | None = None, mech: str | None = None) -> None:
    """One reviewed exercise from archetype ``a`` (see the module documentation)."""
    ar = ARCH[a]
    funcs = {**COMMON, **ar.fn, **(fn or {})}
    reasons = {"pattern": ar.pattern_why, "mechanic": ar.mech_why, **(why or {})}
    FAMILY.add(slug, eq, lat, mech or ar.mech, pat or ar.pattern, diff, m or ar.muscles, d,
               kind=kind, fn=funcs, why=reasons)


#: Duplicates of a reviewed exercise that are reviewed here as their own entry, because a
#: ``same`` pair in data/merges.tsv would make the resolver keep the import's name as the canonical
#: node (its ranking prefers free-exercise-db and short names) or break an existing cluster (its
#: distinguishing-words rule): the lead may rename the canonical and merge them.
REVIEWED_DUPLICATES: dict[str, str] = {
    "2-handed-kettlebell-swing": "kettlebell-swing",
    "butterfly-reverse": "pec-deck-rear-delt-fly",
    # data/inferred/rules.trig holds an inferred muscle node of ball-crunches that a merge
    # would leave untyped on the canonical node (a SHACL failure) until the rules are rerun
    "ball-crunches": "exercise-ball-crunch",
    "front-squats-with-two-kettlebells": "double-kettlebell-front-squat",
}


def dup(slug: str, canonical: str) -> None:
    NOT_REVIEWED[slug] = f"the same movement as {canonical}: merged by data/aliases.ttl"


for _alias, _canonical in (
        ("abdominal-crunch", "crunches"),
        ("bodyweight-lunge-hd", "lunges"), ("crunches-hd", "crunches"), ("front-plank", "plank"),
        ("jalon-cerrado", "close-grip-front-lat-pulldown"),
        ("jalon-cerrado-supino", "underhand-cable-pulldowns"),
        ("jalones-pecho-neutro", "v-bar-pulldown"), ("leg-curls-sitting", "seated-leg-curl"),
        ("leg-presses-narrow", "narrow-stance-leg-press"),
        # issue 22 (facts5): named only in Spanish, the same movement as an English exercise
        # (scripts/reviewed/foreign_names.py), reviewed once on the canonical node
        ("extension-de-gluteo-en-maquina", "glute-kickback-machine"),
        ("extension-de-gluteos-en-polea", "one-legged-cable-kickback"),
        # stop 30: names in another language that wger tags English (exgraph.merge.language),
        # merged by data/merges.tsv and reviewed once on the English canonical node
        ("arco-femorale-una-gamba", "single-leg-glute-bridge"),
        ("isometria-alle-parallele", "parallel-bar-hold"),
        ("supino", "bench-press"), ("supino-inclinado", "barbell-incline-bench-press-medium-grip"),
        # reviewed twice before: the resolver kept the shorter, Spanish slug as the canonical
        # until it ranked members with an English label first
        ("jalon-abierto", "wide-grip-lat-pulldown"),
        ("jalon-al-pecho-con-agarre-ancho", "wide-grip-lat-pulldown"),
        ("jalon-caballero-unialteral", "1-arm-half-kneeling-lat-pulldown"),
        ("elevacion-lateral-polea", "cable-lateral-raises-single-arm")):
    dup(_alias, _canonical)

# --- 2 .. b -------------------------------------------------------------------------------------
E("2-handed-kettlebell-swing", "swing", "kettlebell", "B", "M",
  "A two-handed Russian kettlebell swing: the hip snap and a neutral back take coaching",
  kind="P", why={"equipment": "One kettlebell swung with both hands"})
E("3008-abdominal-crunch", "crunch", "ab-crunch-machine", "B", "L",
  "A selectorized ab crunch machine (gym80 device 3008): the pads guide the curl",
  fn={"rectus-abdominis": "Flex the spine against the machine's pads"},
  why={"equipment": "The gym80 3008 abdominal crunch machine: an ab crunch machine"})
E("ab-roller", "rollout", "bodyweight ab-wheel", "B", "M",
  "Rolling an ab wheel out from the knees and back: the lower back must not sag")
E("abdominal-draw-in", "plank", "bodyweight", "B", "L",
  "Drawing the belly in lying on the back: the first core drill of rehabilitation",
  m="P transversus-abdominis",
  fn={"transversus-abdominis": "Draw the abdominal wall in toward the spine and hold it"},
  why={"mechanic": "An isometric hold: the abdominal wall tightens and no joint moves",
       "pattern": "The trunk holds still while the deep abdominal wall tightens"})
E("abdominal-stabilization", "plank", "bodyweight", "B", "L",
  "Assumed a floor bracing hold (the source gives no steps): no skill beyond holding still",
  m="P rectus-abdominis | S obliques | St transversus-abdominis",
  fn={"rectus-abdominis": "Hold the trunk still against the legs' or arms' lever",
      "obliques": "Keep the trunk from twisting"},
  why={"equipment": "No equipment (a mat is optional): the body's own weight is the load"})
E("advanced-kettlebell-windmill", "windmill", "kettlebell", "U", "M",
  "Hinging sideways under a kettlebell held overhead needs shoulder stability and hip mobility")
E("alternate-leg-diagonal-bound", "bound", "bodyweight", "A", "M",
  "Bounding diagonally from leg to leg for distance: landing on one leg needs a strength base",
  kind="P")
E("alternating-hang-clean", "clean", "kettlebell", "A", "M",
  "Two kettlebells cleaned in turn from the hang: timing and a clean rack take practice",
  kind="P", why={"equipment": "Two kettlebells, one cleaned while the other hangs"},
  fn={"shoulders": "Pull the bell up close and turn the wrist to rack it"})
E("alternating-high-cable-row", "row", "cable-station", "A", "L",
  "A standing one-arm row from a high pulley with a small twist: cable-guided and light",
  m="P lats | S middle-back biceps posterior-deltoid obliques | St forearms",
  fn={"obliques": "Turn the trunk slightly with the pulling arm",
      "lats": "Pull the elbow down and back from the high pulley"},
  why={"pattern": "The handle is pulled toward the torso from in front and above"})
E("ankle-dorsiflexion-rocks", "calf", "bodyweight", "U", "L",
  "Rocking the knee forward over the foot with the heel down: an easy ankle mobility drill",
  kind="M", m="P calves",
  fn={"calves": "Lengthen as the knee travels forward over the planted heel"},
  why={"mechanic": "Only the ankle moves (into dorsiflexion)",
       "pattern": "Single-joint ankle dorsiflexion, held briefly"})
E("around-the-worlds", "fly", "dumbbell bench", "B", "L",
  "Light dumbbells swept in a half circle lying on a bench: a simple single-joint path",
  m="P chest | S anterior-deltoid lateral-deltoid",
  fn={"chest": "Adduct and flex the upper arms as they sweep from the hips to overhead",
      "lateral-deltoid": "Move the arms through the wide arc overhead"},
  why={"pattern": "Single-joint shoulder movement: the straight arms sweep in an arc",
       "equipment": "Two dumbbells; a flat bench to lie on"})
E("back-lever", "hang", "bodyweight pull-up-bar", "B", "H",
  "Holding the body horizontal face down under a bar: a gymnastic skill",
  m="P lats | S posterior-deltoid chest | St abdominals glutes erector-spinae forearms",
  fn={"lats": "Hold the straight arms against the body's weight (shoulder extension)",
      "posterior-deltoid": "Hold the arms behind the body",
      "chest": "Hold the straight arms steady in the inverted hang",
      "abdominals": "Hold the body in a straight line", "glutes": "Hold the hips extended",
      "erector-spinae": "Hold the spine straight face down"},
  why={"pattern": "A straight-arm hold under a bar: the shoulder extensors hold the body "
                  "(listed with the vertical pulls)"})
E("backward-drag", "sled", "sled", "A", "L",
  "Walking backward dragging a sled: little to learn",
  m="P quadriceps | S glutes calves | St forearms abdominals erector-spinae",
  fn={"quadriceps": "Extend the knees to drive each backward step",
      "glutes": "Assist the drive", "erector-spinae": "Hold the back straight leaning back"},
  why={"equipment": "A loaded sled dragged by straps or a rope",
       "pattern": "Alternating single-leg drives walking backward against the sled"})
E("backward-medicine-ball-throw", "jump", "medicine-ball", "B", "L",
  "A squat and an overhead toss backward: a basic power drill",
  kind="P", m="P glutes quadriceps | S shoulders erector-spinae | St abdominals",
  fn={"shoulders": "Swing the ball overhead and release it",
      "erector-spinae": "Extend the spine into the backward throw"},
  why={"pattern": "A squat and full extension of hips and knees drive the throw"})
E("balance-board", "calf", "bodyweight balance-board", "B", "L",
  "Standing on a balance board: a balance drill, no load",
  kind="M", m="P calves | S quadriceps | St abductors adductors abdominals",
  fn={"calves": "Keep the board level with small ankle corrections",
      "quadriceps": "Hold the knees soft", "abductors": "Steady the hips sideways",
      "adductors": "Steady the hips sideways", "abdominals": "Hold the trunk steady"},
  why={"equipment": "A balance (wobble) board; the body's weight is the load",
       "mechanic": "Small corrections at the ankles: no joint moves through a range",
       "pattern": "Balance held at the ankles (listed as single-joint work)"})
E("ball-crunches", "crunch", "bodyweight exercise-ball", "B", "L",
  "A crunch lying back over an exercise ball (wger's entry has only the name): more range, a "
  "little balance",
  fn={"obliques": "Assist spinal flexion and steady the trunk on the ball"},
  why={"equipment": "An exercise ball under the lower back; the body's own weight"})
E("ball-slams", "swing", "medicine-ball", "B", "L",
  "Raising a medicine ball overhead and slamming it down: a basic power drill",
  kind="P",
  m="P lats rectus-abdominis | S shoulders glutes quadriceps triceps | St erector-spinae",
  fn={"lats": "Pull the straight arms down to slam the ball",
      "quadriceps": "Extend the knees to rise tall with the ball",
      "rectus-abdominis": "Flex the trunk into the slam",
      "shoulders": "Raise the ball overhead", "glutes": "Extend the hips to rise tall",
      "triceps": "Extend the elbows through the slam"},
  why={"equipment": "A slam (medicine) ball", "pattern":
       "The trunk flexes and the arms pull down to throw the ball",
       "mechanic": "Hips, trunk and shoulders all move to throw the ball"},
  pat="TrunkStability")
E("banded-scapular-retraction", "row", "resistance-band", "U", "L",
  "Pulling the elbow back against a band: a light, simple drill",
  m="P middle-back | S posterior-deltoid traps",
  fn={"middle-back": "Retract the shoulder blade against the band",
      "traps": "The middle fibres assist the retraction"},
  why={"mechanic": "The shoulder blade retracts and the shoulder extends a little",
       "equipment": "A resistance band anchored at shoulder height"})
# A band that resists is a load (issue 23, data6): a drill worked against a band's tension is
# strength work, whatever its name says ("drills", "activation"); a mobility drill moves a joint
# through its range unloaded, with a dowel, or with a band or weight that only distracts or
# swings the joint (banded ankle mobility, the dumbbell pendulum).
E("banded-shoulder-drills", "rotator", "resistance-band", "B", "L",
  "Light band drills for the shoulders (the source gives a video, not steps): bands are Low",
  m="P shoulders | S middle-back traps",
  fn={"shoulders": "Move the arms through their range against the band's tension",
      "middle-back": "Retract the shoulder blades", "traps": "Rotate the shoulder blades"},
  why={"equipment": "A resistance band anchored behind",
       "pattern": "Shoulder movements against a light band (listed as single-joint work)",
       "mechanic": "One joint, the shoulder, moves through its range"})
E("barbell-curls-lying-against-an-incline", "curl", "barbell incline-bench", "B", "L",
  "A barbell curl lying face up on an incline bench: a fixed upper arm, single joint",
  why={"equipment": "A barbell; an incline bench to lie against"})
E("barbell-guillotine-bench-press", "bench", "barbell bench", "B", "M",
  "A bench press lowered to the neck: a free bar path over the throat, a spotter needed",
  m="P chest | S anterior-deltoid triceps | St middle-back",
  fn={"chest": "The clavicular fibres adduct the flared upper arms to press from the neck"},
  why={"equipment": "A barbell; a flat bench with uprights (or a rack) to hold the bar"})
E("barbell-incline-shoulder-raise", "rollout", "barbell incline-bench", "B", "L",
  "Protracting the shoulder blades under a barbell held at arm's length: a small, simple motion",
  m="P chest | S anterior-deltoid | St triceps",
  fn={"chest": "The serratus anterior (filed under the chest) protracts the shoulder blades",
      "anterior-deltoid": "Hold the straight arms up"},
  why={"mechanic": "Only the shoulder blades move", "pattern":
       "Single-joint protraction of the shoulder blades",
       "equipment": "A barbell; an incline bench to lie on"}, pat="Isolation", mech="i")
E("barbell-silverback-shrug", "shrug", "barbell", "B", "M",
  "A barbell shrug bent over at the hips: the hinge is held unsupported under the bar",
  m="P middle-back traps | St erector-spinae hamstrings forearms",
  fn={"middle-back": "Retract the shoulder blades with the torso hinged",
      "traps": "The middle fibres pull the shoulder blades together",
      "erector-spinae": "Hold the hinged torso still",
      "hamstrings": "Hold the hips back in the hinge"},
  why={"pattern": "Single-joint retraction of the shoulder blades"})
E("bear-crawl-pull-through", "plank", "bodyweight dumbbell", "A", "L",
  "A bear-crawl hold pulling a dumbbell across: keep the hips still",
  m="P obliques | S lats rectus-abdominis | St shoulders quadriceps",
  fn={"obliques": "Keep the hips square as one hand drags the dumbbell (anti-rotation)",
      "lats": "Drag the dumbbell across under the body",
      "quadriceps": "Hold the knees just off the floor"},
  why={"equipment": "A dumbbell to pull across; the body's own weight on hands and feet",
       "laterality": "The hands take turns pulling within one set"})
E("bear-crawl-sled-drags", "sled", "sled", "A", "L",
  "Crawling on hands and feet dragging a sled: a sled is self-limiting, little to learn",
  m="P quadriceps glutes | S calves shoulders | St abdominals",
  fn={"shoulders": "Carry the body on the hands as they walk forward"},
  why={"equipment": "A sled pulled by a chain from a harness or belt"})
E("bear-walk-2", "plank", "bodyweight", "A", "L",
  "Walking on hands and feet: no load, little to learn",
  kind="C", m="P shoulders abdominals | S quadriceps triceps | St chest",
  fn={"shoulders": "Carry the body's front on the hands as they step",
      "quadriceps": "Step the legs forward", "triceps": "Hold the elbows straight",
      "chest": "Hold the body up on the arms"},
  why={"mechanic": "Shoulders and hips move in turn as the body crawls",
       "pattern": "Crawling: the trunk holds still as the limbs move"})
E("bench-jump", "jump", "bodyweight bench", "B", "M",
  "Jumping sideways over a bench and back: clearing an obstacle takes a base of jumping",
  kind="P", why={"equipment": "A bench or box to jump over; the body's own weight is the load"})
E("bench-press-with-chains", "bench", "barbell bench chains", "B", "M",
  "A bench press with chains on the sleeves: the chain setup adds little skill",
  m="P chest triceps | S anterior-deltoid | St middle-back",
  fn={"triceps": "Extend the elbows through the lockout, where the chains add load"},
  why={"equipment": "A barbell; a bench with uprights; chains on the sleeves (the chains "
                    "kind)"})
E("bench-sprint", "bound", "bodyweight bench", "A", "L",
  "Alternating foot taps onto a box or bench: a basic plyometric drill",
  kind="P", why={"equipment": "A low box or bench to step onto; the body's own weight",
                 "laterality": "The feet take turns on the box within one set"})
E("bent-high-pulls", "row", "dumbbell", "B", "L",
  "A bent-over dumbbell row with the elbows high: the hinge is held unsupported, with "
  "dumbbells Low as the dumbbell hinge (issue 23, data7)",
  m="P posterior-deltoid middle-back | S traps biceps lats | St erector-spinae",
  fn={"posterior-deltoid": "Pull the elbows up and out (horizontal abduction)",
      "middle-back": "Retract the shoulder blades", "traps": "Assist the retraction"},
  why={"equipment": "Two dumbbells"})
E("bent-knee-hip-raise", "leg-raise", "bodyweight", "B", "L",
  "Curling the bent knees in and the hips off the floor: simple",
  fn={"rectus-abdominis": "Curl the pelvis off the floor (posterior pelvic tilt)"})
E("bent-over-low-pulley-side-lateral", "rear-fly", "cable-station", "U", "L",
  "A one-arm bent-over cable raise: the cable guides a single-joint path",
  m="P posterior-deltoid | S middle-back lateral-deltoid | St erector-spinae",
  fn={"lateral-deltoid": "Assist raising the arm out to the side",
      "erector-spinae": "Hold the bent-over torso still"})
E("bent-over-row-to-external-rotation", "rotator", "dumbbell bench", "B", "L",
  "Chest-supported: raise the elbows and turn the forearms up with light weights",
  m="P posterior-deltoid | S middle-back biceps", pat="HorizontalPull", mech="c",
  fn={"posterior-deltoid": "Raise the elbows to shoulder height, then rotate the upper arms "
                           "outward (with the rotator cuff, which the catalogue lacks)",
      "middle-back": "Retract the shoulder blades",
      "biceps": "Bend the elbows to 90 degrees as the arms rise from hanging straight"},
  why={"pattern": "A chest-supported row to shoulder height, then an external rotation: the "
                  "row is the pull and the one multi-joint part",
       "equipment": "Light dumbbells (the steps' default); a bench or chair back to rest the "
                    "forehead on", "mechanic": "The elbows bend as the shoulders lift them (a "
                    "row), then the upper arms rotate: shoulder and elbow move; not a shoulder "
                    "drill of two actions at one joint"})
E("bent-press", "windmill", "kettlebell", "U", "H",
  "Pressing a kettlebell while bending under it to the side: an old-time strongman skill",
  m="P obliques triceps | S shoulders glutes hamstrings | St rectus-abdominis",
  fn={"obliques": "Bend the trunk sideways under the bell and raise it back",
      "triceps": "Lock the elbow as the body bends away under the bell",
      "shoulders": "Hold the bell overhead"},
  why={"pattern": "The trunk side-bends under a load held overhead"})
E("bizeps-curls-trifecta", "curl", "dumbbell", "U", "L",
  "Three dumbbell curl variations in one set: each a simple elbow curl")
E("black-widow-knee-slides", "oblique-crunch", "bodyweight", "A", "L",
  "From a high plank, knee to opposite elbow in turn: easy",
  m="P obliques rectus-abdominis | St shoulders",
  fn={"obliques": "Rotate the pelvis to drive the knee to the opposite elbow",
      "rectus-abdominis": "Curl the pelvis (posterior tilt)",
      "shoulders": "Hold the body up over the hands"},
  why={"mechanic": "The hip flexes and the spine curls and turns while the arms hold"},
  mech="c")
E("board-press", "bench", "barbell bench squat-rack press-board", "B", "M",
  "A bench press to boards on the chest: the partial range and setup take practice",
  m="P triceps chest | S anterior-deltoid | St middle-back lats",
  fn={"triceps": "Extend the elbows through the top half, which the boards leave",
      "lats": "Hold the elbows tucked and the upper back tight"},
  why={"equipment": "A barbell and bench, the bar pulled out of the rack (its steps: a bar "
                    "lifted from a rack names the rack), and one to five wooden press boards "
                    "on the chest that stop the bar short (issue 23: the boards were not "
                    "recorded, so a kit without them was offered the lift)"})
E("body-up", "triceps-ext", "bodyweight", "B", "M",
  "From a forearm plank, straighten the elbows to lift the body: most of the body weight on "
  "the triceps", m="P triceps | S anterior-deltoid | St abdominals forearms",
  fn={"triceps": "Extend the elbows to lift the body off the forearms",
      "anterior-deltoid": "Flex the shoulders as the body rises over the hands",
      "abdominals": "Hold the body in a straight plank",
      "forearms": "Press the palms into the floor"},
  why={"mechanic": "The elbows extend and the shoulders follow: mostly one joint action, "
                   "the elbow's", "pattern": "Elbow extension against the body's weight"})
E("bosu-ball-cable-crunch-with-side-bends", "crunch", "cable-station balance-trainer", "B", "L",
  "A cable crunch lying back over a BOSU ball: cable-guided, the ball supports the back",
  fn={"rectus-abdominis": "Curl the trunk up over the ball against the low cables",
      "obliques": "Assist the curl and steady the trunk on the ball"},
  m="P rectus-abdominis | S obliques | St shoulders",
  why={"equipment": "A cable station with two low handles; a BOSU ball (a balance "
                    "trainer)"})
E("bottoms-up", "leg-raise", "bodyweight", "B", "L",
  "Tucking the knees, extending the legs up and lifting the hips: simple",
  fn={"rectus-abdominis": "Curl the pelvis off the floor with the legs vertical"})
E("box-jump-multiple-response", "jump", "bodyweight plyo-box", "B", "M",
  "Rebounding up onto a box and straight back down, repeatedly: needs a base of jumping",
  kind="P", m="P quadriceps glutes | S calves hamstrings | St abdominals adductors abductors",
  why={"equipment": "A box or platform to jump onto; the body's own weight is the load"})
E("box-jumps", "jump", "bodyweight plyo-box", "B", "L",
  "A jump onto a box, stepping back down: a basic plyometric drill",
  kind="P", why={"equipment": "A box to jump onto; the body's own weight is the load"})
E("box-skip", "bound", "bodyweight plyo-box", "A", "M",
  "Skipping from box to box off one leg at a time: needs timing and single-leg landings",
  kind="P", why={"equipment": "Several boxes in a row; the body's own weight is the load",
                 "laterality": "The legs take turns driving off the boxes within one set"})
E("box-squat-with-chains", "squat", "barbell squat-rack plyo-box chains", "B", "M",
  "A back squat to a box with chains: as technical as the back squat; chains add little skill",
  m="P glutes quadriceps | S adductors hamstrings | St erector-spinae abdominals",
  fn={"hamstrings": "Assist hip extension from the shin-vertical sit on the box"},
  why={"equipment": "A barbell from a squat (power) rack; a box behind sets the depth; chains "
                    "on the sleeves (the chains kind)"})
E("braced-squat", "squat", "weight-plate", "B", "L",
  "A bodyweight-style squat holding a plate out in front: the plate counterbalances it",
  m="P quadriceps glutes | S adductors | St shoulders abdominals erector-spinae",
  fn={"shoulders": "Hold the plate out in front on straight arms"},
  why={"equipment": "One weight plate held out in front"})
E("bulgarian-split-squats-left", "lunge", "bodyweight bench", "U", "M",
  "Rear foot on a bench: balancing on one leg through a deep split takes practice",
  m="P quadriceps glutes | S adductors | St abductors abdominals",
  why={"equipment": "A bench or chair for the rear foot; the body's own weight is the load",
       "laterality": "One leg works for a whole set, then the other (the left and right "
                     "copies are one exercise)"})
E("bus-drivers", "front-raise", "weight-plate", "B", "L",
  "Holding a plate out in front and turning it like a steering wheel: light and simple",
  m="P anterior-deltoid | S forearms lateral-deltoid",
  fn={"anterior-deltoid": "Hold the plate up in front while it turns",
      "forearms": "Grip and turn the plate", "lateral-deltoid": "Steady the arms as they turn"},
  why={"mechanic": "The arms hold one angle while the shoulders rotate the plate",
       "pattern": "The shoulders hold the arms out front and rotate (shoulder work)",
       "equipment": "One weight plate held like a steering wheel"})
E("butt-ups", "plank", "bodyweight", "B", "L",
  "From a forearm plank, raise the hips high and lower them: simple",
  m="P rectus-abdominis | S quadriceps shoulders | St transversus-abdominis",
  fn={"rectus-abdominis": "Curl the pelvis toward the ribs to pike the hips up",
      "quadriceps": "Flex the hips to pike them up (the rectus femoris; the iliopsoas, the "
                    "main hip flexor, is not in the muscle catalogue)",
      "shoulders": "Push back from the forearms as the hips rise",
      "transversus-abdominis": "Keep the back from sagging on the way down"},
  why={"mechanic": "The hips flex and the spine curls from a forearm plank"}, mech="c")
E("butterfly-reverse", "rear-fly", "pec-deck-machine", "B", "L",
  "The reverse fly on the pec deck (butterfly) machine: the machine guides the arms",
  why={"equipment": "A pec deck (butterfly) machine, sitting facing the pad"})
E("butterfly-sit-up", "situp", "bodyweight", "B", "L",
  "A sit-up opening the arms overhead: simple",
  m="P rectus-abdominis | S quadriceps | St middle-back",
  fn={"middle-back": "Hold the arms open in the goal-post position"})
E("butterfly-superman", "back-ext", "bodyweight", "B", "L",
  "Lying face down raising the chest with the hands behind the head: easy",
  m="P erector-spinae | S middle-back | St traps",
  fn={"middle-back": "Raise the elbows by pulling the shoulder blades together",
      "traps": "Hold the shoulder blades set"})
E("cable-internal-rotation", "rotator", "cable-station", "U", "L",
  "A one-arm cable rotation with the elbow at the side: light and simple",
  fn={"shoulders": "Rotate the upper arm inward toward the belly (subscapularis; the "
                   "catalogue names the shoulders)"},
  m="P shoulders | S chest",
  why={"equipment": "A cable station's low or elbow-height pulley"})
E("cable-iron-cross", "lateral-raise", "cable-station", "B", "L",
  "Pulling the arms down from a T between high pulleys: cable-guided",
  m="P lats chest | S triceps | St abdominals",
  fn={"lats": "Pull the straight arms down to the sides (shoulder adduction)",
      "chest": "The sternal fibres assist adduction", "triceps": "Keep the elbows straight"},
  why={"pattern": "Single-joint shoulder adduction with straight arms",
       "equipment": "A cable station with both high pulleys"})
E("cable-judo-flip", "rotation", "cable-station", "B", "L",
  "A low-to-high rope chop twisting over the shoulder: cable-guided",
  m="P obliques | S rectus-abdominis lats | St forearms",
  fn={"obliques": "Rotate the trunk and crunch it forward to pull the rope over",
      "lats": "Pull the rope down over the shoulder"},
  why={"equipment": "A cable station with a rope on a low pulley",
       "laterality": "Both arms pull together; the sides are trained set by set"})
E("cable-press-around", "fly", "cable-station", "U", "L",
  "One arm presses the handle around and across the body: cable-guided",
  m="P chest | S triceps anterior-deltoid | St abdominals",
  fn={"chest": "Horizontally adduct the arm across the body as the elbow extends",
      "triceps": "Extend the elbow through the press",
      "abdominals": "Hold the trunk turned at 45 degrees"},
  why={"pattern": "A one-arm press that curves across the body: chest adduction",
       "mechanic": "The shoulder adducts and the elbow extends: two joints move"}, mech="c",
  pat="HorizontalPush")
E("cable-russian-twists", "rotation", "cable-station exercise-ball", "B", "L",
  "Rotating against a cable with the upper back on a ball: cable-guided, light",
  m="P obliques | S rectus-abdominis | St shoulders glutes",
  fn={"glutes": "Hold the hips up on the ball"},
  why={"equipment": "A cable station at mid height; a stability ball under the upper back"})
E("cable-tri-extension-external-rotation", "triceps-ext", "cable-station", "U", "L",
  "A one-arm cable elbow extension across the body: cable-guided",
  why={"equipment": "A cable station with a single handle"})
E("cable-tri-extension-internal-rotation", "triceps-ext", "cable-station", "U", "L",
  "A one-arm cable elbow extension across the body: cable-guided",
  why={"equipment": "A cable station with a single handle"})
E("cable-triceps-press", "triceps-ext", "cable-station", "U", "L",
  "A one-arm press forward and down against a cable, straightening the elbow: simple",
  m="P triceps | S anterior-deltoid",
  fn={"anterior-deltoid": "Steady the upper arm as the hand presses forward"},
  why={"equipment": "A cable station with a single handle"})
E("calf-raises-on-hackenschmitt-machine", "calf", "hack-squat-machine", "B", "L",
  "A standing calf raise on the hack squat machine: guided",
  m="P calves",
  why={"equipment": "A hack squat (Hackenschmidt) machine, the feet half off the platform"})
E("car-drivers", "front-raise", "weight-plate", "B", "L",
  "Holding a plate out in front and turning it like a steering wheel: light and simple",
  m="P anterior-deltoid | S forearms lateral-deltoid",
  fn={"anterior-deltoid": "Hold the plate up in front while it turns",
      "forearms": "Grip and turn the plate", "lateral-deltoid": "Steady the arms as they turn"},
  why={"mechanic": "The arms hold one angle while the shoulders rotate the plate",
       "pattern": "The shoulders hold the arms out front and rotate (shoulder work)",
       "equipment": "One weight plate held like a steering wheel (the steps' \"barbell "
                    "plate\", not a barbell)"})
E("carioca-quick-step", "bound", "bodyweight", "A", "L",
  "A sideways footwork drill crossing behind: coordination, no load",
  kind="C", m="P adductors abductors | S quadriceps calves | St abdominals",
  fn={"adductors": "Bring the trailing leg across behind the other",
      "abductors": "Step the lead leg out to the side",
      "quadriceps": "Drive the knee up on each quick step",
      "calves": "Stay on the balls of the feet"},
  why={"pattern": "Sideways stepping: one leg at a time does the work",
       "mechanic": "Hips, knees and ankles move with every step"})
E("cat-plank", "plank", "bodyweight", "B", "L",
  "On all fours with the knees just off the floor, rounding the back: easy",
  m="P abdominals | S chest | St shoulders quadriceps",
  fn={"chest": "The serratus anterior (filed under the chest) pushes the upper back round",
      "quadriceps": "Hold the knees just off the floor"})
E("catch-and-overhead-throw", "rollout", "medicine-ball", "B", "L",
  "An overhead soccer-style throw and catch: a basic power drill",
  kind="P", m="P lats rectus-abdominis | S triceps chest | St transversus-abdominis",
  fn={"lats": "Pull the arms forward from overhead to throw",
      "rectus-abdominis": "Flex the trunk into the throw",
      "triceps": "Extend the elbows through the release",
      "chest": "Assist bringing the arms forward",
      "transversus-abdominis": "Brace to receive the catch"},
  why={"mechanic": "Shoulders, elbows and trunk move to throw the ball",
       "pattern": "The arms pull the ball forward from overhead: a vertical pull's line"},
  pat="VerticalPull")
E("chain-handle-extension", "triceps-ext", "bench chains", "B", "L",
  "A lying elbow extension with chains clipped to handles: one joint, the chains unload on "
  "the floor",
  why={"equipment": "A flat bench; chains clipped to cable handles (the chains "
                    "kind)"})
E("chain-press", "bench", "bench chains", "B", "L",
  "A bench press with chains held in handles: part of the load rests on the floor at the bottom",
  why={"equipment": "A flat bench; chains clipped to cable handles (the chains "
                    "kind)"})
E("chest-push-from-3-point-stance", "pushup", "medicine-ball", "B", "L",
  "Two steps out of a three-point stance into a chest pass: a basic throwing drill",
  kind="P", m="P chest triceps | S anterior-deltoid quadriceps glutes | St abdominals",
  fn={"triceps": "Extend the elbows explosively to release the ball",
      "quadriceps": "Drive out of the stance", "glutes": "Drive the hips forward",
      "abdominals": "Brace the trunk through the throw"},
  why={"pattern": "The ball is pushed away from the chest",
       "mechanic": "Legs, shoulders and elbows all move in the throw"})
E("chest-push-multiple-response", "pushup", "medicine-ball", "B", "L",
  "A kneeling chest pass, falling onto the hands and back up: a basic power drill",
  kind="P", m="P chest triceps | S anterior-deltoid glutes | St abdominals",
  fn={"triceps": "Extend the elbows explosively to release the ball",
      "glutes": "Extend the hips to drive forward",
      "abdominals": "Brace the trunk through the throw and the fall"},
  why={"pattern": "The ball is pushed away from the chest",
       "mechanic": "Hips, shoulders and elbows move in the throw"})
E("chest-push-single-response", "pushup", "medicine-ball", "B", "L",
  "A kneeling chest pass, falling onto the hands: a basic power drill",
  kind="P", m="P chest triceps | S anterior-deltoid glutes | St abdominals",
  fn={"triceps": "Extend the elbows explosively to release the ball",
      "glutes": "Extend the hips to drive forward",
      "abdominals": "Brace the trunk through the throw and the fall"},
  why={"pattern": "The ball is pushed away from the chest",
       "mechanic": "Hips, shoulders and elbows move in the throw"})
E("circus-bell", "jerk", "other", "U", "M",
  "A strongman implement: cleaning and pressing an oversized dumbbell with one arm takes "
  "practice",
  m="P shoulders triceps glutes quadriceps | S traps hamstrings | St abdominals forearms",
  fn={"hamstrings": "Extend the hips in the clean", "forearms": "Grip the thick handle"},
  why={"equipment": "A circus dumbbell (a strongman implement, other)"})
E("claps-over-the-head", "lateral-raise", "bodyweight", "B", "L",
  "Raising the arms to clap overhead: a warm-up, no load",
  kind="C", m="P lateral-deltoid | S traps",
  fn={"lateral-deltoid": "Abduct the arms to bring the hands together overhead"},
  why={"pattern": "The arms swing up and down to the sides"})
E("clean-and-jerk", "clean", "barbell", "B", "H",
  "The full Olympic clean and jerk: two high skills in one lift", kind="P",
  m="P glutes hamstrings quadriceps shoulders triceps | S traps calves | "
    "St erector-spinae forearms abdominals",
  fn={"shoulders": "Rack the bar, then drive it overhead in the jerk"},
  why={"mechanic": OLY})
E("clean-and-press", "clean", "barbell", "B", "H",
  "A barbell clean caught on the shoulders, then a press: the clean's catch is an Olympic skill",
  kind="P", m="P glutes hamstrings quadriceps anterior-deltoid | S traps triceps calves | "
  "St erector-spinae forearms abdominals",
  fn={"anterior-deltoid": "Rack the bar, then press it overhead",
      "triceps": "Lock the press out overhead"},
  why={"mechanic": OLY, "equipment": "A barbell (the steps are for a barbell)"})
E("close-grip-push-up-off-of-a-dumbbell", "pushup", "bodyweight dumbbell", "B", "M",
  "A push-up with both hands on one upright dumbbell: a narrow, wobbly base",
  m="P triceps chest | S anterior-deltoid | St abdominals",
  fn={"triceps": "Extend the elbows through the long range of the close grip"},
  why={"equipment": "One dumbbell stood on end under the hands; the body's own weight"})
E("cocoons", "situp", "bodyweight", "B", "L",
  "Tucking knees and arms together lying on the back: simple",
  why={"mechanic": FLEX_HIP})
E("conan-s-wheel", "squat", "other", "B", "M",
  "Walking in a circle holding a Zercher-held lever: a strongman event",
  m="P quadriceps glutes | S calves | St biceps middle-back erector-spinae abdominals",
  fn={"quadriceps": "Drive each short step around the circle",
      "biceps": "Hold the bar in the crook of the elbows",
      "middle-back": "Keep the upper back upright under the front load"},
  why={"equipment": "Conan's wheel, a strongman implement (other)",
       "pattern": "Walking while holding a load", "mechanic": "The whole body works to walk "
       "while the trunk and arms hold the load"}, pat="Carry")
E("core-rotation", "rotation", "bodyweight", "A", "L",
  "Sitting back with the feet up and turning side to side: easy",
  m="P obliques | S rectus-abdominis | St quadriceps",
  fn={"quadriceps": "Hold the hips flexed with the feet off the floor"})
E("cross-body-cable-y-raise", "lateral-raise", "cable-station", "U", "L",
  "A one-arm raise from the opposite hip, like drawing a sword: cable-guided",
  m="P lateral-deltoid posterior-deltoid | S traps",
  fn={"posterior-deltoid": "Pull the arm up and back across the body"},
  why={"equipment": "A cable station's low pulley with a handle"})
E("crucifix", "lateral-raise", "other", "B", "M",
  "Holding strongman implements out to the sides for time: a strongman event",
  m="P lateral-deltoid | S traps anterior-deltoid | St forearms",
  fn={"lateral-deltoid": "Hold the arms out to the sides (isometric abduction)",
      "anterior-deltoid": "Keep the arms from sinking in front",
      "forearms": "Grip the long implements"},
  why={"equipment": "Strongman axes or hammers held out (other); dumbbells for practice",
       "mechanic": "An isometric hold of one joint: the shoulders hold the arms out"})
E("cuban-press", "rotator", "dumbbell", "B", "L",
  "An upright row, external rotation and press with light dumbbells: three simple movements",
  m="P posterior-deltoid lateral-deltoid | S anterior-deltoid traps triceps",
  fn={"posterior-deltoid": "Rotate the upper arms outward (with the rotator cuff, which the "
                           "catalogue lacks)",
      "lateral-deltoid": "Raise the elbows out to the sides",
      "anterior-deltoid": "Press the weights overhead", "triceps": "Extend the elbows overhead"},
  why={"mechanic": "The external rotation sets the load (a few kilograms, a fraction of a "
                    "press's): one joint action does the work, and the press that ends each "
                    "repetition moves only what the rotators can turn",
       "pattern": "A rotator-cuff drill (external rotation from the scarecrow position, its "
                  "steps' start) with a press at the end, not a shoulder press: the rotation "
                  "limits the load, so it is filed as the single-joint drill it trains "
                  "(issue 23: plans took it as the week's shoulder press)",
       "equipment": "Two light dumbbells"}, mech="i", pat="Isolation")
E("curl-with-shoulder-elevated", "curl", "dumbbell", "U", "L",
  "A curl with the elbow raised to shoulder level: single joint",
  m="P biceps | S forearms | St anterior-deltoid")
E("db-ucv", "front-raise", "dumbbell", "U", "L",
  "A one-arm curl-and-raise toward the head: a simple shoulder and chest movement",
  m="P chest anterior-deltoid | S biceps",
  fn={"chest": "The clavicular fibres raise the arm up in front",
      "biceps": "Hold the elbow bent as in a curl"})
E("db-upper-chest-variation", "front-raise", "dumbbell", "U", "L",
  "A one-arm curl-and-raise toward the head: a simple shoulder and chest movement",
  m="P chest anterior-deltoid | S biceps",
  fn={"chest": "The clavicular fibres raise the arm up in front",
      "biceps": "Hold the elbow bent as in a curl"})
E("deadhang", "hang", "pull-up-bar", "B", "L",
  "Hanging from a bar or an edge: the grip is the only limit",
  why={"equipment": "A pull-up bar or a hangboard edge to hang from; the body's own weight"})
E("decline-close-grip-bench-to-skull-crusher", "triceps-ext", "barbell decline-bench", "B", "M",
  "A close-grip decline press and a lying extension in one set, head-down: a free bar path",
  m="P triceps | S chest anterior-deltoid",
  fn={"chest": "Assist the close-grip press", "anterior-deltoid": "Assist the press"},
  why={"mechanic": "The press moves shoulders and elbows; the extension the elbows alone",
       "pattern": "Each repetition is a close-grip press, a horizontal push, and a lying "
                  "extension: the press is the multi-joint part",
       "equipment": "A barbell; a decline bench with uprights"}, mech="c", pat="HorizontalPush")
E("decline-oblique-crunch", "oblique-crunch", "decline-bench", "U", "L",
  "A twisting crunch on a decline bench: simple",
  m="P obliques | S rectus-abdominis",
  why={"equipment": "A decline bench anchors the feet; the body's own weight is the load",
       "laterality": "Turns to one side for a set, then the other"})
E("depth-jump-leap", "jump", "bodyweight plyo-box", "B", "M",
  "Dropping off a box and jumping at once onto a higher one: a shock drill for trained jumpers",
  kind="P", m="P quadriceps glutes | S calves hamstrings | St abdominals adductors abductors",
  why={"equipment": "Two boxes of different heights; the body's own weight"})
E("devils-press", "clean", "dumbbell", "B", "M",
  "A dumbbell burpee into a double dumbbell snatch: coordination and conditioning",
  kind="P", m="P glutes hamstrings shoulders | S quadriceps chest triceps traps | "
  "St erector-spinae abdominals forearms",
  fn={"shoulders": "Drive the dumbbells overhead at the end of the snatch",
      "chest": "Lower and push the body up in the burpee",
      "triceps": "Lock the elbows overhead"},
  why={"equipment": "Two dumbbells"})
E("diagonal-shoulder-press", "ohp", "chest-press-machine", "B", "L",
  "A machine press seated with the back tilted: the machine guides the path",
  m="P anterior-deltoid chest | S triceps",
  fn={"chest": "The clavicular fibres press the handles up and forward"},
  why={"equipment": "A chest press machine with the seat tilted back (or an incline press "
                    "machine)", "pattern": "Pressed up and forward, between horizontal and "
                    "vertical: listed as a vertical push"})
E("double-kettlebell-clean-and-press", "clean", "kettlebell", "B", "M",
  "Two kettlebells cleaned to the rack and pressed: kettlebell ballistics, moderate",
  kind="P", m="P glutes hamstrings anterior-deltoid | S quadriceps triceps traps | "
  "St erector-spinae abdominals forearms",
  fn={"anterior-deltoid": "Press the bells overhead from the rack",
      "triceps": "Lock the elbows overhead"},
  why={"equipment": "Two kettlebells"})
E("double-kettlebell-jerk", "jerk", "kettlebell", "B", "M",
  "A dip, drive and re-dip under two kettlebells: kettlebell ballistics, moderate",
  kind="P", why={"equipment": "Two kettlebells cleaned to the rack"})
E("double-kettlebell-windmill", "windmill", "kettlebell", "U", "M",
  "A windmill with one bell overhead and one at the floor: mobility and shoulder stability",
  why={"equipment": "Two kettlebells: one pressed overhead, one lowered to the front foot"})
E("double-leg-abdominal-press", "plank", "bodyweight", "B", "L",
  "Pressing the hands against the knees in the tabletop position: an easy hold",
  m="P rectus-abdominis | S quadriceps | St transversus-abdominis",
  fn={"rectus-abdominis": "Pull the knees toward the hands against their push (isometric)",
      "quadriceps": "Hold the hips flexed in tabletop (the rectus femoris)"})
E("downward-facing-balance", "bridge", "exercise-ball", "B", "M",
  "Face down over a ball, the hands walked out on the floor and the legs lifted: the body "
  "balances on the ball as on an unstable base (the table's Moderate row)",
  m="P glutes | S hamstrings erector-spinae | St abdominals shoulders triceps",
  fn={"glutes": "Extend the hips to lift the legs off the ball",
      "erector-spinae": "Hold the spine extended", "shoulders": "Hold the body up on the hands"},
  why={"pattern": "Hip extension against gravity over the ball"})
E("dragon-squat", "lunge", "bodyweight", "A", "L",
  "A deep bodyweight curtsy lunge, the rear foot far behind and across: no load, balance",
  m="P quadriceps glutes | S adductors | St abductors abdominals",
  fn={"abductors": "Hold the pelvis level as the rear leg crosses behind"})
E("drop-curl", "curl", "dumbbell", "A", "L",
  "Slow alternating dumbbell curls: single joint",
  m="P biceps | S forearms")
E("drop-push", "pushup", "bodyweight plyo-box", "B", "H",
  "A drop push-up from boxes, absorbing the landing on the hands: a ballistic push skill",
  kind="P", fn={"chest": "Absorb the drop and push the body back up"},
  why={"equipment": "Two low boxes or platforms for the hands; the body's own weight"})
E("dumbbell-bicep-curl-to-press", "curl", "dumbbell", "B", "L",
  "A curl then an overhead press: two simple movements in turn",
  m="P biceps anterior-deltoid | S triceps lateral-deltoid | St abdominals",
  fn={"anterior-deltoid": "Press the dumbbells overhead from the shoulders",
      "triceps": "Extend the elbows overhead",
      "lateral-deltoid": "Abduct the shoulders in the press"},
  why={"mechanic": "The elbows flex, then shoulders and elbows press",
       "pattern": "A curl followed by a press overhead"}, mech="c", pat="VerticalPush")
E("dumbbell-bradford-press", "ohp", "dumbbell", "B", "L",
  "A standing dumbbell press passing over the head front to back: a path each arm sets",
  why={"equipment": "Two dumbbells"})
E("dumbbell-cheat-curl", "curl", "dumbbell", "B", "L",
  "A dumbbell curl with a little body swing to pass the sticking point: simple",
  m="P biceps | S forearms glutes | St erector-spinae",
  fn={"glutes": "Give the start of the curl a small hip drive"})
E("dumbbell-crunches", "crunch", "dumbbell", "B", "L",
  "A crunch holding one dumbbell at the chest: simple",
  why={"equipment": "One dumbbell held at the chest or overhead"})
E("dumbbell-frog-press", "bridge", "dumbbell", "B", "L",
  "A hip thrust from the floor with the soles together and a dumbbell on the hips: simple",
  m="P glutes | S abductors | St abdominals",
  fn={"abductors": "Hold the knees out in the frog position"},
  why={"equipment": "One dumbbell on the hips"})
E("dumbbell-hang-power-cleans", "clean", "dumbbell", "B", "M",
  "Cleaning dumbbells from the hang: an easier cousin of the barbell clean",
  kind="P", why={"equipment": "Two dumbbells"})

E("dumbbell-incline-shoulder-raise", "rollout", "dumbbell incline-bench", "B", "L",
  "Protracting the shoulder blades under dumbbells held at arm's length: a small, simple motion",
  m="P chest | S anterior-deltoid | St triceps",
  fn={"chest": "The serratus anterior (filed under the chest) protracts the shoulder blades",
      "anterior-deltoid": "Hold the straight arms up"},
  why={"mechanic": "Only the shoulder blades move", "pattern":
       "Single-joint protraction of the shoulder blades",
       "equipment": "Two dumbbells; an incline bench to lie on"}, pat="Isolation", mech="i")
E("dumbbell-lying-pronation", "grip", "dumbbell bench", "U", "L",
  "Turning a dumbbell palm-down lying on a bench: light and single joint",
  fn={"forearms": "Pronate the forearm (turn the palm down) against the dumbbell's lever"},
  why={"equipment": "One dumbbell; a flat bench to lie on",
       "pattern": "Single-joint forearm pronation"})
E("dumbbell-lying-supination", "grip", "dumbbell bench", "U", "L",
  "Turning a dumbbell palm-up lying on a bench: light and single joint",
  fn={"forearms": "Supinate the forearm (turn the palm up) against the dumbbell's lever"},
  m="P forearms | S biceps",
  why={"equipment": "One dumbbell; a flat bench to lie on",
       "pattern": "Single-joint forearm supination"})
E("dumbbell-scaption", "front-raise", "dumbbell", "B", "L",
  "Raising dumbbells in the scapular plane, between a front and a lateral raise: simple",
  m="P anterior-deltoid lateral-deltoid | S traps",
  fn={"anterior-deltoid": "Raise the arms forward in the scapular plane",
      "lateral-deltoid": "Raise the arms out in the scapular plane",
      "traps": "Upwardly rotate the shoulder blades as the arms rise"},
  why={"pattern": "Single-joint shoulder elevation in the scapular plane"})
E("dumbbell-seated-box-jump", "jump", "dumbbell bench plyo-box", "B", "M",
  "Jumping from a seat onto a box holding a dumbbell: no stretch reflex, a loaded landing",
  kind="P", m="P quadriceps glutes | S calves hamstrings | St abdominals forearms",
  fn={"forearms": "Hold the dumbbell at the chest"},
  why={"equipment": "One dumbbell held at the chest; a bench to sit on and a box to land on"})
E("dumbbell-shoulder-rotations", "rotator", "dumbbell", "U", "L",
  "External and internal rotation with the elbow at the side: light and single joint",
  fn={"shoulders": "Rotate the upper arm out and in (the rotator cuff)"},
  why={"equipment": "One light dumbbell"})
E("dumbbell-side-squat", "lunge", "dumbbell", "A", "M",
  "Stepping to the side into a squat with a dumbbell: balance over one leg in a wide stance",
  m="P quadriceps glutes adductors | St abductors abdominals forearms",
  fn={"adductors": "Push back to the centre from the side step"},
  why={"equipment": "One dumbbell held in one hand",
       "pattern": "A side step loads one leg for the knee and hip work: a lateral lunge"})
E("dumbbell-tricep-extension-pronated-grip", "triceps-ext", "dumbbell bench", "B", "L",
  "A lying dumbbell extension with the palms forward: single joint",
  why={"equipment": "Two dumbbells; a flat bench to lie on"})
E("dumbbell-underhand-dead-row", "row", "dumbbell", "B", "L",
  "A bent-over row from a dead stop with an underhand grip: the hinge must hold, with "
  "dumbbells Low as the dumbbell hinge (issue 23, data7)",
  m="P lats middle-back | S biceps posterior-deltoid | St erector-spinae hamstrings forearms",
  fn={"biceps": "Flex the elbows; the underhand grip gives them more of the pull"},
  why={"equipment": "Two dumbbells"})
E("dynamic-planche", "plank", "bodyweight", "B", "L",
  "Jumping the feet in and out from a high plank: conditioning, no planche skill despite the "
  "name", kind="C", m="P abdominals | S quadriceps | St shoulders chest triceps",
  fn={"quadriceps": "Drive the knees in as the feet jump toward the hands (the rectus femoris)",
      "shoulders": "Hold the body over the hands", "chest": "Hold the body up on the arms"},
  why={"mechanic": "Hips and knees jump in and out while the arms hold a plank",
       "pattern": "The trunk holds a plank while the legs jump"})
E("dynamic-side-hold", "side-hold", "kettlebell resistance-band", "U", "L",
  "Holding a band-hung kettlebell at the side, switching the standing leg: a simple hold",
  m="P obliques | S rectus-abdominis | St abductors forearms",
  why={"equipment": "A kettlebell hung from a resistance band held in one hand"})
E("elbow-to-knee", "oblique-crunch", "bodyweight", "U", "L",
  "A crunch turning one elbow to the opposite knee: simple",
  why={"laterality": "Turns to one side for a set, then the other"})
E("estiramiento-de-brazos-y-cuello", "rotator", "bodyweight", "B", "L",
  "A held arm and neck stretch (Spanish; no steps given): assumed the common standing stretch",
  kind="X", m="P traps triceps | S shoulders neck",
  fn={"traps": "Lengthen as the head tilts away", "triceps": "Lengthen with the arm overhead",
      "shoulders": "Lengthen as the arm is drawn across", "neck": "Lengthen to the side"},
  why={"mechanic": "A held position: no joint moves against a load",
       "pattern": "A static stretch (listed as single-joint work)"})
E("estiramiento-de-piernas-y-cadera", "rotator", "bodyweight", "B", "L",
  "A held leg and hip stretch (Spanish; no steps given): assumed the common floor stretch",
  kind="X", m="P hamstrings glutes | S quadriceps",
  fn={"hamstrings": "Lengthen in the forward fold", "glutes": "Lengthen as the hip flexes",
      "quadriceps": "Lengthen with the knee bent behind"},
  why={"mechanic": "A held position: no joint moves against a load",
       "pattern": "A static stretch (listed as single-joint work)"})
NOT_REVIEWED["exercise-band-dorsiflexion"] = (
    "a dorsiflexion drill for the tibialis anterior, which the muscle catalogue lacks (the "
    "rule of docs/reviewed-layer.md leaves dorsiflexion drills unreviewed)")
E("extended-range-one-arm-kettlebell-floor-press", "bench", "kettlebell", "U", "L",
  "A one-arm floor press with the body turned for range: the floor stops the elbow",
  m="P chest | S triceps anterior-deltoid | St abdominals",
  fn={"abdominals": "Keep the body from rolling toward the kettlebell"},
  why={"equipment": "One kettlebell held by the handle; the floor"})
E("external-rotation", "rotator", "dumbbell bench", "U", "L",
  "Side-lying external rotation with a light dumbbell: single joint",
  fn={"shoulders": "Rotate the upper arm outward (infraspinatus and teres minor; the "
                   "catalogue names the shoulders)"},
  why={"equipment": "One light dumbbell; a flat bench to lie on"})
E("external-rotation-with-band", "rotator", "resistance-band", "U", "L",
  "Standing external rotation against a band with the elbow at the side: single joint",
  fn={"shoulders": "Rotate the upper arm outward (infraspinatus and teres minor)"},
  why={"equipment": "A resistance band anchored at elbow height"})
E("external-rotation-with-cable", "rotator", "cable-station", "U", "L",
  "Standing external rotation against a cable with the elbow at the side: single joint",
  fn={"shoulders": "Rotate the upper arm outward (infraspinatus and teres minor)"},
  why={"equipment": "A cable station's pulley at elbow height (the text also allows a band)"})
E("finger-curls", "grip", "barbell", "B", "L",
  "Rolling a barbell down to the fingertips and curling it back: single joint",
  fn={"forearms": "Flex the fingers to curl the bar back into the palm"},
  why={"equipment": "A barbell held palms up"})
E("finger-pushup", "pushup", "bodyweight", "B", "M",
  "A push-up on the fingertips: needs strong fingers and a straight plank",
  m="P chest | S triceps anterior-deltoid forearms | St abdominals",
  fn={"forearms": "Hold the fingers rigid under the body's weight"})
E("fingerboard-20-mm-edge", "hang", "bodyweight hangboard", "B", "M",
  "A timed hang on a 20 mm edge: climbing grip training that needs a base of finger strength",
  m="P forearms | St lats shoulders",
  fn={"forearms": "Hold the fingertips on the 20 mm edge"},
  why={"equipment": "A fingerboard (hangboard) with a 20 mm edge (the hangboard kind)"})
E("flat-bench-leg-pull-in", "leg-raise", "bench", "B", "L",
  "Pulling the knees in sitting or lying on a bench end: simple",
  why={"equipment": "A flat bench to sit or lie on; the body's own weight"})
E("floor-glider-hamstring-curls", "leg-curl", "bodyweight sliders", "B", "M",
  "Sliding the heels in while holding a bridge: the hips must stay up",
  m="P hamstrings | S glutes | St abdominals",
  fn={"glutes": "Hold the hips up in the bridge while the knees flex"},
  why={"equipment": "Floor gliders or towels under the heels (sliders); the body's own weight",
       "mechanic": "The knees flex while the hips hold extended: one moving joint"})
E("floor-press-with-chains", "bench", "barbell squat-rack chains", "B", "M",
  "A barbell floor press from a rack's low hooks with chains: a free bar path",
  m="P triceps chest | S anterior-deltoid",
  fn={"triceps": "Extend the elbows through the top half, where the floor and chains load it",
      "chest": "Adduct the upper arms to press from the floor"},
  why={"equipment": "A barbell on a power rack's low hooks; chains on the sleeves",
       "pattern": "Pressed up from the chest lying on the floor"})
E("forward-drag-with-press", "sled", "sled", "A", "L",
  "Walking a sled forward and pressing the handles out at each step: self-limiting",
  m="P quadriceps glutes chest triceps | S calves shoulders | St abdominals forearms",
  fn={"chest": "Press the handles forward at each step", "triceps": "Extend the elbows",
      "shoulders": "Flex the shoulders in the press"},
  why={"equipment": "A sled with a dual-handled rope or chain"})
E("frog-sit-ups", "situp", "bodyweight", "B", "L",
  "A sit-up with the soles together and knees out: simple",
  m="P rectus-abdominis | S obliques | St adductors",
  fn={"adductors": "Hold the thighs out in the frog position",
      "rectus-abdominis": "Curl the trunk up with the legs unable to help"},
  why={"mechanic": FLEX}, mech="i")
E("frog-stand", "plank", "bodyweight", "B", "M",
  "Balancing on the hands with the knees on the elbows: a first arm-balance skill",
  m="P shoulders | S triceps forearms | St abdominals chest",
  fn={"shoulders": "Hold the body's weight forward over the hands",
      "triceps": "Hold the elbows bent as a shelf for the knees",
      "forearms": "Balance the body with the fingers",
      "chest": "Hold the body up on the arms"},
  why={"pattern": "A held balance on the hands: the trunk holds still",
       "mechanic": "An isometric hold: no joint moves"})
E("front-box-jump", "jump", "bodyweight plyo-box", "B", "L",
  "A jump onto a box from a short squat: a basic plyometric drill",
  kind="P", why={"equipment": "A box to jump onto; the body's own weight is the load"})
E("front-cone-hops-or-hurdle-hops", "jump", "bodyweight cones", "B", "L",
  "Two-footed hops over low cones: a basic plyometric drill (hurdles make it moderate)",
  kind="P", why={"equipment": "Cones or small hurdles; the body's own weight"})
E("front-lever", "hang", "bodyweight pull-up-bar", "B", "H",
  "Holding the body horizontal face up under a bar: a gymnastic skill",
  m="P lats | S posterior-deltoid rectus-abdominis | St forearms glutes",
  fn={"lats": "Hold the straight arms down against the body's weight (shoulder extension)",
      "posterior-deltoid": "Assist shoulder extension",
      "rectus-abdominis": "Hold the body straight face up",
      "glutes": "Hold the hips extended"},
  why={"equipment": "A pull-up bar (or rings) to hang from; the body's own weight",
       "pattern": "A straight-arm hold under a bar: the shoulder extensors hold the body "
                  "(listed with the vertical pulls)"})
E("front-lever-tuck", "hang", "bodyweight pull-up-bar", "B", "H",
  "The tucked front lever: the first stage of a gymnastic skill",
  m="P lats | S posterior-deltoid biceps rectus-abdominis | St forearms",
  fn={"lats": "Hold the straight arms down against the tucked body (shoulder extension)",
      "posterior-deltoid": "Assist shoulder extension",
      "biceps": "The long head assists shoulder extension",
      "rectus-abdominis": "Hold the knees tucked and the back flat"},
  why={"pattern": "A straight-arm hold under a bar: the shoulder extensors hold the body "
                  "(listed with the vertical pulls)"})
E("front-raise-and-pullover", "front-raise", "barbell bench", "B", "L",
  "A straight-arm barbell arc from the thighs to behind the head lying on a bench: one joint",
  m="P lats chest | S anterior-deltoid triceps",
  fn={"lats": "Pull the bar back over from behind the head",
      "chest": "The sternal fibres assist the pullover",
      "anterior-deltoid": "Raise the bar from the thighs",
      "triceps": "The long head assists the pullover"},
  why={"equipment": "A barbell; a flat bench to lie on",
       "pattern": "Single-joint shoulder flexion and extension with straight arms"})
E("front-squats-with-two-kettlebells", "squat", "kettlebell", "B", "M",
  "Two bells in the rack position need a good rack and an upright trunk",
  m="P quadriceps glutes | S adductors | St erector-spinae middle-back abdominals",
  fn={"middle-back": "Keep the upper back upright under the front-racked bells"},
  why={"equipment": "Two kettlebells cleaned to the front rack"})
E("front-wood-chop", "rotation", "cable-station", "B", "L",
  "Assumed the cable wood chop (no steps given): cable-guided",
  m="P obliques | S rectus-abdominis | St shoulders",
  why={"equipment": "Assumed a cable station, as for the usual wood chop (the source "
                    "states none)", "laterality": "Both arms pull together; the sides are "
                    "trained set by set"})
E("full-sit-outs", "plank", "bodyweight", "A", "L",
  "From a high plank, turning to one side with a leg threaded under: easy",
  m="P obliques | S glutes | St shoulders rectus-abdominis",
  fn={"obliques": "Rotate the trunk from the plank to the side and back",
      "glutes": "Hold the hips up as they turn"},
  why={"mechanic": "The trunk and hips rotate while the supporting arm holds"}, mech="c")
E("gorilla-chin-crunch", "pulldown", "bodyweight pull-up-bar", "B", "M",
  "A chin-up with the knees curled to the chest in one move: full body weight on the arms",
  m="P lats rectus-abdominis | S biceps quadriceps | St forearms",
  fn={"lats": "Pull the body up to the bar",
      "rectus-abdominis": "Curl the knees toward the chest at the top",
      "quadriceps": "Flex the hips (the rectus femoris)"},
  why={"pattern": "The body is pulled up to a bar overhead"})
E("hamstring-kicks", "leg-raise", "bodyweight", "A", "L",
  "Swinging the straight leg up to the hand: a dynamic warm-up",
  kind="M", m="P hamstrings | S quadriceps | St abdominals",
  fn={"hamstrings": "Lengthen as the straight leg swings up (the drill's target)",
      "quadriceps": "Flex the hip to swing the leg (the rectus femoris)",
      "abdominals": "Keep the trunk upright"},
  why={"pattern": "A leg swing at the hip (listed as single-joint work)",
       "mechanic": "Only the hip moves"}, pat="Isolation", mech="i")
E("hand-grip", "grip", "hand-gripper", "U", "L",
  "Squeezing a spring hand gripper: simple",
  why={"equipment": "A spring hand gripper"})
E("handstand", "ohp", "bodyweight", "B", "H",
  "A free-standing handstand: a balance and strength skill",
  m="P shoulders | S triceps traps | St abdominals forearms",
  fn={"shoulders": "Hold the arms overhead under the whole body's weight",
      "triceps": "Hold the elbows locked", "traps": "Elevate the shoulder blades to stack them",
      "abdominals": "Hold the body in one line", "forearms": "Balance with the fingers"},
  why={"mechanic": "An isometric hold: no joint moves, the balance is the work",
       "pattern": "The body balanced on the hands, in line with the arms overhead"}, mech="i")
E("hanging-bar-good-morning", "swing", "barbell squat-rack", "B", "M",
  "A good morning from a bar hung in straps at the bottom: a hinge under a loaded bar",
  m="P hamstrings glutes | S adductors | St erector-spinae abdominals",
  fn={"hamstrings": "Extend the hips from the bent-over start",
      "glutes": "Extend the hips to stand up",
      "adductors": "Assist hip extension", "erector-spinae": "Hold the spine neutral"},
  why={"equipment": "A barbell hung from a rack by chains or straps",
       "mechanic": "The hips move with the knees soft while the spine carries the bar",
       "pattern": "The hips flex and extend while the spine stays neutral and the knees stay "
                  "soft"})
E("heavy-bag-thrust", "pushup", "heavy-bag", "U", "L",
  "Pushing a heavy bag hard with one arm and a twist: a simple power drill",
  kind="P", m="P chest obliques | S triceps anterior-deltoid | St rectus-abdominis",
  fn={"obliques": "Rotate the trunk to drive the push", "chest": "Push the bag away"},
  why={"equipment": "A heavy (punching) bag",
       "pattern": "The bag is pushed away from the chest"})
E("heel-touches", "oblique-crunch", "bodyweight", "A", "L",
  "Side-bending to touch each heel with the shoulders raised: easy",
  m="P obliques | S rectus-abdominis",
  fn={"obliques": "Side-bend the trunk to reach each heel in turn",
      "rectus-abdominis": "Hold the shoulders off the floor"})
E("hercules-pillars", "lateral-raise", "cable-station", "B", "L",
  "Holding two cable handles out to the sides for time: cables, nothing to balance",
  m="P lats lateral-deltoid | S biceps | St forearms abdominals",
  fn={"lats": "Keep the arms from being pulled up and out by the cables",
      "lateral-deltoid": "Hold the arms at shoulder height",
      "biceps": "Hold the elbows slightly bent", "forearms": "Grip the handles"},
  why={"mechanic": "An isometric hold of the shoulders",
       "pattern": "The shoulders hold the arms against the two cables"})
E("high-cable-cross-tricep-extention-nb", "triceps-ext", "cable-station", "B", "L",
  "Crossed cables from high pulleys extended out: cable-guided",
  why={"equipment": "A cable station with both high pulleys"})
E("high-knee-jumps", "jump", "bodyweight", "B", "L",
  "A two-footed jump in place tucking the knees (the table's basic plyometrics): no box, "
  "drop, load or single leg",
  kind="P", m="P quadriceps glutes | S calves rectus-abdominis",
  fn={"rectus-abdominis": "Curl the pelvis up to tuck the knees in the air"})
E("high-pull-wger-1187", "pulldown", "cable-station", "B", "L",
  "A cable pull-down from a high pulley (\"high pull down on cable\"): cable-guided",
  why={"equipment": "A cable station's high pulley"})
NOT_REVIEWED["hip-crossover"] = "no steps (\"view the video\"), a name open to several drills"
E("hip-flexion-with-band", "leg-raise", "resistance-band", "U", "L",
  "Raising the knee against a band on the ankle: simple",
  m="P quadriceps | St abdominals",
  fn={"quadriceps": "Flex the hip to raise the knee against the band (the rectus femoris; "
                    "the iliopsoas is not in the muscle catalogue)",
      "abdominals": "Keep the trunk upright"},
  why={"pattern": "Single-joint hip flexion", "mechanic": "Only the hip moves",
       "equipment": "A resistance band from a low anchor to the ankle"},
  pat="Isolation", mech="i")
E("horizontal-traction-isometry", "pulldown", "bodyweight pull-up-bar", "B", "M",
  "Holding the top of a pull-up for time: the whole body weight on the arms",
  m="P lats biceps | S middle-back | St forearms",
  fn={"lats": "Hold the body up at the bar (isometric)",
      "biceps": "Hold the elbows bent (isometric)"},
  why={"mechanic": "An isometric hold of the pull-up's top", "pattern":
       "The body is held pulled up to a bar overhead"})
E("horse-stance-side-splits", "squat", "bodyweight", "B", "L",
  "A deep, wide bodyweight squat held briefly: no load",
  m="P quadriceps glutes adductors | St abdominals erector-spinae",
  fn={"adductors": "Extend the hips from the wide, deep stance where they are stretched"})
E("hurdle-hops", "jump", "bodyweight hurdles", "B", "M",
  "Repeated two-footed jumps over hurdles: needs a base of jumping",
  kind="P", why={"equipment": "Small hurdles; the body's own weight"})
E("hyper-y-w-combo", "back-ext", "hyperextension-bench weight-plate", "B", "L",
  "A back extension on a bench with light Y and W arm raises: learnt in a session",
  m="P erector-spinae middle-back | S lateral-deltoid posterior-deltoid traps glutes",
  fn={"middle-back": "Retract the shoulder blades in the W",
      "lateral-deltoid": "Raise the arms overhead in the Y",
      "posterior-deltoid": "Pull the elbows back in the W",
      "traps": "Upwardly rotate and depress the shoulder blades in the Y",
      "erector-spinae": "Extend the spine to raise the torso",
      "glutes": "Extend the hips"},
  why={"equipment": "A glute-ham or 45-degree bench (or a stability ball); a light plate in "
                    "each hand"})
E("incline-bench-pull", "row", "dumbbell incline-bench", "B", "L",
  "A chest-supported dumbbell row with the elbows flared: the bench holds the body",
  m="P middle-back posterior-deltoid | S lats biceps traps",
  fn={"middle-back": "Retract the shoulder blades", "traps": "Assist retraction",
      "posterior-deltoid": "Pull the flared elbows up and back"},
  why={"equipment": "Two dumbbells (the steps), not a barbell; an incline bench to lie on"})
E("incline-crunches", "crunch", "incline-bench", "B", "L",
  "A crunch on an inclined bench with the feet held: simple",
  m="P rectus-abdominis | S obliques quadriceps",
  fn={"quadriceps": "Flex the hips as the trunk rolls up to the knees"},
  why={"equipment": "An inclined (decline-set) bench with the feet fixed",
       "mechanic": FLEX_HIP}, mech="c")
E("incline-db-y-raise", "lateral-raise", "dumbbell incline-bench", "B", "L",
  "Raising dumbbells in a Y lying chest-down on an incline: light and single joint",
  m="P lateral-deltoid traps | S anterior-deltoid",
  fn={"traps": "The lower fibres upwardly rotate and depress the shoulder blades",
      "lateral-deltoid": "Raise the arms in a Y overhead",
      "anterior-deltoid": "Assist the raise"},
  why={"equipment": "Two dumbbells; an incline bench to lie chest-down on"})
E("incline-push-up-depth-jump", "pushup", "bodyweight plyo-box", "B", "H",
  "Feet on a box, dropping the hands from steps to the floor and exploding back: ballistic",
  kind="P", fn={"chest": "Absorb the drop and push the body back up explosively"},
  why={"equipment": "A box for the feet and two steps or mats for the hands; the body's "
                    "own weight"})
E("incline-shoulder-press-up", "rollout", "bench bodyweight", "B", "L",
  "A push-up position on a bench moving only the shoulder blades: simple",
  m="P chest | S middle-back | St triceps abdominals",
  fn={"chest": "The serratus anterior (filed under the chest) pushes the shoulder blades apart",
      "middle-back": "Control the shoulder blades back together"},
  why={"mechanic": "Only the shoulder blades move; the elbows stay straight",
       "pattern": "Single-joint protraction and retraction of the shoulder blades",
       "equipment": "A bench for the hands; the body's own weight"},
  pat="Isolation", mech="i")
E("incline-skull-crush", "triceps-ext", "dumbbell incline-bench", "B", "L",
  "A dumbbell lying extension on a 45-degree bench: single joint",
  why={"equipment": "Dumbbells; an incline bench"})
E("incline-static-hold", "bench", "dumbbell incline-bench", "B", "L",
  "Holding dumbbells at the midpoint of an incline press: no movement to learn",
  m="P chest | S anterior-deltoid triceps",
  fn={"chest": "Hold the dumbbells half-pressed (isometric)",
      "anterior-deltoid": "Hold the shoulders flexed", "triceps": "Hold the elbows half bent"},
  why={"equipment": "Two dumbbells; an incline bench",
       "mechanic": "An isometric hold at the midpoint of a press"})
E("internal-rotation-with-band", "rotator", "resistance-band", "U", "L",
  "Standing internal rotation against a band with the elbow at the side: single joint",
  fn={"shoulders": "Rotate the upper arm inward (subscapularis)"},
  m="P shoulders | S chest",
  why={"equipment": "A resistance band anchored at elbow height"})
E("iron-cross", "squat", "dumbbell", "B", "M",
  "Assumed free-exercise-db's Iron Cross (no steps stored): a squat while raising dumbbells "
  "in front and out to the sides; coordinating both takes practice",
  m="P quadriceps glutes anterior-deltoid lateral-deltoid | S traps | "
    "St erector-spinae abdominals",
  fn={"anterior-deltoid": "Raise the dumbbells in front to shoulder height",
      "lateral-deltoid": "Open the arms out to the sides into the cross",
      "traps": "Upwardly rotate the shoulder blades as the arms rise"},
  why={"equipment": "Two dumbbells",
       "mechanic": "Knees, hips and shoulders all move"})
E("isometria-trazioni-impugnatura-inversa", "pulldown", "bodyweight pull-up-bar", "B", "M",
  "Holding an underhand chin-up position (Italian): the whole body weight on the arms",
  m="P lats biceps | S middle-back | St forearms",
  fn={"lats": "Hold the body up at the bar (isometric)",
      "biceps": "Hold the elbows bent under the body's weight (isometric)"},
  why={"mechanic": "An isometric hold of the chin-up: no joint moves",
       "pattern": "The body held pulled up to a bar overhead"})
E("isometric-chest-squeezes", "fly", "bodyweight", "B", "L",
  "Pressing the palms together in front of the chest: nothing to learn",
  fn={"chest": "Squeeze the arms together against each other (isometric adduction)",
      "anterior-deltoid": "Hold the arms up in front"},
  why={"mechanic": "An isometric hold: no joint moves",
       "equipment": "No equipment: the hands press against each other"})
E("isometric-neck-exercise-front-and-back", "neck", "bodyweight", "B", "L",
  "Pushing the head against the hands without moving it: nothing to learn",
  fn={"neck": "Hold the head still against the hands' push forward and back (isometric)"},
  why={"equipment": "No equipment: the hands give the resistance"})
E("isometric-neck-exercise-sides", "neck", "bodyweight", "U", "L",
  "Pushing the head sideways against one hand without moving it: nothing to learn",
  fn={"neck": "Hold the head still against the hand's sideways push (isometric)"},
  why={"equipment": "No equipment: the hand gives the resistance"})
E("isometric-squat-to-failure", "squat", "bodyweight", "B", "L",
  "Holding a squat at one angle until the legs give out: no technique beyond the squat",
  m="P quadriceps glutes | St adductors abdominals erector-spinae",
  fn={"quadriceps": "Hold the knees bent against the body's weight (isometric)",
      "glutes": "Hold the hips at the set angle", "adductors": "Steady the hips"},
  why={"mechanic": "An isometric hold: the knees and hips hold one angle"}, mech="i")
E("isometric-wipers", "pushup", "bodyweight", "A", "M",
  "Shifting the body from arm to arm in a wide push-up: most of the weight on one arm",
  fn={"chest": "Lower the body toward one hand and push it across"},
  why={"laterality": "The body shifts to one arm, then the other, within one set"})
E("jalon-abierto-supino", "pulldown", "lat-pulldown-station", "B", "L",
  "A wide underhand lat pulldown (Spanish): the machine guides it",
  fn={"biceps": "Flex the elbows; the underhand grip gives them more of the pull"},
  why={"equipment": "A lat pulldown station with a long bar held underhand"})
E("jalon-en-banco-inclinado", "pulldown", "cable-station incline-bench", "B", "L",
  "Assumed a cable pulldown lying on an incline bench (Spanish; no steps): cable-guided",
  why={"equipment": "A cable station's high pulley; an incline bench to lie on (the source's "
                    "equipment)", "pattern": "The bar is pulled from above the head toward "
                    "the chest"})
E("jerk-balance", "jerk", "barbell squat-rack", "B", "H",
  "A split jerk's step-through under a bar overhead: part of the jerk's skill",
  kind="P", why={"equipment": "A barbell in the jerk rack, taken from a squat rack"})
E("jerk-dip-squat", "squat", "barbell squat-rack", "B", "M",
  "A short dip and drive under a racked bar with an upright trunk: a loaded bar to control",
  kind="P", m="P quadriceps | S glutes | St abdominals erector-spinae calves",
  fn={"quadriceps": "Bend and straighten the knees in the short dip",
      "glutes": "Assist the drive from the dip", "calves": "Hold the heels down in the dip"},
  why={"equipment": "A barbell in the front rack, taken from a squat rack",
       "pattern": "A quarter squat: knees and hips bend and straighten together"})
E("jerk-ol", "jerk", "barbell squat-rack", "B", "H",
  "The Olympic split jerk: a high skill", kind="P",
  why={"equipment": "A barbell in the front rack, from a squat rack (or cleaned)"})
E("kettlebell-figure-8", "plank", "kettlebell", "A", "L",
  "Passing a kettlebell around the legs in a figure 8 from a hinge: no ballistic part",
  m="P abdominals erector-spinae | S forearms | St hamstrings glutes",
  fn={"abdominals": "Hold the trunk still as the bell passes from hand to hand",
      "erector-spinae": "Hold the bent-over back flat", "forearms": "Grip and pass the bell",
      "hamstrings": "Hold the hips back in the hinge", "glutes": "Hold the hinge"},
  why={"mechanic": "The arms pass the bell while the hinged trunk holds still",
       "pattern": "The trunk holds still in a hinge while the load moves around it",
       "laterality": "The hands take turns passing the bell"})
E("kettlebell-pass-between-the-legs", "plank", "kettlebell", "A", "L",
  "Passing a kettlebell between the legs from a hinge: no ballistic part",
  m="P abdominals erector-spinae | S forearms | St hamstrings glutes",
  fn={"abdominals": "Hold the trunk still as the bell passes from hand to hand",
      "erector-spinae": "Hold the bent-over back flat", "forearms": "Grip and pass the bell",
      "hamstrings": "Hold the hips back in the hinge", "glutes": "Hold the hinge"},
  why={"mechanic": "The arms pass the bell while the hinged trunk holds still",
       "pattern": "The trunk holds still in a hinge while the load moves around it",
       "laterality": "The hands take turns passing the bell"})
E("kettlebell-pirate-ships", "rotation", "kettlebell", "A", "L",
  "Swinging a kettlebell side to side up to head height with a turn: light and simple",
  m="P obliques anterior-deltoid | S rectus-abdominis | St forearms",
  fn={"obliques": "Rotate the trunk to swing the bell to each side",
      "anterior-deltoid": "Raise the bell to head height on straight arms"},
  why={"equipment": "One kettlebell held in both hands",
       "laterality": "The bell swings to one side, then the other, within one set"})
TGU = ("P anterior-deltoid triceps quadriceps glutes | S obliques traps | "
       "St rectus-abdominis forearms")
TGU_FN = {"anterior-deltoid": "Hold the bell locked out above the shoulder throughout",
          "triceps": "Keep the elbow locked under the bell",
          "quadriceps": "Stand up from the kneeling or squat position",
          "glutes": "Bridge the hips up and extend them to stand",
          "obliques": "Roll the trunk up onto the elbow and hand",
          "traps": "Hold the shoulder blade set under the bell",
          "rectus-abdominis": "Curl the trunk up from the floor",
          "forearms": "Hold the wrist straight under the bell"}
E("kettlebell-turkish-get-up-lunge-style", "lunge", "kettlebell", "U", "M",
  "Standing up from lying with a bell locked out overhead, through a lunge: many steps to learn",
  m=TGU, fn=TGU_FN,
  why={"mechanic": "Hips, knees, trunk and shoulder move through the get-up",
       "pattern": "The rise finishes through a lunge: one leg does the knee and hip work",
       "equipment": "One kettlebell held overhead"})
E("kettlebell-turkish-get-up-squat-style", "squat", "kettlebell", "U", "M",
  "Standing up from lying with a bell locked out overhead, through a squat: many steps to "
  "learn and hip mobility", m=TGU, fn=TGU_FN,
  why={"mechanic": "Hips, knees, trunk and shoulder move through the get-up",
       "pattern": "The rise finishes through a squat from both feet",
       "equipment": "One kettlebell held overhead"})
E("kneeling-arm-drill", "rotator", "bodyweight", "A", "L",
  "Swinging the arms as in running, kneeling: a sprint technique drill",
  kind="M", m="P anterior-deltoid posterior-deltoid | St abdominals",
  fn={"anterior-deltoid": "Swing the arm forward", "posterior-deltoid": "Swing the arm back",
      "abdominals": "Keep the trunk from twisting with the arms"},
  why={"pattern": "A running arm swing at the shoulders (listed as single-joint work)",
       "mechanic": "Only the shoulders swing",
       "laterality": "The arms swing in turn, as in running"})
E("kneeling-cable-crunch-with-alternating-oblique-twists", "oblique-crunch", "cable-station",
  "A", "L", "A kneeling rope crunch turning to each side in turn: cable-guided",
  m="P rectus-abdominis obliques | St forearms",
  fn={"rectus-abdominis": "Curl the trunk down against the cable",
      "obliques": "Turn the crunch toward each knee in turn"},
  why={"equipment": "A cable station's high pulley with a rope"})
E("kneeling-cable-triceps-extension", "triceps-ext", "cable-station bench", "B", "L",
  "An overhead cable extension kneeling with the upper arms on a bench: cable-guided",
  why={"equipment": "A cable station's high pulley with a bar; a bench to rest the upper "
                    "arms on"})
E("kneeling-jump-squat", "jump", "barbell squat-rack", "B", "M",
  "Jumping from the knees to the feet with a bar on the back: a loaded, explosive hip drive",
  kind="P", m="P glutes quadriceps | S hamstrings | St erector-spinae abdominals",
  fn={"glutes": "Snap the hips forward to lift the body off the knees",
      "quadriceps": "Extend the knees to land in a squat and stand"},
  why={"equipment": "A barbell on the back from a squat (power) rack (or body weight only)",
       "pattern": "An explosive hip drive from the knees into a squat"})
E("kneeling-kickbacks", "hip-ext", "bodyweight", "A", "L",
  "On all fours, pushing one foot back: easy",
  m="P glutes | S hamstrings | St abdominals shoulders",
  fn={"shoulders": "Hold the body up on the hands"},
  why={"laterality": "The legs take turns within one set (its text)"})
E("kneeling-squat", "bridge", "barbell squat-rack", "B", "M",
  "Kneeling under a barbell and sitting the hips back to the heels: a loaded bar to balance",
  m="P glutes | S hamstrings | St erector-spinae abdominals",
  fn={"glutes": "Extend the hips to rise from the heels to upright kneeling"},
  why={"equipment": "A barbell on the back, taken from a power rack set low",
       "mechanic": "Only the hips move; the knees stay on the floor"})
E("kneeling-superman", "back-ext", "bodyweight", "U", "L",
  "On all fours, holding one leg back and the other arm forward: easy",
  m="P erector-spinae glutes | S anterior-deltoid | St abdominals",
  fn={"erector-spinae": "Hold the spine level as the arm and leg reach out (isometric)",
      "glutes": "Hold the raised leg extended", "anterior-deltoid": "Hold the arm forward"},
  why={"mechanic": "An isometric hold: the arm and leg are held out, no joint moves",
       "pattern": "The trunk holds still as the opposite arm and leg reach out"}, mech="i")
E("kong-curl", "curl", "dumbbell", "B", "L",
  "A pronated-grip dumbbell curl from a 45-degree start: single joint",
  fn={"biceps": "Flex the elbows with a pronated grip (the brachialis, filed under the biceps)",
      "forearms": "The brachioradialis flexes the elbow in the pronated grip"})
NOT_REVIEWED["kopfuber-gewichtaufheben"] = (
    "German \"upside-down weight lifting\" with a kettlebell, no steps: which movement it "
    "names cannot be told")
E("kreis-press-db", "ohp", "dumbbell incline-bench", "B", "L",
  "A circle from overhead down and out in front on a 45-degree bench: light dumbbells, a "
  "path each arm sets", m="P anterior-deltoid | S chest lateral-deltoid triceps",
  fn={"anterior-deltoid": "Flex the shoulders to lift the dumbbells through the circle",
      "chest": "Adduct the arms to bring the dumbbells together in front",
      "lateral-deltoid": "Abduct the shoulders in the press"},
  why={"equipment": "Two dumbbells; an incline bench at 45 degrees"})
E("l-hold", "plank", "bodyweight", "B", "M",
  "Holding the L on the hands with straight legs level: a first gymnastic hold",
  m="P abdominals | S quadriceps | St triceps shoulders",
  fn={"abdominals": "Hold the pelvis curled and the trunk rigid with the legs out front",
      "quadriceps": "Hold the straight legs up by flexing the hips (the rectus femoris)",
      "triceps": "Hold the elbows locked", "shoulders": "Push down to lift the body"},
  why={"equipment": "No equipment (the floor, parallettes or bars): the body's own weight"})
E("l-sit-foot-supported", "plank", "bodyweight", "B", "L",
  "An L-sit with the heels on the floor: a short, easy hold",
  m="P abdominals | S quadriceps | St triceps shoulders",
  fn={"abdominals": "Hold the pelvis curled with part of the legs' weight on the heels",
      "quadriceps": "Hold the hips flexed (the rectus femoris)",
      "triceps": "Hold the elbows locked", "shoulders": "Push down to lift the hips"})
E("landmine-linear-jammer", "jerk", "barbell landmine", "B", "M",
  "A landmine push press from a quarter squat: the bar's arc is fixed",
  kind="P", m="P anterior-deltoid triceps quadriceps glutes | S chest | St abdominals",
  fn={"anterior-deltoid": "Drive the bar up and forward", "chest": "Assist the upward press",
      "triceps": "Extend the elbows to finish"},
  why={"equipment": "A barbell in a landmine with a handle attachment",
       "pattern": "A dip and drive pressing the bar up and forward: a vertical push"})
E("lateral-bound", "bound", "bodyweight", "A", "M",
  "Bounding sideways from leg to leg for distance: single-leg landings",
  kind="P", m="P glutes quadriceps adductors abductors | S calves | St abdominals",
  fn={"adductors": "Push the body away sideways and absorb the landing",
      "abductors": "Drive the push-off sideways and hold the pelvis on landing"})
E("lateral-box-jump", "jump", "bodyweight plyo-box", "B", "M",
  "Jumping sideways over a short box with the knees high: needs a base of jumping",
  kind="P", m="P quadriceps glutes | S calves adductors abductors | St abdominals",
  fn={"adductors": "Steady the knees on the sideways landing",
      "abductors": "Drive the sideways take-off"},
  why={"equipment": "A short box to jump over; the body's own weight"})
E("lateral-cone-hops", "jump", "bodyweight cones", "B", "L",
  "Two-footed hops sideways over cones: a basic plyometric drill",
  kind="P", m="P quadriceps glutes | S calves adductors abductors | St abdominals",
  fn={"adductors": "Steady the knees on the sideways landing",
      "abductors": "Drive the sideways take-off"},
  why={"equipment": "A row of cones; the body's own weight"})
E("lateral-push-off", "bound", "bodyweight", "A", "M",
  "Skater hops from leg to leg, holding each landing: single-leg landings",
  kind="P", m="P glutes quadriceps | S calves abductors | St adductors abdominals",
  fn={"abductors": "Push off sideways and hold the pelvis on landing"})
E("lateral-rows-on-cable-one-armed", "rear-fly", "cable-station", "U", "L",
  "One hand moves from across the belly out to the side against a waist-high cable",
  m="P posterior-deltoid | S middle-back lateral-deltoid",
  fn={"lateral-deltoid": "Assist moving the arm out to the side"},
  why={"equipment": "A cable station's pulley at waist height"})
E("leg-lift", "hip-ext", "bodyweight", "U", "L",
  "Standing and lifting one leg back, holding a support: easy",
  why={"equipment": "No equipment (a support to hold; an ankle weight optional)"})
E("leg-over-floor-press", "bench", "kettlebell", "U", "L",
  "A one-arm kettlebell floor press with the working leg crossed over: the floor stops the "
  "elbow", m="P chest | S triceps anterior-deltoid | St obliques",
  fn={"obliques": "Keep the body from rolling toward the bell"},
  why={"equipment": "One kettlebell held by the handle; the floor"})

# ------------------------------------------------------------------------------------------------
FAMILIES = (FAMILY,)


def main(argv: list[str]) -> int:
    """Write the family files; ``--check``: only report those that differ (exit 1)."""
    return write_or_check(list(FAMILIES), ROOT, "scripts/reviewed/general_a.py", argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
