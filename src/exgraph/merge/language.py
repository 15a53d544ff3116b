"""Which names of an exercise are English, beyond their language tags.

wger files some names under English (``@en``) or with no tag that are Italian, Spanish or
Portuguese: "Arco femorale una gamba" (the one-leg glute bridge), "Supino" and "Supino inclinado"
(the flat and incline barbell bench press), "Isometria alle parallele" (the parallel-bar support
hold). Read by their tags they are English names, so the resolver compares them with English
names (and never finds the twin) and may keep one as a cluster's canonical name
(:func:`exgraph.merge.resolve._rank`: members with an English label come first), and the list
of exercises named only in another language (scripts/reviewed/foreign_names.py) misses them.
A name holding one of :data:`NOT_ENGLISH_WORDS` is not English, whatever its tag.
"""

from __future__ import annotations

import re

#: Words of exercise names in the languages of the imports that are no English words (read
#: from the 872 wger names; "planche", a gymnastics word English uses, is not one of them).
NOT_ENGLISH_WORDS = frozenset({
    "una", "uno", "gamba", "gambe", "femorale", "supino", "supina", "inclinado", "inclinada",
    "inclinato", "inclinata", "con", "mit", "und", "avec", "polea", "remo", "jalon", "jalón",
    "sentado", "sentada", "piernas", "pierna", "brazos", "brazo", "mancuerna", "mancuernas",
    "estiramiento", "trazioni", "impugnatura", "panca", "manubri", "manubrio", "bilanciere",
    "affondi", "affondo", "stacco", "dominadas", "fondos", "sentadilla", "zancada", "zancadas",
    "elevación", "elevacion", "aperturas", "prensa", "hombro", "hombros", "flessioni", "spinte",
    "rematore", "alzate", "piegamenti", "addominali", "esercizio", "presa", "agarre", "cuello",
    "cadera", "pecho", "banco", "maquina", "máquina", "patada", "patadas", "respiración",
    "respiracion", "profunda", "isometria", "parallele", "cote", "dynamique", "abierto",
    "estrecho", "caballero", "unialteral", "gewichtaufheben", "kopfuber", "schwimmen", "del", "de"})
_WORD = re.compile(r"[a-záéíóúñüöäß]+")


def english_tag(lang: str | None) -> bool:
    """Whether a language tag says English: none, ``en`` or a regional English."""
    return lang in (None, "", "en") or (lang or "").startswith("en-")


def english_words(name: str) -> bool:
    """Whether name holds none of :data:`NOT_ENGLISH_WORDS`."""
    return not any(w in NOT_ENGLISH_WORDS for w in _WORD.findall(name.lower()))


def english_name(name: str, lang: str | None) -> bool:
    """Whether name counts as an English name: tagged English or untagged, and in English
    words."""
    return english_tag(lang) and english_words(name)
