"""Names to slugs and to matching keys, shared by ingest and the importers."""

from __future__ import annotations

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}


def ascii_fold(text: str) -> str:
    """Lower-case ASCII version of text (accents dropped, ° to 'degree')."""
    text = text.replace("°", " degree ")
    text = unicodedata.normalize("NFKD", text)
    return text.encode("ascii", "ignore").decode("ascii").lower()


def slugify(name: str) -> str:
    """A stable slug for a name: ``"45-Degree Back Extension"`` → ``"45-degree-back-extension"``.

    Raises ValueError when nothing usable is left.
    """
    slug = _NON_ALNUM.sub("-", ascii_fold(name)).strip("-")
    if not slug:
        raise ValueError(f"cannot make an identifier from {name!r}")
    return slug


def name_key(name: str) -> str:
    """A key under which spellings of the same name meet.

    Case, punctuation, hyphens and a plural ``s`` on each word are ignored, so
    "Machine back extensions", "machine back-extension" and "Machine Back Extension" share a key.
    """
    words = _NON_ALNUM.sub(" ", ascii_fold(name)).split()
    return " ".join(_singular(w) for w in words)


def _singular(word: str) -> str:
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def number_word(token: str) -> int | None:
    """An integer from digits or an English number word ("Two" → 2), else None."""
    token = token.strip().lower()
    if token.isdigit():
        return int(token)
    return _WORD_NUMBERS.get(token)
