"""What an exercise is to the plan builder, read from the engine's record of it: whether it
needs a load, whether the load is a band, whether the body loads it, whether it is fast, a
complex of two exercises, one a partner resists or a hip flexion; and whether two exercises are
one movement twice. Rules of docs/plans.md ("What the rubric changed in the builder"); the
scores that use them are in :mod:`.choose`.
"""

from __future__ import annotations

import re

from exgraph.plans.model import PLYOMETRIC
from exgraph.plans.validate import direction, plain_name
from exgraph.queries.substitutes import Exercise

#: Equipment kinds that load a main lift heavily and in small steps (and every kind named a
#: machine: a stack or plates).
HEAVY_LOADS = frozenset({"barbell", "dumbbell", "kettlebell", "cable-station", "ez-bar",
                         "trap-bar"})
#: Name words of an exercise a partner resists or spots: a plan is for one lifter training alone.
PARTNER = re.compile(r"\b(partner|manual|spotter)\b")
#: Name words of hip flexion: the knee rises, it does not extend (rule "a slot lifts": no hip
#: flexion drill in the leg-extension slot, though a source lists the quadriceps for it).
HIP_FLEXION = re.compile(r"\bhip flex(ion|or|ors)?\b|\bknee (raise|drive|tuck)s?\b|"
                          r"\bmarch(es|ing)?\b")
#: A load held at the chest or against a band's tension: the arms or the band give out before
#: the legs or the prime movers meet a 3-6RM (rule "a dose the exercise can take").
LIGHT_HOLD = re.compile(r"\bgoblet\b")
#: Name words of a press the legs drive: the push press (a thruster is a squat and a press, a
#: complex, not one fast lift).
DRIVEN = re.compile(r"\bpush[ -]press(es)?\b")
#: Name words of a clean's or snatch's first pull done slowly: a deadlift with that grip.
SLOW_PULL = re.compile(r"\b(clean|snatch)[ -](grip )?deadlifts?\b")
_COMPLEX = re.compile(r"(?:\b(?:to|into|and|plus)\b|\+)\s*(?:an?\s+)?(?:[a-z-]+\s+)?(?:press|"
                      r"curl|row|raise|squat|lunge|twist|extension|fly|kickback)(?:e?s)?\b")
_EXPLOSIVE_WORDS = frozenset({"jump", "jumps", "jumping", "clap", "plyo", "plyometric",
                              "throw", "throws", "toss", "slam", "slams", "swing", "swings",
                              "bound", "bounds", "hop", "hops", "clean", "snatch", "jerk"})


def unloaded(ex: Exercise) -> bool:
    """Whether ex needs nothing but the body (and a home's furniture): no external load."""
    return ex.equipment <= {"bodyweight"}


def band_only(ex: Exercise) -> bool:
    """Whether ex's only load is a band (a bar, an anchor or the body besides)."""
    return ex.load == "band"


def heavy(kinds: frozenset[str]) -> bool:
    """Whether kinds hold a load of :data:`HEAVY_LOADS` or a machine."""
    return bool(kinds & HEAVY_LOADS) or any(k.endswith("machine") for k in kinds)


def body_loaded(ex: Exercise) -> bool:
    """Whether ex's body weight is a real load for the trained: pull-ups, chin-ups and dips lift
    the whole body (a push-up about two thirds of it, a bodyweight squat the upper body only)."""
    name = plain_name(ex.name)
    return direction(ex) == "VerticalPull" or bool(re.search(r"\bdips?\b", name))


def is_complex(ex: Exercise) -> bool:
    """Whether ex's name joins two exercises (\"Dumbbell bicep curl to press\", \"Squat and
    press\"): a complex, not the plain movement of one slot."""
    return bool(_COMPLEX.search(ex.name.lower()))


def explosive(ex: Exercise, categories: frozenset[str]) -> bool:
    """Whether ex is fast, power work: activity kind power, a plyometric, an Olympic lift, or a
    jump, throw, swing, clean or push press by its name (the legs drive the load up). A clean or
    snatch deadlift is not: the first pull of the lift done slowly, a strength drill (the fresh
    plan sample of stop 30 found one as a power plan's only "fast" lift)."""
    if SLOW_PULL.search(ex.name.lower()):
        return ex.kind == "power"
    return ex.kind == "power" or PLYOMETRIC in categories or ex.olympic \
        or bool(ex.words & _EXPLOSIVE_WORDS) or bool(DRIVEN.search(ex.name.lower()))


def redundant(a: Exercise, b: Exercise) -> bool:
    """Whether a and b, two exercises, would be one movement twice on a day: the same movement
    pattern (and push or pull direction), the same prime movers, the same load and the same
    laterality (a Romanian and a stiff-legged dumbbell deadlift; not a one-arm and a two-arm
    row, nor a pull-up and a chin-up)."""
    return a.slug != b.slug and a.pattern is not None and a.pattern == b.pattern \
        and direction(a) == direction(b) and a.primary == b.primary and a.load == b.load \
        and a.laterality == b.laterality
