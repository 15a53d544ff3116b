"""What wger's names and texts need before they become facts: plain text from its HTML, a
check that a name is in the language it is tagged with, the deltoid head a name says, and the
names that say an entry is no exercise at all.

Split from :mod:`exgraph.importers.wger` (the fixtures to records), which uses them all.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder
from rapidfuzz.distance import OSA

_BLOCK_END = re.compile(r"</(p|li|h[1-6]|div|ol|ul)>|<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"[ \t\r\f\v]+")


def plain_text(markup: str) -> str:
    """Text of a wger HTML description: tags removed, entities decoded, one line per block."""
    text = html.unescape(_TAG.sub("", _BLOCK_END.sub("\n", markup)))
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


# -- names in the language they are written in --------------------------------------------------

#: When a name tagged en is re-tagged: the detector, choosing among every language of wger's
#: languages.json, gives one language at least MIN_CONFIDENCE and English at most MAX_ENGLISH,
#: the runner-up has at most half the winner's confidence (not ambiguous: Spanish or Portuguese,
#: Dutch or German), and the name has at least MIN_LETTERS letters once numbers and
#: abbreviations (3008, TRX, DB) are left out (short names keep their tag: the detector often
#: takes "Plank", "Burpees" or "Row" for Esperanto, Finnish or Polish). Measured on the wger
#: snapshot of ../shared: 25 names move, all rightly (tests/integration/data/test_wger_cleanups.py
#: lists them).
#: Of the English names, "ClimbMill" comes nearest (Dutch 0.54, but English 0.10); of the names
#: that move, "3008 Klappsitz" is nearest to a bound (German 0.51). Foreign names that stay:
#: those the detector cannot tell from a neighbour ("Supino inclinado": Spanish or Portuguese?),
#: and short ones ("croci").
MIN_CONFIDENCE = 0.5
MAX_ENGLISH = 0.05
MIN_LETTERS = 8
#: wger's language codes that lingua knows by other ISO 639-1 codes.
_LINGUA_CODES: dict[str, tuple[str, ...]] = {"no": ("nb", "nn")}
_LETTERS = re.compile(r"[^\W\d_]")


#: Names wger tags English that are another language, too short or too close to a neighbour for
#: the detector (issue 22, found by ``exgraph check``: foreign-label-en), with the language a
#: person read them in.
REVIEWED_LANGUAGES: dict[str, str] = {
    "Curl de biceps con agarre prono": "es", "Jalon caballero unialteral": "es",
    "JALONES PECHO NEUTRO": "es", "PULL OVER POLEA ALTA": "es", "Remo alto polea alta": "es",
    "Remo maquina agarre estrecho": "es", "Remo maquina agarre estrecho supino": "es",
    "Military Press mit SZ-Bar": "de", "Supino": "pt", "supino": "pt",
    "Supino Inclinado": "pt", "Supino inclinado": "pt", "croci": "it",
}

#: Names wger gives an exercise that name another movement (issue 22: "no dumbbell names on a
#: barbell exercise"); dropped, with the reason. wger's "Squats" is the barbell back squat.
WRONG_NAMES: dict[str, str] = {
    "Kniebeuge mit Kurzhanteln": "German for 'squats with dumbbells', on wger's barbell squat",
    "Squats (Dumbbells)": "the dumbbell squat, on wger's barbell squat",
    "Squat (Stacchi)": "Italian 'stacchi' are deadlifts: a squat-and-deadlift name on wger's "
                       "barbell squat",
    "Trazioni con presa prona": "Italian for the overhand-grip pull-up, on wger's chin-ups "
                                "(an underhand grip)",
}


@lru_cache(maxsize=4)
def _detector(languages: frozenset[Language]) -> LanguageDetector:
    # models load lazily, per language actually met, and stay for the process
    return LanguageDetectorBuilder.from_languages(*languages).build()


class LanguageCheck:
    """Whether a text wger tags English is written in another of wger's languages.

    ``codes`` are wger's language codes (languages.json); those the detector does not know are
    left out, and English is always in.
    """

    def __init__(self, codes: Iterable[str]) -> None:
        self.code_of: dict[Language, str] = {Language.ENGLISH: "en"}
        for code in codes:
            for iso in _LINGUA_CODES.get(code, (code,)):
                try:
                    language = Language.from_iso_code_639_1(IsoCode639_1.from_str(iso))
                except ValueError:
                    continue
                self.code_of.setdefault(language, code)
        self.detector = _detector(frozenset(self.code_of))

    def written_in(self, text: str) -> str | None:
        """The code of the language text is written in when the detector is sure it is not
        English (the rule above) or a person said so (:data:`REVIEWED_LANGUAGES`); None when it
        is English, short or ambiguous."""
        if text in REVIEWED_LANGUAGES:
            return REVIEWED_LANGUAGES[text]
        words = " ".join(word for word in text.split() if _is_word(word))
        if len(_LETTERS.findall(words)) < MIN_LETTERS:
            return None
        confidence: dict[str, float] = defaultdict(float)
        for value in self.detector.compute_language_confidence_values(words):
            confidence[self.code_of[value.language]] += value.value
        ranked = sorted(confidence.items(), key=lambda item: (-item[1], item[0]))
        (best, top), runner_up = ranked[0], (ranked[1][1] if len(ranked) > 1 else 0.0)
        if (best == "en" or top < MIN_CONFIDENCE or confidence["en"] > MAX_ENGLISH
                or runner_up * 2 > top):
            return None
        return best


def _is_word(token: str) -> bool:
    """Whether token is a word of some language: not a number, model or short abbreviation."""
    letters = _LETTERS.findall(token)
    if not letters or any(c.isdigit() for c in token):
        return False
    return not (len(letters) <= 3 and "".join(letters).isupper())


# -- muscle 2: the deltoid, or the head the name says -------------------------------------------

_DELT = r"[ -]delt(?:oid)?s?\b"
#: The head a name says, as the curated label of its muscle (data/muscles.ttl), and the words
#: that say it; a name may say two ("Lateral-to-Front Raises").
DELTOID_HEADS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("Anterior deltoid", re.compile(
        rf"\b(?:front|anterior){_DELT}|\bfront(?:[ -]\w+)?[ -]raises?\b", re.IGNORECASE)),
    ("Lateral deltoid", re.compile(
        rf"\b(?:lateral|side|middle|medial){_DELT}|\b(?:lateral|side)(?:[ -]\w+)?[ -]raises?\b"
        r"|\bside[ -]laterals?\b|\blateral[ -]to[ -]front\b", re.IGNORECASE)),
    ("Posterior deltoid", re.compile(
        rf"\b(?:rear|posterior){_DELT}|\breverse(?:[ -]\w+)?[ -]fl(?:y|ys|ye|yes|ies)\b"
        r"|\breverse[ -](?:butterfly|pec[ -]?deck)\b|\bbutterfly[ -]reverse\b"
        r"|\bface[ -]?pulls?\b", re.IGNORECASE)),
)
#: The curated label of the deltoid group, for muscle 2 when no name says a head.
DELTOID_GROUP = "Shoulders"


def deltoid_heads(names: Iterable[str]) -> list[str]:
    """The deltoid heads (curated muscle labels) the English names of an exercise say, in the
    order of DELTOID_HEADS; empty when they say none."""
    names = list(names)
    return [head for head, words in DELTOID_HEADS if any(words.search(n) for n in names)]


# -- entries that are not exercises ---------------------------------------------------------------

#: Names (parenthesised text aside, case and spaces ignored) of a period without physical work
#: that a timed workout inserts: wger's "Rest (for timed workouts)".
REST_NAMES = frozenset({"rest", "pause", "break", "timer", "countdown", "rest period",
                        "rest time", "rest interval"})
#: A mental practice, no physical work, in the languages wger has ("Meditation", "Meditación",
#: "Meditação", "meditazione", "meditatie", "mindfulness").
MEDITATION = re.compile(r"\bmedita|\bmindfulness\b", re.IGNORECASE)
#: The shortest word compared one typing slip (a letter added, dropped, changed or two swapped:
#: optimal string alignment distance 1) away from a muscle or equipment word: shorter ones are
#: one slip from too many words (bar/car, abs/arms). "bicep" (biceps) and "cabel" (cable) have 5.
MIN_SLIP_LETTERS = 5
_PARENS = re.compile(r"\([^)]*\)")
_WORD_SPLIT = re.compile(r"[^\w]+|_")


def vocabulary_words(names: Iterable[str]) -> frozenset[str]:
    """The words (case-folded, 3 letters or more) of muscle and equipment names, e.g. wger's
    "Biceps brachii", "Biceps", "Cable machine": what a placeholder names instead of a movement.
    "none" (wger's "none (bodyweight exercise)") is no name of a thing."""
    words = {w for name in names for w in _WORD_SPLIT.split(name.casefold()) if len(w) >= 3}
    return frozenset(words - {"none"})


def not_an_exercise(names: Iterable[str], vocabulary: frozenset[str]) -> str | None:
    """Why an entry with these names (all of them: translations and aliases) is no exercise,
    or None when one of its names may name a movement.

    A name says no movement when it is a rest period (:data:`REST_NAMES`), a meditation
    (:data:`MEDITATION`), or a single word that is a muscle or a piece of equipment of
    ``vocabulary`` or one typing slip from one (:data:`MIN_SLIP_LETTERS`): "bicep", "cabel".
    Only for an entry wger gives no muscle and no equipment (the caller checks): a name alone
    ("Biceps" with muscles and a barbell) is no reason. On the wger snapshot of ../shared the
    rule leaves out 4 of 872 entries (docs/data.md lists them and the near misses it keeps).
    """
    reasons = [_no_movement(name, vocabulary) for name in names]
    if not reasons or None in reasons:
        return None
    return reasons[0]


def _no_movement(name: str, vocabulary: frozenset[str]) -> str | None:
    bare = _SPACES.sub(" ", _PARENS.sub(" ", name)).strip().casefold()
    if bare in REST_NAMES:
        return f"{name!r} is a rest period, no exercise"
    if MEDITATION.search(name):
        return f"{name!r} is a meditation, no physical exercise"
    if bare and " " not in bare:
        for word in sorted(vocabulary):
            if bare == word or (len(bare) >= MIN_SLIP_LETTERS
                                and OSA.distance(bare, word) <= 1):
                return (f"{name!r} names no movement, only a muscle or a piece of equipment "
                        f"({word!r})")
    return None
