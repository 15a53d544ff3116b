"""The rule that tells a wger entry that is no exercise by its names
(:func:`exgraph.importers.wger_text.not_an_exercise`), on a vocabulary of its own: no dataset,
no graph. The wger snapshot's cases are in tests/integration/data/test_wger_cleanups.py."""

from __future__ import annotations

import pytest

from exgraph.importers.wger_text import not_an_exercise, vocabulary_words

VOCABULARY = vocabulary_words(["Biceps brachii", "Biceps", "Lower back", "Cable machine",
                               "Bar", "none (bodyweight exercise)"])


def test_the_vocabulary_is_the_words_of_the_names() -> None:
    words = {"biceps", "brachii", "lower", "back", "cable", "machine", "bar", "bodyweight",
             "exercise"}
    assert words == VOCABULARY


@pytest.mark.parametrize(("names", "says"), [
    (["Rest"], "rest period"), (["Rest (for timed workouts)"], "rest period"),
    (["  pause  "], "rest period"), (["Rest period"], "rest period"),
    (["Meditación guiada o libre"], "meditation"), (["Guided Meditation"], "meditation"),
    (["Mindfulness"], "meditation"),
    (["biceps"], "('biceps')"), (["bicep"], "('biceps')"), (["Bicpes"], "('biceps')"),
    (["cabel"], "('cable')"), (["CABLE"], "('cable')"), (["Back"], "('back')"),
    (["bar"], "('bar')"),
    (["Rest", "cabel"], "rest period"),  # every name says no movement
])
def test_names_that_say_no_movement(names: list[str], says: str) -> None:
    assert says in (not_an_exercise(names, VOCABULARY) or "")


@pytest.mark.parametrize("names", [
    [],  # no name: nothing says it is no exercise
    ["Biceps Curl"], ["Cable Row"],  # a movement with the muscle or the equipment
    ["bicep", "Bizeps-Curls"],  # one name of several says a movement
    ["car"], ["bat"],  # short words: a slip from "bar" is no evidence
    ["Cables and bars"], ["Backbend"],  # more words, or more than one slip
    ["Pause Bench"], ["Rest-pause curls"], ["Breakdancing"],
    ["Blackroll"], ["supino"], ["Deadbug"], ["YWTs"],
])
def test_names_that_may_name_a_movement(names: list[str]) -> None:
    assert not_an_exercise(names, VOCABULARY) is None
