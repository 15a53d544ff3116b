"""What an article says, as plain data: the parser's output and the builder's input.

Every value keeps the line it came from, so any later step (name resolution, graph building)
can still point the reader at ``file:line``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from exgraph.errors import ExgraphError


@dataclass(frozen=True)
class Issue:
    """One problem (or warning) in an article: where it is and what was expected."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.message}"


class IngestError(ExgraphError):
    """An article that cannot be understood. ``issues`` holds every problem found, not just one."""

    status = 400

    def __init__(self, issues: list[Issue]) -> None:
        self.issues = list(issues)
        super().__init__("\n".join(str(i) for i in self.issues))


@dataclass(frozen=True)
class Name:
    """A name of a muscle, exercise or goal as the article writes it.

    ``heading`` is True for names taken from a heading ("Is Goblet Squat Good for Beginners?"),
    whose title case is not how the name is spelled in running text.
    """

    text: str
    line: int
    heading: bool = False


@dataclass(frozen=True)
class Range:
    """An inclusive integer range; a single value has low == high."""

    low: int
    high: int


@dataclass(frozen=True)
class MuscleRow:
    role: str  # a key of ontology.ROLES
    muscles: tuple[Name, ...]
    function: str
    line: int


@dataclass(frozen=True)
class Benefit:
    title: str
    text: str
    line: int


@dataclass(frozen=True)
class Mistake:
    question: str
    problem: str
    cause: str | None
    fix: str
    line: int


@dataclass(frozen=True)
class ProgrammingRow:
    goal: Name
    sets: Range
    reps: Range
    rest_seconds: Range | None
    load: str | None
    line: int


@dataclass(frozen=True)
class ComparisonRow:
    variation: Name
    best_for: str | None
    tradeoff: str | None
    line: int


@dataclass(frozen=True)
class Comparison:
    other: Name
    summary: str | None
    rows: tuple[ComparisonRow, ...]
    line: int


@dataclass(frozen=True)
class Alternative:
    exercise: Name
    best_for: str | None
    key_difference: str | None
    difficulty: tuple[str, ...]  # keys of ontology.DIFFICULTIES, lowest first
    line: int


@dataclass
class Article:
    """Every fact of one article. A section the article lacks leaves its fields empty."""

    file: str
    exercise: Name | None = None
    summary: str | None = None
    muscles_overview: str | None = None
    muscles: list[MuscleRow] = field(default_factory=list)
    technique_overview: str | None = None
    steps: list[str] = field(default_factory=list)
    benefits_overview: str | None = None
    benefits: list[Benefit] = field(default_factory=list)
    mistakes_overview: str | None = None
    mistakes: list[Mistake] = field(default_factory=list)
    beginner_suitable: bool | None = None
    beginner_note: str | None = None
    load_overview: str | None = None
    programming: list[ProgrammingRow] = field(default_factory=list)
    progression: str | None = None
    sessions_per_week: Range | None = None
    frequency_note: str | None = None
    comparisons: list[Comparison] = field(default_factory=list)
    alternatives_overview: str | None = None
    alternatives: list[Alternative] = field(default_factory=list)
    equipment_sentence: str | None = None
    equipment_line: int | None = None
    equipment_note: str | None = None
    #: The exercise name as each heading spells it, singular forms first: for labels and titles.
    heading_names: list[Name] = field(default_factory=list)
