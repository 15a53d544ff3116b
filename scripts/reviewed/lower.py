"""The reviewed reference layer for the lower body and trunk: squats, hinges, lunges, leg
isolation, calves, carries and core. Run ``python scripts/reviewed/lower.py`` to write
data/reviewed/{squat,hinge,lunge,legs-isolation,calves,carry,core}.ttl from these tables.

Each ``add`` is one exercise (see scripts/reviewed/writer.py for the arguments): equipment kinds,
laterality (B/U/A), mechanic (c/i), movement pattern, difficulty (L/M/H), muscles by role
("P ... | S ... | St ...") and the difficulty's reason; the muscle functions come from the
family's table unless given, the other reasons from templates unless given. The rules that
decide each field are in docs/reviewed-layer.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from writer import Family, write_or_check

ROOT = Path(__file__).resolve().parents[2]
LICENCE_NOTE = ("Facts written for exgraph from established anatomy and training knowledge, "
                "checked field by field against the rules of docs/reviewed-layer.md; they take "
                "precedence over the imported datasets.")

# --- squats ----------------------------------------------------------------------------------

squat = Family("squat", "Reviewed reference: squats",
               "Two-legged squats (barbell, dumbbell, kettlebell, bodyweight, band, machine), "
               "leg presses, hack squats, jump squats and thrusters. " + LICENCE_NOTE, {
    "quadriceps": "Extend the knees to stand up out of the squat",
    "glutes": "Extend the hips out of the bottom position",
    "adductors": "Assist hip extension out of the bottom, more so the deeper and wider the stance",
    "hamstrings": "Co-contract across hip and knee to steady the knee; change length little",
    "erector-spinae": "Hold the spine neutral under the load",
    "abdominals": "Brace the trunk so the load does not bend the spine",
    "calves": "Steady the ankles and keep the whole foot on the floor",
    "shoulders": "Hold the load in place (front rack or overhead)",
    "traps": "Hold the shoulder girdle up under the load",
    "middle-back": "Keep the upper back upright so the front-loaded weight does not pull it round",
    "forearms": "Grip the load",
    "triceps": "Lock the elbows out under the load",
})
S = squat.add
BACK = "P quadriceps glutes | S adductors | St hamstrings erector-spinae abdominals"
FRONT = "P quadriceps glutes | S adductors | St erector-spinae middle-back abdominals"
GOBLET = "P quadriceps glutes | S adductors | St abdominals erector-spinae middle-back"
MACHINE = "P quadriceps glutes | S adductors"
RACK_WHY = {"equipment": "A barbell on the upper back, unracked from and returned to a squat rack"}
FRONT_WHY = {"equipment": "A barbell held in the front rack, unracked from a squat rack"}

S("barbell-squat", "barbell squat-rack", "B", "c", "Squat", "M", BACK,
  "Bar path, bracing, depth and unracking a loaded bar take coaching: moderate", why=RACK_WHY)
S("barbell-full-squat", "barbell squat-rack", "B", "c", "Squat", "M", BACK,
  "A back squat below parallel: as technical as the back squat, plus the mobility for depth",
  why=RACK_WHY)
S("front-barbell-squat", "barbell squat-rack", "B", "c", "Squat", "M", FRONT,
  "Front-rack mobility and an upright trunk to keep the bar on the shoulders", why=FRONT_WHY)
S("front-squat-clean-grip", "barbell squat-rack", "B", "c", "Squat", "M", FRONT,
  "The clean grip needs wrist and shoulder mobility besides the squat itself", why=FRONT_WHY)
S("box-squat", "barbell squat-rack bench", "B", "c", "Squat", "M",
  "P glutes quadriceps | S adductors hamstrings | St erector-spinae abdominals",
  "A back squat that sits back to a box: the box sets depth but the sit and pause need control",
  fn={"hamstrings": "Assist hip extension from the shin-vertical sit on the box"},
  why={"equipment": "A barbell from a squat rack; a box or bench behind sets the depth"})
S("wide-stance-barbell-squat", "barbell squat-rack", "B", "c", "Squat", "M",
  "P quadriceps glutes adductors | St hamstrings erector-spinae abdominals",
  "A back squat with a wide stance: as technical as the back squat",
  fn={"adductors": "Extend the hips from the wide, deep position where they are stretched"},
  why=RACK_WHY)
S("narrow-stance-squats", "barbell squat-rack", "B", "c", "Squat", "M", BACK,
  "A back squat with the feet close: needs more ankle range to stay upright", why=RACK_WHY)
S("pin-squat", "barbell squat-rack", "B", "c", "Squat", "M", BACK,
  "Starts from the safety pins without a stretch reflex; setting the pins and bracing take care",
  why={"equipment": "A barbell set on the safety pins of a squat rack (or power rack)"})
S("overhead-squat", "barbell", "B", "c", "Squat", "H",
  "P quadriceps glutes | S adductors | St shoulders traps triceps erector-spinae abdominals",
  "Holding a barbell overhead at full depth demands shoulder, thoracic and ankle mobility and "
  "balance: high",
  fn={"shoulders": "Hold the bar overhead with straight arms", "triceps":
      "Keep the elbows locked under the bar"},
  why={"equipment": "A barbell, pressed or snatched overhead before the squat"})
S("zercher-squats", "barbell squat-rack", "B", "c", "Squat", "M",
  "P quadriceps glutes | S adductors | St middle-back erector-spinae abdominals",
  "Cradling the bar in the elbows is uncomfortable and loads the upper back, but the squat is "
  "simple",
  fn={"middle-back": "Hold the trunk upright against the bar cradled in the elbows"},
  why={"equipment": "A barbell cradled in the elbow crease, taken from a squat rack at waist "
                    "height"})
S("barbell-hack-squat", "barbell", "B", "c", "Squat", "M",
  "P quadriceps | S glutes adductors | St forearms erector-spinae",
  "Lifting a bar held behind the legs takes practice to keep it close",
  fn={"glutes": "Assist hip extension; the upright trunk leaves the knees most of the work",
      "forearms": "Grip the bar behind the legs"},
  why={"equipment": "A barbell held in the hands behind the legs, lifted from the floor"})
S("dumbbell-squat", "dumbbell", "B", "c", "Squat", "L",
  "P quadriceps glutes | S adductors | St forearms erector-spinae abdominals",
  "Dumbbells at the sides keep the trunk upright and can be dropped: easy to learn",
  fn={"forearms": "Grip the dumbbells at the sides"},
  why={"equipment": "Two dumbbells held at the sides"})
S("dumbbell-goblet-squat", "dumbbell", "B", "c", "Squat", "L", GOBLET,
  "The front-held weight counterbalances the squat: the usual first loaded squat",
  why={"equipment": "One dumbbell held upright at the chest"})
S("goblet-squat", "kettlebell", "B", "c", "Squat", "L", GOBLET,
  "The front-held weight counterbalances the squat: the usual first loaded squat",
  why={"equipment": "One kettlebell held by the horns at the chest"})
S("dumbbell-front-squat", "dumbbell", "B", "c", "Squat", "L", FRONT,
  "Dumbbells on the shoulders need no rack and little mobility",
  why={"equipment": "Two dumbbells resting on the front of the shoulders"})
S("double-kettlebell-front-squat", "kettlebell", "B", "c", "Squat", "M", FRONT,
  "Two bells in the rack position need a good rack and an upright trunk",
  why={"equipment": "Two kettlebells held in the front rack"})
S("plie-dumbbell-squat", "dumbbell", "B", "c", "Squat", "L",
  "P quadriceps glutes adductors | St abdominals erector-spinae",
  "A wide-stance squat holding one dumbbell between the legs: simple",
  fn={"adductors": "Extend the hips from the wide stance where they are stretched"},
  why={"equipment": "One dumbbell held at arm's length between the legs"})
S("bodyweight-squat", "bodyweight", "B", "c", "Squat", "L",
  "P quadriceps glutes | S adductors | St abdominals erector-spinae",
  "No load and no setup: the first squat anyone learns")
S("prisoner-squat", "bodyweight", "B", "c", "Squat", "L",
  "P quadriceps glutes | S adductors | St middle-back erector-spinae abdominals",
  "A bodyweight squat with the hands behind the head: no load, little setup",
  fn={"middle-back": "Keep the chest up and elbows back with the hands behind the head"})
S("sumo-squats", "barbell squat-rack", "B", "c", "Squat", "M",
  "P quadriceps glutes adductors | St hamstrings erector-spinae abdominals",
  "A back squat with a wide, toes-out stance: as technical as the back squat",
  fn={"adductors": "Extend the hips from the wide stance where they are stretched"},
  why={"equipment": "A barbell on the upper back (as its description says), from a squat rack"})
S("wall-squat", "bodyweight", "B", "i", "Squat", "L",
  "P quadriceps | S glutes | St abdominals",
  "A static hold against a wall: no technique beyond finding the knee angle",
  fn={"quadriceps": "Hold the knees bent against the body's weight (isometric)",
      "glutes": "Hold the hips at the set angle"},
  why={"mechanic": "An isometric hold: no joint moves, the knees hold one angle",
       "equipment": "No equipment beyond a wall to lean on: the body's own weight is the load"})
S("squats-with-bands", "resistance-band", "B", "c", "Squat", "L",
  "P quadriceps glutes | S adductors | St abdominals erector-spinae",
  "A bodyweight squat with a band under the feet: easy to set up",
  why={"equipment": "A resistance band stood on and held at the shoulders"})
S("chair-squat", "smith-machine", "B", "c", "Squat", "L",
  "P quadriceps | S glutes adductors | St abdominals erector-spinae",
  "A Smith machine squat with the feet forward, as if sitting to a chair: the rails guide it",
  fn={"glutes": "Assist hip extension; the feet-forward stance keeps the trunk upright"},
  why={"equipment": "A Smith machine's bar on the back, the feet about 45 cm in front of it"})
S("dumbbell-squat-to-a-bench", "dumbbell bench", "B", "c", "Squat", "L",
  "P quadriceps glutes | S adductors | St forearms abdominals erector-spinae",
  "Dumbbells at the sides and a bench that sets the depth: easy to learn",
  fn={"forearms": "Grip the dumbbells at the sides"},
  why={"equipment": "Two dumbbells; a bench behind sets the depth"})
S("leg-press", "leg-press-machine", "B", "c", "Squat", "L", MACHINE,
  "The sled guides the path and the back is supported: easy to learn")
S("leg-presses-wide", "leg-press-machine", "B", "c", "Squat", "L",
  "P quadriceps glutes adductors",
  "A leg press with the feet wide on the platform: machine-guided",
  fn={"adductors": "Extend the hips from the wide foot position"})
S("narrow-stance-leg-press", "leg-press-machine", "B", "c", "Squat", "L",
  "P quadriceps | S glutes",
  "A leg press with the feet close: machine-guided",
  fn={"glutes": "Assist hip extension; the close stance shifts the work to the knees"})
S("hack-squat", "hack-squat-machine", "B", "c", "Squat", "L", MACHINE,
  "The carriage rides on rails and the back is supported: easy to learn",
  fn={"glutes": "Extend the hips; the upright back leaves most of the work to the knees"})
S("narrow-stance-hack-squats", "hack-squat-machine", "B", "c", "Squat", "L",
  "P quadriceps | S glutes",
  "A hack squat with the feet close: machine-guided",
  fn={"glutes": "Assist hip extension; the close stance shifts the work to the knees"})
S("smith-machine-squat", "smith-machine", "B", "c", "Squat", "L", BACK,
  "The rails fix the bar path and the hooks make racking safe: easier than the free squat")
S("smith-machine-leg-press", "smith-machine", "B", "c", "Squat", "L", MACHINE,
  "The Smith machine's rails guide the bar (the table's machine row); the safeties are set "
  "before lying under it",
  why={"equipment": "A Smith machine's bar pressed with the feet from below"})
S("belt-squat", "belt-squat-machine", "B", "c", "Squat", "L", MACHINE,
  "The load hangs from the hips and the hands hold the machine: no spinal loading, easy to learn")
S("pendulum-squat", "machine", "B", "c", "Squat", "L", MACHINE,
  "A pendulum squat machine swings the load on an arc with the back supported: machine-guided",
  why={"equipment": "A pendulum squat machine (no narrower kind in the taxonomy)"})
S("lying-machine-squat", "machine", "B", "c", "Squat", "L", MACHINE,
  "A machine squat lying back on a pad: guided and supported",
  why={"equipment": "A lying (reverse hack) squat machine (no narrower kind in the taxonomy)"})
S("weighted-sissy-squat", "weight-plate squat-rack", "B", "i", "Squat", "H",
  "P quadriceps | St abdominals",
  "Leaning back on the toes with the knees far forward needs balance and strong knees: high",
  fn={"quadriceps": "Lower and raise the body by knee flexion and extension with the hips "
                    "kept extended"},
  why={"mechanic": "The knees move; the hips stay extended in one line with the trunk",
       "equipment": "A weight plate held at the chest; a squat rack's upright to hold for "
                    "balance"})
S("freehand-jump-squat", "bodyweight", "B", "c", "Squat", "L",
  "P quadriceps glutes | S calves | St abdominals",
  "A jump from a squat without load: simple, landing softly is the only skill",
  kind="P", fn={"calves": "Push off through the ankles at the top of the jump"})
S("knee-tuck-jump", "bodyweight", "B", "c", "Squat", "L",
  "P quadriceps glutes | S calves abdominals",
  "A two-footed jump in place (the table's basic plyometrics): no box, drop, load or single "
  "leg; the tuck only lifts the knees in the air",
  kind="P", fn={"calves": "Push off through the ankles at the top of the jump",
                "abdominals": "Curl the pelvis up to help tuck the knees in the air"},
  why={"pattern": "A quarter-squat dip and an explosive jump from both feet"})
S("weighted-jump-squat", "barbell squat-rack", "B", "c", "Squat", "M",
  "P quadriceps glutes | S calves | St erector-spinae abdominals",
  "Jumping with a bar on the back and landing under it takes control",
  kind="P", fn={"calves": "Push off through the ankles at the top of the jump"}, why=RACK_WHY)
S("dumbbell-thruster", "dumbbell", "B", "c", "Squat", "M",
  "P quadriceps glutes shoulders | S triceps | St abdominals erector-spinae",
  "Linking a front squat into a press in one rhythm takes timing",
  fn={"shoulders": "Press the dumbbells overhead from the drive of the legs",
      "triceps": "Extend the elbows to finish the press"},
  why={"equipment": "Two dumbbells held at the shoulders, then pressed"})
S("thruster", "barbell squat-rack", "B", "c", "Squat", "M",
  "P quadriceps glutes shoulders | S triceps | St abdominals erector-spinae middle-back",
  "A front squat into a press with a barbell: front rack, timing and an overhead lockout",
  fn={"shoulders": "Press the bar overhead from the drive of the legs",
      "triceps": "Extend the elbows to finish the press"},
  why={"equipment": "A barbell in the front rack, taken from a squat rack (or cleaned)"})
S("kettlebell-thruster", "kettlebell", "B", "c", "Squat", "M",
  "P quadriceps glutes shoulders | S triceps | St abdominals erector-spinae",
  "A kettlebell front squat into a press: rack position and timing",
  fn={"shoulders": "Press the kettlebells overhead from the drive of the legs",
      "triceps": "Extend the elbows to finish the press"},
  why={"equipment": "Kettlebells held in the front rack, then pressed"})
S("squat-thrust", "bodyweight", "B", "c", "TrunkStability", "L",
  "P abdominals | S quadriceps | St shoulders chest",
  "Squat down, kick to a plank and back: simple, done for conditioning",
  kind="C",
  fn={"abdominals": "Hold the trunk straight as the feet jump back to the plank and in again",
      "quadriceps": "Drive the legs back and pull the knees in; stand up from the squat",
      "chest": "Hold the body up on straight arms in the plank",
      "shoulders": "Hold the body up over the hands in the plank"},
  why={"pattern": "Not a loaded squat: the work is holding a plank while the legs jump in and out",
       "mechanic": "Hips, knees and shoulders all move through the squat-to-plank cycle"})

# second pass: band, chain and box variations, Olympic squat drills, other implements
BAND_WHY = {"equipment": "A barbell from a squat rack; bands anchored low to the sleeves add "
                         "resistance toward the top"}
CHAIN_WHY = {"equipment": "A barbell from a squat rack; chains hung on the sleeves add load "
                          "toward the top"}
BOX_WHY = {"equipment": "A barbell from a squat rack; a box or bench behind sets the depth"}
S("squat-with-bands", "barbell squat-rack resistance-band", "B", "c", "Squat", "M", BACK,
  "A back squat with bands: setting them to the right tension takes care", why=BAND_WHY)
S("squat-with-chains", "barbell squat-rack chains", "B", "c", "Squat", "M", BACK,
  "A back squat with chains: hanging them to the right length takes care", why=CHAIN_WHY)
S("box-squat-with-bands", "barbell squat-rack bench resistance-band", "B", "c", "Squat", "M",
  "P glutes quadriceps | S adductors hamstrings | St erector-spinae abdominals",
  "A box squat with bands: box height and band tension both need setting",
  fn={"hamstrings": "Assist hip extension from the shin-vertical sit on the box"},
  why={"equipment": "A barbell from a squat rack, a box or bench behind, bands anchored low"})
S("speed-box-squat", "barbell squat-rack bench resistance-band", "B", "c", "Squat", "M",
  "P glutes quadriceps | S adductors hamstrings | St erector-spinae abdominals",
  "Fast box squats with bands at a light load: timing and setup", kind="P",
  fn={"hamstrings": "Assist hip extension from the shin-vertical sit on the box"},
  why={"equipment": "A barbell from a squat rack, a box or bench behind, bands anchored low"})
S("barbell-squat-to-a-bench", "barbell squat-rack bench", "B", "c", "Squat", "M", BACK,
  "A back squat touching a bench: the bench sets depth, the squat is as technical as ever",
  why=BOX_WHY)
S("front-barbell-squat-to-a-bench", "barbell squat-rack bench", "B", "c", "Squat", "M", FRONT,
  "A front squat touching a bench: front-rack mobility, the bench sets depth",
  why={"equipment": "A barbell in the front rack from a squat rack; a bench behind sets depth"})
S("olympic-squat", "barbell squat-rack", "B", "c", "Squat", "M", BACK,
  "A high-bar, upright squat to full depth: needs ankle and hip mobility", why=RACK_WHY)
S("low-box-squat-wide-stance", "barbell squat-rack bench", "B", "c", "Squat", "M",
  "P glutes quadriceps adductors | S hamstrings | St erector-spinae abdominals",
  "A wide-stance box squat below parallel: sitting back and rising takes control",
  fn={"adductors": "Extend the hips from the wide, deep position",
      "hamstrings": "Assist hip extension from the shin-vertical sit on the box"},
  why=BOX_WHY)
S("frankenstein-squat", "barbell squat-rack", "B", "c", "Squat", "M",
  "P quadriceps glutes | S adductors | St middle-back erector-spinae abdominals shoulders",
  "A front squat with the arms held out and no grip: a drill for an upright trunk",
  fn={"shoulders": "Hold the arms out level so the bar rests on the front of the shoulders"},
  why={"equipment": "A barbell on the front of the shoulders, from a squat rack"})
S("snatch-balance", "barbell squat-rack", "B", "c", "Squat", "H",
  "P quadriceps glutes | S shoulders triceps | St traps erector-spinae abdominals",
  "Driving under a bar from the back into an overhead squat: a snatch skill", kind="P",
  fn={"shoulders": "Push the body down under the bar and lock it overhead",
      "triceps": "Lock the elbows overhead in the catch"},
  why={"equipment": "A barbell on the back from a squat rack, taken overhead in a snatch grip",
       "mechanic": "Ankles, knees, hips, shoulders and elbows all move in the dip, drive and "
                   "catch"})
S("heaving-snatch-balance", "barbell squat-rack", "B", "c", "Squat", "H",
  "P quadriceps glutes | S shoulders triceps | St traps erector-spinae abdominals",
  "Driving the bar up and catching it in an overhead squat: a snatch skill, however light",
  kind="P",
  fn={"shoulders": "Press under the bar and hold it overhead",
      "triceps": "Lock the elbows overhead in the catch"},
  why={"equipment": "A light barbell on the back from a squat rack",
       "mechanic": "Ankles, knees, hips, shoulders and elbows all move"})
S("one-arm-overhead-kettlebell-squats", "kettlebell", "U", "c", "Squat", "H",
  "P quadriceps glutes | S adductors | St shoulders triceps obliques erector-spinae",
  "A squat with one bell locked out overhead: shoulder mobility, balance and an upright trunk",
  fn={"shoulders": "Hold the bell overhead with a straight arm",
      "triceps": "Keep the elbow locked under the bell",
      "obliques": "Hold the trunk upright against the one-sided load"},
  why={"equipment": "One kettlebell cleaned and pressed overhead",
       "laterality": "The bell is held in one hand for a set, then the other"})
S("hindu-squats", "bodyweight", "B", "c", "Squat", "L",
  "P quadriceps | S glutes calves | St abdominals",
  "A rhythmic bodyweight squat rising onto the toes with an arm swing: easy",
  fn={"glutes": "Assist hip extension; the upright trunk leaves the knees most of the work",
      "calves": "Raise the heels at the bottom and push through the toes"})
S("trap-bar-squat", "trap-bar", "B", "c", "Squat", "L",
  "P quadriceps glutes | S adductors | St forearms traps erector-spinae abdominals",
  "A trap bar lifted with an upright, knee-forward squat: easy to learn",
  fn={"traps": "Hold the shoulders set under the bar's weight"},
  why={"pattern": "An upright trunk and deep knee bend: more squat than hinge"})
S("landmine-squat-to-press", "barbell landmine", "B", "c", "Squat", "M",
  "P quadriceps glutes shoulders | S triceps | St abdominals erector-spinae",
  "A squat holding a landmine bar's end, then pressing it up: easy path, some timing",
  fn={"shoulders": "Press the bar's end up and forward from the chest",
      "triceps": "Extend the elbows to finish the press"},
  why={"equipment": "A barbell with one end in a landmine (or a corner)"})
S("jefferson-squats", "barbell", "U", "c", "Squat", "M",
  "P quadriceps glutes adductors | St obliques erector-spinae forearms",
  "Straddling a barbell and lifting it with one hand in front, one behind: unusual setup",
  fn={"adductors": "Extend the hips from the straddle",
      "obliques": "Hold the trunk square against the offset grip"},
  why={"equipment": "A barbell on the floor, straddled and gripped in front and behind",
       "laterality": "The stance and grip are offset: a set with one leg in front, then the "
                     "other"})
S("leg-press-on-hackenschmidt-machine", "hack-squat-machine", "B", "c", "Squat", "L", MACHINE,
  "A leg press done in a hack squat machine: machine-guided",
  why={"equipment": "A hack squat (Hackenschmidt) machine used as a leg press"})

# --- hinges ----------------------------------------------------------------------------------

hinge = Family("hinge", "Reviewed reference: hip hinges",
               "Deadlifts, Romanian and stiff-legged deadlifts, good mornings, pull-throughs, "
               "kettlebell swings and the Olympic lifts and their pulls. " + LICENCE_NOTE, {
    "hamstrings": "Extend the hips from the hinge, lengthening under load on the way down",
    "glutes": "Extend the hips to lockout",
    "quadriceps": "Extend the knees to break the load from the floor",
    "adductors": "Assist hip extension (the adductor magnus) from the flexed hip",
    "erector-spinae": "Hold the spine neutral against the load's lever arm",
    "abdominals": "Brace the trunk",
    "forearms": "Grip the load",
    "traps": "Hold the shoulder blades set under the hanging load",
    "lats": "Keep the load close to the legs",
    "abductors": "Hold the pelvis level over the standing leg",
    "calves": "Extend the ankles in the final drive",
    "shoulders": "Guide the load upward and receive it",
})
H = hinge.add
DEAD = ("P glutes hamstrings quadriceps | S adductors | "
        "St erector-spinae forearms traps lats abdominals")
RDL = "P hamstrings glutes | S adductors | St erector-spinae forearms lats abdominals"
SLRDL = "P hamstrings glutes | St abductors erector-spinae abdominals"
CLEAN = ("P glutes hamstrings quadriceps | S traps calves shoulders | "
         "St erector-spinae forearms abdominals")
PULL = "P glutes hamstrings quadriceps | S traps calves | St erector-spinae forearms abdominals"
#: A kettlebell swing is a hip hinge, but the knees unlock in the backswing and extend again as
#: the hips snap through: the quadriceps assist (secondary). A swing that ends in a jump (the
#: vertical swing) drives the knees through a full extension and lands on them: there they are a
#: prime mover, with the calves pushing off (the fourth fresh audit, seed 20261209).
SWING = ("P glutes hamstrings | S quadriceps | "
         "St erector-spinae abdominals forearms shoulders")
SWING_JUMP = ("P glutes hamstrings quadriceps | S calves | "
              "St erector-spinae abdominals forearms shoulders")
SWING_FN = {"quadriceps": "Extend the knees from the swing's shallow bend as the hips snap "
                          "through"}
SWING_WHY = "A hinge: the hips drive the swing while the knees bend and straighten only a little"
DL_WHY = {"equipment": "A loaded barbell pulled from the floor"}
RDL_WHY = {"equipment": "A barbell held in the hands, taken from a rack or deadlifted first"}
CLEAN_FN = {"traps": "Shrug the bar upward at the end of the pull",
            "shoulders": "Pull the bar up under the chin and rack it on the shoulders",
            "quadriceps": "Extend the knees off the floor and catch the bar in the squat"}
SNATCH_FN = {"traps": "Shrug the bar upward at the end of the pull",
             "shoulders": "Pull the bar overhead and hold it at arm's length",
             "quadriceps": "Extend the knees off the floor and catch the bar in the squat"}
PULL_FN = {"traps": "Shrug the bar upward at the end of the pull"}
OLY_MECH = "Ankles, knees, hips and shoulders all move through the pull and the catch"

H("barbell-deadlift", "barbell", "B", "c", "HipHinge", "M", DEAD,
  "Setting the back and the start position takes coaching; the lift itself is simple",
  why=DL_WHY | {"mechanic": "Knees and hips extend together from the floor to lockout"})
H("sumo-deadlift", "barbell", "B", "c", "HipHinge", "M",
  "P glutes quadriceps adductors | S hamstrings | St erector-spinae forearms traps abdominals",
  "A wide stance and an upright trunk need hip mobility and a precise start position",
  fn={"adductors": "Extend the hips from the wide stance"}, why=DL_WHY
  | {"mechanic": "Knees and hips extend together from the floor to lockout"})
H("trap-bar-deadlift", "trap-bar", "B", "c", "HipHinge", "L",
  "P quadriceps glutes | S hamstrings adductors | St erector-spinae forearms traps abdominals",
  "The load sits in line with the body and the handles are high: the easiest deadlift to learn",
  fn={"hamstrings": "Assist hip extension; the upright start gives the knees more of the work"},
  why={"mechanic": "Knees and hips extend together from the floor to lockout"})
H("deficit-deadlift", "barbell weight-plate", "B", "c", "HipHinge", "M", DEAD,
  "A deadlift from a plate or platform: a longer pull needing more hip and hamstring mobility",
  why={"equipment": "A barbell pulled while standing on a plate or low platform",
       "mechanic": "Knees and hips extend together from below the floor to lockout"})
H("rack-pulls", "barbell squat-rack", "B", "c", "HipHinge", "M",
  "P glutes hamstrings | S adductors quadriceps | St erector-spinae forearms traps lats abdominals",
  "A barbell deadlift from the pins: a shorter pull, but setting the back is the deadlift's",
  fn={"glutes": "Extend the hips from the knee-high start to lockout",
      "quadriceps": "Finish extending the knees from the slight bend of the knee-high start"},
  why={"equipment": "A barbell resting on the safety pins of a rack at about knee height"})
H("romanian-deadlift", "barbell", "B", "c", "HipHinge", "M", RDL,
  "Hinging with the bar close and the back neutral takes coaching", why=RDL_WHY)
H("romanian-deadlift-from-deficit", "barbell weight-plate", "B", "c", "HipHinge", "M", RDL,
  "A Romanian deadlift from a platform: more range, needs more hamstring flexibility",
  why={"equipment": "A barbell, the lifter standing on a plate or low platform"})
H("stiff-legged-barbell-deadlift", "barbell", "B", "c", "HipHinge", "M", RDL,
  "Straighter knees than the Romanian deadlift: needs hamstring flexibility and back control",
  why=RDL_WHY)
H("dumbbell-romanian-deadlift", "dumbbell", "B", "c", "HipHinge", "L", RDL,
  "Dumbbells are light and free to travel: the usual first hinge with load",
  why={"equipment": "Two dumbbells held in front of the thighs"})
H("stiff-legged-dumbbell-deadlift", "dumbbell", "B", "c", "HipHinge", "L", RDL,
  "Dumbbells are light and free to travel: an easy hinge to learn",
  why={"equipment": "Two dumbbells held in front of the thighs"})
H("dumbbell-deadlift", "dumbbell", "B", "c", "HipHinge", "L", DEAD,
  "Dumbbells at the sides are light and forgiving: an easy deadlift to learn",
  fn={"traps": "Hold the shoulders set under the dumbbells"},
  why={"equipment": "Two dumbbells lifted from the floor at the sides",
       "mechanic": "Knees and hips extend together from the floor to lockout"})
H("dumbbell-sumo-deadlift", "dumbbell", "B", "c", "HipHinge", "L",
  "P glutes quadriceps adductors | S hamstrings | St erector-spinae forearms abdominals",
  "One dumbbell between wide feet: light and simple",
  fn={"adductors": "Extend the hips from the wide stance"},
  why={"equipment": "One dumbbell held at arm's length between the feet",
       "mechanic": "Knees and hips extend together to lockout"})
H("kettlebell-deadlifts", "kettlebell", "B", "c", "HipHinge", "L", DEAD,
  "A kettlebell between the feet: the usual first deadlift",
  why={"equipment": "One kettlebell lifted from between the feet",
       "mechanic": "Knees and hips extend together to lockout"})
H("kettlebell-sumo-deadlift", "kettlebell", "B", "c", "HipHinge", "L",
  "P glutes quadriceps adductors | S hamstrings | St erector-spinae forearms abdominals",
  "A kettlebell between wide feet: simple to learn",
  fn={"adductors": "Extend the hips from the wide stance"},
  why={"equipment": "One kettlebell lifted from between wide feet",
       "mechanic": "Knees and hips extend together to lockout"})
H("single-leg-rdl", "bodyweight", "U", "c", "HipHinge", "M", SLRDL,
  "Hinging on one leg is a balance skill even without load")
H("single-leg-deadlift-with-dumbbell", "dumbbell", "U", "c", "HipHinge", "M",
  SLRDL + " forearms", "Hinging on one leg with a dumbbell: a balance skill",
  why={"equipment": "A dumbbell held in the hand opposite the standing leg (or both hands)"})
H("kettlebell-one-legged-deadlift", "kettlebell", "U", "c", "HipHinge", "M",
  SLRDL + " forearms", "Hinging on one leg with a kettlebell: a balance skill",
  why={"equipment": "A kettlebell held in the hand opposite the standing leg"})
H("romanian-deadlift-single-leg", "dumbbell", "U", "c", "HipHinge", "M",
  SLRDL + " forearms", "Hinging on one leg with load: a balance skill",
  why={"equipment": "One or two dumbbells (a kettlebell serves as well)"})
H("kickstand-rdl", "barbell", "U", "c", "HipHinge", "M",
  "P hamstrings glutes | S adductors | St abductors erector-spinae forearms abdominals",
  "A staggered stance with the back foot as a kickstand: easier balance than one leg",
  why=RDL_WHY | {"laterality": "The front leg does the work for a set, then the other; the back "
                               "toe only balances"})
H("standing-pancake-good-morning", "bodyweight", "B", "c", "HipHinge", "L",
  "P hamstrings adductors | S glutes | St erector-spinae",
  "An unloaded wide-stance hinge, hands behind the head: easy, done for hip mobility",
  kind="M", fn={"hamstrings": "Lengthen as the trunk lowers and extend the hips to rise",
                "adductors": "Lengthen in the wide stance and assist hip extension"},
  why={"mechanic": "The hips hinge with soft knees while the spine holds neutral"})
H("standing-pancake", "bodyweight", "B", "c", "HipHinge", "L",
  "P hamstrings adductors | St erector-spinae",
  "A held wide-stance forward fold: easy, limited only by flexibility",
  kind="X", fn={"hamstrings": "Lengthen in the fold (the stretch's target)",
                "adductors": "Lengthen in the straddle (the stretch's target)"},
  why={"mechanic": "The hips flex into the fold with the knees straight while the spine holds"})
H("arabesque", "bodyweight", "U", "c", "HipHinge", "M", SLRDL,
  "A single-leg bodyweight hinge kicking the free leg back: balance on one leg, Moderate as "
  "every one-leg hinge (issue 23, data7: the plan grid no longer needs it as a Low hinge)",
  fn={"glutes": "Extend the hip of the standing leg to return upright, and lift the free leg"})
H("good-morning", "barbell squat-rack", "B", "c", "HipHinge", "M",
  "P hamstrings glutes | S adductors | St erector-spinae abdominals",
  "Hinging with the bar on the back puts the load far from the hips: needs back control",
  fn={"erector-spinae": "Hold the spine neutral against the bar's long lever on the back"},
  why={"equipment": "A barbell on the upper back, unracked from a squat rack"})
H("seated-good-mornings", "barbell squat-rack bench", "B", "i", "HipHinge", "M",
  "P glutes | S hamstrings adductors | St erector-spinae abdominals",
  "Bending forward seated with a bar on the back needs back control",
  fn={"glutes": "Extend the hips to raise the trunk from the forward lean",
      "hamstrings": "Assist hip extension; shortened by the seated position",
      "erector-spinae": "Hold the spine neutral against the bar's lever (isometric)"},
  why={"equipment": "A barbell on the upper back from a rack, seated on a bench",
       "mechanic": "Only the hips move; the spine holds neutral and, seated, the knees are out "
                   "of it"})
H("band-good-morning", "resistance-band", "B", "c", "HipHinge", "L",
  "P hamstrings glutes | St erector-spinae abdominals",
  "A band under the feet and over the neck: light, the usual way to learn the hinge",
  why={"equipment": "A resistance band stood on and looped behind the neck"})
H("band-good-morning-pull-through", "resistance-band", "B", "c", "HipHinge", "L",
  "P hamstrings glutes | St erector-spinae abdominals",
  "A band from a post to the back of the neck: light, and the band teaches the hip drive",
  why={"equipment": "A resistance band looped around a post in front and behind the neck"})
H("cable-pull-through", "cable-station", "B", "c", "HipHinge", "L",
  "P glutes hamstrings | St erector-spinae abdominals forearms",
  "The cable pulls backward, which teaches the hinge: easy to learn",
  fn={"glutes": "Drive the hips forward against the cable to lockout"},
  why={"equipment": "A cable station with a low pulley and a rope between the legs"})
H("one-arm-kettlebell-swings", "kettlebell", "U", "c", "HipHinge", "M",
  SWING + " abductors",
  "A ballistic hinge with one bell: timing the hip snap and resisting the twist take coaching",
  kind="P", fn=SWING_FN | {"shoulders": "Guide the bell's float with a straight arm",
                           "abductors": "Hold the pelvis square against the one-sided swing"},
  why={"equipment": "One kettlebell swung in one hand", "pattern": SWING_WHY,
       "mechanic": "Hips and knees extend explosively while the arm guides the bell"})
H("kettlebell-swing", "kettlebell", "B", "c", "HipHinge", "M", SWING,
  "A ballistic hinge: timing the hip snap and keeping the back neutral take coaching",
  kind="P", fn=SWING_FN | {"shoulders": "Guide the bell's float with straight arms"},
  why={"equipment": "One kettlebell swung in both hands", "pattern": SWING_WHY,
       "mechanic": "Hips and knees extend explosively while the arms guide the bell"})
H("vertical-swing", "dumbbell", "B", "c", "HipHinge", "M", SWING_JUMP,
  "A ballistic hinge with a dumbbell that ends in a jump: timing the hip snap and the landing "
  "take practice",
  kind="P", fn={"shoulders": "Guide the dumbbell upward with straight arms",
                "quadriceps": "Extend the knees explosively to jump and absorb the landing",
                "calves": "Push off through the ankles and cushion the landing"},
  why={"equipment": "One dumbbell held by one end in both hands",
       "pattern": "A hip-driven swing: the hips hinge and snap through, then the knees and "
                  "ankles finish the jump",
       "mechanic": "Hips and knees extend explosively while the arms guide the dumbbell"})
H("power-clean", "barbell", "B", "c", "HipHinge", "H", CLEAN,
  "An Olympic lift: the pull, turnover and catch are a skill years in the making", kind="P",
  fn=CLEAN_FN, why=DL_WHY | {"mechanic": OLY_MECH})
H("clean", "barbell", "B", "c", "HipHinge", "H", CLEAN,
  "The full Olympic clean with a squat catch: a high skill", kind="P",
  fn=CLEAN_FN, why=DL_WHY | {"mechanic": OLY_MECH})
H("hang-clean", "barbell", "B", "c", "HipHinge", "H", CLEAN,
  "An Olympic lift from the hang: the second pull and catch are a skill", kind="P",
  fn=CLEAN_FN, why=RDL_WHY | {"mechanic": OLY_MECH})
H("power-clean-from-blocks", "barbell squat-rack", "B", "c", "HipHinge", "H", CLEAN,
  "An Olympic lift from blocks: the pull and catch are a skill", kind="P", fn=CLEAN_FN,
  why={"equipment": "A barbell resting on blocks at knee height; the taxonomy has no lifting "
                    "blocks, so the rack whose pins or stands hold the bar there is listed",
       "mechanic": OLY_MECH})
H("snatch", "barbell", "B", "c", "HipHinge", "H",
  CLEAN.replace("traps calves shoulders", "traps calves shoulders triceps"),
  "The full Olympic snatch: the most technical lift in the gym", kind="P",
  fn=SNATCH_FN | {"triceps": "Lock the elbows out overhead in the catch"},
  why=DL_WHY | {"mechanic": OLY_MECH})
H("power-snatch", "barbell", "B", "c", "HipHinge", "H",
  CLEAN.replace("traps calves shoulders", "traps calves shoulders triceps"),
  "An Olympic snatch caught above parallel: still a high skill", kind="P",
  fn=SNATCH_FN | {"triceps": "Lock the elbows out overhead in the catch"},
  why=DL_WHY | {"mechanic": OLY_MECH})
H("hang-snatch", "barbell", "B", "c", "HipHinge", "H",
  CLEAN.replace("traps calves shoulders", "traps calves shoulders triceps"),
  "A snatch from the hang: a high skill", kind="P",
  fn=SNATCH_FN | {"triceps": "Lock the elbows out overhead in the catch"},
  why=RDL_WHY | {"mechanic": OLY_MECH})
H("clean-pull", "barbell", "B", "c", "HipHinge", "M", PULL,
  "The clean's pull without the catch: the timing of the extension takes practice", kind="P",
  fn=PULL_FN, why=DL_WHY | {"mechanic": "Ankles, knees and hips extend explosively together"})
H("snatch-pull", "barbell", "B", "c", "HipHinge", "M", PULL,
  "The snatch's pull with a wide grip and no catch: timing takes practice", kind="P",
  fn=PULL_FN, why=DL_WHY | {"mechanic": "Ankles, knees and hips extend explosively together"})
H("clean-deadlift", "barbell", "B", "c", "HipHinge", "M", DEAD,
  "A deadlift in the clean's start position and bar path: needs a precise position",
  why=DL_WHY | {"mechanic": "Knees and hips extend together from the floor to mid-thigh"})
H("snatch-deadlift", "barbell", "B", "c", "HipHinge", "M", DEAD,
  "A wide-grip deadlift in the snatch's position: lower hips, needs mobility",
  why=DL_WHY | {"mechanic": "Knees and hips extend together from the floor to mid-thigh"})
H("dumbbell-clean", "dumbbell", "B", "c", "HipHinge", "M", CLEAN,
  "Cleaning dumbbells to the shoulders: an easier cousin of the barbell clean", kind="P",
  fn=CLEAN_FN | {"shoulders": "Pull the dumbbells up and rack them on the shoulders"},
  why={"equipment": "Two dumbbells pulled from the floor or the hang", "mechanic": OLY_MECH})
H("kettlebell-hang-clean", "kettlebell", "U", "c", "HipHinge", "M", CLEAN,
  "Cleaning a kettlebell to the rack without banging the forearm takes practice", kind="P",
  fn=CLEAN_FN | {"shoulders": "Guide the bell up and rack it against the forearm"},
  why={"equipment": "One kettlebell cleaned from between the legs to the rack",
       "mechanic": OLY_MECH})
H("one-arm-kettlebell-clean", "kettlebell", "U", "c", "HipHinge", "M", CLEAN,
  "Cleaning a kettlebell to the rack without banging the forearm takes practice", kind="P",
  fn=CLEAN_FN | {"shoulders": "Guide the bell up and rack it against the forearm"},
  why={"equipment": "One kettlebell cleaned from between the legs to the rack",
       "mechanic": OLY_MECH})
H("double-kettlebell-alternating-hang-clean", "kettlebell", "A", "c", "HipHinge", "M", CLEAN,
  "Two bells cleaned in turn: timing and a clean rack take practice", kind="P",
  fn=CLEAN_FN | {"shoulders": "Guide each bell up and rack it against the forearm"},
  why={"equipment": "Two kettlebells, one cleaned while the other hangs", "mechanic": OLY_MECH})

# second pass: accommodating resistance, rack and pin variations, machines, strongman, Olympic
SUMO = ("P glutes quadriceps adductors | S hamstrings | St erector-spinae forearms traps "
        "abdominals")
GM = "P hamstrings glutes | S adductors | St erector-spinae abdominals"
GM_WHY = {"equipment": "A barbell on the upper back, unracked from a squat rack"}
FLOOR = {"mechanic": "Knees and hips extend together from the floor to lockout"}
SUMO_FN = {"adductors": "Extend the hips from the wide stance"}
H("deadlift-with-bands", "barbell resistance-band", "B", "c", "HipHinge", "M", DEAD,
  "A deadlift with bands looped over the bar: setup takes care",
  why=FLOOR | {"equipment": "A barbell with bands looped over it and under the feet (or "
                            "anchored)"})
H("deadlift-with-chains", "barbell chains", "B", "c", "HipHinge", "M", DEAD,
  "A deadlift with chains on the bar: setup takes care",
  why=FLOOR | {"equipment": "A barbell with chains draped on it"})
H("sumo-deadlift-with-bands", "barbell resistance-band", "B", "c", "HipHinge", "M", SUMO,
  "A sumo deadlift with bands: the sumo start plus band setup", fn=SUMO_FN,
  why=FLOOR | {"equipment": "A barbell with bands looped over it and under the feet"})
H("sumo-deadlift-with-chains", "barbell chains", "B", "c", "HipHinge", "M", SUMO,
  "A sumo deadlift with chains: the sumo start plus chain setup", fn=SUMO_FN,
  why=FLOOR | {"equipment": "A barbell with chains draped on it"})
H("reverse-band-deadlift", "barbell squat-rack resistance-band", "B", "c", "HipHinge", "M",
  DEAD, "Bands from the top of a rack lighten the bottom: the rack setup takes care",
  why=FLOOR | {"equipment": "A barbell in a power rack, bands from the rack's top to the bar"})
H("rack-pull-with-bands", "barbell squat-rack resistance-band", "B", "c", "HipHinge", "M",
  "P glutes hamstrings | S adductors quadriceps | St erector-spinae forearms traps lats abdominals",
  "A rack pull with bands anchored to the rack: setup takes care",
  fn={"glutes": "Extend the hips from the knee-high start to lockout",
      "quadriceps": "Finish extending the knees from the slight bend of the knee-high start"},
  why={"equipment": "A barbell on a power rack's pins, bands from the rack's base to the bar"})
H("rack-deadlift", "barbell squat-rack", "B", "c", "HipHinge", "M",
  "P glutes hamstrings | S adductors quadriceps | St erector-spinae forearms traps lats abdominals",
  "A barbell deadlift from just below the knee: a shorter pull, but setting the back is the "
  "deadlift's",
  fn={"glutes": "Extend the hips from the knee-high start to lockout",
      "quadriceps": "Finish extending the knees from the slight bend of the knee-high start"},
  why={"equipment": "A barbell on a rack's pins just below knee height (a Smith machine serves)"})
H("good-morning-off-pins", "barbell squat-rack", "B", "c", "HipHinge", "M", GM,
  "A good morning started from the pins at the bottom: setting the pins and the back takes care",
  why={"equipment": "A barbell on a rack's pins at stomach height, taken on the back"})
H("stiff-leg-barbell-good-morning", "barbell squat-rack", "B", "c", "HipHinge", "M", GM,
  "A good morning with straight legs: needs hamstring flexibility and back control",
  why=GM_WHY)
H("wide-stance-stiff-legs", "barbell", "B", "c", "HipHinge", "M",
  "P hamstrings glutes adductors | St erector-spinae forearms lats abdominals",
  "A stiff-legged deadlift from a wide stance: needs flexibility and back control",
  fn={"adductors": "Extend the hips from the wide stance where they are stretched"},
  why=DL_WHY)
H("smith-machine-stiff-legged-deadlift", "smith-machine", "B", "c", "HipHinge", "L", RDL,
  "The rails fix the bar path and the hooks start it at mid-thigh: easy to learn",
  why={"equipment": "A Smith machine's bar, unhooked at mid-thigh height"})
H("leverage-deadlift", "machine", "B", "c", "HipHinge", "L",
  "P glutes quadriceps hamstrings | S adductors | St erector-spinae forearms traps abdominals",
  "A lever machine fixes the path of the handles: easy to learn",
  why=FLOOR | {"equipment": "A leverage (plate-loaded) deadlift machine: no narrower kind in the "
                            "taxonomy"})
H("cable-deadlifts", "cable-station", "B", "c", "HipHinge", "L", DEAD,
  "Handles from two low pulleys: light and easy to learn",
  why=FLOOR | {"equipment": "A cable station with two low pulleys (a crossover)"})
H("one-arm-side-deadlift", "barbell", "U", "c", "HipHinge", "M",
  "P glutes quadriceps hamstrings | St obliques forearms erector-spinae traps",
  "Lifting a barbell at one side by its middle (a suitcase deadlift): balancing the bar takes "
  "care",
  fn={"obliques": "Hold the trunk upright against the one-sided load"},
  why=FLOOR | {"equipment": "A barbell gripped in its middle at one side of the body",
               "laterality": "The bar is at one side for a set, then the other"})
H("axle-deadlift", "barbell", "B", "c", "HipHinge", "M", DEAD,
  "A deadlift with a thick, non-rotating axle: the grip is the hard part",
  fn={"forearms": "Grip the thick axle, which does not spin in the hands"},
  why=FLOOR | {"equipment": "A strongman axle: a thick, non-rotating barbell"})
H("atlas-stones", "other", "B", "c", "HipHinge", "M",
  "P glutes hamstrings erector-spinae | S quadriceps biceps | St forearms abdominals",
  "A strongman implement: lapping the stone and extending onto the platform take practice",
  fn={"erector-spinae": "Extend the rounded back as the stone rises from the lap",
      "biceps": "Hug the stone to the body", "forearms": "Clamp the stone with the hands"},
  why={"equipment": "An atlas stone and a platform (strongman implements)",
       "mechanic": "Hips, knees and spine extend while the arms hug the stone"})
H("keg-load", "other", "B", "c", "HipHinge", "M",
  "P glutes hamstrings | S quadriceps erector-spinae biceps | St forearms abdominals",
  "Picking up kegs and loading them onto a platform: strongman handling",
  fn={"erector-spinae": "Extend the back as the keg rises", "biceps": "Hug the keg to the body",
      "forearms": "Grip the keg's handles and rim"},
  why={"equipment": "Kegs and a loading platform (strongman implements)",
       "mechanic": "Hips, knees and spine extend while the arms hold the keg"})
H("tire-flip", "other", "B", "c", "HipHinge", "M",
  "P glutes hamstrings quadriceps | S chest triceps shoulders | St erector-spinae forearms",
  "Driving a heavy tire up and pushing it over: some technique to keep the back flat",
  fn={"chest": "Push the tire over once it is upright", "triceps": "Extend the arms in the push",
      "shoulders": "Drive the tire up and forward"},
  why={"equipment": "A large tractor tire (a strongman implement)",
       "mechanic": "Hips, knees, ankles, shoulders and elbows all work in the lift and push"})
H("muscle-snatch", "barbell", "B", "c", "HipHinge", "M",
  CLEAN.replace("traps calves shoulders", "traps calves shoulders triceps"),
  "A snatch pulled straight to overhead without dropping under: a teaching lift", kind="P",
  fn=SNATCH_FN | {"triceps": "Extend the elbows to punch the bar overhead",
                  "quadriceps": "Extend the knees in the pull"},
  why=DL_WHY | {"mechanic": OLY_MECH})
H("split-clean", "barbell", "B", "c", "HipHinge", "H", CLEAN,
  "A clean caught in a split: an Olympic skill", kind="P",
  fn=CLEAN_FN | {"quadriceps": "Extend the knees off the floor and catch the bar in the split"},
  why=DL_WHY | {"mechanic": OLY_MECH})
H("split-snatch", "barbell", "B", "c", "HipHinge", "H",
  CLEAN.replace("traps calves shoulders", "traps calves shoulders triceps"),
  "A snatch caught in a split: an Olympic skill", kind="P",
  fn=SNATCH_FN | {"triceps": "Lock the elbows out overhead in the catch",
                  "quadriceps": "Extend the knees off the floor and catch the bar in the split"},
  why=DL_WHY | {"mechanic": OLY_MECH})
BLOCKS = {"equipment": "A barbell resting on blocks at the chosen height; the taxonomy has no "
                        "lifting blocks, so the rack whose pins or stands hold the bar is listed",
          "mechanic": OLY_MECH}
H("clean-from-blocks", "barbell squat-rack", "B", "c", "HipHinge", "H", CLEAN,
  "A clean from blocks: the pull and squat catch are a skill", kind="P", fn=CLEAN_FN,
  why=BLOCKS)
H("snatch-from-blocks", "barbell squat-rack", "B", "c", "HipHinge", "H",
  CLEAN.replace("traps calves shoulders", "traps calves shoulders triceps"),
  "A snatch from blocks: a high skill", kind="P",
  fn=SNATCH_FN | {"triceps": "Lock the elbows out overhead in the catch"}, why=BLOCKS)
H("power-snatch-from-blocks", "barbell squat-rack", "B", "c", "HipHinge", "H",
  CLEAN.replace("traps calves shoulders", "traps calves shoulders triceps"),
  "A power snatch from blocks: a high skill", kind="P",
  fn=SNATCH_FN | {"triceps": "Lock the elbows out overhead in the catch"}, why=BLOCKS)
H("hang-snatch-below-knees", "barbell", "B", "c", "HipHinge", "H",
  CLEAN.replace("traps calves shoulders", "traps calves shoulders triceps"),
  "A snatch from a hang below the knees: a high skill", kind="P",
  fn=SNATCH_FN | {"triceps": "Lock the elbows out overhead in the catch"},
  why=RDL_WHY | {"mechanic": OLY_MECH})
H("hang-clean-below-the-knees", "barbell", "B", "c", "HipHinge", "H", CLEAN,
  "A clean from a hang below the knees: the pull and catch are a skill", kind="P",
  fn=CLEAN_FN, why=RDL_WHY | {"mechanic": OLY_MECH})
H("hip-hinge", "bodyweight", "B", "c", "HipHinge", "L", "P hamstrings glutes | St erector-spinae",
  "The unloaded hinge drill (no bar, whatever a source says): the first step to every hinge",
  fn={"hamstrings": "Lengthen as the hips push back and extend them to stand"})
H("one-arm-open-palm-kettlebell-clean", "kettlebell", "U", "c", "HipHinge", "M", CLEAN,
  "Flipping the bell into the open palm and catching the handle takes timing", kind="P",
  fn=CLEAN_FN | {"shoulders": "Pull the bell up so that it flips into the palm",
                 "traps": "Shrug the bell upward at the end of the pull"},
  why={"equipment": "One kettlebell, flipped into the open palm", "mechanic": OLY_MECH})
H("kettlebell-dead-clean", "kettlebell", "U", "c", "HipHinge", "M", CLEAN,
  "Cleaning a kettlebell from a dead stop on the floor to the rack takes practice", kind="P",
  fn=CLEAN_FN | {"shoulders": "Guide the bell up and rack it against the forearm"},
  why={"equipment": "One kettlebell cleaned from the floor to the rack", "mechanic": OLY_MECH})

# --- lunges, split squats, step-ups ------------------------------------------------------------

lunge = Family("lunge", "Reviewed reference: lunges, split squats and step-ups",
               "Forward, reverse, walking and lateral lunges, split squats (Bulgarian too), "
               "step-ups and single-leg squats. " + LICENCE_NOTE, {
    "quadriceps": "Extend the knee of the working leg",
    "glutes": "Extend the hip of the working leg",
    "adductors": "Assist hip extension of the working leg from the stretched position",
    "abductors": "Hold the pelvis level over the working leg",
    "hamstrings": "Steady the knee and assist hip extension of the working leg",
    "calves": "Steady the ankle of the working leg",
    "abdominals": "Brace the trunk against sway in the narrow base",
    "erector-spinae": "Hold the trunk upright under the load",
    "forearms": "Grip the load",
})
L = lunge.add
LUNGE = "P quadriceps glutes | S adductors | St abductors calves abdominals"
LUNGE_LOAD = "P quadriceps glutes | S adductors | St abductors erector-spinae abdominals"
LUNGE_DB = LUNGE_LOAD + " forearms"
BAR_BACK = {"equipment": "A barbell on the upper back, unracked from a squat rack"}
DBS = {"equipment": "Two dumbbells held at the sides"}
ALT = "Alternating"

L("bodyweight-walking-lunge", "bodyweight", "A", "c", "Lunge", "L", LUNGE,
  "No load; the only skill is balance in the stride")
L("lunges", "bodyweight", "A", "c", "Lunge", "L", LUNGE,
  "A stationary bodyweight lunge: no load, only balance")
L("reverse-lunges", "bodyweight", "A", "c", "Lunge", "L", LUNGE,
  "Stepping back keeps the front shin upright and the balance easy")
L("alternate-back-lunges", "bodyweight", "A", "c", "Lunge", "L", LUNGE,
  "Stepping back keeps the front shin upright and the balance easy")
L("dumbbell-lunges", "dumbbell", "A", "c", "Lunge", "L", LUNGE_DB,
  "Dumbbells at the sides keep the balance low: easy to learn", why=DBS)
L("dumbbell-lunges-walking", "dumbbell", "A", "c", "Lunge", "L", LUNGE_DB,
  "Walking with dumbbells at the sides: balance in the stride is the only skill", why=DBS)
L("dumbbell-rear-lunge", "dumbbell", "A", "c", "Lunge", "L", LUNGE_DB,
  "Stepping back with dumbbells: the front shin stays upright, balance is easy", why=DBS)
L("barbell-lunge", "barbell squat-rack", "A", "c", "Lunge", "M", LUNGE_LOAD,
  "A bar on the back raises the centre of mass: balance in the split stance takes practice",
  why=BAR_BACK)
L("barbell-walking-lunge", "barbell squat-rack", "A", "c", "Lunge", "M", LUNGE_LOAD,
  "Walking with a bar on the back: balance takes practice and room to walk", why=BAR_BACK)
L("barbell-step-back-lunge", "barbell squat-rack", "A", "c", "Lunge", "M", LUNGE_LOAD,
  "Stepping back with a bar on the back: balance takes practice", why=BAR_BACK)
L("walking-lunges", "bodyweight", "A", "c", "Lunge", "L", LUNGE,
  "Walking lunges with the hands on the hips: no load, balance in the stride is the only skill")
L("split-squats", "bodyweight", "A", "c", "Lunge", "M",
  "P quadriceps glutes | S calves | St abductors abdominals",
  "Jumping from split stance to split stance, switching legs in the air, takes coordination",
  kind="P", fn={"calves": "Push off through the ankles and absorb the landing"})
L("split-squat-with-dumbbells", "dumbbell", "U", "c", "Lunge", "L", LUNGE_DB,
  "A static split stance with dumbbells at the sides: easy to learn", why=DBS)
L("bulgarian-squat-with-dumbbells", "dumbbell bench", "U", "c", "Lunge", "M", LUNGE_DB,
  "The rear foot on a bench makes balance and setup harder than a split squat",
  why={"equipment": "Two dumbbells at the sides; the rear foot rests on a bench"})
L("one-leg-barbell-squat", "barbell squat-rack bench", "U", "c", "Lunge", "M", LUNGE_LOAD,
  "A Bulgarian split squat with a bar on the back: balance and setup take practice",
  why={"equipment": "A barbell on the back from a squat rack; the rear foot on a bench"})
L("smith-machine-split-squat", "smith-machine", "U", "c", "Lunge", "L",
  "P quadriceps glutes | S adductors | St abdominals",
  "The rails steady the bar, which takes away most of the balance demand",
  why={"equipment": "A Smith machine's bar on the back, guided by its rails"})
L("elevated-back-lunge", "barbell squat-rack weight-plate", "A", "c", "Lunge", "M", LUNGE_LOAD,
  "A reverse lunge from a platform: more range and balance with a bar on the back",
  why={"equipment": "A barbell on the back from a rack; standing on a plate or low step"})
L("step-ups", "bodyweight bench", "A", "c", "Lunge", "L", LUNGE,
  "Stepping onto a chair or bench without load: simple",
  why={"equipment": "A sturdy chair or bench to step onto; the body's weight is the load"})
L("dumbbell-step-ups", "dumbbell plyo-box", "U", "c", "Lunge", "L", LUNGE_DB,
  "Stepping onto a box with dumbbells at the sides: simple",
  why={"equipment": "Two dumbbells at the sides and a box or bench to step onto"})
L("barbell-step-ups", "barbell squat-rack plyo-box", "U", "c", "Lunge", "M", LUNGE_LOAD,
  "Stepping onto a box with a bar on the back: balance at height takes care",
  why={"equipment": "A barbell on the back from a squat rack and a box to step onto"})
L("weighted-step-ups", "barbell squat-rack plyo-box", "U", "c", "Lunge", "M", LUNGE_LOAD,
  "Stepping onto a box with a loaded bar on the back: balance at height takes care",
  why={"equipment": "A barbell on the back from a squat rack and a box to step onto"})
L("step-up-with-knee-raise", "bodyweight plyo-box", "A", "c", "Lunge", "L", LUNGE,
  "A step-up finishing with the free knee raised: a little balance",
  why={"equipment": "A box or bench to step onto; the body's weight is the load"})
L("cossack-squat", "bodyweight", "A", "c", "Lunge", "M",
  "P quadriceps glutes adductors | St abdominals",
  "Shifting deep over one leg with the other straight needs hip and ankle mobility",
  fn={"adductors": "Extend the hip of the bent leg and control the stretch on the straight leg"})
L("barbell-side-split-squat", "barbell squat-rack", "U", "c", "Lunge", "M",
  "P quadriceps glutes adductors | St erector-spinae abdominals",
  "A lateral split squat with a bar on the back: balance and hip mobility",
  fn={"adductors": "Extend and adduct the hip of the bent leg from the wide stance"},
  why=BAR_BACK)
L("sliding-lateral-lunge", "kettlebell", "A", "c", "Lunge", "M",
  "P quadriceps glutes adductors | St abdominals middle-back",
  "Sliding one foot out on a towel or slider takes control of the adductors",
  fn={"adductors": "Pull the sliding leg back in and extend the hip of the bent leg",
      "middle-back": "Keep the upper back upright against the bell held at the chest"},
  why={"equipment": "A kettlebell held at the chest; a slider or towel under one foot"})
L("crossover-reverse-lunge", "bodyweight", "A", "c", "Lunge", "L",
  "P glutes quadriceps | S adductors | St abductors abdominals",
  "A reverse lunge stepping behind and across (curtsy): some balance",
  fn={"abductors": "Hold the pelvis level as the rear leg crosses behind"})
L("pistol-squat", "bodyweight", "U", "c", "Lunge", "H",
  "P quadriceps glutes | S adductors | St abductors calves abdominals",
  "A full squat on one leg with the other held straight: strength, mobility and balance")
L("kettlebell-pistol-squat", "kettlebell", "U", "c", "Lunge", "H",
  "P quadriceps glutes | S adductors | St abductors calves abdominals",
  "A one-leg squat holding a kettlebell: a high skill even with the counterweight",
  why={"equipment": "One kettlebell held at the chest or out in front"})
L("single-leg-high-box-squat", "bodyweight plyo-box", "U", "c", "Lunge", "M",
  "P quadriceps glutes | St abductors calves abdominals",
  "Stepping up and down a high box on one leg; a band overhead helps balance",
  why={"equipment": "A high box (set in a rack, a band above it to hold); the body's weight is "
                    "the load"})
L("split-jump", "bodyweight", "A", "c", "Lunge", "M",
  "P quadriceps glutes | S calves | St abductors abdominals",
  "Jumping and switching legs in the air with a soft landing takes coordination", kind="P",
  fn={"calves": "Push off through the ankles and absorb the landing"})
L("suspended-split-squat", "bodyweight suspension-trainer", "U", "c", "Lunge", "M", LUNGE,
  "The rear foot in an unstable strap makes balance harder than a bench",
  why={"equipment": "A suspension trainer holds the rear foot"})

# second pass: Smith machine, standing and kettlebell lunges, jumps
L("smith-single-leg-split-squat", "smith-machine bench", "U", "c", "Lunge", "L",
  "P quadriceps glutes | S adductors | St abdominals",
  "A Bulgarian split squat in a Smith machine: the rails take away most of the balance",
  why={"equipment": "A Smith machine's bar on the back; the rear foot on a bench behind"})
L("smith-machine-pistol-squat", "smith-machine", "U", "c", "Lunge", "M",
  "P quadriceps glutes | S adductors | St abdominals",
  "A one-leg squat under a Smith bar: the rails help balance, the depth is still hard",
  why={"equipment": "A Smith machine's bar on the back, guided by its rails"})
L("barbell-lunges-standing", "barbell squat-rack", "A", "c", "Lunge", "M", LUNGE_LOAD,
  "A forward lunge and back with a bar on the back: balance takes practice", why=BAR_BACK)
L("dumbbell-lunges-standing", "dumbbell", "A", "c", "Lunge", "L", LUNGE_DB,
  "A forward lunge and back with dumbbells at the sides: easy to learn", why=DBS)
L("single-leg-lunge-with-kettlebell", "kettlebell", "U", "c", "Lunge", "L",
  LUNGE_LOAD + " forearms", "A lunge on one leg holding a kettlebell at the chest: easy",
  why={"equipment": "One kettlebell held at the chest (or at one side)"})
L("lunge-pass-through", "kettlebell", "A", "c", "Lunge", "M",
  "P quadriceps glutes | S adductors | St abductors obliques forearms",
  "Passing a kettlebell under the front leg at the bottom of each lunge takes coordination",
  fn={"obliques": "Hold the trunk upright as the bell changes hands"},
  why={"equipment": "One kettlebell passed from hand to hand under the front leg"})
L("unilateral-lunges", "bodyweight", "U", "c", "Lunge", "L", LUNGE,
  "Lunging on one leg for a set, hands on the hips: no load, some balance")
L("scissors-jump", "bodyweight", "A", "c", "Lunge", "M",
  "P quadriceps glutes | S calves | St abductors abdominals",
  "Jumping from a lunge and switching legs in the air: coordination and a soft landing",
  kind="P", fn={"calves": "Push off through the ankles and absorb the landing"})
L("lunge-sprint", "smith-machine", "A", "c", "Lunge", "M",
  "P quadriceps glutes | S calves | St abdominals",
  "Jumping and switching legs under a Smith bar takes timing and a soft landing", kind="P",
  fn={"calves": "Push off through the ankles and absorb the landing"},
  why={"equipment": "A Smith machine's bar on the back, guided by its rails"})

# --- leg isolation: extensions, curls, hip thrusts and bridges, abduction, adduction ----------

legs_isolation = Family(
    "legs-isolation", "Reviewed reference: leg isolation, hip thrusts and bridges",
    "Leg extensions, leg curls, Nordic and glute-ham raises, hip thrusts and glute bridges, hip "
    "abduction and adduction, glute kickbacks. " + LICENCE_NOTE, {
        "quadriceps": "Extend the knee against the pad",
        "hamstrings": "Flex the knee against the resistance",
        "calves": "Assist knee flexion (the gastrocnemius crosses the knee)",
        "glutes": "Extend the hip to lift the pelvis to lockout",
        "abductors": "Abduct the hip: move the thigh out to the side",
        "adductors": "Adduct the hip: pull the thigh in toward the midline",
        "abdominals": "Brace the trunk and keep the ribs down",
        "erector-spinae": "Hold the spine neutral",
    })
X = legs_isolation.add
KNEE_EXT = {"mechanic": "Only the knee moves", "pattern": "Single-joint knee extension"}
KNEE_FLEX = {"mechanic": "Only the knee moves", "pattern": "Single-joint knee flexion"}
HIP_EXT = {"mechanic": "Only the hips move; the knees hold their bend and the spine stays still",
           "pattern": "Hip extension with the knees fixed: the hips flex and extend"}
ABD = {"mechanic": "Only the hip moves, out to the side",
       "pattern": "Single-joint hip abduction"}
ADD = {"mechanic": "Only the hip moves, in toward the midline",
       "pattern": "Single-joint hip adduction"}
KICK = {"mechanic": "Only the hip moves, backward", "pattern": "Single-joint hip extension"}
BRIDGE = "P glutes | S hamstrings | St abdominals erector-spinae"
THRUST = "P glutes | S hamstrings quadriceps | St abdominals erector-spinae"
B_FN = {"hamstrings": "Assist hip extension",
        "quadriceps": "Hold the knees at about a right angle as the hips rise"}

X("leg-extensions", "leg-extension-machine", "B", "i", "Isolation", "L", "P quadriceps",
  "A seated machine with one joint moving: the easiest quadriceps exercise", why=KNEE_EXT)
X("single-leg-leg-extension", "leg-extension-machine", "U", "i", "Isolation", "L",
  "P quadriceps", "A leg extension one leg at a time: machine-guided", why=KNEE_EXT)
X("lying-leg-curls", "leg-curl-machine", "B", "i", "Isolation", "L",
  "P hamstrings | S calves", "A lying machine with one joint moving: easy to learn",
  why=KNEE_FLEX | {"equipment": "A lying (prone) leg curl machine"})
X("seated-leg-curl", "leg-curl-machine", "B", "i", "Isolation", "L",
  "P hamstrings | S calves", "A seated machine with one joint moving: easy to learn",
  fn={"hamstrings": "Flex the knee from the hip-flexed seat, where they are lengthened"},
  why=KNEE_FLEX | {"equipment": "A seated leg curl machine"})
X("standing-leg-curl", "leg-curl-machine", "U", "i", "Isolation", "L",
  "P hamstrings | S calves | St glutes", "A standing machine curl, one leg at a time",
  fn={"glutes": "Keep the hip of the working leg extended"},
  why=KNEE_FLEX | {"equipment": "A standing (kneeling) leg curl machine"})
X("leg-curl", "leg-curl-machine", "B", "i", "Isolation", "L", "P hamstrings | S calves",
  "A machine with one joint moving: easy to learn", why=KNEE_FLEX)
X("ball-leg-curl", "bodyweight exercise-ball", "B", "i", "Isolation", "M",
  "P hamstrings | S glutes | St abdominals calves",
  "Rolling a ball in with the hips held up needs balance and core control",
  fn={"glutes": "Hold the hips lifted off the floor while the knees bend",
      "calves": "Press the heels into the ball"},
  why={"mechanic": "Only the knees bend and straighten; the hips hold the bridge isometrically",
       "pattern": "Knee flexion with the hips held in a bridge"})
X("seated-band-hamstring-curl", "resistance-band", "U", "i", "Isolation", "L",
  "P hamstrings | S calves", "A seated curl against a band anchored in front: simple",
  why=KNEE_FLEX | {"equipment": "A resistance band anchored in front at shin height"})
X("leg-curl-with-elastic", "resistance-band", "U", "i", "Isolation", "L",
  "P hamstrings | S calves", "A standing or lying curl against a band: simple",
  why=KNEE_FLEX | {"equipment": "A resistance band around the ankle, anchored in front"})
X("nordic-curl", "bodyweight", "B", "i", "Isolation", "M",
  "P hamstrings | S calves | St glutes abdominals",
  "Kneeling with the heels held and lowering the body under control: few can do the full range",
  fn={"hamstrings": "Lower the body by resisting knee extension (eccentric), then flex the knee",
      "glutes": "Keep the hips extended so the body stays in one line"},
  why=KNEE_FLEX | {"equipment": "No equipment beyond an anchor for the heels (partner, pad or "
                                "bar): the body's own weight is the load"})
X("natural-glute-ham-raise", "bodyweight", "B", "i", "Isolation", "M",
  "P hamstrings | S calves | St glutes abdominals",
  "A Nordic-style lowering on the floor with the heels anchored: hard to control",
  fn={"hamstrings": "Lower the body by resisting knee extension (eccentric), then flex the knee",
      "glutes": "Keep the hips extended so the body stays in one line"},
  why=KNEE_FLEX | {"equipment": "No equipment beyond an anchor for the heels (partner, pad or "
                                "bar): the body's own weight is the load"})
X("glute-ham-raise", "glute-ham-developer", "B", "c", "HipHinge", "M",
  "P hamstrings | S glutes calves | St erector-spinae abdominals",
  "Needs a glute-ham developer set to the lifter and control of the knee flexion",
  fn={"hamstrings": "Extend the hips and then flex the knees to raise the body",
      "glutes": "Extend the hips from the hinge over the pad"},
  why={"mechanic": "The hips extend and then the knees flex: two joints work",
       "pattern": "Hip extension over the pad followed by knee flexion: a hinge finished by a "
                  "curl"})
X("floor-glute-ham-raise", "bodyweight", "B", "i", "Isolation", "M",
  "P hamstrings | S calves | St glutes abdominals",
  "A glute-ham raise on the floor with the heels held: hard to control",
  fn={"hamstrings": "Lower the body by resisting knee extension (eccentric), then flex the knee",
      "glutes": "Keep the hips extended so the body stays in one line"},
  why=KNEE_FLEX | {"equipment": "No equipment beyond an anchor for the heels (partner, pad or "
                                "bar): the body's own weight is the load"})
X("reverse-nordic-curl", "bodyweight", "B", "i", "Isolation", "M",
  "P quadriceps | St abdominals glutes",
  "Leaning back from a kneel with the hips straight loads the knees hard: build up slowly",
  fn={"quadriceps": "Lower the body backward by resisting knee flexion and return",
      "glutes": "Keep the hips extended so the body stays in one line"},
  why=KNEE_EXT | {"equipment": "No equipment beyond a mat under the knees: the body's own weight "
                               "is the load"})
X("barbell-hip-thrust", "barbell bench", "B", "i", "HipHinge", "M", THRUST,
  "Rolling the bar over the hips and setting the back on a bench take some setup", fn=B_FN,
  why=HIP_EXT | {"equipment": "A barbell across the hips; the upper back rests on a bench"})
X("dumbbell-hip-thrust", "dumbbell bench", "B", "i", "HipHinge", "L", THRUST,
  "A dumbbell on the hips and the back on a bench: easy to set up", fn=B_FN,
  why=HIP_EXT | {"equipment": "A dumbbell held on the hips; the upper back rests on a bench"})
X("dumbbell-single-leg-hip-thrust", "dumbbell bench", "U", "i", "HipHinge", "L",
  THRUST + " abductors", "A hip thrust on one leg with a dumbbell on the hip: the one-leg hip "
  "thrust's level, the load is no skill (Low: bridges and hip thrusts on one leg)",
  fn=B_FN | {"abductors": "Keep the pelvis level over the working leg"},
  why=HIP_EXT | {"equipment": "A dumbbell held on the hip; the upper back rests on a bench"})
X("unilateral-hip-thrust", "bodyweight bench", "U", "i", "HipHinge", "L",
  THRUST + " abductors", "A bodyweight hip thrust on one leg: simple, some pelvic control",
  fn=B_FN | {"abductors": "Keep the pelvis level over the working leg"},
  why=HIP_EXT | {"equipment": "A bench under the upper back; the body's weight is the load"})
X("butt-lift-bridge", "bodyweight", "B", "i", "HipHinge", "L", BRIDGE,
  "Lying on the floor and lifting the hips: the easiest glute exercise", fn=B_FN, why=HIP_EXT)
X("glute-bridge", "bodyweight", "B", "i", "HipHinge", "L", BRIDGE,
  "Lying on the floor and lifting the hips: the easiest glute exercise", fn=B_FN, why=HIP_EXT)
X("hip-bridge", "bodyweight", "A", "i", "HipHinge", "L",
  BRIDGE.replace("S hamstrings", "S hamstrings quadriceps") + " abductors",
  "A bridge on the heels extending one leg at a time: easy, some pelvic control",
  fn=B_FN | {"abductors": "Keep the pelvis level as one leg extends",
             "quadriceps": "Straighten each leg in turn while the other heel holds the bridge"},
  why=HIP_EXT | {"laterality": "The legs take turns extending while the hips stay up"})
X("single-leg-glute-bridge", "bodyweight", "U", "i", "HipHinge", "L",
  BRIDGE + " abductors", "A floor bridge on one leg: easy, some pelvic control",
  fn=B_FN | {"abductors": "Keep the pelvis level over the working leg"}, why=HIP_EXT)
X("barbell-glute-bridge", "barbell", "B", "i", "HipHinge", "M", BRIDGE,
  "Rolling a barbell over the hips on the floor takes some setup", fn=B_FN,
  why=HIP_EXT | {"equipment": "A barbell across the hips, lying on the floor"})
X("physioball-hip-bridge", "bodyweight exercise-ball", "B", "i", "HipHinge", "L",
  "P glutes | S hamstrings | St abdominals erector-spinae quadriceps",
  "Shoulders on a ball add a little balance to a bridge",
  fn=B_FN | {"quadriceps": "Hold the knees bent as the hips rise off the ball"},
  why=HIP_EXT | {"equipment": "An exercise ball under the shoulders; the body's weight is the "
                              "load"})
X("hip-lift-with-band", "resistance-band", "B", "i", "HipHinge", "L", BRIDGE,
  "A floor bridge against a band over the hips: simple", fn=B_FN,
  why=HIP_EXT | {"equipment": "A resistance band across the hips, anchored to the floor"})
X("machine-hip-abduction", "hip-abduction-machine", "B", "i", "Isolation", "L",
  "P abductors", "A seated machine with one joint moving: easy", why=ABD)
X("thigh-abductor", "hip-abduction-machine", "B", "i", "Isolation", "L",
  "P abductors", "A seated machine with one joint moving: easy", why=ABD)
X("thigh-adductor", "hip-adduction-machine", "B", "i", "Isolation", "L", "P adductors",
  "A seated machine with one joint moving: easy", why=ADD)
X("cable-hip-adduction", "cable-station", "U", "i", "Isolation", "L",
  "P adductors | St abductors abdominals", "A standing cable adduction: simple, some balance",
  fn={"abductors": "Hold the pelvis level over the standing leg"},
  why=ADD | {"equipment": "A cable station's low pulley with an ankle cuff"})
X("standing-adduction-cable", "cable-station", "U", "i", "Isolation", "L",
  "P adductors | St abductors abdominals", "A standing cable adduction: simple, some balance",
  fn={"abductors": "Hold the pelvis level over the standing leg"},
  why=ADD | {"equipment": "A cable station's low pulley with an ankle cuff"})
X("band-hip-adductions", "resistance-band", "U", "i", "Isolation", "L",
  "P adductors | St abductors abdominals", "A standing adduction against a band: simple",
  fn={"abductors": "Hold the pelvis level over the standing leg"},
  why=ADD | {"equipment": "A resistance band around the ankle, anchored to the side"})
X("copenhagen-adduction-exercise", "bodyweight bench", "U", "i", "Isolation", "M",
  "P adductors | St obliques abductors",
  "A side plank with the top leg on a bench: hard on the adductors, progress from the knee",
  fn={"adductors": "Hold and lift the body on the top leg by adducting the hip",
      "obliques": "Hold the trunk straight sideways in the side plank",
      "abductors": "Hold the pelvis up on the bottom side"},
  why=ADD | {"equipment": "A bench to rest the top leg on; the body's weight is the load"})
X("side-lying-hip-abduction", "bodyweight", "U", "i", "Isolation", "L",
  "P abductors | St obliques",
  "Lying on the side and raising the top leg: easy",
  fn={"obliques": "Keep the pelvis stacked and still"}, why=ABD)
X("side-leg-raises", "bodyweight", "U", "i", "Isolation", "L",
  "P abductors | St obliques",
  "Raising the top leg lying on the side: easy",
  fn={"obliques": "Keep the pelvis stacked and still"}, why=ABD)
X("abduction-while-standing", "bodyweight", "U", "i", "Isolation", "L",
  "P abductors | St abdominals",
  "A standing leg raise to the side: easy, a little balance",
  why=ABD)
X("clamshell", "bodyweight", "U", "i", "Isolation", "L", "P abductors",
  "Lying on the side opening the knees: easy",
  fn={"abductors": "Rotate the thigh outward to open the knee (with the deep rotators)"},
  why={"mechanic": "Only the hip moves, rotating outward",
       "pattern": "Single-joint hip external rotation and abduction"})
X("banded-clamshell", "resistance-band", "U", "i", "Isolation", "L", "P abductors",
  "A clamshell against a band around the knees: easy",
  fn={"abductors": "Rotate the thigh outward against the band to open the knee"},
  why={"mechanic": "Only the hip moves, rotating outward",
       "pattern": "Single-joint hip external rotation and abduction",
       "equipment": "A loop band around the thighs above the knees"})
X("monster-walk", "resistance-band", "A", "i", "Isolation", "L",
  "P abductors | St abdominals",
  "Walking forward and out against a band around the legs: easy",
  fn={"abductors": "Abduct each hip against the band as the feet step out"},
  why=ABD | {"equipment": "A loop band around the knees or ankles",
             "mechanic": "The hips abduct against the band; the stepping is incidental"})
X("lateral-walk", "resistance-band", "A", "i", "Isolation", "L",
  "P abductors | St abdominals",
  "Side-stepping against a band around the legs: easy",
  fn={"abductors": "Abduct the leading hip against the band and hold the trailing one"},
  why=ABD | {"equipment": "A loop band around the knees or ankles",
             "mechanic": "The hips abduct against the band; the stepping is incidental"})
X("quadruped-hip-abduction", "bodyweight", "U", "i", "Isolation", "L",
  "P abductors | St abdominals", "On all fours lifting the bent leg to the side: easy",
  fn={"abdominals": "Hold the trunk still on all fours"}, why=ABD)
X("leg-swings-frontback", "bodyweight", "U", "i", "Isolation", "L",
  "P quadriceps glutes | St abductors abdominals",
  "Swinging one leg forward and back holding a support: easy, a warm-up drill", kind="M",
  fn={"quadriceps": "Flex the hip to swing the leg forward (the rectus femoris, with the "
                    "iliopsoas that is not in the catalogue)",
      "glutes": "Extend the hip to swing the leg back",
      "abductors": "Hold the pelvis level over the standing leg"},
  why={"mechanic": "Only the hip of the swinging leg moves",
       "pattern": "Hip flexion and extension of a free-swinging leg: a single-joint drill"})
X("crossbody-leg-swings", "bodyweight", "U", "i", "Isolation", "L",
  "P adductors abductors | St abdominals",
  "Swinging one leg across the body and out holding a support: easy, a warm-up drill",
  kind="M",
  fn={"adductors": "Swing the leg across the front of the body",
      "abductors": "Swing the leg back out to the side"},
  why={"mechanic": "Only the hip of the swinging leg moves",
       "pattern": "Hip adduction and abduction of a free-swinging leg: a single-joint drill"})
X("glute-kickback", "bodyweight", "U", "i", "Isolation", "L",
  "P glutes | S hamstrings | St abdominals",
  "On all fours pressing one leg back: easy",
  fn={"glutes": "Extend the hip to press the leg back", "hamstrings": "Assist hip extension",
      "abdominals": "Hold the lower back still so the hip, not the spine, moves"}, why=KICK)
X("glute-kickback-machine", "machine", "U", "i", "Isolation", "L",
  "P glutes | S hamstrings",
  "A glute kickback machine guides the leg: easy",
  fn={"glutes": "Extend the hip to press the pad back", "hamstrings": "Assist hip extension"},
  why=KICK | {"equipment": "A glute kickback machine (no narrower kind in the taxonomy)"})
X("one-legged-cable-kickback", "cable-station", "U", "i", "Isolation", "L",
  "P glutes | S hamstrings | St abductors abdominals",
  "A standing cable kickback: simple, some balance",
  fn={"glutes": "Extend the hip to press the leg back against the cable",
      "hamstrings": "Assist hip extension",
      "abductors": "Hold the pelvis level over the standing leg"},
  why=KICK | {"equipment": "A cable station's low pulley with an ankle cuff"})
X("rubber-band-glute-kickback", "resistance-band", "U", "i", "Isolation", "L",
  "P glutes | S hamstrings | St abdominals",
  "A kickback against a band: simple",
  fn={"glutes": "Extend the hip to press the leg back against the band",
      "hamstrings": "Assist hip extension", "abdominals": "Hold the lower back still"},
  why=KICK | {"equipment": "A resistance band around the foot, anchored in front"})

# second pass: hip thrust machine, machines the sources call bodyweight, band and slide work
X("glute-drive", "machine", "B", "i", "HipHinge", "L",
  "P glutes | S hamstrings | St abdominals",
  "A hip thrust machine with a belt over the hips: easy to set up", fn=B_FN,
  why=HIP_EXT | {"equipment": "A hip thrust (glute drive) machine: no narrower kind in the "
                              "taxonomy"})
X("seated-hip-abduction", "hip-abduction-machine", "B", "i", "Isolation", "L", "P abductors",
  "A seated machine with one joint moving: easy", why=ABD)
X("seated-hip-adduction", "hip-adduction-machine", "B", "i", "Isolation", "L", "P adductors",
  "A seated machine with one joint moving: easy", why=ADD)
X("supine-hip-abduction", "bodyweight", "U", "i", "Isolation", "L",
  "P abductors | St abdominals",
  "Lying on the back sliding one straight leg out to the side: easy", why=ABD)
X("hip-extension-with-bands", "resistance-band", "U", "i", "Isolation", "L",
  "P glutes | S hamstrings | St abductors abdominals",
  "Standing and pushing one leg back against a band: simple",
  fn={"glutes": "Extend the hip to push the leg back against the band",
      "hamstrings": "Assist hip extension",
      "abductors": "Hold the pelvis level over the standing leg"},
  why=KICK | {"equipment": "A resistance band from a low post to the ankle"})
X("platform-hamstring-slides", "bodyweight", "B", "i", "Isolation", "M",
  "P hamstrings | S glutes | St abdominals calves",
  "Sliding the heels in and out on a towel with the hips held up takes control",
  fn={"glutes": "Hold the hips lifted off the floor while the knees bend",
      "calves": "Press the heels into the towel"},
  why={"mechanic": "Only the knees bend and straighten; the hips hold the bridge isometrically",
       "pattern": "Knee flexion with the hips held in a bridge",
       "equipment": "No equipment beyond a towel or slider on a smooth floor: the body's own "
                    "weight is the load"})
X("hip-raise-lying", "bodyweight", "B", "i", "HipHinge", "L", BRIDGE,
  "Raising the hips and holding them up: easy",
  fn=B_FN | {"glutes": "Extend the hips and hold them up (isometric)"},
  why=HIP_EXT | {"mechanic": "The hips extend once and then hold: a single joint"})

# --- calves ------------------------------------------------------------------------------------

calves = Family("calves", "Reviewed reference: calf raises",
                "Standing, seated, single-leg, machine, Smith, leg-press and donkey calf raises. "
                + LICENCE_NOTE, {
    "calves": "Plantarflex the ankle to raise the heels (gastrocnemius and soleus together)",
    "soleus": "Plantarflex the ankle with the knee bent, where it does most of the work",
    "gastrocnemius": "Assist plantarflexion; slack at the knee when it is bent",
    "quadriceps": "Hold the knees straight",
    "abdominals": "Hold the trunk upright",
    "erector-spinae": "Hold the spine upright under the load on the back",
    "forearms": "Grip the load",
    "abductors": "Hold the pelvis level over the standing leg",
})
C = calves.add
STAND = {"mechanic": "Only the ankle moves", "pattern": "Single-joint ankle plantarflexion"}
SEAT = {"mechanic": "Only the ankle moves; the knee stays bent at a right angle",
        "pattern": "Single-joint ankle plantarflexion with the knee bent"}

C("standing-calf-raises", "calf-raise-machine", "B", "i", "Isolation", "L", "P calves",
  "A machine that guides the raise: easy", why=STAND | {"equipment": "A standing calf raise "
  "machine loads the shoulders through pads"})
C("seated-calf-raise", "calf-raise-machine", "B", "i", "Isolation", "L",
  "P soleus | S gastrocnemius", "A seated machine with one joint moving: easy",
  why=SEAT | {"equipment": "A seated calf raise machine loads the knees through a pad"})
C("standing-barbell-calf-raise", "barbell squat-rack weight-plate", "B", "i", "Isolation", "L",
  "P calves | St erector-spinae abdominals",
  "A calf raise: one joint and a short path; the bar comes from a rack at shoulder height",
  why=STAND | {"equipment": "A barbell on the back from a squat rack; the balls of the feet on a "
                            "plate or block"})
C("rocking-standing-calf-raise", "barbell squat-rack", "B", "i", "Isolation", "L",
  "P calves | St erector-spinae abdominals",
  "A calf raise rocking from heels to toes: one joint; the bar comes from a rack",
  fn={"calves": "Plantarflex the ankles to rise on the toes after each rock back to the heels"},
  why=STAND | {"equipment": "A barbell on the back, unracked from a squat rack"})
C("standing-dumbbell-calf-raise", "dumbbell weight-plate", "U", "i", "Isolation", "L",
  "P calves | St forearms abdominals", "Dumbbell in hand on one leg: simple, a little balance",
  why=STAND | {"equipment": "A dumbbell in the hand; the ball of the foot on a step or plate"})
C("calf-raise-on-a-dumbbell", "dumbbell", "B", "i", "Isolation", "L",
  "P calves | St forearms abdominals",
  "A calf raise with the toes on a dumbbell handle: one joint, a little balance",
  why=STAND | {"equipment": "A dumbbell to stand on (its handle as the step), another in hand"})
C("seated-dumbbell-calf-raise", "dumbbell bench", "B", "i", "Isolation", "L",
  "P soleus | S gastrocnemius", "Seated with dumbbells on the knees: easy",
  why=SEAT | {"equipment": "Dumbbells resting on the knees, seated on a bench"})
C("dumbbell-seated-one-leg-calf-raise", "dumbbell bench weight-plate", "U", "i", "Isolation",
  "L", "P soleus | S gastrocnemius", "Seated with a dumbbell on one knee: easy",
  why=SEAT | {"equipment": "A dumbbell on the knee, seated on a bench, the ball of the foot on "
                           "a plate"})
C("barbell-seated-calf-raise", "barbell bench", "B", "i", "Isolation", "L",
  "P soleus | S gastrocnemius", "Seated with a barbell across the knees: easy",
  why=SEAT | {"equipment": "A barbell across the knees (padded), seated on a bench"})
C("double-leg-calf-raise", "bodyweight", "B", "i", "Isolation", "L", "P calves",
  "Rising on the toes on both feet: the easiest calf exercise", why=STAND)
C("calf-raises-one-legged", "bodyweight", "U", "i", "Isolation", "L",
  "P calves | St abductors", "Rising on the toes of one foot: easy, a little balance",
  why=STAND)
C("calf-raises-with-bands", "resistance-band", "B", "i", "Isolation", "L", "P calves",
  "Rising on the toes against a band: easy",
  why=STAND | {"equipment": "A resistance band under the feet and held at the shoulders"})
C("calf-press-on-the-leg-press-machine", "leg-press-machine", "B", "i", "Isolation", "L",
  "P calves | St quadriceps", "Pressing the sled with the toes: easy, keep the knees locked",
  why=STAND | {"equipment": "A leg press machine, the sled pushed with the balls of the feet"})
C("leg-press-toe-press", "leg-press-machine", "B", "i", "Isolation", "L",
  "P calves | St quadriceps", "Pressing the sled with the toes: easy, keep the knees locked",
  why=STAND | {"equipment": "A leg press machine, the sled pushed with the balls of the feet"})
C("calf-raise-using-hack-squat-machine", "hack-squat-machine", "B", "i", "Isolation", "L",
  "P calves | St quadriceps", "Calf raises in a hack squat machine: guided, easy",
  why=STAND | {"equipment": "A hack squat machine, the shoulders under its pads"})
C("smith-machine-calf-raise", "smith-machine weight-plate", "B", "i", "Isolation", "L",
  "P calves | St abdominals", "The rails steady the bar: easy",
  why=STAND | {"equipment": "A Smith machine's bar on the back; the balls of the feet on a "
                            "plate or block"})
C("donkey-calf-raises", "machine", "B", "i", "Isolation", "L",
  "P calves | St erector-spinae", "Bent over with the load on the hips: simple on a machine",
  fn={"erector-spinae": "Hold the bent-over trunk still"},
  why=STAND | {"equipment": "A donkey calf raise machine (or a partner on the hips): no "
                            "narrower kind in the taxonomy"})

# second pass
C("calf-press", "calf-raise-machine", "B", "i", "Isolation", "L", "P calves | St quadriceps",
  "A seated calf press machine with the legs almost straight: easy",
  why=STAND | {"equipment": "A seated calf press machine: the balls of the feet push a platform"})
C("sitting-calf-raises", "calf-raise-machine", "B", "i", "Isolation", "L",
  "P soleus | S gastrocnemius", "A seated calf raise with the load on the knees: easy",
  why=SEAT | {"equipment": "A seated calf raise machine loads the knees through a pad"})
C("exercise-band-plantarflexion", "resistance-band", "B", "i", "Isolation", "L", "P calves",
  "Seated with straight legs, pointing the feet against a band: easy",
  why=STAND | {"equipment": "A resistance band around the balls of the feet, held in the hands"})

# --- carries and sleds -------------------------------------------------------------------------

carry = Family("carry", "Reviewed reference: loaded carries and sleds",
               "Farmer's, suitcase, overhead, rickshaw and yoke carries, sled pushes and drags. "
               + LICENCE_NOTE, {
    "forearms": "Grip the load for the whole walk (isometric); grip strength limits the carry",
    "traps": "Hold the shoulders up against the load's pull",
    "quadriceps": "Extend the knees at each step under the load",
    "glutes": "Extend the hips at each step under the load",
    "calves": "Push off through the ankles at each step",
    "abdominals": "Brace the trunk and keep it upright while walking",
    "erector-spinae": "Hold the spine upright under the load",
    "abductors": "Hold the pelvis level on each single-leg stance of the stride",
    "obliques": "Hold the trunk upright against the one-sided load (anti-lateral flexion)",
    "shoulders": "Hold the load overhead with a straight arm",
    "triceps": "Keep the elbow locked under the load",
    "hamstrings": "Assist hip extension in each drive",
    "chest": "Press the arms into the sled's handles",
})
K = carry.add
CARRY_MECH = {"mechanic": "The legs walk while the trunk, shoulders and grip hold the load: many "
                          "joints work"}
FARMER = "P forearms traps | S quadriceps glutes calves | St abdominals erector-spinae abductors"

K("farmer-s-walk", "other", "B", "c", "Carry", "M", FARMER,
  "Heavy farmer's handles need a clean pick-up and an upright walk",
  why=CARRY_MECH | {"equipment": "Farmer's walk handles loaded with plates (a strongman "
                                 "implement; no narrower kind in the taxonomy)"})
K("dumbbell-farmer-s-carry", "dumbbell", "B", "c", "Carry", "L", FARMER,
  "Walking with a dumbbell in each hand: the simplest loaded carry",
  why=CARRY_MECH | {"equipment": "Two heavy dumbbells, one in each hand"})
K("suitcase-carry", "dumbbell", "U", "c", "Carry", "L",
  "P obliques forearms | S quadriceps glutes | St abductors traps erector-spinae",
  "Walking with one dumbbell: simple, the side bend is the thing to resist",
  why=CARRY_MECH | {"equipment": "One heavy dumbbell (or kettlebell) in one hand",
                    "laterality": "The load is on one side for a walk, then the other"})
K("overhead-carry", "kettlebell", "U", "c", "Carry", "M",
  "P shoulders | S triceps traps | St obliques erector-spinae abductors",
  "Walking with a bell locked out overhead needs shoulder mobility and control",
  fn={"traps": "Rotate and hold the shoulder blade up under the load overhead"},
  why=CARRY_MECH | {"equipment": "One kettlebell (or dumbbell) held overhead",
                    "laterality": "The load is on one side for a walk, then the other"},
  new="Overhead carry", alt=("Waiter's walk", "Overhead kettlebell carry",
                             "Single-arm overhead carry"))
K("rickshaw-carry", "other", "B", "c", "Carry", "M", FARMER,
  "A rickshaw frame lifted by its handles and walked: a strongman implement",
  why=CARRY_MECH | {"equipment": "A rickshaw frame (a strongman implement; no narrower kind in "
                                 "the taxonomy)"})
K("yoke-walk", "other", "B", "c", "Carry", "M",
  "P erector-spinae abdominals | S quadriceps glutes calves | St traps abductors",
  "A strongman implement: setup, bracing and short fast steps under the yoke take practice",
  fn={"erector-spinae": "Hold the spine upright under the yoke on the back (isometric); "
                        "usually the limit",
      "abdominals": "Brace the trunk under the load on the back; usually the limit",
      "traps": "Make a shelf for the yoke's crossbar"},
  why=CARRY_MECH | {"equipment": "A strongman yoke (no narrower kind in the taxonomy)"})
K("sled-push", "sled", "A", "c", "Lunge", "L",
  "P quadriceps glutes | S calves hamstrings | St abdominals chest triceps",
  "Pushing a sled with the arms locked: no technique to speak of",
  fn={"triceps": "Keep the elbows locked on the handles"},
  why={"pattern": "Alternating single-leg drives, knee- and hip-dominant, against the sled",
       "mechanic": "Hips, knees and ankles drive in turn while the arms and trunk hold"})
K("sled-drag-harness", "sled", "A", "c", "Lunge", "L",
  "P quadriceps glutes | S calves hamstrings | St abdominals erector-spinae",
  "Walking forward dragging a sled on a harness: simple",
  why={"equipment": "A sled dragged by a harness or belt",
       "pattern": "Alternating single-leg drives, knee- and hip-dominant, against the sled",
       "mechanic": "Hips, knees and ankles drive in turn while the trunk holds"})

# --- core: planks, anti-rotation, crunches, leg raises, rollouts, back extensions -------------

core = Family("core", "Reviewed reference: trunk and core",
              "Planks and side planks, anti-rotation presses and chops, crunches and sit-ups, leg "
              "and knee raises, rollouts, hollow holds and dead bugs, side bends, back "
              "extensions and reverse hyperextensions. " + LICENCE_NOTE, {
    "abdominals": "Brace the whole abdominal wall to keep the trunk from bending or sagging",
    "rectus-abdominis": "Flex the spine: curl the ribs toward the pelvis",
    "obliques": "Rotate or side-bend the trunk, or resist being rotated or bent sideways",
    "transversus-abdominis": "Draw the abdominal wall in and tighten it around the spine",
    "quadriceps": "Flex the hips to lift the legs (the rectus femoris; the iliopsoas, the main "
                  "hip flexor, is not in the muscle catalogue)",
    "shoulders": "Hold the body up over the arms",
    "chest": "Hold the body up on straight arms",
    "triceps": "Hold the elbows straight",
    "glutes": "Hold the hips extended in line with the trunk",
    "hamstrings": "Assist hip extension",
    "erector-spinae": "Extend the spine and hold it neutral",
    "lats": "Hold the arms still against the pull of the load or the bar",
    "forearms": "Grip the bar or handle",
    "abductors": "Hold the pelvis up on the bottom side",
})
T = core.add
HOLD = {"mechanic": "An isometric hold: the trunk resists one force and no joint moves"}
FLEX = {"mechanic": "Only the spine flexes; the hips stay still"}
FLEX_HIP = {"mechanic": "The hips flex and the spine curls: two joint actions"}
ROT = {"mechanic": "The trunk rotates (or resists rotating) while the arms hold the load out"}
EXT = {"mechanic": "Only the hips move over the pad; the spine holds neutral and the legs are "
                   "fixed",
       "pattern": "Hip extension about a pad with the legs fixed and the spine neutral: a hinge"}
BACK_EXT_FN = {"glutes": "Extend the hips to raise the trunk",
               "hamstrings": "Extend the hips from the hinge over the pad",
               "erector-spinae": "Hold the spine neutral as the trunk lowers and rises "
                                 "(isometric); the limit for many"}

T("plank", "bodyweight", "B", "i", "TrunkStability", "L",
  "P abdominals | St shoulders glutes quadriceps",
  "Holding a straight line on the forearms: the first core exercise anyone learns",
  fn={"quadriceps": "Hold the knees straight"}, why=HOLD)
T("high-plank", "bodyweight", "B", "i", "TrunkStability", "L",
  "P abdominals | St shoulders chest triceps glutes",
  "A plank on straight arms: easy", why=HOLD)
T("side-plank", "bodyweight", "U", "i", "TrunkStability", "L",
  "P obliques | St abductors shoulders",
  "Holding the body straight on one forearm and the feet's edges: easy to learn",
  fn={"obliques": "Hold the trunk straight sideways against gravity (anti-lateral flexion)"},
  why=HOLD)
T("reverse-plank", "bodyweight", "B", "i", "TrunkStability", "L",
  "P glutes erector-spinae | S hamstrings | St shoulders triceps",
  "Holding the body straight face up on the hands and heels: easy",
  fn={"glutes": "Hold the hips up in line with the trunk and legs",
      "erector-spinae": "Hold the spine straight face up"},
  why=HOLD | {"pattern": "An isometric hold of the trunk and hips against gravity"})
T("plank-shoulder-taps", "bodyweight", "A", "i", "TrunkStability", "L",
  "P abdominals | St shoulders chest glutes",
  "A high plank tapping each shoulder in turn: easy, keep the hips still",
  fn={"abdominals": "Keep the hips square as one hand lifts (anti-rotation)"},
  why=HOLD | {"laterality": "The hands take turns lifting within one set"})
T("plank-with-alternating-leg-lift", "bodyweight", "A", "i", "TrunkStability", "L",
  "P abdominals | S glutes | St shoulders",
  "A plank lifting each leg in turn: easy",
  fn={"glutes": "Extend the hip to lift the leg"},
  why=HOLD | {"laterality": "The legs take turns lifting within one set"})
T("incline-plank-with-alternate-floor-touch", "bodyweight exercise-ball", "A", "c",
  "TrunkStability", "M", "P abdominals | S abductors | St shoulders chest glutes",
  "A plank with the feet on a ball, stepping one foot off to the floor in turn: needs balance",
  fn={"abdominals": "Hold the trunk straight and square as one foot leaves the ball",
      "abductors": "Move the free leg out to the side and back onto the ball"},
  why={"mechanic": "One hip moves in turn while the trunk and shoulders hold the plank",
       "laterality": "The feet take turns leaving the ball within one set"})
T("crunches", "bodyweight", "B", "i", "TrunkStability", "L",
  "P rectus-abdominis | S obliques", "Curling the shoulders off the floor: simple", why=FLEX,
  fn={"obliques": "Assist spinal flexion"})
T("crunches-with-legs-up", "bodyweight", "B", "i", "TrunkStability", "L",
  "P rectus-abdominis | S obliques", "A crunch with the legs raised: simple", why=FLEX,
  fn={"obliques": "Assist spinal flexion"})
T("reverse-crunch", "bodyweight", "B", "c", "TrunkStability", "L",
  "P rectus-abdominis | S quadriceps obliques",
  "Curling the pelvis up off the floor: simple, without swinging",
  fn={"rectus-abdominis": "Curl the pelvis toward the ribs (posterior pelvic tilt)",
      "obliques": "Assist spinal flexion"}, why=FLEX_HIP)
# free-exercise-db's "Air Bike" is the bicycle crunch by its steps ("lift your shoulders into
# the crunch position ... a cycle pedal motion ... bring your right elbow close to your left
# knee"), not the fan bike of the same name (issue 23, data6): the steps decide, so it is
# reviewed as the bicycle crunch is, and the correction that gave it a stationary bike from its
# name is dropped (data/corrections.tsv). wger's bicycle crunches are merged onto it (issue 23,
# data7: data/merges.tsv), so this is the one review of both.
T("air-bike", "bodyweight", "A", "c", "TrunkStability", "L",
  "P obliques rectus-abdominis | S quadriceps",
  "Alternating elbow to opposite knee, lying (the bicycle crunch): simple",
  fn={"obliques": "Rotate the trunk to bring each shoulder toward the opposite knee"},
  why=FLEX_HIP | {"equipment": "No equipment: a bicycle crunch on the floor (its steps), not "
                                "the fan bike its name also names"})
T("oblique-crunches", "bodyweight", "U", "i", "TrunkStability", "L",
  "P obliques | S rectus-abdominis", "A crunch with a twist to one side: simple",
  fn={"obliques": "Flex and rotate the trunk toward one side",
      "rectus-abdominis": "Assist spinal flexion"},
  why=FLEX | {"mechanic": "Only the spine flexes and rotates; the hips stay still"})
T("cable-crunch", "cable-station", "B", "i", "TrunkStability", "L",
  "P rectus-abdominis | S obliques", "Kneeling and crunching a rope down: easy to learn",
  fn={"obliques": "Assist spinal flexion"},
  why=FLEX | {"equipment": "A cable station's high pulley with a rope"})
T("ab-crunch-machine", "ab-crunch-machine", "B", "i", "TrunkStability", "L",
  "P rectus-abdominis | S obliques", "A seated machine that guides the crunch: easy",
  fn={"obliques": "Assist spinal flexion"}, why=FLEX)
T("exercise-ball-crunch", "bodyweight exercise-ball", "B", "i", "TrunkStability", "L",
  "P rectus-abdominis | S obliques",
  "A crunch lying back over a ball: more range, a little balance",
  fn={"obliques": "Assist spinal flexion and steady the trunk on the ball"}, why=FLEX)
T("decline-crunch", "bodyweight decline-bench", "B", "i", "TrunkStability", "L",
  "P rectus-abdominis | S obliques", "A crunch on a decline bench: simple",
  fn={"obliques": "Assist spinal flexion"}, why=FLEX)
T("weighted-crunches", "dumbbell", "B", "i", "TrunkStability", "L",
  "P rectus-abdominis | S obliques", "A crunch holding a weight on the chest: simple",
  fn={"obliques": "Assist spinal flexion"},
  why=FLEX | {"equipment": "A dumbbell (or plate) held on the chest"})
T("negative-crunches", "bodyweight decline-bench", "B", "c", "TrunkStability", "L",
  "P rectus-abdominis | S quadriceps obliques",
  "A sit-up on a decline bench with a slow lowering: simple",
  fn={"rectus-abdominis": "Curl the trunk up and control its slow lowering (eccentric)",
      "obliques": "Assist spinal flexion"}, why=FLEX_HIP)
T("sit-up", "bodyweight", "B", "c", "TrunkStability", "L",
  "P rectus-abdominis | S quadriceps obliques",
  "Sitting all the way up from lying: simple", why=FLEX_HIP,
  fn={"quadriceps": "Flex the hips to bring the trunk up once the spine has curled (the "
                    "rectus femoris; the iliopsoas is not in the muscle catalogue)",
      "obliques": "Assist spinal flexion"})
T("3-4-sit-up", "bodyweight", "B", "c", "TrunkStability", "L",
  "P rectus-abdominis | S quadriceps obliques", "A sit-up to three-quarters: simple",
  why=FLEX_HIP, fn={"obliques": "Assist spinal flexion"})
T("jackknife-sit-up", "bodyweight", "B", "c", "TrunkStability", "M",
  "P rectus-abdominis | S quadriceps obliques",
  "Lifting legs and trunk together to touch the feet (V-up) takes coordination and balance",
  why=FLEX_HIP, fn={"obliques": "Assist spinal flexion"})
T("hanging-leg-raise", "bodyweight pull-up-bar", "B", "c", "TrunkStability", "M",
  "P rectus-abdominis | S quadriceps obliques | St forearms lats",
  "Hanging without swinging and curling the pelvis needs grip and control",
  fn={"rectus-abdominis": "Curl the pelvis up as the legs rise (posterior pelvic tilt)",
      "obliques": "Assist the pelvic curl and steady the swing"}, why=FLEX_HIP)
T("knee-raises", "bodyweight pull-up-bar", "B", "c", "TrunkStability", "M",
  "P rectus-abdominis | S quadriceps | St forearms lats",
  "Hanging core work: the grip holds the body weight while the knees rise without swinging",
  fn={"rectus-abdominis": "Curl the pelvis up as the knees rise"}, why=FLEX_HIP)
T("knee-hip-raise-on-parallel-bars", "bodyweight dip-station", "B", "c", "TrunkStability", "L",
  "P rectus-abdominis | S quadriceps | St shoulders triceps",
  "Supported on the forearms or hands (captain's chair): easy",
  fn={"rectus-abdominis": "Curl the pelvis up as the knees rise",
      "shoulders": "Hold the body up on the bars"}, why=FLEX_HIP)
T("toes-to-bar", "bodyweight pull-up-bar", "B", "c", "TrunkStability", "M",
  "P rectus-abdominis | S quadriceps lats obliques | St forearms",
  "Hanging core work: raising straight legs to the bar needs grip, flexibility and control",
  fn={"rectus-abdominis": "Curl the pelvis and spine up to bring the feet to the bar",
      "lats": "Press the straight arms down on the bar to lever the body up",
      "obliques": "Assist the curl and steady the swing"}, why=FLEX_HIP)
T("lying-leg-raise", "bodyweight bench", "B", "c", "TrunkStability", "L",
  "P rectus-abdominis | S quadriceps | St forearms",
  "Raising straight legs lying on the floor: easy, keep the back down",
  fn={"rectus-abdominis": "Hold the lower back down and curl the pelvis at the top",
      "forearms": "Hold the bench behind the head"},
  why=FLEX_HIP)
T("flat-bench-lying-leg-raise", "bodyweight bench", "B", "c", "TrunkStability", "L",
  "P rectus-abdominis | S quadriceps | St forearms",
  "Raising the legs lying on a bench, holding its end: easy",
  fn={"rectus-abdominis": "Hold the lower back down and curl the pelvis at the top",
      "forearms": "Hold the bench behind the head"}, why=FLEX_HIP)
T("flutter-kicks", "bodyweight", "A", "c", "TrunkStability", "L",
  "P rectus-abdominis | S quadriceps",
  "Small alternating kicks lying down: easy, keep the lower back down",
  fn={"rectus-abdominis": "Hold the pelvis and lower back still against the legs' lever"},
  why={"mechanic": "The hips flex and extend in turn while the trunk holds"})
T("hollow-hold", "bodyweight", "B", "i", "TrunkStability", "M",
  "P abdominals | S quadriceps",
  "Holding arms and legs off the floor with the lower back pressed down takes control",
  fn={"quadriceps": "Hold the straight legs off the floor"}, why=HOLD)
T("dead-bug", "bodyweight", "A", "c", "TrunkStability", "L",
  "P abdominals | S quadriceps", "Lying on the back moving opposite arm and leg: easy",
  fn={"abdominals": "Keep the lower back on the floor as the limbs move (anti-extension)"},
  why={"mechanic": "Hips and shoulders move in turn while the trunk holds"})
T("bird-dog", "bodyweight", "A", "c", "TrunkStability", "L",
  "P abdominals erector-spinae | S glutes shoulders",
  "On all fours reaching opposite arm and leg: easy",
  fn={"abdominals": "Keep the trunk from rotating or sagging as the limbs lift",
      "erector-spinae": "Hold the spine neutral as the opposite arm and leg reach out",
      "glutes": "Extend the hip to reach the leg back",
      "shoulders": "Flex the shoulder to reach the arm forward"},
  why={"mechanic": "Hip and shoulder move in turn while the trunk holds"})
T("ab-wheel", "bodyweight ab-wheel", "B", "c", "TrunkStability", "M",
  "P abdominals | S lats | St shoulders triceps",
  "Rolling out without the lower back sagging takes control; start from the knees",
  fn={"abdominals": "Keep the trunk from extending as the wheel rolls out, and pull back",
      "lats": "Pull the arms back down to roll the wheel in"},
  why={"mechanic": "The shoulders flex and extend while the trunk resists extension"})
T("barbell-ab-rollout", "bodyweight barbell", "B", "c", "TrunkStability", "H",
  "P abdominals | S lats | St shoulders triceps",
  "Rolling a barbell out from the feet, not the knees: few can hold the trunk straight",
  fn={"abdominals": "Keep the trunk from extending as the bar rolls out, and pull back",
      "lats": "Pull the arms back down to roll the bar in"},
  why={"mechanic": "The shoulders flex and extend while the trunk resists extension",
       "equipment": "A barbell with round plates rolled like a wheel; the body's weight is the "
                    "load"})
T("exercise-ball-pull-in", "bodyweight exercise-ball", "B", "c", "TrunkStability", "M",
  "P abdominals | S quadriceps | St shoulders chest",
  "Tucking the knees in with the shins on a ball from a plank needs balance",
  fn={"abdominals": "Hold the plank and curl the pelvis as the knees tuck in"},
  why=FLEX_HIP)
T("pallof-press", "cable-station", "U", "c", "TrunkStability", "L",
  "P obliques | St rectus-abdominis glutes shoulders",
  "Pressing a cable out from the chest and resisting the twist: easy",
  fn={"obliques": "Resist the cable's pull to rotate the trunk (anti-rotation)",
      "rectus-abdominis": "Brace the trunk", "glutes": "Hold the hips square",
      "shoulders": "Press and hold the handle out in front"},
  why={"mechanic": "The arms press out and back while the trunk holds against the cable's twist",
       "equipment": "A cable station's pulley at chest height, standing side-on"})
T("pallof-press-with-rotation", "cable-station", "U", "c", "TrunkStability", "L",
  "P obliques | St rectus-abdominis glutes shoulders",
  "A Pallof press that turns away and back under control: easy",
  fn={"obliques": "Rotate the trunk against the cable and control the return",
      "rectus-abdominis": "Brace the trunk", "glutes": "Hold the hips square",
      "shoulders": "Hold the handle out in front"},
  why=ROT | {"equipment": "A cable station's pulley at chest height, standing side-on"})
T("cable-woodchoppers", "cable-station", "U", "c", "TrunkStability", "L",
  "P obliques | S shoulders | St rectus-abdominis glutes",
  "Chopping a cable diagonally across the body: easy",
  fn={"obliques": "Rotate the trunk to pull the handle across the body",
      "shoulders": "Move the arms along the diagonal", "rectus-abdominis": "Brace the trunk",
      "glutes": "Turn and steady the hips"},
  why=ROT | {"equipment": "A cable station's high pulley, standing side-on"})
T("standing-cable-lift", "cable-station", "U", "c", "TrunkStability", "L",
  "P obliques | S shoulders quadriceps | St rectus-abdominis glutes",
  "Lifting a cable diagonally from low to high: easy",
  fn={"obliques": "Rotate the trunk to lift the handle across the body",
      "quadriceps": "Straighten the legs from the squat as the handle rises",
      "shoulders": "Raise the arms along the diagonal", "rectus-abdominis": "Brace the trunk",
      "glutes": "Turn and steady the hips"},
  why=ROT | {"equipment": "A cable station's low pulley, standing side-on"})
T("russian-twist", "dumbbell", "A", "c", "TrunkStability", "L",
  "P obliques | S rectus-abdominis | St quadriceps",
  "Sitting back and turning side to side: easy",
  fn={"obliques": "Rotate the trunk from side to side",
      "rectus-abdominis": "Hold the trunk leaned back",
      "quadriceps": "Hold the hips flexed with the feet off or on the floor"},
  why=ROT | {"mechanic": "The spine rotates while the hips hold the lean-back",
             "equipment": "A weight held in both hands: a dumbbell (or a plate or medicine ball)"})
T("landmine-180-s", "barbell landmine", "A", "c", "TrunkStability", "M",
  "P obliques | S shoulders | St rectus-abdominis glutes erector-spinae",
  "Arcing a landmine bar from hip to hip with straight arms takes control",
  fn={"obliques": "Rotate the trunk to swing the bar's end from one hip to the other",
      "shoulders": "Hold the bar up at arm's length", "rectus-abdominis": "Brace the trunk",
      "glutes": "Pivot and steady the hips", "erector-spinae": "Hold the spine upright"},
  why=ROT | {"equipment": "A barbell with one end in a landmine (or a corner)"})
T("rotary-torso-machine", "machine", "U", "i", "TrunkStability", "L",
  "P obliques | S rectus-abdominis", "A seated machine that guides the rotation: easy",
  fn={"obliques": "Rotate the trunk against the machine", "rectus-abdominis": "Brace the trunk"},
  why={"mechanic": "Only the spine rotates; the hips are fixed in the seat",
       "equipment": "A rotary torso machine (no narrower kind in the taxonomy)"})
T("dumbbell-side-bend", "dumbbell", "U", "i", "TrunkStability", "L",
  "P obliques | St erector-spinae forearms",
  "Bending sideways with a dumbbell in one hand: simple",
  fn={"obliques": "Bend the trunk back up against the dumbbell (lateral flexion)",
      "erector-spinae": "Hold the spine from bending forward"},
  why={"mechanic": "Only the spine bends sideways",
       "equipment": "One dumbbell in one hand"})
T("kettlebell-windmill", "kettlebell", "U", "c", "TrunkStability", "M",
  "P obliques | S glutes hamstrings | St shoulders triceps",
  "Hinging sideways under a kettlebell held overhead needs shoulder stability and hip mobility",
  fn={"obliques": "Lower and raise the trunk sideways under the bell",
      "glutes": "Hinge and extend the hip of the loaded side",
      "hamstrings": "Lengthen and extend the hip as the trunk lowers and rises",
      "shoulders": "Hold the bell overhead with a straight arm"},
  why={"mechanic": "The hips hinge and the trunk bends sideways while the arm holds the bell",
       "equipment": "One kettlebell held overhead"})
T("l-sit", "bodyweight", "B", "i", "TrunkStability", "M",
  "P abdominals | S quadriceps | St triceps shoulders",
  "Holding the straight legs level on the hands: strength and flexibility, the first "
  "gymnastic hold (the straddle L-sit is the skill)",
  fn={"abdominals": "Hold the pelvis curled and the trunk rigid with the legs out front",
      "quadriceps": "Hold the straight legs level (the rectus femoris; the iliopsoas is not in "
                    "the catalogue)",
      "shoulders": "Depress the shoulders to hold the body up on the hands"},
  why=HOLD | {"equipment": "No equipment beyond the floor, parallettes or dip bars to push on: "
                           "the body's own weight is the load"})
T("dragon-flag", "bodyweight bench", "B", "c", "TrunkStability", "H",
  "P abdominals | S lats | St glutes erector-spinae",
  "Lowering the straight body from the shoulders on a bench: an advanced hold",
  fn={"abdominals": "Hold the body straight as it lowers and raises from the shoulders",
      "lats": "Hold the body up from the bench's end behind the head",
      "erector-spinae": "Hold the body in one line"},
  why={"mechanic": "The body pivots at the shoulders while the trunk and hips hold straight"})
T("mountain-climbers", "bodyweight", "A", "c", "TrunkStability", "L",
  "P abdominals | S quadriceps | St shoulders chest",
  "Driving the knees in turn from a high plank: easy", kind="C",
  fn={"abdominals": "Hold the plank as the knees drive in"},
  why={"mechanic": "The hips and knees drive in turn while the trunk and shoulders hold"})
T("stomach-vacuum", "bodyweight", "B", "i", "TrunkStability", "L",
  "P transversus-abdominis", "Drawing the belly in and holding: easy",
  fn={"transversus-abdominis": "Draw the abdominal wall in and hold it (isometric)"},
  why=HOLD)
T("alternate-heel-touchers", "bodyweight", "A", "i", "TrunkStability", "L",
  "P obliques | S rectus-abdominis", "Lying and reaching to each heel in turn: easy",
  fn={"obliques": "Bend the trunk sideways toward each heel",
      "rectus-abdominis": "Hold the shoulders curled off the floor"},
  why={"mechanic": "Only the spine bends, side to side"})
T("windshield-wipers", "bodyweight pull-up-bar", "A", "c", "TrunkStability", "H",
  "P obliques | S rectus-abdominis quadriceps | St forearms lats",
  "Hanging with the legs up and swinging them side to side: hard",
  fn={"obliques": "Rotate the raised legs from side to side",
      "rectus-abdominis": "Hold the pelvis curled with the legs up"},
  why={"mechanic": "The hips flex and the trunk rotates while hanging"})
T("superman", "bodyweight", "B", "c", "TrunkStability", "L",
  "P erector-spinae | S glutes | St shoulders",
  "Lying face down lifting arms and legs: easy",
  fn={"erector-spinae": "Extend the spine to lift the chest", "glutes":
      "Extend the hips to lift the legs", "shoulders": "Hold the arms raised"},
  why={"mechanic": "The spine and hips extend together"})
T("45-degree-back-extension", "bodyweight hyperextension-bench", "B", "i", "HipHinge", "L",
  "P glutes hamstrings | St erector-spinae abdominals",
  "A bench that fixes the legs: easy to learn", fn=BACK_EXT_FN, why=EXT)
T("hyperextensions-back-extensions", "bodyweight hyperextension-bench", "B", "i", "HipHinge",
  "L", "P glutes hamstrings | St erector-spinae abdominals",
  "A bench that fixes the legs: easy to learn", fn=BACK_EXT_FN, why=EXT)
T("bodyweight-back-extension", "bodyweight hyperextension-bench", "B", "i", "HipHinge", "L",
  "P glutes hamstrings | St erector-spinae abdominals",
  "A bench that fixes the legs: easy to learn", fn=BACK_EXT_FN, why=EXT)
T("reverse-hyperextension", "bodyweight bench", "B", "i", "HipHinge", "L",
  "P glutes hamstrings | S erector-spinae",
  "Lying face down on a high bench and raising the legs: simple, without swinging",
  fn={"glutes": "Extend the hips to raise the legs behind", "hamstrings": "Extend the hips",
      "erector-spinae": "Extend the lower spine as the legs rise to level"},
  why={"mechanic": "The hips extend; the trunk is fixed on the pad",
       "pattern": "Hip extension with the trunk fixed and the legs moving",
       "equipment": "A bench to lie face down on, the legs hanging off its end (a reverse "
                    "hyperextension machine adds load); the legs' weight is the load"})

# second pass: cable and machine crunches, side bends, rollouts, twists, hanging and L-sit holds
T("decline-bench-leg-raise", "bodyweight decline-bench", "B", "c", "TrunkStability", "L",
  "P rectus-abdominis | S quadriceps | St forearms",
  "Raising the legs lying head-up on a decline bench, holding its handles: easy",
  fn={"rectus-abdominis": "Curl the pelvis up as the legs rise", "forearms":
      "Hold the bench's handles"}, why=FLEX_HIP)
T("decline-reverse-crunch", "bodyweight decline-bench", "B", "c", "TrunkStability", "L",
  "P rectus-abdominis | S quadriceps obliques | St forearms",
  "A reverse crunch on a decline bench, holding its top: simple",
  fn={"rectus-abdominis": "Curl the pelvis toward the ribs against the slope",
      "obliques": "Assist spinal flexion", "forearms": "Hold the top of the bench"},
  why=FLEX_HIP)
T("cable-reverse-crunch", "cable-station", "B", "c", "TrunkStability", "L",
  "P rectus-abdominis | S quadriceps obliques",
  "A reverse crunch against a low cable on the ankles: simple",
  fn={"rectus-abdominis": "Curl the pelvis toward the ribs against the cable",
      "obliques": "Assist spinal flexion"},
  why=FLEX_HIP | {"equipment": "A cable station's low pulley with ankle straps"})
T("cable-seated-crunch", "cable-station bench", "B", "i", "TrunkStability", "L",
  "P rectus-abdominis | S obliques", "A crunch seated with a high cable over the shoulders: easy",
  fn={"obliques": "Assist spinal flexion"},
  why=FLEX | {"equipment": "A cable station's high pulley with a rope; a bench to sit on"})
T("cross-body-crunch", "bodyweight", "A", "i", "TrunkStability", "L",
  "P obliques | S rectus-abdominis", "A crunch bringing each elbow to the opposite knee: easy",
  fn={"obliques": "Flex and rotate the trunk toward the opposite knee",
      "rectus-abdominis": "Assist spinal flexion"},
  why=FLEX | {"mechanic": "Only the spine flexes and rotates; the hips stay still"})
T("tuck-crunch", "bodyweight", "B", "i", "TrunkStability", "L",
  "P rectus-abdominis | S obliques", "A crunch with the knees tucked up: easy",
  fn={"obliques": "Assist spinal flexion"}, why=FLEX)
T("trunk-rotation-with-cable", "cable-station", "U", "i", "TrunkStability", "L",
  "P obliques | S rectus-abdominis", "A seated rotation against a side cable: easy",
  fn={"obliques": "Rotate the trunk against the cable", "rectus-abdominis": "Brace the trunk"},
  why={"mechanic": "Only the spine rotates; seated, the hips stay still",
       "equipment": "A cable station's pulley at chest height, seated side-on"})
T("one-arm-high-pulley-cable-side-bends", "cable-station", "U", "i", "TrunkStability", "L",
  "P obliques | St erector-spinae", "Bending sideways against a high cable: easy",
  fn={"obliques": "Bend the trunk sideways, pulling the cable down",
      "erector-spinae": "Hold the spine from bending forward"},
  why={"mechanic": "Only the spine bends sideways",
       "equipment": "A cable station's high pulley with a single handle"})
T("barbell-side-bend", "barbell squat-rack", "A", "i", "TrunkStability", "L",
  "P obliques | St erector-spinae",
  "Single-joint free-weight work (the table's Low row): only the spine bends sideways",
  fn={"obliques": "Bend the trunk to each side and back up under the bar",
      "erector-spinae": "Hold the spine from bending forward under the bar"},
  why={"mechanic": "Only the spine bends sideways",
       "equipment": "A barbell on the upper back, unracked from a squat rack"})
T("plate-twist", "weight-plate", "A", "c", "TrunkStability", "L",
  "P obliques | S rectus-abdominis | St quadriceps",
  "Sitting back and turning a plate from side to side: easy",
  fn={"obliques": "Rotate the trunk from side to side",
      "rectus-abdominis": "Hold the trunk leaned back",
      "quadriceps": "Hold the hips flexed"},
  why=ROT | {"mechanic": "The spine rotates while the hips hold the lean-back",
             "equipment": "A weight plate held in both hands"})
T("seated-barbell-twist", "barbell bench", "A", "i", "TrunkStability", "L",
  "P obliques | St erector-spinae", "Seated with a bar on the back, turning side to side: easy",
  fn={"obliques": "Rotate the trunk from side to side",
      "erector-spinae": "Hold the spine upright under the bar"},
  why={"mechanic": "Only the spine rotates; seated, the hips stay still",
       "equipment": "A barbell on the upper back, seated on the end of a bench"})
T("landmine-rotation", "barbell landmine", "A", "c", "TrunkStability", "M",
  "P obliques | S shoulders | St rectus-abdominis glutes",
  "Lowering a landmine bar from overhead to each side and back takes control",
  fn={"obliques": "Rotate and side-bend the trunk to carry the bar to each side and back",
      "shoulders": "Hold the bar's end up at arm's length", "rectus-abdominis":
      "Brace the trunk", "glutes": "Pivot and steady the hips"},
  why=ROT | {"equipment": "A barbell with one end in a landmine (or a corner)"})
T("barbell-rollout-from-bench", "bodyweight barbell bench", "B", "c", "TrunkStability", "M",
  "P abdominals | S lats | St shoulders triceps",
  "Rolling a barbell out while kneeling on a bench: the raised knees make it harder",
  fn={"abdominals": "Keep the trunk from extending as the bar rolls out, and pull back",
      "lats": "Pull the arms back down to roll the bar in"},
  why={"mechanic": "The shoulders flex and extend while the trunk resists extension",
       "equipment": "A barbell with round plates and a bench to kneel on; the body's weight is "
                    "the load"})
T("barbell-ab-rollout-on-knees", "bodyweight barbell", "B", "c", "TrunkStability", "M",
  "P abdominals | S lats | St shoulders triceps",
  "Rolling a barbell out from the knees: control the lower back",
  fn={"abdominals": "Keep the trunk from extending as the bar rolls out, and pull back",
      "lats": "Pull the arms back down to roll the bar in"},
  why={"mechanic": "The shoulders flex and extend while the trunk resists extension",
       "equipment": "A barbell with round plates rolled like a wheel; the body's weight is the "
                    "load"})
T("suspended-fallout", "bodyweight suspension-trainer", "B", "c", "TrunkStability", "M",
  "P abdominals | S lats | St shoulders triceps",
  "Leaning into suspension straps and letting the arms go overhead: control the lower back",
  fn={"abdominals": "Keep the trunk from extending as the arms go overhead",
      "lats": "Pull the arms back down to return"},
  why={"mechanic": "The shoulders flex and extend while the trunk resists extension"})
T("hanging-pike", "bodyweight pull-up-bar", "B", "c", "TrunkStability", "M",
  "P rectus-abdominis | S quadriceps lats obliques | St forearms",
  "Hanging core work: straight legs to the bar from a dead hang need grip, flexibility and "
  "control",
  fn={"rectus-abdominis": "Curl the pelvis and spine up to bring the feet to the bar",
      "lats": "Press the straight arms down on the bar to lever the body up",
      "obliques": "Assist the curl and steady the swing"}, why=FLEX_HIP)
T("tuck-l-sit", "bodyweight", "B", "i", "TrunkStability", "M",
  "P abdominals | S quadriceps | St triceps shoulders",
  "Holding the body up on the hands with the knees tucked: the first L-sit step",
  fn={"abdominals": "Hold the pelvis curled and the knees drawn up",
      "quadriceps": "Hold the hips flexed with the knees tucked",
      "shoulders": "Depress the shoulders to hold the body up on the hands"},
  why=HOLD | {"equipment": "No equipment beyond the floor, parallettes or dip bars to push on: "
                           "the body's own weight is the load"})
T("straddle-l-sit", "bodyweight", "B", "i", "TrunkStability", "H",
  "P abdominals | S quadriceps | St triceps shoulders adductors",
  "Holding straddled legs level with the hands on the floor between them: strength and "
  "flexibility",
  fn={"abdominals": "Hold the pelvis curled and the trunk rigid",
      "quadriceps": "Hold the straight legs level", "adductors":
      "Hold the legs in the straddle against gravity",
      "shoulders": "Depress the shoulders to hold the body up on the hands"},
  why=HOLD | {"equipment": "No equipment: the hands push on the floor between the legs"})
T("weighted-ball-hyperextension", "exercise-ball weight-plate", "B", "c", "HipHinge", "L",
  "P erector-spinae glutes hamstrings",
  "Lying over a ball with both feet braced on the floor: the ball is a support, not an "
  "unstable base (the table's Low row); the plate is held at the chest",
  fn={"glutes": "Extend the hips to raise the trunk", "hamstrings": "Extend the hips",
      "erector-spinae": "Extend the spine and raise the chest off the ball"},
  why={"mechanic": "The hips and spine extend over the ball",
       "pattern": "Hip and spine extension over a ball with the feet braced",
       "equipment": "An exercise ball under the hips and a weight plate held at the chest"})
T("janda-sit-up", "bodyweight", "B", "c", "TrunkStability", "M",
  "P rectus-abdominis | S obliques | St hamstrings glutes",
  "A slow sit-up with the glutes and hamstrings tensed to quiet the hip flexors: takes control",
  fn={"obliques": "Assist spinal flexion",
      "hamstrings": "Press the heels down to hold the hips extended against the hip flexors",
      "glutes": "Stay tensed to keep the hip flexors out of the curl"},
  why=FLEX_HIP | {"mechanic": "The spine curls and the hips flex as the trunk rises"})
T("crunch-legs-on-exercise-ball", "bodyweight exercise-ball", "B", "i", "TrunkStability", "L",
  "P rectus-abdominis | S obliques", "A crunch with the calves resting on a ball: easy",
  fn={"obliques": "Assist spinal flexion"},
  why=FLEX | {"equipment": "An exercise ball under the calves; the body's weight is the load"})
T("crunch-hands-overhead", "bodyweight", "B", "i", "TrunkStability", "L",
  "P rectus-abdominis | S obliques", "A crunch with the arms stretched overhead: easy",
  fn={"obliques": "Assist spinal flexion"}, why=FLEX)

FAMILIES = (squat, hinge, lunge, legs_isolation, calves, carry, core)


def main(argv: list[str]) -> int:
    """Write the family files; ``--check``: only report those that differ (exit 1)."""
    return write_or_check(list(FAMILIES), ROOT, "scripts/reviewed/lower.py", argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
