"""The shared parts of the inference rules: the value objects, the names the rules read."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from exgraph.vocab.names import plain_text

PATTERNS: Final = (
    "HipHinge",
    "Squat",
    "Lunge",
    "HorizontalPush",
    "VerticalPush",
    "HorizontalPull",
    "VerticalPull",
    "Carry",
    "TrunkStability",
    "Isolation",
)
"""Local names of the ``exg:MovementPattern`` individuals, the values of movement_pattern."""

DIFFICULTY_LEVELS: Final = ("low", "moderate", "high")
"""Values of estimate_difficulty, in rank order (exg:Low, exg:Moderate, exg:High)."""

PATTERN_WORDS: Final = {
    "HipHinge": "a hip hinge",
    "Squat": "a squat",
    "Lunge": "a lunge (single-leg or split-stance)",
    "HorizontalPush": "a horizontal push",
    "VerticalPush": "a vertical push",
    "HorizontalPull": "a horizontal pull",
    "VerticalPull": "a vertical pull",
    "Carry": "a loaded carry",
    "TrunkStability": "a trunk flexion, rotation or bracing movement",
    "Isolation": "a single-joint isolation movement",
}


@dataclass(frozen=True)
class Facts:
    """What the graph states about one exercise, as plain values.

    ``names`` lists the exercise's labels with English names first; ``languages`` (optional) runs
    parallel to it with each name's language tag (``None`` for an untagged literal). Muscle and
    equipment values are slugs (the last path segment of the IRI); ``groups_primary`` holds the
    primary muscles lifted to their muscle group (a group stays itself). ``difficulty`` is
    "low", "moderate", "high" or None.
    """

    slug: str
    names: tuple[str, ...]
    primary: frozenset[str] = frozenset()
    secondary: frozenset[str] = frozenset()
    stabilizer: frozenset[str] = frozenset()
    groups_primary: frozenset[str] = frozenset()
    equipment: frozenset[str] = frozenset()
    force: str | None = None
    mechanic: str | None = None
    category: tuple[str, ...] = ()
    difficulty: str | None = None
    languages: tuple[str | None, ...] = ()
    #: the exg:ActivityKind local name a source states, if any
    activity_kind: str | None = None
    #: the text of its steps and summaries, every source's, sorted: what the movement is when
    #: a source's category contradicts it (a crunch filed under stretching, issue 23)
    texts: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.languages and len(self.languages) != len(self.names):
            raise ValueError(
                f"{self.slug}: {len(self.languages)} languages for {len(self.names)} names"
            )
        if self.difficulty is not None and self.difficulty not in DIFFICULTY_LEVELS:
            raise ValueError(f"{self.slug}: difficulty {self.difficulty!r} is not one of "
                             f"{DIFFICULTY_LEVELS}")


@dataclass(frozen=True)
class Inferred:
    """One inferred value, the id of the rule that gave it and a sentence explaining why."""

    value: str
    rule: str
    reason: str


# --------------------------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------------------------

def _is_english(language: str | None) -> bool:
    return language is None or language.lower() == "en" or language.lower().startswith("en-")


def english_names(facts: Facts) -> tuple[str, ...]:
    """The names keyword rules may read: untagged or English-tagged, in the given order, without
    duplicates (compared after normalisation)."""
    if facts.languages:
        candidates: Iterable[str] = (
            name for name, lang in zip(facts.names, facts.languages, strict=True)
            if _is_english(lang)
        )
    else:
        candidates = facts.names
    seen: set[str] = set()
    out: list[str] = []
    for name in candidates:
        key = plain_text(name)
        if key and key not in seen:
            seen.add(key)
            out.append(name)
    return tuple(out)


def words(*alternatives: str) -> re.Pattern[str]:
    """One regex matching any alternative on word boundaries of the normalised name."""
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b")


# Shared spellings (normalised text: no hyphens, so "push-up" is "push up").
PUSH_UP = r"(?:push|press) ?ups?|pushups?"
PULL_UP = r"pull ?ups?|pullups?"
CHIN_UP = r"chin ?ups?|chinups?|chins|grip chin"


STRETCH_CATEGORIES: Final = frozenset({"stretching"})


def categories(facts: Facts) -> frozenset[str]:
    return frozenset(c.strip().lower() for c in facts.category)



def name_hit(facts: Facts, regex: re.Pattern[str]) -> tuple[str, str] | None:
    for name in english_names(facts):
        found = regex.search(plain_text(name))
        if found:
            return name, found.group(0)
    return None
