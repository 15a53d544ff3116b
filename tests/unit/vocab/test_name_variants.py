"""The named variants of the one name normaliser (vocab/names.py) and their two plural rules.

A unit test of the vocab layer: no graph.
"""

from __future__ import annotations

import pytest

from exgraph.vocab.names import name_key, normalise, plain_text, singular_s


@pytest.mark.parametrize(("word", "shortest", "expected"), [
    ("extensions", 4, "extension"),
    ("press", 4, "press"),  # never off "ss"
    ("ups", 4, "ups"),  # too short for the default
    ("ups", 3, "up"),
    ("abs", 3, "ab"),
    ("is", 3, "is"),
    ("curl", 4, "curl"),
])
def test_singular_s(word: str, shortest: int, expected: str) -> None:
    assert singular_s(word, shortest=shortest) == expected


def test_name_key_meets_spellings_of_one_name() -> None:
    keys = {name_key(n) for n in ("Machine back extensions", "machine back-extension",
                                  "Machine Back Extension")}
    assert keys == {"machine back extension"}


def test_short_plurals_also_meet_push_ups() -> None:
    assert name_key("Push-Ups") == "push ups"
    assert name_key("Push-Ups") != name_key("Push-Up")
    assert name_key("Push-Ups", short_plurals=True) == name_key("Push-Up", short_plurals=True)
    assert name_key("Push-Up", short_plurals=True) == "push up"


def test_name_key_is_lighter_than_normalise() -> None:
    """The two plural rules differ on purpose: inflect's takes "es" off, the light one only "s"
    (the imports are keyed by the light one)."""
    assert name_key("Bench presses") == "bench presse"
    assert normalise("Bench presses") == "bench press"
    assert normalise("Push-Ups") == normalise("push up") == "pushup"


@pytest.mark.parametrize(("name", "expected"), [
    ("Farmer's Walk (Heavy)", "farmers walk heavy"),
    ("Crunches", "crunches"),  # no word singularised: rule patterns spell their plurals
    ("Développé couché", "developpe couche"),
    ("  Ab-Wheel  Roll-out ", "ab wheel roll out"),
])
def test_plain_text(name: str, expected: str) -> None:
    assert plain_text(name) == expected
