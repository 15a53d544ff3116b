"""Article text → :class:`~exgraph.ingest.model.Article`, with a line number on every fact.

The parser never raises on bad input: it collects every problem it finds (and warnings for
sections the article lacks) so that one run shows the author everything to fix.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from exgraph.ingest import values
from exgraph.ingest.model import (
    Alternative,
    Article,
    Benefit,
    Comparison,
    ComparisonRow,
    Issue,
    Mistake,
    MuscleRow,
    Name,
    ProgrammingRow,
    Range,
)
from exgraph.ingest.sections import (
    KIND_BY_KEY,
    KINDS,
    SINGULAR_FIRST,
    Line,
    Section,
    split_lines,
    split_sections,
)
from exgraph.vocab.names import name_key, singular_s
from exgraph.vocab.terms import ROLES

_LIST_ITEM = re.compile(r"^(?:[-*\u2022]|\d+[.)])\s+(?P<text>.*)$")
_FIELD = re.compile(r"^(?P<label>[A-Za-z][A-Za-z '-]*?)\s*:\s*(?P<value>.*)$")
_MUSCLE_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s*;\s*", re.IGNORECASE)
_TABLE_RULE = re.compile(r"^\|?(?:\s*:?-{2,}:?\s*\|)*\s*:?-{2,}:?\s*\|?$")
_ROLE_WORDS = {"primary": "primary", "primaries": "primary", "secondary": "secondary",
               "secondaries": "secondary", "stabilizer": "stabilizer", "stabilizers": "stabilizer",
               "stabiliser": "stabilizer", "stabilisers": "stabilizer"}
_MISTAKE_FIELDS = {"problem": "problem", "why it happens": "cause", "fix": "fix"}
_ALTERNATIVE_FIELDS = {"best for": "best_for", "key difference": "key_difference",
                       "difficulty": "difficulty"}
_SUMMARY_SUBJECT = re.compile(
    r"^(?:the\s+|an?\s+)?(?P<x>[^.,;:]{2,60}?)\s+(?P<verb>is|are)\s+(?:a|an|the)\s", re.IGNORECASE)
_ALTERNATIVES_SUBHEADING = re.compile(r"^alternative exercises?:?$", re.IGNORECASE)


@dataclass
class Parsed:
    article: Article
    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]  # what each column holds, for messages
    first_column: str  # name_key of the header's first cell


MUSCLES_TABLE = Table(("Role", "Muscles", "Function"), "role")
PROGRAMMING_TABLE = Table(("Goal", "Sets", "Reps", "Rest", "Load guideline"), "goal")
COMPARISON_TABLE = Table(("Variation", "Best for", "Main tradeoff"), "variation")


class _Parser:
    def __init__(self, file: str) -> None:
        self.file = file
        self.out = Parsed(Article(file=file))

    @property
    def article(self) -> Article:
        return self.out.article

    def error(self, line: int, message: str) -> None:
        self.out.errors.append(Issue(self.file, line, message))

    def warn(self, line: int | None, message: str) -> None:
        self.out.warnings.append(Issue(self.file, line, message))

    # -- whole article --------------------------------------------------------------------

    def parse(self, text: str) -> Parsed:
        split = split_sections(split_lines(text))
        if split.preamble:
            self.article.summary = split.preamble[0].text
            for extra in split.preamble[1:]:
                self.warn(extra.number, "text between the summary and the first heading ignored")
        else:
            self.warn(None, "no summary paragraph before the first heading")
        seen: dict[tuple[str, str], Line] = {}
        for section in split.sections:
            key = (section.kind.key, name_key(section.y or ""))
            if key in seen:
                self.error(section.heading.number,
                           f'second "{section.kind.example}" section '
                           f"(the first is at line {seen[key].number})")
                continue
            seen[key] = section.heading
            self._section(section)
        present = {k for k, _ in seen}
        for kind in KINDS:
            if kind.key != "faq" and kind.key not in present:
                self.warn(None, f'no "{kind.example}" section: its facts are left out')
        self._exercise_name(split.sections, split.preamble)
        return self.out

    def _section(self, section: Section) -> None:
        handler: dict[str, Callable[[Section], None]] = {
            "muscles": self._muscles, "technique": self._technique, "benefits": self._benefits,
            "mistakes": self._mistakes, "beginners": self._beginners, "load": self._load,
            "frequency": self._frequency, "comparison": self._comparison,
            "alternatives": self._alternatives, "equipment": self._equipment,
        }
        handler[section.kind.key](section)

    def _exercise_name(self, sections: list[Section], preamble: list[Line]) -> None:
        """The exercise is the X of the headings; they must all name the same one."""
        order = {key: i for i, key in enumerate(SINGULAR_FIRST)}
        named = sorted((s for s in sections if s.x), key=lambda s: order[s.kind.key])
        names = [Name(s.x, s.heading.number, heading=True) for s in named if s.x]
        summary = _SUMMARY_SUBJECT.match(preamble[0].text) if preamble else None
        if not names and summary:
            # No heading names it: the subject of the summary's first sentence does.
            x = summary.group("x")
            if summary.group("verb").lower() == "are":
                x = singular_s(x, shortest=3)  # "Goblet squats are ...": the goblet squat
            names = [Name(x, preamble[0].number, heading=True)]
        if not names:
            first = preamble[0].number if preamble else 1
            self.error(first, "cannot tell which exercise the article is about: no heading "
                              f'names it (e.g. "{KIND_BY_KEY["beginners"].example}")')
            return
        key = name_key(names[0].text, short_plurals=True)
        for other in names[1:]:
            if name_key(other.text, short_plurals=True) != key:
                self.error(other.line, f'heading names "{other.text}", but the article is about '
                                       f'"{names[0].text}" (line {names[0].line})')
        self.article.exercise = names[0]
        # Only spellings that name_key takes for the same name: "Push-Ups" is "push ups" to it.
        self.article.heading_names = [n for n in names
                                      if name_key(n.text) == name_key(names[0].text)]

    # -- shared shapes: prose, lists, tables, field blocks -----------------------------

    @staticmethod
    def _prose(lines: list[Line]) -> str | None:
        return "\n\n".join(line.text for line in lines) or None

    def _table(self, lines: list[Line], table: Table, what: str) -> list[tuple[Line, list[str]]]:
        """The data rows of a pipe table (header checked and dropped, rule rows skipped)."""
        header, *rows = lines
        cells = _cells(header.text)
        expected = " | ".join(table.columns)
        if len(cells) != len(table.columns) or name_key(cells[0]) != table.first_column:
            self.error(header.number, f"{what} table: expected the header | {expected} |")
            return []
        out = []
        for row in rows:
            if _TABLE_RULE.match(row.text):
                continue
            cells = _cells(row.text)
            if len(cells) != len(table.columns):
                self.error(row.number, f"{what} table row: expected {len(table.columns)} cells "
                                       f"(| {expected} |), found {len(cells)}")
                continue
            out.append((row, cells))
        return out

    def _split_table(self, section: Section, table: Table, what: str) -> tuple[
            list[Line], list[tuple[Line, list[str]]], list[Line]]:
        """(paragraphs before the table, its rows, paragraphs after it)."""
        body = section.body
        start = next((i for i, line in enumerate(body) if line.text.startswith("|")), None)
        if start is None:
            self.error(section.heading.number,
                       f"{what} section: expected a table | {' | '.join(table.columns)} |")
            return body, [], []
        end = start
        while end < len(body) and body[end].text.startswith("|"):
            end += 1
        return body[:start], self._table(body[start:end], table, what), body[end:]

    def _list(self, section: Section, what: str) -> tuple[list[Line], list[Line]]:
        """(paragraphs before the list, the list items' text as lines)."""
        body = section.body
        start = next((i for i, line in enumerate(body) if _LIST_ITEM.match(line.text)), None)
        if start is None:
            self.error(section.heading.number, f'{what} section: expected a list ("- ...")')
            return body, []
        items = []
        for line in body[start:]:
            match = _LIST_ITEM.match(line.text)
            if match is None or not match.group("text").strip():
                self.error(line.number, f'expected a {what} list item ("- ...")')
                continue
            items.append(Line(line.number, match.group("text").strip()))
        return body[:start], items

    def _blocks(self, lines: list[Line], labels: dict[str, str], what: str,
                skip: re.Pattern[str] | None = None,
                ) -> tuple[list[Line], list[tuple[Line, dict[str, Line]]]]:
        """Paragraphs before the first block, then blocks: a title line followed by
        "Label: value" lines (labels maps each label to the field it fills)."""
        intro: list[Line] = []
        blocks: list[tuple[Line, dict[str, Line]]] = []
        expected = ", ".join(f'"{label.capitalize()}:"' for label in labels)
        by_key = {name_key(label): name for label, name in labels.items()}

        def field_of(line: Line) -> tuple[str, str] | None:
            match = _FIELD.match(line.text)
            if match and name_key(match.group("label")) in by_key:
                return by_key[name_key(match.group("label"))], match.group("value").strip()
            return None

        for i, line in enumerate(lines):
            found = field_of(line)
            if found is not None:
                name, value = found
                if not blocks:
                    self.error(line.number, f"{what}: a line with {expected} must follow "
                                            f"the {what} it belongs to")
                elif name in blocks[-1][1]:
                    self.error(line.number, f'{what} "{blocks[-1][0].text}": a second '
                                            f"{line.text.split(':')[0]!r} line")
                elif not value:
                    self.error(line.number, f'{what} "{blocks[-1][0].text}": empty '
                                            f"{line.text.split(':')[0]!r}")
                else:
                    blocks[-1][1][name] = Line(line.number, value)
            elif skip is not None and skip.match(line.text):
                continue
            elif i + 1 < len(lines) and field_of(lines[i + 1]) is not None:
                title = _LIST_ITEM.match(line.text)
                blocks.append((Line(line.number, title.group("text") if title else line.text), {}))
            elif not blocks:
                intro.append(line)
            else:
                self.error(line.number, f"expected {expected} or the next {what} "
                                        f"followed by them")
        return intro, blocks

    # -- the sections -----------------------------------------------------------------

    def _muscles(self, section: Section) -> None:
        intro, rows, after = self._split_table(section, MUSCLES_TABLE, "muscles")
        self.article.muscles_overview = self._prose(intro)
        self._unexpected(after, "after the muscles table")
        for row, (role_cell, muscles_cell, function) in rows:
            role = _ROLE_WORDS.get(role_cell.strip().lower())
            if role is None:
                self.error(row.number, f'muscles table: unknown role "{role_cell}": expected '
                                       "Primary, Secondary or Stabilizer (or their plurals)")
                continue
            names = [m.strip() for m in _MUSCLE_SPLIT.split(muscles_cell) if m.strip()]
            if not names:
                self.error(row.number, f'muscles table row "{role_cell}": no muscle named')
                continue
            if not function:
                self.error(row.number, f'muscles table row "{role_cell}": empty function')
                continue
            assert role in ROLES
            self.article.muscles.append(MuscleRow(
                role, tuple(Name(n, row.number) for n in names), function, row.number))

    def _technique(self, section: Section) -> None:
        intro, items = self._list(section, "step")
        self.article.technique_overview = self._prose(intro)
        self.article.steps = [item.text for item in items]

    def _benefits(self, section: Section) -> None:
        intro, items = self._list(section, "benefit")
        self.article.benefits_overview = self._prose(intro)
        for item in items:
            title, sep, text = item.text.partition(":")
            if not sep or not title.strip() or not text.strip():
                self.error(item.number, f'benefit "{item.text[:40]}": expected "Title: text"')
                continue
            self.article.benefits.append(Benefit(title.strip(), text.strip(), item.number))

    def _mistakes(self, section: Section) -> None:
        intro, blocks = self._blocks(section.body, _MISTAKE_FIELDS, "mistake")
        self.article.mistakes_overview = self._prose(intro)
        for question, fields in blocks:
            missing = [label for label, name in (("Problem", "problem"), ("Fix", "fix"))
                       if name not in fields]
            if missing:
                self.error(question.number, f'mistake "{question.text}": missing '
                                            + " and ".join(f'"{m}:"' for m in missing))
                continue
            cause = fields.get("cause")
            self.article.mistakes.append(Mistake(
                question.text, fields["problem"].text, cause.text if cause else None,
                fields["fix"].text, question.number))

    def _beginners(self, section: Section) -> None:
        if not section.body:
            self.error(section.heading.number, 'beginners section: expected a paragraph '
                                               'starting with "Yes" or "No"')
            return
        first, *rest = section.body
        try:
            answer, note = values.parse_answer(first.text)
        except ValueError as exc:
            self.error(first.number, f"beginners section: {exc}")
            return
        self.article.beginner_suitable = answer
        note_lines = [Line(first.number, note)] if note else []
        self.article.beginner_note = self._prose(note_lines + rest)

    def _load(self, section: Section) -> None:
        intro, rows, after = self._split_table(section, PROGRAMMING_TABLE, "programming")
        self.article.load_overview = self._prose(intro)
        if after:
            self.article.progression = after[0].text
            self._unexpected(after[1:], "after the progression paragraph")
        elif rows:
            self.warn(section.heading.number, "no progression paragraph after the "
                                              "programming table")
        for row, (goal, sets, reps, rest, load) in rows:
            if not goal:
                self.error(row.number, "programming row: empty goal")
                continue
            where = f'programming row "{goal}"'
            set_range = self._value(row, where, "sets", values.parse_count_range, sets)
            rep_range = self._value(row, where, "reps", values.parse_count_range, reps)
            rest_range = self._value(row, where, "rest", values.parse_rest, rest) if rest else None
            if set_range is None or rep_range is None or (rest and rest_range is None):
                continue
            self.article.programming.append(ProgrammingRow(
                Name(goal, row.number), set_range, rep_range, rest_range, load or None, row.number))

    def _value(self, row: Line, where: str, column: str, parser: Callable[[str], Range],
               text: str) -> Range | None:
        try:
            return parser(text)
        except ValueError as exc:
            self.error(row.number, f'{where}: {column} "{text}": {exc}')
            return None

    def _frequency(self, section: Section) -> None:
        self.article.frequency_note = self._prose(section.body)
        for line in section.body:
            try:
                found = values.find_frequency(line.text)
            except ValueError as exc:
                self.error(line.number, f"weekly frequency: {exc}")
                return
            if found is not None:
                self.article.sessions_per_week = found
                return
        self.error(section.heading.number, "frequency section: expected a weekly frequency "
                                           'such as "2 to 3 sessions per week"')

    def _comparison(self, section: Section) -> None:
        intro, rows, after = self._split_table(section, COMPARISON_TABLE, "comparison")
        self._unexpected(after, "after the comparison table")
        entries = []
        for row, (variation, best_for, tradeoff) in rows:
            if not variation:
                self.error(row.number, "comparison row: empty variation")
                continue
            entries.append(ComparisonRow(Name(variation, row.number), best_for or None,
                                         tradeoff or None, row.number))
        assert section.y is not None
        self.article.comparisons.append(Comparison(
            Name(section.y, section.heading.number, heading=True), self._prose(intro),
            tuple(entries), section.heading.number))

    def _alternatives(self, section: Section) -> None:
        intro, blocks = self._blocks(section.body, _ALTERNATIVE_FIELDS, "alternative",
                                     skip=_ALTERNATIVES_SUBHEADING)
        self.article.alternatives_overview = self._prose(intro)
        if not blocks:
            self.error(section.heading.number, 'alternatives section: expected a name line '
                                               'followed by "Best for:", "Key difference:" and '
                                               '"Difficulty:" lines')
        for name, fields in blocks:
            difficulty: tuple[str, ...] = ()
            if "difficulty" in fields:
                try:
                    difficulty = values.parse_difficulty(fields["difficulty"].text)
                except ValueError as exc:
                    self.error(fields["difficulty"].number, f'alternative "{name.text}": {exc}')
                    continue
            best, diff = fields.get("best_for"), fields.get("key_difference")
            self.article.alternatives.append(Alternative(
                Name(name.text, name.number), best.text if best else None,
                diff.text if diff else None, difficulty, name.number))

    def _equipment(self, section: Section) -> None:
        if not section.body:
            self.error(section.heading.number, "equipment section: expected a paragraph")
            return
        first = section.body[0]
        # The first sentence says what is needed; later ones are advice ("keep a towel nearby").
        self.article.equipment_sentence = re.split(r"(?<=[.!?])\s+", first.text, maxsplit=1)[0]
        self.article.equipment_line = first.number
        self.article.equipment_note = self._prose(section.body)

    def _unexpected(self, lines: list[Line], where: str) -> None:
        for line in lines:
            self.error(line.number, f"unexpected text {where}: {line.text[:40]!r}")


def _cells(text: str) -> list[str]:
    inner = text.strip()
    inner = inner.removeprefix("|")
    inner = inner.removesuffix("|")
    return [cell.strip() for cell in inner.split("|")]


def parse_article(text: str, file: str) -> Parsed:
    """Parse an article; ``file`` names it in every issue. Never raises for bad input."""
    return _Parser(file).parse(text)
