"""Splitting an article into its sections, by what each heading asks rather than by its words.

An article is one paragraph per line (blank lines are allowed and ignored). A heading is a line
that matches one of :data:`KINDS`; everything up to the next heading is its body. Nothing after
"Frequently Asked Questions" is read: in the articles it holds a call to action, and an FAQ's own
questions ("Is X good for beginners?") would otherwise be taken for headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    number: int  # 1-based, as an editor shows it
    text: str  # stripped


@dataclass(frozen=True)
class Kind:
    """A kind of section: its key, the heading pattern, and the heading as a person knows it."""

    key: str
    pattern: re.Pattern[str]
    example: str
    repeatable: bool = False


def _heading(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"^{pattern}\s*\??$", re.IGNORECASE)


_X = r"(?:the\s+|an?\s+)?(?P<x>.+?)"
KINDS: tuple[Kind, ...] = (
    Kind("muscles", _heading(rf"what\s+muscles\s+(?:do|does)\s+{_X}\s+(?:work|target|train)"),
         "What Muscles Do X Work?"),
    Kind("technique", _heading(rf"how\s+(?:do\s+you|to)\s+(?:perform|do)\s+{_X}"),
         "How Do You Perform X?"),
    Kind("benefits", _heading(rf"what\s+are\s+the\s+benefits\s+of\s+{_X}"),
         "What Are the Benefits of X?"),
    Kind("mistakes", _heading(rf"common\s+{_X}\s+mistakes(?:\s+and\s+(?:how\s+to\s+)?fix(?:es)?)?"),
         "Common X Mistakes and Fixes"),
    Kind("beginners", _heading(rf"is\s+{_X}\s+(?:good|suitable|right)\s+for\s+beginners"),
         "Is X Good for Beginners?"),
    Kind("load", _heading(rf"how\s+much\s+weight\s+should\s+you\s+use\s+for\s+{_X}"),
         "How Much Weight Should You Use for X?"),
    Kind("frequency", _heading(rf"how\s+often\s+should\s+you\s+(?:do|train|perform)\s+{_X}"),
         "How Often Should You Do X?"),
    Kind("comparison",
         _heading(rf"how\s+does\s+{_X}\s+compare\s+(?:to|with)\s+(?:the\s+|an?\s+)?(?P<y>.+?)"),
         "How Does X Compare to Y?", repeatable=True),
    Kind("alternatives", _heading(rf"what\s+are\s+the\s+(?:best\s+)?alternatives\s+to\s+{_X}"),
         "What Are the Best Alternatives to X?"),
    Kind("equipment", _heading(rf"what\s+equipment\s+do\s+you\s+need(?:\s+for\s+{_X})?"),
         "What Equipment Do You Need?"),
    Kind("faq", _heading(r"frequently\s+asked\s+questions"), "Frequently Asked Questions"),
)
KIND_BY_KEY = {k.key: k for k in KINDS}

#: Headings whose X is the exercise in the singular, the spelling a label should take.
SINGULAR_FIRST = ("beginners", "comparison", "mistakes", "load", "frequency", "technique",
                  "benefits", "muscles", "alternatives", "equipment")

# A leftover of an image or link: one "word" carrying a file extension or URL parts.
_JUNK = re.compile(r"(?:https?://|www\.|\.(?:jpe?g|png|gif|webp|svg|avif)\b|[?&]w=\d+)",
                   re.IGNORECASE)


@dataclass
class Section:
    kind: Kind
    heading: Line
    x: str | None  # the exercise as the heading names it
    y: str | None  # the other exercise of a comparison
    body: list[Line]


@dataclass
class Split:
    preamble: list[Line]
    sections: list[Section]


def is_junk(text: str) -> bool:
    """True for a line that is an image or link fragment, not prose (it has no spaces)."""
    return (" " not in text and bool(_JUNK.search(text))) or text.startswith("![")


def split_lines(text: str) -> list[Line]:
    """Non-blank, non-junk lines with their 1-based numbers."""
    # Only "\n" ends a line: str.splitlines would also split on U+2028 and friends and the line
    # numbers would stop matching what an editor shows.
    lines = []
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip().lstrip("\ufeff").strip()
        if stripped and not is_junk(stripped):
            lines.append(Line(number, stripped))
    return lines


def match_heading(text: str) -> tuple[Kind, re.Match[str]] | None:
    """The section kind a line is the heading of, with the match, or None."""
    for kind in KINDS:
        match = kind.pattern.match(text)
        if match:
            return kind, match
    return None


def split_sections(lines: list[Line]) -> Split:
    """Group lines under their headings; stop at "Frequently Asked Questions"."""
    split = Split(preamble=[], sections=[])
    for line in lines:
        found = match_heading(line.text)
        if found is not None:
            kind, match = found
            if kind.key == "faq":
                break
            groups = match.groupdict()
            split.sections.append(Section(kind, line, groups.get("x"), groups.get("y"), []))
        elif split.sections:
            split.sections[-1].body.append(line)
        else:
            split.preamble.append(line)
    return split
