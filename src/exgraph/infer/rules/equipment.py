"""Equipment named in an exercise's name but not stated by any source."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from exgraph.graph.taxonomy import is_machine
from exgraph.infer.rules.common import (
    CHIN_UP,
    PULL_UP,
    PUSH_UP,
    Facts,
    Inferred,
    english_names,
    words,
)
from exgraph.vocab.names import plain_text


@dataclass(frozen=True)
class _EquipmentRule:
    rule: str
    slug: str
    regex: re.Pattern[str]
    # Skip the rule when one of these slugs was already found (more specific kinds first).
    unless: frozenset[str] = frozenset()
    # Skip the rule when a machine of the taxonomy was already found.
    unless_machine: bool = False
    # Only when nothing else was found (implied, not stated).
    alone: bool = False
    # Skip the rule when this regex matches the name.
    not_if: re.Pattern[str] | None = None


_EQUIPMENT_RULES: Final[tuple[_EquipmentRule, ...]] = (
    _EquipmentRule("equipment/name/smith-machine", "smith-machine",
                   words(r"smith(?: machine)?", r"multi ?press(?:e)?")),
    _EquipmentRule("equipment/name/leg-press-machine", "leg-press-machine",
                   words(r"leg press(?:es)?(?: machine)?")),
    _EquipmentRule("equipment/name/lever-back-extension-machine", "lever-back-extension-machine",
                   words(r"(?:lever|plate loaded) back extension(?: machine)?")),
    _EquipmentRule("equipment/name/selectorized-back-extension-machine",
                   "selectorized-back-extension-machine",
                   words(r"(?:selectorized|pin loaded) back extension(?: machine)?")),
    _EquipmentRule("equipment/name/back-extension-machine", "back-extension-machine",
                   words(r"back extension machine", r"machine back extensions?"),
                   unless=frozenset({"lever-back-extension-machine",
                                     "selectorized-back-extension-machine"})),
    _EquipmentRule("equipment/name/machine", "machine",
                   words(r"machines?", r"lever(?:age)?", r"selectorized", r"hammer ?strength",
                          r"plate loaded", r"pec deck"),
                   unless_machine=True,
                   not_if=words(r"(?:front|back) lever")),
    _EquipmentRule("equipment/name/cable-station", "cable-station",
                   words(r"cables?", r"pulley", r"pulleys")),
    _EquipmentRule("equipment/name/ez-curl-bar", "ez-curl-bar",
                   words(r"e ?z ?(?:curl )?bar", r"sz ?(?:curl )?bar", r"curl bar")),
    _EquipmentRule("equipment/name/barbell", "barbell",
                   words(r"barbells?", r"bb", r"landmine", r"olympic bar"),
                   unless=frozenset({"ez-curl-bar", "smith-machine"})),
    _EquipmentRule("equipment/name/dumbbell", "dumbbell",
                   words(r"dumb?bells?", r"db", r"dbs")),
    _EquipmentRule("equipment/name/kettlebell", "kettlebell",
                   words(r"kettle ?bells?", r"kb", r"kbs")),
    _EquipmentRule("equipment/name/resistance-band", "resistance-band",
                   words(r"bands?", r"banded", r"elastics?", r"mini ?bands?", r"theraband"),
                   not_if=words(r"trx bands?", r"it bands?", r"iliotibial bands?")),
    _EquipmentRule("equipment/name/medicine-ball", "medicine-ball",
                   words(r"medicine ?balls?", r"med ?balls?", r"wall balls?", r"ball slams?",
                          r"slam balls?")),
    _EquipmentRule("equipment/name/exercise-ball", "exercise-ball",
                   words(r"(?:swiss|stability|exercise|physio) ?balls?", r"physioball")),
    _EquipmentRule("equipment/name/weight-plate", "weight-plate",
                   words(r"plates?"), not_if=words(r"plate loaded")),
    _EquipmentRule("equipment/name/foam-roller", "foam-roller",
                   words(r"foam roll(?:er|ers|ing)?", r"blackroll")),
    _EquipmentRule("equipment/name/hyperextension-bench", "hyperextension-bench",
                   words(r"hyper ?extension bench", r"roman chair",
                          r"back extension bench",
                          r"45 degree (?:back extension|hyperextension)s?")),
    _EquipmentRule("equipment/name/incline-bench", "incline-bench",
                   words(r"(?:incline|decline|adjustable) bench")),
    _EquipmentRule("equipment/name/bench", "bench",
                   words(r"bench(?:es)?", r"benchpress"),
                   unless=frozenset({"incline-bench", "hyperextension-bench"})),
    _EquipmentRule("equipment/name/pull-up-bar", "pull-up-bar",
                   words(r"(?:pull ?up|chin ?up|pullup|chinup) bar", PULL_UP, CHIN_UP,
                          r"hanging (?:leg|knee|pike|windshield|toes|l sit)\w*", r"toes to bar",
                          r"dead ?hang"),
                   unless=frozenset({"cable-station", "resistance-band"}), unless_machine=True),
    _EquipmentRule("equipment/name/gym-mat", "gym-mat", words(r"mats?")),
    _EquipmentRule("equipment/name/bodyweight", "bodyweight",
                   words(r"body ?weight", r"bodyweight only", r"no equipment")),
    # Implied, not stated: only when no rule above found anything.
    _EquipmentRule("equipment/implied/cable-station", "cable-station",
                   words(r"push ?downs?", r"pushdowns?", r"lat pull ?downs?", r"lat pulldowns?",
                          r"straight arm pull ?downs?", r"face ?pulls?",
                          r"(?:rope|bar|v bar) attachment"),
                   alone=True),
    _EquipmentRule("equipment/implied/bodyweight", "bodyweight",
                   words(PUSH_UP, r"planks?", r"(?:air|prisoner) squats?", r"burpees?",
                          r"sit ?ups?", r"situps?", r"crunch(?:es)?", r"mountain climbers?",
                          r"jumping jacks?", r"pistol squats?", r"superman", r"bird ?dogs?",
                          r"dead ?bugs?", r"l ?sits?", r"handstands?"),
                   alone=True,
                   not_if=words(r"weighted", r"ropes?", r"trx", r"suspen\w+", r"rings?",
                                 r"rows?", r"press(?:es)?", r"curls?", r"fl(?:y|ye|yes)")),
)

_NEGATED: Final = re.compile(r"\b(?:no|without) (?:\w+ ){0,2}$")


def equipment_from_name(facts: Facts) -> tuple[Inferred, ...]:
    """Equipment the English names state, for an exercise with no equipment in the data; an
    empty tuple when it has some or the names state none. Rules: the module docstring."""
    if facts.equipment:
        return ()
    texts = [(name, plain_text(name)) for name in english_names(facts)]
    found: dict[str, Inferred] = {}
    for rule in _EQUIPMENT_RULES:
        if (rule.slug in found or rule.unless & found.keys() or (rule.alone and found)
                or (rule.unless_machine and any(is_machine(slug) for slug in found))):
            continue
        for name, text in texts:
            if rule.not_if is not None and rule.not_if.search(text):
                continue
            # Skip negated mentions: "hyperextensions with no hyperextension bench".
            hit = next((m for m in rule.regex.finditer(text)
                        if not _NEGATED.search(text[:m.start()])), None)
            if hit:
                verb = "implies" if "/implied/" in rule.rule else "names"
                found[rule.slug] = Inferred(
                    value=rule.slug, rule=rule.rule,
                    reason=f"The name '{name}' {verb} '{hit.group(0)}', so the exercise uses "
                           f"equipment '{rule.slug}'.")
                break
    return tuple(found.values())
