"""The reviewed exercises the plan builder needs and the graph lacked: rows with the body alone.

A bodyweight-only plan must pull as much as it pushes (docs/plans.md, rule ``push-pull``) and
give the back its weekly sets; every row and pull-up of the graph needs a bar, a rack, rings, a
suspension trainer, a band or a cable. What a coach programs with no equipment is a row under a
sturdy table, a row on a towel looped round the handles of a door, and a one-arm row holding a
door frame: "bodyweight" in exgraph means the body and the furniture of any home (a floor, a
wall, a chair, a sturdy table, a door, a towel), as chair dips already assume. No vertical pull
is possible without something to hang from; the rows train the lats as prime movers too.

Run ``python scripts/reviewed/plans_extra.py`` to write data/reviewed/plans-extra.ttl (``--check``
exits 1 when the file differs from these tables). The review rules are docs/reviewed-layer.md's.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from writer import Family, write_or_check

ROOT = Path(__file__).resolve().parents[2]

plans_extra = Family(
    "plans-extra", "Reviewed reference: rows with the body alone (for bodyweight-only plans)",
    "Rows a coach programs with no equipment: under a sturdy table, on a towel round a door's "
    "handles, holding a door frame. Facts written for exgraph from established anatomy and "
    "training knowledge, checked field by field against the rules of docs/reviewed-layer.md; "
    "the furniture is what any home has, so the equipment is the body's own weight.", {
        "middle-back": "Rhomboids and middle trapezius retract the shoulder blades",
        "lats": "Extend the shoulders to pull the chest towards the hands",
        "posterior-deltoid": "Assist shoulder extension at the end of the pull",
        "biceps": "Flex the elbows",
        "abdominals": "Hold the body in one straight line from heels to shoulders",
        "glutes": "Keep the hips from sagging",
        "forearms": "Grip the towel or the frame",
    }, generator="scripts/reviewed/plans_extra.py")
R = plans_extra.add
ROW = "P middle-back lats | S posterior-deltoid biceps | St abdominals glutes"
ROW_WHY = {
    "mechanic": "Shoulders and elbows move together to pull the body up",
    "pattern": "The arms pull towards the trunk at right angles to it: a row",
}

R("table-inverted-row", "bodyweight", "B", "c", "HorizontalPull", "L", ROW,
  "Bent knees and a steep body angle make it easy; straight legs on the floor make it harder",
  new="Table Inverted Row", alt=("Under-table row",),
  why=ROW_WHY | {"equipment": "No equipment: the body's own weight is the load, lying under a "
                              "sturdy table (one that cannot tip) and gripping its edge"})
R("towel-door-row", "bodyweight", "B", "c", "HorizontalPull", "L",
  "P middle-back lats | S posterior-deltoid biceps | St forearms abdominals",
  "The lean sets the load: feet closer to the door make it harder; learnt in a session",
  new="Towel Door Row", alt=("Door towel row",),
  why=ROW_WHY | {"equipment": "No equipment: the body's own weight is the load, leaning back "
                              "on a towel looped round both handles of a closed door"})
R("doorway-row", "bodyweight", "U", "c", "HorizontalPull", "L",
  "P middle-back lats | S posterior-deltoid biceps | St forearms abdominals",
  "One arm holds the door frame and the lean sets the load: learnt in a session",
  new="Doorway Row", alt=("Door frame row", "One-arm doorway row"),
  why=ROW_WHY | {"equipment": "No equipment: the body's own weight is the load, leaning back "
                              "from a door frame held in one hand"})

FAMILIES = (plans_extra,)


def main(argv: list[str]) -> int:
    """Write the family files; ``--check``: only report those that differ (exit 1)."""
    return write_or_check(list(FAMILIES), ROOT, "scripts/reviewed/plans_extra.py", argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
