"""Turn tables of reviewed facts into the Turtle of the reviewed reference layer (data/reviewed/).

A family module (scripts/reviewed/lower.py) describes each exercise in one call of
:func:`Family.add`: equipment kinds, laterality, mechanic, movement pattern, difficulty and the
muscles by role, with a one-line function per muscle (from the family's table unless overridden)
and a one-line reason per non-muscle fact (from templates unless overridden). :func:`Family.turtle`
writes the family's file: its source node, every exercise with its facts materialised both as
the plain properties (exg:primaryMuscle ..., exg:worksMuscle) and as qualified nodes
(exg:MuscleInvolvement, exg:FactRationale), all with ``dcterms:source src:reviewed-FAMILY``.

The files are generated: edit the tables and run ``python scripts/reviewed/lower.py``, never the
Turtle by hand (docs/reviewed-layer.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

ROLES = {"P": "Primary", "S": "Secondary", "St": "Stabilizer"}
ROLE_PROPS = {"P": "primaryMuscle", "S": "secondaryMuscle", "St": "stabilizerMuscle"}
LATERALITY = {"B": "Bilateral", "U": "Unilateral", "A": "Alternating"}
DIFFICULTY = {"L": "Low", "M": "Moderate", "H": "High"}
KINDS = {"S": "StrengthTraining", "P": "PowerTraining", "C": "Cardio", "M": "MobilityDrill",
         "X": "Stretching"}
MECHANIC = {"c": "compound", "i": "isolation"}
PATTERNS = ("Squat", "HipHinge", "Lunge", "Carry", "TrunkStability", "Isolation",
            "HorizontalPush", "VerticalPush", "HorizontalPull", "VerticalPull")

#: What each kind of equipment does in an exercise, for the equipment rationale.
EQUIPMENT_WHY = {
    "barbell": "a barbell carries the load",
    "squat-rack": "a squat rack holds the bar at shoulder height to unrack and rerack it",
    "bench": "a flat bench supports the body",
    "incline-bench": "an incline bench sets the trunk angle",
    "decline-bench": "a decline bench anchors the feet and tilts the trunk",
    "dumbbell": "dumbbells carry the load",
    "kettlebell": "a kettlebell carries the load",
    "bodyweight": "the body's own weight is the load",
    "trap-bar": "a trap (hex) bar carries the load at the sides",
    "resistance-band": "a resistance band gives the resistance",
    "cable-station": "a cable station gives the resistance",
    "leg-press-machine": "a leg press machine guides and loads the sled",
    "hack-squat-machine": "a hack squat machine guides the carriage on its rails",
    "smith-machine": "a Smith machine guides the bar on fixed rails",
    "belt-squat-machine": "a belt squat machine hangs the load from a hip belt",
    "leg-extension-machine": "a leg extension machine loads the shins through a pad",
    "leg-curl-machine": "a leg curl machine loads the heels through a pad",
    "calf-raise-machine": "a calf raise machine loads the body through pads",
    "hip-abduction-machine": "a hip abduction machine loads the outer knees through pads",
    "hip-adduction-machine": "a hip adduction machine loads the inner knees through pads",
    "ab-crunch-machine": "an ab crunch machine loads the trunk through pads or handles",
    "machine": "a dedicated exercise machine guides and loads the movement",
    "back-extension-machine": "a back extension machine loads the back through a pad",
    "hyperextension-bench": "a 45-degree hyperextension bench fixes the legs at the hips",
    "glute-ham-developer": "a glute-ham developer fixes the ankles and supports the thighs",
    "exercise-ball": "an exercise ball supports or moves with the body",
    "medicine-ball": "a medicine ball carries the load",
    "weight-plate": "a weight plate carries the load",
    "plyo-box": "a box or platform to step or jump onto",
    "pull-up-bar": "a pull-up bar to hang from",
    "dip-station": "a dip station's bars support the body on the forearms or hands",
    "ab-wheel": "an ab wheel rolls out and back",
    "landmine": "a landmine anchors one end of the bar",
    "sled": "a sled gives the load by friction",
    "sandbag": "a sandbag carries the load",
    "gym-mat": "a mat under the body",
    "suspension-trainer": "a suspension trainer holds the feet or hands",
    "other": "a strongman implement no kind of the taxonomy names",
    # -- kinds of the upper-body files and the second-half review (issue 22, facts2): every
    # piece of gym kit has a kind; "other" is left to strongman implements (docs/reviewed-layer.md)
    "ez-curl-bar": "an EZ curl bar carries the load",
    "preacher-bench": "a preacher bench supports the upper arms",
    "lat-pulldown-station": "a lat pulldown station's high pulley gives the resistance",
    "seated-cable-row-station": "a seated cable row station gives the resistance",
    "gymnastic-rings": "gymnastic rings hold the body",
    "parallettes": "parallettes hold the hands off the floor",
    "chest-press-machine": "a chest press machine guides and loads the press",
    "shoulder-press-machine": "a shoulder press machine guides and loads the press",
    "seated-row-machine": "a seated row machine guides and loads the row",
    "battle-ropes": "battle ropes are whipped in waves",
    "jump-rope": "a jump rope is turned under the feet",
    "foam-roller": "a foam roller under the body",
    "sliders": "sliders let the hands or feet glide over the floor",
    "climbing-rope": "a climbing rope hung from a beam is climbed or pulled on",
    "hangboard": "a hangboard (fingerboard) gives the edges to hang from",
    "neck-harness": "a neck harness hangs the load from the head",
    "wrist-roller": "a wrist roller winds up the load on a cord",
    "hand-gripper": "a hand gripper's spring gives the resistance",
    "cones": "cones mark the course",
    "hurdles": "low hurdles to hop over",
    "press-board": "press boards on the chest stop the bar short",
    "chains": "chains hung on the bar add load as they leave the floor",
    "dowel": "a dowel (a light stick) guides the arms",
    "dip-belt": "a dip belt hangs plates from the hips",
    "balance-board": "a balance board tilts under the feet",
    "balance-trainer": "a balance trainer (a BOSU half ball) gives an unstable base",
    "heavy-bag": "a heavy bag to strike or drive into",
}

LATERALITY_WHY = {
    "B": "Both sides work together in every rep",
    "U": "One side works for a whole set, then the other",
    "A": "The sides take turns within one set",
}

PATTERN_WHY = {
    "Squat": "Knees and hips bend and straighten together from a two-footed stance",
    "HipHinge": "The hips flex and extend while the spine stays neutral and the knees stay soft",
    "Lunge": "Split stance or one leg: one leg does most of the knee and hip work",
    "Carry": "Walking while holding a load",
    "TrunkStability": "The trunk flexes, rotates or holds still against a force",
    "Isolation": "A single joint action does the work",
}

MECHANIC_WHY = {
    "Squat": "Ankles, knees and hips all move under the load",
    "Lunge": "Ankle, knee and hip of the working leg all move under the load",
    "HipHinge": "The hips move with the knees unlocking while the whole chain from grip to feet "
                "carries the load",
    "Carry": "The whole body works to walk while the trunk, hips and grip hold the load",
}


#: The last step of a rationale node's IRI, by the key of its reason.
RATIONALE_NODE = {"equipment": "equipment", "laterality": "laterality", "mechanic": "mechanic",
                  "pattern": "movement-pattern", "difficulty": "difficulty"}


def _esc(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def _node(slug: str, *path: str) -> str:
    return "exercise:" + "\\/".join((slug, *path))


@dataclass
class Exercise:
    slug: str
    equipment: list[str]
    laterality: str
    mechanic: str
    pattern: str
    difficulty: str
    muscles: list[tuple[str, str, str]]  # (role key, muscle slug, function)
    reasons: dict[str, str]
    kind: str = "S"
    new_label: str | None = None
    alt_labels: tuple[str, ...] = ()


@dataclass
class Family:
    """One reviewed file: data/reviewed/NAME.ttl, source src:reviewed-NAME."""

    name: str
    title: str
    comment: str
    functions: dict[str, str]
    exercises: list[Exercise] = field(default_factory=list)
    generator: str = "scripts/reviewed/lower.py"

    def add(self, slug: str, eq: str, lat: str, mech: str, pat: str, diff: str, m: str, d: str,
            *, kind: str = "S", fn: dict[str, str] | None = None,
            why: dict[str, str] | None = None, new: str | None = None,
            alt: tuple[str, ...] = ()) -> None:
        """One exercise. ``m`` is ``"P a b | S c | St d e"``: muscles by role; ``d`` is the
        difficulty rationale; ``fn`` overrides the family's muscle functions, ``why`` the
        templated rationales (keys equipment, laterality, mechanic, pattern); ``new`` is the
        label of an exercise the graph lacks."""
        if any(e.slug == slug for e in self.exercises):
            raise ValueError(f"{self.name}: {slug} twice")
        equipment = eq.split()
        unknown = [k for k in equipment if k not in EQUIPMENT_WHY]
        if unknown or lat not in LATERALITY or mech not in MECHANIC or pat not in PATTERNS \
                or diff not in DIFFICULTY or kind not in KINDS:
            raise ValueError(f"{slug}: bad value ({unknown}, {lat}, {mech}, {pat}, {diff})")
        fn = fn or {}
        why = dict(why or {})
        muscles: list[tuple[str, str, str]] = []
        for part in m.split("|"):
            role, *names = part.split()
            if role not in ROLES:
                raise ValueError(f"{slug}: bad role {role}")
            for muscle in names:
                text = fn.get(muscle) or self.functions.get(muscle)
                if not text:
                    raise ValueError(f"{slug}: no function for {muscle}")
                muscles.append((role, muscle, text))
        if not any(r == "P" for r, _m, _t in muscles):
            raise ValueError(f"{slug}: no primary muscle")
        why.setdefault("equipment", _equipment_reason(equipment))
        why.setdefault("laterality", LATERALITY_WHY[lat])
        if "mechanic" not in why:
            if mech == "c" and pat in MECHANIC_WHY:
                why["mechanic"] = MECHANIC_WHY[pat]
            else:
                raise ValueError(f"{slug}: needs a mechanic reason")
        if "pattern" not in why:
            if pat not in PATTERN_WHY or pat == "Isolation":
                raise ValueError(f"{slug}: needs a pattern reason")
            why["pattern"] = PATTERN_WHY[pat]
        why["difficulty"] = d
        self.exercises.append(Exercise(slug, equipment, lat, mech, pat, diff, muscles, why,
                                       kind, new, alt))

    def turtle(self) -> str:
        src = f"src:reviewed-{self.name}"
        out = [
            "@prefix exg:       <https://w3id.org/exgraph/ontology#> .",
            "@prefix exercise:  <https://w3id.org/exgraph/id/exercise/> .",
            "@prefix muscle:    <https://w3id.org/exgraph/id/muscle/> .",
            "@prefix equipment: <https://w3id.org/exgraph/id/equipment/> .",
            "@prefix rdfs:      <http://www.w3.org/2000/01/rdf-schema#> .",
            "@prefix skos:      <http://www.w3.org/2004/02/skos/core#> .",
            "@prefix dcterms:   <http://purl.org/dc/terms/> .",
            "@prefix src:       <https://w3id.org/exgraph/id/source/> .",
            "",
            f"# Generated by {self.generator}: edit the tables there, not this file.",
            f"# The review rules are in docs/reviewed-layer.md. {len(self.exercises)} exercises.",
            "",
            f"{src} a exg:Source ;",
            f'    rdfs:label "{_esc(self.title)}" ;',
            f'    dcterms:title "{_esc(self.title)}" ;',
            f'    rdfs:comment "{_esc(self.comment)}" ;',
            "    dcterms:license <https://creativecommons.org/licenses/by/4.0/> .",
        ]
        about = {"equipment": "requiresEquipment", "laterality": "laterality",
                 "mechanic": "mechanic", "pattern": "movementPattern",
                 "difficulty": "difficulty"}
        for ex in sorted(self.exercises, key=lambda e: e.slug):
            node = _node(ex.slug)
            out += ["", f"{node} a exg:Exercise ;"]
            if ex.new_label:
                out.append(f'    rdfs:label "{_esc(ex.new_label)}" ; '
                           f'skos:prefLabel "{_esc(ex.new_label)}" ;')
            if ex.alt_labels:
                out.append("    skos:altLabel " + ", ".join(f'"{_esc(a)}"' for a in ex.alt_labels)
                           + " ;")
            for role in ("P", "S", "St"):
                names = [m for r, m, _t in ex.muscles if r == role]
                if names:
                    out.append(f"    exg:{ROLE_PROPS[role]} "
                               + ", ".join(f"muscle:{m}" for m in names) + " ;")
            out.append("    exg:worksMuscle "
                       + ", ".join(f"muscle:{m}" for _r, m, _t in ex.muscles) + " ;")
            out.append("    exg:requiresEquipment "
                       + ", ".join(f"equipment:{k}" for k in ex.equipment) + " ;")
            out.append(f"    exg:laterality exg:{LATERALITY[ex.laterality]} ;")
            out.append(f'    exg:mechanic "{MECHANIC[ex.mechanic]}" ;')
            out.append(f"    exg:movementPattern exg:{ex.pattern} ;")
            out.append(f"    exg:difficulty exg:{DIFFICULTY[ex.difficulty]} ;")
            out.append(f"    exg:activityKind exg:{KINDS[ex.kind]} ;")
            out.append("    exg:muscleInvolvement "
                       + ", ".join(_node(ex.slug, "reviewed", "muscle", m)
                                   for _r, m, _t in ex.muscles) + " ;")
            out.append("    exg:rationale "
                       + ", ".join(_node(ex.slug, "reviewed", "rationale", RATIONALE_NODE[k])
                                   for k in about) + " ;")
            out.append(f"    dcterms:source {src} .")
            for role, muscle, text in ex.muscles:
                out.append(f"{_node(ex.slug, 'reviewed', 'muscle', muscle)} "
                           f"a exg:MuscleInvolvement ; exg:muscle muscle:{muscle} ; "
                           f"exg:role exg:{ROLES[role]} ;")
                out.append(f'    exg:function "{_esc(text)}" ; dcterms:source {src} .')
            for key, prop in about.items():
                node = _node(ex.slug, "reviewed", "rationale", RATIONALE_NODE[key])
                out.append(f"{node} a exg:FactRationale ; "
                           f"exg:aboutProperty exg:{prop} ;")
                out.append(f'    exg:reason "{_esc(ex.reasons[key])}" ; dcterms:source {src} .')
        return "\n".join(out) + "\n"

    def write(self, folder: Path) -> Path:
        path = folder / f"{self.name}.ttl"
        path.write_text(self.turtle(), encoding="utf-8")
        return path


def _equipment_reason(kinds: list[str]) -> str:
    if kinds == ["bodyweight"]:
        return "No equipment: the body's own weight is the load"
    text = "; ".join(EQUIPMENT_WHY[k] for k in kinds)
    return text[0].upper() + text[1:]


def write_or_check(families: list[Family], root: Path, script: str, argv: list[str]) -> int:
    """The command line of every generator: write each family's file under
    ``root/data/reviewed``; with ``--check``, only report the files that differ from the tables
    (exit 1), so a test or CI can tell the Turtle was edited by hand or not regenerated."""
    import sys

    folder = root / "data" / "reviewed"
    stale = []
    for family in families:
        path = folder / f"{family.name}.ttl"
        if "--check" in argv:
            if not path.exists() or path.read_text(encoding="utf-8") != family.turtle():
                stale.append(path)
        else:
            folder.mkdir(parents=True, exist_ok=True)
            family.write(folder)
            print(f"{path.relative_to(root)}: {len(family.exercises)} exercises")
    for path in stale:
        print(f"{path.relative_to(root)}: differs from {script}; regenerate it", file=sys.stderr)
    return 1 if stale else 0
