"""The one name normaliser, in named variants: slugs, the ingest keys, the rule text and the
matching key.

* :func:`slugify`: the stable slug of a name (``"45-Degree Back Extension"`` ->
  ``45-degree-back-extension``), for minting IRIs;
* :func:`name_key`: the light key under which spellings of one heading or label meet (case,
  punctuation, a plural ``s``), for ingest and the importers' label matching; with
  ``short_plurals=True`` three-letter words lose their ``s`` too ("Push-Ups" / "Push-Up"), for
  the ingest parser's check that every heading names one exercise;
* :func:`plain_text`: a name as the keyword rules of :mod:`exgraph.infer.rules` read it (case,
  accents, apostrophes and punctuation folded, every word kept as written: the rules' patterns
  spell their own plurals);
* :func:`normalise`: the full matching key of an exercise name (also word-order free), for entity
  resolution (:mod:`exgraph.merge.resolve`), search and the one lookup.

Each variant is written once, here, with two plural rules and why there are two: :func:`normalise`
singularises with inflect (``"presses"`` -> ``"press"``); :func:`name_key` keeps the light rule
of :func:`singular_s` (a final ``s`` off) because the committed import files are keyed by it
(inflect would re-key about 60 wger resources, e.g. ``body-ups`` -> ``body-up``; changing it is a
data change of its own, to be reviewed with the merges).
"""

from __future__ import annotations

import re
import sys
import threading
import types
import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

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


def name_key(name: str, *, short_plurals: bool = False) -> str:
    """A key under which spellings of the same name meet.

    Case, punctuation, hyphens and a plural ``s`` on each word of four letters or more are
    ignored, so "Machine back extensions", "machine back-extension" and "Machine Back Extension"
    share a key. With ``short_plurals`` words of three letters lose their ``s`` too, so
    "Push-Ups" and "Push-Up" meet (``push up``; without it ``push ups`` / ``push up``).
    """
    shortest = 3 if short_plurals else 4
    words = _NON_ALNUM.sub(" ", ascii_fold(name)).split()
    return " ".join(singular_s(w, shortest=shortest) for w in words)


def singular_s(word: str, *, shortest: int = 4) -> str:
    """The light plural rule: a final ``s`` off a word of ``shortest`` letters or more, not off
    ``ss`` (``"extensions"`` -> ``"extension"``, ``"press"`` stays, ``"ups"`` stays unless
    ``shortest`` is 3).

    Lighter than :func:`normalise`'s inflect singulariser on purpose: the imports' label
    matching and so the committed import files depend on it (the inflect rule re-keys about 60
    wger resources, e.g. ``body-ups`` -> ``body-up``), so changing it is a data change of its
    own, to be reviewed with the merges."""
    if len(word) >= shortest and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


_RULE_APOSTROPHES = re.compile("['`\u2019\u00b4]")  # apostrophe, backtick, U+2019, U+00B4


def plain_text(name: str) -> str:
    """A name as keyword rules read it: lower-cased, accents and apostrophes dropped, everything
    else but letters and digits one space (``"Farmer's Walk (Heavy)"`` -> ``"farmers walk
    heavy"``); no word is singularised (the rules' patterns spell their plurals)."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = _RULE_APOSTROPHES.sub("", plain.lower())
    return _NON_ALNUM.sub(" ", plain).strip()


def number_word(token: str) -> int | None:
    """An integer from digits or an English number word ("Two" → 2), else None."""
    token = token.strip().lower()
    if token.isdigit():
        return int(token)
    return _WORD_NUMBERS.get(token)


def _import_inflect() -> Any:
    """inflect, imported with typeguard's ``@typechecked`` made a no-op (as ``python -O``
    does). inflect decorates its functions with it, and typeguard then re-parses inflect's
    4,000-line module once per decorated function: 1.7 s of every start of every command (and
    a type check on every call), for checks that guard inflect's own development. Measured:
    ``import inflect`` 1.76 s, this way 0.11 s (bench: cold start).

    inflect takes nothing but ``typechecked`` from typeguard, so when nothing has imported
    typeguard yet, inflect is shown a stand-in module holding the no-op instead, removed again
    at once (a later ``import typeguard`` gets the real one): importing typeguard itself costs
    ~40 ms of CPU (it imports unittest.mock and with it asyncio), inflect ~12 ms."""
    def unchecked(target: Any = None, **_options: Any) -> Any:
        return target if target is not None else (lambda function: function)

    if "inflect" in sys.modules:
        return sys.modules["inflect"]
    real = sys.modules.get("typeguard")
    if real is None:
        stand_in = types.ModuleType("typeguard")
        stand_in.typechecked = unchecked  # type: ignore[attr-defined]
        sys.modules["typeguard"] = stand_in
        try:
            import inflect
        finally:
            if sys.modules.get("typeguard") is stand_in:
                del sys.modules["typeguard"]
        return inflect
    checked = real.typechecked
    setattr(real, "typechecked", unchecked)  # noqa: B010 (a module's attribute, replaced)
    try:
        import inflect
    finally:
        setattr(real, "typechecked", checked)  # noqa: B010
    return inflect


@lru_cache(maxsize=1)
def _inflect() -> Any:
    """inflect's engine, made on first use, so that only what singularises a word pays for
    inflect (issue 25, "instant start": every start of ``exgraph serve`` used to). Under a
    lock: two threads patching typeguard at once could leave its decorator a no-op for good."""
    with _INFLECT_LOCK:
        return _import_inflect().engine()


_INFLECT_LOCK = threading.Lock()


_STOP_WORDS = frozenset({"a", "an", "the", "with", "on", "of", "using", "from"})

# Words joined to the word before them, so that "push-up", "push up" and "pushup" meet.
_PARTICLES = frozenset(
    {"up", "ups", "down", "downs", "over", "overs", "through", "throughs", "apart", "aparts"}
)

# Token rewrites applied before and after singularising: abbreviations, spellings, synonyms
# that are certain. A value may hold several words.
_LEXICON: Mapping[str, tuple[str, ...]] = {
    "db": ("dumbbell",),
    "dbs": ("dumbbell",),
    "dumbell": ("dumbbell",),
    "dumbells": ("dumbbell",),
    "bb": ("barbell",),
    "kb": ("kettlebell",),
    "kbs": ("kettlebell",),
    "sz": ("ez",),
    "rdl": ("romanian", "deadlift"),
    "rdls": ("romanian", "deadlift"),
    "ohp": ("overhead", "press"),
    "bicep": ("biceps",),
    "tricep": ("triceps",),
    "flye": ("fly",),
    "flyes": ("fly",),
    "flys": ("fly",),
    "single": ("one",),
    "1": ("one",),
    "2": ("two",),
    "armed": ("arm",),
    "legged": ("leg",),
    "handed": ("hand",),
    "rowing": ("row",),
    "laying": ("lying",),
}


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# "grip" after one of these is dropped: "reverse-grip curl" is the "reverse curl".
_GRIP_WORDS = _words(
    "close wide narrow medium reverse neutral underhand overhand pronated supinated mixed"
    " hook false thumbless parallel snatch hammer alternate alternating"
)

# Plural-looking words that are not plurals (inflect would cut their "s").
_NOT_PLURAL = _words(
    "this plus bus atlas pilates lotus gas its yes was has is does goes less biceps"
    " triceps series abs"
)
# "abs" is kept whole and "ab" mapped to it below, so "ab wheel" and "abs wheel" meet.
_AFTER_SINGULAR: Mapping[str, str] = {"ab": "abs"}

_APOSTROPHES = ("'", "\u2019", "\u2018", "`", "\u00b4")
_W_SLASH = re.compile(r"\b[wW]/")
_PARENTHESIS = re.compile(r"\(([^()]*)\)")


@lru_cache(maxsize=8192)
def _singular(word: str) -> str:
    if not word.isalpha() or len(word) < 3 or word in _NOT_PLURAL:
        return _AFTER_SINGULAR.get(word, word)
    if word.endswith(("ss", "us", "is")):
        return word
    single = _inflect().singular_noun(word)
    result = single if isinstance(single, str) and single else word
    return _AFTER_SINGULAR.get(result, result)


def _fold(text: str) -> str:
    text = text.replace("°", " degree ").replace("&", " and ").replace("+", " and ")
    text = _W_SLASH.sub(" with ", text)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold()
    # apostrophes join ("child's pose" -> "childs pose"); all other non-alphanumerics split
    for mark in _APOSTROPHES:
        text = text.replace(mark, "")
    return "".join(ch if ch.isalnum() and ch.isascii() else " " for ch in text)


def _rewrite(words: Iterable[str]) -> list[str]:
    out: list[str] = []
    for word in words:
        out.extend(_LEXICON.get(word, (word,)))
    return out


@lru_cache(maxsize=16384)
def tokens(name: str) -> tuple[str, ...]:
    """The words of a name's matching key, in order (:func:`normalise` joins them)."""
    # A parenthesis that only repeats the rest ("Barbell Romanian Deadlift (RDL)") is dropped.
    for match in _PARENTHESIS.finditer(name):
        rest = name[: match.start()] + " " + name[match.end() :]
        if set(_plain_tokens(match.group(1))) <= set(_plain_tokens(rest)):
            return _plain_tokens(rest)
    return _plain_tokens(name)


def _plain_tokens(name: str) -> tuple[str, ...]:
    words = _fold(name).split()
    # "e-z bar" / "e z bar" -> "ez bar"
    merged: list[str] = []
    for word in words:
        if word == "z" and merged and merged[-1] == "e":
            merged[-1] = "ez"
        else:
            merged.append(word)
    words = _rewrite(merged)
    joined: list[str] = []
    for word in words:
        if (
            word in _PARTICLES
            and joined
            and joined[-1].isalpha()
            and joined[-1] not in _STOP_WORDS
            and joined[-1] not in _PARTICLES
        ):
            joined[-1] += word
        else:
            joined.append(word)
    singular = _rewrite(_singular(word) for word in joined)
    kept: list[str] = []
    for word in singular:
        if word in _STOP_WORDS or (word == "grip" and kept and kept[-1] in _GRIP_WORDS):
            continue
        kept.append(word)
    return tuple(kept)


def normalise(name: str, *, sort_tokens: bool = False) -> str:
    """Return the matching key of an exercise name.

    The key is casefolded, without accents, with punctuation and hyphens turned into spaces and
    apostrophes dropped; a word followed by "up", "down", "over", "through" or "apart" is joined
    to it ("push-up", "push up", "pushup" and "Push Ups" all give ``"pushup"``); every word is
    singularised with inflect ("presses" -> "press", "lunges" -> "lunge"; "press", "biceps",
    "triceps" stay, "bicep" becomes "biceps", "abs"/"ab" become "abs", "glutes" -> "glute");
    a few certain abbreviations are spelt out ("DB" -> "dumbbell", "RDL" -> "romanian
    deadlift", "single" / "1" -> "one"); the stop words "a", "an", "the", "with", "on", "of",
    "using" and "from" are dropped. With ``sort_tokens=True`` the words come back sorted, so
    that word-order variants ("Shoulder Press, Barbell" / "Barbell Shoulder Press") share a key.
    Returns ``""`` for a name with no usable word.
    """
    words = tokens(name)
    return " ".join(sorted(words) if sort_tokens else words)


# --- distinguishing words and structured evidence ----------------------------------------------
