"""The direction of a one-joint motion and the names given in parentheses, as the substitutes
engine reads them (src/exgraph/queries/substitutes/direction.py, features.other_names)."""

from __future__ import annotations

import re

import numpy as np
import pytest

from exgraph.queries.substitutes.direction import grip, joint_motions, motions, opposed
from exgraph.queries.substitutes.features import other_names


@pytest.mark.parametrize(("text", "found"), [
    ("Single-joint neck flexion", {"neck:flexion"}),
    ("Only the neck moves (flexion)", set()),  # no joint word before it: not read
    ("Single-joint wrist extension and flexion", set()),  # both ways: neither
    ("Hip flexion with the knee extension", {"hip:flexion", "knee:extension"}),
    ("Single-joint neck lateral flexion", {"neck:lateral flexion"}),
])
def test_a_direction_is_read_after_its_joint(text: str, found: set[str]) -> None:
    assert joint_motions(re.findall(r"[a-z]+", text.lower())) == found


@pytest.mark.parametrize(("name", "texts", "way"), [
    ("Palms-Down Wrist Curl Over A Bench", ["palms facing up"], "down"),  # the name first
    ("Forearm Curls (underhand grip)", [], "up"),
    ("Barbell Reverse Wrist Curl", [], "down"),
    ("Wrist Rotations with Straight Bar", ["Hold a barbell with your palms facing down."],
     "down"),
    ("Cable Wrist Curl", ["Extend your wrist in a supinated form (palm up)"], "up"),
    ("Reverse Crunch", [], None),  # "reverse" is a grip only in a wrist exercise's name
    ("Wrist Circles", ["Rotate the wrists."], None),
])
def test_the_grip_is_read_from_the_name_then_the_steps(name: str, texts: list[str],
                                                       way: str | None) -> None:
    assert grip(name, texts) == way


def test_only_work_of_the_forearms_alone_has_a_grip() -> None:
    steps = ["Grab the bar with your palms facing down."]
    assert motions("Wrist Roller", (), steps, frozenset({"forearms"})) == {"grip:down"}
    assert motions("Reverse Barbell Curl", (), steps, frozenset({"biceps", "forearms"})) \
        == frozenset()


def test_the_antagonist_moves_the_joint_the_other_way_only() -> None:
    holders = {"neck:extension": np.array([0, 1]), "neck:flexion": np.array([1, 2]),
               "neck:lateral flexion": np.array([3])}
    # 0 extends the neck; 1 says both ways (the target's too); 2 and 3 are no antagonist
    assert opposed(frozenset({"neck:flexion"}), holders, 4).tolist() == [True, False, False,
                                                                         False]
    assert opposed(frozenset({"neck:lateral flexion"}), holders, 4).tolist() == [False] * 4


def test_an_or_in_parentheses_names_the_same_exercise() -> None:
    assert other_names("Front Cone Hops (or hurdle hops)") == ["Front Cone Hops", "hurdle hops"]
    assert other_names("Pull-ups or TRX rows") == []  # a choice, not another name
    assert other_names("Forearm Curls (underhand grip)") == []
