"""The direction of a one-joint motion, read from the records, for the substitutes engine: the
antagonist's look-alike a name with no opposite word does not give away (issue 23's fifth
ranking review, docs/substitutes.md "What a substitute is").

A coach never offers the antagonist's motion for a one-joint exercise: a neck extension for a
neck flexion, a palms-up wrist curl (the wrist flexors) for palms-down wrist work (the
extensors). The muscle groups of the records cannot tell them apart where one group holds both
sides of the joint (the neck, the forearms), and the opposite-word rule (features.OPPOSITES)
only sees names that say "up" or "down". So each exercise gets its *motions*, tokens
"joint:direction":

- from the reviewed layer's movement descriptions (exg:rationale, Exercise.described) and the
  name: "neck flexion", "wrist extension", "hip extension" (the joint word before "flexion" or
  "extension"; "lateral flexion" is a direction of its own, a side bend);
- for work of the forearms alone, the grip: palms up (supinated, underhand) curls the wrist
  with its flexors, palms down (pronated, overhand; a "reverse" wrist curl) with its
  extensors; read from the name first ("Palms-Up", "underhand"), else from the steps and the
  summary (the first grip they name: "Hold a barbell with your palms facing down").

A candidate is the antagonist's look-alike (:func:`opposed`) when for some joint the exercise
has one direction and the candidate the opposite one (ANTAGONIST) and not the exercise's. A
record describing both directions ("Wrist Rotations": "single-joint wrist extension and
flexion") has no direction by its description; its grip may still give one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import numpy.typing as npt

from exgraph.queries.substitutes.features import OPPOSITES

#: Words that join two directions of one joint ("wrist extension and flexion").
_JOINING = frozenset({"and", "or", "then"})
#: The joint words a direction is read after ("neck flexion", "wrist extension").
JOINTS = frozenset({"neck", "wrist", "knee", "hip", "elbow", "shoulder", "trunk", "spine",
                    "spinal", "ankle", "finger"})
#: Each direction's antagonist: flexion and extension of one joint, the palms up and down of a
#: grip. A side bend ("lateral flexion") is another motion, not the antagonist of either.
ANTAGONIST = {"flexion": "extension", "extension": "flexion", "up": "down", "down": "up"}
#: The prime mover group that holds both the wrist's flexors and its extensors: for work of it
#: alone the grip tells which side works.
GRIP_GROUP = "forearms"
_GRIP_UP = frozenset({"up", "upward", "upwards", "supinated", "underhand"})
_GRIP_DOWN = frozenset({"down", "downward", "downwards", "pronated", "overhand"})
#: A grip in words: "palms facing down", "palm up", "supinated", "an overhand grip".
_GRIP_TEXT = re.compile(r"\bpalms?[\s-]+(?:facing[\s-]+)?(up|upward|down|downward)s?\b"
                        r"|\b(supinated|pronated|underhand|overhand)\b")
#: In a name: "Palms-Down", "Palm-Up", "(underhand grip)", and "reverse" of a wrist curl (the
#: reverse wrist curl is the palms-down one).
_GRIP_NAME = re.compile(r"\bpalms?[\s-]+(up|down)\b|\b(supinated|pronated|underhand|overhand)\b"
                        r"|\b(reverse)\b(?=.*\bwrist\b)")


def joint_motions(words: Sequence[str]) -> set[str]:
    """The "joint:direction" tokens of a run of words (a name's or a description's): each
    "flexion" or "extension" with a joint word (JOINTS) before it, "lateral flexion" its own
    direction. A joint named with both directions keeps neither (the motion goes both ways)."""
    found: dict[str, set[str]] = {}
    joint = None  # the joint of the last direction, for "wrist extension and flexion"
    for i, word in enumerate(words):
        if word not in ("flexion", "extension"):
            if word not in _JOINING:
                joint = None if word not in JOINTS else joint
            continue
        before = i - 1
        direction = word
        if before >= 0 and words[before] == "lateral":
            direction, before = "lateral " + word, before - 1
        if before >= 0 and words[before] in JOINTS:
            joint = words[before]
        elif before < 0 or words[before] not in _JOINING:
            joint = None
        if joint is not None:
            found.setdefault(joint, set()).add(direction)
    return {f"{joint}:{next(iter(ways))}" for joint, ways in found.items() if len(ways) == 1}


def grip(name: str, texts: Iterable[str]) -> str | None:
    """"up" or "down": the way the palms face, from the name, else the first grip the texts
    (summary, steps) name; None when neither says."""
    for pattern, text in [(_GRIP_NAME, name.lower())] + [(_GRIP_TEXT, t.lower()) for t in texts]:
        found = pattern.search(text)
        if found:
            word = next(g for g in found.groups() if g)
            return "up" if word in _GRIP_UP else "down"
    return None


def motions(name: str, described: Sequence[str], texts: Iterable[str],
            primary: frozenset[str]) -> frozenset[str]:
    """An exercise's motions (module documentation): the joint directions its name or its
    reviewed description gives (the name's first, the description's for joints the name does
    not give), and "grip:up" or "grip:down" for work of the forearms alone."""
    named = joint_motions(re.findall(r"[a-z]+", name.lower()))
    joints = {token.split(":")[0] for token in named}
    found = named | {t for t in joint_motions(described) if t.split(":")[0] not in joints}
    if primary == {GRIP_GROUP}:
        way = grip(name, texts)
        if way is not None:
            found.add(f"grip:{way}")
    return frozenset(found)


def opposed(target_motions: frozenset[str], holders: Mapping[str, npt.NDArray[np.int64]],
            size: int) -> npt.NDArray[np.bool_]:
    """Which of size exercises (holders: motion token -> positions of the exercises that have
    it) move a joint of the target's motions the other way and not the target's way."""
    found = np.zeros(size, dtype=np.bool_)
    for token in target_motions:
        joint, own = token.split(":")
        other_way = np.zeros(size, dtype=np.bool_)
        at = holders.get(f"{joint}:{ANTAGONIST.get(own, own)}")
        if own in ANTAGONIST and at is not None:
            other_way[at] = True
        at = holders.get(token)
        if at is not None:  # also moving the target's way: not the antagonist's
            other_way[at] = False
        found |= other_way
    return found


def antagonists(raw_words: frozenset[str], target_motions: frozenset[str],
                with_raw: Mapping[str, npt.NDArray[np.int64]],
                with_motion: Mapping[str, npt.NDArray[np.int64]], size: int
                ) -> npt.NDArray[np.bool_]:
    """Which of size exercises are the antagonist's look-alike of an exercise with these words
    as written and motions: a word in their written name (with_raw) whose opposite
    (OPPOSITES) is in the exercise's and not itself, or a joint moved the other way
    (:func:`opposed`)."""
    found = opposed(target_motions, with_motion, size)
    for one, other in OPPOSITES + tuple((b, a) for a, b in OPPOSITES):
        if one in raw_words and other not in raw_words and other in with_raw:
            found[with_raw[other]] = True
    return found
