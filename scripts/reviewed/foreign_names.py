"""Exercises named only in another language, each decided: merged or kept apart (issue 22).

The fourth fresh audit (seed 20261209) drew `trazioni-impugnatura-inversa` (Italian: pull-ups
with a reverse grip, the chin-up) and `chin-up` as two exercises. The cause: the resolver
(src/exgraph/merge/apply.py ``load_candidates``) compares English names only, so a wger exercise
that has no English translation (its only names Italian, Spanish, German or French) never meets
its English twin, whatever the names mean. This module lists every exercise of the served graph
without an English name (no ``skos:prefLabel``/``altLabel`` untagged or ``@en``) beside the
English exercises that share its exact equipment and movement pattern and a prime mover, so a
person can read the names across languages; the pairs found the same are ``same`` pairs in
data/merges.tsv (section "issue 22 (facts5)"), and every other such exercise is listed in
:data:`KEPT_APART` with its reason. ``tests/integration/data/test_foreign_names.py`` fails when an
exercise without an English name is in neither, so a new import of one is decided, not missed.

The audit's other finding, `chin-up` named "Trazioni con presa prona" (Italian: pull-ups with an
overhand grip), is not a merge: it is wger's own Italian name of its Chin-ups, which the alias map
rightly merges into `chin-up`. :func:`grip_contradictions` finds names in another language whose
grip word (overhand or underhand, in the languages of the imports) contradicts the grip every
English name of the exercise states; over the served graph it finds that one name and no other
(:data:`WRONG_TRANSLATIONS`, which the test compares with what the check finds).

Run ``python scripts/reviewed/foreign_names.py`` to print the list (about 10 s).
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from collections.abc import Mapping

from exgraph.merge.language import english_name

#: Exercises without an English name that stay their own node, with the reason (read against the
#: English exercises of the same equipment, pattern and prime mover; the judging rule of the
#: duplicate sample, docs/fact-checks.md: one movement, the same implements, the same variation).
KEPT_APART: dict[str, str] = {
    "back-extension": "Spanish-English 'Back extensión' with no steps: a back extension on a "
                      "hyperextension bench, 45-degree or horizontal not said; a generic entry "
                      "and a specific one are different",
    "estiramiento-de-brazos-y-cuello": "a generic arm-and-neck stretch; no English stretch of "
                                       "those two parts together",
    "estiramiento-de-piernas-y-cadera": "a generic legs-and-hip stretch; no English stretch of "
                                        "those parts together",
    "isometria-trazioni-impugnatura-inversa": "an isometric underhand (chin-up) hold; the "
                                              "English hold (Pull-up Isometric Hold) is "
                                              "overhand: the grip is a variation",
    "jalon-abierto-supino": "a wide-grip underhand pulldown; the English underhand pulldowns "
                            "are close-grip",
    "jalon-en-banco-inclinado": "a pulldown lying or leaning on an incline bench; no English "
                                "exercise of that set-up",
    "kopfuber-gewichtaufheben": "German 'upside-down weight lifting', no steps: which movement it "
                                "names cannot be told (general_a.NOT_REVIEWED)",
    "military-press-mit-sz-bar": "an EZ-bar clean and press (its text); no English exercise "
                                 "with that bar",
    "patada-de-burro-con-mancuerna": "a donkey kick holding a dumbbell behind the knee; the "
                                     "English donkey kicks and kickbacks are bodyweight, band "
                                     "or cable",
    "patadas-traseras": "a dumbbell triceps kickback supported on a bench (its equipment); the "
                        "English Tricep Dumbbell Kickback is bent over free-standing with both "
                        "arms: the support is a variation",
    "planche-de-cote-dynamique": "French 'dynamic side plank', no steps: a side plank moving "
                                 "how is not said; the English side planks are holds",
    "pull-over-polea-alta": "a cable pullover at a high pulley, reviewed a vertical pull; no "
                            "English exercise of that pattern and set-up",
    "remo-alto-polea-alta": "a one-handle high-pulley row 'with support'; the English High Row "
                            "kneels without one: the support is not said, so not judged the "
                            "same",
    "remo-maquina-agarre-estrecho": "a machine row with a close-grip bar; the English Seated "
                                    "machine row states no grip: a specific entry and a "
                                    "generic one are different",
    "remo-maquina-agarre-estrecho-supino": "a machine row with a close underhand grip; no "
                                           "English machine row with that grip",
    "respiracion-profunda-de-pie-o-sentado": "a breathing drill: not an exercise "
                                             "(general_b.NOT_REVIEWED)",
    "schwimmen": "German 'swimming': cardio, no English exercise of it",
}

#: The merged ones (data/merges.tsv, issue 22 (facts5)): alias -> canonical.
MERGED: dict[str, str] = {
    "trazioni-impugnatura-inversa": "chin-up",
    "extension-de-gluteo-en-maquina": "glute-kickback-machine",
    "extension-de-gluteos-en-polea": "one-legged-cable-kickback",
    "flexion-lateral": "dumbbell-side-bend",
    "curl-de-biceps-con-agarre-prono": "standing-dumbbell-reverse-curl",
    # names in another language that wger tags English (exgraph.merge.language; stop 30)
    "arco-femorale-una-gamba": "single-leg-glute-bridge",
    "supino": "bench-press",
    "supino-inclinado": "barbell-incline-bench-press-medium-grip",
    "isometria-alle-parallele": "parallel-bar-hold",
    # stop 30: kept apart before only because the resolver kept the Spanish slug as canonical
    "jalon-abierto": "wide-grip-lat-pulldown",
    "jalon-al-pecho-con-agarre-ancho": "wide-grip-lat-pulldown",
    "jalon-caballero-unialteral": "1-arm-half-kneeling-lat-pulldown",
    "elevacion-lateral-polea": "cable-lateral-raises-single-arm",
}

#: Grip words in the languages of the imports: overhand (pronated) and underhand (supinated, a
#: chin-up's). A name in another language whose grip word contradicts the grip of every English
#: name of its exercise is a wrong translation (the audit's second finding: wger translates its
#: Chin-ups into Italian as "Trazioni con presa prona", pull-ups with an overhand grip).
OVERHAND = re.compile(r"\b(?:pron[aoe]\w*|overhand|obergriff)\b", re.I)
UNDERHAND = re.compile(r"\b(?:supin\w*|underhand|untergriff|kammgriff|reverse grip|chin ?ups?|"
                       r"chinups?|chins?|invers[ae])\b", re.I)
#: The wrong translations the check finds today, each to be dropped where the names are imported
#: (``exgraph.importers.wger_text.WRONG_NAMES``, the names a wger record must not carry, and a
#: rerun of the wger import; not this layer's files): (exercise, name) -> why.
WRONG_TRANSLATIONS: dict[tuple[str, str], str] = {
    ("chin-up", "Trazioni con presa prona"): "wger's Italian name of its Chin-ups (merged into "
    "chin-up) says 'overhand grip'; a chin-up is underhand, as its Spanish 'Dominadas "
    "Supinas' says",
}

NAMES_QUERY = """
PREFIX exg: <https://w3id.org/exgraph/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?e ?l WHERE { ?e a exg:Exercise . { ?e skos:prefLabel ?l } UNION { ?e skos:altLabel ?l } }
"""


def names_by_exercise(rows: list[Mapping[str, object]]) -> dict[str, set[tuple[str, str | None]]]:
    """slug -> {(name, language tag)} from rows of :data:`NAMES_QUERY`."""
    names: dict[str, set[tuple[str, str | None]]] = defaultdict(set)
    for row in rows:
        label = row["l"]
        names[str(row["e"]).rsplit("/", 1)[-1]].add((str(label), getattr(label, "language",
                                                                         None)))
    return names


def without_english(names: Mapping[str, set[tuple[str, str | None]]],
                    ) -> dict[str, set[tuple[str, str | None]]]:
    """The exercises none of whose preferred or alternative names is an English name: tagged
    English or untagged, and holding no word of another language
    (:mod:`exgraph.merge.language`: wger tags "Arco femorale una gamba" English)."""
    return {slug: found for slug, found in names.items()
            if not any(english_name(name, lang) for name, lang in found)}


def grip_contradictions(names: Mapping[str, set[tuple[str, str | None]]],
                        ) -> set[tuple[str, str]]:
    """(exercise, name) for every name in another language whose grip word contradicts the grip
    all the exercise's English names agree on (only exercises whose English names name one grip
    are read)."""
    found = set()
    for slug, labels in names.items():
        english = [n.replace("-", " ") for n, lang in labels if lang in (None, "en")]
        over = any(OVERHAND.search(n) for n in english)
        under = any(UNDERHAND.search(n) for n in english)
        if over == under:
            continue
        for name, lang in labels:
            if lang in (None, "en"):
                continue
            plain = name.replace("-", " ")
            if (under and OVERHAND.search(plain) and not UNDERHAND.search(plain)) or (
                    over and UNDERHAND.search(plain) and not OVERHAND.search(plain)):
                found.add((slug, name))
    return found


def main() -> int:
    from exgraph.graph.load import bundled_files, load_oxigraph
    from exgraph.graph.store import OxigraphStore
    from exgraph.records import records_for

    store = OxigraphStore(load_oxigraph(bundled_files(imported=True)))
    foreign = without_english(names_by_exercise(store.select(NAMES_QUERY)))
    records = dict(records_for(store).records)

    def facts(slug: str) -> tuple[frozenset[str], str | None, frozenset[str]]:
        record = records[slug]
        equipment = frozenset(ref["id"] for ref in record.equipment)
        pattern = record.movement_pattern["id"] if record.movement_pattern else None
        return equipment, pattern, frozenset(ref["id"] for ref in
                                             record.muscles.get("primary", []))

    for slug in sorted(foreign):
        equipment, pattern, primary = facts(slug)
        decided = KEPT_APART.get(slug, "UNDECIDED")
        print(f"{slug} ({'; '.join(sorted(n for n, _l in foreign[slug]))}): {decided}")
        for other in sorted(records):
            if other == slug or other in foreign:
                continue
            o_equipment, o_pattern, o_primary = facts(other)
            if o_equipment == equipment and o_pattern == pattern and o_primary & primary:
                print(f"    ~ {other} ({records[other].name})")
    for slug, name in sorted(grip_contradictions(names_by_exercise(
            store.select(NAMES_QUERY)))):
        print(f"wrong translation: {slug}: {name!r}: "
              f"{WRONG_TRANSLATIONS.get((slug, name), 'NOT YET LISTED')}")
    undecided = sorted(set(foreign) - set(KEPT_APART))
    print(f"{len(foreign)} exercises without an English name, {len(undecided)} undecided",
          file=sys.stderr)
    return 1 if undecided else 0


if __name__ == "__main__":
    sys.exit(main())
