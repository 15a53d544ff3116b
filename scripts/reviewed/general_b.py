"""The reviewed reference layer for the rest of the strength and power exercises, second half
(issue 22): the imported exercises from "leg-pull-in" to "zottman-preacher-curl" that no other
family file reviews. Run ``python scripts/reviewed/general_b.py`` to write
data/reviewed/general-b-{trunk,upper,lower,power,other}.ttl from these tables (``--check``
exits 1 when a file differs from what the tables give).

Each ``add`` is one exercise, as in scripts/reviewed/lower.py (see scripts/reviewed/writer.py for
the arguments): equipment kinds, laterality (B/U/A), mechanic (c/i), movement pattern, difficulty
(L/M/H), muscles by role ("P ... | S ... | St ...") and the difficulty's reason. The muscle
functions come from :data:`FN` unless given; the pattern and mechanic reasons from
:data:`PATTERN_WHY` and :data:`MECHANIC_WHY` unless given. The rules that decide each field are
in docs/reviewed-layer.md; the upper-body muscles follow scripts/reviewed_upper.py (the deltoid's
three heads named, every other muscle its free-exercise-db group).

Exercises of the list that are not reviewed here, with the reason, are in :data:`NOT_REVIEWED`
(tests/integration/data/test_reviewed_layer.py reads it).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import writer
from writer import Family, write_or_check

ROOT = Path(__file__).resolve().parents[2]
NOTE = ("Facts written for exgraph from established anatomy and training knowledge, checked "
        "field by field against the rules of docs/reviewed-layer.md; they take precedence over "
        "the imported datasets.")

#: What each muscle does when the exercise's entry does not say otherwise.
FN: dict[str, str] = {
    # trunk
    "abdominals": "Brace the whole abdominal wall to keep the trunk from bending or sagging",
    "rectus-abdominis": "Flex the spine: curl the ribs toward the pelvis",
    "obliques": "Rotate or side-bend the trunk, or resist being rotated or bent sideways",
    "transversus-abdominis": "Draw the abdominal wall in and tighten it around the spine",
    "erector-spinae": "Hold the spine neutral",
    # legs
    "quadriceps": "Extend the knees",
    "glutes": "Extend the hips",
    "hamstrings": "Assist hip extension and steady the knees",
    "adductors": "Assist hip extension from the flexed hip and steady the thighs",
    "abductors": "Hold the pelvis level over the standing leg",
    "calves": "Extend the ankles in the push-off",
    # upper body
    "chest": "Horizontally adducts and flexes the upper arms",
    "anterior-deltoid": "Flexes the shoulders",
    "lateral-deltoid": "Abducts the upper arms out to the sides",
    "posterior-deltoid": "Extends and horizontally abducts the upper arms",
    "shoulders": "Hold the upper arms in place",
    "triceps": "Extend the elbows",
    "biceps": "Flex the elbows",
    "forearms": "Hold the grip",
    "lats": "Pull the upper arms down and back to the trunk",
    "middle-back": "Retract the shoulder blades",
    "traps": "Elevate and upwardly rotate the shoulder blades",
    "neck": "Move the head against the resistance",
    "serratus-anterior": "Protract the shoulder blades and hold them on the ribs",
}

PATTERN_WHY = dict(writer.PATTERN_WHY) | {
    "HorizontalPush": "The load is pressed away from the chest, perpendicular to the torso",
    "VerticalPush": "The load is pressed overhead, in line with the torso",
    "HorizontalPull": "The load is pulled toward the torso, perpendicular to it",
    "VerticalPull": "The body or the load is pulled from overhead, in line with the torso",
    "Isolation": "A single joint action does the work",
}
MECHANIC_WHY = {
    "c": "More than one joint moves under load",
    "i": "One joint action does the work",
}

trunk = Family("general-b-trunk", "Reviewed reference: trunk and core (second half)",
               "Crunches, sit-ups, leg raises, planks, twists, side bends and trunk holds of the "
               "imported exercises not reviewed elsewhere. " + NOTE, FN,
               generator="scripts/reviewed/general_b.py")
upper = Family("general-b-upper", "Reviewed reference: upper body (second half)",
               "Presses, rows, pull-ups, raises, curls, extensions, rotator-cuff, neck and grip "
               "work of the imported exercises not reviewed elsewhere. " + NOTE, FN,
               generator="scripts/reviewed/general_b.py")
lower = Family("general-b-lower", "Reviewed reference: lower body (second half)",
               "Squats, hinges, lunges, bridges and leg isolation of the imported exercises not "
               "reviewed elsewhere. " + NOTE, FN, generator="scripts/reviewed/general_b.py")
power = Family("general-b-power", "Reviewed reference: power (second half)",
               "Jumps, hops, throws, slams, sprint drills and Olympic and kettlebell lifts of the "
               "imported exercises not reviewed elsewhere. " + NOTE, FN,
               generator="scripts/reviewed/general_b.py")
other = Family("general-b-other", "Reviewed reference: not strength work (second half)",
               "Imported exercises filed as strength or power that are stretches, mobility "
               "drills or conditioning: their kind and facts. " + NOTE, FN,
               generator="scripts/reviewed/general_b.py")


#: Members of a muscle group (data/muscles.ttl's skos:broader): never listed beside it.
GROUP_OF = {"gluteus-maximus": "glutes", "gluteus-medius": "glutes",
            "biceps-femoris": "hamstrings", "semitendinosus": "hamstrings",
            "semimembranosus": "hamstrings", "rectus-abdominis": "abdominals",
            "obliques": "abdominals", "transversus-abdominis": "abdominals",
            "anterior-deltoid": "shoulders", "lateral-deltoid": "shoulders",
            "posterior-deltoid": "shoulders", "pectoralis-major": "chest",
            "serratus-anterior": "chest", "brachialis": "biceps", "gastrocnemius": "calves",
            "soleus": "calves", "rhomboids": "middle-back"}


CONFLICTS: list[str] = []


def _adder(family: Family):  # type: ignore[no-untyped-def]
    def add(slug: str, eq: str, lat: str, mech: str, pat: str, diff: str, m: str, d: str,
            *, kind: str = "S", fn: dict[str, str] | None = None,
            why: dict[str, str] | None = None, mw: str = "", pw: str = "",
            ew: str = "", lw: str = "") -> None:
        """``mw``/``pw``/``ew``/``lw``: the mechanic, pattern, equipment and laterality reasons
        (shorthands for ``why``)."""
        reasons = dict(why or {})
        for key, text in (("mechanic", mw), ("pattern", pw), ("equipment", ew),
                          ("laterality", lw)):
            if text:
                reasons[key] = text
        reasons.setdefault("pattern", PATTERN_WHY[pat])
        if "mechanic" not in reasons and not (mech == "c" and pat in writer.MECHANIC_WHY):
            reasons["mechanic"] = MECHANIC_WHY[mech]
        names = m.replace("|", " ").split()
        both = [n for n in names if GROUP_OF.get(n) in names]
        if both:
            CONFLICTS.append(f"{slug}: {both}")
        family.add(slug, eq, lat, mech, pat, diff, m, d, kind=kind, fn=fn, why=reasons)
    return add


T, U, L, P, N = (_adder(f) for f in (trunk, upper, lower, power, other))

#: Shared reasons.
FLEX = "Only the spine flexes; the hips stay still"
FLEX_HIP = "The hips flex and the spine curls: two joint actions"
HOLD = "An isometric hold: the body resists one force and no joint moves"
#: Dips and their holds share one pattern (issue 23, data6): a coach programs a support hold as
#: the first step of the dip and swaps one for the other, and the dip family is listed with the
#: horizontal pushes, as the decline press is (reviewed_upper.py's "dip" archetype): the chest,
#: triceps and front deltoids hold the body up at the top of the press. VerticalPush is overhead
#: pressing, which a hold at the bottom of the arms' reach is not.
DIP_HOLD_PATTERN = ("The top of a dip held: the dip's pattern (dips are listed with the "
                    "horizontal pushes, as the decline press is), not an overhead press")
ROT = "The trunk rotates while the hips and legs stay still"
DELT_RAISE = "Only the shoulder moves; the elbow holds a slight bend"
CURL = "Only the elbow flexes; the upper arm stays still"
EXTEND = "Only the elbow extends; the upper arm stays still"
PLYO = "Plyometric: a fast stretch and rebound through ankles, knees and hips"

#: Merged by issue 22's duplicate pass (facts3, data/merges.tsv) and reviewed once, on the
#: canonical node in another file: shoulder-external-rotation-cable (external-rotation-with-cable),
#: shoulder-internal-rotation-cable (cable-internal-rotation), snatch-ol (snatch); and (facts5,
#: named only in Spanish) flexion-lateral (dumbbell-side-bend); (issue 23, data7) seated-bench-press
#: (machine-bench-press), squats-on-multipress (smith-machine-squat).

#: Exercises of the list left unreviewed, with the reason
#: (tests/integration/data/test_reviewed_layer.py).
NOT_REVIEWED: dict[str, str] = {
    "machine-back-extension": "Its reference guide article (data/articles/) is its reviewed "
                              "source; the layer does not restate it (docs/reviewed-layer.md)",
    "smith-machine-reverse-calf-raises": "Despite the name a dorsiflexion drill (toes raised "
                                         "off a platform): the tibialis anterior, which the "
                                         "muscle catalogue lacks",
    "respiracion-profunda-de-pie-o-sentado": "A breathing drill (deep breathing, standing or "
                                             "seated): no activity kind and no muscle of the "
                                             "catalogue (the diaphragm) fit it",
    "upper-back": "Too vague to judge: a name, no movement and no equipment (its text names "
                  "only muscles)",
    "tibialis-raises": "A dorsiflexion drill for the tibialis anterior, which the muscle "
                       "catalogue lacks (docs/reviewed-layer.md)",
}

# --- batch 1: leg-pull-in ... side-dumbbell-trunk-flexion -------------------------------------

T("leg-pull-in", "bodyweight", "B", "c", "TrunkStability", "L",
  "P rectus-abdominis | S quadriceps",
  "Lying on the floor pulling the knees to the chest: easy",
  fn={"rectus-abdominis": "Curl the pelvis up as the knees come in",
      "quadriceps": "Flex the hips to pull the knees in (the rectus femoris; the iliopsoas is "
                    "not in the catalogue)"}, mw=FLEX_HIP)
T("leg-raise", "bodyweight", "B", "c", "TrunkStability", "L",
  "P rectus-abdominis | S quadriceps | St obliques",
  "Lying leg raises: no setup, easy to learn",
  fn={"rectus-abdominis": "Hold the lower back down and curl the pelvis as the legs rise",
      "quadriceps": "Flex the hips to lift the straight legs (the rectus femoris; the iliopsoas, "
                    "the main hip flexor, is not in the catalogue)",
      "obliques": "Hold the pelvis and trunk still"}, mw=FLEX_HIP)
T("leg-raises-pull-up-bar", "bodyweight pull-up-bar", "B", "c", "TrunkStability", "M",
  "P rectus-abdominis | S quadriceps obliques | St forearms lats",
  "Hanging without swinging and lifting straight legs to 90 degrees needs grip and control",
  fn={"rectus-abdominis": "Curl the pelvis up as the legs rise (posterior pelvic tilt)",
      "quadriceps": "Flex the hips to lift the straight legs (the rectus femoris)",
      "obliques": "Assist the pelvic curl and steady the swing",
      "lats": "Hold the body still under the bar"}, mw=FLEX_HIP)
T("leg-raises-standing", "bodyweight dip-station", "B", "c", "TrunkStability", "L",
  "P rectus-abdominis | S quadriceps obliques | St shoulders triceps",
  "Forearms on the pads of a captain's chair, the back supported: easier than hanging",
  fn={"rectus-abdominis": "Curl the pelvis up as the legs rise",
      "quadriceps": "Flex the hips to lift the legs (the rectus femoris)",
      "obliques": "Assist the pelvic curl",
      "shoulders": "Hold the body up on the forearm pads",
      "triceps": "Hold the arms pressed into the pads"}, mw=FLEX_HIP,
  ew="A captain's chair (the 'leg raise machine' of its description): forearm pads and a back "
     "pad on a dip-station frame; the body's weight is the load")
T("leg-wheel", "bodyweight", "B", "c", "TrunkStability", "L",
  "P rectus-abdominis | S quadriceps obliques",
  "Lying on the back drawing small circles with the raised knees: easy",
  fn={"rectus-abdominis": "Hold the lower back on the floor against the moving legs",
      "quadriceps": "Hold the hips flexed and circle the legs (the rectus femoris)",
      "obliques": "Steady the pelvis as the knees circle"},
  mw="The hips circle the legs while the trunk holds still")
T("levitation-crunch", "bodyweight", "B", "i", "TrunkStability", "L",
  "P rectus-abdominis | S obliques",
  "A crunch with a pause at the top: simple",
  fn={"obliques": "Assist spinal flexion"}, mw=FLEX)
U("london-bridges", "bodyweight climbing-rope", "B", "c", "HorizontalPull", "H",
  "P lats middle-back | S biceps posterior-deltoid | St forearms abdominals glutes",
  "Walking hand over hand down and up a hanging rope with a rigid body: grip, strength and "
  "balance on a raised bar",
  fn={"lats": "Pull the body up toward the rope hand over hand",
      "middle-back": "Retract the shoulder blades to pull the body in",
      "posterior-deltoid": "Extend the upper arms in each pull",
      "abdominals": "Hold the body straight from head to heels",
      "glutes": "Hold the hips extended in line with the trunk"},
  ew="A climbing rope hung from a beam, with the feet on a locked Smith bar or a box; the "
     "body's weight is the load",
  pw="Leaning back from the rope, the body is pulled toward the hands: an inverted row on a rope")
U("long-pulley-narrow", "seated-cable-row-station", "B", "c", "HorizontalPull", "L",
  "P lats middle-back | S biceps posterior-deltoid | St erector-spinae forearms",
  "A seated cable row: the station guides the path",
  fn={"lats": "Pull the upper arms back to the sides with the close grip",
      "erector-spinae": "Hold the trunk upright"},
  mw="Shoulders and elbows both move: a multi-joint pull")
L("lower-back-extensions", "bodyweight hyperextension-bench", "B", "i", "HipHinge", "L",
  "P glutes hamstrings | St erector-spinae",
  "A back extension on a 45-degree bench, the body's weight as the load: easy to learn",
  fn={"glutes": "Extend the hips to raise the trunk",
      "hamstrings": "Extend the hips from the bottom",
      "erector-spinae": "Hold the spine neutral as the trunk rises"},
  mw="Only the hips move over the pad; the spine holds neutral",
  ew="A 45-degree hyperextension bench (wger names none; a back extension needs one); the "
     "body's weight is the load")
U("lying-bicep-curl", "dumbbell bench", "B", "i", "Isolation", "L",
  "P biceps | St forearms",
  "A curl lying on a bench, the arms hanging: simple",
  fn={"biceps": "Flex the elbows from a stretched start, the arms hanging behind the trunk"},
  mw=CURL, pw="Single-joint elbow flexion")
U("lying-dumbbell-curls", "dumbbell bench", "B", "i", "Isolation", "L",
  "P biceps | St forearms",
  "A curl lying on a bench, the arms hanging: simple",
  fn={"biceps": "Flex the elbows from a stretched start, the arms hanging behind the trunk"},
  mw=CURL, pw="Single-joint elbow flexion")
U("lying-dumbbell-row-ss-seated-shrug", "dumbbell incline-bench", "B", "c", "HorizontalPull",
  "L", "P middle-back lats | S biceps posterior-deltoid traps",
  "A chest-supported row then a seated shrug: the bench holds the trunk",
  fn={"middle-back": "Retract the shoulder blades in the row",
      "lats": "Pull the upper arms back in the row",
      "traps": "Elevate the shoulders in the superset's shrug"},
  mw="Shoulders and elbows move in the row, the shoulder blades in the shrug",
  ew="Dumbbells; a bench at a slight incline to lie on face down (its description)")
U("lying-face-down-plate-neck-resistance", "weight-plate bench", "B", "i", "Isolation", "M",
  "P neck | St traps",
  "Loading the neck with a plate needs care and a light start",
  fn={"neck": "Extend the neck to raise the head against the plate",
      "traps": "Hold the shoulders set on the bench"},
  mw="Only the neck moves (extension)", pw="Single-joint neck extension",
  ew="A weight plate held on the back of the head; a flat bench to lie on")
U("lying-face-up-plate-neck-resistance", "weight-plate bench", "B", "i", "Isolation", "M",
  "P neck | St abdominals",
  "Loading the neck with a plate needs care and a light start",
  fn={"neck": "Flex the neck to raise the head against the plate",
      "abdominals": "Hold the trunk still on the bench"},
  mw="Only the neck moves (flexion)", pw="Single-joint neck flexion",
  ew="A weight plate held on the forehead; a flat bench to lie on")
U("lying-rotator-cuff-exercise", "dumbbell", "U", "i", "Isolation", "L",
  "P shoulders",
  "A light side-lying rotation: simple",
  fn={"shoulders": "Rotate the upper arm (the rotator cuff: infraspinatus and teres minor, "
                   "which the catalogue files under the shoulders)"},
  mw="Only the shoulder rotates; the elbow stays at 90 degrees at the side",
  pw="Single-joint shoulder rotation", ew="One light dumbbell")
U("lying-supine-dumbbell-curl", "dumbbell bench", "B", "i", "Isolation", "L",
  "P biceps | St forearms",
  "A supinating curl lying on a bench: simple",
  fn={"biceps": "Flex the elbows and supinate the forearms from a stretched start"},
  mw=CURL, pw="Single-joint elbow flexion")
T("medicine-ball-booklet-crunch", "medicine-ball", "B", "c", "TrunkStability", "L",
  "P rectus-abdominis | S quadriceps obliques",
  "A V-up folding crunch holding a ball: simple",
  fn={"rectus-abdominis": "Flex the spine to fold the trunk and legs together",
      "quadriceps": "Flex the hips to bring the legs up (the rectus femoris)",
      "obliques": "Assist spinal flexion"}, mw=FLEX_HIP)
P("medicine-ball-chest-pass", "medicine-ball", "B", "c", "HorizontalPush", "L",
  "P chest triceps | S anterior-deltoid | St abdominals",
  "A two-hand chest throw to a partner or wall: simple",
  fn={"chest": "Drive the arms forward to throw the ball",
      "triceps": "Extend the elbows explosively",
      "abdominals": "Brace the trunk for the throw"}, kind="P",
  mw="Shoulders and elbows extend together in the throw")
T("medicine-ball-full-twist", "medicine-ball", "B", "c", "TrunkStability", "L",
  "P obliques | S rectus-abdominis | St glutes quadriceps",
  "Passing a ball back to back with a partner: easy to learn",
  fn={"obliques": "Rotate the trunk to pass and receive the ball",
      "rectus-abdominis": "Assist the trunk's rotation",
      "glutes": "Turn the hips with the trunk", "quadriceps": "Hold the knees soft"},
  kind="P", mw="The hips and trunk rotate together",
  ew="A medicine ball passed to a partner")
P("medicine-ball-scoop-throw", "medicine-ball", "B", "c", "Squat", "M",
  "P glutes quadriceps | S hamstrings anterior-deltoid erector-spinae calves",
  "A full-body triple extension released overhead: timing takes practice",
  fn={"glutes": "Extend the hips explosively to throw the ball",
      "quadriceps": "Extend the knees in the jump",
      "anterior-deltoid": "Swing the straight arms overhead",
      "erector-spinae": "Extend the trunk into the throw"}, kind="P",
  pw="Knees and hips extend from a semi-squat: a squat-pattern triple extension")
T("medicine-ball-twist", "medicine-ball", "A", "c", "TrunkStability", "L",
  "P obliques | S rectus-abdominis | St quadriceps",
  "Sitting back and turning side to side: easy",
  fn={"obliques": "Rotate the trunk from side to side",
      "rectus-abdominis": "Hold the trunk leaned back",
      "quadriceps": "Hold the hips flexed"},
  mw="The spine rotates while the hips hold the lean-back")
U("neck-press", "barbell bench squat-rack", "B", "c", "HorizontalPush", "M",
  "P chest | S anterior-deltoid triceps | St middle-back",
  "A bench press to the neck: a free bar path, unracking and a spotter needed",
  fn={"chest": "The upper fibres flex and adduct the flared upper arms to press",
      "triceps": "Extend the elbows to lock out",
      "middle-back": "Hold the shoulder blades pulled together"},
  mw="The shoulders and the elbows both move: a multi-joint press",
  ew="A barbell from a rack over a flat bench")
U("neutral-grip-pull-ups-or-trx-rows", "bodyweight pull-up-bar", "B", "c", "VerticalPull", "M",
  "P lats | S biceps middle-back | St forearms abdominals",
  "Pulling the whole body weight; the TRX row its description offers is the easier option",
  fn={"lats": "Pull the upper arms down to the sides",
      "middle-back": "Retract the shoulder blades"},
  mw="Shoulders and elbows both move: a multi-joint pull",
  ew="A pull-up bar with parallel handles (the pull-up the name puts first); the body's weight "
     "is the load")
T("oblique-crunches-on-the-floor", "bodyweight", "U", "i", "TrunkStability", "L",
  "P obliques | S rectus-abdominis",
  "A side-lying crunch: simple",
  fn={"obliques": "Bend the trunk sideways and up off the floor",
      "rectus-abdominis": "Assist the crunch"}, mw="Only the spine bends sideways")
U("one-arm-bent-row", "cable-station", "U", "c", "HorizontalPull", "L",
  "P lats middle-back | S biceps posterior-deltoid | St erector-spinae forearms",
  "A one-arm cable row bent over: the cable gives a steady line, the hinge needs holding",
  fn={"lats": "Pull the upper arm back to the side",
      "erector-spinae": "Hold the bent-over trunk still"},
  mw="Shoulder and elbow both move: a multi-joint pull",
  ew="A low pulley of a cable station with a single handle")
U("one-arm-floor-press", "barbell", "U", "c", "HorizontalPush", "H",
  "P chest triceps | S anterior-deltoid | St forearms obliques",
  "Balancing a whole barbell in one hand, handed over by a partner: hard to control",
  fn={"chest": "Press the upper arm up from the floor",
      "triceps": "Extend the elbow; the floor stops the press at the triceps' range",
      "forearms": "Hold the bar level in one hand",
      "obliques": "Keep the trunk from rolling toward the loaded side"},
  mw="The shoulder and the elbow both move: a multi-joint press",
  ew="A barbell held in one hand, lying on the floor")
P("one-arm-kettlebell-clean-and-jerk", "kettlebell", "U", "c", "HipHinge", "H",
  "P glutes quadriceps anterior-deltoid triceps | S hamstrings traps calves | St obliques "
  "forearms",
  "A clean and a jerk with one bell: two timed skills in one lift",
  fn={"glutes": "Extend the hips in the clean and the drive",
      "quadriceps": "Extend the knees in the dip and drive",
      "anterior-deltoid": "Punch the bell overhead",
      "triceps": "Lock the elbow out under the bell",
      "traps": "Pull the shoulder blades up as the bell rises",
      "obliques": "Hold the trunk upright against the one-sided load"}, kind="P",
  mw="Hips, knees, ankles, shoulder and elbow all move",
  pw="A combination of two compound lifts: the clean, which moves the bell from the floor, "
     "sets the pattern (a hinge), as for the barbell clean and jerk")
P("one-arm-kettlebell-jerk", "kettlebell", "U", "c", "VerticalPush", "H",
  "P quadriceps glutes anterior-deltoid triceps | S calves traps | St obliques",
  "The jerk's dip, drive and drop under the bell is a timed skill",
  fn={"quadriceps": "Extend the knees out of the dip to drive the bell",
      "glutes": "Extend the hips in the drive",
      "anterior-deltoid": "Punch the bell overhead",
      "triceps": "Lock the elbow out under the bell",
      "obliques": "Hold the trunk upright against the one-sided load"}, kind="P",
  mw="Knees, hips, ankles, shoulder and elbow all move")
# Strict overhead presses share one set of prime movers (issue 23, data6): the shoulder's
# flexors (and abductors where the elbow travels out to the side) are primary, the triceps that
# lock the load out secondary, as in the "ohp" archetype of reviewed_upper.py and the 41 other
# strict presses of the layer. Only where the legs drive the load up (push presses, jerks,
# jammers) is the arms' work the lockout, and the triceps stay primary there.
U("one-arm-kettlebell-para-press", "kettlebell", "U", "c", "VerticalPush", "M",
  "P anterior-deltoid lateral-deltoid | S triceps traps | St obliques",
  "A strict one-arm press with the elbow out: balance and a good rack",
  fn={"anterior-deltoid": "Flex the shoulder to press the bell up",
      "lateral-deltoid": "Abduct the upper arm, the elbow flared out to the side",
      "triceps": "Extend the elbow to lock out",
      "traps": "Upwardly rotate the shoulder blade overhead",
      "obliques": "Hold the trunk upright against the one-sided load"},
  mw="The shoulder and the elbow both move: a multi-joint press")
P("one-arm-kettlebell-split-jerk", "kettlebell", "U", "c", "VerticalPush", "H",
  "P quadriceps glutes anterior-deltoid triceps | S hamstrings calves | St obliques",
  "The jerk's drive and a split landing under the bell: a timed skill",
  fn={"quadriceps": "Extend the knees in the drive and stand up from the split",
      "glutes": "Extend the hips in the drive",
      "anterior-deltoid": "Punch the bell overhead",
      "triceps": "Lock the elbow out under the bell",
      "obliques": "Hold the trunk upright against the one-sided load"}, kind="P",
  mw="Knees, hips, ankles, shoulder and elbow all move")
P("one-arm-medicine-ball-slam", "medicine-ball", "U", "c", "VerticalPull", "L",
  "P lats rectus-abdominis | S triceps posterior-deltoid glutes quadriceps | St obliques",
  "Throwing a ball down hard: simple",
  fn={"lats": "Pull the arm down from overhead to throw",
      "quadriceps": "Extend the knees as the body rises to load the slam",
      "rectus-abdominis": "Flex the trunk into the slam",
      "posterior-deltoid": "Extend the shoulder with the lats",
      "glutes": "Extend the hips to load the slam",
      "obliques": "Resist the one-armed throw's twist"}, kind="P",
  mw="Shoulder, trunk and hips all flex into the throw",
  pw="The arm drives down from overhead: a vertical pull at speed")
U("one-arm-side-laterals", "dumbbell", "U", "i", "Isolation", "L",
  "P lateral-deltoid | S traps | St obliques",
  "A lateral raise holding a support with the other hand: simple",
  fn={"lateral-deltoid": "Abduct the upper arm out to the side",
      "traps": "Upwardly rotate the shoulder blade near the top",
      "obliques": "Hold the leaning trunk still"},
  mw=DELT_RAISE, pw="Single-joint shoulder abduction",
  ew="One dumbbell; any fixed support (an incline bench) for the free hand")
P("open-palm-kettlebell-clean", "kettlebell", "B", "c", "HipHinge", "H",
  "P glutes hamstrings | S quadriceps traps anterior-deltoid | St forearms abdominals",
  "Releasing and flipping a bell into the open palms is a skill of its own",
  fn={"glutes": "Extend the hips to pop the bell up",
      "hamstrings": "Extend the hips from the hinge",
      "quadriceps": "Extend the knees in the drive",
      "traps": "Pull the bell up as the hips finish",
      "anterior-deltoid": "Guide the bell and catch it",
      "forearms": "Catch the bell by the handle"}, kind="P")
T("otis-up", "weight-plate", "B", "c", "TrunkStability", "M",
  "P rectus-abdominis | S quadriceps anterior-deltoid triceps | St obliques",
  "A sit-up that presses a weight overhead at the top: coordination of two movements",
  fn={"rectus-abdominis": "Flex the spine to curl the trunk up",
      "quadriceps": "Flex the hips to finish the sit-up (the rectus femoris)",
      "anterior-deltoid": "Press the weight up overhead",
      "triceps": "Extend the elbows to lock the weight out",
      "obliques": "Assist the trunk flexion"},
  mw="The spine and hips flex while the arms press",
  ew="A weight (a plate) held at the chest; the feet anchored under something fixed")
U("overhand-cable-curl", "cable-station", "B", "i", "Isolation", "L",
  "P biceps forearms",
  "A high-cable curl toward the head: the cable guides the load",
  fn={"biceps": "Flex the elbows toward the head (the brachialis with the overhand grip)",
      "forearms": "Flex the elbows with the overhand grip (the brachioradialis)"},
  mw=CURL, pw="Single-joint elbow flexion",
  ew="A cable station's high pulleys, the hands at shoulder height")
P("overhead-slam", "medicine-ball", "B", "c", "VerticalPull", "L",
  "P lats rectus-abdominis | S triceps posterior-deltoid glutes",
  "Throwing a ball down hard: simple",
  fn={"lats": "Pull the arms down from overhead to throw",
      "rectus-abdominis": "Flex the trunk into the slam",
      "posterior-deltoid": "Extend the shoulders with the lats",
      "glutes": "Extend the hips to load the slam",
      }, kind="P",
  mw="Shoulders, trunk and hips all flex into the throw",
  pw="The arms drive down from overhead: a vertical pull at speed")
U("parallel-bar-hold", "bodyweight dip-station", "B", "i", "HorizontalPush", "L",
  "P triceps chest | S anterior-deltoid | St traps abdominals",
  "Holding the top of a dip: the first step toward dips",
  fn={"triceps": "Hold the elbows locked under the body",
      "chest": "Hold the body up (the lower fibres depress the shoulder girdle)",
      "anterior-deltoid": "Hold the shoulders",
      "traps": "Depress the shoulder blades (the lower fibres) to stay tall",
      "abdominals": "Hold the legs and trunk still"},
  mw=HOLD, pw=DIP_HOLD_PATTERN)
L("patada-de-burro-con-mancuerna", "dumbbell", "U", "i", "Isolation", "L",
  "P glutes | S hamstrings | St abdominals",
  "A donkey kick on all fours with a dumbbell behind the knee: simple",
  fn={"glutes": "Extend the hip to raise the bent leg",
      "hamstrings": "Assist hip extension and hold the dumbbell behind the knee",
      "abdominals": "Keep the lower back from arching"},
  mw="Only the hip moves, backward", pw="Single-joint hip extension",
  ew="One dumbbell held in the bend of the knee ('patada de burro con mancuerna': a dumbbell "
     "donkey kick)")
L("pause-hack-squats", "hack-squat-machine", "B", "c", "Squat", "L",
  "P quadriceps | S glutes adductors",
  "A machine guides the path; the pause adds no skill",
  fn={"quadriceps": "Extend the knees out of the paused bottom",
      "glutes": "Extend the hips", "adductors": "Assist hip extension from the bottom"})
L("pendular-hack", "machine", "B", "c", "Squat", "L",
  "P quadriceps glutes | S adductors",
  "A pendulum squat machine guides the arc: easy to learn",
  fn={"quadriceps": "Extend the knees along the pendulum's arc",
      "glutes": "Extend the hips out of the bottom",
      "adductors": "Assist hip extension from the bottom"},
  ew="A pendulum squat machine (no kind of the taxonomy names it)")
U("pin-presses", "barbell bench squat-rack", "B", "c", "HorizontalPush", "M",
  "P triceps chest | S anterior-deltoid | St middle-back lats",
  "A bench press from dead stop on the pins: setting the pins and a tight arch need care",
  fn={"triceps": "Extend the elbows from the pins, the partial range where they limit",
      "chest": "Flex and adduct the upper arms",
      "middle-back": "Hold the shoulder blades pulled together",
      "lats": "Hold the elbows tucked and steady the bar path"},
  mw="The shoulders and the elbows both move: a multi-joint press",
  ew="A barbell on the pins of a power rack, over a flat bench")
T("planche-de-cote-dynamique", "bodyweight", "U", "c", "TrunkStability", "M",
  "P obliques | S abductors | St shoulders rectus-abdominis",
  "A side plank that dips and lifts the hips: more than the static hold",
  fn={"obliques": "Bend the trunk sideways to lift the hips (a dynamic side plank)",
      "abductors": "Lift the hips with the lower leg's hip",
      "shoulders": "Hold the body on the forearm",
      "rectus-abdominis": "Keep the trunk from folding"},
  mw="The trunk bends sideways and the hip moves: two joints")
N("plank-jacks", "bodyweight", "B", "c", "TrunkStability", "L",
  "P abdominals | S abductors adductors | St shoulders chest triceps",
  "Jumping the feet in and out in a plank: simple",
  fn={"abdominals": "Hold the plank as the feet jump",
      "abductors": "Jump the feet apart", "adductors": "Jump the feet back together",
      "chest": "Hold the body up on straight arms",
      "triceps": "Hold the elbows straight"}, kind="C",
  mw="The hips open and close while the trunk holds the plank",
  pw="A plank held while the feet jump: the trunk's bracing is the pattern")
T("plank-reach", "bodyweight", "A", "i", "TrunkStability", "L",
  "P abdominals | St shoulders glutes",
  "A plank lifting one arm at a time: easy",
  fn={"abdominals": "Hold the plank and resist the trunk's rotation when a hand lifts",
      "shoulders": "Hold the body on the support arm and raise the reaching arm",
      "glutes": "Hold the hips in line"}, mw=HOLD)
U("plate-pinch", "weight-plate", "U", "i", "Isolation", "L",
  "P forearms",
  "Pinching two plates together and holding: simple",
  fn={"forearms": "Pinch the plates between fingers and thumb and hold (isometric)"},
  mw=HOLD, pw="An isometric pinch grip", ew="Two smooth-sided weight plates pinched together",
  lw="One hand holds, then the other (its description: switch arms)")
U("plate-pinch-hold", "weight-plate", "B", "i", "Isolation", "L",
  "P forearms",
  "Pinching plates and holding: simple",
  fn={"forearms": "Pinch the plates between fingers and thumb and hold (isometric); the "
                  "source's 'shoulders' does not apply"},
  mw=HOLD, pw="An isometric pinch grip", ew="Weight plates pinched between thumb and fingers")
P("plyo-kettlebell-pushups", "bodyweight kettlebell", "A", "c", "HorizontalPush", "H",
  "P chest triceps | S anterior-deltoid | St abdominals",
  "Pushing off explosively to switch hands across a kettlebell: a plyometric skill",
  fn={"chest": "Push the body up hard enough to leave the floor",
      "triceps": "Extend the elbows explosively",
      "abdominals": "Hold the body rigid in flight and landing"}, kind="P",
  mw="The shoulders and the elbows both move: a multi-joint press",
  ew="A kettlebell as a raised handhold; the body's weight is the load",
  lw="The hands switch sides of the kettlebell each rep")
P("power-jerk", "barbell squat-rack", "B", "c", "VerticalPush", "H",
  "P quadriceps glutes anterior-deltoid triceps | S calves traps | St abdominals "
  "erector-spinae",
  "An Olympic jerk: the dip, drive and catch are a skill of their own",
  fn={"quadriceps": "Extend the knees out of the dip to drive the bar",
      "glutes": "Extend the hips in the drive",
      "anterior-deltoid": "Push the bar up as the body drops under it",
      "triceps": "Lock the elbows out to receive the bar",
      "traps": "Upwardly rotate the shoulder blades overhead",
      "erector-spinae": "Hold the trunk upright in the dip"}, kind="P",
  mw="Knees, hips, ankles, shoulders and elbows all move",
  ew="A barbell taken from a rack on the front of the shoulders")
U("power-partials", "dumbbell", "B", "i", "Isolation", "L",
  "P lateral-deltoid | S traps",
  "A lateral raise: simple",
  fn={"lateral-deltoid": "Abduct the straight arms to shoulder height",
      "traps": "Steady and upwardly rotate the shoulder blades"},
  mw=DELT_RAISE, pw="Single-joint shoulder abduction")
L("power-stairs", "other", "B", "c", "HipHinge", "M",
  "P glutes hamstrings quadriceps | S adductors traps | St erector-spinae forearms "
  "abdominals",
  "A strongman event: swinging a heavy implement onto a stair needs timing and a strong "
  "hinge", fn={"glutes": "Extend the hips to swing the implement up",
              "hamstrings": "Extend the hips from the hinge",
              "quadriceps": "Extend the knees to lift and to push the implement onto the step",
              "traps": "Pull the implement up", "erector-spinae": "Hold the spine neutral",
              "forearms": "Grip the handles"},
  ew="A strongman implement with handles (the 'duck walk' or a loaded box) and a staircase "
     "or boxes 16-18 inches high")
U("preacher-curl-internally-rotated", "dumbbell preacher-bench", "U", "i", "Isolation", "L",
  "P biceps | S forearms",
  "A one-arm preacher curl: the pad fixes the arm",
  fn={"biceps": "Flex the elbow with the upper arm on the pad (the brachialis does more "
                "with the arm turned in)",
      "forearms": "Assist elbow flexion (the brachioradialis)"},
  mw=CURL, pw="Single-joint elbow flexion",
  ew="One dumbbell and a preacher bench (or the preacher curl machine its description allows)")
T("press-sit-up", "barbell decline-bench", "B", "c", "TrunkStability", "M",
  "P rectus-abdominis | S quadriceps anterior-deltoid triceps | St obliques",
  "A sit-up on a decline bench pressing a barbell overhead: coordinating two movements",
  fn={"rectus-abdominis": "Flex the spine to curl the trunk up",
      "quadriceps": "Flex the hips to finish the sit-up (the rectus femoris)",
      "anterior-deltoid": "Press the bar up overhead",
      "triceps": "Extend the elbows to lock the bar out",
      "obliques": "Assist the trunk flexion"},
  mw="The spine and hips flex while the arms press",
  ew="A barbell on the chest; an ab (decline) bench whose extension holds the legs")
L("prone-manual-hamstring", "bodyweight", "U", "i", "Isolation", "L",
  "P hamstrings | S calves",
  "A lying leg curl against a partner's hand: simple",
  fn={"hamstrings": "Flex the knee against the partner's resistance",
      "calves": "Assist knee flexion (the gastrocnemius crosses the knee)"},
  mw="Only the knee moves", pw="Single-joint knee flexion",
  ew="No equipment: a partner's hand gives the resistance")
U("prone-scapular-retraction-arms-at-side", "bodyweight", "B", "i", "Isolation", "L",
  "P middle-back | S posterior-deltoid traps",
  "Lying face down lifting the straight arms: easy",
  fn={"middle-back": "Retract the shoulder blades to lift the arms",
      "posterior-deltoid": "Horizontally abduct the straight arms",
      "traps": "Hold the shoulder blades together (the middle fibres)"},
  mw="One shoulder-girdle action: the shoulder blades retract and the straight arms rise with "
     "them",
  pw="A prone T raise against the arms' own weight: a posture drill for the shoulder blades, "
     "not a loaded row")
L("prowler-sprint", "sled", "A", "c", "Lunge", "L",
  "P quadriceps glutes | S calves hamstrings | St abdominals shoulders triceps chest",
  "Pushing a sled in short fast steps: simple, the load sets the effort",
  fn={"quadriceps": "Extend the knee of each driving leg",
      "glutes": "Extend the hip of each driving leg",
      "calves": "Push off through the ankles",
      "hamstrings": "Assist hip extension in each drive",
      "shoulders": "Hold the arms out against the handles",
      "triceps": "Hold the elbows straight", "chest": "Press the arms into the handles",
      "abdominals": "Hold the leaning trunk rigid"}, kind="P",
  pw="Alternating single-leg drives against the sled (docs/reviewed-layer.md: sled pushes are "
     "lunges)", lw="The legs drive in turn")
U("pull-over-polea-alta", "cable-station", "B", "i", "Isolation", "L",
  "P lats | S posterior-deltoid triceps | St abdominals",
  "A standing straight-arm cable pullover from the high pulley: easy to learn",
  fn={"lats": "Extend the straight arms from overhead down to the thighs",
      "posterior-deltoid": "Assist shoulder extension",
      "triceps": "Assist shoulder extension (the long head) and hold the elbows straight",
      "abdominals": "Keep the ribs down"},
  mw="Only the shoulders move; the elbows stay straight",
  pw="Single-joint shoulder extension with straight arms, as every pullover and "
     "straight-arm pulldown",
  ew="A cable station's high pulley ('polea alta')")
U("pullback", "cable-station", "B", "c", "HorizontalPull", "M",
  "P lats middle-back | S biceps posterior-deltoid | St erector-spinae hamstrings forearms",
  "A bent-over cable row that extends the back as it pulls: the hinge needs control",
  fn={"erector-spinae": "Hold the bent-over spine, then help straighten the trunk",
      "hamstrings": "Hold and extend the hips"},
  mw="Shoulders, elbows and hips move",
  ew="The cables of a cable station (its description: 'the cables in the cage')")
U("pullup-on-fingerboard", "bodyweight hangboard", "B", "c", "VerticalPull", "H",
  "P lats forearms | S biceps middle-back",
  "A pull-up hanging from the edges of a fingerboard: finger strength of a climber",
  fn={"lats": "Pull the upper arms down to the sides",
      "forearms": "Hold the body on the fingertips (the finger flexors), the grip the limit"},
  mw="Shoulders and elbows both move: a multi-joint pull",
  ew="A hangboard (fingerboard); the body's weight is the load")
N("punches", "bodyweight", "A", "c", "HorizontalPush", "L",
  "P anterior-deltoid triceps | S chest | St obliques",
  "Throwing straight punches at the air: no load, easy",
  fn={"anterior-deltoid": "Drive the arm forward", "triceps": "Extend the elbow to punch",
      "chest": "Assist the arm's drive forward",
      "obliques": "Turn the trunk into each punch"}, kind="C",
  mw="Shoulder, elbow and trunk move together",
  pw="The arm drives straight out in front: an unloaded horizontal push")
U("push-ohp", "barbell squat-rack", "B", "c", "VerticalPush", "M",
  "P anterior-deltoid triceps | S quadriceps glutes lateral-deltoid traps | St abdominals",
  "A push press: the leg drive and the press need timing (as for the push press)",
  fn={"anterior-deltoid": "Flex the shoulders to press the bar overhead",
      "triceps": "Extend the elbows to lock out",
      "quadriceps": "Extend the knees out of the dip to start the bar",
      "glutes": "Extend the hips in the drive",
      "lateral-deltoid": "Abduct the upper arms as the bar passes the head",
      "traps": "Upwardly rotate the shoulder blades overhead"},
  mw="Knees, hips, shoulders and elbows all move",
  ew="A barbell on the front of the shoulders, from a rack")
U("push-up-rotations", "bodyweight", "A", "c", "HorizontalPush", "M",
  "P chest triceps | S anterior-deltoid obliques | St rectus-abdominis",
  "A push-up turning into a side plank each rep: balance on one arm",
  fn={"chest": "Press the body up from the floor",
      "triceps": "Extend the elbows",
      "obliques": "Rotate the trunk to open into the side plank",
      "anterior-deltoid": "Flex the shoulders in the press and hold the support arm",
      "rectus-abdominis": "Hold the body straight in the plank"},
  mw="Shoulders, elbows and trunk all move")
U("push-up-to-side-plank", "bodyweight", "A", "c", "HorizontalPush", "M",
  "P chest triceps | S anterior-deltoid obliques | St rectus-abdominis",
  "A push-up turning into a side plank each rep: balance on one arm",
  fn={"chest": "Press the body up from the floor",
      "triceps": "Extend the elbows",
      "obliques": "Rotate the trunk to open into the side plank",
      "anterior-deltoid": "Flex the shoulders in the press and hold the support arm",
      "rectus-abdominis": "Hold the body straight in the plank"},
  mw="Shoulders, elbows and trunk all move")
T("quadriped-arm-and-leg-raise", "bodyweight", "A", "c", "TrunkStability", "L",
  "P erector-spinae glutes | S anterior-deltoid | St obliques transversus-abdominis",
  "The bird dog: on all fours lifting the opposite arm and leg, easy",
  fn={"erector-spinae": "Hold the spine level as the limbs lift",
      "glutes": "Extend the hip to lift the leg",
      "anterior-deltoid": "Raise the arm forward",
      "obliques": "Resist the trunk's rotation on the diagonal support"},
  mw="The hip and shoulder move while the trunk holds still")
U("remada-unilateral-no-cabo", "cable-station", "U", "c", "HorizontalPull", "L",
  "P lats middle-back | S biceps posterior-deltoid | St obliques forearms",
  "A one-arm cable row: the cable gives a steady line",
  fn={"lats": "Pull the upper arm back to the side",
      "obliques": "Resist the trunk's rotation toward the cable"},
  mw="Shoulder and elbow both move: a multi-joint pull",
  ew="A cable station with a single handle ('remada unilateral no cabo': one-arm cable row); "
     "the source's pull-up bar does not apply")
# A row from a high pulley is a row (issue 23, data6): "remo" is a row, and the summary says
# "high pulley row"; the high-row rule of the horizontal-pull family (reviewed_upper.py's
# "high-row" archetype: kneeling and seated high-pulley rows, the lever high row) decides its
# pattern and prime movers. Only a pull that brings the arm down from overhead to the side (a
# pulldown, wger's "High Row" whose steps pull "the cable down") is a VerticalPull.
U("remo-alto-polea-alta", "cable-station", "U", "c", "HorizontalPull", "L",
  "P middle-back posterior-deltoid | S lats biceps traps | St obliques",
  "A one-arm pull from the high pulley, supported: easy to learn",
  fn={"middle-back": "Rhomboids and middle trapezius retract the shoulder blade",
      "posterior-deltoid": "Draw the upper arm back, the elbow high",
      "lats": "Extend the shoulder as the elbow comes back",
      "biceps": "Flex the elbow",
      "traps": "Upper fibres steady the shoulder blade with the elbow high",
      "obliques": "Resist the trunk's rotation toward the cable"},
  mw="Shoulder and elbow both move: a multi-joint pull",
  ew="A cable station's high pulley with a single handle ('remo alto polea alta')",
  pw="A row from a high pulley ('remo alto', the summary's 'high pulley row'): the elbow is "
     "drawn back toward the upper chest, a horizontal pull as the high-pulley rows are")
P("return-push-from-stance", "medicine-ball", "B", "c", "HorizontalPush", "M",
  "P chest triceps | S anterior-deltoid quadriceps glutes | St abdominals",
  "Catching and returning a partner's pass on the move from a sprint stance: an athletic drill",
  fn={"chest": "Drive the arms forward to throw the ball back",
      "triceps": "Extend the elbows explosively",
      "quadriceps": "Drive out of the stance", "glutes": "Drive out of the stance",
      "abdominals": "Brace the trunk for catch and throw"}, kind="P",
  mw="Legs, shoulders and elbows all move",
  ew="A medicine ball passed with a partner")
U("reverse-band-bench-press", "barbell bench squat-rack resistance-band", "B", "c",
  "HorizontalPush", "M",
  "P chest triceps | S anterior-deltoid | St middle-back lats forearms",
  "A bench press with bands from the rack's top: setting up the bands and the bar path need "
  "coaching",
  fn={"chest": "Flex and adduct the upper arms; the bands help most at the chest",
      "triceps": "Extend the elbows; the lockout carries the most load",
      "middle-back": "Hold the shoulder blades pulled together",
      "lats": "Hold the elbows tucked", "forearms": "Grip the bar"},
  mw="The shoulders and the elbows both move: a multi-joint press",
  ew="A barbell, a flat bench inside a power rack and bands hung from its top")
L("reverse-band-box-squat", "barbell squat-rack plyo-box resistance-band", "B", "c", "Squat",
  "M", "P glutes quadriceps | S adductors hamstrings | St erector-spinae abdominals",
  "A box squat with bands from the rack's top: the sit back and band setup need coaching",
  fn={"glutes": "Extend the hips from the shin-vertical sit on the box",
      "quadriceps": "Extend the knees out of the box",
      "hamstrings": "Assist hip extension from the sit-back position",
      "erector-spinae": "Hold the spine neutral under the bar",
      "abdominals": "Brace the trunk"},
  ew="A barbell in a power rack, bands from its top and a box behind")
L("reverse-band-power-squat", "barbell squat-rack resistance-band", "B", "c", "Squat", "M",
  "P quadriceps glutes | S adductors hamstrings | St erector-spinae abdominals",
  "A back squat with bands from the rack's top: as technical as the back squat, plus the band "
  "setup",
  fn={"quadriceps": "Extend the knees out of the bottom",
      "glutes": "Extend the hips from the sit-back squat",
      "hamstrings": "Assist hip extension from the sit-back position",
      "erector-spinae": "Hold the spine neutral under the bar",
      "abdominals": "Brace the trunk"},
  ew="A barbell in a power rack with bands from its top")
L("reverse-band-sumo-deadlift", "barbell squat-rack resistance-band", "B", "c", "HipHinge",
  "M", "P glutes hamstrings quadriceps adductors | St erector-spinae forearms traps "
  "abdominals",
  "A sumo deadlift with bands from the rack: as technical as the sumo deadlift",
  fn={"glutes": "Extend the hips to lockout",
      "hamstrings": "Extend the hips from the floor",
      "quadriceps": "Extend the knees to break the bar from the floor",
      "adductors": "Extend the hips from the wide stance",
      "erector-spinae": "Hold the spine neutral", "forearms": "Grip the bar",
      "traps": "Hold the shoulder blades set under the bar"},
  ew="A barbell inside a power rack with bands from its top")
U("reverse-preacher-curl-close-grip", "ez-curl-bar preacher-bench", "B", "i", "Isolation",
  "L", "P forearms biceps",
  "A preacher curl with an overhand grip: the pad fixes the arms",
  fn={"forearms": "Flex the elbows with the overhand grip (the brachioradialis)",
      "biceps": "Flex the elbows (the brachialis; the overhand grip weakens the biceps)"},
  mw=CURL, pw="Single-joint elbow flexion",
  ew="An EZ curl bar and a preacher ('biceps') bench")
U("reverse-snow-angel", "bodyweight", "B", "i", "Isolation", "L",
  "P middle-back traps posterior-deltoid | St erector-spinae",
  "Lying face down sweeping the raised arms: easy",
  fn={"middle-back": "Retract the shoulder blades to hold the arms up",
      "traps": "Rotate the shoulder blades as the arms sweep overhead (the lower fibres)",
      "posterior-deltoid": "Hold the arms raised off the floor",
      "erector-spinae": "Hold the chest slightly lifted"},
  mw="Only the shoulder girdle moves (the arm and the shoulder blade together), unloaded",
  pw="The arms sweep from overhead to the sides lying face down: a shoulder-girdle movement, "
     "no press or pull")
T("reverse-wood-chops", "resistance-band", "U", "c", "TrunkStability", "L",
  "P obliques | S glutes quadriceps anterior-deltoid",
  "A low-to-high chop with a band: easy to learn",
  fn={"obliques": "Rotate the trunk to sweep the band up across the body",
      "glutes": "Extend and turn the hips as the band rises",
      "quadriceps": "Extend the knees from the bent start",
      "anterior-deltoid": "Raise the arms across the body"},
  mw="Hips, trunk and shoulders move together",
  ew="A resistance band anchored below knee height")
U("ring-support-hold", "bodyweight gymnastic-rings", "B", "i", "HorizontalPush", "M",
  "P triceps chest | S anterior-deltoid | St biceps abdominals",
  "Holding still on unstable rings: takes practice",
  fn={"triceps": "Hold the elbows locked", "chest": "Hold the rings in to the sides",
      "anterior-deltoid": "Hold the shoulders",
      "biceps": "Hold the elbows straight with the rings turned out",
      "abdominals": "Hold the hollow body"},
  mw=HOLD, pw=DIP_HOLD_PATTERN + " (on rings)")
P("rocket-jump", "bodyweight", "B", "c", "Squat", "L",
  "P quadriceps glutes | S calves | St abdominals",
  "A half-squat jump reaching overhead: simple",
  fn={"quadriceps": "Extend the knees explosively", "glutes": "Extend the hips explosively",
      "calves": "Extend the ankles to leave the floor",
      "abdominals": "Hold the trunk stretched out in flight"}, kind="P",
  pw="A two-footed jump out of a half squat")
# Plyometric drills named by a cardio word (issue 23, data6): the kind rule no longer files
# them as cardio where free-exercise-db files them under plyometrics (butt kicks, star jumps,
# a chest push with a run release: src/exgraph/infer/rules/kind.py), so they are reviewed as
# the jumps and throws they are; their steps decide (both butt kicks are a countermovement jump
# that kicks the heels up, not the running drill).
P("double-leg-butt-kick", "bodyweight", "B", "c", "Squat", "L",
  "P quadriceps glutes | S calves hamstrings | St abdominals",
  "A two-footed jump that lands where it took off (the table's basic plyometrics): no box, "
  "drop, load or single leg",
  fn={"quadriceps": "Extend the knees explosively out of the dip",
      "glutes": "Extend the hips explosively", "calves": "Extend the ankles to leave the floor",
      "hamstrings": "Flex the knees in the air to kick the heels to the buttocks",
      "abdominals": "Hold the trunk upright in flight and on landing"}, kind="P", mw=PLYO,
  pw="A two-footed jump out of a short squat dip")
P("single-leg-butt-kick", "bodyweight", "U", "c", "Lunge", "M",
  "P quadriceps glutes calves | S hamstrings | St abdominals",
  "A countermovement jump off one leg, landing on it (the table's intermediate plyometrics: a "
  "landing on one leg)",
  fn={"quadriceps": "Extend the knee of the jumping leg explosively",
      "glutes": "Extend the hip of the jumping leg", "calves": "Extend the ankle to take off",
      "hamstrings": "Flex the knee in the air to kick the heel to the buttocks",
      "abdominals": "Hold the trunk upright on one leg"}, kind="P", mw=PLYO,
  pw="A single-leg jump in place: one leg does the knee and hip work")
P("star-jump", "bodyweight", "B", "c", "Squat", "L",
  "P quadriceps glutes | S calves abductors | St abdominals",
  "A two-footed jump that lands where it took off (the table's basic plyometrics): no box, "
  "drop, load or single leg",
  fn={"quadriceps": "Extend the knees explosively out of the half squat",
      "glutes": "Extend the hips explosively", "calves": "Extend the ankles to leave the floor",
      "abdominals": "Hold the trunk stretched out in flight",
      "abductors": "Spread the legs apart in the air"}, kind="P", mw=PLYO,
  pw="A two-footed jump out of a half squat, the limbs spread in the air (not a jumping jack)")
P("chest-push-with-run-release", "medicine-ball", "B", "c", "HorizontalPush", "L",
  "P chest triceps | S anterior-deltoid quadriceps glutes | St abdominals",
  "Two steps into a chest pass, then a sprint: a basic throwing drill",
  fn={"chest": "Push the ball away from the chest explosively",
      "triceps": "Extend the elbows explosively to release the ball",
      "anterior-deltoid": "Flex the shoulders in the pass",
      "quadriceps": "Drive forward out of the athletic stance",
      "glutes": "Drive the hips forward into the pass and the sprint",
      "abdominals": "Brace the trunk through the throw"}, kind="P",
  mw="Legs, shoulders and elbows all move in the throw",
  pw="The ball is pushed away from the chest on the run (as the chest push from a three-point "
     "stance)", ew="A medicine ball")
T("roman-chair", "bodyweight hyperextension-bench", "B", "c", "TrunkStability", "M",
  "P rectus-abdominis | S quadriceps obliques",
  "Sit-ups on a Roman chair, the trunk lowering below the pad: a long range to control",
  fn={"rectus-abdominis": "Flex the trunk up from below parallel",
      "quadriceps": "Flex the hips to raise the trunk (the rectus femoris)",
      "obliques": "Assist the trunk flexion"}, mw=FLEX_HIP,
  ew="A Roman chair (a hyperextension bench used face up, its description says crunches); the "
     "body's weight is the load")
U("rope-climb", "bodyweight climbing-rope", "A", "c", "VerticalPull", "H",
  "P lats biceps forearms | S middle-back posterior-deltoid | St abdominals quadriceps",
  "Climbing a rope with a foot lock: a skill, grip and the whole body weight",
  fn={"lats": "Pull the body up toward each hand hold",
      "biceps": "Flex the elbows in each pull",
      "forearms": "Grip the rope", "abdominals": "Bring the knees up to re-lock the feet",
      "quadriceps": "Stand up on the foot lock"},
  mw="Shoulders, elbows, hips and knees all move", lw="Hand over hand")
T("rope-crunch", "cable-station", "B", "i", "TrunkStability", "L",
  "P rectus-abdominis | S obliques",
  "Kneeling and crunching a rope down: easy to learn",
  fn={"obliques": "Assist spinal flexion"}, mw=FLEX,
  ew="A cable station's high pulley with a rope")
U("rope-pullover-row", "cable-station incline-bench", "B", "c", "VerticalPull", "M",
  "P lats | S posterior-deltoid biceps triceps middle-back | St abdominals",
  "A pullover flowing into a row on a rope, lying over a bench: coordination",
  fn={"lats": "Extend the shoulders to pull the rope from overhead",
      "triceps": "Assist shoulder extension (the long head)"},
  mw="The shoulders move, then the elbows bend into the row",
  ew="A cable station's rope; an incline bench set in front of it")
U("row", "barbell", "B", "c", "HorizontalPull", "M",
  "P lats middle-back | S biceps posterior-deltoid traps | St erector-spinae hamstrings "
  "forearms",
  "Too vague to name one row: assumed the barbell bent-over row, the hinge needs coaching",
  fn={"lats": "Pull the upper arms back to the trunk",
      "erector-spinae": "Hold the hinged torso still with a neutral spine",
      "hamstrings": "Hold the hips back in the hinge"},
  mw="Shoulders and elbows both move: a multi-joint pull",
  ew="Assumed a barbell bent-over row: its text names the row in general (seated, bent over, "
     "inverted); the barbell row is the usual meaning")
U("rowing-seated-narrow-grip", "seated-cable-row-station", "B", "c", "HorizontalPull", "L",
  "P lats middle-back | S biceps posterior-deltoid | St erector-spinae forearms",
  "A seated cable row: the station guides the path",
  fn={"lats": "Pull the upper arms back to the sides with the close grip",
      "erector-spinae": "Hold the trunk upright"},
  mw="Shoulders and elbows both move: a multi-joint pull")
# A moving single-joint drill is filed under Isolation, not under the pattern of the lift it
# prepares (issue 23, data7): a scapular pull-up depresses the shoulder blades with straight
# elbows, a mid-trap shrug retracts them, a straight-arm cable pullover extends the shoulders
# only (as every pullover and straight-arm pulldown of the layer). Filed as a VerticalPull, the
# scapular pull-up filled a plan's only pull slot. Isometric holds (levers, support holds, a
# dead hang, recruitment pulls) keep the pattern of the lift whose position they hold.
U("scapular-pull-up", "bodyweight pull-up-bar", "B", "i", "Isolation", "L",
  "P lats traps | S middle-back | St forearms",
  "Hanging and depressing the shoulder blades: easy",
  fn={"lats": "Depress the shoulder blades to lift the body a few inches",
      "traps": "Depress the shoulder blades (the lower fibres)",
      "middle-back": "Retract the shoulder blades a little"},
  mw="Only the shoulder blades move; the elbows stay straight",
  pw="Scapular depression with straight elbows: one joint action, not a pull-up through a "
     "range")
U("schoulder-raise-dumbbell", "dumbbell", "B", "i", "Isolation", "L",
  "P lateral-deltoid | S anterior-deltoid traps",
  "A dumbbell raise: simple; the name alone given, a lateral raise assumed",
  fn={"lateral-deltoid": "Abduct the upper arms",
      "anterior-deltoid": "Assist the raise",
      "traps": "Upwardly rotate the shoulder blades near the top"},
  mw=DELT_RAISE, pw="Single-joint shoulder abduction",
  ew="Dumbbells (the name and no description: a shoulder raise is assumed a lateral raise)")
T("scissors", "bodyweight", "A", "c", "TrunkStability", "L",
  "P rectus-abdominis | S quadriceps | St transversus-abdominis",
  "Lying on the back crossing the raised legs: easy",
  fn={"rectus-abdominis": "Hold the lower back on the floor against the legs' lever",
      "quadriceps": "Hold and move the straight legs (the rectus femoris)",
      "transversus-abdominis": "Draw the belly in to steady the pelvis"},
  mw="The hips move the legs while the trunk holds still")
U("seated-bent-over-one-arm-dumbbell-triceps-extension", "dumbbell bench", "U", "i",
  "Isolation", "L", "P triceps | St posterior-deltoid erector-spinae",
  "A seated kickback: simple",
  fn={"triceps": "Extend the elbow with the upper arm held back",
      "posterior-deltoid": "Hold the upper arm in line with the trunk",
      "erector-spinae": "Hold the leaning trunk still"},
  mw=EXTEND, pw="Single-joint elbow extension")
U("seated-cable-mid-trap-shrug", "seated-cable-row-station", "B", "i", "Isolation", "L",
  "P middle-back traps | St erector-spinae forearms",
  "Retracting the shoulder blades against a seated cable: easy",
  fn={"middle-back": "Retract the shoulder blades against the cable",
      "traps": "Retract the shoulder blades (the middle fibres)",
      "erector-spinae": "Hold the trunk upright"},
  mw="Only the shoulder blades move; the arms stay straight",
  pw="Scapular retraction with straight arms: one joint action, not a row",
  ew="A seated cable row station")
T("seated-corkscrew", "bodyweight", "A", "c", "TrunkStability", "L",
  "P obliques rectus-abdominis | S quadriceps",
  "Seated knee tucks across the body: easy",
  fn={"obliques": "Rotate the pelvis to bring the knees across",
      "rectus-abdominis": "Curl the pelvis as the knees come in",
      "quadriceps": "Flex the hips to draw the knees in (the rectus femoris)"},
  mw=FLEX_HIP)
U("seated-dumbbell-side-lateral", "dumbbell bench", "B", "i", "Isolation", "L",
  "P lateral-deltoid | S traps",
  "A seated lateral raise: simple",
  fn={"lateral-deltoid": "Abduct the upper arms out to the sides",
      "traps": "Upwardly rotate the shoulder blades near the top"},
  mw=DELT_RAISE, pw="Single-joint shoulder abduction")
N("seated-figure-four", "bench", "U", "i", "Isolation", "L",
  "P glutes",
  "Sitting and pressing one knee down over the other: easy",
  fn={"glutes": "Lengthen (the hip's external rotators and gluteus maximus of the crossed "
                "leg)"}, kind="X",
  mw="A held stretch: the crossed hip rotates outward, nothing lifts a load",
  pw="A held hip-rotation stretch", ew="A bench or chair to sit on")
T("seated-flat-bench-leg-pull-in", "bodyweight bench", "B", "c", "TrunkStability", "L",
  "P rectus-abdominis | S quadriceps obliques | St forearms",
  "Seated knee tucks on a bench: easy",
  fn={"rectus-abdominis": "Curl the trunk and pelvis together",
      "quadriceps": "Flex the hips to draw the knees in (the rectus femoris)",
      "obliques": "Assist the trunk flexion", "forearms": "Hold the bench's sides"},
  mw=FLEX_HIP)
U("seated-head-harness-neck-resistance", "neck-harness weight-plate bench", "B", "i",
  "Isolation", "M", "P neck | St erector-spinae",
  "Loading the neck with a harness needs care and a light start",
  fn={"neck": "Extend the neck to raise the head against the harness",
      "erector-spinae": "Hold the bent-forward trunk still"},
  mw="Only the neck moves", pw="Single-joint neck extension",
  ew="A neck harness loaded with plates; a flat bench to sit on")
T("seated-knee-tuck", "bodyweight", "B", "c", "TrunkStability", "L",
  "P rectus-abdominis | S quadriceps obliques",
  "Seated knee tucks on the floor: easy",
  fn={"rectus-abdominis": "Curl the trunk and pelvis together",
      "quadriceps": "Flex the hips to draw the knees in (the rectus femoris)",
      "obliques": "Assist the trunk flexion"}, mw=FLEX_HIP)
T("seated-leg-tucks", "bodyweight bench", "B", "c", "TrunkStability", "L",
  "P rectus-abdominis | S quadriceps obliques | St forearms",
  "Seated knee tucks on a bench: easy",
  fn={"rectus-abdominis": "Curl the trunk and pelvis together",
      "quadriceps": "Flex the hips to draw the knees in (the rectus femoris)",
      "obliques": "Assist the trunk flexion", "forearms": "Hold the bench's sides"},
  mw=FLEX_HIP, ew="A flat bench to sit on (its description); the body's weight is the load")
N("seated-pancake-good-morning", "bodyweight", "B", "i", "HipHinge", "L",
  "P hamstrings adductors | S erector-spinae",
  "Folding forward in a straddle sit: no load",
  fn={"hamstrings": "Lengthen as the trunk folds over the straight legs",
      "adductors": "Lengthen in the wide straddle",
      "erector-spinae": "Hold the back long and raise the trunk again"}, kind="M",
  mw="Only the hips fold and unfold", pw="A hinge at the hips from a straddle sit")
U("seated-rear-delt-rise", "dumbbell bench", "B", "i", "Isolation", "L",
  "P posterior-deltoid | S middle-back traps | St erector-spinae",
  "A seated bent-over rear-delt raise: simple",
  fn={"posterior-deltoid": "Horizontally abduct the straight arms",
      "middle-back": "Retract the shoulder blades at the top",
      "traps": "Retract the shoulder blades (the middle fibres)",
      "erector-spinae": "Hold the leaning trunk still"},
  mw=DELT_RAISE, pw="Single-joint horizontal abduction of the shoulder")
U("seated-w-curl", "dumbbell incline-bench", "B", "i", "Isolation", "L",
  "P biceps | St forearms",
  "A curl seated on an incline bench: simple",
  fn={"biceps": "Flex the elbows from the stretched, arms-back start"},
  mw=CURL, pw="Single-joint elbow flexion",
  ew="Dumbbells; a bench at a 60-degree incline (its description)")
U("see-saw-press-alternating-side-press", "dumbbell", "A", "c", "VerticalPush", "M",
  "P anterior-deltoid lateral-deltoid | S triceps obliques",  # a strict press (para press)
  "Pressing one arm while side-bending away: coordination of two movements",
  fn={"anterior-deltoid": "Flex the shoulder to press the dumbbell up",
      "lateral-deltoid": "Abduct the upper arm as it rises",
      "triceps": "Extend the elbow to lock out",
      "obliques": "Bend the trunk to the side opposite the pressing arm"},
  mw="Shoulder, elbow and trunk all move")
N("shoulder-dumbbell-pendular-exercise", "dumbbell", "U", "i", "Isolation", "L",
  "P shoulders | St erector-spinae",
  "Letting a light dumbbell swing in circles: a rehabilitation drill",
  fn={"shoulders": "Let the hanging arm circle passively (the rotator cuff and capsule are "
                   "moved, not loaded)",
      "erector-spinae": "Hold the leaning trunk still"}, kind="M",
  mw="Only the shoulder moves, swung by the hanging weight",
  pw="A pendulum (Codman) swing of the hanging arm", ew="One light dumbbell")
U("shoulder-external-rotation-with-dumbbell", "dumbbell", "U", "i", "Isolation", "L",
  "P shoulders",
  "A light side-lying rotation: simple",
  fn={"shoulders": "Rotate the upper arm outward (the rotator cuff: infraspinatus and teres "
                   "minor, which the catalogue files under the shoulders; the posterior deltoid "
                   "assists)"},
  mw="Only the shoulder rotates; the elbow stays at the side",
  pw="Single-joint shoulder rotation", ew="One light dumbbell, lying on the side")
U("shoulder-raise-side-and-front-db", "dumbbell", "B", "i", "Isolation", "L",
  "P lateral-deltoid anterior-deltoid | S traps",
  "Lateral and front raises in turn: simple",
  fn={"lateral-deltoid": "Abduct the arms in the side raise",
      "anterior-deltoid": "Flex the shoulders in the front raise",
      "traps": "Upwardly rotate the shoulder blades near the top"},
  mw=DELT_RAISE, pw="Single-joint shoulder abduction and flexion")
U("shoulder-shrug", "dumbbell", "B", "i", "Isolation", "L",
  "P traps | St forearms",
  "A shrug: simple",
  fn={"traps": "Elevate the shoulder blades (the upper fibres)",
      "forearms": "Grip the load"},
  mw="Only the shoulder blades move: they rise and fall", pw="Shoulder-girdle elevation",
  ew="A load in the hands, assumed dumbbells: its text (a shrug 'in weight training') names "
     "none, and a shrug is not done with the body's weight")
U("shoulder-width-three-point-push-up", "bodyweight", "A", "c", "HorizontalPush", "M",
  "P chest triceps | S anterior-deltoid | St obliques transversus-abdominis glutes",
  "A push-up on three points, one foot lifted: balance and control",
  fn={"chest": "Press the body up from the floor", "triceps": "Extend the elbows",
      "obliques": "Resist the body's twist with one foot up",
      "glutes": "Hold the lifted leg and the hips in line"},
  mw="The shoulders and the elbows both move: a multi-joint press",
  lw="One foot stays lifted for a set of push-ups, then the other")
U("shoulder-y-pull-cable", "cable-station", "B", "c", "VerticalPull", "M",
  "P lateral-deltoid posterior-deltoid | S traps middle-back",
  "Crossing two cables and pulling the elbows up: setup and a precise path",
  fn={"lateral-deltoid": "Abduct the upper arms to pull the elbows up",
      "posterior-deltoid": "Pull the arms up and back across the body",
      "traps": "Upwardly rotate the shoulder blades",
      "middle-back": "Hold the shoulder blades back"},
  mw="Shoulders and elbows both move",
  pw="The elbows are pulled up and out along the torso: a high cable pull",
  ew="The two crossed cables of a cable station")
L("shrimp-squad", "bodyweight", "U", "c", "Lunge", "H",
  "P quadriceps glutes | S adductors | St abductors abdominals",
  "A single-leg squat holding the other foot behind: balance and strength of a pistol",
  fn={"quadriceps": "Extend the knee of the standing leg",
      "glutes": "Extend the hip of the standing leg"},
  lw="One leg squats for a set, then the other")
T("side-bends-on-machine", "machine", "U", "i", "TrunkStability", "L",
  "P obliques | St erector-spinae",
  "A machine guides the side bend: easy",
  fn={"obliques": "Bend the trunk sideways against the machine's pad"},
  mw="Only the spine bends sideways",
  ew="A torso side-bend machine (no kind of the taxonomy names it)")
T("side-bridge", "bodyweight", "U", "i", "TrunkStability", "L",
  "P obliques | St abductors shoulders",
  "A side plank: easy to learn",
  fn={"obliques": "Hold the trunk straight sideways against gravity (anti-lateral flexion)",
      "shoulders": "Hold the body on the forearm"}, mw=HOLD)
T("side-crunch", "dumbbell", "U", "i", "TrunkStability", "L",
  "P obliques | St erector-spinae forearms",
  "Bending sideways with a weight in one hand: simple",
  fn={"obliques": "Bend the trunk back up against the weight (lateral flexion)",
      "erector-spinae": "Hold the spine from bending forward"},
  mw="Only the spine bends sideways",
  ew="A weight in one hand (its description), assumed a dumbbell; not a mat")
T("side-dumbbell-trunk-flexion", "dumbbell", "U", "i", "TrunkStability", "L",
  "P obliques | St erector-spinae forearms",
  "Bending sideways with a dumbbell in one hand: simple",
  fn={"obliques": "Bend the trunk back up against the dumbbell (lateral flexion)",
      "erector-spinae": "Hold the spine from bending forward"},
  mw="Only the spine bends sideways", ew="One dumbbell in one hand")

SPRINT_FN = {"glutes": "Extend the hip of each driving leg",
             "quadriceps": "Extend the knee of the driving leg and flex the hip of the other "
                           "(the rectus femoris)",
             "hamstrings": "Extend the hip and pull the foot back under the body",
             "calves": "Push off through the ankle"}
SPRINT_PW = "Running: alternating single-leg drives (docs/reviewed-layer.md: lunges)"
P("linear-3-part-start-technique", "bodyweight", "A", "c", "Lunge", "M",
  "P glutes quadriceps | S hamstrings calves | St abdominals",
  "A sprint start from a three-point stance: body angle and arm action take coaching",
  fn=SPRINT_FN, kind="P", pw=SPRINT_PW, lw="The legs drive in turn")
P("linear-acceleration-wall-drill", "bodyweight", "A", "c", "Lunge", "L",
  "P glutes quadriceps | S hamstrings calves | St abdominals",
  "Leaning on a wall and driving the knees in turn: simple",
  fn=SPRINT_FN | {"abdominals": "Hold the 45-degree lean in a straight line"}, kind="P",
  pw="Sprint acceleration drill: alternating single-leg drives against a wall",
  ew="No equipment beyond a wall to lean on", lw="The legs drive in turn")
P("linear-depth-jump", "bodyweight plyo-box", "B", "c", "Squat", "M",
  "P quadriceps glutes | S calves hamstrings | St abdominals",
  "Dropping off a box and rebounding onto another: landing mechanics take coaching",
  fn={"quadriceps": "Absorb the drop, then extend the knees explosively",
      "glutes": "Extend the hips explosively", "calves": "Absorb and rebound through the ankles",
      "hamstrings": "Assist hip extension in the rebound"}, kind="P", mw=PLYO,
  pw="A two-footed drop and jump: knees and hips bend and straighten together",
  ew="Two boxes a few feet apart; the body's weight is the load")
U("log-lift", "other", "B", "c", "VerticalPush", "H",
  "P anterior-deltoid triceps | S quadriceps glutes lateral-deltoid traps chest | St "
  "erector-spinae abdominals forearms",
  "A strongman log clean to the chest and push press overhead: the clean of a log is a skill of "
  "its own", fn={"anterior-deltoid": "Press the log overhead",
                 "triceps": "Extend the elbows to lock the log out",
                 "quadriceps": "Extend the knees in the clean and the push press's dip",
                 "glutes": "Extend the hips in the clean and the drive",
                 "lateral-deltoid": "Abduct the upper arms as the log passes the head",
                 "traps": "Pull the log up in the clean and rotate the shoulder blades overhead",
                 "chest": "Start the press from the chest (the upper fibres)",
                 "erector-spinae": "Hold the spine as the log is cleaned and leaned back on",
                 "forearms": "Grip the log's neutral handles"},
  mw="Hips, knees, shoulders and elbows all move",
  ew="A strongman log (a thick bar with neutral handles; no kind of the taxonomy names it)")
P("moving-claw-series", "bodyweight", "A", "c", "Lunge", "L",
  "P hamstrings glutes | S quadriceps calves",
  "A running-form drill: kicking the heel up and pawing the ground, easy",
  fn={"hamstrings": "Flex the knee to kick the heel toward the glutes and paw the foot back",
      "glutes": "Extend the hip to strike the ground",
      "quadriceps": "Flex the hip to bring the leg forward (the rectus femoris)",
      "calves": "Push off through the ankle"}, kind="P", pw=SPRINT_PW,
  lw="The legs work in turn")
P("quick-leap", "bodyweight plyo-box", "B", "c", "Squat", "M",
  "P quadriceps glutes | S calves hamstrings | St abdominals",
  "A hop onto a box, then an explosive jump off it: landings take coaching",
  fn={"quadriceps": "Extend the knees explosively, land and rebound",
      "glutes": "Extend the hips explosively", "calves": "Rebound through the ankles",
      "hamstrings": "Assist hip extension"}, kind="P", mw=PLYO,
  pw="Two-footed jumps: knees and hips bend and straighten together",
  ew="A box to hop onto; the body's weight is the load")
P("rack-delivery", "barbell", "B", "c", "VerticalPull", "M",
  "P anterior-deltoid | S traps lateral-deltoid | St forearms middle-back",
  "A teaching drill of the clean's catch with a light bar: part of an Olympic skill, coached",
  fn={"anterior-deltoid": "Flex the shoulders as the elbows rotate around the bar",
      "traps": "Hold the shoulders up and protracted as the shelf",
      "lateral-deltoid": "Hold the upper arms up in the scarecrow start",
      "forearms": "Hook grip, then relax the grip as the bar reaches the shoulders",
      "middle-back": "Hold the upper back in place"}, kind="P",
  mw="The shoulders and elbows turn around the bar together",
  pw="The clean's turnover alone: the arms pull the body under and around the bar along the "
     "trunk's long axis, the upper-body end of the clean's pull (two joints: not single-joint "
     "isolation; the hips, which make the clean a hinge, do not move)")
T("reach-ups", "bodyweight", "B", "i", "TrunkStability", "L",
  "P rectus-abdominis | S obliques",
  "A crunch reaching the hands up: simple (the name alone is given; a reach-up crunch "
  "assumed)",
  fn={"obliques": "Assist spinal flexion"}, mw=FLEX)

# --- batch 2: side-hop-sprint ... toe-touch ----------------------------------------------------

HOP_FN = {"quadriceps": "Absorb each landing and extend the knee(s) to hop again",
          "glutes": "Extend the hip(s) in each take-off",
          "calves": "Rebound off the ball of the foot",
          "abductors": "Hold the pelvis level and drive the sideways hops",
          "adductors": "Steady the thigh and stop the sideways travel",
          "hamstrings": "Assist hip extension in the take-off",
          "abdominals": "Hold the trunk steady over the landing"}
HOP1 = "Single-leg hops: one leg takes off and lands (docs/reviewed-layer.md: lunges)"
BOX_STEP = "One foot on the box drives the jump: a single-leg drive (docs/reviewed-layer.md)"
P("side-hop-sprint", "bodyweight cones", "B", "c", "Squat", "L",
  "P quadriceps glutes calves | S abductors adductors | St abdominals",
  "Two-footed side hops over a cone, then a sprint: simple", fn=HOP_FN, kind="P", mw=PLYO,
  pw="Two-footed hops: knees and hips bend and straighten together",
  ew="A cone (or a low hurdle) to hop over; the body's weight is the load")
T("side-jackknife", "bodyweight", "U", "c", "TrunkStability", "L",
  "P obliques | S abductors",
  "Lying on one side lifting trunk and legs together: simple",
  fn={"obliques": "Bend the trunk sideways to lift the shoulders",
      "abductors": "Abduct the top hip to lift the legs toward the trunk"},
  mw="The trunk bends sideways and the hip abducts: two joint actions")
U("side-lateral-raise-back-cable", "cable-station", "U", "i", "Isolation", "L",
  "P lateral-deltoid | S anterior-deltoid traps",
  "A one-arm cable lateral raise: simple",
  fn={"lateral-deltoid": "Abduct the upper arm out to the side",
      "anterior-deltoid": "Assist the raise with the cable behind the body",
      "traps": "Upwardly rotate the shoulder blade near the top"},
  mw=DELT_RAISE, pw="Single-joint shoulder abduction",
  ew="A cable station's low pulley, the cable behind the body")
U("side-lateral-raise-front-cable", "cable-station", "U", "i", "Isolation", "L",
  "P lateral-deltoid | S posterior-deltoid traps",
  "A one-arm cable lateral raise: simple",
  fn={"lateral-deltoid": "Abduct the upper arm out to the side",
      "posterior-deltoid": "Assist the raise with the cable in front of the body",
      "traps": "Upwardly rotate the shoulder blade near the top"},
  mw=DELT_RAISE, pw="Single-joint shoulder abduction",
  ew="A cable station's low pulley, the cable in front of the body")
U("side-laying-interior-rotation", "dumbbell bench", "U", "i", "Isolation", "L",
  "P shoulders | S chest",
  "A light side-lying rotation on a bench: simple",
  fn={"shoulders": "Rotate the upper arm inward (the subscapularis, which the catalogue files "
                   "under the shoulders)",
      "chest": "Assist internal rotation"},
  mw="Only the shoulder rotates; the elbow holds 90 degrees",
  pw="Single-joint shoulder rotation", ew="One dumbbell; a bench to lie on sideways")
U("side-lying-external-rotation", "dumbbell", "U", "i", "Isolation", "L",
  "P shoulders",
  "A light side-lying rotation: simple",
  fn={"shoulders": "Rotate the upper arm outward (the rotator cuff: infraspinatus and teres "
                   "minor, filed under the shoulders; the posterior deltoid assists)"},
  mw="Only the shoulder rotates; the elbow stays at the side",
  pw="Single-joint shoulder rotation", ew="One light dumbbell, lying on the side")
N("side-slides-squats", "bodyweight", "B", "c", "Squat", "L",
  "P quadriceps glutes | S abductors adductors calves",
  "Defensive shuffles and bodyweight squats: simple",
  fn={"quadriceps": "Hold the low stance and extend the knees in each squat",
      "glutes": "Hold the low stance and extend the hips",
      "abductors": "Push the body sideways in each slide",
      "adductors": "Bring the trailing leg in",
      "calves": "Push off through the ankles"}, kind="C",
  pw="A low two-footed stance, bending and straightening knees and hips",
  mw="Ankles, knees and hips all move, unloaded")
L("side-split-squats-left", "bodyweight", "U", "c", "Lunge", "L",
  "P quadriceps glutes adductors | St abductors abdominals",
  "A bodyweight side lunge: easy to learn",
  fn={"quadriceps": "Extend the knee of the bent leg",
      "glutes": "Extend the hip of the bent leg",
      "adductors": "Extend and adduct the hip of the bent leg; stretch on the straight leg",
      "abductors": "Hold the pelvis level in the wide stance",
      "abdominals": "Hold the trunk upright"},
  lw="One side a set, then the other (the left and right copies are one exercise)")
P("side-standing-long-jump", "bodyweight", "B", "c", "Squat", "L",
  "P quadriceps glutes | S abductors calves | St adductors abdominals",
  "A sideways broad jump: simple, landing softly is the skill",
  fn=HOP_FN | {"abductors": "Drive the body sideways off the trailing leg"}, kind="P",
  mw=PLYO, pw="A two-footed jump: knees and hips bend and straighten together")
P("side-to-side-box-shuffle", "bodyweight plyo-box", "A", "c", "Lunge", "L",
  "P quadriceps glutes | S calves abductors adductors",
  "Shuffling over a low box: simple", fn=HOP_FN, kind="P", mw=PLYO, pw=BOX_STEP,
  ew="A low box; the body's weight is the load", lw="The feet swap on the box each jump")
P("single-arm-linear-jammer", "barbell landmine", "U", "c", "VerticalPush", "M",
  "P anterior-deltoid triceps | S quadriceps glutes chest | St obliques",
  "An explosive one-arm landmine push press: timing leg drive and press",
  fn={"anterior-deltoid": "Press the bar's end up and forward",
      "triceps": "Extend the elbow to lock out",
      "quadriceps": "Extend the knees to drive the bar",
      "glutes": "Extend the hips to drive the bar",
      "chest": "Assist the press on the angled path (the upper fibres)",
      "obliques": "Hold the trunk square against the one-arm press"}, kind="P",
  mw="Knees, hips, shoulder and elbow all move",
  pw="Pressed up along the angled landmine path, in line with the torso")
SPRINT_CONE = "Running: alternating single-leg drives (docs/reviewed-layer.md: lunges)"
P("single-cone-sprint-drill", "bodyweight cones", "A", "c", "Lunge", "L",
  "P quadriceps glutes | S calves hamstrings",
  "Quick feet around a cone: simple", fn=SPRINT_FN, kind="P", pw=SPRINT_CONE,
  ew="A cone to circle; the body's weight is the load", lw="The legs drive in turn")
P("single-leg-hop-progression", "bodyweight cones", "U", "c", "Lunge", "M",
  "P quadriceps glutes calves | S hamstrings | St abductors abdominals",
  "Hopping from cone to cone on one leg: single-leg landings take control", fn=HOP_FN,
  kind="P", mw=PLYO, pw=HOP1, ew="A line of cones; the body's weight is the load")
P("single-leg-lateral-hop", "bodyweight cones", "U", "c", "Lunge", "M",
  "P quadriceps glutes calves | S abductors adductors | St abdominals",
  "Hopping sideways over a cone on one leg: single-leg landings take control", fn=HOP_FN,
  kind="P", mw=PLYO, pw=HOP1, ew="A cone or low hurdle; the body's weight is the load")
P("single-leg-push-off", "bodyweight plyo-box", "U", "c", "Lunge", "L",
  "P quadriceps glutes | S calves hamstrings | St abductors",
  "A jump off one foot on a box, landing back on it: simple", fn=HOP_FN, kind="P", mw=PLYO,
  pw=BOX_STEP, ew="A box for the driving foot; the body's weight is the load")
L("single-leg-side-glute-press", "leg-press-machine", "U", "c", "Lunge", "L",
  "P glutes quadriceps | S abductors adductors",
  "A single-leg leg press turned sideways: the machine guides it",
  fn={"glutes": "Extend the hip from the high, angled foot position",
      "quadriceps": "Extend the knee", "abductors": "Assist the angled press (gluteus medius)",
      "adductors": "Assist hip extension from the flexed hip"},
  ew="A leg press machine (its description), not an incline bench")
P("single-leg-stride-jump", "bodyweight plyo-box", "U", "c", "Lunge", "M",
  "P quadriceps glutes | S calves hamstrings | St abductors abdominals",
  "Jumping high off one foot on a box and landing back on it: control of the landing",
  fn=HOP_FN, kind="P", mw=PLYO, pw=BOX_STEP, ew="A box beside the body; the body's weight is "
  "the load")
N("sit-reach", "bodyweight", "B", "i", "HipHinge", "L",
  "P hamstrings | S erector-spinae calves",
  "Sitting and reaching for the toes: no load",
  fn={"hamstrings": "Lengthen as the trunk folds over the straight legs",
      "erector-spinae": "Lengthen as the back rounds over the legs",
      "calves": "Lengthen with the feet flexed"}, kind="X",
  mw="Only the hips fold (a held reach)", pw="A forward fold at the hips (seated forward bend)",
  ew="No equipment (a mat is optional): the body folds by its own weight")
T("sit-up-elbow-thrust", "bodyweight", "A", "c", "TrunkStability", "L",
  "P rectus-abdominis obliques | S quadriceps",
  "A sit-up driving an elbow across: easy to learn",
  fn={"rectus-abdominis": "Flex the spine to sit up",
      "obliques": "Rotate the trunk to drive the elbow across",
      "quadriceps": "Flex the hips to finish the sit-up (the rectus femoris)"},
  mw="The spine flexes and rotates and the hips flex")
T("skydiver-with-arms-in-t-position", "bodyweight", "B", "c", "TrunkStability", "L",
  "P erector-spinae | S glutes middle-back posterior-deltoid",
  "Lying face down lifting chest, arms and legs: easy",
  fn={"erector-spinae": "Extend the spine to lift the chest",
      "glutes": "Extend the hips to lift the legs",
      "middle-back": "Retract the shoulder blades to lift the arms in a T",
      "posterior-deltoid": "Horizontally abduct the arms to hold them up"},
  mw="The spine, hips and shoulders extend together")
SLED = "A sled with a rope and handles, loaded light"
L("sled-overhead-backward-walk", "sled", "A", "c", "Carry", "L",
  "P quadriceps anterior-deltoid | S calves glutes traps | St abdominals triceps",
  "Walking backward with the arms held overhead: simple, a light load",
  fn={"quadriceps": "Extend the knees at each backward step",
      "anterior-deltoid": "Hold the arms up overhead against the line's pull (isometric)",
      "calves": "Push off through the balls of the feet",
      "glutes": "Extend the hips at each step",
      "traps": "Hold the shoulder blades rotated up under the raised arms",
      "triceps": "Keep the elbows straight", "abdominals": "Keep the ribs down"},
  pw="Walking while holding the load's line overhead", lw="The legs step in turn", ew=SLED)
U("sled-overhead-triceps-extension", "sled", "B", "i", "Isolation", "L",
  "P triceps | St anterior-deltoid abdominals",
  "An overhead extension against a sled's line: simple",
  fn={"triceps": "Extend the elbows overhead against the line",
      "anterior-deltoid": "Hold the upper arms up by the head",
      "abdominals": "Brace the trunk"}, mw=EXTEND, pw="Single-joint elbow extension", ew=SLED)
U("sled-reverse-flye", "sled", "B", "i", "Isolation", "L",
  "P posterior-deltoid middle-back | S traps",
  "A reverse fly against a sled's line: simple",
  fn={"posterior-deltoid": "Horizontally abduct the straight arms",
      "middle-back": "Retract the shoulder blades as the arms open",
      "traps": "Retract and rotate the shoulder blades (the middle and lower fibres)"},
  mw=DELT_RAISE, pw="Single-joint horizontal abduction of the shoulder", ew=SLED)
U("sled-row", "sled", "B", "c", "HorizontalPull", "L",
  "P middle-back lats | S biceps posterior-deltoid | St quadriceps abdominals",
  "Rowing a sled toward the body: simple",
  fn={"middle-back": "Retract the shoulder blades as the handles come in",
      "lats": "Pull the upper arms back", "quadriceps": "Hold the slight knee bend",
      "abdominals": "Hold the trunk upright"},
  mw="Shoulders and elbows both move: a multi-joint pull", ew=SLED)
P("sledgehammer-swings", "other", "U", "c", "TrunkStability", "M",
  "P lats rectus-abdominis obliques | S triceps glutes | St forearms",
  "Swinging a sledgehammer onto a tyre: hand slide and control of the bounce",
  fn={"lats": "Pull the hammer down from overhead",
      "rectus-abdominis": "Flex the trunk into the strike",
      "obliques": "Rotate the trunk into the swing",
      "triceps": "Extend the elbows into the strike",
      "glutes": "Extend the hips to drive the swing", "forearms": "Grip the hammer's handle"},
  kind="P", mw="Shoulders, trunk and hips move together",
  ew="A sledgehammer and a tyre to strike (strongman tools no kind of the taxonomy names)",
  lw="One side leads for a set, then the other")
U("sloper-hanging", "bodyweight hangboard", "B", "i", "Isolation", "M",
  "P forearms | St lats",
  "Hanging on sloping holds of a fingerboard: finger strength built up gradually",
  fn={"forearms": "Hold the body on the open-hand grip (the finger flexors, isometric)",
      "lats": "Hold the shoulders engaged under the hang"},
  mw=HOLD, pw="An isometric grip hold", ew="A hangboard's sloper holds; the body's weight is "
  "the load")
U("smith-incline-shoulder-raise", "smith-machine incline-bench", "B", "i", "Isolation", "L",
  "P chest | S anterior-deltoid",
  "Protracting the shoulder blades under a Smith bar: the rails guide it",
  fn={"chest": "Protract the shoulder blades to push the bar up (the serratus anterior, "
               "which the catalogue files under the chest)",
      "anterior-deltoid": "Hold the straight arms up under the bar"},
  mw="Only the shoulder blades move; the elbows stay straight",
  pw="Shoulder-blade protraction under a bar")
P("smith-machine-hang-power-clean", "smith-machine", "B", "c", "HipHinge", "H",
  "P glutes hamstrings quadriceps | S traps calves anterior-deltoid | St erector-spinae "
  "forearms abdominals",
  "A hang power clean: the rails fix the bar path but the drive, drop and elbow turnover are "
  "the Olympic catch (docs/reviewed-layer.md: High)",
  fn={"glutes": "Extend the hips explosively from the hang",
      "hamstrings": "Extend the hips from the hang position",
      "quadriceps": "Extend the knees in the drive and catch the bar",
      "traps": "Shrug the bar upward at the end of the pull",
      "anterior-deltoid": "Turn the elbows around the bar to rack it",
      "erector-spinae": "Hold the spine neutral", "forearms": "Grip the bar"}, kind="P",
  mw="Ankles, knees, hips and shoulders all move through the pull and the catch")
T("smith-machine-hip-raise", "smith-machine bench", "B", "i", "TrunkStability", "L",
  "P rectus-abdominis | St quadriceps",
  "A reverse crunch pushing a Smith bar up with the feet: the rails guide it",
  fn={"rectus-abdominis": "Curl the pelvis up to raise the hips and the bar",
      "quadriceps": "Hold the legs extended under the bar"},
  mw="Only the spine and pelvis curl; the legs hold their angle",
  ew="A Smith machine bar held by the feet; a bench under it")
P("snap-down", "bodyweight", "B", "c", "Squat", "L",
  "P quadriceps glutes | S hamstrings calves | St abdominals",
  "Dropping from tiptoe into an athletic landing: simple",
  fn={"quadriceps": "Absorb the landing (eccentric) and hold the stance",
      "glutes": "Absorb the landing at the hips",
      "hamstrings": "Hold the hips back in the landing",
      "calves": "Absorb the landing at the ankles",
      "abdominals": "Hold the trunk braced as the arms snap down"}, kind="P",
  mw="Ankles, knees and hips bend together to absorb the landing",
  pw="A two-footed landing into a quarter squat")
L("speed-deadlift", "barbell", "B", "c", "HipHinge", "M",
  "P glutes hamstrings quadriceps | S adductors | St erector-spinae forearms traps abdominals",
  "A deadlift with short rests: setting the back and the start position take coaching",
  fn={"glutes": "Extend the hips to lockout", "hamstrings": "Extend the hips from the floor",
      "quadriceps": "Extend the knees to break the bar from the floor",
      "adductors": "Assist hip extension from the flexed hip",
      "erector-spinae": "Hold the spine neutral against the load's lever arm",
      "forearms": "Grip the bar", "traps": "Hold the shoulder blades set under the bar"},
  ew="A loaded barbell pulled from the floor")
L("speed-squats", "barbell squat-rack", "B", "c", "Squat", "M",
  "P quadriceps glutes | S adductors | St hamstrings erector-spinae abdominals",
  "A back squat driven up fast: as technical as the back squat",
  fn={"quadriceps": "Extend the knees to stand up fast",
      "glutes": "Extend the hips out of the bottom position",
      "hamstrings": "Co-contract across hip and knee to steady the knee",
      "erector-spinae": "Hold the spine neutral under the load",
      "abdominals": "Brace the trunk so the load does not bend the spine"},
  ew="A barbell on the upper back, unracked from a squat rack")
T("spell-caster", "dumbbell", "A", "c", "TrunkStability", "L",
  "P obliques | S anterior-deltoid glutes | St forearms",
  "Swinging two dumbbells from hip to hip: easy to learn",
  fn={"obliques": "Rotate the trunk to swing the weights across",
      "anterior-deltoid": "Hold the arms straight out as the weights swing",
      "glutes": "Turn the hips with the swing", "forearms": "Grip the dumbbells"},
  mw="The trunk and hips rotate while the arms hold the weights out")
N("sphinx", "bodyweight", "B", "i", "TrunkStability", "L",
  "P rectus-abdominis | S erector-spinae",
  "Lying propped on the forearms: no load",
  fn={"rectus-abdominis": "Lengthen as the lower back extends",
      "erector-spinae": "Hold the back gently extended"}, kind="X",
  mw="A held back-extension stretch: no joint moves",
  pw="A held extension of the lower back (the yoga sphinx)")
T("spider-crawl", "bodyweight", "A", "c", "TrunkStability", "M",
  "P obliques chest triceps | S quadriceps | St shoulders rectus-abdominis",
  "Holding the bottom of a push-up while each knee comes to the elbow: strength and control",
  fn={"obliques": "Side-bend and turn the pelvis to bring the knee up to the elbow",
      "chest": "Hold the body up on bent arms (the bottom of a push-up, isometric)",
      "triceps": "Hold the elbows bent at 90 degrees under the body",
      "quadriceps": "Flex the hip to bring the knee forward (the rectus femoris)",
      "shoulders": "Hold the body over the hands",
      "rectus-abdominis": "Hold the body straight from head to heels"},
  mw="The hip moves the leg while the trunk and arms hold the low push-up",
  lw="The legs come forward in turn")
T("splinter-sit-ups", "bodyweight", "A", "c", "TrunkStability", "L",
  "P rectus-abdominis obliques | S quadriceps",
  "A sit-up twisting elbow to opposite knee (its description): easy",
  fn={"obliques": "Rotate the trunk to bring the elbow across",
      "rectus-abdominis": "Flex the spine to sit up",
      "quadriceps": "Flex the hip to bring the knee up (the rectus femoris)"},
  mw="The spine flexes and rotates and the hip flexes")
P("split-jerk", "barbell squat-rack", "B", "c", "VerticalPush", "H",
  "P quadriceps glutes anterior-deltoid triceps | S hamstrings calves traps | St abdominals "
  "erector-spinae",
  "An Olympic jerk landing in a split: a skill of its own",
  fn={"quadriceps": "Extend the knees out of the dip and stand up from the split",
      "glutes": "Extend the hips in the drive",
      "anterior-deltoid": "Push the bar up as the body drops under it",
      "triceps": "Lock the elbows out to receive the bar",
      "traps": "Upwardly rotate the shoulder blades overhead",
      "erector-spinae": "Hold the trunk upright under the bar"}, kind="P",
  mw="Knees, hips, ankles, shoulders and elbows all move",
  ew="A barbell taken from a rack on the front of the shoulders")
L("split-squats-left", "bodyweight", "U", "c", "Lunge", "L",
  "P quadriceps glutes | S adductors | St abductors abdominals",
  "A static bodyweight split squat: easy to learn",
  fn={"quadriceps": "Extend the knee of the front leg",
      "glutes": "Extend the hip of the front leg",
      "adductors": "Assist hip extension of the front leg",
      "abductors": "Hold the pelvis level in the split stance",
      "abdominals": "Hold the trunk upright"},
  lw="One leg in front for a set, then the other (the left and right copies are one exercise)")
P("squat-jerk", "barbell squat-rack", "B", "c", "VerticalPush", "H",
  "P quadriceps glutes anterior-deltoid triceps | S hamstrings calves traps | St abdominals "
  "erector-spinae",
  "A jerk caught in a full squat: a skill of its own",
  fn={"quadriceps": "Extend the knees out of the dip and stand up from the squat",
      "glutes": "Extend the hips in the drive and out of the squat",
      "anterior-deltoid": "Push the bar up as the body drops under it",
      "triceps": "Lock the elbows out to receive the bar",
      "traps": "Upwardly rotate the shoulder blades overhead",
      "erector-spinae": "Hold the trunk upright under the bar"}, kind="P",
  mw="Knees, hips, ankles, shoulders and elbows all move",
  ew="A barbell taken from a rack on the front of the shoulders")
P("squat-jumps", "bodyweight", "B", "c", "Squat", "L",
  "P quadriceps glutes | S adductors abductors calves",
  "Jumping the feet wide into a squat and back together: simple",
  fn={"quadriceps": "Extend the knees in each jump",
      "glutes": "Extend the hips in each jump",
      "adductors": "Bring the feet back together", "abductors": "Jump the feet wide",
      "calves": "Push off through the ankles"}, kind="P", mw=PLYO,
  pw="Two-footed jumps in and out of a squat")
L("squat-with-plate-movers", "barbell squat-rack weight-plate", "B", "c", "Squat", "M",
  "P quadriceps glutes adductors | S abductors | St hamstrings erector-spinae abdominals",
  "A wide back squat stepping over a plate each rep: as technical as the back squat",
  fn={"adductors": "Extend the hips from the wide stance",
      "abductors": "Step sideways over the plate under the bar",
      "hamstrings": "Co-contract across hip and knee to steady the knee",
      "erector-spinae": "Hold the spine neutral under the load",
      "abdominals": "Brace the trunk"},
  ew="A barbell from a squat rack; a weight plate on the floor to step over")
U("standing-cable-chest-press", "cable-station", "B", "c", "HorizontalPush", "L",
  "P chest | S anterior-deltoid triceps | St abdominals",
  "A standing cable press: the cables set the line",
  fn={"chest": "Flex and adduct the upper arms to press the handles together",
      "abdominals": "Brace the trunk against the cables' pull backward"},
  mw="The shoulders and the elbows both move: a multi-joint press",
  ew="A cable station's two pulleys at chest height")
T("standing-cable-wood-chop", "cable-station", "U", "c", "TrunkStability", "L",
  "P obliques | S lats glutes quadriceps | St forearms",
  "A high-to-low chop on a cable: easy to learn",
  fn={"obliques": "Rotate the trunk to pull the handle down and across",
      "lats": "Pull the straight arms down from overhead",
      "glutes": "Turn the hips into the chop", "quadriceps": "Bend and steady the knees",
      "forearms": "Grip the handle"},
  mw="Hips, trunk and shoulders move together", ew="A cable station's high pulley")
N("standing-dowel-shoulder-press", "dowel", "B", "c", "VerticalPush", "L",
  "P shoulders | S traps triceps",
  "Pressing a dowel overhead and behind: no load",
  fn={"shoulders": "Move the arms through their overhead range (the whole cuff and deltoid)",
      "traps": "Upwardly rotate the shoulder blades overhead",
      "triceps": "Extend the elbows"}, kind="M",
  mw="Shoulders and elbows move through range, unloaded",
  ew="A dowel (its description: a mobility drill), not a barbell")
U("standing-dumbbell-straight-arm-front-delt-raise-above-head", "dumbbell", "B", "i",
  "Isolation", "L", "P anterior-deltoid | S chest lateral-deltoid traps",
  "A straight-arm front raise carried overhead: simple",
  fn={"anterior-deltoid": "Flex the shoulders to raise the straight arms overhead",
      "chest": "Assist shoulder flexion (the upper fibres)",
      "lateral-deltoid": "Assist as the arms pass shoulder height",
      "traps": "Upwardly rotate the shoulder blades overhead"},
  mw=DELT_RAISE, pw="Single-joint shoulder flexion")
U("standing-front-barbell-raise-over-head", "barbell", "B", "i", "Isolation", "L",
  "P anterior-deltoid | S chest lateral-deltoid traps",
  "A front raise with a barbell carried overhead: simple",
  fn={"anterior-deltoid": "Flex the shoulders to raise the bar overhead",
      "chest": "Assist shoulder flexion (the upper fibres)",
      "lateral-deltoid": "Assist as the arms pass shoulder height",
      "traps": "Upwardly rotate the shoulder blades overhead"},
  mw=DELT_RAISE, pw="Single-joint shoulder flexion")
P("standing-long-jump", "bodyweight", "B", "c", "Squat", "L",
  "P glutes quadriceps | S hamstrings calves | St abdominals",
  "A broad jump: simple, landing is the skill",
  fn=HOP_FN | {"glutes": "Extend the hips explosively to jump forward"}, kind="P", mw=PLYO,
  pw="A two-footed jump: knees and hips bend and straighten together")
U("standing-olympic-plate-hand-squeeze", "weight-plate", "B", "i", "Isolation", "L",
  "P forearms",
  "Opening and closing the fingers on a plate's rim: simple",
  fn={"forearms": "Flex the fingers to close the hand on the plate's rim"},
  mw="Only the fingers move", pw="Single-joint finger flexion",
  ew="Two weight plates held by the rim, one in each hand")
U("standing-one-arm-dumbbell-curl-over-incline-bench", "dumbbell incline-bench", "U", "i",
  "Isolation", "L", "P biceps | St forearms",
  "A one-arm curl with the arm on an incline bench: the bench fixes the arm",
  fn={"biceps": "Flex the elbow with the upper arm resting on the bench"},
  mw=CURL, pw="Single-joint elbow flexion")
T("standing-rope-crunch", "cable-station", "B", "i", "TrunkStability", "L",
  "P rectus-abdominis | S obliques",
  "A standing crunch against a rope: easy to learn",
  fn={"obliques": "Assist spinal flexion"}, mw=FLEX,
  ew="A cable station's high pulley with a rope, the back to the tower")
U("standing-rope-forearm", "wrist-roller weight-plate", "A", "i", "Isolation", "L",
  "P forearms | St anterior-deltoid",
  "Winding a weight up on a cord: simple",
  fn={"forearms": "Flex and extend the wrists in turn to wind the cord",
      "anterior-deltoid": "Hold the arms out in front"},
  mw="Only the wrists move", pw="Single-joint wrist flexion and extension",
  ew="A wrist roller (a handle with a cord) and a weight plate on its end",
  lw="The hands turn the roller in turn")
T("standing-side-crunches", "bodyweight", "A", "c", "TrunkStability", "L",
  "P obliques | S quadriceps",
  "Standing elbow-to-knee side crunches: easy",
  fn={"obliques": "Bend the trunk sideways to bring the elbow to the knee",
      "quadriceps": "Flex the hip to lift the knee (the rectus femoris)"},
  mw="The trunk bends sideways and the hip flexes")
P("standing-two-arm-overhead-throw", "medicine-ball", "B", "c", "VerticalPull", "L",
  "P lats rectus-abdominis | S triceps chest",
  "A two-hand overhead throw: simple",
  fn={"lats": "Drive the arms forward from behind the head",
      "rectus-abdominis": "Flex the trunk into the throw",
      "triceps": "Extend the elbows at release",
      "chest": "Assist the arms' drive forward"}, kind="P",
  mw="Shoulders, elbows, trunk and hips all move into the throw",
  pw="The arms drive down and forward from overhead: a vertical pull at speed")
U("straight-raises-on-incline-bench", "barbell incline-bench", "B", "i", "Isolation", "L",
  "P anterior-deltoid | S traps lateral-deltoid",
  "A chest-supported front raise with a barbell: the bench holds the trunk",
  fn={"anterior-deltoid": "Flex the shoulders to raise the straight arms in front of the head",
      "traps": "Upwardly rotate the shoulder blades (the lower fibres)",
      "lateral-deltoid": "Assist the raise"},
  mw=DELT_RAISE, pw="Single-joint shoulder flexion")
P("stride-jump-crossover", "bodyweight plyo-box", "A", "c", "Lunge", "M",
  "P quadriceps glutes | S calves hamstrings | St abductors abdominals",
  "Jumping across a box from one foot to the other: coordination", fn=HOP_FN, kind="P",
  mw=PLYO, pw=BOX_STEP, ew="A box to jump across; the body's weight is the load",
  lw="The feet swap on the box each jump")
P("supine-chest-throw", "medicine-ball", "B", "c", "HorizontalPush", "L",
  "P triceps chest | S anterior-deltoid",
  "Throwing a ball straight up from the chest while lying: simple",
  fn={"triceps": "Extend the elbows explosively",
      "chest": "Drive the arms up to throw the ball"}, kind="P",
  mw="The shoulders and elbows extend together in the throw")
P("supine-one-arm-overhead-throw", "medicine-ball", "U", "c", "TrunkStability", "L",
  "P rectus-abdominis lats | S quadriceps triceps",
  "A sit-up with a one-arm throw: simple",
  fn={"rectus-abdominis": "Flex the trunk to sit up into the throw",
      "lats": "Drive the arm forward from behind the head",
      "quadriceps": "Flex the hips to finish the sit-up (the rectus femoris)",
      "triceps": "Extend the elbow at release"}, kind="P",
  mw="The trunk flexes and the shoulder drives the throw",
  pw="A sit-up: the trunk flexes to throw")
P("supine-two-arm-overhead-throw", "medicine-ball", "B", "c", "TrunkStability", "L",
  "P rectus-abdominis lats | S quadriceps triceps",
  "A sit-up with a two-arm throw: simple",
  fn={"rectus-abdominis": "Flex the trunk to sit up into the throw",
      "lats": "Drive the arms forward from behind the head",
      "quadriceps": "Flex the hips to finish the sit-up (the rectus femoris)",
      "triceps": "Extend the elbows at release"}, kind="P",
  mw="The trunk flexes and the shoulders drive the throw",
  pw="A sit-up: the trunk flexes to throw")
U("supine-press", "barbell bench", "B", "c", "HorizontalPush", "M",
  "P triceps chest | S anterior-deltoid | St middle-back",
  "A close-grip bench press: a free bar path",
  fn={"triceps": "Extend the elbows: the close grip makes them the limit",
      "chest": "Flex the upper arms to press",
      "middle-back": "Hold the shoulder blades pulled together"},
  mw="The shoulders and the elbows both move: a multi-joint press",
  ew="A barbell pressed lying on a flat bench (its description: close grip, back flat)")
T("suspended-reverse-crunch", "bodyweight suspension-trainer", "B", "c", "TrunkStability", "M",
  "P rectus-abdominis | S quadriceps | St shoulders chest triceps",
  "Tucking the knees in a plank with the feet in straps: balance on unstable straps",
  fn={"rectus-abdominis": "Curl the pelvis as the knees come in",
      "quadriceps": "Flex the hips to draw the knees in (the rectus femoris)",
      "shoulders": "Hold the body over the hands", "chest": "Hold the body up on straight arms",
      "triceps": "Hold the elbows straight"}, mw=FLEX_HIP,
  ew="A suspension trainer's foot cradles; the body's weight is the load")
U("svend-press", "weight-plate", "B", "c", "HorizontalPush", "L",
  "P chest | S anterior-deltoid triceps",
  "Squeezing two plates and pressing them out: simple",
  fn={"chest": "Squeeze the plates together (adduction) as the arms press out",
      "anterior-deltoid": "Flex the shoulders to push the plates out",
      "triceps": "Extend the elbows"},
  mw="The shoulders and the elbows both move",
  ew="Two light weight plates squeezed between the palms")
T("toe-taps", "bodyweight", "A", "c", "TrunkStability", "L",
  "P rectus-abdominis | S quadriceps | St transversus-abdominis",
  "Lying in tabletop lowering one foot at a time: easy",
  fn={"rectus-abdominis": "Hold the lower back down against the lowering leg",
      "quadriceps": "Lower and lift the leg (the rectus femoris)",
      "transversus-abdominis": "Draw the belly in to steady the pelvis"},
  mw="The hip moves the leg while the trunk holds still")
N("toe-touch", "bodyweight", "B", "i", "HipHinge", "L",
  "P hamstrings | S calves erector-spinae",
  "Bending forward to the toes: no load",
  fn={"hamstrings": "Lengthen as the trunk folds over the straight legs",
      "calves": "Lengthen (the gastrocnemius) with the knees straight",
      "erector-spinae": "Lengthen as the back rounds"}, kind="X",
  mw="Only the hips fold (a held reach)", pw="A forward fold at the hips (standing forward "
  "bend)")

# --- batch 3: torso-twist ... zottman-preacher-curl --------------------------------------------

N("torso-twist", "bodyweight", "A", "i", "TrunkStability", "L",
  "P obliques | St glutes",
  "Standing and turning the trunk side to side: no load",
  fn={"obliques": "Rotate the trunk from side to side through its range",
      "glutes": "Hold the hips square"}, kind="M", mw=ROT,
  pw="Unloaded trunk rotation (its description: a dynamic flexibility drill)")
T("towel-superman", "bodyweight", "B", "c", "TrunkStability", "L",
  "P erector-spinae | S lats posterior-deltoid middle-back glutes",
  "A superman pulling a towel apart: easy",
  fn={"erector-spinae": "Hold the chest lifted (spinal extension)",
      "lats": "Pull the towel from in front down and back toward the trunk",
      "posterior-deltoid": "Hold the arms raised and pull the towel apart",
      "middle-back": "Retract the shoulder blades to pull the towel apart",
      "glutes": "Hold the legs extended"},
  mw="The spine holds extended while the shoulders move the towel",
  ew="A towel pulled apart; the body's weight is the load")
U("trap-3-raise", "bodyweight", "U", "i", "Isolation", "L",
  "P traps | S posterior-deltoid middle-back | St erector-spinae",
  "A bent-over one-arm raise, light: simple",
  fn={"traps": "Depress and upwardly rotate the shoulder blade (the lower fibres)",
      "posterior-deltoid": "Raise the arm overhead on the diagonal",
      "middle-back": "Hold the shoulder blade retracted",
      "erector-spinae": "Hold the hinged trunk still"},
  mw="Only the shoulder and its blade move; the elbow stays straight",
  pw="Single-joint shoulder raise on the lower trapezius line",
  ew="No equipment (a light weight optional): the arm's own weight is the load")
U("trap-press", "dumbbell bench", "U", "i", "Isolation", "L",
  "P chest | S anterior-deltoid",
  "Lying and pushing a weight up by the shoulder alone: simple",
  fn={"chest": "Protract the shoulder blade to raise the weight (the serratus anterior, "
               "filed under the chest)",
      "anterior-deltoid": "Hold the straight arm vertical"},
  mw="Only the shoulder blade moves; the elbow stays straight",
  pw="Shoulder-blade protraction lying down (its description; the name's 'trap' misleads)",
  ew="One dumbbell held up lying on a bench")
T("trx-obliques", "bodyweight suspension-trainer", "A", "c", "TrunkStability", "M",
  "P obliques | S rectus-abdominis quadriceps | St shoulders chest triceps",
  "Tucking the knees to each side in a plank with the feet in straps: balance on unstable "
  "straps",
  fn={"obliques": "Rotate and side-bend the pelvis to bring the knees toward an elbow",
      "rectus-abdominis": "Curl the pelvis as the knees come in",
      "quadriceps": "Flex the hips to draw the knees in (the rectus femoris)",
      "shoulders": "Hold the body over the hands", "chest": "Hold the body up on straight arms",
      "triceps": "Hold the elbows straight"}, mw=FLEX_HIP,
  ew="A suspension trainer's foot cradles; the body's weight is the load")
T("trx-roll-out", "bodyweight suspension-trainer", "B", "c", "TrunkStability", "M",
  "P abdominals | S lats | St shoulders triceps",
  "Leaning out on the straps without the lower back sagging takes control",
  fn={"abdominals": "Keep the trunk from extending as the arms go overhead, and pull back",
      "lats": "Pull the straight arms back down from overhead",
      "shoulders": "Hold the shoulders under the load", "triceps": "Hold the elbows straight"},
  mw="The shoulders move while the trunk resists extending",
  ew="A suspension trainer's handles; the body's weight is the load")
U("tuck-planche", "bodyweight", "B", "i", "HorizontalPush", "H",
  "P anterior-deltoid chest | S triceps | St abdominals biceps",
  "A gymnastic hold on straight arms: a skill of its own",
  fn={"anterior-deltoid": "Hold the body up ahead of the hands (shoulder flexion, isometric)",
      "chest": "Protract the shoulder blades (the serratus anterior) and hold the arms in",
      "triceps": "Hold the elbows locked",
      "abdominals": "Hold the knees tucked and the back rounded",
      "biceps": "Hold the straight elbows under the forward lean"},
  mw=HOLD, pw="A straight-arm press hold with the body level: a horizontal push held")
T("turkish-get-up", "dumbbell", "U", "c", "TrunkStability", "M",
  "P shoulders obliques glutes | S quadriceps rectus-abdominis triceps | St traps",
  "A sequence from lying to standing with a weight overhead: taught step by step",
  fn={"shoulders": "Hold the weight overhead at arm's length through every step (the cuff and "
                   "deltoid, isometric)",
      "obliques": "Roll and lift the trunk onto the elbow and hand",
      "glutes": "Bridge the hips and stand up out of the lunge",
      "quadriceps": "Stand up from the kneeling lunge",
      "rectus-abdominis": "Curl the trunk up off the floor",
      "triceps": "Keep the elbow locked under the weight",
      "traps": "Hold the shoulder blade set under the weight"},
  mw="Hips, knees, trunk and shoulder move through the sequence",
  pw="The trunk rises and rotates under a weight held still overhead: trunk stability through "
     "a movement sequence", lw="One side a set (its description: switch hands between reps)")
P("two-arm-kettlebell-jerk", "kettlebell", "B", "c", "VerticalPush", "H",
  "P quadriceps glutes anterior-deltoid triceps | S calves traps | St abdominals "
  "erector-spinae",
  "The jerk's dip, drive and drop under two bells: a timed skill",
  fn={"quadriceps": "Extend the knees out of the dip to drive the bells",
      "glutes": "Extend the hips in the drive",
      "anterior-deltoid": "Punch the bells overhead",
      "triceps": "Lock the elbows out under the bells",
      "traps": "Upwardly rotate the shoulder blades overhead",
      "erector-spinae": "Hold the trunk upright in the rack"}, kind="P",
  mw="Knees, hips, ankles, shoulders and elbows all move")
T("upper-external-oblique", "bodyweight pull-up-bar", "A", "c", "TrunkStability", "M",
  "P obliques | S rectus-abdominis quadriceps | St forearms lats",
  "Assumed a hanging oblique knee raise (the name and a pull-up bar are all it gives): grip "
  "and control",
  fn={"obliques": "Curl and turn the pelvis to raise the knees to one side",
      "rectus-abdominis": "Curl the pelvis up",
      "quadriceps": "Flex the hips to lift the knees (the rectus femoris)",
      "forearms": "Grip the bar", "lats": "Hold the body still under the bar"},
  mw=FLEX_HIP, lw="The knees go to one side, then the other")
U("vpushup", "bodyweight", "B", "c", "VerticalPush", "M",  # a strict press (para press)
  "P anterior-deltoid | S triceps lateral-deltoid traps chest | St abdominals",
  "A V (pike) push-up: pressing much of the body weight overhead-wise takes strength",
  fn={"anterior-deltoid": "Flex the shoulders to push the body up from the hands",
      "triceps": "Extend the elbows",
      "lateral-deltoid": "Assist the press",
      "traps": "Upwardly rotate the shoulder blades",
      "chest": "Assist shoulder flexion (the upper fibres)",
      "abdominals": "Hold the hips high in the V"},
  mw="The shoulders and the elbows both move: a multi-joint press",
  pw="Hips high, the body an inverted V: the press is in line with the torso (a vertical push)")
T("w-raise", "bodyweight", "B", "c", "TrunkStability", "M",
  "P rectus-abdominis | S quadriceps obliques",
  "A reverse-crunch variation drawing a W with the legs: control over three parts",
  fn={"rectus-abdominis": "Curl the pelvis up and hold the lower back down",
      "quadriceps": "Flex the hips to move the legs (the rectus femoris)",
      "obliques": "Steady the pelvis as the legs travel"}, mw=FLEX_HIP)
N("walking-bridge", "bodyweight", "A", "c", "TrunkStability", "L",
  "P abdominals | S shoulders | St triceps glutes",
  "Walking the hands out from standing to a plank and back: easy",
  fn={"abdominals": "Hold the lower back from sagging as the hands walk out",
      "shoulders": "Carry the body's weight on the hands as they walk",
      "triceps": "Hold the elbows straight", "glutes": "Hold the hips contracted"}, kind="M",
  mw="The shoulders and hips move while the trunk holds",
  pw="An inchworm walk-out: the trunk holds a plank as the hands travel",
  lw="The hands walk in turn")
N("wall-angels", "bodyweight", "B", "i", "Isolation", "L",
  "P traps middle-back | S lateral-deltoid",
  "Sliding the arms up and down a wall: no load",
  fn={"traps": "Upwardly rotate the shoulder blades as the arms slide up (the lower fibres)",
      "middle-back": "Hold the shoulder blades back against the wall",
      "lateral-deltoid": "Raise the arms along the wall"}, kind="M",
  mw="Only the shoulder girdle moves (arm and shoulder blade together), unloaded",
  pw="The arms slide overhead along a wall: a shoulder-girdle mobility drill",
  ew="No equipment beyond a wall to stand against")
P("wall-balls", "medicine-ball", "B", "c", "Squat", "L",
  "P quadriceps glutes | S anterior-deltoid triceps | St abdominals",
  "A squat and a throw to a wall target: simple",
  fn={"quadriceps": "Extend the knees to drive out of the squat",
      "glutes": "Extend the hips out of the squat",
      "anterior-deltoid": "Throw the ball up to the target",
      "triceps": "Extend the elbows at release",
      "abdominals": "Brace the trunk to catch and squat"}, kind="P",
  mw="Ankles, knees, hips, shoulders and elbows all move",
  ew="A medicine ball (its description; not an exercise ball) and a wall")
# Wall drills are speed drills (issue 23, data6): wger's "Wall Drills" are the lateral wall
# drills of its videos (march, open, cross), the sideways counterpart of the linear
# acceleration wall drill. Leaning into a wall, the outer leg drives the body sideways while the
# other knee is driven up: an acceleration drill (PowerTraining), single-leg drives (Lunge), the
# glutes and quadriceps prime as in every sprint drill of this file, the abductors assisting
# the sideways push. The earlier entry read the lean as an isometric abduction (strength,
# Isolation), which put hip abductions in its substitutes.
P("wall-drills", "bodyweight", "U", "c", "Lunge", "L",
  "P glutes quadriceps | S abductors calves hamstrings | St obliques",
  "Leaning sideways into a wall and driving the knees: a basic speed drill, simple",
  kind="P",
  fn={"glutes": "Extend the hip of the driving (outer) leg",
      "quadriceps": "Extend the driving knee and lift the marching one (the rectus femoris)",
      "abductors": "Push the body sideways off the outer leg (the gluteus medius, filed "
                   "under the abductors)",
      "calves": "Push off through the ankle",
      "hamstrings": "Assist hip extension of the driving leg",
      "obliques": "Hold the trunk in a straight line against the lean"},
  mw="Hip, knee and ankle of the driving leg all move",
  pw="A lateral acceleration drill: single-leg drives against a wall, as the linear wall "
     "drill (docs/reviewed-layer.md: sprint drills are lunges)",
  ew="No equipment beyond a wall to lean against")
U("wall-handstand", "bodyweight", "B", "i", "VerticalPush", "M",
  "P shoulders triceps | S traps | St abdominals",
  "A chest-to-wall handstand: the wall takes the balance; walking up and holding the body "
  "upside down take practice",
  fn={"shoulders": "Hold the whole body up on straight arms overhead (the deltoids and cuff)",
      "triceps": "Hold the elbows locked",
      "traps": "Hold the shoulder blades elevated and rotated up",
      "abdominals": "Hold the body straight against the wall"},
  mw=HOLD, pw="The body held over the hands, arms in line with the torso",
  ew="No equipment beyond a wall: the body's weight is the load")
L("wall-sit", "bodyweight", "B", "i", "Squat", "L",
  "P quadriceps | S glutes | St abdominals",
  "A static hold against a wall: no technique beyond finding the knee angle (same movement as "
  "the Wall Squat)",
  fn={"quadriceps": "Hold the knees bent against the body's weight (isometric)",
      "glutes": "Hold the hips at the set angle",
      "abdominals": "Hold the back flat on the wall"},
  mw="An isometric hold: no joint moves, the knees hold one angle",
  ew="No equipment beyond a wall to lean on: the body's own weight is the load")
N("wall-slides", "bodyweight", "B", "i", "Isolation", "L",
  "P traps middle-back | S triceps",
  "Sliding the arms up a wall from a 90-degree bend: no load",
  fn={"traps": "Upwardly rotate the shoulder blades as the arms slide up (the lower fibres)",
      "middle-back": "Hold the shoulder blades back against the wall",
      "triceps": "Straighten the arms along the wall"}, kind="M",
  mw="The shoulder girdle does the work; the elbows straighten without a load to move",
  pw="The arms slide overhead along a wall: a shoulder-girdle mobility drill",
  ew="No equipment beyond a wall to stand against")
T("weighted-ball-side-bend", "exercise-ball weight-plate", "U", "i", "TrunkStability", "L",
  "P obliques | St abductors",
  "Lying sideways over a ball with the feet on the floor: the ball is a support, not an "
  "unstable base (the table's Low row); single-joint work holding a plate",
  fn={"obliques": "Bend the trunk sideways up off the ball against the plate",
      "abductors": "Hold the legs and pelvis steady on the ball"},
  mw="Only the spine bends sideways",
  ew="An exercise ball under the side; a weight plate held by the head (its description)")
U("weighted-push-ups", "bodyweight weight-plate", "B", "c", "HorizontalPush", "M",
  "P chest triceps | S anterior-deltoid | St abdominals glutes",
  "A push-up with a plate on the back: the full body weight plus a load to balance",
  fn={"chest": "Press the body and the plate up", "triceps": "Extend the elbows",
      "abdominals": "Hold the plank straight under the plate",
      "glutes": "Hold the hips in line"},
  mw="The shoulders and the elbows both move: a multi-joint press",
  ew="A weight plate on the upper back beside the body's own weight")
T("weighted-sit-ups-with-bands", "decline-bench resistance-band", "B", "c", "TrunkStability",
  "M", "P rectus-abdominis | S quadriceps obliques",
  "Sit-ups on a decline bench against bands: setting the bands takes care",
  fn={"rectus-abdominis": "Flex the spine to curl the trunk up against the bands",
      "quadriceps": "Flex the hips to finish the sit-up (the rectus femoris)",
      "obliques": "Assist the trunk flexion"}, mw=FLEX_HIP,
  ew="A decline bench to anchor the legs and bands strapped to its base as the load")
L("weighted-squat", "dip-belt weight-plate bench", "B", "c", "Squat", "M",
  "P quadriceps glutes | S adductors | St abdominals",
  "A belt squat standing on two benches: setting up the belt and the benches takes care",
  fn={"quadriceps": "Extend the knees to stand up out of the squat",
      "glutes": "Extend the hips out of the bottom position",
      "adductors": "Assist hip extension out of the bottom",
      "abdominals": "Hold the trunk upright; the spine carries no load"},
  ew="A dip belt with plates hanging between two flat benches (its description)")
U("wide-grip-barbell-bench-press", "barbell bench squat-rack", "B", "c", "HorizontalPush", "M",
  "P chest | S anterior-deltoid triceps | St middle-back",
  "A free bar path, unracking and racking under load, and a spotter or safeties needed",
  fn={"chest": "Horizontally adducts the upper arms: the wide grip puts the most on the chest",
      "anterior-deltoid": "Flexes the shoulders alongside the chest",
      "triceps": "Extend the elbows to lock the press out",
      "middle-back": "Hold the shoulder blades pulled together as the base of the press"},
  mw="The shoulders and the elbows both move: a multi-joint press",
  ew="A barbell lifted from a rack over a flat bench")
U("wide-grip-decline-barbell-bench-press", "barbell decline-bench", "B", "c",
  "HorizontalPush", "M",
  "P chest | S triceps anterior-deltoid | St middle-back",
  "A free bar path on a decline, unracking under load; a spotter needed",
  fn={"chest": "The lower fibres adduct and extend the upper arms: the wide grip adds chest",
      "triceps": "Extend the elbows to lock the press out",
      "anterior-deltoid": "Flexes the shoulders a little, less than on a flat bench",
      "middle-back": "Hold the shoulder blades pulled together as the base of the press"},
  mw="The shoulders and the elbows both move: a multi-joint press",
  ew="A barbell lifted from the uprights of a decline bench that locks the feet")
T("wind-sprints", "bodyweight pull-up-bar", "A", "c", "TrunkStability", "M",
  "P rectus-abdominis | S quadriceps obliques | St forearms lats",
  "Hanging and driving the knees up in turn without swinging: grip and control",
  fn={"rectus-abdominis": "Curl the pelvis as each knee rises",
      "quadriceps": "Flex the hip to drive the knee up (the rectus femoris)",
      "obliques": "Steady the pelvis as the legs alternate",
      "forearms": "Grip the bar", "lats": "Hold the body still under the bar"},
  mw=FLEX_HIP, pw="Hanging alternating knee raises: trunk and hip flexion")
U("wrist-roller", "wrist-roller weight-plate", "A", "i", "Isolation", "L",
  "P forearms | St anterior-deltoid",
  "Winding a weight up on a cord: simple",
  fn={"forearms": "Flex and extend the wrists in turn to wind the cord",
      "anterior-deltoid": "Hold the straight arms out in front"},
  mw="Only the wrists move", pw="Single-joint wrist flexion and extension",
  ew="A wrist roller (a handle with a cord) and a weight plate on its end",
  lw="The wrists turn the roller in turn")
U("wrist-rotations-with-straight-bar", "barbell", "A", "i", "Isolation", "L",
  "P forearms",
  "Rolling the wrists on a held barbell: simple",
  fn={"forearms": "Extend, then flex, each wrist in turn against the bar's weight"},
  mw="Only the wrists move", pw="Single-joint wrist extension and flexion",
  lw="The hands work in turn")
U("ytwl-exercise", "dumbbell", "B", "i", "Isolation", "L",
  "P traps middle-back posterior-deltoid | S lateral-deltoid | St erector-spinae hamstrings",
  "Light raises through four letter positions, standing bent over with the hinge held "
  "unsupported (no bench): with dumbbells Low, as the dumbbell hinge (issue 23, data7)",
  fn={"traps": "Upwardly rotate and depress the shoulder blades (the lower fibres) in the Y",
      "middle-back": "Retract the shoulder blades in the T and W",
      "posterior-deltoid": "Horizontally abduct and externally rotate the arms",
      "lateral-deltoid": "Assist the raises", "erector-spinae": "Hold the hinged trunk still",
      "hamstrings": "Hold the hips back in the hinge"},
  mw="The shoulders and shoulder blades move; the trunk holds still",
  pw="Shoulder raises in the Y, T, W and L positions",
  ew="Light dumbbells, standing bent over (its description)")
U("ywts", "bodyweight", "B", "i", "Isolation", "L",
  "P traps middle-back posterior-deltoid | St erector-spinae",
  "Lying face down raising the arms in Y, W and T positions: easy",
  fn={"traps": "Upwardly rotate and depress the shoulder blades (the lower fibres) in the Y",
      "middle-back": "Retract the shoulder blades in the W and T",
      "posterior-deltoid": "Horizontally abduct the arms",
      "erector-spinae": "Hold the chest slightly lifted"},
  mw="The shoulders and shoulder blades move; the trunk holds still",
  pw="Shoulder raises in the Y, W and T positions",
  ew="No equipment (a mat optional): the arms' own weight is the load")
U("zottman-preacher-curl", "dumbbell preacher-bench", "B", "i", "Isolation", "L",
  "P biceps forearms",
  "A preacher curl turning the palms over at top and bottom: simple",
  fn={"biceps": "Flex the elbows palms up",
      "forearms": "Lower the weight palms down (the brachioradialis and wrist extensors)"},
  mw=CURL, pw="Single-joint elbow flexion", ew="Dumbbells and a preacher bench")

# --- strength and power exercises on neither half's list: until now reviewed only by a muscles
# correction (data/corrections.tsv); described whole here --------------------------------------

HINGE_FN = {"glutes": "Extend the hips to lockout",
            "hamstrings": "Extend the hips from the hinge, lengthening under load on the way down",
            "quadriceps": "Extend the knees to break the load from the floor",
            "adductors": "Assist hip extension (the adductor magnus) from the flexed hip",
            "erector-spinae": "Hold the spine neutral against the load's lever arm",
            "abdominals": "Brace the trunk", "forearms": "Grip the load",
            "traps": "Hold the shoulder blades set under the hanging load",
            "calves": "Extend the ankles in the final drive"}
DEAD = "P glutes hamstrings quadriceps | S adductors | St erector-spinae forearms traps abdominals"
KB_FN = HINGE_FN | {"shoulders": "Guide the bell up and receive it",
                    "traps": "Pull the bell up as the hips finish",
                    "obliques": "Hold the trunk square against the one-sided load"}
OLY = "Ankles, knees, hips and shoulders all move through the pull and the catch"
L("atlas-stone-trainer", "other", "B", "c", "HipHinge", "H",
  "P glutes hamstrings erector-spinae | S quadriceps biceps | St forearms abdominals",
  "Lapping a stone-shaped load and extending with it: a strongman skill",
  fn=HINGE_FN | {"erector-spinae": "Extend the rounded back as the load rises from the lap",
                 "biceps": "Hug the load to the body", "forearms": "Clamp the load with the hands"},
  mw="Hips, knees and spine extend while the arms hug the load",
  ew="An atlas stone trainer (a loaded bar end or pipe; a strongman implement)")
U("axe-hold", "dumbbell", "B", "i", "Isolation", "L",
  "P lateral-deltoid | S traps | St forearms",
  "Holding dumbbells out to the sides: simple",
  fn={"lateral-deltoid": "Hold the arms abducted at shoulder height (isometric)",
      "traps": "Hold the shoulder girdle up", "forearms": "Grip the dumbbells"},
  mw=HOLD, pw="An isometric hold of shoulder abduction")
T("back-bridge", "bodyweight", "B", "c", "TrunkStability", "M",
  "P glutes erector-spinae triceps | S quadriceps hamstrings anterior-deltoid | St abdominals",
  "Pushing up from the floor into a full back bridge: shoulder and spine mobility and strength",
  fn={"glutes": "Extend the hips to lift the pelvis high",
      "erector-spinae": "Extend (arch) the spine into the bridge",
      "triceps": "Extend the elbows to push the body up from the hands by the ears",
      "quadriceps": "Extend the knees to push the body toward the hands",
      "hamstrings": "Assist hip extension",
      "anterior-deltoid": "Flex the shoulders overhead to carry the body on the hands",
      "abdominals": "Control the arch on the way down"},
  mw="Hips, spine, shoulders and elbows all move",
  pw="The spine and hips extend into an arch (a gymnastic bridge): not a neutral-spine hinge")
L("back-extension", "bodyweight hyperextension-bench", "B", "i", "HipHinge", "L",
  "P glutes hamstrings | St erector-spinae",
  "A back extension on a 45-degree bench, the body's weight as the load: easy to learn",
  fn={"glutes": "Extend the hips to raise the trunk",
      "hamstrings": "Extend the hips from the bottom",
      "erector-spinae": "Hold the spine neutral as the trunk rises"},
  mw="Only the hips move over the pad; the spine holds neutral")
P("bottoms-up-clean-from-the-hang-position", "kettlebell", "U", "c", "HipHinge", "M",
  "P glutes hamstrings | S anterior-deltoid traps quadriceps | St forearms obliques",
  "Catching the bell upside down at the shoulder needs a crushing grip and control",
  fn=KB_FN | {"quadriceps": "Extend the knees as the hips snap the bell up from the hang",
              "anterior-deltoid": "Bring the bell up and hold it bottom-up at the shoulder",
              "forearms": "Crush the handle to keep the bell balanced bottom-up"},
  kind="P", lw="One hand for a set, then the other")
L("car-deadlift", "other", "B", "c", "HipHinge", "M", DEAD,
  "A deadlift of a loaded frame by its handles: setting the back takes coaching",
  fn=HINGE_FN | {"forearms": "Grip the frame's handles"},
  ew="A car-deadlift frame loaded with a vehicle or weights (a strongman implement)")
P("clean-shrug", "barbell", "B", "c", "HipHinge", "M",
  "P glutes hamstrings traps | S quadriceps | St erector-spinae forearms",
  "A pull drill of the clean: the timing of hips and shrug takes practice",
  fn=HINGE_FN | {"traps": "Shrug the bar upward as the hips finish extending",
                 "glutes": "Extend the hips explosively from the mid-thigh hang (the second "
                           "pull)",
                 "hamstrings": "Extend the hips explosively from the hang",
                 "quadriceps": "Extend the knees in the drive"}, kind="P",
  mw="Hips, knees and shoulder girdle extend and elevate together",
  ew="A barbell held at mid-thigh in the clean grip")
P("double-kettlebell-snatch", "kettlebell", "B", "c", "HipHinge", "H",
  "P glutes hamstrings shoulders | S quadriceps traps | St abdominals forearms",
  "Swinging two bells and punching them overhead in one motion: a skill of its own",
  fn=KB_FN | {"shoulders": "Pull the bells overhead and lock them out"}, kind="P", mw=OLY)
U("glute-bridge-single-arm-press", "dumbbell", "U", "c", "HorizontalPush", "M",
  "P chest triceps | S anterior-deltoid | St glutes hamstrings obliques",
  "A one-arm floor press holding a glute bridge: two tasks at once",
  fn={"chest": "Press the dumbbell up from the floor",
      "triceps": "Extend the elbow to lock out",
      "glutes": "Hold the hips up in the bridge (isometric)",
      "hamstrings": "Hold the bridge with the glutes",
      "obliques": "Keep the bridged trunk from rolling toward the weight"},
  mw="The shoulder and the elbow both move: a multi-joint press")
P("high-pull", "barbell", "B", "c", "HipHinge", "M",
  "P glutes hamstrings traps | S quadriceps shoulders calves | St erector-spinae forearms",
  "An explosive pull to shoulder height without a catch: timing takes practice",
  fn=HINGE_FN | {"traps": "Shrug and pull the bar up as the hips finish",
                 "shoulders": "Pull the bar up to shoulder height, elbows high"}, kind="P",
  mw="Ankles, knees, hips and shoulders extend and pull together",
  ew="A light barbell lifted from below the knees")
L("hyperextensions-with-no-hyperextension-bench", "bodyweight bench", "B", "i", "HipHinge", "M",
  "P glutes hamstrings | St erector-spinae",
  "A back extension over the end of a flat bench, a partner holding the legs",
  fn={"glutes": "Extend the hips to raise the trunk",
      "hamstrings": "Extend the hips from the bottom",
      "erector-spinae": "Hold the spine neutral as the trunk rises"},
  mw="Only the hips move over the bench's end; the spine holds neutral",
  ew="A flat bench whose end the hips hang over; a partner holds the legs (not equipment)")
P("kettlebell-sumo-high-pull", "kettlebell", "B", "c", "HipHinge", "M",
  "P glutes hamstrings traps | S quadriceps adductors shoulders | St forearms erector-spinae",
  "A sumo deadlift into an upright pull: the timing takes practice",
  fn=KB_FN | {"traps": "Pull the bell up to the chest, elbows high",
              "shoulders": "Abduct the upper arms to raise the elbows",
              "adductors": "Extend the hips from the wide stance"}, kind="P",
  mw="Hips, knees and shoulders extend and pull together")
P("one-arm-kettlebell-snatch", "kettlebell", "U", "c", "HipHinge", "H",
  "P glutes hamstrings shoulders | S quadriceps traps | St abdominals forearms",
  "Swinging a bell and punching it overhead in one motion: a skill of its own",
  fn=KB_FN | {"shoulders": "Pull the bell overhead and lock it out"}, kind="P", mw=OLY)
P("one-arm-kettlebell-split-snatch", "kettlebell", "U", "c", "HipHinge", "H",
  "P glutes hamstrings shoulders | S quadriceps traps | St abdominals forearms",
  "A kettlebell snatch received in a split: a skill of its own",
  fn=KB_FN | {"shoulders": "Pull the bell overhead and lock it out",
              "quadriceps": "Drop into the split and stand up from it"}, kind="P", mw=OLY)
U("recruitment-pulls", "bodyweight hangboard", "U", "i", "VerticalPull", "H",
  "P forearms lats | S biceps",
  "Maximal one-arm pulls on small hangboard edges: advanced climbing training",
  fn={"forearms": "Hold the edge with the fingers (the finger flexors, isometric)",
      "lats": "Pull down with maximal effort at a bent elbow (isometric)",
      "biceps": "Hold the elbow at 120-150 degrees"},
  mw="An isometric pull: the elbow and shoulder hold one angle",
  ew="A hangboard; the body's weight is the load")
U("remo-maquina-agarre-estrecho", "seated-row-machine", "B", "c", "HorizontalPull", "L",
  "P lats middle-back | S biceps posterior-deltoid",
  "A machine row: the machine guides the path",
  fn={"lats": "Pull the upper arms back to the sides with the close grip"},
  mw="Shoulders and elbows both move: a multi-joint pull",
  ew="A seated row machine with a close-grip bar ('remo en máquina')")
U("remo-maquina-agarre-estrecho-supino", "seated-row-machine", "B", "c", "HorizontalPull", "L",
  "P lats middle-back | S biceps posterior-deltoid",
  "A machine row: the machine guides the path",
  fn={"lats": "Pull the upper arms back to the sides with the close grip",
      "biceps": "Flex the elbows, more with the underhand grip"},
  mw="Shoulders and elbows both move: a multi-joint pull",
  ew="A seated row machine with a close underhand grip ('remo en máquina, supino')")
L("rickshaw-deadlift", "other", "B", "c", "HipHinge", "M",
  "P glutes quadriceps hamstrings | St erector-spinae forearms traps abdominals",
  "A deadlift of a frame by handles at the sides: setting the back takes coaching",
  fn=HINGE_FN | {"quadriceps": "Extend the knees: the handles at the sides allow an upright start",
                 "forearms": "Grip the frame's handles"},
  ew="A rickshaw frame with handles at the sides (a strongman implement)")
L("sandbag-load", "sandbag plyo-box", "B", "c", "HipHinge", "M",
  "P glutes hamstrings | S quadriceps erector-spinae biceps | St forearms abdominals",
  "Lifting an awkward sandbag and loading it onto a platform: strongman handling",
  fn=HINGE_FN | {"erector-spinae": "Extend the back as the bag rises",
                 "biceps": "Hug the bag to the body",
                 "forearms": "Grip the bag's fabric"},
  mw="Hips, knees and spine extend while the arms hug the bag",
  ew="Sandbags and a loading platform (a box)")
P("snatch-shrug", "barbell", "B", "c", "HipHinge", "M",
  "P glutes hamstrings traps | S quadriceps | St erector-spinae forearms",
  "A pull drill of the snatch: the timing of hips and shrug takes practice",
  fn=HINGE_FN | {"traps": "Shrug the bar upward as the hips finish extending",
                 "glutes": "Extend the hips explosively from the mid-thigh hang (the second "
                           "pull)",
                 "hamstrings": "Extend the hips explosively from the hang",
                 "quadriceps": "Extend the knees in the drive"}, kind="P",
  mw="Hips, knees and shoulder girdle extend and elevate together",
  ew="A barbell held at mid-thigh in the wide snatch grip")
P("two-arm-kettlebell-clean", "kettlebell", "B", "c", "HipHinge", "M",
  "P glutes hamstrings quadriceps | S traps calves shoulders | St erector-spinae forearms "
  "abdominals",
  "Cleaning two bells to the rack without banging the forearms takes practice",
  fn=KB_FN | {"quadriceps": "Extend the knees off the floor",
              "shoulders": "Guide the bells up and rack them against the forearms"}, kind="P",
  mw=OLY)

# --- free-exercise-db's stretching category (issue 23, data7) ----------------------------------
# free-exercise-db files its warm-up drills under "stretching", and the kind rule typed every
# exercise of that category a stretch (src/exgraph/infer/rules/kind.py): a crunch ("Toe
# Touchers": lying, the legs held up, the torso lifted to touch the toes), a jump repeated
# ("Frog Hops"), a back extension, a partial squat, a quadruped hip extension, a scissor kick.
# Of the 53 exercises typed a stretch by that category alone, each was read in its steps: the
# rule now lets a name word of another kind win over the category (joint circles, the inchworm,
# the frog hops), and the ones whose steps are strength or warm-up work no name word tells are
# described here by what their steps say. The other 41 hold a position (a held or partner
# stretch, "hold for 10-20 seconds") and stay stretches; Windmills stays a dynamic hip stretch
# (docs/reviewed-layer.md), and Front Leg Raises (a leg swing, wger's Leg Swings (Front-Back))
# is left to the duplicate pass.
T("toe-touchers", "bodyweight", "B", "i", "TrunkStability", "L",
  "P rectus-abdominis | St quadriceps transversus-abdominis",
  "Lying on the back lifting the torso toward raised legs: a crunch, easy",
  fn={"rectus-abdominis": "Flex the spine to lift the torso and reach the hands to the toes",
      "quadriceps": "Hold the legs up, near vertical (the rectus femoris)",
      "transversus-abdominis": "Keep the lower back pressed to the floor"},
  mw=FLEX, pw="Spinal flexion: a crunch with the legs raised (its steps), not a stretch",
  ew="The body alone, on the floor or a mat")
T("scissor-kick", "bodyweight", "A", "c", "TrunkStability", "L",
  "P rectus-abdominis | S quadriceps | St transversus-abdominis",
  "Lying on the back moving the raised legs up and down in turn: easy",
  fn={"rectus-abdominis": "Hold the lower back on the floor against the legs' lever",
      "quadriceps": "Raise and lower the straight legs in turn (the rectus femoris)",
      "transversus-abdominis": "Draw the belly in to steady the pelvis"},
  mw="The hips move the legs while the trunk holds still",
  pw="Trunk bracing against the legs' lever (its steps: a core exercise, not a stretch)")
T("lower-back-curl", "bodyweight", "B", "i", "TrunkStability", "L",
  "P erector-spinae | St glutes",
  "Lying face down lifting the chest: easy",
  fn={"erector-spinae": "Extend the spine to lift the chest off the floor",
      "glutes": "Hold the hips down on the floor"},
  mw="Only the spine extends; the arms do not push",
  pw="Spinal extension lying face down, 10-20 repetitions (its steps): a back extension, not "
     "a stretch")
L("sit-squats", "bodyweight", "B", "c", "Squat", "L",
  "P quadriceps glutes | S adductors | St abdominals erector-spinae",
  "A partial bodyweight squat above parallel: easy",
  fn={"quadriceps": "Extend the knees to stand back up", "glutes": "Extend the hips",
      "adductors": "Assist hip extension and steady the thighs"},
  pw="Knees and hips bend and extend together, both feet down: a squat (its steps, 5-10 "
     "quick repetitions), not a stretch")
L("rear-leg-raises", "bodyweight", "U", "i", "Isolation", "L",
  "P glutes | S hamstrings | St abdominals quadriceps",
  "On all fours extending one leg back: easy",
  fn={"glutes": "Extend the hip to lift the leg up and back",
      "hamstrings": "Assist hip extension", "abdominals": "Hold the lower back still",
      "quadriceps": "Straighten the knee as the leg goes back (only the leg's own weight)"},
  mw="Only the hip moves, backward",
  pw="Single-joint hip extension on all fours (its steps: the knee and hip extend), the glute "
     "kickback's movement, not a stretch")
P("frog-hops", "bodyweight", "B", "c", "Squat", "M",
  "P quadriceps glutes | S calves hamstrings | St abdominals",
  "Broad jumps one after another, each landing absorbed into the next: a rebound",
  fn={"quadriceps": "Absorb each landing and extend the knees to jump again",
      "glutes": "Extend the hips to drive forward", "calves": "Extend the ankles in the push-off",
      "hamstrings": "Assist hip extension", "abdominals": "Brace the trunk in the air"},
  kind="P", mw=PLYO,
  pw="A two-footed jump from a squat: its steps jump forward several feet and again, 5-10 times")
N("groiners", "bodyweight", "B", "c", "Squat", "L",
  "P adductors | S quadriceps glutes | St abdominals shoulders",
  "Jumping the feet in beside the hands from a push-up position: simple, no load",
  fn={"adductors": "Open the hips wide as the feet land beside the hands",
      "quadriceps": "Bring the knees up to the chest (the rectus femoris flexes the hips)",
      "glutes": "Jump the feet back out", "abdominals": "Hold the plank between jumps",
      "shoulders": "Hold the body up on the hands"}, kind="M",
  mw="Hips and knees flex and extend while the arms hold the plank",
  pw="The feet jump to a deep, wide squat under the hands: a warm-up for the hips and groin "
     "(its steps), not a held stretch")
N("torso-rotation", "exercise-ball", "A", "i", "TrunkStability", "L",
  "P obliques | St glutes shoulders",
  "Standing and turning the trunk side to side holding a ball out: no load",
  fn={"obliques": "Rotate the trunk from side to side through its range",
      "glutes": "Hold the hips square", "shoulders": "Hold the ball out at arm's length"},
  kind="M", mw=ROT,
  pw="Unloaded trunk rotation for 10-20 repetitions (its steps): a warm-up drill, as the torso "
     "twist", ew="A light exercise ball held out in front")
N("shoulder-raise", "bodyweight", "B", "i", "Isolation", "L",
  "P traps",
  "Raising the shoulders to the ears and lowering them: no load",
  fn={"traps": "Elevate the shoulder blades, then let them down"}, kind="M",
  mw="Only the shoulder blades move", pw="An unloaded shrug through its range (its steps): a "
  "warm-up drill for the shoulders, not a stretch")


# --- difficulty by the one table of docs/reviewed-layer.md ("Difficulty", the facts1 review) ----
#: Entries whose first level predates the table, set to the row that applies (slug -> level,
#: reason naming the row).
TABLE_LEVEL: dict[str, tuple[str, str]] = {
    "wall-handstand": ("H", "A handstand, even against a wall: a gymnastic skill (the table's "
                            "High row for handstands)"),
    "one-arm-floor-press": ("M", "A one-sided load lying down, the bar balanced in one hand "
                                 "(Moderate: balance or one side)"),
    "atlas-stone-trainer": ("M", "A strongman implement: lapping and extending take practice "
                                 "(Moderate: strongman implements)"),
    "log-lift": ("M", "A strongman log cleaned and pressed: an awkward implement (Moderate: "
                      "strongman implements)"),
    "one-arm-kettlebell-jerk": ("M", "A kettlebell jerk: timing the dip and drive, but no drop "
                                     "under a barbell (Moderate: ballistic without a barbell "
                                     "catch)"),
    "one-arm-kettlebell-clean-and-jerk": ("M", "A kettlebell clean and jerk: timing and a clean "
                                               "rack, no drop under a barbell (Moderate: "
                                               "ballistic without a barbell catch)"),
    "one-arm-kettlebell-split-jerk": ("M", "A kettlebell split jerk: timing and a split landing, "
                                           "no barbell catch (Moderate: ballistic without a "
                                           "barbell catch)"),
    "two-arm-kettlebell-jerk": ("M", "A double kettlebell jerk: timing the dip and drive, no "
                                     "barbell catch (Moderate: ballistic without a barbell "
                                     "catch)"),
    "double-kettlebell-snatch": ("M", "A kettlebell snatch: timing the hip snap and the lockout, "
                                      "no barbell catch (Moderate: ballistic without a barbell "
                                      "catch)"),
    "one-arm-kettlebell-snatch": ("M", "A kettlebell snatch: timing the hip snap and the "
                                       "lockout, no barbell catch (Moderate: ballistic without "
                                       "a barbell catch)"),
    "one-arm-kettlebell-split-snatch": ("M", "A kettlebell snatch into a split: timing and "
                                             "balance, no barbell catch (Moderate: ballistic "
                                             "without a barbell catch)"),
    "open-palm-kettlebell-clean": ("M", "A kettlebell clean flipped into the palms: timing, no "
                                        "barbell catch (Moderate: ballistic without a barbell "
                                        "catch)"),
    "rack-delivery": ("L", "A teaching drill with a light or empty bar: no pull and no drop "
                           "under the bar, correct in the first session (Low: everything "
                           "else)"),
    "london-bridges": ("M", "The whole body weight held on a rope by the grip (Moderate: the "
                            "whole body weight on the arms or the grip)"),
    "rope-climb": ("M", "Climbing the body weight up a rope (Moderate: the whole body weight on "
                        "the arms or the grip)"),
    "pullup-on-fingerboard": ("M", "A pull-up on hangboard edges (Moderate: hangboard edges)"),
    "recruitment-pulls": ("M", "Maximal pulls on hangboard edges (Moderate: hangboard edges)"),
    "parallel-bar-hold": ("M", "Holding the top of a dip on bars (Moderate: dips on bars and "
                               "their holds)"),
    "otis-up": ("L", "A sit-up pressing a plate up: basic bodyweight work with a light load "
                     "(Low)"),
    "weighted-push-ups": ("L", "A push-up from the floor with a plate on the back: the skill is "
                               "the push-up's (Low: push-ups from the floor)"),
    "spider-crawl": ("L", "A plank-based knee drive: basic bodyweight work (Low)"),
    "roman-chair": ("L", "Sit-ups on a Roman chair: basic bodyweight work (Low: sit-ups)"),
    "w-raise": ("L", "A reverse-crunch variation lying on the floor: basic bodyweight work "
                     "(Low)"),
    "weighted-sit-ups-with-bands": ("L", "Sit-ups against bands (Low: bands; sit-ups)"),
    "planche-de-cote-dynamique": ("L", "A side plank that dips and lifts: basic bodyweight work "
                                       "(Low: planks)"),
    "side-to-side-box-shuffle": ("M", "Jumping laterally over a box (Moderate: lateral jumps "
                                      "over a box)"),
    "medicine-ball-scoop-throw": ("L", "A medicine-ball toss (Low: basic throwing drills)"),
    "return-push-from-stance": ("L", "A medicine-ball pass (Low: basic throwing drills)"),
    "linear-3-part-start-technique": ("L", "A sprint start drill without load (Low: everything "
                                           "else)"),
    "lying-face-down-plate-neck-resistance": ("L", "Single-joint free-weight work, started "
                                                   "light (Low)"),
    "lying-face-up-plate-neck-resistance": ("L", "Single-joint free-weight work, started light "
                                                 "(Low)"),
    "seated-head-harness-neck-resistance": ("L", "Single-joint work with a harness, started "
                                                 "light (Low)"),
    "see-saw-press-alternating-side-press": ("L", "A standing dumbbell press with a side bend "
                                                  "(Low: standing dumbbell presses)"),
    "pullback": ("L", "A cable row (Low: cables)"),
    "rope-pullover-row": ("L", "A cable pullover and row (Low: cables)"),
    "shoulder-y-pull-cable": ("L", "A cable pull (Low: cables)"),
    "weighted-squat": ("L", "A bilateral squat with the load on a dip belt: no bar to unrack "
                            "(Low: everything else)"),
    "hyperextensions-with-no-hyperextension-bench": ("L", "A back extension over a bench "
                                                          "(Low: back extensions on a bench)"),
}
for _family in (trunk, upper, lower, power, other):
    for _ex in _family.exercises:
        if _ex.slug in TABLE_LEVEL:
            _ex.difficulty, _ex.reasons["difficulty"] = TABLE_LEVEL[_ex.slug]
_unknown = set(TABLE_LEVEL) - {e.slug for f in (trunk, upper, lower, power, other)
                               for e in f.exercises}
if _unknown:
    raise SystemExit(f"TABLE_LEVEL names exercises no table has: {sorted(_unknown)}")

FAMILIES = (trunk, upper, lower, power, other)


def main(argv: list[str]) -> int:
    """Write the family files; ``--check``: only report those that differ (exit 1)."""
    return write_or_check(list(FAMILIES), ROOT, "scripts/reviewed/general_b.py", argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
